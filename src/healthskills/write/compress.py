"""Precompressed copies of text files (`page.html.br`, `page.html.gz`) for static hosts that
serve them (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`, Apache with rewrite
rules; see docs/charities.md). Compressing once at build time lets us use brotli's slowest,
smallest setting, which a server compressing on the fly cannot afford. Both encodings are
byte-for-byte reproducible: gzip without a name or time stamp, brotli is deterministic."""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"})


def brotli_bytes(data: bytes) -> bytes:
    """Brotli at its smallest setting: what the site's `.br` files hold."""
    return brotli.compress(data, quality=11)


def compressed(data: bytes) -> dict[str, bytes]:
    """The `.br` and `.gz` forms of `data`, keyed by suffix."""
    return {
        ".br": brotli_bytes(data),
        ".gz": gzip.compress(data, compresslevel=9, mtime=0),
    }


class CompressedCache:
    """Compressed forms already made, by the hash of what was compressed (None: keep
    nothing). Brotli at its smallest setting is the slowest step of a build; a file that
    did not change is never compressed twice."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def forms(self, data: bytes) -> dict[str, bytes]:
        if self.folder is None:
            return compressed(data)
        digest = hashlib.sha256(data).hexdigest()
        base = self.folder / digest[:2] / digest
        paths = {suffix: base.with_name(digest + suffix) for suffix in (".br", ".gz")}
        if all(path.is_file() for path in paths.values()):
            for path in paths.values():
                os.utime(path)  # used: kept by `swap.prune`
            return {suffix: path.read_bytes() for suffix, path in paths.items()}
        forms = compressed(data)
        base.parent.mkdir(parents=True, exist_ok=True)
        for suffix, packed in forms.items():
            partial = paths[suffix].with_name(f"{digest}{suffix}.{os.getpid()}.part")
            partial.write_bytes(packed)
            partial.replace(paths[suffix])
        return forms


def precompress(files: Iterable[Path], cache: CompressedCache | None = None) -> None:
    """Write `.br` and `.gz` next to each text file (other files are passed over). A
    compressed form that is not smaller than the file is not written (hosts then serve the
    file as it is)."""
    cache = cache or CompressedCache(None)
    for path in files:
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        for suffix, packed in cache.forms(data).items():
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                target.write_bytes(packed)
            else:
                target.unlink(missing_ok=True)


def text_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file())
