"""Stage 2, validate: rules that need more than one field or more than one file.

Field-level rules (types, required keys, id format) live in the models. Here: ids match
file names and are unique, references resolve, dates make sense, quizzes have answers,
author Markdown stays inside the allowed subset, pictures are safe SVG and have useful alt
text, and easy-read guides keep to the rules in EASY-READ.md that a program can check (short
sentences, hard words in the word list, a printed length people can manage). Every rule
runs; nothing stops at the first problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterable, Iterator

from . import markup
from .load import Content, Loaded
from .models import Guide, Lesson, Picture, Term
from .models.common import NATIONS
from .problems import Problem, Severity
from .yamlio import Document, Loc, format_loc

WARN = Severity.WARNING
EASY_READ_MAX_WORDS = 15
PICTURE_WARN_BYTES = 4096

ALT_MAX_CHARS = 150
"""Alt text longer than this is a description, not alt text: screen readers read it in one
go with no way to pause, and easy-read pictures are simple enough to name briefly."""

MAX_PRINTED_PAGES = 24
"""EASY-READ.md: an easy-read guide is at most 24 printed pages; longer ones are split.
`check` warns on an estimate (`estimated_pages`); the build measures each real PDF."""

PAGE_MM = 232
"""Height that print.css leaves for content on an A4 page (297 mm less 42 mm of margins),
less about half a row, lost where a row that cannot be split moves to the next page."""

FRONT_MM, ROW_MM, HEADING_MM, WORD_MM, SOURCE_MM, END_MM = 90, 47, 25, 26, 25, 45
"""Printed heights in print.css: the title, summary and QR code box; a row (a 40 mm picture
and 7 mm below it); a section heading; a word and its definition in the word list; a source
with its printed address; and the sources heading with the review dates."""

TRANSLATION_ALLOWANCE = 1.25
"""Translations run longer than the English (Urdu and Polish sheets by up to a quarter),
and each language's sheet must fit the limit too."""


def validate(content: Content, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for loaded in [*content.lessons.values(), *content.guides.values()]:
        problems += _check_unfinished(loaded.doc, loaded.doc.data, ())
    for lesson in content.lessons.values():
        problems += _check_lesson(content, lesson, today)
    for guide in content.guides.values():
        problems += _check_guide(content, guide, today)
    problems += _check_topics(content)
    problems += _check_pictures(content)
    return problems


# ---- shared pieces -------------------------------------------------------------------


def _check_id_matches_file(doc: Document, model_id: str) -> Iterator[Problem]:
    stem = doc.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    if model_id != stem:
        yield doc.problem(
            ("id",),
            "id-mismatch",
            f"The id `{model_id}` does not match the file name `{stem}.yaml`.",
            hint=f"set `id: {stem}` or rename the file to {model_id}.yaml.",
        )


def _check_unique(doc: Document, items: Iterable[tuple[Loc, str]], what: str) -> Iterator[Problem]:
    seen: dict[str, Loc] = {}
    for loc, item_id in items:
        if item_id in seen:
            yield doc.problem(
                loc,
                "duplicate-id",
                f"The {what} id `{item_id}` is used twice (also at {format_loc(seen[item_id])}).",
                hint="ids must be unique in the file: translations are keyed on them.",
            )
        else:
            seen[item_id] = loc


def _check_dates(doc: Document, model: Lesson | Guide, today: dt.date) -> Iterator[Problem]:
    if model.review_due <= model.reviewed:
        yield doc.problem(
            ("review_due",),
            "review-order",
            f"`review_due` ({model.review_due}) is not after `reviewed` ({model.reviewed}).",
            hint="the next review must come after the last one, usually within a year.",
        )
    elif model.review_due < today:
        yield doc.problem(
            ("review_due",),
            "review-overdue",
            f"The review was due on {model.review_due}; it is now overdue.",
            hint="check the content against its sources, then update `reviewed` and `review_due`.",
            severity=WARN,
        )
    if model.reviewed > today:
        yield doc.problem(
            ("reviewed",),
            "review-in-future",
            f"`reviewed` ({model.reviewed}) is in the future.",
            hint="use the date the content was actually checked.",
        )


def _check_nations(doc: Document, model: Lesson | Guide) -> Iterator[Problem]:
    yield from _check_unique(
        doc, ((("applies_to", i), n) for i, n in enumerate(model.applies_to)), "nation"
    )
    everywhere = set(model.applies_to) == set(NATIONS)
    if not everywhere and model.elsewhere is None:
        missing = ", ".join(n for n in NATIONS if n not in model.applies_to)
        yield doc.problem(
            ("applies_to",),
            "elsewhere-missing",
            f"The page is not for {missing}, but does not say what is different there.",
            hint="add `elsewhere:` with one plain sentence, such as "
            '"Prescriptions are free in Wales, Scotland and Northern Ireland."',
        )
    elif everywhere and model.elsewhere is not None:
        yield doc.problem(
            ("elsewhere",),
            "elsewhere-unused",
            "The page is for all four nations, so `elsewhere` is never shown.",
            hint="remove `elsewhere`, or take out of `applies_to` the nations it is about.",
            severity=WARN,
        )


def _check_reference(
    doc: Document, loc: Loc, kind: str, target: str, known: Iterable[str]
) -> Iterator[Problem]:
    if target not in known:
        where = {
            "lesson": "content/lessons/",
            "guide": "content/guides/",
            "glossary": "content/glossary.yaml",
            "picture": "content/pictures/",
        }[kind]
        yield doc.problem(
            loc,
            f"unknown-{kind}",
            f"There is no {kind} `{target}`.",
            hint=_suggest(target, known) or f"check the spelling, or add it to {where}.",
        )


def _suggest(target: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(target, list(known), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def _check_picture(
    content: Content, doc: Document, loc: Loc, picture: Picture
) -> Iterator[Problem]:
    yield from _check_reference(doc, (*loc, "name"), "picture", picture.name, content.pictures)
    yield from _check_alt(doc, (*loc, "alt"), picture)


_PICTURE_OF = re.compile(r"(?:(?:an?|the)\s+)?(?:picture|image|icon|photo)\s+of\b", re.IGNORECASE)
_FILE_NAME = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+|[\w-]+\.(?i:svg|png|jpe?g|gif|webp)")
"""`gp-surgery` or `phone.svg`: lower case joined by hyphens is how files are named, not how
people write (`Wi-Fi` is a word, so capitals keep it out)."""


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


def _check_text(
    content: Content, doc: Document, loc: Loc, text: str, *, easy_read: bool = False
) -> Iterator[Problem]:
    """Author Markdown: allowed subset, and every internal link resolves."""
    facts = markup.inspect(text)
    if facts.raw_html:
        yield doc.problem(
            loc,
            "raw-html",
            "HTML tags are not allowed in text.",
            hint="use Markdown: **bold**, [link](https://…), lists with `- `.",
        )
    if facts.headings:
        yield doc.problem(
            loc,
            "heading",
            "Headings (`#`) are not allowed in text.",
            hint="the page makes headings from titles; split the content into another step.",
        )
    if facts.images:
        yield doc.problem(
            loc,
            "image-in-text",
            "Pictures are not allowed in text.",
            hint="use the `picture` field with `name` and `alt`.",
        )
    if easy_read:
        if facts.italics:
            yield doc.problem(
                loc,
                "italics",
                "Easy read does not use italics.",
                hint="use **bold** for emphasis.",
            )
        if facts.links or facts.block_elements:
            yield doc.problem(
                loc,
                "row-markup",
                "Easy-read rows are one or two plain sentences: no links or lists.",
                hint="explain hard words in the next sentence, in bold, and add them to `words`.",
            )
        yield from _check_sentences(doc, loc, text)
    known = {"lesson": content.stems.get("lessons", {}), "guide": content.stems.get("guides", {})}
    glossary = content.glossary.model.root if content.glossary else {}
    for href in facts.links:
        scheme, sep, target = href.partition(":")
        if not sep or scheme not in markup.LINK_SCHEMES or (scheme == "https" and not target):
            yield doc.problem(
                loc,
                "link-scheme",
                f"The link `{href}` is not allowed.",
                hint="link to https://…, tel:, mailto:, glossary:ID, lesson:ID or guide:ID.",
            )
        elif scheme in ("lesson", "guide"):
            yield from _check_reference(doc, loc, scheme, target, known[scheme])
        elif scheme == "glossary" and content.glossary is not None:
            yield from _check_reference(doc, loc, "glossary", target, glossary)


def _check_sentences(doc: Document, loc: Loc, text: str) -> Iterator[Problem]:
    """Easy read keeps every sentence short, titles and summaries included: a reader who
    stumbles on the title may not read on."""
    for sentence in _sentences(text):
        words = len(sentence.split())
        if words > EASY_READ_MAX_WORDS:
            yield doc.problem(
                loc,
                "long-sentence",
                f"A sentence has {words} words; easy read keeps to "
                f"{EASY_READ_MAX_WORDS} or fewer: “{sentence[:60]}…”",
                hint="split it into two sentences, each with one idea.",
                severity=WARN,
            )


def _sentences(text: str) -> list[str]:
    plain = re.sub(r"[*_`]", "", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", plain) if s.strip()]


def _check_unfinished(doc: Document, value: object, loc: Loc) -> Iterator[Problem]:
    """`healthskills new` writes TODO placeholders; a warning keeps them from going live
    unnoticed (and `check --strict` fails on them)."""
    if isinstance(value, str) and "TODO" in value:
        yield doc.problem(
            loc, "unfinished", "This still contains a TODO placeholder.",
            hint="replace the TODO text with the real content.", severity=WARN,
        )  # fmt: skip
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _check_unfinished(doc, item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _check_unfinished(doc, item, (*loc, index))


# ---- lessons -------------------------------------------------------------------------


def _check_lesson(content: Content, loaded: Loaded[Lesson], today: dt.date) -> list[Problem]:
    lesson, doc = loaded.model, loaded.doc
    out: list[Problem] = []
    out += _check_id_matches_file(doc, lesson.id)
    out += _check_dates(doc, lesson, today)
    out += _check_nations(doc, lesson)
    out += _check_unique(
        doc, ((("steps", i, "id"), s.id) for i, s in enumerate(lesson.steps)), "step"
    )
    out += _check_unique(
        doc, ((("quiz", i, "id"), q.id) for i, q in enumerate(lesson.quiz)), "question"
    )
    lessons = content.stems.get("lessons", {})
    guides = content.stems.get("guides", {})
    glossary = content.glossary.model.root if content.glossary else None

    for i, step in enumerate(lesson.steps):
        loc = ("steps", i)
        for name in ("text", "tip", "warning"):
            value = getattr(step, name)
            if value is not None:
                out += _check_text(content, doc, (*loc, name), value)
        if step.picture is not None:
            out += _check_picture(content, doc, (*loc, "picture"), step.picture)

    for i, question in enumerate(lesson.quiz):
        loc = ("quiz", i)
        out += _check_unique(
            doc,
            (((*loc, "options", j, "id"), o.id) for j, o in enumerate(question.options)),
            "option",
        )
        if not any(option.correct for option in question.options):
            out.append(
                doc.problem(
                    (*loc, "options"),
                    "no-correct-answer",
                    "No option is marked `correct: true`.",
                    hint="mark the right answer (or answers) with `correct: true`.",
                )
            )

    out += _check_text(content, doc, ("facilitator_notes",), lesson.facilitator_notes)
    if glossary is not None:
        for i, term in enumerate(lesson.glossary):
            out += _check_reference(doc, ("glossary", i), "glossary", term, glossary)
    for i, other in enumerate(lesson.related):
        out += _check_reference(doc, ("related", i), "lesson", other, lessons)
        if other == lesson.id:
            out.append(
                doc.problem(
                    ("related", i),
                    "related-self",
                    "A lesson cannot be related to itself.",
                    hint="remove it from `related`.",
                )
            )
    if lesson.guide is not None:
        out += _check_reference(doc, ("guide",), "guide", lesson.guide, guides)
    return out


# ---- guides --------------------------------------------------------------------------


def _check_guide(content: Content, loaded: Loaded[Guide], today: dt.date) -> list[Problem]:
    guide, doc = loaded.model, loaded.doc
    out: list[Problem] = []
    out += _check_id_matches_file(doc, guide.id)
    out += _check_dates(doc, guide, today)
    out += _check_nations(doc, guide)
    out += _check_unique(
        doc, ((("sections", i, "id"), s.id) for i, s in enumerate(guide.sections)), "section"
    )
    rows = [
        (("sections", i, "rows", j), row)
        for i, section in enumerate(guide.sections)
        for j, row in enumerate(section.rows)
    ] + [(("who_can_help", j), row) for j, row in enumerate(guide.who_can_help)]
    out += _check_unique(doc, (((*loc, "id"), row.id) for loc, row in rows), "row")
    for loc, row in rows:
        out += _check_picture(content, doc, (*loc, "picture"), row.picture)
        out += _check_text(content, doc, (*loc, "text"), row.text, easy_read=True)
    out += _check_sentences(doc, ("title",), guide.title)
    out += _check_sentences(doc, ("summary",), guide.summary)
    for i, section in enumerate(guide.sections):
        out += _check_sentences(doc, ("sections", i, "title"), section.title)
    if guide.lesson is not None:
        out += _check_reference(doc, ("lesson",), "lesson", guide.lesson, content.stems["lessons"])
    if content.glossary is not None:
        for i, term in enumerate(guide.words):
            out += _check_reference(
                doc, ("words", i), "glossary", term, content.glossary.model.root
            )
        out += _check_hard_words(doc, guide, content.glossary.model.root)
    pages = estimated_pages(guide)
    if pages > MAX_PRINTED_PAGES:
        out.append(
            doc.problem(
                ("sections",),
                "guide-pages",
                f"This guide would print on about {pages} A4 pages, and easy read allows "
                f"{MAX_PRINTED_PAGES}. This is an estimate from its rows, words and sources; "
                "the build counts the real pages of each language's PDF.",
                hint="split it into two guides, each about one task, and link them.",
                severity=WARN,
                key=True,
            )
        )
    return out


def estimated_pages(guide: Guide) -> int:
    """Printed A4 pages the guide's longest translation will need, estimated from its
    parts before any PDF exists, so an author hears that a guide is too long while writing
    it. Measured against the real PDFs of every language in tests/test_pdfs.py; the build
    counts each real PDF under the same rule (`guide-pages`)."""
    rows = sum(len(section.rows) for section in guide.sections) + len(guide.who_can_help)
    height = (
        FRONT_MM
        + rows * ROW_MM
        + (len(guide.sections) + 1) * HEADING_MM
        + len(guide.words) * WORD_MM
        + len(guide.sources) * SOURCE_MM
        + END_MM
    )
    return math.ceil(height * TRANSLATION_ALLOWANCE / PAGE_MM)


def guide_texts(guide: Guide) -> list[tuple[Loc, str]]:
    """Every English text a reader of the guide sees, in the order they read it."""
    texts: list[tuple[Loc, str]] = [(("title",), guide.title), (("summary",), guide.summary)]
    for i, section in enumerate(guide.sections):
        texts.append((("sections", i, "title"), section.title))
        texts += [(("sections", i, "rows", j, "text"), r.text) for j, r in enumerate(section.rows)]
    texts += [(("who_can_help", j, "text"), r.text) for j, r in enumerate(guide.who_can_help)]
    return texts


def _check_hard_words(doc: Document, guide: Guide, glossary: dict[str, Term]) -> Iterator[Problem]:
    """EASY-READ.md: explain a hard word where it is used and collect it in the word list at
    the end. The glossary is our list of hard words, so a glossary term in the guide's text
    whose id is not in `words` is a word the reader meets with no help. Only the first use
    is reported: one fix (adding the id) covers them all.

    The other way round, an id in `words` that the text never uses puts a word in the word
    list that the reader has not met, often after a row was reworded."""
    if not glossary:
        return
    texts = [(loc, _plain(text)) for loc, text in guide_texts(guide)]
    ids, pattern = _terms_pattern(tuple((term_id, term.term) for term_id, term in glossary.items()))
    listed = set(guide.words)
    for loc, text in texts:
        for match in pattern.finditer(text):
            term_id = ids[(match.lastindex or 1) - 1]
            if term_id in listed:
                continue
            listed.add(term_id)  # report each word once, where the reader first meets it
            yield doc.problem(
                loc,
                "hard-word",
                f"“{' '.join(match.group(0).split())}” is a hard word from the glossary, but "
                f"`{term_id}` is not in this guide's `words`.",
                hint=f"add `{term_id}` to `words`, and explain “{glossary[term_id].term}” "
                "in the row straight after it is used.",
                severity=WARN,
            )
    for i, term_id in enumerate(guide.words):
        if term_id not in glossary:
            continue  # reported as unknown-glossary
        _, alone = _terms_pattern(((term_id, glossary[term_id].term),))
        if not any(alone.search(text) for _, text in texts):
            yield doc.problem(
                ("words", i),
                "hard-word",
                f"`{term_id}` is in `words`, but “{glossary[term_id].term}” is not used in "
                "this guide.",
                hint="remove it from `words`, or use the word as the glossary spells it.",
                severity=WARN,
            )


@functools.lru_cache(maxsize=512)
def _terms_pattern(terms: tuple[tuple[str, str], ...]) -> tuple[list[str], re.Pattern[str]]:
    """One pattern for every glossary term: whole words, any case, any spacing, and the
    plural too ("GP practices", "pharmacies"), since the reader needs the same help.

    Longer terms come first so that "GP practice" is found as `gp-practice`, not as `gp`
    followed by an ordinary word. A term glued to other letters, digits or a hyphen is part
    of another word ("GP-led"); one inside an address is not prose
    ("report@phishing.gov.uk")."""
    ordered = sorted(terms, key=lambda item: len(item[1]), reverse=True)
    alternatives = "|".join(f"({_term_regex(term)})" for _, term in ordered)
    pattern = re.compile(rf"(?<![\w@/.-])(?:{alternatives})(?![\w@-]|\.\w)", re.IGNORECASE)
    return [term_id for term_id, _ in ordered], pattern


def _term_regex(term: str) -> str:
    words = [re.escape(word) for word in term.split()]
    last = term.split()[-1]
    if re.search(r"[^aeiou]y$", last, re.IGNORECASE):
        words[-1] = re.escape(last[:-1]) + "(?:y|ies)"
    elif last[-1].isalpha():
        words[-1] += "(?:s|es)?"
    return r"\s+".join(words)


def _plain(text: str) -> str:
    """Text as read: Markdown emphasis marks removed, so `**GP**` reads as `GP`."""
    return re.sub(r"[*_`]", "", text)


# ---- topics and pictures -------------------------------------------------------------


def _check_topics(content: Content) -> list[Problem]:
    if content.topics is None:
        return []
    doc = content.topics.doc
    topics = content.topics.model.root
    out = list(_check_unique(doc, (((i, "id"), t.id) for i, t in enumerate(topics)), "topic"))
    placed: Counter[str] = Counter()
    for i, topic in enumerate(topics):
        for j, lesson_id in enumerate(topic.lessons):
            loc = (i, "lessons", j)
            out += _check_reference(doc, loc, "lesson", lesson_id, content.stems.get("lessons", {}))
            placed[lesson_id] += 1
            if placed[lesson_id] == 2:
                out.append(
                    doc.problem(
                        loc,
                        "topic-twice",
                        f"The lesson `{lesson_id}` is in more than one topic.",
                        hint="put each lesson in exactly one topic.",
                    )
                )
    for lesson_id, loaded in content.lessons.items():
        if lesson_id not in placed:
            out.append(
                loaded.doc.problem(
                    ("id",),
                    "no-topic",
                    f"The lesson `{lesson_id}` is not in any topic, so no index lists it.",
                    hint="add its id to a topic's `lessons` in content/topics.yaml.",
                    severity=WARN,
                )
            )
    return out


_SAFE_SVG_ELEMENTS = {
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "text",
    "tspan", "title", "desc", "defs", "use", "clipPath", "mask", "linearGradient",
    "radialGradient", "stop",
}  # fmt: skip


def _file_problem(
    path: str, rule: str, message: str, hint: str, severity: Severity = Severity.ERROR
) -> Problem:
    return Problem(path, 0, 0, severity, rule, message, hint=hint)


def _check_pictures(content: Content) -> list[Problem]:
    out: list[Problem] = []
    for name, data in content.pictures.items():
        path = f"content/pictures/{name}.svg"
        problem = functools.partial(_file_problem, path)

        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
            out.append(
                problem(
                    "invalid-id",
                    f"`{name}.svg` is not a valid picture name.",
                    "use lower-case letters, digits and hyphens.",
                )
            )
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
            continue
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
                    f"The picture is {len(data)} bytes; keep pictograms under 4 KB.",
                    "simplify the drawing or optimise it (fewer points, no editor metadata).",
                    WARN,
                )
            )
    return out
