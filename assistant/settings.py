"""One Settings dataclass: defaults that CLI flags override."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

STYLES = ("vi", "vi_nodiac", "en")


@dataclass(frozen=True, slots=True)
class Settings:
    index: Path = Path("var/index")
    corpus: Path = Path("corpus")
    embedder: str = "e5"
    k: int = 10
    chunk_size: int = 1000
    overlap: int = 150
    retriever: str = "hybrid"  # hybrid | dense | bm25 | rrf (unweighted fusion)
    rrf_k: int = 60
    # Fusion weights (dense, lexical) per question style, chosen on eval/questions.jsonl
    # (Recall@5 per style): e5 misses questions typed without diacritics, and English
    # questions reach the lexical index through the glossary's Vietnamese terms.
    weights: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {"vi": (0.35, 1.0), "vi_nodiac": (0.2, 1.0), "en": (0.35, 1.0)}
    )
    max_question: int = 2000
