"""Markdown suppression comments, applied by the engine, and DL003 for the ones that suppress nothing."""
from __future__ import annotations

from doclint.engine import Linter

COMMA = "It was done,and then it ended."  # DL301 at column 12
LINTER = Linter(select=["DL301", "DL401", "DL003"])


def found(text: str, linter: Linter = LINTER) -> list[tuple[int, str]]:
    doc = linter.parse(text, "a.md")
    return [(doc.index.position(d.start)[0], d.code) for d in linter.check_document(doc)]


def test_disable_until_enable_for_the_named_rule_only():
    text = f"# T\n\n<!-- doclint-disable DL301 -->\n\n{COMMA} It occured.\n\n<!-- doclint-enable DL301 -->\n\n{COMMA}\n"
    assert found(text) == [(5, "DL401"), (9, "DL301")]


def test_disable_without_rules_silences_everything_until_enable():
    text = f"# T\n\n<!-- doclint-disable -->\n\n{COMMA} It occured.\n\n<!-- doclint-enable -->\n\n{COMMA}\n"
    assert found(text) == [(9, "DL301")]


def test_disable_runs_to_the_end_without_enable():
    text = f"# T\n\n{COMMA}\n\n<!-- doclint-disable missing-space-after-comma -->\n\n{COMMA}\n\n{COMMA}\n"
    assert found(text) == [(3, "DL301")]


def test_enable_of_one_rule_inside_a_disable_of_all():
    text = f"# T\n\n<!-- doclint-disable -->\n\n<!-- doclint-enable DL301 -->\n\n{COMMA} It occured.\n"
    assert found(text) == [(7, "DL301")]


def test_disable_next_line_covers_only_the_next_line():
    text = f"# T\n\n<!-- doclint-disable-next-line DL3 -->\n{COMMA}\n{COMMA}\n"
    assert found(text) == [(5, "DL301")]


def test_inline_comment_disables_the_next_line():
    text = f"# T\n\nFirst line <!-- doclint-disable-next-line DL301 --> here\n{COMMA}\n"
    assert found(text) == []


def test_disable_file_anywhere_in_the_file():
    text = f"# T\n\n{COMMA} It occured.\n\n<!-- doclint-disable-file DL301, misspelling -->\n"
    assert found(text) == []


def test_comments_in_code_are_not_directives():
    text = f"# T\n\n```\n<!-- doclint-disable -->\n```\n\n`<!-- doclint-disable-file -->`\n\n{COMMA}\n"
    assert found(text) == [(9, "DL301")]


def test_plain_text_has_no_directives():
    assert Linter(select=["DL301"]).check(f"T\n<!-- doclint-disable -->\n{COMMA}\n", "a.txt")


def test_suppressed_findings_are_not_fixed():
    text = f"# T\n\n<!-- doclint-disable-next-line DL301 -->\n{COMMA}\n{COMMA}\n"
    outcome = LINTER.fix(text, "a.md")
    assert outcome.text == f"# T\n\n<!-- doclint-disable-next-line DL301 -->\n{COMMA}\nIt was done, and then it ended.\n"


def test_unused_suppressions_are_judged_against_the_named_rules_whatever_the_selection():
    text = (f"# T\n\n<!-- doclint-disable-next-line DL301 -->\n{COMMA}\n\n"
            "<!-- doclint-disable-next-line DL401 -->\nNothing wrong here.\n")
    only_dl003 = Linter(select=["DL003"])
    assert found(text, only_dl003) == [(6, "DL003")]
    assert found(text, Linter(select=["DL003", "DL401"])) == [(6, "DL003")]
    assert found(text, Linter(ignore=["DL003"], select=["DL301", "DL401"])) == []


def test_unused_suppression_messages_and_fixes():
    linter = Linter(select=["DL003"])
    text = ("# T\n\n<!-- doclint-enable -->\n\n<!-- doclint-disable-next-line DL301 nonsense -->\n"
            f"{COMMA}\n")
    diagnostics = linter.check(text, "a.md")
    assert [d.message for d in diagnostics] == [
        "Unused suppression: '<!-- doclint-enable -->' ends no doclint-disable",
        "Unused suppression: 'nonsense' (unknown rule) in '<!-- doclint-disable-next-line DL301 nonsense -->' "
        "suppresses nothing",
    ]
    assert linter.fix(text, "a.md", unsafe=True).text == (
        f"# T\n\n<!-- doclint-disable-next-line DL301 -->\n{COMMA}\n")


def test_suppression_does_not_hide_internal_errors_or_itself():
    text = "# T\n\n<!-- doclint-disable-file -->\n\n<!-- doclint-disable-next-line DL301 -->\nFine text.\n"
    assert found(text, Linter(select=["DL003"])) == [(3, "DL003"), (5, "DL003")]
