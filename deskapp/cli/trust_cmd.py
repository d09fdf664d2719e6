"""``deskapp trust``: the desk keys a site journal trusts (IT).

``trust list`` shows every desk id a site journal merged, its labels and the fingerprint
of the key pinned for it. ``trust reset --desk-id ID`` forgets a desk's pinned key after
its counter PC was replaced (or its user data folder lost): the next signed snapshot of
that desk id is trusted again, on first use, and the report says so.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from deskapp.cli.common import CliError
from deskapp.services import signing
from deskapp.services.consolidate_labels import is_desk_id
from deskapp.services.journal import JournalError, site_desks
from deskapp.services.journal.integrity import check_integrity


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("trust", help="list or reset the desk keys a site journal trusts (IT)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="desk ids, labels and pinned key fingerprints")
    listing.add_argument("--journal", required=True, metavar="PATH", help="the site journal")
    listing.set_defaults(handler=run_list)
    reset = actions.add_parser("reset", help="forget a desk's pinned key (a replaced counter PC)")
    reset.add_argument("--journal", required=True, metavar="PATH", help="the site journal")
    reset.add_argument("--desk-id", required=True, metavar="ID",
                       help="the desk id (32 hex digits; see 'deskapp trust list')")
    reset.set_defaults(handler=run_reset)


def _site_journal(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise CliError(f"there is no site journal at {path}")
    try:
        check_integrity(path)
    except JournalError as exc:
        raise CliError(str(exc), exit_code=1) from exc
    return path


def run_list(args: argparse.Namespace) -> int:
    path = _site_journal(args.journal)
    try:
        desks = site_desks.listed(path)
    except JournalError as exc:
        raise CliError(str(exc), exit_code=1) from exc
    if not desks:
        print(f"{path} has merged no desk with an id yet")
    for desk in desks:
        key = signing.fingerprint(desk.public_key) if desk.public_key else "no key pinned"
        print(f"{desk.desk_id}  {desk.site}/{desk.desk}  key {key}  last snapshot {desk.snapshot_utc or '-'}")
    return 0


def run_reset(args: argparse.Namespace) -> int:
    if not is_desk_id(args.desk_id):
        raise CliError("--desk-id must be 32 hex digits, as 'deskapp trust list' shows them")
    path = _site_journal(args.journal)
    try:
        desk = site_desks.reset(path, args.desk_id)
    except KeyError as exc:
        raise CliError(f"{path} knows no desk id {args.desk_id} (see 'deskapp trust list')") from exc
    except JournalError as exc:
        raise CliError(str(exc), exit_code=1) from exc
    print(f"forgot the key of {desk.site}/{desk.desk} ({desk.desk_id}); its next signed snapshot "
          "will be trusted on first use")
    return 0
