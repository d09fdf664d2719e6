"""'Saml skranker': merge the desks' snapshots in a folder into one site journal.

A self-contained dialog (the manager page can embed ``ConsolidatePanel``): choose the
shared folder and the site journal, run the consolidation on a worker thread, read the
report. Workers never touch widgets; results come back through signals.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp import paths
from deskapp.services import settings as settings_service
from deskapp.services.consolidate import ConsolidateError, ConsolidationReport, consolidate
from deskapp.services.consolidate_report import MergedSnapshot, shown

log = logging.getLogger("skranke.consolidate")


class _Signals(QObject):
    done = Signal(object)  # ConsolidationReport
    failed = Signal(str)
    progress = Signal(int, int)  # snapshots merged, snapshots in all


class _ConsolidateTask(QRunnable):
    def __init__(self, into: Path, sources: list[Path], signals: _Signals):
        super().__init__()
        self.into, self.sources, self.signals = into, sources, signals

    def run(self) -> None:
        try:
            days = settings_service.load(paths.settings_file()).retention_days
            report = consolidate(self.into, self.sources, progress=self.signals.progress.emit,
                                 retention_days=days)
        except ConsolidateError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            log.exception("consolidation failed")
            self.signals.failed.emit(str(exc))
        else:
            self.signals.done.emit(report)


def default_site_journal() -> Path:
    return paths.data_dir() / "samlet.skranke"


class ConsolidatePanel(QWidget):
    """Folder + target + run button + report; emits ``finished`` with the report."""

    finished = Signal(object)

    def __init__(self, shared_folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consolidatePanel")
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self.on_done)
        self._signals.failed.connect(self.on_failed)
        self._signals.progress.connect(self.on_progress)
        self.folder_edit = self._line(
            "consolidateFolderEdit", self.tr("Mappe med øjebliksbilleder"), shared_folder,
            self.tr("Den fælles mappe, hvor hver skranke lægger sit øjebliksbillede"))
        self.into_edit = self._line(
            "consolidateIntoEdit", self.tr("Samlet journal"), str(default_site_journal()),
            self.tr("Filen, som skrankernes besøg samles i; den oprettes, hvis den ikke findes"))
        self.run_button = QPushButton(self.tr("&Saml nu"), self)
        self.run_button.setObjectName("consolidateRun")
        self.run_button.setAccessibleName(self.tr("Saml skranker nu"))
        self.run_button.setAccessibleDescription(
            self.tr("Lægger øjebliksbillederne i mappen sammen i den samlede journal; "
                    "rapporten vises nedenfor"))
        self.run_button.setAutoDefault(False)  # otherwise its focus looks like "default button"
        self.run_button.clicked.connect(self.on_run)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setObjectName("consolidateReport")
        self.report_view.setAccessibleName(self.tr("Rapport fra sammenlægningen"))
        self.report_view.setAccessibleDescription(
            self.tr("Én linje pr. skranke: nye, opdaterede og uændrede besøg. Pil op og ned læser linjerne"))
        self.report_view.setReadOnly(True)
        # A caret when it has focus (visible focus), and the report can be read line by line.
        self.report_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                 | Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("&Mappe:"), self._with_browse(
            self.folder_edit, "consolidateFolderBrowse", self.on_browse_folder,
            self.tr("Åbner en mappevælger til mappen med øjebliksbilleder")))
        form.addRow(self.tr("Samlet &journal:"), self._with_browse(
            self.into_edit, "consolidateIntoBrowse", self.on_browse_into,
            self.tr("Åbner en filvælger til den samlede journal")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.run_button)
        layout.addWidget(self.report_view, 1)

    def _line(self, name: str, accessible: str, text: str, description: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setAccessibleDescription(description)
        return edit

    def _with_browse(self, edit: QLineEdit, name: str, slot: object, description: str) -> QHBoxLayout:
        button = QPushButton(self.tr("Vælg…"), self)
        button.setObjectName(name)
        button.setAccessibleName(self.tr("Vælg for %1").replace("%1", edit.accessibleName()))
        button.setAccessibleDescription(description)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def on_browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Mappe med øjebliksbilleder"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def on_browse_into(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Samlet journal"), self.into_edit.text(),
                                              self.tr("Skranke-journal (*.skranke)"))
        if name:
            self.into_edit.setText(name)

    def on_run(self) -> None:
        folder, into = self.folder_edit.text().strip(), self.into_edit.text().strip()
        if not folder or not into:
            self.report_view.setPlainText(self.tr("Vælg både mappen og den samlede journal."))
            return
        self.run_button.setEnabled(False)
        self.report_view.setPlainText(self.tr("Samler skranker…"))
        self.pool.start(_ConsolidateTask(Path(into), [Path(folder)], self._signals))

    def on_progress(self, done: int, total: int) -> None:
        if not self.run_button.isEnabled():
            self.report_view.setPlainText(self.tr("Samler skranker… %1 af %2 øjebliksbilleder")
                                          .replace("%1", str(done)).replace("%2", str(total)))

    def on_done(self, report: ConsolidationReport) -> None:
        self.run_button.setEnabled(True)
        self.report_view.setPlainText("\n".join(self.report_lines(report)))
        self.finished.emit(report)

    def on_failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.report_view.setPlainText(self.tr("Sammenlægningen kunne ikke køre: %1").replace("%1", message))

    def report_lines(self, report: ConsolidationReport) -> list[str]:
        lines = []
        for m in report.merged:
            site, desk = shown(m.site), shown(m.desk)
            lines.append(self.tr("%1/%2: %3 nye, %4 opdaterede, %5 uændrede besøg; øjebliksbillede fra %6")
                         .replace("%1", site).replace("%2", desk).replace("%3", str(m.new))
                         .replace("%4", str(m.updated)).replace("%5", str(m.unchanged))
                         .replace("%6", _local(m.snapshot_utc)))
            lines.extend(f"{site}/{desk}: {line}" for line in self.detail_lines(m))
            if m.stale:
                lines.append(self.tr("Advarsel: øjebliksbilledet fra %1/%2 er mere end en uge gammelt.")
                             .replace("%1", site).replace("%2", desk))
        for s in report.skipped:
            lines.append(self.tr("Sprunget over: %1 (%2)").replace("%1", shown(s.path))
                         .replace("%2", shown(s.reason)))
        if report.notes_erased:
            lines.append(self.tr("Opbevaring: %1 noter er slettet i den samlede journal (slettet ved "
                                 "skranken eller ældre end %2 dage).")
                         .replace("%1", str(report.notes_erased))
                         .replace("%2", str(report.retention_days)))
        if not report.merged:
            lines.append(self.tr("Intet kunne samles: der blev ikke fundet brugbare øjebliksbilleder."))
        else:
            lines.append(self.tr("%1 skranke(r) samlet i %2.").replace("%1", str(len(report.merged)))
                         .replace("%2", str(report.into)))
        return lines

    def detail_lines(self, m: MergedSnapshot) -> list[str]:
        """Trust, refusals and dropped texts of one snapshot, in Danish."""
        lines = []
        if m.pinned_now:
            lines.append(self.tr("Ny skranke betroet ved første brug: skranke-id %1, nøgle %2")
                         .replace("%1", m.desk_id).replace("%2", m.pinned_now))
        if not m.signed:
            lines.append(self.tr("Advarsel: øjebliksbilledet er ikke signeret (en ældre Skranke); "
                                 "opdater Skranke på den pc"))
        if m.refused_other_desk:
            lines.append(self.tr("%1 rækker fra en anden skranke afvist")
                         .replace("%1", str(m.refused_other_desk)))
        if m.refused_implausible:
            lines.append(self.tr("%1 besøg med usandsynlige tidspunkter eller værdier afvist")
                         .replace("%1", str(m.refused_implausible)))
        if m.texts_dropped:
            lines.append(self.tr("Tekster fjernet fra %1 besøg (CPR-nummer, styretegn eller for lange); "
                                 "besøgene tælles stadig").replace("%1", str(m.texts_dropped)))
        if m.label_dropped:
            lines.append(self.tr("Skrankens navn eller sted blev afvist; skranke-id vises i stedet"))
        return lines

    def wait(self, msecs: int = 30000) -> None:
        self.pool.waitForDone(msecs)


def _local(stamp: str | None) -> str:
    from deskapp.services import weeks

    if not stamp:
        return "?"
    return weeks.local(weeks.parse_stamp(stamp)).strftime("%d-%m-%Y %H:%M")


class ConsolidateDialog(QDialog):
    def __init__(self, shared_folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consolidateDialog")
        self.setWindowTitle(self.tr("Saml skranker"))
        self.panel = ConsolidatePanel(shared_folder, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("consolidateDialogButtons")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def done(self, result: int) -> None:
        self.panel.wait()  # never leave a worker writing behind a closed dialog
        super().done(result)
