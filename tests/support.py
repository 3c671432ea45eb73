"""Helpers shared by tests: fixed dates, paths and quick edits of a fixture project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from healthskills.check import check_project
from healthskills.load import Project

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
TODAY = dt.date(2026, 6, 1)
"""A fixed 'today' so review-date rules give the same answer whenever tests run."""


def problem_lines(project: Project, today: dt.date = TODAY) -> list[str]:
    """`file:line:col: severity [rule] key: message` for every problem (hints left out)."""
    _, problems = check_project(project, today)
    return [p.format().splitlines()[0] for p in problems]


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
