"""The genre's vocabulary (heading roles, role labels, cues, body heads), read from genre.toml."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from index.normalize import fold

_FILE = Path(__file__).with_name("genre.toml")


@cache
def vocabulary() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every table of genre.toml, its phrases folded (matching is on folded text)."""
    data = tomllib.loads(_FILE.read_text(encoding="utf-8"))
    return {
        table: {key: tuple(dict.fromkeys(v if table == "bodies" else fold(v) for v in values))
                for key, values in entries.items()}
        for table, entries in data.items()
    }


def words(table: str, key: str) -> tuple[str, ...]:
    return vocabulary()[table][key]


@cache
def phrase_pattern(table: str, key: str) -> re.Pattern[str]:
    """A folded-text pattern matching any phrase of one key, longest first, on word bounds."""
    alts = sorted(words(table, key), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![a-z0-9])")


def role_of(heading: str) -> str:
    """The role of a part from its heading words ("NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP" -> tasks)."""
    f = fold(heading)
    # "KẾT QUẢ THỰC HIỆN NĂM 2025", "Kết quả thực hiện một số chỉ tiêu", "Tình hình …", "Đánh giá …": a heading that
    # opens with a review's noun reviews what was done; its figures are results, not targets.
    if re.match(r"\W*(?:ket qua|tinh hinh|danh gia)\b", f):
        return "review"
    for role in vocabulary()["roles"]:
        if phrase_pattern("roles", role).search(f):
            return role
    return ""


def label_of(text: str) -> str:
    """Which role label a short text is ("Cơ quan chủ trì tham mưu" -> lead), or ""."""
    f = " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    # A column headed by a year ("Thực hiện năm 2025", "Năm 2026") holds that year's figures: no role's label.
    dated = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", f) is not None
    for key in ("number", "timeline") if dated else ("number", "start", "lead", "coordinate", "timeline", "product", "cost", "place", "content", "note"):
        for w in words("labels", key):
            if f == w or f.startswith(w + " "):
                return key
    return ""


# Capital letters of Vietnamese: a name begins with one.
UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"


@cache
def body_head() -> str:
    """A regex alternation of the first words of bodies' names, for splitting lists of bodies."""
    heads = sorted(words("bodies", "heads"), key=len, reverse=True)
    named = [re.escape(h) + r"(?=\s+[" + UPPER + "])" for h in words("bodies", "named_heads")]
    verbs = [v.split(" ", 1) for v in words("bodies", "head_verbs")]

    def head(h: str) -> str:
        return re.escape(h) + "".join(rf"(?!\s+{re.escape(rest)}\b)" for first, rest in verbs if first == h)

    return "(?:" + "|".join([*named, *(head(h) for h in heads)]) + ")"


@cache
def known_agencies() -> tuple[dict[str, object], ...]:
    """The directory of bodies plans name (agencies.toml): name, english, aliases, merged_into."""
    data = tomllib.loads(_FILE.with_name("agencies.toml").read_text(encoding="utf-8"))
    return tuple(data.get("agency", ()))


@cache
def known_name_pattern() -> re.Pattern[str]:
    """Known bodies' names at the start of a text (folded), longest first, a place name may follow."""
    names = sorted({fold(str(a["name"])) for a in known_agencies()}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z0-9])")
