"""Self-service and digital shares per week and errand as CSV, against the 80 % goal."""

from __future__ import annotations

import csv
from pathlib import Path

from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.report_data import is_suppressed, make_query, min_count_of, suppress
from deskapp.services.journal import Journal
from deskapp.services.tallies import Tally

COLUMNS = [
    "week", "errand", "errand_label", "has_digital", "digital", "counter_transactions",
    "completed_digitally", "self_service_share", "digital_share", "goal",
]


def ratio(value: object, sep: str) -> str:
    """Four decimals; a decimal comma for the Danish (';'-separated) flavour."""
    if value is None:
        return ""
    text = f"{float(value):.4f}"  # type: ignore[arg-type]
    return text.replace(".", ",") if sep == ";" else text


def export(journal: Journal, catalog: Catalog, span: list[str], out: Path | str, sep: str = ",",
           **options: object) -> int:
    query = make_query(span, options)
    min_count = min_count_of(options)
    tally = Tally(journal, catalog)
    rows = tally.shares(query)
    with atomic_output(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=sep)
        writer.writerow(COLUMNS)
        for r in rows:
            counter = int(r["counter_transactions"])
            hidden = is_suppressed(counter, min_count)  # a share would give the hidden count away
            writer.writerow([
                r["week"], r["errand"], tally.label("errand", r["errand"]), int(bool(r["has_digital"])),
                r["digital"], suppress(counter, min_count),
                suppress(int(r["completed_digitally"]), min_count),
                "" if hidden else ratio(r["self_service_share"], sep),
                "" if hidden else ratio(r["digital_share"], sep),
                ratio(r["goal"], sep),
            ])
    return len(rows)
