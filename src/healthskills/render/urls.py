"""Site addresses: where each page lives, and relative links between them.

Every link we write is relative, so a built site works from any folder or host path (a
charity may serve it under /health/) and inside the local preview without rewriting.
"""

from __future__ import annotations

import posixpath


def lesson_url(lang: str, lesson_id: str) -> str:
    return f"{lang}/lessons/{lesson_id}/"


def guide_url(lang: str, guide_id: str) -> str:
    return f"{lang}/guides/{guide_id}/"


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at `from_url` to `to_url` (both site-root relative,
    directory pages ending in `/`)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target_is_dir = to_url.endswith("/") or to_url == ""
    rel = posixpath.relpath("/" + to_url, "/" + base)
    if target_is_dir and rel != ".":
        rel += "/"
    elif rel == ".":
        rel = "./"
    return rel
