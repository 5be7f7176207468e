"""Property tests of `doclint fix` on files: whatever the bytes, the file afterwards holds exactly what the engine's
fix gives, written back with its BOM, line breaks and mode, and no temporary file beside it; a file doclint cannot
read is left byte for byte as it was, with a one-line message."""
from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclint.cli import main
from doclint.source import DecodeError, decode
from properties import LINTER
from test_properties import NEWLINES, PATHS, article_like, markdown_like

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXTS = st.text() | markdown_like() | article_like()


def fix_file(data: bytes, name: str) -> tuple[int, bytes, list[str], int, str]:
    """`doclint fix` on a file of these bytes: (exit status, bytes after, the folder's names, mode, stderr)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as handle:
            handle.write(data)
        os.chmod(path, 0o640)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["fix", "--isolated", path])
        with open(path, "rb") as handle:
            after = handle.read()
        return code, after, sorted(os.listdir(folder)), stat.S_IMODE(os.stat(path).st_mode), err.getvalue()


@SETTINGS
@given(text=TEXTS, newline=NEWLINES, bom=st.booleans(), name=PATHS)
def test_fix_in_place_writes_exactly_the_fixed_text(text, newline, bom, name):
    data = (codecs.BOM_UTF8 if bom else b"") + text.replace("\n", newline).encode("utf-8")
    try:
        source = decode(data)
    except DecodeError:
        return  # a NUL: refused, as the next test shows
    code, after, names, mode, _ = fix_file(data, name)
    assert after == source.encode(LINTER.fix(source.text, name).text)
    assert names == [name] and mode == 0o640 and code in (0, 1)


@SETTINGS
@given(data=st.binary(), name=PATHS)
def test_a_file_doclint_cannot_read_is_left_as_it_was(data, name):
    try:
        decode(data)
        return
    except DecodeError:
        pass
    code, after, names, _, err = fix_file(data, name)
    assert (code, after, names) == (2, data, [name])
    assert err.count("\n") == 1 and "Traceback" not in err


@SETTINGS
@given(text=st.text(st.sampled_from("ab \r\n\u2028é")), data=st.data())
def test_an_excerpt_reads_its_kept_lines_as_the_whole_text_does(text, data):
    from doclint.source import Excerpt, LineIndex

    index = LineIndex(text)
    offsets = st.integers(0, len(text))
    spans = [tuple(sorted(pair)) for pair in data.draw(st.lists(st.tuples(offsets, offsets), max_size=4))]
    excerpt = Excerpt(index, spans)
    assert list(excerpt.starts) == index.starts and len(excerpt.text) == len(text)
    for start, end in spans:
        for line in range(index.line_of(start), index.line_of(end) + 1):
            assert excerpt.line_span(line) == index.line_span(line)
            low, high = index.starts[line], index.line_span(line)[1]
            a, b = sorted(data.draw(st.tuples(st.integers(low, high), st.integers(low, high))))
            assert excerpt.text[a:b] == text[a:b]
