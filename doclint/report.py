"""Reporters: concise text lines and the JSON contract."""
from __future__ import annotations

import json
from dataclasses import dataclass

from .model import Applicability, Diagnostic
from .source import LineIndex


@dataclass
class FileReport:
    path: str
    diagnostics: list[Diagnostic]
    index: LineIndex


def fixable_now(diagnostic: Diagnostic, unsafe: bool) -> bool:
    level = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return diagnostic.fix is not None and diagnostic.fix.applies(level)


def concise(reports: list[FileReport], unsafe: bool) -> str:
    lines = []
    for report in reports:
        for d in report.diagnostics:
            line, column = report.index.position(d.start)
            mark = " [*]" if fixable_now(d, unsafe) else ""
            lines.append(f"{report.path}:{line}:{column}: {d.code}{mark} {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_json(reports: list[FileReport]) -> str:
    return json.dumps([_record(r, d) for r in reports for d in r.diagnostics], indent=2, ensure_ascii=False) + "\n"


def _record(report: FileReport, d: Diagnostic) -> dict:
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


def summary(reports: list[FileReport], unsafe: bool, fixed: int) -> str:
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
    elif not fixed:
        parts.append("All checks passed!")
    return " ".join(parts)
