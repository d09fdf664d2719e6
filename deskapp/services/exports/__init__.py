"""Exports: every format is written to a temporary file and renamed into place, so a
failed export never leaves a partial file behind.

Each format is one module with ``export(journal, catalog, request)``; ``registry`` says
which writes what, ``request`` is the typed ``ExportRequest``. This package imports none
of them (no import cycle).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from deskapp.services import durable


class ExportError(Exception):
    """The export cannot be written; the message says why in plain words.

    ``kind`` names the cause and ``values`` its details, so the app can say it in Danish:
    no_folder (path, folder), is_folder (path), not_allowed (path), disk_full (path),
    cannot_write (path, reason), wrong_format (what, fmt), empty_range, min_count, separator.
    """

    def __init__(self, message: str, kind: str = "", **values: object):
        super().__init__(message)
        self.kind = kind
        self.values = values


def _os_error(target: Path, exc: OSError) -> ExportError:
    kind = durable.os_error_kind(exc)
    reason = exc.strerror or str(exc)
    return ExportError(f"cannot write {target}: {reason}", "cannot_write" if kind == "missing" else kind,
                       path=str(target), reason=reason)


@contextmanager
def atomic_output(out: Path | str, mode: str = "w", **kwargs: object) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``out``; rename it into place only on success
    (:func:`deskapp.services.durable.atomic_output`, its OS errors as ExportError)."""
    target = Path(out)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist", "no_folder",
                          path=str(target), folder=str(folder))
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder", "is_folder", path=str(target))
    try:
        with durable.atomic_output(target, mode, **kwargs) as handle:
            yield handle
    except OSError as exc:
        raise _os_error(target, exc) from exc
