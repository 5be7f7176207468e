"""The one fix engine: apply non-overlapping edits, re-lint, repeat to a fixpoint, then verify."""
from __future__ import annotations

from collections import Counter, namedtuple
from collections.abc import Callable

from .model import Applicability, Diagnostic, Edit
from .source import dominant_newline

MAX_PASSES = 12


class FixOutcome(namedtuple("FixOutcome", "text remaining fixed error", defaults=(None,))):
    """`text`: the fixed text, or the original when fixing failed; `remaining`: the diagnostics of `text`;
    `fixed`: a Counter, rule code -> fixes applied; `error`: why the original was kept, or None."""

    __slots__ = ()

    @property
    def changed(self) -> bool:
        return bool(self.fixed) and self.error is None


def apply_fixes(text: str, diagnostics: list[Diagnostic], level: Applicability) -> tuple[str, list[Diagnostic]]:
    """Apply every fix at `level` or above whose edits do not overlap an earlier one; one pass over the text."""
    candidates = sorted((d for d in diagnostics if d.fix and d.fix.edits and d.fix.applies(level)),
                        key=lambda d: (d.fix.edits[0].start, d.fix.edits[0].end, d.code))
    newline = dominant_newline(text)
    parts: list[str] = []
    applied: list[Diagnostic] = []
    last = 0
    seen: set[Edit] = set()
    for diagnostic in candidates:
        edits = [e for e in diagnostic.fix.edits if e not in seen]
        if not edits:
            continue
        if edits[0].start < last or _overlaps_itself(edits):
            continue
        for edit in edits:
            parts.append(text[last:edit.start])
            parts.append(with_newline(edit.content, newline))
            last = edit.end
            seen.add(edit)
        applied.append(diagnostic)
    parts.append(text[last:])
    return "".join(parts), applied


def with_newline(content: str, newline: str) -> str:
    """An edit's content as written into a text whose line break is `newline` (rules write \\n)."""
    return content.replace("\n", newline) if newline != "\n" else content


def _overlaps_itself(edits: list[Edit]) -> bool:
    return any(b.start < a.end for a, b in zip(edits, edits[1:]))


def changed_only_inside_edits(before: str, after: str, applied: list[Diagnostic]) -> bool:
    """The safety net under apply_fixes, worked out again from the edits alone: `after` is `before` with each
    applied edit's span replaced by its content, and every character outside those spans unchanged."""
    newline = dominant_newline(before)
    pos = at = 0
    for edit in sorted({e for d in applied for e in d.fix.edits}):
        kept, written = before[pos:edit.start], with_newline(edit.content, newline)
        if edit.start < pos or after[at:at + len(kept)] != kept \
                or after[at + len(kept):at + len(kept) + len(written)] != written:
            return False
        at += len(kept) + len(written)
        pos = edit.end
    return after[at:] == before[pos:]


def fix_until_stable(text: str, lint: Callable[[str], list[Diagnostic]], outline: Callable[[str], tuple],
                     level: Applicability, promoted: frozenset[str] = frozenset()) -> FixOutcome:
    """Fix to a fixpoint. Safe fixes must keep the outline, unless one of the `promoted` rules (whose unsafe
    fixes the configuration declared safe) was applied."""
    original = text
    seen = {text}
    fixed: Counter = Counter()
    diagnostics = lint(text)
    for _ in range(MAX_PASSES):
        # safe fixes first: an unsafe fix (say, a regenerated TOC) is applied to text the safe ones have mended
        new_text, applied = apply_fixes(text, diagnostics, Applicability.SAFE)
        if not applied and level < Applicability.SAFE:
            new_text, applied = apply_fixes(text, diagnostics, level)
        if not applied:
            break
        fixed.update(d.code for d in applied)
        if not changed_only_inside_edits(text, new_text, applied):
            codes = ", ".join(sorted({d.code for d in applied}))
            return FixOutcome(original, lint(original), Counter(),
                              error=f"internal error: fixes changed text outside the spans they named; rules: {codes}")
        if new_text in seen:
            codes = ", ".join(sorted({d.code for d in applied}))
            return FixOutcome(original, lint(original), Counter(),
                              error=f"fixes did not converge (they cycle); rules: {codes}")
        seen.add(new_text)
        text = new_text
        diagnostics = lint(text)
    else:
        if any(d.fix and d.fix.applies(level) for d in diagnostics):
            codes = ", ".join(sorted({d.code for d in diagnostics if d.fix and d.fix.applies(level)}))
            return FixOutcome(original, lint(original), Counter(),
                              error=f"fixes did not converge after {MAX_PASSES} passes; rules: {codes}")
    if level == Applicability.SAFE and fixed and not promoted & set(fixed) and outline(text) != outline(original):
        codes = ", ".join(sorted(fixed))
        return FixOutcome(original, lint(original), Counter(),
                          error=f"internal error: safe fixes changed the document outline; rules: {codes}")
    return FixOutcome(text, diagnostics, fixed)
