"""Assisted digital completion: guide modes, step statuses and where a guide stands.

Pure logic on top of the catalogue and the journal's step events, so the guide panel
stays thin and the rules have tests of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from deskapp.services.catalog import Guide

DONE, STUCK, SKIPPED = "done", "stuck", "skipped"
STATUSES = (DONE, STUCK, SKIPPED)

# Who drives: the citizen with coaching (hjælp til selvbetjening), staff beside the
# citizen (medbetjening), staff acting under power of attorney (fuldmagt).
COACHING, SIDE_BY_SIDE, PROXY = "coaching", "side_by_side", "proxy"
MODES = (COACHING, SIDE_BY_SIDE, PROXY)

OTHER_BLOCKER = "other"  # "Andet": a blocker not in the errand's list, with a short note


@dataclass(frozen=True)
class StepState:
    status: str | None = None  # None: not marked yet
    blocker: str | None = None
    note: str | None = None


def step_states(guide: Guide, events: Iterable[Mapping[str, Any]]) -> dict[str, StepState]:
    """The latest mark of every step of ``guide`` (events in the order they were written)."""
    states = {step.code: StepState() for step in guide.steps}
    for event in events:
        if event["step"] in states and event["status"] in STATUSES:
            states[event["step"]] = StepState(event["status"], event.get("blocker"), event.get("note"))
    return states


def next_step(guide: Guide, states: Mapping[str, StepState], after: int = -1) -> int | None:
    """Index of the first unmarked step after ``after`` (wrapping round), or None when all are."""
    count = len(guide.steps)
    for offset in range(1, count + 1):
        index = (after + offset) % count
        if states.get(guide.steps[index].code, StepState()).status is None:
            return index
    return None

