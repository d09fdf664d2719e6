"""The desk dialog, the background publisher in the status bar, the 'Saml skranker' dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from deskapp.services import settings as settings_service
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal
from deskapp.ui.settings.desk_dialog import DeskDialog, confirm_desk_on_first_start
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.sync.consolidate_dialog import ConsolidateDialog
from deskapp.ui.sync.publisher import Publisher
from tests.helpers.desks import make_desk, publish_copy


def _retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_desk_dialog_shows_defaults_and_saves_names(qtbot) -> None:
    config = settings_service.Settings(desk="pc-0412", site="Borgerservice")
    dialog = DeskDialog(config, first_start=True)
    qtbot.addWidget(dialog)
    desk = dialog.findChild(QLineEdit, "deskNameEdit")
    site = dialog.findChild(QLineEdit, "siteNameEdit")
    folder = dialog.findChild(QLineEdit, "sharedFolderEdit")
    assert desk.text() == "pc-0412" and site.text() == "Borgerservice"
    ok = dialog.findChild(QDialogButtonBox, "deskDialogButtons").button(QDialogButtonBox.StandardButton.Ok)
    _retype(qtbot, desk, "")
    assert not ok.isEnabled()
    _retype(qtbot, desk, "Skranke 2")
    _retype(qtbot, site, "Rådhuset")
    qtbot.keyClicks(folder, "/srv/skranke")
    assert dialog.findChild(QLabel, "snapshotTarget").text().endswith(
        str(Path("/srv/skranke/Rådhuset/Skranke-2.skranke")))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert (config.desk, config.site, config.shared_folder) == ("Skranke 2", "Rådhuset", "/srv/skranke")
    assert config.desk_confirmed


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_first_start_asks_once(qtbot) -> None:
    config = settings_service.Settings(desk="pc-7")
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName())
        dialog.findChild(QLineEdit, "deskNameEdit").setText("Skranke 7")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert confirm_desk_on_first_start(config)
    assert seen == ["deskDialog"] and config.desk == "Skranke 7" and config.desk_confirmed
    assert not confirm_desk_on_first_start(config)  # confirmed: no dialog (it would block here)


@pytest.fixture
def window(make_window, tmp_path: Path, catalog: Catalog):
    """A desk with a shared folder and its publisher (the shared fixture has neither)."""
    journal = make_desk(tmp_path / "desk.skranke", catalog, "Skranke 1", "Rådhuset", 3)
    config = settings_service.Settings(desk="Skranke 1", site="Rådhuset", desk_confirmed=True,
                                       shared_folder=str(tmp_path / "share"))
    win = make_window(journal, config, shown=False)
    publisher = Publisher(journal.path, config, parent=win)
    win.attach_publisher(publisher)
    yield win
    publisher.pool.waitForDone()
    journal.close()


def test_failed_publish_shows_in_status_bar_and_retries(qtbot, window: MainWindow, tmp_path: Path) -> None:
    publisher = window.publisher
    label = window.findChild(QLabel, "publishStatus")
    with qtbot.waitSignal(publisher.failed) as failure:
        window.findChild(type(window.menuBar().actions()[0]), "publishNowAction").trigger()
    assert failure.args == ["folder_missing"]
    assert "ikke udgivet" in label.text() and "fælles mappe kan ikke findes" in label.text()
    assert publisher.retry.isActive()
    (tmp_path / "share").mkdir()
    with qtbot.waitSignal(publisher.published) as success:
        publisher.retry.timeout.emit()  # the retry fires: the folder is back
    assert success.args[0].path == tmp_path / "share" / "Rådhuset" / "Skranke-1.skranke"
    assert label.text().startswith("Øjebliksbillede udgivet kl. ")
    assert not publisher.retry.isActive()


def test_publish_while_busy_runs_again_afterwards(qtbot, window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    publisher = window.publisher
    results = []
    publisher.published.connect(results.append)
    assert publisher.publish_now() and publisher.publish_now()
    qtbot.waitUntil(lambda: len(results) == 2)


def test_without_shared_folder_nothing_is_published(qtbot, window: MainWindow) -> None:
    window.config.shared_folder = ""
    assert not window.publisher.publish_now()
    assert "Ingen fælles mappe" in window.findChild(QLabel, "publishStatus").text()
    window.publisher.start()
    assert not window.publisher.timer.isActive()


def test_timer_follows_the_publish_interval(window: MainWindow) -> None:
    window.config.publish_minutes = 15
    window.publisher.start()
    assert window.publisher.timer.isActive() and window.publisher.timer.interval() == 15 * 60 * 1000


def test_publish_on_exit_writes_the_snapshot(window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    window.publisher.publish_on_exit()
    assert (tmp_path / "share" / "Rådhuset" / "Skranke-1.skranke").is_file()


def test_consolidate_dialog_merges_and_reports(qtbot, tmp_path: Path, catalog: Catalog) -> None:
    share = tmp_path / "share"
    for number in (1, 2):
        with make_desk(tmp_path / f"d{number}.skranke", catalog, f"Skranke {number}", "Rådhuset",
                       number) as journal:
            publish_copy(journal, share)
    (share / "broken.skranke").write_bytes(b"garbage")
    dialog = ConsolidateDialog(str(share))
    qtbot.addWidget(dialog)
    into = dialog.findChild(QLineEdit, "consolidateIntoEdit")
    into.setText(str(tmp_path / "samlet.skranke"))
    with qtbot.waitSignal(dialog.panel.finished):
        qtbot.mouseClick(dialog.findChild(QPushButton, "consolidateRun"), Qt.MouseButton.LeftButton)
    text = dialog.findChild(QPlainTextEdit, "consolidateReport").toPlainText()
    assert "Rådhuset/Skranke 1: " in text and " nye, 0 opdaterede, 0 uændrede besøg" in text
    assert "Sprunget over: " in text and "broken.skranke" in text
    assert "2 skranke(r) samlet i " in text
    with Journal(tmp_path / "samlet.skranke") as site:
        assert site.count() > 0


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_menu_opens_consolidate_dialog(qtbot, window: MainWindow) -> None:
    window.findChild(type(window.menuBar().actions()[0]), "consolidateAction").trigger()
    dialog = window.findChild(ConsolidateDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChild(QLineEdit, "consolidateFolderEdit").text() == window.config.shared_folder
    dialog.reject()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_changing_the_desk_name_applies_to_new_visits(qtbot, window: MainWindow) -> None:
    saved = []
    window.settings_hub.save = saved.append
    window.findChild(type(window.menuBar().actions()[0]), "deskSettingsAction").trigger()
    dialog = window.findChild(DeskDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(QLineEdit, "deskNameEdit").setText("Skranke 5")
    dialog.accept()
    assert window.config.desk == "Skranke 5" and saved == [window.config]
    assert "Skranke 5" in window.windowTitle()
    visit = window.hub.journal.log_visit(errand="pas", reason="failed", outcome="manual",
                                         channel="fremmoede")
    assert visit.desk == "Skranke 5"
