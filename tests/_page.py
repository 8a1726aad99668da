"""What the web page sends, over plain HTTP: a question through the queue, a rating beside it.

The requests are those Gradio's page makes for the chat tab's events (found by name in /config),
so a test can drive many sessions at once without a browser.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import httpx


class Page:
    """One browser session of the chat tab."""

    def __init__(self, url: str, lang: str = "vi") -> None:
        self.url, self.lang = url.rstrip("/") + "/", lang
        self.http = httpx.Client(timeout=60)
        self.session = uuid.uuid4().hex[:11]
        config = self.http.get(self.url + "config").json()
        self.api = self.url + config.get("api_prefix", "/gradio_api").strip("/") + "/"
        self.deps = {d.get("api_name"): d for d in config["dependencies"]}

    def close(self) -> None:
        self.http.close()

    def ask(self, question: str) -> list[dict[str, Any]]:
        """Send a question as the page does; returns the chat messages after the answer."""
        dep = self.deps["respond"]
        body = {"data": [question, None, self.lang], "fn_index": dep["id"], "session_hash": self.session,
                "event_data": None, "trigger_id": dep["targets"][0][0]}
        event = self.http.post(self.api + "queue/join", json=body).json()["event_id"]
        chat: list[dict[str, Any]] = []
        with self.http.stream("GET", self.api + "queue/data", params={"session_hash": self.session}) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                if msg.get("event_id") != event:
                    continue
                if msg.get("msg") == "process_completed":
                    if not msg.get("success"):
                        raise RuntimeError(f"question failed: {msg}")
                    chat = msg["output"]["data"][0]
                    break
        return chat

    def rate(self, message: int, liked: bool | str, clock: float | None = None) -> httpx.Response:
        """A click on Like / Dislike under chat message `message` ("" takes the rating back)."""
        dep = self.deps["rate"]
        body = {"data": [None, self.lang, time.time() * 1000 if clock is None else clock], "fn_index": dep["id"],
                "session_hash": self.session, "event_data": {"index": message, "value": "", "liked": liked},
                "trigger_id": dep["targets"][0][0]}
        return self.http.post(self.api + "run/predict", json=body)
