"""Kinds and offers guessed from a directory's words, only where the words are clear."""

import pytest

from healthskills.importer.guess import guess_kind, guess_offers


@pytest.mark.parametrize(
    ("names", "terms", "organisation", "expected"),
    [
        (["Riverton Central Library"], [], [], "library"),
        (["Boots"], ["Pharmacies"], [], "pharmacy"),
        (["Eastbrook Surgery"], [], [], "gp-practice"),
        (["Mill Lane Medical Centre"], [], [], "gp-practice"),
        (["Tuesday drop-in"], ["Digital inclusion"], [], "digital-inclusion-hub"),
        (["Northgate Village Hall"], [], [], "community-centre"),
        (["Befriending"], [], ["Riverton Voluntary Action"], "charity"),
        (["Tablet club"], ["Leisure"], ["Riverton Council"], "other"),
        # the name speaks first: a library's digital hub is a library
        (["Riverton Library digital hub"], ["Digital inclusion"], [], "library"),
    ],
)
def test_guess_kind(names, terms, organisation, expected):
    assert guess_kind(names, terms, organisation) == expected


def test_guess_offers_in_the_model_order():
    terms = ["BSL interpreter on request", "Free Wi-Fi", "Public PCs", "Printing"]
    assert guess_offers(terms) == ["free-wifi", "computers", "printing", "bsl"]


def test_guess_offers_reads_accessibility_notes():
    notes = ["Step-free entrance from Market Street. Hearing loop at the front desk."]
    assert guess_offers(notes) == ["step-free", "hearing-loop"]
    assert guess_offers(["Induction loop; wheelchair accessible toilets"]) == [
        "step-free",
        "hearing-loop",
    ]


@pytest.mark.parametrize(
    "note",
    ["No wheelchair access", "There is not a hearing loop", "Without wifi, sorry",
     "The lift isn't wheelchair friendly"],
)  # fmt: skip
def test_a_clause_that_says_no_offers_nothing(note):
    assert guess_offers([note]) == []


def test_words_that_only_look_alike_offer_nothing():
    assert guess_offers(["Large print books", "Sim racing club", "Loop road"]) == []
    assert guess_kind(["GPS workshop"]) == "other"
