"""The learner's pages and what each lesson offers next: order, word list, "my lessons"."""

from __future__ import annotations

from bs4 import BeautifulSoup

from healthskills.check import check_project
from healthskills.render.lessons import lesson_order, next_lesson
from healthskills.text import sort_key
from support import TODAY, edit, english_pages


def pages(project) -> dict[str, BeautifulSoup]:
    return {p.path: BeautifulSoup(p.body, "html.parser") for p in english_pages(project)}


def local(project):
    checked = check_project(project, TODAY)
    return checked.localised(checked.languages[0])


def test_lessons_follow_their_topics_and_each_leads_to_the_next(project):
    edit(project, "content/topics.yaml", "[first-lesson, second-lesson]",
         "[second-lesson, first-lesson]")  # fmt: skip
    order = local(project)
    assert lesson_order(order) == ["second-lesson", "first-lesson"]
    assert next_lesson(order, "second-lesson") == "first-lesson"
    assert next_lesson(order, "first-lesson") is None
    body = pages(project)["lessons/second-lesson.md"]
    assert body.select_one("#next-lesson + p a")["href"] == "../first-lesson/"
    assert pages(project)["lessons/first-lesson.md"].select("#next-lesson") == []


def test_lessons_in_no_topic_come_last(project):
    edit(project, "content/topics.yaml", "[first-lesson, second-lesson]", "[second-lesson]")
    assert lesson_order(local(project)) == ["second-lesson", "first-lesson"]


def test_every_lesson_offers_help_in_person(project):
    for path in ("lessons/first-lesson.md", "lessons/second-lesson.md"):
        help_list = pages(project)[path].select(".hs-next .hs-help li")
        assert [li.get_text(" ", strip=True).split(".")[0] for li in help_list] == [
            "Your local library",
            "Community centres and charities",
            "Your GP practice",
        ]


def test_word_list_is_alphabetical_with_where_each_word_is_used(project):
    body = pages(project)["words.md"]
    terms = [dt.get_text() for dt in body.select("dt")]
    assert terms == sorted(terms, key=sort_key)
    assert [dt["id"] for dt in body.select("dt")] == [f"word-{t.lower()}" for t in terms]
    for dt in body.select("dt"):
        uses = dt.find_next_sibling("dd").select("li a")
        assert all(a["href"].startswith(("../lessons/", "../guides/")) for a in uses)


def test_sort_key_ignores_case_and_accents():
    words = ["Zebra", "łódź", "apple", "Éclair", "lama"]
    assert sorted(words, key=sort_key) == ["apple", "Éclair", "lama", "łódź", "Zebra"]


def test_my_lessons_lists_every_lesson_with_its_steps_and_nothing_personal(project):
    body = pages(project)["my-lessons.md"]
    items = body.select("li[data-hs-lesson]")
    assert [li["data-hs-lesson"] for li in items] == ["first-lesson", "second-lesson"]
    assert items[0]["data-hs-steps"] == "find open"
    assert body.select_one(".hs-forget")["hidden"] == ""  # offered by the script only
    assert body.select_one(".hs-no-js").get_text() == (
        "To see your progress, turn on JavaScript in your browser."
    )


def test_feedback_does_not_repeat_its_label(project):
    edit(project, "content/lessons/first-lesson.yaml", "feedback: No. Tap the app once.",
         "feedback: Not quite. Tap the app once.")  # fmt: skip
    feedback = pages(project)["lessons/first-lesson.md"].select(".hs-feedback")
    texts = [p.get_text(" ", strip=True) for p in feedback]
    assert "Not quite. Tap the app once." in texts
    assert not any("Not quite. Not quite." in text for text in texts)
