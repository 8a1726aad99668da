"""The Gradio interface: header, language switch and the chat tab; other tabs in webapp.tabs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import QuestionError
from webapp import handlers
from webapp.chat import ChatService, RequestError, Turn, api_answer, api_text, chat_messages, md_escape
from webapp.feedback import MAX_COMMENT, FeedbackStore
from webapp.keep import STORAGE_KEY, Keeper, app_secret
from webapp.render import citation_cards, esc, panel_placeholder
from webapp.tables import issuer_name, plan_name
from webapp.texts import examples as plan_examples
from webapp.texts import t
from webapp.upload import Uploader

# Card clicks become a "click" event carrying the card's index (gr.HTML's trigger()).
CITE_JS = """
const open = (e) => {
  const card = e.target.closest('[data-cite]');
  if (card) { e.preventDefault(); trigger('click', {cite: Number(card.dataset.cite)}); }
};
element.addEventListener('click', open);
element.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') open(e); });
"""
PUBLIC_API = ("chat", "ask")
THUMBS = {1: "Like", -1: "Dislike"}  # a stored rating as the Chatbot's feedback value
# The page's clock at a rating click, so that a click overtaken on the way is not applied last.
CLICK_CLOCK = "(turns, lang, clock) => [turns, lang, performance.timeOrigin + performance.now()]"
# Bring the highlighted lines of a newly opened section into view.
PANEL_JS = """
watch('value', () => {
  const body = element.querySelector('.sec-body');
  const m = body && body.querySelector('mark');
  if (body) body.scrollTop = m ? Math.max(0, m.offsetTop - 48) : 0;
  const box = element.getBoundingClientRect();
  if (m && box.bottom > window.innerHeight) element.scrollIntoView({block: 'end', behavior: 'smooth'});
});
"""


@dataclass
class Ctx:
    """What every tab builder needs; `labels` collects the texts the language switch rewrites."""

    svc: ChatService
    store: FeedbackStore
    workdir: Path
    labels: list[tuple[Any, Callable[[str], dict[str, Any]]]] = field(default_factory=list)
    # Steps chained after a language switch to redraw content that depends on the language.
    refreshers: list[Callable[[Any], Any]] = field(default_factory=list)
    # Events to register on the page's load, given the gr.Blocks.
    on_load: list[Callable[[gr.Blocks], Any]] = field(default_factory=list)
    # Steps chained after an upload swapped in a new library, to redraw what lists the plans.
    on_plans: list[Callable[[Any], Any]] = field(default_factory=list)

    def label(self, comp: Any, **keys: str) -> Any:
        """Register `comp` to have each attribute (label=..., value=...) set to t(lang, key)."""
        def update(lang: str) -> dict[str, Any]:
            values: dict[str, Any] = {a: t(lang, k) for a, k in keys.items()}
            return gr.update(**values)

        self.labels.append((comp, update))
        return comp

    def heading(self, comp: Any, key: str, level: int = 3) -> Any:
        self.labels.append((comp, lambda lang: gr.update(value=f"{'#' * level} {t(lang, key)}")))
        return comp


def theme() -> gr.themes.Base:
    # The theme's fonts ship with Gradio: the page loads nothing from outside the server.
    return gr.themes.Soft(primary_hue="blue", secondary_hue="amber")


def header_html(ctx: Ctx, lang: str) -> str:
    p = ctx.svc.asst.plan
    name = plan_name(p)
    return (f'<div class="app-head"><div class="app-title">{esc(t(lang, "title"))} · {esc(name)}</div>'
            f'<div class="app-sub">{esc(t(lang, "subtitle"))} · {esc(issuer_name(p.issuer))}'
            f' · {esc(p.date)}</div></div>')


def build_app(svc: ChatService, store: FeedbackStore, workdir: Path,
              admins: frozenset[str] = frozenset()) -> gr.Blocks:
    from webapp.admin import upload_tab
    from webapp.browse import browse_tab
    from webapp.tabs import feedback_tab, trainer_tab

    ctx = Ctx(svc, store, workdir)
    with gr.Blocks(title=t("vi", "title"), analytics_enabled=False, delete_cache=(3600, 86400)) as demo:
        with gr.Row(elem_classes="top"):
            head = gr.HTML(header_html(ctx, "vi"), js_on_load=None)
            lang = gr.Radio([("Tiếng Việt", "vi"), ("English", "en")], value="vi", label=t("vi", "lang"),
                            elem_id="lang", scale=0, min_width=220)
            ctx.label(lang, label="lang")
        # Tabs wrap onto a second line on a phone instead of hiding behind a "⋯" menu.
        with gr.Tabs(overflow_behavior="wrap", elem_id="tabs"):
            with gr.Tab(t("vi", "tab_chat"), id="chat", elem_id="tab-chat") as tab:
                ctx.label(tab, label="tab_chat")
                chat_tab(ctx, lang)
            with gr.Tab(t("vi", "tab_browse"), id="browse", elem_id="tab-browse") as tab:
                ctx.label(tab, label="tab_browse")
                browse_tab(ctx, lang, tab)
            with gr.Tab(t("vi", "tab_train"), id="train", elem_id="tab-train") as tab:
                ctx.label(tab, label="tab_train")
                trainer_tab(ctx, lang)
            with gr.Tab(t("vi", "tab_feedback"), id="feedback", elem_id="tab-feedback") as tab:
                ctx.label(tab, label="tab_feedback")
                feedback_tab(ctx, lang, tab)
            # Shown to administrators only, once the page knows who signed in.
            with gr.Tab(t("vi", "tab_upload"), id="upload", elem_id="tab-upload", visible=False) as tab:
                ctx.label(tab, label="tab_upload")
                upload_tab(ctx, lang, tab, Uploader(svc, admins))

        def relabel(code: str) -> list[dict[str, Any]]:
            return [fn(code) for _, fn in ctx.labels]

        ev = lang.change(relabel, lang, [c for c, _ in ctx.labels], queue=False)
        ev = ev.then(lambda code: header_html(ctx, code), lang, head, queue=False)
        for refresh in ctx.refreshers:
            ev = refresh(ev)
        for register in ctx.on_load:
            register(demo)

        api_endpoints(svc)
    # The interface's own events stay callable by the page but out of the API docs and clients.
    for fn in demo.fns.values():
        if fn.api_name not in PUBLIC_API:
            fn.api_visibility = "private"
    return demo


def _refuse(exc: Exception) -> gr.Error:
    # A user's mistake, answered with its message: no traceback in the server log.
    return gr.Error(str(exc), print_exception=False)


def api_endpoints(svc: ChatService) -> None:
    """The public API: "chat" (text for people) and "ask" (DESIGN.md's JSON for programs)."""

    def chat(message: str) -> str:
        """Answer a question about the plan: the answer, then its citations."""
        try:
            turn = svc.ask(message)
        except QuestionError as exc:
            raise _refuse(exc) from exc
        return api_text(svc, turn)

    def ask(question: str, history: list[Any] | None = None, plan: str = "", k: int = 10) -> dict[str, Any]:
        """Answer a question with the conversation so far; returns answer, citations, hits, route and plan.

        Args:
            question: the question, in Vietnamese (with or without diacritics) or English.
            history: earlier turns, oldest first, as {"role", "content"} messages or [question, answer] pairs.
            plan: a loaded plan by number ("65/KH-UBND") or file name; empty for any.
            k: passages to retrieve, 1 to 100.
        """
        try:
            return api_answer(svc, question, history, plan, k)
        except (QuestionError, RequestError) as exc:
            raise _refuse(exc) from exc

    gr.api(chat, api_name="chat")
    gr.api(ask, api_name="ask")


def chat_tab(ctx: Ctx, lang: gr.Radio) -> None:
    """The chat, the citations of an answer and the section panel."""
    svc, store, L = ctx.svc, ctx.store, ctx.label
    turns = gr.State([])  # list[Turn]
    shown = gr.State(-1)  # the turn whose citations are on screen
    opened = gr.State(None)  # the section in the panel (handlers.Opened)
    rated = gr.State("")  # the id of the answer last rated, awaiting an optional comment
    keeper = Keeper(svc, app_secret())
    # The conversation in the browser's localStorage, so that a reload shows it again.
    kept = gr.BrowserState(None, storage_key=STORAGE_KEY, secret=keeper.browser_secret)
    # On a phone the two columns become one list, re-ordered by style.PHONE: the citations
    # right under the answers, then the question box.
    with gr.Row(elem_id="chat-row"):
        with gr.Column(scale=3, elem_id="chat-main"):
            chatbot = L(gr.Chatbot(label=t("vi", "chatbot"), height=440, elem_id="chatbot",
                                   feedback_options=("Like", "Dislike"), buttons=["copy"]), label="chatbot")
            with gr.Row(equal_height=True, elem_id="ask-row"):
                # Past the length limit a question is cut and the answer says so; the box stops
                # far beyond it, so no page sends a question of megabytes.
                msg = L(gr.Textbox(label=t("vi", "question"), placeholder=t("vi", "placeholder"), scale=6,
                                   max_lines=6, autofocus=True, elem_id="question",
                                   max_length=10 * svc.asst.settings.max_question),
                        label="question", placeholder="placeholder")
                send = L(gr.Button(t("vi", "send"), variant="primary", scale=1, min_width=90, elem_id="send"),
                         value="send")
            examples = L(gr.Dataset(components=[msg], samples=[[q] for q in plan_examples(svc.asst.plan, svc.asst.directory.english)], label=t("vi", "examples"),
                                    elem_id="examples"), label="examples")
            with gr.Row(elem_id="chat-tools"):
                clear = L(gr.Button(t("vi", "clear"), size="sm", elem_id="clear"), value="clear")
                export = L(gr.DownloadButton(t("vi", "export_md"), size="sm", interactive=False, elem_id="export-md"),
                           label="export_md")
            L(gr.Markdown(t("vi", "feedback_note"), elem_id="fb-note"), value="feedback_note")
            clock = gr.Number(visible=False, elem_id="click-clock")  # set by CLICK_CLOCK on each rating
            rated_note = gr.Markdown("", elem_id="rated-note")
            with gr.Row(visible=False, equal_height=True, elem_id="comment-box") as comment_row:
                comment = gr.Textbox(label=t("vi", "comment", n=MAX_COMMENT), scale=5, elem_id="comment",
                                     max_length=MAX_COMMENT, max_lines=8)
                ctx.labels.append((comment, lambda code: gr.update(label=t(code, "comment", n=MAX_COMMENT))))
                send_comment = L(gr.Button(t("vi", "send_comment"), scale=1, elem_id="send-comment"),
                                 value="send_comment")
        with gr.Column(scale=2, elem_classes="side", elem_id="chat-side"):
            cites = gr.HTML(citation_cards([], {}, "vi"), js_on_load=CITE_JS, elem_id="citations")
            ctx.heading(gr.Markdown(f"### {t('vi', 'section_panel')}", elem_id="panel-h"), "section_panel")
            panel = gr.HTML(panel_placeholder("vi"), js_on_load=PANEL_JS, elem_id="section-panel")

    def respond(message: str, ts: list[Turn], code: str) -> Iterator[tuple[Any, ...]]:
        skip = gr.skip()
        if not (message or "").strip():
            gr.Warning(t(code, "empty"))
            yield skip, skip, skip, skip, skip, skip, skip
            return
        # Show the question (as it will be answered: cut to the limit) and a progress line at
        # once; the answer replaces the line.
        pending = [*chat_messages(ts), {"role": "user", "content": md_escape(svc.cut(message))},
                   {"role": "assistant", "content": t(code, "thinking")}]
        yield pending, "", skip, skip, skip, skip, skip
        try:
            ts = handlers.ask(svc, message, ts)
        except QuestionError:
            gr.Warning(t(code, "empty"))
            yield chat_messages(ts), "", skip, skip, skip, skip, skip
            return
        path = handlers.export_markdown(svc, ts, code, ctx.workdir / "exports")
        yield (shown_chat(ts), "", ts, handlers.cards(svc, ts, len(ts) - 1, code), len(ts) - 1,
               gr.update(value=str(path), interactive=True), keeper.pack(ts))

    ask_in, ask_out = [msg, turns, lang], [chatbot, msg, turns, cites, shown, export, kept]
    msg.submit(respond, ask_in, ask_out, show_progress="minimal")
    send.click(respond, ask_in, ask_out, show_progress="minimal")
    examples.click(lambda row: row[0], examples, msg, queue=False).then(
        respond, ask_in, ask_out, show_progress="minimal")
    # A choice under a clarifying question (or the other reading of "6d") asks its question.
    def choose(evt: gr.SelectData) -> str:
        return str(evt.value)

    chatbot.option_select(choose, None, msg, queue=False).then(
        respond, ask_in, ask_out, show_progress="minimal")

    def reset(code: str) -> tuple[Any, ...]:
        return (shown_chat([]), [], handlers.cards(svc, [], -1, code), -1, None, panel_placeholder(code),
                gr.update(value=None, interactive=False), gr.update(visible=False), "", "", keeper.pack([]))

    reset_out = [chatbot, turns, cites, shown, opened, panel, export, comment_row, comment, rated_note, kept]
    # A new conversation keeps the ratings already given: each is stored under its answer's id.
    # It is also forgotten by the browser, so a reload does not bring it back.
    clear.click(reset, lang, reset_out, queue=False)
    chatbot.clear(reset, lang, reset_out, queue=False)  # the chatbot's own trash button

    def shown_chat(ts: list[Turn]) -> dict[str, Any]:
        # The thumbs show what is stored for each answer: after a reload a click changes that record,
        # and a new conversation shows none of the old ones.
        stored = store.ratings([x.id for x in ts])
        return gr.update(value=chat_messages(ts), feedback_value=[THUMBS.get(stored.get(x.id, 0)) for x in ts])

    def restore(saved: object, code: str) -> tuple[Any, ...]:
        ts = keeper.unpack(saved)
        if not ts:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        path = handlers.export_markdown(svc, ts, code, ctx.workdir / "exports")
        return (shown_chat(ts), ts,
                handlers.cards(svc, ts, len(ts) - 1, code), len(ts) - 1, gr.update(value=str(path), interactive=True))

    ctx.on_load.append(lambda demo: demo.load(restore, [kept, lang], [chatbot, turns, cites, shown, export],
                                              queue=False, show_progress="hidden"))

    def open_cite(ts: list[Turn], i: int, code: str, evt: gr.EventData) -> tuple[Any, str]:
        sec = handlers.open_citation(svc, ts, i, int(getattr(evt, "cite", -1)))
        return sec, handlers.section_view(svc, sec, code)

    cites.click(open_cite, [turns, shown, lang], [opened, panel])

    def pick_turn(ts: list[Turn], code: str, evt: gr.SelectData) -> tuple[Any, ...]:
        i = handlers.message_turn(evt.index)
        return (handlers.cards(svc, ts, i, code), i) if 0 <= i < len(ts) else (gr.skip(), gr.skip())

    chatbot.select(pick_turn, [turns, lang], [cites, shown])

    def like(ts: list[Turn], code: str, at: float | None, evt: gr.LikeData) -> tuple[Any, ...]:
        done = handlers.rate(store, ts, evt.index, evt.liked, code, at)
        if done is None:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        answer_id, rating = done
        if rating == 0:
            return "", gr.update(visible=False), "", ""
        return answer_id, gr.update(visible=True), t(code, "saved_rating"), gr.skip()

    # Straight to the store, beside the queue: a queued event that is still pending drops the
    # clicks made meanwhile ("once"), and a busy queue keeps it pending. Every click is sent
    # ("multiple"), stamped with the page's clock, and a click overtaken on the way is ignored.
    chatbot.like(like, [turns, lang, clock], [rated, comment_row, rated_note, comment], js=CLICK_CLOCK,
                 queue=False, trigger_mode="multiple", api_name="rate", show_progress="hidden")

    def comment_on(answer_id: str, text: str, code: str) -> tuple[Any, ...]:
        try:
            saved = handlers.add_comment(store, answer_id, text)
        except ValueError:
            return gr.skip(), gr.skip(), t(code, "comment_too_long", n=MAX_COMMENT)
        if not saved:
            return gr.skip(), gr.skip(), t(code, "comment_unrated") if text.strip() else gr.skip()
        return "", gr.update(visible=False), t(code, "saved_comment")

    comment_in, comment_out = [rated, comment, lang], [comment, comment_row, rated_note]
    comment.submit(comment_on, comment_in, comment_out, queue=False)
    send_comment.click(comment_on, comment_in, comment_out, queue=False)

    ctx.refreshers.append(lambda ev: ev.then(lambda ts, i, code: handlers.cards(svc, ts, i, code),
                                             [turns, shown, lang], cites, queue=False))
    ctx.refreshers.append(lambda ev: ev.then(lambda sec, code: handlers.section_view(svc, sec, code),
                                             [opened, lang], panel, queue=False))
