"""A CPR number planted through every door of a desk (issue 14.2): the counter note, the
edit dialog, the guide's stuck note, ``deskapp log --note``, the names in the settings
(dialogs, settings file, ``--desk``/``--site``), a digital-count CSV and a catalogue.
Every door refuses it clearly without repeating the digits, and afterwards the raw bytes
of the desk journal, its WAL and the exported CSV, XLSX and PDF files do not hold it.

(Consolidation and publish have their own doors and tests.)"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QMessageBox, QTableView

from deskapp import paths
from deskapp.cli import main
from deskapp.services import catalog as catalog_service
from deskapp.services import digital_counts, privacy, weeks
from deskapp.services import settings as settings_service
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, JournalError
from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog
from deskapp.ui.settings.desk_dialog import DeskDialog
from deskapp.ui.settings.settings_dialog import SettingsDialog
from deskapp.ui.shell.main_window import MainWindow
from tests.helpers.keyboard import find, focused, key, start_visit

# One number, written the many ways a clerk or a script might write it.
FORMS = {
    "counter": "borger 13.05.77-4821 mødte op",
    "edit": "ret: 13 05 77 \u2013 4821",
    "guide": "kan ikke 1305\u200b774821",
    "log_year": "13.05.1977 4821",
    "log_underscore": "cpr.nr. 130577_4821",
    "log_slashes": "13/05/77/4821",
    "desk": "Skranke 130577-4821",
    "site": "Sted 13.05.77 4821",
    "municipality": "Kommune cpr1305774821",
    "help_line": "ring 13\u00a005\u00a077\u00a04821",
    "source": "kilde 13-05-77-4821",
    "catalog": "personnummer 13.05.77-4821",
}
NEEDLES = {*(form.encode() for form in FORMS.values()), b"1305774821", b"13051977",
           b"774821", b"77-4821", b"77 4821", b"77_4821", b"77/4821", "77\u20134821".encode()}
MARKER = "møde 22.09 kl. 11"  # the advised way of writing a date and time: stored


def visible_bytes(path: Path) -> bytes:
    """What a file holds: its raw bytes, plus the unpacked members of a workbook and the
    extracted text of a PDF (both are compressed, so raw bytes alone would prove nothing)."""
    raw = path.read_bytes()
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            raw += b"".join(book.read(name) for name in book.namelist())
    if path.suffix == ".pdf":
        raw += "".join(page.extract_text() for page in pypdf.PdfReader(path).pages).encode()
    return raw


def assert_no_cpr(blob: bytes, where: str) -> None:
    leaked = [needle for needle in NEEDLES if needle in blob]
    assert not leaked, f"{where} holds a planted CPR number"


def assert_refusal_is_clear(text: str) -> None:
    assert "CPR-nummer" in text or "CPR number" in text
    assert_no_cpr(text.encode(), "the refusal")
    assert "4821" not in text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: shown.append(args[2])))
    return shown


def save_at_the_counter(qtbot, window: MainWindow, note: str) -> None:
    window.counter.note_edit.setText(note)
    qtbot.keyClicks(window.counter.errand_search, "pas")
    qtbot.keyClick(window.counter.errand_search, Qt.Key.Key_Return)
    qtbot.keyClicks(window.counter.reasons.list, "1")
    qtbot.keyClicks(window.counter.outcomes.list, "1")


def test_a_cpr_number_through_every_desk_door_is_refused_and_never_stored(
        qtbot, window: MainWindow, journal: Journal, journal_path: Path, catalog: Catalog,
        tmp_path: Path, capsys, warnings_shown: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # 1. The counter note: refused, the visit stays open; the advised writing is saved.
    save_at_the_counter(qtbot, window, FORMS["counter"])
    [refusal] = warnings_shown
    assert_refusal_is_clear(refusal)
    assert "kl. 11" in refusal  # says how to write a date and a time
    assert [v.status for v in journal.visits()] == ["open"]
    window.counter.note_edit.setText(MARKER)
    qtbot.keyClicks(window.counter.outcomes.list, "1")
    [visit] = journal.visits()
    assert (visit.status, visit.note) == ("saved", MARKER)

    # 2. The edit dialog, opened from today's list.
    def type_and_save(dialog: EditVisitDialog) -> int:
        dialog.show()
        dialog.note_edit.setText(FORMS["edit"])
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter = Save: refused
        assert dialog.result() != EditVisitDialog.DialogCode.Accepted
        assert dialog.isVisible() and dialog.note_edit.text() == FORMS["edit"]
        dialog.reject()  # the clerk gives up
        return dialog.result()

    monkeypatch.setattr(EditVisitDialog, "exec", type_and_save)
    table = find(window, QTableView, "todayTable")
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert len(warnings_shown) == 2
    assert_refusal_is_clear(warnings_shown[1])
    assert journal.visit(visit.id).note == MARKER

    # 3. The guide's "Andet" stuck note.
    start_visit(qtbot, window, "boligstøtte", "2")
    key(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, "f")
    key(qtbot, str(find(window, QListWidget, "guideBlockerList").count()))  # "Andet"
    assert focused() == "guideBlockerNote"
    find(window, QLineEdit, "guideBlockerNote").setText(FORMS["guide"])  # QTest cannot type U+200B
    key(qtbot, Qt.Key.Key_Return)
    assert len(warnings_shown) == 3
    assert_refusal_is_clear(warnings_shown[2])
    assert focused() == "guideBlockerNote"
    assert all(journal.step_events(v.id) == [] for v in journal.visits())

    # 4. deskapp log --note, in several forms; the advised writing is logged.
    for name in ("log_year", "log_underscore", "log_slashes"):
        code, out, err = run(capsys, "log", "--journal", str(journal_path), "--errand", "pas",
                             "--reason", catalog.reasons[0].code,
                             "--outcome", catalog.outcomes[0].code, "--note", FORMS[name])
        assert code != 0 and out == ""
        assert_refusal_is_clear(err)
        assert "'22.09 kl. 11'" in err
    code, _out, _err = run(capsys, "log", "--journal", str(journal_path), "--errand", "pas",
                           "--reason", catalog.reasons[0].code,
                           "--outcome", catalog.outcomes[0].code, "--note", MARKER + " igen")
    assert code == 0

    # 5. Names: the settings dialog, the desk dialog, the settings file, --desk and --site.
    dialog = SettingsDialog(settings_service.Settings(desk="skranke-1"), window)
    qtbot.addWidget(dialog)
    for field in ("deskEdit", "siteEdit", "municipalityEdit", "helpLineEdit"):
        edit = dialog.findChild(QLineEdit, field)
        before = edit.text()
        edit.setText(FORMS[{"deskEdit": "desk", "siteEdit": "site",
                            "municipalityEdit": "municipality", "helpLineEdit": "help_line"}[field]])
        dialog.accept()
        assert dialog.result() != SettingsDialog.DialogCode.Accepted
        error = dialog.findChild(QLabel, "settingsError").text()
        assert_refusal_is_clear(error)
        assert edit.accessibleName() in error  # names the field
        edit.setText(before)
    desk_dialog = DeskDialog(settings_service.Settings(desk="skranke-1"), parent=window)
    qtbot.addWidget(desk_dialog)
    desk_dialog.site_edit.setText(FORMS["site"])
    desk_dialog.accept()
    assert desk_dialog.result() != DeskDialog.DialogCode.Accepted
    assert_refusal_is_clear(desk_dialog.findChild(QLabel, "deskDialogError").text())
    assert desk_dialog.config.site == "Borgerservice"

    settings_file = paths.settings_file()
    data = json.loads(settings_file.read_text(encoding="utf-8"))
    data.update(desk=FORMS["desk"], site=FORMS["site"], municipality=FORMS["municipality"],
                help_line=FORMS["help_line"])
    settings_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = settings_service.load(settings_file)
    assert (loaded.site, loaded.municipality, loaded.help_line) == ("Borgerservice", "", "")
    assert not privacy.contains_cpr(loaded.desk)
    with pytest.raises(privacy.FreeTextRefused) as refused:
        settings_service.save(settings_service.Settings(site=FORMS["site"]), tmp_path / "s.json")
    assert refused.value.where == "site"
    assert not (tmp_path / "s.json").exists()

    for args in (["run", "--desk", FORMS["desk"], "--smoke"],
                 ["export", "tallies", "--journal", str(journal_path), "--from", weeks.this_week(),
                  "--format", "pdf", "--out", str(tmp_path / "x.pdf"), "--site", FORMS["site"]]):
        code, out, err = run(capsys, *args)
        assert code != 0 and out == ""
        assert_refusal_is_clear(err)
    assert not (tmp_path / "x.pdf").exists()

    # 6. A digital-count CSV with the number in its source column.
    csv_file = tmp_path / "digital.csv"
    csv_file.write_text(f"week,errand,count,source\n{weeks.this_week()},pas,12,{FORMS['source']}\n",
                        encoding="utf-8")
    code, out, err = run(capsys, "import-digital", "--journal", str(journal_path), str(csv_file))
    assert code != 0 and "source" in err
    assert_refusal_is_clear(err)

    # 7. A catalogue with the number in a guide hint: `catalog check` says where, the app
    # will not load it.
    text = paths.default_catalog().read_text(encoding="utf-8")
    start = text.index("hint = ")
    bad_catalog = tmp_path / "katalog.toml"
    bad_catalog.write_text(text[:start] + f'hint = "{FORMS["catalog"]}"\n'
                           + text[text.index("\n", start) + 1:], encoding="utf-8")
    code, out, err = run(capsys, "catalog", "check", str(bad_catalog))
    assert code != 0
    assert "errands 'flytning' guide steps" in err and "hint contains what looks like a CPR" in err
    assert_refusal_is_clear(err)
    with pytest.raises(catalog_service.CatalogError):
        catalog_service.load(bad_catalog)

    # Nothing of it is in the journal, its WAL or anything exported from it.
    week = weeks.this_week()
    exports = {"visits.csv": ("visits", "csv"), "visits.xlsx": ("visits", "xlsx"),
               "tallies.xlsx": ("tallies", "xlsx"), "tallies.pdf": ("tallies", "pdf")}
    for name, (kind, fmt) in exports.items():
        code, _out, err = run(capsys, "export", kind, "--journal", str(journal_path), "--from", week,
                              "--format", fmt, "--out", str(tmp_path / name))
        assert code == 0, err
    code, _out, err = run(capsys, "handout", "--errand", "flytning", "--out",
                          str(tmp_path / "handout.pdf"))
    assert code == 0, err
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert wal.exists()  # the window's journal is still open: the WAL holds the newest pages
    stored = journal_path.read_bytes() + wal.read_bytes()
    assert MARKER.encode() in stored  # control: the grep finds what was stored
    assert b"skranke-test" in visible_bytes(tmp_path / "visits.csv")  # control (no notes there)
    assert_no_cpr(stored, "the desk journal and its WAL")
    for name in [*exports, "handout.pdf"]:
        assert_no_cpr(visible_bytes(tmp_path / name), name)


# --- the journal's own write path: a caller that skips every check still cannot store one --


def test_every_journal_write_refuses_a_cpr_number(journal: Journal, journal_path: Path,
                                                  catalog: Catalog) -> None:
    reason, outcome = catalog.reasons[0].code, catalog.outcomes[0].code
    visit = journal.log_visit(errand="pas", reason=reason, outcome=outcome, channel="fremmoede")
    number = FORMS["log_year"]
    writes = {
        "log_visit": lambda: journal.log_visit(errand="pas", reason=reason, outcome=outcome,
                                               channel="fremmoede", note=number),
        "edit_visit": lambda: journal.edit_visit(visit.id, note=number),
        "update_open": lambda: journal.update_open(
            journal.start_visit("pas", channel="fremmoede"), note=number),
        "step note": lambda: journal.add_step_event(visit.id, "find", "stuck", "other", number),
        "coaching": lambda: journal.add_coaching_session([number], started=weeks.now_utc()),
        "meta value": lambda: journal.set_meta("note", number),
        "meta key": lambda: journal.set_meta(f"snapshot:{number}", "x"),
        "digital source": lambda: journal.store_digital_counts([(weeks.this_week(), "pas", number, 3)]),
        "bulk history": lambda: journal.bulk_load(
            visits=[], step_events=[], digital_counts=[],
            history=[{"visit_id": visit.id, "at_utc": "2026-01-01T00:00:00Z", "action": "edit",
                      "before": json.dumps({"note": number})}]),
    }
    for name, write in writes.items():
        with pytest.raises(JournalError) as refused:
            write()
        assert refused.value.kind == "cpr", name
        assert "4821" not in str(refused.value), name
    with Journal(journal_path, desk=FORMS["desk"], site="Borgerservice") as named, \
            pytest.raises(JournalError):
        named.start_visit("pas", channel="fremmoede")  # a desk name goes on every visit
    stored = journal_path.read_bytes() + journal_path.with_name(journal_path.name + "-wal").read_bytes()
    assert_no_cpr(stored, "the journal")


def test_every_cell_of_a_digital_csv_is_checked(catalog: Catalog) -> None:
    week = weeks.this_week()
    for text, column in ((f"week,errand,count,source,comment\n{week},pas,3,web,{FORMS['source']}\n",
                          "comment"),
                         (f"week,errand,count,source\n{week},pas,1305774821,web\n", "count"),
                         (f"week,errand,count,source,{FORMS['source']}\n{week},pas,3,web,x\n", "#5")):
        with pytest.raises(digital_counts.ImportRejected) as refused:
            digital_counts.parse(text, catalog)
        assert (refused.value.kind, refused.value.values["column"]) == ("cpr", column)
        assert "4821" not in str(refused.value)
