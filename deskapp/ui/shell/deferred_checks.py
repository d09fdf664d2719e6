"""The start-up work that waits until the window is up: the journal's page-by-page check and
the daily backup on a worker thread, then the old notes erased (a write) on the UI thread.

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
from deskapp.services.journal import Journal, JournalError, retention
from deskapp.services.journal.integrity import check_integrity
from deskapp.ui.shell import messages, startup_checks
from deskapp.ui.shell.operations import FAILED, Change, Failed, JournalHub

T = TypeVar("T")


def tr(text: str) -> str:
    return QCoreApplication.translate("DeferredChecks", text)


class DeferredChecks(QObject):
    """``passed(notices)`` when the journal is whole (backup made or its problem noted),
    ``damaged(text)`` when the check found damage."""

    passed = Signal(list)
    damaged = Signal(str)

    def __init__(self, journal: Journal, config: settings_service.Settings,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal
        self.config = config
        self.done = threading.Event()
        self.problem: JournalError | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="skranke-startup-checks", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            check_integrity(self.journal.path)
        except JournalError as exc:
            self.problem = exc
            self.done.set()
            log_unexpected(exc)
            self.damaged.emit(self.damaged_text())
            return
        self.done.set()  # writes may go ahead; the backup below only reads
        problem = startup_checks._backup(self.journal.path, self.config)
        self.passed.emit([problem] if problem else [])

    def damaged_text(self) -> str:
        return tr("Journalen %1 er beskadiget og kan ikke bruges. Filen er ikke ændret, og Skranke "
                  "gemmer ikke mere i den. Luk Skranke og start igen: så tilbydes den nyeste "
                  "sikkerhedskopi.").replace("%1", str(self.journal.path))

    def usable(self) -> bool:
        """Wait for the check (if still running); True when the journal may be written."""
        self.done.wait()
        return self.problem is None

    def erase_old_notes(self) -> list[str]:
        """On the UI thread, once the check has passed (a write, like every other)."""
        days = self.config.retention_days
        if not 0 <= days <= retention.MAX_DAYS:
            days = retention.DEFAULT_DAYS
        try:
            retention.purge_notes(self.journal, days)
        except JournalError as exc:
            log_unexpected(exc)
            return [tr("Gamle noter kunne ikke slettes i dag: %1").replace(
                "%1", messages.journal_error(exc))]
        return []


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
