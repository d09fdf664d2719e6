"""Catalogue validation: every kind of problem is reported with file, entry and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskapp.cli import main
from deskapp.paths import default_catalog
from deskapp.services import catalog as catalog_service

GOOD_HEAD = """
[catalog]
version = "t1"
[[groups]]
code = "g"
label = "Gruppe"
[[reasons]]
code = "r"
label = "Årsag"
definition = "En årsag"
[[outcomes]]
code = "o"
label = "Resultat"
definition = "Et resultat"
[[channels]]
code = "fremmoede"
label = "Fremmøde"
[[errands]]
code = "andet"
label = "Andet ærinde"
group = "g"
no_digital = "Vejled efter behov"
"""

ERRAND = """
[[errands]]
code = "{code}"
label = "{label}"
group = "{group}"
{more}
[errands.entry]
name = "borger.dk"
url = "{url}"
"""


def write(tmp_path: Path, *errands: dict, extra: str = "") -> Path:
    text = GOOD_HEAD + "".join(
        ERRAND.format(**{"code": "e", "label": "Ærinde", "group": "g", "more": "",
                         "url": "https://www.borger.dk/x", **e}) for e in errands) + extra
    path = tmp_path / "katalog.toml"
    path.write_text(text, encoding="utf-8")
    return path


def check(path: Path, capsys) -> tuple[int, str]:
    code = main(["catalog", "check", str(path)])
    return code, capsys.readouterr().err


def test_shipped_catalogue_is_valid(capsys) -> None:
    assert main(["catalog", "check", str(default_catalog())]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "errands" in out


def test_a_good_small_catalogue_passes(tmp_path: Path, capsys) -> None:
    assert check(write(tmp_path, {}), capsys)[0] == 0


@pytest.mark.parametrize(("errands", "expected"), [
    ([{}, {}], "errands 'e': duplicate code"),
    ([{"group": "nope"}], "errands 'e': unknown group 'nope'"),
    ([{"url": "borger.dk/flytning"}], "errands 'e' entry: bad URL"),
    ([{"url": "https://"}], "errands 'e' entry: bad URL"),
    ([{"label": ""}], "errands 'e': missing label"),
    ([{"code": "Flytning!"}], "errands 'Flytning!': code must be lower-case"),
    ([{"more": 'synonymer = ["x"]'}],
     "errands 'e': unknown key 'synonymer' (did you mean 'synonyms'?)"),
    ([{"more": "kle = 23.05"}], "errands 'e': kle 23.05 must be a KLE number in quotes"),
    ([{"more": 'kle = "23.5"'}], "errands 'e': kle '23.5' must be a KLE number"),
])
def test_each_kind_of_problem_names_file_entry_and_reason(tmp_path: Path, capsys, errands,
                                                          expected) -> None:
    code, err = check(write(tmp_path, *errands), capsys)
    assert code != 0
    assert f"katalog.toml: {expected}" in err
    assert "Traceback" not in err


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path, capsys) -> None:
    code, err = check(write(tmp_path, {"group": "nope"}, {"code": "f", "label": ""}), capsys)
    assert code != 0
    assert "unknown group" in err and "missing label" in err
    assert "2 problem(s)" in err


def test_toml_syntax_error_is_reported(tmp_path: Path, capsys) -> None:
    path = tmp_path / "katalog.toml"
    path.write_text("[catalog\nversion = 1", encoding="utf-8")
    code, err = check(path, capsys)
    assert code != 0 and "TOML syntax error" in err


def test_missing_file_is_reported(tmp_path: Path, capsys) -> None:
    code, err = check(tmp_path / "none.toml", capsys)
    assert code != 0 and "file not found" in err


def test_guide_step_codes_must_be_unique(tmp_path: Path, capsys) -> None:
    step = '[[errands.guide.steps]]\ncode = "s"\ninstruction = "i"\nhint = "h"\ncitizen = "c"\n'
    guide = "[errands.guide]\nready = []\n" + step * 3 + (
        '[[errands.guide.blockers]]\ncode = "b"\nlabel = "B"\n')
    code, err = check(write(tmp_path, {}, extra=guide), capsys)
    assert code != 0 and "guide steps 's': duplicate code" in err


def test_search_folds_danish_letters_and_synonyms(catalog) -> None:
    assert catalog.search("blåt kort")[0].code == "eu_sygesikringskort"
    assert catalog.search("LAEGESKIFT")[0].code == "laegeskift"
    assert catalog.search("adresse")[0].code == "flytning"
    assert catalog.search("zzzz") == []


def test_misspelt_keys_everywhere_are_reported(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, {"url": 'https://www.borger.dk/x"\nnavn = "n'},
                 extra='[[reasons]]\ncode = "r2"\nlabel = "R"\ndefinitoin = "d"\n[oops]\nx = 1\n')
    code, err = check(path, capsys)
    assert code != 0
    assert "reasons 'r2': unknown key 'definitoin' (did you mean 'definition'?)" in err
    assert "reasons 'r2': missing definition" in err
    assert "errands 'e' entry: unknown key 'navn'" in err
    assert "katalog.toml: top level: unknown key 'oops'" in err


def test_a_valid_kle_number_passes(tmp_path: Path, capsys) -> None:
    assert check(write(tmp_path, {"more": 'kle = "23.05.04"'}), capsys)[0] == 0


def test_search_finds_compound_words_on_a_known_word(catalog) -> None:
    assert catalog.search("adresseændring")[0].code == "flytning"
    assert catalog.search("pasfoto")[0].code == "pas"
    assert [e.code for e in catalog.search("mitid")] == ["mitid"]  # 'mit' + 'id' is no compound


def test_a_cpr_number_anywhere_is_reported_with_its_place_and_never_repeated(
        tmp_path: Path, capsys) -> None:
    path = write(tmp_path, {"code": "pas", "label": "Pas 01.01.90-1234",
                            "more": 'synonyms = ["nyt pas", "cpr 0202021234"]\nno_digital = "x"'},
                 {"code": "e0303031234"},  # a code is lower-case letters and digits: one fits
                 extra='[[skills]]\ncode = "s"\nlabel = "Færdighed"\ndefinition = "ring 04 04 04 1234"\n')
    code, err = check(path, capsys)
    assert code == 1
    assert "errands 'pas': label contains what looks like a CPR number (written XX.XX.XX-XXXX)" in err
    assert "errands 'pas': synonyms #2 contains what looks like a CPR number" in err
    assert "errands 'eXXXXXXXXXX': code contains what looks like a CPR number" in err
    assert "skills 's': definition contains what looks like a CPR number" in err
    assert "1234" not in err
    with pytest.raises(catalog_service.CatalogError):
        catalog_service.load(path)


def test_catalog_check_reports_a_catalogue_without_andet_and_the_dialog_refuses_it(
        tmp_path: Path, capsys, qtbot) -> None:
    from deskapp.cli import main
    from deskapp.services import settings as settings_service
    from deskapp.ui.settings.settings_dialog import SettingsDialog

    source = default_catalog().read_text(encoding="utf-8")
    without = tmp_path / "uden-andet.toml"
    without.write_text(source.replace('code = "andet"', 'code = "andet"\nretired = true'),
                       encoding="utf-8")
    assert main(["catalog", "check", str(without)]) == 1
    reported = capsys.readouterr().err
    assert "errands 'andet': missing (or retired)" in reported
    assert main(["catalog", "check", str(default_catalog())]) == 0
    dialog = SettingsDialog(settings_service.Settings(desk="s1"))
    qtbot.addWidget(dialog)
    dialog.catalog_edit.setText(str(without))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "Katalogfilen kan ikke bruges" in dialog.error_label.text()
    assert "errands 'andet'" in dialog.error_label.text()
