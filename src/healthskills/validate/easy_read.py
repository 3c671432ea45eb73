"""Easy read (EASY-READ.md), as far as a program can check it: short sentences, rows of
plain sentences without links or lists, no italics, every hard word in the word list, and
a printed length people can manage."""

from __future__ import annotations

import math
from collections.abc import Iterator

from .. import markup
from ..load.content import Content, Loaded
from ..load.yamlio import Document, Loc
from ..models import Guide, Row, Term
from ..models.common import NATIONS
from ..models.texts import guide_texts
from ..problems import Problem
from ..text import sentences, without_emphasis, word_count
from .common import WARN
from .terms import terms_pattern

EASY_READ_MAX_WORDS = 15

MAX_PRINTED_PAGES = 24
"""EASY-READ.md: an easy-read guide is at most 24 printed pages; longer ones are split.
`check` warns on an estimate (`estimated_pages`); the build measures each real PDF."""

PAGE_MM = 232
"""Height that print.css leaves for content on an A4 page (297 mm less 42 mm of margins),
less about half a row, lost where a row that cannot be split moves to the next page."""

FRONT_MM, ROW_MM, HEADING_MM, WORD_MM, SOURCE_MM, END_MM = 90, 47, 25, 26, 25, 45
"""Printed heights in print.css: the title, summary and QR code box; a row (a 40 mm picture
and 7 mm below it); a section heading; a word and its definition in the word list; a source
with its printed address; and the sources heading with the review dates."""

NATIONS_MM, EVERYWHERE_MM = 20, 8
"""The note near the top saying which UK nations the guide is for: with what is different
elsewhere and where to look there, or one line when it is for the whole UK."""

TRANSLATION_ALLOWANCE = 1.4
"""Translations run longer than the English (Urdu sheets, in Nastaliq's tall lines, by up
to two fifths), and each language's sheet must fit the limit too."""


def validate_easy_read(content: Content) -> list[Problem]:
    glossary = content.glossary.model.root if content.glossary else None
    problems: list[Problem] = []
    for loaded in content.guides.values():
        problems += _check_guide(loaded, glossary)
    return problems


def _check_guide(loaded: Loaded[Guide], glossary: dict[str, Term] | None) -> list[Problem]:
    guide, doc = loaded.model, loaded.doc
    out: list[Problem] = []
    for loc, row in guide_rows(guide):
        out += _check_row(doc, (*loc, "text"), row.text)
    out += check_sentences(doc, ("title",), guide.title)
    out += check_sentences(doc, ("summary",), guide.summary)
    if guide.elsewhere:
        out += check_sentences(doc, ("elsewhere",), guide.elsewhere)
    for i, section in enumerate(guide.sections):
        out += check_sentences(doc, ("sections", i, "title"), section.title)
    if glossary:
        out += _check_hard_words(doc, guide, glossary)
    pages = estimated_pages(guide)
    if pages > MAX_PRINTED_PAGES:
        out.append(
            doc.problem(
                ("sections",),
                "guide-pages",
                f"This guide would print on about {pages} A4 pages, and easy read allows "
                f"{MAX_PRINTED_PAGES}. This is an estimate from its rows, words and sources; "
                "the build counts the real pages of each language's PDF.",
                hint="split it into two guides, each about one task, and link them.",
                severity=WARN,
                key=True,
            )
        )
    return out


def guide_rows(guide: Guide) -> list[tuple[Loc, Row]]:
    """Every row of a guide with where it is: the sections' rows, then who can help."""
    rows: list[tuple[Loc, Row]] = [
        (("sections", i, "rows", j), row)
        for i, section in enumerate(guide.sections)
        for j, row in enumerate(section.rows)
    ]
    return rows + [(("who_can_help", j), row) for j, row in enumerate(guide.who_can_help)]


def _check_row(doc: Document, loc: Loc, text: str) -> Iterator[Problem]:
    facts = markup.inspect(text)
    if facts.italics:
        yield doc.problem(
            loc, "italics", "Easy read does not use italics.", hint="use **bold** for emphasis."
        )
    if facts.links or facts.block_elements:
        yield doc.problem(
            loc,
            "row-markup",
            "Easy-read rows are one or two plain sentences: no links or lists.",
            hint="explain hard words in the next sentence, in bold, and add them to `words`.",
        )
    yield from check_sentences(doc, loc, text)


def check_sentences(doc: Document, loc: Loc, text: str) -> Iterator[Problem]:
    """Easy read keeps every sentence short, titles and summaries included: a reader who
    stumbles on the title may not read on."""
    for sentence in sentences(text):
        words = word_count(sentence)
        if words > EASY_READ_MAX_WORDS:
            yield doc.problem(
                loc,
                "long-sentence",
                f"A sentence has {words} words; easy read keeps to "
                f"{EASY_READ_MAX_WORDS} or fewer: “{sentence[:60]}…”",
                hint="split it into two sentences, each with one idea.",
                severity=WARN,
            )


def estimated_pages(guide: Guide) -> int:
    """Printed A4 pages the guide's longest translation will need, estimated from its
    parts before any PDF exists, so an author hears that a guide is too long while writing
    it. Measured against the real PDFs of every language in tests/test_pdfs.py; the build
    counts each real PDF under the same rule (`guide-pages`)."""
    rows = sum(len(section.rows) for section in guide.sections) + len(guide.who_can_help)
    everywhere = set(guide.applies_to) == set(NATIONS)
    height = (
        FRONT_MM
        + (EVERYWHERE_MM if everywhere else NATIONS_MM)
        + rows * ROW_MM
        + (len(guide.sections) + 1) * HEADING_MM
        + len(guide.words) * WORD_MM
        + len(guide.sources) * SOURCE_MM
        + END_MM
    )
    return math.ceil(height * TRANSLATION_ALLOWANCE / PAGE_MM)


def _check_hard_words(doc: Document, guide: Guide, glossary: dict[str, Term]) -> Iterator[Problem]:
    """EASY-READ.md: explain a hard word where it is used and collect it in the word list at
    the end. The glossary is our list of hard words, so a glossary term in the guide's text
    whose id is not in `words` is a word the reader meets with no help. Only the first use
    is reported: one fix (adding the id) covers them all.

    The other way round, an id in `words` that the text never uses puts a word in the word
    list that the reader has not met, often after a row was reworded."""
    texts = [(loc, without_emphasis(text)) for loc, text in guide_texts(guide)]
    ids, pattern = terms_pattern(tuple((term_id, term.term) for term_id, term in glossary.items()))
    listed = set(guide.words)
    for loc, text in texts:
        for match in pattern.finditer(text):
            term_id = ids[(match.lastindex or 1) - 1]
            if term_id in listed:
                continue
            listed.add(term_id)  # report each word once, where the reader first meets it
            yield doc.problem(
                loc,
                "hard-word",
                f"“{' '.join(match.group(0).split())}” is a hard word from the glossary, but "
                f"`{term_id}` is not in this guide's `words`.",
                hint=f"add `{term_id}` to `words`, and explain “{glossary[term_id].term}” "
                "in the row straight after it is used.",
                severity=WARN,
            )
    for i, term_id in enumerate(guide.words):
        if term_id not in glossary:
            continue  # reported as unknown-glossary
        _, alone = terms_pattern(((term_id, glossary[term_id].term),))
        if not any(alone.search(text) for _, text in texts):
            yield doc.problem(
                ("words", i),
                "hard-word",
                f"`{term_id}` is in `words`, but “{glossary[term_id].term}” is not used in "
                "this guide.",
                hint="remove it from `words`, or use the word as the glossary spells it.",
                severity=WARN,
            )
