"""How long the start-up safety work takes on a big journal: the read-only integrity check
(PRAGMA quick_check), today's backup (SQLite backup API), the retention purge of the
journal and of its backups (the app purges every kept backup at each start), and a restore
(copy, integrity_check of the copy and of the result).

    python bench/bench_safety.py [VISITS]   (default 300000, about six years of one desk)
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deskapp.services import backup, weeks
from deskapp.services.journal import Journal, retention
from deskapp.services.journal.integrity import check_integrity

BACKUPS = 3  # timed, then scaled to the default 14 kept (disk space)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.skranke"
        with Journal(path, desk="bench") as journal:
            template = journal.log_visit(errand="pas", reason="personal_attendance",
                                         outcome="manual", channel="fremmoede").__dict__
            now = weeks.now_utc()
            rows = []
            for i in range(count):
                started = now - timedelta(minutes=7 * i)
                rows.append({**template, "id": uuid.uuid4().hex, "started_utc": weeks.stamp(started),
                             "note": "kort note" if i % 10 == 0 else None})
            with journal.db.atomic():
                journal.db["visits"].insert_all(rows, batch_size=5000)
        size = path.stat().st_size / 1e6
        print(f"journal: {count} visits, {size:.1f} MB")
        for label, action in (
            ("integrity check (quick_check)", lambda: check_integrity(path)),
            ("backup (backup API + verify)", lambda: backup.make_backup(path, Path(tmp) / "b")),
        ):
            started = time.perf_counter()
            action()
            print(f"{label}: {time.perf_counter() - started:.2f} s")
        with Journal(path) as journal:
            started = time.perf_counter()
            erased = retention.purge_notes(journal, 30)
            print(f"first retention purge ({erased} notes): {time.perf_counter() - started:.2f} s")
            started = time.perf_counter()
            retention.purge_notes(journal, 30)
            print(f"daily retention purge (nothing to erase): {time.perf_counter() - started:.2f} s")
        folder = Path(tmp) / "kept"
        for day in range(BACKUPS):
            backup.make_backup(path, folder, today=date(2026, 1, 1) + timedelta(days=day))
        started = time.perf_counter()
        backup.purge_backups(path, folder, 30)
        each = (time.perf_counter() - started) / BACKUPS
        print(f"retention purge of a backup (nothing to erase): {each:.2f} s each, "
              f"{each * backup.DEFAULT_KEEP:.1f} s for {backup.DEFAULT_KEEP} backups")
        started = time.perf_counter()
        backup.restore(path, folder)
        print(f"restore (copy + integrity_check twice): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
