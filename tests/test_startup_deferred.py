"""Start-up (issue 15.7): the page-by-page check and the backup after the first frame, off
the UI thread; a damaged journal is still never written to; `run` loads no export code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal
from deskapp.ui.shell import startup_checks
from deskapp.ui.shell.deferred_checks import CheckedHub, DeferredChecks
from tests.helpers.safety import damage, run_deskapp

ROOT = Path(__file__).resolve().parents[1]


def filled(path: Path, visits: int = 400) -> None:
    with Journal(path, desk="skranke-1", site="Rådhuset") as journal:
        for index in range(visits):
            journal.log_visit(errand="flytning", reason="failed", outcome="coached",
                              channel="fremmoede", note=f"note {index} " + "x" * 200)


def test_a_bad_page_is_found_after_the_window_opened_and_nothing_is_written(
        qtbot, tmp_path: Path, catalog) -> None:
    path = tmp_path / "desk.skranke"
    filled(path)
    before = damage(path, "bad_page", seed=4)
    config = settings_service.Settings(desk="skranke-1", backup_folder=str(tmp_path / "kopier"))
    problems: list[str] = []
    opened = startup_checks.open_for_app(path, config, problems.append, interactive=False,
                                         defer=True)
    assert opened is not None and problems == []  # the header is fine: the window can open
    checks = DeferredChecks(opened.journal, config)
    hub = CheckedHub(opened.journal, catalog, checks)
    with qtbot.waitSignal(checks.damaged, timeout=10000) as damaged:
        checks.start()
    assert "er beskadiget" in damaged.args[0] and "Filen er ikke ændret" in damaged.args[0]
    refused: list[str] = []
    hub.write(lambda journal: journal.log_visit(errand="flytning", reason="failed",
                                                outcome="coached", channel="fremmoede"),
              None, refused.append)
    assert refused == [damaged.args[0]]
    opened.close()
    assert path.read_bytes() == before
    assert not (tmp_path / "kopier").exists()  # no backup of a damaged file


def test_a_whole_journal_gets_its_backup_after_the_first_frame(qtbot, tmp_path: Path,
                                                               catalog) -> None:
    path = tmp_path / "desk.skranke"
    filled(path, visits=20)
    config = settings_service.Settings(desk="skranke-1", backup_folder=str(tmp_path / "kopier"))
    opened = startup_checks.open_for_app(path, config, print, interactive=False, defer=True)
    assert opened is not None
    assert not (tmp_path / "kopier").exists()  # nothing copied before the window
    checks = DeferredChecks(opened.journal, config)
    hub = CheckedHub(opened.journal, catalog, checks)
    with qtbot.waitSignal(checks.passed, timeout=10000):
        checks.start()
    assert next(p.name for p in (tmp_path / "kopier").iterdir()).startswith("desk.skranke.")
    written = hub.write(lambda journal: journal.log_visit(
        errand="flytning", reason="failed", outcome="coached", channel="fremmoede"), None, print)
    assert written and opened.journal.count() == 21
    opened.close()


def test_smoke_reports_a_bad_page_found_after_the_first_frame(tmp_path: Path) -> None:
    path = tmp_path / "desk.skranke"
    filled(path)
    before = damage(path, "bad_page", seed=4)
    done = run_deskapp("--journal", str(path), "--smoke")  # its own QApplication
    assert done.returncode == 1
    assert "smoke frame:" in done.stdout and "smoke ok" not in done.stdout
    [line] = [row for row in done.stderr.strip().splitlines() if row.startswith("deskapp: ")]
    assert "er beskadiget" in line and "Filen er ikke ændret" in line
    assert path.read_bytes() == before


@pytest.mark.slow
def test_run_imports_no_pdf_spreadsheet_or_consolidation_code() -> None:
    probe = ("import sys\n"
             "from deskapp.cli import build_parser\n"
             "build_parser(only='run')\n"
             "from deskapp.ui.shell.app import run_app\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'openpyxl')"
             " or m.startswith('deskapp.cli.') and m not in ('deskapp.cli.common',"
             " 'deskapp.cli.run_cmd')))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                                       **__import__("os").environ})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_an_older_journal_is_checked_whole_then_migrated_with_a_progress_dialog(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from deskapp.services.journal.migrations import SCHEMA_VERSION
    from tests.helpers.old_journals import version_4_journal

    path = tmp_path / "old.skranke"
    version_4_journal(path, visits=30)
    shown: list[str] = []
    real_init = QProgressDialog.__init__

    def spy(dialog: QProgressDialog, *args: object) -> None:
        real_init(dialog, *args)
        shown.append(str(args[0]))

    monkeypatch.setattr(QProgressDialog, "__init__", spy)
    config = settings_service.Settings(desk="skranke-1", backup_folder=str(tmp_path / "kopier"))
    opened = startup_checks.open_for_app(path, config, print, interactive=True, defer=True)
    assert opened is not None
    try:
        assert shown == ["Journalen opdateres til den nye version af Skranke …"]
        assert opened.journal.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
        assert opened.journal.count() == 30
    finally:
        opened.close()


def test_an_older_damaged_journal_is_not_migrated(tmp_path: Path) -> None:
    from tests.helpers.old_journals import version_4_journal

    path = tmp_path / "old.skranke"
    version_4_journal(path, visits=400)
    before = damage(path, "bad_page", seed=4)
    problems: list[str] = []
    config = settings_service.Settings(desk="skranke-1", backup_folder=str(tmp_path / "kopier"))
    assert startup_checks.open_for_app(path, config, problems.append, interactive=False,
                                       defer=True) is None
    assert problems and "beskadiget" in problems[0]
    assert path.read_bytes() == before  # a migration writes: it never touched the damaged file
