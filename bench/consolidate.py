"""Consolidation speed: 20 desks x 100,000 visits merged into one site journal from
scratch, then again after 1 % of every desk's visits changed (edits and undos) and the
desks published again. Targets: from scratch < 30 s, incremental < 5 s, with every
snapshot's signature verified, every row checked and every tally counted from the rows.

Run from the repository root: PYTHONPATH=. .venv/bin/python bench/consolidate.py
     [--desks 20] [--visits 100000] [--changed 0.01] [--recent] [--keep DIR] [--reuse]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from deskapp.services import weeks
from deskapp.services.consolidate import consolidate
from deskapp.services.journal import Journal
from deskapp.services.publish import publish

ERRANDS = ["flytning", "sundhedskort", "pas", "koerekort", "mitid", "laegeskift", "folkepension",
           "boligstoette", "digital_post_hjaelp", "legitimationskort"]
REASONS = ["did_not_know", "could_not_find", "failed", "reassurance", "language", "no_mitid"]
OUTCOMES = ["coached", "assisted", "sent_home", "manual", "referred", "informed"]
CHANNELS = ["fremmoede"] * 8 + ["telefon"] * 2


def visit_columns(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute("pragma table_info(visits)")]
    finally:
        conn.close()


def fill_desk(path: Path, desk: str, site: str, count: int, rng: random.Random) -> None:
    """A real journal (created by Journal) bulk-loaded with executemany: setup, not measured."""
    with Journal(path, desk=desk, site=site) as journal:
        desk_id = journal.desk_id
    columns = visit_columns(path)
    start = datetime(2025, 1, 6, 8, tzinfo=UTC)
    visits, steps, history = [], [], []
    for n in range(count):
        started = start + timedelta(minutes=5 * n + rng.randrange(5))
        here = weeks.local(started)
        stamp = weeks.stamp(started)
        ended = weeks.stamp(started + timedelta(minutes=6))
        deleted = ended if rng.random() < 0.02 else None
        row = {
            "id": uuid.UUID(int=rng.getrandbits(128)).hex, "desk_id": desk_id, "desk": desk, "site": site,
            "status": "saved", "started_utc": stamp, "ended_utc": ended,
            "local_date": here.date().isoformat(), "iso_week": weeks.week_of(here.date()),
            "local_hour": here.hour, "weekday": here.isoweekday(),
            "channel": rng.choice(CHANNELS), "errand": rng.choice(ERRANDS),
            "reason": rng.choice(REASONS), "outcome": rng.choice(OUTCOMES),
            "contact_type": "transaction", "error_contact": 0, "duration_s": 360,
            "life_event": 0, "first_time": 1, "age_band": "30_49", "note": None,
            "guide_mode": None, "handout": 0, "late_entry": 0, "catalog_version": "bench",
            "created_utc": stamp, "updated_utc": ended, "deleted_utc": deleted,
            "appointment": "drop_in",
        }
        row["citizen"] = row["id"]
        visits.append(tuple(row[c] for c in columns))
        if n % 10 == 0:
            for step in ("login", "form", "submit"):
                steps.append((uuid.UUID(int=rng.getrandbits(128)).hex, row["id"], step, "done", ended))
        if deleted:
            history.append((row["id"], ended, "undo", '{"status": "saved"}'))
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            f"insert into visits ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
            visits)
        conn.executemany("insert into step_events (id, visit_id, step, status, at_utc) "
                         "values (?, ?, ?, ?, ?)", steps)
        conn.executemany("insert into visit_history (visit_id, at_utc, action, before) "
                         "values (?, ?, ?, ?)", history)
        conn.executemany("insert into digital_counts values (?, ?, 'bench', ?, ?)",
                         [(f"2025-W{w:02d}", e, rng.randrange(100, 900), "2025-06-01T00:00:00+00:00")
                          for w in range(1, 53) for e in ERRANDS])
    conn.close()


def change_desk(path: Path, fraction: float, rng: random.Random, recent: bool = False) -> int:
    """Edit or undo ``fraction`` of the visits the way the app does (newer updated_utc):
    spread over all of history (worst case) or among the most recent visits (a normal day)."""
    conn = sqlite3.connect(path)
    ids = [row[0] for row in conn.execute("select id from visits order by started_utc")]
    count = max(1, int(len(ids) * fraction))
    chosen = ids[-count:] if recent else rng.sample(ids, count)
    now = weeks.stamp(weeks.now_utc())
    with conn:
        for n, visit_id in enumerate(chosen):
            if n % 5 == 0:
                conn.execute("update visits set deleted_utc = ?, updated_utc = ? where id = ?",
                             (now, now, visit_id))
                conn.execute("insert into visit_history (visit_id, at_utc, action, before) "
                             "values (?, ?, 'undo', '{}')", (visit_id, now))
            else:
                conn.execute("update visits set outcome = ?, updated_utc = ? where id = ?",
                             (rng.choice(OUTCOMES), now, visit_id))
    conn.close()
    return len(chosen)


def timed_consolidate(into: Path, share: Path, label: str, rows: int) -> float:
    began = time.perf_counter()
    report = consolidate(into, [share])
    took = time.perf_counter() - began
    new = sum(m.new for m in report.merged)
    updated = sum(m.updated for m in report.merged)
    unchanged = sum(m.unchanged for m in report.merged)
    print(f"{label}: {took:.2f} s for {len(report.merged)} snapshots, {rows:,} visits "
          f"({rows / took:,.0f} visits/s): {new:,} new, {updated:,} updated, {unchanged:,} unchanged, "
          f"{len(report.skipped)} skipped")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--changed", type=float, default=0.01, help="fraction changed (0.01 = 1 %%)")
    parser.add_argument("--recent", action="store_true",
                        help="change the most recent visits instead of random ones across history")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the files")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: use the desk journals already in DIR (no setup)")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="skranke-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    desks_dir, share, into = work / "desks", work / "share", work / "site.skranke"
    desks_dir.mkdir(exist_ok=True)
    share.mkdir(exist_ok=True)
    rng = random.Random(7)
    total = args.desks * args.visits
    try:
        began = time.perf_counter()
        paths = [desks_dir / f"desk{number:02d}.skranke" for number in range(1, args.desks + 1)]
        if args.reuse:
            into.unlink(missing_ok=True)
            for path in paths:
                Journal(path).close()  # brought up to the current schema
        else:
            for number, path in enumerate(paths, start=1):
                fill_desk(path, f"Skranke {number}", f"Site {(number - 1) % 3 + 1}", args.visits, rng)
        print(f"setup: {args.desks} desk journals x {args.visits:,} visits in "
              f"{time.perf_counter() - began:.1f} s")

        def publish_all() -> None:
            began = time.perf_counter()
            size = 0
            for number, path in enumerate(paths, start=1):
                size += publish(path, share, f"Skranke {number}", f"Site {(number - 1) % 3 + 1}",
                                key_path=work / "desk-signing.pem").size
            took = time.perf_counter() - began
            print(f"publish (copy, guard, integrity check, sign): {len(paths)} snapshots, "
                  f"{size / 1e6:,.0f} MB in {took:.2f} s "
                  f"({took / len(paths) * 1000:.0f} ms per desk)")
            # The snapshots arrive over a day from other PCs; here they were just written on
            # this disk: let that write-back finish so it does not slow the merge timed next.
            os.sync()

        publish_all()
        scratch = timed_consolidate(into, share, "consolidate from scratch", total)
        changed = sum(change_desk(p, args.changed, rng, args.recent) for p in paths)
        where = "the most recent visits" if args.recent else "spread over all history"
        print(f"changed {changed:,} visits ({args.changed:.0%} of each desk, {where}: edits and undos)")
        publish_all()
        incremental = timed_consolidate(into, share, "consolidate incremental", total)
        again = timed_consolidate(into, share, "consolidate unchanged (repeat)", total)
        print(f"targets: scratch {scratch:.1f} s (< 30 s {'ok' if scratch < 30 else 'MISSED'}), "
              f"incremental {incremental:.1f} s (< 5 s {'ok' if incremental < 5 else 'MISSED'}), "
              f"repeat {again:.1f} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
