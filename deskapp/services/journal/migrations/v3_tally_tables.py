"""Schema 3: counted visits added up per week in tables that triggers keep current.

The tallies no longer read the visits, so the wide covering index goes: a narrow one
finds a week's (and a day's) visits for the day list, the visit export and the tidy CSV.
Building and updating the wide one was a quarter of a consolidation. The tables, triggers
and the first count are schema 3's own SQL (``v3_tally_sql``), not today's tally_tables."""

from __future__ import annotations

import sqlite_utils

from deskapp.services.journal.migrations.dropped import forget_dropped
from deskapp.services.journal.migrations.v3_tally_sql import CREATE, REBUILD


def migrate(db: sqlite_utils.Database) -> None:
    for sql in (*CREATE, *REBUILD):  # counted from the covering index
        db.execute(sql)
    db.execute("drop index if exists visits_tally")
    db.table("visits").create_index(["iso_week", "local_date"], index_name="visits_week", if_not_exists=True)
    forget_dropped(db, ("visits_tally",))
