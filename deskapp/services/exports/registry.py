"""Which exporter writes which kind in which format (its own module: the exporters import
the package, the package never imports them, so there is no import cycle)."""

from __future__ import annotations

from collections.abc import Callable

from deskapp.services.catalog import Catalog
from deskapp.services.exports import (
    ExportError,
    komhen,
    report_pdf,
    shares_csv,
    tallies_csv,
    tallies_xlsx,
    visits_csv,
    visits_xlsx,
)
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal

Exporter = Callable[[Journal, Catalog, ExportRequest], int]

EXPORTERS: dict[tuple[str, str], Exporter] = {
    ("visits", "csv"): visits_csv.export,
    ("visits", "xlsx"): visits_xlsx.export,
    ("tallies", "csv"): tallies_csv.export,
    ("tallies", "xlsx"): tallies_xlsx.export,
    ("tallies", "pdf"): report_pdf.export,
    ("shares", "csv"): shares_csv.export,
    ("shares", "xlsx"): tallies_xlsx.export_shares,
    ("shares", "pdf"): report_pdf.export,
    ("komhen", "csv"): komhen.export_csv,
    ("komhen", "xlsx"): komhen.export_xlsx,
}
KINDS = tuple(dict.fromkeys(kind for kind, _ in EXPORTERS))


def formats_of(kind: str) -> list[str]:
    return [fmt for k, fmt in EXPORTERS if k == kind]


def run_export(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    """Write one export; returns what it counted (rows of a CSV or sheet, or visits for the
    report and the tallies workbook: the command line says which). Raises ExportError."""
    exporter = EXPORTERS.get((request.kind, request.fmt))
    if exporter is None:
        raise ExportError(f"{request.kind} cannot be exported as {request.fmt}", "wrong_format",
                          what=request.kind, fmt=request.fmt)
    return exporter(journal, catalog, request)
