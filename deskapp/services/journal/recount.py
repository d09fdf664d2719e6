"""Count a snapshot's own visits, read-only on a connection of its own (a worker thread).

A consolidation never believes a snapshot's tally tables. When every visit of a snapshot is
new to the site journal (a desk's first merge, a consolidation from scratch), its accepted
visits are counted from its rows here, exactly as :mod:`.merge` writes them (same
acceptance test, the site journal's labels), while the main thread inserts them: SQLite
works without Python's lock, so the counting runs on the other core.
"""

from __future__ import annotations

from pathlib import Path

from deskapp.services.journal import merge_sql, tally_tables, text_guard
from deskapp.services.journal.connect import open_reader


def recount(path: Path, have: set[str], params: dict[str, str]) -> dict[str, list[tuple]]:
    conn = open_reader(path, immutable=True)
    try:
        text_guard.register(conn)
        accepted = merge_sql.visit_accepted(have, "v")
        values = {"desk": ":desk", "site": ":site"}
        if "appointment" not in have:
            values["appointment"] = "'drop_in'"
        if "citizen" not in have:
            values["term:citizens"] = "1"
        return {f"{name}_by_desk": conn.execute(
            tally_tables.count_query(f"{name}_by_desk", "visits", accepted, values), params).fetchall()
            for name in tally_tables.VIEWS}
    finally:
        conn.close()
