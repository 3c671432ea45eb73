"""`healthskills serve`: serves the site, rebuilds on change, keeps the last good build."""

import socket
import subprocess
import sys
import time
import urllib.request

from support import edit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(predicate, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_serve_rebuilds_on_change_and_survives_bad_edits(project):
    port = free_port()
    url = f"http://127.0.0.1:{port}/en/lessons/first-lesson/"
    server = subprocess.Popen(
        [sys.executable, "-m", "healthskills", "serve", "--project", str(project.root),
         "--port", str(port)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(lambda: "Open an app" in fetch(url))
        edit(
            project,
            "content/lessons/first-lesson.yaml",
            "title: Open an app",
            "title: Start an app",
        )
        wait_for(lambda: "Start an app" in fetch(url))
        edit(project, "content/lessons/first-lesson.yaml", "minutes: 5", "minutes: many")
        time.sleep(2.5)  # a rebuild is attempted and fails
        assert "Start an app" in fetch(url)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=10)
    assert "[type] minutes" in err and "Still serving the last good build." in err
