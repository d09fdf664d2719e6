"""Build desk journals with overlapping edits and undos, for the consolidation tests."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from deskapp import paths
from deskapp.services import demo, signing, weeks
from deskapp.services.catalog import Catalog
from deskapp.services.journal import Journal, tally_tables
from deskapp.services.publish import publish

ROW_COLUMNS = "id, desk, site, errand, reason, outcome, status, deleted_utc, updated_utc"


def make_desk(path: Path, catalog: Catalog, desk: str, site: str, seed: int) -> Journal:
    """A desk journal with three weeks of demo visits and a few visits logged by hand."""
    journal = Journal(path, desk=desk, site=site)
    demo.generate(journal, catalog, weeks_back=3, seed=seed, desk=desk, site=site)
    for errand, outcome in (("pas", "assisted"), ("flytning", "coached"), ("mitid", "sent_home")):
        journal.log_visit(errand=errand, reason="failed", outcome=outcome, channel="fremmoede")
    now = weeks.stamp(weeks.now_utc())
    with journal.db.atomic():  # no Journal method yet: coaching sessions come with issue 4
        journal.db["coaching_sessions"].insert({
            "id": coaching_id(desk), "desk_id": journal.desk_id, "desk": desk, "site": site,
            "started_utc": now, "ended_utc": now, "local_date": now[:10], "iso_week": "2026-W48",
            "skills": "mitid",
            "duration_s": 600, "created_utc": now, "updated_utc": now, "deleted_utc": None,
        })
    return journal


def change_desk(journal: Journal) -> None:
    """Later work on a desk: edits, an undo, a redo and new visits, some on old visits."""
    saved = sorted(journal.counted_visits(), key=lambda v: v.id)
    journal.edit_visit(saved[0].id, outcome="manual")
    journal.edit_visit(saved[1].id, reason="language")
    journal.undo_visit(saved[2].id)
    undone = sorted((v for v in journal.visits() if v.deleted_utc and v.id != saved[2].id),
                    key=lambda v: v.id)
    journal.restore_visit(undone[0].id)
    journal.log_visit(errand="sundhedskort", reason="no_mitid", outcome="manual", channel="telefon")
    new = journal.log_visit(errand="pas", reason="failed", outcome="coached", channel="fremmoede")
    journal.undo_visit(new.id)
    with journal.db.atomic():
        journal.db["coaching_sessions"].update(coaching_id(journal.desk), {
            "skills": "mitid,digital_post", "updated_utc": weeks.stamp(weeks.now_utc())})


def coaching_id(desk: str) -> str:
    """The id of the desk's hand-made coaching session: hex, like every id the program makes."""
    return hashlib.md5(desk.encode()).hexdigest()


def publish_copy(journal: Journal, folder: Path) -> Path:
    """Publish the desk into its own folder (an old and a new snapshot can then coexist)."""
    folder.mkdir(parents=True, exist_ok=True)
    return publish(journal.path, folder, journal.desk, journal.site).path


def doctor(path: Path, *statements: str | tuple[str, tuple], sign: bool = True,
           key_path: Path | None = None) -> None:
    """Change a snapshot with plain SQL, as a desk user with the file (and, with ``sign``,
    the desk's own key from its data folder, or ``key_path``) could."""
    trailer = signing.read_trailer(path)
    if trailer is not None:
        with path.open("r+b") as handle:
            handle.truncate(trailer.length)
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            sql, params = statement if isinstance(statement, tuple) else (statement, ())
            conn.execute(sql, params)
    conn.close()
    if sign:
        signing.sign_file(path, signing.load_or_create_key(key_path or paths.signing_key_file()))


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(sql).fetchall(), key=repr)
    finally:
        conn.close()


def visit_rows(path: Path) -> list[tuple]:
    return rows(path, f"select {ROW_COLUMNS} from visits")


def state(path: Path) -> dict[str, list[tuple]]:
    """Everything a consolidation decides, in a comparable form."""
    return {
        "visits": visit_rows(path),
        "tally": rows(path, "select errand, outcome, count(*) from visits where deleted_utc is null "
                            "and status = 'saved' group by errand, outcome"),
        "steps": rows(path, "select id, visit_id, step, status from step_events"),
        "history": rows(path, "select visit_id, at_utc, action, before from visit_history"),
        "digital": rows(path, "select week, errand, source, count, imported_utc from digital_counts"),
        "coaching": rows(path, "select * from coaching_sessions"),
        **weekly_tallies(path),
    }


def weekly_tallies(path: Path) -> dict[str, list[tuple]]:
    """The weekly tally tables without combinations that went back to zero."""
    tables = [*tally_tables.TABLES, tally_tables.STUCK_TABLE]
    return {table: rows(path, f"select * from {table} where count != 0") for table in tables}


def recounted_weekly_tallies(path: Path) -> dict[str, list[tuple]]:
    """The weekly tally tables as counting every visit again would give them."""
    copy = path.with_name(path.stem + "-recount" + path.suffix)
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    with conn:
        tally_tables.rebuild(conn)
    conn.close()
    return weekly_tallies(copy)


def copy_to(src: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    return dest
