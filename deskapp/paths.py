"""Every file location Skranke uses, in one place.

Defaults follow the platform (platformdirs): on Linux ~/.local/share/Skranke and
~/.config/Skranke, on Windows %LOCALAPPDATA%\\Skranke. ``SKRANKE_HOME`` moves all of
them under one folder (tests, portable installs); ``SKRANKE_JOURNAL`` or ``--journal``
overrides the journal alone.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

import platformdirs

from deskapp import APP_NAME


def _home() -> Path | None:
    value = os.environ.get("SKRANKE_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_journal() -> Path:
    override = os.environ.get("SKRANKE_JOURNAL")
    return Path(override) if override else data_dir() / "journal.skranke"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def backups_dir() -> Path:
    return data_dir() / "backups"


def logs_dir() -> Path:
    return data_dir() / "logs"


def exports_dir() -> Path:
    return data_dir() / "exports"


def resources_dir() -> Path:
    """The shipped resources: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return _checkout() / "resources"


@lru_cache(maxsize=1)
def _checkout() -> Path:
    """The checkout this package lies in (resolved once: every refresh of the manager page
    asks for the reference figures' file)."""
    return Path(__file__).resolve().parent.parent


def default_catalog() -> Path:
    return resources_dir() / "catalog" / "catalog.toml"


def font_file(bold: bool = False) -> Path:
    return resources_dir() / "fonts" / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_file() -> Path:
    return resources_dir() / "icons" / "skranke.png"


def signing_key_file() -> Path:
    """This desk's private signing key (snapshots): in the user's own data folder, never on
    the shared folder; readable by the user only."""
    return data_dir() / "keys" / "snapshot-signing.pem"
