"""Discretion for published figures: primary and secondary suppression.

With a minimum N, a count of 1 to N-1 is hidden (primary, shown as "<N"). That alone can be
undone: a row whose total is shown and which has one hidden cell gives the cell away by
subtraction. So every group of figures that adds up to a shown figure (a table's rows and
columns with their totals, the channels with the total of visits, transactions plus
information) is a *line*, and the standard rule applies to each line until nothing
changes: a line has never exactly one hidden member. If it has one, the smallest other
non-zero member is hidden too (secondary, shown as "x"), or the line's total when there is
none. A share computed from a hidden count is hidden (the callers check ``hidden``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

Key = Hashable
SECONDARY = "x"


@dataclass
class Cells:
    """Figures with their lines: the values by key and the groups that add up (a line is
    its members followed by its total's key)."""

    min_count: int
    values: dict[Key, int] = field(default_factory=dict)
    lines: list[tuple[tuple[Key, ...], Key]] = field(default_factory=list)
    primary: set[Key] = field(default_factory=set)
    secondary: set[Key] = field(default_factory=set)

    def add(self, key: Key, value: int) -> None:
        self.values[key] = int(value)

    def line(self, members: Iterable[Key], total: Key) -> None:
        self.lines.append((tuple(members), total))

    def hidden(self, key: Key) -> bool:
        return key in self.primary or key in self.secondary

    def shown(self, key: Key, value: int) -> int | str:
        """``value`` (the figure of ``key``), "<N" or "x"."""
        if key in self.primary:
            return f"<{self.min_count}"
        if key in self.secondary:
            return SECONDARY
        return value

    def protect(self) -> Cells:
        if self.min_count <= 1:
            return self
        self.primary = {k for k, v in self.values.items() if 0 < v < self.min_count}
        changed = True
        while changed:
            changed = False
            for members, total in self.lines:
                group = (*members, total)
                hidden = [k for k in group if self.hidden(k)]
                if len(hidden) != 1:
                    continue
                self.secondary.add(self._complement(members, total))
                changed = True
        return self

    def _complement(self, members: Sequence[Key], total: Key) -> Key:
        open_cells = [k for k in members if not self.hidden(k) and self.values.get(k, 0) > 0]
        if open_cells:
            return min(open_cells, key=lambda k: (self.values[k], str(k)))
        if not self.hidden(total):
            return total
        return next((k for k in members if not self.hidden(k)), total)  # a zero: still hides the rest


def table(min_count: int, cells: dict[tuple[Key, Key], int], rows: Sequence[Key],
          columns: Sequence[Key]) -> Cells:
    """A two-way table with row totals ((r, TOTAL)), column totals ((TOTAL, c)) and the
    grand total ((TOTAL, TOTAL)), all shown: protected."""
    out = Cells(min_count)
    for r in rows:
        for c in columns:
            out.add((r, c), cells.get((r, c), 0))
        out.add((r, TOTAL), sum(cells.get((r, c), 0) for c in columns))
    for c in columns:
        out.add((TOTAL, c), sum(cells.get((r, c), 0) for r in rows))
    out.add((TOTAL, TOTAL), sum(out.values[(r, TOTAL)] for r in rows))
    for r in rows:
        out.line([(r, c) for c in columns], (r, TOTAL))
    for c in columns:
        out.line([(r, c) for r in rows], (TOTAL, c))
    out.line([(r, TOTAL) for r in rows], (TOTAL, TOTAL))
    out.line([(TOTAL, c) for c in columns], (TOTAL, TOTAL))
    return out.protect()


TOTAL = "__total__"
