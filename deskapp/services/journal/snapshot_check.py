"""Read a desk snapshot from the shared folder defensively, before anything merges it.

The shared folder is hostile input: any desk user can put any file there. :func:`inspect`
opens a snapshot read-only (``immutable``, ``trusted_schema`` off) and refuses, with one
plain reason, anything that is not a whole Skranke journal of a schema this code knows:

- over the size limits (``MAX_BYTES``, ``MAX_VISITS``);
- a header, application id or schema version that is not Skranke's; a file shorter than its
  pages (truncated) or, when signed, not exactly its pages plus the signature;
- a table it reads that is not a real table (a view, a virtual table) or lacks the expected
  columns (the visit's columns come from :mod:`.columns`); any view in the file; a trigger
  that is not one of a desk's own tally triggers; a ``visits_updated`` index that is not
  the plain index on ``updated_utc`` (the incremental merge follows it);
- when ``full_check``: anything ``PRAGMA integrity_check`` finds (a signed snapshot was
  checked so by its desk before it was signed, and its signature covers every byte).

Nothing here writes, and nothing follows the snapshot's views or triggers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from deskapp.services import weeks
from deskapp.services.journal import tally_tables
from deskapp.services.journal.columns import COLUMNS
from deskapp.services.journal.connect import open_reader
from deskapp.services.journal.migrations import APPLICATION_ID, SCHEMA_VERSION

MAX_BYTES = 4 * 1024**3  # a desk's year is about 60 MB per 100,000 visits
MAX_VISITS = 5_000_000
MAX_META = 200  # characters of a meta value that are read
SQLITE_MAGIC = b"SQLite format 3\x00"
SCHEMA_5 = ("desk_id", "appointment", "citizen")  # what schema 5 added to visits
TABLES: dict[str, tuple[str, ...]] = {
    "visits": COLUMNS,
    "step_events": ("id", "visit_id", "step", "status", "blocker", "note", "at_utc"),
    "visit_history": ("visit_id", "at_utc", "action", "before"),
    "coaching_sessions": ("id", "desk_id", "desk", "site", "started_utc", "ended_utc", "local_date",
                          "iso_week", "skills", "duration_s", "created_utc", "updated_utc",
                          "deleted_utc"),
    "digital_counts": ("week", "errand", "source", "count", "imported_utc"),
    "meta": ("key", "value"),
    "purge_log": ("at_utc", "older_than_days", "notes_erased"),
}
META_KEYS = ("desk_id", "desk", "site", "snapshot_utc")


@dataclass
class SnapshotInfo:
    schema: int
    meta: dict[str, str]
    visits: int
    has_updated_index: bool
    columns: dict[str, set[str]] = field(default_factory=dict)
    purged_before: str | None = None  # the desk's newest purge: notes of visits before are gone


def expected_columns(table: str, schema: int) -> set[str]:
    wanted = set(TABLES[table])
    if schema < 5:
        wanted -= {*SCHEMA_5, "desk_id"}
    return wanted


def inspect(path: Path, *, database_bytes: int | None = None,
            full_check: bool = True) -> tuple[str | None, SnapshotInfo | None]:
    """(reason to refuse, None) or (None, what the snapshot holds). ``database_bytes``: a
    signed file's size before its signature."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", None
    if size > MAX_BYTES:
        return f"too large ({size // 1024**2} MB; a snapshot is at most {MAX_BYTES // 1024**2} MB)", None
    if not header.startswith(SQLITE_MAGIC):
        return "not a Skranke journal (not an SQLite database)", None
    try:
        conn = open_reader(path, immutable=True)
    except sqlite3.Error as exc:
        return f"cannot be opened ({exc})", None
    try:
        return _inspect(conn, size, database_bytes, full_check)
    except sqlite3.DatabaseError as exc:
        return f"damaged ({exc})", None
    finally:
        conn.close()


def _inspect(conn: sqlite3.Connection, size: int, database_bytes: int | None,
             full_check: bool) -> tuple[str | None, SnapshotInfo | None]:
    app_id = conn.execute("pragma application_id").fetchone()[0]
    version = conn.execute("pragma user_version").fetchone()[0]
    page_size = conn.execute("pragma page_size").fetchone()[0]
    pages = conn.execute("pragma page_count").fetchone()[0]
    if app_id != APPLICATION_ID:
        return "not a Skranke journal (another program's SQLite file)", None
    if version > SCHEMA_VERSION:
        return (f"written by a newer Skranke (schema {version}, this version reads up to "
                f"{SCHEMA_VERSION}); update Skranke on this PC"), None
    if version < 1:
        return "not a Skranke journal (no schema version)", None
    if database_bytes is not None and database_bytes != page_size * pages:
        return "damaged: the signed part is not the whole database", None
    if size < page_size * pages:
        return f"damaged: the file is truncated ({size} of {page_size * pages} bytes)", None
    problem = _schema_problem(conn, version)
    if problem:
        return problem, None
    if full_check:
        found = [row[0] for row in conn.execute("pragma integrity_check(3)")]
        if found != ["ok"]:
            return f"damaged ({'; '.join(found)[:200]})", None
    columns = {table: {row[1] for row in conn.execute(f"pragma table_info({table})")} for table in TABLES}
    marks = ", ".join("?" * len(META_KEYS))
    meta = dict(conn.execute(f"select key, substr(value, 1, {MAX_META}) from meta "
                             f"where key in ({marks}) and typeof(value) = 'text'", META_KEYS).fetchall())
    visits = conn.execute("select count(*) from visits").fetchone()[0]
    if visits > MAX_VISITS:
        return f"too many visits ({visits:,}; at most {MAX_VISITS:,})", None
    purge = conn.execute(
        "select at_utc, older_than_days from purge_log where typeof(older_than_days) = 'integer' "
        "and length(at_utc) = 32 order by at_utc desc limit 1").fetchone()
    info = SnapshotInfo(version, meta, visits, _has_updated_index(conn), columns)
    if purge:
        info.purged_before = _days_before(purge[0], purge[1])
    return None, info


def _schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    entries = conn.execute("select type, name, tbl_name, coalesce(sql, '') from sqlite_master").fetchall()
    kinds = {name: (kind, sql) for kind, name, _table, sql in entries}
    views = [name for kind, name, _t, _s in entries if kind == "view"]
    if views:
        return "refused: it contains a view (a Skranke journal has none)"
    foreign = [name for kind, name, _t, _s in entries
               if kind == "trigger" and name not in tally_tables.TRIGGERS]
    if foreign:
        return "refused: it contains a trigger that is not Skranke's"
    for table in TABLES:
        kind, sql = kinds.get(table, (None, ""))
        if kind != "table" or not sql.upper().startswith("CREATE TABLE"):
            return f"damaged or incomplete: {table} is missing or not a plain table"
        have = {row[1] for row in conn.execute(f"pragma table_info({table})")}
        if not expected_columns(table, version) <= have:
            return f"damaged or incomplete: table {table} lacks columns"
    return None


def _has_updated_index(conn: sqlite3.Connection) -> bool:
    """True when ``visits_updated`` is the plain, whole index on ``updated_utc``."""
    for row in conn.execute("pragma index_list(visits)"):
        if row[1] == "visits_updated":
            parts = [r[2] for r in conn.execute("pragma index_info(visits_updated)")]
            return parts == ["updated_utc"] and not row[4]  # row[4]: partial
    return False


def _days_before(stamp: str, days: int) -> str | None:
    try:
        return weeks.stamp(weeks.parse_stamp(stamp) - timedelta(days=max(0, min(days, 3650))))
    except ValueError:
        return None
