"""HTML for passages, citations and sections; every piece of text is escaped here."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from assistant import Citation
from index.normalize import unwrap
from index.parse import Plan, Section
from webapp.texts import t

# A new paragraph starts at a bullet or a structural marker ("- ", "+ ", "1. ", "đ) ", "III. ").
_PARA = re.compile(r"^\s*(?:[-+*•]\s|\d{1,2}\.\s|[a-zđ]\)\s|[IVX]+\.\s)")


# Ids of the parts that are no numbered section; people read them by name.
NAMED_PARTS = ("header", "signature", "recipients")
_NAMED_ID = re.compile(r"(?<![\w.])(header|signature|recipients)(?!\w|\.\w)")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def section_label(sid: str, lang: str) -> str:
    """What a person calls a section: its id ("III.6.đ"), or a name for the header, signer and recipients."""
    return t(lang, f"id_{sid}") if sid in NAMED_PARTS else sid


def friendly_ids(text: str, lang: str) -> str:
    """Text with the ids "header", "signature", "recipients" read as names ("phần đầu văn bản" …)."""
    return _NAMED_ID.sub(lambda m: t(lang, f"id_{m.group(1)}").lower(), text)


def _line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, begins_paragraph) of the non-empty lines of text[start:end]."""
    pos, new_para = start, True
    for raw in text[start:end].splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        a, b = pos, pos + len(body)
        pos += len(raw)
        stripped = body.strip()
        # Lone "|" lines are table debris of the web rendering; blank lines end a paragraph.
        if not stripped or stripped == "|":
            new_para = True
            continue
        yield a, b, new_para or bool(_PARA.match(body))
        new_para = False


def _marked(text: str, a: int, b: int, hl: tuple[int, int] | None) -> str:
    """Escaped text[a:b] with its overlap with `hl` wrapped in <mark>."""
    if hl is None or hl[1] <= a or hl[0] >= b:
        return esc(text[a:b])
    m0, m1 = max(a, hl[0]), min(b, hl[1])
    return esc(text[a:m0]) + "<mark>" + esc(text[m0:m1]) + "</mark>" + esc(text[m1:b])


def passage_html(text: str, start: int, end: int, hl: tuple[int, int] | None = None) -> str:
    """text[start:end] as paragraphs (hard wraps joined), the `hl` span highlighted."""
    paras: list[list[str]] = []
    for a, b, new in _line_spans(text, start, end):
        piece = _marked(text, a, b, hl).strip()
        if new or not paras:
            paras.append([piece])
        else:
            paras[-1].append(piece)
    # A highlight running over a line break stays one mark.
    return "".join(f"<p>{' '.join(p)}</p>" for p in paras).replace("</mark> <mark>", " ")


def excerpt_html(text: str, start: int, end: int, hl: tuple[int, int] | None, context: int = 240) -> str:
    """A window of the passage around the highlight, clipped at word boundaries."""
    if hl is None or hl == (start, end):
        hl = None
        a, b = start, min(end, start + 2 * context)
    else:
        a, b = max(start, hl[0] - context), min(end, hl[1] + context)
    if a > start:
        gap = re.compile(r"\s").search(text, a, hl[0] if hl else b)
        a = gap.end() if gap else a
    if b < end:
        tail = text[hl[1] if hl else a : b]
        cut = max(tail.rfind(" "), tail.rfind("\n"))
        b = b - len(tail) + cut if cut > 0 else b
    body = passage_html(text, a, b, hl)
    if body and a > start:
        body = "<p>… " + body[len("<p>") :]
    if body and b < end:
        body = body[: -len("</p>")] + " …</p>"
    return body


def refine_highlight(text: str, c: Citation, answer: str) -> tuple[int, int]:
    """The answering sentence inside a citation that highlights its whole section.

    Content answers quote the best sentence of the section unwrapped; find that sentence
    back in the hard-wrapped source so the passage can mark it.
    """
    if c.highlight != (c.start, c.end):
        return c.highlight
    quoted = re.findall(r"“([^”]{20,})”", answer) or [answer.split(": ", 1)[-1]]
    for cand in quoted:
        words = cand.rstrip("…").split()[:14]
        if len(words) < 4:
            continue
        pat = r"\s+(?:\|\s+)?".join(re.escape(w) for w in words)
        m = re.search(pat, text[c.start : c.end])
        if m:
            a = c.start + m.start()
            stop = re.compile(r"[.;](?=\s)|\n-").search(text, c.start + m.end(), c.end)
            return a, (stop.end() if stop else c.end)
    return c.highlight


def crumbs(plan: Plan, sid: str) -> str:
    """Escaped "III. … › 6. … › đ) …" trail of a section, the last step in bold."""
    steps = []
    path = plan.path(sid)
    for i, s in enumerate(path):
        label = s.id.rsplit(".", 1)[-1]
        text = (
            f"{label}{')' if s.kind == 'point' else '.'} {s.title}"
            if s.kind in {"part", "item", "point"}
            else s.title
        )
        steps.append(f"<b>{esc(text)}</b>" if i == len(path) - 1 else esc(text))
    return " › ".join(steps)


def citation_cards(citations: Sequence[Citation], texts: dict[str, str], lang: str, answer: str = "") -> str:
    """Clickable cards (section id, title, passage with the answering lines marked)."""
    if not citations:
        return f'<div class="cites empty">{esc(t(lang, "no_citations"))}</div>'
    cards = []
    for i, c in enumerate(citations):
        src = texts.get(c.doc, "")
        hl = refine_highlight(src, c, answer) if src else None
        quote = excerpt_html(src, c.start, c.end, hl) if src else f"<p>{esc(c.quote)}</p>"
        cards.append(
            f'<div class="cite" role="button" tabindex="0" data-cite="{i}" title="{esc(t(lang, "open_hint"))}">'
            f'<div class="cite-head"><span class="sid">{esc(section_label(c.section, lang))}</span> '
            f'<span class="ctitle">{esc(c.title)}</span></div>'
            f'<div class="quote">{quote}</div></div>'
        )
    return (
        f'<div class="cites"><div class="cites-h">{esc(t(lang, "citations"))} ({len(citations)})</div>'
        + "".join(cards)
        + "</div>"
    )


def _children(plan: Plan, sid: str) -> list[Section]:
    return [s for s in plan.sections if s.parent == sid]


def section_html(plan: Plan, sid: str, lang: str, hl: tuple[int, int] | None = None) -> str:
    """The whole section: its place in the plan, its agencies and timeline, its text."""
    s = plan.section(sid)
    if s is None:
        return f'<div class="section-panel"><p>{esc(sid)}?</p></div>'
    out = [
        f'<div class="section-panel" data-sid="{esc(sid)}">',
        f'<div class="crumbs">{crumbs(plan, sid)}</div>',
        f'<div class="sec-h"><span class="sid">{esc(section_label(s.id, lang))}</span> {esc(s.title)}</div>',
    ]
    task = plan.task(sid)
    if task:
        rows = [
            ("lead", "; ".join(task.lead)),
            ("coordinate", "; ".join(task.coordinate)),
            ("timeline", task.timeline),
        ]
        out.append(
            '<dl class="roles">'
            + "".join(f"<dt>{esc(t(lang, k))}</dt><dd>{esc(v)}</dd>" for k, v in rows)
            + "</dl>"
        )
    body = passage_html(plan.text, s.start, s.end, hl)
    out.append(f'<div class="sec-body">{body}</div>')
    kids = _children(plan, sid)
    if kids:
        out.append(
            f'<div class="kids"><div class="kids-h">{esc(t(lang, "subsections"))}</div><ul>'
            + "".join(f"<li><span class='sid'>{esc(section_label(k.id, lang))}</span> {esc(k.title)}</li>"
                      for k in kids)
            + "</ul></div>"
        )
    out.append("</div>")
    return "".join(out)


def table_cards(head: Sequence[str], rows: Sequence[Sequence[object]], lang: str) -> str:
    """A table as cards, for a phone: the first two cells head a card, the others are labelled lines."""
    if not rows:
        return f'<div class="cards empty">{esc(t(lang, "rows", n=0))}</div>'
    out = []
    for row in rows:
        lines = "".join(f"<dt>{esc(h)}</dt><dd>{esc(v)}</dd>" for h, v in zip(head[2:], row[2:], strict=False)
                        if v not in ("", None))
        out.append(f'<div class="card"><div class="card-h"><span class="sid">{esc(row[0])}</span> {esc(row[1])}</div>'
                   f"<dl>{lines}</dl></div>")
    return f'<div class="cards">{"".join(out)}</div>'


def panel_placeholder(lang: str) -> str:
    return f'<div class="section-panel empty">{esc(t(lang, "panel_hint"))}</div>'


def quote_text(text: str, c: Citation, answer: str = "") -> str:
    """Plain text of the answering lines of a citation (for Markdown and the API)."""
    a, b = refine_highlight(text, c, answer) if text else c.highlight
    if (a, b) == (c.start, c.end):
        q = c.quote
        return q if len(q) <= 300 else q[:300].rsplit(" ", 1)[0] + " …"
    return unwrap(text[a:b]) if text else c.quote
