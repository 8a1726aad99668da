"""Summarise results: metrics with bootstrap CIs overall, per style and per kind; tables; failures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from eval.metrics import FACT_KINDS, abstention, list_complete, missing_facts, ranking_metrics
from eval.questions import KINDS, STYLES
from eval.runner import Result
from eval.stats import abstention_ci, mean_ci
from eval.tables import fmt, md_table, text_table

RANKING = ("R@1", "R@3", "R@5", "R@10", "MRR@10", "nDCG@10")
MEANS = (*RANKING, "facts", "content_facts", "lists", "false_abstain")
LABELS = {
    "facts": "facts", "content_facts": "content", "lists": "lists", "false_abstain": "false abst.",
    "abstain_P": "abst. P", "abstain_R": "abst. R",
}
Stat = dict[str, float]  # value, lo, hi, n
Report = dict[str, Any]  # the JSON document report.json holds


def question_scores(r: Result) -> dict[str, float]:
    """The per-question values of every metric that applies to this question."""
    q = r.question
    out: dict[str, float] = {}
    if q.kind != "oos" and q.gold:
        out.update(ranking_metrics(r.ranking, q.gold))
    if q.answer_has and q.kind in FACT_KINDS:
        out["facts"] = float(not missing_facts(r.answer, q.answer_has))
    if q.answer_has and q.kind == "content":
        out["content_facts"] = float(not missing_facts(r.answer, q.answer_has))
    if q.all_of:
        out["lists"] = float(list_complete(r.cited, q.all_of))
    if q.kind != "oos":
        out["false_abstain"] = float(r.abstained)
    return out


def _stat(value: float, lo: float, hi: float, n: int) -> Stat:
    return {"value": value, "lo": lo, "hi": hi, "n": n}


def summarise(results: Sequence[Result]) -> dict[str, Any]:
    """{"n": questions in the group, metric: Stat} for every metric that applies to the group."""
    scores = [question_scores(r) for r in results]
    out: dict[str, Any] = {"n": len(results)}
    for m in MEANS:
        values = [s[m] for s in scores if m in s]
        if values:
            out[m] = _stat(*mean_ci(values), len(values))
    abst = [r.abstained for r in results]
    oos = [r.question.kind == "oos" for r in results]
    (p, plo, phi), (rc, rlo, rhi) = abstention_ci(abst, oos)
    if any(abst):
        out["abstain_P"] = _stat(p, plo, phi, sum(abst))
    if any(oos):
        out["abstain_R"] = _stat(rc, rlo, rhi, sum(oos))
    return out


def _groups(results: Sequence[Result], key: Callable[[Result], str], order: Sequence[str]) -> dict[str, Any]:
    present = {key(r) for r in results}
    names = [x for x in order if x in present] + sorted(present - set(order))
    return {name: summarise([r for r in results if key(r) == name]) for name in names}


def latency(results: Sequence[Result]) -> dict[str, float]:
    ms = np.asarray([r.latency_ms for r in results], dtype=float)
    if ms.size == 0:
        return {}
    p50, p95 = np.percentile(ms, [50, 95])
    return {"p50_ms": round(float(p50), 2), "p95_ms": round(float(p95), 2),
            "mean_ms": round(float(ms.mean()), 2), "max_ms": round(float(ms.max()), 2)}


def failures(results: Sequence[Result]) -> dict[str, list[dict[str, object]]]:
    """Every question that fails a check, with what was expected and what came back."""
    facts: list[dict[str, object]] = []
    content: list[dict[str, object]] = []
    lists: list[dict[str, object]] = []
    false_abst: list[dict[str, object]] = []
    missed: list[dict[str, object]] = []
    for r in results:
        q = r.question
        base: dict[str, object] = {"id": q.id, "q": q.q, "style": q.style, "kind": q.kind}
        miss = missing_facts(r.answer, q.answer_has) if q.answer_has else []
        if miss:
            row = {**base, "expected": list(q.answer_has), "missing": miss, "got": r.answer,
                   "abstained": r.abstained, "top": list(r.ranking[:3]), "gold": list(q.gold)}
            (facts if q.kind in FACT_KINDS else content).append(row)
        if q.all_of and not list_complete(r.cited, q.all_of):
            lists.append({**base, "missing": [s for s in q.all_of if s not in r.cited], "cited": list(r.cited),
                          "got": r.answer})
        if r.abstained and q.kind != "oos":
            false_abst.append({**base, "gold": list(q.gold), "got": r.answer})
        if q.kind == "oos" and not r.abstained:
            missed.append({**base, "got": r.answer})
    return {"facts": facts, "content_facts": content, "lists": lists, "false_abstentions": false_abst,
            "missed_oos": missed}


def build_report(results: Sequence[Result], config: dict[str, object]) -> Report:
    abst, oos = [r.abstained for r in results], [r.question.kind == "oos" for r in results]
    p, rc = abstention(abst, oos)
    return {
        "config": config,
        "overall": summarise(results),
        "by_style": _groups(results, lambda r: r.question.style, STYLES),
        "by_kind": _groups(results, lambda r: r.question.kind, KINDS),
        "latency": latency(results),
        "abstention": {"precision": p, "recall": rc, "abstained": sum(abst), "oos": sum(oos)},
        "errors": [{"id": r.question.id, "error": r.error} for r in results if r.error],
        "failures": failures(results),
    }


def metric_rows(groups: dict[str, dict[str, Any]], metrics: Sequence[str], ci: bool) -> list[list[str]]:
    rows = []
    for name, stats in groups.items():
        cells = [name, str(stats["n"])]
        for m in metrics:
            s = stats.get(m)
            if s is None:
                cells.append("–")
            elif ci:
                cells.append(f"{fmt(s['value'])} [{fmt(s['lo'], 2)}, {fmt(s['hi'], 2)}]")
            else:
                cells.append(fmt(s["value"]))
        rows.append(cells)
    return rows


MAIN = ("R@1", "R@5", "R@10", "MRR@10", "nDCG@10", "facts", "lists", "abstain_P", "abstain_R")
KIND_COLS = ("R@1", "R@5", "MRR@10", "nDCG@10", "facts", "content_facts", "lists", "false_abstain", "abstain_R")


def header(metrics: Sequence[str], first: str) -> list[str]:
    return [first, "n", *(LABELS.get(m, m) for m in metrics)]


def style_groups(report: Report) -> dict[str, dict[str, Any]]:
    return {"overall": report["overall"], **report["by_style"]}


def console(report: Report) -> str:
    """The overall and per-style table, values only."""
    table = text_table(header(MAIN, "style"), metric_rows(style_groups(report), MAIN, ci=False))
    lat = report.get("latency") or {}
    return table + f"\nlatency: p50 {lat.get('p50_ms', '–')} ms, p95 {lat.get('p95_ms', '–')} ms"


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= n else text[: n - 1] + "…"


def metric_tables(report: Report, style_heading: str, kind_heading: str) -> list[str]:
    """Markdown lines of the per-style and per-kind tables with their intervals."""
    return [
        *([style_heading, ""] if style_heading else []),
        md_table(header(MAIN, "style"), metric_rows(style_groups(report), MAIN, ci=True)),
        "",
        kind_heading,
        "",
        md_table(header(KIND_COLS, "kind"), metric_rows(report["by_kind"], KIND_COLS, ci=True)),
        "",
    ]


def markdown(report: Report) -> str:
    cfg, lat = report["config"], report["latency"]
    parts = [
        "# Evaluation report",
        "",
        "Configuration: " + ", ".join(f"{k} `{v}`" for k, v in cfg.items()) + ".",
        "",
        "n counts the questions of a group; values are means over the questions a metric applies to "
        "(report.json gives each metric's own n); brackets hold 95% bootstrap intervals "
        "(1000 resamples). Ranking metrics skip out-of-scope questions; *facts* covers the kinds "
        "lead, coordinate, timeline, target, meta and aggregate; *content* is the same phrase check on "
        "content answers; *lists* checks that a list answer cites every section it must; abstention "
        "counts abstaining as positive and out-of-scope questions as relevant.",
        "",
        *metric_tables(report, "## Overall and per style", "## Per kind"),
        f"Latency of `ask` (warm process): p50 {lat.get('p50_ms')} ms, p95 {lat.get('p95_ms')} ms, "
        f"mean {lat.get('mean_ms')} ms, max {lat.get('max_ms')} ms.",
    ]
    fails = report["failures"]
    titles = {"facts": "Answer-fact failures", "content_facts": "Content phrase failures",
              "lists": "Incomplete lists", "false_abstentions": "False abstentions",
              "missed_oos": "Out-of-scope questions answered"}
    for key, title in titles.items():
        rows = fails.get(key, [])
        parts += ["", f"## {title} ({len(rows)})", ""]
        if not rows:
            parts.append("None.")
            continue
        if key in {"facts", "content_facts"}:
            table = [[r["id"], r["style"], r["kind"], _clip(r["q"], 80), _clip("; ".join(r["missing"]), 60),
                      _clip(r["got"])] for r in rows]
            parts.append(md_table(["id", "style", "kind", "question", "missing", "answer"], table))
        elif key == "lists":
            table = [[r["id"], r["style"], _clip(r["q"], 80), ", ".join(r["missing"]), ", ".join(r["cited"])]
                     for r in rows]
            parts.append(md_table(["id", "style", "question", "missing", "cited"], table))
        else:
            table = [[r["id"], r["style"], r["kind"], _clip(r["q"], 80), _clip(r["got"])] for r in rows]
            parts.append(md_table(["id", "style", "kind", "question", "answer"], table))
    return "\n".join(parts) + "\n"
