"""Tally exports: CSV recounts, XLSX sheets and charts, PDF text, suppression, CLI failures."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from pypdf import PdfReader

from deskapp.services import weeks
from deskapp.services.catalog import Catalog
from deskapp.services.exports import ExportError
from deskapp.services.exports.registry import run_export
from deskapp.services.exports.request import ExportRequest
from deskapp.services.exports.tallies_xlsx import ALL_SHEETS, REASONS, SHARES
from deskapp.services.journal import Journal
from deskapp.services.tallies import Query, Tally
from deskapp.services.weeks import week_range
from tests import demo_journal
from tests.demo_journal import FIRST, LAST

ROOT = Path(__file__).parents[1]
SPAN = week_range(FIRST, LAST)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    path = tmp_path_factory.mktemp("exports") / "demo.skranke"
    demo_journal.build(path, catalog)
    return path


@pytest.fixture
def journal(demo_path: Path):
    with Journal(demo_path) as opened:
        yield opened


def read_csv(path: Path, sep: str = ";") -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel opens æøå
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=sep))


def test_tallies_csv_equals_recount_of_visits_csv(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    run_export(journal, catalog, ExportRequest("visits", "csv", SPAN, tmp_path / "visits.csv"))
    run_export(journal, catalog, ExportRequest("tallies", "csv", SPAN, tmp_path / "tallies.csv"))
    visits = read_csv(tmp_path / "visits.csv")
    dims = ("iso_week", "desk", "site", "errand", "channel", "reason", "outcome")
    expected = Counter(tuple(v[d] for d in dims) for v in visits)
    tallies = read_csv(tmp_path / "tallies.csv")
    got = Counter({(t["week"], t["desk"], t["site"], t["errand"], t["channel"], t["reason"], t["outcome"]):
                   int(t["count"]) for t in tallies})
    assert got == expected
    assert any(t["errand_label"] == "Lægeskift" for t in tallies)


def test_min_count_suppresses_small_cells(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "tallies.csv"
    run_export(journal, catalog, ExportRequest("tallies", "csv", SPAN, out, sep=";", min_count=5))
    counts = [row["count"] for row in read_csv(out, ";")]
    assert "<5" in counts
    assert all(c == "<5" or int(c) >= 5 for c in counts)


@pytest.mark.parametrize(("sep", "point"), [(";", ","), (",", ".")])
def test_shares_csv_parses_as_numbers_both_ways(journal: Journal, catalog: Catalog, tmp_path: Path,
                                                sep: str, point: str) -> None:
    out = tmp_path / "shares.csv"
    rows = run_export(journal, catalog, ExportRequest("shares", "csv", SPAN, out, sep=sep))
    data = read_csv(out, sep)
    assert len(data) == rows
    expected = {(r["week"], r["errand"]): r for r in Tally(journal, catalog).shares(Query(FIRST, LAST))}
    other = "." if point == "," else ","
    for row in data:
        want = expected[(row["week"], row["errand"])]
        assert int(row["digital"]) == want["digital"]
        if want["digital_share"] is None:
            assert row["digital_share"] == ""  # no imported digital counts: no share
            continue
        assert other not in row["digital_share"]  # one decimal mark, the flavour's
        assert float(row["digital_share"].replace(",", ".")) == pytest.approx(want["digital_share"], abs=1e-4)
        assert row["goal"] == f"0{point}8000"
    assert any(row["digital_share"] for row in data)


def test_csv_default_is_semicolon_with_decimal_comma() -> None:
    request = ExportRequest("shares", "csv", SPAN, "x.csv")
    assert request.sep == ";" and request.decimal_comma


def test_xlsx_has_every_sheet_and_native_charts(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "tallies.xlsx"
    run_export(journal, catalog, ExportRequest("tallies", "xlsx", SPAN, out, min_count=0))
    names = zipfile.ZipFile(out).namelist()
    assert "xl/charts/chart1.xml" in names
    book = openpyxl.load_workbook(out)
    assert set(ALL_SHEETS) <= set(book.sheetnames)
    summary = book[ALL_SHEETS[0]]
    totals = Tally(journal, catalog).totals(Query(FIRST, LAST))
    assert summary["A6"].value == "Henvendelser i alt"
    assert summary["B6"].value == totals["visits"]
    assert book[REASONS].freeze_panes == "B2"
    reasons = book[REASONS]
    header = [c.value for c in reasons[1]]
    assert "Prøvede, men det gik ikke igennem" in header
    first_errand = Tally(journal, catalog).errands(Query(FIRST, LAST))[0]
    assert reasons["B2"].value == first_errand["errand"]
    assert reasons.cell(2, len(header)).value == first_errand["count"]


def test_shares_xlsx_has_the_shares_sheet(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "shares.xlsx"
    run_export(journal, catalog, ExportRequest("shares", "xlsx", SPAN, out))
    book = openpyxl.load_workbook(out)
    assert SHARES in book.sheetnames
    assert "xl/charts/chart1.xml" in zipfile.ZipFile(out).namelist()


def test_shares_chart_draws_the_80_percent_goal_as_a_line(journal: Journal, catalog: Catalog,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "tallies.xlsx"
    run_export(journal, catalog, ExportRequest("tallies", "xlsx", SPAN, out))
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    archive = zipfile.ZipFile(out)
    charts = [ElementTree.fromstring(archive.read(name)) for name in archive.namelist()
              if name.startswith("xl/charts/chart")]

    def series(chart: ElementTree.Element, kind: str) -> dict[str, ElementTree.Element]:
        return {s.findtext("c:tx//c:v", namespaces=ns) or "": s
                for s in chart.findall(f".//c:{kind}/c:ser", ns)}

    [shares] = [c for c in charts if "Digital andel" in series(c, "barChart")]
    assert set(series(shares, "barChart")) == {"Digital andel", "Selvbetjeningsandel"}
    lines = series(shares, "lineChart")
    assert set(lines) == {"Mål 80 %", "Landsplan (reference)"}
    goal = lines["Mål 80 %"]
    n = len([r for r in Tally(journal, catalog).shares_by_errand(Query(FIRST, LAST)) if r["has_digital"]])
    assert goal.findtext("c:val//c:f", namespaces=ns) == f"{SHARES}!$H$2:$H${n + 1}"
    points = [float(v.text or "") for v in goal.findall("c:val//c:pt/c:v", ns)]
    assert points == [0.8] * n
    sheet = openpyxl.load_workbook(out)[SHARES]
    assert sheet["H1"].value == "Mål" and [sheet.cell(r, 8).value for r in range(2, n + 2)] == [0.8] * n


def test_visits_xlsx_has_one_row_per_counted_visit(journal: Journal, catalog: Catalog,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "visits.xlsx"
    rows = run_export(journal, catalog, ExportRequest("visits", "xlsx", SPAN, out))
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == rows + 1 == len(journal.counted_visits(FIRST, LAST)) + 1


def test_pdf_report_text(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    run_export(journal, catalog, ExportRequest("tallies", "pdf", SPAN, out, municipality="Ærø Kommune"))
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    cover = reader.pages[0].extract_text()
    totals = Tally(journal, catalog).totals(Query(FIRST, LAST))
    assert "2026-W52" in cover and "2027-W02" in cover
    assert "Ærø Kommune" in cover
    assert f"{totals['visits']:,}".replace(",", ".") in cover
    assert "skranke-1, skranke-2" in cover
    assert "Lægeskift" in text and "Boligstøtte" in text
    assert "Mål 80 %" in text
    assert "Friktionspunkter" in text
    minutes = totals["avg_duration_s"] / 60
    assert f"Gennemsnitlig varighed {minutes:.1f} min".replace(".", ",") in " ".join(cover.split())
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts)


def test_export_errors(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot be exported as pdf"):
        run_export(journal, catalog, ExportRequest("visits", "pdf", SPAN, tmp_path / "v.pdf"))
    with pytest.raises(ExportError, match="does not exist"):
        run_export(journal, catalog, ExportRequest("tallies", "xlsx", SPAN, tmp_path / "no" / "t.xlsx"))
    assert list(tmp_path.iterdir()) == []


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deskapp", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_cli_export_writes_files(demo_path: Path, tmp_path: Path, catalog: Catalog) -> None:
    with Journal(demo_path) as journal:
        tally = Tally(journal, catalog)
        visits = tally.totals(Query(FIRST, LAST))["visits"]
        share_rows = len(tally.shares(Query(FIRST, LAST)))
    for kind, fmt, says in (("tallies", "xlsx", f"{visits} visits counted"),
                            ("shares", "pdf", f"{visits} visits counted"),
                            ("shares", "xlsx", f"{share_rows} week and errand rows")):
        out = tmp_path / f"{kind}.{fmt}"
        done = run_cli("export", kind, "--journal", str(demo_path), "--from", FIRST, "--to", LAST,
                       "--format", fmt, "--out", str(out), "--min-count", "3")
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
        assert f"({says}, 2026-W52 to 2027-W02)" in done.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-W60"], "2026 has no week 60"),
    (["--from", "2027-W53"], "2027 has no week 53"),
    (["--from", "uge 4"], "is not a week"),
    (["--from", "2027-W02", "--to", "2026-W52"], "is empty"),
    (["--from", FIRST, "--format", "pdf", "kind=visits"], "visits cannot be exported as pdf"),
    (["--from", FIRST, "--min-count", "-1"], "--min-count"),
    (["--from", FIRST, "out=missing/report.pdf"], "does not exist"),
    (["--from", FIRST, "out=."], "is a folder"),
])
def test_cli_bad_input_one_line_no_file(demo_path: Path, tmp_path: Path, args: list[str],
                                        message: str) -> None:
    kind = next((a.split("=", 1)[1] for a in args if a.startswith("kind=")), "tallies")
    out = next((a.split("=", 1)[1] for a in args if a.startswith("out=")), "report.pdf")
    args = [a for a in args if "=" not in a]
    if "--format" not in args:
        args += ["--format", "pdf"]
    work = tmp_path / "work"
    work.mkdir()
    target = out if out == "." else str(work / out)
    done = subprocess.run(
        [sys.executable, "-m", "deskapp", "export", kind, "--journal", str(demo_path), *args,
         "--out", target],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deskapp: ")
    assert message in lines[0]
    assert list(work.iterdir()) == []


def test_cli_relative_weeks_for_scheduled_exports(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "last.csv"
    done = run_cli("export", "tallies", "--journal", str(demo_path), "--from", "last-week", "--to",
                   "this-week", "--out", str(out))
    assert done.returncode == 0, done.stderr
    this_week = weeks.this_week()
    assert f"{weeks.shift_week(this_week, -1)} to {this_week}" in done.stdout


def test_cli_missing_journal(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    done = run_cli("export", "tallies", "--journal", str(tmp_path / "none.skranke"), "--from", FIRST,
                   "--out", str(out))
    assert done.returncode != 0
    assert done.stderr.startswith("deskapp: there is no journal")
    assert not out.exists() and not (tmp_path / "none.skranke").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_empty_period_still_exports(journal: Journal, catalog: Catalog, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    rows = run_export(journal, catalog, ExportRequest("tallies", fmt, ["2020-W10"], out, min_count=5))
    assert rows == 0
    assert out.stat().st_size > 0
    if fmt == "pdf":
        text = PdfReader(out).pages[0].extract_text()
        assert "2020-W10" in text and "ingen registreringer" in text


def test_min_count_in_xlsx_and_pdf(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    run_export(journal, catalog, ExportRequest("tallies", "xlsx", SPAN, tmp_path / "t.xlsx", min_count=5))
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    cells = [c.value for row in book[REASONS].iter_rows(min_row=2) for c in row[2:]]
    assert "<5" in cells
    assert all(v in ("<5", "x") or v == 0 or (isinstance(v, int) and v >= 5) for v in cells)
    run_export(journal, catalog, ExportRequest("tallies", "pdf", SPAN, tmp_path / "t.pdf", min_count=5))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages)
    assert "Antal under 5 vises som <5" in text
    assert "<5" in text.split("Ærinder × årsager")[-1]


def test_pdf_header_words_are_never_split(journal: Journal, catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    run_export(journal, catalog, ExportRequest("tallies", "pdf", SPAN, out))
    words = {w.strip(",.()") for page in PdfReader(out).pages for w in page.extract_text().split()}
    # Long header words of the shares table and the pivots stay whole (a header row shrinks its
    # font instead); a compound breaks only at its hyphen, soft hyphen or slash.
    for whole in ("Transaktioner", "ansøgninger", "færdigheder", "Post/", "selvbetjening", "fremmøde"):
        assert whole in words, whole
    assert {"Selvbetjenings-", "Selvbetjeningsandel"} & words
    assert not {"Selvbetjenin", "Transaktion", "rdigheder", "etjening"} & words


def test_pdf_pivots_list_every_errand_with_a_total(journal: Journal, catalog: Catalog,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    run_export(journal, catalog, ExportRequest("tallies", "pdf", SPAN, out))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    pivots = text.split("Ærinder × årsager til fremmøde")[-1]
    tally = Tally(journal, catalog)
    query = Query(FIRST, LAST)
    for errand in tally.with_labels(tally.errands(query)):
        assert pivots.count(str(errand["errand_label"])) >= 2  # in both pivots, the least common too
    total = f"{tally.totals(query)['visits']:,}".replace(",", ".")
    total_rows = re.findall(r"I alt((?: [\d.·]+)+)", pivots)
    assert [row.split()[-1] for row in total_rows] == [total, total]
