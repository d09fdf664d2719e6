"""Page geometry, colours, paragraph styles and the table look of the PDF report (shared by
report_pdf, which builds the document, and report_sections, which writes its pages)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from deskapp.services.exports import fonts, pdf_cells

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
