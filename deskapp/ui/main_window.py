"""The main window: pages in tabs, menus, the status line. Wiring only."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

from deskapp import APP_NAME, __version__
from deskapp.services import settings as settings_service
from deskapp.ui.counter_page import CounterPage
from deskapp.ui.journal_hub import JournalHub
from deskapp.ui.settings_dialog import SettingsDialog


class MainWindow(QMainWindow):
    def __init__(self, hub: JournalHub, config: settings_service.Settings,
                 save_settings: object = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.hub = hub
        self.config = config
        self._save_settings = save_settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("%1 – skranke %2").replace("%1", APP_NAME).replace(
            "%2", config.desk))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.tabs.tabBar().setObjectName("pageTabs")
        self.tabs.tabBar().setAccessibleName(self.tr("Sider"))
        self.counter = CounterPage(hub, config.channel, self)
        self.tabs.addTab(self.counter, self.tr("&Skranke"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._connect_signals()
        self.resize(1100, 720)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Filer"))
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
        self.config.channel = code
        if callable(self._save_settings):
            self._save_settings(self.config)

    def on_settings(self) -> None:
        dialog = SettingsDialog(self.config, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        restart = dialog.needs_restart()
        new = dialog.settings()
        for field in dataclasses.fields(new):
            setattr(self.config, field.name, getattr(new, field.name))
        if callable(self._save_settings):
            self._save_settings(self.config)
        self.show_status(self.tr("Indstillingerne er gemt. Ændringerne gælder, når Skranke startes igen.")
                         if restart else self.tr("Indstillingerne er gemt."))

    def on_about(self) -> None:
        QMessageBox.about(self, self.tr("Om Skranke"), self.tr(
            "%1 %2\n\nRegistrering af henvendelser i borgerservice.\n\nJournal: %3").replace(
            "%1", APP_NAME).replace("%2", __version__).replace(
            "%3", str(self.hub.journal.path)))
