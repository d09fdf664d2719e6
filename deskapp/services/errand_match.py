"""Matching what staff type against an errand's search keys (label, synonyms, code).

Everything is folded first (:func:`fold`: case, æøå, punctuation). :func:`score` finds
typed words as words, word prefixes, inside words and as Danish compounds; when it finds
nothing (or only parts of words), :func:`near_score` finds the near spellings with the
standard library's ``difflib`` (``sundhedskrt`` -> sundhedskort). Pure functions on strings:
:meth:`deskapp.services.catalog.Catalog.search` ranks the errands with them.
"""

from __future__ import annotations

import difflib
import re

NEAR_CUTOFF = 0.8  # how alike a misspelt word and a catalogue word must be (difflib ratio)
NEAR_MIN_LENGTH = 4  # shorter typed words are too ambiguous to correct ("pas", "id")
WEAK_HIT = 3  # the most a word scores inside another word (substring, compound), per word
# Small words of the labels that no compound is built on ('for' in 'fritagelse for digital post').
NOT_COMPOUND_PARTS = frozenset({"det", "den", "for", "fra", "med", "mit", "paa", "som", "til", "ved"})


_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


def fold(text: str) -> str:
    """Fold case, æøå and punctuation so 'Lægeskift', 'laegeskift' and 'LÆGE-skift' meet."""
    folded = text.casefold().translate(_FOLD)
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def score(words: list[str], keys: tuple[str, ...]) -> int:
    """0 when some typed word matches nothing; higher for label prefix hits than substrings."""
    total = 0
    for word in words:
        best = 0
        for rank, key in enumerate(keys):
            weight = 3 if rank == 0 else 2  # the label outranks synonyms
            if key == word or word in key.split():
                best = max(best, 5 * weight)
            elif key.startswith(word):
                best = max(best, 4 * weight)
            elif any(part.startswith(word) for part in key.split()):
                best = max(best, 3 * weight)
            elif word in key.replace(" ", "") or _compound_of(word, key):
                best = max(best, weight)
        if not best:
            return 0
        total += best
    return total


def _compound_of(word: str, key: str) -> bool:
    """A Danish compound built on a key word: 'adresseaendring' on 'adresse', 'pasfoto' on 'pas'."""
    return any(len(part) >= 3 and len(word) >= len(part) + 3 and word.startswith(part)
               and part not in NOT_COMPOUND_PARTS for part in key.split())


def near_score(words: list[str], keys: tuple[str, ...]) -> float:
    """0 unless every typed word is spelt close to a word of the keys (or to the start of
    one, for a word still being typed); else the summed likeness, the label's counting most."""
    total = 0.0
    for word in words:
        if len(word) < NEAR_MIN_LENGTH:
            return 0.0
        best = 0.0
        for rank, key in enumerate(keys):
            weight = 1.0 if rank == 0 else 0.9
            for part in (*key.split(), key.replace(" ", "")):
                best = max(best, weight * _likeness(word, part))
        if best < NEAR_CUTOFF * 0.9:
            return 0.0
        total += best
    return total


def _likeness(word: str, part: str) -> float:
    """How alike (0-1, 0 below the cutoff): the whole word, or the start of a longer catalogue
    word (the typed word may be unfinished)."""
    size = len(word)
    best = _ratio(word, part) if 2 * min(size, len(part)) >= NEAR_CUTOFF * (size + len(part)) else 0.0
    if len(part) > size + 1:
        best = max(best, _ratio(word, part[:size + 1]))
    return best


def _ratio(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < NEAR_CUTOFF:  # an upper bound, much cheaper than ratio()
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= NEAR_CUTOFF else 0.0
