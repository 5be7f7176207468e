"""Bytes in, text out: decoding, BOM, line endings, and offset <-> line/column."""
from __future__ import annotations

import bisect
import codecs
from collections import namedtuple
from itertools import accumulate

from . import patterns

_LINE_BREAK = patterns.compile(r"\r\n|\r|\n")


class DecodeError(ValueError):
    """The input is not text doclint can safely read and write back."""


class Source(namedtuple("Source", "text bom", defaults=(False,))):
    """Decoded text plus what is needed to write it back byte for byte."""

    __slots__ = ()

    def encode(self, text: str | None = None) -> bytes:
        body = (self.text if text is None else text).encode("utf-8")
        return codecs.BOM_UTF8 + body if self.bom else body


def decode(data: bytes) -> Source:
    """The text of UTF-8 bytes; byte offsets in errors count from the start of the file, BOM included."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeError("file is UTF-16 encoded; doclint reads UTF-8 only")
    bom = data.startswith(codecs.BOM_UTF8)
    skip = len(codecs.BOM_UTF8) if bom else 0
    nul = data.find(b"\0", skip)
    if nul >= 0:
        raise DecodeError(f"binary file (NUL byte at offset {nul})")
    try:
        return Source(data[skip:].decode("utf-8"), bom)
    except UnicodeDecodeError as error:
        offset = skip + error.start
        line = data.count(b"\n", 0, offset) + 1
        raise DecodeError(f"invalid UTF-8 at byte offset {offset} (line {line})") from None


def line_starts(text: str) -> list[int]:
    """Offsets where lines begin, breaking only on \\n, \\r\\n and \\r (never on U+2028, NEL or form feed)."""
    if "\r" not in text:  # lengths of the lines between the \n, each plus its \n: no Python code per line
        return list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def dominant_newline(text: str) -> str:
    counts = {"\r\n": text.count("\r\n")}
    counts["\n"] = text.count("\n") - counts["\r\n"]
    counts["\r"] = text.count("\r") - counts["\r\n"]
    best = max(counts, key=counts.get)
    return best if counts[best] else "\n"


class LineIndex:
    """Converts character offsets to 1-based (line, column); columns count code points."""

    def __init__(self, text: str):
        self.text = text
        self.starts = line_starts(text)

    def line_of(self, offset: int) -> int:
        """0-based line number containing offset."""
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = self.line_of(offset)
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) of 0-based line, end excluding the line break."""
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def __len__(self) -> int:
        return len(self.starts)


class Excerpt(LineIndex):
    """A LineIndex that keeps, of its text, only the lines given spans touch: what a report quotes of a checked
    file. A run over many files holds every report until it prints, so it holds these, never whole texts."""

    def __init__(self, index: LineIndex, spans: list[tuple[int, int]]):
        from array import array

        self.starts = array("I" if len(index.text) < 2 ** 32 else "Q", index.starts)  # 4 bytes a line, not 36
        self.text = _Lines(index, spans)


class _Lines:
    """The text of some lines, read by the same offsets and slices as the whole text was."""

    def __init__(self, index: LineIndex, spans: list[tuple[int, int]]):
        self.length = len(index.text)
        starts, lines = index.starts, len(index.starts)
        kept: list[list[int]] = []  # [start, end) of runs of whole lines with their breaks, merged where they touch
        for first, last in sorted((index.line_of(start), index.line_of(end)) for start, end in spans):
            start, end = starts[first], starts[last + 1] if last + 1 < lines else self.length
            if kept and start <= kept[-1][1]:
                kept[-1][1] = max(kept[-1][1], end)
            else:
                kept.append([start, end])
        self.starts = [start for start, _ in kept]
        self.pieces = [(start, index.text[start:end]) for start, end in kept]

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key):
        sliced = type(key) is slice
        low, high = (key.start or 0, self.length if key.stop is None else key.stop) if sliced else (key, key + 1)
        if sliced and high <= low:
            return ""
        start, piece = self.pieces[max(0, bisect.bisect_right(self.starts, low) - 1)] if self.pieces else (0, "")
        if not start <= low < high <= start + len(piece):
            raise IndexError(f"{low}:{high} is outside the excerpt")
        return piece[low - start:high - start] if sliced else piece[low - start]
