"""Drive the real counter window with the keyboard, as staff do, against a real journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTableView,
)

from deskapp import paths
from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import MainWindow
from tests.helpers.keyboard import find, log_by_keyboard


def test_focus_starts_in_errand_search(window: MainWindow) -> None:
    assert QApplication.focusWidget() is find(window, QLineEdit, "errandSearch")


def test_keyboard_flow_stores_exactly_one_visit(qtbot, window: MainWindow, journal: Journal,
                                                catalog) -> None:
    log_by_keyboard(qtbot, window, "flyt", "5", "1")
    [visit] = journal.visits()
    assert (visit.errand, visit.reason, visit.outcome, visit.channel) == (
        "flytning", catalog.reasons[4].code, catalog.outcomes[0].code, "fremmoede")
    assert visit.status == "saved" and visit.desk == "skranke-1"
    assert "Gemt" in window.statusBar().currentMessage()
    assert find(window, QLineEdit, "errandSearch").hasFocus()


def test_danish_folding_and_synonyms_pick_the_errand(qtbot, window: MainWindow,
                                                     journal: Journal) -> None:
    log_by_keyboard(qtbot, window, "blåt kort", "1", "1")
    log_by_keyboard(qtbot, window, "LAEGE", "1", "1")
    assert sorted(v.errand for v in journal.visits()) == ["eu_sygesikringskort", "laegeskift"]


def test_arrow_down_then_enter_takes_the_second_match(qtbot, window: MainWindow,
                                                      journal: Journal) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "digital post")
    second = find(window, QListWidget, "errandList").item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert journal.open_visits()[0].errand == second


def test_ctrl_z_marks_the_last_visit_undone(qtbot, window: MainWindow, journal: Journal) -> None:
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    table = find(window, QTableView, "todayTable")
    assert table.model().rowCount() == 1
    qtbot.keyClick(find(window, QLineEdit, "errandSearch"), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    [visit] = journal.visits()
    assert visit.deleted_utc is not None
    assert table.model().rowCount() == 0
    assert "Fortrudt" in window.statusBar().currentMessage()


def test_today_list_is_newest_first_with_outcome_counts(qtbot, window: MainWindow) -> None:
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    log_by_keyboard(qtbot, window, "sundhedskort", "2", "1")
    log_by_keyboard(qtbot, window, "flytning", "2", "1")
    model = find(window, QTableView, "todayTable").model()
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == "Anmeld flytning"
    counts = window.findChild(object, "outcomeCounts").text()
    assert "I dag: 3 besøg" in counts


def test_escape_cancels_the_open_visit(qtbot, window: MainWindow, journal: Journal) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "pas")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert len(journal.open_visits()) == 1
    qtbot.keyClick(find(window, QListWidget, "reasonList"), Qt.Key.Key_Escape)
    assert journal.open_visits() == []
    assert journal.visits()[0].deleted_utc is not None
    assert search.hasFocus()


def test_open_visit_survives_closing_and_is_resumed(qtbot, make_window, journal_path: Path) -> None:
    first = Journal(journal_path)
    win = make_window(first)
    search = find(win, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "flytning")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClicks(find(win, QListWidget, "reasonList"), "4")
    win.close()
    first.close()

    second = Journal(journal_path)
    [pending] = second.open_visits()
    win2 = make_window(second)
    win2.counter.resume(pending)
    outcomes = find(win2, QListWidget, "outcomeList")
    assert outcomes.hasFocus()
    qtbot.keyClicks(outcomes, "2")
    [visit] = second.visits()
    assert (visit.id, visit.reason, visit.status) == (pending.id, pending.reason, "saved")
    second.close()


def test_late_entry_logs_an_earlier_time(qtbot, window: MainWindow, journal: Journal) -> None:
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QTimeEdit

    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClick(search, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    time_edit = find(window, QTimeEdit, "startTimeEdit")
    assert time_edit.hasFocus() and time_edit.isEnabled()
    qtbot.keyClicks(time_edit, "0001")  # hours, then minutes: no mouse needed
    assert time_edit.time() == QTime(0, 1)
    qtbot.keyClick(time_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    [visit] = journal.visits()
    assert visit.started_local.strftime("%H:%M") == "00:01"
    assert visit.late_entry == 1


def test_f2_switches_channel_and_is_remembered(qtbot, make_window, journal: Journal) -> None:
    saved: list[str] = []
    config = settings_service.Settings(desk="d")
    win = make_window(journal, config, lambda c: saved.append(c.channel))
    qtbot.keyClick(find(win, QLineEdit, "errandSearch"), Qt.Key.Key_F2)
    assert saved == ["telefon"]
    log_by_keyboard(qtbot, win, "pas", "1", "3")
    assert journal.visits()[0].channel == "telefon"


def test_note_with_cpr_is_refused_and_kept(qtbot, window: MainWindow, journal: Journal,
                                           monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    note = find(window, QLineEdit, "noteEdit")
    note.setText("borger 010190-1234 ville have hjælp")
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    assert journal.visits()[0].status == "open"
    assert "CPR-nummer" in shown[0]
    assert note.text() == "borger 010190-1234 ville have hjælp"
    note.setText("ville have hjælp")
    qtbot.keyClicks(find(window, QListWidget, "outcomeList"), "3")
    assert journal.visits()[0].note == "ville have hjælp"


def test_mouse_flow_works_too(qtbot, window: MainWindow, journal: Journal) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "sundhedskort")
    errands = find(window, QListWidget, "errandList")
    rect = errands.visualItemRect(errands.item(0))
    qtbot.mouseClick(errands.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    reasons = find(window, QListWidget, "reasonList")
    qtbot.mouseClick(reasons.viewport(), Qt.MouseButton.LeftButton,
                     pos=reasons.visualItemRect(reasons.item(2)).center())
    outcomes = find(window, QListWidget, "outcomeList")
    qtbot.mouseClick(outcomes.viewport(), Qt.MouseButton.LeftButton,
                     pos=outcomes.visualItemRect(outcomes.item(1)).center())
    [visit] = journal.visits()
    assert (visit.errand, visit.status) == ("sundhedskort", "saved")


def test_edit_todays_visit_from_the_list(qtbot, window: MainWindow, journal: Journal,
                                         monkeypatch) -> None:
    from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog

    log_by_keyboard(qtbot, window, "pas", "1", "3")

    def accept_with_new_outcome(dialog: EditVisitDialog) -> int:
        combo = dialog.combos["outcome"]
        combo.setCurrentIndex(combo.findData("referred"))
        dialog.accept()
        return EditVisitDialog.DialogCode.Accepted

    monkeypatch.setattr(EditVisitDialog, "exec", accept_with_new_outcome)
    table = find(window, QTableView, "todayTable")
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    [visit] = journal.visits()
    assert visit.outcome == "referred"
    assert table.model().index(0, 3).data() == "Henvist til anden myndighed"


def test_definitions_show_while_choosing(qtbot, window: MainWindow, catalog) -> None:
    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "pas")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    reasons = find(window, QListWidget, "reasonList")
    definition = window.findChild(QLabel, "reasonListDefinition")
    assert definition.isVisible() and definition.text() == catalog.reasons[0].definition
    qtbot.keyClick(reasons, Qt.Key.Key_Down)
    assert definition.text() == catalog.reasons[1].definition
    qtbot.keyClicks(reasons, "3")
    outcome_definition = window.findChild(QLabel, "outcomeListDefinition")
    qtbot.keyClick(find(window, QListWidget, "outcomeList"), Qt.Key.Key_Down)
    assert outcome_definition.isVisible()
    assert outcome_definition.text() == catalog.outcomes[1].definition


def test_outcome_counts_name_each_outcome(qtbot, window: MainWindow, catalog) -> None:
    log_by_keyboard(qtbot, window, "pas", "1", "3")
    log_by_keyboard(qtbot, window, "sundhedskort", "2", "1")
    log_by_keyboard(qtbot, window, "flytning", "2", "1")
    counts = window.findChild(QLabel, "outcomeCounts").text()
    assert f"{catalog.outcomes[0].label}: 2" in counts
    assert f"{catalog.outcomes[2].label}: 1" in counts


def test_aa_and_compound_words_find_the_errand(qtbot, window: MainWindow, journal: Journal) -> None:
    log_by_keyboard(qtbot, window, "blaat kort", "1", "1")
    log_by_keyboard(qtbot, window, "adresseændring", "1", "1")
    assert sorted(v.errand for v in journal.visits()) == ["eu_sygesikringskort", "flytning"]


def test_channel_chosen_with_f2_is_used_after_a_restart(qtbot, make_window, journal: Journal) -> None:
    settings_path = paths.settings_file()
    config = settings_service.load(settings_path)
    assert config.channel == "fremmoede"
    win = make_window(journal, config, lambda c: settings_service.save(c, settings_path))
    qtbot.keyClick(find(win, QLineEdit, "errandSearch"), Qt.Key.Key_F2)
    win.close()
    again = make_window(journal, settings_service.load(settings_path))
    assert find(again, QComboBox, "channelCombo").currentData() == "telefon"
    log_by_keyboard(qtbot, again, "pas", "1", "3")
    assert journal.visits()[0].channel == "telefon"


def test_correcting_the_errand_takes_its_contact_type(qtbot, window: MainWindow,
                                                      journal: Journal, monkeypatch) -> None:
    from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog

    search = find(window, QLineEdit, "errandSearch")
    qtbot.keyClicks(search, "pas")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    search.setFocus()
    search.clear()
    qtbot.keyClicks(search, "nemkonto")  # open visit corrected to an information errand
    qtbot.keyClick(search, Qt.Key.Key_Return)
    [visit] = journal.open_visits()
    assert (visit.errand, visit.contact_type) == ("nemkonto", "information")
    qtbot.keyClicks(find(window, QListWidget, "reasonList"), "1")
    qtbot.keyClicks(find(window, QListWidget, "outcomeList"), "1")

    def accept_as_pas(dialog: EditVisitDialog) -> int:
        combo = dialog.combos["errand"]
        combo.setCurrentIndex(combo.findData("pas"))
        dialog.accept()
        return EditVisitDialog.DialogCode.Accepted

    monkeypatch.setattr(EditVisitDialog, "exec", accept_as_pas)
    table = find(window, QTableView, "todayTable")
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    [visit] = journal.visits()
    assert (visit.errand, visit.contact_type) == ("pas", "transaction")


def test_editing_only_the_note_keeps_the_contact_type_counted(qtbot, journal: Journal,
                                                              catalog) -> None:
    """A visit counted as an information contact stays one when only its note is corrected,
    even if the catalogue has since made its errand a transaction."""
    from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog

    visit = journal.log_visit(errand="pas", reason="failed", outcome="manual",
                              channel="fremmoede", contact_type="information")
    dialog = EditVisitDialog(catalog, visit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note_edit.setText("kom igen med foto")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter = Save
    assert dialog.changes() == {"note": "kom igen med foto"}
