"""A library of plans: which plans a question names, and how each plan is named in an answer.

A question names a plan by its number ("kế hoạch 65", "KH 65", "65/KH-UBND", "QĐ 1847"), by its
province or issuer ("kế hoạch của tỉnh Phú Lâm", "the Ha Son plan"), by its date ("ban hành ngày
12/02/2026") or by words of its title that no other plan's title has ("kế hoạch nước sạch"). All of
it is read from the plans' own header facts; nothing here knows any plan.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.glossary import corrected, glossed, is_setting, procedural, topic_phrases, vietnamese
from assistant.lexicon import function_pairs, function_words, list_words, month_numbers, phrases, spelled_out
from index.genre import words
from index.normalize import canon, fold, has_diacritics
from index.parse import Plan

# Words that name a document ahead of its number: "kế hoạch 65", "KH số 27", "plan no. 65", "QĐ 1847".
_DOC = r"(?:ke hoach|kh|plan|quyet dinh|qd|decision|van ban)"
_BARE_NUMBER = re.compile(rf"\b{_DOC}\s*(?:so|no\.?|number|#)?\s*(\d{{1,5}})\b(?!\s*[-/.,]\s*\d)")
_FULL_NUMBER = re.compile(r"\b(\d{1,5})\s*/\s*(kh|qd)\b")
_DATE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b"
                   r"|\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)\b")
# A date as English writes it: "16 January 2026", "January 16, 2026".
# Its month by any name the lexicon gives one of three letters or more ("january", "jan", "sept").
_MONTHS_EN = "|".join(sorted((name for name in month_numbers() if len(name) > 2), key=len, reverse=True))
_DATE_EN = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS_EN})\s+((?:19|20)\d\d)\b|\b({_MONTHS_EN})\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b")
# Words that end an English plan's topic ("the plan on road traffic safety issued on …", "… says about …").
_EN_ENDS_TOPIC = (r"(?:issued|dated|signed|adopted|say|says|said|does|do|did|is|are|was|were|will|would|must|should|has|have|"
                  r"what|which|who|whom|how|when|where|set|sets|give|gives|require|requires|assign|assigns|to|by|in\s+20\d\d)")
# The words that say a date is the plan's own ("issued on", "ban hành ngày"): with the date, they name the plan.
# The word for a plan, then "signed by" or "do", a title and a name's first words at most before the name: "the plan
# signed by Vice-Chairwoman …", "kế hoạch do Phó Chủ tịch …".
_SIGNED_AFTER_DOC = re.compile(rf"\b{_DOC}\s+(?:[\w.-]+\s+){{0,3}}?(?:(?:signed|issued)\s+by|do)\s+(?:[\w.-]+\s+){{0,4}}?$")
_DATED = re.compile(r"(?:\b(?:issued|dated|signed|adopted|ban hanh|ky)(?:\s+(?:on|ngay))?\s+|\bngay\s+(?=\d))?$")
_KIND = {"kh": "ke hoach", "qd": "quyet dinh"}
# A number with its document word, to cut from a question that names its plan by it ("Kế hoạch số 27/KH-UBND").
_FULL_NUMBER_NAMED = re.compile(rf"(?:\b{_DOC}\s*(?:so\s*)?)?\b\d{{1,5}}\s*/\s*(?:kh|qd)(?:\s*-\s*[a-z]+)?\b")
# First words of a body's name, folded ("báo", "đài", "sở"): a province after one names the body, except
# after the issuer's ("UBND tỉnh Phú Lâm" names the plan by who issued it).
_HEADS = tuple(" " + fold(h) for h in words("bodies", "heads") if fold(h) not in {"ubnd", "uy ban"})
# Words a plan's name is joined with: "kế hoạch về …", "the plan on …".
_JOINERS = {"ve", "cua", "on", "for", "the", "so", "trien", "khai", "thuc", "hien"}
# Words that start what a question asks after the words naming its plan ("kh … ai chủ trì", "kh … có những gì").
_ASKING = {"ai", "gi", "nao", "bao", "khi", "dau", "may", "co", "la", "do", "duoc", "thi", "the", "sao", "nhu", "giao",
           "chu", "phoi", "can", "phai", "nam", "han", "muc", "nv", "nhiem"}
# Prepositions (a closed class): a pair that starts with one ("trong giai [đoạn]") names no plan's title.
_PREPOSITIONS = {"trong", "tren", "duoi", "ve", "cua", "cho", "voi", "tai", "theo", "den", "tu", "o", "va", "in", "of", "on",
                 "for", "to", "and", "the", "by", "with"}


def dates_said(folded: str) -> list[tuple[str, tuple[int, int]]]:
    """The days a folded text names, ISO, with where: "18/11/2025", "ngay 18 thang 11 nam 2025", "16 january 2026",
    "january 16, 2026"."""
    out = []
    for m in _DATE.finditer(folded):
        d, mo, y = (m.group(1) or m.group(4), m.group(2) or m.group(5), m.group(3) or m.group(6))
        out.append((f"{y}-{int(mo):02d}-{int(d):02d}", m.span()))
    for m in _DATE_EN.finditer(folded):
        d, name, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        out.append((f"{y}-{month_numbers()[name]:02d}-{int(d):02d}", m.span()))
    return sorted(out, key=lambda x: x[1])


def _window(text: str, start: int, end: int, before: int = 3, after: int = 6) -> str:
    """The few words either side of text[start:end]."""
    return " ".join(text[:start].split()[-before:] + text[end:].split()[:after])


def _marked_pairs(text: str) -> set[str]:
    """Each pair of neighbouring words of a text, lower-case with their marks: "Chuyển đổi số ngành" -> "chuyển đổi",
    "đổi số", "số ngành"."""
    toks = re.findall(r"[^\W\d_]+", canon(text).lower())  # "hoá" and "hóa" alike
    return {f"{a} {b}" for a, b in itertools.pairwise(toks)}


def _english_pairs(words: str) -> set[str]:
    """The pairs of syllables an English window says in the plans' Vietnamese: its topics' wordings, not the genre's
    procedure ("implements" is "triển khai thực hiện", whose inner "khai thực" names no title)."""
    pairs = set()
    for start, end, wording in glossed(words):
        if not procedural(corrected(words)[start:end]):
            said = re.findall(r"[a-z0-9]+", fold(wording))
            pairs |= {f"{a} {b}" for a, b in itertools.pairwise(said)}
    return pairs


def base_number(number: str) -> str:
    """"65/KH-UBND" -> "65"."""
    m = re.match(r"\s*(\d+)", number)
    return m.group(1) if m else ""


def _kind(number: str) -> str:
    m = re.search(r"/\s*([^\W\d_-]+)", fold(number))
    return _KIND.get(m.group(1), "") if m else ""


def province(p: Plan) -> str:
    """The province or city the issuer governs, as the plan writes it ("Quảng Ngãi")."""
    return _province(p.issuer, p.place)


# The level word before a place in an issuer's name ("TỈNH BẮC LĨNH", "XÃ THUẬN HÒA").
_LEVEL_WORD = re.compile(r"(?i)\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+")


@functools.lru_cache(maxsize=4096)  # a library labels its plans in every answer: read each issuer once
def _province(issuer: str, place: str) -> str:
    issuer = " ".join(re.sub(r"\\-|-{2,}", " ", issuer).split())
    issuer = _BODY.sub("", issuer)  # "UBND TỈNH TÂY NGUYÊN SỞ Y TẾ": the province, not its department
    # "TỈNH BẮC LĨNH ỦY BAN NHÂN DÂN XÃ THUẬN HÒA": a letterhead may name the province above the commune; the
    # issuing body's own place is the last one named.
    found = list(_LEVEL_WORD.finditer(issuer))
    name = issuer[found[-1].end():].strip() if found else place
    if fold(name) == fold(place):
        return place
    return name.title() if name.isupper() else name


def _acronyms(question: str) -> frozenset[str]:
    """The names in capitals a question writes as any language does ("HIV/AIDS", "OCOP", "COVID-19"), folded: "hiv/aids"."""
    return frozenset(fold(x) for x in re.findall(r"(?<![\w/-])[A-Z]{2,}[0-9]*(?:[/-][A-Z0-9]{2,})*(?![\w/-])", question))

# The levels a question may set a place at, folded, with their English: "xã An Hòa", "An Hoa ward".
_LEVELS = {"xa": "communes?", "phuong": "wards?", "tinh": "provinces?|provincial"}


def _issuer_level(p: Plan) -> str:
    """The level of the body that issued a plan, folded: "xa", "phuong", "tinh", "huyen" …; "" where none is said."""
    found = list(_LEVEL_WORD.finditer(" ".join(_BODY.sub("", p.issuer).split())))
    return fold(found[-1].group(1)) if found else ""


def issuer_short(p: Plan) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" -> "UBND tỉnh Quảng Ngãi"; a joint plan's issuers each as its text writes
    them in small letters ("Sở Y tế và Hội Liên hiệp Phụ nữ tỉnh")."""
    if " và " in p.issuer and p.issuer.replace(" và ", "").isupper():
        key = (p.source, p.issuer)
        if key not in _JOINT:  # read from the plan's text once: every answer of a library is labelled
            said = [next((m.group(0) for m in re.finditer(re.escape(x), p.text, re.I) if not m.group(0).isupper()), x)
                    for x in p.issuer.split(" và ")]
            _JOINT[key] = " và ".join(said) + (f" {p.place}" if p.place and p.place not in said[-1] else "")
        return _JOINT[key]
    return _issuer_short(p.issuer, p.place)


_JOINT: dict[tuple[str, str], str] = {}  # a joint plan's issuers as its text writes them, by (source, issuer)


@functools.lru_cache(maxsize=4096)
def _issuer_short(written: str, place: str) -> str:
    issuer = " ".join(re.sub(r"\\-|-{2,}", " ", written).split())
    levels = _LEVEL_WORD.findall(issuer)
    unit = levels[-1].lower() if levels else "tỉnh"  # the issuing body's own, the last named (_province)
    body = issuer_body(issuer)
    if body:  # "UBND TỈNH TÂY NGUYÊN / SỞ Y TẾ": the department issues, under its province
        return f"{body} {unit} {_province(written, place)}"
    head = "UBND" if fold(issuer).startswith(("uy ban nhan dan", "ubnd", "tinh ", "thanh pho ")) or not issuer else issuer.split()[0]
    return f"{head} {unit} {_province(written, place)}".strip()


_HEADS_OF_BODIES = r"(?:SỞ|BAN(?! NHÂN DÂN)|PHÒNG|CHI CỤC|TRUNG TÂM)"
_BODY = re.compile(rf"\s({_HEADS_OF_BODIES}\s.+)$")
_BODY_FIRST = re.compile(rf"({_HEADS_OF_BODIES}\s.+?)\s+(?:TỈNH|THÀNH PHỐ)\s")


@functools.lru_cache(maxsize=4096)
def issuer_body(issuer: str) -> str:
    """The body under a People's Committee that issues a plan ("… SỞ Y TẾ" -> "Sở Y tế"), as the directory
    writes its name; "" when the committee issues it."""
    from assistant.agencies import KNOWN

    # "SỞ NỘI VỤ TỈNH TÂY BẮC": a department that names its province after itself, with no committee above it.
    m = _BODY.search(issuer) or _BODY_FIRST.match(issuer)
    if not m:
        return ""
    said = m.group(1)
    return next((k for k in KNOWN if fold(k) == fold(said)), said[:1] + said[1:].lower())


def _unit_en(issuer: str) -> str:
    """The level of a People's Committee in English: "" for a province's, "District ", "Commune " …"""
    m = re.search(r"(?i)\b(huyện|quận|thị xã|xã|phường|thị trấn)\s+", issuer)
    return {"huyen": "District ", "quan": "District ", "thi xa": "Town ", "xa": "Commune ", "phuong": "Ward ",
            "thi tran": "Town "}[fold(m.group(1))] if m else ""


def _date(iso: str) -> str:
    y, m, d = [*iso.split("-"), "", "", ""][:3]
    return f"{int(d)}/{int(m)}/{y}" if d.isdigit() and m.isdigit() else iso


# The kinds of document the genre holds, with their English names.
_KINDS = {"Kế hoạch": "plan", "Quyết định": "decision", "Chương trình hành động": "action programme",
          "Kế hoạch liên tịch": "joint plan", "Chương trình": "programme"}
DOC_KINDS = {fold(k): v for k, v in _KINDS.items()}  # by the kind folded
KIND_NAMES = {fold(k): k for k in _KINDS}  # the kind as plans write it, by the kind folded


def plan_label(p: Plan, en: bool = False) -> str:
    """How an answer names its plan: "Kế hoạch 65/KH-UBND (UBND tỉnh Quảng Ngãi, 20/3/2024)"."""
    kind = p.doc_type or "Kế hoạch"
    if en and " và " in p.issuer:  # a joint plan's issuers, named as the plan names them
        kind = DOC_KINDS.get(fold(kind), kind).capitalize()
        return f"{kind} {p.number} ({issuer_short(p)}" + (f", {_date(p.date)})" if p.date else ")")
    if en:
        kind = DOC_KINDS.get(fold(kind), kind).capitalize()
        body = issuer_body(" ".join(p.issuer.split()))
        if body:
            from assistant.agencies import KNOWN

            english = KNOWN.get(body, ("", ()))[0]
            where = f"{province(p)} {english or body}"
        else:
            where = f"{province(p)} {_unit_en(p.issuer)}People's Committee"
    else:
        where = issuer_short(p)
    when = f", {_date(p.date)}" if p.date else ""
    return f"{kind} {p.number} ({where}{when})"


def plan_json(p: Plan) -> dict[str, str]:
    """How the JSON names a plan: id (the file's stem), doc, number, issuer, date."""
    return {"id": Path(p.source).stem, "doc": p.source, "number": p.number, "issuer": issuer_short(p),
            "date": p.date}


# Documents asked for several at once: listed ("liệt kê đầy đủ các văn bản"), counted ("bao nhiêu quyết định") or asked
# which ("văn bản nào"); "căn cứ những văn bản nào" of one plan is kept to it by its naming.
DOCUMENTS = "(?:" + "|".join(list_words("units.documents")) + ")"  # the words for the documents a library holds
_DOCUMENTS_ASKED = re.compile(rf"\b(?:liet ke|danh sach|ke ten|thong ke)\b(?:\s+\w+){{0,3}}?\s+(?:cac\s+|nhung\s+|tat ca\s+)?{DOCUMENTS}\b"
                              rf"|\b(?:bao nhieu|may)\s+{DOCUMENTS}\b|\b{DOCUMENTS}\s+nao\b"
                              # "kh cấp xã nào", "văn bản liên tịch nào": the documents of a level or kind asked for
                              rf"|\b{DOCUMENTS}\s+(?:cap\s+)?(?:xa|phuong|tinh|huyen|lien tich)\s+nao\b"
                              # "which department plans …", "among the plans issued by departments, which ones …"
                              r"|\bwhich(?:\s+[a-z]+){1,2}\s+(?:plans|decisions|documents)\b"
                              # "does the library hold any action programmes": what the library holds of a kind
                              r"|\b(?:library|thu vien)\s+(?:(?:hold|have|contain|include)s?|co)\s+(?:any|bat ky|nhung|cac)\b"
                              r"|\bamong (?:the|all|these)\s+(?:[a-z]+\s+){0,2}(?:plans|decisions|documents)\b.*\bwhich ones\b")


def asks_for_plans(folded: str) -> bool:
    """"những kế hoạch nào …", "which plans …", "bao nhiêu kế hoạch …", "liệt kê các văn bản do … ký": the answer is a
    list of plans."""
    return phrases("plans").found(f" {folded} ") or bool(_DOCUMENTS_ASKED.search(folded)) or (
        phrases("library_scope").found(f" {folded} ") and not _OTHER_ASKED.search(folded))


_EN_DOCS = r"(?:plans?|decisions?|documents?|programmes?)\b"
# What a question asks for besides plans: a body ("của cơ quan nào", "which agency"), a person, a time, a figure.
_OTHER_ASKED = re.compile(r"\b(?:co quan|don vi|so|phong|ban|to chuc) nao\b|\bai\b|\bwho\b|\bkhi nao\b|\bwhen\b"
                          r"|\bwhich (?:agency|agencies|body|bodies|department|departments|unit|units)\b|\b(?:so|ngay) may\b"
                          # a figure: "what share of public lighting …", "bao nhiêu phần trăm"
                          rf"|\bwhat (?:share|rate|percentage|proportion|figure|amount)\b|\bhow (?:many|much)\b(?!\s+{_EN_DOCS})"
                          rf"|\bbao nhieu\b(?!\s+{DOCUMENTS})"
                          # "one plan in the library implements …": a plan of the library, not a list
                          r"|\b(?:one|a|mot|1) (?:plan|ke hoach|kh)\b")


@dataclass(frozen=True, slots=True)
class Naming:
    plans: tuple[Plan, ...]  # the plans the question names, or none
    unknown: str = ""  # a plan number the question gives that no plan of the library has
    spans: tuple[tuple[int, int, bool], ...] = ()  # where the question names them; True: by the word for a plan
    topic: str = ""  # what the question names a plan by ("kh phòng chống cúm gia cầm") that no plan's text says
    numbered: bool = False  # named by its number ("Kế hoạch số 214/KH-UBND"), not by its title's words or place alone

    def rest(self, question: str, style: str) -> str:
        """The question with the words that name its plan put as "this plan": "Theo Kế hoạch phát triển
        du lịch cộng đồng tỉnh Long Giang, cơ quan nào chủ trì …" asks the plan "Theo kế hoạch này, cơ
        quan nào chủ trì …", so that the plan's header, which holds the naming words too, does not
        answer it, while "the plan" still says what a document question asks ("when was the plan issued")."""
        this = {"en": "the plan", "vi_nodiac": "ke hoach nay"}.get(style, "kế hoạch này")
        out, at = [], 0
        for a, b, document in sorted(self.spans):
            if a >= at:
                out.append(question[at:a] + (this if document else ""))
            at = max(at, b)
        rest = " ".join(("".join(out) + question[at:]).split())
        rest = re.sub(rf"(?:{re.escape(this)}\W*){{2,}}", f"{this} ", rest).strip()
        rest = re.sub(r"\s+(?=[,;:?!.](?:\s|$))", "", rest)  # "… the plan , how many": no space left before a mark
        rest = re.sub(r"\b(the|của|cua)\s+(?=the plan\b|kế hoạch này|ke hoach nay)", "", rest, flags=re.I)
        # "In the provincial plan on … issued on …" leaves "In the provincial the plan": the words before it named it too.
        rest = re.sub(r"\bthe\s+(?:[a-z'-]+\s+){1,2}(?=the plan\b)", "", rest, flags=re.I)
        # A question that is all naming ("kế hoạch nước sạch Phú Lâm là gì") asks about the plan itself.
        return rest if len(re.findall(r"[^\W\d_]+", rest)) >= len(this.split()) + 3 else question


class Catalogue:
    """The plans of a library and the ways a question names them."""

    def __init__(self, plans: Sequence[Plan], bodies: Callable[[str], list[str]] = lambda text: []) -> None:
        self.plans = tuple(plans)
        self._bodies = bodies  # the bodies a text names, as the plans write them (the directory's reading)
        # Each province's name, as a question names it ("của tỉnh Quảng Ngãi", "in Quang Ngai province"),
        # with the plans it issued: compiled once, not per question.
        # Plans of one place and level together: the province Đông Hải and the ward Đông Hải (of another province) are
        # two places of one name.
        places: dict[tuple[str, str], list[str]] = defaultdict(list)
        for p in self.plans:
            if name := fold(province(p)):
                places[name, _issuer_level(p)].append(p.source)
        # "xã An Hòa" is no name of the ward An Hòa's plan: a level word other than its own, before the name or after it
        # in English ("An Hoa commune"), says another place of that name.
        self._places = [(re.compile(r"\b(?:(?:cua|o|tai|of|in)\s+)?(?:tinh\s+)?"
                                    + "".join(f"(?<!{w} )" for w in _LEVELS if level and w != level)
                                    + rf"{re.escape(name)}\b(?:\s+province)?"
                                    + "".join(rf"(?!\s+(?:{_LEVELS[w]})\b)" for w in _LEVELS if level and w != level)), srcs)
                        for (name, level), srcs in places.items()]
        self._place_names = [name for name, _ in places]
        # Each signer's name as a question types it without marks, with the plans they signed: one pattern for them all.
        self._signers: dict[str, set[str]] = defaultdict(set)
        for p in self.plans:
            for name in filter(None, p.signer.split("; ")):
                if folded := " ".join(re.findall(r"[a-z0-9]+", fold(name))):
                    self._signers[folded].add(p.source)
        self._signer_names = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, sorted(self._signers, key=len, reverse=True)))
                                        + r")(?![a-z0-9])")
        self._numbered: dict[str, list[Plan]] = defaultdict(list)
        for p in self.plans:
            self._numbered[base_number(p.number)].append(p)
        # A title's words are paired on each side of its place, not across it: "tỉnh Lâm Hà" gives no "tinh lam", which
        # a question typed without marks says in "… giao công an tỉnh làm cơ quan thường trực" (its place names it).
        self._titles = {p.source: set().union(*map(self._bigrams, re.split(rf"\b{re.escape(place)}\b", fold(p.title))))
                        if (place := fold(province(p))) else self._bigrams(p.title) for p in self.plans}
        # How many titles have each pair of words, counted once at load (a question reads it, below).
        self._title_users = Counter(g for grams in self._titles.values() for g in grams)
        # A title's pairs of words that no other plan's title has name that plan.
        self._own = {src: {b for b in grams if self._title_users[b] == 1} for src, grams in self._titles.items()}
        self._titled: set[str] = set().union(*self._own.values())
        # Each title's pairs of words with their marks, for a question typed with them (named, below).
        self._marked_titles = {p.source: _marked_pairs(p.title) for p in self.plans}
        self._users: dict[str, int] = {}  # a title's pair of words -> how many plans' texts use it

    # The plans' folded texts are read on the first question that needs them, not at load: folding
    # 500 plans' texts took seconds of the app's start.
    @cached_property
    def _texts(self) -> list[str]:
        return [" " + " ".join(re.findall(r"[a-z0-9]+", fold(p.text))) + " " for p in self.plans]

    @cached_property
    def _cited(self) -> str:
        return " ".join(fold(p.text) for p in self.plans)

    def _used_by(self, gram: str, within: set[str] | None = None) -> int:
        """How many plans' texts use a pair of words (of the plans `within` only, where given)."""
        if within is not None:
            return sum(f" {gram} " in text for p, text in zip(self.plans, self._texts, strict=True) if p.source in within)
        if gram not in self._users:
            self._users[gram] = sum(f" {gram} " in t for t in self._texts)
        return self._users[gram]

    def titled(self, question: str, english: bool = False) -> set[str]:
        """The plans whose titles say what a question that names no plan describes its plan by: the most of its pairs
        of words that three titles at most have ("trợ giúp người khuyết tật", "giảm nghèo"); an English question's by the glossary's
        Vietnamese for its topic phrases ("people with disabilities"), each apart. None where more than three plans
        say as much, or none says any."""
        # Only the words next to the word for a plan describe one ("the 2026 poverty-reduction plan", "kh giảm nghèo"):
        # a task's words elsewhere in the question are what is asked of it. The words for a plan and for issuing it
        # ("kế hoạch", "ban hành kế hoạch") are every decision's title.
        t = " ".join(fold(question).split())
        docs = list(re.finditer(rf"\b{_DOC}\b", t))
        near = [re.sub(rf"\b(?:{_DOC}|ban hanh|trien khai|thuc hien)\b", " ", _window(t, m.start(), m.end(), after=9 if english else 6))
                for m in docs]
        said = set().union(*(self._bigrams(vietnamese(x)) for w in near for x in topic_phrases(w))) if english \
            else set().union(*map(self._bigrams, near))
        # A title's time ("năm 2026", "giai đoạn 2026 - 2030") describes no topic.
        # Nor do words that only join others ("đối với").
        rare = {g for g in said if self._title_users[g] <= 3
                and not set(g.split()) & {"nam", "giai", "doan", "den"} and not set(g.split()) <= function_words()}
        # "the plastic waste decision", "quyết định về …": a decision is asked, not a plan issued as one.
        decision = any(m.group(0) in {"quyet dinh", "qd", "decision"} for m in docs)
        shared = {p.source: len(rare & self._titles[p.source]) for p in self.plans
                  if not decision or p.doc_type == "Quyết định"}
        most = max(shared.values(), default=0)
        best = {src for src, n in shared.items() if n and n == most}
        return best if len(best) <= 3 else set()

    @staticmethod
    def _bigrams(text: str) -> set[str]:
        stop = function_pairs()
        toks = re.findall(r"[a-z]+", fold(text))
        return {f"{a} {b}" for a, b in itertools.pairwise(toks) if f"{a} {b}" not in stop and a not in _PREPOSITIONS}

    def named(self, question: str, english: bool = False) -> Naming:
        """The plans a question names, each way of naming narrowing the others. An English question's words
        next to the word for a plan ("plan 187 on food safety") name a title in the glossary's Vietnamese."""
        t = " ".join(fold(question).split())
        facets: list[set[str]] = []
        spans: list[tuple[int, int, bool]] = []
        numbers = [(n, _KIND.get(k, "")) for n, k in _FULL_NUMBER.findall(t)]
        numbers += [(n, "") for n in _BARE_NUMBER.findall(t)]
        numbered = [(m, re.search(r"\d{1,5}", m.group(0))) for rx in (_FULL_NUMBER_NAMED, _BARE_NUMBER) for m in rx.finditer(t)]
        unknown = ""
        by_number: set[str] = set()
        for n, kind in numbers:
            found = {p.source for p in self._numbered.get(n, ()) if not kind or _kind(p.number) == kind}
            by_number |= found
            # "kế hoạch 999" names a plan the library lacks, unless some plan cites a document so numbered.
            if not found and not re.search(rf"(?<!\d){n}\s*/", self._cited):
                unknown = unknown or n
        if by_number:
            facets.append(by_number)
        places = set()
        placed: list[tuple[int, int, set[str]]] = []  # where a place is named, and the plans of that place
        hits = [(m, srcs, name, self._common_words(name, srcs, question, t, m))
                for (rx, srcs), name in zip(self._places, self._place_names, strict=True) if (m := rx.search(t))]
        # A place whose name is also words many plans write names its plans only where nothing else names one (below).
        common = [(name, srcs, m) for m, srcs, name, genre_words in hits if genre_words]
        weak = {src for _, srcs, _ in common for src in srcs}
        place_hits = [(m, srcs) for m, srcs, _, genre_words in hits if not genre_words]
        # "signed by Luong Van Khanh": a signer's whole name holds no place, though its last words are one's ("Vân Khánh").
        person = [m.span() for m in self._signer_names.finditer(t)] if self._signers else []
        place_hits = [(m, srcs) for m, srcs in place_hits if not any(a <= m.start() and m.end() <= b
                                                                     for a, b in person)]
        for m, srcs in place_hits:
            # "Hoa Binh Nam" names the province Hòa Bình Nam, not the ward Hòa Bình its words begin with; "hoa an phu
            # luc 1" names Hòa An, whose words the place An Phú would share ("an"): the one read first.
            if any((o.start() <= m.start() and m.end() <= o.end() and o.end() - o.start() > m.end() - m.start())
                   or o.start() < m.start() < o.end() < m.end() for o, _ in place_hits):
                continue
            places.update(srcs)
            # "Báo Quảng Ngãi" is a body named after its province: its name stays in the question.
            before = " " + t[: m.start()].rstrip()
            if not before.endswith(_HEADS):
                placed.append((m.start(), m.end(), set(srcs)))
        if places:
            facets.append(places)
        said_dates = dates_said(t)
        on = {p.source for p in self.plans if p.date and p.date in {iso for iso, _ in said_dates}}
        if on:
            facets.append(on)
            # "the plan … issued on 16 January 2026": the date, with the words that make it the plan's, names it.
            for iso, (a, b) in said_dates:
                if any(p.date == iso for p in self.plans):
                    lead = _DATED.search(t[:a])
                    spans.append((lead.start() if lead else a, b, False))
        # "the plan signed by Nguyen Thi Thanh Loan", "kế hoạch do bà Hoàng Thị Mai Lan ký": the signer, after the word
        # for a plan, names it ("which plans were signed by …" asks for plans: the shelf's list).
        by_signer: dict[str, set[str]] = {}
        signed: list[tuple[int, int, bool]] = []
        for m in self._signer_names.finditer(t) if self._signers else ():
            lead = _SIGNED_AFTER_DOC.search(t[:m.start()])
            # "các văn bản do ông … ký": documents asked for in the plural are a list, no plan named.
            if lead and not re.search(r"\b(?:cac|nhung|nhieu|moi)\s*$", t[:lead.start()]):
                by_signer[m.group(0)] = self._signers[m.group(0)]
                end = re.match(r"\s+ky\b", t[m.end():])
                signed.append((lead.start(), m.end() + (len(end.group(0)) if end else 0), True))
        if len(by_signer) == 1:  # two signers named ask for a list
            facets.append(next(iter(by_signer.values())))
            spans += signed
        # "kế hoạch về du lịch cộng đồng", "the clean water plan": words next to the word for a plan.
        docs = list(re.finditer(rf"\b{_DOC}\b", t))
        # English spends more words on a name ("the decision on digital transformation of the health sector").
        # The date that names a plan is no word of its title: "kế hoạch ban hành ngày 16/01/2026 về an toàn giao thông".
        undated = t
        for a, b, _ in [x for x in spans if not x[2]]:
            if _DATE.search(t, a, b) or _DATE_EN.search(t, a, b):
                undated = undated[:a] + " " * (b - a) + undated[b:]
        near = [_window(undated, m.start(), m.end(), after=9 if english else 6) for m in docs]
        if near:
            # Only a pair some title has can name a plan: the others need no counting.
            grams = set().union(*map(self._bigrams, near))
            if english:
                grams |= {g for w in near for g in _english_pairs(w)}
            grams &= self._titled
            # "kh nào giao hội người cao tuổi tỉnh chủ trì": a body's name is who is asked about, no plan's title.
            grams -= set().union(set(), *(self._bigrams(b) for b in self._bodies(question)))
            # Words that may be a place's name or the genre's ("dong bao") name no title either.
            grams -= {name for name, _, _ in common}
            # A title's words that most plans use in their text ("xây dựng") name none of them.
            rare = {g for g in grams if 2 * self._used_by(g) <= len(self.plans)}
            # A question typed with its marks names a title by its words as marked: "tên sở, ngành" is no "số ngành".
            if has_diacritics(question):
                said = _marked_pairs(question)
                shared = {src: len({fold(x) for x in self._marked_titles[src] if fold(x) in rare and x in said})
                          for src in self._own}
            else:
                shared = {src: len(own & rare) for src, own in self._own.items()}
            # The titles that hold the most of those pairs: "Kế hoạch bảo đảm trật tự, an toàn giao thông" names the
            # traffic-safety plan, not the ward's plan that shares "bảo đảm trật tự" alone.
            most = max(shared.values(), default=0)
            by_title = {src for src, n in shared.items() if n and 4 * n >= 3 * most}
            if by_title:
                facets.append(by_title)
                spans += self._title_spans(t, docs, by_title)
        # A plan named by its topic alone, where most of the topic's pairs are in no plan's text ("kh phòng chống cúm gia
        # cầm" shares "phòng chống" with a title): a plan the library lacks.
        topic = "" if unknown or by_number or on else (
            self._absent_topic_en(t, docs, places or None, _acronyms(question)) if english else
            "" if english else self._absent_topic(question, t, docs, places or None))
        if weak and not topic:  # weakest: it narrows what else names a plan, or names one where nothing else does
            facets.append(weak)
        if not facets or topic:
            return Naming((), unknown, topic=topic)
        if english:  # "the plan on road traffic order and safety, …" names its plan: its topic, up to a mark or a verb
            for m in docs:
                # "the decision of August 2025 on health care for older people": its date between the word and the topic
                on_topic = re.match(rf"(?:\s+(?:of|dated|issued in|issued on|from)\s+(?:[\w/]+\s+){{0,2}}\d{{4}})?"
                                    rf"\s+(?:on|about|for)\s+((?:(?!{_EN_ENDS_TOPIC}\b)[\w'-]+\s*){{1,9}})", t[m.end():])
                if on_topic:
                    spans.append((m.start(), m.end() + on_topic.start(1) + len(on_topic.group(1).rstrip()), True))
            # "the Tay Son Department of Agriculture and Environment plan": the issuer's name between the place and the
            # word for a plan names the plan too, no body the question asks of.
            if len(question) == len(t):
                name = r"(?:[A-Z][\w'-]*|of|and|for|the)"
                # … and its topic in a few words after it ("the Van Khanh Department of Justice legal dissemination plan")
                topic = r"(?!(?:do|does|did|in|on|at|by|to|with|is|are|was|say|says|lead|leads|what|which|who)\b)[a-z][\w'-]*"
                spans += [(b, m.start(), True) for a, b, _ in placed for m in docs if 0 < m.start() - b <= 80
                          and re.fullmatch(rf"\s+{name}(?:\s+{name})*(?:\s+{topic}){{0,4}}\s+", question[b:m.start()])
                          and re.search(r"[A-Z]", question[b:m.start()])]
        # Strongest first (number, place, date, title); a facet that would leave nothing is ignored.
        chosen = facets[0]
        for f in facets[1:]:
            chosen = chosen & f or chosen
        # "Plan 187/KH-UBND on food safety": of several plans so numbered, the ones whose titles say most of the words
        # after the word for a plan, though other plans' titles say them too.
        if by_number and len(chosen) > 1 and docs:
            after = [" ".join(undated[m.end():].split()[:9 if english else 6]) for m in docs]
            said = set().union(*map(self._bigrams, after))
            if english:
                said |= {g for w in after for g in _english_pairs(w)}
            sharing = {src: len(said & self._titles[src]) for src in chosen}
            if (most := max(sharing.values())) > 0 and (narrowed := {src for src, n in sharing.items() if n == most}) != chosen:
                chosen = narrowed
                spans += self._title_spans(t, docs, narrowed)
        # "kh 205 … giang son, chỉ tiêu của xã đông sơn thượng": a place of no plan named is what the question asks
        # about (a commune of the plan), not a second name of it; its words stay in the question.
        spans += [(a, b, False) for a, b, srcs in placed if srcs & chosen]
        # "Kế hoạch số 96/KH-UBND ngày … của UBND phường Tân Lập về an toàn phòng cháy, chữa cháy đối với nhà ở …, nhiệm
        # vụ …": the chosen plan's title after "về" names it too, wherever the words naming it stand.
        if len(chosen) == 1:
            spans += [x for x in self._title_spans(t, list(re.finditer(r"\b(?:ve|about)\b", t)), chosen, least=4)
                      if not any(a <= x[0] < b for a, b, _ in spans)]
        spans += [(*m.span(), False) for _, srcs, m in common if set(srcs) & chosen]  # "qd 1847 dong hai": its place too
        # A number that names none of the plans chosen ("kh 87 … viện dẫn Quyết định số 412/QĐ-UBND") is a document the
        # plan cites, which the question asks of: its words stay.
        spans += [(*m.span(), True) for m, n in numbered
                  if n and {p.source for p in self._numbered.get(n.group(0), ())} & chosen]
        return Naming(tuple(p for p in self.plans if p.source in chosen), "", tuple(spans), numbered=bool(by_number))

    def _common_words(self, name: str, srcs: list[str], question: str, t: str, m: re.Match[str]) -> bool:
        """A place's name typed without marks that is also words many other plans write ("dong bao" of "vùng đồng bào
        dân tộc thiểu số" beside the province Đông Bảo): no place named, unless a level word or "of/in" stands next to
        it; typed with marks, a name is the place where the question writes it with the place's own marks."""
        if has_diacritics(question):
            return False
        if re.match(r"(?:cua|o|tai|of|in|tinh)\s", m.group(0)) or re.search(r"\bprovince$", m.group(0)) \
                or re.search(r"\b(?:xa|phuong|huyen)\s*$", t[: m.start()]) or re.match(
                r"\s+(?:province|ward|commune|provincial)\b", t[m.end():]):
            return False
        return self._used_by(name) >= len(srcs) + 3

    def _absent_topic(self, question: str, t: str, docs: list[re.Match[str]], within: set[str] | None = None) -> str:
        """The words naming a plan by its topic, as the question writes them, where no plan's text (no text of the
        plans `within`, those of the place the question names) says most of their pairs ("kh phòng chống cúm gia cầm
        ai chủ trì": "chống cúm", "cúm gia" are in no plan; "kế hoạch phát triển cảng biển của tỉnh Sông Lam": the
        one plan of Sông Lam is on forests); "" else."""
        for m in docs:
            # "các kế hoạch đang lưu", "những kế hoạch nào": plans counted or listed, not one named by its topic.
            if (t[: m.start()].split() or [""])[-1] in {"cac", "nhung", "moi", "may", "nhieu", "the"}:
                continue
            after = re.split(r"[?.;:!]", t[m.end() :])[0].replace(",", " ").split()
            after = after[: next((n for n, w in enumerate(after) if re.fullmatch(_DOC, w)), len(after))]
            # "kh the thao …" is "kế hoạch thể thao": unmarked Vietnamese, whose "the" is no English article.
            skip = next((n for n, w in enumerate(after) if w not in _JOINERS - {"the", "on", "for"}), len(after))
            end = next((n for n in range(skip, len(after)) if after[n] in _ASKING), len(after))
            said = " ".join(after[skip:end])
            for rx, _ in self._places:  # a place names a plan by itself, and its words pair with none
                said = rx.sub(" | ", said)
            # "kh giam ngheo 58 hoa an, so noi vu bc …": the topic ends at the place that follows it; what comes after
            # the place is the question.
            pieces = said.split("|")
            if len(pieces) > 1 and len(pieces[0].split()) >= 2:
                pieces = pieces[:1]
            # "kh pc tac hai thuoc la": the topic's words as staff abbreviations stand for ("phòng, chống").
            grams: set[str] = set().union(*(self._bigrams(spelled_out(x)) for x in pieces))
            # A staff abbreviation ("so vh", "p hoa binh", "clb") pairs with nothing a plan writes: no evidence either way.
            grams = {g for g in grams if all(re.fullmatch(r"[a-i]|\d+|\w*[aeiouy]\w*", w) for w in g.split())}
            unused = [g for g in grams if self._used_by(g, within) == 0]
            # A plan whose title says half the pairs or more is the one named in other words ("cham soc tre mam non"
            # for "chăm sóc, giáo dục trẻ em mầm non").
            titled = max((len(grams & own) for src, own in self._titles.items() if within is None or src in within),
                         default=0)
            if len(unused) >= 2 and len(unused) * 2 >= len(grams) and titled * 2 < len(grams):
                first = len(t[: m.end()].split()) + skip
                return " ".join(question.split()[first : first + end - skip])
        return ""

    def _absent_topic_en(self, t: str, docs: list[re.Match[str]], within: set[str] | None,
                         acronyms: frozenset[str] = frozenset()) -> str:
        """The English words naming a plan of a place by its topic ("the Hai Phong plan on coastal erosion", "the Hai
        Phong sea-dyke plan"), or any plan where no place is named ("the provincial public debt management plan"),
        where the glossary's Vietnamese of more of its terms than not is in no text of that place's plans (of any
        plan); "" else, and where the glossary knows none of the words (nothing tells the topic is
        absent)."""
        for m in docs:
            # The words between the place and the word for a plan ("the Hai Phong coastal erosion plan"), and those
            # after "plan on / about / for", up to a mark.
            ends = [p.end() for rx, _ in self._places for p in rx.finditer(t, 0, m.start())]
            before = t[max(ends):m.start()].split() if ends and m.start() - max(ends) < 60 else []
            if within is None:  # no place named: "the provincial public debt management plan", from its article on
                said_before = t[: m.start()].split()[-6:]
                cut = max((n + 1 for n, w in enumerate(said_before) if w in {"the", "a", "an", "under", "in", "of"}), default=0)
                before = said_before[cut:]
            after = t[m.end():].split()
            after = after[1:7] if after[:1] and after[0] in {"on", "about", "for"} else []
            # "the … plan for 2026 schedules two rounds …": a year after the word for a plan is its period; what follows
            # is the question's, no topic.
            after = list(itertools.takewhile(lambda w: not re.fullmatch(r"\d[\d/.-]*", w), after))
            # The topic ends at a mark or a word that asks ("the plan on preventing child drowning, by what date …").
            words = re.split(rf"[?.;:!,]|\b{_EN_ENDS_TOPIC}\b", " ".join(before) + " | " + " ".join(after))[0]
            for rx, _ in self._places:  # the place names the plan, not its topic
                words = rx.sub(" | ", words)
            # Each English term is said where the place's plans write any of its Vietnamese wordings' pairs (or its
            # one syllable): "waste" is "rác thải" or "nước thải".
            said, unsaid = 0, 0
            for b, e, vi in glossed(words, general=False):
                if is_setting(corrected(words)[b:e]):  # "commune", "provincial": the setting, no topic
                    continue
                grams = self._bigrams(vi) or set(re.findall(r"[a-z]+", fold(vi)))
                # "development" ("phát triển"): words most plans use name no topic; "community tourism" ("du lịch cộng
                # đồng") is named by its rarer pairs ("du lịch"), not by the common one ("cộng đồng").
                if len(self.plans) > 2:
                    grams = {g for g in grams if 2 * self._used_by(g) <= len(self.plans)}
                if not grams:
                    continue
                if any(self._used_by(g, within) for g in grams):
                    said += 1
                else:
                    unsaid += 1
            # "the Dong Hai plan on HIV/AIDS prevention": a name both languages write alike, that no plan of the place
            # writes, is a topic the place's plans are not on, whatever else its words share with them.
            # Not a name the glossary gives other words ("WASH" is "nước sạch và vệ sinh"): its terms are counted above.
            absent = [a for a in acronyms if re.search(rf"\b{re.escape(a)}\b", words)
                      and not any(self._used_by(x, within) for x in re.findall(r"[a-z]+", a))
                      and not any(fold(vi) not in re.findall(r"[a-z0-9]+", a) for _, _, vi in glossed(a, general=False))]
            if unsaid > said or absent:
                return " ".join(w for w in words.replace("|", " ").split() if w.strip("'’") not in {"the", "on", "about", "for", "s", ""})
        return ""

    def _title_spans(self, t: str, docs: list[re.Match[str]], sources: set[str],
                     least: int = 1) -> list[tuple[int, int, bool]]:
        """From the word for a plan through the last pair of the named plans' title words after it:
        "kế hoạch phòng, chống đuối nước trẻ em" in "kh phong chong duoi nuoc tre em lam ha kinh phí …",
        but not "kh của địa phương" (no title holds "địa phương"); only runs of `least` title words or more."""
        # The plan is known: every pair of its title's words extends the span, the common ones ("nhà ở") and
        # its period's years ("2026 - 2028") as much as the pairs that named it.
        titles = [re.findall(r"[a-z0-9]+", fold(p.title)) for p in self.plans if p.source in sources]
        pairs = {f"{a} {b}" for toks in titles for a, b in itertools.pairwise(toks)}
        out = []
        for m in docs:
            ws = list(re.finditer(r"[a-z0-9]+", t[m.end():]))
            names = [w.group(0) for w in ws]
            end, said = m.end(), 0
            for n, w in enumerate(names):
                titled = (n and f"{names[n - 1]} {w}" in pairs) or (n + 1 < len(names) and f"{w} {names[n + 1]}" in pairs)
                if titled:
                    end, said = m.end() + ws[n].end(), n + 1
                # "số" joins a number to its plan ("kế hoạch số 27"), never a title to what follows ("Sở Y tế").
                elif w not in _JOINERS or (w == "so" and n):
                    break
            if end > m.end() and said >= least:  # a word for a plan with no title after it names none ("kh của địa phương")
                out.append((m.start(), end, True))
        return out

    @cached_property
    def _units(self) -> dict[str, frozenset[str]]:
        """Each plan's section ids and the ids of the units above them ("III.6" for "III.6.đ")."""
        return {p.source: frozenset(".".join(parts[:n]) for s in p.sections for parts in [s.id.split(".")]
                                    for n in range(1, len(parts) + 1)) for p in self.plans}

    def has(self, p: Plan, sid: str) -> bool:
        """The plan has the unit `sid`, or units under it."""
        return sid in self._units[p.source]

    def find(self, source: str) -> Plan | None:
        return next((p for p in self.plans if p.source == source), None)


__all__ = ["DOC_KINDS", "KIND_NAMES", "Catalogue", "Naming", "asks_for_plans", "base_number", "issuer_body", "issuer_short", "plan_json", "plan_label",
           "province"]
