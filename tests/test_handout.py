"""The citizen handout: text read back from the PDF, the QR code decoded from a rendering."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from deskapp.services.catalog import Catalog, Choice, EntryPoint, Errand, Guide, GuideStep
from deskapp.services.exports import ExportError
from deskapp.services.exports.handout import (
    HOTLINE_PHONE,
    TITLE,
    HelpContact,
    NoGuide,
    write_handout,
)
from deskapp.services.printing import PrintError, print_pdf

CONTACT = HelpContact(municipality="Ærø Kommune", help_line="62 52 15 00")
# every errand with a guide in the standard catalogue (a test below keeps the list complete)
QR_ERRANDS = ("flytning", "sundhedskort", "eu_sygesikringskort", "laegeskift", "dagtilbud",
              "skoleindskrivning", "folkepension", "boligstoette", "digital_post_fritagelse",
              "mitid", "pas", "koerekort", "digital_post_hjaelp")


def guided(catalog: Catalog) -> list:
    return [e for e in catalog.errands if e.guide is not None]


def squash(text: str) -> str:
    """Extracted text with every run of whitespace removed (lines wrap differently)."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_every_guide_has_a_one_page_handout_with_its_content(tmp_path: Path, catalog: Catalog) -> None:
    errands = guided(catalog)
    assert len(errands) >= 10
    for errand in errands:
        out = write_handout(errand, tmp_path / f"{errand.code}.pdf", CONTACT)
        pages, text = pdf_text(out)
        flat = squash(text)
        assert pages == 1, errand.code
        assert TITLE in text, errand.code
        assert squash(errand.label) in flat, errand.code
        assert squash(errand.entry.url) in flat, errand.code
        assert squash(errand.entry.name) in flat, errand.code
        for item in errand.guide.ready:
            assert squash(item) in flat, (errand.code, item)
        for step in errand.guide.steps:
            assert squash(step.citizen) in flat, (errand.code, step.code)
            # the coaching hints are for staff, never on the citizen's sheet
            assert squash(step.hint) not in flat, (errand.code, step.code)
        assert "Den Digitale Hotline" in text and squash(HOTLINE_PHONE) in flat
        assert squash("Ærø Kommune: 62 52 15 00") in flat


def test_every_guide_has_an_english_handout_in_english(tmp_path: Path, catalog: Catalog) -> None:
    for errand in guided(catalog):
        out = write_handout(errand, tmp_path / f"{errand.code}.en.pdf", CONTACT, lang="en")
        pages, text = pdf_text(out)
        flat = squash(text)
        assert pages == 1, errand.code
        assert "How to do it yourself next time" in text and "Where to get help" in text
        assert squash(errand.guide.label_en) in flat, errand.code
        assert squash(errand.entry.url) in flat, errand.code
        for item in errand.guide.ready_en:
            assert squash(item) in flat, (errand.code, item)
        for step in errand.guide.steps:
            assert squash(step.citizen_en) in flat, (errand.code, step.code)
            assert squash(step.citizen) not in flat, (errand.code, step.code)
        assert squash("Ærø Kommune: 62 52 15 00") in flat
        assert "Sådan gør du" not in text and "Her kan du få hjælp" not in text
        assert pypdf.PdfReader(out).metadata.title.startswith("How to do it yourself")


def test_danish_letters_survive_and_the_font_is_embedded(tmp_path: Path, catalog: Catalog) -> None:
    out = write_handout(catalog.errand("laegeskift"), tmp_path / "læge.pdf", CONTACT)
    _, text = pdf_text(out)
    assert "Sådan gør du selv næste gang" in text
    assert "Lægeskift" in text and "Ærø" in text
    fonts = {}
    for page in pypdf.PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = (
                descriptor is not None and "/FontFile2" in descriptor.get_object())
    assert fonts and all(fonts.values()), fonts  # every font embedded: no Helvetica fallback
    assert all("DejaVu" in name for name in fonts), fonts


def test_errand_without_digital_solution_tells_the_citizen_so(tmp_path: Path,
                                                              catalog: Catalog) -> None:
    errand = catalog.errand("digital_post_fritagelse")
    assert errand.no_digital and errand.guide is not None
    _, text = pdf_text(write_handout(errand, tmp_path / "fritagelse.pdf", CONTACT))
    assert "Det kan ikke klares på nettet" in text and "Her kan du læse mere" in text
    assert "Her gør du det" not in text


def test_every_sheet_speaks_to_the_citizen(catalog: Catalog, tmp_path: Path) -> None:
    for errand in guided(catalog):
        _, text = pdf_text(write_handout(errand, tmp_path / f"{errand.code}.pdf", CONTACT))
        assert "borgeren" not in text.lower(), errand.code  # staff wording, not the citizen's


def longest_guide() -> Errand:
    """A catalogue edit at the limits: 8 long steps, 8 ready items, a long URL."""
    words = "Udfyld feltet med de oplysninger, der står i brevet fra kommunen, og kontrollér dem"
    steps = tuple(GuideStep(f"s{i}", "i", "h", f"{i}. {words} en gang til, før du går videre.")
                  for i in range(8))
    ready = tuple(f"Dokument nummer {i} med {words.lower()}" for i in range(8))
    url = "https://www.borger.dk/familie-og-boern/dagtilbud-og-pasning/skriv-op-til-plads?kommune=0751"
    return Errand("lang", "Et ærinde med et meget langt navn, som fylder to linjer på siden", "g",
                  entry=EntryPoint("Kommunens selvbetjening til opskrivning", url),
                  guide=Guide(ready, steps, (Choice("b", "B"),)))


def test_the_longest_guide_still_fits_on_one_page(tmp_path: Path) -> None:
    errand = longest_guide()
    pages, text = pdf_text(write_handout(errand, tmp_path / "lang.pdf", CONTACT))
    assert pages == 1
    flat = squash(text)
    assert all(squash(step.citizen) in flat for step in errand.guide.steps)
    assert squash(HOTLINE_PHONE) in flat and squash(errand.entry.url) in flat


def test_without_municipality_settings_the_sheet_points_to_borgerservice(
        tmp_path: Path, catalog: Catalog) -> None:
    out = write_handout(catalog.errand("pas"), tmp_path / "pas.pdf")
    _, text = pdf_text(out)
    assert "Borgerserviceidinkommune" in squash(text)
    assert "Kommune:" not in text


def test_errand_without_guide_is_refused_and_nothing_is_written(tmp_path: Path,
                                                                catalog: Catalog) -> None:
    with pytest.raises(NoGuide):
        write_handout(catalog.errand("andet"), tmp_path / "andet.pdf")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_the_old_file_and_no_partial(tmp_path: Path, catalog: Catalog) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_handout(catalog.errand("pas"), tmp_path / "missing" / "pas.pdf")
    folder = tmp_path / "already-a-folder.pdf"
    folder.mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write_handout(catalog.errand("pas"), folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["already-a-folder.pdf"]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (scripts/setup.sh test)")
@pytest.mark.parametrize("code", [*QR_ERRANDS, "longest"])
def test_qr_code_decodes_to_the_entry_point(tmp_path: Path, catalog: Catalog, code: str) -> None:
    errand = longest_guide() if code == "longest" else catalog.errand(code)
    out = write_handout(errand, tmp_path / "sheet.pdf", CONTACT)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(out), str(tmp_path / "page")],
                   check=True, timeout=60)
    with Image.open(tmp_path / "page.png") as image:
        results = zxingcpp.read_barcodes(image)
    qr = [r for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert [r.text for r in qr] == [errand.entry.url]


def test_the_qr_list_covers_every_guide(catalog: Catalog) -> None:
    assert {e.code for e in guided(catalog)} <= set(QR_ERRANDS)


def lp_script(folder: Path, body: str) -> None:
    folder.mkdir(exist_ok=True)
    script = folder / "lp"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)


def test_print_pdf_hands_the_file_to_lp(tmp_path: Path, catalog: Catalog, monkeypatch) -> None:
    sheet = write_handout(catalog.errand("mitid"), tmp_path / "mitid.pdf", CONTACT)
    record = tmp_path / "args.txt"
    lp_script(tmp_path / "bin", f"printf '%s\\n' \"$@\" > '{record}'\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    print_pdf(sheet, "", 3)  # no printer chosen: lp's default destination, no -d
    assert record.read_text().splitlines() == ["-n", "3", str(sheet)]
    print_pdf(sheet, "Skranke Laser", 0)
    assert record.read_text().splitlines() == ["-d", "Skranke Laser", "-n", "1", str(sheet)]


def test_print_pdf_says_why_it_did_not_print(tmp_path: Path, catalog: Catalog, monkeypatch) -> None:
    sheet = write_handout(catalog.errand("mitid"), tmp_path / "mitid.pdf", CONTACT)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(PrintError) as missing:
        print_pdf(sheet, "Skranke_Laser")
    assert missing.value.kind == "no_print_system"
    lp_script(tmp_path / "bin", "echo 'lp: The printer or class does not exist.' >&2\nexit 1\n")
    with pytest.raises(PrintError) as refused:
        print_pdf(sheet, "Skranke_Laser")
    assert refused.value.kind == "failed"
    assert refused.value.values["reason"] == "lp: The printer or class does not exist."
    with pytest.raises(PrintError, match="does not exist"):
        print_pdf(tmp_path / "gone.pdf", "Skranke_Laser")
