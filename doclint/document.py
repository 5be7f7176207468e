"""The parsed article: blocks with spans, title, table of contents, headings, and a prose mask."""
from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from functools import cached_property
from itertools import chain, compress, count, filterfalse
from operator import not_

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
    def _separated(self) -> str:
        """The prose with what no word holds and is cheap to find read as a space: whitespace, ASCII punctuation,
        digits and controls, and the commonest punctuation beyond ASCII. Its tokens are then mostly words
        themselves ('end.' reads 'end '), with the same offsets, and each stands between spaces. MASK stays: a
        masked block stays one token, not thousands of ''."""
        separated = self.prose.encode("utf-8", "surrogatepass").translate(_SEPARATORS).decode("utf-8", "surrogatepass")
        for mark in NON_ASCII_SEPARATORS:
            if mark in separated:
                separated = separated.replace(mark, " ")
        return separated if separated.isascii() else _spaced(separated)

    @cached_property
    def token_counts(self) -> Counter:
        """Occurrences of each whitespace-separated token of the prose as _separated reads it, counted at C
        speed."""
        counts: Counter = Counter()
        for _, parts in self._spaced_pieces():
            counts.update(parts)
        del counts[""]
        return counts

    @cached_property
    def odd_tokens(self) -> dict[str, list[str]]:
        """The words of each distinct token that is not all letters ('don't', 'well-known', 'l’été'), scanned
        once however often it occurs. A token of letters alone is one word, itself."""
        return {token: token_words(token) for token in filterfalse(str.isalpha, self.token_counts)}

    @cached_property
    def word_counts(self) -> Counter:
        """Occurrences of each word form in the prose (in no set order): the one word scan that rules share.
        No word spans whitespace, so the token counts are the word counts but for the odd tokens."""
        counts = self.token_counts.copy()
        for token, words in self.odd_tokens.items():
            n = counts.pop(token)
            for word in words:
                counts[word] = counts.get(word, 0) + n
        return counts

    def tokens_in(self, start: int, end: int) -> list[str]:
        """The tokens of prose[start:end] as the word scan reads them (see _separated): the keys of token_counts,
        but where the span's ends cut one."""
        return self._separated[start:end].split()

    def words_in(self, start: int, end: int) -> list[str]:
        """The words of prose[start:end] scanned alone; only a token cut by the span's ends is scanned again."""
        tokens, odd = self.tokens_in(start, end), self.odd_tokens
        if len(tokens) < 2:
            return [w for token in tokens for w in self._words_of(token)]
        inner = chain.from_iterable(map(odd.get, tokens[1:-1], zip(tokens[1:-1])))  # a letters token: (itself,)
        return [*self._words_of(tokens[0]), *inner, *self._words_of(tokens[-1])]

    def _words_of(self, token: str) -> list[str]:
        """The words of a string without whitespace."""
        return self.odd_tokens[token] if token in self.odd_tokens else token_words(token)

    def word_offsets(self, forms: set[str]) -> list[tuple[int, str]]:
        """(offset, form) of each occurrence of these word forms in the prose, in text order. Only the tokens
        holding them are placed, not every word."""
        holding = {token: [(0, token)] for token in forms if token in self.token_counts and token.isalpha()}
        odd = self.odd_tokens
        holding.update((token, [(at, w) for at, w in _placed(token, odd[token]) if w in forms])
                       for token in self.odd_tokens_holding(forms))
        return [(start + at, w) for start, token in self._token_places(holding) for at, w in holding[token]]

    def odd_tokens_holding(self, forms: set[str]):
        """The odd tokens whose words include one of these forms, found at C speed."""
        odd = self.odd_tokens
        return compress(odd, map(not_, map(forms.isdisjoint, odd.values())))

    def _token_places(self, wanted) -> list[tuple[int, str]]:
        """(start, token) of each occurrence of the tokens in `wanted`, in text order: a few long tokens found one
        by one, else every token of the prose looked up."""
        if len(wanted) <= FOUND_ONE_BY_ONE and min(map(len, wanted), default=0) >= 4:
            return _whole_tokens(self._separated, wanted)
        places = []
        for start, parts in self._spaced_pieces():
            done = 0
            for k in compress(count(), map(wanted.__contains__, parts)):
                start += sum(map(len, parts[done:k])) + k - done  # and a space after each part
                done = k
                places.append((start, parts[k]))
        return places

    def _spaced_pieces(self):
        """(start, parts) of the _separated prose a piece at a time, the parts being the piece split at spaces: its
        tokens and '', each after a space but the first. Kept for a prose of one piece, made anew for each piece of
        a longer one (a 50 MB text has millions of tokens)."""
        if "spaced_pieces" in self.analysis:
            return self.analysis["spaced_pieces"]
        pieces = ((start, piece.split(" ")) for start, piece in _pieces(self._separated))
        if len(self.prose) > WORDS_IN_ONE_PIECE:
            return pieces
        self.analysis["spaced_pieces"] = list(pieces)
        return self.analysis["spaced_pieces"]

    def word_at(self, offset: int) -> str | None:
        """The word of the scan that starts at offset, if one does."""
        start, token = self._token_around(offset)
        return next((w for at, w in _placed(token, self._words_of(token)) if start + at == offset), None)

    def splits_a_word(self, offset: int) -> bool:
        """Whether a word of the scan starts before offset and ends after it."""
        start, token = self._token_around(offset)
        return any(start + at < offset < start + at + len(w) for at, w in _placed(token, self._words_of(token)))

    def _token_around(self, offset: int) -> tuple[int, str]:
        """(start, text) of the token holding the character at offset or ending there ('' amid whitespace)."""
        prose, start, end = self._separated, offset, offset
        while start > 0 and not prose[start - 1].isspace():
            start -= 1
        while end < len(prose) and not prose[end].isspace():
            end += 1
        return start, prose[start:end]


def _placed(token: str, words: list[str]):
    """(offset in the token, word) of each of its words: each is the first occurrence of its text from the end
    of the one before, for between two words of the scan no letter stands."""
    at = 0
    for word in words:
        at = token.find(word, at)
        yield at, word
        at += len(word)


# The characters str.split() splits at, the space aside.
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
             "\u200a\u2028\u2029\u202f\u205f\u3000"


def _spaced(text: str) -> str:
    """text with every whitespace character a space: one str.replace for each kind it holds."""
    for space in WHITESPACE:
        if space in text:
            text = text.replace(space, " ")
    return text


# ASCII characters no word holds, as _separated reads them: a space, but letters, apostrophes, hyphens and MASK;
# bytes beyond ASCII, parts of longer characters, are kept.
_SEPARATORS = bytes(b if chr(b).isalpha() or chr(b) in "'-" + MASK else 32 for b in range(128)) + bytes(range(128, 256))
NON_ASCII_SEPARATORS = "“”‘—–…«»"


FOUND_ONE_BY_ONE = 16  # tokens placed with str.find, each a scan of the prose, rather than by looking up all


def _whole_tokens(separated: str, wanted) -> list[tuple[int, str]]:
    """(start, token) of each occurrence of the tokens in `wanted` that stands between spaces (or the ends) of
    the _separated prose, in text order."""
    places = []
    for token in wanted:
        n, at = len(token), separated.find(token)
        while at >= 0:
            if (at == 0 or separated[at - 1] == " ") and separated[at + n:at + n + 1] in (" ", ""):
                places.append((at, token))
            at = separated.find(token, at + 1)
    places.sort()
    return places


def _pieces(prose: str):
    """(start, piece) of the _separated prose in pieces of WORDS_IN_ONE_PIECE characters or more, each ending at
    a space, so that no token spans two."""
    start = 0
    while start < len(prose):
        end = prose.find(" ", start + WORDS_IN_ONE_PIECE)
        end = len(prose) if end < 0 else end
        yield start, prose[start:end]
        start = end


WORD = patterns.compile(r"\p{L}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*", linear=True)
WORDS_IN_ONE_PIECE = 2_000_000  # characters of prose split into tokens at once
NOT_LETTERS = "".join(ch for ch in map(chr, range(128)) if not ch.isalpha())  # MASK among them


def token_words(token: str) -> list[str]:
    """WORD.findall(token) of a string without whitespace: one that is ASCII letters between other ASCII
    characters holds one word, those letters, as does one whose letters are joined by single apostrophes and
    hyphens (`don't`, `it’s`, `well-known`). Only the other tokens are scanned."""
    core = token.strip(NOT_LETTERS)
    if core.isascii() and core.isalpha() or core and _joined_word(core):
        return [core]
    return WORD.findall(token) if core else []


def _joined_word(core: str) -> bool:
    """Whether a token's core is ASCII letters joined by single apostrophes (' or ’) or hyphens: one word."""
    plain = core.replace("’", "'")
    return plain.isascii() and plain[0] != "'" != plain[-1] and plain.replace("'", "").replace("-", "").isalpha() \
        and "''" not in plain and "--" not in plain and "'-" not in plain and "-'" not in plain


def is_mark(ch: str) -> bool:
    return ch > "\x7f" and unicodedata.category(ch)[0] == "M"

