"""Where the citizen got stuck: the errand's blockers by digit, or "Andet" with a short note.

The note is free text, so it goes through the privacy guard before it is offered for
saving (``messages.checked_free_text``, as the counter note): a refused note stays in the
field with the reason shown, an e-mail address or phone number is saved only after a yes.
Esc steps back: from the note to the list, from the list out of the picker; the keyboard
goes to where it lands before anything is hidden, so it never passes through another button.
The list is exactly as tall as its rows, so every blocker shows without scrolling inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from deskapp.services import privacy
from deskapp.services.catalog import Choice
from deskapp.services.guide import OTHER_BLOCKER
from deskapp.ui.shell import messages
from deskapp.ui.widgets.choice_list import DIGITS, ChoiceList


class BlockerPicker(QWidget):
    """Emits ``picked(code, note)`` (note empty unless "Andet") or ``cancelled()``."""

    picked = Signal(str, str)
    cancelled = Signal()
    needs_room = Signal()  # shown or grown: the panel scrolls the whole picker into view

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setObjectName("guideBlockerCaption")
        self.caption.setWordWrap(True)
        self.choices = ChoiceList("guideBlockerList", self.tr("Hvor sidder borgeren fast"), self)
        self.choices.definition.hide()
        self.choices.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choices.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.choices.list.setAccessibleDescription(
            self.tr("Tast 1-9 eller 0 vælger, hvor borgeren sidder fast. Esc fortryder"))
        self.note = QLineEdit(self)
        self.note.setObjectName("guideBlockerNote")
        self.note.setAccessibleName(self.tr("Kort beskrivelse af problemet"))
        self.note.setAccessibleDescription(
            self.tr("Enter gemmer, Esc går tilbage til listen. Skriv aldrig navne eller CPR-numre"))
        self.note.setPlaceholderText(
            self.tr("Kort beskrivelse – aldrig navne eller CPR-numre. Enter gemmer"))
        self.note.setMaxLength(privacy.NOTE_MAX_LENGTH + 50)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.choices)
        layout.addWidget(self.note)
        self.choices.chosen.connect(self.on_chosen)
        self.note.returnPressed.connect(self.on_note_entered)
        self.choices.list.installEventFilter(self)
        self.note.installEventFilter(self)
        self.hide()

    def set_blockers(self, blockers: tuple[Choice, ...]) -> None:
        self.choices.set_choices([*blockers, Choice(OTHER_BLOCKER, self.tr("Andet (skriv kort)"))])
        self.fit_list()

    def fit_list(self) -> None:
        """As tall as the rows at the current width (long blockers wrap)."""
        view = self.choices.list
        view.doItemsLayout()
        rows = sum(view.visualItemRect(view.item(row)).height() for row in range(view.count()))
        view.setFixedHeight(rows + 2 * view.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_list()

    def ask(self, step_number: int) -> None:
        last_key = DIGITS[min(self.choices.list.count(), len(DIGITS)) - 1]
        self.caption.setText(self.tr(
            "Trin %1 – hvor sidder borgeren fast? Tast 1-%2 (Esc fortryder).").replace(
            "%1", str(step_number)).replace("%2", last_key))
        self.note.clear()
        self.note.hide()
        self.show()
        self.fit_list()
        self.choices.list.setCurrentRow(0)
        self.choices.focus()
        self.needs_room.emit()

    def close_picker(self) -> None:
        self.note.clear()
        self.note.hide()
        self.hide()

    def on_chosen(self, code: str) -> None:
        if code == OTHER_BLOCKER:
            self.note.show()
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
            self.needs_room.emit()
            return
        self.picked.emit(code, "")

    def on_note_entered(self) -> None:
        note = messages.checked_free_text(self.note)  # as the counter note: CPR refused, contacts asked
        if note is False:
            return
        self.picked.emit(OTHER_BLOCKER, note or "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape):
            if watched is self.note:
                self.choices.focus()  # first the focus, then hide: it must not wander
                self.note.hide()
                return True
            if watched is self.choices.list:
                self.cancelled.emit()  # the panel puts the focus back on the steps ...
                self.close_picker()  # ... before the picker disappears
                return True
        return super().eventFilter(watched, event)
