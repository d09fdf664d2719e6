"""Tidy tallies as CSV: one row per week × desk × site × errand × channel × reason × outcome.

A year of a large site is some 300,000 rows: they are read a batch at a time and written as
they come, so memory stays flat. The file shows no totals, so hiding the small counts
(``--min-count``) is enough here: nothing in it adds up to a shown figure."""

from __future__ import annotations

import csv

from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.cells import safe_row
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal
from deskapp.services.tallies import Tally

COLUMNS = [
    "week", "desk", "site", "group", "group_label", "errand", "errand_label", "channel",
    "channel_label", "reason", "reason_label", "outcome", "outcome_label", "count",
]


def export(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    tally = Tally(journal, catalog)
    label, group_of = tally.label, tally.group_of
    min_count = request.min_count
    labels: dict[tuple[str, object], list[object]] = {}

    def coded(dim: str, code: object) -> list[object]:
        """[code, label], neutralised (codes come from snapshots too), looked up once."""
        key = (dim, code)
        found = labels.get(key)
        if found is None:
            found = labels[key] = safe_row(["" if code is None else code, label(dim, code)])
        return found

    rows = 0
    with atomic_output(request.path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=request.sep)
        writer.writerow(COLUMNS)
        names: dict[str, list[object]] = {}  # desk and site names: neutralised once
        for week, desk, site, errand, channel, reason, outcome, count in tally.stream_visits(request.query):
            group = group_of(errand)
            fixed = names.get(f"{desk}\0{site}")
            if fixed is None:
                fixed = names[f"{desk}\0{site}"] = safe_row([desk, site])
            shown = f"<{min_count}" if 0 < count < min_count else count
            writer.writerow([
                week, *fixed, *coded("group", group), *coded("errand", errand),
                *coded("channel", channel), *coded("reason", reason), *coded("outcome", outcome), shown,
            ])
            rows += 1
    return rows
