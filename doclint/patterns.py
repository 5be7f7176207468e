"""The one way doclint compiles and runs patterns: `regex`, with a timeout on every match.

A pattern that runs in linear time (no nested or ambiguous repetition) may be compiled `linear=True`: it runs
without the timeout, whose clock check on every match attempt triples the cost of a many-match scan.

The timeout grows with the text searched (TIMEOUT_SECONDS, plus SECONDS_PER_MB for each megabyte), so a linear
pattern over a large document finishes while a catastrophic one is still stopped.

A run whose patterns are all in the CompiledStore never imports the `regex` package, only its compiled core: the
package's pattern compiler, written in Python, takes a third of a small run to import."""
from __future__ import annotations

import atexit
import copyreg
import os
import sys
from functools import lru_cache
from collections.abc import Iterator
from importlib.machinery import ExtensionFileLoader, PathFinder

from . import __version__

TYPE_CHECKING = False  # not typing's: importing typing costs a small run milliseconds
if TYPE_CHECKING:
    import regex

# regex's flag values (tests/test_patterns.py checks them against the package)
IGNORECASE, MULTILINE, VERSION1 = 0x2, 0x8, 0x100
SPECIAL = frozenset("()[]{}?*+|^$\\.-#&~")


def escape(text: str) -> str:
    """regex.escape(text), without importing the package: its special characters and whitespace escaped."""
    return "".join("\\" + c if c in SPECIAL or c.isspace() else c for c in text)

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
        self.source, self.flags = source, flags | VERSION1
        self.timeout = None if linear else TIMEOUT_SECONDS
        self._compiled: regex.Pattern | None = None

    def __reduce__(self):  # pickled as its source: compiled code is rebuilt where it is used
        return Pattern, (self.source, self.flags, self.timeout is None)

    @property
    def compiled(self) -> regex.Pattern:
        """Compiled on first use: a run pays only for the patterns its documents need (compiling is slow)."""
        if self._compiled is None:
            self._compiled = _STORE.compile(self.source, self.flags)
        return self._compiled

    def _budget(self, start: int, end: int) -> float | None:
        return None if self.timeout is None else budget(start, end)

    def _timeout(self, error: TimeoutError) -> PatternTimeout:
        return PatternTimeout(f"pattern {self.compiled.pattern[:60]!r} timed out")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        if self.timeout is None:  # nothing to catch: regex's own iterator, without a generator around it
            return (self._compiled or self.compiled).finditer(text, pos, len(text) if endpos is None else endpos)
        return self._guarded_finditer(text, pos, endpos)

    def _guarded_finditer(self, text: str, pos: int, endpos: int | None) -> Iterator[regex.Match]:
        try:
            end = len(text) if endpos is None else endpos
            yield from self.compiled.finditer(text, pos, end, timeout=self._budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    # The single-match methods are called once per line or block: they inline the budget and skip the property.
    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        end = len(text) if endpos is None else endpos
        try:
            return (self._compiled or self.compiled).findall(
                text, pos, end, timeout=None if self.timeout is None else budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        end = len(text) if endpos is None else endpos
        try:
            return (self._compiled or self.compiled).search(
                text, pos, end, timeout=None if self.timeout is None else budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        end = len(text) if endpos is None else endpos
        try:
            return (self._compiled or self.compiled).match(
                text, pos, end, timeout=None if self.timeout is None else budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        end = len(text) if endpos is None else endpos
        try:
            return (self._compiled or self.compiled).fullmatch(
                text, pos, end, timeout=None if self.timeout is None else budget(pos, end))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def split(self, text: str) -> list[str]:
        try:
            return self.compiled.split(text, timeout=self._budget(0, len(text)))
        except TimeoutError as error:
            raise self._timeout(error) from error

    def sub(self, replacement, text: str) -> str:
        try:
            return self.compiled.sub(replacement, text, timeout=self._budget(0, len(text)))
        except TimeoutError as error:
            raise self._timeout(error) from error


class CompiledStore:
    """Compiled patterns kept between runs, in the form regex pickles them (its compiled code; stored with marshal,
    which cannot run code): rebuilding one takes microseconds where compiling takes milliseconds, and a run over
    one small file would otherwise spend a fifth of its time compiling."""

    LIMIT = 1000  # patterns kept (doclint has about 60); past it the file starts again: globs of many configurations

    def __init__(self):
        self._stored: dict | None = None  # (source, flags) -> what regex rebuilds the pattern from
        self._new: dict = {}

    def path(self) -> str:
        from .resources import cache_dir

        built = os.stat(compiled_core().__file__)  # the installed regex: stored code is only valid for it
        return os.path.join(cache_dir(), f"patterns-{__version__}-{built.st_size}-{built.st_mtime_ns}.marshal")

    def _load(self) -> dict:
        from .resources import load_cached

        found = load_cached(self.path())
        return found if isinstance(found, dict) else {}

    def compile(self, source: str, flags: int) -> regex.Pattern:
        if self._stored is None:
            self._stored = self._load()
        key = (source, int(flags))  # marshal keeps ints, not regex's flag enum
        state = self._stored.get(key)
        if state is not None:
            try:
                return compiled_core().compile(*state)  # what regex's pickling support rebuilds a pattern with
            except Exception:  # noqa: BLE001 - a damaged entry: compile instead
                pass
        compiled = engine().compile(source, flags)
        if not self._new:
            atexit.register(self.save)
        self._new[key] = copyreg.dispatch_table[type(compiled)](compiled)[1]  # regex's pickling hook
        return compiled

    def save(self) -> None:
        """Add the patterns compiled in this run to the file; a cache that cannot be written is ignored."""
        from .resources import store_cached

        stored = self._load()
        store_cached(self.path(), (stored if len(stored) + len(self._new) <= self.LIMIT else {}) | self._new)
        self._new = {}


_STORE = CompiledStore()


def engine():
    """The regex package, imported when a pattern must be compiled."""
    import regex

    return regex


def compiled_core():
    """regex's compiled core, the C module `regex._regex` that runs patterns: loaded alone while the package is
    not imported."""
    global _core
    if _core is None:
        _core = ("regex" not in sys.modules and _load_core_alone()) or engine()._regex
    return _core


_core = None


def _load_core_alone():
    """regex._regex loaded from the package's folder, without the package, and left out of sys.modules: the
    package, imported later, loads it as usual (a module object of its own, sharing this one's types and
    functions)."""
    package = PathFinder.find_spec("regex")
    spec = package and PathFinder.find_spec("regex._regex", package.submodule_search_locations)
    if spec is None or not isinstance(spec.loader, ExtensionFileLoader):
        return None
    core = spec.loader.create_module(spec)
    spec.loader.exec_module(core)
    sys.modules.pop("regex._regex", None)
    return core


def needed_characters(source: str, flags: int, avoid: frozenset[str] = frozenset()) -> set[str]:
    """For a pattern in `re` syntax that is an alternation (as ftfy's badness pattern is): characters of which
    every match holds at least one. From each alternative, the characters of one of its mandatory character
    classes or literals: one without ASCII, and of those the one with fewest characters in `avoid`, then fewest
    characters. Raises ValueError when some alternative has no such class."""
    import re
    from re import _constants as constants, _parser as parser

    def charset(op, av) -> set[str] | None:
        if op is constants.LITERAL:
            return {chr(av)}
        if op is not constants.IN:
            return None
        found = set()
        for kind, value in av:
            if kind is constants.LITERAL:
                found.add(chr(value))
            elif kind is constants.RANGE:
                found.update(map(chr, range(value[0], value[1] + 1)))
            else:  # negated, or a category such as \w: no help
                return None
        return found

    if flags & re.IGNORECASE:
        raise ValueError("a case-insensitive pattern")
    tree = parser.parse(source, flags)
    [(op, av)] = tree.data
    if op is not constants.BRANCH:
        raise ValueError("not an alternation")
    needed: set[str] = set()
    for branch in av[1]:
        sets = [s for s in (charset(op, av) for op, av in branch.data) if s]
        best = min(sets, key=lambda s: (any(c.isascii() for c in s), len(s & avoid), len(s)), default=None)
        if best is None or any(c.isascii() for c in best):
            raise ValueError("an alternative needs no rare character")
        needed |= best
    return needed


@lru_cache(maxsize=None)
def compile(source: str, flags: int = 0, linear: bool = False) -> Pattern:  # noqa: A001 - mirrors regex.compile
    return Pattern(source, flags, linear)
