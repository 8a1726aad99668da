"""The chat API through gradio_client, against servers the tests start on free loopback ports."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

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


def test_only_the_chat_endpoint_is_public(client: Client) -> None:
    api = client.view_api(print_info=False, return_format="dict")
    assert isinstance(api, dict) and set(api["named_endpoints"]) == {"/chat"}


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
