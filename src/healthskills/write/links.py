"""Checks on the built site: every internal link and anchor resolves, and no page asks any
other host for anything (no fonts, scripts, styles or pictures from elsewhere)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..problems import Problem, Severity

_FETCHING = {
    ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
    ("source", "src"), ("source", "srcset"), ("video", "src"), ("audio", "src"),
}  # fmt: skip


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str, int]] = []  # tag, attr, url, line

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in ("href", "src") or (tag, name) in _FETCHING:
                if (
                    tag == "link"
                    and name == "href"
                    and self._rel(attrs) in ("canonical", "alternate")
                ):
                    continue
                self.links.append((tag, name, value, self.getpos()[0]))

    @staticmethod
    def _rel(attrs: list[tuple[str, str | None]]) -> str:
        return next((v or "" for k, v in attrs if k == "rel"), "")


def check_site(site: Path, base: str = "/") -> list[Problem]:
    """Every link and fetch of every page resolves to a file of the site. `base` is the path
    the site lives under (`/health/` for `https://example.org/health/`): the engine writes
    a few links from the site's root (the 404 page's, which must work at any depth), and
    those start with it."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    pages: dict[str, _Scan] = {}
    for path in sorted(site.rglob("*.html")):
        scan = _Scan()
        scan.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = scan

    problems: list[Problem] = []
    for page, scan in pages.items():
        for tag, attr, url, line in scan.links:
            parts = urlsplit(url)
            where = f"site/{page}"
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if (tag, attr) in _FETCHING:
                    problems.append(
                        Problem(
                            where,
                            line,
                            0,
                            Severity.ERROR,
                            "third-party-request",
                            f"<{tag} {attr}> loads {url} from another host.",
                            hint="serve the file from this site; no page may contact other hosts.",
                        )
                    )
                continue
            if parts.scheme or url.startswith("data:"):
                continue  # mailto:, tel:, data:
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):
                if not parts.path.startswith(base):
                    problems.append(_broken(where, line, url, f"it is not under {base}"))
                    continue
                target = posixpath.normpath(unquote(parts.path[len(base) :])).lstrip("/")
                target = "" if target == "." else target
            else:
                target = posixpath.normpath(
                    posixpath.join(posixpath.dirname(page), unquote(parts.path))
                )
            if target.startswith(".."):
                problems.append(_broken(where, line, url, "it points outside the site"))
                continue
            file = site / target
            if file.is_dir() or parts.path.endswith("/"):
                file = file / "index.html"
                target = posixpath.join(target, "index.html")
            if not file.is_file():
                problems.append(_broken(where, line, url, "no such file"))
                continue
            if parts.fragment and target in pages and parts.fragment not in pages[target].ids:
                problems.append(_broken(where, line, url, f"no anchor #{parts.fragment} there"))
    return problems


def _broken(where: str, line: int, url: str, why: str) -> Problem:
    return Problem(
        where,
        line,
        0,
        Severity.ERROR,
        "broken-link",
        f"Broken link {url}: {why}.",
        hint="check the id of the lesson, guide or heading it points to.",
    )
