"""Open Referral UK (ORUK) JSON → place rows: reading a council's service directory.

ORUK is the UK profile of Open Referral's Human Services Data Specification (HSDS). Councils
publish it as an API; a saved response (or a list of services) is what this reads. Two
generations are in use, and both are read, field by field as each defines them:

- ORUK "version 1/2" (HSDS 1.x/2.0 with UK extensions; most council feeds today):
  `regular_schedules` (`byday` or `weekday`, `opens_at`, `closes_at`), `holiday_schedules`
  (`closed`, `opens_at`, `closes_at`, `start_date`, `end_date`), `service_taxonomys` →
  `taxonomy.name`, `location.physical_addresses`, `location.accessibility_for_disabilities`,
  `languages[].language`, `contacts[].phones[].number`, `attending_access`, `assured_date`.
  Paged responses are `{"content": [...], "totalPages": …}`.
- ORUK 3.0 (the UK profile of HSDS 3.0): `schedules` (RFC 5545 `freq`, `interval`,
  `byday`; a schedule with no days but `valid_from`/`dtstart` is read as dated hours),
  `attributes[].taxonomy_term.name`/`term`, `location.addresses` (with `address_type`),
  `location.accessibility`, `languages[].code`/`name`, `phones[].number` (on the service,
  its contacts, the location or the service at location), `last_modified`. Paged responses
  are `{"contents": [...], "total_pages": …}`.

The file holds a list of services, a paged response, or one service. Each service becomes
one place per physical location (`service_at_locations[].location`); a service at several
locations is named `Service name, Location name`. Each place is mapped so:

- name: the service's `name`
- kind: words in the name, taxonomy terms or organisation's name (guess.py)
- summary: the first sentence of `description`, if it is 200 characters or fewer
- area: `--area`, else the address's `city`
- address: the location's `name` (unless the service name or street says it),
  `address_1`, `address_2`
- postcode: `postal_code`, written like `RT1 2AB`
- hours: the weekly schedules for this location (else the service's), as ranges a weekday
- exceptions: holiday schedules and dated schedules from today on, one entry a day, for up
  to 31 days each
- offers: words in taxonomy terms, attributes and accessibility notes (guess.py)
- languages: codes or names as ISO 639-1 codes; English is left out (every place helps in
  English); British Sign Language becomes the offer `bsl`
- contact: the first phone number people can dial; an `sms` or `text` phone as the text
  number; the service's email, else a contact's; its `url`, else the location's, else the
  organisation's website, which must be https://
- booking: `required` when `attending_access` says appointment or referral
- checked: `assured_date`, else `last_modified`, else today
- owner: `--owner`, else the organisation's `name`

Left out, with a warning: monthly or fortnightly schedules (a place's hours are weekly),
holidays longer than 31 days, language names babel does not know, an http:// website.
Left out without one: timetables that ended before today or start after it, and days
already past (schedules.py). A service whose `status` is inactive, defunct or temporarily
closed is not imported at all (a warning says so).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from typing import Any

from ..models.place import dial_digits, text_digits
from ..problems import Problem, Severity
from .guess import guess_kind, guess_offers
from .row import (
    SIGN_LANGUAGE,
    Note,
    Options,
    Row,
    first_sentence,
    language_code,
    obj,
    objects,
    parse_date,
    plain,
    postcode,
    text,
    website,
)
from .schedules import opening_hours

PAGE_KEYS = ("contents", "content")
"""Where a paged API response keeps its services: HSDS 3.0, then ORUK 1/2 (Spring's Page)."""

CLOSED_STATUSES = ("inactive", "defunct", "temporarily closed")


def read_oruk(source: str, options: Options) -> tuple[list[Row], list[Problem]]:
    """The rows of an ORUK file's text, and any problem with the file as a whole."""
    path = options.path
    try:
        data = json.loads(source)
    except json.JSONDecodeError as exc:
        return [], [
            Problem(
                path,
                exc.lineno,
                exc.colno,
                Severity.ERROR,
                "unreadable",
                f"The file is not valid JSON: {exc.msg}.",
                hint="save the directory's API response as it is, without editing it; "
                "a spreadsheet belongs in a .csv file.",
            )
        ]
    except RecursionError:
        return [], [
            Problem(path, 0, 0, Severity.ERROR, "unreadable", "The JSON is nested too deeply.")
        ]
    records, key, problems = _records(data, path)
    positions = _positions(source, key)
    rows: list[Row] = []
    for index, record in enumerate(records):
        line, col = positions[index] if len(positions) == len(records) else (0, 0)
        if not isinstance(record, dict):
            problems.append(
                Problem(
                    path,
                    line,
                    col,
                    Severity.ERROR,
                    "import-row",
                    f"Record [{index}] is not a service (a JSON object with a name).",
                    key_path=f"[{index}]",
                )
            )
            continue
        rows += _service_rows(record, index, line, col, options)
    return rows, problems


def _records(data: Any, path: str) -> tuple[list[Any], str | None, list[Problem]]:
    """The service records, and where they are: None for a top-level list, a key for a
    paged response, "" for a single service."""
    if isinstance(data, list):
        return data, None, []
    if isinstance(data, dict):
        for key in PAGE_KEYS:
            if isinstance(data.get(key), list):
                return data[key], key, _paging(data, len(data[key]), path)
        if "name" in data or "service_at_locations" in data:
            return [data], "", []
    return (
        [],
        None,
        [
            Problem(
                path,
                1,
                1,
                Severity.ERROR,
                "unreadable",
                "No services found: expected a list of services, a paged response "
                '(`{"contents": [...]}` or `{"content": [...]}`), or one service.',
                hint="save the response of the directory's /services address.",
            )
        ],
    )


def _paging(data: dict[str, Any], count: int, path: str) -> list[Problem]:
    pages = data.get("total_pages", data.get("totalPages"))
    page = data.get("page_number", data.get("number", "?"))
    if not isinstance(pages, int) or isinstance(pages, bool) or pages <= 1:
        return []
    return [
        Problem(
            path,
            0,
            0,
            Severity.WARNING,
            "import-row",
            f"This is page {page} of {pages} of the directory: only its {count} services "
            "were read.",
            hint="save every page (add ?page=2 and so on to the address) and import each.",
        )
    ]


def _positions(source: str, key: str | None) -> list[tuple[int, int]]:
    """Line and column of each record, found by walking the JSON with the standard
    decoder's `raw_decode` (the json module keeps no positions). Empty if anything is
    unexpected: problems then name the record by its index only."""
    decoder = json.JSONDecoder()

    def skip(i: int) -> int:
        while i < len(source) and source[i] in " \t\r\n":
            i += 1
        return i

    def items(i: int) -> list[int]:
        starts: list[int] = []
        i = skip(i + 1)
        while source[i] != "]":
            starts.append(i)
            _, i = decoder.raw_decode(source, i)
            i = skip(i)
            if source[i] == ",":
                i = skip(i + 1)
        return starts

    try:
        i = skip(0)
        if key is None:
            starts = items(i) if source[i] == "[" else []
        elif key == "":
            starts = [i]
        else:
            starts = []
            i = skip(i + 1)
            while source[i] != "}":
                name, i = decoder.raw_decode(source, i)
                i = skip(skip(i) + 1)  # past the colon
                if name == key and source[i] == "[":
                    starts = items(i)
                    break
                _, i = decoder.raw_decode(source, i)
                i = skip(i)
                if source[i] == ",":
                    i = skip(i + 1)
    except (ValueError, IndexError):
        return []
    lines = [0, *(m.end() for m in re.finditer("\n", source))]  # where each line starts
    found = []
    for start in starts:  # a directory may hold thousands of services: no counting anew
        line = bisect.bisect_right(lines, start)
        found.append((line, start - lines[line - 1] + 1))
    return found


def _service_rows(
    service: dict[str, Any], index: int, line: int, col: int, options: Options
) -> list[Row]:
    name = text(service.get("name"))
    sites = []
    for i, sal in enumerate(objects(service.get("service_at_locations"))):
        location = obj(sal.get("location"))
        if text(location.get("location_type")) == "virtual":
            continue
        address = _address(location)
        if address:
            sites.append((i, sal, location, address))
    if not sites:  # one row, which the check will refuse for its missing address
        sals = objects(service.get("service_at_locations"))
        first = sals[0] if sals else {}
        sites = [(None, first, obj(first.get("location")), {})]
    rows = []
    for i, sal, location, address in sites:
        key = (
            f"[{index}]" if i is None or len(sites) == 1 else f"[{index}].service_at_locations[{i}]"
        )
        row = Row(options.path, f"Record {key}", line, col, key)
        site_name = text(location.get("name")) or text(address.get("address_1"))
        full_name = f"{name}, {site_name}" if name and site_name and len(sites) > 1 else name
        _fill(row, service, sal, location, address, full_name, options)
        status = (text(service.get("status")) or "").lower()
        if status in CLOSED_STATUSES:
            row.skip = f"its status is `{status}`"
        rows.append(row)
    return rows


def _address(location: dict[str, Any]) -> dict[str, Any]:
    """A location's street address: ORUK 1/2's `physical_addresses`, or 3.0's `addresses`
    (physical first, then untyped, then postal; never virtual)."""
    order = {"physical": 0, None: 1, "postal": 2}
    addresses = objects(location.get("physical_addresses"), location.get("addresses"))
    found = [
        (order.get((text(a.get("address_type")) or "").lower() or None, 3), n, a)
        for n, a in enumerate(addresses)
        if text(a.get("address_1")) or text(a.get("postal_code"))
    ]
    found = [item for item in found if item[0] < 3]
    return min(found, key=lambda item: item[:2])[2] if found else {}


def _fill(
    row: Row,
    service: dict[str, Any],
    sal: dict[str, Any],
    location: dict[str, Any],
    address: dict[str, Any],
    name: str | None,
    options: Options,
) -> None:
    organisation = obj(service.get("organization"))
    terms = list(_terms(service, sal, location))
    notes = row.notes
    data: dict[str, Any] = {}
    if name:
        data["name"] = name
    data["kind"] = guess_kind(
        [n for n in (name, text(location.get("name"))) if n],
        terms,
        [n for n in (text(organisation.get("name")),) if n],
    )
    data["summary"] = first_sentence(service.get("description"))
    data["area"] = options.area or text(address.get("city"))
    data["address"] = _street(name, location, address)
    data["postcode"] = postcode(address.get("postal_code"))
    data["hours"], data["exceptions"] = opening_hours(service, sal, location, options.today, notes)
    languages, sign = _languages(service, location, notes)
    offers = guess_offers([*terms, *_accessibility(service, location)])
    if sign and "bsl" not in offers:
        offers.append("bsl")
    data["offers"] = offers
    data["languages"] = languages
    data["contact"] = _contact(service, sal, location, organisation, notes)
    access = (text(service.get("attending_access")) or "").lower()
    if "appointment" in access or "referral" in access:
        data["booking"] = "required"
    data["checked"] = (
        parse_date(service.get("assured_date"))
        or parse_date(service.get("last_modified"))
        or options.today
    )
    data["owner"] = options.owner or text(organisation.get("name"))
    row.data = {k: v for k, v in data.items() if v not in (None, [], {})}


def _street(name: str | None, location: dict[str, Any], address: dict[str, Any]) -> str | None:
    lines = [
        line
        for key in ("address_1", "address_2", "address_3", "address_4")
        if (line := text(address.get(key)))
    ]
    site = text(location.get("name"))
    said = " ".join([name or "", *lines[:1]]).lower()
    if site and lines and site.lower() not in said:
        lines.insert(0, site)
    return ", ".join(lines) or None


def _terms(service: dict[str, Any], *others: dict[str, Any]) -> Iterator[str]:
    """Taxonomy terms (ORUK 1/2) and attributes (3.0) of the service and its location."""
    for link in objects(service.get("service_taxonomys"), service.get("service_taxonomies")):
        if found := text(obj(link.get("taxonomy")).get("name")):
            yield found
    for holder in (service, *others):
        for attribute in objects(holder.get("attributes")):
            term = obj(attribute.get("taxonomy_term"))
            for value in (term.get("name"), term.get("term"), attribute.get("value")):
                if found := text(value):
                    yield found


def _accessibility(service: dict[str, Any], location: dict[str, Any]) -> Iterator[str]:
    for holder in (service, location):
        for item in objects(
            holder.get("accessibility_for_disabilities"), holder.get("accessibility")
        ):
            for key in ("accessibility", "description", "details"):
                if found := plain(item.get(key)):
                    yield found


def _languages(
    service: dict[str, Any], location: dict[str, Any], notes: list[Note]
) -> tuple[list[str], bool]:
    """Language codes (English left out), and whether British Sign Language was listed."""
    codes: list[str] = []
    sign = False
    items: list[Any] = []
    for holder in (service, location):
        value = holder.get("languages")
        items += value if isinstance(value, list) else []
    for item in items:
        values = (
            [item]
            if isinstance(item, str)
            else [obj(item).get(k) for k in ("code", "language", "name")]
        )
        said = [found for value in values if (found := text(value))]
        if not said:
            continue
        if any(SIGN_LANGUAGE.search(value) for value in said):
            sign = True
            continue
        code = next((c for value in said if (c := language_code(value))), None)
        if code is None:
            notes.append(
                Note(
                    "languages",
                    f"`{said[0]}` is not a language we know, so it was left out.",
                    hint="add its two-letter code under `languages:`, such as `pl` for Polish.",
                )
            )
        elif code != "en" and code not in codes:
            codes.append(code)
    return codes, sign


def _phones(*holders: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(number, type) of every phone of the service, its location and their contacts."""
    for holder in holders:
        for contact in [holder, *objects(holder.get("contacts"))]:
            for phone in contact.get("phones") or []:
                number = text(phone) if not isinstance(phone, dict) else text(phone.get("number"))
                kind = text(phone.get("type")) if isinstance(phone, dict) else None
                if number:
                    yield number, (kind or "").lower()


def _contact(
    service: dict[str, Any],
    sal: dict[str, Any],
    location: dict[str, Any],
    organisation: dict[str, Any],
    notes: list[Note],
) -> dict[str, Any]:
    phones = list(_phones(service, sal, location))
    voice = [number for number, kind in phones if kind not in ("sms", "text")]
    texts = [number for number, kind in phones if kind in ("sms", "text")]
    contact: dict[str, Any] = {}
    contact["phone"] = next((n for n in voice if dial_digits(n)), voice[0] if voice else None)
    contact["text"] = next((n for n in texts if text_digits(n)), None)
    contact["email"] = text(service.get("email")) or next(
        (e for c in objects(service.get("contacts")) if (e := text(c.get("email")))), None
    )
    url = next(
        (
            found
            for found in (
                text(service.get("url")),
                text(location.get("url")),
                text(organisation.get("website")),
                text(organisation.get("url")),
            )
            if found
        ),
        None,
    )
    contact["website"], note = website(url)
    if note:
        notes.append(note)
    return {k: v for k, v in contact.items() if v}
