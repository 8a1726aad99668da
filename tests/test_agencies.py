"""Agency directory: every body of the plan's task table is found by its Vietnamese, folded and English names."""

from __future__ import annotations

import pytest
from _plan_index import CORPUS, hand_tasks

from assistant.agencies import KNOWN, Directory
from index.normalize import fold
from index.parse import parse_plan

LDTBXH = "Sở Lao động - Thương binh và Xã hội"
AGENCIES = sorted({n for t in hand_tasks() for n in (*t["lead"], *t["coordinate"])})


@pytest.fixture(scope="module")
def directory() -> Directory:
    f = CORPUS / "plan-65-web.txt"
    return Directory([parse_plan(f.read_text(encoding="utf-8"), f.name)])


def names(directory: Directory, text: str) -> list[str]:
    return [a.name for a in directory.find(text)]


def test_directory_holds_exactly_the_agencies_of_the_task_table(directory: Directory) -> None:
    assert sorted(a.name for a in directory.agencies) == AGENCIES


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_agency_has_an_english_name(agency: str, directory: Directory) -> None:
    # From the directory's data file, or from the name's form ("Báo X" is "X Newspaper").
    english = directory.english(agency)
    assert english and (agency not in KNOWN or english == KNOWN[agency][0])


@pytest.mark.parametrize("agency", AGENCIES)
def test_find_by_canonical_name(agency: str, directory: Directory) -> None:
    assert names(directory, agency) == [agency]
    assert names(directory, f"{agency} chủ trì những nhiệm vụ nào?") == [agency]


@pytest.mark.parametrize("agency", AGENCIES)
def test_find_by_folded_name(agency: str, directory: Directory) -> None:
    assert names(directory, fold(agency)) == [agency]
    assert names(directory, f"{fold(agency)} chu tri nhung nhiem vu nao") == [agency]


@pytest.mark.parametrize("agency", AGENCIES)
def test_find_by_english_name(agency: str, directory: Directory) -> None:
    english = directory.english(agency)
    assert names(directory, english) == [agency]
    assert names(directory, f"Which tasks does the {english} lead?") == [agency]
    if english.startswith("Department of "):  # "the labour, invalids and social affairs department"
        inverted = english.removeprefix("Department of ").lower() + " department"
        assert names(directory, f"Which tasks does the {inverted} lead?") == [agency]


ABBREVIATIONS = [
    ("Sở LĐ-TB&XH", LDTBXH),
    ("LĐ-TB&XH", LDTBXH),
    ("LĐTBXH", LDTBXH),
    ("so ld-tb&xh", LDTBXH),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở TT & TT", "Sở Thông tin và Truyền thông"),
    ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("UBND cấp huyện", "UBND các huyện, thị xã, thành phố"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Đài PT-TH", "Đài Phát thanh - Truyền hình tỉnh"),
    # The initials of the field's first word, where no other department of the plan shares them.
    ("so gd", "Sở Giáo dục và Đào tạo"),
    ("sở ld", LDTBXH),
    # Initials glued to the "s" of "Sở", as staff type them on a phone.
    ("sldtbxh ct nv nao", LDTBXH),
    ("syt ct nhung nv nao", "Sở Y tế"),
    # … or spaced from it
    ("liet ke het cac nv s yt ct", "Sở Y tế"),
    ("s tc ph nv nao", "Sở Tài chính"),
]


def test_initials_two_departments_share_name_neither(directory: Directory) -> None:
    """"sở kh" may be Sở Khoa học và Công nghệ or Sở Kế hoạch và Đầu tư: a guess would name the wrong one."""
    assert names(directory, "so kh chu tri nhung nv nao") == []


@pytest.mark.parametrize(("abbr", "agency"), ABBREVIATIONS)
def test_abbreviations(abbr: str, agency: str, directory: Directory) -> None:
    assert names(directory, abbr) == [agency]
    assert names(directory, f"{abbr} chủ trì những nhiệm vụ nào?") == [agency]


@pytest.mark.parametrize("spelling", [
    LDTBXH,
    "Sở Lao động-Thương binh và Xã hội",
    "Sở Lao động- Thương binh và Xã hội",
    "Sở Lao động – Thương binh và Xã hội",
    "so lao dong - thuong binh va xa hoi",
])
def test_long_name_is_not_also_reported_as_a_shorter_alias(spelling: str, directory: Directory) -> None:
    # "Sở Lao động" and "Xã hội" are inside the name; only the whole name may be reported.
    assert names(directory, spelling) == [LDTBXH]


def test_agencies_come_in_order_of_appearance(directory: Directory) -> None:
    text = f"Sở Y tế và {LDTBXH} và Sở Giáo dục và Đào tạo"
    assert names(directory, text) == ["Sở Y tế", LDTBXH, "Sở Giáo dục và Đào tạo"]


def test_each_agency_is_reported_once(directory: Directory) -> None:
    assert names(directory, "Sở Y tế ... Sở Y tế ... health department") == ["Sở Y tế"]


@pytest.mark.parametrize("text", ["Tỷ lệ tham gia bảo hiểm y tế năm 2025?", "nhà ở xã hội đến năm 2030",
                                  "What is the plan number?"])
def test_no_agency_in_questions_without_one(text: str, directory: Directory) -> None:
    assert names(directory, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Lao động-Thương binh và Xã hội; Sở Nội vụ", [LDTBXH, "Sở Nội vụ"]),
    ("Sở Nông nghiệp và Phát triển nông thôn; Sở Tài nguyên và Môi trường",
     ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"]),
    ("Sở Tài chính, Sở Y tế", ["Sở Tài chính", "Sở Y tế"]),
])
def test_agencies_separated_by_punctuation(text: str, expected: list[str], directory: Directory) -> None:
    assert names(directory, text) == expected


@pytest.mark.parametrize("task", hand_tasks(), ids=lambda t: str(t["id"]))
def test_role_lines_of_the_plan_resolve_to_their_agencies(task: dict, directory: Directory) -> None:
    # Joined with " và " (which the directory handles), every listed body is found, in order.
    for role in ("lead", "coordinate"):
        listed = list(task[role])
        assert names(directory, " và ".join(listed)) == listed


@pytest.mark.parametrize(("text", "expected"), [
    # An English name with its words in another order: "People's Committees of districts, towns and cities".
    ("Which tasks do the district, town and city People's Committees lead?", ["UBND các huyện, thị xã, thành phố"]),
    ("the health department and the Department of Construction", ["Sở Y tế", "Sở Xây dựng"]),
])
def test_english_names_in_another_word_order(text: str, expected: list[str], directory: Directory) -> None:
    assert names(directory, text) == expected


@pytest.mark.parametrize("text", ["which department leads health insurance", "what does the health plan do"])
def test_words_of_a_name_with_other_words_between_name_nobody(text: str, directory: Directory) -> None:
    assert names(directory, text) == []



@pytest.mark.parametrize(("text", "expected"), [
    # The asker's own body, named where the question says who asks, is not what it asks about.
    ("Tôi công tác ở Sở Y tế: những nhiệm vụ nào giao Sở Xây dựng chủ trì?", ["Sở Xây dựng"]),
    ("Bên Sở Tài chính hỏi: Sở Nội vụ chủ trì nhiệm vụ nào?", ["Sở Nội vụ"]),
    # … unless it is asked about too, or the question names no other.
    ("Tôi công tác ở Sở Y tế. Sở Y tế chủ trì những nhiệm vụ nào?", ["Sở Y tế"]),
    ("I work at the Department of Health. List every task where our department leads.", ["Sở Y tế"]),
    ("Sở Y tế và Sở Nội vụ: ai chủ trì?", ["Sở Y tế", "Sở Nội vụ"]),
    # The body the unit asked for belongs to holds the answer; it does not give it.
    ("Which unit of the Department of Health leads the vaccination campaign?", []),
    ("phòng nào thuộc Sở Y tế chủ trì tiêm chủng, Sở Nội vụ có phối hợp không", ["Sở Nội vụ"]),
])
def test_the_askers_own_body_is_not_asked_about(text: str, expected: list[str], directory: Directory) -> None:
    from assistant.agencies import named_bodies

    assert [a.name for a in named_bodies(text, directory)] == expected


@pytest.mark.parametrize(("text", "agency"), [
    ("nv dân số ai ph với so yte", "Sở Y tế"),  # a field typed without its spaces
    ("so tc ct nhung viec gi", "Sở Tài chính"),
    ("so kh va cn ct gi", "Sở Khoa học và Công nghệ"),  # initials of each word pair, "và" kept
])
def test_a_department_typed_short(text: str, agency: str, directory: Directory) -> None:
    assert names(directory, text) == [agency]


def test_a_body_shortened_or_named_in_english_words_of_the_glossary() -> None:
    """"quỹ bv rừng": the name's first word, then words of it in order, some by their initials; "the Provincial
    Forest Protection and Development Fund": every word of the name through the glossary, its place as written."""
    text = ("1. Trồng rừng\nChủ trì: Quỹ Bảo vệ và Phát triển rừng tỉnh\nPhối hợp: Ban Quản lý rừng phòng hộ Sông Lam\n"
            "2. Tuần tra\nChủ trì: Chi cục Kiểm lâm\nPhối hợp: Quỹ Bảo vệ và Phát triển rừng tỉnh\n")
    plan = parse_plan("KẾ HOẠCH\nI. MỤC ĐÍCH\nII. NHIỆM VỤ\n" + text, "p.txt")
    d = Directory([plan])
    assert [a.name for a in d.find("quy bv rung ct nhung viec gi")] == ["Quỹ Bảo vệ và Phát triển rừng tỉnh"]
    assert [a.name for a in d.find("ban ql rung phong ho song lam")] == ["Ban Quản lý rừng phòng hộ Sông Lam"]
    assert [a.name for a in d.find("What does the Provincial Forest Protection and Development Fund do?")] == [
        "Quỹ Bảo vệ và Phát triển rừng tỉnh"]
    assert [a.name for a in d.find("Who works with the Sông Lam Protection Forest Management Board?")] == [
        "Ban Quản lý rừng phòng hộ Sông Lam"]
    assert d.find("Who leads the forest patrols?") == []


def test_a_level_standing_alone_names_its_committees(directory: Directory) -> None:
    """"cấp huyện phải làm gì" asks of the districts' committees; "ngân sách cấp huyện" is a budget."""
    assert names(directory, "cap huyen phai lam gi theo phan iv") == ["UBND các huyện, thị xã, thành phố"]
    assert names(directory, "Kế hoạch bố trí bao nhiêu kinh phí từ ngân sách cấp huyện?") == []


def test_bodies_of_a_level_by_their_name_without_it_their_initials_and_in_english() -> None:
    """A commune's plan whose roles name its bodies with their level word ("Công an xã", "Đoàn Thanh niên xã"): staff
    drop the level ("Hội Liên hiệp Phụ nữ"), type initials with it ("ca xa"), and partners write the English of the
    province's body at the commune's level ("Commune Police", "Youth Union")."""
    text = """ỦY BAN NHÂN DÂN XÃ AN LẠC
Số: 12/KH-UBND
KẾ HOẠCH
Bảo đảm an ninh trật tự năm 2026
I. MỤC ĐÍCH
Bảo đảm an ninh.
II. NHIỆM VỤ
1. Tuần tra ban đêm.
Cơ quan chủ trì: Công an xã.
Cơ quan phối hợp: Đoàn Thanh niên xã; Hội Liên hiệp Phụ nữ xã.
2. Tuyên truyền pháp luật.
Cơ quan chủ trì: Hội Liên hiệp Phụ nữ xã.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan triển khai.
"""
    d = Directory([parse_plan(text, "an-lac.txt")])
    assert names(d, "Hội Liên hiệp Phụ nữ chủ trì việc gì") == ["Hội Liên hiệp Phụ nữ xã"]
    assert names(d, "ca xa ct nv nao") == ["Công an xã"]
    assert d.english("Công an xã") == "Commune Police"
    assert names(d, "What does the Youth Union do?") == ["Đoàn Thanh niên xã"]


def test_an_english_name_cut_before_its_and(directory: Directory) -> None:
    """Partners shorten a department's English name to its first field ("Department of Education" for the Department
    of Education and Training, "Department of Labour" for the Department of Labour, Invalids and Social Affairs)."""
    assert names(directory, "Which tasks does the Department of Education lead or co-lead?") == ["Sở Giáo dục và Đào tạo"]
    assert names(directory, "What does the Department of Labour lead?") == [LDTBXH]


LEGEND_PLAN = """ỦY BAN NHÂN DÂN TỈNH VÂN AN
SỞ TƯ PHÁP
Số: 12/KH-STP
Vân An, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Phổ biến, giáo dục pháp luật năm 2026
Chữ viết tắt:
| Chữ viết tắt | Tên đầy đủ |
|---|---|
| TTTGPL | Trung tâm Trợ giúp pháp lý nhà nước tỉnh |
| Phòng PBGDPL | Phòng Phổ biến, giáo dục pháp luật (thuộc Sở Tư pháp) |
| CAT | Công an tỉnh |
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác phổ biến pháp luật.
II. NHIỆM VỤ
| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Trợ giúp pháp lý lưu động tại các xã vùng sâu | TTTGPL | CAT | Quý II/2026 |
| 2 | Tổ chức Ngày Pháp luật | Phòng PBGDPL | TTTGPL | Tháng 11/2026 |
| 3 | Cập nhật trang thông tin điện tử | Phòng PBGDPL |  | Thường xuyên |
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo trước ngày 10/12/2026.
"""


def test_a_plans_own_legend_gives_its_short_forms_their_names() -> None:
    """A body the task table names by a short form its legend explains ("TTTGPL") is found by its full name, in
    English too, and shown with it; a short form the directory knows ("CAT") is that body."""
    plan = parse_plan(LEGEND_PLAN, "legend.txt")
    assert dict(plan.abbreviations)["TTTGPL"] == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh"
    d = Directory([plan])
    assert names(d, "Trung tâm Trợ giúp pháp lý nhà nước tỉnh chủ trì những nhiệm vụ nào?") == ["TTTGPL"]
    assert names(d, "Which tasks does the Legal Aid Centre lead?") == ["TTTGPL"]
    assert names(d, "List every task the Legal Dissemination Division leads") == ["Phòng PBGDPL"]
    assert d.get("CAT").english == "Provincial Police"  # type: ignore[union-attr]
    assert d.get("Phòng PBGDPL").full == "Phòng Phổ biến, giáo dục pháp luật"  # type: ignore[union-attr]


def test_short_forms_a_plan_gives_in_a_list_or_in_passing() -> None:
    from index.legend import abbreviations

    listed = "CHỮ VIẾT TẮT\n- PBGDPL: Phổ biến, giáo dục pháp luật\n- CAT: Công an tỉnh\n\nI. MỤC ĐÍCH"
    assert abbreviations(listed) == (("PBGDPL", "Phổ biến, giáo dục pháp luật"), ("CAT", "Công an tỉnh"))
    passing = ("Giao Trung tâm Trợ giúp pháp lý nhà nước tỉnh (sau đây viết tắt là TTTGPL) chủ trì; Ủy ban nhân dân các "
               "xã, phường (sau đây gọi tắt là UBND cấp xã) thực hiện.")
    assert abbreviations(passing) == (("TTTGPL", "Trung tâm Trợ giúp pháp lý nhà nước tỉnh"),
                                      ("UBND cấp xã", "Ủy ban nhân dân các xã, phường"))
    # a table of figures is no legend; nor is a plan that gives none
    assert abbreviations("| TT | Chỉ tiêu | Năm 2026 |\n|---|---|---|\n| 1 | Tỷ lệ | 90% |") == ()
