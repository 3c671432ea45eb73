"""Every generated page of one language, and its search index."""

from __future__ import annotations

import datetime as dt

from ..assets import Assets
from ..localise.content import Localised
from ..settings import ProjectSettings
from .context import PageSource
from .guides import render_guide
from .indexes import render_indexes, render_my_lessons, render_words
from .lessons import render_lesson
from .places import render_places


def render_language(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    today: dt.date,
    sizes: dict[str, int] | None = None,
) -> list[PageSource]:
    """Every lesson and guide page of one language, with the indexes, "My lessons", the
    word list and "Help near you". `sizes` holds the PDFs made for printing (site-root
    relative path → bytes), so that pages can link to them with their size."""
    pages = render_indexes(local, assets, sizes or {})
    pages += [render_my_lessons(local, assets), render_words(local, assets)]
    pages += [render_lesson(local, assets, settings, lesson) for lesson in local.lessons.values()]
    for guide in local.guides.values():
        pages += render_guide(local, assets, settings, guide, sizes)
    pages += render_places(local, assets, settings, today, sizes)
    return pages
