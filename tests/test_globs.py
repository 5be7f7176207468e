"""Glob patterns with .gitignore semantics, and what git ignores."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from doclint.gitignore import GitIgnore
from doclint.globs import GlobError, compile_glob, excluded


@pytest.mark.parametrize("pattern, path, is_dir, expected", [
    ("*.md", "/p/a.md", False, True),
    ("*.md", "/p/deep/er/a.md", False, True),  # no slash: a name at any depth
    ("*.md", "/elsewhere/a.md", False, True),
    ("docs/*.md", "/p/docs/a.md", False, True),
    ("docs/*.md", "/p/x/docs/a.md", False, False),  # a slash anchors to the base
    ("docs/*.md", "/p/docs/sub/a.md", False, False),  # '*' stops at '/'
    ("docs/**/*.md", "/p/docs/sub/deeper/a.md", False, True),
    ("docs/**/*.md", "/p/docs/a.md", False, True),
    ("**/gen/*.txt", "/p/x/y/gen/a.txt", False, True),
    ("legacy/**", "/p/legacy/a/b.txt", False, True),
    ("/top.md", "/p/top.md", False, True),
    ("/top.md", "/p/sub/top.md", False, False),
    ("build/", "/p/build", True, True),
    ("build/", "/p/build", False, False),  # trailing '/': directories only
    ("a?.txt", "/p/ab.txt", False, True),
    ("a?.txt", "/p/a/.txt", False, False),
    ("[!x]*.txt", "/p/y.txt", False, True),
    ("[!x]*.txt", "/p/x.txt", False, False),
    ("\\*.md", "/p/*.md", False, True),
    ("\\*.md", "/p/a.md", False, False),
])
def test_glob_semantics(pattern, path, is_dir, expected):
    assert compile_glob(pattern, "/p").matches(path, is_dir) is expected


def test_bad_glob_is_an_error():
    with pytest.raises(GlobError, match="unclosed"):
        compile_glob("[abc", "/p")


def test_excluded_checks_directories_below_the_root_only():
    globs = (compile_glob(".*/", "/home/u/.work/project"),)
    assert excluded("/home/u/.work/project/.cache/a.md", globs, False, "/home/u/.work/project")
    assert not excluded("/home/u/.work/project/docs/a.md", globs, False, "/home/u/.work/project")


def test_gitignore_nesting_negation_and_info_exclude(tmp_path: Path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("# comment\n*.log.md\n/root-only.md\nlib/\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("!keep.log.md\nlocal.md\n")
    (tmp_path / ".git" / "info" / "exclude").write_text("private.md\n")
    ignore = GitIgnore()
    root = str(tmp_path)
    assert ignore.ignored(f"{root}/a.log.md", False)
    assert not ignore.ignored(f"{root}/sub/keep.log.md", False)  # a deeper file overrides
    assert ignore.ignored(f"{root}/sub/other.log.md", False)
    assert ignore.ignored(f"{root}/root-only.md", False) and not ignore.ignored(f"{root}/sub/root-only.md", False)
    assert ignore.ignored(f"{root}/sub/local.md", False) and not ignore.ignored(f"{root}/local.md", False)
    assert ignore.ignored(f"{root}/lib/x/y.md", False)  # inside an ignored directory
    assert ignore.ignored(f"{root}/private.md", False)
    assert not ignore.ignored(f"{root}/ok.md", False)


def test_no_repository_no_gitignore(tmp_path: Path):
    (tmp_path / ".gitignore").write_text("*.md\n")
    assert not GitIgnore().ignored(str(tmp_path / "a.md"), False)
