"""Merge one verified desk snapshot, attached as ``alias``, into a site journal.

The SQL of a consolidation (``deskapp.services.consolidate`` decides what to merge):

- visits and coaching sessions by id: the newest ``updated_utc`` wins; on a tie a deleted
  row wins over a live one (so an undo is never lost), otherwise the existing row stays;
  a row is only written when it belongs to the snapshot's own desk id, in the snapshot and
  in the site journal (see ``merge_sql.owner``);
- step events by id, never changed once written; visit history rows deduplicated by
  (visit, time, action); both only for visits of the snapshot's desk;
- imported digital counts by (week, errand, source): the newest ``imported_utc`` wins;
- every row through the acceptance test and every text through the privacy guard of
  :mod:`.merge_sql`; what is refused is counted for the report;
- the weekly tally tables are counted from the rows written, never taken from the
  snapshot's own tally tables.

A newer snapshot of a desk is read from its ``updated_utc`` index, only the rows changed
since the previous one, after a count check (see ``_merge_visits``).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from deskapp.services.journal import merge_sql as sql
from deskapp.services.journal import tally_tables, text_guard
from deskapp.services.journal.merge_plan import Counts, Plan, columns, future_result, one

# A row from the snapshot replaces the existing one when it is newer; on a tie a deletion wins.
NEWER = ("(excluded.updated_utc > {t}.updated_utc or (excluded.updated_utc = {t}.updated_utc "
         "and coalesce(excluded.deleted_utc, '') > coalesce({t}.deleted_utc, '')))")
HISTORY_MAX = 4000  # characters of a history row's previous values


def merge_snapshot(conn: sqlite3.Connection, plan: Plan) -> tuple[Counts, dict[str, Any] | None]:
    """Merge the snapshot; return its counts and the merge state to keep for its desk
    (None when it is older than the desk's newest merged snapshot)."""
    counts = Counts()
    state = plan.state
    newer = state is None or plan.snapshot_utc > state["snapshot_utc"]
    quick = state if state is not None and newer else None
    _merge_visits(conn, plan, quick, counts)
    counts.coaching_changed = _merge_coaching(conn, plan, counts)
    visits, ours = _visits_of_desk(plan, counts)
    _merge_step_events(conn, plan, quick, counts, visits, ours)
    _merge_history(conn, plan, quick, counts, visits, ours)
    counts.digital_changed = _merge_digital(conn, plan)
    if plan.desk_id and plan.keep_notes_from:
        counts.notes_erased = erase_notes(conn, plan.keep_notes_from, plan.desk_id)
    return counts, _state(conn, plan) if newer else None


def _merge_visits(conn: sqlite3.Connection, plan: Plan, state: dict[str, Any] | None, counts: Counts) -> None:
    """Upsert the snapshot's visits and count new, updated, unchanged and refused ones.

    With ``state`` (a newer snapshot of a desk merged before) only the rows changed since
    then are read: the rows up to the previous snapshot's newest ``updated_utc`` are that
    snapshot's rows, already merged. That is checked by counting (older rows + rows changed
    since that already existed must equal the previous snapshot's size); if it does not add
    up (a clock put back, a journal restored or replaced) every row is compared after all.
    """
    alias = plan.alias
    top = one(conn, "select coalesce(max(rowid), 0) from main.visits")
    if state:
        since = state["max_updated"]
        changed, seen = _upsert_visits(conn, plan, since, counts)
        older = one(conn, f"select count(*) from {alias}.visits where updated_utc <= ?", (since,))
        new = one(conn, "select coalesce(max(rowid), 0) from main.visits") - top
        if older + seen - new != state["visits"]:
            counts.refused_other_desk = counts.refused_implausible = counts.texts_dropped = 0
            more, seen = _upsert_visits(conn, plan, None, counts)
            changed += more
            counts.full_compare = True
    else:
        changed, seen = _upsert_visits(conn, plan, None, counts)
        counts.full_compare = True
    counts.new = one(conn, "select coalesce(max(rowid), 0) from main.visits") - top
    counts.updated = changed - counts.new
    refused = counts.refused_other_desk + counts.refused_implausible
    counts.unchanged = max(0, plan.size - changed - refused)


def _upsert_visits(conn: sqlite3.Connection, plan: Plan, since: str | None,
                   counts: Counts) -> tuple[int, int]:
    """Upsert the accepted visits (of rows changed after ``since``) and keep the weekly
    tally tables: the old values of replaced rows (kept by the capture trigger) are taken
    away and the rows written are added. Returns (rows written, rows read)."""
    alias, have = plan.alias, plan.columns["visits"]
    params = plan.params()
    where = "true"
    hint = ""
    if since is not None:
        where = "s.updated_utc > :since"
        params["since"] = since
        if plan.has_updated_index:  # without statistics SQLite would scan in id order
            hint = " indexed by visits_updated"
    accepted = sql.visit_accepted(have)
    own = "s.desk_id = :desk_id" if "desk_id" in have else "true"
    # One pass finds the odd rows (normally none): another desk's (1), refused (2), with a
    # text to clean (3); the inserts below then read the snapshot without testing again.
    conn.execute("create temp table if not exists odd (id integer primary key, kind integer)")
    conn.execute("delete from temp.odd")
    if since is not None or future_result(plan.odd) != 0:
        conn.execute(f"insert into temp.odd select s.rowid, case when not ({own}) then 1 "
                     f"when not ({accepted}) then 2 else 3 end from {alias}.visits s{hint} "
                     f"where {where} and (not ({accepted}) or {sql.visit_unclean(have)})", params)
    kinds = dict(conn.execute("select kind, count(*) from temp.odd group by kind").fetchall())
    seen = plan.size if since is None else one(
        conn, f"select count(*) from {alias}.visits s{hint} where {where}", params)
    counts.refused_other_desk += kinds.get(1, 0)
    counts.refused_implausible += kinds.get(2, 0)
    dirty = kinds.get(3, 0)
    counts.texts_dropped += dirty
    good = seen - kinds.get(1, 0) - kinds.get(2, 0)
    main_columns = columns(conn, "main", "visits")
    names = ", ".join(main_columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in main_columns if c != "id")
    ours = sql.owner("desk_id" if "desk_id" in have else None, "visits")
    top = one(conn, "select coalesce(max(rowid), 0) from main.visits")
    conn.execute("delete from temp.replaced")
    written = 0
    for cleaned in ((False, True) if dirty else (False,)):
        pick = ("s.rowid in (select id from temp.odd where kind = 3)" if cleaned else
                "s.rowid not in (select id from temp.odd)" if kinds else "true")
        values = ", ".join(sql.visit_values(main_columns, have, cleaned))
        insert = (f"insert into main.visits ({names}) select {values} from {alias}.visits s{hint} "
                  f"where {where} and {pick} order by s.id")
        upsert = f" on conflict(id) do update set {updates} where {NEWER.format(t='visits')} and {ours}"
        written += _insert_or_upsert(conn, insert, upsert, params, plan.state is None)
    new = one(conn, "select coalesce(max(rowid), 0) from main.visits") - top
    if good > written:  # accepted rows not written: unchanged, or another desk's in the site journal
        theirs = sql.owner("desk_id" if "desk_id" in have else None, "m")
        counts.refused_other_desk += one(
            conn, f"select count(*) from {alias}.visits s{hint} cross join main.visits m on m.id = s.id "
                  f"where {where} and s.rowid not in (select id from temp.odd) and not {theirs}", params)
    recount = future_result(plan.recount) if new == written == plan.size and not kinds else None
    if recount is None:
        tally_tables.count_changes(conn, top, written=True)
    else:
        tally_tables.add_counts(conn, {t: recount[t] for t in tally_tables.TABLES if t.endswith("_by_desk")})
        plan.whole_tallies = {t: recount[t] for t in tally_tables.VIEWS}
    return written, seen


def _insert_or_upsert(conn: sqlite3.Connection, insert: str, upsert: str, params: dict[str, str],
                      first: bool) -> int:
    """Run ``insert`` + ``upsert``. A desk's first merge normally meets none of its ids in
    the site journal: a plain insert then does without the upsert's second look-up per row
    (about 15 % of the insert); should an id be there after all, SQLite undoes that one
    statement and the upsert decides as always."""
    if first:
        try:
            return int(conn.execute(insert, params).rowcount)
        except sqlite3.IntegrityError:
            pass
    return int(conn.execute(insert + upsert, params).rowcount)


def _merge_coaching(conn: sqlite3.Connection, plan: Plan, counts: Counts) -> int:
    alias, have = plan.alias, plan.columns["coaching_sessions"]
    main_columns = columns(conn, "main", "coaching_sessions")
    values = []
    for column in main_columns:
        if column in sql.LABELS:
            values.append(f":{column}")
        elif column not in have:
            values.append(sql.DEFAULTS.get(column, "null"))
        elif column == "skills":
            values.append(f"coalesce({sql.clean('s.skills')}, '')")
        elif column == "duration_s":
            values.append("cast(s.duration_s as integer)")
        else:
            values.append(f"s.{column}")
    tests = [sql.hex_id("s.id"), sql.stamp_ok("s.started_utc"), sql.stamp_ok("s.updated_utc"),
             sql.stamp_ok("s.created_utc"), sql.stamp_ok("s.ended_utc", True),
             sql.stamp_ok("s.deleted_utc", True), f"s.iso_week glob '{sql.WEEK}'",
             f"s.local_date glob '{sql.DATE}'"]
    if "desk_id" in have:
        tests.append("s.desk_id = :desk_id")
    accepted = " and ".join(tests)
    params = plan.params()
    total, good = conn.execute(f"select count(*), coalesce(sum({accepted}), 0) "
                               f"from {alias}.coaching_sessions s", params).fetchall()[0]
    counts.refused_other_desk += total - good
    names = ", ".join(main_columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in main_columns if c != "id")
    ours = sql.owner("desk_id" if "desk_id" in have else None, "coaching_sessions")
    return conn.execute(
        f"insert into main.coaching_sessions ({names}) select {', '.join(values)} "
        f"from {alias}.coaching_sessions s where {accepted} order by s.id on conflict(id) do update "
        f"set {updates} where {NEWER.format(t='coaching_sessions')} and {ours}", params).rowcount


def _visits_of_desk(plan: Plan, counts: Counts) -> tuple[str, str]:
    """Where the step events and history rows find their visit (as ``m``) and the SQL
    saying it is the desk's own. Normally the site journal's visits; when every visit of
    the snapshot was just written new (a desk's first merge: each passed the acceptance
    test, its own desk id included), the snapshot's own visits are those same rows, and
    looking them up there reads a small file instead of the whole site journal, and only
    their id index (every one of them is the desk's own). A step whose visit is not in the
    snapshot is then not merged (a desk's journal has none). The join compares by the
    snapshot's own collation of its ids (its schema is the desk's to write: NOCASE, RTRIM):
    a visit id of the program's shape compares the same by any of them, so the steps' and
    history rows' visit ids are tested for it (merge_sql.step_accepted, _merge_history)."""
    if counts.new == plan.size and "desk_id" in plan.columns["visits"]:
        return f"{plan.alias}.visits", "true"
    return "main.visits", sql.owner("desk_id" if "desk_id" in plan.columns["visits"] else None, "m")


def _merge_step_events(conn: sqlite3.Connection, plan: Plan, state: dict[str, Any] | None,
                       counts: Counts, visits: str, ours: str) -> None:
    """Step events never change: add the missing ones of the desk's own visits. For a newer
    snapshot of a desk, the events up to the previous snapshot's mark are that snapshot's
    (checked by count)."""
    alias = plan.alias
    where, params = "true", plan.params()
    if state and "events_before" in state:
        since = state["max_updated"]
        if one(conn, f"select count(*) from {alias}.step_events where at_utc <= ?",
               (since,)) == state["events_before"]:
            where, params["since"] = "s.at_utc > :since", since
    accepted, unclean = sql.step_accepted(), True
    if where == "true" and future_result(plan.odd_steps) == 0:  # every one tested on the other core
        accepted, unclean = "true", False
    else:
        unclean = bool(conn.execute(f"select 1 from {alias}.step_events s where {where} and "
                                    f"{sql.step_unclean()} limit 1", params).fetchall())
    value = {c: (sql.clean(f"s.{c}", 1000 if c == "note" else text_guard.CODE_MAX) if unclean else f"s.{c}")
             for c in sql.STEP_TEXTS}
    # The visit's start is read only for a step with a note (SQLite seeks the row lazily).
    note = (f"(case when s.note is not null and m.started_utc < :keep_notes_from then null "
            f"else {value['note']} end)")
    top = one(conn, "select coalesce(max(rowid), 0) from main.step_events")
    # All of them: in id order (the id index is written in order); only the newer ones:
    # in file order (the id order would read every event to find the few).
    order = " order by s.id" if where == "true" else ""
    counts.step_events_new = conn.execute(
        f"insert into main.step_events (id, visit_id, step, status, blocker, note, at_utc) "
        f"select s.id, s.visit_id, coalesce({value['step']}, ''), coalesce({value['status']}, ''), "
        f"{value['blocker']}, {note}, s.at_utc from {alias}.step_events s "
        f"cross join {visits} m on m.id = s.visit_id where {where} and {accepted} "
        f"and {ours}{order} on conflict(id) do nothing",
        params).rowcount
    tally_tables.count_steps(conn, "(select * from main.step_events where rowid > ?)", (top,))


def _merge_history(conn: sqlite3.Connection, plan: Plan, state: dict[str, Any] | None,
                   counts: Counts, visits: str, ours: str) -> None:
    """History rows are added once, recognised by (visit, time, action), for the desk's own
    visits; for a newer snapshot of a desk only those after the previous snapshot's mark
    (checked by count). Previous values are guarded like any text; a note among them goes
    with the visit's age."""
    alias = plan.alias
    where, params = "true", plan.params()
    if state and "history_before" in state:
        since = state["max_updated"]
        if one(conn, f"select count(*) from {alias}.visit_history where at_utc <= ?",
               (since,)) == state["history_before"]:
            where, params["since"] = "s.at_utc > :since", since
    before = sql.clean("min(s.before)", HISTORY_MAX)
    before = (f"(case when m.started_utc < :keep_notes_from and json_valid({before}) "
              f"then json_set({before}, '$.note', null) else {before} end)")
    counts.history_new = conn.execute(
        f"""insert into main.visit_history (visit_id, at_utc, action, before)
           select s.visit_id, s.at_utc, coalesce({sql.clean('s.action')}, ''), {before}
           from {alias}.visit_history s cross join {visits} m on m.id = s.visit_id
           where {where} and {sql.hex_id('s.visit_id')} and {sql.stamp_ok('s.at_utc')} and {ours}
               and not exists (
               select 1 from main.visit_history h where h.visit_id = s.visit_id
               and h.at_utc is s.at_utc and h.action is s.action)
           group by s.visit_id, s.at_utc, s.action""", params).rowcount


def _merge_digital(conn: sqlite3.Connection, plan: Plan) -> int:
    return conn.execute(
        f"""insert into main.digital_counts (week, errand, source, count, imported_utc)
           select week, {sql.clean('errand')}, {sql.clean('source')}, count, imported_utc
           from {plan.alias}.digital_counts where week glob '{sql.WEEK}' and typeof(count) = 'integer'
               and count between 0 and 10000000 and {sql.stamp_ok('imported_utc')}
               and {sql.clean('errand')} is not null and {sql.clean('source')} is not null
           on conflict(week, errand, source) do update set count = excluded.count,
               imported_utc = excluded.imported_utc
           where excluded.imported_utc > digital_counts.imported_utc
              or (excluded.imported_utc = digital_counts.imported_utc
                  and excluded.count > digital_counts.count)""", plan.params()).rowcount


def _state(conn: sqlite3.Connection, plan: Plan) -> dict[str, Any]:
    """The newest snapshot of this desk: its time, newest change and sizes."""
    alias = plan.alias
    newest = one(conn, f"select coalesce(max(updated_utc), '') from {alias}.visits "
                       f"where updated_utc <= ?", (plan.latest,))
    return {
        "snapshot_utc": plan.snapshot_utc,
        "max_updated": newest,
        "visits": plan.size,
        "events_before": one(conn, f"select count(*) from {alias}.step_events where at_utc <= ?", (newest,)),
        "history_before": one(conn, f"select count(*) from {alias}.visit_history where at_utc <= ?",
                              (newest,)),
    }


def erase_notes(conn: sqlite3.Connection, before: str, desk_id: str | None = None) -> int:
    """Erase the notes of visits started before ``before`` (of one desk id, or all), their
    step notes and notes kept among previous values: retention in a site journal. The
    partial indexes of schema 6 find the rows that still hold a note."""
    desk = " and desk_id = :desk" if desk_id is not None else ""
    params = {"before": before, "desk": desk_id}
    conn.execute("pragma secure_delete = on")  # an erased note leaves no trace in the page
    try:
        return _erase_notes(conn, desk, params)
    finally:
        conn.execute("pragma secure_delete = off")


def _erase_notes(conn: sqlite3.Connection, desk: str, params: dict[str, str | None]) -> int:
    erased = conn.execute(f"update main.visits set note = null where note is not null "
                          f"and started_utc < :before{desk}", params).rowcount
    erased += conn.execute(
        f"update main.step_events set note = null where note is not null and exists ("
        f"select 1 from main.visits v where v.id = step_events.visit_id and v.started_utc < :before"
        f"{desk.replace('desk_id', 'v.desk_id')})", params).rowcount
    erased += conn.execute(
        f"update main.visit_history set before = json_set(before, '$.note', null) "
        f"where json_valid(before) and json_extract(before, '$.note') is not null and exists ("
        f"select 1 from main.visits v where v.id = visit_history.visit_id and v.started_utc < :before"
        f"{desk.replace('desk_id', 'v.desk_id')})", params).rowcount
    return erased


def load_legacy_state(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    row = conn.execute("select value from main.meta where key = ?", ("merge_state:" + key,)).fetchone()
    return json.loads(row[0]) if row else None


def save_legacy_state(conn: sqlite3.Connection, key: str, state: dict[str, Any]) -> None:
    conn.execute("insert or replace into main.meta (key, value) values (?, ?)",
                 ("merge_state:" + key, json.dumps(state)))


def relabel_all(conn: sqlite3.Connection, labels: dict[str, tuple[str, str]]) -> int:
    """Give every row of these desk ids its desk's labels in one pass over the visits, and
    count the weekly tallies of the rows moved again."""
    conn.execute("create temp table if not exists labels (desk_id text primary key, desk text, site text)")
    conn.execute("delete from temp.labels")
    conn.executemany("insert into temp.labels values (?, ?, ?)",
                     [(d, desk, site) for d, (desk, site) in labels.items()])
    top = one(conn, "select coalesce(max(rowid), 0) from main.visits")
    conn.execute("delete from temp.replaced")
    moved = conn.execute(
        "update main.visits set desk = l.desk, site = l.site from temp.labels l "
        "where visits.desk_id = l.desk_id and (visits.desk is not l.desk or visits.site is not l.site)"
    ).rowcount
    if moved:
        tally_tables.count_changes(conn, top, written=True)
    conn.execute(
        "update main.coaching_sessions set desk = l.desk, site = l.site from temp.labels l "
        "where coaching_sessions.desk_id = l.desk_id "
        "and (coaching_sessions.desk is not l.desk or coaching_sessions.site is not l.site)")
    return moved
