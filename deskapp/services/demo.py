"""Realistic demo data: busy Mondays and mornings, errand and reason mixes shaped like
the Danish counter studies (DOMAIN.md). Includes undone and edited visits, guide step
events with blockers and imported digital counts, so every report has something to show.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from deskapp.services import weeks
from deskapp.services.catalog import Catalog, Errand
from deskapp.services.journal import SAVED, Journal

DAY_VOLUME = {1: 70, 2: 50, 3: 45, 4: 55, 5: 30}  # Monday busiest, Friday short
HOURS = {8: 4, 9: 10, 10: 12, 11: 10, 12: 6, 13: 7, 14: 5, 15: 3, 16: 2, 17: 1}
POPULAR = {
    "flytning": 14, "sundhedskort": 10, "pas": 12, "koerekort": 9, "mitid": 9,
    "eu_sygesikringskort": 4, "laegeskift": 5, "folkepension": 4, "boligstoette": 4,
    "digital_post_fritagelse": 3, "digital_post_hjaelp": 4, "legitimationskort": 2,
    "dagtilbud": 3, "skoleindskrivning": 2,
}
DIGITAL_REASONS = {
    "did_not_know": 14, "could_not_find": 13, "failed": 18, "reassurance": 16,
    "subject_knowledge": 8, "language": 9, "no_mitid": 15, "exempt": 4, "no_digital": 3,
}
DIGITAL_OUTCOMES = {
    "coached": 33, "assisted": 24, "sent_home": 14, "manual": 10, "referred": 5,
    "informed": 8, "unresolved": 6,
}
CHANNELS = {"fremmoede": 76, "telefon": 19, "digital_post": 4, "brev": 1}


def _pick(rng: random.Random, weights: dict[str, int], allowed: set[str]) -> str:
    items = [(k, w) for k, w in weights.items() if k in allowed]
    keys, values = zip(*items, strict=True)
    return str(rng.choices(keys, values)[0])


def generate(
    journal: Journal, catalog: Catalog, *, weeks_back: int = 8, seed: int = 1,
    today: date | None = None, desk: str | None = None, site: str | None = None,
) -> int:
    """Fill the journal with ``weeks_back`` weeks of visits up to today; return the count."""
    rng = random.Random(seed)
    today = today or weeks.local(weeks.now_utc()).date()
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks_back - 1)
    errands = {e.code: e for e in catalog.active_errands()}
    weights = {code: POPULAR.get(code, 1) for code in errands}
    codes = {kind: catalog.codes(kind) for kind in ("reasons", "outcomes", "channels")}
    visits: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    day = start
    while day <= today:
        volume = DAY_VOLUME.get(day.isoweekday(), 0)
        for _ in range(int(volume * rng.uniform(0.8, 1.2))):
            errand = errands[_pick(rng, weights, set(weights))]
            visit = _visit(rng, journal, catalog, errand, day, codes, desk, site)
            if visit["updated_utc"] > weeks.stamp(weeks.now_utc()):  # still going on: not yet
                continue
            visits.append(visit)
            steps.extend(_step_events(rng, errand, visit))
            roll = rng.random()
            if roll < 0.02:  # undone by staff
                visit["deleted_utc"] = visit["updated_utc"]
                history.append(_history(visit, "undo", {"status": SAVED}))
            elif roll < 0.05:  # corrected afterwards
                before = {"outcome": visit["outcome"]}
                visit["outcome"] = _pick(rng, DIGITAL_OUTCOMES, codes["outcomes"])
                history.append(_history(visit, "edit", before))
        day += timedelta(days=1)
    journal.bulk_load(visits=visits, history=history, step_events=steps,
                      digital_counts=_digital_counts(rng, catalog, visits))
    return len(visits)


def _visit(
    rng: random.Random, journal: Journal, catalog: Catalog, errand: Errand, day: date,
    codes: dict[str, set[str]], desk: str | None, site: str | None,
) -> dict[str, Any]:
    hour = _pick(rng, {str(h): w for h, w in HOURS.items()}, {str(h) for h in HOURS})
    local = datetime.combine(day, time(int(hour), rng.randrange(60), rng.randrange(60)),
                             tzinfo=weeks.LOCAL_TZ)
    if errand.personal_attendance:
        reason = "personal_attendance"
        outcome = "manual"
    elif errand.entry is None:
        reason = "no_digital"
        outcome = rng.choice(["manual", "informed", "referred"])
    else:
        reason = _pick(rng, DIGITAL_REASONS, codes["reasons"])
        outcome = _pick(rng, DIGITAL_OUTCOMES, codes["outcomes"])
    if errand.contact_type == "information":
        outcome = "informed" if rng.random() < 0.7 else outcome
    duration = int(rng.lognormvariate(5.9, 0.5)) + (300 if outcome in ("coached", "assisted") else 0)
    ended = local + timedelta(seconds=duration)
    started_utc = weeks.stamp(local)
    when = {
        "started_utc": started_utc, "local_date": day.isoformat(),
        "iso_week": weeks.week_of(day), "local_hour": local.hour, "weekday": day.isoweekday(),
    }
    guide_mode = None
    if errand.guide and outcome in ("coached", "assisted"):
        guide_mode = "coaching" if outcome == "coached" else "side_by_side"
    return {
        "id": uuid.UUID(int=rng.getrandbits(128)).hex,
        "desk": desk if desk is not None else journal.desk,
        "site": site if site is not None else journal.site,
        "status": SAVED, "ended_utc": weeks.stamp(ended), **when,
        "channel": _pick(rng, CHANNELS, codes["channels"]),
        "errand": errand.code, "reason": reason, "outcome": outcome,
        "contact_type": errand.contact_type,
        "error_contact": int(rng.random() < 0.04),
        "duration_s": duration,
        "life_event": int(rng.random() < 0.3), "first_time": int(rng.random() < 0.6),
        "age_band": rng.choice(["18_29", "30_49", "50_66", "67_79", "80plus"]),
        "note": None, "guide_mode": guide_mode,
        "handout": int(outcome == "sent_home" and errand.guide is not None),
        "late_entry": 0, "catalog_version": "demo",
        "created_utc": started_utc, "updated_utc": weeks.stamp(ended), "deleted_utc": None,
    }


def _step_events(rng: random.Random, errand: Errand, visit: dict[str, Any]) -> list[dict[str, Any]]:
    if not errand.guide or not visit["guide_mode"]:
        return []
    events = []
    at = weeks.parse_stamp(visit["started_utc"])
    for step in errand.guide.steps:
        at += timedelta(seconds=rng.randrange(30, 150))
        stuck = rng.random() < 0.12 and errand.guide.blockers
        events.append({
            "id": uuid.UUID(int=rng.getrandbits(128)).hex, "visit_id": visit["id"],
            "step": step.code, "status": "stuck" if stuck else "done",
            "blocker": rng.choice(errand.guide.blockers).code if stuck else None,
            "note": None, "at_utc": weeks.stamp(at),
        })
        if stuck and rng.random() < 0.5:
            break
    return events


def _history(visit: dict[str, Any], action: str, before: dict[str, Any]) -> dict[str, Any]:
    return {"visit_id": visit["id"], "at_utc": visit["updated_utc"], "action": action,
            "before": json.dumps(before)}


def _digital_counts(rng: random.Random, catalog: Catalog,
                    visits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counter: dict[tuple[str, str], int] = {}
    for v in visits:
        if v["contact_type"] == "transaction":
            key = (v["iso_week"], v["errand"])
            counter[key] = counter.get(key, 0) + 1
    rows = []
    for (week, code), counter_count in sorted(counter.items()):
        errand = catalog.errand(code)
        if errand is None or errand.entry is None or errand.personal_attendance:
            continue
        share = rng.uniform(0.65, 0.95)
        digital = int(counter_count * share / (1 - share))
        rows.append({"week": week, "errand": code, "source": "demo", "count": digital,
                     "imported_utc": weeks.stamp(weeks.now_utc())})
    return rows
