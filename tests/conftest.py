"""Shared fixtures: every test gets its own data folder and real SQLite files in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from deskapp import paths
from deskapp.services import catalog as catalog_service
from deskapp.services import settings as settings_service
from deskapp.services.journal import Journal
from tests.helpers.demo_journal import demo_path  # noqa: F401 (shared fixtures)
from tests.helpers.windows import make_window, show_window, window  # noqa: F401 (shared fixtures)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, logs, backups and the default journal live in a fresh folder, as on a counter
    PC that has been set up (desk confirmed), so a started app never stops at the first-start
    dialog. Tests of the first start make their own settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SKRANKE_HOME", str(home))
    monkeypatch.delenv("SKRANKE_JOURNAL", raising=False)
    settings_service.save(settings_service.Settings(desk="skranke-test", desk_confirmed=True),
                          paths.settings_file())
    return home


@pytest.fixture(autouse=True)
def danish_locale() -> None:
    """Numbers and dates as the app shows them in its default language (Danish), whatever
    language an earlier test switched to."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("da"))


@pytest.fixture(scope="session")
def catalog() -> catalog_service.Catalog:
    return catalog_service.load_default()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.skranke"


@pytest.fixture
def journal(journal_path: Path):
    with Journal(journal_path, desk="skranke-1", site="Rådhuset") as opened:
        yield opened
