"""Agency directory: canonical Vietnamese names, abbreviations staff use, official English names."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def _english(name: str) -> str:
    """English for a body the directory does not list, from its form: "Báo Hà Sơn" -> "Hà Sơn Newspaper"."""
    m = re.fullmatch(r"Báo\s+(.+)", name)
    return f"{m.group(1)} Newspaper" if m else ""


@dataclass(frozen=True, slots=True)
class Agency:
    name: str  # canonical Vietnamese name as the plan writes it
    english: str
    aliases: tuple[str, ...]


def squash(text: str) -> str:
    """Folded text with "&", "-" and "." inside abbreviations removed: "LĐ-TB&XH" -> "ldtbxh"."""
    t = re.sub(r"\s+[-–]\s+", " ", fold(text))  # "chính trị - xã hội": a spaced dash is a space
    t = re.sub(r"(?<=\w)\s*&\s*(?=\w)|(?<=\w)\.(?=\w)", "", t)  # "TT & TT", "L.Đ"; not a sentence's full stop
    t = re.sub(r"(?<=\w)\s*-\s*(?=\w)", "-", t)
    t = re.sub(r"(?<=[a-z])-(?=[a-z]{1,3}\b)", "", t)
    return " " + " ".join(re.findall(r"[a-z0-9]+", t)) + " "


class Directory:
    """Every body named in a plan's role lines, findable by any of its names."""

    def __init__(self, plans: tuple[Plan, ...] | list[Plan]) -> None:
        names: dict[str, None] = {}
        for p in plans:
            for t in p.work():
                for n in (*t.lead, *t.coordinate):
                    names[n] = None
        self.agencies: list[Agency] = []
        for n in names:
            # A branch ("Ngân hàng Chính sách xã hội chi nhánh tỉnh Phú Lâm") goes by its body's names too.
            body = re.split(r"\s+chi nhánh\b", n)[0]
            if n in KNOWN or body not in KNOWN:
                english, aliases = KNOWN.get(n, (_english(n), ()))
            else:
                english, aliases = KNOWN[body][0], (body, *KNOWN[body][1])
            self.agencies.append(Agency(n, english, aliases))
        # "sở gd", "so ld": a department by the initials of its field's first word, where no other
        # department of the plans shares them ("sở kh" may be Khoa học or Kế hoạch: neither).
        heads: dict[str, list[Agency]] = {}
        for a in self.agencies:
            words = re.findall(r"[^\W\d_]+", a.name[3:]) if a.name.startswith("Sở ") else []
            if len(words) > 2:
                heads.setdefault("Sở " + "".join(w[0] for w in words[:2]), []).append(a)
        first_word = {a.name: head for head, those in heads.items() if len(those) == 1 for a in those}
        # Longest alias first, so "Sở Lao động - Thương binh và Xã hội" beats "Sở Lao động".
        pairs = []
        for a in self.agencies:
            # Staff drop the "và" and the commas: "so khoa hoc cong nghe".
            bare = re.sub(r",|\s+và\s+", " ", a.name)
            # "tổ chức chính trị - xã hội" names "Các tổ chức chính trị - xã hội".
            no_article = re.sub(r"^Các\s+", "", a.name) if a.name.startswith("Các tổ chức") else ""
            # "the labour, invalids and social affairs department" is its Department of ….
            inverted = re.sub(r"^Department of (.+)$", r"\1 department", a.english) if a.english else ""
            # "sở tc", "so nnmt": a department by the initials of its field, as staff type it.
            initials = ""
            if a.name.startswith("Sở "):
                initials = "Sở " + "".join(w[0] for w in re.findall(r"[^\W\d_]+", a.name[3:]) if w.lower() != "và")
            for alias in (a.name, bare, no_article, a.english, inverted, initials, first_word.get(a.name, ""), *a.aliases):
                if alias:
                    pairs.append((squash(alias), a))
        pairs.sort(key=lambda p: -len(p[0]))
        self._pairs = pairs

    def get(self, name: str) -> Agency | None:
        return next((a for a in self.agencies if a.name == canon_agency(name)), None)

    def find(self, text: str) -> list[Agency]:
        """Agencies named in a text, in order of appearance, each once."""
        s = squash(text)
        found: list[tuple[int, Agency]] = []
        taken: list[tuple[int, int]] = []
        for alias, a in self._pairs:
            start = s.find(alias)
            while start >= 0:
                end = start + len(alias)
                # Aliases are space-padded; two names side by side share one space.
                inner = (start + 1, end - 1)
                if not any(inner[0] < e and b < inner[1] for b, e in taken):
                    taken.append(inner)
                    found.append((start, a))
                start = s.find(alias, end - 1)
        out: list[Agency] = []
        for _, a in sorted(found, key=lambda x: x[0]):
            if a not in out:
                out.append(a)
        return out

    def english(self, name: str) -> str:
        a = self.get(name)
        return a.english if a else ""
