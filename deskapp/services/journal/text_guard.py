"""Texts read from a file from outside (a snapshot) pass ``deskapp.services.privacy``.

Two SQL functions, registered on a connection by :func:`register`:

- ``skranke_clean(text, max_length)``: the text as it may be stored: None when it holds a
  CPR number, is longer than ``max_length`` or is not text; control characters removed.
- ``skranke_unclean(a, b, ...)``: 1 when any of the texts would be changed by
  ``skranke_clean`` (one call per row instead of one per column: a merge reads millions of
  rows and almost none needs cleaning). Each argument is read as SQL text (``joined``
  casts it), so a number is judged as what a text column stores; NULL is clean.

A text is dropped, never its row: the visit's categories still count.
"""

from __future__ import annotations

import functools
import sqlite3
import unicodedata

from deskapp.services import privacy

CODE_MAX = 100  # catalogue codes, labels, versions
NOTE_MAX = 1000  # notes (the app keeps 200; an old note may be longer)


def strip_controls(text: str) -> str:
    """``text`` without control and format characters (ANSI escapes, bells, line breaks,
    bidirectional overrides); other whitespace becomes one space."""
    kept = []
    for char in text:
        kind = unicodedata.category(char)
        if kind in ("Cc", "Cf", "Cs", "Co", "Cn"):
            if char in "\t\n\r":
                kept.append(" ")
            continue
        kept.append(" " if kind in ("Zl", "Zp") else char)
    return " ".join("".join(kept).split())


@functools.lru_cache(maxsize=65536)
def _clean(value: object, max_length: int) -> str | None:
    if not isinstance(value, str):
        return None
    if len(value) > max_length or privacy.contains_cpr(value):
        return None
    cleaned = strip_controls(value) if not value.isprintable() else value
    return cleaned


def clean(value: object, max_length: int = CODE_MAX) -> str | None:
    try:
        return _clean(value, int(max_length))
    except TypeError:  # unhashable: not a text anyway
        return None


@functools.lru_cache(maxsize=65536)
def _unclean(parts: tuple[object, ...]) -> int:
    return int(any(part is not None and (not isinstance(part, str)
                                         or (part != "" and _clean(part, NOTE_MAX) != part))
                   for part in parts))


def unclean(*parts: object) -> int:
    return _unclean(parts)  # SQLite passes text, numbers, blobs or NULL: all hashable


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("skranke_clean", 2, clean, deterministic=True)
    conn.create_function("skranke_unclean", -1, unclean, deterministic=True)


def joined(columns: list[str], row: str) -> str:
    """SQL: the row's texts as the arguments of ``skranke_unclean``. Each is cast to text,
    so the function sees what a text column would store (a number as its text); a blob's
    bytes are read as text, and a text with control characters is never clean. (Separate
    arguments instead of one joined string: no concatenation per row, and no text can hide
    a character as a separator.)"""
    return ", ".join(f"cast({row}.{c} as text)" for c in columns)
