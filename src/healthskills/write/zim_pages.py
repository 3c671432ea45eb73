"""What goes into a language's offline pack, and its pages as they are inside it.

A pack holds the language's finished pages (lessons, guides, word list, help pages, the
hand-written pages) and every file they load, at the same paths as on the site, so their
relative links still work. Inside a pack, pages change in three ways only:

- what needs the web is left out: every element the templates mark `data-hs-online`
  (site search, the other languages, the saved-copy notice, "save for offline", embed
  code) and the service worker (the script loses its `data-sw`);
- the page's Content Security Policy is left out too. In a pack, the reader is the host:
  Kiwix adds its own bar and scripts to every page (kiwix-serve's uses inline event
  handlers), which our policy would block. Nothing in a pack comes from anywhere else;
  its pages are the checked pages of the site;
- links to a folder (`lessons/x/`) name its page (`lessons/x/index.html`), because a ZIM
  has entries, not folders;
- a link that leaves the pack (another website, a page or PDF the pack does not hold)
  keeps the page's online address and says, in the page's language, that it needs the
  internet. Telephone, text and email links stay as they are: they work without it.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LEFT_OUT = ("embed/", "search/", "read-offline/", "translators/", "content-report/")
"""Folders of a language that no pack holds: embed views and the search index (Kiwix has
its own search), the page about the packs, and the pages for editors."""

_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})  # fmt: skip
_FETCHES = {("img", "src"), ("script", "src"), ("source", "src"), ("link", "href")}
_LOCAL_SCHEMES = ("tel", "sms", "mailto", "data")


@dataclass(frozen=True)
class PackPage:
    path: str
    """Site-root relative, as in the pack: `en/lessons/x/index.html`."""
    title: str
    html: str
    loads: tuple[str, ...]
    """Site-root relative paths of the files the page loads (pictures, styles, script)."""


def pack_pages(site: Path, lang: str) -> list[str]:
    """The pages of a language that go into its pack, site-root relative."""
    root = site / lang
    found = []
    for path in sorted(root.rglob("index.html")):
        rel = path.relative_to(root).as_posix()
        if not rel.startswith(LEFT_OUT):
            found.append(f"{lang}/{rel}")
    return found


def rewrite(
    path: str, text: str, in_pack: set[str], site_url: str, needs_internet: str
) -> PackPage:
    """The page at `path` as it is inside the pack (see the module's docstring).
    `in_pack` holds the pack's pages; `site_url` is where the rest is online."""
    rewriter = _Rewriter(path, in_pack, site_url, needs_internet)
    rewriter.feed(text)
    rewriter.close()
    return PackPage(path, rewriter.title.strip(), "".join(rewriter.out), tuple(rewriter.loads))


def resolve(page: str, url: str) -> str | None:
    """The site-root relative path `url` leads to from `page`, or None when it leads
    outside the site or to another website. Folders end in `index.html`."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if target.startswith(".."):
        return None
    if target == ".":
        return "index.html"
    if parts.path.endswith("/"):
        target += "/index.html"
    return target


class _Rewriter(HTMLParser):
    """Copies a page, tag by tag, changing only what the module's docstring says. Tags it
    does not change are copied as written, so a page inside the pack is the page online."""

    def __init__(self, path: str, in_pack: set[str], site_url: str, marker: str) -> None:
        super().__init__(convert_charrefs=False)
        self.path = path
        self.in_pack = in_pack
        self.site_url = site_url
        self.marker = marker
        self.out: list[str] = []
        self.loads: list[str] = []
        self.title = ""
        self._in_title = False
        self._dropping = 0  # depth inside an element that needs the web
        self._outbound = False  # inside a link that leaves the pack

    # ---- tags ---------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropping:
            if tag not in _VOID:
                self._dropping += 1
            return
        if any(name == "data-hs-online" for name, _ in attrs):
            if tag not in _VOID:
                self._dropping = 1
            return
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy":
            return
        self._in_title = tag == "title"
        changed = self._changed(tag, attrs)
        if changed is None:
            self.out.append(self.get_starttag_text() or "")
        else:
            self.out.append(_tag(tag, changed))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            self._dropping -= 1
            return
        if tag == "title":
            self._in_title = False
        if tag == "a" and self._outbound:
            self.out.append(f' <span class="hs-needs-internet">{html.escape(self.marker)}</span>')
            self._outbound = False
        self.out.append(f"</{tag}>")

    def _changed(self, tag: str, attrs: list[tuple[str, str | None]]) -> list | None:
        """The tag's attributes when the pack needs them changed, else None."""
        if tag == "script" and any(name == "data-sw" for name, _ in attrs):
            attrs = [(name, value) for name, value in attrs if name != "data-sw"]
            self._fetch(tag, attrs)
            return attrs
        if tag == "a":
            return self._link(attrs)
        self._fetch(tag, attrs)
        return None

    def _fetch(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href"):
            if (tag, name) not in _FETCHES or not values.get(name):
                continue
            if tag == "link" and values.get("rel") in ("canonical", "alternate"):
                continue
            target = resolve(self.path, values[name] or "")
            if target is not None:
                self.loads.append(target)

    def _link(self, attrs: list[tuple[str, str | None]]) -> list | None:
        href = dict(attrs).get("href")
        if not href or href.startswith("#"):
            return None
        parts = urlsplit(href)
        if parts.scheme in _LOCAL_SCHEMES:
            return None
        target = None if parts.scheme or parts.netloc else resolve(self.path, href)
        if target is not None and target + "/index.html" in self.in_pack:
            target += "/index.html"  # a folder named without its slash, as `../..`
        if target in self.in_pack:
            if target == self.path:
                new = "#" + parts.fragment if parts.fragment else "index.html"
            else:
                new = _relative(self.path, target) + (
                    "#" + parts.fragment if parts.fragment else ""
                )
            return _replaced(attrs, "href", new)
        self._outbound = True
        if target is None:
            return None  # another website: its address is already whole
        online = self.site_url + target.removesuffix("index.html")
        return _replaced(attrs, "href", online + ("#" + parts.fragment if parts.fragment else ""))

    # ---- text ---------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self._dropping:
            return
        if self._in_title:
            self.title += html.unescape(data)
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, text: str) -> None:
        if self._dropping:
            return
        if self._in_title:
            self.title += html.unescape(text)
        self.out.append(text)

    def handle_comment(self, data: str) -> None:
        if not self._dropping:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def _replaced(attrs: list[tuple[str, str | None]], name: str, value: str) -> list:
    return [(key, value if key == name else old) for key, old in attrs]


def _tag(tag: str, attrs: Iterable[tuple[str, str | None]]) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value)}"')
    return "<" + " ".join(parts) + ">"


def _relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page))
