"""The one way the UI writes to the journal (modelled on Anki's ``CollectionOp``).

A widget never calls a ``Journal`` write itself. It hands the call to
:meth:`JournalHub.write` with what the write changes; the hub runs it, words a refusal in
Danish once (through :mod:`messages`) and hands that text to the widget's ``on_error``,
and after a committed write broadcasts a :class:`Change` on ``changed``. Each view looks
at the change and refreshes only what it shows: the day's list when a visit of today
changed, the manager page when counted figures of a week in its range changed.

Writes of one visit take milliseconds and must be committed before the UI says "Gemt", so
they run on the UI thread; long jobs (exports, recounts, imports) run on the background
runner (:mod:`deskapp.ui.shell.background`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, JournalError, Visit
from deskapp.ui.shell import messages

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """What a committed write changed. ``None`` in a field means "any"."""

    kind: str  # "open" (an open visit), "visit" (saved/edited/undone), "coaching", "digital_counts"
    visit: str | None = None
    day: str | None = None  # the visit's local date, YYYY-MM-DD
    week: str | None = None  # its ISO week, e.g. 2026-W49
    counted: bool = True  # whether tallies can have changed

    @classmethod
    def of_visit(cls, visit: Visit) -> Change:
        return cls("visit", visit.id, visit.local_date, visit.iso_week)

    @classmethod
    def of_open(cls, visit_id: str) -> Change:
        return cls("open", visit_id, counted=False)

    def touches_day(self, day: str) -> bool:
        return self.kind == "visit" and self.day in (None, day)

    def touches_weeks(self, first: str, last: str) -> bool:
        return self.counted and (self.week is None or first <= self.week <= last)


class Failed:
    """What :meth:`JournalHub.write` returns when the journal refused the write."""

    def __bool__(self) -> bool:
        return False


FAILED = Failed()


class JournalHub(QObject):
    """Holds the open Journal and the Catalog; the UI's only writer and broadcaster."""

    changed = Signal(object)  # Change

    def __init__(self, journal: Journal, catalog: Catalog, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal
        self.catalog = catalog

    def write(self, call: Callable[[Journal], T], change: Change | Callable[[T], Change] | None,
              on_error: Callable[[str], None]) -> T | Failed:
        """Run ``call(journal)``; on success broadcast ``change`` (or ``change(result)``) and
        return the result, on a refusal give ``on_error`` the Danish text and return FAILED."""
        try:
            result = call(self.journal)
        except JournalError as exc:
            on_error(messages.journal_error(exc))
            return FAILED
        if change is not None:
            self.changed.emit(change(result) if callable(change) else change)
        return result

    def announce(self, change: Change) -> None:
        """Broadcast a change written elsewhere (an import on the background runner)."""
        self.changed.emit(change)
