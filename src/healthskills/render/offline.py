"""The "Read offline" page: each language's offline pack, with its size, and how to open
one on a phone, a computer or a Kiwix hotspot.

The packs are made from the finished pages (write/zims.py), after this page is rendered,
so their sizes cannot be known here. Each size is a marker, `size_marker(pack, page)`,
that the write stage replaces with the pack's size in the page's own way of writing
numbers. The page itself is not in any pack: it is about getting them.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.numbers import format_decimal

from ..assets import Assets
from ..localise.content import Localised
from ..models.language import Language
from ..pages import read_offline_url, zim_path
from ..settings import ProjectSettings
from .context import BABEL_LOCALES, PageContext, PageSource, index_source
from .printing import online

MARKER = re.compile(rb"@@zim-size:([a-zA-Z-]+):([a-zA-Z-]+)@@")
"""What `size_marker` writes, as the write stage finds it in the built files."""


def size_marker(pack: str, page_lang: str) -> str:
    """Stands for the size of `pack`'s file on a page in `page_lang`, until it is known."""
    return f"@@zim-size:{pack}:{page_lang}@@"


def megabytes(size: int, lang: str) -> str:
    """A pack's size as readers see it: megabytes with one decimal, at least 0.1."""
    value = max(0.1, round(size / 1_000_000, 1))
    return format_decimal(value, format="#,##0.0", locale=BABEL_LOCALES.get(lang, lang))


def render_read_offline(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    languages: list[Language],
    made: dt.date,
    zims: bool,
) -> PageSource:
    """The page, listing every language's pack when the build makes them (`zims`)."""
    lang = local.language.code
    page = PageContext(local, assets, read_offline_url(lang))
    packs = []
    if zims:
        packs = [(language, page.link(zim_path(language.code)), size_marker(language.code, lang))
                 for language in languages]  # fmt: skip
    body = page.render(
        "read_offline.html",
        packs=packs,
        own=online(settings, zim_path(lang)),
        own_file=zim_path(lang).rpartition("/")[2],
        made=made,
    )
    return index_source(page, "read-offline.md", "read_offline", "read_offline_intro", body)
