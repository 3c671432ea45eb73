"""The server files the build writes, run in the real servers: Debian's nginx (with
libnginx-mod-http-brotli-static) and Caddy serve the built worked example on localhost, and
every promise is checked through HTTP: compressed copies sent as such, cache rules per path,
every security header, the right types, the 404 page, the server files kept private. Also
under a sub-path (`https://example.org/health/`), as GitHub Pages project sites and council
websites host it."""

from __future__ import annotations

import gzip
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest

from healthskills.render.policy import PERMISSIONS_POLICY
from servers import Server, build_example

pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
    reason="run `make test`: it installs nginx and caddy",
)

BASES = {"root": "/", "sub-path": "/health/"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The example built once for each address (with its PDFs at the root, for their type)."""
    return {
        which: build_example(tmp_path_factory.mktemp(which), base, pdfs=base == "/")
        for which, base in BASES.items()
    }


@pytest.fixture(scope="module", params=[(k, b) for k in ("nginx", "caddy") for b in BASES],
                ids=lambda p: f"{p[0]}-{p[1]}")  # fmt: skip
def served(request, sites, tmp_path_factory):
    kind, which = request.param
    base, site = BASES[which], sites[which]
    folder = tmp_path_factory.mktemp(f"{kind}-{which}")
    www = folder / "www"
    shutil.copytree(site, www / base.strip("/") if base != "/" else www)
    server = Server(kind, site, www, folder / kind).start()
    yield server, base
    server.stop()


def get(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding or "identity"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_pages_and_scripts_arrive_compressed_as_the_browser_asks(served):
    server, base = served
    page = f"{server.url}{base}en/lessons/first-lesson/"
    status, headers, body = get(page, "br, gzip")
    assert status == 200 and headers.get("content-encoding") == "br"
    plain = brotli.decompress(body)
    assert b"<h1" in plain
    status, headers, body = get(page, "gzip")
    assert headers.get("content-encoding") == "gzip" and gzip.decompress(body) == plain
    status, headers, body = get(page)
    assert "content-encoding" not in headers and body == plain
    script = next(p.name for p in (server.site / "assets").glob("healthskills.*.js"))
    status, headers, _ = get(f"{server.url}{base}assets/{script}", "br")
    assert status == 200 and headers.get("content-encoding") == "br"
    assert headers["content-type"].startswith(("text/javascript", "application/javascript"))


def test_cache_rules_follow_the_path(served):
    server, base = served
    script = next(p.name for p in (server.site / "assets").glob("healthskills.*.js"))
    cases = {
        f"assets/{script}": "public, max-age=31536000, immutable",
        "sw.js": "no-cache",
        "en/lessons/first-lesson/": "no-cache",
        "en/embed/lessons/first-lesson/": "no-cache",
    }
    for path, cache in cases.items():
        status, headers, _ = get(f"{server.url}{base}{path}")
        assert status == 200, path
        assert headers.get("cache-control") == cache, path


def test_every_security_header_on_pages_and_embed_views(served):
    server, base = served
    _, page, body = get(f"{server.url}{base}en/help-near-you/riverton/")
    csp = page["content-security-policy"]
    assert "frame-ancestors 'self'" in csp and "'unsafe-inline'" not in csp
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert page["permissions-policy"] == PERMISSIONS_POLICY
    assert page["referrer-policy"] == "no-referrer"
    assert page["x-content-type-options"] == "nosniff"
    assert page["cross-origin-opener-policy"] == "same-origin"
    # The page carries the same policy (without frame-ancestors) for hosts without headers.
    meta = csp.replace("; frame-ancestors 'self'", "")
    assert f'<meta http-equiv="Content-Security-Policy" content="{meta}">'.encode() in body
    _, embed, _ = get(f"{server.url}{base}en/embed/help-near-you/riverton/")
    assert "frame-ancestors *" in embed["content-security-policy"]
    assert "cross-origin-opener-policy" not in embed
    assert embed["x-content-type-options"] == "nosniff"


def test_types_the_404_page_and_private_server_files(served):
    server, base = served
    picture = next(p.name for p in (server.site / "assets/pictures").glob("*.svg"))
    types = {
        f"assets/pictures/{picture}": "image/svg+xml",
        "en/search/index.json": "application/json",
        "en/embed/help-near-you/riverton/oembed.json": "application/json",
        "en/sitemap.xml": ("application/xml", "text/xml"),
    }
    if base == "/":
        types["en/print/first-guide-en.pdf"] = "application/pdf"
    for path, expected in types.items():
        status, headers, _ = get(f"{server.url}{base}{path}")
        assert status == 200, path
        assert headers["content-type"].split(";")[0] in (
            expected if isinstance(expected, tuple) else (expected,)
        ), path
    status, headers, body = get(f"{server.url}{base}en/no-such-page/")
    assert status == 404
    assert headers["content-type"].startswith("text/html")
    assert b'<meta http-equiv="Content-Security-Policy"' in body and b"404" in body
    for name in ("nginx.conf", "Caddyfile", "_headers"):
        status, _, _ = get(f"{server.url}{base}{name}")
        assert status == 404, name


def test_the_sub_path_site_uses_its_address_everywhere(served):
    server, base = served
    _, _, body = get(f"{server.url}{base}en/sitemap.xml")
    assert f"<loc>https://example.org{base}en/".encode() in body
    _, _, body = get(f"{server.url}{base}en/embed/help-near-you/riverton/oembed.json")
    assert f"https://example.org{base}en/embed/help-near-you/riverton/".encode() in body
    _, _, page = get(f"{server.url}{base}en/lessons/first-lesson/")
    assert (
        f'rel="canonical" href="https://example.org{base}en/lessons/first-lesson/"'.encode() in page
    )
