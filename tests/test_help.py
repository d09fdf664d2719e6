"""Help > About: the version and the journal in use, in Danish and in English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from deskapp import __version__
from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import MainWindow
from tests.helpers import ui_walk


def about_text(qtbot, window: MainWindow) -> tuple[str, str]:
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        box.accept()

    QTimer.singleShot(0, read_and_close)
    help_menu = [a for a in window.menuBar().actions() if a.menu() and "H" in a.text()][-1].menu()
    help_menu.actions()[-1].trigger()
    return seen["title"], seen["text"]


@pytest.mark.parametrize(("lang", "title", "words"), [
    ("da", "Om Skranke", "Registrering af henvendelser"),
    ("en", "About Skranke", "Logging of walk-in contacts"),
])
def test_about_box_shows_version_and_journal(qtbot, make_window, journal: Journal,
                                             lang: str, title: str, words: str) -> None:
    language = ui_walk.install_language(lang)
    try:
        window = make_window(journal)
        shown_title, text = about_text(qtbot, window)
    finally:
        language.remove()
    assert shown_title == title
    assert __version__ in text and str(journal.path) in text and words in text
