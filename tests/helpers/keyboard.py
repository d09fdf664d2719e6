"""Driving the window by keyboard as a clerk does, and finding its widgets by object name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget

from deskapp.ui.shell.main_window import MainWindow


def find(win: MainWindow, kind: type, name: str):
    widget = win.findChild(kind, name)
    assert widget is not None, name
    return widget


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget else ""


def start_visit(qtbot, win: MainWindow, text: str, reason_key: str | None = None) -> None:
    search = find(win, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, text)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    if reason_key is not None:
        qtbot.keyClicks(find(win, QListWidget, "reasonList"), reason_key)


def key(qtbot, text_or_key: str | Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press a key wherever the keyboard focus is, as a user would."""
    target = QApplication.focusWidget()
    assert target is not None
    if isinstance(text_or_key, str):
        qtbot.keyClicks(target, text_or_key)
    else:
        qtbot.keyClick(target, text_or_key, modifier)


def log_by_keyboard(qtbot, win: MainWindow, text: str, reason_key: str, outcome_key: str) -> None:
    search = find(win, QLineEdit, "errandSearch")
    assert search.hasFocus()
    qtbot.keyClicks(search, text)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    reasons = find(win, QListWidget, "reasonList")
    assert reasons.hasFocus()
    qtbot.keyClicks(reasons, reason_key)
    outcomes = find(win, QListWidget, "outcomeList")
    assert outcomes.hasFocus()
    qtbot.keyClicks(outcomes, outcome_key)
