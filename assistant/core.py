"""The assistant: load an index once, then search and answer questions with citations."""

from __future__ import annotations

import itertools
import re
from collections import OrderedDict
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from assistant.agencies import Directory
from assistant.answer import Answer, Choice, Citation
from assistant.compose import Composer
from assistant.compose.base import STATES_FIGURE, overlap, time_headed, topic_terms
from assistant.evidence import Evidence
from assistant.focus import ROLES, History, clarify, other_readings, reading_note, user_turns
from assistant.frame import read
from assistant.glossary import (
    edits1,
    translate_terms,
)
from assistant.lexicon import (
    function_words,
    intent_tokens,
    lexicon_words,
    list_words,
    says,
    short_forms,
    spelled_out,
)
from assistant.library import Catalogue
from assistant.query import (
    Ids,
    Query,
    Reference,
    asks_content,
    asks_document,
    counted_words,
    detect_intents,
    detect_style,
    further_questions,
    own_topic,
    parse_query,
    part_topic,
    two_questions,
    without_naming,
)
from assistant.retrieve import Hit, Retriever, lexical_terms
from assistant.routes import Turn, compose
from assistant.scope import Scope
from assistant.settings import Settings
from assistant.targets import Target, extract_targets, target_sections
from index.embed import get_embedder
from index.normalize import SYLLABLE, fold, has_diacritics, tokens, tones, unwrap
from index.parse import Plan, Task, plans_named
from index.store import check_embedder, load_index

# Earlier user turns answered again, at most, to find what a conversation is about (Assistant.focus).
FOCUS_DEPTH = 3


# Plans whose assistants (their tables, composer, scope) a library keeps built at once: past it, the
# plan asked least recently is rebuilt when next asked (~0.1-0.3 s), so a 500-plan library stays within
# the memory budget however many of its plans get asked.
SHELF = 64


class QuestionError(ValueError):
    """The question cannot be answered as typed; the message says why."""


# A sum of money asked for, and the units a sum is stated in.
_MONEY_ASKED = re.compile(r"\b(kinh phi|bao nhieu tien|ngan sach|von|budget|funding|cost|money|dong)\b")
_MONEY_UNIT = re.compile(r"(ty|trieu|nghin|ngan|dong|vnd|billion|million)\b")

# A figure or date an answer gives: "15/5/2027", "85", "2.5".
_FIGURES = re.compile(r"\d+(?:[/.,]\d+)*")
_FOLLOW = re.compile(r"^(còn|con|thế còn|the con|vậy còn|vay con|và|va|what about|and|how about)\b|thì sao|thi sao|\?$")


# The word for a plan, then up to three short words joined by "và" ("kh pctt va", "kế hoạch"): what follows may name it.
_NAMING_BEFORE = re.compile(r"\b(?:kh|ke hoach|qd|quyet dinh|ctr|chuong trinh|plan)\s+(?:[a-z]+\s+(?:va\s+|&\s+)?){0,3}$")


class Assistant:
    def __init__(self, plans: tuple[Plan, ...], retriever: Retriever, settings: Settings) -> None:
        self.plans, self.retriever, self.settings = plans, retriever, settings
        self.plan = plans[0]
        # A library of several plans answers each question from the plans it names or that answer it,
        # each plan by an assistant of its own over its own chunks (built when first asked).
        self.catalogue = Catalogue(plans, lambda text: [a.name for a in self.directory.find(text)]) if len(plans) > 1 else None
        self._shelf: OrderedDict[str, Assistant] = OrderedDict()  # most recently asked last
        self.known = Ids((s.id for p in plans for s in p.sections),
                         (s.id for p in plans for s in p.sections if s.kind == "part" and s.role == "tasks"),
                         (s.id for p in plans for s in p.sections if s.kind == "part" and s.role in {"objectives", "targets"}),
                         ((s.title, s.id) for p in plans for s in p.sections if s.kind == "group"),
                         (t.id for p in plans for t in p.work() if t.lead))
        # The tables below are built on first use, not here: a library's own assistant needs few of them
        # (its plans answer through their own assistants), and at 500 plans building them all took
        # longer than the app may take to start.

    @cached_property
    def directory(self) -> Directory:
        return Directory(self.plans)

    @cached_property
    def targets(self) -> list[Target]:
        return [t for p in self.plans for t in extract_targets(p)]

    @cached_property
    def _target_sections(self) -> set[str]:
        return {s for p in self.plans for s in target_sections(p)}

    @cached_property
    def composer(self) -> Composer:
        return Composer(self.plans, self.directory, self.targets)

    @cached_property
    def scope(self) -> Scope:
        return Scope(self.plans, self.targets)

    @cached_property
    def judge(self) -> Evidence:
        """The plan's vocabulary and the evidence that a question is about it."""
        return Evidence(self.plans, self.retriever, lambda: self.scope)

    def evidence(self, q: Query, qvec: object, best: float | None = None) -> tuple[float, float]:
        return self.judge.evidence(q, qvec, best)

    def unknown_words(self, q: Query) -> list[str]:
        return self.judge.unknown_words(q)

    def _out_of_scope(self, q: Query, hits: list[Hit], qvec: object, best: float | None = None) -> bool:
        return self.judge.out_of_scope(q, hits, qvec, best)

    def _topic_words(self, q: Query) -> list[str]:
        return self.judge.topic_words(q)

    @classmethod
    def load(cls, settings: Settings | None = None, index: Path | None = None) -> Assistant:
        settings = settings or Settings()
        ix = load_index(index or settings.index)
        embedder = get_embedder(str(ix.meta["embedder"]))
        check_embedder(ix, embedder)
        return cls(ix.plans, Retriever(ix, embedder, settings), settings)

    # -- retrieval -------------------------------------------------------------
    def query(self, question: str, history: History | None = None) -> Query:
        if not isinstance(question, str) or not question.strip():
            raise QuestionError("empty question: type a question about the plan")
        q = parse_query(question, self.known, self.settings.max_question)
        if not q.text:
            raise QuestionError("empty question: type a question about the plan")
        fixed = self._typos_fixed(q.text) if q.style != "en" else q.text
        if fixed != q.text:
            q = replace(q, intents=detect_intents(fixed))
            # "chu trii": the slip mended in what the rest reads too, so that no word of it counts as one the plan lacks.
            # Only a letter doubled or two swapped: a word one letter short of another ("trieu", "tieu") may be meant.
            slips = {w: m for w, m in zip(fold(q.text).split(), fixed.split(), strict=False) if w != m and w.isascii()
                     and (re.sub(r"(.)\1", r"\1", w) == m or (len(w) == len(m) and sorted(w) == sorted(m)))}
            if slips and len(fold(q.text).split()) == len(fixed.split()):
                text = re.sub(r"[A-Za-z]+", lambda x: slips.get(x.group(0).lower(), x.group(0)), q.text)
                q = replace(q, text=text)
        q = self._follow_up(q, user_turns(history))
        if self.catalogue is not None:  # a library's questions are read again by the plan they go to
            return q
        reading = fixed  # the words the question's intents are read from
        if q.style != "en" and (spelled := self._initials_spelled(q.text)) != q.text:
            reading = self._initials_spelled(reading)
            q = replace(q, text=spelled, intents=detect_intents(reading))
        # "tỷ lệ đèn LED", "the LED share", "den led": a word the plan writes only in capitals is a name, no asking word
        # ("led"), where the question writes it in capitals too or asks in Vietnamese (whose short forms, "ct", ask).
        names = {fold(w) for w in re.findall(r"[^\W\d_]{2,}", q.text) if fold(w) in self.judge.capitals
                 and (w.isupper() or (q.style != "en" and fold(w) not in short_forms()))}
        unnamed = re.sub(r"[^\W\d_]{2,}", lambda m: " " if fold(m.group(0)) in names else m.group(0), reading)
        if unnamed != reading and (intents := detect_intents(unnamed, q.style == "en")) != q.intents:
            q = replace(q, intents=intents)
        if not q.refs:
            q = replace(q, refs=self._target_refs(q))
        if not q.refs and q.style != "en":
            q = replace(q, refs=self._title_refs(q))
        elif not q.refs:
            q = replace(q, refs=self._group_refs(q))
        if q.refs and q.style == "vi_nodiac":
            q = replace(q, refs=self._by_topic(q))
        if q.refs:
            q = replace(q, refs=self._in_named_group(q))
        # "For 2027, what ceiling does the plan set on acute food poisoning cases": an indicator named for a
        # year the plan sets targets for asks for that target, whatever word asks it.
        # Not where a fact of the document is asked: "Who signed Nam Thanh's plan 47 on … new rural communes in 2026"
        # names the plan by its topic and year.
        if "target" not in q.intents and "meta" not in q.intents and q.year in self.composer.years \
                and self.composer.names_an_indicator(q):
            q = replace(q, intents=(*[i for i in q.intents if i != "content"], "target"))
        return q

    def _by_topic(self, q: Query) -> tuple[Reference, ...]:
        """"nv 6d nha o, noxh": typed without marks, "6d" may be 6đ; where the question's own words are the other
        unit's (its title and text) and hardly this one's, it names the other."""
        out = []
        for r in q.refs:
            # "6dd", "6đ": typed as đ, meant as đ.
            others = [] if re.search(r"dd|đ", r.text.lower()) else [
                (p, s.id) for p in self.plans for s in p.sections if s.id != r.section and fold(s.id) == fold(r.section)]
            if others:
                words = topic_terms(q.text.replace(r.text, " "))  # not "ai chu tri", "bao nhieu"
                own = max((overlap(words, set(lexical_terms(unwrap(p.body(r.section))))) for p in self.plans
                           if p.section(r.section) is not None), default=0.0)
                fit, best = max((overlap(words, set(lexical_terms(unwrap(p.body(sid))))), sid) for p, sid in others)
                if fit >= max(4.0, 2 * own):
                    r = Reference(best, r.text)
            out.append(r)
        return tuple(out)

    @cached_property
    def _group_leads(self) -> dict[str, set[str]]:
        """The bodies that lead every row of a table's group ("appendix.II": {"Bảo hiểm xã hội tỉnh"}), where the
        rows are numbered afresh in each group ("appendix.II.2")."""
        rows: dict[str, list[Task]] = {}
        for p in self.plans:
            for t in p.work():
                if t.id.startswith("appendix") and t.id.count(".") == 2:
                    rows.setdefault(t.id.rsplit(".", 1)[0], []).append(t)
        return {g: set.intersection(*(set(t.lead) for t in ts)) for g, ts in rows.items() if ts}

    def _in_named_group(self, q: Query) -> tuple[Reference, ...]:
        """"nhiệm vụ số 2 thuộc nhóm do Bảo hiểm xã hội tỉnh chủ trì", "task 2 of the Department of Health group", "nv 3
        nhóm ứng phó", "task 3 of the response group": in a table whose rows are numbered afresh in each group, row 2
        of the one group the question names, by a body that leads it throughout or by its title."""
        groups = self._group_leads
        if len(groups) < 2:
            return q.refs
        named = {a.name for a in self.directory.find(q.text)}
        led = [g for g, leads in groups.items() if leads & named] or self._titled_groups(q, set(groups))
        out = []
        for r in q.refs:
            number = re.fullmatch(r"(?:.*\D)?(\d{1,2})", r.text.strip())
            rows = [f"{g}.{number.group(1)}" for g in led if number and f"{g}.{number.group(1)}" in self.known]
            out.append(Reference(rows[0], r.text) if len(rows) == 1 and not r.section.startswith("appendix") else r)
        return tuple(out)

    @cached_property
    def _group_words(self) -> dict[str, list[str]]:
        """Each group of tasks with a title, its title's folded words ("appendix.II": ["ung", "pho"]), read once."""
        return {s.id: tokens(s.title) for p in self.plans for s in p.sections if s.kind == "group" and s.title}

    def _titled_groups(self, q: Query, among: set[str]) -> list[str]:
        """The one group of `among` whose whole title the question says ("nhóm ứng phó", "'Ứng phó' group"), or in
        English whose title's words its words put into Vietnamese mostly are ("the response group")."""
        titles = {g: words for g, words in self._group_words.items() if g in among and words}
        said = f" {q.words} "
        found = [g for g, words in titles.items() if f" {' '.join(words)} " in said]
        if not found and q.style == "en":
            put = set(tokens(translate_terms(q.text)))
            found = [g for g, words in titles.items() if len(set(words) & put) / len(set(words)) >= 0.5]
        return found if len(found) == 1 else []

    @cached_property
    def _unit_titles(self) -> dict[str, str]:
        """Folded short titles of parts and items ("kinh phi", "to chuc thuc hien") and their ids."""
        out: dict[str, str] = {}
        for p in self.plans:
            for s in p.sections:
                if s.kind in {"part", "item", "group"} and s.title and not s.title.endswith("…") and len(s.title.split()) <= 6:
                    out.setdefault(" ".join(tokens(s.title)), s.id)
        return out

    def _title_refs(self, q: Query) -> tuple[Reference, ...]:
        """"phần kinh phí", "mục tổ chức thực hiện", "nhóm nhiệm vụ thực thi pháp luật": a part, item or group of
        tasks named by its title."""
        for m in re.finditer(r"(?:^|(?<!danh) )(?:phan|muc|nhom(?: nhiem vu| giai phap)?|part|section) (?:ve )?",
                             q.words):  # "danh mục" is a list
            rest = q.words[m.end() - 1 :]
            found = max((t for t in self._unit_titles if rest.startswith(f" {t} ")), key=len, default="")
            if found:
                return (Reference(self._unit_titles[found], (m.group(0) + found).strip()),)
        return ()

    def _target_refs(self, q: Query) -> tuple[Reference, ...]:
        """"chỉ tiêu d", "target (c)": the lettered point of the plan's one unit of targets that holds lettered points."""
        # In English only a letter set apart ("target (c)", "target c?"): "target a commune" names none.
        m = re.search(r"\b(?:chỉ tiêu|chi tieu)\s+\(?(đ|dd|[a-eg-ik-n])\)?(?![\w.])|\btarget\s+(?:\(([a-eg-ik-n])\)|([a-eg-ik-n])(?=\s*(?:[?,;:]|$)))",
                      tones(q.text).lower())
        if not m:
            return ()
        said = m.group(1) or m.group(2) or m.group(3)
        letter = "đ" if said in {"dd", "đ"} else said
        found = [f"{s.id}.{letter}" for p in self.plans for s in p.sections
                 if s.role == "targets" and p.section(f"{s.id}.{letter}") is not None]
        return (Reference(found[0], m.group(0)),) if len(found) == 1 else ()

    def _group_refs(self, q: Query) -> tuple[Reference, ...]:
        """"the law-enforcement group", "the group of communication tasks": in English, the one group of tasks whose
        title the words before or after "group" say, through the glossary (at least half its title's words)."""
        groups = [(sid, set(words)) for sid, words in self._group_words.items()]
        m = re.search(r"((?:[\w-]+\s+){1,4})(?:tasks?\s+)?group\b|\bgroup\s+(?:of\s+)?((?:[\w-]+\s*){1,4})", q.text, re.I)
        if not groups or not m:
            return ()
        said = set(tokens(translate_terms(m.group(1) or m.group(2))))
        shares = sorted(((len(t & said) / len(t), sid) for sid, t in groups if t), reverse=True)
        if shares and shares[0][0] >= 0.5 and (len(shares) == 1 or shares[1][0] < shares[0][0]):
            return (Reference(shares[0][1], m.group(0).strip()),)
        return ()

    def _states_count(self, q: Query, passage: str) -> bool:
        """True when the passage states a count of the noun the question counts ("bao nhiêu đoàn": "- 36 đoàn đại
        diện …"; "how many exhibition booths": "72 gian hàng", the plan's noun through the glossary)."""
        counted = {w for w in counted_words(q.text) if w.isalpha()} - function_words()
        if q.style == "en":
            said = re.findall(r"\bhow many ((?:[a-z]+ ){0,2}[a-z]+)", q.text.lower())
            # Each word the glossary puts for it may be the plan's: "instructors" is "giáo viên hướng dẫn viên", and
            # "120 hướng dẫn viên" counts them.
            counted |= {x for phrase in said for w in phrase.split() if translate_terms(w) for x in tokens(translate_terms(w))}
        text = re.sub(r"^\s*[\dIVX]+[.)]\s", "", passage)
        # A word of the question's own beside the count, in its clause: "bao nhiêu tuổi" of a retirement age is not
        # "trẻ em 5 tuổi".
        topic = {w for w in re.findall(r"[a-z]+", fold(spelled_out(q.text))) if len(w) >= 3} - function_words() - counted
        if q.style == "en":
            topic |= set(tokens(translate_terms(q.text)))
        return bool(counted) and any(
            re.sub(r"[^a-z]", "", fold(m.group(0).split()[-1])) in counted
            and topic & set(re.findall(r"[a-z]+", fold(text[max(0, m.start() - 120) : m.end() + 120])))
            for m in STATES_FIGURE.finditer(text))

    def _states_asked_figure(self, q: Query, passage: str) -> bool:
        """True when the passage states a figure of what the question names: a count of the noun it counts
        (_states_count), or a number whose few words before it ("công suất 500 tấn/ngày", "tổng kinh phí … khoảng
        48,5 tỷ đồng") are the question's; a share asked wants a percentage, a sum of money a sum ("… bao nhiêu
        kinh phí" is not "4.500 người")."""
        if self._states_count(q, passage):
            return True
        asked = set(re.findall(r"[a-z]+", fold(q.text))) - function_words()
        share = "%" in q.text or bool(re.search(r"\b(phan tram|ty le|percent|percentage|share|proportion|rate)\b", q.words))
        money = bool(_MONEY_ASKED.search(" " + spelled_out(q.text) + " "))
        text = re.sub(r"^\s*[\dIVX]+[.)]\s", "", passage)
        for m in STATES_FIGURE.finditer(text):
            if share and "%" not in m.group(0):
                continue
            if money and not _MONEY_UNIT.match(fold(text[m.end() - len(m.group(0).split()[-1]) :])):
                continue
            # The words of its own clause before it: "Tổng kinh phí thực hiện Kế hoạch giai đoạn 2024 -
            # 2030 dự kiến khoảng 48,5 tỷ đồng" states the "tổng kinh phí" ten words back.
            clause = re.split(r"[.;:\n]\s", text[max(0, m.start() - 160) : m.start()])[-1]
            before = re.findall(r"[a-z]+", fold(clause))[-14:]
            if any(len(w) >= 3 and w in asked for w in before):
                return True
        return False

    def _typos_fixed(self, text: str) -> str:
        """Folded text with a typed slip in an asking word mended ("phoi hpo" -> "phoi hop"): a word
        of three letters or more that neither the plans nor the language's function words hold, one
        edit from exactly one word of the intent phrasings."""
        words = intent_tokens()

        def mend(m: re.Match[str]) -> str:
            w = m.group(0)
            if len(w) < 3 or w in self.judge.folded_words or w in words or w in function_words():
                return w
            # Two letters swapped is the commonest slip at a keyboard; then any one edit.
            swapped = {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for i in range(len(w) - 1)} & words
            near = swapped or edits1(w) & words
            if len(near) == 1:
                return next(iter(near))
            # Two words run together ("nhiemvu nao", "chutri"): two asking words the plan writes side by side.
            split = [f"{w[:i]} {w[i:]}" for i in range(2, len(w) - 1)
                     if w[:i] in words and w[i:] in words and f" {w[:i]} {w[i:]} " in self.judge.scope.folded]
            return split[0] if len(split) == 1 else w

        return re.sub(r"[a-z]+", mend, fold(text))

    @cached_property
    def _titles_said(self) -> str:
        """The plans' titles as folded words, each space-padded: read once, not per question."""
        return " ".join(" " + " ".join(tokens(p.title)) + " " for p in self.plans)

    def _initials_spelled(self, text: str) -> str:
        """The question with each staff abbreviation of the plan's own phrases spelled out as the plan writes them
        ("bn % dn trong kcn phai xay dung kh atvsld": "… khu công nghiệp … an toàn vệ sinh lao động"): a word of three
        letters or more that is no syllable of the language, no word of the plan (but one it writes only in capitals),
        of the lexicon's abbreviations or of its asking words (Evidence.spelled)."""
        marked = has_diacritics(text)
        known = lexicon_words()
        heads = set(list_words("body_heads"))

        titles = self._titles_said

        def spell(m: re.Match[str]) -> str:
            w = m.group(0).lower()
            if w in known or (w in self.judge.folded_words and w not in self.judge.capitals) or SYLLABLE.fullmatch(w) \
                    or w in function_words() or self.directory.find(w):  # "vhxh": a body's short name the directory reads
                return m.group(0)
            # "so tc", "ban ql cang ca": the word after a body's head word is its name in short, for the directory.
            before = text[: m.start()].split()[-1:]
            if before and fold(before[0]) in heads:
                return m.group(0)
            folded, written = self.judge.spelled(w)
            # "kh pctt va tkcn hoa binh nam": right after the word for a plan, the plan's title in short names the plan,
            # and says nothing of what is asked in it.
            if folded and f" {folded} " in titles and _NAMING_BEFORE.search(fold(text[: m.start()])):
                return m.group(0)
            return (written if marked else folded) or m.group(0)

        # Two letters stand for too many phrases ("tp", "tc", "kp"): three at least, or the lexicon's own.
        return re.sub(r"(?<![\w/.-])[A-Za-z]{3,8}(?![\w/-])", spell, text)

    def _follow_up(self, q: Query, previous: list[str]) -> Query:
        """"còn nhiệm vụ 6e thì sao?" after a lead question asks the same of 6e."""
        if not previous:
            return q
        prev = parse_query(previous[-1], self.known, self.settings.max_question)
        short = len(q.text.split()) <= 8 or bool(_FOLLOW.search(q.text.lower()))
        if not short:
            return q
        if q.refs and q.intents == ("content",) and prev.intents != ("content",):
            return replace(q, intents=prev.intents)
        agencies = self.directory.find(q.text)
        if agencies and prev.intents[0] == "aggregate" and q.intents == ("content",):
            return replace(q, intents=prev.intents)
        if not q.refs and prev.refs and q.intents != ("content",) and not agencies:
            return replace(q, refs=prev.refs)
        # "còn năm 2025?" after the 2030 target for health insurance: the same question of 2025.
        if q.year is not None and prev.year is not None and q.year != prev.year and not q.refs and not agencies \
                and not self.judge.topic(q):
            asked = parse_query(prev.text.replace(str(prev.year), str(q.year)), self.known, self.settings.max_question)
            return replace(asked, style=q.style)
        return q

    def search(self, question: str, k: int | None = None, retriever: str | None = None,
               plan: str | None = None) -> list[Hit]:
        if plan:
            return self.of(plan).search(question, k, retriever)
        q = self.query(question)
        return self.retriever.search(q, k or self.settings.k, retriever)

    # -- the plans of a library ------------------------------------------------
    def of(self, plan: str | Plan) -> Assistant:
        """The assistant of one loaded plan, named by its number ("65/KH-UBND"), file or file stem."""
        p = plan if isinstance(plan, Plan) else self.find_plan(plan)
        if len(self.plans) == 1:
            return self
        if p.source in self._shelf:
            self._shelf.move_to_end(p.source)
        else:
            self._shelf[p.source] = Assistant((p,), self.retriever.view(p.source), self.settings)
            if len(self._shelf) > SHELF:  # the plan asked least recently gives its tables back
                self._shelf.popitem(last=False)
        return self._shelf[p.source]

    def find_plan(self, name: str) -> Plan:
        """A loaded plan by its number, file name or file stem; QuestionError naming the loaded ones if none."""
        found = plans_named(self.plans, name)
        if len(found) == 1:
            return found[0]
        loaded = ", ".join(f"{p.number} ({p.source})" for p in found or self.plans)
        if found:
            raise QuestionError(f"plan {name!r} is ambiguous: name one by its file: {loaded}")
        raise QuestionError(f"unknown plan {name!r}: the loaded plans are {loaded}")

    # -- answering -------------------------------------------------------------
    def ask(self, question: str, k: int | None = None, history: History | None = None,
            retriever: str | None = None, plan: str | None = None) -> Answer:
        """The answer to a question; with several plans loaded, from the plan it names (or `plan`), or
        from each plan that answers it, labelled with its plan."""
        if self.catalogue is not None:
            from assistant.shelf import ask_library

            return ask_library(self, question, k, history, retriever, plan)
        if plan:
            self.find_plan(plan)  # one plan loaded: a plan given must be it
        return self.ask_plan(question, k, history, retriever)

    def ask_plan(self, question: str, k: int | None = None, history: History | None = None,
                 retriever: str | None = None, named: str = "") -> Answer:
        """The answer of this assistant's own plans, as one. `named` is the whole question when
        `question` is what is left of it once the words naming the plan are cut (library.Naming). A question
        asking two things of two topics (query.two_questions) gets both answers, one after the other."""
        asked = without_naming(question, self.known)
        if asked != question:
            return replace(self.ask_plan(asked, k, history, retriever, named or question), question=question)
        parts = two_questions(question) if len(question) <= self.settings.max_question else None
        if parts is None:
            whole = self._ask(question, k, history, retriever, FOCUS_DEPTH, named)
            return self._with_further(whole, k, history, retriever, named)
        if parts.carried:
            # A figure asked beside a task's roles, of the same topic: a question the plan declines whole ("which
            # NGOs are partners, and how much does each contribute") stays declined, not half answered.
            whole = self._ask(question, k, history, retriever, FOCUS_DEPTH, named)
            if whole.abstained:
                return whole
        first, second = (self._ask(p, k, history, retriever, FOCUS_DEPTH, named) for p in parts[:2])
        if second.answer == first.answer:  # both asks answered by one passage: said once
            return replace(first, question=question)
        said = [a for a in (first, second) if not a.abstained] or [first]
        cites = tuple(dict.fromkeys((*first.citations, *second.citations)))
        return replace(said[0], question=question, answer=f"{first.answer} {second.answer}",
                       abstained=first.abstained and second.abstained, citations=cites)

    def _with_further(self, whole: Answer, k: int | None, history: History | None, retriever: str | None,
                      named: str) -> Answer:
        """A question that asks more than one thing (query.further_questions) and whose answer leaves a part
        unanswered: each further part that names its own topic asked by itself, and its answer added where it
        cites what the answer does not."""
        question = whole.question
        further = further_questions(question) if len(question) <= self.settings.max_question else []
        # The document route reads every fact of the document a question asks ("who signed it, and in what
        # capacity"); a part of such a question asked alone drifts to a task that shares its words.
        # A part that asks no fact of the document ("… căn cứ kế hoạch nào, và ai giữ vị trí Ủy viên thường trực Ban Chỉ
        # huy") is asked by itself all the same.
        if whole.route == "document":
            further = [x for x in further if "meta" not in detect_intents(x) and not asks_document(x)]
        if not further or whole.route == "clarify" or whole.abstained:
            return whole
        cited = {(c.doc, c.section) for c in whole.citations}
        out = whole
        # A question that opens with a body asks each further part of it too, where the part names no body or
        # document of its own ("Công an tỉnh chủ trì nv nào, báo cáo kết quả trước ngày nào").
        subject = self.directory.subject(question)
        # The first part too: a route the later part's words chose ("… cụ thể hóa nghị quyết nào, và cơ quan nào là cơ
        # quan thường trực" read as a question on the standing agency) leaves the first unanswered.
        first = question[: question.find(further[0])].strip(" ,;") if further[0] in question else ""
        for part in ([first] if first else []) + further:
            # Only a part that names a topic of its own is asked by itself: "and by which year?", "in what
            # capacity?", "thời gian thực hiện được ghi thế nào" ask of the answer's topic, which the whole
            # question's route has read.
            if not self._names_own_topic(part):
                continue
            if part != first and subject is not None and not self.directory.find(part) and "meta" not in detect_intents(part):
                part = f"{subject.name} {part}"
            ans = self._ask(part, k, history, retriever, FOCUS_DEPTH, named)
            new = {(c.doc, c.section) for c in ans.citations}
            # Only an answer a route of its own gives: the nearest passage, a list or the thread's last tasks answer
            # a part asked on its own ("Có phải Sở Y tế không?", "Is it the Provincial Association of the Elderly?")
            # as often wrongly as rightly (allowing the nearest passage: 3 won, 19 answers given a wrong passage).
            vague = ans.rule in {"passage", "focus"} or ans.route in {"list", "clarify"} or len(new - cited) > 3
            # A passage the answer cites is read already, unless the part's answer gives a figure or date the answer
            # leaves out (a body's row cited with its tasks, its report deadline unsaid).
            read = new <= cited and not set(_FIGURES.findall(ans.answer)) - set(_FIGURES.findall(out.answer))
            if ans.abstained or vague or read or ans.answer in out.answer:
                continue
            cited |= new
            out = replace(out, answer=f"{out.answer} {ans.answer}",
                          citations=tuple(dict.fromkeys((*out.citations, *ans.citations))))
        return out

    def _names_own_topic(self, part: str) -> bool:
        """A part of a question names a topic of its own: in English two words no function word; in Vietnamese a
        pair of its words, not both function words, that the plan writes ("tầm nhìn")."""
        if detect_style(part) == "en":
            return len(own_topic(part)) >= 2
        words = [fold(w).lower() for w in part_topic(part)]
        pairs = [f"{a}_{b}" for a, b in itertools.pairwise(words) if not {a, b} <= function_words()]
        return self.retriever.known_terms(pairs) > 0

    def _ask(self, question: str, k: int | None, history: History | None, retriever: str | None,
             depth: int, named: str = "") -> Answer:
        q = self.query(question, history)
        k = k or self.settings.k
        asked = self._asks_of_no_task(q)
        focus = self.focus(history, k, retriever, depth) if asked else []
        topic = self._role_topic(q)
        # The bodies a role question offers as answers are no part of its meaning either ("… Is that the Legal
        # Dissemination Division?" is no question about legal dissemination); a document question's bodies ("ban
        # hành theo đề nghị của cơ quan nào") are the header's, whose meaning they carry. So is the plan's number,
        # which names it ("qd 418 ai lam nha ve sinh truong hoc"), of a question asking a task's roles …
        meant = topic if topic and q.intent != "meta" else q.text
        # … which for the lexical run only: the dense one's cosine is also the evidence the question is the plan's.
        if q.intent in ROLES:
            topic = self._unnumbered(topic) if topic else (self._unnumbered(q.text) or None)
        qvec = self.retriever.embed(meant) if (retriever or self.settings.retriever) != "bm25" else None
        hits, best = self.retriever.search_scored(q, k, retriever, qvec=qvec, words=topic if topic != q.text else None)
        self.composer.route = ""
        choices: tuple[Choice, ...] = ()
        rule = "focus" if asked and focus else "clarify" if asked else ""
        if asked and focus:
            text, cites, abstained = (*self.composer.focus_answer(q, focus, asked), False)
        elif asked:
            # Any task picked here would be a guess: ask which, offering the likeliest.
            text, choices = clarify(q, asked, self._candidates(hits))
            cites, abstained = [], False
        else:
            text, cites, abstained, rule = self._compose(q, hits, qvec, best, self.query(named) if named else None)
            readings = other_readings(q, self.plans) if not abstained else []
            if readings:
                note, choices = reading_note(q, readings)
                text = f"{text} {note}"
        route = "refusal" if abstained else "clarify" if asked and not focus else self.composer.route
        if not abstained:
            hits = self._cited_first(hits, cites, k)
        notice = ""
        if q.truncated:
            notice = (f"The question was cut to its first {self.settings.max_question} characters."
                      if q.style == "en" else
                      f"Câu hỏi đã được cắt còn {self.settings.max_question} ký tự đầu.")
        pages = self.retriever.index.pages
        if any(c.doc in pages for c in cites):  # a PDF's citations say their page ("trang 7")
            cites = [replace(c, page=self.retriever.index.page(c.doc, c.start)) for c in cites]
        return Answer(q.text, text, abstained, tuple(cites), tuple(hits), q.style, q.intent, notice, route, choices,
                      rule=rule)

    def _unnumbered(self, text: str) -> str:
        """The text less the words naming one of these plans by its number ("qd 418", "Kế hoạch số 65/KH-UBND",
        "plan 27"); the text as it is when it names none."""
        numbers = "|".join(sorted({re.escape(m.group(0)) for p in self.plans if (m := re.match(r"\d+", p.number or ""))}, key=len,
                                  reverse=True))
        if not numbers:
            return text
        return re.sub(rf"(?i)\b(?:kh|ke hoach|kế hoạch|qd|qđ|quyet dinh|quyết định|ctr|chuong trinh|chương trình|plan|decision|"
                      rf"programme)\s*(?:so\s*|số\s*|no\.?\s*)?(?:{numbers})(?:/[\w&-]+)?(?![\w/])", " ", text)

    def _role_topic(self, q: Query) -> str | None:
        """What retrieval should match of a question asking who holds a role: its words less the bodies it
        names, which it offers as answers ("is it the Department of Construction?"), not as its topic. Their
        names are in the role lines of the tasks they hold, and would bring those tasks up instead."""
        if q.refs or not {"lead", "coordinate"} & set(q.intents) or "aggregate" in q.intents:
            return None
        if not self.directory.find(q.text):
            return None
        return self.directory.unnamed(q.text)

    def focus(self, history: History | None, k: int | None = None, retriever: str | None = None,
              depth: int = FOCUS_DEPTH) -> list[tuple[Plan, Task]]:
        """The tasks the conversation is about: every task the last answer cited (all of a list).

        A history holds text only (the web chat, the API, the terminal), so the last user turn is
        answered again with the turns before it: answers are deterministic and take ~25 ms, and
        one mechanism then serves every front end. `depth` bounds how far back that goes."""
        turns = user_turns(history)
        if not turns or depth <= 0:
            return []
        try:
            last = self._ask(turns[-1], k, turns[:-1], retriever, depth - 1)
        except QuestionError:
            return []
        if last.abstained:
            return []
        out: list[tuple[Plan, Task]] = []
        for c in last.citations:
            found = self.composer.task(c.doc, c.section)
            if found and found not in out:
                out.append(found)
        return out

    def _asks_of_no_task(self, q: Query) -> list[str]:
        """The roles ("lead", "coordinate", "timeline") a question asks without naming or describing
        a task ("Ai phối hợp?", "thời gian thực hiện?", "who coordinates them?"); [] for any other."""
        if q.refs or q.missing or q.year is not None or q.intent not in ROLES or "aggregate" in q.intents:
            return []
        # "ke hoach so ket khi nao": the plan's review is what it asks of; "ngày hội tổ chức khi nào" of an event's plan
        # with a unit headed by its time ("1. Thời gian"), the event's.
        if self.directory.find(q.text) or asks_content(q.words) or any(says(q.text, k) for k in ("review_interim", "review_final", "review_end")) \
                or (q.intent == "timeline" and any(time_headed(s) for p in self.plans for s in p.sections)):
            return []
        return [] if self.judge.topic(q) else [i for i in q.intents if i in ROLES]

    def _candidates(self, hits: list[Hit], n: int = 4) -> list[tuple[Plan, Task]]:
        """The tasks a clarifying question offers: those retrieval ranks first, else the plan's first."""
        out: list[tuple[Plan, Task]] = []
        for h in hits:
            found = self.composer.task(h.doc, h.section)
            if found and found not in out:
                out.append(found)
        if not out:
            out = [(p, t) for p in self.plans for t in p.work()]
        return out[:n]

    def _compose(self, q: Query, hits: list[Hit], qvec: object, best: float | None = None,
                 whole: Query | None = None) -> tuple[str, list[Citation], bool, str]:
        """The answer the route table (assistant/routes.py) gives the question's frame, and the rule that gave it."""
        turn = Turn(self, read(q, self.directory), hits, qvec, best, whole)
        return (*compose(turn), turn.rule)

    def _role(self, sid: str) -> str:
        """The role of a section in the first plan that has it (tasks, targets, implementation …)."""
        return next((p.role(sid) for p in self.plans if p.section(sid) is not None), "")

    def _within(self, sid: str, role: str) -> bool:
        return any(p.within(sid, role) for p in self.plans if p.section(sid) is not None)

    def _about_target(self, sid: str) -> bool:
        """True for a section that sets targets, or one that holds such sections."""
        return any(t == sid or t.startswith(sid + ".") for t in self._target_sections)

    def _two_tasks(self, q: Query) -> list[tuple[Plan, Task]]:
        """The tasks of a question that describes two ("X và nhiệm vụ Y", "X and the task on
        Y"), each found by its own words; none unless both are found and differ."""
        parts = re.split(r"\b(?:và|va|and|với|voi|or|hoặc|hoac)\s+(?:the\s+)?(?:nhiệm vụ|nhiem vu|nv|task)\b", q.text)
        if len(parts) != 2 or min(len(x.split()) for x in parts) < 3:
            return []
        found = []
        for part in parts:
            sub = self.query(part)
            hit = self.composer.find_task(sub, self.retriever.search(sub, 3, None, qvec=self.retriever.embed(sub.text)))
            if hit is None or hit in found:
                return []
            found.append(hit)
        return found

    def _names_a_target(self, q: Query, hits: list[Hit]) -> bool:
        """"chỉ tiêu xoá mù chữ 2025 và 2030": retrieval leads to part II and the question names
        an indicator clause; weak evidence scores do not overrule that."""
        return ("target" in q.intents and bool(hits) and self._about_target(hits[0].section)
                and (self.composer.names_an_indicator(q) or bool(self.composer.by_unit(q))))

    def _cited_first(self, hits: list[Hit], cites: list[Citation], k: int) -> list[Hit]:
        """The sections an answer stands on lead the hit list: a structured answer (the
        signer, an agency's task list) is found by lookup, not by similarity."""
        have = {(h.doc, h.section) for h in hits}
        front: list[Hit] = []
        for c in cites:
            key = (c.doc, c.section)
            if any((f.doc, f.section) == key for f in front):
                continue
            match = next((h for h in hits if (h.doc, h.section) == key), None)
            if match is None and key not in have:
                chunk = next((x for x in self.retriever.section_chunks(c.section) if x.doc == c.doc), None)
                if chunk is None:
                    continue
                match = Hit(chunk.doc, chunk.section, chunk.part, 1.0, chunk.text, chunk.start, chunk.end,
                            chunk.title, "answer")
            if match is not None:
                front.append(match)
        rest = [h for h in hits if all((h.doc, h.section) != (f.doc, f.section) for f in front)]
        return (front + rest)[: max(k, len(front))]

    # -- tables for the web app and the trainer ---------------------------------
    def tasks_table(self) -> list[dict[str, str]]:
        return [
            {"id": t.id, "title": t.title, "lead": "; ".join(t.lead), "coordinate": "; ".join(t.coordinate),
             "timeline": t.timeline, "doc": p.source}
            for p in self.plans for t in p.work()
        ]

    def targets_table(self) -> list[dict[str, object]]:
        return [
            {"section": t.section, "year": t.year, "indicator": t.indicator, "value": t.value,
             "comparator": t.comparator, "unit": t.unit, "start": t.start, "end": t.end, "doc": t.doc}
            for t in self.targets if not t.baseline  # what a plan starts from is no target of it
        ]
