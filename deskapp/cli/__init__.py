"""The command line: ``deskapp [run]`` starts the app; other commands run headless.

Every command uses the same services as the app. Bad input ends with a one-line message
and a non-zero exit; an unexpected error is logged with its traceback to the log folder
and the user sees one line naming the log file.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from deskapp import APP_NAME, __version__
from deskapp.cli.common import CliError, ErrorReportingParser, journal_problem
from deskapp.crash_log import log_unexpected
from deskapp.services import privacy
from deskapp.services.journal import JournalError

# Command name -> module, in the order `deskapp --help` lists them. A command's module is
# imported only when that command runs (or for --help), so `deskapp run` never loads
# reportlab, openpyxl or the consolidation code before the window shows.
COMMANDS = {
    "run": "run_cmd",
    "log": "log_cmd",
    "demo": "demo_cmd",
    "export": "export_cmd",
    "import-digital": "import_digital_cmd",
    "catalog": "catalog_cmd",
    "handout": "handout_cmd",
    "purge": "purge_cmd",
    "backup": "backup_cmd",
    "restore": "restore_cmd",
    "publish": "publish_cmd",
    "consolidate": "consolidate_cmd",
    "trust": "trust_cmd",
}
if TYPE_CHECKING:  # never run; also how the frozen build's analysis finds every command
    from deskapp.cli import (  # noqa: F401
        backup_cmd,
        catalog_cmd,
        consolidate_cmd,
        demo_cmd,
        export_cmd,
        handout_cmd,
        import_digital_cmd,
        log_cmd,
        publish_cmd,
        purge_cmd,
        restore_cmd,
        run_cmd,
        trust_cmd,
    )
EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"deskapp.cli.{COMMANDS[name]}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (``only``) just the one command about to run."""
    parser = ErrorReportingParser(
        prog="deskapp",
        description=f"{APP_NAME}: walk-in errand log for borgerservice counters.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ErrorReportingParser)
    for name in [only] if only in COMMANDS else COMMANDS:
        command_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "run")
    parser = build_parser(only=args_list[0] if args_list else None)
    try:
        args = parser.parse_args(args_list)
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return code
    except CliError as exc:  # may repeat what was typed: never a CPR number in a log
        print(f"deskapp: {privacy.mask_cpr(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except JournalError as exc:  # busy, read-only or full while writing: the user can act
        print(f"deskapp: {privacy.mask_cpr(journal_problem(exc))}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # `deskapp catalog list | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("deskapp: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log_path = log_unexpected(exc)
        print(f"deskapp: unexpected error ({type(exc).__name__}); details in {log_path}",
              file=sys.stderr)
        return EXIT_FAILED
