"""What every page, embed and printed document is rendered with: the templates, and a
per-page context that makes links relative to the page, marks English stand-ins, and says
so in a notice when a page is partly or wholly in English."""

from __future__ import annotations

import base64
import datetime as dt
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jinja2
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_time_format
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup

from .. import markup, pages
from ..assets import Assets
from ..localise.content import Localised
from ..localise.extract import UI_PREFIX
from ..localise.walker import English
from ..models import Term
from ..strings import ENGLISH

BABEL_LOCALES = {"en": "en_GB", "pa": "pa_Guru"}
"""Language code → the locale whose date format our readers expect (UK English)."""


@functools.cache
def babel_locale(code: str) -> Locale:
    """babel's locale for `code`, or UK English for a locale babel does not know, so that
    lists, day names and times always come out in some language."""
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError, LookupError):
        return Locale.parse("en_GB")


@dataclass(frozen=True)
class PageSource:
    """What any engine needs to make a page: where it goes, its title and description, and
    a body of finished, sanitised HTML that the engine wraps in the site's chrome."""

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
    return jinja2.Environment(
        loader=loader,
        autoescape=True,  # every value is escaped unless explicitly marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


TEMPLATES = _environment()
"""Our templates (src/healthskills/templates/), with autoescape on."""


class PageContext:
    """One page being rendered. Knows the page's address, so every link it makes is
    relative, and counts the texts it shows in English where a translation is missing, so
    that `render` can add the notice that says so."""

    def __init__(
        self, local: Localised, assets: Assets, url: str, *, printing: bool = False
    ) -> None:
        self.local = local
        self.assets = assets
        self.url = url
        self.printing = printing
        """True for documents made to be printed: every picture is carried in the page."""
        self.lang = local.language.code
        self.translations = local.translations
        self.glossary: dict[str, Term] = local.glossary
        self.term_anchor: dict[str, str] = {}
        """Glossary id → the anchor of its explanation on this page (a lesson explains a
        term under the first step that uses it)."""
        self._translated = 0
        self._english = 0

    # ---- rendering ------------------------------------------------------------------

    def render(self, template: str, *, notice: bool = True, **values: Any) -> str:
        """The page's body from `template`, with the fallback notice right after its main
        heading. Whether the notice is needed depends on what the template showed in
        English, so it is added here, after rendering, and nowhere else. Parts of a printed
        document (`notice=False`) carry the document's own notice instead."""
        body = TEMPLATES.get_template(template).render(page=self, local=self.local, **values)
        notice = self._notice() if notice else ""
        if not notice:
            return body
        end = body.find("</h1>")
        return body[: end + 5] + "\n" + notice + body[end + 5 :] if end != -1 else notice + body

    def _notice(self) -> str:
        """The fallback notice, in the reader's language, for a partly or wholly English page."""
        if self._english == 0:
            return ""
        key = "fallback_parts" if self._translated else "fallback_page"
        return str(
            Markup('<p class="hs-notice hs-fallback" role="note">{}</p>').format(self.t(key))
        )

    def _count(self, value: str) -> bool:
        """Count a piece of text; True when it is English standing in for a translation."""
        english = self.lang != "en" and isinstance(value, English)
        if english:
            self._english += 1
        else:
            self._translated += 1
        return english

    # ---- text -----------------------------------------------------------------------

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

    def md(self, text: str | None, *, inline: bool = False) -> Markup:
        if text is None:
            return Markup("")
        html = Markup(markup.render(text, self._resolve, inline=inline))
        if self._count(text):
            tag = "span" if inline else "div"
            return Markup('<{0} lang="en" dir="ltr">{1}</{0}>').format(Markup(tag), html)
        return html

    def t(self, key: str, **values: Any) -> str:
        return self.template(key).format(**values)

    def template(self, key: str) -> str:
        """An interface string with its {placeholders} left in, for CSS to fill."""
        return self.translations.lookup(UI_PREFIX + key, ENGLISH[key]) or ENGLISH[key]

    def locale(self) -> str:
        return BABEL_LOCALES.get(self.lang, self.lang)

    def hour_style(self) -> str:
        """How this language writes the hour of a time, for the page script to write times
        as babel does on the page: `2-digit` ("09:00") or `numeric` ("9:00 am")."""
        pattern = get_time_format("short", locale=babel_locale(self.locale())).pattern
        return "2-digit" if "HH" in pattern else "numeric"

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale())

    def kilobytes(self, size: int) -> str:
        """A file size as readers see it next to a download link: whole KB, at least 1."""
        return format_decimal(max(1, round(size / 1024)), locale=self.locale())

    def listing(self, items: list[str]) -> str:
        """ "England, Wales and Scotland", the way this language joins a list."""
        return format_list(items, locale=babel_locale(self.locale()))

    # ---- links ----------------------------------------------------------------------

    def link(self, to_url: str) -> str:
        return pages.relative(self.url, to_url)

    def lesson_link(self, lesson_id: str) -> str:
        return self.link(pages.lesson_url(self.lang, lesson_id))

    def guide_link(self, guide_id: str) -> str:
        return self.link(pages.guide_url(self.lang, guide_id))

    def picture(self, name: str) -> str:
        if self.printing:
            # Printed documents carry their pictures: no request to answer, nothing to wait for.
            data = self.assets.files[self.assets.pictures[name]]
            return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
        return self.link(self.assets.pictures[name])

    def offline_files(self, lesson_ids: list[str]) -> str:
        """What "save for offline" keeps for these lessons: each page and its pictures,
        as space-separated links (the page script hands them to the service worker)."""
        urls = []
        for lesson_id in lesson_ids:
            urls.append(self.lesson_link(lesson_id))
            lesson = self.local.lessons[lesson_id]
            urls += [self.picture(step.picture.name) for step in lesson.steps if step.picture]
        return " ".join(dict.fromkeys(urls))

    def _resolve(self, scheme: str, target: str) -> tuple[str, str] | None:
        if scheme == "lesson":
            return self.lesson_link(target), ""
        if scheme == "guide":
            return self.guide_link(target), ""
        if scheme == "glossary":
            return f"#{self.term_anchor.get(target, 'word-' + target)}", "hs-term"
        return None


def index_source(
    page: PageContext, path: str, title: str, intro: str, body: str, **meta: Any
) -> PageSource:
    """A page of the site's own (not one lesson or guide): title and description from
    interface strings."""
    return PageSource(
        path=path,
        url=page.url,
        title=page.t(title),
        description=page.t(intro),
        body=body,
        kind="index",
        meta=meta,
    )
