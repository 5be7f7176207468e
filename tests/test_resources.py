"""Parsed word lists are cached by content; a broken or unwritable cache only costs a parse."""
from __future__ import annotations

import os

from doclint.resources import cache_dir, parsed_once


def _parse_counting(calls: list):
    def parse(text: str) -> dict:
        calls.append(text)
        return {line: len(line) for line in text.splitlines()}
    return parse


def test_a_list_is_parsed_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("alpha\nbeta\n", encoding="utf-8")
    calls = []
    assert parsed_once(source, _parse_counting(calls)) == {"alpha": 5, "beta": 4}
    assert parsed_once(source, _parse_counting(calls)) == {"alpha": 5, "beta": 4}
    assert len(calls) == 1
    source.write_text("gamma\n", encoding="utf-8")  # new content, new entry
    assert parsed_once(source, _parse_counting(calls)) == {"gamma": 5} and len(calls) == 2


def test_a_broken_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    source = tmp_path / "words.txt"
    source.write_text("alpha\n", encoding="utf-8")
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path / "cache"))
    parsed_once(source, _parse_counting([]))
    for name in os.listdir(cache_dir()):
        (tmp_path / "cache" / name).write_bytes(b"\x00garbage")
    assert parsed_once(source, _parse_counting([])) == {"alpha": 5}
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be created
    assert parsed_once(source, _parse_counting([])) == {"alpha": 5}
