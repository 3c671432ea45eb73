"""Shared fixtures: a copy of the small fixture project that a test may change freely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from healthskills.load import Project
from support import DATA


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    shutil.copytree(DATA / "minimal", root)
    return Project(root)
