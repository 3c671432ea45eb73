"""Offline packs: each language's pages in one ZIM file, for Kiwix.

Some readers have no usable internet where they are (hostels, removal centres, prisons,
Traveller sites, outreach vans), and the service worker only helps someone who was online
first. Kiwix reads ZIM files on Android, iPhone, computers and Wi-Fi hotspots, and is what
such places already use for Wikipedia and medical content.

A pack is made from the finished site (zim_pages.py says what goes in and how its pages
change), with libzim's full-text index in the pack's language, the metadata Kiwix shows
in its library, and a 48×48 picture drawn from the site's own. Packs are kept in the build
cache by the hash of everything in them: libzim gives every archive a new UUID (and its
Xapian indexes their own), so the same pages made twice differ in a few bytes, and a
champion's copy should not look changed when nothing in it did.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..pages import SEARCH_INDEX, read_offline_url, zim_path
from .zim_pages import PackPage, pack_pages, rewrite

ZIM_MIME = "application/x-zim"
_MIMES = {
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml",
    ".png": "image/png", ".json": "application/json", ".pdf": "application/pdf",
}  # fmt: skip
_FORMAT = 1
"""Bump when packs made from the same pages would come out different."""


@dataclass(frozen=True)
class ZimPack:
    """One language's pack, as the build asks for it."""

    lang: str
    metadata: dict[str, str]
    """Name, Title, Description, Language (ISO 639-3), Creator, Publisher, Date, Tags…"""
    needs_internet: str
    """What a link leaving the pack says, in the pack's language."""
    site_url: str
    """Where the pages the pack does not hold are online."""
    illustration: bytes
    """48×48 PNG."""
    extra: tuple[str, ...] = field(default=())
    """Other site files to carry (site-root relative), such as the language's PDFs."""


def png_illustration(svg: bytes, size: int = 48) -> bytes:
    """The site's picture (its organisation's logo, or the favicon) as the square PNG
    Kiwix shows beside a pack in its library. Drawn by resvg, without system fonts, so
    the same picture gives the same bytes on every machine."""
    import resvg_py

    png = resvg_py.svg_to_bytes(
        svg_string=svg.decode("utf-8"), width=size, height=size, skip_system_fonts=True
    )
    return bytes(png)


def make_zims(site: Path, packs: list[ZimPack], cache: Path | None) -> dict[str, int]:
    """Write every pack into `site` (at `pages.zim_path`); returns each file's size by
    language. Raises ValueError when a page loads a file the site does not have."""
    sizes = {}
    for pack in packs:
        target = site / zim_path(pack.lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        entries = _entries(site, pack)
        digest = _digest(pack, entries)
        kept = cache / f"{digest}.zim" if cache is not None else None
        if kept is not None and kept.is_file():
            os.utime(kept)  # used: kept by `swap.prune`
            shutil.copyfile(kept, target)
        else:
            _write(target, pack, entries)
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                partial = kept.with_name(f"{digest}.{os.getpid()}.part")
                shutil.copyfile(target, partial)
                partial.replace(kept)
        sizes[pack.lang] = target.stat().st_size
    return sizes


@dataclass(frozen=True)
class _Entry:
    path: str
    title: str
    mime: str
    data: bytes
    front: bool


def _entries(site: Path, pack: ZimPack) -> list[_Entry]:
    """Every entry of the pack: its pages, rewritten, then every file they load."""
    paths = pack_pages(site, pack.lang)
    in_pack = set(paths)
    pages: list[PackPage] = [
        rewrite(path, (site / path).read_text(encoding="utf-8"), in_pack, pack.site_url,
                pack.needs_internet)
        for path in paths
    ]  # fmt: skip
    entries = [_Entry(p.path, p.title, "text/html", p.html.encode("utf-8"), True) for p in pages]
    files = sorted({target for page in pages for target in page.loads} | set(pack.extra))
    for rel in files:
        file = site / rel
        if not file.is_file():
            raise ValueError(f"{rel}: a page of the {pack.lang} pack loads it, but it is not built")
        mime = _MIMES.get(posixpath.splitext(rel)[1], "application/octet-stream")
        entries.append(_Entry(rel, "", mime, file.read_bytes(), False))
    return entries


def _digest(pack: ZimPack, entries: list[_Entry]) -> str:
    from libzim.version import get_libzim_version

    digest = hashlib.sha256()
    head = {"format": _FORMAT, "libzim": get_libzim_version(), "lang": pack.lang,
            "metadata": pack.metadata}  # fmt: skip
    digest.update(json.dumps(head, sort_keys=True).encode("utf-8"))
    digest.update(hashlib.sha256(pack.illustration).digest())
    for entry in entries:
        digest.update(f"\0{entry.path}\0{entry.title}\0{entry.mime}\0".encode())
        digest.update(hashlib.sha256(entry.data).digest())
    return digest.hexdigest()


def _write(target: Path, pack: ZimPack, entries: list[_Entry]) -> None:
    """The ZIM file itself, written beside `target` and renamed into place."""
    from libzim.writer import Creator, Hint, Item, StringProvider

    class _Item(Item):
        def __init__(self, entry: _Entry) -> None:
            super().__init__()
            self.entry = entry

        def get_path(self) -> str:
            return self.entry.path

        def get_title(self) -> str:
            return self.entry.title

        def get_mimetype(self) -> str:
            return self.entry.mime

        def get_contentprovider(self) -> StringProvider:
            return StringProvider(self.entry.data)

        def get_hints(self) -> dict:
            return {Hint.FRONT_ARTICLE: self.entry.front, Hint.COMPRESS: _compressible(self.entry)}

    fd, partial = tempfile.mkstemp(suffix=".zim", dir=target.parent)
    os.close(fd)
    os.unlink(partial)  # libzim makes the file itself
    try:
        with _quiet():
            creator = Creator(partial).config_indexing(True, pack.metadata["Language"])
            with creator:
                creator.set_mainpath(f"{pack.lang}/index.html")
                for name, value in pack.metadata.items():
                    creator.add_metadata(name, value)
                creator.add_illustration(48, pack.illustration)
                for entry in entries:
                    creator.add_item(_Item(entry))
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def _compressible(entry: _Entry) -> bool:
    return entry.mime not in ("image/png", "application/pdf")


class _quiet:
    """libzim's writer prints its progress on standard output ("Resolve redirect", "ZIM
    file is ready!"): a build prints only what the reader needs, so it goes nowhere."""

    def __enter__(self) -> None:
        import sys

        sys.stdout.flush()
        self._saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)

    def __exit__(self, *exc: object) -> None:
        os.dup2(self._saved, 1)
        os.close(self._saved)


def fill_sizes(site: Path, sizes: dict[str, int], fmt: Callable[[int, str], str]) -> list[Path]:
    """Put each pack's size where a page said it would be: the Read offline page of each
    language, and its text in the language's search index (render/offline.py). Returns
    the files changed, whose compressed copies must be made again."""
    from ..render.offline import MARKER

    changed = []
    for lang in sizes:
        for path in (site / read_offline_url(lang) / "index.html", site / lang / SEARCH_INDEX):
            data = path.read_bytes() if path.is_file() else b""
            if b"@@zim-size:" in data:
                path.write_bytes(MARKER.sub(lambda match: _size(match, sizes, fmt), data))
                changed.append(path)
    return changed


def _size(match, sizes: dict[str, int], fmt: Callable[[int, str], str]) -> bytes:
    pack, page_lang = (group.decode("ascii") for group in match.groups())
    return fmt(sizes[pack], page_lang).encode("utf-8")
