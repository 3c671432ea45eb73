"""Easy-read guide pages: rows of one picture and one or two short sentences, a text-only
version without pictures, and the links to their printed sheets."""

from __future__ import annotations

from ..assets import Assets
from ..localise.content import Localised
from ..models import Guide
from ..pages import (
    bilingual_pdf_path,
    guide_text_url,
    guide_url,
    oembed_path,
    sheet_pdf_path,
    words_url,
)
from ..settings import ProjectSettings
from .context import PageContext, PageSource
from .embed_code import snippet
from .nations import nations_notice
from .printing import Margins, footer_text, online, page_rules, paper_rule


def guide_page_css(page: PageContext, guide: Guide, settings: ProjectSettings) -> str:
    """The guide's `@page` rules: paper size, its title at the top of every printed page,
    the review date and source at the bottom, and page numbers."""
    margins = Margins(str(guide.title), footer_text(page, guide), page.template("page_of"))
    return paper_rule(settings) + page_rules(margins, page.local.language.dir)


def guide_body(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    guide: Guide,
    *,
    url: str,
    printing: bool = False,
    pictures: bool = True,
    downloads: list[tuple[str, str, str]] | None = None,
    embed: str | None = None,
    learner: bool = False,
) -> tuple[PageContext, str]:
    """A guide's HTML at `url`: the same for its page, its text-only page, its embed view
    and its PDF. `learner` adds what needs the site's script ("Listen")."""
    page = PageContext(local, assets, url, printing=printing)
    target = guide_url(page.lang, guide.id) if pictures else guide_text_url(page.lang, guide.id)
    body = page.render(
        "guide.html",
        guide=guide,
        pictures=pictures,
        online=online(settings, target),
        nations=nations_notice(page, guide, settings),
        downloads=downloads,
        embed=embed,
        learner=learner,
        word_list=words_url(page.lang),
    )
    return page, body


def _downloads(
    local: Localised, assets: Assets, guide: Guide, sizes: dict[str, int], url: str
) -> list[tuple[str, str, str]]:
    """The guide page's "print or download" links: the PDFs that were made, with their
    size (readers on pay-as-you-go data decide by it), and the text-only version."""
    page = PageContext(local, assets, url)
    lang = page.lang
    links = []
    sheet = sheet_pdf_path(lang, guide.id)
    if sheet in sizes:
        links.append((page.t("pdf_sheet", size=page.kilobytes(sizes[sheet])), page.link(sheet),
                      "application/pdf"))  # fmt: skip
    both = bilingual_pdf_path(lang, guide.id)
    if both in sizes:
        label = page.t("pdf_bilingual", language=local.language.own_name,
                       size=page.kilobytes(sizes[both]))  # fmt: skip
        links.append((label, page.link(both), "application/pdf"))
    links.append((page.t("text_only"), page.link(guide_text_url(lang, guide.id)), ""))
    return links


def render_guide(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    guide: Guide,
    sizes: dict[str, int] | None = None,
) -> list[PageSource]:
    """A guide's page, and its simple-text version (the same words, no pictures, for
    readers who find pictures distracting)."""
    lang = local.language.code
    url = guide_url(lang, guide.id)
    links = _downloads(local, assets, guide, sizes or {}, url)
    code = snippet(settings, lang, "guides", guide.id, str(guide.title))
    page, body = guide_body(
        local, assets, settings, guide, url=url, downloads=links, embed=code, learner=True
    )
    text_url = guide_text_url(lang, guide.id)
    text_page, text_body = guide_body(
        local, assets, settings, guide, url=text_url, pictures=False, learner=True
    )
    return [
        PageSource(
            path=f"guides/{guide.id}.md",
            url=url,
            title=str(guide.title),
            description=str(guide.summary),
            body=body,
            kind="guide",
            meta={
                "hs_print": guide_page_css(page, guide, settings),
                "hs_oembed": settings.site_url + oembed_path(lang, "guides", guide.id),
            },
        ),
        PageSource(
            path=f"guides/{guide.id}/text.md",
            url=text_url,
            title=text_page.t("text_only_title", title=str(guide.title)),
            description=str(guide.summary),
            body=text_body,
            kind="guide",
            # One guide, one search result: the text-only copy stays out of the index.
            meta={
                "hs_print": guide_page_css(text_page, guide, settings),
                "search": {"exclude": True},
            },
        ),
    ]
