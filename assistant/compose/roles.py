"""Role answers: who leads a task, who takes part, by when; the task a question describes."""

from __future__ import annotations

import re

from assistant.agencies import Agency, named_bodies
from assistant.answer import Citation, timeline_en
from assistant.compose.base import DATED, STATES_FIGURE, longest_run, overlap, titled, topic_terms
from assistant.compose.mentions import MentionAnswers
from assistant.lexicon import says, spelled_out
from assistant.query import Query, asks_day, asks_figure, asks_two, names_tasks
from assistant.retrieve import Hit, lexical_terms
from index.normalize import agency, fold
from index.parse import Plan, Task
from index.timeline import parse_timeline

# "ngoài các sở ngành … còn ai", "besides the lead": bodies beside those named. Not the "ngoài" of a place or a time
# ("nước ngoài", abroad; "bên ngoài"; "ngoài giờ"), nor "ngoài ra" (furthermore).
_BESIDES = re.compile(r"(?<!nuoc )(?<!ben )\bngoai\b(?! ra\b)(?! gio\b)|\b(?:besides|apart from|other than|in addition to)\b")


# The money of the plan asked of: its estimates, budget, funding ("lập dự toán", "kinh phí thực hiện", "budget").
_FUNDING = re.compile(r"\b(?:kinh phi|du toan|ngan sach|budget|funding|funds?|cost estimates?)\b")


class RoleAnswers(MentionAnswers):
    @staticmethod
    def _timed(q: Query, text: str) -> bool:
        """A passage sets a time: a year, a day, a quarter or month, a frequency; not one the question names as what
        it asks about ("periodic health checks": "khám sức khỏe định kỳ" is a kind of check, no time of the duty)."""
        asked = {w for w in lexical_terms(q.text, q.style == "en") if "_" in w}
        return any("_".join(fold(m.group(0)).split()) not in asked for m in _TIMED.finditer(text))

    def find_task(self, q: Query, hits: list[Hit]) -> tuple[Plan, Task] | None:
        """The task a question describes: among the tasks of the top three hits, the first,
        unless another fits what the question says clearly better (below).

        A target section (part II) above it is passed over, since "who leads housing?"
        shares its words with the housing targets, and so is the header, which the plan's
        own name in a question ("kh 65 của UBND tỉnh Quảng Ngãi") brings up; part IV is not.
        """
        candidates: list[tuple[Plan, Task]] = []
        of_task = names_tasks(q.words)
        said = set(lexical_terms(q.text, q.style == "en"))
        pairs = {w for w in said if "_" in w}

        def shared(c: tuple[Plan, Task]) -> int:
            """How many of the question's word pairs a task's text holds."""
            return len(pairs & self._body_terms[(c[0].source, c[1].id)])

        bodies = [a.name for a in named_bodies(q.text, self.directory)]
        for h in hits[:3]:
            # A duty of the implementation part answers who does it, when it is what the question is closest to;
            # and when it is the named body's own duty, when it falls due ("by when must the communes …").
            own = self._duties.get((h.doc, h.section))
            # Not for a question that says it asks of a task ("who leads the plastic-free schools task"): a body's
            # duty that shares its words is no task.
            duty = h is hits[0] and bool({"lead", "coordinate"} & set(q.intents)) and "timeline" not in q.intents \
                and not of_task
            # A point of a task that is no task itself (a party's part of a joint plan's content, "a) Sở Y tế: …"): its
            # task.
            found = self._tasks.get((h.doc, h.section)) or (own if duty else None)
            unit = self.plan_of(h.doc).section(h.section)
            if found is None and unit is not None and unit.kind == "point" and unit.parent:
                found = self._tasks.get((h.doc, unit.parent))
            role = self._role(h.doc, h.section)
            # A unit of the tasks part that names nobody, restated by rows of the plan's task table.
            restating = [] if found or role != "tasks" else [
                (p, t) for p in self.plans if p.source == h.doc for t in self.restated(p, h.section)]
            if found:
                candidates.append(found)
            elif restating:
                candidates += [c for c in restating if c not in candidates]
            elif role == "tasks" and self._duty_plan(h.doc):
                continue  # a task of a plan that says who does what agency by agency: its duty answers
            elif role in {"implementation", "reporting"} and "timeline" in q.intents and not self._timed(q, h.text):
                continue  # "by when should …": a duty that sets no time answers no "when"; a task further down may
            elif role == "funding" and h is hits[0] and _FUNDING.search(q.words):
                break  # "ai lập dự toán, gửi cơ quan nào thẩm định": the funding part asked of, nearest: no task answers
            elif role not in {"purpose", "review", "objectives", "targets", "funding"} and h.section != "header" and not (
                    role in {"implementation", "reporting"} and of_task):
                # A funding passage ("vốn ủy thác qua Ngân hàng …") names no task's roles either; nor, for a
                # question that says it asks of a task ("the labour-market task"), does a reporting duty.
                break
        # "who works with the Department of Health on the handwashing campaign": a task whose partners
        # are asked by the bodies it names is one those bodies take part in; the nearest such task wins (when
        # the passage nearest the question is a task at all: a report it must send is no task).
        asks_partners = "coordinate" in q.intents and "lead" not in q.intents
        if bodies and asks_partners and not _BESIDES.search(q.words):
            pool = [f for h in hits[:6] if (f := self._tasks.get((h.doc, h.section)))]
            # "who works with X": X leads it, if any task near the question is so; else X takes part.
            fitting = [f for f in pool if all(n in f[1].lead for n in bodies)] or [
                f for f in pool if all(n in (*f[1].lead, *f[1].coordinate) for n in bodies)]
            # Partners are asked: a task that names some answers before the body's own duty that names none; a task
            # of the table whose partner cell is empty keeps its place (the plan names nobody: that is the answer).
            fitting.sort(key=lambda f: not f[1].coordinate and (f[0].source, f[1].id) in self._duties)
            if fitting and (not candidates or candidates[0] not in fitting or not candidates[0][1].coordinate):
                return fitting[0]
        # "by when must the communes and wards issue their own plans": the named body's own duty, near the question,
        # when no task near it is one that body leads.
        if bodies and "timeline" in q.intents and not any(b in f[1].lead for f in candidates for b in bodies):
            for h in hits[:3]:
                duty_of = self._duties.get((h.doc, h.section))
                # The duty's heading names its body as the plan writes it ("Ủy ban nhân dân các xã, phường").
                if duty_of and {a.name for a in self.directory.find("; ".join(duty_of[1].lead))} & set(bodies):
                    return duty_of
                if self._role(h.doc, h.section) in {"implementation", "reporting"}:
                    break  # the implementation passage nearest the question is no duty of theirs: nothing said
        if not candidates:
            return None
        # "ngoài các sở ngành và UBND huyện còn ai phối hợp": a task with someone besides them.
        if "coordinate" in q.intents and _BESIDES.search(q.words):
            named = {a.name for a in self.directory.find(q.text)}
            beyond = [c for c in candidates if set(c[1].coordinate) - named]
            if named and beyond:
                return beyond[0]
        # Two tasks on the same people (III.5.c and III.7 both name children, the disabled and
        # the elderly): the one that holds a clearly longer run of the question's words
        # ("phát triển mạng lưới dịch vụ trợ giúp xã hội …") wins, else the one whose words
        # the question uses clearly more.
        # The bodies a question names are what it offers as answers ("is it the Department of Construction?"),
        # not what the task is about: their names are left out of the comparison.
        topic = self.directory.unnamed(q.text) if bodies else q.words
        runs = [longest_run(topic.split(), self._task_words[(p.source, t.id)]) for p, t in candidates]
        longest = max(range(len(candidates)), key=lambda n: runs[n])
        if runs[longest] >= max(6, runs[0] + 3):
            return candidates[longest]
        # The question's own topic: the words that ask ("ai phối hợp") are in a duty's text as they are in any role line.
        terms = topic_terms(topic if bodies else q.text, q.style == "en")
        # A unit of several bullets is as near the question as its nearest bullet, not as all of them together.
        words = [max(overlap(terms, set(lexical_terms(b.title))) for b in t.bullets) if t.bullets
                 else overlap(terms, self._body_terms[(p.source, t.id)]) for p, t in candidates]
        best = max(range(len(candidates)), key=lambda n: words[n])
        # A body's duty first in retrieval, a task beside it as near the question's topic: the task is what a question
        # of its roles asks of ("dạy bơi cho trẻ ai phối hợp": task 3, not the Department of Education's duty to report
        # on swimming lessons).
        def is_duty(c: tuple[Plan, Task]) -> bool:
            return (c[0].source, c[1].id) in self._duties

        if is_duty(candidates[0]):
            tasks = [n for n in range(1, len(candidates)) if not is_duty(candidates[n])]
            near = max(tasks, key=lambda n: words[n], default=None)
            if near is not None and words[near] >= words[0]:
                return candidates[near]
        # The first that shares no pair of the question's words gives way to the one sharing most of its words ("dạy
        # bơi"): the rows restating one unit come in the plan's order, the warning signs' row before the swimming classes'.
        if not shared(candidates[0]):
            nearness = [len(said & self._body_terms[(p.source, t.id)]) for p, t in candidates]
            most = max(range(len(candidates)), key=lambda n: nearness[n])
            if nearness[most] > nearness[0]:
                return candidates[most]
        return candidates[best] if words[best] >= max(words[0] * 1.15, words[0] + 6) else candidates[0]

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
            text, c = self.task_answer(q, plan, t, asked, alone=len(tasks) == 1)
            texts.append(text)
            cites += c
        return " ".join(texts), cites

    def asked_bullets(self, q: Query, t: Task) -> tuple[Task, ...]:
        """The bullet of a unit the question is about, when one shares clearly most words with it; else all."""
        # The question's own topic: its asking words ("ai chủ trì", "nv 2") name no bullet.
        terms = topic_terms(q.text, q.style == "en")
        scored = sorted(((overlap(terms, set(lexical_terms(b.title))), n) for n, b in enumerate(t.bullets)), reverse=True)
        # "Nhiệm vụ rà soát, sắp xếp mạng lưới trường, lớp … hoàn thành khi nào": a question that names the unit by its
        # own heading as well as it names any bullet asks of the whole unit.
        whole = overlap(terms, set(lexical_terms(t.title))) if not t.title.endswith("…") else 0.0
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]) and scored[0][0] > whole:
            return (t.bullets[scored[0][1]],)
        return t.bullets

    def task_answer(self, q: Query, plan: Plan, t: Task, asked: list[str], alone: bool = True) -> tuple[str, list[Citation]]:
        if t.bullets:  # "luân chuyển sách xuống điểm đọc cơ sở do ai chủ trì": the bullet of the unit that says it
            picked = self.asked_bullets(q, t)
            if len(picked) > 1:
                return self.tasks_answer(q, [(plan, b) for b in picked], asked)
            t = picked[0]
        if t not in plan.work() and not any(t in x.bullets for x in plan.work()):
            # A duty of the implementation part beside a task table: its own words say who, when
            # and through whom better than a role summary would.
            return self.quote(q, plan, t.id)
        en = q.style == "en"
        label = self._task_label(t, en)
        # "nv dân số ai ph với sở y tế", "which bodies support the Department of Education": who leads is
        # what the question already says; the bodies beside it are what it asks.
        bodies = self.directory.find(q.text)
        if asked == ["lead"] and t.lead and set(t.lead) <= {a.name for a in bodies}:
            asked = ["lead", "coordinate"]
        lines: list[str] = []
        spans: list[tuple[int, int]] = []
        if "lead" in asked and not t.lead:
            # A task the plan leaves without a lead (a row marking partners only): said so, with who takes part.
            lines.append(self._unnamed_role(t, label, "lead", asked, en))
            spans.append(t.spans[1])
            if not t.coordinate and not t.bullets:
                # A task that names nobody at all: what it says, so the asker sees it is the one meant.
                _, sents = self._sentences(plan, t.id)
                said = next((x for x in sents if fold(x).strip(" .") != fold(t.title).strip(" .")), "")
                if said:
                    lines.append(f"{'It says' if en else 'Nhiệm vụ nêu'}: “{said.strip()}”")
        elif "lead" in asked:
            lines.append(
                f"{self._names(t.lead, en)} {'lead' if len(t.lead) > 1 else 'leads'} {label}{self._said(t, 0, en)}."
                if en else f"Cơ quan chủ trì tham mưu {label}: {self._names(t.lead, en)}{self._said(t, 0, en)}."
            )
            spans.append(t.spans[0])
        if "coordinate" in asked and not t.coordinate:
            # Said outright, never an empty list: the plan names no partner for this task; who carries
            # it then is its lead ("who does the Department of Health work with on …": nobody, it leads alone).
            lines.append(self._unnamed_role(t, label, "coordinate", asked, en))
            spans.append(t.spans[0])
        elif "coordinate" in asked:
            lines.append(
                f"Coordinating bodies for {label}: {self._names(t.coordinate, en)}{self._said(t, 1, en)}."
                if en else f"Cơ quan phối hợp thực hiện {label}: {self._names(t.coordinate, en)}{self._said(t, 1, en)}."
            )
            spans.append(t.spans[1])
        if "timeline" in asked and not t.timeline:
            # Said outright, never an empty value: nothing in the plan gives this task a time.
            lines.append(f"The plan states no timeline for {label}." if en
                         else f"Kế hoạch không nêu thời gian thực hiện {label}.")
            spans.append(t.spans[0])
        elif "timeline" in asked:
            gloss = timeline_en(t.when)
            lines.append(
                f"Timeline of {label}: “{t.timeline}”" + (f" ({gloss})." if gloss else ".")
                if en else f"Thời gian thực hiện {label}: {t.timeline}."
            )
            spans.append(t.spans[2])
        # "Đúng hay sai: … Sở Kế hoạch và Đầu tư chỉ là cơ quan phối hợp": a body the question names in the role
        # not asked is said in it too.
        # Of a role several hold, the others are said beside it ("một trong các cơ quan chủ trì …, cùng …").
        for a in bodies:
            if a.name in t.lead and "lead" not in asked:
                others = [n for n in t.lead if n != a.name]
                lines.append((f"{self._names([a.name], en)} leads {label}"
                              + (f", with {self._names(others, en)}." if others else " too.")) if en
                             else f"{a.name} là cơ quan chủ trì {label}." if not others
                             else f"{a.name} là một trong các cơ quan chủ trì {label}, cùng {'; '.join(others)}.")
                spans.append(t.spans[0])
            elif a.name in t.coordinate and "coordinate" not in asked:
                lines.append(f"{self._names([a.name], en)} coordinates on {label}." if en
                             else f"{a.name} là cơ quan phối hợp thực hiện {label}.")
                spans.append(t.spans[1])
        # "… chủ trì, thời gian và kinh phí ra sao": the cost the task table gives it; "mấy giờ, ở đâu": its place.
        if t.cost and says(q.text, "budget"):
            lines.append(f"Estimated cost: {t.cost}." if en else f"Kinh phí dự kiến: {t.cost}.")
        if t.place and re.search(r"\b(o dau|tai dau|cho nao|dia diem|where|venue|location)\b", q.words):
            lines.append(f"Venue: {t.place}." if en else f"Địa điểm: {t.place}.")
        # The row's remark ("Ghi chú": who pays, where, how often) qualifies all it says of the task.
        if t.note:
            lines.append(f"The plan notes: “{t.note}”." if en else f"Ghi chú: {t.note}.")
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
        # "khu xử lý chất thải rắn: ai chủ trì, công suất bn": a figure asked beside the role is the task's to
        # state; the sentence that states it, as the plan writes it.
        # Anything else asked with it ("… chủ trì và chương trình đó tên là gì"): the task's sentence nearest it.
        stated = self._sentence_stating(q, plan, t, STATES_FIGURE) if asks_figure(" " + spelled_out(q.text) + " ") else ""
        # "hạn gửi hồ sơ … là ngày nào": a day the timeline does not give, the task's own sentence may.
        if not stated and "timeline" in asked and asks_day(q.words) and not DATED.search(t.timeline):
            stated = self._sentence_stating(q, plan, t, DATED, shared=False)
        # "xử lý trong thời hạn bao lâu kể từ khi phát hiện", "within how many hours": a span of time the task's own
        # sentence gives ("trong vòng 48 giờ"), which its timeline does not.
        if not stated and "timeline" in asked and _DURATION_ASKED.search(q.words) and not _DURATION.search(t.timeline):
            stated = self._sentence_stating(q, plan, t, _DURATION, shared=False)
        # "bộ tài liệu xong khi nào" of a task that runs a school year: a month or day its product cell sets for a thing
        # of it ("Bộ tài liệu ngoại khóa, hoàn thành tháng 8/2026"), which its timeline does not.
        if not stated and "timeline" in asked and t.when.kind not in {"date", "month", "quarter"}:
            # a table's product cell: "Bộ tài liệu …, hoàn thành tháng 8/2026", read as timelines are read
            if t.product and parse_timeline(t.product).kind in {"date", "month", "quarter"}:
                lines.append(f"Product: {t.product}." if en else f"Sản phẩm: {t.product}.")
        # A thing of the task asked beside its roles ("… in which levels of schools, and what is the time frame",
        # "cấp học nào"): the task's sentence nearest the question.
        detail = bool(_DETAIL.search(q.words))
        stated = stated or (self.best_sentence(q, plan, t.id) if alone and asks_two(q.text) and (len(asked) < 2 or detail)
                            and not sentence else "")
        if stated and stated not in " ".join(lines):
            lines.append(f"{'The task says' if en else 'Nội dung nhiệm vụ nêu'}: “{stated}”")
        cites = [self.cite(plan, t.id, hl)]
        # A joint plan's content: the part of each party the question names, as its point says it ("b) Hội Liên hiệp
        # Phụ nữ tỉnh: phối hợp với Sở Y tế đưa nội dung …"), cited there.
        if t.origin == "points":
            named = {a.name for a in bodies}
            for x in plan.sections:
                if x.parent == t.id and x.kind == "point" and agency(x.title) in named:
                    part = " ".join(plan.body(x.id).split()).split(":", 1)[-1].strip()
                    lines.append(f"{x.title}: “{part[:600]}”")
                    cites.append(self.cite(plan, x.id))
        # A time said in another unit (a schedule's row): that unit is cited too.
        if "timeline" in asked and t.timeline and t.spans[2][1]:
            cites += [c for c in self._timed_cites([(plan, t)]) if c.section != t.id]
        # Roles said in another unit (a table's row citing the point it assigns, "Điểm b mục 3.2 – …"): that unit too.
        if {"lead", "coordinate"} & set(asked):
            cites += [c for c in self._said_cites([(plan, t)], 0 if "lead" in asked else 1) if c.section != t.id and c not in cites]
        return " ".join(lines), cites

    def _unnamed_role(self, t: Task, label: str, role: str, asked: list[str], en: bool) -> str:
        """A role the plan names no body in, said outright, with the bodies of the other role when that is not
        asked too: "Kế hoạch không giao cơ quan nào chủ trì …; cơ quan phối hợp: …", "The plan names no
        coordinating body for …; X leads it"."""
        other = "coordinate" if role == "lead" else "lead"
        bodies = t.coordinate if other == "coordinate" else t.lead
        said = ""
        if other not in asked and bodies:
            said = ((f"; it names as partners {self._names(bodies, True)}" if other == "coordinate" else
                     f"; {self._names(bodies, True)} {'lead' if len(bodies) > 1 else 'leads'} it") if en
                    else f"; {'cơ quan phối hợp' if other == 'coordinate' else 'cơ quan chủ trì'}: {'; '.join(bodies)}")
        # The plan's own word for none ("Đơn vị phối hợp: Không", a cell "—"), as it writes it.
        written = (t.said[0] if role == "lead" else t.said[1]) if len(t.said) == 2 else ""
        none = f" (“{written}”)" if written and len(written) <= 20 else ""
        if en:
            return f"The plan names no {'lead' if role == 'lead' else 'coordinating'} body for {label}{none}{said}."
        return (f"Kế hoạch không giao cơ quan nào chủ trì {label}{none}{said}." if role == "lead"
                else f"Kế hoạch không nêu cơ quan phối hợp cho {label}{none}{said}.")

    def cost_answer(self, q: Query, tasks: list[tuple[Plan, Task]]) -> tuple[str, list[Citation]]:
        """The estimated cost a task table gives each task, as its cell says it ("760 triệu đồng", "Không phát
        sinh kinh phí")."""
        en = q.style == "en"
        lines = [f"Estimated cost of {self._task_label(t, True)}: {t.cost}." if en
                 else f"Kinh phí dự kiến của {self._task_label(t, False)}: {t.cost}." for _, t in tasks]
        return " ".join(lines), [self.cite(p, t.id) for p, t in tasks]

    def _sentence_stating(self, q: Query, plan: Plan, t: Task, what: re.Pattern[str], shared: bool = True) -> str:
        """The sentence of a task that states `what` (a figure, a day) and shares most words with the question;
        "" when none does, or with `shared` when none shares a word with it."""
        terms = set(lexical_terms(q.text, q.style == "en"))
        stating = [x for x in self._sentences(plan, t.id)[1] if what.search(x)]
        best = max(stating, key=lambda x: overlap(terms, set(lexical_terms(x))), default="")
        return "" if shared and best and not overlap(terms, set(lexical_terms(best))) else best

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
            text = (f"Nhiệm vụ {t.id} ({titled(t)}): {first} Chủ trì: {self._names(t.lead, en)}. "
                    f"Phối hợp: {self._names(t.coordinate, en)}. Thời gian: {t.timeline}.")
        return text, [self.cite(plan, t.id)]


# A time a passage sets: a date, a month or quarter, a year, "hằng năm", "thường xuyên".
_TIMED = re.compile(r"\b(?:20\d\d|\d{1,2}/\d{1,2}|quý|tháng|hằng năm|hàng năm|thường xuyên|định kỳ)\b", re.I)


# A span of time asked: "bao lâu", "trong mấy giờ", "how long", "within how many days".
# "which levels of schools", "những xã nào", "cấp học nào": a thing asked by "which", not a body, a time or a figure.
_NOT_DETAIL = (r"(?:agenc|department|bod(?:y|ies)|units?\b|offices?\b|organi[sz]ation|ministr|partner|lead|date|days?\b|years?\b|"
               r"months?\b|quarters?\b|time|deadline|periods?\b|is\b|are\b|was\b|were\b|does\b|do\b|did\b|will\b|must\b|"
               r"should\b|can\b|the\b|share|percent|proportion|rate|number|amount|total|targets?\b|goals?\b|tasks?\b|plans?\b|"
               r"documents?\b|decision)")
_DETAIL = re.compile(rf"\b(?:which|what) (?!{_NOT_DETAIL})[a-z]+"
                     r"|\b(?!(?:co quan|don vi|so|ngay|nam|thang|quy|thoi gian|luc|khi|nhiem vu|noi dung|hoat dong|ke hoach)\b)"
                     r"(?:cap|nhung|cac|loai|nhom|dia ban|xa|phuong|truong|doi tuong)(?: [a-z]+)? nao\b")
_DURATION_ASKED = re.compile(r"\b(bao lau|trong (?:vong )?(?:may|bao nhieu) (?:gio|ngay|tuan|thang)|how long|"
                             r"within how many|how many (?:hours|days|weeks))\b")
# A span of time stated: "48 giờ", "07 ngày", "3 tháng", "72 hours".
_DURATION = re.compile(r"\b\d{1,3}\s*(?:giờ|ngày|tuần|tháng|hours?|days?|weeks?)\b(?!\s*/)", re.I)

