"""Desk labels in a site journal: a desk is its desk id; its name and site are labels.

A desk's rows in the site journal carry the labels of its newest merged snapshot. Two desk
ids with the same labels (desks left at the default name, a PC cloned) get the first six
digits of their desk id added to the name, ``Skranke (3f9a0c)``, so their visits are never
counted as one desk's. Labels from outside pass the privacy guard: a name with a CPR
number, or too long, is replaced by ``desk-<id>``; control characters are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from deskapp.services.journal.site_desks import SiteDesk
from deskapp.services.journal.text_guard import clean

_DESK_ID = re.compile(r"[0-9a-f]{32}")
MAX_LABEL = 60


def is_desk_id(text: object) -> bool:
    return isinstance(text, str) and bool(_DESK_ID.fullmatch(text))


def snapshot_labels(meta: dict[str, str], path: Path, desk_id: str) -> tuple[str, str, bool]:
    """(desk, site, a label was refused) from a snapshot's meta (the file's names for a
    plain journal copied by hand)."""
    raw_desk = meta.get("desk") or path.stem
    raw_site = meta.get("site") or path.parent.name
    desk, site = clean(raw_desk, MAX_LABEL), clean(raw_site, MAX_LABEL)
    dropped = desk is None or site is None
    fallback = f"desk-{desk_id[:6]}" if desk_id else "desk"
    return desk or fallback, site or "site", dropped


Labels = dict[str, tuple[str, str]]


def final_labels(desks: dict[str, SiteDesk] | Iterable[tuple[str, tuple[str, str]]]) -> Labels:
    """The labels each desk id's rows carry, given every desk's own labels."""
    pairs = ((d, (x.desk, x.site)) for d, x in desks.items()) if isinstance(desks, dict) else desks
    own = dict(pairs)
    taken: dict[tuple[str, str], int] = {}
    for label in own.values():
        taken[label] = taken.get(label, 0) + 1
    return {d: ((f"{desk} ({d[:6]})", site) if taken[(desk, site)] > 1 else (desk, site))
            for d, (desk, site) in own.items()}


def plan_labels(candidates: Iterable[Any], known: dict[str, SiteDesk]) -> Labels:
    """The labels to write while merging: each desk's newest snapshot's (of those known and
    those about to be merged)."""
    own = {d: (x.desk, x.site, x.snapshot_utc or "") for d, x in known.items()}
    for c in candidates:
        if c.desk_id and c.snapshot_utc > own.get(c.desk_id, ("", "", ""))[2]:
            own[c.desk_id] = (c.desk, c.site, c.snapshot_utc)
    return final_labels([(d, (desk, site)) for d, (desk, site, _t) in own.items()])
