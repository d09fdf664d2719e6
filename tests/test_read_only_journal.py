"""A journal on a read-only disk, folder or file is read-only, never damaged: every command
that writes says so in one line and changes nothing; exports and backups read it.

Tests run as root, where file modes do not stop writes. So the commands run in a subprocess
without the capabilities that let root ignore them (``setpriv --bounding-set
-dac_override,-dac_read_search``): SQLite then sees a read-only file or folder exactly as a
clerk's account does on a write-protected share."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskapp.services import backup
from deskapp.services.journal import SCHEMA_VERSION, Journal, JournalError
from tests.safety_helpers import REPO, make_journal, snapshot

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or (os.geteuid() == 0 and shutil.which("setpriv") is None),
    reason="needs POSIX file modes (and setpriv when run as root)")

AS_USER = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] if (
    sys.platform != "win32" and os.geteuid() == 0) else []
LOG = ["--errand", "pas", "--reason", "personal_attendance", "--outcome", "manual"]
WAYS = ("folder", "file", "folder_with_wal")


def deskapp(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([*AS_USER, sys.executable, "-m", "deskapp", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def assert_unchanged(folder: Path, before: dict[str, tuple[str, int]]) -> None:
    """Nothing written: every file as it was. Where only the file is read-only, SQLite's
    reader may add the shared-memory index and an empty -wal beside it (and a command its
lock file), nothing more."""
    after = snapshot(folder)
    for name, seen in before.items():
        assert after.pop(name) == seen, name
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert all(name.endswith(("-shm", ".lock")) or (name.endswith("-wal") and digest == empty)
               for name, (digest, _) in after.items()), after


@pytest.fixture(params=WAYS)
def read_only(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A healthy journal made read-only: its folder (a write-protected share), only the file,
    or the folder of a journal whose -wal and -shm a crash left behind (copied while open)."""
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "desk.skranke"
    make_journal(path, note="kom med papirer")
    if request.param == "folder_with_wal":
        live = tmp_path / "live.skranke"
        make_journal(live)
        with Journal(live) as writer:
            writer.db.execute("pragma wal_autocheckpoint = 0")
            writer.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                             channel="fremmoede")
            for suffix in ("", "-wal", "-shm"):
                shutil.copyfile(f"{live}{suffix}", f"{path}{suffix}")
        assert Path(f"{path}-wal").stat().st_size > 0
    files = [p for p in folder.iterdir()]
    for file in files:
        file.chmod(0o444)
    if request.param != "file":
        folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    for file in files:
        file.chmod(0o644)


@pytest.mark.parametrize("command", [
    ["log", *LOG], ["purge"], ["demo"], ["publish", "--to", "{tmp}/out"],
    ["import-digital", "{tmp}/counts.csv"],
])
def test_writing_commands_say_read_only_never_damaged(read_only: Path, tmp_path: Path,
                                                      command: list[str]) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "counts.csv").write_text("week,errand,count,source\n2026-W40,pas,3,borger.dk\n",
                                         encoding="utf-8")
    before = snapshot(read_only.parent)
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = deskapp(args[0], "--journal", str(read_only), *args[1:])
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("deskapp: the journal") and "cannot be written" in line, line
    assert "not damaged" in line and "damaged or" not in line and "restore" not in line
    assert_unchanged(read_only.parent, before)


def test_the_app_says_read_only_in_danish(read_only: Path) -> None:
    before = snapshot(read_only.parent)
    result = deskapp("--journal", str(read_only), "--smoke")
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert "kan ikke skrives" in line and "ikke beskadiget" in line and "gendan" not in line
    assert_unchanged(read_only.parent, before)


def test_exports_read_a_read_only_journal(read_only: Path, tmp_path: Path) -> None:
    """Each export of the read-only journal equals the export of a writable copy of it
    (made through the backup API, so with what a -wal beside it holds)."""
    out = tmp_path / "out"
    out.mkdir()
    copy = tmp_path / "copy.skranke"
    backup.copy_journal(read_only, copy)
    span = ["--from", "2000-W01", "--to", "2099-W01"]
    before = snapshot(read_only.parent)
    for kind, fmt in (("tallies", "csv"), ("visits", "csv"), ("shares", "csv"),
                      ("visits", "xlsx"), ("tallies", "pdf")):
        target = out / f"{kind}.{fmt}"
        result = deskapp("export", kind, "--journal", str(read_only), *span, "--format", fmt,
                         "--out", str(target))
        assert result.returncode == 0, result.stderr
        assert "the journal is read-only and was only read" in result.stdout
        assert target.stat().st_size > 0
        if fmt == "csv":
            mirror = out / f"mirror-{kind}.csv"
            assert deskapp("export", kind, "--journal", str(copy), *span, "--out",
                           str(mirror)).returncode == 0
            assert target.read_bytes() == mirror.read_bytes()
    assert_unchanged(read_only.parent, before)


def test_a_read_only_journal_is_backed_up(read_only: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    result = deskapp("backup", "--journal", str(read_only), "--to", str(folder))
    assert result.returncode == 0, result.stderr
    [made] = backup.list_backups(read_only, folder)
    with Journal(made, read_only=True) as copy:
        assert copy.count() == len(copy.visits()) >= 403


def test_restore_into_a_read_only_folder_says_so_and_changes_nothing(read_only: Path,
                                                                     tmp_path: Path) -> None:
    source = tmp_path / "good.backup"
    make_journal(source)
    before = snapshot(read_only.parent)
    result = deskapp("restore", "--journal", str(read_only), "--from", str(source))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"deskapp: cannot restore {read_only}") and "read-only" in line, line
    assert "nothing was changed" in line and "Traceback" not in result.stderr
    assert_unchanged(read_only.parent, before)


def test_an_interrupted_write_on_a_read_only_disk_is_read_only(tmp_path: Path) -> None:
    """A hot -journal that nobody may roll back: read-only with the reason, not damaged."""
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "site.skranke"
    make_journal(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("pragma journal_mode = delete")
    conn.close()
    hot = tmp_path / "hot"
    hot.mkdir()
    shutil.copyfile(path, hot / "site.skranke")
    writer = subprocess.Popen([sys.executable, "-c", "\n".join([
        "import sqlite3, sys, os, signal",
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)",
        "c.execute('pragma cache_size = 5'); c.execute('begin immediate')",
        "c.execute(\"update visits set errand = 'flytning'\")",
        "os.kill(os.getpid(), signal.SIGKILL)"]), str(hot / "site.skranke")])
    writer.wait(timeout=30)
    for suffix in ("", "-journal"):
        shutil.copyfile(hot / f"site.skranke{suffix}", f"{path}{suffix}")
        Path(f"{path}{suffix}").chmod(0o444)
    folder.chmod(0o555)
    try:
        before = snapshot(folder)
        for args in (["log", *LOG], ["export", "tallies", "--from", "2026-W01", "--out",
                                     str(tmp_path / "t.csv")]):
            result = deskapp(args[0], "--journal", str(path), *args[1:])
            [line] = result.stderr.strip().splitlines()
            assert result.returncode != 0 and "cannot be written" in line, line
            assert "interrupted write (site.skranke-journal)" in line and "not damaged" in line
        assert_unchanged(folder, before)
    finally:
        folder.chmod(0o755)


def test_read_only_journal_reads_and_refuses_writes(journal_path: Path) -> None:
    ids = make_journal(journal_path, note="kom med papirer")
    before = journal_path.read_bytes()
    with Journal(journal_path, read_only=True) as journal:
        assert journal.read_only and journal.count() == len(ids)
        assert {v.id for v in journal.counted_visits()} == set(ids)
        with pytest.raises(JournalError) as info:
            journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                              channel="fremmoede")
        assert info.value.kind == "read_only"
    assert journal_path.read_bytes() == before


def test_read_only_journal_of_an_older_schema_is_refused(journal_path: Path) -> None:
    make_journal(journal_path)
    conn = sqlite3.connect(journal_path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError) as info:
        Journal(journal_path, read_only=True)
    assert info.value.kind == "read_only" and "older Skranke" in str(info.value)
