"""The privacy guard: CPR numbers are refused, e-mail and phone numbers warn; every text
field of the app that stores text goes through it."""

from __future__ import annotations

import calendar
import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from deskapp.services import settings as settings_service
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, Visit
from deskapp.services.privacy import (
    NOTE_MAX_LENGTH,
    Finding,
    FreeTextRefused,
    contains_cpr,
    guard,
    scan,
    warnings,
)
from deskapp.ui.counter.edit_visit_dialog import EditVisitDialog
from deskapp.ui.shell.main_window import MainWindow

MODEST = settings(max_examples=200, deadline=None)

CPR_FORMS = ("{d}-{s}", "{d}{s}", "{d} {s}")
MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)

# Surrounding text: letters (with æøå), spaces and punctuation, never a digit.
NO_DIGITS = string.ascii_letters + "æøåÆØÅ" + " " + ".,:;!?()-/'\"#"
surrounding = st.text(alphabet=NO_DIGITS, max_size=40)


def days_in(month: int) -> int:
    """Days in a month, 29 for February (any year may be a leap year in its century)."""
    return 29 if month == 2 else calendar.monthrange(2001, month)[1]


@st.composite
def cpr_dates(draw: st.DrawFn) -> str:
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, days_in(month)))
    year = draw(st.integers(0, 99))
    return f"{day:02d}{month:02d}{year:02d}"


serials = st.integers(0, 9999).map(lambda n: f"{n:04d}")


def mod11_ok(digits: str) -> bool:
    return sum(int(c) * w for c, w in zip(digits, MOD11_WEIGHTS, strict=True)) % 11 == 0


def kinds(text: str) -> list[str]:
    return [f.kind for f in scan(text)]


def assert_refused_as_cpr(text: str) -> None:
    assert contains_cpr(text)
    with pytest.raises(FreeTextRefused) as refused:
        guard(text, max_length=10_000)
    assert [f.kind for f in refused.value.findings] == ["cpr"]
    assert refused.value.too_long is None


# --- CPR numbers are found ------------------------------------------------------------


@MODEST
@given(
    date=cpr_dates(),
    serial=serials,
    form=st.sampled_from(CPR_FORMS),
    before=surrounding,
    after=surrounding,
)
def test_any_plausible_cpr_in_any_form_and_surrounding_is_refused(
    date: str, serial: str, form: str, before: str, after: str
) -> None:
    number = form.format(d=date, s=serial)
    text = f"{before}{number}{after}"
    assert_refused_as_cpr(text)
    cprs = [f for f in scan(text) if f.kind == "cpr"]
    assert [(f.text, text[f.start : f.end]) for f in cprs] == [(number, number)]
    assert all(f.blocking for f in cprs)


@MODEST
@given(date=cpr_dates(), form=st.sampled_from(CPR_FORMS), before=surrounding, data=st.data())
def test_cpr_failing_modulus_11_is_refused(
    date: str, form: str, before: str, data: st.DataObject
) -> None:
    serial = data.draw(serials.filter(lambda s: not mod11_ok(date + s)))
    assert not mod11_ok(date + serial)  # control: really a post-2007 style number
    assert_refused_as_cpr(f"{before}{form.format(d=date, s=serial)}")


@MODEST
@given(date=cpr_dates(), form=st.sampled_from(CPR_FORMS), after=surrounding, data=st.data())
def test_cpr_passing_modulus_11_is_refused(
    date: str, form: str, after: str, data: st.DataObject
) -> None:
    # Build the last digit so the weighted sum is divisible by 11; skip when it would be 10.
    head = date + data.draw(st.integers(0, 999).map(lambda n: f"{n:03d}"))
    rest = -sum(int(c) * w for c, w in zip(head, MOD11_WEIGHTS[:9], strict=True)) % 11
    assume(rest < 10)
    serial = head[6:] + str(rest)
    assert mod11_ok(date + serial)  # control
    assert_refused_as_cpr(f"{form.format(d=date, s=serial)}{after}")


@pytest.mark.parametrize(
    "text",
    [
        "cpr:0101901234,",
        "nr.010190-1234.",
        "Borger (010190 1234) ønsker ny kode",
        "abc2902011234def",  # 29 February, any year
        "3112991234",
        "010190 - 1234",
        "0101901234 kr",  # a ten-digit run with a plausible date is flagged even as an amount
    ],
)
def test_cpr_examples_are_found(text: str) -> None:
    assert_refused_as_cpr(text)


def test_cpr_finding_text_is_kept_out_of_logs() -> None:
    finding = scan("nr. 010190-1234")[0]
    assert finding == Finding("cpr", "010190-1234", 4, 15)
    assert "1234" not in repr(finding)
    with pytest.raises(FreeTextRefused) as refused:
        guard("nr. 010190-1234")
    assert "010190" not in str(refused.value)


# --- Things that are not CPR numbers --------------------------------------------------


@MODEST
@given(text=st.text(alphabet=NO_DIGITS, max_size=120))
def test_ordinary_danish_text_has_no_findings(text: str) -> None:
    assert scan(text) == []
    assert not contains_cpr(text)


@MODEST
@given(
    month=st.integers(1, 12),
    year=st.integers(1900, 2099),
    template=st.sampled_from(
        [
            "{d:02d}-{m:02d}-{y}",
            "{d}/{m} {y}",
            "{d:02d}.{m:02d}.{y}",
            "{d:02d}{m:02d}{yy:02d}",
            "{y}-{m:02d}-{d:02d}",
            "d. {d}.{m}.{yy:02d} kl. {h:02d}:{mi:02d}",
        ]
    ),
    data=st.data(),
)
def test_dates_and_times_are_not_cpr(
    month: int, year: int, template: str, data: st.DataObject
) -> None:
    day = data.draw(st.integers(1, days_in(month)))
    hour, minute = data.draw(st.integers(0, 23)), data.draw(st.integers(0, 59))
    text = template.format(d=day, m=month, y=year, yy=year % 100, h=hour, mi=minute)
    assert not contains_cpr(text)
    assert guard(text) == text


@MODEST
@given(
    digits=st.text(alphabet=string.digits, min_size=8, max_size=8),
    form=st.sampled_from(["{a}{b}{c}{d}", "{a} {b} {c} {d}", "{a}{b} {c}{d}"]),
    prefix=st.sampled_from(["", "+45 ", "+45", "0045 ", "0045"]),
    before=surrounding.filter(lambda s: not s.endswith("+")),
    after=surrounding,
)
def test_phone_numbers_warn_and_are_not_cpr(
    digits: str, form: str, prefix: str, before: str, after: str
) -> None:
    a, b, c, d = (digits[i : i + 2] for i in range(0, 8, 2))
    number = prefix + form.format(a=a, b=b, c=c, d=d)
    text = f"{before} {number} {after}"
    assert not contains_cpr(text)
    assert [(f.kind, f.text) for f in scan(text)] == [("phone", number)]
    assert not warnings(text)[0].blocking
    assert guard(text, max_length=10_000) == text.strip()
    with pytest.raises(FreeTextRefused):
        guard(text, max_length=10_000, allow_warnings=False)


@MODEST
@given(
    amount=st.integers(1000, 10**12),
    decimals=st.booleans(),
    template=st.sampled_from(["{a} kr.", "kr. {a}", "{a},- kr", "DKK {a}"]),
)
def test_amounts_with_thousand_separators_are_not_cpr(
    amount: int, decimals: bool, template: str
) -> None:
    written = f"{amount:,}".replace(",", ".") + (",50" if decimals else "")
    text = template.format(a=written)
    assert not contains_cpr(text)
    assert scan(text) == []


@MODEST
@given(
    bad=st.one_of(
        st.tuples(st.integers(32, 99), st.integers(1, 12)),  # day out of range
        st.tuples(st.integers(1, 31), st.integers(13, 99)),  # month out of range
        st.tuples(st.just(0), st.integers(1, 12)),  # day 0
        st.tuples(st.integers(1, 31), st.just(0)),  # month 0
        st.sampled_from([2, 4, 6, 9, 11]).flatmap(  # a day that does not exist in the month
            lambda m: st.tuples(st.integers(days_in(m) + 1, 31), st.just(m))
        ),
    ),
    year=st.integers(0, 99),
    serial=serials,
    form=st.sampled_from(CPR_FORMS),
)
def test_impossible_dates_are_not_cpr(
    bad: tuple[int, int], year: int, serial: str, form: str
) -> None:
    day, month = bad
    text = "nr. " + form.format(d=f"{day:02d}{month:02d}{year:02d}", s=serial)
    assert not contains_cpr(text)
    # Negative control: the same serial with a real date is caught.
    assert contains_cpr("nr. " + form.format(d=f"0112{year:02d}", s=serial))


@pytest.mark.parametrize(
    "text",
    [
        "310290-1234",
        "320190-1234",
        "011390-1234",
        "000190-1234",
        "310490 1234",
        "300290-1234",
    ],
)
def test_impossible_cpr_examples(text: str) -> None:
    assert not contains_cpr(text)


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("99010190-1234", "99 010190-1234"),
        ("konto 12340101901234", "konto 1234 0101901234"),
        ("0101901234567890", "0101901234 567890"),
        ("123401019012345", "1234 010190 1234 5"),
    ],
)
def test_cpr_inside_longer_digit_runs_is_not_cpr(text: str, split: str) -> None:
    assert not contains_cpr(text)
    assert contains_cpr(split)  # control: split off from the run, the CPR is found


@pytest.mark.parametrize("text", ["010190123456", "0101901234567890", "12345678901234"])
def test_long_digit_runs_are_neither_cpr_nor_phone(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(
    "text",
    ["70 20 00 00", "12345678", "+45 12 34 56 78", "1.234.567 kr.", "12.500,50 kr", "10:30"],
)
def test_issue_negative_examples(text: str) -> None:
    assert not contains_cpr(text)


def test_phone_is_not_reported_inside_a_cpr_or_an_email() -> None:
    assert kinds("0101901234") == ["cpr"]
    assert kinds("010190-1234 5678") == ["cpr"]
    assert kinds("12345678@example.dk") == ["email"]
    assert kinds("010190 1234 ring 12 34 56 78") == ["cpr", "phone"]  # control


# --- E-mail, guard() -------------------------------------------------------------------


def test_email_warns_and_guard_honours_allow_warnings() -> None:
    text = "  Svar til jens.hansen@example.dk. Tak  "
    found = warnings(text)
    assert [(f.kind, f.text, f.blocking) for f in found] == [
        ("email", "jens.hansen@example.dk", False)
    ]
    assert text[found[0].start : found[0].end] == "jens.hansen@example.dk"
    assert not contains_cpr(text)
    assert guard(text) == "Svar til jens.hansen@example.dk. Tak"
    with pytest.raises(FreeTextRefused) as refused:
        guard(text, allow_warnings=False)
    assert [f.kind for f in refused.value.findings] == ["email"]
    assert refused.value.too_long is None
    # Positions refer to the stripped text.
    f = refused.value.findings[0]
    assert "Svar til jens.hansen@example.dk. Tak"[f.start : f.end] == f.text


def test_findings_are_in_order_of_position() -> None:
    text = "ring 12 34 56 78 eller a@b.dk, cpr 0101901234"
    assert kinds(text) == ["phone", "email", "cpr"]
    starts = [f.start for f in scan(text)]
    assert starts == sorted(starts)


def test_guard_refuses_cpr_even_with_warnings_allowed() -> None:
    with pytest.raises(FreeTextRefused) as refused:
        guard("a@b.dk 010190-1234", allow_warnings=True)
    assert [f.kind for f in refused.value.findings] == ["cpr"]
    assert isinstance(refused.value, ValueError)


def test_too_long_text_is_refused_with_its_length() -> None:
    at_limit = "a" * NOTE_MAX_LENGTH
    assert guard(f"  {at_limit}  ") == at_limit  # stripping happens before measuring
    with pytest.raises(FreeTextRefused) as refused:
        guard(at_limit + "b")
    assert refused.value.too_long == NOTE_MAX_LENGTH + 1
    assert refused.value.findings == []
    with pytest.raises(FreeTextRefused) as refused:
        guard("hej med dig", max_length=5)
    assert refused.value.too_long == 11


def test_too_long_and_cpr_are_both_reported() -> None:
    with pytest.raises(FreeTextRefused) as refused:
        guard("x" * 300 + " 0101901234")
    assert refused.value.too_long == 311
    assert [f.kind for f in refused.value.findings] == ["cpr"]


@pytest.mark.parametrize("empty", [None, "", "   ", "\n\t "])
def test_empty_text_is_none(empty: str | None) -> None:
    assert guard(empty) is None
    assert guard(empty, allow_warnings=False, max_length=0) is None


def test_clean_text_passes_stripped() -> None:
    assert guard("  Hjælp til MitID-app  ") == "Hjælp til MitID-app"


# --- Every text field of the app goes through the guard -------------------------------
# The guard is only as good as the fields that call it, so the app's own widgets are driven
# here: every editable text field of the main window and its dialogs is either a guarded
# free-text field or named below as configuration that is never about a citizen.

GUARDED_FIELDS = {"noteEdit", "guideBlockerNote", "editNote"}
CONFIGURATION_FIELDS = {
    "errandSearch",  # a search, never stored
    "weekFrom", "weekTo",  # week strings, parsed, never stored
    "deskEdit", "siteEdit", "municipalityEdit", "helpLineEdit", "sharedFolderEdit",
    "catalogFileEdit", "backupFolderEdit", "referenceFileEdit",  # settings dialog (paths)
    "deskNameEdit", "siteNameEdit",  # first-start desk dialog
    "consolidateFolderEdit", "consolidateIntoEdit",  # folder and file paths
}


def _text_fields(root: QWidget) -> set[str]:
    from tests.helpers import ui_walk

    found = set()
    for widget in ui_walk.all_widgets(root):
        editable = (
            (isinstance(widget, QLineEdit) and not widget.isReadOnly()
             and not ui_walk.is_internal_part(widget))
            or (isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.isReadOnly())
            or (isinstance(widget, QComboBox) and widget.isEditable())
        )
        if editable:
            found.add(widget.objectName() or f"<unnamed {type(widget).__name__}>")
    return found


def test_every_text_field_is_guarded_or_known_configuration(window: MainWindow) -> None:
    from tests.helpers import ui_walk

    found = _text_fields(window)
    for _name, factory in ui_walk.DIALOGS:
        dialog = factory(window.hub, window.config, window)
        found |= _text_fields(dialog)
        dialog.deleteLater()
    unknown = found - GUARDED_FIELDS - CONFIGURATION_FIELDS
    assert not unknown, f"new text fields: guard them with privacy.guard or list them: {unknown}"
    assert found >= GUARDED_FIELDS  # the guarded fields are really there (found by name)


def _visit_with_note(journal: Journal, catalog: Catalog, note: str) -> Visit:
    return journal.log_visit(errand="flytning", reason=catalog.reasons[0].code,
                             outcome=catalog.outcomes[0].code, channel="fremmoede", note=note)


def test_edit_dialog_refuses_a_cpr_and_keeps_the_text(qtbot, journal: Journal, catalog: Catalog,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    visit = _visit_with_note(journal, catalog, "kom med papirer")
    dialog = EditVisitDialog(catalog, visit)
    qtbot.addWidget(dialog)
    dialog.show()
    typed = "borgeren 0101901234 kom med papirer"
    dialog.note_edit.setText(typed)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter = Save
    [text] = shown
    assert "CPR-nummer (tegn 10-19: XXXXXXXXXX)" in text and "Fjern det" in text
    assert "0101901234" not in text  # the message box names the place, never the number
    assert dialog.isVisible() and dialog.result() != EditVisitDialog.DialogCode.Accepted
    assert dialog.note_edit.text() == typed
    assert journal.visit(visit.id).note == "kom med papirer"

    dialog.note_edit.setText("kom med papirer igen")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert dialog.result() == EditVisitDialog.DialogCode.Accepted
    assert dialog.changes()["note"] == "kom med papirer igen"


def test_long_note_with_a_cpr_names_both_problems(qtbot, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    note = window.findChild(QLineEdit, "noteEdit")
    typed = "x" * NOTE_MAX_LENGTH + " 010190-1234"
    note.setText(typed)
    qtbot.keyClicks(window.counter.errand_search, "pas")
    qtbot.keyClick(window.counter.errand_search, Qt.Key.Key_Return)
    qtbot.keyClicks(window.counter.reasons.list, "1")
    qtbot.keyClicks(window.counter.outcomes.list, "1")
    [text] = shown
    assert f"{NOTE_MAX_LENGTH + 12} tegn" in text and "CPR-nummer (tegn 202-212" in text
    assert "010190" not in text and "1234" not in text
    assert note.text() == typed
    assert window.hub.journal.visits()[0].status == "open"


def answer_questions(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Answer every yes/no question box with ``answer``; returns the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *a):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.mark.parametrize(("answer", "saved"), [(QMessageBox.StandardButton.No, False),
                                               (QMessageBox.StandardButton.Yes, True)])
def test_phone_number_in_a_note_asks_first(qtbot, window: MainWindow, answer, saved: bool,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer_questions(monkeypatch, answer)
    typed = "ring tilbage på 12 34 56 78"
    window.counter.note_edit.setText(typed)
    qtbot.keyClicks(window.counter.errand_search, "pas")
    qtbot.keyClick(window.counter.errand_search, Qt.Key.Key_Return)
    qtbot.keyClicks(window.counter.reasons.list, "1")
    qtbot.keyClicks(window.counter.outcomes.list, "1")
    [text] = asked
    assert "kontaktoplysninger (12 34 56 78)" in text
    [visit] = window.hub.journal.visits()
    if saved:
        assert (visit.status, visit.note) == ("saved", typed)
        assert window.counter.note_edit.text() == ""
    else:
        assert (visit.status, visit.note) == ("open", None)
        assert window.counter.note_edit.text() == typed


@pytest.mark.parametrize(("answer", "accepted"), [(QMessageBox.StandardButton.No, False),
                                                  (QMessageBox.StandardButton.Yes, True)])
def test_edit_dialog_asks_before_saving_contact_details(qtbot, journal: Journal, catalog: Catalog,
                                                        answer, accepted: bool,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer_questions(monkeypatch, answer)
    visit = _visit_with_note(journal, catalog, "kom med papirer")
    dialog = EditVisitDialog(catalog, visit)
    qtbot.addWidget(dialog)
    dialog.show()
    typed = "svar på mail til borger@example.dk"
    dialog.note_edit.setText(typed)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    [text] = asked
    assert "kontaktoplysninger (borger@example.dk)" in text
    assert (dialog.result() == EditVisitDialog.DialogCode.Accepted) is accepted
    assert dialog.note_edit.text() == typed
    if accepted:
        assert dialog.changes()["note"] == typed
    else:
        assert dialog.isVisible() and dialog.focusWidget() is dialog.note_edit


def test_edit_dialog_does_not_ask_again_about_a_note_already_saved(
        qtbot, journal: Journal, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """The note was saved with a yes at the counter: correcting the outcome asks nothing."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No))
    visit = journal.log_visit(errand="flytning", reason=catalog.reasons[0].code,
                              outcome=catalog.outcomes[0].code, channel="fremmoede")
    visit = journal.edit_visit(visit.id, note="ring 12 34 56 78")
    dialog = EditVisitDialog(catalog, visit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.combos["outcome"].setCurrentIndex(1)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert asked == []
    assert dialog.result() == EditVisitDialog.DialogCode.Accepted
    assert "note" not in dialog.changes()


def test_a_refused_name_in_the_settings_file_is_not_repeated_in_the_log(
        tmp_path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 2, "site": "Sted 010190-1234", "help_line": "70 20 00 00"}',
                    encoding="utf-8")
    with caplog.at_level("WARNING", logger="skranke.settings"):
        loaded = settings_service.load(path)
    assert (loaded.site, loaded.help_line) == ("Borgerservice", "70 20 00 00")
    assert "site" in caplog.text and "1234" not in caplog.text
