"""The manager page: the range picker drives the tables, drill-down, import and exports."""

from __future__ import annotations

import errno
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from deskapp.services import digital_counts, exports, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports import ExportError, atomic_output
from deskapp.services.journal import Journal
from deskapp.services.settings import Settings
from deskapp.services.tallies import Query, Tally
from deskapp.ui.manager.digital_import import rejected_text
from deskapp.ui.manager.manager_exports import export_error_text
from deskapp.ui.manager.manager_page import ManagerPage
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.operations import JournalHub
from deskapp.ui.widgets.week_range_picker import CUSTOM, LAST_WEEK, THIS_WEEK
from tests.helpers.demo_journal import NOW

# The offscreen platform plugin warns once when a top-level window is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def hub(demo_path: Path, tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(weeks, "now_utc", lambda: NOW)  # "this week" is 2027-W02
    copy = tmp_path / "copy.skranke"
    copy.write_bytes(demo_path.read_bytes())
    journal = Journal(copy)
    yield JournalHub(journal, catalog)
    journal.close()


def counted(qtbot, page: ManagerPage) -> None:
    """Wait until the recount started by the last change is on screen."""
    qtbot.waitUntil(lambda: not page.counting, timeout=30000)


@pytest.fixture
def page(qtbot, hub: JournalHub) -> ManagerPage:
    widget = ManagerPage(hub, Settings(desk="skranke-1", municipality="Testby Kommune"))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    counted(qtbot, widget)
    yield widget
    widget.wait_for_workers()


def table_total(page: ManagerPage) -> int:
    return sum(int(r["count"]) for r in page.errands_model.rows)


def test_default_range_is_last_four_weeks(page: ManagerPage, hub: JournalHub) -> None:
    assert page.picker.current_range() == ("2026-W52", "2027-W02")
    expected = len(hub.journal.counted_visits("2026-W52", "2027-W02"))
    assert table_total(page) == expected
    assert expected >= 1000  # so the Danish thousands separator shows
    assert f"{expected:,} henvendelser".replace(",", ".") in page.summary.text()
    assert "2026-W52 – 2027-W02" in page.summary.text()


def test_range_picker_changes_the_tables(page: ManagerPage, hub: JournalHub, catalog: Catalog, qtbot) -> None:
    tally = Tally(hub.journal, catalog)
    four_weeks = table_total(page)
    page.picker.preset.setCurrentIndex(THIS_WEEK)
    assert page.summary.text() == "Tæller op …"  # counted on the worker, the window stays live
    counted(qtbot, page)
    assert page.picker.current_range() == ("2027-W02", "2027-W02")
    this_week = tally.totals(Query("2027-W02"))["visits"]
    assert table_total(page) == this_week < four_weeks
    assert sum(int(c["count"]) for c in page.channels_model.rows) == this_week
    page.picker.preset.setCurrentIndex(LAST_WEEK)
    counted(qtbot, page)
    assert table_total(page) == tally.totals(Query("2027-W01"))["visits"]
    hours_total = sum(page.hours_model.counts.values())
    assert hours_total == table_total(page)


def test_custom_range(page: ManagerPage, hub: JournalHub, qtbot) -> None:
    page.picker.preset.setCurrentIndex(CUSTOM)
    page.picker.first_edit.setText("2026-w53")
    page.picker.last_edit.setText("2026-W53")
    page.picker.last_edit.editingFinished.emit()
    counted(qtbot, page)
    assert page.query is not None and page.query.span == ["2026-W53"]
    assert table_total(page) == len(hub.journal.counted_visits("2026-W53"))
    page.picker.first_edit.setText("2027-W53")
    page.picker.first_edit.editingFinished.emit()
    assert "2026-W48" in page.picker.problem.text()
    assert page.query.span == ["2026-W53"]  # a bad week leaves the tables as they were


def test_drill_down_from_errand_to_reasons_and_outcomes(page: ManagerPage, hub: JournalHub, qtbot) -> None:
    counted = [v for v in hub.journal.counted_visits("2026-W52", "2027-W02") if v.errand == "laegeskift"]
    row = next(i for i, r in enumerate(page.errands_model.rows) if r["errand"] == "laegeskift")
    rect = page.errands_view.visualRect(page.errands_model.index(row, 0))
    page.tabs.setCurrentIndex(0)
    page.errands_view.scrollTo(page.errands_model.index(row, 0))
    rect = page.errands_view.visualRect(page.errands_model.index(row, 0))
    qtbot.mouseClick(page.errands_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_errand() == "laegeskift"
    assert "Lægeskift" in page.drill.title.text()
    reasons = {label: value for label, value, _ in page.drill.reasons.bars}
    expected = Counter(page.catalog.label("reasons", v.reason) for v in counted)
    assert reasons == expected
    outcomes = {label: value for label, value, _ in page.drill.outcomes.bars}
    assert outcomes == Counter(page.catalog.label("outcomes", v.outcome) for v in counted)


def test_double_click_in_pivot_drills_down(page: ManagerPage) -> None:
    page.tabs.setCurrentIndex(2)
    index = page.outcomes_model.index(3, 2)
    errand = page.outcomes_model.code_at(3)
    page.outcomes_view.doubleClicked.emit(index)
    assert page.tabs.currentIndex() == 0
    assert page.selected_errand() == errand


def test_shares_and_friction_tables(page: ManagerPage, hub: JournalHub, catalog: Catalog) -> None:
    tally = Tally(hub.journal, catalog)
    query = Query("2026-W52", "2027-W02")
    shares = {r["errand"]: r for r in tally.shares_by_errand(query)}
    shown = {r["errand"] for r in page.shares_model.rows}
    assert "flytning" in shown and "pas" not in shown  # only errands with a digital solution
    row = next(i for i, r in enumerate(page.shares_model.rows) if r["errand"] == "flytning")
    text = page.shares_model.index(row, 4).data()
    assert text == f"{shares['flytning']['digital_share'] * 100:.0f} %"
    assert page.friction_model.rows[0]["count"] == tally.friction(query, 1)[0]["count"]
    assert page.shares_chart.goal == 0.80


def test_export_runs_on_worker_and_writes_file(page: ManagerPage, qtbot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    for fmt, button in (("xlsx", page.xlsx_button), ("pdf", page.pdf_button), ("csv", page.csv_button)):
        out = tmp_path / f"report.{fmt}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out, **k: (str(o), ""))
        with qtbot.waitSignal(page.export_done, timeout=60000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [str(out)]
        assert out.exists()
        assert page.csv_button.isEnabled()
    assert not page.exports.pending  # every worker's signals object was let go
    assert "xl/charts/chart1.xml" in zipfile.ZipFile(tmp_path / "report.xlsx").namelist()
    assert "Ærinder × årsager" in openpyxl.load_workbook(tmp_path / "report.xlsx").sheetnames
    assert "Testby Kommune" in PdfReader(tmp_path / "report.pdf").pages[0].extract_text()
    assert (tmp_path / "report.csv").read_text(encoding="utf-8-sig").startswith("week;desk;site")


def test_failed_export_says_so(page: ManagerPage, qtbot, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    out = tmp_path / "missing" / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(page.export_done, timeout=60000) as blocker:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [""]
    assert warnings == [f"Udtrækket blev ikke gemt.\n\nMappen {out.parent} findes ikke. Vælg en anden mappe."]
    assert not out.parent.exists()


def test_export_failures_are_said_in_danish(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    cases = [(tmp_path / "no" / "x.pdf", "findes ikke"), (folder, "er en mappe")]
    for out, words in cases:
        with pytest.raises(ExportError) as info, atomic_output(out, "wb"):
            pass
        assert words in export_error_text(info.value)
    os_error = PermissionError(errno.EACCES, "Permission denied")
    assert "ikke lov til at skrive" in export_error_text(exports._os_error(folder / "x.pdf", os_error))
    full = OSError(errno.ENOSPC, "No space left on device")
    assert "ikke plads på disken" in export_error_text(exports._os_error(folder / "x.pdf", full))


def test_import_digital_counts_from_the_page(page: ManagerPage, tmp_path: Path, qtbot,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = next(r for r in page.shares_model.rows if r["errand"] == "laegeskift")["digital"]
    good = tmp_path / "digital.csv"
    good.write_text("week;errand;count;source\n2027-W02;laegeskift;500;ekstra\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    page.import_button.click()
    assert shown == ["1 rækker læst: 1 nye, 0 ændrede, 0 uændrede."]
    counted(qtbot, page)
    after = next(r for r in page.shares_model.rows if r["errand"] == "laegeskift")["digital"]
    assert after == before + 500
    good.write_text("week;errand;count;source\n2027-W02;laegeskift;-1;ekstra\n", encoding="utf-8")
    page.import_button.click()
    assert shown[-1] == ("Filen blev ikke importeret, og intet er ændret.\n\n"
                         "Linje 2: Antallet '-1' er ikke et helt tal på 0 eller derover.")


@pytest.mark.parametrize("text", [
    "", "week;errand;antal;source\n2026-W47;flytning;5;x\n", "week;errand;count;source\n",
    "week;errand;count;source\n2026-W47;flytning;5\n", "week;errand;count;source\n2026-W47;flytning;;x\n",
    "week;errand;count;source\n2027-W53;flytning;5;x\n", "week;errand;count;source\n2026-W47;flytnig;5;x\n",
    "week;errand;count;source\n2026-W47;flytning;fem;x\n",
    "week;errand;count;source\n2026-W47;flytning;99999999;x\n",
    "week;errand;count;source\n2026-W47;flytning;5;x\n2026-W47;flytning;6;x\n",
])
def test_import_refusals_are_said_in_danish(text: str, catalog: Catalog) -> None:
    with pytest.raises(digital_counts.ImportRejected) as info:
        digital_counts.parse(text, catalog)
    danish = rejected_text(info.value)
    assert info.value.kind and danish != info.value.reason and "{" not in danish
    assert not any(word in danish for word in ("line", "the file", "count '", "header"))


def test_models_pass_the_model_tester(page: ManagerPage, qtmodeltester) -> None:
    for model in (page.errands_model, page.reasons_model, page.outcomes_model, page.channels_model,
                  page.shares_model, page.friction_model, page.hours_model):
        qtmodeltester.check(model)


def test_main_window_has_the_manager_tab(qtbot, hub: JournalHub) -> None:
    window = MainWindow(hub, Settings(desk="skranke-1"))
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.tabText(1) == "&Ledelse"
    assert window.tabs.widget(1) is window.manager
    assert window.manager.errands_model.rows == []  # nothing counted while the counter is in front
    window.tabs.setCurrentWidget(window.manager)
    counted(qtbot, window.manager)
    assert sum(int(r["count"]) for r in window.manager.errands_model.rows) == len(
        hub.journal.counted_visits("2026-W52", "2027-W02"))


def test_newest_range_wins_when_counts_overlap(page: ManagerPage, hub: JournalHub, qtbot) -> None:
    page.picker.preset.setCurrentIndex(THIS_WEEK)
    page.picker.preset.setCurrentIndex(LAST_WEEK)  # chosen before the first count arrived
    counted(qtbot, page)  # results arrive in order: the first count's came and was ignored
    assert page.data is not None and page.data.query.span == ["2027-W01"]
    assert table_total(page) == len(hub.journal.counted_visits("2027-W01"))
    qtbot.waitUntil(lambda: not page.counts.pending)


def test_progress_dialog_only_while_an_export_runs(page: ManagerPage) -> None:
    runner = page.exports
    runner._show_progress()  # the delayed check fires after the export already finished
    assert runner.progress is None
    runner.running = True  # the delayed check fires while the export still runs
    runner._show_progress()
    assert runner.progress is not None and runner.progress.isVisible()
    assert runner.progress.objectName() == "exportProgress"
    runner._finish()
    assert runner.progress is None and not runner.running


def test_shares_show_the_reference_and_the_distance_to_the_goal(page: ManagerPage, hub: JournalHub,
                                                               catalog: Catalog) -> None:
    page.tabs.setCurrentIndex(4)
    model = page.shares_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(i for i, r in enumerate(model.rows) if r["errand"] == "flytning")
    reference = model.index(row, headers.index("Reference")).data()
    assert reference == "64 % landsplan · 92 % Hjørring"  # the years and sources: drill-down, files
    share = model.rows[row]["digital_share"]
    goal = model.index(row, headers.index("Mod mål (80 %)")).data()
    assert goal == "nået" if share >= 0.8 else "procentpoint" in goal and "flere digitale om ugen" in goal


def test_drill_down_draws_the_weekly_share(page: ManagerPage) -> None:
    page.select_errand("flytning")
    assert page.data is not None
    assert page.drill.trend.points == page.data.trend("flytning")
    assert [w for w, _ in page.drill.trend.points] == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert any(share is not None for _, share in page.drill.trend.points)
    text = page.drill.goal.text()
    assert "Digital andel" in text and "Reference: 64 % (landsplan 2012)" in text
    assert "2026-W52" in page.drill.trend.accessibleDescription()


def test_discretion_on_the_page_hides_what_would_give_a_small_count_away(page: ManagerPage, qtbot) -> None:
    page.min_count.setValue(5)
    counted(qtbot, page)
    assert page.data is not None and page.data.min_count == 5
    shown = [page.errands_model.index(r, 1).data() for r in range(page.errands_model.rowCount())]
    small = [r for r in page.data.errands if int(r["count"]) < 5]
    assert small and shown.count("<5") == len(small)
    pivot = page.data.hidden
    assert pivot.secondary  # complementary cells are hidden too
    reasons = page.reasons_model
    hidden = [k for k in pivot.primary | pivot.secondary if k[0] == "reason"]
    assert hidden
    for _kind, errand, code in hidden:
        cell = reasons.index(reasons.pivot.errands.index(errand), reasons.pivot.columns.index(code) + 1)
        assert cell.data() in ("<5", "x")
    page.min_count.setValue(0)
    counted(qtbot, page)
    assert "<5" not in [page.errands_model.index(r, 1).data() for r in range(page.errands_model.rowCount())]


def test_the_period_and_desk_boxes_are_spoken_by_their_labels(page: ManagerPage) -> None:
    from tests.helpers.accessibility import spoken_label

    assert spoken_label(page.picker.preset) == "Periode:"
    assert spoken_label(page.desk_combo) == "Skranke:"


def test_visits_whose_errand_the_guard_dropped_are_shown_and_drilled_into(
        qtbot, hub: JournalHub) -> None:
    """A consolidation drops an errand code with a CPR number and keeps the visit (errand
    ''): the page counts those visits in a row of their own, and drilling into it works."""
    with hub.journal.db.atomic():
        hub.journal.db.execute("update visits set errand = '' where rowid % 5 = 0")
    widget = ManagerPage(hub, Settings(desk="skranke-1", municipality="Testby Kommune"))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    counted(qtbot, widget)
    try:
        visits = hub.journal.counted_visits("2026-W52", "2027-W02")
        assert table_total(widget) == len(visits)
        row = next(i for i, r in enumerate(widget.errands_model.rows) if r["errand"] in (None, ""))
        assert widget.errands_model.rows[row]["count"] == sum(1 for v in visits if not v.errand)
        assert widget.errands_model.index(row, 0).data() == "(ingen)"
        widget.tabs.setCurrentIndex(0)
        widget.errands_view.scrollTo(widget.errands_model.index(row, 0))
        rect = widget.errands_view.visualRect(widget.errands_model.index(row, 0))
        qtbot.mouseClick(widget.errands_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        dropped = sum(1 for v in visits if not v.errand)
        assert widget.drill.title.text() == f"<b>(ingen)</b>: {dropped} henvendelser"
        assert sum(value for _, value, _ in widget.drill.reasons.bars) == sum(
            1 for v in visits if not v.errand and v.reason) > 0
        pivot = widget.reasons_model
        labels = [pivot.index(r, 0).data() for r in range(pivot.rowCount())]
        assert "(ingen)" in labels and "None" not in labels
    finally:
        widget.wait_for_workers()
