"""Journal schema versions and the migrations between them.

``PRAGMA user_version`` holds the schema version. Each migration is a function run in its
own transaction; a journal newer than this code is refused, never opened read-write.
Append new migrations at the end; never change one that has shipped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

APPLICATION_ID = 0x534B524B  # "SKRK": marks a file as a Skranke journal


def _v1_initial(db: sqlite_utils.Database) -> None:
    db["visits"].create(
        {
            "id": str, "desk": str, "site": str, "status": str,
            "started_utc": str, "ended_utc": str, "local_date": str, "iso_week": str,
            "local_hour": int, "weekday": int,
            "channel": str, "errand": str, "reason": str, "outcome": str,
            "contact_type": str, "error_contact": int, "duration_s": int,
            "life_event": int, "first_time": int, "age_band": str, "note": str,
            "guide_mode": str, "handout": int, "late_entry": int, "catalog_version": str,
            "created_utc": str, "updated_utc": str, "deleted_utc": str,
        },
        pk="id",
        not_null={"desk", "site", "status", "started_utc", "local_date", "iso_week",
                  "channel", "errand", "created_utc", "updated_utc"},
        defaults={"error_contact": 0, "handout": 0, "late_entry": 0, "desk": "", "site": ""},
    )
    db["visits"].create_index(
        ["iso_week", "status", "deleted_utc", "errand", "reason", "outcome", "channel"],
        index_name="visits_week_tally",
    )
    db["visits"].create_index(["local_date", "status"], index_name="visits_day")
    db["visits"].create_index(["updated_utc"], index_name="visits_updated")
    db["visit_history"].create(
        {"id": int, "visit_id": str, "at_utc": str, "action": str, "before": str},
        pk="id", foreign_keys=[("visit_id", "visits", "id")],
    )
    db["visit_history"].create_index(["visit_id"])
    db["step_events"].create(
        {"id": str, "visit_id": str, "step": str, "status": str, "blocker": str,
         "note": str, "at_utc": str},
        pk="id", foreign_keys=[("visit_id", "visits", "id")],
    )
    db["step_events"].create_index(["visit_id"])
    db["coaching_sessions"].create(
        {"id": str, "desk": str, "site": str, "started_utc": str, "ended_utc": str,
         "local_date": str, "iso_week": str, "skills": str, "duration_s": int,
         "created_utc": str, "updated_utc": str, "deleted_utc": str},
        pk="id",
    )
    db["digital_counts"].create(
        {"week": str, "errand": str, "source": str, "count": int, "imported_utc": str},
        pk=("week", "errand", "source"),
    )
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["purge_log"].create(
        {"id": int, "at_utc": str, "older_than_days": int, "notes_erased": int}, pk="id"
    )


# Schema 2: every tally grouped counted visits of a range of weeks by some of these columns;
# with all of them in one index the tallies never read the table. Replaced in schema 3.
TALLY_INDEX_COLUMNS = ["iso_week", "status", "deleted_utc", "errand", "reason", "outcome", "channel",
                       "desk", "site", "contact_type", "error_contact", "weekday", "local_hour",
                       "local_date", "duration_s"]
REPLACED_BY_TALLY_INDEX = ("visits_week_tally", "visits_day")
# meta key of the index definitions a bulk consolidation dropped, to build them again at its end
DROPPED_INDEXES = "consolidate_dropped_indexes"


def _v2_covering_tally_index(db: sqlite_utils.Database) -> None:
    """One covering index for the tallies replaces the week tally and day indexes."""
    for name in REPLACED_BY_TALLY_INDEX:
        db.execute(f"drop index if exists {name}")
    db["visits"].create_index(TALLY_INDEX_COLUMNS, index_name="visits_tally", if_not_exists=True)
    _forget_dropped(db, REPLACED_BY_TALLY_INDEX)


def _forget_dropped(db: sqlite_utils.Database, names: tuple[str, ...]) -> None:
    """An interrupted bulk consolidation keeps the definitions of the indexes it dropped, to
    build them again: indexes a migration replaced must not come back."""
    row = db.execute("select value from meta where key = ?", [DROPPED_INDEXES]).fetchone()
    if row:
        kept = [sql for sql in json.loads(row[0]) if not any(f'"{name}"' in sql for name in names)]
        db.execute("update meta set value = ? where key = ?", [json.dumps(kept), DROPPED_INDEXES])


def _v3_weekly_tally_tables(db: sqlite_utils.Database) -> None:
    """Counted visits added up per week in tables the triggers keep current (tally_tables).

    The tallies no longer read the visits, so the wide covering index goes: a narrow one
    finds a week's (and a day's) visits for the day list, the visit export and the tidy
    CSV. Building and updating the wide one was a quarter of a consolidation."""
    from deskapp.services import tally_tables

    tally_tables.create(db.conn)  # counted from the covering index, before it goes
    db.execute("drop index if exists visits_tally")
    db["visits"].create_index(["iso_week", "local_date"], index_name="visits_week", if_not_exists=True)
    _forget_dropped(db, ("visits_tally",))


def _v4_day_list_index(db: sqlite_utils.Database) -> None:
    """The week index also orders each day's visits by start time: the counter's list of
    today (newest first, one page) reads a page instead of sorting the whole day."""
    db.execute("drop index if exists visits_week")
    db.execute("create index if not exists visits_week_day on visits (iso_week, local_date, started_utc)")
    _forget_dropped(db, ("visits_week",))


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial, _v2_covering_tally_index, _v3_weekly_tally_tables, _v4_day_list_index,
]
SCHEMA_VERSION = len(MIGRATIONS)


def version_of(db: sqlite_utils.Database) -> int:
    return db.execute("pragma user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, path: Path) -> None:
    """Bring a journal up to SCHEMA_VERSION; refuse newer and foreign files."""
    from deskapp.services.journal import JournalError

    try:
        current = version_of(db)
        app_id = db.execute("pragma application_id").fetchone()[0]
        has_tables = bool(db.table_names())
    except sqlite3.DatabaseError as exc:
        db.close()
        raise JournalError("damaged", path, str(exc)) from exc
    if current > SCHEMA_VERSION:
        db.close()
        raise JournalError("too_new", path, str(current))
    if (current == 0 and has_tables) or (current and app_id != APPLICATION_ID):
        db.close()
        raise JournalError("damaged", path, "not a Skranke journal")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        try:
            with db.atomic():
                MIGRATIONS[version - 1](db)
                db.execute(f"pragma application_id = {APPLICATION_ID}")
                db.execute(f"pragma user_version = {version}")
        except sqlite3.OperationalError as exc:
            db.close()
            from deskapp.services.journal import _translate

            raise _translate(exc, path) from exc
