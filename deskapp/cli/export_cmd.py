"""``deskapp export``: tallies, visits, shares and the KOMHEN counting week as CSV, XLSX or PDF."""

from __future__ import annotations

import argparse
import sys

from deskapp.cli.common import (
    CliError,
    add_journal_argument,
    guarded_name,
    load_catalog,
    load_settings,
    open_journal,
)
from deskapp.services import weeks
from deskapp.services.exports import ExportError
from deskapp.services.exports.registry import KINDS, formats_of, run_export
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal, tally_reads

FORMATS = ("csv", "xlsx", "pdf")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export", help="export tallies, visits, shares or a KOMHEN counting week")
    parser.add_argument("kind", choices=KINDS)
    add_journal_argument(parser)
    parser.add_argument("--from", dest="first", required=True, metavar="WEEK",
                        help="first ISO week, e.g. 2026-W40, or this-week / last-week")
    parser.add_argument("--to", dest="last", metavar="WEEK",
                        help="last ISO week (default: --from); also this-week / last-week")
    parser.add_argument("--format", choices=FORMATS, default="csv")
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.add_argument("--sep", default=";", choices=(";", ","), metavar="SEP",
                        help="CSV flavour: ';' with a decimal comma (default, Danish spreadsheets) "
                             "or ',' with a decimal point (scripts, English spreadsheets)")
    parser.add_argument("--min-count", type=int, default=0, metavar="N",
                        help="hide counts below N, and what would give them away (published reports)")
    parser.add_argument("--desk", action="append", default=[], metavar="NAME",
                        help="only these desks (repeat for more)")
    parser.add_argument("--site", action="append", default=[], metavar="NAME",
                        help="only these sites (repeat for more)")
    parser.set_defaults(handler=run)


RELATIVE = {"this-week": 0, "last-week": -1}


def resolve_week(text: str | None) -> str | None:
    """A week string, or this-week / last-week (Copenhagen time) for scheduled exports."""
    if text is None or text.strip().lower() not in RELATIVE:
        return text
    return weeks.shift_week(weeks.this_week(), RELATIVE[text.strip().lower()])


def run(args: argparse.Namespace) -> int:
    try:
        span = weeks.week_range(resolve_week(args.first) or "", resolve_week(args.last))
    except weeks.BadWeek as exc:
        raise CliError(str(exc)) from exc
    if args.min_count < 0:
        raise CliError("--min-count must be 0 or more")
    if args.format not in formats_of(args.kind):
        raise CliError(f"{args.kind} cannot be exported as {args.format}; "
                       f"use {' or '.join(formats_of(args.kind))}")
    desks = [guarded_name("--desk", name) for name in args.desk]  # shown in the report
    sites = [guarded_name("--site", name) for name in args.site]
    cat = load_catalog()
    config = load_settings()
    try:
        request = ExportRequest(args.kind, args.format, span, args.out, sep=args.sep,
                                min_count=args.min_count, desks=desks, sites=sites,
                                municipality=config.municipality, reference_file=config.reference_file)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    with open_journal(args.journal, reading=True) as journal:
        warn_unmatched(journal, desks, sites)
        try:
            rows = run_export(journal, cat, request)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        read_only = "; the journal is read-only and was only read" if journal.read_only else ""
    print(f"wrote {args.out} ({counted(args.kind, args.format, rows)}, {span[0]} to {span[-1]}"
          f"{read_only})")
    return 0


def warn_unmatched(journal: Journal, desks: list[str], sites: list[str]) -> None:
    """A --desk or --site naming nothing the journal has says so on stderr (the export is
    still written, and is empty for that name)."""
    if not desks and not sites:
        return
    known_desks, known_sites = tally_reads.desks_and_sites(journal)
    for flag, asked, known in (("--desk", desks, known_desks), ("--site", sites, known_sites)):
        for name in asked:
            if name not in known:
                have = ", ".join(repr(k) for k in known) or "none"
                print(f"deskapp: warning: {flag} {name!r} matches no counted visits in "
                      f"{journal.path}; it has {flag[2:]}s {have}", file=sys.stderr)


def counted(kind: str, fmt: str, n: int) -> str:
    """What the number an exporter returns is: data rows, visits listed, or visits counted."""
    if kind == "visits":
        return f"{n} visits"
    if fmt == "csv" or kind == "komhen":
        return f"{n} rows"
    if (kind, fmt) == ("shares", "xlsx"):
        return f"{n} week and errand rows"
    return f"{n} visits counted"  # the workbook and the report sum up the counted visits
