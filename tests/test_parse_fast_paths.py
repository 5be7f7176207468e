"""The parsers' fast paths give exactly what the plain formulation they replace gives."""
from __future__ import annotations

import html

import pyromark
from hypothesis import given, settings, strategies as st

from doclint.document import MASK, normalize_heading
from doclint.parse_markdown import OPTIONS
from doclint.prose import build_prose
from doclint.slugs import _GITHUB_DROP, github
from doclint.toc import _MARKUP, plain

TEXT = st.text(st.sampled_from("ab .\t\n\r\u00a0\u2028é€\U0001f600\u0301"), max_size=20)
MARKDOWN = st.lists(st.sampled_from(["# ", "- ", "1. ", "> ", "*", "_", "`", "[a](#b)", "![i](j)", "<b>", "|", "---",
                                     "```", "\n", "\n\n", "  ", "\t", "x", "é", "\U0001f600", "[^1]", "\\", "&amp;"]),
                    max_size=30).map("".join)


def _utf8_offset(text: str, at: int) -> int:
    return len(text[:at].encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=6))
def test_prose_of_utf8_bytes_is_the_prose_of_the_text(text, pairs):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in pairs]
    inside = {i for start, end in spans for i in range(start, end)}
    expected = "".join(ch if i in inside or ch in "\r\n" else MASK for i, ch in enumerate(text))
    in_bytes = [(_utf8_offset(text, start), _utf8_offset(text, end)) for start, end in spans]
    assert build_prose(text.encode("utf-8"), in_bytes) == expected


@settings(max_examples=300, deadline=None)
@given(MARKDOWN)
def test_each_end_closes_the_tag_its_start_opened(text):
    """The Markdown walk takes an End's tag from its stack of open tags, not from the event."""
    stack = []
    for event, _ in pyromark.events_with_range(text, options=OPTIONS):
        if "Start" in event:
            payload = event["Start"]
            stack.append(payload if type(payload) is str else next(iter(payload)))
        elif "End" in event:
            payload = event["End"]
            assert stack.pop() == (payload if type(payload) is str else next(iter(payload)))
    assert stack == []


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=20))
def test_github_slug_of_ascii(text):
    assert github(text) == _GITHUB_DROP.sub("", text.strip().lower()).replace(" ", "-")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", " ", "<b>", "</em>", "`", "*", "_", "[", "]", "](x)", "&", "amp;", "#39;",
                                 "é", ":", "."]), max_size=12).map("".join))
def test_plain_heading_text(text):
    assert plain(text) == normalize_heading(html.unescape(_MARKUP.sub("", text)))
