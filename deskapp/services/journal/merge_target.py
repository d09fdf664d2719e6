"""The site journal a consolidation writes: its connection and the bulk-load indexes."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from deskapp.services.journal import text_guard
from deskapp.services.journal.connect import sqlite_uri
from deskapp.services.journal.migrations import DROPPED_INDEXES

if TYPE_CHECKING:
    from deskapp.services.journal.site_desks import SiteDesk

SORT_CACHE_KB = -16384  # page cache while the indexes are rebuilt (see restore_indexes)
# A desk journal's index of change times serves its snapshots (the merge reads only what
# changed since the desk's previous one); nothing reads it in a site journal, where it would
# only be rewritten by every merged change: a consolidation drops it there.
CHANGE_INDEX = "visits_updated"


def open_target(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(sqlite_uri(path, "rw"), uri=True, isolation_level=None, timeout=10.0)
    conn.execute("pragma busy_timeout = 10000")
    conn.execute("pragma trusted_schema = off")
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = normal")
    conn.execute("pragma wal_autocheckpoint = 0")  # checkpointed once at the end
    conn.execute("pragma cache_size = -262144")  # 256 MB: keeps the id index in memory
    conn.execute("pragma mmap_size = 4294967296")  # reads without a system call per page
    # Index builds (the bulk load) sort on helper threads on the other cores; SQLite uses
    # them only with its temporary files on disk (temp_store = memory turns them off).
    conn.execute(f"pragma threads = {min(4, os.cpu_count() or 1)}")
    text_guard.register(conn)
    return conn


def drop_indexes(conn: sqlite3.Connection) -> None:
    """Loading many rows into a (nearly) empty site journal: building the secondary
    indexes once at the end is much faster than updating them row by row. Their
    definitions are kept in ``meta`` in the same transaction, so an interrupted run
    restores them."""
    rows = conn.execute(
        "select name, sql from main.sqlite_master where type = 'index' "
        "and tbl_name in ('visits', 'step_events') and sql is not null").fetchall()
    conn.execute("begin immediate")
    conn.execute("insert or replace into main.meta (key, value) values (?, ?)",
                 (DROPPED_INDEXES, json.dumps([sql for name, sql in rows if name != CHANGE_INDEX])))
    for name, _sql in rows:
        conn.execute(f'drop index main."{name}"')
    conn.execute("commit")


def drop_change_index(conn: sqlite3.Connection) -> None:
    """In the consolidation's transaction (see CHANGE_INDEX)."""
    conn.execute(f"drop index if exists main.{CHANGE_INDEX}")


def restore_indexes(conn: sqlite3.Connection) -> None:
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


def attach(conn: sqlite3.Connection, path: Path, alias: str) -> None:
    conn.execute(f"attach database ? as {alias}", (sqlite_uri(path, "ro", immutable=True),))
    conn.execute(f"pragma {alias}.mmap_size = 1073741824")


def detach(conn: sqlite3.Connection, alias: str) -> None:
    with contextlib.suppress(sqlite3.Error):
        conn.execute(f"detach database {alias}")


def count_visits(conn: sqlite3.Connection) -> int:
    return int(conn.execute("select count(*) from main.visits").fetchall()[0][0])


def quick_check(path: Path) -> str | None:
    """PRAGMA quick_check on a read-only connection of its own (run on a worker thread
    while the merge runs; the merge commits only after it said ok). None when ok."""
    from deskapp.services.journal.connect import open_reader

    try:
        conn = open_reader(path, timeout=30.0)
        try:
            conn.execute("pragma mmap_size = 4294967296")  # pages without a system call each
            found = [row[0] for row in conn.execute("pragma quick_check(3)")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    return None if found == ["ok"] else "; ".join(found)[:200]


def header_problem(path: Path) -> str | None:
    """A cheap, read-only look at an existing site journal: None when it may be opened.
    (The full quick_check runs beside the merge, before anything is committed.)"""
    from deskapp.services.journal.migrations import APPLICATION_ID
    from deskapp.services.journal.snapshot_check import SQLITE_MAGIC

    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not head:
        return None
    if not head.startswith(SQLITE_MAGIC):
        return "not an SQLite file"
    try:
        conn = open_reader_quiet(path)
        try:
            version = conn.execute("pragma user_version").fetchone()[0]
            app_id = conn.execute("pragma application_id").fetchone()[0]
            pages = conn.execute("pragma page_count").fetchone()[0]
            page_size = conn.execute("pragma page_size").fetchone()[0]
            conn.execute("select count(*) from sqlite_master").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    if version and app_id != APPLICATION_ID:
        return "not a Skranke journal"
    if size < pages * page_size and not Path(f"{path}-wal").exists():
        return f"the file is truncated ({size} of {pages * page_size} bytes)"
    return None


def open_reader_quiet(path: Path) -> sqlite3.Connection:
    from deskapp.services.journal.connect import open_reader

    return open_reader(path, timeout=10.0)


def needs_migration(path: Path) -> bool:
    from deskapp.services.journal.migrations import SCHEMA_VERSION

    if not path.exists() or path.stat().st_size == 0:
        return False
    conn = open_reader_quiet(path)
    try:
        return bool(conn.execute("pragma user_version").fetchone()[0] < SCHEMA_VERSION)
    finally:
        conn.close()


def known_desks(path: Path) -> dict[str, SiteDesk]:
    """The site journal's desks (pinned keys, labels, state), read-only; none before schema 6."""
    from deskapp.services.journal import site_desks

    if not path.exists() or path.stat().st_size == 0:
        return {}
    conn = open_reader_quiet(path)
    try:
        return site_desks.load(conn)
    except sqlite3.OperationalError:  # no site_desks table yet (older schema)
        return {}
    finally:
        conn.close()


def target_problem(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("locked", "busy", "full", "readonly", "read-only"))


def mark_merged(conn: sqlite3.Connection, label: str, snapshot_utc: str) -> None:
    """``meta['snapshot:<site>/<desk>']``: the newest snapshot time merged under a label
    (``Journal.merged_snapshots``: the report's list of desks and their snapshots' age)."""
    conn.execute("insert into main.meta (key, value) values (?, ?) on conflict(key) do update "
                 "set value = excluded.value where excluded.value > meta.value",
                 (f"snapshot:{label}", snapshot_utc))


def rename_marks(conn: sqlite3.Connection, old: dict[str, tuple[str, str] | None],
                 new: dict[str, tuple[str, str]], stamps: dict[str, str | None]) -> None:
    for desk_id, label in new.items():
        before = old.get(desk_id)
        if before and before != label:
            conn.execute("delete from main.meta where key = ?", (f"snapshot:{before[1]}/{before[0]}",))
        stamp = stamps.get(desk_id)
        if stamp:
            mark_merged(conn, f"{label[1]}/{label[0]}", stamp)


def log_purge(conn: sqlite3.Connection, days: int, erased: int) -> None:
    from deskapp.services import weeks

    conn.execute("insert into main.purge_log (at_utc, older_than_days, notes_erased) values (?, ?, ?)",
                 (weeks.stamp(weeks.now_utc()), days, erased))
