"""Built languages kept by the hash of everything their build was made from.

A language's build is a pure function of its job (pages, hand-written pages, settings,
strings), our theme layer and the engine's version; when none of these changed, the
language's files (compressed forms included) are copied from here instead of built again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from dataclasses import replace
from importlib import resources
from pathlib import Path

from .engine import LanguageJob


def _theme_digest() -> str:
    digest = hashlib.sha256()
    theme = Path(str(resources.files("healthskills").joinpath("theme")))
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(theme).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class LanguageCache:
    def __init__(self, folder: Path | None, engine_version: str) -> None:
        self.folder = folder
        self.engine_version = engine_version
        self.theme = _theme_digest() if folder is not None else ""

    def key(self, job: LanguageJob) -> str:
        """What the language's output depends on (not where it is written)."""
        stable = replace(job, out_dir=Path("."))
        data = pickle.dumps((self.engine_version, self.theme, stable), protocol=5)
        return hashlib.sha256(data).hexdigest()

    def restore(self, job: LanguageJob) -> bool:
        """Copy the language's cached output to `job.out_dir`; False when there is none."""
        if self.folder is None:
            return False
        found = self.folder / self.key(job)
        if not (found / ".complete").is_file():
            return False
        shutil.copytree(found, job.out_dir, ignore=shutil.ignore_patterns(".complete"))
        os.utime(found)  # used: kept by `swap.prune`
        return True

    def store(self, job: LanguageJob) -> None:
        if self.folder is None:
            return
        target = self.folder / self.key(job)
        if (target / ".complete").is_file():
            return
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(job.out_dir, partial)
        (partial / ".complete").touch()
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
