"""Tidy tallies as CSV: one row per week × desk × site × errand × channel × reason × outcome.

A year of a large site is some 300,000 rows: they are read a batch at a time and written as
they come, so memory stays flat. The file shows no totals, so hiding the small counts
(``--min-count``) is enough here: nothing in it adds up to a shown figure."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

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
    min_count, sep = request.min_count, request.sep
    buffer = io.StringIO()
    cells = csv.writer(buffer, delimiter=sep, lineterminator="")

    def render(values: Sequence[object]) -> str:
        """Values as CSV text (quoted where needed, neutralised): done once per distinct
        desk and site, and once per distinct errand, channel, reason and outcome."""
        buffer.seek(0)
        buffer.truncate()
        cells.writerow(safe_row(values))
        return buffer.getvalue()

    def coded(dim: str, code: object) -> list[object]:
        return ["" if code is None else code, label(dim, code)]

    places: dict[tuple[object, object], str] = {}
    codes: dict[tuple[object, ...], str] = {}
    rows = 0
    # utf-8 with the BOM written by hand: the utf-8-sig codec encodes in Python, row by row
    with atomic_output(request.path, "w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
        handle.write("\ufeff" + render(COLUMNS) + "\r\n")
        lines: list[str] = []
        for week, desk, site, errand, channel, reason, outcome, count in tally.stream_visits(request.query):
            place = places.get((desk, site))
            if place is None:
                place = places[(desk, site)] = render([desk, site])
            key = (errand, channel, reason, outcome)
            described = codes.get(key)
            if described is None:
                described = codes[key] = render([*coded("group", group_of(errand)), *coded("errand", errand),
                                                 *coded("channel", channel), *coded("reason", reason),
                                                 *coded("outcome", outcome)])
            shown = f"<{min_count}" if 0 < count < min_count else count
            lines.append(f"{week}{sep}{place}{sep}{described}{sep}{shown}\r\n")  # a week needs no quotes
            if len(lines) == 5000:
                handle.write("".join(lines))
                rows += len(lines)
                lines.clear()
        handle.write("".join(lines))
        rows += len(lines)
    return rows
