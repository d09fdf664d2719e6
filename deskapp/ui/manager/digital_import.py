"""Import digital self-service counts from the manager page (same service as the CLI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from deskapp.services import digital_counts
from deskapp.ui.shell.operations import Change, Failed, JournalHub


def tr(text: str) -> str:
    return QCoreApplication.translate("DigitalImport", text)


def rejected_text(exc: digital_counts.ImportRejected) -> str:
    """Why the file was refused, in the user's language (the service says it in English)."""
    texts = {
        "cannot_read": tr("Filen kan ikke læses ({error})."),
        "not_utf8": tr("Filen er ikke UTF-8-tekst. Gem den som CSV UTF-8 og prøv igen."),
        "empty": tr("Filen er tom. Første linje skal være overskriften week,errand,count,source."),
        "header_lacks": tr("Overskriften mangler {missing}. Den skal være week,errand,count,source."),
        "fields": tr("Linjen har {found} felter, men overskriften har {expected}."),
        "repeats": tr("Uge {week}, ærinde {errand} og kilde {source} står allerede i linje {first}."),
        "no_rows": tr("Filen har en overskrift, men ingen rækker med tal."),
        "missing": tr("Feltet {column} er tomt."),
        "bad_week": tr("'{text}' er ikke en uge, der findes. Skriv ugen som 2026-W48."),
        "unknown_errand": tr("Ærindekoden '{code}' findes ikke i kataloget."),
        "not_a_count": tr("Antallet '{text}' er ikke et helt tal på 0 eller derover."),
        "too_large": tr("Antallet {count} er urimeligt stort."),
        "cpr": tr("Feltet {column} indeholder noget, der ligner et CPR-nummer. Fjern det, og prøv igen."),
    }
    text = texts.get(exc.kind)
    if text is None:
        return exc.reason
    try:
        return text.format(**{k: str(v) for k, v in exc.values.items()})
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return exc.reason


def ask_and_import(parent: QWidget, hub: JournalHub) -> str | None:
    """Ask for a CSV file and import it; return the result line, or None if nothing changed."""
    title = tr("Importér digitale tal")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", tr("CSV-filer (*.csv);;Alle filer (*)"))
    if not path:
        return None
    try:
        rows = digital_counts.read_file(path, hub.catalog)
    except digital_counts.ImportRejected as exc:
        where = tr("Linje %1: ").replace("%1", str(exc.line)) if exc.line else ""
        text = tr("Filen blev ikke importeret, og intet er ændret.\n\n%1%2")
        QMessageBox.warning(parent, title, text.replace("%1", where).replace("%2", rejected_text(exc)))
        return None

    def show_failure(text: str) -> None:
        QMessageBox.warning(parent, title, text)

    result = hub.write(lambda journal: digital_counts.store(journal, rows), Change("digital_counts"),
                       show_failure)
    if isinstance(result, Failed):
        return None
    text = tr("%1 rækker læst: %2 nye, %3 ændrede, %4 uændrede.").replace(
        "%1", str(result.rows)).replace("%2", str(result.added)).replace(
        "%3", str(result.changed)).replace("%4", str(result.unchanged))
    QMessageBox.information(parent, title, text)
    return text
