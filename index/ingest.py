"""Read the files staff receive (.txt, .md, .docx, .pdf, .html) into the text a plan is parsed from.

What `read_document` returns is what the index stores and what every citation's offsets point
into: a .txt or .md file exactly as it is; a Word file as one line per paragraph, with the
numbers Word draws before list paragraphs, and its tables as Markdown pipe rows (the layout the
parser already reads in .md plans); a PDF as the text layer of its pages, with the offset where
each page starts; a saved web page as the text of the element that holds the document.

Libraries, chosen on Vietnamese plans:

- .docx: python-docx (MIT; pure Python over lxml). It does not compute automatic list
  numbering, so the "1.", "a)" Word shows are rebuilt here from the numbering definitions.
- .pdf: pypdf for the text layer, pdfplumber for a page's tables (index/pdf.py says why).
- .html: BeautifulSoup (MIT) over the standard library's html.parser: tolerant of the broken
  markup of saved pages, nothing compiled.

The Word, PDF and web-page readers are index/word.py, index/pdf.py and index/webpage.py; this module
dispatches, reads text and Markdown files, and holds what they share.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.genre import label_of

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


def nfc(text: str) -> str:
    # Vietnamese typed with combining tone marks would not match the agency names the parser knows.
    return unicodedata.normalize("NFC", text.replace("\xa0", " "))


def pipe_rows(rows: list[list[tuple[str, int, bool]]]) -> list[str]:
    """Markdown pipe rows: a merged cell once then empty columns across, its text again down. A heading in two rows
    is one; a table of two columns whose left cells label the right ones (a task's form: "Đơn vị chủ trì | Sở Y tế")
    is its labelled lines ("Đơn vị chủ trì: Sở Y tế"), as a plan writes them in text."""
    grid: list[list[str]] = []
    across: list[set[int]] = []  # each row's columns a cell merged across covers
    down: list[set[int]] = []  # each row's columns the cell above runs down into
    above: dict[int, str] = {}
    for row in rows:
        cells: list[str] = []
        spanned: set[int] = set()
        continued_at: set[int] = set()
        for text, span, continued in row:
            col = len(cells)
            value = above.get(col, "") if continued else text
            above[col] = value
            if span > 1:
                spanned.update(range(col, col + span))
            if continued:
                continued_at.add(col)
            cells += [value] + [""] * (span - 1)
        grid.append(cells)
        across.append(spanned)
        down.append(continued_at)
    width = max((len(r) for r in grid), default=0)
    if not width:
        return []
    if len(grid) > 2 and across[0] and down[1] and all(c in across[0] or c in down[1] or not t.strip()
                                                     for c, t in enumerate(grid[1])):
        grid = [_two_level(grid[0], grid[1], across[0]), *grid[2:]]
    if width == 2 and _form(grid):
        return [f"{a.strip().rstrip(':')}: {b.strip()}" for a, b in (r + [""] * (2 - len(r)) for r in grid) if b.strip()]
    # A "|" inside a cell would split it in two for the parser.
    lines = ["| " + " | ".join(c.replace("|", "¦") for c in r + [""] * (width - len(r))) + " |" for r in grid]
    return [*lines[:1], "|" + "---|" * width, *lines[1:]]


def _two_level(top: list[str], sub: list[str], spanned: set[int]) -> list[str]:
    """One heading row of two ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"; "Thời gian" over "Bắt đầu | Hoàn
    thành"): under a head merged across, its own label where it has one, else the head and it together."""
    out, head = [], ""
    for c, text in enumerate(top + [""] * (len(sub) - len(top))):
        head = text or head if c in spanned else text
        below = sub[c].strip() if c < len(sub) else ""
        if c not in spanned or not below or below == head:
            out.append(text or head)
        else:
            out.append(below if label_of(below) else f"{head} ({below})")
    return out


def _form(grid: list[list[str]]) -> bool:
    """Two columns, the left of short labels, two or more naming a task's roles or time."""
    rows = [r for r in grid if r and r[0].strip()]
    roles = [r for r in rows if label_of(r[0]) in {"lead", "coordinate", "timeline"} and not (len(r) > 1 and label_of(r[1]))]
    return len(roles) >= 2 and all(len(r[0].split()) <= 6 and not re.search(r"\d", r[0]) for r in rows)


def _docx(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    from index.word import read_docx

    return read_docx(data, path), ()


def _html(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    from index.webpage import read_html

    return read_html(data), ()


def _pdf(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    from index.pdf import read_pdf

    return read_pdf(data, path)


# A grid table's rule ("+-----+------+", "+=====+======+" under its heading): pandoc writes Word tables so.
_GRID_RULE = re.compile(r"^\+(?:[-=:]+\+)+\s*$")
# What pandoc escapes at a line's start so that it reads as text: "1\." (no list), "\-" (no bullet).
_PANDOC_ESCAPE = re.compile(r"^(\d{1,2})\\\.|^\\([-*+#>])", re.M)


def _markdown(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    """A Markdown file as it is, unless pandoc wrote it from a Word file: then its grid tables ("+---+---+", a cell's
    words wrapped over lines) as pipe rows of whole cells, the way the parser reads tables, and its escapes undone."""
    text, pages = _text(data, path)
    lines = text.splitlines()
    if not any(_GRID_RULE.match(x) for x in lines):
        return text, pages
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _GRID_RULE.match(lines[i]):
            j = i + 1
            while j < len(lines) and (lines[j].startswith("|") or _GRID_RULE.match(lines[j])):
                j += 1
            out += _grid_rows(lines[i:j])
            i = j
        else:
            out.append(lines[i])
            i += 1
    return _PANDOC_ESCAPE.sub(lambda m: f"{m.group(1)}." if m.group(1) else m.group(2), "\n".join(out) + "\n"), ()


def _grid_rows(block: list[str]) -> list[str]:
    """A grid table's rows as pipe rows, each cell's lines joined (docutils reads the grid); the block as it is where
    docutils finds no table in it."""
    from docutils.parsers.rst.tableparser import GridTableParser, TableMarkupError
    from docutils.statemachine import StringList

    try:
        _, head, body = GridTableParser().parse(StringList([x.rstrip() for x in block]))
    except TableMarkupError:
        return block

    def row(cells: list[object]) -> str:
        said = [" ".join(" ".join(c[3]).replace("**", "").split()) if c else "" for c in cells]  # type: ignore[index]
        return "| " + " | ".join(said) + " |"

    rows = [row(r) for r in head]
    if rows:
        rows.append("|" + "---|" * len(head[0]))
    return rows + [row(r) for r in body]


_READERS: dict[str, Callable[[bytes, Path], tuple[str, tuple[int, ...]]]] = {
    ".txt": _text, ".md": _markdown, ".docx": _docx, ".pdf": _pdf, ".html": _html, ".htm": _html,
}
