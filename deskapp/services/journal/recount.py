"""Count a snapshot's own visits, read-only on a connection of its own (a worker thread).

A consolidation never believes a snapshot's tally tables. When every visit of a snapshot is
new to the site journal (a desk's first merge, a consolidation from scratch) and every one
passed the acceptance test unchanged, the merge adds what is counted here from the
snapshot's rows, as they were written (with the site journal's labels), instead of
grouping the new rows again; SQLite works without Python's lock, so the counting runs on
the other core while the main thread inserts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deskapp.services.journal import merge_sql, tally_tables, text_guard
from deskapp.services.journal.connect import open_reader


def recount(path: Path, have: set[str], params: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
    conn = open_reader(path, immutable=True)
    try:
        text_guard.register(conn)
        accepted = "true"  # used only when every row was accepted as it is (see merge)
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


def odd_rows(path: Path, have: set[str], params: dict[str, str]) -> int:
    """How many of the snapshot's visits are not accepted as they are (another desk's,
    implausible, or with a text to clean): the merge's one-pass test, run here on the
    other core for a snapshot read whole; 0 lets the merge skip it."""
    conn = open_reader(path, immutable=True)
    try:
        text_guard.register(conn)
        return int(conn.execute(f"select count(*) from visits s where not ({merge_sql.visit_accepted(have)}) "
                            f"or {merge_sql.visit_unclean(have)}", params).fetchall()[0][0])
    finally:
        conn.close()
