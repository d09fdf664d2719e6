"""``deskapp publish`` and ``deskapp consolidate`` on the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deskapp.cli import main
from deskapp.services.catalog import Catalog
from tests.desk_helpers import make_desk

ROOT = Path(__file__).parents[1]


@pytest.fixture
def desks(tmp_path: Path, catalog: Catalog) -> list[Path]:
    paths = []
    for number in (1, 2):
        path = tmp_path / f"desk{number}.skranke"
        make_desk(path, catalog, f"Skranke {number}", "Rådhuset", number).close()
        paths.append(path)
    return paths


def test_publish_and_consolidate_end_to_end(tmp_path: Path, desks: list[Path],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    share = tmp_path / "share"
    share.mkdir()
    for number, desk in enumerate(desks, start=1):
        code = main(["publish", "--journal", str(desk), "--to", str(share),
                     "--desk", f"Skranke {number}", "--site", "Rådhuset"])
        assert code == 0
    out = capsys.readouterr().out
    assert "published" in out and str(share / "Rådhuset" / "Skranke-2.skranke") in out
    into = tmp_path / "site.skranke"
    assert main(["consolidate", "--into", str(into), str(share)]) == 0
    first = capsys.readouterr().out.splitlines()
    assert first[0].startswith("Rådhuset/Skranke 1: ") and " new, 0 updated, 0 unchanged visits" in first[0]
    assert first[-1].startswith("merged 2 snapshot(s) into ")
    assert main(["consolidate", "--into", str(into), str(share)]) == 0
    again = capsys.readouterr().out
    assert again.count(" 0 new, 0 updated, ") == 2


def test_publish_uses_settings_for_folder_desk_and_site(tmp_path: Path, desks: list[Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from deskapp import paths
    from deskapp.services import settings

    share = tmp_path / "share"
    share.mkdir()
    settings.save(settings.Settings(desk="Skranke 9", site="Bibliotek", shared_folder=str(share)),
                  paths.settings_file())
    assert main(["publish", "--journal", str(desks[0])]) == 0
    assert (share / "Bibliotek" / "Skranke-9.skranke").is_file()


def test_publish_to_missing_folder_fails_with_one_line(tmp_path: Path, desks: list[Path],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["publish", "--journal", str(desks[0]), "--to", str(tmp_path / "offline")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("deskapp: the shared folder ") and err.count("\n") == 1
    assert not (tmp_path / "offline").exists()


def test_publish_without_folder_or_journal_is_bad_input(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "--journal", str(tmp_path / "desk1.skranke")]) == 2
    assert "no shared folder" in capsys.readouterr().err
    assert main(["publish", "--journal", str(tmp_path / "none.skranke"), "--to", str(tmp_path)]) == 2
    assert "there is no journal" in capsys.readouterr().err
    assert not (tmp_path / "none.skranke").exists()


def test_consolidate_missing_folder_is_bad_input(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    into = tmp_path / "site.skranke"
    code = main(["consolidate", "--into", str(into), str(tmp_path / "offline")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("deskapp: ") and "does not exist" in err
    assert not into.exists()


def test_consolidate_with_nothing_usable_fails(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "x.skranke").write_bytes(b"garbage")
    code = main(["consolidate", "--into", str(tmp_path / "site.skranke"), str(share)])
    captured = capsys.readouterr()
    assert code == 1
    assert f"skipped {share / 'x.skranke'}: not a Skranke journal" in captured.out
    assert "nothing could be merged" in captured.err


def test_consolidate_needs_into_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["consolidate", "somewhere"]) == 2
    assert capsys.readouterr().err.startswith("deskapp: the following arguments are required: --into")


@pytest.mark.slow
def test_real_process_reports_skips_and_exits_zero(tmp_path: Path, desks: list[Path]) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "bad.skranke").write_bytes(b"\x00" * 4096)
    run = [sys.executable, "-m", "deskapp"]
    env_home = {"SKRANKE_HOME": str(tmp_path / "home"), "PATH": ""}
    published = subprocess.run(
        [*run, "publish", "--journal", str(desks[0]), "--to", str(share), "--desk", "D1", "--site", "S"],
        cwd=ROOT, capture_output=True, text=True, env=env_home, check=False)
    assert published.returncode == 0, published.stderr
    result = subprocess.run(
        [*run, "consolidate", "--into", str(tmp_path / "site.skranke"), str(share)],
        cwd=ROOT, capture_output=True, text=True, env=env_home, check=False)
    assert result.returncode == 0, result.stderr
    assert "S/D1: " in result.stdout
    assert f"skipped {share / 'bad.skranke'}: not a Skranke journal" in result.stdout
    assert "Traceback" not in result.stderr


def test_publish_refuses_a_desk_name_with_a_cpr_number(tmp_path: Path, desks: list[Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    share = tmp_path / "share"
    share.mkdir()
    code = main(["publish", "--journal", str(desks[0]), "--to", str(share), "--desk", "Skranke 010190-1234",
                 "--site", "Rådhuset"])
    err = capsys.readouterr().err
    assert code == 2 and "CPR number" in err and "010190" not in err
    assert list(share.iterdir()) == []


def test_consolidate_into_a_damaged_site_journal_fails_and_changes_nothing(
        tmp_path: Path, desks: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    share = tmp_path / "share"
    share.mkdir()
    code = main(["publish", "--journal", str(desks[0]), "--to", str(share), "--desk", "A", "--site", "S"])
    assert code == 0
    into = tmp_path / "site.skranke"
    into.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = into.read_bytes()
    assert main(["consolidate", "--into", str(into), str(share)]) == 2
    assert "damaged" in capsys.readouterr().err
    assert into.read_bytes() == before
