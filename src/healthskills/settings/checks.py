"""The project's settings for `healthskills check`, from `extra: checks:` in mkdocs.yml.

Content teams differ: one wants passive voice to fail the build, another only a reminder;
one cites its own council's pages. The defaults suit NHS-style health content; everything
here can be changed without touching code:

    extra:
      checks:
        severity:                # any rule id: error, warning or off
          passive-voice: off
          reading-age: error
        reading_age: {lessons: 11, guides: 9}
        jargon: {surgery: GP practice}          # added to the built-in list
        known_abbreviations: [NHS, UK, OK]      # need no explanation
        official_domains: [nhs.uk, gov.uk]      # added to the built-in list

Bad settings are problems at their line in mkdocs.yml, like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..load.yamlio import Document, Loc
from ..problems import Problem, Severity
from ..rules import RULES
from ..validate.readability import DEFAULT_JARGON, KNOWN_ABBREVIATIONS

OFFICIAL_DOMAINS = (
    "nhs.uk",
    "nhs.net",
    "gov.uk",
    "police.uk",
    "nhs.wales",
    "gov.wales",
    "nhsinform.scot",
    "gov.scot",
    "hscni.net",
)
"""Sources on these domains (and their subdomains) are official. A project adds the
charities and services it trusts in mkdocs.yml."""


@dataclass(frozen=True)
class Checks:
    severity: dict[str, Severity | None] = field(default_factory=dict)
    """Rule id → its severity in this project; None turns the rule off."""
    lesson_reading_age: float = 11
    guide_reading_age: float = 9
    jargon: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_JARGON))
    known_abbreviations: frozenset[str] = KNOWN_ABBREVIATIONS
    official_domains: tuple[str, ...] = OFFICIAL_DOMAINS

    def apply(self, problems: list[Problem]) -> list[Problem]:
        """Problems with this project's severities; those of rules turned off dropped."""
        out = []
        for problem in problems:
            if problem.rule not in self.severity:
                out.append(problem)
            elif (severity := self.severity[problem.rule]) is not None:
                out.append(_with_severity(problem, severity))
        return out

    def official(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.official_domains)


def _with_severity(problem: Problem, severity: Severity) -> Problem:
    return Problem(
        problem.path, problem.line, problem.col, severity, problem.rule, problem.message,
        problem.key_path, problem.hint,
    )  # fmt: skip


LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "off": None}


AT: Loc = ("extra", "checks")


def read_checks(checks: Any, doc: Document) -> tuple[Checks, list[Problem]]:
    """`extra.checks` of mkdocs.yml (`checks`, from `doc`), with each bad setting reported
    at its key."""
    if checks is None:
        return Checks(), []
    problems: list[Problem] = []

    def bad(loc: Loc, message: str, hint: str) -> None:
        # The message names the setting in full, so no key path beside it.
        line, col = doc.where((*AT, *loc), key=True)
        problems.append(
            Problem(doc.path, line, col, Severity.ERROR, "check-config", message, hint=hint)
        )

    if not isinstance(checks, dict):
        bad((), "extra.checks must be a mapping.", "see docs/authors.md, Checks.")
        return Checks(), problems
    known = {"severity", "reading_age", "jargon", "known_abbreviations", "official_domains"}
    for key in checks:
        if key not in known:
            bad((key,), f"extra.checks has no setting `{key}`.",
                f"use one of: {', '.join(sorted(known))}.")  # fmt: skip

    severity: dict[str, Severity | None] = {}
    for rule, level in _mapping(checks, "severity", bad).items():
        if level is False:
            level = "off"  # YAML 1.1 readers turn a bare `off` into false
        if rule not in RULES:
            bad(("severity", rule), f"extra.checks.severity: there is no rule `{rule}`.",
                "rule ids are listed in docs/authors.md.")  # fmt: skip
        elif str(level).lower() not in LEVELS:
            bad(("severity", rule), f"extra.checks.severity.{rule} is `{level}`.",
                "use error, warning or off.")  # fmt: skip
        else:
            severity[str(rule)] = LEVELS[str(level).lower()]

    ages = _mapping(checks, "reading_age", bad)
    limits = {}
    for kind in ("lessons", "guides"):
        value = ages.get(kind, 11 if kind == "lessons" else 9)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 5 <= value <= 25:
            bad(("reading_age", kind), f"extra.checks.reading_age.{kind} is `{value}`.",
                "give a UK reading age between 5 and 25, such as 11.")  # fmt: skip
            value = 11 if kind == "lessons" else 9
        limits[kind] = float(value)

    jargon = dict(DEFAULT_JARGON)
    for word, better in _mapping(checks, "jargon", bad).items():
        if not isinstance(better, str) or not better.strip():
            bad(("jargon", word), f"extra.checks.jargon.{word} needs a plainer word.",
                f"write it as `{word}: plainer word`.")  # fmt: skip
        else:
            jargon[str(word).lower()] = better.strip()

    abbreviations = _strings(checks, "known_abbreviations", bad)
    domains = _strings(checks, "official_domains", bad)
    config = Checks(
        severity=severity,
        lesson_reading_age=limits["lessons"],
        guide_reading_age=limits["guides"],
        jargon=jargon,
        known_abbreviations=(
            frozenset(abbreviations) if abbreviations is not None else KNOWN_ABBREVIATIONS
        ),
        official_domains=OFFICIAL_DOMAINS + tuple(d.lower() for d in domains or ()),
    )
    return config, problems


def _mapping(checks: dict[str, Any], name: str, bad: Any) -> dict[str, Any]:
    value = checks.get(name, {})
    if not isinstance(value, dict):
        bad((name,), f"extra.checks.{name} must be a mapping.",
            f"write `{name}:` with keys below it.")  # fmt: skip
        return {}
    return value


def _strings(checks: dict[str, Any], name: str, bad: Any) -> list[str] | None:
    if name not in checks:
        return None
    value = checks[name]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        bad((name,), f"extra.checks.{name} must be a list of words.", f"write `{name}: [A, B]`.")
        return None
    return value
