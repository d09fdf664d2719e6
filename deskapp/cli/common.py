"""Shared pieces of the command line: errors, journal and catalogue opening, logging."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from deskapp import paths
from deskapp.services import catalog as catalog_service
from deskapp.services import privacy
from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal, JournalError
from deskapp.services.journal.integrity import check_integrity, finish_interrupted_write


class CliError(Exception):
    """Bad input or an unusable file: one plain line for the user, non-zero exit."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class ErrorReportingParser(argparse.ArgumentParser):
    """argparse that reports a usage problem as one line instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message} (see '{self.prog} --help')")


def journal_path(value: str | None) -> Path:
    return Path(value) if value else paths.default_journal()


def open_journal(value: str | None, *, create: bool = False, reading: bool = False) -> Journal:
    """The journal for a command. ``reading``: the command only reads (exports), so a journal
    that cannot be written (a read-only disk) is opened read-only instead of refused; the
    returned Journal's ``read_only`` says which it is."""
    config = load_settings()
    path = journal_path(value)
    if path.exists() and path.is_dir():
        raise CliError(f"{path} is a folder, not a journal file")
    if create and value and not path.exists() and not path.parent.is_dir():
        # A new journal may start in an existing folder; a mistyped folder must not quietly
        # start a second journal somewhere else.
        raise CliError(f"the folder {path.parent} does not exist; create it first or check the path")
    try:
        finish_interrupted_write(path)  # a hot -journal left by a kill: SQLite's own recovery
        check_integrity(path)  # read-only: a damaged journal is never opened for writing
        try:
            return Journal(path, desk=config.desk, site=config.site, create=create)
        except JournalError as exc:
            if not (reading and exc.kind == "read_only" and path.exists()):
                raise
            return Journal(path, desk=config.desk, site=config.site, read_only=True)
    except JournalError as exc:
        raise CliError(journal_problem(exc)) from exc


def journal_problem(exc: JournalError) -> str:
    """One line for a journal that cannot be used, with what to do about it."""
    if exc.kind == "damaged":
        return (f"{exc}; the file was not changed - 'deskapp restore --journal {exc.path}' "
                "puts back the newest good backup and keeps the damaged file aside")
    return str(exc)


def guarded_name(option: str, value: str) -> str:
    """A name given on the command line (--desk, --site), cleaned; a CPR number or an
    over-long name is refused (the name goes into visits, files and file names)."""
    try:
        return privacy.guard_name(value)
    except privacy.FreeTextRefused as exc:
        if exc.too_long:
            raise CliError(f"{option} is {exc.too_long} characters; the limit is "
                           f"{privacy.NAME_MAX_LENGTH}") from exc
        raise CliError(f"{option} contains what looks like a CPR number (written "
                       f"{', '.join(f.masked for f in exc.findings)}); a name must hold no "
                       "personal data") from exc


def load_settings() -> settings_service.Settings:
    return settings_service.load(paths.settings_file())


def load_catalog(value: str | None = None) -> catalog_service.Catalog:
    chosen = value or load_settings().catalog_file or str(paths.default_catalog())
    try:
        return catalog_service.load(chosen)
    except catalog_service.CatalogError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more; run 'deskapp catalog check')" if len(
            exc.problems) > 1 else ""
        raise CliError(f"catalogue problem: {first}{more}") from exc


def add_journal_argument(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--journal", metavar="PATH", required=required,
        help="journal file (default: SKRANKE_JOURNAL or the user's data folder)",
    )
