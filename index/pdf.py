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
from bisect import bisect_right
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

from index.genre import label_of
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
    """The text of each page that holds a table, ruled or laid out by its heading alone, as Markdown pipe rows (the layout the parser
    reads in .md and .docx plans) and the text around it as the page prints it. A table that goes on over a
    page break repeats its heading row there: the repeat is dropped, and the rows go on as one table."""
    import pdfplumber

    out: dict[int, str] = {}
    heading: list[str] | None = None  # the heading row of the table the last page ended in
    above: list[str | None] = []  # the last row of the table the last page ended in, its merged cells filled
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n, page in enumerate(pdf.pages):
                ruled = [(t.bbox, t.extract()) for t in page.find_tables() if len(t.rows) >= 2]
                tables = sorted(ruled or _unruled(page), key=lambda t: t[0][1])
                if not tables:
                    heading = None
                    continue
                parts, top = [], 0.0
                for (_, y0, _, y1), cells in tables:
                    parts.append(_region_text(page, top, y0))
                    # A cell's lines as a Markdown table writes them ("ỦY BAN NHÂN DÂN<br>TỈNH HÀ SƠN"): the
                    # parser reads a task's cell as one text, a letterhead's as its lines.
                    rows = [["<br>".join(" ".join(x.split()) for x in (c or "").splitlines() if x.strip()) for c in row]
                            for row in cells]
                    goes_on = heading is not None and not _said(parts[-1]) and rows[0] == heading
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
                if _said(parts[-1]):
                    heading = None
    except Exception:  # pdfminer raises many kinds on what pypdf read: the pages keep pypdf's text
        return {}
    return out


Box = tuple[float, float, float, float]
_ROLES = {"lead", "coordinate", "timeline"}


def _unruled(page: Any) -> list[tuple[Box, list[list[str | None]]]]:
    """Tables drawn without rules, each found by its heading: a line (or two or three, a label wrapping) of short
    phrases set wide apart, two or more of them labels of a task's roles ("TT  Nội dung nhiệm vụ  Chủ trì  Phối hợp
    Thời gian"). The table runs down from it while its lines leave a gap free of words between each two heads and
    keep the heading's type size; each column ends in the middle of that gap. A row begins where the space between
    lines widens, or, in a table whose lines are evenly spaced, where its numbered first column has a number."""
    lines = _lines(page.extract_words(extra_attrs=["size"]))
    found: list[tuple[Box, list[list[str | None]]]] = []
    i = 0
    while i < len(lines):
        heading = _heading(lines, i)
        if heading is None:
            i += 1
            continue
        heads, taken = heading
        size = lines[i]["size"]
        gaps = [[(a["x1"], b["x0"])] for a, b in pairwise(heads)]  # the free stretch between each two heads
        body: list[dict[str, Any]] = []
        j = i + taken
        while j < len(lines):
            line, last = lines[j], (body[-1] if body else lines[j - 1])
            if line["top"] - last["bottom"] > 2 * size or abs(line["size"] - size) > 1.5:
                break
            left = [_uncovered(g, line["words"]) for g in gaps]
            if not all(left):
                break
            gaps = left
            body.append(line)
            j += 1
        if not body:
            i += 1
            continue
        cuts = [(a + b) / 2 for a, b in (max(g, key=lambda s: s[1] - s[0]) for g in gaps)]
        rows = [[h["text"] for h in heads], *_rows(body, cuts, label_of(heads[0]["text"]) == "number")]
        box = (min(w["x0"] for x in body for w in x["words"]), lines[i]["top"] - 1,
               max(w["x1"] for x in body for w in x["words"]), body[-1]["bottom"] + 1)
        found.append((box, [[c for c in r] for r in rows]))
        i = j
    return found


def _lines(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Words on one baseline as a line (top, bottom, type size, words left to right)."""
    out: list[dict[str, Any]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if out and abs(w["top"] - out[-1]["top"]) < 0.4 * w["size"]:
            out[-1]["words"].append(w)
            out[-1]["bottom"] = max(out[-1]["bottom"], w["bottom"])
        else:
            out.append({"top": w["top"], "bottom": w["bottom"], "size": w["size"], "words": [w]})
    for line in out:
        line["words"].sort(key=lambda w: w["x0"])
    return out


def _phrases(line: dict[str, Any]) -> list[dict[str, Any]]:
    """A line's runs of words set no wider apart than a type size."""
    out: list[dict[str, Any]] = []
    for w in line["words"]:
        if out and w["x0"] - out[-1]["x1"] <= line["size"]:
            out[-1].update(text=out[-1]["text"] + " " + w["text"], x1=w["x1"])
        else:
            out.append({"text": w["text"], "x0": w["x0"], "x1": w["x1"]})
    return out


def _heading(lines: list[dict[str, Any]], i: int) -> tuple[list[dict[str, Any]], int] | None:
    """The heads of a table heading starting at line i and how many lines it takes, or None. A head wrapping onto
    the next line ("Cơ quan" / "chủ trì") is one; a head over two below it ("Thời gian" over "Bắt đầu  Hoàn
    thành") gives way to them."""
    heads = _phrases(lines[i])
    if len(heads) < 2:
        return None
    for taken in range(1, 4):
        labels = [label_of(h["text"]) for h in heads]
        if (len(heads) >= 3 and all(len(h["text"].split()) <= 6 for h in heads)
                and len(_ROLES.intersection(labels)) >= 2 and labels.count("") <= 1):
            return heads, taken
        k = i + taken
        if k >= len(lines) or lines[k]["top"] - lines[k - 1]["bottom"] > 0.6 * lines[i]["size"]:
            return None
        heads = _under(heads, _phrases(lines[k]))
    return None


def _under(heads: list[dict[str, Any]], below: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for h in heads:
        mine = [b for b in below if b["x0"] < h["x1"] and b["x1"] > h["x0"]]
        if len(mine) == 1:
            b = mine[0]
            out.append({"text": h["text"] + " " + b["text"], "x0": min(h["x0"], b["x0"]), "x1": max(h["x1"], b["x1"])})
        else:
            out += mine or [h]
    out += [b for b in below if not any(b["x0"] < h["x1"] and b["x1"] > h["x0"] for h in heads)]
    return sorted(out, key=lambda h: h["x0"])


def _uncovered(free: list[tuple[float, float]], words: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """The stretches of `free` no word covers, two points wide at least."""
    for w in words:
        free = [s for a, b in free for s in ((a, min(b, w["x0"])), (max(a, w["x1"]), b))]
        free = [(a, b) for a, b in free if b - a >= 2]
    return free


def _rows(body: list[dict[str, Any]], cuts: list[float], numbered: bool) -> list[list[str]]:
    steps = [b["top"] - a["top"] for a, b in pairwise(body)]
    pitch = min(steps, default=0.0)
    rows: list[list[list[str]]] = []
    for n, line in enumerate(body):
        cells: list[list[str]] = [[] for _ in range(len(cuts) + 1)]
        for w in line["words"]:
            cells[bisect_right(cuts, (w["x0"] + w["x1"]) / 2)].append(w["text"])
        spaced = n > 0 and steps[n - 1] > 1.3 * pitch
        evenly = max(steps, default=0.0) <= 1.3 * pitch
        if not rows or spaced or (evenly and numbered and cells[0]):
            rows.append([[] for _ in cells])
        for into, said in zip(rows[-1], cells, strict=True):
            if said:
                into.append(" ".join(said))
    return [["\n".join(c) for c in r] for r in rows]


# A page's number printed alone on its line ("- 2 -", "Trang 2/5"): not text a table stops at.
_PAGE_NUMBER = re.compile(r"\s*(?:trang\s*)?[-–]?\s*\d{1,3}(?:\s*/\s*\d{1,3})?\s*[-–]?\s*", re.I)


def _said(text: str) -> bool:
    """Whether a band of a page holds text other than its page number."""
    return any(line.strip() and not _PAGE_NUMBER.fullmatch(line) for line in text.splitlines())


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
