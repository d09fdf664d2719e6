"""Crash logging shared by the app and the command line: the traceback goes to the log
folder, the user is shown one line naming the file."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path

from deskapp import paths


def log_unexpected(exc: BaseException) -> Path:
    """Write the traceback to the log folder and return the log file's path."""
    folder = paths.logs_dir()
    log_file = folder / "skranke.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with log_file.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(exc)))
    except OSError:
        logging.getLogger("skranke").exception("could not write the log file")
    return log_file
