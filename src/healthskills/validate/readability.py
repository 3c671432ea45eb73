"""Plain-language measures of English text: reading age, passive voice, jargon, capitals
and abbreviations.

NHS content teams write for a reading age of about 9 to 11. These are the measures a
program can take without a dictionary service: Flesch–Kincaid grade from words, sentences
and a syllable estimate (UK reading age = US grade + 5), passive voice where a form of "be"
is followed by a past participle, words from a jargon list with plainer alternatives,
words in capitals, and abbreviations that are never explained. They are English rules:
other languages get the language-neutral checks (sentence length, translations).

Pure functions on strings; `plain_language` turns their findings into problems. Sentences
and words come from `text`, like every other rule's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import plain_text, sentences, words

US_GRADE_TO_UK_AGE = 5
"""A US school grade is a UK reading age five years lower: grade 4 reads at age 9."""

DEFAULT_JARGON: dict[str, str] = {
    "utilise": "use",
    "utilize": "use",
    "commence": "start",
    "facilitate": "help",
    "in order to": "to",
    "prior to": "before",
    "approximately": "about",
    "assistance": "help",
    "require": "need",
    "obtain": "get",
    "sufficient": "enough",
    "additional": "more",
    "regarding": "about",
    "purchase": "buy",
    "ensure": "make sure",
    "locate": "find",
    "subsequently": "then",
    "terminate": "end",
    "endeavour": "try",
    "in the event of": "if",
    "a number of": "some",
    "at this point in time": "now",
    "demonstrate": "show",
    "individuals": "people",
    "notify": "tell",
    "whilst": "while",
}
"""Words and phrases with a plainer alternative (after the NHS and GOV.UK style guides).
A project can add to or replace these in mkdocs.yml."""

KNOWN_ABBREVIATIONS = frozenset({"NHS", "UK", "OK"})
"""Abbreviations readers know without explanation. Every other one must be explained once:
a glossary link, or the words in full with the abbreviation in brackets."""

_IRREGULAR_PARTICIPLES = frozenset(
    (
        "been",
        "begun",
        "bitten",
        "blown",
        "broken",
        "brought",
        "built",
        "bought",
        "caught",
        "chosen",
        "come",
        "done",
        "drawn",
        "driven",
        "eaten",
        "fallen",
        "felt",
        "found",
        "forgotten",
        "forgiven",
        "frozen",
        "given",
        "gone",
        "grown",
        "heard",
        "held",
        "hidden",
        "hit",
        "hurt",
        "kept",
        "known",
        "laid",
        "led",
        "left",
        "lent",
        "let",
        "lost",
        "made",
        "meant",
        "met",
        "paid",
        "put",
        "read",
        "ridden",
        "rung",
        "risen",
        "run",
        "said",
        "seen",
        "sent",
        "set",
        "shaken",
        "shown",
        "shut",
        "sold",
        "spoken",
        "spent",
        "stolen",
        "struck",
        "sung",
        "taken",
        "taught",
        "thrown",
        "told",
        "thought",
        "understood",
        "woken",
        "worn",
        "won",
        "written",
    )
)
_NOT_PARTICIPLES = frozenset(
    (
        "need",
        "bed",
        "red",
        "shed",
        "seed",
        "feed",
        "speed",
        "indeed",
        "weed",
        "bleed",
        "breed",
        "freed",
        "greed",
        "steed",
    )
)
_STATES = frozenset(
    (
        "closed",
        "called",
        "registered",
        "interested",
        "worried",
        "tired",
        "married",
        "located",
        "supposed",
        "used",
        "based",
        "concerned",
        "involved",
        "pleased",
        "scared",
        "allowed",
    )
)
"""Past participles that, after "be", almost always describe a state ("the practice is
closed"), not an action done by someone: not reported as passive."""
_BE = r"(?:am|is|are|was|were|be|been|being)"


def syllables(word: str) -> int:
    """An estimate good enough for reading age: vowel groups, less a silent final "e" and
    "-ed", at least one. Numbers count as one word of two syllables."""
    word = word.lower().strip("'’")
    if word[:1].isdigit():
        return 2
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", lambda m: m.group()[0], word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade level (US school grade)."""
        if not self.sentences or not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def reading_age(self) -> float:
        """UK reading age: the grade plus five, never below 5, to one decimal place."""
        return round(max(5.0, self.grade + US_GRADE_TO_UK_AGE), 1)


def readability(texts: list[str]) -> Readability:
    """Reading measures of a lesson's or guide's texts taken together."""
    found = [s for text in texts for s in sentences(text)]
    all_words = [w for s in found for w in words(s)]
    return Readability(len(found), len(all_words), sum(syllables(w) for w in all_words))


def passive_phrases(text: str) -> list[str]:
    """Passive verbs ("is sent", "was given", "are being checked"), where they can be
    told apart from adjectives only by form: a warning, for a person to judge."""
    found = []
    adverb = r"(?:(?:not|also|then|often|usually)\s+)?"
    pattern = re.compile(rf"\b{_BE}\s+{adverb}(?:being\s+)?(\w+)\b")
    for match in pattern.finditer(plain_text(text)):
        verb = match.group(1).lower()
        regular = verb.endswith("ed") and len(verb) > 4 and verb not in _NOT_PARTICIPLES
        if (regular or verb in _IRREGULAR_PARTICIPLES) and verb not in _STATES:
            found.append(match.group(0))
    return found


def jargon_found(text: str, jargon: dict[str, str]) -> list[tuple[str, str]]:
    """(word as written, plainer alternative) for each jargon word or phrase used."""
    plain = plain_text(text)
    found = []
    for word, better in jargon.items():
        phrase = r"\s+".join(re.escape(part) for part in word.split())
        pattern = rf"\b{phrase}(?:s|d|ed)?\b"
        for match in re.finditer(pattern, plain, flags=re.IGNORECASE):
            found.append((match.group(0), better))
    return found


_CAPITAL_RUN = re.compile(r"\b[A-Z]{2,}(?:[\s-]+[A-Z]{2,})+\b")
_ABBREVIATION = re.compile(r"(?<![\w&.])(?:[A-Z]{2,5}[0-9]*|[A-Z]&[A-Z])(?![\w&]|\.[A-Za-z])")


def capital_words(text: str, allowed: set[str]) -> list[str]:
    """Shouting, which is harder to read: two or more words in a row in capitals ("DO
    NOT"), or a word of six or more capitals. Shorter ones are abbreviations (below)."""
    plain = plain_text(text)
    found = [
        m.group(0) for m in _CAPITAL_RUN.finditer(plain) if not set(m.group(0).split()) <= allowed
    ]
    found += [
        w
        for w in re.findall(r"\b[A-Z]{6,}\b", plain)
        if w not in allowed and not any(w in run for run in found)
    ]
    return found


def abbreviations(text: str) -> list[str]:
    """Abbreviations as written: two to five capitals, possibly with digits or "&" ("GP",
    "A&E", "GMS1"), in the order they appear; not web addresses (GOV.UK) and not words
    in a run of capitals (that is shouting, above)."""
    plain = _CAPITAL_RUN.sub(lambda m: " " * len(m.group(0)), plain_text(text))
    return _ABBREVIATION.findall(plain)


def expanded(text: str, abbreviation: str) -> bool:
    """The abbreviation is spelled out beside it: "general practitioner (GP)", "a practice
    code (ODS code)" or "GP (general practitioner)"."""
    plain = plain_text(text)
    short = re.escape(abbreviation)
    before = re.search(rf"[a-z][a-z ]+\({short}\b[^)]*\)", plain)
    return bool(before or re.search(rf"\b{short} \([a-z][^)]+\)", plain))
