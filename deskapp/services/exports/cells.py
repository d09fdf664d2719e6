"""Cell values every CSV and XLSX export writes the same way: text a spreadsheet would run
as a formula is neutralised, and decimals follow the CSV flavour.

A text cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before looking) would be run as a formula when the file is opened:
a desk name from a snapshot could be ``=HYPERLINK(...)``. In a CSV such a cell gets a
leading apostrophe, which spreadsheets show as text and scripts can strip; in an XLSX the
cell is written as a string with Excel's "quote prefix", so it stays text even when
edited, and the value is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[-+]?\d+([.,]\d+)?$")


def is_formula_like(text: str) -> bool:
    return text.startswith(TRIGGERS) and not _NUMBER.match(text)


def safe(value: object) -> object:
    """A CSV cell: text that would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def safe_row(values: Sequence[object]) -> list[object]:
    return [safe(v) for v in values]


def decimal(value: object, comma: bool, places: int = 4) -> str:
    """A ratio or other decimal as CSV text; a decimal comma for the Danish flavour."""
    if value is None:
        return ""
    text = f"{float(value):.{places}f}"  # type: ignore[arg-type]
    return text.replace(".", ",") if comma else text


class SafeText:
    """Writes text cells of one workbook, quote-prefixed when they look like a formula."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self._quoted: dict[int, Format] = {}
        self._plain_quoted = wb.add_format({"quote_prefix": True})

    def write(self, sheet: Worksheet, row: int, col: int, text: str, fmt: Format | None = None) -> None:
        if is_formula_like(text):
            sheet.write_string(row, col, text, self._quote(fmt))
        elif fmt is None:
            sheet.write_string(row, col, text)
        else:
            sheet.write_string(row, col, text, fmt)

    def _quote(self, fmt: Format | None) -> Format:
        if fmt is None:
            return self._plain_quoted
        if id(fmt) not in self._quoted:
            props = {k: v for k, v in _props(fmt).items()}
            props["quote_prefix"] = True
            self._quoted[id(fmt)] = self.wb.add_format(props)
        return self._quoted[id(fmt)]


def _props(fmt: Format) -> dict[str, object]:
    """The properties this project's formats set, to make the same format quote-prefixed."""
    props: dict[str, object] = {}
    for name in ("bold", "italic", "text_wrap"):
        if getattr(fmt, name):
            props[name] = True
    if fmt.text_h_align:
        props["align"] = {1: "left", 2: "center", 3: "right"}.get(fmt.text_h_align, "left")
    if fmt.text_v_align:
        props["valign"] = {1: "top", 2: "vcenter", 3: "bottom"}.get(fmt.text_v_align, "top")
    for name in ("bg_color", "font_color"):
        if getattr(fmt, name):
            props[name] = getattr(fmt, name)
    for name in ("top", "bottom", "left", "right"):
        if getattr(fmt, name):
            props[name] = getattr(fmt, name)
    if fmt.font_size != 11:
        props["font_size"] = fmt.font_size
    if fmt.num_format not in (0, "", "General"):
        props["num_format"] = fmt.num_format
    return props
