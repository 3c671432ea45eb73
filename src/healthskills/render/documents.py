"""Stage 4, render for paper: the documents champions print, as standalone HTML.

- the easy-read sheet of each guide in each language (the guide page's own body);
- the bilingual sheet: the learner's language beside English, row by row;
- the champion pack: a contents page, every guide, and each lesson's handout and notes.

Each is a whole HTML document with the site's stylesheets inlined and its own `@page` rules,
ready for the print engine. Pictures are linked as on the site and load at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from ..assets import Assets
from ..load import Content
from ..models import Guide
from . import (
    _ENV,
    Localised,
    _context,
    _Page,
    _terms_linked,
    guide_body,
    guide_page_css,
    lesson_order,
)
from .printing import Margins, PrintDoc, SiteSettings, footer_text, online, page_rules, paper_rule
from .urls import bilingual_pdf_path, guide_url, lesson_url, pack_pdf_path, sheet_pdf_path


def _document(page: _Page, local: Localised, assets: Assets, title: str, body: str,
              page_css: str, settings: SiteSettings) -> str:  # fmt: skip
    notice = page.t("machine_notice") if local.language.status == "machine" else ""
    return _ENV.get_template("print_document.html").render(
        lang=page.lang,
        dir=local.language.dir,
        base=settings.site_url + page.url,
        title=title,
        css=Markup(assets.css),
        print_css=Markup(assets.files[assets.print_css].decode("utf-8")),
        # Built by printing.page_rules from escaped CSS strings: cannot end the element.
        page_css=Markup(page_css),
        notice=notice,
        body=Markup(body),
    )


def _html_url(path: str) -> str:
    """Where a document pretends to live (its `<base>`), so that its relative links resolve
    as they do on the real site and lead there from the PDF."""
    return path.removesuffix(".pdf") + ".html"


def sheet_doc(
    content: Content, assets: Assets, local: Localised, guide: Guide, settings: SiteSettings
) -> PrintDoc:
    """A guide's easy-read sheet: exactly what printing its page gives."""
    path = sheet_pdf_path(local.language.code, guide.id)
    page, body = guide_body(
        content, assets, local, guide, settings, url=_html_url(path), printing=True
    )
    page_css = guide_page_css(page, guide, settings)
    html = _document(page, local, assets, str(guide.title), body, page_css, settings)
    return PrintDoc(path, html, page.lang, "sheet", guide.id)


def bilingual_doc(
    content: Content,
    assets: Assets,
    local: Localised,
    english: Localised,
    guide: Guide,
    settings: SiteSettings,
) -> PrintDoc:
    """A guide in the learner's language beside English, for champions."""
    lang = local.language.code
    path = bilingual_pdf_path(lang, guide.id)
    url = _html_url(path)
    page = _context(content, assets, local, url, printing=True)
    en = _context(content, assets, english, url, printing=True)
    english_guide = english.guides[guide.id]
    body = _ENV.get_template("bilingual.html").render(
        page=page,
        en=en,
        guide=guide,
        english=english_guide,
        online=online(settings, guide_url(lang, guide.id)),
    )
    title = f"{guide.title} · {english_guide.title}"
    margins = Margins(title, footer_text(page, guide), page.template("page_of"))
    page_css = paper_rule(settings) + page_rules(margins, local.language.dir)
    html = _document(page, local, assets, title, body, page_css, settings)
    return PrintDoc(path, html, lang, "bilingual", guide.id)


# ---- the champion pack ----------------------------------------------------------------


@dataclass(frozen=True)
class PackItem:
    number: int
    title: str
    body: Markup
    margins: Margins
    page: str = ""
    """Its first page in the pack, once known."""


def pack_items(
    content: Content, assets: Assets, local: Localised, settings: SiteSettings, url: str
) -> tuple[list[PackItem], list[PackItem], list[PackItem]]:
    """The pack's guides, lesson handouts and facilitator notes, in order."""
    lang = local.language.code
    guides, handouts, notes = [], [], []
    number = 0
    for guide in local.guides.values():
        number += 1
        page, body = guide_body(content, assets, local, guide, settings, url=url, printing=True)
        margins = Margins(str(guide.title), footer_text(page, guide), page.template("page_of"))
        guides.append(PackItem(number, str(guide.title), Markup(body), margins))
    for lesson in (local.lessons[i] for i in lesson_order(local)):
        page = _context(content, assets, local, url, printing=True)
        terms = [
            term
            for step in lesson.steps
            for text in (step.text, step.tip, step.warning)
            for term in _terms_linked(text)
        ]
        terms = [t for t in dict.fromkeys([*terms, *lesson.glossary]) if t in page.glossary]
        where = online(settings, lesson_url(lang, lesson.id))
        body = _ENV.get_template("handout.html").render(
            page=page, lesson=lesson, terms=terms, online=where
        )
        margins = Margins(str(lesson.title), footer_text(page, lesson), page.template("page_of"))
        number += 1
        handouts.append(PackItem(number, str(lesson.title), Markup(body), margins))
        body = _ENV.get_template("facilitator.html").render(page=page, lesson=lesson)
        title = f"{page.t('facilitator_notes')}: {lesson.title}"
        number += 1
        notes.append(PackItem(number, title, Markup(body), replace(margins, header=title)))
    return guides, handouts, notes


def pack_doc(
    content: Content,
    assets: Assets,
    local: Localised,
    settings: SiteSettings,
    first_pages: list[int] | None = None,
) -> PrintDoc:
    """The champion pack of one language.

    The contents page needs each part's first page, which only the print engine knows:
    the first print leaves the numbers blank (their column has a fixed width, so the
    layout does not change), the second fills in `first_pages` read from the first."""
    lang = local.language.code
    path = pack_pdf_path(lang)
    url = _html_url(path)
    page = _context(content, assets, local, url, printing=True)
    guides, handouts, notes = pack_items(content, assets, local, settings, url)
    items = sorted([*guides, *handouts, *notes], key=lambda item: item.number)
    if first_pages is not None:
        numbers = dict(zip((item.number for item in items), first_pages, strict=True))
        items = [replace(item, page=str(numbers[item.number])) for item in items]
    by_number = {item.number: item for item in items}
    lesson_entries = [
        by_number[item.number] for pair in zip(handouts, notes, strict=True) for item in pair
    ]
    parts = [
        (page.t("guides"), [by_number[item.number] for item in guides]),
        (page.t("lesson_handouts"), lesson_entries),
    ]
    body = _ENV.get_template("pack.html").render(
        page=page, parts=parts, items=items, online=online(settings, f"{lang}/")
    )
    direction = local.language.dir
    home = settings.site_url + f"{lang}/"
    cover = Margins(page.t("champion_pack"), home, page.template("page_of"))
    page_css = paper_rule(settings) + page_rules(cover, direction)
    for item in items:
        name = f"p{item.number}"
        page_css += f".hs-part-{item.number}{{page:{name}}}"
        page_css += page_rules(item.margins, direction, name)
    html = _document(page, local, assets, page.t("champion_pack"), body, page_css, settings)
    return PrintDoc(path, html, lang, "pack")
