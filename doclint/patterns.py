"""The one way doclint compiles and runs patterns: `regex`, with a timeout on every match.

A pattern that runs in linear time (no nested or ambiguous repetition) may be compiled `linear=True`: it runs
without the timeout, whose clock check on every match attempt triples the cost of a many-match scan.

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
    __slots__ = ("source", "flags", "timeout", "_compiled")

    def __init__(self, source: str, flags: int = 0, linear: bool = False):
        self.source, self.flags = source, flags | regex.VERSION1
        self.timeout = None if linear else TIMEOUT_SECONDS
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        """Compiled on first use: a run pays only for the patterns its documents need (compiling is slow)."""
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self.flags)
        return self._compiled

    def _budget(self, start: int, end: int) -> float | None:
        return None if self.timeout is None else budget(start, end)

    def _timeout(self, error: TimeoutError) -> PatternTimeout:
        return PatternTimeout(f"pattern {self.compiled.pattern[:60]!r} timed out")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        if self.timeout is None:  # nothing to catch: regex's own iterator, without a generator around it
            return self.compiled.finditer(text, pos, len(text) if endpos is None else endpos)
        return self._guarded_finditer(text, pos, endpos)

    def _guarded_finditer(self, text: str, pos: int, endpos: int | None) -> Iterator[regex.Match]:
        try:
            end = len(text) if endpos is None else endpos
            yield from self.compiled.finditer(text, pos, end, timeout=self._budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.findall(text, pos, end, timeout=self._budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.search(text, pos, end, timeout=self._budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.match(text, pos, end, timeout=self._budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            end = len(text) if endpos is None else endpos
            return self.compiled.fullmatch(text, pos, end, timeout=self._budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def split(self, text: str) -> list[str]:
        try:
            return self.compiled.split(text, timeout=budget(0, len(text)))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def sub(self, replacement, text: str) -> str:
        try:
            return self.compiled.sub(replacement, text, timeout=self._budget(0, len(text)))
        except TimeoutError as error:
            raise self._timeout(error) from error


@lru_cache(maxsize=None)
def compile(source: str, flags: int = 0, linear: bool = False) -> Pattern:  # noqa: A001 - mirrors regex.compile
    return Pattern(source, flags, linear)
