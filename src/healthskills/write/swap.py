"""The last step of a build: the new site takes the old one's place in one rename, so a
failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from ..problems import Problem, ProblemsFound, Severity
from ..reproducible import source_date_epoch


def normalise_times(root: Path) -> None:
    """With SOURCE_DATE_EPOCH set, give every file that time, for reproducible archives."""
    stamp = source_date_epoch()
    if stamp is None:
        return
    for path in root.rglob("*"):
        os.utime(path, (stamp, stamp), follow_symlinks=False)


def swap(new: Path, target: Path) -> None:
    old = None
    if target.exists() or target.is_symlink():
        if not target.is_dir():
            raise ProblemsFound(
                [Problem(str(target), 0, 0, Severity.ERROR, "site-dir",
                         "The site folder exists and is not a folder.",
                         hint="choose another --site-dir or remove the file.")]
            )  # fmt: skip
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    new.parent.joinpath(target.name).chmod(0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def prune(folder: Path, days: int = 14) -> None:
    """Forget cached outputs no build has used for `days` (each use touches its entry: a
    built language's folder, or a file). Keeps the cache from growing without end."""
    if not folder.is_dir():
        return
    limit = time.time() - days * 86400
    for entry in folder.iterdir():
        try:
            if entry.is_dir() and not (entry / ".complete").exists():
                prune(entry, days)
            elif entry.stat().st_mtime < limit:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        except OSError:
            pass
