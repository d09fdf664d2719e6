"""The guide panel beside the counter form: assisted digital completion of one open visit.

Shows the errand's self-service entry point, what the citizen must have ready, the steps
with coaching hints, the mode (who drives), a running timer and the handout buttons. Every
mark is written to the journal at once (``add_step_event``), the mode as soon as the helper
uses the guide; the outcome is still picked in the counter form, which saves the visit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from deskapp.services import guide as guide_service
from deskapp.services import weeks
from deskapp.services.catalog import Errand
from deskapp.services.exports.handout_texts import HelpContact
from deskapp.services.guide import DONE, OTHER_BLOCKER, SKIPPED, STUCK, StepState
from deskapp.ui.guide.guide_panel_parts import GuidePanelParts
from deskapp.ui.shell.operations import Change, Failed, JournalHub
from deskapp.ui.widgets.list_items import add_item


class GuidePanel(GuidePanelParts):
    """Guide for the open visit; ``finished`` asks the window to move to the outcome."""

    status = Signal(str)
    finished = Signal()
    reveal = Signal(QWidget)  # scroll this part of the panel into view

    def __init__(self, hub: JournalHub, contact: Callable[[], HelpContact],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guidePanel")
        self.setAccessibleName(self.tr("Vejledning"))
        self.hub = hub
        self.contact = contact
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # tests replace it
        self.visit_id: str | None = None
        self.errand: Errand | None = None
        self.started: datetime | None = None
        self.states: dict[str, StepState] = {}
        self.mode_recorded = False
        self.stuck_row: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self._build()
        self._connect_signals()
        self.clear()

    # --- wiring ---------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        self.timer.timeout.connect(self.update_timer)
        self.open_button.clicked.connect(self.open_entry)
        self.mode_combo.activated.connect(self.on_mode_activated)
        self.mode_combo.currentIndexChanged.connect(
            lambda _index: self.mode_meaning.setText(self.mode_meanings[self.current_mode()]))
        self.steps.action.connect(self.on_step_action)
        self.steps.currentRowChanged.connect(self.show_step_detail)
        self.blockers.picked.connect(self.on_blocker_picked)
        self.blockers.cancelled.connect(self.cancel_stuck)
        self.blockers.needs_room.connect(lambda: self.reveal.emit(self.blockers))
        for status, button in self.mark_buttons.items():
            button.clicked.connect(lambda _checked=False, s=status: self.on_step_action(s))
        self.handout.written.connect(self.on_handout_written)
        self.handout.status.connect(self.status)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: self.on_step_action(DONE))

    # --- showing a visit ------------------------------------------------------------------

    def show_visit(self, visit_id: str, errand: Errand, since: str = "") -> None:
        """Fill the panel for an open visit; marks already in the journal (from ``since``,
        a UTC stamp, when the errand was corrected) are shown."""
        self.clear()
        self.visit_id = visit_id
        self.errand = errand
        self.handout.show_errand(errand)
        visit = self.hub.journal.visit(visit_id)
        self.started = weeks.parse_stamp(visit.started_utc)
        self.title.setText(errand.label)
        if errand.entry:
            self.entry_label.setText(self.tr("Selvbetjening: %1").replace("%1", errand.entry.name))
            self.entry_label.setToolTip(errand.entry.url)
        else:
            self.entry_label.setText(self.tr("Ingen digital selvbetjening til dette ærinde."))
        self.open_button.setVisible(errand.entry is not None)
        self.no_digital_label.setText(errand.no_digital)
        self.no_digital_label.setVisible(bool(errand.no_digital))
        guide = errand.guide
        for widget in (self.ready_caption, self.ready_list, self.mode_caption, self.mode_combo,
                       self.mode_meaning,
                       self.steps_caption, self.steps, self.step_detail, self.handout,
                       self.keys_label, *self.mark_buttons.values()):
            widget.setVisible(guide is not None)
        if guide is not None:
            for text in guide.ready:
                item = add_item(self.ready_list, text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.ready_caption.setVisible(bool(guide.ready))
            self.ready_list.setVisible(bool(guide.ready))
            events = [e for e in self.hub.journal.step_events(visit_id) if e["at_utc"] >= since]
            self.states = guide_service.step_states(guide, events)
            self.steps.set_steps(guide.steps, self.states)
            for row in range(len(guide.steps)):
                self._show_row(row)
            if visit.guide_mode in guide_service.MODES:
                self.mode_combo.setCurrentIndex(self.mode_combo.findData(visit.guide_mode))
                self.mode_recorded = True
            self.blockers.set_blockers(guide.blockers)
            first = guide_service.next_step(guide, self.states)
            self.steps.setCurrentRow(first if first is not None else 0)
        self.update_timer()
        self.timer.start()

    def clear(self) -> None:
        self.timer.stop()
        self.visit_id = None
        self.errand = None
        self.handout.show_errand(None)
        self.started = None
        self.states = {}
        self.mode_recorded = False
        self.stuck_row = None
        self.ready_list.clear()
        self.steps.set_steps((), {})
        self.mode_combo.setCurrentIndex(0)
        self.mode_meaning.setText(self.mode_meanings[self.current_mode()])
        self.blockers.close_picker()
        self.step_detail.clear()
        self.timer_label.clear()

    def update_timer(self) -> None:
        if self.started is None:
            return
        seconds = max(0, int((weeks.now_utc() - self.started).total_seconds()))
        hours, rest = divmod(seconds, 3600)
        clock = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
        self.timer_label.setText(self.tr("Tid: %1").replace("%1", clock))
        self.timer_label.setAccessibleDescription(clock)

    def home_widget(self) -> QWidget | None:
        """Where Ctrl+G puts the keyboard: the step list, or the entry button without a guide."""
        if self.errand is None:
            return None
        if self.errand.guide is not None:
            return self.steps
        return self.open_button if self.errand.entry is not None else None

    def focus_guide(self) -> bool:
        home = self.home_widget()
        if home is None:
            return False
        home.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def show_step_detail(self, row: int) -> None:
        guide = self.errand.guide if self.errand else None
        if guide is None or not 0 <= row < len(guide.steps):
            self.step_detail.clear()
            return
        step = guide.steps[row]
        self.step_detail.setText(
            "<b>" + self.tr("Trin %1 af %2").replace("%1", str(row + 1)).replace(
                "%2", str(len(guide.steps))) + ":</b> " + _html(step.instruction)
            + "<br><i>" + self.tr("Tip:") + "</i> " + _html(step.hint))

    def _show_row(self, row: int) -> None:
        assert self.errand is not None and self.errand.guide is not None
        step = self.errand.guide.steps[row]
        state = self.states.get(step.code, StepState())
        label = ""
        if state.blocker == OTHER_BLOCKER:
            label = self.tr("Andet") + (f" – {state.note}" if state.note else "")
        elif state.blocker:
            label = next((b.label for b in self.errand.guide.blockers if b.code == state.blocker),
                         state.blocker)
        self.steps.show_state(row, state, label)

    # --- marking steps --------------------------------------------------------------------

    def on_step_action(self, action: str) -> None:
        if self.visit_id is None or self.errand is None or self.errand.guide is None:
            return
        if self.blockers.isVisible():
            self.cancel_stuck()  # another action replaces a blocker not yet picked
        if action in (DONE, SKIPPED):
            self.mark(action)
        elif action == STUCK:
            self.ask_blocker()
        elif action == "mode":
            self.mode_combo.setCurrentIndex((self.mode_combo.currentIndex() + 1) % self.mode_combo.count())
            self.on_mode_activated(self.mode_combo.currentIndex())
            self.status.emit(self.tr("Tilstand: %1").replace("%1", self.mode_combo.currentText()))
        elif action == "browser":
            self.open_entry()
        elif action == "print":
            self.handout.print_handout()
        elif action == "outcome":
            self.finished.emit()

    def mark(self, status: str, blocker: str | None = None, note: str | None = None) -> bool:
        assert self.errand is not None and self.errand.guide is not None
        row = self.stuck_row if status == STUCK and self.stuck_row is not None else self.steps.currentRow()
        if self.visit_id is None or row < 0:
            return False
        step = self.errand.guide.steps[row]
        visit_id = self.visit_id
        if not self.record_mode() or isinstance(self.hub.write(
                lambda journal: journal.add_step_event(visit_id, step.code, status, blocker, note),
                Change.of_open(visit_id), self.show_error), Failed):
            return False
        self.states[step.code] = StepState(status, blocker, note)
        self._show_row(row)
        words = {DONE: self.tr("udført"), STUCK: self.tr("sidder fast"), SKIPPED: self.tr("sprunget over")}
        self.status.emit(self.tr("Trin %1: %2").replace("%1", str(row + 1)).replace("%2", words[status]))
        if status == STUCK:
            # Stay on the step: U when it works out after all, O to give up on it.
            self.steps.setCurrentRow(row)
            self.show_step_detail(row)
            return True
        following = guide_service.next_step(self.errand.guide, self.states, row)
        if following is None:
            self.status.emit(self.tr("Alle trin er markeret – vælg resultatet med et tal."))
            self.finished.emit()
        else:
            self.steps.setCurrentRow(following)
        return True

    def ask_blocker(self) -> None:
        row = self.steps.currentRow()
        if row < 0:
            return
        self.stuck_row = row
        self.blockers.ask(row + 1)

    def on_blocker_picked(self, code: str, note: str) -> None:
        if self.stuck_row is not None and self.mark(STUCK, code, note or None):
            self.cancel_stuck()

    def cancel_stuck(self) -> None:
        self.stuck_row = None
        self.steps.setFocus(Qt.FocusReason.OtherFocusReason)  # before the picker hides
        self.blockers.close_picker()

    # --- mode, entry point, handout -------------------------------------------------------

    def current_mode(self) -> str:
        return str(self.mode_combo.currentData())

    def on_mode_activated(self, _index: int) -> None:
        self.mode_recorded = False
        self.record_mode()

    def record_mode(self) -> bool:
        """Write the mode once the helper uses the guide (untouched guides record none);
        False when the journal refused it (the error is shown)."""
        if self.visit_id is None or self.mode_recorded:
            return True
        visit_id, mode = self.visit_id, self.current_mode()
        if isinstance(self.hub.write(lambda journal: journal.update_open(visit_id, guide_mode=mode),
                                     Change.of_open(visit_id), self.show_error), Failed):
            return False
        self.mode_recorded = True
        return True

    def open_entry(self) -> None:
        if self.errand is None or self.errand.entry is None:
            return
        if not self.open_url(QUrl(self.errand.entry.url)):
            self.status.emit(self.tr("Browseren kunne ikke åbnes. Adressen er %1").replace(
                "%1", self.errand.entry.url))
        else:
            self.status.emit(self.tr("Åbner %1 i browseren.").replace("%1", self.errand.entry.name))

    def on_handout_written(self, _path: str) -> None:
        """The citizen got the sheet: the visit records it (and that the guide was used)."""
        if self.visit_id is None:
            return
        visit_id = self.visit_id
        if self.record_mode():
            self.hub.write(lambda journal: journal.update_open(visit_id, handout=1),
                           Change.of_open(visit_id), self.show_error)

    def show_error(self, text: str) -> None:
        self.status.emit(text)
        QMessageBox.warning(self, self.tr("Skranke"), text)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
