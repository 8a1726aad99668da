"""Hybrid retrieval: FAISS dense + BM25 over folded tokens, fused by question style; references by lookup."""

from __future__ import annotations

import copy
import hashlib
import itertools
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.glossary import content_terms, expand_tokens, glossed
from assistant.query import Query
from assistant.settings import Settings
from index.chunk import Chunk
from index.embed import Embedder
from index.normalize import tokens
from index.store import Index

RETRIEVERS = ("hybrid", "dense", "bm25", "rrf")
_EMBEDDED = 64  # questions' vectors kept (Retriever.embed)
_TERMS_KEPT = 20_000  # terms whose plans Retriever.plan_ids keeps
_PHRASE_NEAR = 20  # the nearest chunks Retriever._phrased looks for an English term's Vietnamese phrase in
# Syllables too common in administrative Vietnamese to carry meaning alone.
_STOP = set(
    "va cua cac cho trong theo voi la de tai ve nhung mot co duoc thuc hien tinh so nam ke hoach "
    "nao gi ai the hay khong bao nhieu".split()
)


@dataclass(frozen=True, slots=True)
class Hit:
    doc: str
    section: str
    part: int
    score: float
    text: str
    start: int
    end: int
    title: str
    via: str  # lookup | hybrid | dense | bm25 | rrf


def lexical_terms(text: str, english: bool = False) -> list[str]:
    """Syllables and syllable bigrams: "nhà ở" -> "nha", "o", "nha_o"."""
    toks = expand_tokens(text, english)
    uni = [t for t in toks if t and t not in _STOP]
    bi = [f"{a}_{b}" for a, b in itertools.pairwise(toks) if a and b]
    return uni + bi


def chunk_terms(c: Chunk) -> list[str]:
    """What BM25 indexes of a chunk. A unit's own title counts twice: "Yêu cầu" heads I.2 but is a
    common word in IV."""
    return lexical_terms(c.embed_text()) + lexical_terms(c.title.split(" › ")[-1])


def lexical_index(chunks: Sequence[Chunk]) -> Any:
    """BM25 (bm25s) over the chunks' terms; built once with the index (index/store.py) and stored there."""
    import bm25s

    bm25 = bm25s.BM25()
    bm25.index([chunk_terms(c) for c in chunks], show_progress=False)
    return bm25


# The files whose code or words decide the terms above: a BM25 index stored by another version of
# them is not used (the retriever indexes the chunks again at load, slower but right).
_LEXICAL_SOURCES = ("assistant/retrieve.py", "assistant/glossary.py", "assistant/lexicon.py",
                    "assistant/lexicon.toml", "index/normalize.py")


def lexical_version() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for name in _LEXICAL_SOURCES:
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:16]


class Retriever:
    def __init__(self, index: Index, embedder: Embedder, settings: Settings) -> None:
        self.index, self.embedder, self.settings = index, embedder, settings
        self.chunks: tuple[Chunk, ...] = index.chunks
        stored: Any = index.lexical  # built with the index; None when its terms are of another version
        self._bm25: Any = stored if stored is not None else lexical_index(self.chunks)
        self._vocab: dict[str, int] = self._bm25.vocab_dict
        self._span = (0, len(self.chunks))  # the chunks this retriever sees: all, or one plan's
        self._by_section = self._sections()
        # Each chunk's plan as a number, so that which plans hold a term is one numpy call, not a
        # Python loop over its postings (at 500 plans a common term occurs in ~19,000 chunks).
        docs = [c.doc for c in self.chunks]
        self._plans = list(dict.fromkeys(docs))
        number = {d: n for n, d in enumerate(self._plans)}
        self._plan_of = np.fromiter((number[d] for d in docs), dtype=np.int32, count=len(docs))
        # A library answers one question with several assistants (the library's to pick plans, then
        # each plan's): all of them embed the same text, so recent questions' vectors are kept here,
        # shared by every view. Embedding is deterministic: the same text gives the same vector.
        self._embedded: OrderedDict[str, np.ndarray] = OrderedDict()
        self._plans_of_term: dict[str, np.ndarray] = {}  # plan_ids(), shared by every view of the index
        self._flat_span: Any = None  # a view's own flat index when the index is not flat
        self._folded_text: dict[int, str] = {}  # _folded(), filled as questions need
        # One question is searched at a time (the web app answers one at a time): a second OpenMP thread
        # only adds hand-over, and on 2 shared cores it doubled a 19,000-vector search (15 ms vs 7 ms).
        import faiss

        faiss.omp_set_num_threads(1)

    def _sections(self) -> dict[str, list[int]]:
        lo, hi = self._span
        out: dict[str, list[int]] = {}
        for n in range(lo, hi):
            out.setdefault(self.chunks[n].section, []).append(n)
        return out

    def view(self, doc: str) -> Retriever:
        """The same index seen through one plan's chunks (a build keeps each plan's chunks together):
        nothing is copied but the section lookup, so a library of plans costs one index."""
        ids = np.flatnonzero(self._plan_of == self._plans.index(doc)) if doc in self._plans else np.empty(0, int)
        if not len(ids) or ids[-1] - ids[0] + 1 != len(ids):
            raise ValueError(f"no contiguous chunks of {doc!r} in the index")
        out = copy.copy(self)
        out._span = (int(ids[0]), int(ids[-1]) + 1)
        out._by_section = out._sections()
        out._flat_span = None
        return out

    @property
    def whole(self) -> bool:
        return self._span == (0, len(self.chunks))

    # -- the two retrievers ------------------------------------------------
    def embed(self, text: str) -> np.ndarray:
        vec = self._embedded.get(text)
        if vec is None:
            vec = self.embedder.queries([text])[0]
            vec.setflags(write=False)
            self._embedded[text] = vec
            while len(self._embedded) > _EMBEDDED:
                self._embedded.popitem(last=False)
        return vec

    def dense(self, qvec: np.ndarray, k: int) -> list[tuple[int, float]]:
        lo, hi = self._span
        k = min(k, hi - lo)
        if k <= 0:
            return []
        x = qvec.reshape(1, -1).astype(np.float32)
        if self.whole:
            scores, ids = self.index.vectors.search(x, k)  # type: ignore[attr-defined]
        else:
            import faiss

            if isinstance(self.index.vectors, faiss.IndexFlat):
                # Exact over the plan's range: FAISS scans only [lo, hi) of a flat index.
                params = faiss.SearchParameters(sel=faiss.IDSelectorRange(lo, hi))  # type: ignore[call-arg]
                scores, ids = self.index.vectors.search(x, k, params=params)  # type: ignore[attr-defined]
            else:
                # HNSW honours the range too, but walks the whole graph to find a plan's ~40 passages
                # and misses most of them (4 of the 10 nearest in a test): a plan is searched exactly,
                # in a flat copy of its own vectors.
                if self._flat_span is None:
                    flat = faiss.IndexFlatIP(self.index.vectors.d)  # type: ignore[attr-defined]
                    flat.add(self.index.vectors.reconstruct_n(lo, hi - lo))  # type: ignore[attr-defined]
                    self._flat_span = flat
                scores, ids = self._flat_span.search(x, k)
                ids = np.where(ids >= 0, ids + lo, ids)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def lexical(self, terms: list[str], k: int) -> list[tuple[int, float]]:
        known = [t for t in terms if t in self._vocab]
        if not known:
            return []
        lo, hi = self._span
        scores = self._bm25.get_scores(known)[lo:hi]
        if k < len(scores):  # the k best without sorting every chunk's score; ties broken by position
            top = np.argpartition(-scores, k - 1)[:k]
            order = top[np.lexsort((top, -scores[top]))]
        else:
            order = np.argsort(-scores, kind="stable")[:k]
        return [(int(i) + lo, float(scores[i])) for i in order if scores[i] > 0]

    def plans_with(self, term: str) -> set[str]:
        """The plans (corpus files) whose passages use a term."""
        return {self._plans[n] for n in self.plan_ids(term)}

    def plan_ids(self, term: str) -> np.ndarray:
        """The numbers (positions in `plan_names`) of the plans whose passages use a term, ascending."""
        found = self._plans_of_term.get(term)
        if found is not None:
            return found
        tid = self._vocab.get(term)
        if tid is None:
            return np.empty(0, dtype=np.int32)
        ptr, docs = self._bm25.scores["indptr"], self._bm25.scores["indices"]
        found = np.unique(self._plan_of[docs[ptr[tid]:ptr[tid + 1]]])
        found.setflags(write=False)
        if len(self._plans_of_term) >= _TERMS_KEPT:  # a library's common words come back in every question
            self._plans_of_term.clear()
        self._plans_of_term[term] = found
        return found

    @property
    def plan_names(self) -> list[str]:
        """The plans (corpus files) of the index, in index order."""
        return self._plans

    def known_terms(self, terms: list[str]) -> int:
        """How many of the terms occur in the chunks this retriever sees."""
        if self.whole:
            return sum(1 for t in terms if t in self._vocab)
        lo, hi = self._span
        ptr, docs = self._bm25.scores["indptr"], self._bm25.scores["indices"]
        n = 0
        for t in terms:
            tid = self._vocab.get(t)
            if tid is not None and np.any((docs[ptr[tid]:ptr[tid + 1]] >= lo) & (docs[ptr[tid]:ptr[tid + 1]] < hi)):
                n += 1
        return n

    # -- fusion --------------------------------------------------------------
    def search(self, q: Query, k: int = 10, mode: str | None = None, qvec: np.ndarray | None = None) -> list[Hit]:
        """Top-k hits, one per section, best first; explicit references come first."""
        return self.search_scored(q, k, mode, qvec)[0]

    def search_scored(self, q: Query, k: int = 10, mode: str | None = None,
                      qvec: np.ndarray | None = None, words: str | None = None) -> tuple[list[Hit], float]:
        """search(), and the best cosine of the dense run (0.0 without one), so that the
        evidence for abstaining needs no second FAISS search. `words`, when given, are what BM25
        matches in place of the question's own."""
        mode = mode or self.settings.retriever
        depth = max(50, 5 * k)
        english = q.style == "en"
        ranked: dict[int, float] = {}
        if mode in {"dense", "hybrid", "rrf"}:
            vec = qvec if qvec is not None else self.embed(q.text)
            dense = self.dense(vec, depth)
        else:
            dense = []
        lex = self.lexical(lexical_terms(q.text if words is None else words, english), depth) if mode != "dense" else []
        if mode == "dense":
            ranked = dict(dense)
        elif mode == "bm25":
            ranked = dict(lex)
        elif mode == "rrf":  # unweighted reciprocal-rank fusion, kept as a baseline
            for run in (dense, lex):
                for rank, (i, _) in enumerate(run):
                    ranked[i] = ranked.get(i, 0.0) + 1.0 / (self.settings.rrf_k + rank + 1)
        else:
            share = self.settings.dense_share.get(q.style, 0.3)
            # An English question the glossary cannot put into the plan's words has nothing for BM25
            # to match: the multilingual embedding carries it.
            if english and len(content_terms(q.text)) < 2:
                share = max(share, self.settings.dense_share_untranslated)
            ranked = self._blend(dense, lex, share)
            if english:
                ranked = self._phrased(q.text if words is None else words, ranked)
        hits: list[Hit] = []
        seen: set[tuple[str, str]] = set()  # (plan, section): plans share section ids
        for sid in self._ref_sections(q):
            for i in self._by_section.get(sid, [])[:1]:
                hits.append(self._hit(i, 1.0, "lookup"))
                seen.add((self.chunks[i].doc, self.chunks[i].section))
        for i, score in sorted(ranked.items(), key=lambda x: -x[1]):
            c = self.chunks[i]
            if (c.doc, c.section) in seen:
                continue
            seen.add((c.doc, c.section))
            hits.append(self._hit(i, score, mode))
            if len(hits) >= k:
                break
        return hits[:k], (dense[0][1] if dense else 0.0)

    def _phrased(self, text: str, ranked: dict[int, float]) -> dict[int, float]:
        """An English question's terms whose Vietnamese is a phrase of three syllables or more ("poverty rate":
        "tỷ lệ hộ nghèo"): the few of the nearest chunks that write the phrase whole are nearer than BM25's
        bigrams and the embedding tell ("tỷ lệ" and "hộ nghèo" apart fill every target clause)."""
        phrases = {" ".join(tokens(v)) for _, _, v in glossed(text)}
        phrases = {p for p in phrases if p.count(" ") >= 2}
        if not phrases or not ranked:
            return ranked
        near = sorted(ranked, key=lambda i: -ranked[i])[:_PHRASE_NEAR]
        for p in phrases:
            having = [i for i in near if f" {p} " in self._folded(i)]
            if 0 < len(having) <= len(near) // 4:  # shared by a few: each of them nearer, the fewer the more
                for i in having:
                    ranked[i] += self.settings.phrase_bonus / len(having)
        return ranked

    def _folded(self, i: int) -> str:
        """A chunk's words folded, space-joined and padded: where phrases are looked for."""
        said = self._folded_text.get(i)
        if said is None:
            said = self._folded_text[i] = f" {' '.join(tokens(self.chunks[i].embed_text()))} "
        return said

    @staticmethod
    def _blend(dense: list[tuple[int, float]], lex: list[tuple[int, float]], share: float) -> dict[int, float]:
        """Convex mix of BM25 (scaled by its best score) and cosine (min-max scaled).

        Scores, not ranks, are mixed: BM25's margin over the runner-up is the signal that
        tells "nhà ở" from "y tế", and rank fusion throws that margin away.
        """
        if not lex:
            return dict(dense)
        top = lex[0][1]
        out = {i: (1.0 - share) * s / top for i, s in lex}
        if dense:
            lo, hi = min(s for _, s in dense), max(s for _, s in dense)
            span = (hi - lo) or 1.0
            for i, s in dense:
                out[i] = out.get(i, 0.0) + share * (s - lo) / span
        return out

    def _ref_sections(self, q: Query) -> list[str]:
        out: list[str] = []
        for r in q.refs:
            if r.section in self._by_section:
                out.append(r.section)
            else:  # a part or an item without text of its own: all its units with text
                prefix = r.section + "."
                out.extend(s for s in self._by_section if s.startswith(prefix))
        return list(dict.fromkeys(out))

    def _hit(self, i: int, score: float, via: str) -> Hit:
        c = self.chunks[i]
        return Hit(c.doc, c.section, c.part, round(score, 6), c.text, c.start, c.end, c.title, via)

    def section_chunks(self, sid: str) -> list[Chunk]:
        return [self.chunks[i] for i in self._by_section.get(sid, [])]


__all__ = ["RETRIEVERS", "Hit", "Retriever", "chunk_terms", "lexical_index", "lexical_terms", "lexical_version"]
