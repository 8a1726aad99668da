"""The plan's indicators: each clause with a figure, its year, comparator, value and unit, and each cell of
an indicator table whose columns are years ("| Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 |")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.genre import label_of
from index.normalize import canon, fold
from index.parse import Plan, Section
from index.tables import PLACE_HEAD, cells, tab_aligned

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
    # The heading of a column of what was done ("Năm 2025 (ước thực hiện)"): a figure the plan starts from, no target.
    baseline: str = ""
    # The body an indicator table's column makes responsible for the row ("Cơ quan theo dõi": "Đoàn Thanh niên xã").
    tracker: str = ""
    # The place a table of places × figures sets the figure for ("xã Tân Lập"); "" for the plan's own figures.
    place: str = ""


def _year(title: str) -> int | None:
    """The year a heading sets its targets for: "đến năm 2025", "Năm 2027", the end of "giai đoạn 2025 - 2027"."""
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", title)]
    return max(years) if years else None


_LABEL = re.compile(r"(?:[-*+]\s*)?(?:[^\W\d_]+\s+){0,2}(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.:)]\s+")

# A year a clause sets its figure for: "đến (cuối) năm 2027", "vào năm 2030", "by 2030", or "Năm 2027" opening it
# or its words after a colon ("Số mô hình …: năm 2026 xây dựng mới 25 mô hình");
# "so với năm 2020" is a baseline, not a target year.
_YEAR_SET = re.compile(r"(?:\b(?:đến|tới|trong|vào)(?:\s+(?:cuối|hết|giữa))?\s+năm\s+|(?:^|:\s*)(?:năm|by)\s+)(20\d\d)(?!\d)"
                       r"|\bnăm\s+(20\d\d)(?=\s+(?:đạt|giảm|còn|tăng|ít nhất|tối thiểu|trên|dưới)\b)", re.I)


_YEAR_AFTER = re.compile(r"(?<=[\d%])\s*(?:[^\W\d_]+\s+)?năm\s+(20\d\d)(?!\d)", re.I)
# A year named at the end of a figure's words, not as the baseline ("so với năm 2025", "từ năm 2020").
_YEAR_CLOSING = re.compile(r"(?<!so với )(?<!so voi )(?<!từ )(?<!kể từ )(?<!của )\bnăm\s+(20\d\d)(?!\d)()", re.I)


def _years_of(text: str, default: int | None) -> list[tuple[int | None, str]]:
    """The clause cut into pieces, one a year it names, each with that year's figure: "đạt 75% vào năm
    2027 và 85% vào năm 2030" (each year after its figure) and "đến năm 2027 đạt 75%, đến năm 2030 đạt
    85%" (each before) are 75% for 2027 and 85% for 2030; a clause naming one year or none is one piece."""
    marks = list(_YEAR_SET.finditer(text))
    # "đạt 62% (năm 2025 đạt 56,8%)": a year in brackets beside a figure outside them says what was done, no year the
    # clause sets its figure for.
    inside = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    outside = re.sub(r"\([^()]*\)", " ", text)
    if inside and _figure(outside):
        marks = [m for m in marks if not any(a <= m.start() < b for a, b in inside)]
    # "đạt 35% năm 2026 và 50% năm 2027", "1.350 người năm 2026": a year named right after its figure.
    bare = [m for m in _YEAR_AFTER.finditer(text) if not any(m.start() < x.end() and x.start() < m.end() for x in marks)
            and not (inside and _figure(outside) and any(a <= m.start() < b for a, b in inside))]
    marks = sorted(marks + bare, key=lambda m: m.start())
    # "Giảm ít nhất 10% số vụ phạm tội về trật tự xã hội năm 2026 và giảm ít nhất 15% năm 2027 so với năm 2025": where
    # another year is set, a year closing the words after a figure is that figure's ("so với năm 2025" is the baseline).
    if marks:
        closing = [m for m in _YEAR_CLOSING.finditer(text) if not any(m.start() < x.end() and x.start() < m.end() for x in marks)]
        kept, at = [], 0
        for m in sorted(marks + closing, key=lambda m: m.start()):
            if m in marks or _figure(text[at : m.start()]):
                kept.append(m)
                at = m.end()
        marks = kept
    if len(marks) < 2:
        # "Tỷ lệ … (kết quả khảo sát năm 2025 là 7,4%): năm 2026: giảm xuống dưới 6%": a year opening the words
        # after a colon sets the figure after it, not one the clause mentions before.
        if marks and (text[: marks[0].start() + 1].rstrip().endswith(":")) and _figure(text[marks[0].end() :]):
            return [(int(marks[0].group(1) or marks[0].group(2)), text[marks[0].start():])]
        return [(int(marks[0].group(1) or marks[0].group(2)) if marks else default, text)]
    figure = next((x for x in _NUMBER.finditer(text) if not re.fullmatch(r"20\d\d|\d{1,2}/\d+", x.group(1))), None)
    years_first = figure is None or marks[0].start() < figure.start()
    out: list[tuple[int | None, str]] = []
    for k, m in enumerate(marks):
        if years_first:
            a, b = m.start(), marks[k + 1].start() if k + 1 < len(marks) else len(text)
        else:
            a, b = (marks[k - 1].end() if k else 0), (m.end() if k + 1 < len(marks) else len(text))
        out.append((int(m.group(1) or m.group(2)), text[a:b]))
    return out


def _lead_in_year(plan: Plan, x: Section) -> int | None:
    """The year a unit's own words before its points set them ("Trong năm học 2026 - 2027, phấn đấu đạt các chỉ tiêu
    sau:"), where they end in a colon."""
    own = plan.body(x.id).strip()
    last = own.splitlines()[-1].strip() if own else ""
    return _year(last) if last.endswith(":") and len(last) < 200 else None


def _period_year(text: str, plan: Plan) -> int | None:
    """The year a clause with no year of its own sets its figure for when it speaks of the whole period:
    "tổng cả giai đoạn 2026 - 2030 ít nhất 3.300 người" by 2030; "Mỗi năm … ít nhất 650 người" every
    year of the plan's period, so by its last year (the clause's own words say "mỗi năm")."""
    period = re.search(r"giai đoạn\s+20\d\d\s*-\s*(20\d\d)", text, re.I)
    if period:
        return int(period.group(1))
    if re.search(r"\b(mỗi năm|hằng năm|hàng năm)\b", text, re.I):
        return _year(plan.title)
    # A plan for one year ("Kế hoạch … năm 2026") sets every figure it gives no year for that year.
    if len(set(re.findall(r"(?<!\d)20\d\d(?!\d)", plan.title))) == 1 and not re.search(r"giai đoạn|20\d\d\s*[-–]", plan.title):
        return _year(plan.title)
    return None


def _figure(piece: str) -> re.Match[str] | None:
    """The figure a piece sets: its first percentage ("trẻ em từ 0 đến 6 tuổi … đạt 60%"), else its
    first number that is no year or date ("có 420 câu lạc bộ với khoảng 12.600 thành viên")."""
    # A day or a quarter written with slashes ("30/10/2026", "Quý II/2026"), a document's number ("4127/QĐ-BYT")
    # is no figure.
    numbers = [x for x in _NUMBER.finditer(piece) if not re.fullmatch(r"20\d\d(?:\s*-\s*20\d\d)?|\d{1,2}/\d+", x.group(1))
               and not re.match(r"/\w", piece[x.end(1):]) and not re.search(r"[\d\w]/$", piece[:x.start()])
               # "6 tháng đầu năm 2026", "9 tháng cuối năm": the part of a year a figure is for, no figure
               and not re.match(r"\s*tháng\s+(?:đầu|cuối)\s+năm\b", piece[x.end():], re.I)]
    # "10/14 thôn", "14/14 xã": so many of so many, a figure; a day of a month ("30/9", "15/11 hằng năm") is none.
    shares = [x for x in _SHARE_OF.finditer(piece) if (of := [int(n) for n in x.group(1).split("/")])[1] > 12 or (
        of[0] <= of[1] and not re.match(r"\s*(?:năm|hằng|hàng)\b", piece[x.end():], re.I))]
    return next(iter([x for x in numbers if x.group(2)] or shares or numbers), None)


# So many of so many ("10/14 thôn"): group 1 the figure, group 2 empty (no "%"), as _NUMBER's groups are.
_SHARE_OF = re.compile(r"(?<![\d/.,])(?<!Trang )(?<!trang )(\d{1,3}/\d{1,3})()(?![\d/])(?=\s*[^\W\d_])")  # "Trang 1/5": a page


def target_sections(plan: Plan) -> list[str]:
    """The plan's sections that set targets: leaves of a part or item whose heading says targets
    ("Mục tiêu cụ thể", "CHỈ TIÊU"), wherever the plan puts them; a vision ("Tầm nhìn") sets none."""
    out = []
    for s in plan.sections:
        if not s.has_body or plan.role(s.id) != "targets" or "tam nhin" in fold(s.title):
            continue
        out.append(s.id)
    if out:
        return out
    # A plan with no heading of targets ("II. MỤC TIÊU" then "2.1. Phấn đấu giảm ít nhất 5% số vụ cháy …"): its
    # objectives that state a figure are its targets.
    # A part of objectives with no items ("II. MỤC TIÊU" then "- Giảm ít nhất 30% số điểm ngập úng …") is one such leaf.
    leaves = [s for s in plan.sections if s.has_body and s.kind in {"item", "point", "part"} and plan.role(s.id) == "objectives"
              and not any(x.parent == s.id for x in plan.sections)]
    return [s.id for s in leaves if (_STATES_AMOUNT.search(text := plan.text[s.start : s.end]) or _year_table(text))
            and "tam nhin" not in fold(s.title)]


def _year_table(text: str) -> bool:
    """A table with a column of a year's figures ("| Chỉ tiêu | Đơn vị | Thực hiện năm 2025 | Kế hoạch năm 2026 |"):
    they sit in cells of their own, with no word after them for _STATES_AMOUNT to see."""
    return any(_YEAR_COLUMN.match(c.strip()) for line in text.splitlines() if line.lstrip().startswith("|") for c in cells(line))


# A figure with what it counts or a share ("5%", "120 Tổ", "60 giây"), not a number, year or date.
_STATES_AMOUNT = re.compile(r"(?<![\w/.,])(?!(?:19|20)\d\d\b)\d[\d.,]*\s*(?:%|[^\W\d_]{2,})(?![\w]*/)")


# The bounds a figure is set with, as the plans and the questions say them ("ít nhất mấy", "tối thiểu", "at most").
_BOUNDS = {"least": re.compile(r"\b(?:it nhat|toi thieu|at least|minimum|no less than)\b"),
           "most": re.compile(r"\b(?:toi da|khong vuot qua|khong qua|nhieu nhat|at most|maximum|no more than)\b")}


def bound(folded: str) -> str:
    """"least" or "most" where a folded text says a bound of a figure, else ""."""
    return next((k for k, rx in _BOUNDS.items() if rx.search(folded)), "")


# A clause that points back at the one before it: "…; đến ngày 31/12/2026, tỷ lệ này đạt ít nhất 85%".
POINTS_BACK = re.compile(r"\b(?:tỷ lệ|chỉ tiêu|con số|số lượng|mức)\s+(?:này|nói trên|đó)\b", re.I)


def clauses(raw: str, base: int) -> list[tuple[int, int]]:
    """Offsets of clauses: bullet items cut at ";", at sentence ends, at blank lines and at a line
    that opens a bullet ("*Phấn đấu đến năm 2030:*" then "- 85% …" are two clauses) or a table's row."""
    out, start = [], 0
    for m in re.finditer(r";\s|\.\s+(?=[*_]*[A-ZĐ-])|[ \t]-\s(?=[A-ZĐ])|\n\s*\n|\n(?=[ \t]*[-+•*|])|$", raw):
        seg = raw[start : m.start()]
        lead = len(seg) - len(seg.lstrip(" -\n\t"))
        if seg.strip(" -.\n\t"):
            out.append((base + start + lead, base + len(seg.rstrip()) + start))
        start = m.end()
    return out


def extract_targets(plan: Plan) -> list[Target]:
    out: list[Target] = []
    sids = target_sections(plan)
    # Rows of indicators in a table that is no unit of targets itself ("PHỤ LỤC I: CHỈ TIÊU …" among the
    # appendices): the table is read once, from the unit holding its header, for those rows.
    rows = set(sids)
    for holder in dict.fromkeys(_holder(plan, s) for sid in sids if (s := plan.section(sid)) is not None and s.kind == "row"):
        if holder is not None and holder.id not in rows:
            out += [t for t in _table_targets(plan, holder.id, holder.start, _table_end(plan, holder)) if t.section in rows]
    for sid in sids:
        s = plan.section(sid)
        if s is None:
            continue
        # A unit with no year of its own sets its targets for its heading's ("Phần II: Chỉ tiêu năm 2026").
        # Or for the period the lead-in of the unit above says ("2. Mục tiêu cụ thể / Trong năm học 2026 - 2027,
        # phấn đấu đạt các chỉ tiêu sau:" over "a) 100% trường …"): the period's last year.
        section_year = next((y for x in reversed(plan.path(sid)) if (y := _year(x.title))), None) \
            or next((y for x in reversed(plan.path(sid)[:-1]) if (y := _lead_in_year(plan, x))), None)
        raw = plan.text[s.start : s.end]
        # A heading of its own ends on the line that holds its title's end; a title cut from the
        # body's first words ("Tỷ lệ người khuyết tật…") has none, and the body starts at once.
        heading_end = raw.find(s.title[-6:]) if s.title and not s.title.endswith("…") else -1
        first_nl = raw.find("\n", heading_end) if heading_end >= 0 else -1
        body_start = s.start + (first_nl + 1 if first_nl >= 0 else 0)
        # A title that is the lead-in of its line ("a) Tỷ lệ hộ nghèo …: đến cuối năm 2026 giảm còn 4,8%; …"):
        # the line goes on after its colon with the figures.
        lead_in = re.match(r"\s*:\s*(?=\S)", raw[heading_end + 6 :]) if heading_end >= 0 else None
        lead_title = ""
        if lead_in:
            body_start = s.start + heading_end + 6 + lead_in.end()
            # "1. Tuyển sinh giáo dục nghề nghiệp: 6 tháng đầu năm …": what each clause counts; not a time ("c) Đến năm 2028:")
            lead_title = canon(s.title).strip(" :")
            if len(re.findall(r"[^\W\d_]{2,}", re.sub(r"(?i)\b(?:đến|tới|trong|hết|cuối|giai đoạn)\b|\bnăm\b", " ", lead_title))) < 2:
                lead_title = ""
        if body_start == s.start:  # the unit's own number ("Chỉ tiêu 4:", "2.1.", "a)") is no figure of it
            label = _LABEL.match(plan.text, s.start, s.end)
            body_start = label.end() if label else body_start
        previous = ""
        if s.kind == "row":  # a table's rows ("B.9") are read with the table's header, from the unit holding it; the
            continue  # note under its last row ("Chỉ tiêu … giao theo hoạt động 1.2 Mục III") sets no figure
        out += _table_targets(plan, s.id, s.start, _table_end(plan, s))
        for a, b in clauses(plan.text[body_start : s.end], body_start):
            text = canon(plan.text[a:b])
            if text.startswith("|") or text.count("\t") >= 2:  # a table's rows are read by their columns, above
                continue
            # A clause with hardly a word of its own besides its year and figure continues the one
            # before it: it sets the same indicator for another year.
            own_words = re.sub(r"(?:đến|tới|trong)?\s*năm\s+20\d\d|[\d.,%]+|\b(đạt|có|là|khoảng|trên|dưới|ít nhất)\b", " ", text, flags=re.I)
            # So does one whose words all stand in the clause before ("…, có ít nhất 45 hợp tác xã tham gia …; trong
            # đó đến năm 2028 có 25 hợp tác xã"): it says the same indicator's figure for another year.
            said = set(re.findall(r"[a-z]+", fold(previous).lower()))
            # And one that points back at it ("…; đến ngày 31/12/2026, tỷ lệ này đạt ít nhất 85%").
            back = bool(previous) and bool(POINTS_BACK.search(text))
            goes_on = back or (not text[:1].isupper() and (len(own_words.split()) < 3 or bool(re.match(
                r"(?:(?:đến|tới)\s+)?(?:(?:hết|cuối)\s+)?năm\s+20\d\d", text)) or (bool(previous) and _YEAR_SET.search(text) is not None
                and set(re.findall(r"[a-z]+", fold(own_words).lower())) - {"trong", "do", "rieng", "so"} <= said)))
            subject = previous if goes_on else ""
            if not subject:
                previous = text
            subject = f"{lead_title}: {subject}".strip(" :") if lead_title else subject
            for year, piece in _years_of(text, section_year or _period_year(text, plan)):
                m = _figure(piece)
                if not m:
                    # "Phấn đấu đến năm 2028:" heads the bullets after it: they are that year's.
                    if year != section_year and text.rstrip("*_ ").endswith(":"):
                        section_year = year
                    continue
                if year is None:
                    continue
                before = piece[: m.start()].rstrip().lower()
                comp = next((c for c in _COMPARATORS if before.endswith(c)), "")
                after = piece[m.end() :].split()
                unit = "%" if m.group(2) else (after[0].strip(",;") if after else "")
                out.append(Target(plan.source, s.id, year, text, m.group(1) + ("%" if m.group(2) else ""), comp, unit, a, b,
                                  subject))
    return out


# A column of years ("Năm 2026", "2027", "Đến năm 2030", "Kế hoạch năm 2026"), never of a period ("2026 - 2030"),
# nor of what was done ("Kết quả năm 2025": a baseline, said beside each figure).
_YEAR_COLUMN = re.compile(r"^(?:(?:kế hoạch|chỉ tiêu|mục tiêu|kh)\s+)?(?:(?:năm|đến năm|đến hết năm|year)\s+)?(20\d\d)$", re.I)
# What an indicator's own words say of its figure: "(tối thiểu)", "(không vượt quá)".
_BOUND = {"toi thieu": "tối thiểu", "it nhat": "ít nhất", "toi da": "tối đa", "khong vuot qua": "không vượt quá",
          "duoi": "dưới", "tren": "trên"}


def _holder(plan: Plan, x: Section) -> Section | None:
    """The unit holding the table a row (or group row) belongs to."""
    while x.kind in {"row", "group"} and x.parent:
        parent = plan.section(x.parent)
        if parent is None:
            return None
        x = parent
    return x


def _table_end(plan: Plan, s: Section) -> int:
    """Where a unit's text ends with the rows (and group rows) of a table it holds, which are units of their own."""
    return max((x.end for x in plan.sections if x.kind in {"row", "group"} and (h := _holder(plan, x)) is not None and h.id == s.id),
               default=s.end)


def number(figure: str) -> float | None:
    """A figure as written in the plan ("6,20%", "1.250") or a question ("6", "6.5"), as a number."""
    digits = figure.rstrip("%").strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


def _place_column(head: list[str]) -> int | None:
    """The column naming each row's place, in a heading whose other columns say a year ("Chỉ tiêu giảm số hộ nghèo
    năm 2026"); None for any other heading."""
    place = next((i for i, h in enumerate(head) if PLACE_HEAD.match(fold(h.strip()))), None)
    dated = [h for i, h in enumerate(head) if i != place and re.search(r"\b20\d\d\b", h)]
    return place if place is not None and dated else None


def _place_targets(plan: Plan, sid: str, head: list[str], lines: list[str], pos: int, aligned: bool) -> list[Target]:
    """A table of places × figures (Phụ lục "chỉ tiêu … của các xã, phường": "TT | Xã, phường | Số hộ nghèo đầu năm 2026 |
    Chỉ tiêu giảm số hộ nghèo năm 2026 | Tỷ lệ hộ nghèo cuối năm 2026 (%)"): each cell a figure the plan sets that
    place for its column's year, said with the place; a column of what a place starts from ("đầu năm", "hiện có") is
    its baseline."""
    place = _place_column(head)
    assert place is not None
    out: list[Target] = []
    for line in lines:
        a, pos = pos, pos + len(line)
        row = line.strip(" \r\n")
        if not ((row.startswith("|") and row.endswith("|")) or row.count("\t") >= 2):
            if row:
                break
            continue
        cs = cells(row, aligned)
        if place >= len(cs) or not re.search(r"[^\W\d_]{2}", cs[place]):
            continue
        where = cs[place].strip()
        unit_row = next((x.id for x in plan.sections if x.kind == "row" and x.start <= a < x.end), sid)
        for i, h in enumerate(head):
            y = re.search(r"\b(20\d\d)\b", h)
            m = re.search(r"(?<![\d/])(\d[\d.,]*)\s*(%)?", cs[i]) if i < len(cs) and i != place else None
            if not y or not m or len(cs[i]) > 30:
                continue
            share = "%" in h or bool(m.group(2))
            figure = m.group(1).rstrip(".,") + ("%" if share else "")
            column = re.sub(r"\s*\(%\)", "", h).strip()
            start = re.search(r"\b(dau nam|hien co|hien nay|thuc hien|uoc thuc hien|co so)\b", fold(h))
            out.append(Target(plan.source, unit_row, int(y.group(1)), f"{where}: {column}: {figure}", figure, "",
                              "%" if share else "", a, a + len(line.rstrip()), f"{column} ({where})",
                              column if start else "", place=where))
    return out


def _table_targets(plan: Plan, sid: str, start: int, end: int) -> list[Target]:
    """Each year's figure of an indicator table: a row names the indicator (and its unit), a column heads
    each year. "| 5 | Tỷ lệ mẫu … đạt yêu cầu | % | 92 | 93,5 | 95 |" under "| TT | Chỉ tiêu | Đơn vị tính |
    Năm 2026 | Năm 2027 | Năm 2028 |" sets 93,5% for 2027."""
    out: list[Target] = []
    head: list[str] = []
    years: dict[int, int] = {}
    pos = start
    lines = plan.text[start:end].splitlines(keepends=True)
    aligned = tab_aligned(lines)
    for line in lines:
        a, pos = pos, pos + len(line)
        row = line.strip(" \r\n")
        if not ((row.startswith("|") and row.endswith("|")) or row.count("\t") >= 2):
            head, years = ([], {}) if row else (head, years)
            continue
        cs = cells(row, aligned)
        if all(re.fullmatch(r":?-{3,}:?", c) or not c for c in cs):
            continue
        found = {i: int(m.group(1)) for i, c in enumerate(cs) for m in [_YEAR_COLUMN.match(c.strip())] if m}
        if not years and not found and _place_column(cs) is not None:
            out += _place_targets(plan, sid, cs, lines[lines.index(line) + 1:], pos, aligned)
            break
        if not years:
            head, years = (cs, found) if found else ([], {})
            continue
        labels = [fold(h) for h in head]
        unit_col = next((i for i, h in enumerate(labels) if h.startswith(("don vi", "dvt"))), None)
        texts = [i for i in range(len(cs)) if i not in years and i != unit_col and label_of(head[i] if i < len(head) else "") != "number"]
        named = [i for i in texts if i < len(labels) and labels[i].startswith(("chi tieu", "noi dung", "ten chi tieu", "muc tieu"))]
        cols = named or sorted(texts, key=lambda i: -len(cs[i]))
        if not cols or not re.search(r"[^\W\d_]{2}", cs[cols[0]]):
            continue
        col = cols[0]
        indicator = cs[col].strip()
        unit = cs[unit_col].strip() if unit_col is not None and unit_col < len(cs) else ""
        # A column of the year the plan starts from ("Năm 2025 (cơ sở)"): each year's figure is said beside it.
        per = "%" if unit == "%" else f" {unit}" if unit else ""
        done = [(i, int(y.group(0))) for i in range(min(len(head), len(cs)))
                if i not in years and (y := re.search(r"\b20\d\d\b", head[i])) and re.search(r"\d", cs[i])]
        baseline = "".join(f" ({head[i].strip()}: {cs[i].strip()}{per})" for i, _ in done)
        said_bound = " ".join(re.findall(r"\(([^)]*)\)", fold(indicator)))  # "(tối thiểu)", not "ít nhất 01 lần/năm"
        bound = next((w for f, w in _BOUND.items() if re.search(rf"\b{f}\b", said_bound)), "")
        row = next((x.id for x in plan.sections if x.kind == "row" and x.start <= a < x.end), sid)
        # "Cơ quan theo dõi", "Đơn vị chịu trách nhiệm", "Cơ quan chủ trì": who answers for the indicator.
        body_col = next((i for i, h in enumerate(labels) if re.match(r"(co quan|don vi)\s+(theo doi|chiu trach nhiem|chu tri|thuc hien)", h)), None)
        tracker = cs[body_col].strip() if body_col is not None and body_col < len(cs) and body_col not in years else ""
        for i, year in years.items():
            value = cs[i].strip() if i < len(cs) else ""
            # "93,5", "≥ 95%", or a cell in words: "Giảm từ 5% trở lên", "Trên 98%", "12 điểm", "40 camera".
            m = re.search(r"(?<![\d/])(\d[\d.,]*)\s*(%)?", value)
            if not m or len(value) > 60 or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
                continue
            share = unit == "%" or bool(m.group(2))
            figure = m.group(1).rstrip(".,") + ("%" if share else "")
            words = value[m.end():].split()
            counted = unit or ("" if share or not words else words[0].strip(",;."))
            plain = re.fullmatch(r"[<>≤≥]?\s*\d[\d.,]*\s*%?", value)
            shown = figure if plain and not re.match(r"[<>≤≥]", value) else value
            # "| % | ≥ 80 |": a share whose cell leaves its sign to the unit column is said with it ("≥ 80%").
            shown += "%" if share and plain and not shown.endswith("%") else ""
            said = f"{indicator}: {shown}" + ("" if share or not unit or not plain else f" {unit}")
            cell_bound = next((w for f, w in _BOUND.items() if re.search(rf"\b{f}\b", fold(value))), "")
            out.append(Target(plan.source, row, year, said + baseline, figure, bound or cell_bound, "%" if share else counted, a,
                              a + len(line.rstrip()), indicator, tracker=tracker))
        # What was done in a year a column heads, asked as that year's figure ("tỷ lệ … năm 2025 là bao nhiêu"),
        # is the plan's to say, as what it starts from.
        for i, year in done:
            if year in years.values() or len(cs[i].strip()) > 60 or len(re.findall(r"\b20\d\d\b", head[i])) > 1:
                continue
            m = re.search(r"(?<![\d/])(\d[\d.,]*)\s*(%)?", cs[i])
            if m:
                share = unit == "%" or bool(m.group(2))
                out.append(Target(plan.source, row, year, f"{indicator}: {cs[i].strip()}{per}", m.group(1).rstrip(".,") + ("%" if share else ""),
                                  "", "%" if share else unit, a, a + len(line.rstrip()), indicator, head[i].strip()))
    return out
