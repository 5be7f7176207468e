"""DL2xx: capitalisation — sentence starts, and names whose casing the article itself establishes."""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from itertools import filterfalse
from operator import methodcaller

from ..document import PROSE_KINDS, Document, WORD
from ..model import Applicability, Edit, Fixable
from ..parse_text import heading_shaped
from ..prose import (archaic_english, document_sentence_starts, is_abbreviation, is_common_word,
                     is_dictionary_word, is_proper_name, word_frequencies)
from ..registry import Option, RuleContext, fix, rule
from .. import patterns

LOWER_WORD = patterns.compile(r"\p{Ll}[\p{Ll}'’-]*(?=[ \t,;]+\S)", linear=True)
# Words that very often open an English sentence; a lowercase one at a sentence start is a lost capital.
STARTERS = frozenset(
    "a about after all also although an and another any are as at because before both but by despite during each "
    "even every for from further given having he her here however if in instead it its many meanwhile more moreover "
    "most much my no nor not now of on once one only or other our over several she since so some still such that the "
    "their then there these they this those though thus to today under unlike until we what when whereas which while "
    "who why with within without yet you your".split()
)
POSSESSIVE = ("'s", "’s")
ORDINARY = 2000  # occurrences in the English word list from which a word is ordinary, never a name alone
KNOWN = 500  # occurrences from which a word is known English: many capitals needed to call it a name


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
    previous_blocks = _previous_blocks(doc)
    for block, starts in document_sentence_starts(doc):
        if block.kind == "table-cell":
            continue
        for pos in starts[1:] if block.kind == "list-item" else starts:  # list items may open in lowercase
            first = prose[pos:pos + 1]
            if first.isascii() and not first.islower():  # LOWER_WORD starts with \p{Ll}: 'a' to 'z' in ASCII
                continue
            m = LOWER_WORD.match(prose, pos, block.content_end)
            if m is None or prose[pos - 1:pos] in "([{\x00":  # parenthesis, emphasis, link text, code
                continue
            if pos == starts[0] and not _follows_a_finished_block(doc, previous_blocks.get(id(block))):
                continue
            if pos != starts[0] and not _after_full_stop(prose, pos):
                continue
            word = m.group()
            if word not in STARTERS:
                if not is_common_word(word):
                    continue  # 'kubelet', 'npm': names that are written in lowercase
                if capitalised_starts is None:
                    capitalised_starts = _capitalised_at_starts(doc)
                if word not in capitalised_starts:
                    continue
            yield ctx.report(pos, m.end(), f"Sentence starts with a lowercase word: '{word}'",
                             fix("Capitalise the first letter", Edit(pos, pos + 1, word[0].upper())))


def _previous_blocks(doc: Document) -> dict[int, object]:
    flow = [b for b in doc.blocks if b.kind not in ("table-cell", "toc-entry")]
    return {id(b): flow[i - 1] if i else None for i, b in enumerate(flow)}


def _follows_a_finished_block(doc: Document, previous) -> bool:
    """A paragraph opens a sentence after a heading or a finished paragraph, not after a colon, a list, a table
    or code, where it may continue the sentence."""
    if previous is None or previous.kind in ("title", "heading", "toc-header"):
        return True
    if previous.kind not in ("paragraph", "callout"):
        return False
    return doc.content(previous).rstrip("\"'”’)]* ").endswith((".", "!", "?"))


def _after_full_stop(prose: str, pos: int) -> bool:
    """After '.', not after '!' or '?' (exclamations and dialogue run on in lowercase) nor after '1.' or '2.'."""
    j = pos - 1
    while j > 0 and prose[j] in " \t\"'”’)]":
        j -= 1
    if prose[j] != ".":
        return False
    k = j
    while k > 0 and prose[k - 1].isdigit():
        k -= 1
    enumeration = 0 < j - k <= 2 and not (k > 0 and prose[k - 1].isalnum())  # '1.', '2.' but not 'v1.'
    return not enumeration


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


def _lowercase_forms(counts: Counter, stem: str) -> list[str]:
    """The article's lowercase forms of a stem ('seoul', 'seoul’s'): looked up, not found among all its words."""
    return [f for f in (stem, stem + "'s", stem + "’s") if f in counts and f.islower() and _stem(f) == stem]


def _stems(forms) -> dict[str, str]:
    """{form: _stem(form)} of many forms: each is its own stem but the few possessives, found at C speed."""
    forms = list(forms)
    stems = dict(zip(forms, forms))
    stems.update((w, w[:-2]) for w in filter(methodcaller("endswith", POSSESSIVE), forms))
    return stems


KNOWN_NAMES = Option("known-names", "strings", (), "names and their casing, e.g. [\"OpenAI\", \"iPhone\", \"kubectl\"]; "
                     "any other casing of them is reported, whatever the article does")


@rule("DL202", "inconsistent-name-casing", "A name is written in lowercase where the article capitalises it",
      fixable=Fixable.ALWAYS, tags=("casing",), options=(KNOWN_NAMES,))
def inconsistent_name_casing(ctx: RuleContext):
    """## What it does
    Learns from the article how it writes its names and reports the odd one out: `openai` where the article
    writes `OpenAI`, `seoul’s` beside `Seoul`, `South korea` beside `South Korea`, and a lowercase word inside a
    name the article writes capitalised (`north Korea` beside `North Korea`, `data Center` beside `Data Center`).

    Only capitals in the middle of a sentence of prose count as evidence: after a word or a comma, not in
    headings or lines in title case, not at sentence or line starts, not after a colon, dash, bracket or comment
    marker (`// Deprecated`), not in runs of capitalised words (`for Conformance Tests`). A common English word
    (`north`, `data`, `march`) is reported only inside a two-word name the article writes capitalised
    mid-sentence at least as often as it writes the lowercase pair, and only if the article does not otherwise
    write it in lowercase (`Konnectivity agent` beside `the agent` is no slip). A name in a run of capitals
    mid-sentence is evidence when neither it nor the other words of the run are dictionary words, titles aside
    (`Santo Domingo`, `honor President Kennedy`; not `for Conformance Tests`, `the Cluster Autoscaler`). A
    dictionary word (`deployments`) alone needs two capitals mid-sentence and a single lowercase slip; a
    common one (`lee`) ten capitals, three of them mid-sentence. A word the article writes in lowercase more than twice, or uses as an identifier
    (in code, paths, `snake_case`), is taken as deliberately lowercase. Texts in Early Modern English capitalise
    nouns at will (`Vertue`, `Thrones`): there only names the dictionary knows as names (`Abraham`) are
    checked.

    ## Why is this bad?
    Inconsistent casing of a name looks careless and breaks search and entity extraction.

    ## Example
    ```
    OpenAI and Samsung signed the agreement. Later, openai said ...
    ```

    Use instead: `Later, OpenAI said ...`

    ## Fix safety
    Safe for two-word names and for names the article capitalises at least twice; unsafe when a single
    capitalised occurrence is the only evidence. Safe for configured `known-names`.

    ## Options
    `known-names`: names with their one right casing (`["OpenAI", "iPhone", "kubectl", "South Korea"]`). Any
    other casing of them in the article's text is reported, even at a sentence start; the article's own evidence
    is not consulted for them.
    """
    doc, prose = ctx.doc, ctx.doc.prose
    known = {" ".join(n.split()).lower(): " ".join(n.split()) for n in ctx.options.get("known-names", ()) if n.strip()}
    configured = list(_known_name_casing(ctx, known)) if known else []
    yield from configured
    # Early Modern English capitalises at will ('Vertue', 'Enter Macbeth'): there only names the dictionary knows
    # ('Abraham') are checked, and alone.
    archaic = archaic_english(doc)
    counts = doc.word_counts
    capitals: dict[str, int] = {}  # lowercased stem -> capitalised occurrences: at least what the evidence counts
    capital_forms: dict[str, str] = {}  # capitalised form -> lowercased stem
    for w, key in _stems(filterfalse(str.isupper, filterfalse(str.islower, counts))).items():
        capital_forms[w] = key = key.lower()
        capitals[key] = capitals.get(key, 0) + counts[w]
    candidates = {w for w in capitals if w not in STARTERS and w not in known and _lowercase_forms(counts, w)
                  and (not archaic or is_proper_name(w))}
    if not candidates:
        return
    alone = {w for w in candidates if _may_be_named_alone(w, capitals[w])}
    in_phrase = set() if archaic else _beside_capitals(doc, candidates)
    if not alone and not in_phrase:
        return
    forms = {f for w in alone | in_phrase for f in _lowercase_forms(counts, w)} \
        | {w for w, key in capital_forms.items() if key in alone}
    starts = _NonEvidenceStarts(doc)
    capitalised: dict[str, Counter] = defaultdict(Counter)  # mid-sentence forms, outside runs of capitals
    anywhere: Counter = Counter()  # capitalised anywhere in prose
    lowercase: list[tuple[int, str]] = []
    in_text: dict[str, list[int]] = defaultdict(list)  # word named elsewhere -> its lowercase occurrences
    for start, form in doc.word_offsets(forms):
        word = _stem(form)
        if form.islower():
            lowercase.append((start, word))
            continue
        block = doc.text_block_at(start)
        if block is not None and _writes_prose(doc, block) and not word.isupper() and not word[:-1].isupper():
            anywhere[word.lower()] += 1
            origin = _run_start(prose, start)
            if start not in starts and mid_sentence(prose, origin, block.content_start) \
                    and _named_in_run(prose, origin, start, start + len(word)):
                capitalised[word.lower()][word] += 1
    lows: dict[str, int] = {}
    identifiers = set()  # words written like code somewhere in the text ('npm install', 'pod/'), never names
    for start, word in lowercase:
        if word in capitalised:
            in_text[word].append(start)
        if word not in identifiers and _code_like(prose, start, start + len(word)) \
                and doc.text_block_at(start) is not None:
            identifiers.add(word)
    for start, word in lowercase:
        if word not in in_phrase and word not in capitalised or word in identifiers \
                or configured and any(d.start <= start < d.end for d in configured):
            continue
        end = start + len(word)
        phrase = _capitalised_phrase(doc, start, end, starts) \
            if word in in_phrase and _beside_a_capital(prose, start, end) else None
        if phrase is not None:
            found, right = phrase
            yield ctx.report(start, end, f"'{found}' is written '{right}' elsewhere in the article",
                             fix(f"Write '{right}'", Edit(start, end, _title(word))))
            continue
        named = capitalised.get(word)
        if not named:
            continue
        block = doc.text_block_at(start)
        if block is None or block.kind not in PROSE_KINDS:
            continue
        if word not in lows:  # lowercase occurrences in the text
            lows[word] = sum(1 for at in in_text[word] if doc.text_block_at(at) is not None)
        low = lows[word]
        if _in_code(doc, word, low):
            continue
        right, mid = named.most_common(1)[0][0], sum(named.values())
        total = anywhere[word]
        frequency = word_frequencies().get(word, 0)
        if low > 2 or frequency >= ORDINARY or 2 * low > total:
            continue  # lowercase on purpose, or an ordinary English word
        if frequency >= KNOWN and (mid < 3 or total < 10 or low > 1):
            continue  # 'lee': a common word needs ten capitals, three mid-sentence, and a single slip
        if (low > 1 or mid < 2) and is_dictionary_word(word):
            continue  # 'deployments' beside one 'Deployments': a dictionary word needs two capitals, one slip
        yield ctx.report(start, end, f"'{word}' is written '{right}' elsewhere in the article ({total}×)",
                         fix(f"Write '{right}'", Edit(start, end, right),
                             applicability=Applicability.SAFE if total >= 2 else Applicability.UNSAFE))


def _may_be_named_alone(word: str, capitals: int) -> bool:
    """What the word list and the count of capitals alone allow: an ordinary English word is never a name alone,
    a known one needs ten capitals, a dictionary word two."""
    frequency = word_frequencies().get(word, 0)
    if frequency >= ORDINARY or frequency >= KNOWN and capitals < 10:
        return False
    return capitals >= 2 or not is_dictionary_word(word)


CAPITALISED_RUN = patterns.compile(r"\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*)+", linear=True)
JOINERS = patterns.compile(r"['’-]", linear=True)


def _beside_capitals(doc: Document, candidates: set[str]) -> set[str]:
    """The candidates whose capitalised form stands beside another capitalised word somewhere in the prose: only
    they can be part of a two-word name ('North Korea')."""
    runs = " ".join(CAPITALISED_RUN.findall(doc.prose))
    paired = set(runs.split(" ")) | set(JOINERS.sub(" ", runs).split(" "))
    return {w for w in candidates if _title(w) in paired}


def _known_name_casing(ctx: RuleContext, known: dict[str, str]):
    """Every casing of a configured name but its own, in the article's text (not in code or identifiers)."""
    alternatives = "|".join(patterns.escape(n).replace(r"\ ", r"\s+") for n in sorted(known.values(), key=len,
                                                                                          reverse=True))
    pattern = patterns.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", patterns.IGNORECASE)
    prose = ctx.doc.prose
    for m in pattern.finditer(prose):
        found = m.group()
        right = known[" ".join(found.split()).lower()]
        if " ".join(found.split()) == right or ctx.doc.text_block_at(m.start()) is None \
                or _code_like(prose, m.start(), m.end()):
            continue
        yield ctx.report(m.start(), m.end(), f"'{found}' is written '{right}' (configured name)",
                         fix(f"Write '{right}'", Edit(m.start(), m.end(), right)))


def _title(word: str) -> str:
    return word[0].upper() + word[1:]


class _NonEvidenceStarts:
    """Where a capital proves nothing: sentence starts, and line starts past opening quotes and brackets (verse
    capitalises every line). Asked of a few offsets, so never listed whole."""

    LINE_OPENERS = " \t\x00\"'“‘(["

    def __init__(self, doc: Document):
        self.doc, self.line_starts = doc, doc.index.starts
        self._sentences: set[int] | None = None

    def __contains__(self, pos: int) -> bool:
        if self._sentences is None:
            self._sentences = {p for _, block_starts in document_sentence_starts(self.doc) for p in block_starts}
        if pos in self._sentences:
            return True
        prose = self.doc.prose
        if pos < len(prose) and prose[pos] in self.LINE_OPENERS:
            return False
        line_start = self.line_starts[bisect.bisect_right(self.line_starts, pos) - 1]
        while pos > line_start and prose[pos - 1] in self.LINE_OPENERS:
            pos -= 1
        return pos == line_start


def _in_code(doc: Document, word: str, prose_count: int) -> bool:
    """The word also occurs in lowercase outside the prose (code, link targets, front matter): an identifier."""
    counts = doc.analysis.setdefault("text_word_counts", {})
    if word not in counts:
        counts[word] = sum(1 for _ in _find_all(doc.text, word))
    return counts[word] > prose_count


def _capitalised_phrase(doc: Document, start: int, end: int, starts: _NonEvidenceStarts) -> tuple[str, str] | None:
    """('north Korea', 'North Korea') when the lowercase word at start..end stands beside a capitalised word and
    the article's prose writes the pair capitalised mid-sentence, as a name of its own."""
    prose = doc.prose
    word = prose[start:end]
    candidates = []
    if prose[end:end + 1] == " " and prose[end + 1:end + 2].isupper():
        following = WORD.match(prose, end + 1)
        if following is not None and following.group()[1:].islower():  # 'north Korea', not 'pod CIDRs'
            name = _stem(following.group())
            candidates.append((f"{word} {name}", f"{_title(word)} {name}"))
    if start >= 2 and prose[start - 1] == " " and prose[start - 2].isalpha():
        left = start - 1
        while left > 0 and (prose[left - 1].isalpha() or prose[left - 1] in "-’'"):
            left -= 1
        name = prose[left:start - 1]
        if name[:1].isupper() and not name.isupper() and name.lower() not in STARTERS and left not in starts \
                and not _lowercase_elsewhere(doc, word, name) and _capitalised_without(doc, _title(word), name, starts):
            candidates.append((f"{name} {word}", f"{name} {_title(word)}"))
    if not candidates:
        return None
    evidence = doc.analysis.setdefault("phrase_evidence", {})
    for found, phrase in candidates:
        if phrase not in evidence:
            evidence[phrase] = sum(_is_evidence(doc, at, len(phrase), starts) for at in _find_all(prose, phrase))
        if evidence[phrase] and _count_all(doc, found) <= evidence[phrase]:
            return found, phrase  # and the article does not usually write it in lowercase
    return None


def _beside_a_capital(prose: str, start: int, end: int) -> bool:
    """What _capitalised_phrase needs to find a phrase, tested cheaply: a capital after the word and a space, or
    a space before the word and a capital in the token before that (where the name it reads would start)."""
    if prose[end:end + 1] == " " and prose[end + 1:end + 2].isupper():
        return True
    return prose[start - 1:start] == " " and not prose[prose.rfind(" ", 0, start - 1) + 1:start - 1].islower()


def _lowercase_elsewhere(doc: Document, word: str, name: str) -> bool:
    """'agent' in lowercase not after 'Konnectivity': an ordinary word of this article, so 'Konnectivity agent' is
    no slip for 'Konnectivity Agent' (unlike 'South korea' in an article that never writes 'korea')."""
    return doc.word_counts.get(word, 0) > _count_all(doc, f"{name} {word}")


def _in_capitalised_run(prose: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands in a run of them ('Pod Specification', 'Not Propagate'), which proves
    nothing of it."""
    return _run_start(prose, start) != start or (prose[end:end + 1] == " " and prose[end + 1:end + 2].isupper())


# Titles that mark the capitalised word after them as a name ('President Kennedy', 'General Eisenhower').
HONORIFICS = frozenset("president general governor senator secretary king queen prince princess lord lady sir dame "
                       "doctor professor captain colonel major admiral judge justice chairman chancellor minister "
                       "emperor pope saint bishop father mother brother sister uncle aunt cousin".split())


def _named_in_run(prose: str, origin: int, start: int, end: int) -> bool:
    """Whether a capital in this run of capitals proves a name: the word stands alone, or it is no dictionary
    word and the words of the run before it and next to it are titles or no dictionary words ('Santo Domingo',
    'President Kennedy'; not 'Conformance Tests', 'Cluster Autoscaler', 'Load Balancer')."""
    following = prose[end + 1:end + 2].isupper() and prose[end:end + 1] == " "
    if origin == start and not following:
        return True
    if is_dictionary_word(prose[start:end]):
        return False
    words = prose[origin:start].split()
    if following:
        words.append(WORD.match(prose, end + 1).group() if WORD.match(prose, end + 1) else "")
    return all(w.lower() in HONORIFICS or not is_dictionary_word(w) for w in words if w)


def _run_start(prose: str, start: int) -> int:
    """Where the run of capitalised words that ends with the word at start begins ('Lee' in 'were Lee Jae-yong'
    is its own start; in 'President Lee' the run starts at 'President')."""
    while start > 1 and prose[start - 1] == " " and prose[start - 2].isalpha():
        left = start - 1
        while left > 0 and (prose[left - 1].isalnum() or prose[left - 1] in "-’'"):
            left -= 1
        if not prose[left].isupper():
            break
        start = left
    return start


def mid_sentence(prose: str, start: int, block_start: int) -> bool:
    """After a word, a comma or an abbreviation and a space ('signed with OpenAI', 'Japan, Lee', 'Mr. Jefferson'):
    not after a colon, a dash, a bracket, a quote or a comment marker ('// Deprecated'), where a capital may
    open a clause or a label."""
    if start - 2 < block_start or prose[start - 1] != " ":
        return False
    before = prose[start - 2]
    return before.isalnum() or before == "," or before == "." and is_abbreviation(prose, start - 2)


def _count_all(doc: Document, needle: str) -> int:
    """Occurrences of needle in the prose as a word (counted once per document)."""
    counts = doc.analysis.setdefault("prose_phrase_counts", {})
    if needle not in counts:
        counts[needle] = sum(1 for _ in _find_all(doc.prose, needle))
    return counts[needle]


def _capitalised_without(doc: Document, word: str, before: str, starts: _NonEvidenceStarts) -> bool:
    """'Korean' capitalised mid-sentence somewhere not after 'South': a name of its own, not merely part of
    'Konnectivity Agent'. Worked out once per document for each pair."""
    known = doc.analysis.setdefault("capitalised_without", {})
    if (word, before) not in known:
        known[word, before] = _first_capitalised_without(doc, word, before, starts)
    return known[word, before]


def _first_capitalised_without(doc: Document, word: str, before: str, starts: _NonEvidenceStarts) -> bool:
    prose = doc.prose
    for at in _find_all(prose, word):
        if at not in starts and prose[max(0, at - len(before) - 1):at] != f"{before} ":
            block = doc.text_block_at(at)
            if block is not None and _writes_prose(doc, block):
                return True
    return False


def _writes_prose(doc: Document, block) -> bool:
    """Capitals in this block are evidence: prose or a table cell, not a line in title case (an unlisted
    heading, a label) whose capitals prove nothing."""
    if block.kind == "table-cell":
        return True
    if block.kind not in PROSE_KINDS:
        return False
    shaped = doc.analysis.setdefault("heading_shaped", {})  # once per block: a one-line text is one long block
    if id(block) not in shaped:
        shaped[id(block)] = heading_shaped(doc.content(block))
    return not shaped[id(block)]


def _find_all(text: str, needle: str):
    at = text.find(needle)
    while at >= 0:
        if (at == 0 or not text[at - 1].isalpha()) and not text[at + len(needle):at + len(needle) + 1].isalpha():
            yield at
        at = text.find(needle, at + 1)


def _is_evidence(doc: Document, offset: int, length: int, starts: _NonEvidenceStarts) -> bool:
    """A capitalised phrase mid-sentence in prose: not at a sentence or line start, not after a colon, bracket,
    quote or dash, and not part of a longer capitalised name."""
    block = doc.text_block_at(offset)
    if block is None or not _writes_prose(doc, block) or offset in starts or offset == block.content_start:
        return False
    return mid_sentence(doc.prose, offset, block.content_start) \
        and not _in_capitalised_run(doc.prose, offset, offset + length)


def _code_like(prose: str, start: int, end: int) -> bool:
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    return before in "./_-\\@#${[<(:" or after in "/_(\\@=}]>:" or (after == "." and end + 1 < len(prose)
                                                                 and prose[end + 1].isalnum())
