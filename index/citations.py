"""Units of a plan cited the way legal texts cite them: "điểm a khoản 2 Mục III", "khoản 1, điểm c khoản 2,
điểm a và điểm c khoản 4 Mục III", "các điểm a, b khoản 5 Mục III", "tiểu mục 3.2.2".

An implementation part may assign the tasks of part III this way, agency by agency ("Công an tỉnh: Chủ trì
thực hiện các nhiệm vụ tại điểm a khoản 2 và điểm c khoản 6 Mục III, thực hiện thường xuyên …"). Each citation
is read into the section ids of DESIGN.md ("III.2.a", "III.6.c"), with the words after it up to the next
citation or the end of its clause: what the duty says of when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.genre import words
from index.normalize import fold

# A run of cited units closed by the part they are in: "điểm a, điểm b khoản 2 và khoản 3 Mục III".
_RUN = re.compile(
    r"(?P<units>(?:(?:cac\s+)?(?:diem|khoan|tieu\s+muc|muc)\s+[\wð.]+(?:\s*(?:,|va|hoac)\s*(?:(?:diem|khoan)\s+)?[\wð.]+)*"
    r"\s*(?:,|va)?\s*)+)(?:thuoc\s+|cua\s+|tai\s+)?(?P<part>muc|phan)\s+(?P<roman>[ivx]+)\b"
)
# The numbered ids written out ("tiểu mục 3.2.2", "mục 3.1", "các hoạt động 1.2, 2.1 và 4.3"), closed by nothing:
# after a word that names a unit, the genre's item labels among them.
_ID = r"\d{1,2}(?:\.\d{1,2}){1,3}\b"
_NUMBERED = re.compile(
    # "điểm b mục 3.1": the point of a numbered item.
    r"(?:\bdiem\s+(?P<point>[a-zð])\s+)?"
    r"\b(?:tieu\s+muc|muc|noi\s+dung|so|" + "|".join(w.replace(" ", r"\s+") for w in words("numbering", "item_labels"))
    + r")\s+(?P<ids>" + _ID + r"(?:\s*(?:,|va|hoac)\s*" + _ID + r")*)"
    r"(?:\s+(?:thuoc\s+|cua\s+|tai\s+)?(?:muc|phan)\s+[ivx]+\b)?")
# Tasks numbered once, by the genre's labels of work (not "chỉ tiêu 3"), each label said again or not: "Hoạt động 1, Hoạt động 4 và Hoạt
# động 7", "nhiệm vụ 2, 5, 8" (never "1.2", a date "30/4" or a share "5%").
_LABELS = "|".join(w.replace(" ", r"\s+") for w in words("numbering", "item_labels") if w not in {"chi tieu", "muc tieu"})
_ONE = r"\d{1,2}(?![\d./%,]\d|[\d/%])"
_SINGLE = re.compile(r"\b(?:cac\s+)?(?:" + _LABELS + r")\s+(?:so\s+)?(?P<ids>" + _ONE + r"(?:\s*(?:,|va|hoac)\s*(?:(?:" + _LABELS
                     + r")\s+)?" + _ONE + r")*)")
_TOKEN = re.compile(r"diem|khoan|tieu\s+muc|muc|va|hoac|[a-zð]\b|\d{1,2}(?:\.\d{1,2})*")
_ROMAN = {"i": "I", "ii": "II", "iii": "III", "iv": "IV", "v": "V", "vi": "VI", "vii": "VII", "viii": "VIII",
          "ix": "IX", "x": "X"}


@dataclass(frozen=True, slots=True)
class Citation:
    ids: tuple[str, ...]  # the units cited, as section ids
    start: int  # offsets in the folded text
    end: int


def cited(text: str) -> list[Citation]:
    """The citations of units in a text, in order; offsets are the text's own (folding keeps its length)."""
    # "điểm đ" is no "điểm d": the letter is kept apart from the folding that makes them one.
    folded = fold(re.sub(r"(?<=[Đđ]iểm )đ\b|(?<=, )đ\b|(?<=và )đ\b", "ð", text))
    out: list[Citation] = []
    for m in _RUN.finditer(folded):
        part = _ROMAN.get(m.group("roman"), m.group("roman").upper())
        ids = _units(m.group("units"), part)
        if ids:
            out.append(Citation(tuple(ids), m.start(), m.end()))
    taken = [(c.start, c.end) for c in out]
    for m in _NUMBERED.finditer(folded):
        if not any(a <= m.start() < b for a, b in taken):
            found = tuple(re.findall(_ID, m.group("ids")))
            if m.group("point") and len(found) == 1:
                found = (f"{found[0]}.{m.group('point').replace('ð', 'đ')}",)
            out.append(Citation(found, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _SINGLE.finditer(folded):
        if not any(a <= m.start() < b for a, b in taken):
            out.append(Citation(tuple(re.findall(r"\d{1,2}", m.group("ids"))), m.start(), m.end()))
    return sorted(out, key=lambda c: c.start)


def _units(words: str, part: str) -> list[str]:
    """The ids of "điểm a và điểm c khoản 4, khoản 7": points wait for the item that follows them; bare numbers
    after "khoản N," are items too ("khoản 1, 2 và 3")."""
    ids: list[str] = []
    letters: list[str] = []
    last = ""  # the keyword that governs a bare letter or number
    for tok in _TOKEN.findall(words):
        if tok in {"diem", "khoan", "muc"} or tok.startswith("tieu"):
            last = "muc" if tok.startswith("tieu") else tok
        elif tok in {"va", "hoac"}:
            continue
        elif tok.isalpha():
            if last == "diem":
                letters.append("đ" if tok == "ð" else tok)
        elif last in {"khoan", "diem"} and "." not in tok:
            if letters:
                ids += [f"{part}.{tok}.{x}" for x in letters]
                letters = []
            else:
                ids.append(f"{part}.{tok}")
            last = "khoan"
        elif "." in tok:
            ids.append(tok if tok.split(".")[0].isdigit() and not part else f"{part}.{tok}")
    return ids


__all__ = ["Citation", "cited"]
