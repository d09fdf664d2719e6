"""A counting-week report in the dimensions of KL's KOMHEN counts of citizen contacts.

One row per task (the errand code, with its KLE number where the catalogue has a verified
one), channel and kind of contact (information or transaction), with the contacts and how
many of them were error contacts (a contact caused by an error or a missing answer). It
follows KOMHEN's dimensions; it does not reproduce KL's own upload codebook or its task
list (see README).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

import xlsxwriter

from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.cells import SafeText, safe_row
from deskapp.services.exports.print_setup import print_setup
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal
from deskapp.services.tallies import Tally

COLUMNS = ["first_week", "last_week", "task", "task_label", "kle", "channel", "channel_label",
           "contact_kind", "contacts", "error_contacts"]
HEADERS = ["Første uge", "Sidste uge", "Opgave (ærindekode)", "Opgave", "KLE-nummer", "Kanal",
           "Kanal (tekst)", "Henvendelsestype", "Henvendelser", "Heraf fejlhenvendelser"]
KINDS = {"information": "Information", "transaction": "Transaktion"}
Line = list[object]


def rows(journal: Journal, catalog: Catalog, request: ExportRequest) -> list[Line]:
    """The report's rows, largest task first; counts below ``min_count`` as "<N"."""
    tally = Tally(journal, catalog)
    query = request.query
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in tally.count_by(query, ("errand", "channel", "contact_type", "error_contact")):
        key = (str(r["errand"]), str(r["channel"]), str(r["contact_type"]))
        sums[key][0] += int(r["count"])
        sums[key][1] += int(r["count"]) if r["error_contact"] else 0
    per_task: dict[str, int] = defaultdict(int)
    for (task, _, _), (n, _) in sums.items():
        per_task[task] += n
    kle = {e.code: e.kle for e in catalog.errands}
    out: list[Line] = []
    for (task, channel, kind), (contacts, errors) in sorted(
            sums.items(), key=lambda kv: (-per_task[kv[0][0]], kv[0])):
        out.append([query.first, query.last, task, tally.label("errand", task), kle.get(task, ""),
                    channel, tally.label("channel", channel), KINDS.get(kind, kind),
                    _shown(contacts, request.min_count), _shown(errors, request.min_count)])
    return out


def _shown(value: int, min_count: int) -> int | str:
    return f"<{min_count}" if 0 < value < min_count else value


def export_csv(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    lines = rows(journal, catalog, request)
    with atomic_output(request.path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=request.sep)
        writer.writerow(COLUMNS)
        for line in lines:
            writer.writerow(safe_row(line))
    return len(lines)


def export_xlsx(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    lines = rows(journal, catalog, request)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    text = SafeText(wb)
    head = wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white", "text_wrap": True,
                          "valign": "top"})
    sheet = wb.add_worksheet("Tælleuge")
    for col, (name, width) in enumerate(zip(HEADERS, [10, 10, 22, 36, 12, 14, 18, 16, 13, 13], strict=True)):
        sheet.write_string(0, col, name, head)
        sheet.set_column(col, col, width)
    sheet.set_row(0, 32)
    sheet.freeze_panes(1, 0)
    print_setup(sheet, header_rows=1, title="Tælleuge (KOMHEN-dimensioner)")
    for r, line in enumerate(lines, start=1):
        for c, value in enumerate(line):
            if isinstance(value, int):
                sheet.write_number(r, c, value)
            else:
                text.write(sheet, r, c, str(value))
    if lines:
        sheet.autofilter(0, 0, len(lines), len(HEADERS) - 1)
    wb.close()
    with atomic_output(request.path, "wb") as handle:
        handle.write(buffer.getvalue())
    return len(lines)
