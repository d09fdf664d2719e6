"""The frozen build: build.spec produces a one-folder app that starts without Python.

Builds into tmp_path (so dist/ in the checkout is untouched), then runs the frozen
programs with a clean environment (no venv on PATH, no PYTHONPATH) and a temporary
SKRANKE_HOME. About 30-40 s on two cores, most of it PyInstaller's analysis.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent

# Lines the frozen app may print on stderr; anything else (a Qt warning, a missing plugin
# or library, a Python warning or traceback) fails the test.
ALLOWED_STDERR = (
    "This plugin does not support propagateSizeHints()",  # the offscreen platform plugin
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pyinstaller = VENV_BIN / "pyinstaller"
    if not pyinstaller.exists():
        pytest.fail("PyInstaller is missing from the venv: run scripts/setup.sh test")
    if not list((ROOT / "resources" / "translations").glob("*.qm")):
        subprocess.run(["bash", "scripts/translations.sh", "release"], cwd=ROOT, check=True,
                       env={**os.environ, "SKRANKE_VENV_BIN": str(VENV_BIN)})
    base = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "work"), "build.spec"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    folder = base / "dist" / "skranke"
    assert (folder / "skranke").exists() or (folder / "skranke.exe").exists()
    shutil.rmtree(base / "work", ignore_errors=True)
    return folder


def _program(folder: Path, name: str) -> str:
    exe = folder / (name + (".exe" if sys.platform == "win32" else ""))
    return str(exe)


def _env(home: Path) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin" if sys.platform != "win32" else os.environ["PATH"],
        "HOME": str(home),
        "SKRANKE_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",  # as on any desktop; Qt warns under the bare C locale
        # No system time zone database, as on Windows: Europe/Copenhagen must come from the
        # bundled tzdata package.
        "PYTHONTZPATH": "",
    }
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", "")
    return env


def _run(folder: Path, name: str, args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_program(folder, name), *args], cwd=home, env=_env(home),
                          capture_output=True, text=True, timeout=60)


def _unexpected(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if line.strip() and not any(allowed in line for allowed in ALLOWED_STDERR)]


def test_frozen_app_passes_smoke_in_danish(frozen_app: Path, tmp_path: Path) -> None:
    journal = tmp_path / "smoke.skranke"
    result = _run(frozen_app, "skranke", ["--smoke", "--journal", str(journal)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert _unexpected(result.stderr) == []
    assert f"smoke ok: {journal}" in result.stdout
    # Danish UI, and Qt's own Danish texts (standard buttons) were bundled and found.
    assert "&Skranke" in result.stdout and "Annuller" in result.stdout
    assert journal.exists()
    # The Qt the build bundled is the one pyproject.toml pins (see test_refcount_probe).
    pinned = re.search(r'"pyside6-essentials==([\d.]+)"', (ROOT / "pyproject.toml").read_text())
    assert pinned and f"PySide6 {pinned.group(1)}" in result.stdout


def test_frozen_app_switches_to_english(frozen_app: Path, tmp_path: Path) -> None:
    result = _run(frozen_app, "skranke", ["--smoke", "--lang", "en", "--journal",
                                          str(tmp_path / "en.skranke")], tmp_path)
    assert result.returncode == 0, result.stderr
    assert _unexpected(result.stderr) == []
    assert "&Counter" in result.stdout and "Cancel" in result.stdout


def test_frozen_command_line_finds_bundled_catalogue(frozen_app: Path, tmp_path: Path) -> None:
    result = _run(frozen_app, "deskapp", ["catalog", "check"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout
    assert str(frozen_app) in result.stdout  # the catalogue inside the bundle, not the checkout
    bad = _run(frozen_app, "deskapp", ["export", "visits", "--journal", str(tmp_path / "none.skranke"),
                                       "--from", "2026-W99", "--format", "csv",
                                       "--out", str(tmp_path / "x.csv")], tmp_path)
    assert bad.returncode != 0
    assert bad.stderr.startswith("deskapp: ") and "Traceback" not in bad.stderr


def test_frozen_command_line_fills_and_exports_a_journal(frozen_app: Path, tmp_path: Path) -> None:
    """sqlite, zoneinfo (Europe/Copenhagen weeks) and every export kind and format the
    command line offers work inside the bundle (reportlab and xlsxwriter import modules
    PyInstaller cannot see)."""
    from deskapp.cli import export_cmd
    from deskapp.services import weeks

    journal = tmp_path / "demo.skranke"
    demo = _run(frozen_app, "deskapp", ["demo", "--journal", str(journal), "--weeks", "1"], tmp_path)
    assert demo.returncode == 0, demo.stderr
    year, week, _day = weeks.local(weeks.now_utc()).isocalendar()
    written = set()
    for kind in export_cmd.KINDS:
        for fmt in export_cmd.FORMATS:
            out = tmp_path / f"{kind}.{fmt}"
            result = _run(frozen_app, "deskapp", ["export", kind, "--journal", str(journal), "--from",
                                                  f"{year}-W{week:02d}", "--format", fmt, "--out", str(out)],
                          tmp_path)
            # A combination the command does not offer is refused with one line; anything
            # unexpected (a module missing from the bundle) is a failure.
            assert "unexpected" not in result.stderr and "Traceback" not in result.stderr, result.stderr
            if result.returncode == 0:
                assert out.stat().st_size > 0
                written.add(fmt)
            else:
                assert result.stderr.startswith("deskapp: "), result.stderr
    assert written == set(export_cmd.FORMATS)
    smoke = _run(frozen_app, "skranke", ["--smoke", "--journal", str(journal)], tmp_path)
    assert smoke.returncode == 0 and _unexpected(smoke.stderr) == []


def test_frozen_publish_signs_and_consolidate_verifies(frozen_app: Path, tmp_path: Path) -> None:
    """The cryptography package (Ed25519 signatures) works inside the bundle."""
    journal = tmp_path / "demo.skranke"
    share = tmp_path / "share"
    share.mkdir()
    demo = _run(frozen_app, "deskapp", ["demo", "--journal", str(journal), "--weeks", "1"], tmp_path)
    assert demo.returncode == 0, demo.stderr
    published = _run(frozen_app, "deskapp", ["publish", "--journal", str(journal), "--to", str(share),
                                             "--desk", "D1", "--site", "S"], tmp_path)
    assert published.returncode == 0, published.stderr
    merged = _run(frozen_app, "deskapp", ["consolidate", "--into", str(tmp_path / "site.skranke"),
                                          str(share)], tmp_path)
    assert merged.returncode == 0, merged.stderr
    assert "trusted on first use" in merged.stdout and "Traceback" not in merged.stderr


def test_frozen_handout_pdf(frozen_app: Path, tmp_path: Path) -> None:
    """The citizen handout (reportlab with a QR code), where the command exists."""
    import importlib.util

    if importlib.util.find_spec("deskapp.cli.handout_cmd") is None:
        pytest.skip("no handout command in this checkout")
    out = tmp_path / "handout.pdf"
    result = _run(frozen_app, "deskapp", ["handout", "--errand", "flytning", "--out", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_frozen_folder_is_lean(frozen_app: Path) -> None:
    internal = frozen_app / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Network.so.6", "libQt6Pdf.so.6",
                     "Qt6Qml.dll", "Qt6Quick.dll", "Qt6Network.dll", "Qt6Pdf.dll", "_tkinter",
                     "designer_da.qm", "assistant_da.qm", "qtbase_de.qm"):
        assert not any(name.startswith(unwanted) for name in names), unwanted
    for wanted in ("catalog.toml", "skranke_en.qm", "DejaVuSans.ttf", "LICENSE-DejaVu.txt",
                   "skranke.png", "qtbase_da.qm", "Copenhagen"):
        assert wanted in names, wanted
    size = sum(p.stat().st_size for p in frozen_app.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"frozen folder: {size / 1e6:.0f} MB")
    assert size < 200e6


def test_frozen_app_lives_through_200_visits(frozen_app: Path, tmp_path: Path) -> None:
    """The keyboard flow typed 200 times into the frozen window (the test hook replays it):
    the process is still alive at the end and every visit is in the journal."""
    from deskapp.services import settings as settings_service
    from deskapp.services.journal import Journal

    settings_service.save(settings_service.Settings(desk="skranke-1", desk_confirmed=True),
                          tmp_path / "config" / "settings.json")  # a counter PC that has been set up
    journal = tmp_path / "day.skranke"
    script = tmp_path / "day.txt"
    errands = ("flyt", "sundhedskort", "pas", "folkepension")
    script.write_text("".join(f"text:{errands[n % len(errands)]}\nkey:Return\ntext:2\ntext:3\n"
                              for n in range(200)), encoding="utf-8")
    env = {**_env(tmp_path), "SKRANKE_SCRIPT": str(script)}
    proc = subprocess.Popen([_program(frozen_app, "skranke"), "--journal", str(journal)], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    threading.Thread(target=lambda: [lines.put(line.strip()) for line in proc.stdout], daemon=True).start()
    saved = 0
    try:
        while (line := lines.get(timeout=60)) != "done":
            saved += line.startswith("saved ")
        alive = proc.poll() is None
    finally:
        proc.terminate()
        _out, stderr = proc.communicate(timeout=30)
    assert alive, f"the frozen app died during the day: {stderr[-2000:]}"
    assert saved == 200, stderr[-2000:]
    with Journal(journal, create=False) as opened:
        assert len(opened.counted_visits()) == 200
