"""Screenshots for the guide section of the README: run under Xvfb.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots_guide.py

Writes docs/img/guide-panel-stuck.png (the window at its default size on a demo journal,
the guide open with step 3 stuck and its list of blockers showing), docs/img/guide-200.png
(the same at 200 % text, QT_SCALE_FACTOR=2, in a second process), docs/img/handout-page1.png
and docs/img/handout-en-page1.png (the flytning handout in Danish and English, rendered with
pdftoppm). Everything else lives in a temporary SKRANKE_HOME that is removed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "docs" / "img"
sys.path.insert(0, str(ROOT))


def settle(app: object, rounds: int = 20) -> None:
    from PySide6.QtTest import QTest

    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]
        QTest.qWait(25)


def guide_panel_shot(home: Path, name: str = "guide-panel-stuck") -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from deskapp.services import catalog as catalog_service
    from deskapp.services import demo
    from deskapp.services import settings as settings_service
    from deskapp.services.journal import Journal
    from deskapp.ui.shell.main_window import MainWindow
    from deskapp.ui.shell.operations import JournalHub

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "xcb"])
    app.setApplicationName("Skranke")
    catalog = catalog_service.load_default()
    journal = Journal(home / "journal.skranke", desk="skranke-2", site="Rådhuset")
    demo.generate(journal, catalog, weeks_back=1, seed=3)
    config = settings_service.Settings(desk="skranke-2", municipality="Favrskov Kommune",
                                       help_line="89 64 10 10")
    window = MainWindow(JournalHub(journal, catalog), config)
    window.guide.panel.open_url = lambda url: True
    window.show_on_screen()  # 1100x720, or the whole screen when that does not fit (200 %)
    window.activateWindow()
    settle(app)
    counter = window.counter
    QTest.keyClicks(counter.errand_search, "flytning")
    QTest.keyClick(counter.errand_search, Qt.Key.Key_Return)
    QTest.keyClicks(counter.reasons.list, "5")  # tried, but it failed
    panel = window.guide.panel
    for row in (0, 1):
        panel.ready_list.item(row).setCheckState(Qt.CheckState.Checked)
    window.guide.toggle_focus()  # Ctrl+G
    settle(app)
    QTest.keyClicks(panel.steps, "m")  # medbetjening
    QTest.keyClicks(panel.steps, "u")  # find: done
    QTest.keyClicks(panel.steps, "u")  # login: done
    QTest.keyClicks(panel.steps, "f")  # adresse: stuck - which of the blockers?
    settle(app, 40)
    target = IMG / f"{name}.png"
    window.grab().save(str(target))
    window.close()
    journal.close()
    return target


def handout_shot(home: Path) -> Path:
    from deskapp.services import catalog as catalog_service
    from deskapp.services.exports.handout import HelpContact, write_handout

    catalog = catalog_service.load_default()
    pdf = write_handout(catalog.errand("flytning"), home / "flytning.pdf",
                        HelpContact("Favrskov Kommune", "89 64 10 10"))
    stem = home / "handout"
    subprocess.run(["pdftoppm", "-r", "96", "-png", "-singlefile", str(pdf), str(stem)], check=True)
    target = IMG / "handout-page1.png"
    shutil.copyfile(stem.with_suffix(".png"), target)
    english = write_handout(catalog.errand("flytning"), home / "moving.pdf",
                            HelpContact("Favrskov Kommune", "89 64 10 10"), lang="en")
    subprocess.run(["pdftoppm", "-r", "96", "-png", "-singlefile", str(english), str(stem)],
                   check=True)
    shutil.copyfile(stem.with_suffix(".png"), IMG / "handout-en-page1.png")
    return target


def main() -> int:
    IMG.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["--at-200"]:  # the second process: everything twice as large
        with tempfile.TemporaryDirectory(prefix="skranke-shots-") as tmp:
            os.environ["SKRANKE_HOME"] = tmp
            print(f"wrote {guide_panel_shot(Path(tmp), 'guide-200').relative_to(ROOT)}")
        return 0
    subprocess.run([sys.executable, __file__, "--at-200"], check=True,
                   env={**os.environ, "QT_SCALE_FACTOR": "2"})
    with tempfile.TemporaryDirectory(prefix="skranke-shots-") as tmp:
        home = Path(tmp)
        os.environ["SKRANKE_HOME"] = str(home)
        os.environ.pop("SKRANKE_JOURNAL", None)
        for path in (guide_panel_shot(home), handout_shot(home)):
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
