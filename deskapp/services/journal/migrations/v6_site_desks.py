"""Schema 6: a site journal knows its desks by identity; notes are found without a scan.

- ``site_desks``: one row per desk id a consolidation merged: the public key pinned the
  first time (trust on first use) and when, the desk's current labels (its newest
  snapshot's), that snapshot's time and the state of the incremental merge. A desk's own
  journal keeps it empty.
- ``visits_with_note`` and ``steps_with_note``: partial indexes over the rows that still
  hold a note, so retention (at the desk and in a site journal at every consolidation)
  finds them without reading every visit.
"""

from __future__ import annotations

import sqlite_utils

CREATE = (
    "create table site_desks (desk_id text primary key, public_key text, pinned_utc text, "
    "desk text not null default '', site text not null default '', snapshot_utc text, "
    "purged_before text, merge_state text)",
    "create index visits_with_note on visits (started_utc) where note is not null",
    "create index steps_with_note on step_events (visit_id) where note is not null",
)


def migrate(db: sqlite_utils.Database) -> None:
    for sql in CREATE:
        db.execute(sql)
