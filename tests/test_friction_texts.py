"""Friction points in Danish ("Andet", not the code "other") and the *Andet* texts
ambassadors wrote, readable by the manager in the page and the workbook (issue 16.7): only
while retention keeps them, neutralised as formulas, and hidden with the cells they belong
to when a minimum count is set."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from deskapp.cli import main
from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports.friction_sheets import FRICTION, OTHER_TEXTS
from deskapp.services.exports.registry import run_export
from deskapp.services.exports.report_data import collect
from deskapp.services.exports.request import ExportRequest
from deskapp.services.journal import Journal, retention
from deskapp.services.settings import Settings
from deskapp.services.tallies import Query, Tally
from deskapp.ui.manager.manager_page import ManagerPage
from deskapp.ui.shell.operations import JournalHub
from tests.helpers import ui_walk
from tests.helpers.demo_journal import NOW

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SPAN = ["2027-W01", "2027-W02"]
KEPT = ("lejekontrakten er ikke tinglyst endnu", "borgeren kender ikke flyttedatoen")
PURGED = "skrevet i uge 1, slettet efter opbevaringstiden"
FORMULA = '=HYPERLINK("http://x")'


def stuck(journal: Journal, at: datetime, step: str, blocker: str, note: str | None = None) -> None:
    visit = journal.log_visit(errand="flytning", reason="failed", outcome="coached",
                              channel="fremmoede", at=at)
    journal.add_step_event(visit.id, step, "stuck", blocker, note)


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Moving notifications: "login" stuck three times with "Andet" (two texts in 2027-W02,
    one in W01 that retention erases), "adresse" once with a listed blocker."""
    monkeypatch.setattr(weeks, "now_utc", lambda: NOW)  # Friday of 2027-W02
    with Journal(tmp_path / "friction.skranke", desk="skranke-1", site="Rådhuset") as opened:
        stuck(opened, datetime(2027, 1, 5, 10, 0), "login", "other", PURGED)
        for hour, text in zip((9, 11), KEPT, strict=True):
            stuck(opened, datetime(2027, 1, 12, hour, 0), "login", "other", text)
        stuck(opened, datetime(2027, 1, 13, 9, 0), "adresse", "address_not_found")
        assert retention.purge_notes(opened, older_than_days=7, now=NOW) == 1
        yield opened


def export_xlsx(journal: Journal, catalog: Catalog, out: Path, min_count: int = 0) -> openpyxl.Workbook:
    run_export(journal, catalog, ExportRequest("tallies", "xlsx", SPAN, out, min_count=min_count))
    return openpyxl.load_workbook(out)


def test_friction_names_the_blockers_in_danish(journal: Journal, catalog: Catalog) -> None:
    rows = {r["step"]: r for r in Tally(journal, catalog).friction(Query(*SPAN))}
    assert rows["login"]["blockers"] == [("other", "Andet", 3)]
    assert rows["adresse"]["blockers"] == [("address_not_found", "Adressen findes ikke på listen", 1)]


def test_the_texts_are_read_while_retention_keeps_them(journal: Journal, catalog: Catalog) -> None:
    texts = collect(journal, catalog, Query(*SPAN)).other_texts
    assert [(t["week"], t["step"], t["text"]) for t in texts] == [
        ("2027-W02", "login", text) for text in sorted(KEPT)]  # the purged note is not there
    assert texts[0]["step_label"] == "Log ind med borgerens MitID."
    assert collect(journal, catalog, Query("2026-W40", "2026-W50")).other_texts == []


@pytest.fixture
def page(qtbot, journal: Journal, catalog: Catalog):
    widget = ManagerPage(JournalHub(journal, catalog), Settings(desk="skranke-1"))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.counting and widget.data is not None, timeout=30000)
    widget.tabs.setCurrentWidget(widget.friction)
    yield widget
    widget.wait_for_workers()


def notes(page: ManagerPage) -> list[str]:
    return [page.friction.notes.item(i).text() for i in range(page.friction.notes.count())]


def test_the_page_shows_andet_and_its_texts_by_keyboard(page: ManagerPage, qtbot) -> None:
    model = page.friction_model
    assert [r["step"] for r in model.rows] == ["login", "adresse"]
    assert model.index(0, 3).data() == "Andet (3)"
    assert model.index(1, 3).data() == "Adressen findes ikke på listen (1)"
    assert "other" not in " ".join(model.index(r, 3).data() for r in range(model.rowCount()))
    assert notes(page) == [f"2027-W02: {text}" for text in sorted(KEPT)]
    assert PURGED not in " ".join(notes(page))
    assert "(2)" in page.friction.caption.text()
    page.friction_view.setFocus()
    qtbot.keyClick(page.friction_view, Qt.Key.Key_Down)  # "adresse": no Andet texts
    assert notes(page) == [] and "ingen at vise" in page.friction.caption.text()
    qtbot.keyClick(page.friction_view, Qt.Key.Key_Up)
    assert len(notes(page)) == 2
    assert page.friction.notes.accessibleName() == "Andet-tekster"
    assert page.friction.notes.focusPolicy() & Qt.FocusPolicy.TabFocus
    chain = page.friction_view.nextInFocusChain()
    while not chain.focusPolicy() & Qt.FocusPolicy.TabFocus:
        chain = chain.nextInFocusChain()
    assert chain is page.friction.notes  # Tab from the table goes to the texts


def test_the_page_in_english_says_other(page: ManagerPage, qtbot) -> None:
    language = ui_walk.install_language("en")
    try:
        assert language.translators
        assert page.friction_model.index(0, 3).data() == "Other (3)"
        page.friction.show_texts(page.friction_model.rows[0])
        assert page.friction.caption.text().startswith("“Andet” (other) texts for")
    finally:
        language.remove()


def test_nothing_is_shown_once_retention_erased_the_texts(page: ManagerPage, journal: Journal, qtbot) -> None:
    retention.purge_notes(journal, older_than_days=0, now=datetime(2027, 2, 1, tzinfo=NOW.tzinfo))
    page.refresh()
    qtbot.waitUntil(lambda: not page.counting, timeout=30000)
    assert page.friction_model.index(0, 3).data() == "Andet (3)"  # the count stays
    assert notes(page) == [] and "ingen at vise" in page.friction.caption.text()


def test_workbook_has_an_andet_sheet_that_prints(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    stuck(journal, datetime(2027, 1, 14, 9, 0), "login", "other", FORMULA)
    book = export_xlsx(journal, catalog, tmp_path / "t.xlsx")
    friction = {row[1]: row[3] for row in book[FRICTION].iter_rows(min_row=2, values_only=True)}
    assert friction["Log ind med borgerens MitID."] == "Andet (4)"
    sheet = book[OTHER_TEXTS]
    assert [c.value for c in sheet[1]] == ["Uge", "Ærinde", "Trin", "Tekst"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    assert rows == [("2027-W02", "Anmeld flytning", "Log ind med borgerens MitID.", text)
                    for text in sorted((*KEPT, FORMULA))]
    cell = next(row[3] for row in sheet.iter_rows(min_row=2) if row[3].value == FORMULA)
    assert cell.data_type == "s" and cell.quotePrefix  # text, never run as a formula
    plain = next(row[3] for row in sheet.iter_rows(min_row=2) if row[3].value != FORMULA)
    assert cell.alignment.wrap_text == plain.alignment.wrap_text  # and wraps like the others
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1"
    assert PURGED not in {r[3] for r in rows}


def test_a_minimum_hides_the_texts_of_hidden_cells(journal: Journal, catalog: Catalog, tmp_path: Path,
                                                   capsys) -> None:
    """With --min-count 3, the three "Andet" of "login" are shown and so are their texts (the
    week blurred to the period: a week's count would be below the minimum); a single "Andet"
    of "adresse" is hidden, and its text with it."""
    stuck(journal, datetime(2027, 1, 13, 10, 0), "adresse", "other", "kan ikke finde opgangen")
    out = tmp_path / "min.xlsx"
    code = main(["export", "tallies", "--journal", str(journal.path), "--from", SPAN[0], "--to", SPAN[1],
                 "--format", "xlsx", "--out", str(out), "--min-count", "3"])
    assert code == 0, capsys.readouterr().err
    book = openpyxl.load_workbook(out)
    friction = {row[1]: row[3] for row in book[FRICTION].iter_rows(min_row=2, values_only=True)}
    assert friction["Log ind med borgerens MitID."] == "Andet (3)"
    assert "Andet (<3)" in friction["Skriv den nye adresse og vælg den på listen; angiv flyttedatoen."]
    texts = [row[3] for row in book[OTHER_TEXTS].iter_rows(min_row=2, values_only=True)]
    assert texts == sorted(KEPT)
    weeks_shown = {row[0] for row in book[OTHER_TEXTS].iter_rows(min_row=2, values_only=True)}
    assert weeks_shown == {"2027-W01 – 2027-W02"}
    unlimited = export_xlsx(journal, catalog, tmp_path / "all.xlsx")
    assert "kan ikke finde opgangen" in [r[3] for r in unlimited[OTHER_TEXTS].iter_rows(values_only=True)]


def test_the_page_with_a_minimum_hides_the_texts_of_a_hidden_cell(page: ManagerPage, journal: Journal,
                                                                  qtbot) -> None:
    stuck(journal, datetime(2027, 1, 13, 10, 0), "adresse", "other", "kan ikke finde opgangen")
    page.min_count.setValue(3)
    qtbot.waitUntil(lambda: not page.counting and page.data is not None and page.data.min_count == 3,
                    timeout=30000)
    model = page.friction_model
    login = next(r for r in range(model.rowCount()) if model.rows[r]["step"] == "login")
    adresse = next(r for r in range(model.rowCount()) if model.rows[r]["step"] == "adresse")
    page.friction_view.selectRow(adresse)
    assert "Andet (<3)" in model.index(adresse, 3).data()
    assert notes(page) == []
    page.friction_view.selectRow(login)
    period = f"{page.data.query.first} – {page.data.query.last}"  # not the week: see report_data
    assert notes(page) == [f"{period}: {text}" for text in sorted(KEPT)]


def test_the_texts_follow_the_desk_filter(journal: Journal, catalog: Catalog) -> None:
    assert collect(journal, catalog, Query(*SPAN, desks=("skranke-2",))).other_texts == []
    assert len(collect(journal, catalog, Query(*SPAN, desks=("skranke-1",))).other_texts) == 2


def test_the_pdf_names_the_blocker_andet(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    run_export(journal, catalog, ExportRequest("tallies", "pdf", SPAN, out))
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Andet (3)" in text and "other (" not in text
