"""`healthskills check`'s plain-language, source and translation rules on the fixture
project: each rule with text that triggers it (at its file:line:col) and text that does not,
the project's own settings in mkdocs.yml, and the machine-readable formats."""

from __future__ import annotations

import json

import pytest

from healthskills.cli import main
from support import TODAY, edit, problem_lines

LESSON = "content/lessons/first-lesson.yaml"
GUIDE = "content/guides/first-guide.yaml"


def test_the_fixture_is_clean(project):
    assert problem_lines(project) == []


def test_reading_age(project):
    edit(project, LESSON, "summary: Open an app on your phone.",
         "summary: Municipal organisations occasionally communicate administrative "
         "information electronically, notwithstanding considerable technological "
         "unreliability and organisational complexity, particularly internationally.")  # fmt: skip
    [line] = problem_lines(project)
    assert line.startswith(f"{LESSON}:2:8: warning [reading-age] title: Reading age 1")
    assert "is above 11, the most for lessons" in line


def test_long_sentence_in_a_lesson(project):
    long = " ".join(["word"] * 26) + "."
    edit(project, LESSON, "warning: Do not share your password.", f"warning: {long}")
    assert problem_lines(project) == [
        f"{LESSON}:24:14: warning [long-sentence] steps[1].warning: A sentence has 26 words; "
        f"plain English keeps to 25 or fewer: “{long[:60]}…”"
    ]
    edit(project, LESSON, long, " ".join(["word"] * 25) + ".")
    assert problem_lines(project) == []


def test_passive_voice(project):
    edit(project, LESSON, "warning: Do not share your password.",
         "warning: Your password is stolen by scammers.")  # fmt: skip
    assert problem_lines(project) == [
        f"{LESSON}:24:14: warning [passive-voice] steps[1].warning: “is stolen” may be passive voice."
    ]
    edit(project, LESSON, "Your password is stolen by scammers.", "Scammers steal passwords.")
    assert problem_lines(project) == []


def test_jargon_from_the_built_in_list_and_the_project(project):
    edit(project, LESSON, "warning: Do not share your password.",
         "warning: Do not utilise the surgery wifi.")  # fmt: skip
    assert problem_lines(project) == [
        f"{LESSON}:24:14: warning [jargon] steps[1].warning: “utilise” has a plainer alternative: “use”."
    ]
    edit(project, "mkdocs.yml", "validation:", "extra:\n  checks:\n    jargon: {surgery: GP practice}\nvalidation:")  # fmt: skip
    assert problem_lines(project) == [
        f"{LESSON}:24:14: warning [jargon] steps[1].warning: “surgery” has a plainer alternative: “GP practice”.",
        f"{LESSON}:24:14: warning [jargon] steps[1].warning: “utilise” has a plainer alternative: “use”.",
    ]


def test_capitals(project):
    edit(project, LESSON, "warning: Do not share your password.",
         "warning: DO NOT share your PASSWORD.")  # fmt: skip
    assert problem_lines(project) == [
        f"{LESSON}:24:14: warning [capitals] steps[1].warning: “DO NOT” is in capital letters, which are harder to read.",
        f"{LESSON}:24:14: warning [capitals] steps[1].warning: “PASSWORD” is in capital letters, which are harder to read.",
    ]


def test_abbreviation_explained_in_full_beside_it(project):
    edit(project, LESSON, "warning: Do not share your password.",
         "warning: In an emergency, go to A&E.")  # fmt: skip
    assert problem_lines(project) == [
        f"{LESSON}:24:14: warning [abbreviation] steps[1].warning: “A&E” is not explained."
    ]
    edit(project, LESSON, "go to A&E.", "go to accident and emergency (A&E).")
    assert problem_lines(project) == []


def test_sources_on_official_domains(project):
    edit(
        project,
        LESSON,
        "url: https://www.nhs.uk/nhs-app/",
        "url: https://health-tips.example.com/app",
    )
    assert problem_lines(project) == [
        f"{LESSON}:41:10: warning [unofficial-source] sources[0].url: health-tips.example.com "
        "is not on the list of official sources."
    ]
    edit(project, "mkdocs.yml", "validation:", "extra:\n  checks:\n    official_domains: [example.com]\nvalidation:")  # fmt: skip
    assert problem_lines(project) == []


def test_a_project_changes_severities(project):
    edit(project, LESSON, "warning: Do not share your password.",
         "warning: Your password is stolen. Utilise a PIN.")  # fmt: skip
    edit(project, "mkdocs.yml", "validation:",
         "extra:\n  checks:\n    severity:\n      passive-voice: error\n      jargon: off\n"
         "    known_abbreviations: [PIN]\nvalidation:")  # fmt: skip
    assert problem_lines(project) == [
        f"{LESSON}:24:14: error [passive-voice] steps[1].warning: “is stolen” may be passive voice."
    ]


@pytest.mark.parametrize(
    ("setting", "where", "message"),
    [
        ("severity:\n      passive: off", "14:7", "extra.checks.severity: there is no rule `passive`."),
        ("severity:\n      jargon: loud", "14:7", "extra.checks.severity.jargon is `loud`."),
        ("reading_age:\n      lessons: 40", "14:7", "extra.checks.reading_age.lessons is `40`."),
        ("colour: red", "13:5", "extra.checks has no setting `colour`."),
        ("official_domains: nhs.uk", "13:5", "extra.checks.official_domains must be a list of words."),
    ],
)  # fmt: skip
def test_bad_settings_are_reported_at_their_line(project, setting, where, message):
    edit(project, "mkdocs.yml", "validation:", f"extra:\n  checks:\n    {setting}\nvalidation:")
    assert problem_lines(project) == [f"mkdocs.yml:{where}: error [check-config] {message}"]


def test_formats_for_ci(project, capsys):
    edit(project, LESSON, "warning: Do not share your password.",
         "warning: Your password is stolen, 50% of the time.")  # fmt: skip
    assert main(["check", "--project", str(project.root), "--format", "github"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"::warning file={LESSON},line=24,col=14,title=passive-voice (steps[1].warning)::"
        "“is stolen” may be passive voice.%0Asay who does it: “the practice sends you a "
        "letter”, not “a letter is sent”."
    ]
    assert main(["check", "--project", str(project.root), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["summary"] == "0 errors and 1 warning in 1 file."
    assert found["problems"] == [
        {
            "path": LESSON, "line": 24, "col": 14, "severity": "warning",
            "rule": "passive-voice", "key_path": "steps[1].warning",
            "message": "“is stolen” may be passive voice.",
            "hint": "say who does it: “the practice sends you a letter”, not “a letter is sent”.",
        }
    ]  # fmt: skip
    assert main(["check", "--project", str(project.root), "--strict", "--format", "json"]) == 1


def test_online_check_reports_addresses_that_do_not_answer(project):
    from healthskills.check import check_project
    from healthskills.validate.online import validate_online

    edit(project, LESSON, "warning: Do not share your password.",
         "warning: See [the help page](https://gone.nhs.uk/help).")  # fmt: skip
    content = check_project(project, TODAY).content
    asked: list[str] = []

    def fetcher(url: str) -> str | None:
        asked.append(url)
        return "HTTP 404" if "gone" in url else None

    problems = validate_online(content, fetcher)
    assert len(asked) == len(set(asked))  # each address once
    assert "https://gone.nhs.uk/help" in asked and "https://www.nhs.uk/nhs-app/" in asked
    assert [p.format().splitlines()[0] for p in problems] == [
        f"{LESSON}:24:14: warning [dead-link] steps[1].warning: https://gone.nhs.uk/help does "
        "not answer: HTTP 404."
    ]


# ---- other languages: checks that work in any language -------------------------------

TWO_LANGUAGES = """\
- {code: en, name: English, own_name: English, dir: ltr, status: source}
- {code: pl, name: Polish, own_name: Polski, dir: ltr, status: machine}
- {code: cy, name: Welsh, own_name: Cymraeg, dir: ltr, status: machine, partial: true}
"""


def _translate_everything(project, lang: str) -> None:
    """A stand-in translation: each text as itself, which keeps its links and placeholders."""
    from healthskills.load import po

    for path in sorted((project.root / "translations" / lang).rglob("*.po")):
        catalog = po.loads(path.read_text(encoding="utf-8"))
        for entry in catalog.entries:
            if not str(entry.msgctxt or "").startswith("docs/"):
                entry.msgstr = entry.msgid
        path.write_text(po.dumps(catalog), encoding="utf-8")


def test_missing_outdated_and_long_translations(project):
    (project.root / "translations").mkdir(exist_ok=True)
    (project.root / "translations/languages.yaml").write_text(TWO_LANGUAGES, encoding="utf-8")
    assert main(["translations", "update", "--project", str(project.root)]) == 0
    missing = [line for line in problem_lines(project) if "[translation-missing]" in line]
    # Polish: every file reported once, with its count; Welsh is partial on purpose.
    assert "translations/pl/lessons/first-lesson.po: warning [translation-missing] " in "".join(
        missing
    )
    assert not any(line.startswith("translations/cy/") for line in missing)
    assert len(missing) == len(list((project.root / "translations/pl").rglob("*.po")))

    _translate_everything(project, "pl")
    assert problem_lines(project) == []

    # English changes: the Polish becomes out of date, at its entry's line.
    edit(project, LESSON, "title: Open it", "title: Open the app")
    assert main(["translations", "update", "--project", str(project.root)]) == 0
    po_text = (project.root / "translations/pl/lessons/first-lesson.po").read_text("utf-8")
    line = po_text.splitlines().index('msgctxt "steps.open.title"') + 2  # its msgid
    assert problem_lines(project) == [
        f"translations/pl/lessons/first-lesson.po:{line}:1: warning [translation-outdated] "
        "steps.open.title: The English changed after this was translated; readers see the "
        "English until the translation is updated."
    ]


def test_long_sentence_in_a_translation(project):
    (project.root / "translations").mkdir(exist_ok=True)
    (project.root / "translations/languages.yaml").write_text(TWO_LANGUAGES, encoding="utf-8")
    assert main(["translations", "update", "--project", str(project.root)]) == 0
    _translate_everything(project, "pl")
    path = project.root / "translations/pl/guides/first-guide.po"
    text = path.read_text("utf-8")
    long = " ".join(["słowo"] * 21) + "."  # a guide's limit is 15 words, 20 with the allowance
    start = text.index('msgctxt "summary"')
    end = text.index("msgstr", start)
    text = text[:end] + text[end:].replace('msgstr "How to open an app."', f'msgstr "{long}"', 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index('msgctxt "summary"') + 2
    assert problem_lines(project) == [
        f"translations/pl/guides/first-guide.po:{line}:1: warning [long-sentence] summary: A "
        f"translated sentence has 21 words; at most 20 reads easily here: “{long[:60]}…”"
    ]
    path.write_text(text.replace(long, " ".join(["słowo"] * 20) + "."), encoding="utf-8")
    assert problem_lines(project) == []


def test_fetch_asks_a_real_server():
    """The `--online` fetcher against a local server: an answer, a missing page, a server
    that refuses HEAD (asked again with GET) and a closed port."""
    import http.server
    import threading

    from healthskills.validate.online import fetch

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            code = 405 if self.path == "/no-head" else 200 if self.path == "/ok" else 404
            self.send_response(code)
            self.end_headers()

        def do_GET(self):
            self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        assert fetch(base + "/ok") is None
        assert fetch(base + "/no-head") is None
        assert fetch(base + "/gone") == "HTTP 404"
    finally:
        server.shutdown()
        server.server_close()
    assert fetch(base + "/ok") is not None  # nothing listens there any more
