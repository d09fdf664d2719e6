"""Before the window opens: one app per journal, an interrupted write rolled back, a damaged
journal never opened for writing (restore offered instead), a read-only journal called
read-only (never damaged), old notes erased (in the journal and its backups), today's
backup made.

The logic lives in services (instance_lock, integrity, backup, retention); this module
only asks and tells, in Danish.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from deskapp import APP_NAME
from deskapp.crash_log import log_unexpected
from deskapp.services import backup
from deskapp.services import settings as settings_service
from deskapp.services.instance_lock import InstanceLock
from deskapp.services.journal import Journal, JournalError, retention
from deskapp.services.journal.integrity import check_integrity, finish_interrupted_write
from deskapp.services.journal.migrations import SCHEMA_VERSION
from deskapp.ui.shell import messages

BACKUP_CHECK_MS = 60 * 60 * 1000  # a running app makes the next day's backup within the hour


def tr(text: str) -> str:
    return QCoreApplication.translate("StartupChecks", text)


@dataclass
class OpenedJournal:
    journal: Journal
    lock: InstanceLock
    notices: list[str] = field(default_factory=list)  # for the status line
    backup_timer: QTimer | None = None

    def close(self) -> None:
        if self.backup_timer is not None:
            self.backup_timer.stop()
            self.backup_timer.deleteLater()
        self.journal.close()
        self.lock.release()


def open_for_app(path: Path, config: settings_service.Settings, fail: Callable[[str], object],
                 interactive: bool = True, defer: bool = False) -> OpenedJournal | None:
    """Open the journal for the app, or tell the user why not (via ``fail``) and return None.

    ``defer``: only the header is checked now; the page-by-page check, the old notes and the
    daily backup are left to :mod:`deferred_checks`, after the first frame (the app's
    writes wait for that check). A journal that needs a migration is checked in full first
    and migrated with a progress dialog."""
    lock = InstanceLock(path)
    if not lock.acquire():
        fail(tr("Skranke er allerede åben med journalen %1 (%2). Brug det vindue, der allerede "
                "er åbent; to vinduer på samme journal kunne give dobbelte besøg.")
             .replace("%1", str(path)).replace("%2", lock.holder() or tr("et andet program")))
        return None
    notices: list[str] = []
    try:
        if finish_interrupted_write(path):
            notices.append(tr("En afbrudt skrivning i journalen er rullet tilbage; alt, der "
                              "var gemt, er der."))
        version = check_integrity(path, header_only=defer)
        if defer and 0 < version < SCHEMA_VERSION:
            check_integrity(path)  # a migration writes: the whole file is checked first
            defer = False
            if interactive:
                migrate_with_progress(path, config)
    except JournalError as exc:
        restored = exc.kind == "damaged" and _offer_restore(path, config, fail, interactive, notices)
        if not restored:
            if exc.kind != "damaged":
                fail(_problem(exc))
            lock.release()
            return None
    try:
        journal = Journal(path, desk=config.desk, site=config.site)
    except JournalError as exc:
        lock.release()
        fail(_problem(exc))
        return None
    if not defer:
        notices += keep_safe(journal, config)
    return OpenedJournal(journal, lock, notices, _schedule_backups(path, config))


def migrate_with_progress(path: Path, config: settings_service.Settings) -> None:
    """Bring an older journal to the current schema on a worker thread while a progress
    dialog shows that Skranke is busy (a big journal takes a while). Errors surface when
    the app opens the journal right after."""
    done = threading.Event()

    def work() -> None:
        try:
            Journal(path, desk=config.desk, site=config.site).close()
        except JournalError:
            pass  # reported when the app opens the journal
        finally:
            done.set()

    dialog = QProgressDialog(tr("Journalen opdateres til den nye version af Skranke …"), "", 0, 0)
    dialog.setObjectName("migrationProgress")
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    threading.Thread(target=work, name="skranke-migrate", daemon=True).start()
    while not done.wait(0.03):
        QApplication.processEvents()
    dialog.close()


def _problem(exc: JournalError) -> str:
    return messages.read_only_at_start(exc) if exc.kind == "read_only" else messages.journal_error(exc)


def keep_safe(journal: Journal, config: settings_service.Settings) -> list[str]:
    """Erase old notes and make today's backup; problems are logged and returned as notices,
    they never stop the counter from working."""
    return erase_old_notes(journal, config) + back_up(journal.path, config)


def retention_days(config: settings_service.Settings) -> int:
    days = config.retention_days
    return days if 0 <= days <= retention.MAX_DAYS else retention.DEFAULT_DAYS


def erase_old_notes(journal: Journal, config: settings_service.Settings) -> list[str]:
    """The journal's old notes (a write: on the UI thread, before the day's backup)."""
    notices = []
    try:
        retention.purge_notes(journal, retention_days(config))
        if retention.wipe_pending(journal):
            notices.append(tr("Gamle noter er slettet, men et andet program læser journalen, så "
                              "teksten står stadig i filen. Den fjernes ved næste start."))
    except JournalError as exc:
        log_unexpected(exc)
        notices.append(tr("Gamle noter kunne ikke slettes i dag: %1").replace(
            "%1", messages.journal_error(exc)))
    return notices


def back_up(path: Path, config: settings_service.Settings, checked: bool = False) -> list[str]:
    """Today's backup, and old notes erased from the backups (reads the journal only, so it
    may run on a worker thread). ``checked``: the journal's page-by-page check just passed."""
    notices = []
    problem = _backup(path, config, checked)
    if problem:
        notices.append(problem)
    folder = backup.folder_for(config.backup_folder)
    _, failed = backup.purge_backups(path, folder, retention_days(config))
    if failed:
        notices.append(tr("Gamle noter kunne ikke slettes i %1 sikkerhedskopi(er) i %2.").replace(
            "%1", str(len(failed))).replace("%2", str(failed[0].parent)))
    return notices


def _backup(path: Path, config: settings_service.Settings, checked: bool = False) -> str:
    folder = backup.folder_for(config.backup_folder)
    try:
        backup.daily_backup(path, folder, keep=max(1, config.backups_keep), checked=checked)
    except (JournalError, backup.BackupError) as exc:
        log_unexpected(exc)
        return tr("Dagens sikkerhedskopi kunne ikke laves (%1). Detaljer i logfilen.").replace(
            "%1", str(folder))
    return ""


def _schedule_backups(path: Path, config: settings_service.Settings) -> QTimer | None:
    app = QApplication.instance()
    if app is None:
        return None
    timer = QTimer(app)
    timer.setObjectName("dailyBackupTimer")
    timer.setInterval(BACKUP_CHECK_MS)
    timer.timeout.connect(lambda: _backup(path, config))
    timer.start()
    return timer


def _offer_restore(path: Path, config: settings_service.Settings, fail: Callable[[str], object],
                   interactive: bool, notices: list[str]) -> bool:
    """Tell the user the journal is damaged; offer the newest good backup. True if restored."""
    folder = backup.folder_for(config.backup_folder)
    candidate = backup.newest_good_backup(path, folder)
    damaged = tr("Journalen %1 er beskadiget og kan ikke bruges. Filen er ikke ændret.").replace(
        "%1", str(path))
    if candidate is None:
        fail(damaged + " " + tr("Der er ingen sikkerhedskopi i %1. Kontakt IT-supporten, og "
                                "slet ikke filen.").replace("%1", str(folder)))
        return False
    day = candidate.name.removesuffix(".backup").rsplit(".", 1)[-1]
    if not interactive:
        fail(damaged + " " + tr("Der er en sikkerhedskopi fra %1; start Skranke for at gendanne "
                                "den, eller kør 'deskapp restore'.").replace("%1", day))
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, damaged)
    box.setObjectName("damagedJournalBox")
    box.setInformativeText(tr("Der er en sikkerhedskopi fra %1. Vil du gendanne den? Besøg "
                              "registreret efter kopien kommer ikke med. Den beskadigede fil "
                              "gemmes ved siden af, så IT kan se på den.").replace("%1", day))
    restore_button = box.addButton(tr("&Gendan sikkerhedskopien"), QMessageBox.ButtonRole.AcceptRole)
    restore_button.setObjectName("restoreButton")
    quit_button = box.addButton(tr("&Afslut"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    box.setDefaultButton(restore_button)
    box.exec()
    if box.clickedButton() is not restore_button:
        return False
    try:
        done = backup.restore(path, folder, candidate)
    except backup.BackupError as exc:
        log_unexpected(exc)
        fail(tr("Gendannelsen mislykkedes: %1").replace("%1", str(exc)))
        return False
    notices.append(tr("Journalen er gendannet fra sikkerhedskopien fra %1. Den beskadigede fil "
                      "er gemt som %2.").replace("%1", day).replace("%2", str(done.kept_aside)))
    return True
