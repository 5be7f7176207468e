"""What git ignores: the .gitignore files of a repository and its .git/info/exclude (not the global file)."""
from __future__ import annotations

import os

from .globs import Glob, GlobError, compile_glob


class GitIgnore:
    """Answers `ignored(path)` for paths in any git repository, reading each ignore file once."""

    def __init__(self):
        self._roots: dict[str, str | None] = {}
        self._globs: dict[str, tuple[Glob, ...]] = {}
        self._directories: dict[str, bool] = {}

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Is the (absolute) path, or a directory it is in, ignored by git?"""
        root = self._repo_root(os.path.dirname(path))
        if root is None or path == root:
            return False
        if is_dir and path in self._directories:
            return self._directories[path]
        parent = os.path.dirname(path)
        verdict = parent != root and self.ignored(parent, True) or self._verdict(root, path, is_dir)
        if is_dir:
            self._directories[path] = verdict
        return verdict

    def _verdict(self, root: str, path: str, is_dir: bool) -> bool:
        verdict = False
        for directory in _chain(root, os.path.dirname(path)):
            for glob in self._ignore_file(directory, root):
                if glob.matches(path, is_dir):
                    verdict = not glob.negated
        return verdict

    def _repo_root(self, directory: str) -> str | None:
        if directory not in self._roots:
            if os.path.exists(os.path.join(directory, ".git")):
                self._roots[directory] = directory
            else:
                parent = os.path.dirname(directory)
                self._roots[directory] = None if parent == directory else self._repo_root(parent)
        return self._roots[directory]

    def _ignore_file(self, directory: str, root: str) -> tuple[Glob, ...]:
        if directory not in self._globs:
            globs = _read(os.path.join(directory, ".gitignore"), directory)
            if directory == root:
                globs = _read(os.path.join(root, ".git", "info", "exclude"), root) + globs
            self._globs[directory] = globs
        return self._globs[directory]


def _chain(root: str, directory: str) -> list[str]:
    """root, then each directory down to `directory`."""
    chain = [directory]
    while directory != root:
        directory = os.path.dirname(directory)
        chain.append(directory)
    return chain[::-1]


def _read(path: str, base: str) -> tuple[Glob, ...]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ()
    globs = []
    for line in lines:
        if line.endswith(" ") and not line.endswith("\\ "):
            line = line.rstrip(" ")
        if not line or line.startswith("#"):
            continue
        try:
            globs.append(compile_glob(line, base, allow_negation=True))
        except GlobError:
            continue  # git itself skips patterns it cannot parse
    return tuple(globs)
