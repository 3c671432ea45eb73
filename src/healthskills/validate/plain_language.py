"""Plain language: the rules that keep English content readable and its sources official.

Each finding is a warning at the text where it was found, with a hint; `extra.checks` in
mkdocs.yml can make a rule an error or turn it off (settings/checks.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from .. import markup
from ..load.content import Content, Loaded
from ..load.yamlio import Document, Loc
from ..models import Guide, Lesson, Term
from ..models.texts import guide_texts, item_texts, lesson_texts
from ..problems import Problem, Severity
from ..settings.checks import Checks
from ..text import sentences, words
from .readability import (
    abbreviations,
    capital_words,
    expanded,
    jargon_found,
    passive_phrases,
    readability,
)

WARN = Severity.WARNING
LESSON_SENTENCE_WORDS = 25
"""Plain English for a general audience keeps sentences to about 25 words at most (GOV.UK);
easy-read guides keep to 15 (validate.py)."""


def reading_age(item: Lesson | Guide) -> float:
    return readability([text for _, text in item_texts(item)]).reading_age


def validate_plain_language(content: Content, config: Checks) -> list[Problem]:
    glossary: dict[str, Term] = content.glossary.model.root if content.glossary else {}
    problems: list[Problem] = []
    for loaded in content.lessons.values():
        problems += _check_item(loaded, lesson_texts(loaded.model), glossary, config)
    for loaded in content.guides.values():
        problems += _check_item(loaded, guide_texts(loaded.model), glossary, config)
    return problems


def _check_item(
    loaded: Loaded[Lesson] | Loaded[Guide],
    texts: list[tuple[Loc, str]],
    glossary: dict[str, Term],
    config: Checks,
) -> list[Problem]:
    item, doc = loaded.model, loaded.doc
    lesson = isinstance(item, Lesson)
    out: list[Problem] = []
    limit = config.lesson_reading_age if lesson else config.guide_reading_age
    measured = readability([text for _, text in texts])
    if measured.reading_age > limit:
        kind = "lessons" if lesson else "easy-read guides"
        out.append(doc.problem(
            ("title",), "reading-age",
            f"Reading age {measured.reading_age:g} is above {limit:g}, the most for {kind} "
            f"({measured.words} words in {measured.sentences} sentences, "
            f"{measured.syllables / max(1, measured.words):.2f} syllables a word).",
            hint="use shorter sentences and shorter, everyday words.", severity=WARN,
        ))  # fmt: skip
    for loc, text in texts:
        out += _check_text(doc, loc, text, lesson, config)
    out += _check_abbreviations(doc, item, texts, glossary, config)
    for i, source in enumerate(item.sources):
        host = urlsplit(source.url).hostname or ""
        if not config.official(host):
            out.append(doc.problem(
                ("sources", i, "url"), "unofficial-source",
                f"{host} is not on the list of official sources.",
                hint="cite NHS.UK or another official source, or add the domain to "
                "`official_domains` under `extra: checks:` in mkdocs.yml.", severity=WARN,
            ))  # fmt: skip
    return out


def _check_text(
    doc: Document, loc: Loc, text: str, lesson: bool, config: Checks
) -> Iterator[Problem]:
    if lesson:  # easy-read guides have their own, stricter sentence rule
        for sentence in sentences(text):
            count = len(words(sentence))
            if count > LESSON_SENTENCE_WORDS:
                yield doc.problem(
                    loc, "long-sentence",
                    f"A sentence has {count} words; plain English keeps to "
                    f"{LESSON_SENTENCE_WORDS} or fewer: “{sentence[:60]}…”",
                    hint="split it into two sentences, each with one idea.", severity=WARN,
                )  # fmt: skip
    for phrase in passive_phrases(text):
        yield doc.problem(
            loc, "passive-voice", f"“{phrase}” may be passive voice.",
            hint="say who does it: “the practice sends you a letter”, not “a letter is sent”.",
            severity=WARN,
        )  # fmt: skip
    for written, better in jargon_found(text, config.jargon):
        yield doc.problem(
            loc, "jargon", f"“{written}” has a plainer alternative: “{better}”.",
            hint=f"write “{better}”.", severity=WARN,
        )  # fmt: skip
    allowed = set(config.known_abbreviations)
    for word in capital_words(text, allowed):
        yield doc.problem(
            loc, "capitals", f"“{word}” is in capital letters, which are harder to read.",
            hint="use bold for emphasis; if it is an abbreviation, add it to "
            "`known_abbreviations` under `extra: checks:`.", severity=WARN,
        )  # fmt: skip


def _check_abbreviations(
    doc: Document,
    item: Lesson | Guide,
    texts: list[tuple[Loc, str]],
    glossary: dict[str, Term],
    config: Checks,
) -> Iterator[Problem]:
    """Every abbreviation is explained once: known to everyone, a glossary word the page
    explains (linked, or in a lesson's or guide's word list), or spelled out beside it."""
    explained_ids = set(item.glossary if isinstance(item, Lesson) else item.words)
    for _, text in texts:
        explained_ids |= {
            href.partition(":")[2]
            for href in markup.inspect(text).links
            if href.startswith("glossary:")
        }
    explained = set(config.known_abbreviations)
    for term_id in explained_ids:
        if term_id in glossary:
            explained |= set(abbreviations(str(glossary[term_id].term)))
    whole = "\n".join(text for _, text in texts)
    reported: set[str] = set()
    for loc, text in texts:
        for short in abbreviations(text):
            if short in explained or short in reported or short == "TODO" or expanded(whole, short):
                continue
            reported.add(short)
            yield doc.problem(
                loc, "abbreviation", f"“{short}” is not explained.",
                hint=f"link it to the glossary ([{short}](glossary:ID)), or write it out "
                f"once: “words in full ({short})”.", severity=WARN,
            )  # fmt: skip
