"""Chunk a parsed plan: one chunk per deepest section with text, long ones split with overlap."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from index.normalize import unwrap
from index.parse import Plan

# Separators from coarse to fine; a sentence end is preferred over a clause.
_SEPARATORS = ["\n\n", ".\n", ". ", ";\n", "; ", "\n", ", ", " ", ""]


@dataclass(frozen=True, slots=True)
class Chunk:
    doc: str  # corpus file name
    section: str
    part: int  # 1-based piece number within the section
    start: int  # offsets into the corpus file: text == source[start:end]
    end: int
    text: str
    title: str  # the section's title path, "III › 6 › đ) Về nhà ở"

    @property
    def clean(self) -> str:
        return unwrap(self.text)

    def embed_text(self) -> str:
        """What the embedder and the lexical index see: title path, then the repaired text."""
        return f"{self.title}\n{self.clean}"


def title_path(plan: Plan, sid: str) -> str:
    """Human path of a section: "III. Nội dung… › 6. Nâng cao phúc lợi… › đ) Về nhà ở"."""
    parts = []
    for s in plan.path(sid):
        label = s.id.rsplit(".", 1)[-1]
        sep = ")" if s.kind == "point" else "."
        parts.append(f"{label}{sep} {s.title}" if s.kind in {"part", "item", "point"} else s.title)
    return " › ".join(parts)


def chunk_plan(plan: Plan, size: int = 1000, overlap: int = 150) -> list[Chunk]:
    """Chunks of every section that has text of its own, in document order."""
    # langchain only overlaps by whole splits, which with sentence separators is usually
    # nothing; so pieces are cut `overlap` short and each then reaches back that far.
    splitter = RecursiveCharacterTextSplitter(
        separators=_SEPARATORS,
        chunk_size=max(1, size - overlap),
        chunk_overlap=0,
        add_start_index=True,
        keep_separator="end",
    )
    out: list[Chunk] = []
    for s in plan.sections:
        if not s.has_body:
            continue
        text = plan.text[s.start : s.end]
        path = title_path(plan, s.id)
        if len(text) <= size:
            out.append(Chunk(plan.source, s.id, 1, s.start, s.end, text, path))
            continue
        prev = s.start - 1
        for n, doc in enumerate(splitter.create_documents([text]), start=1):
            start = s.start + int(doc.metadata["start_index"])
            end = start + len(doc.page_content)
            if n > 1 and overlap:
                back = max(prev + 1, start - overlap)
                space = plan.text.find(" ", back, start)  # begin the overlap on a word
                start = space + 1 if 0 <= space < start - 1 else back
            prev = start
            out.append(Chunk(plan.source, s.id, n, start, end, plan.text[start:end], path))
    return out
