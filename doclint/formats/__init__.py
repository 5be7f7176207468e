"""Output formats: each renders the reports of one run as text for a person, a tool or a CI service."""
from __future__ import annotations

import os
from collections import namedtuple



class Run(namedtuple("Run", "reports rules unsafe color cwd", defaults=(False, False, "."))):
    """`reports`: the FileReports; `rules`: code -> Rule, for names and documentation; `unsafe`: unsafe fixes
    count as fixable."""

    __slots__ = ()


def relative_path(path: str, cwd: str) -> str:
    """The path relative to cwd with '/' separators when it is below cwd; otherwise absolute."""
    if path.startswith("<"):
        return path
    full = os.path.abspath(os.path.join(cwd, path))
    relative = os.path.relpath(full, cwd)
    return (full if relative.startswith("..") else relative).replace(os.sep, "/")


def uri(path: str, cwd: str) -> str:
    """A URI reference for the file: relative to cwd where possible, else an absolute file URI."""
    from urllib.parse import quote

    relative = relative_path(path, cwd)
    if relative.startswith("/"):
        return "file://" + quote(relative)
    return quote(relative)


def rule_name(run: Run, code: str, fallback: str) -> str:
    rule = run.rules.get(code)
    return rule.name if rule else fallback


_FORMATTERS = {"concise": ("text", "concise"), "full": ("text", "full"), "json": ("machine", "json_array"),
               "json-lines": ("machine", "json_lines"), "sarif": ("sarif", "render"), "github": ("github", "render"),
               "junit": ("junit", "render"), "gitlab": ("gitlab", "render")}  # name -> (module, function)


FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github", "junit", "gitlab")
TEXT_FORMATS = frozenset({"concise", "full"})  # for people: a summary line, colour on a terminal


def render(name: str, run: Run) -> str:
    """The run in format `name`; only that format's module is imported (junit's XML costs a run that prints
    text)."""
    from importlib import import_module

    module, function = _FORMATTERS[name]
    return getattr(import_module(f"{__name__}.{module}"), function)(run)
