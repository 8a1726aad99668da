"""`make bench-scale`: 1, 10, 100 and 500 plans: build, add, size, load, web cold start, memory, warm `ask`.

The plans are variants of the seven plans at hand (plan 65 and tests/data/plans/*): another number,
date and province. Variants share most of their passages, so the embedding cache (index/cache.py)
embeds each distinct passage once: build times per plan here are mostly cached, and the table says
how many passages each build embedded. One plan embedded without any cache and one plan added to
the 100-plan index are measured uncached.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from index.genre import UPPER
from index.parse import Plan

SOURCES = [Path("corpus/plan-65-web.txt"), *sorted(Path("tests/data/plans").glob("*"))]
_NUMBER = re.compile(r"Số:\s*(\d+)/((?:KH|QĐ)-UBND)")
_PLACE = re.compile(rf"([{UPPER}][^\W\d_]*(?: [{UPPER}][^\W\d_]*)*), ngày")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})")


def variant(text: str, n: int, province: str) -> str:
    """Plan text with number `n`, the first date moved and the province renamed."""
    num = _NUMBER.search(text)
    if num:
        text = text.replace(f"{num.group(1)}/{num.group(2)}", f"{n}/{num.group(2)}")
    place = _PLACE.search(text)
    if place and place.group(1) != province:
        old = place.group(1)
        for a, b in ((old, province), (old.upper(), province.upper())):
            text = text.replace(a, b)
    return _DATE.sub(lambda m: f"ngày {1 + n % 28} tháng {1 + n % 12}", text, count=1)


def read_corpus_plans(sources: list[Path]) -> list[Plan]:
    from index.ingest import read_document
    from index.parse import parse_plan

    return [parse_plan(read_document(src).text, src.name) for src in sources]


def generate(folder: Path, count: int) -> list[Path]:
    """The originals first (plan 65 alone is the 1-plan library), then variants cycling through them."""
    folder.mkdir(parents=True, exist_ok=True)
    # Variants move a plan to the province of another: the provinces the originals' headers name.
    provinces = [p.place for p in read_corpus_plans(SOURCES)]
    out = []
    for i in range(count):
        src = SOURCES[i % len(SOURCES)]
        if i < len(SOURCES):
            text = src.read_text(encoding="utf-8")
            name = src.name
        else:
            text = variant(src.read_text(encoding="utf-8"), 100 + i, provinces[(i // len(SOURCES)) % len(provinces)])
            name = f"v{i:03d}-{src.name}"
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(*args: str) -> dict[str, float]:
    """Run one step in a fresh process (its own peak RSS, a cold start); it prints one JSON line."""
    r = subprocess.run([sys.executable, "-m", "assistant.bench_scale", *args], capture_output=True, text=True,
                       check=False)
    if r.returncode != 0:
        raise SystemExit(f"step {args[0]} failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


# -- steps, each run in its own process ----------------------------------------------------------------


def step_build(corpus: str, index: str, cache: str) -> dict[str, float]:
    from index.store import build_index

    t = time.perf_counter()
    ix = build_index(Path(corpus), Path(index), cache=Path(cache) if cache else None)
    return {"s": time.perf_counter() - t, "embedded": float(ix.meta["embedded"]),  # type: ignore[arg-type]
            "reused": float(ix.meta["reused"]), "chunks": len(ix.chunks), "rss": _rss_mb()}  # type: ignore[arg-type]


def step_add(index: str, file: str) -> dict[str, float]:
    from index.library import add_plans

    t = time.perf_counter()
    ix = add_plans(Path(index), [Path(file)])
    s = time.perf_counter() - t
    new = [c.embed_text() for c in ix.chunks if c.doc == Path(file).name]
    from index.embed import get_embedder

    model = get_embedder("e5")
    t = time.perf_counter()
    model.passages(new)  # the same passages embedded alone: what an add cannot do without
    return {"s": s, "embed_s": time.perf_counter() - t, "embedded": float(ix.meta["embedded"]),  # type: ignore[arg-type]
            "passages": len(new), "rss": _rss_mb()}


def step_app(index: str, questions: str) -> dict[str, float]:
    t0 = time.perf_counter()
    from assistant.core import Assistant
    from assistant.settings import Settings
    from index.embed import get_embedder

    get_embedder("e5")
    t1 = time.perf_counter()
    asst = Assistant.load(Settings(index=Path(index)))
    t2 = time.perf_counter()
    qs = json.loads(Path(questions).read_text(encoding="utf-8"))
    out: dict[str, float] = {"import_s": t1 - t0, "load_s": t2 - t1}
    # The load leaves the library-wide tables to the first question that needs them: it pays for them.
    t = time.perf_counter()
    asst.ask(qs["unnamed"][0])
    out["first_s"] = time.perf_counter() - t
    # Warm: every question asked once first, so each plan a question reaches has built its tables (a
    # plan's first question pays for them, ~30-60 ms; "first ask" above is the library's first).
    for kind in ("named", "unnamed"):
        for q in qs[kind]:
            asst.ask(q)
    for kind in ("named", "unnamed"):
        times = []
        for q in qs[kind]:
            t = time.perf_counter()
            asst.ask(q)
            times.append(time.perf_counter() - t)
        out[f"{kind}_p50"], out[f"{kind}_p95"] = statistics.median(times), _pct(times, 95)
    out["rss"] = _rss_mb()
    return out


def step_web(index: str, feedback: str) -> dict[str, float]:
    """The web app's cold start as `make run` starts it: from starting app.py to its page served.

    The table's "load s" is only `Assistant.load`; a user waits for imports, the embedder, the load and
    the interface too. The page is the first 200 on "/" (polled every 0.1 s; the browser's tables are
    drawn later, on the page's load event), the memory the app's resident set then. Ratings go to
    `feedback`, not to the developer's var/feedback.sqlite.
    """
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "app.py", "--index", index, "--host", "127.0.0.1", "--port",
                                 str(port), "--feedback", feedback], stdout=log, stderr=subprocess.STDOUT)
        try:
            while not _serves(url):
                if proc.poll() is not None or time.perf_counter() - t > 120:
                    log.seek(0)
                    why = f"exited with {proc.returncode}" if proc.returncode is not None else "took over 120 s"
                    raise RuntimeError(f"app.py {why} before serving {url}:\n"
                                       f"{log.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.1)
            out = {"cold_s": time.perf_counter() - t, "rss": _vm_rss_mb(proc.pid)}
            proc.terminate()  # SIGTERM: the app shuts down as on Ctrl-C and removes its work folder
            if proc.wait(timeout=30) != 0:
                log.seek(0)
                raise RuntimeError(f"app.py exited with {proc.returncode} on SIGTERM:\n"
                                   f"{log.read().decode(errors='replace')[-2000:]}")
            return out
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return bool(r.status == 200)
    except OSError:  # refused while the app starts; URLError and HTTPError are OSErrors
        return False


def _vm_rss_mb(pid: int) -> float:
    """Another process's resident memory now (getrusage sees only this one and its waited children)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS in /proc/{pid}/status")


def step_faiss(index: str, sizes: str) -> dict[str, float]:
    """Flat search time on the real vectors and on synthetic libraries, and HNSW's recall@10 against flat."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as the app runs (index/embed.py)
    import faiss
    import numpy as np

    from index.store import vector_index

    real = faiss.read_index(str(Path(index) / "index.faiss"))
    base = real.reconstruct_n(0, real.ntotal)
    rng = np.random.default_rng(0)
    out: dict[str, float] = {}
    queries = base[rng.choice(len(base), 200)] + rng.normal(0, 0.02, (200, base.shape[1])).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    for n in (int(x) for x in sizes.split(",")):
        # Synthetic vectors near the real ones: a library of n passages of the same genre.
        vecs = base[rng.integers(0, len(base), n)] + rng.normal(0, 0.03, (n, base.shape[1])).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        flat = faiss.IndexFlatIP(base.shape[1])
        flat.add(vecs)
        for threads in (1, 2):  # one question at a time: a second thread only adds hand-over
            faiss.omp_set_num_threads(threads)
            t = time.perf_counter()
            for q in queries:
                flat.search(q[None], 10)
            out[f"flat_ms_{n}_{threads}thr"] = (time.perf_counter() - t) / len(queries) * 1000
        faiss.omp_set_num_threads(2)
        _, gold = flat.search(queries, 10)
        t = time.perf_counter()
        hnsw = vector_index(vecs, flat_max=0)  # the HNSW index a build past FLAT_MAX makes
        out[f"hnsw_build_s_{n}"] = time.perf_counter() - t
        t = time.perf_counter()
        for q in queries:
            hnsw.search(q[None], 10)
        out[f"hnsw_ms_{n}"] = (time.perf_counter() - t) / len(queries) * 1000
        _, got = hnsw.search(queries, 10)
        out[f"hnsw_recall_{n}"] = float(np.mean([len(set(g) & set(h)) / 10 for g, h in zip(gold, got, strict=True)]))
    return out


STEPS: dict[str, Callable[..., dict[str, float]]] = {"build": step_build, "add": step_add, "app": step_app,
                                                     "web": step_web, "faiss": step_faiss}


def _questions(plans: list[Path], out: Path) -> Path:
    """Questions of the source plans' own sets; "named" ones name a plan of the library by its number."""
    from index.ingest import read_document
    from index.parse import parse_plan

    unnamed = []
    for src in SOURCES:
        qfile = Path("eval/sets") / src.stem / "questions.jsonl"
        rows = [json.loads(x) for x in qfile.read_text(encoding="utf-8").splitlines() if x.strip()]
        unnamed += [r["q"] for r in rows if r.get("kind") != "oos"][:15]
    numbers = [parse_plan(read_document(p).text, p.name).number for p in plans[:: max(1, len(plans) // 20)]]
    named = [f"Theo Kế hoạch {numbers[i % len(numbers)]}, {q[0].lower()}{q[1:]}" for i, q in enumerate(unnamed)]
    out.write_text(json.dumps({"named": named, "unnamed": unnamed}, ensure_ascii=False), encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,10,100,500")
    ap.add_argument("--work", type=Path, default=Path("var/bench-scale"))
    ap.add_argument("--keep-cache", action="store_true", help="reuse the embedding cache of an earlier run")
    ap.add_argument("--faiss-sizes", default="20000,50000,100000,200000")
    ap.add_argument("step", nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.step:
        print(json.dumps(STEPS[a.step[0]](*a.step[1:])))
        return 0
    from index.store import meta_digest

    sizes = [int(x) for x in a.sizes.split(",")]
    work = a.work.resolve()
    cache = work / "cache"
    if not a.keep_cache:
        shutil.rmtree(cache, ignore_errors=True)
    plans = generate(work / "plans", max(sizes))
    rows = []
    shutil.rmtree(work / "index-uncached", ignore_errors=True)
    # With the cache folder emptied above, this first build embeds every passage of plan 65.
    uncached = _child("build", str(_corpus(work, plans[:1], "uncached")), str(work / "index-uncached"),
                      "" if a.keep_cache else str(cache))
    print(f"one plan embedded without cache ({plans[0].name}): {uncached['s']:.1f} s, "
          f"{uncached['embedded']:.0f} passages, peak RSS {uncached['rss']:.0f} MB", flush=True)
    for n in sizes:
        corpus = _corpus(work, plans[:n], str(n))
        index = work / f"index-{n}"
        shutil.rmtree(index, ignore_errors=True)
        b = _child("build", str(corpus), str(index), str(cache))
        qs = _questions(plans[:n], work / f"questions-{n}.json")
        app = _child("app", str(index), str(qs))
        web = _child("web", str(index), str(work / "feedback.sqlite"))
        size = sum(f.stat().st_size for f in index.iterdir()) / 2**20
        rows.append((n, b, app, web, size))
        print(f"{n} plans: build {b['s']:.1f} s ({b['embedded']:.0f} embedded, {b['reused']:.0f} reused), "
              f"load {app['load_s']:.2f} s, web cold start {web['cold_s']:.1f} s", flush=True)
    added = None
    if 100 in sizes:
        copy = work / "index-100-add"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(work / "index-100", copy)
        shutil.rmtree(work / "c100-add", ignore_errors=True)
        shutil.copytree(work / "c100", work / "c100-add")
        meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
        meta["corpus_dir"] = str(work / "c100-add")  # not a checked file: the copy adds to its own corpus
        meta["digest"] = meta_digest(meta)  # else the add finds no index to reuse and embeds every passage
        (copy / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        added = _child("add", str(copy), "tests/data/plan-demo.txt")
    _table(rows, uncached, added)
    print(json.dumps(_child("faiss", str(work / f"index-{max(sizes)}"), a.faiss_sizes)))
    return 0


def _corpus(work: Path, plans: list[Path], name: str) -> Path:
    folder = work / f"c{name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for p in plans:
        shutil.copyfile(p, folder / p.name)
    return folder


def _table(rows: list[tuple[int, dict[str, float], dict[str, float], dict[str, float], float]],
           uncached: dict[str, float], added: dict[str, float] | None) -> None:
    print()
    print("| plans | chunks | build s | s/plan | passages embedded / reused | build peak RSS MB | index MB "
          "| load s | first ask s | app peak RSS MB | web cold start s | web RSS MB "
          "| ask p50 / p95 ms, plan named | ask p50 / p95 ms, no plan named |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, b, app, web, size in rows:
        print(f"| {n} | {b['chunks']:.0f} | {b['s']:.1f} | {b['s'] / n:.2f} | {b['embedded']:.0f} / {b['reused']:.0f} "
              f"| {b['rss']:.0f} | {size:.1f} | {app['load_s']:.2f} | {app['first_s']:.2f} | {app['rss']:.0f} "
              f"| {web['cold_s']:.1f} | {web['rss']:.0f} "
              f"| {app['named_p50'] * 1000:.1f} / {app['named_p95'] * 1000:.1f} "
              f"| {app['unnamed_p50'] * 1000:.1f} / {app['unnamed_p95'] * 1000:.1f} |")
    print(f"\nOne plan, no cache: {uncached['s']:.1f} s to build ({uncached['embedded']:.0f} passages embedded).")
    if added:
        print(f"Add one new plan (tests/data/plan-demo.txt, nothing cached) to the 100-plan index: {added['s']:.1f} s, "
              f"{added['embedded']:.0f} passages embedded; embedding its {added['passages']:.0f} passages alone "
              f"takes {added['embed_s']:.1f} s; peak RSS {added['rss']:.0f} MB.")


if __name__ == "__main__":
    raise SystemExit(main())
