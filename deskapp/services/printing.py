"""Send a finished PDF file to a printer through the platform's own print system.

Skranke draws its PDFs with reportlab and cannot rasterise them itself (QtPdf is not bundled),
so the file goes to the spooler that already knows how to print PDF: CUPS ``lp`` on Linux and
macOS, the PDF application's "printto" verb on Windows. No Qt here: the UI asks for the printer
with the system print dialog and passes its name and copy count.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

LP_TIMEOUT_S = 20  # lp only hands the file to the spooler; it normally returns at once
SE_ERR_NOASSOC = 31  # ShellExecute: no program registered for the verb


class PrintError(Exception):
    """The file did not reach the printer. ``kind``: no_print_system or failed (reason)."""

    def __init__(self, message: str, kind: str, **values: object):
        super().__init__(message)
        self.kind = kind
        self.values = values


def print_system_available() -> bool:
    """True when there is a print system to hand a PDF to (CUPS ``lp``, or Windows)."""
    return sys.platform == "win32" or shutil.which("lp") is not None


def print_pdf(path: Path | str, printer: str, copies: int = 1) -> None:
    """Print ``path`` on ``printer`` (the system default when empty) ``copies`` times.

    Returns once the print system has accepted the job; raises PrintError otherwise.
    """
    target = Path(path)
    if not target.is_file():
        raise PrintError(f"{target} does not exist", "failed", reason="file missing")
    copies = max(1, int(copies))
    if sys.platform == "win32":
        _print_windows(target, printer, copies)
    else:
        _print_lp(target, printer, copies)


def _print_lp(target: Path, printer: str, copies: int) -> None:
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError("no lp command (CUPS) on this computer", "no_print_system")
    command = [lp, *(["-d", printer] if printer else []), "-n", str(copies), str(target)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=LP_TIMEOUT_S,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintError(f"lp failed: {exc}", "failed", reason=str(exc)) from exc
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        reason = lines[0] if lines else f"exit status {done.returncode}"
        raise PrintError(f"lp failed: {reason}", "failed", reason=reason)


def _print_windows(target: Path, printer: str, copies: int) -> None:  # pragma: no cover - Windows
    import ctypes

    shell32 = ctypes.WinDLL("shell32")  # type: ignore[attr-defined]
    shell32.ShellExecuteW.restype = ctypes.c_void_p
    verb, parameters = ("printto", f'"{printer}"') if printer else ("print", None)
    for _ in range(copies):  # "printto" has no copy count; each call is one job
        result = shell32.ShellExecuteW(None, verb, str(target), parameters, None, 0) or 0
        if result <= 32:
            reason = ("no PDF program that can print is installed" if result == SE_ERR_NOASSOC
                      else f"ShellExecute error {result}")
            raise PrintError(f"{verb} failed: {reason}",
                             "no_print_system" if result == SE_ERR_NOASSOC else "failed",
                             reason=reason)
