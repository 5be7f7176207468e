"""Decoding, line splitting and positions."""
from __future__ import annotations

import pytest

from doclint.engine import Linter
from doclint.source import DecodeError, LineIndex, decode, line_starts


def test_lines_split_only_on_newline_crlf_and_cr():
    text = "a\u2028b\x85c\x0cd\r\ne\rf\ng"
    assert line_starts(text) == [0, 9, 11, 13]
    index = LineIndex(text)
    assert index.position(text.index("e")) == (2, 1)
    assert index.position(text.index("d")) == (1, 7)  # U+2028, NEL and form feed stay inside line 1


def test_columns_count_code_points():
    text = "Emoji 😀 then,word\n"
    (d,) = Linter(select=["DL301"]).check(text)
    assert LineIndex(text).position(d.start) == (1, 13)


def test_bom_is_stripped_and_restored():
    source = decode(b"\xef\xbb\xbfHello")
    assert source.text == "Hello" and source.bom and source.encode() == b"\xef\xbb\xbfHello"


@pytest.mark.parametrize("data, message", [
    (b"ab\x00cd", "binary file (NUL byte at offset 2)"),
    (b"ok \xff\xfe bad", "invalid UTF-8 at byte offset 3"),
    (b"\xff\xfeh\x00i\x00", "UTF-16"),
])
def test_undecodable_input_is_refused(data, message):
    with pytest.raises(DecodeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data)
