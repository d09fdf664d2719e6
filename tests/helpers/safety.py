"""Helpers shared by the safety tests (crash, backups, bad input)."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import uuid
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from deskapp.services.journal import Journal

REPO = Path(__file__).resolve().parents[1]


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder`` with its content hash and modification time."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            result[str(path.relative_to(folder))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return result


def make_journal(path: Path, visits: int = 3, note: str | None = None) -> list[str]:
    """A journal with ``visits`` logged visits, plus 400 older ones (copies, in one
    transaction) so the file has many pages and damage can hit one in the middle."""
    with Journal(path, desk="skranke-1", site="Rådhuset") as journal:
        ids = [journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                                 channel="fremmoede", note=note).id for _ in range(visits)]
        [template] = journal.db.query("select * from visits limit 1")
        filler = [{**template, "id": uuid.uuid4().hex, "note": "udfyld " * 20} for _ in range(400)]
        with journal.db.atomic():
            journal.db["visits"].insert_all(filler)
        return ids + [row["id"] for row in filler]


def damage(path: Path, how: str, seed: int | None = None) -> bytes:
    """Damage a journal file the way a full disk, a bad sector or a bad copy would
    (with ``seed``, the same rubbish every time)."""
    rubbish = os.urandom if seed is None else random.Random(seed).randbytes
    data = path.read_bytes()
    for companion in ("-wal", "-shm"):
        Path(str(path) + companion).unlink(missing_ok=True)
    if how == "truncated":
        damaged = data[: len(data) // 2]
    elif how == "garbage":
        damaged = rubbish(len(data))
    elif how == "garbage_pages":  # a valid header, rubbish after it
        damaged = data[:100] + rubbish(len(data) - 100)
    elif how == "bad_page":  # one page in the middle overwritten: opens fine, reads fail later
        middle = (len(data) // 4096 // 2) * 4096
        damaged = data[:middle] + rubbish(4096) + data[middle + 4096:]
    else:
        raise ValueError(how)
    path.write_bytes(damaged)
    return damaged


def click_in_dialog(box_name: str, button_name: str) -> None:
    """Click a button of the modal dialog ``box_name`` as soon as it is shown."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != box_name:
            QTimer.singleShot(20, attempt)
            return
        button = box.findChild(QPushButton, button_name)
        assert button is not None, f"{box_name} has no button {button_name}"
        button.click()

    QTimer.singleShot(0, attempt)


def run_deskapp(*args: str, env: dict[str, str] | None = None,
                timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``python -m deskapp`` from this checkout in a subprocess (the real program).
    The app's event loop runs in its own process, never inside the test's QApplication."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "deskapp", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=timeout, check=False)
