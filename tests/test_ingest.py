"""Reading .docx, .pdf and .html plans: the plan read from each is the plan read from its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from _documents import FONT, needs_font, to_docx, to_html, to_pdf
from conftest import DEMO, WEB

from index.ingest import Document, IngestError, page_of, read_document
from index.parse import Plan, parse_plan

PLANS = Path(__file__).resolve().parent / "data" / "plans"
SOURCES = [WEB, DEMO, *sorted(PLANS.iterdir())]


def text_plan(src: Path) -> Plan:
    return parse_plan(src.read_text(encoding="utf-8"), src.name)


def facts(p: Plan) -> tuple[object, ...]:
    return p.doc_type, p.number, p.date, p.place, p.issuer, p.signer, p.signer_title, p.proposer, p.legal_bases


def work(p: Plan) -> list[tuple[object, ...]]:
    return [(t.id, t.lead, t.coordinate, t.timeline, t.when, t.origin) for t in p.work()]


def roles(p: Plan) -> list[tuple[object, ...]]:
    """What the plan assigns, however it was found: a PDF's wrap may start a line with a label ("Trách nhiệm: …")
    that the text file has inside a sentence; both must read the same roles."""
    return [x[:-1] for x in work(p)]


def assert_same_plan(got: Plan, want: Plan) -> None:
    assert [s.id for s in got.sections] == [s.id for s in want.sections]
    assert [s.title for s in got.sections] == [s.title for s in want.sections]
    assert work(got) == work(want)
    assert facts(got) == facts(want)
    assert got.recipients == want.recipients


def assert_offsets_hold(doc: Document, plan: Plan) -> None:
    assert plan.text is doc.text or plan.text == doc.text
    for s in plan.sections:
        assert 0 <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start : s.end].strip()


# -- Word ------------------------------------------------------------------------------------


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_a_docx_is_the_same_plan_as_its_text(src: Path, tmp_path: Path) -> None:
    doc = read_document(to_docx(src.read_text(encoding="utf-8"), tmp_path / f"{src.stem}.docx"))
    assert doc.source == f"{src.stem}.docx" and doc.pages == ()
    plan = parse_plan(doc.text, doc.source)
    assert_same_plan(plan, text_plan(src))
    assert_offsets_hold(doc, plan)
    assert page_of(doc, 100) == 0


@pytest.mark.parametrize("src", [WEB, DEMO, PLANS / "kh-longgiang-dulich.txt"], ids=lambda p: p.name)
def test_word_list_numbering_is_read_as_the_numbers_word_shows(src: Path, tmp_path: Path) -> None:
    text = src.read_text(encoding="utf-8")
    doc = read_document(to_docx(text, tmp_path / f"{src.stem}.docx", auto_numbers=True))
    assert doc.text.splitlines() == [line for line in text.splitlines() if line.strip()]
    assert_same_plan(parse_plan(doc.text, doc.source), text_plan(src))


def test_the_numbering_fixture_really_uses_word_numbering(tmp_path: Path) -> None:
    import docx

    document = docx.Document(str(to_docx(WEB.read_text(encoding="utf-8"), tmp_path / "p.docx", auto_numbers=True)))
    numbered = [p.text for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert numbered[0] == "MỤC ĐÍCH, YÊU CẦU"  # no "I." typed: Word draws it
    assert "NỘI DUNG, NHIỆM VỤ VÀ GIẢI" in numbered and len(numbered) > 15


def test_word_tables_become_pipe_rows_with_merged_cells_spelled_out(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=4, cols=4)
    for cell, value in zip(table.rows[0].cells, ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"], strict=True):
        cell.text = value
    group = table.cell(1, 1).merge(table.cell(1, 3))  # a group heading across three columns
    table.cell(1, 0).text, group.text = "I", "Hạ tầng số"
    lead = table.cell(2, 2).merge(table.cell(3, 2))  # one agency leads two rows
    lead.text = "Sở Khoa học và Công nghệ"
    for r, (n, what, when) in enumerate([("1", "Nâng cấp mạng | LAN", "2025"), ("2", "Kho dữ liệu", "2026")], 2):
        table.cell(r, 0).text, table.cell(r, 3).text = n, when
        table.cell(r, 1).text = what
    table.cell(3, 1).add_paragraph("dùng chung toàn tỉnh")
    document.add_paragraph("Nơi nhận:")
    document.save(str(tmp_path / "t.docx"))
    assert read_document(tmp_path / "t.docx").text.splitlines() == [
        "PHỤ LỤC",
        "| TT | Nội dung | Cơ quan chủ trì | Thời gian |",
        "|---|---|---|---|",
        "| I | Hạ tầng số |  |  |",
        "| 1 | Nâng cấp mạng ¦ LAN | Sở Khoa học và Công nghệ | 2025 |",
        "| 2 | Kho dữ liệu<br>dùng chung toàn tỉnh | Sở Khoa học và Công nghệ | 2026 |",
        "Nơi nhận:",
    ]


def test_a_heading_of_two_rows_is_one_and_a_tasks_own_form_is_its_labelled_lines(tmp_path: Path) -> None:
    page = """<html><body><div>
    <p>III. NHIỆM VỤ</p>
    <table><tr><th rowspan="2">STT</th><th rowspan="2">Nội dung</th><th colspan="2">Cơ quan thực hiện</th>
    <th colspan="2">Thời gian</th></tr>
    <tr><th>Chủ trì</th><th>Phối hợp</th><th>Bắt đầu</th><th>Hoàn thành</th></tr>
    <tr><td>1</td><td>Tuần tra rừng</td><td>Công an xã</td><td>Hạt Kiểm lâm</td><td>01/11/2026</td><td>30/4/2027</td></tr>
    </table>
    <p>Nhiệm vụ 2. Tập huấn</p>
    <table><tr><td>Nội dung</td><td>Tập huấn cho tổ đội</td></tr><tr><td>Đơn vị chủ trì</td><td>Hạt Kiểm lâm</td></tr>
    <tr><td>Đơn vị phối hợp</td><td>Không</td></tr><tr><td>Thời gian thực hiện</td><td>Quý IV/2026</td></tr></table>
    </div></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    lines = read_document(tmp_path / "p.html").text.splitlines()
    assert "| STT | Nội dung | Chủ trì | Phối hợp | Bắt đầu | Hoàn thành |" in lines, lines
    assert not any(x.startswith("| STT | Nội dung | Cơ quan thực hiện") for x in lines), lines
    assert lines[-4:] == ["Nội dung: Tập huấn cho tổ đội", "Đơn vị chủ trì: Hạt Kiểm lâm", "Đơn vị phối hợp: Không",
                          "Thời gian thực hiện: Quý IV/2026"], lines


def test_a_body_in_bold_is_the_lead_where_the_plan_says_bold_marks_it(tmp_path: Path) -> None:
    import docx

    def cell_of(document: docx.document.Document, note: bool) -> str:
        table = document.add_table(rows=2, cols=3)
        for c, value in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Cơ quan thực hiện"], strict=True):
            c.text = value
        table.cell(1, 0).text, table.cell(1, 1).text = "1", "Sàng lọc tăng huyết áp"
        p = table.cell(1, 2).paragraphs[0]
        p.add_run("UBND các xã, phường; ")
        p.add_run("Sở Y tế").bold = True
        p.add_run("; Bảo hiểm xã hội tỉnh")
        if note:
            document.add_paragraph("Ghi chú: Cơ quan in đậm là cơ quan chủ trì; các cơ quan còn lại là cơ quan phối hợp.")
        document.save(str(tmp_path / "t.docx"))
        return read_document(tmp_path / "t.docx").text

    assert "| UBND các xã, phường; Sở Y tế (chủ trì); Bảo hiểm xã hội tỉnh |" in cell_of(docx.Document(), True)
    # bold with no note that it marks the lead is emphasis only
    assert "| UBND các xã, phường; Sở Y tế; Bảo hiểm xã hội tỉnh |" in cell_of(docx.Document(), False)


def test_word_numbering_formats_levels_and_restarts(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    root = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, start) in enumerate([("decimal", "%1.", 1), ("decimal", "%1.%2.", 1),
                                                 ("lowerLetter", "%3)", 1), ("bullet", "", 1)]))
    root.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="907">{levels}</w:abstractNum>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="907"/></w:num>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="72"><w:abstractNumId w:val="907"/>'
                          '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'))
    for text, num, level in [("Mục tiêu", 71, 0), ("Chung", 71, 1), ("Riêng", 71, 1), ("Năm 2025", 71, 2),
                             ("Năm 2030", 71, 2), ("ghi chú", 71, 3), ("Nhiệm vụ", 71, 0), ("Đầu tiên", 71, 1),
                             ("Tiếp", 71, 2), ("Kinh phí", 72, 0), ("Văn bản thường", 0, 0)]:
        par = document.add_paragraph(text)
        if num:
            par._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
    document.save(str(tmp_path / "n.docx"))
    assert read_document(tmp_path / "n.docx").text.splitlines() == [
        "1. Mục tiêu", "1.1. Chung", "1.2. Riêng", "a) Năm 2025", "b) Năm 2030", "- ghi chú",
        "2. Nhiệm vụ", "2.1. Đầu tiên", "a) Tiếp", "5. Kinh phí", "Văn bản thường",
    ]


def test_word_content_controls_are_read_in_place(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Số: 65/KH-UBND")
    last = document.add_paragraph("Nơi nhận:")
    control = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>I. MỤC ĐÍCH</w:t></w:r></w:p>'
                        '<w:p><w:r><w:t>1. Mục đích</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    last._p.addprevious(control)
    document.save(str(tmp_path / "sdt.docx"))
    assert read_document(tmp_path / "sdt.docx").text.splitlines() == [
        "Số: 65/KH-UBND", "I. MỤC ĐÍCH", "1. Mục đích", "Nơi nhận:"]


def test_word_tracked_changes_read_as_accepted_and_comments_are_no_text(tmp_path: Path) -> None:
    """A file sent back from review with its changes tracked: inserted runs (w:ins) are read, deleted ones (w:del,
    w:delText) and a deleted table row are not, and a comment's mark adds nothing; the text is the plan as it reads
    once every change is accepted."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    w = nsdecls("w")
    document = docx.Document()
    target = document.add_paragraph()
    for xml in (f'<w:r {w}><w:t xml:space="preserve">a) Tỷ lệ dân số nông thôn dùng nước sạch đạt </w:t></w:r>',
                f'<w:del {w} w:id="1" w:author="Hà" w:date="2026-03-01T00:00:00Z"><w:r><w:delText>85%</w:delText></w:r></w:del>',
                f'<w:ins {w} w:id="2" w:author="Hà" w:date="2026-03-01T00:00:00Z"><w:r><w:t>90%</w:t></w:r></w:ins>',
                f'<w:commentRangeStart {w} w:id="0"/>', f'<w:r {w}><w:t xml:space="preserve"> năm 2026.</w:t></w:r>',
                f'<w:commentRangeEnd {w} w:id="0"/>', f'<w:r {w}><w:commentReference w:id="0"/></w:r>'):
        target._p.append(parse_xml(xml))
    table = document.add_table(rows=3, cols=2)
    for row, (a, b) in zip(table.rows, [("TT", "Đơn vị chủ trì"), ("1", ""), ("2", "Chi cục Thủy lợi")], strict=True):
        row.cells[0].text = a
        row.cells[1].text = b
    lead = table.rows[1].cells[1].paragraphs[0]._p
    lead.append(parse_xml(f'<w:del {w} w:id="3" w:author="Hà" w:date="2026-03-01T00:00:00Z"><w:r><w:delText>Phòng Kế hoạch'
                          '</w:delText></w:r></w:del>'))
    lead.append(parse_xml(f'<w:ins {w} w:id="4" w:author="Hà" w:date="2026-03-01T00:00:00Z"><w:r><w:t>Trung tâm Nước sạch'
                          '</w:t></w:r></w:ins>'))
    gone = table.rows[2]._tr.get_or_add_trPr()
    gone.append(parse_xml(f'<w:del {w} w:id="5" w:author="Hà" w:date="2026-03-01T00:00:00Z"/>'))
    document.save(str(tmp_path / "tracked.docx"))
    lines = read_document(tmp_path / "tracked.docx").text.splitlines()
    assert lines[0] == "a) Tỷ lệ dân số nông thôn dùng nước sạch đạt 90% năm 2026."
    assert "| 1 | Trung tâm Nước sạch |" in lines and not any("Chi cục Thủy lợi" in x or "Phòng Kế hoạch" in x for x in lines)


def test_a_page_whose_tables_are_laid_out_with_css_reads_them_as_tables(tmp_path: Path) -> None:
    """A portal's article template draws its tables from divs shown as a table by its style sheet ("display:
    table-row" on a class, or in a style attribute): the rows are pipe rows, as a <table>'s are; a rule for a state
    ("…:hover") lays out nothing."""
    page = ("<html><head><style>.tbl{display:table} .tbl-row{display: table-row} .tbl-cell{display:table-cell}"
            " a:hover{display:table}</style></head><body><nav><a href='/'>Trang chủ</a></nav><div class='article'>"
            "<p>4. Phân công thực hiện</p><div class='tbl'>"
            "<div class='tbl-row'><div class='tbl-cell'>TT</div><div class='tbl-cell'>Nội dung</div>"
            "<div class='tbl-cell'>Đơn vị chủ trì</div></div>"
            "<div class='tbl-row'><div class='tbl-cell'>1</div><div class='tbl-cell'>Tiêm phòng vắc xin</div>"
            "<div class='tbl-cell'>Phòng Kinh tế; Trạm Thú y khu vực</div></div>"
            "<div style='display:table-row'><div class='tbl-cell'>2</div><div class='tbl-cell'>Tiêu hủy lợn bệnh</div>"
            "<div class='tbl-cell'>Trạm Thú y khu vực</div></div></div><p>Trên đây là Kế hoạch của xã.</p></div></body></html>")
    (tmp_path / "css.html").write_text(page, encoding="utf-8")
    lines = read_document(tmp_path / "css.html").text.splitlines()
    assert "| 1 | Tiêm phòng vắc xin | Phòng Kinh tế; Trạm Thú y khu vực |" in lines
    assert "| 2 | Tiêu hủy lợn bệnh | Trạm Thú y khu vực |" in lines and "Trang chủ" not in lines


def test_word_text_is_nfc(tmp_path: Path) -> None:
    import unicodedata

    import docx

    document = docx.Document()
    document.add_paragraph(unicodedata.normalize("NFD", "Sở Xây dựng chủ trì"))
    document.save(str(tmp_path / "nfd.docx"))
    assert read_document(tmp_path / "nfd.docx").text == "Sở Xây dựng chủ trì\n"


# -- PDF -------------------------------------------------------------------------------------


@needs_font
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_a_pdf_is_the_same_plan_as_its_text(src: Path, tmp_path: Path) -> None:
    # A ruled table (the task tables of the fixtures) is read by its rules: its rows are kept.
    to_pdf(src.read_text(encoding="utf-8"), tmp_path / f"{src.stem}.pdf")
    doc = read_document(tmp_path / f"{src.stem}.pdf")
    plan, want = parse_plan(doc.text, doc.source), text_plan(src)
    assert_offsets_hold(doc, plan)
    # A heading longer than the page is wide wraps: its title is its first line.
    assert all(want_t.startswith(got_t) for got_t, want_t in zip([s.title for s in plan.sections],
                                                                  [s.title for s in want.sections], strict=True))
    assert [s.id for s in plan.sections] == [s.id for s in want.sections]
    assert roles(plan) == roles(want) and facts(plan) == facts(want) and plan.recipients == want.recipients


def test_plans_with_task_tables_are_among_the_fixtures() -> None:
    with_rows = [p.name for p in SOURCES if any(s.kind == "row" for s in text_plan(p).sections)]
    assert "kh-hason-cds.md" in with_rows and len(with_rows) < len(SOURCES)


@needs_font
def test_pdf_text_is_the_vietnamese_text_line_for_line(tmp_path: Path) -> None:
    text = WEB.read_text(encoding="utf-8")
    to_pdf(text, tmp_path / "p.pdf")
    assert read_document(tmp_path / "p.pdf").text.splitlines() == [line.rstrip() for line in text.splitlines()]


@needs_font
def test_pdf_pages_are_where_the_lines_were_set(tmp_path: Path) -> None:
    placed = to_pdf(WEB.read_text(encoding="utf-8"), tmp_path / "p.pdf")
    doc = read_document(tmp_path / "p.pdf")
    last_page = placed[-1][1]
    assert last_page >= 10
    assert len(doc.pages) == last_page and doc.pages[0] == 0
    assert list(doc.pages) == sorted(set(doc.pages))
    pos, seen = 0, set()
    for line, page in placed:
        if not line.strip():
            continue
        at = doc.text.index(line.rstrip(), pos)
        assert page_of(doc, at) == page, line
        assert page_of(doc, at + len(line.rstrip()) - 1) == page, line  # no line is cut by a page break
        seen.add(page)
        pos = at + 1
    assert seen == set(range(1, last_page + 1))
    assert page_of(doc, len(doc.text) - 1) == last_page


@needs_font
def test_page_of_in_a_citation_says_trang(tmp_path: Path) -> None:
    to_pdf(WEB.read_text(encoding="utf-8"), tmp_path / "p.pdf")
    doc = read_document(tmp_path / "p.pdf")
    housing = parse_plan(doc.text, doc.source).section("III.6.đ")
    assert housing is not None
    page = page_of(doc, housing.start)
    assert 1 < page < len(doc.pages)
    assert doc.pages[page - 1] <= housing.start < (doc.pages[page] if page < len(doc.pages) else len(doc.text))


@needs_font
def test_a_scanned_pdf_is_refused_by_name(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")  # a page that is a picture: no text layer
    pdf.add_page()
    pdf.output(str(tmp_path / "scan-65.pdf"))
    with pytest.raises(IngestError, match=r"has no text layer \(a scanned PDF\?\); OCR is not supported") as err:
        read_document(tmp_path / "scan-65.pdf")
    assert str(tmp_path / "scan-65.pdf") in str(err.value)


@needs_font
@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_protected_against_editing_reads_and_one_locked_by_a_password_is_named(
        tmp_path: Path, algorithm: str) -> None:
    from pypdf import PdfWriter

    to_pdf(DEMO.read_text(encoding="utf-8"), tmp_path / "plain.pdf")
    for user, name in (("", "restricted.pdf"), ("secret", "locked.pdf")):
        writer = PdfWriter(clone_from=str(tmp_path / "plain.pdf"))
        writer.encrypt(user, "owner", algorithm=algorithm)
        writer.write(str(tmp_path / name))
    assert read_document(tmp_path / "restricted.pdf").text == read_document(tmp_path / "plain.pdf").text
    with pytest.raises(IngestError, match=r"locked\.pdf: the PDF is password-protected"):
        read_document(tmp_path / "locked.pdf")


def test_the_font_is_there_in_ci() -> None:
    import os

    if os.environ.get("CI") and not FONT.is_file():
        pytest.fail(f"{FONT} missing in CI: .ci/run installs fonts-dejavu-core")


# -- HTML ------------------------------------------------------------------------------------


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_a_saved_web_page_is_the_same_plan_as_its_text(src: Path, tmp_path: Path) -> None:
    doc = read_document(to_html(src.read_text(encoding="utf-8"), tmp_path / f"{src.stem}.html"))
    plan = parse_plan(doc.text, doc.source)
    assert_same_plan(plan, text_plan(src))
    assert_offsets_hold(doc, plan)
    for site in ["Trang chủ", "Văn bản liên quan", "Tra cứu nhanh", "Quảng cáo", "querySelectorAll", "font-family",
                 "Bản quyền", "tiếng Anh", "Lược đồ", "Kế hoạch 101/KH-UBND năm 2023"]:
        assert site not in doc.text


def test_html_tables_with_spans_and_a_layout_table(tmp_path: Path) -> None:
    page = """<html><body><table><tr><td><div>menu</div></td></tr><tr><td>
    <p>Thực hiện <b>Kế hoạch</b>
       số 1/KH-UBND,</p><p>cụ thể&nbsp;như sau:<br>dòng mới</p>
    <table border="1"><tr><th>TT</th><th>Nội dung</th><th>Chủ trì</th></tr>
      <tr><td>I</td><td colspan="2">Nhóm một</td></tr>
      <tr><td>1</td><td>Việc a</td><td rowspan="2">Sở Y tế</td></tr>
      <tr><td>2</td><td>Việc b<br>tiếp</td></tr></table>
    <ol><li>một</li><li>hai</li></ol></td></tr></table></body></html>"""
    (tmp_path / "p.htm").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "p.htm").text.splitlines() == [
        "menu",
        "Thực hiện Kế hoạch số 1/KH-UBND,",
        "cụ thể như sau:",
        "dòng mới",
        "| TT | Nội dung | Chủ trì |",
        "|---|---|---|",
        "| I | Nhóm một |  |",
        "| 1 | Việc a | Sở Y tế |",
        "| 2 | Việc b<br>tiếp | Sở Y tế |",
        "1. một",
        "2. hai",
    ]


def test_html_in_a_legacy_charset(tmp_path: Path) -> None:
    # Windows-1258 writes some tones as combining marks: "ở" is "ơ" then a hook.
    said = "S\u01a1\u0309 Y t\u00ea\u0301 chu\u0309 tri\u0300"
    page = f'<html><head><meta charset="windows-1258"></head><body><p>{said}</p></body></html>'
    (tmp_path / "p.html").write_bytes(page.encode("cp1258"))
    assert read_document(tmp_path / "p.html").text == "Sở Y tế chủ trì\n"


# -- files that are not documents ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("plan.docx", b"PK\x03\x04 not really a zip", r"not a Word \.docx file"),
        ("plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), r"old \.doc"),
        ("plan.pdf", b"%PDF-1.7\n\x00\x01garbage", r"not a readable PDF"),
        ("plan.pdf", b"", r"empty"),
        ("plan.txt", b"", r"empty"),
        ("plan.txt", b" \n\t\n", r"empty"),
        ("plan.txt", "Kế hoạch".encode("utf-16"), r"UTF-8"),
        ("plan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"UTF-8|binary"),
        ("plan.md", b"abc\x00def", r"binary"),
        ("plan.doc", b"whatever", r"unsupported format '\.doc'"),
        ("plan.html", b"<html><script>x()</script></html>", r"no text"),
    ],
)
def test_a_file_that_is_not_a_document_is_named(tmp_path: Path, name: str, content: bytes, why: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(IngestError, match=why) as err:
        read_document(tmp_path / name)
    assert str(err.value).startswith(f"{tmp_path / name}: ")
    assert err.value.reason and str(tmp_path) not in err.value.reason


def test_text_files_are_kept_byte_for_byte(tmp_path: Path) -> None:
    import unicodedata

    raw = unicodedata.normalize("NFD", "Sở Y tế\r\nchủ trì\n")
    (tmp_path / "p.txt").write_bytes(raw.encode("utf-8"))
    doc = read_document(tmp_path / "p.txt")
    assert doc.text == raw and doc.source == "p.txt" and page_of(doc, 3) == 0


def test_html_list_numbers_are_the_ones_a_browser_shows(tmp_path: Path) -> None:
    """A Google Docs export puts each item in a list of its own (`<ol start="2" type="I">`): the numbers read are the
    page's, "II." for a part, "1." for an item, "a)" for a point, not "1." every time."""
    page = tmp_path / "gdocs.html"
    page.write_text('<html><body><ol type="I" start="1"><li>MỤC ĐÍCH</li></ol><ol type="1" start="1"><li>Mục đích</li>'
                    '</ol><ol type="I" start="2"><li>MỤC TIÊU</li></ol><ol type="1" start="2"><li>Chỉ tiêu</li></ol>'
                    '<ol type="a"><li>một</li><li>hai</li></ol><ol><li value="7">bảy</li></ol></body></html>', encoding="utf-8")
    lines = read_document(page).text.splitlines()
    assert lines == ["I. MỤC ĐÍCH", "1. Mục đích", "II. MỤC TIÊU", "2. Chỉ tiêu", "a) một", "b) hai", "7. bảy"]


def test_a_pandoc_grid_table_is_read_as_pipe_rows_of_whole_cells(tmp_path: Path) -> None:
    """pandoc writes a Word table as a grid, a cell's words wrapped over lines, and escapes "1\\." and "\\-": the rows come
    out whole, the heading marked, the escapes undone; a Markdown file without a grid is read as it is."""
    md = tmp_path / "pandoc.md"
    md.write_text("1\\. Mục đích\n\n\\- Một ý\n\n"
                  "+----+-------------+----------+\n| TT | **Nội dung  | Chủ trì  |\n|    | nhiệm vụ**  |          |\n"
                  "+====+=============+==========+\n| 1  | Khảo sát    | Phòng    |\n|    | vùng trồng  | Kinh tế  |\n"
                  "+----+-------------+----------+\n", encoding="utf-8")
    assert read_document(md).text.splitlines() == ["1. Mục đích", "", "- Một ý", "", "| TT | Nội dung nhiệm vụ | Chủ trì |",
                                                   "|---|---|---|", "| 1 | Khảo sát vùng trồng | Phòng Kinh tế |"]
    plain = tmp_path / "plain.md"
    plain.write_text("| a | b |\n|---|---|\n", encoding="utf-8")
    assert read_document(plain).text == "| a | b |\n|---|---|\n"
