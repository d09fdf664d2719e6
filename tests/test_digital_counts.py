"""import-digital: atomic (a bad row changes nothing) and idempotent (same file twice)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deskapp.services import digital_counts
from deskapp.services.catalog import Catalog
from deskapp.services.digital_counts import ImportRejected
from deskapp.services.journal import Journal

ROOT = Path(__file__).parents[1]
GOOD = "week;errand;count;source\n2026-W47;flytning;812;borger.dk\n2026-W47;laegeskift;120;borger.dk\n" \
       "2026-W48;flytning;790;borger.dk\n2026-W48;flytning;15;kommunens_loesning\n"


def stored(journal: Journal) -> list[tuple]:
    return [tuple(r.values()) for r in journal.db.query(
        "select week, errand, source, count, imported_utc from digital_counts order by 1, 2, 3")]


def write(tmp_path: Path, text: str, name: str = "digital.csv", bom: bool = True) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def test_good_file_is_stored(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    result = digital_counts.import_file(journal, catalog, write(tmp_path, GOOD))
    assert (result.rows, result.added, result.changed, result.unchanged) == (4, 4, 0, 0)
    rows = {(w, e, s): c for w, e, s, c, _ in stored(journal)}
    assert rows == {("2026-W47", "flytning", "borger.dk"): 812, ("2026-W47", "laegeskift", "borger.dk"): 120,
                    ("2026-W48", "flytning", "borger.dk"): 790,
                    ("2026-W48", "flytning", "kommunens_loesning"): 15}


def test_comma_file_without_bom_and_other_column_order(journal: Journal, catalog: Catalog,
                                                       tmp_path: Path) -> None:
    text = "Source,Week,Errand,Count\r\nborger.dk,2026-w7,boligstoette,42\r\n\r\n"
    result = digital_counts.import_file(journal, catalog, write(tmp_path, text, bom=False))
    assert result.added == 1
    assert stored(journal)[0][:4] == ("2026-W07", "boligstoette", "borger.dk", 42)


def test_same_file_twice_changes_nothing(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    digital_counts.import_file(journal, catalog, path)
    before = stored(journal)
    again = digital_counts.import_file(journal, catalog, path)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 4)
    assert stored(journal) == before  # not even the import time moved


def test_corrected_count_replaces_the_old_one(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    digital_counts.import_file(journal, catalog, write(tmp_path, GOOD))
    fixed = GOOD.replace("812", "815")
    result = digital_counts.import_file(journal, catalog, write(tmp_path, fixed, "fixed.csv"))
    assert (result.added, result.changed, result.unchanged) == (0, 1, 3)
    counts = {(w, e, s): c for w, e, s, c, _ in stored(journal)}
    assert counts[("2026-W47", "flytning", "borger.dk")] == 815
    assert len(counts) == 4


@pytest.mark.parametrize(("bad_line", "reason"), [
    ("2026-W60;flytning;5;borger.dk", "2026 has no week 60"),
    ("uge 47;flytning;5;borger.dk", "bad week"),
    ("2026-W47;flytnig;5;borger.dk", "unknown errand code 'flytnig'"),
    ("2026-W47;flytning;-5;borger.dk", "count '-5' is not a whole number"),
    ("2026-W47;flytning;5.5;borger.dk", "count '5.5' is not a whole number"),
    ("2026-W47;flytning;fem;borger.dk", "count 'fem'"),
    ("2026-W47;flytning;;borger.dk", "missing count"),
    ("2026-W47;flytning;5", "has 3 fields"),
    ("2026-W47;flytning;7;borger.dk", "repeats week 2026-W47"),
    ("2026-W47;flytning;5;sag 010190-1234", "the source field contains what looks like a CPR number"),
    ("0101901234;flytning;5;borger.dk", "the week field contains what looks like a CPR number"),
])
def test_bad_row_rejects_whole_file(journal: Journal, catalog: Catalog, tmp_path: Path, bad_line: str,
                                    reason: str) -> None:
    digital_counts.import_file(journal, catalog, write(tmp_path, GOOD, "first.csv"))
    before = stored(journal)
    lines = GOOD.splitlines()
    text = "\n".join([*lines[:3], bad_line, "2026-W49;sundhedskort;44;borger.dk"]) + "\n"
    with pytest.raises(ImportRejected) as info:
        digital_counts.import_file(journal, catalog, write(tmp_path, text.replace("812", "999")))
    assert info.value.line == 4  # the header is line 1
    assert reason in str(info.value)
    assert str(info.value).startswith("line 4: ")
    assert "1234" not in str(info.value)  # a CPR number is never repeated
    assert stored(journal) == before  # the good rows before it were not stored either


@pytest.mark.parametrize(("text", "reason"), [
    ("", "the file is empty"),
    ("week;errand;antal;source\n2026-W47;flytning;5;x\n", "the header lacks count"),
    ("week;errand;count;source\n", "no rows"),
])
def test_bad_header_or_empty_file(journal: Journal, catalog: Catalog, tmp_path: Path, text: str,
                                  reason: str) -> None:
    with pytest.raises(ImportRejected, match=reason):
        digital_counts.import_file(journal, catalog, write(tmp_path, text))
    assert stored(journal) == []


def test_not_utf8_is_rejected(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("week;errand;count;source\n2026-W47;flytning;5;kø\n".encode("latin-1"))
    with pytest.raises(ImportRejected, match="not UTF-8"):
        digital_counts.import_file(journal, catalog, path)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deskapp", "import-digital", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_cli_good_then_repeated(journal_path: Path, tmp_path: Path) -> None:
    Journal(journal_path).close()
    path = write(tmp_path, GOOD)
    first = run_cli("--journal", str(journal_path), str(path))
    assert first.returncode == 0, first.stderr
    assert "4 new, 0 changed, 0 unchanged" in first.stdout
    again = run_cli("--journal", str(journal_path), str(path))
    assert again.returncode == 0
    assert "0 new, 0 changed, 4 unchanged" in again.stdout


def test_cli_unknown_errand_one_line(journal_path: Path, tmp_path: Path) -> None:
    Journal(journal_path).close()
    before = journal_path.read_bytes()
    path = write(tmp_path, GOOD + "2026-W48;ukendt_aerinde;3;borger.dk\n")
    done = run_cli("--journal", str(journal_path), str(path))
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert lines == ["deskapp: digital.csv not imported, nothing changed: line 6: unknown errand code "
                     "'ukendt_aerinde'"]
    with Journal(journal_path) as journal:
        assert stored(journal) == []
    assert journal_path.read_bytes() == before


def test_cli_missing_file_and_journal(journal_path: Path, tmp_path: Path) -> None:
    done = run_cli("--journal", str(journal_path), str(tmp_path / "nope.csv"))
    assert done.returncode != 0 and done.stderr.startswith("deskapp: nope.csv not imported")
    done = run_cli("--journal", str(journal_path), str(write(tmp_path, GOOD)))
    assert done.returncode != 0 and done.stderr.startswith("deskapp: there is no journal")
    assert not journal_path.exists()
