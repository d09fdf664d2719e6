"""Drive the guide panel with the keyboard alone, against a real journal."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTextBrowser,
)

from deskapp import paths
from deskapp.services import settings as settings_service
from deskapp.services import weeks
from deskapp.services.journal import Journal
from deskapp.ui.guide.guide_dock import GuideDock
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.operations import JournalHub
from tests.helpers.keyboard import find, focused, key, start_visit

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(show_window, journal: Journal, catalog):
    config = settings_service.Settings(desk="skranke-1", municipality="Ærø Kommune",
                                       help_line="62 52 15 00")
    win = MainWindow(JournalHub(journal, catalog), config)
    win.opened: list[QUrl] = []
    win.guide.panel.open_url = lambda url: win.opened.append(url) or True
    return show_window(win)


def test_guided_visit_by_keyboard_records_mode_steps_blockers_and_outcome(
        qtbot, window: MainWindow, journal: Journal, catalog) -> None:
    start_visit(qtbot, window, "flytning", "5")
    dock = window.findChild(GuideDock, "guideDock")
    assert dock.isVisible()
    assert focused() == "outcomeList"  # the counter flow is untouched until Ctrl+G

    key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() == "guideSteps"
    key(qtbot, "m")  # coaching -> side by side (medbetjening)
    [open_visit] = journal.open_visits()
    assert open_visit.guide_mode == "side_by_side"

    key(qtbot, "u")  # 1 find: done
    key(qtbot, "f")  # 2 login: stuck ...
    assert focused() == "guideBlockerList"
    key(qtbot, "1")  # ... MitID-login fejler
    assert focused() == "guideSteps"
    key(qtbot, "u")  # 2 login: worked after all
    key(qtbot, "o")  # 3 adresse: skipped
    key(qtbot, "f")  # 4 husstand: stuck with "Andet" and a short note
    other_key = str(len(catalog.errand("flytning").guide.blockers) + 1)
    key(qtbot, other_key)
    assert focused() == "guideBlockerNote"
    key(qtbot, "ingen lejekontrakt med")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, "o")  # 4 husstand: skipped in the end
    key(qtbot, Qt.Key.Key_Return, CTRL)  # 5 laege: done
    key(qtbot, Qt.Key.Key_Return)  # 6 send: done -> every step marked
    assert focused() == "outcomeList"
    key(qtbot, "1")  # coached: saves the visit

    [visit] = journal.visits()
    assert (visit.status, visit.errand, visit.outcome, visit.guide_mode) == (
        "saved", "flytning", catalog.outcomes[0].code, "side_by_side")
    events = [(e["step"], e["status"], e["blocker"], e["note"]) for e in journal.step_events(visit.id)]
    assert events == [
        ("find", "done", None, None),
        ("login", "stuck", "mitid_fails", None),
        ("login", "done", None, None),
        ("adresse", "skipped", None, None),
        ("husstand", "stuck", "other", "ingen lejekontrakt med"),
        ("husstand", "skipped", None, None),
        ("laege", "done", None, None),
        ("send", "done", None, None),
    ]
    stamps = [e["at_utc"] for e in journal.step_events(visit.id)]  # each mark has its own time
    assert visit.started_utc <= stamps[0] and stamps == sorted(stamps) and stamps[-1] <= visit.ended_utc
    assert not dock.isVisible()
    assert focused() == "errandSearch"


def test_step_events_are_on_disk_before_the_outcome(qtbot, window: MainWindow, journal_path: Path) -> None:
    start_visit(qtbot, window, "sundhedskort", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "u")
    key(qtbot, "f")
    key(qtbot, "2")  # payment_fails
    with Journal(journal_path) as other:  # a second connection: what a crash would leave
        [visit] = other.open_visits()
        assert visit.guide_mode == "coaching"
        assert [(e["step"], e["status"], e["blocker"]) for e in other.step_events(visit.id)] == [
            ("find", "done", None), ("login", "stuck", "payment_fails")]


def test_digits_only_keep_the_counter_flow_and_record_no_guide(qtbot, window: MainWindow,
                                                               journal: Journal) -> None:
    start_visit(qtbot, window, "flytning")
    assert window.guide.isVisible() and focused() == "reasonList"
    key(qtbot, "3")
    key(qtbot, "2")
    [visit] = journal.visits()
    assert (visit.status, visit.guide_mode, visit.handout) == ("saved", None, 0)
    assert journal.step_events(visit.id) == []
    assert not window.guide.isVisible()


def test_escape_in_the_blocker_list_only_cancels_the_mark(qtbot, window: MainWindow,
                                                         journal: Journal) -> None:
    start_visit(qtbot, window, "laegeskift", "2")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "f")
    key(qtbot, Qt.Key.Key_Escape)
    assert focused() == "guideSteps"
    [visit] = journal.open_visits()
    assert journal.step_events(visit.id) == []
    assert not find(window, QListWidget, "guideBlockerList").isVisible()


def test_cpr_in_the_other_note_is_refused(qtbot, window: MainWindow, journal: Journal,
                                          monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    start_visit(qtbot, window, "boligstøtte", "2")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "f")
    blockers = find(window, QListWidget, "guideBlockerList")
    key(qtbot, str(blockers.count()))  # "Andet"
    key(qtbot, "borger 010190-1234 kan ikke")
    key(qtbot, Qt.Key.Key_Return)
    [visit] = journal.open_visits()
    assert journal.step_events(visit.id) == []
    [text] = shown  # says where the number is, never the number itself
    assert "CPR-nummer (tegn 8-18: XXXXXX-XXXX)" in text
    assert "010190" not in text and "1234" not in text
    assert focused() == "guideBlockerNote"
    assert find(window, QLineEdit, "guideBlockerNote").text() == "borger 010190-1234 kan ikke"


@pytest.mark.parametrize(("answer", "recorded"), [(QMessageBox.StandardButton.No, False),
                                                  (QMessageBox.StandardButton.Yes, True)])
def test_contact_details_in_the_other_note_ask_first(qtbot, window: MainWindow, journal: Journal,
                                                     monkeypatch, answer, recorded: bool) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args: asked.append(args[2]) or answer))
    start_visit(qtbot, window, "boligstøtte", "2")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "f")
    blockers = find(window, QListWidget, "guideBlockerList")
    key(qtbot, str(blockers.count()))  # "Andet"
    typed = "vil ringes op på 12345678"
    key(qtbot, typed)
    key(qtbot, Qt.Key.Key_Return)
    assert len(asked) == 1 and "kontaktoplysninger (12345678)" in asked[0]
    [visit] = journal.open_visits()
    events = [(e["blocker"], e["note"]) for e in journal.step_events(visit.id)]
    if recorded:
        assert events == [("other", typed)]
        assert focused() == "guideSteps"
    else:
        assert events == []
        assert focused() == "guideBlockerNote"
        assert find(window, QLineEdit, "guideBlockerNote").text() == typed


def test_ctrl_g_toggles_between_guide_and_counter(qtbot, window: MainWindow) -> None:
    start_visit(qtbot, window, "folkepension", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() == "guideSteps"
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() == "outcomeList"
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "r")  # R: back to the outcome
    assert focused() == "outcomeList"
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, Qt.Key.Key_Escape)  # Esc leaves the guide; the visit stays open
    assert focused() == "outcomeList" and window.guide.isVisible()


def test_mode_picker_and_ready_list_are_reachable(qtbot, window: MainWindow, journal: Journal,
                                                 catalog) -> None:
    start_visit(qtbot, window, "dagtilbud", "1")
    ready = find(window, QListWidget, "guideReadyList")
    assert ready.count() == len(catalog.errand("dagtilbud").guide.ready)
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, Qt.Key.Key_Backtab)  # from the steps back past the mode picker ...
    assert focused() == "guideModeCombo"
    key(qtbot, Qt.Key.Key_Backtab)  # ... to the ready list
    assert focused() == "guideReadyList"
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    assert [ready.item(row).checkState() for row in range(3)] == [
        Qt.CheckState.Checked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() == "guideSteps"
    key(qtbot, "mm")  # coaching -> side_by_side -> proxy (fuldmagt)
    assert journal.open_visits()[0].guide_mode == "proxy"


def test_entry_point_opens_in_the_browser(qtbot, window: MainWindow, catalog) -> None:
    start_visit(qtbot, window, "flytning", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "b")
    assert window.opened == [QUrl(catalog.errand("flytning").entry.url)]
    assert "Anmeld flytning" in find(window, QLabel, "guideEntryName").text()


@pytest.fixture
def print_dialog(monkeypatch) -> dict[str, bool]:
    """The system print dialog is modal and cannot be driven offscreen: it answers as a user
    who picked the printer Skranke_Laser and 2 copies (or cancelled, when told to)."""
    answer = {"accept": True}

    def exec_(dialog: QPrintDialog) -> QDialog.DialogCode:
        dialog.printer().setCopyCount(2)
        return QDialog.DialogCode.Accepted if answer["accept"] else QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    monkeypatch.setattr(QPrinter, "printerName", lambda _self: "Skranke_Laser")
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Skranke_Laser"]))
    return answer


def fake_lp(folder: Path, exit_code: int = 0) -> Path:
    """An ``lp`` that records its arguments and keeps a copy of the file it was given."""
    folder.mkdir()
    record = folder / "lp-args.txt"
    script = folder / "lp"
    script.write_text(f"""#!/bin/sh
printf '%s\\n' "$@" > '{record}'
for last; do :; done
cp "$last" '{folder / "received.pdf"}'
echo "request id is Skranke_Laser-7 (1 file(s))"
exit {exit_code}
""")
    script.chmod(0o755)
    return record


def test_p_prints_the_sheet_on_the_chosen_printer_and_marks_the_visit(
        qtbot, window: MainWindow, journal: Journal, tmp_path: Path, print_dialog,
        monkeypatch) -> None:
    record = fake_lp(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    start_visit(qtbot, window, "flytning", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "p")
    args = record.read_text().splitlines()
    assert args[:4] == ["-d", "Skranke_Laser", "-n", "2"]
    sheet = Path(args[-1])
    assert sheet.parent == paths.exports_dir() / "handouts"
    reader = pypdf.PdfReader(tmp_path / "bin" / "received.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Anmeld flytning" in text and "Sådan gør du selv næste gang" in text
    assert "Ærø Kommune" in text
    assert window.opened == []  # printed directly, no PDF viewer
    assert "sendt til Skranke_Laser" in window.statusBar().currentMessage()
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "1")
    [visit] = journal.visits()
    assert (visit.status, visit.handout) == ("saved", 1)


@pytest.mark.parametrize("missing", ["print system", "printer"])
def test_without_a_usable_printer_p_says_so_and_keeps_the_sheet_in_the_handouts_folder(
        qtbot, window: MainWindow, journal: Journal, tmp_path: Path, print_dialog, monkeypatch,
        missing: str) -> None:
    dialogs: list[QPrintDialog] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)
    if missing == "printer":  # CUPS is there, but no printer is set up
        fake_lp(tmp_path / "bin")
        monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    else:
        (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # nothing else: no real lp either
    start_visit(qtbot, window, "flytning", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "p")
    assert dialogs == [] and window.opened == []  # no "print to file" dialog, no viewer
    [sheet] = (paths.exports_dir() / "handouts").iterdir()
    text = pypdf.PdfReader(sheet).pages[0].extract_text()
    assert "Sådan gør du selv næste gang" in text and "Ærø Kommune" in text
    message = window.statusBar().currentMessage()
    assert "ingen printer" in message and str(sheet) in message
    assert not (Path.home() / "print.pdf").exists()
    assert focused() == "guideSteps"
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "1")
    [visit] = journal.visits()
    assert (visit.status, visit.handout) == ("saved", 0)  # not printed, not handed over


def test_a_printer_that_refuses_the_sheet_opens_it_in_the_viewer_without_recording_it(
        qtbot, window: MainWindow, journal: Journal, tmp_path: Path, print_dialog,
        monkeypatch) -> None:
    fake_lp(tmp_path / "bin", exit_code=1)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    start_visit(qtbot, window, "flytning", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "p")
    [opened] = window.opened
    sheet = Path(opened.toLocalFile())
    assert sheet.parent == paths.exports_dir() / "handouts" and sheet.exists()
    message = window.statusBar().currentMessage()
    assert "PDF-viseren" in message and "udskriv den derfra" in message
    assert journal.open_visits()[0].handout == 0


def test_no_handout_is_recorded_when_the_sheet_reached_nobody(
        qtbot, window: MainWindow, journal: Journal, tmp_path: Path, print_dialog, monkeypatch) -> None:
    """The printer refuses and there is no PDF viewer: the staff are told where the file is."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    fake_lp(tmp_path / "bin", exit_code=1)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    window.guide.panel.open_url = lambda url: False
    start_visit(qtbot, window, "flytning", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "p")
    [text] = shown
    assert "kunne ikke udskrives" in text and str(paths.exports_dir() / "handouts") in text
    assert journal.open_visits()[0].handout == 0


def test_the_sheet_language_is_chosen_in_the_guide_for_print_and_save(
        qtbot, window: MainWindow, journal: Journal, tmp_path: Path, print_dialog,
        monkeypatch) -> None:
    fake_lp(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    start_visit(qtbot, window, "flytning", "8")  # svært ved skriftligt dansk
    language = find(window, QComboBox, "guideHandoutLanguage")
    assert language.currentText() == "Dansk" and language.accessibleName()
    language.setCurrentIndex(language.findData("en"))
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "p")
    printed = " ".join(pypdf.PdfReader(tmp_path / "bin" / "received.pdf").pages[0]
                       .extract_text().split())
    assert "How to do it yourself next time" in printed and "Report a change of address" in printed
    assert "Sådan gør du" not in printed
    target = tmp_path / "for the citizen.pdf"
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, path, _filter: suggested.append(path) or (str(target), ""))
    window.guide.panel.save_button.click()
    assert Path(suggested[0]).name == "Guide – Report a change of address.pdf"
    saved = " ".join(pypdf.PdfReader(target).pages[0].extract_text().split())
    assert "Have this ready" in saved and "Log in with your MitID" in saved
    assert journal.open_visits()[0].handout == 1
    start_visit(qtbot, window, "sundhedskort")  # the next errand starts in Danish again
    assert language.currentData() == "da"


def test_english_is_not_offered_for_a_guide_without_english_texts(
        qtbot, show_window, journal: Journal, catalog) -> None:
    import dataclasses

    errand = catalog.errand("flytning")
    bare = dataclasses.replace(errand, guide=dataclasses.replace(errand.guide, label_en=""))
    win = show_window(MainWindow(JournalHub(journal, catalog), settings_service.Settings(desk="d")))
    win.guide.panel.handout.show_errand(bare)
    combo = win.guide.panel.handout.language_combo
    assert not combo.model().item(combo.findData("en")).isEnabled()
    win.guide.panel.handout.show_errand(errand)
    assert combo.model().item(combo.findData("en")).isEnabled()


def test_cancelled_print_dialog_prints_nothing_and_records_no_handout(
        qtbot, window: MainWindow, journal: Journal, tmp_path: Path, print_dialog,
        monkeypatch) -> None:
    record = fake_lp(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    print_dialog["accept"] = False
    start_visit(qtbot, window, "flytning", "1")
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "p")
    assert not record.exists() and window.opened == []
    assert not (paths.exports_dir() / "handouts").exists()
    assert "ikke udskrevet" in window.statusBar().currentMessage()
    assert journal.open_visits()[0].handout == 0


def test_save_handout_as_pdf(qtbot, window: MainWindow, journal: Journal, tmp_path: Path,
                             monkeypatch) -> None:
    target = tmp_path / "til borgeren"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), "PDF"))
    start_visit(qtbot, window, "mitid", "1")
    window.guide.panel.save_button.click()
    assert (tmp_path / "til borgeren.pdf").exists()
    assert journal.open_visits()[0].handout == 1


def test_a_sheet_that_cannot_be_saved_is_explained_in_danish(
        qtbot, window: MainWindow, journal: Journal, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "findes ikke" / "vejledning.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), "PDF"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    start_visit(qtbot, window, "mitid", "1")
    window.guide.panel.save_button.click()
    assert shown == [f"Vejledningen kunne ikke gemmes: Mappen {target.parent} findes ikke. "
                     "Vælg en anden mappe."]
    assert not target.parent.exists()
    assert journal.open_visits()[0].handout == 0


def test_errand_without_digital_solution_says_what_to_do_instead(qtbot, window: MainWindow,
                                                                 catalog) -> None:
    start_visit(qtbot, window, "legitimationskort", "1")
    panel = window.guide.panel
    assert window.guide.isVisible()
    note = find(window, QLabel, "guideNoDigital")
    assert note.isVisible() and note.text() == catalog.errand("legitimationskort").no_digital
    assert not panel.steps.isVisible() and not panel.print_button.isVisible()
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() == "outcomeList"
    assert "Ingen vejledning" in window.statusBar().currentMessage()


def test_resumed_visit_shows_its_marks_and_continues(qtbot, show_window, journal: Journal,
                                                     catalog) -> None:
    visit_id = journal.start_visit("flytning", channel="fremmoede")
    journal.update_open(visit_id, reason="failed", guide_mode="proxy")
    journal.add_step_event(visit_id, "find", "done")
    journal.add_step_event(visit_id, "login", "stuck", "mitid_fails")
    win = show_window(MainWindow(JournalHub(journal, catalog), settings_service.Settings(desk="d")))
    win.counter.resume(journal.visit(visit_id))
    panel = win.guide.panel
    assert panel.mode_combo.currentData() == "proxy"
    assert panel.steps.currentRow() == 2  # first unmarked: adresse
    assert "MitID-login fejler" in panel.steps.item(1).text()
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "u")
    assert [e["step"] for e in journal.step_events(visit_id)] == ["find", "login", "adresse"]
    assert journal.visit(visit_id).guide_mode == "proxy"


def test_mouse_users_mark_steps_with_buttons(qtbot, window: MainWindow, journal: Journal) -> None:
    start_visit(qtbot, window, "eu-sygesikringskort", "1")
    panel = window.guide.panel
    qtbot.mouseClick(panel.mark_buttons["done"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.mark_buttons["stuck"], Qt.MouseButton.LeftButton)
    blockers = find(window, QListWidget, "guideBlockerList")
    qtbot.mouseClick(blockers.viewport(), Qt.MouseButton.LeftButton,
                     pos=blockers.visualItemRect(blockers.item(0)).center())
    qtbot.mouseClick(panel.mark_buttons["skipped"], Qt.MouseButton.LeftButton)
    [visit] = journal.open_visits()
    guide = window.hub.catalog.errand(visit.errand).guide
    assert [(e["step"], e["status"], e["blocker"]) for e in journal.step_events(visit.id)] == [
        (guide.steps[0].code, "done", None),
        (guide.steps[1].code, "stuck", guide.blockers[0].code),
        (guide.steps[1].code, "skipped", None),
    ]


def test_errand_with_entry_but_no_guide_offers_the_entry_point(qtbot, window: MainWindow,
                                                               catalog) -> None:
    start_visit(qtbot, window, "navneændring", "1")
    assert window.guide.panel.title.text() == catalog.errand("navneaendring").label
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() == "guideOpenEntry"
    key(qtbot, Qt.Key.Key_Space)
    assert window.opened == [QUrl(catalog.errand("navneaendring").entry.url)]
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() == "outcomeList"


def test_correcting_the_errand_switches_the_guide(qtbot, window: MainWindow) -> None:
    start_visit(qtbot, window, "flytning")
    assert window.guide.panel.title.text() == "Anmeld flytning"
    key(qtbot, Qt.Key.Key_G, CTRL)
    key(qtbot, "u")  # flytning's "find" step
    key(qtbot, Qt.Key.Key_L, CTRL)
    assert focused() == "errandSearch"  # Ctrl+L works from the guide too
    start_visit(qtbot, window, "sundhedskort")
    panel = window.guide.panel
    assert panel.title.text() == "Sundhedskort (gult)"
    # sundhedskort has a "find" step too, but the mark belonged to the old errand's guide
    assert panel.steps.currentRow() == 0 and panel.steps.item(0).text().startswith("○")


def test_escape_in_the_counter_closes_the_guide(qtbot, window: MainWindow) -> None:
    start_visit(qtbot, window, "flytning")
    key(qtbot, Qt.Key.Key_Escape)
    assert not window.guide.isVisible() and window.guide.panel.visit_id is None


def test_steps_show_one_at_a_time_with_their_coaching_hint(qtbot, window: MainWindow,
                                                           catalog) -> None:
    steps = catalog.errand("flytning").guide.steps
    start_visit(qtbot, window, "flytning", "5")

    detail = find(window, QTextBrowser, "guideStepDetail")

    def shown(text: str) -> bool:
        return text in detail.toPlainText()

    key(qtbot, Qt.Key.Key_G, CTRL)
    assert "Trin 1 af 6" in detail.toPlainText() and shown(steps[0].hint)
    key(qtbot, "u")
    assert "Trin 2 af 6" in detail.toPlainText()
    assert shown(steps[1].instruction) and shown(steps[1].hint)
    assert not shown(steps[0].hint)
    key(qtbot, Qt.Key.Key_Down)  # arrow keys look at another step's hint
    assert "Trin 3 af 6" in detail.toPlainText() and shown(steps[2].hint)


def test_the_timer_shows_how_long_the_visit_has_lasted(qtbot, window: MainWindow, journal: Journal,
                                                       monkeypatch) -> None:
    start_visit(qtbot, window, "boligstøtte", "1")
    timer = find(window, QLabel, "guideTimer")
    assert timer.isVisible() and timer.text() in ("Tid: 0:00", "Tid: 0:01")
    [visit] = journal.open_visits()
    later = weeks.parse_stamp(visit.started_utc) + timedelta(minutes=12, seconds=5)
    monkeypatch.setattr(weeks, "now_utc", lambda: later)
    qtbot.waitUntil(lambda: timer.text() == "Tid: 12:05", timeout=3000)  # the clock ticks itself
    monkeypatch.setattr(weeks, "now_utc", lambda: later + timedelta(hours=1))
    qtbot.waitUntil(lambda: timer.text() == "Tid: 1:12:05", timeout=3000)
