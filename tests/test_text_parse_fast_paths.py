"""The plain-text parser's fast paths give exactly what the plain formulation they replace gives."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from doclint import parse_text as pt
from doclint.source import LineIndex

LINES = st.lists(st.sampled_from(list(" \t\r\n\x0b\x1c\x85\u2028\u3000-*•–·▪◦01239.)|aNnKT:?\u212aſé") +
                                 ["note:", "Tip:", "did", "Pro", "quick", "İmportant", "War", "warning:", "fun fact:",
                                  "KEY TAKEAWAY:", "pro tip:", "Quick tip:", "Did you know?", "important:"]),
                 max_size=30).map("".join)

# Lines that open list items or nearly do: indent, marker, gap, text, line break.
ITEM_LINES = st.lists(st.tuples(st.sampled_from(["", " ", "\t", "\u3000"]),
                                st.sampled_from(list("-*•–·▪◦x|é\u0660") + ["0.", "9)", "12.", "1234.", "٣."]),
                                st.sampled_from([" ", "\t", ""]), st.sampled_from(["a", " "]),
                                st.sampled_from(["\n", "\r\n", "\r", "\n\n"])).map("".join),
                      max_size=8).map("".join)


def _lines(text: str) -> list[tuple[int, int]]:
    return pt._line_spans(text, LineIndex(text).starts)


@settings(max_examples=500, deadline=None)
@given(LINES)
def test_blank_lines(text):
    lines = _lines(text)
    assert pt._blank_lines(text, lines) == [s == e or text[s:e].isspace() for s, e in lines]


@settings(max_examples=500, deadline=None)
@given(st.one_of(LINES, ITEM_LINES), st.integers(0, 3))
def test_list_items_from_a_line_on(text, first):
    lines = _lines(text)
    items = {i: m.end() for i in range(first, len(lines)) if (m := pt.LIST_ITEM.match(text, *lines[i]))}
    assert pt._list_items(text, lines, first) == items


@settings(max_examples=500, deadline=None)
@given(LINES)
def test_callouts(text):
    for s, e in _lines(text):
        if text[s:e].strip():
            assert pt._is_callout(text, s, e) == bool(pt.CALLOUT.match(text[s:e].lstrip()))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 30), unique=True).map(sorted), st.integers(0, 30))
def test_next_stop_of_a_wrapped_paragraph(stops, i):
    j = i + 1
    while j < 31 and j not in stops:
        j += 1
    assert pt._next_stop(stops, i, 31) == j


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(list("Ab .,;:!?\t\u00a0\u2028") + ["word", "Word"]), max_size=80)
                 .map("".join),
                 st.lists(st.sampled_from(["Word", "word.", "x,", ";", "\u2028"]), max_size=32).map(" ".join)))
def test_a_short_line_is_loosely_shaped_unless_it_ends_as_a_sentence_part(text):
    """_mark_headings reads the loose shape of the lines heading_shaped(exact=True) found short off their end."""
    if pt.heading_shaped(text, exact=True):
        assert pt.heading_shaped(text, loose=True) == (not text.endswith(pt.LOOSE_ENDS))
