"""The counter's visit workflow, Qt-free: one visit from the errand taken to the visit saved.

Used by the counter page (which runs each step through ``JournalHub.write``, so a refused
write is worded once and broadcast) and by ``deskapp log`` (which logs a whole visit in one
go). Every step that writes takes the journal as its first argument and changes the
workflow's state only after the journal call returned, so a refused write leaves the
visit on the screen as it was.

States: no open visit -> errand taken (open visit written) -> reason chosen -> outcome
chosen (saved). Around them: cancel (discard the open visit), undo (the last saved one),
the late-entry start time, the note guard, the same-citizen link (the next visit joins the
citizen of the visit saved last) and the appointment (booked or drop-in: the desk's default,
switched for one visit).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from deskapp.services import errand_match, guide, privacy, weeks
from deskapp.services.catalog import Catalog, Errand
from deskapp.services.journal import APPOINTMENTS, BOOKED, DROP_IN, Journal, Visit

LATE_ENTRY_LIMIT = timedelta(days=366)  # catching up from paper, not a typo'd year

# The outcome each guide mode describes; an outcome of this set that is not the mode's own
# contradicts the mode (mode "medbetjening", outcome "hjælp til selvbetjening").
MODE_OUTCOMES = {guide.COACHING: "coached", guide.SIDE_BY_SIDE: "assisted", guide.PROXY: "assisted"}


class StartTimeRefused(ValueError):
    """A late-entry start time that cannot be right: ``kind`` is "future" or "too_old"."""

    def __init__(self, kind: str, at: datetime):
        self.kind = kind
        self.at = at
        super().__init__(f"start time {at.isoformat()} is {kind}")


class NoVisitToLink(LookupError):
    """The same-citizen link was asked for, but the journal has no saved visit."""


def check_start(at: datetime | None, now: datetime | None = None) -> None:
    """The late-entry check: raise StartTimeRefused for a time in the future or more than
    LATE_ENTRY_LIMIT ago (a naive time is Danish local time, as staff type it)."""
    if at is None:
        return
    now = now or weeks.now_utc()
    if weeks.to_utc(at) > now:
        raise StartTimeRefused("future", at)
    if weeks.to_utc(at) < now - LATE_ENTRY_LIMIT:
        raise StartTimeRefused("too_old", at)


def guard_note(text: str | None, *, allow_warnings: bool = True) -> str | None:
    """The note as it may be stored (stripped, None when empty); raises
    privacy.FreeTextRefused for a CPR number, an over-long text and, unless
    ``allow_warnings``, an e-mail address or phone number."""
    return privacy.guard(text, allow_warnings=allow_warnings)


def note_from_search(text: str, other: Errand | None = None) -> str | None:
    """The typed search text offered as the note of an *Andet ærinde* visit (``other``):
    not when it only names that errand ("andet"), and only when it passes the privacy guard
    without a warning (a CPR number or an e-mail address is never offered)."""
    words = errand_match.fold(text).split()
    if other is not None and words and errand_match.score(words, other.search_keys):
        return None
    try:
        return guard_note(text, allow_warnings=False)
    except privacy.FreeTextRefused:
        return None


def mode_contradicts(guide_mode: str | None, outcome: str | None) -> bool:
    """Whether the guide's mode and the outcome tell different stories."""
    expected = MODE_OUTCOMES.get(guide_mode or "")
    return expected is not None and outcome in MODE_OUTCOMES.values() and outcome != expected


@dataclass(frozen=True)
class OpenVisit:
    id: str
    errand: Errand
    reason: str | None = None


class VisitFlow:
    """The state of one desk's counter form, and the steps that change it."""

    def __init__(self, catalog: Catalog, appointment_default: str = DROP_IN):
        self.catalog = catalog
        self.appointment_default = appointment_default if appointment_default in APPOINTMENTS else DROP_IN
        self.appointment = self.appointment_default  # of the open (or next) visit
        self.open: OpenVisit | None = None
        self.last_saved: str | None = None  # id of the visit saved last (undo, same citizen)
        self.same_citizen_as: str | None = None  # the next visit joins this visit's citizen

    # --- where the form stands ------------------------------------------------------------

    @property
    def stage(self) -> str:
        """"errand" (nothing open), "reason" or "outcome" (what the open visit waits for)."""
        if self.open is None:
            return "errand"
        return "reason" if self.open.reason is None else "outcome"

    # --- the steps ------------------------------------------------------------------------

    def take_errand(self, journal: Journal, errand: Errand, *, channel: str,
                    at: datetime | None = None) -> str:
        """Start the visit with this errand (written at once), or correct the open visit's
        errand. ``at``: a late-entry start time, checked with :func:`check_start` first."""
        if self.open is not None:
            journal.update_open(self.open.id, errand=errand.code, contact_type=errand.contact_type)
            self.open = replace(self.open, errand=errand)
            return self.open.id
        visit_id = journal.start_visit(
            errand.code, channel=channel, contact_type=errand.contact_type,
            catalog_version=self.catalog.version, at=at, appointment=self.appointment,
            same_citizen_as=self.same_citizen_as)
        self.open = OpenVisit(visit_id, errand)
        return visit_id

    def choose_reason(self, journal: Journal, reason: str) -> None:
        assert self.open is not None, "no open visit"
        journal.update_open(self.open.id, reason=reason)
        self.open = replace(self.open, reason=reason)

    def finish(self, journal: Journal, outcome: str, note: str | None = None, *,
               allow_warnings: bool = True) -> Visit:
        """Save the open visit with its outcome and the guarded note."""
        assert self.open is not None, "no open visit"
        note = guard_note(note, allow_warnings=allow_warnings)
        visit = journal.finish_visit(self.open.id, outcome, note=note)
        self._closed()
        self.last_saved = visit.id
        return visit

    def cancel(self, journal: Journal) -> str:
        """Discard the open visit (kept in the file, never counted); its id."""
        assert self.open is not None, "no open visit"
        visit_id = self.open.id
        journal.discard_open(visit_id)
        self._closed()
        return visit_id

    def undo(self, journal: Journal) -> Visit:
        """Mark the visit saved last as undone; the visit as it was."""
        assert self.last_saved is not None, "nothing saved to undo"
        visit = journal.visit(self.last_saved)
        journal.undo_visit(visit.id)
        self.last_saved = None
        if self.same_citizen_as == visit.id:
            self.same_citizen_as = None
        return visit

    def change_channel(self, journal: Journal, channel: str) -> None:
        if self.open is not None:
            journal.update_open(self.open.id, channel=channel)

    def switch_appointment(self, journal: Journal) -> str:
        """Booked <-> drop-in for this visit (the open one, or the next); the new value."""
        value = DROP_IN if self.appointment == BOOKED else BOOKED
        if self.open is not None:
            journal.update_open(self.open.id, appointment=value)
        self.appointment = value
        return value

    def set_appointment_default(self, value: str) -> None:
        """A new desk default (settings): the next visit starts from it; an open visit keeps
        what it has."""
        self.appointment_default = value if value in APPOINTMENTS else DROP_IN
        if self.open is None:
            self.appointment = self.appointment_default

    def same_citizen(self) -> str | None:
        """Let the next visit join the citizen of the visit saved last; that visit's id, or
        None when nothing was saved (or a visit is open)."""
        if self.open is not None or self.last_saved is None:
            return None
        self.same_citizen_as = self.last_saved
        return self.last_saved

    def forget_same_citizen(self) -> None:
        self.same_citizen_as = None

    def link_previous(self, journal: Journal) -> Visit:
        """The same-citizen link to the journal's visit saved last (``deskapp log --same-citizen``)."""
        previous = journal.last_saved()
        if previous is None:
            raise NoVisitToLink("the journal has no saved visit")
        self.same_citizen_as = previous.id
        return previous

    def resume(self, visit: Visit) -> None:
        """Take up an open visit left by a crash or restart."""
        errand = self.catalog.errand(visit.errand)
        if errand is None:  # not in this catalogue: keep its code and contact type
            errand = Errand(visit.errand, visit.errand, "", contact_type=visit.contact_type)
        self.open = OpenVisit(visit.id, errand, visit.reason)
        self.appointment = visit.appointment if visit.appointment in APPOINTMENTS else DROP_IN

    def log(self, journal: Journal, errand: Errand, *, reason: str, outcome: str, channel: str,
            at: datetime | None = None, note: str | None = None) -> Visit:
        """A whole visit in one go (``deskapp log``): the same checks as the counter form."""
        check_start(at)
        note = guard_note(note, allow_warnings=False)
        visit = journal.log_visit(
            errand=errand.code, reason=reason, outcome=outcome, channel=channel,
            contact_type=errand.contact_type, catalog_version=self.catalog.version, at=at,
            note=note, appointment=self.appointment, same_citizen_as=self.same_citizen_as)
        self._closed()
        self.last_saved = visit.id
        return visit

    def _closed(self) -> None:
        self.open = None
        self.same_citizen_as = None
        self.appointment = self.appointment_default
