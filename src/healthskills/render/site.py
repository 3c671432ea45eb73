"""Every generated page of one language, and its search index."""

from __future__ import annotations

from ..assets import Assets
from ..localise.content import Localised
from ..settings import ProjectSettings
from .context import PageSource
from .guides import render_guide
from .indexes import render_indexes, render_my_lessons, render_words
from .lessons import render_lesson


def render_language(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    sizes: dict[str, int] | None = None,
) -> list[PageSource]:
    """Every lesson and guide page of one language, with the indexes, "My lessons" and the
    word list. `sizes` holds the PDFs made for printing (site-root relative path → bytes),
    so that pages can link to them with their size."""
    pages = render_indexes(local, assets, sizes or {})
    pages += [render_my_lessons(local, assets), render_words(local, assets)]
    pages += [render_lesson(local, assets, settings, lesson) for lesson in local.lessons.values()]
    for guide in local.guides.values():
        pages += render_guide(local, assets, settings, guide, sizes)
    return pages
