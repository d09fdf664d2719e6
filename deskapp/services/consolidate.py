"""Merge desk snapshots into one site journal, idempotently and in any order.

Each snapshot is checked read-only (it must be a Skranke journal of a schema version this
code understands, whole, not truncated), then ATTACHed to the site journal and merged in
one transaction with plain SQL:

- visits and coaching sessions by id: the newest ``updated_utc`` wins; on a tie a deleted
  row wins over a live one (so an undo is never lost), otherwise the existing row stays;
- step events by id, never changed once written;
- visit history rows deduplicated by (visit, time, action);
- imported digital counts by (week, errand, source): the newest ``imported_utc`` wins.

Running the same merge twice changes nothing, and the order of the snapshots does not
change the result. A snapshot that cannot be used is skipped with a reason and the others
still merge.

Speed: up to GROUP snapshots share one transaction; a snapshot already merged (same desk,
site and snapshot time, kept in ``meta``) is not read again; a newer snapshot of a desk is
read from its ``updated_utc`` index, only the rows changed since the previous one, after a
count check (see ``_merge_visits``); a bulk load into an (almost) empty site journal builds
the secondary indexes once at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from deskapp.services import weeks
from deskapp.services.journal import Journal, JournalError, tally_tables
from deskapp.services.journal.connect import open_reader, sqlite_uri
from deskapp.services.journal.migrations import APPLICATION_ID, DROPPED_INDEXES, SCHEMA_VERSION
from deskapp.services.publish import SNAPSHOT_SUFFIX

STALE_AFTER = timedelta(days=7)
GROUP = 10  # snapshots attached at once: all SQLite allows (SQLITE_MAX_ATTACHED is 10)
BULK_ROWS = 50_000  # from this many incoming visits into an empty journal: rebuild indexes once
SORT_CACHE_KB = -16384  # page cache while the indexes are rebuilt (see _restore_indexes)
REQUIRED = {"visits": {"id", "updated_utc", "deleted_utc"},
            "step_events": {"id", "visit_id"},
            "visit_history": {"visit_id", "at_utc", "action"},
            "digital_counts": {"week", "errand", "source", "imported_utc"},
            "coaching_sessions": {"id", "updated_utc", "deleted_utc"},
            "meta": {"key", "value"}}
# A row from the snapshot replaces the existing one when it is newer; on a tie a deletion wins.
NEWER = ("(excluded.updated_utc > {t}.updated_utc or (excluded.updated_utc = {t}.updated_utc "
         "and coalesce(excluded.deleted_utc, '') > coalesce({t}.deleted_utc, '')))")


class ConsolidateError(Exception):
    """The consolidation cannot start (target unusable, no sources); a plain message."""


@dataclass
class MergedSnapshot:
    path: Path
    desk: str
    site: str
    snapshot_utc: str | None
    size: int = 0  # visits in the snapshot, counted once by inspect() (snapshots never change)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    step_events_new: int = 0
    history_new: int = 0
    digital_changed: int = 0
    coaching_changed: int = 0
    stale: bool = False
    full_compare: bool = False  # every visit compared (first merge of a desk, or a check failed)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass
class SkippedFile:
    path: Path
    reason: str


@dataclass
class ConsolidationReport:
    into: Path
    merged: list[MergedSnapshot] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.merged)

    def lines(self) -> list[str]:
        """The report as plain lines (command line, dialog, log)."""
        out = []
        for m in self.merged:
            taken = _short_time(m.snapshot_utc)
            line = (f"{m.site}/{m.desk}: {m.new} new, {m.updated} updated, {m.unchanged} unchanged "
                    f"visits; snapshot taken {taken} ({m.path})")
            out.append(line)
            if m.stale:
                out.append(f"warning: the snapshot of {m.site}/{m.desk} is more than "
                           f"{STALE_AFTER.days} days old ({taken}); is that desk still publishing?")
        for s in self.skipped:
            out.append(f"skipped {s.path}: {s.reason}")
        new = sum(m.new for m in self.merged)
        updated = sum(m.updated for m in self.merged)
        out.append(f"merged {len(self.merged)} snapshot(s) into {self.into}: {new} new, "
                   f"{updated} updated visits; {len(self.skipped)} file(s) skipped")
        return out


def find_snapshots(sources: Iterable[Path | str]) -> list[Path]:
    """Every ``*.skranke`` file under the given folders (recursively) plus the given files.

    Hidden temporary files of a publish in progress are ignored. Raises ConsolidateError
    for a source that does not exist.
    """
    found: dict[Path, None] = {}
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for candidate in sorted(path.rglob("*" + SNAPSHOT_SUFFIX)):
                if candidate.is_file() and not candidate.name.startswith("."):
                    found[candidate] = None
        elif path.is_file():
            found[path] = None
        else:
            raise ConsolidateError(f"{path} does not exist (or the shared folder is offline)")
    return list(found)


def consolidate(
    into_path: Path | str,
    sources: Iterable[Path | str],
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ConsolidationReport:
    """Merge every snapshot found in ``sources`` into the journal at ``into_path``."""
    into_path = Path(into_path)
    if into_path.is_dir():
        raise ConsolidateError(f"{into_path} is a folder; give the site journal's file name")
    snapshots = find_snapshots(sources)
    report = ConsolidationReport(into_path)
    target_real = into_path.resolve()
    usable: list[tuple[Path, dict]] = []
    for snapshot in snapshots:
        if snapshot.resolve() == target_real:
            continue
        problem, info = inspect(snapshot)
        if problem:
            report.skipped.append(SkippedFile(snapshot, problem))
        else:
            usable.append((snapshot, info))
    if not usable:
        return report  # nothing to merge: the site journal is not even created
    try:
        Journal(into_path).close()  # create or migrate; refuses newer or foreign files
    except JournalError as exc:
        raise ConsolidateError(str(exc)) from exc
    now = now or weeks.now_utc()
    conn = _open_target(into_path)
    try:
        _restore_indexes(conn)  # after an interrupted bulk run
        incoming = sum(info["visits"] for _path, info in usable)
        existing = conn.execute("select count(*) from main.visits").fetchone()[0]
        bulk = incoming >= BULK_ROWS and existing * 4 < incoming
        if bulk:
            with contextlib.suppress(sqlite3.OperationalError):  # someone reads it: stay in WAL
                conn.execute("pragma journal_mode = delete")  # new pages need no second copy
            _drop_indexes(conn)
        try:
            for first in range(0, len(usable), GROUP):
                if progress:
                    progress(first, len(usable))
                _merge_group(conn, into_path, usable[first:first + GROUP], report, now)
        finally:
            if bulk:
                _restore_indexes(conn)
                conn.execute("pragma journal_mode = wal")
        # One checkpoint at the end writes each changed page into the file once, however
        # many groups changed it (the automatic one would run after every group).
        conn.execute("pragma main.wal_checkpoint(truncate)")
        if progress:
            progress(len(usable), len(usable))
    except sqlite3.OperationalError as exc:
        raise ConsolidateError(f"the site journal {into_path} cannot be written ({exc})") from exc
    finally:
        conn.close()
    return report


def _drop_indexes(conn: sqlite3.Connection) -> None:
    """Loading many rows into a (nearly) empty site journal: building the secondary
    indexes once at the end is much faster than updating them row by row. Their
    definitions are kept in ``meta`` in the same transaction, so an interrupted run
    restores them."""
    rows = conn.execute(
        "select name, sql from main.sqlite_master where type = 'index' "
        "and tbl_name in ('visits', 'step_events') and sql is not null").fetchall()
    conn.execute("begin immediate")
    conn.execute("insert or replace into main.meta (key, value) values (?, ?)",
                 (DROPPED_INDEXES, json.dumps([sql for _name, sql in rows])))
    for name, _sql in rows:
        conn.execute(f'drop index main."{name}"')
    conn.execute("commit")


def _restore_indexes(conn: sqlite3.Connection) -> None:
    row = conn.execute("select value from main.meta where key = ?", (DROPPED_INDEXES,)).fetchone()
    if not row:
        return
    # SQLite's sorter works on helper threads only when it sorts in chunks that it merges
    # afterwards; a large page cache makes it sort everything in one chunk, on one core.
    cache = conn.execute("pragma cache_size").fetchone()[0]
    try:
        conn.execute(f"pragma cache_size = {SORT_CACHE_KB}")
        conn.execute("begin immediate")
        for sql in json.loads(row[0]):
            conn.execute(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        conn.execute("delete from main.meta where key = ?", (DROPPED_INDEXES,))
        conn.execute("commit")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("rollback")
        raise
    finally:
        conn.execute(f"pragma cache_size = {cache}")


def _merge_group(conn: sqlite3.Connection, into_path: Path, group: list[tuple[Path, dict]],
                 report: ConsolidationReport, now: datetime) -> None:
    """Merge up to GROUP snapshots in one transaction (pages of the site journal are
    written once per group, not once per snapshot); each snapshot in its own savepoint."""
    aliases: list[str] = []
    try:
        for snapshot, _info in group:
            alias = f"snap{len(aliases)}"
            conn.execute(f"attach database ? as {alias}", (sqlite_uri(snapshot, "ro", immutable=True),))
            aliases.append(alias)
            conn.execute(f"pragma {alias}.mmap_size = 1073741824")
        conn.execute("begin immediate")
        try:
            # The tally tables are kept by set-based counts below (see _upsert_visits), not
            # visit by visit; the triggers are back before anything is committed.
            tally_tables.drop_triggers(conn)
            tally_tables.start_capture(conn)
            for alias, (snapshot, info) in zip(aliases, group, strict=True):
                merged = _merge_one(conn, into_path, alias, snapshot, info, report)
                if merged:
                    taken = weeks.parse_stamp(merged.snapshot_utc or info["snapshot_utc"])
                    merged.stale = now - taken > STALE_AFTER
                    report.merged.append(merged)
            tally_tables.stop_capture(conn)
            tally_tables.create_triggers(conn)
            conn.execute("commit")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                conn.execute("rollback")
            raise
    except sqlite3.OperationalError as exc:
        raise ConsolidateError(f"the site journal {into_path} cannot be written ({exc})") from exc
    finally:
        for alias in aliases:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f"detach database {alias}")


def _merge_one(conn: sqlite3.Connection, into_path: Path, alias: str, snapshot: Path, info: dict,
               report: ConsolidationReport) -> MergedSnapshot | None:
    if not info.get("snapshot_utc"):  # a plain journal copied by hand: use the file time
        modified = datetime.fromtimestamp(snapshot.stat().st_mtime, UTC)
        info["snapshot_utc"] = weeks.stamp(modified)
    desk = info.get("desk") or snapshot.stem
    site = info.get("site") or snapshot.parent.name
    merged = MergedSnapshot(snapshot, desk, site, info["snapshot_utc"], size=info["visits"])
    seen = conn.execute("select value from main.meta where key = ?", (_meta_key(merged),)).fetchone()
    if seen and seen[0] == merged.snapshot_utc:  # this very snapshot was merged before
        merged.unchanged = merged.size
        return merged
    conn.execute("savepoint one")
    try:
        _merge_tables(conn, alias, merged, info)
    except sqlite3.DatabaseError as exc:
        conn.execute("rollback to one")
        conn.execute("release one")
        if isinstance(exc, sqlite3.OperationalError) and _target_problem(exc):
            raise
        report.skipped.append(SkippedFile(snapshot, f"damaged while reading ({exc})"))
        return None
    conn.execute("release one")
    return merged


def inspect(path: Path) -> tuple[str | None, dict]:
    """Check a snapshot read-only. Returns (reason to skip, None if usable; its meta)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", {}
    if not header.startswith(b"SQLite format 3\x00"):
        return "not a Skranke journal (not an SQLite database)", {}
    try:
        conn = open_reader(path, immutable=True)
    except sqlite3.Error as exc:
        return f"cannot be opened ({exc})", {}
    try:
        app_id = conn.execute("pragma application_id").fetchone()[0]
        version = conn.execute("pragma user_version").fetchone()[0]
        page_size = conn.execute("pragma page_size").fetchone()[0]
        pages = conn.execute("pragma page_count").fetchone()[0]
        if app_id != APPLICATION_ID:
            return "not a Skranke journal (another program's SQLite file)", {}
        if version > SCHEMA_VERSION:
            return (f"written by a newer Skranke (schema {version}, this version reads up to "
                    f"{SCHEMA_VERSION}); update Skranke on this PC"), {}
        if size < page_size * pages:
            return f"damaged: the file is truncated ({size} of {page_size * pages} bytes)", {}
        for table, needed in REQUIRED.items():
            have = {row[1] for row in conn.execute(f"pragma table_info({table})")}
            if not needed <= have:
                return f"damaged or incomplete: table {table} is missing or lacks columns", {}
        meta = dict(conn.execute("select key, value from meta").fetchall())
        meta["visits"] = conn.execute("select count(*) from visits").fetchone()[0]
        meta["step_events"] = conn.execute("select count(*) from step_events").fetchone()[0]
        meta["schema"] = version
    except sqlite3.DatabaseError as exc:
        return f"damaged ({exc})", {}
    finally:
        conn.close()
    return None, meta


def _target_problem(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("locked", "busy", "full", "readonly", "read-only"))


def _open_target(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(sqlite_uri(path, "rw"), uri=True, isolation_level=None, timeout=10.0)
    conn.execute("pragma busy_timeout = 10000")
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = normal")
    conn.execute("pragma wal_autocheckpoint = 0")  # checkpointed once at the end
    conn.execute("pragma cache_size = -262144")  # 256 MB: keeps the id index in memory
    conn.execute("pragma mmap_size = 4294967296")  # reads without a system call per page
    # Index builds (the bulk load) sort on helper threads on the other cores; SQLite uses
    # them only with its temporary files on disk (temp_store = memory turns them off).
    conn.execute(f"pragma threads = {min(4, os.cpu_count() or 1)}")
    return conn


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"pragma {schema}.table_info({table})")]


def _meta_key(merged: MergedSnapshot) -> str:
    return f"snapshot:{merged.site}/{merged.desk}"


def _merge_tables(conn: sqlite3.Connection, alias: str, merged: MergedSnapshot, info: dict) -> None:
    key, state = _load_state(conn, merged)
    newer = state is None or (merged.snapshot_utc or "") > state["snapshot_utc"]
    quick = state if state is not None and newer else None
    _merge_visits(conn, alias, merged, quick, own_tallies=info.get("schema") == SCHEMA_VERSION)
    merged.coaching_changed = _upsert_newest(conn, alias, "coaching_sessions")
    _merge_step_events(conn, alias, merged, quick)

    _merge_history(conn, alias, merged, quick)

    merged.digital_changed = conn.execute(
        f"""insert into main.digital_counts (week, errand, source, count, imported_utc)
           select week, errand, source, count, imported_utc from {alias}.digital_counts where true
           on conflict(week, errand, source) do update set count = excluded.count,
               imported_utc = excluded.imported_utc
           where excluded.imported_utc > digital_counts.imported_utc
              or (excluded.imported_utc = digital_counts.imported_utc
                  and excluded.count > digital_counts.count)"""
    ).rowcount

    conn.execute(
        """insert into main.meta (key, value) values (?, ?)
           on conflict(key) do update set value = excluded.value
           where excluded.value > meta.value""",
        (_meta_key(merged), merged.snapshot_utc),
    )
    if newer:
        _save_state(conn, alias, key, merged)


def _one(conn: sqlite3.Connection, sql: str, *params: object) -> Any:
    # fetchall finishes the statement: one left running would lock the tables it read
    return conn.execute(sql, params).fetchall()[0][0]


def _merge_visits(conn: sqlite3.Connection, alias: str, merged: MergedSnapshot,
                  state: dict | None, own_tallies: bool) -> None:
    """Upsert the snapshot's visits and count new, updated and unchanged ones.

    With ``state`` (a newer snapshot of a desk merged before) only the rows changed since
    then are read: the rows up to the previous snapshot's newest ``updated_utc`` are that
    snapshot's rows, already merged. That is checked by counting (older rows + rows changed
    since that already existed must equal the previous snapshot's size); if it does not add
    up (a clock put back, a journal restored or replaced) every row is compared after all.
    """
    total = merged.size
    # Nothing is ever deleted from a journal, so a new row always gets rowid max + 1: the
    # growth of max(rowid) counts the new visits and the remaining changes are updates.
    top = _one(conn, "select coalesce(max(rowid), 0) from main.visits")
    if state:
        since = state["max_updated"]
        changed = _upsert_visits(conn, alias, merged, since, own_tallies)
        recent = _one(conn, f"select count(*) from {alias}.visits where updated_utc > ?", since)
        older = _one(conn, f"select count(*) from {alias}.visits where updated_utc <= ?", since)
        new = _one(conn, "select coalesce(max(rowid), 0) from main.visits") - top
        if older + recent - new != state["visits"]:
            changed += _upsert_visits(conn, alias, merged, None, own_tallies)
            merged.full_compare = True
    else:
        changed = _upsert_visits(conn, alias, merged, None, own_tallies)
        merged.full_compare = True
    merged.new = _one(conn, "select coalesce(max(rowid), 0) from main.visits") - top
    merged.updated = changed - merged.new
    merged.unchanged = total - changed


def _upsert_visits(conn: sqlite3.Connection, alias: str, merged: MergedSnapshot, since: str | None,
                   own_tallies: bool) -> int:
    """Upsert visits (see _upsert_newest) and keep the weekly tally tables: the old values
    of replaced rows (kept by the capture trigger) are taken away and the rows written are
    added; when every row of the snapshot was new, its own tally tables are added instead
    (the same counts, kept by its triggers, without grouping its visits again)."""
    top = _one(conn, "select coalesce(max(rowid), 0) from main.visits")
    conn.execute("delete from temp.replaced")
    changed = _upsert_newest(conn, alias, "visits", since)
    new = _one(conn, "select coalesce(max(rowid), 0) from main.visits") - top
    whole = own_tallies and new == changed == merged.size
    tally_tables.count_changes(conn, top, written=not whole)
    if whole:
        tally_tables.add_tables(conn, alias)
    return changed


def _merge_step_events(conn: sqlite3.Connection, alias: str, merged: MergedSnapshot,
                       state: dict | None) -> None:
    """Step events never change: add the missing ones. For a newer snapshot of a desk, the
    events up to the previous snapshot's mark are that snapshot's (checked by count)."""
    cols = ", ".join(_shared_columns(conn, alias, "step_events"))
    where, params = "true", ()
    if state and "events_before" in state:
        since = state["max_updated"]
        if _one(conn, f"select count(*) from {alias}.step_events where at_utc <= ?",
                since) == state["events_before"]:
            where, params = "at_utc > ?", (since,)
    top = _one(conn, "select coalesce(max(rowid), 0) from main.step_events")
    merged.step_events_new = conn.execute(
        f"insert into main.step_events ({cols}) select {cols} from {alias}.step_events "
        f"where {where} order by id on conflict(id) do nothing", params).rowcount
    tally_tables.count_steps(conn, "(select * from main.step_events where rowid > ?)", (top,))


def _merge_history(conn: sqlite3.Connection, alias: str, merged: MergedSnapshot,
                   state: dict | None) -> None:
    """History rows are added once, recognised by (visit, time, action); for a newer
    snapshot of a desk only those after the previous snapshot's mark (checked by count)."""
    where, params = "true", ()
    if state and "history_before" in state:
        since = state["max_updated"]
        if _one(conn, f"select count(*) from {alias}.visit_history where at_utc <= ?",
                since) == state["history_before"]:
            where, params = "s.at_utc > ?", (since,)
    merged.history_new = conn.execute(
        f"""insert into main.visit_history (visit_id, at_utc, action, before)
           select s.visit_id, s.at_utc, s.action, min(s.before) from {alias}.visit_history s
           where {where} and not exists (
               select 1 from main.visit_history m where m.visit_id = s.visit_id
               and m.at_utc is s.at_utc and m.action is s.action)
           group by s.visit_id, s.at_utc, s.action""", params).rowcount


def _load_state(conn: sqlite3.Connection, merged: MergedSnapshot) -> tuple[str, dict | None]:
    key = "merge_state:" + _meta_key(merged).split(":", 1)[1]
    row = conn.execute("select value from main.meta where key = ?", (key,)).fetchone()
    return key, json.loads(row[0]) if row else None


def _save_state(conn: sqlite3.Connection, alias: str, key: str, merged: MergedSnapshot) -> None:
    """Remember the newest snapshot of this desk: its time, newest change and sizes."""
    newest = _one(conn, f"select coalesce(max(updated_utc), '') from {alias}.visits")
    value = json.dumps({
        "snapshot_utc": merged.snapshot_utc,
        "max_updated": newest,
        "visits": merged.size,
        "events_before": _one(conn, f"select count(*) from {alias}.step_events where at_utc <= ?",
                              newest),
        "history_before": _one(conn, f"select count(*) from {alias}.visit_history where at_utc <= ?",
                               newest),
    })
    conn.execute("insert or replace into main.meta (key, value) values (?, ?)", (key, value))


def _shared_columns(conn: sqlite3.Connection, alias: str, table: str) -> list[str]:
    theirs = set(_columns(conn, alias, table))
    return [c for c in _columns(conn, "main", table) if c in theirs]


def _upsert_newest(conn: sqlite3.Connection, alias: str, table: str, since: str | None = None) -> int:
    """Insert new rows, replace older ones; return how many rows were inserted or replaced.

    Only rows updated after ``since`` when given. Reading the snapshot in id order makes the
    lookups in the site journal sequential.
    """
    cols = _shared_columns(conn, alias, table)
    names = ", ".join(cols)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
    # Without statistics SQLite would scan in id order and test every row: use the index.
    where = "updated_utc > ?" if since is not None else "true"
    hint = ""
    if since is not None and any(row[1] == f"{table}_updated" for row in conn.execute(
            f"pragma {alias}.index_list({table})")):
        hint = f" indexed by {table}_updated"
    # rowcount counts the rows this statement wrote, not those the tally triggers wrote
    return conn.execute(
        f"insert into main.{table} ({names}) select {names} from {alias}.{table}{hint} where {where} "
        f"order by id on conflict(id) do update set {updates} where {NEWER.format(t=table)}",
        () if since is None else (since,),
    ).rowcount


def _short_time(stamp: str | None) -> str:
    if not stamp:
        return "at an unknown time"
    moment = weeks.local(weeks.parse_stamp(stamp))
    return moment.strftime("%Y-%m-%d %H:%M")
