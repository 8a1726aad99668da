"""Pure text normalisation: NFC, one tone-mark placement, diacritic folding, line repair."""

from __future__ import annotations

import functools
import re
import unicodedata

# Old-style placement puts the tone on the second vowel of open "oa", "oe", "uy"
# ("hoá", "uỷ"); the plan mixes both, so everything is moved to the first vowel
# ("hóa", "ủy"). "qu" + "y" is excluded: in "quý" the u belongs to the onset.
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_OLD_TONE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([" + _TONES + r"])(?![^\W\d_]|[\u0300-\u036f])"  # "hoặc": ă is no open "oa"
)
_VI_ONLY = re.compile(r"[đĐ]|[^\x00-\x7f]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tones(text: str) -> str:
    """NFC text with the tone mark of open "oa", "oe", "uy" on the first vowel."""
    decomposed = unicodedata.normalize("NFD", text)

    def move(m: re.Match[str]) -> str:
        first, second, tone = m.group(1), m.group(2), m.group(3)
        if (first.lower(), second.lower()) not in {("o", "a"), ("o", "e"), ("u", "y")}:
            return m.group(0)
        return first + tone + second

    return nfc(_OLD_TONE.sub(move, decomposed))


def fold(text: str) -> str:
    """Lower-case ASCII form for matching: diacritics dropped, đ -> d."""
    # Words and names are folded again and again (every plan of a library names the same agencies);
    # whole texts are not worth keeping.
    return _fold_short(text) if len(text) <= 64 else _fold(text)


# Every combining mark of the Basic Multilingual Plane, Vietnamese tone and vowel marks among them.
_COMBINING = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))) + "]")


# A syllable written with "i" or "y" alike: kí/ký, kì/kỳ, kĩ/kỹ, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hi/hy, qui/quy — both
# spellings are accepted Vietnamese, in plans and in questions; folded, they are one ("ai ki" is "ai ky").
_I_FOR_Y = re.compile(r"(?<![a-z0-9])(k|l|m|s|t|h|qu)i(?![a-z0-9])")


def _fold(text: str) -> str:
    folded = _COMBINING.sub("", unicodedata.normalize("NFD", text)).replace("đ", "d").replace("Đ", "D").lower()
    return _I_FOR_Y.sub(r"\1y", folded)


_fold_short = functools.lru_cache(maxsize=1 << 16)(_fold)


def has_diacritics(text: str) -> bool:
    return any(fold(c) != c.lower() for c in text if c.isalpha())


# OCR slips of the signed PDF's conversion; each pair is a real misreading of a common
# administrative phrase, never a valid phrase itself.
OCR_FIXES = {
    "trực lợi": "trục lợi",
    "bao đảm": "bảo đảm",
    "noi tập trung": "nơi tập trung",
    "lòng ghép": "lồng ghép",
    "Chủ trọng": "Chú trọng",
    "chủ trọng": "chú trọng",
    "tiên bộ khoa học": "tiến bộ khoa học",
}
_OCR = re.compile("|".join(re.escape(k) for k in OCR_FIXES))


def canon(text: str) -> str:
    """Display form: NFC, modern tone placement, OCR slips fixed, single spaces, straight dashes."""
    text = _OCR.sub(lambda m: OCR_FIXES[m.group(0)], tones(text))
    text = re.sub(r"[\u2013\u2014]", "-", text)
    text = re.sub(r"\s*-\s+|\s+-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


_MD_EMPHASIS = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_MD_SUP = re.compile(r"</?su[bp]>")


def strip_markdown(line: str) -> str:
    """A Markdown line without heading marks, emphasis, sub/sup tags and the line breaks of a table's cell."""
    line = re.sub(r"^\s*#{1,6}\s*", "", line)
    line = re.sub(r"<br\s*/?>", " ", line, flags=re.I)
    line = _MD_SUP.sub("", line)
    return _MD_EMPHASIS.sub("", line)


def line_shape(line: str) -> str:
    """A line with its numbers as "#": "Trang 2/5" and "Trang 3/5" have one shape (a page's running lines)."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


# One Vietnamese syllable, folded: an onset, one run of vowels, a final consonant ("nghieng", "tri", "xa").
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


def _hyphen_joined(m: re.Match[str]) -> str:
    """A syllable a PDF viewer split at a line's end ("lưu đ-" / "ộng"), whole again; a compound's hyphen ("kinh
    tế-" / "xã hội") stays, each side being a syllable of its own."""
    before, after = m.group(1), m.group(2)
    whole = SYLLABLE.fullmatch(fold(before + after).lower()) and not SYLLABLE.fullmatch(fold(before).lower())
    return before + after if whole else m.group(0)


def unwrap(text: str) -> str:
    """Join hard-wrapped lines and page-break splits into running text.

    Lone "|" lines are table-cell debris of the web rendering; blank lines inside a
    paragraph come from PDF page breaks. Both vanish; words are re-spaced.
    """
    text = re.sub(r"(\w+)-[ \t]*\n\s*(\w+)", _hyphen_joined, text)
    lines = [strip_markdown(x).strip() for x in text.splitlines()]
    lines = [x for x in lines if x and x != "|"]
    return canon(" ".join(lines))


def agency(name: str) -> str:
    """Canonical agency name: "Sở Lao động-Thương binh" -> "Sở Lao động - Thương binh"."""
    name = canon(name).strip(" .;,*_")  # "**Công an phường**": a Markdown file's bold is no part of the name
    name = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " - ", name)
    name = re.sub(r"^các sở, ban ngành", "Các sở, ban ngành", name, flags=re.IGNORECASE)
    # A bracket after the name qualifies the body, it is no part of its name: "Sở Nông nghiệp và Môi trường
    # (Văn phòng Điều phối nông thôn mới tỉnh)", "… (theo lĩnh vực được phân công quản lý)".
    name = re.sub(r"(?<=\S)\s*\([^()]*\)$", "", name) or name
    return name[:1].upper() + name[1:]


def tokens(text: str) -> list[str]:
    """Folded word tokens (Vietnamese syllables) of a text."""
    return re.findall(r"[a-z0-9]+", fold(text))
