"""Settings declare their range and whether a change needs a restart; load() enforces them."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from deskapp.services import settings as settings_service
from deskapp.services.settings import Settings


@pytest.mark.parametrize(("key", "value"), [
    ("retention_days", -5), ("retention_days", 0), ("retention_days", 99999),
    ("backups_keep", 0), ("publish_minutes", 100000), ("retention_days", "30"),
    ("desk_confirmed", "yes"), ("appointment", "sometimes"),
])
def test_a_value_out_of_range_loads_as_the_default_with_a_log_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, key: str, value: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "desk": "Skranke 3", key: value}), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="skranke.settings"):
        loaded = settings_service.load(path)
    assert getattr(loaded, key) == getattr(Settings(), key)
    assert loaded.desk == "Skranke 3"  # the valid rest is kept
    assert key in caplog.text and "default" in caplog.text


def test_values_inside_the_range_load_as_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    low, high = settings_service.bounds("retention_days")
    path.write_text(json.dumps({"version": 2, "retention_days": high, "backups_keep": 1}),
                    encoding="utf-8")
    loaded = settings_service.load(path)
    assert (loaded.retention_days, loaded.backups_keep) == (high, 1)
    assert low == 1


def test_which_changes_need_a_restart() -> None:
    old = Settings(desk="A")
    assert settings_service.needs_restart(settings_service.changed(old, Settings(desk="B")))
    assert settings_service.needs_restart(settings_service.changed(old, Settings(desk="A", language="en")))
    assert not settings_service.needs_restart(
        settings_service.changed(old, Settings(desk="A", retention_days=60, shared_folder="/x")))
    assert settings_service.changed(old, Settings(desk="A")) == set()
