"""Which files on the shared folder a consolidation takes, and why it refuses the others:
the read-only checks, the snapshot time, the labels, and the signature and its pinned key
(trust on first use). See ``deskapp.services.consolidate``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from deskapp.services import consolidate_labels as labels
from deskapp.services import signing, weeks
from deskapp.services.consolidate_report import ConsolidationReport, SkippedFile
from deskapp.services.journal import site_desks
from deskapp.services.journal.snapshot_check import SnapshotInfo, inspect
from deskapp.services.publish import SNAPSHOT_SUFFIX

SKEW = timedelta(minutes=10)  # clock difference allowed between a desk PC and this one
Identity = tuple[int, int, int]  # a file as os.stat tells it apart: inode, size, change time


class ConsolidateError(Exception):
    """The consolidation cannot start (target unusable, no sources); a plain message."""


@dataclass
class Candidate:
    path: Path
    info: SnapshotInfo
    trailer: signing.Trailer | None
    desk_id: str
    desk: str  # labels as the snapshot gives them (cleaned)
    site: str
    snapshot_utc: str
    label_dropped: bool = False
    verified: Future[os.stat_result] | None = None
    # The workers' tests and counts, each with the file it read (see consolidate._on_file)
    recounted: Future[tuple[Identity | None, dict[str, list[tuple[Any, ...]]]]] | None = None
    odd: Future[tuple[Identity | None, int]] | None = None
    odd_steps: Future[tuple[Identity | None, int]] | None = None
    attached: Identity | None = None  # the file the merge attached (None: it changed meanwhile)
    pins: bool = False  # a signed snapshot of a desk id without a pinned key


def find_snapshots(sources: Iterable[Path | str]) -> list[Path]:
    """Every ``*.skranke`` file under the given folders (recursively) plus the given files.

    Hidden temporary files of a publish in progress are ignored. Raises ConsolidateError
    for a source that does not exist.
    """
    found: dict[Path, None] = {}
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for candidate in sorted(path.rglob("*" + SNAPSHOT_SUFFIX)):
                if candidate.is_file() and not candidate.name.startswith("."):
                    found[candidate] = None
        elif path.is_file():
            found[path] = None
        else:
            raise ConsolidateError(f"{path} does not exist (or the shared folder is offline)")
    return list(found)


def damaged(path: Path, problem: str) -> str:
    return (f"the site journal {path} is damaged ({problem}); it was not changed - "
            f"'deskapp restore --journal {path}' puts back the newest good backup")


def candidate(path: Path, now: datetime, report: ConsolidationReport) -> Candidate | None:
    def skip(reason: str) -> None:
        report.skipped.append(SkippedFile(path, reason))

    try:
        trailer = signing.read_trailer(path)
    except (OSError, signing.SignatureProblem) as exc:
        skip(f"refused: {exc}")
        return None
    problem, info = inspect(path, database_bytes=trailer.length if trailer else None,
                            full_check=trailer is None)
    if problem or info is None:
        skip(problem or "cannot be read")
        return None
    meta = info.meta
    desk_id = meta.get("desk_id", "")
    if info.schema >= 5 and not labels.is_desk_id(desk_id):
        skip("refused: it has no valid desk id")
        return None
    if info.schema < 5:
        desk_id = ""
    stamp = meta.get("snapshot_utc")
    if trailer is not None and not stamp:
        skip("refused: a signed snapshot without its snapshot time")
        return None
    if not stamp:  # a plain journal copied by hand: use the file time
        stamp = weeks.stamp(datetime.fromtimestamp(path.stat().st_mtime, UTC))
    try:
        taken = weeks.parse_stamp(stamp)
        stamp = weeks.stamp(taken)
    except (ValueError, TypeError):
        skip("refused: its snapshot time is not a time")
        return None
    if taken > now + SKEW:
        skip(f"refused: dated in the future ({stamp[:16]}; this PC's clock says {weeks.stamp(now)[:16]})")
        return None
    desk, site, dropped = labels.snapshot_labels(meta, path, desk_id)
    return Candidate(path, info, trailer, desk_id, desk, site, stamp, label_dropped=dropped)


def trusted(candidates: list[Candidate], known: dict[str, site_desks.SiteDesk], signed_only: bool,
             report: ConsolidationReport) -> list[Candidate]:
    """Keep the snapshots whose signature may be believed (trust on first use)."""
    claims: dict[str, set[str]] = {}
    for c in candidates:
        if c.trailer is not None and c.desk_id:
            claims.setdefault(c.desk_id, set()).add(c.trailer.public_hex)
    kept = []
    for c in candidates:
        pinned = known[c.desk_id].public_key if c.desk_id in known else None
        reason = None
        if c.trailer is None:
            if signed_only:
                reason = "refused: unsigned (this consolidation takes signed snapshots only)"
            elif pinned:
                reason = (f"refused: unsigned, but desk id {c.desk_id} signs its snapshots "
                          f"(key {signing.fingerprint(pinned)})")
        elif not c.desk_id:
            reason = "refused: signed, but written without a desk id"
        elif pinned and pinned != c.trailer.public_hex:
            reason = (f"refused: signed by key {signing.fingerprint(c.trailer.public_hex)}, but desk id "
                      f"{c.desk_id} is pinned to key {signing.fingerprint(pinned)}; if that counter PC "
                      f"was replaced, IT re-trusts it with 'deskapp trust reset --journal SITE "
                      f"--desk-id {c.desk_id}'")
        elif not pinned and len(claims[c.desk_id]) > 1:
            reason = (f"refused: {len(claims[c.desk_id])} different keys claim desk id {c.desk_id}, "
                      "which has none pinned yet; remove the forged file(s), then consolidate again")
        if reason:
            report.skipped.append(SkippedFile(c.path, reason))
            continue
        c.pins = c.trailer is not None and not pinned
        kept.append(c)
    return kept


