"""Agency directory: canonical Vietnamese names, abbreviations staff use, official English names."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise

from assistant.lexicon import list_words
from index.genre import known_agencies
from index.normalize import agency as canon_agency
from index.normalize import fold
from index.parse import Plan

# Official English names and the abbreviations in everyday use, keyed by canonical name; the data
# lives in index/agencies.toml beside the genre's other words.
KNOWN: dict[str, tuple[str, tuple[str, ...]]] = {
    str(a["name"]): (str(a.get("english", "")), tuple(str(x) for x in a.get("aliases", ())))  # type: ignore[attr-defined]
    for a in known_agencies()
}


def _listed(entry: dict[str, object], key: str) -> tuple[str, ...]:
    """A list of a directory entry's ("aliases", "member_of"), as strings; () where it has none."""
    value = entry.get(key, ())
    return tuple(str(x) for x in value) if isinstance(value, list | tuple) else ()


@cache
def _known_as() -> dict[str, str]:
    """Each listed body by the folded form of its Vietnamese other names ("Ủy ban nhân dân các xã, phường")."""
    return {squash(alias): name for name, (_, aliases) in KNOWN.items() for alias in aliases
            if re.search(r"[À-ỹ]|^(?:Sở|Ban|Hội|Ủy|UBND|Đoàn|Công an|Bộ|Trung tâm|Báo|Đài)\b", alias)}


def _english(name: str) -> str:
    """English for a body the directory does not list, from its form: "Báo Hà Sơn" -> "Hà Sơn Newspaper"."""
    m = re.fullmatch(r"Báo\s+(.+)", name)
    return f"{m.group(1)} Newspaper" if m else ""


# A body of a level ("Hội Nông dân xã") is named as the same body of the province is, its level put for the
# province's ("Hội Nông dân tỉnh": "Provincial Farmers' Union"), and without its level word ("Hội Nông dân").
# Each listed body by its other names that end in a level word ("Đoàn Thanh niên tỉnh").
_NAMED_AS = {alias: name for name, (_, aliases) in KNOWN.items() for alias in aliases
             if re.search(r"\s(?:tỉnh|huyện|xã|phường)$", alias)}
_LEVEL_EN = {"tỉnh": "Provincial", "huyện": "District", "xã": "Commune", "phường": "Ward", "thị trấn": "Township"}
_LEVELS = ("tỉnh", "huyện", "thị trấn", "xã", "phường")


# A body's name ending in its level word ("Hội Nông dân xã"); a committee, a plural or a post names no one body.
_LEVELED = re.compile(r"(.+?)\s+(tỉnh|huyện|xã|phường|thị trấn)")


def _leveled_initials(name: str) -> str:
    """"ca xa", "tyt xa", "bchqs xa", "hlhpn tinh": a body of a level by the initials of its name and its level word,
    as staff type it; "" for a committee, a name of one word or of more than five."""
    leveled = _LEVELED.fullmatch(name) if not name.endswith("thị trấn") else None
    if not leveled or name.startswith(("UBND", "Ủy ban")):
        return ""
    words_of = [w for w in leveled.group(1).split() if w.lower() != "và"]
    return "".join(w[0] for w in words_of) + " " + leveled.group(2) if 2 <= len(words_of) <= 5 else ""


# The first words of bodies staff name by that word and initials ("hội", "đoàn": lexicon.toml [lists] initialled_heads).
_INITIALLED = frozenset(fold(w) for w in list_words("initialled_heads"))


def _headed_initials(name: str) -> str:
    """"hội lhpn", "đoàn tn", "hội ccb": a body by the first word of its name and the initials of the words after it
    (of the first two where the name runs long: "Đoàn Thanh niên Cộng sản Hồ Chí Minh"), as staff type it, its level
    word aside; "" for a committee or a name of fewer than three words."""
    bare = _LEVELED.fullmatch(name)
    words = [w for w in (bare.group(1) if bare else name).split() if w.isalpha() and w.lower() != "và"]
    if len(words) < 3 or fold(words[0]) not in _INITIALLED:
        return ""
    rest = words[1:] if len(words) <= 5 else words[1:3]
    return f"{words[0]} {''.join(w[0] for w in rest)}"


_NOT_ONE_BODY = re.compile(r"(?:UBND|Ủy ban nhân dân|Các|Trưởng)\b")


def _leveled(name: str, least: int) -> tuple[str, str] | None:
    """A body's name without its level word, and the level ("Hội Nông dân xã": "Hội Nông dân", "xã"), where the name
    left has `least` syllables or more; None else."""
    m = _LEVELED.fullmatch(name)
    if not m or _NOT_ONE_BODY.match(name) or len(m.group(1).split()) < least:
        return None
    return m.group(1), m.group(2)


def _base(name: str) -> str:
    """A body's name without its level word ("Hội Liên hiệp Phụ nữ tỉnh": "Hội Liên hiệp Phụ nữ"); "" for a name
    without one, a committee's, or a base of fewer than three syllables (a common noun as often as a name: "công
    tác thư viện" is no Thư viện tỉnh)."""
    found = _leveled(name, 3)
    return found[0] if found else ""


def _kin(name: str) -> tuple[str, tuple[str, ...]] | None:
    """English and aliases for a body at a level that the directory lists at another level; its name without
    its level word too ("Hội Nông dân xã": "Commune Farmers' Union", "Hội Nông dân"). None for another name."""
    # "Công an xã" is the Commune Police though "Công an" alone names no one body: English from a base of two words
    # too, the base an alias only where it has three (_base).
    found = _leveled(name, 2)
    if found is None:
        return None
    base, level = found
    own = (base,) if _base(name) else ()
    for other, known_level in ((f"{base} {x}", x) for x in _LEVEL_EN if x != level):
        # Listed under its name at that level, or under another name of it ("Đoàn Thanh niên tỉnh" of the
        # "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh").
        other = other if other in KNOWN else _NAMED_AS.get(other, other)
        if other in KNOWN:
            english, aliases = KNOWN[other]
            english = re.sub(rf"^{_LEVEL_EN[known_level]}\b", _LEVEL_EN[level], english) if english else ""
            return english, (*own, *(re.sub(rf"\s{known_level}$", f" {level}", a) for a in aliases))
    return ("", own) if own else None


@dataclass(frozen=True, slots=True)
class Agency:
    name: str  # canonical Vietnamese name as the plan writes it
    english: str
    aliases: tuple[str, ...]
    full: str = ""  # the name a short form stands for, where the plan's legend gives it ("TTTGPL": "Trung tâm …")


def squash(text: str) -> str:
    """Folded text with "&", "-" and "." inside abbreviations removed: "LĐ-TB&XH" -> "ldtbxh"."""
    t = re.sub(r"\s+[-–]\s+", " ", fold(text))  # "chính trị - xã hội": a spaced dash is a space
    t = re.sub(r"(?<=\w)\s*&\s*(?=\w)|(?<=\w)\.(?=\w)", "", t)  # "TT & TT", "L.Đ"; not a sentence's full stop
    t = re.sub(r"(?<=\w)\s*-\s*(?=\w)", "-", t)
    t = re.sub(r"(?<=[a-z])-(?=[a-z]{1,3}\b)", "", t)
    return " " + " ".join(re.findall(r"[a-z0-9]+", t)) + " "


_EN_GLUE = {"and", "of", "the", "s"}
# The words a level standing for its committees may follow: none, or a word that joins ("của", "cho", "thì").
_BEFORE_LEVEL = {"cua", "cho", "voi", "va", "o", "thi", "tai", "la", "ve", "doi", "rieng", "con", "nhu"}


def _en_word(w: str) -> str:
    """An English word without its plural: "committees" -> "committee", "cities" -> "city"."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _en_words(name: str) -> list[str]:
    return [x for x in (_en_word(w) for w in re.findall(r"[a-z0-9]+", squash(name))) if x not in _EN_GLUE]


class Directory:
    """Every body named in a plan's role lines, findable by any of its names."""

    def __init__(self, plans: tuple[Plan, ...] | list[Plan]) -> None:
        names: dict[str, None] = {}
        for p in plans:
            for t in p.work():
                for n in (*t.lead, *t.coordinate):
                    names[n] = None
        self.agencies: list[Agency] = []
        # "Hội Liên hiệp Phụ nữ" names the plan's "Hội Liên hiệp Phụ nữ tỉnh": a body of a level goes by its name
        # without the level word too, where one body of the plans has that name; of several levels, the highest.
        holders: dict[str, str] = {}
        for n in sorted(names, key=lambda x: next((i for i, w in enumerate(_LEVELS) if x.endswith(" " + w)), 0)):
            if (base := _base(n)) and base not in holders:
                holders[base] = n
        # A short form the plan's own legend gives ("TTTGPL"): the body is known by the name it stands for, its
        # remark aside ("Phòng Phổ biến, giáo dục pháp luật (thuộc Sở Tư pháp)").
        full_of = {canon_agency(short): re.sub(r"\s*\([^()]*\)\s*$", "", full) for p in plans for short, full in p.abbreviations}
        for written in names:
            full = full_of.get(written, "")
            n = full or written
            # A branch ("Ngân hàng Chính sách xã hội chi nhánh tỉnh Phú Lâm") goes by its body's names too.
            body = re.sub(r"\s+huyện$", "", re.split(r"\s+chi nhánh\b", n)[0])  # "Hội Khuyến học huyện" too
            if n not in KNOWN and body not in KNOWN and (listed := _known_as().get(squash(n))):
                # "Ủy ban nhân dân các xã, phường" written whole: the directory's "UBND các xã, phường" by another name.
                english, aliases = KNOWN[listed][0], (listed, *KNOWN[listed][1])
            elif n in KNOWN or body not in KNOWN:
                english, aliases = KNOWN.get(n, (_english(n), ()))
                if n not in KNOWN:
                    english, aliases = _kin(n) or (english, aliases)
            else:
                english, aliases = KNOWN[body][0], (body, *KNOWN[body][1])
            base = _base(n)
            if base and base not in aliases and holders.get(base) == n:
                aliases = (*aliases, base)
            self.agencies.append(Agency(written, english, (full, *aliases) if full else aliases, full))
        # "sở gd", "so ld": a department by the initials of its field's first word, where no other
        # department of the plans shares them ("sở kh" may be Khoa học or Kế hoạch: neither).
        # So is every longer start of its field's initials no other department shares ("so ldtb" of Lao động - Thương
        # binh và Xã hội).
        heads: dict[str, list[Agency]] = {}
        for a in self.agencies:
            words = [w for w in re.findall(r"[^\W\d_]+", a.name[3:]) if w.lower() != "và"] if a.name.startswith("Sở ") else []
            for k in range(2, len(words)):
                heads.setdefault("Sở " + "".join(w[0] for w in words[:k]), []).append(a)
        starts: dict[str, list[str]] = {}
        for head, those in heads.items():
            if len(those) == 1:
                starts.setdefault(those[0].name, []).append(head)
        first_word = {name: heads_of[0] for name, heads_of in starts.items()}
        # Longest alias first, so "Sở Lao động - Thương binh và Xã hội" beats "Sở Lao động".
        pairs = []
        own_names = {squash(a.name) for a in self.agencies}
        levels: list[str] = []
        for a in self.agencies:
            # Staff drop the "và" and the commas: "so khoa hoc cong nghe".
            bare = re.sub(r",|\s+và\s+", " ", a.name)
            # "tổ chức chính trị - xã hội" names "Các tổ chức chính trị - xã hội".
            no_article = re.sub(r"^Các\s+", "", a.name) if a.name.startswith("Các tổ chức") else ""
            # "the labour, invalids and social affairs department" is its Department of ….
            inverted = re.sub(r"^Department of (.+)$", r"\1 department", a.english) if a.english else ""
            # "sở tc", "so nnmt": a department by the initials of its field, as staff type it.
            # "Trạm Y tế các xã, phường, thị trấn" is "trạm y tế xã" as staff type it, "UBND các huyện, thị xã,
            # thành phố" "ubnd huyện": the body of its first unit, unless a body of the plans has that name.
            each = re.sub(r"\s+các\s+([^\W\d_]+(?: xã)?)\b.*$", r" \1", a.name) if re.search(r"\scác\s", a.name) else ""
            if each == a.name or squash(each) in own_names:
                each = ""
            # "cấp huyện phải làm gì": the committees of that level ("UBND các huyện, thị xã, thành phố").
            level = re.sub(r"^(?:UBND|Ủy ban nhân dân)\s+(?:các\s+)?", "cấp ", each) if re.match(r"(?:UBND|Ủy ban nhân dân)\s", each) else ""
            levels.append(level)
            initials = glued = ""
            short: tuple[str, ...] = ()
            if a.name.startswith(("Sở ", "Phòng ")):  # "phong ldvl": a department's own division too
                head = a.name.split()[0]
                field = [w for w in re.findall(r"[^\W\d_]+", a.name[len(head) :]) if w.lower() != "và"]
                initials = head + " " + "".join(w[0] for w in field)
                # "so yte", "so taichinh": the field typed without its spaces.
                glued = head + " " + "".join(field) if 1 < len(field) <= 3 else ""
                # "s tai chinh", "s.yte": the "Sở" cut to its "s", the field whole or glued.
                if head == "Sở" and field:
                    short = ("s " + " ".join(field), *(("s" + "".join(field),) if 1 < len(field) <= 3 else ()))
            # "sldtbxh", "stc", "syt", "snn": a department's initials glued to the "s" of its "Sở", as staff type them,
            # or spaced from it ("s yt", "s tc").
            s_glued = [f"s{gap}{ws[1]}" for x in (initials, first_word.get(a.name, "")) if len(ws := squash(x).split()) == 2
                       and x.startswith("Sở ") for gap in ("", " ")]
            # "ubnd xa phuong", "ủy ban nhân dân các xã phường": a committee's name in its short or long form, with or
            # without the "các" of its units.
            forms = {re.sub(r"^Ủy ban nhân dân\b", "UBND", bare), re.sub(r"^UBND\b", "Ủy ban nhân dân", bare)} - {bare} \
                if re.match(r"(?:UBND|Ủy ban nhân dân)\s", bare) else set()
            forms |= {re.sub(r"\s+các\s+", " ", x) for x in (bare, *forms) if re.match(r"(?:UBND|Ủy ban nhân dân)\s+các\s", x)}
            # "ca xa", "tyt xa", "bchqs xa": a body of a level by its initials and its level word, as staff type it.
            by_initials = _leveled_initials(a.name)
            headed = _headed_initials(a.name)
            for alias in (a.name, bare, no_article, a.english, inverted, initials, glued, each, level, *starts.get(a.name, []),
                          *s_glued, *short, *sorted(forms), *a.aliases, by_initials, headed):
                if alias:
                    pairs.append((squash(alias), a))
        # "Department of Education", "Department of Labour": an English name cut before its first "and" or comma, where
        # two words or more stay and no other body of the plans is so named.
        cut: dict[str, list[Agency]] = {}
        for a in self.agencies:
            first = re.split(r",| and ", a.english, maxsplit=1)[0].strip() if a.english else ""
            if first != a.english and len(first.split()) >= 3:
                cut.setdefault(squash(first), []).append(a)
        taken = {alias for alias, _ in pairs}
        pairs += [(alias, ones[0]) for alias, ones in cut.items() if len(ones) == 1 and alias not in taken]
        pairs.sort(key=lambda p: -len(p[0]))
        self._pairs = pairs
        # Two syllables of a body's name typed as one ("tram yte xa", "s.taichinh"): each such run, spaced again. Not
        # where the run is a syllable itself ("hoang" of "ho ang").
        from index.normalize import SYLLABLE

        toks = [squash(x).split() for a in self.agencies for x in (a.name, *a.aliases)]
        self._glued = {f"{x}{y}": f"{x} {y}" for ws in toks for x, y in pairwise(ws)
                       if x.isalpha() and y.isalpha() and not SYLLABLE.fullmatch(x + y)}
        self._levels = {squash(x) for x in levels}
        # Each English name as a set of words, for the orders English puts them in ("the commune and ward
        # People's Committees" is the "People's Committees of communes and wards").
        # Its English aliases too ("ethnic minority committee" said "the Ethnic Minorities Committee").
        self._english_words = sorted(((ws, a) for a in self.agencies
                                      for name in [a.english, *(x for x in a.aliases if x.isascii() and " " in x)] if name
                                      for ws in [frozenset(_en_words(name))] if len(ws) >= 2), key=lambda x: -len(x[0]))
        self._english_vocab = frozenset().union(*(ws for ws, _ in self._english_words))
        self._found: dict[str, list[Agency]] = {}
        self._plans, self._names = plans, names
        self._absent_names: list[tuple[str, str, tuple[str, ...]]] | None = None  # built by absent() when first asked
        # Each body's name as folded words, less the words that join ("và", "các"), for shortened names.
        self._short_names = {a: [w for w in re.findall(r"[a-z0-9]+", squash(a.name)) if w not in {"va", "cac"}]
                             for a in self.agencies if len(re.findall(r"\w+", a.name)) >= 3}
        self._by_first: dict[str, list[Agency]] = {}
        for a, name in self._short_names.items():
            self._by_first.setdefault(name[0], []).append(a)
        # Each body the directory has no English name for: the words of its name, less those that join, and the
        # words it writes with capitals after its first (its place: "Sông Lam"), for English questions (_glossed).
        self._unnamed_en = [(a, set(re.findall(r"[a-z0-9]+", squash(a.full or a.name))) - {"va", "cac", "co", "cua", "tai"},
                             {w for m in re.finditer(r"(?<!^)\b[A-ZĐ][^\W\d_]*", a.full or a.name)
                              for w in re.findall(r"[a-z0-9]+", fold(m.group(0)))})
                            for a in self.agencies if not a.english]

    def _absent(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(alias, name, member_of) of each body the directory knows that no plan names anywhere in its text, longest
        alias first. Read on the first question that needs it: squashing every plan's text takes about a second
        at 500 plans, no work for loading them."""
        if self._absent_names is not None:
            return self._absent_names
        # Bodies the directory knows that no plan names, anywhere in its text, by their names: a question about
        # one is about a body the plans never name (absent()).
        # Only a body of its own name counts: not the committees of a level or a kind of body ("UBND các xã", "Các sở,
        # ban ngành"), which plans word in many ways, nor a department merged into another (its successor answers), nor
        # one the plans name at another level ("Hội Liên hiệp Phụ nữ huyện" for the provincial Women's Union).
        said = " ".join(squash(p.text) for p in self._plans)
        taken = {alias for alias, _ in self._pairs}

        def named_somewhere(k: dict[str, object]) -> bool:
            base = re.sub(r"\s+(?:tỉnh|huyện|xã|phường)$", "", str(k["name"]))
            return squash(base) in said or any(squash(x) in said for x in _listed(k, "aliases"))

        self._absent_names = sorted(
            ((alias, str(k["name"]), _listed(k, "member_of"))
             for k in known_agencies() if str(k["name"]) not in self._names and not k.get("merged_into")
             and not re.match(r"(?:UBND|Ủy ban nhân dân|Các)\s", str(k["name"])) and not named_somewhere(k)
             # a provincial body typed without its level ("hội lhpn") is named as much as with it
             for alias in {form for x in (str(k["name"]), str(k.get("english", "")), *_listed(k, "aliases"),
                                          _leveled_initials(str(k["name"])), _headed_initials(str(k["name"]))) if x
                           for form in (squash(x), re.sub(r" tinh $", " ", squash(x)))}
             if alias not in taken and (alias.count(" ") >= 3 or len(alias) >= 6)),
            key=lambda x: -len(x[0]))
        return self._absent_names

    def absent(self, text: str) -> tuple[list[tuple[str, tuple[str, ...]]], str]:
        """The bodies a text names that no plan names (the Women's Union of a plan that never writes it), each with
        the kinds of body a plan may name it by as a whole ("tổ chức chính trị - xã hội"); and the text (folded)
        without any body's name."""
        s = self.unnamed(text)
        s = f" {s} "
        out: list[tuple[str, tuple[str, ...]]] = []
        for alias, name, kinds in self._absent():
            if alias in s and all(n != name for n, _ in out):
                out.append((name, kinds))
                s = s.replace(alias, " ")
        return out, " ".join(s.split())

    def get(self, name: str) -> Agency | None:
        return next((a for a in self.agencies if a.name == canon_agency(name)), None)

    @cached_property
    def english_words(self) -> frozenset[str]:
        """The words of every body's English name and alias, the directory's own and the plan's: an English
        question's capitalised "Invalids", "Affairs", "Bank" are a body's words, no name the plan lacks."""
        names = [a.english for a in self.agencies] + [x for a in self.agencies for x in a.aliases]
        names += [x for english, aliases in KNOWN.values() for x in (english, *aliases)]
        return frozenset(w.lower().rstrip("'’s") for n in names for w in re.findall(r"[A-Za-z][\w'’-]*", n))

    def find(self, text: str) -> list[Agency]:
        """Agencies named in a text, in order of appearance, each once. A question is read by several parts of
        the assistant: the last texts' bodies are kept."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= 256:  # cleared, not trimmed: threads of the web app share it
                self._found.clear()
            found = self._found[text] = self._find(text)
        return list(found)

    def _squashed(self, text: str) -> str:
        """squash(text), two syllables of a body's name typed as one spaced again ("yte": "y te")."""
        return re.sub(r"[a-z0-9]+", lambda m: self._glued.get(m.group(0), m.group(0)), squash(text))

    def _find(self, text: str) -> list[Agency]:
        found = self._spans(self._squashed(text))
        found += self._glossed(text, {a for _, _, a in found})
        out: list[Agency] = []
        for _, _, a in sorted(found, key=lambda x: x[0]):
            if a not in out:
                out.append(a)
        return out

    def unnamed(self, text: str) -> str:
        """The text (folded) without the bodies it names: what "who leads the Social Insurance Law task: the
        provincial Social Insurance or the Department of Labour?" asks about, less the bodies it offers as answers."""
        s = self._squashed(text)
        for start, end, _ in sorted(self._spans(s), key=lambda x: -x[0]):
            s = s[:start] + " " + s[end:]
        return " ".join(s.split())

    def subject(self, text: str) -> Agency | None:
        """The body a question opens with as what it asks of ("Công an tỉnh chủ trì nv nào, …", "which tasks does the
        Provincial Police lead"); None where it opens otherwise."""
        s = self._squashed(text)
        spans = sorted(self._spans(s), key=lambda x: x[0])
        if not spans:
            return None
        before = s[: spans[0][0]].split()
        if not before or re.fullmatch(r"(?:(?:which|what)(?: \w+){0,3} (?:does|do|will|must|should|is|are)(?: the)?)",
                                      " ".join(before)):
            return spans[0][2]
        return None

    def offered(self, text: str) -> bool:
        """Two bodies or more named as the alternatives of one answer ("sở ldtb hay sở gd chủ trì", "the Department of
        Health or the Provincial Social Insurance?"): nothing but "hay", "hoặc", "or" stands between two names."""
        s = self._squashed(text)
        spans = sorted((b, e) for b, e, _ in self._spans(s))
        return any(re.fullmatch(r"\s*(?:,\s*)?(?:hay|hoac|hay la|or|or the|hoac la)\s*", s[e1:b2])
                   for (_, e1), (b2, _) in itertools.pairwise(spans))

    def _spans(self, s: str) -> list[tuple[int, int, Agency]]:
        """(start, end, body) of each name in a squashed text."""
        found: list[tuple[int, int, Agency]] = []
        taken: list[tuple[int, int]] = []
        for alias, a in self._pairs:
            start = s.find(alias)
            while start >= 0:
                end = start + len(alias)
                # "cấp xã" names the communes' committees where it stands alone ("cấp huyện phải làm gì"), not as
                # what a noun is of ("ngân sách cấp xã").
                if alias in self._levels and s[:start].split()[-1:] not in ([], *([w] for w in _BEFORE_LEVEL)):
                    start = s.find(alias, end - 1)
                    continue
                # Aliases are space-padded; two names side by side share one space.
                inner = (start + 1, end - 1)
                if not any(inner[0] < e and b < inner[1] for b, e in taken):
                    taken.append(inner)
                    found.append((*inner, a))
                start = s.find(alias, end - 1)
        found += self._english_reordered(s, taken, {a for _, _, a in found})
        found += self._abbreviated(s, taken, {a for _, _, a in found})
        return found

    def _glossed(self, text: str, known: set[Agency]) -> list[tuple[int, int, Agency]]:
        """Bodies without an English name of the directory's, named in English by words the glossary puts into
        Vietnamese: "the Provincial Forest Protection and Development Fund" holds every word of "Quỹ Bảo vệ và
        Phát triển rừng tỉnh"; a place name in the body's name must be in the question as it is ("Sông Lam")."""
        from assistant.glossary import corrected, glossed

        phrases = glossed(text)
        said = corrected(text)
        if not phrases:
            return []
        bag = {w for _, _, vi in phrases for w in re.findall(r"[a-z0-9]+", fold(vi))}
        places = {w for m in re.finditer(r"(?<!^)(?<![.?!]\s)\b[A-ZĐ][^\W\d_]*", text) for w in re.findall(r"[a-z0-9]+", fold(m.group(0)))}
        out = []
        for a, need, caps in self._unnamed_en:
            # A word in five of its name may go untranslated ("Trường" of a university), none of its place's.
            if a in known or len(need & bag) < 2 or len(need - bag - places) > len(need) // 5 or not caps - bag <= places:
                continue
            # The phrases that say the name: most of their words are its words ("forest land", "đất lâm nghiệp", shares
            # no more than "lâm" with "Ban Quản lý rừng phòng hộ Sông Lam").
            used = sorted((b, e) for b, e, vi in phrases
                          if len(ws := set(re.findall(r"[a-z0-9]+", fold(vi)))) <= 2 * len(ws & need))
            # A name is said in one run ("provinces in the library" names no "Thư viện tỉnh"): the run of the phrases
            # with only joining words between them that says the most of it.
            runs: list[list[tuple[int, int]]] = []
            for (_, e), (b2, e2) in pairwise(used):
                gap = said[e:b2]
                if not runs:
                    runs.append([used[0]])
                if set(re.findall(r"[a-z]+", gap)) - _EN_GLUE - {"for", "a"} or re.search(r"[.;:?!()]", gap):
                    runs.append([(b2, e2)])
                else:
                    runs[-1].append((b2, e2))
            run = max(runs or [used], key=len)
            words = {w for b, e, vi in phrases if (b, e) in run for w in re.findall(r"[a-z0-9]+", fold(vi))}
            if len(need & words) < 2 or len(need - words - places) > len(need) // 5:
                continue
            out.append((run[0][0], max(e for _, e in run), a))
        # Of bodies the same words name, the one that needs the most of them ("… Fund" over a body all of whose
        # words are among the Fund's).
        return [x for x in out if not any(y is not x and y[0] <= x[0] and x[1] <= y[1]
                                           and len(y[2].name) > len(x[2].name) for y in out)]

    def _abbreviated(self, s: str, taken: list[tuple[int, int]], known: set[Agency]) -> list[tuple[int, int, Agency]]:
        """Bodies named as staff shorten them: the name's first word, then words of it in order, some given by
        their initials, some left out ("quỹ bv rừng" is the Quỹ Bảo vệ và Phát triển rừng tỉnh, "chi cục kl" the
        Chi cục Kiểm lâm). Half its words must be said, and no other body may fit the words as well."""
        toks = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[a-z0-9]+", s)]
        fits: list[tuple[int, tuple[int, int], Agency]] = []
        for i, tok in enumerate(toks):
            for a in self._by_first.get(tok[2], ()):
                if a in known:
                    continue
                name = self._short_names[a]
                said, at, k, short = 1, 1, i + 1, False
                while k < len(toks) and at < len(name):
                    w = toks[k][2]
                    if w in {"va", "cac"} and k + 1 < len(toks):  # "so kh va cn", "ban ql cac kcn"
                        k += 1
                        continue
                    step = next((p for p in range(at, min(at + 4, len(name))) if name[p] == w), None)
                    if step is not None:
                        said, at = said + 1, step + 1
                    else:
                        step = next((p for p in range(at, min(at + 4, len(name))) if 2 <= len(w) <= 3
                                     and "".join(x[0] for x in name[p : p + len(w)]) == w), None)
                        if step is None:
                            break
                        said, at, short = said + len(w), step + len(w), True
                    k += 1
                span = (toks[i][0], toks[k - 1][1])
                if k - i >= 2 and short and said * 2 >= len(name) and not any(span[0] < e and b < span[1] for b, e in taken):
                    fits.append((said, span, a))
        out = []
        # The fullest fit first; one that another body fits as fully over the same words is nobody's.
        for said, span, a in sorted(fits, key=lambda x: (-x[0], x[1])):
            rivals = [x for x in fits if x[2] != a and x[0] == said and x[1][0] < span[1] and span[0] < x[1][1]]
            if not rivals and not any(span[0] < e and b < span[1] for b, e in taken):
                taken.append(span)
                out.append((*span, a))
        return out

    def _english_reordered(self, s: str, taken: list[tuple[int, int]], known: set[Agency]) -> list[tuple[int, int, Agency]]:
        """Bodies an English text names with the words of their English name in another order: a run of
        words holding every word of the name and nothing but them and "and", "of", "the"."""
        toks = [(m.start(), m.end(), _en_word(m.group(0))) for m in re.finditer(r"[a-z0-9]+", s)]
        starts = [i for i, tok in enumerate(toks) if tok[2] in self._english_vocab]
        out: list[tuple[int, int, Agency]] = []
        if len(starts) < 2:
            return out
        for words, a in self._english_words:
            if a in known:
                continue
            for i in starts:
                seen: set[str] = set()
                j = i
                while j < len(toks) and (toks[j][2] in words or (toks[j][2] in _EN_GLUE and seen)):
                    seen.add(toks[j][2])
                    j += 1
                    if words <= seen:
                        span = (toks[i][0], toks[j - 1][1])
                        if not any(span[0] < e and b < span[1] for b, e in taken):
                            taken.append(span)
                            out.append((*span, a))
                        break
                if a in (x for _, _, x in out):
                    break
        return out

    def english(self, name: str) -> str:
        a = self.get(name)
        return a.english if a else ""


# A question that opens by saying who asks ("Tôi mới về Sở Nội vụ …:", "Bên BHXH tỉnh hỏi:", "I work at the
# Department of Health."): the body named there is the asker's, not what is asked about.
_ASKER = re.compile(r"^\W*(?:(?:toi|minh|em|ben toi|chung toi|i|we)(?: moi| hien| dang)? (?:ve|lam|lam viec|cong tac|o|tu|thuoc|"
                    r"work|am|m|are|come)\b|ben .{2,60} hoi\s*$)")


# A body named as the one the unit asked for belongs to ("which unit of the Department of Agriculture and Environment
# leads …", "phòng nào thuộc Sở Y tế chủ trì …"): it holds the answer, it does not give it.
_PARENT = re.compile(
    r"\b(?:which|what)\s+(?:units?|divisions?|offices?|sections?|teams?|centres?|centers?|bod(?:y|ies))\s+"
    r"(?:of|under|within|in|at)\s+(?P<en>.+?)(?=\s+(?:leads?|is|are|coordinates?|handles?|will|must|should|has|have|takes?|"
    r"runs?|supports?|chairs?|in charge|responsible)\b)"
    r"|\b(?:don vi|phong|bo phan|trung tam|chi cuc)\s+nao\s+(?:cua|thuoc|truc thuoc|trong|o)\s+(?P<vi>.+?)"
    r"(?=\s+(?:chu tri|phoi hop|duoc giao|phu trach|thuc hien|lam|dam nhan|dam nhiem)\b)")


_QUOTED = re.compile(r"“[^”]{3,200}”|\"[^\"]{3,200}\"|(?<!\w)'[^']{3,200}'(?!\w)|‘[^’]{3,200}’")


def named_bodies(text: str, directory: Directory) -> list[Agency]:
    """The bodies a question names, less the asker's own where it names others ("Tôi mới về Sở Nội vụ: những
    kế hoạch nào giao Công an tỉnh …" asks of the police), and less the one a unit asked for belongs to."""
    folded = fold(text)
    if (m := _PARENT.search(folded)) and len(folded) == len(text):
        text = text[: m.start("en" if m.group("en") else "vi")] + text[m.end("en" if m.group("en") else "vi"):]
    # "… the task text says it is done 'in coordination with the Department of Construction'. Which body leads it?": the
    # plan's words a question quotes (four words or more) describe the task; the bodies in them are none it asks of.
    text = _QUOTED.sub(lambda q: " " * len(q.group(0)) if len(q.group(0).split()) >= 4 else q.group(0), text)
    found = directory.find(text)
    clauses = re.split(r"(?<=[.:;?!])\s+", text, maxsplit=1)
    if len(found) > 1 and len(clauses) == 2 and _ASKER.search(fold(clauses[0]).rstrip(".:;?! ")):
        rest = directory.find(clauses[1])
        if rest:
            return rest
    return found
