"""Help near you: the places where people can get online and get help, in the reader's
language.

- `help-near-you/`: national services anyone can phone or use online, then the areas A to Z;
- one page per area, with every place, what it offers, its opening times and how to reach
  it; long areas are split into pages of `PER_PAGE` so a page stays inside its byte budget;
- the filter as pages (per offer and per language spoken) for readers without JavaScript;
  with it, the area page filters itself and says which places are open now;
- one page per place, with the lessons its helpers can teach and its posters to print.

Names and addresses stay as written and carry the language they are written in; labels,
days and times are the reader's (babel). Nothing here sends anything anywhere: no maps from
other hosts, no geolocation, "open now" is worked out on the device.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from babel.dates import format_time, get_day_names
from markupsafe import Markup

from .. import pages
from ..assets import Assets
from ..localise.content import Localised
from ..models.place import OFFERS, WEEKDAYS, Place, area_slug, normal_postcode, parse_range
from ..models.place import tel_href as _tel_href
from ..models.place import text_digits as _text_digits
from ..settings import ProjectSettings
from ..text import sort_key
from .context import PageContext, PageSource, babel_locale, index_source
from .embed_code import snippet

PER_PAGE = 40
"""Places on one page of an area: 200 places on one page would be about 30 KB of HTML
before the text can be read (brotli), twice the 14 KB budget."""

OFFER_PICTURES = {
    "free-wifi": "wifi",
    "computers": "computer",
    "free-sim": "sim-card",
    "health-champion": "helper",
    "nhs-app-help": "nhs-app",
    "printing": "form",
    "step-free": "location",
    "hearing-loop": "talking",
    "bsl": "sign-language",
}
"""The pictogram shown beside each offer's words (never instead of them)."""

KIND_PICTURES = {
    "library": "library",
    "digital-inclusion-hub": "computer",
    "community-centre": "community-centre",
    "gp-practice": "gp-practice",
    "pharmacy": "pharmacy",
    "charity": "helper",
    "other": "information",
}


def key(prefix: str, value: str) -> str:
    """The interface string for a fixed value: `offer_free_wifi`, `kind_gp_practice`."""
    return f"{prefix}_{value.replace('-', '_')}"


def language_name(page: PageContext, code: str) -> str:
    """A language's name in the reader's language ("Polish", "البولندية")."""
    name = babel_locale(page.locale()).languages.get(code) or babel_locale("en_GB").languages.get(
        code
    )
    return name or code


def _time(page: PageContext, minutes: int) -> str:
    value = dt.time(minutes // 60 % 24, minutes % 60)
    return format_time(value, format="short", locale=babel_locale(page.locale()))


def ranges_text(page: PageContext, ranges: list[str]) -> str:
    """ "09:00 to 12:00, 13:00 to 17:00", or "Closed", in the reader's words."""
    spans = [s for s in (parse_range(r) for r in ranges) if s is not None]
    if not spans:
        return page.t("closed")
    return page.listing(
        [page.t("hours_range", start=_time(page, a), end=_time(page, b)) for a, b in spans]
    )


def week_lines(page: PageContext, place: Place) -> list[tuple[str, str]]:
    """The usual week as (days, times) lines, days with the same times joined:
    ("Monday to Friday", "09:00 to 17:00")."""
    if place.hours is None:
        return []
    if place.hours == "always":
        return [("", page.t("open_always"))]
    names = get_day_names("wide", locale=babel_locale(page.locale()))
    lines: list[tuple[str, str]] = []
    start = 0
    for i in range(1, 8):
        same = i < 7 and place.hours.ranges(WEEKDAYS[i]) == place.hours.ranges(WEEKDAYS[start])
        if same:
            continue
        if i - 1 == start:
            days = names[start]
        elif i - 2 == start:
            days = page.listing([names[start], names[i - 1]])
        else:
            days = page.t("days_range", first=names[start], last=names[i - 1])
        lines.append((days, ranges_text(page, place.hours.ranges(WEEKDAYS[start]))))
        start = i
    return lines


def exception_lines(page: PageContext, place: Place, today: dt.date) -> list[tuple[str, str, str]]:
    """Dated changes from today on: (date, times, note)."""
    return [
        (page.date(e.date), ranges_text(page, e.ranges()), e.note or "")
        for e in sorted(place.exceptions, key=lambda e: e.date)
        if e.date >= today
    ]


def hours_data(place: Place) -> str:
    """The opening times for the page script ("open now"), compact: each weekday's ranges
    in minutes, `A` for always open, and the dated exceptions."""
    if place.hours is None:
        return ""
    if place.hours == "always":
        return "A"
    hours = place.hours
    week = "|".join(_minutes(hours.ranges(day)) for day in WEEKDAYS)
    extra = ";".join(f"{e.date.isoformat()}:{_minutes(e.ranges())}" for e in place.exceptions)
    return week + ("#" + extra if extra else "")


def _minutes(ranges: list[str]) -> str:
    """`["09:00-12:00"]` → `540-720`."""
    return ",".join(f"{a}-{b}" for a, b in filter(None, map(parse_range, ranges)))


@dataclass(frozen=True)
class Area:
    name: str
    slug: str
    places: list[Place]


def areas(local: Localised) -> list[Area]:
    """The areas A to Z, each with its places by name."""
    grouped: dict[str, list[Place]] = {}
    names: dict[str, str] = {}
    for place in local.places.values():
        if place.national or place.area is None:
            continue
        slug = area_slug(place.area)
        names.setdefault(slug, place.area)
        grouped.setdefault(slug, []).append(place)
    return [
        Area(names[slug], slug, sorted(grouped[slug], key=lambda p: sort_key(p.name)))
        for slug in sorted(grouped, key=lambda s: sort_key(names[s]))
    ]


def area_title(local: Localised, area: Area) -> str:
    """ "Places in Riverton", in the reader's language: the area's pages and embed view."""
    return local.ui("places_in_area").format(area=area.name)


def national(local: Localised) -> list[Place]:
    return sorted((p for p in local.places.values() if p.national), key=lambda p: sort_key(p.name))


class PlaceView:
    """What the templates show of one place on one page, in the reader's language."""

    def __init__(self, page: PageContext, place: Place, today: dt.date | None = None) -> None:
        self.place = place
        self.page = page
        self.area = area_slug(place.area) if place.area else ""
        self.url = pages.place_url(page.lang, self.area, place.id) if self.area else ""
        self.link = page.link(self.url) if self.url else ""
        self.kind = page.t(key("kind", place.kind))
        self.kind_picture = KIND_PICTURES[place.kind]
        self.offers = [(page.t(key("offer", o)), OFFER_PICTURES[o]) for o in place.offers]
        self.languages = [language_name(page, code) for code in place.languages]
        self.week = week_lines(page, place)
        self.exceptions = exception_lines(page, place, today) if today else []
        self.data = hours_data(place)
        self.postcode = normal_postcode(place.postcode) if place.postcode else ""
        contact = place.contact
        self.tel = _tel_href(contact.phone) if contact.phone else ""
        digits = _text_digits(contact.text) if contact.text else None
        body = f"?body={quote(contact.text_word)}" if contact.text_word else ""
        self.sms = f"sms:{digits}{body}" if digits else ""
        if contact.text_word:
            self.text = page.t("text_word", word=contact.text_word, number=contact.text)
        else:
            self.text = page.t("text_number", number=contact.text) if contact.text else ""
        self.booking = page.t(key("booking", place.booking))
        self.checked = page.t("place_checked", date=page.date(place.checked))
        # Name and address are as written: say which language they are in when it is
        # not the page's, so a screen reader says them right.
        self.written_lang = (
            Markup(' lang="{}"').format(place.language) if place.language != page.lang else ""
        )

    @property
    def filter_data(self) -> Markup:
        return Markup(' data-offers="{}" data-langs="{}"').format(
            " ".join(self.place.offers), " ".join(self.place.languages)
        )


def _views(page: PageContext, places: Iterable[Place], today: dt.date) -> list[PlaceView]:
    return [PlaceView(page, place, today) for place in places]


def render_places(
    local: Localised,
    assets: Assets,
    settings: ProjectSettings,
    today: dt.date,
    sizes: dict[str, int] | None = None,
) -> list[PageSource]:
    """Every page of "Help near you" in one language."""
    sizes = sizes or {}
    lang = local.language.code
    page = PageContext(local, assets, pages.help_url(lang))
    all_areas = areas(local)
    body = page.render(
        "help_near_you.html",
        national=_views(page, national(local), today),
        areas=[(a, page.link(pages.area_url(lang, a.slug)), len(a.places)) for a in all_areas],
    )
    out = [index_source(page, pages.HELP_NEAR_YOU, "help_near_you", "help_near_you_intro", body)]
    for area in all_areas:
        out += _area_pages(local, assets, settings, area, today)
        for place in area.places:
            out.append(_place_page(local, assets, area, place, today, sizes))
    return out


def _filters(area: Area) -> tuple[list[str], list[str]]:
    """The offers and languages at least one place of the area has, in a fixed order."""
    offers = [o for o in OFFERS if any(o in p.offers for p in area.places)]
    languages = sorted({c for p in area.places for c in p.languages})
    return offers, languages


def area_body(
    local: Localised,
    assets: Assets,
    area: Area,
    places: list[Place],
    url: str,
    today: dt.date,
    *,
    title: str,
    number: int = 1,
    count: int = 1,
    embed: str | None = None,
    in_embed: bool = False,
    is_filter: bool = False,
) -> tuple[PageContext, str]:
    """An area's list of places (or one page of it, or one filter of it) at `url`: the
    same for the page and its embed view."""
    page = PageContext(local, assets, url)
    lang = page.lang
    offers, languages = _filters(area)
    base = pages.area_url(lang, area.slug)
    filter_links = [
        (page.t(key("offer", o)), page.link(pages.area_filter_url(lang, area.slug, "offers", o)))
        for o in offers
    ] + [
        (page.t("filter_language", language=language_name(page, c)),
         page.link(pages.area_filter_url(lang, area.slug, "languages", c)))
        for c in languages
    ]  # fmt: skip
    numbers = [(n, page.link(base if n == 1 else f"{base}{n}/")) for n in range(1, count + 1)]
    body = page.render(
        "help_area.html",
        area=area,
        title=title,
        places=_views(page, places, today),
        total=len(area.places),
        offers=[(o, page.t(key("offer", o))) for o in offers] if count == 1 else [],
        languages=[(c, language_name(page, c)) for c in languages] if count == 1 else [],
        filter_links=filter_links,
        all_link=page.link(base),
        is_filter=is_filter,
        numbers=numbers if count > 1 else [],
        number=number,
        help_link=page.link(pages.help_url(lang)),
        embed=embed,
        in_embed=in_embed,
    )  # fmt: skip
    return page, body


def _numbered(places: list[Place]) -> list[tuple[int, str, list[Place]]]:
    """A list of places in pages of `PER_PAGE`: (number, the page's folder under the first
    page's address, its places). The first page is the address itself."""
    return [
        (number, "" if number == 1 else f"{number}/", places[start : start + PER_PAGE])
        for number, start in enumerate(range(0, len(places), PER_PAGE), start=1)
    ]


def _area_pages(
    local: Localised, assets: Assets, settings: ProjectSettings, area: Area, today: dt.date
) -> list[PageSource]:
    lang = local.language.code
    out = []
    numbered = _numbered(area.places)
    title_text = area_title(local, area)
    code = snippet(settings, lang, pages.PLACES, area.slug, title_text)
    for number, suffix, chunk in numbered:
        url = pages.area_url(lang, area.slug) + suffix
        page, body = area_body(local, assets, area, chunk, url, today, title=title_text,
                               number=number, count=len(numbered),
                               embed=code if number == 1 else None)  # fmt: skip
        title = title_text if number == 1 else f"{title_text} ({number})"
        out.append(PageSource(
            path=f"{pages.PLACES}/{area.slug}/{suffix}index.md", url=url, title=title,
            description=page.t("places_count", count=len(area.places)), body=body, kind="index",
            meta={"hs_oembed": settings.site_url + pages.oembed_path(lang, pages.PLACES,
                                                                     area.slug)},
        ))  # fmt: skip
    offers, languages = _filters(area)
    facets = [("offers", o) for o in offers] + [("languages", c) for c in languages]
    for facet, value in facets:
        url = pages.area_filter_url(lang, area.slug, facet, value)
        chosen = [
            p for p in area.places if value in (p.offers if facet == "offers" else p.languages)
        ]
        page = PageContext(local, assets, url)
        label = page.t(key("offer", value)) if facet == "offers" else page.t(
            "filter_language", language=language_name(page, value))  # fmt: skip
        title = page.t("places_with", area=area.name, offer=label)
        numbered = _numbered(chosen)
        for number, suffix, chunk in numbered:
            page, body = area_body(local, assets, area, chunk, url + suffix, today, title=title,
                                   number=number, count=len(numbered), is_filter=True)  # fmt: skip
            out.append(PageSource(
                path=f"{pages.PLACES}/{area.slug}/{facet}/{value}/{suffix}index.md",
                url=url + suffix, title=title, description=title, body=body, kind="index",
                meta={"search": {"exclude": True}},
            ))  # fmt: skip
    return out


def _place_page(
    local: Localised,
    assets: Assets,
    area: Area,
    place: Place,
    today: dt.date,
    sizes: dict[str, int],
) -> PageSource:
    lang = local.language.code
    url = pages.place_url(lang, area.slug, place.id)
    page = PageContext(local, assets, url)
    posters = []
    for path, label in (
        (pages.poster_pdf_path(lang, place.id), page.template("poster")),
        (pages.bilingual_poster_pdf_path(lang, place.id), page.template("poster_bilingual")),
    ):
        if path in sizes:
            text = label.format(size=page.kilobytes(sizes[path]), language=local.language.name)
            posters.append((text, page.link(path)))
    lessons = [(page.lesson_link(i), local.lessons[i].title) for i in place.lessons
               if i in local.lessons]  # fmt: skip
    body = page.render(
        "place.html",
        view=PlaceView(page, place, today),
        area=area,
        area_link=page.link(pages.area_url(lang, area.slug)),
        help_link=page.link(pages.help_url(lang)),
        lessons=lessons,
        posters=posters,
    )
    return PageSource(
        path=f"{pages.PLACES}/{area.slug}/{place.id}.md",
        url=url,
        title=place.name,
        description=str(place.summary) if place.summary else page.t(key("kind", place.kind)),
        body=body,
        kind="index",
    )


def lesson_places(local: Localised, lesson_id: str) -> tuple[list[Place], bool]:
    """The places a lesson's "Get help in person" names: the site's own places whose
    helpers teach it (up to 5), or when the site lists no local places, the national
    services that help with it. The flag says whether they are local."""
    local_places = [p for p in local.places.values() if not p.national]
    if local_places:
        teaching = [p for p in local_places if lesson_id in p.lessons]
        return sorted(teaching, key=lambda p: sort_key(p.name))[:5], True
    return [p for p in national(local) if lesson_id in p.lessons], False
