"""Each language's search index, in our own format, written from our own page sources.

The browser script fetches this file the first time a reader searches, and only for the
reader's language. It depends on no engine's index format, so the engine can change
without the search changing. An entry is a page's introduction (before its first section)
or one section, so a search for "interpreter" can lead straight to the step about it:

    {"version": 1, "entries": [{"url": "lessons/x/#steps", "title": "…", "text": "…"}]}

Text is plain (no markup): smaller to download, and nothing to strip in the browser.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator

import markdown

from ..load.docs import split_front_matter
from ..pages import page_address
from .context import PageSource

VERSION = 1

_SECTION = re.compile(
    r'<h2\b[^>]*\bid="(?P<h2>[^"]+)"[^>]*>(?P<h2title>.*?)</h2>'
    r'|<li\b[^>]*\bid="(?P<step>step-[^"]+)"[^>]*>\s*<h3>(?P<steptitle>.*?)</h3>',
    re.S,
)
"""Where an entry starts: a section heading with its anchor, or a lesson's step."""
_SKIP = re.compile(
    r"<(script|style|svg|textarea)\b.*?</\1>"
    r'|<details class="hs-(?:facilitator|embed-this)".*?</details>'
    r'|<section class="hs-sources".*?</section>',
    re.S,
)
"""What a reader would not search for: scripts, pictures drawn in SVG (QR codes), notes
for champions, the list of sources and the code to embed a page."""
_TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    """The text of an HTML fragment, with runs of space made one."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def entries(url: str, title: str, body: str) -> Iterator[dict[str, str]]:
    """The page's introduction, then each section, as index entries. `url` is the page's
    address relative to its language's folder."""
    body = _SKIP.sub(" ", body)
    starts = list(_SECTION.finditer(body))
    intro = body[: starts[0].start()] if starts else body
    yield {
        "url": url,
        "title": title,
        "text": plain(re.sub(r"<h1\b.*?</h1>", " ", intro, flags=re.S)),
    }
    for at, start in enumerate(starts):
        end = starts[at + 1].start() if at + 1 < len(starts) else len(body)
        anchor = start.group("h2") or start.group("step")
        heading = start.group("h2title") or start.group("steptitle")
        text = plain(body[start.end() : end])
        if text:
            yield {"url": f"{url}#{anchor}", "title": plain(heading), "text": text}


def search_index(pages: list[tuple[str, str, str]]) -> bytes:
    """The index of one language from (address, title, body HTML) of each page to find:
    generated pages and the hand-written ones alike."""
    found = [entry for url, title, body in pages for entry in entries(url, title, body)]
    data = {"version": VERSION, "entries": found}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def searchable(page: PageSource) -> bool:
    """Pages that say they stay out of search (text-only guides, "My lessons")."""
    search = page.meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude"))


def docs_page(rel: str, text: str) -> tuple[str, str, str]:
    """A hand-written page for the index: its address, its title (from its front matter or
    its first heading) and its body as HTML, with ids on its headings as the site has."""
    front, body = split_front_matter(text)
    converted = markdown.markdown(body, extensions=["md_in_html", "toc", "tables"])
    heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", converted, re.S)
    title = str(front.get("title") or (plain(heading.group(1)) if heading else rel))
    return page_address(rel), title, converted
