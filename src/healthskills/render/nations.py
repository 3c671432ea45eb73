"""Which UK nation a page is for, said near its top, with the official health services of
the nations it is not for.

Health services differ between England, Wales, Scotland and Northern Ireland (prescription
charges, NHS 111, the NHS App). People in all four find these pages, so each page says where
it is true and, where that is not everywhere, what is different and where to look instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..models import Guide, Lesson
from ..models.common import NATIONS
from ..settings import ProjectSettings
from .context import PageContext

SERVICES = {
    "england": ("NHS website", "https://www.nhs.uk/"),
    "wales": ("NHS 111 Wales", "https://111.wales.nhs.uk/"),
    "scotland": ("NHS inform", "https://www.nhsinform.scot/"),
    "northern-ireland": (
        "nidirect",
        "https://www.nidirect.gov.uk/articles/how-use-your-health-services",
    ),
}
"""Each nation's official public health information service: its own name (not translated)
and address."""


@dataclass(frozen=True)
class NationsNotice:
    applies: str
    """"This page is for England." in the reader's language."""
    elsewhere: Markup | None
    """What is different in the other nations (the author's sentence), if the page is not
    for all four."""
    services: list[tuple[str, str]]
    """(label, address) of the official service of each nation the page is not for."""
    heading: str


def nation_name(page: PageContext, nation: str) -> str:
    return page.t("nation_" + nation.replace("-", "_"))


def nations_notice(
    page: PageContext, item: Lesson | Guide, settings: ProjectSettings
) -> NationsNotice:
    del settings  # every page says where it applies, whatever nations the site serves
    covered = [n for n in NATIONS if n in item.applies_to]
    if len(covered) == len(NATIONS):
        return NationsNotice(page.t("applies_everywhere"), None, [], "")
    names = page.listing([nation_name(page, n) for n in covered])
    services = [
        (f"{nation_name(page, n)}: {SERVICES[n][0]}", SERVICES[n][1])
        for n in NATIONS
        if n not in covered
    ]
    elsewhere = page.text(item.elsewhere) if item.elsewhere else None
    return NationsNotice(page.t("applies_to", nations=names), elsewhere, services,
                         page.t("services_elsewhere"))  # fmt: skip
