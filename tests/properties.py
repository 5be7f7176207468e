"""The properties every input must keep, shared by the hypothesis tests and the corpus run: no exception;
diagnostics and edits within bounds; fixing converges and is idempotent; nothing safe-fixable is left; the BOM,
the line breaks and the final newline are kept; the output is valid UTF-8."""
from __future__ import annotations

from doclint.engine import Linter
from doclint.model import Applicability
from doclint.source import DecodeError, Source, decode, line_starts

LINTER = Linter()


def as_read(text: str, bom: bool) -> Source:
    """What a file of this text (after a BOM, if `bom`) reads as; text with NUL, which no file yields, is checked
    as a library caller would pass it."""
    try:
        return decode((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    except DecodeError:
        return Source(text, bom)


def line_breaks(text: str) -> list[str]:
    """The line breaks of the text in order (\\n, \\r\\n, \\r)."""
    ends = line_starts(text)[1:]
    return [text[end - 2:end] if text[end - 2:end] == "\r\n" else text[end - 1] for end in ends]


def assert_properties(source: Source, path: str) -> None:
    text = source.text
    for d in LINTER.check(text, path):
        assert 0 <= d.start <= d.end <= len(text), d
        if d.fix is not None:
            edits = d.fix.edits
            assert all(0 <= e.start <= e.end <= len(text) for e in edits), d
            assert all(a.end <= b.start for a, b in zip(edits, edits[1:])), d
    outcome = LINTER.fix(text, path)
    assert outcome.error is None, outcome.error
    fixed = outcome.text
    left = [d for d in outcome.remaining if d.fix is not None and d.fix.applies(Applicability.SAFE)]
    assert left == [], left
    again = LINTER.fix(fixed, path)
    assert again.error is None and again.text == fixed, "fix(fix(x)) != fix(x)"
    assert line_breaks(fixed) == line_breaks(text)
    assert fixed.endswith(("\n", "\r")) == text.endswith(("\n", "\r")), "the final newline was added or removed"
    written = source.encode(fixed)
    assert written.startswith(b"\xef\xbb\xbf") == source.bom
    assert written.decode("utf-8-sig" if source.bom else "utf-8") == fixed
