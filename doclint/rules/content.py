"""DL6xx: signals of generated or scraped content — hollow FAQs, off-topic splices, repeated text, readability."""
from __future__ import annotations

import bisect
import math
from collections import Counter
from functools import cached_property
from itertools import chain, compress, filterfalse, repeat

from ..document import PROSE_KINDS, WORD, Block, Document, is_mark
from ..model import Applicability, Edit, Fixable, Severity
from ..prose import document_sentence_starts
from ..registry import RuleContext, fix, rule
from .. import patterns
from .structure import _line_break_before

FAQ_HEADING = patterns.compile(r"(?i)\b(?:frequently asked questions|faqs?)\b", linear=True)
YEAR = patterns.compile(r"(?<![\d.])(1[5-9]\d\d|20\d\d)(?![\d.])", linear=True)
STOPWORDS = frozenset(
    "the a an and or but of to in on at by for from with as that this these those is are was were be been being it "
    "its their his her our your my we you they he she i not no so if then than such can could would should will may "
    "might must do does did have has had which who whom whose what when where why how all any each both more most "
    "other some into about over after before under between through during without within also there here".split()
)
LONG_SENTENCE = 40  # words per sentence below which a Flesch-Kincaid grade above 30 is out of reach
BAIT = patterns.compile(r"(?i)\b(?:what are your thoughts|what do you think|let us know|share your)\b", linear=True)


def _is_question(doc: Document, block: Block) -> bool:
    return doc.content(block).rstrip(" *_\"'”’").endswith("?")


@rule("DL603", "hollow-faq", "A 'Frequently Asked Questions' section has no question-and-answer pairs",
      tags=("generated", "structure"))
def hollow_faq(ctx: RuleContext):
    """## What it does
    Reports a section headed *Frequently Asked Questions* (or *FAQ*) in which no question is followed by an
    answer: questions that run into other questions or headings, or prompts aimed at the reader. A heading that
    ends in `?` or `!` (`FAQ: why not use webhooks?`) is a question or a remark, not an FAQ section.

    ## Why is this bad?
    Generators emit FAQ headings and question lines without answers; the section promises what it does not give.

    ## Example
    ```
    Frequently Asked Questions
    What are your thoughts on this alliance?
    How did the policy change relations with China?
    The Lee Presidency
    ```

    Use instead: answer each question under it, or remove the section.
    """
    doc = ctx.doc
    flow = [b for b in doc.blocks if b.kind not in ("toc-header", "toc-entry", "toc-item", "table-cell", "title")]
    for i, block in enumerate(flow):
        if block.kind != "heading":
            continue
        heading = doc.content(block)
        if not FAQ_HEADING.search(heading) or heading.rstrip().endswith(("?", "!")):
            continue  # 'FAQ: why not X?' is itself a question, 'My FAQ isn't answered here!' no FAQ section
        region = []
        for later in flow[i + 1:]:
            if later.kind == "heading" and not _is_question(doc, later) and (
                    not block.level or not later.level or later.level <= block.level):
                break
            region.append(later)
        pairs = sum(1 for question, answer in zip(region, region[1:])
                    if _is_question(doc, question) and answer.kind in PROSE_KINDS | {"paragraph"}
                    and not _is_question(doc, answer) and not BAIT.search(doc.content(answer)))
        if pairs == 0:
            questions = sum(1 for b in region if _is_question(doc, b))
            yield ctx.report(block.content_start, block.content_end,
                             f"FAQ section '{doc.content(block)}' has no question followed by an answer "
                             f"({questions} question{'s' * (questions != 1)}, 0 answers)")


def _content_words(text: str) -> list[str]:
    words = WORD.findall(text)
    content = _content_forms(words)
    return [content[w] for w in words if content[w]]


def _content_forms(words) -> dict[str, str]:
    """Each word lowercased if it is a content word (not a stopword, not shorter than three letters unless an
    acronym such as 'AI'), else ''."""
    words = list(words)
    return {w: low if (len(w) > 2 or len(w) == 2 and w.isupper()) and low not in STOPWORDS else ""
            for w, low in zip(words, map(str.lower, words))}


def _content_words_of(doc: Document, forms) -> dict[str, str]:
    """_content_forms of these forms and of the others asked for before: each worked out once per document."""
    content = doc.analysis.setdefault("content_words", {})
    content.update(_content_forms([form for form in forms if form not in content]))
    return content


class _Section:
    """A section's text; its words, vocabulary and names are worked out only when asked for."""

    def __init__(self, doc: Document, heading: Block | None, blocks: list[Block]):
        self.doc, self.heading, self.blocks = doc, heading, blocks
        self.spans = ([heading] if heading else []) + blocks

    @cached_property
    def forms(self) -> Counter:
        """Its words, counted by form, each block scanned alone."""
        return Counter(chain.from_iterable(self.doc.words_in(b.content_start, b.content_end) for b in self.spans))

    @cached_property
    def text(self) -> str:
        return " ".join(self.doc.prose[b.content_start:b.content_end] for b in self.spans)

    @cached_property
    def words(self) -> Counter:
        """Content words, lowercased."""
        words: dict[str, int] = {}  # a dict's get, not a Counter's __missing__, for each new word
        add = words.get
        content = _content_words_of(self.doc, self.forms)
        for form, n in self.forms.items():
            low = content[form]
            if low:
                words[low] = add(low, 0) + n
        return Counter(words)

    def names(self, starts: list[int]) -> Counter:
        """Capitalised words of the section's blocks (not its heading) that open no sentence (`starts`, sorted)."""
        doc = self.doc
        if any(_cuts_a_word(doc, at) for b in self.spans for at in (b.content_start, b.content_end)):
            start_set = set(starts)  # a block cuts a word of the prose: its own words, in their order
            return Counter(m.group() for b in self.blocks
                           for m in WORD.finditer(doc.prose, b.content_start, b.content_end)
                           if m.group()[:1].isupper() and m.start() not in start_set)
        names = Counter({w: n for w, n in self.forms.items() if w[:1].isupper()})
        if self.heading is not None:
            for w in doc.words_in(self.heading.content_start, self.heading.content_end):
                if w in names:
                    names[w] -= 1
        for block in self.blocks:
            for at in starts[bisect.bisect_left(starts, block.content_start):
                             bisect.bisect_left(starts, block.content_end)]:
                word = doc.word_at(at)
                if word is not None and word[:1].isupper():
                    names[word] -= 1
        return +names

    @cached_property
    def years(self) -> list[int]:
        return [int(y) for y in YEAR.findall(self.text)] if "1" in self.text or "2" in self.text else []


@rule("DL604", "off-topic-section", "From a section on, the article is about something else",
      severity=Severity.INFO, tags=("generated",))
def off_topic_section(ctx: RuleContext):
    """## What it does
    Finds the point where an article turns into another article: from a section on, the words of the title
    that the opening used are gone, new names recur that the opening never used, and the text speaks of
    other years (or shares almost no vocabulary with the opening). Reported once, at the first heading of the
    drift, with the evidence.

    ## Why is this bad?
    Scrapers and generators splice unrelated text into articles; a reader who came for the title's subject
    finds something else.

    ## Example
    An article titled *South Korea Announces AI Collaboration with OpenAI* whose second half is about the
    2008–2013 Lee Myung-bak presidency.
    """
    doc = ctx.doc
    if doc.title is None:
        return
    title_text = doc.prose[doc.title.content_start:doc.title.content_end]
    title = list(dict.fromkeys(_content_words(title_text)))
    if not _title_used_enough(doc.prose, title):
        return
    sections = [_Section(doc, h, blocks) for h, blocks in doc.sections()]
    title_counts, sizes = _title_counts_and_sizes(doc, title, sections)
    spelled = {w.lower(): w for w in reversed(WORD.findall(title_text))}
    words = names = None  # each section's words and names, summed before and after a heading, once needed
    for k, gone in _title_gone(title, title_counts, sections, sizes):
        if names is None:
            starts = sorted({p for _, block_starts in document_sentence_starts(doc) for p in block_starts})
            names = _Split([section.names(starts) for section in sections])
        names_before, names_after = names.at(k)
        new_names = [w for w, n in names_after.most_common() if n >= 2 and names_before[w] == 0]
        if len(new_names) < 3:
            continue
        years_before = [y for s in sections[:k] for y in s.years]
        years_after = [y for s in sections[k:] for y in s.years]
        other_years = bool(years_before and years_after) and (
            max(years_after) + 5 <= min(years_before) or min(years_after) >= max(years_before) + 5)
        if not other_years:
            words = words or _Split([s.words for s in sections])
            if _cosine(*words.at(k)) >= 0.05:
                continue
        heading = sections[k].heading
        evidence = (f"the title's {', '.join(repr(spelled.get(w, w)) for w in gone)} no longer appear, new names recur "
                    f"({', '.join(new_names[:5])})")
        if other_years:
            evidence += f", and it speaks of {_period(years_after)} where the text before spoke of {_period(years_before)}"
        yield ctx.report(heading.content_start, heading.content_end,
                         f"The article drifts off topic from here: {evidence}")
        return


def _cuts_a_word(doc: Document, at: int) -> bool:
    """Doc.splits_a_word, looked at only where the characters either side could both be a word's."""
    pair = doc.prose[at - 1:at + 1] if at else ""
    return len(pair) == 2 and all(ch.isalpha() or ch in "'’-" or is_mark(ch) for ch in pair) and doc.splits_a_word(at)


def _title_counts_and_sizes(doc: Document, title: list[str],
                            sections: list[_Section]) -> tuple[list[Counter], list[int]]:
    """How often each section uses each of the title's words, as a content word ('AI' counts for 'ai', 'Ai' not),
    and how many content words it has: read off the tokens of its text, whose words are those of its blocks
    scanned alone. A token that a block's end cut, which the prose holds neither whole nor as a word, is scanned
    here, once."""
    content, titled = _token_tallies(doc, title)
    wanted, whole, forms, cut = set(title), doc.token_counts, doc.word_counts, set()
    counts, sizes = [], []
    for section in sections:
        tokens = list(chain.from_iterable(doc.tokens_in(b.content_start, b.content_end) for b in section.spans))
        for token in filterfalse(forms.__contains__, filterfalse(whole.__contains__, tokens)):
            if token not in cut:
                cut.add(token)
                words = _content_words(token)
                content[token], titled[token] = len(words), [w for w in words if w in wanted]
        sizes.append(sum(map(content.get, tokens, repeat(1))))
        counts.append(Counter(chain.from_iterable(map(titled.get, compress(tokens, map(titled.__contains__, tokens))))))
    return counts, sizes


def _token_tallies(doc: Document, title: list[str]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """For each token of the prose, how many content words it holds (if absent: one, for it is then one word and
    a content word) and which of the title's words (if absent: none). Only the tokens holding a stopword, a short word or
    a title word are looked at one by one."""
    forms = list(doc.word_counts)
    lowered = list(map(str.lower, forms))
    minor = set(compress(forms, map(STOPWORDS.__contains__, lowered)))  # the forms that are no content words
    minor.update(w for w in compress(forms, map((3).__gt__, map(len, forms))) if len(w) < 2 or not w.isupper())
    in_title = {form for form, word in _content_forms(compress(forms, map(set(title).__contains__, lowered))).items()
                if word}  # the forms whose content word is one of the title's
    odd = doc.odd_tokens  # the tokens not all letters, with their words
    content = dict.fromkeys(minor, 0)
    content.update(zip(odd, map(len, odd.values())))
    content.update((token, sum(w not in minor for w in odd[token])) for token in doc.odd_tokens_holding(minor))
    titled = {form: [form.lower()] for form in in_title}
    titled.update((token, [w.lower() for w in odd[token] if w in in_title]) for token in doc.odd_tokens_holding(in_title))
    return content, titled


def _title_gone(title: list[str], counts: list[Counter], sections: list[_Section], sizes: list[int]):
    """(k, the title's words gone) for each heading k with 100 content words before it and 150 (and a fifth of
    all) from it on, before which three of the title's words were used twice and after which two of them, half of
    those, never come back."""
    before, after = dict.fromkeys(title, 0), {w: sum(c[w] for c in counts) for w in title}
    total = sum(sizes)
    size_before, size_after = 0, total
    for k in range(1, len(sections)):  # one section's counts move across per step, not the whole vocabulary
        for w, n in counts[k - 1].items():  # the title's words
            before[w] += n
            after[w] -= n
        size_before, size_after = size_before + sizes[k - 1], size_after - sizes[k - 1]
        if size_before < 100 or size_after < 150 or size_after < 0.2 * total or sections[k].heading is None:
            continue
        used = [w for w in title if before[w] >= 2]
        gone = [w for w in used if after[w] == 0]
        if len(used) >= 3 and len(gone) >= 2 and len(gone) >= 0.5 * len(used):
            yield k, gone


class _Split:
    """The sum of the parts before k and of the parts from k on, for k rising: one part moves across per step."""

    def __init__(self, parts: list[Counter]):
        self.parts, self.k = parts, 0
        self.before, self.after = Counter(), Counter()
        for part in parts:
            self.after.update(part)

    def at(self, k: int) -> tuple[Counter, Counter]:
        while self.k < k:
            self.before.update(self.parts[self.k])
            self.after.subtract(self.parts[self.k])
            self.k += 1
        return self.before, self.after


def _title_used_enough(prose: str, title: list[str]) -> bool:
    """Whether three of the title's words can occur twice in the text, as a drift needs: an ASCII word cannot
    be a word of the text more often than the lowercased text holds it (other words are given the benefit)."""
    if len(title) < 3:
        return False
    lowered = prose.lower()
    return sum(1 for w in title if not w.isascii() or lowered.count(w) >= 2) >= 3


def _period(years: list[int]) -> str:
    return str(min(years)) if min(years) == max(years) else f"{min(years)}–{max(years)}"


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(n * b[w] for w, n in a.items())
    norm = math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values()))
    return dot / norm if norm else 1.0


@rule("DL605", "repeated-paragraph", "A paragraph repeats an earlier one word for word",
      fixable=Fixable.ALWAYS, severity=Severity.INFO, tags=("generated",))
def repeated_paragraph(ctx: RuleContext):
    """## What it does
    Reports a paragraph or callout of twelve words or more that repeats an earlier one of the same article
    (ignoring case and spacing), with the line of the first occurrence, as information: documents built from
    templates repeat boilerplate on purpose.

    ## Why is this bad?
    Repeated text is a scraping or generation artefact; readers notice it at once.

    ## Fix safety
    The fix deletes the repetition. It is unsafe: the repetition may be deliberate (a refrain, a summary).
    """
    doc = ctx.doc
    seen: dict[str, Block] = {}
    for block in doc.blocks_of(frozenset({"paragraph", "callout"})):
        if block.content_end - block.content_start < 23:
            continue  # too short for twelve words
        words = doc.content(block).split()
        if len(words) < 12:
            continue
        key = " ".join(words).casefold()
        first = seen.setdefault(key, block)
        if first is block:
            continue
        line = doc.index.position(first.start)[0]
        yield ctx.report(block.content_start, block.content_end, f"This repeats line {line} word for word",
                         fix("Delete the repetition", Edit(_line_break_before(doc.text, block.start), block.end, ""),
                             applicability=Applicability.UNSAFE))


@rule("DL606", "hard-to-read-paragraph", "A paragraph's readability is far outside the expected range",
      severity=Severity.INFO, tags=("readability",))
def hard_to_read_paragraph(ctx: RuleContext):
    """## What it does
    Scores each paragraph of 40 words or more with the Flesch-Kincaid grade (textstat) and reports those above
    `max-grade` (default 30: a reader would need thirty years of school) or below `min-grade` (default off).
    Run-on text whose sentence ends were lost scores far outside any normal range.

    Options: `min-words`, `min-grade`, `max-grade`.

    ## Why is this bad?
    Paragraphs nobody can read are usually damaged: lost full stops, concatenated lists, keyword stuffing.
    """
    from ..readability import grade

    options = ctx.options
    min_words = int(options.get("min-words", 40))
    high = float(options.get("max-grade", 30))
    low = options.get("min-grade")
    doc = ctx.doc
    for block in doc.blocks_of(frozenset({"paragraph", "list-item", "callout"})):
        if block.content_end - block.content_start < 2 * min_words - 1:
            continue  # too short for min_words words: each is a character, and a space parts two
        text = doc.prose[block.content_start:block.content_end].replace("\x00", " ")
        words = len(text.split())
        if words < min_words:
            continue
        sentences = max(1, text.count(".") + text.count("!") + text.count("?"))
        if low is None and words / sentences < LONG_SENTENCE:
            continue  # cannot reach max-grade: textstat is not even loaded
        score = grade(text)
        if score > high or (low is not None and score < float(low)):
            yield ctx.report(block.content_start, block.content_end,
                             f"Paragraph reads at grade {score:.0f} (Flesch-Kincaid), outside "
                             f"{'' if low is None else f'{low}–'}{high:g}; lost sentence ends?")
