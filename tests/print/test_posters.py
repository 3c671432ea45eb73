"""A place's poster, as champions pin it up: the worked example (tests/data/places-example)
built with its PDFs, every poster read back. One A4 page, nothing under 16 pt, the QR code
leads to the place's page in the poster's language, and the bilingual poster carries both
languages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from healthskills.build import build_site
from healthskills.pages import bilingual_poster_pdf_path, poster_pdf_path
from support import MM, PLACES_TODAY, checked_clean, pdftotext

SITE_URL = "https://health.example.org/"
LOCAL = {
    "riverton-central-library": "riverton",
    "riverside-community-hub": "riverton",
    "riverton-night-shelter": "riverton",
    "eastbrook-medical-centre": "eastbrook",
    "eastbrook-pharmacy": "eastbrook",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from healthskills.project import Project
    from support import DATA

    root = tmp_path_factory.mktemp("posters") / "project"
    shutil.copytree(DATA / "places-example", root)
    checked = checked_clean(Project(root), PLACES_TODAY)
    build_site(checked, root / "site", pdfs=True, cache=False)
    return root / "site"


def posters() -> list[tuple[str, str, str]]:
    """(language, place, pdf path) for every poster the example should have."""
    out = []
    for place in LOCAL:
        out.append(("en", place, poster_pdf_path("en", place)))
        out.append(("ar", place, poster_pdf_path("ar", place)))
        out.append(("ar", place, bilingual_poster_pdf_path("ar", place)))
    return out


def test_every_local_place_has_its_posters_and_national_services_none(site):
    made = sorted(p.relative_to(site).as_posix() for p in site.glob("*/print/place-*.pdf"))
    assert made == sorted(path for _, _, path in posters())


@pytest.mark.parametrize("lang, place, path", posters(), ids=lambda v: str(v))
def test_a_poster_is_one_a4_page_in_easy_read_sizes(site, lang, place, path):
    reader = PdfReader(site / path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        210,
        297,
    )
    assert reader.trailer["/Root"]["/Lang"] == lang
    with pdfplumber.open(site / path) as pdf:
        page = pdf.pages[0]
        # The footer (when the details were checked, the page's address) is in the
        # bottom margin, at the size of every printed sheet's footer.
        chars = [c for c in page.chars if c["text"].strip() and c["top"] < page.height - 20 * MM]
    small = {c["text"] for c in chars if c["size"] < 16 - 0.01}
    assert not small, f"under 16 pt: {''.join(sorted(small))}"
    assert max(c["size"] for c in chars) >= 24  # the place's name, to read from across a room


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="run `make test`: it installs zbar")
@pytest.mark.parametrize("lang, place, path", posters(), ids=lambda v: str(v))
def test_the_qr_code_leads_to_the_place_in_the_same_language(site, lang, place, path, tmp_path):
    image = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(site / path),
                    str(image)], check=True)  # fmt: skip
    scan = subprocess.run(["zbarimg", "--quiet", "--raw", f"{image}.png"],
                          capture_output=True, text=True)  # fmt: skip
    url = f"{SITE_URL}{lang}/help-near-you/{LOCAL[place]}/{place}/"
    assert scan.stdout.strip() == url
    assert (site / url.removeprefix(SITE_URL) / "index.html").is_file()


def test_the_bilingual_poster_says_it_in_both_languages(site):
    text = pdftotext(site / bilingual_poster_pdf_path("ar", "riverton-central-library"), 1, 1)
    flat = re.sub(r"\s+", " ", re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text))
    for english in ("Free help to get online", "What you can get here", "Free Wi-Fi",
                    "When it is open", "How to find it"):  # fmt: skip
        assert english in flat
    for arabic in ("واي فاي", "الاثنين"):  # Wi-Fi, Monday
        assert arabic in flat
    assert "Riverton Central Library" in flat and "RT1 2AB" in flat


def test_the_poster_shows_what_the_place_offers_and_its_hours(site):
    text = re.sub(
        r"\s+", " ", pdftotext(site / poster_pdf_path("en", "riverside-community-hub"), 1, 1)
    )
    for expected in ("Free SIM card or mobile data (National Databank)", "Monday",
                     "10:00 to 12:00 and 13:00 to 16:00", "It is best to book first.",
                     "Use the side door next to the car park.", "020 7946 0123",
                     "Details checked on 1 October 2026"):  # fmt: skip
        assert expected in text
