"""One version of an open document: linted and fixed at most once, answered in LSP values."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lsprotocol import types

from ..engine import Linter
from ..fixer import FixOutcome
from ..model import Applicability, Diagnostic
from ..source import dominant_newline
from . import convert
from .positions import PositionMap

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.doclint"


@dataclass(eq=False)
class Snapshot:
    uri: str
    version: int | None
    text: str
    path: str
    kind: str  # "markdown" or "text"
    linter: Linter
    encoding: str
    result_id: str  # unique per snapshot, for pull diagnostics

    @cached_property
    def positions(self) -> PositionMap:
        return PositionMap(self.text, self.encoding)

    @cached_property
    def newline(self) -> str:
        return dominant_newline(self.text)

    @cached_property
    def findings(self) -> list[tuple[Diagnostic, types.Diagnostic]]:
        return [(d, convert.lsp_diagnostic(d, self.positions))
                for d in self.linter.check(self.text, self.path, self.kind)]

    @property
    def diagnostics(self) -> list[types.Diagnostic]:
        return [lsp for _, lsp in self.findings]

    @cached_property
    def safe_fix(self) -> FixOutcome:
        """Linter.fix, as `doclint check --fix` runs it: the one fix engine."""
        return self.linter.fix(self.text, self.path, kind=self.kind)

    def fix_all_edits(self) -> list[types.TextEdit]:
        return convert.diff_edits(self.text, self.safe_fix.text, self.positions)

    def code_actions(self, params: types.CodeActionParams, versioned: bool) -> list[types.CodeAction]:
        """Quick fixes and, in Markdown, suppressions for the diagnostics at the range; fix-all when it changes
        something. `versioned` edits name the document version, so a client refuses them once it is stale."""
        actions: list[types.CodeAction] = []
        if _wanted(types.CodeActionKind.QuickFix.value, params.context.only):
            suppressions: dict[tuple[str, int], tuple[Diagnostic, types.Diagnostic]] = {}
            for diagnostic, lsp in self._at(params.range, params.context.diagnostics):
                if diagnostic.fix and diagnostic.fix.edits:
                    edits = convert.fix_edits(diagnostic.fix, self.positions, self.newline)
                    actions.append(self._action(convert.quick_fix_title(diagnostic), types.CodeActionKind.QuickFix,
                                                edits, versioned, [lsp],
                                                diagnostic.fix.applicability == Applicability.SAFE))
                if self.kind == "markdown":
                    suppressions.setdefault((diagnostic.code, lsp.range.start.line), (diagnostic, lsp))
            for diagnostic, lsp in suppressions.values():
                edit = convert.disable_next_line_edit(diagnostic, self.positions, self.newline)
                actions.append(self._action(f"{diagnostic.code}: Disable for this line",
                                            types.CodeActionKind.QuickFix, [edit], versioned, [lsp]))
        if _wanted(FIX_ALL, params.context.only) and self.safe_fix.changed:
            actions.append(self._action("doclint: Fix all safe problems", FIX_ALL, self.fix_all_edits(), versioned))
        return actions

    def _at(self, span: types.Range, context: list[types.Diagnostic]) -> list[tuple[Diagnostic, types.Diagnostic]]:
        """Findings touching span or equal to a context diagnostic; failing that, those sharing a context
        diagnostic's code and line (clients such as Neovim 0.7 send back imprecise ranges)."""
        start, end = convert.offsets(self.positions, span)
        ours = [c for c in context if c.source in (None, convert.SOURCE)]
        exact = {(c.code, _range_key(c.range)) for c in ours}
        chosen = [(d, lsp) for d, lsp in self.findings
                  if d.start <= end and start <= d.end or (lsp.code, _range_key(lsp.range)) in exact]
        if chosen:
            return chosen
        lines = {(c.code, c.range.start.line) for c in ours}
        return [(d, lsp) for d, lsp in self.findings if (lsp.code, lsp.range.start.line) in lines]

    def _action(self, title: str, kind: str, edits: list[types.TextEdit], versioned: bool,
                diagnostics: list[types.Diagnostic] | None = None, preferred: bool | None = None) -> types.CodeAction:
        if versioned:
            document = types.OptionalVersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
            edit = types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(document, edits)])
        else:
            edit = types.WorkspaceEdit(changes={self.uri: edits})
        return types.CodeAction(title=title, kind=kind, diagnostics=diagnostics, is_preferred=preferred or None,
                                edit=edit)


def _wanted(kind: str, only: list[str] | None) -> bool:
    """LSP kinds are hierarchical: asking for `source.fixAll` also asks for `source.fixAll.doclint`."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def _range_key(span: types.Range) -> tuple[int, int, int, int]:
    return span.start.line, span.start.character, span.end.line, span.end.character
