"""Rules on the project as a whole: the settings fit the content, the hand-written pages
take no generated page's place, the menu names pages that exist, and the links in the
hand-written pages lead somewhere.

These are what a build used to find only while writing the site; `check` finds them first,
at their file, line and column.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from .. import pages
from ..load.content import Content
from ..load.docs import Docs
from ..problems import Problem, Severity
from ..settings import ProjectSettings
from .common import WARN, file_problem

_HTML_LINK = re.compile(
    r"""<(?:a|img|link|script|source|iframe)\b[^>]*?\s(?:href|src)\s*=\s*["']([^"']+)["']""", re.I
)
_CODE = re.compile(r"^```.*?^```", re.M | re.S)


def validate_project(settings: ProjectSettings, content: Content, docs: Docs) -> list[Problem]:
    problems = list(_check_reserved(docs))
    problems += _check_nav(settings, docs)
    problems += _check_nations(settings, content)
    problems += _check_docs_links(settings, content, docs)
    return problems


def _check_reserved(docs: Docs) -> Iterator[Problem]:
    for folder in pages.GENERATED_FOLDERS:
        if any(rel.startswith(folder + "/") for rel in [*docs.pages, *docs.files]):
            made = (
                f"generated from content/{folder}/"
                if folder in ("lessons", "guides")
                else "written by healthskills for every language"
            )
            yield file_problem(
                f"docs/{folder}",
                "reserved-folder",
                f"docs/{folder}/ is {made}; it cannot be hand-written.",
                f"move these pages elsewhere, or write them as content/{folder}/*.yaml."
                if folder in ("lessons", "guides")
                else "move these files to another folder.",
            )
    for name in pages.GENERATED_PAGES:
        if name in docs.pages:
            yield file_problem(
                f"docs/{name}",
                "reserved-folder",
                f"docs/{name} is made by healthskills for every language; "
                "it cannot be hand-written.",
                f"rename the page, for example to docs/about-{name}.",
            )


def _known_pages(content: Content, docs: Docs) -> set[str]:
    """Every page of a language, as the path of its Markdown source (`champions.md`,
    `lessons/register-with-gp.md`), hand-written and generated."""
    known = set(docs.pages) | set(pages.GENERATED_PAGES)
    known |= set(pages.INDEX_PAGES)
    known |= {f"lessons/{i}.md" for i in content.stems.get("lessons", {})}
    known |= {f"guides/{i}.md" for i in content.stems.get("guides", {})}
    known |= {f"guides/{i}/text.md" for i in content.stems.get("guides", {})}
    return known


def _check_nav(settings: ProjectSettings, docs: Docs) -> Iterator[Problem]:
    """Every page the menu names exists: a hand-written page, or one healthskills makes."""
    if settings.nav is None or settings.doc is None:
        return
    known = set(docs.pages) | set(pages.GENERATED_PAGES) | set(pages.INDEX_PAGES)
    for index, item in enumerate(settings.nav):
        loc: tuple[str | int, ...] = ("nav", index)
        target = item
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            loc = ("nav", index, str(title))
        if not isinstance(target, str):
            yield settings.doc.problem(
                loc, "nav-page", "The menu lists pages one level deep: a page, or `Title: page`.",
                hint="write `- champions.md` or `- For champions: champions.md`.",
            )  # fmt: skip
        elif not urlsplit(target).scheme and target not in known:
            yield settings.doc.problem(
                loc, "nav-page", f"The menu names `{target}`, which is not a page.",
                hint="name a page in docs/ (such as `champions.md`), or one healthskills makes: "
                + ", ".join([*pages.INDEX_PAGES, *pages.GENERATED_PAGES]),
            )  # fmt: skip


def _check_nations(settings: ProjectSettings, content: Content) -> Iterator[Problem]:
    """A lesson or guide for none of the nations the site serves tells its readers about
    services they cannot use."""
    served = set(settings.nations)
    for loaded in [*content.lessons.values(), *content.guides.values()]:
        if not served & set(loaded.model.applies_to):
            yield loaded.doc.problem(
                ("applies_to",), "nation-not-served",
                f"The page is for {', '.join(loaded.model.applies_to)}, and the site serves "
                f"{', '.join(settings.nations)} (extra.nations in mkdocs.yml).",
                hint="remove the page from this site, or add its nation to `nations` under "
                "`extra:` in mkdocs.yml.", severity=WARN,
            )  # fmt: skip


_INLINE_CODE = re.compile(r"`[^`\n]*`")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")

VALIDATION_DEFAULTS = {"not_found": "warn", "absolute_links": "info",
                       "unrecognized_links": "info", "anchors": "info"}  # fmt: skip
"""How strictly links in hand-written pages are checked when mkdocs.yml's `validation:`
does not say (MkDocs' own defaults). The build is strict: `warn` fails it, so it fails
`check` too; `info` and `ignore` pass."""


def _links(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(line, address) of every Markdown link and picture, and of every HTML link, in a
    hand-written page, outside code."""
    text = _CODE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    markdown_links, html_links = [], []
    for number, line in enumerate(text.splitlines(), 1):
        line = _INLINE_CODE.sub("", line)
        markdown_links += [(number, m.group(1)) for m in _MD_LINK.finditer(line)]
        html_links += [(number, m.group(1)) for m in _HTML_LINK.finditer(line)]
    return markdown_links, html_links


def _anchors(page_text: str) -> set[str]:
    """The anchors a hand-written page has: its headings, as Python-Markdown's table of
    contents names them, and any explicit `id`."""
    from markdown.extensions.toc import slugify

    ids = {slugify(heading, "-") for heading in _HEADING.findall(page_text)}
    return ids | set(_ID.findall(page_text))


def _check_docs_links(settings: ProjectSettings, content: Content, docs: Docs) -> Iterator[Problem]:
    """Links from the hand-written pages, checked the way the build checks them: Markdown
    links as MkDocs does (to a page's `.md` file or a file in docs/, with anchors that
    exist, at the strictness `validation:` gives), HTML links as the built site's link
    check does (to a page's address). Anchors in generated pages are checked by the build,
    which has rendered them."""
    levels = {**VALIDATION_DEFAULTS, **{k: str(v) for k, v in settings.validation.items()}}
    known = _known_pages(content, docs)
    addresses = {pages.page_address(rel) for rel in known}

    def report(rel: str, line: int, kind: str, message: str, hint: str) -> Iterator[Problem]:
        level = levels.get(kind, "warn")
        if level in ("warn", "error"):
            yield Problem(f"docs/{rel}", line, 1, Severity.ERROR, "broken-link", message,
                          hint=hint)  # fmt: skip

    for rel, page in docs.pages.items():
        markdown_links, html_links = _links(page.text)
        for line, link in markdown_links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            path = unquote(parts.path)
            if not path:
                if parts.fragment and parts.fragment not in _anchors(page.text):
                    message = f"No anchor #{parts.fragment} on this page."
                    yield from report(rel, line, "anchors", message, "check the heading.")
                continue
            if path.startswith("/"):
                yield from report(
                    rel, line, "absolute_links",
                    f"The link {link} starts at the host's root, so it breaks when the site is "
                    "served under a folder (such as /health/).",
                    "link to the page's file relative to this page, such as `champions.md`.",
                )  # fmt: skip
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
            if target in known or target in docs.files:
                anchored = parts.fragment and target in docs.pages
                if anchored and parts.fragment not in _anchors(docs.pages[target].text):
                    message = f"No anchor #{parts.fragment} in {target}."
                    yield from report(rel, line, "anchors", message, "check the heading.")
            elif path.endswith(".md"):
                message = f"Broken link {link}: there is no such page."
                hint = "check the id of the lesson, guide or page it points to."
                yield from report(rel, line, "not_found", message, hint)
            else:
                yield from report(
                    rel, line, "unrecognized_links",
                    f"The link {link} is not a page's .md file or a file in docs/.",
                    "link to the page's file, such as `lessons/index.md` or `champions.md`.",
                )  # fmt: skip
        for line, link in html_links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//")) or not parts.path:
                continue
            target = posixpath.normpath(
                posixpath.join(pages.page_address(rel), unquote(parts.path))
            )
            as_file = posixpath.normpath(
                posixpath.join(posixpath.dirname(rel), unquote(parts.path))
            )
            address = "" if target == "." else target.rstrip("/") + "/"
            if target.startswith("..") or (address not in addresses and as_file not in docs.files):
                yield Problem(
                    f"docs/{rel}", line, 1, Severity.ERROR, "broken-link",
                    f"Broken link {link}: no page has that address.",
                    hint="check the id of the lesson, guide or heading it points to.",
                )  # fmt: skip
