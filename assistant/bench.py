"""`make bench`: build time, warm search/ask latency (p50/p95) and peak RSS beside the cost of one embedding."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def _row(name: str, xs: list[float], budget: str = "") -> str:
    return (f"{name:<22} n={len(xs):<4} p50={statistics.median(xs) * 1000:7.2f} ms  "
            f"p95={_pct(xs, 95) * 1000:7.2f} ms  {budget}")


def _questions(path: Path, n: int) -> list[str]:
    qs = [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return (qs * (n // max(1, len(qs)) + 1))[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--index", type=Path, default=Path("var/index"))
    ap.add_argument("--questions", type=Path, default=Path("eval/questions.jsonl"))
    ap.add_argument("--n", type=int, default=200)
    a = ap.parse_args()

    from assistant import Assistant, Settings
    from index.embed import get_embedder
    from index.store import build_index

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        build_index(a.corpus, Path(tmp) / "index")  # model load included: first use in this process
        build_s = time.perf_counter() - t

    asst = Assistant.load(Settings(index=a.index))
    emb = get_embedder(str(asst.retriever.index.meta["embedder"]))
    qs = _questions(a.questions, a.n)
    for q in qs[:10]:  # warm-up
        asst.ask(q)
    embed_t, search_t, ask_t = [], [], []
    for q in qs:
        t = time.perf_counter()
        emb.queries([q])
        embed_t.append(time.perf_counter() - t)
        # The retriever keeps the vectors of recent questions; each timing starts without them, so that
        # search and ask each include embedding the question, as a new question does.
        asst.retriever._embedded.clear()
        t = time.perf_counter()
        asst.search(q)
        search_t.append(time.perf_counter() - t)
        asst.retriever._embedded.clear()
        t = time.perf_counter()
        asst.ask(q)
        ask_t.append(time.perf_counter() - t)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"build (model load incl.) {build_s:6.2f} s   budget <= 15 s")
    print(_row("embed one question", embed_t, "(the floor)"))
    print(_row("search (warm)", search_t))
    print(_row("ask (warm)", ask_t, "budget p50 <= 25 ms, p95 <= 60 ms"))
    print(f"peak RSS               {rss_mb:7.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
