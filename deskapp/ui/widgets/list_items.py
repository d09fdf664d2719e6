"""Rows of a QListWidget created by the list itself, never by Python.

A ``QListWidgetItem`` made in Python and handed to ``addItem`` is a Python-owned wrapper
whose ownership moves to C++; on PySide6 6.11.3 every later ``setCurrentRow`` on a list
refilled that way raises ``sys.getrefcount(None)`` by two (harmless, but it grows with every
visit of a working day). ``addItem(text)`` followed by ``item(row)`` has no such cost.
tests/test_refcount_probe.py runs exactly these calls.
"""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QListWidgetItem


def add_item(view: QListWidget, text: str = "", data: dict[int, object] | None = None) -> QListWidgetItem:
    """Append a row with ``text`` and item data (role -> value); return the list's item."""
    view.addItem(text)
    item = view.item(view.count() - 1)
    for role, value in (data or {}).items():
        item.setData(role, value)
    return item
