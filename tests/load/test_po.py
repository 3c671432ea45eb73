import pytest

from healthskills.load import po

SAMPLE = """msgid ""
msgstr ""
"Language: pl\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# translator note
#, fuzzy
#| msgid "Old text"
msgctxt "steps.open.text"
msgid ""
"Line one\\n"
"Line \\"two\\"\\ttab"
msgstr "Przetłumaczone"

msgctxt "title"
msgid "Title"
msgstr ""

#~ msgctxt "gone"
#~ msgid "Gone"
#~ msgstr "Nie ma"
"""


def test_round_trip_is_exact():
    catalog = po.loads(SAMPLE)
    assert catalog.header == {"Language": "pl", "Content-Type": "text/plain; charset=UTF-8"}
    first, second, third = catalog.entries
    assert first.msgid == 'Line one\nLine "two"\ttab'
    assert first.fuzzy and first.previous_msgid == "Old text" and not first.translated
    assert first.comments == ["translator note"]
    assert second.msgstr == "" and not second.translated
    assert third.obsolete and third.msgstr == "Nie ma"
    assert po.dumps(catalog) == SAMPLE


def test_malformed_po_names_the_line():
    with pytest.raises(po.POError) as caught:
        po.loads('msgid "a"\nmsgstr "b\n')
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('msgstr "say "hi""', 'unescaped " inside a string'),
        ('msgstr "tab\\q"', "unknown escape sequence"),
        ('msgstr "ends in \\"', "unknown escape sequence"),
        ('msgstr "a \\\\"b" c"', 'unescaped " inside a string'),
    ],
)
def test_bad_strings_are_reported_with_their_line(line, message):
    with pytest.raises(po.POError) as caught:
        po.loads(f'msgid "x"\n{line}\n')
    assert caught.value.line == 2 and message in str(caught.value)
