"""The route table (assistant/routes.py) through the real assistant over plan 65's index: each rule is
taken by the questions it is for, and the answer reports the rule and the route it took."""

from __future__ import annotations

import json

import pytest
from _plan_index import plan_index

from assistant import Assistant, Settings
from assistant.cli import main
from assistant.routes import ROUTES, SECTION_ROUTES


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant.load(Settings(index=plan_index(tmp_path_factory)))


# question, the rule that answers it, the kind of answer, words the answer holds
CASES = [
    ("nhiệm vụ 9c do ai chủ trì", "missing_section", "refusal", ""),
    # a point the plan lacks of an item it has, asked in words the item says: the item mistyped, answered by its words
    ("nv 3c ve nguoi co cong noi gi ve ba me vn anh hung", "passage", "passage", "Bà mẹ Việt Nam anh hùng"),
    ("nv 6h ve nha o xa hoi ai chu tri", "task_roles", "role", "Sở Xây dựng"),
    # "hạn" the noun of a deadline, a year of completing: a task's time is asked
    ("nvu tuyen truyen nang cao nhan thuc ve chinh sach xa hoi (1a) han thuc hien the nao", "section_roles", "role",
     "Thường xuyên"),
    ("Kế hoạch có đặt năm hoàn thành cho nhiệm vụ phát triển nhà ở xã hội không, hay chỉ ghi chung chung?", "task_roles",
     "role", "Năm 2024 và các năm tiếp theo"),
    # every provision (a unit under another name) that refers to it: every unit naming it
    ("Please identify every provision of the plan, targets and tasks alike, that refers to health insurance.",
     "mentioned_where", "list", "III.6.b"),
    # the thing counted is what a clause must count: trained workers in general are no social workers
    ("How many social workers will be trained by 2030 as per this plan?", "figure", "refusal", ""),
    # the whole country's figure, where the plan sets its province's only
    ("Nghị quyết 42-NQ/TW đặt mục tiêu cho cả nước đến năm 2030 tỷ lệ bao phủ bảo hiểm y tế là bao nhiêu?", "out_of_reach",
     "refusal", "cả nước"),
    ("cài vneid mục 2 trên điện thoại thế nào", "bare_number", "refusal", ""),
    ("Mục IV có quy định hình thức kỷ luật cán bộ không", "section_lacks", "refusal", ""),
    ("trong mục III, nhiệm vụ nào nhắc đến chuyển đổi số", "section_mentions", "list", "chuyển đổi số"),
    ("mục III nhắc đến công nhân ở những chỗ nào", "section_mentioned_where", "list", "III.6.đ"),
    ("mục IV giao Sở Tài chính làm gì", "section_duties", "duties", "IV.2"),
    ("trong các nhiệm vụ 4a, 4b, 4c, 4d, nhiệm vụ nào Sở Lao động - Thương binh và Xã hội chủ trì",
     "section_agency_among", "list", "III.4.b"),
    ("trong mục III, những nhiệm vụ nào thực hiện thường xuyên", "section_tasks_due", "list", "III.1.b"),
    ("trong mục III có những nhiệm vụ nào do từ hai cơ quan cùng chủ trì", "section_lead_count", "list", "III.4.c"),
    ("Sở Y tế chủ trì những điểm nào? Tôi biết có 4a, còn điểm nào nữa", "section_agency_all", "list", "III.4.a"),
    ("ai chủ trì 6đ", "section_roles", "role", "Sở Xây dựng"),
    ("mục 4 gồm những nhiệm vụ gì", "section_tasks", "list", "III.4.d"),
    ("phần III gồm bao nhiêu nhóm nhiệm vụ, kể tên các nhóm", "section_groups", "list", "III.8"),
    ("kế hoạch có mấy nhóm nhiệm vụ, là những nhóm nào", "task_groups", "list", "III.8"),
    ("III.6.b có nêu bao nhiêu trạm y tế xã đạt chuẩn", "section_no_figure", "refusal", ""),
    ("6d nói về cái gì", "section_one_task", "role", "Sở Thông tin và Truyền thông"),
    ("mục III nói gì", "section_text", "passage", "III.1.a"),
    ("Kế hoạch thực hiện Nghị quyết 42-NQ/TW của UBND tỉnh Bình Định có số hiệu là gì?", "elsewhere", "refusal", ""),
    ("Ai ký kế hoạch này?", "document", "document", "Trần Hoàng Tuấn"),
    ("Phần tổ chức thực hiện giao Sở Tài chính làm gì?", "section_duties", "duties", "Sở Tài chính"),  # the part by its title
    ("What does the implementation section require of the Department of Finance?", "duties", "duties", "Sở Tài chính"),
    ("những nhiệm vụ nào nhắc đến người khuyết tật", "mentions", "list", "người khuyết tật"),
    # tasks asked for in the plan's own words, with no verb of mentioning
    ("những nhiệm vụ nào trình HĐND tỉnh ban hành chính sách", "shared_in_tasks", "list", "III.5.a"),
    # … or after the verb that assigns them ("nội dung nào … giao …")
    ("những nội dung nào kế hoạch giao trình HĐND tỉnh ban hành chính sách", "mentions", "list", "III.5.a"),
    ("Những nội dung nào trong Kế hoạch 65 giao tham mưu trình HĐND tỉnh ban hành chính sách hoặc xem xét, quyết định?",
     "mentions", "list", "III.6.e"),
    # a body staff name by its head word and initials ("đoàn tn"), which the plan names only among a kind of bodies
    ("doan tn co dc giao ph nv nao trong kh65 ko", "unnamed_body", "list", "Các tổ chức chính trị - xã hội"),
    # a target asked as such of a task's topic: the plan's indicator on it, set in part II
    ("6dd nha o xa hoi chi tieu 2025 bn can, chi tieu 2030 bn can", "section_no_figure", "target", "5.000 căn"),
    # a heading the question says whole is the passage it asks for
    ("Mục đích ban hành Kế hoạch được nêu như thế nào? Xin trích đúng câu văn trong Kế hoạch.", "passage", "passage",
     "quán triệt và triển khai kịp thời"),
    # a year of figures the plan sets none for, beside the year that names the targets asked of
    ("baseline values (2023) for the 2030 indicators?", "out_of_reach", "refusal", ""),
    ("Does the plan state the monthly amount of the social pension (trợ cấp hưu trí xã hội), or the age at which older "
     "people become eligible for it?", "sums", "refusal", ""),
    ("2c resource mobilisation (Department of Finance): start and end year?", "section_roles", "role",
     "Năm 2024 và các năm tiếp theo"),
    # a statistic of the past, where the plan sets targets only
    ("To set a baseline for our results framework: what was the stunting rate among children under five in Quảng Ngãi "
     "when the plan was adopted?", "out_of_reach", "refusal", ""),
    # figures asked in words ("những con số cụ thể nào"), typed with marks: "Độc giả rất" is no slip of "giá đất"
    ("Độc giả rất quan tâm chuyện nhà ở. Đến năm 2025, Kế hoạch đặt ra những con số cụ thể nào về nhà ở xã hội và hỗ "
     "trợ nhà ở cho người có công, hộ nghèo, hộ cận nghèo?", "target", "target", "2.875 hộ"),
    # the other partners of the task a body supports, asked beside it
    ("Trong Kế hoạch, nhiệm vụ nào có các tổ chức chính trị - xã hội được nêu là cơ quan phối hợp thực hiện, và nhiệm vụ "
     "đó còn những cơ quan phối hợp nào khác?", "agency_tasks", "list", "cơ quan phối hợp khác: Các sở, ban ngành tỉnh"),
    # every place naming a theme, each task with its lead
    ("Hãy liệt kê mọi chỗ Kế hoạch nhắc đến nhà ở, cả mục tiêu, chỉ tiêu lẫn nhiệm vụ.", "mentioned_where", "list",
     "chủ trì: Sở Xây dựng"),
    # two units of objectives asked by their headings, each quoted
    ("To which year does the general objective run, and what is the horizon of the long-term vision?", "objective_time",
     "passage", "Tầm nhìn đến năm 2045"),
    # Every unit naming it, a target as much as a task.
    ("những mục nào trong kế hoạch nhắc đến người cao tuổi", "mentioned_where", "list", "II.2.b"),
    # what the question says of the answer's form ("nêu rõ mục và nội dung liên quan") is no word of what is asked
    ("Kế hoạch nói đến người khuyết tật ở những chỗ nào, nêu rõ mục và nội dung liên quan", "mentioned_where", "list",
     "nhắc đến “người khuyết tật” ở 4 mục"),
    # A body the plan never names, among the kind of body it names as a whole.
    ("hội lhpn tỉnh phối hợp những nhiệm vụ nào", "unnamed_body", "list", "Các tổ chức chính trị - xã hội"),
    ("Sở Y tế chủ trì những nhiệm vụ nào?", "agency_tasks", "list", "III.4.a"),
    ("Which measures does the Department of Construction lead?", "agency_tasks", "list", "III.6.đ"),
    # what the plan says about a thing: each unit near the question that names it (a target and the task serving it)
    ("Kế hoạch nói gì về Bà mẹ Việt Nam anh hùng?", "passage", "passage", "Theo mục III.3"),
    # in any role it holds, the implementation part's mentions too ("… gửi Sở Tài chính thẩm định")
    ("Liệt kê mọi nội dung giao trách nhiệm cho Sở Tài chính, dù là chủ trì hay tiếp nhận, thẩm định", "agency_tasks", "list",
     "IV.2"),
    # another province of the country, typed without marks ("tỉnh Sơn La", never "sơn là")
    ("kh tinh son la giao so xay dung nv gi", "elsewhere", "refusal", ""),
    # a point's letter in brackets; "who is assigned" asks the lead beside the deadline
    ("who leads task 6(đ)?", "section_roles", "role", "Sở Xây dựng"),
    ("Who is assigned task 6(đ), and by when?", "section_roles", "role", "Năm 2024 và các năm tiếp theo"),
    # two figures in one breath: each part's own clause, of the kind it asks ("%" only of the second)
    ("2030 chi tieu bac si tren 10.000 dan voi tyt co cong trinh ve sinh dat chuan bao nhieu %", "target", "target", "11 bác sĩ"),
    ("According to Part II, what share of the labour force is to have social insurance by 2030, and what share "
     "unemployment insurance?", "section_target", "target", "27% lực lượng lao động"),
    ("những nhiệm vụ nào thực hiện thường xuyên", "tasks_of_timeline", "list", "III.1.b"),
    ("liệt kê các nhiệm vụ về an sinh xã hội và cơ quan chủ trì", "topic_roles", "role", "III.5.a"),
    ("những nhiệm vụ nào có từ hai cơ quan chủ trì trở lên", "lead_counts", "list", "III.6.e"),
    ("kế hoạch có bao nhiêu nhiệm vụ", "all_tasks", "list", "24"),
    ("tổng kinh phí thực hiện kế hoạch là bao nhiêu tỷ đồng", "sums", "refusal", ""),
    # Names the plan never writes, offered as examples: an acronym, a name of English words the glossary lacks.
    ("Which NGO will work with the province on child protection, like Save the Children or UNICEF?", "unmentioned",
     "refusal", "UNICEF"),
    ("How does Quảng Ngãi rank against the other central-coast provinces on the Human Development Index?",
     "unheld", "refusal", ""),
    ("Cán bộ làm sai chính sách bị kỷ luật thế nào theo kế hoạch?", "unheld", "refusal", ""),
    ("Kế hoạch có đề cập đến chính sách hỗ trợ Bà mẹ Việt Nam anh hùng không", "said_in_tasks", "list", "III.3"),
    ("cách nấu phở bò ngon nhất", "no_evidence", "refusal", ""),
    ("Does the plan refer to any ILO convention?", "unmentioned", "refusal", "ILO"),
    # A Vietnamese name an English question asks about, which the plan never writes.
    ("What are the entry requirements for a master's programme at Phạm Văn Đồng University?", "unmentioned", "refusal",
     "Phạm Văn Đồng"),
    ("Does the plan name a specific donor, for example ADB, as a funder?", "unmentioned", "refusal", "ADB"),
    ("tỷ lệ bao phủ bảo hiểm y tế năm 2030", "target", "target", "95%"),
    # A target asked that no indicator answers, of a task that states no figure of it.
    ("What target does the plan set for reducing child marriage in ethnic minority areas?", "target_unset", "refusal", ""),
    # A year asked of what an objective sets, not of any task.
    ("Kế hoạch đặt mốc năm nào để Quảng Ngãi trở thành tỉnh phát triển khá của vùng miền Trung?", "objective_time",
     "passage", "đến năm 2025"),
    # … named by a phrase of its heading ("c) Tầm nhìn đến năm 2045"), though retrieval puts a task near it.
    ("tầm nhìn dài hạn của kế hoạch đến năm nào?", "objective_time", "passage", "2045"),
    ("ai chủ trì nhiệm vụ về nhà ở xã hội", "task_roles", "role", "Sở Xây dựng"),
    ("các sở, ngành gửi báo cáo kết quả thực hiện hằng năm trước ngày nào?", "reporting", "passage", "30/10"),
    ("what is the purpose of the plan", "passage", "passage", "I.1"),
    # Facts of the document named bare after a heading of the question's own.
    ("Doc ref – number, date, issuing body?", "document", "document", "65/KH-UBND"),
    # A total of the funding asked in a checklist's words, which the plan never states.
    ("Budget envelope – total VND for Plan 65?", "sums", "refusal", ""),
    # "supporting" of bodies asks the partners; of the work ("supporting new houses for …") it asks nothing of roles.
    ("Which agencies are supporting the housing task?", "task_roles", "role", "Coordinating bodies"),
    # a comma after the item's number ends the reference ("nhiệm vụ 4, có ai …"); numbers listed are each named
    ("ai chủ trì nhiệm vụ 4, có ai phối hợp không", "section_roles", "role", "III.4.d"),
    ("nhiệm vụ 2, 3 và 5 do ai chủ trì", "section_roles", "role", "III.5.d"),
    # a bare "đề cập" over targets and tasks both: every unit naming any of the phrases offered as alternatives
    ("Xin liệt kê mọi chỉ tiêu và mọi nhiệm vụ trong Kế hoạch có đề cập bảo hiểm thất nghiệp hoặc lương hưu, kèm cơ quan "
     "chủ trì.", "mentioned_where", "list", "II.2.b"),
    # a list of more than three tasks quotes the words around what each names
    ("liet ke het cac nv o muc iii co nhac toi tre em", "section_mentions", "list", "trẻ em mồ côi"),
    # a target's clause that sets no figure, named by the question
    ("đến năm 2030, Kế hoạch cam kết gì về nhà tạm, nhà dột nát và diện tích nhà ở bình quân đầu người?", "target", "target",
     "xóa bỏ hoàn toàn tình trạng nhà tạm"),
    # the Women's Union by its initials, a body the plan names only among "các tổ chức chính trị - xã hội"
    ("hlhpn tinh co dc giao nv nao trong kh 65 ko", "unnamed_body", "list", "tổ chức chính trị - xã hội"),
    # two bodies offered as the alternatives of one answer: who leads the task described
    ("nv dao tao nghe cho ld nong thon la nv nao, so ldtb hay so gd chu tri", "task_roles", "role", "III.4.b"),
    ("Which district get the most social houses?", "elsewhere", "refusal", ""),
]


@pytest.mark.parametrize(("question", "rule", "route", "holds"), CASES)
def test_each_rule_answers_its_questions(assistant: Assistant, question: str, rule: str, route: str, holds: str) -> None:
    ans = assistant.ask(question)
    assert (ans.rule, ans.route) == (rule, route), ans.answer
    assert ans.abstained == (route == "refusal")
    assert holds in ans.answer


def test_the_cases_cover_the_table() -> None:
    rules = {r.__name__ for r in (*SECTION_ROUTES, *ROUTES)}
    # Not taken on plan 65, whose tasks have no deadlines and whose figures are all targets: the tasks due
    # in a year or a quarter, a figure stated outside the targets, a target asked beside a role, a section's
    # target; other plans' sets take them (python -m eval plans reports answers per rule, and
    # tests/test_received.py takes the quarter's), and a unit that names no body (plan 65 names one for each
    # task; tests/test_received.py takes the divisions' point 3.2c), and a task's cost (plan 65's tasks have
    # none; tests/test_received.py takes Hưng Phú's table), and the tasks at a venue (plan 65 names none; the
    # festival plan's schedule in tests/test_received.py), and an English target matched by meaning (plan 65's
    # indicators are all reached through the glossary; the commune's water-sample count of the development sets, whose
    # report gives answers per rule, and tests/test_received.py asks it in the library of received plans), and the
    # places of a table of each commune's figures passing a bound (plan 65 sets none per place; Hòa An's in
    # tests/test_received.py), and the time of the plan's reviews (plan 65 sets none; tests/test_received.py asks
    # Hưng Phú's and Hòa Bình Nam's), and a unit headed by the time of an event (the festival plan's in
    # tests/test_received.py), and the plan's standing agency (plan 65 names none; tests/test_received.py asks Lâm Đông
    # Nam's).
    assert rules - {c[1] for c in CASES} <= {"tasks_due", "tasks_in_time", "figure", "target_late", "section_target",
                                            "unassigned", "section_unassigned", "section_cost",
                                            "tasks_at_place", "target_meant", "places_by_figure", "review_time",
                                            "time_unit", "standing_agency"}


def test_json_reports_the_rule(assistant: Assistant, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "so nao chu tri 6dd", "--json", "--index", str(assistant.settings.index)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["rule"] == "section_roles" and out["route"] == "role"


@pytest.mark.parametrize(("question", "declined"), [
    ("bo phan mot cua ubnd huyen co lam viec sang thu 7 ko, may h dong cua", True),  # office hours
    ("Sở Xây dựng phải trình chính sách ưu đãi thu hút doanh nghiệp đầu tư nhà ở xã hội trước ngày nào?", True),  # no day
    ("Nhiệm vụ tổ chức sàn giao dịch việc làm, phát triển thị trường lao động của tỉnh thì thời gian thực hiện ra sao?",
     False),  # "lao động của" is no "đóng cửa"
    ("Thời gian thực hiện nhiệm vụ về nhà ở là khi nào?", False),
    ("rieng huyen ba to duoc ho tro bn can nha cho ho ngheo", True),  # a district typed in small letters
    ("Does the plan address child malnutrition?", False),  # "address" the verb asks no postal address
    ("What is the address of the Department of Health?", True),
    ("Kế hoạch có nhắc đến đội ngũ nhân viên CTXH không?", False),  # the initials of "công tác xã hội", which it writes
    ("Who currently heads the provincial labour department?", True),  # an office holder, not a task's lead
    ("Quảng Ngãi đang xếp thứ mấy trong các tỉnh miền Trung về tỷ lệ bao phủ bảo hiểm y tế?", True),  # no ranking
    ("Which contractor has been assigned to build the social housing units?", True),  # it names no company
    ("Which schools does the plan name as pilots for universal preschool education?", True),  # it names no school
    ("Which districts will pilot the housing programme?", True),  # nor any district
    ("What monthly cash amount per person will the province pay to Heroic Vietnamese Mothers?", True),  # no sum
    ("By 2030, what share of people using primary care should have it paid for by health insurance?", False),
])
def test_what_the_plan_does_not_say_is_declined_and_only_that(assistant: Assistant, question: str, declined: bool) -> None:
    ans = assistant.ask(question)
    assert ans.abstained is declined, ans.answer
    if not declined and "thời gian" in question.lower():
        assert "Năm 2024 và các năm tiếp theo" in ans.answer


def test_a_comma_ends_a_money_phrase(assistant: Assistant) -> None:
    """"chuyên gia, nhà khoa học" holds no "giá nhà" (a house price): the question is about who leads."""
    ans = assistant.ask("Nhiệm vụ phát triển nguồn nhân lực chất lượng cao, đội ngũ chuyên gia, nhà khoa học do "
                        "những cơ quan nào chủ trì tham mưu?")
    assert not ans.abstained and "Sở Nội vụ" in ans.answer


def test_a_province_is_a_name_written_with_capitals(assistant: Assistant) -> None:
    """"đánh giá lại" holds no "Gia Lai" where the question has its marks; "tỉnh Gia Lai" is another province."""
    assert assistant.ask("Kế hoạch của tỉnh Gia Lai do ai ký?").abstained
    ans = assistant.ask("Nhiệm vụ rà soát, đánh giá lại việc thực hiện chính sách xã hội do cơ quan nào chủ trì?")
    assert "tỉnh, thành phố khác" not in ans.answer


def test_a_true_or_false_item_gets_the_roles_and_signer_it_tests(assistant: Assistant) -> None:
    """A trainer's quiz item names a body in a role it does not hold, or a signer by his title: the answer says
    the role the body does hold, and who signed, beside what was asked."""
    role = assistant.ask("Đúng hay sai: Trong nhiệm vụ 4c, Sở Kế hoạch và Đầu tư chỉ là cơ quan phối hợp thực hiện.")
    # one of five leads: the others are said with it
    assert "Sở Kế hoạch và Đầu tư là một trong các cơ quan chủ trì" in role.answer and "Sở Nội vụ" in role.answer
    signer = assistant.ask("Đúng hay sai: Kế hoạch 65 do Chủ tịch UBND tỉnh trực tiếp ký ban hành ngày 20/3/2024.")
    assert "Trần Hoàng Tuấn" in signer.answer and "PHÓ CHỦ TỊCH" in signer.answer


@pytest.mark.parametrize("question", ["ai là cơ quan thường trực của kế hoạch", "Which body is the standing agency for this plan?"])
def test_a_plan_naming_no_standing_agency_says_whom_it_gives_the_follow_up(assistant: Assistant, question: str) -> None:
    """Plan 65 calls no body its standing agency; IV.3 gives the follow-up to the labour department: that is
    said, not the recipients' "Thường trực Tỉnh ủy"."""
    ans = assistant.ask(question)
    assert ans.rule == "standing_agency" and ans.citations[0].section == "IV.3", ans.answer
    assert "Sở Lao động - Thương binh và Xã hội" in ans.answer and "Tỉnh ủy" not in ans.answer, ans.answer


@pytest.mark.parametrize("question", [
    "What target does the plan set for the registration of births of children under five years of age?",
    "ty le tre duoi 5 tuoi duoc dang ky khai sinh dat bao nhieu",
])
def test_a_topic_in_the_genres_words_the_plan_never_writes_is_declined(assistant: Assistant, question: str) -> None:
    """"registration of births" is the glossary's "birth registration" said the other way round; the plan writes
    no "khai sinh": the under-fives' stunting target is no answer."""
    ans = assistant.ask(question)
    assert ans.abstained and ans.rule in {"target", "figure"}, ans.answer
    assert "khai sinh" in ans.answer or "birth registration" in ans.answer, ans.answer


def test_one_indicator_is_followed_over_the_two_years_asked(assistant: Assistant) -> None:
    """Health insurance participation in 2025 goes on as participation in 2030, not as primary care that health
    insurance pays for, which shares more of "bhyt" alone."""
    ans = assistant.ask("bhyt chi tieu 2025 va 2030 la bao nhieu %")
    assert "trên 95% dân số tham gia bảo hiểm y tế" in ans.answer and "chăm sóc ban đầu" not in ans.answer, ans.answer


@pytest.mark.parametrize("question", [
    "Giám đốc Sở Lao động - Thương binh và Xã hội đã phát biểu những gì khi trình Kế hoạch này?",
    "Kế hoạch quy định hình thức xử lý, kỷ luật nào đối với sở, ngành chậm gửi báo cáo?",
])
def test_a_kind_of_thing_the_plan_holds_none_of_is_declined_before_a_bodys_tasks(assistant: Assistant, question: str) -> None:
    """A statement or a penalty asked of a body or of the document: the plan records none, whatever body it names."""
    ans = assistant.ask(question)
    assert ans.abstained and ans.rule == "unheld", ans.answer


def test_the_funding_part_answers_who_appraises_the_estimates(assistant: Assistant) -> None:
    """"lập dự toán … gửi cơ quan nào thẩm định": IV.2, the funding part nearest the question, not a task sharing
    "bố trí kinh phí"."""
    ans = assistant.ask("Về kinh phí thực hiện, các sở, ban ngành và UBND cấp huyện lập dự toán rồi gửi cơ quan nào thẩm định?")
    assert ans.citations[0].section == "IV.2" and "Sở Tài chính" in ans.answer, ans.answer


def test_what_the_plan_says_of_a_topic_quotes_each_unit_naming_it(assistant: Assistant) -> None:
    """"nói gì về chính sách hỗ trợ bà mẹ Việt Nam anh hùng": the target and the task that both name the mothers, the
    run of the question's words they write, not its whole phrase."""
    ans = assistant.ask("cho toi hoi a, ke hoach noi gi ve chinh sach ho tro ba me viet nam anh hung a")
    assert {"II.2.a", "III.3"} <= {c.section for c in ans.citations}, ans.answer
