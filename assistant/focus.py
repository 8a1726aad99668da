"""Conversation: the turns of a history, the clarifying question asked when a question needs a task
and none is in focus, and the other reading of a reference typed without its marks ("6d" for 6đ)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer import Choice
from assistant.query import Query, Reference
from index.normalize import fold
from index.parse import Plan, Task

History = Sequence[object]

# What a question may ask of a task without naming it: "Ai phối hợp?", "thời gian thực hiện?".
ROLES = ("lead", "coordinate", "timeline")
# Words that point back at what was just said ("vậy ai phối hợp với họ?", "who coordinates them?") or
# join what is asked ("ai chủ trì và khi nào xong"): they name no task. Language, not facts of a plan.
NO_TOPIC = frozenset(
    "họ ho đó này nay ấy ay trên tren vừa vua nêu neu đấy day kể ke việc viec they them those these it its "
    "above this that each due và va and hoặc hoac or".split()
)

_ASK_ONE = {
    "vi": {"lead": "Cơ quan nào chủ trì nhiệm vụ {id}?",
           "coordinate": "Cơ quan nào phối hợp thực hiện nhiệm vụ {id}?",
           "timeline": "Thời gian thực hiện nhiệm vụ {id} là khi nào?"},
    "en": {"lead": "Which agency leads task {id}?",
           "coordinate": "Which agencies coordinate task {id}?",
           "timeline": "What is the timeline of task {id}?"},
}
_WHAT = {
    "vi": {"lead": "cơ quan chủ trì", "coordinate": "cơ quan phối hợp", "timeline": "thời gian thực hiện"},
    "en": {"lead": "the lead agency", "coordinate": "the coordinating bodies", "timeline": "the timeline"},
}


def user_turns(history: History | None) -> list[str]:
    """User turns of a chat history: plain strings, (user, bot) pairs or messages dicts."""
    out: list[str] = []
    for turn in history or ():
        if isinstance(turn, str):
            out.append(turn)
        elif isinstance(turn, dict) and turn.get("role") == "user":
            content = turn.get("content")
            if isinstance(content, str):
                out.append(content)
            elif isinstance(content, list):  # Gradio's list of parts: [{"type": "text", "text": …}]
                text = " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
                if text.strip():
                    out.append(text)
        elif isinstance(turn, list | tuple) and turn and isinstance(turn[0], str):
            out.append(turn[0])
    return out


def _lang(q: Query) -> str:
    return "en" if q.style == "en" else "vi"


def role_question(task: str, asked: Sequence[str], lang: str) -> str:
    """The question `asked` of one task, in words the assistant reads back: "Cơ quan nào chủ trì nhiệm vụ III.6.đ?"."""
    if len(asked) == 1:
        return _ASK_ONE[lang][asked[0]].format(id=task)
    what = [_WHAT[lang][r] for r in asked]
    joined = ", ".join(what[:-1]) + (" and " if lang == "en" else " và ") + what[-1]
    return (f"What are {joined} of task {task}?" if lang == "en"
            else f"{joined[:1].upper()}{joined[1:]} của nhiệm vụ {task} là gì?")


def clarify(q: Query, asked: Sequence[str], candidates: Sequence[tuple[Plan, Task]]) -> tuple[str, tuple[Choice, ...]]:
    """One short question back, in the question's language, with the likely tasks to pick from."""
    lang = _lang(q)
    what = " and ".join(_WHAT["en"][r] for r in asked) if lang == "en" else " và ".join(_WHAT["vi"][r] for r in asked)
    choices = tuple(Choice(t.id, t.title, role_question(t.id, asked, lang), p.source) for p, t in candidates)
    listed = "; ".join(c.label for c in choices)
    if lang == "en":
        text = f"For which task do you want {what}? Name the task, or pick one"
    else:
        text = f"Bạn hỏi {what} của nhiệm vụ nào? Hãy ghi rõ số hiệu nhiệm vụ hoặc chọn một"
    return (text + (f": {listed}." if listed else ".")), choices


def other_readings(q: Query, plans: Sequence[Plan]) -> list[tuple[Reference, Plan, str]]:
    """References that name another section once their marks are dropped: "6d" typed without
    diacritics may mean 6đ when the plan has both. A question typed with marks meant what it typed,
    and so did "6đ" or "6dd" (Telex for đ)."""
    if q.style == "vi":
        return []
    out = []
    named = {r.section for r in q.refs}  # "6d (không phải 6đ)" knows both
    for r in q.refs:
        typed = r.text.lower()
        if "đ" in typed or "dd" in typed:
            continue
        for p in plans:
            for s in p.sections:
                if s.id not in named and fold(s.id) == fold(r.section):
                    out.append((r, p, s.id))
    return out


def reading_note(q: Query, readings: Sequence[tuple[Reference, Plan, str]]) -> tuple[str, tuple[Choice, ...]]:
    """What the answer adds for each other reading, and the question that asks it instead."""
    lang = _lang(q)
    notes, choices = [], []
    for r, plan, sid in readings:
        s = plan.section(sid)
        title = s.title if s is not None else ""
        if lang == "en":
            notes.append(f"Note: read as {r.section}; the plan also has {sid} ({title}).")
        else:
            notes.append(f"Lưu ý: câu hỏi được hiểu là {r.section}; kế hoạch còn có {sid} ({title}).")
        question = q.text.replace(r.text, sid, 1) if r.text in q.text else sid
        choices.append(Choice(sid, title, question, plan.source))
    return " ".join(notes), tuple(choices)
