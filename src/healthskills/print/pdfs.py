"""Stage 5, print: documents → PDF files, in headless Chromium.

Documents carry their pictures and stylesheets, and any request they make anyway is
refused and reported, so printing never touches the network or the disk. Chromium
writes tagged PDFs (headings, reading order, the document's language) with an outline of
headings, which screen readers and PDF viewers use.

All PDFs come back as bytes; the build writes them with the rest of the site.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
import re
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader

from ..assets import Assets
from ..load.content import Content
from ..localise.content import Localised
from ..problems import Problem, Severity
from ..render.documents import bilingual_doc, pack_doc, poster_doc, sheet_doc
from ..render.printing import PrintDoc
from ..reproducible import source_date_epoch
from ..settings import ProjectSettings
from ..validate.easy_read import MAX_PRINTED_PAGES
from .cache import PrintCache
from .chromium import ARGS, find_chromium

if TYPE_CHECKING:
    from playwright.async_api import Page, Route


class PrintFailed(Exception):
    """Printing could not run at all (no Chromium, or it would not start)."""


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def part_pages(pdf: bytes) -> list[int]:
    """The first page (1-based) of each part of a champion pack, in order. The contents
    page links to each part (`#item-1`, `#item-2`…), so the PDF has a named destination
    for each, on the page where the part starts."""
    reader = PdfReader(io.BytesIO(pdf))
    destinations = {name.lstrip("/"): dest for name, dest in reader.named_destinations.items()}
    pages = []
    while (dest := destinations.get(f"item-{len(pages) + 1}")) is not None:
        pages.append(reader.get_destination_page_number(dest) + 1)
    return pages


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})\+00'00'\)")


def _stamp(pdf: bytes) -> bytes:
    """With SOURCE_DATE_EPOCH set, that time instead of now in the PDF's dates, so builds
    are reproducible. Same length, so the PDF's byte offsets stay right."""
    epoch = source_date_epoch()
    if epoch is None:
        return pdf
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode()
    return _PDF_DATE.sub(lambda m: b"/" + m[1] + b" (D:" + stamp + b"+00'00')", pdf)


class _Engine:
    """One Chromium for a whole build; documents print in parallel, one tab per core."""

    def __init__(self, executable: str, jobs: int) -> None:
        self.executable = executable
        self.jobs = jobs
        self.refused: dict[str, set[str]] = {}

    async def __aenter__(self) -> _Engine:
        self.browser = None
        return self

    async def _start(self) -> None:
        """The browser starts the first time a document needs printing, not before: a
        build whose documents are all in the cache never starts it."""
        from playwright.async_api import async_playwright

        self.playwright = await async_playwright().start()
        try:
            self.browser = await self.playwright.chromium.launch(
                executable_path=self.executable, args=ARGS
            )
        except Exception as exc:
            await self.playwright.stop()
            raise PrintFailed(f"Chromium ({self.executable}) did not start: {exc}") from exc
        # Our documents need no script; switching it off is one less thing that can go wrong.
        context = await self.browser.new_context(java_script_enabled=False)
        await context.route("**/*", self._refuse)
        self.tabs: asyncio.Queue[Page] = asyncio.Queue()
        for _ in range(self.jobs):
            self.tabs.put_nowait(await context.new_page())

    async def __aexit__(self, *exc: object) -> None:
        if self.browser is not None:
            await self.browser.close()
            await self.playwright.stop()

    async def _refuse(self, route: Route) -> None:
        """Documents carry their pictures and styles, so they should ask for nothing; a
        request means a bug, and it is reported instead of reaching the network."""
        frame = route.request.frame
        title = await frame.title() if frame else ""
        self.refused.setdefault(route.request.url, set()).add(title)
        await route.abort("blockedbyclient")

    async def print(self, doc: PrintDoc) -> bytes:
        from playwright.async_api import Error

        tab = await self.tabs.get()
        try:
            await tab.set_content(doc.html, wait_until="load")
            pdf = await tab.pdf(
                prefer_css_page_size=True, print_background=True, outline=True, tagged=True
            )
        except Error as exc:  # a crashed or hung browser: say which document, not a traceback
            raise PrintFailed(f"Chromium failed while printing {doc.path}: {exc}") from exc
        finally:
            self.tabs.put_nowait(tab)
        return pdf

    async def print_all(self, docs: Iterable[PrintDoc]) -> list[bytes]:
        docs = list(docs)
        if docs and self.browser is None:
            await self._start()
        return list(await asyncio.gather(*(self.print(doc) for doc in docs)))

    async def print_cached(self, docs: list[PrintDoc], cache: PrintCache) -> list[bytes]:
        """Each document's PDF: from the cache, or printed now and then kept there (unless
        a document asked for something it should have carried: that build fails, and its
        PDFs must not outlive it)."""
        found = [cache.get(doc.html) for doc in docs]
        missing = [doc for doc, pdf in zip(docs, found, strict=True) if pdf is None]
        fresh = iter(await self.print_all(missing))
        pdfs = []
        for doc, pdf in zip(docs, found, strict=True):
            if pdf is None:
                pdf = next(fresh)
                if not self.refused:
                    cache.put(doc.html, pdf)
            pdfs.append(pdf)
        return pdfs


def documents(
    locals_: list[Localised],
    assets: Assets,
    settings: ProjectSettings,
    today: dt.date | None = None,
) -> list[PrintDoc]:
    """Every guide's sheet in every language, and its bilingual sheet beside English; every
    local place's poster in every language, and beside English."""
    today = today or dt.date.today()
    english = next(local for local in locals_ if local.language.is_source)
    docs = []
    for local in locals_:
        for guide in local.guides.values():
            docs.append(sheet_doc(local, assets, settings, guide))
            if local is not english:
                docs.append(bilingual_doc(local, english, assets, settings, guide))
        for place in local.places.values():
            if place.national:
                continue
            docs.append(poster_doc(local, assets, settings, place, today))
            if local is not english:
                docs.append(poster_doc(local, assets, settings, place, today, english))
    return docs


def make_pdfs(
    content: Content,
    locals_: list[Localised],
    assets: Assets,
    settings: ProjectSettings,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    today: dt.date | None = None,
) -> tuple[dict[str, bytes], list[Problem]]:
    """Every PDF of the site (site-root relative path → bytes), and any problems with them
    (a guide over the page limit, a request a document made). PDFs already in `cache_dir`
    are not printed again. Raises PrintFailed when a document needs printing and Chromium
    is missing, will not start or fails."""
    executable = find_chromium()
    if executable is None:
        raise PrintFailed("Chromium, which makes the PDFs, was not found.")
    cache = PrintCache(cache_dir, executable)
    docs = documents(locals_, assets, settings, today)
    engine = _Engine(executable, jobs or max(2, os.cpu_count() or 1))
    printing = _print_everything(engine, cache, locals_, assets, settings, docs)
    # In a thread of its own: the caller may already run an event loop (a test's
    # browser, a notebook), and asyncio.run refuses to start a second one in a thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        raw = thread.submit(asyncio.run, printing).result()
    problems = _page_limits(content, docs, raw)
    problems += [
        Problem("chromium", 0, 0, Severity.ERROR, "third-party-request",
                f"A printed document ({', '.join(sorted(titles))}) asked for {url}.",
                hint="printed documents must carry everything they show; please report this.")
        for url, titles in sorted(engine.refused.items())
    ]  # fmt: skip
    return {path: _stamp(pdf) for path, pdf in raw.items()}, problems


async def _print_everything(
    engine: _Engine,
    cache: PrintCache,
    locals_: list[Localised],
    assets: Assets,
    settings: ProjectSettings,
    docs: list[PrintDoc],
) -> dict[str, bytes]:
    """Every document's PDF, from the cache where it is there; the browser starts only if
    a document is not. The packs print twice: first to find where each part starts, then
    with those page numbers in the contents. Their first print runs alongside the sheets."""
    async with engine:
        drafts = [pack_doc(local, assets, settings) for local in locals_]
        printed = await engine.print_cached([*docs, *drafts], cache)
        files = {doc.path: pdf for doc, pdf in zip(docs, printed[: len(docs)], strict=True)}
        first_pages = [part_pages(pdf) for pdf in printed[len(docs) :]]
        packs = [
            pack_doc(local, assets, settings, pages)
            for local, pages in zip(locals_, first_pages, strict=True)
        ]
        for doc, pages, pdf in zip(
            packs, first_pages, await engine.print_cached(packs, cache), strict=True
        ):
            if part_pages(pdf) != pages:
                raise PrintFailed(f"{doc.path}: the contents page changed the page numbers.")
            files[doc.path] = pdf
    return files


def _page_limits(content: Content, docs: list[PrintDoc], files: dict[str, bytes]) -> list[Problem]:
    """EASY-READ.md: at most 24 printed pages, measured on every language's sheet (a
    translation can run longer than the English); a place's poster is one page, in every
    language and beside English."""
    problems = []
    for doc in docs:
        if doc.kind == "poster" and doc.guide in content.places:
            pages = page_count(files[doc.path])
            if pages > 1:
                problems.append(content.places[doc.guide].doc.problem(
                    ("offers",), "poster-pages",
                    f"The poster in `{doc.lang}` runs to {pages} pages; a poster is one page.",
                    hint="shorten `summary` or `how_to_find`, or list fewer offers.",
                    severity=Severity.WARNING, key=True,
                ))  # fmt: skip
        if doc.kind != "sheet" or doc.guide is None:
            continue
        pages = page_count(files[doc.path])
        if pages > MAX_PRINTED_PAGES:
            problems.append(
                content.guides[doc.guide].doc.problem(
                    ("sections",),
                    "guide-pages",
                    f"The printed guide in `{doc.lang}` has {pages} pages; easy read keeps "
                    f"to {MAX_PRINTED_PAGES} or fewer.",
                    hint="split it into two guides, each about one task, and link them.",
                    severity=Severity.WARNING,
                    key=True,
                )
            )
    return problems
