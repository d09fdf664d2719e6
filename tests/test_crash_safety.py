"""Crash safety: the real app in a subprocess, driven by keystrokes, killed with SIGKILL at
random moments and restarted. Every visit the app reported as saved must be in the
journal, every visit it wrote as open must be there too, and an open visit left by the
kill is offered back on the next start and can be finished.

A kill in the middle of a write in rollback-journal mode (a consolidation) leaves a hot
``-journal``: the next command rolls it back; restore keeps the pair aside untouched.

Settings are written atomically: a process saving them in a loop, killed at random
moments, always leaves a complete settings file.

The app is driven through its test hook (deskapp/testing/script_hook.py, inert unless
SKRANKE_SCRIPT is set): it replays keystroke lines and prints ``open <id>`` and
``saved <id>`` once the journal has committed them.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from deskapp import paths
from deskapp.cli import main
from deskapp.services import backup
from deskapp.services import settings as settings_service
from deskapp.services.catalog import Catalog
from deskapp.services.journal import OPEN, SAVED, Journal, JournalError
from deskapp.services.journal.integrity import check_integrity
from tests.safety_helpers import REPO, make_journal, run_deskapp

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

LINE_TIMEOUT = 30.0  # seconds to wait for the app's next line before giving up


class App:
    """The real app in a subprocess; its stdout lines arrive on a queue."""

    def __init__(self, journal: Path, script: list[str], script_file: Path):
        script_file.write_text("\n".join(script) + "\n", encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SKRANKE_SCRIPT": str(script_file)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "deskapp", "--journal", str(journal)], cwd=REPO, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def next_line(self) -> str:
        line = self.lines.get(timeout=LINE_TIMEOUT)
        assert line is not None, f"the app ended early (exit {self.proc.poll()})"
        return line

    def kill(self) -> list[str]:
        """SIGKILL: no clean-up, no atexit, no Qt shutdown. Returns lines still unread."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.reader.join(timeout=10)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        rest = []
        while True:
            line = self.lines.get_nowait()
            if line is None:
                return rest
            rest.append(line)


def _plain_errands(catalog: Catalog) -> list[str]:
    """Errands without a guide whose code typed into the search is the top match."""
    codes = [e.code for e in catalog.active_errands() if e.guide is None]
    usable = [c for c in codes if catalog.search(c)[0].code == c]
    assert len(usable) >= 5
    return usable


def _visit_keys(rng: random.Random, errands: list[str], catalog: Catalog) -> list[str]:
    reason = str(rng.randint(1, min(9, len(catalog.reasons))))
    outcome = str(rng.randint(1, min(9, len(catalog.outcomes))))
    return [f"text:{rng.choice(errands)}", "key:Return", f"text:{reason}", f"text:{outcome}"]


def _resume_keys(journal: Path, rng: random.Random, catalog: Catalog) -> tuple[str | None, list[str]]:
    """If a visit was left open, the start-up dialog offers it: Enter finishes it, then the
    missing reason and the outcome are typed."""
    with Journal(journal) as opened:
        waiting = opened.open_visits()
    if not waiting:
        return None, []
    keys = ["key:Return"]
    if waiting[0].reason is None:
        keys.append(f"text:{rng.randint(1, min(9, len(catalog.reasons)))}")
    keys.append(f"text:{rng.randint(1, min(9, len(catalog.outcomes)))}")
    return waiting[0].id, keys


def _check_promises(journal: Path, saved: set[str], opened: set[str]) -> None:
    with Journal(journal) as check:
        for visit_id in saved:
            visit = check.visit(visit_id)
            assert (visit.status, visit.deleted_utc) == (SAVED, None), visit_id
            assert visit.outcome and visit.reason
        for visit_id in opened:
            assert check.visit(visit_id).status in (OPEN, SAVED)


@pytest.mark.slow
def test_confirmed_and_open_visits_survive_kill_9(tmp_path: Path, catalog: Catalog) -> None:
    settings_service.save(settings_service.Settings(desk="skranke-test", desk_confirmed=True),
                          paths.settings_file())
    journal = tmp_path / "counter.skranke"
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    errands = _plain_errands(catalog)
    saved: set[str] = set()
    opened: set[str] = set()
    started = time.monotonic()

    for round_no in range(4):  # killed at a random moment, mid-visit or between visits
        resumed, keys = _resume_keys(journal, rng, catalog) if round_no else (None, [])
        visits = rng.randint(2, 4)
        for _ in range(visits):
            keys += _visit_keys(rng, errands, catalog)
        app = App(journal, keys, tmp_path / f"round{round_no}.script")
        assert app.next_line() == "ready", f"seed {seed}"
        expected = 2 * visits + (2 if resumed else 0) + 1  # open + saved per visit, then done
        kill_after = rng.randint(0, expected - 1)
        seen = 0
        while seen < kill_after:
            line = app.next_line()
            seen += 1
            kind, _, visit_id = line.partition(" ")
            if kind == "saved":
                saved.add(visit_id)
            elif kind == "open":
                opened.add(visit_id)
            elif kind == "done":
                break
        time.sleep(rng.uniform(0, 0.05))
        for line in app.kill():
            kind, _, visit_id = line.partition(" ")
            if kind == "saved":
                saved.add(visit_id)
            elif kind == "open":
                opened.add(visit_id)
        if resumed and resumed in saved:
            opened.add(resumed)
        _check_promises(journal, saved, opened)

    # Leave a visit open on purpose (errand and reason chosen), then kill the app.
    resumed, keys = _resume_keys(journal, rng, catalog)
    keys += _visit_keys(rng, errands, catalog)[:3]
    app = App(journal, keys, tmp_path / "open.script")
    lines = []
    while not lines or lines[-1] != "done":
        lines.append(app.next_line())
    app.kill()
    saved |= {line.split()[1] for line in lines if line.startswith("saved ")}
    left_open = [line.split()[1] for line in lines if line.startswith("open ")][-1]
    assert left_open not in saved
    _check_promises(journal, saved, opened)
    with Journal(journal) as check:
        assert [v.id for v in check.open_visits()] == [left_open]
        assert check.visit(left_open).reason is not None

    # Next start: the open visit is offered back; Enter finishes it, a digit saves it.
    app = App(journal, ["key:Return", "text:1"], tmp_path / "resume.script")
    lines = []
    while not lines or lines[-1] != "done":
        lines.append(app.next_line())
    app.kill()
    assert f"saved {left_open}" in lines, f"seed {seed}: {lines}"
    saved.add(left_open)
    _check_promises(journal, saved, set())
    with Journal(journal) as check:
        assert check.open_visits() == []
    assert len(saved) >= 2
    print(f"seed {seed}: {len(saved)} saved visits checked in {time.monotonic() - started:.1f} s")


SAVE_LOOP = """
import sys
from pathlib import Path
from deskapp.services import settings
path = Path(sys.argv[1])
for i in range(1, 1_000_000):
    settings.save(settings.Settings(desk=f"desk-{i}", catalog_file="/c/" + str(i) * 5000), path)
    print(i, flush=True)
"""


def test_settings_survive_kill_9_at_any_moment(tmp_path: Path) -> None:
    """A process saves settings as fast as it can and is killed at a random moment: the file
    is always a whole settings file, at least as new as the last save it reported."""
    path = tmp_path / "settings.json"
    rng = random.Random()
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", SAVE_LOOP, str(path)], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "1"  # killed after the first save
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        reported = [1] + [int(line) for line in proc.stdout.read().split()]
        proc.stdout.close()
        data = json.loads(path.read_text(encoding="utf-8"))  # never half a file
        number = int(data["desk"].removeprefix("desk-"))
        assert data["catalog_file"] == "/c/" + str(number) * 5000
        assert number >= reported[-1]
        assert settings_service.load(path) == settings_service.Settings(
            desk=f"desk-{number}", catalog_file="/c/" + str(number) * 5000)
        assert not path.with_suffix(".json.damaged").exists()


# --- a kill in the middle of a write in rollback-journal mode: a hot -journal ------------

MID_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("pragma journal_mode = delete")  # as a consolidation writes a big merge
conn.execute("pragma cache_size = 5")  # changed pages spill into the file before the commit
conn.execute("begin immediate")
conn.execute("update visits set note = 'halvskrevet', errand = 'flytning'")
print("mid-write", flush=True)
sys.stdin.read()  # until killed
"""


def _kill_mid_write(path: Path) -> tuple[bytes, bytes]:
    """A real process killed with SIGKILL inside a big write transaction: the file is half
    written, its ``-journal`` holds the pages as they were. Returns both files' bytes."""
    before = path.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", MID_WRITE, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "mid-write"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert proc.stdin is not None
    proc.stdin.close()
    hot = Path(f"{path}-journal")
    assert hot.stat().st_size > 0 and path.read_bytes() != before  # really half written
    return path.read_bytes(), hot.read_bytes()


def _read(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _errands(path: Path) -> dict[str, str]:
    return dict(_read(path, "select id, errand from visits"))


def test_a_kill_mid_write_leaves_a_hot_journal_that_restore_keeps_aside_with_it(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    site = tmp_path / "site.skranke"
    make_journal(site)
    before = _errands(site)
    folder = paths.backups_dir()
    backup.make_backup(site, folder)
    half, hot = _kill_mid_write(site)
    with pytest.raises(JournalError):  # read-only, as every check: the pair is left alone
        check_integrity(site)
    assert (site.read_bytes(), Path(f"{site}-journal").read_bytes()) == (half, hot)

    assert main(["restore", "--journal", str(site)]) == 0
    out = capsys.readouterr().out
    assert "integrity check: ok" in out and "with its -journal" in out
    assert [s for s in ("-wal", "-shm", "-journal") if Path(f"{site}{s}").exists()] == []
    assert _read(site, "pragma integrity_check") == [("ok",)]
    assert _errands(site) == before
    [aside] = tmp_path.glob("site.skranke.damaged-*[0-9]")
    assert aside.read_bytes() == half
    assert Path(f"{aside}-journal").read_bytes() == hot
    # kept aside as a pair: SQLite still rolls the interrupted write back from it
    copy = tmp_path / "look" / "aside.skranke"
    copy.parent.mkdir()
    copy.write_bytes(half)
    Path(f"{copy}-journal").write_bytes(hot)
    conn = sqlite3.connect(copy)
    assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
    assert dict(conn.execute("select id, errand from visits")) == before
    conn.close()


def test_without_restore_the_next_command_rolls_the_interrupted_write_back(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A hot journal is SQLite's crash recovery, not damage: the next command rolls it back
    (after a trial on a copy) and everything committed before the kill is there."""
    site = tmp_path / "site.skranke"
    make_journal(site)
    before = _errands(site)
    _kill_mid_write(site)
    assert main(["log", "--journal", str(site), "--errand", "pas", "--reason",
                 "personal_attendance", "--outcome", "manual"]) == 0
    assert capsys.readouterr().err == ""
    assert not Path(f"{site}-journal").exists()
    assert not list(tmp_path.glob("*.rollback-trial*"))
    after = _errands(site)
    assert len(after) == len(before) + 1 and all(after[k] == v for k, v in before.items())
    assert "halvskrevet" not in {n for (n,) in _read(site, "select note from visits")}


def test_the_app_rolls_an_interrupted_write_back_at_start(tmp_path: Path) -> None:
    site = tmp_path / "site.skranke"
    make_journal(site)
    before = _errands(site)
    _kill_mid_write(site)
    result = run_deskapp("--journal", str(site), "--smoke")
    assert result.returncode == 0, result.stderr
    assert _errands(site) == before and not Path(f"{site}-journal").exists()


def test_a_hot_journal_on_a_damaged_file_is_left_for_restore(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """When the rollback tried on a copy gives a damaged file, the original is not touched:
    the command says damaged, and the file and its journal stay exactly as they were."""
    site = tmp_path / "site.skranke"
    make_journal(site)
    half, hot = _kill_mid_write(site)
    middle = (len(half) // 4096 // 2) * 4096
    ruined = half[:middle] + bytes(4096) * 2 + half[middle + 8192:]
    site.write_bytes(ruined)
    code = main(["log", "--journal", str(site), "--errand", "pas", "--reason",
                 "personal_attendance", "--outcome", "manual"])
    [line] = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and "damaged" in line and "deskapp restore" in line
    assert (site.read_bytes(), Path(f"{site}-journal").read_bytes()) == (ruined, hot)
    assert not list(tmp_path.glob("*.rollback-trial*"))
