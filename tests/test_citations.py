"""Units cited the way legal texts cite them, read into section ids (index/citations.py)."""

from __future__ import annotations

import pytest

from index.citations import cited


@pytest.mark.parametrize(("text", "ids"), [
    ("các nhiệm vụ tại điểm a khoản 2 và điểm c khoản 6 Mục III", [("III.2.a", "III.6.c")]),
    # points wait for the item after them; a bare item is the item
    ("khoản 1, điểm c khoản 2, điểm a và điểm c khoản 4, khoản 7 và khoản 8 Mục III",
     [("III.1", "III.2.c", "III.4.a", "III.4.c", "III.7", "III.8")]),
    ("các điểm a, b, đ khoản 6 mục III", [("III.6.a", "III.6.b", "III.6.đ")]),  # đ is not d
    ("khoản 1, 2 và 3 Mục II", [("II.1", "II.2", "II.3")]),
    ("tại tiểu mục 3.2.2", [("3.2.2",)]),
    # two citations in one clause, each closed by its part
    ("điểm a khoản 4 Mục III, hoàn thành trước ngày 31/10/2026, và điểm b khoản 4 Mục III",
     [("III.4.a",), ("III.4.b",)]),
    ("Sở Y tế chủ trì tổ chức khám sức khỏe", []),
])
def test_cited_units(text: str, ids: list[tuple[str, ...]]) -> None:
    assert [c.ids for c in cited(text)] == ids


def test_offsets_are_the_texts_own() -> None:
    text = "Chủ trì thực hiện nhiệm vụ tại điểm đ khoản 6 Mục III, hoàn thành trước ngày 30/6/2026."
    (c,) = cited(text)
    assert text[c.start : c.end] == "điểm đ khoản 6 Mục III" and c.ids == ("III.6.đ",)
