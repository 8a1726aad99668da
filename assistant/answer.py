"""What an answer is: its text, citations, hits, route and choices (the composers are in assistant/compose)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from assistant.lexicon import month_names
from assistant.query import Query, mentions_missing_ref
from assistant.retrieve import Hit
from index.timeline import Timeline


def timeline_en(when: Timeline) -> str:
    """An English gloss of a timeline record: "ongoing (regularly)", "Q4 2025", "2025 to 2027"."""
    quarter = re.search(r"(?i)quý\s*(IV|I{1,3}|[1-4])", when.text)
    # "Năm 2026, năm 2028": years one by one, not the years between them.
    listed = re.findall(r"(?<!\d)20\d\d(?!\d)", when.text)
    if when.kind == "range" and len(listed) >= 2 and re.fullmatch(r"(?i)(?:năm\s+)?20\d\d(?:\s*(?:,|và)\s*(?:năm\s+)?20\d\d)+", when.text.strip()):
        return "in " + ", ".join(listed[:-1]) + " and " + listed[-1]
    # A progress chart's months, "Tháng 3 - 6/2026", "Tháng 1 - 2, tháng 9/2026": "March to June 2026".
    months = re.match(r"(?i)tháng\s+(\d{1,2}(?:\s*-\s*(?:tháng\s+)?\d{1,2})?(?:,\s*(?:tháng\s+)?\d{1,2}(?:\s*-\s*\d{1,2})?)*)/(20\d\d)\b",
                      when.text.strip())
    if when.kind == "month" and months:
        def name(n: str) -> str:
            return month_names()[int(n) - 1].capitalize() if 1 <= int(n) <= 12 else n
        runs = [[name(x) for x in re.findall(r"\d{1,2}", run)] for run in months.group(1).split(",")]
        return ", ".join(r[0] if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs) + f" {months.group(2)}"
    return {
        "ongoing": "ongoing (regularly)",
        "yearly": "every year",
        "monthly": "every month",
        "quarterly": "every quarter",
        "quarter": f"Q{ {'I': 1, 'II': 2, 'III': 3, 'IV': 4}.get(quarter.group(1).upper(), quarter.group(1)) if quarter else ''} {when.first}",
        "range": f"{when.first} and the following years" if when.last is None else f"{when.first} to {when.last}",
        "year": f"in {when.first}",
    }.get(when.kind, "")


@dataclass(frozen=True, slots=True)
class Citation:
    doc: str
    section: str
    title: str
    text: str  # source[start:end] of the cited passage
    start: int
    end: int
    quote: str  # the passage repaired for reading (wraps joined)
    highlight: tuple[int, int]  # the answering lines, as offsets into the same source
    page: int = 0  # the 1-based page of `start` when the plan was read from a PDF, else 0


@dataclass(frozen=True, slots=True)
class Choice:
    """A reading the user can pick: a task offered by a clarifying question, or the other task a
    reference typed without its marks may mean; `question` is the question that answers it."""

    section: str  # the task offered; "" for a whole plan (a "which plan?" choice)
    title: str
    question: str
    doc: str = ""

    @property
    def label(self) -> str:
        """How the choice is shown: "III.6.đ — Về nhà ở", or a plan's own name."""
        return f"{self.section} — {self.title}" if self.section else self.title


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    style: str
    intent: str
    notice: str = ""  # e.g. the question was truncated
    route: str = ""  # which kind of answer: role | list | duties | target | document | passage | refusal | clarify
    choices: tuple[Choice, ...] = ()  # what the user may pick next (a clarifying question's candidates)
    # With several plans loaded: the plans the answer is from, best first, each as library.plan_json
    # names it; every citation and hit then carries its plan.
    plans: tuple[dict[str, str], ...] = ()
    rule: str = ""  # the rule of the route table that answered (assistant/routes.py), "focus" or "clarify"

    def to_json(self, qid: str | None = None) -> dict[str, object]:
        out: dict[str, object] = {} if qid is None else {"id": qid}
        by_doc = {p["doc"]: p for p in self.plans}

        def rows(items: tuple[Any, ...]) -> list[dict[str, object]]:
            return [{**asdict(x), "plan": by_doc[x.doc]} if x.doc in by_doc else asdict(x) for x in items]

        out.update(
            question=self.question,
            answer=self.answer,
            abstained=self.abstained,
            style=self.style,
            intent=self.intent,
            route=self.route,
            rule=self.rule,
            citations=rows(self.citations),
            hits=rows(self.hits),
        )
        if self.plans:
            out["plans"] = list(self.plans)
        if self.notice:
            out["notice"] = self.notice
        if self.choices:
            out["choices"] = [asdict(c) for c in self.choices]
        return out


def missing_ref(q: Query) -> bool:
    """The question names a section the plan does not have ("mục VII", "nhiệm vụ 9c")."""
    return bool(q.missing) or (not q.refs and mentions_missing_ref(q.text))
