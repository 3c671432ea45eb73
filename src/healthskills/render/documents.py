"""Stage 4, render for paper: the documents champions print, as standalone HTML.

- the easy-read sheet of each guide in each language (the guide page's own body);
- the bilingual sheet: the learner's language beside English, row by row;
- the champion pack: a contents page, every guide, and each lesson's handout and notes.

Each is a whole HTML document with the site's stylesheets inlined and its own `@page` rules,
ready for the print engine. Pictures are linked as on the site and load at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..assets import Assets
from ..localise.content import Localised
from ..models import Guide
from ..models.place import Place, area_slug
from ..pages import (
    bilingual_pdf_path,
    bilingual_poster_pdf_path,
    guide_url,
    lesson_url,
    pack_pdf_path,
    place_url,
    poster_pdf_path,
    sheet_pdf_path,
)
from ..settings import ProjectSettings
from .context import TEMPLATES, PageContext
from .guides import guide_body, guide_page_css
from .lessons import lesson_order, lesson_terms
from .nations import nations_notice
from .places import PlaceView
from .printing import Margins, PrintDoc, footer_text, online, page_rules, paper_rule


def _document(page: PageContext, local: Localised, assets: Assets, title: str, body: str,
              page_css: str, settings: ProjectSettings) -> str:  # fmt: skip
    notice = page.t("machine_notice") if local.language.status == "machine" else ""
    return TEMPLATES.get_template("print_document.html").render(
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
    local: Localised, assets: Assets, settings: ProjectSettings, guide: Guide
) -> PrintDoc:
    """A guide's easy-read sheet: exactly what printing its page gives."""
    path = sheet_pdf_path(local.language.code, guide.id)
    page, body = guide_body(local, assets, settings, guide, url=_html_url(path), printing=True)
    page_css = guide_page_css(page, guide, settings)
    html = _document(page, local, assets, str(guide.title), body, page_css, settings)
    return PrintDoc(path, html, page.lang, "sheet", guide.id)


def bilingual_doc(
    local: Localised,
    english: Localised,
    assets: Assets,
    settings: ProjectSettings,
    guide: Guide,
) -> PrintDoc:
    """A guide in the learner's language beside English, for champions."""
    lang = local.language.code
    path = bilingual_pdf_path(lang, guide.id)
    url = _html_url(path)
    page = PageContext(local, assets, url, printing=True)
    en = PageContext(english, assets, url, printing=True)
    english_guide = english.guides[guide.id]
    body = page.render(
        "bilingual.html",
        notice=False,
        en=en,
        guide=guide,
        english=english_guide,
        nations=nations_notice(page, guide, settings),
        en_nations=nations_notice(en, english_guide, settings),
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
    local: Localised, assets: Assets, settings: ProjectSettings, url: str
) -> tuple[list[PackItem], list[PackItem], list[PackItem]]:
    """The pack's guides, lesson handouts and facilitator notes, in order."""
    lang = local.language.code
    guides, handouts, notes = [], [], []
    number = 0
    for guide in local.guides.values():
        number += 1
        page, body = guide_body(local, assets, settings, guide, url=url, printing=True)
        margins = Margins(str(guide.title), footer_text(page, guide), page.template("page_of"))
        guides.append(PackItem(number, str(guide.title), Markup(body), margins))
    for lesson in (local.lessons[i] for i in lesson_order(local)):
        page = PageContext(local, assets, url, printing=True)
        terms = [t for t in dict.fromkeys([*lesson_terms(lesson), *lesson.glossary])
                 if t in page.glossary]  # fmt: skip
        where = online(settings, lesson_url(lang, lesson.id))
        body = page.render(
            "handout.html",
            notice=False,
            lesson=lesson,
            terms=terms,
            online=where,
            nations=nations_notice(page, lesson, settings),
        )
        margins = Margins(str(lesson.title), footer_text(page, lesson), page.template("page_of"))
        number += 1
        handouts.append(PackItem(number, str(lesson.title), Markup(body), margins))
        page = PageContext(local, assets, url, printing=True)
        body = page.render("facilitator.html", notice=False, lesson=lesson)
        title = f"{page.t('facilitator_notes')}: {lesson.title}"
        number += 1
        notes.append(PackItem(number, title, Markup(body), replace(margins, header=title)))
    return guides, handouts, notes


def pack_doc(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    first_pages: list[int] | None = None,
) -> PrintDoc:
    """The champion pack of one language.

    The contents page needs each part's first page, which only the print engine knows:
    the first print leaves the numbers blank (their column has a fixed width, so the
    layout does not change), the second fills in `first_pages` read from the first."""
    lang = local.language.code
    path = pack_pdf_path(lang)
    url = _html_url(path)
    page = PageContext(local, assets, url, printing=True)
    guides, handouts, notes = pack_items(local, assets, settings, url)
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
    body = page.render(
        "pack.html", notice=False, parts=parts, items=items, online=online(settings, f"{lang}/")
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


# ---- posters of places ------------------------------------------------------------------


def poster_doc(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    place: Place,
    today: dt.date,
    english: Localised | None = None,
) -> PrintDoc:
    """A place's one-page A4 poster in one language, or with `english`, beside English.
    Its QR code leads to the place's page in the same language."""
    lang = local.language.code
    make = bilingual_poster_pdf_path if english else poster_pdf_path
    path = make(lang, place.id)
    url = _html_url(path)
    page = PageContext(local, assets, url, printing=True)
    en = PageContext(english, assets, url, printing=True) if english else None
    en_place = english.places[place.id] if english else place
    where = online(settings, place_url(lang, area_slug(place.area or ""), place.id))
    view = PlaceView(page, place, today)
    body = page.render(
        "poster.html",
        notice=False,
        view=view,
        en=en,
        en_view=PlaceView(en, en_place, today) if en else None,
        online=where,
    )
    footer = f"{view.checked} {where.short}"
    margins = Margins("", footer, page.template("page_of"))
    page_css = paper_rule(settings) + page_rules(margins, local.language.dir)
    page_css += "@page{margin:9mm 14mm 20mm}"
    html = _document(page, local, assets, place.name, body, page_css, settings)
    return PrintDoc(path, html, lang, "poster", place.id)
