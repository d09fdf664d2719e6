"""TEST HOOK ONLY - inert unless the SKRANKE_SCRIPT environment variable is set.

The crash-safety test (tests/test_crash_safety.py) starts the real app in a subprocess
and drives it with this hook: every line of the script file is replayed on a timer into
the active dialog or the focused widget; ``text:flytning`` types text, ``key:Return``
presses a key (Qt.Key name without ``Key_``). The hook prints ``open <id>`` when a visit
is written as open and ``saved <id>`` once a visit is committed as saved, so the test
knows what the app has promised the user before it kills the process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from deskapp.services.journal import SAVED, Journal

STEP_MS = 15
FIRST_STEP_MS = 300  # after the start-up dialogs (open visit offered back) have appeared


def install(window: QMainWindow, journal: Journal) -> None:
    script = os.environ.get("SKRANKE_SCRIPT")
    if script:
        _Replayer(window, journal, Path(script).read_text(encoding="utf-8").splitlines())


class _Replayer(QObject):
    def __init__(self, window: QMainWindow, journal: Journal, lines: list[str]):
        super().__init__(window)
        self.window = window
        self.journal = journal
        self.lines = [line for line in lines if line.strip()]
        counter = window.counter  # type: ignore[attr-defined]
        counter.visit_started.connect(lambda visit_id, _errand: self.say(f"open {visit_id}"))
        counter.visit_closed.connect(self.on_visit_closed)
        self.say("ready")
        QTimer.singleShot(FIRST_STEP_MS, self.step)

    def say(self, text: str) -> None:
        print(text, flush=True)
        sys.stdout.flush()

    def on_visit_closed(self, visit_id: str) -> None:
        if self.journal.visit(visit_id).status == SAVED:
            self.say(f"saved {visit_id}")

    def step(self) -> None:
        if not self.lines:
            self.say("done")
            return
        kind, _, value = self.lines.pop(0).partition(":")
        target = QApplication.activeModalWidget() or self.window.focusWidget() or self.window
        if kind == "text":
            for char in value:
                _press(target, _key_of(char), char)
        elif kind == "key":
            _press(target, getattr(Qt.Key, f"Key_{value}"), "\r" if value in ("Return", "Enter") else "")
        QTimer.singleShot(STEP_MS, self.step)


def _key_of(char: str) -> int:
    """The Qt key code of a typed character (letters by their upper case, like a keyboard)."""
    upper = char.upper()
    return ord(upper) if len(upper) == 1 and ((upper.isascii() and upper.isalnum()) or upper == " ") else 0


def _press(target: QObject, key: int, text: str) -> None:
    """A key press and release, as the keyboard sends them (QtTest is not in the frozen app)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
