"""Start the Qt application: settings, translation, catalogue, journal, main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from deskapp import APP_NAME, paths
from deskapp.crash_log import log_unexpected
from deskapp.services import catalog as catalog_service
from deskapp.services import settings as settings_service
from deskapp.testing import script_hook as test_hook
from deskapp.ui.counter.open_visits import offer_open_visits
from deskapp.ui.settings.desk_dialog import confirm_desk_on_first_start
from deskapp.ui.shell import messages, startup_checks
from deskapp.ui.shell.deferred_checks import CheckedHub, DeferredChecks
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.translation import SkrankeTranslator
from deskapp.ui.sync.publisher import Publisher

_IMPORTED = time.perf_counter()


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Danish is the source language; any other language loads its .qm file.

    Qt's own texts (standard buttons such as Save/Cancel, Yes/No) come from Qt's
    qtbase_<lang>.qm, loaded for every language including Danish.
    """
    if lang != "da" and not (paths.translations_dir() / f"skranke_{lang}.qm").exists():
        lang = "da"  # an unknown language in the settings: the counter still starts, in Danish
    qt_translator = QTranslator(app)
    qt_dirs = [paths.translations_dir(), Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if any(qt_translator.load(f"qtbase_{lang}", str(folder)) for folder in qt_dirs):
        app.installTranslator(qt_translator)
    QLocale.setDefault(QLocale(lang))
    if lang == "da":
        return None
    translator = SkrankeTranslator(app)
    if translator.load_file(str(paths.translations_dir() / f"skranke_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def run_app(journal: str | None = None, desk: str | None = None, lang: str | None = None,
            smoke: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(paths.icon_file())))
    settings_path = paths.settings_file()
    config = settings_service.load(settings_path)
    if desk:
        config.desk = desk
    install_translator(app, lang or config.language)
    _install_excepthook()

    def fail(text: str) -> int:
        if smoke:
            print(f"deskapp: {' '.join(text.split())}", file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_NAME, text)
        return 1

    try:
        cat = catalog_service.load(config.catalog_file or paths.default_catalog())
    except catalog_service.CatalogError as exc:
        return fail(messages.tr("Katalogfilen kan ikke bruges:\n%1").replace(
            "%1", "\n".join(str(p) for p in exc.problems[:10])))
    if not smoke and not confirm_desk_on_first_start(config) and not config.desk_confirmed:
        return 0  # closed without a desk name: nothing started, asked again next time
    journal_path = Path(journal) if journal else paths.default_journal()
    # Safety (issue 6): one app per journal, the header checked now; the page-by-page check,
    # old notes and today's backup after the first frame, off the UI thread (issue 15.7).
    opened = startup_checks.open_for_app(journal_path, config, fail, interactive=not smoke,
                                         defer=True)
    if opened is None:
        return 1
    store = opened.journal
    settings_service.save(config, settings_path)
    checks = DeferredChecks(store, config)
    hub = CheckedHub(store, cat, checks)
    window = MainWindow(hub, config, lambda c: settings_service.save(c, settings_path))
    checks.setParent(window)
    publisher = Publisher(journal_path, config, parent=window)
    window.attach_publisher(publisher)
    window.show_on_screen()
    window.counter.focus_search()  # shown: focus starts in the errand search, not the tab bar
    result: dict[str, str] = {}

    def after_check(notices: list[str]) -> None:
        for notice in [*opened.notices, *notices]:
            window.show_status(notice)  # safety: restore done, backup failed...
        if not smoke:
            offer_open_visits(window.counter, store)
            publisher.start()
        result["done"] = "ok"

    def damaged(text: str) -> None:
        result["done"] = "damaged"
        if smoke:
            fail(text)
        else:
            window.show_status(text)
            QMessageBox.critical(window, APP_NAME, text)

    checks.passed.connect(after_check)
    checks.damaged.connect(damaged)
    if smoke:
        def first_frame() -> None:
            window.grab()
            print(f"smoke frame: {_since_start():.3f} s")
            checks.start()
            app.quit()

        QTimer.singleShot(0, first_frame)
        app.exec()
        while "done" not in result:  # the deferred check still has its say
            app.processEvents()
            checks.done.wait(0.02)
        app.processEvents()
        window.close()
        opened.close()
        if result["done"] != "ok":
            return 1
        # What the user would see, so a smoke run shows the translations were found.
        print(f"smoke ui: {window.windowTitle()} | {window.tabs.tabText(0)} | "
              f"{QCoreApplication.translate('QPlatformTheme', 'Cancel')}")
        print(f"smoke qt: PySide6 {PySide6.__version__}, Qt {qVersion()}")
        print(f"smoke ok: {journal_path}")
        return 0
    # The first frame is painted before the check starts: it reads the whole file.
    def after_first_frame() -> None:
        window.repaint()
        checks.start()

    QTimer.singleShot(0, after_first_frame)
    test_hook.install(window, store)  # test hook: inert unless SKRANKE_SCRIPT is set
    code = app.exec()
    if checks.usable():  # waits for a check still running; never publishes a damaged journal
        publisher.publish_on_exit()
    opened.close()
    return code


def _since_start() -> float:
    """Seconds since the process started (``SKRANKE_T0``, set by bench/startup.py, when given)."""
    t0 = os.environ.get("SKRANKE_T0")
    return time.time() - float(t0) if t0 else time.perf_counter() - _IMPORTED


def _install_excepthook() -> None:
    """An unexpected error is logged with its traceback; the user sees a short message."""

    def hook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        log_path = log_unexpected(exc)
        if os.environ.get("SKRANKE_RAISE"):
            sys.__excepthook__(kind, exc, tb)  # type: ignore[arg-type]
        QMessageBox.critical(None, APP_NAME, messages.tr(
            "Der skete en uventet fejl. Dine gemte besøg er ikke berørt.\n"
            "Detaljer er skrevet i %1").replace("%1", str(log_path)))

    sys.excepthook = hook
