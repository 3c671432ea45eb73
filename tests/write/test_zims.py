"""The offline packs of the real site, read back with libzim's own reader: one per language,
with the metadata Kiwix needs, a main page, every link and picture inside the pack, links
that leave it marked, a full-text index that finds a lesson by its words, and within the
size budget. Then the worked example: packs made again from the same pages hold the same
entries, the cache hands back the same file, and `--no-zim` builds none."""

from __future__ import annotations

import posixpath
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import resvg_py
from libzim.reader import Archive
from libzim.search import Query, Searcher

import support
from healthskills.build import build_site
from healthskills.load.languages import load_languages
from healthskills.pages import zim_path
from healthskills.project import Project
from healthskills.render.offline import megabytes
from support import DATA, PLACES_TODAY, REPO, checked_clean

ZIM_BUDGET = 3_000_000
"""A language's pack, without PDFs (they stay online: see docs/charities.md)."""
LANGUAGES = [language.code for language in load_languages(Project(REPO))[0]]
METADATA = ("Name", "Title", "Description", "Language", "Creator", "Publisher", "Date", "Tags")


@pytest.fixture(scope="module")
def packs() -> dict[str, Path]:
    site = support.real_site()
    return {lang: site / zim_path(lang) for lang in LANGUAGES}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.outbound: list[str] = []
        self.marked = 0
        self.online: list[str] = []  # elements that should not be in a pack
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "data-hs-online" in values or "data-sw" in values or values.get("id") == "hs-search":
            self.online.append(tag)
        if values.get("http-equiv") == "Content-Security-Policy":
            self.online.append("csp")
        if tag == "span" and values.get("class") == "hs-needs-internet" and self._href:
            self.marked += 1
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") == "canonical"):
                self.links.append((tag, values[name]))
        if tag == "a" and (values.get("href") or "").startswith(("http:", "https:")):
            self._href = values["href"]
            self.outbound.append(values["href"])

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def _html_entries(archive: Archive):
    for index in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(index)
        if entry.is_redirect:
            continue
        item = entry.get_item()
        if item.mimetype == "text/html":
            yield item.path, bytes(item.content).decode("utf-8")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_language_has_a_pack_within_budget(packs, capsys):
    with capsys.disabled():
        print("\noffline packs (bytes, budget 3,000,000 each, PDFs left out):")
        for lang, path in packs.items():
            print(f"  {lang}: {path.stat().st_size:,}")
    assert all(path.stat().st_size <= ZIM_BUDGET for path in packs.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_metadata_main_page_and_every_link_inside(packs, lang):
    archive = Archive(packs[lang])
    values = {key: archive.get_metadata(key).decode("utf-8") for key in METADATA}
    assert all(values.values()), values
    languages = {language.code: language for language in load_languages(Project(REPO))[0]}
    assert values["Language"] == languages[lang].zim_language
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", values["Date"])
    assert len(values["Title"]) <= 30 and len(values["Description"]) <= 80
    assert _png_size(archive.get_illustration_item(48).content.tobytes()) == (48, 48)
    assert archive.has_fulltext_index and archive.main_entry.get_item().path == f"{lang}/index.html"

    source = archive.get_metadata("Source").decode("utf-8")
    broken, unmarked, online, needless = [], [], [], []
    pages = 0
    for path, html in _html_entries(archive):
        pages += 1
        scan = _Links()
        scan.feed(html)
        online += [f"{path}: {what}" for what in scan.online]
        if scan.marked != len(scan.outbound):
            unmarked.append(path)
        # A link that goes online to a page the pack holds should have stayed inside.
        for url in scan.outbound:
            inside = url.removeprefix(source).split("#")[0].rstrip("/") + "/index.html"
            if url.startswith(source) and archive.has_entry_by_path(inside):
                needless.append(f"{path}: {url}")
        for tag, url in scan.links:
            if url.startswith(("#", "tel:", "sms:", "mailto:", "data:", "http:", "https:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), url.split("#")[0]))
            if not archive.has_entry_by_path(target):
                broken.append(f"{path}: <{tag}> {url}")
    assert pages > 40
    assert broken == [] and unmarked == [] and online == [] and needless == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_full_text_search_finds_a_lesson_by_its_words(packs, lang):
    archive = Archive(packs[lang])
    lesson = f"{lang}/lessons/order-repeat-prescription/index.html"
    html = bytes(archive.get_entry_by_path(lesson).get_item().content).decode("utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    word = max(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", heading)), key=len)
    search = Searcher(archive).search(Query().set_query(word))
    found = list(search.getResults(0, 10))
    assert lesson in found, (word, found)


def test_read_offline_page_lists_every_pack_with_its_size(packs):
    site = support.real_site()
    for page_lang in ("en", "ar"):
        html = (site / page_lang / "read-offline" / "index.html").read_text("utf-8")
        assert "@@zim-size" not in html
        for lang, path in packs.items():
            assert f'href="../../{zim_path(lang)}"' in html
            assert megabytes(path.stat().st_size, page_lang) in html
    index = (site / "en/search/index.json").read_text("utf-8")
    assert "@@zim-size" not in index


def test_the_read_offline_qr_code_leads_to_the_pages_own_pack(tmp_path):
    html = (support.real_site() / "ar/read-offline/index.html").read_text("utf-8")
    svg = re.search(r"<svg class=\"hs-qr-code\".*?</svg>", html, re.S).group(0)
    svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    png = resvg_py.svg_to_bytes(svg_string=svg, width=400, height=400, background="#ffffff")
    (tmp_path / "qr.png").write_bytes(bytes(png))
    scan = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")],
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert scan.stdout.strip() == "https://healthskills.example.org/" + zim_path("ar")


def _example(tmp_path: Path, name: str) -> tuple[Project, Path]:
    root = tmp_path / name
    shutil.copytree(DATA / "places-example", root)
    return Project(root), root / "site"


XAPIAN = ("fulltext/xapian", "title/xapian")
"""The search indexes: Xapian gives every database a new UUID, which libzim does not let us
set, so these two differ between two packs of the same pages (as does the archive's UUID)."""


def _entries(path: Path) -> dict[str, bytes]:
    archive = Archive(path)
    found = {f"M/{key}": archive.get_metadata(key) for key in archive.metadata_keys}
    for index in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(index)
        found[entry.path] = bytes(entry.get_item().content) if not entry.is_redirect else b""
    assert all(found.pop(index) for index in XAPIAN)
    return found


def test_packs_made_again_hold_the_same_entries(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    made = []
    for name in ("one", "two"):
        project, site = _example(tmp_path, name)
        build_site(checked_clean(project, PLACES_TODAY), site, zims=True, cache=False)
        made.append(_entries(site / zim_path("ar")))
    assert made[0] == made[1]
    assert made[0]["M/Date"] == b"2026-01-01"
    assert (site / zim_path("ar")).stat().st_mtime == 1767225600


def test_the_cache_hands_back_the_same_pack_and_no_zim_builds_none(tmp_path, capsys):
    project, site = _example(tmp_path, "cached")
    checked = checked_clean(project, PLACES_TODAY)
    build_site(checked, site, zims=True)
    first = (site / zim_path("en")).read_bytes()
    build_site(checked, site, zims=True)
    assert (site / zim_path("en")).read_bytes() == first

    build_site(checked, site)
    assert not (site / "downloads").exists()
    page = (site / "en/read-offline/index.html").read_text("utf-8")
    assert "This copy of the website does not have the files." in page
