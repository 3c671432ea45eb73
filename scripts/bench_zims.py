"""Offline packs: each language's size with and without its PDFs, and the build time the
packs add.

Why: a pack must fit a cheap phone and a slow download (shared/BUDGETS.md: at most 3 MB a
language without PDFs), and `healthskills build` makes one per language every time. The
PDFs are left out of the packs (docs/charities.md says why); this measures what putting
them in would cost, so that choice rests on figures.

How: from a site built with `healthskills build` (or `--site DIR`), make every language's
pack twice into a temporary folder, with no cache: as the build makes it, then with every
PDF of the language's `print/` folder inside. Prints bytes and seconds; not a test.

    .venv/bin/python scripts/bench_zims.py [--site site]
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import tempfile
import time
from pathlib import Path

from healthskills.assets import collect_assets
from healthskills.build import zim_packs
from healthskills.check import check_project
from healthskills.pages import zim_path
from healthskills.project import Project
from healthskills.write.zims import make_zims

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(REPO / "site"), help="a site built with its PDFs")
    args = parser.parse_args()
    built = Path(args.site)
    checked = check_project(Project(REPO))
    assets = collect_assets(checked.content.pictures, checked.settings.organisation)
    packs = zim_packs(checked, [checked.localised(lang) for lang in checked.languages], assets)

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(built, site, ignore=shutil.ignore_patterns("*.zim", "*.br", "*.gz"))
        started = time.perf_counter()
        plain = make_zims(site, packs, None)
        plain_seconds = time.perf_counter() - started
        with_pdfs = {}
        pdf_bytes = {}
        for pack in packs:
            pdfs = sorted(
                p.relative_to(site).as_posix() for p in (site / pack.lang).glob("print/*.pdf")
            )
            pdf_bytes[pack.lang] = sum((site / rel).stat().st_size for rel in pdfs)
            fuller = dataclasses.replace(pack, extra=tuple(pdfs))
            with_pdfs |= make_zims(site, [fuller], None)
            (site / zim_path(pack.lang)).unlink()

    print(f"{'language':<9}{'pack':>12}{'its PDFs':>13}{'pack + PDFs':>14}")
    for lang, size in plain.items():
        print(f"{lang:<9}{size:>12,}{pdf_bytes[lang]:>13,}{with_pdfs[lang]:>14,}")
    print(f"largest pack without PDFs: {max(plain.values()):,} bytes (budget 3,000,000)")
    print(f"time to make every pack (no cache): {plain_seconds:.1f} s for {len(plain)} languages")


if __name__ == "__main__":
    main()
