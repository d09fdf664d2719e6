"""The figures every tally export shows, collected once from the Tally service."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports import ExportError
from deskapp.services.journal import Journal
from deskapp.services.tallies import Query, Row, Tally

WEEKDAYS = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")


def suppress(value: int, min_count: int) -> int | str:
    """A count below the publication threshold (but above 0) becomes '<N'."""
    return f"<{min_count}" if min_count > 1 and 0 < value < min_count else value


def is_suppressed(value: int, min_count: int) -> bool:
    return min_count > 1 and 0 < value < min_count


def pct(value: object) -> str:
    return "" if value is None else f"{float(value) * 100:.0f} %"  # type: ignore[arg-type]


def make_query(span: Sequence[str], options: dict) -> Query:
    if not span:
        raise ExportError("the week range is empty", "empty_range")
    return Query.of_span(span, tuple(options.get("desks") or ()), tuple(options.get("sites") or ()))


def min_count_of(options: dict) -> int:
    value = options.get("min_count") or 0
    if not isinstance(value, int) or value < 0:
        raise ExportError("--min-count must be a whole number of 0 or more", "min_count")
    return value


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

    @property
    def period_text(self) -> str:
        return period_text(self.query)


def period_text(query: Query) -> str:
    first, last = query.first, query.last
    start = weeks.monday_of(first)
    end = weeks.monday_of(str(last)) + timedelta(days=6)
    weeks_part = first if first == last else f"{first} – {last}"
    return f"{weeks_part} ({start:%d.%m.%Y} – {end:%d.%m.%Y})"


def collect(journal: Journal, catalog: Catalog, query: Query, municipality: str = "",
            friction_top: int | None = 15) -> ReportData:
    tally = Tally(journal, catalog)
    errands = tally.with_labels(tally.errands(query))
    return ReportData(
        query=query,
        municipality=municipality,
        desks=list(query.desks) or tally.desks(query),
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
        snapshots=snapshot_times(journal),
    )


def snapshot_times(journal: Journal) -> dict[str, str]:
    """When each desk's newest merged snapshot was taken (a consolidated site journal only)."""
    return journal.merged_snapshots()


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
