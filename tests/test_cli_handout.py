"""``deskapp handout``: a good run, and every kind of bad input as one line, nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from deskapp import paths

ROOT = Path(__file__).resolve().parents[1]


def deskapp(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deskapp", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.slow
def test_handout_writes_the_pdf_with_the_municipality_line(tmp_path: Path) -> None:
    settings = paths.settings_file()  # under the test's own SKRANKE_HOME
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"version": 2, "municipality": "Favrskov Kommune",
                                    "help_line": "89 64 10 10"}), encoding="utf-8")
    out = tmp_path / "flytning vejledning.pdf"
    result = deskapp("handout", "--errand", "flytning", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and result.stderr == ""
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Sådan gør du selv næste gang" in text and "Anmeld flytning" in text
    assert "Favrskov Kommune: 89 64 10 10" in text


@pytest.mark.slow
def test_handout_in_english_reads_english_from_the_pdf(tmp_path: Path) -> None:
    out = tmp_path / "moving.pdf"
    result = deskapp("handout", "--errand", "flytning", "--lang", "en", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Report a change of address" in result.stdout
    reader = pypdf.PdfReader(out)
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    for english in ("How to do it yourself next time", "Report a change of address",
                    "Have this ready", "How to do it", "Where to get help",
                    "Log in with your MitID and approve in the app"):
        assert english in text
    for danish in ("Sådan gør du selv", "Det skal du have klar", "Log ind med dit MitID"):
        assert danish not in text


def test_english_handout_without_english_texts_is_one_line(tmp_path: Path, capsys) -> None:
    from deskapp.cli import main

    source = (ROOT / "resources" / "catalog" / "catalog.toml").read_text(encoding="utf-8")
    untranslated = tmp_path / "catalog.toml"
    untranslated.write_text("\n".join(line for line in source.splitlines()
                                      if not line.startswith("citizen_en")), encoding="utf-8")
    out = tmp_path / "out.pdf"
    code = main(["handout", "--errand", "flytning", "--lang", "en", "--catalog",
                 str(untranslated), "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and not out.exists()
    assert len(err) == 1 and "no English texts for the guide 'flytning'" in err[0]
    assert main(["catalog", "check", str(untranslated)]) != 0
    reported = capsys.readouterr().err
    assert "errands 'flytning' guide: no English handout: missing citizen_en in step find" in reported


@pytest.mark.slow
@pytest.mark.parametrize(("errand", "target", "message"), [
    ("nope", "out.pdf", "unknown errand 'nope'"),
    ("andet", "out.pdf", "the errand 'andet' has no guide"),
    ("legitimationskort", "out.pdf", "has no guide"),
    ("flytning", "missing/out.pdf", "does not exist"),
    ("flytning", "a-file.txt/out.pdf", "does not exist"),
    ("flytning", "folder", "is a folder"),
])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, errand: str, target: str,
                                                   message: str) -> None:
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = deskapp("handout", "--errand", errand, "--out", str(tmp_path / target))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deskapp: ") and message in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_missing_arguments_are_reported_in_one_line(capsys) -> None:
    from deskapp.cli import main

    assert main(["handout", "--errand", "flytning"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--out" in err[0]
