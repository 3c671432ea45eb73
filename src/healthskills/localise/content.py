"""One language's view of the content: models with translated text, English stand-ins
(marked, so pages can say so) where a translation is missing or out of date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..load.content import Content
from ..models import Guide, Lesson, Term, Topic
from ..models.language import Language
from ..models.place import Place
from ..strings import ENGLISH
from .extract import UI_PREFIX
from .translations import Translations
from .walker import localise, localise_glossary


@dataclass(frozen=True)
class Localised:
    """One language's view of the content, ready to render. Made once per language per
    build: every page, embed and printed document of the language reads this one."""

    language: Language
    translations: Translations
    lessons: dict[str, Lesson]
    guides: dict[str, Guide]
    topics: list[Topic]
    glossary: dict[str, Term]
    places: dict[str, Place]
    """Places with their summary and directions translated; names and addresses as written."""

    def ui(self, key: str) -> str:
        """An interface string in this language, or its English."""
        return self.translations.lookup(UI_PREFIX + key, ENGLISH[key]) or ENGLISH[key]


def localise_content(content: Content, language: Language, translations: Translations) -> Localised:
    def pick(model: Any, scope: str, prefix: str = "") -> Any:
        if language.is_source:
            return model
        return localise(model, translations.for_file(scope), prefix)

    lessons = {k: pick(v.model, f"lessons/{k}#") for k, v in sorted(content.lessons.items())}
    guides = {k: pick(v.model, f"guides/{k}#") for k, v in sorted(content.guides.items())}
    topics = [
        pick(topic, "topics#", f"{topic.id}.")
        for topic in (content.topics.model.root if content.topics else [])
    ]
    glossary = content.glossary.model if content.glossary else None
    terms: dict[str, Term] = {}
    if glossary is not None:
        terms = (
            dict(glossary.root)
            if language.is_source
            else localise_glossary(glossary, translations.for_file("glossary#"))
        )
    places = {k: pick(v.model, "places#", f"{k}.") for k, v in sorted(content.places.items())}
    return Localised(language, translations, lessons, guides, topics, terms, places)
