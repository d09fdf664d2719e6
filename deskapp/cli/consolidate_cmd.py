"""``deskapp consolidate``: merge desk snapshots into one site journal."""

from __future__ import annotations

import argparse

from deskapp.cli.common import CliError
from deskapp.services.consolidate import ConsolidateError, consolidate


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "consolidate", help="merge desk snapshots (*.skranke, searched in folders) into a site journal"
    )
    parser.add_argument("--into", required=True, metavar="PATH",
                        help="the site journal to merge into (created if missing)")
    parser.add_argument("sources", nargs="+", metavar="FOLDER_OR_FILE",
                        help="shared folders (searched recursively) or snapshot files")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        report = consolidate(args.into, args.sources)
    except ConsolidateError as exc:
        raise CliError(str(exc)) from exc
    for line in report.lines():
        print(line)
    if not report.ok:
        raise CliError("nothing could be merged: no usable snapshot found", exit_code=1)
    return 0
