"""Query understanding: style (vi / vi_nodiac / en), section references, intent."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Set
from dataclasses import dataclass
from typing import NamedTuple

from assistant.lexicon import (
    Phrases,
    bare_phrase,
    function_words,
    generic_lead,
    intent_tokens,
    intent_words,
    list_words,
    phrases,
    says,
    spelled_out,
)
from index.normalize import fold, has_diacritics, tokens, tones
from index.parse import LETTER_PARTS, LETTERS, ROMAN

INTENTS = ("lead", "coordinate", "timeline", "target", "aggregate", "meta", "content")

_EN_WORDS = set(
    """a an the is are was were be of to in on for by with what which who whom whose when where why
    how does do did task tasks agency agencies department lead leads leading led charge responsible
    plan say says said about target targets rate year years many much list all and or any please tell me
    this that these those it its coordinate coordinates coordinating support deadline timeline number
    date signed signer issued part section point item should will must by from than more less""".split()
)
# Onset + rhyme of a Vietnamese syllable, for telling "so nao chu tri" from English.
_VI_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(uye|uya|ieu|yeu|oai|oay|uoi|uou|ươi|oao|oeo|uay|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|"
    r"oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(ch|ng|nh|[cmnpt])?$"
)
_EN_ONLY = re.compile(r"[fjwz]|th$|sh|ck|ee|ea|oo[a-z]")


@dataclass(frozen=True, slots=True)
class Reference:
    section: str  # "III.6.đ", "III.3", "IV"
    text: str  # the words of the question that named it


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # NFC, tone-normalised, control characters removed
    style: str  # vi | vi_nodiac | en
    refs: tuple[Reference, ...]
    intents: tuple[str, ...]  # most specific first; "content" when nothing else
    year: int | None
    truncated: bool = False
    missing: tuple[str, ...] = ()

    @property
    def intent(self) -> str:
        return self.intents[0]

    @property
    def words(self) -> str:
        """Folded words, space-padded, for phrase tests like `" thuong xuyen " in q.words`."""
        return " " + " ".join(tokens(self.text)) + " "


def clean_question(text: str, limit: int = 2000) -> tuple[str, bool]:
    """NFC text without control characters, cut to `limit` characters."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c if c.isprintable() or c in "\n\t" else " " for c in text)
    text = re.sub(r"\s+", " ", text).strip()
    return (text[:limit], True) if len(text) > limit else (text, False)


def detect_style(text: str) -> str:
    """vi when diacritics are present, else vi_nodiac or en by which language the words fit."""
    words = re.findall(r"[a-z]+", text.lower())
    if has_diacritics(text):
        # "Who is the Party Secretary of Quảng Ngãi?" is English with a Vietnamese name in it.
        tokens_ = re.findall(r"[^\W\d_]+", text.lower())
        en = sum(1 for w in tokens_ if w.isascii() and (w in _EN_WORDS or not _VI_SYLLABLE.match(w)))
        return "en" if en >= 3 and en >= len(tokens_) - en else "vi"
    if not words:
        return "vi"
    # A name ("Phuoc Son commune", "the 'Binh dan hoc vu so' classes") is in Vietnamese whatever language asks: the
    # words outside quotes and capitals tell it, where there are some.
    plain = re.findall(r"(?<![\w'])[a-z]+", re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’", " ", text))
    words = plain if len(plain) >= 3 else words
    en = sum(1 for w in words if w in _EN_WORDS or _EN_ONLY.search(w))
    vi = sum(1 for w in words if w not in _EN_WORDS and _VI_SYLLABLE.match(w))
    return "en" if en >= vi else "vi_nodiac"


def english_topic(text: str) -> list[str]:
    """Words of an English question beyond its asking words ("who", "leads", "task", "the")."""
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3 and w not in _EN_WORDS]


# A number ends a reference where no letter, digit or slash goes on from it, nor a stop or comma with something
# straight after ("4.2", "4,5"): "nhiệm vụ 4, có ai phối hợp" and "… nhiệm vụ 4." name item 4.
_NUMBER_END = r"(?![\w/]|[.,][^\s])"

# Point letter as typed: "đ", "dd" (Telex for đ), or a plain letter, in either case.
_L = r"((?i:dd|đ|[abcdeghik]))"
# Roman part numbers stay upper-case: "vi", "x" are ordinary words.
_ROM = r"(IV|IX|VI{0,3}|X|I{1,3}|V)"
_OF = r"(?i:\s*,?\s*(?:của\s+|cua\s+|of\s+|thuộc\s+|thuoc\s+)?)"
_ITEM_WORD = r"(?i:khoản|khoan|mục|muc|item|task|nhiệm vụ|nhiem vu|nv|hoạt động|hoat dong|hđ|hd|activity)"
_PART_WORD = r"(?i:mục|muc|phần|phan|part|section)"
_REF_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # C.II.3, Đ.2 in a plan whose parts are lettered
    (re.compile(r"(?<![\w.])(Đ|[A-E])\.(?:" + _ROM + r"\.)?(\d{1,2})(?:\.?" + _L + r")?(?![\w.])"), "Lrn"),
    # IV.3 điểm đ: a point named after its item
    (re.compile(r"(?<![\w.])" + _ROM + r"\s*[.\s]\s*(\d{1,2})\s*,?\s*(?i:điểm|diem|point|letter)\s+" + _L + r"(?!\w)"), "rnl"),
    # mục iv.3 điểm dd, phan iii.2.b: a part typed in small letters after the word for one
    (re.compile(_PART_WORD + r"\s+(iv|ix|vi{0,3}|x|i{1,3}|v)\s*[.]\s*(\d{1,2})(?:\s*(?:[.]|,?\s*(?i:điểm|diem|point)\s+)\s*"
                + _L + r")?(?!\w)"), "rnl"),
    # III.6.đ, III 6 đ, III.6đ, III.6
    (re.compile(r"(?<![\w.])" + _ROM + r"\s*[.\s]\s*(\d{1,2})(?:\s*[.\s]?\s*" + _L + r")?(?!\w)"), "rnl"),
    # điểm a khoản 2 mục II / diem a khoan 2 muc II
    (re.compile(r"(?i:điểm|diem|point)\s+" + _L + _OF + _ITEM_WORD + r"\s+(\d{1,2})"
                r"(?:" + _OF + _PART_WORD + r"\s+" + _ROM + r")?(?!\w)"), "lnr"),
    # khoản 2 mục II / item 1 of part I
    (re.compile(_ITEM_WORD + r"\s+(\d{1,2})" + _OF + _PART_WORD + r"\s+" + _ROM + r"(?![\w.])"), "nr"),
    # "nv số 2 phần 3", "task 2 of part 3": a part by its arabic number, as staff type it
    (re.compile(_ITEM_WORD + r"\s+(?i:số\s+|so\s+)?(\d{1,2})" + _OF + r"(?i:phần|phan|part)\s+([1-9])" + _NUMBER_END), "nR"),
    # mục 6 điểm đ / nhiệm vụ 6 điểm đ / task 6 point e
    (re.compile(_ITEM_WORD + r"\s+(\d{1,2})\s*,?\s*(?i:điểm|diem|point|letter)\s+" + _L + r"(?!\w)"), "nl"),
    # 2a phần II / 6đ mục III: a point and its part
    (re.compile(r"(?<![\w.,/])(\d{1,2})\s*[.]?\s*" + _L + _OF + _PART_WORD + r"\s+" + _ROM + r"(?![\w.])"), "nlr"),
    # 3.2b, 3.2.b: part 3 (III where parts are roman), item 2, point b, as staff type it
    (re.compile(r"(?<![\w.,/])([1-9])\s*\.\s*(\d{1,2})\s*\.?\s*" + _L + r"(?!\w)"), "Rnl"),
    # 6đ, 6 đ, 6.đ, 6dd, task 6d
    (re.compile(r"(?<![\w.,/])(\d{1,2})\s*[.]?\s*" + _L + r"(?!\w)"), "nl"),
    # phần Đ mục 9 / phan dd muc 9 / part D item 9 / mục 9 phần Đ, in a plan whose parts are lettered
    (re.compile(r"(?i:phần|phan|part)\s+(dd|đ|Đ|[A-Ea-e])\s*[,—–-]?\s*" + _ITEM_WORD + r"\s+(\d{1,2})" + _NUMBER_END), "Ln"),
    (re.compile(_ITEM_WORD + r"\s+(\d{1,2})" + _OF + r"(?i:phần|phan|part)\s+(dd|đ|Đ|[A-Ea-e])(?![\w.])"), "nL"),
    # part IV item 2 / phần IV mục 2
    (re.compile(_PART_WORD + r"\s+(?i:" + _ROM + r")\s*[,—–-]?\s*" + _ITEM_WORD + r"\s+(\d{1,2})" + _NUMBER_END), "rn"),
    # part IV / phần IV / mục IV
    (re.compile(_PART_WORD + r"\s+" + _ROM + r"(?![\w.])"), "r"),
    # "phan 4 muc 2", "part 4 item 2": a part by its arabic number, then an item of it
    (re.compile(r"(?i:phần|phan|part)\s+([1-9])\s*[,—–-]?\s*" + _ITEM_WORD + r"\s+(\d{1,2})" + _NUMBER_END), "Rn"),
    # phần 1 / phan 2 / part 3: a part by its arabic number, where the plan numbers its parts in roman
    (re.compile(r"(?i:phần|phan|part)\s+([1-9])" + _NUMBER_END), "R"),
    # phan iv / muc iii, typed in small letters: a part the plan has
    (re.compile(_PART_WORD + r"\s+(iv|ix|vi{0,3}|x|i{1,3}|v)(?![\w.])"), "rl"),
    # nhiệm vụ 3 / task 7 / mục 3 (an item alone); a task's code as plans write it: "NV-03", "nv3", "HĐ-02"
    # "nhiệm vụ 2, 3 và 5", "tasks 4 and 6": each item of the list
    (re.compile(_ITEM_WORD + r"s?\s+((?:\d{1,2}\s*(?:,|;|&|(?i:và|va|and))\s*)+\d{1,2})" + _NUMBER_END), "nn"),
    (re.compile(_ITEM_WORD + r"(?:\s+|\s*-\s*|(?<=[vVđĐdD])(?=\d))(?i:số\s+|so\s+|no\.?\s*)?0*(\d{1,2})" + _NUMBER_END), "n"),
]
_GROUP_WORD = r"(?i:nhóm|nhom|group|mục|muc|phần|phan|part)"
_ROW_WORD = r"(?i:dòng|dong|row|hàng|hang|stt|tt|nhiệm vụ|nhiem vu|nv|task|mục|muc|số|so)"
_APPENDIX_WORD = r"(?i:phụ lục|phu luc|appendix|annex|pl)"
# References of layouts other than lettered points, tried first: appendix rows, articles, 1.2-style items.
_OTHER_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # dòng 3 nhóm II (phụ lục) / task 3 in group II / row 3 of group II
    (re.compile(_ROW_WORD + r"\s+(\d{1,2})\s*,?\s*(?i:của|cua|of|in|thuộc|thuoc|trong)?\s*" + _GROUP_WORD + r"\s+" + _ROM
                + r"(?!\w|\.\w)"), "ng"),  # "nhóm II. Ứng phó": the group's numeral, then its title
    # "nv 3 nhóm 2": a group numbered in figures as staff type it
    (re.compile(_ROW_WORD + r"\s+(\d{1,2})\s*,?\s*(?i:của|cua|of|in|thuộc|thuoc|trong)?\s*(?i:nhóm|nhom|group)\s+([1-9])" + _NUMBER_END), "ngA"),
    # II.3 phụ lục / nhiệm vụ II.3 của phụ lục / appendix II.3 / phụ lục II.3
    (re.compile(_ROM + r"\s*[.]\s*(\d{1,2})\s*(?:(?i:của|cua|in|of|trong|thuộc|thuoc)\s+)?(?:the\s+)?" + _APPENDIX_WORD), "gn"),
    (re.compile(_APPENDIX_WORD + r"\s*[,:]?\s*(?:(?i:dòng|dong|row|nhiệm vụ|nhiem vu|task|mục|muc)\s+)?" + _ROM + r"\s*[.]\s*(\d{1,2})(?![\w.])"), "gn"),
    # dòng 7 phụ lục / row 7 of the appendix
    (re.compile(_ROW_WORD + r"\s+(\d{1,2})\s*(?:(?i:của|cua|in|of|trong|thuộc|thuoc)\s+)?(?:the\s+)?" + _APPENDIX_WORD), "a"),
    # nhóm II (phụ lục) / group II of the appendix: a group of appendix rows
    (re.compile(r"(?i:nhóm|nhom|group)\s+(?i:" + _ROM + r")(?![\w.])"), "g"),
    # nhóm B / group C: a group of a part's items lettered in Vietnamese order ("B. Nhóm giải pháp về …")
    (re.compile(r"(?i:nhóm|nhom|group)\s+(?:(?i:giải pháp|giai phap|nhiệm vụ|nhiem vu)\s+)?(Đ|đ|dd|[A-Ea-e])(?![\w.])"), "gL"),
    # nhóm 3 / group 3: an item of the tasks part numbered so that holds numbered tasks ("### 3. Ứng dụng …" over
    # "1. …", "2. …")
    (re.compile(r"(?i:nhóm|nhom|group)\s+(\d{1,2})" + _NUMBER_END), "gN"),
    # giai đoạn 2 / phase 2 / đợt 1: a group of items under a heading that says so ("### Giai đoạn 2 (Quý III - …)")
    (re.compile(r"(?i:giai đoạn|giai doan|gđ|gd|phase|stage|đợt|dot)\s*(\d{1,2})(?![\d.,/])"), "phase"),
    # Điều 2 / article 2
    (re.compile(r"(?i:điều|dieu|article)\s+(\d{1,2})(?!\w)"), "d"),
    # nhiệm vụ 2.3 / mục 1.2 / task 4.1 / 2.3 (never a decimal, a date or 1.500)
    (re.compile(r"(?<![\w.,/])(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?(?![\w/]|[.,]\d)"), "dot"),
]


class Ids(frozenset[str]):
    """A plan's section ids, and the parts whose role is its tasks ("III"; "C" in a plan lettered A … Đ): a
    reference that names no part ("nv 8", "6đ") is read in those first; "mục tiêu 2b", "chỉ tiêu 3" in the
    parts that set its objectives and targets (`aims`)."""

    tasks: frozenset[str]
    aims: frozenset[str]
    groups: tuple[tuple[str, str], ...]  # (title, id) of each group of items ("Giai đoạn 2 (…)", "III.G2")
    led: frozenset[str]  # the units the plan gives a lead: what "nv 7" means where its tasks are table rows

    def __new__(cls, ids: Iterable[str], tasks: Iterable[str] = (), aims: Iterable[str] = (),
                groups: Iterable[tuple[str, str]] = (), led: Iterable[str] = ()) -> Ids:
        made = super().__new__(cls, ids)
        made.tasks, made.aims, made.groups, made.led = frozenset(tasks), frozenset(aims), tuple(groups), frozenset(led)
        return made


# A reference said to be a task's: "nv I.3", "nhiệm vụ I.2", "task I.2".
_TASK_WORD = re.compile(r"(?i:nhiệm vụ|nhiem vu|nv|task|hoạt động|hoat dong)\s*(?:số\s+|so\s+)?$")
# A reference that says it is a task's: "nv 7", "nhiệm vụ số 7", "task 7", "hoạt động 7".
_TASK_NAMED = re.compile(r"(?i:nhiệm vụ|nhiem vu|nv|task|hoạt động|hoat dong|hđ|hd|activity)(?![^\W\d_])")
# A reference said to be a target's: "mục tiêu 2b", "chỉ tiêu 3", "target 2.1".
_AIM = re.compile(r"(?i:mục tiêu|muc tieu|chỉ tiêu|chi tieu|targets?|objectives?)\s*(?:số\s+|so\s+)?$")


# What a phase is called in a plan's headings, as a question may call it: "phase 2", "gđ 2" are its "giai đoạn 2".
_PHASE_WORDS = {"phase": "giai doan", "stage": "giai doan", "gd": "giai doan"}


def _aim_part(known: Set[str], rest: str) -> str:
    """The part of objectives or targets that holds a unit, where exactly one does; "" else."""
    parts = [p for p in getattr(known, "aims", ()) if f"{p}.{rest}" in known]
    return parts[0] if len(parts) == 1 else ""


def _task_part(known: Set[str], rest: str) -> str:
    """The part a reference without one ("6đ", "2.3") means: the part that holds that unit; where
    several do, the one with the most numbered sub-units (the tasks part), never a fixed numeral."""
    # "nv 8" of a plan lettered A … Đ is C.8, when C is its tasks part; "Đ.2" is no task of it.
    tasks_parts: frozenset[str] = getattr(known, "tasks", frozenset())
    parts = [p for p in (*ROMAN, *(x for x in LETTER_PARTS if x in tasks_parts)) if f"{p}.{rest}" in known]
    tasks = [p for p in parts if p in tasks_parts]
    if len(parts) == 1 or len(tasks) == 1:
        return (tasks or parts)[0]
    pool = parts or [p for p in ROMAN if p in known]
    if not pool:
        return ROMAN[0]
    order = (*ROMAN, *LETTER_PARTS)
    return max(pool, key=lambda p: (sum(1 for k in known if k.startswith(p + ".") and k.count(".") >= 2), order.index(p)))


def _lettered(known: Set[str], sid: str) -> str:
    """A reference in a plan whose parts are lettered ("A.", "B.", "C." with roman sections): "II.3" is
    the "C.II.3" it ends, or where several parts have it, the one in the part with the most numbered
    sub-units (the tasks part); "C.II.3" typed whole is itself."""
    ends = [k for k in known if k.endswith("." + sid) and k.split(".")[0] in LETTER_PARTS]
    if len(ends) <= 1:
        return ends[0] if ends else sid
    return max(ends, key=lambda k: sum(1 for x in known if x.startswith(k.split(".")[0] + ".") and x.count(".") >= 2))


def _letter(s: str) -> str:
    s = s.lower()
    return "đ" if s in {"dd", "đ"} else s


def added_only(text: str, ref: Reference) -> bool:
    """The question names the section as one more place to count, not as the one to search: "kể cả 6đ", "(6đ nhà ở
    cũng tính)", "section 6đ included" (lexicon.toml [lists] including, included_after)."""
    folded = fold(text)
    at = folded.find(fold(ref.text))
    if at < 0:
        return False
    before = " ".join(folded[:at].split()[-3:])
    after = " ".join(re.findall(r"\w+", folded[at + len(ref.text):])[:5])
    return ((phrases("including").found(f" {before} ") and not re.search(r"[,.;:()]\s*$", folded[:at]))
            or phrases("included_after").found(f" {after} "))


def find_refs(text: str, known: Set[str]) -> tuple[Reference, ...]:
    """Section references in a question, resolved against the plan's section ids."""
    return _refs(text, known)[0]


def missing_refs(text: str, known: Set[str]) -> tuple[str, ...]:
    """References to sections the plan does not have ("9a", "6g", "part V", "II.2.d")."""
    return _refs(text, known)[1]


# "điểm d và điểm đ khoản 6 mục III", "điểm a, b, c khoản 4": several points of one item.
_POINTS = re.compile(
    r"(?i:điểm|diem|points?)\s+(?P<letters>" + _L + r"(?:\s*(?:,|và|va|and|or|hoặc|hoac)\s*(?:(?i:điểm|diem|point)\s+)?"
    + _L + r")+)" + _OF + _ITEM_WORD + r"\s+(?P<item>\d{1,2})(?:" + _OF + _PART_WORD + r"\s+(?P<part>" + _ROM + r"))?(?!\w)"
)


def _refs(text: str, known: Set[str]) -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    # A question is read several times (its library, each plan it goes to, find_refs and missing_refs).
    if isinstance(known, Ids):  # Ids with the same ids but other task parts are other keys
        return _refs_read(text, known, known.tasks, known.aims, known.led)
    return _read_refs(text, known)


@functools.lru_cache(maxsize=512)
def _refs_read(text: str, known: Ids, tasks: frozenset[str], aims: frozenset[str],
               led: frozenset[str]) -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    return _read_refs(text, known)


# Hours typed as a number and "h" after a word of time ("trong 24h sau sinh", "within 48h"): no point h.
_HOURS = re.compile(r"(?i)(?<![\w])(?:trong|sau|trước|truoc|vòng|vong|lúc|luc|khoảng|khoang|within|after|before)"
                    r"\s+(?:vòng\s+|vong\s+)?(\d{1,2}\s*h)(?!\w)")


# A month, quarter or day by its number ("tháng 10 à", "quý 3", "ngày 15"): a time, no item (its letter after it, "à"
# typed "a", no point).
_TIMED = re.compile(r"(?i)(?<![\w])(?:tháng|thang|quý|quy|ngày|ngay|month|quarter)\s+(\d{1,2})(?![\d/.])")


def _hours_masked(text: str) -> str:
    """The text with each hour so typed blanked, and each month, quarter or day by its number, its length kept
    (references keep their offsets)."""
    text = _HOURS.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + " " * len(m.group(1)), text)
    return _TIMED.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + " " * len(m.group(1)), text)


# A roman part typed in small letters right before its item's number ("iii.6.c", "iv.2"): no word, a part.
_SMALL_ROMAN = re.compile(r"(?<![\w.])(iv|ix|vi{0,3}|x|i{1,3}|v)(?=\.\d)")


# A point written with its letter in brackets ("point 2(d)", "task 3 (b)"): the item's number and its letter, the
# brackets blanked (offsets kept).
_BRACKETED = re.compile(r"(?<![\w.])(\d{1,2})(\s*\()(" + _L + r")\)")


# A point of an item numbered with dots ("điểm b 3.2", "điểm b mục 3.1", "point c of 2.3"): the item's id and the
# letter, padded to the words' length (offsets kept).
_POINT_OF_NUMBERED = re.compile(r"(?i:điểm|diem|point)\s+(?P<letter>" + _L[1:-1] + r")\s+(?:(?i:của|cua|thuộc|thuoc|of)\s+)?"
                                r"(?:(?i:mục|muc|khoản|khoan|tiểu mục|tieu muc|item|section)\s+)?(?P<item>\d{1,2}(?:\.\d{1,2})+)(?![\w.])")


# "… chỉ tiêu 2030 (mục 2) và các nv": a bracket after the targets or tasks named says where they stand, naming no
# section to read alone.
_WHERE_GLOSS = re.compile(r"(?i)\b(?:chỉ tiêu|chi tieu|mục tiêu|muc tieu|nhiệm vụ|nhiem vu|nv|targets?|tasks?)\b[^()\n]{0,24}"
                          r"(\((?:mục|muc|phần|phan|part|section)\s+[\w.]+\))")


def _read_refs(text: str, known: Set[str]) -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    text = _WHERE_GLOSS.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + " " * len(m.group(1)), text)
    text = _SMALL_ROMAN.sub(lambda m: m.group(1).upper(), _hours_masked(text))
    text = _BRACKETED.sub(lambda m: m.group(1) + " " * (len(m.group(2)) - 1) + "." + m.group(3) + " ", text)
    text = _POINT_OF_NUMBERED.sub(lambda m: f"{m.group('item')}.{m.group('letter')}".ljust(len(m.group(0))), text)
    out: list[Reference] = []
    missing: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _POINTS.finditer(text):
        spans.append((m.start(), m.end()))
        for letter in re.findall(r"(?i)(?<![^\W\d_])(dd|đ|[abcdeghik])(?![^\W\d_])", m.group("letters")):
            rest = f"{m.group('item')}.{_letter(letter)}"
            sid = f"{m.group('part') or _task_part(known, rest)}.{rest}"
            if sid in known:
                out.append(Reference(sid, m.group(0)))
            else:
                missing.append(sid)
    def taken(m: re.Match[str]) -> bool:
        return any(m.start() < e and st < m.end() for st, e in spans)

    def record(sid: str, m: re.Match[str], keep_missing: bool = True) -> None:
        spans.append((m.start(), m.end()))
        sid = sid if sid in known else _lettered(known, sid)
        if sid in known:
            out.append(Reference(sid, m.group(0)))
        elif keep_missing:
            missing.append(sid)

    # A plan may have several appendices ("appendix", "appendix2"): a row is read in the one that has it.
    apps = sorted({k.split(".")[0] for k in known if k.startswith("appendix")}) or ["appendix"]
    has_articles = any(k.startswith("dieu.") for k in known)
    for pattern, shape in _OTHER_PATTERNS:
        for m in pattern.finditer(text):
            if taken(m):
                continue
            g = m.groups()
            # "điểm đ mục 2 phần I": item 2 of part I, where the plan has it, not row 2 of a group I.
            if shape == "ng" and re.search(r"(?i:mục|muc|phần|phan|part)\s+\S+$", m.group(0)) and f"{g[1]}.{g[0]}" in known:
                continue
            row = (f"{g[1]}.{g[0]}" if shape == "ng" else f"{ROMAN[int(g[1]) - 1]}.{g[0]}" if shape == "ngA"
                   else f"{g[0]}.{g[1]}" if shape == "gn" else g[0] if shape == "a" else g[0].upper() if shape == "g" else "")
            if row:
                app = next((a for a in apps if f"{a}.{row}" in known), apps[0])
                sid = f"{app}.{row}"
            elif shape == "phase":  # the one group whose heading says that phase ("Giai đoạn 2 (…)"), else none
                head = re.sub(r"\s*\d+$", "", fold(m.group(0)))
                said = f"{_PHASE_WORDS.get(head, head)} {g[0]}"
                named = [sid for title, sid in getattr(known, "groups", ()) if re.match(re.escape(said) + r"\b", fold(title))]
                if len(named) != 1:
                    continue
                sid = named[0]
            elif shape == "gL":  # the one group of that letter the plan has ("III.B"), else none
                letter = "Đ" if g[0].lower() in {"dd", "đ"} else g[0].upper()
                groups = [k for k in known if k.endswith(f".{letter}") and k.count(".") == 1 and not k.startswith("appendix")]
                if len(groups) != 1:
                    continue
                sid = groups[0]
            elif shape == "gN":  # the item that holds tasks numbered under it, else none
                sid = f"{_task_part(known, g[0])}.{g[0]}"
                if f"{sid}.1" not in known:
                    # "nhóm 4 phụ lục": the appendix's group IV, where the appendix numbers its groups in roman
                    n = int(g[0])
                    roman = next((f"{a}.{ROMAN[n - 1]}" for a in apps if 0 < n <= len(ROMAN) and f"{a}.{ROMAN[n - 1]}" in known), "")
                    if not roman:
                        continue
                    sid = roman
            elif shape == "d":
                sid = f"dieu.{g[0]}"
            else:
                rest = ".".join(x for x in g if x)
                # A plan whose parts are numbered 1., 2., 3. names its units "3.2.1" whole, and their points "3.2.b".
                point = re.match(r"\s*\.?\s*" + _L + r"(?![^\W\d_])", text[m.end():])
                if point and f"{rest}.{_letter(point.group(1))}" in known and rest.split(".")[0] in known:
                    rest = f"{rest}.{_letter(point.group(1))}"
                sid = rest if rest in known and rest.split(".")[0] in known else f"{_task_part(known, rest)}.{rest}"
            # A table in a part numbers its rows under the part ("III.II.3"), not under an appendix.
            if shape in {"ng", "ngA", "gn", "g"} and sid not in known:
                tail = f".{row}"
                inside = [k for k in known if k.endswith(tail) and not k.startswith("appendix")]
                sid = inside[0] if len(inside) == 1 else sid
            # Only a unit the plan has is read this way: "mục 3 phần III" is item III.3 where the plan
            # has no appendix group III, and "2.5" may be a figure; a missing article is still named.
            if sid in known or (shape == "d" and has_articles):
                record(sid, m)
    for pattern, shape in _REF_PATTERNS:
        for m in pattern.finditer(text):
            if taken(m):
                continue
            if re.search(r"(?i:trước|truoc|before|sau|after)\s*$", text[: m.start()]):
                continue  # "trước mục I" places the header, it asks nothing of part I
            g = m.groups()
            if shape == "Lrn":
                sid = ".".join(x for x in (g[0], g[1], g[2]) if x) + (f".{_letter(g[3])}" if g[3] else "")
                if sid not in known:
                    continue  # "D.1" in a plan without lettered parts is no reference
            elif shape in {"Ln", "nL"}:
                letter, number = (g[0], g[1]) if shape == "Ln" else (g[1], g[0])
                sid = f"{'Đ' if letter.lower() in {'dd', 'đ'} else letter.upper()}.{number}"
                if sid not in known:
                    continue  # "phần a mục 2" in a plan without lettered parts is no reference
            elif shape == "rnl":
                sid = f"{g[0].upper()}.{g[1]}" + (f".{_letter(g[2])}" if g[2] else "")
                # "nv I.3" where the tasks sit in an appendix grouped I, II, …: its row I.3, when part I has no
                # item 3, or one that is no task while the question says a task.
                row = next((f"{a}.{sid}" for a in apps if f"{a}.{sid}" in known), "") if not g[2] else ""
                tasky = bool(_TASK_WORD.search(text[: m.start()])) and g[0] not in getattr(known, "tasks", ())
                if row and (sid not in known or tasky):
                    sid = row
            elif shape == "lnr":
                rest = f"{g[1]}.{_letter(g[0])}"
                sid = f"{g[2] or _task_part(known, rest)}.{rest}"
            elif shape == "nl":
                rest = f"{g[0]}.{_letter(g[1])}"
                aim = _aim_part(known, rest) if _AIM.search(text[: m.start()]) else ""
                # A plan whose parts are numbered 1., 2., 3. names "mục 5 điểm d" "5.d" whole.
                whole = rest in known and rest.split(".")[0] in known and not any(f"{r}.{rest}" in known for r in ROMAN)
                sid = rest if whole and not aim else f"{aim or _task_part(known, rest)}.{rest}"
            elif shape == "nlr":
                sid = f"{g[2]}.{g[0]}.{_letter(g[1])}"
            elif shape == "nr":
                sid = f"{g[1]}.{g[0]}"
            elif shape == "Rnl":  # "3.2b": III.2.b where parts are roman, 3.2.b where the plan numbers them so
                part = ROMAN[int(g[0]) - 1]
                sid = f"{part if part in known else g[0]}.{g[1]}.{_letter(g[2])}"
                if sid not in known:
                    continue
            elif shape in {"nR", "Rn"}:  # part 3 is III where parts are roman, "3" where the plan numbers them so
                number, item = (g[1], g[0]) if shape == "nR" else (g[0], g[1])
                part = ROMAN[int(number) - 1]
                sid = f"{part if part in known else number}.{item}"
            elif shape == "rn":
                sid = f"{g[0].upper()}.{g[1]}"
            elif shape == "r":
                sid = g[0]
            elif shape == "rl":
                sid = g[0].upper()
                if sid not in known:
                    continue
            elif shape == "R":
                sid = ROMAN[int(g[0]) - 1]
                if sid not in known:
                    continue
            elif shape == "nn":
                for number in re.findall(r"\d{1,2}", g[0]):
                    record(f"{_task_part(known, number)}.{number}", m, keep_missing=False)
                continue
            else:
                sid = f"{_task_part(known, g[0])}.{g[0]}"
                # "nv 7" of a plan whose tasks are the rows of its appendix table ("7 | Thi công kè … | Chi cục
                # Thủy lợi |"): the row numbered 7, which a body leads, not an item 7 that no body does (a duty of
                # part IV, a solution of part III). "mục 7" is an item whatever it holds.
                led: frozenset[str] = getattr(known, "led", frozenset())
                rows = [f"{a}.{g[0]}" for a in apps if f"{a}.{g[0]}" in led]
                if rows and sid not in led and _TASK_NAMED.match(m.group(0)):
                    sid = rows[0]
            record(sid, m, keep_missing=shape != "n")
    # "nhiệm vụ 7 phần III" names III.7; the part is context, not a second reference.
    ids = [r.section for r in out] + missing
    kept = tuple(r for r in out if not any(o != r.section and o.startswith(r.section + ".") for o in ids))
    return kept, tuple(missing)


def mentions_missing_ref(text: str) -> bool:
    """True when the question names a task-like reference ("9a", "6g") the plan lacks."""
    # The letters of points as references read them (_L): "dưới 5t" is an age, no point t.
    return bool(re.search(r"(?<![\w.,/])\d{1,2}\s*[.]?\s*" + _L + r"(?!\w)", _hours_masked(text))) or bool(
        re.search(r"(?:phần|phan|part)\s+(V|VI|VII|VIII|IX|X)\b", text)
    )


_INTENT_WORDS = intent_words()  # phrasings of each intent live in lexicon.toml
# The units a plan divides its work into (lexicon.toml [units]), asked for several at once: after a quantifier
# ("every task", "all the items"), after "which"/"what" in the plural ("which Part III tasks", "which contents"), or
# before "nào" ("nội dung nào", "những giải pháp nào").
_UNITS_ASKED = re.compile(
    r"\b(?:every|all|each|any)\b(?:\s+[a-z]+){0,3}\s+(?:" + "|".join(list_words("units.en")) + r")\b"
    r"|\b(?:which|what)\b(?:\s+[a-z0-9.]+){0,3}\s+(?:" + "|".join(list_words("units.en_plural")) + r")\b"
    r"|\b(?:" + "|".join(list_words("units.vi")) + r")\s+nao\b")


_GENERIC_LEAD = generic_lead()
# Phrasings that say "lead" in so many words ("chủ trì", "leads"), not only "who" or "which agency".
_SPECIFIC_LEAD = Phrases(w for w in _INTENT_WORDS["lead"] if w.strip() not in _GENERIC_LEAD)
_INTENT_MATCHERS = {name: Phrases(words) for name, words in _INTENT_WORDS.items()}
_WHO_DOES = re.compile(r"\b(?:(?:co quan|don vi|so|ben) nao|ai) (?:se )?(?:thuc hien|lam|trien khai|dam nhan|dam nhiem|duoc giao|"
                       r"phu trach|chiu trach nhiem)\b"
                       # "giao cơ quan nào nghiên cứu …": the body handed the work
                       r"|\bgiao (?:cho )?(?:co quan|don vi|so|ben|ai) (?:nao )?"
                       r"|\bwho (?:will )?(?:carr(?:y|ies) out|implements?|does|do|(?:is|are) (?:assigned|responsible|in charge|tasked))\b"
                       # "who acts as investor", "who builds the toilets": "who" and a verb of its own, not of helping
                       r"|(?:^|[,;?]|\band) who (?!coordinat|supports|assists|helps|partners|works|cooperates|collaborates|signs|signed)"
                       r"[a-z]{3,}(?<!s)s\b"
                       # "which agency is to set up …", "which department must issue …": a body to do it
                       r"|\b(?:which|what) (?:agency|agencies|department|departments|body|bodies|unit|office) "
                       r"(?:is to|are to|will|must|should|has to|have to)\b")


# A document named by its number ("Kế hoạch số 27/KH-UBND", "QĐ 412", "plan no. 65"): naming, not asking
# for the number, so its words ("kế hoạch số") are no cue of a document question.
_NAMED_DOCUMENT = re.compile(r"\b(?:ke hoach|quyet dinh|qd|plan|decision)\s+(?:so\s+|no\.?\s*|number\s+)?\d+(?:\s*/\s*[\w-]+)?")


# "people who have completed …", "households who": "who" after a noun begins a relative clause and asks
# nothing. It asks where it begins the question or a clause, or follows a verb of asking or knowing
# ("tell me who", "do you know who") or a preposition ("and for the second, who").
_ASKING_WHO = re.compile(
    r"(?:^|[^\w\s]|\b(?:and|or|but|so|then|me|us|you|know|tell|ask|asking|asked|wonder|wondering|say|says|show|shows|"
    r"explain|check|confirm|specify|clarify|out|exactly|see|learn|understand|identify|indicate|decide|decides|"
    r"determine|on|about|as|to|is|was|clear|unclear|sure|precisely|also|else))\s*$")


def _relative_who(t: str) -> str:
    """The folded question with each relative "who" masked."""
    return re.sub(r"\bwho\b", lambda m: m.group(0) if _ASKING_WHO.search(t[:m.start()]) else "wh0", t)


def _asking(text: str) -> str:
    """The folded, spelled-out question that intents are read from, a document named by number and
    relative "who" masked."""
    t = _relative_who(_NAMED_DOCUMENT.sub(" ", spelled_out(text)))
    # "sơ kết giữa kỳ kế hoạch", "định kỳ ngày 20": "kỳ", a period, folds as "ký" does; after a word that makes it a
    # period it signs nothing ("ký kế hoạch", "ký ngày").
    t = re.sub(r"\b(giua|hoc|nhiem|cuoi|dau|thoi|moi|tung|dinh) ky (?=ke hoach|van ban|ngay|boi|ten|ban hanh)", r"\1 ky_ ", t)
    return " " + re.sub(r"\s+", " ", t).strip() + " "


def asking_spans(folded: str) -> list[re.Match[str]]:
    """Where a folded text uses a phrasing of any intent ("chu tri", "khi nao", "phoi hop")."""
    return [m for words in _INTENT_MATCHERS.values() if words.rx is not None for m in words.rx.finditer(folded)]


def names_lead(text: str) -> bool:
    """The question says "lead" in so many words, not only "who" or "which agency"."""
    t = _asking(text)
    return _SPECIFIC_LEAD.found(t)


# The document itself, named as such: "this plan", "the decision", "kế hoạch này", "văn bản".
_THE_DOCUMENT = re.compile(r"\b(?:(?:this|the)(?: [a-z]+){0,4}? (?:plan|decision|document)|ke hoach nay|quyet dinh nay|van ban nay|"
                           r"quyet dinh ban hanh|the plan s|its basis)\b")
# "which Prime Minister's decision is it implementing", "nghị quyết nào": a document is what is asked.
_WHICH_DOCUMENT = re.compile(r"\b(?:which|what)(?: [\w'-]+){0,3}? (?:decisions?|resolutions?|documents?|directives?|laws?|action programmes?|"
                             r"schemes?)\b|\b(?:quyet dinh|nghi quyet|van ban|chi thi|luat|chuong trinh hanh dong|de an) (?:nao|gi)\b"
                             # "để thực hiện kế hoạch nào của tỉnh", "implementing which provincial plan": the plan it carries out
                             r"|\b(?:thuc hien|trien khai|cu the hoa) (?:\w+ ){0,2}?ke hoach (?:nao|gi)\b"
                             r"|\bimplement(?:s|ing)? (?:which|what)(?: [\w'-]+){0,2}? plans?\b")
# A number that is a figure: of something other than the document ("a number for the doctors"), or the plan's aim
# ("which number the plan wants").
_NUMBER_OF_ELSE = re.compile(r"\b(?:a|any|which) number (?:for|on|about) (?!(?:the |this |that |its )?(?:plan|decision|document)\b)"
                             r"|\bnumber (?:for|on|about) (?!(?:the |this |that |its )?(?:plan|decision|document)\b)"
                             r"|\b(?:which|what) number (?:the|this) (?:plan|decision) (?:wants|sets|aims|expects|targets)\b")
# The facts of a document that its number, its issuer, its bases … are.
_DOCUMENT_FACTS = ("number", "proposal", "grounds", "issuer", "signs", "title", "force", "replaces")  # "gửi báo cáo" sends no plan


# A question's subject asking who, then a verb of helping: "which agencies support …", "who will assist …".
_WHO_HELPS = re.compile(r"\b(?:who|which (?:other |else )?(?:agenc|department|bod|organi[sz]ation|unit)\w*)(?: (?:will|would|must|should|also|else|can))?"
                        r"(?: (?:is|are) (?:expected|asked|supposed|assigned|tasked|named|listed|designated) to| (?:is|are|be)(?= \w+ing\b))? "
                        r"(?:support|supports|supporting|help|helps|helping|assist|assists|assisting)\b"
                        # "does the Department of Health get help from anyone on …", "is it helped by anybody"
                        r"|\b(?:gets?|getting|receives?|has|have)\s+(?:any\s+)?(?:help|support|assistance)\s+from\b"
                        r"|\b(?:helped|supported|assisted)\s+by\s+(?:any|some|other|whom|who)")


# "những đơn vị nào tham gia", "ai cùng tham gia": who takes part beside the lead ("tỷ lệ tham gia bảo hiểm" is a topic).
_WHO_JOINS = re.compile(r"\b(?:(?:co quan|don vi|so|ben|to chuc) nao|ai)\s+(?:cung\s+|se\s+)?tham gia\b")


def asks_document(text: str, asking: str = "") -> bool:
    """True for a question asking which document a plan carries out ("kế hoạch triển khai quyết định nào") or
    replaces ("thay thế quyết định nào");
    `asking` is _asking(text) where the caller has it."""
    return bool(_WHICH_DOCUMENT.search(asking or _asking(text))) and (says(text, "facts.implements") or says(text, "facts.replaces"))


_BARE_TIME = {"han", "tg", "thoi gian", "thoi han", "deadline", "timeline"}
# "hạn" as the noun of a deadline (no "hạn chế", "hạn mức"): with a verb of doing, of a task, or asked outright; a
# day, month or year of completing.
_DEADLINE_SAID = re.compile(r"\bhan (?:thuc hien|hoan thanh|nop|gui|bao cao|trien khai|cua (?:nhiem vu|nv|viec|hoat dong)"
                            r"|(?:la )?(?:the nao|khi nao|la gi|ra sao|bao gio))\b|\b(?:nam|ngay|thang|thoi diem) hoan thanh\b")


def _bare_document_facts(asking: str) -> bool:
    """True when the question lists two or more of a document's facts each named bare ("number, date, issuing body"),
    after a heading of its own at most ("Doc ref – …"): pieces of at most three words, each all one fact, and not
    only dates, which a task has too."""
    kinds = set()
    pieces = [p.strip() for p in re.split(r"[,;:?!()]|\s[-–—]\s|\b(?:and|va)\b", asking) if p.strip()]
    for n, piece in enumerate(pieces):
        kind = next((k for k in ("when", *_DOCUMENT_FACTS) if says(piece, f"facts.{k}")), None) \
            if len(piece.split()) <= 3 else None
        if kind is None and n > 0:
            return False
        kinds |= {kind} - {None}
    return len(kinds) >= 2 and kinds != {"when"}


# English determiners, which second-language English drops or changes ("What is number of this plan").
_DETERMINER = re.compile(r"\b(?:the|this|that|these|those|a|an)\s+")


@functools.cache
def _bare_matchers() -> dict[str, Phrases]:
    """Each intent's English phrasings written with a determiner ("number of the plan", "when was the plan"), without
    it. A phrasing is English where a word of it is no Vietnamese syllable ("nhu the nao" is Vietnamese: left alone)."""
    out = {}
    for name, words in _INTENT_WORDS.items():
        bare = [_DETERMINER.sub("", w) for w in words
                if _DETERMINER.search(w + " ") and any(not _VI_SYLLABLE.match(x) for x in re.findall(r"[a-z]+", w))]
        bare = [b for b in bare if len(b.split()) >= 2]
        if bare:
            out[name] = Phrases(bare)
    return out


# The verbs of each role, and a role said not to be asked ("not lead", "chứ không chủ trì").
_ROLE_VERBS = {"lead": r"lead|leads|leading|led|chu tri", "coordinate": r"support|supports|supporting|assist|assists|coordinate|phoi hop"}
_ROLE_VERB = {role: re.compile(rf"\b(?:{v})\b") for role, v in _ROLE_VERBS.items()}
_NOT_ROLE = {role: re.compile(rf"\b(?:not|rather than|instead of|chu khong(?: phai)?|khong phai|khong|ko)\s+(?:as\s+)?(?:the\s+|a\s+)?(?:{v})\b")
             for role, v in _ROLE_VERBS.items()}


def _asked_part(text: str) -> str:
    """The question less the sentences before it in which the asker speaks of themselves ("Good afternoon. I am working
    with a health-systems project. According to the plan, how many hospital beds …?": the last sentence asks)."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    selves = tuple(f"{w} " for w in list_words("asker_self"))

    def of_self(sentence: str) -> bool:
        return (" ".join(re.findall(r"[a-z0-9]+", fold(sentence))) + " ").startswith(selves)
    return " ".join(s for n, s in enumerate(sentences) if n == len(sentences) - 1 or s.endswith("?") or not of_self(s))


_AUXILIARY = re.compile(r"^(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have|had|may|might|must)\b")


_ASKER = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in list_words("asker_self")) + r")\b")


def asking_part(text: str) -> str:
    """The question less the statements that open it ("VBSP doesn't seem to be named anywhere. Where does the plan
    address policy credit …?": what the asker says before asking is no name asked about); the whole when it states
    nothing first."""
    # "For my labour-market brief: what unemployment rate …": the asker's own words before a colon are a statement too.
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|(?<=:)\s+", text.strip()) if s]

    def states(sentence: str) -> bool:
        if sentence.rstrip().endswith(":") and not _ASKER.search(fold(sentence)):
            return False  # "Về chính sách X: ai chủ trì": the preface names the topic asked of
        said = " ".join(re.findall(r"[a-z0-9]+", fold(sentence)))
        return not sentence.rstrip().endswith("?") and not _WH_FOLDED.search(f" {said} ") and not _AUXILIARY.match(said) \
            and not re.search(r"\b(?:khong|ko|chua|k|hay|or not)$", said)
    n = 0
    while n < len(sentences) - 1 and states(sentences[n]):
        n += 1
    return " ".join(sentences[n:])


@functools.cache
def _given_signer() -> re.Pattern[str]:
    """A plan named by its signer: "the plan signed by (Vice-Chairwoman) Hoàng Thị Mai Lan", a name in capitals after
    "signed by" that follows the word for the document."""
    titles = "|".join(re.escape(w) for w in sorted(list_words("honorifics"), key=len, reverse=True))
    return re.compile(rf"\b((?i:plan|decision|document|programme))\s+(?i:signed|issued)\s+by\s+(?:(?i:{titles})\s+)*"
                      r"[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*)+")


def detect_intents(text: str, en: bool = False) -> tuple[str, ...]:
    # "In the plan signed by Vice-Chairwoman Dinh Thi Thu Hang, how is the funding split?": a signer the question gives
    # to name the plan is no signer asked ("Was the plan signed by …?" asks: the document is not before it).
    if not re.search(r"\b(?:was|is|were)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,4}?(?:plan|decision|document|programme)\s+"
                     r"(?:signed|issued)\b", text, re.IGNORECASE):
        text = _given_signer().sub(r"\1", text)
    # "I am working with a health-systems project. … how many hospital beds …?": the asker's words about themselves
    # ask nothing ("working with" is no partner asked for), where the sentences that ask say what they ask; "We assume
    # the Department … leads … Is that correct?" says it in the sentence before.
    asked = _asked_part(text)
    if asked != text and (found := _intents(asked, en)) != ("content",):
        return found
    return _intents(text, en)


_WHO_FUNDS = re.compile(r"\b(?:who|which (?:body|agency|agencies|department|source))\s+(?:will\s+|is to\s+)?"
                        r"(?:funds?|finances?|pays?(?: for)?|bears? the costs?|covers? the costs?)\b")


# A telephone line asked for by its number ("số đường dây nóng … là số mấy", "the hotline number"): the number is the
# line's, no document's.
_LINE = re.compile(r"\b(?:duong day nong|so dien thoai|dien thoai|sdt|so dt|hotline|phone|telephone)\b")


# … of this document, not of another one it names ("when was that decision issued", "the resolution").
_OTHER_DOCUMENT = r"(?!(?:decisions?|resolutions?|decrees?|laws?|circulars?|directives?|submissions?|programmes?)\b)"
_WHEN_ISSUED = re.compile(rf"\bwhen\s+(?:was|were|did)\b(?:\s+{_OTHER_DOCUMENT}[\w'-]+){{0,4}}?\s+(?:issue|sign|adopt|promulgate|release)d?\b"
                          rf"|\bwhen\s+did\b(?:\s+{_OTHER_DOCUMENT}[\w'-]+){{0,4}}?\s+(?:come|put) out\b")


def _intents(text: str, en: bool = False) -> tuple[str, ...]:
    t = _asking(text)
    if _LINE.search(t):
        t = re.sub(r"\bso (?:may|bao nhieu)\b|\b(?:what |which )?number\b", " ", t)
    found = [name for name, words in _INTENT_MATCHERS.items() if words.found(t)]
    if en:  # "What is number of this plan and which date it was issued": the phrasings, their determiners aside
        bare = _DETERMINER.sub("", t)
        found += [name for name, words in _bare_matchers().items() if name not in found and words.found(bare)]
    # "when was this thing issued", "when was it signed": whatever the words between name, a date of the document.
    if en and "meta" not in found and _WHEN_ISSUED.search(t):
        found.append("meta")
    # "how long do people live": life expectancy, not a task's duration.
    if "timeline" in found and re.search(r"\bhow long\b(\s+\w+){0,8}\s+(live|living)\b", t):
        found.remove("timeline")
    # "which agencies support the Provincial Military Command": who helps another body asks for its partners.
    if "coordinate" not in found and (_WHO_HELPS.search(t) or _WHO_JOINS.search(t)):
        found.append("coordinate")
    # "who coordinates …": the question word asks for the coordinators, not the lead.
    # "who signed it", "ai ký kế hoạch": the question word asks for the signer, no task's lead.
    if "lead" in found and "meta" in found and not _SPECIFIC_LEAD.found(t) and says(text, "facts.signs"):
        found.remove("lead")
    # "do đơn vị nào thực hiện, hạn hoàn thành khi nào", "ai thực hiện, ai phối hợp": the question word with a
    # verb of doing asks who does it, beside whatever else is asked.
    if "lead" in found and ({"coordinate", "timeline"} & set(found)):
        if not _SPECIFIC_LEAD.found(t) and not _WHO_DOES.search(t):
            found.remove("lead")
    # "which tasks does it support (not lead)", "phối hợp chứ không chủ trì": a role said not to be asked is not.
    for role, other in (("lead", "coordinate"), ("coordinate", "lead")):
        if role in found and _NOT_ROLE[role].search(t) and _ROLE_VERB[other].search(t):
            found.remove(role)
            found += [other] if other not in found else []
    # "ai ct, ai ph, hạn": a field named bare among the things a question lists asks for it.
    if "timeline" not in found and any(c.strip() in _BARE_TIME for c in re.split(r"[,;?]|\bva\b", t)):
        found.append("timeline")
    # "hạn thực hiện thế nào", "có đặt năm hoàn thành không": "hạn" the noun of a deadline, a time of completing.
    if "timeline" not in found and _DEADLINE_SAID.search(t):
        found.append("timeline")
    # "Who proposed the Giang Son voluntary insurance plan", "who signed this plan": the question word asks for a fact
    # of the document, not a task's lead; so does "ai đề nghị ban hành kh 112" (the proposal phrasings are the
    # document's: "đề nghị Sở …", the plan asking a body, is none of them).
    if "lead" in found and "meta" not in found and not {"coordinate", "timeline", "target", "aggregate"} & set(found) \
            and (_THE_DOCUMENT.search(t) or _NAMED_DOCUMENT.search(spelled_out(text))) and not _SPECIFIC_LEAD.found(t) \
            and any(says(text, f"facts.{k}") for k in ("proposal", "signs", "issuer")):
        found = [x for x in found if x != "lead"] + ["meta"]
    # "who funds the housing task", "who pays for it": the money asked, which the plan's clause on funding gives, not
    # the task's lead.
    if "lead" in found and _WHO_FUNDS.search(t):
        found = [x for x in found if x != "lead"]
    # "Doc ref – number, date, issuing body?", "so hieu, ngay ky, nguoi ky": facts of the document named bare, two or
    # more of them and not only a date, ask for the document's facts, as "ai ct, ai ph, hạn" asks for a task's.
    if "meta" not in found and _bare_document_facts(t):
        found = [x for x in found if x not in {"timeline", "lead"}] + ["meta"]
    # "What does DOLISA lead?": what a body leads or supports is a list of its tasks.
    if "aggregate" not in found and re.search(r"\bwhat (?:else |tasks |work )?(?:does|do|will|did) (?:[\w'&-]+ ){1,12}"
                                              r"(?:lead|co-?lead|coordinate|support|oversee|take charge of|in charge of)\b(?:\s+(?:on|in))?\s*\W*$", t):
        found.append("aggregate")
    # "every task where …", "all the items that …", "which contents does the Women's Union lead", "những nội dung
    # nào": a quantifier or a question word over the units a plan divides its work into asks for a list of them.
    if "aggregate" not in found and _UNITS_ASKED.search(t):
        found.append("aggregate")
    # "The plan has a number for the doctors or not?", "which number the plan wants": a number of something else, or
    # one the plan wants, is a figure, not the plan's own number.
    figured = bool(_NUMBER_OF_ELSE.search(t))
    facts = [k for k in _DOCUMENT_FACTS if not (k == "number" and figured)]
    if figured and "target" not in found:
        found.append("target")
    # "the number and date of the decision that issues this plan", "which legal documents does the plan cite
    # as its basis": a fact of a document asked of the document itself.
    if "meta" not in found and not {"lead", "coordinate", "timeline", "target", "aggregate"} & set(found) and _THE_DOCUMENT.search(t) \
            and any(says(text, f"facts.{k}") for k in facts):
        found.append("meta")
    # "which Prime Minister's decision is this plan implementing?": the document it implements.
    # "… and when was it adopted" asks that document's date, not a task's timeline.
    if "meta" not in found and not {"lead", "coordinate", "target", "aggregate"} & set(found) and asks_document(text, t):
        found = [x for x in found if x != "timeline"]
        found.append("meta")
    order = ["aggregate", "meta", "coordinate", "lead", "timeline", "target"]
    found.sort(key=order.index)
    return (*found, "content") if found else ("content",)


# -- phrasings that decide which answer a question gets -----------------------------------

# Tasks with more than one lead agency, or with at least N ("từ 3 cơ quan chủ trì trở lên").
_SHARED_LEAD = (" more than one ", " several lead", " multiple lead", " co led ", " jointly led ", " joint lead", " nhieu co quan ",
                " cung chu tri ", " dong chu tri ")
_COUNT = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "two": 2, "three": 3, "four": 4, "five": 5}
_AT_LEAST = re.compile(
    r"\b(?:tu|it nhat|toi thieu|at least|from)\s+(\d|hai|ba|bon|nam|two|three|four|five)\s+"
    r"(?:co quan|so|don vi|agencies|departments|lead)"
    r"|\b(\d|hai|ba|bon|two|three|four)\s+(?:co quan|so|don vi|agencies|departments)\s+(?:cung )?chu tri"
    r"|\bmore than (one|two|three|\d)\b"
    r"|\b(\d|hai|ba|bon|two|three|four)\s+(?:or more|hoac hon|tro len)\b"
    r"|\b(\d|two|three|four)\s+(?:joint |co-?)?(?:lead|leading)\s+(?:agencies|departments|bodies)"
)


_SOLE_LEAD = re.compile(r"\b((?:mot|1) minh|duy nhat|rieng minh|alone|solely|sole lead|single lead|by itself|on its own|"
                        r"khong co (so|co quan|don vi) nao cung chu tri|chi (co )?(mot|1) (co quan|so|don vi))\b")


def lead_count(folded: str) -> int | None:
    """How many lead agencies a question asks tasks to have: 1 for a sole lead, n >= 2 for
    at least n, None when it does not ask."""
    if re.search(r"\b(khong tinh|tru|excluding|not counting|except)\b(\s+\w+){0,6}\s+(mot minh|alone|solely)\b", folded):
        return 2  # "không tính các nhiệm vụ Sở một mình chủ trì": the shared ones
    # "chủ trì, đồng chủ trì hoặc phối hợp": co-leading listed beside leading is one way of leading among others.
    # "dù là chủ trì riêng, đồng chủ trì hay theo dõi": each way listed.
    if re.search(r"(?:\b(hoac|or|ke ca|ca|tinh ca|bao gom|including|va|and|lan|neu|if)\s+(\w+\s+){0,4}|\bchu tri(?:\s+\w+){0,2}\s*,?\s*)"
                 r"(dong chu tri|cung chu tri|chu tri chung|co ?led|co ?leads?|jointly|joint|shared)\b", folded):
        return None  # "chủ trì hoặc đồng chủ trì", "alone or jointly": every task it leads
    if _SOLE_LEAD.search(folded):
        # "nhiệm vụ nào chủ trì một mình, nhiệm vụ nào chủ trì cùng cơ quan khác": both asked, every task.
        # "…, ko chung voi so khac" (not jointly with another) says the same once more.
        if re.search(r"\b(cung|voi) (co quan|so|don vi)( \w+)? khac\b|\bwith (other|another) (agenc|department)", folded) \
                and not re.search(r"\b(ko|khong|k|not|chu khong)\s+(chung|cung|together|jointly)\b", folded):
            return None
        return 1
    m = _AT_LEAST.search(folded)
    if m:
        word = next(g for g in m.groups() if g)
        n = int(word) if word.isdigit() else _COUNT.get(word, 1 if word == "one" else 2)
        return max(2, n + 1 if m.group(3) else n)
    # "led jointly by", "jointly led", "co-led": however the words fall.
    shared = re.search(r"\b(jointly|co ?led|co ?leads?)\b", folded) and re.search(r"\b(lead|leads|led)\b", folded)
    return 2 if shared or any(w in folded for w in _SHARED_LEAD) else None


# A figure asked for outright.
_ASKS_FIGURE = re.compile(r"\b(bao nhieu|may (nguoi|ho|can|thang|nam|lan|phan tram|lao dong)|con so (?:\w+ ){0,2}nao|how many|how much|"
                          r"(?:a|any|which) number (?:for|on|about|the plan (?:wants|sets|aims|expects|targets))|"
                          r"what (share|percentage|proportion|number|total|amount)|what (?:[a-z]+(?:-[a-z]+)? ){1,2}(?:rate|share|percentage|proportion)|what (?:is|are) the (?:total|amount|number)\b)\b")
# Asking what the plan says about a topic, whatever words of roles the topic holds.
# "Does the plan name a specific donor …" asks whether it names one; "does the plan name the agency that …" a role.
_SAYS = re.compile(r"\b((does|do|did) (the )?(plan|document|ke hoach|kh)( \d+)? (say|mention|address|cover|talk|refer|cite|"
                   r"names? (a|an|any)\b)|"
                   r"ke hoach (co )?(noi|de cap|nhac)( gi| den| toi| ve)|co (noi|de cap|nhac) (gi|den|toi))\b")
# "kế hoạch có bao nhiêu nhiệm vụ", "list all tasks": the whole task table.
_ALL_TASKS = re.compile(r"\b(bao nhieu|may|tat ca|toan bo|how many|all|all the) (nhiem vu|tasks)\b")


def asks_figure(folded: str) -> bool:
    """"bao nhiêu", "how many": a figure asked for outright."""
    return bool(_ASKS_FIGURE.search(folded))


# "Which donors (ILO, KOICA …) does the plan name as funding tasks?": whether it names such, no role asked.
_NAMES_WHICH = re.compile(r"\b(which|what) [\w ,.()-]{0,80}(does|do) (the )?(plan|document) (name|list|cite)\b")
_ROLE_WORDS = re.compile(r"\b(lead|leads|leading|coordinat\w*|chu tri|phoi hop|agenc\w+|departments?|bod(y|ies))\b")


def counted_words(text: str) -> set[str]:
    """The word right after a count word, folded: "bao nhiêu đoàn" -> "doan", "how many km" -> "km"."""
    said = set(re.findall(r"\b(?:how many|bao nhieu|bn|may)\s+([a-z0-9/]+)", spelled_out(text.lower())))
    return said - set(list_words("particles"))  # "… là bao nhiêu ạ?" counts nothing


def asks_content(folded: str) -> bool:
    """"does the plan say anything about …": what it says, whatever role words the topic holds."""
    return bool(_SAYS.search(folded)) or (bool(_NAMES_WHICH.search(folded)) and not _ROLE_WORDS.search(folded))


def names_tasks(folded: str) -> bool:
    """"nhiệm vụ", "tasks": the question is about tasks, not about what the plan says."""
    return bool(re.search(r"\b(nhiem vu|nv|tasks?|items?|noi dung nao|nhung noi dung|which parts|which sections)\b", folded))


# Words that ask: two of them ask two things ("đơn vị nào chủ trì và chương trình tên là gì"). Without its
# marks "đâu" is "đầu" (đầu tư) and "mấy" is "máy": those are read only as typed with marks.
_WH = re.compile(r"(?<!\w)(gì|nào|bao nhiêu|mấy|đâu|ai|sao|what|which|who|whom|when|where|how)(?!\w)")
_WH_FOLDED = re.compile(r"\b(gi|nao|bao nhieu|ai|what|which|who|whom|when|where|how)\b")


# A yes/no question closes on "không?", "chưa?" ("… có thời hạn hoàn thành không? Còn …"): it asks too.
_YES_NO = re.compile(r"\b(?:khong|ko|chua)\s*\?")


def asks_two(text: str) -> bool:
    """The question asks two things, each with its own question word (or a yes/no question's "không?")."""
    closes = len(_YES_NO.findall(spelled_out(text)))
    if has_diacritics(text):
        return len(_WH.findall(tones(text).lower())) + closes >= 2
    return len(_WH_FOLDED.findall(" " + spelled_out(text) + " ")) + closes >= 2


def _asks(text: str) -> bool:
    """A part of a question asks something: a question word, or a yes/no question's close."""
    said = spelled_out(text)
    return bool(_WH_FOLDED.search(" " + said + " ") or _YES_NO.search(said + "?" if not said.rstrip().endswith("?") else said))


# Where a question's second question begins: ", và …", "; còn …", "; chỉ tiêu …", "? …".
_SECOND = re.compile(r"(?:[,;]\s*(?:(?:và|va|còn|con|and|also|while)\s+)|;\s+|\?\s+)(?=\S)", re.I)
_FURTHER = re.compile(_SECOND.pattern + r"|,\s*(?=\S)", re.I)
# A bare "và" parts a piece where each side asks by itself ("… chủ trì nhiệm vụ nào và phải báo cáo trước ngày
# nào"), not where it joins words ("UBND các xã và phường", "Sở Văn hóa, Thể thao và Du lịch").
_AND = re.compile(r"\s(?:và|va|and)\s+(?=\S)", re.I)
_ROLE_KINDS = frozenset({"lead", "coordinate", "timeline"})
# A second part that points back at the first ("… và nhiệm vụ này xong khi nào", "… and when must it be done")
# asks of the same topic.
_BACK = re.compile(r"\b(?:này|đó|ấy|nói trên|trên|it|its|this|that|these|those|they|them)\b", re.I)


# "người già (người cao tuổi)": a bracket of a few words, no figure, saying again what the words before it say.
_RESTATED = re.compile(r"\(\s*([^\W\d_]+(?:[ \-][^\W\d_]+){0,5})\s*\)")


def bracket_readings(text: str) -> list[str]:
    """The question as typed, then as it reads with each bracket of a few words put for as many words before it:
    "kh nhắc người già (người cao tuổi) ở mục nào" also reads "kh nhắc người cao tuổi ở mục nào". The bracket
    names the same thing in other words, which the plan may write where it writes none of the first."""
    out = [text]
    for m in _RESTATED.finditer(text):
        said = m.group(1).split()
        before = text[: m.start()].rstrip().split(" ")
        # How many words the bracket restates is not written: one reading for each count up to one more than its own.
        out += [" ".join(before[: len(before) - n] + said) + text[m.end() :] for n in range(1, min(len(said) + 1, len(before)) + 1)]
    return out


# A question's opening words before a colon that name its plan by the word for one ("Phuoc Son commune's 2026
# digital-transformation plan: who leads …", "kh 148 bao lam noxh: …").
_PREFACE = re.compile(r"\s*([^:?]{3,160}?)\s*:\s+(?=\S)")
# The word for the plan heads the opening ("Kế hoạch số 27/KH-UBND … về …", "theo kh 148 …") or, in English, ends
# it ("Phuoc Son commune's 2026 digital-transformation plan"); "Tóm tắt vai trò của Sở Nội vụ trong kế hoạch" asks.
_PLAN_WORD = re.compile(r"^(?:(?:theo|trong|tai|doi chieu|in|under|per|according to|for)\s+)?(?:the\s+)?"
                        r"(?:ke hoach|kh|quyet dinh|qd|plan|decision)\b"
                        r"|\b(?:plan|decision)(?:\s+(?:no\.?\s*)?\d\S*)?(?:\s*\([^)]*\))?$")
# In English the word may stand anywhere in an opening that names no unit inside the plan: "An Hoa ward plan 2026 on
# urban order, sanitation and civilised streets: who leads …", "In the Bao Lam social housing plan, who leads …"
# ("In the plan's section on housing, …" points inside it).
_PLAN_WORD_EN = re.compile(r"\b(?:plan|decision|programme|program)\b")
_UNIT_WORD_EN = re.compile(r"\b(?:tasks?|sections?|parts?|items?|points?|activit(?:y|ies)|appendix|annex|tables?|rows?|"
                           r"targets?|objectives?|goals?)\b")
# An English opening of that kind closed by a comma: "In/Under/For/According to … plan …, ".
_PREFACE_EN = re.compile(r"\s*((?:in|under|for|according to|per)\s+[^:,;?]{3,160}?)\s*,\s+(?=\S)", re.I)


# In English the words naming the plan may close the question: "under the Lam Dong Nam drowning prevention plan?" (a
# name of a word or more, no "of", "the" or "in" among them: "of the general objective of the plan" names no plan).
_CLOSING = re.compile(r"[,;]?\s+(?:under|in|of|from|according to|per|for)\s+the\s+(?:(?!(?:of|the|in)\b)[\w'’-]+\s+){1,8}?"
                      r"(?:plan|decision|programme|program)(?:\s+(?:no\.?\s*)?\d\S*)?(?=\s*[?.!]?\s*$)", re.I)


_INNER_NAMING = re.compile(r"\b(?:the|this)\s+(?:[A-Z][\w'’-]*\s+){1,4}(?:(?!(?:the|this|that|in|of|by|for|on|at|under|leads?|led)\b)"
                           r"[\w'’-]+\s+){0,4}?(?:plan|decision|programme|program)\b"
                           r"(?:\s+(?:no\.?\s*)?\d\S*)?")


def _own_words(text: str) -> list[str]:
    """A question's words, spelled out, that are no asking words: what it names of its own."""
    return [w for w in re.findall(r"[a-z]+", spelled_out(text)) if w not in intent_tokens() and len(w) > 1]


def without_naming(text: str, known: Set[str]) -> str:
    """The question without an opening that names the plan it asks of: "Phuoc Son commune's 2026
    digital-transformation plan: who leads the Level-2 e-ID task" asks "who leads the Level-2 e-ID task". Words that
    name the plan are words of its header, which a task's words are matched against in vain; the year such an opening
    gives is the plan's ("the 2026 festival plan: how much is the first prize"), no year a figure is asked for. An
    opening that asks, or that points inside the plan ("Kế hoạch 65, nhiệm vụ 6đ: …"), is the question's own."""
    closing = _CLOSING.search(text)
    if closing and len(_own_words(text[: closing.start()])) >= 3 and not find_refs(closing.group(0), known):
        # "… swim safely by 2027 under the Lam Dong Nam drowning prevention plan?": the words that name the plan
        # close the question; what it asks comes before them.
        return text[: closing.start()] + text[closing.end():]
    # "What coverage targets does the Bac Lieu Son urban flooding plan set for …": a place's name and the plan's
    # topic before the word for it, inside an English question, name it too.
    inner = _INNER_NAMING.search(text)
    if inner and detect_style(text) == "en" and not _UNIT_WORD_EN.search(inner.group(0)) \
            and len(_own_words(text[: inner.start()] + text[inner.end():])) >= 3:
        text = text[: inner.start()] + " the plan " + text[inner.end():]
    en = detect_style(text) == "en"
    m = _PREFACE.match(text) or (_PREFACE_EN.match(text) if en else None)
    if not m:
        return text
    preface, rest = m.group(1), text[m.end():]
    said = spelled_out(preface)
    names = _PLAN_WORD.search(said) or (en and _PLAN_WORD_EN.search(said) and not _UNIT_WORD_EN.search(said))
    # The rest must name a topic of its own: "Kế hoạch 65 về nhà ở cho người có công: ai chủ trì?" asks of the
    # opening's topic.
    if not names or _asks(preface) or find_refs(preface, known) or len(_own_words(rest)) < 3:
        return text
    return rest


@functools.cache
def _asking_phrases() -> tuple[re.Pattern[str], ...]:
    """Each asking phrase of the lexicon, compiled once, with the word for a task: the topic is what the task is
    about, and the figure is asked of no task."""
    asking = [bare_phrase(f) for fs in intent_words().values() for f in fs] + ["nhiem vu", "nv", "task", "tasks"]
    return tuple(re.compile(rf"(?<!\w){re.escape(phrase.strip())}(?!\w)") for phrase in dict.fromkeys(asking))


def part_topic(text: str) -> list[str]:
    """The words of a question's part outside its asking phrases ("do cơ quan nào chủ trì", "which unit is in charge
    of"), as typed; in English, without its function words. A reference in brackets ("(điểm a khoản 4 Mục III)") is
    no topic."""
    text = re.sub(r"\([^()]*\d[^()]*\)", " ", text)
    folded = fold(text)
    if len(folded) != len(text):  # folding keeps each letter's place; where it does not, the words are read whole
        folded = text.lower()
    mask = [False] * len(text)
    for rx in _asking_phrases():
        for m in rx.finditer(folded):
            mask[m.start():m.end()] = [True] * (m.end() - m.start())
    english = detect_style(text) == "en"
    return [m.group(0) for m in re.finditer(r"[^\W\d_]{2,}", text) if not any(mask[m.start():m.end()])
            and not (english and (m.group(0).lower() in _EN_WORDS or len(m.group(0)) < 3))]


def own_topic(text: str) -> list[str]:
    """The words a part of a question names a topic by: part_topic's, without function words of either language
    ("thời gian thực hiện được ghi thế nào" names none; "tầm nhìn hướng đến năm nào" names "nhìn", "hướng")."""
    return [w for w in part_topic(text) if fold(w).lower() not in _common_words()]


@functools.cache
def _common_words() -> frozenset[str]:
    """Function words of both languages and the words that ask, folded: no topic's."""
    import stopwordsiso

    return function_words() | intent_tokens() | frozenset(stopwordsiso.stopwords("en"))


class Parts(NamedTuple):
    """A question's two questions; `carried`: the second is asked with the first part's topic words."""

    first: str
    second: str
    carried: bool = False


def _carried(first: str, second: str) -> Parts:
    """The second part asked with the first part's topic words after it."""
    return Parts(first, f"{second} ({' '.join(part_topic(first))})", True)


def two_questions(text: str) -> Parts | None:
    """A question that asks two things of two topics ("bao nhiêu phần trăm lao động tham gia bảo hiểm xã hội, và cơ
    quan nào chủ trì nhiệm vụ triển khai Luật Bảo hiểm xã hội?"), as two questions; the words before a colon that
    opens it ("Về chính sách hỗ trợ Bà mẹ Việt Nam anh hùng: …") belong to both. Roles and timelines of one task
    ("ai chủ trì, và khi nào xong") are asked together, so are a document's facts ("when was it issued, and which
    programme does it implement"), and a second part without words of its own ("còn năm 2030?") refers to the
    first: none of them is parted."""
    if not asks_two(text):
        return None
    for m in _SECOND.finditer(text):
        first, second = text[: m.start()].strip(), text[m.end():].strip()
        if not (_asks(first) and _asks(second)):
            continue
        a, b = set(detect_intents(first)) - {"content"}, set(detect_intents(second)) - {"content"}
        preface = first.split(":", 1)[0] + ":" if ":" in first and len(first.split(":", 1)[0]) <= 160 else ""
        if not a or not b or "meta" in a | b:
            continue
        # A figure asked beside a task's roles ("which unit gives the birth dose, and what is the 2026 coverage target
        # for that dose"; "… do cơ quan nào chủ trì; chỉ tiêu năm 2026 là xử lý bao nhiêu điểm?") has no one answer
        # with them: where the second part points back at the first or names too little of its own, it is asked of
        # the first part's topic words too.
        figure = "target" in b - a and not b & _ROLE_KINDS
        # A second part that points back ("… và nhiệm vụ này xong khi nào") asks of the first part's topic, unless
        # a preface gives both theirs ("Về chính sách X: ai chủ trì, và chính sách này …").
        if _BACK.search(second) and not preface:
            if figure:
                return _carried(first, second)
            continue
        own = _own_words(second)
        # The same thing asked of two topics ("X do cơ quan nào chủ trì, còn Y do cơ quan nào chủ trì?") is two
        # questions where the second names a topic of its own; so are two things asked of two topics. A role and a
        # time ("who leads cashless payment, and by when must all schools be connected") are one task's.
        if (not a & b and (a | b) <= _ROLE_KINDS) or len(own) < (4 if a & b else 3):
            if figure and not preface:
                return _carried(first, second)
            continue
        # The year the first part sets holds for the second, unless it names its own ("… by 2025 …, and how many …").
        years = re.findall(r"(?<!\d)20\d\d(?!\d)", first) if not re.search(r"(?<!\d)20\d\d(?!\d)", second) else []
        said = f" ({', '.join(dict.fromkeys(years))})" if years and not preface else ""
        return Parts(first, f"{preface} {second}".strip() + said)
    return None


# An English part that asks yes or no ("Does the plan address …? If so, in which task …").
_EN_YES_NO = re.compile(r"^(?:if (?:so|not|yes)\W+)?(?:does|do|did|is|are|was|were|has|have|can|will|should|must)\b", re.I)


def further_questions(text: str) -> list[str]:
    """The questions after the first that a question asks on its own ("Mục tiêu tổng quát đặt đến năm nào, còn tầm
    nhìn hướng đến năm nào?", "Does the plan address X? If so, in which task?"): each part after a break of
    _SECOND that asks something by itself. Words before the first asking part are that part's ("Tôi là đại biểu
    …, theo Kế hoạch, …"). Empty when the question asks one thing."""
    # A comma alone parts them too, where what follows it asks ("… chủ trì nv nào, báo cáo kết quả trước ngày nào").
    cuts = [0, *(m.end() for m in _FURTHER.finditer(text)), len(text)]

    def asks(piece: str) -> bool:
        return _asks(piece) or bool(_EN_YES_NO.match(piece))

    pieces = []
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b].strip(" ,;")
        joins = [m for m in _AND.finditer(piece) if asks(piece[: m.start()]) and asks(piece[m.end():])]
        pieces += [piece[: joins[0].start()], piece[joins[0].end():]] if joins else [piece]

    out: list[str] = []
    held = ""  # words that ask nothing after the first part, before the next that asks ("If so, in which task?")
    for i, piece in enumerate(pieces):
        if asks(piece) and any(asks(p) for p in pieces[:i]):
            out.append(f"{held}, {piece}" if held else piece)
            held = ""
        elif out:  # words that ask nothing go with the part before them
            out[-1] = f"{out[-1]}, {piece}"
        elif any(asks(p) for p in pieces[:i]):
            held = f"{held}, {piece}" if held else piece
    return out


# Partners asked of the tasks a body leads ("Công an xã chủ trì nv nào, phối hợp với ai", "which tasks does it lead, and
# who works with it on them"): a verb of working together bound to "who", not to "which tasks".
_WHO_WORDS = r"(?:ai|nhung ai|(?:nhung |cac )?(?:co quan|don vi|so|ban|to chuc) nao|who|whom|which (?:bodies|agencies|units|organi[sz]ations))"
_PARTNERS_WHO = re.compile(
    r"\b(?:phoi hop|ho tro|cung|with|alongside|supported by|helped by|assisted by)\s+(?:voi\s+)?" + _WHO_WORDS + r"\b"
    r"|\b" + _WHO_WORDS + r"\s+(?:se\s+|will\s+|must\s+|is to\s+|are to\s+)?(?:phoi hop|ho tro|supports?|assists?|helps?|"
    r"partners?|works? with|coordinates?|cooperates?)\b")


def asks_partners(text: str) -> bool:
    """The question asks who works with a body on its tasks, not which tasks it supports."""
    return bool(_PARTNERS_WHO.search(_asking(text)))


# A day asked for: "trước ngày nào", "chậm nhất vào ngày nào", "by what date".
_DAY = re.compile(r"\b(ngay nao|ngay bao nhieu|han chot ngay|what date|which date|by what date|what day|exact date)\b")


def asks_day(folded: str) -> bool:
    """The question asks for a day, not a year or a period."""
    return bool(_DAY.search(folded))


def asks_all_tasks(folded: str) -> bool:
    """"kế hoạch có bao nhiêu nhiệm vụ", "list all tasks"."""
    return bool(_ALL_TASKS.search(folded))


# A year a figure is compared with ("so với năm 2025", "so với mùa mưa năm 2025", "compared with the 2020 level"):
# the baseline, not a year asked. A few words may name what of that year ("cùng kỳ", "mùa mưa"), but a target or a
# plan of that year is asked of too ("so với mục tiêu năm 2030").
_BASELINE = re.compile(r"(?i:so với|so voi|compared (?:with|to)|relative to|than(?: in)?)\s+"
                       r"(?:(?!(?i:mục|muc|chỉ|chi|targets?|goals?|kế|ke|plans?)\b)[^\W\d_]+\s+){0,4}?"
                       r"(20\d\d)(?!\d)(?!\s+(?i:targets?|goals?|plans?)\b)")


def asked_years(text: str) -> list[int]:
    """The years a question asks about, in order, without the years it compares with."""
    baselines = {m.start(1) for m in _BASELINE.finditer(text)}
    return [int(m.group(1)) for m in re.finditer(r"(?<![\d/.])(20\d\d)(?![\d/])", text) if m.start(1) not in baselines]


def parse_query(text: str, known: Set[str], limit: int = 2000) -> Query:
    cleaned, truncated = clean_question(text, limit)
    cleaned = tones(cleaned)
    years = asked_years(cleaned)
    refs = find_refs(cleaned, known)
    rest = cleaned
    for r in refs:  # "6đ" in an English question must not make it Vietnamese
        rest = rest.replace(r.text, " ")
    style = detect_style(rest)
    return Query(
        text=cleaned,
        style=style,
        refs=refs,
        intents=detect_intents(cleaned, style == "en"),
        year=years[0] if years else None,
        truncated=truncated,
        missing=missing_refs(cleaned, known),
    )


__all__ = ["INTENTS", "LETTERS", "ROMAN", "Ids", "Parts", "Query", "Reference", "asked_years", "asks_all_tasks", "asks_content", "asks_day", "asks_figure", "asks_two",
           "detect_style", "find_refs", "lead_count", "names_tasks", "parse_query", "without_naming"]
