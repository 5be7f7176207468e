"""Literal text that every match of a simple pattern holds: a plain substring test that tells where a slow
pattern cannot match, so that it runs only where it may."""
from __future__ import annotations

import bisect

GROUP_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")
ZERO_WIDTH_ESCAPES = frozenset("bBwWdDsSAZ")  # escapes of a letter that take no argument
QUANTIFIERS = frozenset("?*+{")
# Every character beyond ASCII whose case folding holds ASCII letters (ß, ſ, the Kelvin sign, ligatures...).
FOLDS_TO_ASCII = ("\xdf\u0130\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a"
                  "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")


def required_literals(token: str) -> list[str] | None:
    """The runs of ASCII literal characters outside groups that every match of `token` (a pattern in `regex`
    syntax) holds. None when the token has none, or uses syntax this reading does not follow: sets, escapes
    such as \\x41 or \\p{L}, inline flags, alternation outside a group."""
    runs, run, depth, i = [], "", 0, 0
    extends_run = False  # the last element read is the run's last character
    while i < len(token):
        c, literal = token[i], None
        if c == "\\":
            escaped = token[i + 1:i + 2]
            if not escaped or escaped.isalnum() and escaped not in ZERO_WIDTH_ESCAPES:
                return None
            literal = None if escaped.isalnum() else escaped
            i += 2
        elif c in QUANTIFIERS:
            if c == "{":
                close = token.find("}", i)
                if close < 0 or not token[i + 1:close].replace(",", "").isdigit():
                    return None
                i = close
            if extends_run:
                run = run[:-1]  # the quantified character may be absent (or repeated)
            runs.append(run)
            run, extends_run = "", False
            i += 2 if token[i + 1:i + 2] in ("?", "+") else 1  # a lazy or possessive quantifier
            continue
        elif c == "(":
            if token.startswith("(?", i) and not token.startswith(GROUP_OPENERS, i):
                return None
            depth += 1
            i += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
            i += 1
        elif c == "[" or c == "|" and depth == 0:
            return None
        else:
            literal = None if c in ".^$|" else c
            i += 1
        if literal is not None and depth == 0 and literal.isascii():
            run += literal
            extends_run = True
        else:
            runs.append(run)
            run, extends_run = "", False
    runs = [r for r in runs + [run] if r]
    return sorted(set(runs), key=lambda r: (-len(r), r)) or None


class Needles:
    """For each token of an alternation, in order, the literals that all its matches hold (case-folded when the
    match ignores case); `screen`, the fewest first literals of which every match holds one."""

    def __init__(self, tokens: tuple[tuple[str, ...], ...], folded: bool):
        self.tokens, self.folded = tokens, folded
        firsts = {literals[0] for literals in tokens}
        self.screen = tuple(sorted(f for f in firsts if not any(o != f and o in f for o in firsts)))
        self._screen_bytes = tuple(f.encode() for f in self.screen)
        self._tokens_bytes = tuple(tuple(lit.encode() for lit in literals) for literals in tokens)

    def possible(self, doc) -> list[int]:
        """The indices of the tokens whose literals all stand somewhere in the document's prose. The others
        cannot match in it: an alternation of only these finds the same matches."""
        searched = _searchable(doc) if self.folded else doc.prose
        as_bytes = isinstance(searched, bytes)
        if not any(f in searched for f in (self._screen_bytes if as_bytes else self.screen)):
            return []
        return [i for i, literals in enumerate(self._tokens_bytes if as_bytes else self.tokens)
                if all(lit in searched for lit in literals)]

    def blocks_holding(self, doc, blocks: list, possible: list[int]) -> list:
        """The blocks whose prose holds all the literals of one of the `possible` tokens: the alternation can
        match nowhere else. Case folding is per character (ſ to s, ß to ss), as the `regex` module's full
        case-insensitive matching is, so a folded match holds the folded literals."""
        possible = list(dict.fromkeys(self.tokens[i] for i in possible))
        prose = doc.prose
        text = prose
        if self.folded:
            searched = _searchable(doc)  # bytes: no character of the prose folds to ASCII letters, and lower()
            text = searched if isinstance(searched, str) else prose.lower()  # keeps every offset
        if len(text) != len(prose):  # some character folds to several: offsets differ, fold each block alone
            return [b for b in blocks if any(all(lit in prose[b.content_start:b.content_end].casefold()
                                                 for lit in literals) for literals in possible)]
        ordered = sorted(blocks, key=lambda b: b.content_start)
        starts = [b.content_start for b in ordered]
        chosen = set()
        for first, *others in possible:
            at = text.find(first)
            while at >= 0:
                block = ordered[bisect.bisect_right(starts, at) - 1] if ordered and at >= starts[0] else None
                if block is not None and at + len(first) <= block.content_end and all(
                        text.find(lit, block.content_start, block.content_end) >= 0 for lit in others):
                    chosen.add(id(block))
                at = text.find(first, at + 1)
        return [b for b in blocks if id(b) in chosen]


def needles(tokens: list[str], ignore_case: bool) -> Needles | None:
    """The Needles of an alternation of `tokens`; None when some token has no required literal."""
    found = []
    for token in tokens:
        literals = required_literals(token)
        if literals is None:
            return None
        found.append(tuple(lit.casefold() if ignore_case else lit for lit in literals))
    return Needles(tuple(found), ignore_case)


def _searchable(doc) -> str | bytes:
    """The prose, case-folded as far as ASCII literals can tell, computed once per document. Folding a text
    with non-ASCII characters is slow, so where no character folds to ASCII ones (the common case), it is
    UTF-8 with ASCII letters lowered: non-ASCII characters never encode to ASCII bytes."""
    searchable = doc.analysis.get("literal_searchable_prose")
    if searchable is None:
        prose = doc.prose
        if prose.isascii():
            searchable = prose.lower()
        elif any(c in prose for c in FOLDS_TO_ASCII):
            searchable = prose.casefold()
        else:
            searchable = prose.encode("utf-8", "surrogatepass").lower()
        doc.analysis["literal_searchable_prose"] = searchable
    return searchable
