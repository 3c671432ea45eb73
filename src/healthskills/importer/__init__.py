"""`healthskills places import FILE`: places from a council's directory or a spreadsheet.

Most of the places a site lists (libraries, community centres, digital drop-ins) are already
in the council's local service directory, published as Open Referral UK (oruk.py); a charity
that keeps its own list keeps it in a spreadsheet (csv_rows.py). Typing them in again would
be slow and would copy mistakes, so this reads either file and writes one place file per
row (write.py).

Every row goes through the rules `healthskills check` applies to places. A row that cannot
become a valid place is not written and is reported, with its line in the import file and
why; the others are written all the same, so one bad row never holds up a whole directory.
Nothing is overwritten unless asked (`replace`): a place file may have been corrected by
hand since the last import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, Severity, sort_problems
from ..project import Project
from ..validate.places import RESERVED_IDS
from .csv_rows import read_csv
from .oruk import read_oruk
from .row import Note, Options, Row, slug
from .write import Outcome, write_row

__all__ = ["ImportResult", "Outcome", "import_places"]

FORMATS = {".json": "Open Referral UK", ".csv": "CSV"}


@dataclass
class ImportResult:
    """What an import did to each row, and every problem found, sorted by position."""

    source: str
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when a row (or the whole file) could not be imported."""
        return any(p.is_error for p in self.problems)

    def paths(self, *statuses: str) -> list[str]:
        return [o.path for o in self.outcomes if o.status in statuses]

    def summary(self) -> str:
        def count(*statuses: str) -> int:
            return sum(1 for o in self.outcomes if o.status in statuses)

        return (
            f"{count('written', 'replaced')} places written, {count('kept')} kept as they were, "
            f"{count('failed')} not imported, {count('skipped')} left out, "
            f"from {len(self.outcomes)} in {self.source}."
        )


def import_places(
    path: Path,
    project: Project,
    *,
    to: Path | None = None,
    area: str | None = None,
    owner: str | None = None,
    replace: bool = False,
    today: dt.date | None = None,
) -> ImportResult:
    """Import the places in `path` (.json: Open Referral UK; .csv) into `to`, by default
    the project's content/places/. `area` and `owner` win over the file's own values."""
    today = today or dt.date.today()
    shown = _shown(path, project)
    options = Options(shown, today, (area or "").strip() or None, (owner or "").strip() or None)
    result = ImportResult(shown)

    def fail(line: int, col: int, rule: str, message: str, hint: str = "") -> ImportResult:
        result.problems = [Problem(shown, line, col, Severity.ERROR, rule, message, hint=hint)]
        return result

    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        what = f"`{path.suffix}` files" if path.suffix else f"`{path.name}`, which has neither"
        return fail(0, 0, "unreadable",
                    "healthskills imports Open Referral UK files (.json) and spreadsheets "
                    f"saved as CSV (.csv), not {what}.",
                    'in a spreadsheet, use Save As > "CSV UTF-8"; from a council directory, '
                    "save its /services response as a .json file.")  # fmt: skip
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return fail(0, 0, "unreadable", f"Cannot read the file: {exc.strerror or exc}.")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(line, col, "encoding",
                    f"The file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}).",
                    'in Excel, use File > Save As > "CSV UTF-8 (Comma delimited)"; in Google '
                    "Sheets, File > Download > Comma-separated values.")  # fmt: skip
    if not source.strip():
        return fail(0, 0, "empty-file", "The file is empty.")
    rows, problems = (read_oruk if suffix == ".json" else read_csv)(source, options)
    if not rows and not problems:
        problems.append(Problem(shown, 0, 0, Severity.WARNING, "import-row",
                                "The file holds no places, so nothing was written."))  # fmt: skip
    _assign_ids(rows)
    folder = to if to is not None else project.content / "places"
    lessons_dir = project.content / "lessons"
    lessons = sorted(p.stem for p in lessons_dir.glob("*.yaml")) if lessons_dir.is_dir() else []
    for row in rows:
        outcome, found = write_row(
            row, folder, project, replace=replace, today=today, lessons=lessons
        )
        result.outcomes.append(outcome)
        problems += found
    result.problems = sort_problems(problems)
    return result


def _shown(path: Path, project: Project) -> str:
    """The import file as problems name it: relative to the project when inside it, else
    as the person typed it."""
    try:
        return path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        return path.as_posix()


def _assign_ids(rows: list[Row]) -> None:
    """Given ids are kept (a repeated one is an error; a reserved one the place check
    names). The others are made from the name, with `-2`, `-3` for a name met again or
    one that is a reserved folder name. The same file gives the same ids each time, so
    importing it again finds the files it wrote before."""
    first: dict[str, Row] = {}
    for row in rows:
        if row.id_given and not row.skip:
            place_id = str(row.data["id"])
            if place_id in first:
                row.notes.append(
                    Note(
                        "id",
                        f"`{place_id}` is also the id of {first[place_id].title}.",
                        hint="give each place its own id, or leave it empty to make one "
                        "from the name.",
                        severity=Severity.ERROR,
                    )
                )
            first.setdefault(place_id, row)
    taken = set(first) | set(RESERVED_IDS)
    for row in rows:
        if not row.id_given and not row.skip:
            base = slug(row.name) or "place"
            place_id, n = base, 2
            while place_id in taken:
                place_id, n = f"{base}-{n}", n + 1
            taken.add(place_id)
            row.data["id"] = place_id
