"""Print setup of every exported sheet: landscape A4, fit to one page wide, the header rows
repeated on every page, a footer with the page number."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

A4 = 9


def print_setup(sheet: Worksheet, header_rows: int = 1, title: str = "", first_row: int = 0) -> None:
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as it needs
    sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    if header_rows:
        sheet.repeat_rows(first_row, first_row + header_rows - 1)
    safe_title = title.replace("&", "&&")
    sheet.set_header(f"&L{safe_title}&RSkranke")
    sheet.set_footer("&CSide &P af &N")
