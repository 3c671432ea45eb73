"""Reading and writing gettext PO files, the format translators' tools (Poedit, Weblate,
Lokalize) already know. Only what we use: msgctxt, msgid, msgstr, the fuzzy flag, the
previous msgid (`#|`), comments, and obsolete entries (`#~`). No plural forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Entry:
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    flags: set[str] = field(default_factory=set)
    previous_msgid: str | None = None
    comments: list[str] = field(default_factory=list)
    """Translator comments (`# …`), kept as they are."""
    extracted: list[str] = field(default_factory=list)
    """Comments for translators from the source (`#. …`)."""
    obsolete: bool = False
    line: int = 0
    """Line of the entry's msgid in the file it was read from (0 when made in code)."""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and not self.fuzzy


@dataclass
class Catalog:
    header: dict[str, str]
    entries: list[Entry]
    text: str = ""
    """The file as it was read (empty when made in code): an update writes a file only
    when what it would write differs from this."""

    def find(self, msgctxt: str | None, msgid: str) -> Entry | None:
        for entry in self.entries:
            if not entry.obsolete and entry.key == (msgctxt, msgid):
                return entry
        return None


class POError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}


def _quote(text: str) -> str:
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in text) + '"'


def _unquote(literal: str, line: int) -> str:
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise POError(line, f"expected a quoted string, found {literal!r}")
    body = literal[1:-1]
    if "\\" not in body:  # the common case, without a character-by-character walk
        if '"' in body:
            raise POError(line, 'unescaped " inside a string')
        return body
    if not _ESCAPED_BODY.fullmatch(body):
        bad = (
            'unescaped " inside a string'
            if _UNESCAPED_QUOTE.search(body)
            else "unknown escape sequence"
        )
        raise POError(line, bad)
    return _ESCAPE.sub(lambda m: _UNESCAPES[m.group(1)], body)


_ESCAPED_BODY = re.compile(r'(?:[^"\\]|\\[\\"ntr])*')
_UNESCAPED_QUOTE = re.compile(r'(?<!\\)(?:\\\\)*"')
_ESCAPE = re.compile(r"\\(.)")


def _field(keyword: str, text: str) -> list[str]:
    """A keyword and its string, split after newlines as msgmerge does."""
    if "\n" not in text[:-1]:
        return [f"{keyword} {_quote(text)}"]
    parts = text.splitlines(keepends=True)
    return [f'{keyword} ""', *(_quote(part) for part in parts)]


def dumps(catalog: Catalog) -> str:
    header = "".join(f"{key}: {value}\n" for key, value in catalog.header.items())
    lines = [*_field("msgid", ""), *_field("msgstr", header), ""]
    for entry in catalog.entries:
        prefix = "#~ " if entry.obsolete else ""
        lines += [f"# {c}" if c else "#" for c in entry.comments]
        lines += [f"#. {c}" for c in entry.extracted]
        if entry.flags:
            lines.append("#, " + ", ".join(sorted(entry.flags)))
        if entry.previous_msgid is not None:
            lines += [f"#| {part}" for part in _field("msgid", entry.previous_msgid)]
        if entry.msgctxt is not None:
            lines += [prefix + part for part in _field("msgctxt", entry.msgctxt)]
        lines += [prefix + part for part in _field("msgid", entry.msgid)]
        lines += [prefix + part for part in _field("msgstr", entry.msgstr)]
        lines.append("")
    return "\n".join(lines)


_KEYWORD = re.compile(r"^(msgctxt|msgid|msgstr)\s+(\".*\")\s*$")


def loads(text: str) -> Catalog:
    """Parse a PO file. Raises POError with a line number for malformed input."""
    entries: list[Entry] = []
    current: dict[str, str] = {}
    meta = Entry(msgid="")
    last: str | None = None
    seen_msgstr = False

    def finish(line: int) -> None:
        nonlocal current, meta, last, seen_msgstr
        if current:
            if "msgid" not in current or "msgstr" not in current:
                raise POError(line, "an entry needs both msgid and msgstr")
            meta.msgid = current["msgid"]
            meta.msgstr = current["msgstr"]
            meta.msgctxt = current.get("msgctxt")
            entries.append(meta)
        elif meta.comments or meta.extracted or meta.flags:
            pass  # comments with no entry: dropped
        current, meta, last, seen_msgstr = {}, Entry(msgid=""), None, False

    previous_parts: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish(number)
            continue
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            meta.obsolete = True
        if line.startswith("#|"):
            part = line[2:].strip()
            match = _KEYWORD.match(part)
            if match and match.group(1) == "msgid":
                previous_parts = [_unquote(match.group(2), number)]
            elif part.startswith('"'):
                previous_parts.append(_unquote(part, number))
            meta.previous_msgid = "".join(previous_parts)
            continue
        if line.startswith("#,"):
            meta.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if line.startswith("#."):
            meta.extracted.append(line[2:].strip())
            continue
        if line.startswith("#:") or line.startswith("#"):
            if not line.startswith("#:"):
                meta.comments.append(line[1:].strip())
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword = match.group(1)
            if keyword in ("msgctxt", "msgid") and seen_msgstr:
                finish(number)  # an entry began without a blank line between
            if keyword == "msgstr":
                seen_msgstr = True
            if keyword in current:
                raise POError(number, f"{keyword} given twice in one entry")
            if keyword == "msgid":
                meta.line = number
            current[keyword] = _unquote(match.group(2), number)
            last = keyword
            continue
        if line.startswith('"') and last is not None:
            current[last] += _unquote(line, number)
            continue
        raise POError(number, f"cannot read this line: {raw.strip()[:60]!r}")
    finish(len(text.splitlines()) + 1)

    header: dict[str, str] = {}
    if entries and entries[0].msgid == "" and entries[0].msgctxt is None:
        for row in entries.pop(0).msgstr.splitlines():
            name, sep, value = row.partition(":")
            if sep:
                header[name.strip()] = value.strip()
    return Catalog(header=header, entries=entries, text=text)
