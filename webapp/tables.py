"""The task and target tables of the plan browser: filters and CSV/XLSX downloads."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import threading
from collections.abc import Sequence
from pathlib import Path

from index.normalize import fold
from webapp.feedback import Feedback
from webapp.texts import t

TASK_KEYS = ("id", "title", "lead", "coordinate", "timeline")
TASK_HEADERS = ("h_id", "h_title", "h_lead", "h_coord", "h_time")
TARGET_HEADERS = ("h_id", "h_indicator", "2025", "2030")
YEARS = ("2025", "2030")


def agencies(tasks: Sequence[dict[str, str]]) -> list[str]:
    """Every agency named as lead or coordinating body, sorted."""
    names = {n for row in tasks for key in ("lead", "coordinate") for n in row[key].split("; ") if n}
    return sorted(names, key=fold)


def _matches(cells: Sequence[str], query: str) -> bool:
    # Folded so that "so xay dung" finds "Sở Xây dựng".
    q = fold(query).strip()
    return not q or q in fold(" ".join(cells))


def task_rows(tasks: Sequence[dict[str, str]], agency: str = "", query: str = "") -> list[list[str]]:
    """Rows (id, title, lead, coordinating, timeline) of the tasks matching the filters."""
    rows = []
    for row in tasks:
        named = row["lead"].split("; ") + row["coordinate"].split("; ")
        if agency and agency not in named:
            continue
        cells = [row[k] for k in TASK_KEYS]
        if _matches(cells, query):
            rows.append(cells)
    return rows


def target_rows(targets: Sequence[dict[str, object]], year: str = "", query: str = "") -> list[list[str]]:
    """Rows (section, indicator, value for 2025, value for 2030) of the matching targets."""
    rows = []
    for row in targets:
        y = str(row["year"])
        if year and y != year:
            continue
        value = " ".join(str(x) for x in (row["comparator"], row["value"]) if x)
        cells = [
            str(row["section"]),
            str(row["indicator"]),
            value if y == "2025" else "",
            value if y == "2030" else "",
        ]
        if _matches(cells, query):
            rows.append(cells)
    return rows


def headers(keys: Sequence[str], lang: str) -> list[str]:
    return [k if k in YEARS else t(lang, k) for k in keys]


def csv_bytes(head: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows Vietnamese letters correctly."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(head)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def xlsx_bytes(head: Sequence[str], rows: Sequence[Sequence[object]], sheet: str,
               widths: Sequence[int] = (10, 60, 40, 50, 28)) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active or wb.create_sheet()
    ws.title = sheet[:31]
    ws.append(list(head))
    for row in rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", widths, strict=False):
        ws.column_dimensions[col].width = width
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_download(folder: Path, stem: str, data: bytes, suffix: str, key: bytes | None = None) -> Path:
    """Write a download named by its content (or `key`), so an unchanged table reuses its file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}-{hashlib.sha256(key if key is not None else data).hexdigest()[:10]}{suffix}"
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path


FEEDBACK_HEADERS = ("h_when", "h_question", "h_answer", "h_rating", "h_comment", "h_plan", "h_sections")


def feedback_rows(records: Sequence[Feedback], rating: int = 0, plan: str = "", query: str = "",
                  commented: bool = False) -> list[Feedback]:
    """The feedback records matching the filters (rating 1 / -1, 0 for both)."""
    return [
        r for r in records
        if (not rating or r.rating == rating) and (not plan or r.plan == plan) and (not commented or r.comment)
        and _matches([r.question, r.answer, r.comment], query)
    ]


def feedback_table(records: Sequence[Feedback], lang: str, for_export: bool = False) -> list[list[object]]:
    """Rows (time, question, answer, rating, comment, plan, cited sections), whole texts.

    On screen the rating reads "👍"/"👎"; in a download it is the number 1 or -1, and cells
    people typed are kept from running as spreadsheet formulas.
    """
    from webapp.render import section_label

    rows: list[list[object]] = []
    for r in records:
        rating: object = r.rating if for_export else ("👍 " if r.rating > 0 else "👎 ") + t(lang, f"rating_{r.rating}")
        cells: list[object] = [r.updated.replace("T", " ")[:19], r.question, r.answer, rating, r.comment, r.plan,
                               " ".join(section_label(s, lang) for s in r.sections)]
        rows.append([safe_cell(c) for c in cells] if for_export else cells)
    return rows


def safe_cell(value: object) -> object:
    # Users typed these cells: a leading "=", "+", "-" or "@" would run as a spreadsheet formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
