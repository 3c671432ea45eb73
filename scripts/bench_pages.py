"""Page weight and first paint: our lesson pages against a default mkdocs-material build.

Why: many learners browse on 2G/3G or scarce pay-as-you-go data (see BUDGETS.md). A lesson
page must cost at least 3× fewer bytes and paint at least 2× sooner than a default
mkdocs-material build of the same lesson, and paint within 2.5 s on "Slow 3G" with a 4×
slower CPU. This script measures both sites in the same run, on the same machine, through
the same HTTP server, so the ratio is fair even when the absolute figures drift.

How:
- Ours: the real site, built with healthskills into a temporary folder (or `--site DIR`).
- Default: the same English pages (our renderer's finished HTML bodies, staged the way
  mkdocs_adapter.stage_docs does it) built by mkdocs with `theme: {name: material}` at its
  default settings and `plugins: [search]`; the site's name, description, address,
  copyright and nav are kept, because they are content, not theme settings. It is mounted at
  `/en/` with our `assets/` folder at its root, so pictures resolve exactly as on our site.
- Each site has its own localhost server (same code for both) that honours
  `Accept-Encoding: br`: a precompressed `file.br` when there is one, otherwise brotli
  quality 11 on the fly (cached) for text files. It logs every byte it writes.
- Every load is a fresh browser context (cold cache, no service worker from an earlier
  load) with CDP network throttling (`Network.emulateNetworkConditions`) and CPU throttling
  (`Emulation.setCPUThrottlingRate`, 4× for both profiles). Requests to other hosts (the
  default theme's Google Fonts) are blocked and counted: there is no internet here, and the
  budgets' figure for a default page excludes web fonts. They are blocked by Chromium's
  host resolver, not by Playwright routing: routing makes Playwright turn the HTTP cache
  off (`Network.setCacheDisabled`), and a service worker that keeps the first page "from
  what the browser already downloaded" would then fetch it all again.
- Bytes are what crossed the wire: response headers plus the (brotli) body, from CDP's
  `Network.loadingFinished` and checked against the server's own log. What the page's CDP
  session cannot see comes from the server's log: a request a service worker answered by
  fetching it keeps the page's kind for it; a dedicated worker's or service worker's own
  fetches are kind "worker/sw". The bytes ratio leaves pictures out (they are the same
  files on both sites); the table shows the ratio with them too.
- FCP comes from the paint timeline, LCP from a buffered PerformanceObserver installed
  before navigation. A load ends when nothing is in flight and nothing has happened for
  `--settle` ms, so deferred fetches are counted. The viewport is a phone's (360×740 at 2×).

Run:  .venv/bin/python scripts/bench_pages.py [--runs 5] [--pages a,b,c] [--json out.json]
About 10 minutes with the defaults (3 pages × 2 profiles × 2 sites × 5 runs). Paint times
need a quiet machine: the load average is printed at the end. It prints figures and exits 0;
with `--check` it exits 1 when one of the issue's targets fails.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import json
import logging
import os
import posixpath
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import brotli
import mkdocs
import yaml
from material import __version__ as material_version
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from playwright.sync_api import Browser, Request, sync_playwright

from healthskills.assets import collect_assets
from healthskills.build import build_project
from healthskills.check import check_project
from healthskills.problems import ProblemsFound
from healthskills.project import Project
from healthskills.render.editors import render_status_page
from healthskills.render.site import render_language
from healthskills.report.translations import progress_json

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ("set-up-nhs-app", "book-gp-appointment", "order-repeat-prescription")
CHROMIUM = "/usr/bin/chromium"

# Issue targets (PASS/FAIL, and what --check enforces) and BUDGETS.md budgets (shown too).
BYTES_RATIO_TARGET = 3.0
FCP_RATIO_TARGET = 2.0
FCP_TARGET_MS = 2500.0
RENDER_BLOCKING_BUDGET_KB = 14.0
EXCLUDING_PICTURES_BUDGET_KB = 30.0


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    latency_ms: float
    down_bps: float
    """Bytes per second, as CDP wants them."""
    up_bps: float
    cpu_rate: float

    def describe(self) -> str:
        return (
            f"{self.name}: {self.latency_ms:.0f} ms latency, {self.down_bps:,.0f} B/s down, "
            f"{self.up_bps:,.0f} B/s up, CPU {self.cpu_rate:g}× slower"
        )


PROFILES = {
    "slow3g": Profile("slow3g", "Slow 3G", 2000, 50_000, 50_000, 4),
    "regular2g": Profile("regular2g", "Regular 2G", 300, 32_000, 6_400, 4),
}

SITES = ("ours", "default")
KINDS = ("document", "stylesheet", "script", "image", "font", "fetch/xhr", "other", "worker/sw")
"""Kinds of request, from CDP's resource type; "worker/sw": the fetches of dedicated workers
and service workers themselves, which the page's CDP session does not see (server's log)."""
CDP_KINDS = {
    "Document": "document",
    "Stylesheet": "stylesheet",
    "Script": "script",
    "Image": "image",
    "Font": "font",
    "XHR": "fetch/xhr",
    "Fetch": "fetch/xhr",
}
PICTURE_KINDS = ("image",)


# --- the two sites --------------------------------------------------------------------------


def build_ours(project: Path, out: Path, workers: int | None) -> Path:
    build_project(Project(project), out, workers=workers, cache=False)
    return out


def build_default(project: Path, ours: Path, out: Path) -> dict[str, Any]:
    """A default mkdocs-material build of our English pages into `out/en/`, with a copy of
    our `assets/` (pictures) at `out/`. Returns the mkdocs.yml it used."""
    checked = check_project(Project(project))
    if checked.errors:
        raise ProblemsFound(checked.problems)
    english = checked.localised(checked.languages[0])
    assets = collect_assets(checked.content.pictures)
    pages = render_language(english, assets, checked.settings)
    status = progress_json(checked.progress, checked.languages)
    pages.append(render_status_page(english, assets, checked.languages, status))

    # The same pages as Markdown files with front matter, as a default mkdocs site has them.
    stage = out.parent / f"{out.name}-stage"
    for rel, page in checked.docs.pages.items():
        (stage / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (stage / "docs" / rel).write_text(page.text, encoding="utf-8")
    for page in pages:
        target = stage / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump({"title": page.title, "description": page.description},
                               allow_unicode=True)  # fmt: skip
        body = "\n".join(line for line in page.body.splitlines() if line.strip())
        target.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    settings = checked.settings
    raw = {
        "site_name": settings.site_name,
        "site_description": settings.site_description,
        "copyright": settings.copyright,
        "nav": settings.nav,
        "site_url": settings.site_url,
    }
    config: dict[str, Any] = {
        key: raw[key] for key in ("site_name", "site_description", "copyright", "nav") if raw[key]
    }
    if raw.get("site_url"):
        config["site_url"] = str(raw["site_url"]).rstrip("/") + "/en/"
    config["theme"] = {"name": "material"}
    config["plugins"] = ["search"]
    (stage / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    logger = logging.getLogger("mkdocs")
    saved = logger.level
    logger.setLevel(logging.ERROR)  # the nav leaves a few pages out: mkdocs says so at INFO
    try:
        cfg = load_config(config_file=str(stage / "mkdocs.yml"), site_dir=str(out / "en"))
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    finally:
        logger.setLevel(saved)
    shutil.copytree(ours / "assets", out / "assets")
    return config


# --- the HTTP server ------------------------------------------------------------------------

TEXT_TYPES = {
    "html": "text/html; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "mjs": "text/javascript; charset=utf-8",
    "json": "application/json",
    "map": "application/json",
    "webmanifest": "application/manifest+json",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "txt": "text/plain; charset=utf-8",
}
OTHER_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "ico": "image/x-icon",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "gz": "application/gzip",
    "br": "application/octet-stream",
    "pdf": "application/pdf",
}


@dataclass
class Served:
    """One response, as the server wrote it."""

    path: str
    status: int
    content_type: str
    encoding: str
    """How the body was encoded: `br`/`gzip` from a `.br`/`.gz` file on disk, `br-fly`/
    `gzip-fly` when compressed by this server, `` when sent as it is."""
    header_bytes: int
    body_bytes: int
    start: float
    end: float

    @property
    def wire_bytes(self) -> int:
        return self.header_bytes + self.body_bytes


class _CountingWriter:
    """Wraps the socket writer and counts every byte written to it."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        self.raw.close()

    @property
    def closed(self) -> bool:
        return bool(self.raw.closed)


class SiteServer(http.server.ThreadingHTTPServer):
    """A static file server on localhost that logs what it sends. Same code for both sites."""

    daemon_threads = True

    def __init__(self, root: Path, name: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self.name = name
        self.lock = threading.Lock()
        self.log: list[Served] = []
        self.inflight = 0
        self.last_activity = time.monotonic()
        self.cache: dict[tuple[Path, str], bytes] = {}
        self.checked: dict[Path, bool] = {}
        """Precompressed file → whether it decompresses to its source file."""
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a closed browser context
            super().handle_error(request, client_address)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def mark(self) -> int:
        with self.lock:
            return len(self.log)

    def since(self, mark: int) -> list[Served]:
        with self.lock:
            return list(self.log[mark:])

    def encoded(self, path: Path, encoding: str) -> tuple[bytes, str]:
        """The body for `encoding` (br or gzip): the precompressed file next to `path` when
        there is one, otherwise compressed here at the highest level and cached."""
        suffix = {"br": ".br", "gzip": ".gz"}[encoding]
        pre = path.with_name(path.name + suffix)
        if pre.is_file():
            data = pre.read_bytes()
            if pre not in self.checked:
                source = path.read_bytes()
                try:
                    plain = brotli.decompress(data) if encoding == "br" else gzip.decompress(data)
                except Exception:
                    plain = None
                self.checked[pre] = plain == source
            return data, encoding
        key = (path, encoding)
        with self.lock:
            cached = self.cache.get(key)
        if cached is None:
            source = path.read_bytes()
            if encoding == "br":
                cached = brotli.compress(source, quality=11)
            else:
                cached = gzip.compress(source, compresslevel=9, mtime=0)
            with self.lock:
                self.cache[key] = cached
        return cached, f"{encoding}-fly"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "bench"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        server = self.server
        writer: _CountingWriter = self.wfile  # type: ignore[assignment]
        start_bytes, start = writer.count, time.monotonic()
        with server.lock:
            server.inflight += 1
            server.last_activity = start
        status, headers, how, header_bytes = 500, {}, "", 0
        try:
            status, headers, how, body = self._response()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            header_bytes = writer.count - start_bytes
            if not head:
                self.wfile.write(body)
        finally:
            end = time.monotonic()
            body_bytes = writer.count - start_bytes - header_bytes
            served = Served(
                self.path,
                status,
                headers.get("Content-Type", ""),
                how,
                header_bytes,
                body_bytes,
                start,
                end,
            )
            with server.lock:
                server.inflight -= 1
                server.last_activity = end
                server.log.append(served)

    def _response(self) -> tuple[int, dict[str, str], str, bytes]:
        """Status, headers, how the body was encoded, body."""
        root = self.server.root
        not_found = 404, {"Content-Type": "text/plain; charset=utf-8"}, "", b"Not found\n"
        url_path = urllib.parse.urlsplit(self.path).path
        rel = posixpath.normpath(urllib.parse.unquote(url_path)).lstrip("/")
        target = (root / rel).resolve() if rel not in ("", ".") else root
        if not target.is_relative_to(root) or not target.exists():
            return not_found
        if target.is_dir():
            if not url_path.endswith("/"):
                return 301, {"Location": url_path + "/"}, "", b""
            target = target / "index.html"
            if not target.is_file():
                return not_found
        mtime = int(target.stat().st_mtime)
        modified = {"Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if _not_modified_since(self.headers.get("If-Modified-Since"), mtime):
            return 304, modified, "", b""
        ext = target.suffix.lstrip(".").lower()
        if ext not in TEXT_TYPES:
            content_type = OTHER_TYPES.get(ext, "application/octet-stream")
            return 200, {"Content-Type": content_type, **modified}, "", target.read_bytes()
        headers = {"Content-Type": TEXT_TYPES[ext], "Vary": "Accept-Encoding", **modified}
        accepted = _accepted_encodings(self.headers.get("Accept-Encoding", ""))
        for encoding in ("br", "gzip"):
            if encoding in accepted:
                body, how = self.server.encoded(target, encoding)
                return 200, {**headers, "Content-Encoding": encoding}, how, body
        return 200, headers, "", target.read_bytes()


def _not_modified_since(header: str | None, mtime: int) -> bool:
    try:
        since = email.utils.parsedate_to_datetime(header) if header else None
    except (TypeError, ValueError):
        return False
    return since is not None and mtime <= since.timestamp()


def _accepted_encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header lists, less those refused with q=0."""
    accepted = set()
    for item in header.lower().split(","):
        name, _, params = item.partition(";")
        if name.strip() and not re.fullmatch(r"\s*q=0(\.0*)?\s*", params):
            accepted.add(name.strip())
    return accepted


# --- one page load --------------------------------------------------------------------------

LCP_SCRIPT = """
window.__benchLcp = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__benchLcp.push({time: e.startTime, element: e.element ? e.element.tagName : null,
                              size: e.size, url: e.url || null});
    }
  }).observe({type: "largest-contentful-paint", buffered: true});
} catch (e) {}
"""

READ_METRICS = """() => {
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const lcp = (window.__benchLcp || []).at(-1);
  return {
    fcp: fcp ? fcp.startTime : null,
    lcp: lcp ? lcp.time : null,
    lcp_element: lcp ? lcp.element : null,
    ttfb: nav.responseStart || null,
    load: nav.loadEventEnd || null,
    render_blocking: performance.getEntriesByType("resource")
      .filter((e) => e.renderBlockingStatus === "blocking").map((e) => e.name),
  };
}"""

LOCAL = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?/")
BLOCK_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


@dataclass
class Load:
    site: str
    profile: str
    page: str
    run: int
    fcp_ms: float | None
    lcp_ms: float | None
    load_ms: float | None
    ttfb_ms: float | None
    lcp_element: str | None
    bytes_by_kind: dict[str, int]
    requests_by_kind: dict[str, int]
    render_blocking_bytes: int
    blocked: list[str]
    """Requests to other hosts, failed by the host resolver."""
    checked: int
    """Requests the page's CDP session saw come from the network, checked against the log."""
    not_from_network: int
    """Requests the page saw answered by a service worker or the browser's cache."""
    machine_load: float
    """The machine's 1-minute load average when the load ended."""
    timed_out: bool
    seconds: float
    mismatches: list[str] = field(default_factory=list)
    """Requests whose CDP byte count differs from what the server wrote."""
    served: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.bytes_by_kind.values())

    @property
    def excluding_pictures(self) -> int:
        return self.total - sum(self.bytes_by_kind.get(k, 0) for k in PICTURE_KINDS)

    @property
    def requests(self) -> int:
        return sum(self.requests_by_kind.values())


class _CdpRequests:
    """Network events from the page's CDP session."""

    def __init__(self) -> None:
        self.requests: dict[str, dict[str, Any]] = {}
        self.done: list[dict[str, Any]] = []
        self.last_event = time.monotonic()

    def _get(self, event: dict[str, Any]) -> dict[str, Any]:
        self.last_event = time.monotonic()
        return self.requests.setdefault(event["requestId"], {})

    def will_be_sent(self, event: dict[str, Any]) -> None:
        request = self._get(event)
        redirect = event.get("redirectResponse")
        if redirect and request.get("url"):
            self.done.append(
                {
                    **request,
                    "bytes": redirect.get("encodedDataLength", 0),
                    "status": redirect.get("status"),
                }
            )
        request.update(url=event["request"]["url"], type=event.get("type") or "Other")

    def response(self, event: dict[str, Any]) -> None:
        request = self._get(event)
        response = event["response"]
        request.update(
            type=event.get("type") or request.get("type") or "Other",
            status=response.get("status"),
            from_sw=bool(response.get("fromServiceWorker")),
            from_cache=request.get("from_cache")
            or bool(response.get("fromDiskCache") or response.get("fromPrefetchCache")),
        )

    def from_cache(self, event: dict[str, Any]) -> None:
        self._get(event)["from_cache"] = True

    def finished(self, event: dict[str, Any]) -> None:
        request = self._get(event)
        self.done.append({**request, "bytes": int(event.get("encodedDataLength") or 0)})

    def failed(self, event: dict[str, Any]) -> None:
        request = self._get(event)
        self.done.append({**request, "bytes": 0, "failed": event.get("errorText", "")})


def measure(
    browser: Browser,
    server: SiteServer,
    page_url: str,
    profile: Profile,
    viewport: tuple[int, int],
    settle_ms: float,
    timeout_s: float,
) -> tuple[dict[str, Any], list[Served], _CdpRequests, list[str], bool]:
    """Load one page in a fresh context; return its metrics, what the server sent, the
    CDP requests, the blocked URLs and whether the load timed out."""
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    blocked: list[str] = []
    inflight: set[Request] = set()
    last = [time.monotonic()]

    def started(request: Request) -> None:
        if request.url.startswith(("http:", "https:")):
            inflight.add(request)
        last[0] = time.monotonic()

    def ended(request: Request) -> None:
        inflight.discard(request)
        last[0] = time.monotonic()

    def failed(request: Request) -> None:
        if request.url.startswith(("http:", "https:")) and not LOCAL.match(request.url):
            blocked.append(request.url)
        ended(request)

    try:
        context.add_init_script(LCP_SCRIPT)
        context.on("request", started)
        context.on("requestfinished", ended)
        context.on("requestfailed", failed)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        network = _CdpRequests()
        cdp.on("Network.requestWillBeSent", network.will_be_sent)
        cdp.on("Network.responseReceived", network.response)
        cdp.on("Network.requestServedFromCache", network.from_cache)
        cdp.on("Network.loadingFinished", network.finished)
        cdp.on("Network.loadingFailed", network.failed)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": profile.latency_ms,
                "downloadThroughput": profile.down_bps,
                "uploadThroughput": profile.up_bps,
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_rate})
        mark = server.mark()
        begin = time.monotonic()
        page.goto(page_url, wait_until="load", timeout=timeout_s * 1000)
        timed_out = False
        while True:
            page.wait_for_timeout(100)
            now = time.monotonic()
            quiet = now - max(last[0], network.last_event, server.last_activity)
            if not inflight and not server.inflight and quiet * 1000 >= settle_ms:
                break
            if now - begin > timeout_s:
                timed_out = True
                break
        metrics = page.evaluate(READ_METRICS)
        served = server.since(mark)
        cdp.detach()
    finally:
        context.close()
    return metrics, served, network, blocked, timed_out


def account(
    site: str,
    profile: Profile,
    page: str,
    run: int,
    metrics: dict[str, Any],
    served: list[Served],
    network: _CdpRequests,
    blocked: list[str],
    timed_out: bool,
    seconds: float,
) -> Load:
    """Bytes and requests by kind: CDP's count for what the page saw come from the network,
    checked against the server's log; the server's log for the rest. A request the page's
    service worker answered by fetching it keeps the page's kind for it; the workers' and
    service worker's own fetches (their scripts, anything fetched ahead) are "worker/sw"."""
    by_kind: Counter[str] = Counter()
    count: Counter[str] = Counter()
    unmatched: dict[str, list[Served]] = defaultdict(list)
    for item in served:
        unmatched[item.path].append(item)
    answered_by_sw: dict[str, list[str]] = defaultdict(list)
    mismatches: list[str] = []
    checked = not_from_network = 0
    bytes_by_url: dict[str, int] = {}
    for request in network.done:
        url = request.get("url", "")
        if not LOCAL.match(url) or request.get("failed"):
            continue
        parts = urllib.parse.urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        kind = CDP_KINDS.get(request.get("type", ""), "other")
        if request.get("from_sw") or request.get("from_cache"):
            not_from_network += 1  # what the service worker fetched is in the server's log
            if request.get("from_sw"):
                answered_by_sw[path].append(kind)
            continue
        checked += 1
        if unmatched.get(path):
            item = unmatched[path].pop(0)
            if item.wire_bytes != request["bytes"]:
                mismatches.append(f"{path}: CDP {request['bytes']}, server {item.wire_bytes}")
        else:
            mismatches.append(f"{path}: CDP {request['bytes']}, not in the server's log")
        by_kind[kind] += request["bytes"]
        count[kind] += 1
        bytes_by_url[url.split("#")[0]] = bytes_by_url.get(url.split("#")[0], 0) + request["bytes"]
    for path, items in unmatched.items():
        for item in items:
            kind = answered_by_sw[path].pop(0) if answered_by_sw.get(path) else "worker/sw"
            by_kind[kind] += item.wire_bytes
            count[kind] += 1
    document = next(
        (r["bytes"] for r in network.done if r.get("type") == "Document" and not r.get("failed")),
        0,
    )
    blocking = document + sum(bytes_by_url.get(u, 0) for u in set(metrics["render_blocking"]))
    return Load(
        site=site,
        profile=profile.key,
        page=page,
        run=run,
        fcp_ms=metrics["fcp"],
        lcp_ms=metrics["lcp"],
        load_ms=metrics["load"],
        ttfb_ms=metrics["ttfb"],
        lcp_element=metrics["lcp_element"],
        bytes_by_kind={k: by_kind[k] for k in KINDS},
        requests_by_kind={k: count[k] for k in KINDS},
        render_blocking_bytes=blocking,
        blocked=blocked,
        checked=checked,
        not_from_network=not_from_network,
        machine_load=os.getloadavg()[0],
        timed_out=timed_out,
        seconds=seconds,
        mismatches=mismatches,
        served=[asdict(s) for s in served],
    )


# --- figures --------------------------------------------------------------------------------

PerPage = dict[str, dict[str, dict[str, float | None]]]
"""page → site → figure → median over runs."""


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def page_medians(loads: list[Load]) -> dict[str, float | None]:
    """Median over runs of every figure of one page on one site and profile."""
    figures = {f"bytes.{k}": _median([x.bytes_by_kind[k] for x in loads]) for k in KINDS}
    figures["bytes.total"] = _median([x.total for x in loads])
    figures["bytes.excluding_pictures"] = _median([x.excluding_pictures for x in loads])
    figures["bytes.render_blocking"] = _median([x.render_blocking_bytes for x in loads])
    figures["requests"] = _median([x.requests for x in loads])
    figures["blocked"] = _median([len(x.blocked) for x in loads])
    figures["fcp_ms"] = _median([x.fcp_ms for x in loads])
    figures["lcp_ms"] = _median([x.lcp_ms for x in loads])
    figures["load_ms"] = _median([x.load_ms for x in loads])
    return figures


def _ratio(default: float | None, ours: float | None) -> float | None:
    return None if default is None or ours is None or ours <= 0 else default / ours


def _kb(value: float | None) -> str:
    return "—" if value is None else f"{value / 1000:.1f}"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _n(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def judge(profile: Profile, per_page: PerPage, pages: list[str]) -> list[dict[str, Any]]:
    """The issue's targets (PASS/FAIL, what --check enforces) and BUDGETS.md's budgets
    (shown for information), judged page by page on the medians."""

    def ours(key: str) -> list[float | None]:
        return [per_page[p]["ours"][key] for p in pages]

    def ratio(key: str) -> list[float | None]:
        return [_ratio(per_page[p]["default"][key], per_page[p]["ours"][key]) for p in pages]

    specs: list[tuple[str, bool, list[float | None], Callable[[float], bool]]] = [
        (
            f"≥ {BYTES_RATIO_TARGET:g}× fewer bytes excluding pictures (default/ours)",
            True,
            ratio("bytes.excluding_pictures"),
            lambda v: v >= BYTES_RATIO_TARGET,
        ),
        (
            f"≥ {FCP_RATIO_TARGET:g}× faster first contentful paint (default/ours)",
            True,
            ratio("fcp_ms"),
            lambda v: v >= FCP_RATIO_TARGET,
        ),
        (
            f"our first contentful paint ≤ {FCP_TARGET_MS:.0f} ms",
            True,
            ours("fcp_ms"),
            lambda v: v <= FCP_TARGET_MS,
        ),
        (
            f"budget: our HTML + render-blocking CSS/JS ≤ {RENDER_BLOCKING_BUDGET_KB:g} KB",
            False,
            ours("bytes.render_blocking"),
            lambda v: v <= RENDER_BLOCKING_BUDGET_KB * 1000,
        ),
        (
            f"budget: our page excluding pictures ≤ {EXCLUDING_PICTURES_BUDGET_KB:g} KB",
            False,
            ours("bytes.excluding_pictures"),
            lambda v: v <= EXCLUDING_PICTURES_BUDGET_KB * 1000,
        ),
        (
            "budget: no requests to other hosts (web fonts, third parties) from ours",
            False,
            ours("blocked"),
            lambda v: v == 0,
        ),
    ]
    if profile.key != "slow3g":
        del specs[2]  # the 2.5 s target is for Slow 3G
    results = []
    for name, issue, values, ok in specs:
        passed = sum(v is not None and ok(v) for v in values)
        results.append(
            {
                "target": name,
                "issue_target": issue,
                "values": values,
                "passed": passed,
                "pages": len(values),
                "pass": passed == len(values),
            }
        )
    return results


def summarise(loads: list[Load], profiles: list[Profile], pages: list[str]) -> dict[str, Any]:
    """Per profile: medians over runs per page and site, their mean over pages, verdicts."""
    result: dict[str, Any] = {}
    for profile in profiles:
        per_page: PerPage = {
            page: {
                site: page_medians(
                    [x for x in loads if (x.profile, x.page, x.site) == (profile.key, page, site)]
                )
                for site in SITES
            }
            for page in pages
        }
        keys = per_page[pages[0]]["ours"].keys()
        mean = {s: {k: _mean([per_page[p][s][k] for p in pages]) for k in keys} for s in SITES}
        checks = judge(profile, per_page, pages)
        result[profile.key] = {"per_page": per_page, "mean": mean, "checks": checks}
    return result


ROWS: list[tuple[str, str, Callable[[float | None], str], bool]] = [
    *[(f"{kind} KB", f"bytes.{kind}", _kb, False) for kind in KINDS],
    ("total KB", "bytes.total", _kb, True),
    ("excluding pictures KB", "bytes.excluding_pictures", _kb, True),
    ("HTML + render-blocking KB", "bytes.render_blocking", _kb, True),
    ("requests", "requests", _n, True),
    ("blocked (other hosts)", "blocked", _n, False),
    ("first contentful paint ms", "fcp_ms", _ms, True),
    ("largest contentful paint ms", "lcp_ms", _ms, True),
    ("load event ms", "load_ms", _ms, True),
]
"""Table rows: label, figure, format, whether to show default/ours."""


def print_tables(
    summary: dict[str, Any], profiles: list[Profile], pages: list[str], runs: int
) -> None:
    for profile in profiles:
        data = summary[profile.key]
        ours, default = data["mean"]["ours"], data["mean"]["default"]
        print(f"\n{profile.describe()}")
        print(f"  median of {runs} run(s) per page, then the mean over {len(pages)} page(s)")
        print(f"  {'':30} {'ours':>9} {'default':>9} {'default/ours':>13}")
        for label, key, fmt, ratio in ROWS:
            shown = _x(_ratio(default[key], ours[key])) if ratio else ""
            print(f"  {label:30} {fmt(ours[key]):>9} {fmt(default[key]):>9} {shown:>13}")
        print(
            f"\n  {'per page: median':30} {'KB excluding pictures':>24} {'FCP ms':>22}"
            f" {'LCP ms':>16}"
        )
        print(
            f"  {'':30} {'ours':>7} {'default':>8} {'ratio':>7} {'ours':>6} {'default':>7}"
            f" {'ratio':>7} {'ours':>7} {'default':>8}"
        )
        for page in pages:
            o, d = data["per_page"][page]["ours"], data["per_page"][page]["default"]
            kb, fcp = "bytes.excluding_pictures", "fcp_ms"
            print(
                f"  {page:30} {_kb(o[kb]):>7} {_kb(d[kb]):>8} {_x(_ratio(d[kb], o[kb])):>7}"
                f" {_ms(o[fcp]):>6} {_ms(d[fcp]):>7} {_x(_ratio(d[fcp], o[fcp])):>7}"
                f" {_ms(o['lcp_ms']):>7} {_ms(d['lcp_ms']):>8}"
            )
        print()
        for item in data["checks"]:
            verdict = ("PASS" if item["pass"] else "FAIL") + ("" if item["issue_target"] else "*")
            print(f"  {verdict:5} {item['target']}: {item['passed']}/{item['pages']} pages")
    print("\n  * a BUDGETS.md budget, shown for information; --check enforces the issue's targets")


# --- main -----------------------------------------------------------------------------------


def _chromium_args() -> list[str]:
    """The flags every healthskills Chromium runs with (background networking off)."""
    from healthskills.chromium import ARGS

    return [*ARGS, BLOCK_OTHER_HOSTS]


def _pages(value: str) -> list[str]:
    pages = [p.strip().strip("/") for p in value.split(",") if p.strip()]
    if not pages:
        raise argparse.ArgumentTypeError("give at least one lesson id")
    return pages


def _profiles(value: str) -> list[Profile]:
    unknown = [k for k in value.split(",") if k not in PROFILES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {unknown}; choose from {', '.join(PROFILES)}")
    return [PROFILES[k] for k in value.split(",")]


def _viewport(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)x(\d+)", value)
    if not match:
        raise argparse.ArgumentTypeError("expected WIDTHxHEIGHT, such as 360x740")
    return int(match.group(1)), int(match.group(2))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Bytes, requests and paint times of lesson pages: ours against a default "
        "mkdocs-material build of the same content, under CDP network and CPU throttling.",
    )
    add = parser.add_argument
    add("--project", type=Path, default=REPO, help="project folder (default: %(default)s)")
    add("--site", type=Path, help="an existing build of our site (default: build one now)")
    add(
        "--pages",
        type=_pages,
        default=",".join(DEFAULT_PAGES),
        help="comma-separated lesson ids (default: %(default)s)",
    )
    add("--runs", type=int, default=5, help="loads per page, site and profile (default: 5)")
    add(
        "--profiles",
        type=_profiles,
        default=",".join(PROFILES),
        help=f"comma-separated, from {', '.join(PROFILES)} (default: both)",
    )
    add(
        "--viewport",
        type=_viewport,
        default=(360, 740),
        help="WIDTHxHEIGHT of a phone in CSS pixels, at 2× (default: 360x740)",
    )
    add(
        "--settle",
        type=float,
        default=2000,
        help="ms with nothing in flight or happening that ends a load (default: 2000)",
    )
    add("--timeout", type=float, default=90, help="seconds per load (default: 90)")
    add("--workers", type=int, help="build processes for our site (default: one per core)")
    add("--chromium", default=CHROMIUM, help="browser binary (default: %(default)s)")
    add("--json", type=Path, help="write every figure, and every request, to this file")
    add("--keep", action="store_true", help="keep the built sites and print where they are")
    add("--check", action="store_true", help="exit 1 when one of the issue's targets fails")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def prepare(args: argparse.Namespace, work: Path) -> tuple[dict[str, Path], dict[str, Any]]:
    """Both sites' folders, and the mkdocs.yml of the default build."""
    project = args.project.resolve()
    if args.site:
        ours = args.site.resolve()
    else:
        print(f"building our site from {project} …", file=sys.stderr)
        ours = build_ours(project, work / "ours", args.workers)
    print("building the default mkdocs-material site …", file=sys.stderr)
    config = build_default(project, ours, work / "default")
    sites = {"ours": ours, "default": work / "default"}
    for page in args.pages:
        for site, root in sites.items():
            if not (root / "en" / "lessons" / page / "index.html").is_file():
                raise SystemExit(f"{site}: no page en/lessons/{page}/ in {root}")
    return sites, config


def run_loads(args: argparse.Namespace, servers: dict[str, SiteServer]) -> tuple[list[Load], str]:
    """Every measured load, interleaved (run, profile, page, site) so that drift in the
    machine's speed falls on both sites alike; and the browser's version."""
    loads: list[Load] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=_chromium_args())
        unthrottled = Profile("none", "none", 0, -1, -1, 1)
        print("warming up (fills the servers' compression caches) …", file=sys.stderr)
        for page in args.pages:
            for server in servers.values():
                url = f"{server.url}en/lessons/{page}/"
                measure(browser, server, url, unthrottled, args.viewport, 500, args.timeout)
        total = len(args.pages) * len(args.profiles) * args.runs * len(servers)
        for run in range(1, args.runs + 1):
            for profile in args.profiles:
                for page in args.pages:
                    for site, server in servers.items():
                        url = f"{server.url}en/lessons/{page}/"
                        start = time.monotonic()
                        found = measure(
                            browser, server, url, profile, args.viewport, args.settle, args.timeout
                        )
                        load = account(
                            site, profile, page, run, *found, seconds=time.monotonic() - start
                        )
                        loads.append(load)
                        print(
                            f"[{len(loads)}/{total}] {profile.name}, {page}, {site}, run {run}: "
                            f"{_kb(load.excluding_pictures)} KB excluding pictures, "
                            f"FCP {_ms(load.fcp_ms)} ms, LCP {_ms(load.lcp_ms)} ms "
                            f"({load.seconds:.1f} s{', TIMED OUT' if load.timed_out else ''})",
                            file=sys.stderr,
                        )
        version = browser.version
        browser.close()
    return loads, version


def print_notes(loads: list[Load], servers: dict[str, SiteServer], timeout: float) -> None:
    """What was blocked, and the checks that make the figures trustworthy."""
    for site in servers:
        hosts = Counter(
            urllib.parse.urlsplit(url).hostname
            for x in loads
            if x.site == site
            for url in x.blocked
        )
        listed = ", ".join(f"{h} ×{n}" for h, n in hosts.most_common()) or "none"
        print(f"Requests to other hosts, blocked ({site}): {listed}")
    if any(x.blocked for x in loads):
        print(
            "  Web fonts were blocked: there is no internet here, and the budgets' ~69 KB for a"
            " default page excludes fonts. In real use the default theme's Google Fonts"
            " stylesheet is render-blocking, so the default's paint times here are optimistic."
        )
    mismatches = [m for x in loads for m in x.mismatches]
    seen = sum(x.checked for x in loads)
    print(
        f"Byte check: CDP's byte count equals what the server wrote for "
        f"{seen - len(mismatches)}/{seen} requests the page saw."
    )
    for line in mismatches[:10]:
        print(f"  mismatch: {line}")
    unseen = sum(x.requests_by_kind["worker/sw"] for x in loads)
    not_from_network = sum(x.not_from_network for x in loads)
    print(
        f"Requests only the server saw (a worker's or service worker's own fetches): {unseen};"
        f" page requests answered by a service worker or the cache: {not_from_network}."
    )
    encodings = Counter(
        (site, s.encoding or "identity")
        for site, server in servers.items()
        for s in server.log
        if s.status == 200
    )
    print(
        "Bodies served (status 200, warm-up included): "
        + ", ".join(f"{site} {how} ×{n}" for (site, how), n in sorted(encodings.items()))
    )
    stale = sorted(str(p) for s in servers.values() for p, ok in s.checked.items() if not ok)
    for path in stale:
        print(f"WARNING: {path} does not decompress to its source file (served anyway).")
    timeouts = sum(x.timed_out for x in loads)
    if timeouts:
        print(f"WARNING: {timeouts} load(s) hit the {timeout:g} s timeout.")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="healthskills-bench-"))
    servers: dict[str, SiteServer] = {}
    try:
        sites, default_config = prepare(args, work)
        servers = {site: SiteServer(root, site) for site, root in sites.items()}
        loads, chromium = run_loads(args, servers)
        summary = summarise(loads, args.profiles, args.pages)

        kept = ", ".join(k for k in default_config if k not in ("theme", "plugins"))
        print(
            f"\nLesson pages, first view, cold cache: Chromium {chromium}, "
            f"{args.viewport[0]}×{args.viewport[1]} CSS px at 2×, mobile"
        )
        print(f"  ours:    {sites['ours']}")
        print(
            f"  default: mkdocs {mkdocs.__version__}, mkdocs-material {material_version} with"
            f" default theme settings, plugins: [search]; kept from mkdocs.yml: {kept}"
        )
        print(f"  pages:   {', '.join(args.pages)}")
        print(
            "  KB = 1000 bytes on the wire: response headers + body; text files in brotli"
            " (a precompressed .br when there is one, else quality 11)"
        )
        print_tables(summary, args.profiles, args.pages, args.runs)
        print()
        print_notes(loads, servers, args.timeout)
        cores, busiest = os.cpu_count() or 1, max(x.machine_load for x in loads)
        busy = ": busier than its cores, so paint times are noisier" if busiest > cores else ""
        print(
            f"Machine: {cores} cores; 1-minute load average after each load: median "
            f"{statistics.median(x.machine_load for x in loads):.1f}, highest {busiest:.1f}{busy}."
        )
        print(f"Wall time: {time.monotonic() - began:.0f} s.")

        if args.json:
            figures = {
                "chromium": chromium,
                "mkdocs": mkdocs.__version__,
                "mkdocs_material": material_version,
                "viewport": args.viewport,
                "profiles": [asdict(p) for p in args.profiles],
                "pages": args.pages,
                "runs": args.runs,
                "settle_ms": args.settle,
                "default_mkdocs_yml": default_config,
                "summary": summary,
                "loads": [
                    {
                        **asdict(x),
                        "total": x.total,
                        "requests": x.requests,
                        "excluding_pictures": x.excluding_pictures,
                    }
                    for x in loads
                ],
            }
            args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), "utf-8")
            print(f"Figures written to {args.json}.")
        checks = [c for s in summary.values() for c in s["checks"] if c["issue_target"]]
        return 1 if args.check and not all(c["pass"] for c in checks) else 0
    finally:
        for server in servers.values():
            server.stop()
        if args.keep:
            print(f"Built sites kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
