"""List answers: the tasks of an agency, of a timeline, of a year, of a count of leads; an agency's
duties in the implementation part; the tasks of an item whose title the question names."""

from __future__ import annotations

import re

from assistant.agencies import Agency
from assistant.answer import Citation
from assistant.compose.base import ComposerBase, leads_match, locate, overlap, short, titled, under
from assistant.lexicon import month_names, month_numbers, says
from assistant.query import Query, asks_partners
from assistant.retrieve import lexical_terms
from index.normalize import fold, unwrap
from index.parse import Plan, Task
from index.timeline import Timeline, due_years, kinds, parse_timeline, runs_in

# Partners asked besides the body named: "còn những cơ quan phối hợp nào khác", "which other partners".
_OTHER_PARTNERS = re.compile(r"\b(?:phoi hop|partners?|coordinat\w*|support\w*)\b(?: \w+){0,3} (?:khac|other)\b"
                             r"|\b(?:other|else) (?:partners|bodies|agencies|departments)\b|\bnao khac\b")


class ListAnswers(ComposerBase):
    def agency_answer(self, q: Query, agencies: list[Agency], leads: int | None = None,
                      within: list[Task] | None = None) -> tuple[str, list[Citation]]:
        """The tasks of each agency the question names ("Đài PTTH tỉnh và Báo Quảng Ngãi …");
        with `leads`, only the tasks it leads alone (1) or with others (at least `leads`);
        with `within`, only among those tasks."""
        texts, cites = [], []
        # "every task X takes part in, leading or supporting": both roles, each listed; so too where no role is
        # asked at all ("hội phụ nữ phường nv nào", "what tasks does the Youth Union have").
        # "chủ trì nv nào? phối hợp những nv nào": each role asked is answered, the one it holds in no task too.
        # "chủ trì nv nào, phối hợp với ai": the partners of the tasks it leads, not the tasks it supports.
        partners = "lead" in q.intents and asks_partners(q.text)
        asked_both = {"lead", "coordinate"} <= set(q.intents) and not partners
        both = not leads and not partners and (says(q.text, "involvement") or asked_both or not {"lead", "coordinate"} & set(q.intents))
        for a in agencies[:3]:
            for role in (("lead", "coordinate") if both else (None,)):
                text, c = self._agency_tasks(q, a, leads, within, role)
                if both and not c:
                    if asked_both and role == "lead":
                        texts.append(self._in_no_task(a, "lead", q.style == "en"))
                    continue
                texts.append(text)
                cites += [x for x in c if x not in cites]
        if not cites:
            return self._agency_tasks(q, agencies[0], leads, within)
        return " ".join(texts), cites

    def _in_no_task(self, a: Agency, role: str, en: bool) -> str:
        """That the plan gives the agency the role ("lead", "coordinate") in no task."""
        if en:
            return f"The plan names {self._names([a.name], True)} as {'coordinator' if role == 'coordinate' else 'lead'} of no task."
        return f"Kế hoạch không nêu {a.name} {'phối hợp' if role == 'coordinate' else 'chủ trì'} nhiệm vụ nào."

    def _agency_tasks(self, q: Query, a: Agency, leads: int | None = None,
                      within: list[Task] | None = None, only: str | None = None) -> tuple[str, list[Citation]]:
        en = q.style == "en"
        partners = "lead" in q.intents and asks_partners(q.text)
        want_coord = only == "coordinate" if only else "coordinate" in q.intents and "lead" not in q.intents and not leads
        role = "coordinate" if want_coord else "lead"
        name = self._names([a.name], en)

        def tasks(r: str) -> list[tuple[Plan, Task]]:
            pool = [(p, t) for p in self.plans for t in p.work() if within is None or t in within]
            if r == "lead" and leads:  # "… Sở LĐTBXH đồng chủ trì", "… chủ trì một mình": a bullet's own leads count
                return [(p, t) for p, t in pool if any(a.name in b.lead and leads_match(b, leads) for b in t.own)]
            return [(p, t) for p, t in pool if a.name in (t.lead if r == "lead" else t.coordinate)]

        rows, prefix = tasks(role), ""
        if not rows and only:
            return "", []
        if not rows:  # named in the other role only: say so, then list those tasks
            other = "lead" if want_coord else "coordinate"
            rows = tasks(other)
            if rows:
                prefix = self._in_no_task(a, role, en) + " "
                role = other
        if not rows:
            return (f"The plan assigns no task to {name}." if en else
                    f"Kế hoạch không giao nhiệm vụ nào cho {a.name}."), []
        items = []
        for p, t in rows:
            # A unit of several bullets is named by the bullets the agency takes part in, with their own roles.
            parts = [b for b in t.own if a.name in (b.lead if role == "lead" else b.coordinate)] or [t]
            others = list(dict.fromkeys(x for b in parts for x in (b.lead if role == "lead" else b.coordinate) if x != a.name))
            heads = list(dict.fromkeys(x for b in parts for x in b.lead))
            extra = ""
            if role == "lead" and others:
                extra = f" (with {'; '.join(others)})" if en else f" (cùng {'; '.join(others)})"
            if role == "lead" and partners:
                helpers = list(dict.fromkeys(x for b in parts for x in b.coordinate))
                extra += (f" (partners: {self._names(helpers, en) if helpers else 'none named'})" if en
                          else f" (phối hợp: {'; '.join(helpers) if helpers else 'không nêu'})")
            elif role == "coordinate":  # who leads the task the agency works on, or that nobody does
                extra = (f" (lead: {self._names(heads, en) if heads else 'none named'})" if en
                         else f" (chủ trì: {'; '.join(heads) if heads else 'không nêu'})")
                # "… và nhiệm vụ đó còn những cơ quan phối hợp nào khác": the task's other partners too.
                if others and _OTHER_PARTNERS.search(q.words):
                    extra += (f" (other partners: {self._names(others, en)})" if en
                              else f" (cơ quan phối hợp khác: {'; '.join(others)})")
            # "… kèm thời gian hoàn thành của từng nhiệm vụ"; and a deadline the task has, asked or not: what a
            # body must finish by when is what a list of its tasks is read for.
            if "timeline" in q.intents or any(_due(b.when) for b in parts):
                extra += _when(parts, en)
            # A unit of several activities is named by its heading, where it has one, then by the activities.
            said = ' / '.join(short(b.title) if t.bullets else self.gist(p, b) for b in parts)
            if t.bullets and not t.title.endswith("…") and t.title not in said:
                said = f"{short(t.title, 100)}: {said}"
            items.append(f"{t.id} ({said}){extra}")
        n = len(rows)
        if en:
            verb = "leads" if role == "lead" else "coordinates"
            head = f"{name} {verb} {n} task{'s' if n > 1 else ''}: "
        else:
            verb = "chủ trì tham mưu" if role == "lead" else "phối hợp thực hiện"
            head = f"{name} {verb} {n} nhiệm vụ: "
        if leads == 1 and role == "lead":
            head = (f"{name} alone leads {n} task{'s' if n > 1 else ''}: " if en
                    else f"{name} một mình chủ trì tham mưu {n} nhiệm vụ: ")
        elif leads and role == "lead":
            head = (f"{name} shares the lead of {n} task{'s' if n > 1 else ''}: " if en
                    else f"{name} cùng cơ quan khác chủ trì tham mưu {n} nhiệm vụ: ")
        cites = self._said_cites(rows, 0 if role == "lead" else 1)
        # Tasks the agency's own duty assigns by citing them ("Chủ trì các hoạt động 1.2, 2.1 …; phối hợp …"): that
        # duty is where the plan says so.
        plans = list(dict.fromkeys(p for p, t in rows if t.origin == "referred"))
        said_in = [(p, d.id) for p in plans for d in p.duties if a.name in d.lead]
        # One short duty is quoted: it also says what else the agency does there ("…; chỉ đạo các cơ sở giáo dục …").
        body = unwrap(self._sentences(*said_in[0])[0]) if len(said_in) == 1 else ""
        where = ", ".join(sid for _, sid in said_in) + (f": “{body}”" if body and len(body) <= 400 else "")
        assigned = (f" (as {where} assigns)" if en else f" (theo mục {where})") if said_in else ""
        text = prefix + head + "; ".join(items) + assigned + "."
        cites += [c for p, sid in said_in if (c := self.cite(p, sid)) not in cites]
        named = self._named_in.get(a.name, [])
        # "where does it appear", "trách nhiệm gì"; and in any role it holds ("dù là chủ trì hay tiếp nhận, thẩm định").
        if named and (any(w in q.words for w in _WHERE_NAMED) or says(q.text, "involvement")):
            # Each place with the plan's sentence that names the body there: what it is to do ("Sở Tài chính …
            # thẩm định …"), not the item's title alone.
            places = "; ".join(f"{sid} ({p.section(sid).title})" + self._naming_sentence(p, sid, a.name)  # type: ignore[union-attr]
                               for p, sid in named)
            text += (f" The implementation part also names {name}: {places}." if en
                     else f" Phần tổ chức thực hiện còn nêu {a.name} tại: {places}.")
            cites += [self.cite(p, sid) for p, sid in named]
        return text, cites

    def _naming_sentence(self, plan: Plan, sid: str, name: str) -> str:
        """': “…”', the first sentence of a unit that names a body, cut to about 240 characters; "" where none does."""
        said = next((unwrap(x) for x in self._sentences(plan, sid)[1] if fold(name) in fold(x)), "")
        if not said:
            return ""
        return f": “{said if len(said) <= 240 else said[:240].rsplit(' ', 1)[0] + ' …'}”"

    def place_list(self, q: Query, place: str, tasks: list[tuple[Plan, Task]]) -> tuple[str, list[Citation]]:
        """The tasks a table sets at a place, each with its time, as the plan words them."""
        items = "; ".join(f"{t.id} ({titled(t)}; {t.timeline})" for _, t in tasks)
        text = (f"At {place} ({len(tasks)}): {items}." if q.style == "en" else f"Tại {place} ({len(tasks)}): {items}.")
        return text, [self.cite(p, t.id) for p, t in tasks]

    def duties(self, q: Query, a: Agency) -> tuple[str, list[Citation]]:
        """What the implementation part (IV) asks of an agency: each unit naming it, with the
        sentences that do; the tasks it leads are another question."""
        en, parts, cites = q.style == "en", [], []
        # The duties a plan sets body by body ("1. Sở Giáo dục và Đào tạo:" then its points, each with its time): each
        # one the body leads or takes part in, with its time.
        for p in self.plans:
            for t in p.duties:
                if a.name not in (*t.lead, *t.coordinate):
                    continue
                s = p.section(t.id)
                assert s is not None
                said = self._sentences(p, t.id)[1][:1] or [unwrap(p.body(t.id))[:300]]
                when = f" ({'time' if en else 'thời gian'}: {t.timeline})" if t.timeline and t.timeline not in said[0] else ""
                parts.append(f"{t.id} ({s.title}): {said[0]}{when}")
                cites.append(self.cite(p, t.id, locate(p.text, s.start, s.end, said[0])))
        listed = {(c.doc, c.section) for c in cites}
        for p, sid in self._named_in.get(a.name, []):
            if (p.source, sid) in listed:
                continue
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

    def topic_unit(self, q: Query) -> tuple[Plan, str] | None:
        """The item (or group of items) whose title the question names ("các nhiệm vụ về an sinh xã hội")."""
        terms = set(lexical_terms(q.text, q.style == "en"))
        best, score = None, 0.0
        for p, sid, title_terms in self._items:
            sc = overlap(terms, title_terms)
            if sc > score:
                best, score = (p, sid), sc
        return best if best is not None and score >= 5.0 else None

    def topic_tasks(self, q: Query) -> list[tuple[Plan, Task]]:
        """The tasks of the item whose title the question names."""
        unit = self.topic_unit(q)
        return [] if unit is None else [(unit[0], t) for t in under(*unit)]

    def lead_count_list(self, q: Query, leads: int = 2, within: list[Task] | None = None) -> tuple[str, list[Citation]]:
        """The tasks with a sole lead agency (leads=1) or with at least `leads` of them."""
        # A unit of several bullets is counted by each bullet's own leads, not by all of theirs together.
        en = q.style == "en"
        found = [(p, t, [b for b in t.own if leads_match(b, leads)]) for p in self.plans for t in p.work()
                 if within is None or t in within]
        rows = [(p, t) for p, t, bs in found if bs]
        items = "; ".join(f"{t.id} ({' / '.join(short(b.title) if t.bullets else self.gist(p, b) for b in bs)}; "
                          f"{'lead' if en else 'chủ trì'}: {' / '.join('; '.join(b.lead) for b in bs)})" for p, t, bs in found if bs)
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

    def unit_list(self, q: Query, sid: str) -> tuple[str, list[Citation]] | None:
        """The units directly under `sid` that group its tasks, each by its title; None where it has no
        such units (its children are the tasks themselves)."""
        for plan in self.plans:
            children = [s for s in plan.sections if s.parent == sid and s.kind != "row"]
            parents = {x.parent for x in plan.sections}
            if any(c.id in parents for c in children):
                en = q.style == "en"
                items = "; ".join(f"{c.id} ({c.title})" for c in children)
                text = (f"{sid} has {len(children)} groups: {items}." if en else f"Mục {sid} gồm {len(children)} nhóm: {items}.")
                return text, [self.cite(plan, c.id) for c in children]
        return None

    def task_list(self, q: Query, timeline: str | None = None,
                  within: list[Task] | None = None, kind: str = "", year: int | None = None,
                  saying: str = "", running: bool = False, by: bool = False) -> tuple[str, list[Citation]]:
        """Every task of the plan (or among `within`), or every task with the given timeline (its
        wording, or its kind: "ongoing", "open" for "… and the following years", or words it holds:
        `saying` "quý II/2026"), each cited. A `year` lists the tasks due in it; `running`, those carried out in it
        ("Năm 2026, năm 2027", "2025 - 2030")."""
        # A task under a heading that says the kind ("### Nhiệm vụ thường xuyên") is of that kind, whatever its own
        # time says ("Chủ nhật cuối cùng hằng tháng").
        headed = {id(t) for p in self.plans for s in p.sections if kind and s.kind == "group" and kind in kinds(s.title)
                  for t in under(p, s.id)}
        # So is a task under a heading that says the month or quarter asked ("| THÁNG 7/2026 | | | |" over its rows).
        headed |= {id(t) for p in self.plans for s in p.sections if saying and s.kind == "group"
                   and _point_in_time(saying) in _point_in_time(s.title) for t in under(p, s.id)}

        worded = bool(re.search(r"\b(ghi|written|worded|says?)\b", q.words))
        # "những nhiệm vụ nào được thực hiện trong quý III", "which tasks run in July": what is under way then.
        # "tg thực hiện là tháng 4/2026" asks the wording of a timeline, not what is under way.
        plain = re.sub(r"\b(?:thoi gian|tg|thoi han|han|timeline|time frame)\s+(?:thuc hien|trien khai)?\b", " ", q.words)
        doing = bool(re.search(r"\b(thuc hien|trien khai|dien ra|tien hanh|lam|run|runs|running|carried out|under way|underway|active|ongoing)\b", plain)) \
            and not re.search(r"\b(hoan thanh|xong|due|deadline|han|complete|completed|finish|finished)\b", plain)

        def fits(t: Task) -> bool:
            if id(t) in headed:
                return True
            if saying:
                # "những nv nào ghi thời hạn quý II/2026" asks the wording; "due in the fourth quarter" any deadline
                # that falls in it ("trước 31/10/2026").
                # A quarter a table's column heads without its year ("Quý III" of a one-year plan) is the quarter asked.
                if by:  # "chậm nhất trong tháng 4/2026", "by the end of June 2026": every deadline up to then
                    last = max(_due_months(saying), default=None)
                    ends = [max(m) for part in t.timeline.split(";") if (m := _due_months(part))]  # a quarter ends in its last month
                    return last is not None and any(d <= last for d in ends)
                bare = re.match(r"quy [1-4](?=/)", _point_in_time(saying))
                return _point_in_time(saying) in _point_in_time(t.timeline) or _in_months(saying, t.timeline, doing) \
                    or (not worded and _due_in(saying, t.timeline)) \
                    or (bare is not None and re.search(rf"\b{bare.group(0)}\b(?!\s*/)", _point_in_time(t.timeline)) is not None)
            if year is not None:
                return runs_in(t.timeline, year) if running else year in due_years(t.timeline)
            if kind == "open":
                return t.when.kind == "range" and t.when.last is None
            return kind in kinds(t.timeline) if kind else timeline is None or fold(t.timeline) == fold(timeline)

        # A unit of several bullets fits by the bullets that do, and is listed by them with their own leads.
        rows = [(p, t, parts) for p in self.plans for t in p.work() if within is None or t in within
                for parts in [[b for b in t.own if fits(b)]] if parts]
        n = sum(len(parts) for _, _, parts in rows)  # a unit's bullets are its tasks
        en = q.style == "en"

        def named(p: Plan, t: Task, parts: list[Task]) -> str:
            if not t.bullets:
                return self.gist(p, t)
            return " / ".join(f"{short(b.title, 120)} — {'lead' if en else 'chủ trì'}: {self._names(b.lead, en)}" for b in parts)

        if year is not None:
            items = "; ".join(f"{t.id} ({named(p, t, parts)}" + ("" if t.bullets else f"; {'lead' if en else 'chủ trì'}: {self._names(t.lead, en) if not en else '; '.join(t.lead)}")
                              + f"; {'timeline' if en else 'thời gian'}: {_timelines(parts)})" for p, t, parts in rows)
            if running:
                said_en, said_vi = f"carried out in {year}", f"thực hiện trong năm {year}"
            else:
                said_en, said_vi = f"due in {year}", f"có hạn trong năm {year}"
            if not rows:
                return ((f"No task of the plan is {said_en}." if en else f"Kế hoạch không có nhiệm vụ nào {said_vi}."), [])
            text = (f"{n} task{'s' if n > 1 else ''} {said_en}: {items}." if en
                    else f"Có {n} nhiệm vụ {said_vi}: {items}.")
            return text, self._timed_cites([(p, t) for p, t, _ in rows])
        if (saying or kind) and not rows:
            said = saying or _KINDS[kind][0 if en else 1]
            return (f"No task of the plan has the timeline “{said}”." if en
                    else f"Kế hoạch không có nhiệm vụ nào có thời gian thực hiện “{said}”."), []
        if (saying or kind) and rows:  # the plan's own wording of it
            timeline = " / ".join(dict.fromkeys(b.timeline for _, _, parts in rows for b in parts))
        if saying and rows and timeline and " / " in timeline:
            # Tasks of several timelines that fall in the time asked: the time as asked, each task with its own.
            m = re.match(r"(quy|thang) (\d{1,2})/(20\d\d)$", _point_in_time(saying))
            roman = {"1": "I", "2": "II", "3": "III", "4": "IV"}
            asked = saying if m is None else (
                (f"quarter {m.group(2)} of {m.group(3)}" if m.group(1) == "quy"
                 else f"{month_names()[int(m.group(2)) - 1].capitalize()} {m.group(3)}") if en
                else f"{'quý ' + roman[m.group(2)] if m.group(1) == 'quy' else 'tháng ' + m.group(2)}/{m.group(3)}")
            led = "lead" in q.intents  # "… mỗi hoạt động do đơn vị nào chủ trì": each with its lead
            items = "; ".join(f"{t.id} ({named(p, t, parts)}; {'timeline' if en else 'thời gian'}: {_timelines(parts)}"
                              + (f"; {'lead' if en else 'chủ trì'}: {self._names(t.lead, en)}" if led and not t.bullets else "")
                              + ")" for p, t, parts in rows)
            # "phải xong trước 31/5": the tasks due by then, said so.
            dated = bool(re.fullmatch(r"\d{1,2}/\d{1,2}/20\d\d", asked))
            text = (f"{n} task{'s are' if n > 1 else ' is'} due by {asked}: {items}." if en and dated
                    else f"{n} task{'s fall' if n > 1 else ' falls'} in {asked}: {items}." if en
                    else f"Có {n} nhiệm vụ có hạn đến {asked}: {items}." if dated
                    else f"Có {n} nhiệm vụ thực hiện trong {asked}: {items}.")
            return text, self._timed_cites([(p, t) for p, t, _ in rows])
        # "… together with the agency leading each one": the lead beside each task.
        lead = "lead" in q.intents and timeline is not None
        items = "; ".join(f"{t.id} ({named(p, t, parts)}" + (f"; {'lead' if en else 'chủ trì'}: {self._names(t.lead, en)}"
                                                              if lead and not t.bullets else "") + ")" for p, t, parts in rows)
        if within is not None and timeline is None:
            text = (f"{n} task{'s' if n > 1 else ''}: {items}." if en
                    else f"Có {n} nhiệm vụ: {items}.")
            return text, [self.cite(p, t.id) for p, t, _ in rows]
        if timeline is None:
            text = (f"The plan sets {n} tasks: {items}." if en
                    else f"Kế hoạch giao {n} nhiệm vụ: {items}.")
            return text, [self.cite(p, t.id) for p, t, _ in rows]
        text = (f"{n} task{'s have' if n > 1 else ' has'} the timeline “{timeline}”: {items}." if en
                else f"Có {n} nhiệm vụ có thời gian thực hiện “{timeline}”: {items}.")
        return text, self._timed_cites([(p, t) for p, t, _ in rows])


_KINDS = {"ongoing": ("ongoing", "thường xuyên"), "yearly": ("every year", "hằng năm"), "monthly": ("every month", "hằng tháng"),
          "quarterly": ("every quarter", "hằng quý"),
          "open": ("from a year on, with no end", "từ một năm trở đi"), "date": ("a set day", "một ngày cụ thể")}


def _timelines(tasks: list[Task]) -> str:
    return " / ".join(dict.fromkeys(t.timeline for t in tasks if t.timeline))


_ROMAN_QUARTER = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _due(when: Timeline) -> bool:
    """A timeline that sets an end: a date, a month, a quarter, a year, or a range that closes."""
    return when.kind in {"date", "month", "quarter", "year"} or (when.kind == "range" and when.last is not None)


def _when(tasks: list[Task], en: bool) -> str:
    """The timelines of tasks, as the plan words them, for a list item."""
    said = list(dict.fromkeys(t.timeline for t in tasks if t.timeline))
    if not said:
        return ""
    return f" (timeline: {' / '.join(said)})" if en else f" (thời gian: {' / '.join(said)})"


def _point_in_time(text: str) -> str:
    """A timeline's words folded, quarters in figures and slashes unspaced: "Quý II / 2026" -> "quy 2/2026"."""
    t = re.sub(r"\s*/\s*", "/", fold(text))
    return re.sub(r"\bquy\s+(i{1,3}|iv)\b", lambda m: "quy " + _ROMAN_QUARTER[m.group(1)], t)


def _months(text: str) -> tuple[set[int], set[int]]:
    """The months a timeline names and its years: "T5, T6, T7 (tháng 5 - 7/2026)" {5, 6, 7}, "tháng 4, 6, 8/2026"
    {4, 6, 8}; a range of months runs through the months between. A quarter names none (its tasks are due in it,
    not said to run each month)."""
    f = _point_in_time(text)
    months: set[int] = set()
    for m in re.finditer(r"\bthang\s+(\d{1,2})\s*-\s*(\d{1,2})\b", f):
        months |= set(range(int(m.group(1)), int(m.group(2)) + 1))
    for m in re.finditer(r"\bthang\s+((?:\d{1,2}\s*,\s*)*\d{1,2})(?!\s*-)", f):
        months |= {int(x) for x in re.findall(r"\d{1,2}", m.group(1))}
    months |= {int(x) for x in re.findall(r"\bt(\d{1,2})\b", f)}
    return {x for x in months if 1 <= x <= 12}, {int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", f)}


def _in_months(asked: str, timeline: str, running: bool = False) -> bool:
    """A month asked ("tháng 7/2026") falls in the months a timeline runs (a schedule's "T5, T6, T7 (tháng 5 -
    7/2026)", "Tháng 6 - 9/2026"), in its year where it names one; a quarter asked ("quý III/2026"), where one of
    its months does. Asked what runs then (`running`), a task done every month ("Hằng tháng") runs in each."""
    want, year = _months(asked)
    quarter = re.search(r"\bquy\s+([1-4])\b", _point_in_time(asked))
    if quarter:
        want = {3 * int(quarter.group(1)) - k for k in (2, 1, 0)}
        year = {int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", _point_in_time(asked))}
    runs, years = _months(timeline)
    if running and not runs and parse_timeline(timeline).kind == "monthly":
        runs = set(range(1, 13))
    return (len(want) == 1 or quarter is not None) and bool(want & runs if quarter else want <= runs) \
        and (not years or not year or bool(year & years))


def _due_months(text: str, quarters: bool = True) -> set[tuple[int, int]]:
    """The months a timeline's deadlines fall in: each date's, each month's, each quarter's three ("trước
    31/10/2026" (2026, 10); "Quý IV/2026" October to December 2026), or only a quarter's last without `quarters`
    (a quarter's task is due when the quarter ends)."""
    f = _point_in_time(text)
    out = {(int(y), int(m)) for m, y in re.findall(r"\b\d{1,2}/(\d{1,2})/(20\d\d)\b", f)}
    out |= {(int(y), int(m)) for m, y in re.findall(r"\bthang\s+(\d{1,2})\s*(?:/|nam)\s*(20\d\d)\b", f)}
    for q, y in re.findall(r"\bquy\s+([1-4])\s*(?:/|nam)\s*(20\d\d)\b", f):
        out |= {(int(y), 3 * int(q) - k) for k in ((2, 1, 0) if quarters else (0,))}
    return {(y, m) for y, m in out if 1 <= m <= 12}


def _due_in(asked: str, timeline: str) -> bool:
    """A quarter or month asked ("quy 4/2026") holds a deadline of the timeline ("trước 31/10/2026"). A month asked
    holds a quarter only as its last month ("Quý II/2026" is due in June, not April); a quarter asked holds its months'
    deadlines."""
    want = _due_months(asked) if not re.search(r"\b\d{1,2}/\d{1,2}/20\d\d\b", asked) else set()
    month = bool(re.search(r"\bthang\s+\d", _point_in_time(asked)))
    return bool(want & _due_months(timeline, quarters=not month))


_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def point_in_time(text: str, year: int | None = None) -> str:
    """The quarter, month or day a question names ("quý II/2026", "tháng 6/2026", "30/6/2026", "the fourth quarter
    of 2026", "Q4 2026", "June 2026"), folded as a timeline writes it ("quy 4/2026"); "" for none. A quarter or
    month named without its year ("quy 3 phai xong nhung viec gi") is of `year` where one is given."""
    f = fold(text)
    m = re.search(r"\b(?:quy\s+(?:i{1,3}|iv|[1-4])|thang\s+\d{1,2})\s*(?:/|nam)\s*20\d\d\b|\b\d{1,2}/\d{1,2}/20\d\d\b", f)
    if m:
        return _point_in_time(re.sub(r"\s+nam\s+(?=20\d\d)", "/", m.group(0)))
    m = re.search(r"\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+quarter\s+(?:of\s+)?(20\d\d)\b|\bq([1-4])\s*[/ ]?\s*(20\d\d)\b"
                  r"|\bquarter\s+(i{1,3}|iv|[1-4])\s*(?:/|of|,)?\s*(20\d\d)\b", f)  # "Quarter II/2026", "quarter 2 of 2026"
    if m and m.group(5):
        return f"quy {_ROMAN_QUARTER.get(m.group(5), m.group(5))}/{m.group(6)}"
    if m:
        return f"quy {_ORDINAL_QUARTER[m.group(1)] if m.group(1) else m.group(3)}/{m.group(2) or m.group(4)}"
    months = {name: n for name, n in month_numbers().items() if len(name) > 3}  # "may", "mar" are words too
    m = re.search(r"\b(" + "|".join(months) + r")\s+(?:of\s+)?(20\d\d)\b", f)
    if m:
        return f"thang {months[m.group(1)]}/{m.group(2)}"
    if year is None or re.search(r"(?<!\d)20\d\d(?!\d)", f):
        return ""
    m = re.search(r"\b(?:quy\s+(i{1,3}|iv|[1-4])|thang\s+(\d{1,2}))\b(?!\s*/)", f)
    if m:
        return _point_in_time(f"quy {m.group(1)}/{year}" if m.group(1) else f"thang {m.group(2)}/{year}")
    # "phải xong trước 31/5": a day and month, of that year.
    m = re.search(r"(?<![\d/.])([1-9]|[12]\d|3[01])/([1-9]|1[0-2]|0[1-9])(?![\d/.])", f)
    if m:
        return _point_in_time(f"{m.group(1)}/{m.group(2)}/{year}")
    m = re.search(r"\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+quarter\b|\bq([1-4])\b", f)
    if m:
        return f"quy {_ORDINAL_QUARTER[m.group(1)] if m.group(1) else m.group(2)}/{year}"
    m = re.search(r"\b(?:in|by|during|for)\s+(" + "|".join(months) + r")\b", f)
    return f"thang {months[m.group(1)]}/{year}" if m else ""


# Asking where an agency is named or what it must do, beyond the tasks it leads.
_WHERE_NAMED = (" appear", " mention", " where ", " every place", " duoc neu", " nhac den", " nhac toi",
                " trach nhiem gi", " responsibilit", " role ", " vai tro ", " duties ", " o dau ")

