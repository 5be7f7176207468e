"""Bad input, as a user meets it on the command line: each case gets a one-line message and the right exit code
(0 clean, 1 problems, 2 error), no traceback, the other files of the run are still checked and fixed, and no file
is damaged. The huge inputs are marked slow (they run in CI)."""
from __future__ import annotations

import errno
import os
import pathlib

import pytest

from doclint.engine import Linter
from helpers import run_cli

COMMA = b"Title\n\nOne sentence,with a lost space.\n"
FIXED = b"Title\n\nOne sentence, with a lost space.\n"


def write(path: pathlib.Path, data: bytes) -> pathlib.Path:
    path.write_bytes(data)
    return path


def fix(capsys, *paths) -> tuple[int, str, str]:
    code, out, err = run_cli(capsys, "check", "--fix", *map(str, paths))
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def companion(tmp_path) -> pathlib.Path:
    """A file with one safe fix, checked in the same run as the bad input: it must still be fixed."""
    return write(tmp_path / "companion.txt", COMMA)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  \n", b"\n\n\n", b"\xef\xbb\xbf"],
                         ids=["empty", "whitespace", "newlines", "bom-only"])
def test_empty_and_blank_files_pass(capsys, tmp_path, data):
    path = write(tmp_path / "blank.md", data)
    code, out, err = fix(capsys, path)
    assert (code, out, err) == (0, "All checks passed!\n", "")
    assert path.read_bytes() == data


@pytest.mark.parametrize("name, data, message", [
    ("binary.txt", b"Title\n\nab\x00cd\n", "binary file (NUL byte at offset 9)"),
    ("latin1.txt", b"Title\n\nCaf\xe9,bar\n", "invalid UTF-8 at byte offset 10 (line 3)"),
    ("bom-latin1.md", b"\xef\xbb\xbf# Caf\xe9\n", "invalid UTF-8 at byte offset 8 (line 1)"),
    ("utf16.txt", "Title\n\nOne,two\n".encode("utf-16"), "file is UTF-16 encoded; doclint reads UTF-8 only"),
])
def test_undecodable_files_are_reported_never_fixed_and_the_run_goes_on(capsys, tmp_path, companion, name, data,
                                                                        message):
    path = write(tmp_path / name, data)
    code, out, err = fix(capsys, path, companion)
    assert code == 2
    assert err == f"{path}: error: {message}\n"
    assert out.endswith("Fixed 1 problem. 1 file with errors.\n")
    assert path.read_bytes() == data and companion.read_bytes() == FIXED


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_line_endings_are_counted_and_kept(capsys, tmp_path, newline):
    path = write(tmp_path / "a.txt", COMMA.replace(b"\n", newline))
    code, out, _ = run_cli(capsys, "check", str(path))
    assert code == 1 and f"{path}:3:13: DL301 [*] Missing space after comma" in out
    assert fix(capsys, path)[0] == 0
    assert path.read_bytes() == FIXED.replace(b"\n", newline)


def test_mixed_line_endings_keep_each_lines_own_ending(capsys, tmp_path):
    data = b"Title\r\n\nFirst line,here.\rSecond line,there.\r\n"
    path = write(tmp_path / "mixed.txt", data)
    code, out, _ = run_cli(capsys, "check", str(path))
    assert code == 1 and f"{path}:3:11: DL301" in out and f"{path}:4:12: DL301" in out
    assert fix(capsys, path)[0] == 0
    assert path.read_bytes() == b"Title\r\n\nFirst line, here.\rSecond line, there.\r\n"


def test_a_utf8_bom_is_kept_and_not_counted_as_a_column(capsys, tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + COMMA)
    code, out, _ = run_cli(capsys, "check", str(path))
    assert code == 1 and f"{path}:3:13: DL301" in out
    assert fix(capsys, path)[0] == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x0c"], ids=["U+2028", "U+0085", "form-feed"])
def test_unicode_separators_and_form_feeds_stay_inside_their_line(capsys, tmp_path, separator):
    text = f"Title\n\nOne sentence{separator}and more,with a lost space.\n"
    path = write(tmp_path / "a.txt", text.encode())
    code, out, _ = run_cli(capsys, "check", "--select", "DL301", str(path))
    assert code == 1 and f"{path}:3:22: DL301 [*] Missing space after comma" in out
    assert fix(capsys, "--select", "DL301", path)[0] == 0
    assert path.read_bytes() == text.replace("more,with", "more, with").encode()


def test_zero_width_characters_are_removed_and_bidi_controls_only_reported(capsys, tmp_path):
    text = "Title\n\nA data\u200bcenter in \u202eSeoul\u202c opened.\n"
    path = write(tmp_path / "a.txt", text.encode())
    code, out, _ = fix(capsys, path)
    assert code == 1
    assert f"{path}:3:17: DL002 Invisible character U+202E" in out
    assert path.read_bytes() == text.replace("\u200b", "").encode()


def test_an_unterminated_code_fence_runs_to_the_end_and_nothing_in_it_is_touched(capsys, tmp_path):
    text = "# Title\n\nIntro text,with a lost space.\n\n```python\nx = [1,2]\n\nSome,text\n"
    path = write(tmp_path / "a.md", text.encode())
    code, out, _ = fix(capsys, path)
    assert code == 0 and out == "Fixed 1 problem.\n"
    assert path.read_bytes() == text.replace("text,with", "text, with").encode()


@pytest.mark.parametrize("name, text", [
    ("lists.md", "".join(" " * (2 * min(i, 500)) + "- item,here\n" for i in range(2000))),
    ("quotes.md", "> " * 5000 + "deep,quote\n"),
    ("mixed.md", "".join(("> " if i % 2 else "- ") * 1 for i in range(4000)) + "end,here\n"),
], ids=["nested-lists", "nested-quotes", "lists-in-quotes"])
def test_deeply_nested_markdown_is_checked(capsys, tmp_path, name, text):
    path = write(tmp_path / name, text.encode())
    code, out, err = run_cli(capsys, "check", str(path))
    assert code in (0, 1) and err == "" and "DL000" not in out


@pytest.mark.parametrize("name", ["table.md", "table.txt"])
def test_a_table_of_ten_thousand_rows_is_checked(capsys, tmp_path, name):
    rows = "".join(f"| r{i} | a,b{i} |\n" for i in range(10_000))
    path = write(tmp_path / name, f"Title\n\n| key | value |\n|---|---|\n{rows}".encode())
    code, out, err = run_cli(capsys, "check", str(path))
    assert code in (0, 1) and err == "" and "DL000" not in out


def test_a_path_that_does_not_exist(capsys, tmp_path, companion):
    code, out, err = fix(capsys, tmp_path / "missing.md", companion)
    assert code == 2 and err == f"{tmp_path / 'missing.md'}: error: no such file or directory\n"
    assert companion.read_bytes() == FIXED


def test_a_directory_with_an_unreadable_file_a_broken_link_and_a_fifo(capsys, tmp_path, companion, monkeypatch):
    """Unreadable for real: mode 000. Root reads such a file anyway (CI runs as root), so there the kernel's
    answer to a non-root user is given by a patched os.open, for that file only. The broken symbolic link and
    the FIFO are real either way; a FIFO must not hang the run."""
    locked = write(tmp_path / "locked.md", b"# Locked\n")
    locked.chmod(0)
    if os.geteuid() == 0:
        real_open = os.open

        def denied(path, *args, **kwargs):
            if os.fspath(path) == str(locked):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", denied)
    (tmp_path / "gone.md").symlink_to(tmp_path / "deleted.md")
    os.mkfifo(tmp_path / "pipe.md")
    code, out, err = fix(capsys, tmp_path)
    assert code == 2
    assert err.splitlines() == [f"{tmp_path / 'gone.md'}: error: broken symbolic link (to {tmp_path / 'deleted.md'})",
                                f"{locked}: error: cannot read: Permission denied",
                                f"{tmp_path / 'pipe.md'}: error: not a regular file (a FIFO, socket or device); "
                                "skipped"]
    assert out == "Fixed 1 problem. 3 files with errors.\n"
    assert companion.read_bytes() == FIXED


def test_a_read_only_file_is_not_fixed(capsys, tmp_path, companion):
    path = write(tmp_path / "read-only.txt", COMMA)
    path.chmod(0o444)
    code, out, err = fix(capsys, path, companion)
    assert code == 2 and err == f"{path}: error: file is read-only; fixes not written\n"
    assert f"{path}:3:13: DL301 [*] Missing space after comma" in out
    assert path.read_bytes() == COMMA and companion.read_bytes() == FIXED
    assert path.stat().st_mode & 0o777 == 0o444


def test_a_file_changed_on_disk_while_it_was_checked_is_not_overwritten(capsys, tmp_path, companion, monkeypatch):
    path = write(tmp_path / "edited.txt", COMMA)
    saved_meanwhile = b"Title\n\nThe writer saved this,meanwhile.\n"
    real_fix = Linter.fix

    def fix_while_an_editor_saves(self, text, *args, **kwargs):
        outcome = real_fix(self, text, *args, **kwargs)
        if "lost space" in text and path.read_bytes() == COMMA:
            path.write_bytes(saved_meanwhile)
        return outcome

    monkeypatch.setattr(Linter, "fix", fix_while_an_editor_saves)
    code, out, err = fix(capsys, path, companion)
    assert code == 2
    assert err == f"{path}: error: file changed on disk while doclint was checking it; not overwritten\n"
    assert path.read_bytes() == saved_meanwhile and companion.read_bytes() == FIXED
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".doclint")] == []


def test_a_crash_names_the_file_and_the_run_goes_on(capsys, tmp_path, companion, monkeypatch):
    import doclint.parse_text

    path = write(tmp_path / "a.txt", b"Title\n\nCrash,here.\n")
    real_parse = doclint.parse_text.parse_text

    def crash_on_one_file(text, path="<stdin>"):
        if "Crash" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_parse(text, path)

    monkeypatch.setattr(doclint.parse_text, "parse_text", crash_on_one_file)
    code, out, err = fix(capsys, path, companion)
    assert code == 2
    assert err == (f"{path}: internal error: RecursionError: maximum recursion depth exceeded; "
                   "the file was left unchanged\n")
    assert path.read_bytes() == b"Title\n\nCrash,here.\n" and companion.read_bytes() == FIXED


def test_a_failing_rule_names_the_file_and_rule_and_the_other_rules_still_fix(capsys, tmp_path, monkeypatch):
    def broken(ctx):
        raise KeyError("boom")

    monkeypatch.setattr(Linter, "__init__", _with_broken_rule(Linter.__init__, "DL201", broken))
    path = write(tmp_path / "a.txt", COMMA)
    code, out, err = fix(capsys, path)
    assert code == 2
    assert f"{path}:1:1: DL000 internal error: rule DL201 (lowercase-sentence-start) failed with KeyError: 'boom'" \
        in out
    assert path.read_bytes() == FIXED


def _with_broken_rule(init, code, check):
    def patched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.rules = [r._replace(check=check) if r.code == code else r for r in self.rules]

    return patched


@pytest.mark.slow
def test_a_single_ten_megabyte_line(capsys, tmp_path):
    unit = b"The quick brown fox jumps over the lazy dog, and the dog sleeps. "
    path = write(tmp_path / "line.txt", (unit * (10_000_000 // len(unit) + 1))[:10_000_000])
    code, out, err = run_cli(capsys, "check", str(path))
    assert (code, err) == (0, "") and "DL000" not in out


@pytest.mark.slow  # about 40 s
def test_two_hundred_thousand_short_lines(capsys, tmp_path):
    data = b"Title\n\n" + b"".join(b"Line %d has one,two.\n" % i for i in range(200_000))
    path = write(tmp_path / "lines.txt", data)
    code, out, err = fix(capsys, path)
    assert code == 0 and err == "" and out == "Fixed 200000 problems.\n"
    assert path.read_bytes() == data.replace(b"one,two", b"one, two")


@pytest.mark.slow  # about 40 s
def test_a_fifty_megabyte_file(capsys, tmp_path):
    paragraphs = (b"The committee met on Tuesday, meeting %d. Its report, published later, runs to forty pages.\n\n" % i
                  for i in range(50_000_000 // 90))  # numbered: a repeated paragraph is a finding (DL605)
    path = write(tmp_path / "big.txt", b"Minutes\n\n" + b"".join(paragraphs))
    code, out, err = run_cli(capsys, "check", str(path))
    assert (code, err) == (0, "") and out == "All checks passed!\n"


@pytest.mark.parametrize("path", ["record.md", "record.txt"])
def test_lone_surrogates_from_json_records_are_kept_and_the_text_around_them_checked(path):
    # JSON (corpus records, an editor's buffer) can carry lone surrogates, which UTF-8 and the Markdown parser cannot
    text = "# Title\n\nA name \ud83d cut in half,then thier words.\n\n## Part \udfff\n\nMore [text](#part-) here.\n"
    linter = Linter()
    found = {(d.code, text[d.start:d.end]) for d in linter.check(text, path)}
    assert {("DL301", ","), ("DL401", "thier")} <= found
    outcome = linter.fix(text, path)
    assert outcome.error is None
    assert outcome.text == text.replace(",then thier", ", then their")
