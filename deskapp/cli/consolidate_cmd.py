"""``deskapp consolidate``: merge desk snapshots into one site journal."""

from __future__ import annotations

import argparse

from deskapp.cli.common import CliError, load_settings
from deskapp.services.consolidate import ConsolidateError, consolidate
from deskapp.services.journal.retention import MAX_DAYS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "consolidate", help="merge desk snapshots (*.skranke, searched in folders) into a site journal"
    )
    parser.add_argument("--into", required=True, metavar="PATH",
                        help="the site journal to merge into (created if missing)")
    parser.add_argument("--retention-days", type=int, metavar="N",
                        help="erase notes of visits older than N days in the site journal "
                             "(default: the retention_days setting)")
    parser.add_argument("--signed-only", action="store_true",
                        help="refuse unsigned snapshots (once every desk runs this version)")
    parser.add_argument("sources", nargs="+", metavar="FOLDER_OR_FILE",
                        help="shared folders (searched recursively) or snapshot files")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    days = args.retention_days if args.retention_days is not None else load_settings().retention_days
    if not 0 <= days <= MAX_DAYS:
        raise CliError(f"--retention-days must be between 0 and {MAX_DAYS}")
    try:
        report = consolidate(args.into, args.sources, retention_days=days, signed_only=args.signed_only)
    except ConsolidateError as exc:
        raise CliError(str(exc)) from exc
    for line in report.lines():
        print(line)
    if not report.ok:
        raise CliError("nothing could be merged: no usable snapshot found", exit_code=1)
    return 0
