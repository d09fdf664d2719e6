"""``deskapp purge``: erase free-text notes older than the retention limit, in the journal
and in its backups."""

from __future__ import annotations

import argparse
import sys

from deskapp.cli.common import CliError, add_journal_argument, load_settings, open_journal
from deskapp.services import backup
from deskapp.services.journal import JournalError, retention


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("purge", help="erase notes older than the retention limit "
                            "(in the journal and its backups)")
    add_journal_argument(parser)
    parser.add_argument("--days", type=int, metavar="N",
                        help="erase notes older than N days (default: the retention_days setting)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    config = load_settings()
    days = args.days if args.days is not None else config.retention_days
    if not 0 <= days <= retention.MAX_DAYS:
        raise CliError(f"--days must be between 0 and {retention.MAX_DAYS}, not {days}")
    with open_journal(args.journal) as journal:
        try:
            erased = retention.purge_notes(journal, days)
        except JournalError as exc:
            raise CliError(str(exc), exit_code=1) from exc
        pending = retention.wipe_pending(journal)
        where = journal.path
    print(f"erased {erased} note(s) older than {days} days from {where}; categories kept")
    if pending:
        print(f"another program is reading {where}, so erased text is still in the file until "
              "it stops; the next purge wipes it (the app runs one at every start)")
    folder = backup.folder_for(config.backup_folder)
    in_backups, failed = backup.purge_backups(where, folder, days)
    kept = len(backup.list_backups(where, folder))
    if kept:
        print(f"erased {in_backups} note(s) older than {days} days from {kept} backup(s) in {folder}")
    for bad in failed:
        print(f"deskapp: could not purge the backup {bad} (damaged or read-only); "
              "delete it or restore from another one", file=sys.stderr)
    return 1 if failed else 0
