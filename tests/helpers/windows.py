"""The real main window for tests: one fixture, one factory.

``window``: the main window on the test's journal, shown and active (shortcuts need an
active window). ``make_window(journal, config=None, save=None, shown=True)``: the same for
another journal, other settings or a settings saver. ``show_window(widget)``: show any
top-level widget and wait until it is active.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from deskapp.services import settings as settings_service
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.operations import JournalHub


@pytest.fixture
def show_window(qtbot: Any) -> Callable[[Any], Any]:
    """Show a top-level widget and wait until it is the active window (shortcuts need that)."""

    def show(widget: Any) -> Any:
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow, timeout=3000)
        return widget

    return show


@pytest.fixture
def make_window(qtbot: Any, catalog: Catalog, show_window: Callable[[Any], Any]) -> Callable[..., MainWindow]:
    def make(journal: Journal, config: settings_service.Settings | None = None,
             save: Callable[[settings_service.Settings], None] | None = None,
             shown: bool = True) -> MainWindow:
        window = MainWindow(JournalHub(journal, catalog),
                            config or settings_service.Settings(desk="skranke-1"), save)
        if shown:
            return show_window(window)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[..., MainWindow], journal: Journal) -> MainWindow:
    return make_window(journal)
