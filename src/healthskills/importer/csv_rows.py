"""A spreadsheet of places (CSV) → place rows: for a charity that keeps its list in Excel or
Google Sheets rather than in a council directory.

The first row names the columns, in any order and any case (`How to find` and
`how_to_find` are the same column). Only `name` is needed in the header; a column the
importer does not know is reported as a warning and ignored. One place per row; an empty row
is skipped. Save it as "CSV UTF-8 (comma delimited)".

- `id`: the place's id and file name, such as `riverton-library`; empty: made from the name
- `name`: the place's name, as written on its sign
- `kind`: library, digital-inclusion-hub, community-centre, gp-practice, pharmacy, charity
  or other; empty: guessed from the name (guess.py)
- `area`: the town or borough, such as `Riverton` (`--area` sets it for every row)
- `address`: the street address without the postcode
- `postcode`: the UK postcode, such as `RT1 2AB`
- `phone`: a number people can dial, such as `01632 960123`
- `email`: an email address
- `website`: the place's web page, starting https:// (added to an address without it; an
  http:// address is left out with a warning)
- `offers`: separated by `;`: free-wifi, computers, free-sim, health-champion,
  nhs-app-help, printing, step-free, hearing-loop, bsl (`Wi-Fi` or `wheelchair` work too)
- `languages`: languages its helpers speak besides English, separated by `;`, as codes
  or names (`pl; Arabic`); British Sign Language becomes the offer `bsl`
- `monday` … `sunday`: one column a day: opening ranges separated by `;`
  (`09:00-12:00; 13:00-17:00`), or `closed`; an empty day is closed, and a row with every
  day empty has no hours (which the check refuses)
- `booking`: no, recommended or required; empty: no
- `lessons`: ids of lessons its helpers can help with, separated by `;`
- `checked`: the day someone last checked the details, 2026-05-01 or 01/05/2026; empty: today
- `owner`: who keeps the details up to date (`--owner` sets it for every row)
- `how_to_find`: one short sentence on how to find the door or room
- `summary`: one short sentence saying what people can get there

A row's line number in problems counts the header as line 1.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..models.place import OFFERS, WEEKDAYS
from ..problems import Problem, Severity
from .guess import guess_kind, guess_offers
from .row import (
    SIGN_LANGUAGE,
    Note,
    Options,
    Row,
    language_code,
    normal_range,
    parse_date,
    postcode,
    split_list,
    text,
    website,
)

COLUMNS = (
    "id",
    "name",
    "kind",
    "area",
    "address",
    "postcode",
    "phone",
    "email",
    "website",
    "offers",
    "languages",
    *WEEKDAYS,
    "booking",
    "lessons",
    "checked",
    "owner",
    "how_to_find",
    "summary",
)


def column_of(key_path: str) -> str:
    """The CSV column a place's key path came from: `contact.phone` → `phone`,
    `hours.monday[1]` → `monday`, `offers[0]` → `offers`."""
    head = re.split(r"[.\[]", key_path.removeprefix("contact.").removeprefix("hours."))[0]
    return head if head in COLUMNS else key_path


def read_csv(source: str, options: Options) -> tuple[list[Row], list[Problem]]:
    """The rows of a CSV file's text, and any problem with its header."""
    path = options.path

    def fail(line: int, col: int, rule: str, message: str, hint: str = "") -> Problem:
        return Problem(path, line, col, Severity.ERROR, rule, message, hint=hint)

    reader = csv.reader(io.StringIO(source, newline=""))
    records: list[tuple[int, list[str]]] = []
    try:
        done = 0
        for cells in reader:
            if any(cell.strip() for cell in cells):
                records.append((done + 1, cells))
            done = reader.line_num
    except csv.Error as exc:
        return [], [
            fail(
                reader.line_num,
                0,
                "unreadable",
                f"The CSV cannot be read: {exc}.",
                "a cell with a line break or a comma must be in double quotes; "
                "save the file from your spreadsheet again.",
            )
        ]
    if not records:
        return [], [fail(0, 0, "empty-file", "The file has no header row and no places.")]
    (header_line, header), body = records[0], records[1:]
    names = [re.sub(r"[\s-]+", "_", cell.strip().lower()) for cell in header]
    problems = _header_problems(path, header_line, header, names)
    if any(p.is_error for p in problems):
        return [], problems
    rows = [_row(line, dict(zip(names, cells, strict=False)), options) for line, cells in body]
    for row, (_, cells) in zip(rows, body, strict=True):
        extra = [cell for cell in cells[len(names) :] if cell.strip()]
        if extra:
            row.notes.append(
                Note(
                    "",
                    f"has {len(cells)} cells but the header only {len(names)}: "
                    f"`{extra[0]}` and any after it were ignored.",
                    hint="a cell holding a comma must be in double quotes.",
                )
            )
    return rows, problems


def _header_problems(path: str, line: int, header: list[str], names: list[str]) -> list[Problem]:
    def problem(severity: Severity, message: str, key: str, hint: str) -> Problem:
        return Problem(path, line, 1, severity, "import-row", message, key_path=key, hint=hint)

    columns = "the columns are: " + ", ".join(COLUMNS) + "."
    problems = []
    seen: set[str] = set()
    for number, (cell, name) in enumerate(zip(header, names, strict=True), start=1):
        if not name:
            continue
        if name in seen:
            message = f"The column `{cell.strip()}` is there twice (column {number})."
            problems.append(problem(Severity.ERROR, message, name, "keep one of them."))
        elif name not in COLUMNS:
            message = f"The column `{cell.strip()}` is not one we know, so it was ignored."
            problems.append(problem(Severity.WARNING, message, name, columns))
        seen.add(name)
    if "name" not in seen:
        message = "The header row has no `name` column, so no row can become a place."
        hint = "the first row names the columns, such as `name,address,postcode`; " + columns
        problems.append(problem(Severity.ERROR, message, "", hint))
    return problems


def _word(value: str) -> str:
    """`Community centre` → `community-centre`: a fixed value as people type it."""
    return re.sub(r"[\s_]+", "-", value.strip().lower())


def _row(line: int, cells: dict[str, str], options: Options) -> Row:
    row = Row(options.path, f"Row {line}", line, 1, "", column_keys=True)
    cell = lambda column: text(cells.get(column))  # noqa: E731
    data: dict[str, Any] = {}
    if cell("id"):
        data["id"] = cell("id")
        row.id_given = True
    data["name"] = cell("name")
    data["kind"] = _word(cell("kind")) if cell("kind") else guess_kind([cell("name") or ""])
    data["summary"] = cell("summary")
    data["area"] = options.area or cell("area")
    data["address"] = cell("address")
    data["postcode"] = postcode(cell("postcode"))
    data["how_to_find"] = cell("how_to_find")
    data["hours"] = _hours(cells)
    offers = [_offer(item) for item in split_list(cells.get("offers"))]
    languages = []
    for item in split_list(cells.get("languages")):
        code = language_code(item)
        if SIGN_LANGUAGE.search(item):
            offers.append("bsl")
        elif code is None:
            row.notes.append(
                Note(
                    "languages",
                    f"`{item}` is not a language we know.",
                    hint="write its two-letter code, such as `pl` for Polish or `ar` for Arabic.",
                    severity=Severity.ERROR,
                )
            )
        elif code != "en" and code not in languages:
            languages.append(code)
    data["offers"] = list(dict.fromkeys(offers))
    data["languages"] = languages
    site, note = website(cell("website"))
    if note:
        row.notes.append(note)
    contact = {"phone": cell("phone"), "email": cell("email"), "website": site}
    data["contact"] = {k: v for k, v in contact.items() if v}
    data["booking"] = _word(cell("booking")) if cell("booking") else None
    data["lessons"] = split_list(cells.get("lessons"))
    checked = cell("checked")
    data["checked"] = (parse_date(checked) or checked) if checked else options.today
    data["owner"] = options.owner or cell("owner")
    row.data = {k: v for k, v in data.items() if v not in (None, [], {})}
    return row


def _offer(item: str) -> str:
    """An offer as typed: the fixed word (`Step free` → `step-free`), or a word our rules
    know (`wifi` → `free-wifi`), else as typed for the check to name."""
    word = _word(item)
    if word in OFFERS:
        return word
    guessed = guess_offers([item])
    return guessed[0] if len(guessed) == 1 else word


def _hours(cells: dict[str, str]) -> dict[str, Any] | None:
    """The seven day columns, with closed days left out as in a place file; None when
    every one is empty (the check then says hours are needed)."""
    days = {day: text(cells.get(day)) for day in WEEKDAYS}
    if not any(days.values()):
        return None
    hours: dict[str, Any] = {}
    for day, value in days.items():
        if value is not None and value.lower() != "closed":
            hours[day] = [normal_range(part) for part in split_list(value)]
    return hours or {day: "closed" for day, value in days.items() if value}
