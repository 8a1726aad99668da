"""The plan's tables as whole records: full task titles, and each target's years side by side
with its figures as numbers (the unit apart), for the browser's tables and their downloads."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.normalize import fold, unwrap
from index.parse import Plan

# A marker opening a point or item ("a) ", "đ) ", "1. ", "1.2. ").
_MARKER = re.compile(r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.)\s*")
# A heading sentence ends at a full stop, colon or semicolon before a space, or at a new paragraph.
_SENTENCE_END = re.compile(r"[.:;](?=\s|$)|\n\s*\n")
# Words saying how a figure compares; they tell nothing about which target it is.
_FRAME = set("phan dau dat tren duoi khoang it nhat toi thieu toi da hon co la duoc".split())


def full_title(plan: Plan, sid: str, title: str) -> str:
    """The task's whole heading sentence where the parser shortened its title with "…"."""
    s = plan.section(sid)
    if s is None or not title.endswith("…"):
        return title
    body = _MARKER.sub("", plan.text[s.start : s.end], count=1)
    end = _SENTENCE_END.search(body)
    whole = unwrap(body[: end.start() if end else len(body)]).strip()
    # Only a sentence that begins as the short title does is its whole form.
    stem = " ".join(title[:-1].split())
    return whole if " ".join(whole.split()).startswith(stem) else title


def number(text: str) -> int | float | None:
    """A figure as written in the plan ("1.000", "99,5", "95%", "04") as a number; None for a
    range ("35-40%") or anything else."""
    raw = text.strip().rstrip("%").strip()
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?", raw):
        return None
    value = float(raw.replace(".", "").replace(",", "."))
    return int(value) if value.is_integer() and "," not in raw else value


@dataclass(frozen=True, slots=True)
class Figure:
    """A target's figure for one year, as the plan states it."""

    year: int
    section: str
    comparator: str  # "trên", "khoảng", "ít nhất" …, or ""
    value: int | float | str  # a number, or the plan's text where it is no single number
    unit: str
    raw: str  # the figure as the plan writes it: "1.000", "99,5", "35-40"
    clause: str  # the plan's words for that year
    start: int
    end: int

    @property
    def text(self) -> str:
        """The figure as people read it: "trên 95%"."""
        unit = "" if not self.unit else self.unit if self.unit == "%" else f" {self.unit}"
        return " ".join(x for x in (self.comparator, self.raw + unit) if x)


@dataclass(frozen=True, slots=True)
class TargetLine:
    """One target of a plan, with a figure for each year the plan sets it for."""

    doc: str
    plan: str  # the plan's number
    figures: tuple[Figure, ...]  # by year

    @property
    def indicator(self) -> str:
        return self.figures[0].clause

    @property
    def sections(self) -> str:
        return ", ".join(dict.fromkeys(f.section for f in self.figures))

    def at(self, year: int) -> Figure | None:
        return next((f for f in self.figures if f.year == year), None)


def _figure(row: dict[str, object]) -> Figure:
    raw, unit = str(row["value"]), str(row["unit"])
    if raw.endswith("%"):
        raw, unit = raw[:-1].strip(), "%"
    if not re.fullmatch(r"%|[^\W\d_]+\d?", unit):
        unit = ""  # "/13" of "13/13 đơn vị", ")" of "(nhóm 2)": no unit
    value = number(raw)
    return Figure(int(str(row["year"])), str(row["section"]), str(row["comparator"]),
                  value if value is not None else raw, unit, raw, str(row["indicator"]),
                  int(str(row["start"])), int(str(row["end"])))


@functools.lru_cache(maxsize=4096)
def _words(clause: str) -> frozenset[str]:
    # Cached: a clause is compared with every clause of its plan's earlier years.
    return frozenset(w for w in re.findall(r"[a-z]+", fold(clause)) if w not in _FRAME)


def _alike(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def target_lines(targets: Sequence[dict[str, object]], plans: Sequence[Plan], least: float = 0.5) -> list[TargetLine]:
    """The targets of `targets_table()` with the same target's years on one line.

    A later year's figure joins the line whose clause shares the most words with it (at least
    `least` of them, Jaccard), each line taking one figure per year.
    """
    numbers = {p.source: p.number for p in plans}
    lines: list[tuple[str, list[Figure]]] = []
    for year in sorted({int(str(r["year"])) for r in targets}):
        new = [(str(r["doc"]), _figure(r)) for r in targets if int(str(r["year"])) == year]
        # A figure joins a line of its own plan only: pairing within each plan, not every line with
        # every figure of a library (at 500 plans that was 25 million pairs a year).
        by_doc: dict[str, list[int]] = {}
        for i, (doc, _) in enumerate(lines):
            by_doc.setdefault(doc, []).append(i)
        pairs = sorted(
            ((_alike(lines[i][1][-1].clause, f.clause), i, j) for j, (d, f) in enumerate(new)
             for i in by_doc.get(d, ())),
            reverse=True,
        )
        taken_lines: set[int] = set()
        taken_new: set[int] = set()
        for score, i, j in pairs:
            if score < least or i in taken_lines or j in taken_new:
                continue
            lines[i][1].append(new[j][1])
            taken_lines.add(i)
            taken_new.add(j)
        lines += [(doc, [f]) for j, (doc, f) in enumerate(new) if j not in taken_new]
    out = [TargetLine(doc, numbers.get(doc, ""), tuple(figs)) for doc, figs in lines]
    return sorted(out, key=lambda line: (line.doc, line.figures[0].start))
