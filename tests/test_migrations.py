"""Migrations are frozen as shipped, and an old journal comes up to date with nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from deskapp.services import weeks
from deskapp.services.journal import Journal, tally_tables
from deskapp.services.journal.columns import TALLIED
from deskapp.services.journal.migrations import MIGRATIONS, SCHEMA_VERSION, v5_tally_sql
from tests.helpers.old_journals import version_4_journal


def test_the_live_tally_tables_are_what_schema_5_created() -> None:
    """Changing the tally tables needs a new migration: the frozen SQL must stay the live SQL."""
    assert tally_tables.create_statements() == list(v5_tally_sql.CREATE), (
        "deskapp/services/journal/tally_tables.py no longer writes schema 5's tally tables: "
        "add a migration (with its own frozen SQL) instead of changing what v5 created")


def test_every_tally_column_is_declared_tallied_on_the_visit() -> None:
    grouped = {c for table in tally_tables.TABLES for c in tally_tables.TABLES[table]}
    assert grouped - {"iso_week"} <= set(TALLIED)


def test_a_version_4_journal_gets_a_desk_identity_and_keeps_every_count(tmp_path: Path) -> None:
    path = tmp_path / "desk.skranke"
    version_4_journal(path, 5)
    before = sqlite3.connect(path)
    channels_before = sorted(before.execute(
        "select iso_week, channel, count from tally_channels").fetchall())
    reasons_before = sorted(before.execute("select * from tally_reasons").fetchall())
    before.close()

    with Journal(path) as journal:
        visits = journal.visits()
        assert len(visits) == 5
        assert {v.desk_id for v in visits} == {journal.desk_id}
        assert len(journal.desk_id) == 32
        assert all(v.citizen == v.id and v.appointment == "drop_in" for v in visits)
        desk_id = journal.desk_id

    after = sqlite3.connect(path)
    assert after.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION == 6
    assert after.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert sorted(after.execute(
        "select iso_week, channel, count from tally_channels").fetchall()) == channels_before
    assert sorted(after.execute("select * from tally_reasons").fetchall()) == reasons_before
    assert after.execute("select sum(citizens) from tally_channels").fetchone()[0] == 5
    assert {r[0] for r in after.execute("select appointment from tally_channels")} == {"drop_in"}
    after.close()
    with Journal(path) as again:  # the identity is made once, not on every opening
        assert again.desk_id == desk_id


def test_a_second_errand_counts_as_a_visit_but_not_as_another_citizen(tmp_path: Path) -> None:
    with Journal(tmp_path / "desk.skranke", desk="Skranke 1", site="Rådhuset") as journal:
        first = journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede")
        second = journal.log_visit(errand="flytning", reason="no_mitid", outcome="assisted",
                                   channel="fremmoede", same_citizen_as=first.id)
        assert second.citizen == first.id
        [(count, citizens)] = journal.db.execute(
            "select sum(count), sum(citizens) from tally_channels").fetchall()
    assert (count, citizens) == (2, 1)


def test_coaching_sessions_carry_the_desk_id(tmp_path: Path) -> None:
    with Journal(tmp_path / "desk.skranke", desk="Skranke 1") as journal:
        journal.add_coaching_session(["mitid"], started=weeks.now_utc())
        [session] = journal.coaching_sessions()
        assert session["desk_id"] == journal.desk_id != ""


def test_schema_6_adds_the_site_desks_and_note_indexes_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "desk.skranke"
    version_4_journal(path, 4)
    db = sqlite_utils.Database(path)
    with db.atomic():  # up to schema 5 only, as the previous version left it
        MIGRATIONS[4](db)
        db.execute("pragma user_version = 5")
        db.execute("update visits set note = 'ring tilbage' where id = 'old-1'")
    db.close()
    with Journal(path) as journal:
        assert len(journal.visits()) == 4
        tables = set(journal.db.table_names())
        indexes = {row[0] for row in journal.db.execute(
            "select name from sqlite_master where type = 'index' and sql like '% where note is not null'")}
        plan = " ".join(str(row) for row in journal.db.execute(
            "explain query plan select id from visits where note is not null and started_utc < '2030'"))
    assert "site_desks" in tables
    assert indexes == {"visits_with_note", "steps_with_note"}
    assert "visits_with_note" in plan  # retention finds the noted visits without a scan
    conn = sqlite3.connect(path)
    assert conn.execute("pragma user_version").fetchone()[0] == 6
    assert conn.execute("select count(*) from site_desks").fetchone()[0] == 0
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()
