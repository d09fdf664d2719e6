"""Danish (translatable) wording for errors that services report by kind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from deskapp.services import privacy
from deskapp.services.journal import JournalError


def tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def journal_error(exc: JournalError) -> str:
    texts = {
        "too_new": tr("Journalen {path} er skrevet af en nyere version af Skranke. "
                      "Opdatér Skranke, før du åbner den. Filen er ikke ændret."),
        "damaged": tr("Journalen {path} er beskadiget eller ikke en Skranke-journal. "
                      "Filen er ikke ændret."),
        "missing": tr("Der findes ingen journal på {path}."),
        "locked": tr("Journalen {path} er optaget (en sikkerhedskopi eller et andet program "
                     "bruger den). Prøv igen om lidt."),
        "read_only": tr("Journalen {path} kan ikke skrives (skrivebeskyttet eller manglende "
                        "rettigheder). Besøget er ikke gemt; det står stadig på skærmen."),
        "disk_full": tr("Disken med journalen {path} er fuld. Besøget er ikke gemt; det står "
                        "stadig på skærmen."),
        "unknown_visit": tr("Besøget findes ikke længere i journalen."),
    }
    return texts.get(exc.kind, str(exc)).format(path=exc.path)


def refused_text(exc: privacy.FreeTextRefused) -> str:
    if exc.too_long:
        return tr("Noten er for lang ({n} tegn). Højst {limit} tegn.").format(
            n=exc.too_long, limit=privacy.NOTE_MAX_LENGTH)
    parts = []
    for finding in exc.findings:
        if finding.kind == "cpr":
            parts.append(tr("et CPR-nummer ({text})").format(text=finding.text))
        elif finding.kind == "email":
            parts.append(tr("en e-mailadresse ({text})").format(text=finding.text))
        else:
            parts.append(tr("et telefonnummer ({text})").format(text=finding.text))
    return tr("Noten indeholder {what}. Fjern det, før du gemmer: journalen er statistik "
              "og må ikke indeholde personoplysninger.").format(what=", ".join(parts))


def warning_text(findings: list[privacy.Finding]) -> str:
    what = ", ".join(f.text for f in findings)
    return tr("Noten ser ud til at indeholde kontaktoplysninger ({what}). "
              "Gem alligevel?").format(what=what)
