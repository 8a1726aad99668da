"""Compare retrievers x embedders x chunk sizes on ranking metrics, against the default, with a plot."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from assistant import Assistant, Settings
from eval.metrics import ndcg_at, recall_at, rr_at
from eval.questions import STYLES, Question
from eval.runner import index_with
from eval.stats import paired_permutation
from eval.tables import fmt, md_table, text_table


class Config(NamedTuple):
    retriever: str
    embedder: str
    chunk_size: int

    @property
    def label(self) -> str:
        return f"{self.retriever}/{self.embedder.removeprefix('st:')}/{self.chunk_size}"


DEFAULT = Config("hybrid", "e5", 1000)
MINILM = "st:all-MiniLM-L6-v2"
# The full retriever grid for the default index; the other indexes only change what the
# dense side sees, so hybrid and dense are what they can move (and builds cost ~10 s each).
GRID: tuple[Config, ...] = (
    DEFAULT,
    Config("dense", "e5", 1000),
    Config("bm25", "e5", 1000),
    Config("rrf", "e5", 1000),
    Config("hybrid", "e5", 600),
    Config("dense", "e5", 600),
    Config("hybrid", "e5", 1600),
    Config("dense", "e5", 1600),
    Config("hybrid", MINILM, 1000),
    Config("dense", MINILM, 1000),
)
SHOWN = ("R@5", "MRR@10", "nDCG@10")
Comparison = dict[str, Any]  # the JSON document compare.json holds
KMAX = 10


def _rankings(asst: Assistant, questions: Sequence[Question], modes: Sequence[str],
              vectors: dict[str, np.ndarray]) -> dict[str, list[list[str]]]:
    """Sections ranked by each retriever mode, as asst.search(q.q, KMAX, mode) ranks them.

    The questions are embedded in one batch per embedder (e5 gives the same vectors as one
    at a time; tests/test_eval_run.py checks the rankings against asst.search), and the
    vectors are shared by every mode and every index of that embedder.
    """
    queries = [asst.query(q.q) for q in questions]
    todo = [(q.id, x.text) for q, x in zip(questions, queries, strict=True) if q.id not in vectors]
    if todo and any(m != "bm25" for m in modes):
        vecs = asst.retriever.embedder.queries([text for _, text in todo])
        vectors.update({qid: v for (qid, _), v in zip(todo, vecs, strict=True)})
    out: dict[str, list[list[str]]] = {m: [] for m in modes}
    for q, query in zip(questions, queries, strict=True):
        for m in modes:
            hits = asst.retriever.search(query, KMAX, m, qvec=None if m == "bm25" else vectors[q.id])
            out[m].append([h.section for h in hits])
    return out


def per_question(rankings: Sequence[Sequence[str]], questions: Sequence[Question]) -> dict[str, np.ndarray]:
    """Per-question arrays: RR@10, nDCG@10 and Recall@1..10."""
    out = {"MRR@10": np.array([rr_at(r, q.gold) for r, q in zip(rankings, questions, strict=True)]),
           "nDCG@10": np.array([ndcg_at(r, q.gold) for r, q in zip(rankings, questions, strict=True)])}
    for k in range(1, KMAX + 1):
        out[f"R@{k}"] = np.array([recall_at(r, q.gold, k) for r, q in zip(rankings, questions, strict=True)])
    return out


def compare(questions: Sequence[Question], corpus: Path, index: Path | None,
            grid: Sequence[Config] = GRID, plot: Path | None = None) -> Comparison:
    """Ranking metrics of every configuration, overall and per style, with p-values against the first."""
    judged = [q for q in questions if q.kind != "oos" and q.gold]
    t0 = time.perf_counter()
    runs: dict[Config, dict[str, np.ndarray]] = {}
    builds: dict[str, float] = {}
    # Question vectors do not depend on the index: one embedding per question and embedder.
    vectors: dict[str, dict[str, np.ndarray]] = {}
    for (embedder, size) in dict.fromkeys((c.embedder, c.chunk_size) for c in grid):
        modes = [c.retriever for c in grid if (c.embedder, c.chunk_size) == (embedder, size)]
        t1 = time.perf_counter()
        with index_with(index, embedder, corpus, size) as ix:
            builds[f"{embedder}/{size}"] = round(time.perf_counter() - t1, 1)
            asst = Assistant.load(Settings(index=ix, corpus=corpus, embedder=embedder, chunk_size=size), index=ix)
            ranked = _rankings(asst, judged, modes, vectors.setdefault(embedder, {}))
            for mode, ranks in ranked.items():
                runs[Config(mode, embedder, size)] = per_question(ranks, judged)
        print(f"  {embedder}/{size}: {', '.join(modes)} done, {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    base = runs[grid[0]]
    groups = {"overall": np.ones(len(judged), dtype=bool)}
    groups.update({s: np.array([q.style == s for q in judged]) for s in STYLES if any(q.style == s for q in judged)})
    configs = []
    for c in grid:
        pq = runs[c]
        row: dict[str, Any] = {"label": c.label, **c._asdict(), "default": c == grid[0]}
        for g, mask in groups.items():
            stats: dict[str, float | int] = {m: float(pq[m][mask].mean()) for m in SHOWN}
            stats["n"] = int(mask.sum())
            if c != grid[0]:
                stats["p_MRR@10"] = paired_permutation(base["MRR@10"][mask], pq["MRR@10"][mask])
                stats["p_R@5"] = paired_permutation(base["R@5"][mask], pq["R@5"][mask])
            row[g] = stats
        row["recall_at_k"] = [float(pq[f"R@{k}"].mean()) for k in range(1, KMAX + 1)]
        configs.append(row)
    result: Comparison = {
        "default": grid[0].label, "questions": len(judged), "configs": configs, "styles": list(groups)[1:],
        "index_seconds": builds, "seconds": round(time.perf_counter() - t0, 1),
        "test": "paired randomization (sign-flip) test against the default, 10000 permutations, two-sided",
    }
    if plot is not None:
        plot_recall(configs, plot)
        result["plot"] = plot.name
    return result


def plot_recall(configs: Sequence[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5))
    ks = list(range(1, KMAX + 1))
    for c in configs:
        ax.plot(ks, c["recall_at_k"], marker="o", markersize=3,
                linewidth=2.5 if c["default"] else 1.2, label=str(c["label"]))
    ax.set_xlabel("k")
    ax.set_ylabel("Recall@k")
    ax.set_xticks(ks)
    ax.set_title("Recall@k by configuration (retriever/embedder/chunk size)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _p(stats: dict[str, float], key: str) -> str:
    if key not in stats:
        return "—"
    p = stats[key]
    return f"{p:.4f}" + ("*" if p < 0.05 else "")


def overall_rows(result: Comparison) -> list[list[str]]:
    configs = result["configs"]
    base = next(c for c in configs if c["default"])["overall"]
    rows = []
    for c in configs:
        o = c["overall"]
        rows.append([str(c["label"]), *(fmt(o[m]) for m in SHOWN),
                     f"{o['MRR@10'] - base['MRR@10']:+.3f}", _p(o, "p_MRR@10"), _p(o, "p_R@5")])
    return rows


OVERALL_HEADER = ["configuration", *SHOWN, "ΔMRR", "p (RR@10)", "p (R@5)"]


def style_rows(result: Comparison) -> list[list[str]]:
    rows = []
    for c in result["configs"]:
        cells = [str(c["label"])]
        for s in result["styles"]:
            st = c[s]
            mark = "*" if st.get("p_MRR@10", 1.0) < 0.05 else ""
            cells.append(" / ".join(fmt(st[m]) for m in SHOWN) + mark)
        rows.append(cells)
    return rows


def console(result: Comparison) -> str:
    return text_table(OVERALL_HEADER, overall_rows(result))


def compare_markdown(result: Comparison) -> str:
    styles: list[str] = result["styles"]
    return "\n".join([
        "# Retriever comparison",
        "",
        f"{result['questions']} questions with gold sections; default `{result['default']}`. "
        f"p-values: {result['test']} on per-question reciprocal rank and Recall@5; * marks p < 0.05.",
        "",
        md_table(OVERALL_HEADER, overall_rows(result)),
        "",
        "Per style: R@5 / MRR@10 / nDCG@10 (* : MRR differs from the default with p < 0.05).",
        "",
        md_table(["configuration", *styles], style_rows(result)),
        "",
        "![Recall@k](recall_at_k.png)",
        "",
        f"Index builds (s): {result['index_seconds']}; total {result['seconds']} s.",
    ]) + "\n"
