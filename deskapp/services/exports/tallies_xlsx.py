"""Tallies as an Excel workbook: one sheet per view, frozen headers, native Excel charts,
printable (landscape, one page wide, header rows repeated, each chart on a page of its own
below its table), and every share a real percentage cell."""

from __future__ import annotations

import io

import xlsxwriter
from xlsxwriter.chart import Chart
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from deskapp.services import reference
from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output, friction_sheets
from deskapp.services.exports.cells import SafeText
from deskapp.services.exports.friction_sheets import FRICTION, OTHER_TEXTS
from deskapp.services.exports.print_setup import print_setup
from deskapp.services.exports.report_data import WEEKDAYS, Pivot, ReportData, collect, errand_name
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal
from deskapp.services.percentages import GOAL, change
from deskapp.services.tallies import Row

SUMMARY, REASONS, OUTCOMES, CHANNELS, SHARES, TREND, HOURS = (
    "Oversigt", "Ærinder × årsager", "Ærinder × resultater", "Kanaler", "Andele", "Udvikling", "Timer",
)
WEEKLY_SHARES = f"{SHARES} pr. uge"
ALL_SHEETS = (SUMMARY, REASONS, OUTCOMES, CHANNELS, SHARES, TREND, FRICTION, OTHER_TEXTS, HOURS)
GOAL_SERIES = f"Mål {GOAL * 100:.0f} %"  # the goal line in the shares chart
ROW_PX = 20  # a row's height in pixels (15 points)
TREND_ERRANDS = 8  # lines in the trend chart: more cannot be told apart


class _Book:
    def __init__(self, data: ReportData, catalog: Catalog):
        self.data = data
        self.catalog = catalog
        self.buffer = io.BytesIO()
        self.wb: Workbook = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.text = SafeText(self.wb)
        self.head = self.wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white",
                                        "text_wrap": True, "valign": "top", "border": 1})
        self.title = self.wb.add_format({"bold": True, "font_size": 14})
        self.bold = self.wb.add_format({"bold": True})
        self.pct = self.wb.add_format({"num_format": "0%"})
        self.num = self.wb.add_format({"num_format": "0"})
        self.right = self.wb.add_format({"align": "right"})
        self.breaks: dict[str, list[int]] = {}

    def count(self, sheet: Worksheet, row: int, col: int, value: int, *key: object) -> None:
        shown = self.data.show(value, *key) if key else value
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
        print_setup(sheet, header_rows=1, title=name, first_row=header_row)
        return sheet

    def chart_below(self, sheet: Worksheet, chart: Chart, last_row: int, width: int, height: int) -> None:
        """Put the chart on a new printed page below the table, never taller than a page, so
        no page break cuts it."""
        at = last_row + 2
        breaks = self.breaks.setdefault(sheet.name, [])
        breaks.append(at)
        sheet.set_h_pagebreaks(breaks)
        chart.set_size({"width": width, "height": min(height, 26 * ROW_PX)})
        sheet.insert_chart(at, 0, chart)

    # --- sheets ---------------------------------------------------------------------------

    def summary(self) -> None:
        d = self.data
        sheet = self.wb.add_worksheet(SUMMARY)
        print_setup(sheet, header_rows=1, title=SUMMARY, first_row=4)
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, 3, 16)
        self.text.write(sheet, 0, 0, f"Kanalopgørelse {d.municipality}".strip(), self.title)
        sheet.write_string(1, 0, f"Periode: {d.period_text}")
        self.text.write(sheet, 2, 0, f"Skranker: {', '.join(d.desks) or '–'}")
        if d.min_count > 1:
            sheet.write_string(3, 0, f"Diskretion: antal under {d.min_count} vises som <{d.min_count}; "
                                     "x er skjult, så et lille tal ikke kan regnes ud")
        for col, text in enumerate(["Nøgletal", "Perioden", "Forrige periode", "Ændring"]):
            sheet.write_string(4, col, text, self.head)
        sheet.freeze_panes(5, 0)
        lines = [("Henvendelser i alt", "visits"), ("Transaktioner", "transactions"),
                 ("Informationshenvendelser", "information"), ("Fejlhenvendelser", "error_contacts"),
                 ("Digitale ansøgninger (importeret)", "digital")]
        row = 5
        for text, key in lines:
            now, before = int(d.totals[key] or 0), int(d.previous[key] or 0)
            sheet.write_string(row, 0, text)
            hidden = key != "digital" and (d.is_hidden(key) or d.is_hidden("prev", key))
            self.count(sheet, row, 1, now, *((key,) if key != "digital" else ()))
            self.count(sheet, row, 2, before, *(("prev", key) if key != "digital" else ()))
            moved = change(now, before)
            if moved is not None and not hidden:  # a change would give a hidden count away
                sheet.write_number(row, 3, moved, self.pct)
            row += 1
        for text, key in (("Selvbetjeningsandel", "self_service_share"), ("Digital andel", "digital_share")):
            sheet.write_string(row, 0, text)
            if not d.total_shares_hidden:
                for col, source in ((1, d.totals), (2, d.previous)):
                    if source[key] is not None:
                        sheet.write_number(row, col, float(source[key]), self.pct)
            row += 1
        sheet.write_string(row, 0, "Mål for digital andel")
        sheet.write_number(row, 1, GOAL, self.pct)
        row += 2
        start = row
        sheet.write_string(row, 0, "Ærinde", self.head)
        sheet.write_string(row, 1, "Henvendelser", self.head)
        for e in d.errands:
            row += 1
            self.text.write(sheet, row, 0, str(e["errand_label"]))
            self.count(sheet, row, 1, int(e["count"]), "errand", e["errand"])
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
            self.chart_below(sheet, chart, row, 620, 420)

    def pivot(self, name: str, pivot: Pivot, kind: str) -> None:
        labels = [self.catalog.label(kind, c) or "(ingen)" for c in pivot.columns]
        sheet = self.table(name, ["Ærinde", "Kode", *labels, "I alt"],
                           [40, 18, *([14] * len(labels)), 10])
        sheet.set_row(0, 45)
        dim = kind[:-1]  # reasons -> reason
        for r, errand in enumerate(pivot.errands, start=1):
            self.text.write(sheet, r, 0, errand_name(self.catalog, errand))
            self.text.write(sheet, r, 1, errand)
            total = 0
            for c, code in enumerate(pivot.columns, start=2):
                value = pivot.cells.get((errand, code), 0)
                total += value
                self.count(sheet, r, c, value, dim, errand, code)
            self.count(sheet, r, len(pivot.columns) + 2, total, "errand", errand)
        total_row = len(pivot.errands) + 1
        sheet.write_string(total_row, 0, "I alt", self.bold)
        for c, code in enumerate(pivot.columns, start=2):
            self.count(sheet, total_row, c, pivot.totals.get(code, 0), f"{dim}_total", code)
        self.count(sheet, total_row, len(pivot.columns) + 2, sum(pivot.totals.values()), "visits")
        sheet.autofilter(0, 0, len(pivot.errands), len(pivot.columns) + 2)

    def channels(self) -> None:
        d = self.data
        sheet = self.table(CHANNELS, ["Kanal", "Kode", "Henvendelser", "Borgere", "Heraf bestilt tid"],
                           [28, 16, 14, 12, 14])
        for r, ch in enumerate(d.channels, start=1):
            self.text.write(sheet, r, 0, str(ch["channel_label"]))
            self.text.write(sheet, r, 1, str(ch["channel"]))
            self.count(sheet, r, 2, int(ch["count"]), "channel", ch["channel"])
            if not d.is_hidden("channel", ch["channel"]):  # citizens and booked are parts of it
                self.count(sheet, r, 3, int(ch["citizens"]), "citizens", ch["channel"])
                self.count(sheet, r, 4, int(ch["booked"]), "booked", ch["channel"])
        if d.channels:
            n = len(d.channels)
            chart = self.wb.add_chart({"type": "column"})
            chart.add_series({"name": "Henvendelser", "categories": [CHANNELS, 1, 0, n, 0],
                              "values": [CHANNELS, 1, 2, n, 2], "fill": {"color": "#2E75B6"}})
            chart.set_title({"name": "Henvendelser pr. kanal"})
            chart.set_legend({"none": True})
            self.chart_below(sheet, chart, n, 560, 300)

    def share_cells(self, sheet: Worksheet, r: int, col: int, s: Row, weekly: bool) -> None:
        """Digital, counter, completed and the two shares from column ``col`` on."""
        d = self.data
        week = (s["week"],) if weekly else ()
        counter_key = ("wcounter" if weekly else "counter", *week, s["errand"])
        completed_key = ("wcompleted" if weekly else "completed", *week, s["errand"])
        sheet.write_number(r, col, int(s["digital"]))
        self.count(sheet, r, col + 1, int(s["counter_transactions"]), *counter_key)
        self.count(sheet, r, col + 2, int(s["completed_digitally"]), *completed_key)
        if not d.share_hidden(s):
            for offset, key in ((3, "self_service_share"), (4, "digital_share")):
                if s[key] is not None:
                    sheet.write_number(r, col + offset, float(s[key]), self.pct)
                else:
                    sheet.write_string(r, col + offset, "ingen digitale tal")
        sheet.write_number(r, col + 5, GOAL, self.pct)

    def shares(self) -> None:
        d = self.data
        headers = ["Ærinde", "Kode", "Digitale ansøgninger", "Transaktioner i skranken",
                   "Heraf gennemført digitalt", "Selvbetjeningsandel", "Digital andel", "Mål",
                   "Flere digitale pr. uge for at nå 80 %", "Landsplan", "Bedste kommune", "Kilde"]
        sheet = self.table(SHARES, headers, [40, 18, 14, 14, 14, 14, 12, 8, 16, 11, 12, 60])
        sheet.set_row(0, 45)
        rows = [r for r in d.shares if r["has_digital"]]
        for r, s in enumerate(rows, start=1):
            self.text.write(sheet, r, 0, str(s["errand_label"]))
            self.text.write(sheet, r, 1, str(s["errand"]))
            self.share_cells(sheet, r, 2, s, weekly=False)
            gap = d.gap(s)
            if gap is not None:
                sheet.write_number(r, 8, gap)
            refs = d.references.get(str(s["errand"]), [])
            for col, kind in ((9, "national"), (10, "best")):
                found = next((x for x in refs if x.kind == kind), None)
                if found:
                    sheet.write_number(r, col, found.share, self.pct)
            if refs:
                sheet.write_string(r, 11, reference.line(refs) + " – " + "; ".join(
                    f"{x.place}: {x.source}" for x in refs))
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
            goal.add_series({"name": "Landsplan (reference)", "categories": [SHARES, 1, 0, n, 0],
                             "values": [SHARES, 1, 9, n, 9], "line": {"none": True},
                             "marker": {"type": "diamond", "size": 8,
                                        "fill": {"color": "#404040"}, "border": {"color": "#404040"}}})
            chart.combine(goal)
            chart.set_title({"name": "Digital andel pr. ærinde mod målet på 80 %"})
            chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%",
                              "major_gridlines": {"visible": True}})
            chart.set_x_axis({"num_font": {"rotation": -45}})
            chart.set_legend({"position": "bottom"})
            self.chart_below(sheet, chart, n, max(640, 48 * n + 160), 460)
        weekly = self.table(WEEKLY_SHARES, ["Uge", *headers[:8]], [10, 40, 18, 14, 14, 14, 14, 12, 8])
        weekly.set_row(0, 45)
        weekly.freeze_panes(1, 2)
        for r, s in enumerate(d.weekly_shares, start=1):
            weekly.write_string(r, 0, str(s["week"]))
            self.text.write(weekly, r, 1, str(s["errand_label"]))
            self.text.write(weekly, r, 2, str(s["errand"]))
            self.share_cells(weekly, r, 3, s, weekly=True)

    def trend(self) -> None:
        """Weeks (rows) × the largest errands with a share (columns): the weekly digital
        share, drawn as lines against the goal."""
        d = self.data
        errands = [s for s in d.shares if s["has_digital"] and s["digital_share"] is not None
                   and not d.share_hidden(s)][:TREND_ERRANDS]
        span = d.query.span
        sheet = self.table(TREND, ["Uge", *[str(s["errand_label"]) for s in errands], GOAL_SERIES],
                           [10, *([14] * len(errands)), 9])
        sheet.set_row(0, 45)
        for r, week in enumerate(span, start=1):
            sheet.write_string(r, 0, week)
            sheet.write_number(r, len(errands) + 1, GOAL, self.pct)
        for c, s in enumerate(errands, start=1):
            for r, (_, share) in enumerate(d.trend(str(s["errand"])), start=1):
                if share is not None:
                    sheet.write_number(r, c, share, self.pct)
        if not errands:
            return
        n = len(span)
        chart = self.wb.add_chart({"type": "line"})
        for c in range(1, len(errands) + 2):
            goal = c == len(errands) + 1
            series = {"name": [TREND, 0, c], "categories": [TREND, 1, 0, n, 0],
                      "values": [TREND, 1, c, n, c], "marker": {"type": "circle", "size": 4}}
            if goal:
                series.update({"line": {"color": "#C00000", "width": 2, "dash_type": "dash"},
                               "marker": {"type": "none"}})
            chart.add_series(series)
        chart.show_blanks_as("gap")
        chart.set_title({"name": "Digital andel pr. uge"})
        chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%", "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "bottom"})
        self.chart_below(sheet, chart, n, 760, 440)

    def hours(self) -> None:
        d = self.data
        hours = sorted({h for _, h in d.hours} | set(range(8, 17)))
        sheet = self.table(HOURS, ["Ugedag", *[f"{h:02d}-{h + 1:02d}" for h in hours], "I alt"],
                           [12, *([8] * len(hours)), 10])
        days = sorted({day for day, _ in d.hours} | set(range(1, 6)))
        for r, day in enumerate(days, start=1):
            sheet.write_string(r, 0, WEEKDAYS[day - 1])
            for c, hour in enumerate(hours, start=1):
                self.count(sheet, r, c, d.hours.get((day, hour), 0), "hour", day, hour)
            self.count(sheet, r, len(hours) + 1, sum(v for (x, _), v in d.hours.items() if x == day),
                       "day", day)
        scale = {"type": "2_color_scale", "min_color": "#FFFFFF", "max_color": "#2E75B6"}
        sheet.conditional_format(1, 1, len(days), len(hours), scale)
        total_row = len(days) + 1
        sheet.write_string(total_row, 0, "I alt", self.bold)
        for c, hour in enumerate(hours, start=1):
            self.count(sheet, total_row, c, sum(v for (_, h), v in d.hours.items() if h == hour),
                       "hour_total", hour)
        self.count(sheet, total_row, len(hours) + 1, sum(d.hours.values()), "visits")
        chart = self.wb.add_chart({"type": "column"})
        chart.add_series({"name": "Henvendelser", "categories": [HOURS, 0, 1, 0, len(hours)],
                          "values": [HOURS, total_row, 1, total_row, len(hours)],
                          "fill": {"color": "#1F4E79"}})
        chart.set_title({"name": "Henvendelser pr. time"})
        chart.set_legend({"none": True})
        self.chart_below(sheet, chart, total_row, 640, 300)

    def finish(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()


def build(data: ReportData, catalog: Catalog, sheets: tuple[str, ...] = ALL_SHEETS) -> bytes:
    book = _Book(data, catalog)
    steps = {SUMMARY: book.summary, REASONS: lambda: book.pivot(REASONS, data.reasons, "reasons"),
             OUTCOMES: lambda: book.pivot(OUTCOMES, data.outcomes, "outcomes"), CHANNELS: book.channels,
             SHARES: book.shares, TREND: book.trend, FRICTION: lambda: friction_sheets.friction(book),
             OTHER_TEXTS: lambda: friction_sheets.other_texts(book), HOURS: book.hours}
    for name in ALL_SHEETS:
        if name in sheets:
            steps[name]()
    return book.finish()


def _collect(journal: Journal, catalog: Catalog, request: ExportRequest,
             friction_top: int | None) -> ReportData:
    return collect(journal, catalog, request.query, request.municipality, friction_top=friction_top,
                   min_count=request.min_count, reference_file=request.reference_file)


def export(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    data = _collect(journal, catalog, request, friction_top=None)
    content = build(data, catalog)
    with atomic_output(request.path, "wb") as handle:
        handle.write(content)
    return int(data.totals["visits"])


def export_shares(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    data = _collect(journal, catalog, request, friction_top=15)
    content = build(data, catalog, (SHARES, TREND))
    with atomic_output(request.path, "wb") as handle:
        handle.write(content)
    return len(data.weekly_shares)
