"""The shared word scan: Document.word_offsets finds exactly what a WORD scan of the prose finds."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from doclint import patterns
from doclint.document import WORD, Document
from doclint.prose import find_words

# letters, combining marks, word joiners, spaces and punctuation: the characters tokenisation depends on
ALPHABET = st.sampled_from(list("abcAB'’-. \u0301\u00e9") + ["data", "metadata", "Data", "a-b"])


def _document(prose: str) -> Document:
    return Document(text=prose, kind="text", prose=prose)


def _some_forms(doc: Document, data) -> set[str]:
    tokens = sorted(doc.word_counts)
    return set(data.draw(st.lists(st.sampled_from(tokens), unique=True))) if tokens else set()


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join), st.data())
def test_word_offsets_equal_a_filtered_word_scan(prose, data):
    doc = _document(prose)
    forms = _some_forms(doc, data)
    expected = [(m.start(), m.group()) for m in WORD.finditer(prose) if m.group() in forms]
    assert doc.word_offsets(forms) == expected


def test_a_form_inside_a_longer_word_is_skipped():
    doc = _document("metadata, data-driven, ádata, x’data and data. Data")
    assert doc.word_counts["data"] == 1
    assert doc.word_offsets({"data", "Data"}) == [(42, "data"), (48, "Data")]


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join), st.data())
def test_find_words_equals_a_scan_for_standalone_forms(prose, data):
    doc = _document(prose)
    forms = _some_forms(doc, data)
    alternatives = "|".join(patterns.escape(f) for f in sorted(forms, key=len, reverse=True))
    standalone = patterns.compile(r"(?<![\p{L}\p{M}'’-])(?:" + alternatives + r")(?![\p{L}\p{M}'’-])")
    expected = [(m.start(), m.end()) for m in standalone.finditer(prose)] if forms else []
    assert find_words(doc, forms) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(ALPHABET, st.just("\n")), max_size=40).map("".join), st.data())
def test_a_long_prose_is_split_in_pieces_with_the_same_words(prose, data):
    from collections import Counter

    from doclint import document

    forms = set(data.draw(st.lists(st.sampled_from(sorted(set(WORD.findall(prose)) or {"a"})), unique=True)))
    expected = [(m.start(), m.group()) for m in WORD.finditer(prose) if m.group() in forms]
    saved, document.WORDS_IN_ONE_PIECE = document.WORDS_IN_ONE_PIECE, 3
    try:
        doc = _document(prose)
        assert doc.word_counts == Counter(WORD.findall(prose))
        assert doc.word_offsets(forms) == expected
    finally:
        document.WORDS_IN_ONE_PIECE = saved
