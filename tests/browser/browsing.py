"""Shared by the browser suite: the real site built once per process, its page list, and
the run's report file."""

from __future__ import annotations

import atexit
import functools
import http.server
import json
import os
import shutil
import tempfile
from pathlib import Path

from healthskills.build import build_site
from healthskills.load import Project

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without logging every request to the terminal."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.cache
def built_site_path() -> Path:
    """Build the real site once per process (xdist workers each build their own: ~1 s)."""
    root = Path(tempfile.mkdtemp(prefix="healthskills-browser-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    build_site(Project(REPO), root / "site")
    return root / "site"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of every language, as site-relative URLs."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/") or "/search/" in rel:
            continue
        pages.append(rel.removesuffix("index.html"))
    return pages


def record(kind: str, **data: object) -> None:
    """Append one line to the run's report (read by the summary at the end)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with (ARTIFACTS / f"report-{worker}.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"kind": kind, **data}) + "\n")
