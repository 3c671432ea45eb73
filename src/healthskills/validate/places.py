"""Rules for places: the details a learner acts on must work when they act on them.

A postcode that a map cannot find, a phone number that cannot be dialled, or opening times
that say 25:00 send someone who has spent their bus fare to a closed door. So every place is
checked like a lesson: UK postcode format, numbers that can be dialled (and turned into
`tel:` links), opening ranges that make sense, language codes we can name, lessons that
exist, and a `checked` date that is not stale. `healthskills places import` runs the same
function on every imported row before it writes a file.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from babel import Locale, UnknownLocaleError

from ..load.content import Content, Loaded
from ..load.yamlio import Document, Loc
from ..models.place import (
    WEEKDAYS,
    Place,
    area_slug,
    dial_digits,
    parse_range,
    text_digits,
)
from ..problems import Problem
from .common import WARN, check_id_matches_file, check_reference, check_unique

STALE_AFTER = dt.timedelta(days=183)
"""A place not checked for six months is a warning, like an overdue review: opening times
and drop-in sessions change more often than health guidance does."""

POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPS-UW]|[A-HK-Y]\d[ABEHMNPRV-Y])"
    r" ?\d[ABD-HJLNP-UW-Z]{2})$",
    re.IGNORECASE,
)
"""The UK postcode format (the outward code, an optional space, the inward code)."""

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
RESERVED_IDS = ("offers", "languages")
"""Folders inside an area's pages (filter pages), so no place can be called that."""


@functools.cache
def language_known(code: str) -> bool:
    """Whether babel can name the language, so the page can say it in the reader's words."""
    try:
        return Locale.parse(code).language == code.split("-")[0]
    except (UnknownLocaleError, ValueError):
        return False


def validate_places(content: Content, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    lessons = content.stems.get("lessons", {})
    for loaded in content.places.values():
        problems += check_place(loaded, today, lessons)
    problems += _check_areas(content.places.values())
    return problems


def check_place(loaded: Loaded[Place], today: dt.date, lessons: Iterable[str]) -> list[Problem]:
    """Every rule for one place (also used on imported rows before they are written)."""
    doc, place = loaded.doc, loaded.model
    out = list(check_id_matches_file(doc, place.id)) if doc.path.endswith(".yaml") else []
    if place.id in RESERVED_IDS:
        out.append(
            doc.problem(
                ("id",),
                "place-id",
                f"`{place.id}` is a folder of every area's "
                "pages, so a place cannot be called that.",
                hint=f"rename it, such as `{place.id}-centre`.",
            )
        )
    out += _where(doc, place)
    out += _contact(doc, place)
    out += _hours(doc, place)
    out += check_unique(doc, ((("offers", i), o) for i, o in enumerate(place.offers)), "offer")
    out += check_unique(
        doc, ((("languages", i), c) for i, c in enumerate(place.languages)), "language"
    )
    for i, code in enumerate(place.languages):
        if not language_known(code):
            out.append(
                doc.problem(
                    ("languages", i),
                    "place-language",
                    f"`{code}` is not a language code we know.",
                    hint="use the two-letter ISO 639-1 code, such as `pl` for "
                    "Polish or `ar` for Arabic.",
                )
            )
    if not language_known(place.language):
        out.append(
            doc.problem(
                ("language",),
                "place-language",
                f"`{place.language}` is not a language code we know.",
                hint="the language the name and address are written in, such as `en` or `cy`.",
            )
        )
    known = list(lessons)
    for i, lesson_id in enumerate(place.lessons):
        out += check_reference(doc, ("lessons", i), "lesson", lesson_id, known)
    out += _checked(doc, place, today)
    return out


def _where(doc: Document, place: Place) -> Iterator[Problem]:
    if place.national:
        for key in ("area", "address", "postcode"):
            if getattr(place, key) is not None:
                yield doc.problem(
                    (key,),
                    "place-national",
                    f"A national service has no `{key}`: it is shown under "
                    '"Help you can get anywhere".',
                    hint=f"remove `{key}`, or set `national: false` for a place people visit.",
                    key=True,
                )
        if not place.sources:
            yield doc.problem(
                ("sources",),
                "place-national",
                "A national service needs the official page its details come from.",
                hint="add `sources:` with a title and https:// url.",
            )
        return
    for key in ("area", "address", "postcode"):
        if getattr(place, key) is None:
            yield doc.problem(
                (key,),
                "required",
                "This field is required.",
                hint=Place.model_fields[key].description or "",
            )
    if place.postcode is not None and not POSTCODE.fullmatch(place.postcode.strip()):
        yield doc.problem(
            ("postcode",),
            "place-postcode",
            f"`{place.postcode}` is not a UK postcode.",
            hint="write it like RT1 2AB: letters and digits, a space, then a "
            "digit and two letters.",
        )


def _contact(doc: Document, place: Place) -> Iterator[Problem]:
    contact = place.contact
    if contact.phone is not None and dial_digits(contact.phone) is None:
        yield doc.problem(
            ("contact", "phone"),
            "place-phone",
            f"`{contact.phone}` is not a UK phone number people can dial.",
            hint="write the whole number with its area code, such as "
            "01632 960123, or a short number such as 111 or 116 123.",
        )
    if contact.text is not None and text_digits(contact.text) is None:
        yield doc.problem(
            ("contact", "text"),
            "place-phone",
            f"`{contact.text}` is not a number people can send a text to.",
            hint="use a mobile number (07…) or a 5 or 6 digit short code such as 85258.",
        )
    if contact.text_word is not None and contact.text is None:
        yield doc.problem(
            ("contact", "text_word"),
            "place-phone",
            "`text_word` needs the number to send it to.",
            hint="add `text:` with the number.",
        )
    if contact.email is not None and not EMAIL.fullmatch(contact.email):
        yield doc.problem(
            ("contact", "email"),
            "place-email",
            f"`{contact.email}` is not an email address.",
            hint="write it like help@example.org.",
        )
    if place.national and not (contact.phone or contact.text or contact.website):
        yield doc.problem(
            ("contact",),
            "place-national",
            "A national service needs a phone number, a text number or a "
            "website: it is how people reach it.",
            hint="add one under `contact:`.",
        )


def _ranges(doc: Document, loc: Loc, ranges: list[str]) -> Iterator[Problem]:
    spans: list[tuple[int, int, int]] = []
    for i, text in enumerate(ranges):
        span = parse_range(text)
        if span is None:
            yield doc.problem(
                (*loc, i),
                "place-hours",
                f"`{text}` is not an opening range.",
                hint="write it like 09:00-12:30 in the 24-hour clock; 00:00-24:00 is all day.",
            )
        elif span[0] >= span[1]:
            yield doc.problem(
                (*loc, i),
                "place-hours",
                f"`{text}` ends before it starts.",
                hint="put the opening time first; for a place open past "
                "midnight, split it over the two days (…-24:00 and 00:00-…).",
            )
        else:
            spans.append((span[0], span[1], i))
    spans.sort()
    for (_, end, _i), (start, _e, j) in itertools.pairwise(spans):
        if start < end:
            yield doc.problem(
                (*loc, j),
                "place-hours",
                f"`{ranges[j]}` overlaps another range of the same day.",
                hint="join the two ranges into one, or fix the times.",
            )


def _hours(doc: Document, place: Place) -> Iterator[Problem]:
    if place.hours is not None and place.hours != "always":
        for day in WEEKDAYS:
            yield from _ranges(doc, ("hours", day), place.hours.ranges(day))
    seen: dict[dt.date, int] = {}
    for i, exception in enumerate(place.exceptions):
        yield from _ranges(doc, ("exceptions", i, "hours"), exception.ranges())
        if exception.date in seen:
            yield doc.problem(
                ("exceptions", i, "date"),
                "place-hours",
                f"{exception.date} is listed twice (also exceptions[{seen[exception.date]}]).",
                hint="give each day one entry, with all its ranges.",
            )
        seen.setdefault(exception.date, i)
    if place.hours is None and not place.national:
        yield doc.problem(
            ("hours",),
            "required",
            "This field is required.",
            hint="opening times per weekday, such as `monday: [09:00-17:00]`; "
            "a day left out is closed.",
        )


def _checked(doc: Document, place: Place, today: dt.date) -> Iterator[Problem]:
    if place.checked > today:
        yield doc.problem(
            ("checked",),
            "review-in-future",
            f"`checked` ({place.checked}) is in the future.",
            hint="use the date someone actually checked the details.",
        )
    elif today - place.checked > STALE_AFTER:
        yield doc.problem(
            ("checked",),
            "place-not-checked",
            f"These details were last checked on {place.checked}, more than 6 months ago.",
            hint="phone or visit to check the opening times and offers, then update `checked`.",
            severity=WARN,
        )


def _check_areas(places: Iterable[Loaded[Place]]) -> Iterator[Problem]:
    """Two spellings of one area would split its places over two pages: the spelling most
    places use is taken as right, and the others are reported."""
    spellings: dict[str, Counter[str]] = {}
    for loaded in places:
        if loaded.model.area is not None:
            spellings.setdefault(area_slug(loaded.model.area), Counter())[loaded.model.area] += 1
    for loaded in places:
        area = loaded.model.area
        if area is None:
            continue
        key = area_slug(area)
        usual = max(sorted(spellings[key]), key=lambda s: spellings[key][s])
        if not key:
            yield loaded.doc.problem(
                ("area",),
                "place-area",
                f"`{area}` has no letters or digits to make a web address from.",
                hint="use the town or borough's name.",
            )
        elif area != usual:
            yield loaded.doc.problem(
                ("area",),
                "place-area",
                f"The area `{area}` is spelled `{usual}` in another place.",
                hint="spell an area the same way everywhere, or its places "
                "are split over two pages.",
                severity=WARN,
            )
