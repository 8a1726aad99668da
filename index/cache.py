"""Passage vectors by content hash: a passage already embedded (by this embedder) is never embedded again."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embed import Embedder


def text_key(embedder: str, text: str) -> str:
    """sha256 of the embedder's name and the text it embeds: another model, another vector."""
    return hashlib.sha256(f"{embedder}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    """Vectors of passages keyed by `text_key`, in memory, optionally kept in a folder.

    The folder holds `<embedder>.npy` (float32, one row per passage) and `<embedder>.keys` (one key
    a line, row order): plain numpy and text, no pickle. `hits` and `misses` count what `passages`
    found and what it had to embed, so a caller (and a test) can see that nothing was embedded twice.
    """

    def __init__(self, embedder: str, dim: int, folder: Path | None = None) -> None:
        self.embedder, self.dim, self.folder = embedder, dim, folder
        self._rows: dict[str, np.ndarray] = {}
        self._saved = 0
        self.hits = self.misses = 0
        if folder is not None:
            self._load(folder)

    def __len__(self) -> int:
        return len(self._rows)

    def _files(self, folder: Path) -> tuple[Path, Path]:
        slug = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.embedder)
        return folder / f"{slug}.npy", folder / f"{slug}.keys"

    def _load(self, folder: Path) -> None:
        vec_file, key_file = self._files(folder)
        if not (vec_file.is_file() and key_file.is_file()):
            return
        try:
            vecs = np.load(vec_file, allow_pickle=False)
            keys = key_file.read_text(encoding="ascii").split()
        except (OSError, ValueError):
            return  # a damaged cache only costs embedding time
        if vecs.ndim != 2 or vecs.shape != (len(keys), self.dim):
            return
        self._rows.update(zip(keys, vecs, strict=True))
        self._saved = len(self._rows)

    def seed(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Vectors already computed for these texts (an existing index's)."""
        for t, v in zip(texts, vectors, strict=True):
            self._rows.setdefault(text_key(self.embedder, t), np.asarray(v, dtype=np.float32))

    def passages(self, model: Embedder, texts: Sequence[str]) -> np.ndarray:
        """Vectors of `texts`, embedding only the ones not seen before (each distinct text once)."""
        keys = [text_key(self.embedder, t) for t in texts]
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._rows}
        self.misses += len(todo)
        self.hits += len(keys) - len(todo)
        if todo:
            fresh = model.passages(list(todo.values()))
            self._rows.update(zip(todo, np.asarray(fresh, dtype=np.float32), strict=True))
        if not keys:
            return np.zeros((0, self.dim), np.float32)
        return np.stack([self._rows[k] for k in keys]).astype(np.float32, copy=False)

    def save(self) -> None:
        """Write the cache to its folder (atomically, file by file) when it holds new vectors."""
        if self.folder is None or len(self._rows) == self._saved:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        vec_file, key_file = self._files(self.folder)
        keys = list(self._rows)
        vecs = np.stack([self._rows[k] for k in keys]) if keys else np.zeros((0, self.dim), np.float32)
        # Keys first: a reader that finds vectors and keys of different lengths ignores both.
        for path, write in ((key_file, lambda fh: fh.write("\n".join(keys).encode("ascii"))),
                            (vec_file, lambda fh: np.save(fh, vecs, allow_pickle=False))):
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as fh:
                    write(fh)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        self._saved = len(keys)
