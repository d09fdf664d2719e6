"""Every SQLite connection to a journal file is opened here.

- :func:`open_writer`: the one read-write connection of a :class:`~.store.Journal` (WAL,
  ``synchronous=FULL``: a visit is on disk when its write returns).
- :func:`open_reader`: read-only, for checks and copies; never changes the file.
- :func:`sqlite_uri`: a path as an SQLite URI, Windows drive and UNC paths included.

``trusted_schema`` is off on every connection: a file from outside (a snapshot, a backup)
cannot make SQLite run its views' or triggers' functions with side effects.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from deskapp.services.journal.errors import JournalError, translate

BUSY_MS = 3000


def sqlite_uri(path: Path, mode: str, immutable: bool = False) -> str:
    text = str(path.absolute()).replace("\\", "/")
    if not text.startswith("/"):
        text = "/" + text
    suffix = "&immutable=1" if immutable else ""
    return f"file://{quote(text, safe='/:')}?mode={mode}{suffix}"


def open_writer(path: Path) -> sqlite_utils.Database:
    """The journal's read-write connection; JournalError when the file cannot be used."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_MS / 1000)
    except (OSError, sqlite3.OperationalError) as exc:
        raise JournalError("read_only", path, str(exc)) from exc
    db = sqlite_utils.Database(conn)
    try:
        db.execute(f"pragma busy_timeout = {BUSY_MS}")
        db.execute("pragma trusted_schema = off")
        with db.ensure_autocommit_on():
            db.execute("pragma journal_mode = wal")
        db.execute("pragma synchronous = full")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if isinstance(exc, sqlite3.OperationalError) and "not a database" not in str(exc):
            raise translate(exc, path) from exc
        raise JournalError("damaged", path, str(exc)) from exc
    return db


def open_reader(path: Path, *, immutable: bool = False,
                timeout: float = BUSY_MS / 1000) -> sqlite3.Connection:
    """A read-only connection (``immutable``: the file cannot change while it is read, as a
    snapshot on the shared folder; SQLite then takes no locks and reads no WAL)."""
    conn = sqlite3.connect(sqlite_uri(path, "ro", immutable), uri=True, timeout=timeout)
    conn.execute("pragma trusted_schema = off")
    return conn
