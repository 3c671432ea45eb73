"""Stage 4, render: content models → page sources, as pure functions.

A `PageSource` is what any site renderer needs: a path, a title, a description and a body
of finished, sanitised HTML. mkdocs-material is one consumer (it wraps the body in the site
chrome); nothing here knows about mkdocs, so the theme can be replaced without touching
content logic.
"""

from __future__ import annotations

import base64
import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jinja2
from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup

from .. import markup
from ..assets import Assets
from ..i18n import ENGLISH_LANGUAGE, UI_PREFIX, Language, Translations
from ..load import Content
from ..models import Guide, Lesson, Term
from ..strings import ENGLISH
from ..translatable import English, localise, localise_glossary
from .embed_code import snippet
from .printing import Margins, SiteSettings, footer_text, online, page_rules, paper_rule
from .urls import (
    bilingual_pdf_path,
    guide_text_url,
    guide_url,
    lesson_url,
    my_lessons_url,
    oembed_path,
    pack_pdf_path,
    relative,
    sheet_pdf_path,
    words_url,
)

BABEL_LOCALES = {"en": "en_GB", "pa": "pa_Guru"}
"""Language code → the locale whose date format our readers expect (UK English)."""


@dataclass(frozen=True)
class PageSource:
    path: str
    """Path relative to the language root, such as `lessons/nhs-app.md`."""
    url: str
    """Site-root relative URL, such as `en/lessons/nhs-app/`."""
    title: str
    description: str
    body: str
    kind: str
    """`lesson`, `guide` or `index`: lets the theme choose a layout."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Extra front matter for the theme, such as `hs_print` (the page's `@page` rules)."""


def _environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(resources.files("healthskills").joinpath("templates")))
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,  # every value is escaped unless explicitly marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


_ENV = _environment()


class _Page:
    """Per-page rendering context: knows the page URL, so every link it makes is relative,
    and counts text shown in English where a translation is missing."""

    def __init__(
        self,
        content: Content,
        assets: Assets,
        lang: str,
        url: str,
        translations: Translations | None = None,
        printing: bool = False,
    ) -> None:
        self.content = content
        self.printing = printing
        """True for documents made to be printed: every picture loads at once."""
        self.assets = assets
        self.lang = lang
        self.url = url
        self.translations = translations or Translations(ENGLISH_LANGUAGE)
        glossary = content.glossary.model if content.glossary else None
        self.glossary: dict[str, Term] = (
            localise_glossary(glossary, self.translations.for_file("glossary#"))
            if glossary is not None and lang != "en"
            else (glossary.root if glossary is not None else {})
        )
        self.term_anchor: dict[str, str] = {}
        self.shown_translated = 0
        self.shown_english = 0

    def _count(self, value: str) -> bool:
        """Count a piece of text; True when it is English standing in for a translation."""
        english = self.lang != "en" and isinstance(value, English)
        if english:
            self.shown_english += 1
        else:
            self.shown_translated += 1
        return english

    def text(self, value: str) -> Markup:
        """Text for the page, marked `lang="en"` when it is an untranslated stand-in."""
        if self._count(value):
            return Markup('<span lang="en" dir="ltr">{}</span>').format(value)
        return Markup.escape(value)

    def after_label(self, value: str, label: str) -> Markup:
        """Text shown after a bold label ("Right."), without the label a second time when
        the author's text starts with it too."""
        if value.startswith(label + " ") and not (self.lang != "en" and isinstance(value, English)):
            value = value[len(label) + 1 :]
        return self.text(value)

    def lang_of(self, value: str) -> Markup:
        """A `lang="en"` attribute for an element whose attribute text (alt) is English."""
        return Markup(' lang="en" dir="ltr"') if self._count(value) else Markup("")

    def notice(self) -> Markup:
        """The fallback notice, in the reader's language, for a partly or wholly English page."""
        if self.shown_english == 0:
            return Markup("")
        key = "fallback_parts" if self.shown_translated else "fallback_page"
        return Markup('<p class="hs-notice hs-fallback" role="note">{}</p>').format(self.t(key))

    def t(self, key: str, **values: Any) -> str:
        return self.template(key).format(**values)

    def template(self, key: str) -> str:
        """An interface string with its {placeholders} left in, for CSS to fill."""
        return self.translations.lookup(UI_PREFIX + key, ENGLISH[key]) or ENGLISH[key]

    def link(self, to_url: str) -> str:
        return relative(self.url, to_url)

    def picture(self, name: str) -> str:
        if self.printing:
            # Printed documents carry their pictures: no request to answer, nothing to wait for.
            data = self.assets.files[self.assets.pictures[name]]
            return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
        return self.link(self.assets.pictures[name])

    def lesson_link(self, lesson_id: str) -> str:
        return self.link(lesson_url(self.lang, lesson_id))

    def offline_files(self, lesson_ids: list[str]) -> str:
        """What "save for offline" keeps for these lessons: each page and its pictures,
        as space-separated links (the page script hands them to the service worker)."""
        urls = []
        for lesson_id in lesson_ids:
            urls.append(self.lesson_link(lesson_id))
            lesson = self.content.lessons[lesson_id].model
            urls += [self.picture(step.picture.name) for step in lesson.steps if step.picture]
        return " ".join(dict.fromkeys(urls))

    def guide_link(self, guide_id: str) -> str:
        return self.link(guide_url(self.lang, guide_id))

    def locale(self) -> str:
        return BABEL_LOCALES.get(self.lang, self.lang)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale())

    def kilobytes(self, size: int) -> str:
        """A file size as readers see it next to a download link: whole KB, at least 1."""
        return format_decimal(max(1, round(size / 1024)), locale=self.locale())

    def _resolve(self, scheme: str, target: str) -> tuple[str, str] | None:
        if scheme == "lesson":
            return self.lesson_link(target), ""
        if scheme == "guide":
            return self.guide_link(target), ""
        if scheme == "glossary":
            return f"#{self.term_anchor.get(target, 'word-' + target)}", "hs-term"
        return None

    def md(self, text: str | None, *, inline: bool = False) -> Markup:
        if text is None:
            return Markup("")
        html = Markup(markup.render(text, self._resolve, inline=inline))
        if self._count(text):
            tag = "span" if inline else "div"
            return Markup('<{0} lang="en" dir="ltr">{1}</{0}>').format(Markup(tag), html)
        return html


def _with_notice(page: _Page, body: str) -> str:
    """Put the fallback notice right after the page's main heading."""
    notice = str(page.notice())  # plain str: `str + Markup` would escape the body
    if not notice:
        return body
    end = body.find("</h1>")
    return body[: end + 5] + "\n" + notice + body[end + 5 :] if end != -1 else notice + body


def _terms_linked(text: str | None) -> list[str]:
    if not text:
        return []
    return [h.partition(":")[2] for h in markup.inspect(text).links if h.startswith("glossary:")]


@dataclass(frozen=True)
class Localised:
    """One language's view of the content: models with translated text (English stand-ins
    where a translation is missing), ready to render."""

    language: Language
    translations: Translations
    lessons: dict[str, Lesson]
    guides: dict[str, Guide]
    topics: list[Any]


def localise_content(content: Content, language: Language, translations: Translations) -> Localised:
    def pick(model: Any, scope: str, prefix: str = "") -> Any:
        if language.status == "source":
            return model
        return localise(model, translations.for_file(scope), prefix)

    lessons = {k: pick(v.model, f"lessons/{k}#") for k, v in sorted(content.lessons.items())}
    guides = {k: pick(v.model, f"guides/{k}#") for k, v in sorted(content.guides.items())}
    topics = [
        pick(topic, "topics#", f"{topic.id}.")
        for topic in (content.topics.model.root if content.topics else [])
    ]
    return Localised(language, translations, lessons, guides, topics)


def _context(
    content: Content, assets: Assets, local: Localised, url: str, printing: bool = False
) -> _Page:
    return _Page(content, assets, local.language.code, url, local.translations, printing)


def lesson_body(
    content: Content,
    assets: Assets,
    local: Localised,
    lesson: Lesson,
    *,
    url: str,
    embed: str | None = None,
    learner: bool = False,
) -> tuple[_Page, str]:
    """A lesson's HTML at `url`: the same for its page and its embed view. `learner` adds
    the controls that need the site's script (listen, progress), which embed views and
    printed documents do not load."""
    page = _context(content, assets, local, url)
    # Explain each glossary term in place, under the first step that uses it; terms never
    # linked from a step are explained in the word list at the end.
    step_terms: list[list[str]] = []
    for step in lesson.steps:
        new: list[str] = []
        for text in (step.text, step.tip, step.warning):
            for term in _terms_linked(text):
                if term in page.glossary and term not in page.term_anchor:
                    page.term_anchor[term] = f"term-{term}"
                    new.append(term)
        step_terms.append(new)
    all_terms = list(dict.fromkeys([*page.term_anchor, *lesson.glossary]))
    body = _ENV.get_template("lesson.html").render(
        page=page,
        lesson=lesson,
        step_terms=step_terms,
        all_terms=all_terms,
        local=local,
        embed=embed,
        learner=learner,
        next_lesson=next_lesson(local, lesson.id),
        my_lessons=my_lessons_url(page.lang),
        word_list=words_url(page.lang),
    )
    return page, _with_notice(page, body)


def lesson_order(local: Localised) -> list[str]:
    """Every lesson in the order learners should take them: topic by topic, as
    topics.yaml lists them, then any lesson no topic lists, by id."""
    ordered = [i for topic in local.topics for i in topic.lessons if i in local.lessons]
    ordered = list(dict.fromkeys(ordered))
    return ordered + [i for i in local.lessons if i not in ordered]


def next_lesson(local: Localised, lesson_id: str) -> str | None:
    """The lesson to take after this one: the next in its topic, or the first of the
    next topic. None for the last lesson."""
    order = lesson_order(local)
    at = order.index(lesson_id) if lesson_id in order else -1
    return order[at + 1] if 0 <= at < len(order) - 1 else None


def render_lesson(
    content: Content,
    assets: Assets,
    local: Localised,
    lesson: Lesson,
    settings: SiteSettings | None = None,
) -> PageSource:
    settings = settings or SiteSettings()
    lang = local.language.code
    url = lesson_url(lang, lesson.id)
    code = snippet(settings, lang, "lessons", lesson.id, str(lesson.title))
    _, body = lesson_body(content, assets, local, lesson, url=url, embed=code, learner=True)
    return PageSource(
        path=f"lessons/{lesson.id}.md",
        url=url,
        title=str(lesson.title),
        description=str(lesson.summary),
        body=body,
        kind="lesson",
        meta={"hs_oembed": settings.site_url + oembed_path(lang, "lessons", lesson.id)},
    )


def guide_page_css(page: _Page, guide: Guide, settings: SiteSettings) -> str:
    """The guide's `@page` rules: paper size, its title at the top of every printed page,
    the review date and source at the bottom, and page numbers."""
    margins = Margins(str(guide.title), footer_text(page, guide), page.template("page_of"))
    direction = "rtl" if page.translations.language.dir == "rtl" else "ltr"
    return paper_rule(settings) + page_rules(margins, direction)


def guide_body(
    content: Content,
    assets: Assets,
    local: Localised,
    guide: Guide,
    settings: SiteSettings,
    *,
    url: str,
    printing: bool = False,
    pictures: bool = True,
    downloads: list[tuple[str, str, str]] | None = None,
    embed: str | None = None,
    learner: bool = False,
) -> tuple[_Page, str]:
    """A guide's HTML at `url`: the same for its page, its text-only page, its embed view
    and its PDF. `learner` adds what needs the site's script ("Listen")."""
    page = _context(content, assets, local, url, printing)
    target = guide_url(page.lang, guide.id) if pictures else guide_text_url(page.lang, guide.id)
    body = _ENV.get_template("guide.html").render(
        page=page,
        guide=guide,
        local=local,
        pictures=pictures,
        online=online(settings, target),
        downloads=downloads,
        embed=embed,
        learner=learner,
        word_list=words_url(page.lang),
    )
    return page, _with_notice(page, body)


def _downloads(
    page: _Page, local: Localised, guide: Guide, sizes: dict[str, int]
) -> list[tuple[str, str, str]]:
    """The guide page's "print or download" links: the PDFs that were made, with their
    size (readers on pay-as-you-go data decide by it), and the text-only version."""
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
    content: Content,
    assets: Assets,
    local: Localised,
    guide: Guide,
    settings: SiteSettings | None = None,
    sizes: dict[str, int] | None = None,
) -> list[PageSource]:
    """A guide's page, and its simple-text version (the same words, no pictures, for
    readers who find pictures distracting)."""
    settings = settings or SiteSettings()
    url = guide_url(local.language.code, guide.id)
    links = _downloads(_context(content, assets, local, url), local, guide, sizes or {})
    code = snippet(settings, local.language.code, "guides", guide.id, str(guide.title))
    page, body = guide_body(
        content, assets, local, guide, settings, url=url, downloads=links, embed=code, learner=True
    )
    text_url = guide_text_url(local.language.code, guide.id)
    text_page, text_body = guide_body(
        content, assets, local, guide, settings, url=text_url, pictures=False, learner=True
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
                "hs_oembed": settings.site_url
                + oembed_path(local.language.code, "guides", guide.id),
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


def render_indexes(
    content: Content, assets: Assets, local: Localised, sizes: dict[str, int]
) -> list[PageSource]:
    lang = local.language.code
    lessons_page = _context(content, assets, local, f"{lang}/lessons/")
    lessons_body = _ENV.get_template("lessons_index.html").render(
        page=lessons_page, topics=local.topics, lessons=local.lessons
    )
    guides_page = _context(content, assets, local, f"{lang}/guides/")
    guides_body = _ENV.get_template("guides_index.html").render(
        page=guides_page, guides=list(local.guides.values()), pack=_pack_link(guides_page, sizes)
    )
    return [
        _index_source(lessons_page, "lessons/index.md", "lessons", "lessons_intro", lessons_body),
        _index_source(guides_page, "guides/index.md", "guides", "guides_intro", guides_body),
    ]


def _index_source(
    page: _Page, path: str, title: str, intro: str, body: str, **meta: Any
) -> PageSource:
    """A page of the site's own (not one lesson or guide): title and description from
    interface strings."""
    return PageSource(
        path=path,
        url=page.url,
        title=page.t(title),
        description=page.t(intro),
        body=_with_notice(page, body),
        kind="index",
        meta=meta,
    )


def render_my_lessons(content: Content, assets: Assets, local: Localised) -> PageSource:
    """ "My lessons": every lesson in learning order, for the site script to sort by the
    progress this browser keeps. Nothing about the learner is in the page itself."""
    page = _context(content, assets, local, my_lessons_url(local.language.code))
    body = _ENV.get_template("my_lessons.html").render(
        page=page, order=lesson_order(local), lessons=local.lessons
    )
    # Progress is personal, and the page says nothing a search should find.
    return _index_source(
        page, "my-lessons.md", "my_lessons", "my_lessons_intro", body, search={"exclude": True}
    )


def _word_uses(local: Localised) -> dict[str, list[tuple[str, str, str]]]:
    """Term id → the lessons and guides that use it, as (kind, id, title). Titles keep
    their type: an English stand-in is still marked as English on the page."""
    uses: dict[str, list[tuple[str, str, str]]] = {}
    for lesson in local.lessons.values():
        linked = [t for step in lesson.steps for text in (step.text, step.tip, step.warning)
                  for t in _terms_linked(text)]  # fmt: skip
        for term in dict.fromkeys([*linked, *lesson.glossary]):
            uses.setdefault(term, []).append(("lesson", lesson.id, lesson.title))
    for guide in local.guides.values():
        for term in dict.fromkeys(guide.words):
            uses.setdefault(term, []).append(("guide", guide.id, guide.title))
    return uses


def sort_key(text: str) -> str:
    """Alphabetical order that ignores case and accents ("Ł" with "L", "é" with "e"),
    close enough to each language's own order for a short word list."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def render_words(content: Content, assets: Assets, local: Localised) -> PageSource:
    """The word list: every glossary term in this language, alphabetically, each with
    what it means and links to the lessons and guides that use it."""
    page = _context(content, assets, local, words_url(local.language.code))
    uses = _word_uses(local)
    words = []
    for term_id, term in page.glossary.items():
        links = [
            (page.lesson_link(i) if kind == "lesson" else page.guide_link(i), title)
            for kind, i, title in uses.get(term_id, [])
        ]
        words.append((term_id, term, links))
    words.sort(key=lambda item: sort_key(str(item[1].term)))
    body = _ENV.get_template("words.html").render(page=page, words=words)
    return _index_source(page, "words.md", "word_list", "word_list_intro", body)


def _pack_link(page: _Page, sizes: dict[str, int]) -> tuple[str, str] | None:
    pack = pack_pdf_path(page.lang)
    if pack not in sizes:
        return None
    return page.t("pdf_pack", size=page.kilobytes(sizes[pack])), page.link(pack)


def render_language(
    content: Content,
    assets: Assets,
    language: Language = ENGLISH_LANGUAGE,
    translations: Translations | None = None,
    settings: SiteSettings | None = None,
    sizes: dict[str, int] | None = None,
) -> list[PageSource]:
    """Every generated page of one language. `sizes` holds the PDFs made for printing
    (site-root relative path → bytes), so that pages can link to them with their size."""
    local = localise_content(content, language, translations or Translations(language))
    pages = render_indexes(content, assets, local, sizes or {})
    pages += [render_my_lessons(content, assets, local), render_words(content, assets, local)]
    pages += [
        render_lesson(content, assets, local, lesson, settings) for lesson in local.lessons.values()
    ]
    for guide in local.guides.values():
        pages += render_guide(content, assets, local, guide, settings, sizes)
    return pages


def render_root_index(languages: list[Language], assets: Assets, site_name: str) -> str:
    """The page at `/`: leads to the languages. Standalone and tiny."""
    return _ENV.get_template("root_index.html").render(
        languages=languages, assets=assets, site_name=site_name, t=ENGLISH
    )


def render_status_page(
    content: Content,
    assets: Assets,
    language: Language,
    translations: Translations,
    languages: list[Language],
    status: dict[str, Any],
) -> PageSource:
    """The translators' page: the same numbers as `healthskills translations status`."""
    local = localise_content(content, language, translations)
    page = _context(content, assets, local, f"{language.code}/translators/")
    body = _ENV.get_template("translators.html").render(
        page=page, languages=[lang for lang in languages if lang.code in status], status=status
    )
    return PageSource(
        path="translators.md",
        url=page.url,
        title=page.t("translation_status"),
        description=page.t("translation_status"),
        body=body,
        kind="index",
    )


def render_report_page(
    content: Content,
    assets: Assets,
    language: Language,
    translations: Translations,
    languages: list[Language],
    report: dict[str, Any],
) -> PageSource:
    """The editors' content report (`healthskills report`), on the site."""
    local = localise_content(content, language, translations)
    page = _context(content, assets, local, f"{language.code}/content-report/")
    names = {lang.code: lang.name for lang in languages}
    body = _ENV.get_template("content_report.html").render(page=page, report=report, names=names)
    return _index_source(
        page,
        "content-report.md",
        "content_report",
        "content_report",
        body,
        search={"exclude": True},
    )
