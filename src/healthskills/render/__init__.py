"""Stage 4, render: content models → page sources, as pure functions.

A `PageSource` is what any site renderer needs: a path, a title, a description and a body
of finished, sanitised HTML. mkdocs-material is one consumer (it wraps the body in the site
chrome); nothing here knows about mkdocs, so the theme can be replaced without touching
content logic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from .. import markup
from ..assets import Assets
from ..load import Content
from ..models import Guide, Lesson, Term
from ..strings import ENGLISH
from .urls import guide_url, lesson_url, relative

BABEL_LOCALES = {"en": "en_GB"}
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
    """Per-page rendering context: knows the page URL, so every link it makes is relative."""

    def __init__(self, content: Content, assets: Assets, lang: str, url: str) -> None:
        self.content = content
        self.assets = assets
        self.lang = lang
        self.url = url
        self.glossary: dict[str, Term] = content.glossary.model.root if content.glossary else {}
        self.term_anchor: dict[str, str] = {}

    def t(self, key: str, **values: Any) -> str:
        return ENGLISH[key].format(**values)

    def link(self, to_url: str) -> str:
        return relative(self.url, to_url)

    def picture(self, name: str) -> str:
        return self.link(self.assets.pictures[name])

    def lesson_link(self, lesson_id: str) -> str:
        return self.link(lesson_url(self.lang, lesson_id))

    def guide_link(self, guide_id: str) -> str:
        return self.link(guide_url(self.lang, guide_id))

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=BABEL_LOCALES.get(self.lang, self.lang))

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
        return Markup(markup.render(text, self._resolve, inline=inline))


def _terms_linked(text: str | None) -> list[str]:
    if not text:
        return []
    return [h.partition(":")[2] for h in markup.inspect(text).links if h.startswith("glossary:")]


def render_lesson(content: Content, assets: Assets, lang: str, lesson: Lesson) -> PageSource:
    url = lesson_url(lang, lesson.id)
    page = _Page(content, assets, lang, url)
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
        page=page, lesson=lesson, step_terms=step_terms, all_terms=all_terms, content=content
    )
    return PageSource(
        path=f"lessons/{lesson.id}.md",
        url=url,
        title=lesson.title,
        description=lesson.summary,
        body=body,
        kind="lesson",
    )


def render_guide(content: Content, assets: Assets, lang: str, guide: Guide) -> PageSource:
    url = guide_url(lang, guide.id)
    page = _Page(content, assets, lang, url)
    body = _ENV.get_template("guide.html").render(page=page, guide=guide, content=content)
    return PageSource(
        path=f"guides/{guide.id}.md",
        url=url,
        title=guide.title,
        description=guide.summary,
        body=body,
        kind="guide",
    )


def render_indexes(content: Content, assets: Assets, lang: str) -> list[PageSource]:
    lessons_page = _Page(content, assets, lang, f"{lang}/lessons/")
    topics = content.topics.model.root if content.topics else []
    lessons = {key: loaded.model for key, loaded in content.lessons.items()}
    guides = {key: loaded.model for key, loaded in content.guides.items()}
    lessons_body = _ENV.get_template("lessons_index.html").render(
        page=lessons_page, topics=topics, lessons=lessons
    )
    guides_page = _Page(content, assets, lang, f"{lang}/guides/")
    guides_body = _ENV.get_template("guides_index.html").render(
        page=guides_page, guides=[guides[key] for key in sorted(guides)]
    )
    return [
        PageSource(
            path="lessons/index.md",
            url=lessons_page.url,
            title=lessons_page.t("lessons"),
            description=lessons_page.t("lessons_intro"),
            body=lessons_body,
            kind="index",
        ),
        PageSource(
            path="guides/index.md",
            url=guides_page.url,
            title=guides_page.t("guides"),
            description=guides_page.t("guides_intro"),
            body=guides_body,
            kind="index",
        ),
    ]


def render_language(content: Content, assets: Assets, lang: str) -> list[PageSource]:
    """Every generated page of one language."""
    pages = render_indexes(content, assets, lang)
    pages += [
        render_lesson(content, assets, lang, content.lessons[key].model)
        for key in sorted(content.lessons)
    ]
    pages += [
        render_guide(content, assets, lang, content.guides[key].model)
        for key in sorted(content.guides)
    ]
    return pages


def render_root_index(languages: list[dict[str, str]], assets: Assets, site_name: str) -> str:
    """The page at `/`: leads to the languages. Standalone and tiny."""
    return _ENV.get_template("root_index.html").render(
        languages=languages, stylesheet=assets.stylesheet, site_name=site_name, t=ENGLISH
    )
