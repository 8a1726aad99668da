"""PDF files as text: the text layer page by page, a page's tables as pipe rows, running heads and page numbers dropped.

pypdf (BSD-3-Clause; pure Python, actively maintained) reads the text layer: plan 65 typeset in DejaVu Sans came
back line for line, NFC, with single spaces in justified lines, in 0.2 s. pdfminer.six (MIT) read the same letters
but doubled the spaces of justified lines and added blank lines at page breaks; PyMuPDF is fast but AGPL-licensed
and a binary wheel. The `crypto` extra (the `cryptography` wheel) opens PDFs that are AES-protected against editing.
pypdf does not keep a table's rows (an appendix table reads as its cells' lines, one after another): a page that
holds a table is read by pdfplumber (MIT; over pdfminer.six), whose table finder follows the rules the table is
drawn with; its rows become Markdown pipe rows, and the text around them its own.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

from index.ingest import IngestError, nfc, pipe_rows
from index.normalize import line_shape


def read_pdf(data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    """The text of a PDF's pages and the offset where each starts; a page that holds a table, its rows as pipe rows."""
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
