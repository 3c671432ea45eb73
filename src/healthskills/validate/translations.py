"""What can be checked in any language: a translation keeps every link target and
placeholder of its English, is not missing or out of date, and has no sentence far longer
than the English rules allow."""

from __future__ import annotations

import re

from ..load import po
from ..load.catalogues import Catalogues
from ..load.content import Content
from ..load.docs import Docs
from ..localise.extract import DOCS_PREFIX, source_templates
from ..localise.progress import ThemeStrings
from ..models.language import Language
from ..problems import Problem, Severity
from ..settings.branding import Organisation
from ..text import sentences, word_count
from .easy_read import EASY_READ_MAX_WORDS
from .plain_language import LESSON_SENTENCE_WORDS

_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

SENTENCE_ALLOWANCE = 1.3
"""A translated sentence may run to 1.3 times the English limit in words: languages differ
in how many words they need for the same idea, but a sentence far longer is hard to read
in any language."""


def validate_translations(
    content: Content,
    docs: Docs,
    languages: list[Language],
    catalogues: dict[str, Catalogues],
    theme_strings: ThemeStrings,
    organisation: Organisation | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    for language in languages:
        if language.is_source:
            continue
        found = catalogues.get(language.code, {})
        problems += _check_kept(language, found)
        problems += _check_quality(content, docs, language, found, theme_strings, organisation)
    return problems


def _path(language: Language, rel: str) -> str:
    return f"translations/{language.code}/{rel}"


def _check_kept(language: Language, catalogues: Catalogues) -> list[Problem]:
    """What a translation must keep from its English: every link target and placeholder.
    A changed `glossary:` id or a lost `{minutes}` would break the page, not just read badly.
    Fuzzy entries are not shown (readers get the English), so they are reported as out of
    date, not as broken."""
    problems: list[Problem] = []
    for rel, catalog in sorted(catalogues.items()):
        for entry in catalog.entries:
            if not entry.msgstr or entry.obsolete or entry.fuzzy:
                continue
            for rule, pattern, what in (
                ("translation-links", _LINK_TARGET, "link targets"),
                ("translation-placeholders", _PLACEHOLDER, "placeholders"),
            ):
                english = sorted(pattern.findall(entry.msgid))
                translated = sorted(pattern.findall(entry.msgstr))
                if english != translated:
                    problems.append(Problem(
                        _path(language, rel), entry.line, 1, Severity.ERROR, rule,
                        f"The translation's {what} {translated} differ from the English "
                        f"{english}.",
                        key_path=entry.msgctxt or "",
                        hint="keep every (target) and {placeholder} exactly as in the "
                        "English; translate only the words.",
                    ))  # fmt: skip
    return problems


def _check_quality(
    content: Content,
    docs: Docs,
    language: Language,
    catalogues: Catalogues,
    theme_strings: ThemeStrings,
    organisation: Organisation | None = None,
) -> list[Problem]:
    """Translations missing or out of date (the English changed since), and sentences too
    long to read easily."""
    problems: list[Problem] = []
    for rel, template in source_templates(
        content, docs, theme_strings(language.code), organisation
    ).items():
        catalog = catalogues.get(rel)
        shown = _path(language, rel)
        entries = {e.key: e for e in catalog.entries if not e.obsolete} if catalog else {}
        # Hand-written docs pages fall back block by block; only content and interface
        # strings are counted.
        keys = [k for k in dict.fromkeys(template) if not str(k[0]).startswith(DOCS_PREFIX)]
        missing = [k for k in keys if k not in entries or not entries[k].msgstr]
        if missing and not language.partial:
            problems.append(Problem(
                shown, 0, 0, Severity.WARNING, "translation-missing",
                f"{len(missing)} of {len(keys)} texts are not translated into "
                f"{language.name}; readers see them in English.",
                hint="translate them (run `healthskills translations update` first), or set "
                "`partial: true` for the language in translations/languages.yaml.",
            ))  # fmt: skip
        limit = EASY_READ_MAX_WORDS if rel.startswith("guides/") else LESSON_SENTENCE_WORDS
        for key in keys:
            entry = entries.get(key)
            if entry is None or not entry.msgstr:
                continue
            if entry.fuzzy:
                problems.append(Problem(
                    shown, entry.line, 1, Severity.WARNING, "translation-outdated",
                    "The English changed after this was translated; readers see the "
                    "English until the translation is updated.",
                    key_path=entry.msgctxt or "",
                    hint="translate the new English (the old one is in the `#|` lines), "
                    "then remove the fuzzy flag.",
                ))  # fmt: skip
                continue
            if _TAG.search(entry.msgstr) and not _TAG.search(entry.msgid):
                problems.append(Problem(
                    shown, entry.line, 1, Severity.ERROR, "raw-html",
                    "The translation has HTML tags the English does not have; they are "
                    "removed from the page, and a tag such as <script> is never allowed.",
                    key_path=entry.msgctxt or "",
                    hint="translate only the words; keep Markdown such as **bold** and "
                    "[links](target) as in the English.",
                ))  # fmt: skip
            if rel.startswith(("lessons/", "guides/")) and entry.msgctxt != "facilitator_notes":
                problems += _long_translated(shown, entry, limit)
    return problems


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
"""An HTML tag (or comment) in a translation, which the English never has: a translation
is text from outside the project, and must not carry markup into pages."""


def _long_translated(path: str, entry: po.Entry, limit: int) -> list[Problem]:
    most = round(limit * SENTENCE_ALLOWANCE)
    found = []
    for sentence in sentences(entry.msgstr):
        count = word_count(sentence)
        if count > most:
            found.append(Problem(
                path, entry.line, 1, Severity.WARNING, "long-sentence",
                f"A translated sentence has {count} words; at most {most} reads easily "
                f"here: “{sentence[:60]}…”",
                key_path=entry.msgctxt or "",
                hint="split it into two sentences, each with one idea.",
            ))  # fmt: skip
    return found
