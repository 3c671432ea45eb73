"""`healthskills new`: start a lesson or guide from a file that already passes the check."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

from .problems import Problem, Severity
from .project import Project

KINDS = {"lesson": "lessons", "guide": "guides"}


def new_file(
    project: Project, kind: str, item_id: str, today: dt.date
) -> tuple[str, list[Problem]]:
    """Write content/<kind>s/<id>.yaml; return its path, or problems if it cannot."""
    folder = project.content / KINDS[kind]
    path = folder / f"{item_id}.yaml"
    rel = project.relative(path)

    def fail(rule: str, message: str, hint: str) -> tuple[str, list[Problem]]:
        return rel, [Problem(rel, 0, 0, Severity.ERROR, rule, message, hint=hint)]

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item_id) or len(item_id) > 80:
        return fail(
            "invalid-id",
            f"`{item_id}` is not a valid id.",
            "use lower-case letters, digits and hyphens, such as `book-gp-appointment`.",
        )
    if path.exists():
        return fail("exists", "The file already exists.", "choose another id, or edit the file.")
    pictures = sorted(p.stem for p in project.pictures.glob("*.svg"))
    if kind == "guide" and not pictures:
        return fail(
            "no-pictures",
            "Easy-read guides need pictures, and content/pictures/ has none.",
            "add SVG pictograms to content/pictures/ first.",
        )
    template = resources.files("healthskills").joinpath(f"scaffold/{kind}.yaml").read_text("utf-8")
    review_due = (
        today.replace(year=today.year + 1)
        if (today.month, today.day) != (2, 29)
        else (today + dt.timedelta(days=365))
    )
    text = template.format(
        id=item_id,
        today=today.isoformat(),
        review_due=review_due.isoformat(),
        picture=pictures[0] if pictures else "",
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return rel, []
