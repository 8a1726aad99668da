"""The route table: which answer a question gets, decided from its frame and what retrieval found.

Each rule is a small function of the turn (the question's frame, its hits, the assistant asked): it
returns an answer when the question is one it answers, else None, and the first rule that answers
wins. `ROUTES` lists them in order; each rule's name is reported with the answer (`rule` in
--json), and the composer that writes the answer reports its kind (`route`: role, list, duties,
target, document, passage, refusal).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, reduce
from typing import TYPE_CHECKING

import numpy as np

from assistant.agencies import squash
from assistant.answer import Citation, missing_ref
from assistant.compose import Composer
from assistant.compose.base import DATED, locate, overlap, time_headed, topic_terms
from assistant.compose.lists import point_in_time
from assistant.frame import Frame
from assistant.lexicon import list_words, says, spelled_out
from assistant.query import Query, added_only, asking_part, asks_day, asks_two, names_tasks
from assistant.retrieve import Hit, lexical_terms
from assistant.scope import ENGLISH_COMMON, SYLLABLE, reason, years_said
from assistant.targets import bound
from assistant.targets import number as _number
from index.genre import body_head, phrase_pattern
from index.normalize import fold, has_diacritics, tokens
from index.parse import Plan, Section, Task
from index.timeline import due_years, parse_timeline

if TYPE_CHECKING:
    from assistant.core import Assistant

Reply = tuple[str, list[Citation], bool]  # text, citations, declined



@dataclass
class Turn:
    """One question being answered: its frame, what retrieval found, and the assistant asked."""

    ask: Assistant
    f: Frame
    hits: list[Hit]
    qvec: object
    best: float | None = None
    whole: Query | None = None  # the whole question, when the words naming its plan were cut from `f`
    rule: str = field(default="", init=False)

    @property
    def c(self) -> Composer:
        return self.ask.composer

    def out_of_scope(self) -> bool:
        # A question that named its plan is weighed whole: the words naming the plan tie it to
        # the plan as much as its topic does ("kh … lâm hà kinh phí lấy từ những nguồn nào").
        if self.whole is not None:  # embedded only if a rule weighs its cosine
            whole = self.whole
            return self.ask._out_of_scope(whole, self.hits, lambda: self.ask.retriever.embed(whole.text))
        return self.ask._out_of_scope(self.f.q, self.hits, self.qvec, self.best)

    def vector(self) -> np.ndarray:
        """The question's embedding: the one retrieval made, or made now."""
        qvec = self.qvec() if callable(self.qvec) else self.qvec
        return np.asarray(qvec) if qvec is not None else self.ask.retriever.embed(self.f.q.text)

    def refuse(self, why: str = "") -> Reply:
        return (*self.c.abstain(self.f.q, self.hits, why), True)

    def answer(self, reply: tuple[str, list[Citation]] | None) -> Reply | None:
        return None if reply is None else (*reply, False)

    @cached_property
    def ref_tasks(self) -> list[tuple[Plan, Task]]:
        """The tasks the question's references name; a part or item stands for all its tasks."""
        return self.c.ref_tasks(self.f.q)

    @property
    def topicless_role(self) -> bool:
        """A role asked of the bodies a question names, with hardly a word of a topic ("ds nv sở y tế chủ trì"):
        no task is named to find, so what the question asks is the bodies' tasks."""
        return _asks_roles(self) and self.topicless

    @property
    def topicless(self) -> bool:
        """The question names bodies and hardly a word of a topic besides."""
        if not self.f.agencies:
            return False
        rest = topic_terms(self.ask.directory.unnamed(self.f.q.text), self.f.en)
        return sum("_" not in w for w in rest) <= 1

    @property
    def named_tasks(self) -> list[Task]:
        return [t for _, t in self.ref_tasks]

    @cached_property
    def mentions(self) -> tuple[str, list[Task]]:
        """What tasks the question asks to name ("những nhiệm vụ nhắc đến X"), and those tasks."""
        return self.c.mention_tasks(self.f.q)


Rule = Callable[[Turn], "Reply | None"]


# -- a section named -------------------------------------------------------------------------------
def missing_section(t: Turn) -> Reply | None:
    """"nhiệm vụ 9c", "mục VII": a section the plan does not have. A point the plan lacks of a unit it has, asked
    in words that unit says ("nv 3c về người có công … bà mẹ VN anh hùng", where item 3 has no points), is the
    unit mistyped: the question goes on, its words answering it."""
    if missing_ref(t.f.q) and not any("." in r.section for r in t.f.q.refs) and not _parent_meant(t):
        return t.refuse(reason("section", t.f.en))
    return None


def _parent_meant(t: Turn) -> bool:
    """Each section the question names and the plan lacks is a lettered point of an item the plan has ("3c", "6h"),
    and that item, or one of its points, says most of the question's pairs of words ("về người có công … bà mẹ Việt
    Nam anh hùng"); a missing item of a part ("mục III.9") is no mistyped point."""
    asked = {w for w in topic_terms(t.f.q.text, t.f.en) if "_" in w and not re.search(r"\d", w)}
    if not t.f.q.missing or len(asked) < 2:
        return False
    for sid in t.f.q.missing:
        parent, _, point = sid.rpartition(".")
        if not parent or "." not in parent or not re.fullmatch(r"[^\W\d_]", point):
            return False
        units = [(p, x) for p in t.c.plans if p.section(parent) is not None
                 for x in p.sections if x.id == parent or x.id.startswith(parent + ".")]
        if not any(len(asked & set(lexical_terms(p.text[x.start:x.end]))) * 5 >= len(asked) * 3 for p, x in units):
            return False
    return True


def bare_number(t: Turn) -> Reply | None:
    """"…vneid mục 2 trên điện thoại": a bare number names no part of this plan for sure."""
    if t.f.q.refs and t.f.bare_refs and t.ask.unknown_words(t.f.q) and t.out_of_scope():
        return t.refuse()
    return None


def section_lacks(t: Turn) -> Reply | None:
    """"Mục IV có quy định hình thức kỷ luật … không": a section named does not put into the plan
    what it holds nowhere (a penalty, a sum of money, an address)."""
    why = t.ask.scope.reason(t.f.q) if t.f.q.refs else ""
    return t.refuse(why) if why else None


def section_mentions(t: Turn) -> Reply | None:
    """"trong mục III, nhiệm vụ nào nhắc đến X": the named tasks whose words name it."""
    if not t.f.aggregate:
        return None
    phrase, named = t.c.mention_tasks(t.f.q, t.named_tasks)
    return t.answer(t.c.mention_list(t.f.q, phrase, named)) if named else None


def section_mentioned_where(t: Turn) -> Reply | None:
    """"mọi chỗ nhắc đến công nhân, cả ở phần mục tiêu lẫn phần nhiệm vụ": the units of the named sections naming it."""
    phrase, units = t.c.mention_units(t.f.q)
    # Parts named by number bound the search; parts named by their words ("phần mục tiêu lẫn phần nhiệm vụ") are
    # the plan's own parts, each read or not, and bound nothing.
    # A part named as one more to count ("(6đ nhà ở cũng tính)") bounds nothing either.
    refs = [r.section for r in t.f.q.refs if re.search(r"\d|\b[IVXivx]+\b", r.text) and not added_only(t.f.q.text, r)]
    within = [(p, sid) for p, sid in units if not refs or any(sid == r or sid.startswith(r + ".") for r in refs)]
    return t.answer(t.c.unit_mention_list(t.f.q, phrase, within)) if within else None


def section_duties(t: Turn) -> Reply | None:
    """"part IV: what must Sở LĐTBXH do?"."""
    f = t.f
    if f.agencies and all(t.ask._within(r.section, "implementation") for r in f.q.refs):
        text, cites = t.c.duties(f.q, f.agencies[0])
        # "… ở những nhiệm vụ nào, ở bất kỳ vai trò nào, và trong phần tổ chức thực hiện", "liệt kê …, kể cả phần tổ
        # chức thực hiện": its tasks, then that part too.
        if says(f.q.text, "involvement") or says(f.q.text, "including"):
            tasks, more = t.c.agency_answer(f.q, list(f.agencies), f.leads)
            cited = {(c.doc, c.section) for c in more}
            return f"{tasks} {text}", [*more, *[c for c in cites if (c.doc, c.section) not in cited]], False
        return t.answer((text, cites))
    return None


def section_agency_among(t: Turn) -> Reply | None:
    """"trong các nhiệm vụ 2a, 2b, …, 8c, nhiệm vụ nào Sở LĐTBXH chủ trì?": among the named tasks.
    "những điểm nào KHÔNG có Sở LĐTBXH chủ trì" is no such question: every point's leads answer it."""
    f = t.f
    if len(t.ref_tasks) > 1 and f.agencies and f.asked and (f.leads or f.aggregate) and not f.negated:
        return t.answer(t.c.agency_answer(f.q, list(f.agencies), f.leads, t.named_tasks))
    return None


def section_agency_all(t: Turn) -> Reply | None:
    """"Sở TT&TT chủ trì những điểm nào? Tôi biết có 1a, còn điểm nào nữa": all of them."""
    f = t.f
    # "Task 2b … is co-led by A and B. Which bodies does the plan list as coordinating partners?": the bodies named
    # as the named task's leads are given, and its partners asked.
    given = len(t.ref_tasks) == 1 and "coordinate" in f.asked and {a.name for a in f.agencies} <= set(t.ref_tasks[0][1].lead)
    if len(t.ref_tasks) <= 1 and f.agencies and f.asked and f.aggregate and not f.negated and not given:
        return t.answer(t.c.agency_answer(f.q, list(f.agencies), f.leads))
    return None


def section_cost(t: Turn) -> Reply | None:
    """"nv 3.1 kinh phí bn", "the estimated budget of task 2.2": the cost the task table gives each task named."""
    costed = [(p, x) for p, x in t.ref_tasks if x.cost]
    if costed and says(t.f.q.text, "budget") and not t.f.asked:
        return t.answer(t.c.cost_answer(t.f.q, costed))
    # "kinh phí nv 7 bao nhiêu tỷ" of a task no cost is given: a sum is the plan's only where the units named,
    # or a unit within them, state it; the funding part of a plan states its sums, none of a task's.
    scope = t.ask.scope
    if not costed and scope.asks_sum(t.f.q):
        named = [r.section for r in t.f.q.refs]
        texts = [p.body(s.id) for p in t.ask.plans for s in p.sections
                 if any(s.id == n or s.id.startswith(n + ".") for n in named)]
        if not any(scope.states_asked_sum(t.f.q, x) for x in texts):
            return t.refuse(reason("sum" if scope.money else "money", t.f.en))
    return None


def section_tasks_due(t: Turn) -> Reply | None:
    """"trong phụ lục, những nhiệm vụ nào hoàn thành trong năm 2026", "trong phần nhiệm vụ, những nhiệm vụ nào
    thực hiện hằng năm": the named tasks of that year or that kind of timeline."""
    f = t.f
    # "điểm nào ghi 'Thường xuyên', điểm nào ghi từ năm 2024": two lists asked; each task's timeline answers both.
    if not (t.ref_tasks and f.aggregate) or asks_two(f.q.text):
        return None
    when = point_in_time(f.q.text)  # "Part III tasks due in the fourth quarter of 2026"
    if when:
        text, cites = t.c.task_list(f.q, saying=when, within=t.named_tasks)
        return (text, cites, False) if cites else None
    if f.timeline_kind:  # a kind named outright ("'Thường xuyên' chứ không phải năm 2024") outweighs a year
        return t.answer(t.c.task_list(f.q, kind=f.timeline_kind, within=t.named_tasks))
    if f.q.year is not None and (f.due or f.runs or f.wants("timeline")):
        text, cites = t.c.task_list(f.q, year=f.q.year, within=t.named_tasks, running=f.runs and not f.due)
        return (text, cites, False) if cites else None
    return None


def section_lead_count(t: Turn) -> Reply | None:
    """"trong mục III, nhiệm vụ nào có từ hai cơ quan chủ trì". Of one task named ("Task 2b … is co-led by A and B.
    Which bodies does the plan list as coordinating partners?") there is nothing to count: its roles answer."""
    if len(t.ref_tasks) > 1 and t.f.aggregate and t.f.leads:
        return t.answer(t.c.lead_count_list(t.f.q, t.f.leads, t.named_tasks))
    return None


def section_roles(t: Turn) -> Reply | None:
    """"ai chủ trì 6đ", "6d va 6dd ai phoi hop": the roles of each task named."""
    if not (t.ref_tasks and t.f.asked):
        return None
    return _no_day(t, t.ref_tasks) or _unled(t, t.ref_tasks, t.c.tasks_answer(t.f.q, t.ref_tasks, list(t.f.asked)))


def _unled(t: Turn, tasks: list[tuple[Plan, Task]], reply: tuple[str, list[Citation]]) -> Reply | None:
    """A lead asked, and nothing else, of tasks the plan gives none (a row marking partners only): what the plan
    does not say is declined, with what it does say of them."""
    text, cites = reply
    if not text:
        return None
    return text, cites, t.f.asked == ("lead",) and not any(x.lead for _, x in tasks)


def section_groups(t: Turn) -> Reply | None:
    """"Phần III gồm bao nhiêu nhóm nhiệm vụ? Liệt kê tên các nhóm": the units a named unit groups its tasks in,
    by their titles, not the tasks in them."""
    f = t.f
    refs = f.q.refs
    if len(refs) != 1 or not (f.aggregate or f.figure) or f.asked or not says(f.q.text, "groups"):
        return None
    return t.answer(t.c.unit_list(f.q, refs[0].section))


def section_tasks(t: Turn) -> Reply | None:
    """"nhóm II phụ lục gồm những nhiệm vụ gì", "khoản 2 mục III có bao nhiêu nhiệm vụ"."""
    f = t.f
    listing = len(t.ref_tasks) > 1 and f.aggregate and not f.asked and not f.figure
    if listing or (t.ref_tasks and f.figure and f.tasks):
        text, cites = t.c.task_list(f.q, within=t.named_tasks)
        # "nhóm 3 nói về gì, gồm mấy nv": the one unit named holds them, and its title says what it is about.
        held = [s for p in t.c.plans for r in f.q.refs if (s := p.section(r.section)) is not None and s.title
                and not p.task(s.id)] if len(f.q.refs) == 1 else []
        if held:
            text = f"{held[0].id} ({held[0].title}): {text[0].lower() + text[1:] if f.en else text}"
        return text, cites, False
    return None


def section_no_figure(t: Turn) -> Reply | None:
    """"III.6.b có nêu bao nhiêu trạm y tế xã đạt chuẩn": a figure asked of a section that sets none."""
    f = t.f
    if f.figure and not f.tasks and not any(t.ask._role(r.section) in {"objectives", "targets"} for r in f.q.refs):
        # "nv 3.2.3 … bao nhiêu mô hình": a task that states the figure itself answers it.
        said = [h.text for h in t.hits if any(h.section == r.section or h.section.startswith(r.section + ".") for r in f.q.refs)]
        # "phần kinh phí … tổng kinh phí từ ngân sách tỉnh là bao nhiêu": a sum the section states answers it.
        states = t.ask.scope.states_asked_sum if t.ask.scope.asks_sum(f.q) else t.ask._states_asked_figure
        if not any(states(f.q, text) for text in said):
            # "6đ nhà ở xã hội chỉ tiêu 2025 bn căn": a target asked as such of a task's topic is the plan's indicator
            # on it, set in its part of targets, where an indicator's own words say what the question does.
            if says(f.q.text, "target_named") and t.c.names_an_indicator(f.q):
                text, cites, _ = t.c.target_answer(f.q)
                if text:
                    where = ", ".join(r.section for r in f.q.refs)
                    lead = f"Section {where} sets no figure. " if f.en else f"Mục {where} không nêu con số. "
                    return lead + text, cites, False
            return t.refuse(reason("figure", f.en))
    return None


def section_one_task(t: Turn) -> Reply | None:
    """"6d nói về cái gì": the task's summary; "III.2.b says what about personal data": the sentences on it."""
    refs = t.f.q.refs
    if len(t.ref_tasks) == 1 and len(refs) == 1 and t.ref_tasks[0][1].id == refs[0].section:
        plan, task = t.ref_tasks[0]
        if t.ask._topic_words(t.f.q):
            return t.answer(t.c.quote(t.f.q, plan, task.id))
        return t.answer(t.c.task_summary(t.f.q, plan, task))
    return None


def section_target(t: Turn) -> Reply | None:
    """"điểm a khoản 2 mục II: tỷ lệ hộ nghèo giảm bao nhiêu % mỗi năm": the section's indicators."""
    f = t.f
    if not (f.wants("target") and all(t.ask._about_target(r.section) for r in f.q.refs)):
        return None
    text, cites, _ = t.c.target_answer(f.q, {r.section for r in f.q.refs})
    if text:
        return text, cites, False
    return t.refuse(reason("figure", f.en)) if f.figure else None


def section_text(t: Turn) -> Reply:
    """What the named section says: each unit of a part, or the unit itself."""
    units = [h.section for h in t.hits if h.via == "lookup"]
    if len(units) > 1:
        return (*t.c.units_answer(t.f.q, units), False)
    return (*t.c.content_answer(t.f.q, t.hits), False)


# -- no section named ------------------------------------------------------------------------------
def elsewhere(t: Turn) -> Reply | None:
    """"Kế hoạch … của UBND tỉnh Bình Định có số hiệu là gì": another province's plan, or a commune the
    plan never names, whatever the question asks of it (its number and signer too)."""
    why = t.ask.scope.elsewhere(t.f.q)
    return t.refuse(why) if why else None


def document(t: Turn) -> Reply | None:
    """Facts of the document itself. "… chỉ tiêu này được phê duyệt tại quyết định số mấy": the number
    is in the indicator clause; "sđt đường dây nóng … là số mấy" asks no number of the plan's."""
    f = t.f
    # "liệt kê các nhiệm vụ Sở X chủ trì, ghi kèm số hiệu từng nhiệm vụ": the tasks' numbers, not the plan's.
    listing = f.aggregate and f.tasks and bool(f.agencies) and bool(f.asked)
    # "Resolution 42 came out of which plenum?": a document the plan stands on, named, asks a fact of it.
    # Sending a report on it ("báo cáo kết quả thực hiện Nghị quyết 42 trước ngày nào") is the plan's business.
    basis = not (f.agencies or f.aggregate or f.figure or f.tasks or {"lead", "coordinate", "target"} & set(f.q.intents)
                 or says(f.q.text, "report")) and t.c.names_basis(f.q)
    # "how many samples must be sent to the provincial CDC for testing": a figure asked of what is sent, not who the
    # plan is sent to.
    sent = f.figure and says(f.q.text, "facts.recipients") and not any(
        says(f.q.text, f"facts.{k}") for k in ("when", "who", "signs", "number", "proposal", "issuer", "title", "grounds"))
    if (f.wants("meta") or basis) and not listing and not sent and not t.ask._names_a_target(f.q, t.hits) \
            and not t.ask.scope.asks_contact(f.words):
        return t.answer(t.c.meta_answer(f.q))
    return None


def duties(t: Turn) -> Reply | None:
    """"What does the implementation section require of us?"; with tasks asked too, the agency's list."""
    f = t.f
    if f.agencies and f.implementation and not {"lead", "coordinate"} & set(f.q.intents):
        return t.answer(t.c.duties(f.q, f.agencies[0]))
    # "qd 418 … sở y tế làm gì" of a plan that sets its duties body by body: that body's duties, whatever else it says.
    a = f.agencies[0] if f.agencies else None
    if a and _DOING.search(f.words) and not {"lead", "coordinate"} & set(f.q.intents) and any(
            a.name in (*x.lead, *x.coordinate) for p in t.c.plans for x in p.duties):
        return t.answer(t.c.duties(f.q, a))
    return None


def mentions(t: Turn) -> Reply | None:
    """"những nhiệm vụ nào nhắc đến chuyển đổi số". A deadline's words name the tasks due that year
    however each words it ("quý II năm 2026", "trước ngày 30/6/2026"), not those that say it alike."""
    if not t.f.aggregate:
        return None
    phrase, named = t.mentions
    dated = t.f.q.year is not None and parse_timeline(phrase).first == t.f.q.year
    return t.answer(t.c.mention_list(t.f.q, phrase, named)) if named and not dated else None


def mentioned_where(t: Turn) -> Reply | None:
    """"người cao tuổi được nhắc đến ở những mục nào", "where does the plan mention social housing": every
    unit of the plan naming it, targets and duties as much as tasks."""
    phrase, units = t.c.mention_units(t.f.q)
    return t.answer(t.c.unit_mention_list(t.f.q, phrase, units)) if units else None


def unnamed_body(t: Turn) -> Reply | None:
    """"hội lhpn tỉnh phối hợp nhiệm vụ nào" of a plan that never names the Women's Union: the plan says so, and
    gives the tasks of the bodies it names it among as a whole ("các tổ chức chính trị - xã hội"), if any."""
    f = t.f
    if f.agencies or not (f.asked or f.aggregate or f.tasks or says(f.q.text, "involvement")):
        return None
    absent, rest = t.ask.directory.absent(f.q.text)
    if not absent:
        # "Bệnh viện Y dược cổ truyền tỉnh của chúng tôi được giao …": a named institution no directory knows and the
        # plan never writes.
        named = t.ask.scope.unknown_institutions(f.q.text)
        absent = [(n, ()) for n in named]
        rest = fold(reduce(lambda text, n: text.replace(n, " "), named, f.q.text))
    if not absent:
        return None
    # "Is the Bank for Social Policies named as a coordinating body of the labour-market task, and who is?": a
    # question with a topic of its own is answered by its topic's route.
    if t.c.names_topic(rest, f.en):
        return None
    # Several bodies asked ("đoàn tn, hội lhpn, mttq"): the collective the plan names that holds any of them.
    for _, kinds in absent:
        wholes = [a for a in t.ask.directory.agencies if any(squash(k) in squash(a.name) for k in kinds)]
        if wholes:
            break
    names = ", ".join(n for n, _ in absent)
    if not wholes:
        return t.refuse(reason("body", f.en, said=names))
    text, cites = t.c.agency_answer(f.q, wholes[:1], f.leads)
    members = ", ".join(n for n, kinds in absent if any(squash(k) in squash(wholes[0].name) for k in kinds))
    head = (f"The plan never names {names}; it names {wholes[0].name}, which {members} is one of. " if f.en
            else f"Kế hoạch không nêu tên {names}; kế hoạch giao cho {wholes[0].name} (trong đó có {members}). ")
    return head + text, cites, False


# "Sở Y tế: Là cơ quan thường trực", "giao Công an tỉnh làm đơn vị thường trực": the words that make a body the
# plan's standing agency (folded), not a council's standing committee ("Thường trực HĐND").
_STANDING = re.compile(r"\b(?:co quan|don vi|bo phan|lam|la)\s+thuong truc\b")


def standing_agency(t: Turn) -> Reply | None:
    """"cơ quan nào là cơ quan thường trực", "which department is the standing agency": the sentence of the plan that
    makes a body its standing agency, cited where it stands."""
    f = t.f
    if not says(f.q.text, "standing") or f.aggregate:
        return None
    # "ai giữ vị trí Ủy viên thường trực Ban Chỉ huy": a standing post the plan writes in those words is what is asked,
    # not its standing agency.
    post = m.group(1) if (m := re.search(r"\b([a-z]+ [a-z]+ thuong truc)\b", fold(f.q.text))) else ""
    posted = [(p, sec.id, x) for p in t.c.plans for sec in p.sections if post and not _STANDING.search(post) and sec.has_body
              and sec.kind not in {"header", "recipients", "signature", "title"}
              for x in t.c._sentences(p, sec.id)[1] if post in fold(x)]
    if posted:
        p, sid, said = posted[0]
        sec = p.section(sid)
        assert sec is not None
        t.c.route = "passage"
        return ((f"The plan says in {sid}: “{said}”" if f.en else f"Kế hoạch nêu tại mục {sid}: “{said}”"),
                [t.c.cite(p, sid, locate(p.text, sec.start, sec.end, said))], False)
    for p in t.c.plans:
        for sec in p.sections:
            if sec.kind in {"header", "recipients", "signature", "title"} or not sec.has_body:
                continue
            sentences = t.c._sentences(p, sec.id)[1]
            said = next((x for x in sentences if _STANDING.search(fold(x))), "")
            if said:
                # "… là cơ quan thường trực và phải báo cáo trước ngày nào": the unit's sentence that gives the day too.
                dated = next((x for x in sentences if x != said and DATED.search(x)), "") if (
                    f.wants("timeline") or asks_day(f.words)) and not DATED.search(said) else ""
                cite = t.c.cite(p, sec.id, locate(p.text, sec.start, sec.end, said))
                t.c.route = "passage"  # a quotation of the plan's words
                # A duty under its body's heading ("1. Sở Giáo dục và Đào tạo:" then "a) Là cơ quan thường trực …") names
                # the body there: said beside it.
                at = _STANDING.search(fold(said))
                lead = () if t.ask.directory.find(said[: at.start() if at else len(said)]) else next(
                    (x.lead for x in (*p.work(), *p.duties) if x.id == sec.id and x.lead), ())
                body = f" ({'; '.join(lead)})" if lead else ""
                more = f" … “{dated}”" if dated else ""
                return ((f"The plan names its standing agency in {sec.id}{body}: “{said}”{more}" if f.en
                         else f"Kế hoạch nêu cơ quan thường trực tại mục {sec.id}{body}: “{said}”{more}"), [cite], False)
    # A plan that calls no body its standing agency, but gives one the following up of the whole plan ("Giao Sở Lao
    # động - Thương binh và Xã hội thường xuyên theo dõi, tổ chức kiểm tra, giám sát việc triển khai thực hiện … Kế
    # hoạch này"): that sentence, said to be what the plan gives, not a standing agency it names.
    for p in t.c.plans:
        for sec in p.sections:
            if not sec.has_body or p.role(sec.id) not in {"implementation", "reporting"}:
                continue
            said = next((x for x in t.c._sentences(p, sec.id)[1] if _FOLLOWS_UP.search(fold(x)) and t.ask.directory.find(x)), "")
            if said:
                t.c.route = "passage"
                cite = t.c.cite(p, sec.id, locate(p.text, sec.start, sec.end, said))
                return ((f"The plan names no standing agency as such; it gives the following up of its implementation in "
                         f"{sec.id}: “{said}”" if f.en else
                         f"Kế hoạch không gọi cơ quan nào là cơ quan thường trực; việc theo dõi thực hiện Kế hoạch giao tại "
                         f"mục {sec.id}: “{said}”"), [cite], False)
    return None


# A body given the following up of the whole plan: "theo dõi, (tổ chức) kiểm tra, giám sát / đôn đốc … (việc) (triển khai)
# thực hiện … (Kế hoạch)".
_FOLLOWS_UP = re.compile(r"\btheo doi\b(?:,? (?:to chuc |thuong xuyen )?(?:kiem tra|don doc|giam sat|tong hop)\b){1,3}"
                         r".{0,60}?\bthuc hien\b")


# What a body is asked to do, no task named: "sở y tế làm gì", "phải làm những việc gì", "what must the … do".
_DOING = re.compile(r"\blam (?:gi|nhung gi|nhung viec gi|viec gi)\b|\bwhat (?:does|do|must|should|will) .{3,80}? do\b")


def agency_tasks(t: Turn) -> Reply | None:
    """"Sở Y tế chủ trì những nhiệm vụ nào", "tasks the Department of Health co-leads"."""
    # "Sở Tài chính có vai trò gì trong kế hoạch", "how is the Youth Union involved", "sở y tế làm gì", "what must the
    # Department of Health do": every task it has a role in.
    # "nv đào tạo nghề cho lđ nông thôn là nv nào, sở ldtb hay sở gd chủ trì": bodies offered as the answer's
    # alternatives ask who holds the task described, not their lists of tasks.
    described = sum("_" not in w for w in topic_terms(t.ask.directory.unnamed(t.f.q.text), t.f.en)) >= 4
    offered = _asks_roles(t) and described and t.ask.directory.offered(t.f.q.text)
    if t.f.agencies and not offered and (t.f.aggregate or t.topicless_role or (
            (says(t.f.q.text, "involvement") or _DOING.search(t.f.words)) and t.topicless)):
        return t.answer(t.c.agency_answer(t.f.q, list(t.f.agencies), t.f.leads))
    return None


def tasks_due(t: Turn) -> Reply | None:
    """A year asked for names the tasks due in it, whatever else the question mentions ("… trong năm
    2026, không tính các nhiệm vụ hằng năm")."""
    f = t.f
    if f.aggregate and f.q.year is not None and (f.due or f.runs or f.wants("timeline")):
        text, cites = t.c.task_list(f.q, year=f.q.year, running=f.runs and not f.due)
        return (text, cites, False) if cites else None
    return None


def tasks_in_time(t: Turn) -> Reply | None:
    """"những nv nào ghi thời hạn quý II/2026", "tasks due by 30/6/2026": the tasks whose timeline says that
    quarter, month or day, however it is spelled ("Quý II/2026", "quý 2/2026")."""
    if not t.f.aggregate:
        return None
    # A quarter or month named without its year ("quy 3 phai xong nhung viec gi") is of the first year the plan's
    # tasks fall due in; the answer says the year it read.
    when = point_in_time(t.f.q.text)
    if not when:  # the plan's years are read only for a question that names no year
        years = {y for p in t.c.plans for x in p.work() for b in x.own for y in due_years(b.timeline)} or {
            int(p.date[:4]) for p in t.c.plans if p.date[:4].isdigit()}  # quarters a table heads without their year
        when = point_in_time(t.f.q.text, min(years)) if years else ""
    if not when:
        return None
    # "chậm nhất trong tháng 4", "no later than June": deadlines up to that time, not in it only.
    by = says(t.f.q.text, "by_time")
    text, cites = t.c.task_list(t.f.q, saying=when, by=by)
    return (text, cites, False) if cites else None


def tasks_at_place(t: Turn) -> Reply | None:
    """"ở TT Văn hóa - Thể thao phường Tân Hà thi những môn gì", "what is on at the main venue": the tasks a table
    sets at the place the question names (its "Địa điểm" column), each with its time."""
    f = t.f
    if not (f.aggregate or re.search(r"\b(what is on|whats on|what s on|which events|nhung mon|nhung hoat dong|co gi)\b", f.words)):
        return None
    work = [(p, x) for p in t.c.plans for x in p.work() if x.place]
    if not work:
        return None
    said = set(tokens(spelled_out(f.q.text))) | set(tokens(f.q.text))
    generic = {"tinh", "phuong", "xa", "khu", "vuc", "so", "duong"}

    def fit(place: str) -> float:
        # "Các xã, phường trong tỉnh" names no place: no word after its first is a name's (capitalised).
        if not any(w[:1].isupper() for w in re.findall(r"[^\W\d_]+", place)[1:]):
            return 0.0
        words = [w for w in tokens(place) if w not in generic]
        return sum(w in said for w in words) / len(words) if words else 0.0

    best = max((x.place for _, x in work), key=fit)
    top = fit(best)
    if top < 0.7:
        return None
    at = [(p, x) for p, x in work if fold(best) in fold(x.place) or fit(x.place) >= top]
    return t.answer(t.c.place_list(f.q, best, at))


def tasks_of_timeline(t: Turn) -> Reply | None:
    """"những nhiệm vụ thực hiện thường xuyên", "… hằng năm", "… và các năm tiếp theo"."""
    # "mỗi trường phải tổ chức ít nhất mấy hoạt động … mỗi năm học": a least or most asked is a figure the plan sets
    # for each year, no list of the yearly tasks.
    if t.f.aggregate and t.f.timeline_kind and not bound(t.f.words):
        return t.answer(t.c.task_list(t.f.q, kind=t.f.timeline_kind))
    return None


def topic_roles(t: Turn) -> Reply | None:
    """"liệt kê các nhiệm vụ về an sinh xã hội và cơ quan chủ trì", "which tasks fall under the group of solutions on
    credit": the tasks of the item (or group of items) whose title
    the question names. Retrieval must agree: "các việc phát triển y tế học đường" is one task of
    III.6, whatever item title its words happen to share."""
    f = t.f
    if not f.aggregate:
        return None
    topic = t.c.topic_tasks(f.q)
    agrees = bool(t.hits) and t.hits[0].section in {x.id for _, x in topic}
    # A group of items named by its title ("the group of solutions on capital, credit …") is asked for its tasks
    # whatever else the question asks; an item's title, only when its tasks are listed or their roles asked.
    unit = t.c.topic_unit(f.q)
    grouped = unit is not None and (s := unit[0].section(unit[1])) is not None and s.kind == "group"
    if topic and (f.asked or f.listing or (f.tasks and grouped)) and agrees:
        return t.answer(t.c.tasks_answer(f.q, topic, list(f.asked) or ["lead"]))
    return None


def lead_counts(t: Turn) -> Reply | None:
    """"những nhiệm vụ có từ hai cơ quan chủ trì trở lên", "tasks with a single lead"."""
    return t.answer(t.c.lead_count_list(t.f.q, t.f.leads)) if t.f.aggregate and t.f.leads else None


def task_groups(t: Turn) -> Reply | None:
    """"kế hoạch có mấy nhóm nhiệm vụ", "what are the plan's task groups": the units its tasks part groups them in."""
    f = t.f
    if f.asked or not says(f.q.text, "groups"):  # its phrasings ask for groups: "mấy nhóm", "các nhóm", "task groups"
        return None
    parts = [s.id for p in t.ask.plans for s in p.sections if s.kind == "part" and s.role == "tasks"]
    return t.answer(t.c.unit_list(f.q, parts[0])) if len(parts) == 1 else None


def all_tasks(t: Turn) -> Reply | None:
    """"kế hoạch có bao nhiêu nhiệm vụ", "list all tasks"."""
    f = t.f
    if f.aggregate and f.all_tasks and not t.c.topic_tasks(f.q) and not t.ask._topic_words(f.q):
        return t.answer(t.c.task_list(f.q))
    return None


def sums(t: Turn) -> Reply | None:
    """"tổng kinh phí bao nhiêu, ngân sách tỉnh bao nhiêu", "what monthly allowance (in VND)": a sum of money is
    the plan's to give only where a passage states one. The funding part answers a question on funding; any
    other sum is answered by a passage retrieval found that states it, or declined."""
    f = t.f
    if not t.ask.scope.asks_sum(f.q):
        return None
    if says(f.q.text, "budget"):
        funding = [(p, s.id) for p in t.ask.plans for s in p.sections
                   if s.has_body and p.within(s.id, "funding") and t.ask.scope.states_asked_sum(f.q, p.body(s.id))]
        if funding:
            return (*t.c.quote(f.q, *funding[0]), False)
    # "kinh phí dự kiến cho việc xây dựng kho học liệu số là bao nhiêu": the cost a task table gives that task.
    # A price or rate asked ("đồng/kWh", "per household", "mỗi người") is never a task's total cost.
    rate = bool(re.search(r"\b(?:dong|vnd)\s*/\s*[a-z]|\b(?:per|each|moi)\s+[a-z]", spelled_out(f.q.text)))
    found = t.c.find_task(f.q, t.hits) if t.hits and not rate else None
    if found is not None and found[1].cost:
        # "ngày hội STEM ai chủ trì, kinh phí bao nhiêu": the roles asked beside the cost, of the same task (its answer
        # gives the cost asked with them).
        roles = [x for x in f.asked if x in {"lead", "coordinate", "timeline"}]
        return (*(t.c.task_answer(f.q, *found, roles) if roles else t.c.cost_answer(f.q, [found])), False)
    stating = [h for h in t.hits[:5] if t.ask.scope.states_asked_sum(f.q, h.text)]
    if stating:
        return (*t.c.content_answer(f.q, stating), False)
    # A target set as a sum ("Doanh số cho vay … | tỷ đồng | 180 | 220 | 260 |") that the question's words name:
    # the target rule answers it.
    if any(t.ask.scope.states_sum(f"{x.value} {x.unit}") for x in t.c.indicators(f.q)[0]):
        return None
    return t.refuse(reason("sum" if t.ask.scope.money else "money", f.en))


def unheld(t: Turn) -> Reply | None:
    """A kind of thing no plan holds (a penalty, a ranking, a statement), asked before a body's tasks are listed."""
    why = t.ask.scope.unheld(t.f.q)
    return t.refuse(why) if why else None


def out_of_reach(t: Turn) -> Reply | None:
    """What the question asks for is not in the plan: a sum of money, another province, a law's text."""
    why = t.ask.scope.reason(t.f.q)
    return t.refuse(why) if why else None


def said_in_tasks(t: Turn) -> Reply | None:
    """"Kế hoạch có đề cập đến chính sách hỗ trợ Bà mẹ Việt Nam anh hùng không": the one or two tasks
    whose own words say it, quoted, before any passage that merely resembles it; a run of the plan's
    own words outweighs a stray word it lacks ("Tỉnh sẽ làm gì …")."""
    if not t.f.says:
        return None
    phrase, named = t.c.mention_tasks(t.f.q, least=3)
    return t.answer(t.c.mention_list(t.f.q, phrase, named)) if 0 < len(named) <= 2 else None


# A Vietnamese name in an English question: two capitalised words or more, one with a Vietnamese letter or
# mark ("Phạm Văn Đồng University", "the Sơn Hà district").
_VI_NAME = re.compile(r"(?<![\w-])(?:[A-ZÀ-Ỹ][\wÀ-ỹ]*\s+)+[A-ZÀ-Ỹ][\wÀ-ỹ]*(?![\w-])")


def _vietnamese_part(run: str) -> str:
    """The Vietnamese words of a run of capitalised ones, when two or more and one has a Vietnamese letter or
    mark: "Phạm Văn Đồng" of "Phạm Văn Đồng University"; "" otherwise."""
    words = [w for w in run.split() if SYLLABLE.fullmatch(fold(w)) and w.lower() not in ENGLISH_COMMON]
    name = " ".join(words)
    return name if len(words) >= 2 and name in run and re.search(r"[^\x00-\x7f]", name) else ""


# A name in an English question: capitalised words, with "of", "the", "for", "and" between them ("Save the Children",
# "World Bank", "UNICEF").
_EN_NAME = re.compile(r"(?<![\w-])[A-Z][\w'’-]*(?:\s+(?:(?:of|the|for|and|&)\s+)*[A-Z][\w'’-]*)*")
_NAME_GLUE = {"of", "the", "for", "and"}


# Where an English question offers names of its own: as examples ("like …", "such as …", "for example …"), as what
# the plan should name ("does the plan name …"), or as one of a kind ("… or any other donor").
_OFFERED = re.compile(r"\b(like|such as|for example|for instance|e\.g\.|including|name|names|named|mention|mentions|"
                      r"mentioned|cite|cites|cited)\b")
_OR_OTHER = re.compile(r"^\s*,?\s*(or|and) (any |some |an )?other\b")


def _foreign_names(text: str, names_words: frozenset[str], writes: Callable[[str, bool], bool]) -> list[str]:
    """The names an English question offers of its own (_OFFERED, _OR_OTHER) that the plan does not write: an
    acronym of three letters or more ("UNICEF", "KOICA") or a run of two capitalised words or more ("Save the
    Children", "Plan International") with a word that is neither English the glossary puts into Vietnamese, nor a
    word of a body's English name or alias (`names_words`), nor a word the plan writes (`writes`). A name asked
    about ("support for Vietnamese Heroic Mothers", "the 'Green Sunday' clean-up") is the plan's own thing in
    English, which the glossary may not know. A sentence's first word is capitalised as such; a question typed all
    in capitals names nothing so."""
    from assistant.glossary import corrected, glossed

    if text.upper() == text:
        return []
    said = corrected(text)
    spans = [(b, e) for b, e, _ in glossed(text)]
    out = []
    for m in _EN_NAME.finditer(text):
        run, start = m.group(0), m.start()
        before = text[:start].rstrip()
        if not before or before[-1] in ".?!:;\"“(":  # "Does …", "Which …": the sentence's first word
            first = re.match(r"\S+\s*", run)
            run, start = run[first.end():] if first else "", start + (first.end() if first else 0)
        clause = re.split(r"[.?!;]", text[:start])[-1]
        if not (_OFFERED.search(clause) or _OR_OTHER.match(text[m.end():])):
            continue
        words = re.findall(r"[A-Za-z][\w'’-]*", run)
        acronym = len(words) == 1 and words[0].isupper() and len(words[0]) >= 3 and words[0].isalpha()
        if not acronym and len([w for w in words if w.lower() not in _NAME_GLUE]) < 2:
            continue
        offset = said.find(run.lower())  # corrected() lower-cases and mends; where it kept the run, its glosses count
        unknown = []
        for w in re.finditer(r"[A-Za-z][\w'’-]*", run):
            low = w.group(0).lower().rstrip("'’s")
            at = offset + w.start() if offset >= 0 else -1
            if low in _NAME_GLUE or low in names_words or (low in ENGLISH_COMMON and not acronym) or writes(fold(low), acronym) \
                    or (at >= 0 and any(b <= at < e for b, e in spans)):
                continue
            unknown.append(low)
        if unknown:
            out.append(run.strip())
    return out


# A place below a commune or a school typed without marks, by its kind and then its name: "kp binh dong" (khu phố),
# "thon ke ga", "ban pa cong" (bản), "truong thpt chuyen nguyen du", "truong thcs le loi".
_TYPED_NAMED = re.compile(r"\b(?:(?:khu pho|kp|to dan pho|thon|ban|ap|buon|lang)\s+|truong\s+(?:(?:thpt|thcs|th|mn|mam non|tieu hoc|"
                          r"trung hoc pho thong|trung hoc co so|chuyen|dtnt|pt dtnt|dan toc noi tru)\s+)+)([a-z]{2,})\s+([a-z]{2,})\b")


def _typed_names(text: str, after_unit: set[str], written: str) -> list[str]:
    """The names of places and schools a question typed without marks gives after their kind: two syllables, the
    first no word that follows a unit's word without naming it (`after_unit`: "thon nao", "ban hanh", "ban chi dao",
    "truong thcs co …"), the kind's word no syllable of a word the plan writes with the one before it ("nông thôn mới",
    "văn bản": `written`, the plan's words folded)."""
    said = spelled_out(text)
    out = []
    for m in _TYPED_NAMED.finditer(said):
        a, b = m.group(1), m.group(2)
        kind = said[m.start():].split()[0]
        before = said[: m.start()].split()[-1:]
        if a in after_unit or not (SYLLABLE.fullmatch(a) and SYLLABLE.fullmatch(b)) \
                or (before and f" {before[0]} {kind} " in written):
            continue
        out.append(f"{a} {b}")
    return out


def _marked_names(text: str) -> list[str]:
    """The names a question typed with marks writes in capitals: runs of two capitalised syllables or more, one
    with a Vietnamese letter or mark ("bản Huổi Só", "Trường THPT Lê Quý Đôn" gives "Lê Quý Đôn"). A sentence's
    first word is capitalised as such ("… phường. Theo Kế hoạch"), so it begins no name; an acronym ("THPT"), a
    figure or a mark between words ends one. A run that begins a body's name ("Hội Nông dân", "Phòng Lao động") is
    a body's, which the directory reads."""
    runs: list[list[str]] = [[]]
    for m in re.finditer(r"[^\W\d_]+|\S", text):
        w, before = m.group(0), text[: m.start()].rstrip()
        opens = not before or before[-1] in ".?!:;\"“(…-–"
        if not opens and w[:1].isupper() and not w.isupper() and SYLLABLE.fullmatch(fold(w)):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    heads = re.compile(body_head())
    names = [" ".join(r) for r in runs if len(r) >= 2]
    return [n for n in names if re.search(r"[^\x00-\x7f]", n) and not heads.match(n)]


def unmentioned(t: Turn) -> Reply | None:
    """"Does the plan refer to any ILO convention?": a name in capitals the question asks about ("ILO", "ODA"),
    which no plan's text writes and no body's name holds, is not mentioned: the answer is no. So is a Vietnamese
    name the question writes with capitals ("sửa chữa công trình cho bản Huổi Só", "the entry requirements at Phạm
    Văn Đồng University"): the plan is in Vietnamese and would write it as the question does."""
    texts = t.ask.scope.folded  # the plans' words, folded once at load
    asked = asking_part(t.f.q.text)
    names = [n for n in map(_vietnamese_part, _VI_NAME.findall(asked)) if n] if t.f.en \
        else _marked_names(asked) if has_diacritics(asked) \
        else _typed_names(asked, t.ask.scope.after_unit, texts)
    if t.f.en:
        def writes(w: str, acronym: bool) -> bool:
            """The plan writes the word, or, for an acronym, the words it is the initials of ("HDI" is "phát
            triển con người (HDI)" written, "CTXH" "công tác xã hội")."""
            return f" {w} " in texts or (acronym and bool(re.search(r"\s".join(rf"\b{c}[a-z]*" for c in w), texts)))

        names += _foreign_names(asked, t.ask.directory.english_words, writes)
    absent = [n for n in names
              if f" {' '.join(re.findall(r'[a-z0-9]+', fold(n)))} " not in texts and not t.ask.directory.find(n)]
    if absent:
        return t.refuse(reason("unmentioned", t.f.en, said=", ".join(absent)))
    if not t.f.says:
        return None

    def written(w: str) -> bool:
        """The plan writes it, or the words it is the initials of ("CTXH": "công tác xã hội")."""
        initials = r"\s".join(rf"{c}[a-z]*" for c in w.lower())
        return bool(re.search(rf"\b{w.lower()}\b|\b{initials}\b", texts))

    absent = [w for w in dict.fromkeys(re.findall(r"(?<![\w-])[A-Z]{2,6}(?![\w-])", asked))
              if not written(w) and not t.ask.directory.find(w)]
    return t.refuse(reason("unmentioned", t.f.en, said=", ".join(absent))) if absent else None


def no_evidence(t: Turn) -> Reply | None:
    """Nothing in the question anchors it to the plan (calibrated evidence, Assistant._out_of_scope)."""
    if not t.f.agencies and t.out_of_scope() and not t.ask._names_a_target(t.f.q, t.hits):
        return t.refuse()
    return None


def _about_targets(t: Turn) -> bool:
    """Retrieval agrees the question is about the plan's targets."""
    f, hits = t.f, t.hits
    return not f.general and bool(hits) and (
        t.ask._about_target(hits[0].section) or (f.q.year is not None and any(t.ask._about_target(h.section) for h in hits[:3])))


# Places asked for by a figure of theirs: "những xã, phường nào … trên 6%", "which communes … more than 100".
_PLACES_ASKED = re.compile(r"\b(?:nhung|cac)\s+(?:xa|phuong|dia phuong)\b|\b(?:xa|phuong)(?:\s+phuong)?\s+nao\b"
                           r"|\bwhich\s+(?:communes?|wards?|localities)\b")
_ABOVE = re.compile(r"\b(tren|hon|lon hon|vuot|cao hon|more than|above|over|greater than|higher than|at least|it nhat|tu)\s+"
                    r"(\d[\d.,]*)\s*(%|phan tram|percent)?")
_BELOW = re.compile(r"\b(duoi|it hon|nho hon|thap hon|below|under|less than|fewer than|lower than|at most|toi da)\s+"
                    r"(\d[\d.,]*)\s*(%|phan tram|percent)?")


def places_by_figure(t: Turn) -> Reply | None:
    """"Những xã, phường nào được giao tỷ lệ hộ nghèo cuối năm 2026 trên 6%?": of a table of places × figures, the places
    whose figure in the column the question names passes its bound (TargetAnswers.places_passing)."""
    f = t.f
    if not _PLACES_ASKED.search(f.words):
        return None
    said_bound = " ".join(re.findall(r"[a-z0-9.,%]+", fold(f.q.text)))
    bound = _ABOVE.search(said_bound) or _BELOW.search(said_bound)
    limit = _number(bound.group(2)) if bound else None
    if bound is None or limit is None:
        return None
    # "từ 95% trở lên", "at least", "ít nhất", "tối đa": bounds that hold their own figure.
    inclusive = bound.group(1) in {"tu", "at least", "it nhat", "at most", "toi da"} \
        or bool(re.search(r"\btro (len|xuong)\b|\bor (more|higher|above|less|lower|below)\b", said_bound[bound.end():]))
    reply = t.c.places_passing(f.q, bound.re is _ABOVE, limit, bound.group(2) + ("%" if bound.group(3) else ""), inclusive)
    return (*reply, False) if reply else None


def target(t: Turn) -> Reply | None:
    """An indicator of the plan, for the years asked; an objective in words when it fits clearly
    better (it cannot answer "how many"); refused when the plan sets it for other years only."""
    f = t.f
    # "giảm bao nhiêu phần trăm, so với mốc năm nào": a figure asked with its year of reference is a
    # target's, not a task's timeline.
    # A figure asked with a time ("how many … and by when") is a target's when an indicator's own words
    # say what it asks, whatever retrieval put first.
    # So is a figure asked outright for a year ("how many units … in 2027") whose words an indicator's own words
    # say, where retrieval put a task on the same topic first.
    # And the year a target is set for, asked of a target the question names by an indicator's words.
    # And a figure asked of a target named as such ("chỉ tiêu nạo vét kênh bao nhiêu km"), whose words an
    # indicator's own words say, where retrieval put the task that does the work first.
    # "By when should the Provincial Social Insurance have its plan … with targets assigned to each commune ready?": a
    # body named as the doer asks a task's time, whatever targets the task's words name.
    timed = f.asked == ("timeline",) and (f.figure or says(f.q.text, "target_named")) and not (f.agencies and not f.figure)
    # "… và cơ quan nào theo dõi chỉ tiêu đó", "which body tracks that indicator": the body an indicator table
    # names beside the figure, not a task's lead.
    timed = timed or (f.asked == ("lead",)
                      and bool(re.search(r"\b(chi tieu (do|nay)|(that|this|the) (indicator|target))\b", f.words)))
    yearly = f.figure and f.q.year is not None
    named = f.figure and says(f.q.text, "target_named")
    # And a year's target asked for as such ("What is the 2028 target for outstanding loans …?") whose words an
    # indicator's own words say, where retrieval put the task doing the work first.
    named = named or (f.q.year is not None and bool(_TARGET_ASKED.search(f.words)))
    # And a share asked outright ("bn % dn trong kcn phải xây dựng kh atvsld") that an indicator's own words say, where
    # retrieval put first the task that does the work.
    # Not where the question holds a word the plan never writes, nor where the clause says too few of its words ("lãi suất
    # cho vay hộ gia đình nghèo … bao nhiêu %/tháng": a rate of interest, no target's share of households).
    share = f.figure and ("%" in f.q.text or bool(re.search(r"\b(phan tram|ty le|percent|percentage|share|proportion)\b", f.words))) \
        and not t.ask.unknown_words(f.q) and t.c.coverage(f.q) >= 0.5
    if not (f.wants("target") and (not f.asked or timed)
            and (_about_targets(t) or ((timed or yearly or named or share) and t.c.names_an_indicator(f.q)))):
        return None
    # "lãi suất … bao nhiêu %/tháng": a share per month or year asked is a rate no target of the plan is set in.
    per = re.search(r"%\s*/\s*(thang|nam|quy|month|year)\b", fold(f.q.text))
    if per and not any(re.search(rf"%\s*/\s*{per.group(1)}\b", fold(x.indicator)) for x in t.c.targets):
        return None
    chosen, best = t.c.indicators(f.q)
    if reply := _unwritten(t, [x.indicator for x in chosen]):
        return reply
    text, cites, _ = t.c.target_answer(f.q, chosen=chosen)
    score = best if text else 0.0
    # An English question's words the glossary carries only in part ("water" of "water samples tested") may reach
    # clauses by a shared word; the clause the embedder's reading clearly means, if none of them, answers instead.
    # Not where a clause found writes every topic phrase of the question, two at least: the words reached it whole.
    if f.en and text and not t.c.writes_every_phrase(f.q, chosen) \
            and (meant := t.c.meant_indicators(f.q, t.vector(), t.ask.retriever.embedder)) \
            and not set(map(id, meant)) & set(map(id, chosen)):
        text, cites, score = t.c.target_answer(f.q, chosen=meant)
    figure = f.figure and not f.says and not f.general
    objective = t.c.better_objective(f.q, score) if text and not figure else None
    if objective:
        return (*objective, False)
    # "the 2025 target for urban unemployment": the plan sets it for 2030 only, and the 2030 clause
    # matches far better than anything of 2025 does.
    asked_years = t.c.asked_years(f.q)
    other, best = t.c.indicators(f.q, any_year=True) if asked_years else ([], 0.0)
    if other and (not text or best >= score + 4) and not asked_years & {x.year for x in other}:
        # "social insurance coverage 2025?" of a plan setting it for 2030: said so, with the figure it sets then, where
        # that clause says two pairs of the question's words (not a clause sharing one: "xã hội" of "nhà ở xã hội").
        years = sorted(asked_years)
        pairs = {w for w in lexical_terms(f.q.text, f.en) if "_" in w and not re.search(r"\d", w)}
        shown = [x for x in other if len(pairs & set(lexical_terms(x.indicator))) >= 2]
        if not shown:
            return t.refuse(reason("indicator_years", f.en, {x.year for x in other}))
        said, cites, _ = t.c.target_answer(f.q, chosen=shown)
        unset = (f"The plan sets no such target for {years_said(years, True)}; it sets one for "
                 f"{years_said({x.year for x in other}, True)}. " if f.en else
                 f"Kế hoạch không đặt chỉ tiêu này cho năm {years_said(years, False)}; chỉ tiêu đặt cho năm "
                 f"{years_said({x.year for x in other}, False)}. ")
        # Declined all the same: the figure asked is not the plan's (what it sets instead is said, not offered as it).
        return unset + said, cites, True
    # "Năm 2025 tỷ lệ … đã đạt bao nhiêu phần trăm?" of a plan setting its figures for 2026: a year no target is set for,
    # which the clauses found do not name either (no baseline of theirs), is not answered by another year's figure.
    chosen_years = {x.year for x in chosen}
    one_year = len(set(re.findall(r"(?<!\d)20\d\d(?!\d)", f.q.text))) == 1  # a period ("2028 - 2030") asks its span
    if text and one_year and f.q.year is not None and f.q.year not in t.c.years and chosen_years \
            and f.q.year not in chosen_years and not any(str(f.q.year) in x.indicator for x in chosen):
        return t.refuse(reason("indicator_years", f.en, chosen_years))
    return (text, cites, False) if text else None


def _unwritten(t: Turn, answer: list[str]) -> Reply | None:
    """A figure asked of a topic in the genre's words that neither the plan nor the passages that would answer
    (`answer`) write ("the registration of births of children under five"): no figure of the plan is its; the nearest
    (the under-fives' stunting) would mislead."""
    topics = t.ask.scope.unwritten_topics(t.f.q, answer)
    return t.refuse(reason("unmentioned", t.f.en, said=", ".join(f"“{x}”" for x in topics))) if topics else None


def figure(t: Turn) -> Reply | None:
    """A figure asked for outright ("bao nhiêu", "how many") is a target or nothing. A figure the plan
    states outside its targets ("công suất 500 tấn/ngày" in a task row) is quoted from the passage
    retrieval puts first; only a passage with no figure is refused."""
    f, hits = t.f, t.hits
    if not (f.figure and not f.asked and not f.says and not f.general):
        return None
    if reply := _unwritten(t, [h.text for h in hits[:1]]):
        return reply
    # "bao nhiêu đoàn tham gia": a passage near the top that states a count of that noun ("36 đoàn") answers it first.
    counting = [h for h in hits[:5] if h.section not in {"header", "recipients", "signature"} and t.ask._states_count(f.q, h.text)]
    if counting:
        return (*t.c.content_answer(f.q, counting), False)
    if hits and hits[0].section not in {"header", "recipients", "signature"} and not t.ask._about_target(
            hits[0].section) and t.ask._states_asked_figure(f.q, hits[0].text):
        return (*t.c.content_answer(f.q, hits), False)
    return _meant(t) or t.refuse(reason("figure", f.en))


# A target asked for as such: "what target does the plan set", "chỉ tiêu nào", "mục tiêu là bao nhiêu".
_TARGET_ASKED = re.compile(r"\b(?:what|which)(?: [\w'-]+){0,4} (?:targets?|goals?|indicators?)\b(?! programme)|"
                           r"\b(?:chi tieu|muc tieu)(?: \w+){0,3} (?:nao|gi|bao nhieu)\b")


def _unset_target(t: Turn) -> bool:
    """A target asked and nothing else, that no indicator answers (the target rule did not), where retrieval puts
    first a passage outside the plan's objectives that states no figure of it."""
    f, hits = t.f, t.hits
    if not (f.wants("target") and (f.figure or _TARGET_ASKED.search(f.words))
            and not {"lead", "coordinate", "timeline", "aggregate", "meta"} & set(f.q.intents) and not f.says and not f.general and hits):
        return False
    top = hits[0]
    return not (t.ask._role(top.section) in {"objectives", "targets", "purpose"} or t.ask._states_asked_figure(f.q, top.text))


def _meant(t: Turn) -> Reply | None:
    """The indicator an English question clearly means by the embedder's reading, where its words the glossary does
    not carry to any indicator's ("water samples tested" for "Số mẫu nước được xét nghiệm")."""
    meant = t.c.meant_indicators(t.f.q, t.vector(), t.ask.retriever.embedder) if t.f.en else []
    return t.answer(t.c.target_answer(t.f.q, chosen=meant)[:2]) if meant else None


def target_meant(t: Turn) -> Reply | None:
    """"What is the 2026 target for the number of water samples tested?": a target asked that no indicator's words
    answer, in English, is answered by the clause it clearly means (TargetAnswers.meant_indicators)."""
    return _meant(t) if _unset_target(t) else None


def target_unset(t: Turn) -> Reply | None:
    """"What target does the plan set for reducing child marriage?": a target asked, that no indicator answers
    and no clause clearly means, is one the plan does not set."""
    return t.refuse(reason("figure", t.f.en)) if _unset_target(t) else None


def _no_day(t: Turn, tasks: list[tuple[Plan, Task]]) -> Reply | None:
    """"Sở Xây dựng phải trình … trước ngày nào?": a day asked of a task whose timeline names none is
    declined, with what the plan says instead ("Năm 2024 và các năm tiếp theo")."""
    f = t.f
    # A day the task's own words give ("nộp hồ sơ … trước ngày 31/10/2026") answers it, whatever its timeline says.
    if f.asked == ("timeline",) and asks_day(f.words) and tasks and not any(
            DATED.search(x.timeline) or DATED.search(p.body(x.id)) for p, x in tasks):
        said = _dated_objective(t, tasks)
        return t.answer(said) if said else t.refuse(reason("date", f.en, said="; ".join(dict.fromkeys(x.timeline for _, x in tasks))))
    return None


def _dated_objective(t: Turn, tasks: list[tuple[Plan, Task]]) -> tuple[str, list[Citation]] | None:
    """"… trạm bơm tiêu … phải sẵn sàng vận hành trước ngày nào": a day an objective sets ("100% trạm bơm tiêu …
    sẵn sàng vận hành trước ngày 30/4/2026"), where retrieval puts it near the top and its sentence says more of the
    question than the tasks found do: the objective answers what their timelines leave unsaid."""
    terms = set(lexical_terms(t.f.q.text, t.f.en))
    done = max(overlap(terms, set(lexical_terms(p.body(x.id)))) for p, x in tasks)
    for h in t.hits[:3]:
        if t.ask._role(h.section) in {"objectives", "targets"}:
            plan = t.c.plan_of(h.doc)
            sent = t.c.best_sentence(t.f.q, plan, h.section)
            if DATED.search(sent) and overlap(terms, set(lexical_terms(sent))) > done:
                return t.c.quote(t.f.q, plan, h.section, sent)
    return None


def _reports_column(p: Plan, s: Section, seen: dict[tuple[str, str], bool]) -> bool:
    """A row of a table whose heading row names the bodies' reports ("| TT | Đơn vị | … | Thời hạn báo cáo |"); each
    table's parent read once a question (`seen`)."""
    if s.kind != "row" or not s.parent:
        return False
    key = (p.source, s.parent)
    if key not in seen:
        seen[key] = any(line.lstrip().startswith("|") and "báo cáo" in line.lower()
                        for line in p.body(s.parent).splitlines()[:40])
    return seen[key]


def reporting(t: Turn) -> Reply | None:
    """"khi nào gửi báo cáo năm", "by what date must agencies send their annual report": the plan's clause on
    reports ("Chế độ báo cáo"), unless retrieval puts a task on reports first ("sơ kết, báo cáo kết quả …")."""
    f = t.f
    if not (says(f.q.text, "report") and (f.wants("timeline") or asks_day(f.words))):
        return None
    units = [(p, s.id) for p in t.ask.plans for s in p.sections
             if s.role == "reporting" and s.kind in {"part", "item", "point"} and s.has_body]
    # A plan with no heading on reports says them in a duty of its implementation part, with a day ("định kỳ
    # hàng năm (trước ngày 30/10) gửi báo cáo kết quả …").
    # A table of bodies with a column for their reports ("Thời hạn báo cáo"): each body's row gives its day.
    headed: dict[tuple[str, str], bool] = {}
    # "phường báo cáo UBND tỉnh trước ngày nào": the body the reports go to, where the question names one after its
    # verb; the clause that sends them there answers, wherever it stands (a standing agency's duty "… tham mưu UBND
    # phường báo cáo UBND tỉnh trước ngày 31/8/2026" beside a heading on reports sent to it).
    to = _report_recipient(f.q.text)
    duties = [(p, s.id) for p in t.ask.plans for s in p.sections
              if s.has_body and s.kind in {"part", "item", "point", "row"} and p.within(s.id, "implementation")
              and ("báo cáo" in p.body(s.id).lower() or _reports_column(p, s, headed)) and DATED.search(p.body(s.id))]
    units = (units + [u for u in duties if u not in units]) if to else units or duties
    for h in t.hits[:5]:
        if any(h.section == sid for _, sid in units):
            break
        if t.c.task(h.doc, h.section) and "báo cáo" in h.text.lower():
            return None
    if not units:
        return None
    # Of several, the one whose words are most the question's ("báo cáo … gửi Sở X trước ngày 15/12"), for its
    # length: a long duty that also names a report does not win by its length.
    terms = set(lexical_terms(f.q.text, f.en))
    # "by what date must the commune and ward People's Committees send their reports": the item of the body that
    # reports, where the question names it and an item is headed by it ("8. UBND các xã, phường: …").
    # A body the reports go to ("gửi Sở Nông nghiệp và Môi trường", "về phòng GD", "to which agency") is not the one
    # that sends them: only the words before it are read for the sender.
    sender = re.split(r"(?i)\b(?:gửi|gui|về|ve|lên|len|to|for)\b", f.q.text, maxsplit=1)[0]
    named = [fold(a.name) for a in t.ask.directory.find(sender)]

    def sent_to(body: str) -> bool:
        """The clause sends its reports to the body asked ("báo cáo Ủy ban nhân dân tỉnh … trước ngày …")."""
        return bool(to) and bool(re.search(rf"\b(?:bao cao|gui|ve|len) {to}\b", _committees(body)))

    def fit(u: tuple[Plan, str]) -> tuple[bool, bool, bool, float]:
        body = u[0].body(u[1])
        own = set(lexical_terms(body))
        unit = u[0].section(u[1])
        heads = unit is not None and any(fold(unit.title).startswith(n) for n in named)
        # A clause on reports says so first ("13. Các sở … báo cáo kết quả … trước ngày 15/12"); a duty that ends
        # with its own report does not.
        first = re.split(r"(?<=[.;])\s", re.sub(r"^\s*(?:[\dIVX]+\.)+\s*|^\s*[a-zđ]\)\s*", "", body), maxsplit=1)[0]
        opens = 0 <= first.lower().find("báo cáo") < 150 and bool(DATED.search(first))
        return sent_to(body), heads, opens, overlap(terms, own) / max(1.0, len(own)) ** 0.5
    best = max(units, key=fit)
    # "which agency sets up the hotline for reporting violence, and by when": who does a task is asked, when a task
    # near the question holds more of its words than the clause on reports does.
    if f.wants("lead"):
        near = next((h for h in t.hits[:3] if t.c.task(h.doc, h.section)), None)
        if near is not None and overlap(terms, set(lexical_terms(near.text))) > overlap(terms, set(lexical_terms(best[0].body(best[1])))):
            return None
    return (*t.c.quote(f.q, *best), False)


def _committees(text: str) -> str:
    """Folded words, a committee's name in short ("Ủy ban nhân dân tỉnh" as "ubnd tinh")."""
    said = " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    return re.sub(r"\bhoi dong nhan dan\b", "hdnd", re.sub(r"\buy ban nhan dan\b", "ubnd", said))


def _report_recipient(text: str) -> str:
    """The body a question's reports go to, in _committees' words ("phường báo cáo UBND tỉnh trước ngày nào": "ubnd
    tinh"), where a verb of reporting is followed by a body's head word; "" where none is."""
    heads = "|".join((*list_words("body_heads"), "hdnd", "bo"))
    m = re.search(rf"\b(?:bao cao|gui|ve|len) (?:(?:cho|toi|den|lai) )?((?:{heads})(?: (?!truoc|trong|han|ngay|nao|khi|dinh|hang|vao|theo|ket|qua|va)\w+){{1,3}})",
                  _committees(text))
    return m.group(1) if m else ""


_TIMED = re.compile(r"\b(?:quý|quy)\s+[IV]+\b|\bnăm\s+20\d\d\b|\b\d{1,2}/20\d\d\b|\b\d{1,2}/\d{1,2}(?:/\d{4})?\b|\b20\d\d\b",
                    re.I)


def review_time(t: Turn) -> Reply | None:
    """"Kế hoạch sơ kết giữa kỳ khi nào?", "when is the final review?": the plan's sentences that set its reviews a
    time ("chủ trì tổ chức sơ kết việc thực hiện Kế hoạch vào Quý IV/2027 và tổng kết vào Quý IV/2028"), wherever
    they stand (a duty of the implementation part, a row of the task table), those naming every review asked first."""
    f = t.f
    kinds = [k for k in ("review_interim", "review_final", "review_end") if says(f.q.text, k)]
    # "báo cáo tổng kết … trước ngày nào", "the final report": a report asked, which the rule for reports answers.
    if not kinds or not (f.wants("timeline") or asks_day(f.words)) or (f.agencies and f.wants("lead")) \
            or says(f.q.text, "report"):
        return None
    words = {"review_interim": ("sơ kết",), "review_final": ("tổng kết",), "review_end": ("sơ kết", "tổng kết")}
    found: list[tuple[int, Plan, str, str]] = []
    named = False
    for p in t.ask.plans:
        for s in p.sections:
            if not s.has_body or s.kind in {"header", "recipients", "signature", "title"} or p.role(s.id) in {"targets", "objectives"}:
                continue
            for sent in t.c._sentences(p, s.id)[1]:
                low = sent.lower()
                said = sum(any(w in low for w in words[k]) for k in kinds)
                named = named or bool(said)
                if said and _TIMED.search(sent):
                    found.append((said, p, s.id, sent))
    if not found:
        # A plan that holds no review of itself sets it no time; one that names it untimed leaves it to the rest.
        return None if named else t.refuse(reason("date", f.en))
    top = max(x[0] for x in found)
    # A row of the task table that is the review itself ("Sơ kết giữa kỳ và tổng kết thực hiện Kế hoạch | Sở … | Quý
    # IV/2028 và Quý IV/2030") answers with its roles, who organises it included.
    task = next((found_task for said, p, sid, _ in found if said == top and (found_task := t.c.task(p.source, sid))), None)
    if task is not None:
        return t.answer(t.c.task_answer(f.q, *task, list(f.asked) or ["timeline"]))
    best = [x for x in found if x[0] == top][:1]
    # Two reviews asked and said apart: the other's sentence too.
    if top < len(kinds):
        covered = {k for k in kinds if any(w in best[0][3].lower() for w in words[k])}
        best += [x for x in found if not covered & {k for k in kinds if any(w in x[3].lower() for w in words[k])}][:1]
    parts = [t.c.quote(f.q, p, sid, sent) for _, p, sid, sent in best]
    return " ".join(x for x, _ in parts), [c for _, cs in parts for c in cs], False


def objective_time(t: Turn) -> Reply | None:
    """"Kế hoạch đặt mốc năm nào để Quảng Ngãi trở thành tỉnh phát triển khá …": a time asked of what an objective
    sets, not of a task, where retrieval puts a unit of objectives or targets that states years far ahead of the
    rest: its words, which say each year."""
    f = t.f
    if f.asked != ("timeline",) or names_tasks(f.words) or len(t.hits) < 2:
        return None
    h = t.hits[0]
    if t.ask._role(h.section) not in {"objectives", "targets"} or not re.search(r"\b20\d\d\b", h.text):
        return None
    # Retrieval puts it far ahead, or the question names it by a phrase of its own heading ("tầm nhìn dài hạn
    # đến năm nào" of "c) Tầm nhìn đến năm 2045").
    def heading(x: Hit) -> set[str]:
        return {w for w in topic_terms(x.title.split(" › ")[-1]) if "_" in w and not re.search(r"\d", w)}

    asked = topic_terms(f.q.text, f.en)
    if h.score < 2 * t.hits[1].score and not heading(h) & asked:
        return None
    # "đào tạo nghề nông thôn xong khi nào" where a task is headed by the words of the target ("5. Đào tạo nghề nghiệp
    # cho lao động nông thôn" beside "6. Đào tạo nghề nghiệp … năm 2026 đạt 4.600 người"): the task's time is asked.
    shared = heading(h) & asked
    if shared and any(t.c.task(x.doc, x.section) and 4 * len(shared & heading(x)) >= 3 * len(shared) for x in t.hits[1:4]):
        return None
    text, cites = t.c.quote(f.q, t.c.plan_of(h.doc), h.section)
    # "To which year does the general objective run, and what is the horizon of the long-term vision?": a second unit
    # of objectives near the top that the question names by its own heading is quoted too.
    other = next((x for x in t.hits[1:4] if t.ask._role(x.section) in {"objectives", "targets"} and x.section != h.section
                  and re.search(r"\b20\d\d\b", x.text) and heading(x) & asked - heading(h)
                  and not x.section.startswith(h.section + ".") and not h.section.startswith(x.section + ".")), None)
    if other is not None and asks_two(f.q.text):
        more, extra = t.c.quote(f.q, t.c.plan_of(other.doc), other.section)
        text, cites = f"{text} {more}", [*cites, *(c for c in extra if c not in cites)]
    return t.answer((text, cites))


def task_roles(t: Turn) -> Reply | None:
    """Lead / coordinate / timeline of the task the question describes, or of each of two ("nhiệm vụ
    nước sạch … và nhiệm vụ khuyến khích nguồn lực quốc tế … do ai chủ trì")."""
    f = t.f
    if not (f.asked and t.hits):
        return None
    both = t.ask._two_tasks(f.q)
    if both:
        return _no_day(t, both) or t.answer(t.c.tasks_answer(f.q, both, list(f.asked)))
    found = t.c.find_task(f.q, t.hits)
    if found is None:
        return None
    reply = _no_day(t, [found]) or _unled(t, [found], t.c.task_answer(f.q, *found, list(f.asked)))
    # "By when should universal preschool education for ages 3 to 5 be completed?": a task that runs on with no
    # end says no year; an indicator whose own words the question names sets one, and is said beside it.
    when = found[1].when
    if reply and not reply[2] and f.asked == ("timeline",) and when.last is None and when.kind != "date" \
            and not names_tasks(f.words) and t.c.names_an_indicator(f.q):
        text, cites, _ = t.c.target_answer(f.q)
        if text:
            return f"{reply[0]} {text}", [*reply[1], *cites], False
    return reply


def _unassigned(t: Turn, doc: str, sid: str) -> Reply | None:
    """A unit of the tasks part that names no body, asked who leads or takes part in it, where the units beside
    it (its part's other leaves) mostly have bodies: the plan assigns it to no one, and says so by its silence."""
    plan = next((p for p in t.c.plans if p.source == doc), None)
    if plan is None or (doc, sid) in t.c._tasks:
        return None

    def silent(x: str) -> bool:
        if plan.role(x) != "tasks" or (doc, x) in t.c._tasks:
            return False
        part = x.split(".")[0]
        leaves = [y.id for y in plan.sections if y.id.split(".")[0] == part and y.id != part and y.id not in parents]
        return x in leaves and len(leaves) >= 4 and sum((doc, y) in t.c._tasks for y in leaves) >= 0.75 * len(leaves)

    parents = {x.parent for x in plan.sections}
    unit = plan.section(sid)
    # "Nhiệm vụ 8" whose roles a table of another part gives by its number (the row "8." of a CT/PH matrix).
    part, _, number = sid.partition(".")
    rows = [x.id for x in plan.sections if x.kind == "row" and number and x.id.count(".") == 1
            and x.id.split(".")[1] == number.split(".")[-1] and x.id.split(".")[0] != part] if unit and unit.kind != "row" else []
    if not silent(sid) and not (len(rows) == 1 and silent(rows[0])):
        return None
    # "Đối với các nội dung … không có trong Bảng phân công nhiệm vụ, Trưởng Ban … trực tiếp phân công": the plan's
    # rule for the work its table leaves out answers who sees to it.
    rule = _residual_rule(plan)
    if rule is not None:
        rid, sentence = rule
        head = (f"The plan assigns no body to {sid} in its assignments; for such work it says ({rid}): “{sentence}”" if t.f.en
                else f"Kế hoạch không giao đơn vị nào thực hiện {sid} trong phần phân công; với nội dung như vậy, kế hoạch "
                     f"nêu (mục {rid}): “{sentence}”")
        t.c.route = "role"
        return head, [t.c.cite(plan, rid)], False
    return t.refuse(reason("unassigned", t.f.en, said=sid))


def _residual_rule(plan: Plan) -> tuple[str, str] | None:
    """The unit and sentence of the plan's rule for the work its assignments leave out ("không có trong Bảng phân
    công …, Trưởng Ban … trực tiếp phân công"), the smallest unit that holds it; None where the plan has none. Read
    once a plan, not once a question."""
    key = (plan.source, len(plan.text))
    if key not in _RESIDUAL:
        _RESIDUAL[key] = _read_residual_rule(plan)
    return _RESIDUAL[key]


_RESIDUAL: dict[tuple[str, int], tuple[str, str] | None] = {}  # by (source, length of its text)


def _read_residual_rule(plan: Plan) -> tuple[str, str] | None:
    left, assigns = phrase_pattern("residual", "left"), phrase_pattern("residual", "assigns")
    found: list[tuple[int, str, str]] = []
    for s in plan.sections:
        if not s.has_body or s.kind in {"header", "recipients", "signature"}:
            continue
        for sentence in re.split(r"(?<=[.;])\s+", plan.text[s.start:s.end]):
            folded = " ".join(re.findall(r"[a-z0-9]+", fold(sentence)))
            said = left.search(folded)
            if said and assigns.search(folded[said.end():]):
                found.append((s.end - s.start, s.id, " ".join(sentence.split()).rstrip(".;")))
    return min(found)[1:] if found else None


def _asks_roles(t: Turn) -> bool:
    """Who leads or takes part is asked, and nothing else of a task."""
    return bool(t.f.asked) and set(t.f.asked) <= {"lead", "coordinate"}


def unassigned(t: Turn) -> Reply | None:
    """Who leads the unit the question describes, which names no body (above)."""
    if not _asks_roles(t) or not t.hits:
        return None
    return _unassigned(t, t.hits[0].doc, t.hits[0].section)


def section_unassigned(t: Turn) -> Reply | None:
    """"hd 2.4 ai chủ trì", of a unit that names no body (above)."""
    refs = t.f.q.refs
    if len(refs) != 1 or not _asks_roles(t) or t.ref_tasks:
        return None
    doc = t.hits[0].doc if t.hits else (t.c.plans[0].source if t.c.plans else "")
    return _unassigned(t, doc, refs[0].section)


def target_late(t: Turn) -> Reply | None:
    """A target asked beside a role no task answered."""
    if t.f.wants("target") and _about_targets(t):
        text, cites, _ = t.c.target_answer(t.f.q)
        return (text, cites, False) if text else None
    return None


def shared_in_tasks(t: Turn) -> Reply | None:
    """"những nội dung nào Kế hoạch giao trình HĐND tỉnh ban hành chính sách": tasks asked for in the plan's own
    words, with no verb of mentioning, are the tasks saying them, when more than one does."""
    if not (t.f.aggregate and names_tasks(t.f.words)):
        return None
    phrase, named = t.c.shared_run_tasks(t.f.q)
    return t.answer(t.c.mention_list(t.f.q, phrase, named)) if named else None


def time_unit(t: Turn) -> Reply | None:
    """"Ngày hội … được tổ chức từ ngày nào đến ngày nào?": a time asked of no task, of a plan with a unit headed
    by its time ("1. Thời gian" of an event's plan) that states one: that unit."""
    f = t.f
    if not (f.wants("timeline") or asks_day(f.words)) or f.agencies:
        return None
    units = [(p, s.id) for p in t.ask.plans for s in p.sections
             if s.has_body and time_headed(s)
             and (DATED.search(p.body(s.id)) or re.search(r"\b20\d\d\b", p.body(s.id)))]
    # Only where retrieval finds nothing nearer than the unit or the plan's own title ("ngày hội … lần thứ V"): a time
    # asked of a body's duty ("trang trí cờ … phải hoàn thành trước ngày nào") is that duty's.
    near = not t.hits or t.hits[0].section in {"header", *(sid for _, sid in units)}
    return t.answer(t.c.quote(f.q, *units[0])) if len(units) == 1 and near else None


def passage(t: Turn) -> Reply:
    """What the passage retrieval puts first says; nothing found, nothing answered. A day asked ("chậm nhất
    vào ngày nào") of a passage that states none is declined: the passage does not answer it."""
    if not t.hits:
        return t.refuse()
    if asks_day(t.f.words) and not DATED.search(t.hits[0].text):
        return t.refuse(reason("figure", t.f.en))
    return (*t.c.content_answer(t.f.q, _headed_first(t)), False)


# What follows a heading said as a noun: "của", "ban hành", "được nêu", "là gì", "gồm", "như thế nào", the question's end.
_AFTER_HEADING = r"cua|ban hanh|duoc|la|gom|bao gom|nhu the nao|the nao|ra sao|cu the|trong ke hoach|of|in|is|are|$"


def _headed_first(t: Turn) -> list[Hit]:
    """The hits, the one passage near the top whose heading the question says whole ("Mục đích ban hành Kế hoạch được
    nêu như thế nào": the part headed "1. Mục đích") put first."""
    said = f" {' '.join(re.findall(r'[a-z0-9]+', fold(t.f.q.text)))} "
    plans = {p.source: p for p in t.c.plans}

    def heading(h: Hit) -> str:
        sec = plans[h.doc].section(h.section) if h.doc in plans else None
        words = re.findall(r"[a-z0-9]+", fold(re.sub(r"^\W*(?:[IVXLC]+|\d+|[a-zđ])[.)]\s*", "", sec.title))) if sec else []
        return " ".join(words) if len(words) >= 2 and sec and sec.kind in {"part", "item", "point"} else ""

    # The heading opens the question ("Mục đích ban hành …", "yêu cầu của kế hoạch là gì"), after a word naming a part
    # at most: "Kế hoạch yêu cầu gắn …" uses the heading's words as a verb of its own.
    opening = re.sub(r"^ (?:phan|muc|noi dung|theo ke hoach|ve)\b", "", said)
    # … as a noun, what is said or asked of ("Mục đích ban hành …", "yêu cầu của kế hoạch", "yêu cầu là gì"), not a verb
    # with its object ("yêu cầu công tác truyền thông …").
    def opens(x: str) -> bool:
        return any(re.match(rf" {x} (?:{_AFTER_HEADING})\b", s + " ") for s in (said, opening))

    headed = [h for h in t.hits[:5] if (x := heading(h)) and opens(x)]
    return [headed[0], *(h for h in t.hits if h is not headed[0])] if len(headed) == 1 else t.hits


# Questions naming a section, in order; the last always answers.
SECTION_ROUTES: tuple[Rule, ...] = (
    section_mentions, section_mentioned_where, section_duties, section_cost, section_agency_among, section_tasks_due, section_lead_count, section_agency_all, section_roles,
    section_unassigned, section_groups, section_tasks,
    section_no_figure, section_one_task, section_target, section_text,
)
# Questions naming none, in order; the last always answers.
ROUTES: tuple[Rule, ...] = (
    elsewhere, unheld, document, standing_agency, duties, tasks_in_time, tasks_at_place, unmentioned, mentions, mentioned_where, unnamed_body, agency_tasks, tasks_due, tasks_of_timeline, topic_roles, lead_counts,
    task_groups, all_tasks, sums, out_of_reach, said_in_tasks, review_time, no_evidence, places_by_figure, target, figure, target_meant, target_unset, reporting, objective_time, task_roles, unassigned,
    target_late, shared_in_tasks, time_unit, passage,
)


def compose(t: Turn) -> Reply:
    """The answer of the first rule that answers; its name is kept on the turn."""
    rules = (missing_section, bare_number, section_lacks,
             *(SECTION_ROUTES if t.f.q.refs else ROUTES))
    for rule in rules:
        reply = rule(t)
        if reply is not None:
            t.rule = rule.__name__
            return reply
    raise AssertionError("the last route always answers")


__all__ = ["ROUTES", "SECTION_ROUTES", "Reply", "Turn", "compose"]
