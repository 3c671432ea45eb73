"""Plain-language measures: each with text that triggers it and text that does not."""

from __future__ import annotations

import pytest

from healthskills.validate.readability import (
    DEFAULT_JARGON,
    KNOWN_ABBREVIATIONS,
    abbreviations,
    capital_words,
    expanded,
    jargon_found,
    passive_phrases,
    readability,
    sentences,
    syllables,
)


@pytest.mark.parametrize(
    ("word", "count"),
    [("cat", 1), ("phone", 1), ("doctor", 2), ("appointment", 3), ("prescription", 3),
     ("booked", 1), ("pharmacy", 3), ("111", 2)],
)  # fmt: skip
def test_syllables(word, count):
    assert syllables(word) == count


def test_sentences_split_on_full_stops_and_lines():
    text = "Open the app. Tap **Book**.\n- Choose a time\n- Tap [confirm](https://x.org)"
    assert sentences(text) == ["Open the app.", "Tap Book.", "Choose a time", "Tap confirm"]


def test_reading_age_is_grade_plus_five():
    easy = readability(["You can call us. We can help you. It is free."])
    hard = readability(
        ["Individuals experiencing difficulties accessing appointments should contact "
         "their registered practice administratively for alternative arrangements."]
    )  # fmt: skip
    assert easy.sentences == 3 and easy.words == 11
    assert easy.reading_age == 5.0  # the floor: very easy text
    assert hard.reading_age > 20
    assert hard.reading_age == round(hard.grade + 5, 1)


def test_passive_voice_found_and_states_left_alone():
    assert passive_phrases("Your letter was sent. You are being asked. It is not given.") == [
        "was sent",
        "are being asked",
        "is not given",
    ]
    assert passive_phrases("The practice is closed. You are registered. We need you.") == []
    assert passive_phrases("The GP sent your letter.") == []


def test_jargon_with_plainer_words():
    assert jargon_found("Utilise the app in order to obtain help.", DEFAULT_JARGON) == [
        ("Utilise", "use"),
        ("in order to", "to"),
        ("obtain", "get"),
    ]
    assert jargon_found("Use the app to get help.", DEFAULT_JARGON) == []
    assert jargon_found("Ring the surgery.", {"surgery": "GP practice"}) == [
        ("surgery", "GP practice")
    ]


def test_words_in_capitals():
    allowed = set(KNOWN_ABBREVIATIONS)
    assert capital_words("Do NOT share your PASSWORD with the NHS.", allowed) == [
        "PASSWORD"
    ]  # NOT has 3 letters: too short to be shouting by this rule
    assert capital_words("Do not share your password.", allowed) == []


def test_abbreviations_and_their_explanation():
    assert abbreviations("Call 111 or go to A&E. See your GP. Visit GOV.UK.") == ["A&E", "GP"]
    assert abbreviations("Your doctor can help.") == []
    assert expanded("your general practitioner (GP)", "GP")
    assert expanded("GP (general practitioner)", "GP")
    assert not expanded("see your GP today", "GP")
