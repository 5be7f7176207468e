"""The one way doclint compiles and runs patterns: `regex`, with a timeout on every match.

The timeout grows with the text searched (TIMEOUT_SECONDS, plus SECONDS_PER_MB for each megabyte), so a linear
pattern over a large document finishes while a catastrophic one is still stopped."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

TIMEOUT_SECONDS = 2.0
SECONDS_PER_MB = 2.0  # far slower than any linear pattern of doclint runs (about 0.3 s per MB)


class PatternTimeout(RuntimeError):
    """A pattern ran longer than its time budget on one text."""


def budget(pos: int, endpos: int) -> float:
    """Seconds a pattern may run over text[pos:endpos]."""
    return TIMEOUT_SECONDS + SECONDS_PER_MB * max(0, endpos - pos) / 1_000_000


class Pattern:
    __slots__ = ("compiled",)

    def __init__(self, source: str, flags: int = 0):
        self.compiled = regex.compile(source, flags | regex.VERSION1)

    def _timeout(self, error: TimeoutError) -> PatternTimeout:
        return PatternTimeout(f"pattern {self.compiled.pattern[:60]!r} timed out")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        try:
            end = len(text) if endpos is None else endpos
            yield from self.compiled.finditer(text, pos, end, timeout=budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.findall(text, pos, end, timeout=budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.search(text, pos, end, timeout=budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.match(text, pos, end, timeout=budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.fullmatch(text, pos, end, timeout=budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def split(self, text: str) -> list[str]:
        try:
            return self.compiled.split(text, timeout=budget(0, len(text)))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def sub(self, replacement, text: str) -> str:
        try:
            return self.compiled.sub(replacement, text, timeout=budget(0, len(text)))
        except TimeoutError as error:
            raise self._timeout(error) from error


@lru_cache(maxsize=None)
def compile(source: str, flags: int = 0) -> Pattern:  # noqa: A001 - mirrors regex.compile
    return Pattern(source, flags)
