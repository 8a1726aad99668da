"""A library of plans in one index: questions answered from the plan they name, answers labelled with
their plan, lists of plans. Real parser, embedder and index over three of the test plans, two of which
share the number 214/KH-UBND."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.cli import main
from assistant.core import QuestionError
from assistant.glossary import asked_terms, content_terms
from assistant.library import Catalogue, plan_label
from index.corpus import read_corpus
from index.store import build_index

PLANS = Path(__file__).parent / "data" / "plans"
FILES = ("kh-lamha-duoinuoc.txt", "kh-longgiang-dulich.txt", "kh-phulam-nuocsach.txt")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("library")
    (root / "corpus").mkdir()
    for name in FILES:
        shutil.copy(PLANS / name, root / "corpus" / name)
    build_index(root / "corpus", root / "index")
    return root


@pytest.fixture(scope="module")
def asst(library: Path) -> Assistant:
    return Assistant.load(Settings(index=library / "index", corpus=library / "corpus"), index=library / "index")


def stems(ans) -> list[str]:
    return [p["id"] for p in ans.plans]


# -- naming, read from the plans' own headers (no index needed) ------------------
@pytest.fixture(scope="module")
def catalogue(library: Path) -> Catalogue:
    return Catalogue(read_corpus(library / "corpus").plans)


@pytest.mark.parametrize(("question", "expected"), [
    ("Kế hoạch 27/KH-UBND do ai ký?", {"kh-phulam-nuocsach.txt"}),
    ("kh so 27 giao ai chu tri", {"kh-phulam-nuocsach.txt"}),
    ("KH 214 ban hành ngày nào?", {"kh-lamha-duoinuoc.txt", "kh-longgiang-dulich.txt"}),
    ("kế hoạch 214 của tỉnh Long Giang", {"kh-longgiang-dulich.txt"}),
    ("ke hoach cua lam ha ve duoi nuoc", {"kh-lamha-duoinuoc.txt"}),
    ("the Phu Lam plan: who signed it?", {"kh-phulam-nuocsach.txt"}),
    ("kế hoạch ban hành ngày 15/10/2025 nói gì", {"kh-longgiang-dulich.txt"}),
    ("kế hoạch về du lịch cộng đồng giao ai chủ trì", {"kh-longgiang-dulich.txt"}),
    ("Ai ký kế hoạch này?", set()),
])
def test_a_question_names_its_plans(catalogue: Catalogue, question: str, expected: set[str]) -> None:
    assert {p.source for p in catalogue.named(question).plans} == expected


@pytest.mark.parametrize(("question", "style", "asked"), [
    ("Theo Kế hoạch phát triển du lịch cộng đồng tỉnh Long Giang, cơ quan nào chủ trì xây dựng bản đồ số?", "vi",
     "Theo kế hoạch này, cơ quan nào chủ trì xây dựng bản đồ số?"),
    ("kh phong chong duoi nuoc tre em lam ha kinh phi lay tu nhung nguon nao", "vi_nodiac",
     "ke hoach nay kinh phi lay tu nhung nguon nao"),
    ("Kế hoạch số 27/KH-UBND giao ai chủ trì nhiệm vụ 2a?", "vi", "kế hoạch này giao ai chủ trì nhiệm vụ 2a?"),
    ("the Phu Lam plan: who signed it?", "en", "the plan: who signed it?"),
    # a plan's own word after its name is the question's ("kh của địa phương": the locality's plan)
    ("kh du lich cong dong long giang, ubnd xa phuong ban hanh kh cua dia phuong truoc ngay nao", "vi_nodiac",
     "ke hoach nay, ubnd xa phuong ban hanh kh cua dia phuong truoc ngay nao"),
])
def test_the_words_naming_a_plan_are_put_as_this_plan(catalogue: Catalogue, question: str, style: str,
                                                        asked: str) -> None:
    """What the named plan is asked: its name, province and number say which plan, not what is asked,
    and left in they find the plan's header, which holds them all."""
    assert catalogue.named(question).rest(question, style) == asked


def test_a_plan_number_the_library_lacks_is_reported(catalogue: Catalogue) -> None:
    naming = catalogue.named("kế hoạch số 999 giao sở nào chủ trì")
    assert naming.plans == () and naming.unknown == "999"
    # A number some plan cites (a resolution, a decree) names no missing plan.
    assert catalogue.named("nghị định 86 quy định gì").unknown == ""


def test_a_plan_named_by_a_topic_no_plan_says_is_reported(catalogue: Catalogue) -> None:
    naming = catalogue.named("Kế hoạch phòng, chống cúm gia cầm năm 2026 do ai ký?")
    assert naming.plans == () and naming.topic == "phòng, chống cúm gia cầm"
    # A topic the plans' texts say is no missing plan, whatever their titles say.
    assert catalogue.named("kế hoạch về nước sạch nông thôn ai chủ trì").topic == ""


def test_a_title_pair_across_its_place_names_no_plan(catalogue: Catalogue) -> None:
    # "tỉnh Lâm Hà" in a title gives no pair "tinh lam": "công an tỉnh làm …" typed without marks names no plan.
    assert catalogue.named("nhung kh nao giao cong an tinh lam co quan thuong truc").plans == ()


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """Plans whose places share words (Hòa Bình, Hòa Bình Nam) or whose issue date another plan shares."""
    root = tmp_path_factory.mktemp("received")
    for name in ("qd-hoa-binh-nam-phong-chong-thien-tai.docx", "kh-phuong-hoa-binh-he-thieu-nhi.pdf",
                 "kh-so-vhttdl-phu-an-the-thao-quan-chung.pdf", "kh-tra-giang-an-toan-giao-thong.docx",
                 "kh-krong-binh-hoc-tap.pdf", "kh-ubnd-tinh-hoa-an-giam-ngheo-2026.docx", "kh-phuong-an-hoa-do-thi.md",
                 "kh-an-phu-bao-ve-tre-em.docx", "kh-ubnd-tinh-bac-giang-son-bhxh-tu-nguyen.pdf",
                 "kh-dong-son-an-toan-thuc-pham.docx", "kh-phuong-dong-ha-cham-soc-nguoi-cao-tuoi.docx"):
        shutil.copy(PLANS.parent / "received" / name, root / name)
    for name in ("kh-lamha-duoinuoc.txt", "kh-longgiang-dulich.txt", "kh-phulam-nuocsach.txt", "kh-hoa-lac-htx.txt",
                 "kh-nam-thanh-nong-thon-moi.txt", "kh-tay-giang-lao-dong-viec-lam.txt",  # a library's other topics
                 "qd-donghai-nguoicaotuoi.txt"):
        shutil.copy(PLANS / name, root / name)
    return Catalogue(read_corpus(root).plans)


@pytest.mark.parametrize(("question", "plan", "kept"), [
    # a commune of the plan that shares its name with another plan's place is asked about, not a second name
    ("kh 205 bhxh tu nguyen giang son phu luc chi tieu 2026 cua xa dong son thuong bao nhieu nguoi",
     "kh-ubnd-tinh-bac-giang-son-bhxh-tu-nguyen.pdf", "dong son thuong"),
    # "hoa an phu luc" is Hòa An's name before the appendix, not An Phú's; "xã An Hòa" is no ward An Hòa
    ("kh giam ngheo hoa an phu luc 1, xa an hoa cuoi nam 2026 ty le ho ngheo con bao nhieu",
     "kh-ubnd-tinh-hoa-an-giam-ngheo-2026.docx", "xa an hoa"),
    ("kh phuong an hoa ai ky", "kh-phuong-an-hoa-do-thi.md", ""),
    # the province Đông Hải and the ward Đông Hải (of Nam Bình) are two places of one name, told apart by their level
    ("kh cham soc nguoi cao tuoi phuong dong hai nv 3a ai ct", "kh-phuong-dong-ha-cham-soc-nguoi-cao-tuoi.docx", ""),
    ("Quyết định về chăm sóc sức khỏe người cao tuổi của tỉnh Đông Hải do ai ký?", "qd-donghai-nguoicaotuoi.txt", ""),
])
def test_a_place_the_plan_named_asks_about_is_no_name_of_another_plan(received: Catalogue, question: str, plan: str,
                                                                     kept: str) -> None:
    naming = received.named(question)
    assert [p.source for p in naming.plans] == [plan]
    assert kept in naming.rest(question, "vi_nodiac")


def test_a_place_named_whole_is_not_the_place_its_first_words_name(received: Catalogue) -> None:
    sources = {p.source for p in received.named("the Hoa Binh Nam provincial disaster prevention plan: who leads task 3?",
                                                True).plans}
    assert sources == {"qd-hoa-binh-nam-phong-chong-thien-tai.docx"}
    assert {p.source for p in received.named("kh he thieu nhi p hoa binh ai ky").plans} == {"kh-phuong-hoa-binh-he-thieu-nhi.pdf"}


def test_a_topic_typed_with_abbreviations_or_in_other_words_is_no_missing_plan(received: Catalogue) -> None:
    # "so vh" (Sở Văn hóa), "p" (phường) pair with nothing a plan writes; "kh the thao …" is "kế hoạch thể thao"
    naming = received.named("kh the thao quan chung so vh phu an, nam 2028 phai co bn clb tdtt")
    assert naming.topic == "" and [p.source for p in naming.plans] == ["kh-so-vhttdl-phu-an-the-thao-quan-chung.pdf"]
    assert received.named("kh he thieu nhi p hoa binh, 04 lop ky nang song ai ct vay").topic == ""


def test_a_signer_after_the_word_for_a_plan_names_it(received: Catalogue) -> None:
    question = "In the elderly health-care plan signed by Nguyen Thi Thanh Loan, which bodies support the Social Insurance?"
    naming = received.named(question, True)
    assert [p.source for p in naming.plans] == ["qd-donghai-nguoicaotuoi.txt"]
    assert naming.rest(question, "en") == "In the plan, which bodies support the Social Insurance?"
    naming = received.named("Kế hoạch do ông Trần Minh Khôi ký giao ai chủ trì bản đồ số?")
    assert [p.source for p in naming.plans] == ["kh-longgiang-dulich.txt"]
    assert naming.rest("Kế hoạch do ông Trần Minh Khôi ký giao ai chủ trì bản đồ số?", "vi") == \
        "kế hoạch này giao ai chủ trì bản đồ số?"
    # plans asked for by their signer are a list (the shelf's), no plan named
    assert received.named("Which plans were signed by Trần Minh Khôi?", True).plans == ()


def test_a_shared_number_is_told_apart_by_the_title_words_beside_it(received: Catalogue) -> None:
    # three plans are 214/KH-UBND; "trẻ em" is in two titles (Lâm Hà's, An Phú's), of one of the three
    assert [p.source for p in received.named("Plan 214 on children: who signed it?", True).plans] == ["kh-lamha-duoinuoc.txt"]
    assert [p.source for p in received.named("Kế hoạch 214 về trẻ em do ai ký?").plans] == ["kh-lamha-duoinuoc.txt"]
    assert len(received.named("Plan 214: who signed it?", True).plans) > 1


def test_a_date_of_issue_names_its_plan_in_either_language(received: Catalogue) -> None:
    question = ("In the provincial plan on road traffic order and safety issued on 16 January 2026, how many additional "
                "traffic surveillance cameras are to be installed?")
    naming = received.named(question, True)
    assert [p.source for p in naming.plans] == ["kh-tra-giang-an-toan-giao-thong.docx"]
    assert naming.rest(question, "en") == "In the plan, how many additional traffic surveillance cameras are to be installed?"
    # the date is no word of the title: the title's words after it still tell the plans of that day apart
    naming = received.named("Kế hoạch ban hành ngày 16/01/2026 về an toàn giao thông có bao nhiêu camera?")
    assert [p.source for p in naming.plans] == ["kh-tra-giang-an-toan-giao-thong.docx"]


def test_labels_come_from_the_header(catalogue: Catalogue) -> None:
    phulam = next(p for p in catalogue.plans if p.source == "kh-phulam-nuocsach.txt")
    assert plan_label(phulam) == "Kế hoạch 27/KH-UBND (UBND tỉnh Phú Lâm, 12/2/2026)"
    assert plan_label(phulam, en=True) == "Plan 27/KH-UBND (Phú Lâm People's Committee, 12/2/2026)"


# -- answers through the whole pipeline -------------------------------------------
def test_a_named_plan_answers_alone_and_says_so(asst: Assistant) -> None:
    ans = asst.ask("kh nuoc sach phu lam do ai ky")
    assert stems(ans) == ["kh-phulam-nuocsach"]
    assert ans.answer.startswith("Kế hoạch 27/KH-UBND (UBND tỉnh Phú Lâm, 12/2/2026)")
    assert "Đặng Quốc Vĩnh" in ans.answer
    out = ans.to_json()
    assert out["plans"][0]["number"] == "27/KH-UBND"
    assert out["citations"] and all(c["plan"]["number"] == "27/KH-UBND" for c in out["citations"])


def test_a_shared_number_answers_for_each_plan(asst: Assistant) -> None:
    ans = asst.ask("Kế hoạch 214/KH-UBND do ai ký?")
    assert set(stems(ans)) == {"kh-lamha-duoinuoc", "kh-longgiang-dulich"}
    assert "Hoàng Thị Mai Lan" in ans.answer and "Trần Minh Khôi" in ans.answer
    assert "UBND tỉnh Lâm Hà" in ans.answer and "UBND tỉnh Long Giang" in ans.answer


def test_an_unscoped_document_question_answers_per_plan(asst: Assistant) -> None:
    ans = asst.ask("Ai ký kế hoạch này?")
    assert not ans.abstained
    assert set(stems(ans)) == {Path(f).stem for f in FILES}


def test_a_topic_only_one_plan_has_goes_to_it(asst: Assistant) -> None:
    ans = asst.ask("cơ quan nào chủ trì kiểm tra việc kinh doanh áo phao, phao bơi không bảo đảm chất lượng?")
    assert stems(ans) == ["kh-lamha-duoinuoc"]
    assert "Sở Công Thương" in ans.answer


def test_a_plan_on_a_topic_no_plan_says_is_declined(asst: Assistant) -> None:
    ans = asst.ask("kh phong chong cum gia cam ai chu tri")
    assert ans.abstained and ans.rule == "no_plan_on" and "phong chong cum gia cam" in ans.answer


def test_an_english_plan_of_a_place_on_a_topic_its_plans_never_say_is_declined(asst: Assistant) -> None:
    """"the Long Giang plan on coastal erosion": Long Giang's plan is on tourism, and the glossary's Vietnamese of
    "coastal erosion" is in no text of it; "the Long Giang tourism plan" is answered from it."""
    ans = asst.ask("Who leads the Long Giang plan on coastal erosion?")
    assert ans.abstained and ans.rule == "no_plan_on" and "coastal erosion" in ans.answer, ans.answer
    ans = asst.ask("Who signed the Long Giang community tourism plan?")
    assert not ans.abstained and stems(ans) == ["kh-longgiang-dulich"], ans.answer


def test_a_missing_plan_is_declined_with_the_loaded_ones(asst: Assistant) -> None:
    ans = asst.ask("Kế hoạch số 999/KH-UBND giao sở nào chủ trì?")
    assert ans.abstained and "999" in ans.answer and "27/KH-UBND" in ans.answer


def test_plans_are_listed_by_the_agency_that_leads(asst: Assistant) -> None:
    ans = asst.ask("Những kế hoạch nào giao Sở Y tế chủ trì nhiệm vụ?")
    assert ans.route == "plans"
    assert set(stems(ans)) == {"kh-lamha-duoinuoc", "kh-phulam-nuocsach"}
    assert {c.doc for c in ans.citations} == {"kh-lamha-duoinuoc.txt", "kh-phulam-nuocsach.txt"}


def test_plans_are_listed_by_the_month_issued_and_by_the_years_they_set_targets_for(asst: Assistant) -> None:
    """"ban hành trong tháng 10/2025" is a month, not the year; "set targets for 2027" reads each plan's
    indicators (Long Giang's period runs to 2030, but it sets targets for 2027 and 2030 only)."""
    ans = asst.ask("Danh sách các kế hoạch trong thư viện được ban hành trong tháng 10/2025?")
    assert ans.route == "plans" and stems(ans) == ["kh-longgiang-dulich"], ans.answer
    ans = asst.ask("Which plans in the library set targets for 2028?")
    assert ans.route == "plans" and set(stems(ans)) == {"kh-lamha-duoinuoc", "kh-phulam-nuocsach"}, ans.answer


def test_plans_are_listed_by_the_topic_their_titles_hold(asst: Assistant) -> None:
    ans = asst.ask("liet ke cac kh, qd co chu de chinh la du lich cong dong")
    assert ans.route == "plans" and stems(ans) == ["kh-longgiang-dulich"], ans.answer
    # "về" after the plans asked gives the topic; of words no title holds in that order, the longest run some do
    ans = asst.ask("trong thu vien co nhung kh nao ve du lich cong dong o vung nong thon, liet ke het")
    assert ans.route == "plans" and stems(ans) == ["kh-longgiang-dulich"], ans.answer


def test_plans_are_listed_by_their_signer(asst: Assistant) -> None:
    ans = asst.ask("Which plans in the library were signed by Trần Minh Khôi or Hoàng Thị Mai Lan?")
    assert ans.route == "plans" and set(stems(ans)) == {"kh-longgiang-dulich", "kh-lamha-duoinuoc"}, ans.answer
    ans = asst.ask("Đề nghị liệt kê các văn bản do ông Trần Minh Khôi hoặc bà Hoàng Thị Mai Lan ký.")
    assert ans.route == "plans" and set(stems(ans)) == {"kh-longgiang-dulich", "kh-lamha-duoinuoc"}, ans.answer


def test_plans_are_listed_by_the_title_words_a_question_quotes(asst: Assistant) -> None:
    ans = asst.ask("Which plans have community tourism (du lịch cộng đồng) as the subject of their title?")
    assert ans.route == "plans" and stems(ans) == ["kh-longgiang-dulich"], ans.answer


def test_a_departments_plan_and_a_districts_are_labelled_by_their_issuer() -> None:
    from index.ingest import read_document
    from index.parse import parse_plan

    received = Path(__file__).parent / "data" / "received"
    dept, district = (parse_plan(read_document(received / n).text, n)
                      for n in ("kh-syt-tay-nguyen-tiem-chung.docx", "kh-krong-binh-hoc-tap.pdf"))
    assert plan_label(dept) == "Kế hoạch 1245/KH-SYT (Sở Y tế tỉnh Tây Nguyên, 15/1/2026)"
    assert plan_label(dept, en=True) == "Plan 1245/KH-SYT (Tây Nguyên Department of Health, 15/1/2026)"
    assert plan_label(district, en=True) == "Plan 47/KH-UBND (Krông Bình District People's Committee, 16/1/2026)"
    # a department that names its province after itself, no committee above it: "SỞ NỘI VỤ TỈNH TÂY BẮC"
    own = parse_plan(read_document(received / "kh-snv-tay-bac-binh-dang-gioi.pdf").text, "kh-snv-tay-bac-binh-dang-gioi.pdf")
    assert plan_label(own) == "Kế hoạch 18/KH-SNV (Sở Nội vụ tỉnh Tây Bắc, 15/1/2026)"
    assert plan_label(own, en=True) == "Plan 18/KH-SNV (Tây Bắc Department of Home Affairs, 15/1/2026)"
    # a commune's letterhead naming its province above it ("TỈNH BẮC LĨNH" / "ỦY BAN NHÂN DÂN XÃ THUẬN HÒA")
    name = "kh-xa-thuan-hoa-an-ninh-trat-tu.docx"
    commune = parse_plan(read_document(received / name).text, name)
    assert plan_label(commune) == "Kế hoạch 58/KH-UBND (UBND xã Thuận Hòa, 16/3/2026)"
    assert plan_label(commune, en=True) == "Plan 58/KH-UBND (Thuận Hòa Commune People's Committee, 16/3/2026)"


def test_plans_are_listed_by_the_year_issued(asst: Assistant) -> None:
    ans = asst.ask("Có bao nhiêu kế hoạch được ban hành trong năm 2025?")
    assert set(stems(ans)) == {"kh-lamha-duoinuoc", "kh-longgiang-dulich"}


def test_a_plan_given_restricts_the_answer(asst: Assistant) -> None:
    ans = asst.ask("ai ký kế hoạch?", plan="kh-longgiang-dulich.txt")
    assert stems(ans) == ["kh-longgiang-dulich"] and "Trần Minh Khôi" in ans.answer
    with pytest.raises(QuestionError, match="ambiguous"):
        asst.ask("ai ký?", plan="214/KH-UBND")
    with pytest.raises(QuestionError, match="unknown plan"):
        asst.ask("ai ký?", plan="999/KH-UBND")


def test_a_follow_up_keeps_the_plan_in_focus(asst: Assistant) -> None:
    history = [{"role": "user", "content": "Kế hoạch nước sạch của tỉnh Phú Lâm do ai ký?"},
               {"role": "assistant", "content": "Đặng Quốc Vĩnh"}]
    ans = asst.ask("ban hành ngày nào?", history=history)
    assert stems(ans) == ["kh-phulam-nuocsach"] and "12" in ans.answer


def test_cli_plan_option(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "ai ký", "--plan", "27/KH-UBND", "--index", str(library / "index"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["plans"][0]["number"] == "27/KH-UBND" and "Đặng Quốc Vĩnh" in out["answer"]
    assert main(["search", "nước sạch", "--plan", "kh-lamha-duoinuoc", "--index", str(library / "index"),
                 "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and {h["doc"] for h in hits} == {"kh-lamha-duoinuoc.txt"}
    assert main(["ask", "ai ký", "--plan", "999/KH", "--index", str(library / "index")]) == 2
    assert "unknown plan" in capsys.readouterr().err


def test_the_librarys_own_assistant_builds_no_per_plan_tables(library: Path) -> None:
    """The library's assistant answers through its plans' assistants: loading builds none of the tables
    each plan's answers need (at 500 plans they took longer than the app may take to start), and
    questions, lists of plans included, build them for the plans that answer only."""
    fresh = Assistant.load(Settings(index=library / "index", corpus=library / "corpus"), index=library / "index")
    lazy = {"directory", "targets", "composer", "scope", "_words", "_initialisms"}
    assert not lazy & set(vars(fresh))
    listed = fresh.ask("Những kế hoạch nào giao Sở Y tế chủ trì?")
    assert listed.route == "plans" and listed.citations
    fresh.ask("Kế hoạch 27/KH-UBND do ai ký?")
    assert not {"composer", "scope", "targets"} & set(vars(fresh))
    assert set(fresh._shelf) == {"kh-phulam-nuocsach.txt"} and "composer" in vars(fresh._shelf["kh-phulam-nuocsach.txt"])


def test_a_library_keeps_a_bounded_number_of_plan_assistants(asst: Assistant,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.core as core

    monkeypatch.setattr(core, "SHELF", 1)
    asst._shelf.clear()
    first = asst.ask("kh nuoc sach phu lam do ai ky")
    second = asst.ask("Kế hoạch du lịch cộng đồng của tỉnh Long Giang do ai ký?")
    assert len(asst._shelf) == 1 and list(asst._shelf) == ["kh-longgiang-dulich.txt"]
    again = asst.ask("kh nuoc sach phu lam do ai ky")  # rebuilt when asked again, the same answer
    assert again.answer == first.answer and "Trần Minh Khôi" in second.answer


def test_which_plan_offers_each_plan_as_a_choice_that_answers(asst: Assistant,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.shelf as shelf

    monkeypatch.setattr(shelf, "MAX_PLANS", 1)  # past one answering plan, ask which
    ans = asst.ask("Ai ký kế hoạch này?")
    assert ans.route == "clarify" and len(ans.choices) == 3
    lamha = next(c for c in ans.choices if c.doc == "kh-lamha-duoinuoc.txt")
    assert "214/KH-UBND" in lamha.question and "Lâm Hà" in lamha.question
    picked = asst.ask(lamha.question)  # two plans share 214: the province tells them apart
    assert stems(picked) == ["kh-lamha-duoinuoc"] and "Hoàng Thị Mai Lan" in picked.answer
    assert ans.to_json()["choices"][0]["question"] == ans.choices[0].question


def test_the_api_plan_restricts_the_answer_and_names_it_the_same_way(asst: Assistant) -> None:
    from webapp.chat import ChatService, api_answer

    out = api_answer(ChatService(asst), "Ai ký kế hoạch?", plan="27/KH-UBND")
    assert [p["id"] for p in out["plans"]] == ["kh-phulam-nuocsach"] and "Đặng Quốc Vĩnh" in out["answer"]
    assert out["plan"] == out["plans"][0]  # the API's plan and the answer's plans are one description


# -- mechanisms of any plan, asked of one plan of the library ---------------------
def test_a_ward_the_plan_never_names_is_declined(asst: Assistant) -> None:
    """A unit below the province named with its name ("phường Hòa Lạc", "Tân Phú ward") that the plan
    does not name: its figures are the province's, so the answer says so instead of quoting them."""
    for q in ("Phường Hòa Lạc phải có bao nhiêu phần trăm trẻ em biết bơi đến năm 2027?",
              "What does the drowning plan say about swimming lessons in Tân Phú ward?"):
        ans = asst.ask(q, plan="kh-lamha-duoinuoc.txt")
        assert ans.abstained and ans.route == "refusal", q


def test_a_deadline_in_words_lists_the_task_in_its_year(asst: Assistant) -> None:
    """"hoàn thành trong quý II năm 2026" is a quarter of 2026; "giai đoạn 2026 - 2030" inside a task is
    what the task is about, and its deadline is the one a completion word introduces."""
    ans = asst.ask("những nhiệm vụ nào phải hoàn thành trong năm 2026?", plan="kh-lamha-duoinuoc.txt")
    cited = {c.section for c in ans.citations}
    assert {"II.2.a", "II.2.d", "II.3.a"} <= cited and not ans.abstained
    assert "quý II năm 2026" in ans.answer


def test_a_count_asked_is_not_answered_with_a_share(asst: Assistant) -> None:
    """The plan sets shares of communes with a pool; "how many pools" is no share, and "bao nhiêu
    phần trăm" is."""
    share = asst.ask("đến năm 2029 bao nhiêu phần trăm xã, phường có bể bơi?", plan="kh-lamha-duoinuoc.txt")
    assert "70%" in share.answer and not share.abstained
    count = asst.ask("How many swimming pools will be built in each commune by 2029?", plan="kh-lamha-duoinuoc.txt")
    assert "70%" not in count.answer


def test_an_english_question_finds_a_task_in_the_genres_words(asst: Assistant) -> None:
    """The genre's glossary puts "first aid training" and "site fences" into the plan's Vietnamese, so an
    English question finds the task through the lexical index and not only through the embedding."""
    ans = asst.ask("Which agencies lead the first aid training for school health staff?", plan="kh-lamha-duoinuoc.txt")
    assert ans.route == "role" and [c.section for c in ans.citations][:1] == ["II.4.a"]
    assert "Sở Y tế" in ans.answer and "Sở Giáo dục và Đào tạo" in ans.answer


def test_a_glossary_word_the_plan_never_writes_anchors_nothing() -> None:
    """"hotel" is in the genre's glossary, yet the abstention evidence counts only the terms it was fitted
    on, so a question about hotels is still weighed as one the plan has no words for."""
    q = "Can you recommend a good hotel near the provincial museum?"
    assert "hotel" in content_terms(q) and "hotel" not in asked_terms(q)


def test_a_question_whose_source_is_a_law_asks_what_the_law_says(asst: Assistant) -> None:
    """"According to the Law on Children, …" asks the law, which the plan does not restate; a mid-term
    review the plan schedules is the plan's, in the genre's words ("sơ kết")."""
    law = asst.ask("According to the Law on Children, who counts as a child?", plan="kh-lamha-duoinuoc.txt")
    assert law.abstained and law.route == "refusal"
    review = asst.ask("When are the mid-term review and the final review held?", plan="kh-lamha-duoinuoc.txt")
    assert not review.abstained and "quý IV năm 2027" in review.answer


def test_plans_of_a_period_are_those_whose_own_period_it_is(asst: Assistant) -> None:
    """"giai đoạn 2025 - 2030" names a period: Phú Lâm's 2026 - 2028 plan overlaps it but is not one."""
    ans = asst.ask("Những kế hoạch nào thực hiện trong giai đoạn 2025 - 2030?")
    assert ans.route == "plans"
    assert set(stems(ans)) == {"kh-lamha-duoinuoc", "kh-longgiang-dulich"}


def test_a_year_asked_lists_the_tasks_due_in_it_whatever_else_is_said(asst: Assistant) -> None:
    """"… trong năm 2026, không tính các nhiệm vụ hằng năm" asks for the tasks due in 2026; the words of
    another timeline kind it sets aside do not make it a list of yearly tasks."""
    ans = asst.ask("Những nhiệm vụ nào phải hoàn thành trong năm 2026, không tính các nhiệm vụ thực hiện hằng năm?",
                   plan="kh-lamha-duoinuoc.txt")
    assert {"II.2.a", "II.2.d", "II.3.a"} <= {c.section for c in ans.citations}
    assert "II.2.đ" not in {c.section for c in ans.citations}  # "thực hiện hằng năm", no 2026 deadline


def test_a_decisions_entry_into_force_is_quoted(tmp_path: Path) -> None:
    """"có hiệu lực từ khi nào" is answered by the article that says it, as the decision words it."""
    (tmp_path / "corpus").mkdir()
    shutil.copy(PLANS / "qd-donghai-nguoicaotuoi.txt", tmp_path / "corpus")
    build_index(tmp_path / "corpus", tmp_path / "index")
    decision = Assistant.load(Settings(index=tmp_path / "index"), index=tmp_path / "index")
    for q in ("Quyết định này có hiệu lực từ khi nào?", "When does the decision take effect?"):
        ans = decision.ask(q)
        assert "có hiệu lực thi hành kể từ ngày ký" in ans.answer and "dieu.2" in {c.section for c in ans.citations}


def test_a_count_the_plan_states_in_a_tasks_sentence_in_the_glossarys_words(asst: Assistant) -> None:
    # "swimming instructors" is "giáo viên dạy bơi hướng dẫn viên": "mỗi năm tập huấn ít nhất 120 hướng dẫn viên"
    ans = asst.ask("The Lam Ha provincial plan against child drowning (2025-2030): how many swimming instructors must the "
                   "Department of Culture, Sports and Tourism train each year?")
    assert not ans.abstained and "120 hướng dẫn viên" in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "english", "expected"), [
    # what the question is about, said by the titles of a few plans only: "giảm nghèo" of Hòa An's and Tây Giang's
    ("For the 2026 poverty-reduction plan, which agency is the standing body?", True,
     {"kh-ubnd-tinh-hoa-an-giam-ngheo-2026.docx", "kh-tay-giang-lao-dong-viec-lam.txt"}),
    ("kh giam ngheo ai ky", False, {"kh-ubnd-tinh-hoa-an-giam-ngheo-2026.docx", "kh-tay-giang-lao-dong-viec-lam.txt"}),
    ("A plan on care for older persons: who signed it?", True,
     {"kh-phuong-dong-ha-cham-soc-nguoi-cao-tuoi.docx", "qd-donghai-nguoicaotuoi.txt"}),
    ("kh an toan giao thong ai ky", False, {"kh-tra-giang-an-toan-giao-thong.docx"}),
    # a task's words, no plan described: no title is looked for
    ("ai chu tri tuyen truyen an toan giao thong", False, set()),
    # the words for a plan and a year, which many titles say, name none
    ("kế hoạch năm 2026 do ai ký", False, set()),
])
def test_the_titles_that_say_what_a_question_is_about(received: Catalogue, question: str, english: bool,
                                                       expected: set[str]) -> None:
    assert received.titled(question, english) == expected


def test_a_cited_documents_number_that_names_another_plan_stays_in_the_question(tmp_path: Path) -> None:
    """"Kế hoạch số 87/KH-SNNMT … viện dẫn Quyết định số 412/QĐ-UBND; quyết định đó ban hành ngày nào": the library
    holds decisions numbered 412 of other places, but the question names plan 87; the decision it cites is what it asks
    of, its number kept."""
    for name in ("kh-so-nnmt-binh-duong-ha-ngap-ung.html", "qd-lam-vien-dan-cu-so.md"):
        shutil.copy(PLANS.parent / "received" / name, tmp_path / name)
    shutil.copy(PLANS / "qd-bacthuy-nhua.md", tmp_path / "qd-bacthuy-nhua.md")
    catalogue = Catalogue(read_corpus(tmp_path).plans)
    question = ("Kế hoạch số 87/KH-SNNMT ngày 12/3/2026 của Sở Nông nghiệp và Môi trường tỉnh Bình Dương Hạ viện dẫn "
                "Quyết định số 412/QĐ-UBND; quyết định đó ban hành ngày nào?")
    naming = catalogue.named(question)
    assert [p.source for p in naming.plans] == ["kh-so-nnmt-binh-duong-ha-ngap-ung.html"]
    assert "412/QĐ-UBND" in naming.rest(question, "vi"), naming.rest(question, "vi")


def test_a_plans_title_after_ve_names_it_wherever_it_stands(received: Catalogue) -> None:
    # named by number, date and place; its title after "về" is no topic of the question
    question = ("Theo Kế hoạch số 27/KH-UBND ngày 16/01/2026 của UBND tỉnh Trà Giang về bảo đảm trật tự, an toàn giao "
                "thông năm 2026, việc lắp camera giám sát do cơ quan nào chủ trì?")
    naming = received.named(question)
    assert [p.source for p in naming.plans] == ["kh-tra-giang-an-toan-giao-thong.docx"]
    rest = naming.rest(question, "vi")
    assert "trật tự" not in rest and "camera giám sát" in rest, rest
