"""Compose answers from the task table, the indicator table, the header and retrieved passages."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from assistant.agencies import Agency, Directory
from assistant.glossary import translate_terms
from assistant.lexicon import says
from assistant.query import Query, mentions_missing_ref, names_tasks
from assistant.retrieve import Hit, lexical_terms
from assistant.targets import Target, clauses
from index.normalize import canon, fold, has_diacritics, tokens, unwrap
from index.parse import Plan, Task
from index.timeline import Timeline, due_years, kinds


def timeline_en(when: Timeline) -> str:
    """An English gloss of a timeline record: "ongoing (regularly)", "Q4 2025", "2025 to 2027"."""
    quarter = re.search(r"(?i)quý\s*(IV|I{1,3}|[1-4])", when.text)
    return {
        "ongoing": "ongoing (regularly)",
        "yearly": "every year",
        "quarter": f"Q{ {'I': 1, 'II': 2, 'III': 3, 'IV': 4}.get(quarter.group(1).upper(), quarter.group(1)) if quarter else ''} {when.first}",
        "range": f"{when.first} and the following years" if when.last is None else f"{when.first} to {when.last}",
        "year": f"in {when.first}",
    }.get(when.kind, "")


@dataclass(frozen=True, slots=True)
class Citation:
    doc: str
    section: str
    title: str
    text: str  # source[start:end] of the cited passage
    start: int
    end: int
    quote: str  # the passage repaired for reading (wraps joined)
    highlight: tuple[int, int]  # the answering lines, as offsets into the same source
    page: int = 0  # the 1-based page of `start` when the plan was read from a PDF, else 0


@dataclass(frozen=True, slots=True)
class Choice:
    """A reading the user can pick: a task offered by a clarifying question, or the other task a
    reference typed without its marks may mean; `question` is the question that answers it."""

    section: str  # the task offered; "" for a whole plan (a "which plan?" choice)
    title: str
    question: str
    doc: str = ""

    @property
    def label(self) -> str:
        """How the choice is shown: "III.6.đ — Về nhà ở", or a plan's own name."""
        return f"{self.section} — {self.title}" if self.section else self.title


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    style: str
    intent: str
    notice: str = ""  # e.g. the question was truncated
    route: str = ""  # which kind of answer: role | list | duties | target | document | passage | refusal | clarify
    choices: tuple[Choice, ...] = ()  # what the user may pick next (a clarifying question's candidates)
    # With several plans loaded: the plans the answer is from, best first, each as library.plan_json
    # names it; every citation and hit then carries its plan.
    plans: tuple[dict[str, str], ...] = ()

    def to_json(self, qid: str | None = None) -> dict[str, object]:
        out: dict[str, object] = {} if qid is None else {"id": qid}
        by_doc = {p["doc"]: p for p in self.plans}

        def rows(items: tuple[Any, ...]) -> list[dict[str, object]]:
            return [{**asdict(x), "plan": by_doc[x.doc]} if x.doc in by_doc else asdict(x) for x in items]

        out.update(
            question=self.question,
            answer=self.answer,
            abstained=self.abstained,
            style=self.style,
            intent=self.intent,
            route=self.route,
            citations=rows(self.citations),
            hits=rows(self.hits),
        )
        if self.plans:
            out["plans"] = list(self.plans)
        if self.notice:
            out["notice"] = self.notice
        if self.choices:
            out["choices"] = [asdict(c) for c in self.choices]
        return out


# The route of each composer that writes an answer; helpers (find_task, mention_tasks …) have none.
ROUTES = {
    "task_answer": "role", "tasks_answer": "role", "task_summary": "role",
    "focus_answer": "role", "agency_answer": "list", "task_list": "list", "lead_count_list": "list", "mention_list": "list",
    "duties": "duties", "target_answer": "target", "better_objective": "target", "meta_answer": "document",
    "content_answer": "passage", "quote": "passage", "units_answer": "passage", "abstain": "refusal",
}


class Composer:
    @property
    def route(self) -> str:
        """The route of the answer this thread last wrote: role, list, duties, target, document, passage."""
        return str(getattr(self._local, "route", ""))

    @route.setter
    def route(self, value: str) -> None:
        self._local.route = value

    def __init__(self, plans: tuple[Plan, ...], directory: Directory, targets: list[Target]) -> None:
        self.plans, self.directory, self.targets = plans, directory, targets
        # The route of the last answer written in this thread (see _routed): the web app answers
        # several questions at once with one Composer.
        self._local = threading.local()
        # Terms of every indicator clause and every item title, computed once, not per question.
        self._target_terms = [set(lexical_terms(f"{t.subject} {t.indicator}")) for t in targets]
        self._indicator_terms: set[str] = set().union(*self._target_terms)
        self._years = {t.year for t in targets}
        # The issuer's name ("Ủy ban nhân dân tỉnh Quảng Ngãi") is the setting, not a topic:
        # "dân số Quảng Ngãi" must not match a target clause because it names the province.
        self._setting = {t for p in plans for t in lexical_terms(f"{p.issuer} UBND tỉnh toàn tỉnh")}
        # Words that ask for a target say nothing about which: "chỉ tiêu" must not match the
        # "Chương trình mục tiêu quốc gia" a housing clause names.
        self._frame = set(lexical_terms("chỉ tiêu mục tiêu")) | set(lexical_terms("tỷ lệ")) | set(lexical_terms("giai đoạn"))
        # Each task's words, folded and padded, and the agencies it names, for "which tasks mention …".
        # Punctuation stays as a token of its own: a phrase does not run across a comma.
        self._task_words = {(p.source, t.id): _marked(unwrap(p.body(t.id))) for p in plans for t in (*p.tasks, *p.duties)}
        self._task_agencies = {(p.source, t.id): {a.name for a in directory.find(p.body(t.id))}
                               for p in plans for t in p.work()}
        self._body_terms = {(p.source, t.id): set(lexical_terms(unwrap(p.body(t.id))))
                            for p in plans for t in (*p.tasks, *p.duties)}
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
        self._items = [
            (p, s.id, set(lexical_terms(s.title)))
            for p in plans for s in p.sections
            if s.kind == "item" and any(t.id.startswith(s.id + ".") for t in p.work())
        ]
        self.plan = plans[0]
        self._tasks = {(p.source, t.id): (p, t) for p in plans for t in p.work()}
        # Duties the implementation part assigns beside a task table answer "who …" of their own work.
        self._duties = {(p.source, t.id): (p, t) for p in plans for t in p.duties if t not in p.work()}

    # -- helpers -------------------------------------------------------------
    def cite(self, plan: Plan, sid: str, highlight: tuple[int, int] | None = None) -> Citation:
        s = plan.section(sid)
        assert s is not None
        text = plan.text[s.start : s.end]
        return Citation(plan.source, sid, s.title, text, s.start, s.end, unwrap(text),
                        highlight or (s.start, s.end))

    def _role(self, doc: str, sid: str) -> str:
        plan = next((p for p in self.plans if p.source == doc), None)
        return plan.role(sid) if plan is not None else ""

    def _duty_plan(self, doc: str) -> bool:
        """True for a plan whose tasks carry no roles: its implementation part lists them agency by agency."""
        plan = next((p for p in self.plans if p.source == doc), None)
        return plan is not None and not plan.tasks and bool(plan.duties)

    def _task_label(self, t: Task, en: bool) -> str:
        return f"{'task' if en else 'nhiệm vụ'} {t.id} ({t.title})"

    def _names(self, names: tuple[str, ...] | list[str], en: bool) -> str:
        if not en:
            return "; ".join(names)
        out = []
        for n in names:
            e = self.directory.english(n)
            out.append(f"{n} ({e})" if e else n)
        return "; ".join(out)

    def ref_tasks(self, q: Query) -> list[tuple[Plan, Task]]:
        """Tasks named by the question's references; a part or item stands for all its tasks."""
        out: list[tuple[Plan, Task]] = []
        for r in q.refs:
            for p in self.plans:
                for t in p.work():
                    if (t.id == r.section or t.id.startswith(r.section + ".")) and (p, t) not in out:
                        out.append((p, t))
        return out

    def find_task(self, q: Query, hits: list[Hit]) -> tuple[Plan, Task] | None:
        """The task a question describes: among the tasks of the top three hits, the first,
        unless another fits what the question says clearly better (below).

        A target section (part II) above it is passed over, since "who leads housing?"
        shares its words with the housing targets, and so is the header, which the plan's
        own name in a question ("kh 65 của UBND tỉnh Quảng Ngãi") brings up; part IV is not.
        """
        candidates: list[tuple[Plan, Task]] = []
        for h in hits[:3]:
            # A duty of the implementation part answers who does it, when it is what the question is closest to.
            duty = h is hits[0] and bool({"lead", "coordinate"} & set(q.intents)) and "timeline" not in q.intents
            found = self._tasks.get((h.doc, h.section)) or (self._duties.get((h.doc, h.section)) if duty else None)
            role = self._role(h.doc, h.section)
            if found:
                candidates.append(found)
            elif role == "tasks" and self._duty_plan(h.doc):
                continue  # a task of a plan that says who does what agency by agency: its duty answers
            elif role not in {"purpose", "objectives", "targets"} and h.section != "header":
                break
        # "who works with the Department of Health on the handwashing campaign": a task whose partners
        # are asked by the bodies it names is one those bodies take part in; the nearest such task wins (when
        # the passage nearest the question is a task at all: a report it must send is no task).
        bodies = [a.name for a in self.directory.find(q.text)]
        asks_partners = "coordinate" in q.intents and "lead" not in q.intents
        if bodies and asks_partners and not re.search(r"\b(ngoai|besides|apart from|other than|in addition to)\b", q.words):
            pool = [f for h in hits[:6] if (f := self._tasks.get((h.doc, h.section)))]
            # "who works with X": X leads it, if any task near the question is so; else X takes part.
            fitting = [f for f in pool if all(n in f[1].lead for n in bodies)] or [
                f for f in pool if all(n in (*f[1].lead, *f[1].coordinate) for n in bodies)]
            if fitting and candidates and candidates[0] not in fitting:
                return fitting[0]
        if not candidates:
            return None
        # "ngoài các sở ngành và UBND huyện còn ai phối hợp": a task with someone besides them.
        if "coordinate" in q.intents and re.search(r"\b(ngoai|besides|apart from|other than|in addition to)\b", q.words):
            named = {a.name for a in self.directory.find(q.text)}
            beyond = [c for c in candidates if set(c[1].coordinate) - named]
            if named and beyond:
                return beyond[0]
        # Two tasks on the same people (III.5.c and III.7 both name children, the disabled and
        # the elderly): the one that holds a clearly longer run of the question's words
        # ("phát triển mạng lưới dịch vụ trợ giúp xã hội …") wins, else the one whose words
        # the question uses clearly more.
        runs = [_longest_run(q.words.split(), self._task_words[(p.source, t.id)]) for p, t in candidates]
        longest = max(range(len(candidates)), key=lambda n: runs[n])
        if runs[longest] >= max(6, runs[0] + 3):
            return candidates[longest]
        terms = set(lexical_terms(q.text, q.style == "en"))
        words = [_overlap(terms, self._body_terms[(p.source, t.id)]) for p, t in candidates]
        best = max(range(len(candidates)), key=lambda n: words[n])
        return candidates[best] if words[best] >= max(words[0] * 1.15, words[0] + 6) else candidates[0]

    def task(self, doc: str, sid: str) -> tuple[Plan, Task] | None:
        """The task with that id in the plan read from `doc`; None for any other section."""
        return self._tasks.get((doc, sid))

    # -- answers -------------------------------------------------------------
    def focus_answer(self, q: Query, tasks: list[tuple[Plan, Task]], asked: list[str]) -> tuple[str, list[Citation]]:
        """A role or the timeline of each task the conversation is about ("còn phối hợp thì sao?"
        after a list), tasks that share the same value grouped, each task cited."""
        if len(tasks) == 1:
            return self.task_answer(q, *tasks[0], asked)
        en = q.style == "en"
        heads = {"lead": ("Lead", "Cơ quan chủ trì"), "coordinate": ("Coordinating bodies", "Cơ quan phối hợp"),
                 "timeline": ("Timeline", "Thời gian thực hiện")}
        slot = {"lead": 0, "coordinate": 1, "timeline": 2}
        lines = []
        for role in asked:
            groups: dict[str, list[Task]] = {}
            for _, t in tasks:
                if role == "timeline":
                    gloss = timeline_en(t.when) if en else ""
                    value = f"“{t.timeline}” ({gloss})" if gloss else t.timeline
                else:
                    value = self._names(t.lead if role == "lead" else t.coordinate, en)
                groups.setdefault(value or ("not stated" if en else "không nêu"), []).append(t)
            head = (f"{heads[role][0]} of the {len(tasks)} tasks above:" if en
                    else f"{heads[role][1]} của {len(tasks)} nhiệm vụ trên:")
            parts = [f"{', '.join(self._task_label(t, en) for t in ts)}: {value}." for value, ts in groups.items()]
            lines.append(" ".join([head, *parts]))
        cites = []
        for plan, t in tasks:
            spans = [t.spans[slot[r]] for r in asked]
            cites.append(self.cite(plan, t.id, (min(a for a, _ in spans), max(b for _, b in spans))))
        return " ".join(lines), cites

    @staticmethod
    def _said(t: Task, role: int, en: bool) -> str:
        """The plan's own words for a role when they list the bodies otherwise than the answer does
        ("Sở Y tế và Công an tỉnh"), so the answer can be checked against the plan as it reads."""
        said = t.said[role]
        names = t.lead if role == 0 else t.coordinate
        if not said or fold(said) == fold("; ".join(names)) or len(said) > 240:
            return ""
        return f" (the plan: “{said}”)" if en else f" (kế hoạch ghi: “{said}”)"

    def tasks_answer(self, q: Query, tasks: list[tuple[Plan, Task]], asked: list[str]) -> tuple[str, list[Citation]]:
        texts, cites = [], []
        for plan, t in tasks:
            text, c = self.task_answer(q, plan, t, asked)
            texts.append(text)
            cites += c
        return " ".join(texts), cites

    def task_answer(self, q: Query, plan: Plan, t: Task, asked: list[str]) -> tuple[str, list[Citation]]:
        if t not in plan.work():
            # A duty of the implementation part beside a task table: its own words say who, when
            # and through whom better than a role summary would.
            return self.quote(q, plan, t.id)
        en = q.style == "en"
        label = self._task_label(t, en)
        lines: list[str] = []
        spans: list[tuple[int, int]] = []
        if "lead" in asked:
            lines.append(
                f"{self._names(t.lead, en)} {'lead' if len(t.lead) > 1 else 'leads'} {label}{self._said(t, 0, en)}."
                if en else f"Cơ quan chủ trì tham mưu {label}: {'; '.join(t.lead)}{self._said(t, 0, en)}."
            )
            spans.append(t.spans[0])
        if "coordinate" in asked and not t.coordinate:
            # Said outright, never an empty list: the plan names no partner for this task.
            lines.append(f"The plan names no coordinating body for {label}." if en
                         else f"Kế hoạch không nêu cơ quan phối hợp cho {label}.")
            spans.append(t.spans[0])
        elif "coordinate" in asked:
            lines.append(
                f"Coordinating bodies for {label}: {self._names(t.coordinate, en)}{self._said(t, 1, en)}."
                if en else f"Cơ quan phối hợp thực hiện {label}: {'; '.join(t.coordinate)}{self._said(t, 1, en)}."
            )
            spans.append(t.spans[1])
        if "timeline" in asked:
            gloss = timeline_en(t.when)
            lines.append(
                f"Timeline of {label}: “{t.timeline}”" + (f" ({gloss})." if gloss else ".")
                if en else f"Thời gian thực hiện {label}: {t.timeline}."
            )
            spans.append(t.spans[2])
        hl = (min(s[0] for s in spans), max(s[1] for s in spans))
        # 'có nhắc "mã số an sinh xã hội", là nhiệm vụ gì và ai lo': where the plan says it, too.
        quoted = re.search(r"[\"“]([^\"”]{4,80})[\"”]", q.text)
        sentence = self._naming(plan, t.id, quoted.group(1))[1] if quoted else ""
        if sentence:
            lines.insert(0, f"{'The plan says, in' if en else 'Kế hoạch nêu tại'} {label}: “{sentence}”")
        # "UBND cấp huyện có phải phối hợp không, vai trò thế nào": the task's sentence on it.
        elif re.search(r"\b(vai tro|role|lam gi|trach nhiem gi|what does|what must)\b", q.words):
            role = self._role_sentence(plan, t, self.directory.find(q.text))
            if role:
                lines.append(f"{'The task says' if en else 'Nội dung nhiệm vụ nêu'}: “{role}”")
        return " ".join(lines), [self.cite(plan, t.id, hl)]

    def _role_sentence(self, plan: Plan, t: Task, agencies: list[Agency]) -> str:
        """The first sentence of a task's text that names one of the agencies; "" when none does."""
        names = {a.name for a in agencies}
        return next((x for x in self._sentences(plan, t.id)[1] if names & {a.name for a in self.directory.find(x)}), "")

    def task_summary(self, q: Query, plan: Plan, t: Task) -> tuple[str, list[Citation]]:
        en = q.style == "en"
        # "6d nói về cái gì": a short task whole, a long one by its two best sentences.
        whole = self._sentences(plan, t.id)[0].strip()
        first = whole if len(whole) <= 800 else self.best_sentence(q, plan, t.id, 2)
        if en:
            text = (f"{self._task_label(t, True)}: “{first}” Lead: {self._names(t.lead, True)}. "
                    f"Coordinating: {self._names(t.coordinate, True)}. Timeline: {t.timeline}.")
        else:
            text = (f"Nhiệm vụ {t.id} ({t.title}): {first} Chủ trì: {'; '.join(t.lead)}. "
                    f"Phối hợp: {'; '.join(t.coordinate)}. Thời gian: {t.timeline}.")
        return text, [self.cite(plan, t.id)]

    def agency_answer(self, q: Query, agencies: list[Agency], leads: int | None = None,
                      within: list[Task] | None = None) -> tuple[str, list[Citation]]:
        """The tasks of each agency the question names ("Đài PTTH tỉnh và Báo Quảng Ngãi …");
        with `leads`, only the tasks it leads alone (1) or with others (at least `leads`);
        with `within`, only among those tasks."""
        texts, cites = [], []
        # "every task X takes part in, leading or supporting": both roles, each listed.
        both = not leads and (says(q.text, "involvement") or {"lead", "coordinate"} <= set(q.intents))
        for a in agencies[:3]:
            for role in (("lead", "coordinate") if both else (None,)):
                text, c = self._agency_tasks(q, a, leads, within, role)
                if both and not c:
                    continue
                texts.append(text)
                cites += [x for x in c if x not in cites]
        if not texts:
            return self._agency_tasks(q, agencies[0], leads, within)
        return " ".join(texts), cites

    def _agency_tasks(self, q: Query, a: Agency, leads: int | None = None,
                      within: list[Task] | None = None, only: str | None = None) -> tuple[str, list[Citation]]:
        en = q.style == "en"
        want_coord = only == "coordinate" if only else "coordinate" in q.intents and "lead" not in q.intents and not leads
        role = "coordinate" if want_coord else "lead"
        name = self._names([a.name], en)

        def tasks(r: str) -> list[tuple[Plan, Task]]:
            pool = [(p, t) for p in self.plans for t in p.work() if within is None or t in within]
            if r == "lead" and leads:  # "… Sở LĐTBXH đồng chủ trì", "… chủ trì một mình"
                return [(p, t) for p, t in pool if a.name in t.lead and _leads_match(t, leads)]
            return [(p, t) for p, t in pool if a.name in (t.lead if r == "lead" else t.coordinate)]

        rows, prefix = tasks(role), ""
        if not rows and only:
            return "", []
        if not rows:  # named in the other role only: say so, then list those tasks
            other = "lead" if want_coord else "coordinate"
            rows = tasks(other)
            if rows:
                prefix = (f"The plan names {name} as {'coordinator' if want_coord else 'lead'} of no task. " if en
                          else f"Kế hoạch không nêu {a.name} {'phối hợp' if want_coord else 'chủ trì'} nhiệm vụ nào. ")
                role = other
        if not rows:
            return (f"The plan assigns no task to {name}." if en else
                    f"Kế hoạch không giao nhiệm vụ nào cho {a.name}."), []
        items = []
        for _, t in rows:
            others = [x for x in (t.lead if role == "lead" else t.coordinate) if x != a.name]
            extra = ""
            if role == "lead" and others:
                extra = f" (with {'; '.join(others)})" if en else f" (cùng {'; '.join(others)})"
            elif role == "coordinate":  # who leads the task the agency works on
                extra = f" (lead: {self._names(t.lead, en)})" if en else f" (chủ trì: {'; '.join(t.lead)})"
            items.append(f"{t.id} ({t.title}){extra}")
        n = len(rows)
        if en:
            verb = "leads" if role == "lead" else "coordinates"
            head = f"{name} {verb} {n} task{'s' if n > 1 else ''}: "
        else:
            verb = "chủ trì tham mưu" if role == "lead" else "phối hợp thực hiện"
            head = f"{a.name} {verb} {n} nhiệm vụ: "
        if leads == 1 and role == "lead":
            head = (f"{name} alone leads {n} task{'s' if n > 1 else ''}: " if en
                    else f"{a.name} một mình chủ trì tham mưu {n} nhiệm vụ: ")
        elif leads and role == "lead":
            head = (f"{name} shares the lead of {n} task{'s' if n > 1 else ''}: " if en
                    else f"{a.name} cùng cơ quan khác chủ trì tham mưu {n} nhiệm vụ: ")
        cites = [self.cite(p, t.id, t.spans[0] if role == "lead" else t.spans[1]) for p, t in rows]
        text = prefix + head + "; ".join(items) + "."
        named = self._named_in.get(a.name, [])
        if named and any(w in q.words for w in _WHERE_NAMED):  # "where does it appear", "trách nhiệm gì"
            places = "; ".join(f"{sid} ({p.section(sid).title})" for p, sid in named)  # type: ignore[union-attr]
            text += (f" The implementation part also names {name}: {places}." if en
                     else f" Phần tổ chức thực hiện còn nêu {a.name} tại: {places}.")
            cites += [self.cite(p, sid) for p, sid in named]
        return text, cites

    def duties(self, q: Query, a: Agency) -> tuple[str, list[Citation]]:
        """What the implementation part (IV) asks of an agency: each unit naming it, with the
        sentences that do; the tasks it leads are another question."""
        en, parts, cites = q.style == "en", [], []
        for p, sid in self._named_in.get(a.name, []):
            s = p.section(sid)
            assert s is not None
            said = [x for x in self._sentences(p, sid)[1] if a in self.directory.find(x)] or self._sentences(p, sid)[1][:1]
            text = " ".join(said)
            parts.append(f"{sid} ({s.title}): {text}")
            cites.append(self.cite(p, sid, locate(p.text, s.start, s.end, said[0]) if said else None))
        name = self._names([a.name], en)
        if not parts:
            return (f"The implementation part names no duty of {name}." if en
                    else f"Phần tổ chức thực hiện không nêu nhiệm vụ riêng của {a.name}."), []
        head = (f"The implementation part asks of {name}: " if en
                else f"Phần tổ chức thực hiện giao cho {a.name}: ")
        return head + " | ".join(parts), cites

    def topic_tasks(self, q: Query) -> list[tuple[Plan, Task]]:
        """The tasks of the item whose title the question names ("các nhiệm vụ về an sinh xã hội")."""
        terms = set(lexical_terms(q.text, q.style == "en"))
        best, score = None, 0.0
        for p, sid, title_terms in self._items:
            sc = _overlap(terms, title_terms)
            if sc > score:
                best, score = (p, sid), sc
        if best is None or score < 5.0:
            return []
        p, sid = best
        return [(p, t) for t in p.work() if t.id.startswith(sid + ".")]

    def mention_tasks(self, q: Query, within: list[Task] | None = None,
                      least: int = 2) -> tuple[str, list[Task]]:
        """The tasks whose text names what the question asks about ("những nhiệm vụ nhắc đến
        chuyển đổi số", "tasks that mention people with disabilities"). Each of the phrases
        joined by "và", "hoặc", "or", commas is looked for as typed, or as the longest run of
        it, of `least` words or more, that some task contains; a task naming any counts.
        With least=3 it also serves "does the plan mention X", which names no tasks."""
        # What is in brackets explains ("thất nghiệp (lao động mất việc làm, …)") and names no
        # more; English keeps its hyphens and apostrophes for the glossary ("high-quality").
        text = re.sub(r"\([^)]*\)?", " ", q.text)
        # Commas stay: they divide "xem xét, ban hành chính sách" into two phrases.
        m = _MENTION.search(text.lower() if q.style == "en" else _marked(text, ","))
        if not m or (least < 3 and not names_tasks(q.words)):  # asks for tasks, not what it says
            return "", []
        phrase = re.split(r"\b(moi|please|list|and give|va cho|de |so that|for me|giup|liet ke|kem)\b", m.group("what"))[0]
        # "… Bà mẹ Việt Nam anh hùng không, cụ thể thế nào": the question's tail names nothing.
        phrase = re.split(r"\b(khong|ko|chua|cu the|the nao|nhu the nao|or not|and if|if so)\b", phrase)[0]
        if re.match(r"\s*(dong |cung )?(chu tri|phoi hop)\b", phrase):
            return "", []  # "nhiệm vụ nào phải đồng chủ trì với sở khác": a question of roles
        pool = [(p, t) for p in self.plans for t in p.work() if within is None or t in within]
        named = self.directory.find(phrase) if least < 3 else []  # "bảo hiểm xã hội tự nguyện" is no agency
        if named:  # "which tasks mention the Department of Finance": as lead, coordinator or in the text
            a = named[0]
            return a.name, [t for p, t in pool if a.name in self._task_agencies[(p.source, t.id)]]
        shown: list[str] = []
        found: list[Task] = []
        head: list[str] = []
        for part in re.split(r"\s*(?:,|\bhoac\b|\bor\b|\bva\b|\band\b)\s*", phrase):
            # English questions may name the plan's own words ("call for chuyển đổi số").
            words = tokens(translate_terms(part) if q.style == "en" and not has_diacritics(part) else part)
            readings = [self._longest_named(words, pool)]
            # "trình HĐND tỉnh ban hành hoặc xem xét chính sách": a later part may share the first
            # part's head ("trình HĐND tỉnh xem xét"). A part the plan does not hold whole takes
            # the longer reading; one it holds whole ("… ven biển và hải đảo") keeps its own too.
            own = readings[0][0]
            for n in range(len(head) - 1, 0, -1):
                longer = self._longest_named(head[:n] + words, pool)
                if len(longer[0]) > max(len(own), n):
                    readings = [*readings, longer] if len(own) == len(words) else [longer]
                    break
            head = head or words
            for span, hits in readings:
                # Without a question about tasks, the run must carry half the phrase: "tỉnh hỗ
                # trợ" out of "chuyện tỉnh hỗ trợ tiền nước sinh hoạt cho dân" is no mention of it.
                if hits and len(span) >= max(least, (len(words) + 1) // 2 if least >= 3 else 0):
                    wording = _wording([unwrap(p.body(t.id)) for p, t in hits], span)
                    shown += [wording] if wording not in shown else []
                    found += [t for _, t in hits if t not in found]
        return " / ".join(shown), [t for _, t in pool if t in found]

    def _longest_named(self, words: list[str], pool: list[tuple[Plan, Task]]
                       ) -> tuple[list[str], list[tuple[Plan, Task]]]:
        """The longest run of the words, two or more, that some task names, and the tasks
        naming it. A run of four words or more may have up to two words inside it in the
        plan ("lao động [trong] khu vực phi chính thức", "đội ngũ [cán bộ] làm công tác xã hội")."""
        for n in range(len(words), 1, -1):
            for i in range(len(words) - n + 1):
                span = words[i:i + n]
                if span[0] in _LEADING:
                    continue
                needle = re.compile(_run(span, loose=n >= 4))
                hits = [(p, t) for p, t in pool if needle.search(self._task_words[(p.source, t.id)])]
                if hits:
                    return span, hits
        return [], []

    def mention_list(self, q: Query, phrase: str, tasks: list[Task]) -> tuple[str, list[Citation]]:
        en = q.style == "en"
        rows = [(p, t) for p in self.plans for t in p.work() if t in tasks]
        leads = "lead" in q.intents  # "… kèm sở chủ trì", "with its lead department"
        named = [self._naming(p, t.id, phrase) for p, t in rows]
        # Up to three tasks: the sentence itself, which answers "does the plan mention X" too.
        quote = len(rows) <= 3
        items = "; ".join(f"{t.id} ({t.title})" + (f" — {'lead' if en else 'chủ trì'}: {self._names(t.lead, en)}"
                                                    if leads else "") + (f": “{sent}”" if quote and sent else "")
                          for (_, t), (_, sent) in zip(rows, named, strict=True))
        stop = "" if items.endswith("”") else "."  # a quoted sentence ends with its own stop
        text = (f"{len(rows)} task{'s mention' if len(rows) > 1 else ' mentions'} “{phrase}”: {items}{stop}" if en
                else f"Có {len(rows)} nhiệm vụ nhắc đến “{phrase}”: {items}{stop}")
        return text, [c for c, _ in named]

    def _naming(self, plan: Plan, sid: str, phrase: str) -> tuple[Citation, str]:
        """A unit cited with its first sentence that names the phrase (any of "a / b") lit,
        and that sentence ("" when none does)."""
        s = plan.section(sid)
        assert s is not None
        needles = [re.compile(_run(w, loose=len(w) >= 4)) for w in (tokens(x) for x in phrase.split(" / ")) if w]
        for sent in self._sentences(plan, sid)[1]:
            words = _marked(sent)
            if any(n.search(words) for n in needles):
                return self.cite(plan, sid, locate(plan.text, s.start, s.end, sent)), sent
        return self.cite(plan, sid), ""

    def lead_count_list(self, q: Query, leads: int = 2, within: list[Task] | None = None) -> tuple[str, list[Citation]]:
        """The tasks with a sole lead agency (leads=1) or with at least `leads` of them."""
        rows = [(p, t) for p in self.plans for t in p.work() if _leads_match(t, leads) and (within is None or t in within)]
        en = q.style == "en"
        items = "; ".join(f"{t.id} ({'; '.join(t.lead)})" for _, t in rows)
        if leads == 1:
            text = (f"{len(rows)} tasks have a single lead agency: {items}." if en
                    else f"Có {len(rows)} nhiệm vụ do một cơ quan chủ trì: {items}.")
        elif leads == 2:
            text = (f"{len(rows)} tasks have more than one lead agency: {items}." if en
                    else f"Có {len(rows)} nhiệm vụ do nhiều cơ quan cùng chủ trì: {items}.")
        else:
            text = (f"{len(rows)} tasks have {leads} or more lead agencies: {items}." if en
                    else f"Có {len(rows)} nhiệm vụ do từ {leads} cơ quan chủ trì trở lên: {items}.")
        return text, [self.cite(p, t.id, t.spans[0]) for p, t in rows]

    def task_list(self, q: Query, timeline: str | None = None,
                  within: list[Task] | None = None, kind: str = "", year: int | None = None) -> tuple[str, list[Citation]]:
        """Every task of the plan (or among `within`), or every task with the given timeline (its
        wording, or its kind: "ongoing", "open" for "… and the following years"), each cited."""
        def fits(t: Task) -> bool:
            if year is not None:
                return year in due_years(t.timeline)
            if kind == "open":
                return t.when.kind == "range" and t.when.last is None
            return kind in kinds(t.timeline) if kind else timeline is None or fold(t.timeline) == fold(timeline)

        rows = [(p, t) for p in self.plans for t in p.work() if fits(t) and (within is None or t in within)]
        if year is not None:
            en = q.style == "en"
            items = "; ".join(f"{t.id} ({t.title}; {'lead' if en else 'chủ trì'}: {'; '.join(t.lead)}; "
                              f"{'timeline' if en else 'thời gian'}: {t.timeline})" for _, t in rows)
            if not rows:
                return ((f"No task of the plan is due in {year}." if en else f"Kế hoạch không có nhiệm vụ nào hạn trong năm {year}."),
                        [])
            text = (f"{len(rows)} task{'s' if len(rows) > 1 else ''} due in {year}: {items}." if en
                    else f"Có {len(rows)} nhiệm vụ có hạn trong năm {year}: {items}.")
            return text, [self.cite(p, t.id, t.spans[2] if t.spans[2][1] else None) for p, t in rows]
        if kind and rows:
            timeline = rows[0][1].timeline if len({t.timeline for _, t in rows}) == 1 else " / ".join(
                dict.fromkeys(t.timeline for _, t in rows))
        en = q.style == "en"
        items = "; ".join(f"{t.id} ({t.title})" for _, t in rows)
        if within is not None:
            text = (f"{len(rows)} task{'s' if len(rows) > 1 else ''}: {items}." if en
                    else f"Có {len(rows)} nhiệm vụ: {items}.")
            return text, [self.cite(p, t.id) for p, t in rows]
        if timeline is None:
            text = (f"The plan sets {len(rows)} tasks: {items}." if en
                    else f"Kế hoạch giao {len(rows)} nhiệm vụ: {items}.")
            return text, [self.cite(p, t.id) for p, t in rows]
        text = (f"{len(rows)} tasks have the timeline “{timeline}”: {items}." if en
                else f"Có {len(rows)} nhiệm vụ có thời gian thực hiện “{timeline}”: {items}.")
        return text, [self.cite(p, t.id, t.spans[2]) for p, t in rows]

    def asked_years(self, q: Query) -> set[int]:
        """The indicator years a question names ("đến năm 2025", "by 2030")."""
        return {int(y) for y in re.findall(r"\b(20\d\d)\b", q.text)} & self._years

    def indicators(self, q: Query, sections: set[str] | None = None,
                   any_year: bool = False) -> tuple[list[Target], float]:
        """The indicator clauses that best match the question, for the years it names (every
        year with any_year), one per year unless tied or listing; and the best score."""
        years = set() if any_year else self.asked_years(q)
        pool = [(t, tt) for t, tt in zip(self.targets, self._target_terms, strict=True)
                if not (years and t.year not in years) and not (sections and t.section not in sections)]

        def ranked(text: str) -> list[tuple[float, Target]]:
            terms = {t for t in set(lexical_terms(text, q.style == "en")) - self._setting - self._frame
                     if not re.search(r"\b20\d\d\b", t.replace("_", " "))}  # the year filters, never matches
            return sorted(((_overlap(terms, tt), t) for t, tt in pool), key=lambda x: -x[0])

        scored = ranked(q.text)
        if not scored or scored[0][0] < 3.0:
            return [], 0.0
        best = scored[0][0]
        # The best clause of each year whose match is nearly as good: "chỉ tiêu nhà ở"
        # answers with 2025 and 2030, "năm 2025" with 2025 only. Clauses tied for a year's
        # best all go ("chỉ tiêu BHYT 2030": participation and primary care paid by it).
        chosen: list[Target] = []
        listing = "aggregate" in q.intents  # "các chỉ tiêu về nhà ở gồm những gì": all of them
        top: dict[int, float] = {}
        for sc, t in scored:
            top.setdefault(t.year, sc)
            if listing and sc >= best * 0.5 and len(chosen) < 8:
                chosen.append(t)
            elif not listing and sc >= best * 0.75 and sc == top[t.year] and sum(c.year == t.year for c in chosen) < 2:
                chosen.append(t)
        # Each year the question names gets its best clause ("the 2025 target and how does the 2030
        # target compare"), though another year's clause shares more of its words.
        for year in years - {t.year for t in chosen} if len(years) > 1 else ():
            first = next((t for sc, t in scored if t.year == year and sc >= best * 0.5), None)
            if first is not None:
                chosen.append(first)
        # A share asked for ("giảm tỷ lệ hộ nghèo bao nhiêu phần trăm") is not answered by a
        # count of houses: only clauses that state a percentage answer it.
        if not listing and (_PERCENT.search(q.words) or "%" in q.text):
            chosen = [t for t in chosen if "%" in t.indicator]
            if not chosen:
                return [], 0.0
        # A count asked for ("how many beds", "cho bao nhiêu người") is not answered by a share: only
        # clauses that set a count answer it.
        elif not listing and _COUNT_ASKED.search(q.words):
            chosen = [t for t in chosen if not t.value.endswith("%")]
            if not chosen:
                return [], 0.0
        # Two figures asked in one question ("mức sinh, và chỉ số HDI"; "suy dinh dưỡng với
        # tiêm chủng"): each part's own clear best clause answers it too. Clauses tied on a
        # part are told apart by the whole question ("… nước sạch, chỉ tiêu này theo quyết định số mấy").
        whole = {id(t): sc for sc, t in scored}
        for part in [] if listing else _PARTS.split(q.text):
            top_part = ranked(part)
            if not top_part or top_part[0][0] < 3:
                continue
            tied = sorted((t for sc, t in top_part if sc == top_part[0][0]), key=lambda t: -whole[id(t)])
            if (len(tied) == 1 or whole[id(tied[0])] > whole[id(tied[1])]) and tied[0] not in chosen:
                chosen.append(tied[0])
        return sorted(chosen, key=lambda t: (t.year, t.start)), best

    def target_answer(self, q: Query, sections: set[str] | None = None) -> tuple[str, list[Citation], float]:
        chosen, best = self.indicators(q, sections)
        if not chosen:
            return "", [], 0.0
        en = q.style == "en"
        parts, cites = [], []
        for t in chosen:
            plan = next(p for p in self.plans if p.source == t.doc)
            parts.append(f"{'By' if en else 'Đến năm'} {t.year}: {t.indicator}")
            cites.append(self.cite(plan, t.section, (t.start, t.end)))
        lead = "Target in the plan — " if en else "Chỉ tiêu của kế hoạch — "
        return lead + "; ".join(f"{p} ({c.section})" for p, c in zip(parts, cites, strict=True)) + ".", cites, best

    @staticmethod
    def _date_vi(p: Plan) -> str:
        """The plan's date as its header writes it ("ngày 12 tháng 02 năm 2026"), else from the record."""
        d = p.date.split("-")
        if len(d) != 3:
            return ""
        for m in re.finditer(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", p.body("header")):
            if (int(m.group(3)), int(m.group(2)), int(m.group(1))) == (int(d[0]), int(d[1]), int(d[2])):
                return " ".join(m.group(0).split())
        return f"ngày {int(d[2])} tháng {int(d[1])} năm {d[0]}"

    def meta_answer(self, q: Query) -> tuple[str, list[Citation]] | None:
        """Facts about the document itself; every fact the question asks for, in one answer
        ("số ký hiệu, ngày ban hành và người ký")."""
        p, en, t = self.plan, q.style == "en", q.words
        head = [self.cite(p, "header")] if p.section("header") else []
        header = unwrap(p.body("header")) if p.section("header") else ""
        date_vi = self._date_vi(p)
        # "ký ban hành ngày tháng năm nào" asks for the date; "ai ký" for the signer.
        asks_when = any(w in t for w in (" ngay thang ", " ngay nao ", " khi nao ", " when ", " date ", " dated ",
                                         " ngay ban hanh ", " ban hanh ngay ", " what day ", " days "))
        asks_who = any(w in t for w in (" ai ", " nguoi ky ", " who ", " signer ", " chuc vu ", " chuc danh ", " dong chi "))
        signs = (asks_who or not asks_when) and (bool(re.search(r" ky (?!hieu )", t)) or any(
            w in t for w in ("signed", "signer", "sign ", "signs", "chuc vu", "chuc danh")))
        parts: list[tuple[str, list[Citation]]] = []
        if p.number and (asks_when or any(w in t for w in (" so ky hieu ", " ky hieu ", " so hieu ", " so may ",
                                                             " so bao nhieu ", " ke hoach so ", " number "))):
            kind = {"Quyết định": "Decision"}.get(p.doc_type, "Plan")
            parts.append(((f"{kind} number {p.number}, dated {date_vi} ({p.date})." if en
                           else f"{p.doc_type or 'Kế hoạch'} số {p.number}, ban hành {date_vi}."), head))
        if signs and p.signer and p.section("signature"):
            title = f" ({p.signer_title})" if p.signer_title else ""
            parts.append(((f"The plan was signed by {p.signer}{title}." if en else f"Người ký: {p.signer}{title}."),
                          [self.cite(p, "signature")]))
        if any(w in t for w in ("to trinh", "de nghi", "proposed", "submission", "submitted")):
            if p.proposer and p.proposal:
                who, sub = p.proposer, p.proposal
                parts.append(((f"The plan was issued on the proposal of {self._names([who], True)} in {sub}." if en
                               else f"Kế hoạch ban hành trên cơ sở đề nghị của {who} tại {sub}."), head))
        if any(w in t for w in ("can cu", "legal basis", "based on", "nghi quyet", "resolution", "chuong trinh hanh dong", " ctr ",
                                "action programme", "party document", "implementing", "van ban nao")):
            lst = "; ".join(_with_issuer(canon(header), b) for b in p.legal_bases)
            parts.append(((f"Legal bases: {lst}." if en else f"Căn cứ ban hành: {lst}."), head))
        motto = re.search(r"(CỘNG HÒA XÃ HỘI\s+CHỦ NGHĨA VIỆT NAM)\s*(Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)", header)
        if motto and any(w in t for w in ("quoc hieu", "tieu ngu", "national motto", "motto")):
            parts.append(((f"National name and motto: {motto.group(1)} — {motto.group(2)}." if en
                           else f"Quốc hiệu: {motto.group(1)}; tiêu ngữ: {motto.group(2)}."), head))
        grounds = re.search(r"Thực hiện Nghị quyết[^;]+", header)
        if grounds and any(w in t for w in ("hoi nghi", "lan thu", "khoa ", "session", "plenum", "congress")):
            parts.append(((f"The plan opens: “{canon(grounds.group(0))}”." if en
                           else f"Kế hoạch mở đầu: “{canon(grounds.group(0))}”."), head))
        if any(w in t for w in ("ten ke hoach", "trich yeu", "title", "ve viec", "ten day du", "ten goi", "subject line")):
            parts.append(((f"Title: Kế hoạch {canon(p.title)}." if en else f"Tên kế hoạch: Kế hoạch {canon(p.title)}."),
                          head))
        if any(w in t for w in ("co quan ban hanh", "co quan nao ban hanh", "don vi ban hanh", "issuer",
                                "ai ban hanh", "issued by", "who issued", "which provincial body")):
            parts.append(((f"Issued by {p.issuer or 'UBND tỉnh'}." if en
                           else f"Cơ quan ban hành: {p.issuer or 'UBND tỉnh'}."), head))
        if any(w in t for w in ("noi nhan", "gui ", "recipient", "sent to", "distribution", "gui cho")) and p.section("recipients"):
            lst = "; ".join(p.recipients)
            parts.append(((f"Recipients (Nơi nhận): {lst}." if en else f"Nơi nhận: {lst}."),
                          [self.cite(p, "recipients")]))
        # "có hiệu lực từ khi nào", "when does the decision take effect": the sentence that says so.
        if re.search(r"\b(hieu luc|take effect|takes effect|in force|effective)\b", t):
            for sec in p.sections:
                body = unwrap(p.body(sec.id))
                said = re.search(r"[^.\n]*có hiệu lực[^.\n]*\.", body)
                if said:
                    # A short article is quoted whole: what it gives beside the date (a standing body) is asked too.
                    quote = re.sub(r"^\W*Điều\s+\d+\W*", "", body).strip() if len(body) <= 400 else said.group(0).strip()
                    parts.append(((f"Entry into force ({sec.id}): “{quote}”" if en
                                   else f"Hiệu lực ({sec.id}): “{quote}”"), [self.cite(p, sec.id)]))
                    break
        if not parts and p.number:  # "kế hoạch này là gì", "which plan is this"
            parts.append(((f"Plan number {p.number}, dated {date_vi}, issued by {p.issuer or 'UBND tỉnh'}." if en
                           else f"Kế hoạch số {p.number}, ban hành {date_vi}."), head))
        if not parts:
            return None
        cites: list[Citation] = []
        for _, c in parts:
            cites += [x for x in c if x not in cites]
        return " ".join(text for text, _ in parts), cites

    @staticmethod
    def _sentences(plan: Plan, sid: str) -> tuple[str, list[str]]:
        """A unit's body without its number and task table lines, and its sentences."""
        text = unwrap(plan.body(sid))
        text = re.sub(r"^(?:[IVX]+\.|\d{1,2}\.|[a-zđ]\))\s*", "", text)
        text = text.split("- Cơ quan chủ trì")[0]
        sents = [s.strip() for s in re.split(r"(?<=\.)\s+(?=[A-ZĐ\-])|(?<=[;:])\s+(?=- [A-ZĐ])", text) if len(s.strip()) > 20]
        return text, sents

    def names_an_indicator(self, q: Query) -> bool:
        """Every word pair of the question that some indicator clause uses is in one clause,
        or in two (a question may ask two figures), each holding two pairs at least: "chỉ
        tiêu xoá mù chữ 2025 và 2030" names the literacy indicator, "giảm tỷ lệ hộ nghèo
        mỗi năm" names none (its pairs are spread over several)."""
        terms = {t for t in set(lexical_terms(q.text, q.style == "en")) - self._setting - self._frame
                 if "_" in t and not re.search(r"\d", t)}
        used = terms & self._indicator_terms
        if len(used) < 2:
            return False
        for tt in self._target_terms:
            rest = used - tt
            if len(used & tt) >= 2 and (not rest or any(len(rest) >= 2 and rest <= other for other in self._target_terms)):
                return True
        return False

    def better_objective(self, q: Query, score: float) -> tuple[str, list[Citation]] | None:
        """An objective of part II without a figure (the general objective, "xoá bỏ hoàn toàn
        tình trạng nhà tạm") that matches the question clearly better than the best indicator
        clause did: "thu nhập bình quân đầu người đạt mức nào" is answered by II.1, not by a
        clause on floor area."""
        terms = set(lexical_terms(q.text, q.style == "en")) - self._setting - self._frame
        best = max(self._objectives, key=lambda o: _overlap(terms, o[4]), default=None)
        if best is None or _overlap(terms, best[4]) < score + 4:
            return None
        plan, sid, start, end, _ = best
        s = plan.section(sid)
        assert s is not None
        clause = canon(unwrap(plan.text[start:end])).strip(" -;.")
        label = f"{sid} ({s.title})"
        text = f"According to section {label}: “{clause}”" if q.style == "en" else f"Theo mục {label}: {clause}."
        return text, [self.cite(plan, sid, (start, end))]

    def best_sentence(self, q: Query, plan: Plan, sid: str, n: int = 1) -> str:
        """The sentence of a section that shares most words with the question; with n=2 the
        best two, kept in the plan's order when they are adjacent."""
        text, sents = self._sentences(plan, sid)
        if not sents:
            return text[:300]
        terms = set(lexical_terms(q.text, q.style == "en"))

        def score(s: str) -> float:
            return _overlap(terms, set(lexical_terms(s)))

        order = sorted(range(len(sents)), key=lambda i: -score(sents[i]))
        picked = order[:1]
        if n > 1 and len(order) > 1 and score(sents[order[1]]) > 0 and abs(order[1] - order[0]) == 1:
            picked = sorted(order[:2])
        best = " ".join(sents[i] for i in picked)
        return best if len(best) < 700 else best[:700].rsplit(" ", 1)[0] + "…"

    def content_answer(self, q: Query, hits: list[Hit]) -> tuple[str, list[Citation]]:
        h = hits[0]
        return self.quote(q, next(p for p in self.plans if p.source == h.doc), h.section)

    def quote(self, q: Query, plan: Plan, sid: str) -> tuple[str, list[Citation]]:
        """What a unit says: the whole unit when short, else its best two sentences."""
        en = q.style == "en"
        s = plan.section(sid)
        assert s is not None
        whole = self._sentences(plan, sid)[0].strip()
        # A short unit is quoted whole: "what is the general objective?" wants all of II.1.
        sent = whole if len(whole) <= 1100 else self.best_sentence(q, plan, sid, 2)
        cites = [self.cite(plan, sid, locate(plan.text, s.start, s.end, sent))]
        label = f"{sid} ({s.title})"
        return ((f"According to section {label}: “{sent}”" if en else f"Theo mục {label}: {sent}"), cites)

    def units_answer(self, q: Query, sids: list[str]) -> tuple[str, list[Citation]]:
        """What a part or item says: each of its units with its opening sentence."""
        en, plan = q.style == "en", self.plan
        parts, cites = [], []
        for sid in sids:
            s = plan.section(sid)
            if s is None or not s.has_body:
                continue
            sent = self.best_sentence(q, plan, sid)
            parts.append(f"{sid} ({s.title}): {sent}")
            cites.append(self.cite(plan, sid, locate(plan.text, s.start, s.end, sent)))
        head = "The plan says — " if en else "Nội dung — "
        return head + " | ".join(parts), cites

    def abstain(self, q: Query, hits: list[Hit], why: str = "") -> tuple[str, list[Citation]]:
        """The plan does not answer: why, when known, and the nearest sections."""
        en = q.style == "en"
        near = ", ".join(f"{h.section} ({h.title.split(' › ')[-1]})" for h in hits[:3])
        if en:
            text = "The plan does not answer this question" + (f" ({why})" if why else "") + "."
            text += f" Nearest sections: {near}." if near else ""
        else:
            text = "Kế hoạch không đề cập nội dung này" + (f" ({why})" if why else "") + "."
            text += f" Các mục gần nhất: {near}." if near else ""
        return text, []


def _routed(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Record the route of the outermost composer that writes a non-empty answer."""
    route = ROUTES[fn.__name__]

    @functools.wraps(fn)
    def wrapper(self: Composer, *args: Any, **kwargs: Any) -> Any:
        local = self._local
        local.depth = getattr(local, "depth", 0) + 1
        try:
            result = fn(self, *args, **kwargs)
        finally:
            local.depth -= 1
        if local.depth == 0 and result and result[0]:
            local.route = route
        return result

    return wrapper


for _name in ROUTES:
    setattr(Composer, _name, _routed(getattr(Composer, _name)))


def _marked(text: str, marks: str = ",;:.()") -> str:
    """Folded words of a text with its punctuation marks as tokens of their own, space-padded:
    a phrase looked for in it does not run across a comma."""
    return " " + " ".join(re.findall(r"[a-z0-9]+|[" + re.escape(marks) + "]", fold(text))) + " "


def _longest_run(words: list[str], padded: str) -> int:
    """How many of the words in a row, at most, a space-padded text holds (punctuation inside
    the text is skipped)."""
    plain = re.sub(r" [,;:.()](?= )", "", padded)
    best = 0
    for i in range(len(words)):
        n = best + 1
        while i + n <= len(words) and " " + " ".join(words[i:i + n]) + " " in plain:
            best, n = n, n + 1
    return best


def _run(words: list[str], loose: bool) -> str:
    """A pattern for folded words in a row, in text whose tokens (words and punctuation) are
    space-padded; loose lets up to two words, never punctuation, sit between any two."""
    gap = r" (?:[a-z0-9]+ ){0,2}" if loose else " "
    return " " + gap.join(map(re.escape, words)) + " "


def _wording(texts: list[str], words: list[str]) -> str:
    """The words of the first text that folds to the given folded words, as it writes them;
    failing that, the first that holds them with a word or two between."""
    for loose in (False, True):
        for text in texts:
            found = list(re.finditer(r"[^\W_]+|[,;:.()]", text))
            folded = " " + " ".join(fold(m.group(0)) for m in found) + " "
            m = re.search(_run(words, loose), folded)
            if m:
                first = folded[: m.start() + 1].count(" ") - 1
                last = first + m.group(0).strip().count(" ")
                return text[found[first].start() : found[last].end()]
    return " ".join(words)


def _with_issuer(header: str, basis: str) -> str:
    """A document the plan is based on, with who issued it as the header says ("… của Tỉnh ủy
    Quảng Ngãi"); the document alone when the header names no issuer after it."""
    m = re.search(re.escape(basis) + r"\s+(của\s+.+?)(?=\s+thực hiện\b|\s*[;(,]|$)", header)
    return f"{basis} {m.group(1)}" if m else basis


def _leads_match(t: Task, leads: int) -> bool:
    """A task with a sole lead (leads=1), or with at least `leads` of them."""
    return len(t.lead) == 1 if leads == 1 else len(t.lead) >= leads


# A percentage asked for.
_PERCENT = re.compile(r"%|\b(phan tram|ty le|percent|percentage|share|proportion|rate)\b")

# Where a question asking two things divides ("…mức sinh, và chỉ số HDI…").
_COUNT_ASKED = re.compile(r"\bhow many\b|\bbao nhieu (?!phan tram|%|ty le)[a-z]+|\bso luong\b|\bmay (nguoi|ho|can|cai|cong trinh)\b")
_PARTS = re.compile(r"[,;?]|\b(?:và|va|còn|con|với|voi|and|also)\b", re.I)

# "…nhắc đến X", "…mention X": X is what the tasks must name.
_MENTION = re.compile(
    r"\b(nhac den|nhac toi|nhac gi (?:den|toi|ve)|de cap den|de cap toi|de cap gi (?:den|toi|ve)|"
    r"co noi ve|co noi(?! dung)|noi den|lien quan den|lien quan toi|neu ro|"
    r"mention|mentions|mentioning|refer to|refers to|deal with|deals with|relate to|relates to|involve|involves|"
    r"talk about|talks about|discuss|discusses|cover|covers|require|requires|call for|calls for|co yeu cau|"
    r"co noi dung|say anything about|says anything about|anything about|"
    r"(?:nhiem vu|noi dung|viec|diem) nao (?:\w+ ){0,3}?(?:phai|can))"
    r"\b(?P<what>.+)"
)
_LEADING = {"den", "toi", "ve", "viec", "cac", "nhung", "phai", "la", "the", "a", "an",
            "day", "manh", "tang", "cuong", "thuc", "hien"}  # "đẩy mạnh", "tăng cường", "thực hiện" X: X


# Asking where an agency is named or what it must do, beyond the tasks it leads.
_WHERE_NAMED = (" appear", " mention", " where ", " every place", " duoc neu", " nhac den", " nhac toi",
                " trach nhiem gi", " responsibilit", " role ", " vai tro ", " duties ", " o dau ")


def _overlap(question: set[str], passage: set[str]) -> float:
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


def missing_ref(q: Query) -> bool:
    return bool(q.missing) or (not q.refs and mentions_missing_ref(q.text))
