"""The `healthskills` command: parse arguments, call a stage, print problems, set the exit code.

Bad content is reported as problems, never as a traceback. Exit codes: 0 clean, 1 problems
that fail the command, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from .budget import (
    BEFORE_TEXT_BUDGET,
    FIRST_VIEW_BUDGET,
    content_pages,
    page_weight,
)
from .build import build_site
from .check import CheckedProject, check_project
from .importer import import_places
from .localise.update import update_catalogs
from .problems import Problem, ProblemsFound, sort_problems, summarise
from .project import Project, find_project
from .render.offline import megabytes
from .report.content import report_table
from .report.translations import progress_json, progress_table
from .scaffold import KINDS, new_file
from .serve import serve
from .validate.online import validate_online
from .write.engine import DEFAULT_ENGINE, ENGINES


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    print(summarise(problems), file=sys.stderr)


def _project(args: argparse.Namespace) -> Project | None:
    project, problems = find_project(Path(args.project))
    if project is None:
        _print_problems(problems)
    return project


def cmd_check(args: argparse.Namespace) -> int:
    project = _project(args)
    if project is None:
        return 1
    checked = check_project(project)
    problems = checked.problems
    if args.online:
        problems = sort_problems(problems + validate_online(checked.content))
    if args.format == "json":
        report = {"problems": [p.as_dict() for p in problems], "summary": summarise(problems)}
        print(json.dumps(report, ensure_ascii=False, indent=1))
    elif args.format == "github":
        for problem in problems:
            print(problem.github())
        print(summarise(problems), file=sys.stderr)
    else:
        _print_problems(problems)
    failing = [p for p in problems if p.is_error or args.strict]
    return 1 if failing else 0


def cmd_build(args: argparse.Namespace) -> int:
    project = _project(args)
    if project is None:
        return 1
    site_dir = Path(args.site_dir) if args.site_dir else project.root / "site"
    started = time.perf_counter()
    try:
        checked = check_project(project, engine=args.engine)
        result = build_site(
            checked, site_dir, pdfs=not args.no_pdf, zims=not args.no_zim, cache=not args.no_cache
        )
    except ProblemsFound as exc:
        _print_problems(exc.problems)
        print(f"Build failed; {site_dir} was left as it was.", file=sys.stderr)
        return 1
    if result.warnings:
        _print_problems(result.warnings)
    seconds = time.perf_counter() - started
    packs = ""
    if result.packs:
        largest = max(result.packs.values())
        count = len(result.packs)
        packs = f" and {count} offline pack{'s' if count != 1 else ''}"
        packs += f" (largest {megabytes(largest, 'en')} MB)"
    print(f"Built {result.pages} pages{packs} into {result.site_dir} in {seconds:.1f} s.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    project = _project(args)
    if project is None:
        return 1
    path, problems = new_file(project, args.kind, args.id, dt.date.today())
    if problems:
        _print_problems(problems)
        return 1
    print(f"Wrote {path}. Replace the TODOs, then run `healthskills check`.")
    if args.kind == "lesson":
        print("Add the lesson's id to a topic in content/topics.yaml so the lessons page lists it.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    project = _project(args)
    if project is None:
        return 1
    return serve(project, args.host, args.port)


def cmd_report(args: argparse.Namespace) -> int:
    project = _project(args)
    if project is None:
        return 1
    checked = check_project(project)
    if checked.errors:
        _print_problems(checked.errors)
        return 1
    report = checked.report
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(report_table(report))
    return 0


def cmd_budget(args: argparse.Namespace) -> int:
    project = _project(args)
    if project is None:
        return 1
    site = Path(args.site_dir) if args.site_dir else project.root / "site"
    pages = content_pages(site) if site.is_dir() else []
    if not pages:
        print(f"No lesson or guide pages in {site}: run `healthskills build`.", file=sys.stderr)
        return 1
    failing = 0
    print(f"{'page':50} {'before text':>12} {'first view':>11} {'pictures':>9}")
    for page in pages:
        weight = page_weight(site, page)
        reasons = weight.over_budget()
        failing += bool(reasons)
        mark = "  OVER: " + "; ".join(reasons) if reasons else ""
        print(
            f"{page:50} {weight.before_text:>12,} {weight.first_view:>11,} "
            f"{sum(weight.pictures.values()):>9,}{mark}"
        )
    print(
        f"{len(pages)} pages; budgets (brotli bytes): before text {BEFORE_TEXT_BUDGET:,}, "
        f"first view without pictures {FIRST_VIEW_BUDGET:,}; {failing} over budget."
    )
    return 1 if failing else 0


def _valid_content(args: argparse.Namespace) -> CheckedProject | None:
    """The checked project for the translation commands, which only work on valid content
    and readable PO files (`check_project` reports problems in both)."""
    project = _project(args)
    if project is None:
        return None
    checked = check_project(project)
    if checked.errors:
        _print_problems(checked.errors)
        print("Fix these first: translations are extracted from valid content.", file=sys.stderr)
        return None
    return checked


def cmd_translations_update(args: argparse.Namespace) -> int:
    checked = _valid_content(args)
    if checked is None:
        return 1
    written = update_catalogs(
        checked.project, checked.content, checked.docs, checked.languages, checked.catalogues,
        checked.engine.theme_strings, checked.settings.organisation,
    )  # fmt: skip
    for path in written:
        print(f"updated {path}")
    print(f"{len(written)} PO files updated for {len(checked.languages) - 1} languages.")
    return 0


def cmd_translations_status(args: argparse.Namespace) -> int:
    checked = _valid_content(args)
    if checked is None:
        return 1
    if args.json:
        print(json.dumps(progress_json(checked.progress, checked.languages), indent=2,
                         ensure_ascii=False))  # fmt: skip
    else:
        print(progress_table(checked.progress, checked.languages, per_file=args.files))
    return 0


def cmd_places_import(args: argparse.Namespace) -> int:
    project = _project(args)
    if project is None:
        return 1
    result = import_places(
        Path(args.file), project, to=Path(args.to) if args.to else None, area=args.area,
        owner=args.owner, replace=args.replace,
    )  # fmt: skip
    for outcome in result.outcomes:
        print(outcome.describe())
    _print_problems(result.problems)
    print(result.summary())
    if result.paths("written", "replaced"):
        print("Check each new place (kind, offers, hours), then run `healthskills check`.")
    return 1 if result.failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthskills",
        description="Build accessible health lessons and easy-read guides from YAML.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument(
            "--project",
            default=".",
            metavar="DIR",
            help="the project folder holding mkdocs.yml and content/ (default: here)",
        )
        return command

    check = add("check", "Load and validate all content; report every problem.")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--online", action="store_true", help="also check that sources and links still answer"
    )
    check.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text for people (default), github for GitHub Actions annotations, json for tools",
    )
    check.set_defaults(func=cmd_check)
    build = add("build", "Check, render and build the whole site.")
    build.add_argument("--site-dir", metavar="DIR", help="where to build (default: site/)")
    build.add_argument(
        "--no-pdf",
        action="store_true",
        help="skip the printable PDFs (faster; no Chromium needed)",
    )
    build.add_argument(
        "--no-zim",
        action="store_true",
        help="skip the offline packs for Kiwix (faster)",
    )
    build.add_argument(
        "--engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help="what wraps the pages in the theme: mkdocs (default) or properdocs",
    )
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="build everything anew, and keep nothing in .cache/healthskills/ for next time",
    )
    build.set_defaults(func=cmd_build)

    budget = add("budget", "Page weight of every lesson and guide in a built site, in bytes.")
    budget.add_argument("--site-dir", metavar="DIR", help="the built site (default: site/)")
    budget.set_defaults(func=cmd_budget)

    report = add(
        "report",
        "Every lesson and guide: owner, review dates (overdue first), reading age, translations.",
    )
    report.add_argument("--format", choices=("table", "json"), default="table",
                        help="table for people (default), json for tools")  # fmt: skip
    report.set_defaults(func=cmd_report)

    serve_cmd = add("serve", "Build, serve on localhost and rebuild when files change.")
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve_cmd.set_defaults(func=cmd_serve)

    new = add("new", "Start a new lesson or easy-read guide from a valid template.")
    new.add_argument("kind", choices=sorted(KINDS), help="what to create")
    new.add_argument("id", help="its id, which is also its file name and web address")
    new.set_defaults(func=cmd_new)

    translations = sub.add_parser("translations", help="Update PO files and report progress.")
    tsub = translations.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, help_text, func in (
        ("update", "Extract English text and merge it into every language's PO files.",
         cmd_translations_update),
        ("status", "How much of each language is translated, out of date or missing.",
         cmd_translations_status),
    ):  # fmt: skip
        action = tsub.add_parser(name, help=help_text, description=help_text)
        action.add_argument("--project", default=".", metavar="DIR", help="the project folder")
        action.set_defaults(func=func)
        if name == "status":
            action.add_argument("--json", action="store_true", help="machine-readable output")
            action.add_argument("--files", action="store_true", help="one row per PO file")

    places = sub.add_parser("places", help="Import places where people can get help.")
    psub = places.add_subparsers(dest="action", required=True, metavar="ACTION")
    text = "Write place files from a council's Open Referral UK directory (.json) or a CSV."
    place_import = psub.add_parser("import", help=text, description=text)
    place_import.add_argument("file", metavar="FILE", help="the .json or .csv file to import")
    place_import.add_argument("--project", default=".", metavar="DIR", help="the project folder")
    place_import.add_argument(
        "--to", metavar="DIR", help="where to write the place files (default: content/places/)"
    )
    place_import.add_argument(
        "--area", metavar="NAME", help="the town or borough of every place, instead of the file's"
    )
    place_import.add_argument(
        "--owner", metavar="NAME", help="who keeps every place up to date, instead of the file's"
    )
    place_import.add_argument(
        "--replace", action="store_true", help="overwrite place files that already exist"
    )
    place_import.set_defaults(func=cmd_places_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)
