"""The Linter: parse a document, run the selected rules, and fix to a fixpoint."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from .document import Document
from .fixer import FixOutcome, fix_until_stable
from .model import Applicability, Diagnostic, Severity
from .patterns import PatternTimeout
from .registry import Rule, RuleContext, builtin_rules, select

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
INTERNAL_ERROR = ("DL000", "internal-error")


def document_kind(path: str) -> str:
    return "markdown" if PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES else "text"


def parse(text: str, path: str = "<stdin>", kind: str | None = None, dialect: str = "github") -> Document:
    if (kind or document_kind(path)) == "markdown":
        from .parse_markdown import parse_markdown

        return parse_markdown(text, path, dialect)
    from .parse_text import parse_text

    return parse_text(text, path)


@dataclass
class Linter:
    """Built once from a configuration; check and fix any number of texts. Picklable; no global state."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    options: dict = field(default_factory=dict)

    def __post_init__(self):
        from .packs import pack_rules
        from .slugs import DIALECTS

        self.rules: list[Rule] = list(select(builtin_rules() + pack_rules(), self.select, self.ignore))
        self.dialect = self.options.get("slug-dialect", "github")
        if self.dialect not in DIALECTS:
            raise ValueError(f"unknown slug-dialect {self.dialect!r} (known: {', '.join(DIALECTS)})")

    def __getstate__(self):
        return {"select": self.select, "ignore": self.ignore, "options": self.options}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.__post_init__()

    def check_document(self, doc: Document) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for rule in self.rules:
            context = RuleContext(rule, doc, self.options.get(rule.name, {}))
            try:
                found.extend(rule.check(context))
            except PatternTimeout as error:
                found.append(_internal(rule, doc, f"timed out ({error}); the rule was skipped for this file"))
            except Exception as error:  # a broken rule must not stop the run; it is reported instead
                found.append(_internal(rule, doc, f"failed with {type(error).__name__}: {error}"))
        found.sort(key=lambda d: d.sort_key)
        return found

    def parse(self, text: str, path: str = "<stdin>", kind: str | None = None) -> Document:
        return parse(text, path, kind, self.dialect)

    def check(self, text: str, path: str = "<stdin>", kind: str | None = None) -> list[Diagnostic]:
        return self.check_document(self.parse(text, path, kind))

    def fix(self, text: str, path: str = "<stdin>", unsafe: bool = False, kind: str | None = None) -> FixOutcome:
        level = Applicability.UNSAFE if unsafe else Applicability.SAFE
        return fix_until_stable(text, lambda t: self.check_document(self.parse(t, path, kind)),
                                lambda t: self.parse(t, path, kind).outline(), level)


def _internal(rule: Rule, doc: Document, what: str) -> Diagnostic:
    code, name = INTERNAL_ERROR
    return Diagnostic(code, name, f"internal error: rule {rule.code} ({rule.name}) {what}", 0, 0, Severity.ERROR)
