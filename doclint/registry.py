"""Rules as values: a code, a name that names the problem, a check function and its documentation."""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .document import Document
from .model import Applicability, Diagnostic, Edit, Fix, Fixable, Severity

Check = Callable[["RuleContext"], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str  # one line: what the rule reports
    check: Check
    fixable: Fixable = Fixable.NEVER
    severity: Severity = Severity.WARNING
    tags: tuple[str, ...] = ()
    doc: str = ""  # Markdown: ## What it does / ## Why is this bad? / ## Example / ## Use instead / ## Fix safety
    origin: str = "builtin"  # or the pack file it came from


@dataclass
class RuleContext:
    """What a check receives: the document and helpers that build its diagnostics."""

    rule: Rule
    doc: Document
    options: dict = field(default_factory=dict)

    def report(self, start: int, end: int, message: str, fix: Fix | None = None,
               severity: Severity | None = None) -> Diagnostic:
        return Diagnostic(self.rule.code, self.rule.name, message, start, end,
                          self.rule.severity if severity is None else severity, fix)


def fix(title: str, *edits: Edit, applicability: Applicability = Applicability.SAFE) -> Fix:
    return Fix(title, tuple(sorted(edits)), applicability)


_BUILTIN: list[Rule] = []


def rule(code: str, name: str, summary: str, *, fixable: Fixable = Fixable.NEVER,
         severity: Severity = Severity.WARNING, tags: tuple[str, ...] = ()) -> Callable[[Check], Check]:
    """Register a Python rule; its docstring is the rule's documentation page."""

    def register(check: Check) -> Check:
        _BUILTIN.append(Rule(code, name, summary, check, fixable, severity, tags, inspect.cleandoc(check.__doc__ or "")))
        return check

    return register


def builtin_rules() -> list[Rule]:
    from . import rules  # noqa: F401 - importing registers the built-in rules

    return list(_BUILTIN)


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code, a code prefix (DL3), a rule name, a tag, or ALL."""
    selector = selector.strip()
    return (selector.upper() == "ALL" or rule.code.startswith(selector.upper())
            or selector == rule.name or selector in rule.tags)


def select(rules: Iterable[Rule], select: list[str] | None, ignore: list[str] | None) -> Iterator[Rule]:
    for candidate in rules:
        if select and not any(matches(candidate, s) for s in select):
            continue
        if ignore and any(matches(candidate, s) for s in ignore):
            continue
        yield candidate
