"""The handout buttons: the sheet's language, print the citizen's sheet on a printer picked
in the system print dialog, or save it as PDF where the user chooses.

Qt cannot print a PDF it did not draw (QtPdf is not bundled), so the reportlab sheet goes to
the platform's print system (deskapp.services.printing). With no usable printer P says so,
and the sheet is kept in the handouts folder to print later. ``written`` tells the panel the
citizen got the sheet, so the visit records it: only when it was printed, or saved where the
user chose (never for a sheet that only landed in the handouts folder or a PDF viewer).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp import paths
from deskapp.services import printing, weeks
from deskapp.services.catalog import Errand
from deskapp.services.exports import ExportError
from deskapp.services.exports.handout_texts import HelpContact
from deskapp.ui.manager.manager_exports import export_error_text

log = logging.getLogger("skranke.handout")
# Language names in their own language, never translated (as in the settings).
SHEET_LANGUAGES = (("da", "Dansk"), ("en", "English"))


def installed_printers() -> list[str]:
    """The printers Qt sees; none when the print system is missing (tests replace it)."""
    return QPrinterInfo.availablePrinterNames() if printing.print_system_available() else []


class HandoutButtons(QWidget):
    """Sheet language, "Udskriv vejledning til borgeren" and "Gem som PDF…" for the errand."""

    written = Signal(str)  # path of the sheet the citizen got
    status = Signal(str)

    def __init__(self, contact: Callable[[], HelpContact], open_url: Callable[[QUrl], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.contact = contact
        self.open_url = open_url
        self.printers: Callable[[], list[str]] = installed_printers
        self.errand: Errand | None = None
        self.language_caption = QLabel(self.tr("Sp&rog på vejledningen:"), self)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("guideHandoutLanguage")
        self.language_combo.setAccessibleName(self.tr("Sprog på vejledningen til borgeren"))
        self.language_combo.setAccessibleDescription(
            self.tr("Udskriv og Gem som PDF laver vejledningen på dette sprog"))
        self.language_caption.setBuddy(self.language_combo)
        for code, name in SHEET_LANGUAGES:
            self.language_combo.addItem(name, code)
        self.print_button = QPushButton(self.tr("Udskriv vejledning til borgeren (P)"), self)
        self.print_button.setObjectName("guidePrintHandout")
        self.print_button.setAccessibleName(self.tr("Udskriv vejledning til borgeren"))
        self.save_button = QPushButton(self.tr("Gem som PDF…"), self)
        self.save_button.setObjectName("guideSaveHandout")
        self.save_button.setAccessibleName(self.tr("Gem vejledningen til borgeren som PDF"))
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_caption)
        language_row.addWidget(self.language_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(language_row)
        layout.addWidget(self.print_button)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setTabOrder(self.language_combo, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.print_button.clicked.connect(self.print_handout)
        self.save_button.clicked.connect(self.save_handout)

    # --- the errand and the language ------------------------------------------------------

    def show_errand(self, errand: Errand | None) -> None:
        """A new visit: Danish again, English only offered when the catalogue has its texts."""
        self.errand = errand
        self.language_combo.setCurrentIndex(0)
        english = bool(errand and errand.guide and errand.guide.has_english())
        model = self.language_combo.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(self.language_combo.findData("en"))
        item.setEnabled(english)
        item.setToolTip("" if english else self.tr(
            "Kataloget har ingen engelsk tekst til denne vejledning"))

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def set_language(self, code: str) -> None:
        index = self.language_combo.findData(code)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def default_path(self) -> Path:
        assert self.errand is not None
        moment = weeks.local(weeks.now_utc()).strftime("%Y-%m-%d_%H%M%S")
        suffix = "" if self.language() == "da" else f"_{self.language()}"
        return paths.exports_dir() / "handouts" / f"{self.errand.code}_{moment}{suffix}.pdf"

    # --- print ----------------------------------------------------------------------------

    def print_handout(self) -> None:
        """Ask for a printer with the system print dialog, then print the sheet on it."""
        if self.errand is None or self.errand.guide is None:
            return
        if not self.printers():
            self.keep_for_later()
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)  # no "print to file": that is "Gem som PDF…"
        dialog.setWindowTitle(self.tr("Udskriv vejledning til borgeren"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.status.emit(self.tr("Vejledningen blev ikke udskrevet."))
            return
        target = self.write_to_handouts()
        if target is None:
            return
        name = printer.printerName()
        try:
            printing.print_pdf(target, name, printer.copyCount())
        except printing.PrintError as exc:
            log.warning("handout not printed on %r: %s", name, exc)
            self.open_in_viewer(target)
            return
        where = name or self.tr("standardprinteren")
        self.handed_over(target, self.tr("Vejledningen er sendt til %1.").replace("%1", where))

    def keep_for_later(self) -> None:
        """No usable printer: the sheet waits in the handouts folder; nothing is recorded."""
        target = self.write_to_handouts()
        if target is not None:
            self.status.emit(self.tr(
                "Der er ingen printer at udskrive på. Vejledningen er gemt i %1 – udskriv den "
                "senere, eller brug Gem som PDF… for at gemme den, hvor borgeren kan få den.")
                .replace("%1", str(target)))

    def write_to_handouts(self) -> Path | None:
        target = self.default_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.show_error(self.tr("Mappen %1 kan ikke oprettes: %2").replace(
                "%1", str(target.parent)).replace("%2", exc.strerror or str(exc)))
            return None
        return target if self.write_sheet(target) else None

    def open_in_viewer(self, target: Path) -> None:
        """The printer refused the job: print from the PDF viewer instead. Whether it gets
        printed there is not known, so the visit does not record a handout."""
        if not self.open_url(QUrl.fromLocalFile(str(target))):
            self.show_error(self.tr("Vejledningen kunne ikke udskrives, og PDF-viseren kunne ikke "
                                    "åbnes. Filen ligger i %1").replace("%1", str(target)))
            return
        self.status.emit(self.tr("Printeren tog ikke imod vejledningen. Den er åbnet i PDF-viseren "
                                 "– udskriv den derfra. Filen ligger i %1").replace("%1", str(target)))

    # --- save -----------------------------------------------------------------------------

    def save_handout(self) -> None:
        if self.errand is None or self.errand.guide is None:
            return
        if self.language() == "en" and self.errand.guide.label_en:
            name = f"Guide – {self.errand.guide.label_en}.pdf"
        else:
            name = f"Vejledning – {self.errand.label}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Gem vejledning som PDF"), str(Path.home() / name),
            self.tr("PDF-filer (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        if self.write_sheet(target):
            self.handed_over(target, self.tr("Vejledningen er gemt: %1").replace("%1", str(target)))

    def write_sheet(self, target: Path) -> bool:
        assert self.errand is not None
        from deskapp.services.exports.handout import write_handout  # reportlab: on first use

        try:
            write_handout(self.errand, target, self.contact(), lang=self.language())
        except ExportError as exc:
            self.show_error(self.tr("Vejledningen kunne ikke gemmes: %1").replace(
                "%1", export_error_text(exc)))
            return False
        return True

    def handed_over(self, target: Path, text: str) -> None:
        """The sheet reached the citizen's hands (printed, or saved where the user chose)."""
        self.written.emit(str(target))
        self.status.emit(text)

    def show_error(self, text: str) -> None:
        self.status.emit(text)
        QMessageBox.warning(self, self.tr("Skranke"), text)
