"""Tidy tallies as CSV: one row per week × desk × site × errand × channel × reason × outcome."""

from __future__ import annotations

import csv
import functools
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
    label = functools.cache(tally.label)  # a year has some 300,000 rows and a few dozen codes
    group_of = functools.cache(tally.group_of)
    with atomic_output(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=sep)
        writer.writerow(COLUMNS)
        for r in rows:
            group = group_of(str(r["errand"]))
            writer.writerow([
                r["week"], r["desk"], r["site"], group, label("group", group),
                r["errand"], label("errand", r["errand"]),
                r["channel"], label("channel", r["channel"]),
                r["reason"] or "", label("reason", r["reason"]),
                r["outcome"] or "", label("outcome", r["outcome"]),
                suppress(int(r["count"]), min_count),
            ])
    return len(rows)
