"""Named reads of the weekly tally tables (and, where no table has the columns, of the
visits): the SQL behind :class:`deskapp.services.tallies.Tally`, inside the journal package.

A selection is any object with ``first``/``last`` ISO weeks and ``desks``/``sites``
tuples (``tallies.Query``). Rows are dicts: the dimension names asked for and one value
per measure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from deskapp.services.journal import tally_tables
from deskapp.services.journal.columns import counted

if TYPE_CHECKING:
    from deskapp.services.journal.store import Journal

Row = dict[str, Any]

# Dimension name -> column of the visits table (and of the tally tables).
DIMENSIONS = {
    "week": "iso_week", "desk": "desk", "site": "site", "errand": "errand",
    "channel": "channel", "reason": "reason", "outcome": "outcome",
    "contact_type": "contact_type", "error_contact": "error_contact",
    "weekday": "weekday", "hour": "local_hour", "appointment": "appointment",
}


class Selection(Protocol):
    @property
    def first(self) -> str: ...
    @property
    def last(self) -> str | None: ...
    @property
    def desks(self) -> tuple[str, ...]: ...
    @property
    def sites(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Measure:
    """A sum over counted visits: how many (count), how many with a duration (timed), their
    seconds, or how many citizens (a citizen's first visit), optionally only of visits whose
    ``contact_type`` is one of ``contact`` and whose outcome is one of ``outcomes`` or that
    are error contacts (``error``)."""

    value: str = "count"
    contact: str = ""  # "", "transaction" or "information"
    outcomes: tuple[str, ...] | None = None
    error: bool = False
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # kept: every read looks its statement up by its measures
        object.__setattr__(self, "_hash", hash((self.value, self.contact, self.outcomes, self.error)))

    def __hash__(self) -> int:
        return self._hash

    @property
    def columns(self) -> tuple[str, ...]:
        cols: tuple[str, ...] = ("contact_type",) if self.contact else ()
        cols += ("outcome",) if self.outcomes is not None else ()
        return cols + (("error_contact",) if self.error else ())

    def condition(self) -> tuple[str, list[object]]:
        parts: list[str] = []
        params: list[object] = []
        if self.contact:
            parts.append("contact_type = ?")
            params.append(self.contact)
        if self.outcomes is not None:
            parts.append(f"outcome in ({', '.join('?' * len(self.outcomes))})" if self.outcomes else "false")
            params.extend(self.outcomes)
        if self.error:
            parts.append("error_contact")
        return " and ".join(parts), params

    def sql(self, tallied: bool) -> tuple[str, list[object]]:
        if tallied:  # the tally tables hold these already added up per combination
            term = self.value
        else:
            term = {"count": "1", "timed": "(duration_s is not null)", "seconds": "duration_s",
                    "citizens": "(citizen is id)"}[self.value]
        condition, params = self.condition()
        if condition:
            term = f"case when {condition} then {term} end"
        return f"coalesce(sum({term}), 0)", params


def _table_for(needed: set[str], timed: bool, citizens: bool) -> str | None:
    """The smallest tally table with every one of these columns and measures, if any."""
    if timed and citizens:
        return None
    pool = tally_tables.TIMED_TABLES if timed else (
        tally_tables.CITIZEN_TABLES if citizens else tuple(tally_tables.TABLES))
    return next((t for t in pool if needed <= set(tally_tables.TABLES[t])), None)


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} in ({', '.join('?' * len(values))})"


def _where(sel: Selection, tallied: bool, weeks_from: str | None = None) -> tuple[str, list[object]]:
    """The condition selecting the counted visits (or tally rows) of a selection."""
    params: list[object] = [weeks_from or sel.first, sel.last or sel.first, *sel.desks, *sel.sites]
    return _condition(tallied, len(sel.desks), len(sel.sites)), params


def _condition(tallied: bool, desks: int, sites: int) -> str:
    """:func:`_where`'s condition for so many desks and sites; its parameters are the
    weeks, then the desks, then the sites."""
    parts = ["iso_week between ? and ?"] if tallied else ["iso_week between ? and ?", counted()]
    parts += [_in(column, "?" * n) for column, n in (("desk", desks), ("site", sites)) if n]
    return " and ".join(parts)


def _statement(sel: Selection, dims: Sequence[str], measures: dict[str, Measure],
               weeks_from: str | None = None, stored: bool = False) -> tuple[str, list[object]]:
    sql, measure_params = _sql(tuple(dims), tuple(measures.items()), len(sel.desks), len(sel.sites),
                               stored)
    return sql, [*measure_params, weeks_from or sel.first, sel.last or sel.first, *sel.desks, *sel.sites]


@lru_cache(maxsize=256)
def _sql(dims: tuple[str, ...], measures: tuple[tuple[str, Measure], ...], desks: int,
         sites: int, stored: bool = False) -> tuple[str, tuple[object, ...]]:
    """A grouping's statement and its measures' parameters, for a selection of so many desks
    and sites (built once per shape: every refresh asks for the same ones); the selection's
    weeks, desks and sites are the parameters that follow. ``stored``: the dimensions as a
    tally table stores them ('' where a visit has none), not read back to NULL."""
    unknown = set(dims) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"unknown dimension(s): {', '.join(sorted(unknown))}")
    columns = [DIMENSIONS[d] for d in dims]
    needed = set(columns) | {c for _, m in measures for c in m.columns}
    needed |= {"desk"} if desks else set()
    needed |= {"site"} if sites else set()
    timed = any(m.value in ("timed", "seconds") for _, m in measures)
    citizens = any(m.value == "citizens" for _, m in measures)
    table = _table_for(needed, timed, citizens)
    if table is None:
        select = [f"{tally_tables.stored_value(c, 'visits') if stored else c} as {d}"
                  for c, d in zip(columns, dims, strict=True)]
        source, having = "visits", ""
    else:
        select = [f"{c if stored else tally_tables.read_back(c)} as {d}"
                  for c, d in zip(columns, dims, strict=True)]
        source, having = table, " having sum(count) > 0"
    measure_params: list[object] = []
    for name, m in measures:
        term, term_params = m.sql(tallied=table is not None)
        select.append(f"{term} as {name}")
        measure_params += term_params
    sql = f"select {', '.join(select)} from {source} where {_condition(table is not None, desks, sites)}"
    if columns:  # by the stored columns, not by the names of the values read back (nullif):
        # the same groups in the same order ('' and NULL both first), and SQLite groups by
        # the primary key's columns without computing an expression per row (0.95 -> 0.80 ms)
        group = ", ".join(f"{source}.{c}" for c in columns)
        sql += f" group by {group}{having} order by {group}"
    return sql, tuple(measure_params)


def grouped(journal: Journal, sel: Selection, dims: Sequence[str], measures: dict[str, Measure],
            weeks_from: str | None = None) -> list[Row]:
    """Sums of measures by dimensions, one row per combination with visits.

    Read from the smallest weekly tally table that has every column needed; what no table
    holds (channel with reason, say) is grouped from the visits themselves. ``weeks_from``
    reads from an earlier week than the selection's first (a previous period in the same
    statement)."""
    sql, params = _statement(sel, dims, measures, weeks_from)
    cursor = journal.db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def tuples(journal: Journal, sel: Selection, dims: Sequence[str], measures: dict[str, Measure],
           stored: bool = False) -> list[tuple[Any, ...]]:
    """The rows of :func:`grouped` as plain tuples (dims..., measures...), for callers that
    add them up further (no dict per row). ``stored``: the codes as the tally tables keep
    them, '' for none (0 for numbers), also where the rows come from the visits: reading
    them back to NULL costs a ``nullif`` per tally row (a week's errand × reason: 0.51 ->
    0.45 ms)."""
    sql, params = _statement(sel, dims, measures, stored=stored)
    return journal.db.conn.execute(sql, params).fetchall()


def stream(journal: Journal, sel: Selection, dims: Sequence[str], measures: dict[str, Measure],
           batch: int = 5000) -> Iterator[tuple[Any, ...]]:
    """The rows of :func:`grouped` as plain tuples, fetched a batch at a time (a year of the
    tidy CSV is some 300,000 rows: never all of them in memory)."""
    sql, params = _statement(sel, dims, measures)
    cursor = journal.db.conn.execute(sql, params)
    while True:
        rows = cursor.fetchmany(batch)
        if not rows:
            return
        yield from rows


def stuck_steps(journal: Journal, sel: Selection) -> list[Row]:
    """Guide steps marked stuck, per errand, step and blocker, of counted visits."""
    where, params = _where(sel, tallied=True)
    sql = (f"select errand, step, blocker, sum(count) as count from {tally_tables.STUCK_TABLE} "
           f"where {where} group by errand, step, blocker having sum(count) > 0 "
           f"order by errand, step, blocker")
    return _dicts(journal, sql, params)


def _dicts(journal: Journal, sql: str, params: Sequence[object]) -> list[Row]:
    """The rows of a read as dicts, on the connection itself (a read needs no savepoint)."""
    cursor = journal.db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def blocker_notes(journal: Journal, sel: Selection, blocker: str, gate: bool = True) -> list[Row]:
    """The notes written with ``blocker`` on guide steps marked stuck, of counted visits:
    week, errand, step and note. Notes erased by retention (null) or left empty are not
    rows. Ordered by week, errand, step and the note's text, never by when it was written.

    The weekly stuck table says first whether the selection has such a blocker at all; then
    the step events are read first (CROSS JOIN keeps SQLite from walking every visit of the
    weeks instead: 2.7 s against 29 ms for a year of 500,000 visits). ``gate=False``: the
    caller already read the stuck steps and saw the blocker among them."""
    where, params = _where(sel, tallied=True)
    first = (f"select 1 from {tally_tables.STUCK_TABLE} where {where} and blocker = ? "
             f"and count > 0 limit 1")
    if gate and journal.db.execute(first, [*params, blocker]).fetchone() is None:
        return []
    parts = ["s.status = 'stuck'", "s.blocker = ?", "s.note is not null", "trim(s.note) != ''",
             "v.iso_week between ? and ?", counted("v")]
    params = [blocker, sel.first, sel.last or sel.first]
    for column, values in (("v.desk", sel.desks), ("v.site", sel.sites)):
        if values:
            parts.append(_in(column, values))
            params.extend(values)
    sql = ("select v.iso_week as week, v.errand as errand, s.step as step, s.note as note "
           "from step_events s cross join visits v on v.id = s.visit_id "
           f"where {' and '.join(parts)} order by v.iso_week, v.errand, s.step, s.note")
    return [dict(r) for r in journal.db.query(sql, params)]


DIGITAL = ("select week, errand, sum(count) as digital from digital_counts "
           "where week between ? and ? group by week, errand order by week, errand")


def digital_counts(journal: Journal, first: str, last: str) -> list[Row]:
    """Imported digital applications per week and errand (all sources added up)."""
    return [dict(r) for r in journal.db.query(DIGITAL, [first, last])]


def digital_tuples(journal: Journal, first: str, last: str) -> list[tuple[Any, ...]]:
    """:func:`digital_counts` as (week, errand, digital) tuples."""
    return journal.db.conn.execute(DIGITAL, [first, last]).fetchall()


def desks_and_sites(journal: Journal) -> tuple[list[str], list[str]]:
    """Every desk and every site with counted visits in the journal (any week)."""
    rows = journal.db.execute(
        "select distinct desk, site from tally_channels_by_desk where count > 0").fetchall()
    return sorted({r[0] for r in rows}), sorted({r[1] for r in rows})
