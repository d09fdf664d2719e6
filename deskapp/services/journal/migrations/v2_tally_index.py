"""Schema 2: one covering index for every tally replaces the week tally and day indexes
(as shipped; replaced by schema 3's tally tables)."""

from __future__ import annotations

import sqlite_utils

from deskapp.services.journal.migrations.dropped import forget_dropped

TALLY_INDEX_COLUMNS = ["iso_week", "status", "deleted_utc", "errand", "reason", "outcome", "channel",
                       "desk", "site", "contact_type", "error_contact", "weekday", "local_hour",
                       "local_date", "duration_s"]
REPLACED = ("visits_week_tally", "visits_day")


def migrate(db: sqlite_utils.Database) -> None:
    for name in REPLACED:
        db.execute(f"drop index if exists {name}")
    db.table("visits").create_index(TALLY_INDEX_COLUMNS, index_name="visits_tally", if_not_exists=True)
    forget_dropped(db, REPLACED)
