"""What the chat tab's events do, as plain functions (the UI only wires them to components)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from webapp.chat import ChatService, Turn, conversation_markdown
from webapp.feedback import FeedbackStore, Rated
from webapp.render import citation_cards, panel_placeholder, refine_highlight, section_html
from webapp.tables import write_download

# A section on screen: (doc, section id, highlight start, highlight end).
Opened = tuple[str, str, int, int]


def ask(svc: ChatService, message: str, turns: Sequence[Turn]) -> list[Turn]:
    """The conversation with one more turn; raises QuestionError for an empty question."""
    return [*turns, svc.ask(message, turns)]


def message_turn(index: object) -> int:
    """The turn of a chat message index (Gradio sends an int, or [row, col] for some events)."""
    if isinstance(index, list | tuple):
        index = index[0]
    return int(index) // 2 if isinstance(index, int | str) and str(index).isdigit() else -1


def cards(svc: ChatService, turns: Sequence[Turn], i: int, lang: str) -> str:
    """The citation cards of turn i (an empty notice when there is none)."""
    turn = turns[i] if 0 <= i < len(turns) else None
    if turn is None:
        return citation_cards([], {}, lang)
    return citation_cards(turn.citations, svc.texts, lang, turn.answer)


def open_citation(svc: ChatService, turns: Sequence[Turn], i: int, n: int) -> Opened | None:
    """The section behind citation n of turn i, with the answering lines to highlight."""
    turn = turns[i] if 0 <= i < len(turns) else None
    if turn is None or not 0 <= n < len(turn.citations):
        return None
    c = turn.citations[n]
    a, b = refine_highlight(svc.texts.get(c.doc, ""), c, turn.answer)
    return c.doc, c.section, a, b


def section_view(svc: ChatService, opened: Opened | None, lang: str) -> str:
    if not opened:
        return panel_placeholder(lang)
    doc, sid, a, b = opened
    return section_html(svc.plan(doc), sid, lang, (a, b))


def rating_of(liked: object) -> int | None:
    """A Chatbot like event's value as a rating: liked 1, disliked -1, taken back ("") 0."""
    if liked is True or liked is False:
        return 1 if liked else -1
    return 0 if liked in ("", None) else None


def rate(store: FeedbackStore, turns: Sequence[Turn], index: object, liked: object, lang: str,
         clock: float | None = None) -> tuple[str, int] | None:
    """Apply a thumbs up/down (or its removal) to the answer at chat message `index`.

    Returns (answer id, rating now stored), or None when nothing changed: no such answer, or
    a click older than one already applied (`clock` is the page's time of the click).
    """
    i = message_turn(index)
    rating = rating_of(liked)
    if not 0 <= i < len(turns) or rating is None:
        return None
    turn = turns[i]
    item = Rated(turn.id, turn.question, turn.answer, turn.citations, turn.plan, lang)
    return (turn.id, rating) if store.rate(item, rating, clock) else None


def add_comment(store: FeedbackStore, answer_id: str, text: str) -> bool:
    """Attach an optional comment to a rated answer; False when there is nothing to store.

    Raises ValueError for a comment over the limit the comment box shows (it is never cut).
    """
    return bool(answer_id and text and text.strip()) and store.comment(answer_id, text.strip())


def export_markdown(svc: ChatService, turns: Sequence[Turn], lang: str, folder: Path) -> Path:
    """The conversation as a Markdown file to download."""
    return write_download(folder, "hoi-dap", conversation_markdown(svc, turns, lang).encode("utf-8"), ".md")
