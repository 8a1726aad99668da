"""Ratings of answers, one record per answer, in SQLite (default) or PostgreSQL (`DATABASE_URL`)."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import Citation

MAX_COMMENT = 4000  # characters; the comment box shows it and refuses more, nothing is cut
COLUMNS = ("answer_id", "created", "updated", "rating", "question", "answer", "citations", "plan", "comment", "lang")
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    plan TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT ''
)
"""
# Ratings given before answers had ids: one row per click, kept as records of their own.
_MIGRATE_V1 = (
    "ALTER TABLE feedback RENAME TO feedback_v1",
    SCHEMA,
    "INSERT INTO feedback SELECT 'v1-' || id, created, created, rating, question, answer, citations, '', comment, lang"
    " FROM feedback_v1",
    "DROP TABLE feedback_v1",
)
_UPSERT = (
    f"INSERT INTO feedback ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    " ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, updated = excluded.updated"
)
# Newest click per answer, kept for this many answers (a few MB): enough for every open page.
_SEEN = 50_000


class FeedbackError(RuntimeError):
    """The feedback database cannot be opened; the message names it (never its password)."""


@dataclass(frozen=True, slots=True)
class Rated:
    """What is rated: an answer, by the id it was given when it was made."""

    answer_id: str
    question: str
    answer: str
    citations: tuple[Citation, ...]
    plan: str = ""
    lang: str = ""


@dataclass(frozen=True, slots=True)
class Feedback:
    """One stored record: the current rating of an answer and its comment."""

    answer_id: str
    created: str  # ISO local time of the first rating
    updated: str  # ISO local time of the last change
    rating: int  # 1 thumbs up, -1 thumbs down
    question: str
    answer: str
    sections: tuple[str, ...]  # the cited section ids
    plan: str
    comment: str
    lang: str


def is_database_url(where: str | Path) -> bool:
    return str(where).startswith(("postgres://", "postgresql://"))


def redact(url: str) -> str:
    """A database URL fit for a message: the password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


class FeedbackStore:
    """Ratings in a SQLite file, or in PostgreSQL when given a postgresql:// URL.

    Clicks may arrive out of order (the page sends them without waiting), so each carries the
    page's clock and an older click than one already stored for the answer is ignored.
    """

    def __init__(self, where: Path | str) -> None:
        self.where = where
        self.kind = "postgresql" if is_database_url(where) else "sqlite"
        self._pool: Any = None
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._locks = [threading.Lock() for _ in range(64)]
        self._seen_lock = threading.Lock()
        try:
            if self.kind == "postgresql":
                self._open_pool(str(where))
            else:
                Path(where).parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                self._create(db)
        except (OSError, sqlite3.Error) as exc:
            raise FeedbackError(f"cannot open the feedback database {where}: {exc}") from exc
        except Exception as exc:
            if self.kind == "postgresql" and _is_pg_error(exc):
                self.close()
                raise FeedbackError(
                    f"cannot open the feedback database {redact(str(where))}: {_first_line(exc)}"
                ) from exc
            raise

    def _open_pool(self, url: str) -> None:
        from psycopg_pool import ConnectionPool

        # A few connections serve every worker thread; a ping at checkout survives a server restart.
        self._pool = ConnectionPool(url, min_size=1, max_size=8, open=False, timeout=10,
                                    check=ConnectionPool.check_connection, kwargs={"connect_timeout": 5})
        self._pool.open(wait=True, timeout=10)

    def _create(self, db: Any) -> None:
        if self.kind == "sqlite":
            # WAL lets readers (the trainers' table) run beside writers; it persists in the file.
            db.execute("PRAGMA journal_mode=WAL")
            cols = {row[1] for row in db.execute("PRAGMA table_info(feedback)")}
            if cols and "answer_id" not in cols:
                for sql in _MIGRATE_V1:
                    db.execute(sql)
        db.execute(SCHEMA)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        """A connection in a transaction: committed on leaving, rolled back on an error."""
        if self.kind == "postgresql":
            with self._pool.connection() as pg:
                yield _Pg(pg)
            return
        db = sqlite3.connect(self.where, timeout=30)
        try:
            db.execute("PRAGMA busy_timeout=30000")
            db.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; one fsync per checkpoint
            with db:
                yield db
        finally:
            db.close()

    def _newer(self, answer_id: str, clock: float | None) -> bool:
        """Record `clock` as the newest click on the answer; False when a newer one came first."""
        if clock is None:
            return True
        with self._seen_lock:
            last = self._seen.get(answer_id)
            if last is not None and clock <= last:
                return False
            self._seen[answer_id] = clock
            self._seen.move_to_end(answer_id)
            while len(self._seen) > _SEEN:
                self._seen.popitem(last=False)
        return True

    def rate(self, item: Rated, rating: int, clock: float | None = None) -> bool:
        """Set the answer's rating (1 / -1), or remove its record (0); False for a stale click."""
        if rating not in (1, -1, 0):
            raise ValueError("rating must be 1 (thumbs up), -1 (thumbs down) or 0 (taken back)")
        with self._locks[hash(item.answer_id) % len(self._locks)]:
            if not self._newer(item.answer_id, clock):
                return False
            with self._connect() as db:
                if rating == 0:
                    db.execute("DELETE FROM feedback WHERE answer_id = ?", (item.answer_id,))
                    return True
                cites = json.dumps(
                    [{"doc": c.doc, "section": c.section, "title": c.title, "start": c.start, "end": c.end}
                     for c in item.citations],
                    ensure_ascii=False,
                )
                now = _now()
                db.execute(_UPSERT, (item.answer_id, now, now, rating, item.question, item.answer, cites,
                                     item.plan, "", item.lang))
        return True

    def comment(self, answer_id: str, text: str) -> bool:
        """Attach a comment to a rated answer; False when it has no record (never rated, or taken back)."""
        if len(text) > MAX_COMMENT:
            raise ValueError(f"a comment may have at most {MAX_COMMENT} characters ({len(text)} given)")
        with self._connect() as db:
            cur = db.execute("UPDATE feedback SET comment = ?, updated = ? WHERE answer_id = ?",
                             (text, _now(), answer_id))
            return bool(cur.rowcount == 1)

    def rows(self) -> list[Feedback]:
        """Every record, the most recently changed first."""
        with self._connect() as db:
            raw = list(db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY updated DESC, answer_id"))
        return [
            Feedback(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5]),
                     tuple(c["section"] for c in json.loads(str(r[6]))), str(r[7]), str(r[8]), str(r[9]))
            for r in raw
        ]

    def ratings(self, ids: Sequence[str] | None = None) -> dict[str, int]:
        """{answer id: rating} of every record, or of the answers `ids` names that are rated."""
        if ids is not None and not ids:
            return {}
        where = f" WHERE answer_id IN ({', '.join('?' * len(ids))})" if ids is not None else ""
        with self._connect() as db:
            return {str(a): int(r) for a, r in db.execute("SELECT answer_id, rating FROM feedback" + where,
                                                           list(ids or ()))}

    def summary(self) -> tuple[int, int, int]:
        """(records, thumbs up, thumbs down)."""
        with self._connect() as db:
            up, down = db.execute(
                "SELECT COALESCE(SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), 0),"
                " COALESCE(SUM(CASE WHEN rating = -1 THEN 1 ELSE 0 END), 0) FROM feedback"
            ).fetchone()
        return int(up) + int(down), int(up), int(down)


class _Pg:
    """A psycopg connection that takes the same `?` placeholders as sqlite3."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), params)


def _is_pg_error(exc: BaseException) -> bool:
    import psycopg
    from psycopg_pool import PoolTimeout

    return isinstance(exc, psycopg.Error | PoolTimeout)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__
