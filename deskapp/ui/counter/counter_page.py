"""The counter form: errand search, reason and outcome by digits, today's list.

Keyboard flow (DESIGN.md §4): type in the errand search, Enter takes the top match (the
open visit is written at once), a digit picks the reason, a digit picks the outcome and
saves. Esc cancels the open visit, Ctrl+Z undoes the last saved one, F2 switches channel,
Ctrl+T sets an earlier time (late entry), Ctrl+N jumps to the note.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.services import privacy, weeks
from deskapp.services.catalog import Errand
from deskapp.services.journal import Journal, Visit
from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog
from deskapp.ui.counter.today_model import TodayModel
from deskapp.ui.shell import messages
from deskapp.ui.shell.operations import Change, Failed, JournalHub
from deskapp.ui.widgets.choice_list import ChoiceList, widest_item, wrap_items
from deskapp.ui.widgets.list_items import add_item


class CounterPage(QWidget):
    """One visit at a time. Emits ``status`` for the status line."""

    status = Signal(str)
    visit_started = Signal(str, str)  # visit id, errand code
    visit_closed = Signal(str)  # visit id (saved or cancelled)
    visit_errand_changed = Signal(str, str)  # visit id, new errand code (open visit corrected)
    channel_changed = Signal(str)

    def __init__(self, hub: JournalHub, channel: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.hub = hub
        self.catalog = hub.catalog
        self.open_visit_id: str | None = None
        self.open_errand: Errand | None = None
        self.last_saved_id: str | None = None
        self._build()
        self._connect_signals()
        self.set_channel(channel)
        self.reset_form()
        self.refresh_today()

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        self.errand_search = QLineEdit(self)
        self.errand_search.setObjectName("errandSearch")
        self.errand_search.setAccessibleName(self.tr("Søg ærinde"))
        self.errand_search.setPlaceholderText(self.tr("Skriv ærinde, fx flytning – Enter vælger"))
        self.errand_search.setClearButtonEnabled(True)
        self.errand_search.setAccessibleDescription(
            self.tr("Enter vælger det øverste fundne ærinde, pil op og ned vælger et andet"))
        self.errand_list = QListWidget(self)
        self.errand_list.setObjectName("errandList")
        self.errand_list.setAccessibleName(self.tr("Fundne ærinder"))
        self.errand_list.setAccessibleDescription(
            self.tr("Ærinderne, der passer til søgningen. Pil op og ned i søgefeltet vælger, "
                    "Enter tager det"))
        wrap_items(self.errand_list)
        self.errand_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.errand_list.setProperty("keyboardVia", "errandSearch")  # arrows in the search move it

        self.reasons = ChoiceList("reasonList", self.tr("Årsag til fremmøde"), self)
        self.reasons.set_choices(self.catalog.reasons)
        self.outcomes = ChoiceList("outcomeList", self.tr("Resultat"), self)
        self.outcomes.set_choices(self.catalog.outcomes)
        self.reasons.list.setAccessibleDescription(self.tr("Tast 1-9 eller 0 vælger årsagen"))
        self.outcomes.list.setAccessibleDescription(
            self.tr("Tast 1-9 vælger resultatet og gemmer besøget"))

        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channelCombo")
        self.channel_combo.setAccessibleName(self.tr("Kanal"))
        self.channel_combo.setAccessibleDescription(self.tr("F2 skifter kanal"))
        for channel in self.catalog.channels:
            self.channel_combo.addItem(channel.label, channel.code)

        self.late_check = QCheckBox(self.tr("Tidligere tidspunkt"), self)
        self.late_check.setObjectName("lateEntryCheck")
        self.late_check.setAccessibleName(self.tr("Registrér med tidligere tidspunkt"))
        self.late_check.setAccessibleDescription(
            self.tr("Ctrl+T: næste besøg registreres med et tidspunkt tidligere i dag"))
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("startTimeEdit")
        self.time_edit.setAccessibleName(self.tr("Besøgets starttidspunkt"))
        self.time_edit.setAccessibleDescription(
            self.tr("Timer og minutter; pil op og ned ændrer, højre og venstre skifter mellem dem"))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setEnabled(False)

        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(self.tr("Kort note"))
        self.note_edit.setPlaceholderText(
            self.tr("Kort note (valgfri) – aldrig navne eller CPR-numre"))
        self.note_edit.setMaxLength(privacy.NOTE_MAX_LENGTH + 50)
        self.note_edit.setAccessibleDescription(
            self.tr("Ctrl+N går hertil. Noten gemmes med besøget; skriv aldrig navne eller CPR-numre"))

        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setWordWrap(True)

        self.today_model = TodayModel(self.hub.journal, self.catalog, self)
        self.today_table = QTableView(self)
        self.today_table.setObjectName("todayTable")
        self.today_table.setAccessibleName(self.tr("Dagens besøg"))
        self.today_table.setAccessibleDescription(self.tr("Enter retter det valgte besøg"))
        self.today_table.setModel(self.today_model)
        self.today_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.today_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.today_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.today_table.verticalHeader().hide()
        self.today_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.today_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.today_table.horizontalHeader().setStretchLastSection(True)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("outcomeCounts")
        self.counts_label.setWordWrap(True)

        top = QHBoxLayout()
        errand_caption = QLabel(self.tr("&Ærinde:"), self)
        errand_caption.setBuddy(self.errand_search)
        top.addWidget(errand_caption)
        top.addWidget(self.errand_search, 1)
        channel_caption = QLabel(self.tr("&Kanal (F2):"), self)
        channel_caption.setBuddy(self.channel_combo)
        top.addWidget(channel_caption)
        top.addWidget(self.channel_combo)
        top.addWidget(self.late_check)
        top.addWidget(self.time_edit)

        grid = self.lists_grid = QGridLayout()
        grid.addWidget(self._caption(self.tr("Fundne ærinder")), 0, 0)
        grid.addWidget(self._caption(self.tr("Årsag til fremmøde (tast 1-0)")), 0, 1)
        grid.addWidget(self._caption(self.tr("Resultat (tast 1-9 gemmer)")), 0, 2)
        grid.addWidget(self.errand_list, 1, 0)
        grid.addWidget(self.reasons, 1, 1)
        grid.addWidget(self.outcomes, 1, 2)

        note_row = QHBoxLayout()
        note_caption = QLabel(self.tr("&Note:"), self)
        note_caption.setBuddy(self.note_edit)
        note_row.addWidget(note_caption)
        note_row.addWidget(self.note_edit, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stage_label)
        layout.addLayout(grid, 3)
        layout.addLayout(note_row)
        layout.addWidget(self._caption(self.tr("Dagens besøg (Enter retter det valgte)")))
        layout.addWidget(self.today_table, 2)
        layout.addWidget(self.counts_label)

        self.setTabOrder(self.errand_search, self.reasons.list)
        self.setTabOrder(self.reasons.list, self.outcomes.list)
        self.setTabOrder(self.outcomes.list, self.note_edit)
        self.setTabOrder(self.note_edit, self.channel_combo)
        self.setTabOrder(self.channel_combo, self.late_check)
        self.setTabOrder(self.late_check, self.time_edit)
        self.setTabOrder(self.time_edit, self.today_table)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)  # large text on a narrow window: wrap, never clip
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _connect_signals(self) -> None:
        self.errand_search.textChanged.connect(self.on_search_changed)
        self.errand_search.installEventFilter(self)
        self.errand_list.itemActivated.connect(self.on_errand_item_activated)
        self.errand_list.itemClicked.connect(self.on_errand_item_activated)
        self.reasons.chosen.connect(self.on_reason_chosen)
        self.outcomes.chosen.connect(self.on_outcome_chosen)
        self.channel_combo.currentIndexChanged.connect(self.on_channel_index_changed)
        self.late_check.toggled.connect(self.on_late_toggled)
        self.today_table.activated.connect(self.on_today_activated)
        self.today_table.doubleClicked.connect(self.on_today_activated)
        self.hub.changed.connect(self.on_journal_changed)
        shortcuts = [
            (QKeySequence.StandardKey.Undo, self.undo_last),
            (QKeySequence("F2"), self.next_channel),
            (QKeySequence("Ctrl+T"), self.on_late_shortcut),
            (QKeySequence("Ctrl+N"), lambda: self.note_edit.setFocus()),
            (QKeySequence("Ctrl+L"), self.focus_search),
            (QKeySequence("Ctrl+D"), lambda: self.today_table.setFocus()),
            (QKeySequence("Escape"), self.cancel_visit),
        ]
        for sequence, slot in shortcuts:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- errand search --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.errand_search and event.type() in (
                QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo) and not self.errand_search.text():
                # An empty search has nothing to undo: Ctrl+Z means "undo the last visit".
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                else:
                    self.undo_last()
                return True
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1
                row = max(0, min(self.errand_list.count() - 1,
                                 self.errand_list.currentRow() + step))
                self.errand_list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.take_current_errand()
                return True
        return super().eventFilter(watched, event)

    def on_search_changed(self, text: str) -> None:
        self.errand_list.clear()
        for errand in self.catalog.search(text):
            item = add_item(self.errand_list, errand.label, {Qt.ItemDataRole.UserRole: errand.code})
            item.setToolTip(errand.entry.name if errand.entry else errand.no_digital)
        if self.errand_list.count():
            self.errand_list.setCurrentRow(0)

    def take_current_errand(self) -> None:
        item = self.errand_list.currentItem()
        if item is None:
            self.status.emit(self.tr("Intet ærinde matcher „%1“.").replace(
                "%1", self.errand_search.text()))
            return
        self.on_errand_item_activated(item)

    def on_errand_item_activated(self, item: QListWidgetItem) -> None:
        errand = self.catalog.errand(item.data(Qt.ItemDataRole.UserRole))
        if errand is not None:
            self.choose_errand(errand)

    def choose_errand(self, errand: Errand) -> None:
        """Write the open visit (or change its errand) and move on to the reason."""
        if self.open_visit_id is None:
            at = self.chosen_start()
            if at is False:
                return
            started = self.hub.write(lambda journal: journal.start_visit(
                errand.code, channel=self.current_channel(), contact_type=errand.contact_type,
                catalog_version=self.catalog.version, at=at or None,
            ), Change.of_open, self.show_error)
            if isinstance(started, Failed):
                return
            self.open_visit_id = started
            self.visit_started.emit(started, errand.code)
        else:
            visit_id = self.open_visit_id
            if isinstance(self.hub.write(lambda journal: journal.update_open(
                    visit_id, errand=errand.code, contact_type=errand.contact_type),
                    Change.of_open(visit_id), self.show_error), Failed):
                return
            self.visit_errand_changed.emit(visit_id, errand.code)
        self.open_errand = errand
        self.errand_search.setText(errand.label)
        self.reasons.setEnabled(True)
        self.outcomes.setEnabled(False)
        self.show_stage()
        self.reasons.focus()

    def chosen_start(self) -> datetime | bool | None:
        """The late-entry start time, None for now, False when the time is in the future."""
        if not self.late_check.isChecked():
            return None
        today = weeks.local(weeks.now_utc())
        picked = self.time_edit.time()
        at = today.replace(hour=picked.hour(), minute=picked.minute(), second=0, microsecond=0)
        if at > today:
            self.show_error(self.tr("Tidspunktet %1 ligger i fremtiden.").replace(
                "%1", picked.toString("HH:mm")))
            self.time_edit.setFocus()
            return False
        return at

    # --- reason and outcome ---------------------------------------------------------------

    def on_reason_chosen(self, code: str) -> None:
        if self.open_visit_id is None:
            return
        visit_id = self.open_visit_id
        if isinstance(self.hub.write(lambda journal: journal.update_open(visit_id, reason=code),
                                     Change.of_open(visit_id), self.show_error), Failed):
            return
        self.outcomes.setEnabled(True)
        self.show_stage()
        self.outcomes.focus()

    def on_outcome_chosen(self, code: str) -> None:
        if self.open_visit_id is None:
            return
        note = self.checked_note()
        if note is False:
            return
        visit_id = self.open_visit_id
        visit = self.hub.write(lambda journal: journal.finish_visit(visit_id, code, note=note or None),
                               Change.of_visit, self.show_error)
        if isinstance(visit, Failed):
            return
        self.last_saved_id = visit.id
        self.visit_closed.emit(visit.id)
        self.status.emit(self.tr("Gemt: %1 · %2 · %3 (Ctrl+Z fortryder)")
                         .replace("%1", self.catalog.label("errands", visit.errand))
                         .replace("%2", self.catalog.label("reasons", visit.reason))
                         .replace("%3", self.catalog.label("outcomes", visit.outcome)))
        self.reset_form()

    def checked_note(self) -> str | bool | None:
        """The guarded note; False (and a message, the text kept) when it cannot be saved."""
        return messages.checked_free_text(self.note_edit, show_error=self.show_error)

    # --- cancel, undo, edit ---------------------------------------------------------------

    def cancel_visit(self) -> None:
        if self.open_visit_id is None:
            self.errand_search.clear()
            self.focus_search()
            return
        visit_id = self.open_visit_id
        if isinstance(self.hub.write(lambda journal: journal.discard_open(visit_id),
                                     Change.of_open(visit_id), self.show_error), Failed):
            return
        self.visit_closed.emit(visit_id)
        self.status.emit(self.tr("Besøget er annulleret."))
        self.reset_form()

    def undo_last(self) -> None:
        if not self.last_saved_id:
            self.status.emit(self.tr("Der er intet besøg at fortryde."))
            return
        last = self.last_saved_id

        def undo(journal: Journal) -> Visit:
            visit = journal.visit(last)
            journal.undo_visit(last)
            return visit

        visit = self.hub.write(undo, Change.of_visit, self.show_error)
        if isinstance(visit, Failed):
            return
        self.last_saved_id = None
        self.status.emit(self.tr("Fortrudt: %1 kl. %2").replace(
            "%1", self.catalog.label("errands", visit.errand)).replace(
            "%2", visit.started_local.strftime("%H:%M")))

    def on_today_activated(self, index: object) -> None:
        visit = self.today_model.visit_at(self.today_table.currentIndex().row())
        if visit is None:
            return
        dialog = EditVisitDialog(self.catalog, visit, self)
        accepted = dialog.exec() == EditVisitDialog.DialogCode.Accepted
        self.focus_search()  # the next citizen's errand goes into the search, edited or not
        if not accepted:
            return
        changes = dialog.changes()
        edited = self.hub.write(lambda journal: journal.edit_visit(visit.id, **changes),
                                Change.of_visit, self.show_error)
        if isinstance(edited, Failed):
            return
        self.status.emit(self.tr("Besøget kl. %1 er rettet.").replace(
            "%1", visit.started_local.strftime("%H:%M")))

    def resume(self, visit: Visit) -> None:
        """Bring an open visit (left by a crash or a restart) back into the form."""
        self.open_visit_id = visit.id
        self.open_errand = self.catalog.errand(visit.errand)
        self.errand_search.setText(self.catalog.label("errands", visit.errand))
        self.visit_started.emit(visit.id, visit.errand)
        if visit.reason:
            self.reasons.select_code(visit.reason)
            self.outcomes.setEnabled(True)
            self.show_stage()
            self.outcomes.focus()
        else:
            self.reasons.setEnabled(True)
            self.show_stage()
            self.reasons.focus()

    # --- channel and late entry -----------------------------------------------------------

    def current_channel(self) -> str:
        return self.channel_combo.currentData()

    def set_channel(self, code: str) -> None:
        index = self.channel_combo.findData(code)
        self.channel_combo.setCurrentIndex(max(0, index))

    def next_channel(self) -> None:
        count = self.channel_combo.count()
        self.channel_combo.setCurrentIndex((self.channel_combo.currentIndex() + 1) % count)
        self.status.emit(self.tr("Kanal: %1").replace("%1", self.channel_combo.currentText()))

    def on_channel_index_changed(self, _index: int) -> None:
        if self.open_visit_id is not None:
            visit_id, channel = self.open_visit_id, self.current_channel()
            self.hub.write(lambda journal: journal.update_open(visit_id, channel=channel),
                           Change.of_open(visit_id), self.show_error)
        self.channel_changed.emit(self.current_channel())

    def on_late_shortcut(self) -> None:
        self.late_check.setChecked(True)
        self.time_edit.setFocus()
        self.time_edit.setSelectedSection(QTimeEdit.Section.HourSection)

    def on_late_toggled(self, checked: bool) -> None:
        self.time_edit.setEnabled(checked)
        if checked:
            now = QTime.currentTime()
            self.time_edit.setTime(QTime(now.hour(), now.minute()))  # whole minutes, as shown

    # --- state ----------------------------------------------------------------------------

    def reset_form(self) -> None:
        self.open_visit_id = None
        self.open_errand = None
        self.errand_search.clear()
        self.note_edit.clear()
        self.late_check.setChecked(False)
        self.reasons.setEnabled(False)
        self.outcomes.setEnabled(False)
        self.reasons.list.setCurrentRow(0)
        self.outcomes.list.setCurrentRow(0)
        self.on_search_changed("")
        self.show_stage()
        self.focus_search()

    def focus_search(self) -> None:
        self.errand_search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.errand_search.selectAll()

    def share_columns(self) -> None:
        """Each list gets a share of the width in proportion to its longest item, measured in
        the current font: at rest the errand list is widest (all errands), mid-visit it holds
        the one errand taken and the reasons and outcomes get the room. What still does not
        fit wraps onto a second line."""
        for column, view in enumerate((self.errand_list, self.reasons.list, self.outcomes.list)):
            self.lists_grid.setColumnStretch(column, max(1, widest_item(view)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "lists_grid"):  # not while built
            self.share_columns()

    def show_stage(self) -> None:
        self.share_columns()
        if self.open_errand is None:
            text = self.tr("1. Skriv ærindet og tryk Enter.")
        elif not self.outcomes.isEnabled():
            text = self.tr("2. %1: vælg årsagen med et tal (Esc annullerer).").replace(
                "%1", self.open_errand.label)
        else:
            text = self.tr("3. %1: vælg resultatet med et tal – det gemmer besøget.").replace(
                "%1", self.open_errand.label)
        self.stage_label.setText(text)

    def on_journal_changed(self, change: Change) -> None:
        if change.touches_day(weeks.local(weeks.now_utc()).date().isoformat()):
            self.refresh_today()

    def refresh_today(self) -> None:
        self.today_model.refresh()
        counts = self.today_model.outcome_counts()
        parts = [f"{self.catalog.label('outcomes', code)}: {n}"
                 for code, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        total = sum(counts.values())
        self.counts_label.setText(self.tr("I dag: %1 besøg").replace("%1", str(total))
                                  + (" – " + " · ".join(parts) if parts else ""))

    def show_error(self, text: str) -> None:
        self.status.emit(text)
        QMessageBox.warning(self, self.tr("Skranke"), text)
