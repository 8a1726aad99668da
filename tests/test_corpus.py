"""Reading a corpus folder: each file a plan or a reason it was skipped, the good ones kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DEMO, WEB

from index.corpus import CorpusError, corpus_hashes, read_corpus


def make_corpus(folder: Path, *files: Path) -> Path:
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def test_read_corpus_reads_every_plan_file(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", WEB, DEMO)
    (corpus / "README.rst").write_text("not a plan, and not a plan file suffix\n", encoding="utf-8")
    (corpus / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    found = read_corpus(corpus)
    assert [p.source for p in found.plans] == [WEB.name, DEMO.name]
    assert [(r.name, r.skipped) for r in found.report] == [
        ("README.rst", True), (WEB.name, False), (DEMO.name, False)]
    assert "unsupported format '.rst'" in found.report[0].reason
    web = found.report[1]
    assert (web.plan, web.sections, web.tasks, web.pages) == ("Kế hoạch 65/KH-UBND", 48, 24, 0)
    assert web.line() == "read    plan-65-web.txt: Kế hoạch 65/KH-UBND, 48 sections, 24 tasks"


def test_read_corpus_refuses_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    with pytest.raises(CorpusError, match=r"corpus folder .*corpus has no plan files"):
        read_corpus(tmp_path / "corpus")


def test_read_corpus_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        read_corpus(tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("Ghi chú họp tổ.\nSáng mai họp lúc 8 giờ.\n".encode(), "not a plan"),
        (b"", "empty"),
        ("Kế hoạch năm 2024".encode("utf-16"), "UTF-8"),
        # Windows-1258 writes a base letter and a combining tone: "Số" is b"S\xf4\xec".
        ("S\u00f4\u0301: 65/KH-UBND\nI. M\u01b0\u0323c \u0111i\u0301ch".encode("cp1258"), "UTF-8"),
    ],
    ids=["prose", "empty-file", "utf-16", "windows-1258"],
)
def test_read_corpus_reports_the_bad_file_and_reads_the_rest(tmp_path: Path, content: bytes, why: str) -> None:
    corpus = make_corpus(tmp_path / "corpus", DEMO)
    (corpus / "zz-bad.txt").write_bytes(content)
    found = read_corpus(corpus)
    assert [p.source for p in found.plans] == [DEMO.name]
    assert [r.name for r in found.skipped] == ["zz-bad.txt"]
    bad = found.skipped[0]
    assert why in bad.reason
    assert bad.line().startswith("skipped zz-bad.txt: ") and bad.line().count("zz-bad.txt") == 1


def test_read_corpus_tells_of_each_file_as_it_is_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", DEMO)
    (corpus / "a.txt").write_bytes(b"")
    heard: list[str] = []
    found = read_corpus(corpus, lambda r: heard.append(r.name))
    assert heard == ["a.txt", DEMO.name] == [r.name for r in found.report]


def test_corpus_hashes_cover_every_readable_format_only(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", DEMO)
    for name in ("p.docx", "p.pdf", "p.html", "p.htm", "p.md", "p.doc", "p.xlsx", ".hidden.txt", "~$p.docx"):
        (corpus / name).write_bytes(b"x")
    assert set(corpus_hashes(corpus)) == {DEMO.name, "p.docx", "p.pdf", "p.html", "p.htm", "p.md"}
