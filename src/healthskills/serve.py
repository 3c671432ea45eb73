"""`healthskills serve`: build, serve on localhost, and bring the preview up to date when a
source file changes.

An author who saves a lesson wants to see it at once. A whole build (every language, every
page, link checks) takes many seconds, so an update comes in two parts:

1. quick: check the project, render the author's language (English) again, and rebuild
   only the pages whose output changed, straight into the served folder, with the embed
   views and search index that changed beside them;
2. whole: then build every language as `healthskills build` does (without PDFs), reusing
   everything the cache already has, and swap it in. This also checks every link.

A broken edit keeps the last good site on screen and prints the problems.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from .assets import collect_assets
from .build import build_site, language_job
from .check import CheckedProject, check_project
from .problems import Problem, ProblemsFound, summarise
from .project import Project
from .write.engine import LanguageJob, build_language

WATCHED = ("content", "docs", "translations", "mkdocs.yml")


def snapshot(project: Project) -> dict[str, float]:
    """Modification times of every watched file: cheap enough to poll each second."""
    seen: dict[str, float] = {}
    for name in WATCHED:
        base = project.root / name
        paths = [base] if base.is_file() else base.rglob("*") if base.is_dir() else []
        for path in paths:
            if path.is_file():
                seen[str(path)] = path.stat().st_mtime
    return seen


def _digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


class Preview:
    """The served site, and what it was last built from, page by page."""

    def __init__(self, project: Project, site: Path, engine: str = "mkdocs") -> None:
        self.project = project
        self.site = site
        self.engine = engine
        self.pages: dict[str, str] = {}
        """English page path → digest of what the engine was given for it."""
        self.files: dict[str, str] = {}
        """English own file (embed view, search index) → digest."""
        self.frame = ""
        """Digest of what every English page shares (settings, menu, hand-written pages,
        theme strings): when it changes, a quick update cannot be partial."""

    def _check(self) -> CheckedProject | None:
        checked = check_project(self.project, engine=self.engine)
        if checked.errors:
            _report(checked.problems, "Still serving the last good build.")
            return None
        return checked

    def _english(self, checked: CheckedProject) -> tuple[LanguageJob, dict[str, bytes]]:
        english = checked.localised(checked.languages[0])
        assets = collect_assets(checked.content.pictures, checked.settings.organisation)
        job, files = language_job(checked, english, assets, {})
        return replace(job, out_dir=self.site / english.language.code), files

    def _remember(self, job: LanguageJob, files: dict[str, bytes]) -> None:
        self.pages = {page.path: _digest(repr(page)) for page in job.pages}
        self.files = {rel: _digest(data) for rel, data in files.items()}
        self.frame = _digest(repr((job.config, job.docs, job.theme_strings, job.extra)))

    def build(self) -> bool:
        """The whole site, as `healthskills build` makes it without PDFs."""
        checked = self._check()
        if checked is None:
            return False
        try:
            result = build_site(checked, self.site)
        except ProblemsFound as exc:
            _report(exc.problems, "Still serving the last good build.")
            return False
        self._remember(*self._english(checked))
        print(f"Built {result.pages} pages.", file=sys.stderr)
        return True

    def update(self) -> float | None:
        """The quick update of English; the seconds it took, or None when it could not be
        quick (the next whole build does it all)."""
        started = time.perf_counter()
        checked = self._check()
        if checked is None:
            return None
        job, files = self._english(checked)
        frame = _digest(repr((job.config, job.docs, job.theme_strings, job.extra)))
        if frame != self.frame or job.config.nav is None:
            return None  # every page may change, or the menu lists every page
        changed = frozenset(
            page.path for page in job.pages if self.pages.get(page.path) != _digest(repr(page))
        )
        if changed and build_language(replace(job, only=changed)):
            return None  # the whole build reports the problem
        for rel, data in files.items():
            if self.files.get(rel) != _digest(data):
                target = self.site / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        self._remember(job, files)
        return time.perf_counter() - started


def _report(problems: list[Problem], then: str) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    print(f"{summarise(problems)} {then}", file=sys.stderr)


def serve(project: Project, host: str, port: int, interval: float = 1.0) -> int:
    with tempfile.TemporaryDirectory(prefix="healthskills-serve-") as tmp:
        site = Path(tmp) / "site"
        preview = Preview(project, site)
        preview.build()
        site.mkdir(exist_ok=True)
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer((host, port), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        print(f"Serving on http://{host}:{server.server_port}/ (Ctrl+C to stop)", file=sys.stderr)
        last = snapshot(project)
        try:
            while True:
                time.sleep(interval)
                now = snapshot(project)
                if now == last:
                    continue
                last = now
                quick = preview.update()
                if quick is not None:
                    print(f"English pages updated in {quick:.1f} s.", file=sys.stderr)
                preview.build()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0
