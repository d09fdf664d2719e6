"""Today's visits under the counter form: the list (Enter corrects a visit) and the day line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QVBoxLayout, QWidget

from deskapp.services import weeks
from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog
from deskapp.ui.counter.today_model import TodayModel
from deskapp.ui.shell.operations import Change, Failed, JournalHub
from deskapp.ui.widgets.focus_table import FocusFrameTableView


class TodayPanel(QWidget):
    """Emits ``status`` after a correction and ``done`` when the edit dialog closed (the
    page then puts the focus back in the errand search, edited or not)."""

    status = Signal(str)
    done = Signal()

    def __init__(self, hub: JournalHub, caption: QLabel, show_error: Callable[[str], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.hub = hub
        self.show_error = show_error
        self.model = TodayModel(hub.journal, hub.catalog, self)
        self.table = FocusFrameTableView(self)
        self.table.setObjectName("todayTable")
        self.table.setAccessibleName(self.tr("Dagens besøg"))
        self.table.setAccessibleDescription(self.tr("Enter retter det valgte besøg"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Columns fit the rows on screen, not every loaded row: measuring a full page of a
        # busy day's visits took about 40 ms of the first frame (issue 15.7).
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(True)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("outcomeCounts")
        self.counts_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts_label)
        self.table.activated.connect(self.edit_current)
        self.table.doubleClicked.connect(self.edit_current)
        hub.changed.connect(self.on_journal_changed)
        self.refresh()

    def hasHeightForWidth(self) -> bool:
        """The day line wraps, but the panel takes what height is left: as a height-for-width
        item the form's layout would weigh its preferred height against the lists above and
        squeeze both (at 200 % the reasons 9 and 0 went behind a scroll bar)."""
        return False

    def on_journal_changed(self, change: Change) -> None:
        if change.touches_day(weeks.local(weeks.now_utc()).date().isoformat()):
            self.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        catalog = self.hub.catalog
        counts = self.model.outcome_counts()
        parts = [f"{catalog.label('outcomes', code)}: {n}"
                 for code, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        total = sum(counts.values())
        citizens = self.model.citizen_count()
        line = self.tr("I dag: %n besøg", "", total) + " · " + (
            self.tr("1 borger") if citizens == 1 else self.tr("%n borgere", "", citizens))
        self.counts_label.setText(line + (" – " + " · ".join(parts) if parts else ""))

    def edit_current(self, _index: object = None) -> None:
        visit = self.model.visit_at(self.table.currentIndex().row())
        if visit is None:
            return
        dialog = EditVisitDialog(self.hub.catalog, visit, self)
        accepted = dialog.exec() == EditVisitDialog.DialogCode.Accepted
        self.done.emit()
        if not accepted:
            return
        changes = dialog.changes()
        edited = self.hub.write(lambda journal: journal.edit_visit(visit.id, **changes),
                                Change.of_visit, self.show_error)
        if not isinstance(edited, Failed):
            self.status.emit(self.tr("Besøget kl. %1 er rettet.").replace(
                "%1", visit.started_local.strftime("%H:%M")))
