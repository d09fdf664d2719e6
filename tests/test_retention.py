"""Retention: notes older than the limit are erased, categories and tallies stay, every run
is recorded; at app start-up and through ``deskapp purge``. Erased means gone from the raw
bytes of the journal, its -wal and its backups, also with another reader open."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from deskapp import paths
from deskapp.cli import main
from deskapp.services import backup, weeks
from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal, retention
from deskapp.services.journal.integrity import check_integrity
from deskapp.ui.shell import startup_checks
from tests.safety_helpers import run_deskapp


def _visit(journal: Journal, days_ago: int, note: str) -> str:
    at = weeks.now_utc() - timedelta(days=days_ago)
    visit = journal.log_visit(errand="flytning", reason="failed", outcome="coached",
                              channel="fremmoede", at=at, note=note)
    return visit.id


def _categories(journal: Journal) -> list[tuple]:
    return [(v.id, v.errand, v.reason, v.outcome, v.channel, v.iso_week, v.status)
            for v in journal.visits()]


def test_only_old_notes_are_erased_and_categories_kept(journal: Journal) -> None:
    old = _visit(journal, 40, "borgeren havde glemt nøglekort")
    edge = _visit(journal, 29, "kom igen i morgen")
    new = _visit(journal, 1, "ny note")
    step_old = journal.add_step_event(old, "login", "stuck", note="gammel trinnote")
    step_new = journal.add_step_event(new, "login", "stuck", note="ny trinnote")
    journal.db.execute("update step_events set at_utc = ? where id = ?",
                       [weeks.stamp(weeks.now_utc() - timedelta(days=40)), step_old])
    journal.db.conn.commit()
    before = _categories(journal)

    erased = retention.purge_notes(journal, 30)

    assert erased == 2
    assert journal.visit(old).note is None
    assert journal.visit(edge).note == "kom igen i morgen"
    assert journal.visit(new).note == "ny note"
    notes = {e["id"]: e["note"] for e in journal.db.query("select id, note from step_events")}
    assert notes == {step_old: None, step_new: "ny trinnote"}
    assert _categories(journal) == before


def test_edited_note_in_history_is_erased_too(journal: Journal) -> None:
    old = _visit(journal, 45, "første udgave af noten")
    journal.edit_visit(old, note="rettet note")
    retention.purge_notes(journal, 30)
    assert journal.visit(old).note is None
    [row] = journal.db.query("select before from visit_history where visit_id = ?", [old])
    assert json.loads(row["before"]) == {"note": None}


def test_erased_note_does_not_linger_in_the_file(journal_path: Path) -> None:
    secret = "HEMMELIGNOTE-" + "x" * 40
    with Journal(journal_path) as journal:
        _visit(journal, 60, secret)
        _visit(journal, 1, "ny note")
        retention.purge_notes(journal, 30)
        # read while the journal is still open: the WAL and free pages are as the app left them
        raw = b"".join(p.read_bytes() for p in journal_path.parent.glob(journal_path.name + "*"))
    assert secret.encode() not in raw


def test_every_purge_is_recorded(journal: Journal) -> None:
    _visit(journal, 50, "a")
    _visit(journal, 50, "b")
    retention.purge_notes(journal, 30)
    retention.purge_notes(journal, 30)
    history = retention.purge_history(journal)
    assert [(h["older_than_days"], h["notes_erased"]) for h in history] == [(30, 0), (30, 2)]
    assert all(h["at_utc"] for h in history)


def test_purge_command_uses_days_and_reports(journal_path: Path, capsys: pytest.CaptureFixture) -> None:
    with Journal(journal_path) as journal:
        keep = _visit(journal, 5, "fem dage")
        gone = _visit(journal, 12, "tolv dage")
    assert main(["purge", "--journal", str(journal_path), "--days", "10"]) == 0
    assert "erased 1 note(s) older than 10 days" in capsys.readouterr().out
    with Journal(journal_path) as journal:
        assert journal.visit(keep).note == "fem dage"
        assert journal.visit(gone).note is None
        assert retention.purge_history(journal)[0]["older_than_days"] == 10


def test_purge_command_default_comes_from_settings(journal_path: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    from deskapp import paths
    from deskapp.services import settings

    settings.save(settings.Settings(retention_days=3), paths.settings_file())
    with Journal(journal_path) as journal:
        gone = _visit(journal, 4, "fire dage")
    assert main(["purge", "--journal", str(journal_path)]) == 0
    assert "older than 3 days" in capsys.readouterr().out
    with Journal(journal_path) as journal:
        assert journal.visit(gone).note is None


def test_purge_runs_at_app_start(journal_path: Path) -> None:
    with Journal(journal_path) as journal:
        gone = _visit(journal, 31, "gammel")
        kept = _visit(journal, 2, "frisk")
    result = run_deskapp("--journal", str(journal_path), "--smoke")
    assert result.returncode == 0, result.stderr
    with Journal(journal_path) as journal:
        assert journal.visit(gone).note is None
        assert journal.visit(kept).note == "frisk"
        assert retention.purge_history(journal)[0]["notes_erased"] == 1


def test_default_is_30_days_without_any_setting(journal_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    from deskapp import paths

    paths.settings_file().unlink()  # a counter PC where nobody has touched the settings
    with Journal(journal_path) as journal:
        gone = _visit(journal, 31, "en måned gammel")
        kept = _visit(journal, 29, "knap en måned")
    assert main(["purge", "--journal", str(journal_path)]) == 0
    assert "erased 1 note(s) older than 30 days" in capsys.readouterr().out
    with Journal(journal_path) as journal:
        assert journal.visit(gone).note is None
        assert journal.visit(kept).note == "knap en måned"
        [run] = retention.purge_history(journal)
        assert (run["older_than_days"], run["notes_erased"]) == (30, 1)


# --- erased from the bytes: open readers, step notes, backups ------------------------------

def _raw(path: Path) -> bytes:
    """Every byte SQLite keeps for this journal: the file, its -wal and its -shm."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))
                    if p.name in {path.name, f"{path.name}-wal", f"{path.name}-shm"})


def _secret(tag: str) -> str:
    return f"HEMMELIG-{tag}-" + "q" * 30


def _reader_in_a_read(path: Path) -> sqlite3.Connection:
    """Another program reading the journal: a read transaction held open (an export, a
    manager's tally page in the middle of a query)."""
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("begin")
    reader.execute("select count(*) from visits").fetchone()
    return reader


def test_step_notes_go_with_the_visits_age(journal_path: Path) -> None:
    """A step note written today on a visit older than the limit is erased with the visit's
    notes, from the bytes of the file."""
    secret = _secret("trin")
    with Journal(journal_path) as journal:
        old = _visit(journal, 40, "gammel note")
        journal.add_step_event(old, "login", "stuck", note=secret)  # today, on an old visit
        recent = _visit(journal, 2, "ny note")
        kept = journal.add_step_event(recent, "login", "stuck", note="ny trinnote")
        assert secret.encode() in _raw(journal_path)
        assert retention.purge_notes(journal, 30) == 2
        assert secret.encode() not in _raw(journal_path)
        notes = {e["id"]: e["note"] for e in journal.db.query("select id, note from step_events")}
    assert notes[kept] == "ny trinnote" and list(notes.values()).count(None) == 1


def test_an_idle_reader_does_not_keep_erased_text(journal_path: Path) -> None:
    secret = _secret("idle")
    with Journal(journal_path) as journal:
        _visit(journal, 60, secret)
        idle = sqlite3.connect(journal_path)  # open, between two reads
        try:
            idle.execute("select count(*) from visits").fetchone()
            retention.purge_notes(journal, 30)
            assert retention.wipe_pending(journal) == ""
            assert secret.encode() not in _raw(journal_path)
        finally:
            idle.close()


def test_a_reader_in_a_read_leaves_the_wipe_pending_until_the_next_start(
        journal_path: Path) -> None:
    secret = _secret("laeser")
    with Journal(journal_path) as journal:
        gone = _visit(journal, 60, secret)
        journal.db.execute("pragma wal_checkpoint(truncate)")  # the note is in the file itself
    assert secret.encode() in journal_path.read_bytes()
    reader = _reader_in_a_read(journal_path)
    try:
        with Journal(journal_path) as journal:
            assert retention.purge_notes(journal, 30, wait_ms=50) == 1
            assert journal.visit(gone).note is None  # erased for every reader from now on
            assert retention.wipe_pending(journal) != ""  # and it says the bytes are not yet
            notices = startup_checks.keep_safe(journal, _config())
            assert any("står stadig i filen" in n for n in notices)
    finally:
        reader.close()
    result = run_deskapp("--journal", str(journal_path), "--smoke")  # the next start
    assert result.returncode == 0, result.stderr
    assert secret.encode() not in _raw(journal_path)
    with Journal(journal_path) as journal:
        assert retention.wipe_pending(journal) == ""


def test_purge_command_says_when_a_reader_keeps_the_text(journal_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    secret = _secret("cli")
    with Journal(journal_path) as journal:
        _visit(journal, 60, secret)
    reader = _reader_in_a_read(journal_path)
    try:
        assert main(["purge", "--journal", str(journal_path)]) == 0
        out = capsys.readouterr().out
        assert "erased 1 note(s)" in out and "another program is reading" in out
    finally:
        reader.close()
    assert main(["purge", "--journal", str(journal_path)]) == 0
    assert "another program" not in capsys.readouterr().out
    assert secret.encode() not in _raw(journal_path)


def test_a_reader_that_finishes_while_the_purge_waits_lets_it_wipe(journal_path: Path) -> None:
    secret = _secret("vent")
    with Journal(journal_path) as journal:
        _visit(journal, 60, secret)
        reader = _reader_in_a_read(journal_path)
        closer = threading.Timer(0.2, reader.close)
        closer.start()
        try:
            retention.purge_notes(journal, 30, wait_ms=20_000)
        finally:
            closer.join()
        assert retention.wipe_pending(journal) == ""
        assert secret.encode() not in _raw(journal_path)


def test_backups_keep_notes_no_longer_than_the_journal(journal_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    """A backup made while a note was young still holds it; when the note passes the limit
    it is erased in every backup too (at each start, and by ``deskapp purge``)."""
    secret = _secret("kopi")
    folder = paths.backups_dir()
    with Journal(journal_path) as journal:
        _visit(journal, 20, secret)
        _visit(journal, 1, "frisk note")
    made = [backup.make_backup(journal_path, folder, today=date.today() - timedelta(days=d))
            for d in (3, 2, 1)]
    assert all(secret.encode() in b.read_bytes() for b in made)
    assert main(["purge", "--journal", str(journal_path), "--days", "10"]) == 0
    out = capsys.readouterr().out
    assert "erased 3 note(s) older than 10 days from 3 backup(s)" in out
    for kept in made:
        assert secret.encode() not in kept.read_bytes()
        assert not Path(f"{kept}-journal").exists() and not Path(f"{kept}-wal").exists()
        check_integrity(kept, full=True)
        conn = sqlite3.connect(f"{kept.resolve().as_uri()}?mode=ro", uri=True)
        assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
        assert conn.execute("select count(*) from visits where note = 'frisk note'").fetchone()[0] == 1
        conn.close()


def test_backups_are_purged_at_app_start(journal_path: Path) -> None:
    secret = _secret("start")
    settings_service.save(settings_service.Settings(desk="skranke-test", desk_confirmed=True,
                                                    retention_days=10), paths.settings_file())
    with Journal(journal_path) as journal:
        _visit(journal, 20, secret)
    # a backup made ten days ago, before the note was old enough to go
    made = backup.make_backup(journal_path, paths.backups_dir(),
                              today=date.today() - timedelta(days=10))
    assert secret.encode() in made.read_bytes()
    result = run_deskapp("--journal", str(journal_path), "--smoke")
    assert result.returncode == 0, result.stderr
    assert secret.encode() not in made.read_bytes()
    assert secret.encode() not in _raw(journal_path)
    assert all(secret.encode() not in b.read_bytes()
               for b in backup.list_backups(journal_path, paths.backups_dir()))


def test_a_damaged_backup_is_named_when_it_cannot_be_purged(journal_path: Path,
                                                            capsys: pytest.CaptureFixture) -> None:
    with Journal(journal_path) as journal:
        _visit(journal, 20, "gammel")
    made = backup.make_backup(journal_path, paths.backups_dir(), today=date(2026, 1, 5))
    made.write_bytes(made.read_bytes()[:2000])
    assert main(["purge", "--journal", str(journal_path), "--days", "10"]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line == (f"deskapp: could not purge the backup {made} (damaged or read-only); "
                    "delete it or restore from another one")


def _config() -> settings_service.Settings:
    return settings_service.load(paths.settings_file())
