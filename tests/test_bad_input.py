"""Bad input everywhere: a one-line message naming what and where, a non-zero exit,
nothing changed on disk, never a traceback; unexpected errors go to the log file."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from deskapp import paths
from deskapp.cli import main
from deskapp.services import settings as settings_service
from deskapp.services.journal import OPEN, Journal
from deskapp.ui.counter.counter_page import CounterPage
from deskapp.ui.shell.operations import JournalHub
from tests.helpers.safety import make_journal, run_deskapp, snapshot

LOG = ["--errand", "pas", "--reason", "personal_attendance", "--outcome", "manual"]


@pytest.fixture
def workspace(tmp_path: Path, journal_path: Path) -> Path:
    """A journal with visits, settings, an export folder: what a bad command could damage."""
    make_journal(journal_path)
    settings_service.save(settings_service.Settings(desk="skranke-1"), paths.settings_file())
    (tmp_path / "out").mkdir()
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    (tmp_path / "garbage.skranke").write_bytes(bytes(range(256)) * 16)  # not a journal at all
    (tmp_path / "count.csv").write_text("week;errand;count;source\n2026-W47;flytning;mange;borger.dk\n",
                                        encoding="utf-8")
    (tmp_path / "latin1.csv").write_bytes("week;errand;count;source\n2026-W47;flytning;1;ø\n"
                                          .encode("latin-1"))
    return tmp_path


def _cases(journal: str, tmp: Path) -> dict[str, tuple[list[str], str]]:
    out = str(tmp / "out" / "visits.csv")
    return {
        "unknown command": (["frobnicate"], "invalid choice: 'frobnicate'"),
        "missing argument": (["log", "--journal", journal], "the following arguments are required"),
        "unknown errand": (["log", "--journal", journal, "--errand", "nosuch", "--reason",
                            "failed", "--outcome", "coached"], "unknown errand code 'nosuch'"),
        "unknown channel": (["log", "--journal", journal, *LOG, "--channel", "fax"],
                            "unknown channel code 'fax'"),
        "bad date": (["log", "--journal", journal, *LOG, "--at", "2026-13-45T09:00"],
                     "--at '2026-13-45T09:00' is not a time"),
        "future date": (["log", "--journal", journal, *LOG, "--at", "2999-01-01T09:00"],
                        "is in the future"),
        "cpr in note": (["log", "--journal", journal, *LOG, "--note", "ring 010190-1234"],
                        "--note contains what looks like a CPR number (characters 6-16"),
        "long note": (["log", "--journal", journal, *LOG, "--note", "x" * 300],
                      "--note is 300 characters"),
        "week out of range": (["export", "visits", "--journal", journal, "--from", "2026-W99",
                               "--out", out], "2026 has no week 99"),
        "not a week": (["export", "visits", "--journal", journal, "--from", "uge 7",
                        "--out", out], "'uge 7' is not a week"),
        "empty week range": (["export", "visits", "--journal", journal, "--from", "2026-W40",
                              "--to", "2026-W30", "--out", out], "the end is before the start"),
        "missing journal": (["export", "visits", "--journal", str(tmp / "none.skranke"),
                             "--from", "2026-W40", "--out", out], "there is no journal at"),
        "journal is a folder": (["purge", "--journal", str(tmp / "out")], "is a folder"),
        "bad number": (["demo", "--journal", journal, "--weeks", "many"],
                       "invalid int value: 'many'"),
        "weeks out of range": (["demo", "--journal", journal, "--weeks", "0"],
                               "--weeks must be between 1 and 260"),
        "negative days": (["purge", "--journal", journal, "--days", "-1"],
                          "--days must be between 0 and 3650"),
        "unknown language": (["--journal", journal, "--lang", "fr", "--smoke"],
                             "invalid choice: 'fr'"),
        "backup to a file": (["backup", "--journal", journal, "--to",
                              str(tmp / "not-a-folder")], "is a file, not a folder"),
        "restore from nothing": (["restore", "--journal", journal, "--from",
                                  str(tmp / "none.backup")], "there is no backup file"),
        "catalogue not found": (["catalog", "check", str(tmp / "none.toml")],
                                "file not found"),
        "export from a garbage journal": (["export", "tallies", "--journal",
                                           str(tmp / "garbage.skranke"), "--from", "2026-W40",
                                           "--out", out], "garbage.skranke is damaged"),
        "purge a garbage journal": (["purge", "--journal", str(tmp / "garbage.skranke")],
                                    "garbage.skranke is damaged"),
        "log into a garbage journal": (["log", "--journal", str(tmp / "garbage.skranke"), *LOG],
                                       "garbage.skranke is damaged"),
        "back up a garbage journal": (["backup", "--journal", str(tmp / "garbage.skranke")],
                                      "garbage.skranke is damaged"),
        "purge a missing journal": (["purge", "--journal", str(tmp / "nowhere" / "x")],
                                    "there is no journal at"),
        "count not a number": (["import-digital", "--journal", journal, str(tmp / "count.csv")],
                               "count.csv not imported, nothing changed: line 2"),
        "csv not UTF-8": (["import-digital", "--journal", journal, str(tmp / "latin1.csv")],
                          "latin1.csv not imported, nothing changed"),
        "e-mail in note": (["log", "--journal", journal, *LOG, "--note", "svar a@b.dk"],
                           "--note contains an e-mail address"),
        "phone in note": (["log", "--journal", journal, *LOG, "--note", "ring 12345678"],
                          "--note contains a phone number"),
        "bad separator": (["export", "visits", "--journal", journal, "--from", "2026-W40",
                           "--sep", "|", "--out", out], "argument --sep: invalid choice"),
        "negative min count": (["export", "tallies", "--journal", journal, "--from", "2026-W40",
                                "--min-count", "-1", "--out", out], "--min-count must be 0"),
    }


CASE_NAMES = list(_cases("J", Path("T")))


@pytest.mark.parametrize("case", CASE_NAMES)
def test_bad_command_line_input(case: str, workspace: Path, journal_path: Path,
                                capsys: pytest.CaptureFixture) -> None:
    argv, expected = _cases(str(journal_path), workspace)[case]
    before = snapshot(workspace)
    code = main(argv)
    captured = capsys.readouterr()
    assert code != 0
    lines = captured.err.strip().splitlines()
    assert lines[-1].startswith("deskapp: ")
    assert expected in captured.err
    assert "Traceback" not in captured.err + captured.out
    if case != "catalogue not found":  # catalog check lists each problem, then sums up
        assert len(lines) == 1, lines
    assert snapshot(workspace) == before


@pytest.mark.parametrize(("note", "secret", "where"), [
    ("ring 010190-1234", "010190", "CPR number (characters 6-16, written XXXXXX-XXXX)"),
    ("  0101901234 om pas", "0101901234", "CPR number (characters 3-12, written XXXXXXXXXX)"),
    ("svar a.b@c.dk", "a.b@c.dk", "e-mail address (characters 6-13, written X.X@X.XX)"),
    ("ring 12 34 56 78", "12 34", "phone number (characters 6-16, written XX XX XX XX)"),
])
def test_refused_note_is_never_echoed(note: str, secret: str, where: str, journal_path: Path,
                                      capsys: pytest.CaptureFixture) -> None:
    """A queue-system hook logs stderr: the message says what and where, never the text."""
    code = main(["log", "--journal", str(journal_path), *LOG, "--note", note])
    err = capsys.readouterr().err
    assert code == 2 and where in err and "remove it" in err
    assert secret not in err


def test_bad_input_from_the_real_program(workspace: Path, journal_path: Path) -> None:
    before = snapshot(workspace)
    result = run_deskapp("export", "visits", "--journal", str(journal_path), "--from", "2026-W54",
                         "--out", str(workspace / "out" / "x.csv"))
    assert result.returncode == 2
    assert result.stderr.strip() == "deskapp: 2026 has no week 54 (it has 53 weeks)"
    assert snapshot(workspace) == before


# --- catalogue files -------------------------------------------------------------------

MUTATIONS = {
    "duplicate code": ('code = "navneaendring"', 'code = "flytning"',
                       "errands 'flytning': duplicate code"),
    "unknown group": ('group = "folkeregister"', 'group = "ukendt_gruppe"',
                      "errands 'flytning': unknown group 'ukendt_gruppe'"),
    "bad URL": ('url = "https://www.borger.dk/bolig-og-flytning/flytning_oversigt"',
                'url = "www.borger.dk/flytning"',
                "errands 'flytning' entry: bad URL 'www.borger.dk/flytning'"),
    "missing label": ('label = "Anmeld flytning"\n', "", "errands 'flytning': missing label"),
    "TOML syntax error": ('code = "flytning"', 'code = "flytning', "TOML syntax error"),
    "guide step codes not unique": ('code = "login"', 'code = "find"',
                                    "errands 'flytning' guide steps 'find': duplicate code"),
}


def _broken_catalogue(folder: Path, case: str) -> Path:
    old, new, _ = MUTATIONS[case]
    text = paths.default_catalog().read_text(encoding="utf-8")
    assert old in text
    broken = folder / "kommune.toml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    return broken


@pytest.mark.parametrize("case", list(MUTATIONS))
def test_catalogue_check_names_what_and_where(case: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture) -> None:
    broken = _broken_catalogue(tmp_path, case)
    before = snapshot(tmp_path)
    assert main(["catalog", "check", str(broken)]) == 1
    captured = capsys.readouterr()
    problems = captured.err.strip().splitlines()
    assert problems[-1] == f"deskapp: {len(problems) - 1} problem(s) in {broken}"
    assert len(problems) == 2, problems  # exactly the one problem that was made
    assert problems[0].startswith("kommune.toml: ")
    assert MUTATIONS[case][2] in problems[0]
    assert "Traceback" not in captured.err
    assert snapshot(tmp_path) == before


def test_default_catalogue_passes(capsys: pytest.CaptureFixture) -> None:
    assert main(["catalog", "check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_broken_catalogue_in_settings_stops_commands_with_one_line(
        workspace: Path, journal_path: Path, capsys: pytest.CaptureFixture) -> None:
    broken = _broken_catalogue(workspace, "unknown group")
    settings_service.save(settings_service.Settings(catalog_file=str(broken)),
                          paths.settings_file())
    before = snapshot(workspace)
    assert main(["log", "--journal", str(journal_path), *LOG]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("deskapp: catalogue problem: kommune.toml: errands 'flytning'")
    assert snapshot(workspace) == before


def test_broken_catalogue_stops_the_app_with_a_message(workspace: Path, journal_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    broken = _broken_catalogue(workspace, "TOML syntax error")
    settings_service.save(settings_service.Settings(catalog_file=str(broken)),
                          paths.settings_file())
    before = snapshot(workspace)
    assert main(["--journal", str(journal_path), "--smoke"]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "Katalogfilen kan ikke bruges" in line and "kommune.toml" in line
    assert snapshot(workspace) == before


# --- unexpected errors -----------------------------------------------------------------


def test_unexpected_cli_error_is_logged_not_shown(journal_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture) -> None:
    from deskapp.cli import purge_cmd

    def explode(_args: object) -> int:
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr(purge_cmd, "run", explode)
    make_journal(journal_path)
    assert main(["purge", "--journal", str(journal_path)]) == 1
    captured = capsys.readouterr()
    log_file = paths.logs_dir() / "skranke.log"
    assert captured.err.strip() == (f"deskapp: unexpected error (RuntimeError); details in "
                                    f"{log_file}")
    assert "Traceback" not in captured.err + captured.out
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: a bug deep inside" in logged and "explode" in logged


def test_unexpected_app_error_shows_short_message_and_logs(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from deskapp.ui.shell import app as app_module

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.delenv("SKRANKE_RAISE", raising=False)
    app_module._install_excepthook()
    try:
        raise ValueError("unexpected in a slot")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    log_file = paths.logs_dir() / "skranke.log"
    [text] = shown
    assert "uventet fejl" in text and str(log_file) in text
    assert "Traceback" not in text and "unexpected in a slot" not in text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "ValueError: unexpected in a slot" in logged


def test_locked_journal_says_the_visit_is_still_on_screen(qtbot, journal: Journal, catalog,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Like a read-only or full disk: the helper must know the typed visit is not lost."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    page = CounterPage(JournalHub(journal, catalog), "fremmoede")
    qtbot.addWidget(page)
    qtbot.keyClicks(page.errand_search, "flytning")
    qtbot.keyClick(page.errand_search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.reasons.list, "1")
    page.note_edit.setText("kom med papirer")
    journal.db.execute("pragma busy_timeout = 50")  # the real wait is 3 s
    other = sqlite3.connect(journal.path, isolation_level=None)
    other.execute("begin exclusive")  # a backup holding the journal
    try:
        qtbot.keyClicks(page.outcomes.list, "1")
    finally:
        other.execute("rollback")
        other.close()
    [text] = shown
    assert "optaget" in text and "ikke gemt" in text and "står stadig på skærmen" in text
    assert page.note_edit.text() == "kom med papirer" and page.outcomes.isEnabled()
    [visit] = journal.visits()
    assert visit.status == OPEN
