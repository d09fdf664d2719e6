"""Table header cells for the PDF report that never break a Danish word in the middle.

reportlab splits a word that is wider than its column anywhere ("Selvbetjenin|gs-andel").
Instead, one font size is chosen for the whole header row so that its widest unbreakable
piece fits; words may break after a hyphen, a soft hyphen or a slash.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

SHY = "\xad"
PADDING = 3.0  # points left and right of a header cell (set on the table by the caller)
MIN_SIZE = 5.5
_PIECE = re.compile(r"[^-/\xad]+[-/\xad]?|[-/\xad]")


def pieces(text: str) -> list[str]:
    """The parts of ``text`` a line may not break inside (a soft hyphen shows as '-')."""
    return [p.replace(SHY, "-") for word in text.split() for p in _PIECE.findall(word)]


def header_size(texts: Sequence[str], widths: Sequence[float], style: ParagraphStyle) -> float:
    """The largest font size (at most the style's) at which every piece fits its column."""
    size = float(style.fontSize)
    for text, width in zip(texts, widths, strict=True):
        room = width - 2 * PADDING
        for piece in pieces(text):
            wide = stringWidth(piece, style.fontName, style.fontSize)
            if wide > room:
                size = min(size, style.fontSize * room / wide)
    return max(MIN_SIZE, math.floor(size * 4) / 4)  # quarter points, rounded down so it fits


def _markup(text: str, room: float, font: str, size: float) -> str:
    """Escape for Paragraph; break after a slash or hyphen inside a word too wide for the cell."""
    words = []
    for word in text.split():
        safe = word.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if stringWidth(word.replace(SHY, ""), font, size) > room:
            safe = re.sub(r"([-/])(?=[^-/])", r"\1<br/>", safe)
        words.append(safe)
    return " ".join(words)


def header_cells(texts: Sequence[str], widths: Sequence[float], style: ParagraphStyle) -> list[Paragraph]:
    size = header_size(texts, widths, style)
    fitted = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size,
                            leading=size * style.leading / style.fontSize, embeddedHyphenation=1,
                            splitLongWords=1)
    return [Paragraph(_markup(text, width - 2 * PADDING, style.fontName, size), fitted)
            for text, width in zip(texts, widths, strict=True)]
