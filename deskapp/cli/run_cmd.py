"""``deskapp [run]``: start the counter app."""

from __future__ import annotations

import argparse
import os
import sys

from deskapp.cli.common import CliError, add_journal_argument, guarded_name


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("run", help="start the app (the default command)")
    add_journal_argument(parser)
    parser.add_argument("--desk", metavar="NAME", help="this counter's name (saved in settings)")
    parser.add_argument("--lang", choices=("da", "en"), help="user interface language")
    parser.add_argument("--smoke", action="store_true",
                        help="open the journal, paint the first frame and exit 0")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        # No screen (an SSH session, a service, CI): Qt would abort with a plugin error.
        if not args.smoke:
            raise CliError("there is no screen to show Skranke on (DISPLAY is not set); start it "
                           "from the desktop, or check the installation with --smoke")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the smoke test needs no screen
    desk = guarded_name("--desk", args.desk) if args.desk else None
    from deskapp.ui.shell.app import run_app  # Qt is imported only when the app really starts

    return run_app(journal=args.journal, desk=desk, lang=args.lang, smoke=args.smoke)
