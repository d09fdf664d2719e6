"""The journal's bulk writes: imported digital counts and ready-made rows (demo data).

A part of :class:`~deskapp.services.journal.store.Journal` (which inherits it), kept in its
own module for size; the same guard and transaction wrapper as every other write.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from deskapp.services import weeks
from deskapp.services.journal.columns import COLUMNS, DROP_IN

if TYPE_CHECKING:
    import sqlite_utils

Row = dict[str, Any]


class BulkWrites:
    if TYPE_CHECKING:  # provided by Journal
        db: sqlite_utils.Database
        desk_id: str

        def _writing(self) -> AbstractContextManager[None]: ...
        def _refuse_cpr(self, values: dict[str, Any]) -> None: ...

    def store_digital_counts(self, rows: Iterable[tuple[str, str, str, int]]) -> tuple[int, int]:
        """Upsert (week, errand, source, count) rows in one transaction; rows whose count is
        already stored are left alone. Returns (added, changed)."""
        rows = list(rows)
        for row in rows:
            self._refuse_cpr({"week": row[0], "errand": row[1], "source": row[2]})
        added = changed = 0
        now = weeks.stamp(weeks.now_utc())
        with self._writing():
            for week, errand, source, count in rows:
                found = self.db.execute(
                    "select count from digital_counts where week = ? and errand = ? and source = ?",
                    [week, errand, source]).fetchone()
                if found is not None and found[0] == count:
                    continue
                self.db.execute(
                    "insert into digital_counts (week, errand, source, count, imported_utc) "
                    "values (?, ?, ?, ?, ?) on conflict (week, errand, source) do update set "
                    "count = excluded.count, imported_utc = excluded.imported_utc",
                    [week, errand, source, count, now])
                added += found is None
                changed += found is not None
        return added, changed

    def bulk_load(self, *, visits: list[Row], history: list[Row], step_events: list[Row],
                  digital_counts: list[Row]) -> None:
        """Insert ready-made rows in one transaction (demo data); every text is guarded."""
        for table in (visits, history, step_events, digital_counts):
            for row in table:
                self._refuse_cpr(row)
        with self._writing():
            self.db.table("visits").insert_all(
                ({**dict.fromkeys(COLUMNS), "desk_id": self.desk_id, "citizen": row["id"],
                  "appointment": DROP_IN, **row} for row in visits), batch_size=2000)
            self.db.table("visit_history").insert_all(history)
            self.db.table("step_events").insert_all(step_events, batch_size=2000)
            self.db.table("digital_counts").upsert_all(digital_counts, pk=("week", "errand", "source"))
