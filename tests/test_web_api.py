"""The chat API through gradio_client, against servers the tests start on free loopback ports."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from _plan_index import CORPUS, plan_index
from bench_web import QUIET_ENV, app_server, free_port

os.environ.update(QUIET_ENV)  # no telemetry from gradio or its client

from gradio_client import Client

from assistant import Assistant, Settings
from webapp.feedback import FeedbackStore
from webapp.server import start


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return plan_index(tmp_path_factory)


@pytest.fixture(scope="module")
def url(index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("web-api")
    asst = Assistant.load(Settings(index=index, corpus=CORPUS))
    port = free_port()
    demo = start(asst, FeedbackStore(tmp / "feedback.sqlite"), tmp, "127.0.0.1", port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[Client]:
    c = Client(url, verbose=False, analytics_enabled=False)
    yield c
    c.close()


def test_chat_answers_with_citations(client: Client) -> None:
    out = client.predict("Which agency leads task 6đ?", api_name="/chat")
    assert "Sở Xây dựng" in out and "[III.6.đ] Về nhà ở" in out and "Citations:" in out
    vi = client.predict("so nao chu tri nhiem vu 6đ", api_name="/chat")
    assert "Sở Xây dựng" in vi and "Trích dẫn:" in vi


def test_only_chat_and_ask_are_public(client: Client) -> None:
    api = client.view_api(print_info=False, return_format="dict")
    assert isinstance(api, dict) and set(api["named_endpoints"]) == {"/chat", "/ask"}
    params = [p["parameter_name"] for p in api["named_endpoints"]["/ask"]["parameters"]]
    assert params == ["question", "history", "plan", "k"]


def test_ask_returns_the_design_json(client: Client) -> None:
    out = client.predict("Which agency leads task 6đ?", api_name="/ask")
    assert isinstance(out, dict) and "Sở Xây dựng" in out["answer"] and out["route"] == "role"
    assert out["citations"][0]["section"] == "III.6.đ" and out["abstained"] is False and len(out["answer_id"]) == 32
    assert len(out["hits"]) == 10 and out["k"] == 10
    c = out["citations"][0]
    text = (CORPUS / c["doc"]).read_text(encoding="utf-8")
    assert text[c["start"] : c["end"]] == c["text"]
    assert out["plan"] == {"id": "plan-65-web", "doc": "plan-65-web.txt", "number": "65/KH-UBND",
                           "issuer": out["plan"]["issuer"], "date": "2024-03-20"}
    few = client.predict("Sở Y tế chủ trì những nhiệm vụ nào?", None, "65/KH-UBND", 3, api_name="/ask")
    assert len(few["hits"]) == 3 and few["route"] == "list" and few["plan"]["number"] == "65/KH-UBND"


def test_ask_follows_the_history(client: Client) -> None:
    history = [{"role": "user", "content": "Cơ quan nào chủ trì nhiệm vụ 6đ?"},
               {"role": "assistant", "content": "Sở Xây dựng"}]
    out = client.predict("còn nhiệm vụ 6e thì sao?", history, api_name="/ask")
    assert out["citations"][0]["section"] == "III.6.e"
    pairs = client.predict("còn nhiệm vụ 6e thì sao?", [["Cơ quan nào chủ trì nhiệm vụ 6đ?", "Sở Xây dựng"]],
                           api_name="/ask")
    assert pairs["citations"][0]["section"] == "III.6.e"


def test_ask_walks_the_conversation_of_issue_12(client: Client) -> None:
    """The follow-ups answer for the listed tasks; a fresh "Ai phối hợp?" returns route "clarify" and
    choices whose question, sent back, answers for that task."""
    history: list[list[str]] = []
    outs = []
    for q in ("Sở Y tế chủ trì những nhiệm vụ nào?", "còn phối hợp thì sao?", "thời gian thực hiện?"):
        out = client.predict(q, history, api_name="/ask")
        outs.append(out)
        history.append([q, out["answer"]])
    listed = [c["section"] for c in outs[0]["citations"]]
    assert len(listed) >= 2
    assert [c["section"] for c in outs[1]["citations"]] == listed and outs[1]["route"] == "role"
    assert [c["section"] for c in outs[2]["citations"]] == listed and outs[2]["route"] == "role"
    fresh = client.predict("Ai phối hợp?", api_name="/ask")
    assert fresh["route"] == "clarify" and fresh["citations"] == [] and fresh["abstained"] is False
    assert fresh["choices"] and set(fresh["choices"][0]) >= {"section", "title", "question"}
    pick = fresh["choices"][0]
    picked = client.predict(pick["question"], [["Ai phối hợp?", fresh["answer"]]], api_name="/ask")
    assert [c["section"] for c in picked["citations"]] == [pick["section"]]
    assert "choices" not in picked
    text = client.predict("Ai phối hợp?", api_name="/chat")
    assert f"1. {pick['question']}" in text


@pytest.mark.parametrize(("args", "message"), [
    (("   ",), "empty question"),
    (("6đ", None, "", 0), "k must be a whole number from 1 to 100"),
    (("6đ", None, "", 101), "k must be a whole number from 1 to 100"),
    (("6đ", None, "99/KH-UBND"), "unknown plan '99/KH-UBND'"),
    (("6đ", "not a list"), "history must be a list"),
])
def test_ask_refuses_bad_requests_with_a_message(client: Client, args: tuple[object, ...], message: str) -> None:
    with pytest.raises(Exception, match=re.escape(message)):
        client.predict(*args, api_name="/ask")


def test_ask_over_plain_http(url: str) -> None:
    with httpx.Client(timeout=30) as h:
        r = h.post(url + "gradio_api/call/v2/ask", json={"question": "Kế hoạch do ai ký?", "k": 5})
        assert r.status_code == 200
        with h.stream("GET", url + f"gradio_api/call/ask/{r.json()['event_id']}") as stream:
            lines = [x for x in stream.iter_lines() if x.startswith("data:")]
    (out,) = json.loads(lines[-1][5:])
    assert "Trần Hoàng Tuấn" in out["answer"] and out["citations"][0]["section"] == "signature"
    assert len(out["hits"]) == 5 and out["route"] == "document"


def test_a_huge_request_is_refused_before_it_is_read(url: str) -> None:
    big = json.dumps({"question": "Sở nào chủ trì nhiệm vụ 6đ? " + "x" * 2_000_000})
    r = httpx.post(url + "gradio_api/call/v2/ask", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "request too large: at most 256 KB" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no length announced: the server stops reading at the cap
        for _ in range(100):
            yield b"x" * 100_000

    r = httpx.post(url + "gradio_api/queue/join", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "request too large" in r.json()["detail"]
    # Under the cap, a long question is cut to its first 2,000 characters and says so.
    out = Client(url, verbose=False, analytics_enabled=False).predict("Sở nào chủ trì nhiệm vụ 6đ? " + "x" * 50_000,
                                                                       api_name="/ask")
    assert len(out["question"]) == 2000 and "2000" in out["notice"]


def test_empty_question_is_an_error_with_a_message(client: Client) -> None:
    with pytest.raises(Exception, match="empty question"):
        client.predict("   ", api_name="/chat")


def test_markup_in_a_question_is_just_text(client: Client) -> None:
    out = client.predict('<script>alert(1)</script><img src=x onerror="alert(2)"> Sở Y tế chủ trì nhiệm vụ nào?',
                         api_name="/chat")
    assert "Sở Y tế" in out and "<script" not in out


def test_concurrent_clients(url: str) -> None:
    errors: list[str] = []

    def user(k: int) -> None:
        c = Client(url, verbose=False, analytics_enabled=False)
        for q in ("Which agency leads task 6đ?", "Thời gian thực hiện nhiệm vụ III.3?", "Kế hoạch do ai ký?"):
            try:
                if not c.predict(q, api_name="/chat").strip():
                    errors.append(f"{k}: empty answer to {q}")
            except Exception as exc:
                errors.append(f"{k}: {exc!r}")
        c.close()

    threads = [threading.Thread(target=user, args=(k,)) for k in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors


def test_app_py_serves_behind_a_login(index: Path, tmp_path: Path) -> None:
    env = {"PLAN_APP_USER": "canbo", "PLAN_APP_PASSWORD": "mat-khau-thu"}
    with app_server(index, tmp_path / "feedback.sqlite", env=env) as (url, _):
        with pytest.raises(Exception):  # noqa: B017 - any refusal will do: there is no login
            Client(url, verbose=False, analytics_enabled=False).predict("6đ", api_name="/chat")
        c = Client(url, auth=("canbo", "mat-khau-thu"), verbose=False, analytics_enabled=False)
        assert "Sở Xây dựng" in c.predict("Cơ quan nào chủ trì nhiệm vụ 6đ?", api_name="/chat")
        c.close()


def test_empty_questions_log_no_traceback(index: Path, tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    with app_server(index, tmp_path / "feedback.sqlite", log_to=log) as (url, _):
        c = Client(url, verbose=False, analytics_enabled=False)
        for endpoint in ("/chat", "/ask"):
            with pytest.raises(Exception, match="empty question"):
                c.predict("  \n ", api_name=endpoint)
        with pytest.raises(Exception, match="k must be"):
            c.predict("6đ", None, "", 100_000, api_name="/ask")
        c.close()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text and "QuestionError" not in text, text[-2000:]
