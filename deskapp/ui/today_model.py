"""Today's saved visits for the counter's list, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, Visit
from deskapp.services.weeks import local, now_utc

Index = QModelIndex | QPersistentModelIndex


class TodayModel(QAbstractTableModel):
    def __init__(self, journal: Journal, catalog: Catalog, parent: object = None):
        super().__init__(parent)
        self.journal = journal
        self.catalog = catalog
        self.rows: list[Visit] = []
        self.headers = [self.tr("Tid"), self.tr("Ærinde"), self.tr("Årsag"),
                        self.tr("Resultat"), self.tr("Kanal")]

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.journal.saved_on(local(now_utc()).date().isoformat())
        self.endResetModel()

    def visit_at(self, row: int) -> Visit | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def outcome_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for visit in self.rows:
            counts[visit.outcome or ""] = counts.get(visit.outcome or "", 0) + 1
        return counts

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        visit = self.rows[index.row()]
        column = index.column()
        if column == 0:
            text = visit.started_local.strftime("%H:%M")
            return text + (" *" if visit.late_entry else "")
        kind, code = [("errands", visit.errand), ("reasons", visit.reason),
                      ("outcomes", visit.outcome), ("channels", visit.channel)][column - 1]
        return self.catalog.label(kind, code)
