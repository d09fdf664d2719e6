"""``deskapp handout --errand CODE --out FILE.pdf [--lang en]``: the citizen's "do it yourself"
sheet, in Danish or English."""

from __future__ import annotations

import argparse

from deskapp.cli.common import CliError, load_catalog, load_settings
from deskapp.services.exports import ExportError
from deskapp.services.exports.handout import write_handout
from deskapp.services.exports.handout_texts import LANGUAGES, HelpContact


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "handout", help="write the one-page citizen handout (PDF) for an errand with a guide")
    parser.add_argument("--errand", required=True, metavar="CODE", help="errand code, e.g. flytning")
    parser.add_argument("--out", required=True, metavar="FILE", help="PDF file to write")
    parser.add_argument("--lang", choices=LANGUAGES, default="da",
                        help="language of the sheet (default: da)")
    parser.add_argument("--catalog", metavar="FILE", help="catalogue TOML (default: the one in use)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    cat = load_catalog(args.catalog)
    errand = cat.errand(args.errand)
    if errand is None:
        raise CliError(f"unknown errand '{args.errand}' (codes are listed in the catalogue)")
    if errand.guide is None or errand.entry is None:
        with_guide = ", ".join(e.code for e in cat.active_errands() if e.guide and e.entry)
        raise CliError(f"the errand '{errand.code}' has no guide; errands with a guide: {with_guide}")
    config = load_settings()
    try:
        write_handout(errand, args.out, HelpContact(config.municipality, config.help_line),
                      lang=args.lang)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    label = errand.guide.label_en if args.lang == "en" else errand.label
    print(f"wrote {args.out} ({label}, {args.lang})")
    return 0
