"""The figures every tally export and the manager page show, collected once from the Tally
service, with the discretion (suppression) decided once for all of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from operator import itemgetter

from deskapp.services import reference, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports.suppression import Cells
from deskapp.services.guide import OTHER_BLOCKER
from deskapp.services.journal import Journal
from deskapp.services.percentages import gap_per_week
from deskapp.services.tallies import Query, Row, Tally
from deskapp.services.tally_shares import Weekly

WEEKDAYS = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")


@dataclass
class Pivot:
    """Errands (rows, largest first) × codes of one kind (columns, catalogue order)."""

    errands: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], int]

    @cached_property
    def totals(self) -> dict[str, int]:
        """Each column's total, added up when first asked for: the workbook, the PDF and the
        discretion show them, the manager page does not (its pivots total each errand)."""
        totals: dict[str, int] = {}
        get = totals.get
        for (_, code), n in self.cells.items():
            totals[code] = get(code, 0) + n
        return totals


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
    friction: list[Row]
    hours: dict[tuple[int, int], int]
    weekly: list[Row] = field(default_factory=list)
    snapshots: dict[str, str] = field(default_factory=dict)  # "site/desk" -> snapshot time (UTC)
    references: dict[str, list[reference.Reference]] = field(default_factory=dict)
    min_count: int = 0
    hidden: Cells = field(default_factory=lambda: Cells(0))
    other_texts: list[Row] = field(default_factory=list)  # what may be shown (see other_texts)
    weekly_source: Weekly | None = field(default=None, repr=False)

    @cached_property
    def weekly_shares(self) -> list[Row]:
        """Shares per week and errand, made when first asked for (the workbook, the PDF, the
        CSV, the discretion with a minimum): the manager page shows one errand's trend."""
        return self.weekly_source.rows() if self.weekly_source else []

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
        if "weekly_shares" in self.__dict__ or self.weekly_source is None:  # made already
            rows = [r for r in self.weekly_shares if r["errand"] == errand]
        else:
            rows = self.weekly_source.of(errand)
        by_week = {str(r["week"]): r for r in rows}
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


def dropped_errand(code: object) -> bool:
    """Visits whose errand the privacy guard dropped in a consolidation: stored '', read
    back as None, keyed "None" in the pivots. Reports name them "(ingen)"."""
    return code in (None, "", "None")


def errand_name(catalog: Catalog, code: object) -> str:
    return "(ingen)" if dropped_errand(code) else catalog.label("errands", str(code))


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
    errands = tally.errands(query, labels=True)
    codes = [str(e["errand"]) for e in errands]
    data = ReportData(
        query=query,
        municipality=municipality,
        desks=tally.desks(query),
        totals=tally.totals(query),
        previous=tally.totals(query.previous()),
        errands=errands,
        reasons=_pivot(tally, query, "reason", catalog.lookups.labels["reasons"], codes),
        outcomes=_pivot(tally, query, "outcome", catalog.lookups.labels["outcomes"], codes),
        channels=tally.with_labels(tally.channels(query)),
        shares=tally.shares_by_errand(query, labels=True),
        friction=tally.friction(query, friction_top),
        hours=tally.hour_cells(query),
        weekly=tally.count_by(query, ("week",)),
        snapshots=journal.merged_snapshots(),
        references=reference.load(reference_file),
        weekly_source=tally.weekly_shares(query),
        min_count=min_count,
    )
    data.hidden = discretion(data)
    data.other_texts = other_texts(data, tally.other_notes(query))
    return data


def other_texts(data: ReportData, texts: list[Row]) -> list[Row]:
    """The *Andet* texts that may be shown beside the figures.

    Without a minimum, all of them (those retention has not erased). With one, a text could
    identify the citizen of a small count, so only texts of a friction point whose "Andet"
    count and stuck count are both shown are kept, and the week of each becomes the whole
    period: texts listed by week would give away a week's count below the minimum."""
    if data.min_count <= 1:
        return texts
    first, last = data.query.first, data.query.last
    weeks_part = first if first == last else f"{first} – {last}"
    shown = {(str(f["errand"]), str(f["step"])) for f in data.friction
             if ("blocker", f["errand"], f["step"], OTHER_BLOCKER) in data.hidden.values
             and not data.is_hidden("blocker", f["errand"], f["step"], OTHER_BLOCKER)
             and not data.is_hidden("stuck", f["errand"], f["step"])}
    kept = [{**t, "week": weeks_part} for t in texts if (str(t["errand"]), str(t["step"])) in shown]
    return sorted(kept, key=lambda t: (str(t["errand"]), str(t["step"]), str(t["text"])))


def _pivot(tally: Tally, query: Query, dim: str, known: dict[str, str], errands: list[str]) -> Pivot:
    """``known``: the catalogue's codes of the kind, in its order."""
    rows = tally.errand_pairs(query, dim, stored=True)  # codes as stored: text, '' for none
    if "" in map(itemgetter(0), rows):  # keyed "None", as the errands' rows give it (str of None)
        rows = [(errand or "None", *rest) for errand, *rest in rows]
    extra = sorted(c for c in set(map(itemgetter(1), rows)) if c not in known)  # retired, unknown
    return Pivot(list(errands), [*known, *extra], {(errand, code): n for errand, code, n in rows})


# --- discretion: which figures may be shown with a minimum (issue 14.4) -------------------
# Every figure the page, the workbook and the PDF show, with the lines they add up along,
# protected together by ``suppression`` so no sheet or page gives a hidden count away.

VISITS = ("visits",)


def discretion(data: ReportData) -> Cells:
    cells = Cells(data.min_count)
    if data.min_count <= 1:
        return cells
    add, line = cells.add, cells.line
    add(VISITS, int(data.totals["visits"]))
    for total in ("transactions", "information", "error_contacts"):
        add((total,), int(data.totals[total]))
        add(("prev", total), int(data.previous[total]))
    add(("prev", "visits"), int(data.previous["visits"]))
    line([("transactions",), ("information",)], VISITS)
    line([("prev", "transactions"), ("prev", "information")], ("prev", "visits"))
    errands = [str(e["errand"]) for e in data.errands]
    for e in data.errands:
        add(("errand", e["errand"]), int(e["count"]))
    line([("errand", e) for e in errands], VISITS)
    for kind, pivot in (("reason", data.reasons), ("outcome", data.outcomes)):
        for (errand, code), n in pivot.cells.items():
            add((kind, errand, code), n)
        for code in pivot.columns:
            add((f"{kind}_total", code), pivot.totals.get(code, 0))
            line([(kind, e, code) for e in errands], (f"{kind}_total", code))
        for errand in errands:
            line([(kind, errand, c) for c in pivot.columns], ("errand", errand))
        line([(f"{kind}_total", c) for c in pivot.columns], VISITS)
    for c in data.channels:  # citizens and booked visits are parts of a channel's count
        add(("channel", c["channel"]), int(c["count"]))
        add(("citizens", c["channel"]), int(c["citizens"]))
        add(("booked", c["channel"]), int(c["booked"]))
    line([("channel", c["channel"]) for c in data.channels], VISITS)
    for w in data.weekly:
        add(("week", w["week"]), int(w["count"]))
    line([("week", w["week"]) for w in data.weekly], VISITS)
    days = sorted({d for d, _ in data.hours} | set(range(1, 6)))
    hours = sorted({h for _, h in data.hours} | set(range(8, 17)))
    for (day, hour), n in data.hours.items():
        add(("hour", day, hour), n)
    for day in days:
        add(("day", day), sum(n for (d, _), n in data.hours.items() if d == day))
        line([("hour", day, h) for h in hours], ("day", day))
    for hour in hours:
        add(("hour_total", hour), sum(n for (_, h), n in data.hours.items() if h == hour))
        line([("hour", d, hour) for d in days], ("hour_total", hour))
    line([("day", d) for d in days], VISITS)
    line([("hour_total", h) for h in hours], VISITS)
    _shares(data, cells)
    for f in data.friction:
        key = ("stuck", f["errand"], f["step"])
        add(key, int(f["count"]))
        blockers = [("blocker", f["errand"], f["step"], code) for code, _, _ in f["blockers"]]
        for (_code, _, n), bkey in zip(f["blockers"], blockers, strict=True):
            add(bkey, n)
        line(blockers, key)
    return cells.protect()


def _shares(data: ReportData, cells: Cells) -> None:
    """Counter transactions and those completed digitally, per errand and per week: a week's
    figures add up to the errand's, the errands' to the total shares (which give them away
    with the digital counts shown)."""
    shown = [r for r in data.shares if r["has_digital"]]
    for r in shown:
        cells.add(("counter", r["errand"]), int(r["counter_transactions"]))
        cells.add(("completed", r["errand"]), int(r["completed_digitally"]))
    for r in data.weekly_shares:
        cells.add(("wcounter", r["week"], r["errand"]), int(r["counter_transactions"]))
        cells.add(("wcompleted", r["week"], r["errand"]), int(r["completed_digitally"]))
    for r in shown:
        weeks = [w["week"] for w in data.weekly_shares if w["errand"] == r["errand"]]
        cells.line([("wcounter", w, r["errand"]) for w in weeks], ("counter", r["errand"]))
        cells.line([("wcompleted", w, r["errand"]) for w in weeks], ("completed", r["errand"]))
    imported = [r for r in shown if r["imported"]]
    cells.add(("counter_sum",), sum(int(r["counter_transactions"]) for r in imported))
    cells.add(("completed_sum",), sum(int(r["completed_digitally"]) for r in imported))
    cells.line([("counter", r["errand"]) for r in imported], ("counter_sum",))
    cells.line([("completed", r["errand"]) for r in imported], ("completed_sum",))
