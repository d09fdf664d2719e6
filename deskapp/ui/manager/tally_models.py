"""Thin Qt table models over tally rows: a column list, a pivot and an hour × weekday grid."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from deskapp.services.catalog import Catalog
from deskapp.services.exports.report_data import Pivot, dropped_errand
from deskapp.services.tallies import Row

Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole  # the row's code (errand, channel...) for drill-down
BAR_ROLE = Qt.ItemDataRole.UserRole + 1  # 0..1: how much of the cell a bar fills
GOAL_ROLE = Qt.ItemDataRole.UserRole + 2  # 0..1: where the goal line is drawn
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


Shown = Callable[..., "int | str"]


def errand_label(catalog: Catalog, code: object, none: str) -> str:
    """An errand's label; ``none`` for visits whose errand the privacy guard dropped."""
    return none if dropped_errand(code) else catalog.label("errands", str(code))


def _plain(value: int, *_key: object) -> int | str:
    return value


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Row], str]
    numeric: bool = False
    bar: Callable[[Row], float | None] | None = None
    goal: float | None = None


class RowsModel(QAbstractTableModel):
    """One row per tally row; what each column shows is given by ``Column``."""

    def __init__(self, columns: list[Column], code_key: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.code_key = code_key
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def code_at(self, row: int) -> str | None:
        if 0 <= row < len(self.rows) and self.code_key:
            return str(self.rows[row][self.code_key])
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(RIGHT.value)
        if role == CODE_ROLE and self.code_key:
            return str(row[self.code_key])
        if role == BAR_ROLE and column.bar is not None:
            return column.bar(row)
        if role == GOAL_ROLE and column.goal is not None:
            return column.goal
        return None


class PivotModel(QAbstractTableModel):
    """Errands (rows) × reasons or outcomes (columns), with a total column."""

    def __init__(self, catalog: Catalog, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.kind = kind
        self.pivot = Pivot([], [], {})
        self.show: Shown = _plain

    def set_pivot(self, pivot: Pivot, show: Shown | None = None) -> None:
        """``show(value, *key)`` gives a figure as it may be shown (the report's discretion)."""
        self.beginResetModel()
        self.pivot = pivot
        self.show = show or _plain
        self.endResetModel()

    def code_at(self, row: int) -> str | None:
        return self.pivot.errands[row] if 0 <= row < len(self.pivot.errands) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pivot.errands)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pivot.columns) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Ærinde")
        if section == len(self.pivot.columns) + 1:
            return self.tr("I alt")
        code = self.pivot.columns[section - 1]
        return self.catalog.label(self.kind, code) or self.tr("(ingen)")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        errand = self.pivot.errands[index.row()]
        column = index.column()
        if role == CODE_ROLE:
            return errand
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(RIGHT.value)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return errand_label(self.catalog, errand, self.tr("(ingen)"))
        if column == len(self.pivot.columns) + 1:
            return str(self.show(sum(self.pivot.cells.get((errand, c), 0) for c in self.pivot.columns),
                                 "errand", errand))
        code = self.pivot.columns[column - 1]
        value = self.pivot.cells.get((errand, code), 0)
        return str(self.show(value, self.kind[:-1], errand, code)) if value else ""


class HoursModel(QAbstractTableModel):
    """Weekdays (rows) × hours of the day (columns); the background darkens with the count."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day_names = [self.tr("Mandag"), self.tr("Tirsdag"), self.tr("Onsdag"), self.tr("Torsdag"),
                          self.tr("Fredag"), self.tr("Lørdag"), self.tr("Søndag")]
        self.counts: dict[tuple[int, int], int] = {}
        self.days: list[int] = list(range(1, 6))
        self.hours: list[int] = list(range(8, 16))
        self.show: Shown = _plain

    def set_counts(self, counts: dict[tuple[int, int], int], show: Shown | None = None) -> None:
        self.beginResetModel()
        self.counts = dict(counts)
        self.show = show or _plain
        self.days = sorted({d for d, _ in counts} | set(range(1, 6)))
        self.hours = sorted({h for _, h in counts} | set(range(8, 16)))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.days)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hours)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return f"{self.hours[section]:02d}"
        return self.day_names[self.days[section] - 1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.counts.get((self.days[index.row()], self.hours[index.column()]), 0)
        top = max(self.counts.values(), default=0) or 1
        day, hour = self.days[index.row()], self.hours[index.column()]
        shown = self.show(value, "hour", day, hour) if value else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return str(shown)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter.value)
        if isinstance(shown, str):
            return None  # a hidden count gets no shade that would tell its size
        if role == Qt.ItemDataRole.BackgroundRole and value:
            color = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
            color.setAlphaF(0.1 + 0.8 * value / top)
            return color
        if role == Qt.ItemDataRole.ForegroundRole and value / top > 0.55:
            return QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
        return None
