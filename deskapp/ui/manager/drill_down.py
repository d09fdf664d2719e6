"""The drill-down beside the errands table: the chosen errand's reasons and outcomes, its
weekly digital share over the range with the distance to the goal, and its reference figures."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from deskapp.services.catalog import Catalog
from deskapp.services.exports.report_data import ReportData
from deskapp.services.percentages import GOAL, percent
from deskapp.ui.manager.tally_models import errand_label
from deskapp.ui.widgets.bar_chart import BarChart
from deskapp.ui.widgets.trend_chart import TrendChart


class DrillDown(QWidget):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.title = QLabel(self)
        self.title.setObjectName("drillTitle")
        self.title.setWordWrap(True)
        self.reasons = BarChart("drillReasons", self.tr("Årsager for det valgte ærinde"), self)
        self.outcomes = BarChart("drillOutcomes", self.tr("Resultater for det valgte ærinde"), self)
        self.trend = TrendChart("drillTrend", self.tr("Digital andel pr. uge for det valgte ærinde"), self)
        self.goal = QLabel(self)
        self.goal.setObjectName("drillGoal")
        self.goal.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(QLabel(self.tr("Årsager til fremmøde"), self))
        layout.addWidget(self.reasons)
        layout.addWidget(QLabel(self.tr("Resultater"), self))
        layout.addWidget(self.outcomes)
        layout.addWidget(QLabel(self.tr("Digital andel pr. uge (stiplet: målet på 80 %)"), self))
        layout.addWidget(self.trend)
        layout.addWidget(self.goal)
        layout.addStretch(1)

    def show_errand(self, data: ReportData | None, code: str | None) -> None:
        if data is None or code is None:
            self.title.setText(self.tr("Vælg et ærinde for at se årsager og resultater."))
            self.reasons.set_bars([])
            self.outcomes.set_bars([])
            self.trend.set_points([])
            self.goal.setText("")
            return
        total = next((int(e["count"]) for e in data.errands if str(e["errand"]) == code), 0)  # None: "None"
        name = errand_label(self.catalog, code, self.tr("(ingen)"))
        self.title.setText(self.tr("<b>%1</b>: %2 henvendelser").replace(
            "%1", name).replace("%2", str(data.show(total, "errand", code))))
        for chart, pivot, kind in ((self.reasons, data.reasons, "reasons"),
                                   (self.outcomes, data.outcomes, "outcomes")):
            dim = kind[:-1]
            bars = [(self.catalog.label(kind, c) or self.tr("(ingen)"), pivot.cells.get((code, c), 0))
                    for c in pivot.columns
                    if pivot.cells.get((code, c), 0) and not data.is_hidden(dim, code, c)]
            chart.set_bars(sorted(bars, key=lambda b: -b[1]))
        self.trend.set_points(data.trend(code), GOAL)
        self.goal.setText(self.goal_text(data, code))

    def goal_text(self, data: ReportData, code: str) -> str:
        row = next((r for r in data.shares if r["errand"] == code), None)
        refs = data.references.get(code, [])
        parts = []
        if row is None or not row["has_digital"]:
            parts.append(self.tr("Ærindet har ingen digital løsning."))
        elif data.share_hidden(row):
            parts.append(self.tr("Andelen vises ikke: den bygger på et skjult antal."))
        elif row["digital_share"] is None:
            parts.append(self.tr("Ingen digitale tal er importeret for ærindet i perioden."))
        else:
            share = percent(float(row["digital_share"]))
            gap = data.gap(row)
            if gap:
                parts.append(self.tr("Digital andel %1. %2 flere digitale ansøgninger om ugen ville nå "
                                     "målet på 80 %.").replace("%1", share).replace("%2", str(gap)))
            else:
                parts.append(self.tr("Digital andel %1: målet på 80 % er nået.").replace("%1", share))
        if refs:
            national = self.tr("landsplan")
            places = [national if r.kind == "national" else r.place for r in refs]
            figures = " · ".join(f"{percent(r.share)} ({place} {r.year})"
                                 for r, place in zip(refs, places, strict=True))
            parts.append(self.tr("Reference: %1.").replace("%1", figures))
        return " ".join(parts)
