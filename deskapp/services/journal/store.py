"""The counter's journal: one SQLite file per desk, through sqlite-utils.

Every write is committed (WAL, synchronous=FULL) before the call returns, so the UI may
say "saved" as soon as a method returns. Nothing is ever deleted: undo, discard and edit
mark rows and keep the previous values in ``visit_history``.

No text with a CPR number is ever stored: every method that writes a caller's text (notes,
blockers, codes) refuses it with ``JournalError("cpr")`` before writing anything. The UI
and the command line check first with friendlier messages; this is the last line.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from deskapp.services import privacy, weeks
from deskapp.services.journal.bulk import BulkWrites
from deskapp.services.journal.columns import COLUMNS, DROP_IN, EDITABLE, OPEN, SAVED, Visit, counted
from deskapp.services.journal.connect import open_read_only, open_writer
from deskapp.services.journal.errors import JournalError, translate
from deskapp.services.journal.migrations import migrate

# Written by the program, never typed: random hex identifiers (which can hold ten digits in a
# row) and time stamps. A file from outside must prove their shape instead (see merge).
MACHINE_MADE = frozenset({"id", "visit_id", "desk_id", "citizen", "started_utc", "ended_utc",
                          "created_utc", "updated_utc", "deleted_utc", "at_utc", "imported_utc"})


def _time_columns(started: datetime) -> dict[str, Any]:
    here = weeks.local(started)
    return {
        "started_utc": weeks.stamp(started),
        "local_date": here.date().isoformat(),
        "iso_week": weeks.week_of(here.date()),
        "local_hour": here.hour,
        "weekday": here.isoweekday(),
    }


class Journal(BulkWrites):
    """One open journal. Not thread-safe: give each worker thread its own Journal."""

    def __init__(self, path: Path | str, *, desk: str = "", site: str = "", create: bool = True,
                 read_only: bool = False):  # read_only: reads only, not migrated (read-only disk)
        self.path = Path(path)
        self.desk = desk
        self.site = site
        self.read_only = read_only
        if (read_only or not create) and not self.path.exists():
            raise JournalError("missing", self.path)
        self.db = open_read_only(self.path) if read_only else open_writer(self.path)
        if not read_only:
            migrate(self.db, self.path)
        self.desk_id = self.meta("desk_id")  # made once by schema 5, never changed

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction, committed on exit; SQLite errors become JournalError.

        It starts with BEGIN IMMEDIATE: taking the write lock before the first read means a
        journal busy with another writer is waited on (busy_timeout, 3 s) and then reported
        as "locked"; a deferred transaction that reads first would fail at once."""
        conn = self.db.conn
        outer = not conn.in_transaction
        try:
            if outer:
                conn.execute("begin immediate")
            try:
                with self.db.atomic():
                    yield
                if outer:
                    conn.commit()
            except BaseException:
                if outer and conn.in_transaction:
                    conn.rollback()
                raise
        except sqlite3.DatabaseError as exc:
            raise translate(exc, self.path) from exc

    def _refuse_cpr(self, values: dict[str, Any]) -> None:
        """Raise JournalError("cpr") naming the fields (never their text) with a CPR number."""
        found = privacy.fields_with_cpr({k: v for k, v in values.items() if k not in MACHINE_MADE})
        if found:
            raise JournalError("cpr", self.path, ", ".join(found))

    # --- visits ---------------------------------------------------------------------------

    def start_visit(
        self,
        errand: str,
        *,
        channel: str,
        contact_type: str = "transaction",
        catalog_version: str = "",
        at: datetime | None = None,
        appointment: str = DROP_IN,
        same_citizen_as: str | None = None,
    ) -> str:
        """Write an open visit (errand chosen, outcome pending) and return its id.

        ``same_citizen_as``: the id of the visit of the same citizen's previous errand; the
        new visit joins that citizen (counted as a contact, not as another citizen)."""
        self._refuse_cpr({"errand": errand, "channel": channel, "contact_type": contact_type,
                          "catalog_version": catalog_version, "appointment": appointment,
                          "desk": self.desk, "site": self.site})
        now = weeks.now_utc()
        started = weeks.to_utc(at) if at else now
        visit_id = uuid.uuid4().hex
        row = dict.fromkeys(COLUMNS)
        row.update({
            "id": visit_id, "desk_id": self.desk_id, "desk": self.desk, "site": self.site,
            "status": OPEN, **_time_columns(started), "channel": channel, "errand": errand,
            "contact_type": contact_type, "error_contact": 0, "handout": 0,
            "late_entry": int(at is not None and now - started > timedelta(minutes=2)),
            "appointment": appointment, "citizen": visit_id, "catalog_version": catalog_version,
            "created_utc": weeks.stamp(now), "updated_utc": weeks.stamp(now),
        })
        with self._writing():
            if same_citizen_as is not None:
                row["citizen"] = self._require(same_citizen_as).citizen or same_citizen_as
            self.db.table("visits").insert(row)
        return visit_id

    def update_open(self, visit_id: str, **changes: object) -> None:
        """Change an open visit in place (reason chosen, errand corrected, guide mode...)."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        self._refuse_cpr(changes)
        with self._writing():
            self._require(visit_id)
            changes["updated_utc"] = weeks.stamp(weeks.now_utc())
            self._update(visit_id, changes)

    def finish_visit(self, visit_id: str, outcome: str, **changes: object) -> Visit:
        """Pick the outcome and save the visit; committed when this returns."""
        unknown = set(changes) - {*EDITABLE, "duration_s"}
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        self._refuse_cpr({**changes, "outcome": outcome})
        now = weeks.now_utc()
        with self._writing():
            visit = self._require(visit_id)
            started = weeks.parse_stamp(visit.started_utc)
            duration = None if visit.late_entry else max(0, int((now - started).total_seconds()))
            values = {
                **changes,
                "outcome": outcome,
                "status": SAVED,
                "ended_utc": weeks.stamp(now if not visit.late_entry else started),
                "duration_s": changes.get("duration_s", duration),
                "updated_utc": weeks.stamp(now),
            }
            self._update(visit_id, values)
        return Visit.from_row({**visit.__dict__, **values})

    def _update(self, visit_id: str, values: dict[str, Any]) -> None:
        """One plain UPDATE (sqlite-utils' Table.update reads the row first: a needless query)."""
        assignments = ", ".join(f"[{column}] = ?" for column in values)
        self.db.execute(f"update visits set {assignments} where id = ?", [*values.values(), visit_id])

    def log_visit(
        self,
        *,
        errand: str,
        reason: str | None,
        outcome: str,
        channel: str,
        contact_type: str = "transaction",
        catalog_version: str = "",
        at: datetime | None = None,
        appointment: str = DROP_IN,
        same_citizen_as: str | None = None,
        **extra: object,
    ) -> Visit:
        """Log a complete visit in one go (command line, catching up from paper)."""
        self._refuse_cpr({**extra, "reason": reason, "outcome": outcome})  # before the open visit
        visit_id = self.start_visit(
            errand, channel=channel, contact_type=contact_type,
            catalog_version=catalog_version, at=at, appointment=appointment,
            same_citizen_as=same_citizen_as,
        )
        return self.finish_visit(visit_id, outcome, reason=reason, **extra)

    def edit_visit(self, visit_id: str, **changes: object) -> Visit:
        """Change a saved visit, keeping the previous values in the history."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        self._refuse_cpr(changes)
        with self._writing():
            visit = self._require(visit_id)
            before = {k: getattr(visit, k) for k in changes}
            self._history(visit_id, "edit", before)
            changes["updated_utc"] = weeks.stamp(weeks.now_utc())
            self._update(visit_id, changes)
        return Visit.from_row({**visit.__dict__, **changes})

    def undo_visit(self, visit_id: str) -> None:
        """Mark a visit as undone; it stays in the file but never counts."""
        self._mark_deleted(visit_id, "undo")

    def discard_open(self, visit_id: str) -> None:
        self._mark_deleted(visit_id, "discard")

    def restore_visit(self, visit_id: str) -> None:
        """Bring back an undone visit (redo)."""
        with self._writing():
            self._require(visit_id)
            self._history(visit_id, "restore", {})
            now = weeks.stamp(weeks.now_utc())
            self._update(visit_id, {"deleted_utc": None, "updated_utc": now})

    def _mark_deleted(self, visit_id: str, action: str) -> None:
        with self._writing():
            visit = self._require(visit_id)
            self._history(visit_id, action, {"status": visit.status})
            now = weeks.stamp(weeks.now_utc())
            self._update(visit_id, {"deleted_utc": now, "updated_utc": now})

    def _history(self, visit_id: str, action: str, before: dict[str, Any]) -> None:
        self.db.table("visit_history").insert({
            "visit_id": visit_id,
            "at_utc": weeks.stamp(weeks.now_utc()),
            "action": action,
            "before": json.dumps(before, ensure_ascii=False),
        })

    def _require(self, visit_id: str) -> Visit:
        rows = list(self.db.query("select * from visits where id = ?", [visit_id]))
        if not rows:
            raise JournalError("unknown_visit", self.path, visit_id)
        return Visit.from_row(rows[0])

    # --- reading --------------------------------------------------------------------------

    def visit(self, visit_id: str) -> Visit:
        return self._require(visit_id)

    def _visits(self, where: str, params: Sequence[object] = (), order: str = "started_utc") -> list[Visit]:
        sql = f"select * from visits where {where} order by {order}"
        return [Visit.from_row(r) for r in self.db.query(sql, list(params))]

    def visits(self) -> list[Visit]:
        """Every visit in the file, open, saved and undone, oldest first."""
        return self._visits("true")

    def open_visits(self) -> list[Visit]:
        return self._visits("status = ? and deleted_utc is null", [OPEN])

    def saved_on(self, day: str, limit: int = -1, offset: int = 0) -> list[Visit]:
        """Saved, not undone visits of one local date, newest first (found through the
        date's ISO week and date index); ``limit`` and ``offset`` page through them."""
        week = weeks.week_of(date.fromisoformat(day))
        return self._visits(
            f"iso_week = ? and local_date = ? and {counted()}", [week, day],
            order=f"started_utc desc limit {int(limit)} offset {int(offset)}",
        )

    def outcomes_on(self, day: str) -> dict[str, int]:
        """How many saved, not undone visits of one local date ended in each outcome."""
        week = weeks.week_of(date.fromisoformat(day))
        return {row[0] or "": row[1] for row in self.db.execute(
            f"select outcome, count(*) from visits where iso_week = ? and local_date = ? "
            f"and {counted()} group by outcome", [week, day])}

    def citizens_on(self, day: str) -> int:
        """How many citizens the saved, not undone visits of one local date served: a
        citizen's first visit is its own ``citizen`` (as the tallies count them)."""
        week = weeks.week_of(date.fromisoformat(day))
        return int(next(iter(self.db.execute(
            f"select count(*) from visits where iso_week = ? and local_date = ? "
            f"and {counted()} and citizen is id", [week, day])))[0])

    def last_saved(self) -> Visit | None:
        """This desk's visit begun last among the saved ones: the previous citizen. Not by
        change time: correcting an older visit must not make it the previous one."""
        rows = self._visits(f"{counted()} and desk_id = ?", [self.desk_id],
                            order="created_utc desc, rowid desc limit 1")
        return rows[0] if rows else None

    def counted_visits(self, first_week: str | None = None, last_week: str | None = None) -> list[Visit]:
        """Saved, not undone visits (of a range of ISO weeks): what every tally counts."""
        if first_week is None:
            return self._visits(counted())
        span = weeks.week_range(first_week, last_week)
        return self._visits(f"{counted()} and iso_week between ? and ?", [span[0], span[-1]])

    def count(self) -> int:
        """How many visits the file holds (open, saved and undone)."""
        return int(next(iter(self.db.execute("select count(*) from visits")))[0])

    # --- guide step events ----------------------------------------------------------------

    def add_step_event(
        self, visit_id: str, step: str, status: str, blocker: str | None = None,
        note: str | None = None,
    ) -> str:
        self._refuse_cpr({"step": step, "status": status, "blocker": blocker, "note": note})
        event_id = uuid.uuid4().hex
        with self._writing():
            self._require(visit_id)
            self.db.table("step_events").insert({
                "id": event_id,
                "visit_id": visit_id,
                "step": step,
                "status": status,
                "blocker": blocker,
                "note": note,
                "at_utc": weeks.stamp(weeks.now_utc()),
            })
        return event_id

    def step_events(self, visit_id: str) -> list[dict[str, Any]]:
        return list(self.db.query(
            "select * from step_events where visit_id = ? order by at_utc, rowid", [visit_id]
        ))

    # --- coaching sessions (not tied to an errand) ----------------------------------------

    def add_coaching_session(self, skills: list[str], *, started: datetime,
                             ended: datetime | None = None) -> str:
        """Log a digital ambassador's coaching session with the skills taught (codes)."""
        self._refuse_cpr({"skills": skills, "desk": self.desk, "site": self.site})
        now = weeks.now_utc()
        ended = weeks.to_utc(ended) if ended else now
        started = weeks.to_utc(started)
        columns = _time_columns(started)
        row = {
            "id": uuid.uuid4().hex,
            "desk_id": self.desk_id,
            "desk": self.desk,
            "site": self.site,
            "started_utc": columns["started_utc"],
            "ended_utc": weeks.stamp(ended),
            "local_date": columns["local_date"],
            "iso_week": columns["iso_week"],
            "skills": ",".join(skills),
            "duration_s": max(0, int((ended - started).total_seconds())),
            "created_utc": weeks.stamp(now),
            "updated_utc": weeks.stamp(now),
            "deleted_utc": None,
        }
        with self._writing():
            self.db.table("coaching_sessions").insert(row)
        return str(row["id"])

    def coaching_sessions(self) -> list[dict[str, Any]]:
        """Coaching sessions not undone, oldest first."""
        return list(self.db.query(
            "select * from coaching_sessions where deleted_utc is null order by started_utc"))

    # --- meta -----------------------------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        rows = list(self.db.query("select value from meta where key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_meta(self, key: str, value: str) -> None:
        self._refuse_cpr({"key": key, "value": value})  # the key too: it may hold a name
        with self._writing():
            self.db.table("meta").upsert({"key": key, "value": value}, pk="key")

    def merged_snapshots(self) -> dict[str, str]:
        """Snapshots a consolidation merged into this journal: "site/desk" -> snapshot time."""
        return {key.split(":", 1)[1]: value for key, value in self.db.conn.execute(
            "select key, value from meta where key like 'snapshot:%' order by key")}


__all__ = ["EDITABLE", "OPEN", "SAVED", "Journal", "JournalError", "Visit"]
