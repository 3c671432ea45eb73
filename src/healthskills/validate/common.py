"""Pieces every rule family uses: ids that must be unique, references that must resolve."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from ..load.yamlio import Document, Loc, format_loc
from ..problems import Problem, Severity

WARN = Severity.WARNING

WHERE = {
    "lesson": "content/lessons/",
    "guide": "content/guides/",
    "glossary": "content/glossary.yaml",
    "picture": "content/pictures/",
}


def check_id_matches_file(doc: Document, model_id: str) -> Iterator[Problem]:
    stem = doc.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    if model_id != stem:
        yield doc.problem(
            ("id",),
            "id-mismatch",
            f"The id `{model_id}` does not match the file name `{stem}.yaml`.",
            hint=f"set `id: {stem}` or rename the file to {model_id}.yaml.",
        )


def check_unique(doc: Document, items: Iterable[tuple[Loc, str]], what: str) -> Iterator[Problem]:
    seen: dict[str, Loc] = {}
    for loc, item_id in items:
        if item_id in seen:
            yield doc.problem(
                loc,
                "duplicate-id",
                f"The {what} id `{item_id}` is used twice (also at {format_loc(seen[item_id])}).",
                hint="ids must be unique in the file: translations are keyed on them.",
            )
        else:
            seen[item_id] = loc


def check_reference(
    doc: Document, loc: Loc, kind: str, target: str, known: Iterable[str]
) -> Iterator[Problem]:
    if target not in known:
        yield doc.problem(
            loc,
            f"unknown-{kind}",
            f"There is no {kind} `{target}`.",
            hint=suggest(target, known) or f"check the spelling, or add it to {WHERE[kind]}.",
        )


def suggest(target: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(target, list(known), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def file_problem(
    path: str, rule: str, message: str, hint: str, severity: Severity = Severity.ERROR
) -> Problem:
    """A problem with a whole file (a picture, a docs page), which has no positions."""
    return Problem(path, 0, 0, severity, rule, message, hint=hint)
