"""`healthskills check --online`: do the sources and links to other sites still answer?

Pages move. Offline, `check` can only see that a source is https and on an official domain;
with `--online` it asks each address once (HEAD, then GET where a server refuses HEAD), in
parallel, and reports those that fail. Off by default: builds must not depend on the network
or on other sites being up.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from .. import markup
from ..load.content import Content
from ..load.yamlio import Loc
from ..models.texts import item_texts
from ..problems import Problem, Severity

TIMEOUT = 15
USER_AGENT = "healthskills-link-check (+https://github.com/healthskills)"

Fetch = Callable[[str], str | None]
"""Address → None when it answers, or what went wrong."""


def fetch(url: str) -> str | None:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                return None
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers refuse HEAD: ask again with GET
            return f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return str(getattr(exc, "reason", exc))
    return None


def validate_online(content: Content, fetcher: Fetch = fetch, workers: int = 8) -> list[Problem]:
    """A problem at each place that links to an address that does not answer."""
    places: dict[str, list[tuple[object, Loc]]] = {}
    items = [
        (x, item_texts(x.model)) for x in [*content.lessons.values(), *content.guides.values()]
    ]
    for loaded, texts in items:
        for i, source in enumerate(loaded.model.sources):
            places.setdefault(source.url, []).append((loaded, ("sources", i, "url")))
        for loc, text in texts:
            for href in markup.inspect(text).links:
                if href.startswith("https://"):
                    places.setdefault(href, []).append((loaded, loc))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(places, pool.map(fetcher, places), strict=True))
    problems = []
    for url, error in answers.items():
        if error is None:
            continue
        for loaded, loc in places[url]:
            problems.append(loaded.doc.problem(  # type: ignore[attr-defined]
                loc, "dead-link", f"{url} does not answer: {error}.",
                hint="check the address in a browser; if the page moved, link to its new "
                "address and review the content against it.", severity=Severity.WARNING,
            ))  # fmt: skip
    return problems
