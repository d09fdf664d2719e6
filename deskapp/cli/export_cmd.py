"""``deskapp export``: tallies, visits and shares as CSV, XLSX or PDF."""

from __future__ import annotations

import argparse

from deskapp.cli.common import CliError, add_journal_argument, load_catalog, open_journal
from deskapp.services import weeks
from deskapp.services.exports import ExportError, run_export

KINDS = ("visits",)
FORMATS = ("csv",)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="export tallies, visits or shares for a week range")
    parser.add_argument("kind", choices=KINDS)
    add_journal_argument(parser)
    parser.add_argument("--from", dest="first", required=True, metavar="WEEK",
                        help="first ISO week, e.g. 2026-W40")
    parser.add_argument("--to", dest="last", metavar="WEEK", help="last ISO week (default: --from)")
    parser.add_argument("--format", choices=FORMATS, default="csv")
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.add_argument("--sep", default=",", choices=(",", ";"),
                        help="CSV separator; ';' for Danish Excel")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        span = weeks.week_range(args.first, args.last)
    except weeks.BadWeek as exc:
        raise CliError(str(exc)) from exc
    cat = load_catalog()
    with open_journal(args.journal) as journal:
        try:
            rows = run_export(args.kind, args.format, journal, cat, span, args.out, sep=args.sep)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
    print(f"wrote {args.out} ({rows} rows, {span[0]} to {span[-1]})")
    return 0
