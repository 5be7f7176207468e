"""What a run found in each file, the JSON contract, and the closing summary line (formats: doclint.formats)."""
from __future__ import annotations

from collections import Counter

from .model import Applicability, Diagnostic
from .source import LineIndex


class FileReport:
    __slots__ = ("path", "diagnostics", "index", "fixed", "readability")

    def __init__(self, path: str, diagnostics: list[Diagnostic], index: LineIndex | None,
                 fixed: Counter | None = None):
        self.path, self.diagnostics = path, diagnostics
        self.index = index  # positions, and the lines it quotes; None when there is nothing to place
        self.fixed = Counter() if fixed is None else fixed  # rule code -> fixes applied to this file
        self.readability: dict | None = None  # words, sentences, Flesch scores: filled for --statistics


def fixable_now(diagnostic: Diagnostic, unsafe: bool) -> bool:
    level = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return diagnostic.fix is not None and diagnostic.fix.applies(level)


def to_json(reports: list[FileReport]) -> str:
    import json  # only machine formats pay for it

    return json.dumps([record(r, d) for r in reports for d in r.diagnostics], indent=2, ensure_ascii=False) + "\n"


def record(report: FileReport, d: Diagnostic) -> dict:
    """One diagnostic as the JSON contract describes it (README, "JSON output")."""
    line, column = report.index.position(d.start)
    end_line, end_column = report.index.position(d.end)
    record = {"path": report.path, "code": d.code, "name": d.name, "severity": d.severity.label,
              "message": d.message, "line": line, "column": column, "end_line": end_line, "end_column": end_column,
              "fix": None}
    if d.fix is not None:
        edits = []
        for edit in d.fix.edits:
            (l1, c1), (l2, c2) = report.index.position(edit.start), report.index.position(edit.end)
            edits.append({"line": l1, "column": c1, "end_line": l2, "end_column": c2, "content": edit.content})
        record["fix"] = {"applicability": d.fix.applicability.label, "message": d.fix.title, "edits": edits}
    return record


def summary(reports: list[FileReport], unsafe: bool, fixed: int, failed: int = 0) -> str:
    """The closing line; `failed` counts the files with errors (reported above it)."""
    found = sum(len(r.diagnostics) for r in reports)
    fixable = sum(fixable_now(d, unsafe) for r in reports for d in r.diagnostics)
    hidden = 0 if unsafe else sum(fixable_now(d, True) and not fixable_now(d, False)
                                  for r in reports for d in r.diagnostics)
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} problem{'s' * (fixed != 1)}.")
    if found:
        tail = []
        if fixable:
            tail.append(f"{fixable} fixable with --fix")
        if hidden:
            tail.append(f"{hidden} more with --unsafe-fixes")
        parts.append(f"Found {found} problem{'s' * (found != 1)}" + (f" ({'; '.join(tail)})" if tail else "") + ".")
    elif not fixed and not failed:
        parts.append("All checks passed!")
    if failed:
        parts.append(f"{failed} file{'s' * (failed != 1)} with errors.")
    return " ".join(parts)
