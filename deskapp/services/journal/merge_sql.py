"""The SQL expressions a consolidation reads a snapshot's rows with (see :mod:`.merge`).

Every row is read through an acceptance test and every text through the privacy guard:

- ids must have the shape the program makes (32 lowercase hex digits: ids are not CPR
  checked), and a row must belong to the snapshot's own desk id;
- time stamps must have the journal's shape and lie between ``EARLIEST`` and the
  snapshot's own time plus ``SKEW`` (``:latest``); nothing later than that is believed;
- week, date, hour and weekday must have their shape; numbers are read as numbers;
- free texts and codes pass ``skranke_clean`` (:mod:`.text_guard`): a text with a CPR
  number, too long or not text is dropped (NULL, or '' where a value is required), control
  characters are removed; the row itself, and so its categories, still counts.
"""

from __future__ import annotations

from dataclasses import fields

from deskapp.services.journal import text_guard
from deskapp.services.journal.columns import TEXT_COLUMNS, Visit

EARLIEST = "2020-01-01"
STAMP = ("[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]."
         "[0-9][0-9][0-9][0-9][0-9][0-9]+00:00")
WEEK = "[0-9][0-9][0-9][0-9]-W[0-5][0-9]"
DATE = "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]"
MACHINE_MADE = {"id", "desk_id", "citizen", "started_utc", "ended_utc", "created_utc", "updated_utc",
                "deleted_utc"}
LABELS = {"desk", "site"}  # replaced by the snapshot's (guarded) labels
SHAPED = {"status", "local_date", "iso_week"}
VISIT_TEXTS = tuple(c for c in TEXT_COLUMNS if c not in MACHINE_MADE | LABELS | SHAPED)
REQUIRED_TEXTS = {"channel", "errand", "contact_type", "appointment"}  # NOT NULL in visits
INTEGERS = tuple(f.name for f in fields(Visit) if f.name not in TEXT_COLUMNS)
DEFAULTS = {"desk_id": "''", "appointment": "'drop_in'", "citizen": "s.id", "error_contact": "0",
            "handout": "0", "late_entry": "0"}


def hex_id(column: str) -> str:
    return f"(typeof({column}) = 'text' and {column} glob '{'[0-9a-f]' * 32}')"


def stamp_ok(column: str, nullable: bool = False) -> str:
    test = f"({column} glob '{STAMP}' and {column} between :earliest and :latest)"
    return f"({column} is null or {test})" if nullable else test


def same_or_stamp_ok(column: str, tested: str, nullable: bool = False) -> str:
    """``stamp_ok(column)``, given that ``stamp_ok(tested)`` is part of the same test: a
    text equal to a stamp that passes passes too (= between texts is exact: a number or a
    blob never equals a text), so only a different one is tested."""
    return f"({column} = {tested} or {stamp_ok(column, nullable)})"


def owner(desk_id_column: str | None, row: str) -> str:
    """SQL: the site journal's row ``row`` belongs to the snapshot's desk: it has its desk
    id, or it was merged before desks had ids (schema 5) under the snapshot's labels."""
    legacy = f"({row}.desk_id = '' and {row}.desk = :claim_desk and {row}.site = :claim_site)"
    return f"({row}.desk_id = :desk_id or {legacy})" if desk_id_column else legacy


def visit_accepted(have: set[str], row: str = "s") -> str:
    """SQL: the snapshot's visit ``row`` may be merged (see the module's docstring)."""
    return _visit_accepted(have).replace("s.", f"{row}.")


def _visit_accepted(have: set[str]) -> str:
    # A stamp equal to one tested already (created when started, ended and deleted when
    # last updated, the usual case) passes as that one does: the shape test is skipped
    # for it, not the test; the same for a citizen who is the visit itself.
    tests = [hex_id("s.id"), "s.status in ('open', 'saved')",
             stamp_ok("s.started_utc"), stamp_ok("s.updated_utc"),
             same_or_stamp_ok("s.created_utc", "s.started_utc"),
             same_or_stamp_ok("s.ended_utc", "s.updated_utc", True),
             same_or_stamp_ok("s.deleted_utc", "s.updated_utc", True),
             "s.updated_utc >= s.created_utc",
             f"s.iso_week glob '{WEEK}'", f"s.local_date glob '{DATE}'",
             "typeof(s.local_hour) = 'integer' and s.local_hour between 0 and 23",
             "typeof(s.weekday) = 'integer' and s.weekday between 1 and 7",
             "(s.duration_s is null or (typeof(s.duration_s) = 'integer' "
             "and s.duration_s between 0 and 86400))",
             "coalesce(s.error_contact, 0) in (0, 1)"]
    if "desk_id" in have:
        tests.insert(1, "s.desk_id = :desk_id")
    if "citizen" in have:
        tests.append(f"(s.citizen is null or s.citizen = s.id or {hex_id('s.citizen')})")
    return " and ".join(tests)


STEP_TEXTS = ("step", "status", "blocker", "note")


def step_accepted() -> str:
    """SQL: the snapshot's step event ``s`` has an id, a visit id and a time of the right
    shape (that its visit is the desk's own is tested by the merge's join; a visit id of
    the program's shape compares the same by any collation the snapshot's schema declares)."""
    return f"{hex_id('s.id')} and {hex_id('s.visit_id')} and {stamp_ok('s.at_utc')}"


def step_unclean() -> str:
    return f"skranke_unclean({text_guard.joined(list(STEP_TEXTS), 's')})"


def visit_values(main_columns: list[str], have: set[str], cleaned: bool) -> list[str]:
    """The value written for each of the site journal's visit columns."""
    values = []
    for column in main_columns:
        if column in LABELS:
            values.append(f":{column}")
        elif column not in have:
            values.append(DEFAULTS.get(column, "null"))
        elif column in VISIT_TEXTS:
            limit = text_guard.NOTE_MAX if column == "note" else text_guard.CODE_MAX
            value = f"skranke_clean(s.{column}, {limit})" if cleaned else f"s.{column}"
            if column in REQUIRED_TEXTS:
                value = f"coalesce({value}, '')" if cleaned else value
            if column == "note":
                value = f"(case when s.started_utc < :keep_notes_from then null else {value} end)"
            values.append(value)
        elif column in INTEGERS:
            values.append(f"cast(s.{column} as integer)")
        else:
            values.append(f"s.{column}")
    return values


def visit_unclean(have: set[str]) -> str:
    """SQL: 1 when a text of the visit row ``s`` needs cleaning (one guard call a row)."""
    return f"skranke_unclean({text_guard.joined([c for c in VISIT_TEXTS if c in have], 's')})"


def clean(column: str, limit: int = text_guard.CODE_MAX) -> str:
    return f"skranke_clean({column}, {limit})"
