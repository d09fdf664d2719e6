"""Self-service and digital shares per week and errand as CSV, against the 80 % goal, with
the reference figures beside each errand's share."""

from __future__ import annotations

import csv

from deskapp.services import reference
from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.cells import decimal, safe_row
from deskapp.services.exports.report_data import collect
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal
from deskapp.services.percentages import gap_per_week

COLUMNS = [
    "week", "errand", "errand_label", "has_digital", "digital", "counter_transactions",
    "completed_digitally", "self_service_share", "digital_share", "goal",
    "more_digital_for_goal", "reference_share", "reference_source", "best_share", "best_source",
]


def export(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    data = collect(journal, catalog, request.query, request.municipality, min_count=request.min_count,
                   reference_file=request.reference_file)
    comma = request.decimal_comma
    with atomic_output(request.path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=request.sep)
        writer.writerow(COLUMNS)
        for r in data.weekly_shares:
            week, errand = r["week"], r["errand"]
            hidden = data.share_hidden(r)  # a share would give a hidden count away
            refs = data.references.get(str(errand), [])
            national = next((x for x in refs if x.kind == "national"), None)
            best = next((x for x in refs if x.kind == "best"), None)
            gap = None if hidden else gap_per_week(r, 1)
            writer.writerow(safe_row([
                week, errand, r["errand_label"], int(bool(r["has_digital"])), r["digital"],
                data.show(int(r["counter_transactions"]), "wcounter", week, errand),
                data.show(int(r["completed_digitally"]), "wcompleted", week, errand),
                "" if hidden else decimal(r["self_service_share"], comma),
                "" if hidden else decimal(r["digital_share"], comma),
                decimal(r["goal"], comma), "" if gap is None else gap,
                decimal(national.share, comma) if national else "", _source(national),
                decimal(best.share, comma) if best else "", _source(best),
            ]))
    return len(data.weekly_shares)


def _source(ref: reference.Reference | None) -> str:
    return "" if ref is None else f"{ref.place} {ref.year}: {ref.source}"
