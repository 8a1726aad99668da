"""Read a corpus folder: every file through index/ingest.py into a plan, or a reason it was skipped."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.ingest import SUFFIXES, IngestError, read_document
from index.parse import Plan, PlanError, parse_plan

CORPUS_SUFFIXES = set(SUFFIXES)


class CorpusError(ValueError):
    """The corpus cannot be built: no plan in it, or (strict) a file skipped; the message names files."""

    def __init__(self, message: str, report: tuple[FileReport, ...] = ()) -> None:
        super().__init__(message)
        self.report = report


@dataclass(frozen=True, slots=True)
class FileReport:
    """What became of one corpus file: a plan of so many sections and tasks, or why it was skipped."""

    name: str
    reason: str = ""  # why the file was skipped; "" when it was read as a plan
    plan: str = ""  # "Kế hoạch 65/KH-UBND"
    sections: int = 0
    tasks: int = 0
    pages: int = 0  # of a PDF

    @property
    def skipped(self) -> bool:
        return bool(self.reason)

    def line(self) -> str:
        if self.skipped:
            return f"skipped {self.name}: {self.reason}"
        pages = f", {self.pages} pages" if self.pages else ""
        return f"read    {self.name}: {self.plan}, {self.sections} sections, {self.tasks} tasks{pages}"


@dataclass(frozen=True, slots=True)
class Corpus:
    plans: tuple[Plan, ...]
    pages: dict[str, tuple[int, ...]]  # plan source -> offset where each PDF page starts
    report: tuple[FileReport, ...]  # every file, in name order

    @property
    def skipped(self) -> tuple[FileReport, ...]:
        return tuple(r for r in self.report if r.skipped)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _holds(f: Path, sha: str) -> bool:
    try:
        return _sha(f.read_bytes()) == sha
    except OSError:
        return False  # read_document then says why the file cannot be read


def _corpus_files(corpus: Path) -> list[Path]:
    # Hidden files and Word's "~$" lock files are not documents anyone put there.
    return sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))


# A plan parsed before, by file name: the sha256 of the file it was parsed from, the plan, its PDF pages.
Known = dict[str, tuple[str, Plan, tuple[int, ...]]]


def read_corpus(corpus: Path, on_file: Callable[[FileReport], None] | None = None,
                known: Known | None = None) -> Corpus:
    """Read and parse every file of a corpus folder; a file that is not a readable plan is reported, not fatal.

    `on_file` hears of each file as soon as it is read (the CLI prints it while the build goes on).
    A file whose name and content `known` holds is not parsed again: its plan is taken from there.
    """
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus}")
    files = _corpus_files(corpus)
    if not files:
        raise CorpusError(f"corpus folder {corpus} has no plan files ({', '.join('*' + s for s in SUFFIXES)})")
    plans, pages, report = [], {}, []
    for f in files:
        seen = (known or {}).get(f.name)
        try:
            if seen is not None and _holds(f, seen[0]):
                _, plan, doc_pages = seen
            else:
                doc = read_document(f)
                plan, doc_pages = parse_plan(doc.text, f.name), doc.pages
        except IngestError as exc:
            entry = FileReport(f.name, exc.reason)
        except PlanError as exc:
            entry = FileReport(f.name, str(exc).removeprefix(f"{f.name}: "))
        else:
            plans.append(plan)
            if doc_pages:
                pages[f.name] = doc_pages
            label = f"{plan.doc_type or 'plan'} {plan.number}".strip()
            entry = FileReport(f.name, "", label, len(plan.sections), len(plan.work()), len(doc_pages))
        report.append(entry)
        if on_file is not None:
            on_file(entry)
    return Corpus(tuple(plans), pages, tuple(report))


def corpus_hashes(corpus: Path) -> dict[str, str]:
    return {f.name: _sha(f.read_bytes()) for f in _corpus_files(corpus) if f.suffix.lower() in CORPUS_SUFFIXES}
