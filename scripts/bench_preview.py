"""How soon the preview shows a saved lesson, and how long a build takes that has nothing to
do: the two figures BUDGETS.md sets for working on content (at most 2 s, and at most 25% of
a cold build).

    .venv/bin/python scripts/bench_preview.py            # the real project, with PDFs
    .venv/bin/python scripts/bench_preview.py --no-pdf

Works on a copy of the project in a temporary folder, with an empty cache, so the figures
are those of a fresh clone. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from healthskills.build import build_project
from healthskills.project import Project
from healthskills.serve import Preview

REPO = Path(__file__).resolve().parents[1]
LESSON = "content/lessons/register-with-gp.yaml"


def copy_project(folder: Path) -> Project:
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "docs", "translations"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    return Project(folder)


def timed(what: str, action) -> float:
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    print(f"{what:<52} {seconds:6.1f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="builds without PDFs")
    args = parser.parse_args()
    pdfs = not args.no_pdf
    with tempfile.TemporaryDirectory(prefix="healthskills-bench-") as tmp:
        project = copy_project(Path(tmp) / "project")
        site = Path(tmp) / "site"
        label = "with PDFs" if pdfs else "without PDFs"
        cold = timed(
            f"cold build ({label}, empty cache)", lambda: build_project(project, site, pdfs=pdfs)
        )
        again = timed(f"second build, nothing changed ({label})",
                      lambda: build_project(project, site, pdfs=pdfs))  # fmt: skip
        print(f"{'  second build / cold build':<52} {100 * again / cold:5.0f} %")

        preview = Preview(project, Path(tmp) / "preview")
        timed("preview: first build (no PDFs)", preview.build)
        lesson = project.root / LESSON
        text = lesson.read_text(encoding="utf-8")
        for n in range(3):
            lesson.write_text(text.replace("title: ", f"title: ({n}) ", 1), encoding="utf-8")
            started = time.perf_counter()
            quick = preview.update()
            seconds = time.perf_counter() - started
            way = "quick" if quick is not None else "not quick"
            print(f"{'preview: saved lesson shown (' + way + ')':<52} {seconds:6.1f} s")
            timed("preview: then every language, links checked", preview.build)


if __name__ == "__main__":
    main()
