"""PDFs already printed, kept by the hash of the document they were printed from.

A printed document carries everything it shows (stylesheets and pictures inlined), so its
HTML and the browser that prints it decide the PDF. A build that finds a document's hash
here reuses the PDF instead of printing it again, and starts no browser at all when every
document is found: a second build with nothing changed takes seconds, not a minute.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


class PrintCache:
    """PDFs by the hash of (browser, document HTML), in `folder` (None: remember nothing)."""

    def __init__(self, folder: Path | None, browser: str) -> None:
        self.folder = folder
        self.browser = _identity(browser)
        self.hits = 0
        self.misses = 0

    def _path(self, html: str) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(f"{self.browser}\n{html}".encode()).hexdigest()
        return self.folder / digest[:2] / f"{digest}.pdf"

    def get(self, html: str) -> bytes | None:
        path = self._path(html)
        if path is not None and path.is_file():
            self.hits += 1
            return path.read_bytes()
        self.misses += 1
        return None

    def put(self, html: str, pdf: bytes) -> None:
        path = self._path(html)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(pdf)
        partial.replace(path)  # whole or not at all, even with two builds at once


def _identity(browser: str) -> str:
    """The browser binary, as far as it changes what it prints: its path, size and time.
    A new Chromium release prints anew."""
    try:
        stat = Path(browser).stat()
    except OSError:
        return browser
    return f"{browser}:{stat.st_size}:{int(stat.st_mtime)}"
