"""On start, a visit left open (crash, restart) is offered back: finish or discard."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox

from deskapp.services.journal import Journal
from deskapp.ui.counter.open_visits import offer_open_visits
from deskapp.ui.shell.main_window import MainWindow


def answer_with(qtbot, button_text: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        [button] = [b for b in box.buttons() if button_text in b.text().replace("&", "")]
        button.click()

    QTimer.singleShot(50, click)


def test_discard_marks_the_open_visit(qtbot, window: MainWindow, journal: Journal) -> None:
    visit_id = journal.start_visit("pas", channel="fremmoede")
    answer_with(qtbot, "Kassér")
    offer_open_visits(window.counter, journal)
    assert journal.open_visits() == []
    assert journal.visit(visit_id).deleted_utc is not None


def test_finish_resumes_the_visit_in_the_form(qtbot, window: MainWindow, journal: Journal) -> None:
    visit_id = journal.start_visit("flytning", channel="fremmoede")
    journal.update_open(visit_id, reason="failed")
    answer_with(qtbot, "Afslut")
    offer_open_visits(window.counter, journal)
    outcomes = window.findChild(QListWidget, "outcomeList")
    assert outcomes.isEnabled()
    qtbot.keyClicks(outcomes, "1")
    saved = journal.visit(visit_id)
    assert (saved.status, saved.reason, saved.outcome) == ("saved", "failed", "coached")
