"""The whole built fixture site compared with committed golden files: every page as a
reader's browser gets it (theme, head, menu, language switcher), not only the bodies that
tests/render compares, and every other text file we write (search index, oEmbed, sitemap,
service worker, page script).

After an intended change to the output, run `pytest tests/write --update-golden` and
review the diff of tests/write/testdata/site/ like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from healthskills.build import build_project
from support import TODAY

TESTDATA = Path(__file__).parent / "testdata" / "site"
TEXT = (
    ".html",
    ".json",
    ".xml",
    ".js",
    ".css",
    ".svg",
    ".txt",
    "_headers",
    "nginx.conf",
    "Caddyfile",
)
"""Compressed copies (.br, .gz) are made from these and are compared through them."""


def test_built_site_matches_golden_files(project, tmp_path, monkeypatch, update_golden):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build_project(project, tmp_path / "site", TODAY, cache=False)
    site = tmp_path / "site"
    built = {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.name.endswith(TEXT)
    }
    # help-near-you/ is new in every language; the guide's print rules are files of their
    # own; nginx.conf and the Caddyfile are written beside _headers; "Read offline" is new
    # in every language.
    assert len(built) == 34
    if update_golden:
        if TESTDATA.exists():
            for old in sorted(TESTDATA.rglob("*"), reverse=True):
                old.unlink() if old.is_file() else old.rmdir()
        for rel, text in built.items():
            (TESTDATA / rel).parent.mkdir(parents=True, exist_ok=True)
            (TESTDATA / rel).write_text(text, encoding="utf-8")
        pytest.skip("golden files rewritten")
    golden = {
        p.relative_to(TESTDATA).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(TESTDATA.rglob("*"))
        if p.is_file()
    }
    assert sorted(built) == sorted(golden), "run pytest --update-golden and review the diff"
    differ = [rel for rel in built if built[rel] != golden[rel]]
    assert differ == [], "run pytest --update-golden and review the diff"
