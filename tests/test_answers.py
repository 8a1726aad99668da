"""Answers through Assistant.ask over a real e5 + FAISS index of the plan: roles, lists, targets, meta,
abstention, follow-ups, and faithfulness of every answer to its citations."""

from __future__ import annotations

import json
import re

import pytest
from _plan_index import ROOT, hand_tasks, plan_index, short_ref

from assistant import Answer, Assistant, Settings
from assistant.agencies import KNOWN
from index.normalize import canon, fold

TASKS = hand_tasks()
AGENCIES = sorted({n for t in TASKS for n in (*t["lead"], *t["coordinate"])})
LEADERS = sorted({n for t in TASKS for n in t["lead"]})


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant.load(Settings(index=plan_index(tmp_path_factory)))


def cited(ans: Answer) -> list[str]:
    return [c.section for c in ans.citations]


def nodiac_ref(ref: str) -> str:
    """A reference typed without diacritics: "6đ" is typed "6dd" (Telex), since "6d" is another task."""
    return ref.replace("đ", "dd")


# -- lead / coordinate / timeline of every task ----------------------------------------------

QUESTIONS = {
    "lead": {
        "vi": "Cơ quan nào chủ trì nhiệm vụ {ref}?",
        "vi_nodiac": "co quan nao chu tri nhiem vu {ref}?",
        "en": "Which agency leads task {ref}?",
    },
    "coordinate": {
        "vi": "Cơ quan nào phối hợp thực hiện nhiệm vụ {ref}?",
        "vi_nodiac": "co quan nao phoi hop thuc hien nhiem vu {ref}?",
        "en": "Which agencies coordinate task {ref}?",
    },
    "timeline": {
        "vi": "Thời gian thực hiện nhiệm vụ {ref} là khi nào?",
        "vi_nodiac": "thoi gian thuc hien nhiem vu {ref} la khi nao?",
        "en": "What is the timeline of task {ref}?",
    },
}
ROLE_CASES = [
    pytest.param(task, kind, style, id=f"{task['id']}-{kind}-{style}")
    for task in TASKS
    for kind in QUESTIONS
    for style in ("vi", "vi_nodiac", "en")
]


@pytest.mark.parametrize(("task", "kind", "style"), ROLE_CASES)
def test_role_of_every_task(task: dict, kind: str, style: str, assistant: Assistant) -> None:
    ref = short_ref(task["id"])
    question = QUESTIONS[kind][style].format(ref=nodiac_ref(ref) if style == "vi_nodiac" else ref)
    ans = assistant.ask(question)
    assert not ans.abstained
    assert task["id"] in cited(ans)
    expected = [task["timeline"]] if kind == "timeline" else task[kind]
    for value in expected:
        assert value in ans.answer, (question, ans.answer)
    if style == "en" and kind != "timeline":
        for name in expected:
            assert assistant.directory.english(name) in ans.answer, (question, ans.answer)


def test_6d_and_6dd_get_different_answers(assistant: Assistant) -> None:
    d = assistant.ask("so nao chu tri 6d")
    dd = assistant.ask("so nao chu tri 6dd")
    assert cited(d) == ["III.6.d"] and "Sở Thông tin và Truyền thông" in d.answer
    assert cited(dd) == ["III.6.đ"] and "Sở Xây dựng" in dd.answer


@pytest.mark.parametrize("question", ["nhiệm vụ 6e", "nội dung nhiệm vụ 6đ là gì"])
def test_task_summary_keeps_the_section_id(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    sid = cited(ans)[0]
    assert sid in ans.answer


# -- list completeness ----------------------------------------------------------------------


def led_by(agency: str) -> set[str]:
    return {str(t["id"]) for t in TASKS if agency in t["lead"]}


LIST_CASES = [
    pytest.param(a, marks=() if a in LEADERS else pytest.mark.xfail(
        strict=True, reason=f"'{a}' leads no task; the answer falls back to the tasks it coordinates and "
        "cites them instead of saying it leads none"))
    for a in AGENCIES
]


@pytest.mark.parametrize("agency", LIST_CASES)
def test_tasks_led_by_every_agency(agency: str, assistant: Assistant) -> None:
    ans = assistant.ask(f"{agency} chủ trì những nhiệm vụ nào?")
    assert set(cited(ans)) == led_by(agency), ans.answer
    for sid in led_by(agency):
        assert sid in ans.answer


@pytest.mark.parametrize("agency", LEADERS)
def test_tasks_led_by_every_agency_folded_and_english(agency: str, assistant: Assistant) -> None:
    folded = assistant.ask(f"{fold(agency)} chu tri nhung nhiem vu nao?")
    assert set(cited(folded)) == led_by(agency), folded.answer
    english = assistant.ask(f"Which tasks does the {KNOWN[agency][0]} lead?")
    assert set(cited(english)) == led_by(agency), english.answer
    assert agency in english.answer and KNOWN[agency][0] in english.answer


def coordinated_by(agency: str) -> set[str]:
    return {str(t["id"]) for t in TASKS if agency in t["coordinate"]}


@pytest.mark.parametrize("agency", AGENCIES)
def test_tasks_coordinated_by_every_agency(agency: str, assistant: Assistant) -> None:
    """The complete list of tasks an agency coordinates; an agency named only as a lead is
    told apart from one the plan never names, not reported as having no task."""
    ans = assistant.ask(f"{agency} phối hợp thực hiện những nhiệm vụ nào?")
    if coordinated_by(agency):
        assert set(cited(ans)) == coordinated_by(agency), ans.answer
    else:
        assert f"không nêu {agency} phối hợp" in ans.answer, ans.answer
        assert set(cited(ans)) == led_by(agency), ans.answer


@pytest.mark.parametrize("question", ["Kế hoạch có bao nhiêu nhiệm vụ?", "ke hoach co tat ca bao nhieu nhiem vu",
                                      "How many tasks are in the plan?"])
def test_every_task_of_the_plan(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert cited(ans) == [str(t["id"]) for t in TASKS], ans.answer
    assert str(len(TASKS)) in ans.answer


@pytest.mark.parametrize("question", [
    "nhung nhiem vu nao thuc hien thuong xuyen",
    "Which tasks are carried out regularly?",
    pytest.param("Những nhiệm vụ nào thực hiện thường xuyên?", marks=()),
])
def test_tasks_done_regularly(question: str, assistant: Assistant) -> None:
    expected = {str(t["id"]) for t in TASKS if t["timeline"] == "Thường xuyên"}
    ans = assistant.ask(question)
    assert set(cited(ans)) == expected, ans.answer


# -- targets of part II ---------------------------------------------------------------------

TARGETS = [
    # (question, must contain, must not contain, section, other year's section)
    ("Tỷ lệ tham gia bảo hiểm y tế năm 2025?", "trên 95%", None, "II.2.a", "II.2.b"),
    ("ty le tham gia bao hiem y te nam 2025", "95%", None, "II.2.a", "II.2.b"),
    ("What is the health insurance participation target for 2025?", "95%", None, "II.2.a", "II.2.b"),
    ("Tỷ lệ tham gia bảo hiểm y tế năm 2030?", "trên 95%", None, "II.2.b", "II.2.a"),
    ("Số căn nhà ở xã hội đến năm 2025?", "1.000", "5.000", "II.2.a", "II.2.b"),
    ("so can nha o xa hoi den nam 2025", "1.000", "5.000", "II.2.a", "II.2.b"),
    ("How many social housing units by 2025?", "1.000", "5.000", "II.2.a", "II.2.b"),
    ("Số căn hộ nhà ở xã hội đến năm 2030?", "5.000", "1.000", "II.2.b", "II.2.a"),
    ("so can ho nha o xa hoi den nam 2030", "5.000", "1.000", "II.2.b", "II.2.a"),
    ("How many social housing apartments by 2030?", "5.000", "1.000", "II.2.b", "II.2.a"),
    ("Tỷ lệ dân số nông thôn sử dụng nước sạch năm 2025?", "75%", "80%", "II.2.a", "II.2.b"),
    ("ty le dan so nong thon dung nuoc sach nam 2025", "75%", "80%", "II.2.a", "II.2.b"),
    ("Rural clean water target for 2025?", "75%", "80%", "II.2.a", "II.2.b"),
    ("Tỷ lệ hộ gia đình nông thôn sử dụng nước sạch năm 2030?", "80%", "75%", "II.2.b", "II.2.a"),
    ("ty le ho gia dinh nong thon dung nuoc sach nam 2030", "80%", "75%", "II.2.b", "II.2.a"),
    pytest.param("What share of rural households should use clean water by 2030?", "80%", "75%", "II.2.b",
                 "II.2.a", marks=()),
    ("Tuổi thọ trung bình đến năm 2030?", "75 tuổi", None, "II.2.b", "II.2.a"),
    ("What is the life expectancy target for 2030?", "75", None, "II.2.b", "II.2.a"),
    ("Tỷ lệ thất nghiệp chung đến năm 2030?", "dưới 2%", None, "II.2.b", "II.2.a"),
    ("How many doctors per 10,000 people by 2030?", "11 bác sĩ", None, "II.2.b", "II.2.a"),
]


@pytest.mark.parametrize(("question", "has", "hasnt", "section", "other"), TARGETS)
def test_targets_by_year(question: str, has: str, hasnt: str | None, section: str, other: str,
                         assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained
    assert has in ans.answer, ans.answer
    if hasnt:
        assert hasnt not in ans.answer, ans.answer
    assert section in cited(ans)
    assert other not in cited(ans)


# -- the document itself --------------------------------------------------------------------


@pytest.mark.parametrize("question", ["Kế hoạch số bao nhiêu?", "ke hoach so may", "What is the plan number?"])
def test_plan_number(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert "65/KH-UBND" in ans.answer
    assert "header" in cited(ans)


@pytest.mark.parametrize("question", ["Kế hoạch ban hành ngày nào?", "ke hoach ban hanh ngay nao",
                                      "When was the plan issued?"])
def test_plan_date(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert "20 tháng 3 năm 2024" in ans.answer or "2024-03-20" in ans.answer
    assert "header" in cited(ans)


@pytest.mark.parametrize("question", ["Ai ký kế hoạch này?", "ai ky ke hoach", "Who signed the plan?", "ai la nguoi ki ke hoach nay"])
def test_signer(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert "Trần Hoàng Tuấn" in ans.answer
    assert cited(ans) == ["signature"]


@pytest.mark.parametrize("question", ["Nơi nhận của kế hoạch gồm những ai?", "noi nhan ke hoach",
                                      "Who are the recipients of the plan?"])
def test_recipients(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    for name in ("Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Bảo hiểm xã hội tỉnh",
                 "UBND các huyện, thị xã, thành phố"):
        assert name in ans.answer
    assert cited(ans) == ["recipients"]


# -- out of scope ---------------------------------------------------------------------------

OUT_OF_SCOPE = [
    "Giá vé máy bay từ Quảng Ngãi đi Hà Nội là bao nhiêu?",
    "gia ve may bay di ha noi bao nhieu",
    "How much is a flight from Da Nang to Hanoi?",
    "Mức phạt vi phạm giao thông khi vượt đèn đỏ là bao nhiêu?",
    "muc phat vuot den do xe may",
    "What is the fine for running a red light?",
    "Đội tuyển bóng đá Việt Nam đá trận tiếp theo khi nào?",
    "ket qua bong da ngoai hang anh",
    "Who won the football World Cup?",
    pytest.param("Thời tiết Quảng Ngãi ngày mai thế nào?", marks=()),
    "thoi tiet ngay mai",
    pytest.param("What will the weather be tomorrow in Quang Ngai?", marks=()),
    pytest.param("<script>alert(1)</script>", marks=()),
]


@pytest.mark.parametrize("question", OUT_OF_SCOPE)
def test_abstains_out_of_scope(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert ans.abstained, ans.answer
    near = [h.section for h in ans.hits[:3]]
    assert near and all(sid in ans.answer for sid in near), ans.answer


# What the question asks for is not in the plan: a sum of money, a figure for a year without
# targets, an office holder, an address, a district's share, a penalty, a provision of law.
# Each with the reason, in the asker's language.
NOT_IN_PLAN = [
    ("Mức học phí trường THPT công lập năm 2024 là bao nhiêu?", "không nêu mức tiền"),
    ("luong toi thieu vung nam 2024 o quang ngai la bao nhieu", "không nêu mức tiền"),
    ("What is the 2024 tuition fee for public high schools?", "no prices, fees, wages"),
    ("How much is the monthly social allowance for elderly people?", "no prices, fees, wages"),
    ("Năm 2023 toàn tỉnh có bao nhiêu hộ nghèo?", "chỉ đặt chỉ tiêu cho năm 2025 và 2030"),
    ("How many poor households did the province have in 2023?", "figures for 2025 and 2030 only"),
    ("Tỷ lệ bao phủ bảo hiểm xã hội hiện nay là bao nhiêu?", "chỉ đặt chỉ tiêu cho năm 2025 và 2030"),
    ("ai la bi thu tinh uy quang ngai", "không nêu tên người giữ chức vụ"),
    ("truong ban vi su tien bo phu nu tinh hien nay la ai vay", "không nêu tên người giữ chức vụ"),
    ("What is the phone number of the Department of Health?", "no addresses, office hours or contact details"),
    ("Kế hoạch của tỉnh Bình Định về chính sách xã hội?", "tỉnh, thành phố khác"),
    # Declined without a reason, or answered, by the held-out runs of 7cf5069.
    ("Mỗi năm tỉnh phải giảm tỷ lệ hộ nghèo bao nhiêu phần trăm?", "không nêu con số này"),
    ("ubnd huyen son tinh duoc giao bao nhieu can nha o xa hoi", "không nêu riêng cho huyện, xã nào"),
    ("Which communes does the plan list as extremely disadvantaged?", "no district or commune"),
    ("What disciplinary penalties does the plan set for late reports?", "no penalties"),
    ("What is the statutory retirement age for women this year?", "no provisions of laws"),
    ("mức hỗ trợ giá nước sạch là bao nhiu đồng một khối?", "không nêu mức tiền"),
    ("Which income threshold defines a poor household?", "no prices, fees, wages"),
    ("thu tuc cap lai so bhxh bi mat nop ho so o dau", "không hướng dẫn thủ tục hành chính"),
    ("sdt duong day nong cua so y te la so may", "không nêu địa chỉ, giờ làm việc hay thông tin liên hệ"),  # not the plan's number
    ("Mục IV có quy định hình thức kỷ luật đơn vị chậm báo cáo không?", "không quy định hình thức xử phạt"),
    ("Nhiệm vụ 6e hỗ trợ giá nước sạch bao nhiêu tiền một khối?", "không nêu mức tiền"),
    ("kh co quy dinh muc ho tro xay nha cho ho ngheo bao nhieu trieu 1 can", "không nêu mức tiền"),
    ("Under the Law on Employment, what is the maximum unemployment benefit?", "no provisions of laws"),
    ("What are the work permit requirements for a foreign consultant?", "no administrative procedures"),
    ("What is the contribution rate for voluntary social insurance under the 2024 Social Insurance Law?",
     "no provisions of laws"),
    ("Điểm a khoản 2 mục II: tỷ lệ hộ nghèo giảm bao nhiêu phần trăm mỗi năm?", "không nêu con số này"),
]


@pytest.mark.parametrize(("question", "why"), NOT_IN_PLAN)
def test_abstains_with_the_reason(question: str, why: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert ans.abstained and why in ans.answer, ans.answer
    assert ans.citations == ()


@pytest.mark.parametrize("question", [
    "Which provincial body is accountable for introducing social security numbers for citizens?",
    "Which agency is tasked with introducing social security numbers for citizens?",
])
def test_responsibility_asked_in_other_words_is_the_lead(question: str, assistant: Assistant) -> None:
    """"accountable for", "tasked with": who answers for the task is its lead, as "responsible for" asks."""
    ans = assistant.ask(question)
    assert ans.route == "role" and "Sở Thông tin và Truyền thông" in ans.answer and cited(ans) == ["III.2.b"], ans.answer


# The same words where the plan does answer: its money words, its own dates, its signer.
@pytest.mark.parametrize(("question", "section"), [
    ("Kế hoạch đề cập việc hỗ trợ giá nước sạch như thế nào?", "III.6.e"),
    ("How is funding for implementing the plan arranged?", "IV.2"),
    ("Năm 2030 có bao nhiêu giường bệnh trên 10.000 dân?", "II.2.b"),
    ("Ai là người ký kế hoạch?", "signature"),
    ("Các đơn vị gửi báo cáo về đâu, trước ngày nào?", "IV.4"),
])
def test_answers_despite_out_of_scope_words(question: str, section: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert section in cited(ans), ans.answer


def test_a_full_date_is_not_a_year_asked(assistant: Assistant) -> None:
    """"24/11/2023" dates a resolution; it does not ask for a 2023 figure."""
    ans = assistant.ask("Nghị quyết 42 ngày 24/11/2023 được triển khai theo chương trình hành động nào?")
    assert not ans.abstained and "43-CTr/TU" in ans.answer, ans.answer


# Ways people really type, each missed once by a held-out run (eval/holdout2.jsonl).
def test_a_typo_is_not_an_unknown_topic(assistant: Assistant) -> None:
    ans = assistant.ask("Đến năm 2030 tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thấp còi còn dưới bao nhiu %?")
    assert not ans.abstained and "dưới 15%" in ans.answer, ans.answer


def test_unknown_words_forgive_slips_only(assistant: Assistant) -> None:
    assert assistant.unknown_words(assistant.query("Tỷ lệ hộ nghèo giảm bao nhiu?")) == []
    assert "league" in assistant.unknown_words(assistant.query("Lịch thi đấu V-League?"))
    assert "tết" in assistant.unknown_words(assistant.query("Lịch nghỉ Tết của công chức?"))


def test_signed_and_issued_on_which_date_asks_the_date(assistant: Assistant) -> None:
    ans = assistant.ask("ke hoach 65 ky ban hanh ngay thang nam nao")
    assert "20 tháng 3 năm 2024" in ans.answer, ans.answer


def test_coordinated_tasks_name_their_lead_for_every_agency_asked(assistant: Assistant) -> None:
    ans = assistant.ask("dai phat thanh truyen hinh tinh va bao quang ngai phoi hop nhiem vu nao, so nao chu tri")
    assert "III.1.a" in cited(ans) and "Sở Thông tin và Truyền thông" in ans.answer, ans.answer
    assert "Báo Quảng Ngãi" in ans.answer, ans.answer


def test_shared_leads_within_a_part(assistant: Assistant) -> None:
    ans = assistant.ask("Which tasks in part III are co-led by more than one department?")
    assert set(cited(ans)) == {str(t["id"]) for t in TASKS if len(t["lead"]) > 1}, ans.answer
    ans = assistant.ask("khoản 4 mục III có nhiệm vụ nào do hai cơ quan cùng chủ trì?")
    assert set(cited(ans)) == {"III.4.b", "III.4.c"}, ans.answer


def test_an_objective_without_figures_beats_a_clause_sharing_words(assistant: Assistant) -> None:
    ans = assistant.ask("den nam 2030 quang ngai phan dau thu nhap binh quan dau nguoi dat muc nao")
    assert cited(ans) == ["II.1"] and "bình quân của cả nước" in ans.answer, ans.answer


# Missed once by the third held-out run (eval/holdout3.jsonl).
def test_a_missing_tone_mark_is_a_slip(assistant: Assistant) -> None:
    ans = assistant.ask("Ai được giao đề xuất chính sách đặc thù hỗ trợ đồng bào DTTS ở các xã đặc biêt khó khăn?")
    assert not ans.abstained and "Ban Dân tộc tỉnh" in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "least"), [("nhiem vu nao co tu 3 co quan chu tri tro len", 3),
                                                 ("Which tasks have more than two lead agencies?", 3),
                                                 ("Những nhiệm vụ nào do nhiều cơ quan cùng chủ trì?", 2)])
def test_tasks_with_at_least_n_leads(question: str, least: int, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert set(cited(ans)) == {str(t["id"]) for t in TASKS if len(t["lead"]) >= least}, ans.answer


@pytest.mark.parametrize(("question", "shared_only"), [
    ("Sở LĐTBXH có những nhiệm vụ nào phải đồng chủ trì với sở khác (không tính nhiệm vụ Sở một mình chủ trì)?", True),
    ("so noi vu chu tri (ke ca dong chu tri voi so khac) nhung nhiem vu nao", False),
    ("Sở Nội vụ chủ trì hoặc đồng chủ trì những nhiệm vụ nào?", False),
])
def test_an_agencys_shared_leads(question: str, shared_only: bool, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    agency = assistant.directory.find(question)[0].name
    want = {str(t["id"]) for t in TASKS if agency in t["lead"] and (len(t["lead"]) > 1 or not shared_only)}
    assert set(cited(ans)) == want, ans.answer


def test_where_an_agency_is_named_includes_part_iv(assistant: Assistant) -> None:
    ans = assistant.ask("Where does the Department of Finance appear in this plan? List every place.")
    assert set(cited(ans)) == {"III.2.c", "IV.2"}, ans.answer
    assert set(cited(assistant.ask("Sở Tài chính chủ trì những nhiệm vụ nào?"))) == {"III.2.c"}


def test_does_the_plan_say_asks_for_content(assistant: Assistant) -> None:
    ans = assistant.ask("Does the plan say anything about a coordination mechanism for rural water supply?")
    assert "quy chế phối hợp" in ans.answer and cited(ans) == ["III.6.e"], ans.answer


@pytest.mark.parametrize("question", ["ke hoach giao moi nam dua bao nhieu lao dong di lam viec o nuoc ngoai",
                                      "tro cap that nghiep duoc huong may thang"])
def test_a_figure_the_plan_does_not_set(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert ans.abstained and "không nêu con số này" in ans.answer, ans.answer


def test_a_bare_number_does_not_anchor_an_unknown_topic(assistant: Assistant) -> None:
    assert assistant.ask("cach kich hoat tai khoan dinh danh dien tu vneid muc 2 tren dien thoai").abstained
    assert not assistant.ask("muc 3 noi gi").abstained


def test_one_off_or_continuing_asks_the_timeline(assistant: Assistant) -> None:
    ans = assistant.ask("Is the task on vocational training reform a one-off for 2024 or does it continue after that?")
    assert "Năm 2024 và các năm tiếp theo" in ans.answer, ans.answer


# Missed once by the fourth held-out run (eval/holdout4.jsonl).
@pytest.mark.parametrize(("question", "phrase", "sections"), [
    ("liet ke tat ca nhiem vu co nhac den chuyen doi so", "chuyển đổi số", {"III.2.b", "III.4.d", "III.6.a", "III.6.b"}),
    ("Which tasks in part III mention people with disabilities?", "người khuyết tật",
     {"III.2.a", "III.5.c", "III.6.a", "III.7"}),
    ("Which tasks mention the Department of Finance?", "Sở Tài chính", {"III.2.c"}),
])
def test_tasks_that_mention_a_topic(question: str, phrase: str, sections: set[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert set(cited(ans)) == sections and phrase in ans.answer, ans.answer
    for c in ans.citations:  # every task listed does name it
        assert fold(phrase) in fold(c.quote), c.section


def test_tasks_an_agency_leads_alone(assistant: Assistant) -> None:
    ans = assistant.ask("Những việc nào Sở LĐTBXH chủ trì một mình, không có sở nào cùng chủ trì?")
    want = {str(t["id"]) for t in TASKS if t["lead"] == ["Sở Lao động - Thương binh và Xã hội"]}
    assert set(cited(ans)) == want, ans.answer


@pytest.mark.parametrize(("question", "section"), [
    ("Is there an end date for the populaton and development task?", "III.4.a"),
    ("viec phat trien doi ngu chuyen gia, nha khoa hoc thuc hien trong giai doan nao", "III.4.c"),
])
def test_timeline_despite_typos_and_wording(question: str, section: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert cited(ans) == [section] and "Năm 2024 và các năm tiếp theo" in ans.answer, ans.answer


def test_conversational_words_are_not_unknown_topics(assistant: Assistant) -> None:
    ans = assistant.ask("Chỉ tiêu phổ cập giáo dục mầm non năm 2025 và 2030 khác nhau chổ nào vậy anh chị?")
    assert not ans.abstained and "5 tuổi" in ans.answer and "từ 3 đến 5 tuổi" in ans.answer, ans.answer


# Missed once by the fifth held-out run (eval/holdout5.jsonl).
def test_an_objective_in_words_of_part_ii(assistant: Assistant) -> None:
    ans = assistant.ask("Đến năm 2030 tỉnh đặt mục tiêu thế nào đối với nhà tạm, nhà dột nát của hộ nghèo?")
    assert cited(ans) == ["II.2.b"] and "bỏ hoàn toàn tình trạng nhà tạm" in ans.answer, ans.answer


def test_the_plan_date_and_the_submission_together(assistant: Assistant) -> None:
    ans = assistant.ask("KH 65 ký ban hành ngày nào, và tờ trình của Sở LĐTBXH đề ngày mấy?")
    assert "20 tháng 3 năm 2024" in ans.answer and "14/3/2024" in ans.answer, ans.answer


def test_an_indicator_named_outweighs_weak_evidence(assistant: Assistant) -> None:
    ans = assistant.ask("chi tieu xoa mu chu den 2025 va den 2030 khac nhau the nao")
    assert not ans.abstained and "13/13" in ans.answer and "mức độ 2" in ans.answer, ans.answer
    q = assistant.query("mỗi năm tỉnh phải giảm tỷ lệ hộ nghèo bao nhiêu phần trăm?")
    assert not assistant.composer.names_an_indicator(q)  # its word pairs are in no one clause


def test_a_section_and_a_topic_quote_the_topic(assistant: Assistant) -> None:
    ans = assistant.ask("III.2.b says what about protecting personal data?")
    assert cited(ans) == ["III.2.b"] and "dữ liệu cá nhân" in ans.answer, ans.answer
    ans = assistant.ask("điểm b khoản 8 mục III - tgian thực hiện?")
    assert "Năm 2024 và các năm tiếp theo" in ans.answer, ans.answer


def test_when_inside_a_sentence_is_not_a_timeline_question(assistant: Assistant) -> None:
    q = assistant.query("What does the plan say about data when building social-policy databases?")
    assert "timeline" not in q.intents


# Missed once by the sixth held-out run (eval/holdout6.jsonl).
def test_mentions_of_either_phrase_with_leads(assistant: Assistant) -> None:
    ans = assistant.ask("Which tasks in part III mention industrial zones or industrial parks? With the lead department.")
    assert set(cited(ans)) == {"III.6.a", "III.6.đ", "III.6.e"} and "Sở Xây dựng" in ans.answer, ans.answer


def test_what_the_implementation_part_asks_of_an_agency(assistant: Assistant) -> None:
    ans = assistant.ask("I work at a district People's Committee. What does the implementation section require of us?")
    assert set(cited(ans)) == {"IV.1", "IV.2", "IV.4"} and "30/10" in ans.answer, ans.answer


def test_an_agency_among_listed_tasks(assistant: Assistant) -> None:
    ans = assistant.ask("Trong các nhiệm vụ 2a, 2b, 2c, 8a, 8b, 8c, nhiệm vụ nào có Sở LĐTBXH chủ trì?")
    assert set(cited(ans)) == {"III.2.a", "III.2.b", "III.8.a"}, ans.answer


def test_a_target_set_for_the_other_year(assistant: Assistant) -> None:
    """Asked for a year it sets no such target for, the plan's answer says so, and gives the year's figure it sets."""
    ans = assistant.ask("What is the 2025 target for the urban unemployment rate?")
    assert ans.abstained and "no such target for 2025" in ans.answer and "2,5%" in ans.answer, ans.answer


def test_title_and_party_documents(assistant: Assistant) -> None:
    ans = assistant.ask("What's the official title of Plan 65 - which Party documents does it say it is implementing?")
    assert "43-CTr/TU" in ans.answer and "42-NQ/TW" in ans.answer and not ans.abstained, ans.answer


# Missed once by the seventh held-out run (eval/holdout7.jsonl).
def test_a_long_chatty_question_is_not_refused_for_two_odd_words(assistant: Assistant) -> None:
    ans = assistant.ask("Về mảng trợ giúp xã hội, kế hoạch có nói đến việc phòng ngừa, phát hiện và can thiệp sớm "
                        "đối với người gặp khó khắn không, hay chỉ hỗ trợ sau khi sự việc đã xảy ra?")
    assert not ans.abstained and "can thiệp sớm" in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "why"), [
    ("KH 65 phân bổ cho huyện Sơn Hà bao nhiêu căn nhà hỗ trợ hộ nghèo?", "không nêu riêng cho huyện, xã nào"),
    ("What is the plan's 2025 target for the share of the working-age labour force in social insurance?",
     "no such target for 2025; it sets one for 2030"),
    ("ke hoach quy dinh moi nam tinh phai tang them bao nhieu nguoi tham gia bhxh tu nguyen", "không nêu con số này"),
])
def test_abstains_on_what_the_plan_does_not_set(question: str, why: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert ans.abstained and why in ans.answer, ans.answer


# Missed once by the eighth held-out run (eval/holdout8.jsonl): several document facts at once.
@pytest.mark.parametrize(("question", "facts"), [
    ("Em cần ghi đủ số ký hiệu, ngày ban hành và người ký của KH này", ["65/KH-UBND", "20 tháng 3 năm 2024", "Trần Hoàng Tuấn"]),
    ("kh65 duoc ban hanh theo de nghi cua co quan nao va can cu vao nhung van ban nao", ["28/TTr-UBND", "42-NQ/TW", "43-CTr/TU"]),
])
def test_several_document_facts_in_one_answer(question: str, facts: list[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert all(f in ans.answer for f in facts), ans.answer


# Missed by the ninth held-out run (eval/holdout9.jsonl), on the final code of the stop.
@pytest.mark.parametrize(("question", "facts"), [
    ("Phần quốc hiệu, tiêu ngữ ở đầu văn bản ghi thế nào?", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    ("quoc hieu o dau van ban ghi the nao", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),  # "ở đầu", not "ở đâu"
    ("nq 42 ma kh65 trien khai la cua hoi nghi trung uong lan thu may, khoa may", ["lần thứ tám", "khóa XIII"]),
])
def test_header_facts(question: str, facts: list[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and all(f in ans.answer for f in facts), ans.answer


def test_a_figure_asked_of_a_task_that_gives_none(assistant: Assistant) -> None:
    ans = assistant.ask("III.6.b có nêu đến 2025 bao nhiêu trạm y tế xã đạt chuẩn quốc gia không?")
    assert ans.abstained and "không nêu con số này" in ans.answer, ans.answer
    ans = assistant.ask("khoản 2 mục III có bao nhiêu nhiệm vụ")
    assert cited(ans) == ["III.2.a", "III.2.b", "III.2.c"] and "3 nhiệm vụ" in ans.answer, ans.answer


def test_sentence_stop_after_an_agency_name(assistant: Assistant) -> None:
    ans = assistant.ask("I work at the Department of Construction. What tasks do we lead?")
    assert cited(ans) == ["III.6.đ"] and "Sở Xây dựng" in ans.answer, ans.answer


def test_target_words_do_not_match_a_programme_name(assistant: Assistant) -> None:
    ans = assistant.ask("what are the targets for clean water in 2025 and 2030?")
    assert "75%" in ans.answer and "80%" in ans.answer and "3.340" not in ans.answer, ans.answer


def test_signer_and_date_together(assistant: Assistant) -> None:
    ans = assistant.ask("Kế hoạch này do ai ký, ký ngày nào?")
    assert "Trần Hoàng Tuấn" in ans.answer and "20 tháng 3 năm 2024" in ans.answer, ans.answer


def test_a_distribution_list_is_the_recipients(assistant: Assistant) -> None:
    ans = assistant.ask("Is the provincial Social Insurance agency on the distribution list? Who else gets a copy?")
    assert cited(ans) == ["recipients"], ans.answer


@pytest.mark.parametrize(("question", "section"), [("chỉ tiêu BHYT đến năm 2025", "II.2.a"),
                                                    ("ty le tham gia bhxh 2030", "II.2.b")])
def test_topic_abbreviations(question: str, section: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert cited(ans) == [section] and "bảo hiểm" in ans.answer, ans.answer


# Missed by the held-out runs of 7cf5069 (eval/holdout10-12.jsonl) or still open from earlier ones.
@pytest.mark.parametrize(("question", "section", "facts"), [
    ("Việc tuyên truyền cho người đứng đầu về vai trò chính sách xã hội có hạn hoàn thành không hay làm liên tục?",
     "III.1.a", ["Thường xuyên"]),
    ("viec ho tro xay moi, sua chua nha o cho nguoi co cong co phai xong trong nam 2024 ko hay keo dai", "III.3",
     ["Năm 2024 và các năm tiếp theo"]),
    ("Các việc phát triển y tế học đường, y học gia đình có mốc phải hoàn thành không?", "III.6.b",
     ["Năm 2024 và các năm tiếp theo"]),
    ("Sàn giao dịch việc làm, thị trường lao động: ai lo, khi nào xong?", "III.4.d",
     ["Sở Lao động - Thương binh và Xã hội", "Năm 2024 và các năm tiếp theo"]),
    ("Task 8c is led by DONRE. Which bodies are supposed to cordinate with them?", "III.8.c",
     ["Các sở, ban ngành tỉnh"]),
])
def test_more_ways_to_ask_when_and_who(question: str, section: str, facts: list[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert section in cited(ans) and all(f in ans.answer for f in facts), ans.answer


@pytest.mark.parametrize(("question", "facts"), [
    ("den 2030 ty le tre duoi 5 tuoi suy dinh duong thap coi bao nhieu, con tiem chung mo rong dat bao nhieu %",
     ["dưới 15%", "tiêm chủng mở rộng đạt 95%"]),
    ("Đến năm 2030 mục tiêu về mức sinh thế nào, và HDI của tỉnh thuộc nhóm nào?", ["mức sinh thay thế", "nhóm 2"]),
    ("den 2025 it nhat bao nhieu % dan so nong thon dung nuoc sach, chi tieu nay theo quyet dinh so may",
     ["75%", "19/QĐ-UBND"]),
    ("How long does the province expect people to live on average by 2030?", ["khoảng 75 tuổi"]),
])
def test_two_figures_in_one_question(question: str, facts: list[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and all(f in ans.answer for f in facts), ans.answer
    assert set(cited(ans)) <= {"II.2.a", "II.2.b"}, ans.answer


@pytest.mark.parametrize(("question", "facts"), [
    # the second part points back at the first ("for it")
    ("Which department leads the health insurance task, and what coverage target does the plan set for it by 2030?",
     ["Sở Y tế", "95% dân số tham gia bảo hiểm y tế"]),
    # the second part names too little of its own
    ("cơ quan nào chủ trì nhiệm vụ phát triển nhà ở xã hội; chỉ tiêu năm 2025 là bao nhiêu căn?",
     ["Sở Xây dựng", "1.000 căn nhà ở xã hội"]),
])
def test_a_figure_asked_beside_a_tasks_lead_is_answered_with_it(question: str, facts: list[str],
                                                                assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and all(f in ans.answer for f in facts), ans.answer


def test_a_question_declined_whole_is_not_half_answered(assistant: Assistant) -> None:
    """The plan names no NGO and no sum: the bodies taking part in a task of international resources answer neither."""
    ans = assistant.ask("Which international NGOs or UN agencies does the plan name as partners, and how much does each "
                        "contribute?")
    assert ans.abstained and "Coordinating" not in ans.answer, ans.answer


def test_a_ferry_to_ly_son_is_no_district_share(assistant: Assistant) -> None:
    ans = assistant.ask("What time does the first ferry leave for Lý Sơn island?")
    assert ans.abstained and "district" not in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "sections"), [
    ("nhung nhiem vu nao co nhac den lao dong khu vuc phi chinh thuc", {"III.4.d", "III.5.a"}),
    ("Những nhiệm vụ nào nhắc đến đội ngũ làm công tác xã hội (cán bộ, nhân viên)?", {"III.2.a", "III.5.c", "III.7"}),
    ("Which tasks require a policy to be put before the provincial People's Council?", {"III.3", "III.5.a", "III.6.e"}),
    ("Những nhiệm vụ nào nhắc đến bảo hiểm y tế?", {"III.5.a", "III.5.b", "III.6.b"}),  # not "bảo hiểm xã hội, y tế"
])
def test_mentions_with_a_word_or_two_between(question: str, sections: set[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert set(cited(ans)) == sections, ans.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("Trong giai đoạn tới 2025, tỉnh nhắm kêu gọi đầu tư khoảng bao nhiêu căn nhà ở xã hội?", "1.000 căn"),
    ("bao cao kq thuc hien nq 42 hang nam gui ve dau, han truoc ngay nao", "30/10"),
    ("Kế hoạch có đề cập đến chuyện tỉnh hỗ trợ tiền nước cho dân không?", "III.6.e"),
])
def test_chatty_words_and_abbreviations_are_no_topic(question: str, fact: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and fact in ans.answer, ans.answer


# Missed by the thirteenth held-out run (eval/holdout13.jsonl), on ae5a9d8.
@pytest.mark.parametrize(("question", "facts"), [
    ("Kế hoạch này do đồng chí nào ký ban hành?", ["Trần Hoàng Tuấn"]),
    ("ctr hanh dong 43 cua tinh uy ban hanh ngay nao", ["22/01/2024"]),
    ("Đoạn căn cứ ở đầu văn bản (trước mục I): Chương trình 43-CTr/TU do cơ quan nào ban hành?", ["Tỉnh ủy Quảng Ngãi"]),
])
def test_more_header_facts(question: str, facts: list[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and all(f in ans.answer for f in facts), ans.answer


def test_a_mention_in_one_task_quotes_its_sentence(assistant: Assistant) -> None:
    ans = assistant.ask("Kế hoạch có đề cập đến chi trả trợ cấp không dùng tiền mặt không, ở nhiệm vụ nào?")
    assert cited(ans) == ["III.7"] and "không dùng tiền mặt" in ans.answer, ans.answer
    c = ans.citations[0]
    assert (c.start, c.end) != c.highlight  # the naming sentence is lit, not the whole task


# Missed by the held-out runs of cf43756 (eval/holdout14-16.jsonl), or still open from earlier ones.
@pytest.mark.parametrize(("question", "section", "fact"), [
    ("Đến 2030 tỷ lệ thất nghiệp bao nhiêu, có tách riêng khu vực thành thị không?", "II.2.b", "dưới 2,5%"),
    ("ai chu tri nhiem vu ve nha o trong kh 65 cua ubnd tinh quang ngai", "III.6.đ", "Sở Xây dựng"),
    ("Which departments lead the roll-out of social security numbers?", "III.2.b", "Sở Thông tin và Truyền thông"),
    ("tro giup xa hoi cho nguoi cao tuoi thi ngoai cac so nganh va ubnd huyen con ai phoi hop", "III.5.c",
     "Các tổ chức chính trị - xã hội"),
    ("so ld-tbxh phai lam gi o phan to chuc thuc hien", "IV.3", "theo dõi, tổ chức kiểm tra, giám sát"),
    ("Part IV item 2: who appraises the cost estimates?", "IV.2", "Sở Tài chính thẩm định"),
    ("điểm d khoản 6 mục III nói về cái gì?", "III.6.d", "đài truyền thanh cơ sở"),
    ('Kế hoạch có nhắc "mã số an sinh xã hội", đó là nhiệm vụ nào, ai chủ trì?', "III.2.b", "mã số an sinh xã hội"),
])
def test_answers_found_by_later_runs(question: str, section: str, fact: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and cited(ans)[0] == section and fact in ans.answer, ans.answer


def test_a_restaurant_is_no_report(assistant: Assistant) -> None:
    """"reporters" is not a slip of "reports": a glossary plural is "reports", never "reportes"."""
    ans = assistant.ask("Can you recommend a restaurant for a dinner with visiting reporters?")
    assert ans.abstained, ans.answer


# Missed by the held-out runs of 328d617 (eval/holdout17-19.jsonl).
@pytest.mark.parametrize(("question", "section"), [
    ("Is the Department of Health a lead agency for any task? Which task?", "III.4.a"),
    ("In which tasks is the labour, invalids and social affairs department a lead, alone or jointly?", "III.2.a"),
])
def test_an_agency_named_in_other_words_gets_its_list(question: str, section: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    agency = assistant.directory.find(question)[0]
    want = {str(t["id"]) for t in TASKS if agency.name in t["lead"]}
    assert section in want and set(cited(ans)) == want, ans.answer


def test_reference_number_and_issue_date(assistant: Assistant) -> None:
    ans = assistant.ask("What is the plan's reference number, and on what date was it issued?")
    assert not ans.abstained and "65/KH-UBND" in ans.answer and "20 tháng 3 năm 2024" in ans.answer, ans.answer


# Missed by the held-out runs of 9252a59 (eval/holdout20-22.jsonl).
@pytest.mark.parametrize("question", [
    "Liệt kê các nhiệm vụ Sở Nội vụ được giao chủ trì, kể cả những nhiệm vụ đồng chủ trì với sở khác.",
    "so noi vu chu tri (ca dong chu tri) nhung nhiem vu nao",
])
def test_including_shared_leads_means_every_task(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert set(cited(ans)) == {str(t["id"]) for t in TASKS if "Sở Nội vụ" in t["lead"]}, ans.answer


@pytest.mark.parametrize(("question", "facts"), [
    ("Điểm d và điểm đ khoản 6 mục III do sở nào chủ trì?", ["Sở Thông tin và Truyền thông", "Sở Xây dựng"]),
    ("Nhiệm vụ về nhà ở và nhiệm vụ về giáo dục có cùng cơ quan chủ trì không?", ["Sở Xây dựng", "Sở Giáo dục và Đào tạo"]),
])
def test_two_tasks_in_one_question(question: str, facts: list[str], assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert len(cited(ans)) == 2 and all(f in ans.answer for f in facts), ans.answer


@pytest.mark.parametrize(("question", "fact"), [
    ("By what date each year must departments send their report on Resolution 42?", "trước ngày 30/10"),
    ("Điểm a khoản 2 mục II có những chỉ tiêu gì về nước cho dân số nông thôn?", "nước hợp vệ sinh"),
])
def test_a_date_of_part_iv_and_every_clause_of_a_topic(question: str, fact: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and fact in ans.answer, ans.answer


# Missed by the held-out runs of cf5655d (eval/holdout23-25.jsonl).
def test_the_role_of_a_named_body_in_a_task(assistant: Assistant) -> None:
    ans = assistant.ask("Nhiệm vụ 6e: UBND cấp huyện có phối hợp không, vai trò thế nào?")
    assert cited(ans) == ["III.6.e"] and "UBND cấp huyện" in ans.answer, ans.answer


def test_which_contents_is_a_list_of_tasks(assistant: Assistant) -> None:
    ans = assistant.ask("Những nội dung nào trong kế hoạch có yêu cầu trình HĐND tỉnh?")
    assert {"III.3", "III.5.a", "III.6.e"} <= set(cited(ans)), ans.answer


def test_based_on_a_database_is_no_header_question(assistant: Assistant) -> None:
    ans = assistant.ask("Việc chi trả trợ cấp không dùng tiền mặt dựa trên cơ sở dữ liệu nào?")
    assert cited(ans)[0] == "III.7" and "cơ sở dữ liệu quốc gia về dân cư" in ans.answer, ans.answer


# Missed by the held-out runs of 286f8e4 (eval/holdout26-28.jsonl).
@pytest.mark.parametrize(("question", "sections"), [
    ("Which tasks explicitly call for chuyển đổi số?", {"III.2.b", "III.4.d", "III.6.a", "III.6.b"}),
    ("Những nhiệm vụ nào có nội dung trình HĐND tỉnh ban hành hoặc xem xét chính sách hỗ trợ?",
     {"III.3", "III.5.a", "III.6.e"}),
    ("nhung nhiem vu nao co nhac toi vung bai ngang ven bien va hai dao", None),
    ("Những nội dung nào phải trình HĐND tỉnh xem xét, ban hành chính sách?", {"III.3", "III.5.a", "III.6.e"}),
    ("ke hoach co noi ve viec ap dung ma so an sinh xa hoi khong, nam o nhiem vu nao", {"III.2.b"}),  # not "ô nhiễm"
])
def test_coordinated_phrases_in_a_mention_list(question: str, sections: set[str] | None,
                                               assistant: Assistant) -> None:
    ans = assistant.ask(question)
    if sections is None:  # "ven biển và hải đảo": "hải đảo" stands alone, so more than the one task
        assert len(cited(ans)) > 1, ans.answer
    else:
        assert set(cited(ans)) == sections, ans.answer


@pytest.mark.parametrize(("question", "section", "fact"), [
    ("Kế hoạch có đề cập đến chính sách hỗ trợ Bà mẹ Việt Nam anh hùng không?", "III.3", "Bà mẹ Việt Nam anh hùng"),
    ("Does the plan say anything about paying allowances without cash?", "III.7", "không dùng tiền mặt"),
])
def test_does_the_plan_mention_quotes_the_task(question: str, section: str, fact: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert cited(ans) == [section] and fact in ans.answer, ans.answer


def test_a_chance_resemblance_is_no_mention(assistant: Assistant) -> None:
    """"tỉnh hỗ trợ" is three words of ten: the passage on water prices answers, not III.5.d."""
    ans = assistant.ask("Kế hoạch có đề cập đến chuyện tỉnh hỗ trợ tiền nước sinh hoạt cho dân không?")
    assert cited(ans)[0] == "III.6.e", ans.answer


# Missed by the fourth verdict run (eval/holdout32.jsonl), on 151ec00.
@pytest.mark.parametrize(("question", "section"), [
    ("Nhiệm vụ phát triển mạng lưới trợ giúp xã hội cho trẻ em, người cao tuổi và quản lý Quỹ cứu trợ do ai phối hợp?",
     "III.5.c"),
    ("What is the timeline for rolling out social security codes and digitising social policy management?", "III.2.b"),
])
def test_the_task_whose_own_words_the_question_uses(question: str, section: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert cited(ans) == [section], ans.answer


# Missed by the fifth verdict run (eval/holdout33.jsonl), on c710c21.
def test_other_points_an_agency_leads(assistant: Assistant) -> None:
    ans = assistant.ask("Sở TT&TT chủ trì (kể cả chủ trì chung với sở khác) những điểm nào? Tôi biết có 1a, còn điểm nào nữa?")
    assert set(cited(ans)) == {str(t["id"]) for t in TASKS if "Sở Thông tin và Truyền thông" in t["lead"]}, ans.answer


def test_an_agencys_points_within_an_item(assistant: Assistant) -> None:
    ans = assistant.ask("Trong khoản 4 mục III, Sở Giáo dục và Đào tạo cùng chủ trì những điểm nào?")
    assert set(cited(ans)) == {"III.4.b", "III.4.c"}, ans.answer


def test_points_not_led_by_an_agency_show_every_lead(assistant: Assistant) -> None:
    ans = assistant.ask("Trong khoản 8 phần III, những điểm nào không có Sở LĐTBXH chủ trì?")
    assert {"III.8.b", "III.8.c"} <= set(cited(ans)), ans.answer


def test_a_building_is_not_a_glossary_slip(assistant: Assistant) -> None:
    ans = assistant.ask("Can you recommend a hotel near the People's Committee building?")
    assert ans.abstained, ans.answer


# Missed by the sixth verdict run (eval/holdout34.jsonl), on 72b1bf4.
def test_the_task_holding_the_longest_run_of_the_question(assistant: Assistant) -> None:
    ans = assistant.ask("nhiem vu phat trien mang luoi dich vu tro giup xa hoi cho tre em, nguoi cao tuoi do ai phoi hop")
    assert cited(ans) == ["III.5.c"], ans.answer


def test_tasks_written_to_require_a_submission(assistant: Assistant) -> None:
    ans = assistant.ask("co nhung nhiem vu nao ghi la phai trinh hdnd tinh ban hanh chinh sach, liet ke giup")
    assert {"III.3", "III.5.a"} <= set(cited(ans)), ans.answer


# Declined by the eighth verdict run (eval/holdout36.jsonl), on c84f880.
def test_a_run_of_the_plans_words_outweighs_a_stray_word(assistant: Assistant) -> None:
    ans = assistant.ask("Kế hoạch có nhắc gì đến Bà mẹ Việt Nam anh hùng không? Tỉnh sẽ làm gì cho các mẹ?")
    assert cited(ans) == ["III.3"] and "chính sách hỗ trợ cho Bà mẹ Việt Nam anh hùng" in ans.answer, ans.answer


# -- follow-up ------------------------------------------------------------------------------


def test_follow_up_keeps_the_question_kind(assistant: Assistant) -> None:
    first = assistant.ask("ai chủ trì nhiệm vụ 6đ?")
    assert "Sở Xây dựng" in first.answer
    second = assistant.ask("còn nhiệm vụ 6e thì sao?", history=[
        {"role": "user", "content": "ai chủ trì nhiệm vụ 6đ?"},
        {"role": "assistant", "content": first.answer},
    ])
    assert "III.6.e" in cited(second)
    for name in ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"):
        assert name in second.answer
    assert "Sở Xây dựng" not in second.answer


def test_follow_up_in_english(assistant: Assistant) -> None:
    first = assistant.ask("Which agency leads task 4b?")
    second = assistant.ask("What about task 4c?", history=[
        {"role": "user", "content": "Which agency leads task 4b?"},
        {"role": "assistant", "content": first.answer},
    ])
    assert cited(second) == ["III.4.c"]
    for name in ("Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư"):
        assert name in second.answer


# -- faithfulness over the evaluation set ----------------------------------------------------

EVAL = [json.loads(line) for line in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]
_SECTION_ID = re.compile(r"(?<![\w.])(?:IV|I{1,3})\.\d{1,2}(?:\.[a-zđ])?(?!\w)", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d.,/]*")
_COUNT = re.compile(r"\b(\d+) (?:nhiệm vụ|tasks?)\b")


def norm(text: str) -> str:
    """canon + agency hyphen spacing ("động-Thương" -> "động - Thương") + whitespace folding."""
    text = canon(text)
    text = re.sub(r"(?<=[^\W\d_])\s*-\s*(?=[^\W\d_])", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def numbers(text: str) -> set[str]:
    return {m.group(0).rstrip(".,/") for m in _NUMBER.finditer(text)}


def unfaithful(assistant: Assistant, ans: Answer, fold_case: bool = False) -> list[str]:
    """What an answer states that none of its citations says (agency names, numbers, list counts)."""
    text = norm(ans.answer)
    cites = [norm(c.text) for c in ans.citations]

    def said(name: str, where: str) -> bool:
        return name.casefold() in where.casefold() if fold_case else name in where

    problems = [f"agency {name!r} not in citations" for name in (norm(a.name) for a in assistant.directory.agencies)
                if said(name, text) and not any(said(name, c) for c in cites)]
    text = _SECTION_ID.sub(" ", text)
    # A list's count is checked against the list itself.
    for m in _COUNT.finditer(text):
        if int(m.group(1)) != len(ans.citations):
            problems.append(f"count {m.group(1)} but {len(ans.citations)} citations")
    text = _COUNT.sub(" ", text)
    # The plan's number and date may be restated in any form, if the cited header carries them.
    plan = assistant.plan
    header = next((c for c, x in zip(cites, ans.citations, strict=True) if x.section == "header"), "")
    y, mo, d = plan.date.split("-")
    number = norm(plan.number)
    if number in header and f"ngày {int(d)} tháng {int(mo)} năm {y}" in header:
        text = text.replace(number, " ").replace(plan.date, " ")
        text = re.sub(rf"ngày {int(d)} tháng {int(mo)} năm {y}", " ", text)
    known = set().union(*(numbers(c) for c in cites)) if cites else set()
    problems += [f"number {n!r} not in citations" for n in sorted(numbers(text) - known)]
    return problems


@pytest.fixture(scope="module")
def eval_answers(assistant: Assistant) -> dict[str, Answer]:
    """Answers to the evaluation questions, asked once for both faithfulness tests."""
    return {}


def answer_of(item: dict, assistant: Assistant, cache: dict[str, Answer]) -> Answer:
    if item["id"] not in cache:
        cache[item["id"]] = assistant.ask(item["q"])
    return cache[item["id"]]


@pytest.mark.parametrize("item", EVAL, ids=[r["id"] for r in EVAL])
def test_faithful_to_citations(item: dict, assistant: Assistant, eval_answers: dict[str, Answer]) -> None:
    # Letter case of agency names is folded here; the verbatim check is the next test.
    ans = answer_of(item, assistant, eval_answers)
    if ans.abstained:
        return
    assert ans.citations, ans.answer
    assert unfaithful(assistant, ans, fold_case=True) == [], ans.answer


@pytest.mark.xfail(strict=True, reason=(
    "the answers print the directory's canonical spelling of two collective bodies while the cited role "
    "lines write them with other capitals: 'Các sở, ban ngành tỉnh' vs 'Các Sở, ban ngành tỉnh' / "
    "'Các sở, Ban ngành tỉnh', and 'Các tổ chức chính trị - xã hội' vs 'các tổ chức chính trị- xã hội'; "
    "with exact (case-sensitive) matching these answers name a body their citation does not spell so"))
def test_agency_names_are_quoted_verbatim(assistant: Assistant, eval_answers: dict[str, Answer]) -> None:
    bad = {}
    for item in EVAL:
        ans = answer_of(item, assistant, eval_answers)
        if not ans.abstained and (problems := unfaithful(assistant, ans)):
            bad[item["id"]] = problems
    assert bad == {}


def test_faithfulness_check_catches_an_invented_number(assistant: Assistant) -> None:
    ans = assistant.ask("Tỷ lệ tham gia bảo hiểm y tế năm 2025?")
    forged = Answer(ans.question, ans.answer.replace("95%", "97%"), False, ans.citations, ans.hits, ans.style,
                    ans.intent)
    assert unfaithful(assistant, ans) == []
    assert unfaithful(assistant, forged) == ["number '97' not in citations"]


def test_faithfulness_check_catches_an_uncited_agency(assistant: Assistant) -> None:
    ans = assistant.ask("Cơ quan nào chủ trì nhiệm vụ 6đ?")
    forged = Answer(ans.question, ans.answer.replace("Sở Xây dựng", "Sở Y tế"), False, ans.citations, ans.hits,
                    ans.style, ans.intent)
    assert unfaithful(assistant, ans) == []
    assert unfaithful(assistant, forged) == ["agency 'Sở Y tế' not in citations"]


def test_eval_file_is_the_one_described() -> None:
    assert len(EVAL) >= 300
    assert {r["style"] for r in EVAL} == {"vi", "vi_nodiac", "en", "ref"}


@pytest.mark.parametrize(("question", "sections", "fact"), [
    # a typed slip in an asking word ("hpo") still asks for the coordinators
    ("nv 5c cq phoi hpo gom nhung ai", {"III.5.c"}, "Các sở, ban ngành tỉnh"),
    # an abbreviation ("tg") and a timeline kind make a list
    ("nhung nv nao co tg thuc hien la thuong xuyen", {"III.1.a", "III.1.b"}, "Thường xuyên"),
    # "two or more" leads
    ("Give me every task where the lead role is shared by two or more departments.",
     {"III.2.a", "III.2.b", "III.4.b", "III.4.c", "III.5.d", "III.6.e"}, "III.6.e"),
])
def test_mended_mechanisms(question: str, sections: set[str], fact: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert not ans.abstained and sections <= set(cited(ans)) and fact in ans.answer, ans.answer


@pytest.mark.parametrize("question", [
    "What poverty rate does the province aim to reach by 2027?",  # a year the plan sets no target for
    "How many poor households does Ba To district have at the moment?",  # a district the plan does not name
])
def test_declined_on_what_the_plan_holds(question: str, assistant: Assistant) -> None:
    assert assistant.ask(question).abstained


@pytest.mark.parametrize(("question", "fact"), [
    # A document the plan stands on, named by kind and number, asks a fact of it.
    ("Resolution 42 came out of which plenum, and of which term of the Party Central Committee?", "Hội nghị lần thứ tám"),
    ("What higher-level documents does plan 65 implement?", "43-CTr/TU"),
])
def test_a_document_the_plan_stands_on(question: str, fact: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert ans.route == "document" and fact in ans.answer, ans.answer


def test_an_english_topic_phrase_must_be_the_targets_own(assistant: Assistant) -> None:
    # "social workers" shares "xã hội" with the social-housing target: that is no target of social workers.
    ans = assistant.ask("How many professional social workers does the province intend to recruit by 2030?")
    assert ans.abstained, ans.answer


def test_a_list_gives_what_each_item_is_asked_with(assistant: Assistant) -> None:
    ans = assistant.ask("List the tasks done regularly, together with the agency leading each one.")
    assert "III.1.b" in cited(ans) and "lead: Sở Nội vụ" in ans.answer, ans.answer


def test_a_passage_answer_adds_the_role_asked_beside_it(assistant: Assistant) -> None:
    ans = assistant.ask("What does the plan say about housing and who leads it?")
    assert "III.6.đ" in cited(ans) and "Lead: Sở Xây dựng" in ans.answer, ans.answer



def test_a_letter_typed_without_marks_is_read_by_the_topic_it_comes_with(assistant: Assistant) -> None:
    # "6d" typed without marks may be 6đ: the question's own words (housing) are 6đ's, not 6d's (information).
    ans = assistant.ask("nv 6d nha o, noxh cho cong nhan kcn thi so nao ct")
    assert "III.6.đ" in cited(ans) and "Sở Xây dựng" in ans.answer, ans.answer
    assert "III.6.d" in cited(assistant.ask("nv 6d ai chu tri"))


def test_a_parts_groups_are_listed_by_their_titles(assistant: Assistant) -> None:
    """"Phần III gồm bao nhiêu nhóm nhiệm vụ": the eight items that group its tasks, not the 24 tasks."""
    ans = assistant.ask("Phần III gồm bao nhiêu nhóm nhiệm vụ lớn? Hãy liệt kê tên các nhóm.")
    assert cited(ans) == [f"III.{n}" for n in range(1, 9)] and "8" in ans.answer, ans.answer


@pytest.mark.parametrize("question", ["Which provincial hospital will pilot the electronic health records?",
                                      "benh vien nao thi diem benh an dien tu"])
def test_a_named_institution_of_a_kind_the_plan_names_none_of(question: str, assistant: Assistant) -> None:
    ans = assistant.ask(question)
    assert ans.abstained and ("hospital" in ans.answer or "bệnh viện" in ans.answer), ans.answer


def test_a_plan_that_replaces_nothing_says_so(assistant: Assistant) -> None:
    ans = assistant.ask("Kế hoạch này thay thế kế hoạch nào?")
    assert ans.route == "document" and "không nêu" in ans.answer, ans.answer


def test_bodies_named_before_the_verb_of_mentioning_with_their_roles(assistant: Assistant) -> None:
    """"X được nhắc đến ở nhiệm vụ nào": X is what is looked for, each body with its role and its role line quoted."""
    ans = assistant.ask("Báo Quảng Ngãi và Đài Phát thanh - Truyền hình tỉnh được nhắc đến ở nhiệm vụ nào, với vai trò gì?")
    assert [c.section for c in ans.citations] == ["III.1.a"], ans.answer
    assert "Báo Quảng Ngãi: phối hợp" in ans.answer and "Cơ quan phối hợp thực hiện" in ans.answer, ans.answer


def test_a_bracket_saying_it_again_in_the_plans_words(assistant: Assistant) -> None:
    """"người già (người cao tuổi)": the plan writes the bracket's words, and is searched for them."""
    ans = assistant.ask("kh nhac nguoi gia (nguoi cao tuoi) o nhung muc nao, liet ke het giup")
    assert not ans.abstained and {"II.2.b", "III.5.c", "III.7"} <= {c.section for c in ans.citations}, ans.answer


def test_each_thing_a_question_asks_is_answered(assistant: Assistant) -> None:
    """A part the first answer leaves unsaid is asked after it, and its answer added; a part asked in a few words
    ("and in what capacity?") that the answer already holds adds nothing."""
    a = assistant.ask("Mục tiêu tổng quát của Kế hoạch đặt mốc đến năm nào, còn tầm nhìn hướng đến năm nào?")
    assert [c.section for c in a.citations] == ["II.1", "II.2.c"]
    assert "2030" in a.answer and "2045" in a.answer
    signed = assistant.ask("Who signed this plan, and in what capacity?")
    assert [c.section for c in signed.citations] == ["signature"] and "PHÓ CHỦ TỊCH" in signed.answer


def test_every_section_using_an_english_term(assistant: Assistant) -> None:
    """"Which sections use the term …", "in which sections … mentioned": every unit writing its Vietnamese."""
    ans = assistant.ask("Which sections use the term 'people with disabilities'?")
    assert cited(ans) == ["III.2.a", "III.5.c", "III.6.a", "III.7"], ans.answer


@pytest.mark.parametrize(("question", "tasks"), [
    ("nhiemvu nao so ldtbxh chu tri 1 minh, ko chung voi so khac", {"III.3", "III.4.d", "III.5.c", "III.7", "III.8.a"}),
    ("Give me everything the education department leads, shared ones too.", {"III.4.b", "III.4.c", "III.6.a"}),
])
def test_words_run_together_everything_asked_and_not_jointly(question: str, tasks: set[str], assistant: Assistant) -> None:
    """"nhiemvu nao" is "nhiệm vụ nào"; "everything it leads" asks a list; "không chung với sở khác" says "alone" again."""
    ans = assistant.ask(question)
    assert set(cited(ans)) == tasks, ans.answer


def test_every_role_listed_as_its_ways_are_listed(assistant: Assistant) -> None:
    ans = assistant.ask("Liệt kê đầy đủ các nhiệm vụ giao cho Sở Lao động - Thương binh và Xã hội ở mọi vai trò: chủ trì "
                        "một mình, đồng chủ trì, và các trách nhiệm trong phần Tổ chức thực hiện.")
    assert {"III.2.a", "III.4.b", "III.5.d", "III.3", "IV.3"} <= set(cited(ans)), ans.answer


def test_each_part_of_a_target_question_gets_every_clause_that_answers_it(assistant: Assistant) -> None:
    # "bn nha cho ho ngheo": two clauses of 2025 count houses for poor households (588 and 3.340), both answer
    ans = assistant.ask("muc tieu 2025 ve nha o: bn can noxh, bn nha cho ho ngheo")
    assert all(x in ans.answer for x in ("1.000 căn", "588", "3.340")), ans.answer
    # a part naming no year is of the question's year, its own clause listed beside the other part's
    ans = assistant.ask("Các chỉ tiêu năm 2025 về nhà ở cho hộ nghèo và về nước sạch nông thôn dựa trên những quyết định nào?")
    assert "1421/QĐ-UBND" in ans.answer and "19/QĐ-UBND" in ans.answer, ans.answer


def test_a_figure_the_question_quotes_from_a_target_gives_that_targets_year(assistant: Assistant) -> None:
    # "supporting new houses" is the work, not a partner asked
    ans = assistant.ask("Until when the province must finish supporting new houses for the 2,875 households of people with "
                        "meritorious services to the revolution?")
    assert "2.875" in ans.answer and "2025" in ans.answer and "Coordinating" not in ans.answer, ans.answer


def test_a_slip_in_an_asking_word_counts_as_no_word_the_plan_lacks(assistant: Assistant) -> None:
    ans = assistant.ask("kh65 phan nuoc sach cho ba con mien nui thi so nao chu trii vay")
    assert not ans.abstained and "Sở Nông nghiệp và Phát triển nông thôn" in ans.answer, ans.answer


def test_an_english_target_the_glossary_reaches_whole_and_one_asked_by_when(assistant: Assistant) -> None:
    # every topic phrase ("clean water", "rural", "households") in one clause: no clause of the embedder's reading instead
    ans = assistant.ask("what's the 2030 clean water target – towns versus rural households?")
    assert "80% hộ gia đình ở nông thôn" in ans.answer, ans.answer


def test_the_askers_words_about_themselves_ask_nothing(assistant: Assistant) -> None:
    ans = assistant.ask("Good afternoon. I am working with a health-systems project. According to the plan, how many "
                        "hospital beds and how many doctors per 10,000 people should the province have by 2030?")
    assert ans.route == "target" and "32 giường" in ans.answer and "11 bác sĩ" in ans.answer, ans.answer


def test_a_section_named_as_one_more_to_count_bounds_no_mention_list(assistant: Assistant) -> None:
    # "(6đ nhà ở cũng tính)": 6đ counts too; the places are looked for everywhere, targets and tasks alike
    ans = assistant.ask("kh65 nhac den cong nhan o nhung cho nao, ca chi tieu lan nv (6d nha o cung tinh), ke het")
    assert cited(ans) == ["II.2.a", "II.2.b", "III.6.đ", "III.7"], ans.answer
    # a section named as where to look still bounds it, asked by its points ("ở điểm nào")
    ans = assistant.ask("Mục III.6 nhắc đến công nhân ở điểm nào?")
    assert cited(ans) == ["III.6.đ"], ans.answer


def test_the_plans_words_quoted_as_an_example_name_what_is_asked(assistant: Assistant) -> None:
    # the bracket's quoted "khi tỉnh cân đối được ngân sách" finds the tasks wording the condition so
    ans = assistant.ask('Những nhiệm vụ nào trong phần III có nội dung phụ thuộc vào khả năng cân đối ngân sách của tỉnh '
                        '(kiểu "khi tỉnh cân đối được ngân sách")? Liệt kê đủ, kèm cơ quan chủ trì.')
    assert cited(ans) == ["III.5.a", "III.5.c", "III.6.e"], ans.answer


def test_tasks_asked_for_in_the_plans_own_words_without_a_verb_of_mentioning(assistant: Assistant) -> None:
    # no "nhắc đến": the run of the plan's words the question repeats ("trình HĐND tỉnh ban hành chính sách") names them
    ans = assistant.ask("Để chuẩn bị thẩm tra, xin cho biết những nội dung nào Kế hoạch giao trình HĐND tỉnh ban hành "
                        "chính sách hoặc xem xét, quyết định?")
    assert ans.route == "list" and {"III.3", "III.5.a"} <= set(cited(ans)), ans.answer


@pytest.mark.parametrize("question", ["Khi nào sơ kết kế hoạch?", "when is the mid-term review?", "khi nao tong ket kh65"])
def test_a_review_the_plan_never_holds_is_set_no_time(question: str, assistant: Assistant) -> None:
    # plan 65 names no review of itself: no task's timeline answers for one ("kế hoạch sơ kết" is no "kế hoạch số")
    ans = assistant.ask(question)
    assert ans.abstained and ans.rule == "review_time", ans.answer


def test_one_task_named_as_co_led_is_asked_its_partners_not_a_count_of_leads(assistant: Assistant) -> None:
    ans = assistant.ask("Task 2b on digitalising social-policy management is co-led by the Department of Information and "
                        "Communications and DOLISA. Which bodies does the plan list as coordinating partners?")
    assert ans.rule == "section_roles" and "UBND các huyện, thị xã, thành phố" in ans.answer, ans.answer


def test_a_commune_typed_without_marks_whose_name_opens_with_a_units_word(assistant: Assistant) -> None:
    # "xa tinh khe" is xã Tịnh Khê, which plan 65 never names ("tỉnh" opens the name); "xã, tỉnh Quảng Ngãi" is the plan's
    ans = assistant.ask("ng dan hoi: xa tinh khe dc phan bo bn can nha cho ho ngheo theo kh65")
    assert ans.abstained and ans.rule == "elsewhere", ans.answer
    assert assistant.ask("cac xa tinh quang ngai lam gi").rule != "elsewhere"


def test_casual_english_asks_the_document_date_and_a_tasks_helpers(assistant: Assistant) -> None:
    # "this thing" is the plan: when it was issued is a fact of the document
    ans = assistant.ask("when was this thing issued?")
    assert ans.route == "document" and "2024" in ans.answer, ans.answer
    # … but "when was that decision issued" asks of the decision the plan names, not of the plan
    ans = assistant.ask("What period does the housing-support scheme for poor and near-poor households approved by "
                        "Decision 1421/QĐ-UBND cover, and when was that decision issued?")
    assert ans.route != "document" and "13/12/2022" in ans.answer, ans.answer
    # getting help from anyone asks the partners; the lead the question names is confirmed beside them
    ans = assistant.ask("does the Department of Health get help from anyone on the health insurance stuff?")
    assert cited(ans) == ["III.5.b"] and "Sở Y tế" in ans.answer and "UBND các huyện" in ans.answer, ans.answer
    ans = assistant.ask("the awards and recognition thing, Home Affairs runs that, right? who helps them out?")
    assert cited(ans) == ["III.1.b"] and "Sở Nội vụ" in ans.answer and "UBND các huyện" in ans.answer, ans.answer


def test_a_name_said_before_the_question_is_no_name_asked_about(assistant: Assistant) -> None:
    ans = assistant.ask("VBSP doesn't seem to be named anywhere. Where does the plan address policy credit for job "
                        "creation and livelihoods, and under which task?")
    assert not ans.abstained and "III.4.d" in cited(ans), ans.answer
    assert assistant.ask("Does the plan refer to any ILO convention?").abstained


def test_every_place_asked_in_targets_and_tasks_alike(assistant: Assistant) -> None:
    ans = assistant.ask("Tôi muốn biết mọi chỗ Kế hoạch nhắc đến đồng bào dân tộc thiểu số, cả ở mục tiêu lẫn nhiệm vụ. "
                        "Xin liệt kê đầy đủ.")
    assert {"II.1", "II.2.b", "III.3", "III.8.b"} <= set(cited(ans)), ans.answer


def test_a_long_sentence_is_quoted_up_to_the_clause_that_answers(assistant: Assistant) -> None:
    # the 2030 health targets are one long bullet: its last clause, not its head, says AIDS, TB and malaria
    ans = assistant.ask("kh65 dat muc tieu cham dut aids, lao va loai tru sot ret den nam nao")
    assert "loại trừ sốt rét" in ans.answer and "II.2.b" in cited(ans), ans.answer


def test_a_level_asked_of_what_the_plan_never_writes_is_a_figure_it_does_not_give(assistant: Assistant) -> None:
    # "mức học bổng": the plan names no scholarship; its targets that share "mức" or "dân tộc" do not answer
    ans = assistant.ask("Kế hoạch có quy định mức học bổng chính sách hằng tháng cho học sinh trường phổ thông dân tộc "
                        "nội trú không, cụ thể bao nhiêu?")
    assert ans.abstained, ans.answer
    assert not assistant.ask("mức sống của người có công đạt mức nào năm 2025").abstained


def test_who_funds_a_task_is_asked_of_the_funding_clause(assistant: Assistant) -> None:
    ans = assistant.ask("who funds the housing task?")
    assert cited(ans)[:1] == ["IV.2"] and "Sở Tài chính" in ans.answer, ans.answer
    assert "Sở Xây dựng" in assistant.ask("who leads the housing task?").answer


def test_where_the_asker_lives_said_before_asking_is_no_place_asked(assistant: Assistant) -> None:
    ans = assistant.ask("Tôi là thương binh, gia đình thuộc hộ cận nghèo ở huyện Tư Nghĩa, căn nhà đã xuống cấp. Xin hỏi "
                        "việc hỗ trợ xây mới, sửa chữa nhà ở cho người có công thì cơ quan nào chủ trì tham mưu?")
    assert not ans.abstained and "Thương binh và Xã hội" in ans.answer, ans.answer
    assert assistant.ask("Chỉ tiêu hộ nghèo của huyện Tư Nghĩa là bao nhiêu?").abstained


def test_a_time_asked_beside_whether_the_plan_mentions_something(assistant: Assistant) -> None:
    ans = assistant.ask("Kế hoạch có nói đến việc chi trả trợ cấp không dùng tiền mặt cho người có công không, và việc "
                        "này thực hiện từ khi nào?")
    assert "III.7" in cited(ans) and "Năm 2024 và các năm tiếp theo" in ans.answer, ans.answer
