"""One real index of the plan per test session, shared by the assistant suites (no mocks)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from index.store import build_index

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "corpus"
TASKS = DATA / "plan65_tasks.json"

_BUILT: dict[str, Path] = {}


def plan_index(factory: pytest.TempPathFactory) -> Path:
    """Parse, chunk and embed corpus/ with e5 into a FAISS index, once per session."""
    if "plan" not in _BUILT:
        out = factory.mktemp("plan-index") / "index"
        build_index(CORPUS, out)
        _BUILT["plan"] = out
    return _BUILT["plan"]


def hand_tasks() -> list[dict[str, Any]]:
    """The task table of plan 65, written by hand from the document (not from the parser)."""
    return json.loads(TASKS.read_text(encoding="utf-8"))


def short_ref(sid: str) -> str:
    """How staff write a task: "III.6.đ" -> "6đ", "III.3" -> "3"."""
    return "".join(sid.split(".")[1:])


PLANS = DATA / "plans"


def library_index(folder: Path, files: list[str], cache: Path) -> tuple[Path, Path]:
    """A corpus folder of the given `tests/data/plans` files and its index, built under `folder`;
    passage vectors kept in `cache`, so that a second library of the same plans embeds nothing."""
    import shutil

    corpus, index = folder / "corpus", folder / "index"
    corpus.mkdir(parents=True)
    for name in files:
        shutil.copyfile(PLANS / name, corpus / name)
    build_index(corpus, index, cache=cache)
    return corpus, index
