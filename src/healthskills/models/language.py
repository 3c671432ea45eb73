"""A language the site is built in (`translations/languages.yaml`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool

from .common import ContentModel, Text


class Language(ContentModel):
    code: str = Field(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?$", description="ISO 639 code")
    name: Text = Field(description="the language's name in English")
    own_name: Text = Field(description="the language's name in itself")
    dir: Literal["ltr", "rtl"] = Field(description="ltr or rtl")
    status: Literal["source", "machine", "reviewed"] = Field(
        description="source (English), machine (not yet checked by a person) or reviewed"
    )
    partial: StrictBool = Field(
        default=False,
        description="true when the language is translated only in part on purpose: "
        "`check` does not report its missing translations (readers see English, with a notice)",
    )

    @property
    def is_source(self) -> bool:
        """English, which every other language is translated from."""
        return self.status == "source"


ENGLISH = Language(code="en", name="English", own_name="English", dir="ltr", status="source")
