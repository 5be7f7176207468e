"""The parsers' fast paths give exactly what the plain formulation they replace gives."""
from __future__ import annotations

import pyromark
from hypothesis import given, settings, strategies as st

from doclint.parse_markdown import OPTIONS

MARKDOWN = st.lists(st.sampled_from(["# ", "- ", "1. ", "> ", "*", "_", "`", "[a](#b)", "![i](j)", "<b>", "|", "---",
                                     "```", "\n", "\n\n", "  ", "\t", "x", "é", "\U0001f600", "[^1]", "\\", "&amp;"]),
                    max_size=30).map("".join)


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
