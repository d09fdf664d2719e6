"""Publishes this desk's snapshot to the shared folder in the background.

Every ``publish_minutes``, on demand and on exit. The copy runs on a QThreadPool worker
with its own database connection, so the counter never waits; a failure is retried a few
minutes later and reported discreetly through ``status`` (the main window shows it in a
small label of the status bar).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTime, QTimer, Signal

from deskapp.services import settings as settings_service

if TYPE_CHECKING:  # the publish service (signing, cryptography) is imported at the first publish
    from deskapp.services.publish import Published

RETRY_MS = 2 * 60 * 1000
log = logging.getLogger("skranke.publish")


class _Signals(QObject):
    done = Signal(object)  # Published
    failed = Signal(str, str)  # kind, message (English, for the log)


class _PublishTask(QRunnable):
    def __init__(self, job: Callable[[], Published], signals: _Signals):
        super().__init__()
        self.job = job
        self.signals = signals

    def run(self) -> None:
        from deskapp.services.publish import PublishError

        try:
            result = self.job()
        except PublishError as exc:
            self.signals.failed.emit(exc.kind, str(exc))
        except Exception as exc:  # never let a worker die silently
            log.exception("publishing failed")
            self.signals.failed.emit("failed", str(exc))
        else:
            self.signals.done.emit(result)


class Publisher(QObject):
    """Owns the publish schedule; ``status`` carries a short Danish line for the status bar."""

    status = Signal(str)
    published = Signal(object)  # Published
    failed = Signal(str)  # the failure kind

    def __init__(self, journal_path: Path, config: settings_service.Settings,
                 pool: QThreadPool | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("publisher")
        self.journal_path = Path(journal_path)
        self.config = config
        self.pool = pool or QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.busy = False
        self._again = False
        self._signals = _Signals(self)
        self._signals.done.connect(self.on_done)
        self._signals.failed.connect(self.on_failed)
        self.timer = QTimer(self)
        self.timer.setObjectName("publishTimer")
        self.timer.timeout.connect(self.publish_now)
        self.retry = QTimer(self)
        self.retry.setObjectName("publishRetry")
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(self.publish_now)

    @property
    def enabled(self) -> bool:
        return bool(self.config.shared_folder.strip())

    def start(self) -> None:
        """Start (or restart after a settings change) the periodic publish."""
        self.timer.stop()
        if self.enabled:
            self.timer.start(max(1, self.config.publish_minutes) * 60 * 1000)

    def publish_now(self) -> bool:
        """Queue a publish on the worker; False when no shared folder is configured."""
        if not self.enabled:
            self.status.emit(self.tr("Ingen fælles mappe er valgt; øjebliksbilledet er ikke udgivet."))
            return False
        if self.busy:
            self._again = True
            return True
        self.busy = True
        self.retry.stop()
        folder, desk, site = self.config.shared_folder, self.config.desk, self.config.site
        path = self.journal_path
        self.pool.start(_PublishTask(lambda: _publish(path, folder, desk, site), self._signals))
        return True

    def publish_on_exit(self, wait_ms: int = 5000) -> None:
        """Last publish when the app closes; waits at most ``wait_ms`` for the worker."""
        self.timer.stop()
        self.retry.stop()
        if not self.enabled:
            return
        self.pool.waitForDone(wait_ms)
        self.busy = False
        self.publish_now()
        self.pool.waitForDone(wait_ms)

    def on_done(self, result: Published) -> None:
        self.busy = False
        self.status.emit(self.tr("Øjebliksbillede udgivet kl. %1").replace(
            "%1", QTime.currentTime().toString("HH:mm")))
        self.published.emit(result)
        self._follow_up()

    def on_failed(self, kind: str, message: str) -> None:
        self.busy = False
        log.warning("publish failed (%s): %s", kind, message)
        reasons = {
            "folder_missing": self.tr("den fælles mappe kan ikke findes (offline?)"),
            "permission": self.tr("ingen adgang til den fælles mappe"),
            "disk_full": self.tr("den fælles mappe er fuld"),
            "busy": self.tr("det forrige øjebliksbillede er i brug"),
            "journal": self.tr("journalen kunne ikke læses"),
            "name": self.tr("skrankens navn eller sted blev afvist (CPR-nummer?)"),
            "key": self.tr("signeringsnøglen kunne ikke læses"),
        }
        reason = reasons.get(kind, self.tr("en fejl ved skrivning"))
        minutes = RETRY_MS // 60000
        self.status.emit(self.tr("Øjebliksbillede ikke udgivet: %1. Prøver igen om %2 min.")
                         .replace("%1", reason).replace("%2", str(minutes)))
        self.failed.emit(kind)
        if not self._again:
            self.retry.start(RETRY_MS)
        self._follow_up()

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.publish_now()


def _publish(path: Path, folder: str, desk: str, site: str) -> Published:
    """On the worker: the publish service is imported there, the first time."""
    from deskapp.services.publish import publish

    return publish(path, folder, desk, site)
