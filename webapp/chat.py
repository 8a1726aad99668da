"""Chat turns: ask the assistant with the conversation so far, show and export the answers."""

from __future__ import annotations

import html
import re
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import Answer, Assistant, Choice, Citation
from assistant.cli import K_MAX, K_MIN
from assistant.core import QuestionError
from assistant.library import plan_json
from assistant.query import clean_question
from index.chunk import title_path
from index.parse import Plan
from webapp.render import friendly_ids, quote_text, section_label
from webapp.texts import t

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")
MAX_HISTORY = 40  # messages of history an API call may send; older ones are dropped


class RequestError(ValueError):
    """A request the app refuses; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Turn:
    question: str  # as answered: control characters removed, cut to the length limit
    answer: str
    citations: tuple[Citation, ...]
    style: str
    abstained: bool
    notice: str
    asked_at: str  # ISO local time
    id: str = ""  # the answer's id, which its feedback record is keyed by
    plan: str = ""  # the number of the plan the answer cites
    choices: tuple[Choice, ...] = ()  # what a click may ask next (a clarifying question's tasks)


def check_k(k: object) -> int:
    """The number of passages to retrieve, as a whole number from K_MIN to K_MAX."""
    if isinstance(k, float) and k.is_integer():
        k = int(k)
    if isinstance(k, bool) or not isinstance(k, int) or not K_MIN <= k <= K_MAX:
        raise RequestError(f"k must be a whole number from {K_MIN} to {K_MAX} (got {k!r})")
    return k


@dataclass(frozen=True, slots=True)
class Loaded:
    """An assistant and the text of each of its plans, swapped in as one reference."""

    asst: Assistant
    texts: dict[str, str]
    generation: int = 0  # 0 for the assistant loaded at start, one more at each swap

    @classmethod
    def of(cls, asst: Assistant, generation: int = 0) -> Loaded:
        return cls(asst, {p.source: p.text for p in asst.plans}, generation)


class ChatService:
    """The loaded assistant, shared by every session; answers one question at a time.

    An upload loads a new assistant beside it and `swap`s it in: a question already being answered
    finishes on the assistant it started with, the next one gets the new assistant.
    """

    def __init__(self, asst: Assistant, k: int | None = None) -> None:
        self._loaded = Loaded.of(asst)
        self.k = check_k(k if k is not None else asst.settings.k)
        # The embedder's C engine is not documented as thread-safe, and an answer takes
        # ~25 ms, so serialising answers costs little under the queue's concurrency.
        self._lock = threading.Lock()
        self._swap_lock = threading.Lock()

    @property
    def asst(self) -> Assistant:
        return self._loaded.asst

    @property
    def texts(self) -> dict[str, str]:
        return self._loaded.texts

    @property
    def generation(self) -> int:
        return self._loaded.generation

    def swap(self, asst: Assistant) -> Assistant:
        """Serve `asst` from now on; returns the assistant it replaces."""
        texts = {p.source: p.text for p in asst.plans}  # made before the lock: the swap is one assignment
        with self._swap_lock:
            old = self._loaded
            self._loaded = Loaded(asst, texts, old.generation + 1)
        return old.asst

    def plan(self, doc: str, asst: Assistant | None = None) -> Plan:
        asst = asst or self.asst
        return next((p for p in asst.plans if p.source == doc), asst.plan)

    def find_plan(self, name: str, asst: Assistant | None = None) -> Plan:
        """A loaded plan by its number ("65/KH-UBND"), file name or file stem; RequestError if none."""
        try:
            return (asst or self.asst).find_plan(name)
        except QuestionError as exc:
            raise RequestError(str(exc)) from exc

    def cut(self, question: str) -> str:
        """The question as it will be answered (and shown, and stored): cut to the length limit."""
        return clean_question(question, self.asst.settings.max_question)[0]

    def answer(self, question: str, history: Sequence[object] = (), k: int | None = None,
               asst: Assistant | None = None, plan: Plan | None = None) -> Answer:
        """The assistant's answer, from `plan` alone when given; raises QuestionError for an empty question."""
        asst = asst or self.asst
        with self._lock:
            return asst.ask(question, k or self.k, history=list(history), plan=plan.source if plan else None)

    def cited_plan(self, citations: Sequence[Citation], asst: Assistant | None = None) -> Plan:
        """The plan an answer cites first (the only plan, when it cites nothing)."""
        asst = asst or self.asst
        return self.plan(citations[0].doc, asst) if citations else asst.plan

    def ask(self, question: str, turns: Sequence[Turn] = ()) -> Turn:
        """Answer `question`, the earlier turns serving as history; raises QuestionError."""
        asst = self.asst  # one assistant for the whole turn, even when an upload swaps in another meanwhile
        ans = self.answer(question, history_messages(turns), asst=asst)
        return Turn(
            self.cut(question),
            ans.answer,
            ans.citations,
            ans.style,
            ans.abstained,
            ans.notice,
            time.strftime("%Y-%m-%dT%H:%M:%S"),
            uuid.uuid4().hex,
            self.cited_plan(ans.citations, asst).number,
            ans.choices,
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


def turn_lang(turn: Turn) -> str:
    """The language the answer is written in."""
    return "en" if turn.style == "en" else "vi"


def bubble(turn: Turn) -> str:
    """The assistant's chat bubble: the answer, a notice if any, the cited sections."""
    lang = turn_lang(turn)
    parts = [md_escape(friendly_ids(turn.answer, lang))]
    if turn.notice:
        parts.append(f"*{md_escape(turn.notice)}*")
    if turn.citations:
        head = "Sources:" if lang == "en" else "Nguồn:"
        # Two clauses of one section are one source ("II.2" for two of its targets).
        once = {(c.doc, c.section): c for c in turn.citations}
        cited = " · ".join(f"**{md_escape(section_label(c.section, lang))}** {md_escape(c.title)}"
                           for c in once.values())
        parts.append(f"*{head}* {cited}")
    return "\n\n".join(parts)


def chat_messages(turns: Sequence[Turn]) -> list[dict[str, object]]:
    """The Chatbot value: two messages per turn, so message i belongs to turn i // 2. An answer's
    choices are the message's options: buttons whose value is the question a click asks."""
    out: list[dict[str, object]] = []
    for turn in turns:
        out.append({"role": "user", "content": md_escape(turn.question)})
        answer: dict[str, object] = {"role": "assistant", "content": bubble(turn)}
        if turn.choices:
            answer["options"] = [{"value": c.question, "label": c.label} for c in turn.choices]
        out.append(answer)
    return out


def citations_text(svc: ChatService, turn: Turn) -> list[str]:
    """One line per citation: "[III.6.đ] Về nhà ở: “the answering lines”"."""
    lang = turn_lang(turn)
    return [
        f"[{section_label(c.section, lang)}] {c.title}: “{quote_text(svc.texts.get(c.doc, ''), c, turn.answer)}”"
        for c in turn.citations
    ]


def api_text(svc: ChatService, turn: Turn) -> str:
    """What the chat API endpoint returns: the answer, then its citations."""
    out = friendly_ids(turn.answer, turn_lang(turn))
    if turn.notice:
        out += f"\n\n({turn.notice})"
    if turn.choices:
        out += "\n\n" + "\n".join(f"{n}. {c.question}" for n, c in enumerate(turn.choices, 1))
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
    """One line of the export, shown literally: whitespace collapsed, HTML and Markdown escaped,
    so that a question like "[x](javascript:…)" never becomes a live link."""
    return md_escape(" ".join(text.split()))


def conversation_markdown(svc: ChatService, turns: Sequence[Turn], lang: str) -> str:
    """The whole conversation with each answer's citations, as a Markdown document."""
    from assistant.library import plan_label

    plans = "; ".join(_line(plan_label(p, lang == "en")) for p in svc.asst.plans)
    out = [
        f"# {t(lang, 'md_title')}",
        "",
        f"{plans} · {time.strftime('%Y-%m-%d %H:%M')}",
        "",
    ]
    for i, turn in enumerate(turns, 1):
        out += [
            f"## {i}. {t(lang, 'md_question')}: {_line(turn.question)}",
            "",
            f"**{t(lang, 'md_answer')}** ({turn.asked_at}): {_line(friendly_ids(turn.answer, turn_lang(turn)))}",
            "",
        ]
        if turn.notice:
            out += [f"*{_line(turn.notice)}*", ""]
        if turn.citations:
            out += [f"**{t(lang, 'citations')}**", ""]
            for c in turn.citations:
                where = _line(title_path(svc.plan(c.doc), c.section))
                quote = quote_text(svc.texts.get(c.doc, ""), c, turn.answer)
                out += [f"- **{_line(section_label(c.section, lang))}** — {where} ({_line(c.doc)}, {c.start}–{c.end})",
                        f"  > {_line(quote)}"]
            out.append("")
    return "\n".join(out)


def _history(history: object) -> list[object]:
    """API history checked at the edge: a list of messages or [question, answer] pairs."""
    if history in (None, ""):
        return []
    if not isinstance(history, list):
        raise RequestError('history must be a list of {"role", "content"} messages or [question, answer] pairs')
    for item in history:
        ok = (isinstance(item, dict) and isinstance(item.get("content", ""), str)) or isinstance(item, str) or (
            isinstance(item, list | tuple) and all(isinstance(x, str | None) for x in item))
        if not ok:
            raise RequestError(f"history item not understood: {str(item)[:80]!r}")
    return history[-MAX_HISTORY:]


def api_answer(svc: ChatService, question: object, history: object = None, plan: str = "",
               k: object = None) -> dict[str, object]:
    """DESIGN.md's answer JSON for programs, with the answer's id and its plan; raises
    QuestionError (empty question) or RequestError (bad k, history or plan)."""
    if not isinstance(question, str):
        raise RequestError("question must be text")
    k = check_k(svc.k if k in (None, "") else k)
    turns = _history(history)
    asst = svc.asst  # one assistant for the whole request (see ChatService.swap)
    chosen = svc.find_plan(plan, asst) if plan and plan.strip() else None
    ans = svc.answer(question, turns, k, asst, chosen)
    out = ans.to_json()
    out["question"] = svc.cut(question)
    out["answer_id"] = uuid.uuid4().hex
    out["k"] = k
    out["plan"] = plan_json(svc.cited_plan(ans.citations, asst) if ans.citations or chosen is None else chosen)
    return out
