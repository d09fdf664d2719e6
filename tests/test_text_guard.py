"""The privacy guard a consolidation reads snapshot texts through (one call per row)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from deskapp.services.journal import text_guard


def _unclean(tmp_path: Path, values: tuple[object, ...]) -> int:
    path = tmp_path / "t.db"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        text_guard.register(conn)
        names = [f"c{n}" for n in range(len(values))]
        conn.execute(f"create table t ({', '.join(names)})")
        conn.execute(f"insert into t values ({', '.join('?' * len(values))})", values)
        return int(conn.execute(f"select skranke_unclean({text_guard.joined(names, 't')}) from t")
                   .fetchall()[0][0])
    finally:
        conn.close()


def test_plain_codes_and_nulls_are_clean(tmp_path: Path) -> None:
    assert _unclean(tmp_path, ("pas", None, "", "2026.1", 7)) == 0


def test_any_text_to_clean_makes_the_row_unclean(tmp_path: Path) -> None:
    assert _unclean(tmp_path, ("pas", "cpr 010190-1234")) == 1
    assert _unclean(tmp_path, ("pas", "x" * (text_guard.NOTE_MAX + 1))) == 1
    assert _unclean(tmp_path, ("a\x1bb", "pas")) == 1


def test_a_control_character_cannot_pass_as_a_separator(tmp_path: Path) -> None:
    assert _unclean(tmp_path, ("pas\x1fflytning",)) == 1


def test_a_number_is_judged_as_the_text_it_is_stored_as(tmp_path: Path) -> None:
    assert _unclean(tmp_path, (1010901234,)) == 1  # ten digits that read as a CPR number
