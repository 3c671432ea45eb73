"""Learner features in a real browser: quizzes, progress kept on the device, "Listen",
hard words explained in place, the word list, text size and contrast, and what to do next.

Each feature is tried with JavaScript on and off, by keyboard only, in a right-to-left
language and with `localStorage` blocked. The speech engine is replaced by a recorder, so
the tests can assert exactly what would be said, in which language and in what order.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
import yaml
from browsing import REPO
from checks import describe_axe, run_axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LESSON = "lessons/register-with-gp/"
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
SPEECH = """
window.__speech = { said: [], calls: [] };
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } };
const voices = %s;
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  getVoices: () => voices,
  speak(u) { window.__speech.said.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); window.__speech.current = u; },
  cancel() {
    window.__speech.calls.push("cancel");
    const u = window.__speech.current; window.__speech.current = null;
    if (u && u.onerror) u.onerror({ error: "interrupted" });
  },
  pause() { window.__speech.calls.push("pause"); },
  resume() { window.__speech.calls.push("resume"); },
  addEventListener() {},
}});
window.__finish = () => { const u = window.__speech.current; window.__speech.current = null; if (u) u.onend(); return Boolean(u); };
"""
LOCAL_VOICES = [
    {"name": "English", "lang": "en-GB", "localService": True},
    {"name": "Arabic", "lang": "ar-SA", "localService": True},
    {"name": "Welsh", "lang": "cy_GB", "localService": True},
]


class Session:
    """A browser context with the options a feature test needs, collecting page errors."""

    def __init__(self, browser, site_url: str, **options) -> None:
        scripts = options.pop("scripts", [])
        self.context = browser.new_context(**options)
        for script in scripts:
            self.context.add_init_script(script)
        self.site_url = site_url
        self.errors: list[str] = []
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def open(self, path: str):
        self.page.goto(self.site_url + path)
        return self.page

    def stored(self) -> dict:
        return self.page.evaluate(
            """() => Object.fromEntries(Object.keys(localStorage)
                .filter(k => k.startsWith("healthskills:"))
                .map(k => [k, JSON.parse(localStorage.getItem(k))]))"""
        )

    def close(self) -> None:
        self.context.close()
        assert self.errors == []


@pytest.fixture
def session(browser, site_url):
    made: list[Session] = []

    def make(**options) -> Session:
        made.append(Session(browser, site_url, **options))
        return made[-1]

    yield make
    for one in made:
        one.close()


def focused(page) -> str:
    """What has keyboard focus, as `tag.class#id` (with the text of a summary or button)."""
    return page.evaluate(
        """() => { const e = document.activeElement;
            return e.tagName.toLowerCase() + "." + [...e.classList].join(".") + "#" + e.id
              + "|" + (e.matches("summary, button") ? e.textContent.trim() : ""); }"""
    )


def tab_to(page, selector: str, limit: int = 60, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the element matching `selector` has focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"Tab never reached {selector}; stopped at {focused(page)}")


def lesson_yaml(lesson_id: str) -> dict:
    return yaml.safe_load((REPO / "content/lessons" / f"{lesson_id}.yaml").read_text("utf-8"))


# --- Quiz ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_quiz_gives_feedback_at_once_and_lets_the_learner_try_again(session, lang):
    s = session()
    page = s.open(f"{lang}/{LESSON}")
    question = page.locator(".hs-question").first
    options = question.locator("details.hs-option")
    wrong = question.locator("details[data-correct=false]").first
    right = question.locator("details[data-correct=true]").first
    status = question.locator("[role=status]")
    again = question.locator(".hs-again")
    assert not again.is_visible()

    wrong.locator("summary").click()
    wrong_feedback = wrong.locator(".hs-feedback").inner_text()
    expect_text(status, wrong_feedback)
    assert again.is_visible()
    # Not colour alone: the feedback starts with words, and the summary gets a mark.
    expect(question).to_have_attribute("data-answer", "wrong")
    mark = wrong.locator("summary").evaluate("s => getComputedStyle(s, '::before').content")
    assert "✗" in mark

    right.locator("summary").click()
    expect_text(status, right.locator(".hs-feedback").inner_text())
    assert wrong.evaluate("d => d.open") is False  # one answer open at a time
    expect(question).to_have_attribute("data-answer", "right")

    again.click()
    assert [o.evaluate("d => d.open") for o in options.all()] == [False] * options.count()
    assert status.inner_text() == "" and not again.is_visible()
    assert page.evaluate("document.activeElement") is not None
    assert page.evaluate(
        "() => document.activeElement === document.querySelector('.hs-question details summary')"
    )


def expect_text(locator, text: str) -> None:
    """The locator's text becomes `text` (whitespace aside). Waits: a `<details>` reports
    its opening in a `toggle` event, a moment after the click."""
    expect(locator).to_have_text(" ".join(text.split()))


def test_quiz_score_counts_first_tries(session):
    s = session()
    page = s.open(f"en/{LESSON}")
    questions = page.locator(".hs-question").all()
    result = page.locator(".hs-quiz-result")
    # First question wrong first, then right; every other question right at once.
    for number, question in enumerate(questions):
        if number == 0:
            question.locator("details[data-correct=false] summary").first.click()
            expect(question.locator("[role=status]")).not_to_have_text("")
        assert result.inner_text() == ""
        question.locator("details[data-correct=true] summary").first.click()
    total = len(questions)
    expect(result).to_have_text(
        f"You have answered every question. You got {total - 1} of {total} right the first time."
    )
    assert result.get_attribute("role") == "status"


def test_quiz_by_keyboard_only_in_arabic(session):
    s = session()
    page = s.open(f"ar/{LESSON}")
    page.locator("#quiz").scroll_into_view_if_needed()
    page.locator("#quiz").click()  # a starting point; from here on, only keys
    tab_to(page, ".hs-question summary")
    page.keyboard.press("Enter")
    question = page.locator(".hs-question").first
    opened = question.locator("details[open]")
    assert opened.count() == 1
    status = question.locator("[role=status]")
    expect_text(status, opened.locator(".hs-feedback").inner_text())
    assert re.search(r"[\u0600-\u06ff]", status.inner_text())  # said in Arabic
    tab_to(page, ".hs-again")
    page.keyboard.press("Enter")
    assert question.locator("details[open]").count() == 0
    assert page.evaluate("() => document.activeElement.matches('.hs-question summary')")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_quiz_without_javascript_shows_every_answer_and_no_try_again(session):
    s = session(java_script_enabled=False)
    page = s.open(f"en/{LESSON}")
    question = page.locator(".hs-question").first
    for summary in question.locator("summary").all():
        summary.click()
    assert question.locator("details[open]").count() == question.locator("details").count()
    assert question.locator(".hs-again").count() == 0
    assert question.locator(".hs-feedback").first.is_visible()


# --- Progress -----------------------------------------------------------------------


def test_progress_is_kept_on_the_device_and_shown_in_my_lessons(session):
    s = session()
    page = s.open(f"en/{LESSON}")
    steps = lesson_yaml("register-with-gp")["steps"]
    boxes = page.locator("input[data-hs-step]")
    assert boxes.count() == len(steps) and boxes.first.is_visible()
    count = page.locator(".hs-progress-count")
    assert count.inner_text() == f"You have done 0 of {len(steps)} steps."
    # Keyboard: Space ticks the focused box.
    boxes.nth(1).focus()
    page.keyboard.press("Space")
    assert count.inner_text() == f"You have done 1 of {len(steps)} steps."
    assert s.stored() == {"healthskills:progress": {"register-with-gp": [steps[1]["id"]]}}
    page.reload()
    assert page.locator("input[data-hs-step]").nth(1).is_checked()
    assert not page.locator("input[data-hs-finished]").is_checked()

    # A second lesson finished in one go.
    other = s.open("en/lessons/set-up-nhs-app/")
    other.locator("input[data-hs-finished]").check()
    other_steps = [step["id"] for step in lesson_yaml("set-up-nhs-app")["steps"]]
    assert all(box.is_checked() for box in other.locator("input[data-hs-step]").all())
    assert s.stored()["healthskills:progress"]["set-up-nhs-app"] == other_steps
    assert s.context.cookies() == []  # nothing but localStorage

    mine = s.open("en/my-lessons/")
    started = mine.locator("[data-hs-group=started]")
    finished = mine.locator("[data-hs-group=finished]")
    assert started.is_visible() and finished.is_visible()
    assert started.locator("li a").all_inner_texts() == ["Register with a GP practice"]
    assert started.locator(".hs-status").inner_text() == (f"You have done 1 of {len(steps)} steps.")
    assert finished.locator("li a").all_inner_texts() == ["Set up the NHS App"]
    rest = mine.locator("[data-hs-group=not-started]")
    assert rest.locator("h2").inner_text() == "Not started yet"
    assert rest.locator("li").count() == len(list((REPO / "content/lessons").glob("*.yaml"))) - 2
    assert not mine.locator(".hs-no-js").is_visible()
    assert not mine.locator(".hs-nothing").is_visible()


def test_forget_my_progress_removes_everything_this_site_saved(session):
    s = session()
    page = s.open(f"en/{LESSON}")
    page.locator("input[data-hs-step]").first.check()
    page.locator(".hs-display summary").click()
    page.locator("input[name=hs-size][value=larger]").check()
    page.evaluate("caches.open('hs-pages').then(c => c.put('/x', new Response('saved')))")
    mine = s.open("en/my-lessons/")
    assert mine.locator("[data-hs-group=started] li").count() == 1
    # Let the service worker finish keeping the pages opened so far (the lesson page, and
    # its script and pictures), so nothing it writes can arrive after the forgetting.
    mine.wait_for_function(
        """() => caches.open("hs-pages").then(c => c.keys()).then(keys =>
            keys.some(r => r.url.includes("/lessons/register-with-gp/"))
            && keys.some(r => r.url.includes("/my-lessons/")))
            .then(ok => ok && caches.has("hs-files"))"""
    )
    mine.wait_for_load_state("networkidle")

    ask = mine.locator("[data-hs-forget]")
    ask.click()
    confirm = mine.locator(".hs-confirm")
    assert confirm.is_visible()
    assert mine.evaluate("() => document.activeElement === document.querySelector('.hs-confirm p')")
    mine.locator("[data-hs-forget-no]").click()  # changed their mind: nothing is lost
    assert not confirm.is_visible() and len(s.stored()) == 2
    assert mine.evaluate("() => document.activeElement.matches('[data-hs-forget]')")

    ask.click()
    mine.locator("[data-hs-forget-yes]").click()
    status = mine.locator(".hs-forget [role=status]")
    status.filter(has_text="Done.").wait_for()
    assert status.inner_text() == "Done. This device no longer has your progress or saved pages."
    assert s.stored() == {}
    assert mine.evaluate("caches.keys()") == []
    assert mine.locator("html").get_attribute("data-hs-size") is None
    assert mine.locator("[data-hs-group=started]").is_hidden()
    assert mine.locator(".hs-nothing").is_visible()
    assert mine.evaluate("() => document.activeElement.matches('[data-hs-forget]')")


def test_without_javascript_progress_controls_are_not_offered(session):
    s = session(java_script_enabled=False)
    page = s.open(f"en/{LESSON}")
    assert page.locator("input[data-hs-step]").count() > 0
    assert not page.locator("input[data-hs-step]").first.is_visible()
    assert not page.locator(".hs-progress").is_visible()
    assert not page.locator(".hs-display").is_visible()
    assert not page.locator(".hs-listen").is_visible()
    mine = s.open("en/my-lessons/")
    assert mine.locator(".hs-no-js").is_visible()
    assert mine.locator("#not-started").inner_text() == "All lessons"
    assert mine.locator("li[data-hs-lesson] a").count() == len(
        list((REPO / "content/lessons").glob("*.yaml"))
    )
    assert not mine.locator(".hs-forget").is_visible()


def test_blocked_storage_fails_quietly(session):
    s = session(scripts=[BLOCK_STORAGE])
    page = s.open(f"ar/{LESSON}")
    assert page.evaluate("() => { try { localStorage; return false } catch (e) { return true } }")
    assert not page.locator("input[data-hs-step]").first.is_visible()  # cannot remember
    # Everything else works: quiz, words, text size for this page.
    page.locator(".hs-question summary").first.click()
    expect(page.locator(".hs-question [role=status]").first).not_to_have_text("")
    page.locator(".hs-display summary").click()
    page.locator("input[name=hs-size][value=large]").check()
    assert page.locator("html").get_attribute("data-hs-size") == "large"
    mine = s.open("ar/my-lessons/")
    assert mine.locator(".hs-storage-blocked").is_visible()
    assert not mine.locator(".hs-no-js").is_visible()
    mine.locator("[data-hs-forget]").click()
    mine.locator("[data-hs-forget-yes]").click()
    mine.locator(".hs-forget [role=status]").filter(has_text=re.compile(".")).wait_for()
    # Session.close asserts there were no page errors.


# --- Listen -------------------------------------------------------------------------


def speech(voices: list[dict]) -> str:
    return SPEECH % json.dumps(voices)


def read_everything(page, limit: int = 400) -> list[dict]:
    for _ in range(limit):
        if not page.evaluate("window.__finish()"):
            break
    return page.evaluate("window.__speech.said")


def test_listen_reads_the_lesson_part_by_part_in_order(session):
    s = session(scripts=[speech(LOCAL_VOICES)])
    page = s.open(f"en/{LESSON}")
    listen = page.locator(".hs-listen")
    assert listen.is_visible()
    start = listen.locator("[data-hs-speak=start]")
    start.focus()
    page.keyboard.press("Enter")
    said = page.evaluate("window.__speech.said")
    lesson = lesson_yaml("register-with-gp")
    assert said == [{"text": lesson["title"], "lang": "en", "voice": "English"}]
    assert page.locator("h1.hs-reading").count() == 1  # the part being read is marked
    # Pause and carry on, by keyboard: focus follows the control that replaced the last.
    assert page.evaluate("() => document.activeElement.dataset.hsSpeak") == "pause"
    page.keyboard.press("Enter")
    assert page.evaluate("window.__speech.calls").count("pause") == 1
    assert page.evaluate("() => document.activeElement.dataset.hsSpeak") == "resume"
    page.keyboard.press("Enter")
    assert page.evaluate("window.__speech.calls")[-1] == "resume"

    page.evaluate("window.__finish()")
    assert page.locator(".hs-summary.hs-reading").count() == 1
    said = read_everything(page)
    texts = [entry["text"] for entry in said]
    assert {entry["lang"] for entry in said} == {"en"}
    assert texts[:3] == [lesson["title"], lesson["summary"], "Before you start"]
    # Every step, in order, starting with its number and title.
    positions = [
        texts.index(f"Step {n}: {step['title']}") for n, step in enumerate(lesson["steps"], 1)
    ]
    assert positions == sorted(positions)
    assert "Tip" in texts  # callouts are read; the word lists and checkboxes are not
    assert not any("I have done this step" in text for text in texts)
    assert not any(text == "Words in this step" for text in texts)
    assert "Check what you learned" not in texts  # the quiz is for the learner to do
    # The end: controls back to "Listen", nothing highlighted.
    assert start.is_visible() and page.locator(".hs-reading").count() == 0


def test_listen_stop_and_right_to_left(session):
    s = session(scripts=[speech(LOCAL_VOICES)])
    page = s.open("ar/guides/nhs-111/")
    listen = page.locator(".hs-listen")
    listen.locator("[data-hs-speak=start]").click()
    page.evaluate("window.__finish()")
    said = page.evaluate("window.__speech.said")
    assert [entry["lang"] for entry in said] == ["ar", "ar"]
    assert said[0]["text"] == page.locator("h1").inner_text()
    assert said[0]["voice"] == "Arabic"
    listen.locator("[data-hs-speak=stop]").click()
    assert page.evaluate("window.__speech.calls")[-1] == "cancel"
    assert page.locator(".hs-reading").count() == 0
    assert listen.locator("[data-hs-speak=start]").is_visible()
    # The engine ends the interrupted part; that must not start the next one.
    assert len(page.evaluate("window.__speech.said")) == 2
    assert not page.evaluate("window.__finish()")


def test_listen_reads_english_stand_ins_with_an_english_voice(session):
    """Welsh pages show English where a translation is missing: those parts are read in
    English, the Welsh parts in Welsh."""
    s = session(scripts=[speech(LOCAL_VOICES)])
    page = s.open("cy/lessons/stay-safe-online/")
    assert page.locator(".hs-fallback").is_visible()
    page.locator(".hs-listen [data-hs-speak=start]").click()
    said = read_everything(page)
    langs = {entry["lang"] for entry in said}
    assert langs == {"cy", "en"}
    step = next(entry for entry in said if entry["text"].startswith("Cam 1"))
    assert step["lang"] == "cy" and step["voice"] == "Welsh"


@pytest.mark.parametrize(
    "voices",
    [
        [],  # no voices at all
        [{"name": "English", "lang": "en-GB", "localService": True}],  # none for Arabic
        [{"name": "Cloud", "lang": "ar-SA", "localService": False}],  # would send the words away
    ],
    ids=["no-voices", "other-language", "remote-only"],
)
def test_listen_is_hidden_without_a_voice_on_the_device(session, voices):
    s = session(scripts=[speech(voices)])
    page = s.open(f"ar/{LESSON}")
    assert page.locator(".hs-listen").count() == 1
    assert not page.locator(".hs-listen").is_visible()


def test_listen_is_hidden_where_speech_is_not_supported(session):
    s = session(scripts=["delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"])
    page = s.open(f"en/{LESSON}")
    assert not page.locator(".hs-listen").is_visible()


# --- Hard words ---------------------------------------------------------------------


def glossary() -> dict:
    return yaml.safe_load((REPO / "content/glossary.yaml").read_text("utf-8"))


def test_hard_words_open_in_place_by_tap_and_keyboard(session):
    s = session(has_touch=True, is_mobile=True, viewport={"width": 320, "height": 640})
    page = s.open(f"en/{LESSON}")
    term = page.locator("a.hs-term").first
    target = term.get_attribute("href").removeprefix("#")
    term_id = target.split("-", 1)[1]
    assert term.get_attribute("aria-expanded") == "false"
    term.tap()
    assert term.get_attribute("aria-expanded") == "true"
    box = page.locator(f"#{term.get_attribute('aria-controls')}")
    assert box.get_attribute("role") == "status"
    expected = f"{glossary()[term_id]['term']}: {glossary()[term_id]['definition']}"
    expect_text(box, expected)
    assert page.url.endswith(LESSON)  # it did not jump away
    term.tap()
    assert term.get_attribute("aria-expanded") == "false" and box.inner_text() == ""
    # Keyboard: Space and Enter open it, Escape closes it.
    term.focus()
    page.keyboard.press("Space")
    expect_text(box, expected)
    page.keyboard.press("Escape")
    assert box.inner_text() == ""
    page.keyboard.press("Enter")
    assert term.get_attribute("aria-expanded") == "true"
    assert run_axe(page)[0] == [], describe_axe(run_axe(page)[0])


def test_hard_words_without_javascript_lead_to_their_meaning(session):
    s = session(java_script_enabled=False)
    page = s.open(f"en/{LESSON}")
    term = page.locator("a.hs-term").first
    target = term.get_attribute("href")
    term.click()
    assert page.url.endswith(target)
    assert page.locator(f"dt{target}").is_visible()
    assert page.locator(f"dt{target} + dd").inner_text() != ""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_word_list_has_every_word_in_order(session, lang):
    s = session()
    page = s.open(f"{lang}/words/")
    ids = [
        i.removeprefix("word-") for i in page.locator("dt").evaluate_all("d => d.map(e => e.id)")
    ]
    assert sorted(ids) == sorted(glossary())
    if lang == "en":
        names = page.locator("dt").all_inner_texts()
        assert names == sorted(names, key=str.casefold)
        practice = page.locator("#word-gp-practice + dd")
        assert glossary()["gp-practice"]["definition"] in practice.inner_text()
        assert "Register with a GP practice" in practice.locator("a").all_inner_texts()
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    # Every lesson's word section leads here.
    lesson = s.open(f"{lang}/{LESSON}")
    lesson.locator(".hs-all-words a").click()
    assert lesson.url.endswith(f"/{lang}/words/")


# --- Text size and contrast ---------------------------------------------------------


def root_font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_text_size_and_contrast_are_remembered(session):
    s = session()
    page = s.open(f"en/{LESSON}")
    base = root_font_size(page)
    page.locator(".hs-display summary").click()
    assert page.locator("input[name=hs-size][value=normal]").is_checked()
    page.locator("input[name=hs-size][value=larger]").check()
    assert root_font_size(page) == pytest.approx(base * 1.5)
    page.locator("input[name=hs-contrast]").check()
    assert page.locator("html").get_attribute("data-hs-contrast") == "more"
    ink = page.locator(".hs-summary").evaluate("e => getComputedStyle(e).color")
    assert ink == "rgb(0, 0, 0)"
    # Another page, before any script of ours has run: already large and high contrast.
    other = s.open("en/guides/nhs-111/")
    assert root_font_size(other) == pytest.approx(base * 1.5)
    assert other.locator("html").get_attribute("data-hs-contrast") == "more"
    other.locator(".hs-display summary").click()
    assert other.locator("input[name=hs-size][value=larger]").is_checked()
    assert other.locator("input[name=hs-contrast]").is_checked()
    assert s.stored() == {"healthskills:display": {"size": "larger", "contrast": "more"}}
    assert run_axe(other)[0] == [], describe_axe(run_axe(other)[0])


def test_text_size_builds_on_the_system_text_size(session):
    s = session()
    page = s.open(f"en/{LESSON}")
    cdp = s.context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 20}})  # a reader's system setting
    page.reload()
    assert root_font_size(page) == pytest.approx(20)
    page.locator(".hs-display summary").click()
    page.locator("input[name=hs-size][value=large]").check()
    assert root_font_size(page) == pytest.approx(25)
    assert page.locator(".hs-step h3").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    ) == pytest.approx(1.15 * 25, abs=0.1)


def test_high_contrast_follows_the_system_unless_the_reader_turns_it_off(session):
    s = session(contrast="more")
    page = s.open(f"ar/{LESSON}")
    ink = page.locator(".hs-summary").evaluate("e => getComputedStyle(e).color")
    assert ink == "rgb(0, 0, 0)"
    page.locator(".hs-display summary").click()
    box = page.locator("input[name=hs-contrast]")
    assert box.is_checked()
    # Keyboard only: Space on the focused checkbox.
    box.focus()
    page.keyboard.press("Space")
    assert page.locator("html").get_attribute("data-hs-contrast") == "normal"
    ink = page.locator(".hs-summary").evaluate("e => getComputedStyle(e).color")
    assert ink == "rgb(33, 43, 50)"


def test_display_control_is_keyboard_operable_at_320px(session, artifacts: Path):
    s = session(viewport={"width": 320, "height": 640})
    page = s.open(f"ar/{LESSON}")
    page.keyboard.press("Tab")  # skip link
    tab_to(page, ".hs-display summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "hs-size"
    page.keyboard.press("ArrowDown")  # radio group: the arrow moves and chooses
    assert page.locator("html").get_attribute("data-hs-size") == "large"
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 320
    page.screenshot(path=artifacts / "screenshots" / "ar_display-320.png")


# --- What to do next ----------------------------------------------------------------


def test_each_lesson_ends_with_what_to_do_next(session):
    topics = yaml.safe_load((REPO / "content/topics.yaml").read_text("utf-8"))
    order = [lesson for topic in topics for lesson in topic["lessons"]]
    s = session()
    for here, after in itertools.pairwise(order):
        page = s.open(f"en/lessons/{here}/")
        section = page.locator(".hs-next")
        next_link = section.locator("#next-lesson + p a")
        assert next_link.inner_text() == lesson_yaml(after)["title"], here
        next_link.click()
        assert page.url.endswith(f"/en/lessons/{after}/")
    last = s.open(f"en/lessons/{order[-1]}/")
    assert last.locator("#next-lesson").count() == 0
    help_items = last.locator(".hs-next .hs-help li").all_inner_texts()
    assert [item.split(".")[0] for item in help_items] == [
        "Your local library",
        "Community centres and charities",
        "Your GP practice",
    ]
    index = s.open("en/lessons/")
    listed = index.locator(".hs-cards li a").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())"
    )
    assert listed == order
