"""``deskapp import-digital``: import digital self-service counts per errand and week."""

from __future__ import annotations

import argparse
from pathlib import Path

from deskapp.cli.common import CliError, add_journal_argument, load_catalog, open_journal
from deskapp.services import digital_counts
from deskapp.services.journal import JournalError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "import-digital",
        help="import counts of digital applications (CSV: week,errand,count,source)",
    )
    add_journal_argument(parser)
    parser.add_argument("file", metavar="FILE.csv", help="CSV with the header week,errand,count,source")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    cat = load_catalog()
    try:
        rows = digital_counts.read_file(args.file, cat)
    except digital_counts.ImportRejected as exc:
        raise CliError(f"{Path(args.file).name} not imported, nothing changed: {exc}") from exc
    with open_journal(args.journal) as journal:
        try:
            result = digital_counts.store(journal, rows)
        except JournalError as exc:
            raise CliError(str(exc)) from exc
    print(f"imported {args.file}: {result.rows} rows ({result.added} new, {result.changed} changed, "
          f"{result.unchanged} unchanged)")
    return 0
