"""Concurrent use and unwritable journals: a second app is refused, the command line may
still write, a busy journal is waited on then reported, read-only and full journals keep
the typed visit on screen."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from deskapp.cli import main
from deskapp.services.catalog import Catalog
from deskapp.services.instance_lock import InstanceLock, lock_path_for
from deskapp.services.journal import SAVED, Journal, JournalError
from deskapp.ui.counter.counter_page import CounterPage
from deskapp.ui.shell.operations import JournalHub
from tests.helpers.safety import REPO, make_journal, run_deskapp

LOG = ["--errand", "pas", "--reason", "personal_attendance", "--outcome", "manual"]


# --- one app per journal ---------------------------------------------------------------


def test_lock_is_exclusive_and_released(journal_path: Path) -> None:
    first, second = InstanceLock(journal_path), InstanceLock(journal_path)
    assert first.acquire()
    assert not second.acquire()
    assert second.holder().startswith("pid ")
    first.release()
    assert second.acquire()
    second.release()
    assert lock_path_for(journal_path).name == "desk.skranke.lock"


def _start_app(journal_path: Path, tmp_path: Path) -> subprocess.Popen[str]:
    """The real app, waiting idle (an empty test script) once it prints 'ready'."""
    script = tmp_path / "idle.script"
    script.write_text("", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "deskapp", "--journal", str(journal_path)], cwd=REPO,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
             "SKRANKE_SCRIPT": str(script)},
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_second_app_on_the_same_journal_is_refused_politely(journal_path: Path,
                                                            tmp_path: Path) -> None:
    ids = make_journal(journal_path)
    first = _start_app(journal_path, tmp_path)
    try:
        second = run_deskapp("--journal", str(journal_path), "--smoke")
        assert second.returncode == 1
        [line] = second.stderr.strip().splitlines()
        assert "Skranke er allerede åben med journalen" in line
        assert f"pid {first.pid}" in line
        assert "Traceback" not in second.stderr

        # the command line may still log while the app runs: SQLite serialises the writes
        logged = run_deskapp("log", "--journal", str(journal_path), *LOG)
        assert logged.returncode == 0, logged.stderr
    finally:
        first.kill()
        first.wait()
        assert first.stdout is not None
        first.stdout.close()
    # the operating system dropped the lock with the killed process
    again = run_deskapp("--journal", str(journal_path), "--smoke")
    assert again.returncode == 0, again.stderr
    with Journal(journal_path) as journal:
        assert journal.count() == len(ids) + 1


# --- a busy journal --------------------------------------------------------------------


def _hold_exclusive(journal_path: Path) -> sqlite3.Connection:
    """Another connection (a backup tool, consolidation) holding the write lock."""
    other = sqlite3.connect(journal_path, isolation_level=None)
    other.execute("begin exclusive")
    return other


def test_busy_journal_is_waited_on(journal: Journal) -> None:
    """Another writer that finishes within the wait: the visit is saved, no error."""
    holding = threading.Event()

    def other_writer() -> None:
        other = _hold_exclusive(journal.path)
        holding.set()
        threading.Event().wait(0.3)  # a short backup step
        other.execute("rollback")
        other.close()

    worker = threading.Thread(target=other_writer)
    worker.start()
    holding.wait()
    try:
        journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                          channel="fremmoede")
    finally:
        worker.join()
    assert journal.count() == 1


def test_busy_journal_is_reported_after_the_wait(journal: Journal) -> None:
    other = _hold_exclusive(journal.path)
    try:
        with pytest.raises(JournalError) as info:
            journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                              channel="fremmoede")
    finally:
        other.execute("rollback")
        other.close()
    assert info.value.kind == "locked"
    assert "busy" in str(info.value)
    assert journal.count() == 0
    journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                      channel="fremmoede")
    assert journal.count() == 1


def test_busy_journal_on_the_command_line(journal_path: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    ids = make_journal(journal_path, visits=1)
    other = _hold_exclusive(journal_path)
    try:
        code = main(["log", "--journal", str(journal_path), *LOG])
    finally:
        other.execute("rollback")
        other.close()
    captured = capsys.readouterr()
    assert code == 1
    [line] = captured.err.strip().splitlines()
    assert line.startswith("deskapp: the journal") and "busy" in line
    with Journal(journal_path) as journal:
        assert journal.count() == len(ids)


# --- read-only and full journals in the counter form -----------------------------------


@pytest.fixture
def counter(qtbot, journal: Journal, catalog: Catalog,
            monkeypatch: pytest.MonkeyPatch) -> CounterPage:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    page = CounterPage(JournalHub(journal, catalog), "fremmoede")
    page.shown_errors = shown  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    return page


def _pick_errand_and_reason(qtbot, page: CounterPage) -> None:
    qtbot.keyClicks(page.errand_search, "flytning")
    qtbot.keyClick(page.errand_search, Qt.Key.Key_Return)
    assert page.open_visit_id is not None
    qtbot.keyClicks(page.reasons.list, "1")
    assert page.outcomes.isEnabled()


def test_read_only_journal_keeps_the_visit_on_screen(qtbot, counter: CounterPage,
                                                     journal: Journal) -> None:
    """Tests run as root, where chmod 0o444 does not stop writes, so the journal's own
    connection is made read-only at the SQLite level (PRAGMA query_only): SQLite then
    answers every write with 'attempt to write a readonly database', exactly as for a
    read-only file or folder."""
    _pick_errand_and_reason(qtbot, counter)
    counter.note_edit.setText("kom med papirer")
    visit_id = counter.open_visit_id
    journal.db.execute("pragma query_only = on")

    qtbot.keyClicks(counter.outcomes.list, "1")

    [text] = counter.shown_errors  # type: ignore[attr-defined]
    assert "kan ikke skrives" in text and "står stadig på skærmen" in text
    assert counter.open_visit_id == visit_id
    assert counter.errand_search.text() == "Anmeld flytning"
    assert counter.note_edit.text() == "kom med papirer"
    assert counter.outcomes.isEnabled()

    journal.db.execute("pragma query_only = off")  # write access is back: retry
    qtbot.keyClicks(counter.outcomes.list, "1")
    saved = journal.visit(visit_id)
    assert (saved.status, saved.note) == (SAVED, "kom med papirer")
    assert counter.open_visit_id is None


def test_full_disk_keeps_the_typed_errand(qtbot, counter: CounterPage, journal: Journal) -> None:
    """The journal is given a page limit (PRAGMA max_page_count) and filled to it, which is
    what SQLite reports for a full disk: 'database or disk is full'."""
    pages = journal.db.execute("pragma page_count").fetchone()[0]
    journal.db.execute(f"pragma max_page_count = {pages}")
    with pytest.raises(JournalError) as info:
        for _ in range(10_000):
            journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                              channel="fremmoede", note="x" * 200)
    assert info.value.kind == "disk_full"
    before = journal.count()

    qtbot.keyClicks(counter.errand_search, "flytning")
    qtbot.keyClick(counter.errand_search, Qt.Key.Key_Return)

    [text] = counter.shown_errors  # type: ignore[attr-defined]
    assert "er fuld" in text
    assert counter.open_visit_id is None
    assert counter.errand_search.text() == "flytning"
    assert journal.count() == before

    journal.db.execute("pragma max_page_count = 1000000")  # space freed: Enter again
    qtbot.keyClick(counter.errand_search, Qt.Key.Key_Return)
    assert counter.open_visit_id is not None
    assert journal.count() == before + 1


def test_busy_journal_keeps_the_visit_on_screen(qtbot, counter: CounterPage,
                                                journal: Journal) -> None:
    """A backup or consolidation holding the write lock longer than the wait: the user is
    told the journal is busy, the visit stays in the form, and the same key saves it later."""
    _pick_errand_and_reason(qtbot, counter)
    counter.note_edit.setText("kom med papirer")
    visit_id = counter.open_visit_id
    other = _hold_exclusive(journal.path)
    try:
        qtbot.keyClicks(counter.outcomes.list, "1")
    finally:
        other.execute("rollback")
        other.close()

    [text] = counter.shown_errors  # type: ignore[attr-defined]
    assert "er optaget" in text and "Prøv igen om lidt" in text
    assert journal.visit(visit_id).status != SAVED
    assert counter.open_visit_id == visit_id
    assert counter.note_edit.text() == "kom med papirer"

    qtbot.keyClicks(counter.outcomes.list, "1")  # the backup is done: retry
    saved = journal.visit(visit_id)
    assert (saved.status, saved.note) == (SAVED, "kom med papirer")
    assert counter.open_visit_id is None
