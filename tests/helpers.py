"""Shared by the tests: render diagnostics the way the concise reporter does, minus the path."""
from __future__ import annotations

from doclint.report import fixable_now
from doclint.source import LineIndex


def render(text: str, diagnostics) -> str:
    index = LineIndex(text)
    lines = []
    for d in diagnostics:
        line, column = index.position(d.start)
        mark = " [*]" if fixable_now(d, unsafe=False) else ""
        lines.append(f"{line}:{column}: {d.code}{mark} {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")
