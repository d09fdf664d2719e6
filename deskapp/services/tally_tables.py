"""Weekly tally tables: counted visits added up per ISO week, kept current by triggers.

A manager's year on a big site journal is about half a million visits; grouping them on
every request takes seconds. These tables hold the same counts already added up per week,
desk and site and the few columns each view needs, so a year is a few thousand rows.

Triggers on ``visits`` keep them exact on every write: a visit counts while it is saved
and not undone (the same rule as ``Query.where``), so saving adds it, undoing subtracts
it, restoring adds it again and an edit subtracts the old values and adds the new ones.
A bulk load (a consolidation into an empty site journal) drops the triggers with the
indexes and calls ``rebuild`` once at its end.

Guide steps marked stuck are kept the same way (``tally_stuck``), by the visit they belong
to: triggers on ``step_events`` add a stuck step of a counted visit, and the visits triggers
move a visit's stuck steps with it when it is edited, undone or restored.

NULLs are stored as '' (0 for the error flag) because the columns form the primary key.
"""

from __future__ import annotations

import sqlite3

# What each pair of tables adds up by besides the week, smallest first: a tally reads the
# first table that has every column it groups or filters by. The plain tables add up the
# whole journal (a municipality's year is a few thousand rows each); the ``_by_desk`` ones
# also by desk and site, for desk and site filters and the desks list.
VIEWS: dict[str, tuple[str, ...]] = {
    "tally_channels": ("channel",),
    "tally_hours": ("weekday", "local_hour"),
    "tally_reasons": ("errand", "reason"),
    "tally_outcomes": ("errand", "outcome", "contact_type", "error_contact"),
}
TABLES: dict[str, tuple[str, ...]] = {
    **{name: ("iso_week", *dims) for name, dims in VIEWS.items()},
    **{f"{name}_by_desk": ("iso_week", "desk", "site", *dims) for name, dims in VIEWS.items()},
}
# Only the outcome tables carry durations (for averages per errand and outcome).
TIMED_TABLES = ("tally_outcomes", "tally_outcomes_by_desk")
# Guide steps marked stuck, per week, desk, site, errand, step and blocker, of counted visits.
STUCK_TABLE = "tally_stuck"
STUCK_COLUMNS = ("iso_week", "desk", "site", "errand", "step", "blocker")
TRIGGERS = ("visits_tally_insert", "visits_tally_delete", "visits_tally_update_old",
            "visits_tally_update_new", "steps_tally_insert", "steps_tally_delete",
            "steps_tally_update_old", "steps_tally_update_new")
COUNTED = "{row}.status = 'saved' and {row}.deleted_utc is null"
INTEGER_COLUMNS = {"error_contact", "weekday", "local_hour"}
KEEP_NULL = {"iso_week", "desk", "site"}  # never NULL in visits


def columns(table: str) -> tuple[str, ...]:
    return TABLES[table]


def table_for(needed: set[str], timed: bool = False) -> str | None:
    """The smallest tally table with every one of these visit columns, if any has them."""
    return next((t for t in (TIMED_TABLES if timed else TABLES) if needed <= set(TABLES[t])), None)


def read_back(column: str) -> str:
    """SQL giving a stored column its visits value again ('' back to NULL)."""
    return column if column in INTEGER_COLUMNS or column in KEEP_NULL else f"nullif({column}, '')"


def _stored(column: str, row: str) -> str:
    """The value kept for a visit column: NULL becomes '' (or 0 for numbers)."""
    blank = "0" if column in INTEGER_COLUMNS else "''"
    return f"coalesce({row}.{column}, {blank})"


def create_statements() -> list[str]:
    statements = []
    for table in TABLES:
        cols = ", ".join(f"{c} {'integer' if c in INTEGER_COLUMNS else 'text'} not null"
                         for c in columns(table))
        timed = ", timed integer not null, seconds integer not null" if table in TIMED_TABLES else ""
        statements.append(f"create table if not exists {table} ({cols}, count integer not null"
                          f"{timed}, primary key ({', '.join(columns(table))})) without rowid")
    stuck_cols = ", ".join(f"{c} text not null" for c in STUCK_COLUMNS)
    statements.append(f"create table if not exists {STUCK_TABLE} ({stuck_cols}, count integer not null, "
                      f"primary key ({', '.join(STUCK_COLUMNS)})) without rowid")
    watched = sorted({c for table in TABLES for c in columns(table)}
                     | {"status", "deleted_utc", "duration_s"})
    add = _changes("new", "+") + _visit_steps("new", "+")
    subtract = _changes("old", "-") + _visit_steps("old", "-")
    step_watched = "step, status, blocker, visit_id"
    statements += [
        f"create trigger if not exists visits_tally_insert after insert on visits "
        f"when {COUNTED.format(row='new')} begin {add} end",
        f"create trigger if not exists visits_tally_delete after delete on visits "
        f"when {COUNTED.format(row='old')} begin {subtract} end",
        f"create trigger if not exists visits_tally_update_old after update of {', '.join(watched)} "
        f"on visits when {COUNTED.format(row='old')} begin {subtract} end",
        f"create trigger if not exists visits_tally_update_new after update of {', '.join(watched)} "
        f"on visits when {COUNTED.format(row='new')} begin {add} end",
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
        f"from visits v where v.id = {row}.visit_id and {COUNTED.format(row='v')}")


def _changes(row: str, sign: str) -> str:
    """One upsert per table adding (+) or subtracting (-) the visit ``row`` (new or old)."""
    parts = []
    for table in TABLES:
        cols = columns(table)
        values = [_stored(c, row) for c in cols] + [f"{sign}1"]
        sets = ["count = count + excluded.count"]
        if table in TIMED_TABLES:
            values += [f"{sign}({row}.duration_s is not null)", f"{sign}coalesce({row}.duration_s, 0)"]
            sets += ["timed = timed + excluded.timed", "seconds = seconds + excluded.seconds"]
        names = ", ".join(cols) + ", count" + (", timed, seconds" if table in TIMED_TABLES else "")
        parts.append(f"insert into {table} ({names}) values ({', '.join(values)}) "
                     f"on conflict do update set {', '.join(sets)};")
    return " ".join(parts)


def create(conn: sqlite3.Connection) -> None:
    """Create the tables and triggers (if missing) and count every visit into them."""
    for sql in create_statements():
        conn.execute(sql)
    rebuild(conn)


def rebuild(conn: sqlite3.Connection, schema: str = "main") -> None:
    """Count every visit again from scratch (after a bulk load without the triggers)."""
    for table in TABLES:
        cols = columns(table)
        stored = ", ".join(_stored(c, "v") for c in cols)
        measures = "count(*)"
        names = ", ".join(cols) + ", count"
        if table in TIMED_TABLES:
            measures += ", count(v.duration_s), coalesce(sum(v.duration_s), 0)"
            names += ", timed, seconds"
        conn.execute(f"delete from {schema}.{table}")
        conn.execute(f"insert into {schema}.{table} ({names}) select {stored}, {measures} "
                     f"from {schema}.visits v where {COUNTED.format(row='v')} group by {stored}")
    conn.execute(f"delete from {schema}.{STUCK_TABLE}")
    conn.execute(
        f"insert into {schema}.{STUCK_TABLE} ({', '.join(STUCK_COLUMNS)}, count) "
        f"select v.iso_week, v.desk, v.site, v.errand, s.step, coalesce(s.blocker, ''), count(*) "
        f"from {schema}.step_events s join {schema}.visits v on v.id = s.visit_id "
        f"where s.status = 'stuck' and {COUNTED.format(row='v')} "
        f"group by v.iso_week, v.desk, v.site, v.errand, s.step, coalesce(s.blocker, '')")
