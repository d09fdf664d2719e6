"""Weekly tallies for managers: SQL GROUP BY over counted visits of a range of ISO weeks.

Counted visits are saved (not open) and not undone; an edited visit counts once, with its
edited values, because edits change the row in place. Codes are counted as stored: an
errand renamed or retired in the catalogue still adds up under its code, and its label
falls back to the code when the catalogue no longer knows it.

Every view returns tidy rows: dicts with the dimension codes and a ``count``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any

from deskapp.services import tally_shares, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.guide import OTHER_BLOCKER
from deskapp.services.journal import Journal, tally_reads
from deskapp.services.journal.tally_reads import DIMENSIONS, Measure

UNKNOWN_GROUP = "(ukendt)"
OTHER_LABEL = "Andet"  # the guide's blocker "other" (a short text instead of a listed blocker)
Row = dict[str, Any]

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
    _weeks: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        span = weeks.week_range(self.first, self.last)  # raises BadWeek
        object.__setattr__(self, "first", span[0])
        object.__setattr__(self, "last", span[-1])
        object.__setattr__(self, "desks", tuple(self.desks))
        object.__setattr__(self, "sites", tuple(self.sites))
        object.__setattr__(self, "_weeks", tuple(span))  # kept: a refresh asks for it often
        # kept too: a refresh looks its figures up by query some 40 times
        object.__setattr__(self, "_hash", hash((self.first, self.last, self.desks, self.sites)))

    def __hash__(self) -> int:
        return self._hash

    @classmethod
    def of_span(cls, span: Sequence[str], desks: Sequence[str] = (), sites: Sequence[str] = ()) -> Query:
        return cls(span[0], span[-1], tuple(desks), tuple(sites))

    @property
    def span(self) -> list[str]:
        return list(self._weeks)

    def previous(self) -> Query:
        return self._before

    @cached_property
    def _before(self) -> Query:
        """The period of equal length just before this one (kept: a refresh asks often)."""
        length = len(self._weeks)
        return Query(weeks.shift_week(self.first, -length), weeks.shift_week(self.first, -1),
                     self.desks, self.sites)

    @cached_property
    def with_previous(self) -> Query:
        """This period and the one before it (a refresh reads both in one statement)."""
        return Query(self._before.first, self.last, self.desks, self.sites)


COUNT = Measure()
TIMED = Measure("timed")
SECONDS = Measure("seconds")
CITIZENS = Measure("citizens")
TRANSACTIONS = Measure("count", "transaction")
INFORMATION = Measure("count", "information")
ERRORS = Measure("count", error=True)


class Tally:
    """The tally views of one journal, labelled with one catalogue.

    Figures asked for more than once in a refresh (totals, shares and errands all add up the
    same week × errand sums) are read once per query and kept, as plain tuples: a refresh
    adds them up further, and only the rows it hands out become dicts."""

    def __init__(self, journal: Journal, catalog: Catalog):
        self.journal = journal
        self.catalog = catalog
        lookups = catalog.lookups  # built once per catalogue, not per refresh
        self._errands = lookups.errands
        self._steps = lookups.steps
        self._blockers = lookups.blockers
        self._labels = lookups.labels
        self._solutions = lookups.solutions
        self._week_errand_measures = {
            "count": COUNT, "transactions": TRANSACTIONS, "information": INFORMATION,
            "error_contacts": ERRORS, "completed": Measure("count", "transaction", lookups.digital),
            "timed": TIMED, "seconds": SECONDS}
        self._shares: dict[Query, list[Row]] = {}
        self._week_errand: dict[Query, list[tuple[Any, ...]]] = {}
        self._outcomes: dict[Query, list[tuple[Any, ...]]] = {}
        self._digital: dict[Query, list[tuple[Any, ...]]] = {}
        self._stuck: dict[Query, list[Row]] = {}

    # --- plumbing -------------------------------------------------------------------------

    def count_by(self, query: Query, dims: Sequence[str]) -> list[Row]:
        """Counted visits grouped by any of DIMENSIONS, one row per combination."""
        unknown = set(dims) - set(DIMENSIONS)
        if unknown:
            raise ValueError(f"unknown dimension(s): {', '.join(sorted(unknown))}")
        if tuple(dims) in (("week",), ("errand",)):  # folded from the sums every refresh reads
            return self._folded(query, dims[0])
        return self._grouped(query, dims, {"count": COUNT})

    def _grouped(self, query: Query, dims: Sequence[str], measures: dict[str, Measure]) -> list[Row]:
        return tally_reads.grouped(self.journal, query, dims, measures)

    def prefetch(self, query: Query) -> None:
        """Read the week × errand sums and the digital counts of a range and of the period
        before it in one statement each (a refresh shows both periods)."""
        before, both = query.previous(), query.with_previous
        for cache, rows in ((self._week_errand, self._week_errand_rows(both)),
                            (self._digital, self._digital_rows(both))):
            cut = bisect_left(rows, query.first, key=itemgetter(0))  # rows come by week
            cache[before], cache[query] = rows[:cut], rows[cut:]

    def _week_errand_rows(self, query: Query) -> list[tuple[Any, ...]]:
        """(week, errand, visits, transactions, information, error contacts, counter
        transactions completed digitally, timed visits, their seconds), by week and errand."""
        if query not in self._week_errand:
            self._week_errand[query] = tally_reads.tuples(self.journal, query, ("week", "errand"),
                                                          self._week_errand_measures)
        return self._week_errand[query]

    def week_errand(self, query: Query) -> list[Row]:
        """Per week and errand: visits, transactions, information, error contacts, counter
        transactions completed digitally, timed visits and their seconds (one read)."""
        names = ("week", "errand", *self._week_errand_measures)
        return [dict(zip(names, r, strict=True)) for r in self._week_errand_rows(query)]

    def _folded(self, query: Query, dim: str) -> list[Row]:
        # an errand the privacy guard dropped in a consolidation is read back as None: last
        ordered = sorted(self._sums(query, dim).items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
        return [{dim: key, "count": n} for key, n in ordered if n]

    def _sums(self, query: Query, dim: str) -> dict[Any, int]:
        """Visits per week or per errand, added up from the week × errand sums."""
        at = 0 if dim == "week" else 1
        sums: dict[Any, int] = {}
        get = sums.get
        for r in self._week_errand_rows(query):
            key = r[at]
            sums[key] = get(key, 0) + r[2]
        return sums

    def label(self, dim: str, code: object) -> str:
        kind = LABEL_KINDS.get(dim)
        if kind is None or code is None:
            return "" if code is None else str(code)
        text = str(code)
        return self._labels[kind].get(text, text) if text else ""

    def group_of(self, errand: str) -> str:
        found = self._errands.get(errand)
        return (found.group if found else "") or UNKNOWN_GROUP

    def with_labels(self, rows: list[Row]) -> list[Row]:
        """Add ``<dim>_label`` beside every labelled dimension of each row."""
        if not rows:
            return rows
        for dim in [dim for dim in rows[0] if dim in LABEL_KINDS]:
            name, labels = f"{dim}_label", self._labels[LABEL_KINDS[dim]]
            for row in rows:
                code = row[dim]
                if code.__class__ is not str:
                    if code is None:
                        row[name] = ""
                        continue
                    code = str(code)
                row[name] = labels.get(code, code)
        return rows

    # --- views ----------------------------------------------------------------------------

    def visits(self, query: Query, dims: Sequence[str] = MAIN_DIMENSIONS) -> list[Row]:
        """Visits per week × desk × site × errand × channel × reason × outcome."""
        return self.count_by(query, dims)

    def stream_visits(self, query: Query, dims: Sequence[str] = MAIN_DIMENSIONS) -> Iterator[tuple[Any, ...]]:
        """The rows of :meth:`visits` as tuples (dims..., count), a batch at a time."""
        return tally_reads.stream(self.journal, query, dims, {"count": COUNT})

    def by_group(self, query: Query) -> list[Row]:
        """The main view with errands folded into their parent group."""
        rows = self.count_by(query, ("week", "errand", "channel", "reason", "outcome"))
        merged: dict[tuple[Any, ...], int] = defaultdict(int)
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

    def hour_cells(self, query: Query) -> dict[tuple[int, int], int]:
        """:meth:`hours` as (weekday, hour) -> visits."""
        rows = tally_reads.tuples(self.journal, query, ("weekday", "hour"), {"count": COUNT})
        return {(day, hour): n for day, hour, n in rows}  # integers, as the tally tables hold them

    def channels(self, query: Query) -> list[Row]:
        """Visits and citizens per channel; drop-in and booked visits of each."""
        rows = tally_reads.tuples(self.journal, query, ("channel", "appointment"),
                                  {"count": COUNT, "citizens": CITIZENS})
        merged: dict[str, Row] = {}
        for channel, appointment, n, citizens in rows:
            m = merged.setdefault(str(channel), {"channel": channel, "count": 0, "citizens": 0,
                                                 "booked": 0})
            m["count"] += int(n)
            m["citizens"] += int(citizens)
            m["booked"] += int(n) if appointment == "booked" else 0
        return [merged[k] for k in sorted(merged)]

    def errands(self, query: Query, labels: bool = False) -> list[Row]:
        """Visits per errand, largest first; ``labels``: with their labels, as
        :meth:`with_labels` adds them."""
        sums = self._sums(query, "errand")  # codes as text, unique (None sorted as "None")
        ordered = sorted([(-n, str(e) if e is None else e, e) for e, n in sums.items() if n])
        if not labels:
            return [{"errand": e, "count": -n} for n, _, e in ordered]
        names = self._labels["errands"]
        return [{"errand": e, "count": -n,
                 "errand_label": names.get(e, e) if e.__class__ is str else self.label("errand", e)}
                for n, _, e in ordered]

    def errand_detail(self, query: Query, dim: str, errand: str | None = None) -> list[Row]:
        """Errand × reason or errand × outcome (dim), optionally for one errand only."""
        return [{"errand": r[0], dim: r[1], "count": r[2]} for r in self.errand_pairs(query, dim)
                if errand is None or r[0] == errand]

    def errand_pairs(self, query: Query, dim: str, stored: bool = False) -> list[tuple[Any, ...]]:
        """Errand × reason or errand × outcome as tuples that begin (errand, code, visits);
        ``stored``: just those, the codes as the tally tables store them ('' for none)."""
        if dim not in ("reason", "outcome"):
            raise ValueError("dim must be reason or outcome")
        if stored or dim == "reason":
            return tally_reads.tuples(self.journal, query, ("errand", dim), {"count": COUNT}, stored=stored)
        return self._outcome_detail(query)

    def _outcome_detail(self, query: Query) -> list[tuple[Any, ...]]:
        """(errand, outcome, visits, timed visits, their seconds): the pivot and the
        averages, one read."""
        if query not in self._outcomes:
            self._outcomes[query] = tally_reads.tuples(self.journal, query, ("errand", "outcome"),
                                                       {"count": COUNT, "timed": TIMED, "seconds": SECONDS})
        return self._outcomes[query]

    def durations(self, query: Query, labels: bool = False) -> list[Row]:
        """Average duration per errand and outcome (visits without a duration left out);
        ``labels``: with their labels, as :meth:`with_labels` adds them."""
        rows = [{"errand": errand, "outcome": outcome, "count": timed, "avg_duration_s": seconds / timed}
                for errand, outcome, _, timed, seconds in self._outcome_detail(query) if timed]
        return self.with_labels(rows) if labels else rows

    def stuck_steps(self, query: Query) -> list[Row]:
        """Guide steps marked stuck, per errand, step and blocker, for counted visits."""
        if query not in self._stuck:
            self._stuck[query] = tally_reads.stuck_steps(self.journal, query)
        return self._stuck[query]

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
        return self._steps.get((errand, step), step)

    def blocker_label(self, errand: str, blocker: str) -> str:
        """The catalogue's Danish label of a blocker; "Andet" for the guide's own "other"."""
        if blocker == OTHER_BLOCKER:
            return OTHER_LABEL
        return self._blockers.get((errand, blocker), blocker)

    def other_notes(self, query: Query) -> list[Row]:
        """The texts written with blocker "Andet" on stuck steps of counted visits, while
        retention keeps them: week, errand, step (with labels) and text."""
        return [{"week": r["week"], "errand": r["errand"], "errand_label": self.label("errand", r["errand"]),
                 "step": r["step"], "step_label": self.step_label(str(r["errand"]), str(r["step"])),
                 "text": str(r["note"]).strip()}
                for r in self._other_notes(query)]

    def _other_notes(self, query: Query) -> list[Row]:
        """Notes looked for only when the stuck steps (read anyway) have blocker "Andet"."""
        if not any(r["blocker"] == OTHER_BLOCKER for r in self.stuck_steps(query)):
            return []
        return tally_reads.blocker_notes(self.journal, query, OTHER_BLOCKER, gate=False)

    # --- digital shares -------------------------------------------------------------------

    def _digital_rows(self, query: Query) -> list[tuple[Any, ...]]:
        """(week, errand, imported digital applications), by week and errand."""
        if query not in self._digital:
            self._digital[query] = tally_reads.digital_tuples(self.journal, query.first, str(query.last))
        return self._digital[query]

    def digital_counts(self, query: Query) -> list[Row]:
        """Imported digital applications per week and errand (all sources added up)."""
        return [{"week": w, "errand": e, "digital": n} for w, e, n in self._digital_rows(query)]

    def shares(self, query: Query) -> list[Row]:
        """Self-service and digital share per week and errand (:mod:`tally_shares`): rows for
        every (week, errand) with digital counts or counter transactions; ``has_digital``:
        the errand has a digital solution, ``imported``: digital counts were imported for it
        in the range (without them no share: never a false 100 %)."""
        if query not in self._shares:
            self._shares[query] = tally_shares.by_week(self._week_errand_rows(query),
                                                       self._digital_rows(query), self._solutions)
        return self._shares[query]

    def weekly_shares(self, query: Query) -> tally_shares.Weekly:
        """What :meth:`shares` reads, to make its rows (labelled) or one errand's later."""
        return tally_shares.Weekly(self._week_errand_rows(query), self._digital_rows(query),
                                   self._solutions, self.with_labels)

    def shares_by_errand(self, query: Query, labels: bool = False) -> list[Row]:
        """Shares per errand over the whole range, errands with a digital solution first;
        ``labels``: with their labels, as :meth:`with_labels` adds them."""
        return tally_shares.by_errand(tally_shares.errand_sums(
            self._week_errand_rows(query), self._digital_rows(query), self._solutions),
            self._labels["errands"] if labels else None)

    # --- totals ---------------------------------------------------------------------------

    def totals(self, query: Query) -> Row:
        """Headline figures of a range: visits, contact types, error contacts, shares.

        The shares add up the errands with imported digital counts only."""
        digital_rows = self._digital_rows(query)
        rows = self._week_errand_rows(query)
        if rows:
            columns = list(zip(*rows, strict=True))
            visits, transactions, information, errors, _, timed, seconds = (sum(c) for c in columns[2:])
        else:
            visits = transactions = information = errors = timed = seconds = 0
        imported = {r[1] for r in digital_rows}
        counter = completed = 0
        if imported:  # an errand with imported counts has a digital solution
            for r in rows:
                if r[1] in imported:
                    counter += r[3]
                    completed += r[6]
        digital = sum(int(r[2]) for r in digital_rows)
        total = digital + counter
        return {
            "visits": visits, "transactions": transactions, "information": information,
            "error_contacts": errors, "avg_duration_s": seconds / timed if timed else None,
            "digital": digital,
            "self_service_share": digital / total if total else None,
            "digital_share": (digital + completed) / total if total else None,
        }

    def desks(self, query: Query) -> list[str]:
        if query.desks:
            return list(query.desks)
        return [str(r[0]) for r in tally_reads.tuples(self.journal, query, ("desk",), {"count": COUNT})]
