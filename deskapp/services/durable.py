"""Durable writes: a file appears complete or not at all, and stays after a power cut.

- :func:`atomic_output`: write into a temporary file beside the target, flush it, rename it
  into place only when the block finished, and flush the folder entry.
- :func:`os_error_kind`: what an OSError means to a user, as a kind each caller words
  (``disk_full``, ``not_allowed``, ``missing``, ``cannot_write``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def os_error_kind(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "disk_full"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "not_allowed"
    if isinstance(exc, FileNotFoundError):
        return "missing"
    return "cannot_write"


@contextlib.contextmanager
def atomic_output(target: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``target``; on success it replaces ``target`` (with the
    permissions of an ordinary new file), on any error it is removed. OSErrors propagate."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def fsync_file(path: Path) -> None:
    """Flush a file that was written and closed (a snapshot, a backup) to the disk."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename into ``folder`` durable (POSIX), so a power cut cannot bring back the
    old file; Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
