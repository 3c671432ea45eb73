"""The content report for editors and reviewers: every lesson and guide, who owns it, when
it was last reviewed and is next due, overdue items first, its reading age, and how much of
it each language has translated.

NHS content teams review pages on a schedule; this is the list they work from. The same data
is printed as a table (`healthskills report`), written as JSON (`--format json`, for other
tools; its schema is `report/schema.json`) and shown on the site for editors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..load.content import Content
from ..localise.progress import FileProgress
from ..models.language import Language
from ..settings.checks import Checks
from ..validate.plain_language import reading_age

REPORT_VERSION = 1


def content_report(
    content: Content,
    languages: list[Language],
    status: dict[str, list[FileProgress]],
    today: dt.date,
    config: Checks,
) -> dict[str, Any]:
    items = []
    loaded = [("lesson", x) for x in content.lessons.values()]
    loaded += [("guide", x) for x in content.guides.values()]
    for kind, item in loaded:
        model = item.model
        limit = config.lesson_reading_age if kind == "lesson" else config.guide_reading_age
        coverage = {}
        for code, files in status.items():
            row = next((f for f in files if f.file == f"{kind}s/{model.id}.po"), None)
            if row is not None:
                coverage[code] = {
                    "translated": row.translated,
                    "outdated": row.fuzzy,
                    "missing": row.missing,
                    "total": row.total,
                    "percent": round(100 * row.translated / row.total) if row.total else 100,
                }
        items.append(
            {
                "kind": kind,
                "id": model.id,
                "title": model.title,
                "file": item.doc.path,
                "owner": model.owner,
                "reviewed": model.reviewed.isoformat(),
                "review_due": model.review_due.isoformat(),
                "days_until_due": (model.review_due - today).days,
                "overdue": model.review_due < today,
                "reading_age": reading_age(model),
                "reading_age_limit": limit,
                "translations": coverage,
            }
        )
    items.sort(key=lambda i: (not i["overdue"], i["review_due"], i["kind"], i["id"]))
    return {
        "version": REPORT_VERSION,
        "date": today.isoformat(),
        "languages": [lang.code for lang in languages if not lang.is_source],
        "totals": {
            "items": len(items),
            "overdue": sum(i["overdue"] for i in items),
            "due_within_90_days": sum(0 <= i["days_until_due"] <= 90 for i in items),
            "over_reading_age": sum(i["reading_age"] > i["reading_age_limit"] for i in items),
        },
        "items": items,
    }


def report_table(report: dict[str, Any]) -> str:
    """The report as a plain-text table for a terminal, overdue items first."""
    languages = report["languages"]
    head = ["", "kind", "id", "owner", "reviewed", "due", "age", *languages]
    rows = [head]
    for item in report["items"]:
        mark = "OVERDUE" if item["overdue"] else ""
        age = f"{item['reading_age']:g}" + (
            "!" if item["reading_age"] > item["reading_age_limit"] else ""
        )
        coverage = [
            f"{item['translations'][code]['percent']}%" if code in item["translations"] else "-"
            for code in languages
        ]
        rows.append([mark, item["kind"], item["id"], item["owner"], item["reviewed"],
                     item["review_due"], age, *coverage])  # fmt: skip
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]  # fmt: skip
    totals = report["totals"]
    lines.append("")
    lines.append(
        f"{totals['items']} lessons and guides; {totals['overdue']} overdue for review, "
        f"{totals['due_within_90_days']} due within 90 days; {totals['over_reading_age']} above "
        "their reading age (marked !). Translation: % of each item's text translated and current."
    )
    return "\n".join(lines)
