"""Tally and export timings on a large journal; prints figures, asserts nothing.

    python bench/tallies.py [--visits 2500000] [--weeks 260] [--keep PATH]

Builds a journal of N visits spread over the last W weeks (raw executemany, not the demo
generator; the weekly tally tables are kept by the journal's triggers as it fills), then
times for 1 week, 52 weeks and 52 weeks of one desk the manager page (``manager_page``:
what a refresh computes, every figure it shows and its first errand's trend) against the
fair floor (``floor_statements``: the same tally tables read with the fewest statements);
then the XLSX, PDF and tidy CSV exports of 52 weeks.
Targets (issue 4): a week < 50 ms, a year < 500 ms, the XLSX and the PDF file < 3 s each;
(issue 16) the page within 1.3x of the fair floor, the tidy CSV within 1.5x of the sqlite3
shell. The page and its floor, and the CSV and the shell, are timed in turns after one
untimed run of each; the figures are the medians.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deskapp.services import catalog as catalog_service
from deskapp.services import demo, weeks
from deskapp.services.exports.registry import run_export
from deskapp.services.exports.report_data import ReportData, collect
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal, merge_target, tally_tables
from deskapp.services.tallies import Query

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ("id", "desk", "site", "status", "started_utc", "ended_utc", "local_date", "iso_week",
           "local_hour", "weekday", "channel", "errand", "reason", "outcome", "contact_type",
           "error_contact", "duration_s", "handout", "late_entry", "catalog_version", "created_utc",
           "updated_utc", "deleted_utc", "appointment", "citizen")


def build(path: Path, count: int, span_weeks: int, catalog: catalog_service.Catalog,
          today_visits: int = 0) -> None:
    """Skewed like the demo data (popular errands, busy mornings), 8 desks, 2 % undone;
    ``today_visits`` of the ``count`` are dated today (a counter day under way), the rest
    fall on the workdays before."""
    rng = random.Random(1)
    errands = [e.code for e in catalog.errands]
    errand_w = [demo.POPULAR.get(code, 1) for code in errands]
    today = date.today()
    start = today - timedelta(weeks=span_weeks)
    workdays = [start + timedelta(days=d) for d in range((today - start).days) if
                (start + timedelta(days=d)).isoweekday() <= 5]
    day_info = {d: (d.isoformat(), weeks.week_of(d), d.isoweekday()) for d in [*workdays, today]}
    spans = [(count - today_visits, workdays), (min(today_visits, count), [today])]
    sql = f"insert into visits ({', '.join(COLUMNS)}) values ({', '.join('?' * len(COLUMNS))})"
    Journal(path).close()  # creates the schema; the rows go in on a bulk connection
    conn = merge_target.open_target(path)
    try:
        _fill(conn, rng, spans, day_info, sql, errands, errand_w)
    finally:
        conn.close()


def _fill(conn: sqlite3.Connection, rng: random.Random, spans: list[tuple[int, list[date]]],
          day_info: dict[date, tuple[str, str, int]], sql: str, errands: list[str],
          errand_w: list[int]) -> None:
    """As a consolidation from scratch loads a site journal: no triggers and no secondary
    indexes while the rows go in (one transaction, big page cache, no fsync), then the
    tally tables and the indexes built once (2.5M visits in minutes, not the best part of
    an hour)."""
    reasons, reason_w = zip(*demo.DIGITAL_REASONS.items(), strict=True)
    outcomes, outcome_w = zip(*demo.DIGITAL_OUTCOMES.items(), strict=True)
    channels, channel_w = zip(*demo.CHANNELS.items(), strict=True)
    hours, hour_w = zip(*demo.HOURS.items(), strict=True)
    conn.execute("pragma journal_mode = off")  # a bench file: nothing to roll back to
    conn.execute("pragma synchronous = off")
    conn.execute("pragma cache_size = -1048576")  # 1 GB: the id index stays in memory
    merge_target.drop_indexes(conn)
    conn.execute("begin immediate")
    tally_tables.drop_triggers(conn)  # counted as a set at the end, as a consolidation does
    done = 0
    batches = [(min(50_000, count - first), days) for count, days in spans
               for first in range(0, count, 50_000)]
    for size, days in batches:
        picks = zip(rng.choices(days, k=size), rng.choices(hours, hour_w, k=size),
                    rng.choices(errands, errand_w, k=size), rng.choices(reasons, reason_w, k=size),
                    rng.choices(outcomes, outcome_w, k=size), rng.choices(channels, channel_w, k=size),
                    strict=True)
        batch = []
        for day, hour, errand, reason, outcome, channel in picks:
            local_date, week, weekday = day_info[day]
            moment = f"{local_date}T{hour - 1:02d}:{rng.randrange(60):02d}:00.000000+00:00"
            roll = rng.random()
            visit_id = f"{rng.getrandbits(128):032x}"
            batch.append((
                visit_id, f"skranke-{rng.randrange(1, 9)}", "Rådhuset",
                "saved", moment, moment, local_date, week, hour, weekday, channel, errand, reason,
                outcome, "information" if roll < 0.06 else "transaction", int(roll > 0.96),
                rng.randrange(60, 1800), 0, 0, "bench", moment, moment,
                moment if roll < 0.02 else None, "booked" if roll > 0.9 else "drop_in",
                visit_id if roll > 0.15 else "0" * 32,  # some visits are a citizen's second errand
            ))
        conn.executemany(sql, batch)
        done += size
        print(f"\r  {done:,} visits", end="", flush=True)
    print("\n  counting the tally tables ...")
    tally_tables.rebuild(conn)
    tally_tables.create_triggers(conn)
    conn.execute("commit")
    print("  building the indexes ...")
    merge_target.restore_indexes(conn)
    conn.execute("analyze")
    conn.execute("pragma journal_mode = wal")  # as the app leaves a journal


def timed(label: str, func: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        func()  # type: ignore[operator]
        best = min(best, time.perf_counter() - began)
    print(f"  {label:<52} {best * 1000:9.1f} ms")
    return best


def alternating(first: object, second: object, rounds: int) -> tuple[float, float]:
    """Median seconds of two calls timed in turns (one untimed call of each first), so
    neither profits from a cache the other warmed or suffers from a moment of load."""
    took: tuple[list[float], list[float]] = ([], [])
    for turn in range(rounds + 1):
        for func, times in ((first, took[0]), (second, took[1])):
            began = time.perf_counter()
            func()  # type: ignore[operator]
            if turn:
                times.append(time.perf_counter() - began)
    return statistics.median(took[0]), statistics.median(took[1])


def manager_page(journal: Journal, catalog: catalog_service.Catalog, query: Query) -> ReportData:
    """What the manager page computes on a refresh: every figure it shows (``collect``) and
    the weekly trend of the errand it selects first (the largest). The weekly shares of the
    other errands and the pivots' column totals are made only for the exports (and the
    discretion with a minimum), which the page does not show."""
    data = collect(journal, catalog, query)
    if data.errands:
        data.trend(str(data.errands[0]["errand"]))
    return data


def floor_statements(catalog: catalog_service.Catalog, query: Query) -> list[tuple[str, list[object]]]:
    """The fewest statements that read every figure of the manager page from the tally
    tables (both periods in one read each): the fair floor the page is measured against."""
    before = query.previous()
    digital = ", ".join(f"'{o.code}'" for o in catalog.outcomes if o.completed_digitally)
    desk = " and desk = ?" if query.desks else ""
    by_desk = "_by_desk" if query.desks else ""
    both = [before.first, query.last, *query.desks]
    span = [query.first, query.last, *query.desks]
    where = f"where iso_week between ? and ?{desk}"
    return [
        (f"select iso_week, errand, sum(count), "
         f"sum(case when contact_type = 'transaction' then count end), "
         f"sum(case when contact_type = 'information' then count end), "
         f"sum(case when error_contact then count end), "
         f"sum(case when contact_type = 'transaction' and outcome in ({digital}) then count end), "
         f"sum(timed), sum(seconds) from tally_outcomes{by_desk} {where} group by iso_week, errand", both),
        ("select week, errand, sum(count) from digital_counts where week between ? and ? "
         "group by week, errand", [before.first, query.last]),
        (f"select errand, reason, sum(count) from tally_reasons{by_desk} {where} "
         f"group by errand, reason", span),
        (f"select errand, outcome, sum(count) from tally_outcomes{by_desk} {where} "
         f"group by errand, outcome", span),
        (f"select channel, appointment, sum(count), sum(citizens) from tally_channels{by_desk} {where} "
         f"group by channel, appointment", span),
        (f"select weekday, local_hour, sum(count) from tally_hours{by_desk} {where} "
         f"group by weekday, local_hour", span),
        (f"select errand, step, blocker, sum(count) from tally_stuck {where} group by errand, step, blocker",
         span),
        ("select desk, sum(count) from tally_channels_by_desk where iso_week between ? and ? group by desk",
         [query.first, query.last]),
    ]


def floor(conn: sqlite3.Connection, statements: list[tuple[str, list[object]]]) -> None:
    for sql, params in statements:
        conn.execute(sql, params).fetchall()


def statements_of(conn: sqlite3.Connection, func: object) -> int:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        func()  # type: ignore[operator]
    finally:
        conn.set_trace_callback(None)
    return len([s for s in seen if s.lstrip().lower().startswith("select")])


TIDY = ("select iso_week, desk, site, errand, channel, reason, outcome, count(*) from visits "
        "where iso_week between '{first}' and '{last}' and status = 'saved' and deleted_utc is null "
        "group by iso_week, desk, site, errand, channel, reason, outcome "
        "order by iso_week, desk, site, errand, channel, reason, outcome")

CSV_RUN = """
import resource, sys, time
sys.path.insert(0, {root!r})
from deskapp.services import catalog, weeks
from deskapp.services.exports.registry import run_export
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal
with Journal({path!r}) as journal:
    began = time.perf_counter()
    rows = run_export(journal, catalog.load_default(), ExportRequest("tallies", "csv",
                      weeks.week_range({first!r}, {last!r}), {out!r}))
    took = time.perf_counter() - began
print(rows, took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def tidy_csv(path: Path, folder: Path, first: str, last: str,
             rounds: int = 3) -> tuple[int, float, float, int]:
    """The tidy CSV export in a fresh process (rows, seconds, peak memory in KiB) and the
    sqlite3 shell writing the same rows as CSV (seconds): one untimed run of each to warm
    the file cache for both, then ``rounds`` rounds in turns; the median of each."""
    out = folder / f"tidy-{first}.csv"
    script = CSV_RUN.format(root=str(ROOT), path=str(path), first=first, last=last, out=str(out))
    took: list[float] = []
    shell: list[float] = []
    rows = rss = 0
    for turn in range(rounds + 1):
        began = time.perf_counter()
        with open(folder / "shell.csv", "w") as handle:
            subprocess.run(["sqlite3", "-csv", "-header", str(path), TIDY.format(first=first, last=last)],
                           stdout=handle, check=True)
        seconds_shell = time.perf_counter() - began
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        count, seconds, peak = done.stdout.split()
        rows, rss = int(count), max(rss, int(peak))
        if turn:
            shell.append(seconds_shell)
            took.append(float(seconds))
    return rows, statistics.median(took), statistics.median(shell), rss


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
    year = Query(weeks.shift_week(last, -51), last)
    results: list[tuple[str, float, float]] = []
    with Journal(path) as journal:
        conn = journal.db.conn
        print(f"journal: {journal.count():,} visits")
        for label, query in (("1 week", Query(last)), ("52 weeks", year),
                             ("52 weeks, one desk", Query(year.first, year.last, desks=("skranke-3",)))):
            print(f"{label} ({query.first} to {query.last}):")
            page = statements_of(conn, lambda q=query: manager_page(journal, catalog, q))
            fewest = floor_statements(catalog, query)
            base, took = alternating(lambda s=fewest: floor(conn, s),
                                     lambda q=query: manager_page(journal, catalog, q),
                                     rounds=41 if query.first == query.last else 11)
            floor_label = f"fair floor: {len(fewest)} statements on the tally tables"
            print(f"  {floor_label:<52} {base * 1000:9.1f} ms")
            print(f"  {f'manager page: every figure ({page} statements)':<52} {took * 1000:9.1f} ms")
            print(f"  {'ratio to the floor (medians, timed in turns)':<52} {took / base:9.2f} x")
            if "desk" not in label:
                results.append((f"page {label}", took / base, 1.3))
        print("exports of 52 weeks:")
        span = year.span
        for fmt in ("xlsx", "pdf"):
            out = folder / f"tallies.{fmt}"
            took = timed(f"tallies {fmt}", lambda fmt=fmt, out=out: run_export(
                journal, catalog, ExportRequest("tallies", fmt, span, out)), repeat=1)
            results.append((f"{fmt} file (s)", took, 3.0))
    small = tidy_csv(path, folder, last, last, rounds=1)
    rows, took, shell, rss = tidy_csv(path, folder, year.first, year.last)
    print(f"  {'tidy CSV (a fresh process)':<52} {took * 1000:9.1f} ms  {rows:,} rows")
    print(f"  {'sqlite3 shell, the same rows as CSV':<52} {shell * 1000:9.1f} ms")
    print(f"  {'ratio to the shell (medians of 3 rounds in turns)':<52} {took / shell:9.2f} x")
    print(f"  load average {' '.join(f'{n:.2f}' for n in os.getloadavg())} (figures: medians of turns)")
    print(f"  peak memory: {rss / 1024:.0f} MiB for 52 weeks, {small[3] / 1024:.0f} MiB for 1 week "
          f"({small[0]:,} rows)")
    results.append(("tidy CSV / shell", took / shell, 1.5))
    print("targets: " + ", ".join(f"{label} {value:.2f} (< {limit} {'ok' if value < limit else 'MISSED'})"
                                  for label, value, limit in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
