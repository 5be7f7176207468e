"""Inline suppression in Markdown, applied once by the engine to every rule's diagnostics.

`<!-- doclint-disable [SELECTORS] -->` switches rules off until `<!-- doclint-enable [SELECTORS] -->` (or the end),
`<!-- doclint-disable-next-line [SELECTORS] -->` for the next line, `<!-- doclint-disable-file [SELECTORS] -->` for
the whole file. No selectors means every rule. Selectors are codes, prefixes, names or tags, separated by spaces
or commas. Internal errors (DL000) and unused-suppression findings (DL003) are never suppressed.
"""
from __future__ import annotations

from collections.abc import Iterable

from . import patterns
from .document import Document
from .model import Applicability, Diagnostic, Edit, Fix
from .registry import Rule, matches, specificity

CODE = "DL003"
UNSUPPRESSIBLE = frozenset({"DL000", CODE})
DIRECTIVE = patterns.compile(r"<!--\s*doclint-(disable-next-line|disable-file|disable|enable)(?![\w-])([^>]*?)\s*-->")
ALL = ""  # the selector of a directive that names no rule


class Directive:
    __slots__ = ("action", "selectors", "start", "end", "used")

    def __init__(self, action: str, selectors: tuple[str, ...], start: int, end: int):
        self.action = action  # disable, enable, disable-next-line, disable-file
        self.selectors = selectors
        self.start, self.end = start, end  # the comment
        self.used: set[str] = set()  # selectors (ALL for none) that suppressed or re-enabled something

    @property
    def keys(self) -> tuple[str, ...]:
        return self.selectors or (ALL,)

    def selector_for(self, rule: Rule) -> str | None:
        """The most specific of the directive's selectors that names the rule (ALL without selectors)."""
        if not self.selectors:
            return ALL
        best = max(self.selectors, key=lambda s: specificity(rule, s))
        return best if specificity(rule, best) >= 0 else None


def directives(doc: Document) -> list[Directive]:
    """The suppression comments in the document's raw HTML (never in code), in order."""
    found = []
    for start, end in doc.html:
        for m in DIRECTIVE.finditer(doc.text, start, end):
            selectors = tuple(m.group(2).replace(",", " ").split())
            found.append(Directive(m.group(1), selectors, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def named_rules(found: list[Directive], rules: Iterable[Rule]) -> list[Rule]:
    """The rules the directives name: these must run for DL003 to judge whether a directive is used."""
    return [r for r in rules if any(d.selector_for(r) is not None for d in found if d.action != "enable")]


def apply(doc: Document, found: list[Directive], reported: list[Diagnostic], judged: list[Diagnostic],
          rules: dict[str, Rule], report_unused: bool) -> list[Diagnostic]:
    """`reported` less what the directives suppress; with `report_unused`, plus a DL003 finding for each directive
    (or selector) that suppresses nothing among `judged` (the findings of every rule the directives name)."""
    scope = _Scope(doc, found)
    for diagnostic in judged:
        rule = rules.get(diagnostic.code)
        if rule is not None and diagnostic.code not in UNSUPPRESSIBLE:
            scope.suppressor(rule, diagnostic.start, mark=True)
    kept = [d for d in reported if d.code in UNSUPPRESSIBLE or d.code not in rules
            or scope.suppressor(rules[d.code], d.start, mark=False) is None]
    if not report_unused:
        return kept
    scope.mark_enables(rules.values())
    return kept + [d for directive in found for d in _unused(doc, directive, rules)]


class _Scope:
    def __init__(self, doc: Document, found: list[Directive]):
        self.found = found
        self.next_line = {}  # directive id -> (start, end) of the line it covers
        for d in found:
            if d.action == "disable-next-line":
                line = doc.index.line_of(d.end) + 1
                self.next_line[id(d)] = doc.index.line_span(line) if line < len(doc.index) else (len(doc.text),) * 2

    def suppressor(self, rule: Rule, offset: int, mark: bool) -> Directive | None:
        """The directive that suppresses the rule at offset: a next-line one first, then a range, then the file."""
        for d in self.found:
            if d.action == "disable-next-line" and self.next_line[id(d)][0] <= offset <= self.next_line[id(d)][1]:
                if self._credit(d, rule, mark):
                    return d
        owner = self._open_disable(rule, offset)
        if owner is not None and self._credit(owner, rule, mark):
            return owner
        for d in self.found:
            if d.action == "disable-file" and self._credit(d, rule, mark):
                return d
        return None

    def _open_disable(self, rule: Rule, offset: int) -> Directive | None:
        owner = None
        for d in self.found:
            if d.end > offset:
                break
            if d.action == "disable" and owner is None and d.selector_for(rule) is not None:
                owner = d
            elif d.action == "enable" and d.selector_for(rule) is not None:
                owner = None
        return owner

    @staticmethod
    def _credit(directive: Directive, rule: Rule, mark: bool) -> bool:
        selector = directive.selector_for(rule)
        if selector is None:
            return False
        if mark:
            directive.used.add(selector)
        return True

    def mark_enables(self, rules: Iterable[Rule]) -> None:
        """An enable is used for a selector when it ends a disable of some rule that selector names."""
        rules = list(rules)
        for d in self.found:
            if d.action != "enable":
                continue
            for rule in rules:
                selector = d.selector_for(rule)
                if selector is not None and self._open_disable(rule, d.start) is not None:
                    d.used.add(selector)


def _unused(doc: Document, directive: Directive, rules: dict[str, Rule]) -> list[Diagnostic]:
    comment = doc.text[directive.start:directive.end]
    unknown = [s for s in directive.selectors if not any(matches(r, s) for r in rules.values())]
    unused = [s for s in directive.keys if s not in directive.used]
    if not unused:
        return []
    rule = rules[CODE]
    if len(unused) == len(directive.keys):
        if directive.action == "enable":
            message = f"Unused suppression: '{comment}' ends no doclint-disable"
        elif unknown and len(unknown) == len(unused):
            message = f"Unused suppression: '{comment}' names no known rule ({', '.join(unknown)})"
        else:
            message = f"Unused suppression: '{comment}' suppresses nothing"
        fix = Fix("Remove the comment", _removal(doc, directive), Applicability.UNSAFE)
    else:
        named = ", ".join(f"'{s}'" + (" (unknown rule)" if s in unknown else "") for s in unused)
        message = f"Unused suppression: {named} in '{comment}' " + (
            "ends nothing" if directive.action == "enable" else "suppresses nothing")
        kept = " ".join(s for s in directive.selectors if s not in unused)
        fix = Fix(f"Remove {', '.join(unused)} from the comment",
                  (Edit(directive.start, directive.end, f"<!-- doclint-{directive.action} {kept} -->"),))
    return [Diagnostic(CODE, rule.name, message, directive.start, directive.end, rule.severity, fix)]


def _removal(doc: Document, directive: Directive) -> tuple[Edit, ...]:
    """Delete the comment; when it stands alone on its line, the line, and one blank line that would be left
    doubled."""
    text, index = doc.text, doc.index
    line = index.line_of(directive.start)
    line_start, line_end = index.line_span(line)
    if text[line_start:directive.start].strip() or text[directive.end:line_end].strip():
        start, end = directive.start, directive.end
        if text[start - 1:start] == " " and text[end:end + 1] in (" ", ""):
            start -= 1
        return (Edit(start, end),)
    end = index.starts[line + 1] if line + 1 < len(index) else len(text)
    blank_before = line == 0 or not text[index.starts[line - 1]:line_start].strip()
    if blank_before and line + 1 < len(index) and not text[slice(*index.line_span(line + 1))].strip():
        end = index.starts[line + 2] if line + 2 < len(index) else len(text)
    return (Edit(line_start, end),)
