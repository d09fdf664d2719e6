"""Indexes a bulk consolidation dropped, to be built again at its end (kept in ``meta``)."""

from __future__ import annotations

import json

import sqlite_utils

DROPPED_INDEXES = "consolidate_dropped_indexes"  # the meta key


def forget_dropped(db: sqlite_utils.Database, names: tuple[str, ...]) -> None:
    """An interrupted bulk consolidation keeps the definitions of the indexes it dropped, to
    build them again: indexes a migration replaced must not come back."""
    row = db.execute("select value from meta where key = ?", [DROPPED_INDEXES]).fetchone()
    if row:
        kept = [sql for sql in json.loads(row[0]) if not any(f'"{name}"' in sql for name in names)]
        db.execute("update meta set value = ? where key = ?", [json.dumps(kept), DROPPED_INDEXES])
