"""Parts of the manager page: its buttons, tables and discretion box, and what its columns
and summary line say: every figure through the report's discretion (a hidden count shows
"<N" or "x", a share computed from one is left out), every percentage through the
services' one rounding rule."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QSpinBox, QTableView, QWidget

from deskapp.services import reference
from deskapp.services.exports.report_data import ReportData
from deskapp.services.guide import OTHER_BLOCKER
from deskapp.services.percentages import GOAL, change, change_text, percent, percent_points
from deskapp.services.tallies import Row
from deskapp.ui.widgets.focus_table import FocusFrameTableView


def page_button(parent: QWidget, name: str, text: str, accessible: str, description: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setAccessibleDescription(description)
    return button


def min_count_box(parent: QWidget) -> QSpinBox:
    """The page's discretion: hide counts below N and what would give them away (0: off)."""
    box = QSpinBox(parent)
    box.setObjectName("minCount")
    box.setRange(0, 99)
    box.setPrefix(QCoreApplication.translate("ManagerPage", "Skjul antal under "))
    box.setSpecialValueText(QCoreApplication.translate("ManagerPage", "Vis alle antal"))
    box.setAccessibleName(QCoreApplication.translate("ManagerPage", "Diskretion"))
    box.setAccessibleDescription(QCoreApplication.translate("ManagerPage",
        "Skjuler små antal og de tal, de kan regnes ud fra, som i udtræk til offentliggørelse. "
        "0 viser alle antal"))
    return box


def tally_table(parent: QWidget, name: str, accessible: str, model: QAbstractItemModel,
                description: str) -> QTableView:
    """A read-only table of tally rows: rows selected whole, Tab leaves the table."""
    view = FocusFrameTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setAccessibleDescription(description)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class FigureTexts(QObject):
    """Column texts of the page's tables; ``current`` gives the figures on screen."""

    def __init__(self, current: Callable[[], ReportData | None], parent: QObject | None = None):
        super().__init__(parent)
        self.current = current

    @property
    def data(self) -> ReportData | None:
        return self.current()

    def n(self, value: object, *key: object) -> str:
        return str(self.data.show(int(value), *key)) if self.data else str(value)  # type: ignore[call-overload]

    def errand_bar(self, row: Row) -> float | None:
        if self.data and self.data.is_hidden("errand", row["errand"]):
            return None
        top = int(self.data.errands[0]["count"]) if self.data and self.data.errands else 1
        return int(row["count"]) / (top or 1)

    def channel_share(self, row: Row) -> str:
        total = int(self.data.totals["visits"]) if self.data else 0
        if not total or (self.data and self.data.is_hidden("channel", row["channel"])):
            return ""
        return percent(int(row["count"]) / total)

    def share(self, row: Row, key: str) -> str:
        if self.data and self.data.share_hidden(row):
            return "x"
        return percent(row[key]) if row[key] is not None else self.tr("ingen digitale tal")

    def share_bar(self, row: Row) -> float | None:
        hidden = self.data is not None and self.data.share_hidden(row)
        return None if hidden or row["digital_share"] is None else float(row["digital_share"])

    def goal_text(self, row: Row) -> str:
        share = row["digital_share"]
        if share is None or (self.data and self.data.share_hidden(row)):
            return ""
        if float(share) >= GOAL:
            return self.tr("nået")
        gap = self.data.gap(row) if self.data else None
        points = percent_points(float(share)) - percent_points(GOAL)
        return self.tr("%1 procentpoint · %2 flere digitale om ugen").replace(
            "%1", f"{points:+d}".replace("-", "−")).replace("%2", str(gap))

    def blockers_text(self, row: Row) -> str:
        """"Andet (2), MitID-login fejler (1)": the catalogue's labels (Danish only), the
        guide's own "Andet" in the language of the page."""
        none, other = self.tr("ingen angivet"), self.tr("Andet")
        return ", ".join(f"{other if code == OTHER_BLOCKER else label or none} "
                         f"({self.n(n, 'blocker', row['errand'], row['step'], code)})"
                         for code, label, n in row["blockers"])

    def references(self, row: Row) -> str:
        """"64 % landsplan · 92 % Hjørring" (the years and sources: drill-down and files)."""
        refs = self.data.references.get(str(row["errand"]), []) if self.data else []
        return " · ".join(f"{percent(r.share)} {self.where(r)}" for r in refs)

    def where(self, ref: reference.Reference) -> str:
        return self.tr("landsplan") if ref.kind == "national" else ref.place.removesuffix(" Kommune")

    def summary(self, data: ReportData) -> str:
        visits = int(data.totals["visits"])
        moved = change(visits, int(data.previous["visits"]))
        number = QLocale().toString  # "1.574" in Danish, "1,574" in English
        shown = data.show(visits, "visits")
        parts = [self.tr("Uge %1: %2 henvendelser").replace("%1", data.period_text).replace(
            "%2", number(shown) if isinstance(shown, int) else shown)]
        if moved is not None and not data.is_hidden("visits") and not data.is_hidden("prev", "visits"):
            parts.append(self.tr("%1 i forhold til forrige periode").replace("%1", change_text(moved)))
        if data.totals["digital_share"] is not None and not data.total_shares_hidden:
            share = percent(float(data.totals["digital_share"]))
            parts.append(self.tr("digital andel %1 (mål 80 %)").replace("%1", share))
        errors = data.show(int(data.totals["error_contacts"]), "error_contacts")
        parts.append(self.tr("fejlhenvendelser %1").replace("%1", number(errors) if isinstance(errors, int)
                                                            else errors))
        return " · ".join(parts)
