"""Screenshots for the README, made from the real app on a demo journal so they stay current.

    xvfb-run -a .venv/bin/python scripts/screenshots.py            # every shot
    xvfb-run -a .venv/bin/python scripts/screenshots.py counter-en  # only some

Runs in a temporary SKRANKE_HOME (nothing of the user's is touched) and writes PNGs to
docs/img/. To add a shot, append a Shot to SHOTS: a file name, the language, the font
scale, the window size and a ``prepare`` function that puts the window in the state to
show (switch tab, type, open a dialog via ``grab``...).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SKRANKE_HOME"] = tempfile.mkdtemp(prefix="skranke-shots-")

from PySide6.QtCore import Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QFont, QIcon  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from deskapp import APP_NAME, paths  # noqa: E402
from deskapp.services import catalog as catalog_service  # noqa: E402
from deskapp.services import demo  # noqa: E402
from deskapp.services import settings as settings_service  # noqa: E402
from deskapp.services.journal import Journal  # noqa: E402
from deskapp.ui.shell.app import install_translator  # noqa: E402
from deskapp.ui.shell.main_window import MainWindow  # noqa: E402
from deskapp.ui.shell.operations import JournalHub  # noqa: E402

OUT = ROOT / "docs" / "img"


@dataclass
class Shot:
    name: str  # docs/img/<name>.png
    lang: str = "da"
    font_scale: float = 1.0
    size: tuple[int, int] = (1280, 800)
    prepare: Callable[[MainWindow], QWidget | None] | None = None  # may return what to grab


def reason_step(window: MainWindow) -> None:
    """The counter mid-visit: an errand typed and taken, the reasons waiting for a digit."""
    window.counter.focus_search()
    QTest.keyClicks(window.counter.errand_search, "flyt")
    QTest.keyClick(window.counter.errand_search, Qt.Key.Key_Return)


def no_match_step(window: MainWindow) -> None:
    """A misspelt errand finds the nearest; an unknown one leaves Andet ærinde for Enter."""
    window.counter.focus_search()
    QTest.keyClicks(window.counter.errand_search, "hundeskat")


def settings_dialog(window: MainWindow) -> QWidget:
    """File > Settings, shown without blocking so it can be grabbed."""
    from deskapp.ui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.config, window)
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    return dialog


SHOTS = [
    Shot("counter-da", "da", prepare=reason_step),
    Shot("counter-en", "en", prepare=reason_step),
    Shot("counter-da-200", "da", font_scale=2.0, size=(1920, 1040), prepare=reason_step),
    Shot("counter-da-other", "da", prepare=no_match_step),
    Shot("settings-da", "da", prepare=settings_dialog),
]


def take(app: QApplication, shot: Shot, catalog: catalog_service.Catalog, home: Path) -> Path:
    before = set(app.findChildren(QTranslator))
    install_translator(app, shot.lang)
    base_font = QFont(app.font())
    font = QFont(base_font)
    font.setPointSizeF(base_font.pointSizeF() * shot.font_scale)
    app.setFont(font)
    journal_path = home / f"{shot.name}.skranke"
    journal = Journal(journal_path, desk="skranke-1", site="Borgerservice")
    try:
        demo.generate(journal, catalog, weeks_back=1, seed=7)
        config = settings_service.Settings(desk="skranke-1", language=shot.lang)
        window = MainWindow(JournalHub(journal, catalog), config)
        window.resize(*shot.size)
        window.show()
        window.activateWindow()
        QTest.qWaitForWindowExposed(window)
        QTest.qWait(200)
        target = (shot.prepare(window) if shot.prepare else None) or window
        QTest.qWait(300)
        out = OUT / f"{shot.name}.png"
        if not target.grab().save(str(out)):
            raise SystemExit(f"screenshots: cannot write {out}")
        window.close()
        window.deleteLater()
    finally:
        journal.close()
        app.setFont(base_font)
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
    return out


def main(names: list[str]) -> int:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        print("screenshots: run under Xvfb (xvfb-run -a ...), not the offscreen platform", file=sys.stderr)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(paths.icon_file())))
    OUT.mkdir(parents=True, exist_ok=True)
    catalog = catalog_service.load_default()
    home = Path(os.environ["SKRANKE_HOME"])
    unknown = set(names) - {s.name for s in SHOTS}
    if unknown:
        print(f"screenshots: unknown shot(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for shot in SHOTS:
        if not names or shot.name in names:
            print(take(app, shot, catalog, home).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
