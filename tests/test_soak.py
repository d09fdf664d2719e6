"""A working day and more in one process: 300 visits through the real window.

Plain visits, guide visits with steps and a stuck step, an edit, an undo and the manager
tab once. The process must stay alive, the journal must hold every visit, and nothing may
grow per visit: references to None (the PySide6 6.12 abort, see test_refcount_probe),
Qt objects under the window, rows the window keeps.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import MainWindow

VISITS = 300
CTRL = Qt.KeyboardModifier.ControlModifier

# no_qt_log: pytest-qt keeps a record (with its Python objects) of every Qt message, which
# would count as references to None kept per visit; the other tests fail on Qt warnings.
pytestmark = [pytest.mark.slow, pytest.mark.no_qt_log]


def press(qtbot, keys: str | Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    if isinstance(keys, str):
        qtbot.keyClicks(target, keys)
    else:
        qtbot.keyClick(target, keys, modifier)


def plain_visit(qtbot, errand: str) -> None:
    press(qtbot, errand)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, "2")  # reason
    press(qtbot, "3")  # outcome: saved


def guide_visit(qtbot) -> None:
    press(qtbot, "flytning")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, "5")
    press(qtbot, Qt.Key.Key_G, CTRL)  # into the guide
    press(qtbot, "u")  # step 1 done
    press(qtbot, "f")  # step 2 stuck ...
    press(qtbot, "1")  # ... on the first blocker
    press(qtbot, "o")  # step 2 skipped after all
    press(qtbot, "r")  # to the outcome
    press(qtbot, "1")


def edit_newest_visit(qtbot, window: MainWindow) -> None:
    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        dialog.accept()

    press(qtbot, Qt.Key.Key_D, CTRL)
    window.counter.today_table.selectRow(0)
    QTimer.singleShot(0, accept)
    press(qtbot, Qt.Key.Key_Return)
    window.activateWindow()  # what the window manager does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is window.counter.errand_search


def test_300_visits_in_one_session(qtbot, window: MainWindow, journal: Journal) -> None:
    errands = ("flyt", "sundhedskort", "pas", "læge", "folkepension")
    marks: dict[int, tuple[int, int]] = {}
    for number in range(VISITS):
        if number % 10 == 7:
            guide_visit(qtbot)
        else:
            plain_visit(qtbot, errands[number % len(errands)])
        # Between citizens the event loop runs (timers, deferred deletes). QTest.qWait, not
        # qtbot.wait: pytest-qt's own QTimer.singleShot(ms, loop.quit) keeps references to None.
        QTest.qWait(1)
        if number in (20, 220):  # once before the first measure (lazily made types), once after
            edit_newest_visit(qtbot, window)
        if number == 150:
            press(qtbot, Qt.Key.Key_Z, CTRL)  # undo the visit just saved
        if number == 30:  # the manager page loads its tallies once
            window.tabs.setCurrentWidget(window.manager)
            qtbot.wait(50)
            window.manager.wait_for_workers()  # the count is done (and shown) before the first mark,
            QTest.qWait(10)  # not still holding its working rows when references are counted
            window.tabs.setCurrentWidget(window.counter)
        if number in (60, VISITS - 1):
            objects = len(window.findChildren(QObject))  # makes wrappers for new objects: first
            # Garbage of earlier tests, collected in between, would free references to None
            # and look like a leak: collect it before each count.
            gc.collect()
            marks[number] = (sys.getrefcount(None), objects)

    visits = journal.visits()
    assert len(visits) == VISITS
    assert all(v.status == "saved" for v in visits)
    assert sum(v.deleted_utc is not None for v in visits) == 1
    assert sum(bool(journal.step_events(v.id)) for v in visits) == VISITS // 10
    (refs_early, objects_early), (refs_late, objects_late) = marks[60], marks[VISITS - 1]
    if sys.version_info < (3, 12):  # None is immortal from 3.12 on
        assert refs_late >= refs_early, f"lost {refs_early - refs_late} references to None"
        assert refs_late - refs_early < 200, f"kept {refs_late - refs_early} more references to None"
    assert objects_late <= objects_early + 5, f"Qt objects grew from {objects_early} to {objects_late}"
