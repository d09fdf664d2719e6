"""The main window: pages in tabs, menus, the status line. Wiring only."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from deskapp import APP_NAME, __version__
from deskapp.services import settings as settings_service
from deskapp.ui.counter.counter_page import CounterPage
from deskapp.ui.guide.guide_dock import install_guide
from deskapp.ui.manager.manager_page import ManagerPage
from deskapp.ui.shell.operations import JournalHub
from deskapp.ui.shell.settings_hub import SettingsHub

if TYPE_CHECKING:
    from deskapp.ui.sync.publisher import Publisher

DEFAULT_SIZE = QSize(1100, 720)
FRAME_ALLOWANCE = QSize(16, 48)  # the window manager's borders and title bar, roughly


class MainWindow(QMainWindow):
    def __init__(self, hub: JournalHub, config: settings_service.Settings,
                 save_settings: Callable[[settings_service.Settings], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.hub = hub
        self.config = config
        self.settings_hub = SettingsHub(config, save_settings, self)
        self.settings_hub.changed.connect(self.on_settings_changed)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("%1 – skranke %2").replace("%1", APP_NAME).replace(
            "%2", config.desk))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.tabs.tabBar().setObjectName("pageTabs")
        self.tabs.tabBar().setAccessibleName(self.tr("Sider"))
        self.tabs.tabBar().setAccessibleDescription(
            self.tr("Skifter mellem skranken og ledelsen: Alt+S og Alt+L, eller Ctrl+Tab"))
        self.counter = CounterPage(hub, config.channel, self, appointment=config.appointment)
        self.tabs.addTab(self.counter, self.tr("&Skranke"))
        self.manager = ManagerPage(hub, config, self)
        self.tabs.addTab(self.manager, self.tr("&Ledelse"))
        self.setCentralWidget(self.tabs)
        self.publisher: Publisher | None = None
        self._build_menus()
        self._connect_signals()
        self.guide = install_guide(self, self)
        self.statusBar()  # made now, so its room is in the first layout
        self.resize(self.fitted_size())

    def fitted_size(self) -> QSize:
        """The default size, or less when the screen is smaller (200 % text on full HD)."""
        screen = self.screen().availableGeometry().size() - FRAME_ALLOWANCE
        return DEFAULT_SIZE.boundedTo(screen.expandedTo(self.minimumSizeHint()))

    def show_on_screen(self) -> None:
        """Show at the default size, or maximised where that would not fit on the screen:
        the whole frame, the outcome column and the status line stay on the screen."""
        available = self.screen().availableGeometry()
        wanted = DEFAULT_SIZE + FRAME_ALLOWANCE
        if wanted.width() <= available.width() and wanted.height() <= available.height():
            self.resize(DEFAULT_SIZE)
            self.show()
            return
        self.resize(available.size() - FRAME_ALLOWANCE)
        self.move(available.topLeft())
        self.showMaximized()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Filer"))
        for name, text, slot in (
            ("publishNowAction", self.tr("&Udgiv øjebliksbillede nu"), self.on_publish_now),
            ("consolidateAction", self.tr("Saml s&kranker…"), self.on_consolidate),
            ("deskSettingsAction", self.tr("Skranke og &fælles mappe…"), self.on_desk_settings),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            file_menu.addAction(action)
        settings_action = QAction(self.tr("&Indstillinger…"), self)
        settings_action.setObjectName("settingsAction")
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.on_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Afslut"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Hjælp"))
        about = QAction(self.tr("&Om Skranke"), self)
        about.triggered.connect(self.on_about)
        help_menu.addAction(about)

    def _connect_signals(self) -> None:
        self.counter.status.connect(self.show_status)
        self.counter.channel_changed.connect(self.on_channel_changed)
        self.manager.status.connect(self.show_status)
        self.tabs.currentChanged.connect(self.on_tab_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tabs.currentWidget() is self.counter:
            self.counter.focus_search()

    def on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.counter:
            self.counter.focus_search()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def on_channel_changed(self, code: str) -> None:
        self.settings_hub.apply(dataclasses.replace(self.config, channel=code))

    def attach_publisher(self, publisher: Publisher) -> None:
        """Show the publisher's discreet status in a permanent label of the status bar."""
        self.publisher = publisher
        self.publish_status = QLabel(self)
        self.publish_status.setObjectName("publishStatus")
        self.publish_status.setAccessibleName(self.tr("Status for udgivelse af øjebliksbillede"))
        self.statusBar().addPermanentWidget(self.publish_status)
        publisher.status.connect(self.publish_status.setText)

    def on_publish_now(self) -> None:
        if self.publisher is not None:
            self.publisher.publish_now()

    # The dialogs are imported when first opened: the consolidation code is not loaded
    # before the first frame (issue 15.7).
    def on_consolidate(self) -> None:
        from deskapp.ui.sync.consolidate_dialog import ConsolidateDialog

        dialog = ConsolidateDialog(self.config.shared_folder, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def on_desk_settings(self) -> None:
        from deskapp.ui.settings.desk_dialog import DeskDialog

        edited = dataclasses.replace(self.config)
        dialog = DeskDialog(edited, parent=self)
        dialog.accepted.connect(lambda: self.settings_hub.apply(edited))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def on_settings(self) -> None:
        from deskapp.ui.settings.settings_dialog import SettingsDialog

        running = "en" if QLocale().language() == QLocale.Language.English else "da"
        dialog = SettingsDialog(self.config, self, running_language=running)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        names = self.settings_hub.apply(dialog.settings())
        self.show_status(self.tr("Indstillingerne er gemt. Ændringerne gælder, når Skranke startes igen.")
                         if settings_service.needs_restart(names) else self.tr("Indstillingerne er gemt."))

    def on_settings_changed(self, names: set[str]) -> None:
        if names & {"desk", "site"}:  # new visits carry the new labels at once
            self.hub.journal.desk, self.hub.journal.site = self.config.desk, self.config.site
            self.setWindowTitle(self.tr("%1 – skranke %2").replace("%1", APP_NAME).replace(
                "%2", self.config.desk))
        if "appointment" in names:  # the next visit starts from the new default
            self.counter.set_appointment_default(self.config.appointment)
        if "reference_file" in names:
            self.manager.request_refresh()
        if self.publisher is not None and names & {"shared_folder", "publish_minutes", "desk", "site"}:
            self.publisher.start()

    def on_about(self) -> None:
        QMessageBox.about(self, self.tr("Om Skranke"), self.tr(
            "%1 %2\n\nRegistrering af henvendelser i borgerservice.\n\nJournal: %3").replace(
            "%1", APP_NAME).replace("%2", __version__).replace(
            "%3", str(self.hub.journal.path)))
