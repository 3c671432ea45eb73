"""A language's translated strings, ready to look up while rendering.

Only translated, current entries count: a fuzzy entry (the English changed since it was
translated) or an empty one falls back to English on the site, marked as English.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..load.catalogues import Catalogues
from ..models.language import ENGLISH, Language

Lookup = Callable[[str, str], str | None]
"""(key, English text) → translation, or None to keep the English."""


@dataclass
class Translations:
    language: Language = ENGLISH
    strings: dict[tuple[str | None, str], str] = field(default_factory=dict)

    def lookup(self, msgctxt: str, msgid: str) -> str | None:
        return self.strings.get((msgctxt, msgid))

    def for_file(self, prefix: str = "") -> Lookup:
        """A lookup for keys relative to one content file (they share one namespace here,
        since each file's keys are distinct by construction once prefixed)."""
        return lambda key, english: self.strings.get((prefix + key, english))


def translations_for(language: Language, catalogues: Catalogues | None) -> Translations:
    """Every translated, current entry of a language's catalogues. English has none."""
    result = Translations(language)
    if language.is_source:
        return result
    for rel, catalogue in sorted((catalogues or {}).items()):
        scope = "" if rel == "interface.po" else rel.removesuffix(".po") + "#"
        for entry in catalogue.entries:
            if entry.translated and not entry.obsolete:
                result.strings[(scope + (entry.msgctxt or ""), entry.msgid)] = entry.msgstr
    return result
