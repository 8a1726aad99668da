"""Plans as staff receive them, written after a code freeze by helpers who never saw the code (a PDF decision,
a Word plan whose roles are only in its appendix, a saved web page whose bullets each name their roles),
answered through the real parser, embedder and index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.answer import Answer
from index.normalize import unwrap
from index.store import build_index

RECEIVED = Path(__file__).parent / "data" / "received"
PDF, WORD, PAGE = "qd-thanh-son-pccc.pdf", "kh-an-phu-bao-ve-tre-em.docx", "kh-dai-son-van-hoa-doc.html"
NUMBERED = "kh-hai-phong-bao-luc-gia-dinh.docx"  # numbered by Word's own lists
TABLED = "kh-vinh-an-ho-tro-sinh-ke.pdf"  # a PDF whose tasks sit in a ruled table over two pages
CITED = "kh-tra-giang-an-toan-giao-thong.docx"  # tasks assigned by citing them: "điểm a khoản 2 Mục III"
# A page saved from a legal-documents website: targets in a table with a column per year (Phụ lục I), tasks in
# a table grouped I–IV, numbered afresh in each group (Phụ lục II).
SAVED = "kh-bao-lam-nha-o-xa-hoi.html"
DECISION = "qd-hoa-binh-nam-phong-chong-thien-tai.docx"  # a decision that replaces an earlier one (Điều 2)
# A district's plan as a PDF: "Phòng …" offices, a responsibility line after each task in varying forms.
DISTRICT = "kh-krong-binh-hoc-tap.pdf"
# A department's plan (.docx) whose activities name no unit: part V assigns them by number ("Chủ trì các hoạt
# động 1.2, 2.1 …"), one activity is assigned to no one; targets in a table "Kết quả năm 2025 | Kế hoạch năm 2026".
DEPARTMENT = "kh-syt-tay-nguyen-tiem-chung.docx"
# A PDF whose tasks sit in a ruled table inside part III, grouped "1. …" with rows "1.1", "1.2" (freeze-12).
IN_BODY = "kh-ha-giang-nam-lang-nghe.pdf"
# A commune's plan pasted as text: part IV a matrix of tasks × bodies marked "CT" / "PH", cells parted by " | ".
MATRIX = "kh-xa-phuoc-son-chuyen-doi-so.txt"
# A Word plan whose items hold dash bullets, each closing with its own roles in brackets worded several ways
# ("(Giao Ban Quản lý … chủ trì …)"), and whose targets table has a column of the year it starts from (freeze-13).
BULLETED = "kh-khanh-lam-nhan-luc.docx"
# A Word decision issuing a plan whose appendix rows give both roles in one cell ("Chủ trì: …. Phối hợp: …"), the
# rows numbered afresh in each roman group, the signer above "Nơi nhận" and the attached plan's title below it.
MERGED = "qd-song-lam-rung.docx"
# A Word plan whose tasks name nobody; part IV is a table with a row per body listing the numbers of the tasks
# it leads and supports ("Sở Nội vụ | Nhiệm vụ 7 | Nhiệm vụ 3, 5"), one task led by two rows, one by none (freeze-14).
BY_BODY = "kh-thai-ninh-nguoi-cao-tuoi.docx"
# A ward's plan as Markdown: tasks under phase headings ("### Giai đoạn 1 (Quý I - Quý II/2026)"), each with
# "- Thực hiện: A, B (chủ trì), C", the lead marked inside the list, not always first (freeze-14).
MARKED = "kh-phuong-an-hoa-do-thi.md"
# A department's plan saved from a legal-documents website: part III only a table whose group rows are lettered
# "A | RÀ SOÁT, QUY HOẠCH", its rows numbered 1–14 through the groups; the department's units as bodies (freeze-15).
LETTERED = "kh-so-nnmt-binh-duong-ha-ngap-ung.html"
# A commune's plan as a PDF: tasks under "A. Nhóm giải pháp về …", each opening with "Đơn vị chủ trì: …"; targets in an
# appendix table of years whose first column is what was done in 2025 ("Thực hiện năm 2025") (freeze-15).
COMMUNE = "kh-xa-tan-phu-khoi-nghiep.pdf"
# A commune's plan pasted as text: activities ("Hoạt động 1: …") naming nobody, part IV assigning them by number body
# by body ("- Chủ trì Hoạt động 1, Hoạt động 4 và Hoạt động 7;"), their months only in a schedule marked "x" (freeze-16).
SCHEDULED = "kh-xa-hoa-my-phong-chong-dich-benh.txt"
# A Word plan whose part III is a task table 1.1 … 4.3 under group rows, with a column of estimated costs given in
# figures (million dong) or in words (freeze-16).
COSTED = "kh-hung-phu-giao-duc-stem.docx"
# A Markdown decision whose plan numbers its groups as "### 1. …" headings over Markdown numbered lists, each task's
# roles only in its closing bracket, a bracket inside it ("Văn phòng UBND tỉnh (Trung tâm …)") (freeze-17).
LISTED = "qd-lam-vien-dan-cu-so.md"
# A ward's PDF: "Nhiệm vụ N:" blocks with labelled lines, an indicator table by year (freeze-17).
BLOCKS = "kh-phuong-tan-dinh-dong-rac-thai.pdf"
# A plan saved from a portal as HTML: tasks are headings coded "NV-01." … naming nobody, assigned and dated only by a
# table of a row per body listing codes ("NV-01, NV-05" | "NV-01: Quý IV/2026; …") (freeze-18).
CODED = "kh-song-ma-chuyen-doi-xanh.html"
# A Word plan to organise a festival: venues and hours, a schedule table with no number column, duties body by body.
EVENT = "kh-bac-ha-ngay-hoi-van-hoa.docx"
# A Word plan whose task table marks the lead inside the cell of bodies ("Sở Y tế, Sở Giáo dục và Đào tạo (chủ trì)"),
# the years a task runs by "x" in columns 2026 | 2027 | 2028, and targets "năm 2026: …; năm 2028: …" in one bullet.
YEARS = "kh-dong-giang-suc-khoe-hoc-duong.docx"
# A Word plan whose task table merges a task's number, name and lead down over a row per activity, each row with its
# own partners and deadline; one task's second activity has a lead of its own (freeze-20).
SPANNED = "kh-ea-sup-mam-non-dtts.docx"
# A department's PDF: its own divisions as bodies, 2025 results before the 2026 targets, roles inside the sentences
# ("Phòng … thực hiện, thời gian: …", "… là đầu mối", partners before "phối hợp"), one point naming nobody (freeze-20).
DIVISIONS = "kh-snv-tay-bac-binh-dang-gioi.pdf"
# A Word decision whose plan gives part III body by body ("1. Sở Công Thương" then "a) Chủ trì, phối hợp với …"), some
# points the heading body only supports ("Phối hợp với Sở Công Thương …"), one it leads with another (freeze-21).
BY_HEADING = "qd-binh-son-thuong-mai-dien-tu.docx"
# A commune's portal page: tasks as list items under h3 headings, each closing with its roles in a bracket (one naming
# nobody), the targets a table "Thực hiện năm 2025 | Kế hoạch năm 2026" in a part of objectives (freeze-21).
PORTAL = "kh-xa-nam-khao-nuoc-sinh-hoat.html"
# A department's PDF: tasks a table inside part III with quarter columns marked "x" and no year, one cell of bodies,
# and a note under the table that the first-named body leads (freeze-22).
QUARTERS = "kh-so-yt-dong-lam-suc-khoe-nguoi-cao-tuoi.pdf"
# A ward's Word plan: roles inside paragraph sentences, a ward office whose name holds a comma, an item naming no
# body, part V a table of a row per body and its duties (freeze-22).
PARAGRAPHS = "kh-phuong-tan-an-chuyen-doi-so-cong-dong.docx"
GROUPS = "kh-tinh-ha-son-cham-soc-tre-mam-non.docx"  # a group's lead in its heading's brackets, labelled partners
ASSIGNED = "kh-so-ct-lam-giang-xuat-khau-nong-san.txt"  # plain text: parts 1.-5., "Phân công:" lines, a tabbed table
# A department's PDF: part III general solutions naming nobody, part IV duties numbered 1–10, the tasks the rows 1–14 of
# a landscape appendix table whose lead cells are merged down over rows (freeze-24).
ROWS = "kh-so-nnmt-tay-son-chong-sat-lo.pdf"
# A Word decision whose plan's appendix table has no lead column, its groups headed "I | SỞ NỘI VỤ CHỦ TRÌ" and
# numbered afresh in each (freeze-25).
LED_GROUPS = "qd-ubnd-tinh-dong-nguyen-an-sinh-nguoi-lao-dong.docx"
# A department's PDF with no tables: tasks "1.1." … naming nobody, part IV giving each body's tasks by number (freeze-25).
BY_NUMBER = "kh-so-gddt-ngoc-linh-ky-nang-so-hoc-sinh.pdf"
# A province's Word plan whose Phụ lục I sets each commune's figures in a table of places × figures (freeze-26).
PLACES = "kh-ubnd-tinh-hoa-an-giam-ngheo-2026.docx"
# A ward's plan as text copied from a PDF with its layout: a task table drawn with spaces, page footers (freeze-26).
LAYOUT = "kh-phuong-my-thanh-an-toan-thuc-pham.txt"
# A department's Word plan: legal bases a part of their own, a task table "STT | Đơn vị thực hiện | Nội dung nhiệm vụ | …"
# grouped A/B/C, lead and partners in one cell, merged cells (freeze-27).
BY_UNIT = "kh-so-yt-lam-phong-thuoc-la-2026.docx"
# A PDF decision whose plan numbers its parts in words ("Phần thứ nhất."), tasks "Nhiệm vụ N." with labelled lines (freeze-27).
IN_WORDS = "qd-ubnd-tinh-son-nguyen-nong-nghiep-huu-co.pdf"
# A Word action programme ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "47/CTr-UBND"), its tasks an appendix numbered afresh in each
# roman group (freeze-28).
PROGRAMME = "ctr-ubnd-tinh-kim-giang-nhan-luc-so.docx"
# A commune portal's page saved whole, its task table's lead cells spanning rows (rowspan) (freeze-28).
PORTAL_ROWSPAN = "kh-xa-hai-dong-rac-thai-nhua.html"
# A commune's Word plan whose part IV table gives each task's roles by its number, one number missing (freeze-24).
BY_TASK_NUMBER = "kh-xa-suoi-lanh-phat-trien-du-lich.docx"
# A Word joint plan of two bodies, a point per party under each content (freeze-29).
JOINT = "khlt-syt-hlhpn-tan-chau-dinh-duong.docx"
# A ward's PDF whose task table has no number column, its rows under month headings (freeze-29).
BY_MONTH = "kh-phuong-hoa-binh-he-thieu-nhi.pdf"
# A commune's Word plan whose parts are lettered A.–Đ. and whose tasks name nobody: after the signature, a matrix of
# tasks × bodies marked "CT"/"PH", the number and the task in columns of their own (freeze-30).
MATRIX_COLUMNS = "kh-xa-thuan-hoa-an-ninh-trat-tu.docx"
# A department's PDF of justified lines whose tasks close with a sentence of roles worded many ways (freeze-30).
PROSE_ROLES = "kh-so-vhttdl-phu-an-the-thao-quan-chung.pdf"
# A commune's PDF whose parts are numbered 1.–5. and whose points name no body: a table over two pages (its heading row
# repeated) assigns each point by citing it in words, "Điểm b mục 3.2 – Sơ tán …" (freeze-31).
CITING_ROWS = "kh-xa-dong-tien-phong-chong-thien-tai.pdf"
# A department's Word plan whose tasks are one progress chart: months T1–T12 marked "x", a note column, a lead cell
# merged over two rows (freeze-32).
CHART = "kh-so-nv-lam-son-tro-giup-xa-hoi.docx"
# A provincial PDF whose tasks close with a sentence of roles wrapped over lines ("… chủ trì, phối hợp với … / thực
# hiện; thời gian: …"), and whose appendix gives each commune and ward its quota (freeze-32).
QUOTAS = "kh-ubnd-tinh-bac-giang-son-bhxh-tu-nguyen.pdf"
# A commune's plan pasted from a PDF viewer into a text file: hard line breaks, words hyphen-split at a line's end, page
# numbers and a running header pasted between the lines, one inside a task's bracket of roles (freeze-33).
PASTED = "kh-xa-yen-lac-lao-dong-viec-lam.txt"
# A department's plan exported by an e-office system, metadata table first; its tasks name nobody, a table of a row per
# body lists the tasks each leads and supports as staff cite them ("Điểm a, b mục 1; 2b; 4c", "Nhiệm vụ 2.c") (freeze-33).
BY_BODY_LABELS = "kh-so-gddt-thanh-ha-an-toan-truong-hoc.html"
# A ward's Word plan numbered by Word's own lists: no number in the text, points lettered a) … f) in the Latin alphabet
# (freeze-34).
WORD_LETTERS = "kh-phuong-dong-ha-cham-soc-nguoi-cao-tuoi.docx"
# A provincial plan saved from a legal-documents website, menus and related documents around it; each task's bodies on
# one line, its leads marked "(chủ trì)" or "(cơ quan chủ trì)" wherever they stand in it (freeze-34).
SITE_PAGE = "kh-ubnd-tinh-lam-dong-nam-tre-em-duoi-nuoc.html"
# A commune's plan as pandoc writes a Word file in Markdown: grid tables whose cells wrap over lines, tasks numbered afresh
# under group rows I, II, III, escapes "1\." (freeze-35).
GRID = "kh-xa-tan-hoa-phat-trien-nong-nghiep.md"
# A department's plan exported from Google Docs as HTML: no numeral typed, parts, items and points numbered by the page's
# own lists (`<ol start="3" type="I">`), each group's tasks an unnumbered table (freeze-35).
LISTED_HTML = "kh-so-yt-hai-lang-phong-chong-sot-xuat-huyet.html"
# A province's Word plan whose tasks sit in an appendix table with cells merged down (a lead over a run of tasks, a time,
# a funding figure) and group rows merged across (freeze-36).
MERGED_DOWN = "kh-ubnd-tinh-tra-linh-tiet-kiem-nang-luong.docx"
# An industrial-parks board's PDF printed from Word: page footers, bulleted targets, a landscape appendix table whose
# wrapped rows run over two pages under a repeated heading row (freeze-36).
LANDSCAPE = "kh-bql-kcn-dong-bao-an-toan-lao-dong.pdf"
# A commune's plan saved from a portal whose tables are divs laid out as tables by its style sheet (freeze-37).
CSS_TABLES = "kh-xa-an-luong-phong-chong-dich-benh-gia-suc.html"
# A department's Word plan sent back from review with its changes tracked and comments (freeze-37).
TRACKED = "kh-so-nnmt-ha-linh-nuoc-sach-nong-thon.docx"
# A province's plan saved from Word as a filtered web page: list numbers in spans, a task table whose lead cells span
# two rows (freeze-38).
WORD_PAGE = "kh-ubnd-tinh-kien-hai-mua-ban-nguoi.html"
# A department's Word plan whose task table names every body by a short form its own legend explains (freeze-38).
LEGEND = "kh-stp-van-khanh-pho-bien-phap-luat.docx"
# A province's Word plan whose task table has no lead column: its rows grouped under rows merged across that name each
# group's lead, one group led jointly ("… đồng chủ trì") (freeze-39).
LEAD_ROWS = "kh-ubnd-tinh-bac-lieu-son-phong-chong-thien-tai-do-thi.docx"
# A decision whose own articles hold the plan (PDF): its tasks in Điều 1 name nobody; Điều 2 gives each body an item
# of lettered duties, each closing with its time in brackets (freeze-39).
ARTICLES = "qd-ubnd-tinh-dak-nguyen-nuoc-sach-truong-hoc.pdf"
# A department's Word plan whose every task is a bold heading over its own table of two columns, its rows labelled
# "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Kết quả/sản phẩm", "Ghi chú" (freeze-40).
FORMS = "kh-so-lddt-quang-hoa-giao-duc-nghe-nghiep.docx"
# A commune's plan saved from a portal: one task table under a heading of two rows ("Cơ quan thực hiện" over "Chủ trì |
# Phối hợp", "Thời gian" over "Bắt đầu | Hoàn thành"), a notes column that matters (freeze-40).
TWO_ROW_HEAD = "kh-ubnd-xa-ea-lam-phong-chong-chay-rung.html"
# A province's Word plan whose one column of bodies marks the lead only in bold type, as a note under the table says
# (freeze-41).
BOLD_LEADS = "kh-ubnd-tinh-ninh-lam-phong-chong-benh-khong-lay.docx"
# A ward's PDF whose task table is drawn without any rules: five columns placed by position alone, cells wrapping over
# up to six lines, rows set apart only by space, the heading repeated over a page break (freeze-41).
RULELESS = "kh-ubnd-phuong-hai-thanh-an-toan-giao-thong.pdf"
# A department's Word plan whose whole text sits inside tables: one bordered cell frames the title, the parts and the
# task table nested in it (group rows merged across, a lead cell with two bodies on two lines) (freeze-42).
FRAMED = "kh-so-tnmt-dong-phong-quan-ly-chat-thai-ran.docx"
# A commune's plan pasted from Word into an e-mail and saved as text: forwarding lines before it, the clerk's signature
# after it, letterhead and signer set beside others by a tab, a tab-parted task table whose wrapped cells go on under
# their column on lines of their own (freeze-42).
MAILED = "kh-ubnd-xa-phu-ninh-phong-chong-duoi-nuoc.txt"
# A department's Word plan whose heading numbers exist only in its styles (a multilevel list linked to Heading 1-3), its
# targets typed dash bullets, each task's roles a running sentence worded its own way (freeze-43).
STYLED = "kh-sonnmt-ha-lam-phong-chong-benh-dai.docx"
# A ward's PDF whose tasks are a spreadsheet printed on landscape pages: a ruled table, its heading row repeated on each
# page, a row cut by the page break, separate start and end columns (freeze-43).
SPREADSHEET = "kh-ubnd-phuong-tan-lap-an-toan-pccc.pdf"
# A plan forwarded behind a department's covering letter in one PDF: the letter's number, date and signer come first.
COVERED = "kh-ubnd-tinh-khanh-nam-ruou-bia.pdf"
# A commune's paper copy turned into Word by a scanner's text recognition: a paragraph per printed line, "Il." and "lV."
# for the parts' numerals, the letterhead's and the signature's two columns a line each in turn.
SCANNED = "kh-ubnd-xa-duc-phong-nguoi-co-cong.docx"


@pytest.fixture(scope="module")
def asst(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("received")
    (root / "corpus").mkdir()
    for name in (PDF, WORD, PAGE, NUMBERED, TABLED, CITED, SAVED, DECISION, DISTRICT, DEPARTMENT, IN_BODY, MATRIX, BULLETED,
                 MERGED, BY_BODY, MARKED, LETTERED, COMMUNE, SCHEDULED, COSTED, LISTED, BLOCKS, CODED, EVENT, YEARS,
                 SPANNED, DIVISIONS, BY_HEADING, PORTAL, QUARTERS, PARAGRAPHS, GROUPS, ASSIGNED, ROWS,
                 LED_GROUPS, BY_NUMBER, PLACES, LAYOUT, BY_UNIT, IN_WORDS, PROGRAMME, PORTAL_ROWSPAN, BY_TASK_NUMBER,
                 JOINT, BY_MONTH, MATRIX_COLUMNS, PROSE_ROLES, CITING_ROWS, CHART, QUOTAS, PASTED, BY_BODY_LABELS,
                 WORD_LETTERS, SITE_PAGE, GRID, LISTED_HTML, MERGED_DOWN, LANDSCAPE, CSS_TABLES, TRACKED, WORD_PAGE, LEGEND,
                 LEAD_ROWS, ARTICLES, FORMS, TWO_ROW_HEAD, BOLD_LEADS, RULELESS, FRAMED, MAILED, STYLED, SPREADSHEET):
        shutil.copy(RECEIVED / name, root / "corpus" / name)
    build_index(root / "corpus", root / "index")
    return Assistant.load(Settings(index=root / "index", corpus=root / "corpus"), index=root / "index")


def test_a_task_whose_roles_only_the_appendix_gives_is_answered_from_its_row(asst: Assistant) -> None:
    """"nv 8" is task C.8 of the body, which names nobody; the appendix row that restates it (the one sharing
    most words with it) gives its lead."""
    ans = asst.ask("nv 8 ai chu tri", plan=WORD)
    assert "Tỉnh đoàn" in ans.answer and "appendix.IV.2" in {c.section for c in ans.citations}


def test_tasks_listed_by_the_quarter_their_timeline_says(asst: Assistant) -> None:
    ans = asst.ask("nhung nv nao ghi thoi han quy ii/2026", plan=PDF)
    assert {c.section for c in ans.citations} == {"III.3.4.2", "III.3.6", "III.3.11.1"}
    assert "Quý II/2026" in ans.answer


def test_a_code_of_the_plan_ties_a_question_to_it(asst: Assistant) -> None:
    """"pccc" is no Vietnamese syllable and the plan writes it: the question is the plan's, however few of its
    word pairs the plan writes ("tttm", "cay xang")."""
    ans = asst.ask("ai chu tri kiem tra pccc o cho, tttm, cay xang", plan=PDF)
    assert not ans.abstained and "Sở Công Thương" in ans.answer


def test_the_proposer_as_the_plan_names_him_and_a_sum_from_the_funding_part(asst: Assistant) -> None:
    proposer = asst.ask("Quyết định này được ban hành theo đề nghị của ai, tại tờ trình số mấy?", plan=PDF)
    assert "Giám đốc Công an tỉnh" in proposer.answer and "418/TTr-CAT-PC07" in proposer.answer
    total = asst.ask("tong kinh phi thuc hien kh la bao nhieu", plan=WORD)
    assert "86.450 triệu đồng" in total.answer and total.rule == "sums"
    none = asst.ask("Tổng kinh phí thực hiện kế hoạch phòng cháy là bao nhiêu tỷ đồng?", plan=PDF)
    assert none.abstained  # its funding part states no sum


def test_a_bullet_is_answered_by_its_own_roles_and_counted_by_them(asst: Assistant) -> None:
    """An item of four bullets, each with its own lead: the question about one gets that bullet's lead; a list of
    tasks with two leads counts each bullet's leads, not the item's together."""
    ans = asst.ask("Hoạt động luân chuyển sách, báo xuống các điểm đọc cơ sở do đơn vị nào chủ trì?", plan=PAGE)
    assert "Thư viện tỉnh" in ans.answer and "Luân chuyển sách" in ans.answer
    joint = asst.ask("List every task that has two joint lead agencies.", plan=PAGE)
    assert {c.section for c in joint.citations} == {"III.3", "III.4", "III.6"}


def test_a_building_the_plan_renovates_is_no_address_asked(asst: Assistant) -> None:
    """"trụ sở Thư viện tỉnh" is a building the plan renovates: a question about its works is the plan's; opening
    hours and a phone number it never gives are declined."""
    works = asst.ask("Việc cải tạo, nâng cấp trụ sở Thư viện tỉnh dự kiến khởi công năm nào và hoàn thành năm nào?", plan=PAGE)
    assert not works.abstained and "2029" in works.answer
    for q in ("Thư viện tỉnh mở cửa phục vụ bạn đọc vào những giờ nào?", "sdt, email lien he cua so vhttdl de gui bao cao kh nay"):
        assert asst.ask(q, plan=PAGE).abstained, q


def test_a_report_deadline_comes_from_the_clause_that_opens_with_reports(asst: Assistant) -> None:
    """A numbered paragraph with no title ("13. Các sở … báo cáo kết quả … trước ngày 15/12 hằng năm gửi Sở …")
    answers when reports are due, not the standing agency's duty that ends with its own report."""
    ans = asst.ask("By what date each year do departments and communes have to send their implementation reports?",
                   plan=NUMBERED)
    assert ans.rule == "reporting" and [c.section for c in ans.citations] == ["V.13"] and "15/12" in ans.answer


def test_a_preposition_after_bao_nhieu_counts_nothing(asst: Assistant) -> None:
    """"giảm bao nhiêu vào năm 2030" asks the share the target sets, not a count."""
    ans = asst.ask("So với năm 2025, số vụ bạo lực gia đình trên địa bàn tỉnh phải giảm bao nhiêu vào năm 2030?", plan=NUMBERED)
    assert "25%" in ans.answer and not ans.abstained


def test_a_pdf_table_is_read_row_by_row_across_its_page_break(asst: Assistant) -> None:
    """pdfplumber follows the table's rules: each row a task with its columns, the heading repeated on the next
    page dropped, the row after it kept (row III.2 opens page 6)."""
    ans = asst.ask("nhiệm vụ 2 nhóm III trong phụ lục do cơ quan nào chủ trì, thời hạn khi nào?", plan=TABLED)
    assert "Sở Tài chính" in ans.answer and "Trước 30/9/2026" in ans.answer, ans.answer
    ans = asst.ask("liet ke cac nv co 2 cq chu tri", plan=TABLED)
    assert {c.section for c in ans.citations} == {"appendix.I.3", "appendix.III.4", "appendix.IV.3"}, ans.answer


def test_a_task_is_led_by_the_duty_that_cites_it(asst: Assistant) -> None:
    """Part III names no agency; part IV assigns each task by citation ("Chủ trì thực hiện nhiệm vụ tại điểm b
    khoản 5 Mục III, thực hiện trong năm học 2026 - 2027"; "Đồng chủ trì với Công an tỉnh …")."""
    ans = asst.ask("nv 5b ai chu tri, tg thuc hien", plan=CITED)
    assert "Sở Giáo dục và Đào tạo" in ans.answer and "năm học 2026 - 2027" in ans.answer, ans.answer
    ans = asst.ask("Which tasks does the Provincial Police lead?", plan=CITED)
    assert {"III.2.a", "III.2.b", "III.3", "III.6.c"} <= {c.section for c in ans.citations}, ans.answer


def test_an_indicator_table_cell_in_words_is_the_years_target(asst: Assistant) -> None:
    ans = asst.ask("chi tieu so diem den xu ly nam 2026 la bn", plan=CITED)
    assert "12 điểm" in ans.answer, ans.answer



def test_a_target_table_among_the_appendices_gives_each_years_figure(asst: Assistant) -> None:
    """Phụ lục I is no part of targets by its heading, but its rows are indicators; a sum set as a target is the
    plan's to give, not a sum it never states."""
    units = asst.ask("Chỉ tiêu số căn nhà ở xã hội hoàn thành trong năm 2027 của tỉnh là bao nhiêu căn?", plan=SAVED)
    assert "1.650" in units.answer and units.route == "target", units.answer
    loans = asst.ask("doanh so cho vay tu von uy thac ngan sach tinh nam 2028 la bao nhieu", plan=SAVED)
    assert "260 tỷ đồng" in loans.answer and not loans.abstained, loans.answer
    workers = asst.ask("How many social housing units for industrial-park workers are to be completed in 2027?", plan=SAVED)
    assert "700" in workers.answer and "appendix.3" in {c.section for c in workers.citations}, workers.answer


def test_a_task_row_by_its_number_in_its_group(asst: Assistant) -> None:
    ans = asst.ask("nv 3 nhom II ai chu tri", plan=SAVED)
    assert "Liên đoàn Lao động tỉnh" in ans.answer and [c.section for c in ans.citations] == ["appendix.II.3"], ans.answer


def test_the_websites_own_words_are_no_part_of_the_plan(asst: Assistant) -> None:
    """The page's hotline is the website's, in its footer; the plan gives no contact."""
    ans = asst.ask("so hotline de hoi ve ke hoach nha o xa hoi la so may", plan=SAVED)
    assert ans.abstained and "1900" not in ans.answer, ans.answer


@pytest.mark.parametrize("question", ["qd nay thay the qd nao", "Which decision does this one replace?"])
def test_the_document_a_decision_replaces(question: str, asst: Assistant) -> None:
    ans = asst.ask(question, plan=DECISION)
    assert "1187/QĐ-UBND" in ans.answer and ans.route == "document", ans.answer


def test_a_district_office_leads_as_its_labelled_line_says(asst: Assistant) -> None:
    """"- Đơn vị thực hiện: Phòng A chủ trì; B, C phối hợp. Thời gian: Thường xuyên." is three roles, and "Phòng, chống
    …" is no office; "- Giao Huyện đoàn chủ trì, phối hợp …" names its lead."""
    first = asst.ask("nv 1a ai chu tri, ai phoi hop", plan=DISTRICT)
    assert "Phòng Văn hóa, Khoa học và Thông tin" in first.answer and "Hội Khuyến học huyện" in first.answer
    assert asst.ask("nhiệm vụ 5b do ai chủ trì?", plan=DISTRICT).answer.count("Huyện đoàn") >= 1


def test_activities_a_department_assigns_by_their_numbers(asst: Assistant) -> None:
    ans = asst.ask("hoạt động 1.2 do đơn vị nào chủ trì, thời hạn khi nào?", plan=DEPARTMENT)
    assert "Trung tâm Kiểm soát bệnh tật tỉnh" in ans.answer and "28/02/2026" in ans.answer
    listed = asst.ask("Trạm Y tế các xã, phường, thị trấn chủ trì những hoạt động nào?", plan=DEPARTMENT)
    assert {"III.3.1", "III.4.2", "III.5.1", "V.9"} <= {c.section for c in listed.citations}


@pytest.mark.parametrize(("plan", "question", "rule", "unit"), [
    # an activity that names no body but gives its time ("Thời gian thực hiện: sau mỗi buổi tiêm chủng") is a task
    # the plan gives nobody: asked who leads it, the answer says so, and its time is answered
    (DEPARTMENT, "hoạt động 2.4 do đơn vị nào chủ trì?", "section_roles", "III.2.4"),
    (DEPARTMENT, "thu gom vỏ lọ, bơm kim tiêm sau buổi tiêm thì đơn vị nào chủ trì", "task_roles", "III.2.4"),
    # a point that names neither body nor time is no task: the unit is said to be assigned to nobody
    (DIVISIONS, "mục 3.2c do đơn vị nào chủ trì?", "section_unassigned", "III.2.c"),
    (DIVISIONS, "việc khuyến khích doanh nghiệp thực hiện bình đẳng giới trong tuyển dụng do đơn vị nào chủ trì",
     "unassigned", "III.2.c"),
])
def test_an_activity_assigned_to_no_unit_is_said_to_be(asst: Assistant, plan: str, question: str, rule: str, unit: str) -> None:
    ans = asst.ask(question, plan=plan)
    assert ans.abstained and ans.rule == rule and unit in ans.answer, ans.answer
    if plan == DEPARTMENT:
        assert "sau mỗi buổi tiêm chủng" in asst.ask("hoạt động 2.4 thực hiện khi nào", plan=plan).answer


def test_a_planned_years_column_sets_its_targets_beside_the_last_result(asst: Assistant) -> None:
    ans = asst.ask("chỉ tiêu tiêm vắc xin sởi - rubella cho trẻ 18 tháng tuổi năm 2026 là bao nhiêu", plan=DEPARTMENT)
    assert "95%" in ans.answer and "91,4%" in ans.answer


def test_a_task_table_inside_part_three_numbers_its_rows_under_their_groups(asst: Assistant) -> None:
    ans = asst.ask("nv 2.3 ai ct", plan=IN_BODY)
    assert "Sở Khoa học và Công nghệ" in ans.answer and "III.2.3" in {c.section for c in ans.citations}


def test_a_matrix_of_marks_assigns_each_task(asst: Assistant) -> None:
    """"CT" under a body's column leads the row's task, "PH" takes part; two CT are two leads."""
    ans = asst.ask("nhiệm vụ 4 do cơ quan nào chủ trì?", plan=MATRIX)
    assert "Phòng Văn hóa - Xã hội" in ans.answer and "Đoàn Thanh niên xã" in ans.answer
    listed = asst.ask("Công an xã chủ trì những nhiệm vụ nào?", plan=MATRIX)
    assert {"IV.2", "IV.9"} <= {c.section for c in listed.citations}



def test_a_task_with_no_lead_in_the_matrix_is_said_to_have_none(asst: Assistant) -> None:
    """Task 8 has "PH" marks only: asked who leads it, by its number or its topic, the plan assigns it no lead (a
    decline, that names the bodies it marks as partners)."""
    for question in ("nv 8 gan ma dia chi so cho ho dan thi ai chu tri", "gắn mã địa chỉ số cho hộ dân do ai chủ trì"):
        ans = asst.ask(question, plan=MATRIX)
        assert "không giao cơ quan nào chủ trì" in ans.answer and "Công an xã" in ans.answer, ans.answer
        assert ans.abstained and ans.citations[0].section in {"III.8", "IV.8"}, ans.answer
    # asked its partners and deadline too, it is answered: nobody leads, these take part, by then
    ans = asst.ask("nv 8 gắn mã địa chỉ số: đơn vị nào chủ trì, đơn vị nào phối hợp, thời hạn?", plan=MATRIX)
    assert not ans.abstained and "31/10/2026" in ans.answer and "Phòng Kinh tế" in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "lead"), [
    ("boi duong nang luc so cho giao vien cq nao ct", "Sở Giáo dục và Đào tạo"),
    ("Nhiệm vụ bồi dưỡng chuyên sâu về an toàn thông tin, an ninh mạng do cơ quan nào chủ trì?", "Sở Khoa học và Công nghệ"),
    ("khao sat nhu cau nhan luc so o cac kcn ai chu tri", "Ban Quản lý các khu công nghiệp tỉnh"),
])
def test_each_bullet_is_led_as_its_own_bracket_says(asst: Assistant, question: str, lead: str) -> None:
    """Every bullet of item III.2 closes with its roles, the last one "(Giao … chủ trì, …)": the item is four
    tasks, the question about one gets its lead."""
    ans = asst.ask(question, plan=BULLETED)
    said = ans.answer.split("): ", 1)[-1].split(".")[0]  # "Cơ quan chủ trì tham mưu nhiệm vụ III.2 (…): <lead>."
    assert not ans.abstained and lead in said, ans.answer


def test_bullets_due_every_year_are_listed_by_themselves(asst: Assistant) -> None:
    ans = asst.ask("Please list every task that is to be carried out every year.", plan=BULLETED)
    assert {c.section for c in ans.citations} == {"III.2", "III.3", "III.4"}
    assert "Ban Quản lý các khu công nghiệp tỉnh" in ans.answer and "Tỉnh đoàn" in ans.answer


def test_the_year_a_targets_table_starts_from_is_answered_as_such(asst: Assistant) -> None:
    """"Năm 2025 (ước thực hiện)" heads a column of what was done: asked for 2025, the plan states it."""
    ans = asst.ask("ty le nguoi trong do tuoi lao dong co ky nang so co ban nam 2025 bn %", plan=BULLETED)
    assert not ans.abstained and "45,8%" in ans.answer and "ước thực hiện" in ans.answer


def test_one_cell_for_both_roles_is_read_by_its_labels(asst: Assistant) -> None:
    ans = asst.ask("nv II.2 ai chu tri, ai phoi hop", plan=MERGED)
    assert "Chi cục Kiểm lâm; Công an tỉnh" in ans.answer and "Bộ Chỉ huy Quân sự tỉnh" in ans.answer
    row = asst.ask("nv I.3 ai ct", plan=MERGED)  # part I has no item 3: the appendix row I.3
    assert "appendix.I.3" in {c.section for c in row.citations} and "Sở Nông nghiệp và Môi trường" in row.answer


def test_a_decisions_signer_stands_above_its_recipients(asst: Assistant) -> None:
    ans = asst.ask("Quyết định ban hành Kế hoạch này do ai ký, với chức danh gì?", plan=MERGED)
    assert "Hoàng Minh Tuấn" in ans.answer and "PHÓ CHỦ TỊCH" in ans.answer


@pytest.mark.parametrize(("question", "body"), [
    ("quy bv rung ct nhung viec gi", "Quỹ Bảo vệ và Phát triển rừng tỉnh"),
    ("Which tasks does the Provincial Forest Protection and Development Fund lead?", "Quỹ Bảo vệ và Phát triển rừng tỉnh"),
    ("Who works with the Sông Lam Protection Forest Management Board on clearing up encroachment on forest land?",
     "Công an tỉnh"),
])
def test_bodies_named_short_or_in_english(asst: Assistant, question: str, body: str) -> None:
    """Staff shorten a body's name ("quỹ bv rừng"); a partner names it in English words the glossary knows."""
    ans = asst.ask(question, plan=MERGED)
    assert not ans.abstained and body in ans.answer


def test_a_row_per_body_assigns_the_tasks_it_numbers(asst: Assistant) -> None:
    ans = asst.ask("nhiệm vụ 7 do cơ quan nào chủ trì?", plan=BY_BODY)
    assert "Sở Nội vụ" in ans.answer.split("): ", 1)[-1].split(".")[0] and "III.7" in {c.section for c in ans.citations}
    joint = asst.ask("nv 11 ai ct", plan=BY_BODY)  # two rows lead it
    assert "Sở Y tế" in joint.answer and "Sở Tài chính" in joint.answer
    listed = asst.ask("Sở Y tế chủ trì những nhiệm vụ nào?", plan=BY_BODY)
    assert {"III.2", "III.3", "III.5", "III.11"} <= {c.section for c in listed.citations}
    none = asst.ask("nhiệm vụ 12 do ai chủ trì", plan=BY_BODY)  # no row leads it
    assert none.abstained and "III.12" in none.answer


def test_a_lead_marked_inside_a_list_of_bodies(asst: Assistant) -> None:
    """"- Thực hiện: Phòng Kinh tế, Hạ tầng và Đô thị, Công an phường (chủ trì), …": the marked body leads, the
    others take part; a name with a comma in it stays one name."""
    ans = asst.ask("nv 3 ai chu tri, ai phoi hop", plan=MARKED)
    lead = ans.answer.split("): ", 1)[-1].split(".")[0]
    assert "Công an phường" in lead and "Phòng Kinh tế" not in lead, ans.answer
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in ans.answer
    joint = asst.ask("nv 4 ai chu tri", plan=MARKED)  # "(đồng chủ trì)" after two bodies
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in joint.answer and "Công ty Cổ phần Môi trường đô thị Cửu Long" in joint.answer


def test_a_task_takes_its_phases_time_frame(asst: Assistant) -> None:
    """Task 7 says no deadline of its own: it runs in its phase, "### Giai đoạn 2 (Quý III - Quý IV/2026)"."""
    ans = asst.ask("nv 7 thuc hien khi nao", plan=MARKED)
    assert "Quý III - Quý IV/2026" in ans.answer


@pytest.mark.parametrize(("plan", "question", "tasks"), [
    (LETTERED, "nhóm B gồm những nhiệm vụ nào", {"III.5", "III.6", "III.7", "III.8", "III.9"}),
    (COMMUNE, "nhom B gom nhung nv nao", {"III.5", "III.6", "III.7", "III.8"}),
    (COMMUNE, "Which tasks fall under the group of solutions on capital, credit and production support?",
     {"III.5", "III.6", "III.7", "III.8"}),
])
def test_a_group_of_tasks_lettered_in_a_table_or_by_headings(asst: Assistant, plan: str, question: str, tasks: set[str]) -> None:
    """Groups lettered A, B, C (table rows or headings), the tasks numbered through them: a group by its letter or
    its title stands for its tasks."""
    ans = asst.ask(question, plan=plan)
    assert {c.section for c in ans.citations} == tasks, ans.answer


def test_an_appendix_of_years_sets_targets_and_its_first_column_is_a_result(asst: Assistant) -> None:
    """"Thực hiện năm 2025" heads a column of results, not a lead's column: the table sets targets for 2026–2028."""
    ans = asst.ask("ty le ho ngheo nam 2028 chi tieu bn", plan=COMMUNE)
    assert "1,6%" in ans.answer and "appendix.7" in {c.section for c in ans.citations}
    done = asst.ask("Năm 2025, dư nợ các chương trình tín dụng chính sách đạt bao nhiêu tỷ đồng?", plan=COMMUNE)
    assert "64,8" in done.answer and not done.abstained


def test_a_communes_bodies_by_their_short_and_english_names(asst: Assistant) -> None:
    """"hội nông dân" is the Hội Nông dân xã; "Commune Youth Union" the Đoàn Thanh niên … xã; a unit's English name
    ("Irrigation Sub-Department") the Chi cục Thủy lợi."""
    ans = asst.ask("hoi nong dan ph nhung nv nao", plan=COMMUNE)
    assert {"III.2", "III.5", "III.7", "III.8"} <= {c.section for c in ans.citations}, ans.answer
    youth = asst.ask("Which tasks does the Commune Youth Union lead?", plan=COMMUNE)
    assert "III.2" in {c.section for c in youth.citations}, youth.answer
    unit = asst.ask("List every task the Irrigation Sub-Department leads.", plan=LETTERED)
    assert {"III.1", "III.4", "III.7", "III.14"} <= {c.section for c in unit.citations}, unit.answer


def test_targets_of_a_part_of_objectives_with_dash_bullets(asst: Assistant) -> None:
    ans = asst.ask("Chỉ tiêu nạo vét, khơi thông kênh tiêu là bao nhiêu km?", plan=LETTERED)
    assert "120 km" in ans.answer, ans.answer


def test_activities_assigned_by_number_and_scheduled_by_month(asst: Assistant) -> None:
    """"Chủ trì Hoạt động 1, Hoạt động 4 và Hoạt động 7" leads those activities; "Đồng chủ trì Hoạt động 8" in two
    blocks makes two leads; the months the schedule marks are an activity's time, as its columns head them."""
    ans = asst.ask("hd 4 ai ct", plan=SCHEDULED)
    assert "Trạm Y tế xã" in ans.answer and "III.4" in {c.section for c in ans.citations}, ans.answer
    joint = asst.ask("hoạt động 8 do đơn vị nào chủ trì", plan=SCHEDULED)
    assert "Trường Mầm non Hòa Mỹ" in joint.answer and "Trường Tiểu học Hòa Mỹ" in joint.answer, joint.answer
    months = asst.ask("Theo lịch triển khai, việc rà soát, tiêm bù, tiêm vét vắc xin cho trẻ em thực hiện vào những tháng nào?",
                      plan=SCHEDULED)
    assert "T7" in months.answer and "T8" in months.answer, months.answer
    july = asst.ask("Trong tháng 7/2026, theo lịch triển khai có những hoạt động nào đang thực hiện?", plan=SCHEDULED)
    # each activity running in July, with the schedule's row that says so (activity 10, whose partners the duties
    # name and no body leads, runs in July too)
    cited = {c.section for c in july.citations}
    assert {"III.1", "III.4", "III.5", "III.6", "III.7", "III.10"} == {x for x in cited if x.startswith("III.")}, july.answer
    assert {"appendix.1", "appendix.4", "appendix.7"} <= cited, july.answer
    rate = asst.ask("Chỉ tiêu về tỷ lệ mắc sốt xuất huyết năm 2026 của xã là bao nhiêu?", plan=SCHEDULED)
    assert "80 ca/100.000" in rate.answer, rate.answer  # a rate per so many is a share


def test_a_tasks_cost_from_the_cost_column_of_its_table(asst: Assistant) -> None:
    """The column "Kinh phí dự kiến (triệu đồng)" gives each row its cost, in figures with the column's unit or in
    words; asked alone, by a task's number or its topic, or beside its roles."""
    ans = asst.ask("nv 3.1 kinh phi bn", plan=COSTED)
    assert ans.rule == "section_cost" and "150 triệu đồng" in ans.answer, ans.answer
    ans = asst.ask("Kinh phí dự kiến cho việc xây dựng kho học liệu số STEM dùng chung toàn tỉnh là bao nhiêu?", plan=COSTED)
    assert "760 triệu đồng" in ans.answer and not ans.abstained, ans.answer
    ans = asst.ask("nhiệm vụ 1.3 giao cơ quan nào chủ trì, thời gian thực hiện và kinh phí ra sao?", plan=COSTED)
    assert all(x in ans.answer for x in ("Sở Nội vụ", "Quý II/2026", "Không phát sinh kinh phí")), ans.answer


def test_numbered_lists_under_numbered_headings_are_the_headings_tasks(asst: Assistant) -> None:
    """"### 3. Ứng dụng …" then "1. …", "2. …": tasks III.3.1, III.3.2 …, each led as its bracket says, a body's
    own bracket inside it kept in the bracket; "nhóm 3" is the heading's tasks."""
    ans = asst.ask("nv 3.1 ai ct", plan=LISTED)
    assert "Sở Y tế" in ans.answer and "Bảo hiểm xã hội tỉnh" in ans.answer and ans.citations[0].section == "III.3.1", ans.answer
    ans = asst.ask("Which body leads the integration of VNeID login into the provincial administrative-procedure system?",
                   plan=LISTED)
    assert "Văn phòng UBND tỉnh" in ans.answer and ans.citations[0].section == "III.2.1", ans.answer
    ans = asst.ask("nhom 3 noi ve gi, gom may nv", plan=LISTED)
    assert {c.section for c in ans.citations} == {"III.3.1", "III.3.2", "III.3.3", "III.3.4"}, ans.answer
    assert "phát triển kinh tế - xã hội" in ans.answer
    # due in a quarter: every deadline that falls in it, a date as much as the quarter itself
    ans = asst.ask("Which Part III tasks fall due in the fourth quarter of 2026 (October to December)?", plan=LISTED)
    assert {c.section for c in ans.citations} == {"III.1.2", "III.3.4", "III.4.1", "III.4.2", "III.4.3"}, ans.answer


def test_a_body_asked_with_no_role_is_listed_in_each_and_a_task_is_no_duty(asst: Assistant) -> None:
    ans = asst.ask("hoi phu nu ph nv nao", plan=BLOCKS)
    assert {c.section for c in ans.citations} == {"III.3", "III.6", "III.7"}, ans.answer
    ans = asst.ask("Who leads the plastic-free schools task: the schools themselves or a ward division?", plan=BLOCKS)
    assert "Phòng Văn hóa - Xã hội" in ans.answer and ans.citations[0].section == "III.9", ans.answer


def test_a_deadline_said_in_the_tasks_own_text(asst: Assistant) -> None:
    ans = asst.ask("nv 7 hoan thanh khi nao", plan=BY_BODY)
    assert "quý II/2027" in ans.answer, ans.answer


def test_an_activity_the_duties_only_give_partners_has_them_and_no_lead(asst: Assistant) -> None:
    """Activity 10 is cited only by "Phối hợp thực hiện Hoạt động … 10": asked who leads and who takes part, the
    plan gives no lead and those partners."""
    ans = asst.ask("Việc thu gom lốp xe cũ, vỏ chai lọ và các vật dụng có thể đọng nước được giao cho cơ quan nào chủ trì, "
                   "và những đơn vị nào tham gia?", plan=SCHEDULED)
    assert not ans.abstained and "không giao cơ quan nào chủ trì" in ans.answer and "Trường THCS Hòa Mỹ" in ans.answer, ans.answer


def test_a_time_said_in_a_schedule_is_cited_from_its_row(asst: Assistant) -> None:
    ans = asst.ask("In which months of 2026 is outbreak response and insecticide spraying scheduled?", plan=SCHEDULED)
    assert "T6" in ans.answer and "T10" in ans.answer and {"III.4", "appendix.4"} <= {c.section for c in ans.citations}, ans.answer
    ans = asst.ask("đơn vị nào chủ trì xử lý ổ dịch, và ổ dịch phải được xử lý trong thời hạn bao lâu kể từ khi phát hiện ca "
                   "bệnh đầu tiên?", plan=SCHEDULED)
    assert "Trạm Y tế xã" in ans.answer and "48 giờ" in ans.answer, ans.answer


def test_the_body_an_indicator_table_makes_responsible(asst: Assistant) -> None:
    ans = asst.ask("chỉ tiêu số thanh niên được hỗ trợ khởi nghiệp năm 2027 là bao nhiêu và cơ quan nào theo dõi chỉ tiêu đó?",
                   plan=COMMUNE)
    assert "45" in ans.answer and "Đoàn Thanh niên xã" in ans.answer and ans.route == "target", ans.answer


def test_tasks_coded_nv_01_are_assigned_and_dated_by_a_table_of_bodies(asst: Assistant) -> None:
    ans = asst.ask("nv-03 ai ct", plan=CODED)
    assert "Hội Nông dân tỉnh" in ans.answer and ans.citations[0].section == "III.3", ans.answer
    ans = asst.ask("Who leads task NV-07?", plan=CODED)
    assert "Sở Nông nghiệp và Môi trường" in ans.answer and "Sở Công Thương" in ans.answer, ans.answer
    ans = asst.ask("nv 9 han khi nao", plan=CODED)
    assert "30/6/2027" in ans.answer, ans.answer


def test_an_events_venues_hours_and_schedule_rows(asst: Assistant) -> None:
    """"ở đâu", "mấy giờ" ask a venue and an hour the plan sets, not an office's address; a schedule table with no
    number column has its rows counted; a count asked by its noun ("bao nhiêu đoàn") is stated."""
    ans = asst.ask("khai mac may h o dau", plan=EVENT)
    assert "20h00" in ans.answer and "Quảng trường Trung tâm tỉnh" in ans.answer, ans.answer
    ans = asst.ask("Trong ngày Chủ nhật 13/9/2026 có những hoạt động nào, diễn ra ở đâu và vào giờ nào?", plan=EVENT)
    assert {"III.2.8", "III.2.9", "III.2.10"} <= {c.section for c in ans.citations}, ans.answer
    ans = asst.ask("Ngày hội lần này có bao nhiêu đoàn tham gia và tổng số khoảng bao nhiêu vận động viên, diễn viên, "
                   "nghệ nhân?", plan=EVENT)
    assert "36 đoàn" in ans.answer and not ans.abstained, ans.answer
    ans = asst.ask("How many exhibition booths will there be at the culture exhibition?", plan=EVENT)
    assert "72 gian hàng" in ans.answer and not ans.abstained, ans.answer
    # what is on at a venue: the schedule rows whose "Địa điểm" cell names it
    ans = asst.ask("o tt van hoa the thao phuong tan ha thi nhung mon gi, ngay may", plan=EVENT)
    assert ans.rule == "tasks_at_place" and {c.section for c in ans.citations} == {"III.2.4", "III.2.6", "III.2.8"}, ans.answer



def test_a_cell_of_bodies_marks_its_lead_and_columns_of_years_its_time(asst: Assistant) -> None:
    """The body marked "(chủ trì)" leads, the others of the cell take part; the years a row marks are its time, one by
    one ("Năm 2026, năm 2028" runs in no 2027)."""
    ans = asst.ask("For the enforcement task against selling and advertising e-cigarettes around schools, which agencies "
                   "support the lead agency?", plan=YEARS)
    assert "Sở Công Thương" in ans.answer and ans.citations[0].section == "III.10", ans.answer
    assert "Công an tỉnh (Provincial Police) leads" in ans.answer, ans.answer
    ans = asst.ask("nv 12 lam nam nao", plan=YEARS)
    assert "Năm 2026, năm 2028" in ans.answer, ans.answer
    ans = asst.ask("những nhiệm vụ nào được đánh dấu thực hiện trong năm 2027?", plan=YEARS)
    cited = {c.section for c in ans.citations}
    assert ans.rule == "tasks_due" and "III.4" in cited and "III.12" not in cited and "III.1" not in cited, ans.answer


def test_each_year_of_one_bullet_gets_its_own_figure(asst: Assistant) -> None:
    """"(kết quả khảo sát năm 2025 là 7,4%): năm 2026: giảm xuống dưới 6%; năm 2028: giảm xuống dưới 3%": 2026 is 6%
    (the survey's figure is none), 2028 is 3%."""
    ans = asst.ask("Đến năm 2028, tỷ lệ học sinh đang sử dụng thuốc lá điện tử giảm xuống mức nào?", plan=YEARS)
    assert "3%" in ans.answer and not ans.abstained, ans.answer
    figures = {(r["year"], r["value"]) for r in asst.targets_table() if r["doc"] == YEARS}
    assert {(2026, "6%"), (2028, "3%")} <= figures and (2026, "7,4%") not in figures, figures


def test_a_task_coded_by_the_plan_is_shown_with_its_code(asst: Assistant) -> None:
    ans = asst.ask("ubnd xa phuong chu tri nv nao? phoi hop nhung nv nao", plan=CODED)
    assert "không nêu Ủy ban nhân dân các xã, phường chủ trì" in ans.answer and "NV-02." in ans.answer, ans.answer


def test_rows_a_merged_task_spans_are_its_activities(asst: Assistant) -> None:
    """One task over three rows: asked of the task, every activity's deadline; asked of one activity, its own lead."""
    ans = asst.ask("Nhiệm vụ rà soát, sắp xếp mạng lưới trường, lớp mầm non phải hoàn thành khi nào?", plan=SPANNED)
    assert all(x in ans.answer for x in ("30/9/2026", "Quý II/2027", "2028")), ans.answer
    ans = asst.ask("cơ quan nào chủ trì việc ban hành thiết kế mẫu phòng học, bếp ăn một chiều?", plan=SPANNED)
    assert "Sở Xây dựng" in ans.answer and "Sở Tài chính" not in ans.answer.split(".")[0], ans.answer
    ans = asst.ask("so tc ph nhung nv nao", plan=SPANNED)
    assert {c.section for c in ans.citations} == {"III.1", "III.3", "III.7"}, ans.answer


def test_a_departments_divisions_and_roles_inside_sentences(asst: Assistant) -> None:
    """"Phòng … thực hiện" leads; a facility named "Cơ sở …" leads; "3.2b" names III.2.b; the 2025 results are none
    of the 2026 targets."""
    ans = asst.ask("muc 3.1b ai lam", plan=DIVISIONS)
    assert "Phòng Công tác thanh niên và Bình đẳng giới" in ans.answer and not ans.abstained, ans.answer
    ans = asst.ask("muc 3.2b ai lam", plan=DIVISIONS)
    assert "Trung tâm Dịch vụ việc làm tỉnh" in ans.answer, ans.answer
    ans = asst.ask("Ai chủ trì tiếp nhận, chăm sóc nạn nhân bị mua bán trở về, và phối hợp với cơ quan nào?", plan=DIVISIONS)
    assert "Cơ sở Bảo trợ xã hội tổng hợp tỉnh" in ans.answer and "Sở Y tế" in ans.answer, ans.answer
    years = {r["year"] for r in asst.targets_table() if r["doc"] == DIVISIONS}
    assert years == {2026}, years


def test_two_asks_of_one_topic_each_answered(asst: Assistant) -> None:
    """A figure asked beside a task's roles is asked of the task's topic; the day an objective sets answers a day its
    task leaves unsaid; a baseline of "mùa mưa năm 2025" is no year asked; a figure per year for each year asked."""
    ans = asst.ask("Which unit is in charge of giving newborns the hepatitis B birth dose within 24 hours of birth, and "
                   "what is the 2026 coverage target for that dose?", plan=DEPARTMENT)
    assert "Bệnh viện Sản - Nhi tỉnh" in ans.answer and "≥ 85%" in ans.answer, ans.answer
    ans = asst.ask("nhiệm vụ xử lý điểm đen, điểm tiềm ẩn tai nạn giao thông (điểm a khoản 4 Mục III) do cơ quan nào chủ "
                   "trì và phải hoàn thành trước ngày nào; chỉ tiêu năm 2026 là xử lý bao nhiêu điểm?", plan=CITED)
    assert all(x in ans.answer for x in ("Sở Xây dựng", "31/10/2026", "12 điểm")), ans.answer
    ans = asst.ask("Các trạm bơm tiêu, cống tiêu do Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh quản lý phải được "
                   "kiểm tra, bảo dưỡng, sẵn sàng vận hành trước ngày nào, và chỉ tiêu giảm số điểm ngập úng so với mùa "
                   "mưa năm 2025 là bao nhiêu?", plan=LETTERED)
    assert "30/4/2026" in ans.answer and "30%" in ans.answer, ans.answer
    ans = asst.ask("How many STEM lessons must the provincial shared digital repository hold by the end of 2027 and by "
                   "the end of 2028?", plan=COSTED)
    assert "500 bài học STEM" in ans.answer and "800 bài học STEM" in ans.answer, ans.answer


def test_an_opening_naming_the_plan_leaves_the_task_to_its_words(asst: Assistant) -> None:
    ans = asst.ask("Phuoc Son commune's 2026 digital-transformation plan: who leads the Level-2 electronic ID accounts "
                   "task and what is its deadline?", plan=MATRIX)
    assert "Công an xã" in ans.answer and "30/6/2026" in ans.answer, ans.answer


def test_the_body_following_up_an_indicator_is_said_when_asked(asst: Assistant) -> None:
    ans = asst.ask("so can noxh hoan thanh nam 2027 la bao nhieu, cq nao theo doi chi tieu nay", plan=SAVED)
    assert "1.650" in ans.answer and "Sở Xây dựng" in ans.answer, ans.answer


def test_points_under_a_bodys_heading_are_its_tasks(asst: Assistant) -> None:
    """The heading body leads its points, with the body "chủ trì cùng" names; a point that opens with its supporting
    another is led by that one; lists of a body's tasks reach across the headings; "iii.4.b" names a point."""
    ans = asst.ask("Việc kiểm tra, xử lý hành vi kinh doanh hàng giả trên môi trường mạng do cơ quan nào chủ trì?",
                   plan=BY_HEADING)
    assert ans.answer.rstrip(". ").endswith("Sở Công Thương") and "III.1.e" in {c.section for c in ans.citations}, ans.answer
    ans = asst.ask("so tc chu tri nhung viec gi, ke ca viec chu tri chung", plan=BY_HEADING)
    assert {"III.2.a", "III.3.a", "III.3.b", "III.3.c"} <= {c.section for c in ans.citations}, ans.answer
    ans = asst.ask("iii.6.c ai chu tri", plan=BY_HEADING)
    assert "Công an tỉnh" in ans.answer and not ans.abstained, ans.answer


def test_a_portals_list_items_are_tasks_each_with_its_bracket(asst: Assistant) -> None:
    """Items of a web page's list are bullets; each bracket gives its own roles ("Giao: Công an xã; thường xuyên"), and
    the item that names no body is not answered by another's; a table of the year's plan in the objectives sets it."""
    ans = asst.ask("Ai chịu trách nhiệm kiểm tra, xử lý hành vi phá hoại, trộm cắp đường ống cấp nước?", plan=PORTAL)
    assert "Công an xã" in ans.answer, ans.answer
    ans = asst.ask("nội dung khuyến khích các hộ gia đình tự đầu tư bể chứa nước mưa do cơ quan nào chủ trì?", plan=PORTAL)
    assert "Phòng Văn hóa - Xã hội" not in ans.answer and "tự đầu tư bể chứa nước mưa" in ans.answer, ans.answer
    ans = asst.ask("Chỉ tiêu năm 2026 về tỷ lệ hộ dân sử dụng nước sạch đáp ứng QCVN 01-1:2018/BYT là bao nhiêu?", plan=PORTAL)
    assert "42,5%" in ans.answer, ans.answer
    ans = asst.ask("Which bodies support the Economic Division in training the water-scheme operators?", plan=PORTAL)
    assert "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh" in ans.answer, ans.answer


def test_a_quarter_without_its_year_and_a_set_day_as_a_kind_of_deadline(asst: Assistant) -> None:
    """"quy 3" names no year: it is the first year the plan's tasks fall due in, said in the answer; "a set day"
    asks the tasks whose timeline gives a day, each bullet counted as the task it is."""
    ans = asst.ask("quy 3 phai xong nhung viec gi", plan=PORTAL)
    assert ans.rule == "tasks_in_time" and "30/9/2026" in ans.answer and "Quý III/2026" in ans.answer, ans.answer
    ans = asst.ask("nhung nhiem vu nao co han hoan thanh la mot ngay cu the", plan=PORTAL)
    assert ans.rule == "tasks_of_timeline" and "28/02/2026" in ans.answer and "Có 6 nhiệm vụ" in ans.answer, ans.answer


def test_a_place_the_plan_never_names_is_not_answered_by_another(asst: Assistant) -> None:
    """"bản Huổi Só" is written with capitals and marks, and the plan names no such place: the answer says so rather
    than quoting the villages it does name; "bản Pá Hốc", which it names, is answered."""
    ans = asst.ask("Kế hoạch có hỗ trợ bể chứa nước cho bản Huổi Só không?", plan=PORTAL)
    assert ans.abstained and ans.rule == "unmentioned" and "Huổi Só" in ans.answer, ans.answer
    ans = asst.ask("Bản Pá Hốc có được sửa chữa công trình cấp nước không?", plan=PORTAL)
    assert not ans.abstained and "Pá Hốc" in ans.answer, ans.answer


def test_an_english_figure_the_glossary_does_not_carry_is_matched_by_meaning(asst: Assistant) -> None:
    """"water samples tested" shares no glossary word with "Số mẫu nước được xét nghiệm": the embedder's reading
    finds the one indicator it clearly means; a figure no indicator is near is still declined."""
    ans = asst.ask("How many water samples should be tested in 2026?", plan=PORTAL)
    assert ans.route == "target" and "48" in ans.answer, ans.answer
    ans = asst.ask("What is the 2026 target for the number of wells drilled?", plan=PORTAL)
    assert ans.abstained, ans.answer


def test_a_years_target_asked_as_such_is_the_indicators_though_a_task_comes_first(asst: Assistant) -> None:
    ans = asst.ask("What is the 2028 target for outstanding loans under the social-policy credit programmes?", plan=COMMUNE)
    assert ans.route == "target" and "76" in ans.answer and "appendix.4" in {c.section for c in ans.citations}, ans.answer


@pytest.mark.xfail(strict=True, reason="regression of the glossary's general vocabulary (c1eb606): 'samples' is now "
                   "'mẫu, lấy mẫu', so retrieval puts the water-monitoring task (III.3, 'lấy mẫu nước') above the "
                   "targets and the question is declined as a target the plan does not set; the clause's cosine (0.815) "
                   "is below the fitted 0.82 for the embedder's reading")
def test_a_target_asked_in_general_words_the_targets_hold(asst: Assistant) -> None:
    """"monitored water samples" is the clause "Số mẫu nước được xét nghiệm, giám sát chất lượng" (48 in 2026)."""
    ans = asst.ask("What 2026 target is set for monitored water samples?", plan=PORTAL)
    assert not ans.abstained and "48" in ans.answer, ans.answer


def test_quarter_columns_without_a_year_and_the_note_that_the_first_body_leads(asst: Assistant) -> None:
    """"Quý I | Quý II | Quý III | Quý IV" marked "x" give a row its quarters; the note under the table makes the first
    body of the cell the lead and the others partners; "quý 4" lists the rows marked for it."""
    ans = asst.ask("việc khám sức khỏe định kỳ cho người cao tuổi được làm vào những quý nào?", plan=QUARTERS)
    assert "Quý II, Quý III" in ans.answer, ans.answer
    ans = asst.ask("phòng kế hoạch - tài chính chủ trì những việc gì", plan=QUARTERS)
    assert {c.section for c in ans.citations} == {"III.2", "III.10"}, ans.answer
    ans = asst.ask("Which tasks are marked for the fourth quarter?", plan=QUARTERS)
    assert {"III.2", "III.4", "III.15"} <= {c.section for c in ans.citations}, ans.answer


def test_a_comma_inside_a_wards_office_and_a_table_of_duties_per_body(asst: Assistant) -> None:
    """"Phòng Kinh tế, Hạ tầng và Đô thị" is one body; part V's "Đơn vị | Trách nhiệm | Thời hạn báo cáo" rows are each
    body's duties, no tasks led by their words; an item that names no body but gives its time is a task of nobody's."""
    ans = asst.ask("Phòng Kinh tế, Hạ tầng và Đô thị chủ trì những nhiệm vụ nào?", plan=PARAGRAPHS)
    assert {c.section for c in ans.citations} == {"III.6", "III.7"}, ans.answer
    tasks = {t.id for p in asst.plans if p.source == PARAGRAPHS for t in p.tasks}
    assert not any(t.startswith("V.") for t in tasks) and "III.2" in tasks, tasks
    ans = asst.ask("viec tuyen truyen nhan dien lua dao truc tuyen tren nhom zalo khu pho do ai chu tri", plan=PARAGRAPHS)
    assert ans.abstained and "III.2" in ans.answer, ans.answer
    # two sentences of item 3, each with its own lead and time, are two tasks of the item
    ans = asst.ask("việc cấp tài khoản định danh điện tử lưu động tại nhà cho người cao tuổi do ai chủ trì", plan=PARAGRAPHS)
    assert ans.answer.rstrip(". ").endswith("Công an phường"), ans.answer
    ans = asst.ask("đoàn thanh niên phường chủ trì những việc gì", plan=PARAGRAPHS)
    assert {c.section for c in ans.citations} == {"III.3"} and "Tháng thanh niên" in ans.answer, ans.answer
    assert "Công an phường tiếp tục" not in ans.answer, ans.answer
    # "chậm nhất trong tháng 4" asks every deadline up to April (a quarter's ends in its last month), not April's only
    ans = asst.ask("nhung viec nao phai xong cham nhat trong thang 4/2026", plan=PARAGRAPHS)
    assert {c.section for c in ans.citations} == {"III.1", "III.3", "III.4"}, ans.answer


def test_a_list_of_a_bodys_tasks_says_each_deadline(asst: Assistant) -> None:
    """What a body must finish by when is what a list of its tasks is read for: a task with a deadline says it,
    asked or not; asked in English with a plural ("with deadlines"), so does every task."""
    ans = asst.ask("phong kt ht dt chu tri nhung viec gi", plan=PARAGRAPHS)
    assert "31/10/2026" in ans.answer and "tháng 5/2026" in ans.answer, ans.answer
    ans = asst.ask("List every task the Culture and Social Affairs Division leads, with deadlines.", plan=PARAGRAPHS)
    assert "30/9/2026" in ans.answer and "31/10/2026" in ans.answer, ans.answer


def test_deadlines_up_to_a_date_and_a_groups_tasks_by_their_lead(asst: Assistant) -> None:
    """"phải hoàn thành trước ngày 31/7/2026" lists every deadline up to it; the tasks of a group whose heading names
    its lead are that lead's, one by one."""
    ans = asst.ask("những nhiệm vụ nào phải hoàn thành trước ngày 31/7/2026?", plan=ASSIGNED)
    assert {c.section for c in ans.citations} == {"4.1", "4.2", "4.8", "4.9"}, ans.answer
    ans = asst.ask("Sở Y tế chủ trì những nhiệm vụ nào?", plan=GROUPS)
    assert {c.section for c in ans.citations} >= {"III.4.a", "III.4.b", "III.4.d"}, ans.answer
    assert "III.4.c" not in {c.section for c in ans.citations}, ans.answer  # Công an tỉnh leads it


def test_a_task_by_its_number_is_the_row_a_body_leads(asst: Assistant) -> None:
    """"nv 7" of a plan whose tasks are its appendix's rows is row 7, not the duty numbered 7 of part IV; "mục 7" is
    the item. A sum asked of a task the plan gives no cost is declined, not answered with the task."""
    ans = asst.ask("nv 7 ai chu tri", plan=ROWS)
    assert {c.section for c in ans.citations} == {"appendix.7"}, ans.answer
    ans = asst.ask("muc 7 noi gi", plan=ROWS)
    assert {c.section for c in ans.citations} == {"IV.7"}, ans.answer
    ans = asst.ask("kinh phi nv 7 bn ty", plan=ROWS)
    assert ans.abstained, ans.answer


def test_a_sum_is_the_one_its_clause_says(asst: Assistant) -> None:
    """A total asked is a budget's total, not an export turnover in another clause ("342 triệu USD"); a sum asked for
    one event is not the plan's total; the total itself is answered; a daily allowance the plan never states is none."""
    ans = asst.ask("What is the total budget, in VND, allocated to this plan for 2026-2027?", plan=ASSIGNED)
    assert ans.abstained, ans.answer
    ans = asst.ask("Kế hoạch bố trí riêng bao nhiêu kinh phí cho việc tổ chức Tuần lễ thương mại điện tử tỉnh Bình Sơn "
                   "năm 2026?", plan=BY_HEADING)
    assert ans.abstained, ans.answer
    ans = asst.ask("tong kinh phi bao nhieu", plan=BY_HEADING)
    assert "4.850.000.000 đồng" in ans.answer, ans.answer
    ans = asst.ask("What daily allowance is paid to each youth volunteer in the shock teams during the campaigns?",
                   plan=SCHEDULED)
    assert ans.abstained, ans.answer


@pytest.mark.parametrize(("question", "row"), [
    ("Trong Phụ lục, nhiệm vụ số 2 thuộc nhóm do Bảo hiểm xã hội tỉnh chủ trì có những cơ quan nào phối hợp?", "appendix.II.2"),
    ("nv 2 nhom ldld tinh ct thi phoi hop voi nhung cq nao", "appendix.IV.2"),
    ("What is the time frame of task 2 in the Department of Health group?", "appendix.III.2"),
])
def test_a_row_numbered_afresh_is_the_one_of_the_group_its_lead_names(asst: Assistant, question: str, row: str) -> None:
    """"Task 2" exists in every group of a table numbered afresh in each; the body the question names leads one group
    throughout, and its row 2 is meant."""
    ans = asst.ask(question, plan=LED_GROUPS)
    assert [c.section for c in ans.citations] == [row], ans.answer


@pytest.mark.parametrize(("question", "row"), [
    ("nhom ung pho nv 3 ai chu tri", "appendix.II.3"),
    ("Nhiệm vụ 3 của nhóm Khắc phục hậu quả do cơ quan nào chủ trì?", "appendix.III.3"),
    ("In the appendix, who leads task 3 of the 'Ứng phó' group?", "appendix.II.3"),
])
def test_a_row_numbered_afresh_is_the_one_of_the_group_its_title_names(asst: Assistant, question: str, row: str) -> None:
    """A group named by its title ("nhóm ứng phó") picks which group's row 3 is meant, as a group named by its lead does."""
    ans = asst.ask(question, plan=DECISION)
    assert [c.section for c in ans.citations] == [row], ans.answer


def test_names_the_plan_never_writes_are_said_to_be_absent(asst: Assistant) -> None:
    """A school typed without marks after its kind, a village, an NGO offered as an example: the plan never names
    them, and says so; a lead given by number in part IV is the task's ("chủ trì, phối hợp với …")."""
    ans = asst.ask("truong thpt chuyen nguyen du co trong ds thi diem clb cong dan so ko", plan=BY_NUMBER)
    assert ans.abstained and ans.rule == "unmentioned" and "nguyen du" in ans.answer, ans.answer
    ans = asst.ask("ban pa cong nha em co trong kh ko, co dc ho tro be nuoc ko", plan=PORTAL)
    assert ans.abstained and ans.rule == "unmentioned", ans.answer
    ans = asst.ask("Which NGO does the plan name for the online-safety contest, for example UNICEF or Save the Children?",
                   plan=BY_NUMBER)
    assert ans.abstained and ans.rule == "unmentioned" and "UNICEF" in ans.answer, ans.answer
    ans = asst.ask("Việc đánh giá an toàn thông tin của cơ sở dữ liệu ngành giáo dục do cơ quan nào chủ trì?", plan=BY_NUMBER)
    assert "Sở Khoa học và Công nghệ" in ans.answer and not ans.abstained, ans.answer


def test_a_communes_figure_and_a_row_of_a_table_drawn_with_spaces(asst: Assistant) -> None:
    """A commune's figure comes from its row of the communes' table, asked by its name; the province's from the plan's
    own targets. A task of a table drawn with spaces is answered from its row, its cells joined over their lines."""
    ans = asst.ask("xa tan loc giam bao nhieu ho ngheo", plan=PLACES)
    assert [c.section for c in ans.citations] == ["appendix.4"] and "110" in ans.answer, ans.answer
    ans = asst.ask("Tỷ lệ hộ nghèo toàn tỉnh cuối năm 2026 là bao nhiêu?", plan=PLACES)
    assert [c.section for c in ans.citations] == ["II.2"] and "3,85%" in ans.answer, ans.answer
    # the communes whose figure in the column the question names passes its bound, each cited by its row
    ans = asst.ask("Những xã, phường nào được giao tỷ lệ hộ nghèo cuối năm 2026 trên 6%?", plan=PLACES)
    assert ans.rule == "places_by_figure" and [c.section for c in ans.citations] == ["appendix.3", "appendix.7", "appendix.9"]
    ans = asst.ask("Which communes or wards have a target of reducing the number of poor households by more than 100 in 2026?",
                   plan=PLACES)
    assert [c.section for c in ans.citations] == ["appendix.3", "appendix.4", "appendix.7", "appendix.9"], ans.answer
    ans = asst.ask("dot cao diem chong buon lau dip tet ai chu tri", plan=LAYOUT)
    assert "Công an phường" in ans.answer and "Đội Quản lý thị trường số 3" in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "rows"), [
    ("Liệt kê các nhiệm vụ trong nhóm thực thi pháp luật và đơn vị chủ trì từng nhiệm vụ", ["IV.6", "IV.7", "IV.8", "IV.9", "IV.10"]),
    ("List all tasks in the law-enforcement group and the lead unit for each of them.", ["IV.6", "IV.7", "IV.8", "IV.9", "IV.10"]),
    ("Which tasks belong to the smoking cessation support group?", ["IV.11", "IV.12", "IV.13"]),
])
def test_a_group_of_tasks_named_by_its_title(asst: Assistant, question: str, rows: list[str]) -> None:
    """A group row's title ("B | THỰC THI PHÁP LUẬT") names its tasks, in Vietnamese or, through the glossary, English."""
    ans = asst.ask(question, plan=BY_UNIT)
    assert [c.section for c in ans.citations] == rows, ans.answer


def test_legal_bases_a_part_lists_and_a_second_years_figure_in_a_clause_of_its_own(asst: Assistant) -> None:
    ans = asst.ask("What legal bases does the plan cite (number, date and issuing body)?", plan=BY_UNIT)
    assert "09/2012/QH13" in ans.answer and "của Quốc hội" in ans.answer and "I" in {c.section for c in ans.citations}
    ans = asst.ask("Đến năm 2028, tỉnh đặt mục tiêu có bao nhiêu hợp tác xã tham gia sản xuất hữu cơ theo chuỗi giá trị?",
                   plan=IN_WORDS)
    assert not ans.abstained and "25 hợp tác xã" in ans.answer, ans.answer


def test_every_task_a_body_leads_including_those_it_leads_jointly(asst: Assistant) -> None:
    ans = asst.ask("Please list every task the Department of Industry and Trade leads, including any joint lead.", plan=IN_WORDS)
    assert [c.section for c in ans.citations] == ["III.5", "III.6"], ans.answer


def test_a_price_asked_through_a_compound_the_plan_never_states(asst: Assistant) -> None:
    """A price asked through a compound ("farm-gate price") of a plan that states only its budget is declined."""
    ans = asst.ask("What farm-gate price premium per kilogram does the plan set for certified organic tea?", plan=IN_WORDS)
    assert ans.abstained and ans.rule == "sums", ans.answer


def test_a_place_the_plan_writes_typed_in_english_ties_the_question_to_it(asst: Assistant) -> None:
    ans = asst.ask("Who leads building the sea embankment through Hoai Chau ward and An Hai commune?", plan=ROWS)
    assert not ans.abstained and "Chi cục Biển và Hải đảo" in ans.answer, ans.answer


def test_plans_listed_by_the_level_that_issues_them_and_by_a_topic(asst: Assistant) -> None:
    """"by a ward or commune rather than by a province or a department": the levels asked, not those set aside; a
    topic in English whose words no title holds in that order is the titles holding its most specific term."""
    from assistant.shelf import _levels

    ans = asst.ask("Which plans in the library were issued by a ward or commune People's Committee rather than by a "
                   "province or a department?")
    levels = set().union(*(_levels(p) for p in asst.plans if p.source.rsplit(".", 1)[0] in {x["id"] for x in ans.plans}))
    assert ans.route == "plans" and levels == {"xa"} and "kh-phuong-my-thanh-an-toan-thuc-pham" in stems_of(ans)
    ans = asst.ask("kh nao do so (so y te, so nnmt...) ban hanh chu ko phai ubnd, liet ke het")
    assert ans.route == "plans" and all("so" in _levels(p) for p in asst.plans
                                        if p.source.rsplit(".", 1)[0] in {x["id"] for x in ans.plans}), ans.answer
    assert JOINT.rsplit(".", 1)[0] in stems_of(ans), ans.answer  # a department's joint plan is a department's too
    # Lâm Sơn's plan of social assistance to older people, persons with disabilities and children names them in its title
    ans = asst.ask("Which plans in the library are specifically about the health and care of older people?")
    assert ans.route == "plans" and set(stems_of(ans)) == {"kh-so-yt-dong-lam-suc-khoe-nguoi-cao-tuoi",
                                                            "kh-thai-ninh-nguoi-cao-tuoi",
                                                            "kh-so-nv-lam-son-tro-giup-xa-hoi",
                                                            "kh-phuong-dong-ha-cham-soc-nguoi-cao-tuoi"}, ans.answer


def test_plans_listed_by_their_kind_and_by_two_tests_at_once(asst: Assistant) -> None:
    """Kinds named are asked for, kinds set aside ("neither … nor a decision") are not; a level and the capacity the
    signer signs in are both tests, not the first one only."""
    from assistant.shelf import _levels, _signed_as

    ans = asst.ask("Which documents are neither an ordinary plan nor a decision issuing a plan, i.e. a joint plan "
                   "signed by two organisations or an action programme?")
    assert set(stems_of(ans)) == {JOINT.rsplit(".", 1)[0], PROGRAMME.rsplit(".", 1)[0]}, ans.answer
    ans = asst.ask("những văn bản nào không phải quyết định")
    assert stems_of(ans) and DECISION.rsplit(".", 1)[0] not in stems_of(ans), ans.answer
    ans = asst.ask("Trong số các kế hoạch do UBND cấp xã ban hành, kế hoạch nào do Chủ tịch trực tiếp ký, không phải "
                   "Phó Chủ tịch ký thay?")
    found = [p for p in asst.plans if p.source.rsplit(".", 1)[0] in stems_of(ans)]
    assert found and all("xa" in _levels(p) and _signed_as(p)[0] == "chair" for p in found), ans.answer
    # a decision named by its number names one document, not the kind asked
    ans = asst.ask("những kế hoạch nào thực hiện Quyết định số 1421/QĐ-TTg")
    assert not ans.answer.startswith(("Các kế hoạch là", "Không kế hoạch nào đã nạp là")), ans.answer


def stems_of(ans: Answer) -> list[str]:
    return [p["id"] for p in ans.plans]


def test_an_action_programme_is_read_as_one_and_its_groups_by_their_figures(asst: Assistant) -> None:
    """An action programme is a plan of the genre under its own name; "nhóm 4 phụ lục" is the appendix's group IV."""
    p = next(x for x in asst.plans if x.source == PROGRAMME)
    assert p.doc_type == "Chương trình hành động" and p.title.startswith("Thực hiện Nghị quyết số 09-NQ/TU")
    ans = asst.ask("liet ke het cac nv nhom 4 phu luc ctr", plan=PROGRAMME)
    assert [c.section for c in ans.citations] == [f"appendix.IV.{n}" for n in range(1, 5)], ans.answer
    ans = asst.ask("What is the number and date of the action programme?", plan=PROGRAMME)
    assert "Action programme number 47/CTr-UBND" in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "rows"), [
    ("Trong bảng phân công, những việc nào được thực hiện hằng tháng? Đơn vị nào chủ trì từng việc?", ["III.6", "III.10"]),
    ("nhung viec nao tg thuc hien la thang 4/2026", ["III.1", "III.3"]),
    ("Which tasks are scheduled for Quarter II/2026?", ["III.1", "III.3", "III.5", "III.12"]),
])
def test_tasks_listed_by_a_monthly_timeline_a_month_or_a_quarter(asst: Assistant, question: str, rows: list[str]) -> None:
    """A monthly timeline is a kind of its own; a month asked holds no task of its quarter ("Quý II/2026" is not due in
    April), a quarter asked holds its months' tasks."""
    ans = asst.ask(question, plan=PORTAL_ROWSPAN)
    assert [c.section for c in ans.citations] == rows, ans.answer


def test_a_lead_cell_spanning_rows_and_this_years_target(asst: Assistant) -> None:
    ans = asst.ask("tau ca dua rac ve bo khi cap cang ai chu tri", plan=PORTAL_ROWSPAN)
    assert "Ban Quản lý cảng cá Hải Đông" in ans.answer, ans.answer
    ans = asst.ask("chi tieu tau ca dua rac ve bo nam nay bao nhieu %", plan=PORTAL_ROWSPAN)
    assert not ans.abstained and "90%" in ans.answer, ans.answer


def test_a_task_number_the_table_skips_is_assigned_to_nobody(asst: Assistant) -> None:
    """Task 10 has no row in part IV's table: the plan assigns it no body, and says so (not every task's lead)."""
    ans = asst.ask("nv 10 xay dung tour, tuyen, lien ket lu hanh ai chu tri", plan=BY_TASK_NUMBER)
    assert ans.abstained and ans.rule == "section_unassigned" and "III.10" in ans.answer, ans.answer


def test_a_topic_ends_at_the_place_after_it_and_wards_are_no_communes(asst: Assistant) -> None:
    ans = asst.ask("kh an toan thuc pham my thanh, tram y te phuong bao cao truoc ngay nao")
    assert not ans.abstained and stems_of(ans) == ["kh-phuong-my-thanh-an-toan-thuc-pham"], ans.answer
    ans = asst.ask("Liệt kê các kế hoạch do Ủy ban nhân dân cấp phường ban hành")
    assert ans.route == "plans" and stems_of(ans) and all("phuong" in x for x in stems_of(ans)), ans.answer
    # "Ủy ban nhân dân phường" written out is the level too, though a plan's table names "UBND các phường" as a body
    ans = asst.ask("Những kế hoạch nào trong kho do Ủy ban nhân dân phường ban hành? Xin liệt kê đầy đủ.")
    assert ans.route == "plans" and stems_of(ans) and all("phuong" in x for x in stems_of(ans)), ans.answer


def test_a_joint_plans_contents_are_led_by_the_party_whose_point_leads(asst: Assistant) -> None:
    ans = asst.ask("noi dung 3 clb 1000 ngay vang la hoi chu tri hay so y te chu tri", plan=JOINT)
    # the content's roles, then the part of the party named (Sở Y tế), cited at its point
    assert [c.section for c in ans.citations] == ["III.3", "III.3.a"], ans.answer
    assert "chủ trì tham mưu nhiệm vụ III.3 (Phối hợp xây dựng" in ans.answer and ": Hội Liên hiệp Phụ nữ tỉnh." in ans.answer
    # the party by its name without its level word, or in English; the contents asked as the plan calls them
    for asked in ("hoi phu nu tinh chu tri nhung noi dung nao", "Hội Liên hiệp Phụ nữ chủ trì nội dung nào?",
                  "Which contents does the Women's Union lead?"):
        ans = asst.ask(asked, plan=JOINT)
        assert [c.section for c in ans.citations] == ["III.3", "III.5"], (asked, ans.answer)
    # what a party does in a content: its own point, quoted and cited
    ans = asst.ask("tap huan tu van dinh duong thi hoi phu nu phoi hop lam gi, cu ai di hoc", plan=JOINT)
    assert "cử cán bộ Hội cấp xã" in ans.answer and "III.4.b" in [c.section for c in ans.citations], ans.answer
    ans = asst.ask("ai ky ben so y te, ben hoi phu nu ai ky, chuc vu gi", plan=JOINT)
    assert "Hà Thị Minh Nguyệt (TM. BAN THƯỜNG VỤ" in ans.answer and "Đinh Quang Vũ (KT. GIÁM ĐỐC" in ans.answer, ans.answer


def test_the_rows_under_a_month_heading_are_that_months(asst: Assistant) -> None:
    ans = asst.ask("thang 7 co nhung hd gi", plan=BY_MONTH)
    assert [c.section for c in ans.citations] == ["III.5", "III.6", "III.7", "III.8"], ans.answer


def test_a_matrix_with_number_and_task_columns_gives_each_row_its_roles(asst: Assistant) -> None:
    ans = asst.ask("nv 4 ai ct", plan=MATRIX_COLUMNS)
    assert "Công an xã" in ans.answer and "appendix.4" in {c.section for c in ans.citations}, ans.answer
    # "ph" typed after a body may be its level ("phường"): a level word before "những" names no place, and the body of
    # the plan at its own level ("Đoàn Thanh niên xã") is the one asked
    ans = asst.ask("doan thanh nien ph nhung viec nao", plan=MATRIX_COLUMNS)
    assert [c.section for c in ans.citations] == ["appendix.1", "appendix.3", "appendix.4", "appendix.8", "appendix.9"], \
        ans.answer


def test_roles_said_in_a_closing_sentence_however_worded(asst: Assistant) -> None:
    # a justified PDF line ("Trung  tâm  Văn  hóa …  đảm  nhận  tổ  chức  thực  hiện")
    ans = asst.ask("bảo tồn thể thao dân tộc, trò chơi dân gian do đơn vị nào chủ trì, phòng nào phối hợp", plan=PROSE_ROLES)
    assert "Trung tâm Văn hóa - Thể thao tỉnh" in ans.answer and "Phòng Quản lý Văn hóa" in ans.answer, ans.answer
    # "Việc mở lớp giao X thực hiện, Y phối hợp về chuyên môn"
    ans = asst.ask("nv 8 ai lam, ai phoi hop", plan=PROSE_ROLES)
    assert "Trung tâm Huấn luyện và Thi đấu thể thao tỉnh" in ans.answer and "Phòng Quản lý Thể dục thể thao" in ans.answer
    # a label in mid-paragraph: "… quý IV/2028. Đơn vị thực hiện: Văn phòng Sở; thời gian: 2026 - 2028."
    ans = asst.ask("nv 9 ai lam", plan=PROSE_ROLES)
    assert "Văn phòng Sở" in ans.answer and not ans.abstained, ans.answer
    # two leads, the second's name long and of small words: "… và Phòng Xây dựng nếp sống văn hóa và Gia đình cùng chủ trì"
    ans = asst.ask("Nhiệm vụ 5 do những phòng nào cùng chủ trì?", plan=PROSE_ROLES)
    assert "Phòng Xây dựng nếp sống văn hóa và Gia đình" in ans.answer, ans.answer


def test_targets_of_so_many_of_so_many_each_year_and_every_target_of_a_year(asst: Assistant) -> None:
    # "Năm 2026 có ít nhất 10/14 thôn …; đến hết năm 2027 có 14/14 thôn": a share of so many is the figure
    ans = asst.ask("het 2026 bao nhieu thon duoc cong nhan dat tieu chuan an toan ve an ninh, trat tu", plan=MATRIX_COLUMNS)
    assert "10/14" in ans.answer and ans.route == "target", ans.answer
    # "Giảm ít nhất 10% … năm 2026 và giảm ít nhất 15% năm 2027 so với năm 2025": each year its own figure
    ans = asst.ask("Năm 2027 phấn đấu giảm bao nhiêu phần trăm số vụ phạm tội về trật tự xã hội?", plan=MATRIX_COLUMNS)
    assert "15%" in ans.answer and "2027" in ans.answer, ans.answer
    # a list asked of no topic: every target of the year of a table by year (the row set for 2028 alone is not 2027's)
    ans = asst.ask("liet ke het cac chi tieu nam 2027", plan=PROSE_ROLES)
    assert [c.section for c in ans.citations] == [f"II.2.{n}" for n in range(1, 7)], ans.answer


def test_a_point_takes_the_roles_of_the_row_that_cites_it(asst: Assistant) -> None:
    # the point asked by its words, and as staff cite it ("điểm b 3.2", "3.1 dd"); the row that says so cited beside it
    two = "Công an xã; Ban Chỉ huy Quân sự xã"
    for asked, point, row, lead in (("so tan, di doi nguoi dan ra khoi vung nguy hiem thi ai chu tri", "3.2.b", "5.7", two),
                                    ("diem b 3.2 ai chu tri", "3.2.b", "5.7", two),
                                    ("3.1 dd ai chu tri", "3.1.đ", "5.5", "Phòng Văn hóa - Xã hội")):
        ans = asst.ask(asked, plan=CITING_ROWS)
        assert [c.section for c in ans.citations] == [point, row] and lead in ans.answer, (asked, ans.answer)
    # the heading row repeated on the table's second page is no task
    plan = next(p for p in asst.plans if p.source == CITING_ROWS)
    assert len(plan.tasks) == 11 and all(t.id.startswith("3.") for t in plan.tasks), [t.id for t in plan.tasks]


def test_a_progress_chart_gives_each_task_the_months_it_marks(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == CHART)
    times = {t.id: t.timeline for t in plan.tasks}
    # a run of months, with the row's note beside it; every month; a single month; the merged lead cell's second row
    assert times["III.1"] == "Tháng 3 - 6/2026; Trước ngày 15/6/2026", times
    assert times["III.2"] == "Hằng tháng" and times["III.10"] == "Tháng 12/2026", times
    assert next(t.lead for t in plan.tasks if t.id == "III.3") == ("Ủy ban nhân dân các xã, phường",)
    ans = asst.ask("Trợ giúp xã hội khẩn cấp về lương thực, hỗ trợ làm nhà ở thực hiện vào thời gian nào?", plan=CHART)
    assert "Theo đợt, khi có thiên tai" in ans.answer, ans.answer
    # what runs in a quarter: every task whose months meet it, the monthly one too
    ans = asst.ask("Trong quý III năm 2026 có những nhiệm vụ nào được thực hiện?", plan=CHART)
    assert [c.section for c in ans.citations] == ["III.2", "III.6", "III.7", "III.8", "III.9"], ans.answer
    ans = asst.ask("Which task in the progress chart is marked for every month of the year?", plan=CHART)
    assert [c.section for c in ans.citations] == ["III.2"], ans.answer


def test_roles_said_in_a_wrapped_closing_sentence_and_places_at_least_a_bound(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == QUOTAS)
    tasks = {t.id: t for t in plan.tasks}
    # "… chủ trì, phối hợp với … Du / lịch, … / thực hiện; thời gian: thường xuyên …": the line opening "thực
    # hiện;" ends the sentence, no label line of a lead
    assert tasks["III.1"].lead == ("Bảo hiểm xã hội tỉnh",) and len(tasks["III.1"].coordinate) == 3, tasks["III.1"]
    assert tasks["III.7"].lead == ("Sở Nội vụ",), tasks["III.7"]
    # "Trách nhiệm thực hiện: Sở Tài chính; thời gian: …" in mid-paragraph
    assert tasks["III.3"].lead == ("Sở Tài chính",), tasks["III.3"]
    # "phối hợp: A, B, C; thời gian:" with the time on the next line: the partners end at the label
    assert tasks["III.5"].coordinate == ("Công an tỉnh", "Viettel Giang Sơn", "VNPT Giang Sơn"), tasks["III.5"]
    # "từ 95% trở lên": the bound itself passes
    ans = asst.ask("Những xã, phường nào được giao tỷ lệ bao phủ bảo hiểm y tế năm 2026 từ 95% trở lên?", plan=QUOTAS)
    assert "Xã Phúc Hậu" in ans.answer and len(ans.citations) == 5, ans.answer


def test_a_text_pasted_from_a_pdf_viewer_reads_whole_across_its_page_furniture(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == PASTED)
    tasks = {t.id: t for t in plan.tasks}
    # "(Chủ trì:" / "Trang 2/4" / the running header / "Phòng Văn hóa - Xã hội; phối hợp: …": one bracket of roles
    assert tasks["III.7"].lead == ("Phòng Văn hóa - Xã hội",) and "Hội Cựu chiến binh xã" in tasks["III.7"].coordinate
    assert "Trang 2/4" not in plan.body("III.7") and "lưu động" in unwrap(plan.body("III.3")), plan.body("III.3")
    ans = asst.ask("dua ld di lam viec o nuoc ngoai theo hd ai chu tri vay", plan=PASTED)
    assert "Phòng Văn hóa - Xã hội" in ans.answer and not ans.abstained, ans.answer


def test_a_table_of_bodies_citing_the_tasks_each_leads_and_supports(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == BY_BODY_LABELS)
    tasks = {t.id: t for t in plan.tasks}
    # "Điểm a, b mục 1; 2b; 4c" leads, "1c, 2c, 4a" supports; "Nhiệm vụ 2.c"; the body without its bracket
    assert tasks["III.1.b"].lead == ("Phòng Chính trị tư tưởng và Công tác học sinh", "Tỉnh đoàn"), tasks["III.1.b"]
    assert tasks["III.2.c"].lead == ("Phòng Giáo dục Trung học",), tasks["III.2.c"]
    assert tasks["III.3.a"].lead == ("Các cơ sở giáo dục trực thuộc Sở",), tasks["III.3.a"]
    # "b) Thanh tra, kiểm tra việc thực hiện …" is the act of inspecting: its lead is the table's Thanh tra Sở
    assert tasks["III.4.b"].lead == ("Thanh tra Sở",) and tasks["III.4.b"].coordinate == (), tasks["III.4.b"]
    ans = asst.ask("Tổ chức diễn đàn học sinh nói không với bạo lực học đường do đơn vị nào chủ trì?", plan=BY_BODY_LABELS)
    assert "Tỉnh đoàn" in ans.answer and "Phòng Chính trị tư tưởng và Công tác học sinh" in ans.answer, ans.answer



def test_points_lettered_by_word_run_on_in_the_latin_alphabet(asst: Assistant) -> None:
    """Word letters a list "d), e), f)" where a typist writes "d), đ), e)": point e) is a target of its own, for its
    own year, not more words of d)."""
    ans = asst.ask("Đến năm 2028, phường phấn đấu có bao nhiêu câu lạc bộ liên thế hệ tự giúp nhau?", plan=WORD_LETTERS)
    assert "10 Câu lạc bộ" in ans.answer and [c.section for c in ans.citations] == ["II.2.d"], ans.answer
    ans = asst.ask("chi tieu bhyt cho nguoi cao tuoi nam 2030", plan=WORD_LETTERS)
    assert "99,5%" in ans.answer and [c.section for c in ans.citations] == ["II.2.e"], ans.answer


def test_a_lead_marked_by_a_bracket_leaves_the_other_bodies_partners(asst: Assistant) -> None:
    """"Hội Liên hiệp Phụ nữ tỉnh (cơ quan chủ trì), Sở Y tế, …": the bracket marks the lead, as "(chủ trì)" does; the
    bodies after it take part. A place "in Dong Hai ward" is no sum asked in dong."""
    ans = asst.ask("Sở Giáo dục và Đào tạo phối hợp những nhiệm vụ nào?", plan=SITE_PAGE)
    assert {"III.5", "III.7", "III.9"} <= {c.section for c in ans.citations}, ans.answer
    ans = asst.ask("Which body is in charge of setting up new intergenerational self-help clubs in Dong Hai ward?",
                   plan=WORD_LETTERS)
    assert not ans.abstained and "Hội Người cao tuổi phường" in ans.answer, ans.answer


def test_a_page_saved_from_a_legal_site_answers_as_the_plan(asst: Assistant) -> None:
    """"ai ki" is "ai ký" (kí and ký are both written); the communes' report date is their own item's, not the Department
    of Health's; a task's partners asked by its topic come from the task, not from a body's duty that shares its words;
    the words naming the plan at the end of an English question name no target."""
    ans = asst.ask("kh 118 lam dong nam ai ki", plan=SITE_PAGE)
    assert ans.route == "document" and "Nguyễn Thị Phương Lan" in ans.answer, ans.answer
    ans = asst.ask("By what date each year must the commune and ward People's Committees send their implementation "
                   "reports, and to which agency?", plan=SITE_PAGE)
    assert [c.section for c in ans.citations] == ["V.8"] and "15/11" in ans.answer, ans.answer
    ans = asst.ask("day boi cho tre ai phoi hop", plan=SITE_PAGE)
    assert [c.section for c in ans.citations] == ["III.3"] and "Tỉnh đoàn" in ans.answer, ans.answer
    ans = asst.ask("What share of children aged 6 to 16 should be able to swim safely by 2027 under the Lam Dong Nam "
                   "drowning prevention plan?", plan=SITE_PAGE)
    assert "45%" in ans.answer, ans.answer


def test_a_commune_named_gets_its_own_row_not_the_provinces_figure(asst: Assistant) -> None:
    """A commune named whose row the appendix has: its figure answers, the province's does not come with it."""
    ans = asst.ask("xa an hoa cuoi nam 2026 ty le ho ngheo con bao nhieu", plan=PLACES)
    assert [c.section for c in ans.citations] == ["appendix.1"] and "4,12%" in ans.answer, ans.answer


def test_a_bodys_report_day_in_a_table_of_bodies(asst: Assistant) -> None:
    """A table of a row per body with a column for its report ("Thời hạn báo cáo"): the body asked gets its row's day;
    a day asked of reports the plan sets no day for is said unset, with no empty quotation."""
    ans = asst.ask("Thanh tra Sở phải tổng hợp báo cáo kết quả thực hiện trước ngày nào?", plan=BY_BODY_LABELS)
    assert [c.section for c in ans.citations] == ["IV.4"] and "08/5/2027" in ans.answer, ans.answer
    ans = asst.ask("cong an tinh bao cao truoc ngay nao", plan=BY_BODY_LABELS)
    assert [c.section for c in ans.citations] == ["IV.5"] and "15/5/2027" in ans.answer, ans.answer


def test_a_pandoc_markdown_plan_and_a_google_docs_page(asst: Assistant) -> None:
    """A grid table's rows, numbered afresh in each group, answer by group and number; a page whose numbers are its
    lists' is read by them (it had been refused as no plan: no part "I." in its text)."""
    ans = asst.ask("Nhiệm vụ 3 nhóm III do ai chủ trì?", plan=GRID)
    assert [c.section for c in ans.citations] == ["III.III.3"] and "Văn phòng HĐND và UBND xã" in ans.answer, ans.answer
    ans = asst.ask("Ai ký kế hoạch này?", plan=LISTED_HTML)
    assert "Nguyễn Thị Thanh Hương" in ans.answer, ans.answer
    ans = asst.ask("nhiem vu 3.2 ai chu tri, ai phoi hop", plan=LISTED_HTML)
    assert [c.section for c in ans.citations] == ["III.3.2"] and "Bệnh viện Đa khoa tỉnh" in ans.answer, ans.answer


@pytest.mark.parametrize(("question", "plan", "held"), [
    # staff initials of the plan's own phrases ("kcn", "atvsld"), spelled out from the plan; a share asked outright that a
    # bulleted target's words say, though the task doing the work is nearer the question
    ("bn % dn trong kcn phai xay dung kh atvsld", LANDSCAPE, ["100% doanh nghiệp"]),
    # "LED", a name the plan writes in capitals, is no "led" of leading
    ("Đến năm 2030, tỉnh đặt mục tiêu bao nhiêu về tỷ lệ đèn LED và mức giảm điện năng tiêu thụ cho chiếu sáng công cộng?",
     MERGED_DOWN, ["85%", "20%"]),
    ("What are the 2030 targets for public lighting, both the LED share and the cut in electricity use?", MERGED_DOWN,
     ["85%", "20%"]),
    # "periodic" names the kind of check, no time of part V's duty: the task row's time answers
    ("Over what period are the periodic health checks and workplace environment monitoring scheduled?", LANDSCAPE,
     ["appendix.7"]),
    # a lead cell merged down over three rows leads each of them
    ("nhiệm vụ 3 trong phụ lục do cơ quan nào chủ trì", MERGED_DOWN, ["Sở Công Thương"]),
])
def test_freeze36_layouts_answer_from_their_own_words(asst: Assistant, question: str, plan: str, held: list[str]) -> None:
    ans = asst.ask(question, plan=plan)
    assert not ans.abstained and all(x in ans.answer for x in held), ans.answer


@pytest.mark.parametrize(("question", "plan"), [
    # a rate asked ("đồng/kWh") is no task's total cost
    ("Kế hoạch có quy định giá điện ưu đãi hoặc mức hỗ trợ tiền điện (đồng/kWh) cho bệnh viện thực hiện tiết kiệm năng "
     "lượng không?", MERGED_DOWN),
    # a park asked by name, where the plan names none ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP" is a heading, no park's name)
    ("dien tap pccc nam nay o kcn nao, ten kcn cu the", LANDSCAPE),
    # a hotline's number asked, where the plan only says one is published
    ("Kế hoạch công bố số điện thoại đường dây nóng nào để tiếp nhận phản ánh về bạo lực học đường?", BY_BODY_LABELS),
    # a year no target is set for, that the clause found does not name either, answered by no other year's figure
    ("Năm 2025 tỷ lệ công trình cấp nước tập trung hoạt động bền vững và tương đối bền vững của tỉnh đã đạt bao nhiêu "
     "phần trăm?", TRACKED),
])
def test_freeze36_layouts_decline_what_they_do_not_say(asst: Assistant, question: str, plan: str) -> None:
    ans = asst.ask(question, plan=plan)
    assert ans.abstained, ans.answer


@pytest.mark.parametrize(("question", "plan", "held", "cited"), [
    # the lead a tracked change put in (the one it struck out is no lead), and a figure it changed
    ("vung bao ho ve sinh cho lay nuoc cua cong trinh, cam moc bien bao ai chu tri", TRACKED, "Phòng Tài nguyên nước", "III.4"),
    ("Chỉ tiêu năm 2026 về tỷ lệ dân số nông thôn được sử dụng nước sạch đáp ứng quy chuẩn kỹ thuật địa phương là bao "
     "nhiêu?", TRACKED, "62%", "II.2.b"),
    # a row of a table drawn from divs, and a share whose sign is in the unit column
    ("ai chu tri tieu huy lon benh", CSS_TABLES, "Phòng Kinh tế", "III.4.6"),
    ("chi tieu tiem vac xin dich ta lon chau phi bn phan tram tong dan", CSS_TABLES, "≥ 80%", "II.2.1"),
])
def test_freeze37_layouts_answer_from_the_text_as_it_reads(asst: Assistant, question: str, plan: str, held: str,
                                                           cited: str) -> None:
    ans = asst.ask(question, plan=plan)
    assert held in ans.answer and cited in {c.section for c in ans.citations}, ans.answer


def test_a_legend_of_short_forms_names_the_bodies_its_table_abbreviates(asst: Assistant) -> None:
    """"TTTGPL", "Phòng PBGDPL" in the task table are the bodies the plan's legend spells out: asked by their full
    names, in either language, and answered with both."""
    ans = asst.ask("Trung tâm Trợ giúp pháp lý nhà nước tỉnh chủ trì những nhiệm vụ nào?", plan=LEGEND)
    assert "III.7" in {c.section for c in ans.citations} and "TTTGPL (Trung tâm Trợ giúp pháp lý" in ans.answer, ans.answer
    ans = asst.ask("List every task in the table that the Legal Dissemination Division leads, alone or jointly with "
                   "another body.", plan=LEGEND)
    assert {"III.1", "III.3", "III.4", "III.5", "III.11", "III.13", "III.14"} <= {c.section for c in ans.citations}, ans.answer
    # "tháng 10 à": a month, no point 10.a the plan lacks
    ans = asst.ask("cuoc thi truc tuyen tim hieu phap luat ve chinh quyen 2 cap to chuc khi nao, thang 10 a", plan=LEGEND)
    assert not ans.abstained and "Quý III/2026" in ans.answer, ans.answer


def test_a_word_web_page_and_a_partner_cell_left_empty(asst: Assistant) -> None:
    # "nước ngoài" (abroad) is no "ngoài …" (besides): the task that names the body leading it, its partners none
    ans = asst.ask("ra soat dang ky ket hon yeu to nuoc ngoai so tu phap phoi hop voi cq nao", plan=WORD_PAGE)
    assert ans.citations[0].section == "IV.10" and "Sở Tư pháp" in ans.answer, ans.answer
    ans = asst.ask("liet ke het cac nv bdbp tinh chu tri trong bang phan cong", plan=WORD_PAGE)
    assert {"IV.2", "IV.5"} <= {c.section for c in ans.citations}, ans.answer
    # a hotline's number asked of what the plan writes: none is given
    assert asst.ask("so duong day nong to giac mua ban nguoi ghi trong kh la so may", plan=WORD_PAGE).abstained


def test_a_point_the_table_leaves_out_is_answered_by_the_plans_rule_for_such(asst: Assistant) -> None:
    """Point 3.1.e has no row in the assignment table; part 5 says who sees to what the table leaves out ("… không có
    trong Bảng phân công nhiệm vụ, Trưởng Ban … trực tiếp phân công"): that rule answers, cited."""
    ans = asst.ask("Which unit is in charge of surveying unsafe houses of poor and elderly households and helping them "
                   "brace their roofs before the storm season?", plan=CITING_ROWS)
    assert not ans.abstained and "trực tiếp phân công" in ans.answer and ans.citations[0].section == "5", ans.answer


@pytest.mark.parametrize(("plan", "question", "section", "fact"), [
    # the plan's reviews set in a duty of the standing agency, asked with marks, without, in English
    (COSTED, "Kế hoạch sơ kết giữa kỳ khi nào?", "V.1", "Quý IV/2027"),
    (COSTED, "ke hoach so ket khi nao", "V.1", "Quý IV/2027"),
    (COSTED, "When is the final review of the plan?", "V.1", "Quý IV/2028"),
    # … or as a row of the task table, whose roles answer who organises them
    (DECISION, "Kế hoạch sẽ được sơ kết giữa kỳ và tổng kết vào những thời điểm nào?", "appendix.III.6", "Quý IV/2030"),
])
def test_the_plans_reviews_are_answered_where_it_sets_their_time(asst: Assistant, plan: str, question: str, section: str,
                                                                  fact: str) -> None:
    ans = asst.ask(question, plan=plan)
    assert ans.rule == "review_time" and ans.citations[0].section == section and fact in ans.answer, ans.answer


def test_a_named_institution_the_plan_never_writes_is_said_to_be_unnamed(asst: Assistant) -> None:
    # no directory knows it; the plan names other hospitals, not this one
    ans = asst.ask("Bệnh viện Y dược cổ truyền tỉnh của chúng tôi được Kế hoạch giao chủ trì hoặc phối hợp những hoạt "
                   "động nào?", plan=DEPARTMENT)
    assert ans.abstained and ans.rule == "unnamed_body" and "Bệnh viện Y dược cổ truyền" in ans.answer, ans.answer
    assert not asst.ask("Bệnh viện Sản - Nhi tỉnh chủ trì hoạt động nào?", plan=DEPARTMENT).abstained


def test_a_table_whose_group_rows_name_their_leads_one_jointly(asst: Assistant) -> None:
    ans = asst.ask("ubnd xa phuong chu tri nhung nv nao trong kh 96, liet ke het", plan=LEAD_ROWS)
    assert {c.section for c in ans.citations} == {"III.6.1", "III.6.2", "III.6.3"}, ans.answer
    # a row whose text names another body ("Phối hợp với Sở Xây dựng …") is led by its group's
    ans = asst.ask("Ai chủ trì lập kịch bản vận hành liên thông giữa hệ thống thoát nước đô thị và hệ thống thủy lợi?",
                   plan=LEAD_ROWS)
    assert ans.citations[0].section == "III.2.3" and "Sở Nông nghiệp và Môi trường" in ans.answer, ans.answer
    ans = asst.ask("Which tasks does the Department of Science and Technology co-lead?", plan=LEAD_ROWS)
    assert {"III.5.1", "III.5.2"} <= {c.section for c in ans.citations}, ans.answer


def test_each_lettered_duty_of_a_bodys_item_is_its_own_with_the_time_in_its_bracket(asst: Assistant) -> None:
    ans = asst.ask("qd 418 ai lam chu dau tu xay moi nha ve sinh truong tieu hoc", plan=ARTICLES)
    assert ans.citations[0].section == "dieu.2.6.b" and "UBND các xã, phường" in ans.answer, ans.answer
    ans = asst.ask("Sở Xây dựng ban hành thiết kế mẫu nhà vệ sinh trường học trước ngày nào?", plan=ARTICLES)
    assert ans.citations[0].section == "dieu.2.2.a" and "30/6/2026" in ans.answer, ans.answer
    # "d) Ban hành hướng dẫn …" issues guidance: no body named "Ban hành"
    ans = asst.ask("Xin liệt kê các nhiệm vụ Sở Giáo dục và Đào tạo chủ trì theo Điều 2.", plan=ARTICLES)
    assert {"dieu.2.1.a", "dieu.2.1.d", "dieu.2.3.c"} <= {c.section for c in ans.citations}, ans.answer


def test_a_street_asked_of_a_plan_that_names_none(asst: Assistant) -> None:
    ans = asst.ask("Which streets in the provincial centre does the plan list as priority flooding hotspots?", plan=LEAD_ROWS)
    assert ans.abstained and ans.rule == "out_of_reach", ans.answer
    assert not asst.ask("Who leads the traffic diversion on flooded roads?", plan=LEAD_ROWS).abstained


def test_a_date_asked_of_what_an_allowance_is_paid_to_asks_no_sum(asst: Assistant) -> None:
    ans = asst.ask("by what date must the review of people receiving monthly social allowances be completed?", plan=CHART)
    assert not ans.abstained and ans.citations[0].section == "III.1", ans.answer


def test_plans_asked_for_by_the_capacity_their_signer_signs_in(asst: Assistant) -> None:
    ans = asst.ask("Among the plans issued by provincial departments (Sở), which ones were signed by the department "
                   "director in person rather than by a deputy director on the director's behalf?")
    assert ans.route == "plans" and set(stems_of(ans)) == {
        "kh-so-ct-lam-giang-xuat-khau-nong-san", "kh-so-nv-lam-son-tro-giup-xa-hoi", "kh-stp-van-khanh-pho-bien-phap-luat"}, ans.answer


def test_plans_giving_a_body_a_lead_by_the_short_form_of_a_legend(asst: Assistant) -> None:
    # Vân Khánh's table writes "BĐBP", which its legend spells out
    ans = asst.ask("Những kế hoạch nào giao Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì ít nhất một nhiệm vụ?")
    assert {"kh-ubnd-tinh-kien-hai-mua-ban-nguoi", "kh-stp-van-khanh-pho-bien-phap-luat"} <= set(stems_of(ans)), ans.answer


@pytest.mark.parametrize("question", ["Ngày hội Văn hóa, Thể thao và Du lịch các dân tộc lần thứ V năm 2026 được tổ chức từ "
                                      "ngày nào đến ngày nào?", "Ngày hội được tổ chức từ ngày nào đến ngày nào?"])
def test_an_events_time_is_its_unit_headed_by_time(asst: Assistant, question: str) -> None:
    # the event's full name is the plan's title, no header asked; no task's timeline to ask which of
    ans = asst.ask(question, plan=EVENT)
    assert ans.rule == "time_unit" and ans.citations[0].section == "II.1" and "13/9/2026" in ans.answer, ans.answer


def test_a_task_told_by_its_own_table_of_labelled_rows(asst: Assistant) -> None:
    ans = asst.ask("kh 1206 ai chu tri mo rong lien ket dao tao theo dat hang cua doanh nghiep", plan=FORMS)
    assert ans.citations[0].section == "III.3" and "Trường Cao đẳng Cộng đồng Quảng Hòa" in ans.answer, ans.answer
    # "Đơn vị phối hợp | Không": no partner, in the plan's own word
    ans = asst.ask("Which partners are listed for updating the TVET database?", plan=FORMS)
    assert ans.citations[0].section == "III.11" and "“Không”" in ans.answer, ans.answer
    # the row "Ghi chú" is said with the task
    ans = asst.ask("Ai chủ trì tổ chức Hội thi kỹ năng nghề tỉnh năm 2026?", plan=FORMS)
    assert "Phòng Giáo dục nghề nghiệp và Giáo dục thường xuyên" in ans.answer and "Ghi chú" in ans.answer, ans.answer
    ans = asst.ask("Liệt kê các nhiệm vụ Phòng Giáo dục nghề nghiệp và Giáo dục thường xuyên chủ trì", plan=FORMS)
    assert {"III.2", "III.3", "III.5", "III.9"} <= {c.section for c in ans.citations}, ans.answer


def test_a_task_table_under_a_heading_of_two_rows(asst: Assistant) -> None:
    ans = asst.ask("Khi kiện toàn Ban Chỉ huy phòng cháy, chữa cháy rừng xã, cơ quan chủ trì phối hợp với những đơn vị nào?",
                   plan=TWO_ROW_HEAD)
    assert ans.citations[0].section == "III.1" and "Ban Chỉ huy Quân sự xã" in ans.answer, ans.answer
    # the time is the start and the end, as their heads say; a cell merged across both is said once
    ans = asst.ask("dot tuan tra canh gac lua rung lam den khi nao", plan=TWO_ROW_HEAD)
    assert "Suốt mùa khô" in ans.answer, ans.answer
    ans = asst.ask("Việc hướng dẫn các hộ đốt trước vật liệu cháy có kiểm soát phải hoàn thành khi nào?", plan=TWO_ROW_HEAD)
    assert "Hoàn thành: Tháng 12/2026" in ans.answer, ans.answer
    # the notes column: who pays
    ans = asst.ask("kinh phi lam duong bang can lua ai chi", plan=TWO_ROW_HEAD)
    assert "Kinh phí do Ban Quản lý rừng phòng hộ bảo đảm" in ans.answer, ans.answer


def test_the_standing_agency_is_the_sentence_that_makes_a_body_one(asst: Assistant) -> None:
    ans = asst.ask("Which department is the standing agency of this plan?", plan=SITE_PAGE)
    assert ans.rule == "standing_agency" and "Sở Y tế: Là cơ quan thường trực" in ans.answer, ans.answer


def test_what_a_body_must_do_of_a_plan_that_sets_duties_body_by_body(asst: Assistant) -> None:
    ans = asst.ask("qd 418 so y te lam gi", plan=ARTICLES)
    assert ans.route == "duties" and {"dieu.2.3.a", "dieu.2.3.b", "dieu.2.3.c"} <= {c.section for c in ans.citations}, ans.answer


def test_a_plan_named_by_its_place_and_an_english_acronym_no_plan_writes(asst: Assistant) -> None:
    # "WASH" tells nothing of what the place's plans say: the Đắk Nguyên decision is meant
    ans = asst.ask("In the Dak Nguyen school WASH decision, what is the toilet target for school sites by 2027?")
    assert not ans.abstained and stems_of(ans)[:1] == ["qd-ubnd-tinh-dak-nguyen-nuoc-sach-truong-hoc"], ans.answer
    assert "85%" in ans.answer, ans.answer


def test_words_of_the_genre_typed_like_a_place_name_no_place(asst: Assistant) -> None:
    # "dong bao" is "đồng bào" here, not the province Đông Bảo
    ans = asst.ask("kh mam non vung dong bao dtts: ti le tre mau giao dtts duoc chuan bi tieng viet truoc khi vao lop 1 "
                   "nam 2028 la bao nhieu")
    assert stems_of(ans)[:1] == ["kh-ea-sup-mam-non-dtts"] and "92,5" in ans.answer, ans.answer


def test_plans_of_several_kinds_listed_together_are_all_kinds(asst: Assistant) -> None:
    ans = asst.ask("Xin liệt kê đầy đủ các kế hoạch, quyết định và chương trình hành động được ban hành ngày 16/3/2026.")
    assert ans.route == "plans" and {"ctr-ubnd-tinh-kim-giang-nhan-luc-so", "kh-so-yt-hai-lang-phong-chong-sot-xuat-huyet",
                                     "qd-ubnd-tinh-dak-nguyen-nuoc-sach-truong-hoc"} <= set(stems_of(ans)), ans.answer
    ans = asst.ask("kh nao do so y te ban hanh (tinh ca kh lien tich)")
    assert {"khlt-syt-hlhpn-tan-chau-dinh-duong", "kh-so-yt-dong-lam-suc-khoe-nguoi-cao-tuoi"} <= set(stems_of(ans)), ans.answer


def test_the_lead_a_cell_of_bodies_marks_in_bold(asst: Assistant) -> None:
    ans = asst.ask("Who leads the 'Giảm muối - Sống khỏe' campaign, and who supports it?", plan=BOLD_LEADS)
    assert ans.citations[0].section == "III.2" and "Sở Y tế (Department of Health) leads" in ans.answer, ans.answer
    assert "Hội Liên hiệp Phụ nữ tỉnh" in ans.answer.split("leads", 1)[1], ans.answer
    ans = asst.ask("kh 233 quan ly dieu tri ngoai tru tang huyet ap tai tram y te ai chu tri", plan=BOLD_LEADS)
    assert "Sở Y tế; Bảo hiểm xã hội tỉnh" in ans.answer and "UBND các xã, phường" not in ans.answer.split("phối hợp")[0], ans.answer


def test_a_pdf_task_table_drawn_without_rules_is_read_by_its_heading(asst: Assistant) -> None:
    # two leads in one wrapped cell ("Công an phường;" / "Phòng Kinh tế, Hạ" / "tầng và Đô thị")
    ans = asst.ask("ai chu tri lap lai trat tu long duong via he", plan=RULELESS)
    assert "Công an phường; Phòng Kinh tế, Hạ tầng và Đô thị" in ans.answer, ans.answer
    # a row after the heading repeated on the next page
    ans = asst.ask("Who leads road safety during Tet and the Hai Thanh temple festival, and until when?", plan=RULELESS)
    assert ans.citations[0].section == "III.13" and "Từ 05/02 đến 05/3/2026" in ans.answer, ans.answer
    # an empty partner cell: the lead is followed by the time, and nobody is said to partner
    ans = asst.ask("Ai phối hợp bố trí kinh phí thực hiện kế hoạch?", plan=RULELESS)
    assert ans.citations[0].section == "III.12" and "không nêu cơ quan phối hợp" in ans.answer, ans.answer
    ans = asst.ask("liet ke nhiem vu cong an phuong chu tri", plan=RULELESS)
    assert {c.section for c in ans.citations} == {"III.3", "III.4", "III.5", "III.13"}, ans.answer


def test_a_ward_plan_proposed_by_its_police_chief_without_a_submission(asst: Assistant) -> None:
    # "Theo đề nghị của Trưởng Công an phường, Ủy ban nhân dân phường … ban hành": no Tờ trình named
    ans = asst.ask("kh 112 ban hanh ngay nao, ai de nghi", plan=RULELESS)
    assert "20 tháng 01 năm 2026" in ans.answer and "Trưởng Công an phường" in ans.answer, ans.answer
    ans = asst.ask("ai de nghi ban hanh kh 112", plan=RULELESS)
    assert ans.rule == "document" and "Trưởng Công an phường" in ans.answer, ans.answer


def test_a_street_the_plan_never_names_is_declined(asst: Assistant) -> None:
    ans = asst.ask("What does the Hai Thanh road safety plan require on Quang Trung street?", plan=RULELESS)
    assert ans.abstained and "Quang Trung" in ans.answer, ans.answer
    ans = asst.ask("Ai tuần tra trên đường Trần Hưng Đạo?", plan=RULELESS)
    assert not ans.abstained and ans.citations[0].section == "III.4", ans.answer


def test_an_english_question_reaches_a_duty_and_a_target_in_the_plans_words(asst: Assistant) -> None:
    # "detailed plans" are the plan's "kế hoạch chi tiết" (IV.2), not the year's review of "thực hiện Kế hoạch"
    ans = asst.ask("By what date must each lead body send its detailed implementation plan?", plan=RULELESS)
    assert ans.citations[0].section == "IV.2" and "15/02/2026" in ans.answer, ans.answer
    # a share asked in English is measured by the Vietnamese wording of its phrases, not by its English words
    ans = asst.ask("What share of residential groups must have a volunteer road safety team?", plan=RULELESS)
    assert ans.citations[0].section == "II.2" and "24/24 tổ dân phố" in ans.answer, ans.answer


def test_a_word_plan_framed_in_a_table_is_read_as_its_paragraphs_and_nested_table(asst: Assistant) -> None:
    ans = asst.ask("kh 57 ai ky, ky voi tu cach gi", plan=FRAMED)
    assert "Lương Văn Khánh" in ans.answer and "PHÓ GIÁM ĐỐC" in ans.answer, ans.answer
    # two bodies on two lines of one lead cell are two leads
    roles = next(t for p in asst.plans if p.source == FRAMED for t in p.work() if t.id == "III.4")
    assert roles.lead == ("Sở Giáo dục và Đào tạo", "Tỉnh Đoàn"), roles.lead
    ans = asst.ask("Liệt kê các nhiệm vụ Phòng Môi trường chủ trì", plan=FRAMED)
    assert {"III.1", "III.5", "III.10"} <= {c.section for c in ans.citations}, ans.answer


def test_a_plan_pasted_into_an_email_keeps_its_rows_and_its_signer(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == MAILED)
    # the e-mail's "Trân trọng," is no signer; the name beside the recipients after a tab is
    assert plan.signer == "Hoàng Văn Khải", plan.signer
    rows = {t.id: t for t in plan.work()}
    # a partner on a line of its own under its column goes on the row above, a second body
    assert rows["IV.3"].coordinate == ("Trưởng các thôn", "Ban Chỉ huy Quân sự xã"), rows["IV.3"].coordinate
    # the rows after a wrapped task cell keep their own cells
    assert rows["IV.8"].lead == ("Công an xã",) and rows["IV.13"].timeline == "Tháng 12/2026"
    ans = asst.ask("ai chu tri to chuc cac lop day boi an toan cho tre em", plan=MAILED)
    assert "Phòng Văn hóa - Xã hội" in ans.answer, ans.answer



def test_partners_asked_of_the_tasks_a_body_leads(asst: Assistant) -> None:
    # "phối hợp với ai" asks who works with the body on the task it leads, not which tasks it supports
    ans = asst.ask("cong an xa chu tri nv nao, phoi hop voi ai", plan=BY_TASK_NUMBER)
    assert "III.9" in ans.answer and "Đoàn Thanh niên xã" in ans.answer and "III.2" not in ans.answer, ans.answer


def test_a_second_part_without_its_own_subject_is_asked_of_the_body_the_question_opens_with(asst: Assistant) -> None:
    ans = asst.ask("cong an tinh chu tri nv nao, bao cao ket qua truoc ngay nao", plan=BY_BODY_LABELS)
    assert "III.1.c" in ans.answer and "15/5/2027" in ans.answer, ans.answer


def test_a_document_the_plan_cites_is_answered_by_its_own_date_and_subject(asst: Assistant) -> None:
    ans = asst.ask("Kế hoạch viện dẫn Quyết định số 412/QĐ-UBND; quyết định đó ban hành ngày nào và về nội dung gì?",
                   plan=LETTERED)
    assert "20 tháng 02 năm 2026" in ans.answer and "Phương án ứng phó thiên tai" in ans.answer, ans.answer
    ans = asst.ask("kế hoạch viện dẫn Luật Tổ chức chính quyền địa phương số hiệu nào, ngày nào?", plan=SAVED)
    assert "65/2025/QH15" in ans.answer and "19 tháng 02 năm 2025" in ans.answer, ans.answer


def test_a_standing_post_the_plan_names_is_not_its_standing_agency(asst: Assistant) -> None:
    ans = asst.ask("ai giữ vị trí Ủy viên thường trực Ban Chỉ huy phòng cháy, chữa cháy rừng xã?", plan=TWO_ROW_HEAD)
    assert "Trưởng Công an xã" in ans.answer and "Phòng Kinh tế" not in ans.answer, ans.answer
    ans = asst.ask("cơ quan thường trực là ai", plan=TWO_ROW_HEAD)
    assert "Phòng Kinh tế" in ans.answer, ans.answer


def test_where_a_task_is_done_is_the_plans_to_say_when_it_writes_the_place(asst: Assistant) -> None:
    ans = asst.ask("dip tet binh ngo phuong lap chot o dau, tu ngay nao den ngay nao", plan=RULELESS)
    assert not ans.abstained and "bến xe phía Nam" in ans.answer and "05/3/2026" in ans.answer, ans.answer
    ans = asst.ask("trụ sở công an phường ở đâu", plan=RULELESS)
    assert ans.abstained, ans.answer


def test_a_rate_asked_with_its_year_is_the_targets_not_a_tasks_timeline(asst: Assistant) -> None:
    ans = asst.ask("What helmet-wearing rate is targeted for children aged 6 and over riding on motorbikes, and by when?",
                   plan=RULELESS)
    assert "85%" in ans.answer and "95%" in ans.answer and ans.answer.count("85%") == 1, ans.answer


def test_an_investor_asked_with_the_schools_and_the_time_quotes_the_duty(asst: Assistant) -> None:
    ans = asst.ask("Who acts as investor for renovating and building toilets in which levels of schools, and what is "
                   "the time frame?", plan=ARTICLES)
    assert not ans.abstained and "UBND các xã, phường" in ans.answer and "mầm non, tiểu học" in ans.answer, ans.answer


def test_an_english_share_of_people_exercising_reaches_the_indicator(asst: Assistant) -> None:
    ans = asst.ask("In the provincial mass sports plan, what share of the population should exercise regularly by 2028?",
                   plan=PROSE_ROLES)
    assert "42%" in ans.answer, ans.answer


def test_an_emailed_plans_letterhead_and_targets(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == MAILED)
    # the letterhead after the e-mail's forwarding lines gives the issuer
    assert plan.issuer == "ỦY BAN NHÂN DÂN XÃ PHÚ NINH", plan.issuer
    # "27/27 điểm" states the count a share's clause is of
    ans = asst.ask("bao nhieu diem nuoc nguy hiem phai co bien canh bao", plan=MAILED)
    assert "27/27 điểm" in ans.answer, ans.answer
    # "dạy bơi" typed without marks is the swimming classes' row, not "đấy" and "bởi"
    ans = asst.ask("kh 41 ai chu tri day boi", plan=MAILED)
    assert "IV.4" in ans.answer and "Phòng Văn hóa - Xã hội" in ans.answer, ans.answer
    # a day and month without a year: the rows due by then
    ans = asst.ask("nhung viec nao trong bang phan cong phai xong truoc 31/5", plan=MAILED)
    assert {"IV.2", "IV.3"} <= {c.section for c in ans.citations}, ans.answer
    ans = asst.ask("During which months will the commune run the swimming classes?", plan=MAILED)
    assert "Tháng 5 - 8/2026" in ans.answer, ans.answer


def test_another_province_is_told_from_words_that_fold_like_its_name(asst: Assistant) -> None:
    # "nhà tập luyện đa năng" folds as "Đà Nẵng" does; the plan names no such province
    ans = asst.ask("What is Da Nang's target for the share of rural households using clean water in 2027?",
                   plan=PROSE_ROLES)
    assert ans.abstained and ans.rule == "elsewhere", ans.answer


def test_a_heading_used_as_a_verb_is_no_heading_asked(asst: Assistant) -> None:
    ans = asst.ask("Kế hoạch yêu cầu công tác truyền thông tập trung cảnh báo những thủ đoạn nào?", plan=WORD_PAGE)
    assert ans.citations and ans.citations[0].section != "I.2", ans.answer


def test_a_target_of_a_year_asked_beside_a_term_of_years(asst: Assistant) -> None:
    # "chỉ tiêu năm 2026" asks that year's figure; "nhiệm kỳ 2026 - 2031" is the council's term, no year asked
    ans = asst.ask("Chỉ tiêu năm 2026 về tỷ lệ nữ trúng cử đại biểu Hội đồng nhân dân tỉnh nhiệm kỳ 2026 - 2031 là bao "
                   "nhiêu?", plan=DIVISIONS)
    assert not ans.abstained and "%" in ans.answer, ans.answer


def test_heading_numbers_from_word_styles_and_roles_in_running_sentences(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == STYLED)
    rows = {t.id: t for t in plan.work()}
    # the numbers Word shows from the heading styles' list ("III.", "2.", "2.2.") are the ids
    assert rows["III.2.2"].lead == ("Chi cục Chăn nuôi và Thú y",), rows["III.2.2"].lead
    # "…; hoàn thành trước 30/4/2026": a time after the roles, no date word before it
    assert "30/4/2026" in rows["III.3.3"].timeline, rows["III.3.3"].timeline
    # "phối hợp: … ; hoàn thành trước 15/3/2026": the time is no partner
    assert rows["III.2.1"].coordinate == ("Chi cục Chăn nuôi và Thú y",), rows["III.2.1"].coordinate
    # "thời hạn hoàn thiện hồ sơ đề nghị công nhận: Trước 15/9/2026": a deadline under a label of many words
    assert "15/9/2026" in rows["III.2.5"].timeline, rows["III.2.5"].timeline
    # a joint circular is a legal basis
    assert any(b.startswith("Thông tư liên tịch số 16/2013") for b in plan.legal_bases), plan.legal_bases


def test_a_printed_spreadsheets_start_and_end_columns_and_a_target_that_points_back(asst: Assistant) -> None:
    plan = next(p for p in asst.plans if p.source == SPREADSHEET)
    rows = {t.id: t for t in plan.work()}
    assert len(rows) == 14 and rows["appendix.3"].lead == ("Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị")
    # "Kết thúc" is the end of the row's time, beside its start
    assert "Quý IV/2026" in rows["appendix.4"].timeline and "Quý II/2026" in rows["appendix.4"].timeline
    # the row cut by the page break keeps its lead
    assert rows["appendix.11"].lead == ("Phòng Kinh tế, Hạ tầng và Đô thị",), rows["appendix.11"].lead
    # "…; đến ngày 31/12/2026, tỷ lệ này đạt ít nhất 85%": the same indicator's end-of-year figure
    ans = asst.ask("What share of shop-houses with two or more floors should have a second escape route by the end of "
                   "2026?", plan=SPREADSHEET)
    assert "85%" in ans.answer and "lối thoát nạn thứ hai" in ans.answer, ans.answer


def test_a_signers_name_holds_no_place_and_a_genre_verb_names_no_title(asst: Assistant) -> None:
    # "Lương Văn Khánh" ends in the name of the province Vân Khánh, whose plan he did not sign
    ans = asst.ask("In the household solid waste plan signed by Luong Van Khanh, what rural waste collection rate is "
                   "expected by 30 June 2026, and what rate by the end of 2026?")
    assert [p["id"] for p in ans.plans] == [Path(FRAMED).stem] and "82%" in ans.answer and "88%" in ans.answer, ans.answer
    # "implements" is the genre's "triển khai thực hiện", which many titles hold: the topic names the plan
    ans = asst.ask("One plan in the library implements the national programme on energy efficiency and conservation "
                   "for 2026-2030. What share of public lighting is it supposed to convert to LED by 2030?")
    assert [p["id"] for p in ans.plans] == [Path(MERGED_DOWN).stem] and "85%" in ans.answer, ans.answer


def test_plans_listed_by_level_and_kind_keep_out_what_the_question_sets_aside(asst: Assistant) -> None:
    ans = asst.ask("Which documents in the library were issued by a Commune People's Committee (not a province, district "
                   "or ward)? Please list them all.")
    assert ans.route == "plans" and Path(MAILED).stem in [p["id"] for p in ans.plans], ans.answer
    assert not any("phuong" in p["id"] or "tinh" in p["id"] for p in ans.plans), ans.answer
    ans = asst.ask("Những kế hoạch nào trong thư viện do một sở chuyên môn tự ban hành (không phải UBND, không tính kế "
                   "hoạch liên tịch và Ban Quản lý các khu công nghiệp)? Đề nghị liệt kê đầy đủ.")
    ids = [p["id"] for p in ans.plans]
    assert ans.route == "plans" and Path(FRAMED).stem in ids and Path(JOINT).stem not in ids, ans.answer
    assert not any("ubnd" in i for i in ids), ans.answer
    ans = asst.ask("Apart from ordinary plans and decisions, does the library hold any action programmes (CTr) or joint "
                   "plans (KHLT)? List every one of them.")
    assert ans.route == "plans" and {p["id"] for p in ans.plans} == {Path(PROGRAMME).stem, Path(JOINT).stem}, ans.answer


def test_a_forwarding_emails_phone_number_is_no_hotline_of_the_plan(asst: Assistant) -> None:
    # the sender's signature under the forwarded plan gives a mobile number; the plan itself publishes none
    ans = asst.ask("Kế hoạch số 41/KH-UBND của UBND xã Phú Ninh có công bố số điện thoại đường dây nóng để người dân báo "
                   "tin khi xảy ra đuối nước không? Nếu có thì là số nào?")
    assert ans.abstained and "0977" not in ans.answer, ans.answer


def test_reports_sent_to_the_body_asked_and_a_second_part_after_a_bare_and(asst: Assistant) -> None:
    # the units report to the ward's division by 25/8; the ward reports to the province by 31/8 (its standing agency's duty)
    ans = asst.ask("Phường báo cáo UBND tỉnh trước ngày nào?", plan=BY_MONTH)
    assert "31/8/2026" in ans.answer and "25/8/2026" not in ans.answer, ans.answer
    ans = asst.ask("Các đơn vị chủ trì gửi báo cáo kết quả trước ngày nào, và phường báo cáo UBND tỉnh trước ngày nào?",
                   plan=BY_MONTH)
    assert "25/8/2026" in ans.answer and "31/8/2026" in ans.answer, ans.answer
    # "… chủ trì nhiệm vụ nào và phải tổng hợp báo cáo trước ngày nào": the body's task, then its row's deadline
    ans = asst.ask("Thanh tra Sở chủ trì nhiệm vụ nào và phải tổng hợp báo cáo trước ngày nào?", plan=BY_BODY_LABELS)
    assert "III.4.b" in ans.answer and "08/5/2027" in ans.answer and "III.4.c" not in ans.answer, ans.answer


def test_hours_asked_in_english_are_the_plans_hours(asst: Assistant) -> None:
    ans = asst.ask("Within how many hours must wards send a rapid report after a flooding rain?", plan=LEAD_ROWS)
    assert not ans.abstained and "24 giờ" in ans.answer, ans.answer


def test_at_least_how_many_a_year_asks_a_figure_not_the_yearly_tasks(asst: Assistant) -> None:
    ans = asst.ask("moi truong hoc duoc kiem tra ve sinh moi truong it nhat may lan moi nam?", plan=SCHEDULED)
    assert not ans.abstained and "02 lần" in ans.answer and ans.route != "list", ans.answer


def test_a_plan_behind_a_covering_letter_is_read_from_its_own_letterhead() -> None:
    from index.ingest import read_document
    from index.parse import parse_plan

    plan = parse_plan(read_document(RECEIVED / COVERED).text, COVERED)
    # not the letter's "845/SYT-NVY" of 22/4/2026 from the Department of Health
    assert (plan.number, plan.date, plan.issuer) == ("72/KH-UBND", "2026-03-18", "ỦY BAN NHÂN DÂN TỈNH KHÁNH NAM")
    assert plan.signer == "Hoàng Thị Minh Nguyệt" and {"III.3.b", "V.1"} <= {s.id for s in plan.sections}


def test_a_scanned_copys_misread_numerals_and_interleaved_columns() -> None:
    from index.ingest import read_document
    from index.parse import parse_plan

    plan = parse_plan(read_document(RECEIVED / SCANNED).text, SCANNED)
    parts = [s.id for s in plan.sections if s.kind == "part"]
    assert parts == ["I", "II", "III", "IV"], parts  # "Il." and "lV." are parts II and IV
    rows = {t.id: t for t in plan.work()}
    assert len(rows) == 12 and rows["III.5"].lead == ("Ban Chỉ huy Quân sự xã", "Đoàn Thanh niên xã")
    assert rows["III.6"].coordinate == () and rows["III.4"].timeline == "Từ 10/7 đến 18/7/2026"
    # the letterhead's columns a line each: "ỦY BAN NHÂN DÂN" / "CỘNG HÒA …" / "XÃ ĐỨC PHONG" / "Độc lập …"
    assert plan.issuer == "ỦY BAN NHÂN DÂN XÃ ĐỨC PHONG"
    # the signer's lines between the recipients' ("- Sở Nội vụ …;" / "CHỦ TỊCH" / "- …")
    assert (plan.signer, plan.signer_title) == ("Lê Hữu Phước", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH")
    assert plan.recipients[0] == "Sở Nội vụ tỉnh Quảng Sơn" and "Trưởng các thôn" in plan.recipients
