"""Retention: free-text notes are erased after a number of days; categories stay.

Erases ``visits.note``, ``step_events.note`` and notes kept as previous values in
``visit_history`` (an edited note). Errand, reason, outcome and every other category are
kept, so tallies never change. Each run is recorded in ``purge_log`` (when, the limit,
how many notes were erased). ``secure_delete`` and a WAL checkpoint make sure the erased
text does not linger in the file's free pages or in the write-ahead log.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime, timedelta

from deskapp.services import weeks
from deskapp.services.journal.store import Journal

DEFAULT_DAYS = 30
MAX_DAYS = 3650


def cutoff_stamp(older_than_days: int, now: datetime | None = None) -> str:
    return weeks.stamp((now or weeks.now_utc()) - timedelta(days=older_than_days))


def purge_notes(journal: Journal, older_than_days: int = DEFAULT_DAYS,
                now: datetime | None = None) -> int:
    """Erase notes older than ``older_than_days``; record the run; return how many."""
    if not 0 <= older_than_days <= MAX_DAYS:
        raise ValueError(f"older_than_days must be between 0 and {MAX_DAYS}")
    now = now or weeks.now_utc()
    cutoff = cutoff_stamp(older_than_days, now)
    db = journal.db
    db.execute("pragma secure_delete = on")
    try:
        with journal._writing():
            erased = db.execute(
                "update visits set note = null where note is not null and started_utc < ?",
                [cutoff]).rowcount
            erased += db.execute(
                "update step_events set note = null where note is not null and at_utc < ?",
                [cutoff]).rowcount
            erased += db.execute(
                "update visit_history set before = json_set(before, '$.note', null) "
                "where json_valid(before) and json_extract(before, '$.note') is not null "
                "and (at_utc < ? or visit_id in (select id from visits where started_utc < ?))",
                [cutoff, cutoff]).rowcount
            db.table("purge_log").insert({
                "at_utc": weeks.stamp(now),
                "older_than_days": older_than_days,
                "notes_erased": erased,
            })
    finally:
        db.execute("pragma secure_delete = off")
    if erased:
        # A busy reader may stop this; the next checkpoint then overwrites the old pages.
        with contextlib.suppress(sqlite3.OperationalError):
            db.execute("pragma wal_checkpoint(truncate)")
    return erased


def purge_history(journal: Journal) -> list[dict[str, object]]:
    """Every recorded purge, newest first."""
    return list(journal.db.query("select * from purge_log order by at_utc desc, id desc"))
