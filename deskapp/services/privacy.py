"""Privacy guard for free text and names: CPR numbers block, e-mail and phone numbers warn.

A statistics log has no need for a CPR number, so a text that contains one is refused.
E-mail addresses and phone numbers are personal data too, but a citizen may ask for a
call-back, so in notes they only warn.

CPR detection (issue 14) looks for a date-plausible ``DDMMYY`` or ``DDMMYYYY`` followed by
four digits, however it is written: between the day, month, year and serial there may be
nothing or any run of separators (spaces of every kind, tabs and line breaks, hyphens and
dashes, the minus sign, dots, slashes, underscores, control characters), and format
characters (zero-width space, soft hyphen, direction marks) are ignored wherever they are.
Digits of other scripts (fullwidth ``０１``) count as digits. A prefix (``cpr``,
``cpr.nr.``, ``personnummer``) or letters around the number change nothing: the number is
found inside words too. The day must exist in the month (29 February is accepted for every
year: the century, and so the leap year, is not known); a four-digit year must be 18xx,
19xx or 20xx. The modulus-11 check is never used: numbers without it have been issued since
1 October 2007. The ten (or twelve) digits must not be part of a longer digit run (account
numbers, EAN codes). The serial is four digits in a row: ``010190-12 34`` is not found.

What this refuses by design: a date written with a two-digit day and month followed by
four digits (``møde 22.09.26 1100``, ``betalt 01.10.26 1250 kr``) looks exactly like a CPR
number. The refusal advises writing the time with ``kl.`` (``22.09 kl. 11``), which is
never refused. Amounts with thousand separators (``1.250.000 kr.``) and times with a colon
or dot (``22.09.2026 11:00``) are never flagged.

This module builds no user-facing messages: callers get structured :class:`Finding` values
and word them (the UI in Danish through ``tr()``, the CLI in English). A finding's ``text``
is left out of its ``repr`` and :class:`FreeTextRefused` never quotes the text, so neither
leaks a CPR number into a log; messages say where a finding is and show its ``masked``
shape (``XX.XX.XX-XXXX``), never the digits.

The journal refuses any text with a CPR number itself (:func:`fields_with_cpr`), so a
caller that forgets ``guard()`` still cannot store one. Names (desk, site, municipality,
help line) go through :func:`guard_name`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

NOTE_MAX_LENGTH = 200  # characters
NAME_MAX_LENGTH = 60  # characters: desk, site, municipality, help line

CPR = "cpr"
EMAIL = "email"
PHONE = "phone"
BLOCKING_KINDS = frozenset({CPR})

# --- CPR numbers ------------------------------------------------------------------------
# The text is first read as a "view": format characters dropped, every separator written
# as one space, every decimal digit as an ASCII digit; the pattern then runs on the view
# and each match is mapped back to the characters as typed.

_SEPARATOR_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Pd", "Pc", "Cc"})
_EXTRA_SEPARATORS = frozenset(
    "./\\"  # dot, slash, backslash
    "\u00b7\u2024\u2027\u2043\u2044\u2212\u2215\u3002\uff0e\uff0f\uff3c\uff61"
)  # middle dot, one-dot leader, hyphenation point, hyphen bullet, fraction slash, minus,
#    division slash, ideographic and fullwidth full stops and slashes
_ASCII_VIEW = str.maketrans({chr(c): " " for c in range(128)
                             if unicodedata.category(chr(c)) in _SEPARATOR_CATEGORIES
                             or chr(c) in _EXTRA_SEPARATORS})
_DIGIT = re.compile(r"\d")

_SEP = " *"
_DAY_MONTH = (
    f"(?:(?:0[1-9]|[12][0-9]|3[01]){_SEP}(?:0[13578]|1[02])"
    f"|(?:0[1-9]|[12][0-9]|30){_SEP}(?:0[469]|11)"
    f"|(?:0[1-9]|[12][0-9]){_SEP}02)"
)
_YEAR = "(?:(?:18|19|20)[0-9]{2}|[0-9]{2})"
_CPR_RE = re.compile(rf"(?<![0-9]){_DAY_MONTH}{_SEP}{_YEAR}{_SEP}[0-9]{{4}}(?![0-9])")

_EMAIL_RE = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_PHONE_RE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)45[ \u00a0]?)?"
    r"(?:\d{8}|\d\d[ \u00a0]\d\d[ \u00a0]\d\d[ \u00a0]\d\d|\d{4}[ \u00a0]\d{4})(?!\d)"
)


@lru_cache(maxsize=4096)
def _view_of(char: str) -> str:
    """What one character is in the view: "" (ignored), " " (a separator), an ASCII digit,
    or the character itself."""
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    if category in _SEPARATOR_CATEGORIES or char in _EXTRA_SEPARATORS:
        return " "
    if category == "Nd":
        return str(unicodedata.decimal(char))
    return char


def _view(text: str) -> tuple[str, list[int] | None]:
    """The text as the CPR pattern reads it, and for each of its characters the index in
    ``text`` (None: the same index, the view has as many characters as the text)."""
    if text.isascii():
        return text.translate(_ASCII_VIEW), None
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        seen = _view_of(char)
        if seen:
            chars.append(seen)
            where.append(index)
    return "".join(chars), where


def _cpr_findings(text: str) -> list[Finding]:
    if len(_DIGIT.findall(text)) < 10:  # fast path: most texts are not even candidates
        return []
    view, where = _view(text)
    found = []
    for match in _CPR_RE.finditer(view):
        start, end = match.start(), match.end()
        if where is not None:
            start, end = where[start], where[end - 1] + 1
        found.append(Finding(CPR, text[start:end], start, end))
    return found


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
    the position in the text as typed. ``where`` names the field when a service checked
    several (a setting's name), else "".
    """

    def __init__(self, findings: list[Finding], too_long: int | None = None, offset: int = 0,
                 where: str = ""):
        self.findings = findings
        self.too_long = too_long
        self.offset = offset
        self.where = where
        kinds = ", ".join(sorted({f.kind for f in findings})) or "none"
        place = f" in {where}" if where else ""
        super().__init__(f"free text refused{place} (findings: {kinds}; too long: {too_long})")


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def scan(text: str) -> list[Finding]:
    """Every CPR number, e-mail address and phone number in ``text``, by position."""
    cprs = _cpr_findings(text)
    emails = [Finding(EMAIL, m.group(), m.start(), m.end()) for m in _EMAIL_RE.finditer(text)]
    taken = cprs + emails
    phones = [Finding(PHONE, m.group(), m.start(), m.end()) for m in _PHONE_RE.finditer(text)]
    phones = [p for p in phones if not any(_overlaps(p, t) for t in taken)]
    return sorted(taken + phones, key=lambda f: (f.start, f.end))


def contains_cpr(text: str) -> bool:
    """True when ``text`` contains something written like a CPR number."""
    return bool(_cpr_findings(text))


def mask_cpr(text: str) -> str:
    """``text`` with every CPR number written as its shape (XXXXXX-XXXX, every letter
    and digit an X): for messages and
    logs that repeat what someone typed."""
    for found in reversed(_cpr_findings(text)):
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


_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})


def clean_name(text: str) -> str:
    """``text`` as a one-line name: control, format (zero-width, direction overrides) and
    unassigned characters removed, every run of white space one space, stripped."""
    kept = "".join(" " if char.isspace() else char for char in text
                   if char.isspace() or unicodedata.category(char) not in _INVISIBLE)
    return " ".join(kept.split())


def guard_name(text: str | None, *, max_length: int = NAME_MAX_LENGTH) -> str:
    """A name fit to store (desk, site, municipality, help line): :func:`clean_name`, or ""
    for None. Raise :class:`FreeTextRefused` when it holds a CPR number or is longer than
    ``max_length`` characters (positions refer to the cleaned name). A phone number or an
    e-mail address is accepted: a help line is one."""
    cleaned = clean_name(text or "")
    found = _cpr_findings(cleaned)
    too_long = len(cleaned) if len(cleaned) > max_length else None
    if found or too_long is not None:
        raise FreeTextRefused(found, too_long)
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


def cpr_in_structure(raw: object, where: str = "top level",
                     key: str = "") -> Iterator[tuple[str, str, str]]:
    """Every CPR number in a parsed file (TOML, JSON: tables, lists, texts, keys), as
    (place, what, masked shapes): place like ``errands 'pas' guide steps 'find'`` (a table
    in a list is named by its ``code``, else by its number), what like ``hint contains``."""
    if isinstance(raw, dict):
        if key:
            where = f"[{key}]" if where == "top level" else f"{where} {key}"
        for name, value in raw.items():
            if contains_cpr(str(name)):
                yield where, "a key", mask_cpr(str(name))
            yield from cpr_in_structure(value, where, str(name))
    elif isinstance(raw, list):
        for index, item in enumerate(raw):
            code = item.get("code") if isinstance(item, dict) else None
            label = f"'{code}'" if isinstance(code, str) and code else f"#{index + 1}"
            if isinstance(item, dict):
                yield from cpr_in_structure(
                    item, f"{key} {label}" if where == "top level" else f"{where} {key} {label}")
            else:
                yield from cpr_in_structure(item, where, f"{key} {label}")
    elif isinstance(raw, str):
        shapes = [f.masked for f in _cpr_findings(raw)]
        if shapes:
            yield where, f"{key or 'text'} contains what", ", ".join(shapes)
