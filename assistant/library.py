"""A library of plans: which plans a question names, and how each plan is named in an answer.

A question names a plan by its number ("kế hoạch 65", "KH 65", "65/KH-UBND", "QĐ 1847"), by its
province or issuer ("kế hoạch của tỉnh Phú Lâm", "the Ha Son plan"), by its date ("ban hành ngày
12/02/2026") or by words of its title that no other plan's title has ("kế hoạch nước sạch"). All of
it is read from the plans' own header facts; nothing here knows any plan.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.lexicon import function_words, list_words
from index.normalize import fold
from index.parse import Plan

# Words that name a document ahead of its number: "kế hoạch 65", "KH số 27", "plan no. 65", "QĐ 1847".
_DOC = r"(?:ke hoach|kh|plan|quyet dinh|qd|decision|van ban)"
_BARE_NUMBER = re.compile(rf"\b{_DOC}\s*(?:so|no\.?|number|#)?\s*(\d{{1,5}})\b(?!\s*[-/.,]\s*\d)")
_FULL_NUMBER = re.compile(r"\b(\d{1,5})\s*/\s*(kh|qd)\b")
_DATE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b"
                   r"|\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)\b")
_KIND = {"kh": "ke hoach", "qd": "quyet dinh"}


def _window(text: str, start: int, end: int, before: int = 3, after: int = 6) -> str:
    """The few words either side of text[start:end]."""
    return " ".join(text[:start].split()[-before:] + text[end:].split()[:after])


def base_number(number: str) -> str:
    """"65/KH-UBND" -> "65"."""
    m = re.match(r"\s*(\d+)", number)
    return m.group(1) if m else ""


def _kind(number: str) -> str:
    m = re.search(r"/\s*([^\W\d_-]+)", fold(number))
    return _KIND.get(m.group(1), "") if m else ""


def province(p: Plan) -> str:
    """The province or city the issuer governs, as the plan writes it ("Quảng Ngãi")."""
    issuer = " ".join(re.sub(r"\\-|-{2,}", " ", p.issuer).split())
    m = re.search(r"(?i)\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+(.+)$", issuer)
    name = m.group(1).strip() if m else p.place
    if fold(name) == fold(p.place):
        return p.place
    return name.title() if name.isupper() else name


def issuer_short(p: Plan) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" -> "UBND tỉnh Quảng Ngãi"."""
    issuer = " ".join(re.sub(r"\\-|-{2,}", " ", p.issuer).split())
    m = re.search(r"(?i)\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+", issuer)
    unit = m.group(1).lower() if m else "tỉnh"
    head = "UBND" if fold(issuer).startswith("uy ban nhan dan") or not issuer else issuer.split()[0]
    return f"{head} {unit} {province(p)}".strip()


def _date(iso: str) -> str:
    y, m, d = [*iso.split("-"), "", "", ""][:3]
    return f"{int(d)}/{int(m)}/{y}" if d.isdigit() and m.isdigit() else iso


def plan_label(p: Plan, en: bool = False) -> str:
    """How an answer names its plan: "Kế hoạch 65/KH-UBND (UBND tỉnh Quảng Ngãi, 20/3/2024)"."""
    kind = p.doc_type or "Kế hoạch"
    if en:
        kind = {"ke hoach": "Plan", "quyet dinh": "Decision"}.get(fold(kind), kind)
        where = f"{province(p)} People's Committee"
    else:
        where = issuer_short(p)
    when = f", {_date(p.date)}" if p.date else ""
    return f"{kind} {p.number} ({where}{when})"


def plan_json(p: Plan) -> dict[str, str]:
    """How the JSON names a plan: id (the file's stem), doc, number, issuer, date."""
    return {"id": Path(p.source).stem, "doc": p.source, "number": p.number, "issuer": issuer_short(p),
            "date": p.date}


def asks_for_plans(folded: str) -> bool:
    """"những kế hoạch nào …", "which plans …", "bao nhiêu kế hoạch …": the answer is a list of plans."""
    t = f" {folded} "
    return any(re.search(r"(?<![a-z0-9])" + re.escape(w) + r"(?![a-z0-9])", t) for w in list_words("plans"))


@dataclass(frozen=True, slots=True)
class Naming:
    plans: tuple[Plan, ...]  # the plans the question names, or none
    unknown: str = ""  # a plan number the question gives that no plan of the library has


class Catalogue:
    """The plans of a library and the ways a question names them."""

    def __init__(self, plans: Sequence[Plan]) -> None:
        self.plans = tuple(plans)
        self._places = {p.source: fold(province(p)) for p in self.plans}
        titles = {p.source: self._bigrams(p.title) for p in self.plans}
        # A title's pairs of words that no other plan's title has name that plan.
        self._own = {
            src: {b for b in grams if all(b not in g for s, g in titles.items() if s != src)}
            for src, grams in titles.items()
        }
        self._titled: set[str] = set().union(*self._own.values())
        self._users: dict[str, int] = {}  # a title's pair of words -> how many plans' texts use it

    # The plans' folded texts are read on the first question that needs them, not at load: folding
    # 500 plans' texts took seconds of the app's start.
    @cached_property
    def _texts(self) -> list[str]:
        return [" " + " ".join(re.findall(r"[a-z0-9]+", fold(p.text))) + " " for p in self.plans]

    @cached_property
    def _cited(self) -> str:
        return " ".join(fold(p.text) for p in self.plans)

    def _used_by(self, gram: str) -> int:
        if gram not in self._users:
            self._users[gram] = sum(f" {gram} " in t for t in self._texts)
        return self._users[gram]

    @staticmethod
    def _bigrams(text: str) -> set[str]:
        stop = function_words()
        toks = re.findall(r"[a-z]+", fold(text))
        return {f"{a} {b}" for a, b in itertools.pairwise(toks) if not (a in stop and b in stop)}

    def named(self, question: str) -> Naming:
        """The plans a question names, each way of naming narrowing the others."""
        t = " ".join(fold(question).split())
        facets: list[set[str]] = []
        numbers = [(n, _KIND.get(k, "")) for n, k in _FULL_NUMBER.findall(t)]
        numbers += [(n, "") for n in _BARE_NUMBER.findall(t)]
        unknown = ""
        by_number: set[str] = set()
        for n, kind in numbers:
            found = {p.source for p in self.plans if base_number(p.number) == n and (not kind or _kind(p.number) == kind)}
            by_number |= found
            # "kế hoạch 999" names a plan the library lacks, unless some plan cites a document so numbered.
            if not found and not re.search(rf"(?<!\d){n}\s*/", self._cited):
                unknown = unknown or n
        if by_number:
            facets.append(by_number)
        places = {src for src, name in self._places.items() if name and re.search(rf"\b{re.escape(name)}\b", t)}
        if places:
            facets.append(places)
        dates = {"-".join((y, f"{int(m):02d}", f"{int(d):02d}")) for d, m, y, *_ in
                 ((g[0] or g[3], g[1] or g[4], g[2] or g[5]) for g in _DATE.findall(t))}
        on = {p.source for p in self.plans if p.date and p.date in dates}
        if on:
            facets.append(on)
        # "kế hoạch về du lịch cộng đồng", "the clean water plan": words next to the word for a plan.
        near = [_window(t, m.start(), m.end()) for m in re.finditer(rf"\b{_DOC}\b", t)]
        if near:
            # Only a pair some title has can name a plan: the others need no counting.
            grams = set().union(*map(self._bigrams, near)) & self._titled
            # A title's words that most plans use in their text ("xây dựng") name none of them.
            rare = {g for g in grams if 2 * self._used_by(g) <= len(self.plans)}
            by_title = {src for src, own in self._own.items() if own & rare}
            if by_title:
                facets.append(by_title)
        if not facets:
            return Naming((), unknown)
        # Strongest first (number, place, date, title); a facet that would leave nothing is ignored.
        chosen = facets[0]
        for f in facets[1:]:
            chosen = chosen & f or chosen
        return Naming(tuple(p for p in self.plans if p.source in chosen), "")

    def find(self, source: str) -> Plan | None:
        return next((p for p in self.plans if p.source == source), None)


__all__ = ["Catalogue", "Naming", "asks_for_plans", "base_number", "issuer_short", "plan_json", "plan_label",
           "province"]
