"""The errand catalogue's model: errands, reasons, outcomes, channels, guides, and search.

Built and validated from a TOML file by :mod:`deskapp.services.catalog` (which re-exports
these names); nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from deskapp.services import errand_match, privacy
from deskapp.services.errand_match import fold


class CatalogError(Exception):
    """The catalogue file cannot be used; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:3]))


@dataclass(frozen=True)
class Problem:
    """One problem; a CPR number in any part of it is written as its shape (XXXXXX-XXXX),
    so a problem can be printed or logged without repeating one."""

    file: str
    entry: str
    reason: str

    def __post_init__(self) -> None:
        for name in ("file", "entry", "reason"):
            object.__setattr__(self, name, privacy.mask_cpr(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" if self.entry else self.file
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Choice:
    """A reason, outcome, channel, group, skill or age band: code, label, definition."""

    code: str
    label: str
    definition: str = ""
    completed_digitally: bool = False  # outcomes only: ended in the digital solution


@dataclass(frozen=True)
class EntryPoint:
    name: str
    url: str


@dataclass(frozen=True)
class GuideStep:
    code: str
    instruction: str
    hint: str
    citizen: str  # the same step in the citizen's own words, for the handout
    citizen_en: str = ""  # the same for the English handout


@dataclass(frozen=True)
class Guide:
    ready: tuple[str, ...]
    steps: tuple[GuideStep, ...]
    blockers: tuple[Choice, ...]
    label_en: str = ""  # the errand's name on the English handout
    ready_en: tuple[str, ...] = ()

    def has_english(self) -> bool:
        """True when the English handout has every text it needs."""
        return bool(self.label_en and len(self.ready_en) == len(self.ready)
                    and all(step.citizen_en for step in self.steps))


@dataclass(frozen=True)
class Errand:
    code: str
    label: str
    group: str
    contact_type: str = "transaction"
    synonyms: tuple[str, ...] = ()
    kle: str = ""
    entry: EntryPoint | None = None
    no_digital: str = ""  # what to do instead when there is no self-service solution
    personal_attendance: bool = False
    obligatory_digital: bool = False
    obligatory_since: int | None = None
    retired: bool = False
    guide: Guide | None = None
    search_keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Catalog:
    version: str
    name: str
    groups: tuple[Choice, ...]
    errands: tuple[Errand, ...]
    reasons: tuple[Choice, ...]
    outcomes: tuple[Choice, ...]
    channels: tuple[Choice, ...]
    skills: tuple[Choice, ...] = ()
    age_bands: tuple[Choice, ...] = ()
    source: str = ""

    def errand(self, code: str) -> Errand | None:
        return self.lookups.errands.get(code)

    def active_errands(self) -> tuple[Errand, ...]:
        return tuple(e for e in self.errands if not e.retired)

    def label(self, kind: str, code: str | None) -> str:
        """Label of a code of one kind (errands, reasons, ...), or the code itself if unknown."""
        if not code:
            return ""
        return self.lookups.labels[kind].get(code, code)

    @cached_property
    def lookups(self) -> Lookups:
        """Code -> errand and label dicts, built once per catalogue (a refresh of the
        manager page looks up thousands of codes)."""
        return Lookups(self)

    def codes(self, kind: str) -> set[str]:
        return {i.code for i in getattr(self, kind)}

    def search(self, query: str, limit: int = 12) -> list[Errand]:
        """Errands matching what staff typed: Danish folding, word prefixes, synonyms.

        When nothing matches exactly, the closest errands by spelling (``sundhedskrt``,
        ``laegeskit``): a typo never leaves the list empty while something is near."""
        words = fold(query).split()
        if not words:
            return list(self.active_errands()[:limit])
        exact = self._ranked(words, errand_match.score)
        if exact and exact[0][0] > errand_match.WEAK_HIT * len(words):
            return [errand for _, errand in exact[:limit]]
        # Nothing, or only parts of words ('for…' in 'forældremyndihed'): the near spellings first.
        near = [errand for _, errand in self._ranked(words, errand_match.near_score)]
        return [*near, *(errand for _, errand in exact if errand not in near)][:limit]

    def _ranked(self, words: list[str], score: Callable[[list[str], tuple[str, ...]], float],
                ) -> list[tuple[float, Errand]]:
        """(points, errand) of every active errand that scores, best first, catalogue order on ties."""
        scored = [(points, index, errand) for index, errand in enumerate(self.active_errands())
                  if (points := score(words, errand.search_keys))]
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [(points, errand) for points, _, errand in scored]

    def other_errand(self) -> Errand | None:
        """*Andet ærinde*: the errand for what the catalogue does not list (code ``andet``),
        offered at the end of every search so Enter always starts a visit."""
        errand = self.errand(OTHER_ERRAND)
        return None if errand is None or errand.retired else errand

    def search_with_other(self, query: str, limit: int = 12) -> list[Errand]:
        """:meth:`search`, always ending with *Andet ærinde* (unless it is already listed)."""
        found = self.search(query, limit)
        other = self.other_errand()
        return found if other is None or other in found else [*found, other]


class Lookups:
    """A catalogue's codes as dicts (codes are unique in a catalogue that loaded; were one
    not, the first item of a code wins, as a scan finds it)."""

    KINDS = ("groups", "errands", "reasons", "outcomes", "channels", "skills", "age_bands")

    def __init__(self, catalog: Catalog):
        self.labels: dict[str, dict[str, str]] = {}
        for kind in self.KINDS:
            labels: dict[str, str] = {}
            for item in getattr(catalog, kind):
                labels.setdefault(item.code, item.label)
            self.labels[kind] = labels
        self.errands: dict[str, Errand] = {}
        for errand in catalog.errands:
            self.errands.setdefault(errand.code, errand)
        guided = [e for e in catalog.errands if e.guide]
        self.steps = {(e.code, s.code): s.instruction for e in guided
                      for s in e.guide.steps}  # type: ignore[union-attr]
        self.blockers = {(e.code, b.code): b.label for e in guided
                         for b in e.guide.blockers}  # type: ignore[union-attr]
        self.digital = tuple(o.code for o in catalog.outcomes if o.completed_digitally)
        # errand -> has a digital solution (an entry point, and no personal attendance needed)
        self.solutions = {code: bool(e.entry and not e.personal_attendance)
                          for code, e in self.errands.items()}


OTHER_ERRAND = "andet"  # the catalogue's errand for "not on the list"
