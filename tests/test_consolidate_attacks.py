"""A snapshot speaks only for its own desk: forged, doctored, hostile and damaged files on
the shared folder, crafted with plain sqlite3 as a desk user could (issue 13)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import pytest

from deskapp.services import signing, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.consolidate import ConsolidateError, consolidate
from deskapp.services.journal import Journal, tally_tables
from deskapp.services.publish import publish
from tests.helpers.desks import (
    copy_to,
    doctor,
    make_desk,
    recounted_weekly_tallies,
    rows,
    weekly_tallies,
)

COUNTED = "select count(*) from visits where status = 'saved' and deleted_utc is null"


class Desk:
    """A counter PC: its journal and its own signing key."""

    def __init__(self, root: Path, catalog: Catalog, name: str, seed: int):
        self.key = root / "keys" / f"{name}.pem"
        self.journal = make_desk(root / "desks" / f"{name}.skranke", catalog, name, "Rådhuset", seed)
        self.share = root / "share"
        self.share.mkdir(exist_ok=True)

    def publish(self) -> Path:
        return publish(self.journal.path, self.share, self.journal.desk, self.journal.site,
                       key_path=self.key).path

    @property
    def desk_id(self) -> str:
        return self.journal.desk_id


@pytest.fixture
def desks(tmp_path: Path, catalog: Catalog):
    made = [Desk(tmp_path, catalog, "Skranke 1", 11), Desk(tmp_path, catalog, "Skranke 2", 12)]
    yield made
    for desk in made:
        desk.journal.close()


def counted(path: Path, desk_id: str | None = None) -> int:
    where = f" and desk_id = '{desk_id}'" if desk_id else ""
    return rows(path, COUNTED + where)[0][0]


def reasons(report) -> dict[str, str]:
    return {s.path.name: s.reason for s in report.skipped}


def forged_copy_of(snapshot: Path, where: Path, *statements, key: Path | None = None,
                   sign: bool = True) -> Path:
    forged = copy_to(snapshot, where)
    doctor(forged, *statements, sign=sign, key_path=key)
    return forged


def test_a_forged_deletion_of_another_desk_is_refused_however_it_is_signed(
        tmp_path: Path, desks: list[Desk]) -> None:
    one, two = desks
    into = tmp_path / "site.skranke"
    genuine = two.publish()
    one.publish()
    first = consolidate(into, [one.share])
    assert [m.pinned_now is not None for m in first.merged] == [True, True]
    assert any("trusted on first use" in line for line in first.lines())
    before = counted(into)
    later = weeks.stamp(weeks.now_utc())
    undo_all = ("update visits set deleted_utc = ?, updated_utc = ? ", (later, later))
    stamp = ("update meta set value = ? where key = 'snapshot_utc'", (later,))
    attic = tmp_path / "anywhere"
    forged_copy_of(genuine, attic / "a.skranke", undo_all, stamp, key=one.key)
    forged_copy_of(genuine, attic / "b.skranke", undo_all, stamp, sign=False)
    resigned_not = copy_to(genuine, attic / "c.skranke")
    with resigned_not.open("r+b") as handle:  # one byte changed after signing
        handle.seek(200)
        byte = handle.read(1)
        handle.seek(200)
        handle.write(bytes([byte[0] ^ 0xFF]))
    report = consolidate(into, [attic])
    found = reasons(report)
    assert "is pinned to key" in found["a.skranke"] and "deskapp trust reset" in found["a.skranke"]
    assert "unsigned, but desk id" in found["b.skranke"]
    assert "does not match the content" in found["c.skranke"]
    assert not report.merged and counted(into) == before


def test_far_future_stamps_in_a_forgery_cannot_make_the_genuine_desk_lose(
        tmp_path: Path, desks: list[Desk]) -> None:
    """Even the desk's own key (a hostile desk user) cannot date rows after its snapshot."""
    one, _two = desks
    into = tmp_path / "site.skranke"
    genuine = one.publish()
    consolidate(into, [genuine])
    before = counted(into, one.desk_id)
    far = "9999-12-31T00:00:00.000000+00:00"
    fresh = ("update meta set value = ? where key = 'snapshot_utc'", (weeks.stamp(weeks.now_utc()),))
    forged = forged_copy_of(genuine, tmp_path / "x" / "far.skranke",
                            ("update visits set deleted_utc = ?, updated_utc = ?", (far, far)), fresh,
                            key=one.key)
    report = consolidate(into, [forged])
    assert report.merged[0].refused_implausible == report.merged[0].size
    assert "implausible times" in "\n".join(report.lines())
    assert counted(into, one.desk_id) == before
    future = weeks.stamp(weeks.now_utc() + timedelta(days=1))
    ahead = forged_copy_of(genuine, tmp_path / "y" / "ahead.skranke",
                           ("update meta set value = ? where key = 'snapshot_utc'", (future,)),
                           key=one.key)
    assert "dated in the future" in reasons(consolidate(into, [ahead]))["ahead.skranke"]
    one.journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede")
    consolidate(into, [one.publish()])
    assert counted(into, one.desk_id) == before + 1


def test_plausible_forged_times_lose_to_the_desks_next_genuine_snapshot(
        tmp_path: Path, desks: list[Desk]) -> None:
    one, _two = desks
    into = tmp_path / "site.skranke"
    genuine = one.publish()
    consolidate(into, [genuine])
    victim = sorted(one.journal.counted_visits(), key=lambda v: v.id)[0]
    soon = weeks.stamp(weeks.now_utc())
    forged = forged_copy_of(genuine, tmp_path / "x" / "undo.skranke",
                            ("update visits set deleted_utc = ?, updated_utc = ? where id = ?",
                             (soon, soon, victim.id)),
                            ("update meta set value = ? where key = 'snapshot_utc'", (soon,)), key=one.key)
    consolidate(into, [forged])
    assert rows(into, f"select deleted_utc from visits where id = '{victim.id}'")[0][0] == soon
    time.sleep(0.01)
    one.journal.edit_visit(victim.id, outcome="referred")  # the desk's real work goes on
    consolidate(into, [one.publish()])
    assert rows(into, f"select outcome from visits where id = '{victim.id}'")[0][0] == "referred"


def test_doctored_tallies_are_never_added(tmp_path: Path, desks: list[Desk],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from deskapp.services import consolidate as consolidate_module

    one, two = desks
    with one.journal.db.conn:
        one.journal.db.conn.execute("update tally_reasons_by_desk set count = count + 1000000")
        one.journal.db.conn.execute("update tally_channels set count = count + 1000000")
    one.publish()
    two.publish()
    for bulk in (10**9, 1):
        monkeypatch.setattr(consolidate_module, "BULK_ROWS", bulk)
        into = tmp_path / f"site-{bulk}.skranke"
        consolidate(into, [one.share])
        assert weekly_tallies(into) == recounted_weekly_tallies(into)
        assert rows(into, "select sum(count) from tally_channels")[0][0] == counted(into)


def test_a_view_or_a_foreign_trigger_is_refused_and_the_good_snapshot_merges(
        tmp_path: Path, desks: list[Desk]) -> None:
    one, two = desks
    into = tmp_path / "site.skranke"
    good = two.publish()
    genuine = one.publish()
    hostile = tmp_path / "hostile"
    forged_copy_of(
        genuine, hostile / "view.skranke", "alter table visits rename to real_visits",
        "create view visits as select a.* from real_visits a, real_visits b, real_visits c",
        key=one.key)
    forged_copy_of(
        genuine, hostile / "trigger.skranke",
        "create trigger evil after insert on meta begin delete from visits; end", key=one.key)
    report = consolidate(into, [hostile, good])  # the cross join is never run
    found = reasons(report)
    assert "view" in found["view.skranke"] or "not a plain table" in found["view.skranke"]
    assert "trigger" in found["trigger.skranke"]
    assert [m.desk for m in report.merged] == ["Skranke 2"]
    assert counted(into) == counted(two.journal.path)


def _scramble(path: Path, seed: int = 3) -> None:
    data = bytearray(path.read_bytes())
    rng = __import__("random").Random(seed)
    for where in (len(data) // 4, len(data) // 2, 3 * len(data) // 4):
        data[where:where + 64] = bytes(rng.randrange(256) for _ in range(64))
    path.write_bytes(bytes(data))


def test_a_damaged_file_beside_a_good_one_is_skipped_and_the_good_one_merges(
        tmp_path: Path, desks: list[Desk]) -> None:
    one, two = desks
    into = tmp_path / "site.skranke"
    broken_signed = copy_to(one.publish(), tmp_path / "share2" / "signed.skranke")
    _scramble(broken_signed)
    # an unsigned journal of a desk never merged (an older Skranke), damaged the same way
    legacy = copy_to(one.publish(), tmp_path / "share2" / "legacy.skranke")
    doctor(legacy, "update meta set value = '" + "ab" * 16 + "' where key = 'desk_id'",
           "update visits set desk_id = '" + "ab" * 16 + "'", sign=False)
    _scramble(legacy)
    good = two.publish()
    report = consolidate(into, [tmp_path / "share2", good])
    found = reasons(report)
    assert "does not match the content" in found["signed.skranke"]
    assert found["legacy.skranke"].startswith("damaged")
    assert [m.desk for m in report.merged] == ["Skranke 2"]
    assert counted(into) == counted(two.journal.path) > 0


def test_rows_of_another_desk_inside_a_snapshot_are_refused_and_counted(
        tmp_path: Path, desks: list[Desk]) -> None:
    one, two = desks
    into = tmp_path / "site.skranke"
    consolidate(into, [two.publish()])
    theirs = counted(into, two.desk_id)
    stolen = two.journal.counted_visits()[:5]
    ids = ", ".join(f"'{v.id}'" for v in stolen)
    now = weeks.stamp(weeks.now_utc())
    # desk 1 (its own key) ships desk 2's rows: once under desk 2's id, once claimed as its own
    with sqlite3.connect(two.journal.path) as source:
        taken = source.execute(f"select * from visits where id in ({ids})").fetchall()
        names = [r[1] for r in source.execute("pragma table_info(visits)")]
    source.close()
    own = copy_to(one.publish(), tmp_path / "x" / "one.skranke")
    marks = ", ".join("?" * len(names))
    as_theirs = [tuple(now if n in ("updated_utc", "deleted_utc") else v
                       for n, v in zip(names, r, strict=True)) for r in taken]
    time.sleep(0.01)
    later = weeks.stamp(weeks.now_utc())
    claimed = [tuple(one.desk_id if n == "desk_id" else later if n == "updated_utc" else v
                     for n, v in zip(names, r, strict=True)) for r in as_theirs]
    doctor(own, *[(f"insert into visits ({', '.join(names)}) values ({marks})", r) for r in as_theirs],
           key_path=one.key)
    report = consolidate(into, [own])
    assert report.merged[0].refused_other_desk == 5
    assert "refused 5 row(s) of another desk" in "\n".join(report.lines())
    doctor(own, f"delete from visits where id in ({ids})",
           *[(f"insert into visits ({', '.join(names)}) values ({marks})", r) for r in claimed],
           ("update meta set value = ? where key = 'snapshot_utc'", (weeks.stamp(weeks.now_utc()),)),
           key_path=one.key)
    report = consolidate(into, [own])
    assert report.merged[0].refused_other_desk == 5
    assert counted(into, two.desk_id) == theirs


def test_a_desks_first_snapshot_cannot_take_over_another_desks_visits_or_steps(
        tmp_path: Path, desks: list[Desk]) -> None:
    """The first snapshot of a desk, claiming visit ids of a desk merged before as its own
    and a step of one of its visits: those are refused, everything of its own merges."""
    one, two = desks
    into = tmp_path / "site.skranke"
    consolidate(into, [two.publish()])
    before = rows(into, f"select * from visits where desk_id = '{two.desk_id}'")
    steps_before = rows(into, "select * from step_events")
    stolen = [v.id for v in two.journal.counted_visits()[:5]]
    own = copy_to(one.publish(), tmp_path / "x" / "one.skranke")
    mine = rows(own, "select id from visits")[:5]
    later = weeks.stamp(weeks.now_utc() + timedelta(seconds=1))
    doctor(own, *[("update visits set id = ?, updated_utc = ? where id = ?", (theirs, later, m))
                  for theirs, (m,) in zip(stolen, mine, strict=True)],
           ("insert into step_events (id, visit_id, step, status, at_utc) values (?, ?, 'login', 'stuck', ?)",
            ("f" * 32, stolen[0], later)),
           ("update meta set value = ? where key = 'snapshot_utc'", (later,)),
           key_path=one.key)
    report = consolidate(into, [own], now=weeks.now_utc() + timedelta(seconds=2))
    merged = report.merged[0]
    assert merged.refused_other_desk == 5
    assert rows(into, f"select * from visits where desk_id = '{two.desk_id}'") == before
    assert counted(into, one.desk_id) == rows(own, COUNTED)[0][0] - 5
    assert merged.new == rows(own, "select count(*) from visits")[0][0] - 5
    assert not rows(into, f"select 1 from step_events where id = '{'f' * 32}'")
    assert set(steps_before) <= set(rows(into, "select * from step_events"))


def test_consolidating_into_a_damaged_journal_leaves_it_byte_for_byte(
        tmp_path: Path, desks: list[Desk]) -> None:
    one, two = desks
    into = tmp_path / "site.skranke"
    consolidate(into, [one.publish()])
    data = bytearray(into.read_bytes())
    page = rows(into, "pragma page_size")[0][0]
    for number in (3, 5, 7):  # page headers and cell pointers of b-tree pages
        data[page * number:page * number + 64] = os.urandom(64)
    into.write_bytes(bytes(data))
    digest = hashlib.sha256(into.read_bytes()).hexdigest()
    one.journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede")
    with pytest.raises(ConsolidateError, match="damaged"):
        consolidate(into, [one.publish(), two.publish()])
    assert hashlib.sha256(into.read_bytes()).hexdigest() == digest


def test_a_replaced_pc_is_refused_until_it_trusts_it_again(
        tmp_path: Path, desks: list[Desk], capsys: pytest.CaptureFixture[str]) -> None:
    from deskapp.cli import main

    one, _two = desks
    into = tmp_path / "site.skranke"
    consolidate(into, [one.publish()])
    one.key = tmp_path / "keys" / "new-pc.pem"  # the journal restored onto a new PC: a new key
    report = consolidate(into, [one.publish()])
    assert "is pinned to key" in report.skipped[0].reason and not report.merged
    assert main(["trust", "list", "--journal", str(into)]) == 0
    listed = capsys.readouterr().out
    assert one.desk_id in listed and "Rådhuset/Skranke 1" in listed
    assert main(["trust", "reset", "--journal", str(into), "--desk-id", one.desk_id]) == 0
    assert "trusted on first use" in capsys.readouterr().out
    report = consolidate(into, [one.publish()])
    assert report.merged and report.merged[0].pinned_now == signing.fingerprint(
        signing.public_hex(signing.load_or_create_key(one.key)))
    assert main(["trust", "reset", "--journal", str(into), "--desk-id", "x" * 32]) == 2
    assert "32 hex digits" in capsys.readouterr().err


def test_unsigned_snapshots_of_an_older_version_merge_until_the_desk_signs(
        tmp_path: Path, desks: list[Desk]) -> None:
    one, _two = desks
    into = tmp_path / "site.skranke"
    unsigned = copy_to(one.publish(), tmp_path / "old" / "one.skranke")
    doctor(unsigned, sign=False)
    report = consolidate(into, [unsigned])
    assert report.merged and not report.merged[0].signed
    assert "warning: unsigned snapshot" in "\n".join(report.lines())
    strict = consolidate(tmp_path / "strict.skranke", [unsigned], signed_only=True)
    assert "unsigned" in strict.skipped[0].reason and not strict.merged
    consolidate(into, [one.publish()])  # the desk is updated: its key is pinned
    assert "unsigned, but desk id" in consolidate(into, [unsigned]).skipped[0].reason


def test_two_desks_left_at_the_same_names_never_merge_as_one(
        tmp_path: Path, catalog: Catalog) -> None:
    share = tmp_path / "share"
    journals = []
    for number in (1, 2):
        folder = share / f"pc{number}"
        folder.mkdir(parents=True)
        journal = make_desk(tmp_path / f"d{number}.skranke", catalog, "skranke-pc", "Borgerservice", number)
        publish(journal.path, folder, "skranke-pc", "Borgerservice", key_path=tmp_path / f"k{number}.pem")
        journals.append(journal)
    into = tmp_path / "site.skranke"
    consolidate(into, [share])
    labels = rows(into, "select desk_id, desk, count(*) from visits group by desk_id, desk")
    assert len(labels) == 2 and labels[0][1] != labels[1][1]
    assert {row[1] for row in labels} == {f"skranke-pc ({j.desk_id[:6]})" for j in journals}
    # desk 1 is named properly: all its visits follow its newest snapshot's label
    publish(journals[0].path, share / "pc1", "Skranke 1", "Borgerservice", key_path=tmp_path / "k1.pem")
    consolidate(into, [share])
    named = rows(into, f"select distinct desk from visits where desk_id = '{journals[0].desk_id}'")
    assert named == [("Skranke 1",)]
    assert rows(into, f"select distinct desk from visits where desk_id = '{journals[1].desk_id}'") == [
        ("skranke-pc",)]
    assert weekly_tallies(into) == recounted_weekly_tallies(into)
    for journal in journals:
        journal.close()


def test_control_characters_in_names_never_reach_the_report(tmp_path: Path, desks: list[Desk]) -> None:
    one, _two = desks
    snapshot = copy_to(one.publish(), tmp_path / "x" / "ansi.skranke")
    doctor(snapshot, "update meta set value = 'Skranke' || char(27) || '[31m 1' || char(7) "
                     "|| char(10) || 'merged 99 snapshot(s)' where key = 'desk'", key_path=one.key)
    report = consolidate(tmp_path / "site.skranke", [snapshot])
    text = "\n".join(report.lines())
    assert "\x1b" not in text and "\x07" not in text
    assert all(line.count("merged ") <= 1 for line in report.lines())
    assert len([line for line in report.lines() if line.startswith("merged ")]) == 1
    assert rows(tmp_path / "site.skranke", "select distinct desk from visits") == [
        ("Skranke[31m 1 merged 99 snapshot(s)",)]


def test_purges_travel_and_the_site_keeps_its_own_retention(tmp_path: Path, desks: list[Desk]) -> None:
    from deskapp.services.journal import retention

    one, _two = desks
    old = sorted(one.journal.counted_visits(), key=lambda v: v.started_utc)[0]
    one.journal.edit_visit(old.id, note="ring tilbage om fornyelse")
    into = tmp_path / "site.skranke"
    consolidate(into, [one.publish()])
    assert b"ring tilbage om fornyelse" in into.read_bytes()
    age = (weeks.now_utc() - weeks.parse_stamp(old.started_utc)).days
    retention.purge_notes(one.journal, max(0, age - 1))
    consolidate(into, [one.publish()])
    wal = Path(f"{into}-wal")
    site_bytes = into.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert b"ring tilbage om fornyelse" not in site_bytes
    # the site's own retention_days, whatever the desks do
    recent = sorted(one.journal.counted_visits(), key=lambda v: v.started_utc)[-1]
    one.journal.edit_visit(recent.id, note="husk pas og billede")
    other = tmp_path / "other-site.skranke"
    consolidate(other, [one.publish()])
    assert b"husk pas og billede" in other.read_bytes()
    report = consolidate(other, [one.publish()], retention_days=0,
                         now=weeks.now_utc() + timedelta(minutes=1))
    assert report.notes_erased >= 1, report.lines()
    assert "or older than 0 days)" in "\n".join(report.lines())
    assert b"husk pas og billede" not in other.read_bytes()
    with Journal(other) as site:
        assert site.db.execute("select count(*) from purge_log").fetchone()[0] >= 1


def test_a_step_without_a_time_is_refused_in_a_desks_first_snapshot(
        tmp_path: Path, desks: list[Desk]) -> None:
    """The step tests run on the other core for a desk's first snapshot: a step with no
    time (NULL, which the merge's test never lets through) is refused there too."""
    one, _two = desks
    into = tmp_path / "site.skranke"
    own = copy_to(one.publish(), tmp_path / "x" / "one.skranke")
    visit = rows(own, "select id from visits where status = 'saved' and deleted_utc is null")[0][0]
    doctor(own, ("insert into step_events (id, visit_id, step, status, at_utc) "
                 "values (?, ?, 'login', 'stuck', null)", ("e" * 32, visit)), key_path=one.key)
    report = consolidate(into, [own])
    assert report.merged and not report.skipped
    assert not rows(into, "select id from step_events where at_utc is null")
    steps = "select count(*) from step_events"
    assert rows(into, steps)[0][0] == rows(own, steps)[0][0] - 1
    assert weekly_tallies(into) == recounted_weekly_tallies(into)


def test_steps_of_a_first_snapshot_find_only_their_own_visits_whatever_its_collation(
        tmp_path: Path, desks: list[Desk]) -> None:
    """A desk's first snapshot whose visit ids compare without case (its own schema): steps
    and history naming a visit in capitals have no visit in the site journal and are
    refused, as they always were."""
    one, _two = desks
    into = tmp_path / "site.skranke"
    own = copy_to(one.publish(), tmp_path / "x" / "one.skranke")
    with sqlite3.connect(own) as conn:
        table = conn.execute("select sql from sqlite_master where name = 'visits'").fetchone()[0]
        names = ", ".join(r[1] for r in conn.execute("pragma table_info(visits)"))
        visits = [r[0] for r in conn.execute("select id from visits where status = 'saved' "
                                             "and deleted_utc is null order by id limit 3")]
    conn.close()
    nocase = table.replace('"id" TEXT PRIMARY KEY', '"id" TEXT COLLATE NOCASE PRIMARY KEY')
    assert nocase != table
    later = weeks.stamp(weeks.now_utc())
    doctor(own, *[f"drop trigger {name}" for name in tally_tables.TRIGGERS],
           "alter table visits rename to plain_visits", nocase,
           f"insert into visits ({names}) select {names} from plain_visits",
           "drop table plain_visits",
           "create index visits_updated on visits (updated_utc)",
           *[("insert into step_events (id, visit_id, step, status, at_utc) "
              "values (?, ?, 'login', 'stuck', ?)", (hashlib.md5(v.encode()).hexdigest(), v.upper(), later))
             for v in visits],
           *[("insert into visit_history (visit_id, at_utc, action, before) values (?, ?, 'edit', '{}')",
              (v.upper(), later)) for v in visits],
           key_path=one.key)
    report = consolidate(into, [own])
    assert report.merged and not report.skipped
    assert not rows(into, "select id from step_events s where not exists "
                          "(select 1 from visits v where v.id = s.visit_id)")
    assert not rows(into, "select visit_id from visit_history h where not exists "
                          "(select 1 from visits v where v.id = h.visit_id)")
    assert weekly_tallies(into) == recounted_weekly_tallies(into)


def test_a_damaged_journal_is_left_byte_for_byte_by_a_bulk_load_too(
        tmp_path: Path, desks: list[Desk], monkeypatch: pytest.MonkeyPatch) -> None:
    """Many more incoming visits than the site journal holds: the bulk load (rollback
    journal, indexes dropped and committed first) writes only after the site journal's
    check, and the check is not kept from reading by the merge's writes."""
    from deskapp.services import consolidate as consolidate_module

    one, two = desks
    into = tmp_path / "site.skranke"
    few = copy_to(one.publish(), tmp_path / "few" / "one.skranke")
    doctor(few, "delete from visits where rowid > 5", key_path=one.key)
    consolidate(into, [few])
    data = bytearray(into.read_bytes())
    page = rows(into, "pragma page_size")[0][0]
    for (number,) in rows(into, "select rootpage from sqlite_master where name in "
                                "('visits_week_day', 'tally_reasons', 'step_events')"):
        data[page * (number - 1):page * (number - 1) + 64] = os.urandom(64)  # a b-tree page's header
    into.write_bytes(bytes(data))
    digest = hashlib.sha256(into.read_bytes()).hexdigest()
    monkeypatch.setattr(consolidate_module, "BULK_ROWS", 1)
    with pytest.raises(ConsolidateError, match="damaged"):
        consolidate(into, [one.publish(), two.publish()])
    assert hashlib.sha256(into.read_bytes()).hexdigest() == digest
