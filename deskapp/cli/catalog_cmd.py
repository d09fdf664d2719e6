"""``deskapp catalog check [FILE]``: validate a catalogue and list every problem."""

from __future__ import annotations

import argparse
import sys

from deskapp import paths
from deskapp.cli.common import CliError, load_catalog, load_settings
from deskapp.services import catalog

KINDS = ("errands", "reasons", "outcomes", "channels")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("catalog", help="work with the errand catalogue")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    check = actions.add_parser("check", help="validate a catalogue file")
    check.add_argument("file", nargs="?", help="catalogue TOML (default: the one in use)")
    check.set_defaults(handler=run_check)
    listing = actions.add_parser("list", help="print the codes and labels of the catalogue in use")
    listing.add_argument("kind", nargs="?", choices=KINDS, help="only errands, reasons, ...")
    listing.set_defaults(handler=run_list)


def run_check(args: argparse.Namespace) -> int:
    path = args.file or load_settings().catalog_file or str(paths.default_catalog())
    result, problems = catalog.check(path)
    if result is not None:  # the English handout and Andet ærinde (the app loads without them)
        problems = [*problems, *catalog.missing_english(result), *catalog.missing_other_errand(result)]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise CliError(f"{len(problems)} problem(s) in {path}", exit_code=1)
    assert result is not None
    guides = sum(1 for e in result.errands if e.guide)
    print(f"{path}: OK - {len(result.errands)} errands ({guides} with a guide), "
          f"{len(result.reasons)} reasons, {len(result.outcomes)} outcomes, "
          f"{len(result.channels)} channels")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """The codes `deskapp log` takes, one per line: kind, code, label (tab-separated)."""
    cat = load_catalog()
    lines = [f"{kind[:-1]}\t{item.code}\t{item.label}"
             for kind in ([args.kind] if args.kind else KINDS)
             for item in (cat.active_errands() if kind == "errands" else getattr(cat, kind))]
    print("\n".join(lines))
    return 0
