"""The manager's PDF report: cover with totals and change, tables, bar charts, shares
against the 80 % goal and the reference figures, weekly trends, friction points and an
hour × weekday view.

The file declares itself: ``/Lang da-DK``, a title shown in the viewer's title bar, one
bookmark per section, and every font embedded (DejaVu Sans, also as the canvas's initial
font, so no Helvetica is ever referred to). reportlab cannot write a tagged PDF (no
structure tree); the workbook is the accessible version of the same figures.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from deskapp import APP_NAME
from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output, fonts, pdf_cells
from deskapp.services.exports.report_data import ReportData, collect
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
BODY_W = PAGE_W - 2 * MARGIN
WIDE_W = PAGE_H - 2 * MARGIN  # body width of a landscape page
BLUE = colors.HexColor("#1F4E79")
PALE = colors.HexColor("#EAF1F8")
GRID = colors.HexColor("#BFBFBF")
LANG = "da-DK"

# Header cells sized by pdf_cells assume this padding.
HEAD_PADDING = [("LEFTPADDING", (0, 0), (-1, 0), pdf_cells.PADDING),
                ("RIGHTPADDING", (0, 0), (-1, 0), pdf_cells.PADDING)]


class Styles:
    def __init__(self) -> None:
        f, b = fonts.REGULAR, fonts.BOLD
        self.body = ParagraphStyle("body", fontName=f, fontSize=9, leading=12, bulletFontName=f)
        self.small = ParagraphStyle("small", fontName=f, fontSize=7.5, leading=9.5)
        self.small_bold = ParagraphStyle("smallb", fontName=b, fontSize=7.5, leading=9.5)
        self.head_cell = ParagraphStyle("headcell", fontName=b, fontSize=7, leading=8.5,
                                        textColor=colors.white)
        self.num = ParagraphStyle("num", parent=self.small, alignment=TA_RIGHT)
        self.h1 = ParagraphStyle("h1", fontName=b, fontSize=15, leading=19, textColor=BLUE,
                                 spaceBefore=4, spaceAfter=8)
        self.h2 = ParagraphStyle("h2", fontName=b, fontSize=11.5, leading=15, textColor=BLUE,
                                 spaceBefore=10, spaceAfter=5)
        self.subtitle = ParagraphStyle("subtitle", fontName=f, fontSize=15, leading=20)
        self.note = ParagraphStyle("note", fontName=f, fontSize=7.5, leading=10, textColor=colors.grey)


def table(rows: list[list[object]], widths: list[float], numeric_from: int = 1, zebra: bool = True) -> Table:
    out = Table(rows, colWidths=widths, repeatRows=1)
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
    out.setStyle(TableStyle(style))
    return out


class _Doc(BaseDocTemplate):
    """Adds a bookmark (outline entry) for every section heading as it is laid out."""

    sections = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2"):
            text = flowable.getPlainText()
            self.sections += 1
            key = f"section-{self.sections}"
            level = 1 if flowable.style.name == "h2" and self._has_top else 0
            self._has_top = self._has_top or flowable.style.name == "h1"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)

    _has_top = False


class Decoration:
    """Cover band, running header and footer of every page."""

    def __init__(self, data: ReportData, generated: datetime):
        self.data = data
        self.generated = generated

    def on_cover(self, canvas: Canvas, _doc: object) -> None:
        canvas.showOutline()  # open the bookmarks beside the pages
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


def title_of(data: ReportData) -> str:
    title = f"Kanalopgørelse {data.municipality} {data.query.first}–{data.query.last}"
    return " ".join(title.split())


def build(data: ReportData, catalog: Catalog, generated: datetime | None = None) -> bytes:
    from deskapp.services.exports.report_sections import Sections

    fonts.register()
    when = generated or weeks.local(weeks.now_utc())
    story = Sections(data, catalog, when, Styles()).story()
    decoration = Decoration(data, when)
    buffer = io.BytesIO()
    doc = _Doc(buffer, pagesize=A4, title=title_of(data), author=APP_NAME, creator=APP_NAME,
               subject=f"Kanalopgørelse {data.period_text}", lang=LANG, displayDocTitle=True,
               initialFontName=fonts.REGULAR, initialFontSize=9)
    wide_w, wide_h = landscape(A4)

    def frame(width: float, height: float) -> Frame:
        return Frame(MARGIN, 16 * mm, width - 2 * MARGIN, height - 34 * mm, leftPadding=0,
                     rightPadding=0, topPadding=0, bottomPadding=0)

    doc.addPageTemplates([
        PageTemplate("cover", [frame(PAGE_W, PAGE_H)], onPage=decoration.on_cover,
                     autoNextPageTemplate="body"),
        PageTemplate("body", [frame(PAGE_W, PAGE_H)], onPage=decoration.on_page),
        PageTemplate("wide", [frame(wide_w, wide_h)], onPage=decoration.on_page, pagesize=landscape(A4)),
    ])
    doc.build(story)
    return buffer.getvalue()


def export(journal: Journal, catalog: Catalog, request: ExportRequest) -> int:
    data = collect(journal, catalog, request.query, request.municipality, min_count=request.min_count,
                   reference_file=request.reference_file)
    content = build(data, catalog)
    with atomic_output(request.path, "wb") as handle:
        handle.write(content)
    return int(data.totals["visits"])
