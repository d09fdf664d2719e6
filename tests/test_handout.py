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

from deskapp.services.catalog import Catalog
from deskapp.services.exports import ExportError
from deskapp.services.exports.handout import (
    HOTLINE_PHONE,
    TITLE,
    HelpContact,
    NoGuide,
    write_handout,
)

CONTACT = HelpContact(municipality="Ærø Kommune", help_line="62 52 15 00")


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


def test_danish_letters_survive_and_the_font_is_embedded(tmp_path: Path, catalog: Catalog) -> None:
    out = write_handout(catalog.errand("laegeskift"), tmp_path / "læge.pdf", CONTACT)
    _, text = pdf_text(out)
    assert "Sådan gør du selv næste gang" in text
    assert "Lægeskift" in text and "Ærø" in text
    fonts = set()
    for page in pypdf.PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVu" in name for name in fonts), fonts


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
@pytest.mark.parametrize("code", ["flytning", "sundhedskort", "boligstoette", "mitid"])
def test_qr_code_decodes_to_the_entry_point(tmp_path: Path, catalog: Catalog, code: str) -> None:
    errand = catalog.errand(code)
    out = write_handout(errand, tmp_path / "sheet.pdf", CONTACT)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(out), str(tmp_path / "page")],
                   check=True, timeout=60)
    with Image.open(tmp_path / "page.png") as image:
        results = zxingcpp.read_barcodes(image)
    qr = [r for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert [r.text for r in qr] == [errand.entry.url]
