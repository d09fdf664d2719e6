"""The embedded DejaVu Sans font, registered once with reportlab so æøå always render."""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from deskapp import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def register() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(paths.font_file())))
    pdfmetrics.registerFont(TTFont(BOLD, str(paths.font_file(bold=True))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
