"""Shared by the browser suite: the real site built once per run, its page list, and
the run's report file."""

from __future__ import annotations

import datetime
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


FULL_SWEEP = "HEALTHSKILLS_FULL_SWEEP"
"""Set (by `make test-full`) to visit every page of every language."""
SWEEP_SEED = "HEALTHSKILLS_SWEEP_SEED"
"""Which rotating sample to take; by default, the week of the year, so the sample moves on
each week and a failure can be repeated all week by every developer."""
PER_LANGUAGE = 6
"""Pages of each other language visited in the everyday sweep: its home page and lessons
page, and this many more, less two, in rotation."""


def sweep(pages: list[str]) -> list[str]:
    """The pages the every-page sweep visits. `make test` visits every English page and, in
    every other language (right-to-left ones included, always), its home page, its lessons
    page and a rotating sample of the rest: the languages share templates, so a fault in
    one page of a language almost always shows in every language's same page, and the
    sample finds per-language faults (a translation that breaks a layout) week by week.
    `make test-full` visits them all."""
    if os.environ.get(FULL_SWEEP):
        return pages
    seed = int(os.environ.get(SWEEP_SEED) or datetime.date.today().isocalendar().week)
    by_language: dict[str, list[str]] = {}
    for page in pages:
        by_language.setdefault(page.split("/", 1)[0] if "/" in page else "", []).append(page)
    chosen = []
    for lang, own in sorted(by_language.items()):
        if lang in ("", "en"):
            chosen += own
            continue
        always = [p for p in own if p in (f"{lang}/", f"{lang}/lessons/")]
        rest = [p for p in own if p not in always]
        start = (seed * (PER_LANGUAGE - 2) + sum(map(ord, lang))) % max(1, len(rest))
        picked = (rest[start:] + rest[:start])[: PER_LANGUAGE - 2]
        chosen += always + picked
    return [p for p in pages if p in set(chosen)]


def record(kind: str, **data: object) -> None:
    """Append one line to the run's report (read by the summary at the end)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with (ARTIFACTS / f"report-{worker}.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"kind": kind, **data}) + "\n")
