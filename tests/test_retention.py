"""Retention: notes older than the limit are erased, categories and tallies stay, every run
is recorded; at app start-up and through ``deskapp purge``."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from deskapp.cli import main
from deskapp.services import weeks
from deskapp.services.journal import Journal, retention
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
