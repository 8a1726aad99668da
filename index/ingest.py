"""Read the files staff receive (.txt, .md, .docx, .pdf, .html) into the text a plan is parsed from.

What `read_document` returns is what the index stores and what every citation's offsets point
into: a .txt or .md file exactly as it is; a Word file as one line per paragraph, with the
numbers Word draws before list paragraphs, and its tables as Markdown pipe rows (the layout the
parser already reads in .md plans); a PDF as the text layer of its pages, with the offset where
each page starts; a saved web page as the text of the element that holds the document.

Libraries, chosen on Vietnamese plans:

- .docx: python-docx (MIT; pure Python over lxml). It does not compute automatic list
  numbering, so the "1.", "a)" Word shows are rebuilt here from the numbering definitions.
- .pdf: pypdf (BSD-3-Clause; pure Python, actively maintained). Plan 65 typeset in DejaVu Sans
  came back line for line, NFC, with single spaces in justified lines, in 0.2 s. pdfminer.six
  (MIT) read the same letters but doubled the spaces of justified lines and added blank lines
  at page breaks; PyMuPDF is fast but AGPL-licensed and a binary wheel. The `crypto` extra
  (the `cryptography` wheel) opens PDFs that are AES-protected against editing. Neither keeps a
  table's rows: a PDF's appendix table reads as lines of text.
- .html: BeautifulSoup (MIT) over the standard library's html.parser: tolerant of the broken
  markup of saved pages, nothing compiled.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


class IngestError(ValueError):
    """A file cannot be read as a document; the message names the file and says what to do."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Document:
    text: str  # what the parser reads and citation offsets point into
    source: str  # the file name inside the corpus
    pages: tuple[int, ...] = ()  # offset in `text` where each PDF page starts; empty for other formats


def read_document(path: Path) -> Document:
    """The text of a plan file, by its suffix; IngestError names the file and the reason."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(path, f"unsupported format '{path.suffix}': save it as {', '.join(SUFFIXES[:-1])}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc.__class__.__name__})") from exc
    if not data.strip():
        raise IngestError(path, "the file is empty")
    text, pages = reader(data, path)
    if not text.strip():
        raise IngestError(path, "no text found in the file")
    return Document(text, path.name, pages)


def page_of(doc: Document, offset: int) -> int:
    """The 1-based PDF page holding `offset` of the document's text; 0 for a file without pages."""
    return bisect_right(doc.pages, offset) if doc.pages else 0


def _text(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    # Kept byte for byte (no NFC): offsets into these files are offsets into the file itself.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(path, "cannot be read as text: UnicodeDecodeError (expected UTF-8 text; "
                                "save it as UTF-8)") from exc
    if "\x00" in text:
        raise IngestError(path, "binary data, not text (expected UTF-8 text)")
    return text, ()


def _nfc(text: str) -> str:
    # Vietnamese typed with combining tone marks would not match the agency names the parser knows.
    return unicodedata.normalize("NFC", text.replace("\xa0", " "))


# -- Word -------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged file can fail anywhere in the zip and XML layers
        raise IngestError(path, f"not a Word .docx file ({exc.__class__.__name__}); an old .doc file must be "
                                "opened in Word and saved as .docx") from exc
    numbering = _Numbering(document.part)
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += _table_lines([_row_cells(tr, block, numbering) for tr in block._tbl.tr_lst])
        else:
            lines.append(numbering.label(block._p) + block.text)
    return _nfc("\n".join(lines) + "\n"), ()


def _row_cells(tr: Any, table: Any, numbering: _Numbering) -> list[tuple[str, int, bool]]:
    """(text, columns spanned, continues the cell above) for each cell of a table row."""
    from docx.table import _Cell

    out = [("", 1, False)] * tr.grid_before
    for tc in tr.tc_lst:
        parts = []
        for block in _Cell(tc, table).iter_inner_content():
            if hasattr(block, "rows"):  # a table nested in a cell: its rows as text
                parts += ["; ".join(dict.fromkeys(c.text for c in row.cells if c.text)) for row in block.rows]
            else:
                parts.append(numbering.label(block._p) + block.text)
        text = "<br>".join(p.replace("\n", "<br>") for p in parts if p.strip())
        out.append((text, tc.grid_span, tc.vMerge == "continue"))
    return out


def _table_lines(rows: list[list[tuple[str, int, bool]]]) -> list[str]:
    """Markdown pipe rows: a merged cell once then empty columns across, its text again down."""
    grid: list[list[str]] = []
    above: dict[int, str] = {}
    for row in rows:
        cells: list[str] = []
        for text, span, continued in row:
            col = len(cells)
            value = above.get(col, "") if continued else text
            above[col] = value
            cells += [value] + [""] * (span - 1)
        grid.append(cells)
    width = max((len(r) for r in grid), default=0)
    if not width:
        return []
    # A "|" inside a cell would split it in two for the parser.
    lines = ["| " + " | ".join(c.replace("|", "¦") for c in r + [""] * (width - len(r))) + " |" for r in grid]
    return [*lines[:1], "|" + "---|" * width, *lines[1:]]


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


# -- PDF --------------------------------------------------------------------------------------


def _pdf(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    # pypdf logs what it repairs ("EOF marker not found"); the file's fate is reported once, here.
    log = logging.getLogger("pypdf")
    level, log.level = log.level, logging.CRITICAL
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, "the PDF is password-protected: save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except DependencyError as exc:  # AES encryption needs the `cryptography` wheel, not installed
        raise IngestError(path, "the PDF is encrypted (AES): save an unprotected copy") from exc
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise IngestError(path, f"not a readable PDF ({exc.__class__.__name__}): export it again from the "
                                "original document") from exc
    finally:
        log.setLevel(level)
    if not any(p.strip() for p in pages):
        raise IngestError(path, "the PDF has no text layer (a scanned PDF?); OCR is not supported: "
                                "use the .docx or a PDF exported from Word")
    starts, parts, pos = [], [], 0
    for n, page in enumerate(pages, 1):
        lines = [line.rstrip() for line in _nfc(page).splitlines()]
        # The page number printed at the top or bottom of a page is not the plan's text.
        if lines and lines[0].strip(" -") == str(n):
            lines = lines[1:]
        if lines and lines[-1].strip(" -") == str(n):
            lines = lines[:-1]
        body = "".join(line + "\n" for line in lines)
        starts.append(pos)
        parts.append(body)
        pos += len(body)
    return "".join(parts), tuple(starts)


# -- HTML -------------------------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "form", "iframe", "svg", "button",
         "select", "textarea", "input", "menu", "object", "canvas"}
_BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
          "blockquote", "pre", "dl", "dt", "dd", "hr", "center", "address", "figure", "figcaption", "header",
          "footer", "aside", "tr", "td", "th", "caption", "tbody", "thead", "tfoot", "body", "html"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LONG_CELL = 1500  # a cell longer than this holds a page's layout, not a table's data


def _html(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for el in soup.find_all(True):
        if el.decomposed:
            continue
        if el.name in _SKIP or el.has_attr("hidden") or _HIDDEN.search(str(el.get("style", ""))):
            el.decompose()
    root = _content(soup.body or soup)
    lines: list[str] = []
    _render(root, lines)
    return _nfc("".join(line + "\n" for line in lines)), ()


def _own_text(el: Any) -> int:
    """Characters of text outside links: menus and lists of related documents are mostly links."""
    total = len("".join(el.get_text(" ").split()))
    links = sum(len("".join(a.get_text(" ").split())) for a in el.find_all("a"))
    return total - links


def _content(el: Any) -> Any:
    """The element holding the document: go down while one child holds most of the text."""
    while True:
        whole = _own_text(el)
        children = [c for c in el.find_all(True, recursive=False) if c.name not in ("table", "tbody", "tr")]
        best = max(children, key=_own_text, default=None)
        if best is None or whole == 0 or _own_text(best) < 0.7 * whole:
            return el
        el = best


class _Lines:
    """Text collected into lines: whitespace collapsed as a browser does, a new line at each block."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.words: list[str] = []

    def add(self, text: str) -> None:
        self.words.append(text)

    def flush(self) -> None:
        line = " ".join("".join(self.words).split())
        if line:
            self.out.append(line)
        self.words = []


def _render(el: Any, out: list[str]) -> None:
    lines = _Lines(out)
    _walk(el, lines)
    lines.flush()


def _walk(el: Any, lines: _Lines) -> None:
    from bs4 import NavigableString, Tag

    for child in el.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, doctype or CDATA
                lines.add(str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                lines.flush()
            elif child.name == "table" and _is_data_table(child):
                lines.flush()
                lines.out.extend(_table_lines(list(_html_rows(child))))
            elif child.name in _BLOCK or child.name == "table":
                lines.flush()
                if child.name == "li" and child.parent is not None and child.parent.name == "ol":
                    lines.add(f"{len(child.find_previous_siblings('li')) + 1}. ")
                _walk(child, lines)
                lines.flush()
            else:
                _walk(child, lines)


def _is_data_table(table: Any) -> bool:
    rows = _rows_of(table)
    if table.find("table") or not rows:
        return False
    cells = [[c for c in tr.find_all(["td", "th"], recursive=False)] for tr in rows]
    if all(sum(1 for c in row if c.get_text(strip=True)) <= 1 for row in cells):
        return False  # one column: blocks laid out in a table
    return all(len(c.get_text(" ", strip=True)) <= _LONG_CELL for row in cells for c in row)


def _rows_of(table: Any) -> list[Any]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _html_rows(table: Any) -> Iterator[list[tuple[str, int, bool]]]:
    """Each row's cells as (text, columns spanned, continues the cell above), rowspans spelled out."""
    down: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in _rows_of(table):
        row: list[tuple[str, int, bool]] = []
        col = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while down.get(col, 0) > 0:
                row.append(("", 1, True))
                down[col] -= 1
                col += 1
            lines: list[str] = []
            _render(cell, lines)
            span = _int(cell.get("colspan"))
            row.append(("<br>".join(lines), span, False))
            for c in range(col, col + span):
                down[c] = _int(cell.get("rowspan")) - 1
            col += span
        while down.get(col, 0) > 0:
            row.append(("", 1, True))
            down[col] -= 1
            col += 1
        yield row


def _int(value: object) -> int:
    try:
        return max(1, min(100, int(str(value))))
    except ValueError:
        return 1


_READERS: dict[str, Callable[[bytes, Path], tuple[str, tuple[int, ...]]]] = {
    ".txt": _text, ".md": _text, ".docx": _docx, ".pdf": _pdf, ".html": _html, ".htm": _html,
}
