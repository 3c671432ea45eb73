"""The pages that list things: the lessons by topic, the guides, "My lessons", the word
list, and the page at `/` that leads to the languages."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup
from ..assets import Assets
from ..localise.content import Localised
from ..models.language import Language
from ..pages import GUIDES_INDEX, LESSONS_INDEX, my_lessons_url, pack_pdf_path, words_url
from ..strings import ENGLISH
from ..text import sort_key
from .context import TEMPLATES, PageContext, PageSource, index_source
from .lessons import lesson_order
from .policy import page_policy


def render_indexes(local: Localised, assets: Assets, sizes: dict[str, int]) -> list[PageSource]:
    lang = local.language.code
    lessons_page = PageContext(local, assets, f"{lang}/lessons/")
    lessons_body = lessons_page.render(
        "lessons_index.html", topics=local.topics, lessons=local.lessons
    )
    guides_page = PageContext(local, assets, f"{lang}/guides/")
    guides_body = guides_page.render(
        "guides_index.html", guides=list(local.guides.values()), pack=_pack_link(guides_page, sizes)
    )
    return [
        index_source(lessons_page, LESSONS_INDEX, "lessons", "lessons_intro", lessons_body),
        index_source(guides_page, GUIDES_INDEX, "guides", "guides_intro", guides_body),
    ]


def _pack_link(page: PageContext, sizes: dict[str, int]) -> tuple[str, str] | None:
    pack = pack_pdf_path(page.lang)
    if pack not in sizes:
        return None
    return page.t("pdf_pack", size=page.kilobytes(sizes[pack])), page.link(pack)


def render_my_lessons(local: Localised, assets: Assets) -> PageSource:
    """ "My lessons": every lesson in learning order, for the site script to sort by the
    progress this browser keeps. Nothing about the learner is in the page itself."""
    page = PageContext(local, assets, my_lessons_url(local.language.code))
    body = page.render("my_lessons.html", order=lesson_order(local), lessons=local.lessons)
    # Progress is personal, and the page says nothing a search should find.
    return index_source(
        page, "my-lessons.md", "my_lessons", "my_lessons_intro", body, search={"exclude": True}
    )


def _word_uses(local: Localised) -> dict[str, list[tuple[str, str, str]]]:
    """Term id → the lessons and guides that use it, as (kind, id, title). Titles keep
    their type: an English stand-in is still marked as English on the page."""
    uses: dict[str, list[tuple[str, str, str]]] = {}
    for lesson in local.lessons.values():
        linked = [t for step in lesson.steps for text in (step.text, step.tip, step.warning)
                  for t in markup.glossary_links(text)]  # fmt: skip
        for term in dict.fromkeys([*linked, *lesson.glossary]):
            uses.setdefault(term, []).append(("lesson", lesson.id, lesson.title))
    for guide in local.guides.values():
        for term in dict.fromkeys(guide.words):
            uses.setdefault(term, []).append(("guide", guide.id, guide.title))
    return uses


def render_words(local: Localised, assets: Assets) -> PageSource:
    """The word list: every glossary term in this language, alphabetically, each with
    what it means and links to the lessons and guides that use it."""
    page = PageContext(local, assets, words_url(local.language.code))
    uses = _word_uses(local)
    words = []
    for term_id, term in page.glossary.items():
        links = [
            (page.lesson_link(i) if kind == "lesson" else page.guide_link(i), title)
            for kind, i, title in uses.get(term_id, [])
        ]
        words.append((term_id, term, links))
    words.sort(key=lambda item: sort_key(str(item[1].term)))
    body = page.render("words.html", words=words)
    return index_source(page, "words.md", "word_list", "word_list_intro", body)


def render_root_index(languages: list[Language], assets: Assets, site_name: str) -> str:
    """The page at `/`: leads to the languages. Standalone and tiny."""
    return TEMPLATES.get_template("root_index.html").render(
        languages=languages,
        assets=assets,
        site_name=site_name,
        t=ENGLISH,
        # Our own stylesheet, inlined as it is: escaping its quotes would break it.
        css=Markup(assets.css),
        csp=page_policy(assets.css).meta,
    )
