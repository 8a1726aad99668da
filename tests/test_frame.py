"""One reading of a question (assistant.frame): what it asks, of what, with which filters. Read from the
real parser's plan and its agency directory; no index, no embedder."""

from __future__ import annotations

import pytest
from _plan_index import CORPUS

from assistant.agencies import Directory
from assistant.frame import Frame, read
from assistant.query import parse_query
from index.parse import parse_plan


@pytest.fixture(scope="module")
def frame_of():  # type: ignore[no-untyped-def]
    f = CORPUS / "plan-65-web.txt"
    plan = parse_plan(f.read_text(encoding="utf-8"), f.name)
    directory, known = Directory((plan,)), {s.id for s in plan.sections}

    def frame(question: str) -> Frame:
        return read(parse_query(question, known), directory)

    return frame


def test_roles_asked_of_a_named_task(frame_of) -> None:  # type: ignore[no-untyped-def]
    f = frame_of("cơ quan nào chủ trì nhiệm vụ 6đ?")
    assert f.asked == ("lead",) and [r.section for r in f.q.refs] == ["III.6.đ"]
    assert not f.aggregate and not f.says and f.leads is None
    f = frame_of("so nao phoi hop 6d, tg?")
    assert set(f.asked) == {"coordinate", "timeline"} and f.q.style == "vi_nodiac"


@pytest.mark.parametrize(("question", "agency"), [
    ("Sở Y tế chủ trì những nhiệm vụ nào?", "Sở Y tế"),
    ("so gd-dt chu tri nhung nv gi", "Sở Giáo dục và Đào tạo"),
    ("Which tasks does the Department of Health lead?", "Sở Y tế"),
])
def test_an_agency_list_names_its_agency_in_any_style(frame_of, question: str, agency: str) -> None:  # type: ignore[no-untyped-def]
    f = frame_of(question)
    assert f.aggregate and "lead" in f.asked
    assert f.agencies and f.agencies[0].name == agency


@pytest.mark.parametrize(("question", "leads"), [
    ("những nhiệm vụ nào do hai cơ quan cùng chủ trì", 2),
    ("nhiệm vụ nào chỉ một sở chủ trì một mình", 1),
    ("which tasks have three or more lead agencies", 3),
    ("tasks led jointly by several departments", 2),
    ("Sở LĐTBXH chủ trì hoặc đồng chủ trì những nhiệm vụ nào", None),
])
def test_the_count_of_leads_asked(frame_of, question: str, leads: int | None) -> None:  # type: ignore[no-untyped-def]
    assert frame_of(question).leads == leads


@pytest.mark.parametrize(("question", "kind"), [
    ("những nhiệm vụ nào thực hiện thường xuyên", "ongoing"),
    ("liệt kê các nhiệm vụ thực hiện hằng năm", "yearly"),
    ("which tasks run in 2024 and the following years", "open"),
    ("những nhiệm vụ nào do Sở Y tế chủ trì", ""),
])
def test_a_kind_of_timeline_asked(frame_of, question: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert frame_of(question).timeline_kind == kind


def test_what_the_plan_says_is_no_role_question(frame_of) -> None:  # type: ignore[no-untyped-def]
    # "chủ trì" in the topic does not make it a question of who leads.
    f = frame_of("Kế hoạch có đề cập đến cơ chế phối hợp liên ngành không?")
    assert f.says and f.asked == ()
    # A section named makes it a question of that section, not of what the plan says anywhere.
    assert not frame_of("mục III.6.đ có đề cập đến nhà ở xã hội không").says


def test_filters_and_figures(frame_of) -> None:  # type: ignore[no-untyped-def]
    f = frame_of("những điểm nào của mục 4 không có Sở LĐTBXH chủ trì")
    assert f.negated and f.agencies
    assert frame_of("bao nhiêu hộ nghèo được hỗ trợ nhà ở").figure
    assert frame_of("what is the general objective of the plan").general
    assert frame_of("phần tổ chức thực hiện giao Sở Tài chính làm gì").implementation
    assert frame_of("những nhiệm vụ phải hoàn thành trong năm 2026").due
    assert frame_of("kế hoạch có bao nhiêu nhiệm vụ").all_tasks
    assert frame_of("mục 2").bare_refs or not frame_of("mục 2").q.refs
    assert not frame_of("nhiệm vụ 6đ").bare_refs
