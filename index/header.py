"""Header facts of a plan or decision: issuer, number, date, place, title, legal bases, proposer."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from index.genre import phrase_pattern
from index.normalize import agency, canon, fold, strip_markdown, tones

_DOC = (r"(?:Nghị quyết liên tịch|Nghị quyết|Chương trình hành động|Chương trình|Quyết định|Tờ trình|Nghị định|"
        r"Thông tư liên tịch|Thông tư|Kế hoạch liên tịch|Kế hoạch|"
        r"Chỉ thị|Công văn|Kết luận|Hướng dẫn|Thông báo)")
# The office of a body's head who proposes for it ("Giám đốc", "Trưởng" of "Trưởng phòng Kinh tế"): the body follows.
OFFICE = r"(?:Giám đốc|Trưởng ban|Thủ trưởng|Chánh Văn phòng|Trưởng(?=\s+(?:[A-ZĐ]|phòng\b)))"
_DATE = r"ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
_BASIS = re.compile(_DOC + r"\s+số\s+[\w/.-]+\s+" + _DATE)
_LAW = re.compile(r"(?<![\w])(?:Bộ luật|Luật)\s+[^;.]{3,160}?\s+" + _DATE)


def _clean_lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        for cell in raw.replace("<br>", "\n").replace("<br/>", "\n").split("|"):
            for part in cell.split("\n"):
                s = tones(strip_markdown(part)).strip().strip("*_ ")
                if s and not re.fullmatch(r":?-{3,}:?", s):
                    out.append(s)
    return out


_KINDS = {"KẾ HOẠCH": "Kế hoạch", "KẾ HOẠCH LIÊN TỊCH": "Kế hoạch liên tịch", "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình hành động", "CHƯƠNG TRÌNH": "Chương trình"}


def legal_bases(text: str) -> list[str]:
    """The documents a text cites by number and date ("Nghị định số 77/2013/NĐ-CP ngày 17/7/2013", "Luật … ngày
    …"), in the order it cites them."""
    head = canon(" ".join(_clean_lines(text))) if "\n" in text else text
    bases = [m.group(0) for m in _BASIS.finditer(head)] + [m.group(0) for m in _LAW.finditer(head)]
    bases.sort(key=head.find)
    return bases


@dataclass(frozen=True, slots=True)
class HeaderFacts:
    number: str
    date: str
    place: str
    issuer: str
    title: str
    legal_bases: tuple[str, ...]
    doc_type: str
    proposer: str
    proposal: str


def header_facts(header: str) -> HeaderFacts:
    """What the header says about the document; "" where it says nothing."""
    header = _behind_cover(header)
    raw = _clean_lines(header)
    head = canon(" ".join(raw))
    number = re.search(r"Số\s*:?\s*(\d+)\s*/\s*([\w.-]+(?:/[\w.-]+)?)", head)
    date = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", head)
    place = re.search(r"(?:^|[\s|])([A-ZĐ][^\s,|]*(?:\s+[A-ZĐ][^\s,|]*){0,3}),\s*ngày\s+\d", head)
    rule = next((n for n, x in enumerate(raw) if fold(x).startswith("cong hoa xa hoi")), 0)
    # "SỞ GIÁO DỤC VÀ ĐÀO TẠO Số: 356/KH-SGDĐT" on one line (a letterhead's cell read whole): the issuer ends at its number.
    # A scan's text gives the letterhead's two columns a line each, in turn ("ỦY BAN NHÂN DÂN" / "CỘNG HÒA …" / "XÃ
    # ĐỨC PHONG" / "Độc lập …" / "Số: …"): the capitals between the motto's lines, before the number, are the issuer's.
    number_at = next((n for n, x in enumerate(raw) if re.match(r"(?i)số\s*:", x)), len(raw))
    between = raw[rule + 1] if rule and rule + 2 < number_at and fold(raw[rule + 2]).startswith("doc lap") else ""
    issuer_lines = raw[:rule] + ([between] if between.isupper() and not fold(between).startswith(
        ("cong hoa", "chu nghia", "ke hoach", "quyet dinh", "chuong trinh")) else [])
    issuer = canon(" ".join(re.split(r"(?i)\s+số\s*:", x)[0] for x in issuer_lines
                            if not re.fullmatch(r"[-_=]{3,}", x) and not re.match(r"(?i)số\s*:", x)))
    # A joint plan's letterhead: a table of a column per issuing body, each body under the one above it ("ỦY BAN NHÂN
    # DÂN TỈNH …" over "SỞ Y TẾ", "ỦY BAN MTTQ …" over "HỘI LIÊN HIỆP PHỤ NỮ TỈNH"), the motto outside it: the bodies.
    rows = [[c.strip() for c in x.strip().strip("|").split("|")] for x in itertools.takewhile(
        lambda x: x.lstrip().startswith("|"), header.splitlines())]
    rows = [r for r in rows if not all(re.fullmatch(r":?-{3,}:?|", c) for c in r)]
    # A letterhead table whose left column stacks the province over the issuing body ("TỈNH NAM BÌNH" / "ỦY BAN NHÂN DÂN
    # PHƯỜNG ĐÔNG HẢI" / "Số: 64/KH-UBND"), the motto in the right one: the left column down to the number, read
    # top to bottom, not row by row with the motto between.
    if len(rows) >= 2 and len(rows[0]) >= 2 and fold(rows[0][-1]).startswith("cong hoa"):
        left = [r[0] for r in itertools.takewhile(lambda r: not re.match(r"(?i)số\s*:", r[0]), rows)]
        if len(left) >= 2 and all(c.isupper() for c in left if c):
            issuer = canon(" ".join(c for c in left if c))
    if len(rows) >= 2 and len({len(r) for r in rows}) == 1 and len(rows[0]) >= 2 \
            and not any(fold(c).startswith(("cong hoa", "doc lap")) for r in rows for c in r):
        bodies = [next((c for c in reversed(col) if c), "") for col in zip(*rows, strict=True)]
        if all(b and b.isupper() for b in bodies):
            issuer = " và ".join(canon(b) for b in bodies)
    if not issuer:
        # Two columns side by side, as a PDF's text gives them ("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …"):
        # the issuer is the left column of the lines above the number.
        # The left column is what stands before the motto's words on each of the first lines, however many
        # spaces part them (a web page saved from such a file keeps one).
        marks = r"\s*(?:CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-|Số\s*:)"
        # The letterhead may follow lines of another kind (a forwarding e-mail's "From:", "Subject:", its greeting): it
        # begins where the first line with the motto beside the issuer does.
        lines = header.splitlines()
        start = next((i for i, x in enumerate(lines[:40]) if re.search(r"\S" + marks, x.strip())), 0)
        start = next((i for i in range(max(0, start - 2), start + 1) if all(x.strip().isupper() or re.search(
            r"\S" + marks, x.strip()) for x in lines[i:start + 1] if x.strip())), start)
        left = [re.split(marks, x.strip())[0] for x in lines[start:start + 4] if re.search(r"\S" + marks, x.strip())]
        # Its first line may stand alone above them ("ỦY BAN NHÂN DÂN" / "TỈNH HÒA LẠC<TAB>CỘNG HÒA …").
        above = list(itertools.takewhile(lambda x: not re.search(marks, x.strip()), lines[start:start + 3]))
        if left and above and all(x.strip().isupper() for x in above if x.strip()):
            left = [x.strip() for x in above if x.strip()] + left
        issuer = canon(" ".join(x for x in left if x))
    is_decision = bool(re.search(r"(?:^|\s)QUYẾT ĐỊNH(?:\s|:|$)", head)) and "/QĐ" in (number.group(0) if number else "/QĐ")
    title = ""
    kind: re.Match[str] | None = None
    if is_decision:
        m = re.search(r"QUYẾT ĐỊNH\s+(.+?)\s+(?=(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHỦ TỊCH|Căn cứ)\b)", head)
        title = m.group(1) if m else ""
    else:
        # The title runs to the preamble, or to the header's end where the plan's first part gives its bases
        # ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"). An action programme ("CHƯƠNG TRÌNH HÀNH ĐỘNG Thực hiện Nghị quyết …",
        # "Số: 47/CTr-UBND") is a plan of the genre under its own name.
        kind = re.search(r"(?:^|\s)(KẾ HOẠCH LIÊN TỊCH|KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH)\s+(?=\S)", head)
        m = re.search(re.escape(kind.group(1)) + r"\s+(.+?)\s*(?=(?:Thực hiện|Căn cứ|Theo đề nghị|Trên cơ sở)\b|$)", head[kind.start():]) if kind else None
        title = m.group(1) if m else ""
        # A legend of short forms right after the title ("Chữ viết tắt: | PBGDPL | …") is no part of it.
        legend = phrase_pattern("legend", "heads").search(fold(title))
        if legend and legend.start() > 0:
            title = title[: legend.start()]
    bases = legal_bases(head)
    # "Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 21/TTr-SYT …", or with no submission named: "Theo đề nghị
    # của Trưởng Công an phường, Ủy ban nhân dân phường ban hành …": the body proposing, without its head's office.
    lead = r"đề nghị của\s+(?:(?:ông|bà)\s+)?(?:" + OFFICE + r"\s+)?"
    prop = re.search(lead + r"(.+?)\s+tại\s+(Tờ trình\s+số\s+[\w/.-]+(?:\s+" + _DATE + r")?)", head) or re.search(
        r"(?:Theo|Xét|[Tt]rên cơ sở)\s+" + lead + r"(.+?)\s*(?:,\s*(?=Ủy ban|UBND|Chủ tịch)|[;.](?=\s)|[,;.]?\s*(?:\n|$))()", head)
    proposer = agency(prop.group(1)[:1].upper() + prop.group(1)[1:]) if prop and len(prop.group(1)) <= 120 else ""
    return HeaderFacts(
        number=f"{number.group(1)}/{number.group(2)}" if number else "",
        date=f"{date.group(3)}-{int(date.group(2)):02d}-{int(date.group(1)):02d}" if date else "",
        place=canon(place.group(1)) if place else "",
        issuer=issuer,
        title=canon(title).strip(),
        legal_bases=tuple(dict.fromkeys(bases)),
        doc_type="Quyết định" if is_decision else _KINDS.get(kind.group(1), "Kế hoạch") if kind else "Kế hoạch",
        proposer=proposer,
        proposal=canon(prop.group(2)) if proposer and prop and prop.group(2) else "",
    )


def _behind_cover(header: str) -> str:
    """The plan's own letterhead onward, where a covering letter comes first ("SỞ Y TẾ / Số: 845/SYT-NVY / V/v triển
    khai Kế hoạch số 72/KH-UBND … / Kính gửi: …", signed, then the plan with its own letterhead): the letter's number,
    date and issuer are none of the plan's. The header as it is where it holds one letterhead."""
    lines = header.splitlines(keepends=True)
    mottos = [n for n, x in enumerate(lines) if fold(x).lstrip(" |").startswith("cong hoa xa hoi")
              or re.search(r"\S\s+(?:CỘNG HÒA|CỘNG HOÀ) XÃ HỘI", x)]
    if len(mottos) < 2 or not re.search(r"(?im)^\s*(?:kính gửi|v/v)\b", "".join(lines[: mottos[-1]])):
        return header
    start = mottos[-1]
    # the issuer's lines over the motto, in capitals ("ỦY BAN NHÂN DÂN" / "TỈNH KHÁNH NAM")
    while start > mottos[0] + 1 and start > mottos[-1] - 3 and lines[start - 1].strip() and lines[start - 1].isupper():
        start -= 1
    return "".join(lines[start:])


__all__ = ["OFFICE", "HeaderFacts", "header_facts", "legal_bases"]
