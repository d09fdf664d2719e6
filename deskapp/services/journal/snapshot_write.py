"""Finish a snapshot copy before it is signed: every text guarded, the whole file checked.

``publish`` copies the live journal (``copy.write_snapshot``), then :func:`finish` runs on
the copy: a text the privacy guard refuses (a CPR number the detector of an older version
let through, control characters, too long) is dropped from the copy, and ``PRAGMA
integrity_check`` reads every page (the tally tables are counted again when a text was
dropped). Only then is the copy signed: a signature says that
these bytes passed the full check.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from deskapp.services.journal import merge_sql, tally_tables, text_guard

TEXTS = {
    "visits": [*merge_sql.VISIT_TEXTS, "desk", "site"],
    "step_events": ["step", "status", "blocker", "note"],
    "visit_history": ["action", "before"],
    "coaching_sessions": ["desk", "site", "skills"],
    "digital_counts": ["source"],
    "meta": ["value"],
}
REQUIRED = {("visits", c) for c in (*merge_sql.REQUIRED_TEXTS, "desk", "site")} | {
    ("step_events", "step"), ("step_events", "status"), ("coaching_sessions", "desk"),
    ("coaching_sessions", "site"), ("coaching_sessions", "skills"), ("digital_counts", "source")}
LONG = {"note": text_guard.NOTE_MAX, "before": 4000, "value": 4000}


class SnapshotDamaged(Exception):
    """The copy failed the integrity check (the desk's journal itself is damaged)."""


def finish(path: Path) -> int:
    """Guard every text of the copy at ``path`` and check it; return the texts dropped."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        text_guard.register(conn)
        conn.execute("pragma trusted_schema = off")
        conn.execute("pragma secure_delete = on")  # a dropped text leaves no trace in the page
        dropped = 0
        conn.execute("begin")
        have = {t: {r[1] for r in conn.execute(f"pragma table_info({t})")} for t in TEXTS}
        for table, names in TEXTS.items():
            present = [c for c in names if c in have[table]]
            if not conn.execute(f"select 1 from {table} s where "
                                f"skranke_unclean({text_guard.joined(present, 's')}) limit 1").fetchall():
                continue  # one pass a table finds nothing to clean (the usual case)
            for column in present:
                value = f"skranke_clean({column}, {LONG.get(column, text_guard.CODE_MAX)})"
                if (table, column) in REQUIRED:
                    value = f"coalesce({value}, '')"
                machine = " and key not in ('desk_id', 'snapshot_utc')" if table == "meta" else ""
                dropped += conn.execute(f"update {table} set {column} = {value} where {column} is not null "
                                        f"and {column} is not {value}{machine}").rowcount
        if dropped:  # the tally tables counted the dropped texts too
            tally_tables.rebuild(conn)
        conn.execute("commit")
        # The backup API copied the desk file's free pages and free space in pages too: text
        # from edited or overwritten rows (a note before its edit, a planted one) would ride
        # along to the share. VACUUM writes the copy anew with only its live rows.
        conn.execute("vacuum")
        found = [row[0] for row in conn.execute("pragma integrity_check(3)")]
        if found != ["ok"]:
            raise SnapshotDamaged("; ".join(found)[:200])
        return dropped
    finally:
        conn.close()
