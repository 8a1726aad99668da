"""Word, PDF and HTML renderings of the text plans, written with the libraries themselves.

Each writer takes a plan's text (.txt, or .md with pipe tables and ** / * emphasis) and writes the
file a civil servant would receive: a paragraph per line, tables as real tables, part and item
numbers as Word's automatic numbering where asked, the PDF set in a Unicode TTF font.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

FONTS = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONTS / "DejaVuSans.ttf"
needs_font = pytest.mark.skipif(
    not FONT.is_file(), reason=f"{FONT} is absent: apt-get install fonts-dejavu-core (the PDF fixtures need it)"
)

_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")
_PART = re.compile(r"^([IVX]+)\.\s+(\S.*)$")
_ITEM = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def blocks(text: str) -> list[str | list[list[str]]]:
    """Lines of text, and Markdown tables as rows of cells (a lone "|" line is text, as in plan 65)."""
    out: list[str | list[list[str]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        # Cells parted by tabs, two rows or more (a Word table pasted into a text file): a table too.
        if lines[i].count("\t") >= 2 and i + 1 < len(lines) and lines[i + 1].count("\t") >= 2:
            rows = []
            while i < len(lines) and lines[i].count("\t") >= 2:
                rows.append([c.strip() for c in lines[i].split("\t")])
                i += 1
            out.append(rows)
            continue
        if _ROW.match(lines[i]) and lines[i].strip() != "|":
            rows = []
            while i < len(lines) and _ROW.match(lines[i]) and lines[i].strip() != "|":
                if not _RULE.match(lines[i]):
                    rows.append([c.strip() for c in lines[i].strip()[1:-1].split("|")])
                i += 1
            out.append(rows)
            continue
        out.append(lines[i])
        i += 1
    return out


def _runs(par: Any, text: str) -> None:
    bold = italic = False
    for piece in re.split(r"(\*{1,3})", text):
        if piece and set(piece) == {"*"}:
            bold ^= len(piece) >= 2
            italic ^= len(piece) != 2
        elif piece:
            run = par.add_run(piece)
            run.bold, run.italic = bold or None, italic or None


# Part headings "I." (upper roman) and items "1." under them (decimal, restarting in each part).
_NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="900">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>
    <w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/>
    <w:suff w:val="space"/></w:lvl>
</w:abstractNum>"""


def _numbered(document: Any) -> str:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    root = document.part.numbering_part.element
    first_num = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    abstract = parse_xml(_NUMBERING.format(ns=nsdecls("w")))
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        root.append(abstract)
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="900"><w:abstractNumId w:val="900"/></w:num>'))
    return "900"


def _number(par: Any, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    par._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def to_docx(text: str, out: Path, auto_numbers: bool = False) -> Path:
    """A .docx of the plan; with `auto_numbers`, "I." and "1." headings become Word list numbering."""
    import docx

    document = docx.Document()
    num_id = _numbered(document) if auto_numbers else ""
    part, item = 0, 0
    for block in blocks(text):
        if isinstance(block, list):
            table = document.add_table(rows=len(block), cols=max(map(len, block)))
            for tr, row in zip(table.rows, block, strict=True):
                for cell, value in zip(tr.cells, row, strict=False):
                    for k, piece in enumerate(value.split("<br>")):
                        _runs(cell.paragraphs[0] if k == 0 else cell.add_paragraph(), piece)
            continue
        if not block.strip():
            continue  # Word separates paragraphs by spacing, not by empty paragraphs
        par = document.add_paragraph()
        plain = block.replace("*", "").strip()
        m_part, m_item = _PART.match(plain), _ITEM.match(plain)
        # Only numbers that follow on from the previous ones: a list counts, it cannot skip.
        if auto_numbers and m_part and part < len(_ROMAN) and m_part.group(1) == _ROMAN[part]:
            part, item = part + 1, 0
            _number(par, num_id, 0)
            _runs(par, block.replace(f"{m_part.group(1)}. ", "", 1))
        elif auto_numbers and m_item and part and int(m_item.group(1)) == item + 1:
            item += 1
            _number(par, num_id, 1)
            _runs(par, block.replace(f"{m_item.group(1)}. ", "", 1))
        else:
            _runs(par, block)
    document.save(str(out))
    return out


def to_pdf(text: str, out: Path) -> list[tuple[str, int]]:
    """An A4 PDF of the plan in DejaVu Sans, justified; returns each text line with its page."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for style, name in (("", "DejaVuSans"), ("B", "DejaVuSans-Bold"), ("I", "DejaVuSans-Oblique"),
                        ("BI", "DejaVuSans-BoldOblique")):
        pdf.add_font("DejaVu", style=style, fname=str(FONTS / f"{name}.ttf"))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    placed = []
    for block in blocks(text):
        if isinstance(block, list):
            with pdf.table(markdown=True) as table:
                for row in block:
                    cells = table.row()
                    for value in row:
                        cells.cell(value.replace("<br>", "\n"))
            continue
        # A tab sets two columns apart ("Số: 27/KH-UBND<TAB>Hòa Lạc, ngày …"); the font has no glyph for it.
        pdf.multi_cell(w=0, h=5, text=block.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT",
                       markdown=True, align="J")
        placed.append((block, pdf.page_no()))  # after: a line that did not fit went to the next page
    pdf.output(str(out))
    return placed


def to_html(text: str, out: Path) -> Path:
    """The plan as a legal-documents website saves it: menus, a sidebar, scripts and a footer around it."""
    body = []
    for block in blocks(text):
        if isinstance(block, list):
            rows = "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>\n" for row in block)
            body.append(f'<table border="1" cellpadding="2">\n{rows}</table>')
        elif block.strip():
            body.append(f"<p>{_inline(block)}</p>")
    menu = "".join(f'<li><a href="/{n}">{w}</a></li>' for n, w in enumerate(
        ["Trang chủ", "Văn bản mới", "Văn bản hợp nhất", "Công văn", "Dự thảo", "Tiếng Anh", "Đăng nhập"]))
    related = "".join(f'<li><a href="/vb/{n}">Kế hoạch {n}/KH-UBND năm 2023 về chuyển đổi số</a></li>'
                      for n in range(100, 130))
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch - Thư viện văn bản</title>
<style>.content p {{ margin: 0 0 6px }} body {{ font-family: Arial }}</style>
<script>var ads = "Quảng cáo: Mua ngay!"; function menu() {{ return 1; }}</script></head>
<body>
<header class="site"><div class="logo">THƯ VIỆN VĂN BẢN PHÁP LUẬT</div><nav><ul>{menu}</ul></nav>
<form action="/search"><input name="q" placeholder="Tìm văn bản"><button>Tra cứu nhanh</button></form></header>
<div id="main">
  <aside class="sidebar"><h3>Văn bản liên quan</h3><ul>{related}</ul></aside>
  <div class="tabs"><div style="display:none">Nội dung đang được cập nhật bản tiếng Anh.</div></div>
  <div class="content1">
{chr(10).join(body)}
  </div>
  <!-- Lược đồ văn bản -->
</div>
<footer><p>Bản quyền thuộc Thư viện văn bản. Địa chỉ: 17 Nguyễn Gia Thiều, Quận 3.</p></footer>
<script>document.querySelectorAll("a").forEach(a => a.rel = "nofollow");</script>
</body></html>
"""
    out.write_text(page, encoding="utf-8")
    return out


def _inline(markdown: str) -> str:
    escaped = html.escape(markdown, quote=False).replace("&lt;br&gt;", "<br>")
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", escaped)
