"""English -> Vietnamese terms of social policy, so English questions can use the lexical index."""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from assistant.lexicon import abbreviations
from index.normalize import tokens

_TABLES = tomllib.loads((Path(__file__).with_name("glossary.toml")).read_text(encoding="utf-8"))
# English phrase -> the Vietnamese wording plans use; a key of [questions] wins over the genre's tables.
EN_VI: dict[str, str] = {k: v for name, table in _TABLES.items() if name not in {"questions", "acronyms"} for k, v in table.items()}
EN_VI.update(_TABLES["questions"])
# The terms English questions about social-policy plans were seen to use: the abstention thresholds
# (core.UNTRANSLATED_EN) were fitted on questions read with these alone.
_ASKED = set(_TABLES["questions"])
# The genre's general vocabulary ([genre_general]: "station", "set up", "automatic") helps find the passage an English
# question means; a clause's topic, a mention searched and a plan named by its topic are the topic tables' to say
# (topic_phrases, glossed(general=False)).
_GENERAL = set(_TABLES.get("genre_general", {}))


def _number(phrase: str) -> set[str]:
    """A phrase in the singular and the plural, its last word inflected: "industrial parks" is asked as
    "an industrial park" too, "flash flood" as "flash floods"."""
    head, last = phrase.rsplit(" ", 1)
    if not last.isalpha() or len(last) <= 3:
        return {phrase}
    if last.endswith("ies"):
        other = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        other = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        other = last[:-1]
    elif last.endswith("y") and last[-2] not in "aeiou":
        other = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        other = last + "es"
    else:
        other = last + "s"
    return {phrase, f"{head} {other}"}


def _inflections(key: str) -> set[str]:
    """"reward" -> rewards, rewarding, rewarded; "raise" -> raising: questions inflect."""
    if " " in key:
        return _number(key)
    # A past form is not inflected again: "built" + "ing" made "builting", of which
    # "building" looked like a slip.
    if not key.isalpha() or key.endswith(("ed", "lt")):
        return {key}
    # An acronym has a plural only: "ngo" + "ing" made "ngoing", one slip from "ongoing".
    if len(key) <= 3:
        return {key, key + "s"}
    stem = key[:-1] if key.endswith("e") else key
    plural = key + "es" if key.endswith(("s", "x", "z", "ch", "sh")) else key + "s"  # not "reportes"
    return {key, plural, stem + "ing", stem + "ed"}


_KEY = {form: key for key in EN_VI for form in _inflections(key)}
_KEY.update({key: key for key in EN_VI})  # an exact key wins over another key's inflection
# A hyphen joins words as a space does: "flash-flood" is the "flash flood" of the glossary, and "community
# based" its "community-based" (questions are read with hyphens between letters as spaces, below).
for _form in [f for f in _KEY if "-" in f]:
    _KEY.setdefault(re.sub(r"(?<=[a-z])-(?=[a-z])", " ", _form), _KEY[_form])
_FORMS = {form: EN_VI[key] for form, key in _KEY.items()}
_PATTERN = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(k) for k in sorted(_FORMS, key=len, reverse=True)) + r")(?![\w])"
)
# The topic tables alone, as if the general vocabulary were not there: "water samples" (a general phrase) still says
# the topic "water".
_TOPIC_PATTERN = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(k) for k in sorted(_FORMS, key=len, reverse=True) if _KEY[k] not in _GENERAL)
    + r")(?![\w])"
)


_ASKED_PATTERN = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(k) for k in sorted((f for f, k in _KEY.items() if k in _ASKED), key=len, reverse=True))
    + r")(?![\w])"
)


def edits1(word: str) -> set[str]:
    """Every string one letter away from a word: a letter dropped, added, changed or swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in cuts if b} | {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    return out | {a + c + b[1:] for a, b in cuts if b for c in letters} | {a + c + b for a, b in cuts for c in letters}


_GLOSSARY_WORDS = {w for form in _FORMS for w in re.findall(r"[a-z]+", form)}


# Acronyms English questions write in capitals for the genre's terms ("HI coverage", "PWDs"): read as the words they
# stand for, and only in capitals ("Hi, who leads …" greets).
_ACRONYMS = re.compile(r"\b(" + "|".join(map(re.escape, _TABLES["acronyms"])) + r")\b")


@functools.lru_cache(maxsize=256)  # read three times a question: terms, tokens, topics
def _corrected(text: str) -> str:
    """Lower-cased text with a glossary word's one-letter slips mended ("populaton"), acronyms spelled out."""
    text = _ACRONYMS.sub(lambda m: _TABLES["acronyms"][m.group(1)], text)
    def mend(m: re.Match[str]) -> str:
        w = m.group(0)
        if len(w) < 6 or w in _GLOSSARY_WORDS:
            return w
        # A plural is no slip of its singular: "island" is not "islands" mistyped.
        near = sorted(x for x in edits1(w) & _GLOSSARY_WORDS if x.rstrip("s") != w.rstrip("s"))
        return near[0] if len(near) == 1 else w
    # "catch-up (mop-up) vaccination": a short bracket is read after the words it stood between, which make a phrase.
    said = re.findall(r"\(([^()]{1,40})\)", text)
    text = re.sub(r"\s*\([^()]{1,40}\)\s*", " ", text) + "".join(f" | {x}" for x in said)
    text = re.sub(r"[a-z]+", mend, re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text.lower()))
    return text + "".join(f" | {x}" for x in dict.fromkeys(_compounded(text)))


def _compounded(text: str) -> list[str]:
    """"registration of births", "care of the elderly": a noun and what it is of, said the other way round, where
    the glossary has that compound ("birth registration", "elderly care") and not the phrase as written."""
    out = []
    for m in re.finditer(r"(?=\b([a-z]+) of (?:the |their |its )?([a-z]+(?: [a-z]+)?)\b)", text):
        head, of = m.groups()
        for words in (of, of.split(" ")[0]):
            last = words.rsplit(" ", 1)[-1]
            one = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") and not last.endswith("ss") else last
            compound = f"{words[: len(words) - len(last)]}{one} {head}"
            if compound in _KEY and f"{head} of {words}" not in _KEY:
                out.append(compound)
                break
    # "exercise regularly", "screened periodically": a verb and its adverb, where the glossary has the noun after the
    # adjective ("regular exercise", "periodic screening").
    # The word before the adverb is a verb: a participle, or after a modal, "to" or a pronoun ("should exercise
    # regularly"), not a noun ("the housing target specifically").
    for m in re.finditer(r"(?=\b(?:(?:should|must|will|would|can|could|may|to|they|we|people|who|and|or|be)\s+([a-z]+)"
                         r"|([a-z]+(?:ing|ed)))\s([a-z]+?)(i|al)?ly\b)", text):
        verb, stem, tail = m.group(1) or m.group(2), m.group(3), m.group(4)
        for adj in dict.fromkeys((stem + {"i": "y", "al": "al"}.get(tail or "", ""), stem + ("ic" if tail == "al" else ""),
                                  stem + "e" if tail is None else stem)):
            bases = {verb, verb.removesuffix("s"), verb.removesuffix("ing"), verb.removesuffix("ing") + "e",
                     verb.removesuffix("ed"), verb.removesuffix("d")}
            found = next((c for c in (f"{adj} {form}" for base in sorted(bases) for form in _inflections(base))
                          if c in _KEY), None)
            if found and f"{verb} {stem}{tail or ''}ly" not in _KEY:
                out.append(found)
                break
    return out


def translate_terms(text: str) -> str:
    """The Vietnamese terms for the English phrases of a question, space-separated."""
    return " ".join(_FORMS[m.group(1)] for m in _PATTERN.finditer(_corrected(text)))


# Abbreviations staff type for the plan's topics; the plan spells them out. Agencies' own
# abbreviations (Sở LĐTBXH, UBND) are the agency directory's.
ABBREVIATIONS = abbreviations()
_ABBR_TOKENS = {k: tokens(v) for k, v in ABBREVIATIONS.items()}


def expand_tokens(text: str, english: bool) -> list[str]:
    """Folded tokens of a question, abbreviations spelled out, with Vietnamese terms added
    for its English phrases; "" marks where one added term ends."""
    own = [w for t in tokens(text) for w in _ABBR_TOKENS.get(t, [t])]
    if not english:
        return own
    # "famtrips", "homestays": an English word a plan writes as it is, in the singular ("tổ chức famtrip").
    singular = [w for t in own if len(t) >= 5 and t.endswith("s") and not t.endswith("ss") for w in ("", t[:-1])]
    # "" between terms: a bigram across two translated terms ("y tế" + "chỉ tiêu") is noise.
    return own + singular + [w for m in _PATTERN.finditer(_corrected(text)) for w in ("", *tokens(_FORMS[m.group(1)]))]


# Words that name the plan's setting, not a topic: "provincial" alone does not make
# "Who is the provincial Party Secretary?" a question about the plan.
_SETTING = {"provincial", "province", "provinces", "district", "districts", "city", "cities", "town", "towns", "commune",
            "communes", "ward", "wards", "issued", "departments",
            "people's committee", "people's council"}


def is_setting(term: str) -> bool:
    """An English term that names the plan's setting ("commune", "provincial"), no topic."""
    return term.lower() in _SETTING


def content_terms(text: str) -> list[str]:
    """English phrases of a question that the glossary can put into Vietnamese: what BM25 and the evidence of the
    plan's words can match of it."""
    return [m.group(1) for m in _PATTERN.finditer(_corrected(text)) if m.group(1) not in _SETTING]


def topic_phrases(text: str) -> list[str]:
    """content_terms() of the topic tables alone: the phrases a clause must write to be what the question is about
    ("water" of "water samples", not the general "water sample")."""
    return [m.group(1) for m in _TOPIC_PATTERN.finditer(_corrected(text)) if m.group(1) not in _SETTING]


def asked_terms(text: str) -> list[str]:
    """content_terms() of the [questions] table: the evidence the abstention thresholds were fitted on."""
    return [m.group(1) for m in _ASKED_PATTERN.finditer(_corrected(text)) if m.group(1) not in _SETTING]


def corrected(text: str) -> str:
    """The text glossed() reads, lower-cased and mended, to which its offsets point."""
    return _corrected(text)


def glossed(text: str, general: bool = True) -> list[tuple[int, int, str]]:
    """Where a text's English phrases are (offsets into corrected(text)), and their Vietnamese: (start, end,
    Vietnamese) of each; its topic phrases only, without the general vocabulary, where `general` is False."""
    pattern = _PATTERN if general else _TOPIC_PATTERN
    return [(m.start(1), m.end(1), _FORMS[m.group(1)]) for m in pattern.finditer(_corrected(text))]


# The tables of the genre's own procedure ("implement", "implementation plan", "progress"): words every plan writes,
# which tell no topic.
_PROCEDURE_TABLES = ("administration", "planning_monitoring", "common")
_PROCEDURAL = {form for name in _PROCEDURE_TABLES for key in _TABLES.get(name, {}) for form in _inflections(key)}


def procedural(term: str) -> bool:
    """A phrase of the genre's procedure ("implementing", "progress"), not of a topic ("landfills")."""
    return term in _PROCEDURAL


def vietnamese(term: str) -> str:
    """The Vietnamese wording of a phrase content_terms() found."""
    return _FORMS[term]
