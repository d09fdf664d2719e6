"""Consistent copies of a journal through SQLite's backup API (backups, restore, snapshots).

The backup API copies one consistent state while the counter keeps writing (in WAL mode a
reader never blocks the writer), including what is still in the source's ``-wal`` file,
which a plain file copy would leave out. Copies are self-contained files (rollback-journal
mode), flushed to disk before they are renamed into place by the caller.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from deskapp.services.durable import fsync_file
from deskapp.services.journal.connect import open_reader, sqlite_uri


def copy_journal(source: Path, target: Path) -> None:
    """Copy the journal at ``source`` into the new file ``target`` (read-only on the source)."""
    reader = open_reader(source)
    try:
        _copy(reader, target, {})
    finally:
        reader.close()


def write_snapshot(journal: Path, target: Path, stamps: dict[str, str]) -> int:
    """Copy a live journal into ``target`` with ``stamps`` set in its meta table (snapshot
    time, desk, site...); return how many visits the copy holds. The live journal is opened
    read-write only so that the copy sees its WAL; nothing is written to it."""
    source = sqlite3.connect(sqlite_uri(journal, "rw"), uri=True, timeout=5.0)
    try:
        source.execute("pragma busy_timeout = 5000")
        return _copy(source, target, stamps)
    finally:
        source.close()


def _copy(source: sqlite3.Connection, target: Path, stamps: dict[str, str]) -> int:
    copy = sqlite3.connect(str(target), isolation_level=None)
    try:
        source.backup(copy)  # pages=-1: everything in one step, one read transaction
        copy.execute("pragma journal_mode = delete")  # one self-contained file
        if stamps:
            copy.execute("begin")
            copy.executemany("insert or replace into meta (key, value) values (?, ?)", stamps.items())
            copy.execute("commit")
        visits = int(copy.execute("select count(*) from visits").fetchone()[0])
    finally:
        copy.close()
    fsync_file(target)
    return visits
