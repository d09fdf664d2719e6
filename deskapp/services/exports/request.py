"""What one export is asked to write: a typed request instead of an options bag."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from deskapp.services.exports import ExportError
from deskapp.services.tallies import Query

SEPARATORS = (";", ",")
DANISH_SEP = ";"  # with a decimal comma: what a Danish spreadsheet opens as numbers


@dataclass(frozen=True)
class ExportRequest:
    """One export: ``kind`` (tallies, visits, shares, komhen) as ``fmt`` (csv, xlsx, pdf) of
    the ISO weeks ``span`` into ``out``.

    ``sep``: the CSV flavour, ';' with a decimal comma (the default, for Danish spreadsheets)
    or ',' with a decimal point (for scripts and English spreadsheets). ``min_count``: counts
    below it are hidden, with the cells that would give them away (secondary suppression).
    ``reference_file``: a municipality's own reference figures ("" = the shipped file).
    """

    kind: str
    fmt: str
    span: Sequence[str]
    out: Path | str
    sep: str = DANISH_SEP
    min_count: int = 0
    desks: Sequence[str] = field(default=())
    sites: Sequence[str] = field(default=())
    municipality: str = ""
    reference_file: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))
        object.__setattr__(self, "out", Path(self.out))
        object.__setattr__(self, "desks", tuple(self.desks))
        object.__setattr__(self, "sites", tuple(self.sites))
        if not self.span:
            raise ExportError("the week range is empty", "empty_range")
        if not isinstance(self.min_count, int) or self.min_count < 0:
            raise ExportError("--min-count must be a whole number of 0 or more", "min_count")
        if self.sep not in SEPARATORS:
            raise ExportError(f"the CSV separator must be ';' or ',', not {self.sep!r}", "separator")

    @property
    def path(self) -> Path:
        return Path(self.out)

    @property
    def query(self) -> Query:
        return Query.of_span(self.span, self.desks, self.sites)

    @property
    def decimal_comma(self) -> bool:
        return self.sep == ";"
