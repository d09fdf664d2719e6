"""What a consolidation did, for the command line, the dialog and the log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from deskapp.services import weeks
from deskapp.services.journal.merge_plan import Counts
from deskapp.services.journal.text_guard import strip_controls

STALE_AFTER = timedelta(days=7)


def shown(text: object) -> str:
    """A name or path from outside as it may be shown: no control characters."""
    return "".join(c if c.isprintable() else "?" for c in str(text))


@dataclass
class MergedSnapshot(Counts):
    path: Path = Path()
    desk: str = ""
    site: str = ""
    snapshot_utc: str | None = None
    desk_id: str = ""
    size: int = 0  # visits in the snapshot
    stale: bool = False
    signed: bool = False
    pinned_now: str | None = None  # the key's fingerprint, when this merge pinned it
    label_dropped: bool = False

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass
class SkippedFile:
    path: Path
    reason: str


@dataclass
class ConsolidationReport:
    into: Path
    merged: list[MergedSnapshot] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    notes_erased: int = 0
    retention_days: int | None = None

    @property
    def ok(self) -> bool:
        return bool(self.merged)

    def lines(self) -> list[str]:
        """The report as plain lines (command line, log); names without control characters."""
        out = []
        for m in self.merged:
            taken = short_time(m.snapshot_utc)
            name = f"{strip_controls(m.site)}/{strip_controls(m.desk)}"
            out.append(f"{name}: {m.new} new, {m.updated} updated, {m.unchanged} unchanged "
                       f"visits; snapshot taken {taken} ({shown(m.path)})")
            out.extend(f"{name}: {line}" for line in detail_lines(m))
            if m.stale:
                out.append(f"warning: the snapshot of {name} is more than "
                           f"{STALE_AFTER.days} days old ({taken}); is that desk still publishing?")
        for s in self.skipped:
            out.append(f"skipped {shown(s.path)}: {s.reason}")
        if self.notes_erased:
            limit = f" or older than {self.retention_days} days" if self.retention_days is not None else ""
            out.append(f"retention: {self.notes_erased} note(s) erased in the site journal (purged at "
                       f"their desk{limit})")
        new = sum(m.new for m in self.merged)
        updated = sum(m.updated for m in self.merged)
        out.append(f"merged {len(self.merged)} snapshot(s) into {shown(self.into)}: {new} new, "
                   f"{updated} updated visits; {len(self.skipped)} file(s) skipped")
        return out


def detail_lines(m: MergedSnapshot) -> list[str]:
    """Refusals, dropped texts and trust notes of one merged snapshot (English)."""
    out = []
    if m.pinned_now:
        out.append(f"trusted on first use: desk id {m.desk_id} signs with key {m.pinned_now}")
    if not m.signed:
        out.append("warning: unsigned snapshot (an older Skranke); merged because this desk id "
                   "has never sent a signed one; update Skranke on that PC")
    if m.refused_other_desk:
        out.append(f"refused {m.refused_other_desk} row(s) of another desk")
    if m.refused_implausible:
        out.append(f"refused {m.refused_implausible} visit(s) with implausible times or values "
                   "(later than the snapshot, before 2020, or misshapen)")
    if m.texts_dropped:
        out.append(f"dropped the texts of {m.texts_dropped} visit(s) (a CPR number, control "
                   "characters or too long); their categories still count")
    if m.label_dropped:
        out.append("the snapshot's desk or site name was refused (a CPR number or too long); "
                   "the desk id is shown instead")
    return out


def short_time(stamp: str | None) -> str:
    if not stamp:
        return "at an unknown time"
    moment = weeks.local(weeks.parse_stamp(stamp))
    return moment.strftime("%Y-%m-%d %H:%M")
