"""Which figures of one report may be shown with ``--min-count N`` (issue 14.4): every figure
the page, the workbook and the PDF show, with the lines they add up along, protected
together by :mod:`suppression` so no sheet or page gives a hidden count away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deskapp.services.exports.suppression import Cells

if TYPE_CHECKING:
    from deskapp.services.exports.report_data import ReportData

VISITS = ("visits",)


def discretion(data: ReportData) -> Cells:
    cells = Cells(data.min_count)
    if data.min_count <= 1:
        return cells
    add, line = cells.add, cells.line
    add(VISITS, int(data.totals["visits"]))
    for key in ("transactions", "information", "error_contacts"):
        add((key,), int(data.totals[key]))
        add(("prev", key), int(data.previous[key]))
    add(("prev", "visits"), int(data.previous["visits"]))
    line([("transactions",), ("information",)], VISITS)
    line([("prev", "transactions"), ("prev", "information")], ("prev", "visits"))
    errands = [str(e["errand"]) for e in data.errands]
    for e in data.errands:
        add(("errand", e["errand"]), int(e["count"]))
    line([("errand", e) for e in errands], VISITS)
    for kind, pivot in (("reason", data.reasons), ("outcome", data.outcomes)):
        for (errand, code), n in pivot.cells.items():
            add((kind, errand, code), n)
        for code in pivot.columns:
            add((f"{kind}_total", code), pivot.totals.get(code, 0))
            line([(kind, e, code) for e in errands], (f"{kind}_total", code))
        for errand in errands:
            line([(kind, errand, c) for c in pivot.columns], ("errand", errand))
        line([(f"{kind}_total", c) for c in pivot.columns], VISITS)
    for c in data.channels:  # citizens and booked visits are parts of a channel's count
        add(("channel", c["channel"]), int(c["count"]))
        add(("citizens", c["channel"]), int(c["citizens"]))
        add(("booked", c["channel"]), int(c["booked"]))
    line([("channel", c["channel"]) for c in data.channels], VISITS)
    for w in data.weekly:
        add(("week", w["week"]), int(w["count"]))
    line([("week", w["week"]) for w in data.weekly], VISITS)
    days = sorted({d for d, _ in data.hours} | set(range(1, 6)))
    hours = sorted({h for _, h in data.hours} | set(range(8, 17)))
    for (day, hour), n in data.hours.items():
        add(("hour", day, hour), n)
    for day in days:
        add(("day", day), sum(n for (d, _), n in data.hours.items() if d == day))
        line([("hour", day, h) for h in hours], ("day", day))
    for hour in hours:
        add(("hour_total", hour), sum(n for (_, h), n in data.hours.items() if h == hour))
        line([("hour", d, hour) for d in days], ("hour_total", hour))
    line([("day", d) for d in days], VISITS)
    line([("hour_total", h) for h in hours], VISITS)
    _shares(data, cells)
    for f in data.friction:
        key = ("stuck", f["errand"], f["step"])
        add(key, int(f["count"]))
        blockers = [("blocker", f["errand"], f["step"], code) for code, _, _ in f["blockers"]]  # type: ignore[attr-defined]
        for (_code, _, n), bkey in zip(f["blockers"], blockers, strict=True):  # type: ignore[arg-type]
            add(bkey, n)
        line(blockers, key)
    return cells.protect()


def _shares(data: ReportData, cells: Cells) -> None:
    """Counter transactions and those completed digitally, per errand and per week: a week's
    figures add up to the errand's, the errands' to the total shares (which give them away
    with the digital counts shown)."""
    shown = [r for r in data.shares if r["has_digital"]]
    for r in shown:
        cells.add(("counter", r["errand"]), int(r["counter_transactions"]))
        cells.add(("completed", r["errand"]), int(r["completed_digitally"]))
    for r in data.weekly_shares:
        cells.add(("wcounter", r["week"], r["errand"]), int(r["counter_transactions"]))
        cells.add(("wcompleted", r["week"], r["errand"]), int(r["completed_digitally"]))
    for r in shown:
        weeks = [w["week"] for w in data.weekly_shares if w["errand"] == r["errand"]]
        cells.line([("wcounter", w, r["errand"]) for w in weeks], ("counter", r["errand"]))
        cells.line([("wcompleted", w, r["errand"]) for w in weeks], ("completed", r["errand"]))
    imported = [r for r in shown if r["imported"]]
    cells.add(("counter_sum",), sum(int(r["counter_transactions"]) for r in imported))
    cells.add(("completed_sum",), sum(int(r["completed_digitally"]) for r in imported))
    cells.line([("counter", r["errand"]) for r in imported], ("counter_sum",))
    cells.line([("completed", r["errand"]) for r in imported], ("completed_sum",))
