"""Headless Chromium: the engine that prints our PDFs, and the browser the tests drive.

One engine for both means what the tests check (print layout, Arabic and Urdu shaping with
the system's Noto fonts) is what champions get on paper. Playwright cannot download its own
browser on the machines we build on, so we use the system's (Debian's `chromium`), with the
features that would phone home switched off.
"""

from __future__ import annotations

import os
import shutil

ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
"""Flags for every launch: no background requests to Google's hosts, no first-run setup."""

NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")

INSTALL_HINT = (
    "run `make site`, which installs Debian's chromium and Noto fonts "
    "(or `sudo apt-get install chromium fonts-noto-core`), set HEALTHSKILLS_CHROMIUM to "
    "a Chromium or Chrome binary, or build without PDFs: `healthskills build --no-pdf`."
)


def find_chromium() -> str | None:
    """The browser binary: $HEALTHSKILLS_CHROMIUM if set, else the first on the PATH."""
    explicit = os.environ.get("HEALTHSKILLS_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None
