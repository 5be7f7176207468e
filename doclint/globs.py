"""Glob patterns with .gitignore semantics, for include/exclude, per-file-ignores and .gitignore files.

A pattern without a slash matches a name at any depth; a pattern with a slash matches the path relative to its
base directory. `*` and `?` stop at `/`, `**` crosses directories, `[abc]`/`[!abc]` are classes, a trailing `/`
matches directories only, a leading `!` re-includes (in .gitignore files) and `\\` escapes.
"""
from __future__ import annotations

import os
from collections import namedtuple

from . import patterns


class GlobError(ValueError):
    """A pattern that cannot be compiled; the message says why."""


class Glob(namedtuple("Glob", "source base regex anchored directory_only negated")):
    """`base`: the absolute directory the pattern is relative to; `regex`: a patterns.Pattern; `anchored`: matched
    against the whole relative path, not only the name."""

    __slots__ = ()

    def matches(self, path: str, is_dir: bool = False) -> bool:
        """Does the pattern match `path` (absolute, normalised) itself? A pattern without a slash matches the
        name of any path; one with a slash only paths below its base. Ancestors are the caller's business."""
        if self.directory_only and not is_dir:
            return False
        if not self.anchored:
            return self.regex.fullmatch(os.path.basename(path)) is not None
        relative = relative_to(path, self.base)
        return bool(relative) and self.regex.fullmatch(relative) is not None


def relative_to(path: str, base: str) -> str | None:
    """`path` relative to `base` with '/' separators, or None when it is not below it."""
    if base == os.sep:
        return path[1:]
    if path == base:
        return ""
    if path.startswith(base + os.sep):
        return path[len(base) + 1:].replace(os.sep, "/")
    return None


def absolute(path: str) -> str:
    return os.path.abspath(path)


def compile_glob(pattern: str, base: str, *, ignore_case: bool = False, allow_negation: bool = False) -> Glob:
    source = pattern
    negated = allow_negation and pattern.startswith("!")
    if negated:
        pattern = pattern[1:]
    directory_only = pattern.endswith("/") and not pattern.endswith("\\/")
    pattern = pattern.rstrip("/") if directory_only else pattern
    anchored = "/" in pattern
    pattern = pattern.lstrip("/")
    if not pattern:
        raise GlobError(f"empty pattern {source!r}")
    flags = patterns.IGNORECASE if ignore_case else 0
    return Glob(source, absolute(base), patterns.compile(translate(pattern), flags), anchored, directory_only, negated)


def translate(pattern: str) -> str:
    """The regular expression (for a full match) of one glob pattern."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            if pattern.startswith("**", i):
                after_slash = i == 0 or pattern[i - 1] == "/"
                if after_slash and pattern.startswith("**/", i):
                    out.append("(?:.*/)?")
                    i += 3
                    continue
                if after_slash and i + 2 == n:
                    out.append(".*")
                    i += 2
                    continue
                i += 1  # '**' inside a name is an ordinary '*'
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 2 if pattern[i + 1:i + 2] in ("!", "^", "]") else i + 1)
            if end < 0:
                raise GlobError(f"unclosed '[' in {pattern!r}")
            body = pattern[i + 1:end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
            i = end
        elif c == "\\" and i + 1 < n:
            i += 1
            out.append(patterns.escape(pattern[i]))
        else:
            out.append(patterns.escape(c))
        i += 1
    return "".join(out)


def excluded(path: str, globs: tuple[Glob, ...], is_dir: bool, root: str) -> bool:
    """Does any glob match the path, or one of its directories below `root`?"""
    if any(g.matches(path, is_dir) for g in globs):
        return True
    parent = os.path.dirname(path)
    while relative_to(parent, root):
        if any(g.matches(parent, True) for g in globs):
            return True
        parent = os.path.dirname(parent)
    return False
