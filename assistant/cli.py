"""Command line: build the index, search, ask (one question, a batch, or a chat)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

EXIT_USER = 2
EXIT_SKIPPED = 3  # `build`: an index was written, but some corpus files were skipped (see the report)
K_MIN, K_MAX = 1, 100  # passages retrieved per question (--k, the web app and its API)


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2."""


def k_value(text: str) -> int:
    """--k as given: a whole number from K_MIN to K_MAX."""
    try:
        k = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number from {K_MIN} to {K_MAX}, not {text!r}") from None
    if not K_MIN <= k <= K_MAX:
        raise argparse.ArgumentTypeError(f"must be from {K_MIN} to {K_MAX}, not {k}")
    return k


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", description="Hỏi đáp kế hoạch của UBND (plan assistant).")
    sub = p.add_subparsers(dest="cmd", required=True)

    b = sub.add_parser("build", help="parse, chunk and embed the corpus into an index")
    b.add_argument("--corpus", type=Path, default=Path("corpus"))
    b.add_argument("--index", type=Path, default=Path("var/index"))
    b.add_argument("--embedder", default="e5", help="e5 (default) or st:<model name or local path>")
    b.add_argument("--chunk-size", type=int, default=1000)
    b.add_argument("--overlap", type=int, default=150)
    b.add_argument("--strict", action="store_true",
                   help="fail (exit 2, no index written) when any corpus file is skipped")
    b.add_argument("--cache", type=Path, default=None,
                   help="a folder keeping passage embeddings across builds (the index's own are always reused)")

    ad = sub.add_parser("add", help="copy plan files into the index's corpus folder and index them")
    ad.add_argument("files", type=Path, nargs="+")
    ad.add_argument("--index", type=Path, default=Path("var/index"))
    ad.add_argument("--corpus", type=Path, default=None, help="the corpus folder (default: the index's)")
    ad.add_argument("--cache", type=Path, default=None)

    rm = sub.add_parser("remove", help="take a plan out of the index (its file moves to CORPUS/.removed/)")
    rm.add_argument("plan", help="the plan's file name or number (65/KH-UBND)")
    rm.add_argument("--index", type=Path, default=Path("var/index"))
    rm.add_argument("--corpus", type=Path, default=None, help="the corpus folder (default: the index's)")

    for name, helptext in (("search", "ranked passages for a question"), ("ask", "answer a question")):
        s = sub.add_parser(name, help=helptext)
        s.add_argument("question", nargs="?")
        s.add_argument("--index", type=Path, default=Path("var/index"))
        s.add_argument("--k", type=k_value, default=10)
        s.add_argument("--json", action="store_true", help="print JSON")
        s.add_argument("--retriever", default=None, choices=["hybrid", "dense", "bm25", "rrf"])
        s.add_argument("--plan", default=None, help="only this loaded plan: its number (65/KH-UBND) or file name")
        if name == "ask":
            s.add_argument("--batch", type=Path, help="JSON lines with id and q (or question)")
            s.add_argument("--history", type=Path, help="JSON list of prior turns (messages format)")

    c = sub.add_parser("chat", help="terminal chat with history")
    c.add_argument("--index", type=Path, default=Path("var/index"))
    c.add_argument("--k", type=k_value, default=10)
    return p


def _load(index: Path):
    from assistant.core import Assistant
    from assistant.settings import Settings
    from index.embed import EmbedderError
    from index.store import IndexError_

    try:
        return Assistant.load(Settings(index=index))
    except (IndexError_, EmbedderError) as exc:
        raise UserError(str(exc)) from exc


def _question(text: str | None) -> str:
    if text is None or not text.strip():
        raise UserError("empty question: give a question, e.g. python -m assistant ask \"ai chủ trì nhiệm vụ 6đ?\"")
    return text


def _print_answer(ans, as_json: bool, asst=None) -> None:
    if as_json:
        print(json.dumps(ans.to_json(), ensure_ascii=False))
        return
    if ans.notice:
        print(f"({ans.notice})")
    print(ans.answer)
    for c in ans.citations:
        quote = c.quote if len(c.quote) <= 400 else c.quote[:400] + "…"
        page = c.page
        where = f"{c.doc}, trang {page}, " if page else ""
        print(f"\n  [{where}{c.section}] {c.title}\n  {quote}")


def cmd_build(a: argparse.Namespace) -> int:
    """One line per corpus file, then the index; exit 0, or EXIT_SKIPPED when a file was skipped."""
    from index.embed import EmbedderError
    from index.store import CorpusError, build_index

    t = time.perf_counter()
    try:
        ix = build_index(a.corpus, a.index, a.embedder, a.chunk_size, a.overlap, strict=a.strict,
                         on_file=lambda r: print(r.line(), flush=True), cache=a.cache)
    except (CorpusError, EmbedderError) as exc:
        raise UserError(str(exc)) from exc
    print(f"built {a.index}: {len(ix.chunks)} chunks from {len(ix.plans)} plan(s), "
          f"embedder {ix.meta['embedder']}, {_embedded(ix.meta)}, {time.perf_counter() - t:.1f} s")
    skipped = [r.name for r in ix.report if r.skipped]
    if skipped:
        print(f"warning: {len(skipped)} file(s) skipped ({', '.join(skipped)}); the index holds the rest "
              f"(exit code {EXIT_SKIPPED}; --strict refuses to build)", file=sys.stderr)
        return EXIT_SKIPPED
    return 0


def _embedded(meta: dict[str, object]) -> str:
    return f"{meta.get('embedded', 0)} passages embedded, {meta.get('reused', 0)} reused"


def cmd_add(a: argparse.Namespace) -> int:
    """Index new plan files; the plans already indexed are neither parsed nor embedded again."""
    from index.embed import EmbedderError
    from index.library import add_plans
    from index.store import CorpusError, IndexError_

    t = time.perf_counter()
    names = {f.name for f in a.files}
    try:
        ix = add_plans(a.index, a.files, a.corpus, a.cache,
                       on_file=lambda r: print(r.line(), flush=True) if r.name in names or r.skipped else None)
    except (CorpusError, EmbedderError, IndexError_) as exc:
        raise UserError(str(exc)) from exc
    print(f"added {len(names)} file(s) to {a.index}: now {len(ix.plans)} plan(s), {len(ix.chunks)} chunks; "
          f"{_embedded(ix.meta)}, {time.perf_counter() - t:.1f} s")
    return 0


def cmd_remove(a: argparse.Namespace) -> int:
    from index.embed import EmbedderError
    from index.library import REMOVED, remove_plan
    from index.store import CorpusError, IndexError_

    try:
        source, ix = remove_plan(a.index, a.plan, a.corpus)
    except (CorpusError, EmbedderError, IndexError_) as exc:
        raise UserError(str(exc)) from exc
    print(f"removed {source} from {a.index} (the file is now in {REMOVED}/ of the corpus folder): "
          f"{len(ix.plans)} plan(s), {len(ix.chunks)} chunks left")
    return 0


def cmd_search(a: argparse.Namespace) -> int:
    from assistant.core import QuestionError

    question = _question(a.question)
    asst = _load(a.index)
    try:
        hits = asst.search(question, a.k, a.retriever, plan=a.plan)
    except QuestionError as exc:
        raise UserError(str(exc)) from exc
    if a.json:
        from dataclasses import asdict

        print(json.dumps({"question": question, "hits": [asdict(h) for h in hits]}, ensure_ascii=False))
        return 0
    from index.normalize import unwrap

    for n, h in enumerate(hits, 1):
        print(f"{n:2d}. [{h.section}] ({h.score:.3f}) {h.title}\n    {unwrap(h.text)[:200]}")
    return 0


def _read_batch(path: Path) -> list[tuple[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc.__class__.__name__}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            qid, q = str(rec.get("id", n)), rec.get("q", rec.get("question"))
        except (ValueError, AttributeError) as exc:
            raise UserError(f"{path}:{n}: not a JSON object with 'id' and 'q'") from exc
        if not isinstance(q, str):
            raise UserError(f"{path}:{n}: missing 'q' (or 'question')")
        out.append((qid, q))
    return out


def cmd_ask(a: argparse.Namespace) -> int:
    from assistant.core import QuestionError

    if a.batch:
        if a.question:
            raise UserError("give either a question or --batch FILE, not both")
        items = _read_batch(a.batch)
        asst = _load(a.index)
        for qid, q in items:
            try:
                print(json.dumps(asst.ask(q, a.k, retriever=a.retriever, plan=a.plan).to_json(qid), ensure_ascii=False))
            except QuestionError as exc:
                print(json.dumps({"id": qid, "question": q, "error": str(exc)}, ensure_ascii=False))
        return 0
    question = _question(a.question)
    history = None
    if a.history:
        try:
            history = json.loads(a.history.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read history {a.history}: {exc.__class__.__name__}") from exc
    asst = _load(a.index)
    try:
        ans = asst.ask(question, a.k, history=history, retriever=a.retriever, plan=a.plan)
    except QuestionError as exc:
        raise UserError(str(exc)) from exc
    _print_answer(ans, a.json, asst)
    return 0


def cmd_chat(a: argparse.Namespace) -> int:
    """A terminal chat: each question is read with the ones before it; a clarifying question's
    choices are numbered, and typing a number asks that choice's question."""
    from assistant.core import QuestionError

    asst = _load(a.index)
    history: list[dict[str, str]] = []
    choices: list[str] = []
    from assistant.library import plan_label

    loaded = "; ".join(plan_label(p) for p in asst.plans)
    print(f"Hỏi về {loaded} (Ctrl-D để thoát). Ask in Vietnamese or English.")
    while True:
        try:
            q = input("\n> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not q.strip():
            continue
        if q.strip().isdigit() and 1 <= int(q) <= len(choices):
            q = choices[int(q) - 1]
            print(f"  {q}")
        try:
            ans = asst.ask(q, a.k, history=history)
        except QuestionError as exc:
            print(exc)
            continue
        _print_answer(ans, False, asst)
        choices = [c.question for c in ans.choices]
        if choices:
            print("\n" + ("Type a number:" if ans.style == "en" else "Gõ số để chọn:"))
            for n, c in enumerate(ans.choices, 1):
                print(f"  {n}. {c.label}")
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": ans.answer}]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"build": cmd_build, "add": cmd_add, "remove": cmd_remove, "search": cmd_search, "ask": cmd_ask, "chat": cmd_chat}[args.cmd]
    try:
        return handler(args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER
    except BrokenPipeError:
        return 0
