"""DL0xx: text encoding — mojibake and invisible characters."""
from __future__ import annotations

import os
from functools import lru_cache

from ..document import TEXT_KINDS
from ..model import Applicability, Edit, Fixable
from ..prose import non_ascii_characters
from ..registry import RuleContext, fix, rule
from ..resources import parsed_once
from .. import patterns

INVISIBLE = patterns.compile(r"[\u200b\u2060\u00ad\u202a-\u202e\u2066-\u2069\x01-\x08\x0e-\x1f\x7f]|(?<=.)\ufeff", linear=True)
# What INVISIBLE can match, as a set: a document without any of them is not scanned.
INVISIBLE_SET = frozenset("\u200b\u2060\u00ad\ufeff\x7f" + "".join(
    map(chr, [*range(0x202a, 0x202f), *range(0x2066, 0x206a), *range(0x01, 0x09), *range(0x0e, 0x20)])))
ASCII_INVISIBLE = "".join(sorted(ch for ch in INVISIBLE_SET if ch.isascii()))
HARMLESS_INVISIBLE = frozenset("\u200b\u2060\u00ad\ufeff")
NAMES = {"\u200b": "ZERO WIDTH SPACE", "\u2060": "WORD JOINER", "\u00ad": "SOFT HYPHEN",
         "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)"}


@lru_cache(maxsize=1)
def _ftfy():
    import ftfy  # imported only when a document has non-ASCII text
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=True,
    )
    return ftfy, is_bad, config


# Characters typical of prose that ftfy's badness pattern accepts in more than one place: a clue avoids them.
_COMMON_IN_PROSE = frozenset("‘’“”«»•–—…\u00a0")


@lru_cache(maxsize=1)
def _clues():
    """The characters of which ftfy's badness pattern needs at least one to match at all (one
    character class chosen from each of its alternatives), or None when it cannot be worked out: text without
    any of them is not mojibake, and ftfy (a fifth of a second to import) is not even loaded."""
    from importlib.machinery import PathFinder  # not importlib.util: a millisecond more to import

    try:
        spec = PathFinder.find_spec("ftfy")
        source = os.path.join(spec.submodule_search_locations[0], "badness.py")
        chars = parsed_once(source, _required_chars, "clues")["chars"]
    except Exception:  # an ftfy laid out differently: no pre-check, ftfy judges every text
        return None
    return frozenset(chars) or None  # a set, not a pattern: `regex` tests a character class this large slowly


def _required_chars(_source: str) -> dict:
    from ftfy.badness import BADNESS_RE

    return {"chars": "".join(sorted(patterns.needed_characters(BADNESS_RE.pattern, BADNESS_RE.flags,
                                                               _COMMON_IN_PROSE)))}


@rule("DL001", "mojibake", "Text was decoded with the wrong encoding (mojibake)", fixable=Fixable.ALWAYS,
      tags=("encoding",))
def mojibake(ctx: RuleContext):
    """## What it does
    Finds text that was encoded in UTF-8 and decoded as Windows-1252 or Latin-1 (`â€™` for `’`, `Ã©` for `é`),
    using ftfy, and offers ftfy's repair.

    ## Why is this bad?
    Mojibake is unreadable and poisons search, spelling and everything downstream.

    ## Example
    ```
    The companyâ€™s CEO
    ```

    Use instead: `The company’s CEO`

    ## Fix safety
    Safe when ftfy's explanation of the repair is a pure encode/decode round trip; unsafe when the repair had to
    guess (lossy sequences, restored bytes), or when it puts a symbol such as `•` at the start of a line, where it
    can turn the line into a list item.
    """
    doc = ctx.doc
    if doc.text.isascii():
        return
    clues = _clues()
    if clues is not None and clues.isdisjoint(non_ascii_characters(doc)):  # clues are never ASCII
        return
    for block in doc.blocks_of(TEXT_KINDS):
        segment = doc.text[block.content_start:block.content_end]
        if segment.isascii() or clues is not None and clues.isdisjoint(segment):
            continue
        ftfy, is_bad, config = _ftfy()
        if not is_bad(segment):
            continue
        fixed, steps = ftfy.fix_and_explain(segment, config=config)
        if fixed == segment:
            continue
        pure = bool(steps) and all(action in ("encode", "decode") for action, _ in steps)
        how = " then ".join(f"{action} {codec}" for action, codec in steps)
        from difflib import SequenceMatcher

        matcher = SequenceMatcher(None, segment, fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            start, end = block.content_start + i1, block.content_start + i2
            marker = i1 == 0 and not fixed[j1:j2][:1].isalnum()  # '\x95 item' would become a '• item' list item
            yield ctx.report(start, end, f"Mojibake '{segment[i1:i2]}' should read '{fixed[j1:j2]}' ({how})",
                             fix(f"Replace with '{fixed[j1:j2]}'", Edit(start, end, fixed[j1:j2]),
                                 applicability=Applicability.SAFE if pure and not marker else Applicability.UNSAFE))


@rule("DL002", "invisible-character", "An invisible or control character is in the text", fixable=Fixable.ALWAYS,
      tags=("encoding",))
def invisible_character(ctx: RuleContext):
    """## What it does
    Reports zero-width spaces, word joiners, soft hyphens, stray byte-order marks, bidirectional controls and
    C0 control characters inside the text. Zero-width joiners and non-joiners are left alone: emoji and many
    scripts need them.

    ## Why is this bad?
    Invisible characters break search, spell-checking and copy-paste, and bidirectional controls can make
    text display differently from what it says.

    ## Example
    `data\u200bcenter` (with a zero-width space) — use instead: `datacenter`.

    ## Fix safety
    Removing a zero-width space, word joiner, soft hyphen or stray BOM inside a word does not change what a reader
    sees, so it is safe. Elsewhere (alone between spaces, at the start of a line) removing it can change how the
    text splits into words and blocks, so it is unsafe, as is removing a bidirectional or control character,
    which may change how text displays.
    """
    doc, prose = ctx.doc, ctx.doc.prose
    if doc.text.isascii():  # a few fast substring tests instead of collecting the characters
        if not any(ch in prose for ch in ASCII_INVISIBLE):
            return
    elif not any(ch in doc.text for ch in ASCII_INVISIBLE) and INVISIBLE_SET.isdisjoint(non_ascii_characters(doc)):
        return
    found = list(INVISIBLE.finditer(prose))
    for m, inside in zip(found, _inside_words(ctx.doc.text, found)):
        ch = m.group()
        name = NAMES.get(ch, f"U+{ord(ch):04X}")
        safe = ch in HARMLESS_INVISIBLE and inside
        yield ctx.report(m.start(), m.end(), f"Invisible character {name}",
                         fix("Remove the character", Edit(m.start(), m.end(), ""),
                             applicability=Applicability.SAFE if safe else Applicability.UNSAFE))


def _inside_words(text: str, found: list) -> list[bool]:
    """For each match: whether its run of adjacent invisible characters has a letter or digit on both sides."""
    inside = [False] * len(found)
    first = 0
    for i, m in enumerate(found):
        if i + 1 < len(found) and found[i + 1].start() == m.end():
            continue
        start, end = found[first].start(), m.end()
        inside[first:i + 1] = [start > 0 and text[start - 1].isalnum() and text[end:end + 1].isalnum()] * (i + 1 - first)
        first = i + 1
    return inside
