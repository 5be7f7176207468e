"""The parsed article: blocks with spans, title, table of contents, headings, and a prose mask."""
from __future__ import annotations

import bisect
import unicodedata
from array import array
from collections import Counter
from functools import cached_property
from itertools import compress, count

from .source import LineIndex
from . import patterns

# Characters of the prose view that are not prose (code, URLs, markup) read as MASK.
MASK = "\x00"

PROSE_KINDS = frozenset({"paragraph", "list-item", "callout", "table-cell"})
TEXT_KINDS = PROSE_KINDS | {"title", "heading", "toc-entry"}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACES = patterns.compile(r"\s+")


def normalize_heading(text: str) -> str:
    """The form in which TOC entries and headings are compared: case, spacing, quotes and end punctuation folded."""
    folded = text if text.isascii() and "`" not in text else text.translate(_QUOTES)  # else nothing to map
    if not folded.isprintable() or "  " in folded:  # printable: no whitespace but single spaces, nothing to fold
        folded = _SPACES.sub(" ", folded)
    folded = folded.strip().casefold()
    return folded.rstrip(" .:")


class Block:
    """A span of the document. Many per document: slots, no __dict__ each."""

    __slots__ = ("kind", "start", "end", "content_start", "content_end", "level", "nested", "group")

    def __init__(self, kind: str, start: int, end: int, content_start: int, content_end: int, level: int = 0,
                 nested: bool = False, group: int = 0):
        # title, toc-header, toc-entry, heading, paragraph, list-item, callout, table-row, table-cell, code, html,
        # front-matter
        self.kind = kind
        self.start, self.end = start, end  # the whole block, markers included
        self.content_start, self.content_end = content_start, content_end  # its text, after markers, '#', pipes
        self.level = level  # heading level where known (0: unknown)
        self.nested = nested  # inside a list item or block quote (Markdown)
        self.group = group  # blocks of one list or one table share a group number (0: none)

    def __repr__(self) -> str:
        return f"Block({self.kind!r}, {self.start}, {self.end}, {self.content_start}, {self.content_end})"


class TocEntry:
    __slots__ = ("block", "number", "target", "level", "heading", "exact", "html_anchor")

    def __init__(self, block: Block, number: str | None = None, target: str | None = None, level: int = 0):
        self.block = block
        self.number = number  # "1", "2.3" as written
        self.target = target  # Markdown link fragment, without '#'
        self.level = level
        self.heading: Block | None = None  # the heading this entry names, once matched
        self.exact = False  # the entry names its heading with the same text (modulo case, spacing, quotes)
        self.html_anchor = False  # the entry's link resolves to an HTML anchor rather than a heading

    @property
    def start(self) -> int:
        return self.block.content_start

    @property
    def end(self) -> int:
        return self.block.content_end


class Toc:
    __slots__ = ("header", "entries", "levels_known")

    def __init__(self, header: Block | None, entries: list[TocEntry], levels_known: bool = False):
        self.header, self.entries = header, entries
        self.levels_known = levels_known  # nesting is visible (indentation or 1.2-style numbers)


class Document:
    def __init__(self, text: str, kind: str, path: str = "<stdin>", prose: str = "", dialect: str = "github"):
        self.text = text
        self.kind = kind  # "text" or "markdown"
        self.path = path
        self.prose = prose  # same length as text; non-prose characters replaced by MASK
        self.dialect = dialect  # how heading anchors are made
        self.blocks: list[Block] = []
        self.toc: Toc | None = None
        self.slugs: dict[int, str] = {}  # id(heading block) -> anchor, Markdown only
        self.html_ids: set[str] = set()  # anchors made by HTML: <a id>, <a name>, id="..."
        self.links: list[tuple[int, int, str, int, int]] = []  # start, end, dest, text span
        self.html: list[tuple[int, int]] = []  # raw HTML: HTML blocks and inline HTML, Markdown only
        self.analysis: dict = {}  # what rules compute once per document and share

    @cached_property
    def index(self) -> LineIndex:
        return LineIndex(self.text)

    @property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "title"), None)

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def content(self, block: Block) -> str:
        return self.text[block.content_start:block.content_end]

    def text_block_at(self, offset: int) -> Block | None:
        """The title, heading, TOC entry or prose block whose text contains offset."""
        blocks = self.analysis.get("text_blocks")
        if blocks is None:
            blocks = self.analysis["text_blocks"] = sorted(self.blocks_of(TEXT_KINDS), key=lambda b: b.content_start)
            self.analysis["text_block_starts"] = [b.content_start for b in blocks]
        i = bisect.bisect_right(self.analysis["text_block_starts"], offset) - 1
        return blocks[i] if i >= 0 and offset < blocks[i].content_end else None

    def blocks_of(self, kinds: frozenset[str] | set[str]) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]

    def sections(self) -> list[tuple[Block | None, list[Block]]]:
        """(heading, the blocks up to the next heading) in order; the first has no heading when text precedes it.
        The title, the TOC and table cells are left out."""
        result: list[tuple[Block | None, list[Block]]] = []
        for block in self.blocks:
            if block.kind in ("title", "toc-header", "toc-entry", "toc-item", "table-cell"):
                continue
            if block.kind == "heading":
                result.append((block, []))
            elif result:
                result[-1][1].append(block)
            else:
                result.append((None, [block]))
        return result

    def outline(self) -> tuple:
        """What safe fixes must never change: the sequence of block kinds and heading levels."""
        return tuple((b.kind, b.level) for b in self.blocks)

    @cached_property
    def words(self) -> list[str]:
        """The prose's words in order: the one word scan that rules share. A long prose is scanned a piece at a
        time, each piece ending at a line break (no word spans one), keeping one string per distinct word: a
        50 MB text has millions of words but few distinct ones."""
        prose = self.prose
        if len(prose) <= WORDS_IN_ONE_PIECE:
            return scan_words(prose)
        words: list[str] = []
        one: dict[str, str] = {}
        start = 0
        while start < len(prose):
            end = prose.find("\n", start + WORDS_IN_ONE_PIECE)
            end = len(prose) if end < 0 else end
            words += [one.setdefault(w, w) for w in scan_words(prose[start:end])]
            start = end
        return words

    @cached_property
    def word_counts(self) -> dict[str, int]:
        """Occurrences of each word form in the prose."""
        return Counter(self.words)

    @cached_property
    def word_starts(self) -> array:
        """Where each of `words` starts in the prose, for rules that place words. Each word is the first
        occurrence of its text from the end of the one before: between two words of the scan no letter stands,
        so nothing earlier can match. Kept as an array: a list of int objects would cost four times the memory."""
        starts, at = array("q"), 0
        find, append = self.prose.find, starts.append
        for word in self.words:
            at = find(word, at)
            append(at)
            at += len(word)
        return starts

    def word_offsets(self, forms) -> list[tuple[int, str]]:
        """(offset, form) of each occurrence of these word forms in the prose, in text order. Only the
        occurrences' starts are read from the array (reading one makes an int object)."""
        words, starts = self.words, self.word_starts
        return [(starts[i], words[i]) for i in compress(count(), map(forms.__contains__, words))]


WORD = patterns.compile(r"\p{L}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*", linear=True)
WORDS_IN_ONE_PIECE = 2_000_000  # characters of prose scanned for words at once
NOT_LETTERS = "".join(ch for ch in map(chr, range(128)) if not ch.isalpha())  # MASK among them


def scan_words(prose: str) -> list[str]:
    """WORD.findall(prose), a token at a time: no word spans whitespace, and a token that is ASCII letters
    between other ASCII characters holds one word, those letters, as does one whose letters are joined by
    single apostrophes and hyphens (`don't`, `it’s`, `well-known`). Only the other tokens are scanned."""
    words: list[str] = []
    append = words.append
    for token in prose.split():
        core = token.strip(NOT_LETTERS)
        if core.isascii() and core.isalpha() or core and _joined_word(core):
            append(core)
        elif core:
            words += WORD.findall(token)
    return words


def _joined_word(core: str) -> bool:
    """Whether a token's core is ASCII letters joined by single apostrophes (' or ’) or hyphens: one word."""
    plain = core.replace("’", "'")
    return plain.isascii() and plain[0] != "'" != plain[-1] and plain.replace("'", "").replace("-", "").isalpha() \
        and "''" not in plain and "--" not in plain and "'-" not in plain and "-'" not in plain


def is_mark(ch: str) -> bool:
    return ch > "\x7f" and unicodedata.category(ch)[0] == "M"

