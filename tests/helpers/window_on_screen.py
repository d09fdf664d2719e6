"""Run in a subprocess by tests/test_guide_fit.py: the real main window on a 1920x1080
offscreen screen, at whatever QT_SCALE_FACTOR / QT_FONT_DPI the test set. Prints JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def main(journal_path: str) -> None:
    app = QApplication([sys.argv[0]])
    from deskapp.services import catalog as catalog_service
    from deskapp.services import settings as settings_service
    from deskapp.services.journal import Journal
    from deskapp.ui.shell.main_window import MainWindow
    from deskapp.ui.shell.operations import JournalHub

    journal = Journal(Path(journal_path), desk="skranke-1", site="Rådhuset")
    window = MainWindow(JournalHub(journal, catalog_service.load_default()),
                        settings_service.Settings(desk="skranke-1"))
    window.show_on_screen()
    QTest.qWait(200)
    counter = window.counter
    QTest.keyClicks(counter.errand_search, "flytning")
    QTest.keyClick(counter.errand_search, Qt.Key.Key_Return)
    QTest.qWait(300)  # the guide shows and takes its share of the width
    reasons = counter.reasons.list
    seen = [reasons.viewport().rect().contains(reasons.visualItemRect(reasons.item(row)))
            for row in range(reasons.count())]

    def box(rect: QRect) -> list[int]:
        return [rect.x(), rect.y(), rect.width(), rect.height()]

    print(json.dumps({
        "ratio": window.screen().devicePixelRatio(),
        "available": box(window.screen().availableGeometry()),
        "frame": box(window.frameGeometry()),
        "guide_visible": window.guide.isVisible(),
        "reasons_seen": seen,
        "status_bar": box(window.statusBar().geometry()),
        "window": box(window.rect()),
    }))
    window.close()
    journal.close()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])
