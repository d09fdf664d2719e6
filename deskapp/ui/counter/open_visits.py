"""After a crash or restart: offer to finish or discard visits that were left open."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from deskapp.services.journal import Journal, JournalError
from deskapp.ui.counter.counter_page import CounterPage
from deskapp.ui.shell import messages


def offer_open_visits(counter: CounterPage, journal: Journal) -> None:
    """Ask about each open visit, oldest first; the first one finished is resumed in the
    form, the rest are offered again at the next start."""
    for visit in journal.open_visits():
        box = QMessageBox(counter)
        box.setObjectName("openVisitBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("OpenVisits", "Uafsluttet besøg"))
        box.setText(QCoreApplication.translate(
            "OpenVisits", "Et besøg fra %1 blev ikke afsluttet: %2.\nVil du afslutte det nu?")
                    .replace("%1", visit.started_local.strftime("%d.%m. kl. %H:%M"))
                    .replace("%2", counter.catalog.label("errands", visit.errand)))
        finish = box.addButton(QCoreApplication.translate("OpenVisits", "&Afslut besøget"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("OpenVisits", "&Kassér det"),
                      QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(finish)
        box.exec()
        if box.clickedButton() is finish:
            counter.resume(visit)
            return
        try:
            journal.discard_open(visit.id)
        except JournalError as exc:
            counter.show_error(messages.journal_error(exc))
            return
