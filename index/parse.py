"""Parse a plan (Nghị định 30/2020 layout) into sections, tasks and header facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.normalize import agency, canon, fold, strip_markdown, tones, unwrap

PARSER_VERSION = "4"  # bump when parsing or chunking changes what an index holds

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# Vietnamese point order skips f, j, w, z and puts đ after d.
LETTERS = "abcdđeghiklmnopqrstuvxy"

ROLE_LEAD, ROLE_COORD, ROLE_TIME = "lead", "coordinate", "timeline"


class PlanError(ValueError):
    """The text is not a plan this parser understands."""


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # "III.6.đ", "header", "recipients", ...
    kind: str  # header | part | item | point | recipients | signature
    title: str
    start: int  # span of the unit's own text in the source, heading included
    end: int
    parent: str | None
    has_body: bool  # False for a heading followed directly by its children


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    title: str
    lead: tuple[str, ...]
    coordinate: tuple[str, ...]
    timeline: str
    spans: tuple[tuple[int, int], ...]  # lead, coordinate, timeline lines in the source


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
    _by_id: dict[str, Section] = field(default_factory=dict, compare=False, repr=False)

    def section(self, sid: str) -> Section | None:
        if not self._by_id:
            self._by_id.update({s.id: s for s in self.sections})
        return self._by_id.get(sid)

    def task(self, sid: str) -> Task | None:
        return next((t for t in self.tasks if t.id == sid), None)

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


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    raw: str
    clean: str  # markdown stripped, tone-normalised, trimmed


_PART = re.compile(r"^(X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s+(\S.*)$")
_ITEM = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_POINT = re.compile(r"^(?:[-*]\s+)?([a-zđ])\)\s+(\S.*)$")
_ROLE = re.compile(
    r"^[-+*]\s*(cơ quan chủ trì(?: tham mưu)?|cơ quan phối hợp(?: thực hiện)?|"
    r"thời gian thực hiện)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_RECIPIENTS = re.compile(r"^nơi nhận\s*:", re.IGNORECASE)
# A new body begins a list entry: "Sở …", "Ban Dân tộc …", "UBND …", never "Ban ngành".
_BODY_HEAD = r"(?:Sở|Ban|Báo|Đài|UBND|Ủy ban|Công an|Bộ|Bảo hiểm|Hội|Liên đoàn|Tỉnh đoàn|Ngân hàng|Các|Văn phòng|Cục|Chi cục|Trung tâm|Trường|Viện|Kho bạc|Thanh tra)\s+(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|các|tỉnh)"
_SPLIT = re.compile(r"\s*;\s*|\s*,\s+(?=" + _BODY_HEAD + r")|\s+và\s+(?=" + _BODY_HEAD + r")")


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(_Line(pos, pos + len(body), body, tones(strip_markdown(body)).strip()))
        pos += len(raw)
    return out


def _is_lower_start(s: str) -> bool:
    return bool(s) and (s[0].islower() or s[0].isdigit())


def split_agencies(value: str) -> tuple[str, ...]:
    """Split a role line's value into canonical agency names."""
    names = [agency(x) for x in _SPLIT.split(canon(value).rstrip(" ."))]
    return tuple(n for n in names if n)


def _short_title(body: str) -> str:
    """A label for a unit with no heading: its lead-in before ":" or its first clause."""
    head, colon, _ = body.partition(":")
    if colon and len(head) <= 60:
        return head.strip()
    clause = re.split(r"(?<=[^\d])[.;](?=\s|$)", body, maxsplit=1)[0]
    words = clause.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


class _Builder:
    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source
        self.lines = _lines(text)
        self.sections: list[Section] = []
        self.tasks: list[Task] = []

    # -- structure ---------------------------------------------------------
    def marker(self, i: int, part: int, item: int, point: int) -> tuple[str, re.Match[str]] | None:
        """Classify line i as the next part / item / point, driven by numbering order."""
        s = self.lines[i].clean
        m = _PART.match(s)
        if m and part + 1 < len(ROMAN) and m.group(1) == ROMAN[part + 1]:
            return "part", m
        if part < 0:
            return None
        m = _ITEM.match(s)
        if m and int(m.group(1)) == item + 1:
            return "item", m
        m = _POINT.match(s)
        if m and item >= 1 and point + 1 < len(LETTERS) and m.group(1) == LETTERS[point + 1]:
            return "point", m
        return None

    def heading(self, i: int, first: str, kind: str) -> tuple[str, int, bool]:
        """Title, index of the last heading line, and whether the heading is itself body text."""
        parts, last, j = [first], i, i + 1
        while j < len(self.lines):
            s = self.lines[j].clean
            if not s or s == "|":
                j += 1
                continue
            if _PART.match(s) or _ITEM.match(s) or _POINT.match(s) or _ROLE.match(s):
                break
            if _is_lower_start(s) or (kind == "part" and s.isupper()):
                parts.append(s)
                last = j
                j += 1
                continue
            break
        joined = canon(" ".join(parts))
        if kind != "part" and (len(joined) > 200 or joined.endswith((".", ";"))):
            return "", i, True
        return joined, last, False

    def run(self) -> Plan:
        lines = self.lines
        starts: list[tuple[int, str, str, str | None, str]] = []  # line, id, kind, parent, title
        part, item, point = -1, 0, -1  # part and point are indexes, item a count
        ids = {"part": "", "item": ""}
        recip_line = None
        i = 0
        while i < len(lines):
            if recip_line is None and _RECIPIENTS.match(lines[i].clean) and part >= 0:
                recip_line = i
                break
            found = self.marker(i, part, item, point)
            if not found:
                i += 1
                continue
            kind, m = found
            title, last, is_body = self.heading(i, m.group(2), kind)
            if kind == "part":
                part, item, point = part + 1, 0, -1
                sid, parent = ROMAN[part], None
                ids["part"] = sid
            elif kind == "item":
                item, point = item + 1, -1
                sid, parent = f"{ids['part']}.{item}", ids["part"]
                ids["item"] = sid
            else:
                point += 1
                sid, parent = f"{ids['item']}.{LETTERS[point]}", ids["item"]
            starts.append((i, sid, kind, parent, "" if is_body else title))
            i = last + 1
        # Siblings share one style: where most items of a part are running paragraphs
        # (part IV), a short one is a paragraph too, not a heading.
        for parent in {s[3] for s in starts}:
            sibs = [n for n, s in enumerate(starts) if s[3] == parent]
            if sum(1 for n in sibs if not starts[n][4]) * 2 > len(sibs):
                for n in sibs:
                    starts[n] = (*starts[n][:4], "")
        if not starts:
            raise PlanError(f"{self.source}: not a plan: no part heading 'I.' found")
        end_line = recip_line if recip_line is not None else len(lines)
        self._header(starts[0][0])
        if "ke hoach" not in fold(self.header_text) and len({s[1] for s in starts if s[2] == "part"}) < 3:
            raise PlanError(f"{self.source}: not a plan: no 'KẾ HOẠCH' title and too few parts (I., II., III.)")
        for n, (li, sid, kind, parent, title) in enumerate(starts):
            nxt = starts[n + 1][0] if n + 1 < len(starts) else end_line
            self._unit(li, nxt, sid, kind, parent, title)
        if recip_line is not None:
            self._tail(recip_line)
        return self._plan()

    def _span(self, a: int, b: int) -> tuple[int, int] | None:
        """Char span of lines [a, b) without blank and "|" lines at either end."""
        body = [ln for ln in self.lines[a:b] if ln.clean and ln.clean != "|"]
        return (body[0].start, body[-1].end) if body else None

    def _unit(self, a: int, b: int, sid: str, kind: str, parent: str | None, title: str) -> None:
        span = self._span(a, b)
        assert span is not None  # a marker line is never blank
        _, heading_last, _ = self.heading(a, self.lines[a].clean, kind) if title else ("", a, True)
        has_body = self._span(heading_last + 1, b) is not None if title else True
        if not title:
            first = _PART.match(self.lines[a].clean) or _ITEM.match(self.lines[a].clean) or _POINT.match(self.lines[a].clean)
            body = unwrap(self.text[span[0] : span[1]])
            if first:
                body = unwrap(first.group(2) + "\n" + self.text[self.lines[a].end : span[1]])
            title = _short_title(body)
        self.sections.append(Section(sid, kind, title, span[0], span[1], parent, has_body))
        self._task(a, b, sid, title)

    def _task(self, a: int, b: int, sid: str, title: str) -> None:
        roles: dict[str, tuple[str, int, int]] = {}
        cur: str | None = None
        for ln in self.lines[a:b]:
            m = _ROLE.match(ln.clean)
            if m:
                key = m.group(1).lower()
                cur = ROLE_LEAD if "chủ trì" in key else ROLE_COORD if "phối hợp" in key else ROLE_TIME
                roles[cur] = (m.group(2), ln.start, ln.end)
            elif cur and ln.clean and ln.clean != "|":
                value, start, _ = roles[cur]
                roles[cur] = (value + " " + ln.clean, start, ln.end)
        if ROLE_LEAD not in roles:
            return
        empty = ("", 0, 0)
        lead, coord, time = (roles.get(k, empty) for k in (ROLE_LEAD, ROLE_COORD, ROLE_TIME))
        self.tasks.append(
            Task(
                sid,
                title,
                split_agencies(lead[0]),
                split_agencies(coord[0]),
                canon(time[0]).rstrip(" ."),
                ((lead[1], lead[2]), (coord[1], coord[2]), (time[1], time[2])),
            )
        )

    # -- header and tail ---------------------------------------------------
    def _header(self, first_part_line: int) -> None:
        span = self._span(0, first_part_line)
        if span is None:
            self.header_text = ""
            return
        self.sections.append(Section("header", "header", "Tiêu đề, số hiệu, căn cứ", span[0], span[1], None, True))
        self.header_text = self.text[span[0] : span[1]]

    def _tail(self, recip_line: int) -> None:
        lines = self.lines
        j = recip_line + 1
        names: list[str] = []
        last = recip_line
        while j < len(lines):
            s = lines[j].clean
            if s.startswith(("-", "+")):
                names.append(canon(s.lstrip("-+ ")).rstrip(" .;"))
                last = j
            elif s and s != "|":
                break
            j += 1
        span = self._span(recip_line, last + 1)
        assert span is not None
        self.sections.append(Section("recipients", "recipients", "Nơi nhận", span[0], span[1], None, True))
        self.recipients = tuple(names)
        sig = self._span(last + 1, len(lines))
        self.signer = self.signer_title = ""
        if sig:
            self.sections.append(Section("signature", "signature", "Người ký", sig[0], sig[1], None, True))
            sig_lines = [ln.clean for ln in lines[last + 1 :] if ln.clean and ln.clean != "|"]
            self.signer = canon(sig_lines[-1])
            self.signer_title = canon(" / ".join(sig_lines[:-1]))

    def _plan(self) -> Plan:
        head = unwrap(self.header_text)
        number = re.search(r"Số\s*:\s*(\d+)\s*/\s*([\w-]+)", head)
        date = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", head)
        raw = [ln.clean for ln in _lines(self.header_text)]
        place = next((x.split(",")[0] for x in raw if re.search(r",\s*ngày\b", x)), "")
        rule = next((n for n, x in enumerate(raw) if re.fullmatch(r"-{3,}", x)), 0)
        issuer = canon(" ".join(raw[:rule]))
        title = re.search(r"KẾ HOẠCH\s+(.+?)\s+(?=(?:Thực hiện|Căn cứ)\b)", head)
        bases = re.findall(
            r"(?:Nghị quyết|Chương trình hành động|Quyết định|Tờ trình|Nghị định|Thông tư|"
            r"Kế hoạch|Chỉ thị|Công văn)\s+số\s+[\w/-]+\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}",
            head,
        )
        return Plan(
            source=self.source,
            text=self.text,
            number=f"{number.group(1)}/{number.group(2)}" if number else "",
            date=f"{date.group(3)}-{int(date.group(2)):02d}-{int(date.group(1)):02d}" if date else "",
            place=canon(place),
            issuer=issuer,
            title=title.group(1).strip() if title else "",
            legal_bases=tuple(dict.fromkeys(bases)),
            recipients=getattr(self, "recipients", ()),
            signer=getattr(self, "signer", ""),
            signer_title=getattr(self, "signer_title", ""),
            sections=tuple(self.sections),
            tasks=tuple(self.tasks),
        )


def parse_plan(text: str, source: str = "plan") -> Plan:
    """Parse a plan's text; raises PlanError when the text is not a plan."""
    if not text.strip():
        raise PlanError(f"{source}: the file is empty")
    return _Builder(text, source).run()
