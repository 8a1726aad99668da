"""Query understanding: section references, question style, intent, cleaning (real parser, no index)."""

from __future__ import annotations

import unicodedata

import pytest
from _plan_index import CORPUS

from assistant.glossary import corrected
from assistant.query import (
    Ids,
    clean_question,
    detect_intents,
    detect_style,
    find_refs,
    lead_count,
    parse_query,
    two_questions,
)
from index.normalize import tokens
from index.parse import parse_plan


@pytest.fixture(scope="module")
def known() -> set[str]:
    """The section ids of plan 65 as the parser finds them."""
    f = CORPUS / "plan-65-web.txt"
    plan = parse_plan(f.read_text(encoding="utf-8"), f.name)
    return {s.id for s in plan.sections}


def test_known_ids_cover_the_references_used_below(known: set[str]) -> None:
    assert {"III.6.đ", "III.6.d", "III.6.e", "II.2.a", "III.4.c", "III.3", "IV", "IV.4"} <= known


# -- references ---------------------------------------------------------------------------

REFS = [
    ("6đ", "III.6.đ"),
    ("6 đ", "III.6.đ"),
    ("6.đ", "III.6.đ"),
    ("III.6.đ", "III.6.đ"),
    ("III 6 đ", "III.6.đ"),
    ("nhiệm vụ 6đ", "III.6.đ"),
    ("mục 6 điểm đ", "III.6.đ"),
    ("mục 6 điểm dd", "III.6.đ"),
    ("điểm đ khoản 6 mục III", "III.6.đ"),
    ("task 6dd", "III.6.đ"),
    ("ai chu tri 6 dd", "III.6.đ"),
    ("Cơ quan nào chủ trì nhiệm vụ 6đ?", "III.6.đ"),
    ("which agency leads task 6đ?", "III.6.đ"),
    ("so nao chu tri 6d", "III.6.d"),
    ("task 6d", "III.6.d"),
    ("muc 6 diem d", "III.6.d"),
    ("điểm a khoản 2 mục II", "II.2.a"),
    ("Điểm a khoản 2 mục II", "II.2.a"),
    ("4c", "III.4.c"),
    ("4 c", "III.4.c"),
    ("4.c", "III.4.c"),
    ("III.4.c", "III.4.c"),
    ("muc 4 diem c", "III.4.c"),
    ("task 6 point e", "III.6.e"),
    ("part IV", "IV"),
    ("phần IV", "IV"),
    ("phan IV", "IV"),
    ("IV.4 nói gì", "IV.4"),
    ("nhiệm vụ 3", "III.3"),
    ("nhiệm vụ số 3", "III.3"),
    ("nhiem vu 3", "III.3"),
    ("task 7", "III.7"),
    ("mục II.2.a", "II.2.a"),
    ("mục III.6 điểm đ", "III.6.đ"),
    ("muc iii.6 diem dd", "III.6.đ"),
    ("phan iii.4.c", "III.4.c"),
    ("iii.6.dd ai chu tri", "III.6.đ"),  # a roman part in small letters, its number right after the dot
    ("iv.4 noi gi", "IV.4"),
    ("phan 4 muc 2 ai lap du toan", "IV.2"),  # a part by its arabic number, then its item
]


@pytest.mark.parametrize(("text", "section"), REFS)
def test_find_refs(text: str, section: str, known: set[str]) -> None:
    assert [r.section for r in find_refs(text, known)] == [section]


@pytest.mark.parametrize(("text", "section"), REFS)
def test_parse_query_carries_the_reference(text: str, section: str, known: set[str]) -> None:
    assert [r.section for r in parse_query(text, known).refs] == [section]


def test_6d_is_never_read_as_6dd(known: set[str]) -> None:
    for text in ("so nao chu tri 6d", "6d", "task 6d", "nhiem vu 6d", "6.d", "III.6.d"):
        sections = [r.section for r in parse_query(text, known).refs]
        assert "III.6.đ" not in sections, text
        assert sections == ["III.6.d"], text


def test_reference_keeps_the_words_that_named_it(known: set[str]) -> None:
    (ref,) = find_refs("ai chủ trì nhiệm vụ 6đ?", known)
    assert ref.text in "ai chủ trì nhiệm vụ 6đ?"
    assert "6" in ref.text and "đ" in ref.text


CAPITALISED_REFS = [
    pytest.param("Phần IV", "IV", id="Phần IV"),
    pytest.param("Part IV", "IV", id="Part IV"),
    pytest.param("Mục IV nói gì?", "IV", id="Mục IV"),
    pytest.param("6Đ", "III.6.đ", id="6Đ"),
    pytest.param("Nhiệm vụ 6Đ", "III.6.đ", id="Nhiệm vụ 6Đ"),
    pytest.param("task 6D", "III.6.d", id="task 6D"),
    pytest.param("III.6.Đ", "III.6.đ", id="III.6.Đ"),
]


@pytest.mark.parametrize(("text", "section"), CAPITALISED_REFS)
def test_capitalised_references(text: str, section: str, known: set[str]) -> None:
    assert [r.section for r in find_refs(text, known)] == [section]


def test_item_of_a_named_part(known: set[str]) -> None:
    assert [r.section for r in find_refs("khoản 2 mục II", known)] == ["II.2"]


NOT_REFS = [
    "năm 2025",
    "95%",
    "trên 10.000 dân",
    "trẻ em từ 3 đến 5 tuổi",
    "30/10",
    "trước ngày 30/10 hằng năm",
    "Tỷ lệ tham gia bảo hiểm y tế năm 2025 trên 95%?",
    "11 bác sĩ, 04 dược sĩ trên 10.000 dân",
    "tỷ lệ thất nghiệp khu vực thành thị dưới 2,5%",
    "đạt 35-40%",
    "Duy trì 13/13 đơn vị cấp huyện",
    "Quyết định số 19/QĐ-UBND ngày 12/01/2021",
    "phổ cập giáo dục mầm non cho trẻ em 5 tuổi",
]


@pytest.mark.parametrize("text", NOT_REFS)
def test_numbers_are_not_references(text: str, known: set[str]) -> None:
    assert find_refs(text, known) == ()
    assert parse_query(text, known).refs == ()


@pytest.mark.parametrize("text", ["ai chủ trì nhiệm vụ 9a?", "task 6g lead agency?", "muc II.2.d"])
def test_references_the_plan_lacks_resolve_to_nothing(text: str, known: set[str]) -> None:
    assert find_refs(text, known) == ()


# -- style ----------------------------------------------------------------------------------

STYLES = [
    ("Cơ quan nào chủ trì nhiệm vụ về nhà ở?", "vi"),
    ("Sở Y tế chủ trì những nhiệm vụ nào?", "vi"),
    ("Tỷ lệ tham gia bảo hiểm y tế năm 2025 là bao nhiêu?", "vi"),
    ("Ai ký kế hoạch này?", "vi"),
    ("so nao chu tri nhiem vu ve nha o", "vi_nodiac"),
    ("co quan nao phoi hop thuc hien nhiem vu ve y te", "vi_nodiac"),
    ("ty le tham gia bao hiem y te nam 2025", "vi_nodiac"),
    ("ai ky ke hoach nay", "vi_nodiac"),
    ("thoi gian thuc hien nhiem vu giam ngheo la khi nao", "vi_nodiac"),
    ("Who signed the plan?", "en"),
    ("Which tasks does the Department of Health lead?", "en"),
    ("What is the health insurance target for 2025?", "en"),
    ("When is the housing task carried out?", "en"),
    ("Who is in charge of clean water?", "en"),
]


@pytest.mark.parametrize(("text", "style"), STYLES)
def test_detect_style(text: str, style: str) -> None:
    assert detect_style(text) == style


STYLES_WITH_REFS = [
    ("which agency leads task 6đ?", "en"),
    ("Which agency leads task III.6.đ?", "en"),
    ("What is the timeline of task 4c?", "en"),
    ("so nao chu tri 6d", "vi_nodiac"),
    ("co quan nao phoi hop nhiem vu 6dd", "vi_nodiac"),
    ("Cơ quan nào chủ trì nhiệm vụ 6đ?", "vi"),
    ("thời gian thực hiện 4c", "vi"),
]


@pytest.mark.parametrize(("text", "style"), STYLES + STYLES_WITH_REFS)
def test_parse_query_style(text: str, style: str, known: set[str]) -> None:
    # The "đ" of a task reference must not make an English question Vietnamese.
    assert parse_query(text, known).style == style


# -- intent ---------------------------------------------------------------------------------

INTENTS = [
    ("Cơ quan nào chủ trì nhiệm vụ về nhà ở?", "lead"),
    ("so nao chu tri nhiem vu ve nha o", "lead"),
    ("Which agency leads the housing task?", "lead"),
    ("Who is responsible for clean water?", "lead"),
    ("Cơ quan nào phối hợp thực hiện nhiệm vụ 6đ?", "coordinate"),
    ("co quan nao phoi hop nhiem vu 6dd", "coordinate"),
    ("Which bodies coordinate task 6đ?", "coordinate"),
    ("Thời gian thực hiện nhiệm vụ 5b là khi nào?", "timeline"),
    ("thoi gian thuc hien nhiem vu 5b", "timeline"),
    ("What is the deadline for task 4c?", "timeline"),
    ("When is the housing task carried out?", "timeline"),
    ("Tỷ lệ tham gia bảo hiểm y tế năm 2025 là bao nhiêu?", "target"),
    ("ty le tham gia bao hiem y te nam 2025", "target"),
    ("What is the health insurance target for 2025?", "target"),
    ("How many social housing units by 2030?", "target"),
    ("Sở Y tế chủ trì những nhiệm vụ nào?", "aggregate"),
    ("so y te chu tri nhung nhiem vu nao", "aggregate"),
    ("Which tasks does the Department of Health lead?", "aggregate"),
    ("Liệt kê các nhiệm vụ thực hiện thường xuyên", "aggregate"),
    ("Ai ký kế hoạch này?", "meta"),
    ("ai ky ke hoach nay", "meta"),
    ("Who signed the plan?", "meta"),
    ("Kế hoạch số bao nhiêu?", "meta"),
    ("What is the plan number?", "meta"),
    ("noi nhan ke hoach gom nhung ai", "meta"),
    ("Who are the recipients of the plan?", "meta"),
]


@pytest.mark.parametrize(("text", "intent"), INTENTS)
def test_intent(text: str, intent: str, known: set[str]) -> None:
    q = parse_query(text, known)
    assert q.intent == intent, q.intents


@pytest.mark.parametrize("text", [
    "Kế hoạch nói gì về giáo dục hòa nhập?",
    "ke hoach noi gi ve gia hoa dan so",
    pytest.param("what does the plan say about ageing?", marks=()),
])
def test_content_when_nothing_more_specific(text: str, known: set[str]) -> None:
    assert parse_query(text, known).intents == ("content",)


@pytest.mark.parametrize(("text", "year"), [("Tỷ lệ bảo hiểm y tế năm 2025?", 2025),
                                            ("social housing by 2030?", 2030), ("nhà ở xã hội", None)])
def test_year(text: str, year: int | None, known: set[str]) -> None:
    assert parse_query(text, known).year == year


# -- cleaning -------------------------------------------------------------------------------


def test_clean_question_removes_control_characters() -> None:
    text, truncated = clean_question("ai chủ trì\x00 nhiệm vụ\x07 6đ\x1b?\u200b\r\n")
    assert not truncated
    assert all(unicodedata.category(c) not in {"Cc", "Cf"} for c in text)
    # Whether a control character becomes a space or vanishes, the words survive.
    assert text.replace(" ", "") == "aichủtrìnhiệmvụ6đ?"
    assert text.startswith("ai chủ trì nhiệm vụ 6đ")


def test_clean_question_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Cơ quan nào chủ trì nhiệm vụ 6đ?")
    assert clean_question(decomposed)[0] == "Cơ quan nào chủ trì nhiệm vụ 6đ?"


def test_clean_question_truncates_over_2000_characters() -> None:
    text, truncated = clean_question("nhà ở xã hội " * 400)
    assert truncated
    assert len(text) == 2000


def test_clean_question_keeps_2000_characters() -> None:
    text, truncated = clean_question("a" * 2000)
    assert not truncated
    assert len(text) == 2000


def test_parse_query_marks_truncation(known: set[str]) -> None:
    q = parse_query("ai chủ trì nhiệm vụ 6đ? " + "x" * 10_000, known)
    assert q.truncated
    assert len(q.text) <= 2000
    assert [r.section for r in q.refs] == ["III.6.đ"]


def test_parse_query_of_a_short_question_is_not_truncated(known: set[str]) -> None:
    assert not parse_query("ai chủ trì nhiệm vụ 6đ?", known).truncated


def test_points_listed_before_their_item() -> None:
    known = {"III.4.a", "III.4.b", "III.4.c", "III.6.d", "III.6.đ"}
    assert [r.section for r in find_refs("điểm a, b, c khoản 4 mục III", known)] == ["III.4.a", "III.4.b", "III.4.c"]
    assert [r.section for r in find_refs("diem d va diem dd khoan 6", known)] == ["III.6.d", "III.6.đ"]


def test_a_point_followed_by_its_part() -> None:
    known = {"II.2.a", "III.2.a"}
    assert [r.section for r in find_refs("theo 2a phần II, đến 2025 bao nhiêu căn", known)] == ["II.2.a"]
    assert [r.section for r in find_refs("nhiệm vụ 2a", known)] == ["III.2.a"]


@pytest.mark.parametrize(("question", "leads"), [
    ("Which tasks are led jointly by exactly two agencies?", 2),
    ("List the co-led tasks.", 2),
    ("những nhiệm vụ nào do hai cơ quan cùng chủ trì", 2),
    ("Please list every task that the Department of Home Affairs leads or co-leads.", None),
    ("Sở Nội vụ chủ trì hoặc đồng chủ trì những nhiệm vụ nào", None),
])
def test_how_many_leads_a_question_asks_for_however_the_words_fall(question: str, leads: int | None) -> None:
    assert lead_count(" " + " ".join(tokens(question)) + " ") == leads


def test_a_plan_numbered_without_roman_parts_takes_its_ids_whole() -> None:
    """Parts "1." … "5.", items "3.2.1": "nv 3.2.1" is 3.2.1 itself, not III.3.2.1."""
    f = CORPUS.parent / "tests" / "data" / "plans" / "kh-tay-giang-lao-dong-viec-lam.txt"
    plan = parse_plan(f.read_text(encoding="utf-8"), f.name)
    known = {s.id for s in plan.sections}
    assert [r.section for r in find_refs("nv 3.2.1 ai chu tri", known)] == ["3.2.1"]
    assert [r.section for r in find_refs("task 5.7 says what", known)] == ["5.7"]


@pytest.mark.parametrize(("text", "two"), [
    ("Đơn vị nào được giao chủ trì và chương trình mà đơn vị đó tổ chức tên là gì?", True),
    ("Who leads it, and what is it about?", True),
    ("Nhiệm vụ về nhà ở do cơ quan nào chủ trì? Bên mình đang rà soát đầu tư nhà ở xã hội.", False),  # đầu is no đâu
    ("nv hien dai hoa quan ly nha nuoc bat dau tu nam nao", False),
])
def test_a_question_asking_two_things(text: str, two: bool) -> None:
    from assistant.query import asks_two

    assert asks_two(text) is two


def test_a_day_asked() -> None:
    from assistant.query import asks_day

    assert asks_day(" so xay dung phai trinh truoc ngay nao ")
    assert asks_day(" by what date each year must it be done ")
    assert not asks_day(" thoi gian thuc hien nam nao ")


def test_a_row_of_a_table_inside_a_part_is_named_by_group_and_number() -> None:
    """A task table inside part III numbers its rows III.II.3: "nhiệm vụ 3 nhóm II" names that row."""
    f = CORPUS.parent / "tests" / "data" / "plans" / "kh-bac-son-phong-chong-ma-tuy.md"
    known = {s.id for s in parse_plan(f.read_text(encoding="utf-8"), f.name).sections}
    assert [r.section for r in find_refs("Nhiệm vụ 3 nhóm II trong bảng phân công do cơ quan nào chủ trì?", known)] == ["III.II.3"]
    assert [r.section for r in find_refs("nv 1 nhom III tg hoan thanh", known)] == ["III.III.1"]


def test_english_hyphens_join_words_as_spaces_do() -> None:
    from assistant.glossary import content_terms, translate_terms

    assert translate_terms("flash-flood risk maps") == translate_terms("flash flood risk maps") != ""
    assert content_terms("community-based tourism") == content_terms("community based tourism") != []


def test_a_glossary_phrase_is_read_in_either_number() -> None:
    """"industrial parks" is in the glossary; a question asks of "an industrial-park worker" too."""
    from assistant.glossary import content_terms, translate_terms

    assert "khu công nghiệp" in translate_terms("housing for industrial-park workers")
    assert translate_terms("an industrial park") == translate_terms("industrial parks")
    assert "social policy" in content_terms("the social policy of the province")


def test_a_row_by_its_group_is_read_in_the_appendix_that_has_it() -> None:
    """Two appendices whose rows' ids collide keep apart as "appendix" and "appendix2": "nv 3 nhóm II" is read
    in the one that has a row II.3, "dòng 3 phụ lục" in the one that has a row 3."""
    known = Ids({"appendix", "appendix.1", "appendix.3", "appendix2", "appendix2.II", "appendix2.II.3", "appendix2.IV.2"})
    assert [r.section for r in find_refs("nv 3 nhom II ai chu tri", known)] == ["appendix2.II.3"]
    assert [r.section for r in find_refs("task 2 of group 4", known)] == ["appendix2.IV.2"]
    assert [r.section for r in find_refs("dòng 3 phụ lục", known)] == ["appendix.3"]


@pytest.mark.parametrize(("text", "count"), [
    ("Tóm tắt chỉ tiêu nước sạch: đến năm 2025 đặt bao nhiêu, đến năm 2030 bao nhiêu?", False),  # any figure
    ("đến năm 2030 tỉnh phải thành lập mới bao nhiêu cơ sở trợ giúp xã hội", True),
    ("How many beds per ten thousand people?", True),
])
def test_a_count_asked_is_a_thing_counted(text: str, count: bool) -> None:
    from assistant.compose.indicators import _counts_asked

    assert _counts_asked(text) is count


# -- mechanisms found by the freeze-5 verdict (the sets are development data since) -------------------

@pytest.mark.parametrize(("question", "intents"), [
    # "who" after a noun begins a relative clause: no lead is asked.
    ("What share of people who have completed drug rehabilitation should get job support in 2027?", ("target",)),
    ("Tell me who leads the housing task", ("lead",)),
    # "ct" is "chủ trì" after a question word, "chủ tịch" before the body it heads, "chương trình" before a name.
    ("nv cham lo nguoi co cong cq nao ct? tg thuc hien bao lau", ("lead", "timeline")),
    ("chi tieu so hoa ct dao tao cao dang nam 2025 la bn %", ("target",)),
    # A fact of the document asked of the document itself.
    ("What is the number and date of the decision that issues this plan?", ("meta",)),
    ("Which legal documents does the plan cite as its basis?", ("meta",)),
    ("What role does the Provincial Police play in implementing this plan?", ()),
    # Which document the plan carries out is a fact of the document; "when was it adopted" is that document's date.
    ("Which Prime Minister's decision is this provincial plan implementing?", ("meta",)),
    ("Which Party resolution does Plan 65 implement, and when was the resolution adopted?", ("meta",)),
    ("kh nay trien khai quyet dinh nao cua ttg", ("meta",)),
    # Who helps a named body asks for partners; what a body leads is a list of its tasks.
    ("For consolidating the command boards, which agencies support the Provincial Military Command?", ("coordinate",)),
    ("What does DOLISA lead?", ("aggregate", "lead")),
    # A verb of doing after the question word asks who does it beside what else is asked; a field named bare
    # in a list of asks asks for it.
    ("nv 3 ai thuc hien, ai phoi hop, han", ("coordinate", "lead", "timeline")),
    ("nv 2 ai ct, ph, tg", ("coordinate", "lead", "timeline")),
    # who takes part beside the lead; the months asked
    ("cơ quan nào chủ trì, và những đơn vị nào tham gia?", ("coordinate", "lead")),
    ("In which months of 2026 is insecticide spraying scheduled?", ("timeline",)),
    # The asker's sentences about themselves ask nothing ("working with"), where the sentence that asks says what it
    # asks; a sentence before that holds what is asked ("We assume X leads …. Is that correct?") still counts.
    ("Good afternoon. I am working with a health project. How many hospital beds should the province have by 2030?",
     ("target",)),
    ("Tôi đang làm việc với Sở Y tế. Nhiệm vụ 6b có thời gian thực hiện khi nào?", ("timeline",)),
    ("We assume the Department of Health leads the nutrition task. Is that correct?", ("lead",)),
    # A signer the question gives to name its plan is no signer asked.
    ("In the plan signed by Vice-Chairwoman Dinh Thi Thu Hang, which agencies support the database task?",
     ("coordinate",)),
    ("Was the plan signed by Tran Hoang Tuan?", ("meta",)),
    # a number of something else, or the number the plan wants, is a figure; the plan's own number is a fact of it
    ("The plan has a number for the doctors or not?", ("target",)),
    ("Unemployment in the cities in 2030 - which number the plan wants?", ("target",)),
    ("Which number does the plan have?", ("meta",)),
    ("Who signed the plan?", ("meta",)),
])
def test_intents_read_from_the_grammar_of_the_question(question: str, intents: tuple[str, ...]) -> None:
    from assistant.query import detect_intents

    assert tuple(i for i in detect_intents(question) if i != "content") == intents


def test_a_baseline_year_is_not_asked(known: set[str]) -> None:
    from assistant.query import asked_years

    assert asked_years("giảm ít nhất bao nhiêu phần trăm so với năm 2025?") == []
    assert asked_years("đến năm 2030 giảm 30% so với năm 2024") == [2030]
    assert parse_query("tỷ lệ năm 2027 so với năm 2025", known).year == 2027
    # a few words may say what of that year; a target of that year is asked of too
    assert asked_years("chỉ tiêu giảm số điểm ngập úng so với mùa mưa năm 2025 là bao nhiêu") == []
    assert asked_years("so với cùng kỳ năm 2024, năm 2025 tăng bao nhiêu") == [2025]
    assert asked_years("tỷ lệ năm 2025 so với mục tiêu năm 2030") == [2025, 2030]
    assert asked_years("the 2025 rate compared with the 2030 target") == [2025, 2030]


@pytest.mark.parametrize(("question", "asked"), [
    ("Phuoc Son commune's 2026 digital-transformation plan: who leads the Level-2 electronic ID accounts task?",
     "who leads the Level-2 electronic ID accounts task?"),
    ("Kế hoạch số 27/KH-UBND ngày 16/01/2026 của UBND tỉnh Trà Giang về an toàn giao thông: nhiệm vụ xử lý điểm đen, điểm "
     "tiềm ẩn tai nạn do cơ quan nào chủ trì?", "nhiệm vụ xử lý điểm đen, điểm tiềm ẩn tai nạn do cơ quan nào chủ trì?"),
    # the opening asks, or names the topic the rest leaves out, or points inside the plan: the question's own
    ("Tóm tắt vai trò của Sở Nội vụ trong kế hoạch: chủ trì những nhiệm vụ nào?", None),
    ("Kế hoạch 65 về nhà ở cho người có công: ai chủ trì?", None),
    ("Kế hoạch 65, nhiệm vụ 6đ: cơ quan nào chủ trì và phối hợp thực hiện?", None),
    # English names the plan at the end as well: "… by 2027 under the … plan?"
    ("What share of children aged 6 to 16 should be able to swim safely by 2027 under the Lam Dong Nam drowning "
     "prevention plan?", "What share of children aged 6 to 16 should be able to swim safely by 2027?"),
    ("What is the 2030 target of the general objective of the plan?", None),
    # an English opening may say "plan" anywhere, before a colon or, led by "In"/"Under", a comma
    ("An Hoa ward plan 2026 on urban order, sanitation and civilised streets: who leads removing the illegal rubbish "
     "dumping points?", "who leads removing the illegal rubbish dumping points?"),
    ("In the Bao Lam social housing plan, who leads the task of issuing criteria for selecting investors?",
     "who leads the task of issuing criteria for selecting investors?"),
    # … or inside the question, a place's name and a topic before the word for the plan
    ("What coverage targets does the Bac Lieu Son urban flooding plan set for dredging the main drainage culverts?",
     "What coverage targets does  the plan  set for dredging the main drainage culverts?"),
    # … unless it points inside the plan, or asks
    ("In the plan's section on housing, who leads the work on social housing?", None),
    ("What is the total budget of Dong Thuy's 2026 plan for the national poverty-reduction programme, and how much of "
     "it comes from the central budget?", None),
])
def test_an_opening_that_names_the_plan_is_no_part_of_the_question(question: str, asked: str | None,
                                                                   known: set[str]) -> None:
    from assistant.query import without_naming

    assert without_naming(question, known) == (asked or question)


def test_an_age_is_no_point_and_a_part_may_be_typed_in_figures(known: set[str]) -> None:
    q = parse_query("ty le tre duoi 5t suy dd the thap coi den 2030 phai duoi bn", known)
    assert not q.missing and not q.refs
    assert [r.section for r in find_refs("nv so 2 phan 3 co may y", known)] == ["III.2"]


def test_a_point_in_time_is_read_however_its_quarter_is_spelled() -> None:
    from assistant.compose.lists import _point_in_time, point_in_time

    assert point_in_time("nhung nv nao ghi thoi han quy ii/2026") == "quy 2/2026"
    assert _point_in_time("Quý II / 2026") == _point_in_time("quy 2/2026") == "quy 2/2026"
    assert point_in_time("những nhiệm vụ nào làm trong năm 2026") == ""
    # as English questions name a quarter or a month, and "năm" between a quarter and its year
    assert point_in_time("Which tasks fall due in the fourth quarter of 2026?") == point_in_time("due in Q4 2026") == "quy 4/2026"
    assert point_in_time("nhung nv nao xong trong quy IV nam 2026") == "quy 4/2026"
    assert point_in_time("tasks due in June 2026") == "thang 6/2026"


@pytest.mark.parametrize(("question", "parts"), [
    ("Đến năm 2030 bao nhiêu phần trăm lao động tham gia bảo hiểm xã hội, và cơ quan nào chủ trì nhiệm vụ triển khai "
     "Luật Bảo hiểm xã hội?", 2),
    ("Về chính sách hỗ trợ Bà mẹ Việt Nam anh hùng: cơ quan nào chủ trì, và chính sách này thuộc nhóm chỉ tiêu đến năm nào?", 2),
    ("Nhiệm vụ nước sạch do ai chủ trì, và khi nào hoàn thành?", 0),  # roles of one task: asked together
    ("When was Plan 65/KH-UBND issued, and which action programme does it implement?", 0),  # a document's facts
    ("chỉ tiêu nhà ở xã hội năm 2025 là bao nhiêu, còn năm 2030?", 0),  # the second refers to the first
    # the same thing asked of two topics, each named
    ("Nhiệm vụ đổi mới cơ chế huy động nguồn lực thực hiện chính sách xã hội do cơ quan nào chủ trì, còn nhiệm vụ "
     "khuyến khích nguồn lực quốc tế hỗ trợ ứng phó thiên tai, biến đổi khí hậu do cơ quan nào chủ trì?", 2),
    ("Ai chủ trì nhiệm vụ phát triển nhà ở xã hội, và ai chủ trì nhiệm vụ này trong năm 2026?", 0),  # "this task"
    # a yes/no question, then a second of another task
    ("Nhiệm vụ tuyên truyền về vai trò của chính sách xã hội có thời hạn hoàn thành không? Còn nhiệm vụ đổi mới cơ chế "
     "huy động nguồn lực thì thời gian thực hiện thế nào?", 2),
])
def test_a_question_asking_two_things_of_two_topics_is_parted(question: str, parts: int) -> None:
    split = two_questions(question)
    assert (len(split[:2]) if split else 0) == parts
    if split and ":" in question:
        assert all(p.startswith("Về chính sách hỗ trợ Bà mẹ Việt Nam anh hùng:") for p in split[:2])


@pytest.mark.parametrize(("question", "further"), [
    ("Mục tiêu tổng quát của Kế hoạch đặt mốc đến năm nào, còn tầm nhìn hướng đến năm nào?",
     ["tầm nhìn hướng đến năm nào?"]),
    ("Does the plan address children's safety online? If so, in which task?", ["If so, in which task?"]),
    # words that ask nothing go with the part before them: an opening remark, an instruction
    ("Tôi là đại biểu HĐND tỉnh, nhiệm vụ 6đ do ai chủ trì; còn ai phối hợp, liệt kê đủ",
     ["ai phối hợp, liệt kê đủ"]),
    ("những nhiệm vụ nào do Sở Y tế và Sở Xây dựng cùng chủ trì?", []),  # one thing asked of two bodies
    ("so nao chu tri 6d", []),
])
def test_the_questions_a_question_asks_after_its_first(question: str, further: list[str]) -> None:
    from assistant.query import further_questions

    assert further_questions(question) == further


@pytest.mark.parametrize(("question", "topic"), [
    ("Which unit is in charge of giving newborns the hepatitis B birth dose within 24 hours of birth, and what is the "
     "2026 coverage target for that dose?", "hepatitis"),  # the second points back
    ("nhiệm vụ xử lý điểm đen (điểm a khoản 4 Mục III) do cơ quan nào chủ trì và phải hoàn thành trước ngày nào; chỉ "
     "tiêu năm 2026 là xử lý bao nhiêu điểm?", "đen"),  # the second names too little of its own
])
def test_a_figure_asked_beside_a_tasks_roles_is_asked_of_the_first_parts_topic(question: str, topic: str) -> None:
    split = two_questions(question)
    assert split is not None and split.carried
    assert topic in split.second and topic not in split.second.split("(")[0]
    assert "khoản" not in split.second  # a reference in brackets is no topic


def test_a_year_the_first_question_sets_holds_for_the_second() -> None:
    first, second, _ = two_questions(  # type: ignore[misc]
        "How many new houses does the plan aim to support by 2025 for families of people with meritorious services, "
        "and how many storm- and flood-resilient houses for poor households?")
    assert "2025" in first and "2025" in second


def test_hours_typed_after_a_word_of_time_are_no_point_h(known: set[str]) -> None:
    """"trong 24h sau sinh" is within 24 hours of birth, not point h of item 24."""
    from assistant.query import mentions_missing_ref

    q = parse_query("tiem vac xin viem gan b lieu so sinh trong 24h sau sinh, ai chu tri", known)
    assert q.refs == () and not q.missing and not mentions_missing_ref(q.text)
    assert mentions_missing_ref("nv 9h ai chu tri")


def test_an_english_question_with_a_vietnamese_name_is_english() -> None:
    assert detect_style("Does the plan mention the Bà mẹ Việt Nam anh hùng policy?") == "en"


def test_english_phrasings_hold_without_their_determiners(known: set[str]) -> None:
    """Second-language English drops or changes "the" ("What is number of this plan and which date it was issued?"):
    the phrasings that name a document fact still read it; a Vietnamese phrasing with "the" ("như thế nào") is none."""
    assert "meta" in parse_query("What is number of this plan and which date it was issued?", known).intents
    assert "meta" not in detect_intents("chinh sach nay nhu the nao", en=False)
    assert "meta" in detect_intents("what is date of plan", en=True) and "meta" not in detect_intents("what is date of plan")


@pytest.mark.parametrize(("question", "intent"), [
    ("List every task the Department of Health leads, with deadlines.", "timeline"),
    ("Which tasks have timelines in 2026?", "timeline"),
])
def test_an_english_phrasing_holds_in_the_plural(question: str, intent: str) -> None:
    assert intent in detect_intents(question)


@pytest.mark.parametrize(("question", "compound"), [
    ("what share of the population should exercise regularly by 2028?", "regular exercise"),
    ("how many people exercising regularly", "regular exercises"),
])
def test_a_verb_and_its_adverb_read_as_the_glossarys_compound(question: str, compound: str) -> None:
    """"exercise regularly" is the glossary's "regular exercise" said the other way round."""
    assert compound in corrected(question)


def test_an_adverb_after_a_noun_makes_no_compound() -> None:
    """"the housing target specifically" says no "specific target": the adverb is of the whole phrase."""
    assert "|" not in corrected("What is the social housing target specifically for Ly Son?")
