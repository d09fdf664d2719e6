"""The guide's step list: one row per step with its mark; plain letter keys mark the current one.

Keys (only while the list has focus, so they never reach the counter form): Enter or U
done, F stuck, O skipped, M next mode, B open the entry point, P print the handout,
R or Esc back to the counter's outcome. Arrow keys move between steps.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListWidget, QSizePolicy, QTextBrowser, QWidget

from deskapp.services.catalog import GuideStep
from deskapp.services.guide import DONE, SKIPPED, STUCK, StepState
from deskapp.ui.widgets.list_items import add_item

KEY_ACTIONS = {
    Qt.Key.Key_Return: DONE,
    Qt.Key.Key_Enter: DONE,
    Qt.Key.Key_U: DONE,
    Qt.Key.Key_F: STUCK,
    Qt.Key.Key_O: SKIPPED,
    Qt.Key.Key_M: "mode",
    Qt.Key.Key_B: "browser",
    Qt.Key.Key_P: "print",
    Qt.Key.Key_R: "outcome",
    Qt.Key.Key_Escape: "outcome",
}
MARKS = {None: "○", DONE: "✔", STUCK: "✖", SKIPPED: "↷"}


class FitList(QListWidget):
    """A word-wrapping list exactly as tall as its rows; the panel around it scrolls instead."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setSpacing(1)

    def sizeHint(self) -> QSize:
        self.executeDelayedItemsLayout()  # wrapped row heights at the current width
        rows = self.contentsSize().height() if self.count() else 0
        return QSize(super().sizeHint().width(), rows + 2 * self.frameWidth() + 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped rows change height with the width


class ReadableText(QTextBrowser):
    """Read-only rich text as tall as its content. Unlike a QLabel it gives screen readers a
    text interface, so the step and its tip can be read out and reviewed word by word."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable for review, never by a click
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self.updateGeometry())

    def sizeHint(self) -> QSize:
        self.document().setTextWidth(self.viewport().width())
        height = int(self.document().size().height()) if self.document().toPlainText() else 0
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class StepList(FitList):
    """Steps of one guide; ``action`` carries done/stuck/skipped/mode/browser/print/outcome."""

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideSteps")
        self.setAccessibleName(self.tr("Trin i vejledningen"))
        self.setAccessibleDescription(self.tr(
            "Enter eller U: udført. F: sidder fast. O: spring over. R: vælg resultat."))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps: tuple[GuideStep, ...] = ()

    def set_steps(self, steps: tuple[GuideStep, ...], states: dict[str, StepState]) -> None:
        self.steps = steps
        self.clear()
        for index, step in enumerate(steps):
            add_item(self, "", {Qt.ItemDataRole.UserRole: step.code})
            self.show_state(index, states.get(step.code, StepState()), "")

    def show_state(self, index: int, state: StepState, blocker_label: str) -> None:
        item = self.item(index)
        step = self.steps[index]
        words = {
            None: self.tr("ikke markeret"), DONE: self.tr("udført"),
            STUCK: self.tr("sidder fast"), SKIPPED: self.tr("sprunget over"),
        }
        text = f"{MARKS[state.status]}  {index + 1}. {step.instruction}"
        if state.status == STUCK and blocker_label:
            text += "\n     " + self.tr("Sidder fast: %1").replace("%1", blocker_label)
        item.setText(text)
        item.setData(Qt.ItemDataRole.UserRole + 1, state.status)
        self.updateGeometry()
        item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Trin %1, %2: %3").replace(
            "%1", str(index + 1)).replace("%2", words[state.status]).replace("%3", step.instruction))
        # The mark and the words carry the status; the palette roles only add emphasis.
        if state.status in (DONE, SKIPPED):
            item.setForeground(self.palette().placeholderText())
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
        font = item.font()
        font.setBold(state.status == STUCK)
        item.setFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = KEY_ACTIONS.get(Qt.Key(event.key())) if modifiers in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier) else None
        if action is not None and self.count():
            self.action.emit(action)
            event.accept()
            return
        super().keyPressEvent(event)
