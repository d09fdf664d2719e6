"""One declaration of a visit: its columns, which a user may edit, which the tallies use.

:class:`Visit` is the declaration. Each field's metadata says whether staff may change it
after the visit started (``editable``: the edit dialog, ``deskapp log``, the guide) and
whether the weekly tally tables add visits up by it (``tallied``). Everything else that
needs a visit's columns derives them from here: the row ``start_visit`` writes, ``EDITABLE``,
the consolidation's column check, the tally tables' sanity test. The SQL of the shipped
schema versions lives, frozen, in ``migrations``.

"Counted" has one definition, :func:`counted`: saved (not open) and not undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from deskapp.services import weeks

OPEN, SAVED = "open", "saved"
DROP_IN, BOOKED = "drop_in", "booked"
APPOINTMENTS = (DROP_IN, BOOKED)


def _column(*, editable: bool = False, tallied: bool = False) -> Any:
    return field(metadata={"editable": editable, "tallied": tallied})


@dataclass
class Visit:
    id: str = _column()
    desk_id: str = _column(tallied=True)  # the random id of the desk that wrote it (schema 5)
    desk: str = _column(tallied=True)  # the desk's name when it wrote the visit (a label)
    site: str = _column(tallied=True)
    status: str = _column()
    started_utc: str = _column()
    ended_utc: str | None = _column()
    local_date: str = _column()
    iso_week: str = _column(tallied=True)
    local_hour: int = _column(tallied=True)
    weekday: int = _column(tallied=True)
    channel: str = _column(editable=True, tallied=True)
    errand: str = _column(editable=True, tallied=True)
    reason: str | None = _column(editable=True, tallied=True)
    outcome: str | None = _column(editable=True, tallied=True)
    contact_type: str = _column(editable=True, tallied=True)
    error_contact: int = _column(editable=True, tallied=True)
    duration_s: int | None = _column(tallied=True)
    life_event: int | None = _column(editable=True)
    first_time: int | None = _column(editable=True)
    age_band: str | None = _column(editable=True)
    note: str | None = _column(editable=True)
    guide_mode: str | None = _column(editable=True)
    handout: int = _column(editable=True)
    late_entry: int = _column()
    appointment: str = _column(editable=True, tallied=True)  # drop_in | booked (schema 5)
    citizen: str = _column(tallied=True)  # the first visit's id of the citizen's errands (schema 5)
    catalog_version: str = _column()
    created_utc: str = _column()
    updated_utc: str = _column()
    deleted_utc: str | None = _column()

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Visit:
        return cls(**{name: row.get(name) for name in COLUMNS})  # type: ignore[arg-type]

    @property
    def started_local(self) -> datetime:
        return weeks.local(weeks.parse_stamp(self.started_utc))

    @property
    def counted(self) -> bool:
        return self.status == SAVED and self.deleted_utc is None


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Visit))
EDITABLE: tuple[str, ...] = tuple(f.name for f in fields(Visit) if f.metadata["editable"])
TALLIED: tuple[str, ...] = tuple(f.name for f in fields(Visit) if f.metadata["tallied"])
TEXT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Visit) if "str" in str(f.type))


def counted(row: str = "") -> str:
    """SQL: the visit (``row``: a table alias, or none) is counted: saved and not undone."""
    prefix = f"{row}." if row else ""
    return f"{prefix}status = '{SAVED}' and {prefix}deleted_utc is null"
