"""Settings that last: upgrades, damaged files, newer files, the settings dialog, the language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QSpinBox

from deskapp import paths
from deskapp.services import settings as settings_service
from deskapp.services import weeks
from deskapp.services.journal import Journal
from deskapp.ui.settings.settings_dialog import SettingsDialog
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.operations import JournalHub
from tests.helpers.demo_journal import NOW

ROOT = Path(__file__).resolve().parents[1]


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_version_1_file_is_upgraded(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.json", {"version": 1, "counter": "skranke-7", "language": "en",
                                              "retention_days": 90})
    loaded = settings_service.load(path)
    assert loaded.desk == "skranke-7"
    assert loaded.site == "Borgerservice"
    assert (loaded.language, loaded.retention_days) == ("en", 90)
    assert loaded.version == settings_service.SETTINGS_VERSION
    settings_service.save(loaded, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == settings_service.SETTINGS_VERSION
    assert "counter" not in saved and saved["desk"] == "skranke-7"


def test_file_without_version_counts_as_version_1(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.json", {"counter": "gammel"})
    assert settings_service.load(path).desk == "gammel"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\x00\x01binary"])
def test_damaged_file_gives_defaults_and_is_kept_aside(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "settings.json", content)
    loaded = settings_service.load(path)
    assert loaded == settings_service.Settings(desk=loaded.desk)
    assert not path.exists()
    assert (tmp_path / "settings.json.damaged").read_text(encoding="utf-8") == content


def test_values_of_the_wrong_type_fall_back_to_defaults(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.json", {"version": 2, "desk": "s1", "retention_days": "lots"})
    loaded = settings_service.load(path)
    assert (loaded.desk, loaded.retention_days) == ("s1", settings_service.Settings().retention_days)


def test_file_from_a_newer_version_keeps_what_it_does_not_know(tmp_path: Path) -> None:
    newer = settings_service.SETTINGS_VERSION + 1
    path = write(tmp_path / "settings.json", {"version": newer, "desk": "s2", "future_option": [1, 2]})
    loaded = settings_service.load(path)
    assert loaded.desk == "s2"
    loaded.site = "Rådhuset"
    settings_service.save(loaded, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == newer and saved["future_option"] == [1, 2]
    assert saved["site"] == "Rådhuset"


def test_skranke_home_moves_every_file_under_one_folder(isolated_home: Path) -> None:
    assert paths.settings_file() == isolated_home / "config" / "settings.json"
    assert paths.default_journal().parent == paths.backups_dir().parent == isolated_home / "data"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders of Linux")
def test_without_skranke_home_files_go_to_the_platform_folders(monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    """Settings in the user's config folder; journal, backups, logs and exports in the user's
    data folder (~/.config/Skranke and ~/.local/share/Skranke by default). On Windows
    platformdirs gives %LOCALAPPDATA%\\Skranke for both."""
    monkeypatch.delenv("SKRANKE_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    config, data = tmp_path / "xdg-config" / "Skranke", tmp_path / "xdg-data" / "Skranke"
    assert paths.settings_file() == config / "settings.json"
    assert paths.default_journal() == data / "journal.skranke"
    assert (paths.backups_dir(), paths.logs_dir(), paths.exports_dir()) == (
        data / "backups", data / "logs", data / "exports")


# --- the dialog -------------------------------------------------------------------------------

@pytest.fixture
def dialog(qtbot) -> SettingsDialog:
    dlg = SettingsDialog(settings_service.Settings(desk="skranke-1"))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_dialog_returns_the_edited_settings(dialog: SettingsDialog, tmp_path: Path) -> None:
    dialog.desk_edit.setText(" skranke-9 ")
    dialog.municipality_edit.setText("Favrskov Kommune")
    dialog.help_line_edit.setText("89 64 00 00")
    dialog.shared_edit.setText(str(tmp_path))
    dialog.retention_spin.setValue(120)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    result = dialog.settings()
    assert (result.desk, result.municipality, result.help_line) == (
        "skranke-9", "Favrskov Kommune", "89 64 00 00")
    assert (result.shared_folder, result.retention_days, result.language) == (str(tmp_path), 120, "en")
    assert result.desk_confirmed
    assert dialog.needs_restart()


def test_dialog_refuses_a_broken_catalogue_in_danish(qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.toml", "[catalog]\nname = 'uden version'\n")
    dialog.catalog_edit.setText(str(broken))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    error = dialog.findChild(QLabel, "settingsError")
    assert error.isVisible()
    assert "Katalogfilen kan ikke bruges" in error.text() and "missing version" in error.text()
    assert dialog.catalog_edit.hasFocus() or QApplication.focusWidget() is None


def test_dialog_accepts_a_valid_catalogue(dialog: SettingsDialog) -> None:
    dialog.catalog_edit.setText(str(paths.default_catalog()))
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.settings().catalog_file == str(paths.default_catalog())


def test_dialog_refuses_an_empty_desk_and_a_missing_folder(dialog: SettingsDialog, tmp_path: Path) -> None:
    dialog.desk_edit.setText("  ")
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "navn" in dialog.error_label.text()
    dialog.desk_edit.setText("s1")
    dialog.shared_edit.setText(str(tmp_path / "findes-ikke"))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "findes ikke" in dialog.error_label.text()


def test_menu_opens_the_dialog_and_saves_to_disk(qtbot, show_window, journal: Journal, catalog) -> None:
    path = paths.settings_file()
    config = settings_service.Settings(desk="skranke-1")
    window = show_window(MainWindow(JournalHub(journal, catalog), config,
                                    lambda c: settings_service.save(c, path)))

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.findChild(QLineEdit, "helpLineEdit").setText("70 10 20 30")
        dialog.findChild(QSpinBox, "retentionSpin").setValue(60)
        buttons = dialog.findChild(QDialogButtonBox, "settingsButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, fill_and_save)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    saved = settings_service.load(path)
    assert (saved.help_line, saved.retention_days) == ("70 10 20 30", 60)
    assert window.config.help_line == "70 10 20 30"
    assert "gemt" in window.statusBar().currentMessage()


# --- language: the setting and --lang ------------------------------------------------------------

def _smoke(args: list[str], home: Path) -> str:
    env = {"SKRANKE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
           "LANG": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "deskapp", "--smoke",
                             "--journal", str(home / "j.skranke"), *args],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_language_setting_and_lang_option_switch_the_ui(isolated_home: Path) -> None:
    assert "&Skranke" in _smoke([], isolated_home)  # Danish by default
    settings_file = isolated_home / "config" / "settings.json"
    config = settings_service.load(settings_file)
    config.language = "en"
    settings_service.save(config, settings_file)
    assert "&Counter" in _smoke([], isolated_home)
    assert "&Skranke" in _smoke(["--lang", "da"], isolated_home)  # the option wins over the setting
    assert settings_service.load(settings_file).language == "en"  # and does not change it
    config.language = "xx"  # a language Skranke does not have: Danish, and it still starts
    settings_service.save(config, settings_file)
    assert "&Skranke" in _smoke([], isolated_home)


# --- backups in the dialog --------------------------------------------------------------------

def test_dialog_sets_the_backup_folder_and_how_many_are_kept(dialog: SettingsDialog,
                                                             tmp_path: Path) -> None:
    assert dialog.backups_spin.value() == 14  # the default, shown
    assert dialog.backup_edit.text() == ""
    assert str(paths.backups_dir()) in dialog.backup_edit.placeholderText()
    folder = tmp_path / "usb" / "skranke-kopier"  # missing: created when saved
    dialog.backup_edit.setText(str(folder))
    dialog.backups_spin.setValue(30)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    result = dialog.settings()
    assert (result.backup_folder, result.backups_keep) == (str(folder), 30)
    assert folder.is_dir() and list(folder.iterdir()) == []  # the write test left nothing
    assert not dialog.needs_restart()


@pytest.mark.parametrize(("folder", "expected"), [
    ("kopier", "hele stien"),  # relative: would depend on where Skranke was started
    ("~/kopier", "hele stien"),  # stored as typed, "~" would be a folder named "~"
    ("{tmp}/a-file", "er en fil, ikke en mappe"),
    ("{tmp}/a-file/below", "er en fil, ikke en mappe"),
])
def test_dialog_refuses_an_unusable_backup_folder_in_danish(dialog: SettingsDialog, tmp_path: Path,
                                                            folder: str, expected: str) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    dialog.backup_edit.setText(folder.format(tmp=tmp_path))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert expected in dialog.error_label.text() and dialog.error_label.isVisible()
    assert dialog.focusWidget() is dialog.backup_edit
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "x"


def test_read_only_backup_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where a chmod does not stop writes: the write test itself fails."""
    import tempfile as tempfile_module

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile_module, "NamedTemporaryFile", refuse)
    assert settings_service.backup_folder_problem(str(tmp_path)) == "not_writable"
    assert settings_service.backup_folder_problem("") is None


@pytest.mark.parametrize("count", [0, 366, 999])
def test_dialog_refuses_a_backup_count_outside_1_to_365(qtbot, dialog: SettingsDialog,
                                                         count: int) -> None:
    dialog.backups_spin.setFocus()
    dialog.backups_spin.lineEdit().selectAll()
    qtbot.keyClicks(dialog.backups_spin, str(count))  # typed, as IT would
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "mellem 1 og 365" in dialog.error_label.text()
    dialog.backups_spin.setValue(365)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_dialog_at_double_font_size_cuts_no_field(qtbot, qapp) -> None:
    """200 % text on the screen at hand (the test screen is 800x600): every field keeps the
    height its font needs; what does not fit scrolls, and Save stays in view."""
    from PySide6.QtGui import QFont

    from tests.helpers.accessibility import clipped

    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(font)
    try:
        dlg = SettingsDialog(settings_service.Settings(desk="skranke-1"))
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        assert clipped(dlg) == []
        for spin in dlg.findChildren(QSpinBox):
            assert spin.height() >= spin.minimumSizeHint().height(), spin.objectName()
        assert dlg.rect().contains(dlg.buttons.geometry())
    finally:
        qapp.setFont(before)


# --- the desk's booked/drop-in default and the reference figures -------------------------------

def test_dialog_sets_the_desk_default_booked_and_the_next_visit_starts_booked(
        qtbot, show_window, journal: Journal, catalog) -> None:
    window = show_window(MainWindow(JournalHub(journal, catalog), settings_service.Settings(desk="s1")))
    assert not window.counter.appointment_check.isChecked()

    def choose_booked() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        combo = dialog.findChild(QComboBox, "appointmentCombo")
        assert combo.currentData() == "drop_in"
        combo.setCurrentIndex(combo.findData("booked"))
        dialog.findChild(QDialogButtonBox, "settingsButtons").button(
            QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, choose_booked)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.config.appointment == "booked"
    assert window.statusBar().currentMessage() == "Indstillingerne er gemt."  # no restart
    assert window.counter.appointment_check.isChecked()
    counter = window.counter
    qtbot.keyClicks(counter.errand_search, "pas")
    qtbot.keyClick(counter.errand_search, Qt.Key.Key_Return)
    qtbot.keyClicks(counter.reasons.list, "1")
    qtbot.keyClicks(counter.outcomes.list, "3")
    assert [v.appointment for v in journal.visits()] == ["booked"]


def test_dialog_refuses_a_reference_file_with_no_usable_line(dialog: SettingsDialog,
                                                             tmp_path: Path) -> None:
    dialog.reference_edit.setText(str(tmp_path / "mangler.csv"))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "kan ikke læses" in dialog.error_label.text()
    wrong = write(tmp_path / "forkert.csv", "ærinde;andel\nflytning;64\n")
    dialog.reference_edit.setText(str(wrong))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "ingen brugbare linjer" in dialog.error_label.text()
    assert "errand, share, kind, place, year, source" in dialog.error_label.text()


def test_a_municipality_reference_file_from_the_dialog_shows_on_the_manager_page(
        qtbot, show_window, demo_path: Path, catalog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weeks, "now_utc", lambda: NOW)  # the demo journal's weeks are "recent"
    copy = tmp_path / "copy.skranke"
    copy.write_bytes(demo_path.read_bytes())
    journal = Journal(copy)
    own = write(tmp_path / "egne.csv", "errand,share,kind,place,year,source\n"
                "flytning,0.71,best,Favrskov Kommune,2025,Egen opgørelse\n"
                "flytning,0.66,national,,2025,Egen opgørelse\n")
    window = show_window(MainWindow(JournalHub(journal, catalog), settings_service.Settings(desk="s1")))

    def choose_file() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.findChild(QLineEdit, "referenceFileEdit").setText(str(own))
        dialog.findChild(QDialogButtonBox, "settingsButtons").button(
            QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, choose_file)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.config.reference_file == str(own)
    window.tabs.setCurrentWidget(window.manager)
    page = window.manager
    page.tabs.setCurrentIndex(4)
    qtbot.waitUntil(lambda: page.data is not None and not page.counting, timeout=10_000)
    model = page.shares_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(i for i, r in enumerate(model.rows) if r["errand"] == "flytning")
    assert model.index(row, headers.index("Reference")).data() == "66 % landsplan · 71 % Favrskov"
    page.wait_for_workers()
    journal.close()
