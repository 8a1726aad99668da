"""The conversation kept in the browser across a reload: turns signed by the server, checked on return."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from assistant import Citation
from webapp.chat import ChatService, Turn

ENV_SECRET = "PLAN_APP_SECRET"
STORAGE_KEY = "plan-assistant-conversation"  # the browser's localStorage key
KEEP_TURNS = 40  # the newest turns kept in the browser; a reload shows these
VERSION = 1
# Without PLAN_APP_SECRET a secret is drawn once per process: a restarted server (or another
# replica) cannot read what an earlier one kept, and the page starts a new conversation.
_PROCESS_SECRET = secrets.token_hex(32)


def app_secret(env: Mapping[str, str] = os.environ) -> bytes:
    return (env.get(ENV_SECRET) or _PROCESS_SECRET).encode("utf-8")


class Keeper:
    """Turns to and from the JSON the browser keeps (gr.BrowserState).

    The browser holds the conversation, and anyone can edit their localStorage; what comes back
    was made by this server only if its signature checks. It then rates and cites like the answer
    it was: its id is the id its ratings are stored under, so a reload neither loses nor duplicates
    one, and a question is kept as it was answered, cut to the length limit.
    """

    def __init__(self, svc: ChatService, secret: bytes) -> None:
        self.svc, self._key = svc, hashlib.sha256(b"turns\0" + secret).digest()
        # gr.BrowserState's own encryption key travels to the page: it hides, the signature protects.
        self.browser_secret = hashlib.sha256(b"browser\0" + secret).hexdigest()[:32]

    def _sign(self, turns: list[dict[str, Any]]) -> str:
        body = json.dumps(turns, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return hmac.new(self._key, body, hashlib.sha256).hexdigest()

    def pack(self, turns: Sequence[Turn]) -> dict[str, Any]:
        """What the browser keeps: never empty, since the page does not store a falsy value."""
        kept = [_turn_dict(self.svc, t) for t in turns[-KEEP_TURNS:]]
        return {"v": VERSION, "turns": kept, "sig": self._sign(kept)}

    def unpack(self, kept: object) -> list[Turn]:
        """The turns a page kept; none when they were not signed here or do not fit the loaded plans."""
        if not isinstance(kept, dict) or kept.get("v") != VERSION or not isinstance(kept.get("turns"), list):
            return []
        raw = kept["turns"]
        if not isinstance(kept.get("sig"), str) or not hmac.compare_digest(kept["sig"], self._sign(raw)):
            return []
        try:
            return [self._turn(d) for d in raw[-KEEP_TURNS:]]
        except (KeyError, TypeError, ValueError):
            return []

    def _turn(self, d: dict[str, Any]) -> Turn:
        cites = tuple(c for c in (_citation(x) for x in d["citations"]) if self._fits(c))
        return Turn(self.svc.cut(str(d["question"])), str(d["answer"]), cites, str(d["style"]),
                    bool(d["abstained"]), str(d["notice"]), str(d["asked_at"]), str(d["id"]), str(d["plan"]))

    def _fits(self, c: Citation) -> bool:
        """A kept citation still points at its passage: the index may have been rebuilt since."""
        text = self.svc.texts.get(c.doc)
        return (text is not None and 0 <= c.start <= c.end <= len(text) and text[c.start:c.end] == c.text
                and 0 <= c.highlight[0] <= c.highlight[1] <= len(text))


def _turn_dict(svc: ChatService, turn: Turn) -> dict[str, Any]:
    d = asdict(turn)
    d["question"] = svc.cut(turn.question)  # already cut when asked; never kept whole
    return d


def _citation(x: dict[str, Any]) -> Citation:
    a, b = x["highlight"]
    return Citation(str(x["doc"]), str(x["section"]), str(x["title"]), str(x["text"]), int(x["start"]),
                    int(x["end"]), str(x["quote"]), (int(a), int(b)))
