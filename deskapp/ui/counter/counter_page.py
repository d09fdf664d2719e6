"""The counter form: errand search, reason and outcome by digits, today's list.

Keyboard flow (DESIGN.md §4): type in the errand search, Enter takes the top match (the
open visit is written at once), a digit picks the reason, a digit picks the outcome and
saves. Nothing typed is lost: a misspelt errand finds the nearest ones, and the list always
ends with *Andet ærinde*. Esc cancels the open visit, Ctrl+Z undoes the last saved one, +
in the empty search starts the next errand of the same citizen, F2 switches channel, F3
booked/drop-in for this visit, Ctrl+T sets an earlier time (late entry), Ctrl+N jumps to
the note and Enter in the note goes back to the reason or outcome.

The visit's states and checks live in :mod:`deskapp.services.counter_workflow`; this page
shows them and runs each step through ``JournalHub.write``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QTimeEdit, QWidget

from deskapp.services import counter_workflow, weeks
from deskapp.services.catalog import Errand
from deskapp.services.counter_workflow import VisitFlow
from deskapp.services.journal import BOOKED, DROP_IN, Visit
from deskapp.ui.counter.announce import announce
from deskapp.ui.counter.counter_form import CounterForm
from deskapp.ui.shell import messages
from deskapp.ui.shell.operations import Change, Failed, JournalHub


class CounterPage(CounterForm):
    """One visit at a time. Emits ``status`` for the status line."""

    status = Signal(str)
    visit_started = Signal(str, str)  # visit id, errand code
    visit_closed = Signal(str)  # visit id (saved or cancelled)
    visit_errand_changed = Signal(str, str)  # visit id, new errand code (open visit corrected)
    channel_changed = Signal(str)

    def __init__(self, hub: JournalHub, channel: str, parent: QWidget | None = None,
                 appointment: str = DROP_IN):
        self.flow = VisitFlow(hub.catalog, appointment)
        super().__init__(hub, parent)
        self._connect_signals()
        self.set_channel(channel)
        self.reset_form()

    @property
    def open_visit_id(self) -> str | None:
        return self.flow.open.id if self.flow.open else None

    @property
    def open_errand(self) -> Errand | None:
        return self.flow.open.errand if self.flow.open else None

    def _connect_signals(self) -> None:
        self.search.taken.connect(self.on_errand_taken)
        self.search.refused.connect(self.on_search_refused)
        self.search.matches_changed.connect(self.on_matches_changed)
        self.errand_search.textChanged.connect(self.on_search_text)
        self.search.undo_requested.connect(self.undo_last)
        self.errand_search.installEventFilter(self)
        self.note_edit.returnPressed.connect(self.back_from_note)
        self.reasons.chosen.connect(self.on_reason_chosen)
        self.outcomes.chosen.connect(self.on_outcome_chosen)
        self.channel_combo.currentIndexChanged.connect(self.on_channel_index_changed)
        self.appointment_check.clicked.connect(lambda _checked: self.switch_appointment())
        self.late_check.toggled.connect(self.on_late_toggled)
        self.today.status.connect(self.status)
        self.today.done.connect(self.focus_search)
        shortcuts: list[tuple[QKeySequence | QKeySequence.StandardKey, Callable[[], object]]] = [
            (QKeySequence.StandardKey.Undo, self.undo_last),
            (QKeySequence("F2"), self.next_channel),
            (QKeySequence("F3"), self.switch_appointment),
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """``+`` in the empty search: the next errand is the same citizen's."""
        if (watched is self.errand_search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.text() == "+"
                and not self.errand_search.text()):
            self.same_citizen()
            return True
        return super().eventFilter(watched, event)

    # --- errand ---------------------------------------------------------------------------

    def on_errand_taken(self, code: str, digit: int) -> None:
        errand = self.catalog.errand(code)
        if errand is None:
            return
        typed = self.errand_search.text()
        if not self.choose_errand(errand):
            return
        if errand == self.catalog.other_errand():
            self.offer_note(typed, errand)
        if digit >= 0:
            self.reasons.on_digit(digit)  # the digit typed in the search picks the reason

    def choose_errand(self, errand: Errand) -> bool:
        """Write the open visit (or change its errand) and move on to the reason."""
        reopened = self.flow.open is not None
        at = None if reopened else self.chosen_start()
        if at is False:
            return False
        channel = self.current_channel()
        result = self.hub.write(
            lambda journal: self.flow.take_errand(journal, errand, channel=channel, at=at),
            Change.of_open, self.show_error)
        if isinstance(result, Failed):
            return False
        if reopened:
            self.visit_errand_changed.emit(result, errand.code)
        else:
            self.visit_started.emit(result, errand.code)
        self.errand_search.setText(errand.label)
        self.reasons.setEnabled(True)
        self.outcomes.setEnabled(False)
        self.show_stage()
        self.reasons.focus()
        return True

    def offer_note(self, typed: str, other: Errand) -> None:
        """*Andet ærinde* taken: what was typed in the search becomes the note."""
        if not typed.strip() or self.note_edit.text():
            return
        note = counter_workflow.note_from_search(typed, other)
        if note is not None:
            self.note_edit.setText(note)
        elif counter_workflow.note_from_search(typed) is None:  # refused, not just "andet"
            self.say(self.tr("Søgeteksten ligner personoplysninger og er ikke foreslået som note."),
                     urgent=True)

    def on_search_refused(self, why: str) -> None:
        if why == "digit":
            self.say(self.tr("Skriv ærindet først – tallene vælger årsag og resultat bagefter."),
                     urgent=True)
        else:
            self.say(self.tr("Intet ærinde matcher „%1“.").replace("%1", self.errand_search.text()),
                     urgent=True)

    def on_search_text(self, _text: str) -> None:
        if not self.search.matched:  # the stage line repeats what finds nothing
            self.show_stage()

    def on_matches_changed(self, matched: bool) -> None:
        if not matched:  # said once, while typing goes on: without the half-typed word
            announce(self, self.tr("Intet ærinde matcher. Enter registrerer Andet ærinde med "
                                   "teksten som note."))
        self.show_stage()

    def chosen_start(self) -> datetime | Literal[False] | None:
        """The late-entry start time, None for now, False when it cannot be right."""
        if not self.late_check.isChecked():
            return None
        today = weeks.local(weeks.now_utc())
        picked = self.time_edit.time()
        at = today.replace(hour=picked.hour(), minute=picked.minute(), second=0, microsecond=0)
        try:
            counter_workflow.check_start(at)
        except counter_workflow.StartTimeRefused:
            self.show_error(self.tr("Tidspunktet %1 ligger i fremtiden.").replace(
                "%1", picked.toString("HH:mm")))
            self.time_edit.setFocus()
            return False
        return at

    # --- reason, note and outcome ---------------------------------------------------------

    def on_reason_chosen(self, code: str) -> None:
        if self.flow.open is None:
            return
        visit_id = self.flow.open.id
        if isinstance(self.hub.write(lambda journal: self.flow.choose_reason(journal, code),
                                     Change.of_open(visit_id), self.show_error), Failed):
            return
        self.outcomes.setEnabled(True)
        self.show_stage()
        self.outcomes.focus()

    def back_from_note(self) -> None:
        """Enter in the note: back to where the visit waits (the outcome, else the reason)."""
        stage = self.flow.stage
        if stage == "outcome":
            self.outcomes.focus()
        elif stage == "reason":
            self.reasons.focus()
        else:
            self.focus_search()

    def on_outcome_chosen(self, code: str) -> None:
        if self.flow.open is None:
            return
        note = messages.checked_free_text(self.note_edit, show_error=self.show_error)
        if note is False:
            return
        visit = self.hub.write(lambda journal: self.flow.finish(journal, code, note),
                               Change.of_visit, self.show_error)
        if isinstance(visit, Failed):
            return
        self.visit_closed.emit(visit.id)
        text = (self.tr("Gemt: %1 · %2 · %3 (Ctrl+Z fortryder, + samme borger)")
                .replace("%1", self.catalog.label("errands", visit.errand))
                .replace("%2", self.catalog.label("reasons", visit.reason))
                .replace("%3", self.catalog.label("outcomes", visit.outcome)))
        if counter_workflow.mode_contradicts(visit.guide_mode, visit.outcome):
            text += " " + self.tr("Bemærk: vejledningen stod på en anden tilstand end resultatet "
                                  "%1 – ret besøget i Dagens besøg, hvis det er forkert.").replace(
                "%1", self.catalog.label("outcomes", visit.outcome))
        self.reset_form()
        self.say(text)

    # --- cancel, undo, same citizen -------------------------------------------------------

    def cancel_visit(self) -> None:
        if self.flow.open is None:
            self.flow.forget_same_citizen()
            self.errand_search.clear()
            self.show_stage()
            self.focus_search()
            return
        visit_id = self.flow.open.id
        if isinstance(self.hub.write(self.flow.cancel, Change.of_open(visit_id), self.show_error),
                      Failed):
            return
        self.visit_closed.emit(visit_id)
        self.status.emit(self.tr("Besøget er annulleret."))
        self.reset_form()

    def undo_last(self) -> None:
        if self.flow.last_saved is None:
            self.status.emit(self.tr("Der er intet besøg at fortryde."))
            return
        visit = self.hub.write(self.flow.undo, Change.of_visit, self.show_error)
        if isinstance(visit, Failed):
            return
        self.show_stage()
        self.say(self.tr("Fortrudt: %1 kl. %2").replace(
            "%1", self.catalog.label("errands", visit.errand)).replace(
            "%2", visit.started_local.strftime("%H:%M")))

    def same_citizen(self) -> None:
        """The next errand typed is the same citizen's as the visit just saved."""
        if self.flow.same_citizen() is None:
            self.say(self.tr("Samme borger: gem først borgerens første ærinde."), urgent=True)
            return
        self.show_stage()
        self.say(self.tr("Samme borger: skriv det næste ærinde (Esc fortryder)."))

    def resume(self, visit: Visit) -> None:
        """Bring an open visit (left by a crash or a restart) back into the form."""
        self.flow.resume(visit)
        self.appointment_check.setChecked(self.flow.appointment == BOOKED)
        self.errand_search.setText(self.catalog.label("errands", visit.errand))
        self.visit_started.emit(visit.id, visit.errand)
        self.reasons.setEnabled(True)
        if visit.reason:
            self.reasons.select_code(visit.reason)
            self.outcomes.setEnabled(True)
        self.show_stage()
        self.back_from_note()

    # --- channel, appointment and late entry ----------------------------------------------

    def current_channel(self) -> str:
        return str(self.channel_combo.currentData())

    def set_channel(self, code: str) -> None:
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(code)))

    def next_channel(self) -> None:
        count = self.channel_combo.count()
        self.channel_combo.setCurrentIndex((self.channel_combo.currentIndex() + 1) % count)
        self.status.emit(self.tr("Kanal: %1").replace("%1", self.channel_combo.currentText()))

    def on_channel_index_changed(self, _index: int) -> None:
        if self.flow.open is not None:
            visit_id, channel = self.flow.open.id, self.current_channel()
            self.hub.write(lambda journal: self.flow.change_channel(journal, channel),
                           Change.of_open(visit_id), self.show_error)
        self.channel_changed.emit(self.current_channel())

    def switch_appointment(self) -> None:
        """F3: booked <-> drop-in for this visit only (the next one starts from the default)."""
        change = Change.of_open(self.flow.open.id) if self.flow.open else None
        value: str | Failed = self.hub.write(self.flow.switch_appointment, change, self.show_error)
        self.appointment_check.setChecked(self.flow.appointment == BOOKED)
        if not isinstance(value, Failed):
            self.say(self.tr("Tidsbestilt") if value == BOOKED else self.tr("Uden tidsbestilling"))

    def set_appointment_default(self, value: str) -> None:
        self.flow.set_appointment_default(value)
        self.appointment_check.setChecked(self.flow.appointment == BOOKED)

    def on_late_shortcut(self) -> None:
        self.late_check.setChecked(True)
        self.time_edit.setFocus()
        self.time_edit.setSelectedSection(QTimeEdit.Section.HourSection)

    def on_late_toggled(self, checked: bool) -> None:
        self.time_edit.setEnabled(checked)
        if checked:  # Danish time, as the list shows it, whatever the PC's clock zone
            now = weeks.local(weeks.now_utc())
            self.time_edit.setTime(QTime(now.hour, now.minute))

    # --- state ----------------------------------------------------------------------------

    def reset_form(self) -> None:
        self.errand_search.clear()
        self.note_edit.clear()
        self.late_check.setChecked(False)
        self.appointment_check.setChecked(self.flow.appointment == BOOKED)
        self.reasons.setEnabled(False)
        self.outcomes.setEnabled(False)
        self.reasons.list.setCurrentRow(0)
        self.outcomes.list.setCurrentRow(0)
        self.search.fill("")
        self.show_stage()
        self.focus_search()

    def focus_search(self) -> None:
        self.errand_search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.errand_search.selectAll()

    def show_stage(self) -> None:
        self.share_columns()
        errand = self.open_errand
        if errand is not None and self.flow.stage == "reason":
            text = self.tr("2. %1: vælg årsagen med et tal (Esc annullerer).").replace(
                "%1", errand.label)
        elif errand is not None:
            text = self.tr("3. %1: vælg resultatet med et tal – det gemmer besøget.").replace(
                "%1", errand.label)
        elif not self.search.matched:
            text = self.tr("Intet ærinde matcher „%1“ – Enter registrerer Andet ærinde med "
                           "teksten som note.").replace("%1", self.errand_search.text())
        elif self.flow.same_citizen_as:
            text = self.tr("1. Samme borger: skriv det næste ærinde og tryk Enter.")
        else:
            text = self.tr("1. Skriv ærindet og tryk Enter.")
        self.stage_label.setText(text)

    def refresh_today(self) -> None:
        self.today.refresh()

    def say(self, text: str, *, urgent: bool = False) -> None:
        """The status line and the screen reader."""
        self.status.emit(text)
        announce(self, text, urgent=urgent)

    def show_error(self, text: str) -> None:
        self.status.emit(text)
        announce(self, text, urgent=True)
        QMessageBox.warning(self, self.tr("Skranke"), text)
