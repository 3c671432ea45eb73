"""Types shared by every content model.

Models are strict on purpose (`extra="forbid"`, strict booleans and whole numbers): a typo
in a key or a `yes` where `true` was meant must be reported, never silently accepted.
Each field's `description` doubles as the hint shown when the field is missing, and feeds
the JSON Schema that editors use for autocompletion.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
HTTPS_PATTERN = r"^https://[^\s/]+\.[^\s]+$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""Stable id: lower-case letters, digits and single hyphens. Translations key on ids."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
"""Plain text, never empty."""

Markdown = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
"""Text in the small Markdown subset described in docs/authors.md."""

HttpsUrl = Annotated[str, StringConstraints(pattern=HTTPS_PATTERN, strip_whitespace=True)]

NATIONS = ("england", "wales", "scotland", "northern-ireland")
"""The four UK nations. Health services differ between them (prescription charges, NHS 111
in Wales and Scotland, nidirect in Northern Ireland), so every page says which it is for."""

Nation = Literal["england", "wales", "scotland", "northern-ireland"]


class ContentModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Picture(ContentModel):
    name: Id = Field(description="the picture's file name in content/pictures/, without .svg")
    alt: Text = Field(
        description="alt text saying what the picture shows, for people who cannot see it"
    )


class Source(ContentModel):
    title: Text = Field(description="the page title of the official source")
    url: HttpsUrl = Field(description="the https:// address of the official source")


class Reviewed(ContentModel):
    """Review dates and sources: every lesson and guide must say where its facts come from
    and when someone last checked them against those sources."""

    sources: list[Source] = Field(
        min_length=1, description="at least one official source (title and https:// url)"
    )
    reviewed: dt.date = Field(
        description="the date the content was last checked against its sources, YYYY-MM-DD"
    )
    review_due: dt.date = Field(
        description="the date the content must be checked again, YYYY-MM-DD"
    )
    owner: Text = Field(
        default="healthskills editors", description="who is responsible for reviewing it"
    )
    applies_to: list[Nation] = Field(
        min_length=1,
        description="the UK nations the page is true for: england, wales, scotland, "
        "northern-ireland",
    )
    elsewhere: Text | None = Field(
        default=None,
        description="for a page not true everywhere in the UK, one plain sentence saying "
        "what is different in the other nations",
    )
