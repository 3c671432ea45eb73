"""What there is to translate: per PO file, (msgctxt, msgid) pairs in reading order.

Keys follow the authors' stable ids (`steps.open-app.text`), so a translation follows its
text when steps are reordered; interface strings are `ui.<name>`, the theme's own strings
`theme.<name>`, and hand-written pages `docs/<page>` per block.
"""

from __future__ import annotations

from ..load.content import Content
from ..load.docs import Docs, DocsPage
from ..settings.branding import Organisation
from ..strings import ENGLISH
from .walker import extract, extract_glossary

UI_PREFIX = "ui."
THEME_PREFIX = "theme."
DOCS_PREFIX = "docs/"

Template = list[tuple[str, str]]
"""(msgctxt, msgid) pairs in reading order."""


def split_markdown(text: str) -> list[str]:
    """Blocks separated by blank lines, keeping fenced code blocks whole."""
    blocks: list[str] = []
    current: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def docs_entries(page: DocsPage) -> Template:
    """A hand-written page's translatable parts: its title and description, then its
    blocks (paragraphs, list groups, headings, table rows); fenced code is left alone."""
    context = f"{DOCS_PREFIX}{page.rel}"
    entries = [
        (f"{context}:{key}", str(value))
        for key, value in page.front.items()
        if key in ("title", "description")
    ]
    return entries + [
        (context, block) for block in split_markdown(page.body) if not block.startswith("```")
    ]


ORG_PREFIX = "org."
"""The organisation hosting the site (`extra.organisation` in mkdocs.yml): its name and
footer line, translated like other interface text."""


def organisation_strings(organisation: Organisation | None) -> dict[str, str]:
    if organisation is None:
        return {}
    strings = {"name": organisation.name}
    if organisation.footer:
        strings["footer"] = organisation.footer
    return strings


def source_templates(
    content: Content,
    docs: Docs,
    theme_strings: dict[str, str],
    organisation: Organisation | None = None,
) -> dict[str, Template]:
    """What there is to translate, per PO file (path relative to translations/<code>/).
    `theme_strings` are the theme's own English strings where the theme does not translate
    the language itself (empty where it does)."""
    templates: dict[str, Template] = {}
    for key in sorted(content.lessons):
        templates[f"lessons/{key}.po"] = list(extract(content.lessons[key].model))
    for key in sorted(content.guides):
        templates[f"guides/{key}.po"] = list(extract(content.guides[key].model))
    if content.glossary is not None:
        templates["glossary.po"] = list(extract_glossary(content.glossary.model))
    if content.topics is not None:
        templates["topics.po"] = [
            pair for topic in content.topics.model.root for pair in extract(topic, f"{topic.id}.")
        ]
    if content.places:
        templates["places.po"] = [
            pair
            for key in sorted(content.places)
            for pair in extract(content.places[key].model, f"{key}.")
        ]
    interface: Template = [(UI_PREFIX + key, value) for key, value in ENGLISH.items()]
    interface += [(THEME_PREFIX + key, value) for key, value in theme_strings.items()]
    interface += [(ORG_PREFIX + k, v) for k, v in organisation_strings(organisation).items()]
    for page in docs.pages.values():
        interface += docs_entries(page)
    templates["interface.po"] = interface
    return templates
