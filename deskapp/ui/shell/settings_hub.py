"""The running app's settings: one object, saved in one place, one signal when they change.

Dialogs edit a copy and hand it to :meth:`SettingsHub.apply`; the hub copies what changed
onto the shared :class:`Settings`, saves it, and emits ``changed`` with the names of the
settings that changed, so each part of the window reacts to what concerns it (the title
and the journal's labels to the desk, the publisher to the shared folder and interval).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from deskapp.services import settings as settings_service
from deskapp.services.settings import Settings


class SettingsHub(QObject):
    changed = Signal(object)  # set[str]: the names of the settings that changed

    def __init__(self, config: Settings, save: Callable[[Settings], None] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.config = config
        self.save = save

    def apply(self, new: Settings) -> set[str]:
        """Take over the settings of ``new`` that differ, save, and announce them."""
        names = settings_service.changed(self.config, new)
        for name in names:
            setattr(self.config, name, getattr(new, name))
        if names:
            if self.save is not None:
                self.save(self.config)
            self.changed.emit(names)
        return names
