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
import threading
from pathlib import Path

import pytest
from _plan_index import CORPUS, ROOT, plan_index

from assistant import Assistant, QuestionError, Settings
from index.normalize import fold
from webapp import handlers
from webapp.chat import ChatService, Turn, api_text, bubble, chat_messages, conversation_markdown, md_escape
from webapp.feedback import FeedbackStore
from webapp.render import citation_cards, esc, excerpt_html, passage_html, section_html
from webapp.server import auth_from_env, load_assistant, parse_args
from webapp.tables import TASK_HEADERS, agencies, csv_bytes, headers, target_rows, task_rows, xlsx_bytes
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


def test_target_table_has_2025_and_2030_columns(svc: ChatService) -> None:
    targets = svc.asst.targets_table()
    rows = target_rows(targets)
    assert len(rows) == len(targets) and all(len(r) == 4 for r in rows)
    assert all(bool(r[2]) != bool(r[3]) for r in rows)  # a value in exactly one year column
    assert all(r[2] == "" for r in target_rows(targets, year="2030"))
    insurance = target_rows(targets, year="2025", query="bao hiem y te")
    assert insurance and insurance[0][2] == "trên 95%"


def test_downloads_round_trip(svc: ChatService) -> None:
    from openpyxl import load_workbook

    rows = task_rows(svc.asst.tasks_table())
    head = headers(TASK_HEADERS, "vi")
    data = csv_bytes(head, rows)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, so that Excel reads UTF-8
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert back[0] == ["Mục", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"] and back[1:] == rows
    ws = load_workbook(io.BytesIO(xlsx_bytes(head, rows, "nhiem-vu"))).active
    assert ws is not None
    values = [[c.value for c in r] for r in ws.iter_rows()]
    assert values[0] == head and values[1:] == rows


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
def test_feedback_round_trip(svc: ChatService, store: FeedbackStore) -> None:
    turns = handlers.ask(svc, "Which agency leads task 6đ?", [])
    row = handlers.rate(store, turns, 1, True, "en")
    assert row > 0 and handlers.add_comment(store, row, "  =HYPERLINK(\"x\") rõ ràng  ")
    assert handlers.rate(store, turns, 1, "", "en") == 0 and handlers.rate(store, turns, 9, True, "en") == 0
    assert not handlers.add_comment(store, row, "   ") and not handlers.add_comment(store, 0, "x")
    down = handlers.rate(store, turns, 1, False, "en")
    assert store.summary() == (2, 1, 1)
    (_, created, rating, question, answer_, cites, comment, lang), _ = store.rows()
    assert (rating, question, lang) == (1, "Which agency leads task 6đ?", "en") and "Sở Xây dựng" in answer_
    assert json.loads(str(cites))[0]["section"] == "III.6.đ" and comment == '=HYPERLINK("x") rõ ràng'
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", str(created))
    back = list(csv.DictReader(io.StringIO(store.csv_bytes().decode("utf-8-sig"))))
    assert [r["id"] for r in back] == [str(row), str(down)]
    assert back[0]["citations"] == "III.6.đ" and back[0]["comment"].startswith("'=")  # no formula injection
    db = sqlite3.connect(store.path)  # WAL is a property of the file, seen by any connection
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_concurrent_feedback_writes_lose_nothing(store: FeedbackStore) -> None:
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            for i in range(40):
                row = store.record(1 if i % 2 else -1, f"q{k}-{i}", "a", [], lang="vi")
                store.comment(row, f"c{k}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    rows = store.rows()
    assert len(rows) == 320 and {r[3] for r in rows} == {f"q{k}-{i}" for k in range(8) for i in range(40)}
    assert all(r[6] == "c" + str(r[3])[1:] for r in rows)


# -- serving -------------------------------------------------------------------------------------
def test_flags_and_login(tmp_path: Path) -> None:
    a = parse_args([], env={})
    assert (a.host, a.port, a.index, a.feedback) == ("127.0.0.1", 7860, Path("var/index"), Path("var/feedback.sqlite"))
    b = parse_args(["--index", "x", "--host", "0.0.0.0", "--port", "8000"], env={"PLAN_APP_FEEDBACK": "d/f.db"})
    assert (b.index, b.host, b.port, b.feedback) == (Path("x"), "0.0.0.0", 8000, Path("d/f.db"))
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
    run = subprocess.run([sys.executable, "app.py", "--index", str(bad), "--feedback", str(tmp_path / "f.db")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "rebuild" in run.stderr and "Traceback" not in run.stderr


def test_citation_cards_without_citations() -> None:
    assert "cites empty" in citation_cards([], {}, "en") and esc('<"&>') == "&lt;&quot;&amp;&gt;"


def test_turn_is_frozen() -> None:
    t = Turn("q", "a", (), "vi", False, "", "2024-01-01T00:00:00")
    with pytest.raises(AttributeError):
        t.question = "x"  # type: ignore[misc]
