"""Add plans to a built index and remove them: the corpus folder and the index change together."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from index.corpus import CorpusError, FileReport
from index.ingest import IngestError, read_document
from index.parse import PlanError, parse_plan, plans_named
from index.store import REBUILD, Index, IndexError_, build_index

REMOVED = ".removed"  # where `remove` puts a plan's file, inside the corpus folder (hidden: not read)


def _meta(index: Path) -> dict[str, object]:
    try:
        meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexError_(f"no index at {index}: build one first with: python -m assistant build") from None
    except (OSError, ValueError) as exc:
        raise IndexError_(f"index at {index} has an unreadable meta.json; {REBUILD}") from exc
    if not isinstance(meta, dict):
        raise IndexError_(f"index at {index} has an unreadable meta.json; {REBUILD}")
    return meta


def _corpus_of(meta: dict[str, object], corpus: Path | None) -> Path:
    folder = corpus or Path(str(meta.get("corpus_dir", "")))
    if not folder.is_dir():
        raise CorpusError(f"the index's corpus folder {folder} is gone: give it with --corpus")
    return folder


def _rebuild(index: Path, corpus: Path, meta: dict[str, object], cache: Path | None,
             on_file: Callable[[FileReport], None] | None) -> Index:
    return build_index(corpus, index, str(meta.get("embedder", "e5")), int(str(meta.get("chunk_size", 1000))),
                       int(str(meta.get("overlap", 150))), on_file=on_file, cache=cache)


def add_plans(index: Path, files: Sequence[Path], corpus: Path | None = None, cache: Path | None = None,
              on_file: Callable[[FileReport], None] | None = None) -> Index:
    """Copy plan files into the index's corpus folder and update the index; only new passages are embedded.

    Every file is read and parsed first: one that is not a readable plan raises CorpusError naming it,
    and then neither the corpus folder nor the index changes. A file of the same name is replaced.
    """
    meta = _meta(index)
    folder = _corpus_of(meta, corpus)
    if not files:
        raise CorpusError("no file to add: give one or more plan files")
    for f in files:
        if not f.is_file():
            raise CorpusError(f"{f}: no such file")
        try:
            parse_plan(read_document(f).text, f.name)
        except IngestError as exc:
            raise CorpusError(f"{f.name}: {exc.reason}; nothing added") from exc
        except PlanError as exc:
            raise CorpusError(f"{f.name}: {str(exc).removeprefix(f'{f.name}: ')}; nothing added") from exc
    if len({f.name for f in files}) < len(files):
        raise CorpusError("two files of the same name: rename one; nothing added")
    undo: list[tuple[Path, bytes | None]] = []  # corpus files as they were, to put back if the build fails
    try:
        for f in files:
            target = folder / f.name
            if target.resolve() == f.resolve():
                continue  # already in the corpus folder
            undo.append((target, target.read_bytes() if target.exists() else None))
            _copy(f, target)
        return _rebuild(index, folder, meta, cache, on_file)
    except BaseException:
        for target, before in reversed(undo):
            if before is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(before)
        raise


def find_plan(index: Index, name: str) -> str:
    """The corpus file of a plan named by its file name or its number ("65/KH-UBND", "65")."""
    sources = [p.source for p in index.plans]
    match = [p.source for p in plans_named(index.plans, name)]
    if len(match) == 1:
        return match[0]
    if match:
        raise CorpusError(f"{len(match)} plans are numbered {name} ({', '.join(match)}): give the file name")
    raise CorpusError(f"no plan {name} in the index: give a file name ({', '.join(sources[:5])}"
                      f"{', …' if len(sources) > 5 else ''}) or a plan number")


def remove_plan(index: Path, name: str, corpus: Path | None = None, cache: Path | None = None) -> tuple[str, Index]:
    """Take a plan out of the index; its file moves to the corpus folder's `.removed/` (not deleted).

    Returns the file name and the new index; nothing is embedded.
    """
    from index.store import load_index

    meta = _meta(index)
    folder = _corpus_of(meta, corpus)
    source = find_plan(load_index(index, check_corpus=False), name)
    if len(meta.get("corpus", {})) <= 1:  # type: ignore[arg-type]
        raise CorpusError(f"{source} is the only plan of the index: nothing would be left to answer from")
    kept = folder / REMOVED
    kept.mkdir(exist_ok=True)
    src, dst = folder / source, kept / source
    moved = src.exists()
    if moved:
        os.replace(src, dst)
    try:
        return source, _rebuild(index, folder, meta, cache, None)
    except BaseException:
        if moved:
            os.replace(dst, src)
        raise


def _copy(src: Path, dst: Path) -> None:
    """Copy through a hidden temporary file, so a build never reads half a file."""
    tmp = dst.with_name(f".{dst.name}.{hashlib.sha1(str(os.getpid()).encode()).hexdigest()[:8]}")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)
