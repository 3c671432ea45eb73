"""Interface strings we control, keyed by a stable name.

Templates never contain English words directly: they ask for `t("steps")`, so that every
string can later come from a translation catalogue, with English as the fallback.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "about_minutes": "About {minutes} minutes",
    "all_guides": "All easy-read guides",
    "all_lessons": "All lessons",
    "before_you_start": "Before you start",
    "check_what_you_learned": "Check what you learned",
    "choose_language": "Choose your language",
    "easy_read_version": "Easy-read version of this lesson",
    "english_page": "English page",
    "facilitator_notes": "Notes for digital health champions",
    "fallback_page": "This page has not been translated yet, so it is shown in English.",
    "fallback_parts": "Some parts of this page have not been translated yet, so they are shown in English.",
    "full_lesson": "The full lesson on this",
    "guides": "Easy-read guides",
    "guides_intro": "Short guides with a picture for each idea. You can print them.",
    "language_switcher": "Read this page in another language",
    "languages": "Languages",
    "last_reviewed": "Last reviewed",
    "lessons": "Lessons",
    "lessons_intro": "Step-by-step lessons. Take them in order, or pick the one you need.",
    "machine_notice": "This page was translated by a computer. A person has not checked the translation yet. If something is not clear, ask someone to help you with the English page.",
    "minutes_short": "{minutes} min",
    "next_review": "Next review due",
    "not_quite": "Not quite.",
    "option_pick": "Choose an answer to see if it is right.",
    "related_lessons": "Related lessons",
    "right_answer": "Right.",
    "skip_to_content": "Skip to content",
    "sources": "Where this information comes from",
    "step": "Step {number}",
    "steps": "Steps",
    "time_needed": "Time needed",
    "tip": "Tip",
    "translation_status": "Translation progress",
    "warning": "Warning",
    "who_can_help": "Who can help",
    "who_for": "Who this is for",
    "word_list": "Word list",
    "words_explained": "Words explained",
    "words_in_step": "Words in this step",
    "you_do_not_need": "You do not need",
    "you_need": "You need",
}
