"""Every pattern runs under a timeout, except those compiled as linear; compiled patterns are kept between runs."""
from __future__ import annotations

import os

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


SOURCES = [(r"(?P<word>\p{Lu}\p{Ll}+)(?:,\s*(?P=word))?", 0), (r"(?i)\b(?:read more|faqs?)\b", 0),
           (r"(?<=\p{Ll}),(?=\p{L})|[.!?]\K\s+", 0), (r"^\s*(\d{1,3})[.)]\s", patterns.regex.MULTILINE)]
TEXT = "Anna, Anna met Bob. READ MORE faq\n 12. item,x! Next"


def test_compiled_patterns_are_stored_and_rebuilt_by_a_later_run_without_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path))
    first = patterns.CompiledStore()
    compiled = [first.compile(source, flags | patterns.regex.V1) for source, flags in SOURCES]
    first.save()
    later = patterns.CompiledStore()
    monkeypatch.setattr(patterns.regex, "compile", lambda *a, **k: pytest.fail("compiled again"))
    for (source, flags), original in zip(SOURCES, compiled):
        rebuilt = later.compile(source, flags | patterns.regex.V1)
        assert rebuilt.pattern == source and rebuilt.flags == original.flags
        assert [(m.span(), m.groups(), m.groupdict()) for m in rebuilt.finditer(TEXT)] == \
               [(m.span(), m.groups(), m.groupdict()) for m in original.finditer(TEXT)]


def test_a_damaged_or_unwritable_store_only_costs_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path))
    store = patterns.CompiledStore()
    store.compile(r"a+b", patterns.regex.V1)
    store.save()
    (tmp_path / os.path.basename(store.path())).write_bytes(b"\x00garbage")
    assert patterns.CompiledStore().compile(r"a+b", patterns.regex.V1).search("xaab").span() == (1, 4)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be created
    unwritable = patterns.CompiledStore()
    assert unwritable.compile(r"c+d", patterns.regex.V1).search("ccd")
    unwritable.save()  # nothing raised
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", os.path.basename(store.path())]
