"""Evaluation questions: load our JSONL or a BEIR folder, and validate them against the plan."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from index.parse import parse_plan

STYLES = ("vi", "vi_nodiac", "en", "ref")
KINDS = ("lead", "coordinate", "timeline", "target", "content", "aggregate", "meta", "oos")
DEFAULT_QUESTIONS = Path("eval/questions.jsonl")
DEFAULT_PLAN = Path("corpus/plan-65-web.txt")


class Question(NamedTuple):
    id: str
    q: str
    style: str
    kind: str
    gold: tuple[str, ...]
    answer_has: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()


class QuestionsError(ValueError):
    """The questions file cannot be read; the message names the file and line."""


def _strings(value: object, where: str, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise QuestionsError(f"{where}: '{name}' must be a list of strings")
    return tuple(unicodedata.normalize("NFC", x) for x in value)


def load_jsonl(path: Path) -> list[Question]:
    """Our format: one {"id", "q", "style", "kind", "gold", "answer_has", "all_of"} object per line."""
    out: list[Question] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionsError(f"cannot read {path}: {exc.__class__.__name__} (expected UTF-8 JSON lines)") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionsError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(rec, dict):
            raise QuestionsError(f"{where}: expected a JSON object")
        missing = [k for k in ("id", "q", "style", "kind", "gold") if k not in rec]
        if missing:
            raise QuestionsError(f"{where}: missing field(s) {', '.join(missing)}")
        if not all(isinstance(rec[k], str) for k in ("id", "q", "style", "kind")):
            raise QuestionsError(f"{where}: 'id', 'q', 'style' and 'kind' must be strings")
        out.append(
            Question(
                id=rec["id"],
                q=unicodedata.normalize("NFC", rec["q"]),
                style=rec["style"],
                kind=rec["kind"],
                gold=_strings(rec["gold"], where, "gold"),
                answer_has=_strings(rec.get("answer_has", []), where, "answer_has"),
                all_of=_strings(rec.get("all_of", []), where, "all_of"),
            )
        )
    return out


def load_beir(folder: Path, split: str = "test") -> list[Question]:
    """A BEIR folder: queries.jsonl (_id, text) and qrels/<split>.tsv (query-id, corpus-id, score).

    corpus-id is a section id. Style and kind come from a query's "metadata" when present,
    else "vi" and "content". Queries without a positive qrel are kept only when their kind is
    "oos", as BEIR evaluates the queries of the split's qrels.
    """
    qfile, qrels = folder / "queries.jsonl", folder / "qrels" / f"{split}.tsv"
    for f in (qfile, qrels):
        if not f.is_file():
            raise QuestionsError(f"{folder} is not a BEIR folder: {f.name} is missing ({f})")
    gold: dict[str, list[str]] = {}
    with open(qrels, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t")
        for n, row in enumerate(rows, start=1):
            if not row or (n == 1 and row[0].strip().lower() == "query-id"):
                continue
            if len(row) < 3:
                raise QuestionsError(f"{qrels}:{n}: expected query-id, corpus-id, score")
            try:
                score = float(row[2])
            except ValueError as exc:
                raise QuestionsError(f"{qrels}:{n}: score '{row[2]}' is not a number") from exc
            if score > 0:
                sid = unicodedata.normalize("NFC", row[1].strip())
                gold.setdefault(row[0].strip(), []).append(sid)
    out: list[Question] = []
    for n, line in enumerate(qfile.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            qid, text = str(rec["_id"]), str(rec["text"])
        except (ValueError, KeyError, TypeError) as exc:
            raise QuestionsError(f"{qfile}:{n}: expected a JSON object with '_id' and 'text'") from exc
        meta = rec.get("metadata") if isinstance(rec.get("metadata"), dict) else {}
        kind = str(meta.get("kind", "content"))
        if qid not in gold and kind != "oos":
            continue
        out.append(
            Question(qid, unicodedata.normalize("NFC", text), str(meta.get("style", "vi")), kind,
                     tuple(dict.fromkeys(gold.get(qid, []))))
        )
    return out


def load_questions(path: Path) -> list[Question]:
    """Our JSONL file, or a BEIR folder when `path` is a directory."""
    if path.is_dir():
        return load_beir(path)
    if not path.is_file():
        raise QuestionsError(f"questions file not found: {path}")
    return load_jsonl(path)


def plan_sections(plan_file: Path = DEFAULT_PLAN) -> set[str]:
    """Section ids of the parsed plan: the only ids gold labels may use."""
    try:
        text = plan_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionsError(f"cannot read the plan {plan_file}: {exc.__class__.__name__}") from exc
    return {s.id for s in parse_plan(text, plan_file.name).sections}


def _question_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split()).rstrip(" ?.!")


def validate(questions: Iterable[Question], sections: set[str]) -> list[str]:
    """Every problem of a question set, one line each; empty when the set is sound."""
    problems: list[str] = []
    ids: dict[str, int] = {}
    texts: dict[str, str] = {}
    for n, q in enumerate(questions, start=1):
        who = f"#{n} {q.id!r}"
        if not q.id.strip():
            problems.append(f"{who}: empty id")
        if q.id in ids:
            problems.append(f"{who}: duplicate id (first at #{ids[q.id]})")
        ids.setdefault(q.id, n)
        key = _question_key(q.q)
        if not key:
            problems.append(f"{who}: empty question")
        elif key in texts:
            problems.append(f"{who}: duplicate question (same as {texts[key]!r}): {q.q!r}")
        else:
            texts[key] = q.id
        if q.style not in STYLES:
            problems.append(f"{who}: unknown style {q.style!r} (use one of {', '.join(STYLES)})")
        if q.kind not in KINDS:
            problems.append(f"{who}: unknown kind {q.kind!r} (use one of {', '.join(KINDS)})")
        if not q.gold and q.kind != "oos":
            problems.append(f"{who}: empty gold for kind {q.kind!r} (only 'oos' questions have none)")
        for field, values in (("gold", q.gold), ("all_of", q.all_of)):
            unknown = [s for s in values if s not in sections]
            if unknown:
                problems.append(f"{who}: unknown section id(s) in {field}: {', '.join(unknown)}")
    return problems
