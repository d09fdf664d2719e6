"""A line of weekly shares (0..1, gaps where a week has none) with the goal dashed, drawn
with QPainter (QtCharts is not in pyside6-essentials)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from deskapp.services.percentages import percent
from deskapp.ui.widgets.bar_chart import bar_colours


class TrendChart(QWidget):
    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.points: list[tuple[str, float | None]] = []
        self.goal: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_points(self, points: list[tuple[str, float | None]], goal: float | None = None) -> None:
        self.points = list(points)
        self.goal = goal
        self.setAccessibleDescription("; ".join(
            f"{week}: {percent(share) or self.tr('ingen andel')}" for week, share in self.points))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.fontMetrics().height() * 9)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() * 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        if not any(share is not None for _, share in self.points):
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Ingen andele i perioden"))
            return
        left = metrics.horizontalAdvance("100 %") + 8
        bottom = metrics.height() + 6
        plot = QRectF(left, 6, max(10, self.width() - left - 8), max(10, self.height() - bottom - 10))
        line, _second, goal_colour = bar_colours(self.palette())
        painter.setPen(self.palette().text().color())
        for tick in (0.0, 0.5, 1.0):
            y = plot.bottom() - plot.height() * tick
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, percent(tick))
        n = max(len(self.points), 1)
        xs = [plot.left() + plot.width() * (i + 0.5) / n for i in range(n)]
        first, last = self.points[0][0], self.points[-1][0]
        painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, first)
        if last != first:
            painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignRight, last)
        if self.goal is not None:
            painter.setPen(QPen(goal_colour, 1.5, Qt.PenStyle.DashLine))
            y = plot.bottom() - plot.height() * self.goal
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QPen(line, 2))
        path = QPainterPath()
        drawing = False
        for x, (_, share) in zip(xs, self.points, strict=True):
            if share is None:
                drawing = False
                continue
            point = QPointF(x, plot.bottom() - plot.height() * share)
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.drawPath(path)
        painter.setBrush(line)
        for x, (_, share) in zip(xs, self.points, strict=True):
            if share is not None:
                painter.drawEllipse(QPointF(x, plot.bottom() - plot.height() * share), 2.5, 2.5)
        painter.end()
