"""Documentation kept true: every rule and command is explained where authors look."""

from healthskills.cli import build_parser
from healthskills.rules import RULES
from support import REPO


def test_every_rule_is_documented_for_authors():
    text = (REPO / "docs/authors.md").read_text(encoding="utf-8")
    assert [rule for rule in RULES if f"| `{rule}` |" not in text] == []


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # argparse keeps them here
    assert [name for name in commands if f"healthskills {name}" not in readme] == []


def test_readme_gives_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
