"""The handout buttons: print the citizen's sheet on a printer picked in the system print
dialog, or save it as PDF.

Qt cannot print a PDF it did not draw (QtPdf is not bundled), so the reportlab sheet goes to
the platform's print system (deskapp.services.printing). When that is missing or refuses the
job, the sheet opens in the system PDF viewer, which prints it faithfully. ``written`` tells
the panel a sheet was made, so the visit can record that the citizen got one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from deskapp import paths
from deskapp.services import weeks
from deskapp.services.catalog import Errand
from deskapp.services.exports import ExportError
from deskapp.services.exports.handout import HelpContact, write_handout
from deskapp.services.printing import PrintError, print_pdf
from deskapp.ui.manager.manager_exports import export_error_text

log = logging.getLogger("skranke.handout")


class HandoutButtons(QWidget):
    """"Udskriv vejledning til borgeren" and "Gem som PDF…" for the errand shown."""

    written = Signal(str)  # path of the sheet
    status = Signal(str)

    def __init__(self, contact: Callable[[], HelpContact], open_url: Callable[[QUrl], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.contact = contact
        self.open_url = open_url
        self.errand: Errand | None = None
        self.print_button = QPushButton(self.tr("Udskriv vejledning til borgeren (P)"), self)
        self.print_button.setObjectName("guidePrintHandout")
        self.print_button.setAccessibleName(self.tr("Udskriv vejledning til borgeren"))
        self.save_button = QPushButton(self.tr("Gem som PDF…"), self)
        self.save_button.setObjectName("guideSaveHandout")
        self.save_button.setAccessibleName(self.tr("Gem vejledningen til borgeren som PDF"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.print_button, 1)
        layout.addWidget(self.save_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.print_button.clicked.connect(self.print_handout)
        self.save_button.clicked.connect(self.save_handout)

    def default_path(self) -> Path:
        assert self.errand is not None
        moment = weeks.local(weeks.now_utc()).strftime("%Y-%m-%d_%H%M%S")
        return paths.exports_dir() / "handouts" / f"{self.errand.code}_{moment}.pdf"

    def print_handout(self) -> None:
        """Ask for a printer with the system print dialog, then print the sheet on it."""
        if self.errand is None or self.errand.guide is None:
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Udskriv vejledning til borgeren"))
        dialog.setOptions(QAbstractPrintDialog.PrintDialogOption.PrintToFile)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.status.emit(self.tr("Vejledningen blev ikke udskrevet."))
            return
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            chosen = Path(printer.outputFileName())  # "print to file" in the dialog
            if self.write_sheet(chosen):
                self.handed_over(chosen, self.tr("Vejledningen er gemt: %1").replace("%1", str(chosen)))
            return
        target = self.default_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.show_error(self.tr("Mappen %1 kan ikke oprettes: %2").replace(
                "%1", str(target.parent)).replace("%2", exc.strerror or str(exc)))
            return
        if not self.write_sheet(target):
            return
        name = printer.printerName()
        try:
            print_pdf(target, name, printer.copyCount())
        except PrintError as exc:
            log.warning("handout not printed on %r: %s", name, exc)
            self.open_in_viewer(target, exc)
            return
        where = name or self.tr("standardprinteren")
        self.handed_over(target, self.tr("Vejledningen er sendt til %1.").replace("%1", where))

    def open_in_viewer(self, target: Path, exc: PrintError) -> None:
        """The print system is missing or refused the job: print from the PDF viewer instead."""
        if not self.open_url(QUrl.fromLocalFile(str(target))):
            self.show_error(self.tr("Vejledningen kunne ikke udskrives, og PDF-viseren kunne ikke "
                                    "åbnes. Filen ligger i %1").replace("%1", str(target)))
            return
        if exc.kind == "no_print_system":
            text = self.tr("Skranke kan ikke sende til printeren på denne pc. Vejledningen er åbnet "
                           "i PDF-viseren – udskriv den derfra.")
        else:
            text = self.tr("Printeren tog ikke imod vejledningen. Den er åbnet i PDF-viseren – "
                           "udskriv den derfra.")
        self.handed_over(target, text)

    def save_handout(self) -> None:
        if self.errand is None or self.errand.guide is None:
            return
        suggested = Path.home() / f"Vejledning – {self.errand.label}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Gem vejledning som PDF"), str(suggested), self.tr("PDF-filer (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        if self.write_sheet(target):
            self.handed_over(target, self.tr("Vejledningen er gemt: %1").replace("%1", str(target)))

    def write_sheet(self, target: Path) -> bool:
        assert self.errand is not None
        try:
            write_handout(self.errand, target, self.contact())
        except ExportError as exc:
            self.show_error(self.tr("Vejledningen kunne ikke gemmes: %1").replace(
                "%1", export_error_text(exc)))
            return False
        return True

    def handed_over(self, target: Path, text: str) -> None:
        """The sheet reached the citizen's hands (printed, opened to print, or saved)."""
        self.written.emit(str(target))
        self.status.emit(text)

    def show_error(self, text: str) -> None:
        self.status.emit(text)
        QMessageBox.warning(self, self.tr("Skranke"), text)
