"""Plans added from the web page by an administrator: the add runs in a background thread, then the
new index is loaded and swapped in while questions go on being answered from the old one."""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assistant import Assistant
from index.corpus import CorpusError, FileReport
from index.embed import EmbedderError
from index.ingest import SUFFIXES
from index.library import add_plans
from index.store import IndexError_
from webapp.chat import ChatService

ENV_ADMINS = "PLAN_APP_ADMINS"


class UploadError(ValueError):
    """An upload refused before anything runs; the message says why, in one line."""


def admins_from_env(logins: Iterable[str], env: Mapping[str, str]) -> frozenset[str]:
    """The administrators: the users PLAN_APP_ADMINS names (commas or spaces), else the single
    PLAN_APP_USER; nobody without a login. A named administrator without a login is refused."""
    users = set(logins)
    named = env.get(ENV_ADMINS, "").replace(",", " ").split()
    if not named:
        single = env.get("PLAN_APP_USER", "")
        return frozenset({single} & users)
    unknown = sorted(set(named) - users)
    if unknown:
        raise ValueError(f"{ENV_ADMINS} names {', '.join(unknown)}, who cannot sign in: give them a login "
                         "in PLAN_APP_USER/PLAN_APP_PASSWORD or PLAN_APP_USERS")
    return frozenset(named)


@dataclass
class Job:
    """One upload as the page follows it: the stage it is at, then its summary or its error."""

    name: str  # the file's name, as it goes into the corpus folder
    started: float = field(default_factory=time.monotonic)
    stage: str = "reading"  # reading → embedding → loading → done | failed
    line: str = ""  # the build's line for the file: "read    x.txt: Kế hoạch 27/KH-UBND, 38 sections, 19 tasks"
    error: str = ""
    finished: threading.Event = field(default_factory=threading.Event)

    def seconds(self) -> int:
        return int(time.monotonic() - self.started)


class Uploader:
    """Runs one upload at a time for the service `svc`: add the file to the index, load, swap."""

    def __init__(self, svc: ChatService, admins: frozenset[str] = frozenset(),
                 on_swap: Callable[[Assistant], None] | None = None) -> None:
        self.svc, self.admins, self.on_swap = svc, admins, on_swap
        self._busy = threading.Lock()
        self.job: Job | None = None

    def is_admin(self, user: str | None) -> bool:
        return bool(user) and user in self.admins

    def start(self, path: Path) -> Job:
        """Check the file's name and start adding it in a background thread; UploadError when refused.

        The corpus file takes the upload's name (Gradio keeps the name the file had on the admin's disk).
        """
        name = path.name
        if Path(name).suffix.lower() not in SUFFIXES:
            raise UploadError(f"{name}: not a plan file: upload {', '.join(SUFFIXES[:-1])}; nothing added")
        if name.startswith((".", "~$")):
            raise UploadError(f"{name}: rename the file (a hidden or lock file name is not read as a plan); "
                              "nothing added")
        if not self._busy.acquire(blocking=False):
            running = self.job.name if self.job else "another file"
            raise UploadError(f"{running} is being added: wait until it is done, then upload {name}")
        job = Job(name)
        self.job = job
        threading.Thread(target=self._run, args=(job, path), name=f"upload-{name}", daemon=True).start()
        return job

    def _run(self, job: Job, path: Path) -> None:
        settings = self.svc.asst.settings

        def heard(report: FileReport) -> None:
            if report.name == job.name:
                job.line = report.line()
                # Every file is read before any passage is embedded: the new plan's passages are next.
                job.stage = "embedding"

        try:
            add_plans(settings.index, [path], on_file=heard)
            job.stage = "loading"
            new = Assistant.load(settings)
            self.svc.swap(new)
            if self.on_swap is not None:
                self.on_swap(new)
            job.stage = "done"
        except (CorpusError, IndexError_, EmbedderError, OSError) as exc:
            job.error, job.stage = " ".join(str(exc).split()), "failed"
        except Exception as exc:  # a bug must not leave the page waiting, nor the lock taken
            traceback.print_exc(file=sys.stderr)
            job.error, job.stage = f"the upload failed ({exc.__class__.__name__}); nothing added", "failed"
        finally:
            job.finished.set()
            self._busy.release()

