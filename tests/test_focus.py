"""Conversation through Assistant.ask(..., history=...) over the real index: the tasks of the last
answer are the focus of the next question, a question that needs a task and has none gets a clarifying
question with choices, and a reference typed without its marks says its other reading."""

from __future__ import annotations

import pytest
from _plan_index import hand_tasks, plan_index

from assistant import Answer, Assistant, Settings
from assistant.focus import clarify, role_question, user_turns

TASKS = {t["id"]: t for t in hand_tasks()}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant.load(Settings(index=plan_index(tmp_path_factory)))


def cited(ans: Answer) -> list[str]:
    return [c.section for c in ans.citations]


def walk(assistant: Assistant, *questions: str) -> list[Answer]:
    """Ask each question with the conversation so far, as the web chat and the API send it."""
    history: list[dict[str, str]] = []
    out = []
    for q in questions:
        ans = assistant.ask(q, history=history)
        out.append(ans)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": ans.answer}]
    return out


def test_a_list_answer_is_the_focus_of_the_follow_ups(assistant: Assistant) -> None:
    listed, partners, timeline = walk(assistant, "Sở Y tế chủ trì những nhiệm vụ nào?", "còn phối hợp thì sao?",
                                      "thời gian thực hiện?")
    tasks = cited(listed)
    assert listed.route == "list" and len(tasks) >= 2
    assert cited(partners) == tasks and partners.route == "role"
    assert cited(timeline) == tasks and timeline.route == "role"
    for sid in tasks:
        assert sid in partners.answer and sid in timeline.answer
        for name in TASKS[sid]["coordinate"]:
            assert name in partners.answer, (name, partners.answer)
        assert TASKS[sid]["timeline"] in timeline.answer
    # Tasks that share a timeline are grouped: the value is said once.
    shared = {TASKS[sid]["timeline"] for sid in tasks}
    if len(shared) == 1:
        assert timeline.answer.count(shared.pop()) == 1


def test_a_task_described_in_words_is_the_focus(assistant: Assistant) -> None:
    lead, partners = walk(assistant, "ai chủ trì nhiệm vụ về nhà ở?", "còn phối hợp?")
    assert cited(lead) == ["III.6.đ"]
    assert cited(partners) == ["III.6.đ"]
    for name in TASKS["III.6.đ"]["coordinate"]:
        assert name in partners.answer


def test_english_follow_up_on_a_list(assistant: Assistant) -> None:
    listed, partners = walk(assistant, "Which tasks does the Department of Health lead?", "who coordinates them?")
    assert listed.route == "list" and cited(partners) == cited(listed)
    assert "Coordinating bodies" in partners.answer


@pytest.mark.parametrize(("question", "lang"), [
    ("Ai phối hợp?", "vi"), ("cơ quan nào chủ trì?", "vi"), ("thời gian thực hiện?", "vi"),
    ("ai phoi hop", "vi"), ("who coordinates?", "en"), ("which agency leads?", "en"),
])
def test_a_question_without_a_task_asks_which(question: str, lang: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert ans.route == "clarify" and not ans.abstained and not ans.citations
    assert 2 <= len(ans.choices) <= 4
    assert ("Which task" in ans.answer or "which task" in ans.answer) if lang == "en" else "nhiệm vụ nào" in ans.answer
    for c in ans.choices:
        assert c.section in ans.answer and c.section in c.question
    # Picking a choice answers the question for that task.
    pick = ans.choices[0]
    picked = assistant.ask(pick.question, history=[question, ans.answer])
    assert cited(picked) == [pick.section] and picked.route == "role"


def test_the_walk_ends_in_a_clarifying_question(assistant: Assistant) -> None:
    *_, fresh = walk(assistant, "Sở Y tế chủ trì những nhiệm vụ nào?", "còn phối hợp thì sao?", "Ai phối hợp?")
    # "Ai phối hợp?" right after an answer about the listed tasks is still about them.
    assert fresh.route == "role"
    again = walk(assistant, "Ai phối hợp?", "thời gian thực hiện?")
    assert [a.route for a in again] == ["clarify", "clarify"]


def test_clarifying_answer_in_json(assistant: Assistant) -> None:
    out = assistant.ask("Ai phối hợp?").to_json()
    assert out["route"] == "clarify"
    choices = out["choices"]
    assert isinstance(choices, list) and choices
    assert set(choices[0]) >= {"section", "title", "question"}
    assert "choices" not in assistant.ask("Cơ quan nào chủ trì nhiệm vụ 6đ?").to_json()


def test_a_reference_without_marks_says_its_other_reading(assistant: Assistant) -> None:
    ans = assistant.ask("so nao chu tri 6d")
    assert cited(ans) == ["III.6.d"] and "Sở Thông tin và Truyền thông" in ans.answer
    assert "III.6.đ" in ans.answer and [c.section for c in ans.choices] == ["III.6.đ"]
    other = assistant.ask(ans.choices[0].question)
    assert cited(other) == ["III.6.đ"] and "Sở Xây dựng" in other.answer
    en = assistant.ask("who leads task 6d?")
    assert "III.6.đ" in en.answer and "Note:" in en.answer


@pytest.mark.parametrize("question", ["so nao chu tri 6dd", "Cơ quan nào chủ trì nhiệm vụ 6d?", "ai chủ trì 6đ"])
def test_a_reference_typed_exactly_has_one_reading(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.choices
    assert "Lưu ý" not in ans.answer


def test_questions_that_name_a_task_are_not_asked_back(assistant: Assistant) -> None:
    for q in ("ai chủ trì việc giảm nghèo?", "who leads the housing task?", "nv 6g do ai chủ trì",
              "Sở Y tế phối hợp những nhiệm vụ nào?", "ai ký kế hoạch?"):
        assert assistant.ask(q).route != "clarify", q


def test_role_questions_read_back() -> None:
    assert role_question("III.6.đ", ["lead"], "vi") == "Cơ quan nào chủ trì nhiệm vụ III.6.đ?"
    assert "III.6.đ" in role_question("III.6.đ", ["lead", "timeline"], "en")


def test_user_turns_of_every_history_shape() -> None:
    history = ["a", ("b", "x"), {"role": "user", "content": "c"}, {"role": "assistant", "content": "y"},
               {"role": "user", "content": [{"type": "text", "text": "d"}]}]
    assert user_turns(history) == ["a", "b", "c", "d"]


def test_clarify_without_candidates_still_asks(assistant: Assistant) -> None:
    text, choices = clarify(assistant.query("who coordinates?"), ["coordinate"], [])
    assert text.endswith(".") and not choices


@pytest.mark.parametrize(("first", "then", "english"), [
    ("Chỉ tiêu BHYT năm 2030?", "còn năm 2025?", False),
    ("What is the 2030 target for health insurance coverage?", "and 2025?", True),
])
def test_a_year_alone_asks_the_last_question_of_that_year(first: str, then: str, english: bool,
                                                          assistant: Assistant) -> None:
    before, after = walk(assistant, first, then)
    assert before.route == after.route == "target"
    assert "2030" in before.answer and "2025" in after.answer and "2030" not in after.answer
    assert "bảo hiểm y tế" in after.answer and ("By 2025" in after.answer) == english
