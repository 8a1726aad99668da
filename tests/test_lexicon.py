"""How questions ask: abbreviations spelled out, list phrasings, intents read from the spelled-out text,
initialisms read from a plan, timelines' due years (pure functions, no index)."""

from __future__ import annotations

import pytest

from assistant.evidence import initialisms
from assistant.lexicon import function_words, intent_tokens, says, spelled_out
from assistant.query import detect_intents
from index.timeline import due_years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so nao lo nv 6d, tg?", "so nao lo nhiem vu 6d, thoi gian?"),
        ("KH 65 ban hành ngày nào", "ke hoach 65 ban hanh ngay nao"),
        # A code's parts are no abbreviations.
        ("Số 65/KH-UBND, Nghị quyết 42-NQ/TW", "so 65/kh-ubnd, nghi quyet 42-nq/tw"),
    ],
)
def test_spelled_out(text: str, expected: str) -> None:
    assert spelled_out(text) == expected


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("8c nguon luc quoc te thi tg thuc hien the nao", "timeline"),
        ("nhung nv nao co tg thuc hien la thuong xuyen", "aggregate"),
        ("Give me every task where the lead role is shared by two or more departments.", "aggregate"),
    ],
)
def test_intents_read_the_spelled_out_question(question: str, intent: str) -> None:
    assert intent in detect_intents(question)


def test_cooperatives_are_no_coordination() -> None:
    assert "coordinate" not in detect_intents("How many cooperatives apply circular models by 2030?")
    assert "coordinate" in detect_intents("Which bodies cooperate with the lead agency?")


@pytest.mark.parametrize(
    ("question", "kind", "expected"),
    [
        ("List every task the Department of Health is involved in, leading or supporting", "involvement", True),
        ("sở y tế tham gia những nhiệm vụ nào", "involvement", True),
        ("Which tasks does the Department of Health lead?", "involvement", False),
        ("các nv phải hoàn thành trong năm 2026", "due", True),
    ],
)
def test_list_phrasings(question: str, kind: str, expected: bool) -> None:
    assert says(question, kind) is expected


def test_function_words_and_intent_tokens() -> None:
    assert {"riêng", "sẽ", "rieng", "se"} <= function_words()
    assert {"phoi", "hop", "chu", "tri"} <= intent_tokens()


def test_initialisms_come_from_the_plan_text() -> None:
    text = "Phát triển du lịch cộng đồng. Điểm du lịch cộng đồng đạt chuẩn. Người cao tuổi; người cao tuổi."
    found = initialisms(text)
    assert {"dlcd", "nct"} <= found
    assert "xyz" not in found


@pytest.mark.parametrize(
    ("timeline", "years"),
    [
        ("Năm 2024 và các năm tiếp theo", set()),  # runs on: due in no year
        ("ngày 31/3/2026; quý II/2026; hằng năm", {2026}),
        ("2025 - 2027", {2027}),
        ("Quý IV/2025", {2025}),
        ("Thường xuyên", set()),
    ],
)
def test_due_years(timeline: str, years: set[int]) -> None:
    assert due_years(timeline) == years


def test_a_bracket_after_a_body_qualifies_it() -> None:
    from index.normalize import agency

    assert agency("Sở Nông nghiệp và Môi trường (Văn phòng Điều phối nông thôn mới tỉnh)") == "Sở Nông nghiệp và Môi trường"
    assert agency("Sở Y tế") == "Sở Y tế"
