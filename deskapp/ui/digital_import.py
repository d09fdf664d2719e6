"""Import digital self-service counts from the manager page (same service as the CLI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from deskapp.services import digital_counts
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, JournalError
from deskapp.ui import messages


def tr(text: str) -> str:
    return QCoreApplication.translate("DigitalImport", text)


def ask_and_import(parent: QWidget, journal: Journal, catalog: Catalog) -> str | None:
    """Ask for a CSV file and import it; return the result line, or None if nothing changed."""
    title = tr("Importér digitale tal")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", tr("CSV-filer (*.csv);;Alle filer (*)"))
    if not path:
        return None
    try:
        result = digital_counts.import_file(journal, catalog, path)
    except digital_counts.ImportRejected as exc:
        where = tr("Linje %1: ").replace("%1", str(exc.line)) if exc.line else ""
        text = tr("Filen blev ikke importeret, og intet er ændret.\n\n%1%2")
        QMessageBox.warning(parent, title, text.replace("%1", where).replace("%2", exc.reason))
        return None
    except JournalError as exc:
        QMessageBox.warning(parent, title, messages.journal_error(exc))
        return None
    text = tr("%1 rækker læst: %2 nye, %3 ændrede, %4 uændrede.").replace(
        "%1", str(result.rows)).replace("%2", str(result.added)).replace(
        "%3", str(result.changed)).replace("%4", str(result.unchanged))
    QMessageBox.information(parent, title, text)
    return text
