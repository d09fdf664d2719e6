"""``deskapp publish``: write this desk's snapshot to the shared folder (headless)."""

from __future__ import annotations

import argparse

from deskapp.cli.common import CliError, add_journal_argument, journal_path, load_settings, open_journal
from deskapp.services.publish import PublishError, clean_name, publish


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("publish", help="write a snapshot of the journal to the shared folder")
    add_journal_argument(parser)
    parser.add_argument("--to", dest="folder", metavar="FOLDER",
                        help="shared folder (default: the shared folder in the settings)")
    parser.add_argument("--desk", metavar="NAME", help="desk name (default: from the settings)")
    parser.add_argument("--site", metavar="NAME", help="site name (default: from the settings)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    config = load_settings()
    folder = args.folder or config.shared_folder
    if not folder:
        raise CliError("no shared folder: give --to FOLDER or set it in the settings")
    desk = args.desk if args.desk is not None else config.desk
    site = args.site if args.site is not None else config.site
    if not desk.strip() or not site.strip():
        raise CliError("the desk and site names must not be empty")
    open_journal(args.journal).close()  # refuses a missing, damaged or newer journal
    try:
        result = publish(journal_path(args.journal), folder, desk, site)
    except PublishError as exc:
        raise CliError(str(exc), exit_code=2 if exc.kind == "name" else 1) from exc
    print(f"published {result.visits} visits of {clean_name(site)}/{clean_name(desk)} to {result.path}")
    return 0
