"""Bar charts for the PDF report, drawn with reportlab.graphics in the embedded font."""

from __future__ import annotations

import itertools

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from deskapp.services.exports.fonts import BOLD, REGULAR

BLUE = colors.HexColor("#1F4E79")
LIGHT = colors.HexColor("#9DC3E6")
GOAL_RED = colors.HexColor("#C00000")
DARK = colors.HexColor("#404040")


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is the embedded one (reportlab's default is Helvetica,
    which would be referred to without being embedded)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 7.5
    return drawing


def _short(text: str, room: float = 160, size: float = 7.5) -> str:
    """The label, cut with '…' only when it is wider than ``room`` points."""
    if stringWidth(text, REGULAR, size) <= room:
        return text
    while text and stringWidth(text + "…", REGULAR, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _nice_max(value: float) -> float:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 5:
            return step * ((int(value) // step) + 1)
    return value * 1.1


def horizontal_bars(labels: list[str], values: list[int], width: float, title: str,
                    label_width: float = 170, row: float = 16) -> Drawing:
    """Largest first, top to bottom; one bar per label."""
    n = max(len(values), 1)
    height = 30 + row * n
    drawing = _drawing(width, height + 20)
    drawing.add(String(0, height + 6, title, fontName=BOLD, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 10
    chart.width, chart.height = width - label_width - 30, height - 20
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = [_short(x, label_width - 8) for x in reversed(labels)] or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(values or [1]))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def vertical_bars(labels: list[str], values: list[int], width: float, height: float, title: str) -> Drawing:
    drawing = _drawing(width, height)
    drawing.add(String(0, height - 12, title, fontName=BOLD, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y = 35, 30
    chart.width, chart.height = width - 50, height - 60
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dy = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(values or [1]))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def share_bars(labels: list[str], digital: list[float], self_service: list[float], width: float,
               goal: float, title: str, references: list[float | None] | None = None) -> Drawing:
    """Digital and self-service share (0-100) per errand with a dashed goal line and, where
    there is one, the national reference share as a dark diamond on the errand's bars."""
    n = max(len(labels), 1)
    height = 40 + 22 * n
    drawing = _drawing(width, height + 36)
    drawing.add(String(0, height + 22, title, fontName=BOLD, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = 170, 20
    chart.width, chart.height = width - 190, height - 20
    chart.data = [list(reversed(digital)) or [0], list(reversed(self_service)) or [0]]
    chart.categoryAxis.categoryNames = [_short(x, chart.x - 8) for x in reversed(labels)] or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.bars[0].fillColor = BLUE
    chart.bars[1].fillColor = LIGHT
    chart.bars[0].strokeColor = chart.bars[1].strokeColor = None
    chart.groupSpacing = 4
    drawing.add(chart)
    x = chart.x + chart.width * goal
    drawing.add(Line(x, chart.y - 4, x, chart.y + chart.height + 4, strokeColor=GOAL_RED,
                     strokeWidth=1.4, strokeDashArray=[4, 2]))
    drawing.add(String(x + 3, chart.y + chart.height + 6, f"Mål {goal * 100:.0f} %", fontName=BOLD,
                       fontSize=7.5, fillColor=GOAL_RED))
    step = chart.height / n
    for i, ref in enumerate(reversed(references or [])):
        if ref is not None:
            cx, cy = chart.x + chart.width * ref / 100, chart.y + step * (i + 0.5)
            drawing.add(Polygon([cx, cy + 4, cx + 4, cy, cx, cy - 4, cx - 4, cy], fillColor=DARK,
                                strokeColor=colors.white, strokeWidth=0.6))
    legend_y = height + 8
    for offset, (color, text) in enumerate(((BLUE, "Digital andel"), (LIGHT, "Selvbetjeningsandel"))):
        lx = offset * 110  # left of the goal's label, which stands above the plot
        drawing.add(Line(lx, legend_y + 3, lx + 12, legend_y + 3, strokeColor=color, strokeWidth=6))
        drawing.add(String(lx + 16, legend_y, text, fontName=REGULAR, fontSize=7.5))
    if references and any(r is not None for r in references):
        lx = 2 * 110 + 10
        y = legend_y + 3
        diamond = [lx + 4, y + 4, lx + 8, y, lx + 4, y - 4, lx, y]
        drawing.add(Polygon(diamond, fillColor=DARK, strokeColor=None))
        drawing.add(String(lx + 12, legend_y, "Landsplan (reference)", fontName=REGULAR, fontSize=7.5))
    return drawing


SERIES = ["#1F4E79", "#2E75B6", "#70AD47", "#ED7D31", "#7030A0", "#808080"]


def trend_lines(labels: list[str], lines: list[tuple[str, list[float | None]]], width: float,
                goal: float) -> Drawing:
    """Weekly digital share (0-1, None = no share that week) of a few errands as lines, with
    the goal dashed; the legend names each line."""
    height = 190
    legend_rows = (len(lines) + 2) // 3
    drawing = _drawing(width, height + 14 * legend_rows)
    left, bottom = 34, 24 + 14 * legend_rows
    plot_w, plot_h = width - left - 10, height - 30
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=colors.grey, strokeWidth=0.5))
    for tick in range(0, 101, 20):
        y = bottom + plot_h * tick / 100
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=colors.HexColor("#DDDDDD"), strokeWidth=0.4))
        drawing.add(String(left - 4, y - 2.5, f"{tick} %", fontName=REGULAR, fontSize=6.5, textAnchor="end"))
    n = max(len(labels), 1)
    xs = [left + plot_w * (i + 0.5) / n for i in range(n)]
    every = max(1, n // 13)
    for i, text in enumerate(labels):
        if i % every == 0:
            drawing.add(String(xs[i], bottom - 10, text, fontName=REGULAR, fontSize=6.5, textAnchor="middle"))
    gy = bottom + plot_h * goal
    drawing.add(Line(left, gy, left + plot_w, gy, strokeColor=GOAL_RED, strokeWidth=1.2,
                     strokeDashArray=[4, 2]))
    drawing.add(String(left + plot_w, gy + 3, f"Mål {goal * 100:.0f} %", fontName=BOLD, fontSize=7,
                       fillColor=GOAL_RED, textAnchor="end"))
    for k, (name, values) in enumerate(lines):
        color = colors.HexColor(SERIES[k % len(SERIES)])
        points = [(xs[i], bottom + plot_h * v) for i, v in enumerate(values) if v is not None]
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            drawing.add(Line(x1, y1, x2, y2, strokeColor=color, strokeWidth=1.4))
        for x, y in points:
            drawing.add(Circle(x, y, 1.8, fillColor=color, strokeColor=None))
        lx = left + (k % 3) * (plot_w / 3)
        ly = 4 + 14 * (legend_rows - 1 - k // 3)
        drawing.add(Line(lx, ly + 3, lx + 12, ly + 3, strokeColor=color, strokeWidth=2))
        drawing.add(String(lx + 16, ly, _short(name, plot_w / 3 - 24, 7), fontName=REGULAR, fontSize=7))
    return drawing
