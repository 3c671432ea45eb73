"""Lesson pages: one task in numbered steps, with a quiz, hard words explained in place,
what to do next and where to get help in person."""

from __future__ import annotations

from .. import markup
from ..assets import Assets
from ..localise.content import Localised
from ..models import Lesson
from ..pages import help_url, lesson_url, my_lessons_url, oembed_path, words_url
from ..settings import ProjectSettings
from .context import PageContext, PageSource
from .embed_code import snippet
from .nations import nations_notice
from .places import PlaceView, lesson_places


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


def lesson_terms(lesson: Lesson) -> list[str]:
    """Glossary ids a lesson's steps link to, in the order the learner meets them."""
    linked = [
        term
        for step in lesson.steps
        for text in (step.text, step.tip, step.warning)
        for term in markup.glossary_links(text)
    ]
    return list(dict.fromkeys(linked))


def lesson_body(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    lesson: Lesson,
    *,
    url: str,
    embed: str | None = None,
    learner: bool = False,
) -> tuple[PageContext, str]:
    """A lesson's HTML at `url`: the same for its page and its embed view. `learner` adds
    the controls that need the site's script (listen, progress), which embed views and
    printed documents do not load."""
    page = PageContext(local, assets, url)
    places, is_local = lesson_places(local, lesson.id)
    # Explain each glossary term in place, under the first step that uses it; terms never
    # linked from a step are explained in the word list at the end.
    step_terms: list[list[str]] = []
    for step in lesson.steps:
        new: list[str] = []
        for text in (step.text, step.tip, step.warning):
            for term in markup.glossary_links(text):
                if term in page.glossary and term not in page.term_anchor:
                    page.term_anchor[term] = f"term-{term}"
                    new.append(term)
        step_terms.append(new)
    all_terms = list(dict.fromkeys([*page.term_anchor, *lesson.glossary]))
    body = page.render(
        "lesson.html",
        lesson=lesson,
        step_terms=step_terms,
        all_terms=all_terms,
        embed=embed,
        learner=learner,
        nations=nations_notice(page, lesson, settings),
        next_lesson=next_lesson(local, lesson.id),
        my_lessons=my_lessons_url(page.lang),
        help_near_you=help_url(page.lang),
        help_places=[PlaceView(page, place) for place in places],
        help_local=is_local,
        word_list=words_url(page.lang),
    )
    return page, body


def render_lesson(
    local: Localised, assets: Assets, settings: ProjectSettings, lesson: Lesson
) -> PageSource:
    lang = local.language.code
    url = lesson_url(lang, lesson.id)
    code = snippet(settings, lang, "lessons", lesson.id, str(lesson.title))
    _, body = lesson_body(local, assets, settings, lesson, url=url, embed=code, learner=True)
    return PageSource(
        path=f"lessons/{lesson.id}.md",
        url=url,
        title=str(lesson.title),
        description=str(lesson.summary),
        body=body,
        kind="lesson",
        meta={"hs_oembed": settings.site_url + oembed_path(lang, "lessons", lesson.id)},
    )
