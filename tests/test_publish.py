"""Publishing a desk snapshot: atomic, consistent while the counter logs, clear failures."""

from __future__ import annotations

import errno
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from deskapp.services.catalog import Catalog
from deskapp.services.consolidate import consolidate
from deskapp.services.journal import Journal
from deskapp.services.journal.snapshot_check import inspect
from deskapp.services.publish import PublishError, _os_error, publish, safe_name, snapshot_path
from tests.helpers.desks import make_desk


@pytest.mark.parametrize(("given", "expected"), [
    ("Skranke 1", "Skranke-1"),
    ("Rådhuset Øst", "Rådhuset-Øst"),
    ("a/b\\c:d*e?", "a-b-c-d-e"),
    ("../..", "skranke"),
    ("  ", "skranke"),
    ("CON", "_CON"),
    ("lpt1.txt", "_lpt1.txt"),
    ("x" * 200, "x" * 60),
])
def test_names_are_safe_file_names(given: str, expected: str) -> None:
    assert safe_name(given) == expected


def test_snapshot_lands_in_site_folder_with_meta(tmp_path: Path, catalog: Catalog) -> None:
    share = tmp_path / "share"
    share.mkdir()
    with make_desk(tmp_path / "desk.skranke", catalog, "Skranke 3", "Vejle Rådhus", 5) as journal:
        count = journal.count()
        result = publish(journal.path, share, "Skranke 3", "Vejle Rådhus")
    assert result.path == share / "Vejle-Rådhus" / "Skranke-3.skranke"
    assert result.visits == count
    assert [p.name for p in result.path.parent.iterdir()] == ["Skranke-3.skranke"]
    problem, info = inspect(result.path, full_check=True)
    assert problem is None and info is not None
    meta = info.meta
    assert meta["desk"] == "Skranke 3" and meta["site"] == "Vejle Rådhus"
    assert meta["snapshot_utc"] == result.taken_utc
    conn = sqlite3.connect(result.path)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"  # no WAL on a share
    conn.close()
    assert snapshot_path(share, "Skranke 3", "Vejle Rådhus") == result.path


def test_republish_replaces_the_snapshot(tmp_path: Path, catalog: Catalog) -> None:
    share = tmp_path / "share"
    share.mkdir()
    with make_desk(tmp_path / "desk.skranke", catalog, "A", "S", 1) as journal:
        first = publish(journal.path, share, "A", "S")
        journal.log_visit(errand="pas", reason="failed", outcome="manual", channel="fremmoede")
        second = publish(journal.path, share, "A", "S")
    assert second.path == first.path and second.visits == first.visits + 1
    assert second.taken_utc > first.taken_utc
    assert len(list(first.path.parent.iterdir())) == 1


def test_publish_while_the_counter_logs_loses_nothing(tmp_path: Path, catalog: Catalog) -> None:
    share = tmp_path / "share"
    share.mkdir()
    path = tmp_path / "desk.skranke"
    make_desk(path, catalog, "A", "S", 2).close()
    logged: list[str] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def counter() -> None:
        try:
            with Journal(path, desk="A", site="S") as journal:
                while not stop.is_set() or len(logged) < 50:
                    visit = journal.log_visit(errand="flytning", reason="failed",
                                              outcome="coached", channel="fremmoede")
                    logged.append(visit.id)
                    time.sleep(0.002)  # a busy counter, not a flood
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=counter)
    thread.start()
    seen: list[int] = []
    before = 0
    try:
        for _ in range(8):
            _wait_for_more(logged, before, errors)
            before = len(logged)
            result = publish(path, share, "A", "S")
            problem, _meta = inspect(result.path)
            assert problem is None
            conn = sqlite3.connect(result.path)
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            seen.append(conn.execute("select count(*) from visits").fetchone()[0])
            conn.close()
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not errors
    assert seen == sorted(seen) and seen[-1] > seen[0], "the counter kept logging during publishing"
    final = publish(path, share, "A", "S")
    into = tmp_path / "site.skranke"
    consolidate(into, [share])
    conn = sqlite3.connect(into)
    merged = {row[0] for row in conn.execute("select id from visits")}
    conn.close()
    assert set(logged) <= merged
    with Journal(path) as journal:
        assert final.visits == journal.count() == len(merged)


def _wait_for_more(logged: list[str], than: int, errors: list[BaseException]) -> None:
    """Let the counter thread log at least one more visit (a sync point, not a timing)."""
    for _ in range(20000):
        if len(logged) > than or errors:
            return
        time.sleep(0.001)


def test_missing_folder_is_a_clear_error(tmp_path: Path, catalog: Catalog) -> None:
    make_desk(tmp_path / "desk.skranke", catalog, "A", "S", 3).close()
    with pytest.raises(PublishError) as info:
        publish(tmp_path / "desk.skranke", tmp_path / "offline", "A", "S")
    assert info.value.kind == "folder_missing"
    assert "is not there" in str(info.value)
    assert not (tmp_path / "offline").exists()


def test_missing_journal_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PublishError) as info:
        publish(tmp_path / "nothing.skranke", tmp_path, "A", "S")
    assert info.value.kind == "journal"
    assert not (tmp_path / "nothing.skranke").exists()


def test_unwritable_target_fails_cleanly_and_leaves_no_temp_file(tmp_path: Path,
                                                                 catalog: Catalog) -> None:
    make_desk(tmp_path / "desk.skranke", catalog, "A", "S", 4).close()
    share = tmp_path / "share"
    (share / "S" / "A.skranke").mkdir(parents=True)  # a folder where the snapshot should go
    with pytest.raises(PublishError) as info:
        publish(tmp_path / "desk.skranke", share, "A", "S")
    assert info.value.kind in ("failed", "permission")
    assert [p.name for p in (share / "S").iterdir()] == ["A.skranke"]


def test_site_name_taken_by_a_file_fails_cleanly(tmp_path: Path, catalog: Catalog) -> None:
    make_desk(tmp_path / "desk.skranke", catalog, "A", "S", 4).close()
    share = tmp_path / "share"
    share.mkdir()
    (share / "S").write_text("not a folder")
    with pytest.raises(PublishError, match="could not write"):
        publish(tmp_path / "desk.skranke", share, "A", "S")


@pytest.mark.parametrize(("code", "kind"), [
    (errno.ENOSPC, "disk_full"), (errno.EACCES, "permission"), (errno.EROFS, "permission"),
    (errno.EIO, "failed"),
])
def test_os_errors_map_to_plain_kinds(tmp_path: Path, code: int, kind: str) -> None:
    error = _os_error(OSError(code, "x"), tmp_path / "A.skranke")
    assert error.kind == kind
    assert str(tmp_path / "A.skranke") in str(error)


def test_a_passphrase_protected_key_is_a_clear_error(tmp_path: Path, catalog: Catalog) -> None:
    make_desk(tmp_path / "desk.skranke", catalog, "A", "S", 2).close()
    share = tmp_path / "share"
    share.mkdir()
    key_path = tmp_path / "home" / "signing.pem"
    key_path.parent.mkdir()
    key_path.write_bytes(Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"secret")))
    with pytest.raises(PublishError) as info:
        publish(tmp_path / "desk.skranke", share, "A", "S", key_path=key_path)
    assert info.value.kind == "key"
    assert "not a readable Ed25519 key" in str(info.value)
    assert not (share / "S" / "A.skranke").exists()
