"""In-page checks run by the browser suite: axe-core, reflow, clipped text, keyboard."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""All of them: without wcag22aa, axe skips `target-size`."""

AXE_SOURCE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def run_axe(page) -> tuple[list[dict], list[dict]]:
    """Violations and incomplete results of axe-core on the page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: "
        "['violations', 'incomplete']})",
        WCAG_TAGS,
    )
    return result["violations"], result["incomplete"]


def describe_axe(results: list[dict]) -> list[str]:
    return [
        f"{r['id']} ({r.get('impact')}): {r['help']} at {', '.join(str(n['target']) for n in r['nodes'][:3])}"
        for r in results
    ]


def log_incomplete(artifacts: Path, where: str, incomplete: list[dict]) -> None:
    if not incomplete:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with (artifacts / f"axe-incomplete-{worker}.txt").open("a", encoding="utf-8") as handle:
        for line in describe_axe(incomplete):
            handle.write(f"{where}: {line}\n")


def horizontal_overflow(page) -> list[int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


WIDEST = """
() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const rect = el.getBoundingClientRect();
    if (rect.width && rect.right > width + 1 && getComputedStyle(el).visibility !== 'hidden') {
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} `
               + `(right edge ${Math.round(rect.right)}): ${(el.innerText || '').slice(0, 30)}`);
    }
  }
  return out.slice(-3);
}
"""


def overflowing(page) -> list[str]:
    """The innermost elements sticking out past the right edge: what to fix."""
    return page.evaluate(WIDEST)


CLIPPED_TEXT = """
() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
    if (!clips || !el.innerText || !el.innerText.trim()) continue;
    if (el.getClientRects().length === 0) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;  // visually-hidden helpers
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')
               + ` (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
  }
  return out;
}
"""


def clipped_text(page) -> list[str]:
    """Elements whose text is cut off by overflow: hidden/clip (lost content)."""
    return page.evaluate(CLIPPED_TEXT)


KEYBOARD_SETUP = """
() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const visible = el => {
    if (el.closest('[hidden], [inert]')) return false;
    // Content of a closed <details> (other than its summary) is not shown, so not tabbable.
    if (el.closest('details:not([open]) > :not(summary)')) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const list = [];
  document.querySelectorAll(selector).forEach((el, i) => {
    if (el.tabIndex < 0 || el.disabled || !visible(el)) return;
    el.dataset.hsKey = String(i);
    list.push(i + ' ' + el.tagName.toLowerCase() + ' ' + (el.getAttribute('href') || el.textContent.trim().slice(0, 40)));
  });
  return list;
}
"""

FOCUS_STATE = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
    || (style.boxShadow && style.boxShadow !== 'none');
  return {key: el.dataset.hsKey || null, ring,
          label: el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '')
                 + ' ' + (el.getAttribute('href') || el.textContent.trim().slice(0, 40))};
}
"""


def walk_keyboard(page) -> tuple[list[str], list[str], list[str]]:
    """Tab through the page. Returns (stops in order, unreachable elements, stops without a
    visible focus ring)."""
    candidates = page.evaluate(KEYBOARD_SETUP)
    wanted = {line.split(" ", 1)[0]: line for line in candidates}
    reached: set[str] = set()
    stops: list[str] = []
    no_ring: list[str] = []
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(len(candidates) + 10):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break
        if state["key"] is not None and state["key"] in reached:
            break  # wrapped round
        stops.append(state["label"])
        if state["key"] is not None:
            reached.add(state["key"])
        if not state["ring"]:
            no_ring.append(state["label"])
    unreachable = [line for key, line in wanted.items() if key not in reached]
    return stops, unreachable, no_ring


def other_host(url: str, own: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.netloc != own
