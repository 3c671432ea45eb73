"""Which text in content is translatable, and under which stable key (gettext msgctxt).

One walker serves both directions: extraction (English text → catalogue entries) and
localisation (catalogue → translated models), so the two can never disagree on keys.
Keys follow the author's ids, not positions: `steps.open-app.text`,
`quiz.who-can-help.options.pharmacy.feedback`, `sections.about.rows.what.picture.alt`.
Plain string lists (`before_you_start`) are keyed by position: `before_you_start.0`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from ..models import (
    Glossary,
    Guide,
    Lesson,
    Option,
    Picture,
    Question,
    Row,
    Section,
    Step,
    Term,
    Topic,
)
from ..models.place import Place

TRANSLATABLE: dict[type[BaseModel], tuple[str, ...]] = {
    Lesson: ("title", "summary", "audience", "elsewhere", "before_you_start", "you_do_not_need",
             "steps", "quiz", "facilitator_notes"),
    Step: ("title", "text", "picture", "tip", "warning"),
    Picture: ("alt",),
    Question: ("question", "options"),
    Option: ("text", "feedback"),
    Guide: ("title", "summary", "elsewhere", "sections", "who_can_help"),
    Section: ("title", "rows"),
    Row: ("picture", "text"),
    Term: ("term", "definition"),
    Topic: ("title", "summary"),
    Place: ("summary", "how_to_find"),
}  # fmt: skip
"""Fields that hold reader-facing text, per model, in reading order. Source titles and URLs
are not here: they name English pages. A place's name, address and area are not here
either: they stay as written on the sign and the envelope."""


def extract(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(key, English text) for every translatable string, in reading order."""
    for name in TRANSLATABLE[type(model)]:
        value = getattr(model, name)
        key = f"{prefix}{name}"
        if value is None:
            continue
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, BaseModel):
            yield from extract(value, f"{key}.")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield f"{key}.{index}", item
                else:
                    yield from extract(item, f"{key}.{item.id}.")


Lookup = Callable[[str, str], str | None]
"""(key, English text) → translation, or None to keep the English."""


def localise(model: Any, lookup: Lookup, prefix: str = "") -> Any:
    """A copy of `model` with every translatable string replaced where `lookup` has one."""
    updates: dict[str, Any] = {}
    for name in TRANSLATABLE[type(model)]:
        value = getattr(model, name)
        key = f"{prefix}{name}"
        if value is None:
            continue
        if isinstance(value, str):
            updates[name] = _pick(lookup, key, value)
        elif isinstance(value, BaseModel):
            updates[name] = localise(value, lookup, f"{key}.")
        elif isinstance(value, list):
            updates[name] = [
                _pick(lookup, f"{key}.{index}", item)
                if isinstance(item, str)
                else localise(item, lookup, f"{key}.{item.id}.")
                for index, item in enumerate(value)
            ]
    return model.model_copy(update=updates)


def _pick(lookup: Lookup, key: str, english: str) -> str:
    translated = lookup(key, english)
    return translated if translated else English(english)


class English(str):
    """English text standing in for a missing translation, so templates can mark it
    `lang="en"` for screen readers and count it for the fallback notice."""

    __slots__ = ()


def extract_glossary(glossary: Glossary) -> Iterator[tuple[str, str]]:
    for term_id, term in glossary.root.items():
        yield from extract(term, f"{term_id}.")


def localise_glossary(glossary: Glossary, lookup: Lookup) -> dict[str, Term]:
    return {key: localise(term, lookup, f"{key}.") for key, term in glossary.root.items()}
