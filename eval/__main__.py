"""`python -m eval` (plan-eval): validate, run, compare, docs, calibrate."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from eval.questions import DEFAULT_PLAN, DEFAULT_QUESTIONS, Question, QuestionsError, load_questions

RETRIEVERS = ("hybrid", "dense", "bm25", "rrf")


class UsageError(Exception):
    """A problem with the command line or its inputs; printed as one line, exit status 2."""


def _questions(path: Path) -> list[Question]:
    try:
        questions = load_questions(path)
    except QuestionsError as exc:
        raise UsageError(str(exc)) from exc
    if not questions:
        raise UsageError(f"{path} holds no questions")
    return questions


def cmd_validate(args: argparse.Namespace) -> int:
    from eval.questions import plan_sections, validate

    try:
        problems = validate(load_questions(args.questions), plan_sections(args.plan))
    except QuestionsError as exc:
        problems = [str(exc)]
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {args.questions}", file=sys.stderr)
        return 2
    print(f"{args.questions}: ok")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from eval.report import build_report, console, markdown
    from eval.runner import run
    from eval.trec import write_qrels, write_run

    questions = _questions(args.questions)
    t0 = time.perf_counter()
    results, config = run(questions, args.index, args.corpus, args.retriever, args.embedder, args.k, args.plan)
    config = {"questions_file": str(args.questions), **config, "seconds": round(time.perf_counter() - t0, 1),
              "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "")}
    report = build_report(results, config)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "report.md").write_text(markdown(report), encoding="utf-8")
    (out / "results.jsonl").write_text(
        "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
    tag = f"{config['retriever']}-{config['embedder']}".replace(" ", "_")
    write_run(out / "run.trec", {r.question.id: r.ranking for r in results}, tag)
    write_qrels(out / "qrels.trec", [q for q in questions if q.kind != "oos"])
    print(console(report))
    print(f"wrote {out}/report.json, report.md, results.jsonl, run.trec, qrels.trec", file=sys.stderr)
    return 0


def cmd_plans(args: argparse.Namespace) -> int:
    from eval.plans import main as plans_main

    return plans_main(args.out, args.sets, args.only)


def cmd_abstention(args: argparse.Namespace) -> int:
    from eval.abstention import main as fit_main

    return fit_main(sorted(Path("eval").glob("holdout*.jsonl")), args.index)


def cmd_compare(args: argparse.Namespace) -> int:
    from eval.compare import compare, compare_markdown, console

    questions = _questions(args.questions)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    result = compare(questions, args.corpus, args.index if args.index.is_dir() else None,
                     plot=out / "recall_at_k.png")
    result["questions_file"] = str(args.questions)
    (out / "compare.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "compare.md").write_text(compare_markdown(result), encoding="utf-8")
    print(console(result))
    print(f"wrote {out}/compare.json, compare.md, recall_at_k.png", file=sys.stderr)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from eval.docs import write_docs

    try:
        path = write_docs(args.out, args.doc)
    except FileNotFoundError as exc:
        raise UsageError(f"{exc}; run 'python -m eval run --out {args.out}' and "
                         f"'python -m eval compare --out {args.out}' first") from exc
    print(f"wrote {path}")
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from eval.calibrate import calibrate, calibration_text

    questions = _questions(args.questions)
    result = calibrate(questions, args.index, args.corpus)
    print(calibration_text(result))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "calibrate.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="plan-eval", description="Evaluate the plan assistant.")
    sub = ap.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, index: bool = True) -> None:
        p.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS,
                       help="our JSONL file or a BEIR folder (default: %(default)s)")
        p.add_argument("--corpus", type=Path, default=Path("corpus"), help="plan folder (default: %(default)s)")
        if index:
            p.add_argument("--index", type=Path, default=Path("var/index"), help="built index (default: %(default)s)")

    p = sub.add_parser("validate", help="check the questions against the plan; exit 2 on any problem")
    common(p, index=False)
    p.add_argument("--plan", type=Path, default=DEFAULT_PLAN, help="plan file (default: %(default)s)")
    p.set_defaults(fn=cmd_validate)

    p = sub.add_parser("run", help="ask every question once; write report.json/md, run.trec, qrels.trec")
    common(p)
    p.add_argument("--retriever", choices=RETRIEVERS, default="hybrid")
    p.add_argument("--embedder", default=None, help="e5 or st:NAME; another than the index's builds a temporary index")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--plan", default=None, help="ask every question of this loaded plan (number or file)")
    p.add_argument("--out", type=Path, default=Path("var/eval"))
    p.set_defaults(fn=cmd_run)

    p = sub.add_parser("plans", help="every plan's own set (eval/sets/<plan>), per plan, style, kind and route")
    p.add_argument("--sets", type=Path, default=Path("eval/sets"))
    p.add_argument("--out", type=Path, default=Path("docs/eval/plans"))
    p.add_argument("--only", nargs="*", default=[], help="plan folders to run (default: all)")
    p.set_defaults(fn=cmd_plans)

    p = sub.add_parser("abstention", help="fit the evidence thresholds for declining on every development set")
    p.add_argument("--index", type=Path, default=Path("var/index"))
    p.set_defaults(fn=cmd_abstention)

    p = sub.add_parser("compare", help="retrievers x embedders x chunk sizes, with significance tests")
    common(p)
    p.add_argument("--out", type=Path, default=Path("var/eval"))
    p.set_defaults(fn=cmd_compare)

    p = sub.add_parser("docs", help="write docs/EVALUATION.md from report.json and compare.json")
    p.add_argument("--out", type=Path, default=Path("var/eval"), help="folder holding report.json and compare.json")
    p.add_argument("--doc", type=Path, default=Path("docs/EVALUATION.md"))
    p.set_defaults(fn=cmd_docs)

    p = sub.add_parser("calibrate", help="abstention thresholds: precision/recall on the questions")
    common(p)
    p.add_argument("--out", type=Path, default=None, help="also write calibrate.json here")
    p.set_defaults(fn=cmd_calibrate)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "k", 1) < 1:
        print("plan-eval: --k must be at least 1", file=sys.stderr)
        return 2
    # The embedders' OpenMP threads spin while they wait; when other processes share the two
    # cores, spinning makes a question take ~400 ms instead of ~40 ms. Set before the engine loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from index.embed import EmbedderError
    from index.store import CorpusError, IndexError_

    try:
        code: int = args.fn(args)
    except (UsageError, FileNotFoundError, IndexError_, CorpusError, EmbedderError) as exc:
        # The assistant's index and corpus errors carry a message that says how to fix them.
        print(f"plan-eval: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
