"""Translation status as a terminal table, JSON, and data for the translators' page."""

from __future__ import annotations

from typing import Any

from ..localise.progress import FileProgress
from ..models.language import Language


def totals(rows: list[FileProgress]) -> dict[str, int]:
    return {
        "total": sum(r.total for r in rows),
        "translated": sum(r.translated for r in rows),
        "fuzzy": sum(r.fuzzy for r in rows),
        "missing": sum(r.missing for r in rows),
    }


def percent(part: int, whole: int) -> int:
    return 100 if whole == 0 else (100 * part) // whole


def progress_json(
    report: dict[str, list[FileProgress]], languages: list[Language]
) -> dict[str, Any]:
    names = {lang.code: lang for lang in languages}
    return {
        code: {
            "name": names[code].name,
            "status": names[code].status,
            **totals(rows),
            "files": {
                r.file: {
                    "total": r.total,
                    "translated": r.translated,
                    "fuzzy": r.fuzzy,
                    "missing": r.missing,
                }
                for r in rows
            },
        }
        for code, rows in report.items()
    }


def progress_table(
    report: dict[str, list[FileProgress]], languages: list[Language], *, per_file: bool = False
) -> str:
    names = {lang.code: lang for lang in languages}
    head = (
        f"{'language':<24} {'file':<44} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'done':>5}"
    )
    lines = [head, "-" * len(head)]
    for code, rows in report.items():
        label = f"{code} {names[code].name}"
        shown = rows if per_file else []
        for row in shown:
            lines.append(f"{label:<24} {row.file:<44} {row.translated:>10} {row.fuzzy:>6} "
                         f"{row.missing:>8} {percent(row.translated, row.total):>4}%")  # fmt: skip
        t = totals(rows)
        lines.append(f"{label:<24} {'(all files)':<44} {t['translated']:>10} {t['fuzzy']:>6} "
                     f"{t['missing']:>8} {percent(t['translated'], t['total']):>4}%")  # fmt: skip
    return "\n".join(lines)
