"""Pictures: safe SVG that scales, referenced by name, with alt text that says something.

Pictures are shown inline on every page and carried inside every PDF, so one with a script
or an external reference would run or load wherever the page is read.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from ..load.content import Content
from ..load.yamlio import Document, Loc
from ..models import Picture
from ..problems import Problem, Severity
from .common import WARN, check_reference, file_problem

PICTURE_WARN_BYTES = 4096

ALT_MAX_CHARS = 150
"""Alt text longer than this is a description, not alt text: screen readers read it in one
go with no way to pause, and easy-read pictures are simple enough to name briefly."""

_SAFE_SVG_ELEMENTS = {
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "text",
    "tspan", "title", "desc", "defs", "use", "clipPath", "mask", "linearGradient",
    "radialGradient", "stop",
}  # fmt: skip

_PICTURE_OF = re.compile(r"(?:(?:an?|the)\s+)?(?:picture|image|icon|photo)\s+of\b", re.IGNORECASE)
_FILE_NAME = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+|[\w-]+\.(?i:svg|png|jpe?g|gif|webp)")
"""`gp-surgery` or `phone.svg`: lower case joined by hyphens is how files are named, not how
people write (`Wi-Fi` is a word, so capitals keep it out)."""


def check_picture(content: Content, doc: Document, loc: Loc, picture: Picture) -> Iterator[Problem]:
    """A picture field: the picture exists, and its alt text is useful."""
    yield from check_reference(doc, (*loc, "name"), "picture", picture.name, content.pictures)
    yield from _check_alt(doc, (*loc, "alt"), picture)


def _check_alt(doc: Document, loc: Loc, picture: Picture) -> Iterator[Problem]:
    """Alt text is the picture for people who cannot see it, so it must say what the
    picture shows. A file name says nothing; "picture of" repeats what a screen reader
    already announces; a long description buries the point and cannot be skimmed."""
    alt = picture.alt.strip()
    as_words = re.sub(r"[\s_-]+", " ", alt.rstrip(".").lower())
    if as_words == picture.name.replace("-", " ") or _FILE_NAME.fullmatch(alt):
        yield doc.problem(
            loc,
            "alt-text",
            f"The alt text `{alt}` is just a file name.",
            hint="say in a few everyday words what the picture shows: “A GP practice building.”",
            severity=WARN,
        )
    elif opening := _PICTURE_OF.match(alt):
        yield doc.problem(
            loc,
            "alt-text",
            f"The alt text starts with “{opening.group(0)}”: screen readers already say it is "
            "a picture.",
            hint="start with what it shows: “A phone with the NHS App open.”",
            severity=WARN,
        )
    if len(alt) > ALT_MAX_CHARS:
        yield doc.problem(
            loc,
            "alt-text",
            f"The alt text has {len(alt)} characters; keep it to {ALT_MAX_CHARS} or fewer.",
            hint="name what the picture shows in one short sentence; say more in the text.",
            severity=WARN,
        )


def validate_pictures(content: Content) -> list[Problem]:
    """Every picture file: a valid name, well-formed SVG with a viewBox, nothing unsafe,
    and small."""
    out: list[Problem] = []
    for name, data in content.pictures.items():
        path = f"content/pictures/{name}.svg"
        problem = functools.partial(file_problem, path)

        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
            out.append(
                problem(
                    "invalid-id",
                    f"`{name}.svg` is not a valid picture name.",
                    "use lower-case letters, digits and hyphens.",
                )
            )
        out += check_svg(path, data)
    return out


def check_svg(
    path: str, data: bytes, limit: int = PICTURE_WARN_BYTES, severity: Severity = WARN
) -> list[Problem]:
    """One SVG file: well-formed, with a viewBox, nothing unsafe (no scripts, links, images,
    styles or fonts), and small. Used for pictures and for a site's own logo."""
    out: list[Problem] = []
    problem = functools.partial(file_problem, path)
    try:
        root = etree.fromstring(data)
    except etree.ParseError as exc:
        line, col = exc.position
        out.append(
            Problem(
                path,
                line,
                col + 1,
                Severity.ERROR,
                "svg-invalid",
                f"The picture is not well-formed SVG: {exc}.",
                hint="open and re-save it in an SVG editor.",
            )
        )
        return out
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        out.append(
            problem(
                "svg-invalid",
                "The file's root element is not <svg>.",
                "save the picture as plain SVG.",
            )
        )
    if "viewBox" not in root.attrib:
        out.append(
            problem(
                "svg-viewbox",
                "The picture has no viewBox, so it cannot scale.",
                'add viewBox="0 0 64 64" (or the drawing\'s size).',
            )
        )
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        unsafe_attr = [
            a
            for a, v in element.attrib.items()
            if a.lower().startswith("on")
            or (a.rsplit("}", 1)[-1] == "href" and not v.startswith("#"))
        ]
        if local not in _SAFE_SVG_ELEMENTS or unsafe_attr:
            out.append(
                problem(
                    "svg-unsafe",
                    f"The picture uses <{local}>"
                    + (f" with {', '.join(unsafe_attr)}" if unsafe_attr else "")
                    + ", which is not allowed.",
                    "pictures are simple shapes: no scripts, links, images, styles or fonts.",
                )
            )
            break
    if len(data) > PICTURE_WARN_BYTES:
        out.append(
            problem(
                "svg-size",
                f"The picture is {len(data)} bytes; keep it under {limit // 1024} KB.",
                "simplify the drawing or optimise it (fewer points, no editor metadata).",
                WARN,
            )
        )
    return out
