"""Passage answers: what a unit says, quoted; and the refusal that names the nearest units."""

from __future__ import annotations

import re

from assistant.answer import Citation
from assistant.compose.base import ComposerBase, locate, overlap
from assistant.glossary import content_terms, vietnamese
from assistant.lexicon import spelled_out
from assistant.query import Query, names_tasks
from assistant.retrieve import Hit, lexical_terms
from index.normalize import fold
from index.parse import Plan


class PassageAnswers(ComposerBase):
    def best_sentence(self, q: Query, plan: Plan, sid: str, n: int = 1) -> str:
        """The sentence of a section that shares most words with the question; with n=2 the
        best two, kept in the plan's order when they are adjacent."""
        text, sents = self._sentences(plan, sid)
        if not sents:
            return text[:300]
        terms = set(lexical_terms(q.text, q.style == "en"))

        def score(s: str) -> float:
            return overlap(terms, set(lexical_terms(s)))

        order = sorted(range(len(sents)), key=lambda i: -score(sents[i]))
        picked = order[:1]
        if n > 1 and len(order) > 1 and score(sents[order[1]]) > 0 and abs(order[1] - order[0]) == 1:
            picked = sorted(order[:2])
        elif n > 1 and len(order) > 1:
            # "… chính sách cho Bà mẹ VN anh hùng và Quỹ Đền ơn đáp nghĩa": the sentence saying most of what the best
            # one leaves unsaid, wherever it stands, where it says a phrase of it (a bigram) and more.
            rest = terms - set(lexical_terms(sents[order[0]]))
            gain = {i: overlap(rest, set(lexical_terms(sents[i]))) for i in order[1:]}
            other = max(order[1:], key=lambda i: gain[i])
            if gain[other] >= 4:
                picked = sorted([order[0], other])
        if len(picked) > 1 and picked[1] - picked[0] > 1:  # two sentences apart: each kept whole, or cut alone
            first, second = (_trimmed(sents[i], terms, 500) for i in picked)
            return f"{first} {second}" if second.startswith("…") else f"{first} … {second}"
        return _trimmed(" ".join(sents[i] for i in picked), terms, 700)

    def content_answer(self, q: Query, hits: list[Hit]) -> tuple[str, list[Citation]]:
        h = hits[0]
        # "Nhiệm vụ đào tạo nghề … ưu tiên những đối tượng nào": a question about a task is answered by the task
        # retrieval puts near the top, not by the target that shares its title's words.
        if names_tasks(q.words) and self._role(h.doc, h.section) in {"targets", "objectives"}:
            h = next((x for x in hits[1:3] if self.task(x.doc, x.section) is not None), h)
        text, cites = self.quote(q, self.plan_of(h.doc), h.section)
        # "Kế hoạch nói gì về Bà mẹ Việt Nam anh hùng", "what does the plan say about X": the other units near the
        # question that name X too (a target and the task that serves it) say what the plan says of it as much.
        topic = _topic_asked(q)
        topic = topic if topic and _names_topic(h, topic) else _run_named(h, topic)
        if topic:
            for x in [x for x in hits[1:5] if x.doc == h.doc and x.section != h.section and _names_topic(x, topic)][:2]:
                plan = self.plan_of(x.doc)
                more, c = self.quote(q, plan, x.section, self.best_sentence(q, plan, x.section))
                text, cites = f"{text} {more}", cites + c
        return text, cites

    def quote(self, q: Query, plan: Plan, sid: str, sent: str = "") -> tuple[str, list[Citation]]:
        """What a unit says: the whole unit when short, else its best two sentences (or the sentence given)."""
        en = q.style == "en"
        s = plan.section(sid)
        assert s is not None
        whole = self._sentences(plan, sid)[0].strip()
        # A short unit is quoted whole: "what is the general objective?" wants all of II.1; so is a unit whose
        # every line a list asks for ("liệt kê toàn bộ các chỉ tiêu … đến năm 2025").
        limit = 4000 if "aggregate" in q.intents else 1100
        sent = sent or (whole if len(whole) <= limit else self.best_sentence(q, plan, sid, 2))
        cites = [self.cite(plan, sid, locate(plan.text, s.start, s.end, sent))]
        label = f"{sid} ({s.title})"
        text = f"According to section {label}: “{sent}”" if en else f"Theo mục {label}: {sent}"
        # "what does the plan say about housing, and who leads it?": the task's roles asked beside what it says.
        found = self.task(plan.source, sid)
        if found is not None:
            t = found[1]
            if "lead" in q.intents and t.lead:
                text += f" Lead: {self._names(t.lead, en)}." if en else f" Chủ trì: {self._names(t.lead, en)}."
            if "coordinate" in q.intents and t.coordinate:
                text += f" Coordinating: {self._names(t.coordinate, en)}." if en else f" Phối hợp: {self._names(t.coordinate, en)}."
            if "timeline" in q.intents and t.timeline:
                text += f" Timeline: {t.timeline}." if en else f" Thời gian: {t.timeline}."
        return text, cites

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


# What a question asks the plan to say about: "nói gì về X", "đề cập gì đến X", "what does the plan say about X".
_ABOUT = re.compile(r"\b(?:noi gi ve|de cap gi (?:ve|den|toi)|quy dinh gi ve|co noi dung gi ve|neu gi ve|(?:say|says|state|states) about"
                    r"|co (?:noi|nhac|de cap) (?:den|toi|ve)"
                    r"|(?:says?|states?) (?:anything|something) about)\s+(?:the\s+)?([a-z0-9 ]{3,60}?)\s*(?:[?.,;]|$)")


def _topic_asked(q: Query) -> str:
    """What the question asks the plan to say about, folded, where it is a phrase of two words or more (of an English
    question, its Vietnamese through the glossary); "" else."""
    about = _ABOUT.search(spelled_out(q.text) if q.style != "en" else " ".join(re.findall(r"[a-z0-9]+", q.text.lower())))
    if not about:
        return ""
    said = about.group(1)
    if q.style == "en":
        terms = sorted((" ".join(re.findall(r"[a-z0-9]+", fold(vietnamese(t)))) for t in content_terms(said)), key=len)
        said = terms[-1] if terms else ""
    topic = " ".join(re.findall(r"[a-z0-9]+", said))
    return topic if len(topic.split()) >= 2 else ""


def _run_named(h: Hit, topic: str) -> str:
    """The longest run of three words or more of the topic asked that the hit writes ("ba me viet nam anh hung" of
    "chinh sach ho tro ba me viet nam anh hung a"), "" where none."""
    words = topic.split()
    for n in range(len(words) - 1, 2, -1):
        for i in range(len(words) - n + 1):
            if _names_topic(h, run := " ".join(words[i:i + n])):
                return run
    return ""


def _names_topic(h: Hit, topic: str) -> bool:
    """The hit's text writes the topic, folded, as a run of whole words."""
    return f" {topic} " in f" {' '.join(re.findall(r'[a-z0-9]+', fold(h.text)))} "


def _trimmed(sentence: str, terms: set[str], limit: int) -> str:
    """A sentence as quoted: whole when short; else cut to `limit` around its clause (parted by ";") that says most of
    the question's words ("…; cơ bản chấm dứt các dịch bệnh AIDS, lao và loại trừ sốt rét." of a long bullet of
    health targets), not always its head."""
    if len(sentence) < limit:
        return sentence
    clauses = re.split(r"(?<=;)\s+", sentence)
    scores = [overlap(terms, set(lexical_terms(c))) for c in clauses]
    best = max(range(len(clauses)), key=lambda i: scores[i])
    if best == 0 or scores[best] <= scores[0]:
        return sentence[:limit].rsplit(" ", 1)[0] + "…"
    # The clause and those before it that fit: read up to it, the start cut.
    kept = clauses[best]
    for c in reversed(clauses[:best]):
        if len(c) + len(kept) + 1 > limit:
            break
        kept = f"{c} {kept}"
    kept = kept if len(kept) < limit else kept[:limit].rsplit(" ", 1)[0] + "…"
    return "… " + kept
