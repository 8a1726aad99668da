"""TREC run and qrels files (UTF-8: section ids such as "III.6.đ" keep their letters).

The score column encodes the rank (k, k-1, …, 1): the assistant's own scores mix lookup hits
(1.0) with BM25 or fused scores, so they do not always decrease down the list, and TREC tools
order a run by score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from eval.questions import Question


def write_run(path: Path, rankings: Mapping[str, Sequence[str]], tag: str) -> None:
    """`qid Q0 section rank score tag` lines, best first."""
    lines = []
    for qid, ranking in rankings.items():
        n = len(ranking)
        lines += [f"{qid} Q0 {sid} {rank} {n - rank + 1} {tag}" for rank, sid in enumerate(ranking, start=1)]
    path.write_text("".join(x + "\n" for x in lines), encoding="utf-8")


def write_qrels(path: Path, questions: Iterable[Question]) -> None:
    """`qid 0 section 1` lines for every question with gold sections."""
    lines = [f"{q.id} 0 {sid} 1" for q in questions for sid in dict.fromkeys(q.gold)]
    path.write_text("".join(x + "\n" for x in lines), encoding="utf-8")


def read_run(path: Path) -> dict[str, list[str]]:
    """{qid: sections best first}, ordered by score as TREC tools do."""
    scored: dict[str, list[tuple[float, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            qid, _, sid, _, score, _ = line.split()
            scored.setdefault(qid, []).append((float(score), sid))
    return {qid: [sid for _, sid in sorted(rows, key=lambda x: -x[0])] for qid, rows in scored.items()}


def read_qrels(path: Path) -> dict[str, list[str]]:
    """{qid: relevant sections}."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            qid, _, sid, rel = line.split()
            if float(rel) > 0:
                out.setdefault(qid, []).append(sid)
    return out
