"""ISO weeks and local time in Europe/Copenhagen: the unit of every tally."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Europe/Copenhagen")
WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


class BadWeek(ValueError):
    """A week string that is not a real ISO week; the message says why in plain words."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive time is read as Copenhagen local time (what staff type)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return moment.astimezone(UTC)


def stamp(moment: datetime) -> str:
    """Sortable UTC text stamp with microseconds, the journal's time format."""
    return to_utc(moment).isoformat(timespec="microseconds")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local(moment: datetime) -> datetime:
    return to_utc(moment).astimezone(LOCAL_TZ)


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str) -> str:
    """Normalise '2026-W7', '2026W07' to '2026-W07'; raise BadWeek for anything else."""
    match = WEEK_RE.match(text.strip())
    if not match:
        raise BadWeek(f"'{text}' is not a week; write it like 2026-W48")
    year, week = int(match.group(1)), int(match.group(2))
    if week < 1 or week > weeks_in_year(year):
        raise BadWeek(f"{year} has no week {week} (it has {weeks_in_year(year)} weeks)")
    return f"{year}-W{week:02d}"


def weeks_in_year(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


def monday_of(week: str) -> date:
    year, number = (int(part) for part in parse_week(week).split("-W"))
    return date.fromisocalendar(year, number, 1)


def week_range(first: str, last: str | None = None) -> list[str]:
    """Every ISO week from first to last inclusive; BadWeek when the range is empty."""
    start = monday_of(first)
    end = monday_of(last) if last else start
    if end < start:
        raise BadWeek(f"the range {first} to {last} is empty: the end is before the start")
    weeks = []
    day = start
    while day <= end:
        weeks.append(week_of(day))
        day += timedelta(days=7)
    return weeks


def shift_week(week: str, delta: int) -> str:
    return week_of(monday_of(week) + timedelta(days=7 * delta))


def this_week(today: date | None = None) -> str:
    return week_of(today or local(now_utc()).date())
