"""One reading of a question: what it asks, of what, with which filters.

A Frame is read once, before anything is looked up, from the parsed question and the agency
directory (which knows the plans' bodies, not the index); the route table (assistant/routes.py)
decides from it which answer a question gets. Reading a question needs no index, so it is tested
without one (tests/test_frame.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.agencies import Agency, Directory, named_bodies
from assistant.lexicon import says, spelled_out
from assistant.query import Query, asks_all_tasks, asks_content, asks_figure, lead_count, names_tasks
from index.genre import phrase_pattern
from index.normalize import tokens

ROLES = ("lead", "coordinate", "timeline")

# "những điểm nào KHÔNG có Sở LĐTBXH chủ trì": tasks other than an agency's.
_NEGATED = re.compile(r"\b(khong co|khong phai|khong do|not led|not by|except|ngoai tru)\b")
# The general objective or vision, which no indicator answers.
_GENERAL = (" tong quat ", " overall ", " general objective ", " tam nhin ", " vision ")
# The implementation part of a plan ("Tổ chức thực hiện").
_IMPLEMENTATION = re.compile(r"\b(implementation (section|part|arrangements)|to chuc thuc hien)\b")
# A section named by a bare number ("mục 2", "item 3"): it names no part of a plan for sure.
_BARE = re.compile(r"(?:mục|muc|khoản|khoan|item|section)?\s*\d{1,2}", re.I)


@dataclass(frozen=True, slots=True)
class Frame:
    q: Query
    agencies: tuple[Agency, ...]  # the bodies the question names, as the directory finds them
    asked: tuple[str, ...]  # roles asked of a task: lead, coordinate, timeline
    says: bool  # what the plan says about something ("kế hoạch có đề cập … không"), whatever roles it names
    leads: int | None  # tasks with a sole lead (1) or at least n leads; None when not asked
    figure: bool  # a figure asked outright ("bao nhiêu", "how many")
    negated: bool  # "không có", "not led by", "except"
    general: bool  # the general objective or the vision
    implementation: bool  # the implementation part asked for
    timeline_kind: str  # a kind of timeline asked for: ongoing | yearly | monthly | quarterly | open | date | ""
    due: bool  # tasks due (completed, finished) asked for
    runs: bool  # tasks carried out within a time asked for ("thực hiện trong năm 2027")
    listing: bool  # "liệt kê", "list"
    all_tasks: bool  # every task of the plan ("kế hoạch có bao nhiêu nhiệm vụ")
    tasks: bool  # the question is about tasks ("nhiệm vụ", "tasks"), not about what the plan says
    bare_refs: bool  # every reference is a bare number ("mục 2")

    @property
    def en(self) -> bool:
        return self.q.style == "en"

    @property
    def words(self) -> str:
        return self.q.words

    def wants(self, intent: str) -> bool:
        return intent in self.q.intents

    @property
    def aggregate(self) -> bool:
        return "aggregate" in self.q.intents


def read(q: Query, directory: Directory) -> Frame:
    """The frame of a parsed question."""
    folded = q.words
    content = asks_content(folded) and not q.refs
    kind = ""
    if phrase_pattern("timeline", "ongoing").search(folded):
        kind = "ongoing"
    elif phrase_pattern("timeline", "yearly").search(folded):
        kind = "yearly"
    elif phrase_pattern("timeline", "monthly").search(folded):
        kind = "monthly"
    elif phrase_pattern("timeline", "quarterly").search(folded):
        kind = "quarterly"
    elif phrase_pattern("timeline", "dated").search(folded):
        kind = "date"
    elif "cac nam tiep theo" in folded or "following years" in folded:
        kind = "open"
    return Frame(
        q=q,
        agencies=tuple(named_bodies(q.text, directory)),
        asked=() if content else tuple(i for i in q.intents if i in ROLES),
        says=content,
        # "nv co 2 cq chu tri": "2 cơ quan chủ trì", read as the question's words are.
        leads=lead_count(" " + " ".join(tokens(spelled_out(q.text))) + " "),
        figure=asks_figure(" " + spelled_out(q.text) + " "),  # "công suất bn"
        negated=bool(_NEGATED.search(folded)),
        general=any(w in folded for w in _GENERAL),
        implementation=bool(_IMPLEMENTATION.search(folded)),
        timeline_kind=kind,
        due=says(q.text, "due"),
        runs=says(q.text, "runs"),
        listing="liet ke" in folded or " list" in folded,
        all_tasks=asks_all_tasks(folded),
        tasks=names_tasks(folded),
        bare_refs=all(_BARE.fullmatch(r.text) for r in q.refs),
    )


__all__ = ["ROLES", "Frame", "read"]
