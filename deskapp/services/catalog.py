"""The errand catalogue: errands, reasons, outcomes, channels, guides.

The catalogue is data (TOML, Danish labels) so a municipality can ship its own file.
Codes are stable identifiers: labels may change, a retired errand keeps its code, so
tallies across catalogue versions still add up.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from deskapp.services import privacy
from deskapp.services.catalog_model import (
    OTHER_ERRAND,
    Catalog,
    CatalogError,
    Choice,
    EntryPoint,
    Errand,
    Guide,
    GuideStep,
    Problem,
)
from deskapp.services.errand_match import fold

CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
KLE_RE = re.compile(r"^\d{2}(\.\d{2}){0,2}$")  # main group, group or subject: 23.05.04
CONTACT_TYPES = ("transaction", "information")
GUIDE_STEP_RANGE = (3, 8)




# --- loading and validation -------------------------------------------------------------


def load(path: Path | str) -> Catalog:
    """Load and validate a catalogue file; raise CatalogError listing every problem."""
    catalog, problems = check(path)
    if problems or catalog is None:
        raise CatalogError(problems)
    return catalog


def load_default() -> Catalog:
    from deskapp.paths import default_catalog

    return load(default_catalog())


def check(path: Path | str) -> tuple[Catalog | None, list[Problem]]:
    """Validate a catalogue file, returning it (when readable) and every problem found."""
    path = Path(path)
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [Problem(name, "", "file not found")]
    except UnicodeDecodeError:
        return None, [Problem(name, "", "not UTF-8 text")]
    except OSError as exc:
        return None, [Problem(name, "", f"cannot read: {exc.strerror or exc}")]
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(name, "", f"TOML syntax error: {exc}")]
    builder = _Builder(name)
    catalog = builder.build(raw)
    for where, what, shapes in privacy.cpr_in_structure(raw):  # shown to staff, printed
        builder.problem(where, f"{what} looks like a CPR number (written {shapes}); a "
                               "catalogue must hold no personal data: remove it")
    catalog = Catalog(**{**catalog.__dict__, "source": str(path)})
    return catalog, builder.problems


# Every key the app reads; any other key is reported, so a misspelt one ("synonymer",
# "personal_attendence") is not silently ignored.
TOP_KEYS = {"catalog", "groups", "errands", "reasons", "outcomes", "channels", "skills", "age_bands"}
META_KEYS = {"version", "name"}
CHOICE_KEYS = {"code", "label", "definition", "completed_digitally"}
ERRAND_KEYS = {"code", "label", "group", "contact_type", "synonyms", "kle", "entry", "no_digital",
               "personal_attendance", "obligatory_digital", "obligatory_since", "retired", "guide"}
ENTRY_KEYS = {"name", "url"}
GUIDE_KEYS = {"ready", "steps", "blockers", "label_en", "ready_en"}
STEP_KEYS = {"code", "instruction", "hint", "citizen", "citizen_en"}


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, entry: str, reason: str) -> None:
        self.problems.append(Problem(self.file, entry, reason))

    def known_keys(self, where: str, item: dict[str, Any], known: set[str]) -> None:
        for key in sorted(set(item) - known):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(sorted(known))}"
            self.problem(where, f"unknown key '{key}' ({hint})")

    def build(self, raw: dict[str, Any]) -> Catalog:
        self.known_keys("top level", raw, TOP_KEYS)
        meta = raw.get("catalog", {})
        if not isinstance(meta, dict) or not str(meta.get("version", "")).strip():
            self.problem("[catalog]", "missing version")
            meta = meta if isinstance(meta, dict) else {}
        self.known_keys("[catalog]", meta, META_KEYS)
        groups = self.choices(raw, "groups")
        reasons = self.choices(raw, "reasons", need_definition=True)
        outcomes = self.choices(raw, "outcomes", need_definition=True)
        channels = self.choices(raw, "channels")
        skills = self.choices(raw, "skills", required=False)
        age_bands = self.choices(raw, "age_bands", required=False)
        group_codes = {g.code for g in groups}
        errands = self.errands(raw, group_codes)
        return Catalog(
            version=str(meta.get("version", "")),
            name=str(meta.get("name", "")),
            groups=groups,
            errands=errands,
            reasons=reasons,
            outcomes=outcomes,
            channels=channels,
            skills=skills,
            age_bands=age_bands,
        )

    def table_list(self, raw: dict[str, Any], kind: str, required: bool = True) -> list[dict[str, Any]]:
        items = raw.get(kind, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            self.problem(f"[[{kind}]]", "must be a list of tables")
            return []
        if required and not items:
            self.problem(f"[[{kind}]]", "none defined")
        return items

    def code_of(self, kind: str, index: int, item: dict[str, Any], seen: set[str]) -> str | None:
        code = item.get("code")
        where = f"{kind} #{index + 1}"
        if not isinstance(code, str) or not code:
            self.problem(where, "missing code")
            return None
        where = f"{kind} '{code}'"
        if not CODE_RE.match(code):
            self.problem(where, "code must be lower-case letters, digits and _")
        if code in seen:
            self.problem(where, "duplicate code")
        seen.add(code)
        return code

    def text(self, where: str, item: dict[str, Any], key: str, required: bool = True) -> str:
        value = item.get(key, "")
        if not isinstance(value, str):
            self.problem(where, f"{key} must be text")
            return ""
        if required and not value.strip():
            self.problem(where, f"missing {key}")
        return value.strip()

    def flag(self, where: str, item: dict[str, Any], key: str) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            self.problem(where, f"{key} must be true or false")
            return False
        return value

    def choices(
        self, raw: dict[str, Any], kind: str, need_definition: bool = False, required: bool = True
    ) -> tuple[Choice, ...]:
        seen: set[str] = set()
        result = []
        for index, item in enumerate(self.table_list(raw, kind, required)):
            code = self.code_of(kind, index, item, seen)
            if code is None:
                continue
            where = f"{kind} '{code}'"
            self.known_keys(where, item, CHOICE_KEYS)
            result.append(
                Choice(
                    code=code,
                    label=self.text(where, item, "label"),
                    definition=self.text(where, item, "definition", required=need_definition),
                    completed_digitally=self.flag(where, item, "completed_digitally"),
                )
            )
        return tuple(result)

    def url(self, where: str, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            self.problem(where, "missing url")
            return ""
        parsed = urlparse(value.strip())
        if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in value.strip():
            self.problem(where, f"bad URL {value!r} (must start with https:// and name a host)")
        return value.strip()

    def errands(self, raw: dict[str, Any], group_codes: set[str]) -> tuple[Errand, ...]:
        seen: set[str] = set()
        result = []
        for index, item in enumerate(self.table_list(raw, "errands")):
            code = self.code_of("errands", index, item, seen)
            if code is None:
                continue
            where = f"errands '{code}'"
            self.known_keys(where, item, ERRAND_KEYS)
            label = self.text(where, item, "label")
            group = self.text(where, item, "group")
            if group and group not in group_codes:
                self.problem(where, f"unknown group '{group}'")
            contact_type = item.get("contact_type", "transaction")
            if contact_type not in CONTACT_TYPES:
                self.problem(where, f"contact_type must be one of {', '.join(CONTACT_TYPES)}")
            synonyms = item.get("synonyms", [])
            if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
                self.problem(where, "synonyms must be a list of text")
                synonyms = []
            entry = None
            if "entry" in item:
                raw_entry = item["entry"]
                if not isinstance(raw_entry, dict):
                    self.problem(where, "entry must be a table with name and url")
                else:
                    self.known_keys(f"{where} entry", raw_entry, ENTRY_KEYS)
                    entry = EntryPoint(
                        name=self.text(f"{where} entry", raw_entry, "name"),
                        url=self.url(f"{where} entry", raw_entry.get("url")),
                    )
            no_digital = self.text(where, item, "no_digital", required=False)
            since = item.get("obligatory_since")
            if since is not None and not isinstance(since, int):
                self.problem(where, "obligatory_since must be a year")
                since = None
            kle = item.get("kle", "")
            if not isinstance(kle, str) or (kle and not KLE_RE.match(kle)):
                self.problem(where, f"kle {kle!r} must be a KLE number in quotes, like \"23.05.04\"")
                kle = ""
            guide = self.guide(where, item["guide"]) if "guide" in item else None
            if guide and entry is None:
                self.problem(where, "a guide needs an entry point (entry.name, entry.url)")
            result.append(
                Errand(
                    code=code,
                    label=label,
                    group=group,
                    contact_type=contact_type if contact_type in CONTACT_TYPES else "transaction",
                    synonyms=tuple(synonyms),
                    kle=kle,
                    entry=entry,
                    no_digital=no_digital,
                    personal_attendance=self.flag(where, item, "personal_attendance"),
                    obligatory_digital=self.flag(where, item, "obligatory_digital"),
                    obligatory_since=since,
                    retired=self.flag(where, item, "retired"),
                    guide=guide,
                    search_keys=tuple(fold(k) for k in [label, *synonyms, code] if fold(k)),
                )
            )
        return tuple(result)

    def guide(self, where: str, raw: object) -> Guide | None:
        if not isinstance(raw, dict):
            self.problem(where, "guide must be a table")
            return None
        where = f"{where} guide"
        self.known_keys(where, raw, GUIDE_KEYS)
        ready = raw.get("ready", [])
        if not isinstance(ready, list) or not all(isinstance(r, str) for r in ready):
            self.problem(where, "ready must be a list of text")
            ready = []
        steps_raw = raw.get("steps", [])
        if not isinstance(steps_raw, list) or not all(isinstance(s, dict) for s in steps_raw):
            self.problem(where, "steps must be a list of tables")
            steps_raw = []
        low, high = GUIDE_STEP_RANGE
        if not low <= len(steps_raw) <= high:
            self.problem(where, f"needs {low}-{high} steps, has {len(steps_raw)}")
        seen: set[str] = set()
        steps = []
        for index, step in enumerate(steps_raw):
            code = self.code_of(f"{where} steps", index, step, seen)
            if code is None:
                continue
            step_where = f"{where} step '{code}'"
            self.known_keys(step_where, step, STEP_KEYS)
            steps.append(
                GuideStep(
                    code=code,
                    instruction=self.text(step_where, step, "instruction"),
                    hint=self.text(step_where, step, "hint"),
                    citizen=self.text(step_where, step, "citizen"),
                    citizen_en=self.text(step_where, step, "citizen_en", required=False),
                )
            )
        blockers = self.choices({"blockers": raw.get("blockers", [])}, "blockers")
        ready_en = raw.get("ready_en", [])
        if not isinstance(ready_en, list) or not all(isinstance(r, str) for r in ready_en):
            self.problem(where, "ready_en must be a list of text")
            ready_en = []
        return Guide(ready=tuple(ready), steps=tuple(steps), blockers=blockers,
                     label_en=self.text(where, raw, "label_en", required=False),
                     ready_en=tuple(r.strip() for r in ready_en))


def missing_english(catalog: Catalog) -> list[Problem]:
    """Guides whose English citizen texts (label_en, ready_en, citizen_en) are missing or
    incomplete: their English handout cannot be made. The app still loads such a catalogue."""
    problems = []
    for errand in catalog.active_errands():
        guide = errand.guide
        if guide is None or guide.has_english():
            continue
        missing = [name for name, absent in (
            ("label_en", not guide.label_en),
            (f"ready_en ({len(guide.ready_en)} of {len(guide.ready)})",
             len(guide.ready_en) != len(guide.ready)),
            ("citizen_en in step " + ", ".join(s.code for s in guide.steps if not s.citizen_en),
             any(not s.citizen_en for s in guide.steps)),
        ) if absent]
        problems.append(Problem(Path(catalog.source).name or "catalogue",
                                f"errands '{errand.code}' guide",
                                "no English handout: missing " + "; ".join(missing)))
    return problems


def missing_other_errand(catalog: Catalog) -> list[Problem]:
    """No active *Andet ærinde* (code ``andet``): a search that finds nothing cannot start a
    visit, and the tallies cannot show what the catalogue lacks. The app still loads it."""
    if catalog.other_errand() is not None:
        return []
    return [Problem(Path(catalog.source).name or "catalogue", f"errands '{OTHER_ERRAND}'",
                    "missing (or retired): add the errand for what is not listed, e.g. "
                    f"code = \"{OTHER_ERRAND}\", label = \"Andet ærinde\"; without it a search "
                    "that finds nothing cannot start a visit")]


__all__ = [
    "OTHER_ERRAND",
    "Catalog",
    "CatalogError",
    "Choice",
    "EntryPoint",
    "Errand",
    "Guide",
    "GuideStep",
    "Problem",
    "check",
    "load",
    "load_default",
    "missing_english",
    "missing_other_errand",
]
