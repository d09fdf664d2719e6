"""Count a snapshot's own visits, read-only on a connection of its own (a worker thread).

A consolidation never believes a snapshot's tally tables. When every visit of a snapshot is
new to the site journal (a desk's first merge, a consolidation from scratch) and every one
passed the acceptance test unchanged, the merge adds what is counted here from the
snapshot's rows, as they were written (with the site journal's labels), instead of
grouping the new rows again (the whole-journal tables too, added up here); SQLite works
without Python's lock, so the counting runs on the other core while the main thread inserts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deskapp.services.journal import merge_sql, tally_tables, text_guard
from deskapp.services.journal.connect import open_reader

# Tables counted in one pass over the rows: grouped by every column of the family (a few
# thousand groups a year, as categories are few), each table is then added up from those
# groups. Two sorts of the visits instead of four.
FAMILIES = (("tally_channels", "tally_hours"), ("tally_reasons", "tally_outcomes"))


def recount(path: Path, have: set[str], params: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every tally table (``_by_desk`` and whole-journal) counted from the
    snapshot's visits as they are written (with the site journal's labels)."""
    conn = open_reader(path, immutable=True)
    try:
        text_guard.register(conn)
        accepted = "true"  # used only when every row was accepted as it is (see merge)
        values = {"desk": ":desk", "site": ":site"}
        if "appointment" not in have:
            values["appointment"] = "'drop_in'"
        if "citizen" not in have:
            values["term:citizens"] = "1"
        counted: dict[str, list[tuple[Any, ...]]] = {}
        for number, family in enumerate(FAMILIES):
            tables = [f"{name}_by_desk" for name in family]
            dims = list(dict.fromkeys(c for t in tables for c in tally_tables.columns(t)))
            sums = list(dict.fromkeys(m for t in tables for m in tally_tables.measures(t)))
            groups = f"temp.family{number}"
            conn.execute(f"create temp table {groups} as "
                         + tally_tables.count_query(dims, sums, "visits", accepted, values), params)
            for table, name in zip(tables, family, strict=True):
                for target in (table, name):
                    counted[target] = conn.execute(
                        tally_tables.regroup_query(target, groups, values), params).fetchall()
        return counted
    finally:
        conn.close()


def odd_steps(path: Path, params: dict[str, str]) -> int:
    """How many of the snapshot's step events are refused or have a text to clean (the
    merge's tests, run here on the other core); 0 lets the merge of a whole snapshot skip
    them."""
    return _odd(path, "step_events", merge_sql.step_accepted(), merge_sql.step_unclean(), params)


def odd_rows(path: Path, have: set[str], params: dict[str, str]) -> int:
    """How many of the snapshot's visits are not accepted as they are (another desk's,
    implausible, or with a text to clean): the merge's one-pass test, run here on the
    other core for a snapshot read whole; 0 lets the merge skip it."""
    return _odd(path, "visits", merge_sql.visit_accepted(have), merge_sql.visit_unclean(have), params)


def _odd(path: Path, table: str, accepted: str, unclean: str, params: dict[str, str]) -> int:
    conn = open_reader(path, immutable=True)
    try:
        text_guard.register(conn)
        # "is not 1": a test of a NULL (a step without a time) is NULL, not 0; the merge's
        # WHERE refuses it as it refuses 0, so it is odd here too
        return int(conn.execute(f"select count(*) from {table} s where ({accepted}) is not 1 or {unclean}",
                                params).fetchall()[0][0])
    finally:
        conn.close()
