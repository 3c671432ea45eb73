"""Hand-written pages (docs/*.md) in other languages, block by block from interface.po.

A page is split into the same blocks that extraction produced; each block is replaced by its
translation when there is one, and kept in English (marked `lang="en"`) when there is not.
The page says so, in the reader's language.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import yaml

from ..load.docs import DocsPage
from .extract import DOCS_PREFIX, split_markdown
from .translations import Translations


@dataclass(frozen=True)
class TranslatedPage:
    text: str
    translated: int
    english: int


def translate_page(
    page: DocsPage, translations: Translations, notices: dict[str, str]
) -> TranslatedPage:
    front = dict(page.front)
    context = f"{DOCS_PREFIX}{page.rel}"
    for key in ("title", "description"):
        if isinstance(front.get(key), str):
            front[key] = translations.lookup(f"{context}:{key}", front[key]) or front[key]
    blocks: list[str] = []
    translated = english = 0
    for block in split_markdown(page.body):
        if block.startswith("```"):
            blocks.append(block)
            continue
        found = translations.lookup(context, block)
        if found:
            translated += 1
            blocks.append(found)
        else:
            english += 1
            # md_in_html keeps the Markdown inside working while marking the language.
            blocks.append(f'<div lang="en" dir="ltr" markdown="1">\n\n{block}\n\n</div>')
    if english:
        key = "fallback_parts" if translated else "fallback_page"
        notice = f'<p class="hs-notice hs-fallback" role="note">{html.escape(notices[key])}</p>'
        english_heading = '<div lang="en" dir="ltr" markdown="1">\n\n# '
        heading = next(
            (i for i, b in enumerate(blocks) if b.startswith(("# ", english_heading))), None
        )
        blocks.insert(0 if heading is None else heading + 1, notice)
    head = (
        f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=True)}---\n\n" if front else ""
    )
    return TranslatedPage(head + "\n\n".join(blocks) + "\n", translated, english)
