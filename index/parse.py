"""Parse a plan of the genre into its plan model: sections by numbering and role, tasks, header facts."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.duties import group_roles, heading_bodies, referred_tasks, split_agencies, task_of
from index.genre import body_head, label_of, role_of, words
from index.normalize import canon, fold, strip_markdown, tones, unwrap
from index.timeline import Timeline, completion, find_timeline, parse_timeline

PARSER_VERSION = "61"  # bump when parsing or chunking changes what an index holds
# Marks of an assignment table's cells: "CT" (chủ trì) leads, "PH" (phối hợp) takes part.
_LEAD_MARKS = frozenset({"ct", "chu tri", "c.t", "ctri"})
_PARTNER_MARKS = frozenset({"ph", "phoi hop", "p.h", "phop"})

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# Vietnamese point order skips f, j, w, z and puts đ after d.
LETTERS = "abcdđeghiklmnopqrstuvxy"
LETTER_PARTS = "ABCDĐEGHIK"  # parts lettered in Vietnamese order: D and Đ are two parts

ROLE_LEAD, ROLE_COORD, ROLE_TIME = "lead", "coordinate", "timeline"


class PlanError(ValueError):
    """The text is not a plan this parser understands."""


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # "III.6.đ", "II.1.2", "appendix.I.3", "dieu.1", "header", "recipients", ...
    kind: str  # header | part | item | point | article | appendix | group | row | title | recipients | signature
    title: str
    start: int  # span of the unit's own text in the source, heading included
    end: int
    parent: str | None
    has_body: bool  # False for a heading followed directly by its children
    role: str = ""  # purpose | review | objectives | targets | tasks | funding | implementation | reporting | appendix


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    title: str
    lead: tuple[str, ...]
    coordinate: tuple[str, ...]
    timeline: str  # the plan's wording
    spans: tuple[tuple[int, int], ...]  # where lead, coordinate, timeline are said in the source
    origin: str = "lines"  # lines | brackets | inline | table | duties: how the plan states the roles
    product: str = ""
    when: Timeline = field(default_factory=lambda: Timeline("", ""))
    # Lead and partners as the plan words them ("Sở Y tế và Công an tỉnh"), where it lists them apart
    # from its sentences (role lines, brackets, table cells, a duty's heading); "" for a sentence's roles.
    said: tuple[str, str] = ("", "")
    # The tasks of a unit that lists several, each a bullet closing with its own roles ("- Luân chuyển sách …
    # (Chủ trì: Thư viện tỉnh; phối hợp: …)"): the unit's roles are theirs together, and a question about one
    # is answered by its own. Bullets have no ids of their own: each carries its unit's.
    bullets: tuple[Task, ...] = ()
    cost: str = ""  # the sum a task table's cost column gives it, with the column's unit ("760 triệu đồng")
    place: str = ""  # where a task table's column says it happens ("Quảng trường Trung tâm tỉnh")
    code: str = ""  # the code the plan labels the task with instead of a number ("NV-01"), as written

    @property
    def own(self) -> tuple[Task, ...]:
        """The tasks that carry their own roles: its bullets, or the task itself."""
        return self.bullets or (self,)


@dataclass(frozen=True, slots=True)
class Plan:
    source: str  # file name inside the corpus
    text: str
    number: str
    date: str  # ISO yyyy-mm-dd, "" if absent
    place: str
    issuer: str
    title: str
    legal_bases: tuple[str, ...]
    recipients: tuple[str, ...]
    signer: str
    signer_title: str
    sections: tuple[Section, ...]
    tasks: tuple[Task, ...]
    duties: tuple[Task, ...] = ()  # work assigned agency by agency in the implementation part
    doc_type: str = ""  # "Kế hoạch" | "Quyết định"
    proposer: str = ""  # the agency whose Tờ trình proposed it
    proposal: str = ""  # "Tờ trình số 28/TTr-UBND ngày 14/3/2024"
    _by_id: dict[str, Section] = field(default_factory=dict, compare=False, repr=False)

    def section(self, sid: str) -> Section | None:
        if not self._by_id:
            self._by_id.update({s.id: s for s in self.sections})
        return self._by_id.get(sid)

    def work(self) -> tuple[Task, ...]:
        """The tasks the plan assigns: its task table, or where it has none, the duties it lists
        agency by agency in its implementation part."""
        return self.tasks or self.duties

    def task(self, sid: str) -> Task | None:
        return next((t for t in self.work() if t.id == sid), None)

    def path(self, sid: str) -> list[Section]:
        """The section and its ancestors, outermost first."""
        out: list[Section] = []
        cur = self.section(sid)
        while cur is not None:
            out.append(cur)
            cur = self.section(cur.parent) if cur.parent else None
        return out[::-1]

    def body(self, sid: str) -> str:
        s = self.section(sid)
        return "" if s is None else self.text[s.start : s.end]

    def within(self, sid: str, role: str) -> bool:
        """True when the section or one of its ancestors has that role ("IV.2" is within implementation)."""
        return any(s.role == role for s in self.path(sid))

    def role(self, sid: str) -> str:
        """The role of a section: its own, else its nearest ancestor's."""
        for s in reversed(self.path(sid)):
            if s.role:
                return s.role
        return ""


def plans_named(plans: Sequence[Plan], name: str) -> list[Plan]:
    """The plans a name picks, as staff name one: its file name or the file's stem, else its number
    ("65/KH-UBND") or the number's first part ("65")."""
    key = " ".join(name.split()).casefold()
    by_file = [p for p in plans if key in {p.source.casefold(), Path(p.source).stem.casefold()}]
    return by_file or [p for p in plans if p.number and key in {p.number.casefold(), p.number.split("/")[0].casefold()}]


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    raw: str
    clean: str  # markdown stripped, tone-normalised, trimmed
    labelled: bool = False  # numbered by a word ("Chỉ tiêu 4:", "Nhiệm vụ 3."), not by a bare numeral


_PART = re.compile(r"^(?:PHẦN|Phần)?\s*(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*[.:]\s*(\S.*)$")
_LETTER_PART = re.compile(r"^(Đ|[A-EGHIK])\s*[.:]\s+(\S.*)$")
# A schedule's month column ("T4", "Th5", "Tháng 6") and the marks of its cells.
_MONTH_COLUMN = re.compile(r"^(?:T|Th|Tháng|tháng|Thg)\s*\.?\s*(\d{1,2})$")
_MARKS = frozenset({"x", "xx", "v", "✓", "✔", "•", "*", "+"})
_HEADING = re.compile(r"^\s*#{2,6}\s+()(\S.*)$")  # a Markdown heading; its (empty) number, its title
_ITEM = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?\s+(\S.*)$")
_POINT = re.compile(r"^(?:[-*]\s+)?([a-zđ])\)\s+(\S.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d{1,2})\s*[.:]\s*(.*)$")
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[IVX\d]+)?\s*[:.]?\s*(.*)$")
_RECIPIENTS = re.compile(r"^nơi nhận\s*:", re.IGNORECASE)
# A cell that names tasks by number only: "2, 3, 5, 11", "Nhiệm vụ 3, 5", "1; 4; 12", "1, 7, 9, 12; giám sát …".
_TASK_NUMBERS = re.compile(r"^\s*(?:(?:nhiệm vụ|nv|task|hoạt động|hđ)s?\s*-?\s*(?:số\s*)?)?\d{1,2}(?:\.\d{1,2})*"
                           r"(?:\s*(?:,|;|và|and)\s*(?:(?:nv|hđ)\s*-?\s*)?\d{1,2}(?:\.\d{1,2})*)*\s*(?:[.;:].*)?$", re.I)
# A signer's capacity: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC".
_CAPACITY = re.compile(r"^(?:TM\.|KT\.|Q\.|TL\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC)")
_HOLDS = re.compile(r"CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ|CHÁNH")  # an office a signer holds ("TRƯỞNG BAN", "CHÁNH VĂN PHÒNG")
# A table row: a Markdown pipe row, or a row of cells parted by tabs as Word's tables are pasted into a text
# file ("1<TAB>Rà soát …<TAB>Sở Tài chính<TAB><TAB>Quý II/2026").
# A table row: Markdown pipes, cells parted by tabs, or by " | " as text pasted from a table ("1. Tuyên truyền | | CT |").
_TABLE = re.compile(r"^\s*\|.*\|\s*$|^[^\t\n]*(?:\t[^\t\n]*){2,}$|^[^|\n]+(?:\s\|(?:\s[^|\n]*)?){3,}$")
_RULE = re.compile(r"^:?-{3,}:?$")


def _label_codes() -> str:
    """The codes of the item labels' initials, folded, as a regex alternation: "nv|gp|hd|ct|mt" (genre.toml)."""
    return "|".join(dict.fromkeys("".join(x[0] for x in w.split()) for w in words("numbering", "item_labels")))


@functools.cache
def _labelled_item() -> re.Pattern[str]:
    """A heading numbered by a label, folded: "nhiem vu 3. …", "hoat dong 2.3: …", or the label as a code of its
    initials, the number zero-padded: "nv-01. Kiểm kê khí nhà kính", "hd03: …" (genre.toml [numbering])."""
    labels = "|".join(re.escape(w) for w in words("numbering", "item_labels"))
    return re.compile(rf"(?:(?:{labels})\s+|(?:{_label_codes()})\s*[-.]?\s*0*(?=\d))(\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})\s*[.:]\s+(?=\S)")


@functools.cache
def _item_code() -> re.Pattern[str]:
    """A heading's label that is a code of a label's initials ("NV-01", "HĐ03"), folded (genre.toml [numbering])."""
    return re.compile(rf"[\s#*|-]*((?:{_label_codes()})\s*[-.]?\s*\d{{1,3}})\s*[.:]", re.I)


def code_of(text: str) -> str:
    """The code a unit's text opens with ("NV-01. Kiểm kê …" -> "NV-01"), as written; "" for none."""
    head = text[:40]
    folded = fold(head)
    m = _item_code().match(folded)
    if not m:
        return ""
    return head[m.start(1) : m.end(1)] if len(folded) == len(head) else m.group(1).upper()


def _numbered(clean: str) -> tuple[str, bool]:
    """A heading numbered in words, as the numerals say it, and whether a word labelled its number:
    "Phần thứ ba" -> "PHẦN III: Phần thứ ba", "Nhiệm vụ 3. Phục hồi chức năng" -> "3. Phục hồi chức
    năng", "Nhiệm vụ 2.3: Kiểm tra …" -> "2.3. Kiểm tra …" (genre.toml [numbering])."""
    f = fold(clean)
    m = re.match(r"phan thu ([a-z]+)\b\s*[.:]?\s*", f)
    ordinals = words("numbering", "ordinals")
    if m and m.group(1) in ordinals:
        rest = clean[m.end():].strip()
        return f"PHẦN {ROMAN[ordinals.index(m.group(1))]}: {rest or clean}", False
    m = _labelled_item().match(f)
    if m:
        return f"{m.group(1)}. {clean[m.end():]}", True
    return clean, False


def _title_role(title: str, kind: str, within: str) -> str:
    """The role a heading names. A part's heading names it wherever the words fall; under a part of tasks,
    an item's long title says what the task is about ("Rà soát, tham mưu ban hành quy định phân công …"),
    and names no role."""
    if not title or (kind not in {"part", "article"} and within == "tasks" and len(title.split()) > 10):
        return ""
    return role_of(title)


def _part_heading(s: str) -> bool:
    """A roman numeral that heads a part: in capitals ("II. MỤC TIÊU") or after "Phần"."""
    return s.split(".")[0].isupper() or s.startswith(("Phần", "PHẦN"))


def _capitals(title: str) -> bool:
    """A heading in capitals ("NHIỆM VỤ, GIẢI PHÁP"), as parts are set."""
    return title.isupper() and len(re.findall(r"[^\W\d_]", title)) >= 4


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        # A line ends at its last character: a table pasted from Word ends its rows with tabs.
        out.append(_Line(pos, pos + len(body.rstrip()), body, *_numbered(tones(strip_markdown(body)).strip())))
        pos += len(raw)
    return out


def _is_lower_start(s: str) -> bool:
    return bool(s) and (s[0].islower() or s[0].isdigit())


# Words no heading ends on: they join what follows ("với", "và", "của") or begin it.
_DANGLING = frozenset({"và", "với", "của", "cho", "các", "tại", "về", "trong", "từ", "theo", "đến", "là", "được", "những",
                       "một", "hoặc", "bằng", "trên", "ở"})


def _short_title(body: str) -> str:
    """A label for a unit with no heading: its lead-in before ":" or its first clause."""
    head, colon, _ = body.partition(":")
    if colon and len(head) <= 60:
        return head.strip()
    # "Số hóa dữ liệu hộ tịch … (Chủ trì: Sở Tư pháp; phối hợp: …)": the bracket of its roles is no part of it.
    body = re.split(r"\s*\((?=\s*(?:chủ trì|cơ quan chủ trì|đơn vị chủ trì|giao)\b)", body, maxsplit=1, flags=re.I)[0]
    clause = re.split(r"(?<=[^\d])[.;](?=\s|$)", body, maxsplit=1)[0]
    words = clause.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def cells(line: str) -> list[str]:
    """The cells of a table row (Markdown pipes, or tabs), markup removed."""
    stripped = line.strip(" \n")
    parts = (stripped[1:-1].split("|") if stripped.startswith("|") else line.rstrip("\n").split("\t") if "\t" in line
             else stripped.split("|"))
    return [canon(strip_markdown(c.replace("<br>", " ").replace("<br/>", " "))) for c in parts]


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
            out.append(_Row(li, r, group, "", True, m.group(2) or ""))
        elif dotted:
            group = dotted.group(1)
            out.append(_Row(li, r, num, group))
        elif num.isdigit():
            out.append(_Row(li, r, f"{group}.{num}" if restart and group else num, group))
    return out


@dataclass(slots=True)
class _Start:
    line: int
    id: str
    kind: str
    parent: str | None
    title: str  # "" when the heading is itself running text
    role: str = ""
    last: int = -1  # the heading's last line
    end_line: int | None = None  # a row ends on its own line


@dataclass(slots=True)
class _State:
    part: int = -1  # index into ROMAN
    item: int = 0  # count of items in the current part (or article)
    point: int = -1
    dotted: tuple[int, ...] = ()
    article: int = 0
    ids: dict[str, str] = field(default_factory=dict)
    appendices: int = 0
    letter: int = -1  # index into LETTER_PARTS, in a plan whose parts are lettered
    group: int = -1  # index into LETTER_PARTS of the current group of a part's items ("A. Nhóm giải pháp về …")
    headings: int = 0  # groups of a part's items under headings that number nothing ("### Giai đoạn 1 (…)")
    labelled_run: bool = False  # the current dotted run is numbered by labels ("Chỉ tiêu 1:" …)
    heading_item: bool = False  # the current item is a Markdown heading ("### 1. Hoàn thiện dữ liệu")


# A column of a time a task table marks ("| 2026 | 2027 | 2028 |", "Năm 2027", "Quý I/2026"): a year or a quarter.
_TIME_COLUMN = re.compile(r"^(?:năm\s+)?(20\d\d)$|^quý\s+(?:[IV]{1,3}|[1-4])\s*(?:/|năm)\s*20\d\d$", re.I)


def _marked_times(header: list[str], row: list[str]) -> str:
    """The times a task table's row marks ("x") in its columns of years or quarters, as their heads say them:
    "Năm 2026, năm 2028"; "" for a row that marks none, or a table with no such columns."""
    times = [n for n, c in enumerate(header) if _TIME_COLUMN.match(c.strip())]
    runs = [header[n].strip() for n in times if n < len(row) and fold(row[n]).strip(" .") in _MARKS]
    if len(times) < 2 or not runs:
        return ""
    said = ", ".join(f"năm {m.group(1)}" if (m := _TIME_COLUMN.match(c)) and m.group(1) else c for c in runs)
    return said[:1].upper() + said[1:]


def _rows_prefix(st: _State, starts: list[_Start]) -> str:
    """The id a table's rows are numbered under: its appendix, else the unit that holds it ("III.II.3" for row 3 of
    group II of a table in part III; ".tt" keeps them apart only where that unit has numbered items of its own)."""
    base = st.ids.get("item") or st.ids.get("part", "table")
    return st.ids.get("appendix") or (f"{base}.tt" if any(x.id.startswith(base + ".") for x in starts) else base)


class _Builder:
    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source
        self.lines = _lines(text)
        # Parts lettered "A. MỤC ĐÍCH, YÊU CẦU", "B. MỤC TIÊU" … in capitals, at least three of them in order.
        heads = [m.group(1) for ln in self.lines for m in [_LETTER_PART.match(ln.clean)] if m and m.group(2).isupper()]
        self.lettered = "".join(heads).startswith(LETTER_PARTS[:3])
        # Parts numbered "1. MỤC ĐÍCH, YÊU CẦU", "2. CHỈ TIÊU CHỦ YẾU" … in capitals, at least three of them
        # in order, in a plan with no part numbered otherwise: part "3", its items "3.1", "3.1.2".
        roman = any(_PART.match(ln.clean) and _part_heading(ln.clean) for ln in self.lines)
        caps = [int(m.group(1)) for ln in self.lines for m in [_ITEM.match(ln.clean)] if m and _capitals(m.group(2))]
        self.numbered = not roman and not self.lettered and caps[:3] == [1, 2, 3]
        self.sections: list[Section] = []
        self.tasks: list[Task] = []
        self.duties: list[Task] = []
        self.table_cols: dict[str, dict[str, str]] = {}  # a task table's row -> its cells by role
        # A task table's task spanning rows, one per activity: each row's cells by role, and where the row stands.
        self.activities: dict[str, list[tuple[dict[str, str], int, int]]] = {}
        # A table with a row per body whose role cells list the numbers of the tasks it leads or takes part in
        # ("Sở Nội vụ | Nhiệm vụ 7 | Nhiệm vụ 3, 5"): (body, role, numbers, span of its row).
        self.by_body: list[tuple[str, str, tuple[str, ...], tuple[int, int]]] = []
        # Such a table's deadlines by task number ("NV-01: Quý IV/2026; NV-05: 2027" in its "Thời hạn" column).
        self.by_body_when: dict[str, tuple[str, tuple[int, int]]] = {}
        # A schedule's rows by number: the activity's title, the months it runs as the columns head them, and those
        # months' numbers ("3": ("Nạo vét kênh mương …", ["T4", "T5", "T6"], [4, 5, 6])).
        self.scheduled: dict[str, tuple[str, list[str], list[int], tuple[int, int]]] = {}
        self.recipients: tuple[str, ...] = ()
        self.signer = self.signer_title = ""

    # -- structure ---------------------------------------------------------
    def marker(self, i: int, st: _State) -> tuple[str, re.Match[str]] | None:
        """Classify line i as the next article / part / dotted item / item / point, by numbering order."""
        s = self.lines[i].clean
        m = _ARTICLE.match(s)
        if m and int(m.group(1)) == st.article + 1 and st.part < 0:
            return "article", m
        m = _LETTER_PART.match(s) if self.lettered else None
        if m and st.letter + 1 < len(LETTER_PARTS) and m.group(1) == LETTER_PARTS[st.letter + 1]:
            return "letter", m
        if self.numbered:
            m = _ITEM.match(s)
            if m and int(m.group(1)) == st.part + 2 and _capitals(m.group(2)):
                return "numpart", m
            if st.part >= 0:  # "3.1.2. …" under part 3 is its item 1.2
                s = re.sub(rf"^{st.part + 1}\.(?=\d)", "", s)
        m = _PART.match(s)
        if m and _part_heading(s):
            want = ROMAN[st.part + 1] if st.part + 1 < len(ROMAN) else ""
            if m.group(1) == want and (st.letter >= 0 or not self.lettered):
                return "part", m
        if st.part < 0 and st.article == 0 and st.letter < 0:
            return None
        # "A. Nhóm giải pháp về tuyên truyền", "B. …" under a part: groups of its items, lettered in order.
        m = _LETTER_PART.match(s) if not self.lettered and st.part >= 0 and "appendix" not in st.ids else None
        if m and st.group + 1 < len(LETTER_PARTS) and m.group(1) == LETTER_PARTS[st.group + 1] and len(m.group(2)) <= 200 \
                and not m.group(2).rstrip().endswith((".", ";")):
            return "group", m
        # A Markdown heading under a part that numbers nothing ("### Giai đoạn 1 (Quý I - Quý II/2026)", "### Nhiệm vụ
        # thường xuyên"): a group of the items after it.
        m = _HEADING.match(self.lines[i].raw) if st.part >= 0 and "appendix" not in st.ids else None
        if m and not (_PART.match(s) or _ITEM.match(s) or _DOTTED.match(s) or _POINT.match(s) or _LETTER_PART.match(s)):
            return "heading", m
        m = _DOTTED.match(s)
        if m and st.part >= 0:
            nums = tuple(int(x) for x in m.group(1, 2, 3) if x)
            if self._next_dotted(nums, st):
                return "dotted", m
        m = _ITEM.match(s)
        # "### 1. Hoàn thiện dữ liệu" then a Markdown list "1. Rà soát …", "2. Số hóa …": the list's items are the
        # heading's 1.1, 1.2 …, numbered anew under each such heading.
        if m and st.heading_item and not _HEADING.match(self.lines[i].raw):
            n, prev = int(m.group(1)), st.dotted
            if n == (prev[1] + 1 if len(prev) == 2 and prev[0] == st.item else 1):
                dotted = re.match(r"^(\d{1,2})\.(\d{1,2})()\.?\s+(\S.*)$", f"{st.item}.{n}. {m.group(2)}")
                assert dotted is not None
                return "dotted", dotted
        if m and self.lines[i].labelled and st.item > 0:
            # "2. Các chỉ tiêu cụ thể" then "Chỉ tiêu 1:", "Chỉ tiêu 2:" …: a labelled run that starts
            # anew under an item is that item's 2.1, 2.2 …, however far its numbers go.
            n, prev = int(m.group(1)), st.dotted
            if (len(prev) == 2 and n == prev[1] + 1 and st.labelled_run) or (n == 1 and not prev):
                a = prev[0] if prev else st.item
                dotted = re.match(r"^(\d{1,2})\.(\d{1,2})()\.?\s+(\S.*)$", f"{a}.{n}. {m.group(2)}")
                assert dotted is not None
                return "dotted", dotted
        if m and int(m.group(1)) == st.item + 1:
            return "item", m
        # Numbering that starts anew in each group ("B. …" then "1. …"): the group's own items.
        if m and m.group(1) == "1" and st.group >= 0 and "group" in st.ids and st.ids.get("item_base") != st.ids["group"]:
            return "item", m
        m = _POINT.match(s)
        parent = st.ids.get("dotted") or st.ids.get("item")
        if m and parent and st.point + 1 < len(LETTERS) and m.group(1) == LETTERS[st.point + 1]:
            return "point", m
        return None

    @staticmethod
    def _next_dotted(nums: tuple[int, ...], st: _State) -> bool:
        """1.1 follows item 1 (or 1.x); 1.2 follows 1.1; 2.1 follows 1.x or item 2; 1.1.1 follows 1.1."""
        prev = st.dotted
        if len(nums) == 2:
            a, b = nums
            if prev and len(prev) >= 2 and a == prev[0] and b == prev[1] + 1:
                return True
            # "2.1." opening part II, "3.1." part III: items numbered with their part's own number.
            own = not prev and st.item == 0 and st.letter < 0 and a == st.part + 1 and a > 1
            return b == 1 and (a == st.item or a == st.item + 1 or (bool(prev) and a == prev[0] + 1) or own)
        a, b, c = nums
        return bool(prev) and (a, b) == prev[:2] and (c == 1 if len(prev) == 2 else c == prev[2] + 1)

    def heading(self, i: int, first: str, kind: str) -> tuple[str, int, bool]:
        """Title, index of the last heading line, and whether the heading is itself body text."""
        parts, last, j = [first], i, i + 1
        while j < len(self.lines) and kind in {"letter", "part", "numpart", "item", "point", "dotted"}:
            s = self.lines[j].clean
            if not s or s == "|":
                j += 1
                continue
            if _PART.match(s) or _ITEM.match(s) or _POINT.match(s) or _DOTTED.match(s) or (":" in s and label_of(s.split(":")[0])) \
                    or _TABLE.match(self.lines[j].raw):
                break
            if _is_lower_start(s) or (kind in {"letter", "part", "numpart"} and s.isupper()):
                parts.append(s)
                last = j
                j += 1
                continue
            break
        joined = canon(" ".join(parts))
        if kind == "article":
            return joined, i, True
        if kind not in {"letter", "part", "numpart"} and (len(joined) > 200 or joined.endswith((".", ";")) or not joined):
            return "", i, True
        # A line cut where a PDF wraps it ("… phối hợp với Công an tỉnh và Sở" / "Y tế tiếp nhận …") ends on a word that
        # needs what follows: a joining word or the first word of a body's name. No heading ends so.
        words_ = joined.split()
        if kind in {"item", "point", "dotted"} and words_ and (
                words_[-1].lower() in _DANGLING
                or (len(words_) > 1 and re.fullmatch(body_head(), words_[-1]) and words_[-2].lower() in {"và", "với"})):
            return "", i, True
        return joined, last, False

    def run(self) -> Plan:
        lines = self.lines
        starts: list[_Start] = []
        st = _State()
        i = 0
        while i < len(lines):
            s = lines[i].clean
            if _RECIPIENTS.match(s) and (st.part >= 0 or st.article > 0 or st.letter >= 0) and not any(x.kind == "recipients" for x in starts):
                i = self._tail(i, starts)
                # An attached plan after a decision's signature numbers its parts anew.
                continue
            if self._table_at(i) and (st.part >= 0 or st.article > 0 or st.letter >= 0):
                i = self._table(i, starts, st)
                continue
            m_app = _APPENDIX.match(s)
            if m_app and (st.part >= 0 or st.article > 0 or st.letter >= 0) and len(s) < 120 and (s[:7].isupper() or not m_app.group(1)):
                st.appendices += 1
                sid = "appendix" if st.appendices == 1 else f"appendix{st.appendices}"
                title = canon(m_app.group(1)) or self._next_text(i)
                starts.append(_Start(i, sid, "appendix", None, title or "Phụ lục", "appendix", i))
                st.ids = {"appendix": sid}
                st.part, st.item, st.point, st.dotted = len(ROMAN), 0, -1, ()
                i += 1
                continue
            found = self.marker(i, st)
            if not found:
                i += 1
                continue
            kind, m = found
            first = m.group(4) if kind == "dotted" else m.group(2)
            title, last, is_body = self.heading(i, first, kind)
            parent: str | None
            if kind == "article":
                st.article += 1
                sid, parent, out_kind = f"dieu.{st.article}", None, "article"
                st.item, st.point, st.dotted = 0, -1, ()
                st.ids = {"part": sid}
            elif kind == "letter":
                st.letter, st.part, st.item, st.point, st.dotted = st.letter + 1, -1, 0, -1, ()
                sid, parent, out_kind = LETTER_PARTS[st.letter], None, "part"
                st.ids = {"part": sid, "letter": sid}
            elif kind == "numpart":
                st.part, st.item, st.point, st.dotted = st.part + 1, 0, -1, ()
                sid, parent, out_kind = str(st.part + 1), None, "part"
                st.ids = {"part": sid}
            elif kind in {"group", "heading"}:
                part = st.ids["part"]
                if kind == "group":
                    st.group += 1
                    sid = f"{part}.{LETTER_PARTS[st.group]}"
                else:  # a heading numbers nothing: "III.G1", "III.G2" in its part's order
                    st.headings += 1
                    sid = f"{part}.G{st.headings}"
                parent, out_kind = part, "group"
                st.ids = {k: v for k, v in st.ids.items() if k in {"part", "letter", "item_base"}} | {"group": sid}
                st.point, st.dotted = -1, ()
            elif kind == "part":
                st.part, st.item, st.point, st.dotted, st.group, st.headings = st.part + 1, 0, -1, (), -1, 0
                st.heading_item = False
                # Under a lettered part a roman numeral numbers a section of it: "C.II".
                letter = st.ids.get("letter")
                sid, parent = (f"{letter}.{ROMAN[st.part]}", letter) if letter else (ROMAN[st.part], None)
                out_kind = "part"
                st.ids = {"part": sid, "letter": letter} if letter else {"part": sid}
            elif kind == "dotted":
                st.labelled_run = lines[i].labelled
                nums = tuple(int(x) for x in m.group(1, 2, 3) if x)
                base = st.ids["part"]
                parent = f"{base}.{'.'.join(map(str, nums[:-1]))}"
                if not any(x.id == parent for x in starts):
                    parent = base if len(nums) == 2 else parent
                sid, out_kind = f"{base}.{'.'.join(map(str, nums))}", "item"
                st.dotted, st.point = nums, -1
                st.item = max(st.item, nums[0])
                st.ids["dotted"] = sid
            elif kind == "item":
                st.heading_item = bool(_HEADING.match(lines[i].raw))
                if m.group(1) == "1" and st.item > 0:  # numbered anew in a group: "III.B.1"
                    st.item, st.ids["item_base"] = 0, st.ids["group"]
                st.item, st.point, st.dotted = st.item + 1, -1, ()
                base = st.ids.get("item_base", st.ids["part"])
                sid, parent, out_kind = f"{base}.{st.item}", st.ids.get("group", st.ids["part"]), "item"
                st.ids["item"] = sid
                st.ids.pop("dotted", None)
            else:
                st.point += 1
                parent = st.ids.get("dotted") or st.ids["item"]
                sid, out_kind = f"{parent}.{LETTERS[st.point]}", "point"
            # A part's heading names its role wherever the words fall; an item's only when it is a heading
            # ("Chỉ tiêu cụ thể"), not a task's title that says what it is about ("… quy định phân công …").
            part_role = next((x.role for x in reversed(starts) if x.kind == "part"), "")
            role = _title_role(title, out_kind, part_role) if out_kind != "group" else ""  # a group is of its part's role
            starts.append(_Start(i, sid, out_kind, parent, "" if is_body else title, role, last))
            i = last + 1
        self._siblings(starts)
        if not any(x.kind in {"part", "article"} for x in starts):
            raise PlanError(f"{self.source}: not a plan: no part heading 'I.' or article 'Điều 1' found")
        first = starts[0].line
        self._header(first)
        if not re.search(r"ke hoach|quyet dinh", fold(self.header_text)) and \
                sum(1 for x in starts if x.kind == "part") < 3:
            raise PlanError(f"{self.source}: not a plan: no 'KẾ HOẠCH' title and too few parts (I., II., III.)")
        ordered = sorted(starts, key=lambda x: x.line)
        for n, x in enumerate(ordered):
            nxt = ordered[n + 1].line if n + 1 < len(ordered) else len(lines)
            end = x.end_line if x.end_line is not None else nxt
            # The lines after a table's last row, before the next unit ("Ghi chú: Chỉ tiêu có ghi “lũy kế” được tính
            # từ ngày 01/01/2026"), are the table's note: read with its last row, as any unit's body runs on to the
            # next heading, not left out of every unit.
            if x.end_line is not None and end < nxt and not any(y.raw.lstrip().startswith("|") for y in lines[end:nxt]):
                end = nxt
            self._unit(x, end)
        # Roles said once for a group of points hold for each point; a duty that leads a task by its number
        # gives that task its lead (only beside a task table: a plan of duties alone keeps them as its work).
        grouped = {t.id: t for t in group_roles(self)}
        self.tasks = [t for t in self.tasks if t.id not in grouped] + list(grouped.values())
        # An item headed by bodies whose points are its tasks ("1. Sở Công Thương" then "a) Chủ trì …") is their
        # heading, no task of its own.
        tasked = {t.id for t in self.tasks}
        headings = {x.id for x in self.sections if x.kind == "item" and heading_bodies(x.title)
                    and any(y.parent == x.id and y.kind == "point" and y.id in tasked for y in self.sections)}
        self.tasks = [t for t in self.tasks if t.id not in headings]
        # Tasks that name nobody, cited by the duties that lead them ("Chủ trì thực hiện nhiệm vụ tại điểm a khoản 2
        # Mục III"): beside a task table, each such task; where no task names anybody, when the duties so assign
        # most of them, the plan's work is its tasks, not its duties.
        referred = referred_tasks(self)
        parents = {y.parent for y in self.sections}
        units = [x for x in self.sections if x.kind in {"item", "point"} and self.section_role(x.id) == "tasks"
                 and x.id not in parents]
        if self.tasks or len(referred) * 2 >= len(units):
            self.tasks += referred
        if self.scheduled:
            # The year a one-year plan's title names ("… mùa mưa năm 2026") is its schedule's.
            from index.header import header_facts

            years = set(re.findall(r"(?<!\d)20\d\d(?!\d)", header_facts(self.header_text).title))
            year = next(iter(years)) if len(years) == 1 else ""
            self.tasks = [self._scheduled(t, year) for t in self.tasks]
        phases = self._phases()
        by_id = {s.id: s for s in self.sections}
        if phases:
            self.tasks = [self._phased(t, phases, by_id) for t in self.tasks]
        self.tasks = [self._self_timed(t, by_id.get(t.id)) for t in self.tasks]
        # A task labelled by a code ("NV-01. Kiểm kê …") keeps it: staff name it so.
        self.tasks = [replace(t, code=code) if (u := by_id.get(t.id)) is not None and (code := code_of(self.text[u.start : u.end]))
                      else t for t in self.tasks]
        order = {s.id: n for n, s in enumerate(self.sections)}
        self.tasks.sort(key=lambda t: order[t.id])  # numbered as the plan numbers them
        return self._plan()

    def _phases(self) -> list[tuple[int, str]]:
        """The headings that number nothing and say a time ("### Giai đoạn 1 (Quý I - Quý II/2026)", "### Nhiệm vụ
        thường xuyên"), each with where it stands."""
        out = []
        for ln in self.lines:
            if ln.raw.lstrip().startswith("#"):
                said = re.search(r"\(([^()]*\d[^()]*)\)", ln.clean)
                found = find_timeline(ln.clean)
                out.append((ln.start, said.group(1) if said else found[0] if found else ""))
        return out

    def _scheduled(self, t: Task, year: str) -> Task:
        """A task that says no time of its own takes the months a schedule marks for the activity of its number and
        title: "T5, T6, T7 (tháng 5 - 7/2026)", in the year of a one-year plan."""
        row = self.scheduled.get(t.id.rsplit(".", 1)[-1])
        if t.timeline or row is None:
            return t
        title, labels, months, span = row
        if len(set(re.findall(r"[a-z0-9]+", fold(title))) & set(re.findall(r"[a-z0-9]+", fold(t.title)))) < 2:
            return t
        months_said = (f"tháng {months[0]}" if len(months) == 1 else f"tháng {months[0]} - {months[-1]}"
                       if months == list(range(months[0], months[-1] + 1)) else "tháng " + ", ".join(map(str, months)))
        said = f"{', '.join(labels)} ({months_said}{'/' + year if year else ''})"
        # Its time is said in the schedule's row: the timeline's span points there (a list by time cites it).
        return replace(t, timeline=said, when=parse_timeline(said), spans=(*t.spans[:2], span, *t.spans[3:]))

    def _self_timed(self, t: Task, sec: Section | None) -> Task:
        """A task no role line, duty, schedule or phase gives a time takes the deadline its own text (its section
        `sec`) states ("… đưa chuyên mục việc làm cho người cao tuổi vào vận hành hoàn thành trong quý II/2027")."""
        if t.timeline or sec is None:
            return t
        found = completion(self.text[sec.start : sec.end])
        if found is None:
            return t
        said = canon(found[0]).strip(" .;,")
        span = (sec.start + found[1], sec.start + found[2])
        return replace(t, timeline=said, when=parse_timeline(said), spans=(*t.spans[:2], span, *t.spans[3:]))

    @staticmethod
    def _phased(t: Task, phases: list[tuple[int, str]], by_id: dict[str, Section]) -> Task:
        """A task that says no time of its own takes its phase's: the last such heading above it in its part."""
        sec, part = by_id.get(t.id), by_id.get(t.id.split(".")[0])
        if t.timeline or sec is None or part is None:
            return t
        phase = next((said for start, said in reversed(phases) if part.start < start < sec.start), "")
        return replace(t, timeline=phase, when=parse_timeline(phase)) if phase else t

    def _siblings(self, starts: list[_Start]) -> None:
        """Siblings share one style: where most items of a part are running paragraphs (part IV of
        plan 65), a short one is a paragraph too, not a heading."""
        for parent in {x.parent for x in starts if x.kind in {"item", "point"}}:
            sibs = [x for x in starts if x.parent == parent and x.kind in {"item", "point"}]
            if sum(1 for x in sibs if not x.title) * 2 > len(sibs):
                for x in sibs:
                    x.title, x.role = "", ""

    def _next_text(self, i: int) -> str:
        for ln in self.lines[i + 1 : i + 4]:
            if ln.clean and not _TABLE.match(ln.raw):
                return canon(ln.clean)
        return ""

    # -- tables ------------------------------------------------------------
    def _table_at(self, i: int) -> bool:
        """Line i starts a table: a pipe row, or the first of two rows of tab-parted cells or more (one line
        with tabs in it, "TM. ỦY BAN NHÂN DÂN<TAB><TAB>CHỦ TỊCH", is a line laid out, no table)."""
        raw = self.lines[i].raw
        if not _TABLE.match(raw):
            return False
        return raw.lstrip().startswith("|") or (i + 1 < len(self.lines) and bool(_TABLE.match(self.lines[i + 1].raw)))

    def _table(self, i: int, starts: list[_Start], st: _State) -> int:
        """A pipe table: a task table when its header names a lead column; its rows become units."""
        j = i
        rows: list[tuple[int, list[str]]] = []
        while j < len(self.lines) and _TABLE.match(self.lines[j].raw):
            row = cells(self.lines[j].raw)
            if not all(_RULE.match(c.replace(" ", "")) or not c for c in row):
                rows.append((j, row))
            j += 1
        if not rows:
            return j
        header = rows[0][1]
        cols = {label_of(c): n for n, c in reversed(list(enumerate(header))) if label_of(c)}
        # An indicator table ("| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 |"): its numbered rows are
        # units too, so a target cites its own row ("B.9"); what they set is read by assistant/targets.py.
        indicators = "lead" not in cols and "number" in cols and any(re.search(r"\b20\d\d\b", c) for c in header)
        if "lead" not in cols and not indicators and self._schedule(rows, starts, st, cols):
            return j
        if "lead" not in cols and not indicators:
            return self._matrix(rows, starts, st, cols, j)
        if "lead" in cols and "content" not in cols:
            # "| TT | Tên dịch vụ | Cơ quan chủ trì | Thời hạn hoàn thành |": what a row is about is its first column
            # no role labels, whatever its head calls it.
            free = next((n for n in range(len(header)) if n not in cols.values() and header[n].strip()), None)
            if free is not None and free < min(cols.values(), default=len(header)) + 2:
                cols["content"] = free
        prefix = _rows_prefix(st, starts)
        numcol = cols.get("number", 0)
        if not indicators and self._by_body(rows, cols):
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
            units = [_Row(li, r, str(k), "") for k, (li, r) in enumerate(_filled(rows[1:]), 1)]
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
                named = next((n for n, h in enumerate(header) if fold(h).startswith(("chi tieu", "noi dung", "ten chi tieu", "muc tieu"))
                              and n < len(r) and r[n].strip()), None)
                title = r[named] if named is not None else max((c for n, c in enumerate(r) if n != numcol), key=len, default="")
                starts.append(_Start(li, sid, "row", parent, title, "targets", li, li + 1))
                continue
            rows_of = spans.get(li, [u])
            starts.append(_Start(li, sid, "row", parent, content, "tasks", li, rows_of[-1].line + 1))
            self.table_cols[sid] = {k: (r[n] if n < len(r) else "") for k, n in cols.items()}
            if "timeline" not in cols and (marked := _marked_times(header, r)):
                self.table_cols[sid]["timeline"] = marked
            if len(rows_of) > 1:
                self.activities[sid] = [({**{k: (x.cells[n] if n < len(x.cells) else "") for k, n in cols.items()},
                                          "content": x.cells[doing] if doing is not None and doing < len(x.cells) else ""},
                                         self.lines[x.line].start, self.lines[x.line].end) for x in rows_of]
            # A cost in figures takes the unit its column's head gives ("Kinh phí dự kiến (triệu đồng)").
            money = re.search(r"\(([^()]*(?:đồng|VNĐ|VND)[^()]*)\)", header[cols["cost"]]) if "cost" in cols else None
            if money and re.fullmatch(r"[\d.,]+", self.table_cols[sid].get("cost", "").strip()):
                self.table_cols[sid]["cost"] = f"{self.table_cols[sid]['cost'].strip()} {money.group(1).strip()}"
        return j

    def _schedule(self, rows: list[tuple[int, list[str]]], starts: list[_Start], st: _State, cols: dict[str, int]) -> bool:
        """A schedule: a column per month ("T4", "Tháng 5", "Th6"), a row per activity marking the months it runs
        ("x"). Each numbered row becomes a unit; the months it marks, as the columns head them, are the time of the
        activity of that number and title (read with the tasks, _scheduled). False for any other table."""
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
            self.scheduled[num] = (title, [header[n].strip() for n in runs], [months[n] for n in runs],
                                   (self.lines[li].start, self.lines[li].end))
        return True

    def _by_body(self, rows: list[tuple[int, list[str]]], cols: dict[str, int]) -> bool:
        """A table of a row per body whose lead (and partner) cells hold task numbers, not names ("TT | Cơ quan,
        đơn vị | Chủ trì nhiệm vụ | Phối hợp thực hiện nhiệm vụ": "Sở Nội vụ | Nhiệm vụ 7 | Nhiệm vụ 3, 5"): each
        row assigns the tasks it numbers to its body (read with the tasks, duties.referred_tasks). False for any
        other table."""
        roles = [(k, cols[k]) for k in ("lead", "coordinate") if k in cols]
        data = rows[1:]
        said = [r[n] for _, r in data for _, n in roles if n < len(r) and r[n].strip(" -–—")]
        if len(data) < 3 or not said or not all(_TASK_NUMBERS.match(c) for c in said):
            return False
        taken = {n for _, n in roles} | {cols.get("number", -1), cols.get("timeline", -1)}
        head = re.compile(body_head() + r"\s", re.I)
        named = [n for n in range(len(rows[0][1])) if n not in taken
                 and sum(bool(n < len(r) and head.match(r[n].strip())) for _, r in data) * 2 >= len(data)]
        if not named:
            return False
        for li, r in data:
            body = canon(r[named[0]]).strip(" .;") if named[0] < len(r) else ""
            span = (self.lines[li].start, self.lines[li].end)
            when = r[cols["timeline"]] if "timeline" in cols and cols["timeline"] < len(r) else ""
            for number, said in re.findall(r"(?i)(?:(?:nv|hđ|nhiệm vụ|hoạt động)\s*-?\s*)?0*(\d{1,2}(?:\.\d{1,2})*)\s*:\s*([^;]+)", when):
                self.by_body_when.setdefault(number, (canon(said).strip(" .;,"), span))
            for role, n in roles:
                # "NV-01, NV-05": numbers as the tasks are numbered, without a code's leading zeros
                cell = re.sub(r"(?i)\b(?:nv|hđ)\s*-?\s*", "", r[n]) if n < len(r) else ""
                numbers = tuple(str(int(x.split(".")[0])) + (x[len(x.split(".")[0]):]) for x in
                                re.findall(r"\d{1,2}(?:\.\d{1,2})*", re.split(r"[;:]\s*[^\d\s,;]", cell)[0]))
                if body and numbers:
                    self.by_body.append((body, role, numbers, span))
        return True

    def _matrix(self, rows: list[tuple[int, list[str]]], starts: list[_Start], st: _State, cols: dict[str, int],
                end: int) -> int:
        """A table of assignments: a row per task ("4. Phổ cập kỹ năng số"), a column per body, each cell a mark of
        its role ("CT" chủ trì, "PH" phối hợp, as the note under it says) or empty; a column of deadlines maybe.
        Each row becomes a unit of the part that holds the table, its roles read from its marks."""
        header = rows[0][1]

        def mark(cell: str) -> str:
            f = fold(cell).strip(" .*()")
            return "lead" if f in _LEAD_MARKS else "coordinate" if f in _PARTNER_MARKS else "" if not f else "?"

        bodies = [n for n in range(1, len(header)) if n not in cols.values() and header[n].strip()
                  and all(mark(r[n]) != "?" for _, r in rows[1:] if n < len(r))
                  and any(mark(r[n]) for _, r in rows[1:] if n < len(r))]
        numbered = [(li, r, m) for li, r in rows[1:] if r and (m := re.match(r"\s*(\d{1,2})[.)]?\s+(\S.*)", r[0]))]
        if len(bodies) < 3 or len(numbered) < 2 or not any(mark(r[n]) == "lead" for _, r, _ in numbered for n in bodies if n < len(r)):
            return end
        prefix = _rows_prefix(st, starts)
        for li, r, m in numbered:
            sid = f"{prefix}.{m.group(1)}"
            said = {role: "; ".join(header[n] for n in bodies if n < len(r) and mark(r[n]) == role) for role in ("lead", "coordinate")}
            starts.append(_Start(li, sid, "row", prefix, m.group(2).strip(), "tasks", li, li + 1))
            self.table_cols[sid] = {**said, **{k: (r[n] if n < len(r) else "") for k, n in cols.items()}, "content": m.group(2)}
        return end

    def _span(self, a: int, b: int) -> tuple[int, int] | None:
        """Char span of lines [a, b) without blank and "|" lines at either end."""
        body = [ln for ln in self.lines[a:b] if ln.clean and ln.clean not in {"|", "---"}]
        if not body:
            return None
        # A line indented by tabs or spaces ("\tKT. CHỦ TỊCH" under a letterhead set in columns) starts at its text.
        first = self.text[body[0].start : body[0].end]
        return body[0].start + len(first) - len(first.lstrip()), body[-1].end

    def _unit(self, x: _Start, b: int) -> None:
        span = self._span(x.line, b)
        if span is None:
            return
        if x.kind in {"recipients", "signature", "title"}:
            self.sections.append(Section(x.id, x.kind, x.title, span[0], span[1], x.parent, True, x.role))
            return
        title = x.title
        has_body = True
        if title and x.kind not in {"row", "group", "appendix"}:
            has_body = self._span(x.last + 1, b) is not None
        elif x.kind == "group":
            has_body = False
        if not title:
            first = (_ARTICLE.match(self.lines[x.line].clean) or _PART.match(self.lines[x.line].clean)
                     or _DOTTED.match(self.lines[x.line].clean) or _ITEM.match(self.lines[x.line].clean)
                     or _POINT.match(self.lines[x.line].clean))
            lead_in = (first.group(4) if first and first.re is _DOTTED else first.group(2)) if first else ""
            body = unwrap(lead_in + "\n" + self.text[self.lines[x.line].end : span[1]])
            title = _short_title(body)
        role = x.role
        if not role and x.kind in {"item", "point"} and x.title:
            role = _title_role(x.title, x.kind, self.section_role(x.parent) if x.parent else "")
        if x.kind == "item" and not role:
            lead_in = fold(self.lines[x.line].clean[:60])
            role = role_of(lead_in.split(":")[0]) if ":" in lead_in else ""
        section = Section(x.id, x.kind, title, span[0], span[1], x.parent, has_body, role)
        self.sections.append(section)
        task = task_of(self, section, self.table_cols.get(x.id), self.activities.get(x.id))
        if task is not None:
            (self.duties if task.origin == "duties" else self.tasks).append(task)

    def section_role(self, sid: str) -> str:
        by_id = {s.id: s for s in self.sections}
        cur = by_id.get(sid)
        while cur is not None:
            if cur.role:
                return cur.role
            cur = by_id.get(cur.parent) if cur.parent else None
        return ""

    # -- header and tail ---------------------------------------------------
    def _header(self, first_line: int) -> None:
        span = self._span(0, first_line)
        if span is None:
            self.header_text = ""
            return
        self.sections.append(Section("header", "header", "Tiêu đề, số hiệu, căn cứ", span[0], span[1], None, True))
        self.header_text = self.text[span[0] : span[1]]

    def _tail(self, recip_line: int, starts: list[_Start]) -> int:
        """Recipients and the signer block; returns the line after them."""
        lines = self.lines
        j = recip_line + 1
        names: list[str] = []
        last = recip_line
        while j < len(lines):
            s = lines[j].clean
            if s.startswith(("-", "+", "•")):
                names.append(canon(s.lstrip("-+• ")).rstrip(" .;"))
                last = j
            elif names and j == last + 1 and s not in {"", "|", "---"} and not lines[last].clean.rstrip().endswith((";", ".")) \
                    and not _CAPACITY.match(s):
                # An item wrapped onto the next line ("- Các sở: Công Thương, …," / "Văn hóa, …; ").
                names[-1] = canon(f"{names[-1]} {s}").rstrip(" .;")
                last = j
            elif s and s != "|":
                break
            j += 1
        starts.append(_Start(recip_line, "recipients", "recipients", None, "Nơi nhận", "", last, last + 1))
        self.recipients = tuple(names)
        # The signer block: capacity lines in capitals, then the name (the first line with small letters).
        sig: list[int] = []
        k = last + 1
        while k < len(lines) and len(sig) < 6:
            s = lines[k].clean
            if _RECIPIENTS.match(s) or _PART.match(s) or _APPENDIX.match(s) or (_TABLE.match(lines[k].raw) and len(cells(lines[k].raw)) > 2):
                break
            if s and s not in {"|", "---"} and not re.fullmatch(r"\(?(đã ký|ký|đã ký và đóng dấu)\)?", s, re.I):
                sig.append(k)
                if any(c.islower() for c in s):
                    break
            k += 1
        # A signer signs in a capacity ("KT. CHỦ TỊCH"); capitals without one ("KẾ HOẠCH" and the title of an
        # attached plan) are no signer block.
        if len(sig) > 1 and not any(_CAPACITY.match(lines[n].clean) or _HOLDS.search(lines[n].clean) for n in sig[:-1]):
            sig = []
        before = [] if sig else self._signer_before(recip_line)  # a signer set above "Nơi nhận"
        for block in (sig, before):
            if block:
                starts.append(_Start(block[0], "signature", "signature", None, "Người ký", "", block[-1], block[-1] + 1))
                texts = [canon(lines[n].clean) for n in block]
                self.signer = texts[-1]
                self.signer_title = " / ".join(texts[:-1])
        after = (sig[-1] if sig else last) + 1
        # What stands between the signer and the next part (an attached plan's title) is its own unit.
        nxt = after
        while nxt < len(lines) and not (_PART.match(lines[nxt].clean) and lines[nxt].clean.startswith("I")) \
                and not _APPENDIX.match(lines[nxt].clean):
            nxt += 1
        if self._span(after, nxt):
            starts.append(_Start(after, "plan", "title", None, "Kế hoạch kèm theo", "", nxt - 1, nxt))
        return nxt

    def _signer_before(self, recip_line: int) -> list[int]:
        """The signer block just above "Nơi nhận": capacity lines in capitals ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        then the name; [] when the lines above are no such block."""
        found: list[int] = []
        k = recip_line - 1
        while k >= 0 and len(found) < 6:
            s = self.lines[k].clean
            if s and s not in {"|", "---"} and not re.fullmatch(r"\(?(đã ký|ký|đã ký và đóng dấu)\)?", s, re.I):
                if found and not _CAPACITY.match(s):
                    break
                if not found and not any(c.islower() for c in s):
                    return []  # the line above "Nơi nhận" is no name
                found.insert(0, k)
            k -= 1
        return found if len(found) >= 2 else []

    def _plan(self) -> Plan:
        from index.header import header_facts

        facts = header_facts(self.header_text)
        return Plan(
            source=self.source,
            text=self.text,
            recipients=self.recipients,
            signer=self.signer,
            signer_title=self.signer_title,
            sections=tuple(self.sections),
            tasks=tuple(self.tasks),
            duties=tuple(self.duties),
            number=facts.number, date=facts.date, place=facts.place, issuer=facts.issuer, title=facts.title,
            legal_bases=facts.legal_bases, doc_type=facts.doc_type, proposer=facts.proposer, proposal=facts.proposal,
        )


__all__ = ["LETTERS", "ROMAN", "Plan", "PlanError", "Section", "Task", "parse_plan", "split_agencies"]


def parse_plan(text: str, source: str = "plan") -> Plan:
    """Parse a plan's text; raises PlanError when the text is not a plan."""
    if not text.strip():
        raise PlanError(f"{source}: the file is empty")
    return _Builder(text, source).run()
