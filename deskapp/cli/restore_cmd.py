"""``deskapp restore``: put a backup in the journal's place, keeping the current file aside."""

from __future__ import annotations

import argparse
from pathlib import Path

from deskapp.cli.common import CliError, add_journal_argument, journal_path, load_settings
from deskapp.services import backup
from deskapp.services.instance_lock import InstanceLock


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("restore", help="restore the journal from a backup")
    add_journal_argument(parser)
    parser.add_argument("--from", dest="source", metavar="BACKUP",
                        help="backup file to restore (default: the newest good backup)")
    parser.add_argument("--list", action="store_true", help="list the backups and change nothing")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = journal_path(args.journal)
    folder = backup.folder_for(load_settings().backup_folder)
    if args.list:
        found = backup.list_backups(path, folder)
        for item in found:
            print(item)
        if not found:
            print(f"no backups of {path.name} in {folder}")
        return 0
    if path.is_dir():
        raise CliError(f"{path} is a folder, not a journal file")
    try:  # choose before taking the lock, so a refusal leaves no trace on disk
        source = backup.choose_backup(path, folder, Path(args.source) if args.source else None)
    except backup.BackupError as exc:
        raise CliError(str(exc), exit_code=1) from exc
    with InstanceLock(path) as lock:
        if not lock.acquire():
            holder = lock.holder()
            raise CliError(f"the journal {path} is open in Skranke ({holder or 'another program'}); "
                           "close the app before restoring", exit_code=1)
        try:
            done = backup.restore(path, folder, source)
        except backup.BackupError as exc:
            raise CliError(str(exc), exit_code=1) from exc
    aside = f"; the previous file is kept as {done.kept_aside}" if done.kept_aside else ""
    if done.companions:
        aside += f" (with its {', '.join(done.companions)})"
    print(f"restored {path} from {done.source} (integrity check: ok){aside}")
    return 0
