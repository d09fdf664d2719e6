"""Self-service and digital shares (DESIGN.md §5), per week and errand and per errand over
a range, added up from the week × errand sums a refresh reads anyway and the imported
digital counts.

    self_service = digital / (digital + counter transactions)
    digital_share = (digital + counter transactions completed digitally)
                    / (digital + counter transactions)

The shares exist only where digital counts were imported for the errand in the range and
there is anything to divide by (None otherwise: never a false 100 %). A week of a big
journal is a few dozen errands, a year some 1,700 (week, errand) rows: each row is written
out as a dict display (a helper's call and a merged key cost a third of the time), and the
errands' sums are added up from the sums read, not from the weekly rows, so those are made
only when asked for (:class:`Weekly`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from deskapp.services.percentages import GOAL

Row = dict[str, Any]
Sums = dict[str, list[Any]]  # errand -> digital, counter, completed, has a solution, imported
NO_COUNTER = (0, 0)


def by_week(week_errand: Sequence[tuple[Any, ...]], digital_rows: Sequence[tuple[Any, ...]],
            solutions: Mapping[str, bool]) -> list[Row]:
    """The rows of every (week, errand) with digital counts or counter transactions, by
    week and errand.

    ``week_errand``: (week, errand, visits, transactions, information, error contacts,
    counter transactions completed digitally, ...); ``digital_rows``: (week, errand,
    imported digital applications); ``solutions``: errand -> whether the catalogue gives it
    a digital solution (an errand with digital counts has one anyway)."""
    counter = {(r[0], r[1]): (r[3], r[6]) for r in week_errand if r[3]}
    digital = {(w, e): int(n) for w, e, n in digital_rows}
    with_counts = {errand for _, errand in digital}
    keys = counter.keys() | digital.keys() if digital else counter.keys()
    plain = all(w.__class__ is str and e.__class__ is str for w, e in keys)  # then sorted as is
    ordered = sorted(keys) if plain else sorted(keys, key=lambda k: (str(k[0]), str(k[1])))
    has: dict[Any, bool] = {}
    rows: list[Row] = []
    append = rows.append
    for key in ordered:
        week, errand = key
        transactions, completed = counter.get(key, NO_COUNTER)  # SQLite's sums of counts: ints
        n = digital.get(key, 0)
        solution = has.get(errand)
        if solution is None:
            code = errand if errand.__class__ is str else str(errand)
            solution = has[errand] = code in with_counts or solutions.get(code, False)
        imported = errand in with_counts
        total = n + transactions
        known = total and imported
        append({"week": week, "errand": errand, "digital": n, "counter_transactions": transactions,
                "completed_digitally": completed,
                "self_service_share": n / total if known else None,
                "digital_share": (n + completed) / total if known else None,
                "goal": GOAL, "has_digital": solution, "imported": imported})
    return rows


def errand_sums(week_errand: Sequence[tuple[Any, ...]], digital_rows: Sequence[tuple[Any, ...]],
                solutions: Mapping[str, bool]) -> Sums:
    """What :func:`by_week`'s rows add up to per errand (its arguments), without making the
    rows: the errands with counter transactions or digital counts in the range."""
    digital: dict[Any, int] = {}
    for _, errand, n in digital_rows:
        digital[errand] = digital.get(errand, 0) + int(n)
    counter: dict[Any, list[int]] = {}
    for r in week_errand:
        if r[3]:  # a week without transactions has none completed digitally either
            t = counter.get(r[1])
            if t is None:
                counter[r[1]] = [r[3], r[6]]
            else:
                t[0] += r[3]
                t[1] += r[6]
    with_counts = set(digital)
    sums: Sums = {}
    for errand in counter.keys() | digital.keys():
        transactions, completed = counter.get(errand, NO_COUNTER)
        code = errand if errand.__class__ is str else str(errand)
        sums[code] = [digital.get(errand, 0), transactions, completed,
                      code in with_counts or solutions.get(code, False), errand in with_counts]
    return sums


@dataclass(frozen=True)
class Weekly:
    """What :func:`by_week` reads for one range, kept to make its rows when they are asked
    for: all of them, labelled (the workbook, the PDF, the CSV, the discretion with a
    minimum), or one errand's (the trend of the errand the manager page shows)."""

    week_errand: Sequence[tuple[Any, ...]]
    digital_rows: Sequence[tuple[Any, ...]]
    solutions: Mapping[str, bool]
    label: Callable[[list[Row]], list[Row]]

    def rows(self) -> list[Row]:
        return self.label(by_week(self.week_errand, self.digital_rows, self.solutions))

    def of(self, errand: str) -> list[Row]:
        """The errand's rows (unlabelled), as :meth:`rows` has them."""
        return by_week([r for r in self.week_errand if r[1] == errand],
                       [r for r in self.digital_rows if r[1] == errand], self.solutions)


def by_errand(sums: Sums, labels: Mapping[str, str] | None = None) -> list[Row]:
    """Shares per errand over the whole range (:func:`errand_sums`), errands with a digital
    solution first, then the most applications (digital and at the counter); ``labels``:
    each row's ``errand_label`` from these (code -> label), as ``Tally.with_labels`` adds it."""
    ordered = sorted([(not t[3], -(t[0] + t[1]), errand, t) for errand, t in sums.items()])  # errands unique
    rows: list[Row] = []
    append = rows.append
    for _, _, errand, (n, transactions, completed, solution, imported) in ordered:
        total = n + transactions
        known = total and imported
        append({"errand": errand, "digital": n, "counter_transactions": transactions,
                "completed_digitally": completed,
                "self_service_share": n / total if known else None,
                "digital_share": (n + completed) / total if known else None,
                "goal": GOAL, "has_digital": solution, "imported": imported})
    if labels is not None:
        for row in rows:
            row["errand_label"] = labels.get(row["errand"], row["errand"])
    return rows
