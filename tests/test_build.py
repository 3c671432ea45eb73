"""Whole builds of the fixture project and of the real starter content."""

import hashlib
import json
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from healthskills.build import build_project
from healthskills.problems import ProblemsFound
from healthskills.project import Project
from support import REPO, TODAY, edit


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_build_writes_every_page_at_its_address(project, tmp_path):
    site = tmp_path / "site"
    result = build_project(project, site, TODAY)
    # 2 lessons, 1 guide and its text-only version, 2 indexes, "my lessons", the word list,
    # the translators' page, the content report, "Help near you" and "Read offline"
    assert result.pages == 12
    for rel in (
        "index.html",
        "en/index.html",
        "en/lessons/index.html",
        "en/lessons/first-lesson/index.html",
        "en/lessons/second-lesson/index.html",
        "en/guides/index.html",
        "en/guides/first-guide/index.html",
        "en/guides/first-guide/text/index.html",
        "en/my-lessons/index.html",
        "en/words/index.html",
        "en/help-near-you/index.html",
        "en/content-report/index.html",
        "en/search/index.json",
    ):
        assert (site / rel).is_file(), rel
    assert not (site / "en/print").exists()  # PDFs only when asked for
    assert [p.name for p in (site / "assets/pictures").iterdir()] != []
    # No leftovers next to the site.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_lesson_page_structure(project, tmp_path):
    build_project(project, tmp_path / "site", TODAY)
    page = soup(tmp_path / "site/en/lessons/first-lesson/index.html")
    assert page.html["lang"] == "en"
    assert page.find("h1").get_text(strip=True) == "Open an app"
    first_link = page.find("a")
    assert "md-skip" in first_link["class"] and first_link["href"] == "#hs-content"
    assert page.find(id="hs-content") is not None
    steps = page.select("ol.hs-steps > li.hs-step")
    assert [s["id"] for s in steps] == ["step-find", "step-open"]
    img = page.select_one(".hs-step img")
    assert img["alt"] == "A phone." and img["width"] == "96" and img["height"] == "96"
    assert (tmp_path / "site/en/lessons/first-lesson" / img["src"]).resolve().is_file()
    assert page.select_one("#term-app").get_text() == "app"
    assert [d.select_one("summary").get_text() for d in page.select("details.hs-option")] == [
        "Tap it once.",
        "Shake the phone.",
    ]
    assert page.select_one(".hs-review time")["datetime"] == "2026-01-10"
    assert "10 January 2026" in page.select_one(".hs-review").get_text()


def test_guide_rows_have_picture_then_words(project, tmp_path):
    build_project(project, tmp_path / "site", TODAY)
    page = soup(tmp_path / "site/en/guides/first-guide/index.html")
    row = page.select_one("li.hs-row")
    assert [child.name for child in row.find_all(recursive=False)] == ["img", "p"]
    assert row.img["alt"] == "A phone."


def test_no_page_loads_anything_from_another_host(project, tmp_path):
    build_project(project, tmp_path / "site", TODAY)
    for path in (tmp_path / "site").rglob("*.html"):
        page = soup(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                url = element.get(attr, "")
                rel = element.get("rel") or []
                if tag == "link" and ("canonical" in rel or "alternate" in rel):
                    continue
                assert not url.startswith(("http:", "https:", "//")), (path, url)
        assert "fonts.googleapis" not in path.read_text()


def test_failed_build_leaves_the_old_site_untouched(project, tmp_path):
    site = tmp_path / "site"
    build_project(project, site, TODAY)
    before = tree(site)
    edit(project, "content/lessons/first-lesson.yaml", "minutes: 5", "minutes: soon")
    with pytest.raises(ProblemsFound) as caught:
        build_project(project, site, TODAY)
    assert [p.rule for p in caught.value.problems] == ["type"]
    assert tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_mkdocs_failure_also_leaves_the_site_untouched(project, tmp_path):
    site = tmp_path / "site"
    build_project(project, site, TODAY)
    before = tree(site)
    (project.root / "docs/index.md").write_text("[broken](missing.md)\n")
    with pytest.raises(ProblemsFound) as caught:
        build_project(project, site, TODAY)
    assert any("missing.md" in p.message for p in caught.value.problems)
    assert tree(site) == before


def test_broken_internal_link_in_built_html_fails(project, tmp_path):
    (project.root / "docs/index.md").write_text('<a href="lessons/nowhere/">x</a>\n')
    with pytest.raises(ProblemsFound) as caught:
        build_project(project, tmp_path / "site", TODAY)
    assert [p.rule for p in caught.value.problems] == ["broken-link"]
    assert not (tmp_path / "site").exists()


def test_web_fonts_are_refused(project, tmp_path):
    edit(project, "mkdocs.yml", "font: false", "font:\n    text: Roboto")
    with pytest.raises(ProblemsFound) as caught:
        build_project(project, tmp_path / "site", TODAY)
    assert [p.rule for p in caught.value.problems] == ["web-fonts"]


def test_theme_settings_that_do_nothing_are_warned_about(project, tmp_path):
    edit(project, "mkdocs.yml", "font: false", "font: false\n  palette:\n    primary: red")
    result = build_project(project, tmp_path / "site", TODAY)
    warned = [p for p in result.warnings if p.rule == "theme-ignored"]
    assert [(p.line, p.col, p.message.split(" has")[0]) for p in warned] == [
        (6, 3, "theme.palette")
    ]
    html = (tmp_path / "site/en/index.html").read_text(encoding="utf-8")
    assert "palette" not in html


def test_hand_written_pages_cannot_shadow_generated_ones(project, tmp_path):
    (project.root / "docs/lessons").mkdir()
    (project.root / "docs/lessons/x.md").write_text("# x\n")
    with pytest.raises(ProblemsFound) as caught:
        build_project(project, tmp_path / "site", TODAY)
    assert [p.rule for p in caught.value.problems] == ["reserved-folder"]


@pytest.mark.parametrize("name", ["my-lessons.md", "words.md", "content-report.md"])
def test_hand_written_page_cannot_take_a_generated_pages_name(project, tmp_path, name):
    (project.root / "docs" / name).write_text("# Mine\n")
    with pytest.raises(ProblemsFound) as caught:
        build_project(project, tmp_path / "site", TODAY)
    found = caught.value.problems
    assert [(p.rule, p.path) for p in found] == [("reserved-folder", f"docs/{name}")]
    assert found[0].hint == f"rename the page, for example to docs/about-{name}."
    assert not (tmp_path / "site").exists()


def test_builds_are_reproducible(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build_project(project, tmp_path / "one", TODAY)
    build_project(project, tmp_path / "two", TODAY)
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two
    stamps = {os.stat(p).st_mtime for p in (tmp_path / "one").rglob("*") if p.is_file()}
    assert stamps == {1767225600}


def test_real_starter_content_is_clean_and_builds(tmp_path):
    project = Project(REPO)
    from healthskills.check import check_project

    checked = check_project(project)
    content, problems = checked.content, checked.problems
    assert [p.format() for p in problems] == []
    assert len(content.lessons) >= 10 and len(content.guides) >= 6
    for loaded in content.lessons.values():
        assert any("nhs.uk" in s.url or "gov.uk" in s.url for s in loaded.model.sources)
    result = build_project(project, tmp_path / "site")
    # Lessons, guides and their text-only versions, the two indexes, "my lessons", the word
    # list, the translators' page, the content report, "Read offline" and "Help near you"
    # (national services only: the starter content has no local places).
    per_language = len(content.lessons) + 2 * len(content.guides) + 8
    assert result.languages >= 8
    assert result.pages == per_language * result.languages


def test_paper_size_must_be_a4_or_letter(project, tmp_path):
    yml = project.mkdocs_yml
    yml.write_text(yml.read_text() + "extra:\n  paper: A3\n")
    with pytest.raises(ProblemsFound) as failed:
        build_project(project, tmp_path / "site", TODAY)
    lines = [p.format().splitlines()[0] for p in failed.value.problems]
    line = yml.read_text().splitlines().index("  paper: A3") + 1
    assert lines == [
        f"mkdocs.yml:{line}:3: error [mkdocs-config] extra.paper is `A3`; "
        "printed guides can be A4 or letter."
    ]


def test_guide_pages_carry_their_print_rules(project, tmp_path):
    """Printing a guide from the browser gets the PDF's paper size, running title, review
    date, source and page numbers, from a print-only stylesheet beside the page (an inline
    style would need a hash of its own in the page's security policy)."""
    build_project(project, tmp_path / "site", TODAY)
    page = soup(tmp_path / "site/en/guides/first-guide/index.html")
    link = page.head.find("link", rel="stylesheet", href="print.css")
    assert link["media"] == "print"
    assert page.head.find("style", media="print") is None
    style = (tmp_path / "site/en/guides/first-guide/print.css").read_text()
    assert style.startswith('@page{size:A4}@page{@top-center{content:"Using an app"}')
    assert '@bottom-right{content:"Page " counter(page) " of " counter(pages);width:28%}' in style
    assert "Last reviewed: " in style and "Source: nhs.uk" in style
    online = page.find(class_="hs-online")
    assert "hs-print-only" in online["class"] and online.find("svg")
    assert online.find(class_="hs-url").string == "test.example.org/en/guides/first-guide/"


def test_text_only_guide_has_no_pictures_and_stays_out_of_search(project, tmp_path):
    build_project(project, tmp_path / "site", TODAY)
    page = soup(tmp_path / "site/en/guides/first-guide/text/index.html")
    assert page.find("h1").get_text(strip=True) == "Using an app"
    assert page.find("img") is None
    assert [li.get_text(" ", strip=True) for li in page.select(".hs-row")] == [
        "An app is a program on your phone.",
        "Your doctor can help.",
    ]
    assert page.find("a", string="The same guide with pictures")["href"] == "../"
    guide = soup(tmp_path / "site/en/guides/first-guide/index.html")
    assert guide.select_one(".hs-downloads a[href='text/']")
    index = (tmp_path / "site/en/search/index.json").read_text(encoding="utf-8")
    assert "guides/first-guide/" in index and "guides/first-guide/text/" not in index


def test_embed_views_of_every_lesson_and_guide(project, tmp_path):
    """Standalone pages for other websites' iframes: the content, who it is from and a way
    to the full page; no site chrome and no site script (it throws in sandboxed frames)."""
    site = tmp_path / "site"
    build_project(project, site, TODAY)
    for kind, item, title in (
        ("lessons", "first-lesson", "Open an app"),
        ("guides", "first-guide", "Using an app"),
    ):
        html = (site / f"en/embed/{kind}/{item}/index.html").read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        assert page.find("h1").get_text(strip=True) == title
        assert not page.select(".hs-header, .hs-nav, .hs-switcher, .hs-embed-this, form")
        assert [s.get("src") for s in page.find_all("script")] == [None]  # inline only
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        full = f"https://test.example.org/en/{kind}/{item}/"
        assert page.find("link", rel="canonical")["href"] == full
        attribution = page.select_one(".hs-attribution")
        assert attribution.get_text(" ", strip=True).startswith("From Test site.")
        link = attribution.find("a")
        assert link["href"] == f"../../../{kind}/{item}/" and link["target"] == "_blank"
        assert page.select_one(".hs-review")  # the review dates come along
        # Links leave the host's page in a new tab; links within the page stay.
        for a in page.find_all("a", href=True):
            assert (a.get("target") == "_blank") != a["href"].startswith("#"), a

        oembed_url = f"https://test.example.org/en/embed/{kind}/{item}/oembed.json"
        assert page.find("link", type="application/json+oembed")["href"] == oembed_url
        oembed = json.loads((site / f"en/embed/{kind}/{item}/oembed.json").read_text())
        assert oembed["version"] == "1.0" and oembed["type"] == "rich"
        assert oembed["title"] == title and oembed["provider_name"] == "Test site"
        frame = BeautifulSoup(oembed["html"], "html.parser").find("iframe")
        assert frame["src"] == f"https://test.example.org/en/embed/{kind}/{item}/"

        # The full page: the same code to copy, and the oEmbed discovery link.
        full_page = soup(site / f"en/{kind}/{item}/index.html")
        assert full_page.head.find("link", type="application/json+oembed")["href"] == oembed_url
        code = full_page.select_one(".hs-embed-this textarea").string
        assert code == oembed["html"]
        frame = BeautifulSoup(code, "html.parser").find("iframe")
        assert frame["title"] == f"{title} (Test site)"
        assert frame["loading"] == "lazy" and "allow-scripts" in frame["sandbox"]
        assert frame["height"] == "640"  # readable and scrollable without the script
