"""What assistive technology gets from a widget, read through QAccessible."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox


def spoken_label(combo: QComboBox) -> str:
    """What a screen reader says a combo box is: on Linux Qt names a combo by its value and
    points to its label through the "labelled by" relation; elsewhere the accessible name."""
    interface = QAccessible.queryAccessibleInterface(combo)
    labels = [other.text(QAccessible.Text.Name)
              for other, _kind in interface.relations(QAccessible.Relation.Label)]
    name = interface.text(QAccessible.Text.Name)
    return labels[0] if labels else ("" if name == combo.currentText() else name)
