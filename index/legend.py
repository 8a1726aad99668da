"""A plan's own legend of short forms: the table or list under "Chữ viết tắt" ("TTTGPL | Trung tâm Trợ giúp pháp lý
nhà nước tỉnh"), and a short form given in passing ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh (sau đây viết tắt là
TTTGPL)"). Read from the plan's text; the words that mark a legend are the genre's (genre.toml [legend])."""

from __future__ import annotations

import re

from index.genre import body_head, phrase_pattern, words
from index.normalize import canon, fold
from index.tables import cells

# A short form: a few words at most, one of them written in capitals ("TTTGPL", "Phòng PBGDPL", "UBND cấp xã").
_SHORT = re.compile(r"^(?=.*\b[A-ZĐ]{2,})[^\W_][\w\s.&\-–/]{0,38}$")
# "- TTTGPL: Trung tâm …", "TTTGPL - Trung tâm …", "TTTGPL = …": a line of a legend written as a list.
_LISTED = re.compile(r"^\s*(?:[-–•+*]\s*)?([^:=]{1,40}?)\s*(?::|=|\s[-–]\s)\s*(.{3,160}?)\s*[;.]?\s*$")


def _heads(text: str) -> bool:
    """A heading or column name of a legend: its words are all the legend's ("Chữ viết tắt:", "CÁC CHỮ VIẾT TẮT")."""
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    return bool(folded) and phrase_pattern("legend", "heads").fullmatch(folded) is not None


def _named(text: str) -> bool:
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    return bool(phrase_pattern("legend", "names").fullmatch(folded))


def _pair(short: str, full: str) -> tuple[str, str] | None:
    short, full = canon(short).strip(" .:;"), canon(full).strip(" .;")
    if not _SHORT.match(short) or len(full) <= len(short) or not re.search(r"[a-zà-ỹđ]", full):
        return None
    return short, full


def abbreviations(text: str) -> tuple[tuple[str, str], ...]:
    """(short form, full name) of each short form the plan defines, in the order it defines them; the first
    definition of a form holds."""
    found: dict[str, str] = {}
    lines = text.splitlines()
    in_table = in_list = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("|"):
            row = cells(stripped)
            if set("".join(row)) <= set("-: "):
                continue
            if len(row) >= 2 and _heads(row[0]) and (_named(row[1]) or len(row) == 2):
                in_table = True
                continue
            if in_table and len(row) >= 2 and (pair := _pair(row[0], row[1])):
                found.setdefault(*pair)
                continue
            in_table = False
            continue
        in_table = False
        if _heads(stripped.rstrip(":")):
            in_list = True
            continue
        if in_list:
            m = _LISTED.match(stripped)
            if m and (pair := _pair(m.group(1), m.group(2))):
                found.setdefault(*pair)
                continue
            in_list = False
    # In passing: the body's name from its first word up to the bracket that gives its short form, found in the folded
    # text (as long as the text, letter for letter) and read from the text.
    canonical = canon(text)
    folded = fold(canonical)
    if len(folded) == len(canonical):
        inline = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words("legend", "inline"), key=len, reverse=True))
        for m in re.finditer(rf"\(\s*(?:{inline})\s*:?\s*([^()\n]{{1,30}}?)\s*\)", folded):
            before = canonical[max(0, m.start() - 160): m.start()]
            name = list(re.finditer(rf"{body_head()}[^()\n]{{2,140}}?$", before.rstrip()))
            if name and (pair := _pair(canonical[m.start(1): m.end(1)].strip("“”\"'"), name[-1].group(0))):
                found.setdefault(*pair)
    return tuple(found.items())


__all__ = ["abbreviations"]
