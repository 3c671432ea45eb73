"""One record for everything that can be wrong with a project's content.

Every stage (loading, validation, rendering, building) reports through `Problem`, so an
author sees one consistent format, all problems at once, sorted by file and position:

    content/lessons/x.yaml:12:7: error [required] steps[2].title: This field is required.
      hint: every step needs a short title.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from .rules import RULES


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem in an author's file, located and explained in the author's terms."""

    path: str
    """File path relative to the project folder, with forward slashes."""
    line: int
    """1-based line, or 0 when the problem concerns the whole file."""
    col: int
    """1-based column, or 0 when the problem concerns the whole file."""
    severity: Severity
    rule: str
    """Short stable rule id, such as `required` or `unknown-key`: lets tools filter."""
    message: str
    key_path: str = ""
    """Where in the file, as the author would say it: `steps[2].title`."""
    hint: str = ""

    def __post_init__(self) -> None:
        if self.rule not in RULES:  # a developer error, not an author's: fail loudly
            raise ValueError(f"undeclared rule id {self.rule!r}: add it to rules.py")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.path, self.line, self.col, self.rule, self.key_path, self.message)

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col}"
        head = f"{where}: {self.severity.value} [{self.rule}] "
        if self.key_path:
            head += f"{self.key_path}: "
        head += self.message
        if self.hint:
            head += f"\n  hint: {self.hint}"
        return head

    def as_dict(self) -> dict[str, object]:
        """The problem for other tools (`healthskills check --format json`)."""
        return {
            "path": self.path, "line": self.line, "col": self.col,
            "severity": self.severity.value, "rule": self.rule, "key_path": self.key_path,
            "message": self.message, "hint": self.hint,
        }  # fmt: skip

    def github(self) -> str:
        """A GitHub Actions workflow command: the problem shows as an annotation on the
        pull request's file, line and column (`--format github`)."""

        def escape(text: str, *, prop: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if prop else text

        where = f"file={escape(self.path, prop=True)}"
        if self.line:
            where += f",line={self.line},col={self.col}"
        title = escape(f"{self.rule}" + (f" ({self.key_path})" if self.key_path else ""), prop=True)
        body = self.message + (f"\n{self.hint}" if self.hint else "")
        return f"::{self.severity.value} {where},title={title}::{escape(body)}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted and de-duplicated, so output is stable from run to run."""
    return sorted(set(problems), key=Problem.sort_key)


def summarise(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return "No problems found."
    return (
        f"{_plural(errors, 'error')} and {_plural(warnings, 'warning')} "
        f"in {_plural(files, 'file')}."
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class ProblemsFound(Exception):
    """Raised by a stage that cannot go on; carries every problem found so far."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sort_problems(problems)
        super().__init__(summarise(self.problems))
