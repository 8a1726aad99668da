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
  (the `cryptography` wheel) opens PDFs that are AES-protected against editing. pypdf does not keep
  a table's rows (an appendix table reads as its cells' lines, one after another): a page that holds
  a ruled table is read by pdfplumber (MIT; over pdfminer.six), whose table finder follows the rules
  the table is drawn with, its rows become Markdown pipe rows, and the text around them its own.
- .html: BeautifulSoup (MIT) over the standard library's html.parser: tolerant of the broken
  markup of saved pages, nothing compiled.

The Word and web-page readers are index/word.py and index/webpage.py; this module dispatches,
reads text and PDF files, and holds what they share.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.genre import label_of
from index.normalize import line_shape

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
    for n, text in _table_pages(data).items():  # a page that holds a ruled table: its rows as pipe rows
        pages[n] = text
    texts = [[_unjustified(line.rstrip()) for line in nfc(page).splitlines()] for page in pages]
    running = _running_lines(texts)
    starts, parts, pos = [], [], 0
    for n, lines in enumerate(texts, 1):
        # The page number printed at the top or bottom of a page is not the plan's text; nor is a
        # running header or footer ("Kế hoạch … năm 2026", "Trang 2/5") repeated from page to page.
        if lines and lines[0].strip(" -") == str(n):
            lines = lines[1:]
        if lines and lines[-1].strip(" -") == str(n):
            lines = lines[:-1]
        while lines and line_shape(lines[0]) in running:
            lines = lines[1:]
        while lines and line_shape(lines[-1]) in running:
            lines = lines[:-1]
        body = "".join(line + "\n" for line in lines)
        starts.append(pos)
        parts.append(body)
        pos += len(body)
    return "".join(parts), tuple(starts)


def _unjustified(line: str) -> str:
    """A line of justified text, every word spaced from the next by the same two or three spaces ("Trung  tâm  Văn
    hóa  -  Thể  thao  tỉnh  đảm  nhận"), with single spaces: names and phrases are read as written. A line of a table
    laid out with spaces spaces its cells widely and the words inside a cell singly; it is left as it is."""
    gaps = {len(g) for g in re.findall(r"(?<=\S) +(?=\S)", line)}
    if len(gaps) == 1 and gaps <= {2, 3} and len(re.findall(r"(?<=\S) +(?=\S)", line)) >= 4:
        return re.sub(r"(?<=\S) +(?=\S)", " ", line)
    return line


def _merged_down(rows: list[list[str]], cells: list[list[str | None]], above: list[str | None]
                 ) -> tuple[list[list[str]], list[str | None]]:
    """A ruled table's rows with each cell merged down over them ("Chi cục Thủy lợi" drawn once, tall, beside three
    tasks) given to each row it covers: pdfplumber reads a cell covered by a merge as None, an empty one as "". A row
    most of whose cells are covered is a group row, merged across ("II. | CÔNG TRÌNH BẢO VỆ | | |"): kept, and no
    cell is carried past it. `above`: the row a table going on from the last page ended in."""
    out: list[list[str]] = []
    for row, raw in zip(rows, cells, strict=True):
        covered = [c is None for c in raw]
        if sum(covered) * 2 >= len(raw) or not above:
            out.append(row)
            above = [] if sum(covered) * 2 >= len(raw) else list(row)
            continue
        filled = [above[i] if covered[i] and i < len(above) and above[i] else c for i, c in enumerate(row)]
        out.append([c or "" for c in filled])
        above = list(filled)
    return out, above


def _table_pages(data: bytes) -> dict[int, str]:
    """The text of each page that holds a ruled table, the table as Markdown pipe rows (the layout the parser
    reads in .md and .docx plans) and the text around it as the page prints it. A table that goes on over a
    page break repeats its heading row there: the repeat is dropped, and the rows go on as one table."""
    import pdfplumber

    out: dict[int, str] = {}
    heading: list[str] | None = None  # the heading row of the table the last page ended in
    above: list[str | None] = []  # the last row of the table the last page ended in, its merged cells filled
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n, page in enumerate(pdf.pages):
                tables = sorted((t for t in page.find_tables() if len(t.rows) >= 2), key=lambda t: t.bbox[1])
                if not tables:
                    heading = None
                    continue
                parts, top = [], 0.0
                for table in tables:
                    _, y0, _, y1 = table.bbox
                    parts.append(_region_text(page, top, y0))
                    # A cell's lines as a Markdown table writes them ("ỦY BAN NHÂN DÂN<br>TỈNH HÀ SƠN"): the
                    # parser reads a task's cell as one text, a letterhead's as its lines.
                    cells = table.extract()
                    rows = [["<br>".join(" ".join(x.split()) for x in (c or "").splitlines() if x.strip()) for c in row]
                            for row in cells]
                    goes_on = heading is not None and not parts[-1].strip() and rows[0] == heading
                    rows, above = _merged_down(rows, cells, above if goes_on else [])
                    if goes_on:
                        rows = rows[1:]
                    else:
                        heading = rows[0]
                    lines = pipe_rows([[(c, 1, False) for c in row] for row in rows])
                    # pipe_rows puts the separator under the first row: a table going on has none.
                    parts.append("\n".join([*lines[:1], *lines[2:]] if goes_on else lines) + "\n")
                    top = y1
                parts.append(_region_text(page, top, page.height))
                out[n] = "".join(parts)
                if parts[-1].strip():
                    heading = None
    except Exception:  # pdfminer raises many kinds on what pypdf read: the pages keep pypdf's text
        return {}
    return out


def _region_text(page: object, top: float, bottom: float) -> str:
    """The text of a band of a page, a line each, spaces as one."""
    if bottom - top < 1:
        return ""
    text = page.crop((0, top, page.width, bottom)).extract_text() or ""  # type: ignore[attr-defined]
    return "".join(" ".join(line.split()) + "\n" for line in text.splitlines() if line.strip())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """The shapes of the lines that open or close at least half the pages (two at least): a running
    header or footer. Only the first and last two lines of a page are looked at."""
    if len(pages) < 3:
        return set()
    seen = Counter(shape for lines in pages for shape in {line_shape(x) for x in lines[:2] + lines[-2:] if x.strip()})
    return {shape for shape, n in seen.items() if n >= max(2, len(pages) // 2)}


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
