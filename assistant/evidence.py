"""Whether the plan speaks to a question at all: the plan's vocabulary (its words, their folded and toneless
forms, the initials of its repeated phrases, its short titles) and the evidence thresholds for declining,
fitted on the development sets (`python -m eval abstention`, `python -m eval calibrate`)."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import cached_property

from assistant.agencies import KNOWN, squash
from assistant.focus import NO_TOPIC
from assistant.glossary import (
    ABBREVIATIONS,
    asked_terms,
    content_terms,
    edits1,
    expand_tokens,
    translate_terms,
)
from assistant.lexicon import abbreviations, function_words, intent_tokens
from assistant.query import Query, asking_spans, bracket_readings, english_topic
from assistant.retrieve import Hit, Retriever, lexical_terms
from assistant.scope import ENGLISH_COMMON, Scope
from index.normalize import SYLLABLE, fold, tokens, tones
from index.parse import Plan

# Evidence below these marks means the plan does not speak to the question (calibrated on
# eval/questions.jsonl with `python -m eval calibrate`).


def _figures(text: str) -> set[str]:
    """The figures of a question that are no year, section number or date: "150", "1.850", "60"."""
    found = re.findall(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+|\d{2,})(?![\w.,/]|[.,]\d)", text)
    return {n for n in found if not re.fullmatch(r"(?:19|20)\d\d", n)}


def _states(passage: str, figure: str) -> bool:
    return bool(re.search(r"(?<![\d.,])" + re.escape(figure) + r"(?![\d]|[.,]\d)", passage))


@functools.cache
def _genre_codes() -> frozenset[str]:
    """The words of the genre's agency names and aliases and of the staff abbreviations, folded."""
    words = [*KNOWN, *(x for _, aliases in KNOWN.values() for x in aliases)]
    words += [*abbreviations(), "ubnd", "hdnd", "mttq", "ubmttq", "tw", "kh", "qd", "ttr", "nq", "ctr"]
    return frozenset(w for x in words for w in re.findall(r"[a-z]+", squash(x)))


MIN_DENSE = {"vi": 0.86, "vi_nodiac": 0.86, "en": 0.76}
MIN_COVERAGE = {"vi": 0.2, "vi_nodiac": 0.25, "en": 0.65}
# Evidence that the plan does not speak to a question, per style: its best dense cosine, the share of its
# word pairs the plan holds, and BM25's best score all low; for questions typed without marks, also a
# share of words no plan uses. `python -m eval abstention` fits them on every development set (plan 65's
# held-out sets and each plan's own set in eval/sets) so that the check alone declines at most 2 % of
# answerable questions; for questions typed without marks and for English ones, whose answerable
# questions mostly take another route before this check, the bounds were then widened to the values
# below by comparing whole runs (python -m eval run on the held-out sets, python -m eval plans).
# Named reasons (money, years, places …) come first, in scope.py.
MAX_LEXICAL = {"vi": float("inf"), "vi_nodiac": 10.0, "en": float("inf")}
UNKNOWN = {"vi_nodiac": (2, 0.15, 0.30)}  # at least n words no plan uses, that share of the question, coverage below
UNKNOWN_DENSE = {"vi": 0.87}  # a word no plan uses (no function word) with a cosine below this
UNTRANSLATED_EN = 0.81  # an English question the glossary has no term of, with a cosine below this
# Syllables of question phrasing; a bigram of two of them says nothing about the topic.
_QUESTION_WORDS = set(
    "la ai gi nao bao nhieu the nhu sao khong co hien nay moi nhat ra hom qua mai tuan di o cua ve cho "
    "voi thi nhung cac mot duoc can phai lam ke hoach noi de cap "
    # asking when and where as staff type it: "ở đâu", "mấy h", "khi nào", "lúc nào", "hạn chót"
    "dau may h gio khi luc han chot".split()
)
# Words of asking and of referring to the plan's structure; their absence from the plan
# says nothing. Abbreviations staff type are known words too.
# How often a pair of words may stand in the plans and still name a topic of a question made of asking words otherwise.
_FEW = 6
_ASKING = set(
    """là ai gì nào bao nhiêu thế như sao không có hiện nay mới nhất ra hôm qua mai tuần đi ở của về
    cho với thì những các một được cần phải làm kế hoạch nói đề cập gồm đâu mấy nhỉ vậy ạ khoản mục
    điểm phần hạn thời trăm đặt nhắc hai ba kê liệt tên cứ nv nhiệm vụ lúc khi giờ đến năm tới chỗ
    nội dung chịu nộp hãy xin cho biết còn nữa giúp giùm dùm hết mình tôi với anh chị bạn ạ nhé nha
    ơi rõ kể hả chứ xem kèm đó này kia ko đc dc cùng nhau khác dd thpt thcs bhxh bhyt ptnt nn gd đt ubnd hđnd
    tw kh ldtbxh lđtbxh tttt vhttdl tnmt khcn khđt gdđt nnptnt
    chuyện cái luôn nhiều giống mảng vd cq kq tóm tắt mốc chót xong lo bên vụ nhắm kêu gọi nằm mà mỗi""".split()
)

# Words that ask about the plan and its tasks without naming a topic ("liệt kê tất cả nhiệm vụ").
_PLAIN = {fold(w) for w in _ASKING | {"giao", "tất", "cả", "toàn", "bộ", "tổng", "cộng", "đề", "ra", "trong", "này",
                                      "gì", "nói"}}

_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def _toneless(word: str) -> str:
    """A word without its tone mark, its vowel marks kept: "biệt" -> "biêt"."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).translate(_TONES))



def initialisms(text: str, least: int = 2) -> set[str]:
    """Initials of the plan's repeated phrases, as staff abbreviate them: "du lịch cộng đồng" gives
    "dlcd", "hợp vệ sinh" "hvs", "người cao tuổi" "nct". Read from the plan, never listed in code."""
    counts: dict[tuple[str, ...], int] = {}
    for sentence in re.split(r"[.;:,()\n]", fold(" ".join(text.split()))):
        toks = re.findall(r"[a-z]+", sentence)
        for n in (3, 4):
            for i in range(len(toks) - n + 1):
                gram = tuple(toks[i : i + n])
                counts[gram] = counts.get(gram, 0) + 1
    return {"".join(t[0] for t in g) for g, c in counts.items() if c >= least}


class Evidence:
    """The plan's vocabulary and the calibrated evidence that a question is about the plan."""

    def __init__(self, plans: tuple[Plan, ...], retriever: Retriever, scope: Callable[[], Scope]) -> None:
        # The scope is built when first needed: a library's own assistant reads questions with the vocabulary
        # alone and builds no plan's tables.
        self.plans, self.retriever, self._scope = plans, retriever, scope
        self._spelled: dict[str, tuple[str, str]] = {}

    @property
    def scope(self) -> Scope:
        return self._scope()

    @cached_property
    def words(self) -> set[str]:
        words = set(re.findall(r"[^\W\d_]+", "\n".join(tones(p.text).lower() for p in self.plans))) | _ASKING
        return words | set(ABBREVIATIONS)

    @cached_property
    def folded_words(self) -> set[str]:
        return {fold(w) for w in self.words}

    @cached_property
    def toneless(self) -> set[str]:
        return {_toneless(w) for w in self.words}

    @cached_property
    def initialisms(self) -> set[str]:
        return {a for p in self.plans for a in initialisms(p.text)}

    @cached_property
    def capitals(self) -> set[str]:
        """The plans' words written only in capitals ("ATVSLĐ", "PCCC"), folded: abbreviations, however often used."""
        said = re.findall(r"[^\W\d_]{2,}", "\n".join(p.text for p in self.plans))
        small = {fold(w) for w in said if not w.isupper()}
        return {f for w in said if w.isupper() and (f := fold(w)) not in small}

    @cached_property
    def _phrases(self) -> list[list[tuple[str, str]]]:
        """The plans' clauses as their syllables, each folded and as written."""
        out = []
        for p in self.plans:
            for clause in re.split(r"[.;:()\n|]", " ".join(p.text.split())):
                said = re.findall(r"[^\W\d_]+", clause)
                if len(said) >= 2:
                    out.append([(fold(w), w) for w in said])
        return out

    def spelled(self, initials: str) -> tuple[str, str]:
        """The plan's phrase a staff abbreviation stands for, read from the plan, never listed in code: the run of
        syllables whose first letters it is ("kcn": "khu công nghiệp", "atvsld": "an toàn vệ sinh lao động"),
        folded and as written, where one such run occurs at least twice (three times for two letters) and twice as
        often as any other, and mostly in small letters (a run that is mostly a name's words, "Phòng Văn hóa - Xã hội",
        is read by the directory of bodies, not spelled out); ("", "") else."""
        if initials in self._spelled:
            return self._spelled[initials]
        n = len(initials)
        counts: dict[tuple[str, ...], int] = {}
        named: dict[tuple[str, ...], int] = {}  # runs written with capitals after the first word, as names are
        written: dict[tuple[str, ...], str] = {}
        for clause in self._phrases:
            for i in range(len(clause) - n + 1):
                run = clause[i : i + n]
                if all(f[0] == c for (f, _), c in zip(run, initials, strict=True)):
                    key = tuple(f for f, _ in run)
                    counts[key] = counts.get(key, 0) + 1
                    named[key] = named.get(key, 0) + any(w[:1].isupper() for _, w in run[1:])
                    written.setdefault(key, " ".join(w.lower() for _, w in run))
        ranked = sorted(counts.items(), key=lambda x: -x[1])
        clear = bool(ranked) and ranked[0][1] >= (3 if n == 2 else 2) and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) \
            and 2 * named[ranked[0][0]] < ranked[0][1]
        self._spelled[initials] = (" ".join(ranked[0][0]), written[ranked[0][0]]) if clear else ("", "")
        return self._spelled[initials]

    @cached_property
    def titles(self) -> set[str]:
        # Items and points by their titles; parts only where they say how the plan is carried out ("KINH PHÍ",
        # "TỔ CHỨC THỰC HIỆN"): "mục tiêu", "nhiệm vụ" name every plan's parts and tie a question to none.
        return {
            " ".join(tokens(s.title))
            for p in self.plans for s in p.sections
            if (s.kind in {"item", "point"} or (s.kind == "part" and s.role in {"funding", "implementation", "reporting"}))
            and 2 <= len(s.title.split()) <= 6
        }

    def topic(self, q: Query) -> list[str]:
        """The words of a question that could name a task or a target: none in "Ai phối hợp?",
        "còn năm 2025?" or "who coordinates them?"."""
        asking = intent_tokens()
        if q.style == "en":
            return [w for w in english_topic(q.text) if w not in asking and w not in NO_TOPIC]
        words = re.findall(r"[^\W\d_]+", tones(q.text).lower())
        # A word the plan never uses names nothing in it; asking words and "họ", "đó" name no task.
        known = self.folded_words if q.style == "vi_nodiac" else self.words
        out = [w for w in words if w not in _ASKING and fold(w) not in asking and w not in NO_TOPIC
               and (fold(w) if q.style == "vi_nodiac" else w) in known]
        # … unless two of them side by side, outside any phrasing of asking, are a pair the plan writes: "day boi" of
        # "ai chu tri day boi" is "dạy bơi", not "đấy" and "bởi".
        return out or [w for pair in self._written_pairs(words) for w in pair]

    def _written_pairs(self, words: list[str]) -> list[tuple[str, str]]:
        """Pairs of adjacent words, neither inside a phrasing of asking ("chủ trì", "khi nào"), that the plan writes."""
        folded = [fold(w) for w in words]
        text = " ".join(folded)
        starts = list(itertools.accumulate((len(w) + 1 for w in folded), initial=0))
        asked = [(m.start(), m.end()) for m in asking_spans(text)]
        free = [not any(a <= st < b for a, b in asked) for st in starts[:-1]]
        # … and that names something, not the genre's every sentence: a pair the plans write a few times ("dạy bơi"),
        # not dozens ("thực hiện").
        return [(words[i], words[i + 1]) for i in range(len(words) - 1) if free[i] and free[i + 1]
                and any(not set(marked) <= function_words() for marked in self._marked_pairs.get((folded[i], folded[i + 1]), ()))
                and self.scope.folded.count(f" {folded[i]} {folded[i + 1]} ") <= _FEW]

    @cached_property
    def _marked_pairs(self) -> dict[tuple[str, str], set[tuple[str, str]]]:
        """Each pair of adjacent words the plans write, folded, with the forms they write it in ("day boi": "dạy bơi")."""
        out: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for p in self.plans:
            words = re.findall(r"[^\W\d_]+", tones(p.text).lower())
            for a, b in itertools.pairwise(words):
                out.setdefault((fold(a), fold(b)), set()).add((a, b))
        return out

    def topic_words(self, q: Query) -> list[str]:
        """What a question names beyond asking about the plan, its tasks and its sections."""
        text = q.text
        for r in q.refs:
            text = text.replace(r.text, " ")
        if q.style == "en":
            return content_terms(text)
        return [w for w in re.findall(r"[^\W\d_]+", fold(text)) if w not in _PLAIN and w in self.folded_words]

    def names_a_title(self, q: Query) -> bool:
        """"yeu cau khi trien khai": a question naming a unit's title is about the plan."""
        return any(f" {t} " in q.words for t in self.titles)

    def unknown_words(self, q: Query) -> list[str]:
        """Syllables of a Vietnamese question that never occur in the plan."""
        if q.style == "vi":
            # A slip is no topic: a word typed without its marks one letter from a known one
            # ("bao nhiu"), or without its tone mark ("đặc biêt").
            return [w for w in re.findall(r"[^\W\d_]+", q.text.lower())
                    if w not in self.words and fold(w) not in self.initialisms and w not in function_words() and not (w == fold(w) and self.slip(w))
                    and not (w == _toneless(w) and w in self.toneless)]
        if q.style == "vi_nodiac":
            return [w for w in re.findall(r"[a-z]+", fold(q.text))
                    if w not in self.folded_words and w not in self.initialisms and w not in function_words()]
        return []

    @cached_property
    def plan_words(self) -> str:
        return " " + " ".join(tokens("\n".join(p.text for p in self.plans))) + " "

    def quotes_plan(self, text: str) -> bool:
        """Two words or more of Vietnamese with their marks, in a row, that the plan writes; a name ("Quảng
        Ngãi", every word capitalised) is the plan's setting, no quotation of it."""
        runs = re.findall(r"(?:[^\W\d_]*[^\W\d_a-zA-Z][^\W\d_]*\s+)+[^\W\d_]*[^\W\d_a-zA-Z][^\W\d_]*", text)
        return any(f" {' '.join(tokens(r))} " in self.plan_words and not all(w[:1].isupper() for w in r.split())
                   for r in runs)

    def slip(self, word: str) -> bool:
        """One letter away from a word of the plan (dropped, added, changed or swapped)."""
        return len(word) >= 3 and bool(edits1(word) & self.folded_words)

    def evidence(self, q: Query, qvec: object, best: float | None = None) -> tuple[float, float]:
        """(best dense cosine, share of the question's content bigrams found in the plan)."""
        return self.dense(qvec, best), self.coverage(q)

    def dense(self, qvec: object, best: float | None = None) -> float:
        """The best dense cosine: from the retrieval that just ran (`best`) or, alone, a top-1 search of
        the question's vector (`qvec`, or a function giving it, called only now)."""
        import numpy as np

        if best is not None:
            return best
        if callable(qvec):
            qvec = qvec()
        if qvec is None:
            return 0.0
        top = self.retriever.dense(np.asarray(qvec), 1)
        return top[0][1] if top else 0.0

    def coverage(self, q: Query) -> float:
        """The share of the question's content bigrams found in the plan; of its best reading where a bracket says
        again in other words what it names ("người già (người cao tuổi)")."""
        return max(self._coverage(text, q.style) for text in bracket_readings(q.text))

    def _coverage(self, text: str, style: str) -> float:
        # Abbreviations count as the words they stand for ("kq" is "kết quả").
        toks = tokens(translate_terms(text)) if style == "en" else expand_tokens(text, False)
        bigrams = [f"{a}_{b}" for a, b in itertools.pairwise(toks)
                   if not (a in _QUESTION_WORDS and b in _QUESTION_WORDS)]
        known = self.retriever.known_terms(bigrams)
        return known / len(bigrams) if bigrams else 0.0

    @staticmethod
    def _names_typed(text: str) -> list[str]:
        """Names an English question types without marks, folded: runs of two or more capitalised syllables
        ("Hoai Chau", "An Hai")."""
        runs = [" ".join(tokens(n)) for n in re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", text)]
        return [n for n in runs if all(SYLLABLE.fullmatch(w) for w in n.split())]

    def out_of_scope(self, q: Query, hits: list[Hit], qvec: object, best: float | None = None) -> bool:
        if self.names_a_title(q):
            return False
        words = re.sub(r"<(script|style)\b.*?(</\1\s*>|$)|<[^>]*>", " ", q.text, flags=re.I | re.S)
        if not re.search(r"[^\W\d_]{2,}", words):
            return True
        cov = self.coverage(q)
        # The cosine is weighed by the rules that need it, last: a question asked under the name of its plan
        # is embedded again whole (Turn.out_of_scope) only when one does.
        dense = functools.cache(lambda: self.dense(qvec, best))
        lexical = self.retriever.lexical(lexical_terms(q.text, q.style == "en"), 1)
        top = lexical[0][1] if lexical else 0.0
        unknown = self.unknown_words(q)
        n_words = len(re.findall(r"[^\W\d_]+", q.text))
        if q.style in UNKNOWN:
            least, share, below = UNKNOWN[q.style]
            if len(unknown) >= least and len(unknown) / max(n_words, 1) >= share and cov < below:
                return True
        if unknown and dense() < UNKNOWN_DENSE.get(q.style, 0.0):
            return True
        # A figure the question gives that a passage retrieval puts near it states ("at least 150 new fire hydrants":
        # "ít nhất 150 trụ nước chữa cháy") ties it to the plan in any language.
        if any(_states(h.text, n) for n in _figures(q.text) for h in hits[:3]):
            return False
        # English words tie a question to the plan when the glossary its thresholds were fitted on knows
        # one, or when two of the genre's terms are words this plan writes ("mid-term review": "sơ kết
        # giữa kỳ"); "hotel" is the genre's word for nothing a plan on social policy says.
        # An English question that quotes the plan's own Vietnamese ("the “bốn tại chỗ” motto") is tied to it.
        # A name the plan writes that is neither English nor a Vietnamese syllable ("the Breteau index", "VNeID")
        # ties an English question to it, as a code does a Vietnamese one (below).
        if q.style == "en" and any(not SYLLABLE.fullmatch(w) and w in self.scope.vocab and w not in _genre_codes()
                                   and w not in ENGLISH_COMMON for w in (fold(x) for x in re.findall(r"(?<=\s)[A-Z][A-Za-z]{3,}", q.text))):
            return False
        # A place or a name the plan writes, typed in English without its marks ("through Hoai Chau ward and An Hai
        # commune": "phường Hoài Châu, xã An Hải") ties the question to the plan: two capitalised syllables or more.
        # Not the place that issues it ("a good hotel in Quang Ngai city"): every question of the plan may name that.
        if q.style == "en" and any(f" {n} " in self.scope.folded and f" {n} " not in self.scope.issuers
                                   for n in self._names_typed(q.text)):
            return False
        if q.style == "en" and not asked_terms(q.text) and self.scope.written_weight(q.text) < 2 \
                and not self.quotes_plan(q.text) and dense() < UNTRANSLATED_EN:
            return True
        # A term of the plan that is no Vietnamese syllable ("pccc", "ocop", "methadone") ties a Vietnamese
        # question to it, however few of its word pairs the plan writes ("ai chu tri kiem tra pccc o cho, tttm").
        # The genre's own codes ("ubnd", "bhxh", "ldtbxh") are every plan's and tie a question to none.
        if q.style != "en" and any(not SYLLABLE.fullmatch(w) and w in self.scope.vocab and w not in _genre_codes()
                                   for w in re.findall(r"[a-z]{3,}", fold(q.text))):
            return False
        return cov < MIN_COVERAGE[q.style] and top < MAX_LEXICAL[q.style] and dense() < MIN_DENSE[q.style]
