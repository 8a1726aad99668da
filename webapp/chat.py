"""Chat turns: ask the assistant with the conversation so far, show and export the answers."""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import Assistant, Citation
from index.chunk import title_path
from index.parse import Plan
from webapp.render import quote_text
from webapp.texts import t

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")


@dataclass(frozen=True, slots=True)
class Turn:
    question: str
    answer: str
    citations: tuple[Citation, ...]
    style: str
    abstained: bool
    notice: str
    asked_at: str  # ISO local time


class ChatService:
    """The loaded assistant, shared by every session; answers one question at a time."""

    def __init__(self, asst: Assistant) -> None:
        self.asst = asst
        self.texts = {p.source: p.text for p in asst.plans}
        # The embedder's C engine is not documented as thread-safe, and an answer takes
        # ~25 ms, so serialising answers costs little under the queue's concurrency.
        self._lock = threading.Lock()

    def plan(self, doc: str) -> Plan:
        return next((p for p in self.asst.plans if p.source == doc), self.asst.plan)

    def ask(self, question: str, turns: Sequence[Turn] = ()) -> Turn:
        """Answer `question`, the earlier turns serving as history; raises QuestionError."""
        with self._lock:
            ans = self.asst.ask(question, history=history_messages(turns))
        return Turn(
            question,
            ans.answer,
            ans.citations,
            ans.style,
            ans.abstained,
            ans.notice,
            time.strftime("%Y-%m-%dT%H:%M:%S"),
        )


def history_messages(turns: Sequence[Turn]) -> list[dict[str, str]]:
    """Earlier turns in the messages format, with plain string contents."""
    out: list[dict[str, str]] = []
    for turn in turns:
        out.append({"role": "user", "content": turn.question})
        out.append({"role": "assistant", "content": turn.answer})
    return out


def md_escape(text: str) -> str:
    """Text shown literally inside Markdown: HTML escaped, Markdown punctuation escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def bubble(turn: Turn) -> str:
    """The assistant's chat bubble: the answer, a notice if any, the cited sections."""
    parts = [md_escape(turn.answer)]
    if turn.notice:
        parts.append(f"*{md_escape(turn.notice)}*")
    if turn.citations:
        head = "Sources:" if turn.style == "en" else "Nguồn:"
        cited = " · ".join(f"**{md_escape(c.section)}** {md_escape(c.title)}" for c in turn.citations)
        parts.append(f"*{head}* {cited}")
    return "\n\n".join(parts)


def chat_messages(turns: Sequence[Turn]) -> list[dict[str, str]]:
    """The Chatbot value: two messages per turn, so message i belongs to turn i // 2."""
    out: list[dict[str, str]] = []
    for turn in turns:
        out.append({"role": "user", "content": md_escape(turn.question)})
        out.append({"role": "assistant", "content": bubble(turn)})
    return out


def citations_text(svc: ChatService, turn: Turn) -> list[str]:
    """One line per citation: "[III.6.đ] Về nhà ở: “the answering lines”"."""
    return [
        f"[{c.section}] {c.title}: “{quote_text(svc.texts.get(c.doc, ''), c, turn.answer)}”"
        for c in turn.citations
    ]


def api_text(svc: ChatService, turn: Turn) -> str:
    """What the chat API endpoint returns: the answer, then its citations."""
    out = turn.answer
    if turn.notice:
        out += f"\n\n({turn.notice})"
    lines = citations_text(svc, turn)
    if lines:
        out += (
            "\n\n"
            + ("Citations:" if turn.style == "en" else "Trích dẫn:")
            + "\n"
            + "\n".join(f"- {x}" for x in lines)
        )
    return out


def _line(text: str) -> str:
    """One line of the export: whitespace collapsed, HTML escaped (Markdown viewers render HTML)."""
    return html.escape(" ".join(text.split()), quote=False)


def conversation_markdown(svc: ChatService, turns: Sequence[Turn], lang: str) -> str:
    """The whole conversation with each answer's citations, as a Markdown document."""
    plan = svc.asst.plan
    out = [
        f"# {t(lang, 'md_title')}",
        "",
        f"Kế hoạch {plan.number} ({plan.date}) · {time.strftime('%Y-%m-%d %H:%M')}",
        "",
    ]
    for i, turn in enumerate(turns, 1):
        out += [
            f"## {i}. {t(lang, 'md_question')}: {_line(turn.question)}",
            "",
            f"**{t(lang, 'md_answer')}** ({turn.asked_at}): {_line(turn.answer)}",
            "",
        ]
        if turn.notice:
            out += [f"*{_line(turn.notice)}*", ""]
        if turn.citations:
            out += [f"**{t(lang, 'citations')}**", ""]
            for c in turn.citations:
                where = title_path(svc.plan(c.doc), c.section)
                quote = quote_text(svc.texts.get(c.doc, ""), c, turn.answer)
                out += [f"- **{c.section}** — {where} ({c.doc}, {c.start}–{c.end})", f"  > {_line(quote)}"]
            out.append("")
    return "\n".join(out)
