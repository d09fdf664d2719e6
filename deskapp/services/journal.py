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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from pathlib import Path

import sqlite_utils

from deskapp.services import privacy, weeks
from deskapp.services.schema import SCHEMA_VERSION, migrate

OPEN, SAVED = "open", "saved"
EDITABLE = ("errand", "contact_type", "reason", "outcome", "channel", "note", "error_contact",
            "life_event", "first_time", "age_band", "guide_mode", "handout")


class JournalError(Exception):
    """A journal problem the user can act on; ``kind`` names it for the UI's own wording."""

    def __init__(self, kind: str, path: Path, detail: str = ""):
        self.kind = kind
        self.path = path
        self.detail = " ".join(detail.split())  # SQLite's reports can span lines: one line here
        super().__init__(_MESSAGES[kind].format(path=path, detail=self.detail))


_MESSAGES = {
    "too_new": "the journal {path} was written by a newer Skranke (schema {detail}); "
    "update Skranke before opening it",
    "damaged": "the journal {path} is damaged or not a Skranke journal ({detail})",
    "missing": "there is no journal at {path}",
    "locked": "the journal {path} is busy (a backup or another program is using it); "
    "try again in a moment",
    "read_only": "the journal {path} cannot be written (read-only or no permission)",
    "disk_full": "the disk holding {path} is full; the visit was not saved",
    "unknown_visit": "there is no visit {detail} in {path}",
    "cpr": "refused to write {detail} to {path}: it contains what looks like a CPR number; "
    "nothing was saved",
}


@dataclass
class Visit:
    id: str
    desk: str
    site: str
    status: str
    started_utc: str
    ended_utc: str | None
    local_date: str
    iso_week: str
    local_hour: int
    weekday: int
    channel: str
    errand: str
    reason: str | None
    outcome: str | None
    contact_type: str
    error_contact: int
    duration_s: int | None
    life_event: int | None
    first_time: int | None
    age_band: str | None
    note: str | None
    guide_mode: str | None
    handout: int
    late_entry: int
    catalog_version: str
    created_utc: str
    updated_utc: str
    deleted_utc: str | None

    @classmethod
    def from_row(cls, row: dict) -> Visit:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})

    @property
    def started_local(self) -> datetime:
        return weeks.local(weeks.parse_stamp(self.started_utc))


def _time_columns(started: datetime) -> dict:
    here = weeks.local(started)
    return {
        "started_utc": weeks.stamp(started),
        "local_date": here.date().isoformat(),
        "iso_week": weeks.week_of(here.date()),
        "local_hour": here.hour,
        "weekday": here.isoweekday(),
    }


class Journal:
    """One open journal. Not thread-safe: give each worker thread its own Journal."""

    def __init__(self, path: Path | str, *, desk: str = "", site: str = "", create: bool = True):
        self.path = Path(path)
        self.desk = desk
        self.site = site
        if not create and not self.path.exists():
            raise JournalError("missing", self.path)
        self.db = _connect(self.path)
        migrate(self.db, self.path)

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
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from exc
        except sqlite3.DatabaseError as exc:
            raise JournalError("damaged", self.path, str(exc)) from exc

    def _refuse_cpr(self, values: dict) -> None:
        """Raise JournalError("cpr") naming the fields (never their text) with a CPR number."""
        found = privacy.fields_with_cpr(values)
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
    ) -> str:
        """Write an open visit (errand chosen, outcome pending) and return its id."""
        self._refuse_cpr({"errand": errand, "channel": channel, "contact_type": contact_type,
                          "catalog_version": catalog_version})
        now = weeks.now_utc()
        started = weeks.to_utc(at) if at else now
        row = {
            "id": uuid.uuid4().hex,
            "desk": self.desk,
            "site": self.site,
            "status": OPEN,
            "ended_utc": None,
            **_time_columns(started),
            "channel": channel,
            "errand": errand,
            "reason": None,
            "outcome": None,
            "contact_type": contact_type,
            "error_contact": 0,
            "duration_s": None,
            "life_event": None,
            "first_time": None,
            "age_band": None,
            "note": None,
            "guide_mode": None,
            "handout": 0,
            "late_entry": int(at is not None and now - started > timedelta(minutes=2)),
            "catalog_version": catalog_version,
            "created_utc": weeks.stamp(now),
            "updated_utc": weeks.stamp(now),
            "deleted_utc": None,
        }
        with self._writing():
            self.db["visits"].insert(row)
        return row["id"]

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

    def _update(self, visit_id: str, values: dict) -> None:
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
        **extra: object,
    ) -> Visit:
        """Log a complete visit in one go (command line, catching up from paper)."""
        self._refuse_cpr({**extra, "reason": reason, "outcome": outcome})  # before the open visit
        visit_id = self.start_visit(
            errand, channel=channel, contact_type=contact_type,
            catalog_version=catalog_version, at=at,
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

    def _history(self, visit_id: str, action: str, before: dict) -> None:
        self.db["visit_history"].insert({
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

    def visits(self, where: str = "1", params: list | tuple = (), order: str = "started_utc") -> list[Visit]:
        sql = f"select * from visits where {where} order by {order}"
        return [Visit.from_row(r) for r in self.db.query(sql, list(params))]

    def open_visits(self) -> list[Visit]:
        return self.visits("status = ? and deleted_utc is null", [OPEN])

    def saved_on(self, day: str, limit: int = -1, offset: int = 0) -> list[Visit]:
        """Saved, not undone visits of one local date, newest first (found through the
        date's ISO week and date index); ``limit`` and ``offset`` page through them."""
        week = weeks.week_of(date.fromisoformat(day))
        return self.visits(
            "iso_week = ? and status = ? and deleted_utc is null and local_date = ?",
            [week, SAVED, day], order=f"started_utc desc limit {int(limit)} offset {int(offset)}",
        )

    def outcomes_on(self, day: str) -> dict[str, int]:
        """How many saved, not undone visits of one local date ended in each outcome."""
        week = weeks.week_of(date.fromisoformat(day))
        return {row[0] or "": row[1] for row in self.db.execute(
            "select outcome, count(*) from visits where iso_week = ? and local_date = ? "
            "and status = ? and deleted_utc is null group by outcome", [week, day, SAVED])}

    def last_saved(self) -> Visit | None:
        rows = self.visits(
            "status = ? and deleted_utc is null", [SAVED], order="updated_utc desc limit 1"
        )
        return rows[0] if rows else None

    def counted_visits(self, first_week: str, last_week: str | None = None) -> list[Visit]:
        """Saved, not undone visits in a range of ISO weeks: what every tally counts."""
        span = weeks.week_range(first_week, last_week)
        return self.visits(
            "status = ? and deleted_utc is null and iso_week between ? and ?",
            [SAVED, span[0], span[-1]],
        )

    def count(self, where: str = "1", params: list | tuple = ()) -> int:
        return next(iter(self.db.execute(f"select count(*) from visits where {where}", params)))[0]

    # --- guide step events ----------------------------------------------------------------

    def add_step_event(
        self, visit_id: str, step: str, status: str, blocker: str | None = None,
        note: str | None = None,
    ) -> str:
        self._refuse_cpr({"step": step, "status": status, "blocker": blocker, "note": note})
        event_id = uuid.uuid4().hex
        with self._writing():
            self._require(visit_id)
            self.db["step_events"].insert({
                "id": event_id,
                "visit_id": visit_id,
                "step": step,
                "status": status,
                "blocker": blocker,
                "note": note,
                "at_utc": weeks.stamp(weeks.now_utc()),
            })
        return event_id

    def step_events(self, visit_id: str) -> list[dict]:
        return list(self.db.query(
            "select * from step_events where visit_id = ? order by at_utc, rowid", [visit_id]
        ))

    # --- coaching sessions (not tied to an errand) ----------------------------------------

    def add_coaching_session(self, skills: list[str], *, started: datetime,
                             ended: datetime | None = None) -> str:
        """Log a digital ambassador's coaching session with the skills taught (codes)."""
        self._refuse_cpr({"skills": skills})
        now = weeks.now_utc()
        ended = weeks.to_utc(ended) if ended else now
        started = weeks.to_utc(started)
        columns = _time_columns(started)
        row = {
            "id": uuid.uuid4().hex,
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
            self.db["coaching_sessions"].insert(row)
        return row["id"]

    def coaching_sessions(self, where: str = "deleted_utc is null", params: list | tuple = ()) -> list[dict]:
        return list(self.db.query(
            f"select * from coaching_sessions where {where} order by started_utc", list(params)))

    # --- meta -----------------------------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        rows = list(self.db.query("select value from meta where key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_meta(self, key: str, value: str) -> None:
        with self._writing():
            self.db["meta"].upsert({"key": key, "value": value}, pk="key")


def _connect(path: Path) -> sqlite_utils.Database:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=3.0)
    except (OSError, sqlite3.OperationalError) as exc:
        raise JournalError("read_only", path, str(exc)) from exc
    db = sqlite_utils.Database(conn)
    try:
        db.execute("pragma busy_timeout = 3000")
        with db.ensure_autocommit_on():
            db.execute("pragma journal_mode = wal")
        db.execute("pragma synchronous = full")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if isinstance(exc, sqlite3.OperationalError) and "not a database" not in str(exc):
            raise _translate(exc, path) from exc
        raise JournalError("damaged", path, str(exc)) from exc
    return db


def _translate(exc: sqlite3.OperationalError, path: Path) -> JournalError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JournalError("locked", path, str(exc))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return JournalError("read_only", path, str(exc))
    if "full" in text:
        return JournalError("disk_full", path, str(exc))
    return JournalError("damaged", path, str(exc))


__all__ = ["OPEN", "SAVED", "SCHEMA_VERSION", "Journal", "JournalError", "Visit"]
