"""The closed set of declarative rule kinds (as in Vale): each builds a check function from a pack entry."""
from __future__ import annotations

import os
from collections import Counter
from functools import partial
from itertools import compress

from . import patterns
from .document import PROSE_KINDS, TEXT_KINDS
from .literals import needles
from .prose import archaic_english, document_sentence_starts, find_words
from .model import Applicability, Edit, Fixable, Severity
from .registry import RuleContext, fix
from .resources import SortedTable, parsed_once, sorted_table

SCOPES = {"prose": PROSE_KINDS, "text": TEXT_KINDS}
CODE_BEFORE = frozenset("#@/\\_.$]0123456789")  # and digits: the 'nd' of '2nd'
CODE_AFTER = frozenset("_/\\@([")
UNUSUAL_NOTE = " (this text spells many words unusually: archaic or dialect spelling?)"
CONSISTENT_USE = 3  # a 'misspelling' written this often in one document is the document's own spelling


def _scope(entry: dict) -> frozenset[str]:
    scope = entry.get("scope", "text")
    if isinstance(scope, str):
        if scope not in SCOPES:
            raise ValueError(f"'scope' must be one of {sorted(SCOPES)} or a list of block kinds")
        return SCOPES[scope]
    unknown = set(scope) - TEXT_KINDS
    if unknown:
        raise ValueError(f"'scope' names unknown block kind {sorted(unknown)[0]!r}")
    return frozenset(scope)


def parse_swaps(text: str, fmt: str) -> dict[str, tuple[str, ...]]:
    """Read a word list: codespell's `typo->fix` / `typo->fix1, fix2,` lines (a trailing comma means: do not
    auto-fix), or `typo=fix` lines."""
    swaps: dict[str, tuple[str, ...]] = {}
    separator = {"codespell": "->", "equals": "="}.get(fmt)
    if separator is None:
        raise ValueError(f"'swap_format' must be 'codespell' or 'equals', not {fmt!r}")
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        typo, sep, fixes = line.partition(separator)
        if not sep or not typo.strip():
            raise ValueError(f"line {number} of the word list is not 'typo{separator}correction': {line!r}")
        choices = tuple(c.strip() for c in fixes.split(",") if c.strip())
        if any(_hyphen_variant(typo, c) for c in choices):
            continue  # 're-enable' for 'reenable' is house style, not spelling
        ambiguous = fixes.rstrip().endswith(",") and len(choices) == 1
        swaps[_normal_key(typo)] = choices + (("",) if ambiguous else ())
    return swaps


def swap_table(text: str, fmt: str) -> dict:
    """parse_swaps(text) as the cache keeps it: a sorted table of the words and their choices, and the phrases
    among the words in the list's order."""
    swaps = parse_swaps(text, fmt)
    table = sorted_table({k: "".join("\x1f" + c for c in choices) for k, choices in swaps.items()})
    table["phrases"] = [k for k in swaps if " " in k]
    return table


def _choices(stored: str) -> tuple[str, ...]:
    return tuple(stored.split("\x1f")[1:])


class SwapTable:
    """A word list as `swap_table` caches it, with the pack's own `swap` entries on top."""

    def __init__(self, table: dict, extra: dict[str, tuple[str, ...]]):
        self.extra, self.listed = extra, SortedTable(table, _choices)
        known = set(table["phrases"])
        self.phrases = table["phrases"] + [k for k in extra if " " in k and k not in known]

    def __bool__(self) -> bool:
        return bool(self.extra) or len(self.listed) > 0

    def __contains__(self, key: str) -> bool:
        return key in self.extra or key in self.listed

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self.extra[key] if key in self.extra else self.listed[key]

    def present(self, keys: list[str]) -> set[str]:
        return (self.extra.keys() & keys) | self.listed.present(keys)


def _hyphen_variant(typo: str, correction: str) -> bool:
    return typo.strip().lower().replace("-", "") == correction.lower().replace("-", "")


def _normal_key(word: str) -> str:
    return " ".join(word.split()).lower()


def _matching_case(found: str, replacement: str) -> str:
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def substitution(entry: dict, folder: str, applicability: Applicability, checked: bool = False):
    """Words (or phrases) with their corrections; a fix only where exactly one correction is given."""
    table = swap_table("", "codespell")
    if "swap_file" in entry:
        fmt = entry.get("swap_format", "codespell")
        table = parsed_once(os.path.join(folder, entry["swap_file"]), partial(swap_table, fmt=fmt), fmt + "-table")
    extra: dict[str, tuple[str, ...]] = {}
    for typo, correction in entry.get("swap", {}).items():
        choices = (correction,) if isinstance(correction, str) else tuple(correction)
        if not all(isinstance(c, str) and c.strip() for c in choices):
            raise ValueError(f"'swap' entry {typo!r} must map to a non-empty string or list of strings")
        extra[_normal_key(typo)] = tuple(c.strip() for c in choices)
    swaps = SwapTable(table, extra)
    if not swaps:
        raise ValueError("a substitution rule needs 'swap' or 'swap_file'")
    ignore_case = entry.get("ignore_case", True)
    scope = _scope(entry)
    message = entry["message"]
    phrases = swaps.phrases
    phrase_pattern = patterns.compile(
        r"\b(?:" + "|".join(patterns.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        + r")\b", patterns.IGNORECASE if ignore_case else 0) if phrases else None

    unusual_rate = entry.get("unusual_spelling_rate")
    if unusual_rate is not None and not isinstance(unusual_rate, (int, float)):
        raise ValueError("'unusual_spelling_rate' must be a number (a share of the words)")

    def check(ctx: RuleContext):
        doc, prose = ctx.doc, ctx.doc.prose
        words = list(doc.word_counts)  # words have no spaces
        keys = list(map(str.lower, words)) if ignore_case else words
        listed = swaps.present(keys)
        forms = set(compress(words, map(listed.__contains__, keys))) if listed else set()
        distinct = len({f.lower() for f in forms})
        unusual = unusual_rate is not None and (distinct >= 10 and distinct > unusual_rate * sum(
            doc.word_counts.values()) or bool(forms) and archaic_english(doc))
        found = find_words(doc, forms) if forms else []
        if phrase_pattern is not None:
            found += [(m.start(), m.end()) for m in phrase_pattern.finditer(prose)]
        starts = None
        counts = Counter(prose[a:b].lower() for a, b in found)
        for start, end in sorted(found):
            block = doc.text_block_at(start)
            if block is None or block.kind not in scope:
                continue
            word = prose[start:end]
            if ignore_case and not (word.islower() or word.istitle()):
                continue  # camelCase, acronyms and other deliberate casing
            if prose[start - 1:start] in CODE_BEFORE or prose[end:end + 1] in CODE_AFTER:
                continue  # part of an identifier, tag, path, handle or keyboard hint ('[l]ist')
            if counts[word.lower()] >= CONSISTENT_USE:
                continue
            if word.istitle() and block.kind in PROSE_KINDS:
                if starts is None:
                    starts = {p for _, block_starts in document_sentence_starts(doc) for p in block_starts}
                if start not in starts:
                    continue  # capitalised mid-sentence: a name
            choices = swaps[_normal_key(word) if ignore_case else " ".join(word.split())]
            real = [c for c in choices if c]
            suggestion = " or ".join(f"'{_matching_case(word, c)}'" for c in real)
            edit_fix = None
            if len(choices) == 1:
                edit_fix = fix(f"Replace with '{_matching_case(word, real[0])}'",
                               Edit(start, end, _matching_case(word, real[0])), applicability=applicability)
            if unusual:  # archaic or dialect spelling throughout: say so, and leave the words alone
                yield ctx.report(start, end, message.format(found=word, expected=suggestion) + UNUSUAL_NOTE,
                                 severity=Severity.INFO)
            else:
                yield ctx.report(start, end, message.format(found=word, expected=suggestion), edit_fix)

    return check, Fixable.SOMETIMES


def existence(entry: dict, folder: str, applicability: Applicability, checked: bool = False):
    """Phrases that should not appear; reported, never fixed. A token starting with '^' only matches at the
    start of a block's text, one ending with '$' only at its end."""
    tokens = entry.get("tokens")
    if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) and t.strip() for t in tokens):
        raise ValueError("an existence rule needs 'tokens', a list of non-empty strings")
    ignore_case = entry.get("ignore_case", True)
    flags = patterns.IGNORECASE if ignore_case else 0
    anchored = [t.strip()[1:] for t in tokens if t.strip().startswith("^")]
    free = [t.strip() for t in tokens if not t.strip().startswith("^")]
    needed = needles(anchored + free, ignore_case)  # the patterns run only in blocks holding these literals
    try:
        at_start = _alternation(anchored, flags, checked)
        anywhere = _alternation(free, flags, checked)
    except patterns.engine().error as error:
        raise ValueError(f"bad pattern in 'tokens': {error}") from None
    scope = _scope(entry)
    message = entry["message"]

    def check(ctx: RuleContext):
        doc = ctx.doc
        starting, inside, blocks = at_start, anywhere, None
        if needed is not None:  # only the tokens that may match, only where they may: a smaller pattern to compile
            possible = needed.possible(doc)
            if not possible:
                return
            blocks = needed.blocks_holding(doc, doc.blocks_of(scope), possible)
            starting = _alternation([anchored[i] for i in possible if i < len(anchored)], flags, True)
            inside = _alternation([free[i - len(anchored)] for i in possible if i >= len(anchored)], flags, True)
        prose = doc.prose
        for block in doc.blocks_of(scope) if blocks is None else blocks:
            found = []
            if starting is not None:
                m = starting.match(prose, block.content_start, block.content_end)
                found += [m] if m else []
            if inside is not None:
                found += list(inside.finditer(prose, block.content_start, block.content_end))
            for m in found:
                yield ctx.report(m.start(), m.end(), message.format(found=m.group()))

    return check, Fixable.NEVER


def _alternation(tokens: list[str], flags: int, checked: bool):
    """The tokens' pattern; compiled now unless the pack is `checked` already: a bad token must fail when the
    pack loads."""
    if not tokens:
        return None
    pattern = patterns.compile(r"(?<!\w)(?:" + "|".join(f"(?:{t})" for t in tokens) + r")(?!\w)", flags)
    if not checked:
        pattern.compiled  # compiled now
    return pattern


KINDS = {"substitution": substitution, "existence": existence}
