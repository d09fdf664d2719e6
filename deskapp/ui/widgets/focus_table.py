"""A table view that shows keyboard focus even when its current row is selected.

A selected row already wears the highlight colour, so the style's focus rectangle inside it
is invisible; this view draws a frame in the palette's highlight colour round the viewport
while it has focus (palette roles only, so high-contrast themes keep working).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QTableView


class FocusFrameTableView(QTableView):
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self.viewport())
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -1, -1))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()
