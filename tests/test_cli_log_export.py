"""``deskapp log`` and ``deskapp export visits``: round trips and bad input."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from deskapp import paths
from deskapp.cli import main
from deskapp.paths import default_catalog
from deskapp.services import settings as settings_service
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
    day = weeks.local(weeks.now_utc()).date() - timedelta(days=40)
    code, _, _ = run(capsys, "log", "--journal", str(journal_path), "--errand", "pas",
                     "--reason", "personal_attendance", "--outcome", "manual",
                     "--at", f"{day.isoformat()}T09:30")
    assert code == 0
    with Journal(journal_path) as journal:
        [visit] = journal.visits()
    assert (visit.iso_week, visit.local_hour, visit.late_entry) == (weeks.week_of(day), 9, 1)


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
    (["--errand", "PAS", "--reason", "failed", "--outcome", "manual"],
     "unknown errand code 'PAS' (did you mean 'pas'?)"),
    (["--errand", "flytte", "--reason", "failed", "--outcome", "manual"],
     "(did you mean 'flytning'?)"),
    (["--errand", "xyzzy", "--reason", "failed", "--outcome", "manual"],
     "'deskapp catalog list' shows every code"),
    (["--errand", "pas", "--reason", "faild", "--outcome", "manual"], "did you mean 'failed'?"),
    (["--errand", "pas", "--reason", "failed", "--outcome", "x"],
     "unknown outcome code 'x'; use one of: coached, assisted, manual,"),
    (["--errand", "pas", "--reason", "failed", "--outcome", "manual", "--at", "1926-01-05T10:00"],
     "more than 366 days ago"),
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
        assert any(v.deleted_utc for v in journal.visits())


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "deskapp", "log", "--journal", str(tmp_path / "j.skranke"),
         "--errand", "nope", "--reason", "x", "--outcome", "y"],
        cwd=ROOT, capture_output=True, text=True, env={"SKRANKE_HOME": str(tmp_path), "PATH": ""},
        timeout=60,
    )
    assert result.returncode != 0
    assert result.stderr.strip() == ("deskapp: unknown errand code 'nope' "
                                     "('deskapp catalog list' shows every code)")


def test_catalog_list_shows_the_codes_log_takes(capsys) -> None:
    code, out, _ = run(capsys, "catalog", "list", "channels")
    assert code == 0
    assert out.splitlines() == ["channel\tfremmoede\tFremmøde", "channel\ttelefon\tTelefon",
                                "channel\tdigital_post\tE-mail/Digital Post", "channel\tbrev\tBrev"]
    code, out, _ = run(capsys, "catalog", "list")
    assert "errand\tflytning\tAnmeld flytning" in out.splitlines()
    assert "reason\tfailed\tPrøvede, men det gik ikke igennem" in out.splitlines()


def test_a_retired_errand_is_refused(tmp_path: Path, journal_path: Path, capsys) -> None:
    text = default_catalog().read_text(encoding="utf-8").replace(
        'code = "cykeltyveri"\n', 'code = "cykeltyveri"\nretired = true\n')
    own = tmp_path / "kommune.toml"
    own.write_text(text, encoding="utf-8")
    settings_service.save(settings_service.Settings(desk="d", catalog_file=str(own)),
                          paths.settings_file())
    code, _, err = run(capsys, "log", "--journal", str(journal_path), "--errand", "cykeltyveri",
                       "--reason", "failed", "--outcome", "manual")
    assert code != 0 and "errand 'cykeltyveri' is retired" in err
    assert not journal_path.exists()


def test_demo_is_shaped_like_a_real_counter(journal_path: Path, capsys) -> None:
    today = weeks.local(weeks.now_utc()).date()
    assert run(capsys, "demo", "--journal", str(journal_path), "--weeks", "6", "--seed", "7")[0] == 0
    with Journal(journal_path) as journal:
        visits = [v for v in journal.visits() if not v.deleted_utc and v.local_date < today.isoformat()]
    by_day = Counter(v.weekday for v in visits)
    assert by_day[1] > by_day[5] * 1.5  # busy Mondays, short Fridays
    assert not by_day[6] and not by_day[7]
    morning = sum(1 for v in visits if v.local_hour < 12)
    assert morning > len(visits) - morning  # busy mornings
    top = [code for code, _ in Counter(v.errand for v in visits).most_common(5)]
    assert "flytning" in top and "pas" in top
    reasons = Counter(v.reason for v in visits)
    assert len(reasons) >= 8  # every kind of reason occurs, not one canned answer
    assert all(v.reason == "personal_attendance" for v in visits if v.errand == "pas")
    channels = Counter(v.channel for v in visits)
    assert channels.most_common(1)[0][0] == "fremmoede" and channels["telefon"] > 0


def test_log_into_a_missing_folder_is_refused(tmp_path: Path, capsys) -> None:
    """A mistyped --journal folder does not quietly start a second journal elsewhere."""
    target = tmp_path / "tyop" / "desk.skranke"
    code, _, err = run(capsys, "log", "--journal", str(target), "--errand", "pas",
                       "--reason", "failed", "--outcome", "manual")
    assert code != 0
    assert err.strip() == (f"deskapp: the folder {target.parent} does not exist; "
                           "create it first or check the path")
    assert not target.parent.exists()
    code, _, _ = run(capsys, "log", "--journal", str(tmp_path / "new.skranke"), "--errand", "pas",
                     "--reason", "failed", "--outcome", "manual")
    assert code == 0  # a new journal in an existing folder is fine (a queue system's first visit)


def test_without_a_screen_the_app_says_so_and_smoke_still_runs(tmp_path: Path) -> None:
    """An SSH session or a service has no display: one line instead of Qt's plugin abort,
    and --smoke (the installation check) runs on the offscreen platform."""
    env = {"SKRANKE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    journal = str(tmp_path / "desk.skranke")
    started = subprocess.run([sys.executable, "-m", "deskapp", "--journal", journal], cwd=ROOT,
                             capture_output=True, text=True, env=env, timeout=60)
    assert started.returncode != 0
    assert started.stderr.strip() == (
        "deskapp: there is no screen to show Skranke on (DISPLAY is not set); start it "
        "from the desktop, or check the installation with --smoke")
    smoke = subprocess.run([sys.executable, "-m", "deskapp", "--smoke", "--journal", journal],
                           cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert smoke.returncode == 0, smoke.stderr
    assert Path(journal).exists()


def test_a_cpr_typed_as_a_code_is_not_repeated(tmp_path: Path, capsys) -> None:
    """Whatever a command line message repeats of the input, a CPR number shows as its shape."""
    code, _, err = run(capsys, "log", "--journal", str(tmp_path / "desk.skranke"),
                       "--errand", "010190-1234", "--reason", "failed", "--outcome", "manual")
    assert code != 0
    assert "unknown errand code 'XXXXXX-XXXX'" in err
    assert "010190" not in err and "1234" not in err


def _export_rows(capsys, journal_path: Path, target: Path) -> list[dict[str, str]]:
    code, _, err = run(capsys, "export", "visits", "--journal", str(journal_path),
                       "--from", weeks.this_week(), "--format", "csv", "--out", str(target))
    assert code == 0, err
    return list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))


def test_log_same_citizen_round_trip(tmp_path: Path, journal_path: Path, capsys) -> None:
    base = ["log", "--journal", str(journal_path), "--reason", "failed", "--outcome", "assisted"]
    code, first, _ = run(capsys, *base, "--errand", "flytning")
    assert code == 0
    code, second, _ = run(capsys, *base, "--errand", "laegeskift", "--same-citizen")
    assert code == 0
    first_id = first.split()[2]
    assert f"same citizen as visit {first_id}" in second
    code, _, _ = run(capsys, *base, "--errand", "pas")
    rows = {row["errand"]: row for row in _export_rows(capsys, journal_path, tmp_path / "v.csv")}
    assert rows["flytning"]["citizen"] == rows["laegeskift"]["citizen"] == first_id
    assert rows["pas"]["citizen"] == rows["pas"]["id"]


def test_log_same_citizen_links_the_visit_saved_last_even_after_an_older_one_is_corrected(
        journal_path: Path, capsys) -> None:
    base = ["log", "--journal", str(journal_path), "--reason", "failed", "--outcome", "assisted"]
    run(capsys, *base, "--errand", "flytning")
    code, last, _ = run(capsys, *base, "--errand", "pas")
    with Journal(journal_path) as journal:  # the first citizen's visit is corrected afterwards
        first = next(v for v in journal.visits() if v.errand == "flytning")
        journal.edit_visit(first.id, outcome="manual")
    code, linked, _ = run(capsys, *base, "--errand", "laegeskift", "--same-citizen")
    assert code == 0
    assert f"same citizen as visit {last.split()[2]}" in linked


def test_log_same_citizen_without_a_previous_visit(journal_path: Path, capsys) -> None:
    code, _, err = run(capsys, "log", "--journal", str(journal_path), "--errand", "pas",
                       "--reason", "failed", "--outcome", "manual", "--same-citizen")
    assert code != 0 and err.count("\n") == 1
    assert "--same-citizen: this journal has no saved visit yet" in err
    with Journal(journal_path) as journal:
        assert journal.count() == 0


def test_log_appointment_round_trip(tmp_path: Path, journal_path: Path, capsys) -> None:
    base = ["log", "--journal", str(journal_path), "--reason", "failed", "--outcome", "manual"]
    assert run(capsys, *base, "--errand", "pas", "--appointment", "booked")[0] == 0
    assert run(capsys, *base, "--errand", "flytning")[0] == 0  # the desk's default: drop-in
    settings_service.save(settings_service.Settings(desk="d", appointment="booked"),
                          paths.settings_file())
    assert run(capsys, *base, "--errand", "mitid")[0] == 0  # a desk set to booked
    assert run(capsys, *base, "--errand", "nemkonto", "--appointment", "drop-in")[0] == 0
    rows = {row["errand"]: row["appointment"]
            for row in _export_rows(capsys, journal_path, tmp_path / "v.csv")}
    assert rows == {"pas": "booked", "flytning": "drop_in", "mitid": "booked",
                    "nemkonto": "drop_in"}


def test_log_appointment_must_be_known(journal_path: Path, capsys) -> None:
    code, _, err = run(capsys, "log", "--journal", str(journal_path), "--errand", "pas",
                       "--reason", "failed", "--outcome", "manual", "--appointment", "walk-in")
    assert code != 0 and "walk-in" in err and err.startswith("deskapp: ")
    assert not journal_path.exists()
