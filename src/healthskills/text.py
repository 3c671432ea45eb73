"""Text as a reader reads it: plain text from author Markdown, sentences and words.

Every rule that counts words or sentences (easy-read sentence length, reading age, long
sentences in lessons and in translations) uses these, so the rules can never disagree on
where a sentence ends: before, two splitters did, and "reception, e.g. the front desk."
counted as two sentences for one rule and one for another.
"""

from __future__ import annotations

import re
import unicodedata

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`#>]")
_LIST_ITEM = re.compile(r"^\s*(?:[-+]|\d+\.)\s+", flags=re.M)

WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+(?:[.,]\d+)*")
"""A word of English text: letters with inner apostrophes and hyphens, or a number."""

_SENTENCE_END = re.compile(r"(?<=[.!?۔؟])\s+(?=[^a-z])")
"""A sentence ends at a full stop, question or exclamation mark (Latin, Arabic or Urdu)
before a space and anything but a lower-case letter (so "e.g. this" does not end one)."""


def plain_text(markdown: str) -> str:
    """What a reader reads: link targets, emphasis marks and list bullets removed."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKS.sub("", text)
    return _LIST_ITEM.sub("", text)


def without_emphasis(markdown: str) -> str:
    """Text with only its emphasis marks removed, so `**GP**` reads as `GP` while line
    breaks, links and list bullets stay where they are (for matching words in place)."""
    return re.sub(r"[*_`]", "", markdown)


def sentences(text: str) -> list[str]:
    """Sentences of author Markdown, as readers take them: list items and lines without a
    full stop count as one sentence each. Works for any script: only the sentence stops of
    Latin, Arabic and Urdu text are known, and a sentence must hold a letter or digit."""
    found: list[str] = []
    for line in plain_text(text).splitlines():
        found += [s.strip() for s in _SENTENCE_END.split(line) if _has_word(s)]
    return found


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def words(text: str) -> list[str]:
    """English words and numbers in `text` (for reading measures)."""
    return WORD.findall(text)


def word_count(sentence: str) -> int:
    """Words in a sentence of any language: what is separated by spaces."""
    return len(sentence.split())


def sort_key(text: str) -> str:
    """Alphabetical order that ignores case and accents ("Ł" with "L", "é" with "e"),
    close enough to each language's own order for a short word list."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")
