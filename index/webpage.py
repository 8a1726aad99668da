"""Web pages saved from a legal-documents site as text: the element holding the document, without the site.

The document is found by going down from <body> while one child holds most of the text that is
not link text (menus and lists of related documents are mostly links); scripts, styles, forms
and hidden elements are dropped first. Data tables become pipe rows; tables used for page
layout are read as blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from index.ingest import nfc, pipe_rows

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "form", "iframe", "svg", "button",
         "select", "textarea", "input", "menu", "object", "canvas"}
_BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
          "blockquote", "pre", "dl", "dt", "dd", "hr", "center", "address", "figure", "figcaption", "header",
          "footer", "aside", "tr", "td", "th", "caption", "tbody", "thead", "tfoot", "body", "html"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_LONG_CELL = 1500  # a cell longer than this holds a page's layout, not a table's data
# A list item that numbers itself ("Chỉ tiêu 1: …", "2.1. …", "a) …") is a numbered unit, not a bullet.
_NUMBERED = re.compile(r"(?:[^\W\d_]+\s+){0,2}(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.:)]\s", re.IGNORECASE)


def read_html(data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    _css_tables(soup)
    for el in soup.find_all(True):
        if el.decomposed:
            continue
        if el.name in _SKIP or el.has_attr("hidden") or _HIDDEN.search(str(el.get("style", ""))):
            el.decompose()
    root = _content(soup.body or soup)
    lines: list[str] = []
    _render(root, lines)
    return nfc("".join(line + "\n" for line in lines))


# The table elements a style sheet's "display" makes of other elements, as a browser lays them out.
_DISPLAYED = {"table": "table", "inline-table": "table", "table-row": "tr", "table-cell": "td",
              "table-header-group": "thead", "table-row-group": "tbody", "table-footer-group": "tfoot"}


def _css_tables(soup: Any) -> None:
    """Elements a page lays out as a table with CSS ("<div class="tbl-row">" under a rule "display: table-row", or
    the same in a style attribute) made the table, row and cell elements they are shown as: a portal whose article
    template draws its tables from divs has them read as tables."""
    import tinycss2

    def shown(declarations: str | list[Any]) -> str:
        for d in tinycss2.parse_blocks_contents(declarations, skip_comments=True, skip_whitespace=True) \
                if isinstance(declarations, list) else tinycss2.parse_declaration_list(declarations, True, True):
            if d.type == "declaration" and d.lower_name == "display":
                return _DISPLAYED.get(tinycss2.serialize(d.value).strip().lower(), "")
        return ""

    for style in soup.find_all("style"):
        for rule in tinycss2.parse_stylesheet(style.get_text(), skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule" or not (kind := shown(rule.content)):
                continue
            try:
                found = soup.select(tinycss2.serialize(rule.prelude).strip())
            except Exception:  # a selector soupsieve does not read (":hover", "::before") lays out nothing here
                continue
            for el in found:
                if el.name in {"div", "span", "section", "p", "ul", "li"}:
                    el.name = kind
    for el in soup.find_all(style=True):
        if el.name in {"div", "span", "section", "p"} and (kind := shown(str(el["style"]))):
            el.name = kind


def _own_text(el: Any) -> int:
    """Characters of text outside links: menus and lists of related documents are mostly links."""
    total = len("".join(el.get_text(" ").split()))
    links = sum(len("".join(a.get_text(" ").split())) for a in el.find_all("a"))
    return total - links


def _content(el: Any) -> Any:
    """The element holding the document: go down while one child holds most of the text."""
    while True:
        whole = _own_text(el)
        children = [c for c in el.find_all(True, recursive=False) if c.name not in ("table", "tbody", "tr")]
        best = max(children, key=_own_text, default=None)
        if best is None or whole == 0 or _own_text(best) < 0.7 * whole:
            return el
        el = best


class _Lines:
    """Text collected into lines: whitespace collapsed as a browser does, a new line at each block."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.words: list[str] = []

    def add(self, text: str) -> None:
        self.words.append(text)

    def flush(self) -> None:
        line = " ".join("".join(self.words).split())
        if line:
            self.out.append(line)
        self.words = []


def _render(el: Any, out: list[str]) -> None:
    lines = _Lines(out)
    _walk(el, lines)
    lines.flush()


def _walk(el: Any, lines: _Lines) -> None:
    from bs4 import NavigableString, Tag

    for child in el.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, doctype or CDATA
                lines.add(str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                lines.flush()
            elif child.name == "table" and _is_data_table(child):
                lines.flush()
                lines.out.extend(pipe_rows(list(_html_rows(child))))
            elif child.name in _BLOCK or child.name == "table":
                lines.flush()
                if child.name == "li" and child.parent is not None and child.parent.name == "ol":
                    lines.add(_list_number(child))
                elif child.name == "li" and not _NUMBERED.match(child.get_text(" ", strip=True)):
                    lines.add("- ")  # a bullet, as the page shows it and a Word or Markdown plan writes it
                _walk(child, lines)
                lines.flush()
            else:
                _walk(child, lines)


def _list_number(li: Any) -> str:
    """The number a browser shows before an item of a numbered list, as a plan writes it: the list's `start` (or the
    item's `value`) counted on, in the list's `type` — "I." for parts, "1." for items, "a)" for points (a Google Docs
    export puts each item in a list of its own, `start="3" type="I"`)."""
    ol = li.parent
    value = str(li.get("value") or "")
    start = str(ol.get("start") or "1")
    n = int(value) if value.isdigit() else (int(start) if start.isdigit() else 1) + len(li.find_previous_siblings("li"))
    kind = str(ol.get("type") or "1")
    if kind in {"I", "i"} and n >= 1:
        return f"{_roman(n) if kind == 'I' else _roman(n).lower()}. "
    if kind in {"A", "a"} and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return f"{letter.upper() if kind == 'A' else letter}) "
    return f"{n}. "


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _is_data_table(table: Any) -> bool:
    rows = _rows_of(table)
    if table.find("table") or not rows:
        return False
    cells = [[c for c in tr.find_all(["td", "th"], recursive=False)] for tr in rows]
    if all(sum(1 for c in row if c.get_text(strip=True)) <= 1 for row in cells):
        return False  # one column: blocks laid out in a table
    # The letterhead or the signature beside "Nơi nhận" set side by side: blocks laid out, read one after another.
    if any(re.match(r"\s*(Nơi nhận|CỘNG HÒA XÃ HỘI|TM\.|KT\.)", c.get_text(" ", strip=True)) for row in cells for c in row):
        return False
    return all(len(c.get_text(" ", strip=True)) <= _LONG_CELL for row in cells for c in row)


def _rows_of(table: Any) -> list[Any]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _html_rows(table: Any) -> Iterator[list[tuple[str, int, bool]]]:
    """Each row's cells as (text, columns spanned, continues the cell above), rowspans spelled out."""
    down: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in _rows_of(table):
        row: list[tuple[str, int, bool]] = []
        col = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while down.get(col, 0) > 0:
                row.append(("", 1, True))
                down[col] -= 1
                col += 1
            lines: list[str] = []
            _render(cell, lines)
            span = _int(cell.get("colspan"))
            row.append(("<br>".join(lines), span, False))
            for c in range(col, col + span):
                down[c] = _int(cell.get("rowspan")) - 1
            col += span
        while down.get(col, 0) > 0:
            row.append(("", 1, True))
            down[col] -= 1
            col += 1
        yield row


def _int(value: object) -> int:
    try:
        return max(1, min(100, int(str(value))))
    except ValueError:
        return 1
