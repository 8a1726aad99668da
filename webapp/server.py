"""Serve the web app: flags, optional login, the index loaded (or built) once, a bounded queue."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from index.store import CorpusError, IndexError_, build_index
from webapp.feedback import FeedbackError, FeedbackStore

# No telemetry or version checks: the app runs where only the package registries are reachable.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

ENV_USER, ENV_PASSWORD, ENV_FEEDBACK = "PLAN_APP_USER", "PLAN_APP_PASSWORD", "PLAN_APP_FEEDBACK"


def parse_args(argv: Sequence[str] | None = None, env: Mapping[str, str] = os.environ) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="app.py", description="Web app for questions about plan 65/KH-UBND.")
    ap.add_argument("--index", type=Path, default=Path("var/index"), help="index folder (built if missing)")
    ap.add_argument(
        "--corpus", type=Path, default=Path("corpus"), help="plan files to build a missing index from"
    )
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--port", type=int, default=7860, help="port to listen on (default 7860)")
    ap.add_argument(
        "--feedback",
        type=Path,
        default=Path(env.get(ENV_FEEDBACK) or "var/feedback.sqlite"),
        help=f"SQLite file for answer ratings (default var/feedback.sqlite, or ${ENV_FEEDBACK})",
    )
    ap.add_argument("--concurrency", type=int, default=4, help="requests answered at once (default 4)")
    ap.add_argument("--queue-size", type=int, default=256, help="requests waiting at most (default 256)")
    args = ap.parse_args(argv)
    if not 0 <= args.port <= 65535:
        ap.error("--port must be between 0 and 65535")
    if args.concurrency < 1 or args.queue_size < 1:
        ap.error("--concurrency and --queue-size must be at least 1")
    return args


def auth_from_env(env: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """The login from PLAN_APP_USER / PLAN_APP_PASSWORD, None when neither is set."""
    user, password = env.get(ENV_USER, ""), env.get(ENV_PASSWORD, "")
    if not user and not password:
        return None
    if not user or not password:
        raise ValueError(f"set both {ENV_USER} and {ENV_PASSWORD} to require a login, or neither")
    return user, password


def load_assistant(index: Path, corpus: Path) -> Assistant:
    """Load the index once; build it first when there is none (raises IndexError_/CorpusError)."""
    if not (index / "meta.json").exists():
        print(f"no index at {index}: building it from {corpus} …", file=sys.stderr, flush=True)
        build_index(corpus, index)
    return Assistant.load(Settings(index=index, corpus=corpus))


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        auth = auth_from_env()
        asst = load_assistant(args.index, args.corpus)
        store = FeedbackStore(args.feedback)
    except (ValueError, IndexError_, CorpusError, FeedbackError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    # A service manager stops the app with SIGTERM: shut down as on Ctrl-C, removing the work folder.
    signal.signal(signal.SIGTERM, _interrupt)
    with tempfile.TemporaryDirectory(prefix="plan-app-") as work:
        start(
            asst,
            store,
            Path(work),
            args.host,
            args.port,
            auth=auth,
            concurrency=args.concurrency,
            queue_size=args.queue_size,
        )
    return 0


def start(
    asst: Assistant,
    store: FeedbackStore,
    workdir: Path,
    host: str,
    port: int,
    *,
    auth: tuple[str, str] | None = None,
    concurrency: int = 4,
    queue_size: int = 256,
    block: bool = True,
) -> Any:
    """Build and launch the app; with block=False return the running gr.Blocks (call .close())."""
    from webapp.chat import ChatService
    from webapp.style import CSS
    from webapp.ui import build_app, theme

    demo = build_app(ChatService(asst), store, workdir)
    demo.queue(default_concurrency_limit=concurrency, max_size=queue_size)
    demo.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        ssr_mode=False,
        css=CSS,
        theme=theme(),
        footer_links=["api"],
        quiet=not block,
        show_error=False,
        prevent_thread_lock=not block,
    )
    return demo
