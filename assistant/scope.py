"""Questions the plan cannot answer, known from what the plan contains rather than from scores.

Each check compares what a question asks for with what the plan holds: the plan names one
province, states no sum of money and no address, sets figures for a few years only, and
names one person (its signer). A check returns the reason to show, or "" when it has nothing to say.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from functools import cache

import stopwordsiso

from assistant.glossary import EN_VI, content_terms, edits1, procedural, topic_phrases, vietnamese
from assistant.lexicon import intent_tokens, list_words, says, spelled_out
from assistant.query import Query, asked_years, asking_part
from assistant.retrieve import lexical_terms
from assistant.targets import Target
from index.genre import UPPER, vocabulary
from index.normalize import SYLLABLE, fold, has_diacritics, tones
from index.parse import Plan

# Provinces and cities (genre.toml [places]): one the plan does not name is another plan's ground.
OTHER_PLACE = re.compile(r"\b(" + "|".join(re.escape(w) for w in vocabulary()["places"]["provinces"]) + r")\b")
# A sum of money: a price, fee, wage, contribution or loan. Vietnamese phrases are folded.
# Written with their marks: a question typed with marks is read with them ("thời lượng tối thiểu" is a length of
# airtime, "lương tối thiểu" a wage), one typed without them by their folded forms.
_MONEY_MARKED = (
    "bao nhiêu tiền", "mấy tiền", "bao nhiêu đồng", "triệu đồng", "tỷ đồng", "vnd", "bao nhiêu triệu", "mấy triệu",
    "bao nhiêu nghìn", "mấy nghìn", "học phí", "lệ phí",
    "viện phí", "chi phí", "mức phí", "mức lương", "bảng lương", "lương tối thiểu", "lương cơ sở",
    "lương cơ bản", "tăng lương", "mức đóng", "mức thu nhập", "chuẩn nghèo", "giá vé", "giá nhà", "giá đất",
    "giá xăng", "giá điện", "giá nước", "giá thuốc", "vay tối đa",
)
_MONEY_VI = tuple(fold(w) for w in _MONEY_MARKED)
_MONEY_WORDS = {w for phrase in _MONEY_VI for w in phrase.split()}
# Words that ask for a sum without saying which ("tổng kinh phí thực hiện kế hoạch là bao nhiêu tỷ đồng").
_SUM_WORDS = _MONEY_WORDS | {w for phrase in list_words("budget") for w in fold(phrase).split()} | {
    "bao", "nhieu", "bn", "may", "tong", "ke", "hoach", "thuc", "hien", "bo", "tri", "du", "kien", "la", "cua", "cho", "de",
    "duoc", "phan", "total", "estimated", "how", "much", "what", "is", "the", "plan", "of", "for"}
_MONEY_EN = re.compile(
    # "by how much does it aim to cut crime": a change's size, no sum.
    r"\b((?<!by )how much (is|are|does|do|did|will|money)|how much (\w+ ){0,2}(per|a|each) (month|year|person|head|household)|costs?|prices?|fees?|tuition|wages?|salar(y|ies)|premiums?|poverty (line|threshold|standard)|"
    # "dong" only as a currency: after a figure or "Vietnamese", never a place's name ("Dong Giang province")
    r"allowance amount|income (threshold|line|level|standard|ceiling)|vnd|\d[\d.,]*\s*(million |billion |thousand )?dong|vietnam(ese)? dong|"
    # money paid or lent: "what monthly cash amount will the province pay", "the maximum loan a household can get"
    r"cash|loans?|allowances?|grants?|benefit amounts?|"
    # "the monthly amount of the social pension": a sum of a benefit, not its coverage
    r"amounts? of (?:the |a |an )?(?:[\w-]+ ){0,2}(?:pensions?|allowances?|benefits?|subsid(?:y|ies)|support|assistance))\b"
)
# A sum written with its currency: "30 tỷ đồng", "1.500.000 đồng", "342 triệu USD"; "2 triệu lượt khách" is a count.
_MONEY_IN_PLAN = re.compile(r"\d[\d.,]*\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)?(?:đồng|VNĐ|VND|USD)\b", re.I)
# Penalties and discipline: the plan asks for strict handling of abuse, but sets no sanction.
_PENALTY = re.compile(r"\b(penalt\w*|sanction\w*|disciplin\w*|fined|fines|punish\w*|ky luat|xu phat|che tai|muc phat)\b"
                      r"|\b(what|which|how much) (\w+ )?fines?\b")
_PENALTY_IN_PLAN = re.compile(r"kỷ luật|xử phạt|chế tài|mức phạt", re.I)
# What a law itself provides (an age, a period): the plan quotes no provisions.
_LAW = re.compile(r"\b(statutory|by law|under (the |vietnam s )?(\w+ ){0,4}law|labou?r code|law on \w+|bo luat|theo luat|luat quy dinh|"
                  r"phap luat quy dinh|theo luat \w+)\b")
_UNDER_LAW = re.compile(r"^(?:\w+ ){0,2}(under|according to|as required by|theo( quy dinh cua)?) (the )?(\w+ ){0,5}(law|code|luat)\b")
_WH = re.compile(r"\b(what|which|how|when|who|whom|bao nhieu|may|nhu the nao|gi|nao|ai)\b")
# Administrative procedures: papers to file, where to apply. The plan describes none.
_PROCEDURE = re.compile(r"\b(thu tuc|ho so gom|nop ho so|giay to|giay phep|procedures?|paperwork|documents? (are )?(needed|required)|"
                        r"how (do|can) i apply|where (do|can) i apply|work permits?|visas?|licen[cs]es?|passports?)\b")
_PROCEDURE_IN_PLAN = re.compile(r"thủ tục", re.I)
# Communes and villages: the plan names none.
_COMMUNES = re.compile(r"\b(which|what) (specific )?(communes?|villages?|wards?|districts?)\b(?![\s-]*(?:level|people|authorit|committee|bod))|(?<!dia )\b(xa|thon|lang|phuong|huyen) nao\b"
                       r"|\bnhung (xa|phuong|thon)\b")
# The Vietnamese word of a unit a question asks for by name.
_UNIT_WORD = {"commune": "xa", "village": "thon", "ward": "phuong", "district": "huyen", "lang": "lang"}
# A figure asked for: how many, how much, what share.
# The whole country as a question names it: "cả nước", "toàn quốc", "nationwide", "the national target".
_NATION = re.compile(r"\b(ca nuoc|toan quoc|nationwide|national (?:target|figure|level|average|rate)s?(?! program)|"
                     r"(?:for|across) the (?:whole )?country)\b")
_COMPARED = re.compile(r"\b(so voi|bang|hon|compared (?:with|to)|than|relative to)\s+(?:\w+\s+){0,4}"
                       r"(ca nuoc|toan quoc|nationwide|national|the (?:whole )?country)\b")
_FIGURE = re.compile(
    r"\b(bao nhieu|may (nguoi|ho|can|thang|nam|lan|phan tram)|so luong|ty le|phan tram|so lieu|how many|how much|baselines?|values|"
    r"what ([a-z-]+ ){0,2}(share|percentage|proportion|rate|number|numbers|figure|figures|level))\b"
)
# The plan's own units counted or listed: "bao nhiêu nhiệm vụ", "những nhiệm vụ nào", "how many tasks".
# "the 2030 indicators": a year set before the targets it names, as English does ("chỉ tiêu năm 2030" asks that year).
_PAST = re.compile(r"\b(what was|what were|how (?:high|low|many|much) was|when the plan was (?:adopted|issued|approved|signed)|"
                   r"at the time of|truoc khi ban hanh|khi ban hanh ke hoach|thoi diem ban hanh)\b")
_TARGETS_OF_YEAR = re.compile(r"\b(20\d\d) (?:indicators?|targets?|goals?)\b")
_ALL_UNITS = re.compile(r"\b(bao nhieu|may|nhung|cac|how many|which|what|all|every) (nhiem vu|nv|hoat dong|tasks?|activities|items)\b")
_NOW = re.compile(r"\b(hien nay|hien tai|bay gio|currently|current(?! (?:plan|document|decision|period))|at present|right now|today|this year|nam nay)\b")
# A place in a ranking, and what someone said: a plan states neither unless it writes so.
_RANK = re.compile(r"\b(xep thu(?! tu)|dung thu(?! tu)|xep hang|thu hang|rank(?:ed|s|ing)? (?:among|amongst|compared|against|relative)|how (?:does|do|did|will) (?:\w+ ){1,3}rank|ranking of (?:the )?"
                   r"provinces|league table)\b")
_STATEMENT = re.compile(r"\b(phat bieu|speech|statement by|said when|say when)\b")  # "trích dẫn", "quote" also cite
# Asking who holds an office: the plan names no office holder but its signer.
_WHO_HOLDS = re.compile(
    r"\b(ai la|la ai|who is|who's|who are|name of)\b.*\b(bi thu|chu tich|giam doc|truong phong|truong ban|bo truong|"
    r"thu tuong|chanh van phong|secretary|chairman|chairwoman|president|director|minister|governor|head of)\b"
    r"|\b(bi thu|chu tich|giam doc|truong phong|truong ban|chanh van phong|secretary|chairman|chairwoman|president|"
    r"director|minister|governor|head of)\b.*\b(la ai|ten (la )?gi)\b"
    # "who currently runs the department" holds an office; "who runs the drill" leads a task.
    r"|\bwho (currently|now) (heads|runs|chairs|directs)\b|\bwho (heads|chairs|directs) the\b"
    r"|\bai (dang |hien )?(dung dau|lam giam doc|lam chu tich)\b"
)

# Contact details and whereabouts: an address, an office, a telephone number, where a place
# is. Where a report goes or where the plan was issued is the plan's business.
_CONTACT = re.compile(
    r"\b(dia chi|tru so|o dau(?! (van ban|ke hoach|trang|phan|muc|tien))|so dien thoai|dien thoai|sdt|so dt|"
    # "address" the noun ("the address of", "its address"), not the verb ("does the plan address malnutrition")
    r"duong day nong|hotline|(?:the|an|its|their|postal|office|street|mailing|email|s)\s+address(?:es)?|"
    r"address(?:es)?\s+(?:of|for)|located|phone number|"
    r"phone|email|where (is|are) the (office|building|headquarters|hq)|"
    # an office's hours ("làm việc vào giờ nào", "mấy h đóng cửa", "opening hours"); "trong mấy giờ" is how long
    r"gio lam viec|gio nao|(?<!trong )(?<!sau )(?<!vong )may gio|(?<!trong )(?<!sau )(?<!vong )may h|gio (?:mo|dong) cua|(?:mo|dong) cua (?:luc|vao|may)|opening hours|office hours|open on)\b"
)
_CONTACT_PLAN = re.compile(r"\b(gui|nop|ban hanh|bao cao|ky|luu|noi nhan|sent|send|submit\w*|report\w*|issued|signed|filed|recipients?)\b")
# Contact details a plan may state: a labelled address, phone or email, a phone number, an email address ("cải
# tạo trụ sở Thư viện tỉnh" is a building, no address).
_CONTACT_IN_PLAN = re.compile(r"(?:địa chỉ|điện thoại|e-?mail|fax)\s*:|@\w|\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b", re.I)
# A phone number or an email asked for outright: no plan's business of sending or reporting makes it the plan's.
_PHONE_MAIL = re.compile(r"\b(so dien thoai|dien thoai|sdt|so dt|duong day nong|hotline|phone|email|e mail)\b")
# The number itself asked for: "là số mấy", "số nào", "what is the hotline number", "the number to call".
_NUMBER_ASKED = re.compile(r"\b(?:la )?so (?:may|nao|bao nhieu)\b|\bwhat(?: is|'s| s)? the (?:[\w-]+ ){0,3}(?:number|email)\b"
                           r"|\bnumber to (?:call|dial)\b|\b(?:so dien thoai|sdt|duong day nong|hotline|email)(?: \w+){0,3} (?:nao|gi)\b")


def years_said(years: Collection[int], en: bool) -> str:
    """"2025 and 2030", "2025 và 2030"."""
    return (" and " if en else " và ").join(map(str, sorted(years)))


# Why the plan cannot answer, in both languages: the words of every refusal.
_REASONS = {
    "place": ("the question is about another province", "câu hỏi về tỉnh, thành phố khác"),
    "money": ("it states no prices, fees, wages or other sums of money", "không nêu mức tiền, giá, phí hay lương nào"),
    "sum": ("it states no such sum of money", "không nêu khoản tiền này"),
    "years": ("it sets figures for {years} only", "chỉ đặt chỉ tiêu cho năm {years}"),
    "indicator_years": ("it sets this indicator for {years} only", "chỉ đặt chỉ tiêu này cho năm {years}"),
    "figure": ("it gives no such figure", "không nêu con số này"),
    "unmentioned": ("it never mentions {said}", "không nhắc đến {said}"),
    "unassigned": ("it assigns no body to {said}, though it does to the units beside it",
                   "không giao đơn vị nào thực hiện {said}, dù có giao cho các mục bên cạnh"),
    "district": ("it names no district or commune: its figures are for the whole province",
                 "không nêu riêng cho huyện, xã nào, chỉ tiêu là của toàn tỉnh"),
    "nation": ("it sets figures for its own area, none for the whole country",
               "chỉ đặt chỉ tiêu cho địa bàn của mình, không nêu chỉ tiêu cả nước"),
    "procedure": ("it describes no administrative procedures", "không hướng dẫn thủ tục hành chính nào"),
    "penalty": ("it sets no penalties or disciplinary measures", "không quy định hình thức xử phạt hay kỷ luật nào"),
    "law": ("it quotes no provisions of laws", "không trích dẫn quy định cụ thể của luật"),
    "contact": ("it gives no addresses, office hours or contact details",
                "không nêu địa chỉ, giờ làm việc hay thông tin liên hệ nào"),
    "date": ("it sets no date for this; it says: {said}", "không nêu ngày cụ thể; kế hoạch ghi: {said}"),
    "rank": ("it ranks the province among no others", "không xếp hạng tỉnh với các tỉnh khác"),
    "statement": ("it records no one's statements", "không ghi lời phát biểu của ai"),
    "office": ("it names no office holder except its signer", "không nêu tên người giữ chức vụ nào ngoài người ký"),
    "kind": ("it names no {said}", "không nêu tên {said} nào"),
    "body": ("it never names {said}", "không nêu tên {said}"),
    "section": ("no such section", "không có mục này"),
}


def reason(key: str, en: bool, years: Collection[int] = (), said: str = "") -> str:
    """The refusal reason `key` in the asker's language; `said` is what the plan writes instead (a date the plan gives
    no wording for is said to be unset, nothing quoted)."""
    text = _REASONS[key][0 if en else 1].format(years=years_said(years, en), said=said)
    return text.split(";")[0] if key == "date" and not said.strip() else text


ENGLISH_COMMON = frozenset(stopwordsiso.stopwords("en"))


_IN_DOCUMENT = re.compile(r"\b(xem|chi tiet|noi den|de cap|nhac den|trinh bay|trong (ke hoach|kh|van ban|phu luc))\b")


def _capitalised(text: str) -> str:
    """The runs of capitalised words of a text, folded, each run apart: "tỉnh Bình Định, đánh giá lại" gives
    "binh dinh"."""
    runs: list[list[str]] = [[]]
    for w in re.findall(r"[^\W\d_]+|[^\w\s]", text):
        if w[:1].isupper():
            runs[-1].append(fold(w))
        elif runs[-1]:
            runs.append([])
    return " | ".join(" ".join(r) for r in runs if r)


def _figure_asked(t: str) -> bool:
    """A figure asked of folded text: "bao nhiêu", "how much", "what is the …"."""
    return bool(_FIGURE.search(t) or re.search(r"\b(what is|what's|what are) the\b", t))


def _single_years(text: str) -> list[str]:
    """The years a text names on their own, not as an end of a period ("2026 - 2030")."""
    return re.findall(r"(?<![\d/])(?<![\d]\s-\s)(?<!\d-)(20\d\d)(?!\s*[-–]\s*20\d\d)(?![\d/])", text)


@cache
def _institution_named() -> re.Pattern[str]:
    """A kind of institution (genre.toml [kinds]) and the capitalised name after it, with up to three more words."""
    kinds = "|".join(re.escape(k) for k in sorted(vocabulary()["kinds"], key=len, reverse=True))
    return re.compile(rf"({kinds})\s+[{UPPER}][^\W\d_]*(?:\s+[^\W\d_]+){{0,3}}")


@cache
def _kind_patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Each kind of institution (genre.toml [kinds]) as an English, a marked and an unmarked question asks for one
    by name; a kind of one syllable has no unmarked pattern."""
    after = "|".join(map(re.escape, list_words("after_kind")))
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {"en": [], "marked": [], "folded": []}
    for kind, nouns in vocabulary()["kinds"].items():
        # "which levels of schools", "what kinds of hospitals" ask a category of the kind, no one named.
        out["en"].append((kind, re.compile(r"\b(?:which|what)(?! [\w'-]+ of\b)(?: [\w'-]+){0,2} (?:" + "|".join(map(re.escape, nouns))
                                            + rf")(?= (?:{after})\b| ?[?,.;:]|$)")))
        out["marked"].append((kind, re.compile(rf"\b{re.escape(kind.lower())} nào\b")))
        if " " in kind:
            out["folded"].append((kind, re.compile(rf"\b{re.escape(fold(kind))} nao\b")))
    return out


def as_typed(text: str, folded: str) -> str:
    """The words of `text` that fold to `folded`, as typed ("đăng ký khai sinh" for "dang ky khai sinh")."""
    words = list(re.finditer(r"\w+", text))
    n = len(folded.split())
    for i in range(len(words) - n + 1):
        if fold(" ".join(w.group(0) for w in words[i:i + n])) == folded:
            return text[words[i].start():words[i + n - 1].end()]
    return folded


@cache
def _genre_wordings() -> frozenset[str]:
    """The glossary's Vietnamese wordings of four syllables or more, folded: two words of the genre side by side
    ("đăng ký khai sinh"), which a question writes only of that topic."""
    out = (" ".join(re.findall(r"[a-z0-9]+", fold(v))) for v in EN_VI.values())
    return frozenset(v for v in out if len(v.split()) >= 4)


def _as_marked(words: list[str], marked: str, folded: str) -> bool:
    """The question says `folded` as `marked` or without marks ("luong toi thieu"), not with other marks
    ("thời lượng tối thiểu"); a phrase it holds only once a slip is mended counts."""
    n = len(folded.split())
    runs = [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    said = [r for r in runs if fold(r) == folded]
    return not said or any(r == marked or not has_diacritics(r) for r in said)


# Words that ask, join or say when right after a noun ("phường những việc nào", "xã có không", "gửi ubnd xã hạn ngày
# nào"): no place's name opens with one.
_ASKING_NEXT = frozenset({"nhung", "cac", "nao", "gi", "co", "khong", "ko", "phai", "can", "se", "da", "dang", "duoc", "thi",
                          "la", "va", "voi", "cung", "moi", "tat", "ai", "lam", "han", "thoi", "truoc", "sau", "bao"})


def _own_text(p: Plan) -> str:
    """The plan's own words, from its letterhead (the lines over the motto) to its last unit: a forwarding e-mail's
    lines before it and its sender's signature after ("ĐT: 0977 516 208") are no part of what the plan states."""
    motto = re.search(r"(?im)^.*(?:cộng hòa xã hội|cộng hoà xã hội)", p.text[:6000])
    start = motto.start() if motto else 0
    for _ in range(2):  # the issuer's lines over it ("ỦY BAN NHÂN DÂN" / "TỈNH HÒA LẠC")
        start = p.text.rfind("\n", 0, max(0, start - 1)) + 1
    # What follows the last unit the reader found is no unit of the plan's (an e-mail's closing lines); a decision's
    # plan after its signature is.
    last = max(p.sections, key=lambda s: s.start, default=None)
    end = last.start if last is not None and last.kind == "title" and last.start > start else len(p.text)
    return p.text[start:end]


class Scope:
    def __init__(self, plans: Sequence[Plan], targets: Sequence[Target]) -> None:
        # What the plan holds nowhere: a question asking for it gets the reason.
        self.money, self.contact, self.penalty, self.procedure = (
            any(rx.search(_own_text(p)) for p in plans)
            for rx in (_MONEY_IN_PLAN, _CONTACT_IN_PLAN, _PENALTY_IN_PLAN, _PROCEDURE_IN_PLAN)
        )
        self.years = sorted({t.year for t in targets})
        self.issued_years = {int(p.date[:4]) for p in plans if p.date[:4].isdigit()}
        # The years a target's own words state a result for beside its figure ("đạt ít nhất 85% (kết quả năm 2025:
        # 78,4%)"): a figure of that year is the plan's to give, though it sets none for it.
        self.result_years = {int(y) for t in targets for y in re.findall(r"(?<!\d)(20\d\d)\s*(?:là|đạt)?\s*:?\s*\d", t.indicator)}
        # The kinds of institution the plan names one of ("Bệnh viện Đa khoa tỉnh", "Ngân hàng Chính sách xã hội").
        kinds = vocabulary()["kinds"]
        # A heading in capitals ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH …") names none, nor does a kind before a sentence
        # that starts with a verb of doing ("… trong khu công nghiệp / Xây dựng, tổ chức …").
        doing = set(vocabulary()["verbs"]["start"])
        self.kinds_named = {k for k in kinds if any(
            not m.group(1).isupper() and " ".join(fold(m.group(2)).split()[:2]) not in doing
            for p in plans for m in re.finditer(rf"((?i:{re.escape(k)}))\s+([{UPPER}][^\W\d_]*\s+[^\W\d_]+)", p.text))}
        texts = [fold(p.text) for p in plans]  # folded once, for the words and the country's figures below
        self.folded = " " + " ".join(re.findall(r"[a-z0-9]+", " ".join(texts))) + " "
        # Whether a figure of the plans is said to be the whole country's ("cả nước phấn đấu đạt 95%").
        self.national = any(re.search(r"\b(?:ca nuoc|toan quoc)\b[^.;\n]{0,80}?\d[\d.,]*\s*%|\d[\d.,]*\s*%[^.;\n]{0,80}?\b(?:ca nuoc|toan quoc)\b",
                                      text) for text in texts)
        self.vocab = set(self.folded.split())
        # Where the plans are issued ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Quảng Ngãi, ngày …"), folded.
        self.issuers = " " + " ".join(re.findall(r"[a-z0-9]+", " ".join(fold(f"{p.issuer} {p.place}") for p in plans))) + " "
        # A plan that sets venues ("Địa điểm: Quảng trường …") and hours ("từ 20h00") answers "ở đâu", "mấy giờ".
        self.venues = " dia diem " in self.folded
        self.clock = bool(re.search(r" \d{1,2}h\d{2} ", self.folded))
        # Whether the plans rank the province or record a statement themselves (read once, not per question).
        self.ranks, self.states = bool(_RANK.search(self.folded)), bool(_STATEMENT.search(self.folded))
        # Names the plans write with capitals ("Quảng Ngãi", "Sở Y tế"), folded, one to three words long.
        caps = [re.findall(rf"[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*)*", p.text) for p in plans]
        self.proper = {fold(" ".join(ws[i:j])) for run in caps for name in run for ws in [name.split()]
                       for i in range(len(ws)) for j in range(i + 1, min(len(ws), i + 3) + 1)}
        # Syllables that begin no place's name after a unit's word: question words and auxiliaries, the
        # genre's verbs, and the words of administrative units ("huyện, thị xã" is no district named "thị xã").
        genre = [w for key in ("verbs",) for phrase in vocabulary()[key]["start"] for w in phrase.split()]
        units = [w for phrase in vocabulary()["places"]["units"] for w in phrase.split()]
        self.asking_next = set(vocabulary()["places"]["after_unit"])
        self.after_unit = self.asking_next | set(genre) | set(units)
        # The units below the province the plans name one of by name ("thôn Phước Lâm", "huyện Ba Tơ"), folded.
        self.units_named = {fold(m.group(1)) for p in plans
                            for m in re.finditer(r"\b([Tt]hôn|[Xx]ã|[Pp]hường|[Hh]uyện|[Tt]hị trấn|[Ll]àng|[Bb]ản)[ \t]+(\w)(\w*)", p.text)
                            if m.group(2).isupper() and not m.group(3).isupper()}

    def _asks_money(self, q: Query, t: str) -> bool:
        """A sum of money asked for: a money word with a figure asked ("bao nhiêu", "what is the
        fee"), or a Vietnamese money phrase the plan never uses ("học phí")."""
        t = re.sub(r"(?<=\w)-(?=\w)", " ", t)  # "what farm-gate price": the compound's words are words
        # "by what date must the review of people receiving monthly social allowances be completed": a time asked of
        # what the allowance is paid to, no sum.
        dated = bool(re.search(r"\b(when|by what date|what date|which date|by when|deadline|until when|what time)\b", t))
        figure = _figure_asked(t) or bool(re.search(r"\b(what|which) (\w+ ){0,2}(threshold|amount|level|line)\b", t)) \
            or (not dated and bool(re.search(r"\b(maximum|minimum|max|min|daily|weekly|monthly|annual) (\w+ ){0,1}"
                                             r"(loan|amount|payment|allowance|grant|sum)s?\b", t))) \
            or bool(re.search(r"\bwhat (\w+ ){0,2}(wages?|salary|unit costs?|costs?|prices?|fees?|allowances?|stipends?)\b", t))  # "what regional minimum wage"
        if q.style == "en":  # "(in VND)": a sum asked in its currency
            # "what share of retirees should receive a pension or monthly allowance": a share, no sum.
            share = bool(re.search(r"\b(what|which) (\w+ ){0,2}(share|percentage|proportion)\b|\bpercent", t))
            # "in VND", "in dong": the currency, not a place it begins ("in Dong Hai ward", "in Dong Giang").
            currency = re.search(r"\b[Ii]n (?:VND|[Vv]nd|[Dd]ong|[Vv]ietnam(?:ese)? [Dd]ong)\b(?! [A-ZĐ])", q.text)
            return (figure and not share and bool(_MONEY_EN.search(t))) or bool(currency)
        # "bao nhiu đồng": a word the plan lacks, one slip from a money word, is that word. Punctuation stays a
        # token: "chuyên gia, nhà khoa học" holds no "giá nhà".
        marked = re.findall(r"[a-z0-9]+|[,;:.?!()]", fold(spelled_out(q.text)))  # "bn tien": "bao nhieu tien"
        # Only a word typed without marks ("bao nhiu"): with them "Độc giả rất" is no slip of "giá đất".
        typed_marked = {fold(w) for w in re.findall(r"\w+", q.text.lower()) if has_diacritics(w)}
        padded = " " + " ".join(w if w in typed_marked or w in self.vocab or w in _MONEY_WORDS or len(w) < 3
                                else min(edits1(w) & _MONEY_WORDS, default=w) for w in marked) + " "
        words = re.findall(r"\w+", tones(q.text).lower())
        return any(f" {w} " in padded and (figure or f" {w} " not in self.folded) and _as_marked(words, m, w)
                   for m, w in zip(_MONEY_MARKED, _MONEY_VI, strict=True))

    def asks_sum(self, q: Query) -> bool:
        """A sum of money asked for: a price, fee or wage, or what the plan's funding amounts to ("tổng kinh phí
        bao nhiêu", "what is the total estimated budget"); a share asked of it ("bao nhiêu phần trăm") is none."""
        t = spelled_out(q.text)  # "bn kinh phi"
        if re.search(r"%|\b(phan tram|percent|percentage|share|ty le)\b", t):
            return False
        # "Budget envelope – total VND?", "tong kinh phi kh 65": a total of the funding named bare asks its sum as "how
        # much" does; in a longer Vietnamese sentence it is what is talked about ("có tính trong tổng kinh phí không").
        total = bool(re.search(r"\b(total|tong)\b", fold(t))) and (q.style == "en" or len(t.split()) <= 8)
        return self._asks_money(q, t) or ((_figure_asked(t) or total) and says(q.text, "budget"))

    @staticmethod
    def states_sum(text: str) -> bool:
        """A sum of money written: "260 tỷ đồng", "1.500.000 đồng"."""
        return bool(_MONEY_IN_PLAN.search(text))

    @staticmethod
    def states_asked_sum(q: Query, text: str) -> bool:
        """A passage that states the sum asked: a sum whose own clause holds a pair of the words the question
        gives it beyond asking for money ("ngân sách tỉnh khoảng 32 tỷ đồng" for "ngân sách tỉnh bao nhiêu"), or
        any sum where it gives none ("tổng kinh phí bao nhiêu"). "Ngân sách cấp xã bố trí bao nhiêu" is not
        answered by a total."""
        # A pair holding a figure ("năm_2026") is a year or a count, which the clause's own years are matched by below.
        asked = {t for t in lexical_terms(q.text, q.style == "en")
                 if "_" in t and not set(t.split("_")) <= _SUM_WORDS and not re.search(r"\d", t)}
        if q.style == "en":  # an English question's own words match no clause of the plan: their translations may
            asked -= set(lexical_terms(q.text))
        total = bool(re.search(r"\b(tong|total)\b", spelled_out(q.text)))  # a total asked: any sum the part states
        # A year asked on its own ("riêng năm 2027") is the sum's only where its clause names that year on its own
        # too: a total for "giai đoạn 2026 - 2027" gives no year's share. A period asked ("2024-2030") is the plan's.
        years = set(_single_years(q.text))
        # "how much per damaged household", "mỗi hộ được hỗ trợ bao nhiêu": an amount per unit is stated per unit
        # ("… đồng/hộ", "mỗi hộ 2 triệu đồng"), never by a total.
        each = bool(re.search(r"\b(per|each|a|moi)\s+(\w+\s+)?(household|person|family|student|child|ho|nguoi|hoc sinh|tre)\b"
                              r"|\b(?:dong|vnd)\s*/\s*[a-z]", spelled_out(q.text)))
        for m in _MONEY_IN_PLAN.finditer(text):
            if each and not re.search(r"/\s*\w|\b(mỗi|moi|per|each)\b", text[max(0, m.start() - 60) : m.end() + 20], re.I):
                continue
            pieces = re.split(r"[.;:]\s|\btrong đó\b", text[max(0, m.start() - 200) : m.start()])
            # "… từ ngân sách phường: 1.850.000.000 đồng": a sum right after a colon is what comes before it.
            clause = pieces[-2] if len(pieces) > 1 and not pieces[-1].strip() else pieces[-1]
            if not years <= set(_single_years(clause)):
                continue
            # A total asked is any sum the clause says is a budget's ("tổng kinh phí …: 4.850.000.000 đồng"), not
            # a turnover ("kim ngạch xuất khẩu … 342 triệu USD").
            if says(clause, "budget") if total else not asked or asked & set(lexical_terms(clause)):
                return True
        return False

    def asks_contact(self, folded: str) -> bool:
        """An address, a telephone number, an office's whereabouts: none is in the plan. "Xem chi tiết ở
        đâu", "được đề cập ở đâu trong kế hoạch" ask where in the document, not where a place is."""
        # A word the plan itself writes is the plan's ("cải tạo trụ sở Thư viện tỉnh", "số hóa tài liệu địa chí"); a
        # phone number asked outright is not, though the plan writes of one ("công khai số điện thoại đường dây nóng"):
        # only digits would answer "sđt đường dây nóng là số mấy".
        dialled = bool(_PHONE_MAIL.search(folded) and _NUMBER_ASKED.search(folded))
        asked = [m.group(0) for m in _CONTACT.finditer(folded) if (dialled or f" {m.group(0)} " not in self.folded)
                 and not (self.venues and re.fullmatch(r"o dau|where (is|are) the \w+", m.group(0)))
                 and not (m.group(0) == "o dau" and self._placed(folded[: m.start()]))
                 and not (self.clock and re.fullmatch(r"gio nao|may gio|may h", m.group(0)))]
        # "… ghi trong kh là số mấy": a number dialled asked of what the plan writes is still a number, no place in it.
        return (not self.contact and bool(asked)
                and (not _CONTACT_PLAN.search(folded) or bool(_PHONE_MAIL.search(folded)))
                and (dialled or not _IN_DOCUMENT.search(folded)))

    def _placed(self, before: str) -> bool:
        """The doing asked "where" of ("lập chốt ở đâu") is written in the plan with its place ("lập chốt tại chợ Hải
        Thanh"): the place is the plan's to say."""
        words = re.findall(r"[a-z0-9]+", before)[-2:]
        return len(words) == 2 and f" {' '.join(words)} tai " in self.folded

    def _below_province(self, text: str, t: str, en: bool = False) -> bool:
        """A district or commune the question names or asks for, which the plan does not name
        (it names none; its figures are the province's)."""
        # "huyện Sơn Hà", "Xã Đạ Sar", "phường Bình Minh", capitalised as typed: a unit below the province
        # and its name, which the plan does not put side by side.
        unit = re.search(r"(?i:\b(huyện|huyen|xã|xa|phường|phuong|thị trấn|thi tran|thôn|thon|district of|commune of))"
                         rf"\s+([{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*)?)", text)
        if unit and f" {fold(unit.group(1)).split()[0]} {fold(unit.group(2))} " not in self.folded \
                and fold(unit.group(2)) not in self.proper:
            return True
        # "khu phố 9", "thôn 3", "tổ dân phố số 5": a numbered unit of a commune or ward the plan never names.
        units = r"village|hamlet|residential group" if en else r"khu pho|to dan pho|thon|ap|to|ban|xom"
        numbered = re.search(rf"\b({units})\s+(?:so\s+|no\.?\s*)?(\d{{1,3}})\b", spelled_out(text))
        if numbered and f" {numbered.group(1)} {numbered.group(2)} " not in self.folded \
                and f" {numbered.group(1)} so {numbered.group(2)} " not in self.folded:
            return True
        # "Ba To district", "Bình Minh ward": a named district or commune the plan does not name.
        named_en = re.search(r"\b([A-ZĐ][^\W\d_]+(?:\s+[A-ZĐ][^\W\d_]+){0,2})\s+(?:district|town|commune|ward|village)\b", text)
        name = named_en.group(1) if named_en else ""
        if name and fold(name) not in self.proper and (" " in name or name.lower() not in ENGLISH_COMMON):
            return True
        # "ubnd huyen son tinh", "xa hoa thuy", typed in small letters: a name is two syllables after a unit's
        # word that the plan never puts side by side, nor after that word, the first no question word or verb
        # ("huyện nào", "huyện chủ trì" are not, nor "xa hoi", "phuong an": the plan writes "xã hội", "phương án").
        # Typed with marks, a name has its capitals ("của huyện hỏi" names nothing); a comma ends a name.
        # Abbreviations are spelled out first ("xa ntm nang cao" is "xã nông thôn mới"), and a name is made of
        # syllables of two letters or more ("xa e lam vhxh" is a commune official writing).
        # "cấp xã", "các xã", "mỗi xã" speak of every commune, no one of them.
        typed = [] if has_diacritics(text) else re.finditer(
            r"(?<!\bcap )(?<!\bcac )(?<!\bmoi )(?<!\btung )(?<!\bnhung )\b(huyen|xa|phuong)\s+([a-z]{2,})\s+([a-z]{2,})\b",
            spelled_out(text))
        for named in typed:
            word, a, b = named.groups()
            # "đoàn thanh niên phường những việc nào": a name opens with no word that asks or joins ("những").
            # A verb's or a unit's word may begin a name when the next is no word that asks or joins, and the plan
            # never writes the two side by side ("xa tinh khe" is xã Tịnh Khê; "xa tinh quang ngai" is "xã, tỉnh
            # Quảng Ngãi", which the plan writes).
            opens = a not in self.after_unit or (a not in self.asking_next and b not in self.after_unit
                                                and b not in intent_tokens())
            if f" {a} {b} " not in self.folded and opens and f" {word} {a} " not in self.folded \
                    and SYLLABLE.fullmatch(a) and SYLLABLE.fullmatch(b) and a not in _ASKING_NEXT:
                return True
        # "which communes", "xã nào": unless the plan names some by name ("thôn Phước Lâm, thôn Khe Ngang").
        commune = _COMMUNES.search(t)
        if commune is None or f" {commune.group(0)} " in self.folded:
            return False
        asked = commune.group(3) or commune.group(4) or commune.group(5) or ""
        return _UNIT_WORD.get(asked.rstrip("s"), asked) not in self.units_named

    def written_terms(self, text: str) -> list[str]:
        """The English topic phrases of a question whose glossary wording the plan writes (a pair of its
        syllables, or its one syllable): "mid-term review" is "sơ kết giữa kỳ"; "hotel" is "khách sạn", a
        word of the genre's glossary that a plan on social policy never writes."""
        out = []
        for term in content_terms(text):
            toks = re.findall(r"[a-z0-9]+", fold(vietnamese(term)))
            grams = [f" {a} {b} " for a, b in itertools.pairwise(toks)] or [f" {w} " for w in toks]
            if any(g in self.folded for g in grams):
                out.append(term)
        return out

    def written_weight(self, text: str) -> int:
        """How strongly the written_terms tie an English question to the plans: one each, two for a topic phrase (not the
        genre's general or procedural vocabulary: "implementing") whose wording of three syllables or more the plans
        write whole ("swimming classes": "lớp dạy bơi", "landfills": "bãi chôn lấp")."""
        topics = set(topic_phrases(text))

        def whole(term: str) -> bool:
            toks = re.findall(r"[a-z0-9]+", fold(vietnamese(term)))
            return term in topics and not procedural(term) and len(toks) >= 3 and f" {' '.join(toks)} " in self.folded
        return sum(2 if whole(term) else 1 for term in self.written_terms(text))

    def unwritten_topics(self, q: Query, answer: Sequence[str]) -> list[str]:
        """Topics a question names in the genre's words, three syllables or more of them, of which the plans write not
        even half the syllable pairs and `answer` (the passages that would answer) writes none: "birth registration",
        "đăng ký khai sinh", asked of plans that register no births. English: the glossary's topic phrases of the
        question, by their Vietnamese wording; Vietnamese: the glossary's wordings the question writes."""
        if q.style == "en":  # a topic's phrase of two words or more ("birth registration"), no general word ("list")
            said = [(term, vietnamese(term)) for term in topic_phrases(q.text) if " " in term]
        else:
            words = f" {' '.join(re.findall(r'[a-z0-9]+', fold(q.text)))} "
            said = [(as_typed(q.text, v), v) for v in _genre_wordings() if f" {v} " in words]
        said_answer = f" {' '.join(re.findall(r'[a-z0-9]+', fold(' '.join(answer))))} "
        out = []
        for term, vi in said:
            toks = re.findall(r"[a-z0-9]+", fold(vi))
            pairs = [f" {a} {b} " for a, b in itertools.pairwise(toks)]
            # The passage that would answer writes none of its pairs either ("lớp Một" answers "grade 1", "lớp Một
            # lớp 1" in the glossary; "trung tâm giám sát" a "monitoring centre" the glossary calls "trung tâm quan trắc").
            said_in_answer = any(x in said_answer for x in pairs)
            if len(toks) >= 3 and f" {' '.join(toks)} " not in self.folded and not said_in_answer \
                    and sum(x in self.folded for x in pairs) * 2 < len(pairs) and term not in out:
                out.append(term)
        return out

    def _writes(self, text: str, word: str) -> bool:
        """An English word of the question whose glossary wording the plan writes: "reservoir operating
        procedures" are the plan's "quy trình vận hành", not an administrative procedure to apply by."""
        return any(word in term.split() for term in self.written_terms(text))

    def elsewhere(self, q: Query) -> str:
        """Why a question about another province, or about a district or commune the plan never names,
        is not this plan's to answer; "" when it is about the plan's own ground."""
        # "Tôi là thương binh … ở huyện Tư Nghĩa … Xin hỏi … cơ quan nào chủ trì?": where the asker says they live,
        # before asking, is no place asked about.
        asked = asking_part(q.text)
        t, en = (q.words if asked == q.text else " ".join(re.findall(r"[a-z0-9]+", spelled_out(asked)))).strip(), q.style == "en"
        # A place's name is written with capitals where the question has its marks: "đánh giá lại" holds no
        # "Gia Lai". Typed without marks and in lower case, any run of its words may be it.
        names = t if q.style == "vi_nodiac" else _capitalised(asked)
        place = OTHER_PLACE.search(names)
        # A province the plan itself names (its own, or one it works with) is no other place: named with capitals
        # ("Đà Nẵng"), not words that fold alike ("nhà tập luyện đa năng").
        if place and place.group(1) not in self.proper:
            return reason("place", en)
        street = self._street(asked)
        if street:
            return reason("unmentioned", en, said=street)
        return reason("district", en) if self._below_province(asked, t, en) else ""

    def _street(self, text: str) -> str:
        """A street the question names by its capitalised name ("đường Quang Trung", "Quang Trung street") which the
        plan never writes; "" when it names none or one the plan writes."""
        vi = re.search(rf"\b(?:đường|phố)\s+([{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*){{0,3}})", text)
        en = re.search(r"\b([A-ZĐ][^\W\d_]+(?:\s+[A-ZĐ][^\W\d_]+){0,3})\s+(?:[Ss]treet|[Rr]oad|[Aa]venue)\b", text)
        m = vi or en
        if m is None or (m is en and all(w.lower() in ENGLISH_COMMON for w in m.group(1).split())):
            return ""
        name = fold(m.group(1))
        return "" if f" {name} " in self.folded else m.group(0)

    def unknown_institutions(self, text: str) -> list[str]:
        """Institutions a question names by their kind and a capitalised name ("Bệnh viện Y dược cổ truyền tỉnh",
        "Công ty FPT") that the plans never write: named ones the plan does not name. Read as typed with marks,
        whose capitals tell a name; the kind and the name's first two words are looked for."""
        if not has_diacritics(text):
            return []
        out = []
        for m in _institution_named().finditer(text):
            words = fold(m.group(0)).split()
            key = " ".join(words[: len(fold(m.group(1)).split()) + 2])
            if f" {key} " not in self.folded and m.group(0) not in out:
                out.append(m.group(0))
        return out

    @staticmethod
    def kind_asked(q: Query) -> str:
        """The kind of institution a question asks for by name ("bệnh viện nào", "which provincial hospital will
        …"), or "". Read with the marks the question has ("quỹ nào", never "quy định thế nào"); typed without them,
        a kind of one syllable ("quy", "truong") is too many words to read so; in English the kind ends what is
        asked ("which hospital will …", not "what density of hospital beds")."""
        en, marked = q.style == "en", has_diacritics(q.text)
        text = " ".join(re.findall(r"\w+|[?,.;:]", tones(q.text).lower() if marked else spelled_out(q.text)))
        style = "en" if en else "marked" if marked else "folded"
        return next((kind for kind, rx in _kind_patterns()[style] if rx.search(text)), "")

    def unheld(self, q: Query) -> str:
        """A kind of thing the plans hold none of, asked for: a penalty, a ranking among provinces, someone's
        statement. Asked of a body or a task as much ("Giám đốc Sở … đã phát biểu những gì khi trình Kế hoạch"), it is
        declined before any body's tasks are listed; "" else."""
        t, en = q.words.strip(), q.style == "en"
        # Without its marks "bị phạt" is "bị phát hiện" as often: it is read only as typed with marks.
        if not self.penalty and (_PENALTY.search(t) or "bị phạt" in q.text.lower()):
            return reason("penalty", en)
        # "xếp thứ mấy trong các tỉnh miền Trung", "what did the director say when presenting it": a ranking, a
        # statement, where the plan writes none.
        if _RANK.search(t) and not self.ranks:
            return reason("rank", en)
        if _STATEMENT.search(t) and not self.states:
            return reason("statement", en)
        return ""

    def reason(self, q: Query) -> str:
        """Why the plan cannot answer q, in q's language; "" when no check applies."""
        t, en = q.words.strip(), q.style == "en"
        where = self.elsewhere(q)
        if where:
            return where
        if not self.money and self._asks_money(q, t):
            return reason("money", en)
        if _LAW.search(t) and (_FIGURE.search(t) or re.search(r"\b(what|which) (is|are) the\b|\b(bao nhieu|may) tuoi\b", t)):
            return reason("law", en)
        # "Under the Tourism Law, what conditions …", "theo Luật Trẻ em, …": a question whose source is a law
        # asks what the law says.
        if _UNDER_LAW.search(t) and _WH.search(t):
            return reason("law", en)
        asked = set(asked_years(q.text))
        # "baseline values (2023) for the 2030 indicators": a year that names the targets asked of is not the year a
        # figure is asked for, where another year is.
        naming = {int(m.group(1)) for m in _TARGETS_OF_YEAR.finditer(t)}
        asked = asked - naming if asked - naming else asked
        now = bool(_NOW.search(t))  # "hiện nay": a statistic of today, where the plan sets targets
        # "what was the stunting rate when the plan was adopted": a statistic of the past, as much.
        now = now or bool(_PAST.search(t))
        # "năm nay", "this year": the year the plan is issued in, as a plan of that year says it ("chỉ tiêu … năm nay" of
        # a plan for 2026 issued in 2026 asks its 2026 target).
        if now and re.search(r"\b(nam nay|this year)\b", t) and not re.search(r"\b(hien nay|hien tai|bay gio|currently|at present|right now|today)\b", t):
            now, asked = False, asked | self.issued_years
        asks_target = "target" in q.intents and not {"lead", "coordinate", "timeline", "aggregate"} & set(q.intents)
        # "có bao nhiêu nhiệm vụ có thời gian thực hiện là 'Năm 2024 và các năm tiếp theo'": a year of tasks' times,
        # counted or listed, is no target's year.
        counts_units = bool({"timeline", "aggregate"} & set(q.intents)) and bool(_ALL_UNITS.search(t))
        if self.years and (now or asked) and not asked & (set(self.years) | self.result_years) and not counts_units \
                and (_FIGURE.search(t) or asks_target):
            return reason("years", en, self.years)
        # "Nghị quyết 42 đặt mục tiêu cho cả nước … bao nhiêu", "the national target": a figure of the whole country,
        # where the plans set none for it (no figure of theirs is said to be the country's).
        # "… đạt mức nào so với cả nước" compares the plan's own figure with the country: that is the plan's to say.
        if _NATION.search(t) and (_FIGURE.search(t) or asks_target) and not self.national and not _COMPARED.search(t):
            return reason("nation", en)
        if unheld := self.unheld(q):
            return unheld
        # A word the plan writes itself ("tổ chức sát hạch, cấp, đổi giấy phép lái xe" is a task) asks of the plan.
        procedure = _PROCEDURE.search(t)
        if not self.procedure and procedure and f" {procedure.group(0)} " not in self.folded \
                and not (en and self._writes(q.text, procedure.group(0))):
            return reason("procedure", en)
        # "who sets up the provincial hotline": the plan's "đường dây nóng" is a task of it, no number asked of it.
        # What the plan does about it is asked, not its number ("which agency sets up the hotline, and by when").
        # "which body sets up the reporting channel (e-mail box and phone line)": who does it is asked, no number.
        # A channel it sets up is named as one ("e-mail box", "phone line", "đường dây", "hộp thư"); "name, phone or
        # email" of a focal point asks contact details.
        who = bool({"lead", "coordinate"} & set(q.intents)) and bool(
            re.search(r"\b(?:e ?mail|phone|telephone|dien thoai)\s+(?:box|boxes|lines?|channels?)\b|\b(?:duong day|hop thu)\b", t)) \
            and not re.search(r"\b(numbers?|address(es)?|so dien thoai|sdt|so dt|dia chi)\b", t)
        if self.asks_contact(t) and not who and not (en and not re.search(r"\bnumbers?\b", t)
                                                     and any(self._writes(q.text, m.group(0)) for m in _CONTACT.finditer(t))):
            return reason("contact", en)
        # "Bệnh viện nào sẽ thí điểm …", "which hospital will pilot …": a named institution of a kind the plan names none of.
        kind = self.kind_asked(q)
        if kind and kind not in self.kinds_named and not _FIGURE.search(t):  # "what share of schools …" asks a figure
            return reason("kind", en, said=next(iter(vocabulary()["kinds"][kind])) if en else kind.lower())
        # "mức học bổng … bao nhiêu": a level asked of a thing the plan never writes (its two words after "mức") is a
        # figure it does not give.
        # Read as typed with marks: without them "muc" is "mục" (a section) as often.
        level = re.search(r"(?<!\w)mức\s+([^\W\d_]+\s+[^\W\d_]+)", tones(q.text).lower()) if has_diacritics(q.text) else None
        pair = fold(level.group(1)) if level else ""
        # A word of it the plan never writes ("bổng"): "mức giảm điện năng" is the plan's words said otherwise.
        if level and _FIGURE.search(t) and f" {pair} " not in self.folded and any(w not in self.vocab for w in pair.split()) \
                and pair.split()[0] not in self.asking_next | intent_tokens():
            return reason("figure", en)
        # The plan's signer is named; the signer of another document ("người ký Tờ trình") is not.
        if _WHO_HOLDS.search(t) and not re.search(r"\b(ky|sign\w*)\b(?! (?:\w+ )?(to trinh|nghi quyet|cong van|submission|resolution))", t):
            return reason("office", en)
        return ""
