"""No CPR number through publish or consolidation (issue 14, item 2): a number planted in
every text column of a desk journal and of a crafted snapshot never reaches the share or
the site journal's bytes; the visits still count."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from deskapp.services.catalog import Catalog
from deskapp.services.consolidate import consolidate
from deskapp.services.publish import PublishError, publish
from tests.helpers.desks import copy_to, doctor, make_desk, rows

CPR = "010190-1234"
FORMS = (CPR.encode(), CPR.replace("-", "").encode())
PLANTED = {
    "visits": ("channel", "errand", "reason", "outcome", "contact_type", "age_band", "note",
               "guide_mode", "appointment", "catalog_version", "desk", "site"),
    "step_events": ("step", "status", "blocker", "note"),
    "visit_history": ("action", "before"),
    "coaching_sessions": ("desk", "site", "skills"),
    "digital_counts": ("source",),
}
COUNTED = "select count(*) from visits where status = 'saved' and deleted_utc is null"


def plant(path: Path) -> list[str]:
    """A CPR number in every text column of every row, written with plain SQL."""
    statements = [f"update {table} set {column} = 'ring {CPR} tak'"
                  for table, columns in PLANTED.items() for column in columns]
    statements += [f"update meta set value = 'Skranke {CPR}' where key in ('desk', 'site')",
                   f"insert or replace into meta (key, value) values ('note_of_the_day', '{CPR}')"]
    return statements


def raw_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            data += side.read_bytes()
    return data


def no_cpr(data: bytes) -> bool:
    return not any(form in data for form in FORMS)


def test_publish_drops_every_planted_text_and_signs_what_is_left(tmp_path: Path, catalog: Catalog) -> None:
    journal = make_desk(tmp_path / "desk.skranke", catalog, "Skranke 1", "Rådhuset", 3)
    counted = journal.count()
    journal.close()
    conn = sqlite3.connect(tmp_path / "desk.skranke")
    with conn:
        for statement in plant(tmp_path / "desk.skranke"):
            conn.execute(statement)
    conn.close()
    assert not no_cpr(raw_bytes(tmp_path / "desk.skranke"))  # the test can fail
    share = tmp_path / "share"
    share.mkdir()
    result = publish(tmp_path / "desk.skranke", share, "Skranke 1", "Rådhuset")
    assert no_cpr(raw_bytes(result.path))
    assert rows(result.path, "select count(*) from visits")[0][0] == counted
    into = tmp_path / "site.skranke"
    report = consolidate(into, [share])
    assert report.merged and not report.skipped


def test_a_crafted_snapshot_leaves_no_cpr_in_the_site_journal(tmp_path: Path, catalog: Catalog) -> None:
    journal = make_desk(tmp_path / "desk.skranke", catalog, "Skranke 1", "Rådhuset", 4)
    share = tmp_path / "share"
    share.mkdir()
    genuine = publish(journal.path, share, "Skranke 1", "Rådhuset").path
    journal.close()
    counted = rows(genuine, COUNTED)[0][0]
    crafted = copy_to(genuine, tmp_path / "crafted" / "evil.skranke")
    doctor(crafted, *plant(crafted))  # signed with the desk's own key: a hostile desk user
    assert not no_cpr(raw_bytes(crafted))
    into = tmp_path / "site.skranke"
    report = consolidate(into, [crafted])
    merged = report.merged[0]
    assert merged.texts_dropped == merged.size and merged.label_dropped
    assert "dropped the texts of" in "\n".join(report.lines())
    assert no_cpr(raw_bytes(into)) and no_cpr("\n".join(report.lines()).encode())
    assert rows(into, COUNTED)[0][0] == counted  # the visits' categories still count
    assert rows(into, "select count(*) from step_events")[0][0] > 0


@pytest.mark.parametrize("name", [f"Skranke {CPR}", "Rådhus 0101901234"])
def test_publish_refuses_a_name_with_a_cpr_number(tmp_path: Path, catalog: Catalog, name: str) -> None:
    journal = make_desk(tmp_path / "desk.skranke", catalog, "Skranke 1", "Rådhuset", 5)
    journal.close()
    share = tmp_path / "share"
    share.mkdir()
    with pytest.raises(PublishError) as caught:
        publish(tmp_path / "desk.skranke", share, name, "Rådhuset")
    assert caught.value.kind == "name" and CPR not in str(caught.value)
    assert list(share.iterdir()) == []


def test_a_site_journal_whose_codes_were_dropped_still_gives_every_tally_and_report(
        tmp_path: Path, catalog: Catalog) -> None:
    """The guard drops a code with a CPR number and keeps the visit (errand, reason and
    outcome ''): the manager's tallies and every export read such a journal."""
    from deskapp.services import weeks
    from deskapp.services.exports.registry import run_export
    from deskapp.services.exports.report_data import collect
    from deskapp.services.exports.request import ExportRequest
    from deskapp.services.journal import Journal
    from deskapp.services.tallies import Query, Tally

    journal = make_desk(tmp_path / "desk.skranke", catalog, "Skranke 1", "Rådhuset", 5)
    share = tmp_path / "share"
    share.mkdir()
    genuine = publish(journal.path, share, "Skranke 1", "Rådhuset").path
    journal.close()
    doctor(genuine, *[f"update visits set {column} = 'ring {CPR}' where rowid % 3 = 0"
                      for column in ("errand", "reason", "outcome")])
    into = tmp_path / "site.skranke"
    consolidate(into, [share])
    assert rows(into, "select count(*) from visits where errand = '' and reason is null")[0][0] > 0
    span = weeks.week_range(weeks.shift_week(weeks.this_week(), -4), weeks.this_week())
    with Journal(into) as site:
        tally = Tally(site, catalog)
        query = Query(span[0], span[-1])
        by_errand = tally.count_by(query, ("errand",))
        assert sum(r["count"] for r in by_errand) == rows(into, COUNTED)[0][0]
        assert any(r["errand"] in (None, "") for r in by_errand)
        data = collect(site, catalog, query)
        assert data.shares
        for kind, fmt in (("tallies", "csv"), ("tallies", "xlsx"), ("tallies", "pdf"), ("shares", "csv"),
                          ("visits", "csv"), ("komhen", "xlsx")):
            out = tmp_path / f"{kind}.{fmt}"
            run_export(site, catalog, ExportRequest(kind, fmt, span, out))
            assert out.stat().st_size > 0
    import openpyxl
    import pypdf

    book = openpyxl.load_workbook(tmp_path / "tallies.xlsx", read_only=True)
    names = {row[0] for name in book.sheetnames if "årsag" in name.lower() or "resultat" in name.lower()
             for row in book[name].iter_rows(min_row=2, max_col=1, values_only=True)}
    assert "(ingen)" in names and "None" not in names
    pdf = " ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "tallies.pdf").pages)
    assert "(ingen)" in pdf and "None" not in pdf


def test_a_snapshot_replaced_after_the_workers_tested_it_is_tested_again(
        tmp_path: Path, catalog: Catalog) -> None:
    """The tests and counts of a desk's first snapshot run on another thread, on a
    connection of their own: a file put in its place before the merge reads it (here an
    unsigned one, which no signature binds) is not believed on their word."""
    import os
    import time

    journal = make_desk(tmp_path / "desk.skranke", catalog, "Skranke 1", "Rådhuset", 5)
    share = tmp_path / "share"
    share.mkdir()
    genuine = publish(journal.path, share, "Skranke 1", "Rådhuset").path
    journal.close()
    clean = copy_to(genuine, tmp_path / "folder" / "desk.skranke")
    doctor(clean, sign=False)  # an unsigned journal of a desk never merged (an older Skranke)
    dirty = copy_to(clean, tmp_path / "dirty.skranke")
    doctor(dirty, f"update step_events set note = 'ring {CPR}'", f"update visits set note = 'ring {CPR}'",
           sign=False)

    def swap(done: int, _total: int) -> None:
        if done == 0:
            time.sleep(1.0)  # the workers have read the file by now
            os.replace(dirty, clean)

    into = tmp_path / "site.skranke"
    report = consolidate(into, [clean], progress=swap)
    assert report.merged and not report.skipped
    assert no_cpr(raw_bytes(into))
    assert rows(into, COUNTED)[0][0] == rows(clean, COUNTED)[0][0]
