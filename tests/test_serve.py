"""`healthskills serve`: serves the site, updates what changed at once, keeps the last good
build when an edit is broken."""

import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from healthskills.serve import Preview
from support import edit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def test_serve_rebuilds_on_change_and_survives_bad_edits(project):
    port = free_port()
    url = f"http://127.0.0.1:{port}/en/lessons/first-lesson/"
    server = subprocess.Popen(
        [sys.executable, "-m", "healthskills", "serve", "--project", str(project.root),
         "--port", str(port)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    said: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [said.put(line) for line in server.stderr], daemon=True).start()

    def wait_for_line(text: str) -> list[str]:
        seen = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            seen.append(said.get(timeout=max(0.1, deadline - time.monotonic())))
            if text in seen[-1]:
                return seen
        raise AssertionError(f"{text!r} not said: {seen}")

    try:
        wait_for_line("Serving on")  # after the first build
        assert "Open an app" in fetch(url)
        # The preview makes no offline packs, and its Read offline page says so.
        offline = fetch(f"http://127.0.0.1:{port}/en/read-offline/")
        assert "does not have the files" in offline and "downloads/" not in offline
        edit(project, "content/lessons/first-lesson.yaml", "title: Open an app",
             "title: Start an app")  # fmt: skip
        assert any("English pages updated" in line for line in wait_for_line("Built"))
        assert "Start an app" in fetch(url)
        edit(project, "content/lessons/first-lesson.yaml", "minutes: 5", "minutes: many")
        lines = wait_for_line("Still serving the last good build.")
        assert any("[type] minutes" in line for line in lines)
        assert "Start an app" in fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_saved_lesson_updates_only_the_pages_it_changes(project, tmp_path):
    site = tmp_path / "site"
    preview = Preview(project, site)
    assert preview.build()
    page = site / "en/lessons/first-lesson/index.html"
    other = site / "en/lessons/second-lesson/index.html"
    before = other.stat().st_mtime_ns
    edit(project, "content/lessons/first-lesson.yaml", "title: Open an app", "title: Start an app")
    seconds = preview.update()
    assert seconds is not None  # the quick way
    assert "Start an app" in page.read_text(encoding="utf-8")
    # The lessons index lists the title, so it changed too; the other lesson did not.
    assert "Start an app" in (site / "en/lessons/index.html").read_text(encoding="utf-8")
    assert other.stat().st_mtime_ns == before
    # The lesson's embed view and the search index are our own files: updated as well.
    assert "Start an app" in (site / "en/embed/lessons/first-lesson/index.html").read_text()
    assert "Start an app" in (site / "en/search/index.json").read_text(encoding="utf-8")


def test_a_change_every_page_shows_takes_the_whole_build(project, tmp_path):
    preview = Preview(project, tmp_path / "site")
    assert preview.build()
    edit(project, "mkdocs.yml", "site_name: Test site", "site_name: Another site")
    assert preview.update() is None
    assert preview.build()
    assert "Another site" in (tmp_path / "site/en/index.html").read_text(encoding="utf-8")
