"""Agency directory: canonical Vietnamese names, abbreviations staff use, official English names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import agency as canon_agency
from index.normalize import fold
from index.parse import Plan

# Official English names and the abbreviations in everyday use, keyed by canonical name.
KNOWN: dict[str, tuple[str, tuple[str, ...]]] = {
    "Sở Lao động - Thương binh và Xã hội": (
        "Department of Labour, Invalids and Social Affairs",
        ("Sở LĐ-TB&XH", "LĐ-TB&XH", "LĐTBXH", "Sở LĐTBXH", "Sở Lao động", "DOLISA",
         "Department of Labor, Invalids and Social Affairs", "labour department", "labor department"),
    ),
    "Sở Thông tin và Truyền thông": (
        "Department of Information and Communications",
        ("Sở TT&TT", "Sở TTTT", "TT&TT", "STTTT", "Department of Information and Communication", "DIC"),
    ),
    "Sở Nội vụ": ("Department of Home Affairs", ("home affairs department", "DOHA")),
    "Sở Tài chính": ("Department of Finance", ("finance department", "DOF")),
    "Sở Y tế": ("Department of Health", ("health department", "DOH")),
    "Sở Giáo dục và Đào tạo": (
        "Department of Education and Training",
        ("Sở GD&ĐT", "Sở GDĐT", "GD&ĐT", "GDĐT", "education department", "DOET"),
    ),
    "Sở Khoa học và Công nghệ": (
        "Department of Science and Technology",
        ("Sở KH&CN", "Sở KHCN", "KH&CN", "science department", "DOST"),
    ),
    "Sở Kế hoạch và Đầu tư": (
        "Department of Planning and Investment",
        ("Sở KH&ĐT", "Sở KHĐT", "KH&ĐT", "planning department", "DPI"),
    ),
    "Sở Nông nghiệp và Phát triển nông thôn": (
        "Department of Agriculture and Rural Development",
        ("Sở NN&PTNT", "Sở NNPTNT", "NN&PTNT", "Sở Nông nghiệp", "agriculture department", "DARD"),
    ),
    "Sở Tài nguyên và Môi trường": (
        "Department of Natural Resources and Environment",
        ("Sở TN&MT", "Sở TNMT", "TN&MT", "environment department", "DONRE"),
    ),
    "Sở Văn hóa, Thể thao và Du lịch": (
        "Department of Culture, Sports and Tourism",
        ("Sở VH-TT&DL", "Sở VHTTDL", "VHTTDL", "Sở Văn hóa", "culture department"),
    ),
    "Sở Xây dựng": ("Department of Construction", ("construction department",)),
    "Bảo hiểm xã hội tỉnh": (
        "Provincial Social Insurance",
        ("BHXH tỉnh", "BHXH", "Bảo hiểm xã hội", "social insurance agency", "Vietnam Social Security"),
    ),
    "Ban Dân tộc tỉnh": (
        "Provincial Committee for Ethnic Minority Affairs",
        ("Ban Dân tộc", "ethnic minority committee", "ethnic affairs committee"),
    ),
    "Đài Phát thanh - Truyền hình tỉnh": (
        "Provincial Radio and Television Station",
        ("Đài PT-TH", "Đài PTTH", "Đài Phát thanh", "radio and television", "radio and TV station"),
    ),
    "Báo Quảng Ngãi": ("Quảng Ngãi Newspaper", ("Bao Quang Ngai", "Quang Ngai newspaper")),
    "UBND các huyện, thị xã, thành phố": (
        "People's Committees of districts, towns and cities",
        ("UBND cấp huyện", "UBND huyện", "Ủy ban nhân dân các huyện", "district People's Committees",
         "district-level People's Committees", "district People's Committee", "district-level People's Committee",
         "districts"),
    ),
    "Các sở, ban ngành tỉnh": (
        "provincial departments and agencies",
        ("các sở ngành", "sở ban ngành", "provincial departments", "departments and agencies"),
    ),
    "Các tổ chức chính trị - xã hội": (
        "socio-political organisations",
        ("tổ chức chính trị - xã hội", "socio-political organizations", "mass organisations"),
    ),
    "Sở Giao thông vận tải": ("Department of Transport", ("Sở GTVT", "GTVT", "transport department")),
    "Công an tỉnh": ("Provincial Police", ("police",)),
    "Bộ Chỉ huy Quân sự tỉnh": ("Provincial Military Command", ("Bộ CHQS tỉnh", "military command")),
    "Sở Công Thương": ("Department of Industry and Trade", ("Sở CT", "industry and trade department")),
    "Sở Tư pháp": ("Department of Justice", ("justice department",)),
    "Sở Ngoại vụ": ("Department of Foreign Affairs", ("foreign affairs department",)),
}


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
            for t in p.tasks:
                for n in (*t.lead, *t.coordinate):
                    names[n] = None
        self.agencies: list[Agency] = []
        for n in names:
            english, aliases = KNOWN.get(n, ("", ()))
            self.agencies.append(Agency(n, english, aliases))
        # Longest alias first, so "Sở Lao động - Thương binh và Xã hội" beats "Sở Lao động".
        pairs = []
        for a in self.agencies:
            # Staff drop the "và" and the commas: "so khoa hoc cong nghe".
            bare = re.sub(r",|\s+và\s+", " ", a.name)
            # "tổ chức chính trị - xã hội" names "Các tổ chức chính trị - xã hội".
            no_article = re.sub(r"^Các\s+", "", a.name) if a.name.startswith("Các tổ chức") else ""
            # "the labour, invalids and social affairs department" is its Department of ….
            inverted = re.sub(r"^Department of (.+)$", r"\1 department", a.english) if a.english else ""
            for alias in (a.name, bare, no_article, a.english, inverted, *a.aliases):
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
