"""Finding glossary terms in prose, the way a reader meets them.

The easy-read rule that every hard word in a guide is in its word list needs to find
"GP practices" as `gp-practice`, and not `gp` followed by an ordinary word. One compiled
pattern per glossary does that for every text.
"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=512)
def terms_pattern(terms: tuple[tuple[str, str], ...]) -> tuple[list[str], re.Pattern[str]]:
    """One pattern for every (id, term): whole words, any case, any spacing, and the
    plural too ("GP practices", "pharmacies"), since the reader needs the same help.
    Returns the ids in the order of the pattern's groups: the group that matched, less
    one, indexes the id.

    Longer terms come first so that "GP practice" is found as `gp-practice`, not as `gp`
    followed by an ordinary word. A term glued to other letters, digits or a hyphen is part
    of another word ("GP-led"); one inside an address is not prose
    ("report@phishing.gov.uk")."""
    ordered = sorted(terms, key=lambda item: len(item[1]), reverse=True)
    alternatives = "|".join(f"({_term_regex(term)})" for _, term in ordered)
    pattern = re.compile(rf"(?<![\w@/.-])(?:{alternatives})(?![\w@-]|\.\w)", re.IGNORECASE)
    return [term_id for term_id, _ in ordered], pattern


def _term_regex(term: str) -> str:
    words = [re.escape(word) for word in term.split()]
    last = term.split()[-1]
    if re.search(r"[^aeiou]y$", last, re.IGNORECASE):
        words[-1] = re.escape(last[:-1]) + "(?:y|ies)"
    elif last[-1].isalpha():
        words[-1] += "(?:s|es)?"
    return r"\s+".join(words)
