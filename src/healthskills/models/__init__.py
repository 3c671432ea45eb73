"""Content models, and the translation of pydantic's errors into author-facing problems."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, RootModel, ValidationError

from ..load.yamlio import Document, Loc
from ..problems import Problem
from .common import HTTPS_PATTERN, ID_PATTERN, Picture, Source
from .glossary import Glossary, Term, Topic, Topics
from .guide import Guide, Row, Section
from .lesson import Lesson, Option, Question, Step

__all__ = [
    "Glossary",
    "Guide",
    "Lesson",
    "Option",
    "Picture",
    "Question",
    "Row",
    "Section",
    "Source",
    "Step",
    "Term",
    "Topic",
    "Topics",
    "parse_model",
]

M = TypeVar("M", bound=BaseModel)


def parse_model(model: type[M], doc: Document) -> tuple[M | None, list[Problem]]:
    """Validate `doc` against `model`; on failure, one problem per pydantic error."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = _one_per_union(exc.errors(), doc.data)
        return None, [_to_problem(model, doc, err) for err in errors]


def _is_member_tag(part: object) -> bool:
    """Pydantic names the member of a union an error came from inside the location
    (`Hours`, `literal['always']`, `list[constrained-str]`). Our field names are lower-case
    words, so a part with a capital or a bracket is such a tag, unless it is a key the
    author wrote (a glossary id) or pydantic's `[key]`, which `_to_problem` reads."""
    return isinstance(part, str) and part != "[key]" and (part[:1].isupper() or "[" in part)


def _is_key(data: Any, path: tuple[Any, ...], part: str) -> bool:
    """Whether `part` is a key the author wrote at `path` in the document's data."""
    node = data
    for step in path:
        if (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        ):
            node = node[step]
        else:
            return False
    return isinstance(node, dict) and part in node


def _one_per_union(errors: list[Any], data: Any = None) -> list[Any]:
    """A value that can be one of several shapes (opening hours are a mapping of days or
    `always`; a day is a list of ranges or `closed`) fails each shape when it is wrong, but
    the author needs one message: the errors of the shape that matches what they wrote (a
    mapping, a list), or for a plain value, the allowed words. Member tags are taken out of
    every location, one union at a time."""
    kept: list[Any] = []
    unions: dict[tuple[Any, ...], list[Any]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        at = next((i for i, part in enumerate(loc) if _is_member_tag(part)
                   and not _is_key(data, loc[:i], part)), None)  # fmt: skip
        if at is None:
            kept.append(err)
        else:
            unions.setdefault(loc[:at], []).append({**err, "loc": loc[:at] + loc[at + 1 :]})
    for at, group in unions.items():
        deeper = [e for e in group if len(e["loc"]) > len(at)]
        if deeper:
            kept += _one_per_union(deeper, data)
        else:
            literal = [e for e in group if e["type"] == "literal_error"]
            kept.append((literal or group)[0])
    return kept


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int | float):
        return f"the number `{value}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"`{value}`"


def _to_problem(model: type[BaseModel], doc: Document, err: Any) -> Problem:
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if loc and loc[-1] == "[key]":  # error in a mapping key (glossary ids)
        loc = loc[:-1]
        return doc.problem(
            loc,
            "invalid-id",
            f"`{loc[-1]}` is not a valid id.",
            hint="ids use lower-case letters, digits and hyphens, such as `nhs-login`.",
            key=True,
        )
    field_info = _field_at(model, loc)
    description = field_info.description if field_info is not None else None

    if kind == "missing":
        return doc.problem(
            loc,
            "required",
            "This field is required.",
            hint=description or "",
        )
    if kind == "extra_forbidden":
        allowed = _fields_of(_model_at(model, loc[:-1]))
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        message = f"Unknown key `{loc[-1]}`."
        if close:
            message += f" Did you mean `{close[0]}`?"
        return doc.problem(
            loc,
            "unknown-key",
            message,
            hint="allowed keys here: " + ", ".join(sorted(allowed)),
            key=True,
        )
    if value is None and kind.endswith("_type"):
        return doc.problem(loc, "empty", "This field is empty.", hint=description or "")

    rule, message, hint = "type", err["msg"], description or ""
    if kind == "string_type":
        message = f"Expected text, got {_describe(value)}."
        if isinstance(value, bool):
            hint = "put the text in quotes if you meant the word."
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"Expected a whole number, got {_describe(value)}."
    elif kind in ("bool_type", "bool_parsing"):
        message = f"Expected true or false, got {_describe(value)}."
        hint = "only `true` and `false` are yes/no values; `yes`, `no`, `on` are words."
    elif kind == "list_type":
        message = f"Expected a list, got {_describe(value)}."
        hint = "start each item on its own line with `- `."
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"Expected a mapping of `key: value` lines, got {_describe(value)}."
    elif kind.startswith("date_") or kind.startswith("datetime_"):
        rule = "invalid-date"
        message = f"Expected a date written YYYY-MM-DD, got {_describe(value)}."
        hint = "write dates like 2026-11-23 (year, month, day), and check the day exists."
    elif kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern == ID_PATTERN:
            rule = "invalid-id"
            message = f"{_describe(value)} is not a valid id."
            hint = "ids use lower-case letters, digits and hyphens, such as `open-app`."
        elif pattern == HTTPS_PATTERN:
            rule = "invalid-url"
            message = f"{_describe(value)} is not a full https:// address."
            hint = "copy the address from the browser, starting https://"
    elif kind == "literal_error":
        rule = "unknown-value"
        expected = [
            str(v).strip("'")
            for v in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        ]
        message = f"{_describe(value)} is not one of: {', '.join(expected)}."
        close = difflib.get_close_matches(str(value), expected, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else f"use one of: {', '.join(expected)}."
        message = message[0].upper() + message[1:]
    elif kind == "string_too_short":
        rule, message = "empty", "This field is empty."
    elif kind == "too_short":
        minimum = ctx.get("min_length", 1)
        message = f"Needs at least {minimum} item{'s' if minimum != 1 else ''}."
    elif kind == "too_long":
        message = f"Has too many items: at most {ctx.get('max_length')}."
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        rule = "out-of-range"
        described = _describe(value)
        message = f"{described[0].upper()}{described[1:]} is out of range: {err['msg'].lower()}."
    return doc.problem(loc, rule, message, hint=hint)


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside `list[X]`, `X | None`, `dict[str, X]` or `RootModel[...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if issubclass(annotation, RootModel):
            return _unwrap(annotation.model_fields["root"].annotation)
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None:
        return None
    args = typing.get_args(annotation)
    if origin in (list, tuple, set, frozenset):
        return _unwrap(args[0]) if args else None
    if origin is dict:
        return _unwrap(args[1]) if len(args) == 2 else None
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            found = _unwrap(arg)
            if found is not None:
                return found
    if origin is typing.Annotated:
        return _unwrap(args[0])
    return None


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    current: type[BaseModel] | None = _unwrap(model)
    root_is_dict = (
        issubclass(model, RootModel)
        and typing.get_origin(model.model_fields["root"].annotation) is dict
    )
    for index, part in enumerate(loc):
        if current is None:
            return None
        if isinstance(part, int) or (root_is_dict and index == 0):
            continue  # list index or glossary key: same model
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current


def _field_at(model: type[BaseModel], loc: Loc) -> Any:
    if not loc or isinstance(loc[-1], int):
        return None
    parent = _model_at(model, loc[:-1])
    return parent.model_fields.get(str(loc[-1])) if parent else None


def _fields_of(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model else []
