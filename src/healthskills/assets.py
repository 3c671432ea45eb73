"""Shared static files: pictures and our stylesheet, stored once at the site root with a
content hash in the name, so hosts can cache them for a year and every language reuses them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

from .load import Content


@dataclass(frozen=True)
class Assets:
    files: dict[str, bytes]
    """Site-root relative path → bytes."""
    pictures: dict[str, str]
    """Picture name → site-root relative path."""
    stylesheet: str
    """Site-root relative path of our stylesheet."""


def hashed(path: str, data: bytes) -> str:
    stem, dot, ext = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}{dot}{ext}"


def collect_assets(content: Content) -> Assets:
    files: dict[str, bytes] = {}
    pictures: dict[str, str] = {}
    for name, data in sorted(content.pictures.items()):
        path = hashed(f"assets/pictures/{name}.svg", data)
        pictures[name] = path
        files[path] = data
    css = resources.files("healthskills").joinpath("static/healthskills.css").read_bytes()
    stylesheet = hashed("assets/healthskills.css", css)
    files[stylesheet] = css
    return Assets(files=files, pictures=pictures, stylesheet=stylesheet)
