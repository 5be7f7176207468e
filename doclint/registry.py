"""Rules as values: a code, a name that names the problem, a check function and its documentation."""
from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator

from .document import Document
from .model import Applicability, Diagnostic, Edit, Fix, Fixable, Severity

Check = Callable[["RuleContext"], Iterable[Diagnostic]]


class Rule(namedtuple("Rule", "code name summary check fixable severity tags docstring origin options",
                      defaults=(Fixable.NEVER, Severity.WARNING, (), "", "builtin", ()))):
    """`summary`: one line, what the rule reports; `check`: a Check; `tags`: a tuple of str; `docstring`: the
    documentation as written, indented like the source; `origin`: "builtin" or the pack file it came from;
    `options`: the Options `[rules.<code>]` in the configuration may set, besides severity."""

    __slots__ = ()

    @property
    def doc(self) -> str:
        """Markdown: ## What it does / ## Why is this bad? / ## Example / ## Use instead / ## Fix safety."""
        import inspect  # only documentation needs it: `check` starts faster without

        return inspect.cleandoc(self.docstring)


class Option(namedtuple("Option", "name kind default help choices", defaults=((),))):
    """A setting of one rule: its name in the configuration, its kind ("strings" or one of `choices`), its default."""

    __slots__ = ()


class RuleContext:
    """What a check receives: the document and helpers that build its diagnostics."""

    __slots__ = ("rule", "doc", "options")

    def __init__(self, rule: Rule, doc: Document, options: dict | None = None):
        self.rule, self.doc, self.options = rule, doc, {} if options is None else options

    def report(self, start: int, end: int, message: str, fix: Fix | None = None,
               severity: Severity | None = None) -> Diagnostic:
        return Diagnostic(self.rule.code, self.rule.name, message, start, end,
                          self.rule.severity if severity is None else severity, fix)


def fix(title: str, *edits: Edit, applicability: Applicability = Applicability.SAFE) -> Fix:
    return Fix(title, tuple(sorted(edits)), applicability)


_BUILTIN: list[Rule] = []


def rule(code: str, name: str, summary: str, *, fixable: Fixable = Fixable.NEVER,
         severity: Severity = Severity.WARNING, tags: tuple[str, ...] = (),
         options: tuple[Option, ...] = ()) -> Callable[[Check], Check]:
    """Register a Python rule; its docstring is the rule's documentation page."""

    def register(check: Check) -> Check:
        _BUILTIN.append(Rule(code, name, summary, check, fixable, severity, tags, check.__doc__ or "",
                             options=options))
        return check

    return register


def builtin_rules() -> list[Rule]:
    from . import rules  # noqa: F401 - importing registers the built-in rules

    return list(_BUILTIN)


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code, a code prefix (DL3), a rule name, a tag, or ALL."""
    return specificity(rule, selector) >= 0


EXACT = 100


def specificity(rule: Rule, selector: str) -> int:
    """How precisely the selector names the rule: -1 not at all, 0 ALL, 1 a tag, 1 + length for a code prefix,
    EXACT for the rule's code or name."""
    selector = selector.strip()
    if selector.upper() == rule.code or selector == rule.name:
        return EXACT
    if selector and rule.code.startswith(selector.upper()):
        return 1 + len(selector)
    if selector in rule.tags:
        return 1
    return 0 if selector.upper() == "ALL" else -1


def decide(rule: Rule, on: Iterable[str], off: Iterable[str], default: bool) -> bool:
    """The most specific selector naming the rule wins; on a tie `off` wins; named by none: `default`."""
    best_on = max((specificity(rule, s) for s in on), default=-1)
    best_off = max((specificity(rule, s) for s in off), default=-1)
    if best_on < 0 and best_off < 0:
        return default
    return best_on > best_off


def select(rules: Iterable[Rule], select: list[str] | None, ignore: list[str] | None,
           extend_select: list[str] | None = None) -> Iterator[Rule]:
    """`select` (default: every rule) plus `extend_select`, minus `ignore`; the most specific selector wins."""
    enabled = list(select if select is not None else ["ALL"]) + list(extend_select or ())
    for candidate in rules:
        if decide(candidate, enabled, ignore or (), default=False):
            yield candidate
