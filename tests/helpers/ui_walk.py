"""Walk the widgets of a window generically, for the translation and accessibility tests.

Nothing here knows the pages: a page added to ``MainWindow.tabs`` (or a dialog added to
``DIALOGS`` below) is covered by tests/test_translations.py and tests/test_accessibility.py
without changes to those tests.
"""

from __future__ import annotations

import importlib.util
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from deskapp import paths
from deskapp.services import settings as settings_service
from deskapp.ui.shell.operations import JournalHub

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QTextEdit,
               QPlainTextEdit, QAbstractSlider, QTabBar)

# A widget that is operated through another one (and so is not a Tab stop of its own)
# names that widget's objectName in this dynamic property, e.g. the errand list is driven by
# the arrow keys in the errand search: errand_list.setProperty(KEYBOARD_VIA, "errandSearch").
KEYBOARD_VIA = "keyboardVia"


# --- dialogs that the walks open besides the main window ------------------------------------
# Each entry builds a dialog from the hub, the settings and a parent; add new dialogs here.

def _edit_visit_dialog(hub: JournalHub, config: settings_service.Settings, parent: QWidget) -> QDialog:
    from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog

    catalog = hub.catalog
    visit = hub.journal.log_visit(errand="flytning", reason=catalog.reasons[0].code,
                                  outcome=catalog.outcomes[0].code, channel=catalog.channels[0].code)
    return EditVisitDialog(catalog, visit, parent)


def _settings_dialog(hub: JournalHub, config: settings_service.Settings, parent: QWidget) -> QDialog:
    from deskapp.ui.settings.settings_dialog import SettingsDialog

    return SettingsDialog(config, parent)


def _coaching_dialog(hub: JournalHub, config: settings_service.Settings, parent: QWidget) -> QDialog:
    from deskapp.ui.guide.coaching_dialog import CoachingDialog

    return CoachingDialog(hub, parent)


def _desk_dialog(hub: JournalHub, config: settings_service.Settings, parent: QWidget) -> QDialog:
    from deskapp.ui.settings.desk_dialog import DeskDialog

    return DeskDialog(config, parent=parent)


def _consolidate_dialog(hub: JournalHub, config: settings_service.Settings, parent: QWidget) -> QDialog:
    from deskapp.ui.sync.consolidate_dialog import ConsolidateDialog

    return ConsolidateDialog(config.shared_folder, parent)


Factory = Callable[[JournalHub, settings_service.Settings, QWidget], QDialog]
# (name, module, factory): a dialog whose module is not in this checkout (a branch not merged
# yet) is left out, so the list can name dialogs before they arrive.
_ALL_DIALOGS: list[tuple[str, str, Factory]] = [
    ("edit visit", "deskapp.ui.counter.edit_visit_dialog", _edit_visit_dialog),
    ("settings", "deskapp.ui.settings.settings_dialog", _settings_dialog),
    ("coaching", "deskapp.ui.guide.coaching_dialog", _coaching_dialog),
    ("desk", "deskapp.ui.settings.desk_dialog", _desk_dialog),
    ("consolidate", "deskapp.ui.sync.consolidate_dialog", _consolidate_dialog),
]
DIALOGS: list[tuple[str, Factory]] = [
    (name, factory) for name, module, factory in _ALL_DIALOGS if importlib.util.find_spec(module)]


# --- translators ------------------------------------------------------------------------------

@dataclass
class Language:
    """The app's translators for one language; ``remove()`` puts back what was installed before
    (other tests may have started the app in-process and left Danish Qt texts installed)."""

    code: str
    translators: list[QTranslator]
    previous: list[QTranslator]

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self.translators:
            app.removeTranslator(translator)
        for translator in self.previous:
            app.installTranslator(translator)


def install_language(code: str) -> Language:
    from deskapp.ui.shell.app import install_translator

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = [t for t in app.findChildren(QTranslator) if app.removeTranslator(t)]
    before = set(app.findChildren(QTranslator))
    install_translator(app, code)
    return Language(code, [t for t in app.findChildren(QTranslator) if t not in before], previous)


# --- walking ----------------------------------------------------------------------------------

def all_widgets(root: QWidget) -> Iterator[QWidget]:
    yield root
    yield from root.findChildren(QWidget)


def is_internal_part(widget: QWidget) -> bool:
    """Scroll bars, a combo's popup, a spin box's line edit, a table's header: parts of an
    interactive widget, which carries the name and the focus for them."""
    if isinstance(widget, (QScrollBar, QMenu)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, INTERACTIVE):
            return True
        if isinstance(parent, QMenuBar) or parent.inherits("QComboBoxPrivateContainer"):
            return True
        parent = parent.parentWidget()
    return False


def interactive_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in all_widgets(root) if isinstance(w, INTERACTIVE) and not is_internal_part(w)]


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces (an explicit accessibleName, else what Qt derives
    from a button's text or a buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (widget.accessibleName() or name or "").strip()


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible string of the widget tree and its menus."""
    for widget in all_widgets(root):
        where = f"{type(widget).__name__} {widget.objectName() or '?'}"
        if widget.isWindow():
            yield where + " title", widget.windowTitle()
        for label, text in (("accessibleName", widget.accessibleName()),
                            ("accessibleDescription", widget.accessibleDescription()),
                            ("toolTip", widget.toolTip()), ("whatsThis", widget.whatsThis())):
            yield f"{where} {label}", text
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QLineEdit):
            yield where + " placeholder", widget.placeholderText()
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            yield where + " placeholder", widget.placeholderText()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{where} tab {i}", widget.tabText(i)
                yield f"{where} tab tooltip {i}", widget.tabToolTip(i)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where} item {i}", widget.itemText(i)
        header = (widget.horizontalHeader() if isinstance(widget, QTableView)
                  else widget.header() if isinstance(widget, QTreeView) else None)
        if header is not None and header.model() is not None:
            for column in range(header.count()):
                yield f"{where} header {column}", str(
                    header.model().headerData(column, Qt.Orientation.Horizontal) or "")
        if isinstance(widget, QMainWindow):
            for action in widget.menuBar().actions():
                yield from _action_texts(action, where)
        for action in widget.actions():
            if isinstance(action, QAction):
                yield f"{where} action", action.text()


def _action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu", action.text()
    yield f"{where} menu tooltip", action.toolTip() if action.toolTip() != action.text().replace(
        "&", "") else ""
    menu = action.menu()
    if menu is not None:
        for sub in menu.actions():
            yield from _action_texts(sub, where + " > " + action.text())


def catalogue_strings() -> list[str]:
    """Every string of the shipped catalogue: Danish data, not UI text (longest first)."""
    found: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(tomllib.loads(paths.default_catalog().read_text(encoding="utf-8")))
    return sorted({s for s in found if s.strip()}, key=len, reverse=True)


def without_data(text: str, data: list[str]) -> str:
    for item in data:
        if item in text:
            text = text.replace(item, "")
    return text


def pages(window: QMainWindow) -> list[tuple[int, QWidget]]:
    tabs = window.findChild(QTabWidget, "pages")
    assert tabs is not None
    return [(i, tabs.widget(i)) for i in range(tabs.count())]


def is_dialog_button(widget: QWidget) -> bool:
    return isinstance(widget.parentWidget(), QDialogButtonBox)
