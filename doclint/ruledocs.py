"""The rules page, docs/rules.md, generated from the rules' own documentation, and stable links into it."""
from __future__ import annotations

from .engine import INTERNAL_ERROR
from .registry import Rule

RULES_PAGE_URL = "https://github.com/doclint/doclint/blob/main/docs/rules.md"


def rule_anchor(code: str, name: str) -> str:
    """The anchor a Markdown renderer (GitHub's included) gives the heading `## CODE name`."""
    return f"{code}-{name}".lower()


def rule_url(code: str, name: str) -> str:
    return f"{RULES_PAGE_URL}#{rule_anchor(code, name)}"


def rules_page(rules: list[Rule]) -> str:
    code, name = INTERNAL_ERROR
    sections = ["# Rules\n\nGenerated from the rules' documentation (`doclint rule CODE` prints one section); "
                "regenerate with `DOCLINT_UPDATE=1 python -m pytest tests/test_rule_docs.py`.\n",
                f"## {code} {name}\n\nA rule failed or timed out on a file; the other rules still ran. "
                "Please report it with the file that triggers it.\n"]
    for rule in sorted(rules, key=lambda r: r.code):
        sections.append(f"## {rule.code} {rule.name}\n\n{rule.summary}.\n\nFixable: {rule.fixable.value}. "
                        f"Default severity: {rule.severity.label}. Tags: {', '.join(rule.tags) or '-'}.\n\n"
                        f"{_demote_headings(rule.doc)}\n")
    return "\n".join(sections)


def _demote_headings(markdown: str) -> str:
    """Nest a rule's `## ...` headings under its own `## CODE name` heading; code blocks are left alone."""
    lines, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        lines.append("#" + line if line.startswith("#") and not fenced else line)
    return "\n".join(lines)
