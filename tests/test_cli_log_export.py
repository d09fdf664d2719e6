"""``deskapp log`` and ``deskapp export visits``: round trips and bad input."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from deskapp.cli import main
from deskapp.services import weeks
from deskapp.services.journal import Journal

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_log_then_export_visits_round_trip(tmp_path: Path, journal_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "log", "--journal", str(journal_path), "--errand", "laegeskift",
                       "--reason", "could_not_find", "--outcome", "assisted", "--channel", "telefon")
    assert code == 0 and "logged visit" in out
    week = weeks.this_week()
    target = tmp_path / "besøg.csv"
    code, out, _ = run(capsys, "export", "visits", "--journal", str(journal_path), "--from", week,
                       "--format", "csv", "--out", str(target), "--sep", ";")
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens æøå correctly
    [row] = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert row["errand"] == "laegeskift" and row["errand_label"] == "Lægeskift"
    assert (row["reason"], row["outcome"], row["channel"]) == ("could_not_find", "assisted",
                                                               "telefon")
    assert row["iso_week"] == week
    assert "note" not in row


def test_log_at_an_earlier_time_lands_in_that_week(journal_path: Path, capsys) -> None:
    code, _, _ = run(capsys, "log", "--journal", str(journal_path), "--errand", "pas",
                     "--reason", "personal_attendance", "--outcome", "manual",
                     "--at", "2026-01-05T09:30")
    assert code == 0
    with Journal(journal_path) as journal:
        [visit] = journal.visits()
    assert (visit.iso_week, visit.local_hour, visit.late_entry) == ("2026-W02", 9, 1)


@pytest.mark.parametrize(("args", "message"), [
    (["--errand", "nope", "--reason", "failed", "--outcome", "manual"], "unknown errand code 'nope'"),
    (["--errand", "pas", "--reason", "nope", "--outcome", "manual"], "unknown reason code"),
    (["--errand", "pas", "--reason", "failed", "--outcome", "nope"], "unknown outcome code"),
    (["--errand", "pas", "--reason", "failed", "--outcome", "manual", "--channel", "fax"],
     "unknown channel code"),
    (["--errand", "pas", "--reason", "failed", "--outcome", "manual", "--at", "i går"],
     "is not a time"),
    (["--errand", "pas", "--reason", "failed", "--outcome", "manual", "--at", "2999-01-01T10:00"],
     "in the future"),
    (["--errand", "pas", "--reason", "failed", "--outcome", "manual", "--note", "cpr 0101901234"],
     "CPR number"),
    (["--errand", "pas"], "required"),
])
def test_bad_log_input_is_one_line_and_writes_nothing(journal_path: Path, capsys, args,
                                                      message) -> None:
    code, _, err = run(capsys, "log", "--journal", str(journal_path), *args)
    assert code != 0
    assert message in err
    assert err.count("\n") == 1 and err.startswith("deskapp: ")
    assert not journal_path.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2027-W53"], "2027 has no week 53"),
    (["--from", "uge 40"], "is not a week"),
    (["--from", "2026-W10", "--to", "2026-W02"], "empty"),
])
def test_bad_export_weeks(journal: Journal, tmp_path: Path, capsys, args, message) -> None:
    out = tmp_path / "x.csv"
    code, _, err = run(capsys, "export", "visits", "--journal", str(journal.path), *args,
                       "--out", str(out))
    assert code != 0 and message in err
    assert not out.exists()


def test_export_to_missing_folder_leaves_nothing(journal: Journal, tmp_path: Path, capsys) -> None:
    out = tmp_path / "nowhere" / "x.csv"
    code, _, err = run(capsys, "export", "visits", "--journal", str(journal.path),
                       "--from", "2026-W40", "--out", str(out))
    assert code != 0 and "does not exist" in err
    assert not out.parent.exists()


def test_missing_journal_is_a_clear_message(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "export", "visits", "--journal", str(tmp_path / "none.skranke"),
                       "--from", "2026-W40", "--out", str(tmp_path / "x.csv"))
    assert code != 0 and "there is no journal" in err


def test_demo_fills_a_journal(journal_path: Path, capsys) -> None:
    code, _, _ = run(capsys, "demo", "--journal", str(journal_path), "--weeks", "2")
    assert code == 0
    with Journal(journal_path) as journal:
        assert journal.count() > 50
        assert journal.count("deleted_utc is not null") > 0


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "deskapp", "log", "--journal", str(tmp_path / "j.skranke"),
         "--errand", "nope", "--reason", "x", "--outcome", "y"],
        cwd=ROOT, capture_output=True, text=True, env={"SKRANKE_HOME": str(tmp_path), "PATH": ""},
        timeout=60,
    )
    assert result.returncode != 0
    assert result.stderr.strip() == "deskapp: unknown errand code 'nope' (see 'deskapp catalog check')"
