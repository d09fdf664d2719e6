"""Privacy guard for free text (notes): CPR numbers block, e-mail and phone numbers warn.

A statistics log has no need for a CPR number, so a note that contains one is refused.
E-mail addresses and phone numbers are personal data too, but a citizen may ask for a
call-back, so by default they only warn.

CPR detection uses the date part only (DDMMYY with a day valid for the month, 29 February
accepted for every year), never the modulus-11 check: numbers without it have been issued
since 1 October 2007. Accepted forms: ``DDMMYY-SSSS``, ``DDMMYYSSSS`` and ``DDMMYY SSSS``
(a hyphen or dash may have one space on either side), anywhere in the text, as long as the
ten digits are not part of a longer digit run (account numbers). A ten-digit run with a
plausible date is flagged whatever follows it, so ``0101901234 kr`` is refused; amounts
written with thousand separators (``1.250.000 kr.``) are never flagged.

This module builds no user-facing messages: callers get structured :class:`Finding` values
and word them (the UI in Danish through ``tr()``, the CLI in English). A finding's ``text``
is left out of its ``repr`` and :class:`FreeTextRefused` never quotes the text, so neither
leaks a CPR number into a log; messages say where a finding is and show its ``masked``
shape (``XXXXXX-XXXX``), never the digits.

The journal service refuses any text with a CPR number itself (:func:`fields_with_cpr`),
so a caller that forgets ``guard()`` still cannot store one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

NOTE_MAX_LENGTH = 200  # characters

CPR = "cpr"
EMAIL = "email"
PHONE = "phone"
BLOCKING_KINDS = frozenset({CPR})

# 29 February is accepted for every year: the century (and so leap year) is not checked.
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_SEP = r"(?:[ \u00a0]?[-\u2010\u2011\u2013\u2212][ \u00a0]?|[ \u00a0])?"
_CPR_RE = re.compile(rf"(?<!\d)(\d\d)(\d\d)\d\d{_SEP}\d{{4}}(?!\d)")
_EMAIL_RE = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_PHONE_RE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)45[ \u00a0]?)?"
    r"(?:\d{8}|\d\d[ \u00a0]\d\d[ \u00a0]\d\d[ \u00a0]\d\d|\d{4}[ \u00a0]\d{4})(?!\d)"
)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text; ``start``/``end`` index the scanned text."""

    kind: str  # "cpr" | "email" | "phone"
    text: str = field(repr=False)  # the matched text as written; kept out of repr (logs)
    start: int
    end: int

    @property
    def blocking(self) -> bool:
        """True when the text must not be saved (CPR); False for a warning."""
        return self.kind in BLOCKING_KINDS

    @property
    def masked(self) -> str:
        """The match with every letter and digit written as X: its shape, never its content."""
        return re.sub(r"[^\W_]", "X", self.text)


class FreeTextRefused(ValueError):
    """``guard()`` refused a text.

    ``findings`` are the findings that caused the refusal (CPR numbers, plus e-mail and
    phone numbers when warnings are not allowed), positions relative to the stripped text.
    ``too_long`` is the stripped text's length when it is over the limit, else None.
    ``offset`` is how many leading characters were stripped: ``finding.start + offset`` is
    the position in the text as typed.
    """

    def __init__(self, findings: list[Finding], too_long: int | None = None, offset: int = 0):
        self.findings = findings
        self.too_long = too_long
        self.offset = offset
        kinds = ", ".join(sorted({f.kind for f in findings})) or "none"
        super().__init__(f"free text refused (findings: {kinds}; too long: {too_long})")


def _plausible_date(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def scan(text: str) -> list[Finding]:
    """Every CPR number, e-mail address and phone number in ``text``, by position."""
    cprs = [
        Finding(CPR, m.group(), m.start(), m.end())
        for m in _CPR_RE.finditer(text)
        if _plausible_date(int(m.group(1)), int(m.group(2)))
    ]
    emails = [Finding(EMAIL, m.group(), m.start(), m.end()) for m in _EMAIL_RE.finditer(text)]
    taken = cprs + emails
    phones = [Finding(PHONE, m.group(), m.start(), m.end()) for m in _PHONE_RE.finditer(text)]
    phones = [p for p in phones if not any(_overlaps(p, t) for t in taken)]
    return sorted(taken + phones, key=lambda f: (f.start, f.end))


def contains_cpr(text: str) -> bool:
    """True when ``text`` contains something written like a CPR number."""
    return any(f.kind == CPR for f in scan(text))


def mask_cpr(text: str) -> str:
    """``text`` with every CPR number written as its shape (XXXXXX-XXXX): for messages and
    logs that repeat what someone typed."""
    for found in reversed([f for f in scan(text) if f.kind == CPR]):
        text = text[:found.start] + found.masked + text[found.end:]
    return text


def warnings(text: str) -> list[Finding]:
    """The non-blocking findings (e-mail addresses, phone numbers) in ``text``."""
    return [f for f in scan(text) if not f.blocking]


def guard(
    text: str | None, *, max_length: int = NOTE_MAX_LENGTH, allow_warnings: bool = True
) -> str | None:
    """The stripped text, or None when empty; raise :class:`FreeTextRefused` if unfit to save.

    Refused: a CPR number, a text longer than ``max_length`` characters (after stripping),
    and, when ``allow_warnings`` is False, an e-mail address or phone number.
    """
    if text is None:
        return None
    cleaned = text.strip()
    if not cleaned:
        return None
    refusing = [f for f in scan(cleaned) if f.blocking or not allow_warnings]
    too_long = len(cleaned) if len(cleaned) > max_length else None
    if refusing or too_long is not None:
        raise FreeTextRefused(refusing, too_long, offset=len(text) - len(text.lstrip()))
    return cleaned


def fields_with_cpr(values: Mapping[str, object]) -> list[str]:
    """The names of the text values in ``values`` (field name -> value) with a CPR number;
    a list value counts as its items. For services: refuse to store those fields."""
    found = []
    for name, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        if any(isinstance(item, str) and contains_cpr(item) for item in items):
            found.append(name)
    return sorted(found)
