"""The engine seam: the same site from mkdocs and from ProperDocs (the maintained
continuation of MkDocs 1.x), so the engine can be replaced when mkdocs-material's life ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from healthskills.build import build_project
from support import TODAY


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_mkdocs_and_properdocs_build_the_same_pages(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build_project(project, tmp_path / "mkdocs", TODAY, cache=False, engine="mkdocs")
    build_project(project, tmp_path / "properdocs", TODAY, cache=False, engine="properdocs")
    one, two = files(tmp_path / "mkdocs"), files(tmp_path / "properdocs")
    assert sorted(one) == sorted(two)
    pages = [rel for rel in one if rel.endswith(".html")]
    # 12 generated pages, the hand-written home page, the 404 page, 3 embed views and `/`
    assert len(pages) == 18
    assert [rel for rel in one if one[rel] != two[rel]] == []


def test_properdocs_builds_without_mkdocs_imported(project, tmp_path):
    """The seam is real: with ProperDocs, nothing of mkdocs is loaded at all."""
    code = (
        "import sys; from pathlib import Path; from healthskills.build import build_project;"
        "from healthskills.project import Project;"
        f"build_project(Project(Path({str(project.root)!r})), Path({str(tmp_path / 'site')!r}),"
        " workers=1, cache=False, engine='properdocs');"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "site/en/lessons/first-lesson/index.html").is_file()
