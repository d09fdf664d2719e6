"""One app per journal: an OS-level lock on a small file next to the journal.

``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows. The operating system drops the
lock when the process ends, even after ``kill -9`` or a power cut, so a stale lock file
never blocks the next start. The command line does not take the lock for ordinary
writes (SQLite serialises those); only ``deskapp restore`` needs the journal to itself.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path

_WINDOWS_LOCK_OFFSET = 4096  # lock a byte past the holder text, so others can read it


def lock_path_for(journal: Path | str) -> Path:
    journal = Path(journal)
    return journal.with_name(journal.name + ".lock")


class InstanceLock:
    """Held by the running app for as long as it has the journal open."""

    def __init__(self, journal: Path | str):
        self.path = lock_path_for(journal)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it. When the lock file cannot
        be created at all (read-only folder), the journal cannot be written either and the
        journal itself reports that, so this returns True without a lock."""
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        with contextlib.suppress(OSError):
            text = f"pid {os.getpid()} on {socket.gethostname()}\n".encode()
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, text)
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def holder(self) -> str:
        """Who holds the lock, as written by the holder ('pid 123 on desk-4'), or ''."""
        try:
            with self.path.open("rb") as handle:
                return handle.read(200).decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
