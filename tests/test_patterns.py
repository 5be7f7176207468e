"""Every pattern runs under a timeout, except those compiled as linear; compiled patterns are kept between runs."""
from __future__ import annotations

import os
import subprocess
import sys

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
           (r"(?<=\p{Ll}),(?=\p{L})|[.!?]\K\s+", 0), (r"^\s*(\d{1,3})[.)]\s", patterns.MULTILINE)]
TEXT = "Anna, Anna met Bob. READ MORE faq\n 12. item,x! Next"


def test_compiled_patterns_are_stored_and_rebuilt_by_a_later_run_without_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path))
    first = patterns.CompiledStore()
    compiled = [first.compile(source, flags | patterns.VERSION1) for source, flags in SOURCES]
    first.save()
    later = patterns.CompiledStore()
    monkeypatch.setattr(patterns.engine(), "compile", lambda *a, **k: pytest.fail("compiled again"))
    for (source, flags), original in zip(SOURCES, compiled):
        rebuilt = later.compile(source, flags | patterns.VERSION1)
        assert rebuilt.pattern == source and rebuilt.flags == original.flags
        assert [(m.span(), m.groups(), m.groupdict()) for m in rebuilt.finditer(TEXT)] == \
               [(m.span(), m.groups(), m.groupdict()) for m in original.finditer(TEXT)]


def test_a_damaged_or_unwritable_store_only_costs_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path))
    store = patterns.CompiledStore()
    store.compile(r"a+b", patterns.VERSION1)
    store.save()
    (tmp_path / os.path.basename(store.path())).write_bytes(b"\x00garbage")
    assert patterns.CompiledStore().compile(r"a+b", patterns.VERSION1).search("xaab").span() == (1, 4)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be created
    unwritable = patterns.CompiledStore()
    assert unwritable.compile(r"c+d", patterns.VERSION1).search("ccd")
    unwritable.save()  # nothing raised
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", os.path.basename(store.path())]


def test_the_flags_and_escaping_patterns_use_are_regex_s_own():
    regex = patterns.engine()
    assert (patterns.IGNORECASE, patterns.MULTILINE, patterns.VERSION1) == \
           (regex.IGNORECASE, regex.MULTILINE, regex.VERSION1)
    every_character = "".join(map(chr, range(0x30000)))
    assert patterns.escape(every_character) == regex.escape(every_character)


def test_a_stored_pattern_runs_on_regex_s_core_alone_and_the_package_still_imports_after_it(tmp_path):
    probe = """if True:
        import pickle, sys
        from doclint import patterns
        word = patterns.compile(r"\\p{L}+(?:'\\p{L}+)?", linear=True)
        print(word.findall("it's één test"), word.compiled.flags, "regex._regex_core" in sys.modules)
        print(pickle.loads(pickle.dumps(word)).findall("a b"))  # pickled as its source
        print(patterns.Pattern(r"(\\w)(\\w)").sub(r"\\2\\1", "ab cd"))  # a template: regex imported for it
        import regex
        print(regex.compile("a+").search("baa").span(), type(word.compiled) is regex.Pattern)
    """
    env = {**os.environ, "DOCLINT_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True) for _ in range(2)]
    assert [r.stderr for r in runs] == ["", ""]
    first, later = (r.stdout.splitlines() for r in runs)
    assert first[0] == "[\"it's\", 'één', 'test'] 16672 True"  # compiled, by the package
    assert later == ["[\"it's\", 'één', 'test'] 16672 False", "['a', 'b']", "ba dc", "(1, 3) True"]
