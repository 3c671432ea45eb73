"""Author Markdown: the small subset authors may use, checked, rendered and sanitised.

Authors write Markdown in YAML text fields. We parse it with Python-Markdown (the same
parser mkdocs uses), inspect the parsed tree to report what is not allowed, rewrite our own
link schemes (`glossary:`, `lesson:`, `guide:`) into real links, and finally pass the HTML
through nh3 with a tight allow-list, so that no script can reach a page even if a check is
ever missed.
"""

from __future__ import annotations

import functools
import re
import threading
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

LINK_SCHEMES = ("https", "tel", "mailto", "glossary", "lesson", "guide")
"""Schemes an author may link to; the last three are ours and become site links."""

_BLOCK_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br"}
_INLINE_TAGS = {"strong", "a", "em", "br"}
_HEADING = re.compile(r"h[1-6]")


@dataclass
class MarkdownFacts:
    """What an author's text contains that a check may care about."""

    links: list[str] = field(default_factory=list)
    raw_html: bool = False
    headings: bool = False
    images: bool = False
    italics: bool = False
    block_elements: set[str] = field(default_factory=set)


LinkResolver = Callable[[str, str], tuple[str, str] | None]
"""(scheme, target) → (href, css class), or None to leave the link text unlinked."""


class _Inspect(Treeprocessor):
    def __init__(self, md: markdown.Markdown, facts: MarkdownFacts) -> None:
        super().__init__(md)
        self.facts = facts

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            tag = element.tag
            if tag == "a":
                self.facts.links.append(element.get("href", ""))
            elif tag == "img":
                self.facts.images = True
            elif tag == "em":
                self.facts.italics = True
            elif isinstance(tag, str) and _HEADING.fullmatch(tag):
                self.facts.headings = True
            if tag in ("ul", "ol", "blockquote", "pre", "code", "hr", "table"):
                self.facts.block_elements.add(tag)


class _Rewrite(Treeprocessor):
    def __init__(self, md: markdown.Markdown, owner: _Renderer) -> None:
        super().__init__(md)
        self.resolver: LinkResolver = _unresolved
        owner.rewrite = self

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            href = element.get("href", "")
            scheme, _, target = href.partition(":")
            if scheme in ("glossary", "lesson", "guide"):
                resolved = self.resolver(scheme, target)
                if resolved is None:
                    element.tag = "span"
                    element.attrib.pop("href", None)
                else:
                    element.set("href", resolved[0])
                    if resolved[1]:
                        element.set("class", resolved[1])


class _Hook(Extension):
    def __init__(self, processor: type[Treeprocessor], arg: object) -> None:
        super().__init__()
        self.processor = processor
        self.arg = arg

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(self.processor(md, self.arg), "healthskills", 0)


@functools.lru_cache(maxsize=16384)
def inspect(text: str) -> MarkdownFacts:
    """Parse `text` and report what it contains, without rendering it for a page. Several
    rules ask about the same text, so the answer is kept: callers must not change it."""
    facts = MarkdownFacts()
    md = markdown.Markdown(extensions=[_Hook(_Inspect, facts)])
    md.convert(text)
    facts.raw_html = bool(md.htmlStash.rawHtmlBlocks) or _looks_like_html(text)
    return facts


def glossary_links(text: str | None) -> list[str]:
    """Glossary ids an author's text links to (`[GP](glossary:gp)`), in order."""
    if not text:
        return []
    return [h.partition(":")[2] for h in inspect(text).links if h.startswith("glossary:")]


def _looks_like_html(text: str) -> bool:
    # Python-Markdown leaves some tag-like text (e.g. `<img src=x onerror=...>` inline) in
    # the stash and some not; a plain pattern catches what the parser may let through.
    return re.search(r"<\s*/?\s*[a-zA-Z!?][^>]*>", text) is not None


class _Renderer(threading.local):
    """One Markdown parser per thread, reused for every text: building a parser costs more
    than converting a short text, and a site has thousands of them."""

    def __init__(self) -> None:
        self.rewrite: _Rewrite | None = None
        self.md = markdown.Markdown(extensions=[_Hook(_Rewrite, self)])

    def convert(self, text: str, resolver: LinkResolver) -> str:
        assert self.rewrite is not None
        self.rewrite.resolver = resolver
        try:
            return self.md.reset().convert(text)
        finally:
            self.rewrite.resolver = _unresolved


def _unresolved(scheme: str, target: str) -> None:
    return None


_RENDERER = _Renderer()


def render(text: str, resolver: LinkResolver, *, inline: bool = False) -> str:
    """Render author Markdown to sanitised HTML.

    `inline=True` strips the wrapping paragraph, for one-line fields such as quiz feedback
    or easy-read rows. The same text is shown on a page, its embed view and its printed
    sheet, so each (text, where its links lead) is rendered once.
    """
    links = tuple(
        (href, resolver(*href.split(":", 1)) if ":" in href else None)
        for href in inspect(text).links
    )
    return _render(text, links, inline)


@functools.lru_cache(maxsize=16384)
def _render(text: str, links: tuple[tuple[str, tuple[str, str] | None], ...], inline: bool) -> str:
    resolved = dict(links)
    html = _RENDERER.convert(text, lambda scheme, target: resolved.get(f"{scheme}:{target}"))
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return sanitise(html, inline=inline)


def sanitise(html: str, *, inline: bool = False) -> str:
    """The last line of defence: only our small set of tags, attributes and URL schemes."""
    return nh3.clean(
        html,
        tags=_INLINE_TAGS if inline else _BLOCK_TAGS,
        attributes={"a": {"href", "class"}},
        url_schemes={"https", "tel", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
