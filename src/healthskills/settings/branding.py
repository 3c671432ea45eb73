"""Your own copy: an NHS trust or charity that hosts the site makes it theirs in mkdocs.yml,
without editing templates.

```yaml
extra:
  organisation:
    name: Riverton Digital Health Partnership   # translated like other interface text
    logo: docs/logo.svg                          # an SVG in the project, checked like pictures
    accent: "#00703c"                            # links, buttons and the header
    footer: Riverton Digital Health, 12 Market Street, Riverton. Phone 01632 960000.
```

The accent colour carries white text in the header and is the colour of every link, so a
colour readers cannot read is refused, at its line and column, with a darker shade that
would pass: WCAG AA asks for 4.5:1, on white and on the tinted boxes links sit in (tips,
the word list, the header's white text). The site's high-contrast mode keeps its own
near-black blue, whatever the accent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import Field

from ..models.common import ContentModel, Text

AA = 4.5
"""WCAG 2.2 AA contrast for normal text (1.4.3)."""

BACKGROUNDS = {"white": "#ffffff", "the tip boxes": "#e8f1fa", "the pale boxes": "#f0f4f5"}
"""What accent-coloured text (links) and accent backgrounds (the header, under white text)
meet on the site."""

HEX = re.compile(r"#[0-9a-fA-F]{6}")
LOGO_LIMIT = 10 * 1024
"""A logo is on every page: at most 10 KB of SVG."""


class OrganisationFile(ContentModel):
    name: Text = Field(description="the organisation's name, shown beside the site's name")
    logo: Text | None = Field(
        default=None, description="an SVG logo in the project, such as docs/logo.svg"
    )
    accent: Text | None = Field(
        default=None, description='the accent colour, such as "#00703c" (in quotes)'
    )
    footer: Text | None = Field(
        default=None, description="one line at the foot of every page: contact details"
    )


@dataclass(frozen=True)
class Organisation:
    """The organisation hosting this copy, as pages show it."""

    name: str
    footer: str = ""
    accent: str = ""
    logo: bytes = b""
    logo_path: str = ""


def luminance(colour: str) -> float:
    """WCAG relative luminance of `#rrggbb`."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, two: str) -> float:
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def weakest(accent: str) -> tuple[str, float]:
    """The background the accent reads worst on, and the contrast there."""
    name = min(BACKGROUNDS, key=lambda n: contrast(accent, BACKGROUNDS[n]))
    return name, contrast(accent, BACKGROUNDS[name])


def darker_passing(accent: str) -> str:
    """The same hue, darkened step by step until it passes on every background."""
    for step in range(1, 101):
        darker = shade(accent, step / 100)
        if weakest(darker)[1] >= AA:
            return darker
    return "#000000"


def shade(colour: str, by: float = 0.3) -> str:
    """`colour` darkened by a share `by`: the hover colour of links and buttons."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * (1 - by)) for c in (r, g, b)))
