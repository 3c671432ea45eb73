"""A place where people can get online and get help: a library, a digital inclusion hub, a
community centre, a GP practice, a pharmacy, a charity's drop-in, or a national service
that anyone can phone or visit online.

Places are written by the organisation that runs a site (or imported from its council's Open
Referral UK directory), never translated: a name and an address stay as written, so that a
learner can show them to a bus driver or find them on a sign. Everything around them (what a
place offers, opening days and times) is shown in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StringConstraints

from .common import ContentModel, HttpsUrl, Id, Source, Text

KINDS = (
    "library",
    "digital-inclusion-hub",
    "community-centre",
    "gp-practice",
    "pharmacy",
    "charity",
    "other",
)
Kind = Literal[
    "library",
    "digital-inclusion-hub",
    "community-centre",
    "gp-practice",
    "pharmacy",
    "charity",
    "other",
]

OFFERS = (
    "free-wifi",
    "computers",
    "free-sim",
    "health-champion",
    "nhs-app-help",
    "printing",
    "step-free",
    "hearing-loop",
    "bsl",
)
"""What a place offers, from a fixed list so that pages can be filtered by it and every
label is translated. Help in other languages is the `languages` list, not an offer."""

Offer = Literal[
    "free-wifi",
    "computers",
    "free-sim",
    "health-champion",
    "nhs-app-help",
    "printing",
    "step-free",
    "hearing-loop",
    "bsl",
]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

Range = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Opening hours as `HH:MM-HH:MM` in the 24-hour clock, UK time; `00:00-24:00` is all day.
Checked by validate/places.py, which can say what is wrong with a range."""

Booking = Literal["no", "recommended", "required"]

Day = list[Range] | Literal["closed"]
_DAY = "{}'s opening ranges, such as `[09:00-12:00, 13:00-17:00]`, or `closed`"


class Hours(ContentModel):
    """One opening day: a list of ranges, or `closed`. A day left out is closed."""

    monday: Day = Field(default="closed", description=_DAY.format("Monday"))
    tuesday: Day = Field(default="closed", description=_DAY.format("Tuesday"))
    wednesday: Day = Field(default="closed", description=_DAY.format("Wednesday"))
    thursday: Day = Field(default="closed", description=_DAY.format("Thursday"))
    friday: Day = Field(default="closed", description=_DAY.format("Friday"))
    saturday: Day = Field(default="closed", description=_DAY.format("Saturday"))
    sunday: Day = Field(default="closed", description=_DAY.format("Sunday"))

    def ranges(self, day: str) -> list[str]:
        value = getattr(self, day)
        return [] if value == "closed" else list(value)


class DatedHours(ContentModel):
    """A dated change to the usual hours: a bank holiday, a training day, a late opening."""

    date: dt.date = Field(description="the day, YYYY-MM-DD")
    hours: list[Range] | Literal["closed"] = Field(
        description="the opening ranges that day, such as `[10:00-13:00]`, or `closed`"
    )
    note: Text | None = Field(
        default=None, description="why, in a few words, such as `Bank holiday`"
    )

    def ranges(self) -> list[str]:
        return [] if self.hours == "closed" else list(self.hours)


class Contact(ContentModel):
    phone: Text | None = Field(
        default=None, description="a UK phone number people can dial, such as `01632 960123`"
    )
    text: Text | None = Field(
        default=None, description="a number people can send a text message to, such as `85258`"
    )
    text_word: Text | None = Field(
        default=None, description="the word to send by text, such as `SHOUT`, if one is needed"
    )
    email: Text | None = Field(default=None, description="an email address")
    website: HttpsUrl | None = Field(
        default=None, description="the place's own web page, starting https://"
    )


class Place(ContentModel):
    id: Id = Field(description="the place id, equal to the file name without .yaml")
    name: Text = Field(description="the place's name, as written on its sign")
    kind: Kind = Field(
        description="library, digital-inclusion-hub, community-centre, gp-practice, pharmacy, "
        "charity or other"
    )
    national: StrictBool = Field(
        default=False,
        description="true for a service anyone in the UK can use by phone or online "
        '(shown under "Help you can get anywhere"); such a place has no address or area',
    )
    summary: Text | None = Field(
        default=None, description="one short sentence saying what people can get there"
    )
    area: Text | None = Field(
        default=None, description="the town or borough it belongs to, such as `Riverton`"
    )
    address: Text | None = Field(
        default=None, description="the street address without the postcode, as on a letter"
    )
    postcode: Text | None = Field(default=None, description="the UK postcode, such as `RT1 2AB`")
    how_to_find: Text | None = Field(
        default=None, description="one short sentence on how to find the door or room"
    )
    language: Id = Field(
        default="en", description="the language the name and address are written in"
    )
    hours: Hours | Literal["always"] | None = Field(
        default=None,
        description="opening times per weekday (a day left out is closed), or `always` for a "
        "service open 24 hours a day, every day",
    )
    exceptions: list[DatedHours] = Field(
        default_factory=list, description="dated changes to the usual hours, such as bank holidays"
    )
    offers: list[Offer] = Field(default_factory=list, description="what the place offers")
    languages: list[Id] = Field(
        default_factory=list,
        description="languages its staff or volunteers can help in, as codes such as `pl`, `ar`",
    )
    contact: Contact = Field(default_factory=Contact, description="phone, text, email, website")
    booking: Booking = Field(
        default="no", description="whether people need to book: no, recommended or required"
    )
    lessons: list[Id] = Field(
        default_factory=list, description="ids of the lessons its helpers can help with"
    )
    sources: list[Source] = Field(
        default_factory=list,
        description="for a national service, the official page each fact comes from",
    )
    checked: dt.date = Field(description="the date someone last checked these details, YYYY-MM-DD")
    owner: Text = Field(description="who keeps these details up to date")


RANGE = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


def normal_postcode(postcode: str) -> str:
    """`rt12ab` → `RT1 2AB`: how a postcode is printed and searched for."""
    compact = re.sub(r"\s+", "", postcode).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def dial_digits(number: str) -> str | None:
    """The digits to dial for a UK number as people write it (`01632 960123`,
    `+44 (0)1632 960123`, `116 123`, `111`), or None when it cannot be dialled."""
    digits = re.sub(r"[\s\-().]", "", number)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    if not digits.isdigit():
        return None
    if re.fullmatch(r"0[1-9]\d{8,9}", digits):  # 10 or 11 digits with the leading 0
        return digits
    if re.fullmatch(r"0800\d{4}", digits):  # the few short freephone numbers (Childline)
        return digits
    if re.fullmatch(r"1\d{2}|116\d{3}|18001\d{3,11}", digits):  # 111, 999, 116 123, relay
        return digits
    return None


def tel_href(number: str) -> str:
    """A `tel:` link: international form for full numbers, so it works from a phone
    roaming on another network; short codes as they are."""
    digits = dial_digits(number) or ""
    return "tel:+44" + digits[1:] if digits.startswith("0") else "tel:" + digits


def text_digits(number: str) -> str | None:
    """A number to send a text message to: a mobile (07…) or a short code of 5 or 6 digits."""
    digits = re.sub(r"[\s\-]", "", number)
    if re.fullmatch(r"\d{5,6}|07\d{9}", digits):
        return digits
    return None


def parse_range(text: str) -> tuple[int, int] | None:
    """`09:30-17:00` → minutes from midnight (570, 1020); None when it is not a range."""
    m = RANGE.fullmatch(text)
    if not m:
        return None
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
        return None
    return h1 * 60 + m1, h2 * 60 + m2


def area_slug(area: str) -> str:
    """`St Albans & District` → `st-albans-district`: the area's folder."""
    return "-".join(re.findall(r"[a-z0-9]+", area.lower()))
