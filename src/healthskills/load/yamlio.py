"""Strict, safe YAML loading that remembers where every key and value came from.

PyYAML's own loaders are too forgiving for content that non-programmers edit: `no` and
`on` become booleans, `12:30` becomes a number (sexagesimal), duplicate keys silently keep
the last value, and errors lose their position once data reaches the validator. So we
compose the node tree ourselves with *no* implicit type resolution, then type plain scalars
with a deliberately small rule set, and keep a position for every path for later stages.

Longer than most modules here, on purpose: it is one job (YAML that cannot surprise an
author, with positions), and most of its length is the wording of the problems authors
see, each with its hint.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..problems import Problem, Severity

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 40

Loc = tuple[str | int, ...]

_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
ENV_TAG = "!ENV"


class _PlainLoader(yaml.SafeLoader):
    """A loader whose resolver knows no implicit types: every plain scalar is a string."""

    yaml_implicit_resolvers: dict[str, list[Any]] = {}  # noqa: RUF012 (class-level on purpose)


_FastLoader: type = _PlainLoader
if getattr(yaml, "__with_libyaml__", False):

    class _CPlainLoader(yaml.CSafeLoader):  # type: ignore[misc, name-defined]
        """The same, on libyaml's parser: about ten times faster. Its error messages are
        worded differently, so a file it refuses is read again by the pure-Python parser
        for the message authors see."""

        yaml_implicit_resolvers: dict[str, list[Any]] = {}  # noqa: RUF012

    _FastLoader = _CPlainLoader


@dataclass
class Document:
    """Loaded YAML data plus the source position of every value and mapping key."""

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Best position for `loc`: the key itself if asked and known, else the nearest
        enclosing value we know about (a missing key points at its parent mapping)."""
        if key and loc in self.key_positions:
            return self.key_positions[loc]
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)

    def problem(
        self,
        loc: Loc,
        rule: str,
        message: str,
        *,
        hint: str = "",
        severity: Severity = Severity.ERROR,
        key: bool = False,
    ) -> Problem:
        line, col = self.where(loc, key=key)
        return Problem(
            path=self.path,
            line=line,
            col=col,
            severity=severity,
            rule=rule,
            message=message,
            key_path=format_loc(loc),
            hint=hint,
        )


def format_loc(loc: Loc) -> str:
    """`("steps", 2, "title")` → `steps[2].title`: how an author reads a key path."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def load_yaml(
    raw: bytes, path: str, *, env_tags: bool = False
) -> tuple[Document | None, list[Problem]]:
    """Parse `raw` (the bytes of the file at `path`) strictly.

    Returns the document, or None when it could not be read at all, and every problem
    found. Never raises for bad content. With `env_tags`, mkdocs' `!ENV` tag is read (an
    environment variable's value, `!ENV NAME` or `!ENV [NAME, OTHER, default]`): mkdocs.yml
    may use it; content files may not.
    """

    def fail(line: int, col: int, rule: str, message: str, hint: str) -> Problem:
        return Problem(path, line, col, Severity.ERROR, rule, message, hint=hint)

    if len(raw) > MAX_BYTES:
        return None, [
            fail(
                0,
                0,
                "file-too-large",
                f"The file is {len(raw) / 1024 / 1024:.1f} MB; the limit is 10 MB.",
                "split it into several lessons or guides; content files are usually a few KB.",
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            fail(
                line,
                col,
                "encoding",
                f"The file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}).",
                "save the file as UTF-8 in your editor (Save As… > Encoding: UTF-8).",
            )
        ]

    problems = [
        fail(
            number,
            line.index("\t") + 1,
            "tab",
            "Tab character found; YAML indentation must use spaces.",
            "replace the tab with spaces (two spaces per level of indentation).",
        )
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line
    ]
    if problems:
        return None, problems

    if not _has_content(text):
        return None, [
            fail(
                0,
                0,
                "empty-file",
                "The file is empty.",
                "start from `healthskills new lesson ID` or `healthskills new guide ID`.",
            )
        ]

    try:
        nodes, aliases = _compose(text, _FastLoader)
    except yaml.YAMLError:
        try:  # the pure-Python parser words errors as the hints expect
            nodes, aliases = _compose(text, _PlainLoader)
        except yaml.MarkedYAMLError as exc:
            return None, [_syntax_problem(path, exc)]
        except yaml.YAMLError as exc:  # errors without a position are rare but possible
            return None, [fail(0, 0, "yaml-syntax", str(exc), "check the YAML syntax.")]
    if aliases:
        return None, [
            fail(
                *_mark(mark),
                "yaml-alias",
                "Aliases (`*name`) are not allowed.",
                "write the value out in full instead of referring to an anchor.",
            )
            for mark in aliases
        ]

    if len(nodes) != 1:
        line, col = _mark(nodes[1].start_mark) if len(nodes) > 1 else (1, 1)
        return None, [
            fail(
                line,
                col,
                "yaml-documents",
                "The file holds more than one YAML document (a line with only `---`).",
                "keep one lesson, guide or list per file and remove the extra `---`.",
            )
        ]

    doc = Document(path=path, data=None)
    builder = _Builder(doc, env_tags=env_tags)
    doc.data = builder.build(nodes[0], ())
    return doc, builder.problems


def _compose(text: str, loader: type) -> tuple[list[yaml.Node], list[yaml.Mark]]:
    """The document nodes, or the places of any aliases. Aliases are refused before
    composing: a node tree full of repeated references (the "billion laughs" attack) must
    never be walked."""
    events = yaml.parse(text, Loader=loader)
    aliases = [event.start_mark for event in events if isinstance(event, yaml.AliasEvent)]
    if aliases:
        return [], aliases
    return list(yaml.compose_all(text, Loader=loader)), []


def _has_content(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


_SYNTAX_HINTS = {
    "mapping values are not allowed here": (
        "text containing ': ' must be quoted, for example  title: \"Step 1: open the app\"."
    ),
    "could not find expected ':'": "each mapping line needs `key: value`; check the line above.",
    "found character '\\t'": "replace the tab with spaces.",
    "expected <block end>": "check the indentation: items at the same level line up exactly.",
    "found undefined alias": "anchors and aliases (&name, *name) are not allowed.",
}


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = _mark(mark) if mark else (0, 0)
    message = exc.problem or "YAML syntax error"
    if exc.context:
        message = f"{message} ({exc.context})"
    hint = next(
        (h for key, h in _SYNTAX_HINTS.items() if key in message),
        "check the indentation and quoting near this position.",
    )
    return Problem(
        path,
        line,
        col,
        Severity.ERROR,
        "yaml-syntax",
        message[0].upper() + message[1:] + ".",
        hint=hint,
    )


class _Builder:
    """Turns a node tree into plain data, recording positions and structural problems."""

    def __init__(self, doc: Document, *, env_tags: bool = False) -> None:
        self.doc = doc
        self.env_tags = env_tags
        self.problems: list[Problem] = []

    def _problem(self, node: yaml.Node, loc: Loc, rule: str, message: str, hint: str) -> None:
        line, col = _mark(node.start_mark)
        self.problems.append(
            Problem(
                self.doc.path,
                line,
                col,
                Severity.ERROR,
                rule,
                message,
                key_path=format_loc(loc),
                hint=hint,
            )
        )

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.positions[loc] = _mark(node.start_mark)
        if len(loc) > MAX_DEPTH:
            self._problem(node, loc, "yaml-depth", "Nesting is too deep.", "simplify the file.")
            return None
        if self.env_tags and node.tag == ENV_TAG:
            return self._env(node, loc)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self._bad_tag(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                self._bad_tag(node, loc)
            return self._mapping(node, loc)
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover

    def _env(self, node: yaml.Node, loc: Loc) -> Any:
        """mkdocs' `!ENV`: the first of the named environment variables that is set, else
        the last item as the default (None when only names are given)."""
        if isinstance(node, yaml.ScalarNode):
            names, default = [node.value], None
        elif isinstance(node, yaml.SequenceNode) and all(
            isinstance(item, yaml.ScalarNode) for item in node.value
        ):
            values = [item.value for item in node.value]
            names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
        else:
            self._problem(node, loc, "yaml-tag", "`!ENV` takes a name or a list of names.",
                          "write `!ENV NAME` or `!ENV [NAME, default]`.")  # fmt: skip
            return None
        for name in names:
            if name in os.environ:
                return self._typed(os.environ[name])
        return self._typed(default) if default is not None else None

    def _bad_tag(self, node: yaml.Node, loc: Loc) -> None:
        self._problem(
            node,
            loc,
            "yaml-tag",
            f"YAML tags such as `{node.tag}` are not allowed.",
            "remove the tag (the part starting with `!`); quote the value if it is text.",
        )

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
                self._problem(
                    key_node,
                    loc,
                    "yaml-key",
                    "Keys must be plain words.",
                    "write keys like `title:`; lists and mappings cannot be keys.",
                )
                continue
            key = key_node.value
            if key == "<<" and not key_node.style:
                self._problem(
                    key_node,
                    loc,
                    "yaml-merge",
                    "Merge keys (`<<`) are not allowed.",
                    "write each value out in full.",
                )
                continue
            if key in result:
                self._problem(
                    key_node,
                    (*loc, key),
                    "duplicate-key",
                    f"`{key}` is given twice in the same mapping "
                    f"(first on line {first_line[key]}).",
                    "remove one of them; YAML would otherwise silently keep only the last.",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.doc.key_positions[(*loc, key)] = _mark(key_node.start_mark)
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        if node.tag != _STR_TAG:
            self._bad_tag(node, loc)
        value = node.value
        if node.style:  # quoted or block scalar: always text (plain is None, or "" in libyaml)
            return value
        return self._typed(value)

    @staticmethod
    def _typed(value: str) -> Any:
        """A plain scalar's value, by our small rule set."""
        if value in ("", "~", "null"):
            return None
        if value in ("true", "false"):
            return value == "true"
        if _INT.fullmatch(value):
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        return value
