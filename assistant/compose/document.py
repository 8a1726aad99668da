"""Document answers: facts of the plan as a document (number, date, signer, bases, recipients …)."""

from __future__ import annotations

import re

from assistant.answer import Citation
from assistant.compose.base import ComposerBase
from assistant.glossary import translate_terms
from assistant.lexicon import says
from assistant.query import Query, asks_document
from index.header import OFFICE
from index.normalize import canon, fold, unwrap
from index.parse import Plan


class DocumentAnswers(ComposerBase):
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

    def names_basis(self, q: Query) -> bool:
        """True when the question names one of the plan's legal bases and asks a fact of a document."""
        return bool(self.named_bases(q))

    def named_bases(self, q: Query) -> list[str]:
        """The plan's legal bases the question names while asking a fact of a document: by code ("42-NQ/TW"), by kind
        and number ("Nghị quyết 42", "Resolution 42", "chương trình hành động 43"), or by a name of three words or more
        ("Luật Tổ chức chính quyền địa phương")."""
        if not any(says(q.text, f"facts.{k}") for k in ("when", "who", "number", "session", "issuer", "title")):
            return []
        words = fold(q.text)
        out = []
        for basis in self.plan.legal_bases:
            m = re.match(r"(.+?)\s+số\s+(\d+)([\w/.\-]*)", basis)
            if not m:
                continue
            kind, number, code = " ".join(fold(m.group(1)).split()[:2]), m.group(2), fold(m.group(2) + m.group(3))
            name = " ".join(fold(m.group(1)).split())
            if re.search(rf"(?<![\w/-]){re.escape(code)}(?![\w/-])", words) or (
                    len(name.split()) >= 3 and re.search(rf"\b{re.escape(name)}\b", words)):
                out.append(basis)
                continue
            # The words before the number name its kind, in Vietnamese or, through the glossary, English.
            for n in re.finditer(rf"((?:[^\W\d_]+\s+){{1,3}})(?:so\s+|no\.?\s*)?{number}\b", words):
                before = n.group(1)
                if kind in before or (q.style == "en" and kind in fold(translate_terms(before))):
                    out.append(basis)
                    break
        return out

    def meta_answer(self, q: Query) -> tuple[str, list[Citation]] | None:
        """Facts about the document itself; every fact the question asks for, in one answer
        ("số ký hiệu, ngày ban hành và người ký")."""
        p, en = self.plan, q.style == "en"
        head = [self.cite(p, "header")] if p.section("header") else []
        header = unwrap(p.body("header")) if p.section("header") else ""
        date_vi = self._date_vi(p)
        # "ký ban hành ngày tháng năm nào" asks for the date; "ai ký" for the signer.
        # The phrasings of each fact are lexicon.toml's [facts]; "ký" is the verb unless "ký hiệu" follows.
        def asks(fact: str) -> bool:
            return says(q.text, f"facts.{fact}")

        asks_when = asks("when")
        # Punctuation kept: "ai ký, hiệu lực từ khi nào" asks the signer; "ký hiệu" is the number.
        # "ký ban hành ngày nào" asks the date, and the signer beside it costs nothing; "Đúng hay sai: … do Chủ
        # tịch trực tiếp ký" needs him.
        signs = bool(re.search(r"\bky\b(?! hieu\b)", fold(q.text))) or asks("signs")
        parts: list[tuple[str, list[Citation]]] = []
        # "viện dẫn Luật Tổ chức chính quyền địa phương số hiệu nào, ngày nào", "QĐ 412 ban hành ngày nào, về nội dung
        # gì": the facts asked are of the documents named, as the plan cites them, not of the plan.
        asked_bases = [b for b in self.named_bases(q) if not (p.number and p.number in b)]
        if asked_bases:
            based = [x for x in p.sections if x.role == "bases" and x.kind == "part"]
            stated = canon(" ".join([header, *(unwrap(p.body(x.id)) for x in based)]))
            lst = "; ".join(_with_issuer(stated, b) + _subject(stated, b) for b in asked_bases)
            parts.append(((f"The plan cites: {lst}." if en else f"Kế hoạch viện dẫn: {lst}."),
                          head + [self.cite(p, x.id) for x in based]))
        # The plan's own number and date beside them: "CTr 43 ký ngày nào, còn UBND tỉnh ban hành KH 65 ngày nào", "văn
        # bản triển khai CTr 43 có số hiệu là gì" ask the plan's too.
        if p.number and (asks_when or asks("number")):
            kind = {"Quyết định": "Decision", "Chương trình hành động": "Action programme", "Kế hoạch liên tịch": "Joint plan", "Chương trình": "Programme"}.get(
                p.doc_type, "Plan")
            parts.append(((f"{kind} number {p.number}, dated {date_vi} ({p.date})." if en
                           else f"{p.doc_type or 'Kế hoạch'} số {p.number}, ban hành {date_vi}."), head))
        if signs and p.signer and p.section("signature"):
            names, titles = p.signer.split("; "), p.signer_title.split("; ")
            if len(names) > 1 and len(names) == len(titles):  # a joint plan's signers, each in their capacity
                who = "; ".join(f"{n} ({t})" for n, t in zip(names, titles, strict=True))
            else:
                who = p.signer + (f" ({p.signer_title})" if p.signer_title else "")
            parts.append(((f"The plan was signed by {who}." if en else f"Người ký: {who}."), [self.cite(p, "signature")]))
        if asks("proposal"):
            if p.proposer:
                who, sub = p.proposer, p.proposal
                # "theo đề nghị của Giám đốc Công an tỉnh": the head of the body proposes, as the plan says.
                office = re.search(r"đề nghị của\s+(?:(?:ông|bà)\s+)?(" + OFFICE + r")\s+", canon(header))
                named = f"{office.group(1)} {who}" if office else who
                # as the header writes it: "Trưởng phòng Kinh tế", not "Trưởng Phòng Kinh tế"
                said = re.search(re.escape(named), canon(header), re.I)
                named = said.group(0) if said else named
                english = self.directory.english(who)
                # In English, the plan's own words too, as the reader checks them against the Vietnamese.
                clause = re.search(r"đề nghị của\s+[^;:]{3,160}?\s+tại\s+Tờ trình\s+số\s+[\w/.-]+", canon(header))
                own = f" (the plan: “{clause.group(0)}”)" if en and clause else ""
                parts.append(((f"The plan was issued on the proposal of {named}{f' ({english})' if english else ''}"
                               f"{f' in {sub}' if sub else ''}{own}." if en
                               else f"Kế hoạch ban hành trên cơ sở đề nghị của {named}{f' tại {sub}' if sub else ''}."), head))
        if asks("bases") or (asks_document(q.text) and not asks("replaces")):
            # "… được ban hành tại hội nghị nào và về vấn đề gì": what each document is about, where the header says.
            about = bool(re.search(r"\b(ve (van de|noi dung|linh vuc) gi|noi dung gi|(is|was) it about|about what|"
                                   r"on what (subject|topic|issue))\b", q.words))
            # Bases a part of the plan lists ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH") are cited there, their issuers read there.
            based = [x for x in p.sections if x.role == "bases" and x.kind == "part"]
            stated = canon(" ".join([header, *(unwrap(p.body(x.id)) for x in based)]))
            where = head + [self.cite(p, x.id) for x in based]
            lst = "; ".join(_with_issuer(stated, b) + (_subject(stated, b) if about else "") for b in p.legal_bases)
            if lst:
                parts.append(((f"Legal bases: {lst}." if en else f"Căn cứ ban hành: {lst}."), where))
            elif asks("bases"):
                parts.append((("The plan cites no legal basis by number and date." if en
                               else "Kế hoạch không nêu căn cứ ban hành nào theo số và ngày."), head))
        motto = re.search(r"(CỘNG HÒA XÃ HỘI\s+CHỦ NGHĨA VIỆT NAM)\s*(Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)", header)
        if motto and asks("motto"):
            parts.append(((f"National name and motto: {motto.group(1)} — {motto.group(2)}." if en
                           else f"Quốc hiệu: {motto.group(1)}; tiêu ngữ: {motto.group(2)}."), head))
        grounds = re.search(r"Thực hiện Nghị quyết[^;]+", header)
        if grounds and asks("session"):
            parts.append(((f"The plan opens: “{canon(grounds.group(0))}”." if en
                           else f"Kế hoạch mở đầu: “{canon(grounds.group(0))}”."), head))
        if asks("title"):
            kind = p.doc_type or "Kế hoạch"  # a decision's title is the decision's ("Quyết định Ban hành Kế hoạch …")
            parts.append(((f"Title: {kind} {canon(p.title)}." if en else f"Tên {kind.lower()}: {kind} {canon(p.title)}."),
                          head))
        if asks("issuer"):
            parts.append(((f"Issued by {p.issuer or 'UBND tỉnh'}." if en
                           else f"Cơ quan ban hành: {p.issuer or 'UBND tỉnh'}."), head))
        if asks("recipients") and p.section("recipients"):
            lst = "; ".join(p.recipients)
            parts.append(((f"Recipients (Nơi nhận): {lst}." if en else f"Nơi nhận: {lst}."),
                          [self.cite(p, "recipients")]))
        # "có hiệu lực từ khi nào", "when does the decision take effect": the sentence that says so.
        if asks("force"):
            for sec in p.sections:
                body = unwrap(p.body(sec.id))
                said = re.search(r"[^.\n]*có hiệu lực[^.\n]*\.", body)
                if said:
                    # A short article is quoted whole: what it gives beside the date (a standing body) is asked too.
                    quote = re.sub(r"^\W*Điều\s+\d+\W*", "", body).strip() if len(body) <= 400 else said.group(0).strip()
                    parts.append(((f"Entry into force ({sec.id}): “{quote}”" if en
                                   else f"Hiệu lực ({sec.id}): “{quote}”"), [self.cite(p, sec.id)]))
                    break
        # "thay thế quyết định nào", "which decision does it replace": the sentence that says so, or that none is.
        if asks("replaces"):
            for sec in p.sections:
                said = re.search(r"[^.\n]*thay thế\s+(?:Quyết định|Kế hoạch|Chỉ thị|Quy chế|Văn bản)[^.\n]*\.?", unwrap(p.body(sec.id)))
                if said:
                    parts.append(((f"Replaces ({sec.id}): “{said.group(0).strip()}”" if en
                                   else f"Văn bản được thay thế ({sec.id}): “{said.group(0).strip()}”"), [self.cite(p, sec.id)]))
                    break
            else:
                parts.append((("The plan replaces no document it names." if en
                               else "Văn bản không nêu việc thay thế văn bản nào."), head))
        if not parts and p.number:  # "kế hoạch này là gì", "which plan is this"
            parts.append(((f"Plan number {p.number}, dated {date_vi}, issued by {p.issuer or 'UBND tỉnh'}." if en
                           else f"Kế hoạch số {p.number}, ban hành {date_vi}."), head))
        if not parts:
            return None
        cites: list[Citation] = []
        for _, c in parts:
            cites += [x for x in c if x not in cites]
        return " ".join(text for text, _ in parts), cites


def _with_issuer(header: str, basis: str) -> str:
    """A document the plan is based on, with who issued it as the header says ("… của Tỉnh ủy
    Quảng Ngãi"); the document alone when the header names no issuer after it."""
    m = re.search(re.escape(basis) + r"\s+(của\s+.+?)(?=\s+thực hiện\b|\s*[;(,]|$)", header)
    return f"{basis} {m.group(1)}" if m else basis


def _subject(header: str, basis: str) -> str:
    """What a document the plan is based on is about, as the header says after any mention of it ("… khóa XIII
    về tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp ứng …"): " về …", or "" where it says none."""
    for m in re.finditer(re.escape(basis), header):
        # Not across another document's number: "Chương trình số 43 … thực hiện Nghị quyết số 42 … về …" is the
        # resolution's subject.
        said = re.match(r"(?:(?!\bsố\s+\d)[^;()]){0,200}?\s(về\s+[^;()]+?)(?=\s*(?:[;(]|$))", header[m.end():])
        if said:
            return " " + said.group(1).rstrip(" ,.")
    return ""

