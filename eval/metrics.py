"""Per-question metrics: ranking (Recall@k, RR@10, nDCG@10), answer facts, lists, abstention."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from index.normalize import canon

KS = (1, 3, 5, 10)
# Kinds whose answer is a short fact (an agency, a deadline, a number) checked by answer_has;
# a content answer quotes a passage, so its phrase check is reported apart.
FACT_KINDS = frozenset({"lead", "coordinate", "timeline", "target", "meta", "aggregate"})


def recall_at(ranking: Sequence[str], gold: Sequence[str], k: int) -> float:
    """Fraction of the gold sections found in the top k."""
    rel = set(gold)
    return len(rel & set(ranking[:k])) / len(rel) if rel else 0.0


def rr_at(ranking: Sequence[str], gold: Sequence[str], k: int = 10) -> float:
    """Reciprocal rank of the first gold section in the top k, 0 when none."""
    rel = set(gold)
    return next((1.0 / r for r, s in enumerate(ranking[:k], start=1) if s in rel), 0.0)


def ndcg_at(ranking: Sequence[str], gold: Sequence[str], k: int = 10) -> float:
    """nDCG with binary relevance: gain 1 / log2(rank + 1) for each gold section."""
    rel = set(gold)
    if not rel:
        return 0.0
    dcg = sum(1.0 / math.log2(r + 1) for r, s in enumerate(ranking[:k], start=1) if s in rel)
    ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(len(rel), k) + 1))
    return dcg / ideal


def ranking_metrics(ranking: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    out = {f"R@{k}": recall_at(ranking, gold, k) for k in KS}
    out["MRR@10"] = rr_at(ranking, gold, 10)
    out["nDCG@10"] = ndcg_at(ranking, gold, 10)
    return out


def fact_key(text: str) -> str:
    """Matching form of an answer or an expected fact.

    NFC, one tone placement and the plan's OCR fixes (canon), agency-style spacing around
    hyphens between words ("Lao động-Thương binh" = "Lao động - Thương binh"), case folded.
    """
    text = canon(unicodedata.normalize("NFC", text))
    text = re.sub(r"(?<=[^\W\d_])\s*-\s*(?=[^\W\d_])", " - ", text)
    return " ".join(text.casefold().split())


def missing_facts(answer: str, expected: Sequence[str]) -> list[str]:
    """The expected strings the answer does not contain."""
    got = fact_key(answer)
    return [x for x in expected if fact_key(x) not in got]


def list_complete(cited: Sequence[str], all_of: Sequence[str]) -> bool:
    """A list answer is complete when it cites every section it must."""
    return set(all_of) <= set(cited)


def abstention(abstained: Sequence[bool], oos: Sequence[bool]) -> tuple[float, float]:
    """(precision, recall) of abstaining, positive = abstained, relevant = out of scope.

    NaN where undefined (nothing abstained, or no out-of-scope question).
    """
    tp = sum(1 for a, o in zip(abstained, oos, strict=True) if a and o)
    n_abst, n_oos = sum(map(bool, abstained)), sum(map(bool, oos))
    return (tp / n_abst if n_abst else math.nan, tp / n_oos if n_oos else math.nan)
