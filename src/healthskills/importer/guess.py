"""What kind of place a directory record is, and what it offers, from the words it uses.

Council directories classify services with their own taxonomies (LGA service types, the
Open Referral UK vocabulary, or local lists), so no code list maps cleanly to our fixed
`KINDS` and `OFFERS`. We read words instead, and only where they are clear:

Kind: the first rule (in this order) whose words appear in the place's name, else in its
taxonomy terms, else in its organisation's name; otherwise `other`.

- pharmacy: pharmacy, pharmacist, chemist
- gp-practice: GP, surgery, medical centre, medical practice, health centre, doctors
- library: library, libraries
- digital-inclusion-hub: digital inclusion, digital hub, digital skills, online centre,
  get online
- community-centre: community centre, community hub, community hall, village hall
- charity: charity, charitable, voluntary

Offers: every rule whose words appear in a taxonomy term, an attribute or an accessibility
note, unless the same clause says no, not or without ("no wheelchair access").

- free-wifi: wifi, wi-fi, wireless internet
- computers: computer, PC, laptop, public internet access
- free-sim: SIM card, free SIM, data SIM, National Databank
- health-champion: health champion
- nhs-app-help: NHS App
- printing: printing, printer, photocopying
- step-free: step free, step-free, wheelchair, level access, ramp access, accessible
  entrance
- hearing-loop: hearing loop, induction loop, audio loop, loop system
- bsl: BSL, British Sign Language, sign language

A guess is a starting point, not a fact: the import's documentation asks people to check
each place's kind and offers before the site is published.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("pharmacy", r"\bpharmac(y|ies|ist|ists)\b|\bchemists?\b"),
        (
            "gp-practice",
            r"\bgp\b|\bsurgery\b|\bmedical (centre|center|practice)\b"
            r"|\bhealth (centre|center)\b|\bdoctors'?\b",
        ),
        ("library", r"\blibrar(y|ies)\b"),
        (
            "digital-inclusion-hub",
            r"\bdigital (inclusion|hub|skills)\b|\bonline (centre|center)s?\b|\bget online\b",
        ),
        ("community-centre", r"\bcommunity (centre|center|hub|hall)\b|\bvillage hall\b"),
        ("charity", r"\bcharit(y|ies|able)\b|\bvoluntary\b"),
    )
)

OFFER_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (offer, re.compile(pattern, re.IGNORECASE))
    for offer, pattern in (
        ("free-wifi", r"\bwi-?fi\b|\bwireless internet\b"),
        ("computers", r"\bcomputers?\b|\bpcs?\b|\blaptops?\b|\bpublic internet access\b"),
        ("free-sim", r"\bsim cards?\b|\bfree sims?\b|\bdata sims?\b|\bnational databank\b"),
        ("health-champion", r"\bhealth champions?\b"),
        ("nhs-app-help", r"\bnhs app\b"),
        ("printing", r"\bprinting\b|\bprinters?\b|\bphotocopying\b"),
        (
            "step-free",
            r"\bstep[- ]free\b|\bwheelchair\b|\blevel access\b|\bramp(ed)? access\b"
            r"|\baccessible entrance\b",
        ),
        ("hearing-loop", r"\b(hearing|induction|audio) loops?\b|\bloop system\b"),
        ("bsl", r"\bbsl\b|\bbritish sign language\b|\bsign language\b"),
    )
)

_NEGATION = re.compile(r"\b(no|not|without|none)\b|n't\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[.;,\n]|\bbut\b", re.IGNORECASE)


def guess_kind(*sources: Iterable[str]) -> str:
    """The kind from the first source (names, then taxonomy terms, then the organisation)
    in which a rule's words appear."""
    for source in sources:
        found = " | ".join(source)
        for kind, pattern in KIND_RULES:
            if pattern.search(found):
                return kind
    return "other"


def guess_offers(texts: Iterable[str]) -> list[str]:
    """The offers named in taxonomy terms, attributes and accessibility notes, in the
    model's order; a clause that says no, not or without offers nothing."""
    clauses = [
        clause
        for item in texts
        for clause in _CLAUSE.split(item)
        if clause.strip() and not _NEGATION.search(clause)
    ]
    return [offer for offer, pattern in OFFER_RULES if any(pattern.search(c) for c in clauses)]
