"""Reference figures for the digital shares: a national and a best municipality's share
per errand, read from a small CSV (resources/reference/reference_shares.csv, or a
municipality's own file named by the ``reference_file`` setting)."""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from deskapp import paths
from deskapp.services import privacy
from deskapp.services.percentages import percent

log = logging.getLogger("skranke.reference")
KINDS = {"national": "landsplan", "best": "bedste kommune"}
COLUMNS = ("errand", "share", "kind", "place", "year", "source")


@dataclass(frozen=True)
class Reference:
    errand: str
    share: float
    kind: str  # national or best
    place: str
    year: int
    source: str

    @property
    def text(self) -> str:
        """"64 % (landsplan 2012)" or "92 % (Hjørring Kommune 2012)"."""
        where = KINDS["national"] if self.kind == "national" else self.place
        return f"{percent(self.share)} ({where} {self.year})"


@lru_cache(maxsize=1)  # a refresh asks every time
def shipped_file() -> Path:
    return paths.resources_dir() / "reference" / "reference_shares.csv"


_read: dict[tuple[str, int, int], dict[str, list[Reference]]] = {}


def load(path: Path | str = "") -> dict[str, list[Reference]]:
    """Errand code -> its reference figures, national first. Unreadable rows are skipped
    (and logged); a file that cannot be read at all gives no figures, never an error.
    A file is read again only when it changed (every refresh of the page asks)."""
    source = Path(path) if path else shipped_file()
    try:
        stat = source.stat()
    except OSError as exc:
        log.warning("reference figures %s cannot be read: %s", source, exc)
        return {}
    key = (str(source), stat.st_mtime_ns, stat.st_size)
    if key not in _read:
        _read.clear()
        _read[key] = _parse(source)[0]
    return _read[key]


@dataclass(frozen=True)
class Checked:
    """What a reference file holds: whether it could be read, and the figures read (the
    lines skipped are logged)."""

    readable: bool
    figures: int


def check(path: Path | str) -> Checked:
    """Read a municipality's reference file as the page would, for the settings dialog."""
    found, readable = _parse(Path(path))
    return Checked(readable, sum(len(refs) for refs in found.values()))


def _parse(source: Path) -> tuple[dict[str, list[Reference]], bool]:
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("reference figures %s cannot be read: %s", source, exc)
        return {}, False
    found: dict[str, list[Reference]] = {}
    for line, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        try:
            ref = Reference(row["errand"].strip(), float(row["share"]), row["kind"].strip(),
                            (row.get("place") or "").strip(), int(row["year"]),
                            (row.get("source") or "").strip())
        except (KeyError, ValueError, TypeError, AttributeError):
            log.warning("reference figures %s line %d skipped: not errand,share,kind,place,year,source",
                        source, line)
            continue
        if ref.kind not in KINDS or not 0 <= ref.share <= 1 or privacy.fields_with_cpr(
                {"place": ref.place, "source": ref.source, "errand": ref.errand}):
            log.warning("reference figures %s line %d skipped", source, line)
            continue
        found.setdefault(ref.errand, []).append(ref)
    for refs in found.values():
        refs.sort(key=lambda r: (r.kind != "national", -r.year))
    return found, True


def short_line(refs: list[Reference]) -> str:
    """For a narrow column: "64 % landsplan · 92 % Hjørring"."""
    def where(r: Reference) -> str:
        return KINDS["national"] if r.kind == "national" else r.place.removesuffix(" Kommune")

    return " · ".join(f"{percent(r.share)} {where(r)}" for r in refs)


def line(refs: list[Reference]) -> str:
    """All of an errand's figures on one line: "64 % (landsplan 2012) · 92 % (Hjørring ...)"."""
    return " · ".join(r.text for r in refs)
