"""Feedback never lost: one record per answer, in SQLite and in a real PostgreSQL server,
written directly and through the running app by many sessions rating at once."""

from __future__ import annotations

import csv
import io
import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from _page import Page
from _plan_index import CORPUS, plan_index
from _postgres import fresh_database, postgres_server
from bench_web import QUIET_ENV, free_port

from assistant import Assistant, Citation, Settings
from webapp.chat import ChatService
from webapp.feedback import MAX_COMMENT, FeedbackError, FeedbackStore, Rated, redact
from webapp.server import start
from webapp.tables import FEEDBACK_HEADERS, csv_bytes, feedback_rows, feedback_table, headers

CITE = Citation("plan-65-web.txt", "signature", "Người ký", "KT. CHỦ TỊCH", 10, 22, "KT. CHỦ TỊCH", (10, 22))


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty feedback store location of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "data" / "feedback.sqlite")
    return fresh_database(request.getfixturevalue("pg_server"))


@pytest.fixture()
def store(where: str) -> Iterator[FeedbackStore]:
    s = FeedbackStore(where)
    yield s
    s.close()


def _item(n: int = 1, **kw: object) -> Rated:
    base = {"answer_id": f"a{n}", "question": f"Kế hoạch do ai ký? {n}", "answer": "Người ký: Trần Hoàng Tuấn.",
            "citations": (CITE,), "plan": "65/KH-UBND", "lang": "vi"}
    return Rated(**{**base, **kw})  # type: ignore[arg-type]


def test_one_record_per_answer_updated_and_removed(store: FeedbackStore) -> None:
    assert store.rate(_item(), 1) and store.ratings() == {"a1": 1}
    first = store.rows()[0]
    time.sleep(1.1)  # times are kept to the second
    store.rate(_item(), -1)  # a like changed to a dislike: still one record
    (row,) = store.rows()
    assert (row.rating, row.created, row.sections, row.plan) == (-1, first.created, ("signature",), "65/KH-UBND")
    assert row.updated > first.updated and store.summary() == (1, 0, 1)
    store.rate(_item(2), 1)
    store.rate(_item(), 0)  # taken back: the record goes
    assert store.ratings() == {"a2": 1} and store.summary() == (1, 1, 0)
    store.rate(_item(), 0)  # taking back what is not there changes nothing
    assert store.ratings() == {"a2": 1}
    # A reloaded page asks for its own answers only.
    assert store.ratings(["a2", "a1", "a9"]) == {"a2": 1} and store.ratings(["a1"]) == {} == store.ratings([])
    with pytest.raises(ValueError):
        store.rate(_item(), 2)


def test_a_click_overtaken_on_the_way_is_not_applied(store: FeedbackStore) -> None:
    assert store.rate(_item(), 1, clock=1000.0)
    assert store.rate(_item(), 0, clock=1060.0)
    assert not store.rate(_item(), -1, clock=1030.0)  # sent before the take-back, arrived after
    assert store.ratings() == {}
    assert store.rate(_item(), -1, clock=1120.0) and store.ratings() == {"a1": -1}


def test_comments_are_kept_whole_or_refused(store: FeedbackStore) -> None:
    store.rate(_item(), 1)
    whole = ("Góp ý rất dài, có dấu và ký tự đặc biệt <b>&\n" * 200)[:MAX_COMMENT]
    assert len(whole) == MAX_COMMENT and store.comment("a1", whole)
    assert store.rows()[0].comment == whole
    with pytest.raises(ValueError, match=str(MAX_COMMENT)):
        store.comment("a1", whole + "x")
    assert store.rows()[0].comment == whole  # the refused comment changed nothing
    store.rate(_item(), -1)
    assert store.rows()[0].comment == whole  # a changed rating keeps its comment
    assert not store.comment("never-rated", "x")


def test_concurrent_writers_lose_nothing(store: FeedbackStore) -> None:
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            for i in range(30):
                store.rate(_item(k * 100 + i), 1 if i % 2 else -1)
                store.comment(f"a{k * 100 + i}", f"c{k}-{i}")
                if i % 5 == 0:
                    store.rate(_item(k * 100 + i), 0)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    expect = {f"a{k * 100 + i}": 1 if i % 2 else -1 for k in range(8) for i in range(30) if i % 5}
    assert store.ratings() == expect
    assert all(r.comment == f"c{int(r.answer_id[1:]) // 100}-{int(r.answer_id[1:]) % 100}" for r in store.rows())


def test_ratings_before_answer_ids_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, rating INTEGER"
               " NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL, comment TEXT NOT"
               " NULL DEFAULT '', lang TEXT NOT NULL DEFAULT '')")
    db.execute("INSERT INTO feedback (created, rating, question, answer, citations, comment, lang) VALUES"
               " ('2026-01-02T03:04:05+0700', 1, 'q', 'a', '[{\"section\": \"III.6.đ\"}]', 'hay', 'vi')")
    db.commit()
    db.close()
    (row,) = FeedbackStore(path).rows()
    assert (row.answer_id, row.rating, row.question, row.sections, row.comment) == ("v1-1", 1, "q", ("III.6.đ",), "hay")


def test_unusable_stores_are_named_without_their_password(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(FeedbackError, match="file"):
        FeedbackStore(tmp_path / "file" / "feedback.sqlite")
    url = f"postgresql://staff:s3cret@127.0.0.1:{free_port()}/feedback"
    with pytest.raises(FeedbackError) as err:
        FeedbackStore(url)
    assert "s3cret" not in str(err.value) and "staff:***@127.0.0.1" in str(err.value)
    assert redact("postgresql://u:p@h/d") == "postgresql://u:***@h/d" and redact("/var/f.sqlite") == "/var/f.sqlite"


def test_trainers_table_filters_and_exports(store: FeedbackStore) -> None:
    from openpyxl import load_workbook

    from webapp.tables import xlsx_bytes

    long_answer = "Cơ quan chủ trì: " + "Sở Y tế; " * 80
    store.rate(_item(1, answer=long_answer), 1)
    store.rate(_item(2, question="=HYPERLINK(\"x\") nhà ở"), -1)
    store.comment("a2", "-sai rồi")
    rows = store.rows()
    assert [r.answer_id for r in feedback_rows(rows, rating=-1)] == ["a2"]
    assert [r.answer_id for r in feedback_rows(rows, query="nha o")] == ["a2"]  # without diacritics
    assert [r.answer_id for r in feedback_rows(rows, commented=True)] == ["a2"]
    assert feedback_rows(rows, plan="1/KH") == [] and len(feedback_rows(rows, plan="65/KH-UBND")) == 2
    shown = feedback_table(feedback_rows(rows, rating=1), "vi")
    assert shown[0][3] == "👍 Thích" and shown[0][6] == "Người ký"  # no internal id on screen
    head = headers(FEEDBACK_HEADERS, "vi")
    out = feedback_table(rows, "vi", for_export=True)
    back = list(csv.reader(io.StringIO(csv_bytes(head, out).decode("utf-8-sig"))))
    assert back[0] == ["Lúc", "Câu hỏi", "Trả lời", "Đánh giá", "Góp ý", "Kế hoạch", "Trích dẫn"]
    by_q = {r[1]: r for r in back[1:]}
    assert by_q[f"{_item(1).question}"][2] == long_answer  # whole, not cut
    assert by_q["'=HYPERLINK(\"x\") nhà ở"][4] == "'-sai rồi"  # no formula runs in a spreadsheet
    ws = load_workbook(io.BytesIO(xlsx_bytes(head, out, "gop-y"))).active
    assert ws is not None
    ratings = sorted(c.value for c in ws["D"][1:])
    assert ratings == [-1, 1]  # numbers, not text


# -- through the running app -------------------------------------------------------------------
USERS, CLICKS, INTERVAL = 10, 20, 0.060
QUESTIONS = ("Which agency leads task 6đ?", "Kế hoạch do ai ký?", "Thời gian thực hiện nhiệm vụ III.3?")


@pytest.fixture(scope="module")
def svc_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return plan_index(tmp_path_factory)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_many_users_rating_at_once_store_every_final_rating(
    kind: str, svc_index: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """10 sessions × 20 clicks at 60 ms intervals, sent without waiting, while questions are
    queued: the store ends with exactly the last rating given to every answer."""
    import os

    os.environ.update(QUIET_ENV)
    where = str(tmp_path / "feedback.sqlite") if kind == "sqlite" else fresh_database(request.getfixturevalue("pg_server"))
    store = FeedbackStore(where)
    asst = Assistant.load(Settings(index=svc_index, corpus=CORPUS))
    port = free_port()
    demo = start(asst, store, tmp_path, "127.0.0.1", port, block=False)
    expected: dict[str, int] = {}
    sent: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()

    def user(k: int) -> None:
        rng = random.Random(k)
        page = Page(f"http://127.0.0.1:{port}/")
        try:
            asked = [f"{q} (người dùng {k})" for q in QUESTIONS]
            for q in asked:
                page.ask(q)
            last: dict[int, bool | str] = {}
            with ThreadPoolExecutor(4) as pool:  # the page sends each click without waiting
                futures = []
                for _ in range(CLICKS):
                    turn, liked = rng.randrange(len(asked)), rng.choice([True, False, ""])
                    last[turn] = liked
                    futures.append(pool.submit(page.rate, 2 * turn + 1, liked))
                    time.sleep(INTERVAL)
                codes = [f.result().status_code for f in futures]
            with lock:
                sent.append(len(codes))
                errors.extend(f"user {k}: HTTP {c}" for c in codes if c != 200)
                for turn, liked in last.items():
                    if liked != "":
                        expected[asked[turn]] = 1 if liked else -1
        except Exception as exc:  # pragma: no cover - reported below
            with lock:
                errors.append(f"user {k}: {exc!r}")
        finally:
            page.close()

    try:
        threads = [threading.Thread(target=user, args=(k,)) for k in range(USERS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=180)
        stored = {r.question: r.rating for r in store.rows()}
    finally:
        demo.close()
        store.close()
    assert not errors, errors[:5]
    assert sum(sent) == USERS * CLICKS
    assert stored == expected, f"{len(stored)} stored, {len(expected)} expected"
    print(f"\n{kind}: {sum(sent)} clicks, {len(expected)} answers rated at the end, {len(stored)} records")


def test_the_rating_event_bypasses_the_queue(svc_index: Path, tmp_path: Path) -> None:
    """What the page is told: ratings go straight to the server, every click, with its clock."""
    from webapp.ui import build_app

    asst = Assistant.load(Settings(index=svc_index, corpus=CORPUS))
    demo = build_app(ChatService(asst), FeedbackStore(tmp_path / "f.sqlite"), tmp_path)
    config = demo.get_config_file()
    (dep,) = [d for d in config["dependencies"] if d.get("api_name") == "rate"]
    assert dep["queue"] is False and dep["trigger_mode"] == "multiple" and "performance.now()" in dep["js"]
