"""``deskapp log``: the scriptable twin of the counter form."""

from __future__ import annotations

import argparse
import difflib
from datetime import datetime

from deskapp.cli.common import (
    CliError,
    add_journal_argument,
    load_catalog,
    load_settings,
    open_journal,
)
from deskapp.services import counter_workflow, privacy
from deskapp.services.catalog import Catalog
from deskapp.services.journal import BOOKED, DROP_IN

APPOINTMENT_CHOICES = {"booked": BOOKED, "drop-in": DROP_IN}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("log", help="log one visit (queue-system hooks, catching up from paper)")
    add_journal_argument(parser)
    parser.add_argument("--errand", required=True, metavar="CODE")
    parser.add_argument("--reason", required=True, metavar="CODE")
    parser.add_argument("--outcome", required=True, metavar="CODE")
    parser.add_argument("--channel", metavar="CODE", help="default: this desk's channel")
    parser.add_argument("--at", metavar="ISO-TIME",
                        help="when the visit started, e.g. 2026-11-23T09:40 (local time)")
    parser.add_argument("--note", metavar="TEXT", help="short note; never names or CPR numbers")
    parser.add_argument("--appointment", choices=sorted(APPOINTMENT_CHOICES),
                        help="a booked appointment or a drop-in (default: this desk's setting)")
    parser.add_argument("--same-citizen", action="store_true",
                        help="the same citizen as the visit this journal saved last (a next errand)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    cat = load_catalog()
    config = load_settings()
    channel = args.channel or config.channel
    for kind, value in (("errands", args.errand), ("reasons", args.reason),
                        ("outcomes", args.outcome), ("channels", channel)):
        if value not in cat.codes(kind):
            raise CliError(f"unknown {kind[:-1]} code '{value}'{code_hint(cat, kind, value)}")
    errand = cat.errand(args.errand)
    assert errand is not None
    if errand.retired:
        raise CliError(f"errand '{args.errand}' is retired in catalogue {cat.version}; "
                       "log it under the errand that replaced it")
    at = parse_time(args.at) if args.at else None
    note = guard_note(args.note)
    flow = counter_workflow.VisitFlow(cat, config.appointment)
    if args.appointment:
        flow.appointment = APPOINTMENT_CHOICES[args.appointment]
    with open_journal(args.journal, create=True) as journal:
        previous = None
        if args.same_citizen:
            try:
                previous = flow.link_previous(journal)
            except counter_workflow.NoVisitToLink as exc:
                raise CliError("--same-citizen: this journal has no saved visit yet to link "
                               "to; log the citizen's first errand without it") from exc
        visit = flow.log(journal, errand, reason=args.reason, outcome=args.outcome,
                         channel=channel, at=at, note=note)
    linked = f", same citizen as visit {previous.id}" if previous else ""
    print(f"logged visit {visit.id} ({visit.local_date} {visit.iso_week}{linked})")
    return 0


def code_hint(cat: Catalog, kind: str, value: str) -> str:
    """What to write instead: the close codes, or all of them when there are few."""
    choices = list(cat.active_errands()) if kind == "errands" else getattr(cat, kind)
    codes = [c.code for c in choices]
    near = difflib.get_close_matches(value.casefold(), codes, n=3, cutoff=0.6)
    if kind == "errands" and not near:  # a label word works too: 'flytte' finds flytning
        near += [e.code for e in cat.search(value, limit=3) if e.code not in near]
    if near:
        return f" (did you mean {' or '.join(repr(c) for c in near[:3])}?)"
    if len(codes) <= 10:
        return f"; use one of: {', '.join(codes)}"
    return " ('deskapp catalog list' shows every code)"


def parse_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"--at '{text}' is not a time; write it like 2026-11-23T09:40") from exc
    try:
        counter_workflow.check_start(moment)
    except counter_workflow.StartTimeRefused as exc:
        if exc.kind == "future":
            raise CliError(f"--at '{text}' is in the future") from exc
        raise CliError(f"--at '{text}' is more than {counter_workflow.LATE_ENTRY_LIMIT.days} "
                       "days ago; check the year") from exc
    return moment


def guard_note(text: str | None) -> str | None:
    """The guarded note; a refusal says what was found and where, never the text itself
    (a queue-system hook logs stderr, and a CPR number must not end up in that log)."""
    try:
        return counter_workflow.guard_note(text, allow_warnings=False)
    except privacy.FreeTextRefused as exc:
        if exc.too_long:
            raise CliError(f"--note is {exc.too_long} characters; the limit is "
                           f"{privacy.NOTE_MAX_LENGTH}") from exc
        kinds = {"cpr": "what looks like a CPR number", "email": "an e-mail address",
                 "phone": "a phone number"}
        found = ", ".join(
            f"{kinds[f.kind]} (characters {f.start + exc.offset + 1}-{f.end + exc.offset}, "
            f"written {f.masked})" for f in exc.findings)
        advice = DATE_ADVICE if any(f.kind == privacy.CPR for f in exc.findings) else ""
        raise CliError(f"--note contains {found}; remove it - the journal never stores "
                       f"personal data{advice}") from exc


DATE_ADVICE = ("; a date followed directly by a time or an amount looks like a CPR number: "
               "write the time with 'kl.', e.g. '22.09 kl. 11'")
