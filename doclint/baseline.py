"""Baselines: record today's findings, report only new ones later.

A finding is keyed by its file (relative to the baseline file), its rule, and a hash of the text at and around
its start on its own line, so edits elsewhere in the file, and lines moving, leave the key unchanged. Equal keys
are counted.
"""
from __future__ import annotations

import os
from collections import Counter

from .model import Diagnostic
from .source import LineIndex

VERSION = 1
CONTEXT = 24  # characters either side of a finding that belong to its key


class BaselineError(ValueError):
    """A baseline file that cannot be read or written; the message names it."""


def fingerprint(index: LineIndex, diagnostic: Diagnostic) -> str:
    """A hash of the rule and of the text at and around the finding on its first line: up to CONTEXT characters
    before it, its first 2 * CONTEXT characters, and up to CONTEXT characters after that, whitespace folded."""
    text = index.text
    line_start, line_end = index.line_span(index.line_of(diagnostic.start))
    head_end = max(diagnostic.start, min(diagnostic.end, line_end, diagnostic.start + 2 * CONTEXT))
    before = text[max(line_start, diagnostic.start - CONTEXT):diagnostic.start]
    after = text[head_end:max(head_end, min(line_end, head_end + CONTEXT))]
    parts = [diagnostic.code] + [" ".join(p.split()) for p in (before, text[diagnostic.start:head_end], after)]
    import hashlib  # here and below: a run without a baseline or fingerprints imports neither module

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


class Baseline:
    def __init__(self, path: str, known: Counter | None = None):
        self.path = path
        self.directory = os.path.dirname(os.path.abspath(path))
        self.known: Counter = known if known is not None else Counter()

    @classmethod
    def load(cls, path: str) -> "Baseline":
        import json

        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
        except (OSError, ValueError) as error:
            raise BaselineError(f"{path}: cannot read the baseline: {error}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a doclint baseline (version {VERSION})")
        known: Counter = Counter()
        try:
            for entry in data["findings"]:
                known[(entry["path"], entry["code"], entry["fingerprint"])] += int(entry.get("count", 1))
        except (TypeError, KeyError, ValueError) as error:
            raise BaselineError(f"{path}: malformed finding: {error}") from None
        return cls(path, known)

    def key_path(self, path: str) -> str:
        if path == "-" or path.startswith("<"):
            return path
        return os.path.relpath(os.path.abspath(path), self.directory).replace(os.sep, "/")

    def keys(self, path: str, index: LineIndex, diagnostics: list[Diagnostic]) -> list[tuple[str, str, str]]:
        where = self.key_path(path)
        return [(where, d.code, fingerprint(index, d)) for d in diagnostics]

    def new_findings(self, path: str, index: LineIndex, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics the baseline does not account for (each recorded finding accounts for one)."""
        left = Counter()
        new = []
        for key, diagnostic in zip(self.keys(path, index, diagnostics), diagnostics):
            left[key] += 1
            if left[key] > self.known[key]:
                new.append(diagnostic)
        return new

    def record(self, path: str, index: LineIndex, diagnostics: list[Diagnostic]) -> None:
        self.known.update(self.keys(path, index, diagnostics))

    def write(self) -> None:
        import json

        findings = [{"path": p, "code": c, "fingerprint": f, "count": n} for (p, c, f), n in sorted(self.known.items())]
        body = json.dumps({"version": VERSION, "tool": "doclint", "findings": findings}, indent=1, ensure_ascii=False)
        try:
            with open(self.path, "w", encoding="utf-8") as handle:
                handle.write(body + "\n")
        except OSError as error:
            raise BaselineError(f"{self.path}: cannot write the baseline: {error.strerror or error}") from None
