"""Publish a desk snapshot: a consistent, signed copy of the local journal on the shared folder.

The live journal stays on local disk (WAL does not work over network file systems). A
snapshot is written with SQLite's backup API, which copies one consistent state while the
counter keeps writing (in WAL mode a reader never blocks the writer), into a temporary
name beside the final file; it is switched to rollback-journal mode, stamped in its
``meta`` table, every text in it guarded and the whole copy integrity-checked
(``journal.snapshot_write``), signed with the desk's key (``signing``: the signature is
appended to the file itself), flushed to disk and renamed over
``<folder>/<site>/<desk>.skranke`` in one atomic step, so a reader of the shared folder
never sees half a file, nor a file with another file's signature.

The desk and site names are labels: they name the file and the snapshot; in a site
journal every visit of the desk carries the labels of its newest snapshot (the desk
itself is its desk id). A name with a CPR number is refused; control characters are
removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from deskapp import paths
from deskapp.services import privacy, signing, weeks
from deskapp.services.durable import fsync_file, fsync_folder, os_error_kind
from deskapp.services.journal.copy import write_snapshot
from deskapp.services.journal.snapshot_write import SnapshotDamaged, finish

SNAPSHOT_SUFFIX = ".skranke"
_UNSAFE = re.compile(r"[^\w.-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
             *(f"lpt{i}" for i in range(1, 10))}
MAX_NAME = 60


class PublishError(Exception):
    """A snapshot could not be written; ``kind`` names the cause, the message says it plainly.

    Kinds: ``folder_missing`` (shared folder absent or offline), ``permission``,
    ``disk_full``, ``busy`` (the old snapshot is open elsewhere), ``journal`` (the local
    journal cannot be read or is damaged), ``name`` (a desk or site name refused),
    ``key`` (the signing key cannot be read or made), ``failed`` (other I/O).
    """

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


@dataclass(frozen=True)
class Published:
    path: Path
    taken_utc: str
    visits: int
    size: int


def safe_name(text: str, fallback: str = "skranke") -> str:
    """A desk or site name as a file name that works on Windows, macOS and Linux.

    Letters (including æøå), digits, '-', '_' and '.' are kept; anything else becomes '-'.
    """
    text = unicodedata.normalize("NFC", text).strip()
    text = _UNSAFE.sub("-", text).strip(" .-")
    text = re.sub(r"-{2,}", "-", text)[:MAX_NAME].rstrip(" .-")
    if not text:
        return fallback
    if text.split(".")[0].lower() in _RESERVED:
        text = "_" + text
    return text


def clean_name(text: str, what: str = "name") -> str:
    """A desk or site name as it may be published: control characters removed, a CPR
    number refused (PublishError "name"; the message never repeats the digits)."""
    try:
        cleaned = privacy.guard_name(text)
    except privacy.FreeTextRefused as exc:
        if exc.too_long:
            raise PublishError("name", f"the {what} is {exc.too_long} characters; the limit is "
                                       f"{privacy.NAME_MAX_LENGTH}") from exc
        raise PublishError("name", f"the {what} looks like it contains a CPR number (written "
                                   f"{', '.join(f.masked for f in exc.findings)}); "
                                   "choose another name") from exc
    if not cleaned:
        raise PublishError("name", f"the {what} must not be empty")
    return cleaned


def snapshot_path(folder: Path | str, desk: str, site: str) -> Path:
    return Path(folder) / safe_name(site, "site") / (safe_name(desk) + SNAPSHOT_SUFFIX)


def publish(journal_path: Path | str, folder: Path | str, desk: str, site: str,
            *, now: datetime | None = None, key_path: Path | None = None) -> Published:
    """Write a signed snapshot of the journal to ``<folder>/<site>/<desk>.skranke`` atomically."""
    journal_path = Path(journal_path)
    folder = Path(folder)
    desk, site = clean_name(desk, "desk name"), clean_name(site, "site name")
    if not str(folder).strip() or not folder.is_dir():
        raise PublishError("folder_missing",
                           f"the shared folder {folder} is not there (offline or not created)")
    if not journal_path.is_file():
        raise PublishError("journal", f"there is no journal at {journal_path}")
    target = snapshot_path(folder, desk, site)
    key = _signing_key(key_path or paths.signing_key_file(), folder)
    try:
        target.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, target.parent) from exc
    tmp = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        taken = weeks.stamp(now or weeks.now_utc())
        visits = write_snapshot(journal_path, tmp,
                                {"snapshot_utc": taken, "desk": desk, "site": site})
        finish(tmp)
        signing.sign_file(tmp, key)
        fsync_file(tmp)
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            if os.name == "nt" and target.exists():  # Windows: a reader has the old file open
                raise PublishError("busy", f"the snapshot {target} is in use (being consolidated?); "
                                   "try again in a moment") from exc
            raise
        fsync_folder(target.parent)
        size = target.stat().st_size
    except OSError as exc:
        raise _os_error(exc, target) from exc
    except sqlite3.Error as exc:
        raise _sqlite_error(exc, journal_path, target) from exc
    except SnapshotDamaged as exc:
        raise PublishError("journal", f"the journal {journal_path} is damaged ({exc}); nothing was "
                           "published - run 'deskapp restore'") from exc
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return Published(target, taken, visits, size)


def _signing_key(path: Path, folder: Path) -> Ed25519PrivateKey:
    """The desk's private key; never one kept on the shared folder."""
    with contextlib.suppress(OSError, ValueError):
        if path.resolve().is_relative_to(folder.resolve()):
            raise PublishError("key", f"the signing key {path} must not be on the shared folder "
                                      f"{folder}; set SKRANKE_HOME to a local folder")
    try:
        return signing.load_or_create_key(path)
    except (OSError, ValueError, signing.SignatureProblem) as exc:
        raise PublishError("key", f"the signing key {path} cannot be read or made: {exc}") from exc


def _os_error(exc: OSError, where: Path) -> PublishError:
    kind = os_error_kind(exc)
    if kind == "disk_full":
        return PublishError("disk_full", f"the shared folder is full; could not write {where}")
    if kind == "not_allowed":
        return PublishError("permission", f"no permission to write {where}")
    if kind == "missing":
        return PublishError("folder_missing", f"the shared folder disappeared while writing {where}")
    return PublishError("failed", f"could not write {where}: {exc.strerror or exc}")


def _sqlite_error(exc: sqlite3.Error, journal_path: Path, target: Path) -> PublishError:
    text = str(exc).lower()
    if "full" in text:
        return PublishError("disk_full", f"the shared folder is full; could not write {target}")
    if "readonly" in text or "read-only" in text or "permission" in text:
        return PublishError("permission", f"no permission to write {target}")
    if "unable to open" in text:
        return PublishError("failed", f"could not open {journal_path} or {target}: {exc}")
    if "locked" in text or "busy" in text:
        return PublishError("failed", f"the journal {journal_path} is busy; try again in a moment")
    return PublishError("journal", f"the journal {journal_path} could not be copied: {exc}")
