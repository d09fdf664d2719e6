"""A very long counter session in one process: 10,000 visits through the real window.

Every tenth visit goes through the guide (steps, a stuck step, a skip); the rest are the
plain four keys. Per 1,000 visits it prints the reference count of None (PySide6 6.12.0
on Python 3.11 lowers it until the process aborts), the resident memory, the Qt objects
under the window and the outcome→commit time (the outcome digit pressed until the visit
is committed and the form is back, p50 and p99). Memory must stay flat.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/soak.py [--visits 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from deskapp.services import catalog as catalog_service
from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.operations import JournalHub

CTRL = Qt.KeyboardModifier.ControlModifier
PLAIN = ("flyt", "sundhedskort", "pas", "læge", "folkepension")
GUIDE = ["u", "f", "1", "o", "r"]


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def press(keys: str | Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    if isinstance(keys, str):
        QTest.keyClicks(target, keys)
    else:
        QTest.keyClick(target, keys, modifier)


def visit(number: int) -> float:
    """One visit by keyboard; returns the outcome→commit time in milliseconds."""
    guided = number % 10 == 7
    press("flytning" if guided else PLAIN[number % len(PLAIN)])
    press(Qt.Key.Key_Return)
    press("5" if guided else "2")
    if guided:
        press(Qt.Key.Key_G, CTRL)
        for key in GUIDE:
            press(key)
    start = time.perf_counter()
    press("1" if guided else "3")  # returns once the visit is committed and the form reset
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="skranke-soak-"))
    os.environ["SKRANKE_HOME"] = str(folder)
    journal = Journal(folder / "soak.skranke", desk="soak", site="bench")
    window = MainWindow(JournalHub(journal, catalog_service.load_default()),
                        settings_service.Settings(desk="soak"))
    window.show()
    window.activateWindow()
    app.processEvents()
    print(f"PySide6 {pyside_version}, Python {sys.version.split()[0]}, {args.visits} visits")
    print(f"{'visits':>7} {'None refs':>10} {'RSS MB':>7} {'Qt objs':>7} {'p50 ms':>7} {'p99 ms':>7}")
    times: list[float] = []
    for number in range(1, args.visits + 1):
        times.append(visit(number))
        QTest.qWait(1)  # between citizens the event loop runs: timers, deferred deletes
        if number % 1000 == 0 or number == args.visits:
            ordered = sorted(times)
            p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
            print(f"{number:>7} {sys.getrefcount(None):>10} {rss_mb():>7.1f} "
                  f"{len(window.findChildren(QObject)):>7} {statistics.median(times):>7.2f} {p99:>7.2f}",
                  flush=True)
            times = []
    counted = sum(v.status == "saved" for v in journal.visits())
    print(f"journal: {counted} saved visits of {args.visits}")
    journal.close()


if __name__ == "__main__":
    main()
