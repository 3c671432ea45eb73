"""A row → a place file: rendered as YAML, read back and checked, then written.

The YAML text is what gets checked, not the row's data: it is read back with the same
strict loader and the same rules (`check_place`) as every place in content/places/, so a
file the import writes is one `healthskills check` accepts. The file is laid out for the
people who keep it up to date afterwards: keys in the model's order, a day's ranges on one
line, and a comment saying where it came from.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..load.content import Loaded
from ..load.yamlio import Document, load_yaml
from ..models import parse_model
from ..models.place import RANGE, WEEKDAYS, Contact, Place
from ..problems import Problem, Severity
from ..project import Project
from ..validate.places import check_place
from .csv_rows import column_of
from .row import Note, Row


@dataclass(frozen=True)
class Outcome:
    """What happened to one row."""

    title: str
    status: str
    """written, replaced, kept (the file exists; no --replace), failed or skipped."""
    place_id: str = ""
    path: str = ""
    """The place file, relative to the project when it is inside it."""
    reason: str = ""

    def describe(self) -> str:
        return {
            "written": f"wrote {self.path} ({self.title})",
            "replaced": f"replaced {self.path} ({self.title})",
            "kept": f"kept {self.path} as it was: it already exists ({self.title}); "
            "--replace overwrites it",
            "failed": f"not imported: {self.title}",
            "skipped": f"left out: {self.title}, {self.reason}",
        }[self.status]


class _Dumper(yaml.SafeDumper):
    """Lists of plain values on one line (`monday: [09:00-12:00, 13:00-17:00]`), every
    other list indented under its key, as a person would write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)

    def analyze_scalar(self, scalar: str) -> Any:
        """An opening range has a colon, which PyYAML never writes bare inside `[...]`;
        YAML allows it there (a colon not followed by a space), and so do our files."""
        analysis = super().analyze_scalar(scalar)
        if RANGE.fullmatch(scalar):
            analysis.allow_flow_plain = True
        return analysis

    def represent_list(self, data: list[Any]) -> yaml.Node:
        flow = all(not isinstance(item, dict | list) for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _Dumper.represent_list)


def render(data: dict[str, Any], comment: str = "") -> str:
    """The place file's text. safe_dump quotes every value YAML 1.1 would read as
    something other than text, which covers the stricter loader's few rules too."""
    ordered: dict[str, Any] = {}
    for key in [*Place.model_fields, *data]:
        if key in data and key not in ordered:
            ordered[key] = _in_order(key, data[key])
    body = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=1_000_000)  # fmt: skip
    head = "".join(f"# {line}\n" for line in comment.splitlines())
    return head + body


def _in_order(key: str, value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    order = {"contact": list(Contact.model_fields), "hours": list(WEEKDAYS)}.get(key, [])
    return {k: value[k] for k in [*order, *value] if k in value}


def check_text(source: str, rel_path: str, today: dt.date, lessons: Iterable[str]) -> list[Problem]:
    """Every problem the project's check would find in this place file."""
    doc, problems = load_yaml(source.encode("utf-8"), rel_path)
    if doc is None:
        return problems
    model, found = parse_model(Place, doc)
    if model is None:
        return problems + found + _further(doc.data, rel_path, today, list(lessons))
    return problems + check_place(Loaded(model, doc), today, lessons)


_STAND_INS = {"id": None, "name": "-", "kind": "other", "owner": "-"}


def _further(data: Any, rel_path: str, today: dt.date, lessons: list[str]) -> list[Problem]:
    """The problems behind the model's first ones, so that a row is reported whole in one
    run: the fields the model refused are taken out (required ones get a stand-in), the
    rest is checked, and problems about the fields taken out are not repeated."""
    if not isinstance(data, dict):
        return []
    data = copy.deepcopy(data)
    stem = rel_path.rsplit("/", 1)[-1].removesuffix(".yaml")
    removed: set[str] = set()
    for _ in range(3):
        try:
            model = Place.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                key = str(error["loc"][0]) if error["loc"] else ""
                removed.add(key)
                data.pop(key, None)
                if key in _STAND_INS or key == "checked":
                    data[key] = stem if key == "id" else _STAND_INS.get(key) or today
            continue
        doc = Document(rel_path, data)
        return [
            p
            for p in check_place(Loaded(model, doc), today, lessons)
            if not any(p.key_path.startswith((f"{k}.", f"{k}[")) for k in removed)
            and p.key_path not in removed
        ]
    return []


def _converted(row: Row, severity: Severity, key_path: str, message: str, hint: str) -> Problem:
    """An underlying problem as the person importing reads it: the row, whether it was
    imported, and why. A CSV row's problem is keyed by its column (`phone`); an ORUK
    record's by its place in the file (`[3]`), with the place field in the message."""
    if row.column_keys:
        key, said = column_of(key_path) if key_path else "", message
    else:
        key, said = row.key_path, f"{key_path}: {message}" if key_path else message
    verdict = " was not imported" if severity is Severity.ERROR else ""
    return row.problem(f"{row.title}{verdict}: {said}", hint=hint, severity=severity, key=key)


def _from_note(row: Row, note: Note) -> Problem:
    return _converted(row, note.severity, note.field, note.message, note.hint)


def write_row(
    row: Row,
    folder: Path,
    project: Project,
    *,
    replace: bool,
    today: dt.date,
    lessons: list[str],
) -> tuple[Outcome, list[Problem]]:
    """Check one row and, if nothing stops it, write its place file."""
    if row.skip:
        return Outcome(row.title, "skipped", reason=row.skip), [
            row.problem(
                f"{row.title} was left out: {row.skip}.",
                hint="it is not shown, so nobody is sent to a closed door.",
                severity=Severity.WARNING,
            )
        ]
    place_id = str(row.data.get("id", ""))
    target = folder / f"{place_id}.yaml"
    rel = project.relative(target.resolve())
    comment = (
        f"Imported from {Path(row.path).name} ({row.label}) on {today.isoformat()} "
        "by `healthskills places import`."
    )
    source = render(row.data, comment)
    found = check_text(source, rel, today, lessons)
    problems = [_from_note(row, note) for note in row.notes]
    problems += [_converted(row, p.severity, p.key_path, p.message, p.hint) for p in found]
    if any(p.is_error for p in problems):
        return Outcome(row.title, "failed", place_id, rel), problems
    existed = target.exists()
    if existed and not replace:
        problems.append(
            row.problem(
                f"{row.title}: {rel} already exists, so it was left as it was.",
                hint="compare the two; run the import again with --replace to overwrite it.",
                severity=Severity.WARNING,
            )
        )
        return Outcome(row.title, "kept", place_id, rel), problems
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_text(source, encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:
        problems.append(row.problem(f"{row.title} was not imported: cannot write {rel}: {exc}."))
        return Outcome(row.title, "failed", place_id, rel), problems
    return Outcome(row.title, "replaced" if existed else "written", place_id, rel), problems
