"""The Content Security Policy of every page, and the other security headers.

The people this site serves include asylum seekers and people in crisis: a script slipped in
through a compromised translation, or a hostile site framing ours, must not run. So every
page says exactly what it may load: its own files, and its two inline blocks (the tiny head
script that applies the reader's text size before the first paint, and the inlined
stylesheet that lets the text show from the first round trip), each named by its SHA-256
hash, computed here at build time from the very text the page carries. Nothing inline that
is not hashed runs or applies, not even one `style` attribute.

Each policy is written twice: as a `<meta http-equiv>` in every page (for hosts that cannot
set headers; `frame-ancestors` cannot be said there, browsers ignore it in meta), and as
headers in `_headers`, the nginx server block and the Caddyfile (write/servers.py).

Full pages may only be framed by the site itself; embed views by anyone, since charities
frame them on their own sites.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..assets import Assets

HEAD_SCRIPT = (
    'try{var d=JSON.parse(localStorage.getItem("healthskills:display"))||{},'
    "r=document.documentElement;/^(large|larger)$/.test(d.size)&&"
    'r.setAttribute("data-hs-size",d.size);/^(more|normal)$/.test(d.contrast)&&'
    'r.setAttribute("data-hs-contrast",d.contrast)}catch(e){}'
)
"""Text size and contrast the reader chose on this device, applied before the first paint so
the page does not jump. Reads only our own key; never throws where storage is blocked."""

PERMISSIONS_POLICY = (
    "geolocation=(), camera=(), microphone=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)
"""Powerful features the site never uses, turned off for it and anything it might frame."""


def source_hash(text: str) -> str:
    """`'sha256-…'`: how CSP names one inline script or style by its exact text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _join(directives: list[tuple[str, str]]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


@dataclass(frozen=True)
class Policy:
    """One Content Security Policy, as directives in order."""

    directives: tuple[tuple[str, str], ...]

    @property
    def header(self) -> str:
        return _join(list(self.directives))

    @property
    def meta(self) -> str:
        """The policy for a `<meta http-equiv>`: without `frame-ancestors`, which browsers
        ignore there (and say so on the console)."""
        return _join([d for d in self.directives if d[0] != "frame-ancestors"])


def page_policy(css: str, head_script: str = HEAD_SCRIPT) -> Policy:
    """Every full page: its own files, the hashed head script and stylesheet, fetches of
    its own search index, its own service worker, framed by the site itself only.
    No `data:` pictures: printed documents carry theirs, pages load files."""
    return Policy((
        ("default-src", "'self'"),
        ("script-src", f"'self' {source_hash(head_script)}"),
        ("style-src", f"'self' {source_hash(css)}"),
        ("img-src", "'self'"),
        ("connect-src", "'self'"),
        ("worker-src", "'self'"),
        ("manifest-src", "'self'"),
        ("base-uri", "'none'"),
        ("form-action", "'self'"),
        ("object-src", "'none'"),
        ("frame-ancestors", "'self'"),
    ))  # fmt: skip


def embed_policy(css: str, script: str) -> Policy:
    """Embed views: the hashed stylesheet and height script only, pictures from the site,
    framed by anyone. They fetch nothing and have no forms."""
    return Policy((
        ("default-src", "'self'"),
        ("script-src", source_hash(script)),
        ("style-src", source_hash(css)),
        ("img-src", "'self'"),
        ("connect-src", "'none'"),
        ("base-uri", "'none'"),
        ("form-action", "'none'"),
        ("object-src", "'none'"),
        ("frame-ancestors", "*"),
    ))  # fmt: skip


def site_policies(assets: Assets) -> tuple[Policy, Policy]:
    """The policies of this build's full pages and of its embed views, from the exact
    inline text each carries (render/embeds.py inlines the stylesheet and the embed one)."""
    return (
        page_policy(assets.css),
        embed_policy(assets.css + assets.embed_css, assets.embed_script),
    )
