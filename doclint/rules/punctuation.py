"""DL3xx: punctuation and spacing inside sentences."""
from __future__ import annotations

from ..document import TEXT_KINDS
from ..model import Edit, Fixable
from ..prose import is_abbreviation, is_common_word
from .casing import STARTERS
from ..registry import RuleContext, fix, rule
from .. import patterns

COMMA_WITHOUT_SPACE = patterns.compile(r"(?<=\p{L}\p{Ll}),(?=\p{L}\p{Ll})", linear=True)
STOP_BEFORE_CAPITAL = patterns.compile(r"(?<=\p{Ll}\p{Ll}|\d{4}|\))[.!?](?=\p{Lu})", linear=True)
STOP_WITHOUT_SPACE = patterns.compile(r"(?<=\p{Ll}\p{Ll}|\d{4}|\))[.!?](?=(\p{Lu}\p{Ll}+)(?![\p{L}\d_(\[.@/\\-]))",
                                      linear=True)  # backtracks only over the word after one stop
CODE_CHARS = frozenset("=/_\\{}[]<>|@#$%^&*~`:;\x00")


class _Tokens:
    """Judges the whitespace-delimited token around an offset. Offsets come in increasing order, so each token
    is scanned and judged once however many matches fall inside it (a line of thousands of commas is one token)."""

    def __init__(self, prose: str, judge):
        self.prose, self.judge = prose, judge
        self.start = self.end = -1
        self.verdict = False

    def __call__(self, at: int) -> bool:
        if not self.start <= at < self.end:
            prose, start, end = self.prose, at, at
            while start > 0 and not prose[start - 1].isspace():
                start -= 1
            while end < len(prose) and not prose[end].isspace():
                end += 1
            self.start, self.end = start, max(end, at + 1)
            self.verdict = self.judge(prose[start:end])
        return self.verdict


def _looks_like_code(token: str) -> bool:
    return any(ch in CODE_CHARS for ch in token)


@rule("DL301", "missing-space-after-comma", "A comma between two words has no space after it",
      fixable=Fixable.ALWAYS, tags=("spacing", "punctuation"))
def missing_space_after_comma(ctx: RuleContext):
    """## What it does
    Reports a comma directly followed by a word, as in `Samsung Group,and`.

    Numbers (`900,000`), single letters (`x,y`), URLs, code and tokens that look like code
    (`--flag=a,b`, `key:a,b`) are left alone.

    ## Why is this bad?
    Lost spaces are a classic scraping and OCR defect; they make words run together and break search.

    ## Example
    ```
    Lee Jae-yong,Chairman of Samsung Group,and Choi Tae-won
    ```

    Use instead:
    ```
    Lee Jae-yong, Chairman of Samsung Group, and Choi Tae-won
    ```
    """
    prose = ctx.doc.prose
    not_prose = _Tokens(prose, lambda token: _looks_like_code(token) or token.count(",") > 2
                        or "." in token.strip(".,;:!?\"'”’)"))
    for block in ctx.doc.blocks_of(TEXT_KINDS):
        if "," not in prose[block.content_start:block.content_end]:
            continue
        for m in COMMA_WITHOUT_SPACE.finditer(prose, block.content_start, block.content_end):
            if not_prose(m.start()):
                continue
            yield ctx.report(m.start(), m.end(), "Missing space after comma",
                             fix("Insert a space after the comma", Edit(m.end(), m.end(), " ")))


SENTENCE_OPENERS = STARTERS | frozenset(
    "additionally afterwards accordingly again around because besides consequently currently finally first "
    "firstly furthermore hence here importantly initially later likewise nevertheless next nonetheless notably "
    "otherwise overall previously recently second secondly similarly specifically subsequently third thereafter "
    "therefore typically ultimately".split()
)


def _two_sentences(left: str, following: str) -> bool:
    """`economies.The` rather than `framework.Status` or `time.Time`: the word after the stop is one that opens
    sentences (or an -ing/-ly word), and the word before it is an ordinary lowercase word or a year."""
    word = following.lower()
    if left.isdigit() or not left:
        return word in SENTENCE_OPENERS
    if not left.islower() or left == word:
        return False
    if word in SENTENCE_OPENERS:
        return True
    return word.endswith(("ing", "ly")) and len(word) > 5 and is_common_word(word, 3) and is_common_word(left, 3)


@rule("DL302", "missing-space-after-sentence", "A sentence ends and the next begins with no space between",
      fixable=Fixable.ALWAYS, tags=("spacing", "punctuation"))
def missing_space_after_sentence(ctx: RuleContext):
    """## What it does
    Reports a full stop, question mark or exclamation mark directly followed by a capitalised word, as in
    `economies.The`.

    Abbreviations and initials (`U.S.`, `e.g.`, `J.R.R.`), domains and file names (`example.com`,
    `index.html`), numbers and versions (`3.5`, `v1.2.3`), and code-like tokens (`pod.Spec.Containers`,
    `obj.Method()`, `ObjectMeta`) are left alone.

    ## Why is this bad?
    Two sentences glued together read as one word; it is a common defect of scraped and concatenated text.

    ## Example
    ```
    growth in both economies.The agreement, however, ...
    ```

    Use instead: `growth in both economies. The agreement, however, ...`
    """
    prose = ctx.doc.prose
    not_prose = _Tokens(prose, lambda token: _looks_like_code(token) or token.count(".") > 1)
    for candidate in STOP_BEFORE_CAPITAL.finditer(prose):  # rare: test each in its block
        block = ctx.doc.text_block_at(candidate.start())
        if block is None or block.kind == "toc-entry":
            continue
        m = STOP_WITHOUT_SPACE.match(prose, candidate.start(), block.content_end)
        if m is None or not_prose(m.start()) or is_abbreviation(prose, m.start()):
            continue
        dot, following = m.start(), m.group(1)
        left_start = dot
        while left_start > block.content_start and prose[left_start - 1].isalpha():
            left_start -= 1
        if not _two_sentences(prose[left_start:dot], following):
            continue
        yield ctx.report(dot, dot + 1, "Missing space after the end of a sentence",
                         fix("Insert a space after the full stop", Edit(dot + 1, dot + 1, " ")))


NOT_POSSESSIVE = frozenset(("DoS", "DDoS"))  # denial of service
LOST_APOSTROPHE = patterns.compile(r"(?<![\p{L}\p{M}'’])(\p{Lu}[\p{L}\p{M}'’-]*\p{Ll})S(?![\p{L}\p{M}\d'’])",
                                   linear=True)  # backtracks only within one word


@rule("DL303", "lost-apostrophe", "A possessive lost its apostrophe (`Myung-bakS` for `Myung-bak’s`)",
      fixable=Fixable.ALWAYS, tags=("punctuation",))
def lost_apostrophe(ctx: RuleContext):
    """## What it does
    Reports a name followed by a capital `S` where the apostrophe of a possessive was lost, as in
    `Myung-bakS prioritization`, when the article also writes the name without the `S` (`DoS`, denial of
    service, is no possessive). The fix uses the
    article's own apostrophe style (`’` or `'`, whichever it uses more).

    ## Why is this bad?
    Scrapers and converters drop typographic apostrophes and leave a glued, capitalised `S`.

    ## Example
    ```
    Lee Myung-bak was elected in 2007. Myung-bakS prioritization of the alliance ...
    ```

    Use instead: `Myung-bak’s prioritization of the alliance ...`
    """
    doc = ctx.doc
    prose = doc.prose
    forms = {w for w in doc.word_counts if "S" in w and _lowercase_then_s(w)}
    if not forms:
        return  # a match holds a lowercase letter and an S, which are one word of the word scan
    apostrophe = "’" if prose.count("’") >= prose.count("'") else "'"
    holding = {id(doc.text_block_at(at + len(form) - 1)) for at, form in doc.word_offsets(forms)}
    for block in doc.blocks_of(TEXT_KINDS):
        if id(block) not in holding:
            continue
        for m in LOST_APOSTROPHE.finditer(prose, block.content_start, block.content_end):
            stem = m.group(1)
            if doc.word_counts.get(stem, 0) == 0 or m.group() in NOT_POSSESSIVE:
                continue
            at = m.end() - 1
            yield ctx.report(m.start(), m.end(), f"'{m.group()}' looks like '{stem}{apostrophe}s' without its apostrophe",
                             fix(f"Write '{stem}{apostrophe}s'", Edit(at, at + 1, f"{apostrophe}s")))


def _lowercase_then_s(word: str) -> bool:
    at = word.find("S", 1)
    while at > 0:
        if word[at - 1].islower():
            return True
        at = word.find("S", at + 1)
    return False
