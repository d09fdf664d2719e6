"""Danish (translatable) wording for errors that services report by kind.

lupdate only sees literal ``QCoreApplication.translate("Context", "...")`` calls outside
QObject subclasses (no aliases), so every string here is written that way, context
"messages". Other modules may call ``messages.tr("...")``: lupdate gives those the same context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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
            "bruger den). Prøv igen om lidt."),
        "read_only": QCoreApplication.translate(
            "messages", "Journalen {path} kan ikke skrives (skrivebeskyttet eller manglende "
            "rettigheder). Besøget er ikke gemt; det står stadig på skærmen."),
        "disk_full": QCoreApplication.translate(
            "messages", "Disken med journalen {path} er fuld. Besøget er ikke gemt; det står "
            "stadig på skærmen."),
        "unknown_visit": QCoreApplication.translate(
            "messages", "Besøget findes ikke længere i journalen."),
    }
    return texts.get(exc.kind, str(exc)).format(path=exc.path)


def refused_text(exc: privacy.FreeTextRefused) -> str:
    """What to remove before saving: the length, and every CPR number (or contact detail)
    found, so a long note with a CPR number in it is not refused twice in a row."""
    texts = []
    if exc.too_long:
        texts.append(QCoreApplication.translate(
            "messages", "Noten er for lang ({n} tegn). Højst {limit} tegn.").format(
            n=exc.too_long, limit=privacy.NOTE_MAX_LENGTH))
    if exc.findings:
        texts.append(_findings_text(exc.findings))
    return " ".join(texts)


def _findings_text(findings: list[privacy.Finding]) -> str:
    parts = []
    for finding in findings:
        if finding.kind == "cpr":
            text = QCoreApplication.translate("messages", "et CPR-nummer ({text})")
        elif finding.kind == "email":
            text = QCoreApplication.translate("messages", "en e-mailadresse ({text})")
        else:
            text = QCoreApplication.translate("messages", "et telefonnummer ({text})")
        parts.append(text.format(text=finding.text))
    return QCoreApplication.translate(
        "messages", "Noten indeholder {what}. Fjern det, før du gemmer: journalen er statistik "
        "og må ikke indeholde personoplysninger.").format(what=", ".join(parts))


def warning_text(findings: list[privacy.Finding]) -> str:
    what = ", ".join(f.text for f in findings)
    return QCoreApplication.translate(
        "messages", "Noten ser ud til at indeholde kontaktoplysninger ({what}). "
        "Gem alligevel?").format(what=what)
