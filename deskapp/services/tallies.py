"""Weekly tallies for managers: SQL GROUP BY over counted visits of a range of ISO weeks.

Counted visits are saved (not open) and not undone; an edited visit counts once, with its
edited values, because edits change the row in place. Codes are counted as stored: an
errand renamed or retired in the catalogue still adds up under its code, and its label
falls back to the code when the catalogue no longer knows it.

Every view returns tidy rows: dicts with the dimension codes and a ``count``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.journal import SAVED, Journal, tally_tables

GOAL = 0.80
UNKNOWN_GROUP = "(ukendt)"
Row = dict[str, object]

# Dimension name -> SQL column of the visits table.
DIMENSIONS = {
    "week": "iso_week", "desk": "desk", "site": "site", "errand": "errand",
    "channel": "channel", "reason": "reason", "outcome": "outcome",
    "contact_type": "contact_type", "error_contact": "error_contact",
    "weekday": "weekday", "hour": "local_hour",
}
MAIN_DIMENSIONS = ("week", "desk", "site", "errand", "channel", "reason", "outcome")
LABEL_KINDS = {"errand": "errands", "channel": "channels", "reason": "reasons",
               "outcome": "outcomes", "group": "groups"}


@dataclass(frozen=True)
class Query:
    """A range of ISO weeks, optionally narrowed to some desks and sites."""

    first: str
    last: str | None = None
    desks: tuple[str, ...] = field(default=())
    sites: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        span = weeks.week_range(self.first, self.last)  # raises BadWeek
        object.__setattr__(self, "first", span[0])
        object.__setattr__(self, "last", span[-1])
        object.__setattr__(self, "desks", tuple(self.desks))
        object.__setattr__(self, "sites", tuple(self.sites))

    @classmethod
    def of_span(cls, span: Sequence[str], desks: Sequence[str] = (), sites: Sequence[str] = ()) -> Query:
        return cls(span[0], span[-1], tuple(desks), tuple(sites))

    @property
    def span(self) -> list[str]:
        return weeks.week_range(self.first, self.last)

    def previous(self) -> Query:
        """The period of equal length just before this one."""
        length = len(self.span)
        return Query(weeks.shift_week(self.first, -length), weeks.shift_week(self.first, -1),
                     self.desks, self.sites)

    def where(self, prefix: str = "") -> tuple[str, list[object]]:
        """SQL condition and parameters selecting the counted visits of this query."""
        p = prefix
        parts = [f"{p}iso_week between ? and ?", f"{p}status = ?", f"{p}deleted_utc is null"]
        params: list[object] = [self.first, self.last, SAVED]
        for column, values in (("desk", self.desks), ("site", self.sites)):
            if values:
                parts.append(f"{p}{column} in ({', '.join('?' * len(values))})")
                params.extend(values)
        return " and ".join(parts), params

    def where_tallied(self) -> tuple[str, list[object]]:
        """The same selection in the weekly tally tables (which hold counted visits only)."""
        parts = ["iso_week between ? and ?"]
        params: list[object] = [self.first, self.last]
        for column, values in (("desk", self.desks), ("site", self.sites)):
            if values:
                parts.append(f"{column} in ({', '.join('?' * len(values))})")
                params.extend(values)
        return " and ".join(parts), params


@dataclass(frozen=True)
class Measure:
    """A sum over counted visits: how many (count), how many with a duration (timed) or their
    seconds, optionally only of visits meeting a condition on some visit columns."""

    value: str = "count"
    condition: str = ""
    columns: tuple[str, ...] = ()

    def sql(self, tallied: bool) -> str:
        if tallied:  # the tally tables hold these already added up per combination
            term = self.value
        else:
            term = {"count": "1", "timed": "(duration_s is not null)", "seconds": "duration_s"}[self.value]
        if self.condition:
            term = f"case when {self.condition} then {term} end"
        return f"coalesce(sum({term}), 0)"


COUNT = Measure()
TIMED = Measure("timed")
SECONDS = Measure("seconds")
TRANSACTION = "contact_type = 'transaction'"


class Tally:
    """The tally views of one journal, labelled with one catalogue."""

    def __init__(self, journal: Journal, catalog: Catalog):
        self.journal = journal
        self.catalog = catalog
        self._groups = {e.code: e.group for e in catalog.errands}
        digital = ", ".join("'" + o.code.replace("'", "''") + "'" for o in catalog.outcomes
                            if o.completed_digitally) or "null"
        self._transactions = Measure("count", TRANSACTION, ("contact_type",))
        self._completed = Measure("count", f"{TRANSACTION} and outcome in ({digital})",
                                  ("contact_type", "outcome"))
        self._shares: dict[Query, list[Row]] = {}

    # --- plumbing -------------------------------------------------------------------------

    def _query(self, sql: str, params: Sequence[object]) -> list[Row]:
        return [dict(r) for r in self.journal.db.query(sql, list(params))]

    def count_by(self, query: Query, dims: Sequence[str]) -> list[Row]:
        """Counted visits grouped by any of DIMENSIONS, one row per combination."""
        unknown = set(dims) - set(DIMENSIONS)
        if unknown:
            raise ValueError(f"unknown dimension(s): {', '.join(sorted(unknown))}")
        return self._grouped(query, dims, {"count": COUNT})

    def _grouped(self, query: Query, dims: Sequence[str], measures: dict[str, Measure]) -> list[Row]:
        """Sums of measures by dimensions, one row per combination with visits.

        Read from the smallest weekly tally table that has every column needed; what no
        table holds (channel with reason, say) is grouped from the visits themselves.
        """
        columns = [DIMENSIONS[d] for d in dims]
        needed = set(columns) | {c for m in measures.values() for c in m.columns}
        needed |= {"desk"} if query.desks else set()
        needed |= {"site"} if query.sites else set()
        timed = any(m.value != "count" for m in measures.values())
        table = tally_tables.table_for(needed, timed)
        if table is None:
            where, params = query.where()
            select = [f"{c} as {d}" for c, d in zip(columns, dims, strict=True)]
            source, having = "visits", ""
        else:
            where, params = query.where_tallied()
            select = [f"{tally_tables.read_back(c)} as {d}" for c, d in zip(columns, dims, strict=True)]
            source, having = table, " having sum(count) > 0"
        select += [f"{m.sql(tallied=table is not None)} as {name}" for name, m in measures.items()]
        sql = f"select {', '.join(select)} from {source} where {where}"
        if columns:
            group = ", ".join(columns)
            sql += f" group by {group}{having} order by {group}"
        return self._query(sql, params)

    def label(self, dim: str, code: object) -> str:
        kind = LABEL_KINDS.get(dim)
        if kind is None or code is None:
            return "" if code is None else str(code)
        return self.catalog.label(kind, str(code))

    def group_of(self, errand: str) -> str:
        return self._groups.get(errand) or UNKNOWN_GROUP

    def with_labels(self, rows: list[Row]) -> list[Row]:
        """Add ``<dim>_label`` beside every labelled dimension of each row."""
        for row in rows:
            for dim in list(row):
                if dim in LABEL_KINDS:
                    row[f"{dim}_label"] = self.label(dim, row[dim])
        return rows

    # --- views ----------------------------------------------------------------------------

    def visits(self, query: Query, dims: Sequence[str] = MAIN_DIMENSIONS) -> list[Row]:
        """Visits per week × desk × site × errand × channel × reason × outcome."""
        return self.count_by(query, dims)

    def by_group(self, query: Query) -> list[Row]:
        """The main view with errands folded into their parent group."""
        rows = self.count_by(query, ("week", "errand", "channel", "reason", "outcome"))
        merged: dict[tuple, int] = defaultdict(int)
        for r in rows:
            key = (r["week"], self.group_of(str(r["errand"])), r["channel"], r["reason"], r["outcome"])
            merged[key] += int(r["count"])
        names = ("week", "group", "channel", "reason", "outcome")
        return [{**dict(zip(names, k, strict=True)), "count": n}
                for k, n in sorted(merged.items(), key=lambda kv: tuple(str(x) for x in kv[0]))]

    def contact_types(self, query: Query) -> list[Row]:
        """Information vs transaction contacts and error contacts, per week and errand."""
        return self.count_by(query, ("week", "errand", "contact_type", "error_contact"))

    def hours(self, query: Query) -> list[Row]:
        """Visits by ISO weekday (1 = Monday) and local hour of day."""
        return self.count_by(query, ("weekday", "hour"))

    def channels(self, query: Query) -> list[Row]:
        return self.count_by(query, ("channel",))

    def errands(self, query: Query) -> list[Row]:
        """Visits per errand, largest first."""
        rows = self.count_by(query, ("errand",))
        return sorted(rows, key=lambda r: (-int(r["count"]), str(r["errand"])))

    def errand_detail(self, query: Query, dim: str, errand: str | None = None) -> list[Row]:
        """Errand × reason or errand × outcome (dim), optionally for one errand only."""
        if dim not in ("reason", "outcome"):
            raise ValueError("dim must be reason or outcome")
        rows = self.count_by(query, ("errand", dim))
        return [r for r in rows if errand is None or r["errand"] == errand]

    def durations(self, query: Query) -> list[Row]:
        """Average duration per errand and outcome (visits without a duration left out)."""
        rows = self._grouped(query, ("errand", "outcome"), {"timed": TIMED, "seconds": SECONDS})
        return [{"errand": r["errand"], "outcome": r["outcome"], "count": r["timed"],
                 "avg_duration_s": r["seconds"] / r["timed"]} for r in rows if r["timed"]]

    def stuck_steps(self, query: Query) -> list[Row]:
        """Guide steps marked stuck, per errand, step and blocker, for counted visits."""
        where, params = query.where_tallied()
        sql = (f"select errand, step, blocker, sum(count) as count from {tally_tables.STUCK_TABLE} "
               f"where {where} group by errand, step, blocker having sum(count) > 0 "
               f"order by errand, step, blocker")
        return self._query(sql, params)

    def friction(self, query: Query, top: int | None = 10) -> list[Row]:
        """Stuck steps per errand and step, largest first, with their blockers by count."""
        merged: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in self.stuck_steps(query):
            merged[(str(r["errand"]), str(r["step"]))][str(r["blocker"])] += int(r["count"])
        rows: list[Row] = []
        for (errand, step), blockers in merged.items():
            ordered = sorted(blockers.items(), key=lambda kv: (-kv[1], kv[0]))
            rows.append({
                "errand": errand, "errand_label": self.label("errand", errand),
                "step": step, "step_label": self.step_label(errand, step),
                "count": sum(blockers.values()),
                "blockers": [(code, self.blocker_label(errand, code), n) for code, n in ordered],
            })
        rows.sort(key=lambda r: (-int(r["count"]), str(r["errand"]), str(r["step"])))
        return rows[:top] if top else rows

    def step_label(self, errand: str, step: str) -> str:
        found = self.catalog.errand(errand)
        if found and found.guide:
            for s in found.guide.steps:
                if s.code == step:
                    return s.instruction
        return step

    def blocker_label(self, errand: str, blocker: str) -> str:
        if not blocker:
            return ""
        found = self.catalog.errand(errand)
        if found and found.guide:
            for b in found.guide.blockers:
                if b.code == blocker:
                    return b.label
        return blocker

    # --- digital shares -------------------------------------------------------------------

    def digital_counts(self, query: Query) -> list[Row]:
        """Imported digital applications per week and errand (all sources added up)."""
        sql = ("select week, errand, sum(count) as digital from digital_counts "
               "where week between ? and ? group by week, errand order by week, errand")
        return self._query(sql, [query.first, query.last])

    def shares(self, query: Query) -> list[Row]:
        """Self-service and digital share per week and errand (DESIGN.md §5).

        self_service = digital / (digital + counter transactions)
        digital_share = (digital + counter transactions completed digitally)
                        / (digital + counter transactions)
        Rows exist for every (week, errand) with digital counts or counter transactions;
        ``has_digital`` tells whether the errand has a digital solution at all.
        """
        if query in self._shares:
            return self._shares[query]
        counter = {(r["week"], r["errand"]): r for r in self._grouped(
            query, ("week", "errand"), {"counter": self._transactions, "completed": self._completed})
            if r["counter"]}
        digital = {(r["week"], r["errand"]): int(r["digital"]) for r in self.digital_counts(query)}
        with_counts = {errand for _, errand in digital}
        rows = []
        for key in sorted(set(counter) | set(digital), key=lambda k: (str(k[0]), str(k[1]))):
            week, errand = key
            c = counter.get(key, {})
            rows.append(self._share_row(
                {"week": week, "errand": errand}, digital.get(key, 0),
                int(c.get("counter", 0)), int(c.get("completed", 0)),
                self._has_digital(str(errand), with_counts),
            ))
        self._shares[query] = rows
        return rows

    def shares_by_errand(self, query: Query) -> list[Row]:
        """Shares per errand over the whole range, errands with a digital solution first."""
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        has: dict[str, bool] = {}
        for r in self.shares(query):
            t = totals[str(r["errand"])]
            t[0] += int(r["digital"])
            t[1] += int(r["counter_transactions"])
            t[2] += int(r["completed_digitally"])
            has[str(r["errand"])] = bool(r["has_digital"])
        rows = [self._share_row({"errand": e}, *t, has[e]) for e, t in totals.items()]
        rows.sort(key=lambda r: (not r["has_digital"], -(int(r["digital"]) + int(r["counter_transactions"])),
                                 str(r["errand"])))
        return rows

    def _has_digital(self, errand: str, with_counts: set[str]) -> bool:
        found = self.catalog.errand(errand)
        if errand in with_counts:
            return True
        return bool(found and found.entry and not found.personal_attendance)

    @staticmethod
    def _share_row(key: Row, digital: int, counter: int, completed: int, has_digital: bool) -> Row:
        total = digital + counter
        return {
            **key, "digital": digital, "counter_transactions": counter,
            "completed_digitally": completed,
            "self_service_share": digital / total if total else None,
            "digital_share": (digital + completed) / total if total else None,
            "goal": GOAL, "has_digital": has_digital,
        }

    # --- totals ---------------------------------------------------------------------------

    def totals(self, query: Query) -> Row:
        """Headline figures of a range: visits, contact types, error contacts, shares."""
        sums = self._grouped(query, (), {
            "visits": COUNT, "transactions": self._transactions,
            "information": Measure("count", "contact_type = 'information'", ("contact_type",)),
            "error_contacts": Measure("count", "error_contact", ("error_contact",)),
            "timed": TIMED, "seconds": SECONDS,
        })[0]
        timed = sums.pop("timed")
        seconds = sums.pop("seconds")
        row: Row = {**sums, "avg_duration_s": seconds / timed if timed else None}
        shares = [r for r in self.shares(query) if r["has_digital"]]
        digital = sum(int(r["digital"]) for r in shares)
        counter = sum(int(r["counter_transactions"]) for r in shares)
        completed = sum(int(r["completed_digitally"]) for r in shares)
        total = digital + counter
        row.update({
            "digital": digital,
            "self_service_share": digital / total if total else None,
            "digital_share": (digital + completed) / total if total else None,
        })
        return row

    def desks(self, query: Query) -> list[str]:
        return [str(r["desk"]) for r in self.count_by(query, ("desk",))]


def change(current: float | int | None, previous: float | int | None) -> float | None:
    """Relative change from previous to current, None when there is nothing to compare."""
    if current is None or not previous:
        return None
    return (current - previous) / previous
