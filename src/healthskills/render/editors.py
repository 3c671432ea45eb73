"""Pages for the people who keep the site going: the translators' progress page and the
editors' content report. Only their titles are translated: editors work in English."""

from __future__ import annotations

from typing import Any

from ..assets import Assets
from ..localise.content import Localised
from ..models.language import Language
from .context import PageContext, PageSource, index_source


def render_status_page(
    local: Localised, assets: Assets, languages: list[Language], status: dict[str, Any]
) -> PageSource:
    """The translators' page: the same numbers as `healthskills translations status`."""
    page = PageContext(local, assets, f"{local.language.code}/translators/")
    body = page.render(
        "translators.html",
        notice=False,
        languages=[lang for lang in languages if lang.code in status],
        status=status,
    )
    return PageSource(
        path="translators.md",
        url=page.url,
        title=page.t("translation_status"),
        description=page.t("translation_status"),
        body=body,
        kind="index",
    )


def render_report_page(
    local: Localised, assets: Assets, languages: list[Language], report: dict[str, Any]
) -> PageSource:
    """The editors' content report (`healthskills report`), on the site."""
    page = PageContext(local, assets, f"{local.language.code}/content-report/")
    names = {lang.code: lang.name for lang in languages}
    body = page.render("content_report.html", report=report, names=names)
    return index_source(
        page, "content-report.md", "content_report", "content_report", body,
        search={"exclude": True},
    )  # fmt: skip
