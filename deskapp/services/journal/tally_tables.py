"""Weekly tally tables: counted visits added up per ISO week, kept current by triggers.

A manager's year on a big site journal is about half a million visits; grouping them on
every request takes seconds. These tables hold the same counts already added up per week
(for the whole journal, and per desk and site) by the few columns each view needs, so a
year is a few thousand rows.

Triggers on ``visits`` keep them exact on every write: a visit counts while it is saved
and not undone (the same rule as ``Query.where``), so saving adds it, undoing subtracts
it, restoring adds it again and an edit subtracts the old values and adds the new ones.
A consolidation merges thousands of visits at a time: inside each of its transactions it
drops the triggers and counts the changed visits as a set (``start_capture`` keeps the old
values of the rows it replaces, ``count_changes`` nets them against the rows written),
then creates the triggers again before it commits. ``rebuild`` counts everything afresh
(the schema 3 migration).

Guide steps marked stuck are kept the same way (``tally_stuck``), by the visit they belong
to: triggers on ``step_events`` add a stuck step of a counted visit, and the visits triggers
move a visit's stuck steps with it when it is edited, undone or restored.

NULLs are stored as '' (0 for the error flag) because the columns form the primary key.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from deskapp.services.journal.columns import counted

# What each pair of tables adds up by besides the week, smallest first: a tally reads the
# first table that has every column it groups or filters by. The plain tables add up the
# whole journal (a municipality's year is a few thousand rows each); the ``_by_desk`` ones
# also by desk and site, for desk and site filters and the desks list.
VIEWS: dict[str, tuple[str, ...]] = {
    "tally_channels": ("channel", "appointment"),
    "tally_hours": ("weekday", "local_hour"),
    "tally_reasons": ("errand", "reason"),
    "tally_outcomes": ("errand", "outcome", "contact_type", "error_contact"),
}
TABLES: dict[str, tuple[str, ...]] = {
    **{name: ("iso_week", *dims) for name, dims in VIEWS.items()},
    **{f"{name}_by_desk": ("iso_week", "desk", "site", *dims) for name, dims in VIEWS.items()},
}
# Only the outcome tables carry durations (for averages per errand and outcome); the channel
# tables count citizens too (a citizen's first errand: a visit whose ``citizen`` is itself).
TIMED_TABLES = ("tally_outcomes", "tally_outcomes_by_desk")
CITIZEN_TABLES = ("tally_channels", "tally_channels_by_desk")
# What a measure adds per visit, as SQL over a visit row.
TERMS = {"count": "1", "timed": "({row}.duration_s is not null)",
         "seconds": "coalesce({row}.duration_s, 0)", "citizens": "({row}.citizen is {row}.id)"}
# Guide steps marked stuck, per week, desk, site, errand, step and blocker, of counted visits.
STUCK_TABLE = "tally_stuck"
STUCK_COLUMNS = ("iso_week", "desk", "site", "errand", "step", "blocker")
TRIGGERS = ("visits_tally_insert", "visits_tally_delete", "visits_tally_update_old",
            "visits_tally_update_new", "steps_tally_insert", "steps_tally_delete",
            "steps_tally_update_old", "steps_tally_update_new")
INTEGER_COLUMNS = {"error_contact", "weekday", "local_hour"}
KEEP_NULL = {"iso_week", "desk", "site"}  # never NULL in visits


def columns(table: str) -> tuple[str, ...]:
    return STUCK_COLUMNS if table == STUCK_TABLE else TABLES[table]


def measures(table: str) -> tuple[str, ...]:
    """What a tally table adds up: visits; the outcome tables their durations, the channel
    tables the citizens."""
    if table in TIMED_TABLES:
        return ("count", "timed", "seconds")
    return ("count", "citizens") if table in CITIZEN_TABLES else ("count",)


def _term(measure: str, row: str) -> str:
    return TERMS[measure].format(row=row)


def stored_columns(table: str) -> tuple[str, ...]:
    return columns(table) + measures(table)


def table_for(needed: set[str], timed: bool = False) -> str | None:
    """The smallest tally table with every one of these visit columns, if any has them."""
    return next((t for t in (TIMED_TABLES if timed else TABLES) if needed <= set(TABLES[t])), None)


def read_back(column: str) -> str:
    """SQL giving a stored column its visits value again ('' back to NULL)."""
    return column if column in INTEGER_COLUMNS or column in KEEP_NULL else f"nullif({column}, '')"


def stored_value(column: str, row: str) -> str:
    """The value kept for a visit column: NULL becomes '' (or 0 for numbers)."""
    blank = "0" if column in INTEGER_COLUMNS else "''"
    return f"coalesce({row}.{column}, {blank})"


def create_statements() -> list[str]:
    statements = []
    for table in TABLES:
        cols = ", ".join(f"{c} {'integer' if c in INTEGER_COLUMNS else 'text'} not null"
                         for c in columns(table))
        sums = ", ".join(f"{m} integer not null" for m in measures(table))
        statements.append(f"create table if not exists {table} ({cols}, {sums}, "
                          f"primary key ({', '.join(columns(table))})) without rowid")
    stuck_cols = ", ".join(f"{c} text not null" for c in STUCK_COLUMNS)
    statements.append(f"create table if not exists {STUCK_TABLE} ({stuck_cols}, count integer not null, "
                      f"primary key ({', '.join(STUCK_COLUMNS)})) without rowid")
    watched = sorted({c for table in TABLES for c in columns(table)}
                     | {"status", "deleted_utc", "duration_s", "citizen"})
    add = _changes("new", "+") + _visit_steps("new", "+")
    subtract = _changes("old", "-") + _visit_steps("old", "-")
    step_watched = "step, status, blocker, visit_id"
    statements += [
        f"create trigger if not exists visits_tally_insert after insert on visits "
        f"when {counted('new')} begin {add} end",
        f"create trigger if not exists visits_tally_delete after delete on visits "
        f"when {counted('old')} begin {subtract} end",
        f"create trigger if not exists visits_tally_update_old after update of {', '.join(watched)} "
        f"on visits when {counted('old')} begin {subtract} end",
        f"create trigger if not exists visits_tally_update_new after update of {', '.join(watched)} "
        f"on visits when {counted('new')} begin {add} end",
        f"create trigger if not exists steps_tally_insert after insert on step_events "
        f"when new.status = 'stuck' begin {_step('new', '+')} end",
        f"create trigger if not exists steps_tally_delete after delete on step_events "
        f"when old.status = 'stuck' begin {_step('old', '-')} end",
        f"create trigger if not exists steps_tally_update_old after update of {step_watched} "
        f"on step_events when old.status = 'stuck' begin {_step('old', '-')} end",
        f"create trigger if not exists steps_tally_update_new after update of {step_watched} "
        f"on step_events when new.status = 'stuck' begin {_step('new', '+')} end",
    ]
    return statements


def _stuck_upsert(select: str) -> str:
    return (f"insert into {STUCK_TABLE} ({', '.join(STUCK_COLUMNS)}, count) {select} "
            f"on conflict do update set count = count + excluded.count;")


def _visit_steps(row: str, sign: str) -> str:
    """Add or subtract the stuck steps of the visit ``row`` (its state before or after)."""
    return " " + _stuck_upsert(
        f"select {row}.iso_week, {row}.desk, {row}.site, {row}.errand, s.step, coalesce(s.blocker, ''), "
        f"{sign}count(*) from step_events s where s.visit_id = {row}.id and s.status = 'stuck' "
        f"group by s.step, coalesce(s.blocker, '')")


def _step(row: str, sign: str) -> str:
    """Add or subtract the step event ``row`` when its visit counts."""
    return _stuck_upsert(
        f"select v.iso_week, v.desk, v.site, v.errand, {row}.step, coalesce({row}.blocker, ''), {sign}1 "
        f"from visits v where v.id = {row}.visit_id and {counted('v')}")


def _changes(row: str, sign: str) -> str:
    """One upsert per table adding (+) or subtracting (-) the visit ``row`` (new or old)."""
    parts = []
    for table in TABLES:
        values = [stored_value(c, row) for c in columns(table)]
        values += [f"{sign}{_term(m, row)}" for m in measures(table)]
        sets = [f"{m} = {m} + excluded.{m}" for m in measures(table)]
        names = _names(table)
        parts.append(f"insert into {table} ({names}) values ({', '.join(values)}) "
                     f"on conflict do update set {', '.join(sets)};")
    return " ".join(parts)


def drop_triggers(conn: sqlite3.Connection) -> None:
    for name in TRIGGERS:
        conn.execute(f"drop trigger if exists main.{name}")


def create_triggers(conn: sqlite3.Connection) -> None:
    for sql in create_statements():
        if sql.startswith("create trigger"):
            conn.execute(sql)


def count_visits(conn: sqlite3.Connection, rows: str) -> None:
    """Add the counted visits among ``rows`` (a table with the TALLIED_COLUMNS and a ``sign``:
    1 to add a visit, -1 to take its old values away) and their stuck steps: what the
    triggers do one visit at a time, for a set of visits at once (a consolidation merges
    thousands at a time). An edit that leaves a table's columns alone nets out to nothing
    there, and nothing is written. CROSS JOIN: the visits first, their step events looked
    up by visit."""
    for table in TABLES:
        stored = ", ".join(stored_value(c, "v") for c in columns(table))
        sums = ", ".join(f"{m} = {m} + excluded.{m}" for m in measures(table))
        terms = [f"sum(v.sign * {_term(m, 'v')})" for m in measures(table)]
        changed = " or ".join(f"{term} != 0" for term in terms)
        conn.execute(f"insert into main.{table} ({_names(table)}) select {stored}, {', '.join(terms)} "
                     f"from {rows} v where {counted('v')} group by {stored} having {changed} "
                     f"on conflict do update set {sums}")
    conn.execute(
        f"insert into main.{STUCK_TABLE} ({', '.join(STUCK_COLUMNS)}, count) "
        f"select v.iso_week, v.desk, v.site, v.errand, s.step, coalesce(s.blocker, ''), sum(v.sign) "
        f"from {rows} v cross join main.step_events s on s.visit_id = v.id "
        f"where s.status = 'stuck' and {counted('v')} "
        f"group by v.iso_week, v.desk, v.site, v.errand, s.step, coalesce(s.blocker, '') "
        f"having sum(v.sign) != 0 on conflict do update set count = count + excluded.count")


# The visit columns counting needs: a replaced visit's old values are kept in these.
TALLIED_COLUMNS = ("id", "status", "deleted_utc", "duration_s", "citizen",
                   *sorted({c for table in TABLES for c in TABLES[table]}))


def start_capture(conn: sqlite3.Connection) -> None:
    """Keep the old values of every visit row updated from now on in ``temp.replaced``
    (a temporary trigger on this connection only), for count_changes."""
    cols = ", ".join(TALLIED_COLUMNS)
    conn.execute(f"create temp table if not exists replaced ({cols})")
    conn.execute(f"create temp trigger if not exists capture_replaced after update on main.visits "
                 f"begin insert into replaced ({cols}) "
                 f"values ({', '.join('old.' + c for c in TALLIED_COLUMNS)}); end")


def stop_capture(conn: sqlite3.Connection) -> None:
    conn.execute("drop trigger if exists temp.capture_replaced")
    conn.execute("drop table if exists temp.replaced")
    conn.execute("drop table if exists temp.delta")


def count_changes(conn: sqlite3.Connection, top: int, written: bool = True) -> None:
    """After an upsert: take away the old values of the replaced visits and, if ``written``,
    add the rows written (new ones, rowid above ``top``, and the replaced ones)."""
    cols = ", ".join(TALLIED_COLUMNS)
    conn.execute("drop table if exists temp.delta")
    sql = f"create temp table delta as select {cols}, -1 as sign from temp.replaced"
    if written:
        sql += (f" union all select {cols}, 1 from main.visits where rowid > ? union all "
                f"select {cols}, 1 from main.visits where id in (select id from temp.replaced)")
    conn.execute(sql, (top,) if written else ())
    count_visits(conn, "temp.delta")


def add_tables(conn: sqlite3.Connection, schema: str) -> None:
    """Add the visit tallies of another journal (attached as ``schema``) to this one's."""
    for table in TABLES:
        names = ", ".join(stored_columns(table))
        sums = ", ".join(f"{m} = {m} + excluded.{m}" for m in measures(table))
        conn.execute(f"insert into main.{table} ({names}) select {names} from {schema}.{table} "
                     f"where true on conflict do update set {sums}")


def count_steps(conn: sqlite3.Connection, rows: str, params: Sequence[object] = ()) -> None:
    """Add the stuck steps among ``rows`` (step events, SQL usable after FROM) of counted
    visits. CROSS JOIN: read the (few) stuck steps and look up their visits, not the other
    way round."""
    conn.execute(
        f"insert into main.{STUCK_TABLE} ({', '.join(STUCK_COLUMNS)}, count) "
        f"select v.iso_week, v.desk, v.site, v.errand, s.step, coalesce(s.blocker, ''), count(*) "
        f"from {rows} s cross join main.visits v on v.id = s.visit_id "
        f"where s.status = 'stuck' and {counted('v')} "
        f"group by v.iso_week, v.desk, v.site, v.errand, s.step, coalesce(s.blocker, '') "
        f"on conflict do update set count = count + excluded.count", params)


def create(conn: sqlite3.Connection) -> None:
    """Create the tables and triggers (if missing) and count every visit into them."""
    for sql in create_statements():
        conn.execute(sql)
    rebuild(conn)


def rebuild(conn: sqlite3.Connection) -> None:
    """Count every visit again from scratch (after a bulk load without the triggers)."""
    for name in VIEWS:
        table = f"{name}_by_desk"
        stored = ", ".join(stored_value(c, "v") for c in columns(table))
        conn.execute(f"delete from main.{table}")
        conn.execute(f"insert into main.{table} ({_names(table)}) select {stored}, "
                     f"{_measures(table, from_visits=True)} from main.visits v "
                     f"where {counted('v')} group by {stored}")
    rebuild_whole(conn)
    conn.execute(f"delete from main.{STUCK_TABLE}")
    count_steps(conn, "main.step_events")


def rebuild_whole(conn: sqlite3.Connection) -> None:
    """Add up the whole-journal tables from the per-desk ones (a fraction of the visits)."""
    for name in VIEWS:
        dims = ", ".join(columns(name))
        conn.execute(f"delete from main.{name}")
        conn.execute(f"insert into main.{name} ({_names(name)}) select {dims}, "
                     f"{_measures(name, from_visits=False)} from main.{name}_by_desk "
                     f"group by {dims} having sum(count) != 0")


def _names(table: str) -> str:
    return ", ".join(stored_columns(table))


def _measures(table: str, from_visits: bool) -> str:
    if from_visits:
        return ", ".join("count(*)" if m == "count" else f"sum({_term(m, 'v')})" for m in measures(table))
    return ", ".join(f"sum({m})" for m in measures(table))


def add_counts(conn: sqlite3.Connection, counted_rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Add visits counted elsewhere (``recount``: each table's rows, stored columns then
    measures) to the tally tables."""
    for table, rows in counted_rows.items():
        sums = ", ".join(f"{m} = {m} + excluded.{m}" for m in measures(table))
        marks = ", ".join("?" * len(stored_columns(table)))
        conn.executemany(f"insert into main.{table} ({_names(table)}) values ({marks}) "
                         f"on conflict do update set {sums}", rows)


def summed(counted: list[dict[str, list[tuple[Any, ...]]]]) -> dict[str, list[tuple[Any, ...]]]:
    """Several ``recount`` results of the same tables added up row by row: the tables for
    the whole journal get the same weeks and categories from every desk, so a group of
    snapshots is added with one upsert per row instead of one per row and desk."""
    totals: dict[str, dict[tuple[Any, ...], list[int]]] = {}
    for one in counted:
        for table, rows in one.items():
            width = len(columns(table))
            into = totals.setdefault(table, {})
            for row in rows:
                key = row[:width]
                if key in into:
                    into[key] = [a + b for a, b in zip(into[key], row[width:], strict=True)]
                else:
                    into[key] = list(row[width:])
    return {table: [(*key, *sums) for key, sums in rows.items()] for table, rows in totals.items()}


def count_query(dims: Sequence[str], sums: Sequence[str], rows: str, where: str,
                values: dict[str, str]) -> str:
    """SQL counting the visits ``rows`` (alias v) that pass ``where`` into groups by the
    columns ``dims`` as they are stored in the visits (NULL apart: ``regroup_query`` stores
    them) with the measures ``sums``; a column ``values`` replaces (a label given as a
    parameter) is left out, and ``term:<measure>`` replaces a measure's term."""
    kept = [c for c in dims if c not in values]
    terms = [f"sum({values.get('term:' + m) or _term(m, 'v')}) as {m}" for m in sums]
    return (f"select {', '.join([f'v.{c}' for c in kept] + terms)} from {rows} v "
            f"where {where} and {counted('v')} group by {', '.join(f'v.{c}' for c in kept)}")


def regroup_query(table: str, groups: str, values: dict[str, str]) -> str:
    """SQL adding up the groups of ``count_query`` (the table ``groups``) into the rows of
    ``table``: its stored columns (``values`` replacing a column), then its measures."""
    stored = [values.get(c) or stored_value(c, "g") for c in columns(table)]
    totals = [f"sum(g.{m})" for m in measures(table)]
    return f"select {', '.join(stored + totals)} from {groups} g group by {', '.join(stored)}"
