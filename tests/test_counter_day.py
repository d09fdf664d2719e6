"""A counter day that loses no citizen (issue 15): misspelt and unknown errands, digits in
the search, the same citizen's next errand, booked vs drop-in, the note and the late-entry
keys, a guide mode that contradicts the outcome, and what a screen reader is told."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QTableView, QTimeEdit

from deskapp.services import guide, weeks
from deskapp.services import settings as settings_service
from deskapp.services.journal import BOOKED, DROP_IN, Journal
from deskapp.ui.shell.main_window import MainWindow
from tests.helpers.keyboard import find, log_by_keyboard


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, QAccessible.AnnouncementPoliteness]]:
    """What the app hands the screen reader: every QAccessibleAnnouncementEvent sent."""
    sent: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []
    real = QAccessible.updateAccessibility

    def record(event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            sent.append((event.message(), event.politeness()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return sent


def test_misspelt_errand_enter_and_two_digits_saves_one_health_card_visit(
        qtbot, window: MainWindow, journal: Journal) -> None:
    log_by_keyboard(qtbot, window, "sundhedskrt", "2", "1")
    [visit] = journal.visits()
    assert (visit.errand, visit.status, visit.note) == ("sundhedskort", "saved", None)
    assert find(window, QLineEdit, "errandSearch").text() == ""


def test_unknown_text_saves_one_other_errand_visit_with_the_text_as_note(
        qtbot, window: MainWindow, journal: Journal, catalog) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "hundeskat")
    errands = find(window, QListWidget, "errandList")
    assert [errands.item(i).text() for i in range(errands.count())] == ["Andet ærinde"]
    assert "Intet ærinde matcher „hundeskat“" in find(window, QLabel, "stageLabel").text()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert find(window, QLineEdit, "noteEdit").text() == "hundeskat"
    qtbot.keyClicks(find(window, QListWidget, "reasonList"), "7")
    qtbot.keyClicks(find(window, QListWidget, "outcomeList"), "6")
    [visit] = journal.visits()
    assert (visit.errand, visit.note, visit.status) == ("andet", "hundeskat", "saved")
    assert visit.contact_type == catalog.errand("andet").contact_type


def test_every_search_ends_with_other_errand(qtbot, window: MainWindow) -> None:
    search = find(window, QLineEdit, "errandSearch")
    errands = find(window, QListWidget, "errandList")
    for text in ("", "pas", "digital post"):
        search.setText(text)
        assert errands.item(errands.count() - 1).text() == "Andet ærinde", text


def test_search_text_with_contact_details_is_not_offered_as_note(
        qtbot, window: MainWindow, journal: Journal) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "mail til jens@example.dk")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert journal.open_visits()[0].errand == "andet"
    assert find(window, QLineEdit, "noteEdit").text() == ""
    assert "ikke foreslået som note" in window.statusBar().currentMessage()


def test_digits_never_land_in_the_search_field(qtbot, window: MainWindow, journal: Journal,
                                               announced) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "21")  # outcome digits after the visit was already saved, say
    assert search.text() == "" and journal.visits() == []
    assert "Skriv ærindet først" in window.statusBar().currentMessage()
    assert any("Skriv ærindet først" in text for text, _ in announced)
    qtbot.keyClicks(search, "pas1")  # no Enter: the digit takes the errand and is the reason
    [visit] = journal.open_visits()
    assert (visit.errand, visit.reason) == ("pas", "personal_attendance")
    assert find(window, QListWidget, "outcomeList").hasFocus()


def test_same_citizen_key_links_the_next_errand(qtbot, window: MainWindow,
                                                journal: Journal) -> None:
    log_by_keyboard(qtbot, window, "flytning", "1", "1")
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "+")
    assert search.text() == ""
    assert "Samme borger" in find(window, QLabel, "stageLabel").text()
    log_by_keyboard(qtbot, window, "lægeskift", "1", "1")
    log_by_keyboard(qtbot, window, "pas", "1", "3")  # the next citizen: no key, no link
    first, second, third = sorted(journal.visits(), key=lambda v: v.started_utc)
    assert (first.errand, second.errand, third.errand) == ("flytning", "laegeskift", "pas")
    assert second.citizen == first.id == first.citizen
    assert third.citizen == third.id
    assert "I dag: 3 besøg · 2 borgere" in find(window, QLabel, "outcomeCounts").text()


def test_same_citizen_key_before_any_visit_says_why(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(find(window, QLineEdit, "errandSearch"), "+")
    assert "gem først" in window.statusBar().currentMessage()


def test_appointment_key_switches_one_visit(qtbot, window: MainWindow, journal: Journal) -> None:
    check = find(window, QCheckBox, "appointmentCheck")
    assert not check.isChecked()
    qtbot.keyClick(find(window, QLineEdit, "errandSearch"), Qt.Key.Key_F3)
    assert check.isChecked()
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    assert not check.isChecked()  # back to the desk's default
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    booked, drop_in = sorted(journal.visits(), key=lambda v: v.started_utc)
    assert (booked.appointment, drop_in.appointment) == (BOOKED, DROP_IN)


def test_appointment_key_changes_the_open_visit(qtbot, window: MainWindow,
                                                journal: Journal) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "pas")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClick(find(window, QListWidget, "reasonList"), Qt.Key.Key_F3)
    assert journal.open_visits()[0].appointment == BOOKED


def test_desk_default_booked(qtbot, make_window, journal: Journal) -> None:
    config = settings_service.Settings(desk="d", appointment=BOOKED)
    win = make_window(journal, config)
    assert find(win, QCheckBox, "appointmentCheck").isChecked()
    qtbot.keyClick(find(win, QLineEdit, "errandSearch"), Qt.Key.Key_F3)  # this one is drop-in
    log_by_keyboard(qtbot, win, "pas", "1", "3")
    log_by_keyboard(qtbot, win, "pas", "1", "3")
    assert [v.appointment for v in sorted(journal.visits(), key=lambda v: v.started_utc)] == [
        DROP_IN, BOOKED]


def test_enter_in_the_note_goes_back_to_the_outcome(qtbot, window: MainWindow,
                                                    journal: Journal) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "pas")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClicks(find(window, QListWidget, "reasonList"), "1")
    note = find(window, QLineEdit, "noteEdit")
    qtbot.keyClick(note.window(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert note.hasFocus()
    qtbot.keyClicks(note, "kom tilbage")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    outcomes = find(window, QListWidget, "outcomeList")
    assert outcomes.hasFocus()
    qtbot.keyClicks(outcomes, "6")
    [visit] = journal.visits()
    assert (visit.note, visit.status) == ("kom tilbage", "saved")


def test_focus_is_in_the_search_after_editing_a_visit(qtbot, window: MainWindow,
                                                      journal: Journal, monkeypatch) -> None:
    from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog

    log_by_keyboard(qtbot, window, "pas", "1", "3")
    monkeypatch.setattr(EditVisitDialog, "exec",
                        lambda dialog: (dialog.accept(), EditVisitDialog.DialogCode.Accepted)[1])
    table = find(window, QTableView, "todayTable")
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert find(window, QLineEdit, "errandSearch").hasFocus()
    log_by_keyboard(qtbot, window, "flytning", "1", "1")  # the next citizen goes in at once
    assert len(journal.visits()) == 2


def test_late_entry_proposes_danish_time_on_a_pc_set_to_utc(qtbot, window: MainWindow,
                                                            monkeypatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        qtbot.keyClick(find(window, QLineEdit, "errandSearch"), Qt.Key.Key_T,
                       Qt.KeyboardModifier.ControlModifier)
        proposed = find(window, QTimeEdit, "startTimeEdit").time()
        danish = weeks.local(weeks.now_utc())
        assert (proposed.hour(), proposed.minute()) in {
            (danish.hour, danish.minute), (danish.hour, (danish.minute - 1) % 60)}
    finally:
        monkeypatch.undo()
        time.tzset()


def test_guide_mode_that_contradicts_the_outcome_gets_a_word(qtbot, window: MainWindow,
                                                             journal: Journal) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "flytning")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    [visit] = journal.open_visits()
    journal.update_open(visit.id, guide_mode=guide.SIDE_BY_SIDE)  # as the guide panel records it
    qtbot.keyClicks(find(window, QListWidget, "reasonList"), "1")
    qtbot.keyClicks(find(window, QListWidget, "outcomeList"), "1")  # 1 = hjælp til selvbetjening
    message = window.statusBar().currentMessage()
    assert message.startswith("Gemt") and "Bemærk" in message
    log_by_keyboard(qtbot, window, "pas", "1", "2")  # no guide mode: no word
    assert "Bemærk" not in window.statusBar().currentMessage()


def test_saved_and_no_match_are_announced(qtbot, window: MainWindow, announced) -> None:
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    saved = [(text, level) for text, level in announced if text.startswith("Gemt: Pas")]
    assert saved and saved[0][1] == QAccessible.AnnouncementPoliteness.Polite
    qtbot.keyClicks(find(window, QLineEdit, "errandSearch"), "hundeskat")
    no_match = [text for text, _ in announced if text.startswith("Intet ærinde matcher")]
    assert len(no_match) == 1  # said once when the matches ran out, not at every key


def test_warnings_are_announced_at_once(qtbot, window: MainWindow, announced, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    note = find(window, QLineEdit, "noteEdit")
    note.setText("borger 010190-1234")
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    urgent = [text for text, level in announced
              if level == QAccessible.AnnouncementPoliteness.Assertive]
    assert any("CPR-nummer" in text for text in urgent)


@pytest.fixture
def english(qapp):
    from tests.helpers import ui_walk

    language = ui_walk.install_language("en")
    yield language
    language.remove()


def test_english_counter_counts_in_the_singular_and_suggests_a_word_that_finds(
        qtbot, english, make_window, journal: Journal, catalog) -> None:
    win = make_window(journal)
    log_by_keyboard(qtbot, win, "pas", "1", "3")
    assert find(win, QLabel, "outcomeCounts").text().startswith("Today: 1 visit · 1 citizen – ")
    log_by_keyboard(qtbot, win, "flytning", "1", "3")
    assert find(win, QLabel, "outcomeCounts").text().startswith("Today: 2 visits · 2 citizens – ")
    placeholder = find(win, QLineEdit, "errandSearch").placeholderText()
    example = placeholder.split("e.g. ")[1].split()[0]  # the errand word the field suggests
    assert catalog.search(example), f"{example!r} finds no errand"
