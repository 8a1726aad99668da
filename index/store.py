"""Build, save and load the index: FAISS vectors, chunks.jsonl, plans.json, meta.json."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from index.cache import EmbeddingCache
from index.chunk import Chunk, chunk_plan
from index.corpus import CORPUS_SUFFIXES, Corpus, CorpusError, FileReport, corpus_hashes, read_corpus
from index.embed import Embedder, get_embedder
from index.parse import PARSER_VERSION, Plan, Section, Task
from index.timeline import Timeline

# Reading the corpus lives in index/corpus.py; its names stay importable from here.
__all__ = ["CORPUS_SUFFIXES", "FLAT_MAX", "FORMAT", "Corpus", "CorpusError", "FileReport", "Index", "IndexError_",
           "build_index", "check_embedder", "corpus_hashes", "load_index", "meta_digest", "read_corpus",
           "remove_orphans", "vector_index"]

# 2: meta.json carries its own digest and the embedding of a probe text; 3: BM25 stored with the index
FORMAT = 3
# BM25 as bm25s saves it: its sparse score matrix as three .npy arrays, its vocabulary and parameters as JSON.
LEXICAL_FILES = ("data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy", "vocab.index.json",
                 "params.index.json")
INDEX_FILES = ("index.faiss", "chunks.jsonl", "plans.json", *LEXICAL_FILES, "meta.json")


class IndexError_(RuntimeError):
    """The index is missing, corrupted or does not match; the message says how to rebuild."""


@dataclass(frozen=True, slots=True)
class Index:
    path: Path
    meta: dict[str, object]
    chunks: tuple[Chunk, ...]
    plans: tuple[Plan, ...]
    vectors: object  # faiss.Index; typed loosely so faiss stays a lazy import
    pages: dict[str, tuple[int, ...]] = field(default_factory=dict)  # plan source -> PDF page starts
    report: tuple[FileReport, ...] = ()  # what the build made of each corpus file; empty when loaded
    lexical: object = None  # bm25s.BM25 over the chunks, as stored; None when it must be indexed again

    def page(self, source: str, offset: int) -> int:
        """The 1-based PDF page of an offset into a plan's text; 0 when the plan is not a PDF."""
        from index.ingest import Document, page_of

        return page_of(Document("", source, self.pages.get(source, ())), offset)


REBUILD = "rebuild it with: python -m assistant build"
# Embedded as a passage at build time and again by the embedder meta.json names when the index is
# used: the two must agree, or the questions' vectors would not be comparable with the index's.
PROBE = "Cơ quan chủ trì tham mưu thực hiện nhiệm vụ, phối hợp với các sở, ngành; thời gian thực hiện: hằng năm."
# The same weights give the same vector up to float rounding (identical on this machine); another
# model gives cosine near 0 (all-MiniLM-L6-v2 against e5: 0.03), and even e5 with its query prefix
# instead of the passage one only 0.975. So 0.99 tells "this embedder" from "a near one".
PROBE_MIN_COSINE = 0.99


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def meta_digest(meta: dict[str, object]) -> str:
    """The sha256 meta.json carries in its "digest" field: over the rest of it, as canonical JSON
    (keys sorted, no spaces), so that any edit of meta.json is seen."""
    rest = {k: v for k, v in meta.items() if k != "digest"}
    return _sha(json.dumps(rest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"))


def build_index(
    corpus: Path,
    out: Path,
    embedder: str = "e5",
    chunk_size: int = 1000,
    overlap: int = 150,
    strict: bool = False,
    on_file: Callable[[FileReport], None] | None = None,
    cache: Path | None = None,
) -> Index:
    """Parse, chunk and embed a corpus; write the index atomically to `out`.

    A file that is not a readable plan is skipped and reported in `Index.report`; with `strict`, or
    when no file is a plan, CorpusError (carrying the report) is raised and nothing is written.
    What the index already at `out` holds is reused: a file it was built from, unchanged, is not
    parsed again, and a passage it holds is not embedded again (nor one kept in the `cache` folder).
    `meta["embedded"]` and `meta["reused"]` count the passages embedded and the ones found.
    """
    import faiss

    started = time.time()
    previous = _previous(out)
    known = {p.source: (str(previous.meta["corpus"].get(p.source, "")),  # type: ignore[attr-defined]
                        p, previous.pages.get(p.source, ())) for p in previous.plans} if previous else {}
    found = read_corpus(corpus, on_file, known)
    if not found.plans:
        reasons = "; ".join(f"{r.name}: {r.reason}" for r in found.report)
        raise CorpusError(f"no plan in corpus folder {corpus} ({reasons})", found.report)
    if strict and found.skipped:
        names = ", ".join(r.name for r in found.skipped)
        raise CorpusError(f"{len(found.skipped)} file(s) of {corpus} skipped ({names}); strict: no index written",
                          found.report)
    out = out.resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "meta.json").is_file())):
        raise CorpusError(f"{out} exists and is not an index folder: choose another --index")
    plans = found.plans
    model = get_embedder(embedder)
    store = EmbeddingCache(model.name, model.dim, cache)
    old_chunks: dict[str, list[Chunk]] = {}
    if previous is not None and previous.meta["embedder"] == model.name:
        store.seed([c.embed_text() for c in previous.chunks],
                   previous.vectors.reconstruct_n(0, previous.vectors.ntotal))  # type: ignore[attr-defined]
        if (previous.meta["chunk_size"], previous.meta["overlap"]) == (chunk_size, overlap):
            for c in previous.chunks:
                old_chunks.setdefault(c.doc, []).append(c)
    fresh = {id(p) for p in plans}
    reused = {p.source for p in previous.plans if id(p) in fresh} if previous else set()  # the same objects
    chunks = [c for p in plans for c in (old_chunks.get(p.source, []) if p.source in reused
                                          else chunk_plan(p, chunk_size, overlap))]
    vecs = store.passages(model, [c.embed_text() for c in chunks])
    vectors = vector_index(np.ascontiguousarray(vecs, dtype=np.float32))

    # The retriever's BM25, built here once rather than at every load (assistant/retrieve.py owns the
    # terms: imported late so that reading the index never needs it).
    from assistant.retrieve import lexical_index, lexical_version

    lexical = lexical_index(chunks)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_orphans(out, started)
    # The pid in the name tells the next build whether this folder's build is still running.
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-{os.getpid()}-", dir=out.parent))
    try:
        faiss.write_index(vectors, str(tmp / "index.faiss"))
        _write(tmp / "chunks.jsonl", "".join(json.dumps(asdict(c), ensure_ascii=False) + "\n" for c in chunks))
        _write(tmp / "plans.json", json.dumps([_plan_dict(p, found.pages.get(p.source, ())) for p in plans],
                                              ensure_ascii=False))
        lexical.save(str(tmp), show_progress=False)
        meta = {
            "format": FORMAT,
            "embedder": model.name,
            "dim": model.dim,
            "chunks": len(chunks),
            "vectors": type(vectors).__name__,  # IndexFlatIP, or IndexHNSWFlat past FLAT_MAX
            "chunk_size": chunk_size,
            "overlap": overlap,
            "parser_version": PARSER_VERSION,
            "corpus_dir": str(corpus.resolve()),
            "corpus": corpus_hashes(corpus),
            "skipped": {r.name: r.reason for r in found.skipped},
            "lexical": lexical_version(),
            "files": {n: _sha((tmp / n).read_bytes()) for n in INDEX_FILES if n != "meta.json"},
            "probe": {"text": PROBE, "vector": [round(float(x), 6) for x in model.passages([PROBE])[0]]},
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "embedded": store.misses,
            "reused": store.hits,
        }
        meta["digest"] = meta_digest(meta)
        _write(tmp / "meta.json", json.dumps(meta, ensure_ascii=False, indent=2))
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    store.save()
    return Index(out, meta, tuple(chunks), plans, vectors, dict(found.pages), found.report, lexical)


# A flat index is exact and needs no tuning; it scans every vector, ~7 ms per question at 50,000 vectors
# on one core here (embedding the question costs ~11 ms), ~16 ms at 100,000. Past FLAT_MAX vectors
# (some 1,300 plans of ~40 passages) an HNSW graph answers in under a millisecond and finds ~all of
# flat's ten nearest (recall@10 measured by `make bench-scale`, docs/bench-scale.md).
FLAT_MAX = 50_000
HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH = 32, 40, 64  # FAISS's default efConstruction


def vector_index(vecs: np.ndarray, flat_max: int | None = None) -> Any:
    """The FAISS index of L2-normalised vectors, by inner product (cosine): flat up to `flat_max`
    (FLAT_MAX) vectors, HNSW past it. efSearch is stored in the index file, so a loaded index searches
    alike."""
    import faiss

    dim = vecs.shape[1]
    if len(vecs) <= (FLAT_MAX if flat_max is None else flat_max):
        index: Any = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    index.add(vecs)
    return index


def _previous(out: Path) -> Index | None:
    """The index at `out`, when it is one this program can reuse; a damaged one is simply rebuilt."""
    try:
        return load_index(out, check_corpus=False) if (out / "meta.json").is_file() else None
    except IndexError_:
        return None


# What a build leaves beside the index while it runs: ".index.build-<pid>-<random>" being written,
# ".index.old-<pid>-<random>" being replaced; builds before the pid was named left ".index.<8 random>".
_OURS = re.compile(r"(?:build|old)-(\d+)(?:-\w+)?")
_UNNAMED = re.compile(r"[a-z0-9_]{8}")


def remove_orphans(out: Path, started: float) -> list[Path]:
    """Remove the temporary folders that killed builds left beside `out`; return them.

    A folder goes only when it is older than the build now running (`started`, a time.time()),
    belongs to no live process, and holds nothing but index files: a build never deletes what it
    did not write. Liveness is judged on this machine, by the pid in the folder's name.
    """
    prefix = f".{out.name}."
    removed = []
    for p in sorted(out.parent.iterdir()):
        if not p.name.startswith(prefix) or p.is_symlink() or not p.is_dir():
            continue
        rest = p.name[len(prefix):]
        ours = _OURS.fullmatch(rest)
        if ours is not None:
            if _alive(int(ours.group(1))):
                continue
        elif not _UNNAMED.fullmatch(rest):
            continue
        try:
            if p.stat().st_mtime >= started or any(f.name not in INDEX_FILES or not f.is_file() for f in p.iterdir()):
                continue
        except OSError:
            continue  # another build removed it meanwhile
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of this process may be building
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists (POSIX)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, run by another user
    return True


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _swap(tmp: Path, out: Path) -> None:
    """Replace `out` by `tmp` so that a reader sees the old or the new index, never a mix."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}-{tmp.name.rsplit('-', 1)[-1]}")
        os.replace(out, old)
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def load_index(path: Path, embedder: str | None = None, check_corpus: bool = True) -> Index:
    """Load and verify an index; refuse a corrupted one or one built from other inputs."""
    import faiss

    meta_file = path / "meta.json"
    if not meta_file.is_file():
        raise IndexError_(f"no index at {path}: {REBUILD}")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        files = meta["files"]
        if not isinstance(files, dict):
            raise TypeError("files")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexError_(f"index at {path} has an unreadable meta.json; {REBUILD}") from exc
    if meta.get("format") != FORMAT or meta.get("parser_version") != PARSER_VERSION:
        raise IndexError_(f"index at {path} was built by another version of this program; {REBUILD}")
    if meta.get("digest") != meta_digest(meta):
        raise IndexError_(f"index file {meta_file} was edited or is corrupted; {REBUILD}")
    for name, digest in files.items():
        f = path / name
        if not f.is_file() or _sha(f.read_bytes()) != digest:
            raise IndexError_(f"index file {f} is missing or corrupted; {REBUILD}")
    if embedder and embedder != meta["embedder"]:
        raise IndexError_(
            f"index at {path} was built with embedder '{meta['embedder']}', not '{embedder}'; "
            f"rebuild it with: python -m assistant build --embedder {embedder}"
        )
    corpus_dir = Path(str(meta.get("corpus_dir", "")))
    if check_corpus and corpus_dir.is_dir():
        now = corpus_hashes(corpus_dir)
        if now != meta["corpus"]:
            raise IndexError_(f"the corpus in {corpus_dir} changed since the index was built; {REBUILD}")
    try:
        vectors = faiss.read_index(str(path / "index.faiss"))
        chunks = tuple(
            Chunk(**json.loads(line))
            for line in (path / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
            if line
        )
        stored = json.loads((path / "plans.json").read_text(encoding="utf-8"))
        pages = {str(d["source"]): tuple(int(x) for x in d.pop("pages")) for d in stored if "pages" in d}
        plans = tuple(_plan_from(d) for d in stored)
    except (RuntimeError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise IndexError_(f"index at {path} is corrupted ({exc.__class__.__name__}); {REBUILD}") from exc
    if vectors.ntotal != len(chunks) or vectors.d != meta["dim"]:
        raise IndexError_(f"index at {path} is inconsistent (vectors vs chunks); {REBUILD}")
    return Index(path, meta, chunks, plans, vectors, pages, lexical=_load_lexical(path, meta, len(chunks)))


def _load_lexical(path: Path, meta: dict[str, object], n: int) -> object:
    """The stored BM25, when the terms it was built from are still the retriever's; else None."""
    if "lexical" not in meta or not all((path / f).is_file() for f in LEXICAL_FILES):
        return None  # an index built before BM25 was stored
    from assistant.retrieve import lexical_version

    if meta["lexical"] != lexical_version():
        return None
    import bm25s

    try:
        bm25 = bm25s.BM25.load(str(path), load_corpus=False)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexError_(f"index at {path} has a corrupted BM25 ({exc.__class__.__name__}); {REBUILD}") from exc
    if bm25.scores["num_docs"] != n or int(bm25.scores["indices"].max(initial=-1)) >= n:
        raise IndexError_(f"index at {path} is inconsistent (BM25 vs chunks); {REBUILD}")
    return bm25


def check_embedder(ix: Index, model: Embedder) -> None:
    """Refuse an embedder that did not make the index's vectors: another dimension, or another vector
    for the probe text embedded at build time. It costs one embedding, so it runs where the embedder
    is loaded anyway (Assistant.load), and load_index stays cheap for what needs no embedder."""
    dim = int(getattr(ix.vectors, "d", 0))
    if model.dim != dim:
        raise IndexError_(f"index at {ix.path} holds {dim}-d vectors but embedder '{model.name}' makes "
                          f"{model.dim}-d ones; {REBUILD}")
    try:
        probe = ix.meta["probe"]
        text, stored = str(probe["text"]), np.asarray(probe["vector"], dtype=np.float32)  # type: ignore[index]
        fresh = model.passages([text])[0]
        cosine = float(stored @ fresh / (np.linalg.norm(stored) * np.linalg.norm(fresh) or 1.0))
    except (KeyError, TypeError, ValueError) as exc:
        raise IndexError_(f"index at {ix.path} has no readable probe vector in meta.json; {REBUILD}") from exc
    if not cosine >= PROBE_MIN_COSINE:  # NaN too
        raise IndexError_(f"index at {ix.path} was not embedded by '{model.name}', the embedder its meta.json "
                          f"names (probe text cosine {cosine:.2f}); {REBUILD}")


def _plan_dict(p: Plan, pages: tuple[int, ...] = ()) -> dict[str, object]:
    d = {k: getattr(p, k) for k in p.__dataclass_fields__ if not k.startswith("_")}
    if pages:
        d["pages"] = list(pages)
    d["sections"] = [asdict(s) for s in p.sections]
    d["tasks"] = [asdict(t) for t in p.tasks]
    d["duties"] = [asdict(t) for t in p.duties]
    return d


def _plan_from(d: dict[str, object]) -> Plan:
    sections = tuple(Section(**s) for s in d.pop("sections"))  # type: ignore[arg-type, attr-defined]
    def task(t: dict[str, Any]) -> Task:
        return Task(**{**t, "lead": tuple(t["lead"]), "coordinate": tuple(t["coordinate"]),
                       "spans": tuple(tuple(x) for x in t["spans"]), "when": Timeline(**t["when"]),
                       "said": tuple(t["said"]), "bullets": tuple(task(b) for b in t.get("bullets", ()))})

    tasks = tuple(task(t) for t in d.pop("tasks"))  # type: ignore[attr-defined]
    d["duties"] = tuple(task(t) for t in d.pop("duties", ()))  # type: ignore[attr-defined]
    d["legal_bases"] = tuple(d["legal_bases"])  # type: ignore[arg-type]
    d["recipients"] = tuple(d["recipients"])  # type: ignore[arg-type]
    d["abbreviations"] = tuple(tuple(x) for x in d.get("abbreviations", ()))  # type: ignore[attr-defined]
    return Plan(**d, sections=sections, tasks=tasks)  # type: ignore[arg-type]
