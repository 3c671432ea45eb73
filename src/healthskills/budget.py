"""Page weight of a built site, counted the way our speed and size targets are set: brotli bytes
that a first view with a cold cache downloads. Counted from the built files rather than
timed in a browser, so the figures are exact and the same on every machine, and a budget can
fail the build.

- Before the text can be read: the page itself plus every render-blocking file (stylesheets
  for the screen, scripts in <head> without `defer`/`async`). We count the whole page, not
  only the part up to the first paragraph, which is stricter than the target needs.
- First view: that, plus every other stylesheet (print ones are downloaded too), script,
  icon, and the service worker the page script registers (`data-sw`). Pictures are
  excluded, as in the targets, but eager ones are reported.
- Anything the page would load from another host is reported: there must be none.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from .write.compress import brotli_bytes

BEFORE_TEXT_BUDGET = 14_000
FIRST_VIEW_BUDGET = 30_000


@dataclass
class Weight:
    page: str
    html: int = 0
    blocking: dict[str, int] = field(default_factory=dict)
    deferred: dict[str, int] = field(default_factory=dict)
    pictures: dict[str, int] = field(default_factory=dict)
    """Pictures loaded at once (not `loading="lazy"`); not part of the budgets."""
    missing: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)

    @property
    def before_text(self) -> int:
        return self.html + sum(self.blocking.values())

    @property
    def first_view(self) -> int:
        return self.before_text + sum(self.deferred.values())

    def over_budget(self) -> list[str]:
        """Why this page fails its budgets, in words; empty when it does not."""
        reasons = []
        if self.before_text > BEFORE_TEXT_BUDGET:
            reasons.append(
                f"{self.before_text:,} bytes before the text can be read "
                f"(budget {BEFORE_TEXT_BUDGET:,}; blocking: {sorted(self.blocking)})"
            )
        if self.first_view > FIRST_VIEW_BUDGET:
            reasons.append(
                f"{self.first_view:,} bytes on first view without pictures "
                f"(budget {FIRST_VIEW_BUDGET:,})"
            )
        reasons += [f"loads from another host: {url}" for url in self.third_party]
        reasons += [f"refers to a file that is not in the site: {url}" for url in self.missing]
        return reasons


class _Fetches(HTMLParser):
    """What a browser fetches for a page: (kind, url) pairs, kind one of blocking, deferred,
    picture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetches: list[tuple[str, str]] = []
        self.in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "body":
            self.in_head = False
        elif tag == "link" and a.get("href"):
            rel = a.get("rel", "").lower().split()
            media = a.get("media", "all").strip().lower()
            if "stylesheet" in rel:
                blocking = media in ("", "all", "screen") and "disabled" not in a
                self.fetches.append(("blocking" if blocking else "deferred", a["href"]))
            elif {"icon", "preload", "modulepreload", "manifest"} & set(rel):
                self.fetches.append(("deferred", a["href"]))
        elif tag == "script" and a.get("src"):
            waits = "defer" in a or "async" in a or a.get("type") == "module"
            blocking = self.in_head and not waits
            self.fetches.append(("blocking" if blocking else "deferred", a["src"]))
            if a.get("data-sw"):
                self.fetches.append(("deferred", a["data-sw"]))
        elif tag in ("img", "iframe", "video", "audio", "embed", "source") and a.get("src"):
            lazy = a.get("loading") == "lazy"
            kind = "picture" if tag == "img" else "deferred"
            if not (lazy and tag in ("img", "iframe")):
                self.fetches.append((kind, a["src"]))


def brotli_size(path: Path) -> int:
    """Bytes a host sends with brotli: the precompressed copy when there is one."""
    packed = path.with_name(path.name + ".br")
    if packed.is_file():
        return packed.stat().st_size
    return len(brotli_bytes(path.read_bytes()))


def page_weight(site: Path, page: str) -> Weight:
    """The weight of one page; `page` is a site-relative URL such as `en/lessons/x/`."""
    file = site / (page + "index.html" if page.endswith("/") or not page else page)
    weight = Weight(page=page, html=brotli_size(file))
    parser = _Fetches()
    parser.feed(file.read_text(encoding="utf-8"))
    base = posixpath.dirname("/" + file.relative_to(site).as_posix())
    for kind, url in parser.fetches:
        parts = urlsplit(url)
        if parts.scheme == "data":
            continue
        if parts.scheme or parts.netloc:
            weight.third_party.append(url)
            continue
        target = posixpath.normpath(posixpath.join(base, parts.path)).lstrip("/")
        path = site / target
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            weight.missing.append(url)
            continue
        {"blocking": weight.blocking, "deferred": weight.deferred, "picture": weight.pictures}[
            kind
        ][target] = brotli_size(path)
    return weight


def content_pages(site: Path) -> list[str]:
    """Every lesson and guide page of every language, with the guides' text-only versions,
    the learner's own pages ("my lessons", the word list) and every page of "Help near you";
    not the other indexes."""
    pages = [
        p for p in site.glob("*/*/*/index.html") if p.parent.parent.name in ("lessons", "guides")
    ]
    pages += site.glob("*/guides/*/text/index.html")
    pages += [*site.glob("*/my-lessons/index.html"), *site.glob("*/words/index.html")]
    pages += site.glob("*/help-near-you/**/index.html")
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in pages)
