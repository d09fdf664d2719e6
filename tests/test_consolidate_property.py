"""Property: whatever the desks did and in whatever order and batches their snapshots are
merged, the site journal ends up equal to the desks' own journals."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskapp.services.consolidate import consolidate
from deskapp.services.journal import Journal
from deskapp.services.publish import publish
from tests.helpers.desks import rows, state

ERRANDS = ("pas", "flytning", "mitid")
OPS = st.lists(
    st.tuples(st.sampled_from(("log", "start", "finish", "edit", "undo", "restore", "publish")),
              st.integers(0, 1), st.integers(0, 50)),
    min_size=1, max_size=40,
)


def _apply(journals: list[Journal], ops: list[tuple[str, int, int]], share: Path) -> list[Path]:
    snapshots = []
    for op, desk, pick in ops:
        journal = journals[desk]
        visits = sorted(journal.visits(), key=lambda v: v.id)
        if op == "log" or not visits:
            journal.log_visit(errand=ERRANDS[pick % 3], reason="failed", outcome="manual",
                              channel="fremmoede")
        elif op == "start":  # an open visit: saved later by "finish", status open -> saved
            journal.start_visit(ERRANDS[pick % 3], channel="fremmoede")
        elif op == "finish":
            waiting = journal.open_visits()
            if waiting:
                journal.finish_visit(waiting[pick % len(waiting)].id, "coached", reason="failed")
        elif op == "edit":
            journal.edit_visit(visits[pick % len(visits)].id, outcome=("coached", "assisted")[pick % 2])
        elif op == "undo":
            journal.undo_visit(visits[pick % len(visits)].id)
        elif op == "restore":
            journal.restore_visit(visits[pick % len(visits)].id)
        else:
            folder = share / f"run{len(snapshots)}"
            folder.mkdir(parents=True)
            snapshots.append(publish(journal.path, folder, journal.desk, journal.site).path)
    for journal in journals:  # the last state of every desk is published too
        folder = share / f"run{len(snapshots)}"
        folder.mkdir(parents=True)
        snapshots.append(publish(journal.path, folder, journal.desk, journal.site).path)
    return snapshots


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, order=st.randoms(use_true_random=False), batches=st.integers(1, 4))
def test_any_history_any_order_any_batches(ops, order, batches) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        journals = [Journal(base / f"desk{n}.skranke", desk=f"D{n}", site="S") for n in (0, 1)]
        try:
            snapshots = _apply(journals, ops, base / "share")
        finally:
            for journal in journals:
                journal.close()
        order.shuffle(snapshots)
        into = base / "site.skranke"
        size = -(-len(snapshots) // batches)
        for first in range(0, len(snapshots), size):
            consolidate(into, snapshots[first:first + size])
        merged = state(into)
        desks = [state(base / f"desk{n}.skranke") for n in (0, 1)]
        for part in ("visits", "history"):
            assert merged[part] == sorted(desks[0][part] + desks[1][part], key=repr), part
        again = consolidate(into, snapshots)
        assert state(into) == merged
        assert all(m.new == 0 and m.updated == 0 for m in again.merged)
        assert rows(into, "select count(*) from visits")[0][0] == len(merged["visits"])
