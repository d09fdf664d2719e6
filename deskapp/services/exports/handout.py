"""The citizen handout: "Sådan gør du selv næste gang", one A4 page as PDF.

Plain words for the citizen to take home, in Danish or English: the errand, the
self-service entry point as text and as a QR code a phone camera opens, what to have
ready, the steps in the citizen's own words (``GuideStep.citizen`` / ``citizen_en``, never
the staff hints) and where to get help. The texts are in ``handout_texts``; DejaVu Sans is
embedded (``fonts``) so æøå always render. No Qt here: the app and ``deskapp handout``
both call :func:`write_handout`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    KeepInFrame,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from deskapp.services.catalog import Errand
from deskapp.services.exports import atomic_output, fonts
from deskapp.services.exports.handout_texts import (  # noqa: F401  (re-exported)
    DANISH,
    HOTLINE_NAME,
    HOTLINE_PHONE,
    LANGUAGES,
    HelpContact,
    NoGuide,
    NoTranslation,
    SheetContent,
    Wording,
    issuer,
    sheet_content,
)

TITLE = DANISH.title
FONT = fonts.REGULAR
FONT_BOLD = fonts.BOLD
QR_SIZE = 4.2 * cm
MARGIN = 1.8 * cm
ACCENT = colors.HexColor("#1F4E79")


def write_handout(errand: Errand, out: Path | str, contact: HelpContact | None = None,
                  lang: str = "da") -> Path:
    """Write the handout PDF for ``errand`` in ``lang`` to ``out`` atomically; raise
    ExportError (NoGuide, NoTranslation, or the file could not be written)."""
    data = handout_pdf(errand, contact, lang)
    with atomic_output(out, "wb") as handle:
        handle.write(data)
    return Path(out)


def handout_pdf(errand: Errand, contact: HelpContact | None = None, lang: str = "da") -> bytes:
    """The handout as PDF bytes (one A4 page)."""
    content = sheet_content(errand, lang)
    assert errand.entry is not None
    fonts.register()
    contact = contact or HelpContact()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"{content.wording.title}: {content.errand_label}",
        author=issuer(contact, content.wording), subject=errand.entry.name,
        lang=content.wording.lang_tag, initialFontName=FONT,
    )
    story = _story(errand, content, contact, doc.width)
    # Everything on one page: a long guide is shrunk a little rather than spilling over.
    doc.build([KeepInFrame(doc.width, doc.height, story, mode="shrink")])
    return buffer.getvalue()


# --- layout ---------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=16.5, alignment=TA_LEFT)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=22, leading=27,
                                textColor=ACCENT),
        "errand": ParagraphStyle("errand", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19,
                                 spaceBefore=2),
        "heading": ParagraphStyle("heading", parent=base, fontName=FONT_BOLD, fontSize=13.5,
                                  leading=17, textColor=ACCENT, spaceBefore=12, spaceAfter=4),
        "entry": ParagraphStyle("entry", parent=base, fontName=FONT_BOLD, fontSize=12.5, leading=16),
        "url": ParagraphStyle("url", parent=base, fontSize=10, leading=13, textColor=ACCENT),
        "small": ParagraphStyle("small", parent=base, fontSize=9.5, leading=12.5,
                                textColor=colors.HexColor("#444444")),
        "note": ParagraphStyle("note", parent=base, fontSize=10.5, leading=14,
                               backColor=colors.HexColor("#FFF4D6"), borderPadding=5,
                               spaceBefore=12, spaceAfter=2),
    }


def _story(errand: Errand, content: SheetContent, contact: HelpContact, width: float) -> list[Any]:
    words = content.wording
    styles = _styles()
    story: list[Any] = [
        Paragraph(escape(words.title), styles["title"]),
        Paragraph(escape(content.errand_label), styles["errand"]),
        Spacer(1, 10),
        _entry_box(errand, words, styles, width),
    ]
    if errand.no_digital:
        # The catalogue's no_digital text is written for staff ("borgeren ..."); the sheet
        # speaks to the citizen, and the steps below say what to do instead.
        story.append(Paragraph(escape(words.no_digital), styles["note"]))
    if content.ready:
        story.append(Paragraph(escape(words.ready), styles["heading"]))
        story.append(_list([escape(item) for item in content.ready], styles, numbered=False))
    story.append(Paragraph(escape(words.steps), styles["heading"]))
    story.append(_list([escape(step) for step in content.steps], styles, numbered=True))
    story.append(Paragraph(escape(words.help), styles["heading"]))
    story.append(_list(_help_lines(contact, words), styles, numbered=False))
    story.append(Spacer(1, 14))
    story.append(Paragraph(escape(words.footer.format(issuer=issuer(contact, words))),
                           styles["small"]))
    return story


def _entry_box(errand: Errand, words: Wording, styles: dict[str, ParagraphStyle],
               width: float) -> Table:
    assert errand.entry is not None
    url = errand.entry.url
    text_width = width - QR_SIZE - 0.6 * cm
    text = [
        Paragraph(escape(words.read_more if errand.no_digital else words.do_it_here),
                  styles["body"]),
        Paragraph(escape(errand.entry.name), styles["entry"]),
        Spacer(1, 4),
        _url_paragraph(url, styles["url"], text_width - 16),
        Spacer(1, 8),
        Paragraph(escape(words.scan), styles["small"]),
    ]
    table = Table([[text, _qr_drawing(url)]], colWidths=[text_width, QR_SIZE + 0.6 * cm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cell default would add Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 1, ACCENT),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF3F8")),
        ("LEFTPADDING", (0, 0), (0, 0), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("ALIGN", (1, 0), (1, 0), "CENTER"),
        ("BACKGROUND", (1, 0), (1, 0), colors.white),
    ]))
    return table


def _qr_drawing(url: str) -> Drawing:
    widget = QrCodeWidget(url, barLevel="M", barBorder=2)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE,
                      transform=[QR_SIZE / (right - left), 0, 0, QR_SIZE / (top - bottom), 0, 0])
    drawing.initialFontName = FONT  # else the drawing's state names an unembedded Helvetica
    drawing.add(widget)
    return drawing


def _url_paragraph(url: str, style: ParagraphStyle, width: float) -> Paragraph:
    """The URL on one line when it fits at a readable size, else broken after a '/'."""
    for size in (10.5, 10, 9.5, 9, 8.5, 8):
        if pdfmetrics.stringWidth(url, FONT, size) <= width:
            sized = ParagraphStyle("url_sized", parent=style, fontSize=size, leading=size * 1.3)
            return Paragraph(f'<link href="{escape(url)}">{escape(url)}</link>', sized)
    lines, line = [], ""
    for part in re.findall(r"[^/]*/?", url):
        if line and pdfmetrics.stringWidth(line + part, FONT, 8) > width:
            lines.append(line)
            line = ""
        line += part
    lines.append(line)
    small = ParagraphStyle("url_small", parent=style, fontSize=8, leading=10.5)
    markup = "<br/>".join(escape(piece) for piece in lines if piece)
    return Paragraph(f'<link href="{escape(url)}">{markup}</link>', small)


def _list(items: list[str], styles: dict[str, ParagraphStyle], *, numbered: bool) -> ListFlowable:
    flow = [ListItem(Paragraph(item, styles["body"]), spaceAfter=3) for item in items]
    if numbered:
        return ListFlowable(flow, bulletType="1", bulletFormat="%s.", bulletFontName=FONT_BOLD,
                            bulletFontSize=12, leftIndent=20)
    return ListFlowable(flow, bulletType="bullet", start="•", bulletFontName=FONT,
                        bulletFontSize=12, leftIndent=20)


def _help_lines(contact: HelpContact, words: Wording) -> list[str]:
    place = escape(contact.municipality.strip())
    line = escape(contact.help_line.strip())
    if place and line:
        office = words.office_line
    elif line:
        office = words.office_phone
    elif place:
        office = words.office_place
    else:
        office = words.office_any
    return [words.hotline, office.format(place=place, line=line), escape(words.ambassador)]
