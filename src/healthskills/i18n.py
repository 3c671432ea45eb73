"""Translations: languages, PO catalogues per content file, merging, lookup and status.

Layout: `translations/languages.yaml`, and per language `translations/<code>/lessons/<id>.po`,
`guides/<id>.po`, `glossary.po`, `topics.po` and `interface.po` (interface strings and the
hand-written pages). Entries are keyed by msgctxt (the author's stable ids) and msgid (the
English text), with standard gettext semantics: when the English changes, the old
translation is kept but marked fuzzy, with the previous English alongside (`#|`), and a
fuzzy or empty entry falls back to English on the site.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import Field, StrictBool

from . import po
from .load import Content, Project
from .models import parse_model
from .models.common import ContentModel, Text
from .plain_language import sentences
from .problems import Problem, Severity
from .strings import ENGLISH
from .translatable import extract, extract_glossary
from .yamlio import Document, load_yaml


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


ENGLISH_LANGUAGE = Language(
    code="en", name="English", own_name="English", dir="ltr", status="source"
)


def load_languages(project: Project) -> tuple[list[Language], list[Problem]]:
    """The site's languages, English first. Without languages.yaml: English only."""
    path = project.root / "translations" / "languages.yaml"
    if not path.is_file():
        return [ENGLISH_LANGUAGE], []
    doc, problems = load_yaml(path.read_bytes(), project.relative(path))
    if doc is None or problems:
        return [ENGLISH_LANGUAGE], problems
    if not isinstance(doc.data, list):
        return [ENGLISH_LANGUAGE], [doc.problem((), "type", "Expected a list of languages.")]
    languages: list[Language] = []
    out: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(doc.data):
        sub = Document(
            doc.path,
            item,
            {loc[1:]: pos for loc, pos in doc.positions.items() if loc[:1] == (index,)},
            {loc[1:]: pos for loc, pos in doc.key_positions.items() if loc[:1] == (index,)},
        )
        language, found = parse_model(Language, sub)
        out += [_reindex(p, index) for p in found]
        if language is None:
            continue
        if language.code in seen:
            out.append(doc.problem((index, "code"), "duplicate-id",
                                   f"The language `{language.code}` is listed twice."))  # fmt: skip
        seen.add(language.code)
        languages.append(language)
    if "en" not in seen:
        out.append(doc.problem((), "required", "English (`en`) must be listed: it is the source."))
    languages.sort(key=lambda lang: lang.code != "en")
    return languages, out


def _reindex(problem: Problem, index: int) -> Problem:
    return replace(
        problem, key_path=f"[{index}]." + problem.key_path if problem.key_path else f"[{index}]"
    )


# ---- extraction ----------------------------------------------------------------------

UI_PREFIX = "ui."
THEME_PREFIX = "theme."
DOCS_PREFIX = "docs/"

THEME_KEYS = (
    "language", "direction", "action.skip", "clipboard.copy", "clipboard.copied", "footer",
    "footer.next", "footer.previous", "header", "meta.source", "nav", "search",
    "search.config.lang", "search.config.separator", "search.placeholder", "search.reset",
    "search.result.initializer", "search.result.none", "search.result.one",
    "search.result.other", "search.result.placeholder", "search.result.term.missing",
    "search.share", "select.language", "source", "toc", "top",
)  # fmt: skip
"""mkdocs-material's interface strings that our pages show. For a language the theme does
not translate (Somali, Pashto, Tigrinya…) we translate them ourselves."""


def theme_has_language(code: str) -> bool:
    return (
        resources.files("material")
        .joinpath("templates", "partials", "languages", f"{code}.html")
        .is_file()
    )


def theme_english() -> dict[str, str]:
    text = (
        resources.files("material")
        .joinpath("templates", "partials", "languages", "en.html")
        .read_text("utf-8")
    )
    pairs = dict(re.findall(r'^\s*"([a-z.]+)": "((?:[^"\\]|\\.)*)",?$', text, flags=re.M))
    return {key: pairs[key] for key in THEME_KEYS if key in pairs}


def _docs_blocks(text: str) -> tuple[dict[str, str], list[str]]:
    """Front matter (title, description) and the translatable blocks of a Markdown page:
    paragraphs, list items groups, headings, table rows; fenced code is left alone."""
    front: dict[str, str] = {}
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            import yaml

            meta = yaml.safe_load(text[4:end]) or {}
            front = {k: str(v) for k, v in meta.items() if k in ("title", "description")}
            text = text[end + 5 :]
    blocks: list[str] = []
    for block in split_markdown(text):
        if not block.startswith("```"):
            blocks.append(block)
    return front, blocks


def split_markdown(text: str) -> list[str]:
    """Blocks separated by blank lines, keeping fenced code blocks whole."""
    blocks: list[str] = []
    current: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


Template = list[tuple[str, str]]
"""(msgctxt, msgid) pairs in reading order."""


def source_templates(content: Content, language: Language) -> dict[str, Template]:
    """What there is to translate, per PO file (path relative to translations/<code>/)."""
    templates: dict[str, Template] = {}
    for key in sorted(content.lessons):
        templates[f"lessons/{key}.po"] = list(extract(content.lessons[key].model))
    for key in sorted(content.guides):
        templates[f"guides/{key}.po"] = list(extract(content.guides[key].model))
    if content.glossary is not None:
        templates["glossary.po"] = list(extract_glossary(content.glossary.model))
    if content.topics is not None:
        templates["topics.po"] = [
            pair for topic in content.topics.model.root for pair in extract(topic, f"{topic.id}.")
        ]
    interface: Template = [(UI_PREFIX + key, value) for key, value in ENGLISH.items()]
    if not theme_has_language(language.code):
        interface += [(THEME_PREFIX + key, value) for key, value in theme_english().items()]
    docs = content.project.docs
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        rel = path.relative_to(docs).as_posix()
        front, blocks = _docs_blocks(path.read_text(encoding="utf-8"))
        interface += [(f"{DOCS_PREFIX}{rel}:{key}", value) for key, value in front.items()]
        interface += [(f"{DOCS_PREFIX}{rel}", block) for block in blocks]
    templates["interface.po"] = interface
    return templates


# ---- merging -------------------------------------------------------------------------


def header_for(language: Language, existing: dict[str, str] | None = None) -> dict[str, str]:
    review = {
        "machine": "machine-translated, not reviewed by a person",
        "reviewed": "reviewed by a person",
    }.get(language.status, language.status)
    header = {
        "Project-Id-Version": "healthskills",
        "Language": language.code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    defaults = {
        "PO-Revision-Date": "2026-11-23 00:00+0000",
        "Last-Translator": "machine translation (unreviewed)",
        "Language-Team": f"{language.name} <https://example.org/healthskills/translate>",
    }
    header.update({k: v for k, v in (existing or defaults).items() if k not in header})
    for key, value in defaults.items():
        header.setdefault(key, value)
    header["X-Review-Status"] = review
    return header


def merge(template: Template, existing: po.Catalog | None, language: Language) -> po.Catalog:
    """gettext's msgmerge semantics, keyed by msgctxt: unchanged entries keep their
    translation; changed English keeps the old translation as fuzzy with the previous msgid;
    new entries start empty; entries no longer in the source become obsolete."""
    old = [e for e in existing.entries] if existing else []
    by_key = {e.key: e for e in old}
    by_context: dict[str | None, list[po.Entry]] = {}
    for entry in old:
        by_context.setdefault(entry.msgctxt, []).append(entry)
    used: set[int] = set()
    entries: list[po.Entry] = []
    for msgctxt, msgid in dict.fromkeys(template):  # the same block twice is one entry
        match = by_key.get((msgctxt, msgid))
        if match is not None and id(match) not in used:
            used.add(id(match))
            entry = po.Entry(msgid, match.msgstr, msgctxt, set(match.flags), match.previous_msgid,
                             list(match.comments))  # fmt: skip
            if not entry.fuzzy:
                entry.previous_msgid = None
            entries.append(entry)
            continue
        candidates = [e for e in by_context.get(msgctxt, []) if id(e) not in used and e.msgstr]
        best = _closest(
            msgid, candidates, keyed=msgctxt is not None and not _shared_context(msgctxt)
        )
        if best is not None:
            used.add(id(best))
            previous = best.previous_msgid or best.msgid
            flags = {"fuzzy"} | best.flags
            entries.append(po.Entry(msgid, best.msgstr, msgctxt, flags, previous, best.comments))
        else:
            entries.append(po.Entry(msgid, "", msgctxt))
    for entry in old:
        if id(entry) not in used and entry.msgstr:
            entries.append(po.Entry(entry.msgid, entry.msgstr, entry.msgctxt, set(entry.flags),
                                    None, list(entry.comments), obsolete=True))  # fmt: skip
    return po.Catalog(header_for(language, existing.header if existing else None), entries)


def _shared_context(msgctxt: str) -> bool:
    """Hand-written pages share one msgctxt per page; content keys are unique."""
    return msgctxt.startswith(DOCS_PREFIX) and ":" not in msgctxt


def _closest(msgid: str, candidates: list[po.Entry], *, keyed: bool) -> po.Entry | None:
    if not candidates:
        return None
    if keyed:  # the key identifies the entry: any change of English is the same entry
        return candidates[0]
    scored = [
        (difflib.SequenceMatcher(None, msgid, c.msgid).ratio(), i) for i, c in enumerate(candidates)
    ]
    ratio, index = max(scored)
    return candidates[index] if ratio >= 0.6 else None


def catalog_path(project: Project, language: Language, rel: str) -> Path:
    return project.root / "translations" / language.code / rel


def read_catalog(path: Path) -> tuple[po.Catalog | None, list[Problem]]:
    if not path.is_file():
        return None, []
    try:
        return po.loads(path.read_text(encoding="utf-8")), []
    except po.POError as exc:
        problem = Problem(
            path.as_posix(), exc.line, 1, Severity.ERROR, "po-syntax",
            f"The PO file cannot be read: {exc}.",
            hint="open it in Poedit, or check the quotes on that line.",
        )  # fmt: skip
        return None, [problem]
    except UnicodeDecodeError:
        return None, [Problem(path.as_posix(), 0, 0, Severity.ERROR, "encoding",
                              "The PO file is not UTF-8.", hint="save it as UTF-8.")]  # fmt: skip


def update_catalogs(content: Content, languages: list[Language]) -> tuple[list[str], list[Problem]]:
    """Extract the English and merge it into every language's PO files. Returns the files
    written. Files no longer in the source are left alone (a translator may still need them)."""
    project = content.project
    written: list[str] = []
    problems: list[Problem] = []
    for language in languages:
        if language.status == "source":
            continue
        for rel, template in source_templates(content, language).items():
            path = catalog_path(project, language, rel)
            existing, found = read_catalog(path)
            problems += [_relative(project, p) for p in found]
            if found:
                continue
            merged = po.dumps(merge(template, existing, language))
            if not path.is_file() or path.read_text(encoding="utf-8") != merged:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(merged, encoding="utf-8")
                written.append(project.relative(path))
    return written, problems


def _relative(project: Project, problem: Problem) -> Problem:
    return replace(problem, path=project.relative(Path(problem.path)))


# ---- lookup and status ---------------------------------------------------------------


@dataclass
class Translations:
    """Translated strings of one language, ready to look up while rendering."""

    language: Language
    strings: dict[tuple[str | None, str], str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def lookup(self, msgctxt: str, msgid: str) -> str | None:
        return self.strings.get((msgctxt, msgid))

    def for_file(self, prefix: str = ""):
        """A lookup for keys relative to one content file (they share one namespace here,
        since each file's keys are distinct by construction once prefixed)."""
        return lambda key, english: self.strings.get((prefix + key, english))


def load_translations(project: Project, language: Language) -> Translations:
    """Every translated, non-fuzzy entry of a language. English returns nothing to look up."""
    result = Translations(language)
    if language.status == "source":
        return result
    folder = project.root / "translations" / language.code
    for path in sorted(folder.rglob("*.po")) if folder.is_dir() else []:
        catalog, problems = read_catalog(path)
        result.problems += [_relative(project, p) for p in problems]
        if catalog is None:
            continue
        rel = path.relative_to(folder).as_posix()
        scope = "" if rel in ("interface.po",) else rel.removesuffix(".po") + "#"
        for entry in catalog.entries:
            if entry.translated and not entry.obsolete:
                result.strings[(scope + (entry.msgctxt or ""), entry.msgid)] = entry.msgstr
    return result


@dataclass(frozen=True)
class FileStatus:
    file: str
    total: int
    translated: int
    fuzzy: int
    missing: int


def translation_status(content: Content, languages: list[Language]) -> dict[str, list[FileStatus]]:
    """Per language and per PO file: entries translated, fuzzy (out of date) and missing,
    counted against what the English source has now."""
    report: dict[str, list[FileStatus]] = {}
    for language in languages:
        if language.status == "source":
            continue
        rows = []
        for rel, template in source_templates(content, language).items():
            catalog, _ = read_catalog(catalog_path(content.project, language, rel))
            entries = {e.key: e for e in catalog.entries if not e.obsolete} if catalog else {}
            translated = fuzzy = 0
            template = list(dict.fromkeys(template))
            for key in template:
                entry = entries.get(key)
                if entry is not None and entry.translated:
                    translated += 1
                elif entry is not None and entry.fuzzy and entry.msgstr:
                    fuzzy += 1
            rows.append(FileStatus(rel, len(template), translated, fuzzy,
                                   len(template) - translated - fuzzy))  # fmt: skip
        report[language.code] = rows
    return report


# ---- checks --------------------------------------------------------------------------

_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def check_translations(project: Project, languages: list[Language]) -> list[Problem]:
    """What a translation must keep from its English: every link target and placeholder.
    A changed `glossary:` id or a lost `{minutes}` would break the page, not just read badly."""
    problems: list[Problem] = []
    for language in languages:
        folder = project.root / "translations" / language.code
        if language.status == "source" or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.po")):
            catalog, found = read_catalog(path)
            rel = project.relative(path)
            problems += [replace(p, path=rel) for p in found]
            for entry in catalog.entries if catalog else []:
                if not entry.msgstr or entry.obsolete:
                    continue
                for rule, pattern, what in (
                    ("translation-links", _LINK_TARGET, "link targets"),
                    ("translation-placeholders", _PLACEHOLDER, "placeholders"),
                ):
                    english = sorted(pattern.findall(entry.msgid))
                    translated = sorted(pattern.findall(entry.msgstr))
                    if english != translated:
                        problems.append(Problem(
                            rel, entry.line, 1, Severity.ERROR, rule,
                            f"The translation's {what} {translated} differ from the English "
                            f"{english}.",
                            key_path=entry.msgctxt or "",
                            hint="keep every (target) and {placeholder} exactly as in the "
                            "English; translate only the words.",
                        ))  # fmt: skip
    return problems


# ---- language-neutral checks of translations ------------------------------------------

SENTENCE_ALLOWANCE = 1.3
"""A translated sentence may run to 1.3 times the English limit in words: languages differ
in how many words they need for the same idea, but a sentence far longer is hard to read
in any language."""


def check_translation_quality(content: Content, languages: list[Language]) -> list[Problem]:
    """What can be checked in any language: translations missing or out of date (the
    English changed since), and sentences too long to read easily."""
    from .plain_rules import LESSON_SENTENCE_WORDS  # the English limits, shared
    from .validate import EASY_READ_MAX_WORDS

    problems: list[Problem] = []
    for language in languages:
        if language.status == "source":
            continue
        for rel, template in source_templates(content, language).items():
            path = catalog_path(content.project, language, rel)
            catalog, _ = read_catalog(path)  # syntax problems come from check_translations
            shown = content.project.relative(path)
            entries = {e.key: e for e in catalog.entries if not e.obsolete} if catalog else {}
            # Hand-written docs pages fall back block by block; only content and interface
            # strings are counted.
            keys = [k for k in dict.fromkeys(template) if not str(k[0]).startswith("docs/")]
            missing = [k for k in keys if k not in entries or not entries[k].msgstr]
            if missing and not language.partial:
                problems.append(Problem(
                    shown, 0, 0, Severity.WARNING, "translation-missing",
                    f"{len(missing)} of {len(keys)} texts are not translated into "
                    f"{language.name}; readers see them in English.",
                    hint="translate them (run `healthskills translations update` first), or set "
                    "`partial: true` for the language in translations/languages.yaml.",
                ))  # fmt: skip
            limit = EASY_READ_MAX_WORDS if rel.startswith("guides/") else LESSON_SENTENCE_WORDS
            for key in keys:
                entry = entries.get(key)
                if entry is None or not entry.msgstr:
                    continue
                if entry.fuzzy:
                    problems.append(Problem(
                        shown, entry.line, 1, Severity.WARNING, "translation-outdated",
                        "The English changed after this was translated; readers see the "
                        "English until the translation is updated.",
                        key_path=entry.msgctxt or "",
                        hint="translate the new English (the old one is in the `#|` lines), "
                        "then remove the fuzzy flag.",
                    ))  # fmt: skip
                    continue
                if rel.startswith(("lessons/", "guides/")) and entry.msgctxt != "facilitator_notes":
                    problems += _long_translated(shown, entry, limit)
    return problems


def _long_translated(path: str, entry: po.Entry, limit: int) -> list[Problem]:
    most = round(limit * SENTENCE_ALLOWANCE)
    found = []
    for sentence in sentences(entry.msgstr):
        count = len(sentence.split())
        if count > most:
            found.append(Problem(
                path, entry.line, 1, Severity.WARNING, "long-sentence",
                f"A translated sentence has {count} words; at most {most} reads easily "
                f"here: “{sentence[:60]}…”",
                key_path=entry.msgctxt or "",
                hint="split it into two sentences, each with one idea.",
            ))  # fmt: skip
    return found
