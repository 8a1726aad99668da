"""Abstention thresholds: evidence features of out-of-scope vs in-scope questions, on a grid."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from assistant import Assistant, Settings
from eval.questions import Question
from eval.tables import text_table

MAX_FALSE = 0.02  # at most 2% of in-scope questions may be refused
DENSE_GRID = tuple(round(0.70 + 0.01 * i, 2) for i in range(21))
COVERAGE_GRID = tuple(round(0.05 * i, 2) for i in range(21))


RULES = ("and", "or")  # abstain when dense AND coverage are low, or when EITHER is


class Evidence(NamedTuple):
    id: str
    style: str  # as the assistant detects it: vi | vi_nodiac | en
    oos: bool
    gated: bool  # the thresholds decide: no reference, no meta question, no agency, no scope check
    dense: float
    coverage: float
    glossary: bool  # English question with a plan term the glossary translates
    current: bool | None  # what the assistant's own check decides now (None: not available)


def evidence(asst: Assistant, questions: Sequence[Question]) -> list[Evidence]:
    """asst.evidence(q, qvec) of every question, with what the assistant checks before it."""
    from assistant.answer import missing_ref
    from assistant.glossary import translate_terms

    # _out_of_scope is the check in force (the ground truth for "current"); a private part of
    # core.py, read only when present.
    check = getattr(asst, "_out_of_scope", None)
    queries = [asst.query(q.q) for q in questions]
    # One batch: e5 gives the same vectors as embedding the questions one by one.
    vecs = asst.retriever.embedder.queries([x.text for x in queries])
    out = []
    for q, x, v in zip(questions, queries, vecs, strict=True):
        dense, cov = asst.evidence(x, v)
        # The scope checks (another province, a sum of money, …) decide before the thresholds.
        gated = (not x.refs and not missing_ref(x) and x.intent != "meta" and not asst.directory.find(x.text)
                 and not asst.scope.reason(x))
        current = bool(check(x, [], v)) if check is not None else None
        out.append(Evidence(q.id, x.style, q.kind == "oos", gated, float(dense), float(cov),
                            x.style == "en" and bool(translate_terms(x.text)), current))
    return out


def _abstains(ev: Sequence[Evidence], style: str, dense: float, cov: float, rule: str) -> np.ndarray:
    d = np.array([e.dense for e in ev])
    if style == "en":  # core.py: English questions fall back on the glossary, not on coverage
        return (d < dense) & ~np.array([e.glossary for e in ev], dtype=bool)
    c = np.array([e.coverage for e in ev])
    return ((d < dense) & (c < cov)) if rule == "and" else ((d < dense) | (c < cov))


def _rates(ev: Sequence[Evidence], style: str, dense: float, cov: float, rule: str = "or") -> dict[str, float]:
    return _score(ev, _abstains(ev, style, dense, cov, rule)) | {"dense": dense, "coverage": cov}


def _score(ev: Sequence[Evidence], a: np.ndarray) -> dict[str, float]:
    o = np.array([e.oos for e in ev], dtype=bool)
    tp, fp = int((a & o).sum()), int((a & ~o).sum())
    return {
        "tp": tp, "fp": fp,
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / int(o.sum()) if o.any() else float("nan"),
        "false_rate": fp / int((~o).sum()) if (~o).any() else 0.0,
    }


def _best(rows: list[dict[str, float]]) -> dict[str, float] | None:
    """Highest recall with at most MAX_FALSE false abstentions; then the least aggressive thresholds."""
    ok = [r for r in rows if r["false_rate"] <= MAX_FALSE]
    if not ok:
        return None
    return min(ok, key=lambda r: (-r["recall"], r["fp"], r["dense"], r["coverage"]))


def calibrate(questions: Sequence[Question], index: Path, corpus: Path) -> dict[str, Any]:
    from assistant.evidence import MIN_COVERAGE, MIN_DENSE

    asst = Assistant.load(Settings(index=index, corpus=corpus), index=index)
    ev = evidence(asst, questions)
    styles: dict[str, Any] = {}
    for style in ("vi", "vi_nodiac", "en"):
        group = [e for e in ev if e.style == style and e.gated]
        if not group:
            continue
        cur_d, cur_c = MIN_DENSE[style], (MIN_COVERAGE.get(style, 0.0) if style != "en" else 0.0)
        rules: dict[str, Any] = {}
        for rule in (("glossary",) if style == "en" else RULES):
            covs = (0.0,) if style == "en" else COVERAGE_GRID
            grid = [_rates(group, style, d, c, rule) for d in DENSE_GRID for c in covs]
            best = _best(grid)
            feasible = [r["dense"] for r in grid
                        if best and r["coverage"] == best["coverage"] and r["recall"] == best["recall"]
                        and r["false_rate"] <= MAX_FALSE]
            rules[rule] = {
                "at_current": _rates(group, style, cur_d, cur_c, rule),
                "by_dense": [_rates(group, style, d, cur_c, rule) for d in DENSE_GRID],
                "best": best,
                "best_dense_range": [min(feasible), max(feasible)] if feasible else None,
            }
        decided = [e.current for e in group]
        styles[style] = {
            "n": len(group), "oos": sum(e.oos for e in group),
            "ungated": sum(1 for e in ev if e.style == style and not e.gated),
            "thresholds": {"dense": cur_d, "coverage": cur_c},
            "features": {
                kind: {f: _summary([getattr(e, f) for e in group if e.oos == is_oos]) for f in ("dense", "coverage")}
                for kind, is_oos in (("oos", True), ("in_scope", False))
            },
            "current": None if None in decided else _score(group, np.array(decided, dtype=bool)),
            "rules": rules,
            "questions": [e._asdict() for e in group],
        }
    return {"max_false_rate": MAX_FALSE, "styles": styles}


def _summary(values: Sequence[float]) -> dict[str, float]:
    if not values:
        return {}
    x = np.asarray(values, dtype=float)
    return {"min": float(x.min()), "p05": float(np.percentile(x, 5)), "median": float(np.median(x)),
            "p95": float(np.percentile(x, 95)), "max": float(x.max())}


def _f(x: float) -> str:
    return "–" if x != x else f"{x:.2f}"  # NaN != NaN


def calibration_text(result: dict[str, Any]) -> str:
    styles: dict[str, dict[str, Any]] = result["styles"]
    out = [f"Abstention (positive = abstained, relevant = oos); best = highest oos recall with "
           f"<= {MAX_FALSE:.0%} false abstentions. Only questions the thresholds decide (no section "
           "reference, no meta question, no agency or other province named) are counted. Rules: "
           "'and' abstains when dense < d and coverage < c; 'or' when either is below."]
    for style, s in styles.items():
        th = s["thresholds"]
        out += ["", f"== {style}: {s['n']} questions ({s['oos']} oos) decided by the thresholds, "
                    f"{s['ungated']} decided before them; core.py: dense {th['dense']:.2f}, coverage {th['coverage']:.2f}"]
        for kind, fs in s["features"].items():
            out.append(f"  {kind:8s} " + "  ".join(
                f"{f}: min {_f(v.get('min', float('nan')))} p05 {_f(v.get('p05', float('nan')))} "
                f"med {_f(v.get('median', float('nan')))} max {_f(v.get('max', float('nan')))}"
                for f, v in fs.items()))
        cur = s["current"]
        if cur:
            out.append(f"  assistant now: P {_f(cur['precision'])} R {_f(cur['recall'])} "
                       f"false {_f(cur['false_rate'])} (tp {cur['tp']}, fp {cur['fp']})")
        for rule, r in s["rules"].items():
            label = "glossary fallback" if rule == "glossary" else f"rule '{rule}', coverage < {th['coverage']:.2f}"
            rows = [[f"{x['dense']:.2f}", _f(x["precision"]), _f(x["recall"]), _f(x["false_rate"]),
                     f"{int(x['tp'])}/{int(x['fp'])}"] for x in r["by_dense"]]
            out += [f"  dense threshold sweep ({label}):",
                    "    " + text_table(["dense <", "P", "R", "false", "tp/fp"], rows).replace("\n", "\n    ")]
            best = r["best"]
            if isinstance(best, dict):
                out.append(f"  best ({rule}): dense {best['dense']:.2f} coverage {best['coverage']:.2f}: "
                           f"P {_f(best['precision'])} R {_f(best['recall'])} false {_f(best['false_rate'])}; "
                           f"same recall for dense in {r['best_dense_range']}")
            else:
                out.append(f"  best ({rule}): no threshold keeps false abstentions under the limit")
    return "\n".join(out)
