"""The Linter: parse a document, run the selected rules, and fix to a fixpoint."""
from __future__ import annotations

import os

from . import suppression
from .document import Document
from .fixer import FixOutcome, fix_until_stable
from .globs import absolute, compile_glob
from .model import Applicability, Diagnostic, Severity
from .patterns import PatternTimeout
from .registry import Rule, RuleContext, builtin_rules, decide, matches
from .registry import select as select_rules
from .slugs import DIALECTS

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
INTERNAL_ERROR = ("DL000", "internal-error")


def document_kind(path: str) -> str:
    return "markdown" if os.path.splitext(path)[1].lower() in MARKDOWN_SUFFIXES else "text"


def parse(text: str, path: str = "<stdin>", kind: str | None = None, dialect: str = "github") -> Document:
    if (kind or document_kind(path)) == "markdown":
        from .parse_markdown import parse_markdown

        return parse_markdown(text, path, dialect)
    from .parse_text import parse_text

    return parse_text(text, path)


def available_rules(packs: tuple[str, ...] = ()) -> list[Rule]:
    """The built-in rules, the shipped packs' rules and the rules of extra pack folders."""
    from .packs import pack_rules

    return builtin_rules() + pack_rules(tuple(packs))


class Linter:
    """Built once from a configuration; check and fix any number of texts. Picklable; no global state.

    Selectors (codes, prefixes, names, tags, ALL) choose rules; the most specific selector naming a rule wins.
    `options` maps a rule name to its settings (`severity` for any rule, others as the rule declares), and
    "slug-dialect" to how Markdown headings become anchors (see doclint.slugs.DIALECTS).
    `per_file_ignores` maps globs (relative to `root`) to selectors switched off for matching paths.
    `fixable` / `unfixable` name the rules whose fixes may be applied (default: all) or only shown;
    `extend_safe_fixes` / `extend_unsafe_fixes` the rules whose unsafe fixes count as safe, or safe ones as unsafe;
    `packs` extra folders of rule packs.
    """

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None,
                 options: dict | None = None, extend_select: list[str] | None = None,
                 per_file_ignores: dict[str, list[str]] | None = None, root: str = ".",
                 fixable: list[str] | None = None, unfixable: list[str] | None = None,
                 extend_safe_fixes: list[str] | None = None, extend_unsafe_fixes: list[str] | None = None,
                 packs: tuple[str, ...] = ()):
        self.configuration = dict(  # all that pickling sends: the copy rebuilds its rules from it
            select=select, ignore=ignore, options=options or {}, extend_select=extend_select,
            per_file_ignores=per_file_ignores or {}, root=root, fixable=fixable, unfixable=unfixable,
            extend_safe_fixes=extend_safe_fixes, extend_unsafe_fixes=extend_unsafe_fixes, packs=packs)
        self.select, self.ignore, self.options = select, ignore, self.configuration["options"]
        self.available = {r.code: r for r in available_rules(packs)}
        self.rules: list[Rule] = list(select_rules(self.available.values(), select, ignore, extend_select))
        self._file_ignores = [(compile_glob(pattern, root), tuple(selectors))
                              for pattern, selectors in self.configuration["per_file_ignores"].items()]
        self._rules_by_ignores: dict[tuple[int, ...], list[Rule]] = {}
        fixing = (fixable, unfixable or (), extend_safe_fixes or (), extend_unsafe_fixes or ())
        self._policies = {code: self._policy(rule, *fixing) for code, rule in self.available.items()}
        self.dialect = self.options.get("slug-dialect", "github")
        if self.dialect not in DIALECTS:
            raise ValueError(f"unknown slug-dialect {self.dialect!r} (known: {', '.join(DIALECTS)})")

    def __getstate__(self):
        return self.configuration

    def __setstate__(self, state):
        self.__init__(**state)

    def _policy(self, rule: Rule, fixable: list[str] | None, unfixable, safer, riskier
                ) -> tuple[Severity | None, Applicability | None]:
        """What the configuration changes in the rule's diagnostics: the severity, and the applicability of its
        fixes (DISPLAY_ONLY: shown, never applied). On a tie between extend-safe and extend-unsafe, unsafe wins."""
        severity = self.options.get(rule.name, {}).get("severity")
        level = None
        if any(matches(rule, s) for s in (*safer, *riskier)):
            level = Applicability.SAFE if decide(rule, safer, riskier, default=False) else Applicability.UNSAFE
        if not decide(rule, fixable if fixable is not None else ["ALL"], unfixable, default=False):
            level = Applicability.DISPLAY_ONLY
        return (Severity[severity.upper()] if severity else None), level

    def rules_for(self, path: str) -> list[Rule]:
        """The rules that run on `path`: the selected ones less its per-file ignores."""
        if not self._file_ignores:
            return self.rules
        where = absolute(path)
        hits = tuple(i for i, (glob, _) in enumerate(self._file_ignores) if glob.matches(where))
        if hits not in self._rules_by_ignores:
            ignored = [s for i in hits for s in self._file_ignores[i][1]]
            self._rules_by_ignores[hits] = [r for r in self.rules if not any(matches(r, s) for s in ignored)]
        return self._rules_by_ignores[hits]

    def check_document(self, doc: Document) -> list[Diagnostic]:
        rules = self.rules_for(doc.path)
        found = self._run(rules, doc)
        directives = suppression.directives(doc)
        if directives:
            report_unused = any(r.code == suppression.CODE for r in rules)
            judged = found
            if report_unused:
                ran = {r.code for r in rules}
                extra = [r for r in suppression.named_rules(directives, self.available.values()) if r.code not in ran]
                judged = found + self._run(extra, doc)
            found = suppression.apply(doc, directives, found, judged, self.available, report_unused)
        found = [self._apply_policy(d) for d in found]
        if doc.kind == "text":
            found = _unsafe_if_reshaping(doc, found)
        found.sort(key=lambda d: d.sort_key)
        return found

    def _run(self, rules: list[Rule], doc: Document) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for rule in rules:
            context = RuleContext(rule, doc, self.options.get(rule.name, {}))
            try:
                found.extend(rule.check(context))
            except PatternTimeout as error:
                found.append(_internal(rule, doc, f"timed out ({error}); the rule was skipped for this file"))
            except Exception as error:  # a broken rule must not stop the run; it is reported instead
                found.append(_internal(rule, doc, f"failed with {type(error).__name__}: {error}"))
        return found

    def _apply_policy(self, diagnostic: Diagnostic) -> Diagnostic:
        severity, level = self._policies.get(diagnostic.code, (None, None))
        if severity is not None and severity != diagnostic.severity:
            diagnostic = diagnostic._replace(severity=severity)
        if level is not None and diagnostic.fix is not None:
            current = diagnostic.fix.applicability
            wanted = current if current == Applicability.DISPLAY_ONLY else level
            if wanted != current:
                diagnostic = diagnostic._replace(fix=diagnostic.fix._replace(applicability=wanted))
        return diagnostic

    def parse(self, text: str, path: str = "<stdin>", kind: str | None = None) -> Document:
        return parse(text, path, kind, self.dialect)

    def check(self, text: str, path: str = "<stdin>", kind: str | None = None) -> list[Diagnostic]:
        return self.check_document(self.parse(text, path, kind))

    def fix(self, text: str, path: str = "<stdin>", unsafe: bool = False, kind: str | None = None) -> FixOutcome:
        level = Applicability.UNSAFE if unsafe else Applicability.SAFE
        promoted = frozenset(code for code, (_, change) in self._policies.items() if change == Applicability.SAFE)
        outlines: dict[str, tuple] = {}  # of each text linted: checking the outline parses nothing again

        def lint(version: str) -> list[Diagnostic]:
            doc = self.parse(version, path, kind)
            outlines[version] = doc.outline()
            return self.check_document(doc)

        def outline(version: str) -> tuple:
            return outlines[version] if version in outlines else self.parse(version, path, kind).outline()

        return fix_until_stable(text, lint, outline, level, promoted)


def _unsafe_if_reshaping(doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    """Safe fixes that would turn a plain-text paragraph into a heading or back, alone or together with the
    other safe fixes of the same line, are unsafe: safe fixes never change the outline."""
    from .parse_text import reshapes

    by_block: dict[int, list[int]] = {}
    for i, d in enumerate(found):
        if d.fix is not None and d.fix.edits and d.fix.applicability == Applicability.SAFE:
            block = doc.text_block_at(d.fix.edits[0].start)
            if block is not None and block.kind in ("paragraph", "heading") \
                    and d.fix.edits[-1].end <= block.content_end:
                by_block.setdefault(id(block), []).append(i)
    found = list(found)
    for members in by_block.values():
        block = doc.text_block_at(found[members[0]].fix.edits[0].start)
        together, last = [], block.content_start
        for i in sorted(members, key=lambda i: found[i].fix.edits[0].start):
            if found[i].fix.edits[0].start >= last:
                together += found[i].fix.edits
                last = found[i].fix.edits[-1].end
        if reshapes(doc, block, together) or any(reshapes(doc, block, list(found[i].fix.edits)) for i in members):
            for i in members:
                found[i] = found[i]._replace(fix=found[i].fix._replace(applicability=Applicability.UNSAFE))
    return found


def _internal(rule: Rule, doc: Document, what: str) -> Diagnostic:
    code, name = INTERNAL_ERROR
    return Diagnostic(code, name, f"internal error: rule {rule.code} ({rule.name}) {what}", 0, 0, Severity.ERROR)
