"""Backups and damaged journals: a daily copy through the backup API, the last N kept; a
damaged journal is never written to, the user is told and offered the newest backup."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from deskapp import paths
from deskapp.cli import main
from deskapp.services import backup
from deskapp.services import settings as settings_service
from deskapp.services.instance_lock import InstanceLock
from deskapp.services.journal import Journal, JournalError
from deskapp.services.journal.integrity import check_integrity
from deskapp.services.journal.migrations import SCHEMA_VERSION
from deskapp.ui.shell import startup_checks
from tests.safety_helpers import click_in_dialog, damage, make_journal, run_deskapp, snapshot

DAMAGES = ("truncated", "garbage", "garbage_pages", "bad_page")


@pytest.fixture
def folder() -> Path:
    return paths.backups_dir()


def _ids(path: Path) -> set[str]:
    """Visit ids, read without changing the file (a Journal would switch it to WAL)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("select id from visits")}
    finally:
        conn.close()


# --- backups ---------------------------------------------------------------------------


def test_backup_is_a_complete_dated_copy(journal_path: Path, folder: Path) -> None:
    ids = make_journal(journal_path)
    with Journal(journal_path) as live:  # the app is running and writing
        live.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                       channel="fremmoede")
        target = backup.make_backup(journal_path, folder, today=date(2026, 11, 23))
    assert target.name == "desk.skranke.2026-11-23.backup"
    check_integrity(target)
    assert len(_ids(target)) == len(ids) + 1
    conn = sqlite3.connect(target)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_only_the_newest_backups_are_kept(journal_path: Path, folder: Path) -> None:
    make_journal(journal_path)
    first = date(2026, 11, 1)
    for day in range(16):
        backup.make_backup(journal_path, folder, today=first + timedelta(days=day), keep=14)
    kept = backup.list_backups(journal_path, folder)
    assert len(kept) == 14
    assert kept[0].name.endswith("2026-11-16.backup")
    assert kept[-1].name.endswith("2026-11-03.backup")


def test_daily_backup_once_a_day(journal_path: Path, folder: Path) -> None:
    make_journal(journal_path)
    today = date(2026, 11, 23)
    made = backup.daily_backup(journal_path, folder, today=today)
    assert made is not None
    stamp = made.stat().st_mtime_ns
    assert backup.daily_backup(journal_path, folder, today=today) is None
    assert made.stat().st_mtime_ns == stamp
    assert backup.daily_backup(journal_path, folder, today=today + timedelta(days=1)) is not None


def test_app_start_makes_todays_backup(journal_path: Path, folder: Path) -> None:
    make_journal(journal_path)
    result = run_deskapp("--journal", str(journal_path), "--smoke")
    assert result.returncode == 0, result.stderr
    [made] = backup.list_backups(journal_path, folder)
    assert made.name == f"desk.skranke.{date.today().isoformat()}.backup"


def test_backup_folder_setting(journal_path: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture) -> None:
    elsewhere = tmp_path / "usb" / "kopier"
    settings_service.save(settings_service.Settings(backup_folder=str(elsewhere)),
                          paths.settings_file())
    make_journal(journal_path)
    assert main(["backup", "--journal", str(journal_path)]) == 0
    assert str(elsewhere) in capsys.readouterr().out
    assert len(backup.list_backups(journal_path, elsewhere)) == 1


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_journal_is_not_backed_up_over_good_backups(journal_path: Path, folder: Path,
                                                            how: str,
                                                            capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    good = backup.make_backup(journal_path, folder)
    good_bytes = good.read_bytes()
    damaged = damage(journal_path, how)
    assert main(["backup", "--journal", str(journal_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged" in err[0]
    assert good.read_bytes() == good_bytes
    assert journal_path.read_bytes() == damaged


# --- damaged journals on the command line --------------------------------------------


@pytest.mark.parametrize("how", DAMAGES)
def test_cli_refuses_damaged_journal_and_keeps_it(journal_path: Path, how: str,
                                                  capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    damaged = damage(journal_path, how)
    code = main(["log", "--journal", str(journal_path), "--errand", "pas",
                 "--reason", "personal_attendance", "--outcome", "manual"])
    captured = capsys.readouterr()
    assert code != 0
    [line] = captured.err.strip().splitlines()
    assert line.startswith("deskapp: the journal") and "damaged" in line
    assert "deskapp restore" in line and "Traceback" not in captured.err
    assert journal_path.read_bytes() == damaged


def test_cli_names_any_bad_page_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """SQLite's report of some bad pages spans two lines; the message never does."""
    for seed in range(20):  # several of these seeds give a two-line report
        path = tmp_path / f"desk{seed}.skranke"
        make_journal(path)
        damage(path, "bad_page", seed=seed)
        code = main(["log", "--journal", str(path), "--errand", "pas",
                     "--reason", "personal_attendance", "--outcome", "manual"])
        err = capsys.readouterr().err
        assert code != 0 and len(err.strip().splitlines()) == 1, (seed, err)


@pytest.mark.parametrize("how", DAMAGES)
def test_cli_restore_puts_back_newest_backup_and_keeps_damaged_file(
        journal_path: Path, folder: Path, how: str, capsys: pytest.CaptureFixture) -> None:
    ids = make_journal(journal_path)
    backup.make_backup(journal_path, folder, today=date.today() - timedelta(days=2))
    with Journal(journal_path) as journal:
        journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                          channel="fremmoede")
    newest = backup.make_backup(journal_path, folder, today=date.today() - timedelta(days=1))
    damaged = damage(journal_path, how)

    assert main(["restore", "--journal", str(journal_path)]) == 0
    out = capsys.readouterr().out
    assert str(newest) in out
    [aside] = journal_path.parent.glob("desk.skranke.damaged-*[0-9]")
    assert aside.read_bytes() == damaged
    assert len(_ids(journal_path)) == len(ids) + 1
    assert main(["log", "--journal", str(journal_path), "--errand", "pas",
                 "--reason", "personal_attendance", "--outcome", "manual"]) == 0


def test_restore_skips_a_damaged_backup(journal_path: Path, folder: Path) -> None:
    ids = make_journal(journal_path, visits=2)
    older = backup.make_backup(journal_path, folder, today=date(2026, 11, 20))
    newer = backup.make_backup(journal_path, folder, today=date(2026, 11, 21))
    damage(newer, "truncated")
    damage(journal_path, "garbage")
    done = backup.restore(journal_path, folder)
    assert done.source == older
    assert _ids(journal_path) == set(ids)


def test_restore_without_backups_changes_nothing(journal_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    damage(journal_path, "truncated")
    before = snapshot(tmp_path)
    assert main(["restore", "--journal", str(journal_path)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("deskapp: there is no usable backup of desk.skranke")
    assert snapshot(tmp_path) == before


def test_restore_refuses_a_damaged_backup_file(journal_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    bad = tmp_path / "bad.backup"
    bad.write_bytes(b"not a database at all" * 100)
    before = snapshot(tmp_path)
    assert main(["restore", "--journal", str(journal_path), "--from", str(bad)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "cannot be used" in line
    assert snapshot(tmp_path) == before


def test_restore_refused_while_the_app_has_the_journal(journal_path: Path, folder: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    backup.make_backup(journal_path, folder)
    before = journal_path.read_bytes()
    with InstanceLock(journal_path) as app_lock:
        assert app_lock.acquire()
        assert main(["restore", "--journal", str(journal_path)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "open in Skranke" in line and "close the app" in line
    assert journal_path.read_bytes() == before


# --- damaged and newer journals in the app ---------------------------------------------


def _config() -> settings_service.Settings:
    return settings_service.load(paths.settings_file())


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_app_offers_newest_backup_for_a_damaged_journal(qapp: QApplication, journal_path: Path,
                                                        folder: Path, how: str) -> None:
    ids = make_journal(journal_path)
    backup.make_backup(journal_path, folder, today=date.today() - timedelta(days=1))
    damaged = damage(journal_path, how)
    failures: list[str] = []
    click_in_dialog("damagedJournalBox", "restoreButton")
    opened = startup_checks.open_for_app(journal_path, _config(), failures.append)
    assert failures == []
    assert opened is not None
    try:
        assert {v.id for v in opened.journal.visits()} == set(ids)
        assert any("gendannet" in n for n in opened.notices)
    finally:
        opened.close()
    [aside] = journal_path.parent.glob("desk.skranke.damaged-*[0-9]")
    assert aside.read_bytes() == damaged


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_app_quit_instead_of_restore_leaves_everything(qapp: QApplication, journal_path: Path,
                                                       folder: Path, tmp_path: Path) -> None:
    make_journal(journal_path)
    backup.make_backup(journal_path, folder, today=date.today() - timedelta(days=1))
    damage(journal_path, "truncated")
    check_companions = [p for p in journal_path.parent.iterdir() if p.name.endswith(("-wal", "-shm"))]
    assert check_companions == []
    before = journal_path.read_bytes()
    click_in_dialog("damagedJournalBox", "quitButton")
    assert startup_checks.open_for_app(journal_path, _config(), print) is None
    assert journal_path.read_bytes() == before
    assert list(journal_path.parent.glob("*.damaged-*")) == []


def test_app_smoke_with_damaged_journal_says_so_in_danish(journal_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    damaged = damage(journal_path, "garbage")
    assert main(["--journal", str(journal_path), "--smoke"]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "er beskadiget" in line and "Filen er ikke ændret" in line
    assert journal_path.read_bytes() == damaged


def _newer(journal_path: Path) -> bytes:
    make_journal(journal_path)
    conn = sqlite3.connect(journal_path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return journal_path.read_bytes()


def test_newer_journal_refused_by_cli(journal_path: Path, capsys: pytest.CaptureFixture) -> None:
    before = _newer(journal_path)
    assert main(["purge", "--journal", str(journal_path)]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "newer Skranke" in line
    assert journal_path.read_bytes() == before
    with pytest.raises(JournalError) as info:
        check_integrity(journal_path)
    assert info.value.kind == "too_new"


def test_newer_journal_refused_by_app(journal_path: Path, capsys: pytest.CaptureFixture) -> None:
    before = _newer(journal_path)
    assert main(["--journal", str(journal_path), "--smoke"]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "nyere version af Skranke" in line
    assert journal_path.read_bytes() == before


def test_damaged_file_is_moved_aside_with_its_wal(journal_path: Path, folder: Path) -> None:
    """A leftover -wal next to the restored file would be replayed onto it: it goes aside too."""
    make_journal(journal_path)
    backup.make_backup(journal_path, folder)
    Path(str(journal_path) + "-wal").write_bytes(b"left over")
    done = backup.restore(journal_path, folder, now=datetime(2026, 11, 23, 9, 30))
    assert done.kept_aside is not None
    assert done.kept_aside.name == "desk.skranke.replaced-20261123-093000"
    assert Path(str(done.kept_aside) + "-wal").read_bytes() == b"left over"
    assert not Path(str(journal_path) + "-wal").exists()


def test_running_app_makes_the_next_days_backup(qapp: QApplication, journal_path: Path,
                                                folder: Path) -> None:
    make_journal(journal_path)
    opened = startup_checks.open_for_app(journal_path, _config(), pytest.fail)
    assert opened is not None and opened.backup_timer is not None
    try:
        [first] = backup.list_backups(journal_path, folder)
        first.rename(first.with_name("desk.skranke.2020-01-01.backup"))  # yesterday's, say
        opened.backup_timer.timeout.emit()  # the hourly check while the app runs
        assert [p.name for p in backup.list_backups(journal_path, folder)] == [
            first.name, "desk.skranke.2020-01-01.backup"]
    finally:
        opened.close()


def test_restore_from_the_journal_itself_is_refused(journal_path: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    before = snapshot(tmp_path)
    assert main(["restore", "--journal", str(journal_path), "--from", str(journal_path)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line == f"deskapp: {journal_path} is the journal itself, not a backup of it"
    assert snapshot(tmp_path) == before


def test_restore_from_a_file_in_wal_mode_takes_its_wal_along(journal_path: Path,
                                                             tmp_path: Path) -> None:
    """A journal copied from another PC with its -wal (or a desk snapshot): the visits
    committed only to the -wal come back too, and no -wal is left beside the restored file."""
    source = tmp_path / "copied" / "other.skranke"
    source.parent.mkdir()
    ids = make_journal(source)
    keeper = Journal(source)  # an open connection keeps the WAL from being checkpointed
    try:
        late = keeper.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                                channel="fremmoede").id
        assert Path(str(source) + "-wal").stat().st_size > 0
        make_journal(journal_path, visits=1)
        backup.restore(journal_path, tmp_path, source)
    finally:
        keeper.close()
    assert _ids(journal_path) == set(ids) | {late}
    assert not Path(str(journal_path) + "-wal").exists()
    check_integrity(journal_path)


# --- every companion goes aside; the result is checked before success is said ------------


def test_restore_moves_every_companion_aside_even_without_the_file(journal_path: Path,
                                                                   folder: Path,
                                                                   capsys: pytest.CaptureFixture) -> None:
    """A -journal, -wal and -shm with no journal file beside them (the file was deleted by
    hand) would be replayed onto the restored file: they go aside as "orphaned"."""
    ids = make_journal(journal_path)
    backup.make_backup(journal_path, folder)
    journal_path.unlink()
    leftovers = {suffix: f"left over {suffix}".encode() * 50 for suffix in ("-wal", "-shm", "-journal")}
    for suffix, data in leftovers.items():
        Path(f"{journal_path}{suffix}").write_bytes(data)
    assert main(["restore", "--journal", str(journal_path)]) == 0
    assert "(with its -wal, -shm, -journal)" in capsys.readouterr().out
    [aside] = journal_path.parent.glob("desk.skranke.orphaned-*[0-9]-journal")
    stem = str(aside).removesuffix("-journal")
    assert {s: Path(f"{stem}{s}").read_bytes() for s in leftovers} == leftovers
    assert not any(Path(f"{journal_path}{s}").exists() for s in leftovers)
    assert _ids(journal_path) == set(ids)
    check_integrity(journal_path, full=True)


def _index_out_of_step(path: Path) -> None:
    """An index whose entries no longer match its table: quick_check passes, the full
    integrity_check does not (a subtly damaged backup)."""
    conn = sqlite3.connect(path)
    conn.execute("pragma writable_schema = on")
    conn.execute("update sqlite_master set sql = 'CREATE INDEX visits_updated ON visits (note)' "
                 "where name = 'visits_updated'")
    conn.commit()
    conn.close()


def test_restore_says_success_only_after_integrity_check(journal_path: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    make_journal(journal_path)
    subtle = tmp_path / "subtle.backup"
    make_journal(subtle)
    _index_out_of_step(subtle)
    check_integrity(subtle)  # quick_check: fine
    with pytest.raises(JournalError):
        check_integrity(subtle, full=True)
    before = journal_path.read_bytes()
    assert main(["restore", "--journal", str(journal_path), "--from", str(subtle)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"deskapp: could not restore {journal_path}") and "nothing was changed" in line
    assert journal_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("desk.skranke*")) == ["desk.skranke", "desk.skranke.lock"]
