"""Page-weight budgets: how pages are counted, and every lesson and guide page of the real
site, in every language, within 14 KB before its text can be read and 30 KB on first view
(brotli bytes, pictures excluded). Bytes are deterministic, so this fails the build."""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

import brotli
import pytest

import support
from healthskills.budget import (
    BEFORE_TEXT_BUDGET,
    FIRST_VIEW_BUDGET,
    content_pages,
    page_weight,
)
from healthskills.build import build_site
from healthskills.cli import main
from support import REPO

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="../../../a.css">
<link rel="stylesheet" href="../../../p.css" media="print">
<script src="../../../sync.js"></script>
<link rel="icon" href="data:,">
</head><body>
<img src="../../../eager.svg"><img src="../../../lazy.svg" loading="lazy">
<a href="https://www.nhs.uk/">a link is not a fetch</a>
<script src="../../../late.js" data-sw="../../../sw.js" defer></script>
</body></html>"""


def _site(root: Path, css: bytes = b"body{color:red}") -> Path:
    files = {
        "en/lessons/x/index.html": PAGE.encode(),
        "a.css": css,
        "p.css": b"@page{margin:1cm}",
        "sync.js": b"console.log(1)",
        "late.js": b"console.log(2)",
        "sw.js": b"self.x=1",
        "eager.svg": b"<svg/>",
        "lazy.svg": b"<svg/>",
    }
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def test_counts_blocking_deferred_and_eager_pictures(tmp_path):
    site = _site(tmp_path)
    weight = page_weight(site, "en/lessons/x/")
    assert set(weight.blocking) == {"a.css", "sync.js"}
    assert set(weight.deferred) == {"p.css", "late.js", "sw.js"}
    assert set(weight.pictures) == {"eager.svg"}
    size = len(brotli.compress(b"body{color:red}", quality=11))
    assert weight.blocking["a.css"] == size
    html = len(brotli.compress(PAGE.encode(), quality=11))
    assert weight.before_text == html + size + weight.blocking["sync.js"]
    assert weight.first_view == weight.before_text + sum(weight.deferred.values())
    assert weight.third_party == [] and weight.missing == []
    assert weight.over_budget() == []


def test_precompressed_copy_is_what_counts(tmp_path):
    site = _site(tmp_path)
    (site / "a.css.br").write_bytes(b"x" * 123)
    assert page_weight(site, "en/lessons/x/").blocking["a.css"] == 123


def test_over_budget_third_party_and_missing_files_are_reported(tmp_path):
    site = _site(tmp_path, css=os.urandom(BEFORE_TEXT_BUDGET))  # random bytes do not compress
    page = site / "en/lessons/x/index.html"
    page.write_text(
        page.read_text().replace(
            "</head>",
            '<link rel="stylesheet" href="https://fonts.example.com/f.css">'
            '<script src="../../../gone.js" defer></script></head>',
        )
    )
    reasons = page_weight(site, "en/lessons/x/").over_budget()
    assert any("before the text can be read" in r and "a.css" in r for r in reasons)
    assert "loads from another host: https://fonts.example.com/f.css" in reasons
    assert "refers to a file that is not in the site: ../../../gone.js" in reasons


@pytest.fixture(scope="module")
def real_site() -> Path:
    return support.real_site()


def test_every_lesson_and_guide_page_is_within_budget(real_site):
    pages = content_pages(real_site)
    languages = {page.split("/")[0] for page in pages}
    lessons = len(list((REPO / "content/lessons").glob("*.yaml")))
    guides = len(list((REPO / "content/guides").glob("*.yaml")))
    # Guides have a text-only page; every language has "my lessons", a word list and "Help
    # near you" (one page: the real site lists national services only).
    assert len(pages) == len(languages) * (lessons + 2 * guides + 3)
    over = {}
    for page in pages:
        weight = page_weight(real_site, page)
        assert weight.before_text <= weight.first_view
        if weight.over_budget():
            over[page] = weight.over_budget()
    assert over == {}, f"over budget ({BEFORE_TEXT_BUDGET:,} / {FIRST_VIEW_BUDGET:,}): {over}"


def test_pictures_have_their_size_and_load_lazily_below_the_fold(real_site):
    """Width and height reserve the space (no layout shift); only the first few load at once."""
    for page in content_pages(real_site):
        html = (real_site / page / "index.html").read_text(encoding="utf-8")
        pictures = re.findall(r"<img\b[^>]*>", html)
        if page.endswith(("/text/", "/my-lessons/", "/words/")):
            assert pictures == [], f"{page}: has pictures"
            continue
        assert pictures, page
        for tag in pictures:
            assert re.search(r'\swidth="\d+"', tag) and re.search(r'\sheight="\d+"', tag), tag
        eager = [tag for tag in pictures if 'loading="lazy"' not in tag]
        # A lesson or guide shows its first pictures at once; the places' small offer
        # pictures all wait until they are scrolled to.
        fewest = 0 if "/help-near-you/" in page else 1
        assert fewest <= len(eager) <= 3, f"{page}: {len(eager)} pictures load at once"


def test_text_files_have_identical_precompressed_copies(real_site):
    page = real_site / "ar/lessons/set-up-nhs-app/index.html"
    data = page.read_bytes()
    assert brotli.decompress((page.parent / "index.html.br").read_bytes()) == data
    assert gzip.decompress((page.parent / "index.html.gz").read_bytes()) == data
    texts = [p for p in real_site.rglob("*") if p.suffix in (".html", ".css", ".js", ".json")]
    assert texts and all(p.with_name(p.name + ".br").is_file() for p in texts)
    assert (real_site / "_headers").is_file() and (real_site / "sw.js.br").is_file()


def test_budget_command(real_site, capsys):
    assert main(["budget", "--project", str(REPO), "--site-dir", str(real_site)]) == 0
    out = capsys.readouterr().out
    assert "en/lessons/set-up-nhs-app/" in out
    assert out.strip().endswith("0 over budget.")
    assert main(["budget", "--project", str(REPO), "--site-dir", str(real_site / "nope")]) == 1


def test_an_area_with_200_places_stays_within_budget(places_project):
    """A council's whole directory in one town: the area's pages are split so that each
    stays inside the budgets, and so are its filter pages and place pages."""
    template = (places_project.root / "content/places/riverton-central-library.yaml").read_text()
    for n in range(200):
        text = template.replace("riverton-central-library", f"place-{n:03d}")
        text = text.replace("Riverton Central Library", f"Riverton Place Number {n}")
        (places_project.root / f"content/places/place-{n:03d}.yaml").write_text(text)
    checked = support.checked_clean(places_project, support.PLACES_TODAY)
    site = places_project.root / "site"
    build_site(checked, site, cache=False)
    pages = [p for p in content_pages(site) if "/help-near-you/" in p]
    assert "en/help-near-you/riverton/6/" in pages  # 202 places, 40 a page
    over = {page: page_weight(site, page).over_budget() for page in pages}
    assert {page: reasons for page, reasons in over.items() if reasons} == {}
    biggest = max(pages, key=lambda page: page_weight(site, page).before_text)
    print(f"\nlargest help page {biggest}: {page_weight(site, biggest).before_text:,} B "
          f"before text, {page_weight(site, biggest).first_view:,} B first view")  # fmt: skip
