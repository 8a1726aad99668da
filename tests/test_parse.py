"""Parsing plans into sections, tasks and header facts, from either rendering."""

from __future__ import annotations

import json
import re
from itertools import pairwise

import pytest
from conftest import DATA, DEMO, read

from index.normalize import strip_markdown
from index.parse import ROMAN, Plan, PlanError, Task, parse_plan, split_agencies


def task_rows(tasks: tuple[Task, ...]) -> list[dict[str, object]]:
    return [
        {"id": t.id, "lead": list(t.lead), "coordinate": list(t.coordinate), "timeline": t.timeline}
        for t in tasks
    ]


def outline(plan: Plan) -> tuple[object, ...]:
    """What a plan says, without offsets: the same for any layout of the same text."""
    return (
        [(s.id, s.kind, s.title, s.parent, s.has_body) for s in plan.sections],
        [(t.id, t.title, t.lead, t.coordinate, t.timeline) for t in plan.tasks],
        plan.number,
        plan.date,
        plan.recipients,
        plan.signer,
    )


@pytest.fixture(params=["web", "pdf"])
def plan65(request: pytest.FixtureRequest) -> Plan:
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["web", "pdf", "demo"])
def any_plan(request: pytest.FixtureRequest) -> Plan:
    return request.getfixturevalue(request.param)


# -- plan 65, both renderings ---------------------------------------------------


def test_both_renderings_have_the_same_sections_and_tasks(web: Plan, pdf: Plan) -> None:
    assert [s.id for s in web.sections] == [s.id for s in pdf.sections]
    assert [(s.id, s.title, s.kind, s.parent, s.has_body) for s in web.sections] == [
        (s.id, s.title, s.kind, s.parent, s.has_body) for s in pdf.sections
    ]
    assert task_rows(web.tasks) == task_rows(pdf.tasks)


def test_section_ids_of_plan_65(plan65: Plan) -> None:
    ids = [s.id for s in plan65.sections]
    assert ids[:4] == ["header", "I", "I.1", "I.2"]
    assert ids[-6:] == ["IV.1", "IV.2", "IV.3", "IV.4", "recipients", "signature"]
    assert [i for i in ids if i.startswith("III.6.")] == [
        "III.6.a", "III.6.b", "III.6.c", "III.6.d", "III.6.đ", "III.6.e",
    ]
    assert len(ids) == 48


def test_task_table_of_plan_65(plan65: Plan) -> None:
    expected = json.loads((DATA / "plan65_tasks.json").read_text(encoding="utf-8"))
    assert len(expected) == 24
    assert task_rows(plan65.tasks) == expected


def test_header_facts_of_plan_65(plan65: Plan) -> None:
    assert plan65.number == "65/KH-UBND"
    assert plan65.date == "2024-03-20"
    assert plan65.place == "Quảng Ngãi"
    assert "Nghị quyết số 42-NQ/TW ngày 24/11/2023" in plan65.legal_bases
    assert set(plan65.legal_bases) == {
        "Nghị quyết số 42-NQ/TW ngày 24/11/2023",
        "Chương trình hành động số 43-CTr/TU ngày 22/01/2024",
        "Tờ trình số 28/TTr-UBND ngày 14/3/2024",
    }
    assert len(plan65.recipients) == 13
    assert plan65.recipients[0] == "Bộ Lao động - TB&XH (b/cáo)"
    assert "Các Sở, ban ngành tỉnh" in plan65.recipients
    assert plan65.signer == "Trần Hoàng Tuấn"


def test_letterhead_of_the_web_rendering(web: Plan) -> None:
    assert web.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    assert "PHÓ CHỦ TỊCH" in web.signer_title
    assert web.title.startswith("VỀ VIỆC TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 43-CTR/TU")


@pytest.mark.parametrize(
    ("sid", "title"),
    [
        ("III.6.a", "Về giáo dục"),
        ("III.6.b", "Về y tế"),
        ("III.6.c", "Về phát triển văn hóa"),
        ("III.6.d", "Về thông tin"),
        ("III.6.đ", "Về nhà ở"),
        ("III.6.e", "Về nước sạch, vệ sinh môi trường"),
        ("I.1", "Mục đích"),
        ("II.2.c", "Tầm nhìn đến năm 2045"),
        ("III", "NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN"),
        ("IV.2", "Kinh phí thực hiện"),
    ],
)
def test_section_titles(plan65: Plan, sid: str, title: str) -> None:
    section = plan65.section(sid)
    assert section is not None
    assert section.title == title


def test_path_and_body(plan65: Plan) -> None:
    assert [s.id for s in plan65.path("III.6.đ")] == ["III", "III.6", "III.6.đ"]
    assert "Sở Xây dựng" in plan65.body("III.6.đ")
    assert plan65.body("no-such-id") == ""
    assert plan65.section("III.6.f") is None


# -- the demo plan ----------------------------------------------------------------


def test_demo_plan_matches_its_expected_parse(demo: Plan) -> None:
    expected = json.loads((DATA / "plan-demo.expected.json").read_text(encoding="utf-8"))
    assert [s.id for s in demo.sections if s.has_body] == expected["sections"]
    assert task_rows(demo.tasks) == expected["tasks"]
    assert (demo.number, demo.date, demo.signer) == (expected["number"], expected["date"], expected["signer"])


# -- spans ------------------------------------------------------------------------


def test_section_spans_are_inside_the_text_and_in_order(any_plan: Plan) -> None:
    previous_end = 0
    for s in any_plan.sections:
        assert 0 <= s.start < s.end <= len(any_plan.text), s.id
        assert s.start >= previous_end, f"{s.id} overlaps the section before it"
        previous_end = s.end


def test_sibling_spans_do_not_overlap(any_plan: Plan) -> None:
    by_parent: dict[str | None, list[tuple[int, int]]] = {}
    for s in any_plan.sections:
        by_parent.setdefault(s.parent, []).append((s.start, s.end))
    for parent, spans in by_parent.items():
        spans.sort()
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, parent


def test_section_spans_start_at_their_heading(any_plan: Plan) -> None:
    for s in any_plan.sections:
        first_line = strip_markdown(any_plan.text[s.start : s.end].splitlines()[0]).lstrip("-* ")
        label = s.id.rsplit(".", 1)[-1]
        if s.kind == "part":
            assert first_line.startswith(f"{label}. "), s.id
        elif s.kind == "item":
            assert first_line.startswith(f"{label}. "), s.id
        elif s.kind == "point":
            assert first_line.startswith(f"{label}) "), s.id
        elif s.kind == "recipients":
            assert first_line.startswith("Nơi nhận"), s.id


def test_parents_exist_and_come_first(any_plan: Plan) -> None:
    seen: set[str] = set()
    for s in any_plan.sections:
        if s.parent is not None:
            assert s.parent in seen, s.id
            assert s.id.startswith(s.parent + "."), s.id
        seen.add(s.id)
    assert {s.id.split(".")[0] for s in any_plan.sections if s.kind == "part"} <= set(ROMAN)


def test_task_spans_point_at_their_role_lines(any_plan: Plan) -> None:
    assert any_plan.tasks
    for t in any_plan.tasks:
        section = any_plan.section(t.id)
        assert section is not None
        assert t.title == section.title
        lead, coordinate, timeline = (any_plan.text[a:b] for a, b in t.spans)
        assert "chủ trì" in lead, t.id
        assert "phối hợp" in coordinate, t.id
        assert "Thời gian thực hiện" in timeline, t.id
        for a, b in t.spans:
            assert section.start <= a < b <= section.end, t.id


def test_a_wrapped_role_line_keeps_its_continuation(demo: Plan) -> None:
    # III.3 of the demo: the coordinate list runs over three lines.
    task = demo.task("III.3")
    assert task is not None
    a, b = task.spans[1]
    assert demo.text[a:b].count("\n") == 2
    assert task.coordinate[-1] == "UBND các huyện, thị xã, thành phố"


# -- agencies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sở Lao động- Thương binh và Xã hội; Sở Nội vụ.", ("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ")),
        (
            "Các sở, ban ngành tỉnh; Đài Phát thanh – Truyền hình tỉnh, Báo Quảng Ngãi; "
            "UBND các huyện, thị xã, thành phố.",
            ("Các sở, ban ngành tỉnh", "Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Ngãi",
             "UBND các huyện, thị xã, thành phố"),
        ),
        (
            "Sở Lao động - Thương binh và Xã hội, Sở Nông nghiệp và Phát triển nông thôn, Ban Dân tộc tỉnh.",
            ("Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh"),
        ),
        (
            "Sở Nông nghiệp và Phát triển nông thôn và Sở Tài nguyên và Môi trường.",
            ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"),
        ),
        # Commas inside one name do not split it.
        ("Sở Văn hoá, Thể thao và Du lịch.", ("Sở Văn hóa, Thể thao và Du lịch",)),
        ("UBND các huyện, thị xã, thành phố", ("UBND các huyện, thị xã, thành phố",)),
        ("Các Sở, Ban ngành tỉnh", ("Các sở, ban ngành tỉnh",)),
        ("", ()),
    ],
)
def test_split_agencies(value: str, expected: tuple[str, ...]) -> None:
    assert split_agencies(value) == expected


# -- what is not a plan, and what drives the parser ----------------------------------

PROSE = (
    "Sáng nay trời mưa nhẹ. Chúng tôi đi bộ quanh hồ, ghé quán cà phê quen và bàn về\n"
    "chuyến đi Quảng Ngãi vào tháng sau. Ai cũng mong thời tiết sẽ khá hơn.\n"
)
README = """# plan-assistant

Question answering over a provincial plan.

## Install

1. Create a virtualenv.
2. Run `make install`.

## Test

Run `make test`.
"""


@pytest.mark.parametrize("text", ["", "  \n\t\n", PROSE, README], ids=["empty", "blank", "prose", "readme"])
def test_not_a_plan_raises_plan_error_naming_the_source(text: str) -> None:
    with pytest.raises(PlanError, match=r"^notes\.txt: "):
        parse_plan(text, "notes.txt")


def test_a_readme_with_roman_headings_is_not_a_plan() -> None:
    readme = "# Guide\n\nI. Overview\nThis tool answers questions.\n1. Setup\nRun make.\nII. Usage\nAsk.\n"
    with pytest.raises(PlanError):
        parse_plan(readme, "GUIDE.md")


def _with_marks(text: str, part: str, item: str, point: str) -> str:
    """The same plan with Markdown heading marks put before part, item and point lines."""
    out = []
    for line in text.splitlines():
        if re.match(r"(I|II|III|IV)\.\s", line):
            line = part + line
        elif re.match(r"\d{1,2}\.\s", line):
            line = item + line
        elif re.match(r"[a-zđ]\)\s", line):
            line = point + line
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    "marks",
    [("# ", "## ", "### "), ("", "# ", ""), ("## ", "## ", "## "), ("### ", "# ", "#### "), ("", "", "## ")],
    ids=["nested", "items-only", "flat", "inverted", "points-only"],
)
def test_heading_marks_do_not_change_the_parse(demo: Plan, marks: tuple[str, str, str]) -> None:
    marked = parse_plan(_with_marks(read(DEMO), *marks), DEMO.name)
    assert outline(marked) == outline(demo)


@pytest.mark.parametrize(
    "stray",
    ["## 7. Ghi chú về số liệu", "# V. Phụ lục", "### c) Chỉ tiêu khác", "3. Năm 2026 hoàn thành"],
)
def test_out_of_order_numbers_are_body_text_even_with_heading_marks(demo: Plan, stray: str) -> None:
    anchor = "1. Mục tiêu tổng quát\n"
    text = read(DEMO)
    assert anchor in text
    changed = parse_plan(text.replace(anchor, anchor + stray + "\n"), DEMO.name)
    assert [s.id for s in changed.sections] == [s.id for s in demo.sections]
    assert stray in changed.body("II.1")
