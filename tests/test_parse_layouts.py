"""The plan model on plans laid out unlike plan 65 (tests/data/plans, written by other hands):
duties listed agency by agency, an appendix task table, a decision issuing a plan with 1.1-style
tasks whose roles are in the sentence, roles in brackets after hard-wrapped points."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.targets import extract_targets
from index.parse import Plan, parse_plan
from index.timeline import find_timeline, kinds, parse_timeline

PLANS = Path(__file__).resolve().parent / "data" / "plans"


def load(name: str) -> Plan:
    path = next(PLANS.glob(f"{name}.*"))
    return parse_plan(path.read_text(encoding="utf-8"), path.name)


@pytest.fixture(scope="module", params=sorted(p.stem for p in PLANS.iterdir()))
def any_plan(request: pytest.FixtureRequest) -> Plan:
    return load(request.param)


def test_offsets_are_truth(any_plan: Plan) -> None:
    ids = [s.id for s in any_plan.sections]
    assert len(ids) == len(set(ids))
    for s in any_plan.sections:
        assert 0 <= s.start < s.end <= len(any_plan.text)
        assert any_plan.text[s.start : s.end].strip() == any_plan.text[s.start : s.end]
    for t in any_plan.work():
        assert t.lead and all(a.strip() for a in t.lead)
        assert any_plan.section(t.id) is not None


def test_every_plan_has_header_facts_and_work(any_plan: Plan) -> None:
    assert any_plan.number and any_plan.date and any_plan.issuer and any_plan.signer
    assert any_plan.proposer and any_plan.legal_bases
    assert any_plan.work()
    assert any(s.role == "tasks" for s in any_plan.sections)


def test_decision_with_articles_and_inline_roles() -> None:
    p = load("qd-donghai-nguoicaotuoi")
    assert (p.doc_type, p.number, p.date) == ("Quyết định", "1847/QĐ-UBND", "2025-08-18")
    assert {"dieu.1", "dieu.2", "dieu.3", "II.1.2", "II.5.3", "recipients", "signature"} <= {s.id for s in p.sections}
    t = p.task("II.1.2")
    assert t is not None and t.lead == ("Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế") and t.origin == "inline"
    # "Sở Nội vụ phối hợp với Hội Người cao tuổi tỉnh hướng dẫn …": the subject leads.
    t = p.task("II.4.1")
    assert t is not None and t.lead == ("Sở Nội vụ",) and t.coordinate == ("Hội Người cao tuổi tỉnh",)
    t = p.task("II.3.2")  # "Giao Bảo hiểm xã hội tỉnh chủ trì …, hoàn thành trong Quý IV/2025"
    assert t is not None and t.lead == ("Bảo hiểm xã hội tỉnh",) and t.when.kind == "quarter"


def test_appendix_table_rows_restart_per_group() -> None:
    p = load("kh-hason-cds")
    rows = [s.id for s in p.sections if s.kind == "row"]
    assert rows[:2] == ["appendix.I.1", "appendix.I.2"] and "appendix.IV.5" in rows and len(rows) == 19
    t = p.task("appendix.I.2")
    assert t is not None and t.lead == ("Sở Lao động - Thương binh và Xã hội", "Sở Tài chính")
    assert t.product == "Nghị quyết của HĐND tỉnh" and t.origin == "table"
    # The implementation part's items are duties, kept apart from the task table.
    assert {d.id for d in p.duties} >= {"V.1", "V.2"} and all(t.id.startswith("appendix.") for t in p.tasks)


def test_duties_agency_by_agency_are_the_work_when_no_task_has_roles() -> None:
    p = load("kh-longgiang-dulich")
    assert not p.tasks
    leads = {d.id: d.lead for d in p.duties}
    assert leads["V.3"] == ("Sở Nông nghiệp và Môi trường",) and leads["V.8"] == ("UBND các xã, phường",)
    assert p.work() == p.duties


def test_bracket_roles_on_hard_wrapped_points() -> None:
    p = load("kh-phulam-nuocsach")
    t = p.task("III.2.b")  # "(Sở A chủ trì, Sở B đồng chủ trì; …)"
    assert t is not None and t.lead == ("Sở Nông nghiệp và Môi trường", "Sở Tài chính")
    t = p.task("III.1.b")  # "(Chủ trì: Sở Y tế; phối hợp: …; thời gian: …)" wrapped over lines
    assert t is not None and t.lead == ("Sở Y tế",) and "Sở Giáo dục và Đào tạo" in t.coordinate
    assert p.task("III.2.đ") is not None and p.task("III.2.d") is not None
    assert {s.id for s in p.sections if s.role == "targets"} >= {"II"}


def test_parts_numbered_in_words_and_labelled_tasks_with_roles_on_one_line() -> None:
    """"Phần thứ ba" is part III, "Nhiệm vụ 3." its item 3, and "Đơn vị thực hiện: …; đơn vị phối hợp: …;
    hoàn thành: …" gives each role its own value (a plan written by a helper after a code freeze)."""
    p = load("kh-tan-linh-tro-giup-nguoi-khuyet-tat")
    assert [(s.id, s.role) for s in p.sections if s.kind == "part"] == [
        ("I", "purpose"), ("II", "targets"), ("III", "tasks"), ("IV", "funding"), ("V", "implementation")]
    assert [t.id for t in p.tasks] == [f"III.{n}" for n in range(1, 16)]
    t = p.task("III.3")
    assert t is not None and t.lead == ("Sở Y tế", "Công an tỉnh") and "UBND các xã, phường" in t.coordinate
    assert t.timeline == "trong năm 2027" and t.when.kind == "year"
    t = p.task("III.1")
    assert t is not None and t.timeline == "thường xuyên" and t.lead == ("Sở Văn hóa, Thể thao và Du lịch",)


@pytest.mark.parametrize(
    ("text", "kind", "first", "last"),
    [
        ("Thường xuyên", "ongoing", None, None),
        ("Hằng năm", "yearly", None, None),
        ("Năm 2024 và các năm tiếp theo", "range", 2024, None),
        ("Quý IV/2025", "quarter", 2025, 2025),
        ("2025 - 2026", "range", 2025, 2026),
        ("trước ngày 30/6/2025", "date", 2025, 2025),
        ("Tháng 6/2025", "month", 2025, 2025),
        ("năm 2027", "year", 2027, 2027),
    ],
)
def test_timelines_are_records(text: str, kind: str, first: int | None, last: int | None) -> None:
    t = parse_timeline(text)
    assert (t.kind, t.first, t.last, t.text) == (kind, first, last, text)


def test_labelled_indicators_under_an_item_are_its_sub_items_with_a_target_per_year() -> None:
    """"2. Các chỉ tiêu cụ thể" then "Chỉ tiêu 1:" … "Chỉ tiêu 9:" are II.2.1 … II.2.9, not items II.3 …;
    and "đạt 75% vào năm 2027 và 85% vào năm 2030" sets one figure for each year."""
    p = load("kh-tan-linh-tro-giup-nguoi-khuyet-tat")
    assert [s.id for s in p.sections if s.parent == "II.2"] == [f"II.2.{n}" for n in range(1, 10)]
    assert p.role("II.2.4") == "targets" and p.section("II.3") is None
    found = {(t.year, t.value) for t in extract_targets(p) if t.section == "II.2.4"}
    assert found == {(2027, "75%"), (2030, "85%")}


@pytest.mark.parametrize(
    ("sentence", "timeline"),
    [
        # the deadline, not the period the task is about
        ("Sở Tài chính bố trí vốn trong kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của tỉnh; hoàn thành "
         "trong năm 2026.", "năm 2026"),
        # two deadlines of one sentence
        ("Sở Giáo dục và Đào tạo tổ chức sơ kết giai đoạn 2025 - 2027 trong quý IV năm 2027 và tổng kết việc thực "
         "hiện Kế hoạch trong năm 2030.", "quý IV năm 2027; năm 2030"),
        ("Sở Xây dựng ban hành thiết kế mẫu; hoàn thành trong quý II năm 2026.", "quý II năm 2026"),
        ("Thời gian thực hiện: 2025 - 2026; Sở Y tế chủ trì.", "2025 - 2026"),
        ("Sở Y tế chủ trì thực hiện hằng năm.", "thực hiện hằng năm"),
        # the month of every year, said after it
        ("Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Ngày hội; thực hiện hằng năm vào tháng 10.",
         "thực hiện hằng năm vào tháng 10"),
        # the months of every year, a range said after it or before it
        ("Sở Giáo dục và Đào tạo tổ chức các lớp dạy bơi an toàn; thực hiện hằng năm từ tháng 5 đến tháng 8.",
         "thực hiện hằng năm từ tháng 5 đến tháng 8"),
        ("Tỉnh Đoàn tổ chức trại hè; thực hiện từ tháng 6 đến hết tháng 8 hằng năm.",
         "thực hiện từ tháng 6 đến hết tháng 8 hằng năm"),
    ],
)
def test_a_sentence_gives_its_deadline(sentence: str, timeline: str) -> None:
    found = find_timeline(sentence)
    assert found is not None and found[0] == timeline
    assert sentence[found[1]:found[2]].startswith(timeline.split(";")[0])


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Rà soát chính sách …; đưa chuyên mục việc làm vào vận hành hoàn thành trong quý II/2027.", "quý II/2027"),
        ("Lắp đặt biển cảnh báo tại các điểm nguy hiểm trước ngày 30/9/2026.", "trước ngày 30/9/2026"),
        # a period or a year the text is about is no deadline of the unit
        ("Triển khai kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của tỉnh.", None),
        ("Tổng kết kết quả thực hiện năm 2025 và đề ra giải pháp.", None),
    ],
)
def test_a_units_own_text_gives_the_deadline_a_completion_word_introduces(text: str, deadline: str | None) -> None:
    from index.timeline import completion

    found = completion(text)
    assert (found[0] if found else None) == deadline
    if found:
        assert text[found[1] : found[2]] == deadline


def test_a_timeline_of_several_parts_has_each_parts_kind() -> None:
    assert kinds("thường xuyên; việc nâng cấp Trung tâm hoàn thành trước ngày 31/12/2027") == {"ongoing", "date"}
    assert kinds("Quý IV/2025") == {"quarter"}


def test_parts_lettered_a_to_dd_with_roman_sections() -> None:
    """"A. MỤC ĐÍCH, YÊU CẦU" … "Đ. TỔ CHỨC THỰC HIỆN": letters are the parts (D and Đ two of them), a roman
    numeral under one numbers its section ("C.II"), and a task that first says what it is, then "Giao Sở …
    chủ trì, phối hợp với …", is led by that body."""
    path = PLANS.parent / "plan-lettered-parts.txt"
    p = parse_plan(path.read_text(encoding="utf-8"), path.name)
    parts = [(s.id, s.role) for s in p.sections if s.kind == "part" and s.parent is None]
    assert parts == [("A", "purpose"), ("B", "objectives"), ("C", "tasks"), ("D", "funding"), ("Đ", "implementation")]
    assert p.section("C.II") is not None and p.section("C.II").parent == "C"
    t = p.task("C.II.1")
    assert t is not None and t.lead == ("Sở Giáo dục và Đào tạo",) and t.coordinate == ("Sở Văn hóa, Thể thao và Du lịch",)
    assert t.timeline == "trước ngày 30/6/2027"  # a deadline keeps its "trước"
    assert {(x.section, x.year, x.value) for x in extract_targets(p)} == {("B.II.1", 2027, "60%"), ("B.II.2", 2028, "90%")}


def test_a_word_table_whose_group_rows_are_merged_cells() -> None:
    """A Word appendix table whose group rows ("I. Công tác phòng ngừa") are one cell merged across the row
    and whose numbering restarts in each group: rows are appendix.I.1 … appendix.III.6, each id once, each
    with its own lead and deadline (a plan written by a helper after a code freeze, as a real .docx)."""
    from index.ingest import read_document

    doc = read_document(PLANS.parent / "received" / "qd-hoa-binh-nam-phong-chong-thien-tai.docx")
    p = parse_plan(doc.text, "qd-hoa-binh-nam-phong-chong-thien-tai.docx")
    ids = [s.id for s in p.sections]
    assert len(ids) == len(set(ids))
    assert [s.id for s in p.sections if s.kind == "group"] == ["appendix.I", "appendix.II", "appendix.III"]
    rows = [t.id for t in p.tasks if t.origin == "table"]
    assert rows[0] == "appendix.I.1" and rows[-1] == "appendix.III.6" and len(rows) == 17
    t = p.task("appendix.I.3")
    assert t is not None and t.lead == ("Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ")
    assert t.timeline == "2026-2028" and t.when.kind == "range"


def test_parts_numbered_in_capitals_with_decimal_items_and_roles_in_brackets() -> None:
    """No roman numeral anywhere: parts "1. MỤC ĐÍCH, YÊU CẦU" … "5. TRÁCH NHIỆM THỰC HIỆN", items 3.1, 3.1.2, each
    task's roles in the bracket that closes it, as a sentence or as labels; three tasks whose lead only part 5
    names ("Chủ trì thực hiện nhiệm vụ tại tiểu mục 3.2.2"). A plan written by a helper after a code freeze."""
    p = load("kh-tay-giang-lao-dong-viec-lam")
    assert [s.id for s in p.sections if s.kind == "part"] == ["1", "2", "3", "4", "5"]
    assert {p.role("2"), p.role("3"), p.role("5.7")} == {"targets", "tasks", "implementation"}
    assert [t.id for t in p.tasks][:3] == ["3.1.1", "3.1.2", "3.1.3"] and len(p.tasks) == 15
    t = p.task("3.1.1")  # "(Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ, Công an tỉnh và UBND …)"
    assert t is not None and t.lead == ("Sở Nội vụ",) and "Công an tỉnh" in t.coordinate
    t = p.task("3.1.2")  # "(Cơ quan chủ trì: Trung tâm Dịch vụ việc làm tỉnh; cơ quan phối hợp: …; thời gian: …)"
    assert t is not None and t.lead == ("Trung tâm Dịch vụ việc làm tỉnh",) and t.timeline == "thường xuyên"
    t = p.task("3.2.2")  # "(phối hợp: …)" only; part 5 says who leads it
    assert t is not None and t.origin == "referred" and t.lead == ("Ngân hàng Chính sách xã hội chi nhánh tỉnh",)
    assert "Tỉnh đoàn" in t.coordinate and "Hội Liên hiệp Phụ nữ tỉnh" in t.coordinate
    assert {(x.section, x.year) for x in extract_targets(p)} >= {("2.1", 2026), ("2.2", 2027)}


def test_labelled_task_blocks_and_an_indicator_table_by_year() -> None:
    """A Word file: parts "PHẦN I." … in bold paragraphs, tasks "Nhiệm vụ 1.1: …" each followed by labelled lines
    in varying order, and an indicator table whose columns are years: one target per row and year, the unit
    and the bound ("(tối thiểu)") kept. A plan written by a helper after a code freeze."""
    from index.ingest import read_document

    doc = read_document(PLANS.parent / "received" / "kh-dong-son-an-toan-thuc-pham.docx")
    p = parse_plan(doc.text, "kh-dong-son-an-toan-thuc-pham.docx")
    assert [t.id for t in p.tasks][:2] == ["III.1.1", "III.1.2"] and len(p.tasks) == 15
    assert p.role("III.1.1") == "tasks"  # its title says "phân công", it is still a task
    t = p.task("III.2.2")
    assert t is not None and t.lead == ("Sở Công Thương",) and t.timeline == "Trước ngày 30/6/2027"
    found = {(x.year, x.value, x.comparator) for x in extract_targets(p) if "mẫu thực phẩm" in x.indicator}
    assert found == {(2026, "92%", "tối thiểu"), (2027, "93,5%", "tối thiểu"), (2028, "95%", "tối thiểu")}


def test_a_task_table_inside_a_part_and_a_signer_above_the_recipients() -> None:
    """Markdown: every task in one pipe table inside part III, numbering restarting in each group row: rows are
    III.I.1 … (no appendix); the signer block stands above "Nơi nhận". A plan written after a code freeze."""
    p = load("kh-bac-son-phong-chong-ma-tuy")
    rows = [t.id for t in p.tasks]
    assert rows[0] == "III.I.1" and "III.II.3" in rows and all(r.startswith("III.") for r in rows)
    assert p.signer == "Nông Đức Hiếu" and "PHÓ CHỦ TỊCH" in p.signer_title


def test_roles_said_once_for_a_group_of_points() -> None:
    """Hard-wrapped text: "a) … b) … c) … d)" then "Cơ quan chủ trì: …; cơ quan phối hợp: …; thời gian thực
    hiện: …" once for the group; a point's own "(Sở Nội vụ chủ trì)" names its lead and keeps the group's
    timeline. A plan written after a code freeze."""
    p = load("kh-nam-thanh-nong-thon-moi")
    a, c, d = p.task("III.1.a"), p.task("III.1.c"), p.task("III.1.d")
    assert a is not None and c is not None and d is not None
    assert a.lead[0].startswith("Sở Nông nghiệp và Môi trường") and a.lead == d.lead and a.timeline == d.timeline
    assert c.lead == ("Sở Nội vụ",) and c.timeline == d.timeline
    last = p.task("III.3.c")  # the group's last point, with its own bracket too
    assert last is not None and last.lead == ("Sở Nông nghiệp và Môi trường",)


def _received(name: str) -> Plan:
    from index.ingest import read_document

    doc = read_document(PLANS.parent / "received" / name)
    return parse_plan(doc.text, name)


def test_a_pdf_decision_whose_items_carry_their_parts_number_and_whose_roles_are_in_the_sentence() -> None:
    """A PDF with a running header and "Trang N/M" on every page; the attached plan numbers its items with its
    part's number ("2.1." in part II, "3.4.1." in part III), each task's roles in its sentences, a lead named
    after its partners, and a title on its own line before the sentence. A plan written after a code freeze."""
    from index.ingest import read_document

    text = read_document(PLANS.parent / "received" / "qd-thanh-son-pccc.pdf").text
    assert "Trang 2/5" not in text and text.count("cứu hộ năm 2026\n") <= 1  # the running lines are gone
    p = _received("qd-thanh-son-pccc.pdf")
    ids = {s.id for s in p.sections}
    assert {"II.2.1", "II.2.6", "III.3.1", "III.3.4.1", "III.3.14"} <= ids
    after = p.task("III.3.1.2")  # "… với sự phối hợp của Đoàn Thanh niên tỉnh, Sở Giáo dục và Đào tạo chủ trì …"
    assert after is not None and after.lead == ("Sở Giáo dục và Đào tạo",) and after.coordinate == ("Đoàn Thanh niên tỉnh",)
    titled = p.task("III.3.2")  # "3.2. Rà soát, phân loại …" then "Công an tỉnh chủ trì, phối hợp với …"
    assert titled is not None and titled.lead == ("Công an tỉnh",) and titled.timeline == "trước ngày 31/3/2026"
    # Part II is "MỤC TIÊU", no heading of targets: its items that state a figure are the targets, for the
    # plan's one year, and a day ("Đến ngày 30/10/2026") is no figure of them.
    found = {(x.section, x.year, x.value) for x in extract_targets(p)}
    assert {("II.2.1", 2026, "5%"), ("II.2.4", 2026, "120"), ("II.2.6", 2026, "60")} <= found
    assert not any(x.value == "30" for x in extract_targets(p))


def test_a_word_plan_with_lettered_parts_an_indicator_table_and_roles_only_in_the_appendix() -> None:
    """Parts A … Đ; the targets in a Word table with a baseline column ("Năm 2025 (cơ sở)"): each row is a unit
    ("B.9") and each year's target says the baseline beside it. A plan written after a code freeze."""
    p = _received("kh-an-phu-bao-ve-tre-em.docx")
    assert [s.id for s in p.sections if s.kind == "row" and s.role == "targets"][:2] == ["B.1", "B.2"]
    nine = [x for x in extract_targets(p) if x.section == "B.9"]
    assert {x.year for x in nine if not x.baseline} == {2026, 2027, 2028}
    # The base year's figure is the plan's too, said under its column's heading, never as a target.
    assert [x.baseline for x in nine if x.baseline] == ["Năm 2025 (cơ sở)"]
    assert all("Năm 2025 (cơ sở): 63,4%" in x.indicator for x in nine if not x.baseline)
    assert p.task("C.8") is None and p.task("appendix.IV.2") is not None  # roles only in the appendix


def test_a_table_pasted_from_word_into_a_text_file_has_its_cells_parted_by_tabs() -> None:
    """Rows of cells parted by tabs, one row a line, group rows restarting the numbering: the same task
    table as a pipe table would be (a line laid out with tabs alone, in a signature block, is none)."""
    text = ("KẾ HOẠCH\nPhát triển hợp tác xã năm 2026\nI. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển.\n"
            "II. NHIỆM VỤ VÀ GIẢI PHÁP\nCác nhiệm vụ cụ thể:\n"
            "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "I\tHoàn thiện cơ chế\t\t\t\n"
            "1\tRà soát chính sách hỗ trợ hợp tác xã\tSở Tài chính\tSở Nông nghiệp và Môi trường\tQuý II/2026\n"
            "2\tXây dựng đề án\tSở Công Thương; Liên minh Hợp tác xã tỉnh\t\tTrước 30/9/2026\n"
            "II\tTín dụng\t\t\t\n1\tCho vay ưu đãi\tNgân hàng Chính sách xã hội chi nhánh tỉnh\t\tThường xuyên\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính tham mưu bố trí kinh phí.\n"
            "Nơi nhận:\t\tKT. CHỦ TỊCH\n- Như trên;\t\tPHÓ CHỦ TỊCH\n")
    p = parse_plan(text, "kh-tab.txt")
    two = p.task("II.I.2")
    assert [t.id for t in p.tasks] == ["II.I.1", "II.I.2", "II.II.1"]
    assert two is not None and two.lead == ("Sở Công Thương", "Liên minh Hợp tác xã tỉnh") and not two.coordinate
    assert two.timeline == "Trước 30/9/2026"


def test_a_saved_web_page_whose_items_hold_bullets_each_with_its_own_roles() -> None:
    """A page saved from a legal-documents site: menus and sidebars dropped, the signer read from the table that
    sets it beside "Nơi nhận"; each item's dash bullets close with their own roles in a bracket, in several
    wordings ("… chủ trì, phối hợp …", "Chủ trì: …; phối hợp: …", "… thực hiện"): each bullet is a task of its
    item, and the item's roles are theirs together. A plan written after a code freeze."""
    p = _received("kh-dai-son-van-hoa-doc.html")
    assert p.signer == "Hoàng Văn Khải" and "PHÓ CHỦ TỊCH" in p.signer_title
    two = p.task("III.2")
    assert two is not None and len(two.bullets) == 4
    books = two.bullets[1]  # "Luân chuyển sách, báo … (Chủ trì: Thư viện tỉnh; phối hợp: UBND các xã, phường; …)"
    assert books.id == "III.2" and books.lead == ("Thư viện tỉnh",) and books.coordinate == ("UBND các xã, phường",)
    assert two.bullets[0].coordinate == ("Sở Nội vụ", "UBND các xã, phường")  # "phối hợp Sở Nội vụ, …", no "với"
    assert {"Sở Văn hóa, Thể thao và Du lịch", "Thư viện tỉnh", "UBND các xã, phường"} == set(two.lead)


def test_a_word_plan_numbered_by_word_with_its_signer_in_a_table_beside_the_recipients() -> None:
    """Items and points of parts II, III and V numbered by Word's own lists (no number in their text), the
    letterhead and the signer in borderless tables: the numbers are the ones Word draws, and the signer is read
    from the table cell beside "Nơi nhận". A plan written after a code freeze."""
    p = _received("kh-hai-phong-bao-luc-gia-dinh.docx")
    ids = {s.id for s in p.sections}
    assert {"II.2.a", "II.2.d", "III.3.b", "V.13"} <= ids
    assert p.signer == "Đỗ Thị Thanh Mai" and "PHÓ CHỦ TỊCH" in p.signer_title and p.recipients
    d = {(x.year, x.value) for x in extract_targets(p) if x.section == "II.2.d"}
    assert d == {(2027, "10%"), (2030, "25%")}


def test_a_reference_said_to_be_a_targets_is_read_in_the_targets_part() -> None:
    """"mục tiêu 2b" is point b of item 2 of the objectives part (II.2.b), "nv 2b" the task (III.2.b)."""
    from assistant.query import Ids, find_refs

    p = _received("kh-hai-phong-bao-luc-gia-dinh.docx")
    parts = [s for s in p.sections if s.kind == "part"]
    known = Ids((s.id for s in p.sections), (s.id for s in parts if s.role == "tasks"),
                (s.id for s in parts if s.role in {"objectives", "targets"}))
    assert [r.section for r in find_refs("muc tieu 2b nam 2027 bao nhieu %", known)] == ["II.2.b"]
    assert [r.section for r in find_refs("nv 2b ai chu tri", known)] == ["III.2.b"]


def test_tasks_assigned_by_their_numbers_in_the_implementation_part() -> None:
    """Part III's tasks 1.1 … 5.3 name nobody; part IV assigns them in mixed styles: "tại tiểu mục 2.2, 2.3
    Mục III; hoàn thành trước ngày 30/9/2026" (the time in the next clause), "nhiệm vụ 2.1 (thực hiện trong Quý
    II/2026)" (no part: the tasks part's), "…; nhiệm vụ 4.2 thực hiện trong Quý II/2026" (only when). A plan
    written by a helper after a code freeze."""
    p = load("kh-dong-thuy-giam-ngheo-da-chieu")
    assert len(p.tasks) == 15 and all(t.origin == "referred" for t in p.tasks)
    t = p.task("III.2.2")
    assert t is not None and t.lead == ("Sở Nội vụ",) and t.timeline == "trước ngày 30/9/2026"
    t = p.task("III.2.1")
    assert t is not None and t.lead == ("Sở Giáo dục và Đào tạo",) and t.timeline == "thực hiện trong Quý II/2026"
    assert "Sở Nội vụ" in t.coordinate  # "Phối hợp với Sở Giáo dục và Đào tạo thực hiện nhiệm vụ 2.1"
    t = p.task("III.4.2")
    assert t is not None and t.timeline == "thực hiện trong Quý II/2026"
    t = p.task("III.4.1")
    assert t is not None and len(t.lead) == 2  # "Cùng với Sở Văn hóa … chủ trì nội dung … tại tiểu mục 4.1"


def test_the_note_under_a_tables_last_row_is_read_with_it() -> None:
    """"Ghi chú: …" after an indicator table, before the next part, belongs to a unit (so a question can find it), and
    its number ("hoạt động 1.2") is no figure of the row."""
    p = _received("kh-khanh-lam-nhan-luc.docx")
    last = p.section("II.2.9")
    assert last is not None and "được tính từ ngày 01/01/2026" in p.text[last.start:last.end]
    p = _received("kh-syt-tay-nguyen-tiem-chung.docx")
    row = p.section("II.2.8")
    assert row is not None and "theo hoạt động 1.2 Mục III" in p.text[row.start:row.end]
    assert {(x.year, x.value) for x in extract_targets(p) if x.section == "II.2.8"} == {(2025, "96,3%"), (2026, "100%")}


def test_a_groups_lead_in_its_heading_holds_for_its_points() -> None:
    """"1. Nhóm giải pháp về … (UBND các xã, phường chủ trì)" over "a) … Phối hợp: … . Thời gian: …": each point is a
    task of the group's lead with its own partners and time; a point naming its own lead keeps it; the group is their
    heading, no task. An investment list's "Đơn vị chủ đầu tư" and "Năm thực hiện" are each row's lead and time."""
    p = _received("kh-tinh-ha-son-cham-soc-tre-mam-non.docx")
    tasks = {t.id: t for t in p.work()}
    assert "III.1" not in tasks
    assert tasks["III.1.a"].lead == ("UBND các xã, phường",)
    assert tasks["III.1.a"].coordinate == ("Sở Giáo dục và Đào tạo", "Sở Xây dựng") and tasks["III.1.a"].timeline == "quý III/2026"
    assert tasks["III.1.b"].lead == ("Sở Tài chính",) and "UBND các xã, phường" in tasks["III.1.b"].coordinate
    assert tasks["III.3.c"].lead == ("Sở Nội vụ",)  # a point that says no time is its group's task too
    assert tasks["appendix.3"].lead == ("Ban Quản lý dự án đầu tư xây dựng tỉnh",) and tasks["appendix.3"].timeline == "2027"


def test_a_plain_text_plan_with_tab_aligned_targets_and_assignment_lines() -> None:
    """Parts "1."–"5." with no Roman numerals; a target table typed with runs of tabs to line its columns up; "Phân
    công: A chủ trì; B, C phối hợp; …" lines, their partners named as written (a body the directory does not know
    too), not a "Phối hợp với …" that says what the work is; "Các lớp năm 2027 tổ chức …" names no lead."""
    path = PLANS.parent / "received" / "kh-so-ct-lam-giang-xuat-khau-nong-san.txt"
    p = parse_plan(path.read_text(encoding="utf-8"), path.name)
    tasks = {t.id: t for t in p.work()}
    assert tasks["4.2"].lead == ("Phòng Quản lý thương mại", "Trung tâm Xúc tiến thương mại")
    assert tasks["4.5"].coordinate == ("Phòng Quản lý thương mại", "Hiệp hội Doanh nghiệp tỉnh")
    assert tasks["4.7"].coordinate == ("Hải quan tỉnh",)
    figures = {(x.year, x.value) for x in extract_targets(p) if x.indicator.startswith("Kim ngạch")}
    assert figures == {(2026, "385"), (2027, "430")}


def test_a_pdf_tables_cells_merged_down_and_a_table_of_roles_by_task_number() -> None:
    """A ruled PDF table whose lead cell is merged down over three rows (drawn once, tall) gives it to each; a group
    row merged across is no task. A part IV table "Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn" whose first cell is a
    task's number gives its roles to task III.N of part III; the task it leaves out has none."""
    p = _received("kh-so-nnmt-tay-son-chong-sat-lo.pdf")
    tasks = {t.id: t for t in p.work()}
    assert [tasks[f"appendix.{n}"].lead for n in (1, 2, 3)] == [("Chi cục Thủy lợi",)] * 3
    assert tasks["appendix.11"].lead == ("UBND các xã, phường ven sông, ven biển",)
    p = _received("kh-xa-suoi-lanh-phat-trien-du-lich.docx")
    tasks = {t.id: t for t in p.work()}
    assert tasks["III.6"].lead == ("Phòng Kinh tế", "Hội Liên hiệp Phụ nữ xã") and tasks["III.6"].timeline == "Quý II/2026"
    assert "III.10" not in tasks and not any(t.startswith("IV.") for t in tasks)


def test_a_table_grouped_by_its_leads_and_roles_given_by_task_number_in_part_four() -> None:
    """A decision's appendix table with no lead column whose group rows name their lead ("I | SỞ NỘI VỤ CHỦ TRÌ"): each
    row is led by its group's body, written as the plan writes it elsewhere, its numbering restarting per group. A PDF
    whose part IV gives roles by task number: "chủ trì, phối hợp với Văn phòng Sở … thực hiện nhiệm vụ 3.2" leads 3.2;
    "hoàn thành trong học kỳ I" is a task's time; points under "Trong năm học 2026 - 2027, phấn đấu đạt các chỉ tiêu
    sau:" are that school year's targets. Points right under a part numbered "5." are its own units (freeze-25)."""
    p = _received("qd-ubnd-tinh-dong-nguyen-an-sinh-nguoi-lao-dong.docx")
    tasks = {t.id: t for t in p.work()}
    assert tasks["appendix.II.2"].lead == ("Bảo hiểm xã hội tỉnh",) and tasks["appendix.IV.3"].lead == ("Liên đoàn Lao động tỉnh",)
    assert tasks["appendix.I.2"].coordinate == ("Sở Giáo dục và Đào tạo", "Liên đoàn Lao động tỉnh")
    assert not any(t.startswith("IV.") for t in tasks)
    p = _received("kh-so-gddt-ngoc-linh-ky-nang-so-hoc-sinh.pdf")
    tasks = {t.id: t for t in p.work()}
    assert tasks["III.3.2"].lead == ("Sở Khoa học và Công nghệ",) and "Công an tỉnh" in tasks["III.3.2"].coordinate
    assert tasks["III.2.1"].timeline.startswith("học kỳ I")
    assert {(x.section, x.year, x.value) for x in extract_targets(p) if x.section == "II.2.b"} >= {("II.2.b", 2027, "85%")}
    p = _received("kh-so-ct-lam-giang-xuat-khau-nong-san.txt")
    assert p.section("5.d") is not None and p.section("5.d").title == "Văn phòng Sở"


_LAYOUT = """\
UBND PHƯỜNG AN LẠC                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 45/KH-UBND                          An Lạc, ngày 10 tháng 3 năm 2026
                               KẾ HOẠCH
        Bảo đảm an toàn thực phẩm trên địa bàn phường năm 2026
Căn cứ Luật An toàn thực phẩm năm 2010;
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm an toàn thực phẩm cho người dân.
II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
STT   Nội dung công việc                Đơn vị chủ trì          Đơn vị phối hợp         Thời gian
1     Rà soát, lập danh sách các cơ sở  Phòng Kinh tế, Hạ tầng  Trạm Y tế phường; Công  Tháng 4/2026
      sản xuất, kinh doanh thực phẩm    và Đô thị               an phường

                              Trang 2/3
\f
STT   Nội dung công việc                Đơn vị chủ trì          Đơn vị phối hợp         Thời gian
2     Kiểm tra liên ngành dịp Tết       Phòng Kinh tế, Hạ tầng  Đội Quản lý thị trường  Dịp Tết Nguyên
      Nguyên đán                        và Đô thị và Công an    số 3                    đán
                                        phường
III. TỔ CHỨC THỰC HIỆN
1. Phòng Kinh tế, Hạ tầng và Đô thị: tham mưu UBND phường.
"""


def test_a_table_drawn_with_spaces_as_a_pdfs_text_keeps_its_layout() -> None:
    """A task table whose columns are aligned by spaces (a PDF's text copied with its layout): each numbered line
    starts a row, the lines under it with the first column empty go on its cells, the page's footer and the heading
    repeated on the next page are skipped; the row's unit spans every line of it."""
    p = parse_plan(_LAYOUT, "kh-layout.txt")
    tasks = {t.id: t for t in p.work()}
    assert tasks["II.1"].lead == ("Phòng Kinh tế, Hạ tầng và Đô thị",)
    assert tasks["II.1"].coordinate == ("Trạm Y tế phường", "Công an phường") and tasks["II.1"].timeline == "Tháng 4/2026"
    assert tasks["II.2"].lead == ("Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường")
    assert tasks["II.2"].timeline == "Dịp Tết Nguyên đán"
    assert p.body("II.2").rstrip().endswith("phường") and "Trang 2/3" not in p.body("II.2")


def test_a_pdfs_text_with_its_layout_and_a_table_of_each_communes_figures() -> None:
    """Mỹ Thạnh: a PDF's text copied with its layout (lines wrapped at 80, "Trang 2/5" footers, a table of spaces whose
    heading is set centred over its columns, the signer beside "Nơi nhận"). Hòa An: bracketed roles whose "thực hiện:"
    says a time, and Phụ lục I setting each commune's figures, read per place (freeze-26)."""
    p = _received("kh-phuong-my-thanh-an-toan-thuc-pham.txt")
    tasks = {t.id: t for t in p.work()}
    assert len([t for t in tasks if t.startswith("III.")]) == 14
    assert tasks["III.12"].lead == ("Công an phường", "Đội Quản lý thị trường số 3")
    assert tasks["III.4"].coordinate == ("Phòng Văn hóa - Xã hội", "Hội Liên hiệp Phụ nữ phường")
    assert p.signer == "Trần Minh Khoa" and p.signer_title == "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    p = _received("kh-ubnd-tinh-hoa-an-giam-ngheo-2026.docx")
    tasks = {t.id: t for t in p.work()}
    assert "Quý II/2026" not in tasks["III.1"].lead and "Sở Nông nghiệp và Môi trường" in tasks["III.1"].lead
    assert p.section("appendix.4") is not None and p.section("appendix.4").title == "xã Tân Lộc"
    figures = {(x.place, x.value) for x in extract_targets(p) if x.section == "appendix.4"}
    assert ("xã Tân Lộc", "110") in figures


def test_a_decisions_plan_whose_parts_are_numbered_in_words_and_a_departments_table_in_its_own_order() -> None:
    """Sơn Nguyên: a PDF decision whose attached plan opens "Phần thứ nhất. MỤC ĐÍCH, YÊU CẦU" (numbered in words,
    with a stop), tasks "Nhiệm vụ N." followed by labelled lines, a target giving a second year in a clause of its
    own ("…; trong đó đến năm 2028 có 25 hợp tác xã"). Lâm Phong: a department's Word plan whose legal bases are a part
    of their own, its task table's columns in an unusual order ("STT | Đơn vị thực hiện | Nội dung nhiệm vụ | …"), its
    groups' titles beside their letters (freeze-27)."""
    p = _received("qd-ubnd-tinh-son-nguyen-nong-nghiep-huu-co.pdf")
    assert [s.id for s in p.sections if s.kind == "part"] == ["I", "II", "III", "IV", "V"]
    tasks = {t.id: t for t in p.work()}
    assert tasks["III.6"].lead == ("Sở Công Thương", "Sở Nông nghiệp và Môi trường")
    assert tasks["III.7"].coordinate == ("Các sở, ngành liên quan",) and tasks["III.9"].timeline == "Thường xuyên"
    assert ("II.2.2", 2028, "25") in {(x.section, x.year, x.value) for x in extract_targets(p)}
    p = _received("kh-so-yt-lam-phong-thuoc-la-2026.docx")
    assert p.title == "Phòng, chống tác hại của thuốc lá trên địa bàn tỉnh giai đoạn 2026 - 2030"
    assert len(p.legal_bases) == 3 and p.legal_bases[1].startswith("Nghị định số 77/2013/NĐ-CP")
    assert [(s.id, s.title) for s in p.sections if s.kind == "group"] == [
        ("IV.A", "TRUYỀN THÔNG, GIÁO DỤC"), ("IV.B", "THỰC THI PHÁP LUẬT"), ("IV.C", "HỖ TRỢ CAI NGHIỆN THUỐC LÁ")]
    tasks = {t.id: t for t in p.work()}
    assert tasks["IV.7"].lead == ("Thanh tra Sở",) and tasks["IV.3"].lead == ("Trung tâm Kiểm soát bệnh tật", "Tỉnh Đoàn Lam Phong")


def test_a_joint_plan_of_two_bodies_and_a_table_of_unnumbered_rows_under_month_headings() -> None:
    """Tân Châu: a joint plan (KẾ HOẠCH LIÊN TỊCH) whose contents each give a point to each party ("a) Sở Y tế: chủ trì …",
    "b) Hội Liên hiệp Phụ nữ tỉnh: phối hợp …"): one task per content, led by the party whose point leads; its two
    issuers side by side over their parent bodies, its two signers side by side in a table. Hòa Bình: a task table with no
    number column, its rows under month rows spanning it ("THÁNG 7/2026"): the month rows head groups and count as no
    row (freeze-29)."""
    p = _received("khlt-syt-hlhpn-tan-chau-dinh-duong.docx")
    tasks = {t.id: t for t in p.work()}
    assert tasks["III.3"].lead == ("Hội Liên hiệp Phụ nữ tỉnh",) and tasks["III.3"].coordinate == ("Sở Y tế",)
    assert tasks["III.5"].lead == ("Sở Y tế", "Hội Liên hiệp Phụ nữ tỉnh") and tasks["III.2"].timeline == "Tháng 6 hằng năm"
    assert p.doc_type == "Kế hoạch liên tịch" and p.issuer == "SỞ Y TẾ và HỘI LIÊN HIỆP PHỤ NỮ TỈNH"
    assert p.signer == "Hà Thị Minh Nguyệt; Đinh Quang Vũ" and p.signer_title.endswith("KT. GIÁM ĐỐC SỞ Y TẾ / PHÓ GIÁM ĐỐC")
    p = _received("kh-phuong-hoa-binh-he-thieu-nhi.pdf")
    rows = [s for s in p.sections if s.kind == "row"]
    assert len(rows) == 14 and [s.title for s in p.sections if s.kind == "group"] == [
        "THÁNG 6/2026", "THÁNG 7/2026", "THÁNG 8/2026", "CẢ DỊP HÈ"]
    assert {t.id: t for t in p.work()}["III.5"].lead == ("Đoàn Thanh niên phường", "Trường Tiểu học Hòa Bình")


def test_a_pdf_whose_text_runs_the_recipients_and_the_signer_together() -> None:
    """A PDF's last page holding a table is read line by line across both columns, spaced singly: "Nơi nhận: TM. ỦY
    BAN NHÂN DÂN", "- UBND tỉnh … (b/c); CHỦ TỊCH", the signer's name alone between two recipients. The capacity is
    read after each recipient's closing mark, the name from its line, and every recipient is kept."""
    p = _received("kh-xa-dong-tien-phong-chong-thien-tai.pdf")
    assert p.signer == "Phạm Quang Vinh" and p.signer_title == "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    assert p.recipients[0] == "UBND tỉnh Hà Nam Sơn (b/c)" and p.recipients[-2:] == ("Trưởng các thôn", "Lưu: VT, KT")
