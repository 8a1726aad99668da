"""Word (.docx) files as text: paragraphs in order with the numbers Word draws, tables as pipe rows.

python-docx does not compute automatic list numbering, so "1.", "a)", "II." are rebuilt here
from the document's numbering definitions, counted in document order as Word counts them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from index.genre import body_head
from index.ingest import IngestError, nfc, pipe_rows

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, path: Path) -> str:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged file can fail anywhere in the zip and XML layers
        raise IngestError(path, f"not a Word .docx file ({exc.__class__.__name__}); an old .doc file must be "
                                "opened in Word and saved as .docx") from exc
    numbering = _Numbering(document.part)
    # "Ghi chú: Cơ quan in đậm là cơ quan chủ trì": a note that bold type marks the lead in a cell of bodies.
    bold_leads = any(_BOLD_LEADS.search(_text(p)) for p in document.element.body.iter(f"{_W}p"))
    lines: list[str] = []

    def read(parent: Any) -> None:
        for el in _blocks(parent):
            if el.tag != f"{_W}tbl":
                lines.append(numbering.label(el) + _text(el))
            elif _framed(el):
                # A table of one cell a template draws round the page's text (title, parts, the task table nested in
                # it): its paragraphs and tables are the document's own, read in order.
                for tr in el.tr_lst:
                    for tc in tr.tc_lst:
                        read(tc)
            else:
                table = Table(el, document._body)
                # A row deleted as a tracked change (its w:trPr holds w:del) is no row of the table as it reads.
                rows = [_row_cells(tr, table, numbering, bold_leads) for tr in el.tr_lst
                        if tr.trPr is None or tr.trPr.find(f"{_W}del") is None]
                if any(text.lstrip().startswith("Nơi nhận") for row in rows for text, _, _ in row):
                    # "Nơi nhận" and the signer set side by side: blocks laid out, read column by column.
                    columns = max(len(r) for r in rows)
                    lines.extend(x for c in range(columns) for r in rows if c < len(r) and not r[c][2]
                                 for x in r[c][0].split("<br>") if x.strip())
                else:
                    lines.extend(pipe_rows(rows))

    read(document.element.body)
    return nfc("\n".join(lines) + "\n")


def _framed(tbl: Any) -> bool:
    """A table of one column whose cells hold the document's text: a table nested in one, or a part's heading among
    several paragraphs ("I. MỤC ĐÍCH, YÊU CẦU")."""
    if any(len(tr.tc_lst) != 1 for tr in tbl.tr_lst):
        return False
    cells = [tc for tr in tbl.tr_lst for tc in tr.tc_lst]
    paragraphs = [_text(p) for tc in cells for p in tc.iterchildren(f"{_W}p")]
    return any(tc.find(f"{_W}tbl") is not None for tc in cells) or (
        len(paragraphs) >= 3 and any(_PART.match(x) for x in paragraphs))


# A part's heading as plans number them: "I. MỤC ĐÍCH, YÊU CẦU", "II. CHỈ TIÊU".
_PART = re.compile(r"\s*[IVX]{1,4}\.\s+\S")


# What a tracked change leaves out of the text as it reads once accepted: what it deletes, and where it moved from.
_STRUCK = {f"{_W}del", f"{_W}moveFrom"}


def _text(p: Any) -> str:
    """A paragraph's text as it reads with every tracked change accepted: inserted runs kept (Word puts them in
    w:ins, where python-docx's Paragraph.text does not look), deleted ones dropped; a comment's mark adds nothing."""
    out = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if el.getparent().tag != f"{_W}r":  # a tab stop of the paragraph's properties, no text
            continue
        up, struck = el.getparent(), False
        while up is not None and up is not p:
            if up.tag in _STRUCK:
                struck = True
                break
            up = up.getparent()
        if struck:
            continue
        if el.tag == f"{_W}t":
            out.append(el.text or "")
        elif el.tag in (f"{_W}tab", f"{_W}ptab"):
            out.append("\t")
        elif el.tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif el.get(f"{_W}type") in (None, "textWrapping"):  # a line break; a page or column break is none
            out.append("\n")
    return "".join(out)


_BOLD_LEADS = re.compile(r"(?i)in đậm[^.;]{0,80}chủ trì|chủ trì[^.;]{0,80}in đậm")


def _bold_marked(p: Any) -> str:
    """A paragraph of bodies ("Sở Y tế; **Bảo hiểm xã hội tỉnh**; UBND các xã, phường") with each body set wholly in
    bold, among others not, marked "(chủ trì)"; the paragraph as it is where bold and plain do not both stand in it."""
    runs = [(_text(r), _bold(r)) for r in p.iter(f"{_W}r")]
    if not (any(b and t.strip() for t, b in runs) and any(not b and t.strip(" ;,") for t, b in runs)):
        return _text(p)
    marked = "".join(f"\x01{t}\x02" if b else t for t, b in runs)
    pieces = re.split(r"(;)", marked)
    out = []
    for piece in pieces:
        plain = re.sub("\x01[^\x02]*\x02", "", piece)
        whole = "\x01" in piece and not plain.strip(" ,.")
        text = piece.replace("\x01", "").replace("\x02", "")
        out.append(f"{text.rstrip()} (chủ trì)" + (" " if text.endswith(" ") else "") if whole else text)
    return "".join(out)


def _bold(r: Any) -> bool:
    """A run set in bold by its own properties (w:b, not switched off)."""
    rpr = r.find(f"{_W}rPr")
    b = rpr.find(f"{_W}b") if rpr is not None else None
    return b is not None and b.get(f"{_W}val") not in ("0", "false", "off")


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, also those inside content controls (w:sdt), which
    python-docx's iter_inner_content passes over."""
    for el in parent.iterchildren():
        if el.tag in (f"{_W}p", f"{_W}tbl"):
            yield el
        elif el.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = el.find(f"{_W}sdtContent") if el.tag == f"{_W}sdt" else el
            if content is not None:
                yield from _blocks(content)


def _row_cells(tr: Any, table: Any, numbering: _Numbering, bold_leads: bool = False) -> list[tuple[str, int, bool]]:
    """(text, columns spanned, continues the cell above) for each cell of a table row; where the document says bold
    type marks the lead, a body set in bold among others not is marked "(chủ trì)", as plans mark it in words."""
    from docx.table import _Cell

    out = [("", 1, False)] * tr.grid_before
    for tc in tr.tc_lst:
        parts = []
        for block in _Cell(tc, table).iter_inner_content():
            if hasattr(block, "rows"):  # a table nested in a cell: its rows as text
                parts += ["; ".join(dict.fromkeys(c.text for c in row.cells if c.text)) for row in block.rows]
            else:
                parts.append(numbering.label(block._p) + (_bold_marked(block._p) if bold_leads else _text(block._p)))
        lines = [x for p in parts for x in p.split("\n") if x.strip()]
        text = "".join(_joined(lines[:n], x) + x for n, x in enumerate(lines)) if lines else ""
        out.append((text, tc.grid_span, tc.vMerge == "continue"))
    return out


def _joined(before: list[str], line: str) -> str:
    """What joins a cell's line to the lines before it: a break ("<br>"); but a line of a short cell that begins a
    body's name after one that ends none with a mark ("Sở Giáo dục và Đào tạo" / "Tỉnh Đoàn") is a second body, as
    the author broke the line to say ("; "). A PDF's wrapped lines are no author's breaks: this is Word's alone."""
    if not before:
        return ""
    if sum(map(len, before)) + len(line) <= 160 and not before[-1].rstrip().endswith((";", ",", ":")) \
            and re.match(body_head(), line.strip()):
        return "; "
    return "<br>"


class _Numbering:
    """The labels Word draws before list paragraphs ("1.", "a)", "II."), counted in document order."""

    def __init__(self, part: Any) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self._styles = part.styles.element
        try:
            root = part.part_related_by(RT.NUMBERING).element
        except KeyError:
            root = None
        self._abstract: dict[str, Any] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract id, start overrides)
        self._counts: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for a in root.iter(f"{_W}abstractNum"):
            self._abstract[a.get(f"{_W}abstractNumId")] = a
        for n in root.iter(f"{_W}num"):
            overrides = {int(o.get(f"{_W}ilvl", "0")): int(s.get(f"{_W}val", "1"))
                         for o in n.iter(f"{_W}lvlOverride") for s in o.iter(f"{_W}startOverride")}
            self._nums[n.get(f"{_W}numId")] = (_val(n, "abstractNumId") or "", overrides)

    def label(self, p: Any) -> str:
        num_id, ilvl = self._num_pr(p)
        if num_id is None or num_id not in self._nums:
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = {int(lv.get(f"{_W}ilvl", "0")): lv for lv in self._abstract.get(abstract_id, [])
                  if lv.tag == f"{_W}lvl"}
        if ilvl not in levels:
            return ""
        # Word continues one list across instances of a definition unless an instance restarts it.
        counts = self._counts.setdefault(num_id if overrides else abstract_id, {})

        def start(level: int) -> int:
            return overrides.get(level, int(_val(levels[level], "start") or "1")) if level in levels else 1

        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start(ilvl)
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        lvl = levels[ilvl]
        fmt = _val(lvl, "numFmt") or "decimal"
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return "- "
        text = _val(lvl, "lvlText") or ""
        for k in range(ilvl + 1):
            value = counts.get(k, start(k))
            k_fmt = fmt if k == ilvl else (_val(levels[k], "numFmt") if k in levels else "decimal") or "decimal"
            text = text.replace(f"%{k + 1}", _format(value, k_fmt))
        return text + ("" if _val(lvl, "suff") == "nothing" else " ")

    def _num_pr(self, p: Any) -> tuple[str | None, int]:
        """numId and level of a paragraph: its own, else its style's (and that style's bases')."""
        ppr = p.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        style = _val(ppr, "pStyle") if ppr is not None else None
        seen = set()
        while num_pr is None and style and self._styles is not None and style not in seen:
            seen.add(style)
            el = next((s for s in self._styles.iter(f"{_W}style") if s.get(f"{_W}styleId") == style), None)
            spr = el.find(f"{_W}pPr") if el is not None else None
            num_pr = spr.find(f"{_W}numPr") if spr is not None else None
            style = _val(el, "basedOn") if el is not None else None
        if num_pr is None:
            return None, 0
        num_id = _val(num_pr, "numId")
        return (None if num_id in (None, "0") else num_id), int(_val(num_pr, "ilvl") or "0")


def _val(el: Any, child: str) -> str | None:
    found = el.find(f"{_W}{child}")
    return None if found is None else found.get(f"{_W}val")


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = ""
        for value, letters in _ROMAN:
            count, n = divmod(n, value)
            roman += letters * count
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        # Word's letters: a … z, then aa … zz.
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
