"""DL2xx: capitalisation — sentence starts, and names whose casing the article itself establishes."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..document import PROSE_KINDS, TEXT_KINDS, Document, WORD
from ..model import Applicability, Edit, Fixable
from ..prose import document_sentence_starts, english_words, is_common_word
from ..registry import RuleContext, fix, rule
from .. import patterns

LOWER_WORD = patterns.compile(r"\p{Ll}[\p{Ll}'’-]*(?=[ \t,;]+\S)")
# Words that very often open an English sentence; a lowercase one at a sentence start is a lost capital.
STARTERS = frozenset(
    "a about after all also although an and another any are as at because before both but by despite during each "
    "even every for from further given having he her here however if in instead it its many meanwhile more moreover "
    "most much my no nor not now of on once one only or other our over several she since so some still such that the "
    "their then there these they this those though thus to today under unlike until we what when whereas which while "
    "who why with within without yet you your".split()
)
POSSESSIVE = ("'s", "’s")


@rule("DL201", "lowercase-sentence-start", "A sentence starts with a lowercase letter",
      fixable=Fixable.ALWAYS, tags=("casing",))
def lowercase_sentence_start(ctx: RuleContext):
    """## What it does
    Reports a sentence of a paragraph or list item that starts with a lowercase word, as in
    `... in 2011. this landmark agreement ...`.

    Only words that are certainly ordinary English are reported: words that commonly open sentences, and words
    the article itself capitalises at other sentence starts. Code identifiers (`kubectl`, `npm`), words with
    inner capitals (`iPhone`) and words followed by `.`, `(`, `:` or `_` are left alone, as is the word after an
    abbreviation (`e.g.`, `approx.`) or after `!`/`?` closed by a quote (dialogue: `"Stop!" he said`).
    List items may open in lowercase (`- only when enabled`); only their later sentences are checked.

    ## Why is this bad?
    A lowercase sentence start is a lost capital, typical of generated or hand-merged text.

    ## Example
    ```
    The treaty was ratified in 2011. this landmark agreement aimed to cut tariffs.
    ```

    Use instead: `... in 2011. This landmark agreement aimed to cut tariffs.`
    """
    doc, prose = ctx.doc, ctx.doc.prose
    capitalised_starts = None
    for block, starts in document_sentence_starts(doc):
        if block.kind == "table-cell":
            continue
        for pos in starts[1:] if block.kind == "list-item" else starts:  # list items may open in lowercase
            m = LOWER_WORD.match(prose, pos, block.content_end)
            if m is None:
                continue
            word = m.group()
            if word not in STARTERS:
                if capitalised_starts is None:
                    capitalised_starts = _capitalised_at_starts(doc)
                if word not in capitalised_starts:
                    continue
            yield ctx.report(pos, m.end(), f"Sentence starts with a lowercase word: '{word}'",
                             fix("Capitalise the first letter", Edit(pos, pos + 1, word[0].upper())))


def _capitalised_at_starts(doc: Document) -> set[str]:
    words = set()
    for block, starts in document_sentence_starts(doc):
        for pos in starts:
            m = WORD.match(doc.prose, pos, block.content_end)
            if m and m.group()[:1].isupper() and m.group()[1:].islower():
                words.add(m.group().lower())
    return words


def _stem(word: str) -> str:
    return word[:-2] if word.endswith(POSSESSIVE) else word


@rule("DL202", "inconsistent-name-casing", "A name is written in lowercase where the article capitalises it",
      fixable=Fixable.ALWAYS, tags=("casing",))
def inconsistent_name_casing(ctx: RuleContext):
    """## What it does
    Learns from the article how it writes its names and reports the odd one out: `openai` where the article
    writes `OpenAI`, `seoul’s` beside `Seoul`, `South korea` beside `South Korea`, and a lowercase word inside a
    name the article writes capitalised (`north Korea` beside `North Korea`, `data Center` beside `Data Center`).

    A word the article writes in lowercase more than twice is taken as deliberately lowercase. A common English
    word (`march`, `bill`) is reported alone only when the article capitalises it mid-sentence at least ten
    times and ten times as often as it writes it in lowercase; capitals in headings and at sentence starts are
    not taken as evidence, and a name is only learned from a phrase capitalised mid-sentence.

    ## Why is this bad?
    Inconsistent casing of a name looks careless and breaks search and entity extraction.

    ## Example
    ```
    OpenAI and Samsung signed the agreement. Later, openai said ...
    ```

    Use instead: `Later, OpenAI said ...`

    ## Fix safety
    Safe when the article writes the name capitalised at least twice; unsafe on a single occurrence.
    """
    doc, prose = ctx.doc, ctx.doc.prose
    words = set(WORD.findall(prose))
    capital_keys = {_stem(w).lower() for w in words if not w.islower() and not w.isupper()}
    candidates = {w for w in (_stem(w) for w in words if w.islower()) if w in capital_keys and w not in STARTERS}
    if not candidates:
        return
    forms = {w for w in words if _stem(w).lower() in candidates}
    occurrences = [(m.start(), _stem(m.group())) for m in WORD.finditer(prose) if m.group() in forms]
    starts = {pos for _, block_starts in document_sentence_starts(doc) for pos in block_starts}
    capitalised: dict[str, Counter] = defaultdict(Counter)
    capitalised_any: Counter = Counter()
    lower: Counter = Counter()
    for start, word in occurrences:
        key = word.lower()
        block = doc.text_block_at(start)
        if block is None:
            continue
        if word == key:
            lower[key] += 1
        elif block.kind in PROSE_KINDS and not word.isupper():
            capitalised_any[key] += 1
            if start not in starts:
                capitalised[key][word] += 1
    for start, word in occurrences:
        end = start + len(word)
        if not word.islower() or _code_like(prose, start, end):
            continue
        phrase = _capitalised_phrase(doc, start, end, starts)
        if phrase is not None:
            right = phrase.split(" ", 1)[0]
            yield ctx.report(start, end, f"'{prose[start:end + 1 + len(phrase) - len(right) - 1]}' is written "
                             f"'{phrase}' elsewhere in the article", fix(f"Write '{right}'", Edit(start, end, right)))
            continue
        forms = capitalised.get(word)
        if not forms:
            continue
        right, mid = forms.most_common(1)[0]
        total, low = capitalised_any[word], lower[word]
        if low > 2 or 2 * low > total:
            continue
        if is_common_word(word):  # 'march', 'bill', 'pod': only overwhelming evidence
            if mid < 10 or mid < 10 * low:
                continue
            safe = True
        else:
            if total < 2 and word in english_words():
                continue
            safe = total >= 2
        yield ctx.report(start, end, f"'{word}' is written '{right}' elsewhere in the article ({total}×)",
                         fix(f"Write '{right}'", Edit(start, end, right),
                             applicability=Applicability.SAFE if safe else Applicability.UNSAFE))


def _capitalised_phrase(doc: Document, start: int, end: int, starts: set[int]) -> str | None:
    """'North Korea' when the lowercase word at start..end is followed by ' Korea' and the article's prose
    writes 'North Korea' (not merely because a sentence starts there)."""
    prose = doc.prose
    if prose[end:end + 1] != " " or not prose[end + 1:end + 2].isupper():
        return None
    following = WORD.match(prose, end + 1)
    if following is None or following.group().isupper() or prose[start:end] in STARTERS:
        return None
    word = prose[start:end]
    phrase = f"{word[0].upper()}{word[1:]} {_stem(following.group())}"
    for at in _find_all(prose, phrase):
        if _is_evidence(doc, at, starts):
            return phrase
    return None


def _find_all(text: str, needle: str):
    at = text.find(needle)
    while at >= 0:
        if (at == 0 or not text[at - 1].isalpha()) and not text[at + len(needle):at + len(needle) + 1].isalpha():
            yield at
        at = text.find(needle, at + 1)


def _is_evidence(doc: Document, offset: int, starts: set[int]) -> bool:
    """A capitalised phrase mid-sentence in prose: not at a sentence start, not after a colon, bracket, quote or
    dash, and not the tail of a longer capitalised name."""
    block = doc.text_block_at(offset)
    if block is None or block.kind not in PROSE_KINDS or offset in starts or offset == block.content_start:
        return False
    before = doc.prose[max(block.content_start, offset - 2):offset]
    if not before.endswith(" ") or before[:1] in ":;([{\"'“‘-–—\x00":
        return False
    previous = max(doc.prose.rfind(" ", block.content_start, offset - 1), block.content_start - 1)
    word_before = doc.prose[previous + 1:offset - 1]
    return not (word_before[:1].isupper() and word_before[-1:].isalpha())


def _code_like(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    return before in "./_-\\@#$" or after in "/_(\\@=" or (after == "." and end + 1 < len(prose)
                                                                 and prose[end + 1].isalnum())
