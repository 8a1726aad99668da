"""The plan browser tab: the loaded plans, then task and target tables with filters and downloads.

Every view reads the service's current assistant, so that after an upload the tables show the new
library (redrawn when the upload ends and whenever the tab is opened).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import gradio as gr

from assistant import Assistant
from index.parse import Plan
from webapp.records import TargetLine, target_lines
from webapp.render import panel_placeholder, section_html, table_cards
from webapp.tables import (
    PLAN_HEADERS,
    TASK_HEADERS,
    agencies,
    csv_bytes,
    headers,
    plan_rows,
    target_export,
    target_rows,
    target_table,
    target_years,
    task_rows,
    whole_tasks,
    write_download,
    xlsx_bytes,
)
from webapp.texts import t
from webapp.ui import Ctx


@dataclass(frozen=True, slots=True)
class Library:
    """What the browser shows of one loaded assistant."""

    plans: tuple[Plan, ...]
    tasks: list[dict[str, str]]
    lines: list[TargetLine]
    years: list[int]
    agencies: list[str]

    @property
    def several(self) -> bool:
        return len(self.plans) > 1  # a plan column only when there is a choice of plans


@lru_cache(maxsize=1)
def library(asst: Assistant) -> Library:
    tasks = whole_tasks(asst.tasks_table(), asst.plans)
    lines = target_lines(asst.targets_table(), asst.plans)
    return Library(asst.plans, tasks, lines, target_years(lines), agencies(tasks))


def _downloads(ctx: Ctx, stem: str, head: list[str], rows: list[list[object]],
               widths: tuple[int, ...] = (10, 60, 40, 50, 28)) -> tuple[str, str]:
    data = csv_bytes(head, rows)
    folder = ctx.workdir / "downloads"
    csv_path = write_download(folder, stem, data, ".csv")
    # XLSX files carry a timestamp, so they are named after the table's CSV content.
    xlsx_path = write_download(folder, stem, lambda: xlsx_bytes(head, rows, stem, widths), ".xlsx", key=data)
    return str(csv_path), str(xlsx_path)


# One step of redrawing the tab for a new library: (function, inputs, outputs).
Step = tuple[Callable[..., Any], list[Any], list[Any]]


def _table(ctx: Ctx, lang: gr.Radio, key: str, picker: tuple[str, Callable[[str], list[tuple[str, str]]]],
           view: Callable[[str | None, str | None, str], tuple[Any, ...]], eager: bool = True
           ) -> tuple[gr.Dataframe, list[Step]]:
    """One filterable table: heading, picker and search box, row count, table, CSV/XLSX buttons.

    `view` gives (table update, csv, xlsx, count, cards); returns the table and its redraw steps. Not
    `eager` (a library of many plans), the table is filled when a page loads, not when the app starts.
    """
    label, choices = picker
    first = view("", "", "vi") if eager else ({"value": None, "column_widths": None}, None, None, "", "")
    ctx.heading(gr.Markdown(f"### {t('vi', key)}"), key)
    with gr.Row():
        # Not eager, even the picker's choices wait for the page: they come from every plan's tasks or targets.
        shown = choices("vi") if eager else [(t("vi", "all"), "")]
        pick = gr.Dropdown(shown, value="", label=t("vi", label), elem_id=f"{key}-filter")
        ctx.labels.append((pick, lambda code: gr.update(label=t(code, label), choices=choices(code))))
        query = ctx.label(gr.Textbox(label=t("vi", "search"), elem_id=f"{key}-search"), label="search")
    count = gr.Markdown(first[3], elem_id=f"{key}-count")
    table = gr.Dataframe(first[0]["value"], interactive=False, wrap=True, max_height=420,
                         column_widths=first[0]["column_widths"], elem_id=f"{key}-table", elem_classes="desktop-only")
    cards = gr.HTML(first[4], elem_id=f"{key}-cards", elem_classes="phone-only", js_on_load=None)
    with gr.Row():
        csv_btn = ctx.label(gr.DownloadButton(t("vi", "download_csv"), first[1], size="sm", elem_id=f"{key}-csv"),
                            label="download_csv")
        xlsx_btn = ctx.label(gr.DownloadButton(t("vi", "download_xlsx"), first[2], size="sm",
                                               elem_id=f"{key}-xlsx"), label="download_xlsx")
    inputs, outputs = [pick, query, lang], [table, csv_btn, xlsx_btn, count, cards]
    pick.change(view, inputs, outputs)
    query.change(view, inputs, outputs, trigger_mode="always_last")
    ctx.refreshers.append(lambda ev: ev.then(view, inputs, outputs, queue=False))
    if not eager:
        ctx.on_load.append(lambda demo: demo.load(view, inputs, outputs, queue=False))
        ctx.on_load.append(lambda demo: demo.load(lambda code: gr.update(choices=choices(code)), [lang], [pick], queue=False))
    return table, [(lambda code: gr.update(choices=choices(code)), [lang], [pick]), (view, inputs, outputs)]


def _plans_table(ctx: Ctx, lang: gr.Radio, eager: bool = True) -> tuple[gr.Dataframe, list[Step]]:
    """Every loaded plan: number, issuer, date, title, how many tasks and targets, its file. Not `eager`
    (a library of many plans, whose targets are all read to count them), filled when a page loads."""

    def view(code: str) -> tuple[Any, ...]:
        lib = library(ctx.svc.asst)
        head, rows = headers(PLAN_HEADERS, code), plan_rows(lib.plans, lib.lines)
        return {"data": rows, "headers": head}, t(code, "plans_count", n=len(rows)), table_cards(head, rows, code)

    first = view("vi") if eager else ({"data": [], "headers": headers(PLAN_HEADERS, "vi")}, "", "")
    ctx.heading(gr.Markdown(f"### {t('vi', 'plans')}"), "plans")
    count = gr.Markdown(first[1], elem_id="plans-count")
    table = gr.Dataframe(first[0], interactive=False, wrap=True, max_height=300, elem_id="plans-table",
                         column_widths=["14%", "18%", "10%", "34%", "8%", "8%", "8%"], elem_classes="desktop-only")
    cards = gr.HTML(first[2], elem_id="plans-cards", elem_classes="phone-only", js_on_load=None)
    outputs = [table, count, cards]
    ctx.refreshers.append(lambda ev: ev.then(view, lang, outputs, queue=False))
    if not eager:
        ctx.on_load.append(lambda demo: demo.load(view, lang, outputs, queue=False))
    return table, [(view, [lang], outputs)]


# Up to this many plans the browser's tables are drawn at start-up (in the page as served); past it, when a
# page first loads (at 500 plans drawing the task and target tables took most of a minute of start-up, and
# the plans table, which counts every plan's targets, 1.9 s).
EAGER_PLANS = 20


def browse_tab(ctx: Ctx, lang: gr.Radio, tab: gr.Tab) -> None:
    """The plans, task and target tables with filters and downloads; a clicked row opens its section."""
    svc = ctx.svc
    eager = len(svc.asst.plans) <= EAGER_PLANS

    def task_view(agency: str | None, query: str | None, code: str) -> tuple[Any, ...]:
        lib = library(svc.asst)
        rows = task_rows(lib.tasks, agency or "", query or "", lib.several)
        head = headers(TASK_HEADERS, code) + ([t(code, "h_plan")] if lib.several else [])
        widths = ["10%", "30%", "22%", "24%", "14%", *(["10%"] if lib.several else [])]
        return (gr.update(value={"data": rows, "headers": head}, column_widths=widths),
                *_downloads(ctx, "nhiem-vu", head, [list[object](r) for r in rows]),
                t(code, "rows", n=len(rows)), table_cards(head, rows, code))

    def target_view(year: str | None, query: str | None, code: str) -> tuple[Any, ...]:
        lib = library(svc.asst)
        years, several = lib.years, lib.several
        shown = target_rows(lib.lines, int(year) if year else None, query or "", several)
        head, rows = target_table(shown, years, code, several)
        ehead, erows = target_export(shown, years, code, several)
        xlsx_widths = (12, 60, *((14,) if several else ()), *(12, 10, 8, 50) * len(years))
        year_share = f"{30 // max(1, len(years))}%"
        widths = ["12%", "58%", *(["10%"] if several else []), *[year_share] * len(years)]
        return (gr.update(value={"data": rows, "headers": head}, column_widths=widths),
                *_downloads(ctx, "chi-tieu", ehead, erows, xlsx_widths),
                t(code, "rows", n=len(rows)), table_cards(head, rows, code))

    def agency_choices(code: str) -> list[tuple[str, str]]:
        return [(t(code, "all"), ""), *((n, n) for n in library(svc.asst).agencies)]

    def year_choices(code: str) -> list[tuple[str, str]]:
        return [(t(code, "all"), ""), *((str(y), str(y)) for y in library(svc.asst).years)]

    with gr.Row():
        with gr.Column(scale=3):
            plan_df, plans_redraw = _plans_table(ctx, lang, eager)
            task_df, tasks_redraw = _table(ctx, lang, "tasks", ("agency", agency_choices), task_view, eager)
            target_df, targets_redraw = _table(ctx, lang, "targets", ("year", year_choices), target_view, eager)
        with gr.Column(scale=2, elem_classes="side"):
            ctx.heading(gr.Markdown(f"### {t('vi', 'section_panel')}"), "section_panel")
            panel = gr.HTML(panel_placeholder("vi"), elem_id="browse-panel", js_on_load=None)

    def open_plan(code: str, evt: gr.SelectData) -> Any:
        source = str((evt.row_value or [""])[-1])
        plan = next((p for p in svc.asst.plans if p.source == source), None)
        return section_html(plan, "header", code) if plan and plan.section("header") else gr.skip()

    def open_task(code: str, evt: gr.SelectData) -> Any:
        sid = str((evt.row_value or [""])[0])
        row = [str(x) for x in (evt.row_value or [])]
        plans = svc.asst.plans
        # With several plans the last cell names the task's plan: ids repeat across plans.
        plan = next((p for p in plans if p.section(sid) and (len(plans) == 1 or p.number == row[-1])),
                    next((p for p in plans if p.section(sid)), None))
        return section_html(plan, sid, code) if plan else gr.skip()

    def open_target(code: str, evt: gr.SelectData) -> Any:
        row = [str(x) for x in (evt.row_value or [])]
        hit = next((x for x in library(svc.asst).lines if row[:2] == [x.sections, x.indicator]), None)
        if hit is None:
            return gr.skip()
        first = hit.figures[0]
        return section_html(svc.plan(hit.doc), first.section, code, (first.start, first.end))

    plan_df.select(open_plan, lang, panel)
    task_df.select(open_task, lang, panel)
    target_df.select(open_target, lang, panel)

    # The generation of the library this page shows: the tables are redrawn when the service has a
    # newer one, that is when an upload swapped in a new library (seen when the upload ends, when the
    # page loads, when the tab is opened); otherwise each step leaves the tab as it is, so a redraw
    # never overtakes a filter being typed.
    drawn = gr.State(svc.generation)
    steps = [*plans_redraw, *tasks_redraw, *targets_redraw]

    def fresh(fn: Callable[..., Any], n: int) -> Callable[..., Any]:
        def step(*args: Any) -> Any:
            *given, shown = args
            if shown == svc.generation:
                return gr.skip() if n == 1 else tuple(gr.skip() for _ in range(n))
            return fn(*given)

        return step

    def seen() -> int:
        return svc.generation

    def chain(ev: Any) -> Any:
        for fn, inputs, outputs in steps:
            ev = ev.then(fresh(fn, len(outputs)), [*inputs, drawn], outputs, queue=False)
        return ev.then(seen, None, drawn, queue=False)

    chain(tab.select(lambda: None, None, None, queue=False))
    ctx.on_load.append(lambda demo: chain(demo.load(lambda: None, None, None, queue=False, show_progress="hidden")))
    ctx.on_plans.append(chain)
