"""The prose view and what prose rules share: masking, words, sentence boundaries, the English word list."""
from __future__ import annotations

import bisect
import os
from functools import lru_cache
from itertools import product, repeat

from . import patterns
from .document import MASK, PROSE_KINDS, is_mark
from .resources import SortedTable, packs_dir, parsed_once, sorted_table

# Run with .match at a few places; each backtracks only over the one address it matches.
_URL_START = patterns.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>\"\x00]*[^\s<>\".,;:!?)\]}'’”\x00]",
                              linear=True)
_EMAIL = patterns.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", linear=True)
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st vs etc e.g i.e cf al jr sr no nos fig figs approx inc ltd co corp gen gov sen rep lt col capt prof "
    "rev mt ft u.s u.k a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec ca vol vols ed eds pp p op viz est dept "
    "univ assn bros messrs mme mlle sq hon esq aka resp incl excl nr eg ie approx min max avg esp wrt iow ref nb lb lbs "
    "oz mss".split()
)


ROMAN_NUMERAL_LETTERS = "IVXLC"


_MASK_BYTES = bytes(byte if byte in b"\r\n" else 0xFF if 0x80 <= byte < 0xC0 else ord(MASK) for byte in range(256))


def _masked(gap: str | bytes) -> str | bytes:
    """gap with every character but line breaks read MASK (one byte per character, whatever it was). Of UTF-8
    bytes, a character's first byte reads MASK and its other bytes 0xFF, a byte no UTF-8 holds, dropped after."""
    if type(gap) is bytes:
        return gap.translate(_MASK_BYTES)
    return gap.encode("ascii", "replace").translate(_MASK_BYTES).decode("ascii")


def build_prose(text: str | bytes, spans: list[tuple[int, int]]) -> str:
    """A copy of text in which everything outside spans (except line breaks) reads MASK. Of UTF-8 bytes, with spans
    in byte offsets on character boundaries, the copy is the text's length in characters."""
    parts, pos = [], 0
    masked = _masked(text)  # masked once; each gap is a slice of it
    for start, end in sorted(spans):
        if start < pos:
            start = pos
        if start > pos:
            parts.append(masked[pos:start])
            pos = start  # else an empty span would repeat the gap before it, and the view outgrow the text
        if end > start:
            parts.append(text[start:end])
            pos = end
    parts.append(masked[pos:])
    if type(text) is bytes:
        return b"".join(parts).translate(None, b"\xff").decode("utf-8", "surrogatepass")
    return "".join(parts)


def mask_urls(prose: str) -> str:
    """Mask URLs and e-mail addresses; the regexes run only from the few places a literal marker occurs."""
    spans = []
    for marker in ("://", "www.", "mailto:"):
        at = prose.find(marker)
        while at >= 0:
            start = at
            while start > 0 and (prose[start - 1].isalnum() or prose[start - 1] in "+.-"):
                start -= 1
            m = _URL_START.match(prose, start)
            if m:
                spans.append((m.start(), m.end()))
            at = prose.find(marker, max(at + 1, m.end() if m else 0))
    at = prose.find("@")
    while at >= 0:
        start = at
        while start > 0 and (prose[start - 1].isalnum() or prose[start - 1] in "._+-"):
            start -= 1
        m = _EMAIL.match(prose, start)
        if m and m.end() > at + 1:
            spans.append((m.start(), m.end()))
        at = prose.find("@", at + 1)
    if not spans:
        return prose
    parts, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        parts += [prose[pos:start], MASK * max(0, end - start)]
        pos = max(pos, end)
    parts.append(prose[pos:])
    return "".join(parts)


_ASCII_BYTES = bytes(range(128))


def non_ascii_characters(doc) -> frozenset[str]:
    """The distinct characters of the document's text beyond ASCII, collected once: rules that look for rare
    characters test this set before they scan the text. Read from the text's UTF-8 less its ASCII bytes (no byte
    of a longer character is one), so that the text is not walked a character at a time."""
    if "non_ascii_characters" not in doc.analysis:
        utf8 = doc.text.encode("utf-8", "surrogatepass")
        doc.analysis["non_ascii_characters"] = frozenset(
            utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    return doc.analysis["non_ascii_characters"]


def is_abbreviation(prose: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation, an initial, a Roman numeral (`Louis XVI.`) or a spaced
    ellipsis (`. . .`) rather than a sentence."""
    start = dot
    while start > 0 and ((before := prose[start - 1]).isalpha() or before == "."):
        start -= 1
    token = prose[start:dot]
    if not token:
        return prose[dot - 2:dot] == ". "
    return token.lower() in ABBREVIATIONS or len(token.replace(".", "")) == 1 or "." in token \
        or is_roman_numeral(token)


def is_roman_numeral(token: str) -> bool:
    """Two or more of the letters I, V, X, L and C: what `[IVXLC]{2,}` matches in full."""
    return len(token) >= 2 and not token.strip(ROMAN_NUMERAL_LETTERS)


@lru_cache(maxsize=1)
def word_frequencies() -> SortedTable:
    """Lower-case English words and how often they occur in a large corpus (200 times or more): a mapping
    with `in`, `[]`, `get` and `items`."""
    return SortedTable(parsed_once(os.path.join(packs_dir(), "words-en.txt"), _counts, "table"), int)


def _counts(text: str) -> dict:
    words = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, count = line.partition(" ")
            words[word] = str(int(count))
    return sorted_table(words)


@lru_cache(maxsize=1)
def _dictionary() -> tuple[SortedTable, SortedTable]:
    """(words the dictionary writes in lowercase, names it writes only capitalised: 'Seoul', 'Kentucky'), as sorted
    tables: loaded in a millisecond, where sets of the same words take twenty."""
    tables = parsed_once(os.path.join(packs_dir(), "dictionary-en.txt"), _split_dictionary, "tables")
    return SortedTable(tables["lower"]), SortedTable(tables["names"])


def _split_dictionary(text: str) -> dict:
    entries = [line for line in text.splitlines() if line and not line.startswith("#")]
    lower = {w for w in entries if w[0].islower()}
    names = {w for w in entries if w[0].isupper() and w.lower() not in lower}
    return {"lower": sorted_table(dict.fromkeys(lower, "")), "names": sorted_table(dict.fromkeys(names, ""))}


def lowercase_words() -> SortedTable:
    """Words the dictionary writes in lowercase: common nouns, verbs and adjectives, not names ('seoul')."""
    return _dictionary()[0]


def is_proper_name(word: str) -> bool:
    """Whether the dictionary knows the word only as a name ('Abraham', 'Kentucky'; not 'Pacific', 'Lee')."""
    return word[:1].upper() + word[1:] in _dictionary()[1]


def is_dictionary_word(word: str) -> bool:
    """Whether a word is a lowercase dictionary word, or an inflection of one ('deployments', 'reconciling',
    'ratcheting'), or a compound of them ('workload-aware', 'non-virtual')."""
    word, words = word.lower(), lowercase_words()
    if "-" in word.strip("-"):
        return all(part in words or is_dictionary_word(part) for part in word.split("-") if part)
    return word in words or any(word.endswith(ending) and (word[:-len(ending)] + stem_end) in words
                                for ending, stem_end in INFLECTIONS)


INFLECTIONS = (("s", ""), ("es", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("’s", ""),
               ("'s", ""))


# Pronouns and verb forms of Early Modern English; a text that uses them this often follows older spelling and
# capitalisation (Shakespeare, the King James Bible, Milton, Melville's whalers): 'intrusted', 'Vertue'.
ARCHAIC_FORMS = frozenset("thee thou thy thine hath doth dost shalt hast ye".split())
# Every casing of them ('Thou', 'THY'): the words w with w.lower() in ARCHAIC_FORMS, looked up rather than
# lowercasing every word of a document (no character but an ASCII letter lowercases to one of their letters).
ARCHAIC_CASINGS = frozenset("".join(letters) for form in ARCHAIC_FORMS
                            for letters in product(*((ch, ch.upper()) for ch in form)))
ARCHAIC_RATE = 0.003


def archaic_english(doc) -> bool:
    """Whether the document writes Early Modern English: 3 or more of ARCHAIC_FORMS in every 1,000 words."""
    if "archaic" not in doc.analysis:
        counts = doc.word_counts
        archaic = sum(map(counts.get, ARCHAIC_CASINGS, repeat(0)))
        doc.analysis["archaic"] = archaic >= 10 and archaic >= ARCHAIC_RATE * sum(counts.values())
    return doc.analysis["archaic"]


def is_common_word(word: str, min_class: int = 4) -> bool:
    """Whether the word's frequency class, int(log10(occurrences)) (0 for a word not in the list), is at least
    min_class."""
    return min_class <= 0 or word_frequencies().get(word.lower(), 0) >= 10 ** min_class


# A sentence ends at '.', '!' or '?' (not a run of them) and spaces, or at one closed by a quote before a capital.
SENTENCE_BREAK = patterns.compile(r"[.!?](?:(?<![.!?].)[)\]]?[ \t]+|[\"”’']\K[ \t]+(?=[\"“‘']?\p{Lu}))", linear=True)
_OPENERS = "\"'“‘([¿¡*_"


def sentence_starts(prose: str, start: int, end: int, breaks: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets where sentences begin inside prose[start:end]: the block start and after each sentence end.
    `breaks`: the (start, end) of SENTENCE_BREAK's matches in the whole prose, sorted, if already found."""
    if breaks is None:
        breaks = [m.span() for m in SENTENCE_BREAK.finditer(prose, start, end)]
    first = bisect.bisect_left(breaks, (start, start))
    if first == len(breaks) or breaks[first][0] >= end:  # one sentence, as most list items and cells are
        return [_past_openers(prose, start, end)]
    return _starts_after(prose, start, end, breaks, first)


def _starts_after(prose: str, start: int, end: int, breaks: list[tuple[int, int]], first: int) -> list[int]:
    """sentence_starts of a block in which breaks[first] is the first break."""
    starts = [start]
    for i in range(first, len(breaks)):
        at, after = breaks[i]
        if at >= end:
            break
        if prose[at] in " \t":  # a stop closed by a quote: the stop and the capital after it inside the block
            if at - 2 < start or after + (prose[after] in "\"“‘'") >= end:
                continue
        elif after > end:  # spaces after a stop run past the block's end: those inside it count
            if prose[end - 1] not in " \t":
                continue
            after = end
        if prose[at] == "." and is_abbreviation(prose, at):
            continue
        starts.append(after)
    return [_past_openers(prose, pos, end) for pos in starts]


def _past_openers(prose: str, pos: int, end: int) -> int:
    """pos, moved past the quotes, brackets and emphasis marks that open a sentence there."""
    while pos < end and prose[pos] in _OPENERS:
        pos += 1
    return pos


def document_sentence_starts(doc) -> list[tuple[object, list[int]]]:
    """(block, sentence starts) for each prose block of the document, computed once per document. A block
    without a break, as most are, is told apart by where the first break after its start is."""
    cached = doc.analysis.get("sentence_starts")
    if cached is None:
        prose = doc.prose
        breaks = [m.span() for m in SENTENCE_BREAK.finditer(prose)]
        break_at = [at for at, _ in breaks]
        blocks = doc.blocks_of(PROSE_KINDS)
        firsts = map(bisect.bisect_left, repeat(break_at), [b.content_start for b in blocks])
        cached = [(b, [_past_openers(prose, b.content_start, b.content_end)]
                   if first == len(breaks) or break_at[first] >= b.content_end
                   else _starts_after(prose, b.content_start, b.content_end, breaks, first))
                  for b, first in zip(blocks, firsts)]
        doc.analysis["sentence_starts"] = cached
    return cached


def find_words(doc, forms: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of these word forms in the prose that stands alone: no letter, mark,
    apostrophe or hyphen joined to it on either side. Taken from the shared word list, without another scan."""
    prose = doc.prose
    return [(start, start + len(word)) for start, word in doc.word_offsets(forms)
            if not _joined(prose[start - 1:start]) and not _joined(prose[start + len(word):start + len(word) + 1])]


def _joined(ch: str) -> bool:
    return ch != "" and (ch.isalpha() or ch in "'’-" or is_mark(ch))
