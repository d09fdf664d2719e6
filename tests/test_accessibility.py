"""Keyboard, screen reader, large text and high contrast: checked on every page and dialog.

Generic on purpose: a page added to MainWindow.tabs or a dialog added to
tests/ui_walk.DIALOGS is covered without touching this file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QWidget,
)

from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.operations import JournalHub
from tests.helpers import ui_walk
from tests.helpers.accessibility import clipped, widget_name

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def window(show_window, journal: Journal, catalog) -> MainWindow:
    for _ in range(3):  # rows in today's table, so a table that traps Tab would show it
        journal.log_visit(errand="flytning", reason=catalog.reasons[0].code,
                          outcome=catalog.outcomes[0].code, channel=catalog.channels[0].code)
    win = MainWindow(JournalHub(journal, catalog), settings_service.Settings(desk="skranke-1"))
    return show_window(win)


def _dialog(name: str, window: MainWindow, show_window) -> QDialog:
    factory = dict(ui_walk.DIALOGS)[name]
    return show_window(factory(window.hub, window.config, window))


def tab_cycle(root: QWidget) -> list[QWidget]:
    """Press Tab from the current focus until focus comes back; the widgets visited in order.
    Fails when Tab is trapped in one widget (e.g. a table that moves between its cells)."""
    start = QApplication.focusWidget()
    assert (start is not None and root.isAncestorOf(start)) or start is root, "nothing has focus"
    visited = [start]
    for _ in range(200):
        current = QApplication.focusWidget()
        QTest.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        assert after is not current, f"Tab is trapped in {widget_name(current)}"
        if after is start:
            return visited
        visited.append(after)
    raise AssertionError("Tab never returned to the first widget")


def _keyboard_problems(root: QWidget, reached: list[QWidget]) -> list[str]:
    """Every enabled, visible interactive widget is a Tab stop, or names the widget that
    operates it (ui_walk.KEYBOARD_VIA) and that widget is a Tab stop."""
    names = {w.objectName() for w in reached}
    problems = []
    for widget in ui_walk.interactive_widgets(root):
        if not (widget.isVisibleTo(root) and widget.isEnabledTo(root) and widget.isVisible()):
            continue
        if widget in reached:
            continue
        via = widget.property(ui_walk.KEYBOARD_VIA)
        if via and via in names:
            continue
        problems.append(f"{widget_name(widget)} cannot be reached with Tab")
    return problems


def test_every_page_is_usable_by_tab(qtbot, window: MainWindow) -> None:
    problems = []
    for index, page in ui_walk.pages(window):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(page.isVisible)
        first = page.focusWidget() or page.nextInFocusChain()
        first.setFocus(Qt.FocusReason.TabFocusReason)
        reached = tab_cycle(window)
        problems += _keyboard_problems(page, reached)
    assert problems == []


@pytest.mark.parametrize("name", [name for name, _factory in ui_walk.DIALOGS])
def test_every_dialog_is_usable_by_tab(qtbot, window: MainWindow, show_window, name: str) -> None:
    dialog = _dialog(name, window, show_window)
    reached = tab_cycle(dialog)
    assert _keyboard_problems(dialog, reached) == []
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()  # Esc closes every dialog


def test_counter_tab_order_follows_the_visit(qtbot, window: MainWindow) -> None:
    window.counter.focus_search()
    order = [w.objectName() for w in tab_cycle(window)]
    # At rest the reason and outcome lists and the time field are disabled (they are the
    # next steps of an open visit), so Tab goes search -> note -> channel -> late -> today.
    expected = ["errandSearch", "noteEdit", "channelCombo", "lateEntryCheck", "todayTable"]
    assert [name for name in order if name in expected] == expected
    assert order.index("errandSearch") < order.index("todayTable")


def test_mid_visit_tab_reaches_the_reasons(qtbot, window: MainWindow) -> None:
    search = window.counter.errand_search
    qtbot.keyClicks(search, "flyt")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert QApplication.focusWidget().objectName() == "reasonList"
    order = [w.objectName() for w in tab_cycle(window)]
    # The reason list is now a Tab stop, between the search and the note (the cycle starts
    # at the reason list, so the search comes last).
    expected = ["reasonList", "noteEdit", "channelCombo", "lateEntryCheck", "todayTable", "errandSearch"]
    assert [name for name in order if name in expected] == expected
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_every_interactive_widget_has_a_name(qtbot, window: MainWindow, show_window) -> None:
    roots: list[QWidget] = [window]
    for name, _factory in ui_walk.DIALOGS:
        roots.append(_dialog(name, window, show_window))
    problems = []
    for root in roots:
        for widget in ui_walk.interactive_widgets(root):
            if not ui_walk.accessible_name(widget):
                problems.append(f"{widget_name(widget)} has no accessible name")
            if not widget.objectName() and not ui_walk.is_dialog_button(widget):
                problems.append(f"{type(widget).__name__} with text "
                                f"{ui_walk.accessible_name(widget)!r} has no objectName")
    assert problems == []


# Issue 7: accessible names AND descriptions on every interactive widget. Qt's standard dialog
# buttons (Save, Cancel, OK, Close) are exempt: their name says it all.
def accessible_description(widget: QWidget) -> str:
    """What a screen reader reads after the name: the accessibleDescription, else the tooltip."""
    interface = QAccessible.queryAccessibleInterface(widget)
    text = interface.text(QAccessible.Text.Description) if interface is not None else ""
    return (widget.accessibleDescription() or text or "").strip()


def test_every_interactive_widget_has_a_description(qtbot, window: MainWindow, show_window) -> None:
    window.counter.focus_search()  # mid-visit, so the guide's controls exist too
    qtbot.keyClicks(window.counter.errand_search, "flyt")
    qtbot.keyClick(window.counter.errand_search, Qt.Key.Key_Return)
    roots: list[QWidget] = [window] + [_dialog(name, window, show_window) for name, _f in ui_walk.DIALOGS]
    missing = set()
    for root in roots:
        for widget in ui_walk.interactive_widgets(root):
            if not ui_walk.is_dialog_button(widget) and not accessible_description(widget):
                missing.add(widget.objectName() or widget_name(widget))
    assert sorted(missing) == [], "give these an accessible description"


def unseen_focus(root: QWidget) -> list[str]:
    """Tab round the window twice; on the second round every widget must look different
    while it has keyboard focus than after Tab moved on (a focus frame or highlight).
    (Qt draws focus frames only after real keyboard navigation, hence real Tab presses.)"""
    cycle = tab_cycle(root)
    invisible = []
    for _ in cycle:
        current = QApplication.focusWidget()
        focused = current.grab().toImage()
        QTest.keyClick(current, Qt.Key.Key_Tab)
        if current.grab().toImage() == focused:
            invisible.append(widget_name(current))
    return invisible


def test_focus_is_visible_on_every_page(qtbot, window: MainWindow) -> None:
    invisible = []
    for index, page in ui_walk.pages(window):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(page.isVisible)
        (page.focusWidget() or page.nextInFocusChain()).setFocus(Qt.FocusReason.TabFocusReason)
        invisible += unseen_focus(window)
    assert invisible == []


@pytest.mark.parametrize("name", [name for name, _factory in ui_walk.DIALOGS])
def test_focus_is_visible_in_every_dialog(qtbot, window: MainWindow, show_window, name: str) -> None:
    assert unseen_focus(_dialog(name, window, show_window)) == []


COLOUR_CODE = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|QColor\(|Qt\.GlobalColor\.(?!transparent)|setStyleSheet\(|"
    r"setPointSize\(\s*\d|setPixelSize\(|setPalette\(")


def test_ui_code_has_no_hard_coded_colours_or_font_sizes() -> None:
    """Colours and sizes come from the system (palette roles, the system font), so the
    high-contrast theme and large text work. Mark a reviewed exception with '# a11y: ok'."""
    found = []
    for path in sorted((ROOT / "deskapp" / "ui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if not re.search(r"[\"']#", line) else line
            if COLOUR_CODE.search(code) and "# a11y: ok" not in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


@pytest.fixture
def high_contrast(qapp):
    before = qapp.palette()
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "black"), (QPalette.ColorRole.WindowText, "white"),
                         (QPalette.ColorRole.Base, "black"), (QPalette.ColorRole.Text, "white"),
                         (QPalette.ColorRole.Button, "black"), (QPalette.ColorRole.ButtonText, "white"),
                         (QPalette.ColorRole.Highlight, "yellow"),
                         (QPalette.ColorRole.HighlightedText, "black")):
        palette.setColor(role, QColor(colour))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def test_high_contrast_palette_reaches_every_widget(qtbot, high_contrast, journal: Journal, catalog,
                                                    show_window) -> None:
    window = show_window(MainWindow(JournalHub(journal, catalog),
                                    settings_service.Settings(desk="skranke-1")))
    roots = [window] + [_dialog(name, window, show_window) for name, _f in ui_walk.DIALOGS]
    overridden = []
    for root in roots:
        for widget in ui_walk.all_widgets(root):
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette) or widget.styleSheet():
                overridden.append(widget_name(widget))
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                if widget.palette().color(role) != high_contrast.color(role):
                    overridden.append(f"{widget_name(widget)} {role.name}")
    assert sorted(set(overridden)) == []


@pytest.fixture
def double_font(qapp):
    before = QFont(qapp.font())
    font = QFont(before)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 2)
    else:
        font.setPixelSize(font.pixelSize() * 2)
    qapp.setFont(font)
    yield font
    qapp.setFont(before)


FULL_HD = QSize(1920, 1040)  # a 1920x1080 screen minus the taskbar


def test_double_font_size_fits_a_full_hd_screen_without_clipping(qtbot, double_font, journal: Journal,
                                                                 catalog, show_window) -> None:
    """200 % text on a 1920x1080 counter screen (the window maximised, minus the taskbar)."""
    window = MainWindow(JournalHub(journal, catalog), settings_service.Settings(desk="skranke-1"))
    assert window.font().pointSizeF() == double_font.pointSizeF()
    show_window(window)
    window.resize(1920, 1040)
    problems = []
    for index, page in ui_walk.pages(window):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(page.isVisible)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1920 and hint.height() <= 1040, f"page {index} needs {hint}"
        problems += clipped(window)
    # Mid-visit (an errand taken, panels that follow the visit shown) it must still fit.
    window.tabs.setCurrentIndex(0)
    window.counter.focus_search()
    qtbot.keyClicks(window.counter.errand_search, "flyt")
    qtbot.keyClick(window.counter.errand_search, Qt.Key.Key_Return)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1920 and hint.height() <= 1040, f"mid-visit the window needs {hint}"
    problems += clipped(window)
    for name, _factory in ui_walk.DIALOGS:
        dialog = _dialog(name, window, show_window)
        # As it opens on a full HD screen (adjustSize() would cap it at the test screen's size).
        assert dialog.minimumSizeHint().boundedTo(FULL_HD) == dialog.minimumSizeHint(), name
        dialog.resize(dialog.sizeHint().boundedTo(FULL_HD))
        qtbot.wait(10)
        problems += clipped(dialog)
    assert problems == []


def test_tab_cycle_catches_a_table_that_traps_tab(qtbot, show_window) -> None:
    from PySide6.QtWidgets import QTableWidget, QVBoxLayout

    root = QWidget()
    layout = QVBoxLayout(root)
    edit, table = QLineEdit(root), QTableWidget(2, 2, root)
    layout.addWidget(edit)
    layout.addWidget(table)
    show_window(root)
    edit.setFocus()
    with pytest.raises(AssertionError, match="trapped"):
        tab_cycle(root)


def test_every_dialog_class_is_walked(qtbot, window: MainWindow) -> None:
    """Each QDialog subclass in deskapp/ui must have an entry in tests/ui_walk.DIALOGS, so the
    translation and accessibility walks cover it."""
    import importlib
    import inspect
    import pkgutil

    import deskapp.ui

    defined = set()
    for module_info in pkgutil.walk_packages(deskapp.ui.__path__, "deskapp.ui."):
        module = importlib.import_module(module_info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                defined.add(name)
    walked = set()
    for _name, factory in ui_walk.DIALOGS:
        dialog = factory(window.hub, window.config, window)
        qtbot.addWidget(dialog)
        walked.add(type(dialog).__name__)
    assert "SettingsDialog" in defined  # the walk reaches the feature packages
    assert sorted(defined - walked) == [], "add these dialogs to tests/helpers/ui_walk.DIALOGS"


def test_counter_controls_are_named_by_their_label_for_a_screen_reader(qtbot, window: MainWindow) -> None:
    """Issue 15.6: what QAccessible hands the screen reader, not only the widget properties."""
    from PySide6.QtWidgets import QToolButton

    def name(widget: QWidget) -> str:
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None
        return interface.text(QAccessible.Text.Name)

    search = window.counter.errand_search
    qtbot.keyClicks(search, "pas")
    [clear] = [b for b in search.findChildren(QToolButton) if b.isVisible()]
    assert name(clear) == "Ryd søgningen"
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert search.text() == ""
    # A combo box: on Linux Qt gives its value ("Fremmøde") as the name and the screen reader
    # reads the label through the Label relation (the buddy); elsewhere the accessible name.
    combo = QAccessible.queryAccessibleInterface(window.counter.channel_combo)
    labels = [other.text(QAccessible.Text.Name)
              for other, _ in combo.relations(QAccessible.RelationFlag.Label)]
    assert labels == ["Kanal (F2):"] or name(window.counter.channel_combo) == "Kanal"
    assert name(window.counter.appointment_check) == "Tidsbestilt"
    assert name(window.counter.errand_list) == "Fundne ærinder"
