"""One row per counted visit: no free text, no personal data.

``appointment`` is drop_in or booked; ``citizen`` is the id of the citizen's first visit of
a series of errands (the same value on each of them), so citizens can be counted apart from
contacts. Both are random or fixed codes, never personal data."""

from __future__ import annotations

import csv

from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.cells import safe_row
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal, Visit

COLUMNS = [
    "id", "desk", "site", "local_start", "iso_week", "channel", "errand", "errand_label",
    "reason", "reason_label", "outcome", "outcome_label", "contact_type", "error_contact",
    "duration_s", "appointment", "citizen",
]


def counted(journal: Journal, request: ExportRequest) -> list[Visit]:
    """The visits every tally counts, narrowed to the desks and sites of the request.

    Read with the journal's own definition of a counted visit, not the tally's SQL, so the
    tests' recount of this export checks the tallies against an independent reading.
    """
    query = request.query
    return [v for v in journal.counted_visits(query.first, query.last)
            if (not query.desks or v.desk in query.desks) and (not query.sites or v.site in query.sites)]


def export(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    visits = counted(journal, request)
    with atomic_output(request.path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=request.sep)
        writer.writerow(COLUMNS)
        for v in visits:
            writer.writerow(safe_row([
                v.id, v.desk, v.site, v.started_local.isoformat(timespec="minutes"),
                v.iso_week, v.channel,
                v.errand, catalog.label("errands", v.errand),
                v.reason or "", catalog.label("reasons", v.reason),
                v.outcome, catalog.label("outcomes", v.outcome),
                v.contact_type, v.error_contact,
                "" if v.duration_s is None else v.duration_s,
                v.appointment, v.citizen,
            ]))
    return len(visits)
