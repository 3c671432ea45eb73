"""`healthskills serve`: build, serve on localhost, and rebuild when a source file changes.

Our own small loop rather than `mkdocs serve`, because a site is several mkdocs builds (one
per language) plus our own files; it reuses `build_site`, so a broken edit keeps the last
good site on screen and prints the problems.
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path

from .build import build_project
from .problems import ProblemsFound, summarise
from .project import Project

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


def _rebuild(project: Project, site: Path) -> bool:
    try:
        result = build_project(project, site)
    except ProblemsFound as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        print(summarise(exc.problems) + " Still serving the last good build.", file=sys.stderr)
        return False
    print(f"Built {result.pages} pages.", file=sys.stderr)
    return True


def serve(project: Project, host: str, port: int, interval: float = 1.0) -> int:
    with tempfile.TemporaryDirectory(prefix="healthskills-serve-") as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        _rebuild(project, site)
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
                if now != last:
                    last = now
                    _rebuild(project, site)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0
