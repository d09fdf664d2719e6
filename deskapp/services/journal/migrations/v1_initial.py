"""Schema 1: visits, their history and guide step events, coaching sessions, imported
digital counts, meta and the purge log (as shipped; never change)."""

from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    db.table("visits").create(
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
    db.table("visits").create_index(
        ["iso_week", "status", "deleted_utc", "errand", "reason", "outcome", "channel"],
        index_name="visits_week_tally",
    )
    db.table("visits").create_index(["local_date", "status"], index_name="visits_day")
    db.table("visits").create_index(["updated_utc"], index_name="visits_updated")
    db.table("visit_history").create(
        {"id": int, "visit_id": str, "at_utc": str, "action": str, "before": str},
        pk="id", foreign_keys=[("visit_id", "visits", "id")],
    )
    db.table("visit_history").create_index(["visit_id"])
    db.table("step_events").create(
        {"id": str, "visit_id": str, "step": str, "status": str, "blocker": str,
         "note": str, "at_utc": str},
        pk="id", foreign_keys=[("visit_id", "visits", "id")],
    )
    db.table("step_events").create_index(["visit_id"])
    db.table("coaching_sessions").create(
        {"id": str, "desk": str, "site": str, "started_utc": str, "ended_utc": str,
         "local_date": str, "iso_week": str, "skills": str, "duration_s": int,
         "created_utc": str, "updated_utc": str, "deleted_utc": str},
        pk="id",
    )
    db.table("digital_counts").create(
        {"week": str, "errand": str, "source": str, "count": int, "imported_utc": str},
        pk=("week", "errand", "source"),
    )
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("purge_log").create(
        {"id": int, "at_utc": str, "older_than_days": int, "notes_erased": int}, pk="id"
    )
