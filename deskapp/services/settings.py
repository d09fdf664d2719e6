"""Settings: declared once with defaults and a version, upgraded in steps, written atomically.

Stored as JSON in the platform's config folder (see deskapp.paths). A damaged settings
file is kept aside and the defaults are used, so the counter still starts.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from deskapp.services.durable import fsync_folder

SETTINGS_VERSION = 2
BACKUPS_KEEP_RANGE = (1, 365)  # daily backups kept: at least one, at most a year


def _machine_desk() -> str:
    name = socket.gethostname().split(".")[0].strip()
    return name or "skranke-1"


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    desk: str = ""
    site: str = "Borgerservice"
    desk_confirmed: bool = False  # the first-start dialog has been answered
    channel: str = "fremmoede"
    language: str = "da"
    municipality: str = ""
    help_line: str = ""
    catalog_file: str = ""
    shared_folder: str = ""
    publish_minutes: int = 15
    retention_days: int = 30
    backup_folder: str = ""
    backups_keep: int = 14

    def __post_init__(self) -> None:
        if not self.desk:
            self.desk = _machine_desk()


def backup_folder_problem(folder: str) -> str | None:
    """Why ``folder`` cannot hold the backups, or None when it can (empty = the default).

    The folder is created if it is missing and a test file is written and removed, so the
    answer is the real one (permissions, a read-only disk, a file in the way): "relative"
    (a path must be absolute, or it would depend on where Skranke was started), "not_folder"
    (a file has that name) or "not_writable". Kinds only; the UI words them."""
    if not folder:
        return None
    path = Path(folder)  # stored and used as typed: "~" would be a folder named "~"
    if not path.is_absolute():
        return "relative"
    try:
        if path.exists() and not path.is_dir():
            return "not_folder"
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".skranke-write-test-"):
            pass
    except (FileExistsError, NotADirectoryError):
        return "not_folder"
    except OSError:
        return "not_writable"
    return None


def _v1_to_v2(data: dict) -> dict:
    """Version 1 called the desk 'counter' and had no separate site."""
    data = dict(data)
    if "counter" in data:
        data.setdefault("desk", data.pop("counter"))
    data.setdefault("site", "Borgerservice")
    return data


UPGRADES: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


def upgrade(data: dict) -> dict:
    version = int(data.get("version", 1))
    while version < SETTINGS_VERSION:
        data = UPGRADES[version](data)
        version += 1
    data["version"] = version
    return data


def load(path: Path) -> Settings:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        _keep_aside(path)
        return Settings()
    if int(data.get("version", 1)) > SETTINGS_VERSION:
        # Written by a newer Skranke: read what we understand, never write it back over.
        data = {k: v for k, v in data.items() if k != "version"}
    else:
        data = upgrade(data)
    known = {f.name: f.type for f in fields(Settings)}
    defaults = Settings()
    clean = {}
    for key, value in data.items():
        if key in known and type(value) is type(getattr(defaults, key)):
            clean[key] = value
    return Settings(**clean)


def save(settings: Settings, path: Path) -> None:
    """Write the settings; keys this version does not know (written by a newer Skranke)
    are kept, and so is a newer version number, so an older Skranke never erases them."""
    data = asdict(settings)
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        existing = None
    newer = isinstance(existing, dict) and isinstance(existing.get("version"), int) and \
        existing["version"] > SETTINGS_VERSION
    if newer:
        data = {**{k: v for k, v in existing.items() if k not in data}, **data,
                "version": existing["version"]}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2))


def write_atomic(path: Path, text: str) -> None:
    """Write a text file so a crash leaves either the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def _keep_aside(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.replace(path.with_suffix(path.suffix + ".damaged"))
