"""How much of each language is translated, per PO file: entries translated, fuzzy (the
English changed since) and missing, counted against what the English source has now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..load.catalogues import Catalogues
from ..load.content import Content
from ..load.docs import Docs
from ..models.language import Language
from ..settings.branding import Organisation
from .extract import source_templates

ThemeStrings = Callable[[str], dict[str, str]]
"""Language code → the theme's English strings to translate for it (none where the theme
translates the language itself)."""


@dataclass(frozen=True)
class FileProgress:
    file: str
    total: int
    translated: int
    fuzzy: int
    missing: int


def translation_progress(
    content: Content,
    docs: Docs,
    languages: list[Language],
    catalogues: dict[str, Catalogues],
    theme_strings: ThemeStrings,
    organisation: Organisation | None = None,
) -> dict[str, list[FileProgress]]:
    report: dict[str, list[FileProgress]] = {}
    for language in languages:
        if language.is_source:
            continue
        rows = []
        templates = source_templates(content, docs, theme_strings(language.code), organisation)
        for rel, template in templates.items():
            catalog = catalogues.get(language.code, {}).get(rel)
            entries = {e.key: e for e in catalog.entries if not e.obsolete} if catalog else {}
            translated = fuzzy = 0
            keys = list(dict.fromkeys(template))
            for key in keys:
                entry = entries.get(key)
                if entry is not None and entry.translated:
                    translated += 1
                elif entry is not None and entry.fuzzy and entry.msgstr:
                    fuzzy += 1
            rows.append(FileProgress(rel, len(keys), translated, fuzzy,
                                   len(keys) - translated - fuzzy))  # fmt: skip
        report[language.code] = rows
    return report
