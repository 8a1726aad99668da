"""Run every question through the assistant once: the ranked sections, the answer, the latency."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from assistant import Assistant, QuestionError, Settings
from eval.questions import Question
from index.store import build_index

PROGRESS_EVERY = 25


@dataclass(frozen=True, slots=True)
class Result:
    question: Question
    ranking: tuple[str, ...]  # hit sections, best first
    scores: tuple[float, ...]  # the assistant's hit scores (not comparable across hit kinds)
    answer: str
    abstained: bool
    cited: tuple[str, ...]
    latency_ms: float
    error: str = ""  # the assistant refused the question (QuestionError)
    route: str = ""  # the answer's route (role, list, target, document, passage, duties, refusal)
    rule: str = ""  # the rule of the route table that answered (assistant/routes.py)

    def to_json(self) -> dict[str, object]:
        q = self.question
        return {
            "id": q.id, "q": q.q, "style": q.style, "kind": q.kind, "gold": list(q.gold),
            "answer_has": list(q.answer_has), "all_of": list(q.all_of), "ranking": list(self.ranking),
            "scores": list(self.scores), "answer": self.answer, "abstained": self.abstained,
            "cited": list(self.cited), "latency_ms": round(self.latency_ms, 3), "error": self.error,
            "route": self.route, "rule": self.rule,
        }


def index_meta(index: Path) -> dict[str, object]:
    """The index's meta.json; a missing index says how to build one."""
    try:
        meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FileNotFoundError(
            f"no usable index at {index}: build it with 'python -m assistant build --index {index}'"
        ) from exc
    if not isinstance(meta, dict):
        raise FileNotFoundError(f"{index}/meta.json is not an index description; rebuild the index")
    return meta


@contextmanager
def index_with(index: Path | None, embedder: str | None, corpus: Path,
               chunk_size: int | None = None) -> Iterator[Path]:
    """`index` when it was built with `embedder` (and chunk size), else a temporary index that is.

    With no `index`, a temporary one is always built (defaults: e5, chunks of 1000).
    """
    meta = index_meta(index) if index is not None else {}
    want_embedder = embedder or str(meta.get("embedder", "e5"))
    want_size = chunk_size or int(str(meta.get("chunk_size", 1000)))
    if index is not None and meta.get("embedder") == want_embedder and meta.get("chunk_size") == want_size:
        yield index
        return
    overlap = int(str(meta.get("overlap", 150)))
    with tempfile.TemporaryDirectory(prefix="plan-eval-") as tmp:
        out = Path(tmp) / "index"
        print(f"building a temporary index ({want_embedder}, chunks of {want_size}) in {out}", file=sys.stderr)
        build_index(corpus, out, embedder=want_embedder, chunk_size=want_size, overlap=overlap)
        yield out


def ask_all(asst: Assistant, questions: Sequence[Question], k: int = 10, retriever: str | None = None,
            log: TextIO | None = sys.stderr, plan: str | None = None) -> list[Result]:
    """Ask each question once; a progress line every PROGRESS_EVERY questions."""
    out: list[Result] = []
    started = time.perf_counter()
    for n, q in enumerate(questions, start=1):
        t0 = time.perf_counter()
        try:
            ans = asst.ask(q.q, k=k, retriever=retriever, plan=plan)
        except QuestionError as exc:
            out.append(Result(q, (), (), "", False, (), (time.perf_counter() - t0) * 1000, str(exc)))
        else:
            ms = (time.perf_counter() - t0) * 1000
            out.append(Result(
                q, tuple(h.section for h in ans.hits), tuple(h.score for h in ans.hits), ans.answer,
                ans.abstained, tuple(dict.fromkeys(c.section for c in ans.citations)), ms, route=ans.route,
                rule=ans.rule,
            ))
        if log is not None and (n % PROGRESS_EVERY == 0 or n == len(questions)):
            print(f"  {n}/{len(questions)} questions, {time.perf_counter() - started:.1f}s", file=log, flush=True)
    return out


def run(questions: Sequence[Question], index: Path, corpus: Path, retriever: str = "hybrid",
        embedder: str | None = None, k: int = 10, plan: str | None = None) -> tuple[list[Result], dict[str, object]]:
    """Results of every question, and the configuration they were obtained with."""
    with index_with(index, embedder, corpus) as ix:
        meta = index_meta(ix)
        t0 = time.perf_counter()
        asst = Assistant.load(Settings(index=ix, corpus=corpus, retriever=retriever, k=k), index=ix)
        load_s = time.perf_counter() - t0
        results = ask_all(asst, questions, k, retriever, plan=plan)
    config: dict[str, object] = {
        "index": str(index) if ix == index else f"temporary index ({meta['embedder']})",
        "embedder": meta["embedder"],
        "chunk_size": meta.get("chunk_size"),
        "retriever": retriever,
        "k": k,
        "plan": plan or "",
        "questions": len(questions),
        "load_seconds": round(load_s, 3),
    }
    return results, config
