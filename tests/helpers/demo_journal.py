"""A demo journal across the 2026/2027 year boundary, with undone, edited and open visits,
two desks, and a visit under a code the catalogue does not know (retired errand)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from deskapp.services import demo, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal

NOW = datetime(2027, 1, 15, 16, 0, tzinfo=UTC)  # Friday of 2027-W02
FIRST, LAST = "2026-W52", "2027-W02"
RETIRED = "gammelt_aerinde"


def build(path: Path, catalog: Catalog) -> dict[str, str]:
    """Fill ``path``; return the ids of the special visits by name."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(weeks, "now_utc", lambda: NOW)
        with Journal(path, desk="skranke-1", site="Rådhuset") as journal:
            demo.generate(journal, catalog, weeks_back=6, seed=7, today=date(2027, 1, 15))
            demo.generate(journal, catalog, weeks_back=6, seed=8, today=date(2027, 1, 15),
                          desk="skranke-2", site="Biblioteket")
            at = datetime(2026, 12, 29, 10, 15)  # Tuesday of 2026-W53, local time
            undone = journal.log_visit(errand="laegeskift", reason="failed", outcome="coached",
                                       channel="fremmoede", at=at)
            journal.undo_visit(undone.id)
            edited = journal.log_visit(errand="boligstoette", reason="failed", outcome="manual",
                                       channel="fremmoede", at=at)
            journal.edit_visit(edited.id, outcome="assisted", reason="no_mitid")
            retired = journal.log_visit(errand=RETIRED, reason="old_reason", outcome="manual",
                                        channel="fremmoede", at=datetime(2027, 1, 5, 9, 0))
            open_id = journal.start_visit("flytning", channel="fremmoede", at=datetime(2027, 1, 5, 9, 30))
    return {"undone": undone.id, "edited": edited.id, "retired": retired.id, "open": open_id}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    """The hand-built demo journal, made once per test module (tests that write copy it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.skranke"
    build(path, catalog)
    return path
