"""Small charts without QtCharts (not in pyside6-essentials): horizontal bars drawn with
QPainter, and a delegate that draws a bar behind a table cell's number."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from deskapp.ui.manager.tally_models import BAR_ROLE, GOAL_ROLE


def bar_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Bars in the palette's highlight colour (the second series lighter), the goal line in
    the text colour: follows the system theme, high contrast included."""
    bar = palette.color(QPalette.ColorRole.Highlight)
    second = palette.color(QPalette.ColorRole.Highlight)
    second.setAlphaF(0.45)
    return bar, second, palette.color(QPalette.ColorRole.Text)


class BarChart(QWidget):
    """Labelled horizontal bars, largest first; optional second series and goal line (0..1)."""

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.bars: list[tuple[str, float, float | None]] = []
        self.percent = False
        self.goal: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: Sequence[tuple[str, float, float | None] | tuple[str, float]], *,
                 percent: bool = False, goal: float | None = None) -> None:
        self.bars = [(b[0], float(b[1]), (float(b[2]) if len(b) > 2 and b[2] is not None else None))
                     for b in bars]
        self.percent = percent
        self.goal = goal
        self.setAccessibleDescription("; ".join(f"{label}: {self._text(v)}" for label, v, _ in self.bars))
        self.setMinimumHeight(self.sizeHint().height())  # every bar stays visible
        self.updateGeometry()
        self.update()

    def _text(self, value: float) -> str:
        return f"{value * 100:.0f} %" if self.percent else f"{value:.0f}"

    def row_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        return QSize(420, max(60, self.row_height() * len(self.bars) + 24))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 60)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        if not self.bars:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Ingen data i perioden"))
            return
        label_w = min(max(metrics.horizontalAdvance(b[0]) for b in self.bars) + 8, self.width() // 3)
        value_w = metrics.horizontalAdvance("100 %" if self.percent else "99999") + 8
        plot_w = max(10, self.width() - label_w - value_w - 8)
        top = 1.0 if self.percent else max(max(v, s or 0) for _, v, s in self.bars) or 1.0
        h = self.row_height()
        bar_colour, second_colour, goal_colour = bar_colours(self.palette())
        for i, (label, value, second) in enumerate(self.bars):
            y = 4 + i * h
            painter.setPen(self.palette().text().color())
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(0, y, label_w - 6, h), right, elided)
            bar_h = (h - 6) / (2 if second is not None else 1)
            painter.fillRect(QRectF(label_w, y + 3, plot_w * min(value, top) / top, bar_h), bar_colour)
            if second is not None:
                second_w = plot_w * min(second, top) / top
                painter.fillRect(QRectF(label_w, y + 3 + bar_h, second_w, bar_h), second_colour)
            painter.drawText(QRectF(label_w + plot_w + 4, y, value_w, h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._text(value))
        if self.goal is not None:
            x = label_w + plot_w * self.goal / top
            painter.setPen(QPen(goal_colour, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), 2, int(x), 4 + len(self.bars) * h)
        painter.end()


class BarDelegate(QStyledItemDelegate):
    """Draws a pale bar (BAR_ROLE, 0..1) and an optional goal mark (GOAL_ROLE) behind the text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        fraction = index.data(BAR_ROLE)
        if isinstance(fraction, float | int) and not option.state & QStyle.StateFlag.State_Selected:
            text_w = option.fontMetrics.horizontalAdvance("00000 %") + 6  # the number stays clear
            rect = QRectF(option.rect).adjusted(2, 3, -text_w, -3)
            width = rect.width() * max(0.0, min(1.0, float(fraction)))
            _bar, second_colour, goal_colour = bar_colours(option.palette)
            painter.fillRect(QRectF(rect.left(), rect.top(), width, rect.height()), second_colour)
            goal = index.data(GOAL_ROLE)
            if isinstance(goal, float):
                painter.save()
                painter.setPen(QPen(goal_colour, 1.5, Qt.PenStyle.DashLine))
                x = rect.left() + rect.width() * goal
                painter.drawLine(int(x), int(rect.top()), int(x), int(rect.bottom()))
                painter.restore()
        super().paint(painter, option, index)
