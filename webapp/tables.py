"""The task and target tables of the plan browser: filters and CSV/XLSX downloads."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from index.normalize import fold
from index.parse import Plan
from webapp.feedback import Feedback
from webapp.records import TargetLine, full_title
from webapp.texts import t

TASK_KEYS = ("id", "title", "lead", "coordinate", "timeline")
TASK_HEADERS = ("h_id", "h_title", "h_lead", "h_coord", "h_time")
TARGET_HEADERS = ("h_id", "h_indicator")
PLAN_HEADERS = ("h_number", "h_issuer", "h_date", "h_plan_title", "h_tasks", "h_targets", "h_file")


def issuer_name(name: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" as a sentence writes it: "Ủy ban nhân dân tỉnh Quảng Ngãi"."""
    if not name.isupper():
        return name
    low = name.lower()
    m = re.search(r"\b(tỉnh|thành phố)\s+", low)
    head, place = (low[: m.end()], low[m.end() :].title()) if m else (low, "")
    return head[:1].upper() + head[1:] + place


def plan_date(iso: str) -> str:
    """"2026-02-12" as staff write it: "12/02/2026" (as it is when it is not a full date)."""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def plan_name(plan: Plan) -> str:
    return f"{plan.doc_type or 'Kế hoạch'} {plan.number}".strip()


def plan_rows(plans: Sequence[Plan], lines: Sequence[TargetLine]) -> list[list[object]]:
    """One row per loaded plan: number, issuer, date, title, its tasks and its targets (one per line of
    the target table, a target set for several years counted once), and its file."""
    targets = Counter(line.doc for line in lines)
    return [[plan_name(p), issuer_name(p.issuer), plan_date(p.date), p.title, len(p.work()), targets[p.source],
             p.source] for p in plans]


def agencies(tasks: Sequence[dict[str, str]]) -> list[str]:
    """Every agency named as lead or coordinating body, sorted."""
    names = {n for row in tasks for key in ("lead", "coordinate") for n in row[key].split("; ") if n}
    return sorted(names, key=fold)


def _matches(cells: Sequence[object], query: str) -> bool:
    # Folded so that "so xay dung" finds "Sở Xây dựng".
    q = fold(query).strip()
    return not q or q in fold(" ".join(str(c) for c in cells))


def whole_tasks(tasks: Sequence[dict[str, str]], plans: Sequence[Plan]) -> list[dict[str, str]]:
    """The task table with every title whole and each task's plan number."""
    by_doc = {p.source: p for p in plans}
    out = []
    for row in tasks:
        plan = by_doc.get(row.get("doc", ""), plans[0])
        out.append({**row, "title": full_title(plan, row["id"], row["title"]), "plan": plan.number})
    return out


def task_rows(tasks: Sequence[dict[str, str]], agency: str = "", query: str = "",
              with_plan: bool = False) -> list[list[str]]:
    """Rows (id, title, lead, coordinating, timeline[, plan]) of the tasks matching the filters."""
    rows = []
    for row in tasks:
        named = row["lead"].split("; ") + row["coordinate"].split("; ")
        if agency and agency not in named:
            continue
        cells = [row[k] for k in TASK_KEYS] + ([row.get("plan", "")] if with_plan else [])
        if _matches(cells, query):
            rows.append(cells)
    return rows


def target_years(lines: Sequence[TargetLine]) -> list[int]:
    """The years the targets are set for, from the targets themselves."""
    return sorted({f.year for line in lines for f in line.figures})


def target_rows(lines: Sequence[TargetLine], year: int | None = None, query: str = "",
                with_plan: bool = False) -> list[TargetLine]:
    """The targets with a figure for `year` (any, when None) matching the search."""
    return [
        line for line in lines
        if (year is None or line.at(year) is not None)
        and _matches([line.sections, line.plan if with_plan else "", *(f.clause for f in line.figures)], query)
    ]


def target_table(lines: Sequence[TargetLine], years: Sequence[int], lang: str,
                 with_plan: bool = False) -> tuple[list[str], list[list[object]]]:
    """On screen: section, indicator[, plan], then one column per year ("trên 95%")."""
    head = [*headers(TARGET_HEADERS, lang), *([t(lang, "h_plan")] if with_plan else []), *map(str, years)]
    rows: list[list[object]] = []
    for line in lines:
        cells: list[object] = [line.sections, line.indicator, *([line.plan] if with_plan else [])]
        rows.append(cells + [(f.text if (f := line.at(y)) else "") for y in years])
    return head, rows


def target_export(lines: Sequence[TargetLine], years: Sequence[int], lang: str,
                  with_plan: bool = False) -> tuple[list[str], list[list[object]]]:
    """For CSV/XLSX: per year the comparator, the value as a number, the unit, and the plan's words."""
    head = [*headers(TARGET_HEADERS, lang), *([t(lang, "h_plan")] if with_plan else [])]
    for y in years:
        head += [t(lang, key, year=y) for key in ("h_comparator", "h_value", "h_unit", "h_clause")]
    rows: list[list[object]] = []
    for line in lines:
        cells: list[object] = [line.sections, line.indicator, *([line.plan] if with_plan else [])]
        for y in years:
            f = line.at(y)
            cells += [f.comparator, f.value, f.unit, f.clause] if f else ["", "", "", ""]
        rows.append(cells)
    return head, rows


def headers(keys: Sequence[str], lang: str) -> list[str]:
    return [t(lang, k) for k in keys]


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
    wrapped = None
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            # Setting an Alignment looks it up among the workbook's styles, cell by cell: copying the
            # first cell's style is a third of the time for a library's thousands of rows.
            if wrapped is None:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                wrapped = cell._style
            else:
                cell._style = copy.copy(wrapped)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_download(folder: Path, stem: str, data: bytes | Callable[[], bytes], suffix: str,
                   key: bytes | None = None) -> Path:
    """Write a download named by its content (or `key`), so an unchanged table reuses its file; `data`
    may be a function making the bytes, called only when the file is not there yet."""
    folder.mkdir(parents=True, exist_ok=True)
    if key is None:
        data = data() if callable(data) else data
        key = data
    path = folder / f"{stem}-{hashlib.sha256(key).hexdigest()[:10]}{suffix}"
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        tmp.write_bytes(data() if callable(data) else data)
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
