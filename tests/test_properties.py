"""Property tests with hypothesis: arbitrary text, Markdown-like text and article-like text, in both parsers, with
every line-break style and with or without a BOM, keep the properties of tests/properties.py."""
from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclint.source import DecodeError, decode
from properties import as_read, assert_properties

EXAMPLES = 200
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATHS = st.sampled_from(["article.txt", "article.md"])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])

DEFECTS = ["word,word", "economies.The", "openai", "OpenAI", "teh", "recieve", "Myung-bakS", "Myung-bak",
           "companyâ€™s", "data\u200bcenter", "\u202eevil\u202c", "in 2011. this", "...", "Read more", "Seoul",
           "seoul", "South Korea", "South korea", "e.g.", "U.S.", "x,y", "900,000", "https://example.com/a,b",
           "user@example.com", "“quoted”", "don’t", "\u00ad", "\ufeff", "\x07"]
MARKUP = ["# ", "## ", "### ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "```", "~~~", "    ", "\t", "|", " | ",
          "|---|---|", "---", "***", "[link](#target)", "[x](http://a.b)", "![img](a.png)", "<!-- toc -->",
          "<!-- /toc -->", "<!-- doclint-disable DL301 -->", "<!-- doclint-enable -->",
          "<!-- doclint-disable-next-line -->", "<a id=\"x\"></a>", "**", "_", "`", "\\", "{#custom}",
          "Table of Contents", "Contents:", "FAQ", "Frequently Asked Questions", "What is it?", "\u2028", "\x85",
          "\x0c", " ", "  ", "\n", "\n\n"]
WORDS = ["The", "report", "was", "published", "in", "Seoul", "and", "it", "says", "that", "Introduction",
         "Results", "Discussion", "Overview", "a", "new", "agreement", "between", "two", "companies"]


@st.composite
def markdown_like(draw) -> str:
    pieces = draw(st.lists(st.sampled_from(MARKUP + DEFECTS + WORDS) | st.text(max_size=5), max_size=60))
    newline = draw(NEWLINES)
    return "".join(pieces).replace("\n", newline)


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + DEFECTS), min_size=1, max_size=14))
    return " ".join(words) + draw(st.sampled_from([".", ".", "?", "", ",", " ..."]))


@st.composite
def article_like(draw) -> str:
    """A title, perhaps a table of contents (bulleted, numbered or linked), headings and paragraphs with defects."""
    markdown = draw(st.booleans())
    headings = draw(st.lists(st.sampled_from(["Introduction", "Results", "Discussion", "Overview", "Next Steps",
                                              "Frequently Asked Questions"]), max_size=5))
    lines = [("# " if markdown else "") + draw(st.sampled_from(["South Korea Signs An Agreement", "A Report"])), ""]
    if headings and draw(st.booleans()):
        lines += ["## Table of Contents" if markdown else "Table of Contents", ""]
        style = draw(st.sampled_from(["- ", "- {n}. ", "{n}. ", "* "]))
        entries = draw(st.lists(st.sampled_from(headings + ["Missing Section"]), min_size=1, max_size=6))
        for n, entry in enumerate(entries, 1):
            text = f"[{entry}](#{entry.lower().replace(' ', '-')})" if markdown else entry
            lines.append(style.format(n=n) + text)
        lines.append("")
    for heading in headings:
        lines += [("## " if markdown else "") + heading, ""]
        for _ in range(draw(st.integers(0, 3))):
            lines += [" ".join(draw(st.lists(sentence(), min_size=1, max_size=4))), ""]
    text = draw(NEWLINES).join(lines)
    return text if draw(st.booleans()) else text.rstrip()


def _path_for(text_path: str, markdown: bool) -> str:
    return "article.md" if markdown else text_path


@SETTINGS
@given(text=st.text(), path=PATHS, bom=st.booleans())
def test_arbitrary_text(text, path, bom):
    assert_properties(as_read(text, bom), path)


@SETTINGS
@given(text=markdown_like(), path=PATHS, bom=st.booleans())
def test_markdown_like_text(text, path, bom):
    assert_properties(as_read(text, bom), path)


@SETTINGS
@given(text=article_like(), path=PATHS, bom=st.booleans())
def test_article_like_text(text, path, bom):
    assert_properties(as_read(text, bom), path)


@SETTINGS
@given(data=st.binary() | st.builds(lambda b, t: b + t.encode(), st.sampled_from([b"", codecs.BOM_UTF8]), st.text()),
       path=PATHS)
def test_arbitrary_bytes_decode_or_are_refused_and_round_trip(data, path):
    try:
        source = decode(data)
    except DecodeError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert source.encode() == data
    assert_properties(source, path)
