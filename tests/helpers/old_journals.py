"""Journals as an older Skranke wrote them, for migration tests."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from deskapp.services import weeks
from deskapp.services.journal import SAVED
from deskapp.services.journal.migrations import APPLICATION_ID, MIGRATIONS


def version_4_journal(path: Path, visits: int) -> None:
    db = sqlite_utils.Database(path)
    with db.atomic():
        for migration in MIGRATIONS[:4]:
            migration(db)
        db.execute(f"pragma application_id = {APPLICATION_ID}")
        db.execute("pragma user_version = 4")
        now = weeks.now_utc()
        here = weeks.local(now)
        for n in range(visits):
            db["visits"].insert({
                "id": f"old-{n}", "desk": "Skranke 1", "site": "Rådhuset", "status": SAVED,
                "started_utc": weeks.stamp(now), "ended_utc": weeks.stamp(now),
                "local_date": here.date().isoformat(), "iso_week": weeks.week_of(here.date()),
                "local_hour": here.hour, "weekday": here.isoweekday(),
                "channel": "telefon" if n % 2 else "fremmoede",
                "errand": "pas", "reason": "failed", "outcome": "manual",
                "contact_type": "transaction", "created_utc": weeks.stamp(now),
                "updated_utc": weeks.stamp(now),
            })
    db.close()
