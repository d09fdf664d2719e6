"""Time from "save" (the outcome digit) to a committed row, on an empty journal and on one
with 1,000,000 visits, next to a raw sqlite3 insert+commit with the same durability
(WAL, synchronous=FULL) measured in the same run. Target: p99 < 15 ms and within 2x of raw.

Run: .venv/bin/python bench/log_latency.py [--visits 1000000] [--samples 300]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from deskapp.services.journal import Journal


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def fill(path: Path, count: int) -> None:
    """Bulk-load realistic rows with plain executemany (only the setup, not measured)."""
    with Journal(path, desk="bench", site="bench") as journal:
        template = journal.log_visit(errand="flytning", reason="failed", outcome="coached",
                                     channel="fremmoede")
        row = dict(template.__dict__)
    columns = list(row)
    sql = f"insert into visits ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"
    conn = sqlite3.connect(path)
    batch = []
    for _ in range(count):
        row["id"] = uuid.uuid4().hex
        batch.append(tuple(row[c] for c in columns))
        if len(batch) == 50_000:
            conn.executemany(sql, batch)
            batch.clear()
    conn.executemany(sql, batch)
    conn.commit()
    conn.close()


def time_saves(path: Path, raw_path: Path, samples: int) -> tuple[list[float], list[float]]:
    """Alternate a journal save and a raw insert+commit so both see the same machine load."""
    saves, raws = [], []
    conn = sqlite3.connect(raw_path, isolation_level=None)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = full")
    conn.execute("create table if not exists raw (id text primary key, errand text, outcome text)")
    with Journal(path, desk="bench", site="bench") as journal:
        for _ in range(samples):
            visit_id = journal.start_visit("flytning", channel="fremmoede")
            journal.update_open(visit_id, reason="failed")
            start = time.perf_counter()
            journal.finish_visit(visit_id, "coached", note=None)
            saves.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            conn.execute("begin")
            conn.execute("insert into raw values (?, ?, ?)", (uuid.uuid4().hex, "flytning", "coached"))
            conn.execute("commit")
            raws.append((time.perf_counter() - start) * 1000)
    conn.close()
    return saves, raws


def report(name: str, timings: list[float], raw: list[float]) -> None:
    p50, p99 = statistics.median(timings), percentile(timings, 0.99)
    raw50, raw99 = statistics.median(raw), percentile(raw, 0.99)
    print(f"{name:<28} median {p50:6.2f} ms   p99 {p99:6.2f} ms   "
          f"raw median {raw50:6.2f} ms   raw p99 {raw99:6.2f} ms   ratio {p99 / raw99:4.2f}x   "
          f"{'OK' if p99 < 15 and p99 <= 2 * raw99 else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        empty, big, raw_path = Path(folder, "empty.skranke"), Path(folder, "big.skranke"), Path(
            folder, "raw.db")
        started = time.perf_counter()
        fill(big, args.visits)
        print(f"prepared a journal with {args.visits:,} visits in "
              f"{time.perf_counter() - started:.1f} s")
        report("empty journal", *time_saves(empty, raw_path, args.samples))
        report(f"{args.visits:,} visits", *time_saves(big, raw_path, args.samples))


if __name__ == "__main__":
    main()
