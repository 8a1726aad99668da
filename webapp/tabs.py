"""The plan browser, trainer and feedback tabs."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from typing import Any

import gradio as gr

from webapp.records import target_lines
from webapp.render import esc, excerpt_html, panel_placeholder, section_html, section_label, table_cards
from webapp.tables import (
    FEEDBACK_HEADERS,
    TASK_HEADERS,
    agencies,
    csv_bytes,
    feedback_rows,
    feedback_table,
    headers,
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
from webapp.trainer import QuizState, advance, answer, lesson_sections, new_quiz
from webapp.ui import Ctx

# Up to this many plans the browser's tables are drawn at start-up (in the page as served).
EAGER_PLANS = 20


def _downloads(ctx: Ctx, stem: str, head: list[str], rows: list[list[object]],
               widths: tuple[int, ...] = (10, 60, 40, 50, 28)) -> tuple[str, str]:
    data = csv_bytes(head, rows)
    folder = ctx.workdir / "downloads"
    csv_path = write_download(folder, stem, data, ".csv")
    # XLSX files carry a timestamp, so they are named after the table's CSV content.
    xlsx_path = write_download(folder, stem, lambda: xlsx_bytes(head, rows, stem, widths), ".xlsx", key=data)
    return str(csv_path), str(xlsx_path)


def _table(ctx: Ctx, lang: gr.Radio, key: str, picker: tuple[str, Callable[[str], list[tuple[str, str]]]],
           view: Callable[[str | None, str | None, str], tuple[Any, ...]], widths: list[str | int],
           eager: bool = True) -> gr.Dataframe:
    """One filterable table: heading, picker and search box, row count, table, CSV/XLSX buttons.
    Not `eager`, the table is filled when the page loads, not when the app starts."""
    label, choices = picker
    first = view("", "", "vi") if eager else (None, None, None, "", "")
    ctx.heading(gr.Markdown(f"### {t('vi', key)}"), key)
    with gr.Row():
        pick = gr.Dropdown(choices("vi"), value="", label=t("vi", label), elem_id=f"{key}-filter")
        ctx.labels.append((pick, lambda code: gr.update(label=t(code, label), choices=choices(code))))
        query = ctx.label(gr.Textbox(label=t("vi", "search"), elem_id=f"{key}-search"), label="search")
    count = gr.Markdown(first[3], elem_id=f"{key}-count")
    table = gr.Dataframe(first[0], interactive=False, wrap=True, max_height=420, column_widths=widths,
                         elem_id=f"{key}-table", elem_classes="desktop-only")
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
    return table


def browse_tab(ctx: Ctx, lang: gr.Radio) -> None:
    """Task and target tables with filters and downloads; a clicked row opens its section."""
    asst = ctx.svc.asst
    tasks = whole_tasks(asst.tasks_table(), asst.plans)
    lines = target_lines(asst.targets_table(), asst.plans)
    years = target_years(lines)
    names = agencies(tasks)
    several = len(asst.plans) > 1  # a plan column only when there is a choice of plans
    # A library's whole tables (at 500 plans ~15,000 task rows and their XLSX) are drawn when a page
    # first shows them, and kept, rather than at start-up: they took most of a minute of it.
    eager = len(asst.plans) <= EAGER_PLANS

    @functools.lru_cache(maxsize=16)
    def task_view(agency: str | None, query: str | None, code: str) -> tuple[Any, ...]:
        rows = task_rows(tasks, agency or "", query or "", several)
        head = headers(TASK_HEADERS, code) + ([t(code, "h_plan")] if several else [])
        return ({"data": rows, "headers": head}, *_downloads(ctx, "nhiem-vu", head, [list[object](r) for r in rows]),
                t(code, "rows", n=len(rows)), table_cards(head, rows, code))

    @functools.lru_cache(maxsize=16)
    def target_view(year: str | None, query: str | None, code: str) -> tuple[Any, ...]:
        shown = target_rows(lines, int(year) if year else None, query or "", several)
        head, rows = target_table(shown, years, code, several)
        ehead, erows = target_export(shown, years, code, several)
        widths = (12, 60, *((14,) if several else ()), *(12, 10, 8, 50) * len(years))
        return ({"data": rows, "headers": head}, *_downloads(ctx, "chi-tieu", ehead, erows, widths),
                t(code, "rows", n=len(rows)), table_cards(head, rows, code))

    def agency_choices(code: str) -> list[tuple[str, str]]:
        return [(t(code, "all"), ""), *((n, n) for n in names)]

    def year_choices(code: str) -> list[tuple[str, str]]:
        return [(t(code, "all"), ""), *((str(y), str(y)) for y in years)]

    with gr.Row():
        with gr.Column(scale=3):
            task_df = _table(ctx, lang, "tasks", ("agency", agency_choices), task_view,
                             ["10%", "30%", "22%", "24%", "14%", *(["10%"] if several else [])], eager)
            year_share = f"{30 // max(1, len(years))}%"
            target_df = _table(ctx, lang, "targets", ("year", year_choices), target_view,
                               ["12%", "58%", *(["10%"] if several else []), *[year_share] * len(years)], eager)
        with gr.Column(scale=2, elem_classes="side"):
            ctx.heading(gr.Markdown(f"### {t('vi', 'section_panel')}"), "section_panel")
            panel = gr.HTML(panel_placeholder("vi"), elem_id="browse-panel", js_on_load=None)

    def open_task(code: str, evt: gr.SelectData) -> Any:
        sid = str((evt.row_value or [""])[0])
        plan = next((p for p in asst.plans if p.section(sid)), None)
        return section_html(plan, sid, code) if plan else gr.skip()

    def open_target(code: str, evt: gr.SelectData) -> Any:
        row = [str(x) for x in (evt.row_value or [])]
        hit = next((x for x in lines if row[:2] == [x.sections, x.indicator]), None)
        if hit is None:
            return gr.skip()
        first = hit.figures[0]
        return section_html(ctx.svc.plan(hit.doc), first.section, code, (first.start, first.end))

    task_df.select(open_task, lang, panel)
    target_df.select(open_target, lang, panel)


def _quiz_view(ctx: Ctx, s: QuizState, code: str) -> tuple[Any, ...]:
    """(question HTML, choices update, result HTML, score) for the quiz state."""
    q = s.current
    if q is None:
        return (
            f'<div class="quiz-q">{esc(t(code, "quiz_intro").replace("**", ""))}</div>',
            gr.update(choices=[], value=None),
            "",
            "",
        )
    n = len(s.questions)
    head = (
        f'<div class="quiz-q"><div class="qn">{esc(t(code, "quiz_q", i=s.i + 1, n=n))}</div>'
        f'<div class="qp">{esc(q.prompt(code))}</div></div>'
    )
    score = t(code, "quiz_score", s=s.score, n=n)
    if not s.answered:
        return head, gr.update(choices=list(q.choices), value=None, interactive=True), "", score
    right = s.picked == q.correct
    plan = ctx.svc.plan(q.doc)
    sec = plan.section(q.section)
    verdict = t(code, "quiz_right") if right else t(code, "quiz_wrong", a=q.correct)
    cite = ""
    if sec is not None:
        cite = (
            f'<div class="cite"><div class="cite-head"><span class="sid">{esc(section_label(sec.id, code))}</span> '
            f'<span class="ctitle">{esc(sec.title)}</span></div>'
            f'<div class="quote">{excerpt_html(plan.text, sec.start, sec.end, q.highlight, 160)}</div></div>'
        )
    done = f'<div class="quiz-done">{esc(t(code, "quiz_done", s=s.score, n=n))}</div>' if s.done else ""
    result = (
        f'<div class="quiz-result {"ok" if right else "bad"}"><div class="verdict">{esc(verdict)}</div>'
        f"{cite}{done}</div>"
    )
    return head, gr.update(value=s.picked, interactive=False), result, score


def trainer_tab(ctx: Ctx, lang: gr.Radio) -> None:
    """A randomised multiple-choice quiz, and a walk through the plan section by section."""
    asst = ctx.svc.asst
    plan = asst.plan
    sections = lesson_sections(plan)
    quiz = gr.State(QuizState())
    with gr.Row():
        with gr.Column(scale=1):
            ctx.heading(gr.Markdown(f"### {t('vi', 'quiz')}"), "quiz")
            with gr.Row(equal_height=True):
                length = ctx.label(
                    gr.Slider(3, 20, value=5, step=1, label=t("vi", "quiz_len"), elem_id="quiz-len"),
                    label="quiz_len",
                )
                start = ctx.label(
                    gr.Button(t("vi", "quiz_start"), variant="primary", elem_id="quiz-start"),
                    value="quiz_start",
                )
            question = gr.HTML(
                _quiz_view(ctx, QuizState(), "vi")[0], elem_id="quiz-question", js_on_load=None
            )
            choice = ctx.label(
                gr.Radio([], label=t("vi", "quiz_choice"), elem_id="quiz-choice"), label="quiz_choice"
            )
            with gr.Row():
                check = ctx.label(gr.Button(t("vi", "quiz_check"), elem_id="quiz-check"), value="quiz_check")
                nxt = ctx.label(gr.Button(t("vi", "quiz_next"), elem_id="quiz-next"), value="quiz_next")
            score = gr.Markdown("", elem_id="quiz-score")
            result = gr.HTML("", elem_id="quiz-result", js_on_load=None)
        with gr.Column(scale=1, elem_classes="side"):
            ctx.heading(gr.Markdown(f"### {t('vi', 'lesson')}"), "lesson")
            pick = gr.Dropdown(
                [(f"{section_label(s.id, 'vi')} — {s.title}", i) for i, s in enumerate(sections)],
                value=0,
                label=t("vi", "lesson_pick"),
                elem_id="lesson-pick",
                type="value",
            )
            ctx.label(pick, label="lesson_pick")
            with gr.Row(equal_height=True):
                prev = ctx.label(gr.Button(t("vi", "prev"), elem_id="lesson-prev", size="sm"), value="prev")
                pos = gr.Markdown(t("vi", "lesson_pos", i=1, n=len(sections)), elem_id="lesson-pos")
                nxt_sec = ctx.label(
                    gr.Button(t("vi", "next"), elem_id="lesson-next", size="sm"), value="next"
                )
            lesson = gr.HTML(section_html(plan, sections[0].id, "vi"), elem_id="lesson", js_on_load=None)

    view_out = [question, choice, result, score]

    def begin(n: float, code: str) -> tuple[Any, ...]:
        s = new_quiz(asst.plans, asst.targets, int(n), secrets.randbits(32))
        return (s, *_quiz_view(ctx, s, code))

    def submit(s: QuizState, picked: str | None, code: str) -> tuple[Any, ...]:
        if s.current is not None and not s.answered and not picked:
            gr.Warning(t(code, "quiz_pick"))
        s = answer(s, picked)
        return (s, *_quiz_view(ctx, s, code))

    def forward(s: QuizState, code: str) -> tuple[Any, ...]:
        s = advance(s)
        return (s, *_quiz_view(ctx, s, code))

    start.click(begin, [length, lang], [quiz, *view_out])
    check.click(submit, [quiz, choice, lang], [quiz, *view_out])
    nxt.click(forward, [quiz, lang], [quiz, *view_out])

    def show(i: int | None, code: str) -> tuple[Any, ...]:
        i = min(max(int(i or 0), 0), len(sections) - 1)
        return i, t(code, "lesson_pos", i=i + 1, n=len(sections)), section_html(plan, sections[i].id, code)

    lesson_out = [pick, pos, lesson]
    pick.input(show, [pick, lang], lesson_out)
    prev.click(lambda i, code: show((i or 0) - 1, code), [pick, lang], lesson_out)
    nxt_sec.click(lambda i, code: show((i or 0) + 1, code), [pick, lang], lesson_out)

    ctx.refreshers.append(lambda ev: ev.then(lambda s, code: _quiz_view(ctx, s, code), [quiz, lang], view_out,
                                             queue=False))
    ctx.refreshers.append(lambda ev: ev.then(show, [pick, lang], lesson_out, queue=False))


def feedback_tab(ctx: Ctx, lang: gr.Radio, tab: gr.Tab) -> None:
    """For trainers: every rated answer in a table with filters, and its CSV/XLSX export."""
    store = ctx.store

    def view(rating: int | None, plan: str | None, query: str | None, commented: bool | None,
             code: str) -> tuple[Any, ...]:
        records = store.rows()
        n, up, down = len(records), sum(r.rating > 0 for r in records), sum(r.rating < 0 for r in records)
        shown = feedback_rows(records, int(rating or 0), plan or "", query or "", bool(commented))
        head = headers(FEEDBACK_HEADERS, code)
        out = feedback_table(shown, code, for_export=True)
        data = csv_bytes(head, out)
        folder = ctx.workdir / "downloads"
        csv_path = write_download(folder, "gop-y", data, ".csv")
        xlsx_path = write_download(folder, "gop-y", xlsx_bytes(head, out, "gop-y", (19, 40, 60, 10, 40, 14, 20)),
                                   ".xlsx", key=data)
        plans = sorted({r.plan for r in records if r.plan})
        rows = feedback_table(shown, code)
        return (t(code, "fb_summary", n=n, up=up, down=down) + " " + t(code, "rows", n=len(shown)),
                {"data": rows, "headers": head}, table_cards(head, rows, code),
                gr.update(choices=[(t(code, "all"), ""), *((p, p) for p in plans)]),
                str(csv_path), str(xlsx_path))

    def rating_choices(code: str) -> list[tuple[str, int]]:
        return [(t(code, "all"), 0), ("👍 " + t(code, "rating_1"), 1), ("👎 " + t(code, "rating_-1"), -1)]

    first = view(0, "", "", False, "vi")
    ctx.heading(gr.Markdown(f"### {t('vi', 'fb_table')}"), "fb_table")
    with gr.Row():
        rating = gr.Dropdown(rating_choices("vi"), value=0, label=t("vi", "fb_rating"), elem_id="fb-rating")
        ctx.labels.append((rating, lambda code: gr.update(label=t(code, "fb_rating"), choices=rating_choices(code))))
        plan = ctx.label(gr.Dropdown(first[3]["choices"], value="", label=t("vi", "fb_plan"), elem_id="fb-plan"),
                         label="fb_plan")
        query = ctx.label(gr.Textbox(label=t("vi", "search"), elem_id="fb-search"), label="search")
        commented = ctx.label(gr.Checkbox(label=t("vi", "fb_commented"), elem_id="fb-commented"),
                              label="fb_commented")
    summary = gr.Markdown(first[0], elem_id="fb-summary")
    table = gr.Dataframe(first[1], interactive=False, wrap=True, max_height=520, elem_id="fb-table",
                         column_widths=["11%", "19%", "32%", "9%", "16%", "7%", "6%"], elem_classes="desktop-only")
    cards = gr.HTML(first[2], elem_id="fb-cards", elem_classes="phone-only", js_on_load=None)
    with gr.Row():
        refresh = ctx.label(gr.Button(t("vi", "fb_refresh"), elem_id="fb-refresh", size="sm"), value="fb_refresh")
        csv_btn = ctx.label(gr.DownloadButton(t("vi", "fb_csv"), first[4], elem_id="fb-csv", size="sm"),
                            label="fb_csv")
        xlsx_btn = ctx.label(gr.DownloadButton(t("vi", "fb_xlsx"), first[5], elem_id="fb-xlsx", size="sm"),
                             label="fb_xlsx")
    inputs, outputs = [rating, plan, query, commented, lang], [summary, table, cards, plan, csv_btn, xlsx_btn]
    for comp in (rating, plan, commented):
        comp.change(view, inputs, outputs)
    query.change(view, inputs, outputs, trigger_mode="always_last")
    refresh.click(view, inputs, outputs)
    tab.select(view, inputs, outputs)
    ctx.refreshers.append(lambda ev: ev.then(view, inputs, outputs, queue=False))
