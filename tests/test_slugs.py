"""Heading anchors per renderer."""
from __future__ import annotations

import pytest

from doclint.engine import Linter
from doclint.slugs import assign_slugs


@pytest.mark.parametrize("dialect, text, slug", [
    ("github", "Upgrade / Downgrade Strategy", "upgrade--downgrade-strategy"),
    ("github", "Story 2: Mount with `-o context` option", "story-2-mount-with--o-context-option"),
    ("github", "Café & Crème", "café--crème"),
    ("gitlab", "Upgrade / Downgrade Strategy", "upgrade-downgrade-strategy"),
    ("pandoc", "1. Introduction & Goals", "introduction-goals"),
    ("pandoc", "123", "section"),
    ("python-markdown", "Café & Crème", "cafe-creme"),
])
def test_dialects(dialect, text, slug):
    assert assign_slugs([text], [None], dialect) == [slug]


def test_repeated_headings_get_suffixes():
    assert assign_slugs(["Alpha", "Beta", "Alpha", "Alpha"], [None, None, None, "custom"]) == \
        ["alpha", "beta", "alpha-1", "custom"]
    assert assign_slugs(["Alpha", "Alpha"], [None, None], "python-markdown") == ["alpha", "alpha_1"]


def test_dialect_changes_what_resolves():
    text = "# T\n\nSee [it](#upgrade-downgrade).\n\n## Upgrade / Downgrade\n\nText.\n"
    assert Linter(select=["DL107"]).check(text, "a.md")
    assert Linter(select=["DL107"], options={"slug-dialect": "gitlab"}).check(text, "a.md") == []


def test_unknown_dialect_is_an_error():
    with pytest.raises(ValueError, match="unknown slug-dialect"):
        Linter(options={"slug-dialect": "word"})
