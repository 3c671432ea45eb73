"""`healthskills translations update`: merge the English into every language's PO files.

gettext's msgmerge semantics, keyed by msgctxt: unchanged entries keep their translation;
changed English keeps the old translation as fuzzy with the previous English alongside
(`#|`); new entries start empty; entries no longer in the source become obsolete.
"""

from __future__ import annotations

import difflib

from ..load import po
from ..load.catalogues import Catalogues, catalogue_path
from ..load.content import Content
from ..load.docs import Docs
from ..models.language import Language
from ..project import Project
from ..settings.branding import Organisation
from .extract import DOCS_PREFIX, Template, source_templates
from .progress import ThemeStrings


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


def update_catalogs(
    project: Project,
    content: Content,
    docs: Docs,
    languages: list[Language],
    catalogues: dict[str, Catalogues],
    theme_strings: ThemeStrings,
    organisation: Organisation | None = None,
) -> list[str]:
    """Extract the English and merge it into every language's PO files (already read, and
    readable: check reports those that are not). Returns the files written. Files no longer
    in the source are left alone (a translator may still need them)."""
    written: list[str] = []
    for language in languages:
        if language.is_source:
            continue
        existing = catalogues.get(language.code, {})
        for rel, template in source_templates(
            content, docs, theme_strings(language.code), organisation
        ).items():
            path = catalogue_path(project, language, rel)
            merged = po.dumps(merge(template, existing.get(rel), language))
            if rel not in existing or existing[rel].text != merged:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(merged, encoding="utf-8")
                written.append(project.relative(path))
    return written
