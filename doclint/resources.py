"""Where the shipped rule packs live (inside the wheel as doclint/packs, or rules/ in a source checkout), and the
cache of parsed word lists, packs and configuration files."""
from __future__ import annotations

import bisect
import contextlib
import marshal
import os
import zlib
from array import array
from functools import lru_cache
from collections.abc import Callable, Iterator

from . import __version__

PARSER_VERSION = __version__  # a new doclint may parse the lists differently: its cache entries are its own


@lru_cache(maxsize=1)
def packs_dir() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    installed = os.path.join(here, "packs")
    if os.path.isdir(installed):
        return installed
    checkout = os.path.join(os.path.dirname(here), "rules")
    if os.path.isdir(checkout):
        return checkout
    raise FileNotFoundError("doclint's rule packs are missing: reinstall doclint")


def cache_dir() -> str:
    """Where parsed word lists are kept between runs: $DOCLINT_CACHE_DIR, else the user's cache folder."""
    given = os.environ.get("DOCLINT_CACHE_DIR")
    if given:
        return given
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser(os.path.join("~", ".cache")), "doclint")


def parsed_once(path: str, parse: Callable[[str], dict], variant: str = "") -> dict:
    """parse(path's text), kept in the cache under the text's size and checksums, so that a run that needs a large
    word list loads it in a few milliseconds instead of parsing it again. A cache that cannot be read or written, or a
    value marshal cannot keep (a TOML date), is ignored: the text is parsed, never guessed. An error of parse
    is raised, and nothing is kept."""
    with open(path, "rb") as source:
        data = source.read()
    tag = (variant + PARSER_VERSION).encode()
    # Two 32-bit checksums and the size, not a cryptographic hash: hashlib would cost every run 7 ms to import.
    key = f"{len(data)}-{zlib.crc32(data, zlib.crc32(tag)):08x}{zlib.adler32(data, zlib.adler32(tag)):08x}"
    stem = os.path.splitext(os.path.basename(path))[0]
    cached = os.path.join(cache_dir(), f"{stem}-{key}.marshal")
    found = load_cached(cached)
    if found is not None:
        return found
    parsed = parse(data.decode("utf-8"))
    store_cached(cached, parsed)
    return parsed


def load_cached(path: str):
    """The value marshal kept at path, or None when there is none or it cannot be read."""
    try:
        with open(path, "rb") as cached:
            return marshal.loads(cached.read())  # marshal.load(file) reads object by object: ten times slower
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store_cached(path: str, value) -> None:
    """Keep value at path (atomically: a reader sees the old file or the new); a cache folder that cannot be
    written, or a value marshal cannot keep, is ignored."""
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as out:
            marshal.dump(value, out)
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)


def sorted_table(mapping: dict[str, str]) -> dict:
    """A {key: value} of strings as the cache keeps it for SortedTable: the sorted keys in one string and their
    values in another, with where each begins (array bytes)."""
    keys = sorted(mapping)
    values = [mapping[k] for k in keys]
    return {"keys": "".join(keys), "key_starts": _starts(keys), "values": "".join(values),
            "value_starts": _starts(values)}


def _starts(parts: list[str]) -> bytes:
    starts, at = array("q", [0]), 0
    for part in parts:
        at += len(part)
        starts.append(at)
    return starts.tobytes()


class SortedTable:
    """A large word list, as `sorted_table` made it, read without building a dict: loading it costs a
    millisecond where a dict of tens of thousands of words costs tens. `in`, `[]` and `get` find a key by
    bisection, until lookups are many enough that building the dict pays. `convert` turns a stored value
    string into the value. A bisection first finds the key's run of SAMPLE_EVERY keys in a list of every
    SAMPLE_EVERY-th key (at C speed), then bisects that run."""

    DICT_AFTER = 2000  # lookups
    SAMPLE_EVERY = 16

    def __init__(self, table: dict, convert: Callable[[str], object] = str):
        self.keys, self.values, self.convert = table["keys"], table["values"], convert
        self.key_starts = memoryview(table["key_starts"]).cast("q")  # read in place, not copied
        self.value_starts = memoryview(table["value_starts"]).cast("q")
        self.size = len(self.key_starts) - 1
        self._dict: dict[str, int] | None = None
        self._lookups = 0
        self._samples: list[str] | None = None
        self._key_set: frozenset[str] | None = None

    def _key(self, i: int) -> str:
        return self.keys[self.key_starts[i]:self.key_starts[i + 1]]

    def _index(self, key: str) -> int | None:
        if self._dict is None:
            self._lookups += 1
            if self._lookups <= self.DICT_AFTER:
                if self._samples is None:  # keys 0, SAMPLE_EVERY, 2 * SAMPLE_EVERY...: sliced at C speed
                    starts, step = self.key_starts, self.SAMPLE_EVERY
                    self._samples = list(map(self.keys.__getitem__, map(slice, starts[:-1:step], starts[1::step])))
                run = bisect.bisect_right(self._samples, key) - 1
                if run < 0:
                    return None
                lo, hi = run * self.SAMPLE_EVERY, min(self.size, (run + 1) * self.SAMPLE_EVERY)
                while lo < hi:
                    mid = (lo + hi) // 2
                    if self._key(mid) < key:
                        lo = mid + 1
                    else:
                        hi = mid
                return lo if lo < self.size and self._key(lo) == key else None
            self._build_dict()
        return self._dict.get(key)

    def _build_dict(self) -> None:
        self._dict = dict(zip(self._all_keys(), range(self.size)))

    def _all_keys(self) -> Iterator[str]:
        starts = self.key_starts
        return map(self.keys.__getitem__, map(slice, starts, starts[1:]))

    def present(self, keys: list[str]) -> set[str]:
        """Those of `keys` in the table; past DICT_AFTER lookups, by one set intersection at C speed (a set of
        the keys costs half the dict)."""
        if self._dict is not None:
            return self._dict.keys() & keys
        if self._key_set is None and self._lookups + len(keys) > self.DICT_AFTER:
            self._key_set = frozenset(self._all_keys())
        if self._key_set is not None:
            return set(self._key_set.intersection(keys))
        return {k for k in keys if self._index(k) is not None}

    def _value(self, i: int):
        return self.convert(self.values[self.value_starts[i]:self.value_starts[i + 1]])

    def __len__(self) -> int:
        return self.size

    def __contains__(self, key: str) -> bool:
        return self._index(key) is not None

    def __getitem__(self, key: str):
        i = self._index(key)
        if i is None:
            raise KeyError(key)
        return self._value(i)

    def get(self, key: str, default=None):
        i = self._index(key)
        return default if i is None else self._value(i)

    def items(self) -> Iterator[tuple[str, object]]:
        return ((self._key(i), self._value(i)) for i in range(self.size))

