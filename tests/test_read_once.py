"""A build reads each of the project's files once: check reads them all, and the build uses
what check read. (Before, one build read mkdocs.yml three times and every PO file four.)"""

from __future__ import annotations

import builtins
import io
from collections import Counter
from pathlib import Path

from healthskills.build import build_site
from healthskills.check import check_project
from healthskills.cli import main
from support import TODAY

LANGUAGES = """\
- {code: en, name: English, own_name: English, dir: ltr, status: source}
- {code: pl, name: Polish, own_name: Polski, dir: ltr, status: machine}
- {code: ar, name: Arabic, own_name: العربية, dir: rtl, status: machine}
"""


def test_a_build_reads_every_project_file_once(project, tmp_path, monkeypatch):
    (project.root / "translations").mkdir()
    (project.root / "translations/languages.yaml").write_text(LANGUAGES, encoding="utf-8")
    assert main(["translations", "update", "--project", str(project.root)]) == 0

    opened: Counter[str] = Counter()
    real_open = io.open

    def counting_open(file, *args, **kwargs):
        path = Path(str(file)) if isinstance(file, str | Path) else None
        if path is not None and path.is_absolute() and project.root in path.parents:
            opened[path.relative_to(project.root).as_posix()] += 1
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr(builtins, "open", counting_open)
    # One process, so the languages' builds are counted too; no cache, so nothing is skipped.
    build_site(check_project(project, TODAY), tmp_path / "site", workers=1, cache=False)
    monkeypatch.undo()

    files = sorted(
        p.relative_to(project.root).as_posix()
        for p in project.root.rglob("*")
        if p.is_file() and ".cache" not in p.parts
    )
    po_files = [f for f in files if f.endswith(".po")]
    assert "mkdocs.yml" in files and len(po_files) == 2 * 6  # 2 languages, 6 PO files each
    assert {f: opened[f] for f in files} == {f: 1 for f in files}
