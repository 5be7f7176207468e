"""Fast paths give exactly what the plain formulation they replace gives."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from doclint import patterns
from doclint.document import _QUOTES, MASK, normalize_heading
from doclint.parse_markdown import _Offsets
from doclint.prose import _masked, build_prose
from doclint.slugs import _GITHUB_DROP, github
from doclint.source import line_starts

TEXT = st.text(st.sampled_from(list("ab .:’“-\t\n\r\u00a0\u2028\u3000\x85\x1c") + ["é", "\U0001f600"]), max_size=20)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalize_heading(text):
    plain = patterns.compile(r"\s+").sub(" ", text.translate(_QUOTES)).strip().casefold().rstrip(" .:")
    assert normalize_heading(text) == plain


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_masked_gap_keeps_line_breaks_only(gap):
    assert _masked(gap) == patterns.compile(r"[^\r\n]").sub(MASK, gap)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_byte_offsets_map_to_character_offsets(text):
    offsets = _Offsets(text)
    every = [len(text[:i].encode("utf-8", "surrogatepass")) for i in range(len(text) + 1)]
    assert offsets.chars([-1] + every) == [-1] + list(range(len(text) + 1))


def test_slugs_keep_every_letter_and_digit_python_knows():
    every_alnum = "".join(ch for ch in map(chr, range(0x110000)) if ch.isalnum())
    assert _GITHUB_DROP.search(every_alnum) is None


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_github_slug(text):
    assert github(text) == _GITHUB_DROP.sub("", text.strip().lower()).replace(" ", "-")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_line_starts(text):
    assert line_starts(text) == [0] + [m.end() for m in patterns.compile(r"\r\n|\r|\n").finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=6))
def test_prose_view_masks_outside_the_spans(text, pairs):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in pairs]  # start <= end <= len(text)
    inside = {i for start, end in spans for i in range(start, min(end, len(text)))}
    expected = "".join(ch if i in inside or ch in "\r\n" else MASK for i, ch in enumerate(text))
    assert build_prose(text, spans) == expected


def test_mojibake_clues_cover_every_badness_match():
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    from doclint.rules.encoding import _clues

    clues = _clues()
    assert clues is not None
    assert not any(ch.isascii() for ch in clues)  # DL001 tests them against the text's non-ASCII characters only
    pieces = sorted(set("".join(MOJIBAKE_CATEGORIES.values()) + "ÂÃÎÐŒœ°×ØÙàµ√≈‚вВГРСβΒΓΞΟā€ŸŠ®a Z.\n"))
    without = "".join(ch for ch in pieces if ch not in clues)
    for a in without:  # any pair or triple of non-clue characters is never mojibake to ftfy
        for b in without:
            assert not BADNESS_RE.search(a + b + "a"), (a, b)
            assert not BADNESS_RE.search(" " + a + b), (a, b)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("ÂÃ ©®“”‘’–—…éÉ€£°•aZ.\u00a0\x81") + ["Ã©", "â€™", "Ð²"]), max_size=12))
def test_mojibake_clues_precede_ftfy(pieces):
    text = "".join(pieces)
    from ftfy.badness import is_bad

    from doclint.rules.encoding import _clues

    assert not is_bad(text) or not _clues().isdisjoint(text)


def test_common_words_by_frequency_class():
    from doclint.prose import is_common_word, word_frequencies

    classes = {word: len(str(count)) - 1 for word, count in word_frequencies().items()}
    for word in list(classes)[::50] + ["zzzqx", "The"]:
        for min_class in range(-1, 7):
            assert is_common_word(word, min_class) == (classes.get(word.lower(), 0) >= min_class), (word, min_class)


def test_swap_table_finds_what_the_parsed_word_list_holds():
    from pathlib import Path

    from doclint.kinds import SwapTable, parse_swaps, swap_table
    from doclint.resources import packs_dir

    text = (Path(packs_dir()) / "misspellings-en.txt").read_text(encoding="utf-8") + "\nwich->which,\nnone->\n"
    swaps = parse_swaps(text, "codespell")
    table = SwapTable(swap_table(text, "codespell"), {"thier": ("there",), "new one": ("new",)})
    probes = list(swaps)[::7] + ["wich", "none", "thier", "new one", "", "zzzz", "a", "~"]
    for _ in range(2):  # by binary search, then (past DICT_AFTER lookups) through the dict
        for key in probes:
            expected = {"thier": ("there",), "new one": ("new",)}.get(key, swaps.get(key))
            assert (key in table) == (expected is not None), key
            assert (table[key] if expected is not None else None) == expected, key
    assert table.phrases == [k for k in swaps if " " in k] + ["new one"]


def test_lowercase_ascii_letters():  # DL201 skips an ASCII sentence start that is not lowercase before matching \p{Ll}
    ascii_text = "".join(map(chr, range(128)))
    assert patterns.compile(r"\p{Ll}").findall(ascii_text) == [ch for ch in ascii_text if ch.islower()]


def test_word_frequencies_hold_every_listed_count():
    from pathlib import Path

    from doclint.prose import word_frequencies
    from doclint.resources import packs_dir

    lines = (Path(packs_dir()) / "words-en.txt").read_text(encoding="utf-8").splitlines()
    counts = dict(line.split(" ") for line in lines if line and not line.startswith("#"))
    table = word_frequencies()
    assert len(table) == len(counts)
    for word, count in list(counts.items())[::97]:
        assert table.get(word) == int(count) and word in table
    assert table.get("zzzqx", 0) == 0 and "zzzqx" not in table


SENTENCES = st.text(st.sampled_from(list(".!?)]\"'”“ \t\nAaBbegx")), max_size=16)


@settings(max_examples=1000, deadline=None)
@given(SENTENCES, st.integers(0, 16), st.integers(0, 16))
def test_sentence_starts_from_the_whole_prose_scan(text, a, b):
    from doclint.prose import SENTENCE_BREAK, sentence_starts

    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    breaks = [m.span() for m in SENTENCE_BREAK.finditer(text)]
    assert sentence_starts(text, start, end, breaks) == sentence_starts(text, start, end)


def test_invisible_set_is_what_the_pattern_matches():
    from doclint.rules.encoding import INVISIBLE, INVISIBLE_SET

    matched = {ch for ch in map(chr, range(1, 0x30000)) if INVISIBLE.search("a" + ch)}
    assert matched == INVISIBLE_SET


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("aAbSsé-’ 1")), max_size=12))
def test_lost_apostrophes_lie_in_words_with_a_lowercase_letter_before_s(text):
    from doclint.document import WORD
    from doclint.rules.punctuation import LOST_APOSTROPHE, _lowercase_then_s

    if LOST_APOSTROPHE.search(text):
        assert any(_lowercase_then_s(w) for w in WORD.findall(text))


WORDY = st.text(st.sampled_from(list("ab ZQ'’‘-–—.:,(1\x00\t\n\r\u00a0\u2028\x1cé\u0301ßΣ“…") + ["\U00010400"]),
                max_size=30)


@settings(max_examples=500, deadline=None)
@given(WORDY | st.text(st.sampled_from(list("aZ'’- .")), max_size=12))  # the second: joined words
def test_token_words(text):
    from doclint.document import WORD, token_words

    assert [w for token in text.split() for w in token_words(token)] == WORD.findall(text)


@settings(max_examples=500, deadline=None)
@given(WORDY | st.text(st.sampled_from(list("aZ'’- .")), max_size=12))
def test_word_counts_from_token_counts(text):
    from collections import Counter

    from doclint.document import WORD, Document

    assert Document(text=text, kind="text", prose=text).word_counts == Counter(WORD.findall(text))


def test_whitespace_is_what_str_split_splits_at():
    from doclint.document import WHITESPACE

    assert WHITESPACE == "".join(ch for ch in map(chr, range(0x110000)) if ch.isspace() and ch != " ")


def test_a_token_of_letters_is_one_word():  # Document.odd_tokens leaves such tokens out
    from doclint.document import WORD

    letters = "".join(ch for ch in map(chr, range(0x110000)) if ch.isalpha())
    assert WORD.fullmatch(letters)


def test_no_whitespace_character_joins_a_word():
    joins = patterns.compile(r"[\p{L}\p{M}'’\-]")
    assert not [ch for ch in map(chr, range(0x110000)) if ch.isspace() and joins.match(ch)]


LINES = st.lists(st.sampled_from(list(" \t\r\n-*•–1234.)|aNnKT:?\u212aſ\u00a0") + ["note:", "Tip:"]),
                 max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(LINES)
def test_plain_text_lines_list_items_table_rows_and_callouts(text):
    from doclint import parse_text as pt
    from doclint.source import LineIndex

    index = LineIndex(text)
    lines = pt._line_spans(text, index.starts)
    assert lines == [index.line_span(i) for i in range(len(index))]
    items = {i: m.end() for i, (s, e) in enumerate(lines) if (m := pt.LIST_ITEM.match(text, s, e))}
    assert pt._list_items(text, lines, 0) == items
    table_row = patterns.compile(r"[ \t]*\|.*\|[ \t]*")
    assert pt._table_rows(text, lines, 0) == {i for i, (s, e) in enumerate(lines) if table_row.fullmatch(text, s, e)}
    for s, e in lines:
        assert pt._is_table_row(text[s:e].strip()) == bool(table_row.fullmatch(text[s:e].strip()))
    for s, e in lines:
        if text[s:e].strip():
            assert pt._is_callout(text, s, e) == bool(pt.CALLOUT.match(text[s:e].lstrip()))


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(0, 40), st.integers(0, 40))
def test_block_strips_spaces_and_tabs(text, a, b):
    from doclint.parse_text import _block

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    cs, ce = start, end
    while cs < end and text[cs] in " \t":
        cs += 1
    while ce > cs and text[ce - 1] in " \t":
        ce -= 1
    block = _block("paragraph", start, end, text)
    assert (block.content_start, block.content_end) == (cs, ce)


@settings(max_examples=500, deadline=None)
@given(LINES)
def test_toc_entry_text_is_the_lazy_match_stripped(text):
    from doclint.parse_text import TOC_ENTRY

    lazy = patterns.compile(TOC_ENTRY.source.replace(r"(?P<text>\S.*)", r"(?P<text>\S.*?)[ \t]*"))
    line = text.replace("\r", "").replace("\n", "")
    fast, slow = TOC_ENTRY.fullmatch(line), lazy.fullmatch(line)
    assert (fast is None) == (slow is None)
    if fast:
        assert fast.groups()[:3] == slow.groups()[:3] and fast.group("text").rstrip(" \t") == slow.group("text")


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("Ab cD1.,;:!?\t") + ["\u00a0", "É"]), max_size=40), st.booleans(), st.booleans())
def test_heading_shaped_cheap_tests_first(text, loose, exact):
    from doclint.parse_text import MAX_HEADING_WORDS, TERMINAL, heading_shaped

    words = text.split(maxsplit=2 * MAX_HEADING_WORDS + 1)
    if not words or len(words) > (2 * MAX_HEADING_WORDS if loose or exact else MAX_HEADING_WORDS):
        expected = False
    elif exact or loose:
        expected = exact or not text.endswith((".", ",", ";"))
    elif text[-1] in TERMINAL or not (text[0].isupper() or text[0].isdigit()):
        expected = False
    else:
        long_words = [w for w in words if len(w) > 3]
        capitalised = [w for w in long_words if w[0].isupper() or w[0].isdigit()]
        expected = len(words) >= 2 and len(capitalised) >= max(1, (len(long_words) * 2 + 2) // 3)
    assert heading_shaped(text, loose=loose, exact=exact) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab <>/`*_[]()&;#’") + ["code", "amp"]), max_size=20).map("".join))
def test_plain_heading_text(text):
    import html

    from doclint.toc import _MARKUP, plain

    assert plain(text) == normalize_heading(html.unescape(_MARKUP.sub("", text)))


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("IVXLCivx.M ")), max_size=8))
def test_roman_numeral_without_a_pattern(token):
    from doclint.prose import is_roman_numeral

    assert is_roman_numeral(token) == bool(patterns.compile(r"[IVXLC]{2,}").fullmatch(token))


@settings(max_examples=300, deadline=None)
@given(WORDY, st.integers(0, 30))
def test_a_text_shorter_than_two_characters_a_word_holds_fewer_words(text, words):  # DL606's first test
    if len(text) < 2 * words - 1:
        assert len(text.split()) < words


SCAN_FORMS = st.sets(st.sampled_from(["a", "b", "ab", "Ab", "ZQ", "b’a", "é\u0301", "ß", "a-b", "ab'"]), max_size=4)


@settings(max_examples=500, deadline=None)
@given(WORDY, SCAN_FORMS)
def test_word_offsets_of_chosen_forms(text, forms):
    from doclint.document import WORD, Document

    doc = Document(text=text, kind="text", prose=text)
    assert doc.word_offsets(forms) == [(m.start(), m.group()) for m in WORD.finditer(text) if m.group() in forms]


@settings(max_examples=500, deadline=None)
@given(WORDY, st.integers(0, 30), st.integers(0, 30))
def test_words_of_a_span_and_words_at_an_offset(text, a, b):
    from doclint.document import WORD, Document

    doc = Document(text=text, kind="text", prose=text)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert doc.words_in(start, end) == WORD.findall(text[start:end])
    spans = [m.span() for m in WORD.finditer(text)]
    assert doc.word_at(start) == next((text[s:e] for s, e in spans if s == start), None)
    assert doc.splits_a_word(start) == any(s < start < e for s, e in spans)


TITLED = st.lists(st.sampled_from(["AI", "ai", "Ai", "the", "The", "map", "Maps", "MAP", "an", "İmap", "x", "map's",
                                   "map-x", "é\u0301té", "ZQ", "ß", " ", " ", ".", ",", "\x00", "\n", "’", "-", "1"]),
                  max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(TITLED, st.lists(st.integers(0, 60), min_size=2, max_size=8), st.booleans(),
       st.lists(st.sampled_from(["ai", "map", "maps", "zq", "é\u0301té"]), max_size=3, unique=True))
def test_title_counts_and_sizes_from_the_tokens(text, cuts, headed, title):
    from collections import Counter

    from doclint.document import WORD, Block, Document
    from doclint.rules.content import STOPWORDS, _Section, _title_counts_and_sizes

    cuts = sorted(min(c, len(text)) for c in cuts)
    blocks = [Block("paragraph", s, e, s, e) for s, e in zip(cuts, cuts[1:])]
    parts = [(blocks[0], blocks[1:2]), (None, blocks[2:3]), (None, blocks[3:])] if headed else [(None, blocks)]
    doc = Document(text=text, kind="text", prose=text)
    counts, sizes = _title_counts_and_sizes(doc, title, [_Section(doc, h, b) for h, b in parts])
    plain_counts, plain_sizes = [], []
    for heading, body in parts:  # each block scanned alone; content words lowercased, not short, no stopwords
        words = [w for b in ([heading] if heading else []) + body
                 for w in WORD.findall(text, b.content_start, b.content_end)]
        content = [w.lower() for w in words
                   if (len(w) > 2 or len(w) == 2 and w.isupper()) and w.lower() not in STOPWORDS]
        plain_counts.append(Counter(w for w in content if w in title))
        plain_sizes.append(len(content))
    assert [+c for c in counts] == plain_counts and sizes == plain_sizes


@settings(max_examples=500, deadline=None)
@given(WORDY)
def test_a_word_is_cut_only_between_characters_a_word_may_hold(text):  # DL604 calls splits_a_word only there
    from doclint.document import Document
    from doclint.rules.content import _cuts_a_word

    doc = Document(text=text, kind="text", prose=text)
    offsets = range(len(text) + 1)
    assert [_cuts_a_word(doc, at) for at in offsets] == [doc.splits_a_word(at) for at in offsets]


def test_archaic_casings_are_every_word_that_lowercases_to_an_archaic_form():
    from doclint.prose import ARCHAIC_CASINGS, ARCHAIC_FORMS

    letters = set("".join(ARCHAIC_FORMS))
    lowering_into = {ch for ch in map(chr, range(0x110000)) if ch.lower() and set(ch.lower()) <= letters}
    assert lowering_into == letters | {ch.upper() for ch in letters}  # so a casing is made of these letters only
    assert {w.lower() for w in ARCHAIC_CASINGS} == ARCHAIC_FORMS
    assert len(ARCHAIC_CASINGS) == sum(2 ** len(form) for form in ARCHAIC_FORMS)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30) | st.text(st.sampled_from(list("a\x01\x7f\u200b\ufeffé\U0001f600\ud800\udfff")), max_size=12))
def test_non_ascii_characters_from_the_bytes(text):
    from doclint.document import Document
    from doclint.prose import non_ascii_characters

    assert non_ascii_characters(Document(text=text, kind="text")) == {ch for ch in text if not ch.isascii()}


@given(st.text(alphabet=st.sampled_from("&#;xX0123456789amplgtAcute \t\n\fé"), max_size=40))
def test_toc_text_is_unescaped_where_a_reference_may_be(text):  # plain() loads html only after a pre-check
    import html

    from doclint.toc import plain

    assert plain(text) == normalize_heading(html.unescape(text))


def test_the_stored_hyphenation_dictionary_hyphenates_as_pyphen_parsing_it_does():
    import pyphen

    from doclint.readability import LANGUAGE, _hyphenation_from_cache

    path = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
    for _ in range(2):  # the first time parses and stores the patterns, the second loads them
        pyphen.hdcache.pop(path, None)
        _hyphenation_from_cache(LANGUAGE)
    loaded, parsed = pyphen.hdcache[path], pyphen.HyphDict(path)
    assert loaded is not parsed and loaded.patterns == parsed.patterns and loaded.maxlen == parsed.maxlen
    words = "hyphenation readability extraordinarily a I strength rhythm naïve co-operate Zürich".split()
    assert [loaded.positions(w) for w in words] == [parsed.positions(w) for w in words]


def test_hyphenated_words_are_kept_in_a_bounded_cache(monkeypatch):
    # pyphen keeps every word it has hyphenated: over millions of documents memory would grow without end
    import pyphen

    from doclint.readability import LANGUAGE, _hyphenation_from_cache, _WordCache

    path = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
    _hyphenation_from_cache(LANGUAGE)
    monkeypatch.setattr(_WordCache, "LIMIT", 3)
    loaded, parsed = pyphen.hdcache[path], pyphen.HyphDict(path)
    loaded.cache.clear()
    words = "hyphenation readability extraordinarily strength rhythm organisation".split()
    assert [loaded.positions(w) for w in words * 2] == [parsed.positions(w) for w in words * 2]
    assert 0 < len(loaded.cache) <= 3


@settings(max_examples=500, deadline=None)
@given(WORDY, st.lists(st.integers(0, 30), min_size=2, max_size=6), st.booleans(), st.sets(st.integers(0, 30)))
def test_section_words_and_names_from_the_token_scan(text, cuts, headed, starts):
    from collections import Counter

    from doclint.document import WORD, Block, Document
    from doclint.rules.content import _Section

    cuts = sorted(min(c, len(text)) for c in cuts)
    blocks = [Block("paragraph", s, e, s, e) for s, e in zip(cuts, cuts[1:])]
    heading, blocks = (blocks[0], blocks[1:]) if headed else (None, blocks)
    section = _Section(Document(text=text, kind="text", prose=text), heading, blocks)
    scans = [list(WORD.finditer(text, b.content_start, b.content_end)) for b in section.spans]  # each block alone
    assert list(section.forms.items()) == list(Counter(m.group() for scan in scans for m in scan).items())
    body = [m for scan in scans[1 if heading else 0:] for m in scan]
    if any(s < at < e for b in section.spans for at in (b.content_start, b.content_end)
           for s, e in (m.span() for m in WORD.finditer(text))):  # a block cuts a word: its own words, in order
        expected = Counter(m.group() for m in body if m.group()[:1].isupper() and m.start() not in starts)
    else:  # the section's capitalised forms, in their order, less those in the heading and at sentence starts
        expected = Counter({w: n for w, n in section.forms.items() if w[:1].isupper()})
        expected.subtract(m.group() for m in scans[0] if heading and m.group() in expected)
        expected.subtract(m.group() for m in body if m.start() in starts and m.group()[:1].isupper())
        expected = +expected
    assert list(section.names(sorted(starts)).items()) == list(expected.items())


PHRASES = st.lists(st.sampled_from(["north", "North", "korea", "Korea", "south", "the", "The", "x", "NK", "3", "’s", "-",
                                    " ", " ", " ", ", ", ". ", ": ", "\n", "\x00"]), max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(PHRASES)
def test_a_capitalised_phrase_stands_beside_a_capital(text):
    from doclint.document import WORD
    from doclint.engine import Linter
    from doclint.rules.casing import _beside_a_capital, _capitalised_phrase, _NonEvidenceStarts

    doc = Linter().parse(text + "\nNorth Korea and South Korea met. We saw North Korea.\n", "a.txt")
    starts = _NonEvidenceStarts(doc)
    for m in WORD.finditer(doc.prose):
        if m.group().islower() and not _beside_a_capital(doc.prose, m.start(), m.end()):
            assert _capitalised_phrase(doc, m.start(), m.end(), starts) is None


@given(st.lists(st.text(st.sampled_from(list("aS's’"))), max_size=8))
def test_stems_of_many_forms(forms):
    from doclint.rules.casing import _stem, _stems

    assert _stems(forms) == {w: _stem(w) for w in forms}


LONG_FORMS = st.sets(st.sampled_from(["abab", "Abab", "ababab", "abab’s", "babab", "a-bab", "baba"]), max_size=4)
SPELLED = st.lists(st.sampled_from(["abab", "Abab", "ab", "b", " ", "\n", ".", "’", "'", "-", "\x00", "\u00a0", "1",
                                    "é", "\u0301", "“"]), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(SPELLED, LONG_FORMS)
def test_word_offsets_of_a_few_long_forms(text, forms):  # placed by str.find, not by looking up every token
    from doclint.document import WORD, Document

    doc = Document(text=text, kind="text", prose=text)
    assert doc.word_offsets(forms) == [(m.start(), m.group()) for m in WORD.finditer(text) if m.group() in forms]
