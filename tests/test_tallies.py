"""Every tally view equals a plain recount of the counted visits (Counter in Python)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports.report_data import collect
from deskapp.services.journal import Journal, Visit
from deskapp.services.tallies import MAIN_DIMENSIONS, Query, Tally
from tests.helpers import demo_journal
from tests.helpers.demo_journal import FIRST, LAST, RETIRED


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("tallies") / "demo.skranke"
    return path, demo_journal.build(path, catalog)


@pytest.fixture
def tally(built: tuple[Path, dict[str, str]], catalog: Catalog):
    with Journal(built[0]) as journal:
        yield Tally(journal, catalog)


@pytest.fixture
def counted(tally: Tally) -> list[Visit]:
    visits = tally.journal.counted_visits(FIRST, LAST)
    assert len(visits) > 500  # the demo really fills the range
    return visits


QUERY = Query(FIRST, LAST)


def as_counter(rows: list[dict], dims: tuple[str, ...]) -> Counter:
    return Counter({tuple(r[d] for d in dims): r["count"] for r in rows})


def test_range_crosses_the_year_boundary(counted: list[Visit]) -> None:
    assert QUERY.span == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert {v.iso_week for v in counted} == set(QUERY.span)
    assert QUERY.previous().span == ["2026-W48", "2026-W49", "2026-W50", "2026-W51"]


def test_week_that_does_not_exist_is_refused() -> None:
    # 2026 has 53 ISO weeks (28 Dec 2026 is a Monday); 2027 has only 52.
    with pytest.raises(weeks.BadWeek):
        Query("2027-W53")
    with pytest.raises(weeks.BadWeek):
        Query("2027-W02", "2026-W52")  # empty range


def test_main_view_equals_recount(tally: Tally, counted: list[Visit]) -> None:
    expected = Counter((v.iso_week, v.desk, v.site, v.errand, v.channel, v.reason, v.outcome)
                       for v in counted)
    assert as_counter(tally.visits(QUERY), MAIN_DIMENSIONS) == expected
    assert sum(r["count"] for r in tally.visits(QUERY)) == len(counted)


def test_undone_open_and_edited_visits(tally: Tally, built: tuple[Path, dict[str, str]]) -> None:
    ids = built[1]
    counted_ids = {v.id for v in tally.journal.counted_visits(FIRST, LAST)}
    assert ids["undone"] not in counted_ids
    assert ids["open"] not in counted_ids
    assert ids["edited"] in counted_ids
    rows = tally.visits(QUERY, ("errand", "reason", "outcome"))
    edited = [r for r in rows if r["errand"] == "boligstoette" and r["reason"] == "no_mitid"
              and r["outcome"] == "assisted"]
    assert edited and edited[0]["count"] >= 1
    with_undone = sum(1 for v in tally.journal.visits()
                      if FIRST <= v.iso_week <= LAST and v.status == "saved")
    assert sum(r["count"] for r in rows) < with_undone  # undone demo visits exist and are left out


def test_retired_code_adds_up_under_its_code(tally: Tally) -> None:
    rows = {r["errand"]: r for r in tally.with_labels(tally.errands(QUERY))}
    assert rows[RETIRED]["count"] == 1
    assert rows[RETIRED]["errand_label"] == RETIRED
    assert rows["boligstoette"]["errand_label"] == "Boligstøtte"
    groups = {r["group"] for r in tally.by_group(QUERY)}
    assert "(ukendt)" in groups


def test_group_view_equals_recount(tally: Tally, counted: list[Visit], catalog: Catalog) -> None:
    group_of = {e.code: e.group for e in catalog.errands}
    expected = Counter((v.iso_week, group_of.get(v.errand, "(ukendt)"), v.channel, v.reason, v.outcome)
                       for v in counted)
    assert as_counter(tally.by_group(QUERY), ("week", "group", "channel", "reason", "outcome")) == expected


def test_contact_types_equal_recount(tally: Tally, counted: list[Visit]) -> None:
    expected = Counter((v.iso_week, v.errand, v.contact_type, v.error_contact) for v in counted)
    dims = ("week", "errand", "contact_type", "error_contact")
    assert as_counter(tally.contact_types(QUERY), dims) == expected
    assert any(v.error_contact for v in counted)
    assert {v.contact_type for v in counted} == {"information", "transaction"}


def test_hours_channels_errands_equal_recount(tally: Tally, counted: list[Visit]) -> None:
    assert as_counter(tally.hours(QUERY), ("weekday", "hour")) == Counter(
        (v.weekday, v.local_hour) for v in counted)
    assert as_counter(tally.channels(QUERY), ("channel",)) == Counter((v.channel,) for v in counted)
    errands = tally.errands(QUERY)
    assert as_counter(errands, ("errand",)) == Counter((v.errand,) for v in counted)
    assert [r["count"] for r in errands] == sorted((r["count"] for r in errands), reverse=True)


def test_errand_detail_for_drill_down(tally: Tally, counted: list[Visit]) -> None:
    rows = tally.errand_detail(QUERY, "reason", "flytning")
    assert as_counter(rows, ("reason",)) == Counter((v.reason,) for v in counted if v.errand == "flytning")


def test_durations_equal_recount(tally: Tally, counted: list[Visit]) -> None:
    sums: dict[tuple, list[int]] = defaultdict(list)
    for v in counted:
        if v.duration_s is not None:
            sums[(v.errand, v.outcome)].append(v.duration_s)
    rows = tally.durations(QUERY)
    assert {(r["errand"], r["outcome"]) for r in rows} == set(sums)
    for r in rows:
        values = sums[(r["errand"], r["outcome"])]
        assert r["count"] == len(values)
        assert r["avg_duration_s"] == pytest.approx(sum(values) / len(values))


def test_stuck_steps_equal_recount(tally: Tally, counted: list[Visit]) -> None:
    ids = {v.id: v for v in counted}
    expected: Counter = Counter()
    for event in tally.journal.db.query("select * from step_events where status = 'stuck'"):
        visit = ids.get(event["visit_id"])
        if visit:
            expected[(visit.errand, event["step"], event["blocker"] or "")] += 1
    assert expected
    assert as_counter(tally.stuck_steps(QUERY), ("errand", "step", "blocker")) == expected
    friction = tally.friction(QUERY, top=None)
    assert sum(f["count"] for f in friction) == sum(expected.values())
    top = friction[0]
    assert top["count"] == max(f["count"] for f in friction)
    assert sum(n for _, _, n in top["blockers"]) == top["count"]


def test_shares_equal_recount(tally: Tally, counted: list[Visit], catalog: Catalog) -> None:
    digital_outcomes = {o.code for o in catalog.outcomes if o.completed_digitally}
    counter: Counter = Counter()
    completed: Counter = Counter()
    for v in counted:
        if v.contact_type == "transaction":
            counter[(v.iso_week, v.errand)] += 1
            completed[(v.iso_week, v.errand)] += v.outcome in digital_outcomes
    digital: Counter = Counter()
    for r in tally.journal.db.query("select * from digital_counts where week between ? and ?", [FIRST, LAST]):
        digital[(r["week"], r["errand"])] += r["count"]
    rows = tally.shares(QUERY)
    assert {(r["week"], r["errand"]) for r in rows} == set(counter) | set(digital)
    for r in rows:
        key = (r["week"], r["errand"])
        total = digital[key] + counter[key]
        assert r["digital"] == digital[key]
        assert r["counter_transactions"] == counter[key]
        assert r["completed_digitally"] == completed[key]
        imported = any(e == r["errand"] for _, e in digital)
        assert r["imported"] is imported
        if not imported:  # no digital counts for the errand: no share (never a false 100 %)
            assert r["self_service_share"] is None and r["digital_share"] is None
            continue
        assert r["self_service_share"] == pytest.approx(digital[key] / total)
        assert r["digital_share"] == pytest.approx((digital[key] + completed[key]) / total)
        assert r["goal"] == 0.80
    by_errand = {r["errand"]: r for r in tally.shares_by_errand(QUERY)}
    assert by_errand["flytning"]["digital"] == sum(n for (_, e), n in digital.items() if e == "flytning")
    assert by_errand["pas"]["has_digital"] is False


def test_totals_equal_recount(tally: Tally, counted: list[Visit]) -> None:
    totals = tally.totals(QUERY)
    assert totals["visits"] == len(counted)
    assert totals["transactions"] == sum(v.contact_type == "transaction" for v in counted)
    assert totals["information"] == sum(v.contact_type == "information" for v in counted)
    assert totals["error_contacts"] == sum(bool(v.error_contact) for v in counted)


def test_desk_and_site_filters(tally: Tally, counted: list[Visit]) -> None:
    one_desk = Query(FIRST, LAST, desks=("skranke-2",))
    assert tally.totals(one_desk)["visits"] == sum(v.desk == "skranke-2" for v in counted)
    library = Query(FIRST, LAST, sites=("Biblioteket",))
    assert as_counter(tally.channels(library), ("channel",)) == Counter(
        (v.channel,) for v in counted if v.site == "Biblioteket")
    assert tally.desks(QUERY) == ["skranke-1", "skranke-2"]
    assert tally.totals(Query(FIRST, LAST, desks=("nobody",)))["visits"] == 0


def test_unknown_dimension_is_refused(tally: Tally) -> None:
    with pytest.raises(ValueError, match="unknown dimension"):
        tally.count_by(QUERY, ("week", "note"))


def test_stuck_steps_over_a_long_range_equal_recount(tally: Tally) -> None:
    query = Query("2026-W40", LAST)  # longer than 8 weeks: the step events drive the join
    ids = {v.id: v for v in tally.journal.counted_visits(query.first, query.last)}
    expected: Counter = Counter()
    for event in tally.journal.db.query("select * from step_events where status = 'stuck'"):
        if event["visit_id"] in ids:
            expected[(ids[event["visit_id"]].errand, event["step"], event["blocker"] or "")] += 1
    assert expected
    assert as_counter(tally.stuck_steps(query), ("errand", "step", "blocker")) == expected


def test_tuple_reads_equal_the_dict_views(tally: Tally, counted: list[Visit], catalog: Catalog) -> None:
    """The refresh adds up tuples (no dict per row); they hold the figures the views show."""
    for dim in ("reason", "outcome"):
        pairs = Counter({(r[0], r[1]): r[2] for r in tally.errand_pairs(QUERY, dim)})
        assert pairs == as_counter(tally.errand_detail(QUERY, dim), ("errand", dim))
        assert pairs == Counter((v.errand, getattr(v, dim)) for v in counted)
    assert tally.hour_cells(QUERY) == {(r["weekday"], r["hour"]): r["count"] for r in tally.hours(QUERY)}
    labelled = tally.durations(QUERY, labels=True)
    assert labelled == tally.with_labels(tally.durations(QUERY))
    assert all(r["errand_label"] == catalog.label("errands", r["errand"]) for r in labelled)
    week_errand = tally.week_errand(QUERY)
    assert sum(r["count"] for r in week_errand) == len(counted) == tally.totals(QUERY)["visits"]
    with pytest.raises(ValueError):
        tally.errand_pairs(QUERY, "channel")


def test_catalogue_lookups_find_what_a_scan_finds(catalog: Catalog) -> None:
    for kind in ("errands", "reasons", "outcomes", "channels", "groups"):
        for item in getattr(catalog, kind):
            assert catalog.label(kind, item.code) == item.label
        assert catalog.label(kind, "no_such_code") == "no_such_code"
        assert catalog.label(kind, None) == ""
    assert all(catalog.errand(e.code) is e for e in catalog.errands)
    assert catalog.errand("no_such_code") is None
    assert catalog.lookups is catalog.lookups  # built once per catalogue


def test_figures_made_when_asked_equal_those_made_at_once(tally: Tally, catalog: Catalog) -> None:
    """The manager page makes one errand's trend, not every errand's weekly shares, and no
    column totals of its pivots: what it makes, and what the exports ask for later, equal the
    figures made from the rows at once."""
    data = collect(tally.journal, catalog, QUERY)
    codes = [str(e["errand"]) for e in data.errands]
    trends = {code: data.trend(code) for code in codes}  # one errand's rows each
    assert "weekly_shares" not in data.__dict__
    weekly = data.weekly_shares
    assert weekly == tally.with_labels(Tally(tally.journal, catalog).shares(QUERY))
    assert {code: data.trend(code) for code in codes} == trends  # from the rows made now
    for pivot, dim in ((data.reasons, "reason"), (data.outcomes, "outcome")):
        totals: Counter = Counter()
        for _, code, n, *_ in tally.errand_pairs(QUERY, dim):
            totals["" if code is None else code] += n
        assert pivot.totals == dict(totals)
    for row in tally.shares_by_errand(QUERY):  # the errands' sums equal their weeks' rows
        mine = [w for w in weekly if w["errand"] == row["errand"]]
        for key in ("digital", "counter_transactions", "completed_digitally"):
            assert row[key] == sum(w[key] for w in mine)
        assert row["imported"] is any(w["imported"] for w in mine)
