"""Building, saving and loading the index with the real e5 embedder and FAISS."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import faiss
import numpy as np
import pytest
from _documents import needs_font, to_docx, to_pdf
from conftest import DEMO, WEB

from assistant.retrieve import Retriever
from assistant.settings import Settings
from index.embed import get_embedder
from index.ingest import read_document
from index.parse import PARSER_VERSION, parse_plan
from index.store import (
    FORMAT,
    CorpusError,
    Index,
    IndexError_,
    build_index,
    corpus_hashes,
    load_index,
    meta_digest,
    remove_orphans,
)

INDEX_FILES = {"index.faiss", "chunks.jsonl", "plans.json", "meta.json",
               # BM25 as bm25s stores it, so that loading does not index every chunk again
               "data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy", "vocab.index.json",
               "params.index.json"}


def reseal(index: Path, meta: dict[str, object]) -> None:
    """Write an edited meta.json with the digest of what it now says, as the format defines it."""
    rest = {k: v for k, v in meta.items() if k != "digest"}
    canonical = json.dumps(rest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    text = json.dumps({**rest, "digest": hashlib.sha256(canonical).hexdigest()}, ensure_ascii=False)
    (index / "meta.json").write_text(text, encoding="utf-8")


def make_corpus(folder: Path, *files: Path) -> Path:
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("store")


@pytest.fixture(scope="module")
def built(workdir: Path) -> Index:
    """Plan 65 built once for the module, from a private copy of the corpus."""
    return build_index(make_corpus(workdir / "corpus", WEB), workdir / "out" / "index")


@pytest.fixture(scope="module")
def demo_built(workdir: Path) -> Index:
    """The demo plan, built from an alternate corpus folder."""
    return build_index(make_corpus(workdir / "demo-corpus", DEMO), workdir / "demo-out" / "index")


@pytest.fixture
def copy(built: Index, tmp_path: Path) -> Path:
    """A private copy of the built index, free to corrupt."""
    return Path(shutil.copytree(built.path, tmp_path / "index"))


# -- round trip and search ---------------------------------------------------------


def test_index_folder_holds_inspectable_files_only(built: Index) -> None:
    assert {p.name for p in built.path.iterdir()} == INDEX_FILES
    for p in built.path.iterdir():
        assert not p.read_bytes().startswith(b"\x80"), p.name  # how every pickle protocol >= 2 begins
    for line in (built.path / "chunks.jsonl").read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) == {"doc", "section", "part", "start", "end", "text", "title"}
    meta = json.loads((built.path / "meta.json").read_text(encoding="utf-8"))
    assert (meta["embedder"], meta["dim"], meta["chunks"]) == ("e5", 384, len(built.chunks))


def test_save_load_round_trip(built: Index) -> None:
    loaded = load_index(built.path)
    assert loaded.chunks == built.chunks
    assert loaded.plans == built.plans
    assert loaded.meta == built.meta
    assert loaded.vectors.ntotal == len(built.chunks)  # type: ignore[attr-defined]
    plan = loaded.plans[0]
    assert plan.source == WEB.name
    assert plan.task("III.6.đ").lead == ("Sở Xây dựng",)  # type: ignore[union-attr]
    for c in loaded.chunks:
        assert plan.text[c.start : c.end] == c.text


def test_stored_vectors_are_the_chunk_passages(built: Index) -> None:
    stored = built.vectors.reconstruct_n(0, built.vectors.ntotal)  # type: ignore[attr-defined]
    some = [0, len(built.chunks) // 2, len(built.chunks) - 1]
    fresh = get_embedder("e5").passages([built.chunks[i].embed_text() for i in some])
    np.testing.assert_allclose(stored[some], fresh, atol=1e-4)


def test_the_stored_bm25_scores_as_one_indexed_at_load(built: Index) -> None:
    from assistant.retrieve import lexical_index

    loaded = load_index(built.path)
    assert loaded.lexical is not None
    fresh = lexical_index(loaded.chunks)
    terms = ["nha", "nha_o", "xay", "xay_dung", "y_te", "khong_co_trong_ke_hoach"]
    known = [t for t in terms if t in fresh.vocab_dict]
    np.testing.assert_allclose(loaded.lexical.get_scores(known), fresh.get_scores(known))  # type: ignore[attr-defined]


def test_bm25_stored_by_other_terms_is_indexed_again(copy: Path) -> None:
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    edited = {**meta, "lexical": "another-version"}
    (copy / "meta.json").write_text(json.dumps({**edited, "digest": meta_digest(edited)}), encoding="utf-8")
    assert load_index(copy).lexical is None


@pytest.mark.parametrize(
    "question",
    ["Sở nào chủ trì nhiệm vụ về nhà ở?", "so nao chu tri nhiem vu 6d", "Which agency leads the housing task?"],
)
def test_faiss_equals_brute_force_inner_product(built: Index, question: str) -> None:
    loaded = load_index(built.path)
    assert isinstance(loaded.vectors, faiss.IndexFlatIP)  # one plan is far below FLAT_MAX: exact search
    stored = loaded.vectors.reconstruct_n(0, loaded.vectors.ntotal)  # type: ignore[attr-defined]
    q = get_embedder("e5").queries([question])
    scores, ids = loaded.vectors.search(q, 10)  # type: ignore[attr-defined]
    brute = stored @ q[0]
    expected = np.argsort(-brute, kind="stable")[:10]
    assert list(ids[0]) == list(expected)
    np.testing.assert_allclose(scores[0], brute[expected], rtol=1e-5, atol=1e-5)


# -- the vector index by size ---------------------------------------------------------


@pytest.fixture(scope="module")
def pair(workdir: Path) -> dict[str, Index]:
    """Plan 65 and the demo plan in one index, built flat and, with FLAT_MAX lowered, as HNSW (the
    second build reuses the first's vectors through the cache folder)."""
    corpus = make_corpus(workdir / "pair-corpus", WEB, DEMO)
    out = {"flat": build_index(corpus, workdir / "pair-flat" / "index", cache=workdir / "pair-cache")}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("index.store.FLAT_MAX", 10)
        out["hnsw"] = build_index(corpus, workdir / "pair-hnsw" / "index", cache=workdir / "pair-cache")
    return out


def test_an_index_past_flat_max_is_stored_as_hnsw(pair: dict[str, Index]) -> None:
    flat, hnsw = load_index(pair["flat"].path), load_index(pair["hnsw"].path)
    assert isinstance(flat.vectors, faiss.IndexFlatIP) and flat.meta["vectors"] == "IndexFlatIP"
    assert isinstance(hnsw.vectors, faiss.IndexHNSWFlat) and hnsw.meta["vectors"] == "IndexHNSWFlat"
    assert hnsw.vectors.hnsw.efSearch == 64  # stored in the file, not set again at load
    assert pair["hnsw"].meta["embedded"] == 0  # the same vectors as the flat build's
    np.testing.assert_array_equal(flat.vectors.reconstruct_n(0, flat.vectors.ntotal),
                                  hnsw.vectors.reconstruct_n(0, hnsw.vectors.ntotal))


def test_hnsw_finds_the_passages_flat_finds(pair: dict[str, Index]) -> None:
    flat, hnsw = load_index(pair["flat"].path), load_index(pair["hnsw"].path)
    q = get_embedder("e5").queries(["Sở nào chủ trì nhiệm vụ về nhà ở?", "Who signed the plan?"])
    _, gold = flat.vectors.search(q, 10)  # type: ignore[attr-defined]
    _, got = hnsw.vectors.search(q, 10)  # type: ignore[attr-defined]
    for g, h in zip(gold, got, strict=True):
        assert len(set(g) & set(h)) >= 9


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
@pytest.mark.parametrize("doc", [WEB.name, DEMO.name])
def test_a_plans_view_searches_its_own_passages_exactly(pair: dict[str, Index], kind: str, doc: str) -> None:
    """A plan's view finds its own nearest passages, all of them and no other plan's, by exact cosine:
    HNSW with a range selector would miss most of a plan's few passages."""
    ix = load_index(pair[kind].path)
    embedder = get_embedder("e5")
    view = Retriever(ix, embedder, Settings()).view(doc)
    ids = [n for n, c in enumerate(ix.chunks) if c.doc == doc]
    stored = ix.vectors.reconstruct_n(0, ix.vectors.ntotal)  # type: ignore[attr-defined]
    q = embedder.queries(["Sở nào chủ trì nhiệm vụ về nhà ở?"])[0]
    brute = stored[ids] @ q
    expected = [ids[i] for i in np.argsort(-brute, kind="stable")[:10]]
    found = view.dense(q, 10)
    assert [i for i, _ in found] == expected
    np.testing.assert_allclose([s for _, s in found], np.sort(brute)[::-1][:10], rtol=1e-5, atol=1e-5)
    assert len(view.dense(q, 500)) == len(ids)


def test_a_build_from_another_corpus_folder(demo_built: Index) -> None:
    loaded = load_index(demo_built.path)
    assert [p.source for p in loaded.plans] == [DEMO.name]
    assert loaded.plans[0].number == "112/KH-UBND"
    sections = {c.section for c in loaded.chunks}
    assert {"III.2.d", "III.2.đ", "III.3", "IV.3", "recipients", "signature"} <= sections
    assert {c.doc for c in loaded.chunks} == {DEMO.name}


# -- atomic writes -------------------------------------------------------------------


def test_a_build_leaves_no_temporary_folders(built: Index, demo_built: Index) -> None:
    for index in (built, demo_built):
        assert [p.name for p in index.path.parent.iterdir()] == ["index"]


def test_a_second_build_replaces_the_first(built: Index, tmp_path: Path) -> None:
    out = Path(shutil.copytree(built.path, tmp_path / "out" / "index"))
    second = build_index(make_corpus(tmp_path / "corpus", DEMO), out)
    assert [p.name for p in out.parent.iterdir()] == ["index"]
    assert {p.name for p in out.iterdir()} == INDEX_FILES
    loaded = load_index(out)
    assert [p.source for p in loaded.plans] == [DEMO.name]
    assert loaded.chunks == second.chunks
    assert loaded.vectors.ntotal == len(second.chunks)  # type: ignore[attr-defined]


def test_a_failed_build_keeps_the_previous_index(copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad-corpus"
    bad.mkdir()
    (bad / "notes.txt").write_text("Không phải kế hoạch.\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        build_index(bad, copy)
    assert {p.name for p in copy.iterdir()} == INDEX_FILES
    assert load_index(copy).chunks


def test_a_build_never_deletes_files_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "my-documents"
    out.mkdir()
    (out / "notes.txt").write_text("precious", encoding="utf-8")
    try:
        build_index(make_corpus(tmp_path / "corpus", DEMO), out)
    except (CorpusError, IndexError_, FileExistsError):
        pass  # refusing is fine; deleting is not
    assert (out / "notes.txt").read_text(encoding="utf-8") == "precious"


# -- load refuses what it cannot trust ---------------------------------------------------


def test_load_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(IndexError_, match="rebuild"):
        load_index(tmp_path / "nowhere")


def test_load_refuses_a_truncated_faiss_file(copy: Path) -> None:
    data = (copy / "index.faiss").read_bytes()
    (copy / "index.faiss").write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexError_, match="rebuild"):
        load_index(copy)


@pytest.mark.parametrize("name", ["index.faiss", "chunks.jsonl", "plans.json"])
def test_load_refuses_a_missing_file(copy: Path, name: str) -> None:
    (copy / name).unlink()
    with pytest.raises(IndexError_, match="rebuild"):
        load_index(copy)


def test_load_refuses_corrupted_chunks(copy: Path) -> None:
    lines = (copy / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][:40]
    (copy / "chunks.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(IndexError_, match="rebuild"):
        load_index(copy)


def test_load_refuses_an_edited_chunk(copy: Path) -> None:
    text = (copy / "chunks.jsonl").read_text(encoding="utf-8")
    (copy / "chunks.jsonl").write_text(text.replace("Sở Xây dựng", "Sở Tài chính", 1), encoding="utf-8")
    with pytest.raises(IndexError_, match="rebuild"):
        load_index(copy)


_WRONG_SHAPE = json.dumps({"format": FORMAT, "parser_version": PARSER_VERSION, "files": []})


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{",
        b"\x00\xff\xfe garbage",
        b"[]",
        b"null",
        b'{"format": 1}',
        pytest.param(
            _WRONG_SHAPE.encode(),
        ),
    ],
    ids=["empty", "broken-json", "binary", "list", "null", "no-files", "files-not-an-object"],
)
def test_load_refuses_garbage_meta(copy: Path, garbage: bytes) -> None:
    (copy / "meta.json").write_bytes(garbage)
    with pytest.raises(IndexError_, match="rebuild"):
        load_index(copy)


def test_load_refuses_another_format_or_parser_version(copy: Path) -> None:
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    (copy / "meta.json").write_text(json.dumps({**meta, "parser_version": "0"}), encoding="utf-8")
    with pytest.raises(IndexError_, match=r"another version.*rebuild"):
        load_index(copy)


@pytest.mark.parametrize(
    ("key", "value"),
    [("embedder", "st:all-MiniLM-L6-v2"), ("chunk_size", 500), ("skipped", {"x.txt": "not a plan"}),
     ("digest", "0" * 64), ("digest", None)],
    ids=["embedder", "chunk-size", "skipped", "wrong-digest", "no-digest"],
)
def test_load_refuses_an_edited_meta(copy: Path, key: str, value: object) -> None:
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    edited = {k: v for k, v in {**meta, key: value}.items() if v is not None}
    (copy / "meta.json").write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(IndexError_, match=r"meta\.json was edited or is corrupted; rebuild it with: python -m assistant build$"):
        load_index(copy)


def test_meta_digest_is_over_its_content_not_its_layout(copy: Path) -> None:
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    (copy / "meta.json").write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")  # re-indented, reordered
    assert load_index(copy).chunks
    reseal(copy, {**meta, "chunk_size": 999})  # the digest is the documented sha256 of the canonical rest
    assert load_index(copy).meta["chunk_size"] == 999


def test_meta_naming_another_embedder_is_refused_by_the_probe(copy: Path) -> None:
    """An edited meta.json whose digest was made to match still cannot pair e5 vectors with MiniLM
    questions (both 384-d): the named embedder does not reproduce the stored probe vector."""
    from assistant import Assistant, Settings

    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    assert len(meta["probe"]["vector"]) == meta["dim"] == 384
    reseal(copy, {**meta, "embedder": "st:all-MiniLM-L6-v2"})
    with pytest.raises(IndexError_, match=r"not embedded by 'st:all-MiniLM-L6-v2'.*rebuild it with"):
        Assistant.load(Settings(index=copy))
    r = subprocess.run([sys.executable, "-m", "assistant", "search", "nhà ở", "--index", str(copy)],
                       capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parent.parent)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr[-2000:]
    assert "'st:all-MiniLM-L6-v2'" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_probe_vector_that_e5_does_not_make_is_refused(copy: Path) -> None:
    from assistant import Assistant, Settings

    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    other = get_embedder("e5").passages(["Sở Y tế chủ trì nhiệm vụ về y tế."])[0]
    reseal(copy, {**meta, "probe": {**meta["probe"], "vector": [float(x) for x in other]}})
    with pytest.raises(IndexError_, match=r"not embedded by 'e5'.*rebuild"):
        Assistant.load(Settings(index=copy))
    reseal(copy, {**meta, "probe": {"text": meta["probe"]["text"], "vector": [0.1] * 12}})
    with pytest.raises(IndexError_, match=r"rebuild"):
        Assistant.load(Settings(index=copy))
    reseal(copy, meta)
    assert Assistant.load(Settings(index=copy)).plan.task("III.6.đ") is not None


def test_load_refuses_another_embedder(built: Index) -> None:
    with pytest.raises(IndexError_, match=r"built with embedder 'e5'.*rebuild.*--embedder st:all-MiniLM-L6-v2"):
        load_index(built.path, embedder="st:all-MiniLM-L6-v2")
    assert load_index(built.path, embedder="e5").meta["embedder"] == "e5"


@pytest.fixture
def demo_copy(demo_built: Index, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the demo index and of its corpus, the index pointed at that corpus."""
    corpus = make_corpus(tmp_path / "corpus", DEMO)
    out = Path(shutil.copytree(demo_built.path, tmp_path / "index"))
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    reseal(out, {**meta, "corpus_dir": str(corpus)})
    assert load_index(out).chunks == demo_built.chunks
    return out, corpus


def test_load_refuses_a_changed_corpus(demo_copy: tuple[Path, Path]) -> None:
    out, corpus = demo_copy
    with open(corpus / DEMO.name, "a", encoding="utf-8") as fh:
        fh.write("\n")
    with pytest.raises(IndexError_, match=r"corpus .* changed.*rebuild"):
        load_index(out)
    assert load_index(out, check_corpus=False).chunks


def test_load_refuses_an_added_corpus_file(demo_copy: tuple[Path, Path]) -> None:
    out, corpus = demo_copy
    shutil.copy(WEB, corpus / WEB.name)
    with pytest.raises(IndexError_, match=r"changed.*rebuild"):
        load_index(out)


# -- a corpus with files that are not plans ---------------------------------------------


def test_a_build_skips_what_is_not_a_plan_and_indexes_the_rest(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", DEMO)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.pdf").write_bytes(os.urandom(4096))
    (corpus / "notes.md").write_text("# Ghi chú\n\nHọp tổ lúc 8 giờ.\n", encoding="utf-8")
    ix = build_index(corpus, tmp_path / "index")
    assert [p.source for p in ix.plans] == [DEMO.name]
    assert {r.name: r.skipped for r in ix.report} == {
        "empty.txt": True, "notes.md": True, "photo.pdf": True, DEMO.name: False}
    loaded = load_index(ix.path)
    assert set(loaded.meta["skipped"]) == {"empty.txt", "notes.md", "photo.pdf"}  # type: ignore[arg-type]
    assert loaded.chunks == ix.chunks and {c.doc for c in loaded.chunks} == {DEMO.name}


def test_a_strict_build_writes_nothing_when_a_file_is_skipped(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", DEMO)
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match=r"1 file\(s\) .* skipped \(empty\.txt\); strict") as err:
        build_index(corpus, tmp_path / "index", strict=True)
    assert [r.name for r in err.value.report] == ["empty.txt", DEMO.name]
    assert not (tmp_path / "index").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]


def test_a_build_with_no_plan_names_every_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "list.txt").write_text("Mua gạo.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no plan in corpus folder .*empty\.txt: .*empty.*list\.txt: not a plan"):
        build_index(corpus, tmp_path / "index")
    assert not (tmp_path / "index").exists()


# -- plans from Word and PDF files ---------------------------------------------------------


@needs_font
def test_docx_and_pdf_plans_are_indexed_with_their_own_text_and_pages(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = DEMO.read_text(encoding="utf-8")
    to_docx(text, corpus / "plan-demo.docx")
    to_pdf(text, corpus / "plan-demo-scan.pdf")
    ix = build_index(corpus, tmp_path / "index")
    loaded = load_index(ix.path)
    assert [p.source for p in loaded.plans] == ["plan-demo-scan.pdf", "plan-demo.docx"]
    assert set(corpus_hashes(corpus)) == {"plan-demo-scan.pdf", "plan-demo.docx"}
    for plan in loaded.plans:
        doc = read_document(corpus / plan.source)
        assert plan.text == doc.text  # plans.json holds the extracted text the offsets point into
        assert [s.id for s in plan.sections] == [s.id for s in parse_plan(text, DEMO.name).sections]
        chunks = [c for c in loaded.chunks if c.doc == plan.source]
        assert chunks
        for c in chunks:
            assert plan.text[c.start : c.end] == c.text
        assert loaded.pages.get(plan.source, ()) == doc.pages
    pdf = loaded.plans[0]
    assert len(loaded.pages[pdf.source]) == 5
    pages = [loaded.page(pdf.source, c.start) for c in loaded.chunks if c.doc == pdf.source]
    assert pages[0] == 1 and pages[-1] == 5 and pages == sorted(pages)
    assert loaded.page("plan-demo.docx", 100) == 0
    assert [(r.name, r.pages) for r in ix.report] == [("plan-demo-scan.pdf", 5), ("plan-demo.docx", 0)]


# -- orphan build folders --------------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _orphan(folder: Path, files: tuple[str, ...] = ("index.faiss", "chunks.jsonl"), age: float = 3600) -> Path:
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"half-written")
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder


def test_a_build_removes_the_folders_of_killed_builds_only(tmp_path: Path) -> None:
    out = tmp_path / "var" / "index"
    out.parent.mkdir()
    dead, live = _dead_pid(), os.getppid()
    gone = [
        _orphan(out.parent / f".index.build-{dead}-k3j4h5g6"),
        _orphan(out.parent / f".index.old-{dead}-a8b7c6d5", tuple(INDEX_FILES)),
        _orphan(out.parent / f".index.old-{dead}", ("meta.json",)),
        _orphan(out.parent / ".index.q1w2e3r4"),  # named by builds before the pid was in the name
    ]
    kept = [
        _orphan(out.parent / f".index.build-{live}-z9y8x7w6"),  # a build still running
        _orphan(out.parent / f".index.build-{os.getpid()}-threaded"),  # this process's own
        _orphan(out.parent / f".index.build-{dead}-justnow", age=-60),  # newer than this build
        _orphan(out.parent / f".index.build-{dead}-precious", ("notes.txt",)),  # not ours to delete
        _orphan(out.parent / ".index.mybackup", ("index.faiss", "notes.docx")),
        _orphan(out.parent / ".index.backup-2024"),
        _orphan(out.parent / f".other.build-{dead}-k3j4h5g6"),
    ]
    (out.parent / f".index.build-{dead}-afile").write_text("a file, not a folder", encoding="utf-8")
    build_index(make_corpus(tmp_path / "corpus", DEMO), out)
    left = {p.name for p in out.parent.iterdir()}
    assert not left & {p.name for p in gone}
    assert {p.name for p in kept} | {"index", f".index.build-{dead}-afile"} == left
    assert {p.name for p in out.iterdir()} == INDEX_FILES


def test_remove_orphans_is_idempotent_and_spares_a_fresh_build(tmp_path: Path) -> None:
    out = tmp_path / "index"
    dead = _dead_pid()
    orphan = _orphan(tmp_path / f".index.build-{dead}-aaaaaaaa")
    started = time.time()
    assert remove_orphans(out, started) == [orphan]
    assert remove_orphans(out, started) == []
    fresh = _orphan(tmp_path / f".index.build-{dead}-bbbbbbbb", age=0)
    assert remove_orphans(out, started - 10) == [] and fresh.is_dir()


def test_a_killed_build_leaves_a_folder_the_next_build_removes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", DEMO)
    out = tmp_path / "index"
    # A build killed while writing: it has made its temporary folder and never renames it.
    code = ("import os, sys, tempfile; from pathlib import Path; import index.store as s\n"
            "def die(tmp, out): os._exit(9)\n"
            "s._swap = die\n"
            f"s.build_index(Path({str(corpus)!r}), Path({str(out)!r}))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[1], timeout=600, check=False)
    assert proc.returncode == 9
    orphans = [p for p in tmp_path.iterdir() if p.name.startswith(".index.build-")]
    assert len(orphans) == 1 and {f.name for f in orphans[0].iterdir()} == INDEX_FILES
    assert not out.exists()
    past = time.time() - 5
    os.utime(orphans[0], (past, past))
    build_index(corpus, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "index"]
