"""The journal: migrations, durability of open visits, undo/edit keep history."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from deskapp.services import weeks
from deskapp.services.journal import OPEN, SAVED, Journal, JournalError
from deskapp.services.journal.migrations import SCHEMA_VERSION


def test_new_file_is_migrated_to_current_schema(journal_path: Path) -> None:
    Journal(journal_path).close()
    conn = sqlite3.connect(journal_path)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"visits", "visit_history", "step_events", "digital_counts", "meta"} <= tables
    conn.close()


def test_empty_existing_file_is_migrated(journal_path: Path) -> None:
    journal_path.write_bytes(b"")
    with Journal(journal_path) as journal:
        assert journal.count() == 0


def test_newer_journal_is_refused_and_untouched(journal_path: Path) -> None:
    Journal(journal_path).close()
    conn = sqlite3.connect(journal_path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = journal_path.read_bytes()
    with pytest.raises(JournalError) as info:
        Journal(journal_path)
    assert info.value.kind == "too_new"
    assert "newer Skranke" in str(info.value)
    assert journal_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table customers (name text)")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError) as info:
        Journal(other)
    assert info.value.kind == "damaged"


def test_open_visit_survives_reopening(journal_path: Path) -> None:
    with Journal(journal_path, desk="d") as journal:
        visit_id = journal.start_visit("flytning", channel="fremmoede")
        journal.update_open(visit_id, reason="failed")
    with Journal(journal_path) as journal:
        [open_visit] = journal.open_visits()
        assert (open_visit.id, open_visit.status, open_visit.reason) == (visit_id, OPEN, "failed")
        saved = journal.finish_visit(visit_id, "coached")
        assert saved.status == SAVED
        assert journal.open_visits() == []


def test_undo_marks_and_keeps_the_row(journal: Journal) -> None:
    visit = journal.log_visit(errand="pas", reason="personal_attendance", outcome="manual",
                              channel="fremmoede")
    journal.undo_visit(visit.id)
    assert journal.count() == 1
    assert journal.visit(visit.id).deleted_utc is not None
    assert journal.counted_visits(visit.iso_week) == []
    history = list(journal.db.query("select action from visit_history"))
    assert history == [{"action": "undo"}]


def test_edit_keeps_previous_values(journal: Journal) -> None:
    visit = journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="telefon")
    edited = journal.edit_visit(visit.id, outcome="coached")
    assert edited.outcome == "coached"
    assert edited.updated_utc > visit.updated_utc
    [row] = journal.db.query("select action, before from visit_history")
    assert row["action"] == "edit" and '"manual"' in row["before"]


def test_late_entry_is_stored_in_its_own_week(journal: Journal) -> None:
    earlier = weeks.now_utc() - timedelta(days=8)
    visit = journal.log_visit(errand="flytning", reason="failed", outcome="coached",
                              channel="fremmoede", at=earlier)
    assert visit.late_entry == 1
    assert visit.iso_week == weeks.week_of(weeks.local(earlier).date())
    assert visit.duration_s is None


def test_unknown_visit_is_a_clear_error(journal: Journal) -> None:
    with pytest.raises(JournalError) as info:
        journal.undo_visit("nope")
    assert info.value.kind == "unknown_visit"


# --- defence in depth: the journal itself never stores a CPR number -------------------

CPR_TEXT = "borger 010190-1234 ringer"


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def _assert_refused(info: pytest.ExceptionInfo[JournalError], field: str) -> None:
    assert info.value.kind == "cpr"
    assert field in str(info.value) and "CPR number" in str(info.value)
    assert "010190" not in str(info.value) and "1234" not in str(info.value)  # never repeated


@pytest.mark.parametrize("field", ["note", "age_band", "guide_mode"])
def test_log_visit_refuses_a_cpr_and_writes_nothing(journal: Journal, field: str) -> None:
    with pytest.raises(JournalError) as info:
        journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede",
                          **{field: CPR_TEXT})
    _assert_refused(info, field)
    assert journal.count() == 0  # not even an open visit is left behind


def test_finish_update_and_edit_refuse_a_cpr_and_keep_the_row(journal: Journal) -> None:
    visit_id = journal.start_visit("pas", channel="fremmoede")
    before = journal.visit(visit_id)
    with pytest.raises(JournalError) as info:
        journal.update_open(visit_id, note=CPR_TEXT)
    _assert_refused(info, "note")
    with pytest.raises(JournalError) as info:
        journal.finish_visit(visit_id, "manual", note=CPR_TEXT)
    _assert_refused(info, "note")
    assert journal.visit(visit_id) == before  # still open, unchanged
    saved = journal.finish_visit(visit_id, "manual", note="kom med papirer")
    with pytest.raises(JournalError) as info:
        journal.edit_visit(saved.id, note=f"ret: {CPR_TEXT}")
    _assert_refused(info, "note")
    assert journal.visit(saved.id).note == "kom med papirer"
    assert list(journal.db.query("select * from visit_history")) == []


def test_cpr_in_a_code_is_refused_too(journal: Journal) -> None:
    with pytest.raises(JournalError) as info:
        journal.start_visit("0101901234", channel="fremmoede")
    _assert_refused(info, "errand")
    assert journal.count() == 0


@pytest.mark.parametrize(("blocker", "note", "field"), [
    ("other", CPR_TEXT, "note"), ("0101901234", None, "blocker")])
def test_step_event_refuses_a_cpr(journal: Journal, blocker: str, note: str | None,
                                  field: str) -> None:
    visit_id = journal.start_visit("flytning", channel="fremmoede")
    with pytest.raises(JournalError) as info:
        journal.add_step_event(visit_id, "login", "stuck", blocker, note)
    _assert_refused(info, field)
    assert journal.step_events(visit_id) == []
    journal.add_step_event(visit_id, "login", "stuck", "other", "ring 12 34 56 78")  # warns only
    assert len(journal.step_events(visit_id)) == 1


def test_coaching_skills_refuse_a_cpr(journal: Journal) -> None:
    with pytest.raises(JournalError) as info:
        journal.add_coaching_session(["mitid", "0101901234"], started=weeks.now_utc())
    _assert_refused(info, "skills")
    assert journal.coaching_sessions() == []


def test_refused_text_leaves_the_file_untouched(journal_path: Path) -> None:
    with Journal(journal_path) as journal:
        journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede")
    before = _files(journal_path)
    with Journal(journal_path) as journal, pytest.raises(JournalError):
        journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede",
                          note=CPR_TEXT)
    assert CPR_TEXT.encode() not in b"".join(_files(journal_path).values())
    assert _files(journal_path).keys() == before.keys()



def test_version_1_journal_is_upgraded_with_its_visits_intact(journal_path: Path) -> None:
    """A journal of the first release gets the weekly tally tables, with its visit counted in
    them, and the narrow week index; its visits stay."""
    import sqlite_utils

    from deskapp.services import catalog
    from deskapp.services.journal import migrations as schema
    from deskapp.services.tallies import Query, Tally

    db = sqlite_utils.Database(journal_path)
    with db.atomic():
        schema.MIGRATIONS[0](db)
        db.execute(f"pragma application_id = {schema.APPLICATION_ID}")
        db.execute("pragma user_version = 1")
        now = weeks.now_utc()
        here = weeks.local(now)
        db["visits"].insert({
            "id": "v1-visit", "desk": "D", "site": "S", "status": SAVED,
            "started_utc": weeks.stamp(now), "ended_utc": weeks.stamp(now),
            "local_date": here.date().isoformat(), "iso_week": weeks.week_of(here.date()),
            "local_hour": here.hour, "weekday": here.isoweekday(), "channel": "fremmoede",
            "errand": "pas", "reason": "failed", "outcome": "manual", "contact_type": "transaction",
            "created_utc": weeks.stamp(now), "updated_utc": weeks.stamp(now),
        })
    db.close()
    with Journal(journal_path) as journal:
        [visit] = journal.saved_on(here.date().isoformat())
        assert (visit.id, visit.citizen, visit.appointment) == ("v1-visit", "v1-visit", "drop_in")
        assert visit.desk_id == journal.desk_id != ""
        tally = Tally(journal, catalog.load_default())
        week = Query(weeks.week_of(here.date()))
        assert [(r["errand"], r["reason"], r["count"]) for r in tally.errand_detail(week, "reason")] == [
            ("pas", "failed", 1)]
        assert tally.totals(week)["transactions"] == 1
        indexes = {r[0] for r in journal.db.execute("select name from sqlite_master where type = 'index'")}
    assert "visits_week_day" in indexes
    assert not indexes & {"visits_week_tally", "visits_day", "visits_tally"}
    conn = sqlite3.connect(journal_path)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION == 6
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()
