"""Timelines as records: ongoing, yearly, a year, a range, a quarter, a month, a date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.genre import phrase_pattern
from index.normalize import canon, fold

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True, slots=True)
class Timeline:
    text: str  # the plan's wording, for display
    kind: str  # ongoing | yearly | year | range | quarter | month | date | "" (none stated)
    first: int | None = None  # first year concerned
    last: int | None = None  # last year concerned (None: open-ended, "and the following years")

    def covers(self, year: int) -> bool:
        """True when the work falls in that year."""
        if self.first is None:
            return False
        return self.first <= year and (self.last is None or year <= self.last)


def parse_timeline(text: str) -> Timeline:
    """Read a timeline phrase: "Quý IV/2025", "2025 - 2026", "trước ngày 30/6/2025", "Thường xuyên"."""
    shown = canon(text).strip(" .;,()")
    f = fold(shown)
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", f)]
    open_end = bool(re.search(r"(cac|nhung) nam tiep theo|tro di|following years|onward", f))
    first = min(years) if years else None
    last = None if open_end or not years else max(years)
    if re.search(r"(?<![a-z])(quy|q)\s*(i{1,3}|iv|[1-4])\s*[/.-]?\s*(nam\s*)?20\d\d", f):
        return Timeline(shown, "quarter", first, last)
    if re.search(r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*20\d\d\b|ngay\s+\d{1,2}\s+thang", f):
        return Timeline(shown, "date", first, last)
    if re.search(r"thang\s+\d{1,2}\s*(/|nam)\s*20\d\d|\b\d{1,2}\s*/\s*20\d\d\b", f):
        return Timeline(shown, "month", first, last)
    if phrase_pattern("timeline", "yearly").search(f) and not years:
        return Timeline(shown, "yearly")
    for recurring in ("monthly", "quarterly"):  # "Hằng tháng", "định kỳ hằng quý"
        if phrase_pattern("timeline", recurring).search(f) and not years:
            return Timeline(shown, recurring)
    if phrase_pattern("timeline", "ongoing").search(f) and not years:
        return Timeline(shown, "ongoing")
    if years and (len(set(years)) > 1 or open_end):
        return Timeline(shown, "range", first, last)
    if years:
        return Timeline(shown, "year", first, last)
    if phrase_pattern("timeline", "yearly").search(f):
        return Timeline(shown, "yearly")
    if phrase_pattern("timeline", "ongoing").search(f):
        return Timeline(shown, "ongoing")
    return Timeline(shown, "" if not shown else "other")


# A timeline said inside a sentence: "thời gian thực hiện: 2025 - 2026", "hoàn thành trong Quý IV/2025",
# "trước ngày 30/6/2025", "(thực hiện hằng năm)", "thường xuyên".
_INLINE = re.compile(
    # "thời hạn hoàn thiện hồ sơ đề nghị công nhận: Trước 15/9/2026": a deadline of a thing the label names
    r"(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?:\s+[^\s:;()]+){0,7}|tiến độ)\s*:\s*([^;()\n]+?)(?=[;.)]\s|[;.)]?$)"
    r"|(?:hoàn thành|xong|thực hiện|triển khai)?\s*(?:trong|trước|trong năm|vào)\s+"
    r"((?:(?:ngày\s+)?\d{1,2}/\d{1,2}/20\d\d|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+20\d\d|[Qq]uý\s+[IV1-4]+\s*(?:/|năm)\s*20\d\d|"
    r"tháng\s+\d{1,2}\s*(?:/|năm)\s*20\d\d|năm\s+20\d\d|"
    # "trong học kỳ I năm học 2026 - 2027": a school's half-year
    r"học kỳ\s+(?:II|I|1|2)(?![\w/])(?:\s+(?:của\s+)?năm học(?:\s+20\d\d\s*-\s*20\d\d)?)?))"
    r"|giai đoạn\s+(20\d\d\s*-\s*20\d\d)"
    # "quý II hằng năm", "tháng 5 hằng năm": a quarter or month of every year
    r"|((?:thực hiện\s+)?(?:(?:[Qq]uý\s+[IV1-4]+|tháng\s+\d{1,2}|từ\s+tháng\s+\d{1,2}\s+đến\s+(?:hết\s+)?tháng\s+\d{1,2})\s+)?"
    r"(?:thường xuyên|hằng năm|hàng năm|định kỳ hằng năm|định kỳ hàng năm)"
    # "hằng năm vào tháng 10", "hằng năm trong quý III", "hằng năm từ tháng 5 đến tháng 8": the same, the months
    # said after
    r"(?:,?\s+(?:(?:vào|trong)\s+(?:[Qq]uý\s+[IV1-4]+|tháng\s+\d{1,2})|từ\s+tháng\s+\d{1,2}\s+đến\s+(?:hết\s+)?"
    r"tháng\s+\d{1,2})(?![\d/]))?)",
    re.IGNORECASE,
)


_DONE = re.compile(r"(?:hoàn thành|xong|trước|thời gian|thời hạn|tiến độ)\s*\S*\s*$", re.IGNORECASE)


def _with_before(text: str, a: int) -> int:
    """Where a point in time starting at `a` starts with the word "trước" before it kept: "trước ngày 31/3/2027" is
    a deadline, not the day itself."""
    before = re.search(r"(?i)trước\s+$", text[:a])
    return before.start() if before else a


# A bracket closing a duty that holds its time and nothing else: "(hoàn thành trước 30/6/2026)", "(Quý IV/2026)",
# "(hằng năm)", "(giai đoạn 2026 - 2028)".
_CLOSING_TIME = re.compile(
    r"\(\s*((?:(?:hoàn thành|thực hiện|triển khai)\s+)?(?:(?:trước|trong|vào)\s+)?(?:ngày\s+)?"
    r"(?:\d{1,2}/\d{1,2}/20\d\d|[Qq]uý\s+[IV1-4]+\s*(?:/|năm)\s*20\d\d|tháng\s+\d{1,2}\s*(?:/|năm)\s*20\d\d|năm\s+20\d\d"
    r"|(?:giai đoạn\s+)?20\d\d\s*-\s*20\d\d|(?:[Qq]uý\s+[IV1-4]+\s+|tháng\s+\d{1,2}\s+)?(?:hằng năm|hàng năm)|thường xuyên))"
    r"\s*\)\s*[.;]?\s*$", re.I)


def find_timeline(sentence: str) -> tuple[str, int, int] | None:
    """The timeline phrase of a sentence and its span: a labelled one ("thời gian thực hiện: …"); else
    the points in time it finishes by ("sơ kết … trong quý IV năm 2027 và tổng kết … trong năm 2030"
    is both); else a period or "hằng năm", one a completion word introduces first, then the last:
    a sentence ends with its deadline, and a period earlier in it is what the task is about ("kế
    hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của tỉnh; hoàn thành trong năm 2026")."""
    points: list[tuple[str, int, int]] = []
    best: tuple[tuple[int, int], tuple[str, int, int]] | None = None
    closing = _CLOSING_TIME.search(sentence)
    if closing and _INLINE.search(sentence) is None:
        return closing.group(1), closing.start(1), closing.end(1)
    for m in _INLINE.finditer(sentence):
        g = next(i for i in range(1, 5) if m.group(i))
        text, a, b = m.group(g), m.start(g), m.end(g)
        if g == 1:
            return text, a, b
        if g == 2:
            a = _with_before(sentence, a)
            points.append((sentence[a:b], a, b))
            continue
        rank = (1 if _DONE.search(sentence[max(0, m.start() - 30):a]) else 0, a)
        if best is None or rank > best[0]:
            best = (rank, (text, a, b))
    if points:
        return "; ".join(dict.fromkeys(t for t, _, _ in points)), points[0][1], points[-1][2]
    return best[1] if best else None


def completion(text: str) -> tuple[str, int, int] | None:
    """The deadline a unit's running text states of itself, and its span: a labelled time ("thời gian thực
    hiện: …") or a point in time a completion word introduces ("… vào vận hành hoàn thành trong quý II/2027",
    "trước ngày 30/9/2026"); None when its sentences only mention times ("giai đoạn 2026 - 2030", "năm 2025")."""
    for m in _INLINE.finditer(text):
        if m.group(1):
            return m.group(1), m.start(1), m.end(1)
        if m.group(2) and _DONE.search(text[max(0, m.start() - 30) : m.start(2)]):
            a = _with_before(text, m.start(2))
            return text[a : m.end(2)], a, m.end(2)
    return None


def kinds(text: str) -> set[str]:
    """The kinds of each part of a timeline: "thường xuyên; việc nâng cấp … hoàn thành trước ngày
    31/12/2027" is ongoing and has a date."""
    # "thực hiện thường xuyên, hằng năm" is both: each part after a comma is read too.
    parts = [*text.split(";"), *(re.split(r"[;,]", text) if "," in text else [])]
    out = {parse_timeline(part).kind for part in parts if part.strip()} - {""}
    # "thường xuyên trong năm 2026": ongoing within its year, whatever else it says.
    if phrase_pattern("timeline", "ongoing").search(fold(text)):
        out.add("ongoing")
    return out


def _parts(text: str) -> list[str]:
    """A timeline's parts, each one time: "Năm 2026, năm 2028", "ngày 31/3/2026; quý II/2026", "… và …"."""
    return re.split(r"[;,]|\s(?:và|hoặc)\s", text)


def due_years(text: str) -> set[int]:
    """The years a timeline has work finish in: each stated date, month, quarter or year, and the
    end of each range ("2025 - 2027" is due in 2027; "ngày 31/3/2026; quý II/2026" in 2026)."""
    out: set[int] = set()
    if parse_timeline(text).kind == "range" and parse_timeline(text).last is None:
        return out  # "Năm 2024 và các năm tiếp theo" runs on; it falls due in no year
    for part in _parts(text):
        if re.match(r"\s*(?:khởi công|bắt đầu|từ|starting|from)\b", part, re.I) and not re.search(r"\b(?:đến|tới|until|to)\b", part):
            continue  # "khởi công năm 2027, hoàn thành năm 2029", "từ năm học 2026 - 2027": a start falls due in no year
        t = parse_timeline(part)
        if t.kind in {"year", "quarter", "month", "date"} and t.first is not None:
            out.add(t.first)
        elif t.kind == "range" and t.last is not None:
            out.add(t.last)
    return out


def runs_in(text: str, year: int) -> bool:
    """A timeline has work in that year: a year, quarter, month or date of it, a range through it ("2025 - 2030",
    "từ năm 2026 trở đi"); "Năm 2026, năm 2028" runs in 2026 and 2028, not in 2027."""
    for part in _parts(text):
        t = parse_timeline(part)
        if t.first is None:
            continue
        last = t.last if t.last is not None or t.kind != "range" else year
        if t.first <= year <= (last if last is not None else t.first):
            return True
    return False
