"""Screenshots for the managers' documentation: the manager page and the first PDF pages.

Run under Xvfb from the repository root:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots_manager.py
Writes docs/img/manager-page.png, docs/img/manager-shares.png, docs/img/report-page1.png,
report-page2.png and report-shares.png (the shares page) from a fresh demo journal in a
temporary folder; SKRANKE_SHOTS_PDF=FILE keeps a copy of the whole report there too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
IMG = ROOT / "docs" / "img"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="skranke-shots-"))
    os.environ["SKRANKE_HOME"] = str(home)
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from deskapp.services import catalog as catalog_service
    from deskapp.services import demo, weeks
    from deskapp.services.exports.registry import run_export
    from deskapp.services.exports.request import ExportRequest
    from deskapp.services.journal import Journal
    from deskapp.services.settings import Settings
    from deskapp.ui.shell.app import install_translator
    from deskapp.ui.shell.main_window import MainWindow
    from deskapp.ui.shell.operations import JournalHub

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, "da")  # Danish texts, numbers and dates, as the app starts
    cat = catalog_service.load_default()
    journal = Journal(home / "demo.skranke", desk="skranke-1", site="Rådhuset")
    demo.generate(journal, cat, weeks_back=10, seed=4)
    demo.generate(journal, cat, weeks_back=10, seed=5, desk="skranke-2", site="Biblioteket")
    config = Settings(desk="skranke-1", municipality="Eksempel Kommune")
    window = MainWindow(JournalHub(journal, cat), config)
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentWidget(window.manager)
    window.manager.wait_for_workers()  # the figures are counted on a worker
    QTest.qWait(300)  # deliver the result and let the layouts settle
    IMG.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(IMG / "manager-page.png"))
    window.manager.tabs.setCurrentIndex(4)
    QTest.qWait(300)
    window.grab().save(str(IMG / "manager-shares.png"))

    last = weeks.this_week()
    span = weeks.week_range(weeks.shift_week(last, -3), last)
    pdf = home / "report.pdf"
    run_export(journal, cat, ExportRequest("tallies", "pdf", span, pdf, municipality=config.municipality))
    if os.environ.get("SKRANKE_SHOTS_PDF"):
        Path(os.environ["SKRANKE_SHOTS_PDF"]).write_bytes(pdf.read_bytes())
    for number, name in ((1, "report-page1"), (2, "report-page2"), (4, "report-shares")):
        # one page per call: pdftoppm pads page numbers by the page count
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf), str(IMG / name)], check=True)
    journal.close()
    window.close()
    print(f"wrote screenshots to {IMG}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
