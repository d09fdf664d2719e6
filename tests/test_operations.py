"""The one way widgets write: JournalHub.write runs the call, words a refusal once and
broadcasts what changed; views refresh only for changes they show."""

from __future__ import annotations

import pytest

from deskapp.services import weeks
from deskapp.services.journal import Journal
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.operations import Change, Failed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_write_broadcasts_what_changed_and_a_refused_one_says_why_and_nothing_else(
        window: MainWindow, journal: Journal) -> None:
    seen: list[Change] = []
    errors: list[str] = []
    window.hub.changed.connect(seen.append)
    visit = window.hub.write(lambda j: j.log_visit(errand="pas", reason="failed", outcome="manual",
                                                   channel="fremmoede"), Change.of_visit, errors.append)
    assert not isinstance(visit, Failed)
    assert [(c.kind, c.visit, c.day, c.week) for c in seen] == [
        ("visit", visit.id, visit.local_date, visit.iso_week)]
    refused = window.hub.write(lambda j: j.log_visit(errand="pas", reason="failed", outcome="manual",
                                                     channel="fremmoede", note="ring 010190-1234"),
                               Change.of_visit, errors.append)
    assert isinstance(refused, Failed) and len(seen) == 1  # nothing written, nothing announced
    assert len(errors) == 1 and "CPR" in errors[0] and "010190" not in errors[0]
    assert len(journal.counted_visits()) == 1


def test_the_manager_page_recounts_only_for_weeks_it_shows(window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    page = window.manager
    this_week = weeks.week_of(weeks.local(weeks.now_utc()).date())
    page.set_range(this_week, this_week)
    recounts: list[int] = []
    monkeypatch.setattr(page, "request_refresh", lambda: recounts.append(1))
    window.hub.announce(Change("visit", "v", "2020-01-06", "2020-W02"))  # long before the range
    window.hub.announce(Change.of_open("v"))  # an open visit counts nowhere
    assert recounts == []
    window.hub.announce(Change("visit", "v", None, this_week))
    window.hub.announce(Change("digital_counts"))  # any week
    assert len(recounts) == 2


def test_the_day_list_refreshes_only_for_a_visit_of_today() -> None:
    today = weeks.local(weeks.now_utc()).date().isoformat()
    assert Change("visit", "v", today, None).touches_day(today)
    assert not Change("visit", "v", "2020-01-06", "2020-W02").touches_day(today)
    assert not Change.of_open("v").touches_day(today)
