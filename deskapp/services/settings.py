"""Settings: declared once with defaults and a version, upgraded in steps, written atomically.

Stored as JSON in the platform's config folder (see deskapp.paths). A damaged settings
file is kept aside and the defaults are used, so the counter still starts.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from deskapp.services import privacy
from deskapp.services.durable import atomic_output

SETTINGS_VERSION = 2
log = logging.getLogger("skranke.settings")


def _machine_desk() -> str:
    name = socket.gethostname().split(".")[0].strip()
    return name if name and not privacy.contains_cpr(name) else "skranke-1"


def setting(default: Any, *, bounds: tuple[int, int] | None = None,
            choices: tuple[str, ...] | None = None, restart: bool = False) -> Any:
    """Declare a setting: its default, the range a number must lie in (or the values a text
    may take), and whether a change takes effect only when Skranke is started again."""
    return field(default=default, metadata={"bounds": bounds, "choices": choices, "restart": restart})


@dataclass
class Settings:
    version: int = setting(SETTINGS_VERSION)
    desk: str = setting("", restart=True)
    site: str = setting("Borgerservice", restart=True)
    desk_confirmed: bool = setting(False)  # the first-start dialog has been answered
    channel: str = setting("fremmoede")
    # the counter's default for a new visit
    appointment: str = setting("drop_in", choices=("drop_in", "booked"))
    language: str = setting("da", restart=True)
    municipality: str = setting("")
    help_line: str = setting("")
    catalog_file: str = setting("", restart=True)
    reference_file: str = setting("")  # a municipality's own reference figures ("" = shipped)
    shared_folder: str = setting("")
    publish_minutes: int = setting(15, bounds=(1, 240))
    retention_days: int = setting(30, bounds=(1, 3650))
    backup_folder: str = setting("")
    backups_keep: int = setting(14, bounds=(1, 365))  # daily backups: at least one, at most a year

    def __post_init__(self) -> None:
        if not self.desk:
            self.desk = _machine_desk()


def bounds(name: str) -> tuple[int, int]:
    """The range a numeric setting must lie in (the dialogs use it for their spin boxes)."""
    declared: tuple[int, int] | None = {f.name: f.metadata["bounds"] for f in fields(Settings)}[name]
    assert declared is not None, f"{name} has no range"
    return declared


BACKUPS_KEEP_RANGE = bounds("backups_keep")


def changed(old: Settings, new: Settings) -> set[str]:
    """The names of the settings that differ."""
    return {f.name for f in fields(Settings) if getattr(old, f.name) != getattr(new, f.name)}


def needs_restart(names: set[str]) -> bool:
    """Whether a change of these settings takes effect only at the next start."""
    return any(f.metadata["restart"] for f in fields(Settings) if f.name in names)


# Names are free text that ends up on every visit, in file names and on handouts: they go
# through privacy.guard_name (no CPR number, no control characters, at most 60 characters).
NAMES = ("desk", "site", "municipality", "help_line")


def guarded_names(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with every name cleaned; raise privacy.FreeTextRefused (its ``where``
    names the setting) for a name with a CPR number or too long. The dialogs
    check first with their own words; this keeps a careless caller from storing one."""
    for name in NAMES:
        if isinstance(values.get(name), str):
            try:
                values[name] = privacy.guard_name(values[name])
            except privacy.FreeTextRefused as exc:
                raise privacy.FreeTextRefused(exc.findings, exc.too_long, where=name) from None
    return values


def _valid(name: str, value: object, default: object) -> bool:
    if type(value) is not type(default):
        return False
    if name in NAMES:
        try:
            guarded_names({name: value})
        except privacy.FreeTextRefused:
            return False
    declared = {f.name: f.metadata for f in fields(Settings)}[name]
    limits, choices = declared["bounds"], declared["choices"]
    if choices is not None and value not in choices:
        return False
    return limits is None or bool(limits[0] <= value <= limits[1])


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


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 called the desk 'counter' and had no separate site."""
    data = dict(data)
    if "counter" in data:
        data.setdefault("desk", data.pop("counter"))
    data.setdefault("site", "Borgerservice")
    return data


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
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
    known = {f.name for f in fields(Settings)}
    defaults = Settings()
    clean = {}
    for key, value in data.items():
        if key not in known:
            continue
        if _valid(key, value, getattr(defaults, key)):
            clean[key] = value
        else:  # a refused name is not repeated: it may hold a CPR number
            log.warning("settings: %s = %s in %s is not valid; using the default %r", key,
                        "(a refused name)" if key in NAMES else repr(value), path,
                        getattr(defaults, key))
    return Settings(**guarded_names(clean))


def save(settings: Settings, path: Path) -> None:
    """Write the settings; keys this version does not know (written by a newer Skranke)
    are kept, and so is a newer version number, so an older Skranke never erases them."""
    data = guarded_names(asdict(settings))
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
    with atomic_output(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def _keep_aside(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.replace(path.with_suffix(path.suffix + ".damaged"))
