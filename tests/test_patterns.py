"""Every pattern runs under a timeout, except those compiled as linear."""
from __future__ import annotations

import pytest

from doclint import patterns


def test_a_backtracking_pattern_times_out(monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.01)
    pattern = patterns.Pattern(r"(?:a+)+$")
    with pytest.raises(patterns.PatternTimeout):
        pattern.search("a" * 5000 + "b")


def test_a_linear_pattern_runs_without_timeout_and_matches_the_same():
    guarded, linear = patterns.Pattern(r"\p{L}+"), patterns.Pattern(r"\p{L}+", linear=True)
    assert guarded.timeout == patterns.TIMEOUT_SECONDS and linear.timeout is None
    text = "one two, três"
    assert linear.findall(text) == guarded.findall(text) == ["one", "two", "três"]
    assert [m.span() for m in linear.finditer(text, 1)] == [m.span() for m in guarded.finditer(text, 1)]
