"""Load benchmark of the web app: concurrent gradio_client users against a local server.

`python -m tests.bench_web --index var/index` starts app.py on a free 127.0.0.1 port, asks
each question once in turn for reference answers, runs 20 users × 25 questions through the
"chat" endpoint, and reports errors (an answer unlike the sequential one counts as one),
p50/p95 latency and the server's resident memory. Every request goes to 127.0.0.1; the run is bounded in count and
time and stops the server it started.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUIET_ENV = {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_DISABLE_TELEMETRY": "1", "HF_HUB_OFFLINE": "1"}
os.environ.update(QUIET_ENV)  # before gradio_client is imported: no telemetry from the clients

QUESTIONS = (
    "Which agency leads task 6đ?",
    "Cơ quan nào chủ trì nhiệm vụ 6đ?",
    "so nao chu tri nhiem vu 6d",
    "Thời gian thực hiện nhiệm vụ III.3?",
    "Chỉ tiêu bảo hiểm y tế đến năm 2030 là bao nhiêu?",
    "Which tasks does the Department of Health lead?",
    "Cơ quan nào phối hợp thực hiện nhiệm vụ về giáo dục?",
    "Kế hoạch do ai ký?",
    "What is the timeline of task 5.d?",
    "Sở Lao động - Thương binh và Xã hội chủ trì những nhiệm vụ nào?",
    "Mục tiêu tổng quát đến năm 2030 là gì?",
    "How many social housing units by 2030?",
    "nhiem vu ve nuoc sach do co quan nao chu tri",
    "Who coordinates task III.8.b?",
    "Giá vàng hôm nay bao nhiêu?",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process, in MB, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def cpu_s(pid: int) -> float:
    """User + system CPU time a process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def app_server(index: Path, feedback: Path | str, env: dict[str, str] | None = None,
               timeout: float = 120, log_to: Path | None = None,
               args: tuple[str, ...] = ()) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run app.py on a free 127.0.0.1 port until the block exits; yields (url, process).
    Its output goes to `log_to` when given."""
    port = free_port()
    cmd = [sys.executable, str(ROOT / "app.py"), "--index", str(index), "--host", "127.0.0.1",
           "--port", str(port), "--feedback", str(feedback), *args]
    log = open(log_to, "w+b") if log_to else tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **QUIET_ENV, **(env or {})}, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"app.py exited with {proc.returncode}: {log.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(url + "config", timeout=2) as r:
                    if r.status in (200, 401):
                        break
            except OSError as exc:
                if getattr(exc, "code", None) == 401:
                    break
            if time.monotonic() > deadline:
                raise TimeoutError(f"app.py did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.25)
        yield url, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


def sequential_answers(url: str) -> dict[str, str]:
    """Each question's answer from one client asking one at a time: the reference for the load run."""
    from gradio_client import Client

    client = Client(url, verbose=False, analytics_enabled=False)
    try:
        return {q: str(client.predict(q, api_name="/chat")) for q in QUESTIONS}
    finally:
        client.close()


def run(url: str, users: int, per_user: int, deadline_s: float,
        expected: dict[str, str] | None = None) -> dict[str, object]:
    """`users` threads, each with its own client, ask `per_user` questions; returns the numbers.
    With `expected`, an answer that differs from the sequential run's counts as an error."""
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + deadline_s

    def user(k: int) -> None:
        try:
            client = Client(url, verbose=False, analytics_enabled=False)
        except Exception as exc:
            with lock:
                errors.extend([f"connect: {exc!r}"] * per_user)
            return
        for i in range(per_user):
            if time.monotonic() > stop_at:
                with lock:
                    errors.append("deadline")
                continue
            q = QUESTIONS[(k * per_user + i) % len(QUESTIONS)]
            t0 = time.perf_counter()
            try:
                out = client.predict(q, api_name="/chat")
                ok = isinstance(out, str) and out.strip() != "" and (expected is None or out == expected[q])
            except Exception as exc:
                ok, out = False, repr(exc)
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                if not ok:
                    errors.append(f"{q!r}: {str(out)[:200]}")
        client.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=user, args=(k,), daemon=True) for k in range(users)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=max(1.0, stop_at - time.monotonic() + 30))
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else lat * 99
    return {
        "requests": len(lat), "errors": len(errors), "error_samples": errors[:5], "wall_s": round(wall, 2),
        "throughput_rps": round(len(lat) / wall, 1) if wall else 0.0,
        "p50_ms": round(q[49] * 1000, 1) if lat else None, "p95_ms": round(q[94] * 1000, 1) if lat else None,
        "max_ms": round(lat[-1] * 1000, 1) if lat else None,
    }


def rest_probe(url: str, n: int) -> dict[str, object]:
    """Sequential requests through Gradio's plain HTTP API: the server's own latency, without
    gradio_client's per-call overhead (its job threads and event stream)."""
    import httpx

    lat, errors = [], 0
    with httpx.Client(timeout=30) as h:
        for i in range(n):
            t0 = time.perf_counter()
            try:
                r = h.post(url + "gradio_api/call/chat", json={"data": [QUESTIONS[i % len(QUESTIONS)]]})
                with h.stream("GET", url + f"gradio_api/call/chat/{r.json()['event_id']}") as stream:
                    ok = "event: complete" in "".join(stream.iter_text())
            except (httpx.HTTPError, ValueError, KeyError):
                ok = False
            lat.append(time.perf_counter() - t0)
            errors += not ok
    lat.sort()
    return {"rest_requests": n, "rest_errors": errors, "rest_p50_ms": round(lat[len(lat) // 2] * 1000, 1),
            "rest_p95_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.95))] * 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench_web", description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, default=Path("var/index"))
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--questions", type=int, default=25, help="questions per user")
    ap.add_argument("--deadline", type=float, default=300.0, help="seconds before remaining requests are dropped")
    ap.add_argument("--max-rss-mb", type=float, default=600.0)
    ap.add_argument("--rest-probe", type=int, default=50, help="sequential plain-HTTP requests afterwards")
    args = ap.parse_args(argv)
    if not 1 <= args.users <= 100 or not 1 <= args.questions <= 200:
        ap.error("--users must be 1..100 and --questions 1..200 (the benchmark stays bounded)")
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        t0 = time.perf_counter()
        with app_server(args.index, Path(tmp) / "feedback.sqlite") as (url, proc):
            startup = time.perf_counter() - t0
            idle_rss, _ = rss_mb(proc.pid)
            cpu0 = cpu_s(proc.pid)
            expected = sequential_answers(url)
            report = run(url, args.users, args.questions, args.deadline, expected)
            rss, peak = rss_mb(proc.pid)
            served = max(1, int(str(report["requests"])))
            report["server_cpu_ms_per_request"] = round((cpu_s(proc.pid) - cpu0) * 1000 / served, 1)
            if args.rest_probe > 0:
                report.update(rest_probe(url, min(args.rest_probe, 500)))
    report.update(users=args.users, questions_per_user=args.questions, startup_s=round(startup, 2),
                  server_rss_idle_mb=round(idle_rss, 1), server_rss_mb=round(rss, 1),
                  server_rss_peak_mb=round(peak, 1))
    print(json.dumps(report, ensure_ascii=False, indent=2))
    ok = report["errors"] == 0 and not report.get("rest_errors") and peak <= args.max_rss_mb
    print(f"{'PASS' if ok else 'FAIL'}: {report['requests']} requests, {report['errors']} errors, "
          f"p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, server RSS peak {peak:.0f} MB "
          f"(budget {args.max_rss_mb:.0f} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
