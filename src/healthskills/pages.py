"""Where every page lives: the registry of pages healthskills generates in each language,
the addresses of lessons, guides and their printed and embedded forms, and relative links
between them.

Render makes these pages, the engine writes them beside the hand-written ones, and `check`
refuses a hand-written page that would take one of their places: all three read this
registry, so they cannot disagree. Every link we write is relative, so a built site works
from any folder or host path (a charity may serve it under /health/) and inside the local
preview without rewriting.
"""

from __future__ import annotations

import posixpath

PLACES = "help-near-you"
"""The folder of "Help near you" in every language, and the embed kind of an area's list."""

GENERATED_FOLDERS = ("lessons", "guides", "embed", "print", "search", PLACES)
"""Folders of every language that healthskills fills: lesson and guide pages (from
content/), embed views, printed PDFs, the search index and the places to get help."""

GENERATED_PAGES = (
    "my-lessons.md", "words.md", "translators.md", "content-report.md", "read-offline.md",
)  # fmt: skip
"""Pages healthskills writes into every language's docs beside the hand-written ones."""

LESSONS_INDEX = "lessons/index.md"
GUIDES_INDEX = "guides/index.md"
SEARCH_INDEX = "search/index.json"
"""Each language's search index, relative to the language's folder: our own format
(render/search.py), written from our page sources, so the browser script depends on no
engine's."""


def page_address(rel: str) -> str:
    """A page's address within its language, from the path of its Markdown source, as the
    engine gives it: `champions.md` → `champions/`, `index.md` → ``, `lessons/index.md`
    → `lessons/`, `lessons/x.md` → `lessons/x/`."""
    stem = rel.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def lesson_url(lang: str, lesson_id: str) -> str:
    return f"{lang}/lessons/{lesson_id}/"


def guide_url(lang: str, guide_id: str) -> str:
    return f"{lang}/guides/{guide_id}/"


def guide_text_url(lang: str, guide_id: str) -> str:
    """The simple-text version of a guide: the same words without pictures."""
    return f"{lang}/guides/{guide_id}/text/"


HELP_NEAR_YOU = f"{PLACES}/index.md"


INDEX_PAGES = (LESSONS_INDEX, GUIDES_INDEX, HELP_NEAR_YOU)
"""The generated pages that head a folder, which a site's menu can name."""


def help_url(lang: str) -> str:
    """ "Help near you": national services, then the areas A to Z."""
    return f"{lang}/{PLACES}/"


def area_url(lang: str, area: str) -> str:
    """One area's places (`area` is its slug)."""
    return f"{lang}/{PLACES}/{area}/"


def area_filter_url(lang: str, area: str, facet: str, value: str) -> str:
    """An area's places that offer one thing (`facet` is `offers`) or give help in one
    language (`languages`): the filter, as pages, for readers without JavaScript."""
    return f"{lang}/{PLACES}/{area}/{facet}/{value}/"


def place_url(lang: str, area: str, place_id: str) -> str:
    return f"{lang}/{PLACES}/{area}/{place_id}/"


def poster_pdf_path(lang: str, place_id: str) -> str:
    """A place's one-page poster, to pin up in hostels and day centres."""
    return f"{lang}/print/place-{place_id}-{lang}.pdf"


def bilingual_poster_pdf_path(lang: str, place_id: str) -> str:
    """The poster in the learner's language beside English."""
    return f"{lang}/print/place-{place_id}-{lang}-en.pdf"


def my_lessons_url(lang: str) -> str:
    """The learner's own page: lessons started and finished on this device."""
    return f"{lang}/my-lessons/"


def words_url(lang: str) -> str:
    """Every hard word of the lessons and guides, with what it means."""
    return f"{lang}/words/"


def sheet_pdf_path(lang: str, guide_id: str) -> str:
    """The printable easy-read sheet. The language is in the file name too, because a
    champion's downloads folder mixes languages."""
    return f"{lang}/print/{guide_id}-{lang}.pdf"


def bilingual_pdf_path(lang: str, guide_id: str) -> str:
    """The champions' sheet: the learner's language beside English, row by row."""
    return f"{lang}/print/{guide_id}-{lang}-en.pdf"


def pack_pdf_path(lang: str) -> str:
    """Every guide, lesson handout and facilitator note of one language, in one PDF."""
    return f"{lang}/print/champion-pack-{lang}.pdf"


def read_offline_url(lang: str) -> str:
    """ "Read offline": what an offline pack is, each language's pack and how to open it."""
    return f"{lang}/read-offline/"


DOWNLOADS = "downloads"
"""The site-root folder of the offline packs (not a language's: one list for every
language, so a champion can fetch several)."""


def zim_path(lang: str) -> str:
    """A language's offline pack: every page of the language in one ZIM file for Kiwix."""
    return f"{DOWNLOADS}/healthskills-{lang}.zim"


def embed_url(lang: str, kind: str, item_id: str) -> str:
    """The embed view of a lesson or guide (`kind` is `lessons` or `guides`), for other
    websites to show in an iframe."""
    return f"{lang}/embed/{kind}/{item_id}/"


def oembed_path(lang: str, kind: str, item_id: str) -> str:
    """The oEmbed description of an embed view, next to it."""
    return embed_url(lang, kind, item_id) + "oembed.json"


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at `from_url` to `to_url` (both site-root relative,
    directory pages ending in `/`)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target_is_dir = to_url.endswith("/") or to_url == ""
    rel = posixpath.relpath("/" + to_url, "/" + base)
    if target_is_dir and rel != ".":
        rel += "/"
    elif rel == ".":
        rel = "./"
    return rel
