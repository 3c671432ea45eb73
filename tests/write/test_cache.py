"""Builds reuse what has not changed: built languages, compressed files and printed PDFs,
kept in the project's .cache/healthskills/ by the hash of what each was made from."""

from __future__ import annotations

from pathlib import Path

import pytest

import healthskills.write as write
from healthskills.build import build_project
from healthskills.print import pdfs
from support import TODAY, edit


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture
def engine_runs(monkeypatch) -> list[str]:
    """The languages the engine was asked to build (the rest came from the cache)."""
    runs: list[str] = []
    real = write.build_language

    def counted(job):
        runs.append(job.lang)
        return real(job)

    monkeypatch.setattr(write, "build_language", counted)
    return runs


def test_nothing_changed_nothing_built_again(project, tmp_path, engine_runs):
    build_project(project, tmp_path / "one", TODAY, workers=1)
    assert engine_runs == ["en"]
    build_project(project, tmp_path / "two", TODAY, workers=1)
    assert engine_runs == ["en"]  # the second build copied English from the cache
    assert files(tmp_path / "one") == files(tmp_path / "two")
    edit(project, "content/lessons/first-lesson.yaml", "title: Open an app", "title: Start an app")
    build_project(project, tmp_path / "three", TODAY, workers=1)
    assert engine_runs == ["en", "en"]
    page = tmp_path / "three/en/lessons/first-lesson/index.html"
    assert "Start an app" in page.read_text(encoding="utf-8")


def test_no_cache_keeps_nothing(project, tmp_path, engine_runs):
    build_project(project, tmp_path / "one", TODAY, workers=1, cache=False)
    build_project(project, tmp_path / "two", TODAY, workers=1, cache=False)
    assert engine_runs == ["en", "en"]
    assert not project.cache.exists()


def test_printed_documents_are_not_printed_again(project, tmp_path, monkeypatch):
    build_project(project, tmp_path / "one", TODAY, pdfs=True)
    started: list[int] = []
    real_start = pdfs._Engine._start

    async def start(self):
        started.append(1)
        await real_start(self)

    monkeypatch.setattr(pdfs._Engine, "_start", start)
    build_project(project, tmp_path / "two", TODAY, pdfs=True)
    assert started == []  # every PDF came from the cache: no browser at all
    assert files(tmp_path / "one") == files(tmp_path / "two")
    edit(project, "content/guides/first-guide.yaml", "title: Using an app", "title: Using apps")
    build_project(project, tmp_path / "three", TODAY, pdfs=True)
    assert started == [1]  # the guide changed: its documents are printed again
    sheet = tmp_path / "three/en/print/first-guide-en.pdf"
    assert sheet.read_bytes() != (tmp_path / "two/en/print/first-guide-en.pdf").read_bytes()
