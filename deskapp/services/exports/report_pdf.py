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
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from deskapp import APP_NAME
from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports import atomic_output, fonts
from deskapp.services.exports.pdf_layout import BLUE, LANG, MARGIN, PAGE_H, PAGE_W, Styles
from deskapp.services.exports.report_data import ReportData, collect
from deskapp.services.exports.report_sections import Sections
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal


class _Doc(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no type information
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
