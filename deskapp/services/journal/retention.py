"""Retention: free-text notes are erased after a number of days; categories stay.

Erases ``visits.note``, ``step_events.note`` and notes kept as previous values in
``visit_history`` (an edited note), all by the age of their visit (a step note or an edit
made today on a visit older than the limit goes with the visit). Errand, reason, outcome
and every other category are kept, so tallies never change. Each run is recorded in
``purge_log`` (when, the limit, how many notes were erased).

Erased means gone from the bytes of the file: ``secure_delete`` zeroes the freed space, and
a truncating WAL checkpoint copies the new pages over the old ones in the journal file and
empties the ``-wal``. Another program reading the journal (a read transaction held open)
keeps the checkpoint from finishing; then the wipe is recorded as pending
(:func:`wipe_pending`) and finished by the next purge, which the app runs at every start.
Backups are purged the same way (:func:`purge_file`, see ``services.backup``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from deskapp.services import weeks
from deskapp.services.journal.connect import BUSY_MS
from deskapp.services.journal.errors import JournalError, translate
from deskapp.services.journal.store import Journal

DEFAULT_DAYS = 30
MAX_DAYS = 3650
PENDING_KEY = "notes_wipe_pending"  # meta: when a purge could not empty the WAL
CHECKPOINT_WAIT_MS = 3000  # how long a purge waits for readers before leaving it pending


def cutoff_stamp(older_than_days: int, now: datetime | None = None) -> str:
    return weeks.stamp((now or weeks.now_utc()) - timedelta(days=older_than_days))


def _check_days(older_than_days: int) -> None:
    if not 0 <= older_than_days <= MAX_DAYS:
        raise ValueError(f"older_than_days must be between 0 and {MAX_DAYS}")


def _erase(execute: Callable[[str, list[str]], sqlite3.Cursor], cutoff: str) -> int:
    """Erase every note of visits started before ``cutoff``; how many were erased."""
    old_visits = "select id from visits where started_utc < ?"
    erased = execute(
        "update visits set note = null where note is not null and started_utc < ?",
        [cutoff]).rowcount
    erased += execute(
        f"update step_events set note = null where note is not null "
        f"and (at_utc < ? or visit_id in ({old_visits}))", [cutoff, cutoff]).rowcount
    erased += execute(
        f"update visit_history set before = json_set(before, '$.note', null) "
        f"where json_valid(before) and json_extract(before, '$.note') is not null "
        f"and (at_utc < ? or visit_id in ({old_visits}))", [cutoff, cutoff]).rowcount
    return erased


def purge_notes(journal: Journal, older_than_days: int = DEFAULT_DAYS,
                now: datetime | None = None, wait_ms: int = CHECKPOINT_WAIT_MS) -> int:
    """Erase notes older than ``older_than_days``; record the run; return how many.

    Then wipe them from the file (see the module docstring); :func:`wipe_pending` says
    whether a reader kept that from finishing (waited for ``wait_ms``)."""
    _check_days(older_than_days)
    now = now or weeks.now_utc()
    cutoff = cutoff_stamp(older_than_days, now)
    db = journal.db
    db.execute("pragma secure_delete = on")
    try:
        with journal._writing():
            erased = _erase(db.execute, cutoff)
            db.table("purge_log").insert({
                "at_utc": weeks.stamp(now),
                "older_than_days": older_than_days,
                "notes_erased": erased,
            })
            if erased and not journal.meta(PENDING_KEY):
                db.table("meta").upsert({"key": PENDING_KEY, "value": weeks.stamp(now)}, pk="key")
    finally:
        db.execute("pragma secure_delete = off")
    if journal.meta(PENDING_KEY):
        _wipe(journal, wait_ms)
    return erased


def wipe_pending(journal: Journal) -> str:
    """When (UTC stamp) notes were erased that are still in the file's bytes because a
    reader kept the checkpoint from finishing; "" when none are."""
    return journal.meta(PENDING_KEY)


def _wipe(journal: Journal, wait_ms: int) -> None:
    """Checkpoint until the WAL is empty; then clear the pending mark (itself checkpointed,
    so the WAL is left empty). A reader still holding old pages leaves the mark set."""
    db = journal.db
    try:
        db.execute(f"pragma busy_timeout = {int(wait_ms)}")
        if not _truncated(db.conn):
            return
        with journal._writing():
            db.execute("delete from meta where key = ?", [PENDING_KEY])
        _truncated(db.conn)
    except sqlite3.OperationalError:
        return  # busy or locked: still pending, finished by the next purge
    finally:
        db.execute(f"pragma busy_timeout = {BUSY_MS}")


def _truncated(conn: sqlite3.Connection) -> bool:
    """One truncating checkpoint: True when every frame was copied and the WAL emptied."""
    busy, log_frames, _ = conn.execute("pragma wal_checkpoint(truncate)").fetchone()
    return busy == 0 and log_frames in (0, -1)


def purge_file(path: Path, older_than_days: int, now: datetime | None = None) -> int:
    """Erase old notes in a closed journal file (a backup) without changing its journal mode
    or schema; return how many. JournalError when the file cannot be purged."""
    _check_days(older_than_days)
    cutoff = cutoff_stamp(older_than_days, now)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=CHECKPOINT_WAIT_MS / 1000)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    try:
        conn.execute("pragma trusted_schema = off")
        conn.execute("pragma secure_delete = on")
        conn.execute("begin immediate")
        erased = _erase(conn.execute, cutoff)
        conn.execute("commit")
        if conn.execute("pragma journal_mode").fetchone()[0] == "wal":
            _truncated(conn)
        return erased
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("rollback")
        raise translate(exc, path) if isinstance(exc, sqlite3.OperationalError) else JournalError(
            "damaged", path, str(exc)) from exc
    finally:
        conn.close()


def purge_history(journal: Journal) -> list[dict[str, object]]:
    """Every recorded purge, newest first."""
    return list(journal.db.query("select * from purge_log order by at_utc desc, id desc"))
