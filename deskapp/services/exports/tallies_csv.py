"""Tidy tallies as CSV: one row per week × desk × site × errand × channel × reason × outcome."""

from __future__ import annotations

import csv
from pathlib import Path

from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.report_data import make_query, min_count_of, suppress
from deskapp.services.journal import Journal
from deskapp.services.tallies import Tally

COLUMNS = [
    "week", "desk", "site", "group", "group_label", "errand", "errand_label", "channel",
    "channel_label", "reason", "reason_label", "outcome", "outcome_label", "count",
]


def export(journal: Journal, catalog: Catalog, span: list[str], out: Path | str, sep: str = ",",
           **options: object) -> int:
    query = make_query(span, options)
    min_count = min_count_of(options)
    tally = Tally(journal, catalog)
    rows = tally.visits(query)
    with atomic_output(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=sep)
        writer.writerow(COLUMNS)
        for r in rows:
            group = tally.group_of(str(r["errand"]))
            writer.writerow([
                r["week"], r["desk"], r["site"], group, tally.label("group", group),
                r["errand"], tally.label("errand", r["errand"]),
                r["channel"], tally.label("channel", r["channel"]),
                r["reason"] or "", tally.label("reason", r["reason"]),
                r["outcome"] or "", tally.label("outcome", r["outcome"]),
                suppress(int(r["count"]), min_count),
            ])
    return len(rows)
