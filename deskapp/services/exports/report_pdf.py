"""The manager's PDF report: cover with totals and change, tables, bar charts, shares
against the 80 % goal, friction points and an hour × weekday view. DejaVu Sans embedded."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from deskapp import APP_NAME
from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output, charts, fonts, pdf_cells
from deskapp.services.exports.report_data import (
    WEEKDAYS,
    Pivot,
    ReportData,
    collect,
    is_suppressed,
    make_query,
    min_count_of,
    pct,
    suppress,
)
from deskapp.services.journal import Journal
from deskapp.services.tallies import GOAL, change

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
BODY_W = PAGE_W - 2 * MARGIN
WIDE_W = PAGE_H - 2 * MARGIN  # body width of a landscape page
BLUE = colors.HexColor("#1F4E79")
PALE = colors.HexColor("#EAF1F8")
GRID = colors.HexColor("#BFBFBF")


# Header cells sized by pdf_cells assume this padding.
_HEAD_PADDING = [("LEFTPADDING", (0, 0), (-1, 0), pdf_cells.PADDING),
                 ("RIGHTPADDING", (0, 0), (-1, 0), pdf_cells.PADDING)]


class _Styles:
    def __init__(self) -> None:
        f, b = fonts.REGULAR, fonts.BOLD
        self.body = ParagraphStyle("body", fontName=f, fontSize=9, leading=12)
        self.small = ParagraphStyle("small", fontName=f, fontSize=7.5, leading=9.5)
        self.small_bold = ParagraphStyle("smallb", fontName=b, fontSize=7.5, leading=9.5)
        self.head_cell = ParagraphStyle("headcell", fontName=b, fontSize=7, leading=8.5,
                                        textColor=colors.white)
        self.num = ParagraphStyle("num", parent=self.small, alignment=TA_RIGHT)
        self.h1 = ParagraphStyle("h1", fontName=b, fontSize=15, leading=19, textColor=BLUE,
                                 spaceBefore=4, spaceAfter=8)
        self.h2 = ParagraphStyle("h2", fontName=b, fontSize=11.5, leading=15, textColor=BLUE,
                                 spaceBefore=10, spaceAfter=5)
        self.title = ParagraphStyle("title", fontName=b, fontSize=28, leading=34, textColor=BLUE)
        self.subtitle = ParagraphStyle("subtitle", fontName=f, fontSize=15, leading=20)
        self.cover = ParagraphStyle("cover", fontName=f, fontSize=11, leading=16)
        self.note = ParagraphStyle("note", fontName=f, fontSize=7.5, leading=10, textColor=colors.grey)


def _table(rows: list[list[object]], widths: list[float], numeric_from: int = 1,
           zebra: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8),
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, 8),
        ("BACKGROUND", (0, 0), (-1, 0), BLUE),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if zebra:
        style += [("BACKGROUND", (0, r), (-1, r), PALE) for r in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    return table


class _Report:
    def __init__(self, data: ReportData, catalog: Catalog, min_count: int, generated: datetime):
        fonts.register()
        self.data = data
        self.catalog = catalog
        self.min_count = min_count
        self.generated = generated
        self.s = _Styles()
        self.story: list[object] = []

    def n(self, value: int) -> str:
        shown = suppress(value, self.min_count)
        return shown if isinstance(shown, str) else f"{shown:,}".replace(",", ".")

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(safe, style or self.s.small)

    # --- page decoration ------------------------------------------------------------------

    def on_cover(self, canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFillColor(BLUE)
        canvas.rect(0, PAGE_H - 62 * mm, PAGE_W, 62 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(fonts.BOLD, 12)
        canvas.drawString(MARGIN, PAGE_H - 20 * mm, APP_NAME.upper() + "  ·  BORGERSERVICE")
        canvas.setFont(fonts.BOLD, 26)
        canvas.drawString(MARGIN, PAGE_H - 38 * mm, "Kanalopgørelse")
        canvas.setFont(fonts.REGULAR, 14)
        canvas.drawString(MARGIN, PAGE_H - 48 * mm, self.data.municipality or "Borgerservice")
        self.footer(canvas)
        canvas.restoreState()

    def on_page(self, canvas: Canvas, _doc: object) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setStrokeColor(BLUE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, height - 12 * mm, width - MARGIN, height - 12 * mm)
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(colors.grey)
        title = f"Kanalopgørelse · {self.data.municipality or 'Borgerservice'} · {self.data.period_text}"
        canvas.drawString(MARGIN, height - 10.5 * mm, title)
        self.footer(canvas)
        canvas.restoreState()

    def footer(self, canvas: Canvas) -> None:
        width = canvas._pagesize[0]
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 10 * mm, f"Dannet {self.generated:%d.%m.%Y %H:%M} af {APP_NAME}")
        canvas.drawRightString(width - MARGIN, 10 * mm, f"Side {canvas.getPageNumber()}")

    # --- sections -------------------------------------------------------------------------

    def snapshot_ages(self, snapshots: dict[str, str]) -> str:
        """Each merged desk with the age of its snapshot; a week or older is flagged."""
        parts = []
        for desk, taken in snapshots.items():
            moment = weeks.parse_stamp(taken)
            days = (weeks.now_utc() - moment).days
            flag = " – ældre end en uge!" if days >= 7 else ""
            parts.append(f"{desk}: {weeks.local(moment):%d.%m.%Y %H:%M} ({days} dage){flag}")
        return "; ".join(parts)

    def cover(self) -> None:
        d, s = self.data, self.s
        self.story += [Spacer(1, 52 * mm), self.p(f"Uge {d.period_text}", s.subtitle), Spacer(1, 4 * mm)]
        weeks_count = len(d.query.span)
        prev = d.query.previous()
        facts = [
            ["Periode", f"{weeks_count} uge{'r' if weeks_count > 1 else ''}: {d.period_text}"],
            ["Sammenlignet med", f"{prev.first} – {prev.last}" if prev.first != prev.last else prev.first],
            ["Skranker", ", ".join(d.desks) or "ingen registreringer"],
            ["Katalog", f"{self.catalog.name} {self.catalog.version}".strip()],
        ]
        if d.snapshots:
            facts.append(["Øjebliksbilleder", self.snapshot_ages(d.snapshots)])
        if self.min_count > 1:
            facts.append(["Diskretion", f"Antal under {self.min_count} vises som <{self.min_count}"])
        current = weeks.this_week(self.generated.date())
        if d.query.first <= current <= str(d.query.last):
            facts.append(["Bemærk", f"Uge {current} er ikke slut endnu; tallene for den er foreløbige."])
        facts_table = Table([[self.p(a, s.small_bold), self.p(b, s.body)] for a, b in facts],
                            colWidths=[38 * mm, BODY_W - 38 * mm])
        facts_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        self.story += [facts_table, Spacer(1, 8 * mm), self.p("Nøgletal", s.h2), self.totals_table()]
        points = self.key_points()
        if points:
            self.story += [Spacer(1, 4 * mm), self.p("Hovedpunkter", s.h2)]
            self.story += [Paragraph(text, s.body, bulletText="•") for text in points]
        self.story += [Spacer(1, 6 * mm), self.p(
            "Selvbetjeningsandel = digitale ansøgninger / (digitale ansøgninger + transaktioner i "
            "skranken). Digital andel = (digitale ansøgninger + transaktioner i skranken gennemført "
            "i den digitale løsning) / (digitale ansøgninger + transaktioner i skranken). Andelene "
            "omfatter ærinder med en digital løsning. Målet er 80 %. Fortrudte besøg tælles ikke; "
            "rettede besøg tælles én gang med de rettede værdier.", s.note)]
        self.story.append(PageBreak())

    def key_points(self) -> list[str]:
        """Three to four sentences a manager reads first (escaped for Paragraph markup)."""
        d = self.data
        esc = self.escape
        points = []
        top = [e for e in d.errands if not is_suppressed(int(e["count"]), self.min_count)][:3]
        if top:
            points.append("<b>Flest henvendelser:</b> " + ", ".join(
                f"{esc(str(e['errand_label']))} ({esc(self.n(int(e['count'])))})" for e in top) + ".")
        total = int(d.totals["visits"] or 0)
        if d.channels and total:
            points.append("<b>Kanaler:</b> " + ", ".join(
                f"{esc(str(c['channel_label']))} {int(c['count']) * 100 / total:.0f} %"
                for c in sorted(d.channels, key=lambda c: -int(c["count"]))) + ".")
        below = [r for r in d.shares if r["has_digital"] and r["digital_share"] is not None
                 and float(r["digital_share"]) < GOAL  # type: ignore[arg-type]
                 and not is_suppressed(int(r["counter_transactions"]), self.min_count)]
        below.sort(key=lambda r: float(r["digital_share"]))  # type: ignore[arg-type]
        if below:
            points.append("<b>Under målet på 80 %:</b> " + ", ".join(
                f"{esc(str(r['errand_label']))} ({pct(r['digital_share'])})" for r in below[:4]) + ".")
        elif any(r["has_digital"] and r["digital_share"] is not None for r in d.shares):
            points.append("<b>Digital andel:</b> alle ærinder med en digital løsning når målet på 80 %.")
        if d.friction:
            f = d.friction[0]
            points.append(f"<b>Største friktionspunkt:</b> {esc(str(f['errand_label']))}, trinnet "
                          f"»{esc(str(f['step_label']))}« ({esc(self.n(int(f['count'])))} gange gået i stå).")
        return points

    @staticmethod
    def escape(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def totals_table(self) -> Table:
        d = self.data
        rows: list[list[object]] = [["", "Perioden", "Forrige periode", "Ændring"]]
        for text, key in (("Henvendelser i alt", "visits"), ("Transaktioner", "transactions"),
                          ("Informationshenvendelser", "information"), ("Fejlhenvendelser", "error_contacts"),
                          ("Digitale ansøgninger (importeret)", "digital")):
            now, before = int(d.totals[key] or 0), int(d.previous[key] or 0)
            moved = change(now, before)
            rows.append([text, self.n(now), self.n(before),
                         "" if moved is None else f"{moved * 100:+.0f} %".replace("-", "−")])
        for text, key in (("Selvbetjeningsandel", "self_service_share"), ("Digital andel", "digital_share")):
            now_share, before_share = d.totals[key], d.previous[key]
            points = ("" if now_share is None or before_share is None
                      else f"{(float(now_share) - float(before_share)) * 100:+.0f} point".replace("-", "−"))  # type: ignore[arg-type]
            rows.append([text, pct(now_share), pct(before_share), points])
        rows.append(["Gennemsnitlig varighed", minutes(d.totals["avg_duration_s"]),
                     minutes(d.previous["avg_duration_s"]), ""])
        table = _table(rows, [70 * mm, 33 * mm, 33 * mm, BODY_W - 136 * mm])
        table.setStyle(TableStyle([("FONT", (0, 1), (-1, 1), fonts.BOLD, 9)]))
        return table

    def errands(self) -> None:
        d, s = self.data, self.s
        self.story.append(self.p("Hvorfor kommer borgerne?", s.h1))
        top = [e for e in d.errands if not is_suppressed(int(e["count"]), self.min_count)][:15]
        if top:
            self.story.append(charts.horizontal_bars([str(e["errand_label"]) for e in top],
                                                     [int(e["count"]) for e in top], BODY_W,
                                                     "Ærinder med flest henvendelser"))
        channel_labels = [str(c["channel_label"]) for c in d.channels]
        channel_values = [0 if is_suppressed(int(c["count"]), self.min_count) else int(c["count"])
                          for c in d.channels]
        weekly_labels = [str(w["week"]).split("-")[1] for w in d.weekly]
        weekly_values = [int(w["count"]) for w in d.weekly]
        pair = Table([[charts.horizontal_bars(channel_labels, channel_values, BODY_W / 2 - 6,
                                              "Henvendelser pr. kanal", label_width=88, row=26),
                       charts.vertical_bars(weekly_labels, weekly_values, BODY_W / 2 - 6, 170,
                                            "Henvendelser pr. uge")]],
                     colWidths=[BODY_W / 2, BODY_W / 2])
        pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        self.story += [Spacer(1, 4 * mm), pair]
        self.story.append(self.p("Ærinder, hyppigste årsag og resultat", s.h2))
        rows: list[list[object]] = [["Ærinde", "Antal", "Hyppigste årsag", "Hyppigste resultat"]]
        for e in d.errands:
            code = str(e["errand"])
            rows.append([self.p(str(e["errand_label"])), self.n(int(e["count"])),
                         self.p(self.top_of(d.reasons, code, "reasons")),
                         self.p(self.top_of(d.outcomes, code, "outcomes"))])
        self.story.append(_table(rows, [55 * mm, 14 * mm, 54 * mm, BODY_W - 123 * mm]))
        self.story[-1].setStyle(TableStyle([("ALIGN", (2, 1), (-1, -1), "LEFT")]))

    def top_of(self, pivot: Pivot, errand: str, kind: str) -> str:
        counts = [(pivot.cells.get((errand, c), 0), c) for c in pivot.columns]
        counts = [x for x in counts if x[0]]
        if not counts:
            return ""
        value, code = max(counts, key=lambda x: x[0])
        total = sum(v for v, _ in counts)
        return f"{self.catalog.label(kind, code) or '(ingen)'} ({value * 100 // total} %)"

    def pivot(self, title: str, pivot: Pivot, kind: str) -> None:
        """Every errand (the table continues on the next page under the same header) and a total row."""
        s = self.s
        columns = pivot.columns
        first_w, total_w = 52 * mm, 14 * mm
        cell_w = (WIDE_W - first_w - total_w) / max(len(columns), 1)
        widths = [first_w, *([cell_w] * len(columns)), total_w]
        texts = ["Ærinde", *[self.catalog.label(kind, c) or "(ingen)" for c in columns], "I alt"]
        rows: list[list[object]] = [list(pdf_cells.header_cells(texts, widths, s.head_cell))]
        for errand in pivot.errands:
            values = [pivot.cells.get((errand, c), 0) for c in columns]
            rows.append([self.p(self.catalog.label("errands", errand)),
                         *[self.n(v) if v else "·" for v in values], self.n(sum(values))])
        totals = [pivot.totals.get(c, 0) for c in columns]
        rows.append(["I alt", *[self.n(v) if v else "·" for v in totals], self.n(sum(totals))])
        table = _table(rows, widths)
        table.setStyle(TableStyle([("FONT", (1, 1), (-1, -1), fonts.REGULAR, 7.5),
                                   ("FONT", (0, -1), (-1, -1), fonts.BOLD, 7.5),
                                   ("LINEABOVE", (0, -1), (-1, -1), 0.8, BLUE),
                                   ("VALIGN", (0, 0), (-1, 0), "BOTTOM"), *_HEAD_PADDING]))
        self.story += [self.p(title, s.h1), table]

    def shares(self) -> None:
        d, s = self.data, self.s
        rows = [r for r in d.shares if r["has_digital"] and r["digital_share"] is not None
                and not is_suppressed(int(r["counter_transactions"]), self.min_count)]
        self.story += [PageBreak(), self.p("Digital andel mod målet på 80 %", s.h1)]
        if not rows:
            self.story.append(self.p("Ingen digitale tal for perioden. Importér dem med "
                                     "'deskapp import-digital'.", s.body))
            return
        shown = rows[:18]
        self.story.append(charts.share_bars(
            [str(r["errand_label"]) for r in shown],
            [float(r["digital_share"]) * 100 for r in shown],  # type: ignore[arg-type]
            [float(r["self_service_share"]) * 100 for r in shown],  # type: ignore[arg-type]
            BODY_W, GOAL, "Digital andel og selvbetjeningsandel pr. ærinde"))
        widths = [46 * mm, 22 * mm, 23 * mm, 17 * mm, 26 * mm, 17 * mm, BODY_W - 151 * mm]
        texts = ["Ærinde", "Digitale ansøgninger", "Transaktioner i skranken", "Heraf digitalt",
                 f"Selvbetjenings{pdf_cells.SHY}andel", "Digital andel", "Mod mål"]
        table_rows: list[list[object]] = [list(pdf_cells.header_cells(texts, widths, s.head_cell))]
        for r in rows:
            share = float(r["digital_share"])  # type: ignore[arg-type]
            table_rows.append([
                self.p(str(r["errand_label"])), self.n(int(r["digital"])),
                self.n(int(r["counter_transactions"])), self.n(int(r["completed_digitally"])),
                pct(r["self_service_share"]), pct(share),
                "nået" if share >= GOAL else f"{(share - GOAL) * 100:.0f} point".replace("-", "−"),
            ])
        table = _table(table_rows, widths)
        marks = [("TEXTCOLOR", (6, i), (6, i), charts.GOAL_RED) for i, r in enumerate(rows, start=1)
                 if float(r["digital_share"]) < GOAL]  # type: ignore[arg-type]
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, 0), "BOTTOM"), *_HEAD_PADDING, *marks]))
        self.story += [Spacer(1, 3 * mm), table]

    def friction(self) -> None:
        d, s = self.data, self.s
        self.story += [CondPageBreak(80 * mm), self.p("Friktionspunkter: hvor borgerne går i stå", s.h1)]
        if not d.friction:
            self.story.append(self.p("Ingen trin er markeret som 'gået i stå' i perioden.", s.body))
            return
        rows: list[list[object]] = [["Ærinde", "Trin", "Gået i stå", "Forhindringer"]]
        for f in d.friction:
            blockers = ", ".join(f"{label or 'ingen angivet'} ({self.n(n)})"
                                 for _, label, n in f["blockers"][:4])  # type: ignore[index]
            rows.append([self.p(str(f["errand_label"])), self.p(str(f["step_label"])),
                         self.n(int(f["count"])), self.p(blockers)])
        table = _table(rows, [38 * mm, 55 * mm, 17 * mm, BODY_W - 110 * mm], numeric_from=2)
        table.setStyle(TableStyle([("ALIGN", (3, 1), (3, -1), "LEFT")]))
        self.story.append(table)

    def hours(self) -> None:
        d, s = self.data, self.s
        hours = sorted({h for _, h in d.hours} | set(range(8, 16)))
        days = sorted({day for day, _ in d.hours} | set(range(1, 6)))
        top = max(d.hours.values() or [1])
        rows: list[list[object]] = [["", *[f"{h:02d}" for h in hours], "I alt"]]
        style = []
        for r, day in enumerate(days, start=1):
            values = [d.hours.get((day, h), 0) for h in hours]
            rows.append([WEEKDAYS[day - 1], *[self.n(v) if v else "" for v in values], self.n(sum(values))])
            for c, v in enumerate(values, start=1):
                if v:
                    shade = colors.Color(0.12, 0.31, 0.47, alpha=0.12 + 0.75 * v / top)
                    style.append(("BACKGROUND", (c, r), (c, r), shade))
                    if v / top > 0.55:
                        style.append(("TEXTCOLOR", (c, r), (c, r), colors.white))
        cell = (BODY_W - 22 * mm - 14 * mm) / len(hours)
        table = _table(rows, [22 * mm, *([cell] * len(hours)), 14 * mm], zebra=False)
        table.setStyle(TableStyle([*style, ("ALIGN", (1, 0), (-1, 0), "CENTER")]))
        self.story += [KeepTogether([self.p("Hvornår kommer borgerne? (ugedag × klokkeslæt)", s.h2), table])]

    def build(self) -> bytes:
        self.cover()
        self.errands()
        self.shares()
        self.friction()
        self.hours()
        self.story += [NextPageTemplate("wide"), PageBreak()]
        self.pivot("Ærinder × årsager til fremmøde", self.data.reasons, "reasons")
        self.story.append(PageBreak())
        self.pivot("Ærinder × resultater", self.data.outcomes, "outcomes")
        buffer = io.BytesIO()
        title = f"Kanalopgørelse {self.data.municipality} {self.data.query.first}–{self.data.query.last}"
        doc = BaseDocTemplate(buffer, pagesize=A4, title=" ".join(title.split()), author=APP_NAME,
                              creator=APP_NAME)
        wide_w, wide_h = landscape(A4)

        def frame(width: float, height: float) -> Frame:
            return Frame(MARGIN, 16 * mm, width - 2 * MARGIN, height - 34 * mm, leftPadding=0,
                         rightPadding=0, topPadding=0, bottomPadding=0)

        doc.addPageTemplates([
            PageTemplate("cover", [frame(PAGE_W, PAGE_H)], onPage=self.on_cover, autoNextPageTemplate="body"),
            PageTemplate("body", [frame(PAGE_W, PAGE_H)], onPage=self.on_page),
            PageTemplate("wide", [frame(wide_w, wide_h)], onPage=self.on_page, pagesize=landscape(A4)),
        ])
        doc.build(self.story)
        return buffer.getvalue()


def build(data: ReportData, catalog: Catalog, min_count: int = 0, generated: datetime | None = None) -> bytes:
    when = generated or weeks.local(weeks.now_utc())
    return _Report(data, catalog, min_count, when).build()


def export(journal: Journal, catalog: Catalog, span: list[str], out: Path | str, **options: object) -> int:
    query = make_query(span, options)
    data = collect(journal, catalog, query, str(options.get("municipality") or ""))
    content = build(data, catalog, min_count_of(options))
    with atomic_output(out, "wb") as handle:
        handle.write(content)
    return int(data.totals["visits"])


def minutes(seconds: object) -> str:
    """A duration in minutes with a Danish decimal comma ("8,7 min"); blank when unknown."""
    return "" if seconds is None else f"{float(seconds) / 60:.1f} min".replace(".", ",")  # type: ignore[arg-type]
