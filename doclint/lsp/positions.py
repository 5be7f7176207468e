"""LSP positions: (line, character) in the client's code units, lines broken only on \\n, \\r\\n and \\r."""
from __future__ import annotations

from ..source import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def code_units(text: str, encoding: str) -> int:
    """The length of text in the encoding's code units (UTF-32 units are code points, Python's own)."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF16:
        return len(text) + sum(ord(char) > 0xFFFF for char in text)
    return len(text.encode("utf-8", "surrogatepass"))


class PositionMap:
    """Converts str offsets into one text to LSP positions and back.

    Never uses str.splitlines, which also breaks on U+2028, NEL and form feed, as LSP does not.
    """

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding
        self.index = LineIndex(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), len(self.text))
        line = self.index.line_of(offset)
        return line, code_units(self.text[self.index.starts[line]:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """Past a line's end means its end (before the line break); past the last line, the end of the text.

        A character inside a code point (half a surrogate pair, part of a UTF-8 sequence) rounds down to its start.
        """
        if line < 0:
            return 0
        if line >= len(self.index):
            return len(self.text)
        start, end = self.index.line_span(line)
        if self.encoding == UTF32:
            return min(start + max(character, 0), end)
        counted = 0
        for offset in range(start, end):
            counted += code_units(self.text[offset], self.encoding)
            if counted > character:
                return offset
        return end
