"""What every answer composer stands on: the plan's tables built once, citing a unit, naming
agencies, a unit's sentences, and the text helpers that find a phrase in a task."""

from __future__ import annotations

import functools
import re
import threading

from assistant.agencies import Directory
from assistant.answer import Citation
from assistant.lexicon import intent_tokens
from assistant.query import Query
from assistant.retrieve import lexical_terms
from assistant.targets import Target, clauses
from index.genre import label_of
from index.normalize import fold, unwrap
from index.parse import Plan, Section, Task


class ComposerBase:
    def __init__(self, plans: tuple[Plan, ...], directory: Directory, targets: list[Target]) -> None:
        self.plans, self.directory, self.targets = plans, directory, targets
        # The route of the last answer written in this thread (see _routed): the web app answers
        # several questions at once with one Composer.
        self._local = threading.local()
        # Terms of every indicator clause and every item title, computed once, not per question.
        self._target_terms = [set(lexical_terms(f"{t.subject} {t.indicator}")) for t in targets]
        self._indicator_terms: set[str] = set().union(*self._target_terms)
        self.years = {t.year for t in targets}  # the years the plan sets targets for
        # The issuer's name ("Ủy ban nhân dân tỉnh Quảng Ngãi") is the setting, not a topic:
        # "dân số Quảng Ngãi" must not match a target clause because it names the province.
        self._setting = {t for p in plans for t in lexical_terms(f"{p.issuer} UBND tỉnh toàn tỉnh")}
        # Words that ask for a target say nothing about which: "chỉ tiêu" must not match the
        # "Chương trình mục tiêu quốc gia" a housing clause names.
        self._frame = set(lexical_terms("chỉ tiêu mục tiêu")) | set(lexical_terms("tỷ lệ")) | set(lexical_terms("giai đoạn"))
        # Each task's words, folded and padded, and the agencies it names, for "which tasks mention …".
        # Punctuation stays as a token of its own: a phrase does not run across a comma.
        self._task_words = {(p.source, t.id): marked(unwrap(p.body(t.id))) for p in plans for t in (*p.tasks, *p.duties)}
        self._task_agencies = {(p.source, t.id): {a.name for a in directory.find(p.body(t.id))}
                               for p in plans for t in p.work()}
        self._words_of: dict[tuple[str, str], str] = {}  # any unit's words, as _task_words, when first asked
        self._meant: dict[str, object] = {}  # each indicator clause's passage vector, when first weighed by meaning
        self._body_terms = {(p.source, t.id): set(lexical_terms(unwrap(p.body(t.id))))
                            for p in plans for t in (*p.tasks, *p.duties)}
        # Every pair of words the tasks' texts hold, to tell whether a question's words name a topic of the plan's.
        self._task_pairs = {w for terms in self._body_terms.values() for w in terms if "_" in w}
        # The clauses of part II that are no indicator: objectives in words, matched when no
        # indicator clause fits ("xoá bỏ hoàn toàn tình trạng nhà tạm, nhà dột nát").
        indicators = {(t.doc, t.start) for t in targets}
        self._objectives = [
            (p, s.id, a, b, set(lexical_terms(p.text[a:b])))
            for p in plans for s in p.sections
            if p.role(s.id) in {"objectives", "targets"} and s.has_body and not any(x.id.startswith(s.id + ".") for x in p.sections)
            for a, b in clauses(p.text[s.start : s.end], s.start)
            if (p.source, a) not in indicators
        ]
        # Who the implementation part (IV) names, outside the task table: "Sở Tài chính" in IV.2.
        task_ids = {(p.source, t.id) for p in plans for t in p.work()}
        self._named_in: dict[str, list[tuple[Plan, str]]] = {}
        for p in plans:
            for s in p.sections:
                if p.within(s.id, "implementation") and s.kind != "part" and s.has_body and (p.source, s.id) not in task_ids:
                    for a in directory.find(unwrap(p.body(s.id))):
                        self._named_in.setdefault(a.name, []).append((p, s.id))
        # Items and groups of items ("B. Nhóm giải pháp về vốn, tín dụng …") by their titles' words.
        self._items = [
            (p, s.id, set(lexical_terms(s.title)))
            for p in plans for s in p.sections
            if s.kind in {"item", "group"} and under(p, s.id)
        ]
        self.plan = plans[0]
        self._tasks = {(p.source, t.id): (p, t) for p in plans for t in p.work()}
        # A schedule's row is its activity (the task of its number and title): a question retrieval answers with
        # the row asks of the task.
        for p in plans:
            for s in p.sections:
                if s.kind == "row" and s.role == "schedule":
                    number = s.id.rsplit(".", 1)[-1]
                    words = set(lexical_terms(s.title))
                    same = [t for t in p.work() if t.id.rsplit(".", 1)[-1] == number and len(words & set(lexical_terms(t.title))) >= 2]
                    if len(same) == 1:
                        self._tasks[(p.source, s.id)] = (p, same[0])
        # Duties the implementation part assigns beside a task table answer "who …" of their own work.
        self._duties = {(p.source, t.id): (p, t) for p in plans for t in p.duties if t not in p.work()}

    # -- helpers -------------------------------------------------------------

    def names_topic(self, text: str, en: bool) -> bool:
        """Whether words of a question name something the tasks say: two pairs of words that some task's text holds
        ("thị trường lao động", "tín dụng chính sách"), beside the words that ask."""
        return len(topic_terms(text, en) & self._task_pairs) >= 2

    def cite(self, plan: Plan, sid: str, highlight: tuple[int, int] | None = None) -> Citation:
        s = plan.section(sid)
        assert s is not None
        text = plan.text[s.start : s.end]
        # A highlight lies within the section cited: a role said elsewhere (a schedule's row) is lit where it is said.
        lit = (max(highlight[0], s.start), min(highlight[1], s.end)) if highlight else (s.start, s.end)
        return Citation(plan.source, sid, s.title, text, s.start, s.end, unwrap(text),
                        lit if lit[0] < lit[1] else (s.start, s.end))

    def _timed_cites(self, tasks: list[tuple[Plan, Task]]) -> list[Citation]:
        """Each task of a list by time, its timeline lit; and where another unit says that time (a schedule's row
        "3 | Nạo vét kênh mương | | x | x |"), that unit too."""
        return self._said_cites(tasks, 2)

    def _said_cites(self, tasks: list[tuple[Plan, Task]], slot: int) -> list[Citation]:
        """Each task, what the slot (0 lead, 1 partners, 2 timeline) says lit; and where another unit says it (a
        schedule's row, a table's row of a body listing the tasks it leads), that unit too."""
        out: list[Citation] = []
        for p, t in tasks:
            said = t.spans[slot] if t.spans[slot][1] else None
            out.append(self.cite(p, t.id, said))
            holder = _holding(p, said[0]) if said else ""
            if holder and holder != t.id and not holder.startswith(t.id + ".") and not t.id.startswith(holder + "."):
                c = self.cite(p, holder, said)
                if c not in out:
                    out.append(c)
        return out

    def plan_of(self, doc: str) -> Plan:
        """The loaded plan read from that file."""
        return next(p for p in self.plans if p.source == doc)

    def _role(self, doc: str, sid: str) -> str:
        plan = next((p for p in self.plans if p.source == doc), None)
        return plan.role(sid) if plan is not None else ""

    def _duty_plan(self, doc: str) -> bool:
        """True for a plan whose tasks carry no roles: its implementation part lists them agency by agency."""
        plan = next((p for p in self.plans if p.source == doc), None)
        return plan is not None and not plan.tasks and bool(plan.duties)

    def _task_label(self, t: Task, en: bool) -> str:
        return f"{'task' if en else 'nhiệm vụ'} {t.id} ({titled(t)})"

    def gist(self, plan: Plan, t: Task) -> str:
        """What a task is, for a list: its heading, or where it has none (a label cut from its text, a
        bullet's whole sentence) its first sentence, cut at a word past GIST characters; after its code where the
        plan codes it."""
        if not t.title.endswith("…"):
            return titled(t, short(t.title, GIST))
        _, sents = self._sentences(plan, t.id)
        return titled(t, short(sents[0], GIST) if sents else t.title)

    def _names(self, names: tuple[str, ...] | list[str], en: bool) -> str:
        # In English the plan's own names as it lists them, then theirs in English in the same order: "Công an tỉnh; Sở
        # Khoa học và Công nghệ (Provincial Police; Department of Science and Technology)", the list quotable whole.
        # A short form of the plan's legend is said with the name it stands for: "TTTGPL; CAT (Trung tâm Trợ giúp pháp lý
        # …; Công an tỉnh)".
        bodies = [self.directory.get(n) for n in names]
        full = [a.full if a else "" for a in bodies]
        english = [a.english if a else "" for a in bodies]
        said = "; ".join(names)
        if not en:
            # The plan's list whole, then what its short forms stand for in one bracket, in the same order.
            return f"{said} ({'; '.join(f or n for n, f in zip(names, full, strict=True))})" if any(full) else said
        if not any(english) and not any(full):
            return said
        # A short form with an English name is said in both: "Sở DTTG (Sở Dân tộc và Tôn giáo, Department of …)".
        return f"{said} ({'; '.join(f'{f}, {e}' if f and e else e or f or n for e, f, n in zip(english, full, names, strict=True))})"

    def ref_tasks(self, q: Query) -> list[tuple[Plan, Task]]:
        """Tasks named by the question's references; a part or item stands for all its tasks."""
        out: list[tuple[Plan, Task]] = []
        for r in q.refs:
            for p in self.plans:
                named = [t for t in p.work() if t.id == r.section] or under(p, r.section)
                # "nv 8 ai chủ trì": a task of the body that names nobody, whose roles a table gives.
                for t in named or self.restated(p, r.section):
                    if (p, t) not in out:
                        out.append((p, t))
        return out

    @staticmethod
    def restated(plan: Plan, sid: str) -> list[Task]:
        """The rows of a plan's task table that restate a unit of its tasks part which names nobody itself
        ("8. Thúc đẩy quyền tham gia của trẻ em" and the appendix row "Tổ chức Diễn đàn trẻ em" under the
        group "… quyền tham gia của trẻ em"): each row restates the unit it shares most words with."""
        return list(_restating(plan).get(sid, []))

    def task(self, doc: str, sid: str) -> tuple[Plan, Task] | None:
        """The task with that id in the plan read from `doc`; None for any other section."""
        return self._tasks.get((doc, sid))

    @staticmethod
    def _sentences(plan: Plan, sid: str) -> tuple[str, list[str]]:
        """A unit's body without its number and task table lines, and its sentences."""
        # Role lines ("- Đơn vị chủ trì: …", "Thời gian thực hiện: …", wrapped or not) are the task's roles,
        # not what it says; a product or content line after them is.
        kept, dropping = [], False
        for line in plan.body(sid).split("\n"):
            m = _LABELLED.match(line.strip())
            key = label_of(m.group(1)) if m else ""
            if key in {"lead", "coordinate", "timeline"}:
                dropping = True
            elif key or line.strip().startswith(("-", "+", "•", "*")):
                dropping = False
            if not dropping:
                kept.append(line)
        text = unwrap("\n".join(kept))
        text = re.sub(r"^(?:[IVX]+\.|\d{1,2}\.|[a-zđ]\))\s*", "", text)
        sents = [s.strip() for s in re.split(r"(?<=\.)\s+(?=[A-ZĐ\-])|(?<=[;:])\s+(?=- [A-ZĐ])", text) if len(s.strip()) > 20]
        return text, sents


# A day written in a passage: "30/6/2026", "ngày 31 tháng 12", "trước ngày 20/12".
DATED = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b|\bngày\s+\d{1,2}\b", re.I)
# A figure a passage states: a number and the word it counts, never a year, a date or a document's number.
# "2 lần/ngày", "500 tấn/ngày", "+8°C" state figures; "42NQ/TW" is a document's number.
STATES_FIGURE = re.compile(r"(?<![\w/.,-])(?!(?:19|20)\d\d\b)\d[\d.,]*\s*(?:%|°\s*C\b|[^\W\d_]{2,})(?![\w-]*/[A-ZĐ])")

# A labelled line ("- Cơ quan chủ trì tham mưu: …", "Sản phẩm: …").
_LABELLED = re.compile(r"^[-+*•]?\s*([^:]{2,40}?)\s*:\s*(.*)$")


def titled(t: Task, title: str | None = None) -> str:
    """A task's title (or `title`), after the code the plan labels it with as the plan writes it: "NV-01. Kiểm kê
    khí nhà kính …"."""
    title = t.title if title is None else title
    return f"{t.code}. {title}" if t.code else title


# How much of a task's sentence a list says: over nine in ten of the genre's first sentences of a task whole (their
# lengths over the 635 tasks of the forty-three plans: median 96, 90th percentile 213 characters), where 160 cut a
# quarter of them, often before the words that tell two tasks of one body apart ("… ngăn chặn học sinh sử dụng, tàng
# trữ thuốc lá điện tử, chất ma túy").
GIST = 250


def time_headed(s: Section) -> bool:
    """A part or item headed by the time of what the plan is about ("1. Thời gian" of an event's plan)."""
    return s.kind in {"part", "item"} and fold(s.title).strip(" .:").startswith("thoi gian")


def short(text: str, most: int = 160) -> str:
    """A text cut at a word to at most `most` characters."""
    text = text.strip()
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def marked(text: str, marks: str = ",;:.()") -> str:
    """Folded words of a text with its punctuation marks as tokens of their own, space-padded:
    a phrase looked for in it does not run across a comma."""
    return " " + " ".join(re.findall(r"[a-z0-9]+|[" + re.escape(marks) + "]", fold(text))) + " "


def longest_run(words: list[str], padded: str) -> int:
    """How many of the words in a row, at most, a space-padded text holds (punctuation inside
    the text is skipped)."""
    plain = re.sub(r" [,;:.()](?= )", "", padded)
    best = 0
    for i in range(len(words)):
        n = best + 1
        while i + n <= len(words) and " " + " ".join(words[i:i + n]) + " " in plain:
            best, n = n, n + 1
    return best


def run_pattern(words: list[str], loose: bool) -> str:
    """A pattern for folded words in a row, in text whose tokens (words and punctuation) are
    space-padded; loose lets up to two words, never punctuation, sit between any two."""
    gap = r" (?:[a-z0-9]+ ){0,2}" if loose else " "
    return " " + gap.join(map(re.escape, words)) + " "


def wording(texts: list[str], words: list[str]) -> str:
    """The words of the first text that folds to the given folded words, as it writes them;
    failing that, the first that holds them with a word or two between."""
    for loose in (False, True):
        for text in texts:
            found = list(re.finditer(r"[^\W_]+|[,;:.()]", text))
            folded = " " + " ".join(fold(m.group(0)) for m in found) + " "
            m = re.search(run_pattern(words, loose), folded)
            if m:
                first = folded[: m.start() + 1].count(" ") - 1
                last = first + m.group(0).strip().count(" ")
                return text[found[first].start() : found[last].end()]
    return " ".join(words)


def leads_match(t: Task, leads: int) -> bool:
    """A task with a sole lead (leads=1), or with at least `leads` of them."""
    return len(t.lead) == 1 if leads == 1 else len(t.lead) >= leads


@functools.lru_cache(maxsize=64)
def _restating(plan: Plan) -> dict[str, list[Task]]:
    """Unit id -> the task table's rows that restate it, for the units of the tasks part that name nobody."""
    # A row of its own: a task whose id is a unit of the tasks part, its roles given by a table's row of its number
    # ("| 9 | Công an xã | … |"), restates nothing else.
    rows = [t for t in plan.work() if t.origin == "table" and (s := plan.section(t.id)) is not None and s.kind == "row"]
    named = {t.id for t in plan.work()}
    units = [s.id for s in plan.sections if s.kind in {"item", "point"} and s.id not in named
             and plan.within(s.id, "tasks") and not plan.within(s.id, "appendix")]
    if not rows or not units:
        return {}
    unit_terms = {u: set(lexical_terms(plan.body(u))) for u in units}
    out: dict[str, list[Task]] = {}
    for t in rows:
        terms = set(lexical_terms(" ".join([plan.body(t.id), *(x.title for x in plan.path(t.id))])))
        score, best = max((overlap(terms, unit_terms[u]), u) for u in units)
        if score >= 4:
            out.setdefault(best, []).append(t)
    return out


def under(plan: Plan, sid: str) -> list[Task]:
    """The tasks a unit holds: numbered under it ("III.6.a" under "III.6"), or in a group of items it heads
    ("III.5" in group "III.B", numbered through the groups)."""
    return [t for t in plan.work() if t.id.startswith(sid + ".") or any(x.id == sid for x in plan.path(t.id)[:-1])]


def topic_terms(text: str, english: bool = False) -> set[str]:
    """A question's own words as lexical terms, without the words that ask ("ai chủ trì", "nv", "bao nhiêu")."""
    asking = intent_tokens()
    return {t for t in lexical_terms(text, english) if not set(t.split("_")) <= asking}


def overlap(question: set[str], passage: set[str]) -> float:
    """Shared lexical terms, a syllable bigram counting twice a single syllable."""
    return sum(2.0 if "_" in t else 1.0 for t in question & passage)


def _skeleton(text: str, base: int = 0) -> tuple[str, list[int]]:
    """Folded letters and digits of a text, with each one's offset: wraps, dashes and
    tone placement vanish, so a repaired sentence can be found in the raw source."""
    chars, where = [], []
    for n, c in enumerate(text):
        f = fold(c)[:1]
        if f.isalnum():
            chars.append(f)
            where.append(base + n)
    return "".join(chars), where


def locate(source: str, start: int, end: int, sentence: str) -> tuple[int, int]:
    """Offsets of a repaired sentence inside source[start:end]; the whole span if not found."""
    hay, where = _skeleton(source[start:end], start)
    needle, _ = _skeleton(sentence.rstrip("…"))
    i = hay.find(needle) if needle else -1
    if i < 0:
        return start, end
    return where[i], where[i + len(needle) - 1] + 1


def _holding(plan: Plan, offset: int) -> str:
    """The deepest unit whose text holds an offset; "" for none."""
    best = max((s for s in plan.sections if s.start <= offset < s.end and s.kind not in {"part", "appendix"}),
               key=lambda s: s.start, default=None)
    return best.id if best is not None else ""
