"""Build, save and load the index: FAISS vectors, chunks.jsonl, plans.json, meta.json."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.chunk import Chunk, chunk_plan
from index.embed import get_embedder
from index.parse import PARSER_VERSION, Plan, PlanError, Section, Task, parse_plan
from index.timeline import Timeline

FORMAT = 1
CORPUS_SUFFIXES = {".txt", ".md"}


class IndexError_(RuntimeError):
    """The index is missing, corrupted or does not match; the message says how to rebuild."""


class CorpusError(ValueError):
    """The corpus folder or one of its files cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class Index:
    path: Path
    meta: dict[str, object]
    chunks: tuple[Chunk, ...]
    plans: tuple[Plan, ...]
    vectors: object  # faiss.Index; typed loosely so faiss stays a lazy import


REBUILD = "rebuild it with: python -m assistant build"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_corpus(corpus: Path) -> list[Plan]:
    """Parse every plan file (*.txt, *.md) of a corpus folder; a bad file is named."""
    if not corpus.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus}")
    files = sorted(p for p in corpus.iterdir() if p.suffix in CORPUS_SUFFIXES and p.is_file())
    if not files:
        raise CorpusError(f"corpus folder {corpus} has no plan files (*.txt or *.md)")
    plans = []
    for f in files:
        try:
            text = f.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CorpusError(f"cannot read {f}: {exc.__class__.__name__} (expected UTF-8 text)") from exc
        try:
            plans.append(parse_plan(text, f.name))
        except PlanError as exc:
            raise CorpusError(f"{f}: {exc}".replace(f"{f}: {f.name}: ", f"{f}: ")) from exc
    return plans


def corpus_hashes(corpus: Path) -> dict[str, str]:
    files = sorted(p for p in corpus.iterdir() if p.suffix in CORPUS_SUFFIXES and p.is_file())
    return {f.name: _sha(f.read_bytes()) for f in files}


def build_index(
    corpus: Path,
    out: Path,
    embedder: str = "e5",
    chunk_size: int = 1000,
    overlap: int = 150,
) -> Index:
    """Parse, chunk and embed a corpus; write the index atomically to `out`."""
    import faiss

    plans = read_corpus(corpus)
    model = get_embedder(embedder)
    chunks = [c for p in plans for c in chunk_plan(p, chunk_size, overlap)]
    vecs = model.passages([c.embed_text() for c in chunks]) if chunks else np.zeros((0, model.dim), np.float32)
    # Vectors are L2-normalised, so inner product is cosine similarity.
    vectors = faiss.IndexFlatIP(model.dim)
    vectors.add(np.ascontiguousarray(vecs, dtype=np.float32))

    out = out.resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "meta.json").is_file())):
        raise CorpusError(f"{out} exists and is not an index folder: choose another --index")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        faiss.write_index(vectors, str(tmp / "index.faiss"))
        _write(tmp / "chunks.jsonl", "".join(json.dumps(asdict(c), ensure_ascii=False) + "\n" for c in chunks))
        _write(tmp / "plans.json", json.dumps([_plan_dict(p) for p in plans], ensure_ascii=False))
        meta = {
            "format": FORMAT,
            "embedder": model.name,
            "dim": model.dim,
            "chunks": len(chunks),
            "chunk_size": chunk_size,
            "overlap": overlap,
            "parser_version": PARSER_VERSION,
            "corpus_dir": str(corpus.resolve()),
            "corpus": corpus_hashes(corpus),
            "files": {n: _sha((tmp / n).read_bytes()) for n in ("index.faiss", "chunks.jsonl", "plans.json")},
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        _write(tmp / "meta.json", json.dumps(meta, ensure_ascii=False, indent=2))
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Index(out, meta, tuple(chunks), tuple(plans), vectors)


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _swap(tmp: Path, out: Path) -> None:
    """Replace `out` by `tmp` so that a reader sees the old or the new index, never a mix."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
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
        plans = tuple(_plan_from(d) for d in json.loads((path / "plans.json").read_text(encoding="utf-8")))
    except (RuntimeError, ValueError, TypeError, KeyError) as exc:
        raise IndexError_(f"index at {path} is corrupted ({exc.__class__.__name__}); {REBUILD}") from exc
    if vectors.ntotal != len(chunks) or vectors.d != meta["dim"]:
        raise IndexError_(f"index at {path} is inconsistent (vectors vs chunks); {REBUILD}")
    return Index(path, meta, chunks, plans, vectors)


def _plan_dict(p: Plan) -> dict[str, object]:
    d = {k: getattr(p, k) for k in p.__dataclass_fields__ if not k.startswith("_")}
    d["sections"] = [asdict(s) for s in p.sections]
    d["tasks"] = [asdict(t) for t in p.tasks]
    d["duties"] = [asdict(t) for t in p.duties]
    return d


def _plan_from(d: dict[str, object]) -> Plan:
    sections = tuple(Section(**s) for s in d.pop("sections"))  # type: ignore[arg-type, attr-defined]
    def task(t: dict[str, Any]) -> Task:
        return Task(**{**t, "lead": tuple(t["lead"]), "coordinate": tuple(t["coordinate"]),
                       "spans": tuple(tuple(x) for x in t["spans"]), "when": Timeline(**t["when"])})

    tasks = tuple(task(t) for t in d.pop("tasks"))  # type: ignore[attr-defined]
    d["duties"] = tuple(task(t) for t in d.pop("duties", ()))  # type: ignore[attr-defined]
    d["legal_bases"] = tuple(d["legal_bases"])  # type: ignore[arg-type]
    d["recipients"] = tuple(d["recipients"])  # type: ignore[arg-type]
    return Plan(**d, sections=sections, tasks=tasks)  # type: ignore[arg-type]
