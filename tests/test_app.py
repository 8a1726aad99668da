"""The web app's handlers, without a browser: rendering, chat turns, tables, quiz, feedback, serving."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from _plan_index import CORPUS, ROOT, plan_index
from bench_web import free_port

from assistant import Assistant, QuestionError, Settings
from index.normalize import fold
from webapp import handlers
from webapp.chat import ChatService, Turn, api_text, bubble, chat_messages, conversation_markdown, md_escape
from webapp.feedback import FeedbackStore
from webapp.keep import Keeper
from webapp.records import target_lines
from webapp.render import citation_cards, esc, excerpt_html, passage_html, section_html
from webapp.server import auth_from_env, load_assistant, parse_args
from webapp.tables import (
    TASK_HEADERS,
    agencies,
    csv_bytes,
    headers,
    target_export,
    target_rows,
    target_table,
    target_years,
    task_rows,
    whole_tasks,
    xlsx_bytes,
)
from webapp.trainer import QuizState, advance, answer, lesson_sections, new_quiz, quiz_pool

XSS = ('<script>window.__xss=1</script><img src=x onerror="window.__xss=2">', "**bold** [a](javascript:x)")


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> ChatService:
    return ChatService(Assistant.load(Settings(index=plan_index(tmp_path_factory), corpus=CORPUS)))


@pytest.fixture()
def store(tmp_path: Path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "data" / "feedback.sqlite")


def _letters(text: str) -> str:
    # Agency names are canonicalised ("Lao động-Thương binh" -> "Lao động - Thương binh").
    return re.sub(r"\W+", "", fold(text))


def _no_raw_html(fragment: str, allowed: set[str]) -> None:
    """Every tag in `fragment` is one the renderer itself writes."""
    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", fragment))
    assert tags <= allowed, tags - allowed


# -- rendering -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", XSS)
def test_passages_are_escaped(text: str) -> None:
    source = f"1. Mục\n{text}\n- Cơ quan chủ trì tham mưu: Sở A.\n"
    body = passage_html(source, 0, len(source), (source.index("- Cơ"), len(source) - 1))
    _no_raw_html(body, {"p", "mark"})
    assert ("&lt;" in body) == ("<" in text) and "<mark>- Cơ quan chủ trì tham mưu: Sở A.</mark>" in body


def test_passage_joins_hard_wraps_and_drops_table_debris() -> None:
    source = "a) Về nhà ở: dòng một\ndòng hai\n|\n- Cơ quan chủ trì: Sở X\ntiếp theo.\n"
    html_ = passage_html(source, 0, len(source), (source.index("- Cơ"), len(source) - 1))
    assert html_ == "<p>a) Về nhà ở: dòng một dòng hai</p><p><mark>- Cơ quan chủ trì: Sở X tiếp theo.</mark></p>"


def test_excerpt_is_a_window_around_the_highlight() -> None:
    words = " ".join(f"w{i}" for i in range(400))
    a = words.index("w200")
    out = excerpt_html(words, 0, len(words), (a, a + 4), context=50)
    assert out.startswith("<p>… ") and out.endswith(" …</p>") and "<mark>w200</mark>" in out
    assert len(out) < 200


def test_section_panel_shows_path_roles_and_highlight(svc: ChatService) -> None:
    plan = svc.asst.plan
    task = plan.task("III.6.đ")
    assert task is not None
    out = section_html(plan, "III.6.đ", "vi", task.spans[0])
    assert "III. NỘI DUNG" in out and "6. Nâng cao phúc lợi" in out and "<b>đ) Về nhà ở</b>" in out
    assert "<dt>Cơ quan chủ trì tham mưu</dt><dd>Sở Xây dựng</dd>" in out
    assert "<mark>- Cơ quan chủ trì tham mưu: Sở Xây dựng.</mark>" in out
    assert "<dt>Lead agency</dt>" in section_html(plan, "III.6.đ", "en")
    heading = section_html(plan, "III.6", "vi")  # a heading lists its points
    assert "III.6.đ" in heading and "Về nhà ở" in heading


# -- chat --------------------------------------------------------------------------------------
def test_answer_6d_cites_the_housing_task(svc: ChatService) -> None:
    turns = handlers.ask(svc, "Which agency leads task 6đ?", [])
    turn = turns[-1]
    assert "Sở Xây dựng" in turn.answer and turn.citations[0].section == "III.6.đ"
    text = api_text(svc, turn)
    assert "Citations:" in text and "[III.6.đ] Về nhà ở: “- Cơ quan chủ trì tham mưu: Sở Xây dựng.”" in text
    cards = handlers.cards(svc, turns, 0, "vi")
    assert 'data-cite="0"' in cards and '<span class="sid">III.6.đ</span>' in cards
    assert "<mark>- Cơ quan chủ trì tham mưu: Sở Xây dựng.</mark>" in cards
    opened = handlers.open_citation(svc, turns, 0, 0)
    assert opened is not None and opened[1] == "III.6.đ"
    panel = handlers.section_view(svc, opened, "vi")
    assert "<dd>Sở Xây dựng</dd>" in panel and "<mark>" in panel
    assert handlers.open_citation(svc, turns, 0, 5) is None and handlers.open_citation(svc, turns, 3, 0) is None


def test_follow_up_uses_the_history(svc: ChatService) -> None:
    turns = handlers.ask(svc, "Cơ quan nào chủ trì nhiệm vụ 6đ?", [])
    turns = handlers.ask(svc, "còn nhiệm vụ 6e thì sao?", turns)
    assert turns[-1].citations[0].section == "III.6.e"
    assert "chủ trì" in turns[-1].answer.lower()


def test_empty_question_is_refused(svc: ChatService) -> None:
    for q in ("", "   \n\t"):
        with pytest.raises(QuestionError):
            handlers.ask(svc, q, [])


def test_long_question_is_truncated_with_a_notice(svc: ChatService) -> None:
    turn = handlers.ask(svc, "Sở Xây dựng chủ trì nhiệm vụ nào? " + "x" * 3000, [])[-1]
    assert turn.notice and turn.notice in bubble(turn) and turn.notice in api_text(svc, turn)


@pytest.mark.parametrize("text", XSS)
def test_user_text_is_escaped_in_the_chat(svc: ChatService, text: str) -> None:
    turns = handlers.ask(svc, text, [])
    for m in chat_messages(turns):
        _no_raw_html(m["content"], set())
    assert md_escape("<b>&") == "&lt;b&gt;&amp;" and md_escape("*x* [y]") == r"\*x\* \[y\]"
    _no_raw_html(handlers.cards(svc, turns, 0, "vi"), {"div", "span", "p", "mark"})
    md = conversation_markdown(svc, turns, "en")
    assert "<script" not in md and "<img" not in md and ("&lt;script&gt;" in md) == ("<script" in text)


def test_conversation_markdown_lists_citations(svc: ChatService, tmp_path: Path) -> None:
    turns = handlers.ask(svc, "Which agency leads task 6đ?", [])
    turns = handlers.ask(svc, "Sở Y tế chủ trì những nhiệm vụ nào?", turns)
    path = handlers.export_markdown(svc, turns, "vi", tmp_path)
    md = path.read_text(encoding="utf-8")
    assert md.startswith("# Hội thoại") and md.count("## ") == 2
    assert "- **III.6.đ** — III. NỘI DUNG" in md and "> - Cơ quan chủ trì tham mưu: Sở Xây dựng." in md
    assert all(f"**{c.section}**" in md for c in turns[1].citations)
    assert handlers.export_markdown(svc, turns, "vi", tmp_path) == path  # same content, same file


def test_markdown_export_shows_links_as_text(svc: ChatService) -> None:
    from markdown_it import MarkdownIt

    evil = "[x](javascript:alert(1)) <https://evil.example> ![i](http://e/x.png) Sở Y tế chủ trì nhiệm vụ nào?"
    md = conversation_markdown(svc, handlers.ask(svc, evil, []), "vi")
    page = MarkdownIt("commonmark").enable("linkify").render(md)
    assert "<a " not in page and "<img" not in page and "javascript:alert(1)" in page


def test_no_internal_ids_in_what_people_read(svc: ChatService) -> None:
    from webapp.render import friendly_ids

    for q, lang, name in (("Kế hoạch do ai ký?", "vi", "Người ký"), ("Who signed the plan?", "en", "Signer"),
                          ("Căn cứ pháp lý của kế hoạch?", "vi", "Phần đầu văn bản"),
                          ("Kế hoạch gửi đến những nơi nào?", "vi", "Nơi nhận")):
        turns = handlers.ask(svc, q, [])
        assert turns[0].citations[0].section in ("signature", "header", "recipients")
        shown = [bubble(turns[0]), api_text(svc, turns[0]), handlers.cards(svc, turns, 0, lang),
                 conversation_markdown(svc, turns, lang),
                 handlers.section_view(svc, handlers.open_citation(svc, turns, 0, 0), lang)]
        for text in shown:
            assert not re.search(r"(?<![\w-])(header|signature|recipients)(?![\w-])", re.sub(r'data-sid="[^"]*"', "", text)), text
        assert name in shown[2]
    assert friendly_ids("Nearest sections: header (Tiêu đề), III.6.đ (Về nhà ở).", "en") == (
        "Nearest sections: the document header (Tiêu đề), III.6.đ (Về nhà ở).")
    assert friendly_ids("Các mục gần nhất: signature (Người ký); recipients.", "vi") == (
        "Các mục gần nhất: người ký (Người ký); nơi nhận.")


def test_message_index_maps_to_turns() -> None:
    assert [handlers.message_turn(i) for i in (0, 1, 2, 3, [5, 0], "x", None)] == [0, 0, 1, 1, 2, -1, -1]


# -- tables --------------------------------------------------------------------------------------
def test_task_table_filters(svc: ChatService) -> None:
    tasks = svc.asst.tasks_table()
    assert len(task_rows(tasks)) == len(tasks) == 24
    assert "Sở Xây dựng" in agencies(tasks)
    built = task_rows(tasks, agency="Sở Xây dựng")
    assert [r[0] for r in built] == ["III.6.đ"]
    # Searching ignores diacritics: staff often type without them.
    assert [r[0] for r in task_rows(tasks, query="so xay dung")] == ["III.6.đ"]
    assert task_rows(tasks, query="khong co dau nay") == []
    health = task_rows(tasks, agency="Sở Y tế")
    assert {"III.4.a", "III.5.b", "III.6.b"} <= {r[0] for r in health}


def test_target_table_puts_a_targets_years_side_by_side(svc: ChatService) -> None:
    lines = target_lines(svc.asst.targets_table(), svc.asst.plans)
    years = target_years(lines)
    assert years == sorted({int(str(r["year"])) for r in svc.asst.targets_table()})  # read, not typed
    head, rows = target_table(lines, years, "vi")
    assert head == ["Mục", "Chỉ tiêu", *map(str, years)] and all(len(r) == 2 + len(years) for r in rows)
    insurance = target_rows(lines, query="bao hiem y te tren 95% dan so toan tinh")
    assert [f.text for f in insurance[0].figures] == ["trên 95%", "trên 95%"]
    assert insurance[0].sections == "II.2.a, II.2.b" and rows[0][2:] == ["99%", "100%"]
    assert sum(len(line.figures) for line in lines) == len(svc.asst.targets_table())  # no figure lost
    for y in years:
        assert all(line.at(y) for line in target_rows(lines, year=y))


def test_downloads_round_trip_whole_and_numeric(svc: ChatService) -> None:
    from openpyxl import load_workbook

    tasks = whole_tasks(svc.asst.tasks_table(), svc.asst.plans)
    rows = task_rows(tasks)
    head = headers(TASK_HEADERS, "vi")
    data = csv_bytes(head, rows)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, so that Excel reads UTF-8
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert back[0] == ["Mục", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"] and back[1:] == rows
    assert len(back) == 25 and not any(r[1].endswith("…") for r in back[1:])  # all 24 titles whole
    assert "nhất là người đứng đầu" in dict((r[0], r[1]) for r in back[1:])["III.1.a"]
    ws = load_workbook(io.BytesIO(xlsx_bytes(head, rows, "nhiem-vu"))).active
    assert ws is not None
    values = [[c.value for c in r] for r in ws.iter_rows()]
    assert values[0] == head and values[1:] == rows

    lines = target_lines(svc.asst.targets_table(), svc.asst.plans)
    years = target_years(lines)
    ehead, erows = target_export(lines, years, "vi")
    assert ehead[:4] == ["Mục", "Chỉ tiêu", f"{years[0]}: so sánh", f"{years[0]}: giá trị"]
    ws = load_workbook(io.BytesIO(xlsx_bytes(ehead, erows, "chi-tieu"))).active
    assert ws is not None
    table = [[c.value for c in r] for r in ws.iter_rows()]
    housing = next(r for r in table[1:] if "1.000 căn nhà ở xã hội" in str(r[1]))
    y0, y1 = 2, 6
    assert housing[y0 : y0 + 3] == ["khoảng", 1000, "căn"] and housing[y1 + 1 : y1 + 3] == [5000, "căn"]
    numeric = [r[i + 1] for r in table[1:] for i in range(2, len(ehead), 4) if r[i + 1] not in (None, "")]
    assert sum(isinstance(v, int | float) for v in numeric) >= len(numeric) - 2  # ranges like "35-40" stay text
    back = list(csv.reader(io.StringIO(csv_bytes(ehead, erows).decode("utf-8-sig"))))
    assert [r[3] for r in back[1:] if "bảo hiểm y tế trên 95% dân số toàn tỉnh" in r[1]] == ["95"]


# -- trainer -------------------------------------------------------------------------------------
def test_quiz_questions_are_sound(svc: ChatService) -> None:
    asst = svc.asst
    pool = quiz_pool(asst.plans, asst.targets, random.Random(7))
    assert {q.kind for q in pool} == {"lead", "task_of", "target"} and len(pool) >= 40
    for q in pool:
        assert len(set(q.choices)) == len(q.choices) >= 3
        plan = svc.plan(q.doc)
        sec = plan.section(q.section)
        assert sec is not None and sec.start <= q.highlight[0] < q.highlight[1] <= sec.end
        if q.kind == "lead":
            task = plan.task(q.section)
            assert task is not None and q.correct == "; ".join(task.lead)
            line = _letters(plan.text[q.highlight[0] : q.highlight[1]])
            assert all(_letters(name) in line for name in task.lead)
        if q.kind == "target":
            assert "____" in q.prompt("vi") and q.correct in plan.text[q.highlight[0] : q.highlight[1]]


def test_quiz_is_random_and_scored(svc: ChatService) -> None:
    asst = svc.asst
    a, b = new_quiz(asst.plans, asst.targets, 5, seed=1), new_quiz(asst.plans, asst.targets, 5, seed=2)
    assert len(a.questions) == 5 and a.questions != b.questions
    assert new_quiz(asst.plans, asst.targets, 5, seed=1) == a
    s = a
    for i, q in enumerate(s.questions):
        assert answer(s, None) == s  # no choice, no answer
        s = answer(s, q.correct if i % 2 == 0 else next(c for c in q.choices if c != q.correct))
        assert answer(s, q.correct) == s  # one answer per question
        s = advance(s)
    assert s.done and s.score == 3
    assert QuizState().current is None and not QuizState().done


def test_lesson_walks_the_plan_in_order(svc: ChatService) -> None:
    plan = svc.asst.plan
    order = [s.id for s in lesson_sections(plan)]
    assert order[0] == "header" and order[-1] == "signature" and order.index("III.6.đ") < order.index("III.6.e")


# -- feedback ------------------------------------------------------------------------------------
def test_feedback_from_chat_turns(svc: ChatService, store: FeedbackStore) -> None:
    turns = handlers.ask(svc, "Which agency leads task 6đ?", [])
    turns = handlers.ask(svc, "Kế hoạch do ai ký?", turns)
    first, second = turns
    assert first.id and second.id and first.id != second.id and first.plan == "65/KH-UBND"
    assert handlers.rate(store, turns, 1, True, "en") == (first.id, 1)
    assert handlers.add_comment(store, first.id, "  =HYPERLINK(\"x\") rõ ràng  ")
    assert handlers.rate(store, turns, 1, "Other", "en") is None and handlers.rate(store, turns, 9, True, "en") is None
    assert not handlers.add_comment(store, first.id, "   ") and not handlers.add_comment(store, "", "x")
    assert handlers.rate(store, turns, 1, False, "en") == (first.id, -1)  # changed, not added
    assert handlers.rate(store, turns, 3, True, "vi") == (second.id, 1)
    assert store.summary() == (2, 1, 1)
    row = next(r for r in store.rows() if r.answer_id == first.id)
    assert (row.rating, row.question, row.lang, row.sections) == (-1, "Which agency leads task 6đ?", "en", ("III.6.đ",))
    assert "Sở Xây dựng" in row.answer and row.comment == '=HYPERLINK("x") rõ ràng'
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", row.created)
    assert handlers.rate(store, turns, 3, "", "vi") == (second.id, 0)  # taken back: removed
    assert store.ratings() == {first.id: -1}
    db = sqlite3.connect(store.where)  # WAL is a property of the file, seen by any connection
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_a_cut_question_is_never_kept_whole(svc: ChatService, store: FeedbackStore) -> None:
    long = "Sở Xây dựng chủ trì nhiệm vụ nào? " + "x" * 20_000
    turns = handlers.ask(svc, long, [])
    assert len(turns[0].question) == svc.asst.settings.max_question and turns[0].notice
    assert all(len(m["content"]) < 5_000 for m in chat_messages(turns))
    handlers.rate(store, turns, 1, True, "vi")
    assert len(store.rows()[0].question) == svc.asst.settings.max_question


# -- the conversation kept in the browser ---------------------------------------------------------
def test_kept_turns_come_back_with_their_ids_ratings_and_citations(svc: ChatService, store: FeedbackStore) -> None:
    keeper = Keeper(svc, b"secret")
    turns = handlers.ask(svc, "Cơ quan nào chủ trì nhiệm vụ 6đ?", [])
    turns = handlers.ask(svc, "Sở Xây dựng chủ trì nhiệm vụ nào? " + "x" * 20_000, turns)
    kept = json.loads(json.dumps(keeper.pack(turns)))  # what localStorage holds is plain JSON
    assert "x" * (svc.asst.settings.max_question + 1) not in json.dumps(kept)  # the cut question, never whole
    back = keeper.unpack(kept)
    assert back == turns
    assert handlers.rate(store, back, 1, True, "vi") == (turns[0].id, 1)
    assert handlers.rate(store, turns, 1, False, "vi") == (turns[0].id, -1)  # the same record, changed
    assert store.ratings([t.id for t in back]) == {turns[0].id: -1} and store.summary() == (1, 0, 1)
    assert handlers.open_citation(svc, back, 0, 0) == handlers.open_citation(svc, turns, 0, 0) is not None
    assert Keeper(svc, b"secret").unpack(kept) == turns  # another page or replica with the same secret
    assert keeper.unpack(keeper.pack([])) == [] and keeper.pack([])  # "new conversation": kept, and empty


@pytest.mark.parametrize("edit", ["question", "answer", "id", "signature", "other-secret", "garbage"])
def test_kept_turns_edited_in_the_browser_are_dropped(svc: ChatService, edit: str) -> None:
    keeper = Keeper(svc, b"secret")
    turns = handlers.ask(svc, "Cơ quan nào chủ trì nhiệm vụ 6đ?", [])
    kept = keeper.pack(turns)
    first = kept["turns"][0]
    if edit in ("question", "answer"):
        first[edit] = "x" * 50_000 if edit == "question" else "Sở Tài chính"
    elif edit == "id":
        first["id"] = "someone-elses-answer"
    elif edit == "signature":
        kept["sig"] = "0" * 64
    elif edit == "other-secret":
        kept = Keeper(svc, b"another").pack(turns)
    else:
        kept = {"v": 1, "turns": "[]", "sig": None}
    assert keeper.unpack(kept) == []


def test_a_kept_citation_that_no_longer_fits_the_plan_is_dropped(svc: ChatService) -> None:
    keeper = Keeper(svc, b"secret")
    (turn,) = handlers.ask(svc, "Cơ quan nào chủ trì nhiệm vụ 6đ?", [])
    c = turn.citations[0]
    moved = replace(turn, citations=(replace(c, start=c.start + 1), c, replace(c, doc="gone.txt")))
    assert keeper.unpack(keeper.pack([moved])) == [replace(turn, citations=(c,))]


# -- serving -------------------------------------------------------------------------------------
def test_flags_and_login(tmp_path: Path) -> None:
    a = parse_args([], env={})
    assert (a.host, a.port, a.index, a.feedback, a.k) == ("127.0.0.1", 7860, Path("var/index"), "var/feedback.sqlite", 10)
    b = parse_args(["--index", "x", "--host", "0.0.0.0", "--port", "8000"], env={"PLAN_APP_FEEDBACK": "d/f.db"})
    assert (b.index, b.host, b.port, b.feedback) == (Path("x"), "0.0.0.0", 8000, "d/f.db")
    url = "postgresql://app@db/feedback"
    assert parse_args([], env={"DATABASE_URL": url, "PLAN_APP_FEEDBACK": "d/f.db"}).feedback == url
    assert auth_from_env({}) is None
    assert auth_from_env({"PLAN_APP_USER": "u", "PLAN_APP_PASSWORD": "p"}) == ("u", "p")
    with pytest.raises(ValueError, match="PLAN_APP_PASSWORD"):
        auth_from_env({"PLAN_APP_USER": "u"})


def test_missing_index_is_built_first(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_bytes((CORPUS / "plan-65-web.txt").read_bytes())
    asst = load_assistant(tmp_path / "index", corpus)
    assert (tmp_path / "index" / "meta.json").is_file() and asst.plan.task("III.6.đ") is not None


def test_bad_index_exits_2_with_how_to_rebuild(tmp_path: Path) -> None:
    bad = tmp_path / "index"
    bad.mkdir()
    (bad / "meta.json").write_text("{not json", encoding="utf-8")
    run = subprocess.run([sys.executable, "app.py", "--index", str(bad), "--feedback", str(tmp_path / "f.db"),
                          "--port", str(free_port())], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "rebuild" in run.stderr and "Traceback" not in run.stderr


def _app_py(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A free port unless the test names one: 7860 may be taken by a running app.
    port = () if "--port" in args else ("--port", str(free_port()))
    return subprocess.run([sys.executable, "app.py", "--feedback", str(tmp_path / "f.db"), *port, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


def _one_line_exit_2(run: subprocess.CompletedProcess[str], *words: str) -> None:
    err = run.stderr.strip().splitlines()
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert err and err[-1].startswith("error: ") and all(w in err[-1] for w in words), err


def test_every_start_up_failure_is_one_line_and_exit_2(svc: ChatService, tmp_path: Path) -> None:
    import shutil
    import socket

    built = svc.asst.settings.index
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        _one_line_exit_2(_app_py(tmp_path, "--index", str(built), "--port", port), "in use", port)
    other = tmp_path / "other-embedder"
    shutil.copytree(built, other)
    meta = json.loads((other / "meta.json").read_text(encoding="utf-8"))
    _reseal(other, {**meta, "embedder": "st:/no/such/model"})
    _one_line_exit_2(_app_py(tmp_path, "--index", str(other)), "/no/such/model")
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    (broken / "index.faiss").write_bytes(b"\0" * 100)
    _one_line_exit_2(_app_py(tmp_path, "--index", str(broken)), "rebuild")
    _one_line_exit_2(_app_py(tmp_path, "--index", str(tmp_path / "none"), "--corpus", str(tmp_path / "no-corpus")),
                     "no-corpus")
    _one_line_exit_2(_app_py(tmp_path, "--index", str(built), "--feedback", "postgresql://u:pw@127.0.0.1:1/db"),
                     "feedback database", "u:***@")
    for k in ("0", "-1", "100000", "x"):
        run = _app_py(tmp_path, "--index", str(built), "--k", k)
        assert run.returncode == 2 and "--k" in run.stderr and "Traceback" not in run.stderr


def _reseal(index: Path, meta: dict[str, object]) -> None:
    """meta.json edited, with its digest made to match (sha256 of the canonical rest)."""
    import hashlib

    rest = {k: v for k, v in meta.items() if k != "digest"}
    canonical = json.dumps(rest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    (index / "meta.json").write_text(json.dumps({**rest, "digest": hashlib.sha256(canonical).hexdigest()}),
                                     encoding="utf-8")


def test_an_edited_or_inconsistent_meta_json_stops_the_app_in_one_line(svc: ChatService, tmp_path: Path) -> None:
    import shutil

    built = svc.asst.settings.index
    meta = json.loads((built / "meta.json").read_text(encoding="utf-8"))
    edited = tmp_path / "edited"
    shutil.copytree(built, edited)
    (edited / "meta.json").write_text(json.dumps({**meta, "embedder": "st:all-MiniLM-L6-v2"}), encoding="utf-8")
    _one_line_exit_2(_app_py(tmp_path, "--index", str(edited)), "meta.json was edited", "python -m assistant build")
    # Its digest made to match: the embedder it names (384-d like e5) does not reproduce the probe vector.
    _reseal(edited, {**meta, "embedder": "st:all-MiniLM-L6-v2"})
    _one_line_exit_2(_app_py(tmp_path, "--index", str(edited)), "not embedded by 'st:all-MiniLM-L6-v2'",
                     "python -m assistant build")


def test_k_is_checked_in_the_cli() -> None:
    from assistant.cli import main

    for k in ("0", "-1", "101", "100000", "ten"):
        with pytest.raises(SystemExit) as ex:
            main(["search", "6đ", "--k", k])
        assert ex.value.code == 2


def test_k_is_checked_in_the_app(svc: ChatService) -> None:
    from webapp.chat import RequestError, check_k

    assert [check_k(k) for k in (1, 10, 100, 5.0)] == [1, 10, 100, 5]
    for bad in (0, -1, 101, 100_000, 2.5, "10", True, None):
        with pytest.raises(RequestError, match="from 1 to 100"):
            check_k(bad)
    with pytest.raises(RequestError):
        ChatService(svc.asst, k=0)


def test_citation_cards_without_citations() -> None:
    assert "cites empty" in citation_cards([], {}, "en") and esc('<"&>') == "&lt;&quot;&amp;&gt;"


def test_turn_is_frozen() -> None:
    t = Turn("q", "a", (), "vi", False, "", "2024-01-01T00:00:00")
    with pytest.raises(AttributeError):
        t.question = "x"  # type: ignore[misc]


def test_a_librarys_tables_are_filled_when_the_page_loads(svc: ChatService, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Past EAGER_PLANS plans the browser's tables are not drawn at start-up: a page-load event draws
    them, with the rows and downloads the eager tables have."""
    import gradio as gr

    from webapp import browse
    from webapp.ui import build_app

    monkeypatch.setattr(browse, "EAGER_PLANS", 0)
    demo = build_app(svc, FeedbackStore(tmp_path / "feedback.sqlite"), tmp_path)
    table = next(b for b in demo.blocks.values() if isinstance(b, gr.Dataframe) and b.elem_id == "tasks-table")
    assert not table.value or not table.value.get("data")
    loads = [f for f in demo.fns.values() if any(e == "load" for _, e in f.targets)
             and any(o._id == table._id for o in f.outputs)]
    assert len(loads) == 1
    update, csv_path, xlsx_path, count, _ = loads[0].fn("", "", "vi")
    rows = update["value"]
    assert len(rows["data"]) == len(svc.asst.plan.work()) and count.startswith(f"{len(rows['data'])} ")
    assert Path(csv_path).is_file() and Path(xlsx_path).is_file()
