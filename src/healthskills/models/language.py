"""A language the site is built in (`translations/languages.yaml`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, model_validator

from .common import ContentModel, Text

ISO_639_3 = {
    "am": "amh", "ar": "ara", "bg": "bul", "bn": "ben", "cs": "ces", "cy": "cym", "de": "deu",
    "el": "ell", "en": "eng", "es": "spa", "fa": "fas", "fr": "fra", "ga": "gle", "gd": "gla",
    "gu": "guj", "ha": "hau", "he": "heb", "hi": "hin", "hu": "hun", "ig": "ibo", "it": "ita",
    "ku": "kur", "lt": "lit", "lv": "lav", "ml": "mal", "mr": "mar", "my": "mya", "ne": "nep",
    "nl": "nld", "pa": "pan", "pl": "pol", "ps": "pus", "pt": "por", "ro": "ron", "ru": "rus",
    "si": "sin", "sk": "slk", "so": "som", "sq": "sqi", "sw": "swa", "ta": "tam", "te": "tel",
    "th": "tha", "ti": "tir", "tr": "tur", "uk": "ukr", "ur": "urd", "vi": "vie", "yo": "yor",
    "zh": "zho",
}  # fmt: skip
"""Two-letter codes (ISO 639-1) to three-letter ones (ISO 639-3) for the languages of
people the NHS most often needs interpreters for; any other needs `iso639_3:`."""


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

    iso639_3: str | None = Field(
        default=None,
        pattern=r"^[a-z]{3}$",
        description="the three-letter ISO 639-3 code, for the offline packs' metadata; "
        "needed only when healthskills does not know it from `code`",
    )

    @model_validator(mode="after")
    def _known_iso639_3(self) -> Language:
        if self.zim_language is None:
            raise ValueError(
                f"healthskills does not know the three-letter code of {self.code!r}: add "
                "`iso639_3:` with the language's ISO 639-3 code (as Kiwix needs it)"
            )
        return self

    @property
    def zim_language(self) -> str | None:
        """The ISO 639-3 code offline readers (Kiwix) file a pack under and index it in."""
        if self.iso639_3:
            return self.iso639_3
        base = self.code.split("-")[0]
        return base if len(base) == 3 else ISO_639_3.get(base)

    @property
    def is_source(self) -> bool:
        """English, which every other language is translated from."""
        return self.status == "source"


ENGLISH = Language(code="en", name="English", own_name="English", dir="ltr", status="source")
