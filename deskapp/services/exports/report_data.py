"""The figures every tally export and the manager page show, collected once from the Tally
service, with the discretion (suppression) decided once for all of them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from deskapp.services import reference, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports.discretion import discretion
from deskapp.services.exports.suppression import Cells
from deskapp.services.journal import Journal
from deskapp.services.tallies import Query, Row, Tally, gap_per_week

WEEKDAYS = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")


@dataclass
class Pivot:
    """Errands (rows, largest first) × codes of one kind (columns, catalogue order)."""

    errands: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], int]
    totals: dict[str, int]


@dataclass
class ReportData:
    query: Query
    municipality: str
    desks: list[str]
    totals: Row
    previous: Row
    errands: list[Row]
    reasons: Pivot
    outcomes: Pivot
    channels: list[Row]
    shares: list[Row]
    weekly_shares: list[Row]
    friction: list[Row]
    hours: dict[tuple[int, int], int]
    durations: list[Row]
    weekly: list[Row] = field(default_factory=list)
    snapshots: dict[str, str] = field(default_factory=dict)  # "site/desk" -> snapshot time (UTC)
    references: dict[str, list[reference.Reference]] = field(default_factory=dict)
    min_count: int = 0
    hidden: Cells = field(default_factory=lambda: Cells(0))

    @property
    def period_text(self) -> str:
        return period_text(self.query)

    def show(self, value: int, *key: object) -> int | str:
        """A figure (``key`` names it for the discretion) as it may be shown: its value,
        "<N" (too small) or "x" (hidden so a small one cannot be worked out)."""
        return self.hidden.shown(key, int(value))

    @property
    def total_shares_hidden(self) -> bool:
        return self.is_hidden("counter_sum") or self.is_hidden("completed_sum")

    def is_hidden(self, *key: object) -> bool:
        return self.hidden.hidden(key)

    def share_hidden(self, row: Row) -> bool:
        """Whether a share row's shares must not be shown (computed from a hidden count)."""
        week = row.get("week")
        if week is None:
            return self.is_hidden("counter", row["errand"]) or self.is_hidden("completed", row["errand"])
        return (self.is_hidden("wcounter", week, row["errand"])
                or self.is_hidden("wcompleted", week, row["errand"]))

    def trend(self, errand: str) -> list[tuple[str, float | None]]:
        """The errand's weekly digital share over the range (None: no share that week, or
        hidden)."""
        by_week = {str(r["week"]): r for r in self.weekly_shares if r["errand"] == errand}
        out: list[tuple[str, float | None]] = []
        for week in self.query.span:
            r = by_week.get(week)
            share = None if r is None or self.share_hidden(r) else r["digital_share"]
            out.append((week, None if share is None else float(share)))
        return out

    def gap(self, row: Row) -> int | None:
        """More digital applications a week that would reach the goal (None: no share or hidden)."""
        if self.share_hidden(row):
            return None
        return gap_per_week(row, len(self.query.span))


def period_text(query: Query) -> str:
    first, last = query.first, query.last
    start = weeks.monday_of(first)
    end = weeks.monday_of(str(last)) + timedelta(days=6)
    weeks_part = first if first == last else f"{first} – {last}"
    return f"{weeks_part} ({start:%d.%m.%Y} – {end:%d.%m.%Y})"


def collect(journal: Journal, catalog: Catalog, query: Query, municipality: str = "",
            friction_top: int | None = 15, min_count: int = 0, reference_file: str = "") -> ReportData:
    tally = Tally(journal, catalog)
    tally.prefetch(query)
    errands = tally.with_labels(tally.errands(query))
    data = ReportData(
        query=query,
        municipality=municipality,
        desks=tally.desks(query),
        totals=tally.totals(query),
        previous=tally.totals(query.previous()),
        errands=errands,
        reasons=_pivot(tally, query, "reason", catalog.codes("reasons"), [c.code for c in catalog.reasons],
                       errands),
        outcomes=_pivot(tally, query, "outcome", catalog.codes("outcomes"),
                        [c.code for c in catalog.outcomes], errands),
        channels=tally.with_labels(tally.channels(query)),
        shares=tally.with_labels(tally.shares_by_errand(query)),
        weekly_shares=tally.with_labels(tally.shares(query)),
        friction=tally.friction(query, friction_top),
        hours={(int(r["weekday"]), int(r["hour"])): int(r["count"]) for r in tally.hours(query)},
        durations=tally.with_labels(tally.durations(query)),
        weekly=tally.count_by(query, ("week",)),
        snapshots=journal.merged_snapshots(),
        references=reference.load(reference_file),
        min_count=min_count,
    )
    data.hidden = discretion(data)
    return data


def _pivot(tally: Tally, query: Query, dim: str, known: set[str], order: list[str],
           errands: list[Row]) -> Pivot:
    cells: dict[tuple[str, str], int] = {}
    totals: dict[str, int] = defaultdict(int)
    for r in tally.errand_detail(query, dim):
        code = "" if r[dim] is None else str(r[dim])
        cells[(str(r["errand"]), code)] = int(r["count"])
        totals[code] += int(r["count"])
    extra = sorted(c for c in totals if c not in known)  # retired or unknown codes still count
    columns = [c for c in order if c in totals or c in known] + extra
    return Pivot([str(e["errand"]) for e in errands], columns, cells, dict(totals))
