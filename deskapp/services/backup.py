"""Backups of the journal: one a day through SQLite's backup API, the last N kept.

A backup is a complete, consistent copy taken while the app may be writing (the backup
API copies a snapshot). Notes in backups are erased by the same retention limit as in the
journal (:func:`purge_backups`, at every start of the app and by ``deskapp purge``), so no
backup keeps a note longer than the journal does. Files are named
``<journal name>.<YYYY-MM-DD>.backup`` in the backup folder (settings.backup_folder,
default the data folder's ``backups``). A damaged
journal is never backed up over a good backup, and never overwritten by a restore: it is
moved aside with its ``-wal``, ``-shm`` and ``-journal`` as
``<journal name>.damaged-YYYYmmdd-HHMMSS`` (or ``.replaced-...`` when it was sound) first.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from deskapp import paths
from deskapp.services.durable import fsync_folder
from deskapp.services.journal import JournalError, retention
from deskapp.services.journal.connect import is_writable
from deskapp.services.journal.copy import copy_journal
from deskapp.services.journal.integrity import SIDECARS, check_integrity

DEFAULT_KEEP = 14
_SUFFIX = ".backup"
_DATE_RE = re.compile(r"\.(\d{4}-\d{2}-\d{2})\.backup$")


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why in plain words."""


@dataclass(frozen=True)
class Restored:
    journal: Path
    source: Path
    kept_aside: Path | None  # where the previous (damaged or replaced) file went
    companions: tuple[str, ...] = ()  # its -wal, -shm, -journal moved aside with it


def folder_for(setting: str = "") -> Path:
    return Path(setting) if setting else paths.backups_dir()


def backup_name(journal: Path, day: date) -> str:
    return f"{journal.name}.{day.isoformat()}{_SUFFIX}"


def list_backups(journal: Path | str, folder: Path) -> list[Path]:
    """Backups of this journal in the folder, newest first."""
    journal = Path(journal)
    found = []
    with contextlib.suppress(OSError):
        for candidate in folder.glob(f"{glob_escape(journal.name)}.*{_SUFFIX}"):
            match = _DATE_RE.search(candidate.name)
            if match and candidate.name == backup_name(journal, date.fromisoformat(match[1])):
                found.append((match[1], candidate))
    return [p for _, p in sorted(found, reverse=True)]


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def make_backup(journal: Path | str, folder: Path, today: date | None = None,
                keep: int = DEFAULT_KEEP, checked: bool = False) -> Path:
    """Copy the journal into today's backup file (replacing an earlier one from today),
    then keep only the newest ``keep`` backups. Raises JournalError when the journal is
    damaged, BackupError when the backup folder cannot be written. ``checked``: the caller
    has just checked the journal page by page (the copy is checked all the same)."""
    journal = Path(journal)
    if not journal.exists():
        raise JournalError("missing", journal)
    if not checked:
        check_integrity(journal)  # never replace a good backup with a copy of a damaged file
    today = today or date.today()
    target = folder / backup_name(journal, today)
    tmp = target.with_name(target.name + ".tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise BackupError(f"cannot write to the backup folder {folder}: {exc.strerror}") from exc
    try:
        copy_journal(journal, tmp)
        check_integrity(tmp)
        os.replace(tmp, target)
        fsync_folder(folder)
    except sqlite3.OperationalError as exc:
        tmp.unlink(missing_ok=True)
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise JournalError("locked", journal, str(exc)) from exc
        raise BackupError(f"could not write the backup {target}: {exc}") from exc
    except (OSError, sqlite3.Error, JournalError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"could not write the backup {target}: {exc}") from exc
    prune(journal, folder, keep)
    return target


def daily_backup(journal: Path | str, folder: Path, keep: int = DEFAULT_KEEP,
                 today: date | None = None, checked: bool = False) -> Path | None:
    """Make today's backup unless there already is one; return it, or None."""
    today = today or date.today()
    journal = Path(journal)
    if (folder / backup_name(journal, today)).exists() or not journal.exists():
        return None
    return make_backup(journal, folder, today, keep, checked=checked)


def prune(journal: Path, folder: Path, keep: int) -> list[Path]:
    removed = []
    for old in list_backups(journal, folder)[max(1, keep):]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed


def purge_backups(journal: Path | str, folder: Path, older_than_days: int,
                  now: datetime | None = None) -> tuple[int, list[Path]]:
    """Erase the notes older than the retention limit in every backup of the journal, as
    in the journal itself, so a backup never keeps a note longer than the journal does.
    Returns (notes erased, backups that could not be purged: damaged or read-only)."""
    erased, failed = 0, []
    for kept in list_backups(journal, folder):
        try:
            erased += retention.purge_file(kept, older_than_days, now)
        except JournalError:
            failed.append(kept)
    return erased, failed


def newest_good_backup(journal: Path | str, folder: Path) -> Path | None:
    for candidate in list_backups(journal, folder):
        try:
            check_integrity(candidate)
        except JournalError:
            continue
        return candidate
    return None


def choose_backup(journal: Path, folder: Path, source: Path | None = None) -> Path:
    """The given backup file if it is usable, else the newest good one; BackupError if none."""
    if source is None:
        chosen = newest_good_backup(journal, folder)
        if chosen is None:
            raise BackupError(f"there is no usable backup of {journal.name} in {folder}")
        return chosen
    try:
        if not source.is_file():
            raise BackupError(f"there is no backup file {source}")
        if journal.exists() and source.samefile(journal):
            raise BackupError(f"{source} is the journal itself, not a backup of it")
    except OSError as exc:
        raise BackupError(f"cannot read the backup {source}: {exc.strerror or exc}") from exc
    try:
        check_integrity(source)
    except JournalError as exc:
        raise BackupError(f"the backup {source} cannot be used: {exc.detail or exc.kind}") from exc
    return source


def restore(journal: Path | str, folder: Path, source: Path | str | None = None,
            now: datetime | None = None) -> Restored:
    """Put a backup in the journal's place. The current file (damaged or not) and every
    companion of it (``-wal``, ``-shm``, ``-journal``) are moved aside first, never
    overwritten: a leftover WAL or rollback journal beside the restored file would be
    replayed onto it by SQLite. The result is checked (``PRAGMA integrity_check``) before
    this returns; BackupError says why not, with nothing lost."""
    journal = Path(journal)
    chosen = choose_backup(journal, folder, Path(source) if source else None)
    if journal.parent.is_dir() and not is_writable(journal):
        raise BackupError(f"cannot restore {journal}: the folder {journal.parent} or the file "
                          "cannot be written (read-only or no permission); nothing was changed")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    tmp = journal.with_name(journal.name + ".restoring")
    try:
        journal.parent.mkdir(parents=True, exist_ok=True)
        _remove_with_sidecars(tmp)
        # The backup API, not a file copy: a source in WAL mode (a desk snapshot, an older
        # journal) has committed visits in its -wal file that a plain copy would leave out.
        copy_journal(chosen, tmp)
        check_integrity(tmp, full=True)
        aside, companions = _move_aside(journal, stamp)
        os.replace(tmp, journal)
        fsync_folder(journal.parent)
    except (OSError, sqlite3.Error, JournalError) as exc:
        _remove_with_sidecars(tmp)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise BackupError(f"could not restore {journal}: {reason}; nothing was changed") from exc
    try:
        check_integrity(journal, full=True)
    except JournalError as exc:
        kept = f"; the previous file is kept as {aside}" if aside else ""
        raise BackupError(f"the restored {journal} failed its integrity check ({exc.detail or exc.kind})"
                          f"{kept}") from exc
    return Restored(journal=journal, source=chosen, kept_aside=aside, companions=companions)


def _remove_with_sidecars(path: Path) -> None:
    for name in (path.name, *(path.name + suffix for suffix in SIDECARS)):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink(missing_ok=True)


def _move_aside(journal: Path, stamp: str) -> tuple[Path | None, tuple[str, ...]]:
    """Move the journal and all its companions to ``<name>.<damaged|replaced>-<stamp>``,
    together, so the file kept aside is exactly as it was (a hot ``-journal`` beside it
    still belongs to it). A companion without its file goes aside too. If any move fails,
    the moves done are undone and the error is raised: nothing is left half moved."""
    try:  # read-only, leaves an interrupted write as it is; may create an empty -wal/-shm
        check_integrity(journal)
        label = "replaced" if journal.exists() else "orphaned"
    except JournalError:
        label = "damaged"
    present = [suffix for suffix in ("", *SIDECARS)
               if journal.with_name(journal.name + suffix).exists()]
    if not present:
        return None, ()
    aside = journal.with_name(f"{journal.name}.{label}-{stamp}")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in present:
            pair = (journal.with_name(journal.name + suffix), aside.with_name(aside.name + suffix))
            os.replace(*pair)
            moved.append(pair)
    except OSError:
        for here, there in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(there, here)
        raise
    return aside, tuple(suffix for suffix in present if suffix)
