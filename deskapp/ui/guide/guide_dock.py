"""The guide panel as a dock beside the counter form, and its wiring into the main window.

The dock appears while a visit is open on the counter page and disappears when the visit
is saved or cancelled; it never takes the keyboard by itself, so staff who only press
digits keep the counter flow exactly as before. Ctrl+G moves between the counter form and
the guide; Ctrl+Shift+V logs a coaching session not tied to an errand.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from deskapp.services import weeks
from deskapp.services.exports.handout_texts import HelpContact
from deskapp.services.settings import Settings
from deskapp.ui.counter.counter_page import CounterPage
from deskapp.ui.guide.coaching_dialog import CoachingDialog
from deskapp.ui.guide.guide_panel import GuidePanel
from deskapp.ui.shell.operations import JournalHub


class GuideHost(Protocol):
    """What the guide needs of the main window (the window imports the guide, not back)."""

    counter: CounterPage
    hub: JournalHub
    config: Settings
    tabs: QTabWidget

    def show_status(self, text: str) -> None: ...


SHARE = 0.32  # of the window's width
SHARE_MAX = 420


class GuideDock(QDockWidget):
    def __init__(self, window: QMainWindow, host: GuideHost):
        super().__init__(QCoreApplication.translate("GuideDock", "Vejledning"), window)
        self.host = host
        self.counter = host.counter
        self.setObjectName("guideDock")
        self.setAccessibleName(self.tr("Vejledning i digital selvbetjening"))
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        config = host.config
        self.panel = GuidePanel(host.hub, lambda: HelpContact(config.municipality, config.help_line))
        scroll = QScrollArea(self)
        scroll.setObjectName("guideScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)
        # Never clip the panel sideways: as wide as its widest row plus a vertical scroll bar.
        scroll.setMinimumWidth(self.panel.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width() + 6)
        self.setWidget(scroll)
        self.scroll_area = scroll
        self.panel.reveal.connect(self.reveal)
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_width()

    def fit_width(self) -> None:
        """About a third of the window (at most 420 px): on a small screen or at 200 % text
        the counter keeps room for its reasons and outcomes on one line each."""
        window = self.parentWidget()
        if isinstance(window, QMainWindow) and self.isVisible():
            wanted = min(SHARE_MAX, max(self.minimumSizeHint().width(),
                                        int(window.width() * SHARE)))
            window.resizeDocks([self], [wanted], Qt.Orientation.Horizontal)

    def reveal(self, part: QWidget) -> None:
        """Scroll so ``part`` shows whole (the stuck list and its note at the default window
        size); after the layout has given it its new height."""
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(part, 0, 0)
                          if part.isVisible() else None)

    def on_visit_started(self, visit_id: str, errand_code: str) -> None:
        errand = self.counter.catalog.errand(errand_code)
        if errand is None:
            self.on_visit_closed(visit_id)
            return
        self.panel.show_visit(visit_id, errand)
        self.sync_visibility()

    def on_errand_changed(self, visit_id: str, errand_code: str) -> None:
        """The open visit's errand was corrected: marks made before belong to the old guide."""
        errand = self.counter.catalog.errand(errand_code)
        if errand is None:
            return
        self.panel.show_visit(visit_id, errand, since=weeks.stamp(weeks.now_utc()))
        self.sync_visibility()

    def on_visit_closed(self, visit_id: str) -> None:
        if self.panel.visit_id in (None, visit_id):
            self.panel.clear()
            self.hide()

    def sync_visibility(self) -> None:
        """Shown only on the counter page and only while a visit is open there."""
        on_counter = self.host.tabs.currentWidget() is self.counter
        self.setVisible(on_counter and self.panel.visit_id is not None)

    def toggle_focus(self) -> None:
        """Ctrl+G: to the guide's steps, or from the steps back to the counter form."""
        focus = QApplication.focusWidget()
        if focus is not None and focus is self.panel.home_widget():
            self.focus_counter()
            return
        if not self.isVisible() or not self.panel.focus_guide():
            self.host.show_status(self.tr("Ingen vejledning: vælg først et ærinde."))

    def focus_counter(self) -> None:
        """Back to where the counter flow continues: the outcome, else the reason."""
        counter = self.counter
        if counter.outcomes.isEnabled():
            counter.outcomes.focus()
        elif counter.reasons.isEnabled():
            counter.reasons.focus()
        else:
            counter.focus_search()


def install_guide(window: QMainWindow, host: GuideHost) -> GuideDock:
    """Add the guide dock, Ctrl+G and the coaching-session action to the main window
    (``host``: the same window, seen as what the guide needs of it)."""
    dock = GuideDock(window, host)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.counter.visit_started.connect(dock.on_visit_started)
    host.counter.visit_errand_changed.connect(dock.on_errand_changed)
    host.counter.visit_closed.connect(dock.on_visit_closed)
    host.tabs.currentChanged.connect(lambda _index: dock.sync_visibility())
    dock.panel.status.connect(host.show_status)
    dock.panel.finished.connect(dock.focus_counter)
    to_search = QShortcut(QKeySequence("Ctrl+L"), dock)  # as in the counter form
    to_search.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    to_search.activated.connect(host.counter.focus_search)

    to_guide = QAction(QCoreApplication.translate("GuideDock", "Skift mellem &guide og skranke"), window)
    to_guide.setObjectName("toggleGuideAction")
    to_guide.setShortcut(QKeySequence("Ctrl+G"))
    to_guide.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    to_guide.triggered.connect(dock.toggle_focus)

    coaching = QAction(QCoreApplication.translate(
        "GuideDock", "Registrér &vejledning i digitale færdigheder…"), window)
    coaching.setObjectName("coachingSessionAction")
    coaching.setShortcut(QKeySequence("Ctrl+Shift+V"))
    coaching.triggered.connect(lambda: open_coaching_dialog(window, host))

    menu = window.menuBar().addMenu(QCoreApplication.translate("GuideDock", "&Vejledning"))
    menu.setObjectName("guideMenu")
    menu.addAction(to_guide)
    menu.addAction(coaching)
    actions = window.menuBar().actions()
    if len(actions) >= 2:  # keep Hjælp last
        window.menuBar().insertMenu(actions[-2], menu)
    return dock


def open_coaching_dialog(window: QMainWindow, host: GuideHost) -> None:
    dialog = CoachingDialog(host.hub, window)
    dialog.saved.connect(host.show_status)
    dialog.open()

