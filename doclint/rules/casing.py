"""DL2xx: capitalisation — sentence starts, and names whose casing the article itself establishes."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..document import PROSE_KINDS, TEXT_KINDS, Document, WORD
from ..model import Applicability, Edit, Fixable
from ..prose import english_words, is_common_word, sentence_starts
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
    for block in doc.blocks_of(PROSE_KINDS - {"table-cell"}):
        for pos in sentence_starts(prose, block.content_start, block.content_end):
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
    for block in doc.blocks_of(PROSE_KINDS):
        for pos in sentence_starts(doc.prose, block.content_start, block.content_end):
            m = WORD.match(doc.prose, pos, block.content_end)
            if m and m.group()[:1].isupper() and m.group()[1:].islower():
                words.add(m.group().lower())
    return words


class _Casing:
    """How the article writes each word: capitalised mid-sentence in prose, lowercase anywhere."""

    def __init__(self, doc: Document):
        self.capitalised: dict[str, Counter] = defaultdict(Counter)  # key -> form -> mid-sentence count
        self.capitalised_any: Counter = Counter()  # key -> capitalised count anywhere in prose
        self.lower: Counter = Counter()
        self.phrases: set[str] = set()  # "North Korea": two capitalised words in a row, anywhere
        prose = doc.prose
        for block in doc.blocks_of(TEXT_KINDS):
            starts = set(sentence_starts(prose, block.content_start, block.content_end))
            in_prose = block.kind in PROSE_KINDS
            previous = None
            for m in WORD.finditer(prose, block.content_start, block.content_end):
                word = _stem(m.group())
                key = word.lower()
                if word == key:
                    self.lower[key] += 1
                elif in_prose and not word.isupper():
                    self.capitalised_any[key] += 1
                    if m.start() not in starts:
                        self.capitalised[key][word] += 1
                if in_prose and previous is not None and previous[0].isupper() and word[:1].isupper() \
                        and previous.lower() not in STARTERS and prose[previous_end:m.start()] == " ":
                    self.phrases.add(f"{previous} {word}")
                previous, previous_end = word, m.end()


def _stem(word: str) -> str:
    return word[:-2] if word.endswith(POSSESSIVE) else word


@rule("DL202", "inconsistent-name-casing", "A name is written in lowercase where the article capitalises it",
      fixable=Fixable.ALWAYS, tags=("casing",))
def inconsistent_name_casing(ctx: RuleContext):
    """## What it does
    Learns from the article how it writes its names and reports the odd one out: `openai` where the article
    writes `OpenAI`, `seoul’s` beside `Seoul`, `South korea` beside `South Korea`, and a lowercase word inside a
    name the article writes capitalised (`north Korea` beside `North Korea`, `data Center` beside `Data Center`).

    A common English word (`north`, `data`, `may`) is reported only inside such a name, never alone; capitals
    in headings and at sentence starts are not taken as evidence.

    ## Why is this bad?
    Inconsistent casing of a name looks careless and breaks search and entity extraction.

    ## Example
    ```
    OpenAI and Samsung signed the agreement. Later, openai said ...
    ```

    Use instead: `Later, OpenAI said ...`

    ## Fix safety
    Safe when the article writes the name capitalised at least twice and lowercase at most half as often;
    otherwise unsafe.
    """
    doc, prose = ctx.doc, ctx.doc.prose
    casing = None
    for block in doc.blocks_of(TEXT_KINDS):
        words = list(WORD.finditer(prose, block.content_start, block.content_end))
        for i, m in enumerate(words):
            word = _stem(m.group())
            if not word.islower() or _code_like(prose, m.start(), m.end()):
                continue
            if casing is None:
                casing = _Casing(doc)
            key = word
            following = words[i + 1] if i + 1 < len(words) else None
            phrase = None
            if following is not None and following.group()[:1].isupper() and prose[m.end():following.start()] == " ":
                candidate = f"{word[0].upper()}{word[1:]} {_stem(following.group())}"
                if candidate in casing.phrases:
                    phrase = candidate
            if phrase is not None:
                right = phrase.split(" ", 1)[0]
                yield ctx.report(m.start(), m.start() + len(word),
                                 f"'{word} {_stem(following.group())}' is written '{phrase}' elsewhere in the article",
                                 fix(f"Write '{right}'", Edit(m.start(), m.start() + len(word), right)))
                continue
            forms = casing.capitalised.get(key)
            if not forms:
                continue
            right, mid = forms.most_common(1)[0]
            total, lower = casing.capitalised_any[key], casing.lower[key]
            if is_common_word(key):  # 'march', 'bill': only overwhelming evidence
                if mid < 5 or mid < 8 * lower:
                    continue
                safe = mid >= 10
            else:
                if 2 * lower > total or (total < 2 and key in english_words()):
                    continue
                safe = total >= 2 and total >= 2 * lower
            yield ctx.report(m.start(), m.start() + len(word),
                             f"'{word}' is written '{right}' elsewhere in the article ({total}×)",
                             fix(f"Write '{right}'", Edit(m.start(), m.start() + len(word), right),
                                 applicability=Applicability.SAFE if safe else Applicability.UNSAFE))


def _code_like(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    return before in "./_-\\@#$" or after in "/_(\\@=" or (after == "." and end + 1 < len(prose)
                                                                 and prose[end + 1].isalnum())
