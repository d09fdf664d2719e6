"""Import counts of digital self-service applications per errand and ISO week.

The CSV has a header ``week,errand,count,source`` (any column order, ``,`` or ``;`` as
separator, UTF-8 with or without BOM). An import is atomic: one bad row rejects the whole
file and nothing changes. It is idempotent: rows are keyed by (week, errand, source), a
repeated row with the same count changes nothing, a new count replaces the old one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from deskapp.services import privacy, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal

COLUMNS = ("week", "errand", "count", "source")
MAX_COUNT = 10_000_000


class ImportRejected(Exception):
    """The file cannot be imported; ``line`` is its line number (the header is line 1).

    ``kind`` names the cause and ``values`` its details, so the app can say it in Danish:
    cannot_read (path, error), not_utf8, empty, header_lacks (missing), fields (found, expected),
    repeats (week, errand, source, first), no_rows, missing (column), bad_week (text),
    unknown_errand (code), not_a_count (text), too_large (count), cpr (column: its header
    name, or #N when the header cell itself holds the number; any cell is checked).
    """

    def __init__(self, reason: str, line: int | None = None, kind: str = "", **values: object):
        self.reason = reason
        self.line = line
        self.kind = kind
        self.values = values
        super().__init__(f"line {line}: {reason}" if line else reason)


@dataclass(frozen=True)
class CountRow:
    week: str
    errand: str
    count: int
    source: str


@dataclass(frozen=True)
class ImportResult:
    rows: int
    added: int
    changed: int
    unchanged: int


def read_file(path: Path | str, catalog: Catalog) -> list[CountRow]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        error = exc.strerror or str(exc)
        raise ImportRejected(f"cannot read {path}: {error}", None, "cannot_read", path=str(path),
                             error=error) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected("the file is not UTF-8 text", None, "not_utf8") from exc
    return parse(text, catalog)


def parse(text: str, catalog: Catalog) -> list[CountRow]:
    """Read and check every row; raise ImportRejected at the first bad one."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportRejected("the file is empty; expected a header week,errand,count,source", 1, "empty")
    sep = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    header = [h.strip().lower() for h in next(reader)]
    _refuse_cpr(header, [], 1)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportRejected(f"the header lacks {', '.join(missing)}; expected week,errand,count,source", 1,
                             "header_lacks", missing=", ".join(missing))
    where = {c: header.index(c) for c in COLUMNS}
    errands = catalog.codes("errands")
    rows: list[CountRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        _refuse_cpr(cells, header, line)
        if len(cells) != len(header):
            raise ImportRejected(f"has {len(cells)} fields, the header has {len(header)}", line, "fields",
                                 found=len(cells), expected=len(header))
        value = {c: cells[i].strip() for c, i in where.items()}
        row = _check(value, errands, line)
        key = (row.week, row.errand, row.source)
        if key in seen:
            raise ImportRejected(f"repeats week {row.week}, errand {row.errand}, source {row.source} "
                                 f"from line {seen[key]}", line, "repeats", week=row.week, errand=row.errand,
                                 source=row.source, first=seen[key])
        seen[key] = line
        rows.append(row)
    if not rows:
        raise ImportRejected("the file has a header but no rows", None, "no_rows")
    return rows


def _refuse_cpr(cells: list[str], header: list[str], line: int) -> None:
    """Refuse the file when any cell (header, extra columns too) holds a CPR number: never
    stored, never repeated in a message, which names the column (or its number)."""
    for index, cell in enumerate(cells):
        if privacy.contains_cpr(cell):
            named = index < len(header) and header[index] and not privacy.contains_cpr(header[index])
            column = header[index] if named else f"#{index + 1}"
            raise ImportRejected(f"the {column} field contains what looks like a CPR number; "
                                 "remove it", line, "cpr", column=column)


def _check(value: dict[str, str], errands: set[str], line: int) -> CountRow:
    for column in COLUMNS:
        if not value[column]:
            raise ImportRejected(f"missing {column}", line, "missing", column=column)
    try:
        week = weeks.parse_week(value["week"])
    except weeks.BadWeek as exc:
        raise ImportRejected(f"bad week: {exc}", line, "bad_week", text=value["week"]) from exc
    if value["errand"] not in errands:
        raise ImportRejected(f"unknown errand code '{value['errand']}'", line, "unknown_errand",
                             code=value["errand"])
    text = value["count"]
    if not text.isdigit() or not text.isascii():
        raise ImportRejected(f"count '{text}' is not a whole number of 0 or more", line, "not_a_count",
                             text=text)
    count = int(text)
    if count > MAX_COUNT:
        raise ImportRejected(f"count {count} is implausibly large", line, "too_large", count=count)
    return CountRow(week, value["errand"], count, value["source"])


def store(journal: Journal, rows: list[CountRow]) -> ImportResult:
    """Upsert the rows in one transaction; rows whose count is already stored are left alone."""
    added, changed = journal.store_digital_counts(
        (row.week, row.errand, row.source, row.count) for row in rows)
    return ImportResult(len(rows), added, changed, len(rows) - added - changed)


def import_file(journal: Journal, catalog: Catalog, path: Path | str) -> ImportResult:
    """Check the whole file, then store it; raise ImportRejected and change nothing if bad."""
    return store(journal, read_file(path, catalog))
