"""Merge desk snapshots into one site journal: idempotent, in any order, and safe against
forged, doctored, hostile or damaged files on the shared folder.

Every desk user can write to the shared folder, so each file is checked before anything of
it is believed (the SQL lives in ``deskapp.services.journal``: ``snapshot_check``,
``merge``, ``merge_target``, ``site_desks``):

1. Read defensively (``snapshot_check.inspect``): size limits, a real Skranke journal of a
   known schema, real tables with the expected columns, no views, no foreign triggers; an
   unsigned file gets a full ``integrity_check``.
2. Authenticity (``signing``): a signed snapshot's signature must cover every byte; the
   site journal pins each desk id's key the first time (trust on first use) and refuses a
   snapshot of that desk signed by another key, or unsigned, from then on
   (``deskapp trust reset`` re-trusts a replaced PC). An unsigned snapshot (an older
   Skranke) is merged, with a warning, only for a desk id that has never sent a signed one.
3. Bounded time: a snapshot dated more than ``SKEW`` in this PC's future is refused; so is
   every row dated after the snapshot's own time (plus ``SKEW``) or before 2020.
4. A snapshot only adds or changes rows of its own desk id; others are refused and counted.
5. Each snapshot is merged in its own savepoint: a bad one is skipped with its reason and
   every good one is still merged. Tallies are counted from the merged rows.
6. The site journal is checked (``quick_check``) before the first commit; a damaged one is
   refused and left unchanged.

Labels: a desk is its desk id; its name and site are labels, those of its newest snapshot,
written on all its rows in the site journal (two desks with the same labels get their
desk id's first digits added, so they never merge as one).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from deskapp.services import consolidate_labels as labels
from deskapp.services import signing, weeks
from deskapp.services.consolidate_intake import (
    SKEW,
    Candidate,
    ConsolidateError,
    Identity,
    damaged,
    find_snapshots,
    trusted,
)
from deskapp.services.consolidate_intake import candidate as read_candidate
from deskapp.services.consolidate_report import (
    STALE_AFTER,
    ConsolidationReport,
    MergedSnapshot,
    SkippedFile,
)
from deskapp.services.journal import (
    Journal,
    JournalError,
    merge,
    merge_plan,
    merge_target,
    site_desks,
    tally_tables,
)
from deskapp.services.journal.recount import odd_rows, odd_steps, recount

GROUP = 10  # snapshots attached at once: all SQLite allows (SQLITE_MAX_ATTACHED is 10)
BULK_ROWS = 50_000  # from this many incoming visits into an empty journal: rebuild indexes once
T = TypeVar("T")

__all__ = ["STALE_AFTER", "ConsolidateError", "ConsolidationReport", "MergedSnapshot", "SkippedFile",
           "consolidate", "find_snapshots"]


def consolidate(
    into_path: Path | str,
    sources: Iterable[Path | str],
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    retention_days: int | None = None,
    signed_only: bool = False,
) -> ConsolidationReport:
    """Merge every snapshot found in ``sources`` into the journal at ``into_path``;
    ``retention_days``: the site journal's own retention (notes of older visits erased)."""
    into_path = Path(into_path)
    if into_path.is_dir():
        raise ConsolidateError(f"{into_path} is a folder; give the site journal's file name")
    snapshots = find_snapshots(sources)
    now = now or weeks.now_utc()
    report = ConsolidationReport(into_path, retention_days=retention_days)
    problem = merge_target.header_problem(into_path)
    if problem:
        raise ConsolidateError(damaged(into_path, problem))
    known = merge_target.known_desks(into_path)
    target_real = into_path.resolve()
    candidates = []
    for snapshot in snapshots:
        if snapshot.resolve() == target_real:
            continue
        found = read_candidate(snapshot, now, report)
        if found:
            candidates.append(found)
    candidates = trusted(candidates, known, signed_only, report)
    if not candidates:
        return report  # nothing to merge: the site journal is not even created
    if merge_target.needs_migration(into_path):
        problem = merge_target.quick_check(into_path)  # before the migration writes
        if problem:
            raise ConsolidateError(damaged(into_path, problem))
    try:
        Journal(into_path).close()  # create or migrate; refuses newer or foreign files
    except JournalError as exc:
        raise ConsolidateError(str(exc)) from exc
    workers = _workers(candidates, known)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="consolidate") as pool:
        try:
            _run(into_path, candidates, known, report, now, pool, progress)
        finally:
            for candidate in candidates:  # nothing left running on a file after an error
                for future in (candidate.verified, candidate.recounted, candidate.odd,
                               candidate.odd_steps):
                    if future is not None:
                        future.cancel()
    return report


def _first_merge(c: Candidate, known: dict[str, site_desks.SiteDesk]) -> bool:
    return c.desk_id not in known or known[c.desk_id].state is None


def _workers(candidates: list[Candidate], known: dict[str, site_desks.SiteDesk]) -> int:
    """Worker threads beside the merge (SQLite works without Python's lock): two check
    signatures and the site journal at once; the tests and counts of desks merged for the
    first time keep one busy all along, and on 2 cores a second would only take processor
    time from the merge itself (measured from scratch: 26-28 s with one, 29-32 s with two)."""
    if (os.cpu_count() or 2) <= 2 and any(_first_merge(c, known) for c in candidates):
        return 1
    return 2


def _run(into_path: Path, candidates: list[Candidate], known: dict[str, site_desks.SiteDesk],
         report: ConsolidationReport, now: datetime, pool: ThreadPoolExecutor,
         progress: Callable[[int, int], None] | None) -> None:
    conn = merge_target.open_target(into_path)
    try:
        merge_target.restore_indexes(conn)  # after an interrupted bulk run
        existing = merge_target.count_visits(conn)
        checked: Future[str | None] | None = None
        plans = labels.plan_labels(candidates, known)
        cutoff = _cutoff(report.retention_days, now)
        incoming = sum(c.info.visits for c in candidates)
        bulk = incoming >= BULK_ROWS and existing * 4 < incoming
        if bulk and existing:
            # A bulk load writes before its first group (rollback journal, indexes dropped
            # and committed), and in that mode its write lock keeps a later reader out: the
            # site journal is checked first, here (it is small beside what comes in).
            problem = merge_target.quick_check(into_path)
            if problem:
                raise ConsolidateError(damaged(into_path, problem))
        # The workers' jobs in the order the merge needs them: each snapshot's signature and
        # (a desk's first snapshot) its tests and counts; the site journal's check before the
        # first group is committed.
        for number, c in enumerate(candidates):
            if existing and not bulk and number == min(GROUP, len(candidates)) - 1:
                checked = pool.submit(merge_target.quick_check, into_path)
            if c.trailer is not None:
                c.verified = pool.submit(signing.verify, c.path, c.trailer)
            if _first_merge(c, known):
                params = merge_plan.Plan(**_plan_args(c, plans, cutoff, "s")).params()
                c.odd = pool.submit(_on_file, odd_rows, c.path, c.info.columns["visits"], params)
                c.recounted = pool.submit(_on_file, recount, c.path, c.info.columns["visits"], params)
                c.odd_steps = pool.submit(_on_file, odd_steps, c.path, params)
        if bulk:
            with contextlib.suppress(sqlite3.OperationalError):  # someone reads it: stay in WAL
                conn.execute("pragma journal_mode = delete")  # new pages need no second copy
            merge_target.drop_indexes(conn)
        try:
            for first in range(0, len(candidates), GROUP):
                if progress:
                    progress(first, len(candidates))
                group = candidates[first:first + GROUP]
                _merge_group(conn, into_path, group, plans, cutoff, report, now, checked)
                checked = None
            _finish(conn, into_path, known, plans, existing, report, cutoff)
        finally:
            if bulk:
                merge_target.restore_indexes(conn)
                conn.execute("pragma journal_mode = wal")
        # One checkpoint at the end writes each changed page into the file once, however
        # many groups changed it (the automatic one would run after every group).
        conn.execute("pragma main.wal_checkpoint(truncate)")
        if progress:
            progress(len(candidates), len(candidates))
    except sqlite3.DatabaseError as exc:
        raise ConsolidateError(_target_failure(into_path, exc)) from exc
    finally:
        conn.close()


def _identity(path: Path) -> Identity | None:
    try:
        return _identity_of(os.stat(path))
    except OSError:
        return None


def _identity_of(status: os.stat_result) -> Identity:
    return status.st_ino, status.st_size, status.st_mtime_ns


def _on_file(job: Callable[..., T], path: Path, *args: Any) -> tuple[Identity | None, T]:
    """A worker's job on a snapshot, and the file it read (None: the file changed meanwhile).
    The worker opens the file itself: the shared folder may put another one in its place."""
    before = _identity(path)
    result = job(path, *args)
    return (before if _identity(path) == before else None), result


class _Read:
    """A worker's result (see _on_file), believed only for the very file the merge attached;
    otherwise None, as for a job that failed: the merge then tests and counts itself."""

    def __init__(self, future: Future[tuple[Identity | None, Any]], attached: Identity | None):
        self.future, self.attached = future, attached

    def result(self) -> Any:
        read, value = self.future.result()
        return value if read is not None and read == self.attached else None


def _believed(future: Future[tuple[Identity | None, Any]] | None, c: Candidate) -> _Read | None:
    return _Read(future, c.attached) if future is not None else None


def _target_failure(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc).lower()
    if "malformed" in text or "corrupt" in text or "not a database" in text:
        return damaged(path, str(exc))
    return f"the site journal {path} cannot be written ({exc}); it was not changed"


def _cutoff(days: int | None, now: datetime) -> str:
    return weeks.stamp(now - timedelta(days=days)) if days is not None else ""


def _plan_args(c: Candidate, plans: labels.Labels, cutoff: str, alias: str) -> dict[str, Any]:
    desk, site = plans.get(c.desk_id, (c.desk, c.site)) if c.desk_id else (c.desk, c.site)
    keep_from = max(cutoff, c.info.purged_before or "")
    latest = weeks.stamp(weeks.parse_stamp(c.snapshot_utc) + SKEW)
    return {"alias": alias, "desk_id": c.desk_id, "desk": desk, "site": site, "claim_desk": c.desk,
            "claim_site": c.site, "snapshot_utc": c.snapshot_utc, "latest": latest,
            "size": c.info.visits, "columns": c.info.columns,
            "has_updated_index": c.info.has_updated_index, "keep_notes_from": keep_from}


def _merge_group(conn: sqlite3.Connection, into_path: Path, group: list[Candidate], plans: labels.Labels,
                 cutoff: str, report: ConsolidationReport, now: datetime,
                 checked: Future[str | None] | None) -> None:
    """Merge up to GROUP snapshots in one transaction (pages of the site journal are
    written once per group, not once per snapshot); each snapshot in its own savepoint."""
    aliases: list[str] = []
    try:
        for c in group:
            alias = f"snap{len(aliases)}"
            before = _identity(c.path)
            merge_target.attach(conn, c.path, alias)
            c.attached = before if _identity(c.path) == before else None
            aliases.append(alias)
        conn.execute("begin immediate")
        try:
            merge_target.drop_change_index(conn)
            # The tally tables are kept by set-based counts (see merge), not visit by
            # visit; the triggers are back before anything is committed.
            tally_tables.drop_triggers(conn)
            tally_tables.start_capture(conn)
            desks = site_desks.load(conn)
            whole: list[dict[str, list[tuple[Any, ...]]]] = []
            for alias, c in zip(aliases, group, strict=True):
                merged = _merge_one(conn, alias, c, desks, plans, cutoff, report, whole)
                if merged:
                    merged.stale = now - weeks.parse_stamp(c.snapshot_utc) > STALE_AFTER
                    report.merged.append(merged)
            tally_tables.add_counts(conn, tally_tables.summed(whole))
            tally_tables.stop_capture(conn)
            tally_tables.create_triggers(conn)
            if checked is not None:
                problem = checked.result()
                if problem:
                    raise ConsolidateError(damaged(into_path, problem))
            conn.execute("commit")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                conn.execute("rollback")
            raise
    finally:
        for alias in aliases:
            merge_target.detach(conn, alias)


def _merge_one(conn: sqlite3.Connection, alias: str, c: Candidate, desks: dict[str, site_desks.SiteDesk],
               plans: labels.Labels, cutoff: str, report: ConsolidationReport,
               whole: list[dict[str, list[tuple[Any, ...]]]]) -> MergedSnapshot | None:
    """Merge one snapshot in its own savepoint; the whole-journal tally rows it counted
    are appended to ``whole`` once it is merged (added for the group)."""
    def skip(reason: str) -> None:
        report.skipped.append(SkippedFile(c.path, reason))

    if c.verified is not None:
        try:
            status = c.verified.result()
        except (OSError, signing.SignatureProblem) as exc:
            skip(f"refused: {exc}")
            return None
        verified = _identity_of(status)
        if _identity(c.path) != verified or c.attached != verified:  # the file hashed is the one read
            skip("refused: the file was replaced while it was being read; consolidate again")
            return None
    args = _plan_args(c, plans, cutoff, alias)
    merged = MergedSnapshot(path=c.path, desk=args["desk"], site=args["site"], snapshot_utc=c.snapshot_utc,
                            desk_id=c.desk_id, size=c.info.visits, signed=c.trailer is not None,
                            label_dropped=c.label_dropped)
    desk = desks.get(c.desk_id) if c.desk_id else None
    legacy_key = f"{c.site}/{c.desk}"
    state = desk.state if desk else (None if c.desk_id else merge.load_legacy_state(conn, legacy_key))
    if state and state.get("snapshot_utc") == c.snapshot_utc:  # this very snapshot was merged before
        merged.unchanged = merged.size
        return merged
    plan = merge_plan.Plan(**args, state=state, recount=_believed(c.recounted, c), odd=_believed(c.odd, c),
                           odd_steps=_believed(c.odd_steps, c))
    conn.execute("savepoint one")
    try:
        counts, new_state = merge.merge_snapshot(conn, plan)
    except sqlite3.DatabaseError as exc:
        if not conn.in_transaction:  # SQLite gave up the whole transaction: nothing to skip to
            raise
        conn.execute("rollback to one")
        conn.execute("release one")
        if isinstance(exc, sqlite3.OperationalError) and merge_target.target_problem(exc):
            raise
        skip(f"damaged while reading ({exc})")
        return None
    for name, value in vars(counts).items():
        setattr(merged, name, value)
    if c.desk_id:
        desk = desk or site_desks.SiteDesk(c.desk_id, None, None, "", "", None, None, None)
        if c.pins:
            desk.public_key = c.trailer.public_hex if c.trailer else None
            desk.pinned_utc = weeks.stamp(weeks.now_utc())
            merged.pinned_now = signing.fingerprint(desk.public_key or "00")
        if new_state is not None:
            desk.state, desk.snapshot_utc = new_state, c.snapshot_utc
            desk.desk, desk.site = c.desk, c.site
            desk.purged_before = c.info.purged_before
        site_desks.save(conn, desk)
        desks[c.desk_id] = desk
    elif new_state is not None:
        merge.save_legacy_state(conn, legacy_key, new_state)
    merge_target.mark_merged(conn, f"{args['site']}/{args['desk']}", c.snapshot_utc)
    conn.execute("release one")
    whole.append(plan.whole_tallies)
    return merged


def _finish(conn: sqlite3.Connection, into_path: Path, known: dict[str, site_desks.SiteDesk],
            plans: labels.Labels, existing: int, report: ConsolidationReport, cutoff: str) -> None:
    """One last transaction: every desk's rows carry its current labels, and the site
    journal's own retention erases notes of visits older than its limit."""
    conn.execute("begin immediate")
    try:
        tally_tables.drop_triggers(conn)
        tally_tables.start_capture(conn)
        desks = site_desks.load(conn)
        final = labels.final_labels(desks)
        before = labels.final_labels(known)
        moved = {d: final[d] for d in final
                 if final[d] != plans.get(d) or (existing and final[d] != before.get(d))}
        if moved:
            merge.relabel_all(conn, moved)
            merge_target.rename_marks(conn, {d: before.get(d) or plans.get(d) for d in moved}, moved,
                                      {d: desks[d].snapshot_utc for d in moved})
        if cutoff:
            conn.execute("pragma secure_delete = on")
            report.notes_erased = merge.erase_notes(conn, cutoff)
        report.notes_erased += sum(m.notes_erased for m in report.merged)
        if report.notes_erased:
            merge_target.log_purge(conn, report.retention_days or 0, report.notes_erased)
        tally_tables.stop_capture(conn)
        tally_tables.create_triggers(conn)
        conn.execute("commit")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("rollback")
        raise
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("pragma secure_delete = off")
