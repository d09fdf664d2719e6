"""One row per counted visit as an Excel sheet (same columns as the visits CSV)."""

from __future__ import annotations

import io

import xlsxwriter

from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.cells import SafeText
from deskapp.services.exports.print_setup import print_setup
from deskapp.services.exports.request import ExportRequest
from deskapp.services.exports.visits_csv import COLUMNS, counted
from deskapp.services.journal import Journal

WIDTHS = {"id": 34, "local_start": 17, "errand_label": 36, "reason_label": 34, "outcome_label": 28,
          "citizen": 34}


def export(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    visits = counted(journal, request)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    text = SafeText(wb)
    head = wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white"})
    sheet = wb.add_worksheet("Besøg")
    for col, name in enumerate(COLUMNS):
        sheet.write_string(0, col, name, head)
        sheet.set_column(col, col, WIDTHS.get(name, 12))
    sheet.freeze_panes(1, 0)
    print_setup(sheet, header_rows=1, title="Besøg")
    for row, v in enumerate(visits, start=1):
        values = [
            v.id, v.desk, v.site, v.started_local.strftime("%Y-%m-%d %H:%M"), v.iso_week, v.channel,
            v.errand, catalog.label("errands", v.errand), v.reason or "", catalog.label("reasons", v.reason),
            v.outcome or "", catalog.label("outcomes", v.outcome), v.contact_type,
        ]
        for col, value in enumerate(values):
            text.write(sheet, row, col, value)
        sheet.write_number(row, len(values), v.error_contact)
        if v.duration_s is not None:
            sheet.write_number(row, len(values) + 1, v.duration_s)
        sheet.write_string(row, len(values) + 2, v.appointment or "")
        sheet.write_string(row, len(values) + 3, v.citizen or "")
    if visits:
        sheet.autofilter(0, 0, len(visits), len(COLUMNS) - 1)
    wb.close()
    with atomic_output(request.path, "wb") as handle:
        handle.write(buffer.getvalue())
    return len(visits)
