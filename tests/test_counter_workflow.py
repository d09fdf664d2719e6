"""The Qt-free counter workflow and the errand search it relies on, on real journals."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deskapp.services import counter_workflow, guide, privacy, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.counter_workflow import StartTimeRefused, VisitFlow
from deskapp.services.journal import BOOKED, DROP_IN, SAVED, Journal


@pytest.mark.parametrize(("typed", "errand"), [
    ("sundhedskrt", "sundhedskort"), ("sundhdsk", "sundhedskort"), ("laegeskit", "laegeskift"),
    ("kørekrot", "koerekort"), ("foraeldremyndihed", "foraeldremyndighed"),
    ("boernehve", "dagtilbud"), ("byggetiladelse", "byggetilladelse"),
    ("digtal post", "digital_post_hjaelp"), ("skilsmise", "skilsmisse"),
])
def test_a_misspelt_errand_finds_the_right_one_first(catalog: Catalog, typed: str,
                                                     errand: str) -> None:
    assert catalog.search(typed)[0].code == errand


@pytest.mark.parametrize("typed", ["zzzz", "xyzzy", "hund", "parkeringstilladelse", "kattemad"])
def test_nothing_near_finds_nothing(catalog: Catalog, typed: str) -> None:
    assert catalog.search(typed) == []
    assert [e.code for e in catalog.search_with_other(typed)] == ["andet"]


def test_exact_matches_are_not_drowned_by_near_ones(catalog: Catalog) -> None:
    assert [e.code for e in catalog.search("pas")][:1] == ["pas"]
    assert [e.code for e in catalog.search("mitid")] == ["mitid"]
    found = catalog.search_with_other("andet")
    assert [e.code for e in found].count("andet") == 1


def test_a_whole_visit_through_the_steps(journal: Journal, catalog: Catalog) -> None:
    flow = VisitFlow(catalog)
    assert flow.stage == "errand"
    visit_id = flow.take_errand(journal, catalog.errand("pas"), channel="fremmoede")
    assert flow.stage == "reason" and journal.open_visits()[0].id == visit_id
    flow.take_errand(journal, catalog.errand("nemkonto"), channel="fremmoede")  # corrected
    assert journal.visit(visit_id).contact_type == "information"
    flow.choose_reason(journal, "failed")
    assert flow.stage == "outcome"
    visit = flow.finish(journal, "manual", "  kom igen  ")
    assert (visit.status, visit.errand, visit.note) == (SAVED, "nemkonto", "kom igen")
    assert flow.stage == "errand" and flow.last_saved == visit_id
    assert flow.undo(journal).id == visit_id
    assert journal.visit(visit_id).deleted_utc is not None
    assert flow.last_saved is None  # undone once: nothing left to undo


def test_a_refused_write_leaves_the_state_as_it_was(journal: Journal, catalog: Catalog) -> None:
    flow = VisitFlow(catalog)
    flow.take_errand(journal, catalog.errand("pas"), channel="fremmoede")
    flow.choose_reason(journal, "failed")
    before = flow.open
    with pytest.raises(privacy.FreeTextRefused):
        flow.finish(journal, "manual", "cpr 010190-1234")
    assert flow.open == before and journal.open_visits()[0].id == before.id


def test_same_citizen_links_and_is_forgotten_after_one_visit(journal: Journal,
                                                             catalog: Catalog) -> None:
    flow = VisitFlow(catalog)
    assert flow.same_citizen() is None  # nothing saved yet
    first = flow.log(journal, catalog.errand("flytning"), reason="failed", outcome="assisted",
                     channel="fremmoede")
    assert flow.same_citizen() == first.id
    second = flow.log(journal, catalog.errand("laegeskift"), reason="failed", outcome="assisted",
                      channel="fremmoede")
    third = flow.log(journal, catalog.errand("pas"), reason="failed", outcome="assisted",
                     channel="fremmoede")
    assert second.citizen == first.id and third.citizen == third.id


def test_appointment_switch_is_for_one_visit(journal: Journal, catalog: Catalog) -> None:
    flow = VisitFlow(catalog, BOOKED)
    assert flow.switch_appointment(journal) == DROP_IN
    one = flow.log(journal, catalog.errand("pas"), reason="failed", outcome="manual",
                   channel="fremmoede")
    two = flow.log(journal, catalog.errand("pas"), reason="failed", outcome="manual",
                   channel="fremmoede")
    assert (one.appointment, two.appointment) == (DROP_IN, BOOKED)
    assert VisitFlow(catalog, "walk-in").appointment == DROP_IN  # a bad setting: the default


def test_late_entry_check(journal: Journal, catalog: Catalog) -> None:
    now = weeks.now_utc()
    counter_workflow.check_start(now - timedelta(hours=2))
    with pytest.raises(StartTimeRefused) as future:
        counter_workflow.check_start(now + timedelta(minutes=5))
    with pytest.raises(StartTimeRefused) as old:
        counter_workflow.check_start(now - timedelta(days=400))
    assert (future.value.kind, old.value.kind) == ("future", "too_old")
    with pytest.raises(StartTimeRefused):
        VisitFlow(catalog).log(journal, catalog.errand("pas"), reason="failed", outcome="manual",
                               channel="fremmoede", at=now + timedelta(hours=1))
    assert journal.count() == 0


def test_search_text_is_offered_as_note_only_when_clean(catalog: Catalog) -> None:
    assert counter_workflow.note_from_search("  hundeskat ", catalog.other_errand()) == "hundeskat"
    assert counter_workflow.note_from_search("andet", catalog.other_errand()) is None
    assert counter_workflow.note_from_search("skriv til jens@example.dk") is None
    assert counter_workflow.note_from_search("0101901234") is None


@pytest.mark.parametrize(("mode", "outcome", "contradicts"), [
    (guide.COACHING, "coached", False), (guide.COACHING, "assisted", True),
    (guide.SIDE_BY_SIDE, "coached", True), (guide.PROXY, "assisted", False),
    (guide.SIDE_BY_SIDE, "manual", False), (None, "coached", False),
])
def test_mode_and_outcome(mode: str | None, outcome: str, contradicts: bool) -> None:
    assert counter_workflow.mode_contradicts(mode, outcome) is contradicts


def test_resume_takes_up_the_open_visit(journal: Journal, catalog: Catalog) -> None:
    visit_id = VisitFlow(catalog, BOOKED).take_errand(journal, catalog.errand("pas"),
                                                      channel="fremmoede")
    journal.update_open(visit_id, reason="failed")
    flow = VisitFlow(catalog)
    flow.resume(journal.visit(visit_id))
    assert (flow.stage, flow.appointment) == ("outcome", BOOKED)
    assert flow.finish(journal, "manual").id == visit_id


def test_other_errand_is_counted_in_the_tallies(journal: Journal, catalog: Catalog) -> None:
    """How often *Andet ærinde* is used shows the manager what the catalogue is missing."""
    from deskapp.services.tallies import Query, Tally

    flow = VisitFlow(catalog)
    for _ in range(2):
        flow.log(journal, catalog.other_errand(), reason="no_digital", outcome="informed",
                 channel="fremmoede", note="hundeskat")
    flow.log(journal, catalog.errand("pas"), reason="failed", outcome="manual", channel="fremmoede")
    rows = Tally(journal, catalog).with_labels(Tally(journal, catalog).errands(Query(weeks.this_week())))
    assert [(r["errand"], r["count"]) for r in rows][:1] == [("andet", 2)]
    assert rows[0]["errand_label"] == "Andet ærinde"
