"""Indicator table of part II: each clause with a figure, its year, comparator, value and unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import canon
from index.parse import Plan

_COMPARATORS = ("ít nhất", "tối thiểu", "trên", "dưới", "khoảng", "đạt", "còn")
_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?(?:\s*-\s*\d+(?:,\d+)?)?)(\s*%)?")


@dataclass(frozen=True, slots=True)
class Target:
    doc: str
    section: str
    year: int
    indicator: str  # the clause, repaired for display
    value: str  # "95%", "5.000", "35-40%"
    comparator: str  # "trên", "dưới", "ít nhất", ... or ""
    unit: str  # "%", "căn hộ", "tuổi", ...
    start: int  # the clause in the source file
    end: int


def _year(title: str) -> int | None:
    m = re.search(r"\b(20\d\d)\b", title)
    return int(m.group(1)) if m else None


def clauses(raw: str, base: int) -> list[tuple[int, int]]:
    """Offsets of clauses: bullet items cut at ";" and at sentence ends."""
    flat = raw.replace("\n", " ")
    out, start = [], 0
    for m in re.finditer(r";\s|\.\s+(?=[A-ZĐ-])|\s-\s(?=[A-ZĐ])|$", flat):
        seg = flat[start : m.start()]
        lead = len(seg) - len(seg.lstrip(" -"))
        if seg.strip(" -."):
            out.append((base + start + lead, base + m.start()))
        start = m.end()
    return out


def extract_targets(plan: Plan) -> list[Target]:
    out: list[Target] = []
    for s in plan.sections:
        if not s.id.startswith("II.") or s.kind != "point":
            continue
        year = _year(s.title)
        if year is None or year >= 2045:
            continue
        raw = plan.text[s.start : s.end]
        first_nl = raw.find("\n", raw.find(s.title[-6:]) if s.title else 0)
        body_start = s.start + (first_nl + 1 if first_nl >= 0 else 0)
        for a, b in clauses(plan.text[body_start : s.end], body_start):
            text = canon(plan.text[a:b])
            m = _NUMBER.search(text)
            if not m or re.fullmatch(r"20\d\d", m.group(1)):
                m = next((x for x in _NUMBER.finditer(text) if not re.fullmatch(r"20\d\d|\d{1,2}/\d+", x.group(1))), None)
            if not m:
                continue
            before = text[: m.start()].rstrip().lower()
            comp = next((c for c in _COMPARATORS if before.endswith(c)), "")
            after = text[m.end() :].split()
            unit = "%" if m.group(2) else (after[0].strip(",;") if after else "")
            out.append(Target(plan.source, s.id, year, text, m.group(1) + ("%" if m.group(2) else ""), comp, unit, a, b))
    return out

