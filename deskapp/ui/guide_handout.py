"""The handout buttons: print the citizen's sheet (open it in the system PDF viewer) or save it.

Printing a PDF through Qt would mean rendering it ourselves; the system viewer prints it
faithfully with the system print dialog. ``written`` tells the panel a sheet was made, so
the visit can record that the citizen got one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from deskapp import paths
from deskapp.services import weeks
from deskapp.services.catalog import Errand
from deskapp.services.exports import ExportError
from deskapp.services.exports.handout import HelpContact, write_handout


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
        """Write the sheet under the exports folder and open it in the system's PDF viewer."""
        if self.errand is None or self.errand.guide is None:
            return
        target = self.default_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.show_error(self.tr("Mappen %1 kan ikke oprettes: %2").replace(
                "%1", str(target.parent)).replace("%2", exc.strerror or str(exc)))
            return
        if self.write_sheet(target):
            self.open_url(QUrl.fromLocalFile(str(target)))
            self.status.emit(self.tr("Vejledningen er åbnet til udskrift: %1").replace("%1", str(target)))

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
            self.status.emit(self.tr("Vejledningen er gemt: %1").replace("%1", str(target)))

    def write_sheet(self, target: Path) -> bool:
        assert self.errand is not None
        try:
            write_handout(self.errand, target, self.contact())
        except ExportError as exc:
            self.show_error(self.tr("Vejledningen kunne ikke gemmes: %1").replace("%1", str(exc)))
            return False
        self.written.emit(str(target))
        return True

    def show_error(self, text: str) -> None:
        self.status.emit(text)
        QMessageBox.warning(self, self.tr("Skranke"), text)
