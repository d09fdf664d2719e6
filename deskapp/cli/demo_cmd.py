"""``deskapp demo``: fill a journal with realistic demo visits."""

from __future__ import annotations

import argparse

from deskapp.cli.common import CliError, add_journal_argument, load_catalog, open_journal
from deskapp.services import demo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("demo", help="fill a journal with realistic demo visits")
    add_journal_argument(parser, required=True)
    parser.add_argument("--weeks", type=int, default=8, metavar="N")
    parser.add_argument("--seed", type=int, default=1, metavar="N")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.weeks <= 260:
        raise CliError("--weeks must be between 1 and 260")
    cat = load_catalog()
    with open_journal(args.journal, create=True) as journal:
        count = demo.generate(journal, cat, weeks_back=args.weeks, seed=args.seed)
    print(f"added {count} demo visits over {args.weeks} weeks to {args.journal}")
    return 0
