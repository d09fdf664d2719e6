"""The guide at the default window size and at 200 % text, read as a screen reader reads it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QScrollArea, QWidget

from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import DEFAULT_SIZE, MainWindow
from deskapp.ui.shell.operations import JournalHub
from tests.helpers.accessibility import spoken_label

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def window(show_window, journal: Journal, catalog) -> MainWindow:
    win = MainWindow(JournalHub(journal, catalog), settings_service.Settings(desk="skranke-1"))
    win.guide.panel.open_url = lambda url: True
    shown = show_window(win)
    shown.resize(DEFAULT_SIZE)
    return shown


def guided_visit(qtbot, win: MainWindow, errand: str = "flytning") -> None:
    qtbot.keyClicks(win.counter.errand_search, errand)
    qtbot.keyClick(win.counter.errand_search, Qt.Key.Key_Return)
    qtbot.keyClicks(win.counter.reasons.list, "5")
    win.guide.toggle_focus()  # Ctrl+G


def on_screen(widget: QWidget, scroll: QScrollArea, rect: QRect | None = None) -> bool:
    """Is ``rect`` of ``widget`` (all of it when None) inside the guide's visible area?"""
    rect = rect or widget.rect()
    viewport = scroll.viewport()
    mapped = QRect(widget.mapTo(viewport, rect.topLeft()), widget.mapTo(viewport, rect.bottomRight()))
    return viewport.rect().contains(mapped)


def test_the_stuck_list_and_its_note_show_whole_at_the_default_size(qtbot, window: MainWindow,
                                                                    catalog) -> None:
    assert window.size() == DEFAULT_SIZE
    guided_visit(qtbot, window)
    panel, scroll = window.guide.panel, window.guide.scroll_area
    qtbot.keyClicks(panel.steps, "u")
    qtbot.keyClicks(panel.steps, "u")
    qtbot.keyClicks(panel.steps, "f")  # step 3 stuck: the picker opens
    blockers = panel.blockers.choices.list
    assert blockers.count() == len(catalog.errand("flytning").guide.blockers) + 1 == 7
    assert not blockers.verticalScrollBar().isVisible()
    qtbot.waitUntil(lambda: all(on_screen(blockers.viewport(), scroll, blockers.visualItemRect(
        blockers.item(row))) for row in range(blockers.count())), timeout=2000)
    qtbot.keyClicks(blockers, "7")  # Andet: the note field opens below the list
    assert QApplication.focusWidget() is panel.blockers.note
    qtbot.waitUntil(lambda: on_screen(panel.blockers.note, scroll), timeout=2000)


def test_escape_in_the_guide_never_passes_through_another_button(qtbot, window: MainWindow) -> None:
    guided_visit(qtbot, window)
    panel = window.guide.panel
    focused: list[str] = []
    app = QApplication.instance()
    app.focusChanged.connect(lambda _old, new: focused.append(new.objectName() if new else ""))
    qtbot.keyClicks(panel.steps, "f")
    qtbot.keyClicks(panel.blockers.choices.list, "7")
    qtbot.keyClick(panel.blockers.note, Qt.Key.Key_Escape)  # note -> list
    qtbot.keyClick(panel.blockers.choices.list, Qt.Key.Key_Escape)  # list -> steps
    assert QApplication.focusWidget() is panel.steps
    qtbot.keyClick(panel.steps, Qt.Key.Key_Escape)  # steps -> the counter's outcome
    assert QApplication.focusWidget() is window.counter.outcomes.list
    assert focused == ["guideBlockerList", "guideBlockerNote", "guideBlockerList", "guideSteps",
                       "outcomeList"]


def test_a_screen_reader_can_read_the_step_and_its_tip(qtbot, window: MainWindow, catalog) -> None:
    guided_visit(qtbot, window)
    step = catalog.errand("flytning").guide.steps[0]
    interface = QAccessible.queryAccessibleInterface(window.guide.panel.step_detail)
    assert interface.text(QAccessible.Text.Name) == "Det aktuelle trin og tip"
    text = interface.textInterface()
    assert text is not None, "no text interface: a screen reader cannot read the step"
    read = text.text(0, text.characterCount())
    assert "Trin 1 af 6" in read and step.instruction in read and step.hint in read


def test_every_button_and_box_in_the_guide_has_a_spoken_name(qtbot, window: MainWindow) -> None:
    guided_visit(qtbot, window)
    shown = [w for w in window.guide.findChildren(QWidget) if w.isVisible()]
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in shown
               if isinstance(w, QAbstractButton)
               and not QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name).strip()]
    assert unnamed == []
    labels = {w.objectName(): spoken_label(w) for w in shown if isinstance(w, QComboBox)}
    assert labels == {"guideModeCombo": "Tilstand (M):",  # by its label, not by its value
                      "guideHandoutLanguage": "Sprog på vejledningen:"}


def window_at_200(tmp_path: Path, setting: dict) -> dict:
    """The real window in its own process on a 1920x1080 screen at 200 %."""
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "fullhd", "x": 0, "y": 0, "width": 1920, "height": 1080,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, **setting, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    done = subprocess.run([sys.executable, "-m", "tests.helpers.window_on_screen",
                           str(tmp_path / "journal.skranke")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["ratio"] == 2.0
    return shown


SETTINGS_200 = [{"QT_SCALE_FACTOR": "2"}, {"QT_FONT_DPI": "192"}]


@pytest.mark.slow
@pytest.mark.parametrize("setting", SETTINGS_200)
def test_at_200_percent_the_window_fits_the_full_hd_screen(tmp_path: Path, setting: dict) -> None:
    shown = window_at_200(tmp_path, setting)
    ax, ay, aw, ah = shown["available"]
    fx, fy, fw, fh = shown["frame"]
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah, shown
    assert shown["guide_visible"]
    _sx, sy, _sw, sh = shown["status_bar"]
    assert sy > 0 and sy + sh <= shown["window"][3]  # the status line is inside the window


@pytest.mark.slow
def test_at_200_percent_with_the_guide_open_reasons_9_and_0_show(tmp_path: Path) -> None:
    shown = window_at_200(tmp_path, SETTINGS_200[0])
    assert shown["reasons_seen"] == [True] * 10, shown  # 9 and 0 too, without scrolling
