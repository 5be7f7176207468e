"""Table-of-contents matching and regeneration in the TOC's own style."""
from __future__ import annotations

from doclint.engine import Linter, parse
from doclint.model import Applicability
from doclint.toc import regenerated


def test_markdown_toc_is_rebuilt_with_its_bullet_indent_and_links():
    text = ("# Title\n\n## Contents\n\n* [Intro](#intro)\n    * [Old](#old)\n\n## Intro\n\nText.\n\n"
            "### Details `x`\n\nText.\n\n## Outro\n\nText.\n")
    start, end, new = regenerated(parse(text, "a.md"))
    assert new == "* [Intro](#intro)\n    * [Details `x`](#details-x)\n* [Outro](#outro)"
    assert text[start:end] == "* [Intro](#intro)\n    * [Old](#old)"


def test_numbered_markdown_toc_keeps_numbering_per_level_and_its_depth():
    text = "# T\n\n<!-- toc -->\n1. [A](#a)\n<!-- /toc -->\n\n## A\n\nx\n\n### A1\n\nx\n\n## B\n\nx\n"
    assert regenerated(parse(text, "a.md"))[2] == "1. [A](#a)\n2. [B](#b)"
    nested = text.replace("1. [A](#a)\n", "1. [A](#a)\n   1. [A1](#a1)\n")
    assert regenerated(parse(nested, "a.md"))[2] == "1. [A](#a)\n   1. [A1](#a1)\n2. [B](#b)"


def test_plain_text_toc_keeps_bullets_and_numbers_and_the_title_entry():
    text = "Title\nTable of Contents\n- 1. Title\n- 2. Gone\nFirst text.\nKept Heading\nMore text is written here in this section.\n"
    linter = Linter(select=["DL101"])
    (d,) = linter.check(text, "a.txt")
    assert d.fix.applicability == Applicability.UNSAFE
    assert linter.fix(text, "a.txt", unsafe=True).text.startswith(
        "Title\nTable of Contents\n- 1. Title\n- 2. Kept Heading\nFirst text.")


def test_a_regeneration_that_only_changes_case_is_safe():
    text = "# T\n\n<!-- toc -->\n- [Big Plan](#big-plan)\n- [gone](#gone)\n<!-- /toc -->\n\n## Big Plan\n\nx\n"
    (d,) = Linter(select=["DL101"]).check(text, "a.md")
    assert d.fix.applicability == Applicability.UNSAFE
    text = "# T\n\n<!-- toc -->\n- [big plan](#big-plan)\n- [Gone](#gone)\n<!-- /toc -->\n\n## Big Plan\n\nx\n\n## Gone\n\ny\n"
    assert Linter(select=["DL101", "DL104"]).check(text, "a.md") == []
