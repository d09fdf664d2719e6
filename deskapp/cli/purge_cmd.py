"""``deskapp purge``: erase free-text notes older than the retention limit."""

from __future__ import annotations

import argparse

from deskapp.cli.common import CliError, add_journal_argument, load_settings, open_journal
from deskapp.services.journal import JournalError, retention


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("purge", help="erase notes older than the retention limit")
    add_journal_argument(parser)
    parser.add_argument("--days", type=int, metavar="N",
                        help="erase notes older than N days (default: the retention_days setting)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    days = args.days if args.days is not None else load_settings().retention_days
    if not 0 <= days <= retention.MAX_DAYS:
        raise CliError(f"--days must be between 0 and {retention.MAX_DAYS}, not {days}")
    with open_journal(args.journal) as journal:
        try:
            erased = retention.purge_notes(journal, days)
        except JournalError as exc:
            raise CliError(str(exc), exit_code=1) from exc
        where = journal.path
    print(f"erased {erased} note(s) older than {days} days from {where}; categories kept")
    return 0
