"""Start-up time of the app against a bare PySide6 window, alternating in one run; prints
figures, asserts nothing.

    python bench/startup.py [--rounds 7] [--visits 100000] [--site 0] [--keep PATH]

Each round starts, one after the other: a bare QMainWindow (import PySide6, show, first
frame), ``deskapp --smoke`` on an empty journal, and on a journal of ``--visits`` visits
(``--site N`` adds a site journal of N visits, e.g. 2500000; of them, 150 and 1,500 are
dated today, as on a counter day under way). Every process gets the same
``SKRANKE_T0`` (the wall clock just before it is started) and prints when its first frame
was painted, so interpreter start and imports count. The app's integrity check, old notes
and daily backup run after that frame (issue 15.7); ``--smoke`` waits for them before it
exits, but they are not part of the figure. The app's modules are compiled to bytecode first
(as an installed or frozen app has them; with PYTHONDONTWRITEBYTECODE set, as on the
helpers' machines, every start would otherwise compile deskapp from source), and one
round is run before the counted ones, so the file cache is warm for both. Target: the app
within 4x the bare window on the empty and the 100,000-visit journal, and the window up
within 1 s on a 2.5M site journal.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DESK_TODAY = 150  # a busy counter's day so far
SITE_TODAY = 1_500  # eight desks' day so far, in a site journal

BARE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, lambda: (window.grab(), print(f"smoke frame: "
                  f"{time.time() - float(os.environ['SKRANKE_T0']):.3f} s"), app.quit()))
app.exec()
"""


def first_frame(command: list[str], env: dict[str, str]) -> float:
    env = {**env, "SKRANKE_T0": repr(time.time())}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    line = next(row for row in done.stdout.splitlines() if row.startswith("smoke frame:"))
    return float(line.split()[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--site", type=int, default=0, help="also a site journal of N visits")
    parser.add_argument("--keep", type=Path, help="folder for the journals (kept afterwards)")
    args = parser.parse_args()
    from bench.tallies import build  # the same skewed visits as the tally bench
    from deskapp.services import catalog as catalog_service

    folder = args.keep or Path(tempfile.mkdtemp(prefix="skranke-startup-"))
    folder.mkdir(parents=True, exist_ok=True)
    catalog = catalog_service.load_default()
    journals = {"empty": folder / "empty.skranke", f"{args.visits:,}": folder / "desk.skranke"}
    if args.site:
        journals[f"site {args.site:,}"] = folder / "site.skranke"
    for label, path in journals.items():
        if label != "empty" and not path.exists():
            print(f"building {label} visits in {path}")
            site = label.startswith("site")  # a counter day under way: today's visits too
            build(path, args.site if site else args.visits, 260, catalog,
                  today_visits=SITE_TODAY if site else DESK_TODAY)
            print()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "SKRANKE_HOME": str(folder / "home")}
    compileall.compile_dir(ROOT / "deskapp", quiet=1)
    runs: dict[str, list[float]] = {"bare": [], **{label: [] for label in journals}}
    for round_no in range(args.rounds + 1):  # alternating, so a busy moment hits all alike
        if round_no == 0:  # the warm-up round, not counted
            first_frame([sys.executable, "-c", BARE], env)
            for path in journals.values():
                first_frame([sys.executable, "-m", "deskapp", "--smoke", "--journal", str(path)], env)
            continue
        runs["bare"].append(first_frame([sys.executable, "-c", BARE], env))
        for label, path in journals.items():
            runs[label].append(first_frame(
                [sys.executable, "-m", "deskapp", "--smoke", "--journal", str(path)], env))
    bare = statistics.median(runs["bare"])
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"first frame, median of {args.rounds} alternating rounds (QT_QPA_PLATFORM="
          f"{env['QT_QPA_PLATFORM']}, load average {load}):")
    print(f"  {'bare PySide6 window':<33} {bare:6.3f} s  "
          f"(runs {min(runs['bare']):.3f}-{max(runs['bare']):.3f})")
    for label in journals:
        value = statistics.median(runs[label])
        ratios = sorted(app / base for app, base in zip(runs[label], runs["bare"], strict=True))
        print(f"  {'Skranke, ' + label + ' journal':<33} {value:6.3f} s  {value / bare:4.1f}x bare  "
              f"(round by round {ratios[0]:.1f}-{ratios[-1]:.1f}x)")


if __name__ == "__main__":
    main()
