"""Tallies as an Excel workbook: one sheet per view, frozen headers, native Excel charts."""

from __future__ import annotations

import io
from pathlib import Path

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output
from deskapp.services.exports.report_data import (
    WEEKDAYS,
    Pivot,
    ReportData,
    collect,
    is_suppressed,
    make_query,
    min_count_of,
    suppress,
)
from deskapp.services.journal import Journal
from deskapp.services.tallies import GOAL, change

SUMMARY, REASONS, OUTCOMES, CHANNELS, SHARES, FRICTION, HOURS = (
    "Oversigt", "Ærinder × årsager", "Ærinder × resultater", "Kanaler", "Andele", "Friktion", "Timer",
)
ALL_SHEETS = (SUMMARY, REASONS, OUTCOMES, CHANNELS, SHARES, FRICTION, HOURS)
GOAL_SERIES = f"Mål {GOAL * 100:.0f} %"  # the goal line in the shares chart


class _Book:
    def __init__(self, data: ReportData, catalog: Catalog, min_count: int):
        self.data = data
        self.catalog = catalog
        self.min_count = min_count
        self.buffer = io.BytesIO()
        self.wb: Workbook = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.head = self.wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white",
                                        "text_wrap": True, "valign": "top", "border": 1})
        self.title = self.wb.add_format({"bold": True, "font_size": 14})
        self.bold = self.wb.add_format({"bold": True})
        self.pct = self.wb.add_format({"num_format": "0%"})
        self.num = self.wb.add_format({"num_format": "0"})
        self.right = self.wb.add_format({"align": "right"})

    def count(self, sheet: Worksheet, row: int, col: int, value: int) -> None:
        shown = suppress(value, self.min_count)
        if isinstance(shown, str):
            sheet.write_string(row, col, shown, self.right)
        else:
            sheet.write_number(row, col, shown)

    def table(self, name: str, headers: list[str], widths: list[int], header_row: int = 0) -> Worksheet:
        sheet = self.wb.add_worksheet(name)
        for col, (text, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.write_string(header_row, col, text, self.head)
            sheet.set_column(col, col, width)
        sheet.freeze_panes(header_row + 1, 1)
        return sheet

    # --- sheets ---------------------------------------------------------------------------

    def summary(self) -> None:
        d = self.data
        sheet = self.wb.add_worksheet(SUMMARY)
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, 3, 16)
        sheet.write_string(0, 0, f"Kanalopgørelse {d.municipality}".strip(), self.title)
        sheet.write_string(1, 0, f"Periode: {d.period_text}")
        sheet.write_string(2, 0, f"Skranker: {', '.join(d.desks) or '–'}")
        headers = ["Nøgletal", "Perioden", "Forrige periode", "Ændring"]
        for col, text in enumerate(headers):
            sheet.write_string(4, col, text, self.head)
        sheet.freeze_panes(5, 0)
        lines = [("Henvendelser i alt", "visits"), ("Transaktioner", "transactions"),
                 ("Informationshenvendelser", "information"), ("Fejlhenvendelser", "error_contacts"),
                 ("Digitale ansøgninger (importeret)", "digital")]
        row = 5
        for text, key in lines:
            now, before = int(d.totals[key] or 0), int(d.previous[key] or 0)
            sheet.write_string(row, 0, text)
            self.count(sheet, row, 1, now)
            self.count(sheet, row, 2, before)
            moved = change(now, before)
            if moved is not None:
                sheet.write_number(row, 3, moved, self.pct)
            row += 1
        for text, key in (("Selvbetjeningsandel", "self_service_share"), ("Digital andel", "digital_share")):
            sheet.write_string(row, 0, text)
            for col, source in ((1, d.totals), (2, d.previous)):
                if source[key] is not None:
                    sheet.write_number(row, col, float(source[key]), self.pct)  # type: ignore[arg-type]
            row += 1
        sheet.write_string(row, 0, "Mål for digital andel")
        sheet.write_number(row, 1, GOAL, self.pct)
        row += 2
        start = row
        sheet.write_string(row, 0, "Ærinde", self.head)
        sheet.write_string(row, 1, "Henvendelser", self.head)
        for e in d.errands:
            row += 1
            sheet.write_string(row, 0, str(e["errand_label"]))
            self.count(sheet, row, 1, int(e["count"]))
        if d.errands:
            top = min(len(d.errands), 15)
            chart = self.wb.add_chart({"type": "bar"})
            chart.add_series({"name": "Henvendelser",
                              "categories": [SUMMARY, start + 1, 0, start + top, 0],
                              "values": [SUMMARY, start + 1, 1, start + top, 1],
                              "fill": {"color": "#1F4E79"}})
            chart.set_title({"name": "Ærinder med flest henvendelser"})
            chart.set_y_axis({"reverse": True})
            chart.set_legend({"none": True})
            chart.set_size({"width": 620, "height": 420})
            sheet.insert_chart(4, 5, chart)

    def pivot(self, name: str, pivot: Pivot, kind: str) -> None:
        labels = [self.catalog.label(kind, c) or "(ingen)" for c in pivot.columns]
        sheet = self.table(name, ["Ærinde", "Kode", *labels, "I alt"],
                           [40, 18, *([14] * len(labels)), 10])
        sheet.set_row(0, 45)
        for r, errand in enumerate(pivot.errands, start=1):
            sheet.write_string(r, 0, self.catalog.label("errands", errand))
            sheet.write_string(r, 1, errand)
            total = 0
            for c, code in enumerate(pivot.columns, start=2):
                value = pivot.cells.get((errand, code), 0)
                total += value
                self.count(sheet, r, c, value)
            self.count(sheet, r, len(pivot.columns) + 2, total)
        sheet.autofilter(0, 0, len(pivot.errands), len(pivot.columns) + 2)

    def channels(self) -> None:
        sheet = self.table(CHANNELS, ["Kanal", "Kode", "Henvendelser"], [28, 16, 14])
        for r, ch in enumerate(self.data.channels, start=1):
            sheet.write_string(r, 0, str(ch["channel_label"]))
            sheet.write_string(r, 1, str(ch["channel"]))
            self.count(sheet, r, 2, int(ch["count"]))
        if self.data.channels:
            n = len(self.data.channels)
            chart = self.wb.add_chart({"type": "column"})
            chart.add_series({"name": "Henvendelser", "categories": [CHANNELS, 1, 0, n, 0],
                              "values": [CHANNELS, 1, 2, n, 2], "fill": {"color": "#2E75B6"}})
            chart.set_title({"name": "Henvendelser pr. kanal"})
            chart.set_legend({"none": True})
            sheet.insert_chart(1, 4, chart)

    def shares(self) -> None:
        headers = ["Ærinde", "Kode", "Digitale ansøgninger", "Transaktioner i skranken",
                   "Heraf gennemført digitalt", "Selvbetjeningsandel", "Digital andel", "Mål"]
        sheet = self.table(SHARES, headers, [40, 18, 14, 14, 14, 14, 12, 8])
        sheet.set_row(0, 45)
        rows = [r for r in self.data.shares if r["has_digital"]]
        for r, s in enumerate(rows, start=1):
            counter = int(s["counter_transactions"])
            sheet.write_string(r, 0, str(s["errand_label"]))
            sheet.write_string(r, 1, str(s["errand"]))
            sheet.write_number(r, 2, int(s["digital"]))
            self.count(sheet, r, 3, counter)
            self.count(sheet, r, 4, int(s["completed_digitally"]))
            if not is_suppressed(counter, self.min_count):
                for col, key in ((5, "self_service_share"), (6, "digital_share")):
                    if s[key] is not None:
                        sheet.write_number(r, col, float(s[key]), self.pct)  # type: ignore[arg-type]
            sheet.write_number(r, 7, GOAL, self.pct)
        if rows:
            n = len(rows)
            # Columns, not bars: Excel draws a combined line only across a vertical value axis,
            # and the 80 % goal is a line series so it shows where each errand stands.
            chart = self.wb.add_chart({"type": "column"})
            chart.add_series({"name": "Digital andel", "categories": [SHARES, 1, 0, n, 0],
                              "values": [SHARES, 1, 6, n, 6], "fill": {"color": "#2E75B6"}})
            chart.add_series({"name": "Selvbetjeningsandel", "categories": [SHARES, 1, 0, n, 0],
                              "values": [SHARES, 1, 5, n, 5], "fill": {"color": "#9DC3E6"}})
            goal = self.wb.add_chart({"type": "line"})
            goal.add_series({"name": GOAL_SERIES, "categories": [SHARES, 1, 0, n, 0],
                             "values": [SHARES, 1, 7, n, 7],
                             "line": {"color": "#C00000", "width": 2.25, "dash_type": "dash"},
                             "marker": {"type": "none"} if n > 1 else {"type": "dash", "size": 12}})
            chart.combine(goal)
            chart.set_title({"name": "Digital andel pr. ærinde mod målet på 80 %"})
            chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%",
                              "major_gridlines": {"visible": True}})
            chart.set_x_axis({"num_font": {"rotation": -45}})
            chart.set_legend({"position": "bottom"})
            chart.set_size({"width": max(640, 48 * n + 160), "height": 460})
            sheet.insert_chart(1, 9, chart)
        weekly = self.wb.add_worksheet(f"{SHARES} pr. uge")
        for col, (text, width) in enumerate(zip(["Uge", *headers], [10, 40, 18, 14, 14, 14, 14, 12, 8],
                                                strict=True)):
            weekly.write_string(0, col, text, self.head)
            weekly.set_column(col, col, width)
        weekly.set_row(0, 45)
        weekly.freeze_panes(1, 2)
        for r, s in enumerate(self.data.weekly_shares, start=1):
            counter = int(s["counter_transactions"])
            weekly.write_string(r, 0, str(s["week"]))
            weekly.write_string(r, 1, str(s["errand_label"]))
            weekly.write_string(r, 2, str(s["errand"]))
            weekly.write_number(r, 3, int(s["digital"]))
            self.count(weekly, r, 4, counter)
            self.count(weekly, r, 5, int(s["completed_digitally"]))
            if not is_suppressed(counter, self.min_count):
                for col, key in ((6, "self_service_share"), (7, "digital_share")):
                    if s[key] is not None:
                        weekly.write_number(r, col, float(s[key]), self.pct)  # type: ignore[arg-type]
            weekly.write_number(r, 8, GOAL, self.pct)

    def friction(self) -> None:
        sheet = self.table(FRICTION, ["Ærinde", "Trin", "Gået i stå", "Forhindringer"], [36, 50, 12, 70])
        for r, f in enumerate(self.data.friction, start=1):
            sheet.write_string(r, 0, str(f["errand_label"]))
            sheet.write_string(r, 1, str(f["step_label"]))
            self.count(sheet, r, 2, int(f["count"]))
            blockers = "; ".join(f"{label or 'ingen angivet'} ({suppress(n, self.min_count)})"
                                 for _, label, n in f["blockers"])  # type: ignore[attr-defined]
            sheet.write_string(r, 3, blockers)

    def hours(self) -> None:
        hours = sorted({h for _, h in self.data.hours} | set(range(8, 17)))
        sheet = self.table(HOURS, ["Ugedag", *[f"{h:02d}-{h + 1:02d}" for h in hours], "I alt"],
                           [12, *([8] * len(hours)), 10])
        days = sorted({d for d, _ in self.data.hours} | set(range(1, 6)))
        for r, day in enumerate(days, start=1):
            sheet.write_string(r, 0, WEEKDAYS[day - 1])
            for c, hour in enumerate(hours, start=1):
                self.count(sheet, r, c, self.data.hours.get((day, hour), 0))
            self.count(sheet, r, len(hours) + 1, sum(v for (d, _), v in self.data.hours.items() if d == day))
        scale = {"type": "2_color_scale", "min_color": "#FFFFFF", "max_color": "#2E75B6"}
        sheet.conditional_format(1, 1, len(days), len(hours), scale)
        total_row = len(days) + 1
        sheet.write_string(total_row, 0, "I alt", self.bold)
        for c, hour in enumerate(hours, start=1):
            self.count(sheet, total_row, c, sum(v for (_, h), v in self.data.hours.items() if h == hour))
        chart = self.wb.add_chart({"type": "column"})
        chart.add_series({"name": "Henvendelser", "categories": [HOURS, 0, 1, 0, len(hours)],
                          "values": [HOURS, total_row, 1, total_row, len(hours)],
                          "fill": {"color": "#1F4E79"}})
        chart.set_title({"name": "Henvendelser pr. time"})
        chart.set_legend({"none": True})
        sheet.insert_chart(total_row + 2, 1, chart)

    def finish(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()


def build(data: ReportData, catalog: Catalog, min_count: int = 0,
          sheets: tuple[str, ...] = ALL_SHEETS) -> bytes:
    book = _Book(data, catalog, min_count)
    if SUMMARY in sheets:
        book.summary()
    if REASONS in sheets:
        book.pivot(REASONS, data.reasons, "reasons")
    if OUTCOMES in sheets:
        book.pivot(OUTCOMES, data.outcomes, "outcomes")
    if CHANNELS in sheets:
        book.channels()
    if SHARES in sheets:
        book.shares()
    if FRICTION in sheets:
        book.friction()
    if HOURS in sheets:
        book.hours()
    return book.finish()


def export(journal: Journal, catalog: Catalog, span: list[str], out: Path | str, **options: object) -> int:
    query = make_query(span, options)
    min_count = min_count_of(options)
    data = collect(journal, catalog, query, str(options.get("municipality") or ""), friction_top=None)
    content = build(data, catalog, min_count)
    with atomic_output(out, "wb") as handle:
        handle.write(content)
    return int(data.totals["visits"])


def export_shares(journal: Journal, catalog: Catalog, span: list[str], out: Path | str,
                  **options: object) -> int:
    query = make_query(span, options)
    data = collect(journal, catalog, query, str(options.get("municipality") or ""))
    content = build(data, catalog, min_count_of(options), (SHARES,))
    with atomic_output(out, "wb") as handle:
        handle.write(content)
    return len(data.weekly_shares)
