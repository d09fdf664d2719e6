"""Schema 4: the week index also orders each day's visits by start time, so the counter's
list of today (newest first, one page) reads a page instead of sorting the whole day."""

from __future__ import annotations

import sqlite_utils

from deskapp.services.journal.migrations.dropped import forget_dropped


def migrate(db: sqlite_utils.Database) -> None:
    db.execute("drop index if exists visits_week")
    db.execute("create index if not exists visits_week_day on visits (iso_week, local_date, started_utc)")
    forget_dropped(db, ("visits_week",))
