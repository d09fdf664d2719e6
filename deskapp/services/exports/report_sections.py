"""The sections of the PDF report (report_pdf builds the document): what each page says, in Danish.

Every percentage goes through ``tallies.percent`` (one rounding rule: half up), with a
non-breaking space so "43 %" never splits over two lines; differences of shares are in
"procentpoint"; an errand without imported digital counts says "ingen digitale tal".
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from deskapp.services import reference, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports import charts, fonts, pdf_cells
from deskapp.services.exports.pdf_layout import BLUE, BODY_W, HEAD_PADDING, WIDE_W, Styles, table
from deskapp.services.exports.report_data import WEEKDAYS, Pivot, ReportData, errand_name
from deskapp.services.percentages import GOAL, change, change_text, percent, points_text
from deskapp.services.tallies import Row

NBSP = "\u00a0"
NO_DIGITAL = "ingen digitale tal"
TREND_ERRANDS = 6
EMBEDDED = ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8)  # a table's own default font is Helvetica


def pct(value: object) -> str:
    return percent(None if value is None else float(value)).replace(" ", NBSP)  # type: ignore[arg-type]


def pct_safe(text: str) -> str:
    """Keep every "N %" on one line."""
    return text.replace(" %", NBSP + "%")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def minutes(seconds: object) -> str:
    """A duration in minutes with a Danish decimal comma ("8,7 min"); "–" when unknown."""
    if seconds is None:
        return "–"
    return f"{float(seconds) / 60:.1f}{NBSP}min".replace(".", ",")  # type: ignore[arg-type]


class Sections:
    def __init__(self, data: ReportData, catalog: Catalog, generated: datetime, styles: Styles):
        self.data = data
        self.catalog = catalog
        self.generated = generated
        self.s = styles
        self.out: list[object] = []

    def n(self, value: int, *key: object) -> str:
        shown = self.data.show(value, *key) if key else value
        return shown if isinstance(shown, str) else f"{shown:,}".replace(",", ".")

    def p(self, text: str, style: object = None) -> Paragraph:
        return Paragraph(escape(text), style or self.s.small)

    def story(self) -> list[object]:
        self.cover()
        self.errands()
        self.hours()
        self.shares()
        self.trends()
        self.friction()
        self.out += [NextPageTemplate("wide"), PageBreak()]
        self.pivot("Ærinder × årsager til fremmøde", self.data.reasons, "reasons")
        self.out.append(PageBreak())
        self.pivot("Ærinder × resultater", self.data.outcomes, "outcomes")
        return self.out

    # --- cover ----------------------------------------------------------------------------

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
        self.out += [Spacer(1, 52 * mm), self.p(f"Uge {d.period_text}", s.subtitle), Spacer(1, 4 * mm)]
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
        if d.min_count > 1:
            facts.append(["Diskretion", f"Antal under {d.min_count} vises som <{d.min_count}; x er skjult, "
                                        "så et lille tal ikke kan regnes ud af de andre"])
        current = weeks.this_week(self.generated.date())
        if d.query.first <= current <= str(d.query.last):
            facts.append(["Bemærk", f"Uge {current} er ikke slut endnu; tallene for den er foreløbige."])
        facts_table = Table([[self.p(a, s.small_bold), self.p(b, s.body)] for a, b in facts],
                            colWidths=[38 * mm, BODY_W - 38 * mm])
        facts_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), EMBEDDED,
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        self.out += [facts_table, Spacer(1, 8 * mm), self.p("Nøgletal", s.h2), self.totals_table()]
        points = self.key_points()
        if points:
            self.out += [Spacer(1, 4 * mm), self.p("Hovedpunkter", s.h2)]
            self.out += [Paragraph(text, s.body, bulletText="•") for text in points]
        self.out += [Spacer(1, 6 * mm), self.p(
            "Selvbetjeningsandel = digitale ansøgninger / (digitale ansøgninger + transaktioner i "
            "skranken). Digital andel = (digitale ansøgninger + transaktioner i skranken gennemført "
            "i den digitale løsning) / (digitale ansøgninger + transaktioner i skranken). Andelene "
            "omfatter ærinder med en digital løsning og importerede digitale tal. Målet er 80 %. "
            "Procenter er afrundet til hele procent (halve opad). Fortrudte besøg tælles ikke; "
            "rettede besøg tælles én gang med de rettede værdier.", s.note)]
        self.out.append(PageBreak())

    def key_points(self) -> list[str]:
        """Three to four sentences a manager reads first (escaped for Paragraph markup)."""
        d = self.data
        points = []
        top = [e for e in d.errands if not d.is_hidden("errand", e["errand"])][:3]
        if top:
            points.append("<b>Flest henvendelser:</b> " + ", ".join(
                f"{escape(str(e['errand_label']))} ({escape(self.n(int(e['count'])))})" for e in top) + ".")
        total = int(d.totals["visits"] or 0)
        channels = [c for c in d.channels if not d.is_hidden("channel", c["channel"])]
        if channels and total:
            points.append("<b>Kanaler:</b> " + ", ".join(
                f"{escape(str(c['channel_label']))} {pct(int(c['count']) / total)}"
                for c in sorted(channels, key=lambda c: -int(c["count"]))) + ".")
        shares = [r for r in d.shares if r["has_digital"] and r["digital_share"] is not None
                  and not d.share_hidden(r)]
        below = sorted((r for r in shares if float(r["digital_share"]) < GOAL),
                       key=lambda r: float(r["digital_share"]))
        if below:
            points.append("<b>Under målet på 80 %:</b> " + ", ".join(
                f"{escape(str(r['errand_label']))} ({pct(r['digital_share'])}; "
                f"{d.gap(r)} flere digitale om ugen ville nå målet)" for r in below[:3]) + ".")
        elif shares:
            points.append("<b>Digital andel:</b> alle ærinder med digitale tal når målet på 80 %.")
        if d.friction:
            f = d.friction[0]
            times = escape(self.n(int(f["count"]), "stuck", f["errand"], f["step"]))
            points.append(f"<b>Største friktionspunkt:</b> {escape(str(f['errand_label']))}, trinnet "
                          f"»{escape(str(f['step_label']))}« ({times} gange gået i stå).")
        return points

    def totals_table(self) -> Table:
        d = self.data
        rows: list[list[object]] = [["", "Perioden", "Forrige periode", "Ændring"]]
        for text, key in (("Henvendelser i alt", "visits"), ("Transaktioner", "transactions"),
                          ("Informationshenvendelser", "information"), ("Fejlhenvendelser", "error_contacts"),
                          ("Digitale ansøgninger (importeret)", "digital")):
            now, before = int(d.totals[key] or 0), int(d.previous[key] or 0)
            guarded = key != "digital"
            hidden = guarded and (d.is_hidden(key) or d.is_hidden("prev", key))
            rows.append([text, self.n(now, *((key,) if guarded else ())),
                         self.n(before, *(("prev", key) if guarded else ())),
                         "" if hidden else change_text(change(now, before))])
        for text, key in (("Selvbetjeningsandel", "self_service_share"), ("Digital andel", "digital_share")):
            now_share, before_share = d.totals[key], d.previous[key]
            if d.total_shares_hidden:
                rows.append([text, "x", "x", ""])
                continue
            rows.append([text, pct(now_share) or NO_DIGITAL, pct(before_share) or NO_DIGITAL,
                         points_text(now_share, before_share)])
        if d.totals["avg_duration_s"] is not None or d.previous["avg_duration_s"] is not None:
            rows.append(["Gennemsnitlig varighed", minutes(d.totals["avg_duration_s"]),
                         minutes(d.previous["avg_duration_s"]), ""])
        out = table(rows, [66 * mm, 33 * mm, 33 * mm, BODY_W - 132 * mm])
        out.setStyle(TableStyle([("FONT", (0, 1), (-1, 1), fonts.BOLD, 9)]))
        return out

    # --- errands --------------------------------------------------------------------------

    def errands(self) -> None:
        d, s = self.data, self.s
        self.out.append(self.p("Hvorfor kommer borgerne?", s.h1))
        top = [e for e in d.errands if not d.is_hidden("errand", e["errand"])][:15]
        if top:
            self.out.append(charts.horizontal_bars([str(e["errand_label"]) for e in top],
                                                   [int(e["count"]) for e in top], BODY_W,
                                                   "Ærinder med flest henvendelser"))
        channels = [c for c in d.channels if not d.is_hidden("channel", c["channel"])]
        weekly = [w for w in d.weekly if not d.is_hidden("week", w["week"])]
        pair = Table([[charts.horizontal_bars([str(c["channel_label"]) for c in channels],
                                              [int(c["count"]) for c in channels], BODY_W / 2 - 6,
                                              "Henvendelser pr. kanal", label_width=88, row=26),
                       charts.vertical_bars([str(w["week"]).split("-")[1] for w in weekly],
                                            [int(w["count"]) for w in weekly], BODY_W / 2 - 6, 170,
                                            "Henvendelser pr. uge")]],
                     colWidths=[BODY_W / 2, BODY_W / 2])
        pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), EMBEDDED]))
        self.out += [Spacer(1, 4 * mm), pair]
        self.out.append(self.p("Ærinder, hyppigste årsag og resultat", s.h2))
        rows: list[list[object]] = [["Ærinde", "Antal", "Hyppigste årsag", "Hyppigste resultat"]]
        for e in d.errands:
            code = str(e["errand"])
            rows.append([self.p(str(e["errand_label"])), self.n(int(e["count"]), "errand", code),
                         self.p(self.top_of(d.reasons, code, "reasons")),
                         self.p(self.top_of(d.outcomes, code, "outcomes"))])
        errands = table(rows, [55 * mm, 14 * mm, 54 * mm, BODY_W - 123 * mm])
        errands.setStyle(TableStyle([("ALIGN", (2, 1), (-1, -1), "LEFT")]))
        self.out.append(errands)

    def top_of(self, pivot: Pivot, errand: str, kind: str) -> str:
        """The most common code of an errand with its share (hidden when the counts are)."""
        d = self.data
        dim = kind[:-1]
        counts = [(pivot.cells.get((errand, c), 0), c) for c in pivot.columns]
        counts = [x for x in counts if x[0]]
        if not counts or d.is_hidden("errand", errand):
            return ""
        value, code = max(counts, key=lambda x: x[0])
        label = self.catalog.label(kind, code) or "(ingen)"
        if d.is_hidden(dim, errand, code):
            return label
        return f"{label} ({pct(value / sum(v for v, _ in counts))})"

    def pivot(self, title: str, pivot: Pivot, kind: str) -> None:
        """Every errand (the table continues on the next page under the same header) and a total row."""
        s = self.s
        dim = kind[:-1]
        columns = pivot.columns
        first_w, total_w = 52 * mm, 14 * mm
        cell_w = (WIDE_W - first_w - total_w) / max(len(columns), 1)
        widths = [first_w, *([cell_w] * len(columns)), total_w]
        texts = ["Ærinde", *[self.catalog.label(kind, c) or "(ingen)" for c in columns], "I alt"]
        rows: list[list[object]] = [list(pdf_cells.header_cells(texts, widths, s.head_cell))]
        for errand in pivot.errands:
            values = [pivot.cells.get((errand, c), 0) for c in columns]
            rows.append([self.p(errand_name(self.catalog, errand)),
                         *[self.n(v, dim, errand, c) if v else "·"
                           for v, c in zip(values, columns, strict=True)],
                         self.n(sum(values), "errand", errand)])
        totals = [pivot.totals.get(c, 0) for c in columns]
        rows.append(["I alt", *[self.n(v, f"{dim}_total", c) if v else "·"
                                for v, c in zip(totals, columns, strict=True)],
                     self.n(sum(totals), "visits")])
        out = table(rows, widths)
        out.setStyle(TableStyle([("FONT", (1, 1), (-1, -1), fonts.REGULAR, 7.5),
                                 ("FONT", (0, -1), (-1, -1), fonts.BOLD, 7.5),
                                 ("LINEABOVE", (0, -1), (-1, -1), 0.8, BLUE),
                                 ("VALIGN", (0, 0), (-1, 0), "BOTTOM"), *HEAD_PADDING]))
        self.out += [self.p(title, s.h1), out]

    # --- shares ---------------------------------------------------------------------------

    def shown_shares(self) -> list[Row]:
        d = self.data
        return [r for r in d.shares if r["has_digital"] and r["digital_share"] is not None
                and not d.share_hidden(r)]

    def shares(self) -> None:
        d, s = self.data, self.s
        self.out += [PageBreak(), self.p("Digital andel mod målet på 80 %", s.h1)]
        with_solution = [r for r in d.shares if r["has_digital"]]
        if not with_solution:
            self.out.append(self.p("Ingen ærinder med en digital løsning i perioden.", s.body))
            return
        shown = self.shown_shares()[:18]
        if shown:
            refs = [next((x.share for x in d.references.get(str(r["errand"]), []) if x.kind == "national"),
                         None) for r in shown]
            self.out.append(charts.share_bars(
                [str(r["errand_label"]) for r in shown], [float(r["digital_share"]) * 100 for r in shown],
                [float(r["self_service_share"]) * 100 for r in shown], BODY_W, GOAL,
                "Digital andel og selvbetjeningsandel pr. ærinde",
                [None if x is None else x * 100 for x in refs]))
        else:
            self.out.append(self.p("Ingen digitale tal for perioden. Importér dem med "
                                   "'deskapp import-digital'.", s.body))
        widths = [36 * mm, 17 * mm, 18 * mm, 14 * mm, 20 * mm, 14 * mm, 24 * mm, BODY_W - 143 * mm]
        texts = ["Ærinde", "Digitale ansøgninger", "Transaktioner i skranken", "Heraf digitalt",
                 f"Selvbetjenings{pdf_cells.SHY}andel", "Digital andel", "Mod mål", "Reference"]
        rows: list[list[object]] = [list(pdf_cells.header_cells(texts, widths, s.head_cell))]
        marks = []
        for i, r in enumerate(with_solution, start=1):
            hidden = d.share_hidden(r)
            share = r["digital_share"]
            if hidden:
                self_service, digital, goal = "x", "x", ""
            elif share is None:
                self_service, digital, goal = NO_DIGITAL, NO_DIGITAL, ""
            else:
                self_service, digital = pct(r["self_service_share"]), pct(share)
                goal = self.goal_text(r)
                if float(share) < GOAL:
                    marks.append(("TEXTCOLOR", (6, i), (6, i), charts.GOAL_RED))
            rows.append([
                self.p(str(r["errand_label"])), self.n(int(r["digital"])),
                self.n(int(r["counter_transactions"]), "counter", r["errand"]),
                self.n(int(r["completed_digitally"]), "completed", r["errand"]),
                self.p(self_service, s.num), self.p(digital, s.num), self.p(goal, s.num),
                self.p(pct_safe(reference.short_line(d.references.get(str(r["errand"]), [])))),
            ])
        out = table(rows, widths)
        out.setStyle(TableStyle([("VALIGN", (0, 0), (-1, 0), "BOTTOM"), *HEAD_PADDING, *marks]))
        self.out += [Spacer(1, 3 * mm), out]
        sources = sorted({f"{x.place} {x.year}: {x.source}" for refs in d.references.values() for x in refs
                          if any(r["errand"] == x.errand for r in with_solution)})
        if sources:
            self.out.append(Spacer(1, 2 * mm))
            self.out.append(self.p("Referencetal: " + "; ".join(sources) + ".", s.note))

    def goal_text(self, row: Row) -> str:
        share = float(row["digital_share"])
        if share >= GOAL:
            return "nået"
        gap = self.data.gap(row)
        return f"{points_text(share, GOAL)} · {gap} flere digitale om ugen"

    def trends(self) -> None:
        d, s = self.data, self.s
        shown = self.shown_shares()[:TREND_ERRANDS]
        if len(d.query.span) < 2 or not shown:
            return
        lines = [(str(r["errand_label"]), [share for _, share in d.trend(str(r["errand"]))]) for r in shown]
        labels = [w.split("-")[1] for w in d.query.span]
        self.out += [CondPageBreak(95 * mm), self.p("Udvikling: digital andel pr. uge", s.h2),
                     charts.trend_lines(labels, lines, BODY_W, GOAL)]

    # --- friction and hours ---------------------------------------------------------------

    def friction(self) -> None:
        d, s = self.data, self.s
        head = self.p("Friktionspunkter: hvor borgerne går i stå", s.h1)
        if not d.friction:
            self.out.append(KeepTogether([head, self.p("Ingen trin er markeret som 'gået i stå' i perioden.",
                                                       s.body)]))
            return
        rows: list[list[object]] = [["Ærinde", "Trin", "Gået i stå", "Forhindringer"]]
        for f in d.friction:
            blockers = ", ".join(
                f"{label or 'ingen angivet'} ({self.n(n, 'blocker', f['errand'], f['step'], code)})"
                for code, label, n in f["blockers"][:4])
            rows.append([self.p(str(f["errand_label"])), self.p(str(f["step_label"])),
                         self.n(int(f["count"]), "stuck", f["errand"], f["step"]), self.p(blockers)])
        out = table(rows, [38 * mm, 55 * mm, 17 * mm, BODY_W - 110 * mm], numeric_from=2)
        out.setStyle(TableStyle([("ALIGN", (3, 1), (3, -1), "LEFT")]))
        self.out += [CondPageBreak(60 * mm), head, out]

    def hours(self) -> None:
        d, s = self.data, self.s
        hours = sorted({h for _, h in d.hours} | set(range(8, 17)))
        days = sorted({day for day, _ in d.hours} | set(range(1, 6)))
        top = max(d.hours.values() or [1])
        rows: list[list[object]] = [["", *[f"{h:02d}" for h in hours], "I alt"]]
        style = []
        for r, day in enumerate(days, start=1):
            values = [d.hours.get((day, h), 0) for h in hours]
            rows.append([WEEKDAYS[day - 1], *[self.n(v, "hour", day, h) if v else ""
                                              for v, h in zip(values, hours, strict=True)],
                         self.n(sum(values), "day", day)])
            for c, v in enumerate(values, start=1):
                if v and not d.is_hidden("hour", day, hours[c - 1]):
                    shade = colors.Color(0.12, 0.31, 0.47, alpha=0.12 + 0.75 * v / top)
                    style.append(("BACKGROUND", (c, r), (c, r), shade))
                    if v / top > 0.55:
                        style.append(("TEXTCOLOR", (c, r), (c, r), colors.white))
        cell = (BODY_W - 22 * mm - 14 * mm) / len(hours)
        out = table(rows, [22 * mm, *([cell] * len(hours)), 14 * mm], zebra=False)
        out.setStyle(TableStyle([*style, ("ALIGN", (1, 0), (-1, 0), "CENTER")]))
        self.out += [Spacer(1, 4 * mm),
                     KeepTogether([self.p("Hvornår kommer borgerne? (ugedag × klokkeslæt)", s.h2), out])]
