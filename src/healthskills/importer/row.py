"""One row of an import file on its way to becoming a place, and the small text helpers that
both readers (ORUK JSON and CSV) share.

A reader never decides whether a row is good: it only turns what the file says into place
data, noting what it had to leave out. The decision is made once, in write.py, by the same
rules `healthskills check` applies to every place file, so an import cannot let through a
place that the check would refuse.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError

from ..models.place import WEEKDAYS, normal_postcode
from ..problems import Problem, Severity
from ..validate.places import language_known


@dataclass(frozen=True)
class Options:
    """What every row of one import shares: the file's name in problems, today's date,
    and the command's `--area` and `--owner`, which win over the file's own values."""

    path: str
    today: dt.date
    area: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class Note:
    """Something a reader noticed while mapping a row: a value it left out (a warning) or a
    reason the row cannot become a place at all (an error)."""

    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.WARNING


@dataclass
class Row:
    """Place data read from one row (CSV) or one service at one location (ORUK)."""

    path: str
    """The import file, as the problems name it."""
    label: str
    """How a person finds the row in the file: `Row 4` (the CSV line) or `Record [3]`."""
    line: int
    col: int
    key_path: str
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    id_given: bool = False
    """True when the file gave the id itself (a CSV `id` column), not made from the name."""
    skip: str = ""
    """Why the row is deliberately left out (a closed service), or empty."""
    column_keys: bool = False
    """True for a CSV row: problems name the column (`phone`) rather than the record."""

    @property
    def name(self) -> str:
        name = self.data.get("name")
        return name if isinstance(name, str) and name.strip() else ""

    @property
    def title(self) -> str:
        """`Row 4 ("Riverton Library")`: the row as the person importing reads it."""
        return f'{self.label} ("{self.name}")' if self.name else self.label

    def problem(
        self, message: str, *, hint: str = "", severity: Severity = Severity.ERROR, key: str = ""
    ) -> Problem:
        return Problem(
            self.path,
            self.line,
            self.col,
            severity,
            "import-row",
            message,
            key_path=key or self.key_path,
            hint=hint,
        )


def text(value: Any) -> str | None:
    """A value as trimmed text, or None when it is empty or not text at all."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def plain(value: Any) -> str | None:
    """Directory descriptions often hold HTML: tags out, entities decoded, spaces joined."""
    found = text(value)
    if found is None:
        return None
    return text(html.unescape(re.sub(r"<[^>]+>", " ", found)))


def first_sentence(value: Any, limit: int = 200) -> str | None:
    """The first sentence of a description, for a place's one-sentence summary; None when
    that sentence is too long to be a summary (a clipped sentence would mislead)."""
    found = plain(value)
    if found is None:
        return None
    sentence = re.split(r"(?<=[.!?])\s", found, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else None


def slug(name: str) -> str:
    """`Café Cymraeg & Library` → `cafe-cymraeg-library`: an id made from a name, cut at a
    word to leave room for a `-2` when two places share a name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > 60:
            break
        out = candidate
    return out or (words[0][:60] if words else "")


def postcode(value: Any) -> str | None:
    """A postcode as it is printed (`rt12ab` → `RT1 2AB`); text too short to be one is
    kept as written, so the check names exactly what the file said."""
    found = text(value)
    if found is None:
        return None
    compact = re.sub(r"\s+", "", found)
    return normal_postcode(found) if 5 <= len(compact) <= 7 else found


def website(value: Any) -> tuple[str | None, Note | None]:
    """A directory's web address for a place, which must be https://. An address without a
    scheme gets https://; an http:// one is left out with a warning (a learner's browser
    may refuse it, and we cannot know whether the site answers on https)."""
    found = text(value)
    if found is None:
        return None, None
    if found.lower().startswith("https://"):
        return found, None
    if found.lower().startswith("http://"):
        return None, Note(
            "contact.website",
            f"`{found}` is not an https:// address, so it was left out.",
            hint="check whether the site opens with https://, then add it under `contact:`.",
        )
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/\S*)?", found, re.IGNORECASE):
        return f"https://{found}", None
    return None, Note(
        "contact.website", f"`{found}` is not a web address, so it was left out.", hint=""
    )


def parse_date(value: Any) -> dt.date | None:
    """`2026-05-01`, `2026-05-01T10:30:45Z` or the UK `01/05/2026` as a date, else None."""
    found = text(value)
    if found is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})([T ].*)?", found)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", found)
        if not m:
            return None
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_TIME = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}[T ])?(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)


def clock(value: Any) -> str | None:
    """`9:00`, `09:00:00`, `09:00Z` or `1970-01-01T09:00:00` as `09:00`. A time zone is
    dropped: places are in the UK, and their hours are read as UK time."""
    found = text(value)
    m = _TIME.fullmatch(found) if found else None
    return f"{int(m[1]):02d}:{m[2]}" if m else None


def time_range(opens: Any, closes: Any) -> str | None:
    """An opening range from a directory's opens and closes times; closing at `00:00`
    means midnight at the end of the day (`24:00`)."""
    start, end = clock(opens), clock(closes)
    if start is None or end is None:
        return None
    if end == "00:00":
        end = "24:00"
    return f"{start}-{end}"


def normal_range(value: str) -> str:
    """A range as people type it in a spreadsheet (`9:00 – 17:00`) in the model's form
    (`09:00-17:00`); anything else is kept as typed for the check to name."""
    compact = re.sub(r"\s+", "", value.replace("–", "-").replace("—", "-"))
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})-(\d{1,2})[:.](\d{2})", compact)
    return f"{int(m[1]):02d}:{m[2]}-{int(m[3]):02d}:{m[4]}" if m else value.strip()


_DAY_NAMES = {day[:2]: day for day in WEEKDAYS} | {day[:3]: day for day in WEEKDAYS}
_DAY_NAMES |= {day: day for day in WEEKDAYS} | {"tues": "tuesday", "thurs": "thursday"}


def weekday(value: Any) -> str | None:
    """`MO`, `Mon`, `Monday` or ISO 8601's 1 (Monday) to 7 (Sunday) as `monday`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return WEEKDAYS[value - 1] if 1 <= value <= 7 else None
    found = text(value)
    if found is None:
        return None
    if found.isdigit():
        return weekday(int(found))
    return _DAY_NAMES.get(found.lower().rstrip("."))


SIGN_LANGUAGE = re.compile(r"\b(bsl|bfi|british sign language|sign language)\b", re.IGNORECASE)
"""British Sign Language is an offer (`bsl`), not one of a place's spoken languages."""

_ALIASES = {
    "bengali": "bn",
    "farsi": "fa",
    "dari": "fa",
    "panjabi": "pa",
    "mandarin": "zh",
    "mandarin chinese": "zh",
    "tagalog": "tl",
    "filipino": "tl",
}
"""Names people use that babel spells differently (babel says Bangla, Persian, Punjabi)."""


@functools.cache
def _names() -> dict[str, str]:
    english = Locale("en")
    out: dict[str, str] = {}
    for code, name in english.languages.items():
        if "_" not in code and (len(code) == 2 or name.lower() not in out):
            out[name.lower()] = code
    return out | _ALIASES


def language_code(value: Any) -> str | None:
    """`pl`, `pol`, `pl-PL`, `Polish` or `Polish (Polski)` as the ISO 639-1 code `pl`, or
    None when it is not a language the place check accepts (babel can name it in the
    reader's language)."""
    found = text(value)
    if found is None:
        return None
    lowered = found.lower().strip()
    by_name = _names().get(lowered) or _names().get(re.sub(r"\s*\(.*\)\s*$", "", lowered))
    if by_name:
        return by_name if language_known(by_name) else None
    primary = re.split(r"[-_]", lowered)[0]
    if re.fullmatch(r"[a-z]{2,3}", primary):
        try:
            code = Locale.parse(primary).language
        except (UnknownLocaleError, ValueError):
            return None
        return code if language_known(code) else None
    return None


def split_list(value: Any) -> list[str]:
    """A spreadsheet cell holding several values separated by `;`."""
    found = text(value)
    return [part.strip() for part in found.split(";") if part.strip()] if found else []


def objects(*values: Any) -> list[dict[str, Any]]:
    """The objects in one or more JSON lists; anything else (null, a string) is ignored."""
    return [item for value in values if isinstance(value, list) for item in value
            if isinstance(item, dict)]  # fmt: skip


def obj(value: Any) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else."""
    return value if isinstance(value, dict) else {}
