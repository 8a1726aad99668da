"""Adding plans to a built index and removing them, through the real builder and embedder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import DATA, ROOT

from assistant import Assistant, Settings
from index.cache import EmbeddingCache
from index.corpus import CorpusError
from index.library import REMOVED, add_plans, find_plan, remove_plan
from index.store import Index, build_index, load_index

PLANS = DATA / "plans"
FIRST, SECOND, THIRD = PLANS / "kh-hason-cds.md", PLANS / "kh-lamha-duoinuoc.txt", PLANS / "kh-phulam-nuocsach.txt"
# A question only the third plan (Kế hoạch 27/KH-UBND, clean water in Phú Lâm) answers: its task III.2.b.
ASK_THIRD = "Cơ quan nào chủ trì lập danh sách các công trình cấp nước tập trung xây mới?"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=600, check=False)


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An index of two plans (built once), and its corpus folder."""
    root = tmp_path_factory.mktemp("library")
    corpus = root / "corpus"
    corpus.mkdir()
    for f in (FIRST, SECOND):
        shutil.copy(f, corpus / f.name)
    build_index(corpus, root / "index")
    return root / "index", corpus


@pytest.fixture
def library(two: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the two-plan index and its corpus, the index pointed at that corpus."""
    index, corpus = two
    mine = Path(shutil.copytree(corpus, tmp_path / "corpus"))
    out = Path(shutil.copytree(index, tmp_path / "index"))
    build_index(mine, out)  # re-points the index at the copy; reuses every plan and vector
    return out, mine


@pytest.fixture(scope="module")
def three(two: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Index, Path, Path]:
    """The two-plan index with the third plan added (embedded once for the module)."""
    root = tmp_path_factory.mktemp("three")
    corpus = Path(shutil.copytree(two[1], root / "corpus"))
    out = Path(shutil.copytree(two[0], root / "index"))
    build_index(corpus, out)
    return add_plans(out, [THIRD]), out, corpus


def test_a_rebuild_of_an_unchanged_corpus_embeds_nothing(library: tuple[Path, Path]) -> None:
    out, corpus = library
    before = load_index(out)
    again = build_index(corpus, out)
    assert again.meta["embedded"] == 0
    assert again.meta["reused"] == len(before.chunks)
    assert again.chunks == before.chunks and again.plans == before.plans


def test_add_embeds_only_the_new_plan(three: tuple[Index, Path, Path]) -> None:
    ix, out, corpus = three
    new = [c for c in ix.chunks if c.doc == THIRD.name]
    assert new
    assert ix.meta["embedded"] == len({c.embed_text() for c in new})
    assert ix.meta["reused"] == len(ix.chunks) - len(new)
    assert (corpus / THIRD.name).read_bytes() == THIRD.read_bytes()
    assert sorted(p.source for p in load_index(out).plans) == sorted(f.name for f in (FIRST, SECOND, THIRD))


def test_added_vectors_are_the_passages_embedded_afresh(three: tuple[Index, Path, Path]) -> None:
    from index.embed import get_embedder

    ix, _, _ = three
    stored = ix.vectors.reconstruct_n(0, ix.vectors.ntotal)  # type: ignore[attr-defined]
    some = [0, len(ix.chunks) - 1]
    fresh = get_embedder("e5").passages([ix.chunks[i].embed_text() for i in some])
    np.testing.assert_allclose(stored[some], fresh, atol=1e-4)


def test_an_added_plan_answers_and_a_removed_one_no_longer_does(three: tuple[Index, Path, Path],
                                                                 tmp_path: Path) -> None:
    _, out, corpus = three
    ans = Assistant.load(Settings(index=out)).ask(ASK_THIRD)
    assert any(c.doc == THIRD.name for c in ans.citations), ans.answer
    mine = Path(shutil.copytree(corpus, tmp_path / "corpus"))
    index = Path(shutil.copytree(out, tmp_path / "index"))
    source, ix = remove_plan(index, "27/KH-UBND", mine)
    assert source == THIRD.name
    assert ix.meta["embedded"] == 0
    assert THIRD.name not in {c.doc for c in ix.chunks}
    assert (mine / REMOVED / THIRD.name).is_file() and not (mine / THIRD.name).exists()
    after = Assistant.load(Settings(index=index)).ask(ASK_THIRD)
    assert all(c.doc != THIRD.name for c in after.citations)
    assert all(h.doc != THIRD.name for h in after.hits)


def test_a_shared_cache_folder_spares_a_second_index_the_embedding(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SECOND, corpus / SECOND.name)
    first = build_index(corpus, tmp_path / "a", cache=cache)
    second = build_index(corpus, tmp_path / "b", cache=cache)
    assert first.meta["embedded"] == len(first.chunks) - first.meta["reused"]  # type: ignore[operator]
    assert second.meta["embedded"] == 0
    assert len(EmbeddingCache("e5", 384, cache)) >= len({c.embed_text() for c in first.chunks})


def test_a_bad_file_is_named_and_changes_nothing(library: tuple[Path, Path], tmp_path: Path) -> None:
    out, corpus = library
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("Họp tổ lúc 8 giờ.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"ghi-chu\.txt: not a plan"):
        add_plans(out, [THIRD, bad])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in corpus.iterdir()) == sorted([FIRST.name, SECOND.name])
    r = run("add", bad, "--index", out)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "ghi-chu.txt" in r.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert load_index(out).plans  # still loads: the corpus did not change


def test_remove_names_a_plan_by_file_or_number(library: tuple[Path, Path]) -> None:
    out, _ = library
    ix = load_index(out)
    assert find_plan(ix, SECOND.name) == SECOND.name
    assert find_plan(ix, "112/KH-UBND") == FIRST.name
    with pytest.raises(CorpusError, match="no plan 999"):
        find_plan(ix, "999")
    r = run("remove", "999/KH-UBND", "--index", out)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_the_only_plan_is_not_removed(library: tuple[Path, Path]) -> None:
    out, corpus = library
    remove_plan(out, SECOND.name)
    with pytest.raises(CorpusError, match="only plan"):
        remove_plan(out, FIRST.name)
    assert (corpus / FIRST.name).is_file()
    assert [p.source for p in load_index(out).plans] == [FIRST.name]
