"""webapp.upload and ChatService.swap with a real library of two plans: an upload runs beside the
questions, swaps the new library in at once, and a bad file changes nothing."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _plan_index import PLANS, library_index

import webapp.upload as upload
from assistant import Assistant, Settings
from webapp.chat import ChatService
from webapp.server import logins_from_env
from webapp.upload import Uploader, UploadError, admins_from_env

TWO = ["kh-hason-cds.md", "kh-lamha-duoinuoc.txt"]
NEW = PLANS / "kh-phulam-nuocsach.txt"
ASK_NEW = "Theo kế hoạch nước sạch của tỉnh Phú Lâm, cơ quan nào chủ trì nhiệm vụ III.1.a?"
WAIT_S = 300  # a bound on waiting for the upload thread, so a broken upload fails instead of hanging


@pytest.mark.parametrize(("env", "logins", "admins"), [
    ({}, [], set()),
    ({"PLAN_APP_USER": "an"}, ["an"], {"an"}),  # the single configured user
    ({"PLAN_APP_USER": "an", "PLAN_APP_ADMINS": "binh"}, ["an", "binh"], {"binh"}),
    ({"PLAN_APP_ADMINS": "an, binh"}, ["an", "binh", "chi"], {"an", "binh"}),
    ({"PLAN_APP_USER": "an"}, [], set()),  # no login, no administrator
])
def test_administrators(env: dict[str, str], logins: list[str], admins: set[str]) -> None:
    assert admins_from_env(logins, env) == admins


def test_an_administrator_without_a_login_is_refused() -> None:
    with pytest.raises(ValueError, match="PLAN_APP_ADMINS names binh"):
        admins_from_env(["an"], {"PLAN_APP_ADMINS": "binh"})


def test_logins() -> None:
    env = {"PLAN_APP_USER": "an", "PLAN_APP_PASSWORD": "p1", "PLAN_APP_USERS": "binh:p:2 chi:p3"}
    assert logins_from_env(env) == [("an", "p1"), ("binh", "p:2"), ("chi", "p3")]
    assert logins_from_env({}) == []
    with pytest.raises(ValueError, match="name:password"):
        logins_from_env({"PLAN_APP_USERS": "binh"})
    with pytest.raises(ValueError, match="twice"):
        logins_from_env({"PLAN_APP_USER": "an", "PLAN_APP_PASSWORD": "x", "PLAN_APP_USERS": "an:y"})


@pytest.fixture(scope="module")
def vectors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("upload-cache")


@pytest.fixture()
def svc(tmp_path: Path, vectors: Path) -> ChatService:
    _, index = library_index(tmp_path / "lib", TWO, vectors)
    return ChatService(Assistant.load(Settings(index=index)))


@pytest.fixture()
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, threading.Event]]:
    """add_plans held at its start until the test lets it go: (entered, go)."""
    entered, go = threading.Event(), threading.Event()
    real: Callable[..., Any] = upload.add_plans

    def add(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        go.wait(WAIT_S)
        return real(*args, **kwargs)

    monkeypatch.setattr(upload, "add_plans", add)
    yield entered, go
    go.set()


def _corpus(svc: ChatService) -> list[str]:
    meta = json.loads((svc.asst.settings.index / "meta.json").read_text(encoding="utf-8"))
    return sorted(p.name for p in Path(meta["corpus_dir"]).iterdir())


def test_questions_are_answered_during_an_upload_and_the_new_plan_after(
        svc: ChatService, held: tuple[threading.Event, threading.Event]) -> None:
    entered, go = held
    before = svc.asst
    job = Uploader(svc, frozenset({"an"})).start(NEW)
    assert entered.wait(WAIT_S)
    # The upload is running: a question is answered at once, from the library as it was.
    ans = svc.ask("Kế hoạch 112/KH-UBND do ai ký?")
    assert "112/KH-UBND" in ans.answer and not job.finished.is_set()
    assert svc.asst is before and svc.generation == 0 and len(before.plans) == 2
    go.set()
    assert job.finished.wait(WAIT_S)
    assert (job.stage, job.error) == ("done", "")
    assert job.line == "read    kh-phulam-nuocsach.txt: Kế hoạch 27/KH-UBND, 38 sections, 19 tasks"
    assert svc.asst is not before and svc.generation == 1
    assert [p.number for p in svc.asst.plans] == ["112/KH-UBND", "214/KH-UBND", "27/KH-UBND"]
    assert "kh-phulam-nuocsach.txt" in svc.texts
    turn = svc.ask(ASK_NEW)
    assert turn.answer.startswith("Kế hoạch 27/KH-UBND") and "Sở Văn hóa, Thể thao và Du lịch" in turn.answer
    assert turn.plan == "27/KH-UBND"
    # An assistant a question started with keeps answering it: the old library is still whole.
    assert len(before.plans) == 2 and before.ask("Kế hoạch 214/KH-UBND do ai ký?").answer


def test_one_upload_at_a_time(svc: ChatService, held: tuple[threading.Event, threading.Event]) -> None:
    entered, go = held
    uploader = Uploader(svc)
    job = uploader.start(NEW)
    assert entered.wait(WAIT_S)
    with pytest.raises(UploadError, match=r"kh-phulam-nuocsach\.txt is being added"):
        uploader.start(PLANS / "kh-longgiang-dulich.txt")
    go.set()
    assert job.finished.wait(WAIT_S) and job.stage == "done"


@pytest.mark.parametrize(("name", "content", "says"), [
    ("ke-hoach.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "ke-hoach.pdf: "),  # a picture renamed .pdf
    ("trong.txt", b"", "trong.txt: "),
    ("ghi-chu.txt", "Danh sách việc cần làm tuần này.\n".encode(), "ghi-chu.txt: "),
])
def test_a_bad_file_changes_nothing(svc: ChatService, tmp_path: Path, name: str, content: bytes, says: str) -> None:
    path = tmp_path / "up" / name
    path.parent.mkdir()
    path.write_bytes(content)
    files, before = _corpus(svc), svc.asst
    meta = (svc.asst.settings.index / "meta.json").read_bytes()
    job = Uploader(svc).start(path)
    assert job.finished.wait(WAIT_S)
    assert job.stage == "failed" and job.error.startswith(says) and job.error.endswith("nothing added")
    assert "\n" not in job.error
    assert _corpus(svc) == files and svc.asst is before and svc.generation == 0
    assert (svc.asst.settings.index / "meta.json").read_bytes() == meta


@pytest.mark.parametrize("name", ["anh.png", ".an.txt", "~$ke-hoach.docx"])
def test_names_refused_before_anything_runs(svc: ChatService, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(UploadError, match="nothing added"):
        Uploader(svc).start(path)
    assert svc.generation == 0
