"""Tally and export timings on a large journal; prints figures, asserts nothing.

    python bench/tallies.py [--visits 2500000] [--weeks 260] [--keep PATH]

Builds a journal of N visits spread over the last W weeks (raw executemany, not the demo
generator; the weekly tally tables are kept by the journal's triggers as it fills), then
times for 1 week and for 52 weeks: the raw GROUP BY of the visits (found by week),
the tally (every view the manager page and the reports show, read from the weekly tally
tables), and the tidy combination of all seven dimensions that only the CSV export lists
(grouped from the visits); then the XLSX, PDF and CSV exports of 52 weeks.
Targets (issue 4): a week < 50 ms, a year < 500 ms, the XLSX and the PDF file < 3 s each.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deskapp.services import catalog as catalog_service
from deskapp.services import demo, weeks
from deskapp.services.exports.registry import run_export
from deskapp.services.exports.report_data import collect
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal
from deskapp.services.tallies import Query, Tally

COLUMNS = ("id", "desk", "site", "status", "started_utc", "ended_utc", "local_date", "iso_week",
           "local_hour", "weekday", "channel", "errand", "reason", "outcome", "contact_type",
           "error_contact", "duration_s", "handout", "late_entry", "catalog_version", "created_utc",
           "updated_utc", "deleted_utc")


def build(path: Path, count: int, span_weeks: int, catalog: catalog_service.Catalog) -> None:
    """Skewed like the demo data (popular errands, busy mornings), 8 desks, 2 % undone."""
    rng = random.Random(1)
    errands = [e.code for e in catalog.errands]
    errand_w = [demo.POPULAR.get(code, 1) for code in errands]
    reasons, reason_w = zip(*demo.DIGITAL_REASONS.items(), strict=True)
    outcomes, outcome_w = zip(*demo.DIGITAL_OUTCOMES.items(), strict=True)
    channels, channel_w = zip(*demo.CHANNELS.items(), strict=True)
    hours, hour_w = zip(*demo.HOURS.items(), strict=True)
    today = date.today()
    start = today - timedelta(weeks=span_weeks)
    workdays = [start + timedelta(days=d) for d in range((today - start).days) if
                (start + timedelta(days=d)).isoweekday() <= 5]
    day_info = {d: (d.isoformat(), weeks.week_of(d), d.isoweekday()) for d in workdays}
    sql = f"insert into visits ({', '.join(COLUMNS)}) values ({', '.join('?' * len(COLUMNS))})"
    with Journal(path) as journal:
        conn = journal.db.conn
        conn.execute("pragma synchronous = off")
        done = 0
        while done < count:
            size = min(50_000, count - done)
            picks = zip(rng.choices(workdays, k=size), rng.choices(hours, hour_w, k=size),
                        rng.choices(errands, errand_w, k=size), rng.choices(reasons, reason_w, k=size),
                        rng.choices(outcomes, outcome_w, k=size), rng.choices(channels, channel_w, k=size),
                        strict=True)
            batch = []
            for day, hour, errand, reason, outcome, channel in picks:
                local_date, week, weekday = day_info[day]
                moment = f"{local_date}T{hour - 1:02d}:{rng.randrange(60):02d}:00.000000+00:00"
                roll = rng.random()
                batch.append((
                    f"{rng.getrandbits(128):032x}", f"skranke-{rng.randrange(1, 9)}", "Rådhuset",
                    "saved", moment, moment, local_date, week, hour, weekday, channel, errand, reason,
                    outcome, "information" if roll < 0.06 else "transaction", int(roll > 0.96),
                    rng.randrange(60, 1800), 0, 0, "bench", moment, moment,
                    moment if roll < 0.02 else None,
                ))
            conn.executemany(sql, batch)
            conn.commit()
            done += size
            print(f"\r  {done:,} visits", end="", flush=True)
        conn.execute("analyze")
        print()


def timed(label: str, func: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        func()  # type: ignore[operator]
        best = min(best, time.perf_counter() - began)
    print(f"  {label:<48} {best * 1000:9.1f} ms")
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=2_500_000)
    parser.add_argument("--weeks", type=int, default=260)
    parser.add_argument("--keep", type=Path, help="journal file to reuse or keep")
    args = parser.parse_args()
    catalog = catalog_service.load_default()
    folder = Path(tempfile.mkdtemp(prefix="skranke-bench-"))
    path = args.keep or folder / "bench.skranke"
    if not path.exists():
        print(f"building {args.visits:,} visits over {args.weeks} weeks in {path} ...")
        began = time.perf_counter()
        build(path, args.visits, args.weeks, catalog)
        print(f"  built in {time.perf_counter() - began:.1f} s")
    last = weeks.shift_week(weeks.this_week(), -1)
    with Journal(path) as journal:
        print(f"journal: {journal.count():,} visits")
        tally = Tally(journal, catalog)
        results: list[tuple[str, float, float]] = []
        for label, query in (("1 week", Query(last)), ("52 weeks", Query(weeks.shift_week(last, -51), last))):
            where, params = query.where()
            raw = (f"select iso_week, errand, reason, outcome, channel, count(*) from visits "
                   f"where {where} group by iso_week, errand, reason, outcome, channel")
            print(f"{label} ({query.first} to {query.last}):")
            timed("raw GROUP BY of the visits (week index)",
                  lambda raw=raw, params=params: journal.db.execute(raw, params).fetchall())
            took = timed("tally: every view of the manager page",
                         lambda q=query: collect(journal, catalog, q))
            results.append((label, took, 0.05 if label == "1 week" else 0.5))
            desk = Query(query.first, query.last, desks=("skranke-3",))
            timed("tally of one desk (desk filter)", lambda q=desk: collect(journal, catalog, q))
            timed("tidy 7 dimensions (CSV rows, from visits)", lambda q=query: tally.visits(q))
        span = weeks.week_range(weeks.shift_week(last, -51), last)
        print("exports of 52 weeks:")
        for fmt in ("xlsx", "pdf", "csv"):
            out = folder / f"tallies.{fmt}"
            took = timed(f"tallies {fmt}", lambda fmt=fmt, out=out: run_export(
                journal, catalog, ExportRequest("tallies", fmt, span, out)), repeat=1)
            if fmt != "csv":  # the target names the XLSX and PDF files; the CSV lists every row
                results.append((f"{fmt} file", took, 3.0))
    print("targets: " + ", ".join(f"{label} {took * 1000:.0f} ms (< {limit * 1000:.0f} ms "
                                  f"{'ok' if took < limit else 'MISSED'})" for label, took, limit in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
