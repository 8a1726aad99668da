"""Mention answers: the tasks whose own words name what the question asks about, quoted."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from assistant.answer import Citation
from assistant.compose.base import locate, marked, run_pattern, titled, wording
from assistant.compose.passages import PassageAnswers
from assistant.glossary import expand_tokens, translate_terms
from assistant.lexicon import intent_tokens, phrases, says, spelled_out
from assistant.query import Query, bracket_readings, names_tasks
from index.genre import words as genre_words
from index.normalize import fold, has_diacritics, tokens, unwrap
from index.parse import Plan, Task


class MentionAnswers(PassageAnswers):
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
        # … save the plan's own words quoted in one as an example ("(kiểu "khi tỉnh cân đối được ngân sách")"): a
        # task saying them names it too.
        quoted = [x for b in re.findall(r"\([^)]*\)?", q.text) for x in re.findall(r"[“\"'‘]([^”\"'’]{6,120})[”\"'’]", b)]
        # Sentences after the last that asks instruct ("… ban hành? Đề nghị liệt kê đầy đủ và nêu rõ nhiệm vụ tương
        # ứng."): their verbs ("nêu rõ") are no verbs of mentioning.
        if "?" in text.rstrip()[:-1]:
            text = text[: text.rindex("?") + 1]
        # Commas stay: they divide "xem xét, ban hành chính sách" into two phrases.
        said = text.lower() if q.style == "en" else marked(text, ",")
        m = _MENTION.search(said)
        if not m or (least < 3 and not names_tasks(q.words)):  # asks for tasks, not what it says
            return "", []
        # "mọi chỗ nhắc đến trẻ em, cả ở phần chỉ tiêu và phần nhiệm vụ", "cả ở mục tiêu lẫn nhiệm vụ", "targets and
        # tasks alike": places in several parts (mention_units).
        if (_PARTS_NAMED.search(q.words) and re.search(r"\b(?:phan|muc|part|section)\s+(?:muc tieu|chi tieu|objectives?|targets?)\b",
                                                     q.words)) or _BOTH_PARTS.search(q.words):
            return "", []
        # "liệt kê mọi chỉ tiêu và mọi nhiệm vụ có đề cập X": targets named beside tasks before the verb, the same.
        before = said[: m.start()]
        if re.search(rf"\b{_TARGETS_WORD}\b", before) and re.search(rf"\b{_TASKS_WORD}\b", before):
            return "", []
        what = m.group("what")
        # "Báo Quảng Ngãi và Đài PT-TH tỉnh được nhắc đến ở nhiệm vụ nào": what is named comes before the verb, and
        # the words after it ask where ("ở nhiệm vụ nào" is no "ô nhiễm").
        if _PASSIVE_WHERE.match(what):
            what = re.sub(r"\b(?:co )?(?:duoc|dc|bi)\s*$", "", text[: m.start()].strip() if q.style == "en" else marked(text, ",")[: m.start()]).strip()
        phrase = re.split(r"\b(moi|please|list|and give|va cho|de |so that|for me|giup|liet ke|kem)\b", what)[0]
        # "… Bà mẹ Việt Nam anh hùng không, cụ thể thế nào": the question's tail names nothing.
        phrase = re.split(r"\b(khong|ko|chua|cu the|the nao|nhu the nao|or not|and if|if so)\b", phrase)[0]
        if re.match(r"\s*(dong |cung )?(chu tri|phoi hop)\b", phrase):
            return "", []  # "nhiệm vụ nào phải đồng chủ trì với sở khác": a question of roles
        pool = [(p, t) for p in self.plans for t in p.work() if within is None or t in within]
        named = self.directory.find(phrase) if least < 3 else []  # "bảo hiểm xã hội tự nguyện" is no agency
        if named:  # "which tasks mention the Department of Finance": as lead, coordinator or in the text
            names = list(dict.fromkeys(a.name for a in named))
            return " / ".join(names), [t for p, t in pool if set(names) & set(self._task_agencies[(p.source, t.id)])]
        shown: list[str] = []
        found: list[Task] = []
        head: list[str] = []
        for part in [*re.split(r"\s*(?:,|\bhoac\b|\bor\b|\bva\b|\band\b)\s*", phrase), *map(fold, quoted)]:
            # English questions may name the plan's own words ("call for chuyển đổi số").
            # Staff's abbreviations are the words they stand for ("đồng bào dtts": "đồng bào dân tộc thiểu số").
            words = tokens(translate_terms(part)) if q.style == "en" and not has_diacritics(part) else expand_tokens(part, False)
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
                    said = wording([unwrap(p.body(t.id)) for p, t in hits], span)
                    shown += [said] if said not in shown else []
                    found += [t for _, t in hits if t not in found]
        return " / ".join(shown), [t for _, t in pool if t in found]

    def mention_units(self, q: Query) -> tuple[str, list[tuple[Plan, str]]]:
        """Where the plans name what the question asks about ("người cao tuổi được nhắc đến ở những mục
        nào", "where does the plan mention social housing"): every unit of their text that holds it, a
        target or a duty as much as a task. What is asked about follows the verb that asks it ("nhắc đến
        X") or, where nothing follows, comes before it ("X được nói đến ở đâu"); with no such verb it is
        the question less the words asking where. A unit must hold the phrase, or a run of half its
        words or more, in a row."""
        # "những nhiệm vụ nào nhắc đến X" asks for tasks (mention_tasks); "cả ở phần mục tiêu lẫn phần nhiệm vụ" names parts.
        parts_named = _PARTS_NAMED.sub(" ", q.words)
        # "cả trong chỉ tiêu lẫn trong nhiệm vụ", "in the targets, in the tasks, or both": tasks named beside targets
        # ask every unit.
        both = re.search(r"\b(chi tieu|muc tieu|targets?|goals?)\b", q.words) is not None
        # "Mục III.6 nhắc đến công nhân ở điểm nào": a verb of mentioning asks which point too ("vào thời điểm nào" asks
        # a time).
        # "liệt kê mọi chỉ tiêu và mọi nhiệm vụ có đề cập X": a verb of mentioning over targets and tasks both asks
        # every unit too.
        where = says(q.text, "where_in_plan") or (_MENTION.search(q.words) is not None and (
            _AT_UNIT.search(q.words) is not None or (both and re.search(r"\b(nhiem vu|nv|tasks?)\b", q.words) is not None)))
        if not where or (re.search(r"\b(nhiem vu|nv|tasks?)\b", parts_named) and not both):
            return "", []
        # "khai mạc mấy h ở đâu" asks a place in the world: "ở đâu" asks one in the plan with a verb of saying or
        # the document named ("được nhắc ở đâu", "ở đâu trong kế hoạch").
        if not _MENTION.search(q.words) and not re.search(r"\b(trong|in) (ke hoach|kh|van ban|the plan|the document)\b", q.words) \
                and not re.search(r"\b(muc|phan|doan|sections?|parts?|passages?|nhung cho|cac cho)\b", q.words):
            return "", []
        if has_diacritics(q.text) and not re.search(r"(?i)ở đâu|chỗ nào|(?:những|các|mọi) chỗ|mọi nơi|mục nào|phần nào|đoạn nào|ở điểm nào|ở khoản nào|"
                                                    r"(?:tất cả các|mọi) mục|(?:tất cả các|mọi) (?:chỉ tiêu|mục tiêu|nhiệm vụ)|\b(?:where|sections?)\b", q.text):
            return "", []  # "đến năm 2030 đặt mức nào" asks a level, not a section
        en = q.style == "en"
        # In English "where" asks a place in the plan with a verb of saying ("where does it say", "where is X
        # mentioned"), "where in the plan", or a section asked; not "where does the money come from".
        if en and not (_MENTION.search(q.words) or re.search(r"\b(where in|(?:which|what) (?:sections?|parts?|provisions?|paragraphs?|clauses?)|"
                                                            r"every (?:section|provision|paragraph|clause)|"
                                                            r"all (?:the )?(?:sections|provisions|paragraphs|clauses)|mentioned|addressed|discussed|"
                                                            r"referred to|covered)\b", q.words)):
            return "", []
        # "người già (người cao tuổi)": what the question names, else what its bracket says it in other words.
        for text in bracket_readings(q.text):
            found = self._units_naming(_PARTS_NAMED_MARKED.sub(" ", re.sub(r"\([^)]*\)?", " ", text)), en)
            if found[1]:
                return found
        return "", []

    def _units_naming(self, text: str, en: bool) -> tuple[str, list[tuple[Plan, str]]]:
        """The units naming what a question's words (`text`, brackets cut) ask the whereabouts of (mention_units)."""
        folded = " " + spelled_out(text.lower() if en else text) + " "
        m = _MENTION.search(folded)
        # "cụm từ X xuất hiện ở đâu": what appears comes before the verb.
        subject = _bare(_asked(folded[: m.start()])) if m and _APPEARS.fullmatch(m.group(1)) else ""
        # "nhắc tới người cao tuổi: cụm từ … xuất hiện ở những mục nào": a colon ends what is named.
        what = m.group("what") if m else ""
        head = re.split(r"[:;]", what)[0]
        raw = subject or (_asked(head if len(_bare(head).split()) >= 2 else what) if m else "")
        phrase = _bare(raw)
        if m and not phrase:
            phrase = _bare(folded[: m.start()])
        if not m:
            phrase = _bare(_asked(folded))
        if not phrase:
            return "", []
        named = self.directory.find(phrase)
        # "which sections mention the Department of Finance"; not "Sở Y tế tổ chức hội nghị ở đâu".
        named = named if named and not _bare(self.directory.unnamed(phrase)) else []
        units = [(p, s.id) for p in self.plans for s in p.sections
                 if s.has_body and s.kind not in {"header", "recipients", "signature", "title"}]
        if named:  # "which sections mention the Department of Finance"
            a = named[0]
            return a.name, [(p, sid) for p, sid in units if a in self.directory.find(p.body(sid))]
        # The phrase whole, else each of the phrases joined by "hoặc", "or", "và", commas (in English, each term the
        # glossary puts into the plan's words): a unit naming any counts, those naming most of them first.
        if en:
            from assistant.glossary import glossed

            parts = [vi for _, _, vi in glossed(phrase, general=False)] or [phrase]
        else:
            # Split where the question's commas are ("công nhân, cả ở phần mục tiêu lẫn …": what is named comes first).
            parts = [x for y in re.split(r"\s*(?:,|\bhoac\b|\bor\b|\bva\b|\band\b)\s*", raw if raw and phrase == _bare(raw) else phrase)
                     if len((x := _bare(y)).split()) >= 2]
        whole = tokens(translate_terms(phrase) if en else phrase)
        said, hits = self._longest_in(whole, units)
        if hits and len(said.split()) >= len(whole):
            return said, hits
        counts: dict[tuple[Plan, str], list[str]] = {}
        weight: dict[str, float] = {}
        for part in parts:
            said, hits = self._longest_in(tokens(part), units)
            # A phrase few units name tells more than one many do ("suy dinh dưỡng" more than "trẻ em").
            weight[said] = math.log((len(units) + 1) / (len(hits) or 1))
            for u in hits:
                counts.setdefault(u, []).append(said) if said not in counts.get(u, []) else None
        if not counts:
            return "", []
        # Units naming the telling phrases outrank those naming a common one ("inclusive education for children with
        # disabilities": the unit saying "giáo dục hòa nhập", not every unit naming children); "malnutrition or
        # stunting" keeps each unit naming either.
        score = {u: sum(weight[x] for x in said) for u, said in counts.items()}
        top = max(score.values())
        # "bảo hiểm xã hội, bảo hiểm thất nghiệp hoặc lương hưu": phrases offered as alternatives, each unit naming any.
        either = re.search(r"\b(hoac|or)\b", fold(raw or phrase)) is not None
        kept = [u for u in units if u in score and (either or score[u] * 2 >= top)]
        shown = list(dict.fromkeys(x for u in kept for x in counts[u]))
        return " / ".join(shown), kept

    def _longest_in(self, words: list[str], units: list[tuple[Plan, str]]) -> tuple[str, list[tuple[Plan, str]]]:
        """The longest run of the words, half of them or more, that some unit holds, as the plan words it, and
        the units holding it."""
        least = max(1 if len(words) == 1 else 2, (len(words) + 1) // 2)
        span, hits = _longest(words, units, self._unit_words, least, ends=True)
        return (wording([unwrap(p.body(sid)) for p, sid in hits], span), hits) if hits else ("", [])

    def _unit_words(self, plan: Plan, sid: str) -> str:
        key = (plan.source, sid)
        if key not in self._words_of:
            self._words_of[key] = marked(unwrap(plan.body(sid)))
        return self._words_of[key]

    def unit_mention_list(self, q: Query, phrase: str, units: list[tuple[Plan, str]]) -> tuple[str, list[Citation]]:
        """The units naming the phrase, each with its first sentence that does where there are four or fewer."""
        en = q.style == "en"
        # Where each unit is quoted, each is quoted with every sentence naming the phrase ("người có công" in a
        # target's clause on their living standard and in its clause on their houses), up to three.
        named = [self._naming(p, sid, phrase, every=3 if len(units) <= 4 else 1) for p, sid in units]
        # A unit naming several of the phrases is quoted with the sentence naming each.
        pieces = phrase.split(" / ")
        named = [(c, " … ".join(dict.fromkeys(x for x in (self._naming(p, sid, w)[1] for w in pieces) if x)) or sent)
                 if len(pieces) > 1 else (c, sent) for (p, sid), (c, sent) in zip(units, named, strict=True)]
        quote = len(units) <= 4

        def title(p: Plan, sid: str) -> str:
            s = p.section(sid)
            return f"{sid} ({s.title})" if s is not None and s.title else sid

        # Each task's lead beside it ("… kèm cơ quan chủ trì", and whoever reads where the plan speaks of housing asks
        # who answers for it there).
        leads = {(p.source, t.id): t.lead for p, _ in units for t in p.work()}

        def led(p: Plan, sid: str) -> str:
            lead = leads.get((p.source, sid))
            return f" — {'lead' if en else 'chủ trì'}: {self._names(lead, en)}" if lead else ""

        # More units than that: each with the words around the phrase, so each place can be told apart.
        items = "; ".join(title(p, sid) + led(p, sid) + (f": “{sent if quote else _around(sent, pieces)}”" if sent else "")
                          for (p, sid), (_, sent) in zip(units, named, strict=True))
        stop = "" if items.endswith("”") else "."
        n = len(units)
        text = (f"The plan mentions “{phrase}” in {n} section{'s' if n > 1 else ''}: {items}{stop}" if en
                else f"Kế hoạch nhắc đến “{phrase}” ở {n} mục: {items}{stop}")
        return text, [c for c, _ in named]

    def _longest_named(self, words: list[str], pool: list[tuple[Plan, Task]]
                       ) -> tuple[list[str], list[tuple[Plan, Task]]]:
        """The longest run of the words, two or more, that some task names, and the tasks naming it."""
        return _longest(words, pool, lambda p, t: self._task_words[(p.source, t.id)], 2, ends=False)

    def shared_run_tasks(self, q: Query) -> tuple[str, list[Task]]:
        """"những nội dung nào Kế hoạch giao trình HĐND tỉnh ban hành chính sách", "các nhiệm vụ chỉ thực hiện khi
        tỉnh cân đối được ngân sách": tasks asked for with no verb of mentioning are those holding the longest run of
        the question's own words (three or more, two of them no asking words) that two tasks or more hold
        and most do not: the plan's wording the question repeats."""
        pool = [(p, t) for p in self.plans for t in p.work()]
        if q.style == "en" or len(pool) < 4:
            return "", []
        words = expand_tokens(re.sub(r"\([^)]*\)?", " ", q.text), False)
        common = intent_tokens()
        for n in range(len(words), 2, -1):
            for i in range(len(words) - n + 1):
                span = words[i:i + n]
                if "" in span or span[0] in _LEADING or span[-1] in _LEADING or sum(w not in common for w in span) < 2:
                    continue
                needle = re.compile(run_pattern(span, loose=False))
                hits = [(p, t) for p, t in pool if needle.search(self._task_words[(p.source, t.id)])]
                # "các nhiệm vụ giao cho Ủy ban nhân dân phường Tân Hà": a run that ends a body's name asks that body's work.
                at = re.search(run_pattern(span, loose=False), " " + " ".join(words) + " ")
                before = " ".join(" ".join(words)[: at.start()].split()[-3:]) if at else ""
                if 2 <= len(hits) <= len(pool) // 2 and not _body_heads().search(before):
                    return wording([unwrap(p.body(t.id)) for p, t in hits], span), [t for _, t in hits]
        return "", []

    def mention_list(self, q: Query, phrase: str, tasks: list[Task]) -> tuple[str, list[Citation]]:
        en = q.style == "en"
        rows = [(p, t) for p in self.plans for t in p.work() if t in tasks]
        leads = "lead" in q.intents  # "… kèm sở chủ trì", "with its lead department"
        # "… có nói đến X không, và việc này thực hiện từ khi nào": each task's time beside it.
        timed = "timeline" in q.intents
        named = [self._naming(p, t.id, phrase) for p, t in rows]
        # A body named only in a role line ("- Cơ quan phối hợp thực hiện: …, Báo Quảng Ngãi; …") is quoted from it.
        named = [(c, sent or _role_line(p, t, phrase)) for (p, t), (c, sent) in zip(rows, named, strict=True)]
        # Up to three tasks: the sentence itself, which answers "does the plan mention X" too; more: the words around
        # the phrase, so each place can be told apart.
        quote = len(rows) <= 3
        items = "; ".join(f"{t.id} ({titled(t)})" + (f" — {'lead' if en else 'chủ trì'}: {self._names(t.lead, en)}"
                                                    if leads else "") + _roles_of(phrase, t, en)
                          + (f" — {'timeline' if en else 'thời gian'}: {t.timeline}" if timed and t.timeline else "")
                          + (f": “{sent if quote else _around(sent, phrase.split(' / '))}”" if sent else "")
                          for (_, t), (_, sent) in zip(rows, named, strict=True))
        stop = "" if items.endswith("”") else "."  # a quoted sentence ends with its own stop
        text = (f"{len(rows)} task{'s mention' if len(rows) > 1 else ' mentions'} “{phrase}”: {items}{stop}" if en
                else f"Có {len(rows)} nhiệm vụ nhắc đến “{phrase}”: {items}{stop}")
        return text, [c for c, _ in named]

    def _naming(self, plan: Plan, sid: str, phrase: str, every: int = 1) -> tuple[Citation, str]:
        """A unit cited with its first sentence that names the phrase (any of "a / b") lit, and that sentence ("" when
        none does); with `every` above one, up to that many of its sentences that name it, joined by " … "."""
        s = plan.section(sid)
        assert s is not None
        needles = [re.compile(run_pattern(w, loose=len(w) >= 4)) for w in (tokens(x) for x in phrase.split(" / ")) if w]
        # The sentence naming most of the phrases first ("chi trả trợ cấp không dùng tiền mặt cho người có công …, đối
        # tượng bảo trợ xã hội" for both), then in the plan's order.
        counts = [(sum(bool(n.search(marked(sent))) for n in needles), k, sent) for k, sent in enumerate(self._sentences(plan, sid)[1])]
        said = [sent for c, _, sent in sorted(counts, key=lambda x: (-x[0], x[1])) if c][:every]
        if said:
            return self.cite(plan, sid, locate(plan.text, s.start, s.end, said[0])), " … ".join(said)
        return self.cite(plan, sid), ""


def _role_line(plan: Plan, t: Task, phrase: str) -> str:
    """The words of the task that give a body of the phrase its role (its role line, cell or bracket), "" where
    the phrase names no body of the task's roles."""
    names = phrase.split(" / ")
    for n, role in ((0, t.lead), (1, t.coordinate)):
        a, b = t.spans[n] if len(t.spans) > n else (0, 0)
        if b > a and any(x in role for x in names):
            line = " ".join(unwrap(plan.text[a:b]).split()).strip(" -;.")
            return line if len(line) <= 400 else ""
    return ""


def _roles_of(phrase: str, t: Task, en: bool) -> str:
    """The role in the task of each body the phrase names that leads it or takes part in it ("Báo Quảng Ngãi:
    phối hợp"), "" for a phrase naming none."""
    said = [(name, "lead" if name in t.lead else "coordinate") for name in phrase.split(" / ")
            if name in t.lead or name in t.coordinate]
    words = {"lead": ("lead", "chủ trì"), "coordinate": ("coordinates", "phối hợp")}
    return "".join(f" — {name}: {words[role][0 if en else 1]}" for name, role in said)


_U = TypeVar("_U")  # what a pool holds: a task, or a unit's id

# "…nhắc đến X", "…mention X": X is what the tasks must name.
# Parts named as where to look, not what to look for: "cả ở phần mục tiêu lẫn phần nhiệm vụ", "in the targets section".
_PARTS_NAMED = re.compile(r"\b(?:phan|muc|part|section)\s+(?:nhiem vu|muc tieu|chi tieu|tasks?|objectives?|targets?)\b")
_PARTS_NAMED_MARKED = re.compile(r"(?i)\b(?:cả\s+|ca\s+)?(?:ở\s+|o\s+|trong\s+|in\s+(?:the\s+)?)?(?:phần|mục|phan|muc|part|section)\s+"
                                 r"(?:nhiệm vụ|mục tiêu|chỉ tiêu|nhiem vu|muc tieu|chi tieu|tasks?|objectives?|targets?)\b")
_MENTION = re.compile(
    r"\b(nhac den|nhac toi|nhac gi (?:den|toi|ve)|de cap den|de cap toi|de cap gi (?:den|toi|ve)|de cap|"
    r"co noi ve|co noi(?! dung)|noi den|noi ve|lien quan(?: den| toi)?|neu ro|xuat hien|"
    r"mention|mentions|mentioning|refer to|refers to|deal with|deals with|relate to|relates to|involve|involves|"
    r"address|addresses|touch on|touches on|"
    r"talk about|talks about|discuss|discusses|cover|covers|require|requires|call for|calls for|co yeu cau|"
    r"co noi dung|say anything about|says anything about|anything about|uses? the (?:term|word|phrase)|"
    # (within its own part: "… chủ trì nhiệm vụ nào và phải báo cáo trước ngày nào" asks a second thing)
    r"(?:nhiem vu|noi dung|viec|diem) nao (?:(?!va |and )\w+ ){0,3}?(?:phai|can)"
    # "những nội dung nào trong Kế hoạch giao tham mưu trình HĐND": the tasks that assign it ("giao" of assigning, not
    # of "giáo dục", "giao thông")
    r"|(?:nhiem vu|noi dung|viec|diem) nao (?:(?!va |and )\w+ ){0,4}?(?:duoc )?giao (?:cho|tham muu|nhiem vu|trach nhiem|"
    r"(?=trinh (?:hdnd|ubnd|hoi dong|chu tich))))"
    r"\b(?P<what>.+)"
)
@cache
def _body_heads() -> re.Pattern[str]:
    """The first words of bodies' names (genre.toml [bodies] heads), folded, closing a text: the run after them is the
    rest of a name ("ủy ban nhân dân | phường Tân Hà"), not "UBND tỉnh sẽ | trình HĐND tỉnh"."""
    heads = sorted({fold(h).lower() for h in genre_words("bodies", "heads")}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(h) for h in heads) + r")(?:\s+nhan dan)?\s*$")


_TARGETS_WORD = r"(?:muc tieu|chi tieu|targets?|objectives?|goals?)"
_TASKS_WORD = r"(?:nhiem vu|nv|tasks?)"
_BOTH_PARTS = re.compile(rf"\b(?:ca|both)\b(?:\s+\w+){{0,3}}?\s+(?:{_TARGETS_WORD}\s+(?:lan|va|and|cung nhu|as well as)\s+(?:\w+\s+){{0,2}}?"
                         rf"{_TASKS_WORD}|{_TASKS_WORD}\s+(?:lan|va|and|cung nhu|as well as)\s+(?:\w+\s+){{0,2}}?{_TARGETS_WORD})\b"
                         rf"|\b{_TARGETS_WORD}\s+and\s+{_TASKS_WORD}\s+alike\b")
# "ở (những) điểm nào", "tại khoản nào": a unit of the plan asked for by its kind.
_AT_UNIT = re.compile(r"\b(?:o|tai|trong)\s+(?:nhung\s+|cac\s+)?(?:diem|khoan|tiet)\s+nao\b")
# A verb whose subject is what the plan names: "cụm từ X xuất hiện ở những mục nào".
_APPEARS = re.compile(r"xuat hien")
# Words after a verb of mentioning that ask where, not what: "(được nhắc đến) ở (những) nhiệm vụ nào", "in which tasks".
_PASSIVE_WHERE = re.compile(r"\s*(?:o|trong|tai|in|at|under)\s+(?:(?:nhung|cac|which|what)\s+)?(?:nhiem vu|nv|muc|phan|tasks?|"
                            r"sections?|items?|parts?)\b")
# Words that frame a question about where the plan says something, not what it says: cut from its ends.
_FRAME = re.compile(
    # "ở những mục nào", "ở tất cả những phần, mục nào"
    r"\b(o dau|o cho nao|cho nao|o (?:tat ca\s+)?(?:(?:nhung|cac)\s+)?(?:(?:muc|phan|doan|diem|khoan|tiet|noi dung|cho)\s+)+nao|"
    r"(?:tat ca\s+)?(?:(?:nhung|cac)\s+)?(?:(?:muc|phan|doan|diem|khoan|tiet)\s+)+nao|"
    r"trong (?:ban |toan van )?ke hoach(?: nay)?|cua ke hoach(?: nay)?|ke hoach(?: nay)?|van ban(?: nay)?|"
    r"in the plan|of the plan|the plan|this plan|in the document|where|which sections?|what sections?|which parts?|"
    r"what parts?|every section|all sections|all the sections|all parts|sections?|list|liet ke|explicitly|cu the)\b")
_EDGE = {"duoc", "bi", "co", "khong", "ko", "la", "va", "does", "do", "is", "are", "was", "of", "that", "which", "the",
         "a", "an", "to", "in", "on", "about", "nhung", "cac", "nao", "gi", "dau", "ve", "den", "toi", "s", "nam",
         # the verbs of being mentioned, where no verb _MENTION reads comes with them ("sở tc dc nhắc ở mục nào")
         "dc", "nhac", "neu", "noi", "mentioned", "named", "appear", "appears", "referred", "found", "discussed"}


def _longest(words: list[str], pool: list[tuple[Plan, _U]], text_of: Callable[[Plan, _U], str], least: int,
             ends: bool) -> tuple[list[str], list[tuple[Plan, _U]]]:
    """The longest run of the words, `least` or more, whose pattern some item's words (text_of) hold, and the items
    holding it; a run never starts (nor, with `ends`, ends) on a word that only leads into a phrase. A run of four
    words or more may have up to two words inside it in the plan ("lao động [trong] khu vực phi chính thức")."""
    for n in range(len(words), least - 1, -1):
        for i in range(len(words) - n + 1):
            span = words[i:i + n]
            if span[0] in _LEADING or (ends and span[-1] in _LEADING):
                continue
            needle = re.compile(run_pattern(span, loose=n >= 4))
            hits = [(p, x) for p, x in pool if needle.search(text_of(p, x))]
            if hits:
                return span, hits
    return [], []


def _asked(text: str) -> str:
    """What a question asks about, less its tail ("… không, và nội dung đó nằm ở phần nào", "… If so, where?") and
    what it says of the answer's form ("…, ghi rõ mục, điểm và nội dung liên quan": lexicon.toml [lists] answer_form)."""
    text = re.split(r"\b(khong|ko|chua|neu co|if so|and if|or not|cu the|the nao|nhu the nao)\b", text)[0]
    form = phrases("answer_form").rx
    if form is not None and (m := form.search(text)) and m.start() > 0:
        text = text[: m.start()]
    # "…, tính cả phần mục tiêu lẫn phần nhiệm vụ, giải pháp": the parts to look in, no words of what is asked.
    within = phrases("including").rx
    if within is not None and (m := within.search(text)) and m.start() > 0 and re.match(
            r"\s*(?:cac\s+|o\s+|trong\s+)?(?:phan|muc|part|parts|section|sections)\b", text[m.end():]):
        text = text[: m.start()]
    return re.split(r"[?.!]", text)[0]


def _bare(text: str) -> str:
    """What a question asks the whereabouts of, less the words that ask where and those that frame it."""
    words = _FRAME.sub(" ", re.sub(r"[^\w\s-]", " ", text)).split()
    while words and words[0] in _EDGE:
        words.pop(0)
    while words and words[-1] in _EDGE:
        words.pop()
    return " ".join(words)


_LEADING = {"den", "toi", "ve", "viec", "cac", "nhung", "phai", "la", "the", "a", "an",
            "day", "manh", "tang", "cuong", "thuc", "hien"}  # "đẩy mạnh", "tăng cường", "thực hiện" X: X


def _around(sentence: str, phrases: list[str], before: int = 6, after: int = 8) -> str:
    """The words of a sentence around the first of the phrases it names: "… chăm sóc trẻ em mồ côi, trẻ em có
    hoàn cảnh …"; the sentence whole when short or when it names none."""
    words = sentence.split()
    if len(words) <= before + after + 4:
        return sentence
    folded = [fold(w).strip(".,;:()“”\"") for w in words]
    for phrase in phrases:
        want = fold(phrase).split()
        for i in range(len(folded) - len(want) + 1):
            if folded[i : i + len(want)] == want:
                a, b = max(0, i - before), min(len(words), i + len(want) + after)
                return ("… " if a else "") + " ".join(words[a:b]) + (" …" if b < len(words) else "")
    return sentence

