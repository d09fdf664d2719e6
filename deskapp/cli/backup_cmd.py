"""``deskapp backup``: copy the journal into the backup folder now."""

from __future__ import annotations

import argparse
from pathlib import Path

from deskapp.cli.common import CliError, add_journal_argument, journal_path, journal_problem, load_settings
from deskapp.services import backup
from deskapp.services.journal import JournalError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("backup", help="back up the journal now (one file per day)")
    add_journal_argument(parser)
    parser.add_argument("--to", metavar="FOLDER",
                        help="backup folder (default: the backup_folder setting)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    config = load_settings()
    path = journal_path(args.journal)
    folder = Path(args.to) if args.to else backup.folder_for(config.backup_folder)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"--to {folder} is a file, not a folder")
    if config.backups_keep < 1:
        raise CliError(f"the backups_keep setting must be at least 1, not {config.backups_keep}")
    try:
        target = backup.make_backup(path, folder, keep=config.backups_keep)
    except JournalError as exc:
        raise CliError(journal_problem(exc)) from exc
    except backup.BackupError as exc:
        raise CliError(str(exc), exit_code=1) from exc
    kept = len(backup.list_backups(path, folder))
    print(f"backed up {path} to {target} ({kept} backup(s) kept)")
    return 0
