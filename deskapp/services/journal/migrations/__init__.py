"""Journal schema versions and the migrations between them.

``PRAGMA user_version`` holds the schema version. Each migration is a module of its own
with its own SQL, frozen as shipped (a migration never calls today's code that may change),
run in its own transaction; a journal newer than this code is refused, never opened
read-write. Append new migrations at the end; never change one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from deskapp.services.journal.errors import JournalError, translate
from deskapp.services.journal.migrations import (
    v1_initial,
    v2_tally_index,
    v3_tally_tables,
    v4_day_index,
    v5_desk_identity,
    v6_site_desks,
)
from deskapp.services.journal.migrations.dropped import DROPPED_INDEXES

APPLICATION_ID = 0x534B524B  # "SKRK": marks a file as a Skranke journal

MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    v1_initial.migrate, v2_tally_index.migrate, v3_tally_tables.migrate, v4_day_index.migrate,
    v5_desk_identity.migrate, v6_site_desks.migrate,
]
SCHEMA_VERSION = len(MIGRATIONS)


def version_of(db: sqlite_utils.Database) -> int:
    return int(db.execute("pragma user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, path: Path) -> None:
    """Bring a journal up to SCHEMA_VERSION; refuse newer and foreign files."""
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
        except sqlite3.DatabaseError as exc:
            db.close()
            raise translate(exc, path) from exc


__all__ = ["APPLICATION_ID", "DROPPED_INDEXES", "MIGRATIONS", "SCHEMA_VERSION", "migrate", "version_of"]
