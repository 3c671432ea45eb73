"""A directory's schedules → a place's weekly hours and dated exceptions.

A place's `hours` repeat every week, and its `exceptions` are single days. Directories say
more than that (RFC 5545 rules in ORUK 3.0: monthly sessions, fortnightly ones, dated
one-offs; holiday schedules in ORUK 1/2), so each schedule is read for what fits:

- a weekly schedule (no `freq`, or `WEEKLY` with `interval` 1) with `byday` (`MO,TU`) or
  `weekday` (`Monday`, `MO`, or ISO 8601's 1 for Monday to 7 for Sunday), `opens_at` and
  `closes_at` → ranges on those days; one that ended before today or starts after it is
  not today's timetable, and is passed over;
- a holiday schedule (`closed`, `opens_at`, `closes_at`, `start_date`, `end_date`), or an
  ORUK 3.0 schedule with dates but no days and no `freq` (`valid_from`/`dtstart` to
  `valid_to`/`until`) → one exception a day, `closed` unless it has times, from today on,
  for at most 31 days;
- anything else (monthly, fortnightly, "the second Monday") is left out with a warning.

A schedule tied to a location (`service_at_location_id`, `location_id`, or listed under
the service at location or the location) is that location's; a location with none of its
own gets the service's untied schedules.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..models.place import WEEKDAYS
from .row import Note, obj, objects, parse_date, plain, text, time_range, weekday

LONGEST_HOLIDAY = 31
"""Days: a longer closure is more likely a closed place, which a person should look into."""


def _linked(schedule: dict[str, Any]) -> set[str]:
    """The service-at-location and location ids a service-level schedule is tied to."""
    sal = obj(schedule.get("service_at_location"))
    found = (
        schedule.get("service_at_location_id"),
        schedule.get("location_id"),
        sal.get("id"),
        obj(sal.get("location")).get("id"),
    )
    return {value for v in found if (value := text(v))}


def _for_site(
    general: list[dict[str, Any]], own: list[dict[str, Any]], ids: set[str]
) -> list[dict[str, Any]]:
    """This location's own schedules if it has any, else the service's untied ones."""
    specific = [s for s in general if _linked(s) & ids] + own
    return specific or [s for s in general if not _linked(s)]


def opening_hours(
    service: dict[str, Any],
    sal: dict[str, Any],
    location: dict[str, Any],
    today: dt.date,
    notes: list[Note],
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    ids = {i for i in (text(sal.get("id")), text(location.get("id"))) if i}
    regular = _for_site(
        objects(service.get("regular_schedules"), service.get("schedules")),
        objects(
            sal.get("regular_schedules"),
            sal.get("regular_schedule"),
            sal.get("schedules"),
            location.get("regular_schedules"),
            location.get("schedules"),
        ),
        ids,
    )
    holidays = _for_site(
        objects(service.get("holiday_schedules")),
        objects(
            sal.get("holiday_schedules"),
            sal.get("holidayScheduleCollection"),
            location.get("holiday_schedules"),
        ),
        ids,
    )
    week: dict[str, list[str]] = {day: [] for day in WEEKDAYS}
    dated: dict[dt.date, Any] = {}
    for schedule in regular:
        _regular(schedule, today, week, dated, notes)
    for holiday in holidays:
        _holiday(holiday, today, dated, notes)
    hours = {day: sorted(set(ranges)) for day, ranges in week.items() if ranges} or None
    exceptions = [
        {"date": day, "hours": value[0], **({"note": value[1]} if value[1] else {})}
        for day, value in sorted(dated.items())
    ]
    return hours, exceptions


def _describe(schedule: dict[str, Any]) -> str:
    said = [text(schedule.get(k)) for k in ("byday", "weekday", "opens_at", "closes_at")]
    return " ".join(s for s in said if s) or text(schedule.get("description")) or "a schedule"


def _regular(
    schedule: dict[str, Any],
    today: dt.date,
    week: dict[str, list[str]],
    dated: dict[dt.date, Any],
    notes: list[Note],
) -> None:
    ends = parse_date(schedule.get("valid_to")) or parse_date(schedule.get("until"))
    starts = parse_date(schedule.get("valid_from"))
    byday = text(schedule.get("byday"))
    freq = (text(schedule.get("freq")) or "").upper()
    if byday is None and schedule.get("weekday") is None and not freq:
        # HSDS 3.0 has no holiday schedules: a one-off is a schedule with dates, no days
        first = starts or parse_date(schedule.get("dtstart"))
        if first is not None:
            rng = time_range(schedule.get("opens_at"), schedule.get("closes_at"))
            note = plain(schedule.get("description"))
            _dated(first, ends or first, [rng] if rng else "closed",
                   note if note and len(note) <= 60 else None, today, dated, notes)  # fmt: skip
            return
    if (ends and ends < today) or (starts and starts > today):
        return  # an old or a future timetable: not today's hours
    leave_out = _not_weekly(schedule, freq, byday)
    if leave_out:
        notes.append(
            Note(
                "hours",
                f"The schedule `{_describe(schedule)}` {leave_out}, so it was left out.",
                hint="a place's hours repeat every week; say the other sessions in its "
                "`summary` or `how_to_find`.",
            )
        )
        return
    days = _days(schedule, byday)
    rng = time_range(schedule.get("opens_at"), schedule.get("closes_at"))
    if not days or rng is None:
        what = "no days we can read" if not days else "no opening and closing time"
        notes.append(
            Note(
                "hours",
                f"The schedule `{_describe(schedule)}` has {what}, so it was left out.",
                hint="add the day's hours under `hours:`, such as `monday: [09:00-17:00]`.",
            )
        )
        return
    for day in days:
        week[day].append(rng)


def _not_weekly(schedule: dict[str, Any], freq: str, byday: str | None) -> str:
    interval = text(schedule.get("interval"))
    if freq and freq != "WEEKLY":
        return f"repeats {freq.lower()}, not weekly"
    if interval and interval.isdigit() and int(interval) > 1:
        return f"repeats every {interval} weeks"
    if byday and re.search(r"(^|,)\s*[+-]?\d", byday):
        return "names a day of the month (such as 2MO, the second Monday)"
    return ""


def _days(schedule: dict[str, Any], byday: str | None) -> list[str]:
    if byday:
        found = [weekday(part) for part in byday.split(",")]
        return [day for day in found if day] if all(found) else []
    value = schedule.get("weekday")
    values = value if isinstance(value, list) else [value]
    found = [weekday(v) for v in values]
    return [day for day in found if day] if all(found) else []


def _holiday(
    holiday: dict[str, Any], today: dt.date, dated: dict[dt.date, Any], notes: list[Note]
) -> None:
    first = parse_date(holiday.get("start_date"))
    last = parse_date(holiday.get("end_date")) or first
    if first is None or last is None:
        notes.append(
            Note(
                "exceptions",
                f"A holiday without a readable `start_date` "
                f"(`{text(holiday.get('start_date'))}`) was left out.",
                hint="dates are written YYYY-MM-DD.",
            )
        )
        return
    closed = holiday.get("closed")
    closed = closed is True or (text(closed) or "").lower() in ("true", "1", "yes")
    opens = holiday.get("opens_at", holiday.get("open_at"))
    rng = None if closed else time_range(opens, holiday.get("closes_at"))
    _dated(first, last, [rng] if rng else "closed", None, today, dated, notes)


def _dated(
    first: dt.date,
    last: dt.date,
    hours: list[str] | str,
    note: str | None,
    today: dt.date,
    dated: dict[dt.date, Any],
    notes: list[Note],
) -> None:
    """One exception a day from `first` to `last`, leaving out days already past."""
    days = (last - first).days + 1
    if days < 1 or days > LONGEST_HOLIDAY:
        why = "ends before it starts" if days < 1 else f"is {days} days long"
        notes.append(
            Note(
                "exceptions",
                f"The dated hours from {first} to {last} {why}, so they were left out.",
                hint="check with the place; add the days under `exceptions:` if they are right.",
            )
        )
        return
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        if day < today:
            continue
        if day not in dated or dated[day][0] == "closed":
            dated[day] = (hours, note or (dated[day][1] if day in dated else None))
        elif hours != "closed":
            dated[day] = (sorted({*dated[day][0], *hours}), dated[day][1])
