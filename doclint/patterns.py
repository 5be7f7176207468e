"""The one way doclint compiles and runs patterns: `regex`, with a timeout on every match."""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

import regex

TIMEOUT_SECONDS = 2.0


class PatternTimeout(RuntimeError):
    """A pattern ran longer than TIMEOUT_SECONDS on one document."""


class Pattern:
    __slots__ = ("compiled",)

    def __init__(self, source: str, flags: int = 0):
        self.compiled = regex.compile(source, flags | regex.VERSION1)

    @contextmanager
    def _guard(self):
        try:
            yield
        except TimeoutError as error:
            raise PatternTimeout(f"pattern {self.compiled.pattern[:60]!r} timed out") from error

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        with self._guard():
            yield from self.compiled.finditer(text, pos, _end(text, endpos), timeout=TIMEOUT_SECONDS)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        with self._guard():
            return self.compiled.search(text, pos, _end(text, endpos), timeout=TIMEOUT_SECONDS)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        with self._guard():
            return self.compiled.match(text, pos, _end(text, endpos), timeout=TIMEOUT_SECONDS)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        with self._guard():
            return self.compiled.fullmatch(text, pos, _end(text, endpos), timeout=TIMEOUT_SECONDS)

    def sub(self, replacement, text: str) -> str:
        with self._guard():
            return self.compiled.sub(replacement, text, timeout=TIMEOUT_SECONDS)


def _end(text: str, endpos: int | None) -> int:
    return len(text) if endpos is None else endpos


@lru_cache(maxsize=None)
def compile(source: str, flags: int = 0) -> Pattern:  # noqa: A001 - mirrors regex.compile
    return Pattern(source, flags)
