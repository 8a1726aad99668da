"""Answers from a library of plans.

A question is answered from the plans it names ("kế hoạch 65", "KH của tỉnh Phú Lâm"), else from the
plan in focus in the conversation, else from the plans retrieval finds it in. Each plan answers with
an assistant of its own over its own chunks, so one plan's answer never mixes in another's facts.
When several plans answer, each answer is given under its plan's name, or, past a few, the user is
asked which plan; a question asking for plans ("những kế hoạch nào giao Sở Y tế chủ trì") lists them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from assistant.agencies import named_bodies, squash
from assistant.answer import Answer, Choice, Citation
from assistant.glossary import content_terms, translate_terms, vietnamese
from assistant.lexicon import function_pairs, list_words, month_numbers, says, spelled_out
from assistant.library import (
    DOC_KINDS,
    DOCUMENTS,
    KIND_NAMES,
    asks_for_plans,
    dates_said,
    issuer_body,
    plan_json,
    plan_label,
    province,
)
from assistant.query import Query, asks_content, names_lead
from assistant.retrieve import lexical_terms
from assistant.scope import as_typed
from assistant.targets import extract_targets
from index.genre import UPPER
from index.normalize import agency as canon_agency
from index.normalize import fold, unwrap
from index.parse import Plan, Task

if TYPE_CHECKING:
    from assistant.core import Assistant, History

# Which plans a question that names none is about (looked at on eval/sets/library, `python -m eval.library`):
# below DISTINCTIVE the question's words tell no plan from another; at or above it, the plans holding at
# least SHARE of the best plan's weight are candidates. A plan whose nearest passage is MARGIN nearer in
# cosine than any other plan's settles it (Vietnamese typed without marks embeds poorly, so it needs more).
DISTINCTIVE = 3.5
SHARE = 0.6
MARGIN = {"vi": 0.03, "vi_nodiac": 0.05, "en": 0.012}
DENSE_DEPTH = 200  # passages ranked by cosine to find each plan's nearest
# Answers from more plans than this become a "which plan?" question listing them.
MAX_PLANS = 3


def ask_library(asst: Assistant, question: str, k: int | None, history: History | None,
                retriever: str | None, plan: str | None) -> Answer:
    k = k or asst.settings.k
    q = asst.query(question)  # raises QuestionError for an empty question
    if plan:
        p = asst.find_plan(plan)
        return _labelled(asst, q, [(p, asst.of(p).ask_plan(question, k, history, retriever))])
    assert asst.catalogue is not None
    naming = asst.catalogue.named(q.text, q.style == "en")
    if naming.unknown and not naming.plans:
        return _no_such_plan(asst, q, naming.unknown)
    # "Kế hoạch số 214/KH-UBND … căn cứ vào quyết định nào": a question naming one plan by its number asks of the
    # documents it names, not for a list of plans; "những kh nào về du lịch cộng đồng" names one by its title's words
    # and asks for the plans of that topic.
    if asks_for_plans(" ".join(re.findall(r"[a-z0-9]+", spelled_out(q.text)))) and (
            len(naming.plans) != 1 or (not naming.numbered and _ON_TOPIC.search(spelled_out(q.text)))):  # "liệt kê các kh, qd"
        listed = _plans_answer(asst, q, naming.plans or asst.plans)
        if listed is not None:
            return listed
    if naming.topic and not naming.plans:
        return _no_plan_on(asst, q, naming.topic)
    if naming.plans:
        chosen = list(naming.plans)
    else:
        chosen = _candidates(asst, q)
        focus = _focus(asst, history)
        if focus is not None and focus in chosen:
            chosen = [focus]
    asked = naming.rest(q.text, q.style) if naming.plans else q.text
    named = q.text if asked != q.text else ""
    answers = [(p, asst.of(p).ask_plan(asked, k, history, retriever, named)) for p in chosen[:MAX_PLANS]]
    said = [(p, a) for p, a in answers if not a.abstained]
    # More plans than are asked: each answering, or, where the question names them ("plan No. 214 of 18/11/2025"), none
    # of those asked knowing (the others may): the user picks one.
    if len(chosen) > MAX_PLANS and (len(said) == len(answers) or (not said and bool(naming.plans))):
        return _which(asst, q, chosen)
    return _labelled(asst, q, said or answers[:1])


# "những kế hoạch nào về …": the plans asked for by their topic.
_ON_TOPIC = re.compile(rf"\b{DOCUMENTS}(?: nao)? ve\b")


def _distinctive(asst: Assistant, q: Query) -> dict[str, float]:
    """Each plan's weight of the question's words, a word weighing more the fewer plans use it
    (log N/n): words every plan uses ("ký", "báo cáo hằng năm") tell no plan from another."""
    n = len(asst.plans)
    names = asst.retriever.plan_names
    weight = np.zeros(len(names))
    for term in set(lexical_terms(q.text, q.style == "en")):
        ids = asst.retriever.plan_ids(term)
        if len(ids):
            weight[ids] += math.log(n / len(ids))
    return {names[i]: float(weight[i]) for i in np.flatnonzero(weight)}


def _nearest(asst: Assistant, q: Query) -> list[tuple[str, float]]:
    """Each plan by the cosine of its passage nearest the question, best first."""
    best: dict[str, float] = {}
    for i, score in asst.retriever.dense(asst.retriever.embed(q.text), DENSE_DEPTH):
        best.setdefault(asst.retriever.chunks[i].doc, score)
    return sorted(best.items(), key=lambda x: -x[1])


def _candidates(asst: Assistant, q: Query) -> list[Plan]:
    """The plans a question that names none may be about, likeliest first: those its distinctive
    words point to, or every plan when it has none ("Ai ký kế hoạch này?"); a plan whose passage is
    clearly nearest in meaning settles it (the only evidence for words the glossary does not know)."""
    # "nhiệm vụ 5d", "mục III.2": only a plan that has the unit can be meant.
    assert asst.catalogue is not None
    having = [p for p in asst.plans if any(asst.catalogue.has(p, r.section) for r in q.refs)] if q.refs else []
    plans = having or list(asst.plans)
    sources = {p.source for p in plans}
    weights = {d: w for d, w in _distinctive(asst, q).items() if d in sources}
    top = max(weights.values(), default=0.0)
    pool = {d for d, w in weights.items() if w >= SHARE * top} if top >= DISTINCTIVE else {p.source for p in plans}
    # "a provincial plan on assistance to people with disabilities", "the 2026 poverty-reduction plan": the few plans
    # whose titles say what the question is about, whatever other plans' texts share of its words.
    titled = asst.catalogue.titled(q.text, q.style == "en") & sources
    if titled:
        pool = titled
    nearest = [(d, s) for d, s in _nearest(asst, q) if d in sources and (d in pool or q.style == "en")]
    if len(nearest) > 1 and nearest[0][1] - nearest[1][1] >= MARGIN[q.style]:
        pool = {nearest[0][0]}
    # Likeliest first: the plan its distinctive words weigh most in ("tuần lễ hưởng ứng học tập suốt đời": the
    # learning-society plan, not the social-policy plan that shares "học tập"), the nearest in meaning among equals.
    order = {d: n for n, (d, _) in enumerate(nearest)}
    return sorted((p for p in plans if p.source in pool),
                  key=lambda p: (-round(weights.get(p.source, 0.0) / top, 1) if top >= DISTINCTIVE else 0.0,
                                 order.get(p.source, len(order))))


def _focus(asst: Assistant, history: History | None) -> Plan | None:
    """The plan the conversation is about: the one the last question named, or the one alone its
    words point to."""
    from assistant.focus import user_turns

    assert asst.catalogue is not None
    for previous in reversed(user_turns(history)[-3:]):
        named = asst.catalogue.named(previous).plans
        if len(named) == 1:
            return named[0]
        if named:
            return None
        try:
            found = _candidates(asst, asst.query(previous))
        except ValueError:
            continue
        return found[0] if len(found) == 1 else None
    return None


def _labelled(asst: Assistant, q: Query, answers: list[tuple[Plan, Answer]]) -> Answer:
    """One answer per plan, each under its plan's name; hits and citations of them all."""
    en = q.style == "en"
    first = answers[0][1]
    if len(answers) == 1:
        text = f"{plan_label(answers[0][0], en)}:\n{first.answer}"
    else:
        text = "\n\n".join(f"{plan_label(p, en)}:\n{a.answer}" for p, a in answers)
    cites = tuple(c for _, a in answers for c in a.citations)
    hits = tuple(h for _, a in answers for h in a.hits)
    return Answer(q.text, text, all(a.abstained for _, a in answers), cites, hits, first.style, first.intent,
                  first.notice, first.route, first.choices if len(answers) == 1 else (),
                  plans=tuple(plan_json(p) for p, _ in answers), rule=first.rule)


def _which(asst: Assistant, q: Query, plans: list[Plan]) -> Answer:
    en = q.style == "en"
    head = ("Several plans answer this; which plan do you mean?" if en else
            "Nhiều kế hoạch trả lời câu hỏi này; bạn hỏi về kế hoạch nào?")
    lines = [head, *(f"- {plan_label(p, en)}" for p in plans)]
    # Each plan a choice whose question names it by number and province, which tells apart two plans
    # that share a number: picking one asks the question of that plan.
    choices = tuple(Choice("", plan_label(p, en), f"{q.text} ({_kind(p, en)} {p.number}, {province(p)})", p.source)
                    for p in plans)
    return Answer(q.text, "\n".join(lines), False, (), (), q.style, q.intent, "", "clarify", choices,
                  plans=tuple(plan_json(p) for p in plans), rule="which_plan")


def _kind(p: Plan, en: bool) -> str:
    kind = p.doc_type or "Kế hoạch"
    return DOC_KINDS.get(fold(kind), kind) if en else kind


def _no_such_plan(asst: Assistant, q: Query, number: str) -> Answer:
    en = q.style == "en"
    held = "; ".join(plan_label(p, en) for p in asst.plans)
    text = (f"No plan numbered {number} is loaded. The plans loaded are: {held}." if en else
            f"Không có kế hoạch số {number} trong các kế hoạch đã nạp. Các kế hoạch đã nạp: {held}.")
    return Answer(q.text, text, True, (), (), q.style, q.intent, "", "refusal", rule="no_such_plan")


def _no_plan_on(asst: Assistant, q: Query, topic: str) -> Answer:
    """A plan named by a topic that no loaded plan says a word of ("kh phòng chống cúm gia cầm"): none is loaded."""
    en = q.style == "en"
    topic = topic.strip(" ,;:.?")
    text = (f"No plan on “{topic}” is among the {len(asst.plans)} plans loaded." if en else
            f"Không có kế hoạch về “{topic}” trong {len(asst.plans)} kế hoạch đã nạp.")
    return Answer(q.text, text, True, (), (), q.style, q.intent, "", "refusal", rule="no_plan_on")


def _plans_answer(asst: Assistant, q: Query, pool: tuple[Plan, ...]) -> Answer | None:
    """"Những kế hoạch nào giao Sở Y tế chủ trì?", "which plans run until 2030?", "kế hoạch nào ban hành
    theo đề nghị của Sở LĐTBXH": the plans whose facts pass the question's tests, each with what makes
    it one. None when the question gives no test a plan can pass."""
    en = q.style == "en"
    tests: list[tuple[str, Callable[[Plan], list[Task] | None]]] = []
    # "Thanh tra tỉnh đang rà soát … . Đề nghị liệt kê …": a body named in a sentence before the one that asks says who
    # asks, not which plans.
    sentences = [x for x in re.split(r"(?<=[.?!])\s+", q.text.strip()) if x]
    asking = next((x for x in reversed(sentences) if "?" in x or asks_for_plans(" ".join(re.findall(r"[a-z0-9]+", fold(x))))),
                  q.text)
    # "… không tính kế hoạch liên tịch và Ban Quản lý các khu công nghiệp": a body named only in what is set aside
    # filters nothing in.
    if (cut := _SET_ASIDE.search(fold(asking))) and len(fold(asking)) == len(asking):
        asking = asking[: cut.start()]
    agencies = named_bodies(asking, asst.directory)
    folded = f" {' '.join(re.findall(r'[a-z0-9]+', fold(q.text)))} "
    # Signers are looked for in every plan: a name is what the question filters by, not a plan it names.
    signers = {p.signer for p in asst.plans if p.signer and f" {' '.join(re.findall(r'[a-z0-9]+', fold(p.signer)))} " in folded}
    kept = _SET_ASIDE.split(q.words, maxsplit=1)[0]  # the levels asked come before what is set aside
    levels = [level for level, rx in _LEVELS.items() if rx.search(kept)] if _BY_LEVEL.search(q.words) else []
    if signers:
        # "which plans were signed by Trần Minh Khôi": the plans whose signer the question names.
        pool = tuple(asst.plans)
        tests.append((f"signed by {', '.join(sorted(signers))}" if en else f"do {', '.join(sorted(signers))} ký",
                      lambda p: [] if p.signer in signers else None))
    elif (asked_as := _capacity_asked(q.words))[0]:
        capacity, head = asked_as
        # "kế hoạch nào do Chủ tịch ký (TM.), không phải Phó Chủ tịch ký thay": by the capacity the signer signs in.
        vi_head, en_head = _HEADS.get(head, ("Chủ tịch, Giám đốc", "chair, director"))
        signed = {"chair": (f"signed by the head in person ({en_head})", f"do người đứng đầu ký ({vi_head})"),
                  "vice": (f"signed by a deputy on the head's behalf (deputy {en_head})",
                           f"do cấp phó ký thay (Phó {vi_head})")}[capacity]
        tests.append((signed[0] if en else signed[1],
                      lambda p: [] if (got := _signed_as(p))[0] == capacity and head in {"", got[1]} else None))
    signing = bool(tests)
    # "which plans were issued by a provincial Department of Health, alone or jointly": by the body that issues them,
    # where some plan is issued by the body named.
    issuing = [a for a in agencies if says(q.text, "issued") and any(_same(a.name, x) for p in pool for x in _issuers(p))]
    if issuing:
        a = issuing[0]
        tests.append((f"issued by {(asst.directory.english(a.name) or a.name) if en else a.name}" if en
                      else f"do {a.name} ban hành", lambda p: [] if any(_same(a.name, x) for x in _issuers(p)) else None))
    # "which plans were issued by a district, a commune or a department": by the issuer's level; with the capacity
    # its signer signs in too ("kế hoạch cấp xã nào do Chủ tịch UBND xã trực tiếp ký").
    elif levels and (not agencies or says(q.text, "issued")):
        said = {"tinh": ("a province", "cấp tỉnh"), "huyen": ("a district", "cấp huyện"), "xa": ("a commune", "cấp xã"),
                "so": ("a department", "cấp sở")}
        # Wards asked and communes not ("do UBND cấp phường ban hành", "by a ward"): the wards' plans alone; communes asked
        # and wards not ("kh cấp xã nào do chủ tịch xã ký"), the communes' alone.
        wards = bool(re.search(r"\b(wards?|phuong)\b", kept)) and not re.search(r"\b(communes?|xa)\b", kept)
        communes = bool(re.search(r"\b(communes?|xa)\b", kept)) and not re.search(r"\b(wards?|phuong)\b", kept)
        said["xa"] = ("a ward", "cấp phường") if wards else ("a commune", "xã") if communes else said["xa"]
        unit = " phuong " if wards else " xa " if communes else ""
        tests.append((f"issued by {' or '.join(said[x][0] for x in levels)}" if en
                      else f"do {', '.join(said[x][1] for x in levels)} ban hành",
                      lambda p: [] if _levels(p) & {"" if x == "tinh" else x for x in levels}
                      and (not unit or "xa" not in _levels(p) or unit in f" {fold(p.issuer).lower()} ") else None))
    elif agencies and not signing:
        a = agencies[0]
        name = (asst.directory.english(a.name) or a.name) if en else a.name
        if says(_REQUEST.sub(" ", q.text), "proposal"):
            tests.append((f"proposed by {name}" if en else f"do {a.name} đề nghị",
                          lambda p: [] if _same(a.name, p.proposer) else None))
        elif says(q.text, "standing"):
            tests.append((f"making {name} its standing agency" if en else f"giao {a.name} làm cơ quan thường trực",
                          lambda p: [] if _standing(p, a.name) else None))
        else:
            # "which plans give X a role": any role, unless the question names one in so many words
            # ("chủ trì", "leads"); "which"/"nào" ask for plans here, not for a lead.
            lead = names_lead(q.text)
            coord = "coordinate" in q.intents and not lead
            anyrole = asks_content(q.words) or says(q.text, "involvement") or not (lead or coord)
            role = "" if anyrole else "coordinate" if coord else "lead"

            def roles(p: Plan) -> list[Task] | None:
                # A short form of the plan's own legend ("BĐBP") is the name it stands for.
                full = {canon_agency(short): re.sub(r"\s*\([^()]*\)\s*$", "", long) for short, long in p.abbreviations}
                tasks = [t for t in p.work() if any(_same(x, m) for x in (a.name, a.full) if x
                                                    for n in _names(t, role) for m in (n, full.get(canon_agency(n), "")))]
                return tasks or None

            label = {"": ("naming", "có"), "coordinate": ("with a task coordinated by", "có nhiệm vụ phối hợp của"),
                     "lead": ("with a task led by", "có nhiệm vụ do")}[role]
            tests.append((f"{label[0]} {name}" if en else f"{label[1]} {a.name}" + (" chủ trì" if role == "lead" else ""),
                          roles))
    elif says(q.text, "budget") and not signing:
        # "which plans state a total budget in billion dong": the plans that name a sum of money.
        tests.append(("stating a sum of money" if en else "có nêu số tiền kinh phí",
                      lambda p: [] if _SUM.search(p.text) else None))
    span = re.search(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", q.text)
    if span:
        # "giai đoạn 2025 - 2030": the plans whose own period is that one, not every plan it overlaps.
        first, last = int(span.group(1)), int(span.group(2))

        def same_period(p: Plan) -> list[Task] | None:
            years = [int(x) for x in re.findall(r"\b((?:19|20)\d\d)\b", p.title)]
            return [] if years and (min(years), max(years)) == (first, last) else None

        tests.append((f"for the period {first} - {last}" if en else f"giai đoạn {first} - {last}", same_period))
    elif (day := _day(fold(q.text))) and says(q.text, "issued"):
        # "ban hành đúng ngày 18/11/2025", "issued on 16 January 2026": the plans of that day.
        tests.append((f"issued on {day[2]}/{day[1]}/{day[0]}" if en else f"ban hành ngày {day[2]}/{day[1]}/{day[0]}",
                      lambda p: [] if p.date == f"{day[0]}-{day[1]:02d}-{day[2]:02d}" else None))
    elif (month := _month(fold(q.text))) and says(q.text, "issued"):
        tests.append((f"issued in {month[1]:02d}/{month[0]}" if en else f"ban hành tháng {month[1]:02d}/{month[0]}",
                      lambda p: [] if p.date[:7] == f"{month[0]}-{month[1]:02d}" else None))
    elif q.year is not None:
        y = q.year
        if says(q.text, "issued"):
            tests.append((f"issued in {y}" if en else f"ban hành năm {y}",
                          lambda p: [] if p.date[:4] == str(y) else None))
        elif "target" in q.intents:
            # "which plans set targets for 2028": the plans with an indicator for that year, read as a plan's
            # targets are read, not by the years its title spans.
            tests.append((f"setting targets for {y}" if en else f"đặt chỉ tiêu cho năm {y}",
                          lambda p: [] if any(t.year == y and not t.baseline for t in extract_targets(p)) else None))
        else:
            ending = says(q.text, "ends")

            def period(p: Plan) -> list[Task] | None:
                years = [int(x) for x in re.findall(r"\b((?:19|20)\d\d)\b", p.title)]
                ok = bool(years) and (max(years) == y if ending else min(years) <= y <= max(years))
                return [] if ok else None

            tests.append(((f"whose period ends in {y}" if ending else f"whose period includes {y}") if en else
                          (f"có thời kỳ kết thúc năm {y}" if ending else f"có thời kỳ gồm năm {y}"), period))
    # "những quyết định nào", "which decisions": decisions only; "các kế hoạch, quyết định và chương trình hành động",
    # "tính cả kế hoạch liên tịch", "including those issued by decision": plain plans beside other kinds, or other
    # kinds counted in, ask for every kind.
    others = "|".join(v for k, v in _KINDS_SAID.items() if k != "ke hoach")
    plain = _KINDS_SAID["ke hoach"]
    # Kinds a clause sets aside pair with none asked ("apart from ordinary plans and decisions, … any joint plans").
    asked_clauses = " , ".join(c for c in _CLAUSE.split(spelled_out(q.text)) if c and not _NOT.search(c))
    both = re.search(rf"\b(?:{plain})\s*(?:,|va|and|hoac|or|/)\s*(?:{others})\b|\b(?:{others})\s*(?:,|va|and|hoac|or|/)\s*(?:{plain})\b"
                     rf"|\b(?:ke ca|bao gom|tinh ca|including|as well as)\s+(?:\w+\s+){{0,6}}?(?:{others})\b",
                     asked_clauses)
    kinds, aside = _kinds_asked(spelled_out(q.text))
    if both:
        kinds.clear()
    if kinds or aside:
        # "những quyết định nào", "which are joint plans or action programmes", "neither a plan nor a decision": by
        # the kind of document, those named or, where it names only kinds it sets aside, every other kind.
        names = [DOC_KINDS[k] + "s" if en else KIND_NAMES[k] for k in sorted(kinds or aside)]
        kind_label = (f"that are {' or '.join(names)}" if kinds else f"other than {' or '.join(names)}") if en else (
            f"là {', '.join(names)}" if kinds else f"không phải {', '.join(names)}")
        tests.append((kind_label, lambda p: [] if ((fold(p.doc_type or "Kế hoạch") in kinds) if kinds
                                              else fold(p.doc_type or "Kế hoạch") not in aside) else None))
    # "các kế hoạch có chủ đề chính là chuyển đổi số", "plans about drowning": the plans whose titles hold the
    # topic, where the question gives one; else the plans it names by their titles' words.
    if not tests:
        phrase, titled = _titled(q, pool)
        if titled:
            tests.append((f"about “{phrase}”" if en else f"về “{phrase}”", lambda p: [] if p.source in titled else None))
    if not tests and 1 < len(pool) < len(asst.plans):
        tests.append(("named by the question's words" if en else "có tên gồm các từ được hỏi", lambda p: []))
    if not tests:
        return None
    found: list[tuple[Plan, list[Task]]] = []
    for p in pool:
        results = [test(p) for _, test in tests]
        if all(r is not None for r in results):
            found.append((p, [t for r in results for t in (r or [])]))
    what = "; ".join(label for label, _ in tests)
    lines = [f"Plans {what} ({len(found)}):" if en else f"Các kế hoạch {what} ({len(found)}):"] if found else [
        f"No loaded plan is one {what}." if en else f"Không kế hoạch nào đã nạp {what}."]
    cites: list[Citation] = []
    for p, tasks in found:
        ids = ", ".join(t.id for t in tasks[:12]) + (" …" if len(tasks) > 12 else "")
        lines.append(f"- {plan_label(p, en)}: {ids or p.title}")
        cites += [_cite(p, t.id) for t in tasks[:12] if p.section(t.id)] or (
            [_cite(p, "header")] if p.section("header") else [])
    return Answer(q.text, "\n".join(lines), False, tuple(cites), (), q.style, q.intent, "", "plans",
                  plans=tuple(plan_json(p) for p, _ in found), rule="plans")


# The kinds of document a list of plans may ask for, as questions write them (folded); a plain plan is a kind only
# where it is set aside ("neither an ordinary plan nor a decision").
_KINDS_SAID = {"quyet dinh": r"quyet dinh|qd|decisions?", "chuong trinh hanh dong": r"chuong trinh hanh dong|action program(?:me)?s?",
               "ke hoach lien tich": r"ke hoach lien tich|khlt|joint plans?", "ke hoach": r"ke hoach(?! lien tich)|(?<!joint )plans?"}
_NOT = re.compile(r"\b(neither|nor|not|other than|except|excluding|apart from|aside from|besides|khong phai|ko phai|khong la|"
                  r"(?:khong|ko|k) (?:tinh|ke|lay)|ngoai|tru)\b")
_CLAUSE = re.compile(r"[,;:()]|\b(?:i e|that is|tuc la|ma la|but|ma)\b")


def _kinds_asked(folded: str) -> tuple[set[str], set[str]]:
    """The kinds of document a question asks for, and those it sets aside ("neither … nor a decision", "không phải
    quyết định"): a kind is set aside where a negation comes before it in its clause. A kind followed by a number
    names one document ("Quyết định 1421/QĐ-TTg"), as one inside a number does ("1421/QĐ-TTg"), not a kind."""
    named: set[str] = set()
    aside: set[str] = set()
    for kind, said in _KINDS_SAID.items():
        for m in re.finditer(rf"(?<![/-])\b(?:{said})\b(?!\s*(?:so\s+|no\.?\s*|number\s+)?\d)", folded):
            clause = _CLAUSE.split(folded[: m.start()])[-1]
            # "không tính kh của ubnd tỉnh": plans of one issuer set aside, not the kind.
            if _NOT.search(clause) and not re.match(r"\s+(?:cua|do|of|by|issued)\b", folded[m.end():]):
                aside.add(kind)
            elif kind != "ke hoach":
                named.add(kind)
    return named, aside - named


# The head of an issuing body, and a deputy signing on the head's behalf ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").
_HEAD = r"(?:chu tich|giam doc|truong ban|truong phong)"
_HEAD_EN = r"(?:chair\w*|director|head)"
_HEADS = {"chu tich": ("Chủ tịch", "chair"), "giam doc": ("Giám đốc", "director"), "truong ban": ("Trưởng ban", "head"),
          "truong phong": ("Trưởng phòng", "head")}


def _capacity_asked(folded: str) -> tuple[str, str]:
    """The capacity a list of plans is asked to be signed in, and the head it names (folded, "" for any): ("vice",
    "giam doc") for a deputy director signing for the director ("kh nào do phó giám đốc sở ký (kt giám đốc)"), ("vice",
    "chu tich") for "pct ký", "signed by a vice-chair"; ("chair", …) for the head in person ("chủ tịch ký trực tiếp,
    không phải phó chủ tịch ký thay"); ("", "") when the question asks no signing or names no capacity."""
    if not re.search(r"\b(ky|sign|signed|signs|signer|signatory)\b", folded):
        return "", ""
    # The first deputy named decides, unless a negation comes just before it ("không phải Phó Chủ tịch ký thay").
    vice = re.search(rf"\b(?:pho ({_HEAD})|(pct)|(pgd)|kt ({_HEAD})|(?:vice|deputy)[ -]?({_HEAD_EN}))\b", folded)
    if vice and not re.search(r"\b(khong phai|ko phai|k phai|not|rather than|instead of)\s+(\w+\s+){0,2}$",
                              folded[: vice.start()]):
        return "vice", _head_of(next((g for g in vice.groups() if g), ""))
    head = re.search(rf"\b({_HEAD}|chairman|chairwoman|chairperson|chair|director)\b", folded)
    return ("chair", _head_of(head.group(1))) if head else ("", "")


def _head_of(word: str) -> str:
    """The head an office names, folded: "pct", "chairman", "vice-chair" are "chu tich"; "pgd", "director" "giam doc"."""
    if word in {"pct"} or word.startswith("chair"):
        return "chu tich"
    if word in {"pgd", "director"}:
        return "giam doc"
    return word if re.fullmatch(_HEAD, word) else ""


def _signed_as(p: Plan) -> tuple[str, str]:
    """("vice", head) for a plan a deputy signs on the head's behalf ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "KT. GIÁM ĐỐC /
    PHÓ GIÁM ĐỐC"), ("chair", head) for one the head signs ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "GIÁM ĐỐC"), ("", "")
    for any other signer."""
    title = fold(p.signer_title)
    deputy = re.search(rf"\bpho ({_HEAD})\b|\bkt ({_HEAD})\b", title)
    if deputy:
        return "vice", deputy.group(1) or deputy.group(2)
    head = re.search(rf"\b({_HEAD})\b", title)
    return ("chair", head.group(1)) if head else ("", "")


# The level of the body issuing a plan, as questions name it; asked of plans only with words of issuing.
_LEVELS = {"tinh": re.compile(r"\b(provincial(?! department)|provinces?|cap tinh)\b"),
           "huyen": re.compile(r"\b(districts?|cap huyen|(?:ubnd|uy ban nhan dan) huyen)\b"),
           "xa": re.compile(r"\b(communes?|wards?|cap xa|cap phuong|(?:ubnd|uy ban nhan dan) (?:xa|phuong))\b"),
           # "do sở ban hành", "do các sở, ngành ban hành", "do sở (sở y tế, sở nnmt …) ban hành": departments as such
           "so": re.compile(r"\b(departments?|cap so|so chuyen mon|so ban hanh|do (?:cac )?so (?:so|nganh|ban hanh))\b")}
# What a question sets aside: "rather than by a province or a department", "chứ không phải UBND tỉnh".
# "… ko tính phường", "excluding wards": what is not counted is set aside too.
_SET_ASIDE = re.compile(r"\b(rather than|instead of|not by|but not|not(?= (?:(?:a|an|the|by|from) )?(?:provinc|district|commun|ward|department))|chu (?:khong|ko|k) phai|khong phai|ko phai|"
                        r"(?:khong|ko|k) (?:tinh|ke|lay)|ngoai tru|excluding|except(?: for)?|not counting|other than)\b")
_BY_LEVEL = re.compile(r"\b(level|issued by|cap|ban hanh|la cua|cua|thuoc)\b")  # "kh nào là của ubnd phường"


def _issuers(p: Plan) -> list[str]:
    """The bodies under a committee that issue a plan, each of a joint plan's too ("SỞ Y TẾ và HỘI LIÊN HIỆP PHỤ NỮ
    TỈNH": "Sở Y tế", "HỘI LIÊN HIỆP PHỤ NỮ TỈNH"); none for a committee's plan."""
    parts = [" ".join(x.split()) for x in p.issuer.split(" và ")]
    return [body for x in parts if (body := issuer_body(x) or (x if _level(x) in {"so", "other"} else ""))]


def _levels(p: Plan) -> set[str]:
    """"so" for a plan a department issues, "huyen" or "xa" for a district's or a commune's, "" for a province's; a
    joint plan's issuers each give theirs ("SỞ Y TẾ và HỘI LIÊN HIỆP PHỤ NỮ TỈNH": a department's and another body's)."""
    return {_level(" ".join(x.split())) for x in p.issuer.split(" và ")}


def _level(issuer: str) -> str:
    body = issuer_body(issuer) or (issuer if re.match(r"(?:SỞ|Sở)\s", issuer) else "")
    if body:
        return "so" if body.startswith(("Sở", "SỞ")) else "other"
    if re.match(r"(?:HỘI|BAN|ĐOÀN|LIÊN ĐOÀN|MẶT TRẬN)\s", issuer):  # a union, board or front issuing with a department
        return "other"
    m = re.search(r"\b(huyen|quan|thi xa|xa|phuong|thi tran)\s", fold(issuer))
    return {"quan": "huyen", "thi xa": "huyen", "phuong": "xa", "thi tran": "xa"}.get(m.group(1), m.group(1)) if m else ""


def _cite(p: Plan, sid: str) -> Citation:
    """A section cited whole, as Composer.cite does: the library's own assistant builds no Composer
    over all its plans (at 500 plans that alone took longer than the app may take to start)."""
    s = p.section(sid)
    assert s is not None
    text = p.text[s.start : s.end]
    return Citation(p.source, sid, s.title, text, s.start, s.end, unwrap(text), (s.start, s.end))


def _names(t: Task, role: str) -> tuple[str, ...]:
    return t.lead if role == "lead" else t.coordinate if role == "coordinate" else (*t.lead, *t.coordinate)


# A sum of money as plans write it: "186,4 tỷ đồng", "40 tỷ đồng", "500 triệu đồng".
_SUM = re.compile(r"\d[\d.,]*\s*(?:tỷ|triệu|nghìn)\s+đồng", re.I)


def _standing(p: Plan, agency: str) -> bool:
    """The plan makes the body its standing agency: "Sở Y tế là cơ quan thường trực", "giao Sở Y tế làm
    cơ quan thường trực", the name and the words within one clause."""
    text = " ".join(fold(p.text).split())
    name = " ".join(fold(agency).split())
    # "Công an tỉnh (cơ quan thường trực)", "Công an tỉnh (Cơ quan Thường trực Ban An toàn giao thông tỉnh): …" too.
    return any(re.match(r"[^.;]{0,40}?\b(?:la|lam)\s+(?:co quan\s+|don vi\s+)?thuong truc|\s*\(\s*(?:co quan|don vi)\s+thuong truc",
                        text[m.end():]) for m in re.finditer(re.escape(name), text))


def _titled(q: Query, pool: tuple[Plan, ...]) -> tuple[str, set[str]]:
    """The topic a question gives a list of plans ("có chủ đề chính là chuyển đổi số", "about drowning") and the
    plans of the pool whose titles hold it (through the glossary for English)."""
    cue = "|".join(re.escape(w) for w in list_words("topic"))  # longest first: "chủ đề chính là" before "chủ đề"
    titles = {p.source: f" {' '.join(re.findall(r'[a-z0-9]+', fold(p.title)))} " for p in pool}

    def holding(words: str) -> set[str]:
        return {src for src, title in titles.items() if words and f" {words} " in title}

    # "lấy X làm chủ đề chính": the topic stands before the cue.
    # "những kế hoạch nào về chăm sóc người cao tuổi": "về" after the documents asked for gives their topic.
    topic = re.search(r"\blay\s+([a-z][a-z ]{3,80}?)\s+lam\s+chu de\b", spelled_out(q.text)) or re.search(
        rf"\b(?:{cue}|{DOCUMENTS}(?: nao)? ve)\s+([a-z][a-z ]{{3,60}}?)\s*(?:[?.,;]|$)",
        spelled_out(q.text))
    if topic is None:
        # "which plans have digital transformation (chuyển đổi số) as the subject of their title": where the
        # question says it asks by title or subject, its longest phrase that some titles hold.
        if not re.search(rf"\b(?:{cue}|subject|title|titled|tieu de|ten)\b", spelled_out(q.text)):
            return "", set()
        said = [" ".join(re.findall(r"[a-z0-9]+", fold(x))) for x in re.findall(r"[(“\"]([^)”\"]{3,60})[)”\"]", q.text)]
        if q.style == "en":
            said += [" ".join(re.findall(r"[a-z0-9]+", fold(vietnamese(term)))) for term in content_terms(q.text)]
        found = sorted(((w, holding(w)) for w in said if " " in w), key=lambda x: -len(x[0]))
        found = [(w, h) for w, h in found if h]
        return found[0] if found else ("", set())
    phrase = " ".join(topic.group(1).split())
    words = " ".join(re.findall(r"[a-z0-9]+", fold(translate_terms(phrase)))) if q.style == "en" else phrase
    held = holding(words)
    if not held:
        # "about the health and care of older people", "về chăm sóc người cao tuổi": no title holds the words in that
        # order; the titles holding its most specific term ("người cao tuổi", the run of most syllables some title
        # holds, of the glossary's terms for English) are about it.
        if q.style == "en":
            terms = [" ".join(re.findall(r"[a-z0-9]+", fold(vietnamese(term)))) for term in content_terms(phrase)]
        else:
            said = words.split()
            terms = [" ".join(said[i:j]) for i in range(len(said)) for j in range(i + 2, len(said) + 1)
                     if " ".join(said[i:j]) not in function_pairs()]
        specific = sorted(((len(w.split()), w) for w in terms if len(w.split()) >= 2 and holding(w)), reverse=True)
        if specific:
            held = holding(specific[0][1])
    return as_typed(q.text, phrase), held



_MONTHS = month_numbers()


# "Đề nghị liệt kê …", "Xin cho biết …": a request opening a sentence, no proposal a plan was issued on.
_REQUEST = re.compile(r"(?:^|(?<=[.?!;:]))\s*(?:đề nghị|de nghi|xin|vui lòng|vui long)\b", re.I)


def _day(folded: str) -> tuple[int, int, int] | None:
    """The (year, month, day) a question names first: "18/11/2025", "ngày 18 tháng 11 năm 2025", "16 January 2026"."""
    said = [iso for iso, _ in dates_said(folded) if 1 <= int(iso[5:7]) <= 12 and 1 <= int(iso[8:]) <= 31]
    return (int(said[0][:4]), int(said[0][5:7]), int(said[0][8:])) if said else None


def _month(folded: str) -> tuple[int, int] | None:
    """The (year, month) a question names: "tháng 02/2026", "tháng 2 năm 2026", "02/2026", "February 2026"; not
    a day's date ("20/3/2024")."""
    for m in re.finditer(r"(?<![\d/])(?:thang\s+)?(\d{1,2})\s*(?:/|-|\s+nam\s+)\s*((?:19|20)\d\d)\b|\b([a-z]+)\.?\s+(?:of\s+)?((?:19|20)\d\d)\b",
                         folded):
        n = int(m.group(1)) if m.group(1) else _MONTHS.get(m.group(3) or "")
        if n is not None and 1 <= n <= 12:
            return int(m.group(2) or m.group(4)), n
    return None


def _same(agency: str, name: str) -> bool:
    """One body, as two plans write it: "Ngân hàng Chính sách xã hội" and "Ngân hàng Chính sách xã hội
    chi nhánh tỉnh Phú Lâm"."""
    a, b = squash(_unplaced(agency)), squash(_unplaced(name))
    return bool(name) and (a == b or b.startswith(a) or a.startswith(b))


def _unplaced(name: str) -> str:
    """A body's name without the province one plan adds: "Ngân hàng Chính sách xã hội chi nhánh tỉnh Bắc Sơn" is
    the bank another plan's "… chi nhánh tỉnh Phú Lâm" is, each in its own province; "UBND tỉnh" stays apart
    from "UBND các huyện"."""
    return re.sub(rf"\b(tỉnh|thành phố)(?:\s+[{UPPER}][^\W\d_]*)+\s*$", r"\1", name.strip())


__all__ = ["ask_library"]
