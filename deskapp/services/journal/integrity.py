"""Is a journal file usable? Checked read-only, before anything opens it for writing.

A damaged journal must never be written to: SQLite would happily open a truncated file
and append to it. :func:`check_integrity` looks at the file through a read-only
connection (``mode=ro``) and runs ``PRAGMA quick_check``; it never changes the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from deskapp.services.journal.connect import open_reader
from deskapp.services.journal.errors import JournalError, translate
from deskapp.services.journal.migrations import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_integrity(path: Path | str, *, full: bool = True) -> int:
    """Raise JournalError ("damaged", "too_new", "locked", "read_only") when the file at
    ``path`` cannot be used as a journal. A missing or empty file is fine: it becomes a
    new journal. Returns the file's schema version (0 for a new journal).

    ``full=False`` checks only the header, version and application id (milliseconds, for
    the app's start); the page-by-page ``quick_check`` then runs off the UI thread."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return 0
    except IsADirectoryError as exc:
        raise JournalError("damaged", path, "it is a folder") from exc
    except OSError as exc:
        raise JournalError("read_only", path, exc.strerror or str(exc)) from exc
    if not head:
        return 0
    if head != SQLITE_MAGIC:
        raise JournalError("damaged", path, "not an SQLite file")
    try:
        conn = open_reader(path.resolve())
    except sqlite3.Error as exc:
        raise JournalError("read_only", path, str(exc)) from exc
    try:
        version = conn.execute("pragma user_version").fetchone()[0]
        app_id = conn.execute("pragma application_id").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError("too_new", path, str(version))
        if version and app_id != APPLICATION_ID:
            raise JournalError("damaged", path, "not a Skranke journal")
        result = [row[0] for row in conn.execute("pragma quick_check(5)")] if full else ["ok"]
        if result != ["ok"]:
            raise JournalError("damaged", path, "; ".join(result[:2]))
        return int(version)
    except sqlite3.OperationalError as exc:
        found = translate(exc, path)
        raise (found if found.kind == "locked" else JournalError("damaged", path, str(exc))) from exc
    except sqlite3.DatabaseError as exc:
        raise JournalError("damaged", path, str(exc)) from exc
    finally:
        conn.close()


def is_usable(path: Path | str) -> bool:
    try:
        check_integrity(path)
    except JournalError:
        return False
    return Path(path).exists()
