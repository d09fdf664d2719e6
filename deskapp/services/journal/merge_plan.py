"""What a consolidation decided about one snapshot (:class:`Plan`), what merging it counted
(:class:`Counts`), and the small helpers the merge's SQL runs with (see :mod:`.merge`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from deskapp.services.journal import merge_sql as sql


@dataclass
class Plan:
    """What the consolidation decided about one snapshot before merging it."""

    alias: str
    desk_id: str  # '' for a journal older than schema 5 (no desk ids)
    desk: str  # the labels its rows get in the site journal
    site: str
    claim_desk: str  # rows merged before schema 5 under these labels are this desk's
    claim_site: str
    snapshot_utc: str
    latest: str  # nothing in it may be later than this (snapshot time + clock skew)
    size: int
    columns: dict[str, set[str]]
    has_updated_index: bool
    keep_notes_from: str  # notes of visits started before are not kept
    state: dict[str, Any] | None = None
    recount: Any = None  # a future with the snapshot's own visits counted (see recount)
    odd: Any = None  # a future with how many of its visits are odd (recount.odd_rows)
    odd_steps: Any = None  # the same for its step events (recount.odd_steps)
    # Filled by the merge: the whole-journal tally rows counted by ``recount``, which the
    # consolidation adds once for a group of snapshots (see tally_tables.add_counts).
    whole_tallies: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict[str, list[tuple[Any, ...]]])

    def params(self) -> dict[str, str]:
        return {"desk_id": self.desk_id, "desk": self.desk, "site": self.site,
                "claim_desk": self.claim_desk, "claim_site": self.claim_site,
                "earliest": sql.EARLIEST, "latest": self.latest,
                "keep_notes_from": self.keep_notes_from}


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    refused_other_desk: int = 0  # rows of another desk id, in the snapshot or in the site journal
    refused_implausible: int = 0  # rows dated after the snapshot, before EARLIEST, or misshapen
    texts_dropped: int = 0  # rows with a text dropped by the privacy guard
    step_events_new: int = 0
    history_new: int = 0
    digital_changed: int = 0
    coaching_changed: int = 0
    notes_erased: int = 0  # in the site journal: purged at the desk, or past the site's retention
    full_compare: bool = False


def one(conn: sqlite3.Connection, query: str, params: Any = ()) -> Any:
    # fetchall finishes the statement: one left running would lock the tables it read
    return conn.execute(query, params).fetchall()[0][0]


def columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"pragma {schema}.table_info({table})")]


def future_result(future: Any) -> Any:
    """A worker's result, or None when there is none (not asked, failed)."""
    if future is None:
        return None
    try:
        return future.result()
    except sqlite3.Error:
        return None
