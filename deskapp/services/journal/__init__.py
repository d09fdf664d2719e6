"""The journal package: the one door to SQLite.

A counter's journal is one SQLite file (statistics, never a case file). This package
declares a visit once (``columns``), opens every connection (``connect``), migrates the
schema with frozen migrations (``migrations``), keeps the weekly tally tables
(``tally_tables``), copies (``copy``), checks (``integrity``) and purges (``retention``)
journal files, and writes through :class:`Journal` (``store``), whose write path refuses
any text with a CPR number whatever door it came through. A consolidation reads desk
snapshots defensively (``snapshot_check``), merges them (``merge``, ``merge_sql``,
``merge_target``, ``recount``, ``site_desks``) with every text guarded (``text_guard``);
``snapshot_write`` finishes a snapshot before it is signed. No module outside this
package opens SQLite.
"""

from deskapp.services.journal.columns import (
    APPOINTMENTS,
    BOOKED,
    COLUMNS,
    DROP_IN,
    EDITABLE,
    OPEN,
    SAVED,
    Visit,
    counted,
)
from deskapp.services.journal.errors import JournalError
from deskapp.services.journal.migrations import SCHEMA_VERSION
from deskapp.services.journal.store import Journal

__all__ = ["APPOINTMENTS", "BOOKED", "COLUMNS", "DROP_IN", "EDITABLE", "OPEN", "SAVED", "SCHEMA_VERSION",
           "Journal", "JournalError", "Visit", "counted"]
