"""What assistive technology gets from a widget, read through QAccessible."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTableView,
    QTreeView,
    QWidget,
)

from tests.helpers import ui_walk


def spoken_label(combo: QComboBox) -> str:
    """What a screen reader says a combo box is: on Linux Qt names a combo by its value and
    points to its label through the "labelled by" relation; elsewhere the accessible name."""
    interface = QAccessible.queryAccessibleInterface(combo)
    labels = [other.text(QAccessible.Text.Name)
              for other, _kind in interface.relations(QAccessible.Relation.Label)]
    name = interface.text(QAccessible.Text.Name)
    return labels[0] if labels else ("" if name == combo.currentText() else name)


def widget_name(widget: QWidget | None) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '?'})" if widget else "None"


UNLIMITED = (1 << 24) - 1  # QWIDGETSIZE_MAX


def _text_room(edit: QLineEdit) -> int:
    """The width a line edit has for its text (inside the frame and Qt's 2 px margins)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    area = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return area.width() - 4 - margins.left() - margins.right()


def clipped(root: QWidget) -> list[str]:
    """Visible text widgets smaller than they need to show their text: a label, button or
    field below its minimum size; the text of a width-capped field or of a spin box wider than
    its room; a combo box choice wider than the box; a list whose items need a horizontal scroll
    bar (or are cut without one)."""
    problems = []
    for widget in ui_walk.all_widgets(root):
        if ui_walk.is_internal_part(widget) or not widget.isVisible():
            continue
        if isinstance(widget, QListView) and not isinstance(widget, QTableView | QTreeView):
            # A sideways scroll bar, or (scroll bar switched off) items cut at the edge; a list
            # that wraps its items onto more lines needs neither.
            too_wide = not widget.wordWrap() and widget.sizeHintForColumn(0) > widget.viewport().width()
            if widget.horizontalScrollBar().isVisible() or too_wide:
                problems.append(f"{widget_name(widget)}: items wider than the list "
                                f"({widget.sizeHintForColumn(0)} > {widget.viewport().width()})")
            continue
        edit = widget.findChild(QLineEdit) if isinstance(widget, QAbstractSpinBox) else (
            widget if isinstance(widget, QLineEdit) and widget.maximumWidth() < UNLIMITED else None)
        if edit is not None and edit.fontMetrics().horizontalAdvance(edit.text()) > _text_room(edit):
            problems.append(f"{widget_name(widget)} {edit.text()!r}: text wider than the field")
        if isinstance(widget, QComboBox) and widget.count():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            room = widget.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                 QStyle.SubControl.SC_ComboBoxEditField, widget).width()
            widest = max(range(widget.count()),
                         key=lambda i: widget.fontMetrics().horizontalAdvance(widget.itemText(i)))
            if widget.fontMetrics().horizontalAdvance(widget.itemText(widest)) > room:
                problems.append(
                    f"{widget_name(widget)} {widget.itemText(widest)!r}: choice wider than the box")
        if not isinstance(widget, QLabel | QAbstractButton | QLineEdit | QComboBox):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_w, need_h = widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
        else:
            hint = widget.minimumSizeHint()
            need_w, need_h = hint.width(), hint.height()
        if widget.width() < need_w or widget.height() < need_h:
            problems.append(f"{widget_name(widget)} {getattr(widget, 'text', lambda: '')()!r}: "
                            f"{widget.width()}x{widget.height()} < {need_w}x{need_h}")
    return problems
