"""How questions ask: intent phrasings and staff abbreviations, read from lexicon.toml."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from index.normalize import fold

_FILE = Path(__file__).with_name("lexicon.toml")


@cache
def _data() -> dict[str, object]:
    return tomllib.loads(_FILE.read_text(encoding="utf-8"))


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation (folded) -> what it stands for, as written: "tg" -> "thời gian"."""
    return {str(k): str(v) for k, v in _data()["abbreviations"].items()}  # type: ignore[attr-defined]


@cache
def short_forms() -> frozenset[str]:
    """The abbreviations staff type that the lexicon spells out, plain or by context ("ct", "nv", "kcn")."""
    return frozenset(abbreviations()) | frozenset(ambiguous())


@cache
def lexicon_words() -> frozenset[str]:
    """Every word the lexicon's phrasings and abbreviations are made of, folded ("sdt", "ct", "led", "chu", "tri" …):
    words the lexicon reads itself, which no plan's phrase is to be spelled out from."""
    out: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.update(re.findall(r"[a-z0-9]+", fold(value)))
        elif isinstance(value, dict):
            for k, v in value.items():
                out.update(re.findall(r"[a-z0-9]+", fold(str(k))))
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(_data())
    return frozenset(out)


@cache
def intent_words() -> dict[str, tuple[str, ...]]:
    return {str(k): tuple(v) for k, v in _data()["intents"].items()}  # type: ignore[attr-defined]


@cache
def generic_lead() -> tuple[str, ...]:
    return tuple(_data()["generic_lead"])  # type: ignore[arg-type]


@cache
def ambiguous() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Abbreviation (folded) -> its meanings (folded), each with the words that may follow it."""
    return {str(k): [(fold(m[0]), tuple(m[1:])) for m in v]
            for k, v in _data()["ambiguous"].items()}  # type: ignore[attr-defined]


def _meaning(abbr: str, before: str, after: str) -> str:
    """The meaning of an ambiguous abbreviation that the words beside it call for (a word written "<w" is one
    that comes before it); its first meaning else."""
    def fits(n: str) -> bool:
        if n.startswith("<"):
            return bool(re.search(r"\b" + re.escape(n[1:]) + r"[\s,]*$", before))
        return bool(re.match(re.escape(n) + r"\b", after))

    meanings = ambiguous()[abbr]
    return next((m for m, near in meanings if any(fits(n) for n in near)), meanings[0][0])


@functools.lru_cache(maxsize=512)  # read for each intent, fact and list a question is tested for
def spelled_out(text: str) -> str:
    """Folded text with staff abbreviations spelled out: "so nao lo nv 6d, tg?" -> "… nhiem vu 6d, thoi gian?"."""
    table = {k: fold(v) for k, v in abbreviations().items()}
    folded = fold(text)

    def spell(m: re.Match[str]) -> str:
        w = m.group(0)
        if w in ambiguous():
            return _meaning(w, folded[:m.start()], folded[m.end():].lstrip(" "))
        return table.get(w, w)

    # A code's parts ("65/KH-UBND", "42-NQ/TW") are no abbreviations to spell out.
    return re.sub(r"(?<![\w/.-])[a-z]+(?![\w/-])", spell, folded)


@cache
def function_words() -> frozenset[str]:
    """Syllables of Vietnamese function words (stopwords-iso, via stopwordsiso), as written and folded:
    "riêng", "sẽ", "tất" say nothing about a question's topic, whether or not a plan uses them."""
    import stopwordsiso

    syllables = {w for phrase in stopwordsiso.stopwords("vi") for w in phrase.lower().split()}
    return frozenset(syllables | {fold(w) for w in syllables})


@cache
def function_pairs() -> frozenset[str]:
    """Folded pairs of syllables that say nothing of a topic: the two-syllable function words ("thực sự",
    "hoàn toàn") and any two one-syllable ones ("của các"); "thực phẩm" is none, though each syllable is part
    of some function word."""
    import stopwordsiso

    phrases = {fold(w) for w in stopwordsiso.stopwords("vi")}
    single = sorted(w for w in phrases if " " not in w)
    return frozenset({w for w in phrases if w.count(" ") == 1} | {f"{a} {b}" for a in single for b in single})


@cache
def month_numbers() -> dict[str, int]:
    """Each name a question gives a month ("february", "feb") and its number (lexicon.toml [lists] months)."""
    return {name: n for n, names in enumerate(list_words("months"), 1) for name in names.split()}


@cache
def month_names() -> tuple[str, ...]:
    """Each month's full English name, January first: the first name of each (lexicon.toml [lists] months)."""
    return tuple(names.split()[0] for names in list_words("months"))


@cache
def list_words(key: str) -> tuple[str, ...]:
    """Phrasings of a kind of question: "due" is lexicon.toml's [lists] due, "facts.signer" its [facts] signer."""
    table, _, name = key.rpartition(".")
    return tuple(_data()[table or "lists"][name])  # type: ignore[index]


def bare_phrase(phrase: str) -> str:
    """A phrasing's words, without the marks Phrases reads: "coordinat~" -> "coordinat", "deadline(s)" -> "deadline"."""
    return phrase.removesuffix("(s)").rstrip("~")


class Phrases:
    """Phrasings matched as whole words in folded text, one compiled pattern for all of them: a phrasing ending
    in "~" is a stem ("coordinat~"); one ending in "(s)" holds in the plural too ("deadline(s)": "with deadlines");
    one beginning with a sign ("%") is matched as it is written."""

    def __init__(self, words: Iterable[str]) -> None:
        words = [fold(w.strip()) for w in words]  # as the text they are found in is folded ("bac si": "bac sy")
        self.signs = tuple(w for w in words if not w[0].isalnum())
        alternatives = [re.escape(bare_phrase(w))
                        + ("" if w.endswith("~") else r"s?(?![a-z0-9])" if w.endswith("(s)") else r"(?![a-z0-9])")
                        for w in words if w[0].isalnum()]
        self.rx = re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + ")") if alternatives else None

    def found(self, t: str) -> bool:
        return any(w in t for w in self.signs) or (self.rx is not None and self.rx.search(t) is not None)


@cache
def phrases(key: str) -> Phrases:
    """list_words(key) as one matcher."""
    return Phrases(list_words(key))


def says(text: str, key: str) -> bool:
    """True when the folded, spelled-out question uses a phrasing of that kind (whole words; "~" ends a stem)."""
    return phrases(key).found(" " + spelled_out(text) + " ")


@cache
def intent_tokens() -> frozenset[str]:
    """The words the intent phrasings are made of ("phoi", "hop", "chu", "tri", "deadline" …)."""
    return frozenset(w for words in intent_words().values() for phrase in words
                     for w in re.findall(r"[a-z]+", fold(bare_phrase(phrase))))
