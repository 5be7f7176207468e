"""doclint's diagnostics and fixes as LSP values; every position goes through a PositionMap."""
from __future__ import annotations

import difflib
from itertools import accumulate

from lsprotocol import types

from ..fixer import with_newline
from ..model import Applicability, Diagnostic, Fix, Severity
from ..ruledocs import rule_url
from ..source import line_starts
from .positions import PositionMap

SOURCE = "doclint"
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
TITLE_SUFFIXES = {Applicability.SAFE: "", Applicability.UNSAFE: " (unsafe fix)",
                  Applicability.DISPLAY_ONLY: " (suggestion)"}


def lsp_range(positions: PositionMap, start: int, end: int) -> types.Range:
    (start_line, start_character), (end_line, end_character) = positions.position(start), positions.position(end)
    return types.Range(types.Position(start_line, start_character), types.Position(end_line, end_character))


def offsets(positions: PositionMap, span: types.Range) -> tuple[int, int]:
    return (positions.offset(span.start.line, span.start.character),
            positions.offset(span.end.line, span.end.character))


def lsp_diagnostic(diagnostic: Diagnostic, positions: PositionMap) -> types.Diagnostic:
    return types.Diagnostic(
        range=lsp_range(positions, diagnostic.start, diagnostic.end),
        message=f"{diagnostic.message} ({diagnostic.name})",
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=rule_url(diagnostic.code, diagnostic.name)),
        source=SOURCE,
    )


def quick_fix_title(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.code}: {diagnostic.fix.title}{TITLE_SUFFIXES[diagnostic.fix.applicability]}"


def fix_edits(fix: Fix, positions: PositionMap, newline: str) -> list[types.TextEdit]:
    return [types.TextEdit(lsp_range(positions, edit.start, edit.end), with_newline(edit.content, newline))
            for edit in fix.edits]


def disable_next_line_edit(diagnostic: Diagnostic, positions: PositionMap, newline: str) -> types.TextEdit:
    """Insert `<!-- doclint-disable-next-line CODE -->` above the diagnostic's first line, at its indentation."""
    line = positions.index.line_of(diagnostic.start)
    start, end = positions.index.line_span(line)
    content = positions.text[start:end]
    indent = content[:len(content) - len(content.lstrip(" \t"))]
    at = lsp_range(positions, start, start)
    return types.TextEdit(at, f"{indent}<!-- doclint-disable-next-line {diagnostic.code} -->{newline}")


def diff_edits(old: str, new: str, positions: PositionMap) -> list[types.TextEdit]:
    """The edits that turn old into new, one per changed run of lines, so the rest of the buffer stays put."""
    before, after = _lines(old), _lines(new)
    starts = list(accumulate((len(line) for line in before), initial=0))
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [types.TextEdit(lsp_range(positions, starts[i1], starts[i2]), "".join(after[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _lines(text: str) -> list[str]:
    """Lines with their line breaks, split as LSP splits them."""
    starts = line_starts(text)
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)]) if a < b]
