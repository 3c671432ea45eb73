"""Stage 4, render for other websites: the embed view of every lesson and guide, the HTML
snippet that embeds it, and its oEmbed description.

Charities show our pages on their own sites, where their people already are, and the pages
stay current because the iframe loads them from us. The embed view is a standalone page of
our own (no theme, no site script), because it runs in sandboxed, cross-origin frames where
storage, cookies and service workers throw.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from markupsafe import Markup

from ..assets import Assets
from ..localise.content import Localised
from ..pages import PLACES, area_url, embed_url, guide_url, lesson_url, oembed_path
from ..settings import ProjectSettings
from .context import TEMPLATES
from .embed_code import FRAME_HEIGHT, snippet
from .guides import guide_body
from .lessons import lesson_body
from .places import area_body, area_title, areas
from .policy import site_policies


def _new_tab(body: str) -> str:
    """Links in an embed leave the host's page: open them in a new tab. Links within the
    page (`#word-gp`) stay."""
    return re.sub(r'<a href="(?!#)', '<a target="_blank" href="', body)


def oembed(settings: ProjectSettings, lang: str, kind: str, item_id: str, title: str) -> str:
    """The oEmbed description (https://oembed.com), for sites that embed by address."""
    return json.dumps(
        {
            "version": "1.0",
            "type": "rich",
            "title": title,
            "provider_name": settings.site_name,
            "provider_url": settings.site_url,
            "html": snippet(settings, lang, kind, item_id, title),
            "width": 640,
            "height": FRAME_HEIGHT,
            "cache_age": 86400,
        },
        ensure_ascii=False,
        indent=1,
    )


def render_embeds(
    local: Localised, assets: Assets, settings: ProjectSettings, today: dt.date
) -> dict[str, bytes]:
    """Every embed page and oEmbed file of one language: site-root relative path → bytes.
    Lessons, guides, and each area's list of places (all of them on one page: the host
    page scrolls, and the frame loads only when it is scrolled to)."""
    lang = local.language.code
    css = Markup(assets.css + assets.embed_css)
    policy = site_policies(assets)[1].meta
    files: dict[str, bytes] = {}
    items: list[tuple[str, str, Any]] = [("lessons", x.id, x) for x in local.lessons.values()]
    items += [("guides", guide.id, guide) for guide in local.guides.values()]
    items += [(PLACES, area.slug, area) for area in areas(local)]
    for kind, item_id, item in items:
        url = embed_url(lang, kind, item_id)
        if kind == "lessons":
            full = lesson_url(lang, item_id)
            page, body = lesson_body(local, assets, settings, item, url=url)
            title = str(item.title)
        elif kind == "guides":
            full = guide_url(lang, item_id)
            page, body = guide_body(local, assets, settings, item, url=url)
            title = str(item.title)
        else:
            full = area_url(lang, item_id)
            title = area_title(local, item)
            page, body = area_body(local, assets, item, item.places, url, today, title=title,
                                   in_embed=True)  # fmt: skip
        page_html = TEMPLATES.get_template("embed.html").render(
            lang=lang,
            dir=local.language.dir,
            title=title,
            full_url=settings.site_url + full,
            full_link=page.link(full),
            oembed_url=settings.site_url + oembed_path(lang, kind, item_id),
            css=css,
            notice=page.t("machine_notice") if local.language.status == "machine" else "",
            body=Markup(_new_tab(body)),
            attribution=page.t("embed_attribution", site=settings.site_name),
            open_full=page.t("open_full_page"),
            script=Markup(assets.embed_script),
            csp=policy,
        )
        files[url + "index.html"] = page_html.encode("utf-8")
        files[oembed_path(lang, kind, item_id)] = oembed(
            settings, lang, kind, item_id, title
        ).encode("utf-8")
    return files
