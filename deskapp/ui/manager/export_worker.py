"""Run an export on a QThreadPool worker with its own Journal connection.

The worker never touches widgets: it reports through the signals of ``ExportSignals``,
an object living in the GUI thread, so the slots run there (queued connection).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from deskapp.services.catalog import Catalog
from deskapp.services.exports import ExportError, run_export
from deskapp.services.journal import Journal, JournalError


class ExportSignals(QObject):
    finished = Signal(str, int)  # output path, rows written
    failed = Signal(object)  # the ExportError or JournalError (said in Danish by the page)


class ExportTask(QRunnable):
    def __init__(self, journal_path: Path, catalog: Catalog, kind: str, fmt: str, span: list[str],
                 out: Path, signals: ExportSignals, **options: object):
        super().__init__()
        self.journal_path = journal_path
        self.catalog = catalog
        self.kind = kind
        self.fmt = fmt
        self.span = span
        self.out = out
        self.signals = signals
        self.options = options
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            with Journal(self.journal_path, create=False) as journal:
                rows = run_export(self.kind, self.fmt, journal, self.catalog, self.span, self.out,
                                  **self.options)
        except (ExportError, JournalError) as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:  # never let a worker die silently
            self.signals.failed.emit(ExportError(f"{type(exc).__name__}: {exc}"))
            return
        self.signals.finished.emit(str(self.out), rows)
