"""Rules that need more than one field or more than one file: ids match file names and are
unique, references resolve, dates make sense, every page says which nations it is for,
quizzes have answers, and author Markdown stays inside the allowed subset.

Field-level rules (types, required keys, id format) live in the models. Every rule runs;
nothing stops at the first problem.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from .. import markup
from ..load.content import Content, Loaded
from ..load.yamlio import Document, Loc
from ..models import Guide, Lesson
from ..models.common import NATIONS
from ..problems import Problem
from .common import WARN, check_id_matches_file, check_reference, check_unique
from .easy_read import guide_rows
from .pictures import check_picture


def validate_content(content: Content, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for loaded in [*content.lessons.values(), *content.guides.values()]:
        problems += _check_unfinished(loaded.doc, loaded.doc.data, ())
    for lesson in content.lessons.values():
        problems += _check_lesson(content, lesson, today)
    for guide in content.guides.values():
        problems += _check_guide(content, guide, today)
    problems += _check_topics(content)
    return problems


def _check_dates(doc: Document, model: Lesson | Guide, today: dt.date) -> Iterator[Problem]:
    if model.review_due <= model.reviewed:
        yield doc.problem(
            ("review_due",),
            "review-order",
            f"`review_due` ({model.review_due}) is not after `reviewed` ({model.reviewed}).",
            hint="the next review must come after the last one, usually within a year.",
        )
    elif model.review_due < today:
        yield doc.problem(
            ("review_due",),
            "review-overdue",
            f"The review was due on {model.review_due}; it is now overdue.",
            hint="check the content against its sources, then update `reviewed` and `review_due`.",
            severity=WARN,
        )
    if model.reviewed > today:
        yield doc.problem(
            ("reviewed",),
            "review-in-future",
            f"`reviewed` ({model.reviewed}) is in the future.",
            hint="use the date the content was actually checked.",
        )


def _check_nations(doc: Document, model: Lesson | Guide) -> Iterator[Problem]:
    """A page not true everywhere in the UK says what is different elsewhere: a reader in
    Wales must not learn England's prescription charge as if it were theirs."""
    yield from check_unique(
        doc, ((("applies_to", i), n) for i, n in enumerate(model.applies_to)), "nation"
    )
    everywhere = set(model.applies_to) == set(NATIONS)
    if not everywhere and model.elsewhere is None:
        missing = ", ".join(n for n in NATIONS if n not in model.applies_to)
        yield doc.problem(
            ("applies_to",),
            "elsewhere-missing",
            f"The page is not for {missing}, but does not say what is different there.",
            hint="add `elsewhere:` with one plain sentence, such as "
            '"Prescriptions are free in Wales, Scotland and Northern Ireland."',
        )
    elif everywhere and model.elsewhere is not None:
        yield doc.problem(
            ("elsewhere",),
            "elsewhere-unused",
            "The page is for all four nations, so `elsewhere` is never shown.",
            hint="remove `elsewhere`, or take out of `applies_to` the nations it is about.",
            severity=WARN,
        )


def check_markdown(content: Content, doc: Document, loc: Loc, text: str) -> Iterator[Problem]:
    """Author Markdown: the allowed subset, and every internal link resolves."""
    facts = markup.inspect(text)
    if facts.raw_html:
        yield doc.problem(
            loc,
            "raw-html",
            "HTML tags are not allowed in text.",
            hint="use Markdown: **bold**, [link](https://…), lists with `- `.",
        )
    if facts.headings:
        yield doc.problem(
            loc,
            "heading",
            "Headings (`#`) are not allowed in text.",
            hint="the page makes headings from titles; split the content into another step.",
        )
    if facts.images:
        yield doc.problem(
            loc,
            "image-in-text",
            "Pictures are not allowed in text.",
            hint="use the `picture` field with `name` and `alt`.",
        )
    known = {"lesson": content.stems.get("lessons", {}), "guide": content.stems.get("guides", {})}
    glossary = content.glossary.model.root if content.glossary else {}
    for href in facts.links:
        scheme, sep, target = href.partition(":")
        if not sep or scheme not in markup.LINK_SCHEMES or (scheme == "https" and not target):
            yield doc.problem(
                loc,
                "link-scheme",
                f"The link `{href}` is not allowed.",
                hint="link to https://…, tel:, mailto:, glossary:ID, lesson:ID or guide:ID.",
            )
        elif scheme in ("lesson", "guide"):
            yield from check_reference(doc, loc, scheme, target, known[scheme])
        elif scheme == "glossary" and content.glossary is not None:
            yield from check_reference(doc, loc, "glossary", target, glossary)


def _check_unfinished(doc: Document, value: object, loc: Loc) -> Iterator[Problem]:
    """`healthskills new` writes TODO placeholders; a warning keeps them from going live
    unnoticed (and `check --strict` fails on them)."""
    if isinstance(value, str) and "TODO" in value:
        yield doc.problem(
            loc, "unfinished", "This still contains a TODO placeholder.",
            hint="replace the TODO text with the real content.", severity=WARN,
        )  # fmt: skip
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _check_unfinished(doc, item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _check_unfinished(doc, item, (*loc, index))


def _check_item(doc: Document, item: Lesson | Guide, today: dt.date) -> list[Problem]:
    """What every lesson and guide must get right: its id, its review dates, its nations."""
    return [
        *check_id_matches_file(doc, item.id),
        *_check_dates(doc, item, today),
        *_check_nations(doc, item),
    ]


# ---- lessons -------------------------------------------------------------------------


def _check_lesson(content: Content, loaded: Loaded[Lesson], today: dt.date) -> list[Problem]:
    lesson, doc = loaded.model, loaded.doc
    out = _check_item(doc, lesson, today)
    out += check_unique(
        doc, ((("steps", i, "id"), s.id) for i, s in enumerate(lesson.steps)), "step"
    )
    out += check_unique(
        doc, ((("quiz", i, "id"), q.id) for i, q in enumerate(lesson.quiz)), "question"
    )
    lessons = content.stems.get("lessons", {})
    guides = content.stems.get("guides", {})
    glossary = content.glossary.model.root if content.glossary else None

    for i, step in enumerate(lesson.steps):
        loc = ("steps", i)
        for name in ("text", "tip", "warning"):
            value = getattr(step, name)
            if value is not None:
                out += check_markdown(content, doc, (*loc, name), value)
        if step.picture is not None:
            out += check_picture(content, doc, (*loc, "picture"), step.picture)

    for i, question in enumerate(lesson.quiz):
        loc = ("quiz", i)
        out += check_unique(
            doc,
            (((*loc, "options", j, "id"), o.id) for j, o in enumerate(question.options)),
            "option",
        )
        if not any(option.correct for option in question.options):
            out.append(
                doc.problem(
                    (*loc, "options"),
                    "no-correct-answer",
                    "No option is marked `correct: true`.",
                    hint="mark the right answer (or answers) with `correct: true`.",
                )
            )

    out += check_markdown(content, doc, ("facilitator_notes",), lesson.facilitator_notes)
    if glossary is not None:
        for i, term in enumerate(lesson.glossary):
            out += check_reference(doc, ("glossary", i), "glossary", term, glossary)
    for i, other in enumerate(lesson.related):
        out += check_reference(doc, ("related", i), "lesson", other, lessons)
        if other == lesson.id:
            out.append(
                doc.problem(
                    ("related", i),
                    "related-self",
                    "A lesson cannot be related to itself.",
                    hint="remove it from `related`.",
                )
            )
    if lesson.guide is not None:
        out += check_reference(doc, ("guide",), "guide", lesson.guide, guides)
    out += _check_explained(doc, lesson)
    return out


def _check_explained(doc: Document, lesson: Lesson) -> Iterator[Problem]:
    """A link to a hard word leads to its explanation on the same page: under the first
    step that links to it, or in the lesson's word list (`glossary`). A link anywhere else
    to a word the page never explains would lead nowhere."""
    explained = set(lesson.glossary)
    for step in lesson.steps:
        for text in (step.text, step.tip, step.warning):
            explained |= set(markup.glossary_links(text))
    places: list[tuple[Loc, str]] = [
        *((("before_you_start", i), t) for i, t in enumerate(lesson.before_you_start)),
        *((("you_do_not_need", i), t) for i, t in enumerate(lesson.you_do_not_need)),
        (("facilitator_notes",), lesson.facilitator_notes),
    ]
    for loc, text in places:
        for term in markup.glossary_links(text):
            if term not in explained:
                yield doc.problem(
                    loc, "glossary-unexplained",
                    f"The link to `{term}` leads nowhere: the lesson does not explain that word.",
                    hint=f"add `{term}` to the lesson's `glossary`, or link it from a step.",
                )  # fmt: skip


# ---- guides --------------------------------------------------------------------------


def _check_guide(content: Content, loaded: Loaded[Guide], today: dt.date) -> list[Problem]:
    guide, doc = loaded.model, loaded.doc
    out = _check_item(doc, guide, today)
    out += check_unique(
        doc, ((("sections", i, "id"), s.id) for i, s in enumerate(guide.sections)), "section"
    )
    rows = guide_rows(guide)
    out += check_unique(doc, (((*loc, "id"), row.id) for loc, row in rows), "row")
    for loc, row in rows:
        out += check_picture(content, doc, (*loc, "picture"), row.picture)
        out += check_markdown(content, doc, (*loc, "text"), row.text)
    if guide.lesson is not None:
        out += check_reference(doc, ("lesson",), "lesson", guide.lesson, content.stems["lessons"])
    if content.glossary is not None:
        for i, term in enumerate(guide.words):
            out += check_reference(doc, ("words", i), "glossary", term, content.glossary.model.root)
    return out


# ---- topics --------------------------------------------------------------------------


def _check_topics(content: Content) -> list[Problem]:
    if content.topics is None:
        return []
    doc = content.topics.doc
    topics = content.topics.model.root
    out = list(check_unique(doc, (((i, "id"), t.id) for i, t in enumerate(topics)), "topic"))
    placed: Counter[str] = Counter()
    for i, topic in enumerate(topics):
        for j, lesson_id in enumerate(topic.lessons):
            loc = (i, "lessons", j)
            out += check_reference(doc, loc, "lesson", lesson_id, content.stems.get("lessons", {}))
            placed[lesson_id] += 1
            if placed[lesson_id] == 2:
                out.append(
                    doc.problem(
                        loc,
                        "topic-twice",
                        f"The lesson `{lesson_id}` is in more than one topic.",
                        hint="put each lesson in exactly one topic.",
                    )
                )
    for lesson_id, loaded in content.lessons.items():
        if lesson_id not in placed:
            out.append(
                loaded.doc.problem(
                    ("id",),
                    "no-topic",
                    f"The lesson `{lesson_id}` is not in any topic, so no index lists it.",
                    hint="add its id to a topic's `lessons` in content/topics.yaml.",
                    severity=WARN,
                )
            )
    return out
