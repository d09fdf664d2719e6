"""Today's saved visits for the counter's list, newest first.

The model holds one page of rows (the newest ``PAGE``) and loads older pages only when the
list is scrolled to them (``fetchMore``); every refresh starts again from the newest page.
So a counter that logs 150 visits a day keeps the same few rows in memory all day."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, Visit
from deskapp.services.weeks import local, now_utc

Index = QModelIndex | QPersistentModelIndex


PAGE = 50


class TodayModel(QAbstractTableModel):
    def __init__(self, journal: Journal, catalog: Catalog, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal
        self.catalog = catalog
        self.rows: list[Visit] = []
        self.more = False
        self.headers = [self.tr("Tid"), self.tr("Ærinde"), self.tr("Årsag"),
                        self.tr("Resultat"), self.tr("Kanal")]

    @staticmethod
    def today() -> str:
        return local(now_utc()).date().isoformat()

    def _page(self, offset: int) -> list[Visit]:
        rows = self.journal.saved_on(self.today(), limit=PAGE + 1, offset=offset)
        self.more = len(rows) > PAGE
        return rows[:PAGE]

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self._page(0)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        older = self._page(len(self.rows))
        if older:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(older) - 1)
            self.rows += older
            self.endInsertRows()

    def visit_at(self, row: int) -> Visit | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def outcome_counts(self) -> dict[str, int]:
        """Today's visits per outcome, all of them (not only the rows loaded)."""
        return self.journal.outcomes_on(self.today())

    def citizen_count(self) -> int:
        """Today's citizens: a citizen with several errands counts once (as in the tallies,
        a visit is a citizen's first when its ``citizen`` is itself)."""
        return self.journal.citizens_on(self.today())

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
