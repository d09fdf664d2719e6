"""A site journal's desks by identity (schema 6 ``site_desks``): pinned keys, labels, state.

Trust on first use: the first signed snapshot merged for a desk id pins its public key;
later snapshots of that desk must be signed by the same key. ``reset`` forgets a pinned
key (IT, after a counter PC was replaced): the next signed snapshot of that desk id is
pinned again. The labels kept are those of the desk's newest merged snapshot.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deskapp.services import weeks
from deskapp.services.journal.connect import open_reader
from deskapp.services.journal.errors import JournalError, translate


@dataclass
class SiteDesk:
    desk_id: str
    public_key: str | None
    pinned_utc: str | None
    desk: str
    site: str
    snapshot_utc: str | None
    purged_before: str | None
    state: dict[str, Any] | None


def load(conn: sqlite3.Connection, schema: str = "main") -> dict[str, SiteDesk]:
    rows = conn.execute(f"select desk_id, public_key, pinned_utc, desk, site, snapshot_utc, "
                        f"purged_before, merge_state from {schema}.site_desks").fetchall()
    return {r[0]: SiteDesk(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]) if r[7] else None)
            for r in rows}


def save(conn: sqlite3.Connection, desk: SiteDesk) -> None:
    conn.execute(
        "insert into main.site_desks (desk_id, public_key, pinned_utc, desk, site, snapshot_utc, "
        "purged_before, merge_state) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict(desk_id) do update "
        "set public_key = excluded.public_key, pinned_utc = excluded.pinned_utc, desk = excluded.desk, "
        "site = excluded.site, snapshot_utc = excluded.snapshot_utc, "
        "purged_before = excluded.purged_before, merge_state = excluded.merge_state",
        (desk.desk_id, desk.public_key, desk.pinned_utc, desk.desk, desk.site, desk.snapshot_utc,
         desk.purged_before, json.dumps(desk.state) if desk.state is not None else None))


def listed(path: Path) -> list[SiteDesk]:
    """The desks a site journal knows, read-only (``deskapp trust list``)."""
    try:
        conn = open_reader(path)
        try:
            return sorted(load(conn).values(), key=lambda d: (d.site, d.desk, d.desk_id))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc


def reset(path: Path, desk_id: str) -> SiteDesk:
    """Forget the key pinned for ``desk_id`` (JournalError "unknown_visit" style: KeyError)."""
    from deskapp.services.journal.store import Journal

    with Journal(path, create=False) as journal:
        conn = journal.db.conn
        try:
            conn.execute("begin immediate")
            desks = load(conn)
            if desk_id not in desks:
                conn.execute("rollback")
                raise KeyError(desk_id)
            desk = desks[desk_id]
            desk.public_key = None
            desk.pinned_utc = None
            save(conn, desk)
            conn.execute("insert or replace into main.meta (key, value) values (?, ?)",
                         (f"trust_reset:{desk_id}", weeks.stamp(weeks.now_utc())))
            conn.execute("commit")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("rollback")
            raise translate(exc, path) from exc
    return desk


__all__ = ["JournalError", "SiteDesk", "listed", "load", "reset", "save"]
