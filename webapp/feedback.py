"""Feedback on answers (thumbs up/down, optional comment) in SQLite, exported as CSV."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from assistant import Citation

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT ''
)
"""
COLUMNS = ("id", "created", "rating", "question", "answer", "citations", "comment", "lang")
MAX_COMMENT = 4000


class FeedbackError(RuntimeError):
    """The feedback database cannot be opened; the message names the file."""


class FeedbackStore:
    """One short-lived connection per call, so web worker threads never share one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                # WAL lets readers (the CSV export) run beside writers; it persists in the file.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise FeedbackError(f"cannot open the feedback database {path}: {exc}") from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA busy_timeout=30000")
            with db:  # commit, or roll back on error
                yield db
        finally:
            db.close()

    def record(
        self,
        rating: int,
        question: str,
        answer: str,
        citations: Sequence[Citation],
        comment: str = "",
        lang: str = "",
    ) -> int:
        """Store one rating (+1 / -1) of an answer; returns the row id."""
        if rating not in (1, -1):
            raise ValueError("rating must be 1 (thumbs up) or -1 (thumbs down)")
        cites = json.dumps(
            [
                {"doc": c.doc, "section": c.section, "title": c.title, "start": c.start, "end": c.end}
                for c in citations
            ],
            ensure_ascii=False,
        )
        with self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created, rating, question, answer, citations, comment, lang)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    rating,
                    question,
                    answer,
                    cites,
                    comment[:MAX_COMMENT],
                    lang,
                ),
            )
            return int(cur.lastrowid or 0)

    def comment(self, row: int, text: str) -> bool:
        """Attach a comment to a stored rating; False when the row does not exist."""
        with self._connect() as db:
            cur = db.execute("UPDATE feedback SET comment = ? WHERE id = ?", (text[:MAX_COMMENT], row))
            return cur.rowcount == 1

    def rows(self) -> list[tuple[object, ...]]:
        with self._connect() as db:
            return list(db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id"))

    def summary(self) -> tuple[int, int, int]:
        """(all ratings, thumbs up, thumbs down)."""
        with self._connect() as db:
            n, up = db.execute("SELECT COUNT(*), COALESCE(SUM(rating = 1), 0) FROM feedback").fetchone()
        return int(n), int(up), int(n) - int(up)

    def csv_bytes(self) -> bytes:
        """All feedback as CSV (UTF-8 with BOM for Excel); citations as section ids."""
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(COLUMNS)
        for row in self.rows():
            cells = list(row)
            cells[5] = " ".join(c["section"] for c in json.loads(str(cells[5])))
            w.writerow([_safe_cell(c) for c in cells])
        return buf.getvalue().encode("utf-8-sig")


def _safe_cell(value: object) -> object:
    # Users typed these cells: a leading "=", "+", "-" or "@" would run as a spreadsheet formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
