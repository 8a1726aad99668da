"""eval run / compare / docs / calibrate against a real index and the real e5 embedder (no mocks)."""

from __future__ import annotations

import json
from pathlib import Path

import ir_measures
import pytest
from ir_measures import RR, R, nDCG

from assistant import Assistant, Settings
from eval.__main__ import main
from eval.calibrate import Evidence, _best, _rates
from eval.compare import _rankings
from eval.docs import verdict_paragraph, write_docs
from eval.metrics import ranking_metrics
from eval.questions import load_questions
from eval.trec import read_qrels, read_run
from index.store import build_index, load_index

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "eval" / "questions.jsonl"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built index at var/index when it loads, else a fresh one (e5, ~10 s)."""
    ix = ROOT / "var" / "index"
    try:
        load_index(ix)
        if json.loads((ix / "meta.json").read_text(encoding="utf-8"))["embedder"] == "e5":
            return ix
    except Exception:  # any unusable index: build our own
        pass
    out = tmp_path_factory.mktemp("eval") / "index"
    build_index(CORPUS, out)
    return out


@pytest.fixture(scope="module")
def subset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fifteen questions spread over the file: every style and several kinds, oos included."""
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    picked = lines[::24][:15]
    assert {json.loads(x)["kind"] for x in picked} >= {"lead", "content", "oos"}
    f = tmp_path_factory.mktemp("eval") / "subset.jsonl"
    f.write_text("\n".join(picked) + "\n", encoding="utf-8")
    return f


@pytest.fixture(scope="module")
def run_dir(index: Path, subset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run")
    assert main(["run", "--questions", str(subset), "--index", str(index), "--corpus", str(CORPUS),
                 "--out", str(out)]) == 0
    return out


def test_run_writes_every_artefact(run_dir: Path) -> None:
    for name in ("report.json", "report.md", "results.jsonl", "run.trec", "qrels.trec"):
        assert (run_dir / name).is_file(), name
    report = json.loads((run_dir / "report.json").read_text(encoding="utf-8"))
    assert report["config"]["questions"] == 15 and report["config"]["embedder"] == "e5"
    assert set(report["by_style"]) <= {"vi", "vi_nodiac", "en", "ref"}
    assert report["latency"]["p50_ms"] <= report["latency"]["p95_ms"]
    assert report["overall"]["n"] == 15
    for stat in (v for k, v in report["overall"].items() if k != "n"):
        assert stat["lo"] <= stat["value"] + 1e-12 and stat["value"] <= stat["hi"] + 1e-12
    assert "## Per kind" in (run_dir / "report.md").read_text(encoding="utf-8")


def test_trec_files_keep_vietnamese_ids(run_dir: Path) -> None:
    run = (run_dir / "run.trec").read_text(encoding="utf-8").splitlines()
    assert run and all(len(line.split()) == 6 and line.split()[1] == "Q0" for line in run)
    ranks = [int(line.split()[3]) for line in run if line.split()[0] == run[0].split()[0]]
    assert ranks == list(range(1, len(ranks) + 1))
    qrels = (run_dir / "qrels.trec").read_text(encoding="utf-8")
    assert all(line.endswith(" 1") and line.split()[1] == "0" for line in qrels.splitlines())


def test_report_numbers_match_the_trec_files(run_dir: Path) -> None:
    report = json.loads((run_dir / "report.json").read_text(encoding="utf-8"))
    run, qrels = read_run(run_dir / "run.trec"), read_qrels(run_dir / "qrels.trec")
    ours = [ranking_metrics(run.get(q, []), gold) for q, gold in qrels.items()]
    measures = {"R@1": R @ 1, "R@3": R @ 3, "R@5": R @ 5, "R@10": R @ 10, "MRR@10": RR @ 10, "nDCG@10": nDCG @ 10}
    with open(run_dir / "run.trec", encoding="utf-8") as r, open(run_dir / "qrels.trec", encoding="utf-8") as q:
        per_query = list(ir_measures.iter_calc(list(measures.values()), list(ir_measures.read_trec_qrels(q)),
                                               list(ir_measures.read_trec_run(r))))
    for name, measure in measures.items():
        stat = report["overall"][name]
        assert stat["n"] == len(qrels)
        assert abs(sum(m[name] for m in ours) / len(ours) - stat["value"]) < 1e-9, name
        # ir_measures skips a query with no retrieved section; it scores 0 in the report.
        ref = sum(m.value for m in per_query if m.measure == measure)
        assert abs(ref / len(qrels) - stat["value"]) < 1e-9, name


def test_results_agree_with_report(run_dir: Path) -> None:
    rows = [json.loads(x) for x in (run_dir / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    report = json.loads((run_dir / "report.json").read_text(encoding="utf-8"))
    oos = [r for r in rows if r["kind"] == "oos"]
    if oos:
        recall = sum(r["abstained"] for r in oos) / len(oos)
        assert report["overall"]["abstain_R"]["value"] == pytest.approx(recall)
    failing = {f["id"] for f in report["failures"]["facts"]}
    facts = report["overall"].get("facts")
    if facts:
        assert facts["value"] == pytest.approx(1 - len(failing) / facts["n"])


def test_compare_rankings_equal_search(index: Path) -> None:
    asst = Assistant.load(Settings(index=index), index=index)
    questions = [q for q in load_questions(QUESTIONS) if q.gold][::30]
    ranked = _rankings(asst, questions, ["hybrid", "dense", "bm25", "rrf"], {})
    for mode, rankings in ranked.items():
        for q, got in zip(questions, rankings, strict=True):
            assert got == [h.section for h in asst.search(q.q, k=10, retriever=mode)], (mode, q.id)


COMPARISON = {
    "default": "hybrid/e5/1000",
    "styles": ["vi", "en"],
    "configs": [
        {"label": "hybrid/e5/1000", "retriever": "hybrid", "embedder": "e5", "chunk_size": 1000, "default": True,
         "overall": {"R@5": 0.9, "MRR@10": 0.85, "nDCG@10": 0.87, "n": 10},
         "vi": {"R@5": 0.9, "MRR@10": 0.9, "nDCG@10": 0.9, "n": 5},
         "en": {"R@5": 0.8, "MRR@10": 0.8, "nDCG@10": 0.8, "n": 5}, "recall_at_k": [0.5] * 10},
        {"label": "bm25/e5/1000", "retriever": "bm25", "embedder": "e5", "chunk_size": 1000, "default": False,
         "overall": {"R@5": 0.9, "MRR@10": 0.88, "nDCG@10": 0.9, "n": 10, "p_MRR@10": 0.2, "p_R@5": 1.0},
         "vi": {"R@5": 0.9, "MRR@10": 0.95, "nDCG@10": 0.95, "n": 5, "p_MRR@10": 0.01, "p_R@5": 1.0},
         "en": {"R@5": 0.8, "MRR@10": 0.6, "nDCG@10": 0.6, "n": 5, "p_MRR@10": 0.03, "p_R@5": 1.0},
         "recall_at_k": [0.4] * 10},
        {"label": "dense/e5/1000", "retriever": "dense", "embedder": "e5", "chunk_size": 1000, "default": False,
         "overall": {"R@5": 0.7, "MRR@10": 0.6, "nDCG@10": 0.6, "n": 10, "p_MRR@10": 0.001, "p_R@5": 0.01},
         "vi": {"R@5": 0.7, "MRR@10": 0.6, "nDCG@10": 0.6, "n": 5, "p_MRR@10": 0.2, "p_R@5": 0.1},
         "en": {"R@5": 0.8, "MRR@10": 0.8, "nDCG@10": 0.8, "n": 5, "p_MRR@10": 1.0, "p_R@5": 1.0},
         "recall_at_k": [0.3] * 10},
    ],
}


def test_verdict_paragraph_says_where_the_default_does_not_win() -> None:
    text = verdict_paragraph(COMPARISON)
    bm25, dense = text.split("Against dense")
    assert "does not beat it: it is behind (MRR@10 0.850 vs 0.880, p = 0.2, not significant) overall" in bm25
    assert "vi: does not beat it: it is behind (MRR@10 0.900 vs 0.950, p = 0.01, significant)" in bm25
    assert "en: beats it (MRR@10 0.800 vs 0.600, p = 0.03)" in bm25
    assert "beats it (MRR@10 0.850 vs 0.600, p = 0.001) overall" in dense
    assert "vi: is ahead but not significantly" in dense and "en: ties" in dense


def test_docs_link_the_plot(run_dir: Path, tmp_path: Path) -> None:
    (run_dir / "compare.json").write_text(json.dumps({**COMPARISON, "plot": "recall_at_k.png", "questions": 10,
                                                      "test": "t", "index_seconds": {}, "seconds": 1}),
                                          encoding="utf-8")
    doc = write_docs(run_dir, tmp_path / "docs" / "EVALUATION.md")
    text = doc.read_text(encoding="utf-8")
    assert "## Retrievers, embedders and chunk sizes" in text and "| hybrid/e5/1000 |" in text
    assert "recall_at_k.png)" in text and str(tmp_path) not in text.split("](")[1].split(")")[0]


def test_best_thresholds_keep_false_abstentions_under_two_percent() -> None:
    ev = [Evidence(f"i{n}", "vi", False, True, 0.85 + n * 0.001, 1.0, False, None) for n in range(60)]
    ev += [Evidence("i_low", "vi", False, True, 0.80, 1.0, False, None)]
    ev += [Evidence(f"o{n}", "vi", True, True, 0.78 + n * 0.01, 0.5 if n == 3 else 1.0, False, None)
           for n in range(4)]
    grid = [_rates(ev, "vi", d / 100, c / 20) for d in range(70, 91) for c in range(21)]
    best = _best(grid)
    assert best is not None and best["recall"] == 1.0 and best["fp"] <= 1
    assert _rates(ev, "vi", 0.785, 0.0)["tp"] == 1
