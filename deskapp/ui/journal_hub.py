"""The UI's single owner of the open journal: calls the service, then tells the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal


class JournalHub(QObject):
    """Holds the Journal and the Catalog; emits ``changed`` after every committed write."""

    changed = Signal()

    def __init__(self, journal: Journal, catalog: Catalog, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal
        self.catalog = catalog

    def notify(self) -> None:
        self.changed.emit()
