"""Reports that stand up in a committee (issue 16) and cells that give nothing away (14.4,
13.6): reference figures, trends, the KOMHEN counting week, a workbook that prints, a PDF
that declares itself, secondary suppression that survives arithmetic, formula-safe cells."""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from pypdf import PdfReader

from deskapp.services import reference
from deskapp.services.catalog import Catalog
from deskapp.services.exports.registry import run_export
from deskapp.services.exports.report_data import collect
from deskapp.services.exports.request import ExportRequest
from deskapp.services.exports.suppression import TOTAL, table
from deskapp.services.exports.tallies_xlsx import OUTCOMES, REASONS, SHARES, TREND
from deskapp.services.journal import Journal
from deskapp.services.percentages import gap_per_week, percent, points_text
from deskapp.services.tallies import Query
from deskapp.services.weeks import week_range
from tests import demo_journal
from tests.demo_journal import FIRST, LAST

ROOT = Path(__file__).parents[1]
SPAN = week_range(FIRST, LAST)
CHART_NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    path = tmp_path_factory.mktemp("reports") / "demo.skranke"
    demo_journal.build(path, catalog)
    return path


@pytest.fixture
def journal(demo_path: Path):
    with Journal(demo_path) as opened:
        yield opened


def export(journal: Journal, catalog: Catalog, kind: str, fmt: str, out: Path, **kw: object) -> int:
    return run_export(journal, catalog, ExportRequest(kind, fmt, SPAN, out, **kw))  # type: ignore[arg-type]


def read_csv(path: Path, sep: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=sep))


# --- 16.1 reference figures ------------------------------------------------------------------

def test_shipped_reference_file_has_the_2012_figures() -> None:
    refs = reference.load()
    flytning = {r.kind: r for r in refs["flytning"]}
    assert flytning["national"].share == 0.64 and flytning["best"].place == "Hjørring Kommune"
    assert flytning["best"].share == 0.92
    assert {r.share for r in refs["dagtilbud"]} == {0.50, 0.96}
    assert refs["folkepension"][0].share == 0.07 and refs["skoleindskrivning"][0].share == 0.70
    assert reference.line(refs["sundhedskort"]) == "75 % (landsplan 2012) · 76 % (Varde Kommune 2012)"


def test_a_municipality_file_replaces_the_shipped_one(tmp_path: Path) -> None:
    own = tmp_path / "own.csv"
    own.write_text("errand,share,kind,place,year,source\nflytning,0.97,best,Testby Kommune,2025,egen\n"
                   "flytning,not a share,national,Hele landet,2025,x\n", encoding="utf-8")
    refs = reference.load(own)
    assert [(r.share, r.place) for r in refs["flytning"]] == [(0.97, "Testby Kommune")]  # bad row skipped
    assert reference.load(tmp_path / "missing.csv") == {}


def test_shares_csv_has_reference_columns(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "shares.csv"
    export(journal, catalog, "shares", "csv", out, sep=",")
    rows = read_csv(out, ",")
    moving = [r for r in rows if r["errand"] == "flytning"]
    assert moving and all(r["reference_share"] == "0.6400" and r["best_share"] == "0.9200" for r in moving)
    assert "Hele landet 2012" in moving[0]["reference_source"]
    assert all(r["reference_share"] == "" for r in rows if r["errand"] == "pas")


def test_workbook_and_pdf_show_the_references(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    export(journal, catalog, "tallies", "xlsx", tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")[SHARES]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "flytning")
    assert row[header.index("Landsplan")] == 0.64 and row[header.index("Bedste kommune")] == 0.92
    assert sheet.cell(2, header.index("Landsplan") + 1).number_format == "0%"
    export(journal, catalog, "tallies", "pdf", tmp_path / "t.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages).split())
    assert "64 % landsplan" in text.replace("\xa0", " ") and "Hjørring" in text


# --- 16.2 trends and the distance to 80 % -----------------------------------------------------

def test_gap_to_the_goal_in_applications_a_week() -> None:
    row = {"digital": 50, "counter_transactions": 50, "completed_digitally": 10, "digital_share": 0.6}
    # 80 % of 100 is 80; 60 are digital: 20 more over 4 weeks is 5 a week
    assert gap_per_week(row, 4) == 5
    assert gap_per_week(row, 3) == 7  # 6.67 rounded up: whole applications
    assert gap_per_week({**row, "completed_digitally": 40, "digital_share": 0.9}, 4) == 0
    assert gap_per_week({**row, "digital_share": None}, 4) is None


def test_trend_is_the_weekly_share_and_the_workbook_draws_it(journal: Journal, catalog: Catalog,
                                                            tmp_path: Path) -> None:
    data = collect(journal, catalog, Query(FIRST, LAST))
    trend = dict(data.trend("flytning"))
    weekly = {r["week"]: r["digital_share"] for r in data.weekly_shares if r["errand"] == "flytning"}
    assert list(trend) == SPAN and trend == {w: weekly.get(w) for w in SPAN}
    export(journal, catalog, "tallies", "xlsx", tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    sheet = book[TREND]
    column = [c.value for c in sheet[1]].index("Anmeld flytning") + 1
    assert [sheet.cell(r, column).value for r in range(2, len(SPAN) + 2)] == [trend[w] for w in SPAN]
    archive = zipfile.ZipFile(tmp_path / "t.xlsx")
    charts = [ElementTree.fromstring(archive.read(n)) for n in archive.namelist()
              if n.startswith("xl/charts/")]
    trend_charts = [c for c in charts if c.find(".//c:plotArea/c:lineChart", CHART_NS) is not None
                    and c.find(".//c:plotArea/c:barChart", CHART_NS) is None]
    assert trend_charts and any(f"{TREND}!" in (f.text or "") for f in trend_charts[0].iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/chart}f"))


def test_pdf_has_the_trend_and_the_gap(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    export(journal, catalog, "tallies", "pdf", tmp_path / "t.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages)
    assert "Udvikling: digital andel pr. uge" in text


# --- 16.3 the KOMHEN counting week ------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_komhen_export_recounts_from_the_visits(journal: Journal, catalog: Catalog, tmp_path: Path,
                                                fmt: str) -> None:
    out = tmp_path / f"komhen.{fmt}"
    rows = export(journal, catalog, "komhen", fmt, out)
    if fmt == "csv":
        lines = [(r["task"], r["channel"], r["contact_kind"], int(r["contacts"]), int(r["error_contacts"]))
                 for r in read_csv(out)]
    else:
        sheet = openpyxl.load_workbook(out).active
        assert sheet.page_setup.orientation == "landscape"
        lines = [(r[2], r[5], r[7], r[8], r[9]) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(lines) == rows
    kinds = {"information": "Information", "transaction": "Transaktion"}
    contacts: Counter = Counter()
    errors: Counter = Counter()
    for v in journal.counted_visits(FIRST, LAST):
        key = (v.errand, v.channel, kinds[v.contact_type])
        contacts[key] += 1
        errors[key] += v.error_contact
    assert {line[:3]: line[3] for line in lines} == dict(contacts)
    assert {line[:3]: line[4] for line in lines} == {k: errors[k] for k in contacts}


# --- 16.4 a workbook that prints ---------------------------------------------------------------

def test_every_sheet_prints_landscape_one_page_wide_with_headers(journal: Journal, catalog: Catalog,
                                                                 tmp_path: Path) -> None:
    export(journal, catalog, "tallies", "xlsx", tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.page_setup.fitToWidth in (None, 1), sheet.title  # 1 is the default
        assert sheet.page_setup.fitToHeight == 0, sheet.title
        assert sheet.print_title_rows, sheet.title  # the header row on every page
    assert book[REASONS].print_title_rows == "$1:$1"


def test_charts_start_on_a_page_of_their_own(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    export(journal, catalog, "tallies", "xlsx", tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    archive = zipfile.ZipFile(tmp_path / "t.xlsx")
    ns = {"xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}
    anchors = []
    for name in archive.namelist():
        if name.startswith("xl/drawings/drawing") and name.endswith(".xml"):
            root = ElementTree.fromstring(archive.read(name))
            for anchor in root.findall("xdr:twoCellAnchor", ns):
                start = int(anchor.findtext("xdr:from/xdr:row", namespaces=ns) or 0)
                end = int(anchor.findtext("xdr:to/xdr:row", namespaces=ns) or 0)
                anchors.append((start, end))
    assert len(anchors) >= 5
    breaks = {brk.id for sheet in book.worksheets for brk in sheet.row_breaks.brk}
    for start, end in anchors:
        assert start in breaks  # a page break just above the chart (row numbers are 0-based)
        assert end - start <= 27  # and it is shorter than a landscape page


def test_percentages_are_percentage_cells(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    export(journal, catalog, "tallies", "xlsx", tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")[SHARES]
    shares = [c for c in sheet["G"][1:] if isinstance(c.value, float)]
    assert shares and all(c.number_format == "0%" and 0 <= c.value <= 1 for c in shares)


# --- 16.6 rounding and wording -------------------------------------------------------------------

def test_one_rounding_rule() -> None:
    assert percent(0.645) == "65 %" and percent(0.644) == "64 %" and percent(Fraction(8, 9)) == "89 %"
    assert percent(0.005) == "1 %" and percent(None) == ""
    assert points_text(0.6, 0.8) == "−20 procentpoint" and points_text(0.85, 0.8) == "+5 procentpoint"


def test_pdf_declares_itself(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    export(journal, catalog, "tallies", "pdf", out, municipality="Ærø Kommune")
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/Lang"] == "da-DK"
    assert reader.metadata.title.startswith("Kanalopgørelse Ærø Kommune")
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts and all(fonts.values()), fonts  # every font embedded
    assert not any("Helvetica" in name for name in fonts)
    assert b"Helvetica" not in out.read_bytes()
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    for section in ("Hvorfor kommer borgerne?", "Digital andel mod målet på 80 %",
                    "Friktionspunkter: hvor borgerne går i stå", "Ærinder × resultater"):
        assert section in outline
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "procentpoint" in text and " point" not in text.replace("procentpoint", "")


def test_no_imported_counts_is_no_share_not_100_percent(tmp_path: Path, catalog: Catalog) -> None:
    with Journal(tmp_path / "j.skranke", desk="d", site="s") as journal:
        for _ in range(3):  # completed digitally at the counter, but no digital counts imported
            journal.log_visit(errand="flytning", reason="failed", outcome="coached", channel="fremmoede",
                              at=datetime(2027, 1, 5, 9, 0))
        run_export(journal, catalog, ExportRequest("tallies", "pdf", ["2027-W01"], tmp_path / "t.pdf"))
        data = collect(journal, catalog, Query("2027-W01"))
    [row] = [r for r in data.shares if r["errand"] == "flytning"]
    assert row["digital_share"] is None and not row["imported"]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages).split())
    shares_page = text.split("Digital andel mod målet på 80 %")[-1]
    assert "ingen digitale tal" in shares_page and "100" not in shares_page.split("Referencetal")[0]
    assert "nået" not in shares_page


# --- 16.8 a filter that matches nothing ---------------------------------------------------------

def test_a_desk_filter_that_matches_nothing_says_so(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    done = subprocess.run([sys.executable, "-m", "deskapp", "export", "tallies", "--journal", str(demo_path),
                           "--from", FIRST, "--to", LAST, "--out", str(out), "--desk", "Skranke 1",
                           "--site", "Rådhuset"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1  # the site exists; only the desk is named
    assert "--desk 'Skranke 1' matches no counted visits" in lines[0]
    assert "'skranke-1', 'skranke-2'" in lines[0]


# --- 13.6 formula-safe cells --------------------------------------------------------------------

def test_names_that_look_like_formulas_are_neutralised(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "hostile.skranke"
    with Journal(path, desk="=HYPERLINK(\"http://x\")", site="@SUM(A1)") as journal:
        journal.log_visit(errand="flytning", reason="failed", outcome="coached", channel="fremmoede",
                          at=datetime(2027, 1, 5, 9, 0))
        for kind in ("tallies", "visits"):
            run_export(journal, catalog, ExportRequest(kind, "csv", ["2027-W01"], tmp_path / f"{kind}.csv"))
        run_export(journal, catalog, ExportRequest("visits", "xlsx", ["2027-W01"], tmp_path / "v.xlsx"))
    for kind in ("tallies", "visits"):
        [row] = read_csv(tmp_path / f"{kind}.csv")
        assert row["desk"] == "'=HYPERLINK(\"http://x\")" and row["site"] == "'@SUM(A1)"
    sheet = openpyxl.load_workbook(tmp_path / "v.xlsx").active
    desk = sheet["B2"]
    assert desk.value == "=HYPERLINK(\"http://x\")" and desk.data_type == "s" and desk.quotePrefix
    assert sheet["C2"].quotePrefix
    assert not sheet["G2"].quotePrefix  # an ordinary errand code stays as it is


# --- 14.4 secondary suppression -----------------------------------------------------------------

def recoverable(cells: dict, lines: list[tuple[list, object]], hidden: set) -> set:
    """The hidden keys an attacker can work out by subtracting along one line (repeatedly)."""
    known = {k for k in cells if k not in hidden}
    found: set = set()
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            group = [*members, total]
            unknown = [k for k in group if k not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                found.add(unknown[0])
                changed = True
    return found


def test_the_rule_on_a_small_table() -> None:
    cells = {("a", "x"): 3, ("a", "y"): 10, ("b", "x"): 12, ("b", "y"): 20}
    out = table(5, cells, ["a", "b"], ["x", "y"])
    assert out.primary == {("a", "x")}
    assert len(out.secondary) >= 2  # one more in its row, one more in its column
    lines = [([("a", "x"), ("a", "y")], ("a", TOTAL)), ([("b", "x"), ("b", "y")], ("b", TOTAL)),
             ([("a", "x"), ("b", "x")], (TOTAL, "x")), ([("a", "y"), ("b", "y")], (TOTAL, "y")),
             ([("a", TOTAL), ("b", TOTAL)], (TOTAL, TOTAL)), ([(TOTAL, "x"), (TOTAL, "y")], (TOTAL, TOTAL))]
    assert not recoverable(out.values, lines, out.primary | out.secondary)


def sheet_cells(sheet: openpyxl.worksheet.worksheet.Worksheet) -> tuple[dict, list]:
    """The pivot's cells and its row and column lines (with the totals), as shown."""
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    width = len(rows[0])
    cells = {(r, c): rows[r][c] for r in range(len(rows)) for c in range(2, width)}
    body, last = range(len(rows) - 1), len(rows) - 1
    lines = [([(r, c) for c in range(2, width - 1)], (r, width - 1)) for r in range(len(rows))]
    lines += [([(r, c) for r in body], (last, c)) for c in range(2, width)]
    return cells, lines


def test_no_hidden_cell_can_be_worked_out(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    export(journal, catalog, "tallies", "xlsx", tmp_path / "t.xlsx", min_count=5)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    data = collect(journal, catalog, Query(FIRST, LAST), min_count=5)
    assert data.hidden.primary and data.hidden.secondary
    for name in (REASONS, OUTCOMES):
        cells, lines = sheet_cells(book[name])
        hidden = {k for k, v in cells.items() if v in ("<5", "x")}
        assert hidden
        assert not recoverable(cells, lines, hidden), name
    # The errand totals of both pivots are one figure: hidden in one, hidden in the other.
    reasons = {r[1]: r[-1] for r in book[REASONS].iter_rows(min_row=2, values_only=True)}
    outcomes = {r[1]: r[-1] for r in book[OUTCOMES].iter_rows(min_row=2, values_only=True)}
    assert reasons == outcomes
    # A share computed from a hidden count is not shown.
    shares = book[SHARES]
    for row in shares.iter_rows(min_row=2, values_only=True):
        if row[3] in ("<5", "x") or row[4] in ("<5", "x"):
            assert row[5] is None and row[6] is None


def test_contact_types_cannot_be_worked_out_from_the_total(journal: Journal, catalog: Catalog) -> None:
    data = collect(journal, catalog, Query(FIRST, LAST), min_count=10**6)  # every count is small
    shown = [data.is_hidden(k) for k in ("transactions", "information")]
    assert shown == [True, True] and data.is_hidden("visits")
    big = collect(journal, catalog, Query(FIRST, LAST), min_count=2)
    assert not big.is_hidden("visits")
    for members in itertools.combinations(("transactions", "information"), 1):
        assert sum(big.is_hidden(m) for m in ("transactions", "information")) != 1, members


def test_the_tidy_rows_stream_a_batch_at_a_time(journal: Journal, catalog: Catalog) -> None:
    from deskapp.services.journal import tally_reads
    from deskapp.services.tallies import COUNT, MAIN_DIMENSIONS, Tally

    query = Query(FIRST, LAST)
    stream = tally_reads.stream(journal, query, MAIN_DIMENSIONS, {"count": COUNT}, batch=7)
    first = next(stream)  # rows come before the whole result is read
    rows = [first, *stream]
    listed = Tally(journal, catalog).visits(query)
    assert rows == [tuple(r[d] for d in (*MAIN_DIMENSIONS, "count")) for r in listed]
    assert len(rows) > 7
