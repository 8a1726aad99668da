"""Responsibilities of a unit, from wherever the plan states them: role lines, a bracket after the
task, the sentence itself ("Sở Y tế chủ trì, phối hợp với …"), a duty list headed by the agency, or
the columns of a task table."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from index.citations import cited
from index.genre import UPPER, body_head, known_name_pattern, label_of, phrase_pattern, words
from index.normalize import agency, canon, fold, unwrap
from index.timeline import find_timeline, parse_timeline

if TYPE_CHECKING:
    from index.parse import Section, Task, _Builder

# Roles are read only where a plan assigns work: its task parts, appendix rows, its implementation part.
_WORK_ROLES = {"tasks", "appendix", "implementation", "reporting", ""}
_MARKER = re.compile(r"^\s*(?:\*\*)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVX]+\.)(?:\*\*)?\s+")
_ROLES = {"lead", "coordinate", "timeline", "product"}
_ROLE_LINE = re.compile(r"^[-+*•]?\s*([^:]{2,40}?)\s*:\s*(.*)$")




def _split_re() -> re.Pattern[str]:
    # A new body begins a list entry: "Sở …", "Ban Dân tộc …", "UBND …", never "ban ngành"; "…, Tỉnh đoàn, …" is a
    # name too. After a comma, a ward's "…, Công an phường, …" too; after "và" that is one name ("Văn phòng HĐND và
    # UBND phường").
    def starting(after: str) -> str:
        return body_head() + r"(?:\s+(?:[" + UPPER + r"]|" + after + r")|(?=\s*[,;.]|$))"

    head, listed = starting("các|tỉnh"), starting("các|tỉnh|xã|phường|huyện|thị trấn")
    return re.compile(r"\s*;\s*|\s*,\s+(?=" + listed + r"|các\s)|\s+và\s+(?=" + head + r")|\s*\n\s*(?=" + head + r")")


def _split(value: str) -> list[str]:
    return [agency(x) for x in _split_re().split(canon(value).rstrip(" .")) if x.strip(" .,;")]


def split_agencies(value: str) -> tuple[str, ...]:
    """Split a list of bodies into canonical names: "Sở Y tế; Sở Tài chính và UBND các xã, phường"."""
    out: list[str] = []
    for n in _split(value):
        # "Sở Nội vụ, Bảo hiểm xã hội tỉnh": known names one after another, though the second does not
        # start as the splitter expects.
        parts = _bodies(n) if ", " in n else ()
        out += [agency(x) for x in parts] if len(parts) > 1 and sum(map(len, parts)) >= len(n) - 2 * len(parts) else [n]
    # A cell that names nobody ("-", "—", "x", "Không") is no body.
    return tuple(dict.fromkeys(n for n in out if n and len(n) < 120 and re.search(r"[^\W\d_]{2}", n)
                               and fold(n) not in {"khong", "khong co"}))


def _name_end(text: str) -> str:
    """A body's name at the start of text, cut before the verb that follows it
    ("Hội Người cao tuổi tỉnh hướng dẫn …" -> "Hội Người cao tuổi tỉnh")."""
    known = known_name_pattern().match(fold(text))
    toks = text.split()
    verbs = phrase_pattern("verbs", "start")
    if known:
        # A known name, then its branch ("Ngân hàng Chính sách xã hội chi nhánh tỉnh") and the place it
        # belongs to if one follows ("… Truyền hình Đông Hải").
        n = len(known.group(0).split())
        branch = re.match(r"chi nhanh(?: (?:tinh|thanh pho|khu vuc))?(?![a-z])", fold(" ".join(toks[n:])))
        if branch and toks[n - 1][-1:] not in ",;.:":
            n += len(branch.group(0).split())
        while n < len(toks) and toks[n - 1][-1:] not in ",;.:" and toks[n][:1].isupper() and fold(toks[n]) not in {"va"} \
                and not verbs.match(fold(" ".join(toks[n:]))):  # "… Phụ nữ tỉnh Vận động hội viên": its duties begin
            n += 1
        # A district's or a commune's body says so after its name ("Hội Khuyến học huyện", "Đoàn Thanh niên xã"); "các
        # huyện" begins another name, and "xã hội" goes on a phrase.
        if n < len(toks) and toks[n - 1][-1:] not in ",;.:" and fold(toks[n].rstrip(",;.:")) in {"huyen", "xa", "phuong"} \
                and not (n + 1 < len(toks) and fold(toks[n]) == "xa" and fold(toks[n + 1]).startswith("hoi")):
            n += 1
        return " ".join(toks[:n]).strip(" ,;.:")
    out: list[str] = []
    head = re.compile(body_head() + r"\s")
    first = 0  # where the name being read began in `out`
    for n, tok in enumerate(toks):
        rest = fold(" ".join(toks[n:]))
        # Names capitalise their first word after the head ("Sở Xây dựng"); a verb is in small letters.
        verb = verbs.match(rest) if n >= 1 and tok[:1].islower() else None
        # "Cơ sở Bảo trợ xã hội tổng hợp tỉnh chủ trì": a word that may be a verb, then the "tỉnh" ending the name.
        if verb and not re.match(r"\s*tinh\b(?!\s+[a-z]+\s+[a-z]+\s+(?:chu tri|phoi hop))", rest[verb.end() :]):
            break
        if n >= 1 and re.match(r"(chu tri|phoi hop|cung|co trach nhiem|la (?:co quan|don vi|dau moi)|theo|can cu)\b", rest):
            break
        out.append(tok)
        # "… tỉnh" ends a provincial body's name unless the province's name follows; so does a district's, a ward's
        # or a commune's level word, and a capitalised verb after it opens the duties ("… phường Vận động hội viên").
        level = fold(tok.strip(",;.:"))
        if n >= 1 and level in {"tinh", "huyen", "phuong"}:
            then_verb = n + 1 < len(toks) and bool(verbs.match(fold(" ".join(toks[n + 1 :]))))
            then_name = n + 1 < len(toks) and toks[n + 1][:1].isupper()
            if then_verb or (level == "tinh" and not then_name):
                break
        # "UBND các xã, phường": a comma before a small letter stays inside the name.
        if tok.endswith((";", ".", ":")) or (tok.endswith(",") and not (n + 1 < len(toks) and toks[n + 1][:1].islower())):
            break
        # "… và Phòng Xây dựng nếp sống văn hóa và Gia đình": a name of a list begins after its "và".
        if fold(tok) == "va" and n + 1 < len(toks) and head.match(" ".join(toks[n + 1 :])):
            first = len(out)
        if len(out) - first >= 12:  # "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh" is eleven words
            break
    return " ".join(out).strip(" ,;.:")


def _bodies(text: str) -> tuple[str, ...]:
    """The bodies named one after another at the start of text, each cut at its verb."""
    head = re.compile(body_head() + r"(?![^\W_])")  # "Tỉnh đoàn: …" as "Tỉnh đoàn …"
    out: list[str] = []
    rest = text.strip()
    while rest and head.match(rest):
        name = _name_end(rest)
        if not name:
            break
        # A list inside one name ("UBND các xã, phường") stays whole; "A, B và C" are three.
        out.extend(n for n in _split(name) if n and len(n) < 120)
        rest = rest[len(name) :].lstrip(" ,;")
        rest = re.sub(r"^(và|va)\s+", "", rest)
    return tuple(dict.fromkeys(out))


def _covers(names: tuple[str, ...], text: str, slack: int = 0) -> bool:
    """The names read are all the text says, its commas and "và" aside (within `slack` letters)."""
    return len(re.sub(r"\W|\bvà\b", "", "".join(names))) >= len(re.sub(r"\W|\bvà\b", "", text)) - slack


def _bodies_before(text: str) -> tuple[str, ...]:
    """The bodies that end a clause, named after what comes first ("Trên cơ sở tài liệu do Công an tỉnh cung
    cấp, với sự phối hợp của Đoàn Thanh niên tỉnh, Sở Giáo dục và Đào tạo" before "chủ trì"): the longest
    run after a comma that is bodies and nothing else."""
    text = text.rstrip(" ,")
    for m in re.finditer(r",\s*", text):
        rest = text[m.end():]
        names = _bodies(rest)
        if names and _covers(names, rest):
            return names
    return ()


# A piece of a role line that says a time and nothing else, by its first word: "hoàn thành trước 15/3/2026", "thường
# xuyên", "Quý II/2026" (not "Các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên").
_TIME_PIECE = re.compile(r"\s*(?:hoàn thành|xong|trước|trong|thời gian|thời hạn|thường xuyên|hằng|hàng|quý|tháng|năm|từ|đến|"
                         r"giai đoạn|định kỳ)\b", re.I)


def _labelled(key: str, text: str) -> dict[str, str]:
    """A role line's value split where another label starts: "Sở Y tế; đơn vị phối hợp: Sở Tài chính;
    hoàn thành: hằng năm" after "Đơn vị thực hiện:" gives lead, coordinate and timeline."""
    out: dict[str, str] = {}
    for piece in re.split(r";\s*(?=[^;:]{2,40}:)", text):
        lab = re.match(r"([^;:]{2,40}?)\s*:\s*(.*)$", piece)
        other = label_of(lab.group(1)) if lab else ""
        if lab and other in _ROLES:
            key, piece = other, lab.group(2)
        # "phối hợp: Chi cục Chăn nuôi và Thú y (…); hoàn thành trước 15/3/2026": a last piece that is a time and names
        # no body is the timeline, label or none.
        head, _, tail = piece.rpartition(";")
        if head and "timeline" not in out and key != "timeline" and _TIME_PIECE.match(tail) \
                and parse_timeline(tail).kind not in {"", "other"}:
            out["timeline"] = tail.strip().rstrip(".")
            piece = head
        out[key] = f"{out[key]}; {piece}" if key in out else piece
    return out


def _lines_roles(b: _Builder, sec: Section) -> dict[str, tuple[str, int, int]]:
    """Role lines: "Cơ quan chủ trì tham mưu: …", "- Phối hợp: …", "Thời gian thực hiện: …", and several
    on one line ("Đơn vị thực hiện: …; đơn vị phối hợp: …; hoàn thành: …"), wrapped or not."""
    roles: dict[str, tuple[str, int, int]] = {}
    group: tuple[str, str, int] | None = None  # the first label of a run of role lines, their text, start

    def close(end: int) -> None:
        if group is not None:
            said = _labelled(group[0], group[1])
            # "Đơn vị thực hiện: Phòng A chủ trì; Phòng B phối hợp. Thời gian: Hằng năm": the label's value
            # says the roles itself, piece by piece.
            value = said.get("lead", "")
            if value and re.search(r"(?<![a-z])(?:chu tri|phoi hop)(?![a-z])", fold(value)):
                pieces = _role_pieces(value, group[2])
                if pieces.get("lead"):
                    said = {**said, **{k: v[0] for k, v in pieces.items()}}
            for k, v in said.items():
                roles[k] = (v, group[2], end)

    last = 0
    for ln in b.lines:
        if ln.start < sec.start or ln.end > sec.end:
            continue
        m = _ROLE_LINE.match(ln.clean)
        # A wrapped line that goes on with a sentence ("phối hợp. Thời gian: Hằng năm") holds a label later,
        # after its full stop: it does not start with one.
        # A label after a semicolon ("thực hiện; thời gian: Quý II/2026") ends a wrapped sentence: no line of labels.
        key = label_of(m.group(1)) if m and not re.search(r"\.\s|;", m.group(1)) else ""
        if m and key in _ROLES | {"note"}:
            close(last)
            group = (key, m.group(2), ln.start)
        elif group is not None and ln.clean and ln.clean != "|" and not ln.raw.lstrip().startswith("#") and (
                not m or ";" in m.group(1) or (not key and not group[1].rstrip().endswith("."))):
            # a wrapped line, or one whose colon is a later label's ("UBND các xã; hoàn thành: …"), or
            # the rest of a label the wrap cut ("…; Thời" then "hạn: thường xuyên")
            group = (group[0], group[1] + " " + ln.clean, group[2])
        elif ln.clean and group is not None:
            close(last)
            group = None
        last = ln.end
    close(last)
    return roles


def _bracket_roles(text: str, base: int, lead_needed: bool = True) -> dict[str, tuple[str, int, int]]:
    """The bracket that closes a task: "(Sở X chủ trì; Sở Y phối hợp; Quý II/2026)",
    "(Chủ trì: Sở Y tế; phối hợp: …; thời gian: năm 2027)", "(Sở Tài chính; thường xuyên)"; a body's own bracket
    may stand inside it ("(Chủ trì: Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công); phối hợp: …)")."""
    m = re.search(r"\(((?:[^()]|\([^()]*\)){4,600})\)\s*[.;]?\s*$", text.rstrip())
    if m is None:
        return {}
    inner, off = m.group(1), m.start(1)
    flat = re.sub(r"\s+", " ", inner)
    labelled = ":" in flat and label_of(flat.split(":")[0]) in _ROLES  # "(Cơ quan chủ trì: …; phối hợp: …)"
    # "(Giao Sở Y tế chủ trì, …)": the verb that hands the task over, then the bodies.
    handed = _ASSIGN.match(fold(inner))
    if handed:
        inner, off = inner[handed.end() :], off + handed.end()
        flat = re.sub(r"\s+", " ", inner)
    if not labelled and not re.match(body_head() + r"\s|(?:chủ trì|phối hợp|thời gian)\s*:", flat, re.I):
        return {}
    return _role_pieces(inner, base + off, lead_needed)


# "(Giao Sở Y tế chủ trì …)", "(Giao: Công an xã; thường xuyên)": the verb that hands the task over, a colon or none.
_ASSIGN = re.compile(r"\s*(?:" + "|".join(words("cues", "assign")) + r")(?:\s+cho)?\s*:?\s+")


def _role_pieces(inner: str, base: int, lead_needed: bool = True) -> dict[str, tuple[str, int, int]]:
    """Roles said piece by piece, the pieces parted by ";" or by a full stop before a label: "Sở X chủ trì; Sở
    Y phối hợp; Quý II/2026", "Chủ trì: Sở Y tế; phối hợp: …", "Phòng A chủ trì; Phòng B phối hợp. Thời gian:
    Hằng năm"."""
    marked = _marked_roles(inner, base)
    if marked:
        return marked
    roles: dict[str, tuple[str, int, int]] = {}
    pos = 0
    # A label opens a piece even with no stop before it: a cell's lines "Chủ trì: Sở A" / "Phối hợp: Sở B".
    for sep in [*re.finditer(r";|(?<=\.)\s+(?=[^.;:]{2,30}:)|\s+(?=(?:(?:cơ quan|đơn vị)\s+)?(?:chủ trì|phối hợp|thời gian)\s*:)",
                             inner, re.I), None]:
        piece = inner[pos : sep.start() if sep else len(inner)]
        a = pos + (len(piece) - len(piece.lstrip()))
        pos = sep.end() if sep else len(inner)
        p = re.sub(r"\s+", " ", piece).strip()
        if not p:
            continue
        span = (base + a, base + a + len(piece.strip()))
        lab = re.match(r"([^:]{2,30}):\s*(.*)$", p)
        key = label_of(lab.group(1)) if lab else ""
        # "thực hiện: Quý II/2026", "thực hiện: cả năm": a label of doing whose value is a time, and no body, says when.
        if key in {"lead", "coordinate"} and lab and parse_timeline(lab.group(2)).kind not in {"", "other"} \
                and not re.match(body_head() + r"\s", lab.group(2)):
            key = "timeline"
        if key in {"lead", "coordinate", "timeline", "product"} and lab:
            roles[key] = (lab.group(2), *span)
            continue
        f = fold(p)
        if re.search(r"(?<![a-z])chu tri(?![a-z])", f) and "lead" not in roles:
            # "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và …": a sentence of roles, read as one; "Sở A
            # chủ trì, Sở B đồng chủ trì": every body of the piece leads.
            said = _inline_roles(p, 0)
            if said.get("lead"):
                # The plan's own words for the leads where they name the same bodies ("Sở A, Sở B chủ trì").
                words = re.split(r"(?:,\s*)?(?:đồng\s+|cùng\s+)?chủ trì\b", p, maxsplit=1, flags=re.I)[0]
                same = split_agencies(words) == split_agencies(said["lead"][0])
                roles["lead"] = (words if same else said["lead"][0], *span)
                if said.get("coordinate") and "coordinate" not in roles:
                    roles["coordinate"] = (said["coordinate"][0], *span)
                continue
            roles["lead"] = (re.sub(r"(?:,\s*)?(?:đồng\s+)?chủ trì\b", ";", p, flags=re.I), *span)
        elif re.search(r"(?<![a-z])phoi hop(?![a-z])", f) and "coordinate" not in roles:
            # "UBND các xã, phường chỉ đạo các trường … phối hợp": the bodies the piece opens with, cut at their verb.
            before = re.split(r"(?:cùng\s+)?phối hợp\b", p, maxsplit=1, flags=re.I)[0]
            names = _bodies(before) if re.match(body_head() + r"\s", before) else ()
            cut = names and len(" ".join(names)) < len(re.sub(r"[\s,;.]+$", "", before)) - 2
            roles["coordinate"] = ("; ".join(names) if cut else re.sub(r"(?:cùng\s+)?phối hợp(?:\s+với|\s+thực hiện)?\b", ";", p,
                                                                       flags=re.I), *span)
        elif re.match(body_head() + r"\s", p) and "lead" not in roles:
            # "Sở A, Sở B" as written; "Sở Giáo dục và Đào tạo thực hiện" without its verb.
            names = _bodies(p)
            roles["lead"] = (p if not names or split_agencies(p) == names else "; ".join(names), *span)
        elif "timeline" not in roles and parse_timeline(p).kind not in {"", "other"}:
            roles["timeline"] = (p, *span)
    return roles if "lead" in roles or not lead_needed else {}


# A verb of doing the work after the body that does it: "… thực hiện, thời gian: …", "… là đầu mối".
_DOES = re.compile(r"\s*(?:to chuc thuc hien|thuc hien|trien khai thuc hien|la dau moi|chiu trach nhiem|dam (?:nhan|nhiem))\b")


def _clauses_of_bodies(flat: str) -> list[tuple[int, tuple[str, ...]]]:
    """Where each later clause of a text opens with bodies ("…; Hội Liên hiệp Phụ nữ tỉnh và UBND các xã, phường phối
    hợp …"), and those bodies."""
    return [(m.end(), names) for m in re.finditer(r"[.;]\s+", flat) if (names := _bodies(flat[m.end() :]))]


def _inline_roles(text: str, base: int) -> dict[str, tuple[str, int, int]]:
    """Roles said in the task's own sentence: "Sở Y tế chủ trì, phối hợp với Sở Tài chính …",
    "Giao Bảo hiểm xã hội tỉnh chủ trì …", "Sở Nội vụ phối hợp với Hội … hướng dẫn …"."""
    flat = text.replace("\n", " ")
    f = fold(flat)
    roles: dict[str, tuple[str, int, int]] = {}
    leads = list(phrase_pattern("cues", "lead").finditer(f))
    lead_cue = leads[0] if leads else None
    # "phối hợp với Sở Tài chính", and as often "phối hợp Sở Tài chính" with no "với"; from the sentence that names
    # the lead, where one does: "Phối hợp với các Thương vụ … tổ chức hội nghị … . Phân công: Trung tâm Xúc tiến
    # thương mại chủ trì; …" says what the work is, not who takes part.
    said_from = max((m.end() for m in re.finditer(r"[.:]\s+", flat[: lead_cue.start()])), default=0) if lead_cue else 0
    coord = re.compile(r"(?:voi su phoi hop cua|phoi hop voi)\s").search(f, said_from) or re.compile(
        r"(?i:phối hợp)\s+(?=" + body_head() + ")").search(flat, said_from)
    # The sentence that assigns: the task may first say what it is ("Trang bị máy chủ … . Giao Sở Giáo
    # dục và Đào tạo chủ trì, …").
    cue = lead_cue or coord
    opening = max((m.end() for m in re.finditer(r"[.;:]\s+", flat[: cue.start()])), default=0) if cue else 0
    subject = re.sub(r"^[-+*•]?\s*(?:Giao|Đề nghị|Yêu cầu)\s+", "", flat[opening:], flags=re.I)  # "- Giao Phòng …"
    shift = len(flat) - len(subject)
    if lead_cue:
        names = _bodies(flat[shift : lead_cue.start()].strip(" ,")) or _bodies_before(flat[shift : lead_cue.start()])
        # "Sở Y tế chủ trì nội dung hồ sơ sức khỏe, Sở Giáo dục và Đào tạo chủ trì nội dung tư vấn": a lead
        # for each part of the work, each named after a comma before its own "chủ trì".
        for later in leads[1:]:
            clause = flat[: later.start()].rsplit(",", 1)[-1] if "," in flat[lead_cue.end() : later.start()] else ""
            names += _bodies(clause.strip())
        names = tuple(dict.fromkeys(names))
        if names:
            roles["lead"] = ("; ".join(names), base + shift, base + lead_cue.end())
    elif coord:
        names = _bodies(flat[shift : coord.start()].strip(" ,"))
        if names:
            roles["lead"] = ("; ".join(names), base + shift, base + coord.start())
    else:
        # A sentence opening with a body names who does its work ("Sở Y tế tổ chức …"); a head word alone opening a
        # list of acts ("Thanh tra, kiểm tra việc thực hiện …") is the act of inspecting, no body.
        names = tuple(n for n in _bodies(subject) if not re.fullmatch(body_head(), n.strip(), re.I))
        # "Việc mở lớp giao Trung tâm Huấn luyện … thực hiện": the bodies a sentence assigns the work to ("giao").
        given = re.search(r"(?i:\bgiao)\s+(?=" + body_head() + r"\s)", flat)
        if names:
            roles["lead"] = ("; ".join(names), base + shift, base + shift + len("; ".join(names)))
        elif given and (names := _bodies(flat[given.end() :])) and _DOES.match(fold(flat[given.end() + len(_name_end(flat[given.end() :])) :])):
            said = len(_name_end(flat[given.end() :]))
            roles["lead"] = ("; ".join(names), base + given.end(), base + given.end() + said)
        else:
            # "Biên soạn, in và cấp phát … . Phòng Công tác thanh niên và Bình đẳng giới thực hiện, thời gian: …": a
            # later sentence opening with the bodies that do the work, named before a verb of doing it.
            for start, names in _clauses_of_bodies(flat):
                said = len(_name_end(flat[start:]))
                if len(names) == 1 and _DOES.match(fold(flat[start + said :])):
                    roles["lead"] = (names[0], base + start, base + start + said)
                    break
    # "Trung tâm … tổ chức 06 phiên …; Hội Liên hiệp Phụ nữ tỉnh và UBND các xã, phường phối hợp thông tin …": partners
    # named before "phối hợp" in a clause of their own after the lead's.
    if not lead_cue and not coord and "lead" in roles:
        # "… giao Trung tâm … thực hiện, Phòng Quản lý Thể dục thể thao phối hợp về chuyên môn": after the lead's,
        # a clause parted by a comma too.
        after_lead = roles["lead"][2] - base
        by_comma = [(after_lead + m.end(), names) for m in re.finditer(r",\s+", flat[after_lead:])
                    if (names := _bodies(flat[after_lead + m.end() :]))]
        for start, names in _clauses_of_bodies(flat) + by_comma:
            said = len(" và ".join(names))
            if re.match(r"[\s,]*(?:cùng\s+)?phối hợp\b", flat[start + said :], re.I):
                roles["coordinate"] = ("; ".join(names), base + start, base + start + said)
                break
    # "Sở A chủ trì; UBND các xã, phường chỉ đạo các trường … phối hợp": partners named before their verb, in the
    # clause after the lead's.
    if not coord and lead_cue and "lead" in roles:
        after = re.search(r"(?i)\bphối hợp\b", flat[lead_cue.end() :])
        between = flat[lead_cue.end() : lead_cue.end() + after.start()] if after else ""
        clause = re.sub(r"^\s*[;,]\s*", "", between)
        names = _bodies(clause) if clause and re.match(body_head() + r"\s", clause) else ()
        # "Phòng A chủ trì; Hải quan tỉnh, Hiệp hội Doanh nghiệp tỉnh phối hợp; …": a clause of its own between the
        # two roles holds only bodies, named as written, whether or not the directory knows them.
        if re.match(r"\s*;", between) and len(clause) <= 160 and not re.search(r"[.:]", clause):
            written = split_agencies(clause.strip(" ,"))
            if len(written) > len(names) and all(x[:1].isupper() for x in written):
                names = written
        if names:
            roles["coordinate"] = ("; ".join(names), base + lead_cue.end(), base + lead_cue.end() + (after.end() if after else 0))
    if coord and "lead" in roles:
        names = _bodies(flat[coord.end() :])
        if names:
            # The span ends where the plan's own words for the last partner end, when they can be found.
            tail = flat[coord.end() :]
            bound = len(" ".join(names)) + 20
            last = max((m.end() for m in re.finditer(re.escape(names[-1].split()[-1]), tail) if m.end() <= bound),
                       default=len(" ".join(names)))
            roles["coordinate"] = ("; ".join(names), base + coord.start(), base + coord.end() + last)
    when = find_timeline(flat)
    if when and "lead" in roles:
        roles["timeline"] = (when[0], base + when[1], base + when[2])
    return roles


def _duty_roles(b: _Builder, sec: Section, text: str) -> dict[str, tuple[str, int, int]]:
    """An implementation item headed by a body ("1. Sở Y tế: chủ trì …", "2. Sở Tài chính" then its
    duties): that body holds the duties; partners and deadlines come from the sentences."""
    flat = unwrap(text)
    names = _bodies(_opening(flat))
    # "2. Sở Tài chính" on a line of its own, its duties below ("Tham mưu …"): the line ends the name.
    lines = text.strip().split("\n")
    first = _opening(lines[0]).strip(" :.")
    alone = _bodies(first)
    # A line wrapped inside the list ("… Trung tâm Dịch vụ việc làm" / "tỉnh, Cơ sở …") goes on in small letters.
    wrapped = len(lines) > 1 and (lines[1].strip()[:1].islower() or lines[0].rstrip().endswith((" và", ",", "-")))
    if alone and len(lines) > 1 and not wrapped and len(" ".join(alone)) >= len(first) - 4:
        names = alone
    if not names:
        return {}
    name_text = names[0]
    roles = {"lead": ("; ".join(names), sec.start, sec.start + len(name_text))}
    partners: list[str] = []
    for m in re.finditer(r"phối hợp với\s", flat, re.I):
        partners.extend(_bodies(flat[m.end() :]))
    if partners:
        roles["coordinate"] = ("; ".join(dict.fromkeys(p for p in partners if p not in names)), sec.start, sec.end)
    times = []
    for sentence in re.split(r"(?<=[.;])\s+|\n-\s*", flat):
        when = find_timeline(sentence)
        if when:
            times.append(canon(when[0]).strip(" .;,"))
    if times:
        roles["timeline"] = ("; ".join(dict.fromkeys(times)), sec.start, sec.end)
    return roles


def heading_bodies(title: str) -> tuple[str, ...]:
    """The bodies an item's heading names and nothing else ("Sở Công Thương (cơ quan thường trực thực hiện Kế
    hoạch)", "Bưu điện tỉnh; Viettel Bình Sơn; VNPT Bình Sơn"): a part written body by body; () for any other."""
    said = re.sub(r"\s*\([^()]*\)", "", title).strip(" :.;")
    names = _bodies(said)
    return names if names and _covers(names, said, 2) else ()


def _headed_roles(b: _Builder, sec: Section, text: str) -> dict[str, tuple[str, int, int]]:
    """A point under a tasks part's item headed by bodies ("1. Sở Công Thương" then "a) Chủ trì, phối hợp với
    Công an tỉnh …"), its sentence with no subject: the heading's bodies lead it, with the bodies it names after
    "chủ trì cùng" ("Chủ trì cùng Sở Tài chính …"); where it opens with their supporting another ("Phối hợp với Sở
    Công Thương …", "Tham gia cùng Công an tỉnh …"), that one leads and they take part."""
    parent = next((x for x in b.sections if x.id == sec.parent), None)
    heading = heading_bodies(parent.title) if parent is not None and parent.kind == "item" else ()
    if not heading:
        return {}
    skip = _MARKER.match(text)
    first = skip.end() if skip else 0
    flat = unwrap(text[first:]).strip()
    f = fold(flat)
    span = (sec.start + first, sec.end)
    support = re.match(r"(?:phoi hop voi|phoi hop|tham gia cung|tham gia voi|cung voi)\s+", f)
    others = _bodies(flat[support.end():]) if support else ()
    if others:
        lead, partners = others, heading
    else:
        joint = re.match(r"(?:chu tri cung voi|chu tri cung|dong chu tri voi|chu tri voi)\s+", f)
        lead = heading + (_bodies(flat[joint.end():]) if joint else ())
        partners = tuple(a for m in re.finditer(r"phối hợp với\s", flat, re.I) for a in _bodies(flat[m.end():]))
    roles = {"lead": ("; ".join(dict.fromkeys(lead)), *span)}
    if partners := tuple(a for a in dict.fromkeys(partners) if a not in lead):
        roles["coordinate"] = ("; ".join(partners), *span)
    when = find_timeline(flat)
    if when:
        roles["timeline"] = (when[0], sec.start + first, sec.end)
    return roles


def _opening(text: str) -> str:
    """A duty's text without its number and the verb that hands it over ("3. Giao Sở Y tế …" -> "Sở Y tế …")."""
    skip = _MARKER.match(text)
    return re.sub(r"^(?:Giao|Đề nghị|Yêu cầu)\s+", "", text[skip.end() if skip else 0 :])


def _inline_said(text: str, lead: tuple[str, int, int], coord: tuple[str, int, int], leads: int, partners: int
                 ) -> tuple[str, str]:
    """A sentence's roles in its own words where it joins several bodies: "Công an tỉnh và Sở Khoa học và Công
    nghệ đồng chủ trì", and the partners after "phối hợp với"; a single body's name says nothing more."""
    said_lead = canon(text[lead[1] : lead[2]]).strip(" ,;.")
    said_lead = re.sub(r"^(?:Giao|Đề nghị|Yêu cầu)\s+", "", said_lead)
    if not re.search(r"(?:đồng|cùng)\s+chủ trì$", said_lead):
        said_lead = re.sub(r"\s*,?\s*chủ trì$", "", said_lead)
    said_coord = re.sub(r"^(?:với sự phối hợp của|phối hợp với)\s+", "", canon(text[coord[1] : coord[2]]).strip(" ,;."), flags=re.I)
    # Words that name fewer bodies than were read ("Sở Y tế chủ trì nội dung …, Sở Giáo dục … chủ trì …") are
    # no wording of the whole list.
    whole_lead = leads > 1 and len(split_agencies(said_lead)) >= leads
    return said_lead if whole_lead else "", said_coord if coord[2] and partners > 1 else ""


# "(chủ trì)", "(đồng chủ trì)", "(cơ quan chủ trì)": the body before the mark leads, as a label would say.
_MARK = re.compile(r"\s*\((?:(?:cơ quan|đơn vị)\s+)?(đồng\s+)?chủ trì\)", re.I)


def _marked_roles(inner: str, base: int) -> dict[str, tuple[str, int, int]]:
    """A list of bodies whose leads are marked inside it: "Phòng Kinh tế, Hạ tầng và Đô thị, Công an phường (chủ
    trì), Ban Chỉ huy Quân sự phường" — the body before "(chủ trì)" leads, the bodies of the run before "(đồng chủ
    trì)" lead together, the others take part. {} for a text with no such mark."""
    marks = list(_MARK.finditer(inner))
    if not marks:
        return {}
    leads: list[str] = []
    partners: list[str] = []
    pos = 0
    for m in marks:
        run = list(split_agencies(inner[pos : m.start()]))
        if run:
            ledby = run if m.group(1) else run[-1:]
            leads += ledby
            partners += [a for a in run if a not in ledby]
        pos = m.end()
    partners += list(split_agencies(inner[pos:]))
    if not leads:
        return {}
    span = (base, base + len(inner))
    roles = {"lead": ("; ".join(dict.fromkeys(leads)), *span)}
    rest = [a for a in dict.fromkeys(partners) if a not in leads]
    if rest:
        roles["coordinate"] = ("; ".join(rest), *span)
    return roles


def _title_length(text: str, title: str) -> int:
    """The length of the heading lines that hold a unit's title at the start of its text (0 without a
    title, or when nothing follows it)."""
    if not title:
        return 0
    lines, seen, n = text.split("\n"), "", 0
    for line in lines:
        if len(canon(seen)) >= len(canon(title)):
            break
        seen += " " + line
        n += len(line) + 1
    return n if text[n:].strip() else 0


def task_of(b: _Builder, sec: Section, table: dict[str, str] | None,
            activities: list[tuple[dict[str, str], int, int]] | None = None) -> Task | None:
    """The task a unit states, with its roles, or None when it assigns nobody. A task of a table spanning a row per
    activity (`activities`) is theirs together, each activity a task of its own with its row's roles and time."""
    if sec.kind not in {"item", "point", "row", "part"}:
        return None
    role = b.section_role(sec.id) if sec.kind != "row" else "tasks"
    if role not in _WORK_ROLES:
        return None
    if activities:
        from index.parse import Section

        rows = [task_of(b, Section(sec.id, "point", canon(cells.get("content", "")).strip(" .;") or sec.title, a, z, sec.id, True),
                        cells) for cells, a, z in activities]
        done = [t for t in rows if t is not None]
        return _of_bullets(sec, done, "table") if done else None
    text = b.text[sec.start : sec.end]
    origin = "lines"
    if table is not None:
        roles = {k: (v, sec.start, sec.end) for k, v in table.items()
                 if k in {"lead", "coordinate", "timeline", "product", "cost", "place", "note"}}
        origin = "table"
        # One column for both roles ("Cơ quan thực hiện": "Chủ trì: Sở A. Phối hợp: Sở B, …"): read by its labels.
        cell = table.get("lead", "")
        if "coordinate" not in table and re.search(r"(?:chủ trì|phối hợp)\s*:", cell, re.I):
            pieces = _role_pieces(cell, sec.start)
            roles.update({k: (v, sec.start, sec.end) for k, (v, _, _) in pieces.items() if k in {"lead", "coordinate"}})
        elif "coordinate" not in table:
            # Its leads marked in it ("Công an tỉnh (chủ trì), Sở Công Thương, UBND các xã"): the others take part.
            roles.update({k: (v, sec.start, sec.end) for k, (v, _, _) in _marked_roles(cell, sec.start).items()})
    else:
        roles = _lines_roles(b, sec)
        if "lead" not in roles:
            # Several bullets, each closing with its own roles: the unit's task is theirs together,
            # whatever its last bracket says.
            several = _bullet_tasks(b, sec, text)
            if len(several) >= 2:
                return _of_bullets(sec, several)
            roles, origin = _bracket_roles(text, sec.start), "brackets"
        has_children = any(s.parent == sec.id for s in b.sections) or sec.kind == "part"
        if "lead" not in roles and role in {"implementation", "reporting"} and sec.kind == "point" \
                and not _bodies(_opening(unwrap(text))):
            # A lettered duty of an item headed by bodies ("1. Sở Giáo dục và Đào tạo:" then "a) Chủ trì, phối hợp với
            # Sở Y tế … (hoàn thành trước 30/6/2026)"): the heading's bodies hold it; one naming its own does itself.
            roles, origin = _headed_roles(b, sec, text), "duties"
        if "lead" not in roles and role == "implementation":
            roles, origin = _duty_roles(b, sec, text), "duties"
        if "lead" not in roles and role in {"tasks", "appendix"} and not has_children:
            skip = _MARKER.match(text)
            first = skip.end() if skip else 0
            roles, origin = _inline_roles(text[first:], sec.start + first), "inline"
            if "lead" not in roles:  # "3.2. Rà soát, phân loại …" on a line of its own, then its sentence
                first += _title_length(text[first:], sec.title)
                roles = _inline_roles(text[first:], sec.start + first)
            if "lead" not in roles:  # "… quý IV/2028. Đơn vị thực hiện: Văn phòng Sở; thời gian: 2026 - 2028."
                roles = _labelled_within(text[first:], sec.start + first)
            # A paragraph whose sentences each assign their own work to their own lead: each its task.
            several = _sentence_tasks(b, sec, text[first:], sec.start + first) if "lead" in roles else []
            if len(several) >= 2:
                return _of_bullets(sec, several, "inline")
        if "lead" not in roles and role == "tasks" and sec.kind == "point":
            roles, origin = _headed_roles(b, sec, text), "inline"
    if "lead" not in roles or not roles["lead"][0].strip():
        # A row of a task table that marks partners and a deadline but no lead (a matrix row with "PH" marks
        # and no "CT"): a task the plan gives no lead, which is what is said of it.
        if origin == "table" and roles.get("coordinate", ("",))[0].strip() and roles.get("timeline", ("",))[0].strip():
            return _task(b, sec, roles, origin, leadless=True)
        return None
    # "Sở Tài chính chủ trì, tham mưu … . Phối hợp: Sở Giáo dục và Đào tạo, UBND các xã, phường.": partners under a
    # label after the sentence that names the lead.
    if origin == "inline" and "coordinate" not in roles:
        labelled = _labelled_within(text, sec.start)
        if "coordinate" in labelled:
            roles["coordinate"] = labelled["coordinate"]
    return _task(b, sec, roles, origin)


# A sentence's end: a full stop before a capital.
_SENTENCE_END = re.compile(rf"(?<=\.)\s+(?=[{UPPER}])")


def _sentence_tasks(b: _Builder, sec: Section, text: str, base: int) -> list[Task]:
    """The tasks of a paragraph whose sentences assign work to different leads ("Hội Liên hiệp Phụ nữ phường vận động …;
    thời gian thực hiện: … . Đề nghị Ủy ban MTTQ Việt Nam phường chủ trì … trước ngày 15/12/2026."): a sentence that
    names its own lead begins a task, the sentences after it that name none go on it (its time, its place); a body
    asked to support ("Đề nghị Sở … hỗ trợ tài liệu") leads nothing. [] where fewer than two sentences name a lead,
    or all name the same."""
    from index.parse import Section

    def own_lead(a: int, z: int) -> dict[str, tuple[str, int, int]]:
        roles = _inline_roles(text[a:z], base + a)
        lead = roles.get("lead", ("", 0, 0))
        if not lead[0].strip():
            return {}
        if phrase_pattern("cues", "lead").search(fold(text[a:z])):  # "… chủ trì": a lead said so
            return roles
        # The verb after the bodies the sentence opens with: "Đề nghị Sở Khoa học và Công nghệ hỗ trợ …" supports.
        said = re.sub(r"^\s*(?:Giao|Đề nghị|Yêu cầu)\s+", "", text[a:z].replace("\n", " "), flags=re.I)
        names = _bodies(said)
        # "Các lớp năm 2027 tổ chức theo nhu cầu …": "Các" opens a body's name only where the directory knows it
        # ("Các sở, ban, ngành tỉnh"); a sentence about the work's own things names no lead.
        if any(n.startswith("Các ") and not known_name_pattern().match(fold(n)) for n in names):
            return {}
        after = fold(said[said.find(names[-1]) + len(names[-1]):] if names and names[-1] in said else said).lstrip(" ,")
        return {} if re.match(r"(?:ho tro|phoi hop|tham gia|cung)\b", after) else roles

    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    groups: list[tuple[int, int, dict[str, tuple[str, int, int]]]] = []
    for a, z in itertools.pairwise(cuts):
        roles = own_lead(a, z)
        if roles:
            groups = [g for g in groups if g[2]] + [(a, z, roles)]  # a first sentence naming nobody is the title
        elif groups:
            groups[-1] = (groups[-1][0], z, groups[-1][2])
    tasks = []
    for a, z, _ in groups:
        said = text[a:z]
        title = canon(unwrap(said)).strip(" .")
        title = title if len(title) <= 160 else title[:160].rsplit(" ", 1)[0] + "…"
        task = _task(b, Section(sec.id, "point", title, base + a, base + z, sec.id, True), _inline_roles(said, base + a), "inline")
        if task is not None:
            tasks.append(task)
    return tasks if len(tasks) >= 2 and len({t.lead for t in tasks}) >= 2 else []


def leadless_task(b: _Builder, sec: Section) -> Task | None:
    """A unit of the tasks part that names no body but gives its time ("Đẩy mạnh tuyên truyền …; thời gian thực hiện:
    thường xuyên trong năm 2026"): a task the plan gives nobody, so that a question about it is not answered by
    another's. None where it says no time."""
    labelled = _labelled_within(b.text[sec.start : sec.end], sec.start)
    if "timeline" not in labelled:
        return None
    return _task(b, sec, {k: v for k, v in labelled.items() if k in {"timeline", "coordinate"}}, "inline", leadless=True)


_PARTY_ROLE = re.compile(r"\s*(?:(đồng\s+)?chủ\s+trì|(phối\s+hợp))", re.I)


def party_tasks(b: _Builder) -> tuple[list[Task], set[str]]:
    """An item of the tasks part whose lettered points each open with a body and a colon, the parties of a joint plan
    ("3. Phối hợp xây dựng câu lạc bộ …" / "a) Sở Y tế: phối hợp với …" / "b) Hội Liên hiệp Phụ nữ tỉnh: chủ trì …"):
    one task, led by the bodies whose point opens with "chủ trì" (or "đồng chủ trì"), the others its partners, its
    time the line that says it under the item. Returns those tasks and the ids they replace (the item and its points)."""
    from index.parse import Task

    out: list[Task] = []
    replaced: set[str] = set()
    have = {t.id: t for t in b.tasks}
    for item in (x for x in b.sections if x.kind == "item" and b.section_role(x.id) == "tasks"):
        points = [x for x in b.sections if x.parent == item.id and x.kind == "point"]
        if len(points) < 2 or not all(re.fullmatch(body_head() + r"\s.{2,80}", x.title) for x in points):
            continue
        roles = []
        for x in points:
            said = b.text[x.start : x.end]
            colon = said.find(":")
            m = _PARTY_ROLE.match(said, colon + 1) if colon >= 0 else None
            roles.append("lead" if m and not m.group(2) else "coordinate" if m else "")
        if "lead" not in roles:
            continue
        lead = tuple(agency(x.title) for x, r in zip(points, roles, strict=True) if r == "lead")
        partners = tuple(agency(x.title) for x, r in zip(points, roles, strict=True) if r != "lead")
        timed = next((t for t in (have.get(item.id), *(have.get(x.id) for x in points)) if t is not None and t.timeline), None)
        first = next(x for x, r in zip(points, roles, strict=True) if r == "lead")
        other = next((x for x, r in zip(points, roles, strict=True) if r != "lead"), first)
        # "Thời gian: Tháng 6 hằng năm." closing the item, after its points.
        line = re.search(r"Thời gian(?: thực hiện| hoàn thành)?\s*:\s*([^\n]+?)\.?\s*$", b.text[item.start : points[-1].end], re.M)
        when = (timed.timeline, timed.spans[2]) if timed else (
            (canon(line.group(1)), (item.start + line.start(1), item.start + line.end(1))) if line else ("", (item.start, item.start)))
        spans = ((first.start, first.end), (other.start, other.end), when[1])
        out.append(Task(item.id, item.title, lead, partners, when[0], spans, "points", "", parse_timeline(when[0])))
        replaced |= {item.id, *(x.id for x in points)}
    return out, replaced


def headed_groups(b: _Builder) -> tuple[list[Task], set[str]]:
    """An item of the tasks part whose heading names its lead in brackets ("1. Nhóm giải pháp về … (UBND các xã,
    phường chủ trì)") over points that name none: each point is a task of that lead, with the partners and time its
    own text gives ("Phối hợp: Sở Y tế. Thời gian: quý III/2026."); a point naming its own lead ("Sở Tài chính chủ trì,
    …") keeps it. The point tasks, and the items that are their heading, no task of their own."""
    tasks = {t.id: t for t in b.tasks}
    out: list[Task] = []
    headings: set[str] = set()
    for item in b.sections:
        task = tasks.get(item.id)
        points = _points_of(b).get(item.id, [])
        if item.kind != "item" or task is None or not task.lead or len(points) < 2 or b.section_role(item.id) != "tasks":
            continue
        line_end = b.text.find("\n", item.start)
        if not item.start <= task.spans[0][0] < (line_end if line_end >= 0 else item.end):
            continue  # the lead is said in the heading line itself
        unled = [x for x in points if not (tasks.get(x.id) and tasks[x.id].lead)]
        if not unled:
            continue
        for x in unled:
            roles = _labelled_within(b.text[x.start : x.end], x.start)
            roles["lead"] = ("; ".join(task.lead), *task.spans[0])
            made = _task(b, x, roles, "brackets")
            if made is not None:
                out.append(made)
        headings.add(item.id)
    return out, headings


def _bullet_tasks(b: _Builder, sec: Section, text: str) -> list[Task]:
    """The bullets of a unit that each close with a bracket of roles, each as a task of the unit."""
    from index.parse import Section

    out, silent = [], []
    for m in re.finditer(r"(?m)^[ \t]*[-+•*][ \t]+(.+(?:\n(?![ \t]*[-+•*][ \t])(?!\s*$).+)*)", text):
        roles = _bracket_roles(m.group(1), sec.start + m.start(1))
        title = re.split(r"\s*\(", canon(unwrap(m.group(1))), maxsplit=1)[0]
        bullet = Section(sec.id, "point", title, sec.start + m.start(1), sec.start + m.end(1), sec.id, True)
        if roles.get("lead", ("",))[0].strip():
            task = _task(b, bullet, roles, "brackets")
            if task is not None:
                out.append(task)
        elif not roles:
            # A bullet among them that names no body ("Khuyến khích các hộ gia đình … tự đầu tư bể chứa nước mưa …"):
            # a task of the unit the plan gives nobody, so that a question about it is not answered by another's.
            silent.append(_task(b, bullet, {"lead": ("", bullet.start, bullet.start)}, "brackets", leadless=True))
    # In the plan's order, the bullets it gives nobody among the others.
    return sorted(out + [t for t in silent if t is not None], key=lambda t: t.spans[0][0]) if len(out) >= 2 else out


def _of_bullets(sec: Section, bullets: list[Task], origin: str = "brackets") -> Task:
    """A unit's task made of its bullets': every lead, every partner that leads none, each timeline."""
    from index.parse import Task

    leads = tuple(dict.fromkeys(a for x in bullets for a in x.lead))
    partners = tuple(dict.fromkeys(a for x in bullets for a in x.coordinate if a not in leads))
    timeline = "; ".join(dict.fromkeys(x.timeline for x in bullets if x.timeline))
    return Task(sec.id, sec.title, leads, partners, timeline, bullets[0].spans, origin, "",
                parse_timeline(timeline), ("", ""), tuple(bullets) if len(bullets) > 1 else ())


def _task(b: _Builder, sec: Section, roles: dict[str, tuple[str, int, int]], origin: str,
          leadless: bool = False) -> Task | None:
    from index.parse import Task

    if not leadless and ("lead" not in roles or not roles["lead"][0].strip()):
        return None
    empty = ("", 0, 0)
    lead, coord, time, product = (roles.get(k, empty) for k in ("lead", "coordinate", "timeline", "product"))
    if leadless:
        lead = ("", coord[1], coord[1])
    timeline = canon(time[0]).strip(" .;,")
    leads = split_agencies(lead[0])
    if not leads and not leadless:
        return None
    partners = tuple(a for a in split_agencies(coord[0]) if a not in leads)
    return Task(
        sec.id,
        sec.title,
        leads,
        partners,
        timeline,
        ((lead[1], lead[2]), (coord[1], coord[2]), (time[1], time[2])),
        origin,
        canon(product[0]).strip(" .;"),
        parse_timeline(timeline),
        _inline_said(b.text, lead, coord, len(leads), len(partners)) if origin == "inline"
        else (canon(lead[0]).strip(" .;,"), canon(coord[0]).strip(" .;,")),
        (),
        canon(roles.get("cost", empty)[0]).strip(" .;"),
        canon(roles.get("place", empty)[0]).strip(" .;"),
        note=canon(roles.get("note", empty)[0]).strip(" .;"),
    )


def referred_tasks(b: _Builder) -> list[Task]:
    """Tasks whose own text names no lead, that duties of the implementation part assign by citing them:
    "5.7. Ngân hàng … chi nhánh tỉnh: Chủ trì thực hiện nhiệm vụ tại tiểu mục 3.2.2", "1. Công an tỉnh: Chủ trì
    thực hiện các nhiệm vụ tại điểm a khoản 2 và điểm c khoản 6 Mục III, thực hiện thường xuyên …; phối hợp thực
    hiện nhiệm vụ tại khoản 1 Mục III". Each duty citing a task leads it or takes part in it, as the words
    before the citation say; the words after it, up to the next citation, say when. What the task's own text
    says of partners and timeline holds too."""
    from index.parse import Task

    have = {t.id for t in b.tasks}
    by_id = {x.id: x for x in b.sections}
    parents = {x.parent for x in b.sections}
    parts = [x.id for x in b.sections if x.kind == "part" and b.section_role(x.id) == "tasks"]
    leads: dict[str, list[tuple[str, tuple[int, int], str]]] = {}  # id -> (body, span, when)
    partners: dict[str, list[str]] = {}
    whens: dict[tuple[str, str], str] = {}  # (task, body): when a later clause of its duty says it
    for duty in b.duties:
        sec = by_id.get(duty.id)
        if sec is None or not duty.lead:
            continue
        for role, ids, span, when in _citing(b.text[sec.start : sec.end], sec.start):
            for cited_id in ids:
                # "nhiệm vụ 2.1" names the task 2.1 of the tasks part: III.2.1.
                sid = cited_id if cited_id in by_id else next(
                    (f"{p}.{cited_id}" for p in parts if f"{p}.{cited_id}" in by_id), cited_id)
                task = by_id.get(sid)
                # A task of the tasks part, whatever its title says ("8. Bảo đảm kinh phí và nguồn lực").
                if task is None or sid in have or b.section_role(sid.split(".")[0]) != "tasks" or sid in parents:
                    continue
                if role == "lead":
                    leads.setdefault(sid, []).append((duty.lead[0], span, when))
                elif role == "coordinate":
                    partners.setdefault(sid, []).append(duty.lead[0])
                else:
                    whens[(sid, duty.lead[0])] = when
    # A table of a row per body listing the numbers of its tasks ("Sở Nội vụ | Nhiệm vụ 7 | Nhiệm vụ 3, 5").
    for body, role, numbers, span in b.by_body:
        for number in numbers:
            sid = next((f"{p}.{number}" for p in parts if f"{p}.{number}" in by_id), "")
            if not sid or sid in have or sid in parents:
                continue
            if role == "lead":
                leads.setdefault(sid, []).append((body, span, ""))
            else:
                partners.setdefault(sid, []).append(body)
    out: list[Task] = []
    # A task the duties cite only as one to take part in ("Phối hợp thực hiện Hoạt động 2, 5, 10"), that none
    # leads: a task without a lead, with those partners.
    for sid in [x for x in partners if x not in leads]:
        task = by_id[sid]
        bodies = tuple(dict.fromkeys(partners[sid]))
        out.append(Task(sid, task.title, (), bodies, "", ((task.start, task.start), (task.start, task.end),
                                                          (task.start, task.start)), "referred", "", parse_timeline(""),
                        ("", "; ".join(bodies))))
    for sid, said in leads.items():
        task = by_id[sid]
        own = _bracket_roles(b.text[task.start : task.end], task.start, lead_needed=False) or _lines_roles(b, task)
        own = {**_labelled_within(b.text[task.start : task.end], task.start), **own}
        coord, time = own.get("coordinate", ("", 0, 0)), own.get("timeline", ("", 0, 0))
        lead = tuple(dict.fromkeys(x[0] for x in said))
        coordinate = tuple(dict.fromkeys(a for a in (*split_agencies(coord[0]), *partners.get(sid, ())) if a not in lead))
        when = next((w for body, _, w in said if w), "") or next((whens[(sid, body)] for body, _, _ in said
                                                                  if (sid, body) in whens), "")
        timeline = canon(time[0]).strip(" .;,") or when
        # A deadline the table of bodies gives the task by its number ("NV-01: Quý IV/2026").
        number = sid.split(".", 1)[1] if "." in sid else sid
        if not timeline and number in b.by_body_when:
            timeline, at = b.by_body_when[number]
            time = (timeline, *at)
        span = said[0][1]
        out.append(Task(sid, task.title, lead, coordinate, timeline,
                        (span, (coord[1], coord[2]), (time[1], time[2]) if time[0] else span), "referred", "",
                        parse_timeline(timeline), ("; ".join(lead), canon(coord[0]).strip(" .;,"))))
    return out


def cited_rows(b: _Builder) -> tuple[list[Task], set[str]]:
    """Rows of an assignment table that name the unit they assign by citing it ("Điểm b mục 3.1 – Rà soát phương án |
    Công an xã, Ban Chỉ huy Quân sự xã | … | Khi có thiên tai"), where that unit, a task of the tasks part, names no body
    itself: the unit is the task, with the row's roles (said in the row, cited there too); the rows that said so.
    Two rows citing one unit, or a row citing a unit with roles of its own, leave the row as it is."""
    from dataclasses import replace

    by_id = {x.id: x for x in b.sections}
    parents = {x.parent for x in b.sections}
    tasked = {t.id for t in b.tasks}
    claims: dict[str, list[Task]] = {}
    for t in b.tasks:
        if t.origin != "table":
            continue
        first = next(iter(cited(t.title)), None)
        if first is None or first.start > 2 or len(first.ids) != 1:
            continue
        sid = first.ids[0]
        unit = by_id.get(sid)
        if unit is None or sid in tasked or sid in parents or b.section_role(sid.split(".")[0]) != "tasks":
            continue
        claims.setdefault(sid, []).append(t)
    moved = [replace(rows[0], id=sid, title=by_id[sid].title) for sid, rows in claims.items() if len(rows) == 1]
    return moved, {rows[0].id for rows in claims.values() if len(rows) == 1}


def _labelled_within(text: str, base: int) -> dict[str, tuple[str, int, int]]:
    """When, what and with whom a unit's own running text says under a label: "… cấp phát cho tuyến huyện. Thời gian
    thực hiện: quý I và quý III/2026.", "Phối hợp: Sở Y tế, UBND các xã, phường." (the unit's first label of each
    kind, its value up to the sentence's end)."""
    f = fold(text)
    out: dict[str, tuple[str, int, int]] = {}
    for key in ("timeline", "product", "coordinate", "lead"):
        said = words("labels", key)
        if key == "lead":  # a body named so ("Đơn vị thực hiện: Văn phòng Sở", "Trách nhiệm thực hiện: Sở Tài chính"),
            said = tuple(w for w in said if w.startswith(("co quan ", "don vi ", "trach nhiem")))  # not "thực hiện: …" of a time
        alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(said, key=len, reverse=True))
        m = re.search(r"(?<![a-z])(?:" + alts + r")\s*:\s*", f)
        if m:
            # A lead's value ends at the next label's semicolon too: "Văn phòng Sở; thời gian: 2026 - 2028".
            end = re.search(r"\.(?=\s|$)|;|\n(?!\w)|$" if key == "lead" else r"\.(?=\s|$)|\n|$", text[m.end():])
            value = text[m.end() : m.end() + (end.start() if end else 0)].strip()
            # "phối hợp: Công an tỉnh, VNPT; thời gian:" then the time on the next line: a value ends at the next label.
            nxt = next((x for x in re.finditer(r";\s*([^;:]{2,30}?)\s*:", value) if label_of(x.group(1))), None)
            value = value[: nxt.start()].strip() if nxt else value
            # "phối hợp: Chi cục Chăn nuôi và Thú y (…); hoàn thành trước 15/3/2026": a piece that is a time ends the
            # bodies.
            if key in {"coordinate", "lead"}:
                pieces = value.split(";")
                while len(pieces) > 1 and _TIME_PIECE.match(pieces[-1]) and parse_timeline(pieces[-1]).kind not in {"", "other"}:
                    pieces.pop()
                value = ";".join(pieces).strip()
            if key == "lead":
                value = unwrap(value) if _bodies(unwrap(value)) else ""
            if value:
                out[key] = (value, base + m.start(), base + m.end() + len(value))
    return out


def _citing(text: str, base: int) -> list[tuple[str, tuple[str, ...], tuple[int, int], str]]:
    """The units a duty's text cites, each with the role the words before it give ("chủ trì", "đồng chủ trì
    với …", "phối hợp …"; a citation that follows another in the same clause takes its role), the span of
    its clause, and the timeline the words after it say ("hoàn thành trước ngày 30/11/2026")."""
    out: list[tuple[str, tuple[str, ...], tuple[int, int], str]] = []
    for m in re.finditer(r"[^.;]+(?:(?<=\d)\.(?=\d)[^.;]*)*", text):
        clause, start = m.group(0), m.start()
        role, pos = "", 0
        found = cited(clause)
        # "Chủ trì … tại tiểu mục 2.2, 2.3 Mục III; hoàn thành trước ngày 30/9/2026": a clause that only says
        # when gives it to the citations of the clause before, that said none.
        if not found and out and not out[-1][3]:
            flat = unwrap(clause)
            phrase = find_timeline(flat)
            if phrase and re.match(r"\s*[-–]?\s*(?:hoàn thành|thực hiện|triển khai|trước|trong|xong)", flat, re.I):
                k = len(out) - 1
                while k >= 0 and not out[k][3] and out[k][2][0] == out[-1][2][0]:
                    out[k] = (*out[k][:3], phrase[0])
                    k -= 1
        for n, c in enumerate(found):
            before = " ".join(fold(clause[pos : c.start]).split())  # a justified PDF line spaces its words twice
            # "chủ trì, phối hợp với Công an tỉnh thực hiện nhiệm vụ 3.2": it leads, with the bodies named as partners.
            if re.search(r"\bchu tri\s*,?\s*(?:va\s+)?phoi hop voi\b", before):
                role = "lead"
            elif re.search(r"\bphoi hop\b", before):
                role = "coordinate"
            elif re.search(r"\bchu tri\b", before):
                role = "lead"
            pos = c.end
            after = clause[c.end : found[n + 1].start if n + 1 < len(found) else len(clause)]
            after = re.sub(r"^[\s,(]+|[\s,)]*(?:\bvà\b)?[\s,)]*$", "", unwrap(after))
            # "thực hiện thường xuyên trong năm 2026" whole; from a longer clause, its timeline phrase.
            phrase, reads = find_timeline(after), parse_timeline(after).kind not in {"", "other"}
            when = after if len(after) <= 60 and (phrase or reads) else phrase[0] if phrase else after if reads else ""
            # "…; nhiệm vụ 4.2 thực hiện trong Quý II/2026": no role said, only when, of a task the duty has.
            if role or when:
                out.append((role or "when", c.ids, (base + start, base + start + len(clause)), when))
    return out


def _points_of(b: _Builder) -> dict[str, list[Section]]:
    """Each unit's lettered points, in the plan's order."""
    out: dict[str, list[Section]] = {}
    for x in b.sections:
        if x.kind == "point" and x.parent:
            out.setdefault(x.parent, []).append(x)
    return out


def group_roles(b: _Builder) -> list[Task]:
    """Roles said once for a group of points: "a) … b) … c) …" then "Cơ quan chủ trì: …; cơ quan phối hợp:
    …; thời gian thực hiện: …" after the last point, with no point saying its own. The paragraph holds for
    every point of the group; a point's own bracket ("(Sở Nội vụ chủ trì)") names its lead, the
    paragraph the rest. The tasks of every such group, in place of what the points said alone."""
    from dataclasses import replace

    from index.parse import Task

    tasks = {t.id: t for t in b.tasks}
    out: list[Task] = []
    for item_id, points in _points_of(b).items():
        item = next(x for x in b.sections if x.id == item_id)
        if len(points) < 2 or b.section_role(item.id) != "tasks":
            continue
        last = tasks.get(points[-1].id)
        if last is None or last.origin != "lines" or any(
                (t := tasks.get(x.id)) is not None and t.origin == "lines" for x in points[:-1]):
            continue
        # The paragraph starts on a line of its own, after the last point's own words.
        block = last.spans[0][0]
        own = b.text[points[-1].start : block]
        if not own.strip() or b.text[block - 1 : block] not in {"\n", ""}:
            continue
        for x in points:
            said = _bracket_roles(b.text[x.start : block if x is points[-1] else x.end], x.start)
            lead = split_agencies(said["lead"][0]) if "lead" in said else ()
            base = tasks.get(x.id) if x is not points[-1] else None
            if base is not None and base.origin != "brackets":
                continue
            out.append(Task(x.id, x.title, lead or last.lead, last.coordinate, last.timeline,
                            ((x.start, x.end), last.spans[1], last.spans[2]), "group", last.product, last.when,
                            ("", "") if lead else last.said))
    return [replace(t, coordinate=tuple(a for a in t.coordinate if a not in t.lead)) for t in out]


__all__ = ["cited_rows", "group_roles", "heading_bodies", "party_tasks", "referred_tasks", "split_agencies", "task_of", "words"]
