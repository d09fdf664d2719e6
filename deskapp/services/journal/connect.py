"""Every SQLite connection to a journal file is opened here.

- :func:`open_writer`: the one read-write connection of a :class:`~.store.Journal` (WAL,
  ``synchronous=FULL``: a visit is on disk when its write returns).
- :func:`open_reader`: read-only, for checks, copies and read-only journals; never
  changes the file. A journal on a read-only disk or folder is read as it is (see there).
- :func:`sqlite_uri`: a path as an SQLite URI, Windows drive and UNC paths included.

``trusted_schema`` is off on every connection: a file from outside (a snapshot, a backup)
cannot make SQLite run its views' or triggers' functions with side effects. No
sqlite-utils plugin is ever loaded into a journal's connection (:func:`database`): Skranke
uses none, and looking for them reads every installed package's metadata (about 20 ms of
every start).
"""

from __future__ import annotations

import os
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
    """The journal's read-write connection; JournalError when the file cannot be used.

    A file this user may not write (or whose folder it may not write: the -wal goes there)
    is refused as "read_only" before SQLite opens it: SQLite would open it read-only without
    a word and fail only at the first write, after the clerk has typed a visit."""
    if path.exists() and not is_writable(path):
        raise JournalError("read_only", path, "no permission to write the file or its folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_MS / 1000)
    except (OSError, sqlite3.OperationalError) as exc:
        raise JournalError("read_only", path, str(exc)) from exc
    db = database(conn)
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


# Why a read-only connection could not start: SQLite could not create the -shm file beside a
# WAL-mode file (SQLITE_READONLY_*, SQLITE_CANTOPEN). SQLITE_READONLY_ROLLBACK is not one of
# them: that is an interrupted write, which only a writer can roll back (see integrity).
READONLY_ROLLBACK = 776
_NO_SIDECARS = (8, 14, 1032, 1288, 1544)  # READONLY, CANTOPEN, _RECOVERY, _CANTINIT, _DIRECTORY


def open_read_only(path: Path) -> sqlite_utils.Database:
    """A :func:`open_reader` connection for a read-only :class:`~.store.Journal`: every read,
    no write (SQLite answers a write with "readonly", reported as "read_only"). Nothing is
    migrated, so a journal of an older schema is refused: it cannot be brought up to date."""
    from deskapp.services.journal.migrations import APPLICATION_ID, SCHEMA_VERSION

    try:
        conn = open_reader(path)
    except sqlite3.Error as exc:
        raise JournalError("read_only", path, str(exc)) from exc
    try:
        version = conn.execute("pragma user_version").fetchone()[0]
        app_id = conn.execute("pragma application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise translate(exc, path) from exc
    problem = None
    if version > SCHEMA_VERSION:
        problem = JournalError("too_new", path, str(version))
    elif app_id != APPLICATION_ID:
        problem = JournalError("damaged", path, "not a Skranke journal")
    elif version < SCHEMA_VERSION:
        problem = JournalError("read_only", path, f"written by an older Skranke (schema {version}) "
                               "and read-only, so it cannot be brought up to date here")
    if problem:
        conn.close()
        raise problem
    return database(conn)


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """``conn`` in sqlite-utils' wrapper, without its plugins (see the module's docstring)."""
    return sqlite_utils.Database(conn, execute_plugins=False)


def open_reader(path: Path, *, immutable: bool = False,
                timeout: float = BUSY_MS / 1000) -> sqlite3.Connection:
    """A read-only connection (``immutable``: the file cannot change while it is read, as a
    snapshot on the shared folder; SQLite then takes no locks and reads no WAL).

    A WAL-mode journal on a read-only disk or folder cannot be read with ``mode=ro`` when
    SQLite cannot create its ``-shm`` file. If nothing is waiting in a ``-wal`` file (none, or
    an empty one) the file alone is the whole journal, and it is read as immutable: nobody
    can write it there. With a ``-wal`` file present SQLite reads it (and the WAL) as usual."""
    conn = sqlite3.connect(sqlite_uri(path, "ro", immutable), uri=True, timeout=timeout)
    try:
        conn.execute("pragma trusted_schema = off")
        conn.execute("pragma schema_version").fetchone()  # opens the file (and its WAL) now
    except sqlite3.OperationalError as exc:
        if immutable or getattr(exc, "sqlite_errorcode", None) not in _NO_SIDECARS or _waiting(path):
            return conn  # the caller's first query reports it, as before
        conn.close()
        conn = sqlite3.connect(sqlite_uri(path, "ro", True), uri=True, timeout=timeout)
        conn.execute("pragma trusted_schema = off")
    except sqlite3.DatabaseError:
        return conn  # not a database: the caller's checks say so
    return conn


def _waiting(path: Path) -> bool:
    """Whether a -wal or -journal beside the file may hold what the file alone does not."""
    for suffix in ("-wal", "-journal"):
        try:
            if path.with_name(path.name + suffix).stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


def is_writable(path: Path) -> bool:
    """Whether this process may change the file and create files beside it (a -wal, a
    -journal): both are needed to write a journal or roll back an interrupted write."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK | os.X_OK) and (not path.exists() or os.access(path, os.W_OK))
