"""The administrators' tab: upload a plan, follow its parsing and embedding, check its parse summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from index.ingest import SUFFIXES
from index.parse import Plan
from webapp.browse import library
from webapp.render import esc, section_label
from webapp.tables import issuer_name, plan_date, plan_name
from webapp.texts import t
from webapp.ui import Ctx
from webapp.upload import Job, Uploader, UploadError

STAGES = ("reading", "embedding", "loading", "done")
POLL_S = 0.5  # how often the page hears how the upload goes


def status_html(job: Job | None, lang: str, refused: str = "") -> str:
    """The upload's steps so far: done ones ticked, the current one with its seconds, or the error."""
    if refused or job is None:
        msg = refused or t(lang, "upload_pick")
        return f'<div class="upload-status" data-stage="failed"><div class="err">{esc(msg)}</div></div>'
    reached = STAGES.index(job.stage) if job.stage in STAGES else -1
    lines = []
    for i, stage in enumerate(STAGES[:-1]):
        if job.stage == "failed" and i > 0 and not job.line:
            break
        mark = "✓" if i < reached or job.stage == "done" else ("⏳" if i == reached else "·")
        text = t(lang, f"upload_{stage}", name=job.name)
        if i == reached and job.stage != "done":
            text += f" ({job.seconds()} s)"
        lines.append(f'<li data-step="{stage}">{mark} {esc(text)}</li>')
        if stage == "reading" and job.line:
            lines.append(f'<li class="build-line"><code>{esc(job.line)}</code></li>')
    tail = ""
    if job.stage == "failed":
        tail = f'<div class="err">{esc(job.error)}</div>'
    elif job.stage == "done":
        tail = f'<div class="ok">{esc(t(lang, "upload_done", name=job.name, s=job.seconds()))}</div>'
    return f'<div class="upload-status" data-stage="{esc(job.stage)}"><ul>{"".join(lines)}</ul>{tail}</div>'


def summary_html(plan: Plan, targets: int, line: str, lang: str) -> str:
    """The new plan as the parser read it, for the admin to check against the document."""
    facts = [
        (t(lang, "h_number"), plan_name(plan)),
        (t(lang, "h_issuer"), issuer_name(plan.issuer)),
        (t(lang, "h_date"), plan_date(plan.date)),
        (t(lang, "h_plan_title"), plan.title),
        (t(lang, "sum_sections"), str(len(plan.sections))),
        (t(lang, "h_tasks"), str(len(plan.work()))),
        (t(lang, "h_targets"), str(targets)),
        (t(lang, "h_file"), plan.source),
    ]
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
    parts = "".join(f"<li><b>{esc(section_label(s.id, lang))}</b> {esc(s.title)}</li>" for s in plan.sections
                    if s.kind == "part")
    tasks = "".join(f"<li><b>{esc(section_label(x.id, lang))}</b> {esc(x.title)}</li>" for x in plan.work())
    return (f'<div class="upload-summary" data-plan="{esc(plan.number)}"><h4>{esc(t(lang, "sum_head"))}</h4>'
            f"<p><code>{esc(line)}</code></p><dl>{rows}</dl>"
            f'<details open><summary>{esc(t(lang, "sum_parts"))}</summary><ul>{parts}</ul></details>'
            f'<details><summary>{esc(t(lang, "sum_tasks"))}</summary><ul>{tasks}</ul></details></div>')


def upload_tab(ctx: Ctx, lang: gr.Radio, tab: gr.Tab, uploader: Uploader) -> None:
    """Upload a plan file (administrators only); the plan browser is redrawn when it is in."""
    svc = ctx.svc
    ctx.label(gr.Markdown(t("vi", "upload_intro"), elem_id="upload-intro"), value="upload_intro")
    with gr.Row():
        with gr.Column(scale=2):
            file = ctx.label(gr.File(label=t("vi", "upload_file"), file_types=list(SUFFIXES), elem_id="upload-file"),
                             label="upload_file")
            send = ctx.label(gr.Button(t("vi", "upload_send"), variant="primary", elem_id="upload-send"),
                             value="upload_send")
            status = gr.HTML("", elem_id="upload-status", js_on_load=None)
        with gr.Column(scale=3):
            summary = gr.HTML("", elem_id="upload-summary", js_on_load=None)

    def show_tab(request: gr.Request) -> Any:
        return gr.update(visible=uploader.is_admin(request.username))

    ctx.on_load.append(lambda demo: demo.load(show_tab, None, tab, queue=False, show_progress="hidden"))

    def upload(path: str | None, code: str, request: gr.Request) -> Iterator[tuple[Any, Any]]:
        # Checked here too: the event can be called without the page, by anyone signed in.
        if not uploader.is_admin(request.username):
            raise gr.Error(t(code, "upload_denied"), print_exception=False)
        if not path:
            yield status_html(None, code), gr.skip()
            return
        try:
            job = uploader.start(Path(path))
        except UploadError as exc:
            yield status_html(None, code, str(exc)), gr.skip()
            return
        shown = ""
        while True:
            finished = job.finished.wait(POLL_S)
            view = status_html(job, code)
            if view != shown:
                yield view, "" if not shown else gr.skip()
                shown = view
            if finished:
                break
        if job.stage == "done":
            asst = svc.asst
            plan = next(p for p in asst.plans if p.source == job.name)
            targets = sum(line.doc == plan.source for line in library(asst).lines)
            yield view, summary_html(plan, targets, job.line, code)

    ev = send.click(upload, [file, lang], [status, summary], concurrency_limit=1, concurrency_id="upload",
                    show_progress="minimal")
    for redraw in ctx.on_plans:
        ev = redraw(ev)
