"""Precompressed copies of text files (`page.html.br`, `page.html.gz`) for static hosts that
serve them (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`, Apache with rewrite
rules; see docs/charities.md). Compressing once at build time lets us use brotli's slowest,
smallest setting, which a server compressing on the fly cannot afford. Both encodings are
byte-for-byte reproducible: gzip without a name or time stamp, brotli is deterministic."""

from __future__ import annotations

import gzip
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


def precompress(files: Iterable[Path]) -> None:
    """Write `.br` and `.gz` next to each text file (other files are passed over). A
    compressed form that is not smaller than the file is not written (hosts then serve the
    file as it is)."""
    for path in files:
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        for suffix, packed in compressed(data).items():
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                target.write_bytes(packed)
            else:
                target.unlink(missing_ok=True)


def text_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file())
