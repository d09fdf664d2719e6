"""The weekly tally tables stay equal to a recount of the visits and their stuck guide steps
through every journal write."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal
from deskapp.services.tallies import Query, Tally
from tests.helpers.desks import recounted_weekly_tallies, weekly_tallies

ERRANDS = ("pas", "flytning", "sundhedskort", "mitid")
REASONS = (None, "failed", "no_mitid", "language")
OUTCOMES = ("assisted", "coached", "manual", "sent_home")
CHANNELS = ("fremmoede", "telefon")

LOG = st.tuples(st.just("log"), st.sampled_from(ERRANDS), st.sampled_from(REASONS),
                st.sampled_from(OUTCOMES), st.sampled_from(CHANNELS), st.integers(0, 20))
OPEN = st.tuples(st.just("open"), st.sampled_from(ERRANDS), st.booleans())
EDIT = st.tuples(st.just("edit"), st.integers(0, 50),
                 st.sampled_from(("errand", "reason", "outcome", "channel", "contact_type",
                                  "error_contact", "note")),
                 st.integers(0, 3))
UNDO = st.tuples(st.just("undo"), st.integers(0, 50))
RESTORE = st.tuples(st.just("restore"), st.integers(0, 50))
STEP = st.tuples(st.just("step"), st.integers(0, 50), st.sampled_from(("login", "address", "submit")),
                 st.sampled_from(("stuck", "stuck", "done")), st.sampled_from((None, "no_mitid", "error")))
OPS = st.lists(st.one_of(LOG, OPEN, EDIT, UNDO, RESTORE, STEP), min_size=1, max_size=30)
VALUES = {"errand": ERRANDS, "reason": REASONS, "outcome": OUTCOMES, "channel": CHANNELS,
          "contact_type": ("transaction", "information"), "error_contact": (0, 1, 0, 1),
          "note": ("ring igen", None, "", "kom tilbage")}


def _apply(journal: Journal, op: tuple) -> None:
    saved = sorted((v for v in journal.visits() if v.status == "saved"), key=lambda v: v.id)
    undone = [v for v in saved if v.deleted_utc]
    kind = op[0]
    if kind == "log":
        _, errand, reason, outcome, channel, days_back = op
        journal.log_visit(errand=errand, reason=reason, outcome=outcome, channel=channel,
                          at=weeks.now_utc() - timedelta(days=days_back))
    elif kind == "open":
        _, errand, keep = op
        visit_id = journal.start_visit(errand, channel="fremmoede")
        if not keep:
            journal.discard_open(visit_id)
    elif kind == "edit" and saved:
        _, pick, column, value = op
        choices = VALUES[column]
        journal.edit_visit(saved[pick % len(saved)].id, **{column: choices[value % len(choices)]})
    elif kind == "undo" and saved:
        journal.undo_visit(saved[op[1] % len(saved)].id)
    elif kind == "restore" and undone:
        journal.restore_visit(undone[op[1] % len(undone)].id)
    elif kind == "step":
        every = sorted(journal.visits(), key=lambda v: v.id)  # open, saved and undone visits alike
        if every:
            _, pick, step, status, blocker = op
            journal.add_step_event(every[pick % len(every)].id, step, status, blocker)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_tables_equal_a_recount_after_any_writes(tmp_path_factory, ops: list[tuple]) -> None:
    path = tmp_path_factory.mktemp("tables") / "desk.skranke"
    with Journal(path, desk="skranke-1", site="Rådhuset") as journal:
        for op in ops:
            _apply(journal, op)
    assert weekly_tallies(path) == recounted_weekly_tallies(path)


def test_a_saved_visit_counts_at_once_and_an_undo_takes_it_back(journal: Journal, catalog: Catalog) -> None:
    week = Query(weeks.this_week())
    tally = Tally(journal, catalog)
    visit = journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede")
    assert [(r["errand"], r["count"]) for r in Tally(journal, catalog).errands(week)] == [("pas", 1)]
    journal.edit_visit(visit.id, errand="flytning")
    assert [(r["errand"], r["count"]) for r in Tally(journal, catalog).errands(week)] == [("flytning", 1)]
    journal.undo_visit(visit.id)
    assert Tally(journal, catalog).errands(week) == []
    assert tally.totals(Query(weeks.this_week()))["visits"] == 0


def test_open_visits_do_not_count_until_saved(journal_path: Path, catalog: Catalog) -> None:
    with Journal(journal_path, desk="skranke-1", site="Rådhuset") as journal:
        visit_id = journal.start_visit("pas", channel="fremmoede")
        week = Query(weeks.this_week())
        assert Tally(journal, catalog).channels(week) == []
        journal.finish_visit(visit_id, "manual", reason="failed")
        rows = Tally(journal, catalog).channels(week)
        assert [(r["channel"], r["count"]) for r in rows] == [("fremmoede", 1)]
