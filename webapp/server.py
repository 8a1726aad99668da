"""Serve the web app: flags, optional login, the index loaded (or built) once, a bounded queue."""

from __future__ import annotations

import argparse
import errno
import json
import os
import signal
import socket
import sys
import tempfile
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from assistant.cli import k_value
from index.embed import EmbedderError
from index.store import CorpusError, IndexError_, build_index
from webapp.feedback import FeedbackError, FeedbackStore, redact
from webapp.upload import admins_from_env

# No telemetry or version checks: the app runs where only the package registries are reachable.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

ENV_USER, ENV_PASSWORD, ENV_FEEDBACK = "PLAN_APP_USER", "PLAN_APP_PASSWORD", "PLAN_APP_FEEDBACK"
ENV_USERS = "PLAN_APP_USERS"
ENV_DATABASE = "DATABASE_URL"
# A question is answered up to its first 2,000 characters and a history of 40 messages fits
# in far less than this; a bigger request is refused before it is read into memory.
MAX_REQUEST_KB = 256


def parse_args(argv: Sequence[str] | None = None, env: Mapping[str, str] = os.environ) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="app.py", description="Web app for questions about the plans in an index.")
    ap.add_argument("--index", type=Path, default=Path("var/index"), help="index folder (built if missing)")
    ap.add_argument(
        "--corpus", type=Path, default=Path("corpus"), help="plan files to build a missing index from"
    )
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--port", type=int, default=7860, help="port to listen on (default 7860)")
    ap.add_argument(
        "--feedback",
        default=env.get(ENV_DATABASE) or env.get(ENV_FEEDBACK) or "var/feedback.sqlite",
        help=f"where answer ratings are kept: a SQLite file or a postgresql:// URL (default ${ENV_DATABASE}, "
        f"else ${ENV_FEEDBACK}, else var/feedback.sqlite)",
    )
    ap.add_argument("--k", type=k_value, default=10, help="passages retrieved per question, 1 to 100 (default 10)")
    ap.add_argument("--max-request-kb", type=int, default=MAX_REQUEST_KB,
                    help=f"largest request body accepted, in KB (default {MAX_REQUEST_KB})")
    ap.add_argument("--concurrency", type=int, default=4, help="requests answered at once (default 4)")
    ap.add_argument("--queue-size", type=int, default=256, help="requests waiting at most (default 256)")
    args = ap.parse_args(argv)
    if not 0 <= args.port <= 65535:
        ap.error("--port must be between 0 and 65535")
    if args.concurrency < 1 or args.queue_size < 1:
        ap.error("--concurrency and --queue-size must be at least 1")
    if args.max_request_kb < 16:
        ap.error("--max-request-kb must be at least 16")
    return args


def auth_from_env(env: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """The login from PLAN_APP_USER / PLAN_APP_PASSWORD, None when neither is set."""
    user, password = env.get(ENV_USER, ""), env.get(ENV_PASSWORD, "")
    if not user and not password:
        return None
    if not user or not password:
        raise ValueError(f"set both {ENV_USER} and {ENV_PASSWORD} to require a login, or neither")
    return user, password


def logins_from_env(env: Mapping[str, str] = os.environ) -> list[tuple[str, str]]:
    """Every login: PLAN_APP_USER / PLAN_APP_PASSWORD, then PLAN_APP_USERS ("name:password" pairs
    separated by spaces); empty when none is set, and the app asks nobody to sign in."""
    single = auth_from_env(env)
    out = [single] if single else []
    for pair in env.get(ENV_USERS, "").split():
        user, sep, password = pair.partition(":")
        if not (user and sep and password):
            raise ValueError(f"{ENV_USERS}: write each login as name:password, separated by spaces (got {user!r})")
        out.append((user, password))
    names = [u for u, _ in out]
    if len(set(names)) < len(names):
        raise ValueError(f"a user name is given twice in {ENV_USER} and {ENV_USERS}")
    return out


def load_assistant(index: Path, corpus: Path, k: int = 10) -> Assistant:
    """Load the index once; build it first when there is none (raises IndexError_/CorpusError)."""
    if not (index / "meta.json").exists():
        print(f"no index at {index}: building it from {corpus} …", file=sys.stderr, flush=True)
        build_index(corpus, index)
    return Assistant.load(Settings(index=index, corpus=corpus, k=k))


def check_port(host: str, port: int) -> None:
    """Fail early, with a clear message, when the address is taken (before the index loads)."""
    if port == 0:
        return
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise OSError(f"port {port} on {host} is in use: stop what runs there or pick another with --port") from exc
        raise OSError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets 413 and a one-line JSON message."""

    def __init__(self, app: Callable[..., Awaitable[None]], limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Awaitable[dict[str, Any]]],
                       send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen, started, refused = 0, False, False

        async def counted() -> dict[str, Any]:
            # A body sent in chunks, without a length: read no further than the limit.
            nonlocal seen, refused
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit and not refused:
                refused = True
                if not started:
                    await self._refuse(send)
                return {"type": "http.disconnect"}
            return message

        async def watched(message: dict[str, Any]) -> None:
            nonlocal started
            if refused:
                return  # the 413 went out instead
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        body = json.dumps({"detail": f"request too large: at most {self.limit // 1024} KB; a question is "
                                     "answered up to its first 2,000 characters"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    store: FeedbackStore | None = None
    try:
        logins = logins_from_env()
        admins = admins_from_env([u for u, _ in logins], os.environ)
        check_port(args.host, args.port)
        store = FeedbackStore(args.feedback)
        asst = load_assistant(args.index, args.corpus, args.k)
        # A service manager stops the app with SIGTERM: shut down as on Ctrl-C, removing the work folder.
        signal.signal(signal.SIGTERM, _interrupt)
        with tempfile.TemporaryDirectory(prefix="plan-app-") as work:
            start(asst, store, Path(work), args.host, args.port, auth=logins or None, admins=admins,
                  concurrency=args.concurrency, queue_size=args.queue_size, max_request_kb=args.max_request_kb)
    except (ValueError, OSError, IndexError_, CorpusError, EmbedderError, FeedbackError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    finally:
        if store is not None:
            store.close()
    return 0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return redact(text)


def start(
    asst: Assistant,
    store: FeedbackStore,
    workdir: Path,
    host: str,
    port: int,
    *,
    auth: tuple[str, str] | list[tuple[str, str]] | None = None,
    admins: frozenset[str] = frozenset(),
    concurrency: int = 4,
    queue_size: int = 256,
    max_request_kb: int = MAX_REQUEST_KB,
    block: bool = True,
) -> Any:
    """Build and launch the app; with block=False return the running gr.Blocks (call .close()).

    `admins` are the users (of `auth`) who may upload plans; nobody may without a login.
    """
    from starlette.middleware import Middleware

    from webapp.chat import ChatService
    from webapp.style import CSS
    from webapp.ui import build_app, theme

    demo = build_app(ChatService(asst), store, workdir, admins if auth else frozenset())
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
        app_kwargs={"middleware": [Middleware(BodyLimit, limit=max_request_kb * 1024)]},
    )
    return demo
