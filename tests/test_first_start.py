"""The first start (issue 15.8): what the dialog shows, what Esc does, what it asks for; and
the settings dialog showing the language the app runs in (issue 15.10)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QLineEdit

from deskapp import paths
from deskapp.services import settings as settings_service
from deskapp.ui.settings.desk_dialog import DeskDialog
from deskapp.ui.settings.settings_dialog import SettingsDialog
from deskapp.ui.shell.app import run_app


def test_first_start_labels_show_no_literal_ampersand(qtbot) -> None:
    dialog = DeskDialog(settings_service.Settings(desk="pc-7"), first_start=True)
    qtbot.addWidget(dialog)
    literal = [label.text() for label in dialog.findChildren(QLabel)
               if "&" in label.text() and label.buddy() is None]
    assert literal == []  # a caption without a buddy would print its "&"
    captions = {label.buddy().objectName(): label.text() for label in dialog.findChildren(QLabel)
                if label.buddy() is not None}
    assert captions["sharedFolderEdit"] == "&Fælles mappe:"


def test_first_start_asks_for_the_municipality_and_help_line_the_handout_prints(qtbot) -> None:
    config = settings_service.Settings(desk="pc-7")
    dialog = DeskDialog(config, first_start=True)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox, "deskDialogButtons")
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Start Skranke"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "&Afslut"
    municipality = dialog.findChild(QLineEdit, "municipalityEdit")
    help_line = dialog.findChild(QLineEdit, "helpLineEdit")
    assert municipality.isVisible() and help_line.isVisible()
    qtbot.keyClicks(municipality, "Ærø Kommune")
    qtbot.keyClicks(help_line, "62 52 15 00")
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert (config.municipality, config.help_line, config.desk_confirmed) == (
        "Ærø Kommune", "62 52 15 00", True)
    later = DeskDialog(config)  # from the menu: the settings dialog has these fields
    qtbot.addWidget(later)
    later.show()
    assert not later.findChild(QLineEdit, "municipalityEdit").isVisible()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_escape_at_first_start_starts_nothing_and_asks_again(qtbot, tmp_path: Path,
                                                             monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own
    journal = tmp_path / "desk.skranke"
    settings_service.save(settings_service.Settings(desk="pc-7"), paths.settings_file())  # new PC
    seen: list[str] = []

    def press_escape() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, DeskDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, press_escape)  # not shown yet
            return
        seen.append(dialog.objectName())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(20, press_escape)
    assert run_app(journal=str(journal)) == 0
    assert seen == ["deskDialog"]
    assert not journal.exists()  # nothing started: no journal, no window
    config = settings_service.load(paths.settings_file())
    assert not config.desk_confirmed  # asked again at the next start


def test_settings_show_the_language_the_app_runs_in(qtbot) -> None:
    config = settings_service.Settings(desk="skranke-1", language="da")
    dialog = SettingsDialog(config, running_language="en")  # started with --lang en
    qtbot.addWidget(dialog)
    assert dialog.findChild(QComboBox, "languageCombo").currentText() == "English"
    plain = SettingsDialog(config)
    qtbot.addWidget(plain)
    assert plain.findChild(QComboBox, "languageCombo").currentText() == "Dansk"


def test_the_window_passes_its_running_language_to_the_settings(qtbot, window, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: shown.append(
        dialog.findChild(QComboBox, "languageCombo").currentText()) or 0)
    before = QLocale()
    QLocale.setDefault(QLocale("en"))
    try:
        window.on_settings()
    finally:
        QLocale.setDefault(before)
    assert shown == ["English"]
