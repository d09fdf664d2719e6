"""Percentages, the one rounding rule of every report (the page, the workbook, the PDF):
whole percent, half up, exact for fractions; differences of shares in percentage points
("procentpoint"); relative changes; and the distance to the goal in applications a week."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

GOAL = 0.80
Row = dict[str, Any]


def percent(value: float | Fraction | None) -> str:
    """A share as whole percent, the one rounding rule of every report: half rounds up
    (0.645 -> "65 %"), exact for fractions; "" when there is no share."""
    if value is None:
        return ""
    return f"{percent_points(value)} %"


def percent_points(value: float | Fraction) -> int:
    """The whole percent a share is shown as (half up)."""
    exact = Fraction(value).limit_denominator(10**9) * 100
    return int((exact + Fraction(1, 2)) // 1)


def points_text(now: float | None, before: float | None) -> str:
    """The difference of two shares in percentage points as shown, e.g. "+5 procentpoint"
    (computed from the shown percentages, so the figures add up on the page)."""
    if now is None or before is None:
        return ""
    diff = percent_points(now) - percent_points(before)
    return f"{diff:+d} procentpoint".replace("-", "−")


def change_text(moved: float | None) -> str:
    """A relative change as whole percent, e.g. "+12 %"; the same rounding rule."""
    if moved is None:
        return ""
    sign = "−" if moved < 0 else "+"
    return f"{sign}{percent_points(abs(moved))} %"


def gap_per_week(row: Row, weeks_count: int) -> int | None:
    """How many more digital applications a week (counter transactions done digitally
    instead) would bring the errand's digital share to the goal; 0 when it is reached,
    None without a share."""
    if row.get("digital_share") is None:
        return None
    total = int(row["digital"]) + int(row["counter_transactions"])
    done = int(row["digital"]) + int(row["completed_digitally"])
    missing = Fraction(GOAL).limit_denominator(100) * total - done
    if missing <= 0:
        return 0
    return int(-(-missing // max(weeks_count, 1)))  # rounded up: whole applications


def change(current: float | int | None, previous: float | int | None) -> float | None:
    """Relative change from previous to current, None when there is nothing to compare."""
    if current is None or not previous:
        return None
    return (current - previous) / previous
