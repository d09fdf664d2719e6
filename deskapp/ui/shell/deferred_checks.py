"""The start-up work that waits until the window is up: the journal's page-by-page check on a
worker thread, then the old notes erased (a write) on the UI thread, then the daily backup
and the backups' old notes on a worker thread again (the same steps as ``keep_safe``).

Until the check has passed, every write through the hub waits for it (a save in the first
second of a big journal waits a moment), and once it found damage every write is refused:
a damaged journal is still never written to. The worker uses its own read-only connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from deskapp.crash_log import log_unexpected
from deskapp.services import settings as settings_service
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, JournalError
from deskapp.services.journal.integrity import check_integrity
from deskapp.ui.shell import startup_checks
from deskapp.ui.shell.operations import FAILED, Change, Failed, JournalHub

T = TypeVar("T")


def tr(text: str) -> str:
    return QCoreApplication.translate("DeferredChecks", text)


class DeferredChecks(QObject):
    """``passed(notices)`` when the journal is whole (backup made or its problem noted),
    ``damaged(text)`` when the check found damage."""

    passed = Signal(list)
    damaged = Signal(str)
    # From the worker threads to this object's own methods (queued onto the UI thread), so
    # ``passed`` and ``damaged`` are always emitted, and their slots run, on the UI thread.
    _checked = Signal()
    _backed_up = Signal(list)
    _found_damage = Signal()

    def __init__(self, journal: Journal, config: settings_service.Settings,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal
        self.config = config
        self.done = threading.Event()
        self.problem: JournalError | None = None
        self.worker: threading.Thread | None = None
        self.notices: list[str] = []
        self._checked.connect(self._after_check)
        self._backed_up.connect(self._report)
        self._found_damage.connect(self._report_damage)

    def start(self) -> None:
        self.worker = threading.Thread(target=self._check, name="skranke-startup-check", daemon=True)
        self.worker.start()

    def _after_check(self) -> None:
        self.notices = startup_checks.erase_old_notes(self.journal, self.config)
        self.worker = threading.Thread(target=self._back_up, name="skranke-daily-backup",
                                       daemon=True)
        self.worker.start()

    def _report(self, notices: list[str]) -> None:
        self.passed.emit(self.notices + notices)

    def _report_damage(self) -> None:
        self.damaged.emit(self.damaged_text())

    def _back_up(self) -> None:
        self._backed_up.emit(startup_checks.back_up(self.journal.path, self.config, checked=True))

    def _check(self) -> None:
        try:
            check_integrity(self.journal.path)
        except JournalError as exc:
            self.problem = exc
            self.done.set()
            log_unexpected(exc)
            self._found_damage.emit()
            return
        self.done.set()  # writes may go ahead
        self._checked.emit()

    def damaged_text(self) -> str:
        return tr("Journalen %1 er beskadiget og kan ikke bruges. Filen er ikke ændret, og Skranke "
                  "gemmer ikke mere i den. Luk Skranke og start igen: så tilbydes den nyeste "
                  "sikkerhedskopi.").replace("%1", str(self.journal.path))

    def usable(self) -> bool:
        """Wait for the check (if still running); True when the journal may be written."""
        self.done.wait()
        return self.problem is None


class CheckedHub(JournalHub):
    """The hub whose writes wait for the deferred check and are refused after damage."""

    def __init__(self, journal: Journal, catalog: Catalog, checks: DeferredChecks | None = None,
                 parent: QObject | None = None):
        super().__init__(journal, catalog, parent)
        self.checks = checks

    def write(self, call: Callable[[Journal], T], change: Change | Callable[[T], Change] | None,
              on_error: Callable[[str], None]) -> T | Failed:
        if self.checks is not None and not self.checks.usable():
            on_error(self.checks.damaged_text())
            return FAILED
        return super().write(call, change, on_error)
