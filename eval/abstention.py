"""Fit the evidence thresholds for declining (assistant/core.py MIN_DENSE, MIN_COVERAGE, MAX_LEXICAL,
UNKNOWN) on every development set: each plan's own set (eval/sets) and plan 65's held-out sets."""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from assistant import Assistant, Settings
from assistant.glossary import content_terms
from assistant.retrieve import lexical_terms
from eval.plans import SETS, plan_file
from eval.questions import Question, load_questions
from index.store import build_index

MAX_FALSE = 0.02  # at most this share of answerable questions declined by the evidence alone


class Evidence(NamedTuple):
    style: str
    oos: bool
    dense: float
    cov: float
    lexical: float
    unknown: int
    words: int
    terms: int  # English phrases the glossary puts into Vietnamese


def evidence(asst: Assistant, questions: Sequence[Question]) -> Iterator[Evidence]:
    for q in questions:
        query = asst.query(q.q)
        qvec = asst.retriever.embed(query.text)
        _, best = asst.retriever.search_scored(query, 10, None, qvec=qvec)
        dense, cov = asst.evidence(query, qvec, best)
        lex = asst.retriever.lexical(lexical_terms(query.text, query.style == "en"), 1)
        yield Evidence(q.style, q.kind == "oos", dense, cov, lex[0][1] if lex else 0.0,
                       len(asst.unknown_words(query)), len(re.findall(r"[^\W\d_]+", query.text)),
                       len(content_terms(query.text)) if query.style == "en" else 99)


def collect(sets: Path = SETS, holdouts: Sequence[Path] = (), index: Path | None = None) -> list[Evidence]:
    """Evidence of every question: each plan's set against an index of that plan alone, and plan 65's
    held-out sets against `index`."""
    out: list[Evidence] = []
    for folder in sorted(d for d in sets.iterdir() if (d / "questions.jsonl").is_file()):
        with tempfile.TemporaryDirectory(prefix="plan-fit-") as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            src = plan_file(folder.name)
            shutil.copy(src, corpus / src.name)
            build_index(corpus, Path(tmp) / "index")
            asst = Assistant.load(Settings(index=Path(tmp) / "index", corpus=corpus), index=Path(tmp) / "index")
            out += evidence(asst, load_questions(folder / "questions.jsonl"))
    if holdouts and index is not None:
        asst = Assistant.load(Settings(index=index), index=index)
        for path in holdouts:
            out += evidence(asst, load_questions(path))
    return out


def _declines(r: Evidence, n: float, s: float, u: float, c: float, d: float, lx: float, e: float = 0.0) -> bool:
    return ((r.unknown >= n and r.unknown / max(r.words, 1) >= s and r.cov < u)
            or (r.cov < c and r.dense < d and r.lexical < lx) or (r.terms == 0 and r.dense < e))


def fit(rows: Sequence[Evidence], style: str) -> tuple[float, float, tuple[float, ...]]:
    """(out-of-scope recall, false-decline rate, thresholds) of the best rule for one style:
    decline when (unknown >= n and unknown/words >= s and cov < u) or (cov < c and dense < d and lexical < l)."""
    ins = [r for r in rows if r.style == style and not r.oos]
    oos = [r for r in rows if r.style == style and r.oos]
    best: tuple[float, float, tuple[float, ...]] = (0.0, 0.0, ())
    grid = itertools.product((99, 3, 2), (0.1, 0.15, 0.2), (0.3, 0.4, 0.5), [x / 20 for x in range(16)],
                             [x / 100 for x in range(70, 92, 2)], (float("inf"), 20, 12, 8, 6),
                             [0.0] + ([x / 100 for x in range(76, 88)] if style == "en" else []))
    for n, s, u, c, d, lx, e in grid:
        false = sum(_declines(r, n, s, u, c, d, lx, e) for r in ins) / max(len(ins), 1)
        recall = sum(_declines(r, n, s, u, c, d, lx, e) for r in oos) / max(len(oos), 1)
        if false <= MAX_FALSE and recall > best[0] + 1e-9:
            best = (recall, false, (n, s, u, c, d, lx, e))
    return best


def main(holdouts: Sequence[Path], index: Path) -> int:
    rows = collect(SETS, holdouts, index)
    for style in ("vi", "vi_nodiac", "en"):
        recall, false, (n, s, u, c, d, lx, e) = fit(rows, style)
        print(f"{style:10} declines {recall:.3f} of out-of-scope, {false:.3f} of answerable: "
              f"unknown>={n} share>={s} cov<{u} | MIN_COVERAGE {c:.2f} MIN_DENSE {d:.2f} MAX_LEXICAL {lx}"
              f" | untranslated English below {e:.2f}")
    return 0
