"""Exports from the manager page: ask for a file, run the export on a worker with its own
journal connection, show a progress dialog only when it takes longer than half a second."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from deskapp import paths
from deskapp.services import settings as settings_service
from deskapp.services.catalog import Catalog
from deskapp.services.exports import ExportError
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal, JournalError
from deskapp.services.tallies import Query
from deskapp.ui.shell import messages
from deskapp.ui.shell.background import BackgroundRunner

PROGRESS_DELAY_MS = 500


def export_error_text(exc: Exception) -> str:
    """Why an export was not written, in the user's language (the service says it in English)."""
    if isinstance(exc, JournalError):
        return messages.journal_error(exc)
    kind = getattr(exc, "kind", "")
    values = {k: str(v) for k, v in getattr(exc, "values", {}).items()}
    texts = {
        "no_folder": QCoreApplication.translate(
            "ExportRunner", "Mappen {folder} findes ikke. Vælg en anden mappe."),
        "is_folder": QCoreApplication.translate(
            "ExportRunner", "{path} er en mappe. Skriv et filnavn."),
        "not_allowed": QCoreApplication.translate(
            "ExportRunner", "Du har ikke lov til at skrive {path}. Vælg en anden mappe."),
        "disk_full": QCoreApplication.translate(
            "ExportRunner", "Der er ikke plads på disken til {path}."),
        "cannot_write": QCoreApplication.translate(
            "ExportRunner", "{path} kan ikke skrives ({reason})."),
        "empty_range": QCoreApplication.translate("ExportRunner", "Perioden er tom."),
    }
    text = texts.get(kind)
    if text is None:
        return str(exc)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(exc)


class ExportRunner(QObject):
    done = Signal(str)  # the file written, or "" when the export failed
    status = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, window: QWidget, journal_path: Path, catalog: Catalog,
                 config: settings_service.Settings):
        super().__init__(window)
        self.window = window
        self.journal_path = journal_path
        self.catalog = catalog
        self.config = config
        self.runner = BackgroundRunner(self)
        self.progress: QProgressDialog | None = None
        self.running = False

    def ask_and_export(self, fmt: str, query: Query) -> None:
        """Ask where to save the tallies of ``query`` as csv, xlsx or pdf, then export."""
        if self.running:
            return
        filters = {"csv": self.tr("CSV (*.csv)"), "xlsx": self.tr("Excel (*.xlsx)"),
                   "pdf": self.tr("PDF (*.pdf)")}
        folder = paths.exports_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.home()
        weeks_part = query.first if query.first == query.last else f"{query.first}-{query.last}"
        suggested = str(folder / f"skranke-{weeks_part}.{fmt}")
        out, _ = QFileDialog.getSaveFileName(self.window, self.tr("Gem udtræk"), suggested, filters[fmt])
        if not out:
            return
        if not out.lower().endswith(f".{fmt}"):
            out += f".{fmt}"
        self.start("tallies", fmt, Path(out), query)

    @property
    def pending(self) -> set[QObject]:
        return self.runner.pending

    def start(self, kind: str, fmt: str, out: Path, query: Query) -> None:
        request = ExportRequest(kind, fmt, query.span, out, desks=query.desks, sites=query.sites,
                                municipality=self.config.municipality,
                                reference_file=self.config.reference_file)
        self.running = True
        self.running_changed.emit(True)
        path, catalog = self.journal_path, self.catalog

        def work() -> int:
            # The exporters (reportlab, xlsxwriter) load on the first export, not at start-up.
            from deskapp.services.exports.registry import run_export

            with Journal(path, create=False) as journal:
                return run_export(journal, catalog, request)

        self.runner.run(work, lambda rows: self.on_finished(str(out), rows), self.on_failed)
        QTimer.singleShot(PROGRESS_DELAY_MS, self._show_progress)

    def _show_progress(self) -> None:
        if not self.running or self.progress is not None:
            return
        self.progress = QProgressDialog(self.tr("Eksporterer…"), "", 0, 0, self.window)
        self.progress.setObjectName("exportProgress")
        self.progress.setAccessibleName(self.tr("Eksport i gang"))
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle(self.tr("Eksport"))
        self.progress.setMinimumDuration(0)
        self.progress.show()

    def _finish(self) -> None:
        self.running = False
        self.running_changed.emit(False)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def on_finished(self, out: str, _rows: int) -> None:
        self._finish()
        self.status.emit(self.tr("Udtræk gemt: %1").replace("%1", out))
        self.done.emit(out)

    def on_failed(self, error: Exception) -> None:
        self._finish()
        if not isinstance(error, ExportError | JournalError):
            error = ExportError(f"{type(error).__name__}: {error}")
        self.done.emit("")
        text = self.tr("Udtrækket blev ikke gemt.\n\n%1").replace("%1", export_error_text(error))
        QMessageBox.warning(self.window, self.tr("Eksport"), text)

    def wait(self) -> None:
        self.runner.wait()
