"""Tables in a plan's text: what a table is (pipe rows, cells parted by tabs or " | "), its cells, and how its rows
become units of the plan — a task table's rows with their cells by role, an indicator table's rows, a schedule of
months, a table of a row per body listing task numbers, a matrix of tasks × bodies marked "CT" / "PH". The parser
(index/parse.py) calls `table_at` and `read_table` as it meets a table; the rows it adds are read like its other
units."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.genre import body_head, label_of, role_of
from index.normalize import canon, fold, strip_markdown

if TYPE_CHECKING:
    from index.parse import _Builder, _Start, _State

# A table row: a Markdown pipe row, a row of cells parted by tabs as Word's tables are pasted into a text file
# ("1<TAB>Rà soát …<TAB>Sở Tài chính<TAB><TAB>Quý II/2026"), or cells parted by " | " as text pasted from a table
# ("1. Tuyên truyền | | CT |").
TABLE = re.compile(r"^\s*\|.*\|\s*$|^[^\t\n]*(?:\t[^\t\n]*){2,}$|^[^|\n]+(?:\s\|(?:\s[^|\n]*)?){3,}$")
_RULE = re.compile(r"^:?-{3,}:?$")
# Marks of an assignment table's cells: "CT" (chủ trì) leads, "PH" (phối hợp) takes part.
_LEAD_MARKS = frozenset({"ct", "chu tri", "c.t", "ctri"})
_PARTNER_MARKS = frozenset({"ph", "phoi hop", "p.h", "phop"})
# A schedule's month column ("T4", "Th5", "Tháng 6") and the marks of its cells.
_MONTH_COLUMN = re.compile(r"^(?:T|Th|Tháng|tháng|Thg)\s*\.?\s*(\d{1,2})$")
_MARKS = frozenset({"x", "xx", "v", "✓", "✔", "•", "*", "+"})
# A cell that names tasks by number only: "2, 3, 5, 11", "Nhiệm vụ 3, 5", "1; 4; 12", "1, 7, 9, 12; giám sát …".
_TASK_NUMBERS = re.compile(r"^\s*(?:(?:nhiệm vụ|nv|task|hoạt động|hđ)s?\s*-?\s*(?:số\s*)?)?\d{1,2}(?:\.\d{1,2})*"
                           r"(?:\s*(?:,|;|và|and)\s*(?:(?:nv|hđ)\s*-?\s*)?\d{1,2}(?:\.\d{1,2})*)*\s*(?:[.;:].*)?$", re.I)
# A task cited as staff write it in such a cell: "2a", "Nhiệm vụ 2.c", "4.b", "Điểm a, b mục 1" (points of an item).
_LABEL = r"(?:(?:nhiệm vụ|nv|task)\s*)?\d{1,2}(?:\.\d{1,2})*\.?[a-zđ]?\b|điểm\s+[a-zđ](?:\s*(?:,|và)\s*[a-zđ])*\s+(?:mục|khoản)\s+\d{1,2}"
_TASK_LABELS = re.compile(rf"^\s*(?:{_LABEL})(?:\s*(?:,|;|và|and)\s*(?:{_LABEL}))*\s*\.?\s*$", re.I)


def _labels(cell: str) -> tuple[str, ...]:
    """The task labels a cell cites, as the tasks are numbered under their part: "2a" 2.a, "Nhiệm vụ 4.c" 4.c,
    "Điểm a, b mục 1" 1.a and 1.b, "7" 7."""
    out: list[str] = []
    for m in re.finditer(r"(?i)điểm\s+((?:[a-zđ](?:\s*(?:,|và)\s*)?)+)\s+(?:mục|khoản)\s+(\d{1,2})|(\d{1,2}(?:\.\d{1,2})*)\.?([a-zđ])?\b",
                         cell):
        if m.group(2):
            out += [f"{m.group(2)}.{x.lower()}" for x in re.findall(r"[a-zđ]", m.group(1), re.I)]
        else:
            out.append(m.group(3) + (f".{m.group(4).lower()}" if m.group(4) else ""))
    return tuple(dict.fromkeys(out))


def cells(line: str, aligned: bool = False) -> list[str]:
    """The cells of a table row (Markdown pipes, or tabs), markup removed; `aligned`: a run of tabs parts two cells
    (a table typed with tabs to line its columns up, not pasted from Word)."""
    stripped = line.strip(" \n")
    parts = (stripped[1:-1].split("|") if stripped.startswith("|")
             else re.split(r"\t+" if aligned else r"\t", line.strip("\n\t ")) if "\t" in line else stripped.split("|"))
    return [canon(strip_markdown(c.replace("<br>", " ").replace("<br/>", " "))) for c in parts]


def tab_aligned(lines: list[str]) -> bool:
    """Rows of tab-parted cells typed to line their columns up ("Chỉ tiêu<TAB><TAB><TAB>Đơn vị<TAB>Năm 2026"): a
    run of tabs parts two cells. Read so where each run of tabs as one separator gives every row as many cells, and
    each tab alone does not; a table pasted from Word keeps its empty cells (two tabs around one)."""
    tabbed = [x for x in lines if "\t" in x and not x.lstrip().startswith("|")]
    if len(tabbed) < 2 or not any("\t\t" in x for x in tabbed):
        return False
    runs = {len(re.split(r"\t+", x.strip("\n\t "))) for x in tabbed}
    single = {len(x.strip("\n\t ").split("\t")) for x in tabbed}
    return len(runs) == 1 and len(single) > 1


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    cells: list[str]
    rel: str  # its id under the table: "II" for a group row, "II.3" or "3" for a numbered one
    group: str  # the group a numbered row is in ("II"), "" for none
    grouping: bool = False  # a group row
    title: str = ""  # a group row's title as its number cell gives it ("II. Ứng phó")


def _filled(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """A table's rows that have some cell filled, as a reader counts them."""
    return [(li, r) for li, r in rows if any(c.strip() for c in r)]


def _table_rows(data: list[tuple[int, list[str]]], numcol: int) -> list[_Row]:
    """A table's group rows ("II" with its title in the content column, or "II. Ứng phó" in the number column
    alone: a cell merged across the row, as Word tables write it) and numbered rows, each with its id under the
    table; numbering restarts in each group ("II.3") or runs through ("7")."""
    nums = [r[numcol].strip(" .") for _, r in data]
    digits = [n for n in nums if n.isdigit()]
    restart = len(digits) != len(set(digits))
    out, group = [], ""
    for (li, r), num in zip(data, nums, strict=True):
        # "II" or "B" (groups lettered in Vietnamese order) with its title in the content column, or beside it.
        grouped = re.fullmatch(r"([IVX]+|[A-EGHIKĐ])(?:\s*[.):]\s*(\S.*))?", num)
        # "1. Quy hoạch, công nhận làng nghề" alone in its row, its rows "1.1", "1.2": a group numbered in figures.
        arabic = re.fullmatch(r"(\d{1,2})\s*[.)]\s+(\S.*)", num) if not any(c.strip() for n, c in enumerate(r) if n != numcol) else None
        dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", num)
        if grouped or arabic:
            m = grouped or arabic
            assert m is not None
            group = m.group(1)
            # Its title in the number's cell ("II. Ứng phó"), else the first cell that says anything: a table whose
            # content column is not the second ("STT | Đơn vị thực hiện | Nội dung …") sets it beside the letter.
            beside = next((c.strip() for n, c in enumerate(r) if n != numcol and c.strip()), "")
            out.append(_Row(li, r, group, "", True, m.group(2) or beside))
        elif dotted:
            group = dotted.group(1)
            out.append(_Row(li, r, num, group))
        elif num.isdigit():
            out.append(_Row(li, r, f"{group}.{num}" if restart and group else num, group))
    return out


def _unnumbered_rows(data: list[tuple[int, list[str]]]) -> list[_Row]:
    """The rows of a table with no column of numbers, numbered in order as a reader counts them; a row whose one
    filled cell is its first, in capitals ("| THÁNG 7/2026 | | | |", "| CẢ DỊP HÈ | | | |"), heads the rows under it
    as a group ("G1", "G2" …) and counts as none of them."""
    out: list[_Row] = []
    group, k, g = "", 0, 0
    for li, r in data:
        filled = [c.strip() for c in r if c.strip()]
        if len(r) > 2 and len(filled) == 1 and r[0].strip() and r[0].strip().upper() == r[0].strip() \
                and re.search(r"[^\W\d_]{2}", r[0]):
            g += 1
            group = f"G{g}"
            out.append(_Row(li, r, group, "", True, r[0].strip()))
            continue
        k += 1
        out.append(_Row(li, r, str(k), group))
    return out


# A group row that names its lead: "SỞ NỘI VỤ CHỦ TRÌ", "Nhóm nhiệm vụ do Sở Y tế chủ trì", "Công an tỉnh (chủ trì)",
# "Sở Khoa học và Công nghệ và Đài Phát thanh và Truyền hình tỉnh đồng chủ trì".
_GROUP_LEAD = re.compile(r"^(?:nhóm\s+(?:nhiệm vụ|hoạt động)\s+)?(?:do\s+|giao\s+)?(.+?)\s*\(?\s*(?:đồng\s+|cùng\s+)?chủ trì(?:\s+thực hiện)?"
                         r"\s*\)?\s*[.:]?$", re.I)


def _group_leads(b: _Builder, units: list[_Row], cols: dict[str, int]) -> dict[str, str]:
    """The body each group of a table names as its lead, by the group's id ("I": "Sở Nội vụ"), where every group
    names one; a name in capitals is written as the plan writes it elsewhere ("SỞ NỘI VỤ": "Sở Nội vụ")."""
    from index.duties import heading_bodies

    groups = [u for u in units if u.grouping]
    out: dict[str, str] = {}
    for u in groups:
        title = (u.cells[cols["content"]] if cols["content"] < len(u.cells) else "").strip() or u.title
        m = _GROUP_LEAD.match(canon(title))
        name = _as_written(b.text, m.group(1).strip(" ,-–(")) if m else ""
        bodies = heading_bodies(name) if name else ()
        if not bodies:
            return {}
        out[u.rel] = "; ".join(bodies)
    return out if len(out) == len(groups) and any(not u.grouping for u in units) else {}


def _as_written(text: str, name: str) -> str:
    """A name as the plan writes it outside capitals ("SỞ Y TẾ" is "Sở Y tế" in its text), or as it is."""
    if not name.isupper():
        return name
    for m in re.finditer(re.escape(name), text, re.I):
        if not m.group(0).isupper():
            return m.group(0)
    return name


# A column of a time a task table marks ("| 2026 | 2027 | 2028 |", "Năm 2027", "Quý I/2026"): a year or a quarter.
# A column of a year, or of a quarter with its year or without (a one-year plan's "Quý I | Quý II | …").
_TIME_COLUMN = re.compile(r"^(?:năm\s+)?(20\d\d)$|^quý\s+(?:[IV]{1,3}|[1-4])(?:\s*(?:/|năm)\s*20\d\d)?$", re.I)
# A column of a month in a progress chart: "T3", "Th3", "Tháng 3", "Tháng 3/2026".
_MONTH_COLUMN = re.compile(r"^(?:t|th|tháng)\s*(\d{1,2})(?:\s*/\s*(20\d\d))?$", re.I)


def _marked_times(header: list[str], row: list[str], year: str = "") -> str:
    """The times a task table's row marks ("x") in its columns of years, quarters or months, as their heads say
    them: "Năm 2026, năm 2028"; a progress chart's months as runs, "Tháng 3 - 6/2026", every month
    "Hằng tháng", with the row's note beside them ("…; theo đợt, khi có thiên tai"); "" for a row that marks none,
    or a table with no such columns. `year` is the chart's where its heads give none."""
    def marked(n: int) -> bool:
        return n < len(row) and fold(row[n]).strip(" .") in _MARKS

    months = {int(m.group(1)): (n, m.group(2)) for n, c in enumerate(header) if (m := _MONTH_COLUMN.match(c.strip()))}
    if len(months) >= 3:
        on = [k for k, (n, _) in sorted(months.items()) if marked(n)]
        if not on:
            return ""
        year = next((y for _, y in months.values() if y), year)
        runs: list[list[int]] = []
        for k in on:
            if runs and k == runs[-1][-1] + 1:
                runs[-1].append(k)
            else:
                runs.append([k])
        said = "Hằng tháng" if len(on) == len(months) == 12 else ", ".join(
            f"tháng {r[0]}" if len(r) == 1 else f"tháng {r[0]} - {r[-1]}" for r in runs) + (f"/{year}" if year else "")
        note = next((row[n].strip() for n, c in enumerate(header) if fold(c).strip() == "ghi chu" and n < len(row)), "")
        said = f"{said}; {note}" if note else said
        return said[:1].upper() + said[1:]
    times = [n for n, c in enumerate(header) if _TIME_COLUMN.match(c.strip())]
    runs_said = [header[n].strip() for n in times if marked(n)]
    if len(times) < 2 or not runs_said:
        return ""
    said = ", ".join(f"năm {m.group(1)}" if (m := _TIME_COLUMN.match(c)) and m.group(1) else c for c in runs_said)
    return said[:1].upper() + said[1:]


def _rows_prefix(st: _State, starts: list[_Start]) -> str:
    """The id a table's rows are numbered under: its appendix, else the unit that holds it ("III.II.3" for row 3 of
    group II of a table in part III; ".tt" keeps them apart only where that unit has numbered items of its own)."""
    base = st.ids.get("item") or st.ids.get("part", "table")
    return st.ids.get("appendix") or (f"{base}.tt" if any(x.id.startswith(base + ".") for x in starts) else base)


def table_at(b: _Builder, i: int) -> bool:
    """Line i starts a table: a pipe row, or the first of two rows of tab-parted cells or more (one line
    with tabs in it, "TM. ỦY BAN NHÂN DÂN<TAB><TAB>CHỦ TỊCH", is a line laid out, no table); or the heading of a
    table drawn with spaces, as a PDF's text copied with its layout comes (space_columns)."""
    raw = b.lines[i].raw
    if space_columns(raw):
        return True
    if not TABLE.match(raw):
        return False
    return raw.lstrip().startswith("|") or (i + 1 < len(b.lines) and bool(TABLE.match(b.lines[i + 1].raw)))


# A page's footer as a PDF's text copied with its layout keeps it ("Trang 2/5", "- 3 -"): no text of the plan (the
# parser's lines blank it).
PAGE_FOOTER = re.compile(r"^\s*(?:(?:Trang|trang|Page)\s+\d+\s*(?:(?:/|trên|of)\s*\d+)?|-\s*\d{1,3}\s*-)\s*$")
# The column of a table that names the place each row is for: "Xã, phường", "Địa bàn", "Đơn vị hành chính" (folded).
PLACE_HEAD = re.compile(r"^(?:ten\s+)?(?:xa|phuong|xa, phuong|xa phuong|huyen|dia ban|dia phuong|don vi hanh chinh|thon|ban)\b")


def space_columns(raw: str) -> list[int]:
    """Where the columns of a task table's heading drawn with spaces start ("STT   Nội dung công việc   Đơn vị chủ trì
    Đơn vị phối hợp   Thời gian"): three cells or more parted by runs of two spaces or more, one a lead's column and
    one a number's or a content's; [] for any other line."""
    if "|" in raw or "\t" in raw:
        return []
    cells = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", raw)]
    labels = [label_of(c) for _, c in cells]
    if len(cells) < 3 or "lead" not in labels or not {"number", "content"} & set(labels) or labels.count("") > 1:
        return []
    return [start for start, _ in cells]


def _space_cells(raw: str, starts: list[int]) -> list[str]:
    """A line cut at the columns' starts; a word that runs across a start stays in the column it begins in."""
    out, at = [], 0
    for k in range(len(starts)):
        end = starts[k + 1] if k + 1 < len(starts) else len(raw)
        while 0 < end < len(raw) and raw[end - 1] != " " and raw[end] != " ":  # inside a word: move to its end
            end += 1
        out.append(raw[at:end].strip())
        at = max(at, end)
    return out


# A line that ends a table drawn with spaces: the next part, an appendix, the recipients.
_AFTER_TABLE = re.compile(r"^\s*(?:(?:PHẦN\s+)?[IVX]+\s*[.:]\s+\S|PHỤ LỤC|Phụ lục|Nơi nhận|TM\.|KT\.)")


def _column_starts(heading: str, lines: list[str]) -> list[int]:
    """Where a table's columns start, from the runs of spaces that part them on every line of it (a heading is set
    centred over its column, the cells flush left under it): between two of the heading's cells, the run nearest the
    gap between them; the heading's own start where no run is."""
    cells = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", heading)]
    width = max(len(x) for x in [heading, *lines])
    blank = [all(p >= len(x) or x[p] == " " for x in lines) for p in range(width)]
    runs: list[tuple[int, int]] = []
    for p, b in enumerate(blank):
        if b and (not runs or runs[-1][1] != p):
            runs.append((p, p + 1))
        elif b:
            runs[-1] = (runs[-1][0], p + 1)
    starts = [0]
    for (a0, a1), (b0, b1) in itertools.pairwise(cells):
        gap = (a1 + b0) / 2
        near = [r for r in runs if a0 < r[1] and r[0] < b1 and r[1] > starts[-1]]
        # A gutter is two spaces wide or more; one space blank on every line may be a word break by chance.
        near = [r for r in near if r[1] - r[0] >= 2] or near
        best = min(near, key=lambda r: min(abs(r[0] - gap), abs(r[1] - gap)), default=None)
        starts.append(best[1] if best else b0)
    return starts


def _space_rows(b: _Builder, i: int) -> tuple[list[tuple[int, list[str]]], int, dict[int, int]]:
    """A table drawn with spaces from its heading at line i: its heading and rows, each row's cells joined over the
    lines its text wraps onto (a numbered line starts a row, a line with its first column empty goes on it); page
    footers and the heading repeated on a new page are skipped. Returns the rows, the line after the table, and each
    row's last line by its first."""
    heading = b.lines[i].raw
    body: list[int] = []
    j = i + 1
    while j < len(b.lines) and not _AFTER_TABLE.match(b.lines[j].raw):
        raw = b.lines[j].raw.replace("\f", "")
        # A line of prose (no run of spaces inside it, as long as the table is wide) ends the table.
        if raw.strip() and not re.search(r"\S {2,}\S", raw) and len(raw) > 0.75 * len(heading) and not raw.startswith("  "):
            break
        # A page's number alone on its line ("3") is no row either; a year ("2026") may end a wrapped cell.
        if b.lines[j].clean and not re.fullmatch(r"\s*\d{1,3}\s*", raw) and not space_columns(raw):
            body.append(j)
        j += 1
    starts = _column_starts(heading, [b.lines[k].raw.replace("\f", "") for k in body])
    rows: list[tuple[int, list[str]]] = [(i, _space_cells(heading, starts))]
    last: dict[int, int] = {}
    end = i + 1
    for k in body:
        raw = b.lines[k].raw.replace("\f", "")
        cells = _space_cells(raw, starts)
        if re.fullmatch(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+)\.?", cells[0]):
            rows.append((k, cells))
        elif not cells[0] and len(rows) > 1:
            li, have = rows[-1]
            rows[-1] = (li, [f"{a} {c}".strip() for a, c in zip(have, cells, strict=False)] + have[len(cells):])
        else:
            break
        last[rows[-1][0]] = k
        end = k + 1
    return rows, end, last


def _goes_on(raw: str) -> bool:
    """A line of a tab-parted table that holds one cell's text alone, under its column: tabs, then text, no tab after."""
    return raw.startswith("\t") and bool(raw.strip()) and "\t" not in raw.strip("\t\n ")


def read_table(b: _Builder, i: int, starts: list[_Start], st: _State) -> int:
    """A pipe table: a task table when its header names a lead column; its rows become units."""
    from index.parse import _Start

    last: dict[int, int] = {}  # a row's last line by its first, where its text wraps over several (a table of spaces)
    if space_columns(b.lines[i].raw):
        rows, j, last = _space_rows(b, i)
    else:
        # A table pasted from Word into text comes as tab-parted lines; a cell's own line break as a line of that cell's
        # text alone, set under its column by tabs ("<TAB><TAB><TAB>Ban Chỉ huy Quân sự xã"): it goes on the row above.
        tabbed = "\t" in b.lines[i].raw and not b.lines[i].raw.lstrip().startswith("|")
        j = i
        while j < len(b.lines) and (TABLE.match(b.lines[j].raw) or (tabbed and j > i + 1 and _goes_on(b.lines[j].raw))):
            j += 1
        aligned = tab_aligned([x.raw for x in b.lines[i:j]])
        rows = []
        for k in range(i, j):
            raw = b.lines[k].raw
            if tabbed and not aligned and len(rows) > 1 and _goes_on(raw):
                column = len(raw) - len(raw.lstrip("\t"))
                li, have = rows[-1]
                said = cells(raw, aligned)
                text = " ".join(said)
                # … a second body on its own line of a cell of bodies, as the author broke it ("Trưởng các thôn" /
                # "Ban Chỉ huy Quân sự xã")
                rows[-1] = (li, [(f"{c}{'; ' if re.match(body_head(), text) and not c.endswith((';', ',')) else ' '}{text}"
                                  if c else text) if n == column else c for n, c in enumerate(have)])
                last[li] = k
                continue
            row = cells(raw, aligned)
            if not all(_RULE.match(c.replace(" ", "")) or not c for c in row):
                rows.append((k, row))
    if not rows:
        return j
    header = rows[0][1]
    # A table over pages repeats its heading row on each: no row of the table.
    rows = rows[:1] + [(k, r) for k, r in rows[1:] if [c.strip() for c in r] != [c.strip() for c in header]]
    cols = {label_of(c): n for n, c in reversed(list(enumerate(header))) if label_of(c)}
    # The year of a progress chart whose heads name months alone: the one the lines just above it name
    # ("tiến độ thực hiện trong năm 2026 được thể hiện tại bảng dưới đây").
    chart_year = next((y[-1] for x in reversed(b.lines[max(0, i - 3) : i]) if (y := re.findall(r"\bnăm (20\d\d)\b", x.clean))), "")
    # An indicator table ("| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 |"): its numbered rows are
    # units too, so a target cites its own row ("B.9"); what they set is read by assistant/targets.py.
    indicators = "lead" not in cols and "number" in cols and any(re.search(r"\b20\d\d\b", c) for c in header)
    # A task table with no lead column whose groups are its leads' ("I | SỞ NỘI VỤ CHỦ TRÌ", "II | Nhóm nhiệm vụ do
    # Sở Y tế chủ trì"): each row is led by its group's body.
    grouped = {} if "lead" in cols or indicators or "content" not in cols else _group_leads(
        b, _table_rows([(li, r) for li, r in rows[1:] if len(r) > cols.get("number", 0)], cols.get("number", 0)), cols)
    if grouped:
        cols["lead"] = len(header)  # a column no row has: each row's lead is set from its group below
    if "lead" not in cols and not indicators and _schedule(b, rows, starts, st, cols):
        return j
    if "lead" not in cols and not indicators:
        return _matrix(b, rows, starts, st, cols, j)
    if "lead" in cols and "content" not in cols:
        # "| TT | Tên dịch vụ | Cơ quan chủ trì | Thời hạn hoàn thành |": what a row is about is its first column
        # no role labels, whatever its head calls it.
        free = next((n for n in range(len(header)) if n not in cols.values() and header[n].strip()), None)
        if free is not None and free < min(cols.values(), default=len(header)) + 2:
            cols["content"] = free
    prefix = _rows_prefix(st, starts)
    numcol = cols.get("number", 0)
    if not indicators and not grouped and (_by_body(b, rows, cols) or _duties_of_bodies(rows, cols)):
        # Each body's row is a unit of the part holding the table ("IV.3"), its duty: a citation of who leads
        # a task points to the row that says so.
        base = st.ids.get("item") or st.ids.get("part", "table")
        for k, (li, r) in enumerate(_filled(rows[1:]), 1):
            body = next((c for c in r if re.match(body_head() + r"\s", c.strip(), re.I)), r[0])
            starts.append(_Start(li, f"{base}.{k}", "row", base, canon(body).strip(" .;:"), "implementation", li, li + 1))
        return j
    units = _table_rows([(li, r) for li, r in rows[1:] if len(r) > numcol], numcol)
    # A table with no column of numbers ("| Thời gian | Nội dung | Địa điểm | Đơn vị thực hiện |"): its rows are
    # numbered in order, as a reader counts them.
    if "number" not in cols and not units and not indicators:
        units = _unnumbered_rows(_filled(rows[1:]))
    # A second appendix's rows are "appendix.…" too where no row of the first has their ids (targets numbered
    # 1–7 in Phụ lục I, tasks I.1–IV.4 in Phụ lục II), as DESIGN.md's scheme writes an appendix row; its own
    # heading keeps "appendix2".
    # Rows a merged cell of a task's number spans (Word repeats its text in each): "| 1 | Rà soát … | activity 1 |",
    # "| 1 | Rà soát … | activity 2 |" are one task, each row an activity with its own roles and time.
    spans: dict[int, list[_Row]] = {}
    kept: list[_Row] = []
    for u in units:
        if kept and not u.grouping and not kept[-1].grouping and u.rel == kept[-1].rel and not indicators:
            spans.setdefault(kept[-1].line, [kept[-1]]).append(u)
        else:
            kept.append(u)
    units = kept
    # What each activity row does: a second column of content ("Hoạt động chủ yếu" beside "Nhiệm vụ").
    doing = next((n for n, c in enumerate(header) if label_of(c) == "content" and n != cols.get("content")), None)
    unit = prefix
    firsts = first_leads(b, i, j)  # the table's note that its first-named body leads, read once
    if prefix.startswith("appendix") and prefix != "appendix" and not {f"appendix.{u.rel}" for u in units} & {
            x.id for x in starts}:
        prefix = "appendix"
    for u in units:
        li, r = u.line, u.cells
        content = r[cols["content"]] if "content" in cols and cols["content"] < len(r) else ""
        if u.grouping:
            content = content or u.title
            starts.append(_Start(li, f"{prefix}.{u.rel}", "group", unit, content, role_of(content), li, li + 1))
            continue
        sid = f"{prefix}.{u.rel}"
        parent = f"{prefix}.{u.group}" if u.group else unit
        if indicators:  # the row's indicator: its "Chỉ tiêu" cell, else its longest
            # A row named by its place ("Xã, phường" of a table of each commune's figures), else by its indicator.
            named = next((n for n, h in enumerate(header) if PLACE_HEAD.match(fold(h.strip()))
                          and n < len(r) and re.search(r"[^\W\d_]{2}", r[n])), None)
            named = named if named is not None else next(
                (n for n, h in enumerate(header) if fold(h).startswith(("chi tieu", "noi dung", "ten chi tieu", "muc tieu"))
                 and n < len(r) and r[n].strip()), None)
            title = r[named] if named is not None else max((c for n, c in enumerate(r) if n != numcol), key=len, default="")
            starts.append(_Start(li, sid, "row", parent, title, "targets", li, li + 1))
            continue
        rows_of = spans.get(li, [u])
        starts.append(_Start(li, sid, "row", parent, content, "tasks", li, last.get(rows_of[-1].line, rows_of[-1].line) + 1))
        b.table_cols[sid] = {k: (r[n] if n < len(r) else "") for k, n in cols.items()}
        if grouped:
            b.table_cols[sid]["lead"] = grouped.get(u.group, "")
        if "start" in cols:  # a column of starts beside one of ends: the row's time is both, as their heads say
            start, end = b.table_cols[sid].pop("start").strip(), b.table_cols[sid].get("timeline", "").strip()
            b.table_cols[sid]["timeline"] = (f"{header[cols['start']].strip()}: {start}; {header[cols['timeline']].strip()}: {end}"
                                             if start and end and "timeline" in cols else start or end)
        if "timeline" not in cols and (marked := _marked_times(header, r, chart_year)):
            b.table_cols[sid]["timeline"] = marked
            if b.table_cols[sid].get("note", "").strip() and b.table_cols[sid]["note"].strip() in marked:
                del b.table_cols[sid]["note"]  # said with the months it marks already
        if len(rows_of) > 1:
            b.activities[sid] = [({**{k: (x.cells[n] if n < len(x.cells) else "") for k, n in cols.items()},
                                      "content": x.cells[doing] if doing is not None and doing < len(x.cells) else ""},
                                     b.lines[x.line].start, b.lines[x.line].end) for x in rows_of]
        # A cost in figures takes the unit its column's head gives ("Kinh phí dự kiến (triệu đồng)").
        money = re.search(r"\(([^()]*(?:đồng|VNĐ|VND)[^()]*)\)", header[cols["cost"]]) if "cost" in cols else None
        if money and re.fullmatch(r"[\d.,]+", b.table_cols[sid].get("cost", "").strip()):
            b.table_cols[sid]["cost"] = f"{b.table_cols[sid]['cost'].strip()} {money.group(1).strip()}"
        if firsts:
            _first_leads(b.table_cols[sid])
    return j


# "Ghi chú: Đơn vị được nêu đầu tiên tại cột Đơn vị thực hiện là đơn vị chủ trì; các đơn vị còn lại là đơn vị phối
# hợp": the note (above or under a task table) that makes the first body of a cell of bodies its lead.
_FIRST_LEADS = re.compile(r"\b(?:don vi|co quan)\s+(?:duoc\s+)?(?:neu|ghi|xep|liet ke)\s+(?:o\s+)?(?:dau tien|truoc tien|dau)\b"
                          r"[^.;]{0,80}\b(?:la\s+)?(?:don vi|co quan)\s+chu tri\b")


def first_leads(b: _Builder, i: int, j: int) -> bool:
    """A note within three lines above or below the table at lines i…j-1 says its first-named body leads."""
    near = [b.lines[k].raw for k in (*range(max(0, i - 3), i), *range(j, min(len(b.lines), j + 3)))]
    return bool(_FIRST_LEADS.search(fold(" ".join(near))))


def _first_leads(row: dict[str, str]) -> None:
    """The first body of a row's lead cell leads it; the others named beside it take part ("Trung tâm Kiểm soát
    bệnh tật tỉnh, Hội Người cao tuổi tỉnh, Trạm Y tế các xã, phường": a comma before a body's first word parts them,
    not the one inside "các xã, phường")."""
    parts = re.split(r",\s*(?=" + body_head() + r"\s)", row.get("lead", ""))
    if len(parts) > 1:
        row["lead"] = parts[0].strip()
        row["coordinate"] = ", ".join(x for x in (*[p.strip() for p in parts[1:]], row.get("coordinate", "").strip()) if x)


def _schedule(b: _Builder, rows: list[tuple[int, list[str]]], starts: list[_Start], st: _State, cols: dict[str, int]) -> bool:
    """A schedule: a column per month ("T4", "Tháng 5", "Th6"), a row per activity marking the months it runs
    ("x"). Each numbered row becomes a unit; the months it marks, as the columns head them, are the time of the
    activity of that number and title (read with the tasks, _scheduled). False for any other table."""
    from index.parse import _Start

    header = rows[0][1]
    months = {n: int(m.group(1)) for n, c in enumerate(header) if (m := _MONTH_COLUMN.match(c.strip()))}
    numcol = cols.get("number", 0)
    data = [(li, r) for li, r in rows[1:] if len(r) > numcol and r[numcol].strip(" .").isdigit()]
    marked = [r[n] for _, r in data for n in months if n < len(r) and r[n].strip()]
    if len(months) < 3 or not data or not marked or not all(fold(c).strip(" .") in _MARKS for c in marked):
        return False
    prefix = _rows_prefix(st, starts)
    content = cols.get("content", next((n for n in range(len(header)) if n != numcol and n not in months), 1))
    for li, r in data:
        num = r[numcol].strip(" .")
        title = r[content].strip() if content < len(r) else ""
        starts.append(_Start(li, f"{prefix}.{num}", "row", prefix, title, "schedule", li, li + 1))
        runs = [n for n in months if n < len(r) and r[n].strip()]
        b.scheduled[num] = (title, [header[n].strip() for n in runs], [months[n] for n in runs],
                               (b.lines[li].start, b.lines[li].end))
    return True


def _duties_of_bodies(rows: list[tuple[int, list[str]]], cols: dict[str, int]) -> bool:
    """A table of a row per body and its duties in words ("Đơn vị | Trách nhiệm | Thời hạn báo cáo": "Công an phường |
    Thống kê số tài khoản … | Hằng tháng, trước ngày 18"): the column its head calls the lead's holds no body's name,
    another column names a body in most rows. Each row is then that body's duty, not a task led by its words."""
    data = rows[1:]
    if len(data) < 2 or "lead" not in cols:
        return False
    head = re.compile(body_head() + r"\s", re.I)

    def bodies(n: int) -> int:
        return sum(bool(n < len(r) and head.match(r[n].strip() + " ")) for _, r in data)

    return bodies(cols["lead"]) == 0 and any(bodies(n) * 2 > len(data) for n in range(len(rows[0][1])) if n != cols["lead"])


def _by_body(b: _Builder, rows: list[tuple[int, list[str]]], cols: dict[str, int]) -> bool:
    """A table of a row per body whose lead (and partner) cells hold task numbers, not names ("TT | Cơ quan,
    đơn vị | Chủ trì nhiệm vụ | Phối hợp thực hiện nhiệm vụ": "Sở Nội vụ | Nhiệm vụ 7 | Nhiệm vụ 3, 5"): each
    row assigns the tasks it numbers to its body (read with the tasks, duties.referred_tasks). False for any
    other table."""
    roles = [(k, cols[k]) for k in ("lead", "coordinate") if k in cols]
    data = rows[1:]
    said = [r[n] for _, r in data for _, n in roles if n < len(r) and r[n].strip(" -–—")]
    # Numbers only ("Nhiệm vụ 3, 5"), or labels with their points ("Điểm a, b mục 1; 2b; 4c").
    lettered = not all(_TASK_NUMBERS.match(c) for c in said)
    if len(data) < 3 or not said or (lettered and not all(_TASK_LABELS.match(c) for c in said)):
        return False
    taken = {n for _, n in roles} | {cols.get("number", -1), cols.get("timeline", -1)}
    head = re.compile(body_head() + r"\s", re.I)
    named = [n for n in range(len(rows[0][1])) if n not in taken
             and sum(bool(n < len(r) and head.match(r[n].strip())) for _, r in data) * 2 >= len(data)]
    if not named:
        return False
    for li, r in data:
        # "Các cơ sở giáo dục trực thuộc Sở (trường trung học phổ thông, …)": the body, without what its brackets list.
        body = re.sub(r"\s*\([^()]*\)\s*$", "", canon(r[named[0]])).strip(" .;") if named[0] < len(r) else ""
        span = (b.lines[li].start, b.lines[li].end)
        when = r[cols["timeline"]] if "timeline" in cols and cols["timeline"] < len(r) else ""
        for number, said in re.findall(r"(?i)(?:(?:nv|hđ|nhiệm vụ|hoạt động)\s*-?\s*)?0*(\d{1,2}(?:\.\d{1,2})*)\s*:\s*([^;]+)", when):
            b.by_body_when.setdefault(number, (canon(said).strip(" .;,"), span))
        for role, n in roles:
            # "NV-01, NV-05": numbers as the tasks are numbered, without a code's leading zeros
            cell = re.sub(r"(?i)\b(?:nv|hđ)\s*-?\s*", "", r[n]) if n < len(r) else ""
            numbers = _labels(cell) if lettered else tuple(str(int(x.split(".")[0])) + (x[len(x.split(".")[0]):]) for x in
                                                          re.findall(r"\d{1,2}(?:\.\d{1,2})*", re.split(r"[;:]\s*[^\d\s,;]", cell)[0]))
            if body and numbers:
                b.by_body.append((body, role, numbers, span))
    return True


def _matrix(b: _Builder, rows: list[tuple[int, list[str]]], starts: list[_Start], st: _State, cols: dict[str, int],
            end: int) -> int:
    """A table of assignments: a row per task ("4. Phổ cập kỹ năng số"), a column per body, each cell a mark of
    its role ("CT" chủ trì, "PH" phối hợp, as the note under it says) or empty; a column of deadlines maybe.
    Each row becomes a unit of the part that holds the table, its roles read from its marks."""
    from index.parse import _Start

    header = rows[0][1]

    def mark(cell: str) -> str:
        f = fold(cell).strip(" .*()")
        return "lead" if f in _LEAD_MARKS else "coordinate" if f in _PARTNER_MARKS else "" if not f else "?"

    bodies = [n for n in range(1, len(header)) if n not in cols.values() and header[n].strip()
              and all(mark(r[n]) != "?" for _, r in rows[1:] if n < len(r))
              and any(mark(r[n]) for _, r in rows[1:] if n < len(r))]
    # A row's number and task: "4. Phổ cập kỹ năng số" in its first cell, or a number column ("TT") and a
    # column of the task ("Nhiệm vụ") beside it.
    numcol, named = cols.get("number"), cols.get("content")
    numbered: list[tuple[int, list[str], str, str]] = []
    for li, r in rows[1:]:
        if numcol is not None and named is not None and max(numcol, named) < len(r):
            if re.fullmatch(r"\s*\d{1,2}[.)]?\s*", r[numcol]) and r[named].strip():
                numbered.append((li, r, r[numcol].strip(" .)"), r[named].strip()))
        elif r and (m := re.match(r"\s*(\d{1,2})[.)]?\s+(\S.*)", r[0])):
            numbered.append((li, r, m.group(1), m.group(2).strip()))
    if len(bodies) < 3 or len(numbered) < 2 or not any(mark(r[n]) == "lead" for _, r, _, _ in numbered for n in bodies if n < len(r)):
        return end
    prefix = _rows_prefix(st, starts)
    for li, r, number, task in numbered:
        sid = f"{prefix}.{number}"
        said = {role: "; ".join(header[n] for n in bodies if n < len(r) and mark(r[n]) == role) for role in ("lead", "coordinate")}
        starts.append(_Start(li, sid, "row", prefix, task, "tasks", li, li + 1))
        b.table_cols[sid] = {**said, **{k: (r[n] if n < len(r) else "") for k, n in cols.items()}, "content": task}
    return end


__all__ = ["TABLE", "cells", "read_table", "table_at"]
