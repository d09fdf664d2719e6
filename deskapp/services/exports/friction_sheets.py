"""The workbook's friction sheets: the steps where citizens got stuck with their blockers
(the catalogue's Danish labels, "Andet" for the guide's own blocker), and the *Andet*
texts ambassadors wrote, as far as retention keeps them and the discretion allows
(``report_data.other_texts``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deskapp.services.exports.tallies_xlsx import _Book

FRICTION, OTHER_TEXTS = "Friktion", "Andet-tekster"
NONE_GIVEN = "ingen angivet"


def friction(book: _Book) -> None:
    d = book.data
    sheet = book.table(FRICTION, ["Ærinde", "Trin", "Gået i stå", "Forhindringer"], [36, 50, 12, 70])
    for r, f in enumerate(d.friction, start=1):
        book.text.write(sheet, r, 0, str(f["errand_label"]))
        book.text.write(sheet, r, 1, str(f["step_label"]))
        book.count(sheet, r, 2, int(f["count"]), "stuck", f["errand"], f["step"])
        blockers = "; ".join(
            f"{label or NONE_GIVEN} ({d.show(n, 'blocker', f['errand'], f['step'], code)})"
            for code, label, n in f["blockers"])
        book.text.write(sheet, r, 3, blockers)


def other_texts(book: _Book) -> None:
    """Week, errand, step and text of every *Andet* text that may be shown; wrapped so a
    long text prints whole, one page wide like every sheet."""
    d = book.data
    sheet = book.table(OTHER_TEXTS, ["Uge", "Ærinde", "Trin", "Tekst"], [22, 32, 44, 70])
    wrap = book.wb.add_format({"text_wrap": True, "valign": "top"})
    for r, t in enumerate(d.other_texts, start=1):
        book.text.write(sheet, r, 0, str(t["week"]), wrap)
        book.text.write(sheet, r, 1, str(t["errand_label"]), wrap)
        book.text.write(sheet, r, 2, str(t["step_label"]), wrap)
        book.text.write(sheet, r, 3, str(t["text"]), wrap)
    if not d.other_texts:
        sheet.write_string(1, 0, "Ingen Andet-tekster at vise: ingen skrevet i perioden, slettet efter "
                                 "opbevaringstiden eller skjult af diskretionen.")
