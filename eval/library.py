"""The library set (eval/sets/library): questions asked of one index holding every plan, in several
file formats, each question scored on whether its answer comes from the right plan.

Each line carries `plan` (the plan the answer must come from, by file stem; null when none or several)
and `plans_all` (the plans a list of plans must name, or that a "which plan?" must offer):

- a question about one plan counts as *right plan* when the first plan the answer names is it, and
  its *facts* when the answer holds every `answer_has` string;
- `aggregate` (a list of plans) counts when the answer names exactly the plans of `plans_all`;
- `which` (several plans answer) counts when the answer, not declined, names every plan of `plans_all`;
- `oos` counts when the answer declines.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from assistant.core import QuestionError
from eval.metrics import list_complete, missing_facts
from eval.plans import plan_file

SET = Path("eval/sets/library/questions.jsonl")
# The format each plan is given in: the files staff receive (the renderings come from the test
# fixtures' writers).
FORMATS = {"kh-hason-cds": ".docx", "kh-lamha-duoinuoc": ".pdf", "kh-longgiang-dulich": ".html"}


def library_corpus(out: Path, slugs: list[str]) -> list[str]:
    """The plans a set is about into `out`, in the formats above; the plan slugs."""
    from tests import _documents as docs

    for slug in slugs:
        src = plan_file(slug)
        fmt = FORMATS.get(slug, src.suffix)
        if src.suffix not in {".txt", ".md"}:  # a file as staff received it (.docx) is given as it is
            shutil.copy(src, out / src.name)
            continue
        text = src.read_text(encoding="utf-8")
        if fmt == ".docx":
            docs.to_docx(text, out / f"{slug}.docx")
        elif fmt == ".pdf":
            docs.to_pdf(text, out / f"{slug}.pdf")
        elif fmt == ".html":
            docs.to_html(text, out / f"{slug}.html")
        else:
            shutil.copy(src, out / src.name)
    return slugs


def score(q: dict[str, Any], ans: Any) -> dict[str, float]:
    named = [Path(p["doc"]).stem for p in ans.plans] if ans is not None else []
    kind = q["kind"]
    if ans is None:
        return {"answered": 0.0}
    if kind == "oos":
        return {"oos_declined": float(ans.abstained)}
    out = {"false_abstain": float(ans.abstained)}
    if kind == "aggregate":
        out["plan_lists"] = float(set(named) == set(q["plans_all"]))
    elif kind == "which":
        out["which"] = float(not ans.abstained and set(q["plans_all"]) <= set(named))
    else:
        out["right_plan"] = float(bool(named) and named[0] == q["plan"])
        if q["answer_has"]:
            out["facts"] = float(not missing_facts(ans.answer, q["answer_has"]))
        if q["all_of"]:
            out["lists"] = float(list_complete([c.section for c in ans.citations], q["all_of"]))
    return out


def run(path: Path = SET, embedder: str = "e5") -> list[dict[str, Any]]:
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="library-eval-") as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        corpus.mkdir()
        # The plans the set is about: those its questions name or list, and every plan a "which" offers.
        slugs = sorted({q["plan"] for q in questions if q["plan"]} | {s for q in questions for s in q["plans_all"]})
        library_corpus(corpus, slugs)
        from index.store import build_index

        build_index(corpus, index, embedder=embedder)
        asst = Assistant.load(Settings(index=index, corpus=corpus), index=index)
        rows = []
        for q in questions:
            try:
                ans = asst.ask(q["q"])
            except QuestionError:
                ans = None
            rows.append({**q, "answer": ans.answer if ans else "", "route": ans.route if ans else "",
                         "named": [p["id"] for p in ans.plans] if ans else [], "scores": score(q, ans)})
        return rows


def table(rows: list[dict[str, Any]]) -> str:
    metrics = ("right_plan", "facts", "lists", "plan_lists", "which", "oos_declined", "false_abstain")
    lines = ["| group | n | " + " | ".join(metrics) + " |", "|---|---|" + "---|" * len(metrics)]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups["all"].append(r)
        groups[f"style {r['style']}"].append(r)
        groups[f"kind {r['kind']}"].append(r)
        groups[f"plan {r['plan'] or '(none)'}"].append(r)
        groups[f"route {r['route'] or '(error)'}"].append(r)
    for name, rs in groups.items():
        cells = []
        for m in metrics:
            vals = [r["scores"][m] for r in rs if m in r["scores"]]
            cells.append(f"{sum(vals) / len(vals):.3f} ({len(vals)})" if vals else "")
        lines.append(f"| {name} | {len(rs)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SET
    rows = run(path)
    print(table(rows))
    misses = [r for r in rows if any(v < 1.0 for k, v in r["scores"].items() if k != "false_abstain")
              or r["scores"].get("false_abstain")]
    out = Path("docs/eval") / path.parent.name  # docs/eval/library, docs/eval/library-v2
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (out / "report.md").write_text(
        "# The library set\n\nGenerated by `python -m eval.library`: every plan in one index (.txt, .md, .docx, .pdf, "
        ".html), each question scored on the plan its answer comes from.\n\n" + table(rows) + "\n", encoding="utf-8")
    print(f"{len(misses)} misses; results in {out}/results.jsonl", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
