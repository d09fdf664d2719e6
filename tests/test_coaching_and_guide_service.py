"""Coaching sessions (dialog and journal) and the guide rules that need no widgets."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from deskapp.services import guide, weeks
from deskapp.services.journal import Journal
from deskapp.ui.guide.coaching_dialog import CoachingDialog
from deskapp.ui.shell.main_window import MainWindow


def open_dialog(qtbot, window: MainWindow) -> CoachingDialog:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(CoachingDialog, "coachingDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.skills, timeout=3000)
    return dialog


def test_coaching_session_by_keyboard(qtbot, window: MainWindow, journal: Journal, catalog) -> None:
    dialog = open_dialog(qtbot, window)
    skills = dialog.findChild(QListWidget, "coachingSkills")
    assert skills.count() == len(catalog.skills)
    qtbot.keyClick(skills, Qt.Key.Key_Space)  # first skill
    qtbot.keyClick(skills, Qt.Key.Key_Down)
    qtbot.keyClick(skills, Qt.Key.Key_Down)
    qtbot.keyClick(skills, Qt.Key.Key_Space)  # third skill
    dialog.minutes.setValue(25)
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        qtbot.keyClick(skills, Qt.Key.Key_Return)
    [session] = journal.coaching_sessions()
    assert session["skills"] == f"{catalog.skills[0].code},{catalog.skills[2].code}"
    assert session["duration_s"] == 25 * 60
    assert session["desk"] == "skranke-1" and session["iso_week"] == weeks.this_week()
    assert "Vejledning gemt" in window.statusBar().currentMessage()
    assert journal.visits() == []  # not an errand visit


def test_coaching_session_needs_a_skill(qtbot, window: MainWindow, journal: Journal) -> None:
    dialog = open_dialog(qtbot, window)
    qtbot.keyClick(dialog.skills, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "mindst én" in dialog.findChild(QLabel, "coachingProblem").text()
    assert journal.coaching_sessions() == []
    qtbot.keyClick(dialog.skills, Qt.Key.Key_Escape)
    assert journal.coaching_sessions() == []


def test_journal_keeps_coaching_sessions_in_their_local_week(journal: Journal) -> None:
    started = weeks.parse_stamp("2026-01-04T23:30:00+00:00")  # Monday 5 Jan 2026 in Copenhagen
    journal.add_coaching_session(["mitid_app"], started=started, ended=started + timedelta(minutes=10))
    [session] = journal.coaching_sessions()
    assert (session["local_date"], session["iso_week"], session["duration_s"]) == (
        "2026-01-05", "2026-W02", 600)


def test_step_states_take_the_latest_mark_and_next_step_skips_marked(catalog) -> None:
    flytning = catalog.errand("flytning").guide
    events = [
        {"step": "find", "status": "done"},
        {"step": "login", "status": "stuck", "blocker": "mitid_fails"},
        {"step": "login", "status": "done"},
        {"step": "adresse", "status": "stuck", "blocker": "other", "note": "kort"},
        {"step": "not_in_guide", "status": "done"},
    ]
    states = guide.step_states(flytning, events)
    assert states["login"] == guide.StepState("done", None, None)
    assert states["adresse"] == guide.StepState("stuck", "other", "kort")
    assert "not_in_guide" not in states
    assert guide.next_step(flytning, states) == 3  # husstand
    assert guide.next_step(flytning, states, after=5) == 3  # wraps round
    done = {code: guide.StepState("done") for code in states}
    assert guide.next_step(flytning, done) is None

