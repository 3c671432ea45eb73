"""Shared static files: pictures, our print stylesheet, script, favicon and service worker,
stored once at the site root so every language reuses them. All but the service worker have
a content hash in their name, so hosts can cache them for a year; the service worker must
keep one address (`sw.js`) and is served as "check for changes" (see docs/charities.md).

The screen stylesheet is not a file at all: it is small enough to inline into every page,
which saves a render-blocking round trip on slow connections.

The page script is written as one file per feature (`static/js/`: search, quiz, progress,
listen, words, display, offline, embed-copy, with `core.js` for what they share), and joined
here into the one deferred file every page loads: each feature in a scope of its own, so no
feature can lean on another's variables. `static/js/names.js` is the one place for the names
the page script and the service worker must agree on; it heads both.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources

from .settings.branding import Organisation, shade

SERVICE_WORKER = "sw.js"

SCRIPT_FEATURES = (
    "search", "display", "quiz", "progress", "words", "listen", "embed-copy", "places",
    "offline",
)  # fmt: skip
"""The page script's features, in the order they start. Offline comes last: it stops early
where a page cannot have a service worker."""


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
    embed_css: str = ""
    """What embed views add to the screen stylesheet."""
    embed_script: str = ""
    """The embed view's own tiny script (it reports its height to the host page)."""
    service_worker: str = SERVICE_WORKER
    logo: str = ""
    """The hosting organisation's logo (site-root relative), if it has one."""


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


def minify_js(script: str) -> str:
    """Comments, indentation and blank lines out: every reader downloads the script. Only
    what is safe for our own scripts, which have no template literals and no comment
    markers inside strings or regular expressions (tests/test_assets.py checks the result
    is valid JavaScript)."""
    script = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    return "".join(line.strip() + "\n" for line in script.splitlines() if line.strip())


def page_script() -> bytes:
    """The deferred script every page loads, joined from `static/js/`: each feature in a
    function of its own, inside one strict function."""
    names = _static("js/names.js").decode("utf-8")
    core = _static("js/core.js").decode("utf-8")
    parts = ['(function () {\n"use strict";\n', names, core]
    for feature in SCRIPT_FEATURES:
        body = _static(f"js/{feature}.js").decode("utf-8")
        parts.append(f"/* {feature} */\n(function () {{\n{body}}})();\n")
    parts.append("})();\n")
    return minify_js("".join(parts)).encode("utf-8")


def service_worker() -> bytes:
    """sw.js, with the names it shares with the page script after its "use strict"."""
    worker = _static(SERVICE_WORKER).decode("utf-8")
    names = _static("js/names.js").decode("utf-8")
    directive = '"use strict";\n'
    return worker.replace(directive, directive + names, 1).encode("utf-8")


def collect_assets(pictures: dict[str, bytes], organisation: Organisation | None = None) -> Assets:
    """Every shared file of the site, from the project's pictures and our static files, with
    the hosting organisation's logo and accent colour (settings/branding.py)."""
    files: dict[str, bytes] = {}
    paths: dict[str, str] = {}
    for name, data in sorted(pictures.items()):
        path = hashed(f"assets/pictures/{name}.svg", data)
        paths[name] = path
        files[path] = data
    named = {}
    for name, data in (
        ("print.css", _static("print.css")),
        ("healthskills.js", page_script()),
        ("favicon.svg", _static("favicon.svg")),
    ):
        named[name] = hashed(f"assets/{name}", data)
        files[named[name]] = data
    files[SERVICE_WORKER] = service_worker()
    css = minify_css(_static("healthskills.css").decode("utf-8"))
    logo = ""
    if organisation is not None and organisation.logo:
        logo = hashed("assets/logo.svg", organisation.logo)
        files[logo] = organisation.logo
    if organisation is not None and organisation.accent:
        # After the defaults, before nothing: the high-contrast rules are more specific
        # and keep their own dark blue.
        css += (
            f":root{{--hs-blue:{organisation.accent};--hs-dark-blue:{shade(organisation.accent)}}}"
        )
    return Assets(
        files=files,
        pictures=paths,
        css=css,
        logo=logo,
        print_css=named["print.css"],
        script=named["healthskills.js"],
        favicon=named["favicon.svg"],
        embed_css=minify_css(_static("embed.css").decode("utf-8")),
        embed_script=_static("embed.js").decode("utf-8"),
    )
