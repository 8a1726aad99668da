"""Parse a plan of the genre into its plan model: sections by numbering and role, tasks, header facts."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.duties import (
    cited_rows,
    group_roles,
    headed_groups,
    heading_bodies,
    leadless_task,
    party_tasks,
    referred_tasks,
    split_agencies,
    task_of,
)
from index.genre import body_head, label_of, role_of, words
from index.normalize import canon, fold, line_shape, strip_markdown, tones, unwrap
from index.tables import PAGE_FOOTER, TABLE, cells, read_table, table_at
from index.timeline import Timeline, completion, find_timeline, parse_timeline

PARSER_VERSION = "94"  # bump when parsing or chunking changes what an index holds
# The mark standing for a signature in a typed copy: "(Đã ký)", "(Ký)", "(Đã ký và đóng dấu)"; no name of a signer.
_SIGNED = re.compile(r"\(?(đã ký|ký|đã ký và đóng dấu)\)?", re.I)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# Vietnamese point order skips f, j, w, z and puts đ after d.
LETTERS = "abcdđeghiklmnopqrstuvxy"
# Word's own lettered lists run in the Latin alphabet: "d)" is followed by "e)", "f)" where a typist writes "đ)", "e)", "g)".
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
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
    note: str = ""  # a remark a task table's "Ghi chú" column or a form's line gives it ("Kinh phí do … bảo đảm")

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
    abbreviations: tuple[tuple[str, str], ...] = ()  # its own legend of short forms: ("TTTGPL", "Trung tâm Trợ giúp …")
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
_HEADING = re.compile(r"^\s*#{2,6}\s+()(\S.*)$")  # a Markdown heading; its (empty) number, its title
_ITEM = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?\s+(\S.*)$")
_POINT = re.compile(r"^(?:[-*]\s+)?([a-zđ])\)\s+(\S.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d{1,2})\s*[.:]\s*(.*)$")
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[IVX\d]+)?\s*[:.]?\s*(.*)$")
_RECIPIENTS = re.compile(r"^nơi nhận\s*:", re.IGNORECASE)
# A signer's capacity: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC".
_CAPACITY = re.compile(r"^(?:TM\.|KT\.|Q\.|TL\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC)")
_HOLDS = re.compile(r"CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ|CHÁNH")  # an office a signer holds ("TRƯỞNG BAN", "CHÁNH VĂN PHÒNG")
def _capitals_beside(line: str) -> tuple[str, str] | None:
    """A recipients' line a PDF's text runs on into the signer's column, and the signer's words after it ("- UBND tỉnh
    Hà Nam Sơn (b/c); CHỦ TỊCH" -> ("- UBND tỉnh Hà Nam Sơn (b/c);", "CHỦ TỊCH")), where they are a capacity or an office
    in capitals, or "(Đã ký)"; None else."""
    if not (line.startswith(("-", "+", "•")) or _RECIPIENTS.match(line)):
        return None
    for k in range(len(line)):  # "- Chủ tịch, các Phó Chủ tịch UBND xã; (Đã ký)": after any closing mark
        if line[k] in ";:.)" and k + 1 < len(line) and line[k + 1].isspace():
            rest = line[k + 1 :].strip()
            if rest and (_SIGNED.fullmatch(rest) or (not any(c.islower() for c in rest)
                                                      and (_CAPACITY.match(rest) or _HOLDS.search(rest)))):
                return canon(line[: k + 1]), canon(rest)
    return None


def _name_alone(line: str) -> bool:
    """A person's name on a line of its own: two to five words, each a capital and small letters ("Phạm Quang Vinh")."""
    words = line.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)



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
    năng", "Nhiệm vụ 2.3: Kiểm tra …" -> "2.3. Kiểm tra …" (genre.toml [numbering]). A scan's text recognition
    reads the I of a part's numeral as a small l ("Il. MỤC TIÊU", "lV. TỔ CHỨC THỰC HIỆN"): the numeral it is."""
    if (ocr := _MISREAD_ROMAN.match(clean)) and _capitals(ocr.group(2)):
        clean = ocr.group(1).replace("l", "I") + clean[ocr.end(1):]
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


_MISREAD_ROMAN = re.compile(r"((?=[IVXl]*l)[IVXl]{1,4})\.\s+(\S.*)$")


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
        clean = ("", False) if PAGE_FOOTER.match(body) else _numbered(tones(strip_markdown(body)).strip())
        out.append(_Line(pos, pos + len(body.rstrip()), body, *clean))
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
    letters: str = LETTERS  # the alphabet the current run of points follows
    dotted: tuple[int, ...] = ()
    article: int = 0
    ids: dict[str, str] = field(default_factory=dict)
    appendices: int = 0
    letter: int = -1  # index into LETTER_PARTS, in a plan whose parts are lettered
    group: int = -1  # index into LETTER_PARTS of the current group of a part's items ("A. Nhóm giải pháp về …")
    headings: int = 0  # groups of a part's items under headings that number nothing ("### Giai đoạn 1 (…)")
    labelled_run: bool = False  # the current dotted run is numbered by labels ("Chỉ tiêu 1:" …)
    heading_item: bool = False  # the current item is a Markdown heading ("### 1. Hoàn thiện dữ liệu")


def _next_letters(st: _State, letter: str) -> str:
    """The alphabet in which `letter` follows the run's last point ("" where it does not): the Vietnamese one
    ("d)", "đ)", "e)", "g)") or the Latin one Word letters its lists in ("d)", "e)", "f)"); a run keeps to the one
    its letters so far are of."""
    done = st.letters[: st.point + 1]
    return next((abc for abc in (st.letters, LETTERS, LATIN_LETTERS)
                 if st.point + 1 < len(abc) and abc[st.point + 1] == letter and abc.startswith(done)), "")


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
        # "5. TỔ CHỨC THỰC HIỆN / … như sau: / a) Phòng Quản lý thương mại: …": points right under a part with no items.
        parent = st.ids.get("dotted") or st.ids.get("item") or (st.ids.get("part") if st.item == 0 and st.part >= 0 else None)
        if m and parent and _next_letters(st, m.group(1)):
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
                    or TABLE.match(self.lines[j].raw):
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
            if table_at(self, i) and (st.part >= 0 or st.article > 0 or st.letter >= 0):
                i = read_table(self, i, starts, st)
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
                st.letters = _next_letters(st, m.group(1))
                st.point += 1
                parent = st.ids.get("dotted") or st.ids.get("item") or st.ids["part"]
                sid, out_kind = f"{parent}.{st.letters[st.point]}", "point"
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
        over = {x.parent for x in self.sections if x.kind == "point" and x.id in tasked}
        headings = {x.id for x in self.sections if x.kind == "item" and x.id in over and heading_bodies(x.title)}
        self.tasks = [t for t in self.tasks if t.id not in headings]
        # An item whose points give each party of a joint plan its part ("a) Sở Y tế: chủ trì …"): one task.
        parties, replaced = party_tasks(self)
        if parties:
            self.tasks = [t for t in self.tasks if t.id not in replaced] + parties
        # An item whose heading names the lead of its points ("1. Nhóm giải pháp về … (Sở Y tế chủ trì)"): its points.
        led, groups = headed_groups(self)
        if led:
            done = {t.id for t in led}
            self.tasks = [t for t in self.tasks if t.id not in groups and t.id not in done] + led
        # Tasks that name nobody, cited by the duties that lead them ("Chủ trì thực hiện nhiệm vụ tại điểm a khoản 2
        # Mục III"): beside a task table, each such task; where no task names anybody, when the duties so assign
        # most of them, the plan's work is its tasks, not its duties.
        referred = referred_tasks(self)
        parents = {y.parent for y in self.sections}
        units = [x for x in self.sections if x.kind in {"item", "point"} and self.section_role(x.id) == "tasks"
                 and x.id not in parents]
        if self.tasks or len(referred) * 2 >= len(units):
            self.tasks += referred
        # Rows of an assignment table citing the unit each assigns ("Điểm b mục 3.1 – …"): that unit's roles.
        moved, rows = cited_rows(self)
        if moved:
            self.tasks = [t for t in self.tasks if t.id not in rows] + moved
        self.tasks = self._by_number(units)
        # Among units that are tasks, one that names no body but gives its time is a task the plan gives nobody.
        have = {t.id for t in self.tasks}
        if len(have & {x.id for x in units}) >= 2:
            self.tasks += [t for x in units if x.id not in have and (t := leadless_task(self, x)) is not None]
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

    def _by_number(self, units: list[Section]) -> list[Task]:
        """A table outside the tasks part with a row per task number ("Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn",
        its first cell "1", "NV3"): each row gives its roles to the unit of the tasks part that number names, which
        names none itself; the row is no task of its own. Two rows or more so read, else the table is its own."""
        by_number: dict[str, Section] = {}
        for x in units:
            by_number.setdefault(x.id.rsplit(".", 1)[-1], x)
        have = {t.id for t in self.tasks}
        moved: dict[str, Section] = {}
        for t in self.tasks:
            m = re.fullmatch(r"(?i:nv|nhiệm vụ|nhiem vu|task)?\s*[-.]?\s*0*(\d{1,2})\.?", t.title.strip())
            unit = by_number.get(m.group(1)) if m and t.origin == "table" else None
            if unit is not None and unit.id not in have and self.section_role(t.id.split(".")[0]) != "tasks":
                moved[t.id] = unit
        if len(moved) < 2:
            return self.tasks
        return [replace(t, id=moved[t.id].id, title=moved[t.id].title) if t.id in moved else t for t in self.tasks]

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
            if ln.clean and not TABLE.match(ln.raw):
                return canon(ln.clean)
        return ""

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
        # The signer set beside the recipients, as a PDF's text copied with its layout gives them ("Nơi nhận:   …   TM.
        # ỦY BAN NHÂN DÂN" / "- UBND tỉnh …;   CHỦ TỊCH" / … / "- Thường trực HĐND phường;   Trần Minh Khoa"): the
        # right column of the recipients' lines, by line.
        beside: dict[int, str] = {}
        left: dict[int, str] = {}  # the recipients' column of a line with the signer's beside it
        for n in range(recip_line, min(len(lines), recip_line + 30)):
            halves = re.split(r"(?<=\S)(?:\s{6,}|\s*\t\s*)(?=\S)", lines[n].raw.strip(), maxsplit=1)  # spaces or a tab
            if len(halves) == 2 and (n == recip_line or halves[0].startswith(("-", "+", "•"))):
                beside[n], left[n] = canon(halves[1]), canon(halves[0])
        if not beside:
            # A PDF's text read a line across both columns, spaced singly ("Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- UBND tỉnh
            # …(b/c); CHỦ TỊCH", the name alone on a line between two recipients): capitals after a recipient's closing
            # mark, and a name standing between items, are the signer's.
            for n in range(recip_line, min(len(lines), recip_line + 30)):
                s = lines[n].clean
                runs_on = _capitals_beside(s)
                if runs_on:
                    left[n], beside[n] = runs_on
                elif beside and _name_alone(s) and n + 1 < len(lines) \
                        and lines[n + 1].clean.startswith(("-", "+", "•")):
                    beside[n], left[n] = canon(s), ""
                    break
                elif n > recip_line and s.isupper() and (_CAPACITY.match(s) or _HOLDS.search(s) or _SIGNED.fullmatch(s)) \
                        and n + 1 < len(lines) and lines[n + 1].clean.startswith(("-", "+", "•")) \
                        and (n - 1 == recip_line or lines[n - 1].clean.startswith(("-", "+", "•"))):
                    # A scan's text gives the two columns a line each, in turn ("- Sở Nội vụ …;" / "CHỦ TỊCH" / "- …"):
                    # the signer's capitals between the recipients.
                    beside[n], left[n] = canon(s), ""
        j = recip_line + 1
        names: list[str] = []
        last = recip_line
        while j < len(lines):
            s = left[j] if j in beside else lines[j].clean
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
            if _RECIPIENTS.match(s) or _PART.match(s) or _APPENDIX.match(s) or (TABLE.match(lines[k].raw) and len(cells(lines[k].raw)) > 2):
                break
            if s and s not in {"|", "---"} and not _SIGNED.fullmatch(s):
                sig.append(k)
                if any(c.islower() for c in s):
                    break
            k += 1
        # A signer signs in a capacity ("KT. CHỦ TỊCH"); capitals without one ("KẾ HOẠCH" and the title of an
        # attached plan) are no signer block.
        if len(sig) > 1 and not any(_CAPACITY.match(lines[n].clean) or _HOLDS.search(lines[n].clean) for n in sig[:-1]):
            sig = []
        # A line alone after the recipients is a signer's name only if it reads as one: "Trân trọng," closing the
        # e-mail a plan was pasted into is none (the signer then stands beside the recipients, if anywhere).
        if len(sig) == 1 and not _name_alone(lines[sig[0]].clean):
            sig = []
        before = [] if sig else self._signer_before(recip_line)  # a signer set above "Nơi nhận"
        joint = None if sig or before else self._signers_side_by_side(recip_line)
        if joint is not None:  # a joint plan's signers, a column each ("TM. BAN THƯỜNG VỤ … | KT. GIÁM ĐỐC …")
            first, last, self.signer, self.signer_title = joint
            starts.append(_Start(first, "signature", "signature", None, "Người ký", "", last, last + 1))
        said = [(n, x) for n, x in sorted(beside.items()) if not _SIGNED.fullmatch(x)]
        named = next((k for k, (_, x) in enumerate(said) if any(c.islower() for c in x)), None)
        if not sig and not before and named is not None and any(_CAPACITY.match(x) or _HOLDS.search(x) for _, x in said[:named]):
            # The signer beside the recipients: its unit starts at the name's line, the recipients' ends before it.
            at = said[named][0]
            starts[:] = [x if x.kind != "recipients" else _Start(x.line, x.id, x.kind, x.parent, x.title, x.role, at - 1, at)
                         for x in starts]
            starts.append(_Start(at, "signature", "signature", None, "Người ký", "", last, last + 1))
            self.signer = said[named][1]
            self.signer_title = " / ".join(x for _, x in said[:named])
        for block in (sig, before):
            if block:
                starts.append(_Start(block[0], "signature", "signature", None, "Người ký", "", block[-1], block[-1] + 1))
                texts = [canon(lines[n].clean) for n in block]
                self.signer = texts[-1]
                # "- Lưu: VT, KTTH.   TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / name: the capacity set beside the last
                # recipients heads the block below them.
                held = [x for _, x in said if _CAPACITY.match(x) or _HOLDS.search(x)] if block is sig and named is None else []
                self.signer_title = " / ".join([*held, *texts[:-1]])
        after = (sig[-1] if sig else last) + 1
        # What stands between the signer and the next part (an attached plan's title) is its own unit.
        nxt = after
        while nxt < len(lines) and not ((m := _PART.match(lines[nxt].clean)) and m.group(1) == "I") \
                and not _APPENDIX.match(lines[nxt].clean):
            nxt += 1
        if self._span(after, nxt):
            starts.append(_Start(after, "plan", "title", None, "Kế hoạch kèm theo", "", nxt - 1, nxt))
        return nxt

    def _signers_side_by_side(self, recip_line: int) -> tuple[int, int, str, str] | None:
        """The signers of a joint plan set side by side in a table just above "Nơi nhận", a column each: capacity
        cells in capitals over a name ("| KT. GIÁM ĐỐC SỞ Y TẾ |" … "| Đinh Quang Vũ |"): its first and last lines,
        the names ("A; B") and each one's capacity ("TM. … / CHỦ TỊCH; KT. … / PHÓ GIÁM ĐỐC"); None for none."""
        k, rows = recip_line - 1, list[tuple[int, list[str]]]()
        while k >= 0 and (TABLE.match(self.lines[k].raw) or not self.lines[k].clean):
            if TABLE.match(self.lines[k].raw) and not re.fullmatch(r"[\s|:-]*", self.lines[k].raw):
                rows.insert(0, (k, cells(self.lines[k].raw)))
            k -= 1
        if len(rows) < 2 or len({len(r) for _, r in rows}) != 1 or len(rows[0][1]) < 2:
            return None
        names, titles = [], []
        for col in zip(*(r for _, r in rows), strict=True):
            said = [canon(c) for c in col if c.strip() and not _SIGNED.fullmatch(c.strip())]
            if len(said) < 2 or not any(ch.islower() for ch in said[-1]) or not _CAPACITY.match(said[0]):
                return None
            names.append(said[-1])
            titles.append(" / ".join(said[:-1]))
        return rows[0][0], rows[-1][0], "; ".join(names), "; ".join(titles)

    def _signer_before(self, recip_line: int) -> list[int]:
        """The signer block just above "Nơi nhận": capacity lines in capitals ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        then the name; [] when the lines above are no such block."""
        found: list[int] = []
        k = recip_line - 1
        while k >= 0 and len(found) < 6:
            s = self.lines[k].clean
            if s and s not in {"|", "---"} and not _SIGNED.fullmatch(s):
                if found and not _CAPACITY.match(s):
                    break
                if not found and not any(c.islower() for c in s):
                    return []  # the line above "Nơi nhận" is no name
                found.insert(0, k)
            k -= 1
        return found if len(found) >= 2 else []

    def _plan(self) -> Plan:
        from index.header import header_facts, legal_bases
        from index.legend import abbreviations

        facts = header_facts(self.header_text)
        # A part of bases ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH") lists what the plan rests on where a preamble would.
        bases = [b for s in self.sections if s.role == "bases" and s.kind == "part"
                 for b in legal_bases(self.text[s.start : s.end])]
        if bases:
            facts = replace(facts, legal_bases=tuple(dict.fromkeys((*facts.legal_bases, *bases))))
        # An item headed by a body whose lettered points are each a duty of its ("1. Sở Giáo dục và Đào tạo:" then "a)
        # …", "b) …"): the heading is no duty of its own beside them.
        parents = {s.id: s.parent for s in self.sections}
        split = {parents.get(d.id) for d in self.duties}
        duties = [d for d in self.duties if d.id not in split]
        return Plan(
            source=self.source,
            text=self.text,
            recipients=self.recipients,
            signer=self.signer,
            signer_title=self.signer_title,
            sections=tuple(self.sections),
            tasks=tuple(self.tasks),
            duties=tuple(duties),
            number=facts.number, date=facts.date, place=facts.place, issuer=facts.issuer, title=facts.title,
            legal_bases=facts.legal_bases, doc_type=facts.doc_type, proposer=facts.proposer, proposal=facts.proposal,
            abbreviations=abbreviations(self.text),
        )


__all__ = ["LETTERS", "ROMAN", "Plan", "PlanError", "Section", "Task", "parse_plan", "split_agencies"]


def parse_plan(text: str, source: str = "plan") -> Plan:
    """Parse a plan's text; raises PlanError when the text is not a plan."""
    if not text.strip():
        raise PlanError(f"{source}: the file is empty")
    return _Builder(blank_furniture(text), source).run()


def blank_furniture(text: str) -> str:
    """A text pasted from a PDF viewer, its page furniture blanked where it falls: the page numbers ("Trang 2/4") and
    the running header or footer beside them on two pages or more ("Kế hoạch số 27/KH-UBND ngày … của UBND xã …"),
    with the empty lines around them, become one line break and spaces, so that a paragraph, a sentence or a bracket
    of roles that a page break split reads whole again. Offsets are kept: the text keeps its length."""
    lines = text.split("\n")
    marks = [n for n, x in enumerate(lines) if PAGE_FOOTER.match(x)]
    if len(marks) < 2:
        return text

    def beside(n: int, step: int) -> int:  # the nearest line with text before (-1) or after (+1) line n
        n += step
        while 0 <= n < len(lines) and not lines[n].strip():
            n += step
        return n

    def tabled(x: str) -> bool:  # a table's heading row repeated on each page is the table's, no furniture
        return "|" in x or len(re.findall(r"\S {3,}(?=\S)", x)) >= 2

    near = [line_shape(lines[k]) for n in marks for k in (beside(n, -1), beside(n, 1))
            if 0 <= k < len(lines) and not tabled(lines[k])]
    running = {x for x in near if near.count(x) >= 2 and x}
    furniture = set(marks)
    for n in marks:
        for step in (-1, 1):
            k = beside(n, step)
            if 0 <= k < len(lines) and line_shape(lines[k]) in running:
                furniture.add(k)
    starts = [0]
    for x in lines[:-1]:
        starts.append(starts[-1] + len(x) + 1)
    out = list(text)
    for n in sorted(furniture):
        # From the line break after the text before it to the start of the text after it: one break, then spaces.
        first, last = n, n
        while first - 1 >= 0 and (first - 1 in furniture or not lines[first - 1].strip()):
            first -= 1
        while last + 1 < len(lines) and (last + 1 in furniture or not lines[last + 1].strip()):
            last += 1
        a = starts[first] - 1 if first > 0 else -1  # the break that ends the text before, kept
        b = starts[last] + len(lines[last])  # the break that ends the furniture, a space now
        for i in range(a + 1, min(b + 1, len(text))):
            out[i] = " "
    return "".join(out)
