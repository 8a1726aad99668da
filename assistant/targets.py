"""Indicator table of part II: each clause with a figure, its year, comparator, value and unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import canon, fold
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
    subject: str = ""  # the bullet's first clause, for a clause that only goes on ("; đến năm 2030 đạt 98%")


def _year(title: str) -> int | None:
    """The year a heading sets its targets for: "đến năm 2025", "Năm 2027", the end of "giai đoạn 2025 - 2027"."""
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", title)]
    return max(years) if years else None


def target_sections(plan: Plan) -> list[str]:
    """The plan's sections that set targets: leaves of a part or item whose heading says targets
    ("Mục tiêu cụ thể", "CHỈ TIÊU"), wherever the plan puts them; a vision ("Tầm nhìn") sets none."""
    out = []
    for s in plan.sections:
        if not s.has_body or plan.role(s.id) != "targets" or "tam nhin" in fold(s.title):
            continue
        out.append(s.id)
    return out


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
    for sid in target_sections(plan):
        s = plan.section(sid)
        if s is None:
            continue
        section_year = _year(s.title)
        raw = plan.text[s.start : s.end]
        first_nl = raw.find("\n", raw.find(s.title[-6:]) if s.title else 0)
        body_start = s.start + (first_nl + 1 if first_nl >= 0 and s.title else 0)
        previous = ""
        for a, b in clauses(plan.text[body_start : s.end], body_start):
            text = canon(plan.text[a:b])
            # A clause with hardly a word of its own besides its year and figure continues the one
            # before it: it sets the same indicator for another year.
            own_words = re.sub(r"(?:đến|tới|trong)?\s*năm\s+20\d\d|[\d.,%]+|\b(đạt|có|là|khoảng|trên|dưới|ít nhất)\b", " ", text, flags=re.I)
            goes_on = not text[:1].isupper() and (len(own_words.split()) < 3 or re.match(r"(?:đến|tới)\s+năm\s+20\d\d", text))
            subject = previous if goes_on else ""
            if not subject:
                previous = text
            # A clause names its own year ("đến năm 2027, 90% …"), else the heading's year holds.
            own = re.search(r"(?:đến|tới|trong)\s+năm\s+(20\d\d)(?!\d)|^(?:năm|by)\s+(20\d\d)(?!\d)", text, re.I)
            year = int(own.group(1) or own.group(2)) if own else section_year
            if year is None:
                continue
            m = _NUMBER.search(text)
            if not m or re.fullmatch(r"20\d\d", m.group(1)):
                m = next((x for x in _NUMBER.finditer(text) if not re.fullmatch(r"20\d\d|\d{1,2}/\d+", x.group(1))), None)
            if not m:
                # "Phấn đấu đến năm 2028:" heads the bullets after it: they are that year's.
                if own and text.rstrip("*_ ").endswith(":"):
                    section_year = year
                continue
            before = text[: m.start()].rstrip().lower()
            comp = next((c for c in _COMPARATORS if before.endswith(c)), "")
            after = text[m.end() :].split()
            unit = "%" if m.group(2) else (after[0].strip(",;") if after else "")
            out.append(Target(plan.source, s.id, year, text, m.group(1) + ("%" if m.group(2) else ""), comp, unit, a, b,
                              subject))
    return out
