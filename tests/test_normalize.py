"""Text normalisation: tone placement, folding, dashes, agency names, Markdown, OCR slips."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import DEMO, PDF, WEB, read

from index.normalize import (
    OCR_FIXES,
    agency,
    canon,
    fold,
    has_diacritics,
    nfc,
    strip_markdown,
    tokens,
    tones,
    unwrap,
)
from index.parse import Plan

REAL_LINES = [line for path in (WEB, PDF, DEMO) for line in read(path).splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hiện đại hoá", "hiện đại hóa"),  # web rendering, III.2.b
        ("hiện đại hóa", "hiện đại hóa"),
        ("cấp uỷ đảng", "cấp ủy đảng"),  # PDF rendering, III.6.đ
        ("BTT Uỷ ban MTTQVN tỉnh", "BTT Ủy ban MTTQVN tỉnh"),  # PDF recipients
        ("Đài Khí tượng Thuỷ văn", "Đài Khí tượng Thủy văn"),  # demo plan
        ("quan hệ lao động hài hoà", "quan hệ lao động hài hòa"),
        ("chuẩn xoá mù chữ", "chuẩn xóa mù chữ"),
        ("sức khoẻ", "sức khỏe"),
        ("HOÁ", "HÓA"),
        ("Hoá", "Hóa"),
        ("UỶ BAN", "ỦY BAN"),
        ("Quý III/2025", "Quý III/2025"),  # qu + y: the u is the onset, the tone stays on y
        ("hoàn cảnh khó khăn", "hoàn cảnh khó khăn"),  # closed syllable: the tone stays on a
        ("an toàn", "an toàn"),
        ("suy thoái", "suy thoái"),
        ("thoát nghèo", "thoát nghèo"),
        ("khuya", "khuya"),  # no tone at all
        ("sổ hoặc phiếu tiêm chủng", "sổ hoặc phiếu tiêm chủng"),  # "oă" is no open "oa": the tone stays on ă
        ("hoằng", "hoằng"),
    ],
)
def test_tones_moves_the_tone_of_open_oa_oe_uy_to_the_first_vowel(old: str, new: str) -> None:
    assert tones(old) == new
    assert tones(unicodedata.normalize("NFD", old)) == new


def test_tone_variants_fold_and_tokenise_alike() -> None:
    assert tones("hoá") == tones("hóa")
    assert tokens("Sở Văn hoá") == tokens("Sở Văn hóa") == ["so", "van", "hoa"]


def test_tones_is_idempotent_nfc_and_keeps_the_folded_form() -> None:
    for line in REAL_LINES:
        once = tones(line)
        assert tones(once) == once, line
        assert once == nfc(once), line
        assert fold(once) == fold(line), line


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sở Xây dựng", "so xay dung"),
        ("ĐÀI PHÁT THANH", "dai phat thanh"),
        ("nhiệm vụ 6đ", "nhiem vu 6d"),
        ("Quảng Ngãi", "quang ngai"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("65/KH-UBND", "65/kh-ubnd"),
        # i and y are one in the syllables written either way: kí/ký, lí/lý, tỉ/tỷ, sĩ/sỹ, qui/quy
        ("ai kí kế hoạch", "ai ky ke hoach"),
        ("quản lí; tỉ lệ; bác sĩ; qui định", "quan ly; ty le; bac sy; quy dinh"),
        ("thi đua, khi nào, chỉ tiêu", "thi dua, khi nao, chi tieu"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Xây dựng", True),
        ("đ", True),
        ("Đ", True),
        ("so xay dung", False),
        ("so nao chu tri nhiem vu 6d", False),
        ("Which agency leads task 6?", False),
        ("65/KH-UBND", False),
        ("", False),
    ],
)
def test_has_diacritics(text: str, expected: bool) -> None:
    assert has_diacritics(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phát triển kinh tế- xã hội của tỉnh", "phát triển kinh tế - xã hội của tỉnh"),
        ("kinh tế -xã hội", "kinh tế - xã hội"),
        ("kinh tế - xã hội", "kinh tế - xã hội"),
        ("Đài Phát thanh – Truyền hình tỉnh", "Đài Phát thanh - Truyền hình tỉnh"),  # en dash
        ("Độc lập — Tự do", "Độc lập - Tự do"),  # em dash
        ("giai đoạn 2021-2025", "giai đoạn 2021-2025"),  # a range keeps its tight hyphen
        ("Nghị quyết số 42-NQ/TW", "Nghị quyết số 42-NQ/TW"),
        ("Chương trình\nhành động   số 43-CTr/TU ", "Chương trình hành động số 43-CTr/TU"),
        ("cụ thể hoá thành", "cụ thể hóa thành"),
    ],
)
def test_canon(text: str, expected: str) -> None:
    assert canon(text) == expected


def test_canon_is_idempotent() -> None:
    for line in REAL_LINES:
        assert canon(canon(line)) == canon(line), line


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sở Lao động-Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động- Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động -\nThương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động - Thương binh và Xã hội.", "Sở Lao động - Thương binh và Xã hội"),
        ("Các Sở, Ban ngành tỉnh", "Các sở, ban ngành tỉnh"),
        ("các sở, ban ngành tỉnh;", "Các sở, ban ngành tỉnh"),
        ("các tổ chức chính trị- xã hội", "Các tổ chức chính trị - xã hội"),
        ("Đài Phát thanh – Truyền hình tỉnh", "Đài Phát thanh - Truyền hình tỉnh"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        (" Sở Tài chính. ", "Sở Tài chính"),
        ("UBND các huyện, thị xã, thành phố.", "UBND các huyện, thị xã, thành phố"),
    ],
)
def test_agency(name: str, expected: str) -> None:
    assert agency(name) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("### I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("## **II. MỤC TIÊU**", "II. MỤC TIÊU"),
        ("**1.** Trên cơ sở các mục tiêu", "1. Trên cơ sở các mục tiêu"),
        ("- *Cơ quan chủ trì tham mưu:* Sở Tài chính.", "- Cơ quan chủ trì tham mưu: Sở Tài chính."),
        ("(*sau đây viết tắt là Chương trình số 43-CTr/TU*)", "(sau đây viết tắt là Chương trình số 43-CTr/TU)"),
        ("khoảng 33 m<sup>2</sup> sàn/người", "khoảng 33 m2 sàn/người"),
        ("**Trần Hoàng Tuấn**", "Trần Hoàng Tuấn"),
        ("5 * 3 = 15", "5 * 3 = 15"),  # a spaced asterisk is not emphasis
        ("Ban hành Kế hoạch", "Ban hành Kế hoạch"),
    ],
)
def test_strip_markdown(line: str, expected: str) -> None:
    assert strip_markdown(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A PDF page break splits "Nhân dân" (III.2.a of the PDF rendering).
        ("Tăng cường vai trò giám sát của Nhân\n\ndân; tăng cường", "Tăng cường vai trò giám sát của Nhân dân; tăng cường"),
        # Hard wraps of the web rendering.
        ("Nhằm quán triệt và triển khai kịp thời có hiệu quả\ncác mục tiêu", "Nhằm quán triệt và triển khai kịp thời có hiệu quả các mục tiêu"),
        # Lone "|" lines are table-cell debris of the web rendering.
        ("KT. CHỦ TỊCH\n|\nPHÓ CHỦ TỊCH", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
        ("Nhân\n\n|\n\ndân", "Nhân dân"),
        ("- *Thời gian thực hiện:* Thường xuyên.\n", "- Thời gian thực hiện: Thường xuyên."),
        ("#### **1. Nâng cao nhận thức**\n\na) Tập trung", "1. Nâng cao nhận thức a) Tập trung"),
        ("", ""),
    ],
)
def test_unwrap(text: str, expected: str) -> None:
    assert unwrap(text) == expected


@pytest.mark.parametrize(
    ("pdf_text", "fixed"),
    [
        ("xử lý nghiêm hành vi trực lợi chính sách", "xử lý nghiêm hành vi trục lợi chính sách"),
        ("hệ thống an sinh xã hội bao đảm định hướng", "hệ thống an sinh xã hội bảo đảm định hướng"),
        ("miền núi, noi tập trung đông người", "miền núi, nơi tập trung đông người"),
        ("thông qua đẩy mạnh lòng ghép trong quá trình", "thông qua đẩy mạnh lồng ghép trong quá trình"),
        ("Chủ trọng phát triển", "Chú trọng phát triển"),
        ("chuyển giao ứng dụng tiên bộ khoa học", "chuyển giao ứng dụng tiến bộ khoa học"),
    ],
)
def test_canon_fixes_ocr_slips_of_the_pdf(pdf_text: str, fixed: str) -> None:
    assert pdf_text in read(PDF)  # each case is a real slip of the PDF rendering
    assert canon(pdf_text) == fixed


@pytest.mark.parametrize("slip", sorted(OCR_FIXES))
def test_ocr_fixes_leave_the_web_rendering_alone(slip: str) -> None:
    # The canonical rendering has none of the slips, and a fix is never itself rewritten.
    assert slip not in read(WEB)
    assert canon(OCR_FIXES[slip]) == OCR_FIXES[slip]


@pytest.mark.parametrize("phrase", ["ưu tiên bộ phận một cửa", "ưu tiên bộ đội xuất ngũ"])
def test_ocr_fixes_do_not_touch_valid_phrases(phrase: str) -> None:
    assert canon(phrase) == phrase


# Sections where the two renderings differ in wording, not only in layout.
_WORDING_DIFFERS = {
    "header": "the PDF has no letterhead and a sentence-case title",
    "II.2.b": "'hằng tháng' vs 'hàng tháng', 'thể thấp còi' vs 'thấp còi'",
    "III.1.b": "the PDF puts a list dash before 'b)'",
    "III.2.c": "'tương xứng' vs 'tương ứng'",
    "III.3": "curly vs straight quotes",
    "III.6.c": "'khẳng khái' vs 'khảng khái', 'đi đối' vs 'đi đôi'",
    "IV.2": "'Hằng năm' vs 'Hàng năm'",
    "IV.4": "'thông qua' vs 'qua'",
    "signature": "the PDF lacks the signer's title",
}


def test_unwrap_makes_both_renderings_agree(web: Plan, pdf: Plan) -> None:
    # Line wraps, page breaks, Markdown, tone placement and OCR slips all vanish.
    compared = [s.id for s in web.sections if s.id not in _WORDING_DIFFERS]
    assert len(compared) == 39
    differ = [sid for sid in compared if unwrap(web.body(sid)) != unwrap(pdf.body(sid))]
    assert differ == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Xây dựng chủ trì nhiệm vụ 6đ, năm 2024!", ["so", "xay", "dung", "chu", "tri", "nhiem", "vu", "6d", "nam", "2024"]),
        ("so nao chu tri nhiem vu 6d", ["so", "nao", "chu", "tri", "nhiem", "vu", "6d"]),
        ("HOÁ", ["hoa"]),
        ("Sở Lao động-Thương binh", ["so", "lao", "dong", "thuong", "binh"]),
        ("", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_folding_never_merges_section_ids(web: Plan, pdf: Plan) -> None:
    # fold() makes "6d" and "6đ" the same token, so ids must never be folded.
    assert fold("III.6.đ") == fold("III.6.d")
    for plan in (web, pdf):
        d, dd = plan.section("III.6.d"), plan.section("III.6.đ")
        assert d is not None and dd is not None
        assert (d.title, dd.title) == ("Về thông tin", "Về nhà ở")
        assert d.end <= dd.start
        assert plan.task("III.6.đ").lead == ("Sở Xây dựng",)  # type: ignore[union-attr]
        assert plan.task("III.6.d").lead == ("Sở Thông tin và Truyền thông",)  # type: ignore[union-attr]
