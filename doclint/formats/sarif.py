"""SARIF 2.1.0, as GitHub code scanning accepts it: rules with help, relative URIs, code-point columns,
partial fingerprints, and fixes as replacements."""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from .. import __version__
from ..baseline import fingerprint
from ..model import Applicability, Diagnostic, Severity
from ..registry import Rule
from ..report import FileReport
from ..ruledocs import rule_url
from . import Run, uri

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def render(run: Run) -> str:
    codes = sorted({d.code for r in run.reports for d in r.diagnostics})
    descriptors = [_descriptor(run.rules.get(code), code, run) for code in codes]
    positions = {code: i for i, code in enumerate(codes)}
    results = [_result(report, d, positions[d.code], run, occurrence)
               for report in run.reports for d, occurrence in _with_occurrences(report)]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "doclint", "version": __version__, "semanticVersion": __version__,
                            "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule: Rule | None, code: str, run: Run) -> dict:
    if rule is None:  # DL000, an internal error, is not a rule
        name = next(d.name for r in run.reports for d in r.diagnostics if d.code == code)
        return {"id": code, "name": name, "helpUri": rule_url(code, name),
                "shortDescription": {"text": "doclint internal error"},
                "fullDescription": {"text": "doclint could not run a rule on this file."},
                "help": {"text": "Report this as a doclint bug.", "markdown": "Report this as a doclint bug."},
                "defaultConfiguration": {"level": "error"}}
    help_text = rule.doc or rule.summary
    return {"id": rule.code, "name": rule.name, "helpUri": rule_url(rule.code, rule.name),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": _first_paragraph(rule) or rule.summary},
            "help": {"text": help_text, "markdown": help_text},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": list(rule.tags), "precision": "high",
                           "problem.severity": PROBLEM_SEVERITY[rule.severity]}}


def _first_paragraph(rule: Rule) -> str:
    """The text under the rule's "What it does" heading."""
    body = rule.doc.split("## What it does", 1)[-1].strip()
    return " ".join(body.split("\n\n", 1)[0].split()) if body and not body.startswith("#") else ""


def _with_occurrences(report: FileReport):
    """Each diagnostic with how many earlier ones of its file share its line hash (for the fingerprint)."""
    seen: Counter = Counter()
    for d in report.diagnostics:
        key = _line_hash(report, d)
        yield d, (key, seen[key])
        seen[key] += 1


def _line_hash(report: FileReport, d: Diagnostic) -> str:
    start, end = report.index.line_span(report.index.line_of(d.start))
    line = " ".join(report.index.text[start:end].split())
    return hashlib.sha256(f"{d.code}\x1f{line}".encode("utf-8")).hexdigest()[:16]


def _region(report: FileReport, start: int, end: int) -> dict:
    (line, column), (end_line, end_column) = report.index.position(start), report.index.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(report: FileReport, d: Diagnostic, rule_index: int, run: Run, occurrence: tuple[str, int]) -> dict:
    location = {"uri": uri(report.path, run.cwd)}
    line_hash, seen = occurrence
    result = {"ruleId": d.code, "ruleIndex": rule_index, "level": LEVELS[d.severity], "message": {"text": d.message},
              "locations": [{"physicalLocation": {"artifactLocation": location,
                                                  "region": _region(report, d.start, d.end)}}],
              "partialFingerprints": {"primaryLocationLineHash": f"{line_hash}:{seen + 1}",
                                      "doclintContextHash/v1": fingerprint(report.index, d)}}
    if d.fix is not None and d.fix.edits and d.fix.applicability >= Applicability.UNSAFE:
        result["fixes"] = [{
            "description": {"text": f"{d.fix.title} ({d.fix.applicability.label} fix)"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [
                {"deletedRegion": _region(report, e.start, e.end), "insertedContent": {"text": e.content}}
                for e in d.fix.edits]}]}]
    return result
