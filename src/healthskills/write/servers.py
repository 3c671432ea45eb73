"""Server settings written with every build, so a charity or NHS trust hosting its own copy
does not have to translate prose into configuration (and get a header wrong):

- `_headers`, read by Netlify and Cloudflare Pages from the site folder;
- `nginx.conf`, a server block for Debian's nginx with `libnginx-mod-http-brotli-static`;
- `Caddyfile`, for Caddy.

All three say the same thing: precompressed `.br` and `.gz` copies sent as such, the cache
rules the speed budgets assume (hashed assets kept for a year, pages and the service worker
checked every time), the Content Security Policy of full pages and of embed views
(render/policy.py), the other security headers, the right types, and the site's 404 page.
They follow the site's address: a site at `https://example.org/health/` gets every path
under `/health/`. tests/write/test_servers.py runs the nginx and Caddy files in the real
servers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..render.policy import PERMISSIONS_POLICY, Policy
from ..settings import ProjectSettings

SITE_ROOT = "/var/www/healthskills"
"""Where the server files expect the built site (the `site/` folder's contents). Change it in
the file to where you put the site."""

IMMUTABLE = "public, max-age=31536000, immutable"
"""Assets have the hash of their content in their name: a new version is a new name."""
REVALIDATE = "no-cache"
"""Pages and the service worker: kept, but checked with the server every time, so readers
always get the latest review (a 304 costs a few bytes)."""

SERVER_FILES = ("_headers", "nginx.conf", "Caddyfile")


def base_path(settings: ProjectSettings) -> str:
    """The path the site lives under: `/`, or `/health/` for `https://example.org/health/`."""
    path = urlsplit(settings.site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def common_headers() -> list[tuple[str, str]]:
    return [
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
    ]


def page_headers(page: Policy) -> list[tuple[str, str]]:
    """Full pages: their policy (framed by the site only) and their own browsing context."""
    return [
        ("Content-Security-Policy", page.header),
        *common_headers(),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]


def embed_headers(embed: Policy) -> list[tuple[str, str]]:
    """Embed views: framed by anyone. No Cross-Origin-Opener-Policy: it would cut the
    link between a host page and the full page its reader opens from the frame."""
    return [("Content-Security-Policy", embed.header), *common_headers()]


def server_files(settings: ProjectSettings, page: Policy, embed: Policy) -> dict[str, bytes]:
    base = base_path(settings)
    return {
        "_headers": headers_file(base, page, embed).encode("utf-8"),
        "nginx.conf": nginx_conf(base, page, embed).encode("utf-8"),
        "Caddyfile": caddyfile(base, page, embed).encode("utf-8"),
    }


def headers_file(base: str, page: Policy, embed: Policy) -> str:
    """Netlify and Cloudflare Pages. Both join the values of a header set by two matching
    rules, and two joined policies would both apply: `! Content-Security-Policy` (read by
    Cloudflare) detaches the pages' policy from embed views; on Netlify, give embed views
    their own rule in netlify.toml (docs/charities.md)."""

    def block(path: str, headers: list[tuple[str, str]]) -> str:
        return path + "\n" + "".join(f"  {name}: {value}\n" for name, value in headers)

    detach = [("! Content-Security-Policy", ""), ("! Cross-Origin-Opener-Policy", "")]
    embeds = [*detach, ("Content-Security-Policy", embed.header)]
    text = (
        "# Written by healthskills with every build: cache and security headers in the format\n"
        "# Netlify and Cloudflare Pages read from the site folder. nginx.conf and Caddyfile\n"
        "# beside it say the same for those servers (docs/charities.md). Both hosts already\n"
        "# send pages as no-cache.\n"
        + block(f"{base}*", page_headers(page))
        + block(f"{base}assets/*", [("Cache-Control", IMMUTABLE)])
        + block(f"{base}sw.js", [("Cache-Control", REVALIDATE)])
        + block(f"{base}:lang/embed/*", embeds)
    )
    return text.replace(": \n", "\n")


def _nginx_headers(headers: list[tuple[str, str]], cache: str) -> str:
    lines = [f'        add_header {name} "{value}" always;' for name, value in headers]
    lines.append(f'        add_header Cache-Control "{cache}" always;')
    return "\n".join(lines)


def nginx_conf(base: str, page: Policy, embed: Policy) -> str:
    """A server block for the `http` context. nginx does not inherit `add_header` into a
    location that has its own, so each location says every header it sends."""
    pages, embeds = page_headers(page), embed_headers(embed)
    return f"""# Written by healthskills with every build: an nginx server block for this site.
# Debian: apt-get install nginx libnginx-mod-http-brotli-static, copy this file to
# /etc/nginx/sites-enabled/, and put the site folder's contents in {SITE_ROOT}{base}
# (or change `root` below). Check it with `nginx -t`, then `systemctl reload nginx`.
# Add `listen 443 ssl;` and your certificate for HTTPS: offline reading needs it.
server {{
    listen 80;
    listen [::]:80;
    server_name _;
    root {SITE_ROOT};
    charset utf-8;
    server_tokens off;

    # Send the .br or .gz copy the build made when the browser accepts it.
    brotli_static on;
    gzip_static on;
    gzip_vary on;

    types {{
        text/html html;
        text/css css;
        text/javascript js;
        application/json json;
        application/xml xml;
        image/svg+xml svg;
        application/pdf pdf;
        application/manifest+json webmanifest;
        text/plain txt;
    }}
    default_type application/octet-stream;

    error_page 404 {base}en/404.html;

    # The server settings are not part of the site.
    location ~ ^{base}(_headers|nginx\\.conf|Caddyfile)$ {{
        return 404;
    }}

    location {base}assets/ {{
{_nginx_headers(pages, IMMUTABLE)}
    }}

    location = {base}sw.js {{
{_nginx_headers(pages, REVALIDATE)}
    }}

    location ~ ^{base}[^/]+/embed/ {{
{_nginx_headers(embeds, REVALIDATE)}
    }}

    location {base} {{
        try_files $uri $uri/ =404;
{_nginx_headers(pages, REVALIDATE)}
    }}
}}
"""


def _caddy_headers(headers: list[tuple[str, str]], cache: str) -> str:
    lines = [f'\t\t{name} "{value}"' for name, value in headers]
    lines.append(f'\t\tCache-Control "{cache}"')
    return "\n".join(lines)


def caddyfile(base: str, page: Policy, embed: Policy) -> str:
    """Caddy 2: three path matchers that do not overlap, each with every header it sends."""
    pages, embeds = page_headers(page), embed_headers(embed)
    return f"""# Written by healthskills with every build: a Caddyfile for this site.
# Debian: apt-get install caddy, put the site folder's contents in {SITE_ROOT}{base}
# (or change `root` below), replace `:80` with your domain name (Caddy then gets an HTTPS
# certificate by itself), and run `caddy run --config Caddyfile`.
{{
\tadmin off
}}

:80 {{
\troot * {SITE_ROOT}
\t@settings path_regexp settings ^{base}(_headers|nginx\\.conf|Caddyfile)$
\trespond @settings 404

\t@assets path {base}assets/*
\t@embed path_regexp embed ^{base}[^/]+/embed/
\t@pages {{
\t\tnot path {base}assets/*
\t\tnot path_regexp ^{base}[^/]+/embed/
\t}}
\theader @assets {{
{_caddy_headers(pages, IMMUTABLE)}
\t}}
\theader @embed {{
{_caddy_headers(embeds, REVALIDATE)}
\t}}
\theader @pages {{
{_caddy_headers(pages, REVALIDATE)}
\t}}
\tfile_server {{
\t\tprecompressed br gzip
\t}}
\thandle_errors {{
\t\t@missing expression {{err.status_code}} == 404
\t\thandle @missing {{
\t\t\trewrite * {base}en/404.html
\t\t\tfile_server {{
\t\t\t\tprecompressed br gzip
\t\t\t}}
\t\t}}
\t}}
}}
"""
