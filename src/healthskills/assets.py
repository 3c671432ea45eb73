"""Shared static files: pictures, our print stylesheet, script, favicon and service worker,
stored once at the site root so every language reuses them. All but the service worker have
a content hash in their name, so hosts can cache them for a year; the service worker must
keep one address (`sw.js`) and is served as "check for changes" (see docs/charities.md).

The screen stylesheet is not a file at all: it is small enough to inline into every page,
which saves a render-blocking round trip on slow connections."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources

from .load import Content

SERVICE_WORKER = "sw.js"


@dataclass(frozen=True)
class Assets:
    files: dict[str, bytes]
    """Site-root relative path → bytes."""
    pictures: dict[str, str]
    """Picture name → site-root relative path."""
    css: str
    """The screen stylesheet, inlined into every page."""
    print_css: str
    script: str
    favicon: str
    """Site-root relative paths."""
    service_worker: str = SERVICE_WORKER


def hashed(path: str, data: bytes) -> str:
    stem, dot, ext = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}{dot}{ext}"


def _static(name: str) -> bytes:
    return resources.files("healthskills").joinpath("static", name).read_bytes()


def minify_css(css: str) -> str:
    """Comments and indentation out: the inlined stylesheet is paid for on every page.
    (Only what is safe for our own stylesheet: no strings or URLs contain these patterns.)"""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s*\n\s*", "", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


def collect_assets(content: Content) -> Assets:
    files: dict[str, bytes] = {}
    pictures: dict[str, str] = {}
    for name, data in sorted(content.pictures.items()):
        path = hashed(f"assets/pictures/{name}.svg", data)
        pictures[name] = path
        files[path] = data
    named = {}
    for name in ("print.css", "healthskills.js", "favicon.svg"):
        data = _static(name)
        named[name] = hashed(f"assets/{name}", data)
        files[named[name]] = data
    files[SERVICE_WORKER] = _static("sw.js")
    files["_headers"] = _static("_headers")
    return Assets(
        files=files,
        pictures=pictures,
        css=minify_css(_static("healthskills.css").decode("utf-8")),
        print_css=named["print.css"],
        script=named["healthskills.js"],
        favicon=named["favicon.svg"],
    )
