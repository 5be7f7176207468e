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


# Plain-text layouts from ../shared/corpus/seedlike-keps (Kubernetes KEPs, Apache-2.0), where a clean article
# raised DL101 or DL103.
STRUCTURE = ["DL101", "DL102", "DL103", "DL104"]


def test_a_title_ending_in_a_full_stop_is_still_the_title_its_toc_entry_names():
    text = ("KEP-1623: Standardize Conditions.\nTable of Contents\n- 1. KEP-1623: Standardize Conditions.\n"
            "- 2. Summary\nSummary\nConditions are standardized across the API types in this proposal.\n")
    doc = parse(text, "a.txt")
    assert doc.content(doc.title) == "KEP-1623: Standardize Conditions."
    assert Linter(select=STRUCTURE).check(text, "a.txt") == []


def test_a_heading_that_opens_like_a_callout_is_a_heading():
    text = ("Topology Hints\nTable of Contents\n- 1. Topology Hints\n- 2. IMPORTANT: Scope Reduction (Feb 2025)\n"
            "IMPORTANT: Scope Reduction (Feb 2025)\nThe scope of this proposal was reduced in February 2025.\n")
    assert [parse(text, "a.txt").content(h) for h in parse(text, "a.txt").headings] == [
        "IMPORTANT: Scope Reduction (Feb 2025)"]
    assert Linter(select=STRUCTURE).check(text, "a.txt") == []


def test_of_two_lines_with_an_entrys_text_the_one_after_the_previous_heading_is_its_heading():
    text = ("Sleep Action\nTable of Contents\n- 1. Sleep Action\n- 2. Test Plan\n- 3. Graduation Criteria\n"
            "- 4. Alpha\nTest Plan\nalpha:\n- Test that the handler sleeps for the given duration\n"
            "Graduation Criteria\nAlpha\nThe feature is implemented behind a feature gate.\n")
    doc = parse(text, "a.txt")
    assert [doc.index.line_of(e.heading.start) for e in doc.toc.entries[1:]] == [6, 9, 10]
    assert doc.blocks[[b.start for b in doc.blocks].index(text.index("alpha:"))].kind == "paragraph"
    assert Linter(select=STRUCTURE).check(text, "a.txt") == []
