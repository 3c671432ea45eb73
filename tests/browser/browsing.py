"""Shared by the browser suite: the real site built once per run, its page list, and
the run's report file."""

from __future__ import annotations

import http.server
import json
import os
from pathlib import Path

from healthskills.print.chromium import ARGS
from support import real_site

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM_ARGS = ARGS


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without logging every request to the terminal."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def built_site_path() -> Path:
    """The real site with its PDFs, built once for the whole run (support.real_site)."""
    return real_site()


def site_pages(site: Path) -> list[str]:
    """Every HTML page of every language, as site-relative URLs (without the embed views)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/") or "/search/" in rel or "/embed/" in rel:
            continue  # embed views are visited inside a host page (test_embed.py)
        pages.append(rel.removesuffix("index.html"))
    return pages


def record(kind: str, **data: object) -> None:
    """Append one line to the run's report (read by the summary at the end)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with (ARTIFACTS / f"report-{worker}.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"kind": kind, **data}) + "\n")
