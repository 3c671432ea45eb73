"""Each validation rule, with the exact file:line:col an author would see."""

import datetime as dt

import pytest

from healthskills.check import check_project
from healthskills.cli import main
from healthskills.validate.easy_read import MAX_PRINTED_PAGES, estimated_pages
from support import TODAY, edit, problem_lines

LESSON = "content/lessons/first-lesson.yaml"
GUIDE = "content/guides/first-guide.yaml"


def test_fixture_project_is_clean(project):
    assert problem_lines(project) == []


def test_unknown_key_suggests_the_right_one(project):
    edit(project, LESSON, "summary:", "sumary:")
    lines = problem_lines(project)
    assert (
        f"{LESSON}:3:1: error [unknown-key] sumary: Unknown key `sumary`. Did you mean `summary`?"
        in lines
    )
    assert f"{LESSON}:1:1: error [required] summary: This field is required." in lines


def test_nested_required_field(project):
    edit(project, LESSON, "    title: Open it\n", "")
    assert problem_lines(project) == [
        f"{LESSON}:21:5: error [required] steps[1].title: This field is required."
    ]


def test_wrong_types_are_named(project):
    edit(project, LESSON, "minutes: 5", "minutes: five")
    edit(project, LESSON, "before_you_start:\n  - A phone.", "before_you_start: A phone.")
    assert problem_lines(project) == [
        f"{LESSON}:4:10: error [type] minutes: Expected a whole number, got `five`.",
        f"{LESSON}:6:19: error [type] before_you_start: Expected a list, got `A phone.`.",
    ]


def test_yes_is_not_a_boolean(project):
    edit(project, LESSON, "correct: true", "correct: yes")
    assert problem_lines(project) == [
        f"{LESSON}:31:18: error [type] quiz[0].options[0].correct: Expected true or false, got `yes`."
    ]


def test_invalid_date_and_review_order(project):
    edit(project, LESSON, "reviewed: 2026-01-10", "reviewed: 2026-02-30")
    assert problem_lines(project) == [
        f"{LESSON}:42:11: error [invalid-date] reviewed: Expected a date written YYYY-MM-DD, got `2026-02-30`."
    ]
    edit(project, LESSON, "reviewed: 2026-02-30", "reviewed: 2026-03-01")
    edit(project, LESSON, "review_due: 2027-01-10", "review_due: 2026-02-01")
    assert problem_lines(project) == [
        f"{LESSON}:43:13: error [review-order] review_due: `review_due` (2026-02-01) is not after `reviewed` (2026-03-01)."
    ]


def test_overdue_review_is_a_warning(project):
    lines = problem_lines(project, today=dt.date(2027, 2, 1))
    assert (
        f"{LESSON}:43:13: warning [review-overdue] review_due: The review was due on 2027-01-10; it is now overdue."
        in lines
    )


def test_reviewed_in_the_future(project):
    lines = problem_lines(project, today=dt.date(2025, 1, 1))
    assert (
        f"{LESSON}:42:11: error [review-in-future] reviewed: `reviewed` (2026-01-10) is in the future."
        in lines
    )


def test_id_must_match_file_name(project):
    edit(project, LESSON, "id: first-lesson", "id: first")
    assert (
        f"{LESSON}:1:5: error [id-mismatch] id: The id `first` does not match the file name `first-lesson.yaml`."
        in problem_lines(project)
    )


def test_invalid_id_format(project):
    edit(project, LESSON, "  - id: find", "  - id: Find It")
    assert problem_lines(project) == [
        f"{LESSON}:11:9: error [invalid-id] steps[0].id: `Find It` is not a valid id."
    ]


def test_duplicate_ids(project):
    edit(project, LESSON, "  - id: open", "  - id: find")
    edit(project, LESSON, "      - id: shake", "      - id: tap")
    assert problem_lines(project) == [
        f"{LESSON}:21:9: error [duplicate-id] steps[1].id: The step id `find` is used twice (also at steps[0].id).",
        f"{LESSON}:33:13: error [duplicate-id] quiz[0].options[1].id: The option id `tap` is used twice (also at quiz[0].options[0].id).",
    ]


def test_duplicate_row_ids_across_sections_of_a_guide(project):
    edit(project, GUIDE, "  - id: gp", "  - id: what")
    assert problem_lines(project) == [
        f"{GUIDE}:15:9: error [duplicate-id] who_can_help[0].id: The row id `what` is used twice (also at sections[0].rows[0].id)."
    ]


def test_missing_references(project):
    edit(project, LESSON, "glossary: [gp]", "glossary: [gpp]")
    edit(project, LESSON, "related: [second-lesson]", "related: [third-lesson]")
    edit(project, LESSON, "guide: first-guide", "guide: other-guide")
    edit(project, LESSON, "name: phone", "name: telephone")
    edit(project, LESSON, "(lesson:second-lesson)", "(lesson:nowhere)")
    assert problem_lines(project) == [
        f"{LESSON}:13:11: warning [abbreviation] steps[0].text: “GP” is not explained.",
        f"{LESSON}:18:13: error [unknown-picture] steps[0].picture.name: There is no picture `telephone`.",
        f"{LESSON}:20:10: error [unknown-lesson] steps[0].tip: There is no lesson `nowhere`.",
        f"{LESSON}:36:12: error [unknown-glossary] glossary[0]: There is no glossary `gpp`.",
        f"{LESSON}:37:11: error [unknown-lesson] related[0]: There is no lesson `third-lesson`.",
        f"{LESSON}:38:8: error [unknown-guide] guide: There is no guide `other-guide`.",
    ]


def test_picture_needs_alt_text(project):
    edit(project, LESSON, "      alt: A phone.\n", "")
    assert problem_lines(project) == [
        f"{LESSON}:18:7: error [required] steps[0].picture.alt: This field is required."
    ]
    edit(project, LESSON, "      name: phone\n", "      name: phone\n      alt: ''\n")
    assert problem_lines(project) == [
        f"{LESSON}:19:12: error [empty] steps[0].picture.alt: This field is empty."
    ]


def test_quiz_question_needs_a_right_answer(project):
    edit(project, LESSON, "correct: true", "correct: false")
    assert problem_lines(project) == [
        f"{LESSON}:29:7: error [no-correct-answer] quiz[0].options: No option is marked `correct: true`."
    ]


def test_raw_html_headings_images_and_bad_links_in_text(project):
    edit(project, LESSON, "warning: Do not share your password.",
         "warning: Do <b onclick=x()>not</b> share [it](javascript:alert(1)).")  # fmt: skip
    edit(project, LESSON, "  Let the learner hold the phone.", "  # Notes\n\n  ![x](y.png)")
    assert problem_lines(project) == [
        f"{LESSON}:24:14: error [link-scheme] steps[1].warning: The link `javascript:alert(1)` is not allowed.",
        f"{LESSON}:24:14: error [raw-html] steps[1].warning: HTML tags are not allowed in text.",
        f"{LESSON}:44:20: error [heading] facilitator_notes: Headings (`#`) are not allowed in text.",
        f"{LESSON}:44:20: error [image-in-text] facilitator_notes: Pictures are not allowed in text.",
    ]


def test_easy_read_rows(project):
    edit(project, GUIDE, "text: An **app** is a program on your phone.",
         "text: An *app* is a program that you can use on your phone to do very many useful things every day.")  # fmt: skip
    lines = problem_lines(project)
    assert (
        lines[0]
        == f"{GUIDE}:13:15: error [italics] sections[0].rows[0].text: Easy read does not use italics."
    )
    assert lines[1].startswith(
        f"{GUIDE}:13:15: warning [long-sentence] sections[0].rows[0].text: A sentence has 20 words"
    )
    edit(project, GUIDE, "text: Your doctor can help.", "text: Ask [us](https://x.org).")
    assert (
        f"{GUIDE}:19:11: error [row-markup] who_can_help[0].text: Easy-read rows are one or two plain sentences: no links or lists."
        in problem_lines(project)
    )


def test_every_row_needs_a_picture(project):
    edit(project, GUIDE, "    picture:\n      name: tick\n      alt: A tick.\n", "")
    assert problem_lines(project) == [
        f"{GUIDE}:15:5: error [required] who_can_help[0].picture: This field is required."
    ]


def test_every_row_picture_needs_alt_text(project, capsys):
    """Through the command itself: the model's requirement reaches the author as a located
    error, and `healthskills check` fails."""
    edit(project, GUIDE, "          alt: A phone.\n", "")
    assert main(["check", "--project", str(project.root)]) == 1
    assert (
        f"{GUIDE}:11:11: error [required] sections[0].rows[0].picture.alt: This field is required."
        in capsys.readouterr().err.splitlines()
    )


LONG = "Ask a person at the front desk to help you fill in every part of the form"


def test_long_title_summary_and_section_title(project):
    edit(project, GUIDE, "title: Using an app", f"title: {LONG} today")
    edit(project, GUIDE, "summary: How to open an app.", f"summary: Open an app. {LONG} now.")
    edit(project, GUIDE, "title: What this is about", f"title: {LONG}")
    lines = problem_lines(project)
    assert [line.split(": “")[0] for line in lines] == [
        f"{GUIDE}:2:8: warning [long-sentence] title: A sentence has 18 words; easy read keeps to 15 or fewer",
        f"{GUIDE}:3:10: warning [long-sentence] summary: A sentence has 18 words; easy read keeps to 15 or fewer",
        f"{GUIDE}:7:12: warning [long-sentence] sections[0].title: A sentence has 17 words; easy read keeps to 15 or fewer",
    ]


def test_fifteen_words_is_not_a_long_sentence(project):
    fifteen = "Ask a person at the front desk to help you fill in the long form"
    assert len(fifteen.split()) == 15
    edit(project, GUIDE, "title: Using an app", f"title: {fifteen}")
    edit(project, GUIDE, "summary: How to open an app.", f"summary: {fifteen}. Then wait.")
    edit(project, GUIDE, "title: What this is about", f"title: {fifteen}")
    assert problem_lines(project) == []


def test_hard_word_not_in_the_word_list(project):
    edit(
        project, GUIDE, "summary: How to open an app.", "summary: How to open an app with your gp."
    )
    edit(project, GUIDE, "text: Your doctor can help.", "text: A **GP** can help.")
    assert problem_lines(project) == [
        f"{GUIDE}:3:10: warning [hard-word] summary: “gp” is a hard word from the glossary, but `gp` is not in this guide's `words`.",
        f"{GUIDE}:19:11: warning [abbreviation] who_can_help[0].text: “GP” is not explained.",
    ]
    edit(project, GUIDE, "words: [app]", "words: [app, gp]")
    assert problem_lines(project) == []


def test_hard_words_are_whole_words_and_phrases(project):
    """The longest glossary phrase wins and plurals count ("GP practices" is `gp-practice`);
    a term inside another word, a hyphenated word or an address is not that term."""
    edit(project, "content/glossary.yaml", "gp:\n", "gp-practice:\n  term: GP practice\n  definition: Where your GP works.\ngp:\n")  # fmt: skip
    edit(project, GUIDE, "text: Your doctor can help.", "text: Some GP\n      practices can help.")
    unexplained = (
        f"{GUIDE}:19:11: warning [abbreviation] who_can_help[0].text: “GP” is not explained."
    )
    assert problem_lines(project) == [
        unexplained,
        f"{GUIDE}:19:11: warning [hard-word] who_can_help[0].text: “GP practices” is a hard word from the glossary, but `gp-practice` is not in this guide's `words`.",
    ]
    edit(project, GUIDE, "text: Some GP\n      practices can help.",
         "text: An application from a GP-led team. Write to help@gp.nhs.uk.")  # fmt: skip
    assert problem_lines(project) == [unexplained]  # not a hard word, still an abbreviation


def test_word_list_entry_the_guide_never_uses(project):
    edit(project, GUIDE, "words: [app]", "words: [app, gp]")
    assert problem_lines(project) == [
        f"{GUIDE}:20:14: warning [hard-word] words[1]: `gp` is in `words`, but “GP” is not used in this guide."
    ]


@pytest.mark.parametrize(
    ("alt", "message"),
    [
        ("phone", "The alt text `phone` is just a file name."),
        ("Phone.", "The alt text `Phone.` is just a file name."),
        ("gp-surgery", "The alt text `gp-surgery` is just a file name."),
        ("phone.svg", "The alt text `phone.svg` is just a file name."),
        ("Picture of a phone.", "The alt text starts with “Picture of”: screen readers already say it is a picture."),
        ("An image of a phone.", "The alt text starts with “An image of”: screen readers already say it is a picture."),
        ("icon of a phone", "The alt text starts with “icon of”: screen readers already say it is a picture."),
        ("A phone " + "with a big screen " * 8 + "and a case.", "The alt text has 163 characters; keep it to 150 or fewer."),
    ],
)  # fmt: skip
def test_alt_text_that_does_not_say_what_the_picture_shows(project, alt, message):
    edit(project, GUIDE, "alt: A phone.", f"alt: {alt}")
    edit(project, LESSON, "alt: A phone.", f"alt: {alt}")
    assert problem_lines(project) == [
        f"{GUIDE}:12:16: warning [alt-text] sections[0].rows[0].picture.alt: {message}",
        f"{LESSON}:19:12: warning [alt-text] steps[0].picture.alt: {message}",
    ]


@pytest.mark.parametrize(
    "alt",
    [
        "A phone with a picture of a doctor on the screen.",
        "A phone, for the phone number.",
        "Wi-Fi.",
        "A phone showing the NHS App. " + "x" * 121,  # exactly 150 characters
    ],
)
def test_alt_text_that_says_what_the_picture_shows(project, alt):
    edit(project, GUIDE, "alt: A tick.", f"alt: {alt}")
    assert problem_lines(project) == []


def _add_rows(project, count, first=0):
    rows = "".join(
        f"  - id: row-{n}\n    picture:\n      name: tick\n      alt: A tick.\n"
        f"    text: You do step {n}.\n"
        for n in range(first, first + count)
    )
    edit(project, GUIDE, "words: [app]", rows + "words: [app]")


def test_estimated_pages_grow_with_rows_words_and_sources(project):
    content = check_project(project, TODAY).content
    base = estimated_pages(content.guides["first-guide"].model)
    assert base == 3  # its real PDF has 2: the estimate allows for a longer translation
    _add_rows(project, 8)
    content = check_project(project, TODAY).content
    assert estimated_pages(content.guides["first-guide"].model) == base + 2


def test_guide_over_the_printed_page_limit(project):
    assert MAX_PRINTED_PAGES == 24
    _add_rows(project, 77)
    assert problem_lines(project) == []
    _add_rows(project, 1, first=77)
    assert problem_lines(project) == [
        f"{GUIDE}:5:1: warning [guide-pages] sections: This guide would print on about 25 A4 "
        "pages, and easy read allows 24. This is an estimate from its rows, words and "
        "sources; the build counts the real pages of each language's PDF."
    ]


def test_topics_rules(project):
    edit(
        project,
        "content/topics.yaml",
        "lessons: [first-lesson, second-lesson]",
        "lessons: [first-lesson, first-lesson, ghost]",
    )
    assert problem_lines(project) == [
        "content/lessons/second-lesson.yaml:1:5: warning [no-topic] id: The lesson `second-lesson` is not in any topic, so no index lists it.",
        "content/topics.yaml:4:27: error [topic-twice] [0].lessons[1]: The lesson `first-lesson` is in more than one topic.",
        "content/topics.yaml:4:41: error [unknown-lesson] [0].lessons[2]: There is no lesson `ghost`.",
    ]


def test_glossary_ids_and_fields(project):
    edit(project, "content/glossary.yaml", "gp:\n  term: GP\n", "Bad_Id:\n  term: GP\n  extra: 1\n")
    assert problem_lines(project) == [
        "content/glossary.yaml:4:1: error [invalid-id] Bad_Id: `Bad_Id` is not a valid id.",
        "content/glossary.yaml:6:3: error [unknown-key] Bad_Id.extra: Unknown key `extra`.",
        f"{LESSON}:13:11: warning [abbreviation] steps[0].text: “GP” is not explained.",
    ]


def test_unsafe_or_broken_pictures(project):
    pictures = project.root / "content/pictures"
    (pictures / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>'
    )
    (pictures / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<path></svg>')
    (pictures / "noview.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    lines = problem_lines(project)
    assert (
        "content/pictures/broken.svg:2:9: error [svg-invalid] The picture is not well-formed SVG: mismatched tag: line 2, column 8."
        in lines
    )
    assert (
        "content/pictures/evil.svg: error [svg-unsafe] The picture uses <script>, which is not allowed."
        in lines
    )
    assert (
        "content/pictures/noview.svg: error [svg-viewbox] The picture has no viewBox, so it cannot scale."
        in lines
    )


def test_todo_placeholders_warn(project):
    edit(project, LESSON, "title: Open an app", "title: TODO open an app")
    assert problem_lines(project) == [
        f"{LESSON}:2:8: warning [unfinished] title: This still contains a TODO placeholder."
    ]


def test_many_problems_in_many_files_are_all_reported(project):
    edit(project, LESSON, "minutes: 5", "minutes: -1")
    edit(project, GUIDE, "words: [app]", "words: [apps]")
    (project.root / "content/lessons/broken.yaml").write_text("id: broken\ntitle: [\n")
    lines = problem_lines(project)
    assert [line.split(": ")[0] for line in lines] == [
        "content/guides/first-guide.yaml:2:8",  # hard-word: `app` left the word list
        "content/guides/first-guide.yaml:20:9",
        "content/lessons/broken.yaml:3:1",
        f"{LESSON}:4:10",
    ]
