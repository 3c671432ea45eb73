"""What a reader of a lesson or guide reads, in reading order, with where each text is.

The easy-read, plain-language and link checks all walk the same texts; one list for each
kind of item keeps them from drifting apart (a rule that forgot the quiz, say).
"""

from __future__ import annotations

from ..load.yamlio import Loc
from .guide import Guide
from .lesson import Lesson


def lesson_texts(lesson: Lesson) -> list[tuple[Loc, str]]:
    """Every text of a lesson a learner reads (facilitator notes aside: they are for
    champions)."""
    texts: list[tuple[Loc, str]] = [(("title",), lesson.title), (("summary",), lesson.summary)]
    texts += [(("before_you_start", i), t) for i, t in enumerate(lesson.before_you_start)]
    texts += [(("you_do_not_need", i), t) for i, t in enumerate(lesson.you_do_not_need)]
    for i, step in enumerate(lesson.steps):
        texts += [(("steps", i, "title"), step.title), (("steps", i, "text"), step.text)]
        texts += [
            (("steps", i, k), getattr(step, k)) for k in ("tip", "warning") if getattr(step, k)
        ]
    for i, question in enumerate(lesson.quiz):
        texts.append((("quiz", i, "question"), question.question))
        for j, option in enumerate(question.options):
            texts.append((("quiz", i, "options", j, "text"), option.text))
            texts.append((("quiz", i, "options", j, "feedback"), option.feedback))
    if lesson.elsewhere:
        texts.append((("elsewhere",), lesson.elsewhere))
    return texts


def guide_texts(guide: Guide) -> list[tuple[Loc, str]]:
    """Every text a reader of the guide sees, in the order they read it."""
    texts: list[tuple[Loc, str]] = [(("title",), guide.title), (("summary",), guide.summary)]
    if guide.elsewhere:
        texts.append((("elsewhere",), guide.elsewhere))
    for i, section in enumerate(guide.sections):
        texts.append((("sections", i, "title"), section.title))
        texts += [(("sections", i, "rows", j, "text"), r.text) for j, r in enumerate(section.rows)]
    texts += [(("who_can_help", j, "text"), r.text) for j, r in enumerate(guide.who_can_help)]
    return texts


def item_texts(item: Lesson | Guide) -> list[tuple[Loc, str]]:
    return lesson_texts(item) if isinstance(item, Lesson) else guide_texts(item)
