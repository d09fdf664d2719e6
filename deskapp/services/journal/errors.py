"""What can go wrong with a journal, by kind, and the one translator of SQLite's errors.

Every connection the journal package opens reports its problems as :class:`JournalError`
through :func:`translate`, so the UI and the command line word each kind once.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MESSAGES = {
    "too_new": "the journal {path} was written by a newer Skranke (schema {detail}); "
    "update Skranke before opening it",
    "damaged": "the journal {path} is damaged or not a Skranke journal ({detail})",
    "missing": "there is no journal at {path}",
    "locked": "the journal {path} is busy (a backup or another program is using it); "
    "try again in a moment",
    "read_only": "the journal {path} cannot be written (a read-only disk, folder or file, or "
    "no permission: {detail}); it is not damaged",
    "disk_full": "the disk holding {path} is full; the visit was not saved",
    "unknown_visit": "there is no visit {detail} in {path}",
    "cpr": "refused to write {detail} to {path}: it contains what looks like a CPR number; "
    "nothing was saved",
}


class JournalError(Exception):
    """A journal problem the user can act on; ``kind`` names it for the UI's own wording."""

    def __init__(self, kind: str, path: Path, detail: str = ""):
        self.kind = kind
        self.path = path
        self.detail = " ".join(detail.split())  # SQLite's reports can span lines: one line here
        super().__init__(MESSAGES[kind].format(path=path, detail=self.detail))


# SQLite's primary result codes (the low byte of an extended code) that are not damage.
_KIND_OF_CODE = {5: "locked", 6: "locked", 8: "read_only", 14: "read_only", 13: "disk_full"}


def translate(exc: sqlite3.Error, path: Path) -> JournalError:
    """The kind of an SQLite error: busy, read-only, full, or (anything else) damaged.
    SQLite's result code decides where Python gives it; else the wording does."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _KIND_OF_CODE:
        return JournalError(_KIND_OF_CODE[code & 0xFF], path, str(exc))
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError):
        if "locked" in text or "busy" in text:
            return JournalError("locked", path, str(exc))
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return JournalError("read_only", path, str(exc))
        if "full" in text:
            return JournalError("disk_full", path, str(exc))
    return JournalError("damaged", path, str(exc))
