"""LSP positions and edits: code units per encoding, LSP line breaks, minimal fix-all edits."""
from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from doclint.lsp.convert import diff_edits
from doclint.lsp.positions import UTF8, UTF16, UTF32, PositionMap

from lsp_client import apply_edits, offset_of, position_of

ENCODINGS = (UTF8, UTF16, UTF32)
# Line breaks of every kind LSP knows, and characters Python's splitlines would wrongly break on.
ARTICLE_TEXT = st.lists(st.sampled_from(["a", " ", "é", "😀", "\u2028", "\u2029", "\x85", "\x0c", "\n", "\r", "\r\n"]),
                        max_size=40).map("".join)


def test_emoji_and_line_separator_positions():
    text = "Ab\r\n😀x\u2028y\rlast"
    positions = {encoding: PositionMap(text, encoding) for encoding in ENCODINGS}
    y = text.index("y")
    assert positions[UTF16].position(y) == (1, 4)  # 😀 is two UTF-16 units; U+2028 stays inside the line
    assert positions[UTF8].position(y) == (1, 8)
    assert positions[UTF32].position(y) == (1, 3)
    assert positions[UTF16].position(text.index("last")) == (2, 0)
    assert positions[UTF16].offset(1, 1) == text.index("😀")  # inside the surrogate pair: rounds down
    assert positions[UTF16].offset(0, 99) == 2  # past the end of a line: before its line break
    assert positions[UTF16].offset(9, 0) == len(text)


@given(ARTICLE_TEXT, st.sampled_from(ENCODINGS), st.data())
def test_positions_agree_with_an_independent_client(text, encoding, data):
    offset = data.draw(st.integers(0, len(text)))
    assume(text[offset - 1:offset + 1] != "\r\n")  # an offset inside a CRLF has no position of its own
    positions = PositionMap(text, encoding)
    line, character = positions.position(offset)
    expected = position_of(text, offset, encoding)
    assert (line, character) == (expected.line, expected.character)
    assert positions.offset(line, character) == offset == offset_of(text, expected, encoding)


@given(ARTICLE_TEXT, ARTICLE_TEXT, st.sampled_from(ENCODINGS))
def test_diff_edits_turn_the_old_text_into_the_new(old, new, encoding):
    edits = diff_edits(old, new, PositionMap(old, encoding))
    assert apply_edits(old, edits, encoding) == new


def test_diff_edits_touch_only_changed_lines():
    old = "Title\nIt was done,and ended.\nUntouched line.\nThe vote occured.\n"
    new = old.replace(",and", ", and").replace("occured", "occurred")
    edits = diff_edits(old, new, PositionMap(old))
    assert [(e.range.start.line, e.range.end.line, e.new_text) for e in edits] == [
        (1, 2, "It was done, and ended.\n"), (3, 4, "The vote occurred.\n")]
