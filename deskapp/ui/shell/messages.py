"""Danish (translatable) wording for errors that services report by kind.

lupdate only sees literal ``QCoreApplication.translate("Context", "...")`` calls outside
QObject subclasses (no aliases), so every string here is written that way, context
"messages". Other modules may call ``messages.tr("...")``: lupdate gives those the same context.

:func:`checked_free_text` is the one place where a typed note is checked before saving
(counter note, edit-visit note, the guide's "Andet" blocker note).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QMessageBox

from deskapp.services import privacy
from deskapp.services.journal import JournalError


def tr(text: str) -> str:
    """``messages.tr("...")`` anywhere in deskapp/ui: lupdate files such calls under the
    context "messages" (the name before ``.tr``), so that is the context used here."""
    return QCoreApplication.translate("messages", text)


def journal_error(exc: JournalError) -> str:
    texts = {
        "too_new": QCoreApplication.translate(
            "messages", "Journalen {path} er skrevet af en nyere version af Skranke. "
            "Opdatér Skranke, før du åbner den. Filen er ikke ændret."),
        "damaged": QCoreApplication.translate(
            "messages", "Journalen {path} er beskadiget eller ikke en Skranke-journal. "
            "Filen er ikke ændret."),
        "missing": QCoreApplication.translate("messages", "Der findes ingen journal på {path}."),
        "locked": QCoreApplication.translate(
            "messages", "Journalen {path} er optaget (en sikkerhedskopi eller et andet program "
            "bruger den). Besøget er ikke gemt; det står stadig på skærmen. Prøv igen om lidt."),
        "read_only": QCoreApplication.translate(
            "messages", "Journalen {path} kan ikke skrives (skrivebeskyttet eller manglende "
            "rettigheder). Besøget er ikke gemt; det står stadig på skærmen."),
        "disk_full": QCoreApplication.translate(
            "messages", "Disken med journalen {path} er fuld. Besøget er ikke gemt; det står "
            "stadig på skærmen."),
        "unknown_visit": QCoreApplication.translate(
            "messages", "Besøget findes ikke længere i journalen."),
        "cpr": QCoreApplication.translate(
            "messages", "Teksten indeholder noget, der ligner et CPR-nummer, og er ikke gemt. "
            "Fjern det, og prøv igen; besøget står stadig på skærmen.") + " " + date_advice(),
    }
    return texts.get(exc.kind, str(exc)).format(path=exc.path)


def read_only_at_start(exc: JournalError) -> str:
    """A journal that cannot be written, said when the app starts (no visit is waiting)."""
    return QCoreApplication.translate(
        "messages", "Journalen {path} kan ikke skrives (skrivebeskyttet disk, mappe eller fil, "
        "eller manglende rettigheder). Den er ikke beskadiget, og intet er ændret. Bed IT om "
        "skriveadgang; udtræk kan laves med 'deskapp export'.").format(path=exc.path)


def date_advice() -> str:
    """How to write a date and a time so they are not taken for a CPR number."""
    return QCoreApplication.translate(
        "messages", "Står der en dato med et klokkeslæt eller et beløb lige efter, ligner det "
        "et CPR-nummer: skriv „kl.“ foran klokkeslættet, fx 22.09 kl. 11.")


def refused_name(exc: privacy.FreeTextRefused, what: str) -> str:
    """Why a name (desk, site, municipality, help line) cannot be saved; ``what`` is the
    field's label. Never repeats the name: it may hold a CPR number."""
    if exc.findings:
        return QCoreApplication.translate(
            "messages", "{what} indeholder noget, der ligner et CPR-nummer ({masked}). Et navn "
            "står på hvert besøg og i filnavne og må ikke indeholde personoplysninger.").format(
            what=what, masked=", ".join(f.masked for f in exc.findings))
    return QCoreApplication.translate(
        "messages", "{what} er for langt ({n} tegn). Højst {limit} tegn.").format(
        what=what, n=exc.too_long, limit=privacy.NAME_MAX_LENGTH)


def refused_text(exc: privacy.FreeTextRefused) -> str:
    """What to remove before saving: the length, and every CPR number (or contact detail)
    found, so a long note with a CPR number in it is not refused twice in a row."""
    texts = []
    if exc.too_long:
        texts.append(QCoreApplication.translate(
            "messages", "Noten er for lang ({n} tegn). Højst {limit} tegn.").format(
            n=exc.too_long, limit=privacy.NOTE_MAX_LENGTH))
    if exc.findings:
        texts.append(_findings_text(exc.findings, exc.offset))
    return " ".join(texts)


def _findings_text(findings: list[privacy.Finding], offset: int) -> str:
    """Where each finding is (characters as typed) and its masked shape: the message never
    repeats a CPR number, so it cannot end up in a log or a screenshot of the message."""
    parts = []
    for finding in findings:
        if finding.kind == "cpr":
            text = QCoreApplication.translate(
                "messages", "noget, der ligner et CPR-nummer (tegn {first}-{last}: {masked})")
        elif finding.kind == "email":
            text = QCoreApplication.translate(
                "messages", "en e-mailadresse (tegn {first}-{last}: {masked})")
        else:
            text = QCoreApplication.translate(
                "messages", "et telefonnummer (tegn {first}-{last}: {masked})")
        parts.append(text.format(first=finding.start + offset + 1, last=finding.end + offset,
                                 masked=finding.masked))
    text = QCoreApplication.translate(
        "messages", "Noten indeholder {what}. Fjern det, før du gemmer: journalen er statistik "
        "og må ikke indeholde personoplysninger.").format(what=", ".join(parts))
    if any(finding.kind == privacy.CPR for finding in findings):
        text += " " + date_advice()
    return text


def warning_text(findings: list[privacy.Finding]) -> str:
    what = ", ".join(f.text for f in findings)
    return QCoreApplication.translate(
        "messages", "Noten ser ud til at indeholde kontaktoplysninger ({what}). "
        "Gem alligevel?").format(what=what)


def checked_free_text(field: QLineEdit, *, show_error: Callable[[str], None] | None = None,
                      accepted: str | None = None) -> str | Literal[False] | None:
    """The text of ``field`` fit to save (stripped, None when empty), or False.

    False when it must not be saved yet: a CPR number or an over-long text is refused
    (``show_error``, by default a warning box), or the user answers no to saving an e-mail
    address or phone number. The typed text stays in the field and the field gets the focus.
    ``accepted`` is a text already saved with the user's yes: unchanged, it is not asked about
    again."""
    try:
        text = privacy.guard(field.text())
    except privacy.FreeTextRefused as exc:
        message = refused_text(exc)
        if show_error is None:
            QMessageBox.warning(
                field.window(), QCoreApplication.translate("messages", "Skranke"), message)
        else:
            show_error(message)
        field.setFocus()
        return False
    found = privacy.warnings(text or "")
    if found and text != accepted:
        answer = QMessageBox.question(
            field.window(), QCoreApplication.translate("messages", "Kontrollér noten"),
            warning_text(found))
        if answer != QMessageBox.StandardButton.Yes:
            field.setFocus()
            return False
    return text
