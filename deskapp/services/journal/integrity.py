"""Is a journal file usable? Checked read-only, before anything opens it for writing.

A damaged journal must never be written to: SQLite would happily open a truncated file
and append to it. :func:`check_integrity` looks at the file through a read-only
connection (``mode=ro``) and runs ``PRAGMA quick_check`` (``integrity_check`` with
``full``); it never changes the file.

Three things are not damage:

- **Read-only.** A journal on a read-only disk, or in a folder or file this user may not
  write, is read as it is (see :func:`~.connect.open_reader`); the check passes and only a
  write is refused, as "read_only".
- **An interrupted write.** A program killed in the middle of a write in rollback-journal
  mode (a consolidation does that) leaves a *hot* ``<name>-journal`` beside the file: the
  file is half written, the journal holds what it was before. Only a writer can roll it
  back; :func:`finish_interrupted_write` does that (SQLite's own crash recovery, what any
  read-write open does) after trying it on a copy, so a rollback that would give a damaged
  file never touches the original. Until then the check says "damaged" (it cannot be read
  as it is) or, where nobody may write, "read_only".
- **Busy.** Another program holding a lock is "locked".
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from deskapp.services.journal.connect import READONLY_ROLLBACK, is_writable, open_reader
from deskapp.services.journal.errors import JournalError, translate
from deskapp.services.journal.migrations import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDECARS = ("-wal", "-shm", "-journal")


def check_integrity(path: Path | str, *, full: bool = False, header_only: bool = False) -> int:
    """Raise JournalError ("damaged", "too_new", "locked", "read_only") when the file at
    ``path`` cannot be used as a journal. A missing or empty file is fine: it becomes a
    new journal. ``full``: ``integrity_check`` (every index against its table) instead of
    the faster ``quick_check``. ``header_only``: only the header, version and application
    id (milliseconds, for the app's start; the page check then runs off the UI thread).
    Returns the file's schema version (0 for a new journal)."""
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
        check = "integrity_check(5)" if full else "quick_check(5)"
        result = ["ok"] if header_only else [row[0] for row in conn.execute(f"pragma {check}")]
        if result != ["ok"]:
            raise JournalError("damaged", path, "; ".join(result[:2]))
        return int(version)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) == READONLY_ROLLBACK:
            raise _interrupted(path) from exc
        found = translate(exc, path)  # a read-only connection refused a write: not damage
        usable = found.kind in ("locked", "read_only")
        raise (found if usable else JournalError("damaged", path, str(exc))) from exc
    except sqlite3.DatabaseError as exc:
        raise JournalError("damaged", path, str(exc)) from exc
    finally:
        conn.close()


def _interrupted(path: Path) -> JournalError:
    hot = f"{path.name}-journal"
    if not is_writable(path):
        return JournalError("read_only", path, f"an interrupted write ({hot}) can only be rolled "
                            "back where the journal can be written")
    return JournalError("damaged", path, f"an interrupted write ({hot}) could not be rolled back")


def finish_interrupted_write(path: Path | str) -> bool:
    """Roll back the interrupted write a hot ``<name>-journal`` holds; True if one was.

    Tried on a copy first (the file and its journal, beside them): only a rollback that gives
    a sound file is done on the journal itself, so a damaged file stays as it was, journal
    and all, for :func:`check_integrity` to report and restore to keep aside."""
    path = Path(path)
    hot = path.with_name(path.name + "-journal")
    if not hot.is_file() or not is_writable(path) or not _needs_rollback(path):
        return False
    trial = path.with_name(path.name + ".rollback-trial")
    trial_hot = trial.with_name(trial.name + "-journal")
    try:
        shutil.copyfile(path, trial)
        shutil.copyfile(hot, trial_hot)
        if not _roll_back(trial):
            return False
    except OSError:
        return False
    finally:
        for leftover in (trial, trial_hot):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return _roll_back(path)


def _needs_rollback(path: Path) -> bool:
    try:
        conn = open_reader(path.resolve())
    except (OSError, sqlite3.Error):
        return False
    try:
        conn.execute("pragma user_version").fetchone()
    except sqlite3.OperationalError as exc:
        return getattr(exc, "sqlite_errorcode", None) == READONLY_ROLLBACK
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return False


def _roll_back(path: Path) -> bool:
    """Open read-write (SQLite rolls a hot journal back on the first read) and quick-check."""
    try:
        conn = sqlite3.connect(str(path), timeout=3.0)
    except sqlite3.Error:
        return False
    try:
        conn.execute("pragma trusted_schema = off")
        return [row[0] for row in conn.execute("pragma quick_check(1)")] == ["ok"]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def is_usable(path: Path | str) -> bool:
    try:
        check_integrity(path)
    except JournalError:
        return False
    return Path(path).exists()
