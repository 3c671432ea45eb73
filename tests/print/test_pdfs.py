"""The printed documents as the build makes them (support.real_site): every guide's sheet and
bilingual sheet in every language, and each language's champion pack. Read back with
poppler (text, pictures of pages), pdfplumber (font sizes and positions) and zbarimg (QR)."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

import support
from healthskills.build import build_project
from healthskills.check import check_project
from healthskills.localise.content import Localised
from healthskills.pages import bilingual_pdf_path, pack_pdf_path, sheet_pdf_path
from healthskills.print.pdfs import _stamp, part_pages
from healthskills.project import Project
from healthskills.render.lessons import lesson_order
from healthskills.render.printing import organisations
from healthskills.validate.easy_read import MAX_PRINTED_PAGES, estimated_pages
from support import BOTTOM_MARGIN, MM, REPO, TOP_MARGIN, body_text, pdftotext

SITE_URL = "https://healthskills.example.org/"
BIDI_AND_SPACE = re.compile(r"[\s\u00ad\u200e\u200f\u202a-\u202e]+")


@pytest.fixture(scope="module")
def site() -> Path:
    return support.real_site()


@pytest.fixture(scope="module")
def local() -> dict[str, Localised]:
    """Each language's content as the build localised it."""
    checked = check_project(Project(REPO))
    return {lang.code: checked.localised(lang) for lang in checked.languages}


def letters(text: str) -> str:
    """Letters and digits only, without combining marks: what survives text extraction of
    every script in the same order (marks and spacing vary with the font's shaping)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c.isalnum())


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text.replace("-", "")))


def row_texts(guide) -> list[str]:
    rows = [row for section in guide.sections for row in section.rows] + list(guide.who_can_help)
    return [re.sub(r"[*_]", "", str(row.text)) for row in rows]


# ---- every sheet ----------------------------------------------------------------------


def test_every_guide_has_a_sheet_in_every_language_within_the_page_limit(site, local):
    for lang, loc in local.items():
        expected = {sheet_pdf_path(lang, g) for g in loc.guides} | {pack_pdf_path(lang)}
        if lang != "en":
            expected |= {bilingual_pdf_path(lang, g) for g in loc.guides}
        made = {p.relative_to(site).as_posix() for p in (site / lang / "print").glob("*.pdf")}
        assert made == expected
        for guide in loc.guides.values():
            reader = PdfReader(site / sheet_pdf_path(lang, guide.id))
            assert 1 <= len(reader.pages) <= MAX_PRINTED_PAGES, (lang, guide.id)
            assert reader.trailer["/Root"]["/Lang"] == lang  # screen readers pick the voice
            assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # a tagged PDF
            assert reader.metadata.title == str(guide.title)
            box = reader.pages[0].mediabox
            assert abs(float(box.width) - 210 * MM) < 1 and abs(float(box.height) - 297 * MM) < 1


def runs(text: str) -> list[str]:
    """The words of `text`, split further where the direction changes (Arabic-script
    letters, other letters, digits), without combining marks. Text extraction keeps the
    order inside a word but reorders words of different directions on a line, and Arabic
    vowel marks and Nastaliq glyphs come back with stray spaces, so each run is looked
    for in the extracted text with its spaces taken out."""
    out: list[str] = []
    kind = None
    for char in unicodedata.normalize("NFKD", text.replace("\u00ad", "")):
        if unicodedata.category(char).startswith("M"):
            continue
        if not char.isalnum():
            kind = None
            continue
        this = "digit" if char.isdigit() else unicodedata.bidirectional(char)
        if this != kind:
            out.append("")
            kind = this
        out[-1] += char
    return out


def missing_text(rows: list[str], extracted: str, lang: str) -> list[str]:
    """What of `rows` is not in the extracted text. Nastaliq (Urdu) comes back from text
    extraction as glyph pieces in shaping order, not as words, so for Urdu the test can
    only ask that every letter is there as often as the rows use it."""
    if lang == "ur":
        short = collections.Counter(letters(" ".join(rows))) - collections.Counter(
            letters(extracted)
        )
        return sorted(short.elements())
    found = "".join(runs(extracted))
    return [run for row in rows for run in runs(row) if run not in found]


def test_the_checks_page_estimate_is_cautious_but_close(site, local):
    """`healthskills check` warns about long guides before any PDF exists; its estimate
    must not be below any language's real page count, nor far above it."""
    for guide_id, guide in local["en"].guides.items():
        estimate = estimated_pages(guide)
        real = [len(PdfReader(site / sheet_pdf_path(lang, guide_id)).pages) for lang in local]
        assert max(real) <= estimate <= max(real) + 2, (guide_id, estimate, real)


def test_sheets_show_every_row_in_the_readers_language(site, local):
    """Every row's text is in the PDF's text layer (copy, search, screen readers)."""
    missing = {}
    for lang, loc in local.items():
        for guide in loc.guides.values():
            text = body_text(site / sheet_pdf_path(lang, guide.id))
            gone = missing_text(row_texts(guide), text, lang)
            if gone:
                missing[lang, guide.id] = gone
    assert missing == {}


def test_body_text_is_at_least_16_pt_and_every_page_has_its_title_on_top(site, local):
    """EASY-READ.md: 16 pt or more in print. Only the running header and footer, in the
    page margins, are smaller."""
    for lang in ("en", "ar", "ur", "pl"):
        for guide in local[lang].guides.values():
            path = site / sheet_pdf_path(lang, guide.id)
            with pdfplumber.open(path) as pdf:
                for number, page in enumerate(pdf.pages, 1):
                    body = [
                        c for c in page.chars
                        if c["top"] > TOP_MARGIN and c["bottom"] < page.height - BOTTOM_MARGIN
                    ]  # fmt: skip
                    small = {c["text"] for c in body if c["size"] < 16 - 0.01}
                    assert not small, f"{path.name} page {number}: under 16 pt: {small}"
                pages = len(pdf.pages)
            tops = pdftotext(path, None, None, "-y", "0", "-W", "600", "-H", str(int(TOP_MARGIN)))
            headers = tops.split("\f")[:pages]
            assert all(missing_text([str(guide.title)], top, lang) == [] for top in headers)


def test_english_header_and_footer(site, local):
    path = site / sheet_pdf_path("en", "nhs-111")
    pages = len(PdfReader(path).pages)
    guide = local["en"].guides["nhs-111"]
    for number in (1, pages):
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[number - 1]
            top = page.crop((0, 0, page.width, TOP_MARGIN)).extract_text()
            # The footer's two parts: the review date and sources (72% of the width, on the
            # start side), then the page number.
            bottom = (page.height - BOTTOM_MARGIN, page.height)
            start = page.crop((0, bottom[0], page.width * 0.72, bottom[1])).extract_text()
            end = page.crop((page.width * 0.72, bottom[0], page.width, bottom[1])).extract_text()
        assert top.strip() == str(guide.title)
        reviewed = f"{guide.reviewed.day} {guide.reviewed:%B %Y}"
        expected = f"Last reviewed: {reviewed} · Source: {organisations(guide.sources)}"
        assert " ".join(start.split()) == expected
        assert end.strip() == f"Page {number} of {pages}"


def test_right_to_left_sheets_put_the_picture_on_the_right(site):
    """The first row's picture against its words: left of them in English, right in Arabic."""
    for lang, picture_on_left in (("en", True), ("ar", False), ("pl", True), ("fa", False)):
        with pdfplumber.open(site / sheet_pdf_path(lang, "nhs-111")) as pdf:
            page = pdf.pages[0]
            # Pictures are vector drawings: their curves sit in the row beside the words.
            row_words = [c for c in page.chars if round(c["size"]) == 16 and c["top"] > 120 * MM]
            shapes = [
                shape
                for shape in page.curves + page.lines + page.rects
                if 120 * MM < shape["top"] < 297 * MM - BOTTOM_MARGIN
            ]
            assert row_words and shapes, lang
            words_x = sum(c["x0"] for c in row_words) / len(row_words)
            shapes_x = sum(c["x0"] for c in shapes) / len(shapes)
            assert (shapes_x < words_x) == picture_on_left, lang


# ---- QR codes -------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="run `make test`: it installs zbar")
def test_qr_codes_lead_to_the_same_guide_online_in_the_same_language(site, local, tmp_path):
    for lang, loc in local.items():
        for guide in loc.guides.values():
            sheets = [sheet_pdf_path(lang, guide.id)]
            sheets += [bilingual_pdf_path(lang, guide.id)] if lang != "en" else []
            for sheet in sheets:
                image = tmp_path / "page"
                subprocess.run(
                    ["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile",
                     str(site / sheet), str(image)],
                    check=True,
                )  # fmt: skip
                scan = subprocess.run(
                    ["zbarimg", "--quiet", "--raw", f"{image}.png"], capture_output=True, text=True
                )
                url = f"{SITE_URL}{lang}/guides/{guide.id}/"
                assert scan.stdout.strip() == url, sheet
                # pdftotext joins a word hyphenated at the end of a line: compare without.
                printed = BIDI_AND_SPACE.sub("", pdftotext(site / sheet, 1, 1)).replace("-", "")
                assert url.removeprefix("https://").replace("-", "") in printed, sheet


# ---- bilingual sheets -----------------------------------------------------------------


def test_bilingual_sheets_put_english_beside_each_row(site, local):
    english = local["en"]
    for lang, loc in local.items():
        if lang == "en":
            continue
        for guide in loc.guides.values():
            path = site / bilingual_pdf_path(lang, guide.id)
            reader = PdfReader(path)
            assert reader.trailer["/Root"]["/Lang"] == lang
            assert len(reader.pages) <= MAX_PRINTED_PAGES
            text = body_text(path)
            assert missing_text(row_texts(english.guides[guide.id]), text, "en") == []
            assert missing_text(row_texts(guide), text, lang) == [], (lang, guide.id)


def test_bilingual_english_column_follows_the_learners_language(site, local):
    """English is the last column: right of Polish, left of Arabic."""

    def row_page(pdf, word: str):
        """The first page where the first row's words are (the notes above the rows can
        push them to the second page)."""
        return next(page for page in pdf.pages if page.search(word))

    english = row_texts(local["en"].guides["nhs-111"])[0].split()[0]
    with pdfplumber.open(site / bilingual_pdf_path("pl", "nhs-111")) as pdf:
        polish = row_texts(local["pl"].guides["nhs-111"])[0].split()[0]
        page = row_page(pdf, english)
        assert page.search(english)[0]["x0"] > page.search(polish)[0]["x0"]
    with pdfplumber.open(site / bilingual_pdf_path("ar", "nhs-111")) as pdf:
        page = row_page(pdf, english)
        found = page.search(english)[0]
        # The same row's Arabic: letters on the English line's height (pdfplumber gives
        # Arabic in presentation forms, so look at the script, not the words).
        arabic = [
            c for c in page.chars
            if abs(c["top"] - found["top"]) < 10
            and unicodedata.bidirectional(unicodedata.normalize("NFKC", c["text"])[:1] or " ") == "AL"
        ]  # fmt: skip
        assert arabic
        assert min(c["x0"] for c in arabic) > found["x1"]


# ---- champion packs -------------------------------------------------------------------


def contents_numbers(path: Path, rtl: bool) -> list[int]:
    """The page numbers printed on the contents pages, top to bottom: the numbers at the
    end of each line (the right edge, or the left in right-to-left languages)."""
    first_part = part_pages(path.read_bytes())[0]
    numbers = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[: first_part - 1]:
            body = page.crop((0, TOP_MARGIN, page.width, page.height - BOTTOM_MARGIN))
            for word in body.extract_words():
                edge = word["x0"] < 16 * MM + 5 if rtl else word["x1"] > page.width - 16 * MM - 5
                if edge and word["text"].isdigit():
                    numbers.append(int(word["text"]))
    return numbers


def test_champion_pack_contents_lead_to_the_right_pages(site, local):
    """Contents, then each guide, then each lesson's handout and its facilitator notes:
    each printed page number is where that part starts, and its title is on that page."""
    for lang, loc in local.items():
        path = site / pack_pdf_path(lang)
        assert PdfReader(path).trailer["/Root"]["/Lang"] == lang
        starts = part_pages(path.read_bytes())
        titles = [str(guide.title) for guide in loc.guides.values()]
        titles += [
            str(loc.lessons[i].title) for i in lesson_order(loc) for _ in ("handout", "notes")
        ]
        assert len(starts) == len(titles) and starts == sorted(set(starts)) and starts[0] > 1
        numbers = contents_numbers(path, loc.language.dir == "rtl")
        assert numbers == starts, lang
        pages = body_text(path).split("\f")
        for title, number in zip(titles, numbers, strict=True):
            assert missing_text([title], pages[number - 1], lang) == [], (lang, title, number)


def test_champion_pack_has_every_guide_handout_and_facilitator_notes(site, local):
    loc = local["en"]
    text = letters(body_text(site / pack_pdf_path("en")))
    for guide in loc.guides.values():
        assert letters(str(guide.title)) in text
    for lesson in loc.lessons.values():
        assert text.count(letters(str(lesson.title))) >= 3  # contents, handout, notes title
        assert letters(f"Notes for digital health champions: {lesson.title}") in text
        for step in lesson.steps:
            assert letters(str(step.title)) in text
        # The facilitator notes give the quiz's right answers.
        for question in lesson.quiz:
            for option in question.options:
                if option.correct:
                    assert letters(str(option.feedback)) in text


# ---- links from the site --------------------------------------------------------------


def test_guide_pages_link_their_pdfs_with_the_real_size(site, local):
    for lang, loc in local.items():
        for guide in loc.guides.values():
            html = (site / lang / "guides" / guide.id / "index.html").read_text("utf-8")
            links = re.findall(r'<a href="([^"]+\.pdf)" type="application/pdf">([^<]+)</a>', html)
            assert len(links) == (1 if lang == "en" else 2), (lang, guide.id)
            for href, label in links:
                target = (site / lang / "guides" / guide.id / href).resolve()
                size = re.search(r"(\d[\d,.\s]*) KB", label)
                assert size, label
                assert int(re.sub(r"\D", "", size[1])) == max(
                    1, round(target.stat().st_size / 1024)
                )
        index = (site / lang / "guides" / "index.html").read_text("utf-8")
        assert f'href="../print/champion-pack-{lang}.pdf"' in index


# ---- paper and reproducibility ----------------------------------------------------------


def test_letter_paper_from_mkdocs_yml(project, tmp_path):
    yml = project.mkdocs_yml
    yml.write_text(yml.read_text() + "extra:\n  paper: letter\n")
    build_project(project, tmp_path / "site", support.TODAY, pdfs=True)
    reader = PdfReader(tmp_path / "site/en/print/first-guide-en.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    rules = (tmp_path / "site/en/guides/first-guide/print.css").read_text("utf-8")
    assert rules.startswith("@page{size:letter}")


def test_build_counts_the_real_pages_of_a_long_guide(project, tmp_path):
    rows = "".join(
        f"  - id: row-{n}\n    picture:\n      name: tick\n      alt: A tick.\n"
        f"    text: Step {n} is done.\n"
        for n in range(120)
    )
    support.edit(project, "content/guides/first-guide.yaml", "words: [app]", rows + "words: [app]")
    result = build_project(project, tmp_path / "site", support.TODAY, pdfs=True)
    pages = len(PdfReader(tmp_path / "site/en/print/first-guide-en.pdf").pages)
    assert pages > MAX_PRINTED_PAGES
    found = [p.format().splitlines()[0] for p in result.warnings if p.rule == "guide-pages"]
    assert sorted(found) == [
        f"content/guides/first-guide.yaml:5:1: warning [guide-pages] sections: The printed "
        f"guide in `en` has {pages} pages; easy read keeps to 24 or fewer.",
        "content/guides/first-guide.yaml:5:1: warning [guide-pages] sections: This guide would "
        f"print on about {estimated_pages(check_project(project).content.guides['first-guide'].model)} "
        "A4 pages, and easy read allows 24. This is an estimate from its rows, words and "
        "sources; the build counts the real pages of each language's PDF.",
    ]


def test_pdfs_are_reproducible(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for name in ("one", "two"):  # printed twice: nothing kept from the first for the second
        build_project(project, tmp_path / name, support.TODAY, pdfs=True, cache=False)
    for pdf in ("en/print/first-guide-en.pdf", "en/print/champion-pack-en.pdf"):
        assert (tmp_path / "one" / pdf).read_bytes() == (tmp_path / "two" / pdf).read_bytes()


def test_a_document_that_asks_for_anything_is_refused_and_reported():
    """Printed documents carry everything; a request would leak to the network."""
    import asyncio

    from healthskills.print.chromium import find_chromium
    from healthskills.print.pdfs import _Engine
    from healthskills.render.printing import PrintDoc

    html = '<!doctype html><title>T</title><img src="https://tracker.example/x.png">Hello'
    engine = _Engine(find_chromium(), 1)

    async def run() -> bytes:
        async with engine:
            return (await engine.print_all([PrintDoc("en/print/t.pdf", html, "en", "sheet")]))[0]

    # A thread of its own: this worker may already run the browser tests' event loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        assert thread.submit(asyncio.run, run()).result().startswith(b"%PDF-")
    assert engine.refused == {"https://tracker.example/x.png": {"T"}}


def test_source_date_epoch_fixes_the_pdf_dates(monkeypatch):
    pdf = b"<</CreationDate (D:20261124032125+00'00')\n/ModDate (D:20261124032125+00'00')>>"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    stamped = _stamp(pdf)
    assert stamped.count(b"(D:20260101000000+00'00')") == 2
    assert len(stamped) == len(pdf)  # byte offsets in the PDF stay right
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert _stamp(pdf) == pdf
