"""Schema 5: a desk identity, booked appointments and a citizen's errands linked.

- ``meta.desk_id``: a random id made once per journal; the desk's name and site are labels
  that may change. ``visits.desk_id`` and ``coaching_sessions.desk_id`` say which desk
  wrote a row. A desk's own journal (no merged snapshots in it) gives its existing rows its
  new id; a site journal keeps ``''`` on rows merged before, until their desk's next
  snapshot says whose they are.
- ``visits.appointment``: ``drop_in`` (every visit so far) or ``booked``.
- ``visits.citizen``: the id of the citizen's first visit of a series of errands (a second
  errand for the same citizen points at the first); every existing visit is its own.
- The channel tally tables add up by appointment and count citizens; every tally table
  and trigger is schema 5's own SQL (``v5_tally_sql``); only the channel tables are counted
  again.
"""

from __future__ import annotations

import re
import uuid

import sqlite_utils

from deskapp.services.journal.migrations.v5_tally_sql import CREATE, REBUILD

OLD_TRIGGERS = ("visits_tally_insert", "visits_tally_delete", "visits_tally_update_old",
                "visits_tally_update_new", "steps_tally_insert", "steps_tally_delete",
                "steps_tally_update_old", "steps_tally_update_new")
RECOUNTED = ("tally_channels", "tally_channels_by_desk")


def migrate(db: sqlite_utils.Database) -> None:
    db.execute("alter table visits add column desk_id text not null default ''")
    db.execute("alter table visits add column appointment text not null default 'drop_in'")
    db.execute("alter table visits add column citizen text")
    db.execute("alter table coaching_sessions add column desk_id text not null default ''")
    db.execute("update visits set citizen = id")
    desk_id = uuid.uuid4().hex
    db.execute("insert or ignore into meta (key, value) values ('desk_id', ?)", [desk_id])
    own = db.execute("select value from meta where key = 'desk_id'").fetchone()[0]
    merged = db.execute("select 1 from meta where key like 'snapshot:%' limit 1").fetchone()
    if not merged:
        db.execute("update visits set desk_id = ? where desk_id = ''", [own])
        db.execute("update coaching_sessions set desk_id = ? where desk_id = ''", [own])
    for name in OLD_TRIGGERS:
        db.execute(f"drop trigger if exists {name}")
    for table in RECOUNTED:
        db.execute(f"drop table if exists {table}")
    for sql in CREATE:
        db.execute(sql)
    for sql in REBUILD:
        if re.search(rf"\bmain\.({'|'.join(RECOUNTED)})\b", sql):
            db.execute(sql)
