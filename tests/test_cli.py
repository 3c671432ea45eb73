"""The command line: exit codes, output format, --project, and no tracebacks."""

import shutil

from healthskills.cli import main
from support import edit


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_clean_project(project, capsys):
    code, _, err = run(capsys, "check", "--project", str(project.root))
    assert code == 0
    assert err.strip().endswith("No problems found.")


def test_check_reports_problems_and_summary(project, capsys):
    edit(project, "content/lessons/first-lesson.yaml", "minutes: 5", "minutes: five")
    (project.root / "content/lessons/bad.yaml").write_bytes(b"id: bad\ntitle: caf\xe9\n")
    code, _, err = run(capsys, "check", "--project", str(project.root))
    assert code == 1
    assert "content/lessons/bad.yaml:2:11: error [encoding] The file is not valid UTF-8" in err
    assert "content/lessons/first-lesson.yaml:4:10: error [type] minutes:" in err
    assert "\n  hint: " in err
    assert err.strip().splitlines()[-1] == "2 errors and 0 warnings in 2 files."
    assert "Traceback" not in err


def test_strict_fails_on_warnings(project, capsys):
    edit(project, "content/lessons/first-lesson.yaml", "title: Open an app", "title: TODO")
    assert run(capsys, "check", "--project", str(project.root))[0] == 0
    assert run(capsys, "check", "--strict", "--project", str(project.root))[0] == 1


def test_not_a_project(tmp_path, capsys):
    code, _, err = run(capsys, "check", "--project", str(tmp_path))
    assert code == 1 and "not a healthskills project" in err


def test_build_and_failed_build_messages(project, tmp_path, capsys):
    site = tmp_path / "out"
    code, out, _ = run(capsys, "build", "--project", str(project.root), "--site-dir", str(site))
    assert code == 0 and "Built 12 pages and 1 offline pack (largest 0." in out
    assert (site / "downloads/healthskills-en.zim").read_bytes().startswith(b"ZIM\x04")
    assert (site / "en/print/first-guide-en.pdf").read_bytes().startswith(b"%PDF-")
    assert (site / "en/print/champion-pack-en.pdf").is_file()
    edit(project, "content/guides/first-guide.yaml", "words: [app]", "words: [nothing]")
    code, _, err = run(capsys, "build", "--project", str(project.root), "--site-dir", str(site))
    assert code == 1
    assert "unknown-glossary" in err and "was left as it was" in err


def test_build_without_pdfs_or_packs(project, tmp_path, capsys):
    site = tmp_path / "out"
    args = [
        "build",
        "--no-pdf",
        "--no-zim",
        "--project",
        str(project.root),
        "--site-dir",
        str(site),
    ]
    code, out, _ = run(capsys, *args)
    assert code == 0 and "offline packs" not in out
    assert not (site / "en/print").exists() and not (site / "downloads").exists()
    page = (site / "en/guides/first-guide/index.html").read_text(encoding="utf-8")
    assert ".pdf" not in page and 'href="text/"' in page  # the text-only link stays


def test_build_without_chromium_says_what_to_do(project, tmp_path, capsys, monkeypatch):
    site = tmp_path / "out"
    args = ["build", "--project", str(project.root), "--site-dir", str(site)]
    assert run(capsys, "build", "--no-pdf", *args[1:])[0] == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    monkeypatch.setenv("HEALTHSKILLS_CHROMIUM", str(tmp_path / "no-such-browser"))
    code, _, err = run(capsys, *args)
    assert code == 1
    assert "error [print-engine]" in err and "Chromium, which makes the PDFs, was not found" in err
    assert "--no-pdf" in err and "was left as it was" in err
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_new_lesson_and_guide_pass_the_check(project, capsys):
    root = str(project.root)
    assert run(capsys, "new", "lesson", "book-a-test", "--project", root)[0] == 0
    assert run(capsys, "new", "guide", "a-test-guide", "--project", root)[0] == 0
    code, _, err = run(capsys, "check", "--project", root)
    assert code == 0, err
    assert "[unfinished]" in err and "[no-topic]" in err
    assert err.strip().splitlines()[-1].startswith("0 errors and ")
    # A second time is refused, and bad ids are refused, without a traceback.
    assert run(capsys, "new", "lesson", "book-a-test", "--project", root)[0] == 1
    code, _, err = run(capsys, "new", "guide", "Bad Id", "--project", root)
    assert code == 1 and "[invalid-id]" in err


def test_new_guide_needs_pictures(project, capsys):
    shutil.rmtree(project.root / "content/pictures")
    code, _, err = run(capsys, "new", "guide", "x", "--project", str(project.root))
    assert code == 1 and "[no-pictures]" in err
