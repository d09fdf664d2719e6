"""``deskapp [run]``: start the counter app."""

from __future__ import annotations

import argparse

from deskapp.cli.common import add_journal_argument


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="start the app (the default command)")
    add_journal_argument(parser)
    parser.add_argument("--desk", metavar="NAME", help="this counter's name (saved in settings)")
    parser.add_argument("--lang", choices=("da", "en"), help="user interface language")
    parser.add_argument("--smoke", action="store_true",
                        help="open the journal, paint the first frame and exit 0")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from deskapp.ui.app import run_app  # Qt is imported only when the app really starts

    return run_app(journal=args.journal, desk=args.desk, lang=args.lang, smoke=args.smoke)
