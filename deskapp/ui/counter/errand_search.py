"""The errand search of the counter form: a field, the list of matches, keys that move in it.

The list always ends with *Andet ærinde*, so Enter always has an errand to take. Arrows in
the field move in the list; Enter takes the current match; a digit typed in the field never
lands there: with a match waiting it is Enter followed by that digit (the reason), with
an empty field it is refused with a word (``refused``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

from deskapp.services.catalog import Catalog
from deskapp.ui.widgets.choice_list import DIGITS, wrap_items
from deskapp.ui.widgets.list_items import add_item

MOVE_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


class ErrandSearch(QObject):
    """Owns ``field`` and ``list`` (laid out by the page). ``taken`` carries the errand code
    and the digit typed with it (-1 for Enter or a click)."""

    taken = Signal(str, int)
    refused = Signal(str)  # "digit" (a digit before any errand text), "no_errand" (nothing listed)
    matches_changed = Signal(bool)  # whether the typed text matches a listed errand
    undo_requested = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget):
        super().__init__(parent)
        self.catalog = catalog
        self.matched = True
        self.field = QLineEdit(parent)
        self.field.setObjectName("errandSearch")
        self.field.setAccessibleName(self.tr("Søg ærinde"))
        self.field.setPlaceholderText(self.tr("Skriv ærinde, fx flytning – Enter vælger"))
        self.field.setClearButtonEnabled(True)
        clear = self.field.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:  # the clear button is named by its action's text
            clear.setText(self.tr("Ryd søgningen"))
            clear.setToolTip(self.tr("Ryd søgningen"))
        self.field.setAccessibleDescription(self.tr(
            "Enter vælger det øverste fundne ærinde, pil op og ned vælger et andet. "
            "Findes ærindet ikke, tager Enter Andet ærinde med teksten som note"))
        self.list = QListWidget(parent)
        self.list.setObjectName("errandList")
        self.list.setAccessibleName(self.tr("Fundne ærinder"))
        self.list.setAccessibleDescription(
            self.tr("Ærinderne, der passer til søgningen. Pil op og ned i søgefeltet vælger, "
                    "Enter tager det"))
        wrap_items(self.list)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.setProperty("keyboardVia", "errandSearch")  # arrows in the search move it
        self.field.textChanged.connect(self.fill)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(lambda item: self.taken.emit(item.data(Qt.ItemDataRole.UserRole), -1))
        self.list.itemClicked.connect(lambda item: self.taken.emit(item.data(Qt.ItemDataRole.UserRole), -1))

    def text(self) -> str:
        return self.field.text()

    def fill(self, text: str) -> None:
        """List the errands matching ``text``, *Andet ærinde* last, the first one current."""
        self.list.clear()
        found = self.catalog.search_with_other(text)
        other = self.catalog.other_errand()
        for errand in found:
            item = add_item(self.list, errand.label, {Qt.ItemDataRole.UserRole: errand.code})
            item.setToolTip(errand.entry.name if errand.entry else errand.no_digital)
        if self.list.count():
            self.list.setCurrentRow(0)
        matched = not text.strip() or any(errand is not other for errand in found)
        if matched != self.matched:
            self.matched = matched
            self.matches_changed.emit(matched)

    def current_code(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.field or event.type() not in (
                QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Undo) and not self.field.text():
            # An empty search has nothing to undo: Ctrl+Z means "undo the last visit".
            if event.type() == QEvent.Type.KeyPress:
                self.undo_requested.emit()
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if key in MOVE_KEYS:
            step = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
            return True
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        digit = event.text() if plain and event.text() in tuple(DIGITS) else ""
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or digit:
            code = self.current_code()
            if digit and not self.field.text().strip():
                self.refused.emit("digit")
            elif code is None:
                self.refused.emit("no_errand")
            else:
                self.taken.emit(code, DIGITS.index(digit) if digit else -1)
            return True
        return super().eventFilter(watched, event)
