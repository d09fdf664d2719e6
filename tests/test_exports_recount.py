"""Every tally view equals a plain recount of the exported visits (visits CSV) of a demo
journal whose range crosses the 2026/2027 year boundary, with undone, edited, open and
retired-code visits; and the tally exports (CSV, XLSX) carry the same figures."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from deskapp.services.catalog import Catalog
from deskapp.services.exports.registry import run_export
from deskapp.services.exports.request import ExportRequest
from deskapp.services.exports.tallies_xlsx import CHANNELS, HOURS, OUTCOMES, REASONS
from deskapp.services.journal import Journal
from deskapp.services.tallies import Query, Tally
from deskapp.services.weeks import week_range
from tests import demo_journal
from tests.demo_journal import FIRST, LAST, RETIRED

SPAN = week_range(FIRST, LAST)  # 2026-W52, 2026-W53, 2027-W01, 2027-W02
QUERY = Query(FIRST, LAST)
Exported = list[dict[str, object]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("recount") / "demo.skranke"
    return path, demo_journal.build(path, catalog)


@pytest.fixture
def journal(built: tuple[Path, dict[str, str]]):
    with Journal(built[0]) as opened:
        yield opened


@pytest.fixture
def tally(journal: Journal, catalog: Catalog) -> Tally:
    return Tally(journal, catalog)


def read_visits_csv(path: Path) -> Exported:
    """The exported visits, typed back: '' is no value, numbers are ints, time is local."""
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    for r in rows:
        start = datetime.fromisoformat(str(r["local_start"]))
        r.update({
            "reason": r["reason"] or None, "outcome": r["outcome"] or None,
            "error_contact": int(str(r["error_contact"])),
            "duration_s": int(str(r["duration_s"])) if r["duration_s"] else None,
            "weekday": start.isoweekday(), "hour": start.hour,
        })
    return rows  # type: ignore[return-value]


@pytest.fixture
def exported(journal: Journal, catalog: Catalog, tmp_path: Path) -> Exported:
    out = tmp_path / "visits.csv"
    rows = run_export(journal, catalog, ExportRequest("visits", "csv", SPAN, out))
    visits = read_visits_csv(out)
    assert rows == len(visits) > 500
    return visits


def recount(visits: Exported, *keys: str) -> Counter:
    return Counter(tuple(v[k] for k in keys) for v in visits)


def rows_as_counter(rows: list[dict], *dims: str) -> Counter:
    return Counter({tuple(r[d] for d in dims): r["count"] for r in rows})


def test_export_holds_edited_once_and_never_undone_or_open(exported: Exported,
                                                           built: tuple[Path, dict[str, str]]) -> None:
    ids = built[1]
    by_id = Counter(str(v["id"]) for v in exported)
    assert ids["undone"] not in by_id and ids["open"] not in by_id
    assert by_id[ids["edited"]] == 1
    edited = next(v for v in exported if v["id"] == ids["edited"])
    assert (edited["reason"], edited["outcome"]) == ("no_mitid", "assisted")  # the edited values
    assert {v["iso_week"] for v in exported} == set(SPAN)  # 2026-W53 is a real week
    retired = next(v for v in exported if v["id"] == ids["retired"])
    assert retired["errand"] == RETIRED and retired["errand_label"] == RETIRED


def test_main_and_group_views(tally: Tally, exported: Exported, catalog: Catalog) -> None:
    main = ("iso_week", "desk", "site", "errand", "channel", "reason", "outcome")
    assert rows_as_counter(tally.visits(QUERY), "week", "desk", "site", "errand", "channel", "reason",
                           "outcome") == recount(exported, *main)
    group_of = {e.code: e.group for e in catalog.errands}
    expected = Counter((v["iso_week"], group_of.get(str(v["errand"])) or "(ukendt)", v["channel"],
                        v["reason"], v["outcome"]) for v in exported)
    assert rows_as_counter(tally.by_group(QUERY), "week", "group", "channel", "reason", "outcome") == expected
    assert expected[next(k for k in expected if k[1] == "(ukendt)")] >= 1  # the retired code's visit


def test_contact_types_and_error_contacts(tally: Tally, exported: Exported) -> None:
    dims = ("iso_week", "errand", "contact_type", "error_contact")
    got = rows_as_counter(tally.contact_types(QUERY), "week", "errand", "contact_type", "error_contact")
    assert got == recount(exported, *dims)
    totals = tally.totals(QUERY)
    assert totals["visits"] == len(exported)
    assert totals["transactions"] == sum(v["contact_type"] == "transaction" for v in exported)
    assert totals["information"] == sum(v["contact_type"] == "information" for v in exported)
    assert totals["error_contacts"] == sum(int(v["error_contact"]) for v in exported) > 0  # type: ignore[call-overload]


def test_hour_by_weekday_channels_errands_reasons_outcomes(tally: Tally, exported: Exported) -> None:
    assert rows_as_counter(tally.hours(QUERY), "weekday", "hour") == recount(exported, "weekday", "hour")
    assert rows_as_counter(tally.channels(QUERY), "channel") == recount(exported, "channel")
    assert rows_as_counter(tally.errands(QUERY), "errand") == recount(exported, "errand")
    for dim in ("reason", "outcome"):
        detail = tally.errand_detail(QUERY, dim)
        assert rows_as_counter(detail, "errand", dim) == recount(exported, "errand", dim)


def test_average_duration_per_errand_and_outcome(tally: Tally, exported: Exported) -> None:
    seconds: dict[tuple, list[int]] = defaultdict(list)
    for v in exported:
        if v["duration_s"] is not None:
            seconds[(v["errand"], v["outcome"])].append(int(v["duration_s"]))  # type: ignore[call-overload]
    rows = {(r["errand"], r["outcome"]): r for r in tally.durations(QUERY)}
    assert set(rows) == set(seconds)
    for key, values in seconds.items():
        assert rows[key]["count"] == len(values)
        assert rows[key]["avg_duration_s"] == pytest.approx(sum(values) / len(values))


def test_stuck_steps_of_the_exported_visits(tally: Tally, exported: Exported, journal: Journal) -> None:
    errand_of = {str(v["id"]): v["errand"] for v in exported}
    expected: Counter = Counter()
    for event in journal.db.query("select visit_id, step, blocker from step_events where status = 'stuck'"):
        if event["visit_id"] in errand_of:
            expected[(errand_of[event["visit_id"]], event["step"], event["blocker"] or "")] += 1
    assert expected
    assert rows_as_counter(tally.stuck_steps(QUERY), "errand", "step", "blocker") == expected
    friction = tally.friction(QUERY, top=None)
    per_step = Counter()
    for (errand, step, _), n in expected.items():
        per_step[(errand, step)] += n
    assert {(f["errand"], f["step"]): f["count"] for f in friction} == dict(per_step)
    for f in friction:
        blockers = Counter({b: n for (e, s, b), n in expected.items() if (e, s) == (f["errand"], f["step"])})
        assert {code: n for code, _, n in f["blockers"]} == dict(blockers)


def test_shares_of_the_exported_visits(tally: Tally, exported: Exported, journal: Journal,
                                       catalog: Catalog) -> None:
    done_digitally = {o.code for o in catalog.outcomes if o.completed_digitally}
    counter: Counter = Counter()
    completed: Counter = Counter()
    for v in exported:
        if v["contact_type"] == "transaction":
            counter[(v["iso_week"], v["errand"])] += 1
            completed[(v["iso_week"], v["errand"])] += v["outcome"] in done_digitally
    digital: Counter = Counter()
    for r in journal.db.query("select week, errand, count from digital_counts where week between ? and ?",
                              [FIRST, LAST]):
        digital[(r["week"], r["errand"])] += r["count"]
    rows = {(r["week"], r["errand"]): r for r in tally.shares(QUERY)}
    assert set(rows) == set(counter) | set(digital)
    for key, r in rows.items():
        total = digital[key] + counter[key]
        assert (r["digital"], r["counter_transactions"], r["completed_digitally"]) == (
            digital[key], counter[key], completed[key])
        if not any(e == key[1] for _, e in digital):  # no digital counts imported: no share
            assert r["self_service_share"] is None and r["digital_share"] is None
            continue
        assert r["self_service_share"] == pytest.approx(digital[key] / total)
        assert r["digital_share"] == pytest.approx((digital[key] + completed[key]) / total)


def test_tally_exports_carry_the_recount(journal: Journal, catalog: Catalog, exported: Exported,
                                         tmp_path: Path) -> None:
    run_export(journal, catalog, ExportRequest("tallies", "csv", SPAN, tmp_path / "t.csv", sep=";"))
    tidy = list(csv.DictReader((tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines(),
                               delimiter=";"))
    dims = ("week", "desk", "site", "errand", "channel", "reason", "outcome")
    got = Counter({tuple(t[d] or None for d in dims): int(t["count"]) for t in tidy})
    assert got == recount(exported, "iso_week", "desk", "site", "errand", "channel", "reason", "outcome")

    run_export(journal, catalog, ExportRequest("tallies", "xlsx", SPAN, tmp_path / "t.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    channels = {row[1]: row[2] for row in book[CHANNELS].iter_rows(min_row=2, values_only=True)}
    assert Counter(channels) == Counter({c: n for (c,), n in recount(exported, "channel").items()})
    for sheet, dim, kind in ((REASONS, "reason", "reasons"), (OUTCOMES, "outcome", "outcomes")):
        code_of = {catalog.label(kind, code): code for code in catalog.codes(kind)}
        header = [c.value for c in book[sheet][1]]
        cells: Counter = Counter()
        rows = list(book[sheet].iter_rows(min_row=2, values_only=True))
        assert rows[-1][0] == "I alt"  # the total row adds up every column
        assert list(rows[-1][2:]) == [sum(r[c] for r in rows[:-1]) for c in range(2, len(header))]
        for row in rows[:-1]:
            assert row[-1] == sum(row[2:-1])  # the total column adds up
            for col, value in enumerate(row[2:-1], start=2):
                if value:
                    label = str(header[col])
                    cells[(row[1], None if label == "(ingen)" else code_of.get(label, label))] = value
        assert cells == recount(exported, "errand", dim)
    hours = book[HOURS]
    header = [c.value for c in hours[1]]
    weekday_names = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")
    cells = Counter()
    for row in hours.iter_rows(min_row=2, values_only=True):
        if row[0] in weekday_names:
            for col, value in enumerate(row[1:-1], start=1):
                if value:
                    cells[(weekday_names.index(row[0]) + 1, int(str(header[col])[:2]))] = value
    assert cells == recount(exported, "weekday", "hour")


def test_visits_export_honours_the_desk_filter(journal: Journal, catalog: Catalog, exported: Exported,
                                               tmp_path: Path) -> None:
    out = tmp_path / "one-desk.csv"
    rows = run_export(journal, catalog, ExportRequest("visits", "csv", SPAN, out, desks=["skranke-2"]))
    one = read_visits_csv(out)
    assert rows == len(one) == sum(v["desk"] == "skranke-2" for v in exported) > 0
    assert {v["desk"] for v in one} == {"skranke-2"}
    xlsx = tmp_path / "one-site.xlsx"
    rows = run_export(journal, catalog, ExportRequest("visits", "xlsx", SPAN, xlsx, sites=["Biblioteket"]))
    assert rows == sum(v["site"] == "Biblioteket" for v in exported) == openpyxl.load_workbook(
        xlsx).active.max_row - 1
