"""Correct a saved visit of today: errand, reason, outcome, channel, note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from deskapp.services.catalog import Catalog, Choice
from deskapp.services.journal import Visit
from deskapp.ui.shell import messages


class EditVisitDialog(QDialog):
    def __init__(self, catalog: Catalog, visit: Visit, parent: QWidget | None = None):
        super().__init__(parent)
        self.visit = visit
        self.catalog = catalog
        self.setObjectName("editVisitDialog")
        self.setWindowTitle(self.tr("Ret besøg kl. %1").replace(
            "%1", visit.started_local.strftime("%H:%M")))
        errands = [Choice(e.code, e.label) for e in catalog.errands
                   if not e.retired or e.code == visit.errand]
        self.combos = {
            "errand": self._combo("editErrand", self.tr("Ærinde"), errands, visit.errand),
            "reason": self._combo("editReason", self.tr("Årsag"), catalog.reasons, visit.reason),
            "outcome": self._combo("editOutcome", self.tr("Resultat"), catalog.outcomes,
                                   visit.outcome),
            "channel": self._combo("editChannel", self.tr("Kanal"), catalog.channels,
                                   visit.channel),
        }
        for key, description in (
            ("errand", self.tr("Hvad borgeren kom for. Pil op og ned vælger et andet ærinde")),
            ("reason", self.tr("Hvorfor borgeren mødte op i stedet for at klare det digitalt")),
            ("outcome", self.tr("Hvordan besøget endte")),
            ("channel", self.tr("Hvordan borgeren henvendte sig, fx fremmøde eller telefon")),
        ):
            self.combos[key].setAccessibleDescription(description)
        self.note_edit = QLineEdit(visit.note or "", self)
        self.note_edit.setObjectName("editNote")
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setAccessibleDescription(
            self.tr("Kort note uden navne eller CPR-numre; den kontrolleres, når du gemmer"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        labels = {"errand": self.tr("&Ærinde:"), "reason": self.tr("Å&rsag:"),
                  "outcome": self.tr("&Resultat:"), "channel": self.tr("&Kanal:")}
        for key, combo in self.combos.items():
            caption = QLabel(labels[key], self)
            caption.setBuddy(combo)
            form.addRow(caption, combo)
        note_caption = QLabel(self.tr("&Note:"), self)
        note_caption.setBuddy(self.note_edit)
        form.addRow(note_caption, self.note_edit)
        form.addRow(buttons)
        self._note: str | None = visit.note

    def _combo(self, name: str, accessible: str, choices: object, current: str | None) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for choice in choices:  # type: ignore[attr-defined]
            combo.addItem(choice.label, choice.code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def accept(self) -> None:
        # The same check as the counter note; a note saved earlier with a yes is not asked again.
        note = messages.checked_free_text(self.note_edit, accepted=self.visit.note)
        if note is False:
            return
        self._note = note
        super().accept()

    def changes(self) -> dict[str, object]:
        values: dict[str, object] = {k: c.currentData() for k, c in self.combos.items()}
        values["note"] = self._note
        errand = self.catalog.errand(str(values["errand"]))
        if errand is not None and errand.code != self.visit.errand:
            # a corrected errand brings its own KOMHEN contact type; an unchanged errand keeps
            # the type the visit was counted with, even if the catalogue changed since
            values["contact_type"] = errand.contact_type
        return {k: v for k, v in values.items() if getattr(self.visit, k) != v}
