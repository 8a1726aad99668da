"""The web app in Debian's headless Chromium via Playwright. Screenshots go to a temporary
folder, or to docs/ with `make screenshots` (PLAN_SCREENSHOTS=docs), so a test run leaves
the tracked files alone."""

from __future__ import annotations

import csv
import io
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _plan_index import CORPUS, PLANS, ROOT, library_index, plan_index
from bench_web import QUIET_ENV, free_port

os.environ.update(QUIET_ENV)

from assistant import Assistant, Settings
from webapp.feedback import FeedbackStore
from webapp.server import start

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
DOCS = Path(os.environ.get("PLAN_SCREENSHOTS") or tempfile.mkdtemp(prefix="plan-shots-"))
if not DOCS.is_absolute():
    DOCS = ROOT / DOCS
TIMEOUT = 30_000  # ms; the machine may be busy with other suites

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: run `make browser`"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FeedbackStore]]:
    tmp = tmp_path_factory.mktemp("web-browser")
    asst = Assistant.load(Settings(index=plan_index(tmp_path_factory), corpus=CORPUS))
    store = FeedbackStore(tmp / "feedback.sqlite")
    port = free_port()
    demo = start(asst, store, tmp, "127.0.0.1", port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/", store
    finally:
        demo.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, app: tuple[str, FeedbackStore]) -> Iterator[Any]:
    url, _ = app
    ctx = browser.new_context(viewport={"width": 1400, "height": 1050}, accept_downloads=True, locale="vi-VN")
    page = ctx.new_page()
    page.set_default_timeout(TIMEOUT)
    outside: list[str] = []

    def route(r: Any) -> None:
        # The page may load nothing from outside this machine (fonts, analytics, CDNs).
        if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("#question textarea")
    yield page
    ctx.close()
    assert not dialogs, dialogs
    assert not outside, outside


def ask(page: Any, question: str, expect: str) -> None:
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(
        "([q, e]) => { const t = document.querySelector('#chatbot').innerText;"
        " return t.lastIndexOf(e) > t.lastIndexOf(q); }",
        arg=[question.split("<")[0][:20] or question[:20], expect],
    )


def test_chat_answer_citation_and_section_panel(page: Any) -> None:
    ask(page, "Which agency leads task 6đ?", "Sở Xây dựng")
    card = page.locator("#citations .cite").first
    card.wait_for()
    assert "III.6.đ" in card.inner_text() and "Về nhà ở" in card.inner_text()
    assert "Sở Xây dựng" in card.locator("mark").inner_text()
    card.click()
    panel = page.locator('#section-panel .section-panel[data-sid="III.6.đ"]')
    panel.wait_for()
    crumbs = panel.locator(".crumbs").inner_text()
    assert "III. NỘI DUNG" in crumbs and "6. Nâng cao phúc lợi" in crumbs and "đ) Về nhà ở" in crumbs
    roles = panel.locator(".roles").inner_text()
    assert "Sở Xây dựng" in roles and "Năm 2024 và các năm tiếp theo" in roles and "UBND các huyện" in roles
    assert "Sở Xây dựng" in panel.locator(".sec-body mark").inner_text()
    page.wait_for_timeout(600)  # let the panel scroll to the highlighted lines
    assert panel.locator(".sec-body mark").is_visible()
    DOCS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1200})
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(DOCS / "screenshot-chat.png"))
    ask(page, "còn nhiệm vụ 6e thì sao?", "III.6.e")  # a follow-up, read with the history
    ask(page, "Sở Y tế chủ trì những nhiệm vụ nào?", "III.6.b")
    assert page.locator("#citations .cite").count() == 3
    page.locator("#citations .cite").first.click()
    page.locator('#section-panel .section-panel[data-sid="III.4.a"]').wait_for()
    page.locator("#chatbot [data-testid='bot']").first.click()  # an earlier answer shows its citations again
    page.wait_for_function("() => document.querySelector('#citations').innerText.includes('III.6.đ')")
    with page.expect_download() as dl:
        page.click("#export-md")
    md = Path(dl.value.path()).read_text(encoding="utf-8")
    assert md.count("## ") == 3 and "- **III.6.đ**" in md and "Sở Xây dựng" in md


def bot_text(page: Any) -> str:
    return page.locator("#chatbot [data-testid='bot']").last.inner_text()


def test_conversation_tracks_the_tasks_in_focus(page: Any) -> None:
    """Issue #12's walk: a list answer, then "còn phối hợp thì sao?" and "thời gian thực hiện?" answer
    for the listed tasks; a fresh "Ai phối hợp?" asks which task, and a click on a choice answers."""
    ask(page, "Sở Y tế chủ trì những nhiệm vụ nào?", "III.6.b")
    listed = [s for s in ("III.4.a", "III.5.b", "III.6.b") if s in bot_text(page)]
    assert len(listed) == 3
    ask(page, "còn phối hợp thì sao?", "Cơ quan phối hợp của")
    partners = bot_text(page)
    assert all(s in partners for s in listed) and "III.1.a" not in partners
    assert page.locator("#citations .cite").count() == len(listed)
    ask(page, "thời gian thực hiện?", "Thời gian thực hiện của")
    assert all(s in bot_text(page) for s in listed)
    assert page.locator("#citations .cite").count() == len(listed)
    page.click("#clear")
    page.wait_for_function("() => !document.querySelector('#chatbot').innerText.includes('III.6.b')")
    ask(page, "Ai phối hợp?", "nhiệm vụ nào")
    options = page.locator("#chatbot button.option")
    options.first.wait_for()
    assert 2 <= options.count() <= 4
    label = options.first.inner_text()
    sid = label.split(" — ")[0].strip()
    assert sid.startswith("III.")
    options.first.click()
    page.wait_for_function(
        "(e) => { const b = document.querySelectorAll('#chatbot [data-testid=\\'bot\\']');"
        " return b.length === 2 && b[1].innerText.includes(e); }", arg=f"Cơ quan phối hợp thực hiện nhiệm vụ {sid}")
    card = page.locator("#citations .cite").first
    card.wait_for()
    assert sid in card.inner_text() and page.locator("#citations .cite").count() == 1
    assert page.locator("#chatbot button.option").count() == 0  # the answer asks nothing back
    page.screenshot(path=str(DOCS / "screenshot-clarify.png"))


def test_feedback_from_the_chat_reaches_the_database(page: Any, app: tuple[str, FeedbackStore]) -> None:
    _, store = app
    ask(page, "Kế hoạch do ai ký?", "Trần Hoàng Tuấn")
    like = page.locator("#chatbot button[aria-label='Like'], #chatbot button[aria-label='Liked']").last
    dislike = page.locator("#chatbot button[aria-label='Dislike'], #chatbot button[aria-label='Disliked']").last
    # Quick changes of mind, 60 ms apart: only the last one counts, nothing is added twice.
    for button in (like, dislike, like, dislike, like):
        button.click()
        page.wait_for_timeout(60)
    page.wait_for_function("() => document.querySelector('#rated-note').innerText.trim() !== ''")
    page.wait_for_timeout(500)
    mine = [r for r in store.rows() if r.question == "Kế hoạch do ai ký?"]
    assert [r.rating for r in mine] == [1]
    page.locator("#comment textarea").wait_for()
    comment = "Câu trả lời chính xác <b>cảm ơn</b>" + " rất rõ ràng" * 300  # 3,600 characters, kept whole
    page.fill("#comment textarea", comment)
    page.click("#send-comment")
    page.locator("#comment textarea").wait_for(state="hidden")
    (row,) = [r for r in store.rows() if r.question == "Kế hoạch do ai ký?"]
    assert (row.rating, row.comment, row.lang, row.sections) == (1, comment, "vi", ("signature",))
    assert "Trần Hoàng Tuấn" in row.answer
    like.click()  # taken back: the record goes
    page.wait_for_timeout(800)
    assert not [r for r in store.rows() if r.question == "Kế hoạch do ai ký?"]
    dislike.click()
    page.wait_for_timeout(800)
    assert [r.rating for r in store.rows() if r.question == "Kế hoạch do ai ký?"] == [-1]
    page.get_by_role("tab", name="Góp ý").click()
    page.click("#fb-refresh")
    page.wait_for_function("() => document.querySelector('#fb-table').innerText.includes('Kế hoạch do ai ký?')")
    assert "Người ký" in page.locator("#fb-table").inner_text()
    page.wait_for_timeout(800)  # the tab's own refresh may still be drawing
    page.screenshot(path=str(DOCS / "screenshot-feedback.png"))
    with page.expect_download() as dl:
        page.click("#fb-csv")
    back = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
    mine_csv = [r for r in back if r["Câu hỏi"] == "Kế hoạch do ai ký?"]
    assert len(mine_csv) == 1 and mine_csv[0]["Đánh giá"] == "-1" and mine_csv[0]["Trích dẫn"] == "Người ký"


def test_markup_in_a_question_shows_as_text(page: Any) -> None:
    evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Sở Xây dựng chủ trì nhiệm vụ nào?'
    ask(page, evil, "III.6.đ")
    chat = page.locator("#chatbot")
    assert '<img src=x onerror="window.__xss=1">' in chat.inner_text()
    assert chat.locator("img[src='x'], script").count() == 0
    assert page.evaluate("window.__xss") is None
    assert page.locator("#citations img, #citations script").count() == 0


def test_plan_browser_filters_downloads_and_opens_sections(page: Any) -> None:
    page.get_by_role("tab", name="Tra cứu kế hoạch").click()
    page.fill("#tasks-search textarea", "so xay dung")
    page.wait_for_function("() => document.querySelector('#tasks-count').innerText.trim().startsWith('1 ')")
    table = page.locator("#tasks-table")
    assert "Sở Xây dựng" in table.inner_text()
    with page.expect_download() as dl:
        page.click("#tasks-csv")
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Mục", "Nhiệm vụ", "Chủ trì"] and [r[0] for r in rows[1:]] == ["III.6.đ"]
    table.locator("[data-testid='cell-0-0']").click()
    panel = page.locator('#browse-panel .section-panel[data-sid="III.6.đ"]')
    panel.wait_for()
    assert "Sở Xây dựng" in panel.locator(".roles").inner_text()
    page.wait_for_timeout(300)
    page.screenshot(path=str(DOCS / "screenshot-browser.png"))
    page.fill("#tasks-search textarea", "")
    page.wait_for_function("() => document.querySelector('#tasks-count').innerText.trim().startsWith('24 ')")
    page.locator("#targets-search textarea").fill("nha o xa hoi")
    # The 2025 and 2030 figures of the social housing target share one row.
    page.wait_for_function("() => document.querySelector('#targets-count').innerText.trim().startsWith('1 ')")
    assert "khoảng 1.000 căn" in page.locator("#targets-table").inner_text()
    with page.expect_download() as dl:
        page.click("#targets-xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes())).active  # saved without a suffix
    assert ws is not None
    (row,) = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert row[2:5] == ["khoảng", 1000, "căn"] and row[7] == 5000  # numbers, years side by side


def test_quiz_question_and_lesson(page: Any) -> None:
    page.get_by_role("tab", name="Ôn tập").click()
    page.click("#quiz-start")
    page.locator("#quiz-question .qp").wait_for()
    assert "Câu 1/5" in page.locator("#quiz-question").inner_text()
    page.locator("#quiz-choice label").first.click()
    page.click("#quiz-check")
    result = page.locator("#quiz-result .quiz-result")
    result.wait_for()
    verdict = result.locator(".verdict").inner_text()
    assert verdict.startswith(("Đúng", "Chưa đúng"))
    assert result.locator(".cite .sid").count() == 1 and result.locator("mark").count() >= 1
    page.wait_for_function("() => /Điểm: [01]\\/5/.test(document.querySelector('#quiz-score').innerText)")
    page.click("#lesson-next")
    page.wait_for_function("() => document.querySelector('#lesson-pos').innerText.includes('Mục 2/')")
    assert "MỤC ĐÍCH, YÊU CẦU" in page.locator("#lesson").inner_text()
    page.screenshot(path=str(DOCS / "screenshot-trainer.png"))
    page.click("#quiz-next")
    page.wait_for_function("() => document.querySelector('#quiz-question').innerText.includes('Câu 2/5')")


def test_english_switch(page: Any) -> None:
    page.locator("#lang label").filter(has_text="English").click()
    page.get_by_role("tab", name="Plan browser").wait_for()
    page.wait_for_function("() => document.querySelector('#send').innerText.trim() === 'Send'")
    ask(page, "What is the timeline of task III.3?", "Năm 2024")
    assert "Citations" in page.locator("#citations").inner_text()


def test_examples_empty_question_and_clear(page: Any) -> None:
    page.locator("#examples button, #examples [role=button]").filter(has_text="so nao chu tri nhiem vu 6d").first.click()
    page.wait_for_function("() => document.querySelector('#chatbot').innerText.includes('Sở Thông tin và Truyền thông')")
    page.fill("#question textarea", "   ")
    page.click("#send")
    page.get_by_text("Câu hỏi trống").first.wait_for()
    page.click("#clear")
    page.wait_for_function("() => !document.querySelector('#chatbot').innerText.includes('Sở Thông tin')")
    assert page.locator("#citations .cites.empty").count() == 1


def _chat(page: Any) -> str:
    return str(page.locator("#chatbot").inner_text())


def test_a_reload_keeps_the_conversation_until_a_new_one(page: Any, app: tuple[str, FeedbackStore]) -> None:
    _, store = app
    question = "Cơ quan nào chủ trì nhiệm vụ 6đ?"
    ask(page, question, "Sở Xây dựng")
    page.locator("#chatbot button[aria-label='Like']").last.click()
    page.wait_for_function("() => document.querySelector('#rated-note').innerText.trim() !== ''")
    long = "Sở Y tế chủ trì những nhiệm vụ nào? " + "x" * 3000
    ask(page, long, "III.6.b")
    page.reload()
    page.wait_for_selector("#question textarea")
    page.wait_for_function(f"() => document.querySelector('#chatbot').innerText.includes({question!r})")
    longest = max(len(run) for run in _chat(page).split())
    assert "Sở Xây dựng" in _chat(page) and 1900 < longest < 2000  # the question as answered: cut, never whole
    # The earlier answers' citations and ratings still work: the cards are the last answer's, and a
    # click on the first answer brings back its own.
    page.locator("#citations .cite").first.wait_for()
    assert "III.6.b" in page.locator("#citations").inner_text()
    page.locator("#chatbot [data-testid='bot']").first.click()
    page.wait_for_function("() => document.querySelector('#citations').innerText.includes('III.6.đ')")
    page.locator("#citations .cite").first.click()
    page.locator('#section-panel .section-panel[data-sid="III.6.đ"]').wait_for()
    liked = page.locator("#chatbot button[aria-label='Liked']")
    assert liked.count() == 1  # the stored rating shows on the restored answer
    page.locator("#chatbot button[aria-label='Dislike']").first.click()
    page.wait_for_timeout(800)
    mine = [r for r in store.rows() if r.question == question]
    assert [r.rating for r in mine] == [-1]  # changed, not added
    (cut,) = [r for r in store.rows() if r.question.startswith("Sở Y tế")] or [None]
    assert cut is None  # not rated: nothing stored for it
    # A follow-up reads the restored turns as its history.
    ask(page, "còn 6e thì sao?", "III.6.e")
    assert page.locator("#chatbot button[aria-label='Disliked']").count() == 1
    assert page.locator("#chatbot button[aria-label='Liked']").count() == 0
    page.click("#clear")
    page.wait_for_function("() => !document.querySelector('#chatbot').innerText.includes('Sở Xây dựng')")
    ask(page, "Kế hoạch do ai ký?", "Trần Hoàng Tuấn")  # a new conversation: no thumb pressed
    assert page.locator("#chatbot button[aria-label='Liked'], #chatbot button[aria-label='Disliked']").count() == 0
    page.click("#clear")
    page.wait_for_function("() => !document.querySelector('#chatbot').innerText.includes('Trần Hoàng Tuấn')")
    page.wait_for_timeout(300)
    page.reload()
    page.wait_for_selector("#question textarea")
    page.wait_for_timeout(1500)  # time for a restore that must not come
    assert question not in _chat(page) and page.locator("#citations .cites.empty").count() == 1
    assert [r.rating for r in store.rows() if r.question == question] == [-1]  # a new conversation keeps ratings


# -- a phone, 390 px wide ----------------------------------------------------------------------
@pytest.fixture()
def phone(browser: Any, app: tuple[str, FeedbackStore]) -> Iterator[Any]:
    url, _ = app
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                              accept_downloads=True, locale="vi-VN")
    page = ctx.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    page.wait_for_selector("#question textarea")
    yield page
    ctx.close()


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


def test_phone_layout_keeps_everything_reachable(phone: Any) -> None:
    page = phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sideways
    assert _box(page, ".app-title")["width"] > 250  # the title is not squeezed into a column
    for name in ("Hỏi đáp", "Tra cứu kế hoạch", "Ôn tập", "Góp ý"):  # no tab behind a "⋯" menu
        assert page.get_by_role("tab", name=name).is_visible()
    ask(page, "Sở Y tế chủ trì những nhiệm vụ nào?", "III.6.b")
    page.locator("#citations .cite").first.wait_for()
    chat, cites, question = _box(page, "#chatbot"), _box(page, "#citations"), _box(page, "#question")
    # The citations come right under the answers, before the question box.
    assert 0 <= cites["y"] - (chat["y"] + chat["height"]) < 80 and cites["y"] < question["y"]
    page.screenshot(path=str(DOCS / "screenshot-phone-chat.png"), full_page=True)
    # "New conversation" is in reach at the top of the chat, without scrolling.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(200)
    new, chat = _box(page, "#clear"), _box(page, "#chatbot")
    assert new["y"] + new["height"] <= 844 and new["y"] < chat["y"] and page.locator("#clear").is_visible()
    page.screenshot(path=str(DOCS / "screenshot-phone-top.png"))
    page.click("#clear")
    page.wait_for_function("() => !document.querySelector('#chatbot').innerText.includes('III.6.b')")
    page.reload()
    page.wait_for_selector("#question textarea")
    page.wait_for_timeout(1500)
    assert "III.6.b" not in page.locator("#chatbot").inner_text()
    page.get_by_role("tab", name="Tra cứu kế hoạch").click()
    cards = page.locator("#tasks-cards .card")
    cards.first.wait_for()
    assert cards.count() == 24 and not page.locator("#tasks-table").is_visible()  # cards, not a squeezed table
    first = _box(page, "#tasks-cards .card")
    assert first["width"] > 300 and "nhất là người đứng đầu" in cards.first.inner_text()
    page.screenshot(path=str(DOCS / "screenshot-phone-browser.png"))
    page.get_by_role("tab", name="Ôn tập").click()
    page.click("#quiz-start")
    page.locator("#quiz-question .qp").wait_for()
    page.screenshot(path=str(DOCS / "screenshot-phone-trainer.png"))
    page.get_by_role("tab", name="Góp ý").click()
    page.locator("#fb-cards").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


# -- an administrator adds a plan while others ask (issue #11 item 4) ---------------------------
ADMIN, STAFF = ("quantri", "mk-quantri-1"), ("canbo", "mk-canbo-1")
NEW_PLAN = PLANS / "kh-phulam-nuocsach.txt"


@pytest.fixture(scope="module")
def library_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app over a library of two plans, with a login for an administrator and one for staff."""
    tmp = tmp_path_factory.mktemp("web-upload")
    corpus, index = library_index(tmp / "lib", ["kh-hason-cds.md", "kh-lamha-duoinuoc.txt"], tmp / "vectors")
    store = FeedbackStore(tmp / "feedback.sqlite")
    port = free_port()
    demo = start(Assistant.load(Settings(index=index)), store, tmp, "127.0.0.1", port, auth=[ADMIN, STAFF],
                 admins=frozenset({ADMIN[0]}), block=False)
    try:
        yield f"http://127.0.0.1:{port}/", corpus
    finally:
        demo.close()


def signed_in(browser: Any, url: str, login: tuple[str, str]) -> Any:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1050}, locale="vi-VN")
    page = ctx.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    page.fill("input[type=text]", login[0])
    page.fill("input[type=password]", login[1])
    page.keyboard.press("Enter")
    page.wait_for_selector("#question textarea")
    return page


def plans_listed(page: Any, n: int) -> None:
    """Open the plan browser and wait until it lists n plans (it is redrawn after an upload)."""
    page.get_by_role("tab", name="Tra cứu kế hoạch").click()
    page.wait_for_function("(n) => document.querySelector('#plans-count').innerText.trim() === n + ' kế hoạch'"
                           " && document.querySelector('#plans-table [role=grid]').getAttribute('aria-rowcount') === String(n + 1)",
                           arg=n)


def choose_file(page: Any, path: Path) -> None:
    """Put a file in the upload box, once the tab is on screen (a file given to a box still being
    mounted is lost), and wait until the box shows it."""
    page.locator("#upload-send").wait_for()
    page.locator("#upload-file input[type=file]").wait_for(state="attached")
    page.set_input_files("#upload-file input[type=file]", str(path))
    page.locator("#upload-file").get_by_text(path.name).first.wait_for()


@pytest.fixture()
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The upload's add held at its start until the test sets the event (the app runs in this process)."""
    import webapp.upload as upload

    go = threading.Event()
    real = upload.add_plans

    def add(*args: Any, **kwargs: Any) -> Any:
        go.wait(300)
        return real(*args, **kwargs)

    monkeypatch.setattr(upload, "add_plans", add)
    yield go
    go.set()


def test_an_administrator_adds_a_plan_while_staff_ask(browser: Any, library_app: tuple[str, Path],
                                                      held: threading.Event) -> None:
    url, _ = library_app
    admin = signed_in(browser, url, ADMIN)
    plans_listed(admin, 2)
    admin.get_by_role("tab", name="Thêm kế hoạch").click()
    choose_file(admin, NEW_PLAN)
    admin.click("#upload-send")
    admin.locator('#upload-status [data-stage="reading"] [data-step="reading"]').wait_for()  # progress shown
    # Meanwhile staff, on another page, ask and are answered from the two plans loaded.
    staff = signed_in(browser, url, STAFF)
    ask(staff, "Kế hoạch 112/KH-UBND do ai ký?", "Người ký")
    assert "112/KH-UBND" in bot_text(staff)
    assert staff.get_by_role("tab", name="Thêm kế hoạch").count() == 0  # not an administrator
    assert admin.locator('#upload-status [data-stage="reading"]').count() == 1  # the upload still runs
    held.set()
    summary = admin.locator('#upload-summary .upload-summary[data-plan="27/KH-UBND"]')
    summary.wait_for()
    status = admin.locator("#upload-status").inner_text()
    assert "read    kh-phulam-nuocsach.txt: Kế hoạch 27/KH-UBND, 38 sections, 19 tasks" in status
    text = summary.inner_text()
    for fact in ("Ủy ban nhân dân tỉnh Phú Lâm", "12/02/2026", "Thực hiện cấp nước sạch", "Nhiệm vụ\n19"):
        assert fact in text, fact
    admin.screenshot(path=str(DOCS / "screenshot-upload.png"))
    plans_listed(admin, 3)
    # The grid draws its rows after it counts them: the new plan's row is waited for, then read.
    admin.locator("#plans-table").get_by_text("27/KH-UBND").first.wait_for()
    assert "27/KH-UBND" in admin.locator("#plans-table").inner_text()
    admin.get_by_role("tab", name="Hỏi đáp").click()
    ask(admin, "Theo kế hoạch nước sạch của tỉnh Phú Lâm, cơ quan nào chủ trì nhiệm vụ III.1.a?",
        "Sở Văn hóa, Thể thao và Du lịch")
    assert bot_text(admin).startswith("Kế hoạch 27/KH-UBND")
    ask(staff, "Kế hoạch 27/KH-UBND do ai ký?", "Đặng Quốc Vĩnh")  # the page opened before has it too
    plans_listed(staff, 3)
    admin.context.close()
    staff.context.close()


def test_a_bad_upload_shows_its_message_and_changes_nothing(browser: Any, library_app: tuple[str, Path],
                                                            tmp_path: Path) -> None:
    url, corpus = library_app
    admin = signed_in(browser, url, ADMIN)
    files = sorted(p.name for p in corpus.iterdir())
    listed = len([f for f in files if not f.startswith(".")])
    plans_listed(admin, listed)
    admin.get_by_role("tab", name="Thêm kế hoạch").click()
    picture = tmp_path / "ke-hoach-moi.pdf"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))  # a picture renamed .pdf
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    for bad in (picture, empty):
        choose_file(admin, bad)
        admin.click("#upload-send")
        error = admin.locator('#upload-status [data-stage="failed"] .err', has_text=f"{bad.name}: ")
        error.wait_for()
        assert error.inner_text().startswith(f"{bad.name}: ") and "nothing added" in error.inner_text()
        admin.locator("#upload-file button[aria-label='Clear']").click()
    admin.screenshot(path=str(DOCS / "screenshot-upload-refused.png"))
    plans_listed(admin, listed)
    assert sorted(p.name for p in corpus.iterdir()) == files
    admin.context.close()
