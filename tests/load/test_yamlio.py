from healthskills.load.yamlio import MAX_BYTES, load_yaml


def load(text: str | bytes):
    raw = text.encode() if isinstance(text, str) else text
    return load_yaml(raw, "content/x.yaml")


def only(problems):
    assert len(problems) == 1, problems
    p = problems[0]
    return f"{p.line}:{p.col} {p.rule}"


def test_only_true_and_false_are_booleans():
    doc, problems = load("a: true\nb: false\nc: no\nd: on\ne: yes\nf: True\ng: 'true'\n")
    assert problems == []
    assert doc.data == {"a": True, "b": False, "c": "no", "d": "on", "e": "yes", "f": "True",
                        "g": "true"}  # fmt: skip


def test_times_dates_and_numbers_are_not_converted_by_yaml_rules():
    doc, _ = load("t: 12:30\nd: 2026-11-23\nn: 10\nf: 1.5\no: 0755\nx: 0x1F\ne: 1e3\nz: ~\n")
    assert doc.data == {"t": "12:30", "d": "2026-11-23", "n": 10, "f": 1.5, "o": "0755",
                        "x": "0x1F", "e": "1e3", "z": None}  # fmt: skip


def test_duplicate_key_is_an_error_at_the_second_key():
    _, problems = load("title: a\nsteps: []\ntitle: b\n")
    assert only(problems) == "3:1 duplicate-key"
    assert "first on line 1" in problems[0].message
    assert problems[0].key_path == "title"


def test_duplicate_key_nested_in_a_list_reports_its_path():
    _, problems = load("steps:\n  - id: a\n    id: b\n")
    assert only(problems) == "3:5 duplicate-key"
    assert problems[0].key_path == "steps[0].id"


def test_tab_is_reported_with_its_column():
    _, problems = load("a:\n  b: 1\n\tc: 2\n")
    assert only(problems) == "3:1 tab"


def test_non_utf8_byte_is_located():
    _, problems = load(b"title: ok\nsummary: caf\xe9\n")
    assert only(problems) == "2:13 encoding"
    assert "0xe9" in problems[0].message


def test_utf8_bom_is_accepted():
    doc, problems = load(b"\xef\xbb\xbftitle: ok\n")
    assert problems == [] and doc.data == {"title": "ok"}


def test_empty_and_comment_only_files_are_errors():
    for text in ("", "\n\n", "# only a comment\n", "---\n"):
        doc, problems = load(text)
        assert doc is None
        assert [p.rule for p in problems] == ["empty-file"]


def test_huge_file_is_rejected_before_parsing():
    doc, problems = load(b"a" * (MAX_BYTES + 1))
    assert doc is None and [p.rule for p in problems] == ["file-too-large"]


def test_syntax_error_has_position_and_hint():
    _, problems = load("title: Step 1: open\n")
    assert only(problems) == "1:14 yaml-syntax"
    assert "quoted" in problems[0].hint


def test_aliases_tags_merge_keys_and_several_documents_are_rejected():
    _, problems = load("a: &x [1]\nb: *x\n")
    assert only(problems) == "2:4 yaml-alias"
    _, problems = load("a: !!python/object:os.system echo\n")
    assert only(problems) == "1:4 yaml-tag"
    _, problems = load("a: !!bool yes\n")
    assert only(problems) == "1:4 yaml-tag"
    _, problems = load("c:\n  <<: {x: 1}\n")
    assert only(problems) == "2:3 yaml-merge"
    _, problems = load("a: 1\n---\nb: 2\n")
    assert only(problems) == "3:1 yaml-documents"


def test_positions_are_kept_for_values_and_keys():
    doc, _ = load("title: x\nsteps:\n  - id: one\n    title: First\n")
    assert doc.where(("steps", 0, "title")) == (4, 12)
    assert doc.where(("steps", 0, "title"), key=True) == (4, 5)
    assert doc.where(("steps", 0, "missing")) == (3, 5)  # falls back to the mapping
