"""After a crash or restart: offer to finish or discard visits that were left open."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from deskapp.services.journal import Journal
from deskapp.ui.counter.counter_page import CounterPage
from deskapp.ui.shell.operations import Change, Failed


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
        discard = functools.partial(Journal.discard_open, visit_id=visit.id)
        if isinstance(counter.hub.write(discard, Change.of_open(visit.id), counter.show_error), Failed):
            return
