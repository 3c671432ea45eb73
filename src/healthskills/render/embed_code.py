"""The HTML a charity pastes into its own page to embed one of ours."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from ..pages import embed_url
from ..settings import ProjectSettings

FRAME_HEIGHT = 640
"""The iframe's height before the embed's script reports the content's (or for good, where
scripts are off): tall enough to read and scroll."""

SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
"""Scripts for the height and the host's choices; popups for the "full page" link, which
opens unsandboxed so that the full site works as usual."""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def snippet(settings: ProjectSettings, lang: str, kind: str, item_id: str, title: str) -> str:
    """The HTML a charity pastes into its page: the iframe (with a title for screen
    readers, lazy loading and a sandbox) and a few lines that fit its height to the
    content. The listener only believes messages from this iframe's window, sent from our
    origin (or "null", the origin of a sandboxed frame)."""
    src = settings.site_url + embed_url(lang, kind, item_id)
    label = html.escape(f"{title} ({settings.site_name})", quote=True)
    return (
        f'<iframe src="{src}" title="{label}" loading="lazy" sandbox="{SANDBOX}" '
        f'width="100%" height="{FRAME_HEIGHT}" style="border:0;max-width:100%"></iframe>\n'
        "<script>\n"
        'addEventListener("message", function (e) {\n'
        f"  var f = document.querySelector('iframe[src=\"{src}\"]');\n"
        "  if (!f || e.source !== f.contentWindow) return;\n"
        f'  if (e.origin !== "{_origin(settings.site_url)}" && e.origin !== "null") return;\n'
        "  var d = e.data;\n"
        '  if (d && d.type === "healthskills:height" && d.height > 0 && d.height < 100000)\n'
        '    f.style.height = d.height + "px";\n'
        "});\n"
        "</script>"
    )
