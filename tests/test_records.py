"""Whole records for the tables and downloads: full titles, figures as numbers, years side by side."""

from __future__ import annotations

import pytest
from conftest import WEB, read

from index.parse import parse_plan
from webapp.records import full_title, number, target_lines
from webapp.tables import target_export, target_table, target_years, task_rows, whole_tasks


@pytest.mark.parametrize(("text", "value"), [
    ("1.000", 1000), ("2.875", 2875), ("99,5", 99.5), ("95%", 95), ("04", 4), ("13", 13), ("100%", 100),
    ("35-40%", None), ("2,5%", 2.5), ("1.000.000", 1_000_000), ("x", None), ("", None), ("1.00", None),
])
def test_figures_read_as_numbers(text: str, value: float | None) -> None:
    assert number(text) == value and type(number(text)) is type(value)


def test_shortened_titles_are_made_whole_from_the_plan() -> None:
    plan = parse_plan(read(WEB), WEB.name)
    short = [t for t in plan.tasks if t.title.endswith("…")]
    assert short  # the parser shortens long headings
    for task in short:
        whole = full_title(plan, task.id, task.title)
        assert not whole.endswith("…") and whole.startswith(task.title[:-1].rstrip())
        assert len(whole) > len(task.title)
    assert full_title(plan, "III.6.đ", "Về nhà ở") == "Về nhà ở"  # a whole title stays
    assert full_title(plan, "no.such", "Cut…") == "Cut…"


def _row(year: int, clause: str, value: str, unit: str = "%", comparator: str = "", doc: str = "a.txt",
         section: str = "II.2.a") -> dict[str, object]:
    return {"section": section, "year": year, "indicator": clause, "value": value, "comparator": comparator,
            "unit": unit, "start": 0, "end": len(clause), "doc": doc}


def test_a_targets_years_are_read_from_the_targets_and_joined() -> None:
    plan = parse_plan(read(WEB), WEB.name)
    rows = [
        _row(2026, "Tỷ lệ tham gia bảo hiểm y tế trên 95% dân số", "95%", comparator="trên"),
        _row(2026, "Xây dựng khoảng 1.000 căn nhà ở xã hội", "1.000", "căn", "khoảng"),
        _row(2031, "trên 97% dân số tham gia bảo hiểm y tế", "97%", comparator="trên", section="II.2.b"),
        _row(2031, "Xây dựng 5.000 căn nhà ở xã hội", "5.000", "căn", section="II.2.b"),
        _row(2031, "Tuổi thọ trung bình khoảng 75 tuổi", "75", "tuổi", "khoảng", section="II.2.b"),
        _row(2031, "Xây dựng 9 căn nhà ở xã hội", "9", "căn", doc="b.txt"),  # another plan: never joined
    ]
    lines = target_lines(rows, [plan])
    years = target_years(lines)
    assert years == [2026, 2031]
    head, table = target_table(lines, years, "en")
    assert head == ["Section", "Indicator", "2026", "2031"]
    assert ["II.2.a, II.2.b", rows[0]["indicator"], "trên 95%", "trên 97%"] in table
    assert [rows[1]["indicator"], "khoảng 1.000 căn", "5.000 căn"] in [r[1:] for r in table]
    assert len(lines) == 4 and sum(len(line.figures) for line in lines) == len(rows)
    ehead, erows = target_export(lines, years, "en")
    assert ehead == ["Section", "Indicator", "2026: comparator", "2026: value", "2026: unit", "2026: as worded",
                     "2031: comparator", "2031: value", "2031: unit", "2031: as worded"]
    housing = next(r for r in erows if r[1] == rows[1]["indicator"])
    assert housing[2:5] == ["khoảng", 1000, "căn"] and housing[6:9] == ["", 5000, "căn"]
    age = next(r for r in erows if "Tuổi thọ" in str(r[1]))
    assert age[2:6] == ["", "", "", ""] and age[6:9] == ["khoảng", 75, "tuổi"]


def test_plan_columns_when_several_plans_are_loaded() -> None:
    web = parse_plan(read(WEB), WEB.name)
    tasks = whole_tasks([{"id": "III.6.đ", "title": "Về nhà ở", "lead": "Sở Xây dựng", "coordinate": "",
                          "timeline": "2024", "doc": WEB.name}], [web])
    assert task_rows(tasks, with_plan=True) == [["III.6.đ", "Về nhà ở", "Sở Xây dựng", "", "2024", web.number]]
    lines = target_lines([_row(2030, "Tỷ lệ bảo hiểm y tế 95%", "95%", doc=WEB.name)], [web])
    head, table = target_table(lines, [2030], "vi", with_plan=True)
    assert head == ["Mục", "Chỉ tiêu", "Kế hoạch", "2030"] and table[0][2] == web.number
