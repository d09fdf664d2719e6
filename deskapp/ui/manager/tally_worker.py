"""Count the manager page's figures on a QThreadPool worker with its own Journal connection.

A year of a large consolidated journal takes seconds; the window stays responsive. Each
task gets its own unparented ``TallySignals`` (kept alive by the task), so a page closed
while a count runs is simply never called back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from deskapp.services.catalog import Catalog
from deskapp.services.exports.report_data import collect
from deskapp.services.journal import Journal, JournalError
from deskapp.services.tallies import Query
from deskapp.ui.shell import messages


class TallySignals(QObject):
    ready = Signal(int, object)  # generation, ReportData
    failed = Signal(int, str)  # generation, plain-words reason


class TallyTask(QRunnable):
    def __init__(self, generation: int, journal_path: Path, catalog: Catalog, query: Query,
                 municipality: str, signals: TallySignals):
        super().__init__()
        self.generation = generation
        self.journal_path = journal_path
        self.catalog = catalog
        self.query = query
        self.municipality = municipality
        self.signals = signals

    def run(self) -> None:
        try:
            with Journal(self.journal_path, create=False) as journal:
                data = collect(journal, self.catalog, self.query, self.municipality)
        except JournalError as exc:
            self.signals.failed.emit(self.generation, messages.journal_error(exc))  # translate is thread-safe
            return
        except Exception as exc:  # a worker must never die silently
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
            return
        self.signals.ready.emit(self.generation, data)
