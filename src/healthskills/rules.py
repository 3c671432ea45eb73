"""Every rule id a problem can carry, with what it means.

Declared in one place so tools can rely on the ids, `Problem` can refuse an undeclared one,
and a test can check that docs/authors.md explains each of them.
"""

from __future__ import annotations

RULES: dict[str, str] = {
    # reading files
    "no-project": "the folder has no mkdocs.yml and content/",
    "missing-file": "content/glossary.yaml or content/topics.yaml is missing",
    "file-name": "content files must end in .yaml",
    "unreadable": "the file cannot be read",
    "file-too-large": "the file is over 10 MB",
    "encoding": "the file is not UTF-8",
    "tab": "a tab character instead of spaces",
    "empty-file": "the file has no content",
    "yaml-syntax": "YAML syntax error",
    "yaml-documents": "more than one YAML document in a file",
    "yaml-alias": "anchors and aliases are not allowed",
    "yaml-tag": "YAML tags are not allowed",
    "yaml-merge": "merge keys (<<) are not allowed",
    "yaml-key": "a key that is not plain text",
    "yaml-depth": "nesting too deep",
    "duplicate-key": "the same key twice in one mapping",
    # fields
    "unknown-key": "a key the format does not have (often a typo)",
    "required": "a required key is missing",
    "empty": "a value is empty",
    "type": "a value of the wrong kind (text, number, list, true/false)",
    "invalid-id": "an id that is not lower-case letters, digits and hyphens",
    "invalid-date": "a date that is not YYYY-MM-DD or does not exist",
    "invalid-url": "a source address that is not https://",
    "out-of-range": "a number that is too small or too large",
    # content
    "id-mismatch": "a lesson's or guide's id differs from its file name",
    "duplicate-id": "two steps, questions, options, sections or rows with the same id",
    "review-order": "review_due is not after reviewed",
    "review-overdue": "the review date has passed (warning)",
    "review-in-future": "reviewed is a future date",
    "unknown-lesson": "a reference to a lesson that does not exist",
    "unknown-guide": "a reference to a guide that does not exist",
    "unknown-glossary": "a reference to a glossary term that does not exist",
    "unknown-picture": "a reference to a picture that does not exist",
    "related-self": "a lesson listed as related to itself",
    "no-correct-answer": "a quiz question with no right answer",
    "raw-html": "HTML tags in text",
    "heading": "a Markdown heading in text",
    "image-in-text": "a Markdown picture in text",
    "link-scheme": "a link to something other than https, tel, mailto, glossary, lesson, guide",
    "italics": "italics in an easy-read guide",
    "row-markup": "links or lists in an easy-read row",
    "long-sentence": "an easy-read sentence over 15 words (warning)",
    "hard-word": "a glossary word in a guide but not in its `words`, or the reverse (warning)",
    "alt-text": "alt text that is a file name, starts with 'picture of' or is too long (warning)",
    "guide-pages": "a guide over 24 printed pages: estimated by check, measured in each PDF",
    "unfinished": "a TODO placeholder is still there (warning)",
    # plain language (English), each can be made an error or turned off in mkdocs.yml
    "reading-age": "reading age above 11 for a lesson or 9 for a guide (warning)",
    "passive-voice": "a verb that may be passive: say who does it (warning)",
    "jargon": "a word with a plainer alternative, such as utilise → use (warning)",
    "capitals": "a word in capital letters that is not a known abbreviation (warning)",
    "abbreviation": "an abbreviation never explained on the page (warning)",
    "unofficial-source": "a source not on an official domain (warning)",
    "topic-twice": "a lesson in more than one topic",
    "no-topic": "a lesson in no topic (warning)",
    "svg-invalid": "a picture that is not well-formed SVG",
    "svg-viewbox": "a picture without a viewBox",
    "svg-unsafe": "a picture with scripts, links, images or styles",
    "svg-size": "a picture over 4 KB (warning)",
    # translations
    "po-syntax": "a PO file that cannot be read",
    "translation-links": "a translation changed, lost or added a link target",
    "translation-placeholders": "a translation changed, lost or added a {placeholder}",
    # commands and builds
    "exists": "`healthskills new`: the file already exists",
    "no-pictures": "`healthskills new guide`: there are no pictures yet",
    "mkdocs-config": "mkdocs.yml cannot be read",
    "check-config": "a setting under `extra: checks:` in mkdocs.yml is wrong",
    "web-fonts": "theme.font is not false",
    "theme-ignored": "a theme setting that has no effect on our lean pages (warning)",
    "reserved-folder": (
        "docs/lessons, docs/guides, or a page healthskills makes (my-lessons.md, words.md, "
        "translators.md, content-report.md), exists in docs/"
    ),
    "mkdocs": "mkdocs reported a problem (often a broken link in docs/)",
    "broken-link": "a link in the built site that leads nowhere",
    "third-party-request": "a page would load something from another host",
    "site-dir": "the site folder exists and is not a folder",
    "print-engine": "Chromium, needed to make the PDFs, is missing or failed",
}
