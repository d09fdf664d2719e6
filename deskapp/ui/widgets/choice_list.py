"""A numbered list of choices (reasons, outcomes): a digit picks, the definition shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from deskapp.services.catalog import Choice
from deskapp.ui.widgets.list_items import add_item

DIGITS = "1234567890"  # the tenth choice is key 0


def wrap_items(view: QListWidget) -> None:
    """Long items wrap onto a second line at the list's width instead of being cut off or
    needing a sideways scroll bar (large text, a narrow column)."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)


def widest_item(view: QListWidget) -> int:
    """The width of the longest item's text in the list's font (0 when empty)."""
    metrics = view.fontMetrics()
    return max((metrics.horizontalAdvance(view.item(row).text()) for row in range(view.count())), default=0)


class ChoiceList(QWidget):
    """List with digit shortcuts; ``chosen`` carries the code picked by digit, Enter or click."""

    chosen = Signal(str)

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = _DigitList(self)
        self.list.setObjectName(object_name)
        self.list.setAccessibleName(accessible_name)
        wrap_items(self.list)
        self.definition = QLabel(self)
        self.definition.setObjectName(object_name + "Definition")
        self.definition.setWordWrap(True)
        self.definition.setMinimumHeight(self.definition.fontMetrics().lineSpacing() * 3)
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = self.column = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.definition)
        self.list.currentItemChanged.connect(self.on_current_changed)
        self.list.itemActivated.connect(self.on_item_activated)
        self.list.itemClicked.connect(self.on_item_activated)
        self.list.digit_pressed.connect(self.on_digit)
        self.list.rows_height_changed.connect(self.keep_every_row_in_view)

    def keep_every_row_in_view(self, rows_height: int) -> None:
        """At most ten choices: ask the layout for room to show every one, so no choice a
        digit picks hides behind a scroll bar (200 % text, a short window); the day's list
        below gives up its height first. An explicit minimum, because the counter form's
        grid lays out by height-for-width (its captions wrap) and passes over size hints."""
        spacing = max(0, self.column.spacing())
        self.setMinimumHeight(rows_height + spacing + self.definition.minimumHeight())

    def set_choices(self, choices: tuple[Choice, ...] | list[Choice]) -> None:
        self.list.clear()
        for index, choice in enumerate(choices):
            key = DIGITS[index] if index < len(DIGITS) else " "
            item = add_item(self.list, f"{key}  {choice.label}", {
                Qt.ItemDataRole.UserRole: choice.code, Qt.ItemDataRole.UserRole + 1: choice.definition,
                Qt.ItemDataRole.AccessibleDescriptionRole: choice.definition})
            item.setToolTip(choice.definition)
        if self.list.count():
            self.list.setCurrentRow(0)

    def codes(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def select_code(self, code: str | None) -> None:
        for row, item_code in enumerate(self.codes()):
            if item_code == code:
                self.list.setCurrentRow(row)

    def focus(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        text = item.data(Qt.ItemDataRole.UserRole + 1) if item else ""
        self.definition.setText(text or "")

    def on_item_activated(self, item: QListWidgetItem) -> None:
        if self.isEnabled():
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def on_digit(self, index: int) -> None:
        if index < self.list.count():
            self.list.setCurrentRow(index)
            self.chosen.emit(self.list.item(index).data(Qt.ItemDataRole.UserRole))


class _DigitList(QListWidget):
    """Digits pick; ``rows_height_changed`` tells :class:`ChoiceList` the height all rows
    need (see ``keep_every_row_in_view``)."""

    digit_pressed = Signal(int)
    rows_height_changed = Signal(int)
    _rows_height = -1

    def updateGeometries(self) -> None:
        """After the items are laid out (new items, a new width that wraps one onto two
        lines, a new font): say when the height all rows need changed."""
        super().updateGeometries()
        height = sum(max(0, self.sizeHintForRow(row)) for row in range(self.count()))
        if height != self._rows_height:
            self._rows_height = height
            self.rows_height_changed.emit(height + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and text and text in DIGITS:
            self.digit_pressed.emit(DIGITS.index(text))
            return
        super().keyPressEvent(event)
