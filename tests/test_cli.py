"""The machine interface of DESIGN.md, run as a user would: `python -m assistant ...` in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _documents import needs_font, to_pdf
from _plan_index import CORPUS, DATA, plan_index

from index.ingest import read_document
from index.store import meta_digest

ROOT = Path(__file__).parents[1]
CITATION_KEYS = {"section", "title", "text", "start", "end"}
HIT_KEYS = {"section", "part", "score", "text"}


def run(*args: str | Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, check=False)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return plan_index(tmp_path_factory)


def ask_json(index: Path, question: str, *extra: str) -> dict:
    r = run("ask", question, "--index", index, "--json", *extra)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 1, r.stdout
    return json.loads(lines[0])


def source_of(citation: dict, corpus: Path = CORPUS) -> str:
    return (corpus / citation.get("doc", "plan-65-web.txt")).read_text(encoding="utf-8")


def assert_user_error(r: subprocess.CompletedProcess[str], *must_say: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for words in must_say:
        assert words in lines[0], lines[0]


# -- ask / search -------------------------------------------------------------------------


def test_ask_json_has_the_design_keys(index: Path) -> None:
    out = ask_json(index, "Cơ quan nào chủ trì nhiệm vụ 6đ?")
    assert {"question", "answer", "abstained", "citations", "hits"} <= out.keys()
    assert out["question"] == "Cơ quan nào chủ trì nhiệm vụ 6đ?"
    assert "Sở Xây dựng" in out["answer"]
    assert out["abstained"] is False
    assert [c["section"] for c in out["citations"]] == ["III.6.đ"]
    for c in out["citations"]:
        assert CITATION_KEYS <= c.keys()
    assert 0 < len(out["hits"]) <= 10
    for h in out["hits"]:
        assert HIT_KEYS <= h.keys()
        assert isinstance(h["part"], int) and h["part"] >= 1
    assert out["hits"][0]["section"] == "III.6.đ"
    scores = [h["score"] for h in out["hits"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("question", [
    "Cơ quan nào chủ trì nhiệm vụ 6đ?",
    "Sở Y tế chủ trì những nhiệm vụ nào?",
    "Tỷ lệ tham gia bảo hiểm y tế năm 2025?",
    "Who signed the plan?",
    "What does the plan say about cashless payment of allowances?",
])
def test_citation_offsets_point_into_the_corpus(question: str, index: Path) -> None:
    out = ask_json(index, question)
    assert out["citations"]
    for c in out["citations"]:
        assert source_of(c)[c["start"] : c["end"]] == c["text"]
        assert c["text"].strip()


def test_ask_k_limits_the_hits(index: Path) -> None:
    out = ask_json(index, "nhà ở xã hội", "--k", "3")
    assert len(out["hits"]) == 3


def test_ask_plain_text(index: Path) -> None:
    r = run("ask", "ai chủ trì nhiệm vụ 6đ?", "--index", index)
    assert r.returncode == 0, r.stderr
    assert "Sở Xây dựng" in r.stdout
    assert "III.6.đ" in r.stdout


def test_batch_answers_every_line_in_one_process(index: Path, tmp_path: Path) -> None:
    batch = tmp_path / "questions.jsonl"
    batch.write_text(
        json.dumps({"id": "a1", "q": "ai chủ trì nhiệm vụ 6đ?"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "b2", "question": "Who signed the plan?"}) + "\n\n"
        + json.dumps({"id": "c3", "q": "so nao chu tri 6d"}) + "\n",
        encoding="utf-8",
    )
    r = run("ask", "--batch", batch, "--index", index, "--json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.strip().splitlines()]
    assert [row["id"] for row in rows] == ["a1", "b2", "c3"]
    assert "Sở Xây dựng" in rows[0]["answer"]
    assert rows[1]["question"] == "Who signed the plan?"
    assert "Trần Hoàng Tuấn" in rows[1]["answer"]
    assert "Sở Thông tin và Truyền thông" in rows[2]["answer"]
    for row in rows:
        assert {"question", "answer", "abstained", "citations", "hits"} <= row.keys()


def test_search_json(index: Path) -> None:
    r = run("search", "nhà ở xã hội cho công nhân", "--index", index, "--json", "--k", "5")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["question"] == "nhà ở xã hội cho công nhân"
    assert len(out["hits"]) == 5
    for h in out["hits"]:
        assert HIT_KEYS <= h.keys()
    sections = [h["section"] for h in out["hits"]]
    assert len(set(sections)) == len(sections)
    assert "III.6.đ" in sections


def test_search_resolves_a_reference_first(index: Path) -> None:
    r = run("search", "task 6dd", "--index", index, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["hits"][0]["section"] == "III.6.đ"


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "\t\n"])
def test_empty_question(question: str, index: Path) -> None:
    assert_user_error(run("ask", question, "--index", index, "--json"), "empty question")


def test_empty_search(index: Path) -> None:
    assert_user_error(run("search", " ", "--index", index), "empty question")


def test_control_characters_only(index: Path) -> None:
    assert_user_error(run("ask", "\x07\x08\x1b", "--index", index, "--json"), "empty question")


def test_missing_index_folder(tmp_path: Path) -> None:
    assert_user_error(run("ask", "ai chủ trì 6đ?", "--index", tmp_path / "nowhere"), "python -m assistant build")


def test_truncated_faiss_file(index: Path, tmp_path: Path) -> None:
    broken = tmp_path / "index"
    shutil.copytree(index, broken)
    faiss_file = broken / "index.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:1000])
    assert_user_error(run("ask", "ai chủ trì 6đ?", "--index", broken), "python -m assistant build")


def test_corrupted_chunks(index: Path, tmp_path: Path) -> None:
    broken = tmp_path / "index"
    shutil.copytree(index, broken)
    with open(broken / "chunks.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"doc": "plan-65-web.txt", "section": \n')
    assert_user_error(run("ask", "ai chủ trì 6đ?", "--index", broken), "python -m assistant build")


def test_corrupted_chunks_with_matching_checksums(index: Path, tmp_path: Path) -> None:
    # A damaged file whose checksum was (wrongly) recorded still gets a clean refusal.
    import hashlib

    broken = tmp_path / "index"
    shutil.copytree(index, broken)
    chunks = broken / "chunks.jsonl"
    chunks.write_text("[1, 2, 3]\nnot json\n", encoding="utf-8")
    meta = json.loads((broken / "meta.json").read_text(encoding="utf-8"))
    meta["files"]["chunks.jsonl"] = hashlib.sha256(chunks.read_bytes()).hexdigest()
    meta["digest"] = meta_digest(meta)  # and meta.json's own digest (wrongly) made to match
    (broken / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert_user_error(run("ask", "ai chủ trì 6đ?", "--index", broken), "python -m assistant build")


def test_corrupted_meta(index: Path, tmp_path: Path) -> None:
    broken = tmp_path / "index"
    shutil.copytree(index, broken)
    (broken / "meta.json").write_text("{not json", encoding="utf-8")
    assert_user_error(run("search", "nhà ở", "--index", broken), "python -m assistant build")


def test_build_from_an_empty_corpus(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    r = run("build", "--corpus", tmp_path / "corpus", "--index", tmp_path / "index")
    assert_user_error(r, str(tmp_path / "corpus"))
    assert not (tmp_path / "index").exists()


def test_build_from_a_text_that_is_not_a_plan(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "shopping-list.txt").write_text("Mua gạo, nước mắm và rau muống.\nGọi điện cho mẹ.\n",
                                              encoding="utf-8")
    r = run("build", "--corpus", corpus, "--index", tmp_path / "index")
    assert_user_error(r, "shopping-list.txt")
    assert not (tmp_path / "index").exists()


def test_build_from_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan-utf16.txt").write_bytes("Kế hoạch".encode("utf-16"))
    assert_user_error(run("build", "--corpus", corpus, "--index", tmp_path / "index"), "plan-utf16.txt")


def test_batch_file_that_is_not_json(index: Path, tmp_path: Path) -> None:
    batch = tmp_path / "questions.jsonl"
    batch.write_text("ai chủ trì 6đ?\n", encoding="utf-8")
    assert_user_error(run("ask", "--batch", batch, "--index", index, "--json"), "questions.jsonl")


def test_missing_batch_file(index: Path, tmp_path: Path) -> None:
    assert_user_error(run("ask", "--batch", tmp_path / "none.jsonl", "--index", index, "--json"), "none.jsonl")


def test_long_question_is_truncated_and_says_so(index: Path) -> None:
    head = "Cơ quan nào chủ trì nhiệm vụ về nhà ở xã hội? "
    question = head + "x" * (10_000 - len(head))
    assert len(question) == 10_000
    out = ask_json(index, question)
    assert out["notice"]
    assert "2000" in out["notice"]
    assert len(out["question"]) <= 2000
    assert out["question"].startswith("Cơ quan nào chủ trì nhiệm vụ về nhà ở xã hội?")


def test_html_question_is_kept_as_text(index: Path) -> None:
    out = ask_json(index, "<script>alert(1)</script>")
    assert out["question"] == "<script>alert(1)</script>"
    assert isinstance(out["answer"], str) and out["answer"]


# -- a corpus with files that are not plans -------------------------------------------------------

WEB = CORPUS / "plan-65-web.txt"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """Plan 65 beside a binary file, an empty file and a text that is not a plan, built once."""
    root = tmp_path_factory.mktemp("mixed")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(WEB, corpus / WEB.name)
    (corpus / "bang-luong.pdf").write_bytes(bytes(range(256)) * 64)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "ghi-chu.md").write_text("# Ghi chú họp tổ\n\nSáng mai họp lúc 8 giờ.\n", encoding="utf-8")
    r = run("build", "--corpus", corpus, "--index", root / "index")
    return corpus, root / "index", r


def test_build_reports_every_file_and_exits_3_when_one_was_skipped(mixed) -> None:
    _, index, r = mixed
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("skipped bang-luong.pdf: not a readable PDF (")
    assert lines[1:4] == [
        "skipped empty.txt: the file is empty",
        "skipped ghi-chu.md: not a plan: no part heading 'I.' or article 'Điều 1' found",
        "read    plan-65-web.txt: Kế hoạch 65/KH-UBND, 48 sections, 24 tasks",
    ]
    assert lines[4].startswith(f"built {index}: ") and "from 1 plan(s)" in lines[4]
    warning = r.stderr.strip().splitlines()
    assert len(warning) == 1 and "3 file(s) skipped (bang-luong.pdf, empty.txt, ghi-chu.md)" in warning[0]
    assert (index / "meta.json").is_file()


def test_the_index_of_a_mixed_corpus_answers_from_the_plan(mixed) -> None:
    corpus, index, _ = mixed
    out = ask_json(index, "Cơ quan nào chủ trì nhiệm vụ 6đ?")
    assert "Sở Xây dựng" in out["answer"]
    assert [c["section"] for c in out["citations"]] == ["III.6.đ"]
    for c in out["citations"]:
        assert source_of(c, corpus)[c["start"] : c["end"]] == c["text"]


def test_a_strict_build_refuses_and_writes_nothing(mixed, tmp_path: Path) -> None:
    corpus, _, _ = mixed
    r = run("build", "--corpus", corpus, "--index", tmp_path / "index", "--strict")
    assert_user_error(r, "3 file(s)", "bang-luong.pdf, empty.txt, ghi-chu.md", "strict")
    assert len(r.stdout.strip().splitlines()) == 4  # the report still says which files and why
    assert not (tmp_path / "index").exists()
    assert list(tmp_path.iterdir()) == []


def test_build_with_nothing_skipped_exits_0_with_a_line_per_file(demo_index: tuple[Path, Path]) -> None:
    corpus, index = demo_index
    r = run("build", "--corpus", corpus, "--index", index, "--strict")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith("read    plan-demo.txt: Kế hoạch 112/KH-UBND, ")
    assert r.stderr == ""


def test_build_with_no_plan_names_every_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.docx").write_bytes(b"not a zip")
    (corpus / "b.txt").write_bytes(b"")
    r = run("build", "--corpus", corpus, "--index", tmp_path / "index")
    assert_user_error(r, "no plan in corpus folder", "a.docx: not a Word .docx file", "b.txt: the file is empty")
    assert r.stdout.splitlines()[0].startswith("skipped a.docx: ")
    assert not (tmp_path / "index").exists()


@needs_font
def test_a_pdf_plan_answers_like_its_text_and_cites_the_page(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    placed = to_pdf(WEB.read_text(encoding="utf-8"), corpus / "plan-65.pdf")
    r = run("build", "--corpus", corpus, "--index", tmp_path / "index")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("read    plan-65.pdf: Kế hoạch 65/KH-UBND, 48 sections, 24 tasks, 12 pages")
    out = ask_json(tmp_path / "index", "Cơ quan nào chủ trì nhiệm vụ 6đ?")
    assert "Sở Xây dựng" in out["answer"] and [c["section"] for c in out["citations"]] == ["III.6.đ"]
    text = read_document(corpus / "plan-65.pdf").text
    for c in out["citations"]:
        assert c["doc"] == "plan-65.pdf" and text[c["start"] : c["end"]] == c["text"]
    page = next(p for line, p in placed if line.startswith("đ) Về nhà ở"))
    assert [c["page"] for c in out["citations"]] == [page]  # the JSON says the page too
    plain = run("ask", "ai chủ trì nhiệm vụ 6đ?", "--index", tmp_path / "index")
    assert plain.returncode == 0, plain.stderr
    assert f"[plan-65.pdf, trang {page}, III.6.đ]" in plain.stdout


# -- another corpus ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("demo")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(DATA / "plan-demo.txt", corpus / "plan-demo.txt")
    r = run("build", "--corpus", corpus, "--index", root / "index")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return corpus, root / "index"


def test_build_with_another_corpus_answers_from_it(demo_index: tuple[Path, Path]) -> None:
    corpus, index = demo_index
    assert (index / "meta.json").is_file() and (index / "index.faiss").is_file()
    out = ask_json(index, "Cơ quan nào chủ trì nhiệm vụ 2đ?")
    assert "Đài Khí tượng Thủy văn tỉnh" in out["answer"]
    assert "Sở Thông tin và Truyền thông" in out["answer"]
    assert [c["section"] for c in out["citations"]] == ["III.2.đ"]
    for c in out["citations"]:
        assert source_of(c, corpus)[c["start"] : c["end"]] == c["text"]


def test_another_corpus_knows_its_own_signer(demo_index: tuple[Path, Path]) -> None:
    _, index = demo_index
    out = ask_json(index, "Ai ký kế hoạch này?")
    assert "Nguyễn Tấn Phong" in out["answer"]
    assert "Trần Hoàng Tuấn" not in out["answer"]


def test_chat_follows_the_focus_and_numbers_the_choices(index: Path) -> None:
    """The terminal chat of the browser walk: a list, its partners, then a fresh chat asking
    "Ai phối hợp?" gets numbered choices, and typing 1 answers for the first."""
    walk = "Sở Y tế chủ trì những nhiệm vụ nào?\ncòn phối hợp thì sao?\n"
    r = subprocess.run([sys.executable, "-m", "assistant", "chat", "--index", str(index)], cwd=ROOT, input=walk,
                       capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
    assert r.returncode == 0, r.stderr
    listed, partners = r.stdout.split("\n> ")[1:3]  # what follows each prompt
    assert "Cơ quan phối hợp của" in partners
    for sid in ("III.4.a", "III.5.b", "III.6.b"):
        assert sid in listed and f"[{sid}]" in partners
    r = subprocess.run([sys.executable, "-m", "assistant", "chat", "--index", str(index)], cwd=ROOT,
                       input="Ai phối hợp?\n1\n", capture_output=True, text=True, encoding="utf-8", timeout=300,
                       check=False)
    assert r.returncode == 0, r.stderr
    asked, picked = r.stdout.split("\n> ")[1:3]
    assert "nhiệm vụ nào" in asked and "Gõ số để chọn:" in asked
    first = asked.split("  1. ")[1].split(" — ")[0]
    assert f"Cơ quan phối hợp thực hiện nhiệm vụ {first}" in picked and f"[{first}]" in picked
