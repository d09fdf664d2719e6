"""Consolidation: any order, any number of runs, the same site journal; bad files skipped."""

from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from deskapp.services import consolidate as consolidate_module
from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.consolidate import ConsolidateError, consolidate, find_snapshots
from deskapp.services.journal import Journal, tally_tables
from deskapp.services.journal.migrations import DROPPED_INDEXES, SCHEMA_VERSION
from deskapp.services.journal.snapshot_check import inspect
from tests.helpers.desks import (
    change_desk,
    copy_to,
    doctor,
    make_desk,
    publish_copy,
    recounted_weekly_tallies,
    state,
    visit_rows,
    weekly_tallies,
)


@pytest.fixture
def snapshots(tmp_path: Path, catalog: Catalog) -> dict[str, Path]:
    """Two desks, each published before and after later edits and undos: four snapshots."""
    result = {}
    for name, seed in (("Skranke 1", 11), ("Skranke 2", 12)):
        journal = make_desk(tmp_path / "desks" / f"{name}.skranke", catalog, name, "Rådhuset", seed)
        try:
            result[f"{name} old"] = publish_copy(journal, tmp_path / "old" / name)
            change_desk(journal)
            result[f"{name} new"] = publish_copy(journal, tmp_path / "new" / name)
        finally:
            journal.close()
    return result


def desk_journals(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "desks").glob("*.skranke"))


def test_merge_equals_the_desks_own_journals(tmp_path: Path, snapshots: dict[str, Path]) -> None:
    into = tmp_path / "site.skranke"
    report = consolidate(into, list(snapshots.values()))
    assert len(report.merged) == 4 and not report.skipped
    expected = sorted((row for desk in desk_journals(tmp_path) for row in visit_rows(desk)), key=repr)
    assert visit_rows(into) == expected
    deleted = [row for row in expected if row[7] is not None]
    assert deleted, "the fixture must contain undone visits"


def test_more_snapshots_than_one_transaction_holds(tmp_path: Path, snapshots: dict[str, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A municipality has more desks than SQLite can attach at once (GROUP): the snapshots
    are merged group by group with the same result."""
    monkeypatch.setattr(consolidate_module, "GROUP", 3)
    into = tmp_path / "site.skranke"
    report = consolidate(into, list(snapshots.values()))
    assert len(report.merged) == 4 and not report.skipped
    expected = sorted((row for desk in desk_journals(tmp_path) for row in visit_rows(desk)), key=repr)
    assert visit_rows(into) == expected


def test_every_order_and_repeat_gives_the_same_journal(tmp_path: Path,
                                                       snapshots: dict[str, Path]) -> None:
    files = list(snapshots.values())
    states = []
    for number, order in enumerate(itertools.islice(itertools.permutations(files), 0, None, 5)):
        into = tmp_path / f"site-{number}.skranke"
        consolidate(into, list(order))
        states.append(state(into))
        consolidate(into, list(reversed(order)))
        assert state(into) == states[-1], f"second run changed the result of order {number}"
    assert len(states) >= 4
    assert all(s == states[0] for s in states[1:])
    assert states[0]["coaching"] and all("digital_post" in row[7] for row in states[0]["coaching"])


def test_a_snapshot_merged_before_is_not_read_again(tmp_path: Path,
                                                    snapshots: dict[str, Path]) -> None:
    into = tmp_path / "site.skranke"
    consolidate(into, [snapshots["Skranke 1 new"]])
    copy = copy_to(snapshots["Skranke 1 new"], tmp_path / "copy" / "same.skranke")
    # same snapshot (same stamp), content changed and signed again by the desk's own key
    doctor(copy, "update visits set outcome = 'referred', updated_utc = "
                 "strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')")
    before = state(into)
    report = consolidate(into, [copy])
    assert state(into) == before
    assert report.merged[0].unchanged == len(before["visits"]) and report.merged[0].updated == 0


def test_second_run_reports_everything_unchanged(tmp_path: Path, snapshots: dict[str, Path]) -> None:
    into = tmp_path / "site.skranke"
    first = consolidate(into, [tmp_path / "new"])
    assert [m.new > 0 for m in first.merged] == [True, True]
    again = consolidate(into, [tmp_path / "new"])
    assert [(m.new, m.updated) for m in again.merged] == [(0, 0), (0, 0)]
    assert sum(m.unchanged for m in again.merged) == sum(m.new for m in first.merged)
    assert all(m.step_events_new == 0 and m.history_new == 0 for m in again.merged)


def test_newer_snapshot_updates_and_older_never_reverts(tmp_path: Path,
                                                        snapshots: dict[str, Path]) -> None:
    into = tmp_path / "site.skranke"
    consolidate(into, [tmp_path / "old"])
    report = consolidate(into, [tmp_path / "new"])
    desk1 = next(m for m in report.merged if m.desk == "Skranke 1")
    assert desk1.new == 2  # two visits logged after the old snapshot
    assert desk1.updated == 4  # two edits, an undo and a redo of an older undo
    after_new = state(into)
    report = consolidate(into, [tmp_path / "old"])
    assert state(into) == after_new
    assert all(m.updated == 0 and m.new == 0 for m in report.merged)


def test_deletion_wins_a_tie(tmp_path: Path, snapshots: dict[str, Path]) -> None:
    live = snapshots["Skranke 1 new"]
    undone = copy_to(live, tmp_path / "tie" / "undone.skranke")
    conn = sqlite3.connect(live)
    visit_id, updated = conn.execute(
        "select id, updated_utc from visits where deleted_utc is null limit 1").fetchone()
    taken = conn.execute("select value from meta where key = 'snapshot_utc'").fetchone()[0]
    conn.close()
    later = weeks.stamp(weeks.parse_stamp(taken) - timedelta(seconds=1))  # an earlier snapshot
    doctor(undone, ("update visits set deleted_utc = ? where id = ?", (updated, visit_id)),
           ("update meta set value = ? where key = 'snapshot_utc'", (later,)))
    for order in ([live, undone], [undone, live]):
        into = tmp_path / f"tie-{order[0].stem}.skranke"
        report = consolidate(into, order)
        assert not report.skipped, report.lines()
        conn = sqlite3.connect(into)
        assert conn.execute("select deleted_utc from visits where id = ?", (visit_id,)).fetchone() == (
            updated,)
        conn.close()


def test_report_names_desks_snapshot_time_and_counts(tmp_path: Path,
                                                     snapshots: dict[str, Path]) -> None:
    report = consolidate(tmp_path / "site.skranke", [tmp_path / "new"])
    text = "\n".join(report.lines())
    assert "Rådhuset/Skranke 1:" in text and "Rådhuset/Skranke 2:" in text
    assert " new, 0 updated, 0 unchanged visits; snapshot taken " in text
    assert "warning" not in text
    assert text.splitlines()[-1].startswith("merged 2 snapshot(s) into ")


def test_old_snapshot_is_warned_about(tmp_path: Path, snapshots: dict[str, Path]) -> None:
    later = weeks.now_utc() + timedelta(days=8)
    report = consolidate(tmp_path / "site.skranke", [tmp_path / "new"], now=later)
    assert all(m.stale for m in report.merged)
    warnings = [line for line in report.lines() if line.startswith("warning:")]
    assert len(warnings) == 2 and "more than 7 days old" in warnings[0]


def _newer_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _foreign(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("create table customers (name text)")
    conn.execute("insert into customers values ('x')")
    conn.commit()
    conn.close()


def test_bad_files_are_skipped_and_the_rest_merge(tmp_path: Path, snapshots: dict[str, Path]) -> None:
    share = tmp_path / "new"
    bad = share / "Andet"
    bad.mkdir()
    (bad / "garbage.skranke").write_bytes(b"this is not a database at all\n" * 200)
    (bad / "empty.skranke").write_bytes(b"")
    truncated = copy_to(snapshots["Skranke 1 old"], bad / "truncated.skranke")
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    _newer_version(copy_to(snapshots["Skranke 2 old"], bad / "future.skranke"))
    _foreign(bad / "foreign.skranke")
    into = tmp_path / "site.skranke"
    report = consolidate(into, [share])
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert set(reasons) == {"garbage.skranke", "empty.skranke", "truncated.skranke",
                            "future.skranke", "foreign.skranke"}
    assert "not an SQLite database" in reasons["garbage.skranke"]
    assert "not an SQLite database" in reasons["empty.skranke"]
    assert reasons["truncated.skranke"].startswith("damaged")
    assert "newer Skranke" in reasons["future.skranke"]
    assert "another program" in reasons["foreign.skranke"]
    assert {m.desk for m in report.merged} == {"Skranke 1", "Skranke 2"}
    assert visit_rows(into) == sorted(
        (row for desk in desk_journals(tmp_path) for row in visit_rows(desk)), key=repr)
    skipped_lines = [line for line in report.lines() if line.startswith("skipped ")]
    assert len(skipped_lines) == 5


def test_nothing_usable_creates_no_site_journal(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "junk.skranke").write_bytes(b"junk")
    into = tmp_path / "site.skranke"
    report = consolidate(into, [share])
    assert not report.ok and len(report.skipped) == 1
    assert not into.exists()


def test_missing_source_and_folder_target_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConsolidateError, match="does not exist"):
        consolidate(tmp_path / "site.skranke", [tmp_path / "offline"])
    with pytest.raises(ConsolidateError, match="is a folder"):
        consolidate(tmp_path, [tmp_path])
    assert not (tmp_path / "site.skranke").exists()


def test_target_written_by_newer_version_is_refused(tmp_path: Path,
                                                    snapshots: dict[str, Path]) -> None:
    into = tmp_path / "site.skranke"
    Journal(into).close()
    _newer_version(into)
    with pytest.raises(ConsolidateError, match="newer Skranke"):
        consolidate(into, [tmp_path / "new"])


def test_site_journal_inside_the_share_is_not_merged_into_itself(
        tmp_path: Path, snapshots: dict[str, Path]) -> None:
    into = tmp_path / "new" / "site.skranke"
    consolidate(into, [tmp_path / "new"])
    report = consolidate(into, [tmp_path / "new"])
    assert len(report.merged) == 2 and not report.skipped


def test_publish_temp_files_are_ignored(tmp_path: Path, snapshots: dict[str, Path]) -> None:
    copy_to(snapshots["Skranke 1 new"], tmp_path / "new" / "Skranke 1" / ".Skranke-1.ab12.tmp")
    copy_to(snapshots["Skranke 1 new"], tmp_path / "new" / "Skranke 1" / ".hidden.skranke")
    assert len(find_snapshots([tmp_path / "new"])) == 2


def test_inspect_reads_meta_without_changing_the_file(snapshots: dict[str, Path]) -> None:
    path = snapshots["Skranke 2 new"]
    before = path.read_bytes()
    problem, info = inspect(path)
    assert problem is None and info is not None
    meta = info.meta
    assert meta["desk"] == "Skranke 2" and meta["site"] == "Rådhuset" and meta["snapshot_utc"]
    assert path.read_bytes() == before


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute(
            "select name from sqlite_master where type = 'index' and tbl_name in ('visits', 'step_events')")}
    finally:
        conn.close()


def test_bulk_load_rebuilds_indexes_and_gives_the_same_result(
        tmp_path: Path, snapshots: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    normal = tmp_path / "normal.skranke"
    consolidate(normal, list(snapshots.values()))
    monkeypatch.setattr(consolidate_module, "BULK_ROWS", 1)
    bulk = tmp_path / "bulk.skranke"
    consolidate(bulk, list(snapshots.values()))
    assert state(bulk) == state(normal)
    assert weekly_tallies(bulk) == recounted_weekly_tallies(normal) and weekly_tallies(bulk)["tally_reasons"]
    assert _indexes(bulk) == _indexes(normal) and "visits_week_day" in _indexes(bulk)
    # a site journal keeps no index of change times (nothing reads it there); a snapshot does
    assert "visits_updated" not in _indexes(bulk) and "visits_updated" in _indexes(snapshots["Skranke 1 new"])
    assert _triggers(bulk) == _triggers(normal) == set(tally_tables.TRIGGERS)
    with Journal(bulk) as journal:
        assert journal.meta(DROPPED_INDEXES) == ""
        assert journal.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    # the next consolidation (not a bulk one) keeps the tallies current through the triggers
    monkeypatch.setattr(consolidate_module, "BULK_ROWS", 10**9)
    with Journal(tmp_path / "desks" / "Skranke 1.skranke", desk="Skranke 1", site="Rådhuset") as desk:
        change_desk(desk)
        later = publish_copy(desk, tmp_path / "later")
    consolidate(bulk, [later])
    assert weekly_tallies(bulk) == recounted_weekly_tallies(bulk)


def test_bulk_load_of_whole_snapshots_adds_their_tallies(
        tmp_path: Path, snapshots: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots whose visits are all new bring their own tally tables; the result equals
    counting every visit, and the triggers are back for the next writer."""
    monkeypatch.setattr(consolidate_module, "BULK_ROWS", 1)
    into = tmp_path / "bulk.skranke"
    report = consolidate(into, [tmp_path / "new"])
    assert len(report.merged) == 2 and all(m.new == m.size for m in report.merged)
    assert weekly_tallies(into) == recounted_weekly_tallies(into) and weekly_tallies(into)["tally_outcomes"]
    assert _triggers(into) == set(tally_tables.TRIGGERS)


def _triggers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("select name from sqlite_master where type = 'trigger'")}
    finally:
        conn.close()


def test_interrupted_bulk_load_gets_its_indexes_back(tmp_path: Path, snapshots: dict[str, Path]) -> None:
    into = tmp_path / "site.skranke"
    consolidate(into, [tmp_path / "old"])
    conn = sqlite3.connect(into)
    sql = conn.execute("select sql from sqlite_master where name = 'visits_week_day'").fetchone()[0]
    conn.execute("drop index visits_week_day")
    conn.execute("insert into meta values (?, ?)", (DROPPED_INDEXES, json.dumps([sql])))
    conn.commit()
    conn.close()
    consolidate(into, [tmp_path / "new"])
    assert "visits_week_day" in _indexes(into)
    assert weekly_tallies(into) == recounted_weekly_tallies(into)


def test_rows_written_with_old_timestamps_are_still_merged(tmp_path: Path, catalog: Catalog) -> None:
    """A newer snapshot is merged by its recent rows only; rows added with old timestamps
    (demo data, a clock put back) fail the count check and force a full comparison."""
    from deskapp.services import demo

    journal = make_desk(tmp_path / "desk.skranke", catalog, "A", "S", 21)
    share = tmp_path / "share"
    into = tmp_path / "site.skranke"
    try:
        publish_copy(journal, share)
        first = consolidate(into, [share]).merged[0]
        assert first.full_compare
        change_desk(journal)
        publish_copy(journal, share)
        quick = consolidate(into, [share]).merged[0]
        assert not quick.full_compare and (quick.new, quick.updated) == (2, 4)
        assert state(into) == state(journal.path)
        demo.generate(journal, catalog, weeks_back=2, seed=99, desk="A", site="S")  # old stamps
        publish_copy(journal, share)
        checked = consolidate(into, [share]).merged[0]
    finally:
        journal.close()
    assert checked.full_compare and checked.new > 0
    assert state(into) == state(tmp_path / "desk.skranke")


def test_pdf_report_of_a_site_names_each_desk_and_its_snapshot_age(
        tmp_path: Path, snapshots: dict[str, Path], catalog: Catalog) -> None:
    import pypdf

    from deskapp.services.exports.registry import run_export
    from deskapp.services.exports.request import ExportRequest

    into = tmp_path / "site.skranke"
    consolidate(into, [snapshots["Skranke 1 new"], snapshots["Skranke 2 new"]])
    out = tmp_path / "rapport.pdf"
    with Journal(into) as site:
        site.db.execute("update meta set value = ? where key = 'snapshot:Rådhuset/Skranke 2'",
                        [weeks.stamp(weeks.now_utc() - timedelta(days=9))])
        run_export(site, catalog, ExportRequest("tallies", "pdf", weeks.week_range(weeks.shift_week(
            weeks.this_week(), -3), weeks.this_week()), out))
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "Rådhuset/Skranke 1:" in text and "(0 dage)" in text
    assert "Rådhuset/Skranke 2:" in text and "(9 dage) – ældre end en uge!" in text
